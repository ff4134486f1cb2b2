"""Deadlines: rules, the holiday table, due dates per item and the dashboard (services layer).

Due dates are computed from the database (rules × anchors × the official calendar); nothing
stores them, so an anchor or rule change moves every dependent date at once. Items that are 办结 or
已退回 are never loaded for the dashboard, so its cost follows the open items, not the archive, and
the computed open deadlines are kept in memory until a cheap change token (history, new rows,
rules, holiday table) says they may be stale. ``record_due_moves`` lets a save write to history
why a date moved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from sqlalchemy import String, delete, func, select, type_coerce
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.calendar import CalendarDay, DayKind, LengthUnit, WorkCalendar, format_day, package_calendar
from desktop_app.domain.deadlines import (
    DEFAULT_THRESHOLDS,
    FINISHED_STATUSES,
    WINDOW_KINDS,
    Anchor,
    AssignmentFacts,
    Bucket,
    CommitmentFacts,
    Deadline,
    DeadlineKind,
    ItemFacts,
    ReplyFacts,
    Rule,
    RuleSet,
    StepFacts,
    bucket_label,
    bucket_of,
    item_deadlines,
    next_year_missing,
    week_starts,
)
from desktop_app.domain.enums import (
    CommitmentStatus,
    Disclosure,
    ItemKind,
    ItemStatus,
    Rating,
    ReturnOutcome,
    UnitRole,
)
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.services import rectification  # 整改期限 of rows linked to open items
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes
from desktop_app.services.lookup import our_unit_id
from desktop_app.storage.tables import (
    Assignment,
    CalendarEntry,
    CalendarYear,
    Commitment,
    DeadlineRule,
    Feedback,
    History,
    Item,
    ItemChecklistEntry,
    Reply,
    Session,
    Setting,
    Unit,
)

THRESHOLDS_KEY = "deadline_thresholds"
NOTICE_KEY = "deadline_startup_notice"
# Listed rather than "NOT IN (finished)" so that SQLite reads the open items through ix_item_status.
_UNFINISHED = tuple(s.value for s in ItemStatus if s not in FINISHED_STATUSES)


@dataclass(frozen=True)
class DeadlineRow:
    """One deadline with what the lists and the ``due`` command show about its item."""

    item_id: int
    kind: DeadlineKind
    item_kind: ItemKind
    session_name: str
    number: str
    title: str
    unit_id: int | None
    unit_name: str
    due_on: date
    days_left: int
    bucket: Bucket
    covered: bool
    deadline: Deadline = field(repr=False, compare=False)
    is_open: bool = True
    done_on: date | None = None

    @property
    def explanation(self) -> str:
        """Built when asked (a tooltip): most rows are never explained."""
        return self.deadline.explanation()


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

    def bucket_label(self, bucket: Bucket) -> str:
        return bucket_label(bucket, self.thresholds)

    @cached_property
    def rows(self) -> tuple[DeadlineRow, ...]:
        """The urgent deadlines as rows, soonest first; built on first use (the counts do not
        need them, and an archive may hold tens of thousands of overdue ones)."""
        return tuple(_rows(self.loaded, self.as_of, self.thresholds, deadlines=list(self.urgent)))


class DeadlineService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # ---- rules ----------------------------------------------------------------------------

    def rules(self) -> list[Rule]:
        with self.ctx.db.read() as s:
            return _rules(s)

    def save_rule(self, rule: Rule) -> Changes:
        """Update a rule (by ``id``); the change and its reason go to history."""
        problems = rule.validate()
        if problems:
            raise ValidationError(problems)
        with self.ctx.db.write() as s:
            row = s.get(DeadlineRule, rule.id)
            if row is None:
                raise NotFoundError("该期限规则已不存在，请重新打开 设置 → 期限规则。")
            old = _rule(row)
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
            return _thresholds(s)

    def set_thresholds(self, values: tuple[int, int, int]) -> Changes:
        a, b, c = values
        if not 0 <= a < b < c <= 365:
            raise ValidationError("提醒天数要从小到大填写，例如 3、7、14，且不超过 365 天。")
        with self.ctx.db.write() as s:
            _put(s, THRESHOLDS_KEY, f"{a},{b},{c}")
        return Changes.of("setting", "deadline")

    def startup_notice_enabled(self) -> bool:
        with self.ctx.db.read() as s:
            row = s.get(Setting, NOTICE_KEY)
            return row is None or row.value != "0"

    def set_startup_notice(self, enabled: bool) -> Changes:
        with self.ctx.db.write() as s:
            _put(s, NOTICE_KEY, "1" if enabled else "0")
        return Changes.of("setting")

    # ---- holiday table ----------------------------------------------------------------------

    def calendar(self) -> WorkCalendar:
        with self.ctx.db.read() as s:
            return _calendar(s)

    def calendar_days(self, year: int | None = None) -> list[CalendarDay]:
        with self.ctx.db.read() as s:
            query = select(CalendarEntry).order_by(CalendarEntry.day)
            if year is not None:
                query = query.where(CalendarEntry.day.between(date(year, 1, 1), date(year, 12, 31)))
            return [CalendarDay(r.day, _member(DayKind, r.kind), r.name) for r in s.scalars(query)]

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
        days, years = package_calendar()
        with self.ctx.db.write() as s:
            have = set(s.scalars(select(CalendarYear.year)))
            new = [y for y in years if y not in have]
            for d in days:
                if d.day.year in new and s.get(CalendarEntry, d.day) is None:
                    s.add(CalendarEntry(day=d.day, kind=d.kind.value, name=d.name))
            for y in new:
                s.add(CalendarYear(year=y, source="chinese-calendar"))
        return new

    # ---- due dates ----------------------------------------------------------------------------

    def item_deadlines(self, item_id: int, as_of: date | None = None) -> list[DeadlineRow]:
        """Every deadline of one item, met or open, each explained."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            loaded = _load(s, item_ids=[item_id])
            if not loaded.items:
                raise NotFoundError("该建议（提案）已被删除，请刷新列表。")
            return _rows(loaded, as_of, _thresholds(s), open_only=False)

    def open_deadlines(self, as_of: date | None = None, unit_id: int | None = None) -> list[DeadlineRow]:
        """Every open deadline (``unit_id``: only that unit's), soonest first."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            loaded, deadlines = _open_state(s)
            rows = _rows(loaded, as_of, _thresholds(s), deadlines=deadlines)
        if unit_id is not None:
            rows = [r for r in rows if r.unit_id == unit_id]
        return rows

    def next_deadlines(self, as_of: date | None = None) -> dict[int, NextDeadline]:
        """Per item the earliest open deadline; our unit's own deadlines come first when it has any."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            return _next_deadlines(s, as_of)

    def dashboard(self, as_of: date | None = None, only_our_unit: bool = True) -> Dashboard:
        """Counts of the open deadlines as of ``as_of``. ``rows`` holds only the urgent ones (up
        to the second threshold, 7 天内): the notice and the 催办清单 need them, the counts not."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            our = our_unit_id(s)
            our_row = s.get(Unit, our) if our is not None else None
            thresholds = _thresholds(s)
            loaded, deadlines = _open_state(s)
        mine = only_our_unit and our_row is not None
        by_bucket: dict[Bucket, set[int]] = defaultdict(set)
        by_kind: dict[tuple[DeadlineKind, Bucket], set[int]] = defaultdict(set)
        by_unit: dict[tuple[str, Bucket], set[int]] = defaultdict(set)
        mondays = week_starts(as_of)
        weeks = [0] * len(mondays)
        urgent: list[Deadline] = []
        unit_weeks: dict[str, list[int]] = {}
        uncovered = 0
        first_monday, soon, week_limit = mondays[0], thresholds[0], thresholds[1]
        for d in deadlines:
            if mine and d.unit_id != our:
                continue
            due = d.due.due
            left = (due - as_of).days
            if left < 0 and d.kind in WINDOW_KINDS:
                continue  # a window that passed is closed, not overdue
            bucket = bucket_of(left, thresholds)
            item_id = d.item_id
            by_bucket[bucket].add(item_id)
            by_kind[(d.kind, bucket)].add(item_id)
            unit_name = d.unit_name or "（未定单位）"
            by_unit[(unit_name, bucket)].add(item_id)
            week = (due - first_monday).days // 7
            if 0 <= week < len(weeks):
                weeks[week] += 1
                per_unit = unit_weeks.get(unit_name)
                if per_unit is None:
                    per_unit = unit_weeks[unit_name] = [0] * len(weeks)
                per_unit[week] += 1
            if not d.due.covered:
                uncovered += 1
            if left <= week_limit:
                urgent.append(d)
        units = sorted({u for u, _b in by_unit}, key=lambda u: -sum(len(by_unit.get((u, b), ())) for b in Bucket))
        return Dashboard(
            as_of, thresholds, mine, our_row.name if mine else (our_row.name if our_row else ""),
            {b: frozenset(v) for b, v in by_bucket.items()},
            {k: frozenset(v) for k, v in by_kind.items()},
            {k: frozenset(v) for k, v in by_unit.items()},
            list(zip(mondays, weeks)), uncovered, next_year_missing(as_of, loaded.calendar), tuple(units),
            unit_weeks, tuple(urgent), loaded,
        )

    def reminder_rows(self, as_of: date | None = None, only_our_unit: bool = True,
                      item_ids: frozenset[int] | None = None) -> list[DeadlineRow]:
        """催办 candidates: open deadlines overdue or due within the second threshold (7 days),
        overdue first; ``item_ids`` limits them to items the user picked."""
        board = self.dashboard(as_of, only_our_unit)
        wanted = (Bucket.OVERDUE, Bucket.SOON, Bucket.WEEK)
        rows = [r for r in board.rows if r.bucket in wanted and (item_ids is None or r.item_id in item_ids)]
        return sorted(rows, key=lambda r: (r.days_left, r.session_name, r.number))

    def export_reminder_list(self, path, as_of: date | None = None, only_our_unit: bool = True,
                             item_ids: frozenset[int] | None = None) -> int:
        """Write the 催办清单 Excel sheet; returns how many deadlines it lists."""
        from desktop_app.exchange.reminder_list import write_reminder_list

        as_of = as_of or self.ctx.today()
        rows = self.reminder_rows(as_of, only_our_unit, item_ids)
        if not rows:
            raise ValidationError("没有已超期或 7 天内到期的期限，无需生成催办清单。")
        write_reminder_list(path, rows, as_of)
        return len(rows)

    def startup_notice(self, as_of: date | None = None) -> list[DeadlineRow]:
        """What is overdue or due within the first threshold (3 days), for our unit when set;
        empty when the notice is switched off."""
        if not self.startup_notice_enabled():
            return []
        board = self.dashboard(as_of, only_our_unit=True)
        return [r for r in board.rows if r.bucket in (Bucket.OVERDUE, Bucket.SOON)]


def _next_deadlines(s: OrmSession, as_of: date) -> dict[int, NextDeadline]:
    our = our_unit_id(s)
    thresholds = _thresholds(s)
    _loaded, deadlines = _open_state(s)
    best: dict[int, Deadline] = {}
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


def due_snapshot(s: OrmSession, item_id: int | None) -> dict[tuple, date]:
    """Inside a save: the item's due dates keyed by (kind, unit), to compare after the write."""
    if item_id is None:
        return {}
    loaded = _load(s, item_ids=[item_id])
    return {(d.kind, d.unit_id, i): d.due_on for i, d in enumerate(_deadlines(loaded))
            if d.kind is not DeadlineKind.COMMITMENT}


