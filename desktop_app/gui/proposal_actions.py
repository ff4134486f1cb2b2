"""Adds the 政协提案 features to the main window (gui layer): 视图 → 政协提案统计, the 重点提案督办 list
on the 期限看板, and 设置 → 界别名单…. A figure clicked limits the case list to its items."""

from __future__ import annotations

from desktop_app.gui.views.proposal_statistics_view import KeyProposalsPanel, ProposalStatisticsView


def install(window) -> ProposalStatisticsView:
    view = ProposalStatisticsView(window.services, window.runner, window)
    view.setObjectName("proposalStatisticsView")
    window.add_view("proposals", view, "政协提案统计")

    def show_items(ids, description: str) -> None:
        window.case_list.show_only(ids, description)
        window.show_view("cases")

    view.items_requested.connect(show_items)
    def add_key_proposals(dashboard) -> None:
        panel = KeyProposalsPanel(window.services, window.runner, dashboard)
        dashboard.add_panel(panel)
        panel.items_requested.connect(show_items)

    window.extend_view("dashboard", add_key_proposals)

    def open_sectors() -> None:
        from desktop_app.gui.dialogs.sectors_dialog import SectorsDialog

        SectorsDialog(window.services, window).exec()

    window.add_action("sectorsAction", "界别名单…", open_sectors)
    return view
