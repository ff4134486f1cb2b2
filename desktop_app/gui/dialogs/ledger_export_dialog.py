"""文件 → 导出台账: which session, which unit, one row per item or per unit, which columns (gui
layer). The dialog only gathers the choices; ``exchange_actions`` asks for the file and exports."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from desktop_app.gui.forms.ui_ledger_export_dialog import Ui_LedgerExportDialog
from desktop_app.services.export_cases import ASSIGNMENT_COLUMNS, ITEM_COLUMNS, PER_ASSIGNMENT, PER_ITEM

ALL = "（全部）"


class LedgerExportDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LedgerExportDialog()
        self.ui.setupUi(self)
        self.ui.sessionCombo.addItem(ALL, None)
        for session in services.reference.sessions():
            self.ui.sessionCombo.addItem(session.name, session.name)
        self.ui.unitCombo.addItem(ALL, None)
        our = services.reference.our_unit_id()
        for unit in services.reference.units(include_inactive=True):
            self.ui.unitCombo.addItem(unit.name, unit.name)
            if unit.id == our:
                self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.count() - 1)
        self.ui.perItemRadio.toggled.connect(self._fill_columns)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._fill_columns()

    @property
    def per(self) -> str:
        return PER_ITEM if self.ui.perItemRadio.isChecked() else PER_ASSIGNMENT

    def _fill_columns(self, *_args) -> None:
        self.ui.columnsList.clear()
        for column in ITEM_COLUMNS if self.per == PER_ITEM else ASSIGNMENT_COLUMNS:
            entry = QListWidgetItem(column.title, self.ui.columnsList)
            entry.setData(Qt.ItemDataRole.UserRole, column.key)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)

    def choices(self) -> dict:
        listing = self.ui.columnsList
        columns = [listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())
                   if listing.item(i).checkState() == Qt.CheckState.Checked]
        return {"session_name": self.ui.sessionCombo.currentData(), "unit_name": self.ui.unitCombo.currentData(),
                "per": self.per, "columns": columns}
