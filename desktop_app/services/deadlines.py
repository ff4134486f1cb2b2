"""Deadlines: rules, the holiday table, due dates per item and the dashboard (services layer).

Due dates are computed from the database (rules × anchors × the official calendar); nothing
stores them, so an anchor or rule change moves every dependent date at once. Items that are 办结 or
已退回 are never loaded for the dashboard, so its cost follows the open items, not the archive, and
the computed open deadlines, with the counts made from them, are kept by the service instance
until the database's write counter moves (``Database.change_token``). When the writes since then
each named the items they changed (an item saved or deleted), only those items' deadlines are
read and recounted: a save shows on the dashboard in milliseconds at 100,000 items.
The facts are read with plain SQL (``deadline_reads``). ``record_due_moves`` lets a save write to
history why a date moved.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.calendar import CalendarDay, DayKind, WorkCalendar, format_day, package_calendar
from desktop_app.domain.deadline_counts import OpenDeadlineCounts
from desktop_app.domain.deadlines import (
    WINDOW_KINDS,
    Anchor,
    Bucket,
    Deadline,
    DeadlineKind,
    Rule,
    RuleSet,
    bucket_label,
    bucket_of,
    next_year_missing,
)
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.services import rectification  # 整改清单 rows with a date deadline
from desktop_app.services.context import ServiceContext
from desktop_app.services.deadline_reads import (
    OPEN_ITEMS,
    THRESHOLDS_KEY,
    DeadlineRow,
    Loaded,
    all_deadlines,
    deadline_rows,
    load_facts,
    load_facts_as_of,
    open_deadlines,
    read_calendar,
    read_rules,
    read_thresholds,
    rectification_deadlines,
    rule_of,
)
from desktop_app.services.dto import Changes
from desktop_app.services.fields import member_or_none
from desktop_app.services.lookup import get_or_raise, our_unit_id, put_setting, setting_value
from desktop_app.services.rectification_dto import RectificationDue
from desktop_app.storage.database import ChangeToken
from desktop_app.storage.tables import CalendarEntry, CalendarYear, DeadlineRule, History, Unit
from desktop_app.storage.server import driver_connection

__all__ = ["THRESHOLDS_KEY", "Dashboard", "DeadlineRow", "DeadlineService", "NextDeadline"]

#: 责任单位 text naming every handling unit: such a row is also our unit's.
COLLECTIVE_UNITS = "各承办单位"
NOTICE_KEY = "deadline_startup_notice"
#: ``calendar_year.source`` of the years taken from the chinesecalendar package.
PACKAGE_SOURCE = "chinese-calendar"


@dataclass(frozen=True)
class NextDeadline:
    """The earliest open deadline of an item, for the case list's 下一期限 column."""

    due_on: date
    kind: DeadlineKind
    bucket: Bucket
    days_left: int
    covered: bool
    deadline: Deadline = field(repr=False, compare=False)

    @property
    def explanation(self) -> str:
        return self.deadline.explanation()


@dataclass(frozen=True)
class Dashboard:
    """Open deadlines as of a day. Every count is the set of item ids behind it."""

    as_of: date
    thresholds: tuple[int, int, int]
    only_our_unit: bool
    our_unit_name: str
    by_bucket: dict[Bucket, frozenset[int]]
    by_kind: dict[tuple[DeadlineKind, Bucket], frozenset[int]]
    by_unit: dict[tuple[str, Bucket], frozenset[int]]
    weeks: list[tuple[date, int]]  # Monday, open deadlines due that week
    uncovered: int = 0  # open deadlines computed without the holiday table
    missing_next_year: bool = False
    units: tuple[str, ...] = field(default=())
    unit_weeks: dict[str, list[int]] = field(default_factory=dict)  # per unit, aligned with ``weeks``
    # The urgent deadlines (up to the second threshold) and what their rows are built from.
    urgent: tuple[Deadline, ...] = field(default=(), repr=False, compare=False)
    loaded: object = field(default=None, repr=False, compare=False)
    # 整改清单 rows with a real date, linked to items or not (row ids, not item ids), in scope.
    rectification: dict[Bucket, frozenset[int]] = field(default_factory=dict)
    rectification_rows: tuple[RectificationDue, ...] = field(default=(), repr=False)

    def bucket_label(self, bucket: Bucket) -> str:
        return bucket_label(bucket, self.thresholds)

    @cached_property
    def rows(self) -> tuple[DeadlineRow, ...]:
        """The urgent deadlines as rows, soonest first; built on first use (the counts do not
        need them, and an archive may hold tens of thousands of overdue ones)."""
        return tuple(deadline_rows(self.loaded, self.as_of, self.thresholds, list(self.urgent)))


