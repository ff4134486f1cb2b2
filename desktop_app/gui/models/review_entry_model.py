"""The entries of one 回头看 campaign as a table model, and the proxy that filters them by category,
by 未回头看 and by 需告知代表 (gui layer)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from desktop_app.domain.review import ReviewEntryRow
from desktop_app.gui.models.row_table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel  # noqa: F401 - ROW_ROLE: the view reads it here

TITLE_COLUMN = 3


def told_text(e: ReviewEntryRow) -> str:
    """告知代表: when the deputy was told, or 待告知 while a flagged change waits."""
    if e.told_on:
        return f"已告知 {e.told_on.isoformat()}"
    return "待告知" if e.tell_deputy else ""


def _title(e: ReviewEntryRow) -> str:
    return f"{e.title}（承诺：{e.subject}）" if e.subject else e.title


COLUMNS = (
    Column("类别", lambda e: e.category.label),
    Column("届次", lambda e: e.session_name),
    Column("编号", lambda e: e.number),
    Column("标题", _title),
    Column("主办单位", lambda e: e.lead_units),
    Column("回头看结果", lambda e: e.outcome.label if e.reviewed else "未回头看"),
    Column("回头看日期", lambda e: e.reviewed_on.isoformat() if e.reviewed_on else ""),
    Column("告知代表", told_text),
)
RESULT_COLUMN = 5


class ReviewEntryModel(RowTableModel):
    """The entries, one column per ``COLUMNS``; a tooltip with the reason and the note, 未回头看 in
    orange, and the category column sorting in the categories' order."""

    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)

    def row_of(self, entry_id: int) -> int:
        return next((i for i, r in enumerate(self.rows()) if r.id == entry_id), -1)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        e = self.row(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{e.session_name} {e.number} {e.title}", f"列入原因：{e.reason}"]
            if e.note:
                lines.append(f"回头看情况：{e.note}")
            return "\n".join(lines)
        if role == SORT_ROLE and index.column() == 0:
            return (list(type(e.category)).index(e.category), e.session_name, e.number)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == RESULT_COLUMN and not e.reviewed:
            return QColor("#b35900")
        return super().data(index, role)


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
