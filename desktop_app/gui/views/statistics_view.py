"""办理情况统计 view (gui layer): the figures as of a day, in total or by unit, session or kind, in a
table (a bar per rate inside its cell) over charts (``statistics_charts``); a click on a figure or a
bar asks to show its items in the case list; Excel export and the printed report (previewed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.statistics import DIMENSIONS, FIGURES
from desktop_app.gui.models.statistics_table_model import IDS_ROLE, StatisticsTableModel
from desktop_app.gui.operations import Refused, statistics
from desktop_app.gui.views.statistics_charts import StatisticsCharts
from desktop_app.gui.widgets import message_boxes

OVERALL = "overall"
HINT = ("点击一个数字或图中的一段，在案件列表中查看这些件（图表可用方向键选择、回车打开）。"
        "按期办复以期限规则算出的答复到期日（含批准延期）为准。")
COLUMN_PADDING = 10
MIN_COLUMN_WIDTH = 56


class StatisticsView(QWidget):
    """``items_requested(ids, description)`` when a figure is clicked."""

    items_requested = Signal(object, str)

    def __init__(self, services, parent=None, runner=None):
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.report = None
        self.preview_dialog = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.as_of_edit = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.dimension_combo = QComboBox(self)
        self.dimension_combo.addItem("总体", OVERALL)
        for key, label in DIMENSIONS:
            self.dimension_combo.addItem(f"按{label}", key)
        self.refresh_button = QPushButton("统计", self)
        self.export_button = QPushButton("导出 Excel…", self)
        self.print_button = QPushButton("打印报告…", self, objectName="printReportButton")
        self.print_button.setToolTip("按 GB/T 9704 生成办理情况统计报告（正文及按单位、届次、类别的附件），先预览再打印或保存")
        for widget in (QLabel("截至", self), self.as_of_edit, self.dimension_combo, self.refresh_button,
                       self.export_button, self.print_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self.hint = QLabel(HINT, self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = StatisticsTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("statisticsTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.clicked.connect(self._clicked)
        self.charts = StatisticsCharts(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.dimension_combo.currentIndexChanged.connect(self._show)
        self.export_button.clicked.connect(self._export)
        self.print_button.clicked.connect(self.print_report)
        self.charts.items_requested.connect(self._chart_clicked)

    def as_of(self) -> date:
        q = self.as_of_edit.date()
        return date(q.year(), q.month(), q.day())

    def refresh(self) -> None:
        if not self._services.connected:
            return
        service = self._services.statistics
        if self.report is None:
            today = self._services.today()
            self.as_of_edit.setDate(QDate(today.year, today.month, today.day))
        self.report = service.report(self.as_of())
        # How 提案 are counted (issue 23): stated with the figures, as the office set it.
        self.hint.setText(HINT + self._services.proposals.counting_note())
        self._show()

    def _groups(self):
        dim = self.dimension_combo.currentData()
        if dim == OVERALL:
            return [("总体", self.report.overall)]
        return [(name, self.report.groups[(dim, name)]) for name in self.report.group_names(dim)]

    def _show(self, *_args) -> None:
        if self.report is None:
            return
        groups = self._groups()
        self.model.set_groups(groups)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for col in range(len(FIGURES)):  # some air between the figures, as much as 1366 px allows
            header.resizeSection(col, max(header.sectionSize(col) + COLUMN_PADDING, MIN_COLUMN_WIDTH))
        self.table.resizeRowsToContents()
        self.charts.show_groups(groups, self.dimension_combo.currentData() == OVERALL)

    def _clicked(self, index) -> None:
        ids, description = index.data(IDS_ROLE)
        if not ids:
            message_boxes.show_information(self, "办理统计", f"“{description}”没有对应的件。")
            return
        self.items_requested.emit(frozenset(ids), description)

    def _chart_clicked(self, ids, description: str) -> None:
        if not ids:
            message_boxes.show_information(self, "办理统计", f"“{description}”没有对应的件。")
            return
        self.items_requested.emit(frozenset(ids), description)

    def print_report(self) -> None:
        """The printed 办理情况统计报告 as of the chosen day, in the preview window."""
        if self._services.statistics is None:
            return
        day = self.as_of()
        op = statistics.report_pdf(self._services, day)

        def show(result) -> None:
            from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

            (pdf, info), title = result
            self.preview_dialog = DocumentPreviewDialog(pdf, info, title, f"{title}（截至{day.isoformat()}）.pdf",
                                                        self.window())
            self.preview_dialog.setModal(False)
            self.preview_dialog.show()

        if self._runner is not None:
            self._runner.run(op, on_success=show)
        else:
            show(op.call())

    def _export(self) -> None:
        day = self.as_of()
        path, _f = QFileDialog.getSaveFileName(self, "导出办理情况统计", f"办理情况统计（截至{day.isoformat()}）.xlsx",
                                               "Excel 工作簿 (*.xlsx)")
        if not path:
            return

        def done(result) -> None:
            if isinstance(result, Refused):
                message_boxes.show_warning(self, "导出", f"无法写入 {path}：{result.error}\n"
                                           "该文件可能正在 Excel 中打开，请关闭后重试。")
                return
            message_boxes.show_information(self, "导出", f"已导出：{path}")

        op = statistics.export_excel(self._services, path, day)
        if self._runner is not None:
            self._runner.run(op, on_success=done)
        else:
            try:
                done(op.call())
            except OSError as error:
                done(Refused(error))