class RulesAndCalendar:
    """The deadline rules and the holiday table as last read, kept by a service instance until the
    database's change token moves (every save reads them; they change a few times a year)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._held: tuple[ChangeToken, tuple[RuleSet, WorkCalendar]] | None = None

    def get(self, s: OrmSession, db) -> tuple[RuleSet, WorkCalendar]:
        # Inside a write the token is the one before it: fine, no write that reads them changes them.
        token = db.change_token()
        with self._lock:
            held = self._held
            # Writes that only changed items (saves, deletes) leave the rules and holidays as they were.
            if held is not None and (held[0] == token or db.items_written_since(held[0]) is not None):
                self._held = (token, held[1])
                return held[1]
        found = (RuleSet(read_rules(_dbapi(s))), read_calendar(_dbapi(s)))
        with self._lock:
            self._held = (token, found)
        return found


class DeadlineService:
    """Holds the open deadlines and their counts between calls (one instance per open database;
    safe to call from several threads)."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self._lock = threading.RLock()
        self._open: _OpenState | None = None
        self._past: _OpenState | None = None  # a day before today, as it was (dashboard, due)
        self._setup = RulesAndCalendar()

    # ---- rules ----------------------------------------------------------------------------

    def rules(self) -> list[Rule]:
        with self.ctx.db.read() as s:
            return read_rules(_dbapi(s))

    def save_rule(self, rule: Rule) -> Changes:
        """Update a rule (by ``id``); the change and its reason go to history."""
        problems = rule.validate()
        if problems:
            raise ValidationError(problems)
        with self.ctx.db.write() as s:
            row = get_or_raise(s, DeadlineRule, rule.id, "该期限规则已不存在，请重新打开 设置 → 期限规则。")
            old = rule_of(row.id, row.kind, row.item_kind, row.anchor, row.length, row.unit, row.roll_forward,
                          row.note)
            row.anchor, row.length, row.unit = rule.anchor.value, rule.length, rule.unit.value
            row.roll_forward, row.note = rule.roll_forward, rule.note
            if old.describe() != rule.describe():
                s.add(History(
                    item_id=None, entity="deadline_rule", entity_id=row.id, field=old.label,
                    old_value=old.describe(), new_value=rule.describe(), changed_by=self.ctx.user_name(),
                    changed_at=self.ctx.now(), reason="期限规则修改，相关到期日随之重算",
                ))
        return Changes.of("setting", "deadline")

    def thresholds(self) -> tuple[int, int, int]:
        with self.ctx.db.read() as s:
            return read_thresholds(_dbapi(s))

    def set_thresholds(self, values: tuple[int, int, int]) -> Changes:
        a, b, c = values
        if not 0 <= a < b < c <= 365:
            raise ValidationError("提醒天数要从小到大填写，例如 3、7、14，且不超过 365 天。")
        with self.ctx.db.write() as s:
            put_setting(s, THRESHOLDS_KEY, f"{a},{b},{c}")
        return Changes.of("setting", "deadline")

    def startup_notice_enabled(self) -> bool:
        with self.ctx.db.read() as s:
            return setting_value(s, NOTICE_KEY, "1") != "0"

    def set_startup_notice(self, enabled: bool) -> Changes:
        with self.ctx.db.write() as s:
            put_setting(s, NOTICE_KEY, "1" if enabled else "0")
        return Changes.of("setting")

    # ---- holiday table ----------------------------------------------------------------------

    def calendar(self) -> WorkCalendar:
        with self.ctx.db.read() as s:
            return read_calendar(_dbapi(s))

    def calendar_days(self, year: int | None = None) -> list[CalendarDay]:
        with self.ctx.db.read() as s:
            query = select(CalendarEntry).order_by(CalendarEntry.day)
            if year is not None:
                query = query.where(CalendarEntry.day.between(date(year, 1, 1), date(year, 12, 31)))
            return [CalendarDay(r.day, member_or_none(DayKind, r.kind), r.name) for r in s.scalars(query)]

    def covered_years(self) -> dict[int, str]:
        """Covered year → where its holidays came from."""
        with self.ctx.db.read() as s:
            return dict(s.execute(select(CalendarYear.year, CalendarYear.source).order_by(CalendarYear.year)).all())

    def save_day(self, day: CalendarDay) -> Changes:
        """Add or change a holiday, local closure or make-up working day."""
        if day.kind is DayKind.MAKEUP and day.day.weekday() < 5:
            raise ValidationError(
                f"{format_day(day.day)} 是周一至周五，本来就是工作日，不必登记为调休上班日。"
            )
        with self.ctx.db.write() as s:
            row = s.get(CalendarEntry, day.day) or CalendarEntry(day=day.day)
            row.kind, row.name = day.kind.value, day.name.strip()
            s.add(row)
        return Changes.of("setting", "deadline")

    def delete_day(self, day: date) -> Changes:
        with self.ctx.db.write() as s:
            s.execute(delete(CalendarEntry).where(CalendarEntry.day == day))
        return Changes.of("setting", "deadline")

    def set_year_covered(self, year: int, covered: bool, source: str = "国务院办公厅通知") -> Changes:
        """Mark a year's holidays as completely entered (or not)."""
        if not 1990 <= year <= 2200:
            raise ValidationError(f"年份 {year} 不对，请填写四位年份（例如 2027）。")
        with self.ctx.db.write() as s:
            row = s.get(CalendarYear, year)
            if covered and row is None:
                s.add(CalendarYear(year=year, source=source))
            elif not covered and row is not None:
                s.delete(row)
        return Changes.of("setting", "deadline")

    def import_package_years(self) -> list[int]:
        """Add the years the installed chinese-calendar knows and the table does not; returns them."""
        _days, years = package_calendar()
        with self.ctx.db.write() as s:
            have = set(s.scalars(select(CalendarYear.year)))
            new = [y for y in years if y not in have]
            _add_package_years(s, new, have_days=True)
        return new

    def refresh_package_years(self) -> list[int]:
        """At start-up: add the years the installed chinese-calendar brings and the table lacks
        (a newer package ships with an app update); returns them.

        Cheap when there is nothing to do (every start): the package's years are compared with
        the table's year set, never day by day, and nothing is written. A year already in the
        table is never touched, whoever entered it, nor is a year whose days someone has begun
        entering by hand without marking it complete (the manual 导入 button fills those in)."""
        if self.ctx.db.read_only:
            return []
        _days, years = package_calendar()
        with self.ctx.db.read() as s:
            new = _years_to_add(s, years)
        if not new:
            return []
        with self.ctx.db.write() as s:
            new = _years_to_add(s, years)  # as in this transaction
            _add_package_years(s, new, have_days=False)
        return new

    # ---- due dates ----------------------------------------------------------------------------

    def item_deadlines(self, item_id: int, as_of: date | None = None) -> list[DeadlineRow]:
        """Every deadline of one item, met or open, each explained."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            setup = self._setup.get(s, self.ctx.db)
            if as_of < self.ctx.today():  # as it was that day
                loaded = load_facts_as_of(_dbapi(s), as_of, f"item.id = {int(item_id)}", *setup)
            else:
                loaded = load_deadline_facts(s, item_ids=[item_id], setup=setup)
            if not loaded.items:
                raise NotFoundError("该建议（提案）已被删除，请刷新列表。")
            return deadline_rows(loaded, as_of, read_thresholds(_dbapi(s)), all_deadlines(loaded), open_only=False)

    def open_deadlines(self, as_of: date | None = None, unit_id: int | None = None) -> list[DeadlineRow]:
        """Every open deadline (``unit_id``: only that unit's), soonest first."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s, self._lock:
            state = _open_state(self, s, as_of)
            rows = deadline_rows(state.loaded, as_of, read_thresholds(_dbapi(s)), state.deadlines)
        if unit_id is not None:
            rows = [r for r in rows if r.unit_id == unit_id]
        return rows

    def next_deadlines(self, as_of: date | None = None,
                       item_ids: frozenset[int] | None = None) -> dict[int, NextDeadline]:
        """Per item the earliest open deadline; our unit's own deadlines come first when it has any.
        ``item_ids``: only those items (after a save: the changed rows of the list)."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s, self._lock:
            return _next_deadlines(s, _open_state(self, s, as_of), as_of, item_ids)

    def dashboard(self, as_of: date | None = None, only_our_unit: bool = True) -> Dashboard:
        """Counts of the open deadlines as of ``as_of``. ``rows`` holds only the urgent ones (up
        to the second threshold, 7 天内): the notice and the 催办清单 need them, the counts not.

        A refresh with nothing written since costs a change-token query: the counts are kept
        per day, thresholds and scope beside the open deadlines they were made from."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s, self._lock:
            return self._dashboard(s, as_of, only_our_unit)

    def _dashboard(self, s: OrmSession, as_of: date, only_our_unit: bool) -> Dashboard:
        our = our_unit_id(s)
        our_row = s.get(Unit, our) if our is not None else None
        if our_row is None:  # not set, or the unit was deleted since
            our = None
        our_name = our_row.name if our_row is not None else ""
        thresholds = read_thresholds(_dbapi(s))
        state = _open_state(self, s, as_of)
        mine = only_our_unit and our is not None
        # Read each time: tens of rows, and their texts change without moving a date.
        rectification_rows = _rectification_due(s, state.loaded, as_of, our if mine else None)
        key = (as_of, thresholds, our if mine else None, our_name)
        board = state.boards.get(key)
        if board is None:
            scope = our if mine else None
            counter = state.counters.get(scope)
            if counter is None:
                wanted = state.deadlines if scope is None else [d for d in state.deadlines if d.unit_id == scope]
                counter = state.counters[scope] = OpenDeadlineCounts(wanted)
            counts = counter.count(as_of, thresholds)
            board = Dashboard(
                as_of, thresholds, mine, our_name, counts.by_bucket, counts.by_kind, counts.by_unit,
                counts.weeks, counts.uncovered, next_year_missing(as_of, state.loaded.calendar), counts.units,
                counts.unit_weeks, counts.urgent, state.loaded,
            )
            state.boards[key] = board
        by_bucket: dict[Bucket, set[int]] = defaultdict(set)
        for row in rectification_rows:
            by_bucket[bucket_of(row.days_left, thresholds)].add(row.row_id)
        return replace(board, rectification={b: frozenset(ids) for b, ids in by_bucket.items()},
                       rectification_rows=tuple(rectification_rows))

    def reminder_rows(self, as_of: date | None = None, only_our_unit: bool = True,
                      item_ids: frozenset[int] | None = None) -> list[DeadlineRow]:
        """催办 candidates: open deadlines overdue or due within the second threshold (7 days),
        overdue first; ``item_ids`` limits them to items the user picked."""
        board = self.dashboard(as_of, only_our_unit)
        wanted = (Bucket.OVERDUE, Bucket.SOON, Bucket.WEEK)
        rows = [r for r in board.rows if r.bucket in wanted and (item_ids is None or r.item_id in item_ids)]
        return sorted(rows, key=lambda r: (r.days_left, r.session_name, r.number))

    def startup_notice(self, as_of: date | None = None) -> list[DeadlineRow]:
        """What is overdue or due within the first threshold (3 days), for our unit when set;
        empty when the notice is switched off."""
        if not self.startup_notice_enabled():
            return []
        board = self.dashboard(as_of, only_our_unit=True)
        return [r for r in board.rows if r.bucket in (Bucket.OVERDUE, Bucket.SOON)]


def _rectification_due(s: OrmSession, loaded: Loaded, as_of: date, unit_id: int | None) -> list[RectificationDue]:
    """整改清单 rows with a real date not yet done (``unit_id``: those it is responsible for, by name
    or as one of 各承办单位), with the due date the 整改期限 rule gives."""
    rule = loaded.rules.get(DeadlineKind.RECTIFICATION)
    out = []
    for list_id, title, row_id, aspect, measures, units_text, deadline_on, unit_ids in rectification.open_rows(s):
        if unit_id is not None and unit_id not in unit_ids and COLLECTIVE_UNITS not in units_text:
            continue
        due = loaded.calendar.due(deadline_on, rule.length, rule.unit, anchor_label=Anchor.RECTIFICATION.label,
                                  roll_forward=rule.roll_forward).due
        out.append(RectificationDue(list_id, title, row_id, aspect, measures, units_text, due, (due - as_of).days))
    out.sort(key=lambda r: (r.due_on, r.list_id))
    return out


def _next_deadlines(s: OrmSession, state: _OpenState, as_of: date,
                    item_ids: frozenset[int] | None) -> dict[int, NextDeadline]:
    our = our_unit_id(s)
    thresholds = read_thresholds(_dbapi(s))
    best: dict[int, Deadline] = {}
    if item_ids is None:
        deadlines = state.deadlines
    else:
        deadlines = state.of_items(item_ids)
    for d in deadlines:
        # Checklist steps have the 进度 column; 下一期限 stays the statutory dates.
        if (d.due.due < as_of and d.kind in WINDOW_KINDS) or d.kind is DeadlineKind.CHECKLIST:
            continue
        held = best.get(d.item_id)
        if held is None:
            best[d.item_id] = d
            continue
        # Our unit's own deadlines first, then the soonest.
        held_ours, ours = held.unit_id == our, d.unit_id == our
        if (ours and not held_ours) or (ours == held_ours and d.due.due < held.due.due):
            best[d.item_id] = d
    out = {}
    for item_id, d in best.items():
        left = (d.due.due - as_of).days
        out[item_id] = NextDeadline(d.due.due, d.kind, bucket_of(left, thresholds), left, d.due.covered, d)
    return out


def due_snapshot(s: OrmSession, item_id: int | None,
                 setup: tuple[RuleSet, WorkCalendar] | None = None) -> dict[tuple, date]:
    """Inside a save: the item's due dates keyed by (kind, unit), to compare after the write
    (``setup``: the rules and holiday table, when the caller keeps them)."""
    if item_id is None:
        return {}
    loaded = load_deadline_facts(s, item_ids=[item_id], setup=setup)
    return {(d.kind, d.unit_id, i): d.due_on for i, d in enumerate(all_deadlines(loaded))
            if d.kind is not DeadlineKind.COMMITMENT}


def record_due_moves(s: OrmSession, item_id: int, before: dict[tuple, date], user: str, now,
                     setup: tuple[RuleSet, WorkCalendar] | None = None) -> None:
    """Write to history each due date a save moved, saying which date it depends on."""
    if not before:
        return
    loaded = load_deadline_facts(s, item_ids=[item_id], setup=setup)
    after = {(d.kind, d.unit_id, i): d for i, d in enumerate(all_deadlines(loaded))
             if d.kind is not DeadlineKind.COMMITMENT}
    for key, old in before.items():
        d = after.get(key)
        if d is None or d.due_on == old:
            continue
        who = f"（{d.unit_name}）" if d.unit_name else ""
        s.add(History(
            item_id=item_id, entity="deadline", entity_id=None, field=f"{d.rule.label}{who}",
            old_value=old.isoformat(), new_value=d.due_on.isoformat(), changed_by=user, changed_at=now,
            reason=f"{d.due.anchor_label}或延期变更，到期日重算：{d.explanation()}",
        ))


# ---- loading ------------------------------------------------------------------------------


@dataclass
class _OpenState:
    """The open deadlines as of ``windows_from`` or later, read at ``token``. The dashboard, the
    case list's 下一期限 and the notice all read them."""

    token: ChangeToken
    windows_from: date  # windows that closed before this day are left out
    loaded: Loaded
    our: int | None
    by_item: dict[int, list[Deadline]]  # the items' own deadlines
    rectification: list[Deadline]  # 整改期限 of rows linked to the items (tens; read whole each time)
    counters: dict = field(default_factory=dict)  # scope (None: all units, else a unit id) → counts
    boards: dict = field(default_factory=dict)  # (day, thresholds, scope, our name) → Dashboard

    @cached_property
    def deadlines(self) -> list[Deadline]:
        return [d for held in self.by_item.values() for d in held] + self.rectification

    def of_items(self, item_ids) -> list[Deadline]:
        wanted = set(item_ids)
        return [d for i in wanted for d in self.by_item.get(i, ())] + [
            d for d in self.rectification if d.item_id in wanted]


def _by_item(deadlines: list[Deadline]) -> dict[int, list[Deadline]]:
    out: dict[int, list[Deadline]] = {}
    for d in deadlines:
        held = out.get(d.item_id)
        if held is None:
            out[d.item_id] = [d]
        else:
            held.append(d)
    return out


def _open_state(service: DeadlineService, s: OrmSession, as_of: date) -> _OpenState:
    """The open items' facts and their not yet met deadlines as of ``as_of`` or later, kept while
    the database's change token holds; after writes that each named their items (a save, a
    delete), only those items are read again. Called under the service's lock."""
    token = service.ctx.db.change_token()  # before reading: a write meanwhile makes the next call look again
    if as_of < service.ctx.today():
        return _past_state(service, s, as_of, token)
    held = service._open
    if held is not None and held.windows_from > as_of:
        held = None
    if held is not None and held.token == token:
        return held
    our = our_unit_id(s)
    touched = service.ctx.db.items_written_since(held.token) if held is not None and held.our == our else None
    if touched is not None:
        state = _patched(s, held, touched, token)
    else:
        loaded = load_deadline_facts(s, setup=service._setup.get(s, service.ctx.db))
        state = _OpenState(token, as_of, loaded, our, _by_item(open_deadlines(loaded, windows_from=as_of)),
                           rectification_deadlines(_dbapi(s), loaded, our))
    service._open = state
    return state


def _past_state(service: DeadlineService, s: OrmSession, as_of: date, token: ChangeToken) -> _OpenState:
    """The deadlines open at the end of a past day, events dated later ignored (also items 办结
    or 已退回 since). Kept beside today's state, for that day, until the next write."""
    held = service._past
    if held is not None and held.token == token and held.windows_from == as_of:
        return held
    rules, calendar = service._setup.get(s, service.ctx.db)
    loaded = load_facts_as_of(_dbapi(s), as_of, rules=rules, calendar=calendar)
    our = our_unit_id(s)
    state = _OpenState(token, as_of, loaded, our, _by_item(open_deadlines(loaded, windows_from=as_of)),
                       rectification_deadlines(_dbapi(s), loaded, our))
    service._past = state
    return state


def _patched(s: OrmSession, held: _OpenState, touched: frozenset[int], token: ChangeToken) -> _OpenState:
    """``held`` with the deadlines of the ``touched`` items read again (those no longer open
    dropped) and the 整改期限 read again, its counts moved by those deadlines alone."""
    loaded, by_item = held.loaded, held.by_item
    removed, added = list(held.rectification), []
    if touched:
        ids = ",".join(str(int(i)) for i in sorted(touched))
        fresh = load_facts(_dbapi(s), f"({OPEN_ITEMS}) AND item.id IN ({ids})", loaded.rules, loaded.calendar,
                           few=True)
        items = {i: v for i, v in loaded.items.items() if i not in touched}
        items.update(fresh.items)
        facts = [f for f in loaded.facts if f.id not in touched] + fresh.facts
        loaded = Loaded(items, facts, loaded.rules, loaded.calendar)
        by_item = dict(by_item)
        removed += [d for i in touched for d in by_item.pop(i, ())]
        own = _by_item(open_deadlines(fresh, windows_from=held.windows_from))
        by_item.update(own)
        added += [d for held_ in own.values() for d in held_]
    rect = rectification_deadlines(_dbapi(s), loaded, held.our)
    added += rect
    for scope, counter in held.counters.items():
        def mine(deadlines, scope=scope):
            return deadlines if scope is None else [d for d in deadlines if d.unit_id == scope]
        counter.replace(mine(removed), mine(added))
    return _OpenState(token, held.windows_from, loaded, held.our, by_item, rect, held.counters)


def load_deadline_facts(s: OrmSession, item_ids: list[int] | None = None,
          setup: tuple[RuleSet, WorkCalendar] | None = None) -> Loaded:
    """The facts of the open items (or of ``item_ids``, whatever their state), read on the
    session's own connection (inside a save, after its changes are flushed); ``setup`` the rules
    and holiday table when already at hand."""
    s.flush()
    rules, cal = setup if setup is not None else (None, None)
    return load_facts(_dbapi(s), rules=rules, calendar=cal, few=item_ids is not None, item_ids=item_ids)


def _dbapi(s: OrmSession):
    """The session's DBAPI connection, in the session's transaction."""
    return driver_connection(s)


def _years_to_add(s: OrmSession, package_years) -> list[int]:
    """The package's years neither in the table nor begun by hand."""
    missing = set(package_years) - set(s.scalars(select(CalendarYear.year)))
    if not missing:
        return []
    started = {d.year for d in s.scalars(select(CalendarEntry.day).where(
        CalendarEntry.day.between(date(min(missing), 1, 1), date(max(missing), 12, 31))))}
    return sorted(missing - started)


def _add_package_years(s: OrmSession, years: list[int], *, have_days: bool) -> None:
    """Write the package's days of ``years`` and mark them covered. ``have_days``: the table may
    already hold days of those years (entered by hand); they are kept as they are."""
    wanted = set(years)
    days, _years = package_calendar()
    for d in days:
        if d.day.year in wanted and not (have_days and s.get(CalendarEntry, d.day) is not None):
            s.add(CalendarEntry(day=d.day, kind=d.kind.value, name=d.name))
    for y in years:
        s.add(CalendarYear(year=y, source=PACKAGE_SOURCE))
