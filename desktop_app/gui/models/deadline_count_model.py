"""The dashboard's count tables: rows (deadline kinds or units) × buckets (gui layer).

Each cell shows how many items have an open deadline in that row and bucket; ``IDS_ROLE`` gives
the item ids behind the number, so a click can show exactly those items.
"""

from __future__ import annotations

from typing import Hashable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.deadlines import Bucket

IDS_ROLE = Qt.ItemDataRole.UserRole + 10  # frozenset of item ids behind a count
TOTAL_TITLE = "合计"

#: One colour per bucket, shared with the case list's 下一期限 column.
BUCKET_COLOURS = {
    Bucket.OVERDUE: "#f8d7da",
    Bucket.SOON: "#ffd8a8",
    Bucket.WEEK: "#fff3bf",
    Bucket.FORTNIGHT: "#d0ebff",
}


def bucket_brush(bucket: Bucket) -> QBrush | None:
    colour = BUCKET_COLOURS.get(bucket)
    return QBrush(QColor(colour)) if colour else None


class DeadlineCountModel(QAbstractTableModel):
    """``set_counts(rows, buckets, cells, headers)``: ``rows`` are (label, key); ``cells`` maps
    (key, bucket) to ids (of items, or of 整改清单 rows). A last column gives the totals (distinct
    ids), and so does a last row unless ``total_row`` is False (a table of one row)."""

    def __init__(self, parent=None, *, total_row: bool = True):
        super().__init__(parent)
        self._total_row = total_row
        self._rows: list[tuple[str, Hashable]] = []
        self._buckets: list[Bucket] = []
        self._headers: list[str] = []
        self._cells: dict[tuple[Hashable, Bucket], frozenset[int]] = {}
        self._brushes = {b: bucket_brush(b) for b in Bucket}

    def set_counts(self, rows, buckets, cells, headers) -> None:
        self.beginResetModel()
        self._rows, self._buckets, self._headers = list(rows), list(buckets), list(headers)
        self._cells = dict(cells)
        self.endResetModel()

    def ids_at(self, row: int, column: int) -> frozenset[int]:
        keys = [k for _label, k in self._rows] if row >= len(self._rows) else [self._rows[row][1]]
        buckets = self._buckets if column >= len(self._buckets) else [self._buckets[column]]
        found: set[int] = set()
        for key in keys:
            for bucket in buckets:
                found |= self._cells.get((key, bucket), frozenset())
        return frozenset(found)

    def describe(self, row: int, column: int) -> str:
        """In words what a cell counts, e.g. “答复 · 已超期”."""
        what = TOTAL_TITLE if row >= len(self._rows) else self._rows[row][0]
        when = "全部" if column >= len(self._buckets) else self._headers[column]
        return f"{what} · {when}"

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self._rows else len(self._rows) + self._total_row

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._buckets) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if section < len(self._buckets) else TOTAL_TITLE
        return self._rows[section][0] if section < len(self._rows) else TOTAL_TITLE

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            count = len(self.ids_at(row, column))
            return str(count) if count else ""
        if role == IDS_ROLE:
            return self.ids_at(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column < len(self._buckets) and self.ids_at(row, column):
            return self._brushes[self._buckets[column]]
        if role == Qt.ItemDataRole.ToolTipRole:
            count = len(self.ids_at(row, column))
            return f"{self.describe(row, column)}：{count} 件，点击在列表中查看" if count else None
        return None
