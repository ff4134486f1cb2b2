"""The case list's filter panel: checkable lists, flags, date ranges and named views (gui layer).

The panel only edits a ``CaseFilter``; the list view applies it and stores named views through the
views service. Every empty choice means "any".
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Iterable

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDateEdit, QLineEdit, QListWidget, QListWidgetItem, QWidget

from desktop_app.domain.enums import ItemKind, ItemStatus, ResultCategory, UnitRole
from desktop_app.gui.forms.ui_filter_panel import Ui_FilterPanel
from desktop_app.gui.widgets.completer import set_completion
from desktop_app.services.dto import CaseFilter, SessionInfo, UnitInfo

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

NO_DATE = QDate(2000, 1, 1)  # shown as 不限 through the editors' special value text
NO_ROLE_LABEL = "无（我方不参与）"
NO_RESULT_LABEL = "尚无结果"
MAX_LIST_ROWS = 6  # a 1366×768 laptop shows 状态 without scrolling the panel
SECRET_CHOICES: tuple[tuple[str, bool | None], ...] = (("涉密：不限", None), ("只看涉密件", True), ("不含涉密件", False))


class RangeDateEdit(QDateEdit):
    """A date of a range: Tab leaves it (QDateEdit would step through year, month and day, and
    never leaves while it shows 不限); the arrow keys still move between the parts."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)


