"""The 办理统计 table as a model (gui layer): a row per group (总体, or each unit, session or kind),
a column per figure of the chosen group of ``domain.statistics.FIGURE_GROUPS`` (all figures by
default). Each cell shows the count, or a rate over its fraction with a bar as long as the rate
behind it; its tooltip gives the figure's definition; ``IDS_ROLE`` gives the items behind the
count, ``BASE_IDS_ROLE`` those behind the base."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient

from desktop_app.domain.statistics import FIGURES, LABELS

IDS_ROLE = Qt.ItemDataRole.UserRole + 1  # (sorted item ids, description)
BASE_IDS_ROLE = Qt.ItemDataRole.UserRole + 2  # (sorted item ids of the base, description); None: a count
_ANY_INDEX = QModelIndex | QPersistentModelIndex

# Headers on two short lines and each rate over its fraction, so that all 19 figures fit a
# 1366-px window side by side (one line each needs some 1,700 px).
HEADER_LINES = {"应办件数": "应办\n件数", "按期办复率": "按期\n办复率", "基本满意": "基本\n满意",
                "满意率（按件）": "满意率\n（按件）", "满意（按件）": "满意\n（按件）",
                "基本满意（按件）": "基本满意\n（按件）", "不满意（按件）": "不满意\n（按件）",
                "办理态度满意率（按件）": "办理态度\n满意率", "满意率（按人次）": "满意率\n（按人次）",
                "不满意（按人次）": "不满意\n（按人次）", "首次答复已经解决": "首次答复\n已经解决",
                "首次答复正在解决": "首次答复\n正在解决", "首次答复计划解决": "首次答复\n计划解决",
                "首次答复留作参考": "首次答复\n留作参考", "逾期未公开": "逾期\n未公开", "会办件数": "会办\n件数",
                "会办意见按期率": "会办意见\n按期率", "承诺事项按期落实率": "承诺事项\n按期落实率",
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
        self.keys: tuple[str, ...] = tuple(key for key, _label in FIGURES)

    def set_groups(self, groups: list[tuple[str, dict]], keys: tuple[str, ...] | None = None) -> None:
        """``keys``: the figures shown, one per column (all by default)."""
        self.beginResetModel()
        self._groups = list(groups)
        if keys is not None:
            self.keys = tuple(keys)
        self.endResetModel()

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.keys)

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._groups) or index.column() >= len(self.keys):
            return None
        name, figures = self._groups[index.row()]
        figure = figures[self.keys[index.column()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(figure)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            base = "" if figure.base is None else f"；右键可查看基数涉及的 {len(figure.base_ids)} 件"
            return (f"{name}：{figure.label} {figure.shown()}\n口径：{figure.definition}\n"
                    f"涉及 {len(figure.ids)} 件{base}；点击查看")
        if role == Qt.ItemDataRole.BackgroundRole and figure.rate is not None:
            return rate_bar(figure.rate)  # the cell's background reads as a chart in place
        if role == IDS_ROLE:
            return sorted(figure.ids), f"{name} {figure.label}"
        if role == BASE_IDS_ROLE:
            if figure.base is None:
                return None
            return sorted(figure.base_ids), f"{name} {figure.label}的基数"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if 0 <= section < len(self.keys) and self._groups:
                return f"{LABELS[self.keys[section]]}：{self._groups[0][1][self.keys[section]].definition}"
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.keys):
                label = LABELS[self.keys[section]]
                return HEADER_LINES.get(label, label)
            return None
        return self._groups[section][0] if 0 <= section < len(self._groups) else None
