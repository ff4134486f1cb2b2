"""The entries of one 回头看 campaign as a table model, and the proxy that filters them by category,
by 未回头看 and by 需告知代表 (gui layer)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from desktop_app.domain.review import ReviewEntryRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = ("类别", "届次", "编号", "标题", "主办单位", "回头看结果", "回头看日期", "告知代表")
TITLE_COLUMN = 3


def _told(e: ReviewEntryRow) -> str:
    if not e.tell_deputy:
        return ""
    return f"已告知 {e.told_on.isoformat()}" if e.told_on else "待告知"


class ReviewEntryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ReviewEntryRow] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, entry_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == entry_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def _text(self, e: ReviewEntryRow, column: int) -> str:
        title = f"{e.title}（承诺：{e.subject}）" if e.subject else e.title
        return (e.category.label, e.session_name, e.number, title, e.lead_units,
                e.outcome.label if e.reviewed else "未回头看",
                e.reviewed_on.isoformat() if e.reviewed_on else "", _told(e))[column]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        e = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{e.session_name} {e.number} {e.title}", f"列入原因：{e.reason}"]
            if e.note:
                lines.append(f"回头看情况：{e.note}")
            return "\n".join(lines)
        if role == SORT_ROLE:
            return (list(type(e.category)).index(e.category), e.session_name, e.number) if column == 0 \
                else self._text(e, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and not e.reviewed:
            from PySide6.QtGui import QColor

            return QColor("#b35900")
        if role == ROW_ROLE:
            return e
        return None


class ReviewFilterProxy(QSortFilterProxyModel):
    """Shows the entries of one category (None: all), optionally only the ones not reviewed yet
    or only those flagged for telling the deputy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category = None
        self.only_pending = False
        self.only_flagged = False
        self.setSortRole(SORT_ROLE)

    def set_filter(self, category=None, only_pending: bool = False, only_flagged: bool = False) -> None:
        self.beginFilterChange()
        self.category, self.only_pending, self.only_flagged = category, only_pending, only_flagged
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt override
        e = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if e is None:
            return False
        if self.category is not None and e.category is not self.category:
            return False
        if self.only_pending and e.reviewed:
            return False
        return not (self.only_flagged and not e.tell_deputy)

    def lessThan(self, left, right) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
