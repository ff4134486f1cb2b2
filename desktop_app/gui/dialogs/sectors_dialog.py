"""界别名单: the 界别 a CPPCC member may belong to, one a line (gui layer). Saved as reference data
in the database (``services.proposals``), with the version read when the dialog opened."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop_app.gui.forms.ui_sectors_dialog import Ui_SectorsDialog
from desktop_app.gui.operations import proposals as proposal_ops
from desktop_app.gui.runner import OperationRunner


class SectorsDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_SectorsDialog()
        self.ui.setupUi(self)
        self._services = services
        self._runner = OperationRunner.for_window(services, self)
        names, self._version = services.proposals.sectors_with_version()
        self.ui.sectorsEdit.setPlainText("\n".join(names))
        buttons = self.ui.buttonBox
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not services.read_only)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def names(self) -> list[str]:
        return self.ui.sectorsEdit.toPlainText().splitlines()

    def save(self) -> None:
        self._runner.run(proposal_ops.save_sectors(self._services, self.names(), self._version),
                         on_success=lambda _changes: self.accept())
