"""办理情况统计 view (gui layer): the figures as of a day over a period (all items, this year, a
session, or two dates), in total or by unit, session or kind, one group of figures at a time, in a
table (a bar per rate inside its cell, the definition in its tooltip) over charts
(``statistics_charts``); a click on a figure or a bar asks to show its items in the case list, the
context menu also the items of its base; Excel export and the printed report (previewed)."""

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
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.statistics import DIMENSIONS, FIGURE_GROUPS, Period, make_period
from desktop_app.gui.models.statistics_table_model import BASE_IDS_ROLE, IDS_ROLE, StatisticsTableModel
from desktop_app.gui.operations import Refused, statistics
from desktop_app.gui.views.statistics_charts import StatisticsCharts
from desktop_app.gui.widgets import message_boxes

OVERALL = "overall"
ALL_ITEMS, THIS_YEAR, CUSTOM = "", "\x00year", "\x00custom"  # period choices besides the sessions' names
HINT = ("点击一个数字或图中的一段，在案件列表中查看这些件（图表可用方向键选择、回车打开）；"
        "右键一个比率可查看其基数的件。鼠标停在数字或表头上显示统计口径。")
COLUMN_PADDING = 10
MIN_COLUMN_WIDTH = 56


class StatisticsView(QWidget):
    """``items_requested(ids, description)`` when a figure is clicked."""

    items_requested = Signal(object, str)

    def __init__(self, services, parent, runner):
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.report = None
        self.preview_dialog = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.as_of_edit = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.as_of_edit.setToolTip("统计截至哪一天：那天以后的答复、反馈、沟通、公开发布等一概不计")
        self.period_combo = QComboBox(self, objectName="periodCombo")
        self.period_combo.setToolTip("统计哪些件：全部、本年度交办的、某一届次的，或按交办日期自定义")
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.from_edit = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd", objectName="periodFromEdit")
        self.to_edit = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd", objectName="periodToEdit")
        self.from_label, self.to_label = QLabel("交办自", self), QLabel("至", self)
        self._fill_periods([])
        self.dimension_combo = QComboBox(self)
        self.dimension_combo.addItem("总体", OVERALL)
        for key, label in DIMENSIONS:
            self.dimension_combo.addItem(f"按{label}", key)
        self.figures_combo = QComboBox(self, objectName="figuresCombo")
        for index, (label, _keys) in enumerate(FIGURE_GROUPS):
            self.figures_combo.addItem(label, index)
        self.refresh_button = QPushButton("统计", self)
        self.export_button = QPushButton("导出 Excel…", self)
        self.print_button = QPushButton("打印报告…", self, objectName="printReportButton")
        self.print_button.setToolTip("按 GB/T 9704 生成办理情况统计报告（正文及按单位、届次、类别的附件），先预览再打印或保存")
        for widget in (QLabel("截至", self), self.as_of_edit, QLabel("统计范围", self), self.period_combo,
                       self.from_label, self.from_edit, self.to_label, self.to_edit, self.dimension_combo,
                       self.figures_combo, self.refresh_button, self.export_button, self.print_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self._show_custom_dates()
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
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
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
        self.figures_combo.currentIndexChanged.connect(self._show)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.export_button.clicked.connect(self._export)
        self.print_button.clicked.connect(self.print_report)
        self.charts.items_requested.connect(self._chart_clicked)

    def as_of(self) -> date:
        q = self.as_of_edit.date()
        return date(q.year(), q.month(), q.day())

    def period(self) -> Period | None:
        """The items counted, as chosen: None for all of them."""
        choice = self.period_combo.currentData()
        if choice == THIS_YEAR:
            year = self.as_of().year
            return make_period(date(year, 1, 1), date(year, 12, 31))
        if choice == CUSTOM:
            start, end = (date(q.year(), q.month(), q.day()) for q in (self.from_edit.date(), self.to_edit.date()))
            return make_period(start, end)
        return make_period(session=choice) if choice else None

    def _fill_periods(self, sessions: list[str]) -> None:
        combo = self.period_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("全部件", ALL_ITEMS)
        combo.addItem("本年度交办", THIS_YEAR)
        for name in sessions:
            combo.addItem(name, name)
        combo.addItem("自定义…", CUSTOM)
        found = combo.findData(chosen) if chosen is not None else -1
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _show_custom_dates(self) -> None:
        custom = self.period_combo.currentData() == CUSTOM
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(custom)

    def _period_changed(self, *_args) -> None:
        self._show_custom_dates()
        if self.period_combo.currentData() == CUSTOM:
            return  # the dates are chosen first, then 统计
        self.refresh()

    def refresh(self) -> None:
        if not self._services.connected:
            return
        service = self._services.statistics
        if self.report is None:
            today = self._services.today()
            self.as_of_edit.setDate(QDate(today.year, today.month, today.day))
            self.from_edit.setDate(QDate(today.year, 1, 1))
            self.to_edit.setDate(QDate(today.year, today.month, today.day))
        self._fill_periods(service.sessions())
        self.report = service.report(self.as_of(), self.period())
        # How 提案 are counted (issue 23): stated with the figures, as the office set it.
        self.hint.setText(HINT + self.report.counting_note)
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
        self.model.set_groups(groups, FIGURE_GROUPS[self.figures_combo.currentIndex()][1])
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount()):  # some air between the figures, as much as 1366 px allows
            header.resizeSection(col, max(header.sectionSize(col) + COLUMN_PADDING, MIN_COLUMN_WIDTH))
        self.table.resizeRowsToContents()
        self.charts.show_groups(groups, self.dimension_combo.currentData() == OVERALL)

    def _clicked(self, index) -> None:
        self.show_items(index)

    def show_items(self, index, base: bool = False) -> None:
        """The items behind the figure at ``index``: its count, or (``base``) its base."""
        found = index.data(BASE_IDS_ROLE if base else IDS_ROLE)
        if found is None:
            return
        ids, description = found
        if not ids:
            message_boxes.show_information(self, "办理统计", f"“{description}”没有对应的件。")
            return
        self.items_requested.emit(frozenset(ids), description)

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        ids, _d = index.data(IDS_ROLE)
        menu.addAction(f"查看计入的 {len(ids)} 件", lambda: self.show_items(index))
        base = index.data(BASE_IDS_ROLE)
        if base is not None:
            menu.addAction(f"查看基数的 {len(base[0])} 件", lambda: self.show_items(index, base=True))
        menu.exec(self.table.viewport().mapToGlobal(pos))

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
        op = statistics.report_pdf(self._services, day, self.period())

        def show(result) -> None:
            from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

            (pdf, info), title = result
            self.preview_dialog = DocumentPreviewDialog(pdf, info, title, f"{title}（截至{day.isoformat()}）.pdf",
                                                        self._services, self.window())
            self.preview_dialog.setModal(False)
            self.preview_dialog.show()

        self._runner.run(op, on_success=show)

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

        op = statistics.export_excel(self._services, path, day, self.period())
        self._runner.run(op, on_success=done)
