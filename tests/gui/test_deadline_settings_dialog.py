"""设置 → 期限规则和节假日: a rule edited in the dialog changes the due dates; holidays are entered by year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from desktop_app.domain.calendar import DayKind, LengthUnit
from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.gui.dialogs.deadline_settings_dialog import DeadlineSettingsDialog


def make_dialog(qtbot, services):
    dialog = DeadlineSettingsDialog(services, today=date(2024, 6, 3))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_editing_a_rule_saves_it_and_it_is_recorded(qtbot, services, message_log):
    dialog = make_dialog(qtbot, services)
    rows = [dialog.rules_model.row(n) for n in range(dialog.rules_model.rowCount())]
    opinion = next(n for n, r in enumerate(rows) if r.kind is DeadlineKind.OPINION)
    dialog.ui.rulesTable.selectRow(opinion)
    assert dialog.ui.lengthSpin.value() == 1 and dialog.ui.unitCombo.currentData() == LengthUnit.MONTHS.value
    dialog.ui.lengthSpin.setValue(20)
    dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findData(LengthUnit.DAYS.value))
    qtbot.mouseClick(dialog.ui.saveRuleButton, Qt.MouseButton.LeftButton)
    service = services.deadlines
    qtbot.waitUntil(lambda: next(r for r in service.rules() if r.kind is DeadlineKind.OPINION).length == 20)
    qtbot.waitUntil(lambda: "20天" in dialog.rules_model.index(opinion, 1).data())
    assert message_log == []


def test_a_new_years_holidays_are_entered_and_the_year_marked_covered(qtbot, services, message_log):
    dialog = make_dialog(qtbot, services)
    dialog.ui.yearSpin.setValue(2027)
    assert not dialog.ui.yearCoveredCheck.isChecked() and "尚未录入完整" in dialog.ui.coverageLabel.text()
    dialog.ui.dayEdit.setDate(QDate(2027, 2, 8))
    dialog.ui.dayKindCombo.setCurrentIndex(dialog.ui.dayKindCombo.findData(DayKind.HOLIDAY.value))
    dialog.ui.dayNameEdit.setText("春节")
    qtbot.mouseClick(dialog.ui.addDayButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.days_model.rowCount() == 1)
    qtbot.mouseClick(dialog.ui.yearCoveredCheck, Qt.MouseButton.LeftButton)
    service = services.deadlines
    qtbot.waitUntil(lambda: 2027 in service.covered_years())
    assert not service.calendar().is_working_day(date(2027, 2, 8))
    assert "已录入" in dialog.ui.coverageLabel.text()
