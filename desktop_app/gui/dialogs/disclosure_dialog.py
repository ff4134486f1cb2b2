"""Review of a reply's disclosure copy before export (gui layer): what the redaction removed, the
text to publish (correctable), and export as PDF or text. The service redacts again on export
and refuses 涉密 and 不公开 items whatever this dialog holds."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop_app.domain.errors import DomainError
from desktop_app.file_names import safe_file_name
from desktop_app.gui.widgets import message_boxes


class DisclosureDialog(QDialog):
    def __init__(self, letters, item_id: int, copy, parent=None):
        super().__init__(parent)
        self.setWindowTitle("公开文本审核")
        self.resize(720, 640)
        self._letters, self._item_id = letters, item_id
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "以下为去除联系方式后的答复正文。请逐句核对：自动识别可能遗漏，也可能误删，可直接修改后再导出。", self))
        self.summary = QLabel(copy.redaction.summary(), self)
        self.summary.setObjectName("redactionSummary")
        layout.addWidget(self.summary)
        self.removed = QListWidget(self)
        self.removed.setObjectName("removedList")
        self.removed.addItems([f"{kind}：{text}" for kind, text in copy.redaction.removed])
        self.removed.setMaximumHeight(120)
        layout.addWidget(self.removed)
        self.body = QPlainTextEdit(copy.letter.body, self)
        self.body.setObjectName("disclosureBodyEdit")
        layout.addWidget(self.body, 1)
        buttons = QDialogButtonBox(self)
        self.pdf_button = buttons.addButton("导出 PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        self.text_button = buttons.addButton("导出文本…", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.pdf_button.clicked.connect(lambda: self._export("PDF 文件 (*.pdf)", ".pdf"))
        self.text_button.clicked.connect(lambda: self._export("文本文件 (*.txt)", ".txt"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._title = copy.letter.item_title

    def export_to(self, path) -> bool:
        try:
            self._letters.export_disclosure(self._item_id, path, self.body.toPlainText())
        except DomainError as error:
            message_boxes.show_warning(self, "公开文本", str(error))
            return False
        except OSError as error:
            message_boxes.show_warning(self, "公开文本", f"无法写入 {path}：{error}\n该文件可能正被打开，请关闭后重试。")
            return False
        return True

    def _export(self, file_filter: str, suffix: str) -> None:
        name = safe_file_name(f"{self._title}（公开文本）{suffix}")
        path, _f = QFileDialog.getSaveFileName(self, "导出公开文本", name, file_filter)
        if path and self.export_to(path):
            message_boxes.show_information(self, "公开文本", f"已导出：{path}")