def record_due_moves(s: OrmSession, item_id: int, before: dict[tuple, date], user: str, now) -> None:
    """Write to history each due date a save moved, saying which date it depends on."""
    if not before:
        return
    loaded = _load(s, item_ids=[item_id])
    after = {(d.kind, d.unit_id, i): d for i, d in enumerate(_deadlines(loaded))
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

#: database URL → (change token, (loaded facts, their open deadlines)). The dashboard, the case
#: list's 下一期限 and the notice all read the open deadlines; they are recomputed only when the
#: token says something they depend on changed.
_OPEN_CACHE: dict[str, tuple[tuple, tuple]] = {}
_TOKEN_SQL = (
    "SELECT (SELECT max(id) FROM history), (SELECT max(id) FROM item), (SELECT count(*) FROM item),"
    " (SELECT max(id) FROM assignment), (SELECT max(id) FROM reply), (SELECT max(id) FROM feedback),"
    " (SELECT max(id) FROM commitment), (SELECT max(id) FROM checklist_tick),"
    " (SELECT max(id) FROM item_checklist_entry), (SELECT count(*) FROM calendar_day),"
    " (SELECT total(julianday(day) * (length(kind) + length(name) + 1)) FROM calendar_day),"
    " (SELECT group_concat(year) FROM calendar_year),"
    " (SELECT group_concat(kind || item_kind || anchor || length || unit || roll_forward, ';') FROM deadline_rule)"
)


def _open_state(s: OrmSession) -> tuple["_Loaded", list[Deadline]]:
    """The open items' facts and their not yet met deadlines, from the cache when still current.

    Every write that can move a date leaves a trace the token sees: item saves write history,
    child rows get new ids, rules and the holiday table are read whole."""
    conn = s.connection()
    token = tuple(conn.exec_driver_sql(_TOKEN_SQL).one()) + rectification.change_token(conn)
    key = str(conn.engine.url)
    held = _OPEN_CACHE.get(key)
    if held is not None and held[0] == token:
        return held[1]
    loaded = _load(s)
    state = (loaded, _deadlines(loaded, include_done=False)
             + rectification.open_deadlines(s, loaded.items, loaded.rules, loaded.calendar, our_unit_id(s)))
    _OPEN_CACHE[key] = (token, state)
    return state


@dataclass
class _Loaded:
    items: dict[int, tuple]  # id → (kind, status, assigned_on, session_name, number, title)
    facts: list[ItemFacts]
    rules: RuleSet
    calendar: WorkCalendar


def _load(s: OrmSession, item_ids: list[int] | None = None) -> _Loaded:
    """The facts of the open items (or of ``item_ids``, whatever their state) in five queries.

    Rows come straight from the driver with dates as text, parsed once per distinct day: the
    open items of a 100,000-item archive are tens of thousands of rows (see case_list)."""
    if item_ids is None:
        wanted = Item.status.in_(_UNFINISHED)
    else:
        wanted = Item.id.in_([int(i) for i in item_ids])
    scope = select(Item.id).where(wanted)
    days: dict = {None: None}

    def day(text):
        found = days.get(text, days)
        if found is days:
            found = days[text] = date.fromisoformat(text)
        return found

    def text(column):
        return type_coerce(column, String)

    conn = s.connection()
    if item_ids is None:
        def fetch(statement):
            return _raw_rows(conn, statement)
    else:
        # One item (a save, the editor): SQLAlchemy's cached compiled statements are quicker.
        def fetch(statement):
            return s.execute(statement).all()
    items = {
        i: (kind, status, day(assigned), session_name, number, title)
        for i, kind, status, assigned, session_name, number, title in fetch(
            select(Item.id, Item.kind, Item.status, text(Item.assigned_on), Session.name, Item.number, Item.title)
            .join(Session, Session.id == Item.session_id).where(wanted))
    }
    roles, outcomes = _CODES_OF(UnitRole), _CODES_OF(ReturnOutcome)
    assignments: dict[int, list[AssignmentFacts]] = defaultdict(list)
    unit_names = dict(s.execute(select(Unit.id, Unit.name)).all())
    positions: dict[int, int] = {}
    # No ORDER BY: SQLite would sort every open item's rows; each item's few are sorted below.
    for (item_id, aid, unit_id, position, role, signed, sent, received, return_asked, outcome,
         months, approved) in fetch(
        select(Assignment.item_id, Assignment.id, Assignment.unit_id, Assignment.position, Assignment.role,
               text(Assignment.signed_on), text(Assignment.opinion_sent_on), text(Assignment.opinion_received_on),
               text(Assignment.return_requested_on), Assignment.return_outcome, Assignment.extension_months,
               text(Assignment.extension_approved_on))
        .where(Assignment.item_id.in_(scope))
    ):
        positions[aid] = position or 0
        assignments[item_id].append(AssignmentFacts(
            aid, unit_id, unit_names.get(unit_id, ""), roles.get(role, UnitRole.LEAD), day(signed),
            day(sent or received), day(return_asked), outcomes.get(outcome), months, day(approved),
        ))
    for held in assignments.values():
        if len(held) > 1:
            held.sort(key=lambda a: (positions[a.id], a.id))
    replies: dict[int, list[ReplyFacts]] = defaultdict(list)
    for item_id, round_, replied_on, unit_id, disclosure in fetch(
        select(Reply.item_id, Reply.round, text(Reply.replied_on), Reply.unit_id, Reply.disclosure)
        .where(Reply.replied_on.is_not(None), Reply.item_id.in_(scope))
    ):
        replies[item_id].append(ReplyFacts(round_, day(replied_on), unit_id, disclosure == Disclosure.PUBLIC.value))
    dissatisfied = {
        item_id: day(first) for item_id, first in fetch(
            select(Feedback.item_id, text(func.min(Feedback.received_on)))
            .where(Feedback.outcome == Rating.DISSATISFIED.value, Feedback.received_on.is_not(None),
                   Feedback.item_id.in_(scope))
            .group_by(Feedback.item_id))
    }
    commitments: dict[int, list[CommitmentFacts]] = defaultdict(list)
    for cid, item_id, due_on, unit_id, status, closed_on in fetch(
        select(Commitment.id, Commitment.item_id, text(Commitment.due_on), Commitment.unit_id,
               Commitment.status, text(Commitment.closed_on))
        .where(Commitment.due_on.is_not(None), Commitment.item_id.in_(scope))
    ):
        # 结转下年 is still tracked (issue 8): only 已落实 ends a commitment's deadline.
        done = day(closed_on or due_on) if status == CommitmentStatus.DONE.value else None
        commitments[item_id].append(CommitmentFacts(cid, day(due_on), unit_id, done))
    steps = _checklist_steps(s, fetch, text, day, scope)
    kinds, statuses = _CODES_OF(ItemKind), _CODES_OF(ItemStatus)
    facts = [
        ItemFacts(
            i, kinds.get(kind, ItemKind.SUGGESTION), statuses.get(status, ItemStatus.HANDLING),
            assigned_on, tuple(assignments.get(i, ())), tuple(replies.get(i, ())), dissatisfied.get(i),
            tuple(commitments.get(i, ())), tuple(steps.get(i, ())),
        )
        for i, (kind, status, assigned_on, *_rest) in items.items()
    ]
    rules, cal = _rules_and_calendar(s)
    return _Loaded(items, facts, rules, cal)


def _checklist_steps(s: OrmSession, fetch, text, day, scope) -> dict[int, list[StepFacts]]:
    """Steps of the items' 办理清单 that have a due offset (they are our unit's steps)."""
    our = our_unit_id(s)
    steps: dict[int, list[StepFacts]] = defaultdict(list)
    e = ItemChecklistEntry
    for item_id, entry_id, name, length, unit, anchor, done_at in fetch(
        select(e.item_id, e.id, e.name, e.due_length, e.due_unit, e.due_anchor, text(e.done_at))
        .where(e.due_length.is_not(None), e.item_id.in_(scope))
    ):
        steps[item_id].append(StepFacts(
            entry_id, name, _member(Anchor, anchor) or Anchor.ASSIGNED, length,
            _member(LengthUnit, unit) or LengthUnit.DAYS, day(done_at[:10]) if done_at else None, our,
        ))
    return steps


def _deadlines(loaded: _Loaded, include_done: bool = True) -> list[Deadline]:
    out: list[Deadline] = []
    rules, cal = loaded.rules, loaded.calendar
    for facts in loaded.facts:
        out.extend(item_deadlines(facts, rules, cal, include_done=include_done))
    return out


def _rows(loaded: _Loaded, as_of: date, thresholds, open_only: bool = True,
          deadlines: list[Deadline] | None = None) -> list[DeadlineRow]:
    rows = []
    if deadlines is None:
        deadlines = _deadlines(loaded, include_done=not open_only)
    kinds, items = _CODES_OF(ItemKind), loaded.items
    for d in deadlines:
        is_open = d.is_open(as_of)
        if open_only and not is_open:
            continue
        kind, _status, _assigned, session_name, number, title = items[d.item_id]
        left = (d.due.due - as_of).days
        rows.append(DeadlineRow(
            d.item_id, d.kind, kinds.get(kind, ItemKind.SUGGESTION), session_name, number, title,
            d.unit_id, d.unit_name, d.due.due, left, bucket_of(left, thresholds), d.due.covered,
            d, is_open, d.done_on,
        ))
    rows.sort(key=lambda r: (r.due_on, r.item_id, r.kind))
    return rows


def _rule(row: DeadlineRule) -> Rule:
    return Rule(
        _member(DeadlineKind, row.kind), _member(Anchor, row.anchor), row.length, _member(LengthUnit, row.unit),
        bool(row.roll_forward), _member(ItemKind, row.item_kind) if row.item_kind else None, row.note, row.id,
    )


def _rules(s: OrmSession) -> list[Rule]:
    return [_rule(r) for r in s.scalars(select(DeadlineRule).order_by(DeadlineRule.id))
            if _member(DeadlineKind, r.kind) is not None]


_SETUP_CACHE: dict[str, tuple[tuple, tuple[RuleSet, WorkCalendar]]] = {}
_SETUP_TOKEN_SQL = _TOKEN_SQL[_TOKEN_SQL.index("(SELECT count(*) FROM calendar_day)"):]


def _rules_and_calendar(s: OrmSession) -> tuple[RuleSet, WorkCalendar]:
    """The rules and the holiday table, read again only when they changed (every save reads them)."""
    conn = s.connection()
    token = tuple(conn.exec_driver_sql("SELECT " + _SETUP_TOKEN_SQL).one())
    key = str(conn.engine.url)
    held = _SETUP_CACHE.get(key)
    if held is not None and held[0] == token:
        return held[1]
    found = (RuleSet(_rules(s)), _calendar(s))
    _SETUP_CACHE[key] = (token, found)
    return found


def _calendar(s: OrmSession) -> WorkCalendar:
    days = [CalendarDay(d, _member(DayKind, k), n) for d, k, n in
            s.execute(select(CalendarEntry.day, CalendarEntry.kind, CalendarEntry.name))]
    return WorkCalendar.of(days, s.scalars(select(CalendarYear.year)))


def _thresholds(s: OrmSession) -> tuple[int, int, int]:
    row = s.get(Setting, THRESHOLDS_KEY)
    try:
        a, b, c = (int(x) for x in row.value.split(","))
        return (a, b, c)
    except (AttributeError, ValueError):
        return DEFAULT_THRESHOLDS


def _raw_rows(conn, statement):
    """The rows of a Core ``statement`` as plain driver tuples (SQLAlchemy's per-row processing
    costs more than SQLite's own work here). Its constants are ours, rendered inline."""
    sql = str(statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        while chunk := cursor.fetchmany(5000):
            yield from chunk
    finally:
        cursor.close()


_CODES: dict = {}


def _CODES_OF(enum_cls) -> dict:  # noqa: N802 - reads like the constant table it returns
    table = _CODES.get(enum_cls)
    if table is None:
        table = _CODES[enum_cls] = {m.value: m for m in enum_cls}
    return table


def _member(enum_cls, code):
    """The member of ``code``, None for a code this version does not know (a newer app's rule)."""
    return _CODES_OF(enum_cls).get(code)


def _put(s: OrmSession, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
