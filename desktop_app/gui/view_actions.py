"""How a feature adds a view to the main window (gui layer): the view in the stack, and a
checkable action in the views' group (案件列表 / 期限看板 / …) on a menu and the toolbar that
refreshes the view and shows it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


def add_view(window, view: QWidget, text: str, object_name: str, shortcut: str, menu: QMenu,
             after: QAction | None = None) -> QAction:
    """Put ``view`` behind a new action ``text`` on ``menu`` (right after ``after`` when given,
    else at the end) and on the toolbar; returns the action."""
    window.ui.viewStack.addWidget(view)
    action = QAction(text, window, checkable=True, objectName=object_name)
    action.setShortcut(QKeySequence(shortcut))
    list_action = window.findChild(QAction, "caseListViewAction")
    group = list_action.actionGroup() if list_action is not None else None
    if group is not None:
        group.addAction(action)
    actions = menu.actions()
    following = actions[actions.index(after) + 1] if after in actions and actions.index(after) + 1 < len(actions) else None
    menu.insertAction(following, action)
    window.ui.mainToolBar.addAction(action)

    def show() -> None:
        action.setChecked(True)
        view.refresh()
        window.ui.viewStack.setCurrentWidget(view)

    action.triggered.connect(show)
    return action
