"""年年提 (gui layer): the problems raised in two or more years, most years first, each item with
its session, unit, result, commitments and 回头看 conclusion; open one, or export the list to
Excel. Opened from the 回头看 view; reads every item once through the runner (progress, cancel).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.models.row_table_model import Column, RowTableModel, text_or_blank
from desktop_app.gui.operations import similarity
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.screen_fit import fit_to_screen


@dataclass(frozen=True)
class RecurringRow:
    """One item of a group, with the group's number and years (the table's row)."""

    group: int
    years: int
    problem: str
    member: object  # RecurringMember

    @property
    def item_id(self) -> int:
        return self.member.item.item_id


COLUMNS = (
    Column("组", lambda r: str(r.group)),
    Column("年度数", lambda r: str(r.years)),
    Column("问题", lambda r: r.problem),
    Column("年度", lambda r: str(r.member.item.year)),
    Column("届次", lambda r: r.member.item.session_name),
    Column("编号", lambda r: r.member.item.number),
    Column("标题", lambda r: r.member.item.title),
    Column("主办单位", lambda r: r.member.item.lead_units),
    Column("办理结果", lambda r: r.member.item.result_label),
    Column("答复日期", lambda r: text_or_blank(r.member.replied_on)),
    Column("承诺事项", lambda r: "；".join(r.member.commitments)),
    Column("回头看", lambda r: r.member.item.review_label),
)


def rows_of(report) -> list[RecurringRow]:
    return [RecurringRow(n, len(g.years), g.title, m)
            for n, g in enumerate(report.groups, start=1) for m in g.members]


class RecurringDialog(QDialog):
    """``open_requested(item_id)``: the user asked to open an item in the case editor."""

    open_requested = Signal(int)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recurringDialog")
        self.setWindowTitle("年年提：跨年度反复提出的问题")
        self._services = services
        self._runner = OperationRunner.for_window(services, self)
        self.report = None
        layout = QVBoxLayout(self)
        self.summaryLabel = QLabel("正在比较各年度的建议提案…", self)
        self.summaryLabel.setObjectName("summaryLabel")
        self.summaryLabel.setWordWrap(True)
        layout.addWidget(self.summaryLabel)
        self.model = RowTableModel(COLUMNS, self)
        self.groupTable = QTableView(self)
        self.groupTable.setObjectName("groupTable")
        setup_table(self.groupTable, self.model)
        self.groupTable.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.groupTable, 1)
        row = QHBoxLayout()
        self.openButton = QPushButton("打开(&O)", self)
        self.openButton.setObjectName("openButton")
        self.openButton.clicked.connect(self.open_selected)
        self.exportButton = QPushButton("导出 Excel(&E)…", self)
        self.exportButton.setObjectName("exportButton")
        self.exportButton.clicked.connect(self.export)
        row.addWidget(self.openButton)
        row.addWidget(self.exportButton)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(1200, 640)
        fit_to_screen(self)
        self.exportButton.setEnabled(False)
        self.load()

    def load(self) -> None:
        self._runner.run(similarity.recurring_report(self._services), on_success=self._show)

    def _show(self, report) -> None:
        self.report = report
        self.model.set_rows(rows_of(report))
        count = len(report.groups)
        self.summaryLabel.setText(
            (f"共 {count} 个问题在两个及以上年度提出（比较了 {report.items} 件），年度多的在前。双击打开一件。"
             if count else f"比较了 {report.items} 件，没有发现跨年度反复提出的问题。")
            + "“同一问题”可在建议提案的“相似件”页标记。")
        self.summaryLabel.setToolTip(report.definition)
        self.exportButton.setEnabled(bool(count))

    def selected(self) -> RecurringRow | None:
        rows = self.groupTable.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_requested.emit(row.item_id)

    def export(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, "导出年年提（Excel）", "年年提.xlsx", "Excel 工作簿 (*.xlsx)")
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        self._runner.run(similarity.export_recurring(self._services, path), on_success=lambda groups: (
            message_boxes.show_information(self, "导出 Excel", f"已导出 {groups} 组：{path}")))
