"""The 办理统计 table as a model (gui layer): a row per group (总体, or each unit, session or kind),
a column per figure of ``domain.statistics.FIGURES``. Each cell shows the count, or a rate over
its fraction with a bar as long as the rate behind it; ``IDS_ROLE`` gives the items behind it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient

from desktop_app.domain.statistics import FIGURES

IDS_ROLE = Qt.ItemDataRole.UserRole + 1  # (sorted item ids, description)
_ANY_INDEX = QModelIndex | QPersistentModelIndex

# Headers on two short lines and each rate over its fraction, so that all 19 figures fit a
# 1366-px window side by side (one line each needs some 1,700 px).
HEADER_LINES = {"应办件数": "应办\n件数", "按期办复率": "按期\n办复率", "基本满意": "基本\n满意",
                "办理态度满意率": "办理态度\n满意率", "解决采纳率": "解决\n采纳率", "已经解决": "已经\n解决",
                "正在解决": "正在\n解决", "计划解决": "计划\n解决", "留作参考": "留作\n参考",
                "重新办理": "重新\n办理", "二次答复": "二次\n答复", "未落实承诺事项": "未落实\n承诺事项",
                "超期承诺事项": "超期\n承诺事项"}


def cell_text(figure) -> str:
    """A count alone; a rate over its numerator/base (58.6% over 34/58)."""
    if figure.base is None:
        return str(figure.count)
    percent = "—" if figure.rate is None else f"{figure.rate * 100:.1f}%"
    return f"{percent}\n{figure.count}/{figure.base}"


def rate_bar(rate: float) -> QBrush:
    """A light-blue bar from the left, as long as ``rate`` (0–1) of the cell."""
    gradient = QLinearGradient(0, 0, 1, 0)
    gradient.setCoordinateMode(QLinearGradient.CoordinateMode.ObjectBoundingMode)
    stop = max(0.0, min(1.0, rate))
    gradient.setColorAt(0, QColor("#cfe2ff"))
    gradient.setColorAt(stop, QColor("#cfe2ff"))
    gradient.setColorAt(min(1.0, stop + 0.001), QColor(0, 0, 0, 0))
    return QBrush(gradient)


class StatisticsTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[tuple[str, dict]] = []  # (name, figures by key)

    def set_groups(self, groups: list[tuple[str, dict]]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(FIGURES)

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._groups) or index.column() >= len(FIGURES):
            return None
        name, figures = self._groups[index.row()]
        figure = figures[FIGURES[index.column()][0]]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(figure)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{name}：{figure.label} {figure.shown()}，涉及 {len(figure.ids)} 件；点击查看"
        if role == Qt.ItemDataRole.BackgroundRole and figure.rate is not None:
            return rate_bar(figure.rate)  # the cell's background reads as a chart in place
        if role == IDS_ROLE:
            return sorted(figure.ids), f"{name} {figure.label}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(FIGURES):
                label = FIGURES[section][1]
                return HEADER_LINES.get(label, label)
            return None
        return self._groups[section][0] if 0 <= section < len(self._groups) else None
