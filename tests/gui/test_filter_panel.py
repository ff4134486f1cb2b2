"""The filter panel's date ranges: made after the first paint, in their place in the Tab order; an
empty (不限) range opens its calendar on this month."""

from PySide6.QtCore import QDate, QPoint, Qt

from desktop_app.gui.widgets.filter_panel import NO_DATE, FilterPanel


def test_an_empty_date_range_opens_its_calendar_on_this_month(qtbot):
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.add_date_ranges()
    edit = panel.ui.assignedFromEdit
    assert edit.date() == NO_DATE
    arrow = QPoint(edit.width() - 5, edit.height() // 2)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert edit.date() == NO_DATE  # looking is not choosing: the range stays 不限


def test_the_date_ranges_come_after_the_other_choices_in_the_tab_order(qtbot):
    panel = FilterPanel()
    qtbot.addWidget(panel)
    ui = panel.ui
    assert panel.filter().assigned_from is None  # reading the filter makes the ranges when needed
    names, widget = [], ui.secretCombo
    for _ in range(12):  # the chain also holds each date editor's own line edit
        if widget.objectName() != "qt_spinbox_lineedit":
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert names[:7] == ["secretCombo", "assignedFromEdit", "assignedToEdit", "assignedClearButton",
                         "repliedFromEdit", "repliedToEdit", "repliedClearButton"]


def test_a_date_range_set_on_the_panel_reads_back_in_its_filter(qtbot):
    from datetime import date

    from desktop_app.services.dto import CaseFilter

    panel = FilterPanel()
    qtbot.addWidget(panel)
    wanted = CaseFilter(assigned_from=date(2024, 2, 1), replied_to=date(2024, 6, 30))
    with qtbot.waitSignal(panel.filter_changed):
        panel.set_filter(wanted)
    got = panel.filter()
    assert (got.assigned_from, got.assigned_to, got.replied_from, got.replied_to) == (
        date(2024, 2, 1), None, None, date(2024, 6, 30))
    panel.ui.assignedClearButton.click()
    assert panel.filter().assigned_from is None and panel.filter().replied_to == date(2024, 6, 30)
