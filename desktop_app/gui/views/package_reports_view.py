"""报送情况 view (gui layer, the office): for each unit, the last 报送包 received (number, when,
how many items), the last 交办包 sent, items with no news for N days, and whether a report is
overdue (a 交办包 older than a week not yet answered) — then 打印 → 督办通知 chases it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget

from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.models.row_table_model import Column, RowTableModel
from desktop_app.gui.operations import packages as package_ops


def _last(r) -> str:
    return f"第 {r.last_sequence} 号（{r.last_received_at:%Y-%m-%d}）" if r.last_sequence else "尚未收到"


COLUMNS = [
    Column("单位", lambda r: r.unit + ("" if r.trusted else "（未登记公钥）")),
    Column("最近收到的报送包", _last),
    Column("其中件数", lambda r: str(r.last_items) if r.last_sequence else ""),
    Column("最近发出的交办包", lambda r: f"第 {r.sent_sequence} 号（{r.sent_at:%Y-%m-%d}）" if r.sent_sequence else ""),
    Column("应报未报", lambda r: "是，请催报" if r.overdue else ""),
    Column("久无消息的件", lambda r: f"{len(r.quiet_items)} 件：" + "；".join(r.quiet_items[:3]) if r.quiet_items else ""),
]


class PackageReportsView(QWidget):
    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self._services, self._runner = services, runner
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.quietDaysSpin = QSpinBox(self, minimum=7, maximum=365, value=30, suffix=" 天")
        self.refreshButton = QPushButton("刷新", self)
        self.summaryLabel = QLabel(self)
        for widget in (QLabel("没有消息超过", self), self.quietDaysSpin, self.refreshButton, self.summaryLabel):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self.reportsView = QTableView(self)
        self.model = RowTableModel(COLUMNS, self)
        setup_table(self.reportsView, self.model)
        layout.addWidget(self.reportsView)
        self.refreshButton.clicked.connect(self.refresh)
        self.quietDaysSpin.valueChanged.connect(self.refresh)

    def refresh(self) -> None:
        if not self._services.connected:
            return
        days = self.quietDaysSpin.value()
        self._runner.run(package_ops.unit_reports(self._services, days), on_success=self._shown)

    def _shown(self, rows) -> None:
        self.model.set_rows(rows)
        self.reportsView.resizeColumnsToContents()
        overdue = sum(1 for r in rows if r.overdue)
        self.summaryLabel.setText(f"共 {len(rows)} 个单位，应报未报 {overdue} 个。" if rows
                                  else "还没有交办或收到任何数据包。")
