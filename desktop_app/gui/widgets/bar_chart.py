"""A horizontal bar chart drawn with QPainter (gui layer; QtCharts is not in PySide6-Essentials).

One row per ``Bar``: its label at the left, then its ``Segment``s end to end (one segment is a plain
bar, several a stacked bar), then its text. Every segment stands for a set of items: a click on it,
or Enter on the segment with the keyboard focus, emits ``segment_activated(ids, description)``.
Keyboard: Up/Down move between bars, Left/Right between the segments of a bar, Home/End to the
first and last bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

COLOURS = ("#4c6ef5", "#40c057", "#fab005", "#7950f2", "#e8590c", "#adb5bd")
ROW_GAP = 6
MIN_ROW = 22


@dataclass(frozen=True)
class Segment:
    value: float  # length in the chart's units (a rate 0..1, or a count)
    label: str  # what it is (legend, tooltip): 按期办复率, 已经解决
    ids: frozenset[int] = frozenset()
    description: str = ""  # what a click shows in the case list: 区交通委 按期办复率
    shown: str = ""  # the figure as text for the tooltip: 66.7%（2/3）
    colour: str = ""


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    text: str = ""  # drawn after the bar: 66.7%（2/3）


class BarChart(QWidget):
    segment_activated = Signal(object, str)

    def __init__(self, parent: QWidget | None = None, *, title: str = "", maximum: float | None = None):
        """``maximum`` the value of a full-length bar (1.0 for rates); None: the longest bar."""
        super().__init__(parent)
        self.title = title
        self.maximum = maximum
        self.bars: list[Bar] = []
        self.legend: list[tuple[str, str]] = []
        self.current = (0, 0)  # (bar, segment) with the keyboard focus
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    # ---- data --------------------------------------------------------------------------------

    def set_bars(self, bars: list[Bar], legend: list[tuple[str, str]] | None = None) -> None:
        """``legend`` (label, colour) pairs, shown under the title (for stacked bars)."""
        self.bars = [Bar(b.label, tuple(_coloured(s, i) for i, s in enumerate(b.segments)), b.text) for b in bars]
        self.legend = list(legend or [])
        self.current = (0, 0)
        self.setAccessibleName(self.title)
        self.updateGeometry()
        self.update()

    def segment_at(self, bar: int, segment: int) -> Segment:
        return self.bars[bar].segments[segment]

    def activate(self, bar: int, segment: int) -> None:
        s = self.segment_at(bar, segment)
        self.segment_activated.emit(frozenset(s.ids), s.description or f"{self.bars[bar].label} {s.label}")

    # ---- geometry ----------------------------------------------------------------------------

    def _row_height(self) -> int:
        return max(MIN_ROW, self.fontMetrics().height() + 8)

    def _header_height(self) -> int:
        line = self.fontMetrics().height()
        return (line + 6 if self.title else 0) + (line + 6 if self.legend else 0)

    def sizeHint(self) -> QSize:
        return QSize(420, self._header_height() + max(len(self.bars), 1) * (self._row_height() + ROW_GAP) + 8)

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0)
        return min(widest + 12, max(80, self.width() // 3))

    def _text_width(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0) + 12

    def _scale(self) -> float:
        if self.maximum:
            return self.maximum
        return max((sum(s.value for s in b.segments) for b in self.bars), default=0) or 1.0

    def segment_rect(self, bar: int, segment: int) -> QRectF:
        """Where a segment is drawn (a zero-length segment gets a sliver, so it can be clicked)."""
        row = self._row_height()
        top = self._header_height() + bar * (row + ROW_GAP) + 4
        left = self._label_width()
        room = max(10, self.width() - left - self._text_width() - 8)
        x = left
        scale = self._scale()
        for i, s in enumerate(self.bars[bar].segments):
            width = room * s.value / scale
            if i == segment:
                return QRectF(x, top, max(width, 3.0), row)
            x += width
        return QRectF()

    def hit(self, point: QPointF) -> tuple[int, int] | None:
        for b, bar in enumerate(self.bars):
            for i in range(len(bar.segments)):
                if self.segment_rect(b, i).adjusted(0, -2, 0, 2).contains(point):
                    return b, i
        return None

    # ---- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        text_colour = self.palette().color(self.foregroundRole())
        painter.setPen(text_colour)
        y = 0
        if self.title:
            bold = painter.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(QRectF(4, y, self.width() - 8, line + 4), Qt.AlignmentFlag.AlignVCenter, self.title)
            bold.setBold(False)
            painter.setFont(bold)
            y += line + 6
        if self.legend:
            x = 4
            for label, colour in self.legend:
                painter.fillRect(QRectF(x, y + (line - 10) / 2 + 2, 10, 10), QColor(colour))
                painter.drawText(QRectF(x + 14, y, 200, line + 4), Qt.AlignmentFlag.AlignVCenter, label)
                x += 14 + metrics.horizontalAdvance(label) + 14
        if not self.bars:
            painter.drawText(QRectF(0, 0, self.width(), self.height()), Qt.AlignmentFlag.AlignCenter, "没有数据")
            return
        row = self._row_height()
        label_width = self._label_width()
        for b, bar in enumerate(self.bars):
            top = self._header_height() + b * (row + ROW_GAP) + 4
            painter.setPen(text_colour)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, label_width - 8)
            painter.drawText(QRectF(0, top, label_width - 8, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            end = label_width
            for i, s in enumerate(bar.segments):
                rect = self.segment_rect(b, i)
                if s.value > 0:
                    painter.fillRect(rect, QColor(s.colour))
                    end = rect.right()
                if self.hasFocus() and (b, i) == self.current:
                    painter.setPen(QPen(text_colour, 2, Qt.PenStyle.DotLine))
                    painter.drawRect(rect.adjusted(-1, -1, 1, 1))
                    end = max(end, rect.right())
            painter.setPen(text_colour)
            painter.drawText(QRectF(end + 6, top, self.width() - end - 6, row), Qt.AlignmentFlag.AlignVCenter, bar.text)
        painter.end()

    # ---- interaction -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if found is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.current = found
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.update()
        self.activate(*found)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if found is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(event.globalPosition().toPoint(), self._tip(*found), self)

    def _tip(self, bar: int, segment: int) -> str:
        s = self.segment_at(bar, segment)
        return f"{self.bars[bar].label}：{s.label} {s.shown}，涉及 {len(s.ids)} 件；点击查看"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.bars:
            super().keyPressEvent(event)
            return
        bar, segment = self.current
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate(bar, segment)
            return
        moves = {Qt.Key.Key_Up: (bar - 1, None), Qt.Key.Key_Down: (bar + 1, None),
                 Qt.Key.Key_Home: (0, None), Qt.Key.Key_End: (len(self.bars) - 1, None),
                 Qt.Key.Key_Left: (bar, segment - 1), Qt.Key.Key_Right: (bar, segment + 1)}
        if key not in moves:
            super().keyPressEvent(event)
            return
        new_bar, new_segment = moves[key]
        new_bar = max(0, min(len(self.bars) - 1, new_bar))
        count = len(self.bars[new_bar].segments)
        new_segment = segment if new_segment is None else new_segment
        self.current = (new_bar, max(0, min(count - 1, new_segment)))
        self.setAccessibleDescription(self._tip(*self.current))
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


def _coloured(s: Segment, index: int) -> Segment:
    if s.colour:
        return s
    return Segment(s.value, s.label, s.ids, s.description, s.shown, COLOURS[index % len(COLOURS)])
