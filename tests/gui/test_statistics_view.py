"""办理统计 in the main window: the figures as of a day; a click shows exactly those items."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction

from desktop_app.domain.statistics import FIGURES
from desktop_app.gui.models.case_table_model import ROW_ROLE
from desktop_app.gui.models.statistics_table_model import IDS_ROLE
from desktop_app.services.statistics import StatisticsService

COLUMNS = [key for key, _label in FIGURES]


def shown_ids(window) -> set[int]:
    model = window.case_list.model
    return {model.index(row, 0).data(ROW_ROLE).id for row in range(model.rowCount())}


def open_view(window):
    window.findChild(QAction, "statisticsViewAction").trigger()
    view = window.commands.view("statistics")
    assert window.ui.viewStack.currentWidget() is view
    return view


def test_clicking_a_figure_shows_its_items_in_the_case_list(main_window, qtbot, demo_ctx):
    view = open_view(main_window)
    view.as_of_edit.setDate(QDate(2030, 1, 1))
    view.refresh_button.click()
    expected = StatisticsService(demo_ctx).report(view.as_of()).overall["replied"]
    cell = view.model.index(0, COLUMNS.index("replied"))
    assert cell.data().replace("\n", "（") + "）" == expected.shown() and expected.count > 0
    table = view.table
    index = table.model().index(0, COLUMNS.index("replied"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert main_window.ui.viewStack.currentWidget() is main_window.case_list
    assert shown_ids(main_window) == set(expected.ids)


def test_figures_by_unit_have_one_row_per_unit(main_window, demo_ctx):
    view = open_view(main_window)
    view.dimension_combo.setCurrentIndex(view.dimension_combo.findData("unit"))
    names = view.report.group_names("unit")
    model = view.model
    assert model.rowCount() == len(names) > 1
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(len(names))] == names
    ids, description = model.index(0, COLUMNS.index("total")).data(IDS_ROLE)
    assert set(ids) == view.report.groups[("unit", names[0])]["total"].ids and names[0] in description
