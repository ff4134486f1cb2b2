"""办理统计 charts and the printed report from the view: a bar clicked (or chosen with the keyboard)
shows exactly its items in the case list; 打印报告… opens the preview."""

from __future__ import annotations

import os

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction

from desktop_app.gui.models.case_table_model import ROW_ROLE
from desktop_app.services.statistics import StatisticsService


def shown_ids(window) -> set[int]:
    model = window.case_list.model
    return {model.index(row, 0).data(ROW_ROLE).id for row in range(model.rowCount())}


def open_view(window, dimension: str = "unit"):
    window.findChild(QAction, "statisticsViewAction").trigger()
    view = window.commands.view("statistics")
    view.as_of_edit.setDate(QDate(2030, 1, 1))
    view.refresh_button.click()
    view.dimension_combo.setCurrentIndex(view.dimension_combo.findData(dimension))
    view.resize(1200, 900)
    view.show()
    return view


def back_to(window, view) -> None:
    window.findChild(QAction, "statisticsViewAction").trigger()
    assert window.ui.viewStack.currentWidget() is view


def test_clicking_a_units_bar_shows_exactly_its_items(main_window, qtbot, demo_ctx):
    view = open_view(main_window)
    chart = view.charts.rate_chart
    report = StatisticsService(demo_ctx).report(view.as_of())
    names = report.group_names("unit")
    assert [b.label for b in chart.bars] == names and chart.title == "按期办复率"
    row = next(i for i, n in enumerate(names) if report.groups[("unit", n)]["on_time"].count > 0)
    expected = report.groups[("unit", names[row])]["on_time"].ids
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.segment_rect(row, 0).center().toPoint())
    assert main_window.ui.viewStack.currentWidget() is main_window.case_list
    assert shown_ids(main_window) == set(expected)


def test_a_part_of_the_result_bar_shows_that_results_items(main_window, qtbot, demo_ctx):
    view = open_view(main_window, "kind")
    chart = view.charts.result_chart
    report = StatisticsService(demo_ctx).report(view.as_of())
    name = report.group_names("kind")[0]
    expected = report.groups[("kind", name)]["result_solving"].ids
    assert expected and [s.label for s in chart.bars[0].segments] == ["已经解决", "正在解决", "计划解决", "留作参考"]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.segment_rect(0, 1).center().toPoint())
    assert shown_ids(main_window) == set(expected)


def test_the_chart_works_from_the_keyboard(main_window, qtbot, demo_ctx):
    view = open_view(main_window)
    view.charts.rate_combo.setCurrentIndex(view.charts.rate_combo.findData("replied"))
    chart = view.charts.rate_chart
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus
    report = StatisticsService(demo_ctx).report(view.as_of())
    names = report.group_names("unit")
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    assert chart.current == (1, 0)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert shown_ids(main_window) == set(report.groups[("unit", names[1])]["replied"].ids)
    back_to(main_window, view)
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.current == (len(names) - 1, 0)


def test_in_total_the_chart_compares_the_rates(main_window, qtbot, demo_ctx, tmp_path):
    view = open_view(main_window, "overall")
    chart = view.charts.rate_chart
    assert [b.label for b in chart.bars] == ["办复率", "按期办复率", "见面率", "满意率（按件）", "公开率"]
    assert not view.charts.rate_combo.isVisible()
    overall = StatisticsService(demo_ctx).report(view.as_of()).overall
    assert chart.bars[1].text == overall["on_time"].shown()
    if os.environ.get("STATS_GRAB"):
        view.dimension_combo.setCurrentIndex(view.dimension_combo.findData("unit"))
        view.grab().save(os.environ["STATS_GRAB"])


def test_print_report_opens_the_preview_as_of_the_chosen_day(main_window, qtbot):
    from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

    view = open_view(main_window)
    view.as_of_edit.setDate(QDate(2024, 12, 31))
    view.print_button.click()
    qtbot.waitUntil(lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=15000)
    dialog = view.preview_dialog
    assert isinstance(dialog, DocumentPreviewDialog)
    assert dialog.page_count >= 4 and "关于2024年建议提案办理情况的统计报告" in dialog.windowTitle()
    assert dialog.file_name == "关于2024年建议提案办理情况的统计报告（截至2024-12-31）.pdf"
    dialog.close()
