"""Adds the 办理统计 view to the main window: a view in the stack and 视图 → 办理统计 on the menu
and toolbar, in the same action group as 案件列表 / 期限看板 (gui layer). A figure clicked there
limits the case list to its items."""

from __future__ import annotations

from PySide6.QtGui import QAction

from desktop_app.gui.view_actions import add_view
from desktop_app.gui.views.statistics_view import StatisticsView


def install(window) -> StatisticsView:
    view = StatisticsView(window.services, window, getattr(window, "runner", None))
    view.setObjectName("statisticsView")
    add_view(window, view, "办理统计", "statisticsViewAction", window.ui.viewMenu)
    list_action = window.findChild(QAction, "caseListViewAction")

    def show_items(ids, description: str) -> None:
        window.case_list.show_only(ids, f"统计：{description}")
        if list_action is not None:
            list_action.trigger()
        else:
            window.ui.viewStack.setCurrentWidget(window.case_list)

    view.items_requested.connect(show_items)
    window.statistics_view = view
    return view
