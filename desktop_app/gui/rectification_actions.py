"""Adds the 整改清单 editor to the main window: a view in the stack and 视图 → 整改清单 on the
menu and toolbar, in the same action group as 案件列表 / 期限看板 (gui layer)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from desktop_app.gui.views.rectification_view import RectificationView


def install(window) -> RectificationView:
    view = RectificationView(window.services, window.runner, window)
    view.setObjectName("rectificationView")
    stack = window.ui.viewStack
    stack.addWidget(view)
    action = QAction("整改清单", window, checkable=True, objectName="rectificationViewAction")
    action.setShortcut(QKeySequence("Ctrl+3"))
    list_action = window.findChild(QAction, "caseListViewAction")
    group = list_action.actionGroup() if list_action is not None else None
    if group is not None:
        group.addAction(action)
    menu = window.ui.viewMenu
    anchor = window.findChild(QAction, "dashboardViewAction")
    actions = menu.actions()
    following = actions[actions.index(anchor) + 1] if anchor in actions and actions.index(anchor) + 1 < len(actions) else None
    menu.insertAction(following, action)
    window.ui.mainToolBar.addAction(action)

    def show() -> None:
        action.setChecked(True)
        view.refresh()
        stack.setCurrentWidget(view)

    action.triggered.connect(show)
    return view
