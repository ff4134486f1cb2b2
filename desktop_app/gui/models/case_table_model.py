"""The case list's table model over ``CaseRow`` DTOs (gui layer).

Sorting sorts the Python row list (a proxy model over 100,000 rows takes seconds): the first sort
of a column ranks its *distinct* values once and gives every row an integer key, so each sort is
one C-level sort of integers. Filtering is a function applied to the sorted list, so the shown rows
keep the sort order without sorting again. Empty cells stay at the bottom in both directions.
"""

from __future__ import annotations

import gc
import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from desktop_app.domain.enums import ItemStatus, ResultCategory
from desktop_app.gui.later_parts import later_part

# The DTO module (a dozen dataclasses, ~15 ms) loads after the first paint: see bootstrap.
if TYPE_CHECKING:
    from PySide6.QtGui import QBrush, QFont

    from desktop_app.services.dto import CaseRow

LARGE_LIST = 10_000  # rows from which loading the list ends with a garbage collection
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the CaseRow
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the value the column sorts by; None for an empty cell

RowFilter = Callable[[list["CaseRow"]], list["CaseRow"]]
# Saved rows moved to their new place one by one; more than this are sorted again with the rest.
MOVE_IN_PLACE_MAX = 20

_NUMBER = re.compile(r"\D*(\d+)")


def _same(value):
    return value


@dataclass(frozen=True)
class Column:
    """``value`` reads the cell's raw value (hashable); ``order`` turns a raw value into what it
    sorts by, None when the cell is empty, and runs once per distinct value (``_same``: the value
    itself, with None and "" empty)."""

    key: str
    title: str
    text: Callable[[CaseRow], str]
    value: Callable[[CaseRow], Hashable]
    order: Callable[[Any], Any] = _same
    width: int = 100
    then: str | None = None  # the column that orders rows with equal values
    hidden: bool = False  # hidden until the user shows it
    centred: bool = False


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def number_key(number: str) -> tuple | None:
    """编号 in numeric order when it holds a number (第35号 before 第0104号), other text after the
    numbers; None when empty."""
    if not number:
        return None
    match = _NUMBER.match(number)
    return (False, int(match.group(1)), number) if match else (True, 0, number)


def next_due_text(case: CaseRow) -> str:
    """下一期限: the date, the kind, and 未含节假日安排 as a * when the calendar did not cover it."""
    nxt = case.next_deadline
    if nxt is None:
        return ""
    return f"{nxt.due_on.isoformat()} {nxt.kind.label}{'' if nxt.covered else '*'}"


def next_due_value(case: CaseRow):
    nxt = case.next_deadline
    return None if nxt is None else nxt.due_on


def progress_text(case: CaseRow) -> str:
    """进度: ticked / total of the item's 办理清单 (filled after loading, like 下一期限)."""
    done = case.checklist_progress
    return "" if done is None or not done.total else f"{done.done}/{done.total}"


def progress_value(case: CaseRow):
    done = case.checklist_progress
    return None if done is None or not done.total else done.done / done.total


def _flag(value: bool) -> str:
    return "是" if value else ""


def _label_order(value):
    return None if value is None else value.label


def _position_in(enum_class) -> Callable[[Any], int | None]:
    positions = {member: position for position, member in enumerate(enum_class)}
    return positions.get


def _flag_order(value: bool) -> bool:
    return not value  # flagged items first when ascending


