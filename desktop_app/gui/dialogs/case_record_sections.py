"""The case editor's 附件 and 历史 tabs (gui layer).

Attachments are part of the draft: files added here are read on Save (``new_attachments``) and
removals take effect on Save (``removed_attachment_ids``), so 不保存 leaves the item untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.domain.enums import history_label
from desktop_app.domain.wording import words
from desktop_app.file_names import safe_file_name
from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.operations import cases as case_ops
from desktop_app.gui.models.row_table_model import Column, RowTableModel, text_or_blank
from desktop_app.gui.widgets import message_boxes
from desktop_app.services.dto import AttachmentInfo, CaseRecord, HistoryEntry, NewAttachment


def file_size_text(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _name(row) -> str:
    return row.file_name if isinstance(row, AttachmentInfo) else Path(row.path).name


def _size(row) -> str:
    if isinstance(row, AttachmentInfo):
        return file_size_text(row.size)
    try:
        return file_size_text(os.path.getsize(row.path))
    except OSError:
        return "文件不存在"


def _added_at(row) -> str:
    return text_or_blank(row.added_at) if isinstance(row, AttachmentInfo) else "（保存时添加）"


def _added_by(row) -> str:
    return row.added_by if isinstance(row, AttachmentInfo) else ""


class AttachmentsSection(QObject):
    edited = Signal()

    def __init__(self, ui, dialog: QWidget, parent=None):
        """``dialog`` is the editor: its ``services`` and ``runner`` read and write the copies."""
        super().__init__(parent)
        self.ui, self._dialog = ui, dialog
        self._removed: set[int] = set()
        self.model = RowTableModel([
            Column("文件名", _name), Column("大小", _size), Column("添加时间", _added_at), Column("添加人", _added_by),
        ], self)
        setup_table(ui.attachmentsView, self.model)
        ui.attachmentsView.doubleClicked.connect(self.open_selected)
        ui.openAttachmentButton.clicked.connect(self.open_selected)
        ui.addAttachmentButton.clicked.connect(self.add_files)
        ui.saveAttachmentAsButton.clicked.connect(self.save_selected_as)
        ui.removeAttachmentButton.clicked.connect(self.remove_selected)
        ui.attachmentsView.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self.edited)
        self._read_only = False
        self._update_buttons()

    def load(self, record: CaseRecord) -> None:
        self._removed = set()
        self.model.set_rows(record.attachments)
        self._select(0)

    def new_attachments(self) -> tuple[NewAttachment, ...]:
        return tuple(r for r in self.model.rows() if isinstance(r, NewAttachment))

    def removed_ids(self) -> frozenset[int]:
        return frozenset(self._removed)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update_buttons()

    def add_paths(self, paths: list[str]) -> None:
        for path in paths:
            self.model.insert_row(self.model.rowCount(), NewAttachment(path=str(path)))
        if paths:
            self._select(self.model.rowCount() - 1)

    def add_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self._dialog, "添加附件", "", "所有文件 (*)")
        self.add_paths(paths)

    def remove_selected(self) -> None:
        position = self._selected()
        if position < 0:
            return
        row = self.model.row(position)
        if isinstance(row, AttachmentInfo):
            self._removed.add(row.id)
        self.model.remove_row(position)
        self._select(min(position, self.model.rowCount() - 1))

    def open_selected(self, *_args) -> None:
        """Open the selected attachment with the program the system associates with it: a saved
        one through a temporary copy the service writes, one added in this window from its file."""
        position = self._selected()
        if position < 0:
            return
        row = self.model.row(position)
        if isinstance(row, AttachmentInfo):
            self._dialog.runner.run(case_ops.attachment_to_temp(self._dialog.services, row.id),
                                    on_success=lambda path: self._open(row, path), initiator=self)
        else:
            self._open(row, Path(row.path))

    def _open(self, row, path: Path) -> None:
        if not path.exists():
            message_boxes.show_warning(self._dialog, "打开附件", f"文件“{path}”已不存在，请删除此附件后重新添加。")
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            message_boxes.show_warning(
                self._dialog, "打开附件",
                f"本机没有能打开“{_name(row)}”的程序。请用“另存为”保存后，用合适的程序打开。",
            )

    def save_selected_as(self, *_args) -> None:
        position = self._selected()
        if position < 0:
            return
        row = self.model.row(position)
        target, _filter = QFileDialog.getSaveFileName(self._dialog, "附件另存为", safe_file_name(_name(row), "附件"),
                                                      "所有文件 (*)")
        if target:
            self.save_row_to(position, Path(target))

    def save_row_to(self, position: int, target: Path):
        """Write the attachment at ``position`` to ``target`` on the editor's runner (the operation)."""
        row = self.model.row(position)
        if isinstance(row, AttachmentInfo):
            op = case_ops.save_attachment(self._dialog.services, row.id, target)
        else:
            op = case_ops.copy_new_attachment(row.path, target)
        return self._dialog.runner.run(op, initiator=self)

    def _select(self, position: int) -> None:
        if 0 <= position < self.model.rowCount():
            self.ui.attachmentsView.selectRow(position)
        self._update_buttons()

    def _selected(self) -> int:
        rows = self.ui.attachmentsView.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self, *_args) -> None:
        selected = self._selected() >= 0
        self.ui.addAttachmentButton.setEnabled(not self._read_only)
        self.ui.removeAttachmentButton.setEnabled(selected and not self._read_only)
        self.ui.saveAttachmentAsButton.setEnabled(selected)
        self.ui.openAttachmentButton.setEnabled(selected)


class HistorySection:
    """历史: newest first, read-only."""

    def __init__(self, ui, parent=None):
        self._proposer_word = ""  # 代表 / 提案人 (domain.wording), as the item's kind says
        self.model = RowTableModel([
            Column("时间", lambda h: text_or_blank(h.changed_at)),
            Column("操作人", lambda h: h.changed_by),
            Column("项目", self._entity),
            Column("字段", lambda h: h.field),
            Column("原值", lambda h: h.old_value),
            Column("新值", lambda h: h.new_value),
            Column("理由", lambda h: h.reason),
        ], parent)
        setup_table(ui.historyView, self.model)

    def _entity(self, entry: HistoryEntry) -> str:
        if self._proposer_word and entry.entity in ("proposer", "item_proposer"):
            return self._proposer_word
        return history_label(entry.entity)

    def load(self, history: tuple[HistoryEntry, ...], kind=None) -> None:
        self._proposer_word = words(kind).proposer_label if kind is not None else ""
        self.model.set_rows(sorted(history, key=lambda h: h.changed_at, reverse=True))
