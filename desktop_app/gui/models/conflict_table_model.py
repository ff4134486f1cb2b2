"""The conflicts of a package preview side by side, each with its choice (gui layer): checked takes
the package's value, unchecked keeps this copy's."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_ANY_INDEX = QModelIndex | QPersistentModelIndex
HEADERS = ("记录", "字段", "上次收到", "本机", "数据包", "采用数据包")
CHOICE_COLUMN = 5


class ConflictTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._theirs: set[str] = set()

    def set_conflicts(self, conflicts) -> None:
        self.beginResetModel()
        self._rows, self._theirs = list(conflicts), set()
        self.endResetModel()

    def choices(self) -> dict[str, str]:
        """Every conflict's key → "theirs" or "mine"."""
        return {c.key: "theirs" if c.key in self._theirs else "mine" for c in self._rows}

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: _ANY_INDEX) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == CHOICE_COLUMN else base

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        c = self._rows[index.row()]
        if index.column() == CHOICE_COLUMN:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if c.key in self._theirs else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (c.record, c.field, c.base or "（空）", c.mine or "（空）", c.theirs or "（空）")[index.column()]
        return None

    def setData(self, index: _ANY_INDEX, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != CHOICE_COLUMN or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self._rows[index.row()].key
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if checked:
            self._theirs.add(key)
        else:
            self._theirs.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None
