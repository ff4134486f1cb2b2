"""期限看板: open deadlines by bucket, kind and unit, and per week for 12 weeks (gui layer).

Every count is a set of item ids; clicking it emits ``items_requested`` so that the main window
shows the case list limited to exactly those items. ``install_dashboard`` adds the view, the
视图 switch and the 期限规则 settings entry to the main window, so the window stays a thin shell.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal

from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QLabel, QTableView, QWidget

from desktop_app.domain.calendar import format_day
from desktop_app.domain.deadlines import DEFAULT_THRESHOLDS, Bucket, DeadlineKind
from desktop_app.gui.app_services import AppServices
from desktop_app.gui.forms.ui_deadline_dashboard_view import Ui_DeadlineDashboardView
from desktop_app.gui.models.deadline_count_model import IDS_ROLE, DeadlineCountModel
from desktop_app.gui.models.rectification_due_model import ROW_ROLE, RectificationDueModel
from desktop_app.gui.operations import deadlines as deadline_ops
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.week_chart import WeekChart
from desktop_app.services.rectification_dto import KIND as RECTIFICATION_KIND

SCOPE_OURS, SCOPE_ALL = 0, 1
RECTIFICATION_ROW = "整改清单事项"
ALL_UNITS = "全部单位"
EXPORT_ALL_TEXT = "导出催办清单…"
# "day": the day clock passed midnight (3 天内 becomes 已超期).
_REFRESH_KINDS = {"item", "database", "setting", "deadline", "unit", "day", RECTIFICATION_KIND}


class DeadlineDashboardView(QWidget):
    """``items_requested(ids, description)`` when a count is clicked;
    ``rectification_row_requested(list_id, row_id)`` when a listed 整改清单 row is double-clicked."""

    items_requested = Signal(object, str)
    rectification_row_requested = Signal(int, int)

    def __init__(self, services: AppServices, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.ui = Ui_DeadlineDashboardView()
        self.ui.setupUi(self)
        self.board = None
        self.picked: tuple[frozenset[int], str] | None = None  # the last count clicked
        self.panels: list = []
        self.kind_model = DeadlineCountModel(self)
        self.unit_model = DeadlineCountModel(self)
        for table, model in ((self.ui.kindTable, self.kind_model), (self.ui.unitTable, self.unit_model)):
            table.setModel(model)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.clicked.connect(self._count_clicked)
        self._add_rectification_tables()
        self.chart = WeekChart(self)
        self.ui.chartLayout.addWidget(self.chart, 1)
        self.ui.warningLabel.hide()
        self.ui.scopeCombo.currentIndexChanged.connect(lambda _i: self.refresh(wait=False))
        self.ui.chartUnitCombo.currentIndexChanged.connect(lambda _i: self._show_chart())
        self.ui.refreshButton.clicked.connect(lambda: self.refresh(wait=False))
        self.ui.exportButton.clicked.connect(self.export_reminder_list)
        services.changed.connect(self._changed)

    def _add_rectification_tables(self) -> None:
        """整改清单 rows with a real 整改期限 (linked to items or not) are counted in rows, not
        items, so they have their own line below the kinds; a count lists its rows beneath it."""
        self.rectification_label = QLabel("整改清单事项（只计整改期限为具体日期的；点击数字在下方列出，双击一项打开整改清单）", self, objectName="rectificationLabel")
        self.rectification_model = DeadlineCountModel(self, total_row=False)
        self.rectification_table = QTableView(self, objectName="rectificationTable")
        self.rectification_table.setModel(self.rectification_model)
        self.rectification_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rectification_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rectification_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rectification_table.clicked.connect(self._rectification_clicked)
        self.rectification_due_model = RectificationDueModel(self)
        self.rectification_rows = QTableView(self, objectName="rectificationRowsTable")
        self.rectification_rows.setModel(self.rectification_due_model)
        self.rectification_rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rectification_rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rectification_rows.horizontalHeader().setStretchLastSection(True)
        self.rectification_rows.verticalHeader().hide()
        self.rectification_rows.doubleClicked.connect(self._rectification_row_opened)
        self.rectification_column: int | None = None  # the count clicked, by bucket column
        for widget in (self.rectification_label, self.rectification_table, self.rectification_rows):
            self.ui.kindLayout.addWidget(widget)
            widget.hide()

    def add_panel(self, panel) -> None:
        """An extension point: ``panel`` (a widget with ``refresh()``) is shown below the units'
        counts (a handful of lines, with room under them) and refreshed with them (the 重点提案督办
        list of ``proposal_actions``)."""
        self.panels.append(panel)
        self.ui.unitLayout.addWidget(panel, 1)

    def refresh(self, *, wait: bool = True) -> None:
        """Count again (``wait``: now, on the UI thread; else through the runner)."""
        if not self.services.connected:
            return
        service = self.services.deadlines
        ours = self.ui.scopeCombo.currentIndex() == SCOPE_OURS
        if wait:
            self.show_board(service.dashboard(only_our_unit=ours))
        else:
            self.runner.run(deadline_ops.dashboard(self.services, ours),
                            on_success=self.show_board)
        for panel in self.panels:  # after the counts: the reads run in the order asked
            panel.refresh()

    def show_board(self, board) -> None:
        if self.board is not None and (board.as_of, board.only_our_unit) != (self.board.as_of, self.board.only_our_unit):
            self.picked = None
            self.ui.exportButton.setText(EXPORT_ALL_TEXT)
        self.board = board
        buckets = list(Bucket)
        headers = [board.bucket_label(b) for b in buckets]
        kinds = [k for k in DeadlineKind if any((k, b) in board.by_kind for b in buckets)]
        self.kind_model.set_counts([(k.label, k) for k in kinds], buckets, board.by_kind, headers)
        self.unit_model.set_counts([(u, u) for u in board.units], buckets, board.by_unit, headers)
        self._show_rectification(board, buckets, headers)
        # The kinds are a handful of lines: shown whole, the 整改清单 rows below take what is left.
        table = self.ui.kindTable
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
                               + table.verticalHeader().defaultSectionSize() * min(self.kind_model.rowCount(), 11))
        if self.panels:  # the units' lines whole (up to 8, then scrolled), the panels below take the rest
            units = self.ui.unitTable
            units.setMaximumHeight(units.horizontalHeader().sizeHint().height() + 2 * units.frameWidth() + 2
                                   + units.verticalHeader().defaultSectionSize() * min(self.unit_model.rowCount(), 8))
        scope = f"{board.our_unit_name}的期限" if board.only_our_unit else "全部单位的期限"
        total = len(set().union(*board.by_bucket.values())) if board.by_bucket else 0
        self.ui.asOfLabel.setText(f"截至 {format_day(board.as_of)}，{scope}：{total} 件有未办结期限")
        self._fill_chart_units(board)
        self.ui.warningLabel.setText(self._warnings(board))
        self.ui.warningLabel.setVisible(bool(self.ui.warningLabel.text()))

    def _show_rectification(self, board, buckets, headers) -> None:
        cells = {(RECTIFICATION_ROW, b): ids for b, ids in board.rectification.items()}
        self.rectification_model.set_counts([(RECTIFICATION_ROW, RECTIFICATION_ROW)], buckets, cells, headers)
        table = self.rectification_table
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + table.verticalHeader().defaultSectionSize()
                             + 2 * table.frameWidth() + 2)
        shown = bool(board.rectification_rows)
        self.rectification_label.setVisible(shown)
        table.setVisible(shown)
        self._list_rectification_rows()

    def _rectification_clicked(self, index: QModelIndex) -> None:
        if index.data(IDS_ROLE):
            self.rectification_column = index.column()
            self._list_rectification_rows()

    def _list_rectification_rows(self) -> None:
        """The rows behind the count last clicked, as of the board shown (empty: the list hides)."""
        column, board = self.rectification_column, self.board
        ids = self.rectification_model.ids_at(0, column) if column is not None and board is not None else frozenset()
        rows = [r for r in board.rectification_rows if r.row_id in ids] if ids else []
        self.rectification_due_model.set_rows(rows, board.thresholds if board is not None else DEFAULT_THRESHOLDS)
        self.rectification_rows.resizeColumnsToContents()
        self.rectification_rows.setVisible(bool(rows))

    def _rectification_row_opened(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.rectification_row_requested.emit(row.list_id, row.row_id)

    def _fill_chart_units(self, board) -> None:
        combo = self.ui.chartUnitCombo
        chosen = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL_UNITS)
        combo.addItems([u for u in board.units if u in board.unit_weeks])
        combo.setCurrentIndex(max(combo.findText(chosen), 0))
        combo.blockSignals(False)
        self._show_chart()

    def _show_chart(self) -> None:
        board = self.board
        if board is None:
            return
        unit = self.ui.chartUnitCombo.currentText()
        if unit and unit != ALL_UNITS:
            counts = board.unit_weeks.get(unit, [0] * len(board.weeks))
            self.chart.set_weeks([(monday, n) for (monday, _all), n in zip(board.weeks, counts)])
        else:
            self.chart.set_weeks(board.weeks)

    def _warnings(self, board) -> str:
        lines = []
        if self.ui.scopeCombo.currentIndex() == SCOPE_OURS and not board.only_our_unit:
            lines.append("尚未设置本单位，显示的是全部单位。请在 设置 中选择本单位。")
        if board.missing_next_year:
            lines.append(f"尚未录入 {board.as_of.year + 1} 年的节假日安排：请在国务院办公厅发布通知后，"
                         "到 设置 → 期限规则和节假日 录入，否则明年的到期日只按周一至周五计算。")
        if board.uncovered:
            lines.append(f"有 {board.uncovered} 个期限所在年份未含节假日安排，到期日仅按周一至周五计算。")
        return "\n".join(lines)

    def export_reminder_list(self) -> None:
        """催办清单: overdue and nearly-due deadlines of the current scope, as an Excel sheet."""
        if not self.services.connected:
            return
        board_day = self.board.as_of if self.board is not None else None
        name = f"催办清单_{board_day.isoformat() if board_day else ''}.xlsx"
        target, _filter = QFileDialog.getSaveFileName(self, "导出催办清单", name, "Excel 工作簿 (*.xlsx)")
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        ours = self.ui.scopeCombo.currentIndex() == SCOPE_OURS
        picked, about = self.picked if self.picked is not None else (None, "全部已超期和 7 天内到期的")
        self.runner.run(deadline_ops.export_reminder_list(self.services, target, board_day, ours, picked),
                        on_success=lambda count: message_boxes.show_information(
                            self, "导出催办清单", f"已导出 {count} 个期限（{about}）到：\n{target}"))

    def _count_clicked(self, index: QModelIndex) -> None:
        ids = index.data(IDS_ROLE)
        if ids:
            description = index.model().describe(index.row(), index.column())
            # The last count clicked is also what 导出催办清单 lists: pick, look, then export.
            self.picked = (frozenset(ids), description)
            self.ui.exportButton.setText(f"导出催办清单（{description}）…")
            self.items_requested.emit(frozenset(ids), description)

    def _changed(self, changes) -> None:
        if self.isVisible() and changes.kinds & _REFRESH_KINDS:
            self.refresh(wait=False)


def install_dashboard(window) -> DeadlineDashboardView:
    """Add the dashboard to ``window`` (a MainWindow): the view behind 视图 → 期限看板, 设置 →
    期限规则和节假日…, and the deadline reminder once the list has loaded at start-up."""
    view = DeadlineDashboardView(window.services, window.runner, window)
    view.setObjectName("deadlineDashboard")
    window.add_view("dashboard", view, "期限看板")

    def show_items(ids, description: str) -> None:
        window.case_list.show_only(ids, f"看板：{description}")
        window.show_view("cases")

    def show_rectification_row(list_id: int, row_id: int) -> None:
        window.show_view("rectification").show_row(list_id, row_id)

    view.items_requested.connect(show_items)
    view.rectification_row_requested.connect(show_rectification_row)

    def open_settings() -> None:
        from desktop_app.gui.dialogs.deadline_settings_dialog import DeadlineSettingsDialog

        DeadlineSettingsDialog(window.services, window).exec()

    window.add_action("deadlineSettingsAction", "期限规则和节假日…", open_settings)
    window.add_startup_task(lambda: show_startup_notice(window, open_dashboard=lambda: window.show_view("dashboard")))
    return view


def show_startup_notice(window, open_dashboard: Callable[[], None] | None = None):  # -> Operation | None
    """At start-up (called by bootstrap once the list is shown): tell what is overdue or due
    within 3 days, in a ``DeadlineNoticeDialog`` whose 打开期限看板 calls ``open_dashboard``.
    Computed off the UI thread (seconds for 100,000 items); says nothing when there is nothing to
    tell or the notice is switched off. Returns the running operation, if any."""
    if not window.services.connected:
        return None
    def tell(rows) -> None:
        if rows:
            from desktop_app.gui.dialogs.deadline_notice_dialog import DeadlineNoticeDialog

            DeadlineNoticeDialog(rows, open_dashboard, window).exec()
            window.activateWindow()  # keyboard shortcuts (Ctrl+F…) work at once, as before the notice

    return window.runner.run(deadline_ops.startup_notice(window.services), background=True, on_success=tell)
