"""Adds the 办理统计 view to the main window: a view in the stack and 视图 → 办理统计 on the menu
and toolbar, in the same action group as 案件列表 / 期限看板 (gui layer). A figure clicked there
limits the case list to its items."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from desktop_app.gui.views.statistics_view import StatisticsView


def install(window) -> StatisticsView:
    view = StatisticsView(window.services, window, getattr(window, "runner", None))
    view.setObjectName("statisticsView")
    stack = window.ui.viewStack
    stack.addWidget(view)
    action = QAction("办理统计", window, checkable=True, objectName="statisticsViewAction")
    action.setShortcut(QKeySequence("Ctrl+5"))
    list_action = window.findChild(QAction, "caseListViewAction")
    group = list_action.actionGroup() if list_action is not None else None
    if group is not None:
        group.addAction(action)
    window.ui.viewMenu.addAction(action)
    window.ui.mainToolBar.addAction(action)

    def show() -> None:
        action.setChecked(True)
        view.refresh()
        stack.setCurrentWidget(view)

    def show_items(ids, description: str) -> None:
        window.case_list.show_only(ids, f"统计：{description}")
        if list_action is not None:
            list_action.trigger()
        else:
            stack.setCurrentWidget(window.case_list)

    action.triggered.connect(show)
    view.items_requested.connect(show_items)
    window.statistics_view = view
    return view
