"""How a feature adds a view to the main window (gui layer): the view in the stack, and a
checkable action in the views' group (案件列表 / 期限看板 / …) on a menu and the toolbar that
refreshes the view and shows it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

#: Every view and its shortcut, in the order the 视图 menu lists them: Ctrl+1 … Ctrl+5 with no gap.
VIEW_SHORTCUTS = {
    "caseListViewAction": "Ctrl+1",
    "dashboardViewAction": "Ctrl+2",
    "rectificationViewAction": "Ctrl+3",
    "statisticsViewAction": "Ctrl+4",
    "reviewViewAction": "Ctrl+5",
}


def view_shortcut(object_name: str) -> QKeySequence:
    return QKeySequence(VIEW_SHORTCUTS[object_name])


def add_view(window, view: QWidget, text: str, object_name: str, menu: QMenu,
             after: QAction | None = None) -> QAction:
    """Put ``view`` behind a new action ``text`` on ``menu`` and on the toolbar; returns the action.
    The action goes right after ``after`` when given, else after the last view already on
    ``menu`` (so the views stay together whatever order the features install in), else at the
    end. Its shortcut comes from ``VIEW_SHORTCUTS``."""
    window.ui.viewStack.addWidget(view)
    action = QAction(text, window, checkable=True, objectName=object_name)
    action.setShortcut(view_shortcut(object_name))
    list_action = window.findChild(QAction, "caseListViewAction")
    group = list_action.actionGroup() if list_action is not None else None
    actions = menu.actions()
    if after is None and group is not None:
        views = [a for a in actions if a in group.actions()]
        after = views[-1] if views else None
    if group is not None:
        group.addAction(action)
    following = actions[actions.index(after) + 1] if after in actions and actions.index(after) + 1 < len(actions) else None
    menu.insertAction(following, action)
    window.ui.mainToolBar.addAction(action)

    def show() -> None:
        action.setChecked(True)
        view.refresh()
        window.ui.viewStack.setCurrentWidget(view)

    action.triggered.connect(show)
    return action