COLUMNS: tuple[Column, ...] = (
    Column("session", "届次", lambda r: r.session_name, lambda r: r.session_name, _same, 118, then="number"),
    Column("number", "编号", lambda r: r.number, lambda r: r.number, number_key, 44, centred=True),
    Column("kind", "类型", lambda r: r.kind.label, lambda r: r.kind, _label_order, 62, centred=True),
    Column("title", "标题", lambda r: r.title, lambda r: r.title, _same, 206),
    Column("lead_proposer", "代表/提案人", lambda r: r.lead_proposer, lambda r: r.lead_proposer, _same, 60),
    Column("lead_units", "主办单位", lambda r: r.lead_units, lambda r: r.lead_units, _same, 88),
    Column("co_units", "会办单位", lambda r: r.co_units, lambda r: r.co_units, _same, 84),
    Column("our_role", "我方角色", lambda r: r.our_role.label if r.our_role else "—", lambda r: r.our_role,
           _label_order, 56, centred=True),
    Column("assigned_on", "交办日期", lambda r: _date_text(r.assigned_on), lambda r: r.assigned_on, _same, 78, centred=True),
    Column("status", "状态", lambda r: r.status.label, lambda r: r.status, _position_in(ItemStatus), 58, centred=True),
    Column("result", "办理结果", lambda r: r.result.label if r.result else "", lambda r: r.result,
           _position_in(ResultCategory), 64, centred=True),
    Column("replied_on", "答复日期", lambda r: _date_text(r.replied_on), lambda r: r.replied_on, _same, 84,
           hidden=True, centred=True),
    Column("category", "分类", lambda r: r.category, lambda r: r.category, _same, 90, hidden=True),
    Column("raised_at", "大会/闭会", lambda r: r.raised_at.label, lambda r: r.raised_at, _label_order, 76,
           hidden=True, centred=True),
    Column("is_key", "重点督办", lambda r: _flag(r.is_key), lambda r: r.is_key, _flag_order, 64, hidden=True, centred=True),
    Column("is_leader_handled", "区领导亲自办理", lambda r: _flag(r.is_leader_handled), lambda r: r.is_leader_handled,
           _flag_order, 100, hidden=True, centred=True),
    Column("is_secret", "涉密", lambda r: _flag(r.is_secret), lambda r: r.is_secret, _flag_order, 44,
           hidden=True, centred=True),
    Column("next_due", "下一期限", next_due_text, next_due_value, _same, 132, centred=True),
    Column("progress", "进度", progress_text, progress_value, _same, 44, centred=True),
)

COLUMN_INDEX = {column.key: position for position, column in enumerate(COLUMNS)}

_STATUS_COLOURS = {
    ItemStatus.PENDING: "#b45309",
    ItemStatus.RETURN_REQUESTED: "#b45309",
    ItemStatus.RETURNED: "#6b7280",
    ItemStatus.HANDLING: "#1d4ed8",
    ItemStatus.REHANDLING: "#b91c1c",
    ItemStatus.REPLIED: "#15803d",
    ItemStatus.FEEDBACK: "#15803d",
    ItemStatus.TRACKING: "#7c3aed",
    ItemStatus.CLOSED: "#4b5563",
}
_RESULT_COLOURS = {
    ResultCategory.SOLVED: "#15803d",
    ResultCategory.SOLVING: "#1d4ed8",
    ResultCategory.PLANNED: "#7c3aed",
    ResultCategory.REFERENCE: "#6b7280",
}
_SECRET_BACKGROUND = "#fde8e8"
_SECRET_MARK = "【涉密】"


