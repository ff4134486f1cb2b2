"""回头看 of one item, in the editor's 反馈与承诺 tab (gui layer): every campaign's entries on it,
read-only (reviews are recorded in 跟踪 → 回头看), so that whoever opens the item sees whether it
was really solved, how its commitments went and whether the deputy still has to be told."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QTableView, QVBoxLayout

from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.models.row_table_model import Column, RowTableModel, text_or_blank
from desktop_app.gui.models.review_entry_model import told_text


class ReviewHistoryBox(QGroupBox):
    """``load(item_id)`` shows that item's 回头看 entries; hidden while it has none."""

    def __init__(self, review_service, parent=None):
        super().__init__("回头看（在 跟踪 → 回头看 中记录）", parent)
        self.setObjectName("reviewHistoryBox")
        self.service = review_service
        self._years: dict[int, int] = {}
        self.view = QTableView(self)
        self.view.setObjectName("reviewHistoryView")
        self.model = RowTableModel([
            Column("年度", lambda e: str(self._years.get(e.campaign_id, ""))),
            Column("类别", lambda e: e.category.label),
            Column("事项", lambda e: e.subject or e.reason),
            Column("结果", lambda e: text_or_blank(e.outcome) or "未回头看"),
            Column("日期", lambda e: text_or_blank(e.reviewed_on)),
            Column("回头看人", lambda e: e.reviewer),
            Column("告知代表", told_text),
            Column("情况", lambda e: e.note),
        ], self)
        setup_table(self.view, self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def load(self, item_id: int | None) -> None:
        entries = self.service.item_entries(item_id) if item_id is not None else []
        self._years = {c.id: c.year for c in self.service.campaigns()} if entries else {}
        self.model.set_rows(entries)
        self.setVisible(bool(entries))
