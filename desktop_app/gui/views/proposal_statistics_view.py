"""政协提案统计 view (gui layer): 立案 / 不立案, 并案, figures by 界别 and proposer type, and the
重点提案 under supervision, as of a day; how a 并案 counts (按提案件数 / 按办理件数) is the office's
setting and is stated beside the figures. A click on a figure asks to show its items in the list.

``KeyProposalsPanel`` is the 重点提案督办 list the 期限看板 shows (``proposal_actions`` installs it).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import MergedCount
from desktop_app.gui.models.row_table_model import ROW_ROLE, Column, RowTableModel, text_or_blank
from desktop_app.gui.operations import proposals as proposal_ops

_REFRESH_KINDS = {"item", "database", "setting", "proposer"}
BY_SECTOR, BY_TYPE = "sector", "type"


class CountModel(RowTableModel):
    """Rows of ``(name, Count)``; a figure's tooltip is its definition."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            _name, count = self.row(index.row())
            return count.definition or None
        return super().data(index, role)


class GroupModel(RowTableModel):
    """Rows of ``(group name, {key: Count})`` by 界别 or proposer type."""

    KEYS = ("filed", "replied", "not_filed", "key")

    def __init__(self, parent=None):
        super().__init__([Column("分组", lambda r: r[0])] + [
            Column(label, (lambda key: lambda r: str(r[1][key].count))(key))
            for key, label in (("filed", "立案件数"), ("replied", "已答复"), ("not_filed", "不立案"), ("key", "重点提案"))
        ], parent)

    def ids_at(self, row: int, column: int):
        if column == 0:
            return frozenset().union(*(c.ids for c in self.row(row)[1].values()))
        return self.row(row)[1][self.KEYS[column - 1]].ids


def key_columns() -> list[Column]:
    return [
        Column("届次", lambda k: k.session_name), Column("编号", lambda k: k.number),
        Column("标题", lambda k: k.title), Column("督办领导", lambda k: k.supervisor or "（未填）"),
        Column("答复", lambda k: text_or_blank(k.replied_on) if k.replied_on else "未答复"),
    ]


