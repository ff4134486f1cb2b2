"""跟踪 → 年底结转承诺事项…: every commitment still open at the end of a year, each ticked to carry
into next year's tracking with a reason (one for all, or per row), carried in one operation
(gui layer; the write is ``FollowupService.carry_over_many``, one transaction)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from desktop_app.gui.operations import followup
from desktop_app.gui.widgets import message_boxes

_ANY_INDEX = QModelIndex | QPersistentModelIndex
HEADERS = ("结转", "建议提案", "标题", "承诺事项", "责任单位", "承诺期限", "结转理由（不填则用统一理由）")
CHECK, ITEM, TITLE, WHAT, UNIT, DUE, REASON = range(len(HEADERS))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class CarryOverModel(QAbstractTableModel):
    """Rows are ``CarryOverCandidate``s; the 结转 tick and the reason are the user's, per row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.ticked: list[bool] = []
        self.reasons: list[str] = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.ticked = [True] * len(self.rows)
        self.reasons = [""] * len(self.rows)
        self.endResetModel()

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: _ANY_INDEX) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == REASON:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.CheckStateRole and col == CHECK:
            return Qt.CheckState.Checked if self.ticked[index.row()] else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            c = row.commitment
            texts = {
                ITEM: f"{row.session_name} {row.item_number}", TITLE: row.item_title, WHAT: c.description,
                UNIT: c.unit_name, DUE: c.due_on.isoformat() if c.due_on else (c.due_term or "未定"),
                REASON: self.reasons[index.row()],
            }
            return texts.get(col)
        return None

    def setData(self, index: _ANY_INDEX, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        if index.column() == CHECK and role == Qt.ItemDataRole.CheckStateRole:
            self.ticked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif index.column() == REASON and role == Qt.ItemDataRole.EditRole:
            self.reasons[index.row()] = str(value or "")
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def chosen(self, common_reason: str) -> dict[int, str]:
        """Commitment id → reason for every ticked row (its own reason, else the common one)."""
        return {row.commitment.id: (reason.strip() or common_reason.strip())
                for row, ticked, reason in zip(self.rows, self.ticked, self.reasons) if ticked}


class CarryOverDialog(QDialog):
    """``services`` the app's ``AppServices``; ``runner`` the window's operation runner."""

    def __init__(self, services, year: int, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.service = services.followup
        self.carried = False
        self.setWindowTitle("年底结转承诺事项")
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year_spin = QSpinBox(self, objectName="yearSpin", minimum=2000, maximum=2100, value=year)
        self.year_spin.setSuffix(" 年")
        top.addWidget(QLabel("结转年度：", self))
        top.addWidget(self.year_spin)
        self.summary_label = QLabel(self, objectName="summaryLabel")
        top.addWidget(self.summary_label, 1)
        layout.addLayout(top)
        layout.addWidget(QLabel("下列承诺事项承诺在该年底前（或未定日期）完成、至今未落实。勾选要结转下年跟踪的事项，"
                                "写明理由；结转后仍在期限看板和下一年度跟踪中显示。", self, wordWrap=True))
        self.model = CarryOverModel(self)
        self.table = QTableView(self, objectName="carryOverTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel("统一结转理由：", self))
        self.reason_edit = QLineEdit(self, objectName="reasonEdit")
        self.reason_edit.setPlaceholderText("例如：资金列入下年度预算；工程跨年度施工")
        reason_row.addWidget(self.reason_edit, 1)
        layout.addLayout(reason_row)
        self.buttons = QDialogButtonBox(self)
        self.carry_button = self.buttons.addButton("结转下年", QDialogButtonBox.ButtonRole.AcceptRole)
        self.carry_button.setObjectName("carryButton")
        self.buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.carry)
        self.buttons.rejected.connect(self.reject)
        self.year_spin.valueChanged.connect(lambda _v: self.load())
        self.model.dataChanged.connect(lambda *_a: self._count())
        self.load()

    def year(self) -> int:
        return self.year_spin.value()

    def load(self) -> None:
        self.model.set_rows(self.service.year_end_candidates(self.year()))
        self._count()

    def _count(self) -> None:
        total, ticked = len(self.model.rows), sum(self.model.ticked)
        if not total:
            self.summary_label.setText(f"{self.year()} 年底没有未落实的承诺事项。")
        else:
            self.summary_label.setText(f"未落实 {total} 项，已勾选 {ticked} 项，结转 {self.year() + 1} 年跟踪。")
        self.carry_button.setEnabled(ticked > 0)

    def carry(self) -> None:
        chosen = self.model.chosen(self.reason_edit.text())
        if not chosen:
            message_boxes.show_information(self, "年底结转", "请先勾选要结转的承诺事项。")
            return
        missing = [row.commitment.description for row, ticked in zip(self.model.rows, self.model.ticked)
                   if ticked and not chosen[row.commitment.id]]
        if missing:
            message_boxes.show_warning(self, "年底结转", f"还有 {len(missing)} 项没有结转理由（如“{missing[0]}”）。"
                                       "请填写统一结转理由，或在表中逐项填写。")
            self.reason_edit.setFocus()
            return
        year = self.year()
        if not message_boxes.confirm(self, "年底结转",
                                     f"把 {len(chosen)} 项未落实的承诺事项结转 {year + 1} 年跟踪？结转记入各件的修改记录。",
                                     "结转"):
            return

        def done(_changes) -> None:
            self.carried = True
            message_boxes.show_information(self, "年底结转", f"已结转 {len(chosen)} 项承诺事项到 {year + 1} 年跟踪。")
            self.accept()

        op = followup.carry_over_many(self.services, year, chosen)
        self.runner.run(op, on_success=done)
