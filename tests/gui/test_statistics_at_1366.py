"""办理统计 on a 1366×768 laptop: all figures side by side in the table, total or by group."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from desktop_app.domain.statistics import FIGURE_GROUPS, FIGURES


def test_every_figure_fits_the_table_at_1366_px_in_every_grouping(qtbot, main_window):
    main_window.resize(1366, 728)
    main_window.findChild(QAction, "statisticsViewAction").trigger()
    view = main_window.commands.view("statistics")
    table = view.table
    shown = set()
    for group in range(view.figures_combo.count()):
        view.figures_combo.setCurrentIndex(group)
        for index in range(view.dimension_combo.count()):
            view.dimension_combo.setCurrentIndex(index)
            QApplication.processEvents()  # the table laid out for the new figures
            assert table.model().columnCount() == len(FIGURE_GROUPS[group][1])
            where = (view.figures_combo.currentText(), view.dimension_combo.currentText())
            assert table.horizontalHeader().length() <= table.viewport().width(), where
            assert not table.horizontalScrollBar().isVisible()
            shown |= set(table.model().keys)
    assert shown == {key for key, _label in FIGURES}  # every figure is in one of the groups
    assert view.frameGeometry().right() <= 1366 and view.print_button.isVisible()


def test_a_rate_shows_over_its_fraction_and_headers_break_on_two_lines(qtbot, main_window):
    main_window.findChild(QAction, "statisticsViewAction").trigger()
    table = main_window.commands.view("statistics").table
    replied = table.model().keys.index("replied")
    figure = main_window.commands.view("statistics").report.overall["replied"]
    model = table.model()
    percent, fraction = model.index(0, replied).data().split("\n")
    assert percent == f"{figure.rate * 100:.1f}%" and fraction == f"{figure.count}/{figure.base}"
    on_time = model.keys.index("on_time")
    assert model.headerData(on_time, Qt.Orientation.Horizontal) == "按期\n办复率"
    tip = model.index(0, on_time).data(Qt.ItemDataRole.ToolTipRole)
    assert "口径：在到期日（含经批准的延期）当日或之前答复的件数" in tip and tip.endswith("点击查看")
    assert "尚未到期且未答复的件不计为逾期" in model.headerData(on_time, Qt.Orientation.Horizontal,
                                                          Qt.ItemDataRole.ToolTipRole)


def test_the_statistics_table_is_a_sound_model(qtbot, main_window, qtmodeltester):
    main_window.show_view("statistics")
    view = main_window.commands.view("statistics")
    view.dimension_combo.setCurrentIndex(view.dimension_combo.findData("unit"))
    qtmodeltester.check(view.model)