def _table(parent, model, name: str) -> QTableView:
    table = QTableView(parent, objectName=name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ProposalStatisticsView(QWidget):
    """``items_requested(ids, description)`` when a figure or a key proposal is clicked."""

    items_requested = Signal(object, str)

    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self._services, self._runner = services, runner
        self.report = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.as_of_edit = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd", objectName="asOfEdit")
        self.mode_combo = QComboBox(self, objectName="mergedCountCombo")
        for mode in MergedCount:
            self.mode_combo.addItem(f"并案{mode.label}", mode.value)
        self.mode_combo.setToolTip("几件提案并案办理时，统计按每件提案计，还是按一次办理计（保存为本数据库的统计口径）")
        self.dimension_combo = QComboBox(self, objectName="dimensionCombo")
        self.dimension_combo.addItem("按界别", BY_SECTOR)
        self.dimension_combo.addItem("按提案人类型", BY_TYPE)
        self.refresh_button = QPushButton("统计", self, objectName="refreshButton")
        for widget in (QLabel("截至", self), self.as_of_edit, self.mode_combo, self.dimension_combo,
                       self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self.note = QLabel(self, objectName="definitionLabel")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.overall_model = CountModel([Column("项目", lambda r: r[1].label), Column("数量", lambda r: r[1].shown()),
                                         Column("口径", lambda r: r[1].definition)], self)
        self.overall_table = _table(self, self.overall_model, "overallTable")
        self.group_model = GroupModel(self)
        self.group_table = _table(self, self.group_model, "groupTable")
        self.key_model = RowTableModel(key_columns(), self)
        self.key_table = _table(self, self.key_model, "keyProposalTable")
        self.key_label = QLabel("重点提案督办", self)
        row = QHBoxLayout()
        row.addWidget(self.overall_table, 3)
        row.addWidget(self.group_table, 2)
        layout.addLayout(row, 3)
        layout.addWidget(self.key_label)
        layout.addWidget(self.key_table, 2)
        self.refresh_button.clicked.connect(self.refresh)
        self.mode_combo.activated.connect(self._mode_chosen)
        self.dimension_combo.currentIndexChanged.connect(self._show)
        self.overall_table.clicked.connect(self._overall_clicked)
        self.group_table.clicked.connect(self._group_clicked)
        self.key_table.doubleClicked.connect(self._key_opened)
        services.changed.connect(self._changed)

    def as_of(self) -> date:
        q = self.as_of_edit.date()
        return date(q.year(), q.month(), q.day())

    def refresh(self) -> None:
        if not self._services.connected:
            return
        if self.report is None:
            today = self._services.today()
            self.as_of_edit.setDate(QDate(today.year, today.month, today.day))
        self._runner.run(proposal_ops.report(self._services, self.as_of()), on_success=self.show_report)

    def show_report(self, report) -> None:
        self.report = report
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(report.mode.value))
        self.note.setText(f"截至 {report.as_of.isoformat()}。{report.merge_note}不立案的意见另行统计。"
                          "界别、提案人类型按第一提案人计。点击数字在案件列表中查看这些件，双击重点提案打开列表。")
        self.overall_model.set_rows(list(report.overall.items()))
        self.overall_table.resizeColumnsToContents()
        self.key_model.set_rows(report.key_proposals)
        self.key_table.resizeColumnsToContents()
        self.key_label.setText(f"重点提案督办（{len(report.key_proposals)} 件，"
                               f"{sum(1 for k in report.key_proposals if k.replied_on is None)} 件未答复）")
        self._show()

    def _show(self, *_args) -> None:
        if self.report is None:
            return
        groups = self.report.by_sector if self.dimension_combo.currentData() == BY_SECTOR else self.report.by_type
        self.group_model.set_rows(list(groups.items()))
        self.group_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _mode_chosen(self, _index: int) -> None:
        mode = MergedCount(self.mode_combo.currentData())
        if self.report is not None and mode is self.report.mode:
            return
        if self._services.read_only:  # look at the other count without saving it
            self._runner.run(proposal_ops.report(self._services, self.as_of(), mode), on_success=self.show_report)
            return
        self._runner.run(proposal_ops.set_merged_count(self._services, mode), on_success=lambda _c: self.refresh(),
                         initiator=self)

    def _overall_clicked(self, index) -> None:
        _key, count = self.overall_model.row(index.row())
        self.items_requested.emit(count.ids, f"政协提案：{count.label}")

    def _group_clicked(self, index) -> None:
        name = self.group_model.row(index.row())[0]
        self.items_requested.emit(self.group_model.ids_at(index.row(), index.column()), f"政协提案：{name}")

    def _key_opened(self, index) -> None:
        key = index.data(ROW_ROLE)
        if key is not None:
            self.items_requested.emit(frozenset({key.id}), f"重点提案 第{key.number}号")

    def _changed(self, changes) -> None:
        if changes.initiator is not self and self.isVisible() and changes.kinds & _REFRESH_KINDS:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()


class KeyProposalsPanel(QWidget):
    """The 期限看板's list of 重点提案 under supervision not yet answered, with their 督办领导."""

    items_requested = Signal(object, str)

    def __init__(self, services, runner, parent=None):
        super().__init__(parent, objectName="keyProposalsPanel")
        self._services, self._runner = services, runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self, objectName="keyProposalsLabel")
        self.model = RowTableModel(key_columns(), self)
        self.table = _table(self, self.model, "keyProposalsTable")
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        self.table.doubleClicked.connect(self._opened)
        self.hide()

    def refresh(self) -> None:
        if self._services.connected:
            self._runner.run(proposal_ops.key_proposals(self._services), on_success=self.show_key_proposals)

    def show_key_proposals(self, key_proposals) -> None:
        waiting = [k for k in key_proposals if k.replied_on is None]
        self.model.set_rows(waiting)
        self.table.resizeColumnsToContents()
        self.label.setText(f"重点提案督办：{len(waiting)} 件未答复（共 {len(key_proposals)} 件；双击在列表中查看）")
        self.setVisible(bool(key_proposals))

    def _opened(self, index) -> None:
        key = index.data(ROW_ROLE)
        if key is not None:
            self.items_requested.emit(frozenset({key.id}), f"重点提案 第{key.number}号")