class CaseTableModel(QAbstractTableModel):
    """Rows of the case list. ``set_rows`` replaces all rows, ``set_filter`` chooses which are
    shown; ``sort`` reorders all rows and shows the filtered ones in that order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._base: list[CaseRow] = []  # as loaded; the rank lists below are aligned with it
        self._all: list[CaseRow] = []  # every row in the current sort order
        self._shown: list[CaseRow] = []
        self._row_filter: RowFilter | None = None
        self._ranks: dict[int, tuple[array, array]] = {}  # column -> (ascending, descending) keys
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._generation = 0
        self._by_id: dict[int, CaseRow] | None = None  # _base by item id, made when first asked
        # (_base, _all, item id → place in _base, → place in _all), while those lists are the same
        self._positions: tuple | None = None
        self._bucket_brushes: dict | None = None  # made when the 下一期限 column first paints

    # -- data in

    def set_rows(self, rows: Iterable[CaseRow]) -> None:
        """All rows (from ``cases.list_rows``); keeps the current sort and filter."""
        self.beginResetModel()
        self._generation += 1
        self._base = list(rows)
        self._all = list(self._base)
        self._by_id = None
        self._ranks.clear()
        self._sort_all()
        self._shown = self._filtered()
        self.endResetModel()
        if len(self._base) >= LARGE_LIST:
            # A large list leaves millions of young objects: Python's next young collection would
            # walk them all, a 100 ms pause on whatever the user does next (opening an item).
            # Moved to the old generation now, while the list is being swapped in anyway.
            gc.collect(1)

    def set_filter(self, row_filter: RowFilter | None) -> None:
        """``row_filter`` returns the rows to show from the given rows, keeping their order."""
        self.beginResetModel()
        self._row_filter = row_filter
        self._shown = self._filtered()
        self.endResetModel()

    @property
    def generation(self) -> int:
        """Changes with every ``set_rows``: a late column computed for older rows is dropped."""
        return self._generation

    def update_rows(self, changed: dict[int, tuple[CaseRow, CaseRow]], key: str, field: str) -> None:
        """Put in rows rebuilt with the late column ``key`` (下一期限, 进度; the row's ``field``)
        filled: item id → (the row it was built from, the row built). A row replaced meanwhile (a
        save, the other late column) gets the value on its current self. Then sort and paint that
        column again."""
        if changed:
            def merged(row: CaseRow) -> CaseRow:
                found = changed.get(row.id)
                if found is None:
                    return row
                source, built = found
                return built if source is row else replace(row, **{field: getattr(built, field)})

            by_new = {id(r): merged(r) for r in self._base}
            held = self._positions
            kept = held is not None and held[0] is self._base and held[1] is self._all
            self._base = [by_new[id(r)] for r in self._base]
            self._all = [by_new.get(id(r), r) for r in self._all]
            self._shown = [by_new.get(id(r), r) for r in self._shown]
            # Every row stays in its place: the id → place tables still hold for the new lists.
            self._positions = (self._base, self._all, held[2], held[3]) if kept else None
            self._by_id = None
            QTimer.singleShot(0, self.prepare_updates)  # the id table again, before the next save
        self._late_column_filled(key)

    def put_rows(self, rows: Iterable[CaseRow], removed_ids: Iterable[int] = ()) -> None:
        """Replace, add or take out rows by item id (after a save), keeping the rest as loaded,
        the sort, the filter and the selection. Sorting again is skipped when no row's place can
        have moved (its value in the sorted column is the same)."""
        fresh = {r.id: r for r in rows}
        by_id = self.rows_by_id()
        gone = {i for i in removed_ids if i in by_id and i not in fresh}
        added = [r for i, r in fresh.items() if i not in by_id]
        column = COLUMNS[self._sort_column] if self._sort_column >= 0 else None
        moved = bool(gone or added) or (column is not None and any(
            _sort_values(column, by_id[i]) != _sort_values(column, r) for i, r in fresh.items() if i in by_id))
        self.layoutAboutToBeChanged.emit()
        held = self._persistent_items()
        swapped = {i: r for i, r in fresh.items() if i in by_id}
        if gone:
            self._base = [r for r in self._base if r.id not in gone]
            self._positions = None
        self._swap(self._base, swapped, "base")
        self._base.extend(added)
        if added:
            self._positions = None
        if moved and not (gone or added) and self._sort_column >= 0 and len(swapped) <= MOVE_IN_PLACE_MAX:
            # A few saved rows whose place changed: each is taken out of the sorted rows and put
            # back where the sort puts it (a binary search), instead of sorting 100,000 rows again.
            self._move_in_place({i: by_id[i] for i in swapped}, swapped)
        elif moved:
            self._ranks.clear()
            self._all = list(self._base)
            self._sort_all()
        else:
            # The sorted column's keys still hold; every other column's are made again when asked.
            kept = self._ranks.get(self._sort_column)
            self._ranks = {} if kept is None else {self._sort_column: kept}
            self._swap(self._all, swapped, "all")
        for i in gone:
            by_id.pop(i, None)
        by_id.update(fresh)
        self._shown = self._filtered()
        self._move_persistent_indexes(held)
        self.layoutChanged.emit()

    def _swap(self, rows: list[CaseRow], fresh: dict[int, CaseRow], which: str, prepare: bool = False) -> None:
        """Put ``fresh`` rows in the places of the rows with their ids in ``rows`` (``_base`` or
        ``_all``), found through an id → place table kept until the order changes."""
        if not fresh and not prepare:
            return
        if self._positions is None or self._positions[0] is not self._base or self._positions[1] is not self._all:
            self._positions = (self._base, self._all, {}, {})
        table = self._positions[2 if which == "base" else 3]
        if not table:
            table.update((r.id, n) for n, r in enumerate(rows))
        for item_id, row in fresh.items():
            rows[table[item_id]] = row

    def _move_in_place(self, before: dict[int, CaseRow], after: dict[int, CaseRow]) -> None:
        """Move each row of ``after`` (``before``: as it was) to its place in the sorted rows, with
        the order ``_sort_all`` gives: by the sorted column, its tie-breaking columns, then the
        loaded order."""
        self._swap(self._base, {}, "base", prepare=True)
        places = self._positions[2]  # id → place in the loaded order, which does not change here
        column = COLUMNS[self._sort_column]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder

        def key(row: CaseRow):
            return _sort_key(column, row, places[row.id], descending)

        for item_id, new in after.items():
            at = bisect_left(self._all, key(before[item_id]), key=key)
            if at >= len(self._all) or self._all[at].id != item_id:  # not where the sort had it
                self._all = list(self._base)
                self._sort_all()
                break
            del self._all[at]
            self._all.insert(bisect_left(self._all, key(new), key=key), new)
        # Every column's sort keys are kept by loaded place and the saved rows' values changed:
        # they are made again when asked. The id → place table of the sorted rows has shifted.
        self._ranks.clear()
        self._positions = (self._base, self._all, places, {})

    def prepare_updates(self) -> None:
        """Make the id tables ``put_rows`` uses (tens of ms at 100,000 rows): called when the UI is
        idle after a load, so that the first save after it shows as fast as the next."""
        self.rows_by_id()
        self._swap(self._base, {}, "base", prepare=True)
        self._swap(self._all, {}, "all", prepare=True)

    def rows_by_id(self) -> dict[int, CaseRow]:
        """The loaded rows by item id."""
        if self._by_id is None:
            self._by_id = {r.id: r for r in self._base}
        return self._by_id

    # The brushes and the bold font are made for the first rows, not for the empty list of the
    # window's first paint (the first QBrush alone costs some 3 ms): later_parts.
    @later_part
    def _colours(self) -> dict[Any, QBrush]:
        """The text colour of each status and result, and the 涉密 background (key ``"secret"``)."""
        from PySide6.QtGui import QBrush, QColor

        colours = {key: QBrush(QColor(c)) for key, c in (*_STATUS_COLOURS.items(), *_RESULT_COLOURS.items())}
        colours["secret"] = QBrush(QColor(_SECRET_BACKGROUND))
        return colours

    @later_part
    def _bold(self) -> QFont:
        from PySide6.QtGui import QFont

        font = QFont()
        font.setBold(True)
        return font

    def _bucket_brush(self, bucket):
        if self._bucket_brushes is None:
            # Imported here: the deadline rules are not needed for the window's first paint.
            from desktop_app.gui.models.deadline_count_model import BUCKET_COLOURS, bucket_brush

            self._bucket_brushes = {b: bucket_brush(b) for b in BUCKET_COLOURS}
        return self._bucket_brushes.get(bucket)

    def _late_column_filled(self, key: str) -> None:
        column = COLUMN_INDEX[key]
        self._ranks.pop(column, None)
        if self._sort_column == column:
            self.sort(self._sort_column, self._sort_order)
        if self._shown:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._shown) - 1, column))

    def loaded_rows(self) -> list[CaseRow]:
        """The rows as given to ``set_rows`` (to fill a late column again)."""
        return self._base

    @property
    def total_count(self) -> int:
        return len(self._all)

    def row_at(self, row: int) -> CaseRow:
        return self._shown[row]

    def row_of(self, item_id: int) -> int:
        """The shown row of an item, or -1."""
        return next((n for n, case in enumerate(self._shown) if case.id == item_id), -1)

    # -- Qt model interface

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._shown) or index.column() >= len(COLUMNS):
            return None
        case = self._shown[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key == "title" and case.is_secret:
                return _SECRET_MARK + case.title
            return column.text(case)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "title":
                return _title_tip(case)
            if column.key in ("lead_units", "co_units"):
                return column.text(case) or None
            if column.key == "next_due" and case.next_deadline is not None:
                return case.next_deadline.explanation
            if column.key == "progress" and case.checklist_progress is not None:
                return f"下一步：{case.checklist_progress.next_step or '全部完成'}"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key == "status":
                return self._colours[case.status]
            if column.key == "result" and case.result is not None:
                return self._colours[case.result]
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if column.key == "next_due" and case.next_deadline is not None:
                return self._bucket_brush(case.next_deadline.bucket)
            return self._colours["secret"] if case.is_secret else None
        if role == Qt.ItemDataRole.FontRole and column.key == "title" and case.is_key:
            return self._bold
        if role == ROW_ROLE:
            return case
        if role == SORT_ROLE:
            value = column.order(column.value(case))
            return None if value == "" else value
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort_column, self._sort_order = column, order
        held = self._persistent_items()
        self._sort_all()
        self._shown = self._filtered()
        self._move_persistent_indexes(held)
        self.layoutChanged.emit()

    def _persistent_items(self) -> list[tuple[QModelIndex, int | None]]:
        """The persistent indexes (selection, current row) with the item id each is on."""
        shown = self._shown
        return [(index, shown[index.row()].id if index.row() < len(shown) else None)
                for index in self.persistentIndexList()]

    def _move_persistent_indexes(self, held: list[tuple[QModelIndex, int | None]]) -> None:
        """Persistent indexes follow their items. Only the rows that moved are looked for: a save
        leaves a selected row where it was, and building an id → row table of 100,000 rows for
        one selected row would take longer than the rest of the update."""
        if not held:
            return
        shown = self._shown

        def stayed(index: QModelIndex, item_id: int | None) -> bool:
            return index.row() < len(shown) and shown[index.row()].id == item_id

        wanted = {item_id for index, item_id in held if item_id is not None and not stayed(index, item_id)}
        new_rows = {case.id: n for n, case in enumerate(shown) if case.id in wanted} if wanted else {}
        new_indexes = []
        for index, item_id in held:
            if item_id is not None and stayed(index, item_id):
                new_indexes.append(index)
                continue
            row = new_rows.get(item_id, -1)
            new_indexes.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList([index for index, _i in held], new_indexes)

    # -- internals

    def _sort_all(self) -> None:
        if self._sort_column < 0:
            return
        ascending, descending = self._ranks.get(self._sort_column) or self._rank(self._sort_column)
        keys = descending if self._sort_order == Qt.SortOrder.DescendingOrder else ascending
        base = self._base
        # Stable: rows with equal values keep their loaded order in both directions.
        self._all = [base[i] for i in sorted(range(len(base)), key=keys.__getitem__)]

    def _rank(self, column_number: int) -> tuple[array, array]:
        """Integer sort keys of every loaded row for one column, ascending and descending."""
        column = COLUMNS[column_number]
        raw = [column.value(case) for case in self._base]
        distinct = set(raw)
        if column.order is _same:  # dates and text sort as they are: no per-value call
            filled = sorted(v for v in distinct if v is not None and v != "")
        else:
            order = {value: column.order(value) for value in distinct}
            filled = sorted((v for v in distinct if order[v] is not None), key=order.__getitem__)
        empty = len(filled) + 1
        rank = dict.fromkeys(distinct, empty)
        rank.update(zip(filled, range(len(filled))))
        primary = list(map(rank.__getitem__, raw))
        ascending = primary
        if column.then:
            # Ties are broken by another column (届次, then 编号).
            secondary = self._ranks.get(COLUMN_INDEX[column.then]) or self._rank(COLUMN_INDEX[column.then])
            scale = max(secondary[0], default=0) + 1
            ascending = [p * scale + q for p, q in zip(primary, secondary[0])]
        descending = [-key if p != empty else key for key, p in zip(ascending, primary)]
        # Kept as arrays: lists of 100,000 ints would be walked by every garbage collection.
        keys = array("q", ascending), array("q", descending)
        self._ranks[column_number] = keys
        return keys

    def _filtered(self) -> list[CaseRow]:
        return list(self._all) if self._row_filter is None else self._row_filter(self._all)


class _Reversed:
    """Orders its value the other way round (a descending sort key)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other: "_Reversed") -> bool:
        return other.value < self.value

    def __eq__(self, other) -> bool:
        return self.value == other.value


