"""The main window's declared extension points: named menus, the commands of
``action_registry`` with their shortcuts and enabled-rules, and the views of the stack by name
(gui layer).

Features add their commands and views here (through ``MainWindow.add_action`` / ``add_view``) and
reach each other by name (``show_view("rectification")``), never by setting attributes on the
window or by looking up a widget's object name. Menus are laid out from the registry, so the
order in which features install does not matter.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.gui.action_registry import ACTIONS, MENUS, SUBMENUS, VIEW_ACTIONS, When, spec


class WindowCommands:
    def __init__(self, window):
        self.window = window
        ui = window.ui
        self.menus: dict[str, QMenu] = {
            name: getattr(ui, form_name) for name, (_title, form_name) in MENUS.items() if form_name}
        self.actions: dict[str, QAction] = {}
        self.views: dict[str, QWidget] = {}
        self._extensions: dict[str, list[Callable[[QWidget], None]]] = {}  # for views not added yet
        self.submenus: dict[str, QMenu] = {}
        self.view_group = QActionGroup(window)
        self._toolbar_views: QAction | None = None  # the separator before the view switchers
        for declared in ACTIONS:  # the form's own actions take their shortcut and rule from the table
            action = getattr(ui, declared.name, None)
            if isinstance(action, QAction):
                self._adopt(action)

    # ---- menus ------------------------------------------------------------------------

    def menu(self, name: str) -> QMenu:
        """The menu ``name`` of ``action_registry.MENUS``, made (in its place on the bar) when
        first asked for."""
        if name not in self.menus:
            title, _form_name = MENUS[name]
            menu = QMenu(title, self.window)
            menu.setObjectName(f"{name}Menu")
            menu.aboutToShow.connect(self.update)
            later = [self.menus[n] for n in list(MENUS)[list(MENUS).index(name) + 1:] if n in self.menus]
            bar = self.window.ui.menuBar
            if later:
                bar.insertMenu(later[0].menuAction(), menu)
            else:
                bar.addMenu(menu)
            self.menus[name] = menu
        return self.menus[name]

    def submenu(self, name: str) -> QMenu:
        """The submenu ``name`` of ``action_registry.SUBMENUS`` (e.g. 设置 → 数据库)."""
        if name not in self.submenus:
            sub = QMenu(SUBMENUS[name], self.window)
            sub.setObjectName(f"{name}Submenu")
            sub.aboutToShow.connect(self.update)
            self.submenus[name] = sub
        return self.submenus[name]

    def _lay_out(self, name: str) -> None:
        """List the menu's declared actions in the table's order, sections apart."""
        menu = self.menu(name)
        declared = [s for s in ACTIONS if s.menu == name and s.name in self.actions]
        menu.clear()
        section = None
        placed: set[str] = set()
        for s in declared:
            if s.submenu and s.submenu in placed:
                self.submenu(s.submenu).addAction(self.actions[s.name])
                continue
            if section is not None and s.section != section:
                menu.addSeparator()
            section = s.section
            if s.submenu:
                sub = self.submenu(s.submenu)
                sub.clear()
                menu.addMenu(sub)
                sub.addAction(self.actions[s.name])
                placed.add(s.submenu)
            else:
                menu.addAction(self.actions[s.name])

    # ---- actions ----------------------------------------------------------------------

    def _adopt(self, action: QAction) -> QAction:
        declared = spec(action.objectName())
        if declared.shortcut:
            action.setShortcut(QKeySequence(declared.shortcut))
        self.actions[declared.name] = action
        return action

    def add_action(self, name: str, text: str, slot: Callable | None = None, *, status_tip: str = "",
                   checkable: bool = False) -> QAction:
        """The declared command ``name`` on its menu, calling ``slot`` when triggered."""
        action = QAction(text, self.window, objectName=name, checkable=checkable)
        if status_tip:
            action.setStatusTip(status_tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self._adopt(action)
        self._lay_out(spec(name).menu)
        action.setEnabled(self.allowed(spec(name).when))
        return action

    def action(self, name: str) -> QAction:
        return self.actions[name]

    def allowed(self, when: When) -> bool:
        window = self.window
        services = window.services
        if when is When.ALWAYS:
            return True
        if when is When.NEVER or not services.connected:
            return False
        writable = not services.read_only
        if when is When.OPEN:
            return True
        if when is When.WRITABLE:
            return writable
        if when is When.ROWS:
            return bool(window.case_list.selected_rows())
        # ROW: the current row (opening and deleting act on it, even among several selected).
        has_row = window.case_list.selected_row() is not None
        return has_row and (writable or when is When.ROW)

    def update(self, *_args) -> None:
        """Enable each action as its rule says (the database opened, the selection changed…)."""
        for name, action in self.actions.items():
            action.setEnabled(self.allowed(spec(name).when))

    # ---- views ------------------------------------------------------------------------

    def add_view(self, name: str, view: QWidget, text: str, *, status_tip: str = "") -> QAction:
        """``view`` in the window's stack behind its switcher on 视图 and the toolbar."""
        self.window.ui.viewStack.addWidget(view)
        self.views[name] = view
        declared = VIEW_ACTIONS[name]
        action = self.add_action(declared.name, text, lambda: self.show_view(name), status_tip=status_tip,
                                 checkable=True)
        self.view_group.addAction(action)
        self._lay_out_toolbar_views()
        for extend in self._extensions.pop(name, ()):
            extend(view)
        return action

    def extend_view(self, name: str, extend: Callable[[QWidget], None]) -> None:
        """Run ``extend`` with the view ``name`` (a panel added to it): now when the view is there,
        else when its feature adds it, so features install in any order."""
        if name in self.views:
            extend(self.views[name])
        else:
            self._extensions.setdefault(name, []).append(extend)

    def _lay_out_toolbar_views(self) -> None:
        toolbar = self.window.ui.mainToolBar
        if self._toolbar_views is None:
            self._toolbar_views = toolbar.addSeparator()
        switchers = [self.actions[s.name] for s in ACTIONS if s.view and s.name in self.actions]
        for action in switchers:
            toolbar.removeAction(action)
        toolbar.addActions(switchers)

    def show_view(self, name: str) -> QWidget:
        """Switch to the view ``name`` (refreshed first) and return it."""
        view = self.views[name]
        self.actions[VIEW_ACTIONS[name].name].setChecked(True)
        refresh = getattr(view, "refresh", None)
        if refresh is not None and name != "cases":
            refresh()
        self.window.ui.viewStack.setCurrentWidget(view)
        return view

    def view(self, name: str) -> QWidget:
        return self.views[name]
