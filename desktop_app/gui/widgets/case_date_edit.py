"""A date field that may be empty, for the case editor (gui layer).

QDateEdit cannot hold "no date" without tricks that break typing, so this is a line edit that
accepts ``yyyy-MM-dd`` (also ``yyyy/M/d``, ``yyyy.M.d`` and ``yyyyMMdd``), normalises what was typed
when editing ends, offers a calendar from a trailing button and Qt's clear button to empty it.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QRect, QRegularExpression, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidgetAction

_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(text: str) -> date | None:
    """The date written in ``text``; None for empty text; ValueError when it is not a date."""
    text = text.strip()
    if not text:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)  # ValueError for 2024-02-30
    raise ValueError(text)


class DateLineEdit(QLineEdit):
    """An optional date. ``date_value()`` is None when empty or not a valid date (see ``is_valid``)."""

    date_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText("年-月-日")
        self.setClearButtonEnabled(True)
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9./\-]{0,10}"), self)
        )
        self.setToolTip("日期，格式 年-月-日（如 2024-06-03）；可留空")
        self._calendar_action = QAction(_calendar_icon(self.palette()), "选择日期", self)
        self._calendar_action.setToolTip("从日历选择日期")
        self._calendar_action.triggered.connect(self._show_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._normalise)
        self.textChanged.connect(self.date_changed)

    def date_value(self) -> date | None:
        try:
            return parse_date(self.text())
        except ValueError:
            return None

    def set_date_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def is_valid(self) -> bool:
        """True when empty or a real date."""
        try:
            parse_date(self.text())
        except ValueError:
            return False
        return True

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 - Qt override
        super().setReadOnly(read_only)
        self._calendar_action.setEnabled(not read_only)
        self.setClearButtonEnabled(not read_only)

    def _normalise(self) -> None:
        value = self.date_value()
        if value is not None and self.text() != value.isoformat():
            self.setText(value.isoformat())

    def _show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        current = self.date_value()
        if current:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(qdate: QDate) -> None:
            self.set_date_value(date(qdate.year(), qdate.month(), qdate.day()))
            menu.close()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        menu.exec(self.mapToGlobal(self.rect().bottomLeft()))


def _calendar_icon(palette: QPalette) -> QIcon:
    """A small calendar drawn in the palette's colours (Qt's standard icons have none)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    ink = palette.color(QPalette.ColorRole.Text)
    painter.setPen(ink)
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(2, 3, 12, 3), QColor("#c0392b"))
    painter.drawLine(4, 1, 4, 3)
    painter.drawLine(11, 1, 11, 3)
    for row in range(2):
        for col in range(3):
            painter.fillRect(QRect(3 + col * 4, 8 + row * 3, 2, 2), ink)
    painter.end()
    return QIcon(pixmap)
