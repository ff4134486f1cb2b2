"""打印 → 督办通知… / 交办通知…: the office picks the unit and the date, then sees the letter in
the preview window (gui layer; the letter is made by ``OfficeLetterService`` on the runner)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from desktop_app.gui.operations import documents
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.case_date_edit import DateLineEdit

#: form → (window title, the date's label, its placeholder, what the letter is)
FORMS = {
    "supervision": ("督办通知", "截至日期(&D)", "不填：今天",
                    "列出该单位已超期和 7 天内到期的办理事项（答复、会办意见、退回、公开、承诺等）。"),
    "assignment": ("交办通知", "交办日期自(&D)", "不填：该单位最近一次交办的日期",
                   "列出自该日起交给该单位的建议提案，各件注明主办或会办及办理期限。"),
}


class OfficeLetterDialog(QDialog):
    """``units``: the names to choose from; accepted, it runs the letter and opens its preview."""

    def __init__(self, form: str, units: list[str], services, runner, parent=None):
        super().__init__(parent)
        self.form, self.services, self.runner = form, services, runner
        title, date_label, placeholder, what = FORMS[form]
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        note = QLabel(f"以区政府办公室名义发给承办单位的{title}：{what}涉密件只计数、不列标题。")
        note.setWordWrap(True)
        layout.addWidget(note)
        fields = QFormLayout()
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unitCombo")
        self.unit_combo.addItems(units)
        unit_label = QLabel("承办单位(&U)", self)
        unit_label.setBuddy(self.unit_combo)
        fields.addRow(unit_label, self.unit_combo)
        self.date_edit = DateLineEdit(self)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setPlaceholderText(placeholder)
        day_label = QLabel(date_label, self)
        day_label.setBuddy(self.date_edit)
        fields.addRow(day_label, self.date_edit)
        layout.addLayout(fields)
        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton("预览(&P)", QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.setObjectName("previewButton")
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        if not self.date_edit.is_valid():
            message_boxes.show_warning(self, self.windowTitle(),
                                       f"“{self.date_edit.text()}”不是日期，请写成 YYYY-MM-DD，例如 2025-03-31，或留空。")
            return
        unit = self.unit_combo.currentText().strip()
        if not unit:
            message_boxes.show_warning(self, self.windowTitle(), "单位名录中还没有承办单位，请先在 设置 中添加。")
            return
        title, parent, services = self.windowTitle(), self.parent(), self.services  # this dialog is gone by then

        def show(result) -> None:
            from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

            pdf, info = result
            preview = DocumentPreviewDialog(pdf, info, f"{title}（{unit}）", f"{title}（{unit}）.pdf",
                                           services, parent)
            preview.setModal(False)
            preview.show()

        self.runner.run(documents.office_letter(self.services, self.form, unit, self.date_edit.date_value()),
                        on_success=show)
        super().accept()