def _levels(column: Column, case: CaseRow) -> tuple:
    """The row's ascending place by ``column`` and the columns that break its ties: at each
    level (0, value) or, for an empty cell, (1,), which sorts last."""
    levels = []
    while True:
        value = column.value(case)
        ordered = (None if value == "" else value) if column.order is _same else column.order(value)
        levels.append((1,) if ordered is None else (0, ordered))
        if not column.then:
            return tuple(levels)
        column = COLUMNS[COLUMN_INDEX[column.then]]


def _sort_key(column: Column, case: CaseRow, place: int, descending: bool) -> tuple:
    """Where ``_sort_all`` puts the row: by ``_levels``, reversed when descending except that
    rows empty in the sorted column stay last; equal rows keep their loaded ``place``."""
    levels = _levels(column, case)
    empty = levels[0] == (1,)
    if descending and not empty:
        return (0, _Reversed(levels), place)
    return (1 if empty else 0, levels, place)


def _sort_values(column: Column, case: CaseRow) -> tuple:
    """What places a row in a sort by ``column`` (with the columns that break its ties)."""
    values = [column.value(case)]
    while column.then:
        column = COLUMNS[COLUMN_INDEX[column.then]]
        values.append(column.value(case))
    return tuple(values)


def legend_html() -> str:
    """What bold text and the colours of the list mean, for the line under it: the same colours
    as ``data`` paints (the title's bold, the 涉密 background, the 下一期限 buckets, the status)."""
    from desktop_app.domain.deadlines import Bucket
    from desktop_app.gui.models.deadline_count_model import BUCKET_COLOURS

    def swatch(colour: str, text: str) -> str:
        return f'<span style="background-color:{colour}">&nbsp;{text}&nbsp;</span>'

    buckets = " ".join(swatch(BUCKET_COLOURS[b], b.label) for b in (Bucket.OVERDUE, Bucket.SOON, Bucket.WEEK,
                                                                    Bucket.FORTNIGHT))
    rehandling = _STATUS_COLOURS[ItemStatus.REHANDLING]
    return ("图例：<b>粗体标题</b>＝重点督办件　"
            f"{swatch(_SECRET_BACKGROUND, '粉红底色')}＝涉密件　"
            f'<span style="color:{rehandling}">红色状态</span>＝{ItemStatus.REHANDLING.label}　'
            f"下一期限：{buckets}（* 未含节假日安排）")


def _title_tip(case: CaseRow) -> str:
    """The whole title, and in words what bold text and the pink background mean."""
    marks = [text for flag, text in ((case.is_key, "重点督办件（标题加粗）"), (case.is_leader_handled, "区领导亲自办理件"),
                                     (case.is_secret, "涉密件（不得导出或公开）")) if flag]
    return "\n".join([case.title, *marks])
