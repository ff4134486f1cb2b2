"""The 整改清单 rows behind a dashboard count, as a table model (gui layer).

One line per row with a real 整改期限: the date and days left coloured by bucket, the list, the
aspect, the measures (first words; the tooltip holds them whole) and the responsible units.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.deadlines import DEFAULT_THRESHOLDS, bucket_of
from desktop_app.gui.models.deadline_count_model import bucket_brush
from desktop_app.services.rectification_dto import RectificationDue

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the RectificationDue of a line
HEADERS = ("整改期限", "剩余", "整改清单", "主要方面", "整改措施", "责任单位")
PREVIEW = 60


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "…"


def days_text(days_left: int) -> str:
    if days_left < 0:
        return f"超期 {-days_left} 天"
    return "今天到期" if days_left == 0 else f"剩 {days_left} 天"


class RectificationDueModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RectificationDue] = []
        self.thresholds = DEFAULT_THRESHOLDS

    def set_rows(self, rows, thresholds=DEFAULT_THRESHOLDS) -> None:
        self.beginResetModel()
        self.rows, self.thresholds = list(rows), thresholds
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.due_on.isoformat(), days_text(row.days_left), row.list_title, _preview(row.aspect),
                    _preview(row.measures), _preview(row.units_text))[column]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and column < 2:
            return bucket_brush(bucket_of(row.days_left, self.thresholds))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.list_title} · {row.aspect}\n整改措施：{row.measures}\n责任单位：{row.units_text}\n双击打开整改清单"
        return None
