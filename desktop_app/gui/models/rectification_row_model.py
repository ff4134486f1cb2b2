"""The rows of one 整改清单 as a table model, grouped by 主要方面 (gui layer).

The aspect shows on a group's first row only; ``spans()`` tells the view which cells to merge so
that the table reads like the printed appendix. Long cells show their first lines; the tooltip
holds the whole text (the detail pane edits it).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from desktop_app.services.rectification_dto import RectificationRowData

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = ("主要方面", "重点问题", "意见建议", "整改措施", "责任单位", "整改期限", "状态", "进展")
PREVIEW = 120


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "…"


class RectificationRowModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RectificationRowData] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def first_of_group(self, row: int) -> bool:
        return row == 0 or self.rows[row - 1].aspect != self.rows[row].aspect

    def spans(self) -> list[tuple[int, int]]:
        """(first row, row count) of every aspect group of more than one row."""
        result, start = [], 0
        for i in range(1, len(self.rows) + 1):
            if i == len(self.rows) or self.rows[i].aspect != self.rows[start].aspect:
                if i - start > 1:
                    result.append((start, i - start))
                start = i
        return result

    def _text(self, data: RectificationRowData, column: int) -> str:
        return (data.aspect, data.problem, data.suggestion, data.measures, data.units_text, data.deadline_text,
                data.status.label, data.progress[-1].note if data.progress else "")[column]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        data = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0 and not self.first_of_group(index.row()):
                return ""
            return _preview(self._text(data, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(data, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 4:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        if role == ROW_ROLE:
            return data
        return None
