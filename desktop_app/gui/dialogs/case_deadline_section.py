"""The editor's 期限 tab: the item's deadlines, each with its explanation (gui layer, read-only).

Due dates are computed from the saved item, so the tab shows the state after the last save; the
text below the table explains the selected date (rule, anchor, length, days skipped or counted).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.models.row_table_model import Column, RowTableModel

NEW_ITEM_TEXT = "保存后，这里按期限规则列出各办理单位的期限（会办意见、答复等）及其计算依据。"


def _state(row) -> str:
    if row.done_on is not None:
        return f"已于 {row.done_on.isoformat()} 完成"
    if not row.is_open:
        return "已过期限窗口" if row.days_left < 0 else "已结束"
    return f"超期 {-row.days_left} 天" if row.days_left < 0 else f"剩 {row.days_left} 天"


class DeadlinesSection:
    """Adds the 期限 tab to the editor's ``sectionTabs``; ``load(item_id)`` after each load."""

    def __init__(self, ui, services, parent: QWidget):
        self._services = services
        page = QWidget(parent)
        page.setObjectName("deadlinesTab")
        layout = QVBoxLayout(page)
        self.view = QTableView(page)
        self.view.setObjectName("deadlinesView")
        self.explanation = QLabel(page)
        self.explanation.setObjectName("deadlineExplanationLabel")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.explanation)
        self.model = RowTableModel([
            Column("期限", lambda r: r.kind.label),
            Column("单位", lambda r: r.unit_name),
            Column("到期日", lambda r: r.due_on.isoformat() + ("" if r.covered else "（未含节假日安排）")),
            Column("状态", _state),
        ], page)
        setup_table(self.view, self.model)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _old: self._explain(current.row()))
        ui.sectionTabs.addTab(page, "&0 期限")
        self.page = page

    def load(self, item_id: int | None) -> None:
        service = self._services.deadlines
        rows = service.item_deadlines(item_id) if item_id is not None and service is not None else []
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
            self._explain(0)
        else:
            self.explanation.setText(NEW_ITEM_TEXT if item_id is None else "该件没有需要计算的期限（例如尚未填写交办日期）。")

    def _explain(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.explanation.setText(self.model.row(row).explanation)
