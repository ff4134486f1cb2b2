"""文件 → 导入数据包…: what a package would change — new records, changes, conflicts side by side,
what is ignored — and one confirmation that applies it after a backup (gui layer)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.gui.forms.ui_package_import_dialog import Ui_PackageImportDialog
from desktop_app.gui.models.conflict_table_model import ConflictTableModel
from desktop_app.gui.operations import Refused
from desktop_app.gui.operations import packages as package_ops
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes

def preview_text(preview) -> str:
    lines = []
    for line in preview.new:
        lines.append(f"新增　{line}")
    for c in preview.changed:
        lines.append(f"修改　{c.record} {c.field}：{c.old or '（空）'} → {c.new or '（空）'}")
    for c in preview.conflicts:
        lines.append(f"冲突　{c.record} {c.field}：上次收到 {c.base or '（空）'}｜本机 {c.mine or '（空）'}"
                     f"｜数据包 {c.theirs or '（空）'}")
    for line in preview.ignored:
        lines.append(f"忽略　{line}")
    return "\n".join(lines) or "数据包中没有需要改动的内容。"


class PackageImportDialog(QDialog):
    """``result`` is the ``ApplyResult`` once imported; ``refusal`` the reason when refused."""

    def __init__(self, services, path, parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._path = services, path
        self.preview = None
        self.result = None
        self.refusal = ""
        self.ui = Ui_PackageImportDialog()
        self.ui.setupUi(self)
        self._runner = OperationRunner.for_window(services, self)
        self.conflicts = ConflictTableModel(self)
        self.ui.conflictsView.setModel(self.conflicts)
        self.ui.conflictsView.horizontalHeader().setStretchLastSection(True)
        self.ui.allowGapCheck.toggled.connect(self._update)
        self.ui.importButton.clicked.connect(self.apply)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.importButton.setEnabled(False)
        self.ui.titleLabel.setText(f"正在读取 {path.name} …")
        self._runner.run(package_ops.preview(services, path), on_success=self._previewed)

    def _previewed(self, preview) -> None:
        if isinstance(preview, Refused):
            self.refusal = str(preview.error)
            self.ui.titleLabel.setText(self.refusal)
            self.ui.previewEdit.setPlainText("")
            self._update()
            return
        self.preview = preview
        self.ui.titleLabel.setText(f"{preview.message}\n发件人：{preview.sender.label()}，指纹 {preview.sender_fingerprint}")
        self.ui.countsLabel.setText(
            f"共 {preview.items} 件：新增 {len(preview.new)} 项，修改 {len(preview.changed)} 处，"
            f"冲突 {len(preview.conflicts)} 处，忽略 {len(preview.ignored)} 项。导入前会自动备份。")
        self.ui.previewEdit.setPlainText(preview_text(preview))
        self.conflicts.set_conflicts(preview.conflicts)
        self.ui.conflictsView.resizeColumnsToContents()
        self._update()

    def _update(self, *_args) -> None:
        p = self.preview
        gap = p is not None and p.state == "gap"
        conflicts = p is not None and bool(p.conflicts)
        self.ui.allowGapCheck.setVisible(gap)
        self.ui.conflictLabel.setVisible(conflicts)
        self.ui.conflictsView.setVisible(conflicts)
        ready = (p is not None and p.state != "duplicate" and not self._services.read_only
                 and (not gap or self.ui.allowGapCheck.isChecked())
                 and self.result is None and not self._runner.busy)
        self.ui.importButton.setEnabled(ready)

    def apply(self) -> None:
        if self.preview is None or not self.ui.importButton.isEnabled():
            return
        choices = self.conflicts.choices() if self.preview.conflicts else None
        self.ui.importButton.setEnabled(False)
        self._runner.run(package_ops.apply(self._services, self._path, choices, self.ui.allowGapCheck.isChecked()),
                         on_success=self._applied)

    def _applied(self, outcome) -> None:
        if isinstance(outcome, Refused):
            message_boxes.show_warning(self, "导入数据包", str(outcome.error))
            self._update()
            return
        _changes, self.result = outcome
        message_boxes.show_information(self, "导入数据包", self.result.message)
        self.accept()
