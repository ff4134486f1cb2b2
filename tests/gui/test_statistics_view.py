"""办理统计 in the main window: the figures as of a day; a click shows exactly those items."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction

from desktop_app.domain.statistics import FIGURE_GROUPS
from desktop_app.gui.models.case_table_model import ROW_ROLE
from desktop_app.gui.models.statistics_table_model import BASE_IDS_ROLE, IDS_ROLE
from desktop_app.services.statistics import StatisticsService

COLUMNS = list(FIGURE_GROUPS[0][1])


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


def test_the_base_of_a_rate_is_listed_too_and_the_period_narrows_the_items(main_window, demo_ctx, qtbot):
    from datetime import date

    from desktop_app.domain.statistics import make_period

    view = open_view(main_window)
    view.as_of_edit.setDate(QDate(2030, 1, 1))
    view.refresh_button.click()
    on_time = view.model.index(0, COLUMNS.index("on_time"))
    expected = StatisticsService(demo_ctx).report(view.as_of()).overall["on_time"]
    assert set(on_time.data(BASE_IDS_ROLE)[0]) == set(expected.base_ids) and expected.base > expected.count
    view.show_items(on_time, base=True)
    assert shown_ids(main_window) == set(expected.base_ids)
    # A session chosen as the period: only its items.
    main_window.show_view("statistics")
    session = view.period_combo.itemText(2)
    view.period_combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.report.period is not None)
    wanted = StatisticsService(demo_ctx).report(view.as_of(), make_period(session=session)).overall["total"]
    assert view.report.overall["total"].ids == wanted.ids and view.report.period.label == session
    # Custom dates: shown only then, and the report says which.
    assert not view.from_edit.isVisible()
    view.period_combo.setCurrentIndex(view.period_combo.count() - 1)
    assert view.from_edit.isVisible()
    view.from_edit.setDate(QDate(2000, 1, 1))
    view.to_edit.setDate(QDate(2000, 12, 31))
    view.refresh_button.click()
    assert view.report.overall["total"].count == 0 and view.report.period.label == "2000年度"
    assert view.period() == make_period(date(2000, 1, 1), date(2000, 12, 31))


def test_right_clicking_a_rate_offers_its_count_and_its_base(main_window, demo_ctx, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    view = open_view(main_window)
    view.as_of_edit.setDate(QDate(2030, 1, 1))
    view.refresh_button.click()
    cell = view.model.index(0, COLUMNS.index("met"))
    expected = StatisticsService(demo_ctx).report(view.as_of()).overall["met"]
    offered = []

    def choose_base():
        menu = QApplication.activePopupWidget()
        offered.extend(a.text() for a in menu.actions())
        menu.actions()[1].trigger()
        menu.close()

    QTimer.singleShot(200, choose_base)
    view.table.customContextMenuRequested.emit(view.table.visualRect(cell).center())
    assert offered == [f"查看计入的 {expected.count} 件", f"查看基数的 {expected.base} 件"]
    assert main_window.ui.viewStack.currentWidget() is main_window.case_list
    assert shown_ids(main_window) == set(expected.base_ids)
