"""视图 → 政协提案统计 and the 期限看板's 重点提案督办 list on the demo database (issue 23)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from desktop_app.domain.enums import MergedCount
from desktop_app.gui.models.case_table_model import ROW_ROLE


def open_view(qtbot, window):
    window.findChild(QAction, "proposalsViewAction").trigger()
    view = window.commands.view("proposals")
    qtbot.waitUntil(lambda: view.report is not None, timeout=10000)
    return view


def total(view) -> int:
    rows = dict(view.overall_model.rows())
    return rows["total"].count


def test_the_figures_state_how_merged_proposals_count_and_switch_with_the_setting(qtbot, main_window):
    view = open_view(qtbot, main_window)
    assert view.report.mode is MergedCount.PER_PROPOSAL and "按提案件数" in view.note.text()
    per_proposal = total(view)
    rows = dict(view.overall_model.rows())
    assert rows["not_filed"].count == 1 and rows["merged"].count == 2
    view.mode_combo.setCurrentIndex(view.mode_combo.findData(MergedCount.PER_HANDLING.value))
    view.mode_combo.activated.emit(view.mode_combo.currentIndex())
    qtbot.waitUntil(lambda: view.report.mode is MergedCount.PER_HANDLING, timeout=10000)
    assert total(view) == per_proposal - 2 and "按办理件数" in view.note.text()
    assert main_window.services.proposals.merged_count() is MergedCount.PER_HANDLING  # saved as the setting


def test_a_figure_clicked_lists_its_items(qtbot, main_window):
    view = open_view(qtbot, main_window)
    keys = [k for k, _c in view.overall_model.rows()]
    index = view.overall_model.index(keys.index("key"), 1)
    view.overall_table.clicked.emit(index)
    assert main_window.ui.viewStack.currentWidget() is main_window.case_list
    expected = dict(view.overall_model.rows())["key"].ids
    model = main_window.case_list.model
    shown = {model.index(row, 0).data(ROW_ROLE).id for row in range(model.rowCount())}
    assert expected and shown == set(expected)
    assert view.group_model.rowCount() > 1 and view.key_model.rowCount() == len(view.report.key_proposals)


def test_the_dashboard_lists_key_proposals_waiting_for_a_reply(qtbot, main_window):
    main_window.findChild(QAction, "dashboardViewAction").trigger()
    dashboard = main_window.commands.view("dashboard")
    panel = dashboard.findChild(type(dashboard.panels[0]), "keyProposalsPanel")
    report = main_window.services.proposals.report()
    waiting = [k for k in report.key_proposals if k.replied_on is None]
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(waiting) and panel.label.text() != "", timeout=10000)
    assert panel.isVisible() and f"{len(waiting)} 件未答复" in panel.label.text()
    assert all(row.supervisor for row in panel.model.rows())


def test_the_handling_statistics_say_how_proposals_are_counted(qtbot, main_window):
    main_window.findChild(QAction, "statisticsViewAction").trigger()
    view = main_window.commands.view("statistics")
    view.refresh()
    assert "不立案的意见另行统计" in view.hint.text() and "并案按提案件数计" in view.hint.text()
