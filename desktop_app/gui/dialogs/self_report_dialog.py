"""自查报告 dialog (gui layer): the unit, the period (first half, whole year or two dates) and the
unit's own text; 预览 shows the printed report, from which it is printed or saved as PDF."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.gui.forms.ui_self_report_dialog import Ui_SelfReportDialog
from desktop_app.gui.operations import statistics
from desktop_app.gui.widgets import message_boxes

FIRST_HALF, WHOLE_YEAR, CUSTOM = "first_half", "whole_year", "custom"


class SelfReportDialog(QDialog):
    def __init__(self, services, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_SelfReportDialog()
        self.ui.setupUi(self)
        self._services, self._runner = services, runner
        self.preview = None
        ui = self.ui
        reference = services.reference
        ours = reference.our_unit_id()
        for unit in reference.units():
            ui.unitCombo.addItem(unit.name, unit.id)
        if ours is not None and ui.unitCombo.findData(ours) >= 0:
            ui.unitCombo.setCurrentIndex(ui.unitCombo.findData(ours))
        today = services.today()
        self._year = today.year
        ui.periodCombo.addItem(f"{today.year}年上半年（年中自查）", FIRST_HALF)
        ui.periodCombo.addItem(f"{today.year}年全年（年终自查）", WHOLE_YEAR)
        ui.periodCombo.addItem("自定义", CUSTOM)
        ui.periodCombo.setCurrentIndex(0 if today.month <= 7 else 1)
        ui.periodCombo.currentIndexChanged.connect(self._period_chosen)
        ui.previewButton.clicked.connect(self.show_preview)
        ui.closeButton.clicked.connect(self.reject)
        self._period_chosen()

    def period(self) -> tuple[date, date]:
        ui = self.ui
        return tuple(date(q.year(), q.month(), q.day()) for q in (ui.fromEdit.date(), ui.toEdit.date()))

    def _period_chosen(self, *_args) -> None:
        choice = self.ui.periodCombo.currentData()
        if choice != CUSTOM:
            end = QDate(self._year, 6, 30) if choice == FIRST_HALF else QDate(self._year, 12, 31)
            self.ui.fromEdit.setDate(QDate(self._year, 1, 1))
            self.ui.toEdit.setDate(end)
        for edit in (self.ui.fromEdit, self.ui.toEdit):
            edit.setEnabled(choice == CUSTOM)

    def show_preview(self) -> None:
        unit = self.ui.unitCombo.currentText().strip()
        if not unit:
            message_boxes.show_warning(self, "自查报告", "单位名录中还没有单位。请先在 设置 → 单位名录 中添加本单位。")
            return
        start, end = self.period()
        op = statistics.self_report_pdf(self._services, unit, start, end, self.ui.ownTextEdit.toPlainText())

        def show(result) -> None:
            from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

            (pdf, info), title = result
            self.preview = DocumentPreviewDialog(pdf, info, title, f"{title}.pdf", self._services, self)
            self.preview.setModal(False)
            self.preview.show()

        self._runner.run(op, on_success=show)
