"""期限提醒: the start-up notice of deadlines overdue or due within 3 days (gui layer).

Lists every such deadline in a scrolling table (the dialog stays within 600 px, so it fits a
1366×768 laptop whatever the count), overdue first. 打开期限看板 (or a double-click on a row) closes
the notice and calls the ``open_dashboard`` it was given; without one the button is hidden.
"""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.models.row_table_model import Column, RowTableModel
from desktop_app.gui.forms.ui_deadline_notice_dialog import Ui_DeadlineNoticeDialog


def days_left_text(days_left: int) -> str:
    if days_left < 0:
        return f"超期 {-days_left} 天"
    return "今天到期" if days_left == 0 else f"剩 {days_left} 天"


def notice_headline(rows: Sequence) -> str:
    overdue = sum(1 for r in rows if r.days_left < 0)
    return f"已超期 {overdue} 个，3 天内到期 {len(rows) - overdue} 个："


class DeadlineNoticeDialog(QDialog):
    """``rows``: the deadline rows of ``DeadlineService.startup_notice`` (overdue first)."""

    def __init__(self, rows: Sequence, open_dashboard: Callable[[], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._open_dashboard = open_dashboard
        self.ui = Ui_DeadlineNoticeDialog()
        self.ui.setupUi(self)
        self.ui.headlineLabel.setText(notice_headline(rows))
        self.model = RowTableModel([
            Column("到期日", lambda r: r.due_on.isoformat()),
            Column("剩余", lambda r: days_left_text(r.days_left)),
            Column("期限", lambda r: r.kind.label),
            Column("届次", lambda r: r.session_name),
            Column("编号", lambda r: f"第{r.number}号"),
            Column("单位", lambda r: r.unit_name),
            Column("标题", lambda r: r.title),
        ], self)
        setup_table(self.ui.deadlinesView, self.model)
        self.model.set_rows(list(rows))
        self.ui.deadlinesView.verticalHeader().hide()
        self.ui.openDashboardButton.setVisible(open_dashboard is not None)
        self.ui.openDashboardButton.clicked.connect(self.open_dashboard)
        self.ui.deadlinesView.doubleClicked.connect(self.open_dashboard)
        self.ui.closeButton.clicked.connect(self.accept)
        if open_dashboard is None:
            self.ui.footLabel.setText("此提示可在 设置 → 期限规则和节假日 中关闭。")
        self._fit_height(len(rows))

    def _fit_height(self, count: int) -> None:
        """As tall as the list needs, within the form's maximum (600 px): a long list scrolls."""
        view = self.ui.deadlinesView
        self.layout().activate()
        others = self.sizeHint().height() - view.sizeHint().height()
        wanted = (view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth() + 4
                  + view.verticalHeader().defaultSectionSize() * max(3, count))
        self.resize(self.width(), max(240, min(self.maximumHeight(), others + wanted)))

    def open_dashboard(self, *_args) -> None:
        if self._open_dashboard is None:
            return
        self.accept()
        self._open_dashboard()
