"""The import preview as a table: one row per sheet row, coloured by what would happen (gui layer)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.services.import_terms import RowPreview, RowStatus

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_COLOURS = {
    RowStatus.NEW: QColor("#dff0d8"),
    RowStatus.UPDATE: QColor("#fcf3cf"),
    RowStatus.ERROR: QColor("#f8d7da"),
}
HEADERS = ("行", "结果", "届次", "编号", "标题", "主办单位", "往年相似件", "原主办单位与结果", "说明")
MATCH_COLUMNS = (6, 7)  # filled in after the preview, when the search for earlier items is back


def explanation(row: RowPreview) -> str:
    if row.problems:
        return "；".join(f"{p.column}：{p.reason}" if p.column else p.reason for p in row.problems)
    return "；".join(f"{d.field}：{d.old or '（空）'} → {d.new or '（空）'}" for d in row.diffs)


def _cells(row: RowPreview, match=None) -> tuple:
    """``match``: the row's best earlier similar item (a ``SimilarItem``), if any."""
    case = row.case
    earlier = f"{match.session_name} 第{match.number}号 {match.title}（相似度 {round(match.score * 100)}%）" if match else ""
    handled = f"{match.lead_units or '—'}：{match.result_label}" if match else ""
    return (
        str(row.row), row.status.label, case.session if case else "", case.number if case else "",
        case.title if case else "", "、".join(case.lead_units) if case else "", earlier, handled, explanation(row),
    )


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RowPreview] = []
        self._cells: list[tuple] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [_cells(r) for r in self._rows]
        self.endResetModel()

    def row(self, position: int) -> RowPreview:
        return self._rows[position]

    def set_matches(self, matches: dict[int, object]) -> None:
        """Show each row's best earlier match (position → ``SimilarItem``; rows left out: none)."""
        if not self._rows:
            return
        self._cells = [_cells(r, matches.get(n)) for n, r in enumerate(self._rows)]
        self.dataChanged.emit(self.index(0, MATCH_COLUMNS[0]), self.index(len(self._rows) - 1, MATCH_COLUMNS[-1]))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATUS_COLOURS.get(self._rows[index.row()].status)
            return QBrush(colour) if colour is not None else None
        if role == ROW_ROLE:
            return self._rows[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None
