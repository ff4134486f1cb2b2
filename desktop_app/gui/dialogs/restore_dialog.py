"""文件 → 从备份恢复: pick one of the database's backups and restore it (gui layer).

The service backs up the current file before restoring, so a restore can itself be undone from
this list. After a restore the hub gets ``Changes.of("database")``: whoever holds the database
reopens it and every view reloads.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.gui.dialogs.case_record_sections import file_size_text
from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.models.row_table_model import Column, RowTableModel
from desktop_app.gui.forms.ui_restore_dialog import Ui_RestoreDialog
from desktop_app.gui.operations import maintenance as maintenance_ops
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes


class RestoreDialog(QDialog):
    """``restored`` is True once a backup was restored (the dialog then closes)."""

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.restored = False
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(self)
        self._runner = OperationRunner.for_window(services, self)
        self.model = RowTableModel([
            Column("备份时间", lambda b: b.taken_at.strftime("%Y-%m-%d %H:%M:%S")),
            Column("类型", lambda b: b.kind_label),
            Column("格式", lambda b: b.format_label),
            Column("大小", lambda b: file_size_text(b.size)),
            Column("文件", lambda b: b.path.name),
        ], self)
        setup_table(self.ui.backupsView, self.model)
        self.ui.backupsView.selectionModel().selectionChanged.connect(self._update)
        self.ui.backupsView.doubleClicked.connect(self.restore_selected)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.ui.closeButton.clicked.connect(self.reject)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self._services.maintenance.backups())
        if self.model.rowCount():
            self.ui.backupsView.selectRow(0)
        self._update()

    def _selected(self):
        rows = self.ui.backupsView.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update(self, *_args) -> None:
        read_only = bool(self._services.read_only)
        if read_only:
            status = f"数据库以只读方式打开，不能恢复：{self._services.read_only_reason}"
        elif not self.model.rowCount():
            status = "还没有备份。程序每天启动和退出时会自动备份，导入和升级前也会备份。"
        else:
            status = f"共 {self.model.rowCount()} 个备份，最新的在最上面。"
        if note := self._services.maintenance.backup_note:
            status += "\n" + note
        self.ui.statusLabel.setText(status)
        self.ui.restoreButton.setEnabled(not read_only and self._selected() is not None and not self._runner.busy)

    def restore_selected(self, *_args) -> None:
        backup = self._selected()
        if backup is None or self._services.read_only or self._runner.busy:
            return
        when = backup.taken_at.strftime("%Y-%m-%d %H:%M")
        if not message_boxes.confirm(
            self, "从备份恢复",
            f"将用 {when} 的{backup.kind_label}备份替换当前数据库的全部内容，"
            f"此后所做的修改将不在恢复后的数据中。\n\n"
            f"恢复前，程序会先把当前数据库备份一次（类型“恢复前”），需要时可以再恢复回来。\n\n确定恢复吗？",
            "恢复",
        ):
            return
        self.ui.restoreButton.setEnabled(False)
        operation = self._runner.run(maintenance_ops.restore(self._services, backup.path),
                                     on_success=self._done)
        operation.failed.connect(self._update)

    def _done(self, _changes) -> None:
        self.restored = True
        message_boxes.show_information(self, "从备份恢复", "已从备份恢复。当前数据库在恢复前的内容也已备份。")
        self.accept()
