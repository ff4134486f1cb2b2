"""Deadlines: rules, the holiday table, due dates per item and the dashboard (services layer).

Due dates are computed from the database on every read (rules × anchors × the official calendar);
nothing stores them, so an anchor or rule change moves every dependent date at once. Items that
are 办结 or 已退回 are never loaded for the dashboard, so its cost follows the open items, not the
archive. ``record_due_moves`` lets a save write to history why a date moved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.calendar import CalendarDay, DayKind, LengthUnit, WorkCalendar, format_day, package_calendar
from desktop_app.domain.deadlines import (
    DEFAULT_THRESHOLDS,
    FINISHED_STATUSES,
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
    Reply,
    Session,
    Setting,
    Unit,
)

THRESHOLDS_KEY = "deadline_thresholds"
NOTICE_KEY = "deadline_startup_notice"
_FINISHED = tuple(s.value for s in FINISHED_STATUSES)


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
    rows: tuple[DeadlineRow, ...] = ()
    uncovered: int = 0  # open deadlines computed without the holiday table
    missing_next_year: bool = False
    units: tuple[str, ...] = field(default=())

    def bucket_label(self, bucket: Bucket) -> str:
        return bucket_label(bucket, self.thresholds)


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
            rows = _rows(_load(s), as_of, _thresholds(s))
        if unit_id is not None:
            rows = [r for r in rows if r.unit_id == unit_id]
        return rows

    def next_deadlines(self, as_of: date | None = None) -> dict[int, NextDeadline]:
        """Per item the earliest open deadline; our unit's own deadlines come first when it has any."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            return _next_deadlines(s, as_of)

    def dashboard(self, as_of: date | None = None, only_our_unit: bool = True) -> Dashboard:
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            our = our_unit_id(s)
            our_name = s.get(Unit, our).name if our is not None and s.get(Unit, our) else ""
            thresholds = _thresholds(s)
            loaded = _load(s)
            rows = _rows(loaded, as_of, thresholds)
            missing = next_year_missing(as_of, loaded.calendar)
        if only_our_unit and our is not None:
            rows = [r for r in rows if r.unit_id == our]
        by_bucket: dict[Bucket, set[int]] = defaultdict(set)
        by_kind: dict[tuple[DeadlineKind, Bucket], set[int]] = defaultdict(set)
        by_unit: dict[tuple[str, Bucket], set[int]] = defaultdict(set)
        mondays = week_starts(as_of)
        weeks = [0] * len(mondays)
        for r in rows:
            by_bucket[r.bucket].add(r.item_id)
            by_kind[(r.kind, r.bucket)].add(r.item_id)
            by_unit[(r.unit_name or "（未定单位）", r.bucket)].add(r.item_id)
            week = (r.due_on - mondays[0]).days // 7
            if 0 <= week < len(weeks):
                weeks[week] += 1
        units = sorted({u for u, _b in by_unit}, key=lambda u: -sum(len(by_unit.get((u, b), ())) for b in Bucket))
        return Dashboard(
            as_of, thresholds, only_our_unit and our is not None, our_name,
            {b: frozenset(v) for b, v in by_bucket.items()},
            {k: frozenset(v) for k, v in by_kind.items()},
            {k: frozenset(v) for k, v in by_unit.items()},
            list(zip(mondays, weeks)), tuple(rows), sum(not r.covered for r in rows), missing,
            tuple(units),
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


def with_next_deadlines(s: OrmSession, rows: list, as_of: date) -> list:
    """Fill ``CaseRow.next_deadline`` of freshly read rows in one pass over the open items."""
    found = _next_deadlines(s, as_of)
    if found:
        for row in rows:
            nxt = found.get(row.id)
            if nxt is not None:
                # The rows were built a moment ago by read_rows and nobody holds them yet;
                # rebuilding 100,000 frozen rows just to add one field would double the load time.
                object.__setattr__(row, "next_deadline", nxt)
    return rows


def _next_deadlines(s: OrmSession, as_of: date) -> dict[int, NextDeadline]:
    our = our_unit_id(s)
    rows = _rows(_load(s), as_of, _thresholds(s))
    best: dict[int, DeadlineRow] = {}
    for r in rows:  # soonest first
        held = best.get(r.item_id)
        if held is None or (our is not None and held.unit_id != our and r.unit_id == our):
            best[r.item_id] = r
    return {
        i: NextDeadline(r.due_on, r.kind, r.bucket, r.days_left, r.covered, r.deadline)
        for i, r in best.items()
    }


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


@dataclass
class _Loaded:
    items: dict[int, tuple]  # id → (kind, status, assigned_on, session_name, number, title)
    facts: list[ItemFacts]
    rules: RuleSet
    calendar: WorkCalendar


def _load(s: OrmSession, item_ids: list[int] | None = None) -> _Loaded:
    """The facts of the open items (or of ``item_ids``, whatever their state) in five queries."""
    if item_ids is None:
        wanted = Item.status.not_in(_FINISHED)
        scope = select(Item.id).where(wanted)
    else:
        wanted = Item.id.in_(item_ids)
        scope = select(Item.id).where(wanted)
    items = {
        row[0]: row[1:]
        for row in s.execute(
            select(Item.id, Item.kind, Item.status, Item.assigned_on, Session.name, Item.number, Item.title)
            .join(Session, Session.id == Item.session_id).where(wanted)
        )
    }
    assignments: dict[int, list[AssignmentFacts]] = defaultdict(list)
    for r in s.execute(
        select(Assignment.item_id, Assignment.id, Assignment.unit_id, Unit.name, Assignment.role,
               Assignment.signed_on, Assignment.opinion_sent_on, Assignment.opinion_received_on,
               Assignment.return_requested_on, Assignment.return_outcome, Assignment.extension_months,
               Assignment.extension_approved_on)
        .join(Unit, Unit.id == Assignment.unit_id).where(Assignment.item_id.in_(scope))
        .order_by(Assignment.item_id, Assignment.position)
    ):
        assignments[r[0]].append(AssignmentFacts(
            r[1], r[2], r[3], _member(UnitRole, r[4]) or UnitRole.LEAD, r[5], r[6] or r[7], r[8],
            _member(ReturnOutcome, r[9]) if r[9] else None, r[10], r[11],
        ))
    replies: dict[int, list[ReplyFacts]] = defaultdict(list)
    for item_id, round_, replied_on, unit_id, disclosure in s.execute(
        select(Reply.item_id, Reply.round, Reply.replied_on, Reply.unit_id, Reply.disclosure)
        .where(Reply.replied_on.is_not(None), Reply.item_id.in_(scope))
    ):
        replies[item_id].append(ReplyFacts(round_, replied_on, unit_id, disclosure == Disclosure.PUBLIC.value))
    dissatisfied = dict(s.execute(
        select(Feedback.item_id, func.min(Feedback.received_on))
        .where(Feedback.outcome == Rating.DISSATISFIED.value, Feedback.received_on.is_not(None),
               Feedback.item_id.in_(scope))
        .group_by(Feedback.item_id)
    ).all())
    commitments: dict[int, list[CommitmentFacts]] = defaultdict(list)
    for cid, item_id, due_on, unit_id, status, closed_on in s.execute(
        select(Commitment.id, Commitment.item_id, Commitment.due_on, Commitment.unit_id,
               Commitment.status, Commitment.closed_on)
        .where(Commitment.due_on.is_not(None), Commitment.item_id.in_(scope))
    ):
        done = None if status == CommitmentStatus.OPEN.value else (closed_on or due_on)
        commitments[item_id].append(CommitmentFacts(cid, due_on, unit_id, done))
    facts = [
        ItemFacts(
            i, _member(ItemKind, kind) or ItemKind.SUGGESTION, _member(ItemStatus, status) or ItemStatus.HANDLING,
            assigned_on, tuple(assignments.get(i, ())), tuple(replies.get(i, ())), dissatisfied.get(i),
            tuple(commitments.get(i, ())),
        )
        for i, (kind, status, assigned_on, *_rest) in items.items()
    ]
    return _Loaded(items, facts, RuleSet(_rules(s)), _calendar(s))


def _deadlines(loaded: _Loaded, include_done: bool = True) -> list[Deadline]:
    out: list[Deadline] = []
    rules, cal = loaded.rules, loaded.calendar
    for facts in loaded.facts:
        out.extend(item_deadlines(facts, rules, cal, include_done=include_done))
    return out


def _rows(loaded: _Loaded, as_of: date, thresholds, open_only: bool = True) -> list[DeadlineRow]:
    rows = []
    for d in _deadlines(loaded, include_done=not open_only):
        is_open = d.is_open(as_of)
        if open_only and not is_open:
            continue
        kind, _status, _assigned, session_name, number, title = loaded.items[d.item_id]
        left = (d.due.due - as_of).days
        rows.append(DeadlineRow(
            d.item_id, d.kind, _member(ItemKind, kind) or ItemKind.SUGGESTION, session_name, number, title,
            d.unit_id, d.unit_name, d.due.due, left, bucket_of(left, thresholds), d.due.covered,
            d, is_open, d.done_on,
        ))
    rows.sort(key=lambda r: (r.due_on, r.item_id, r.kind.value))
    return rows


def _rule(row: DeadlineRule) -> Rule:
    return Rule(
        _member(DeadlineKind, row.kind), _member(Anchor, row.anchor), row.length, _member(LengthUnit, row.unit),
        bool(row.roll_forward), _member(ItemKind, row.item_kind) if row.item_kind else None, row.note, row.id,
    )


def _rules(s: OrmSession) -> list[Rule]:
    return [_rule(r) for r in s.scalars(select(DeadlineRule).order_by(DeadlineRule.id))
            if _member(DeadlineKind, r.kind) is not None]


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


_CODES: dict = {}


def _member(enum_cls, code):
    """The member of ``code``, None for a code this version does not know (a newer app's rule)."""
    table = _CODES.get(enum_cls)
    if table is None:
        table = _CODES[enum_cls] = {m.value: m for m in enum_cls}
    return table.get(code)


def _put(s: OrmSession, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