class FilterPanel(QWidget):
    """``filter_changed`` fires whenever the user changes a choice; ``view_chosen(name)`` when a
    saved view is picked in the combo ("" for none)."""

    filter_changed = Signal()
    view_chosen = Signal(str)
    save_view_requested = Signal()
    delete_view_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_FilterPanel()
        self.ui.setupUi(self)
        self._updating = False
        self._editable = True
        self._values: dict[QListWidget, list[Any]] = {}
        ui = self.ui
        self._fill_list(ui.sessionList, [])
        self._fill_list(ui.unitList, [])
        self._fill_list(ui.kindList, [(k.label, k) for k in ItemKind])
        self._fill_list(ui.roleList, [(r.label, r) for r in UnitRole] + [(NO_ROLE_LABEL, None)])
        self._fill_list(ui.statusList, [(s.label, s) for s in ItemStatus])
        self._fill_list(ui.resultList, [(r.label, r) for r in ResultCategory] + [(NO_RESULT_LABEL, None)])
        for text, value in SECRET_CHOICES:
            ui.secretCombo.addItem(text, value)
        self._dates: tuple[QDateEdit, ...] = ()  # made by add_date_ranges
        for checklist in (ui.sessionList, ui.kindList, ui.roleList, ui.unitList, ui.statusList, ui.resultList):
            checklist.itemChanged.connect(self._changed)
        ui.keyCheck.toggled.connect(self._changed)
        ui.leaderCheck.toggled.connect(self._changed)
        ui.secretCombo.currentIndexChanged.connect(self._changed)
        ui.assignedClearButton.clicked.connect(lambda: self._clear_dates(*self._date_edits()[:2]))
        ui.repliedClearButton.clicked.connect(lambda: self._clear_dates(*self._date_edits()[2:]))
        for find_edit, checklist in self._find_edits():
            find_edit.textChanged.connect(lambda text, c=checklist: self._narrow(c, text))
            find_edit.returnPressed.connect(lambda e=find_edit, c=checklist: self._check_found(e, c))
        ui.clearFilterButton.clicked.connect(self.clear)
        ui.viewCombo.activated.connect(lambda _index: self.view_chosen.emit(self.current_view()))
        ui.viewCombo.currentIndexChanged.connect(self._update_view_buttons)
        ui.saveViewButton.clicked.connect(self.save_view_requested)
        ui.deleteViewButton.clicked.connect(lambda: self.delete_view_requested.emit(self.current_view()))
        self.set_views([])

    # -- choices from the database

    def set_choices(self, sessions: Iterable[SessionInfo], units: Iterable[UnitInfo]) -> None:
        """Fill 届次 and 单位, keeping what was checked."""
        current = self.filter()
        self._updating = True
        try:
            self._fill_list(self.ui.sessionList, [(s.name, s.id) for s in sessions])
            self._fill_list(self.ui.unitList, [(u.name, u.id) for u in units])
            self._check(self.ui.sessionList, current.session_ids)
            self._check(self.ui.unitList, current.unit_ids)
        finally:
            self._updating = False
        for find_edit, checklist in self._find_edits():
            names = [checklist.item(row).text() for row in range(checklist.count())]
            if find_edit.completer() is not None:
                find_edit.completer().deleteLater()
            set_completion(find_edit, names)
            find_edit.completer().activated[str].connect(
                lambda name, e=find_edit, c=checklist: self._check_found(e, c, name))
            self._narrow(checklist, find_edit.text())

    def set_views(self, names: Iterable[str], current: str = "") -> None:
        combo = self.ui.viewCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("（未选择视图）", "")
        for name in names:
            combo.addItem(name, name)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self._update_view_buttons()

    def current_view(self) -> str:
        return self.ui.viewCombo.currentData() or ""

    def set_current_view(self, name: str) -> None:
        combo = self.ui.viewCombo
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(name), 0))
        combo.blockSignals(False)
        self._update_view_buttons()

    def set_editable(self, editable: bool) -> None:
        """Read-only databases keep their views but cannot save or delete one."""
        self._editable = editable
        self.ui.saveViewButton.setEnabled(editable)
        self._update_view_buttons()

    def _update_view_buttons(self, *_args) -> None:
        self.ui.deleteViewButton.setEnabled(self._editable and bool(self.current_view()))

    # -- the filter

    def filter(self) -> CaseFilter:
        ui = self.ui
        assigned_from, assigned_to, replied_from, replied_to = map(_date_of, self._date_edits())
        return CaseFilter(
            session_ids=frozenset(self._checked(ui.sessionList)),
            kinds=frozenset(self._checked(ui.kindList)),
            our_roles=frozenset(self._checked(ui.roleList)),
            unit_ids=frozenset(self._checked(ui.unitList)),
            statuses=frozenset(self._checked(ui.statusList)),
            results=frozenset(self._checked(ui.resultList)),
            only_key=ui.keyCheck.isChecked(),
            only_leader_handled=ui.leaderCheck.isChecked(),
            secret=ui.secretCombo.currentData(),
            assigned_from=assigned_from,
            assigned_to=assigned_to,
            replied_from=replied_from,
            replied_to=replied_to,
        )

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Show ``case_filter`` (its ``text`` is the search box's business) and emit once."""
        ui = self.ui
        self._updating = True
        try:
            self._check(ui.sessionList, case_filter.session_ids)
            self._check(ui.kindList, case_filter.kinds)
            self._check(ui.roleList, case_filter.our_roles)
            self._check(ui.unitList, case_filter.unit_ids)
            self._check(ui.statusList, case_filter.statuses)
            self._check(ui.resultList, case_filter.results)
            ui.keyCheck.setChecked(case_filter.only_key)
            ui.leaderCheck.setChecked(case_filter.only_leader_handled)
            ui.secretCombo.setCurrentIndex(max(ui.secretCombo.findData(case_filter.secret), 0))
            dates = (case_filter.assigned_from, case_filter.assigned_to, case_filter.replied_from, case_filter.replied_to)
            for edit, value in zip(self._date_edits(), dates):
                _set_date(edit, value)
        finally:
            self._updating = False
        self.filter_changed.emit()

    def clear(self) -> None:
        """清除筛选: every choice back to "any"."""
        self.set_current_view("")
        self.set_filter(CaseFilter())

    # -- internals

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent  # not at import: its enums cost ~5 ms before the first paint

        # An empty (不限) range would open its calendar in the year 2000; open it on this month.
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress) and watched in self._dates:
            watched.removeEventFilter(self)
            watched.calendarWidget().installEventFilter(self)
        elif event.type() == QEvent.Type.Show:
            for edit in self._dates:
                if watched is edit.calendarWidget() and edit.date() == NO_DATE:
                    today = QDate.currentDate()
                    edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def _changed(self, *_args) -> None:
        if not self._updating:
            self.filter_changed.emit()

    def _find_edits(self) -> tuple[tuple[QLineEdit, QListWidget], ...]:
        return ((self.ui.sessionFindEdit, self.ui.sessionList), (self.ui.unitFindEdit, self.ui.unitList))

    @staticmethod
    def _narrow(checklist: QListWidget, text: str) -> None:
        """Show only the names containing ``text`` (checked ones stay visible)."""
        text = text.strip().casefold()
        for row in range(checklist.count()):
            item = checklist.item(row)
            hidden = bool(text) and text not in item.text().casefold() and item.checkState() != Qt.CheckState.Checked
            checklist.setRowHidden(row, hidden)

    def _check_found(self, find_edit: QLineEdit, checklist: QListWidget, name: str | None = None) -> None:
        """Tick the name picked from the completion, or the only one left by typing (Enter)."""
        text = (name or find_edit.text()).strip()
        rows = [row for row in range(checklist.count()) if checklist.item(row).text() == text]
        if not rows:
            rows = [row for row in range(checklist.count())
                    if text and text.casefold() in checklist.item(row).text().casefold()]
        if len(rows) != 1:
            return
        checklist.item(rows[0]).setCheckState(Qt.CheckState.Checked)
        checklist.scrollToItem(checklist.item(rows[0]))
        # After the completer has written the name into the box, not before.
        QTimer.singleShot(0, find_edit.clear)

    def _clear_dates(self, *edits: QDateEdit) -> None:
        self._updating = True
        try:
            for edit in edits:
                edit.setDate(NO_DATE)
        finally:
            self._updating = False
        self.filter_changed.emit()

    def add_date_ranges(self) -> None:
        """Put the four date editors into 日期范围 (once). The first date editor of a process
        costs some 10 ms (Qt sets up dates and calendars), and the group sits below the fold: the
        main window calls this right after its first paint; anything reading the filter earlier
        makes them then."""
        if self._dates:
            return
        ui = self.ui
        places = (("assignedFromEdit", 1, "交办日期起"), ("assignedToEdit", 2, "交办日期止"),
                  ("repliedFromEdit", 4, "答复日期起"), ("repliedToEdit", 5, "答复日期止"))
        edits = []
        for name, row, tip in places:
            edit = RangeDateEdit(ui.dateGroup, objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd",
                             specialValueText="不限", toolTip=tip, minimumDate=NO_DATE, date=NO_DATE)
            ui.dateLayout.addWidget(edit, row, 1)
            setattr(ui, name, edit)
            edit.dateChanged.connect(self._changed)
            # Asking for its calendar would create it: watched from the first click or key instead.
            edit.installEventFilter(self)
            edits.append(edit)
        self._dates = tuple(edits)
        # Made last, they would come last in the Tab order: put them where they are shown.
        # (``focus_chain`` has put the rest in order, ending with 清除筛选.)
        chain = (ui.secretCombo, edits[0], edits[1], ui.assignedClearButton, edits[2], edits[3],
                 ui.repliedClearButton)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def focus_chain(self) -> tuple[QWidget, ...]:
        """The panel's fields in the order they are shown (the Tab order; the date editors are
        put in after 标记 by ``add_date_ranges``)."""
        ui = self.ui
        return (ui.viewCombo, ui.saveViewButton, ui.deleteViewButton, ui.sessionFindEdit, ui.sessionList,
                ui.kindList, ui.statusList, ui.resultList, ui.roleList, ui.unitFindEdit, ui.unitList,
                ui.keyCheck, ui.leaderCheck, ui.secretCombo, ui.assignedClearButton,
                ui.repliedClearButton, ui.clearFilterButton)

    def _date_edits(self) -> tuple[QDateEdit, ...]:
        self.add_date_ranges()
        return self._dates

    def _fill_list(self, checklist: QListWidget, entries: list[tuple[str, Any]]) -> None:
        checklist.blockSignals(True)
        checklist.clear()
        for text, _value in entries:
            item = QListWidgetItem(text, checklist)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        checklist.blockSignals(False)
        self._values[checklist] = [value for _text, value in entries]
        self._fit_height(checklist)

    def _fit_height(self, checklist: QListWidget) -> None:
        # Fixed choices (类型, 状态, …) show every one; the lists a user's data makes long (届次,
        # 单位, each with its 查找 box) scroll after MAX_LIST_ROWS.
        rows = max(checklist.count(), 1)
        if checklist in (self.ui.sessionList, self.ui.unitList):
            rows = min(rows, MAX_LIST_ROWS)
        row_height = checklist.sizeHintForRow(0) if checklist.count() else checklist.fontMetrics().height() + 4
        checklist.setFixedHeight(rows * row_height + 2 * checklist.frameWidth() + 2)

    def _checked(self, checklist: QListWidget) -> list[Any]:
        values = self._values[checklist]
        return [values[row] for row in range(checklist.count())
                if checklist.item(row).checkState() == Qt.CheckState.Checked]

    def _check(self, checklist: QListWidget, wanted) -> None:
        values = self._values[checklist]
        checklist.blockSignals(True)
        for row in range(checklist.count()):
            state = Qt.CheckState.Checked if values[row] in wanted else Qt.CheckState.Unchecked
            checklist.item(row).setCheckState(state)
        checklist.blockSignals(False)

    def check_value(self, list_name: str, value: Any, checked: bool = True) -> None:
        """Tick one choice as a user would (tests and keyboard helpers); emits ``filter_changed``."""
        checklist: QListWidget = getattr(self.ui, list_name)
        row = self._values[checklist].index(value)
        checklist.item(row).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def _date_of(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


def _set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))
