"""选择列: show, hide and reorder the case list's columns (gui layer).

Works on the table's header directly, so the choice is saved with the rest of the header state.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QListWidgetItem, QWidget

from desktop_app.gui.forms.ui_column_chooser_dialog import Ui_ColumnChooserDialog
from desktop_app.gui.models.case_table_model import COLUMNS
from desktop_app.gui.widgets import message_boxes


class ColumnChooserDialog(QDialog):
    """Lists the columns in their shown order; OK applies order and visibility to ``header``."""

    def __init__(self, header: QHeaderView, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ColumnChooserDialog()
        self.ui.setupUi(self)
        self._header = header
        order = sorted(range(len(COLUMNS)), key=header.visualIndex)
        self._fill([(logical, not header.isSectionHidden(logical)) for logical in order])
        self.ui.upButton.clicked.connect(lambda: self._move(-1))
        self.ui.downButton.clicked.connect(lambda: self._move(1))
        self.ui.defaultsButton.clicked.connect(
            lambda: self._fill([(n, not column.hidden) for n, column in enumerate(COLUMNS)]))
        self.ui.okButton.clicked.connect(self.accept)
        self.ui.cancelButton.clicked.connect(self.reject)

    def choice(self) -> list[tuple[int, bool]]:
        """(logical column, shown) in the chosen order."""
        columns = self.ui.columnList
        return [(columns.item(row).data(Qt.ItemDataRole.UserRole),
                 columns.item(row).checkState() == Qt.CheckState.Checked) for row in range(columns.count())]

    def accept(self) -> None:
        choice = self.choice()
        if not any(shown for _logical, shown in choice):
            message_boxes.show_warning(self, "选择列", "至少要显示一列。请勾选要显示的列后再按“确定”。")
            return
        apply_columns(self._header, choice)
        super().accept()

    def _fill(self, entries: list[tuple[int, bool]]) -> None:
        columns = self.ui.columnList
        columns.clear()
        for logical, shown in entries:
            item = QListWidgetItem(COLUMNS[logical].title, columns)
            item.setData(Qt.ItemDataRole.UserRole, logical)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
        columns.setCurrentRow(0)

    def _move(self, step: int) -> None:
        columns = self.ui.columnList
        row = columns.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < columns.count():
            return
        item = columns.takeItem(row)
        columns.insertItem(target, item)
        columns.setCurrentRow(target)


def apply_columns(header: QHeaderView, choice: list[tuple[int, bool]]) -> None:
    """Put the header's sections in ``choice`` order and show or hide each."""
    for visual, (logical, shown) in enumerate(choice):
        header.moveSection(header.visualIndex(logical), visual)
        header.setSectionHidden(logical, not shown)
