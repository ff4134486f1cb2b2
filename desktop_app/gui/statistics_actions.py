"""Adds the 办理统计 view to the main window: a view in the stack and 视图 → 办理统计 on the menu
and toolbar (gui layer). A figure clicked there limits the case list to its items."""

from __future__ import annotations

from desktop_app.gui.views.statistics_view import StatisticsView


def install(window) -> StatisticsView:
    view = StatisticsView(window.services, window, window.runner)
    view.setObjectName("statisticsView")
    window.add_view("statistics", view, "办理统计")

    def show_items(ids, description: str) -> None:
        window.case_list.show_only(ids, f"统计：{description}")
        window.show_view("cases")

    view.items_requested.connect(show_items)
    return view
