"""设置 → 期限规则和节假日: edit deadline rules, reminder thresholds and the holiday table (gui layer).

Every change is one service call through the runner; the hub's ``Changes`` make the dashboard and
the case list recompute their due dates.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop_app.domain.calendar import CalendarDay, DayKind, LengthUnit, format_day
from desktop_app.domain.deadlines import Anchor, Rule
from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.forms.ui_deadline_settings_dialog import Ui_DeadlineSettingsDialog
from desktop_app.gui.models.row_table_model import Column, RowTableModel
from desktop_app.gui.operations import deadlines as deadline_ops
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes

WEEKDAYS = "一二三四五六日"


class DeadlineSettingsDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.services = services
        self.service = services.deadlines
        self.ui = Ui_DeadlineSettingsDialog()
        self.ui.setupUi(self)
        self.runner = OperationRunner.for_window(services, self)
        ui = self.ui
        self.rules_model = RowTableModel([
            Column("期限", lambda r: r.label),
            Column("规则", lambda r: r.describe()),
            Column("说明", lambda r: r.note),
        ], self)
        setup_table(ui.rulesTable, self.rules_model)
        self.days_model = RowTableModel([
            Column("日期", lambda d: f"{d.day.isoformat()} 周{WEEKDAYS[d.day.weekday()]}"),
            Column("类型", lambda d: d.kind.label),
            Column("名称", lambda d: d.name),
        ], self)
        setup_table(ui.daysTable, self.days_model)
        # Codes, not the enum members: Qt stores a str subclass as a plain str.
        for anchor in Anchor:
            ui.anchorCombo.addItem(anchor.label, anchor.value)
        for unit in LengthUnit:
            ui.unitCombo.addItem(unit.label, unit.value)
        for kind in DayKind:
            ui.dayKindCombo.addItem(kind.label, kind.value)
        today = today or services.today()
        ui.yearSpin.setValue(today.year)
        ui.dayEdit.setDate(QDate(today.year, today.month, today.day))
        editable = not services.read_only
        for widget in (ui.saveRuleButton, ui.saveThresholdsButton, ui.startupNoticeCheck, ui.addDayButton,
                       ui.deleteDayButton, ui.importButton, ui.yearCoveredCheck):
            widget.setEnabled(editable)

        ui.rulesTable.selectionModel().selectionChanged.connect(self._rule_chosen)
        ui.saveRuleButton.clicked.connect(self.save_rule)
        ui.saveThresholdsButton.clicked.connect(self.save_thresholds)
        ui.startupNoticeCheck.clicked.connect(
            lambda on: self._run(deadline_ops.set_startup_notice(self.services, on)))
        ui.yearSpin.valueChanged.connect(lambda _y: self.load_days())
        ui.yearCoveredCheck.clicked.connect(self.set_year_covered)
        ui.importButton.clicked.connect(self.import_years)
        ui.addDayButton.clicked.connect(self.save_day)
        ui.deleteDayButton.clicked.connect(self.delete_day)
        ui.buttonBox.rejected.connect(self.reject)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.load()

    # -- loading

    def load(self) -> None:
        current = self.ui.rulesTable.currentIndex().row()
        self.rules_model.set_rows(self.service.rules())
        if self.rules_model.rowCount():
            self.ui.rulesTable.selectRow(max(current, 0))
        soon, week, fortnight = self.service.thresholds()
        self.ui.soonSpin.setValue(soon)
        self.ui.weekSpin.setValue(week)
        self.ui.fortnightSpin.setValue(fortnight)
        self.ui.startupNoticeCheck.setChecked(self.service.startup_notice_enabled())
        self.load_days()

    def load_days(self) -> None:
        year = self.ui.yearSpin.value()
        self.days_model.set_rows(self.service.calendar_days(year))
        covered = self.service.covered_years()
        self.ui.yearCoveredCheck.setChecked(year in covered)
        if year in covered:
            text = f"{year} 年的节假日已录入（来源：{covered[year] or '手工录入'}）。"
        else:
            text = (f"{year} 年的节假日尚未录入完整：该年的到期日只按周一至周五计算，并标注“未含节假日安排”。"
                    "请按国务院办公厅的放假通知逐日录入放假日和调休上班日，然后勾选上方的“已录入完整”。")
        if covered:
            text += f" 已录入的年份：{min(covered)}–{max(covered)} 年中的 {len(covered)} 年。"
        self.ui.coverageLabel.setText(text)

    def _run(self, op) -> None:
        self.runner.run(op, on_success=lambda _r: self.load())

    # -- rules

    def selected_rule(self) -> Rule | None:
        row = self.ui.rulesTable.currentIndex().row()
        return self.rules_model.row(row) if 0 <= row < self.rules_model.rowCount() else None

    def _rule_chosen(self, *_args) -> None:
        rule = self.selected_rule()
        if rule is None:
            return
        ui = self.ui
        ui.anchorCombo.setCurrentIndex(ui.anchorCombo.findData(rule.anchor.value))
        ui.lengthSpin.setValue(rule.length)
        ui.unitCombo.setCurrentIndex(ui.unitCombo.findData(rule.unit.value))
        ui.rollForwardCheck.setChecked(rule.roll_forward)
        ui.noteEdit.setText(rule.note)

    def edited_rule(self) -> Rule | None:
        rule = self.selected_rule()
        if rule is None:
            return None
        ui = self.ui
        return replace(rule, anchor=Anchor(ui.anchorCombo.currentData()), length=ui.lengthSpin.value(),
                       unit=LengthUnit(ui.unitCombo.currentData()), roll_forward=ui.rollForwardCheck.isChecked(),
                       note=ui.noteEdit.text().strip())

    def save_rule(self) -> None:
        rule = self.edited_rule()
        if rule is None:
            message_boxes.show_warning(self, "保存规则", "请先在上方列表中选择要修改的期限规则。")
            return
        self._run(deadline_ops.save_rule(self.services, rule))

    def save_thresholds(self) -> None:
        values = (self.ui.soonSpin.value(), self.ui.weekSpin.value(), self.ui.fortnightSpin.value())
        self._run(deadline_ops.set_thresholds(self.services, values))

    # -- holidays

    def save_day(self) -> None:
        day = self.ui.dayEdit.date().toPython()
        entry = CalendarDay(day, DayKind(self.ui.dayKindCombo.currentData()), self.ui.dayNameEdit.text())
        if day.year != self.ui.yearSpin.value():
            self.ui.yearSpin.setValue(day.year)
        self._run(deadline_ops.save_day(self.services, entry))

    def delete_day(self) -> None:
        row = self.ui.daysTable.currentIndex().row()
        if not 0 <= row < self.days_model.rowCount():
            message_boxes.show_warning(self, "删除节假日", "请先在列表中选择要删除的日期。")
            return
        day = self.days_model.row(row).day
        if message_boxes.confirm(self, "删除节假日", f"确定删除 {format_day(day)} 的登记吗？", "删除"):
            self._run(deadline_ops.delete_day(self.services, day))

    def set_year_covered(self, covered: bool) -> None:
        year = self.ui.yearSpin.value()
        self._run(deadline_ops.set_year_covered(self.services, year, covered))

    def import_years(self) -> None:
        def done(years) -> None:
            self.load()
            text = (f"已导入 {'、'.join(map(str, years))} 年的节假日。" if years
                    else "内置日历中的年份都已导入，没有新的年份。新一年的放假安排请按国务院通知手工录入。")
            message_boxes.show_information(self, "导入节假日", text)

        self.runner.run(deadline_ops.import_package_years(self.services), on_success=done)
