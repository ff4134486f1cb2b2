"""Adds the 办理统计 view to the main window: a view in the stack and 视图 → 办理统计 on the menu
and toolbar, and 打印 → 自查报告… (gui layer). A figure clicked there limits the case list to its
items."""

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

    def self_report() -> None:
        from desktop_app.gui.dialogs.self_report_dialog import SelfReportDialog

        dialog = SelfReportDialog(window.services, window.runner, window)
        dialog.setObjectName("selfReportDialog")
        dialog.show()

    window.add_action("selfReportAction", "单位自查报告(&Z)…", self_report,
                      status_tip="承办单位的年中或年终自查报告（主送区政府办公室），先预览再打印或保存")
    return view
