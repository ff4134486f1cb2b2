"""The charts under the 办理统计 table (gui layer): a rate per group (or every rate, in total) as
horizontal bars, and the result distribution as one stacked bar per group. A bar, or a part of a
stacked bar, stands for its items: ``items_requested(ids, description)`` when one is clicked or
chosen with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.statistics import LABELS
from desktop_app.gui.widgets.bar_chart import COLOURS, Bar, BarChart, Segment

RATE_KEYS = ("replied", "on_time", "met", "satisfied", "public")
RESULT_KEYS = ("result_solved", "result_solving", "result_planned", "result_reference")
RESULT_COLOURS = dict(zip(RESULT_KEYS, ("#2f9e44", "#4c6ef5", "#fab005", "#adb5bd")))


class StatisticsCharts(QWidget):
    items_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.groups: list = []
        self.overall = True
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        top = QHBoxLayout()
        self.rate_label = QLabel("比较：", self)
        self.rate_combo = QComboBox(self, objectName="rateCombo")
        for key in RATE_KEYS:
            self.rate_combo.addItem(LABELS[key], key)
        self.rate_combo.setCurrentIndex(RATE_KEYS.index("on_time"))
        top.addWidget(self.rate_label)
        top.addWidget(self.rate_combo)
        top.addStretch(1)
        left.addLayout(top)
        self.rate_chart = BarChart(self, title="比率", maximum=1.0)
        self.rate_chart.setObjectName("rateChart")
        left.addWidget(self.rate_chart, 1)
        layout.addLayout(left, 1)
        self.result_chart = BarChart(self, title="办理结果分布（件，按最终答复）")
        self.result_chart.setObjectName("resultChart")
        layout.addWidget(self.result_chart, 1)
        self.rate_chart.segment_activated.connect(self.items_requested)
        self.result_chart.segment_activated.connect(self.items_requested)
        self.rate_combo.currentIndexChanged.connect(lambda _i: self._show_rates())

    def show_groups(self, groups: list, overall: bool) -> None:
        """``groups`` [(name, figures)]; ``overall`` when the view shows the total only."""
        self.groups, self.overall = list(groups), overall
        self.rate_label.setVisible(not overall)
        self.rate_combo.setVisible(not overall)
        self._show_rates()
        legend = [(LABELS[k], RESULT_COLOURS[k]) for k in RESULT_KEYS]
        self.result_chart.set_bars([self._result_bar(name, figures) for name, figures in self.groups], legend)

    def _show_rates(self) -> None:
        if self.overall:
            name, figures = self.groups[0] if self.groups else ("总体", {})
            self.rate_chart.title = "各项比率（总体）"
            bars = [_rate_bar(LABELS[k], name, figures[k], COLOURS[i]) for i, k in enumerate(RATE_KEYS) if k in figures]
        else:
            key = self.rate_combo.currentData()
            self.rate_chart.title = LABELS[key]
            bars = [_rate_bar(name, name, figures[key], COLOURS[0]) for name, figures in self.groups]
        self.rate_chart.set_bars(bars)

    @staticmethod
    def _result_bar(name: str, figures) -> Bar:
        segments = tuple(
            Segment(figures[k].count, LABELS[k], figures[k].ids, f"{name} {LABELS[k]}", f"{figures[k].count} 件",
                    RESULT_COLOURS[k])
            for k in RESULT_KEYS)
        replied = figures["replied"].count
        return Bar(name, segments, f"已办复 {replied} 件")


def _rate_bar(label: str, group: str, f, colour: str) -> Bar:
    segment = Segment(f.rate or 0.0, f.label, f.ids, f"{group} {f.label}", f.shown(), colour)
    return Bar(label, (segment,), f.shown())
