"""The filter panel's date ranges: an empty (不限) range opens its calendar on this month."""

from PySide6.QtCore import QDate, QPoint, Qt

from desktop_app.gui.widgets.filter_panel import NO_DATE, FilterPanel


def test_an_empty_date_range_opens_its_calendar_on_this_month(qtbot):
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.show()
    edit = panel.ui.assignedFromEdit
    assert edit.date() == NO_DATE
    arrow = QPoint(edit.width() - 5, edit.height() // 2)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert edit.date() == NO_DATE  # looking is not choosing: the range stays 不限
