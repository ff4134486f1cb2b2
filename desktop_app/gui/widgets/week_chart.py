"""A small bar chart of open deadlines per week, drawn with QPainter (gui layer; no chart library)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

BAR_COLOUR = QColor("#4c6ef5")
CURRENT_WEEK_COLOUR = QColor("#e8590c")


class WeekChart(QWidget):
    """``set_weeks([(monday, count), …])``; the first week (this week) is drawn in orange."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("weekChart")
        self.weeks: list[tuple[date, int]] = []
        self.setMinimumHeight(100)  # the dashboard fits a 1366×768 laptop with its tables and warnings

    def set_weeks(self, weeks: list[tuple[date, int]]) -> None:
        self.weeks = list(weeks)
        self.setToolTip("\n".join(f"{m.month}月{m.day}日那周：{n} 个期限" for m, n in self.weeks))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.weeks:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        width, height = self.width(), self.height()
        top, bottom = line + 4, height - line - 6
        slot = width / len(self.weeks)
        highest = max((n for _m, n in self.weeks), default=0) or 1
        if not any(n for _m, n in self.weeks):
            painter.drawText(QRectF(0, top, width, bottom - top), Qt.AlignmentFlag.AlignCenter,
                             "今后 12 周没有到期的期限（已超期的见上表）")
        for i, (monday, count) in enumerate(self.weeks):
            bar_height = (bottom - top) * count / highest
            rect = QRectF(i * slot + slot * 0.15, bottom - bar_height, slot * 0.7, bar_height)
            painter.fillRect(rect, CURRENT_WEEK_COLOUR if i == 0 else BAR_COLOUR)
            painter.setPen(self.palette().color(self.foregroundRole()))
            label_rect = QRectF(i * slot, bottom + 2, slot, line)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, f"{monday.month}/{monday.day}")
            if count:
                painter.drawText(QRectF(i * slot, rect.top() - line, slot, line),
                                 Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()
