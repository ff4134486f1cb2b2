"""What the deadlines depend on, read with plain SQL on a DBAPI connection (services layer).

The deadline service reads the open items of an archive here: tens of thousands of rows, where
SQLAlchemy's per-row work costs more than SQLite's own. ``desktop-app due`` reads through the same
functions on a read-only ``sqlite3`` connection, so that it never imports SQLAlchemy (half a
second of its start-up). Nothing here writes. Dates come as ISO text and are parsed once per
distinct day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, NamedTuple

from desktop_app.domain.calendar import CalendarDay, DayKind, LengthUnit, WorkCalendar
from desktop_app.domain.checklist_state import entry_id, own_entry, unpack_dated
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
    StepFacts,
    bucket_of,
    item_deadlines,
)
from desktop_app.domain.enums import (
    CommitmentStatus,
    Disclosure,
    FilingDecision,
    ItemKind,
    ItemStatus,
    Rating,
    RectificationStatus,
    ReturnOutcome,
    UnitRole,
)
from desktop_app.domain.point_in_time import facts_as_of
from desktop_app.services.fields import codes_of, member_or_none

THRESHOLDS_KEY = "deadline_thresholds"
OUR_UNIT_KEY = "our_unit_id"  # the key services.lookup writes (a test keeps them equal)
# Listed rather than "NOT IN (finished)" so that SQLite reads the open items through ix_item_status.
UNFINISHED = tuple(s.value for s in ItemStatus if s not in FINISHED_STATUSES)
OPEN_ITEMS = "item.status IN ({})".format(",".join(f"'{code}'" for code in UNFINISHED))
FINISHED_ITEMS = "item.status IN ({})".format(",".join(f"'{s.value}'" for s in FINISHED_STATUSES))
STATUS_FIELD = "状态"  # the history label of an item's status (services.fields.ITEM_FIELDS)
_STATUS_BY_LABEL = {s.label: s for s in ItemStatus} | {s.value: s for s in ItemStatus}


class DeadlineRow(NamedTuple):
    """One deadline with what the lists and the ``due`` command show about its item (a named
    tuple: ``due`` builds tens of thousands)."""

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
    deadline: Deadline
    is_open: bool = True
    done_on: date | None = None

    @property
    def explanation(self) -> str:
        """Built when asked (a tooltip): most rows are never explained."""
        return self.deadline.explanation()


@dataclass
class Loaded:
    items: dict[int, tuple]  # id → (kind, status, assigned_on, session_name, number, title)
    facts: list[ItemFacts]
    rules: RuleSet
    calendar: WorkCalendar


def rows_of(conn, sql: str):
    """The rows of ``sql`` as plain driver tuples, fetched in chunks."""
    cursor = conn.cursor()
    try:
        cursor.execute(sql)
        while chunk := cursor.fetchmany(5000):
            yield from chunk
    finally:
        cursor.close()


def _fact_queries(scope: str, ids: str | None = None) -> dict[str, str]:
    """The reads of ``load_facts`` for the items matching ``scope`` (``ids``: their ids as an SQL
    list, when known), by name: independent of each other, so that the server can answer them in
    one round trip (``prefetch``)."""
    wanted = ids or f"SELECT id FROM item WHERE {scope}"
    return {
        "items": ("SELECT item.id, item.kind, item.status, item.assigned_on, session.name, item.number, item.title"
                  f" FROM item JOIN session ON session.id = item.session_id WHERE {scope}"),
        # 政协提案 only (a few): 不立案 意见 and proposals merged into another (issue 23).
        "proposals": ("SELECT id, filing, reference_due_on, merged_into_id FROM item"
                      f" WHERE (filing = '{FilingDecision.NOT_FILED.value}' OR merged_into_id IS NOT NULL)"
                      f" AND id IN ({wanted})"),
        "units": "SELECT id, name FROM unit",
        # No ORDER BY: SQLite would sort every open item's rows; each item's few are sorted below.
        "assignments": (
            "SELECT item_id, id, unit_id, position, role, signed_on, coalesce(opinion_sent_on, opinion_received_on),"
            " return_requested_on, return_outcome, extension_months, extension_approved_on, assigned_on,"
            f" return_decided_on FROM assignment WHERE item_id IN ({wanted})"),
        # 涉密 items are never published, so they have no 公开 deadline (domain.md §4).
        "secret": f"SELECT id FROM item WHERE is_secret AND {scope}",
        # Only a finalised (定稿) reply counts as given; a draft counts nowhere.
        "replies": ("SELECT item_id, round, replied_on, unit_id, disclosure, published_on FROM reply"
                    f" WHERE replied_on IS NOT NULL AND finalised AND item_id IN ({wanted})"),
        "dissatisfied": (
            "SELECT feedback.item_id, reply.round, min(feedback.received_on) FROM feedback"
            " JOIN reply ON reply.id = feedback.reply_id"
            f" WHERE feedback.outcome = '{Rating.DISSATISFIED.value}' AND feedback.received_on IS NOT NULL"
            f" AND feedback.item_id IN ({wanted}) GROUP BY feedback.item_id, reply.round"),
        "commitments": (
            "SELECT c.id, c.item_id, c.due_on, c.unit_id, c.status, c.closed_on, r.replied_on FROM commitment c"
            " LEFT JOIN reply r ON r.id = c.reply_id"
            f" WHERE c.due_on IS NOT NULL AND c.item_id IN ({wanted})"),
        "template": ("SELECT id, name, due_length, due_unit, due_anchor FROM checklist_template_entry"
                     " WHERE due_length IS NOT NULL"),
        "checklists": f"SELECT item_id, dated FROM item_checklist WHERE dated != '' AND item_id IN ({wanted})",
        "our_unit": f"SELECT value FROM setting WHERE key = '{OUR_UNIT_KEY}'",
    }


def prefetch(conn, sqls) -> None:
    """Send several reads at once where the connection can (the server: one round trip instead of
    one each; a save reads the facts of its item twice, ten reads each); ``rows_of`` then takes
    their rows, all held in memory. Nothing to do on SQLite, where a read costs no round trip."""
    ahead = getattr(conn, "prefetch", None)
    if ahead is not None:
        ahead(list(sqls))


def load_facts(conn, scope: str = OPEN_ITEMS, rules: RuleSet | None = None,
               calendar: WorkCalendar | None = None, *, few: bool = False,
               item_ids: Iterable[int] | None = None) -> Loaded:
    """The facts of the items matching ``scope`` (SQL on ``item``; default: the open ones) in a
    dozen reads; ``rules`` and ``calendar`` are read when not given. ``few``: a handful of items
    (a save's), whose reads the server answers in one round trip; otherwise each read streams.
    ``item_ids``: the items themselves, whatever their state (instead of ``scope``)."""
    day = _Days({None: None}).__getitem__  # a C call per date column, a parse per distinct day
    ids = None
    if item_ids is not None:
        ids = ",".join(str(int(i)) for i in item_ids) or "NULL"
        scope = f"item.id IN ({ids})"
    sql = _fact_queries(scope, ids)
    if few:
        prefetch(conn, sql.values())
    items = {
        i: (kind, status, day(assigned), session_name, number, title)
        for i, kind, status, assigned, session_name, number, title in rows_of(conn, sql["items"])
    }
    not_filed = FilingDecision.NOT_FILED.value
    proposal_facts = {
        i: (filing == not_filed, day(reference_due), merged is not None)
        for i, filing, reference_due, merged in rows_of(conn, sql["proposals"])
    }
    roles, outcomes, lead = codes_of(UnitRole), codes_of(ReturnOutcome), UnitRole.LEAD
    unit_names = dict(rows_of(conn, sql["units"]))
    assignments: dict[int, list[AssignmentFacts]] = defaultdict(list)
    positions: dict[int, int] = {}
    for (item_id, aid, unit_id, position, role, signed, sent, return_asked, outcome, months,
         approved, assigned, decided) in rows_of(conn, sql["assignments"]):
        positions[aid] = position or 0
        assignments[item_id].append(AssignmentFacts(
            aid, unit_id, unit_names.get(unit_id, ""), roles.get(role, lead), day(signed), day(sent),
            day(return_asked), outcomes.get(outcome), months, day(approved), day(assigned), day(decided),
        ))
    for held in assignments.values():
        if len(held) > 1:
            held.sort(key=lambda a: (positions[a.id], a.id))
    replies: dict[int, list[ReplyFacts]] = defaultdict(list)
    public = Disclosure.PUBLIC.value  # not per row: an enum's value is a slow property
    secret = {i for (i,) in rows_of(conn, sql["secret"])}
    for item_id, round_, replied_on, unit_id, disclosure, published_on in rows_of(conn, sql["replies"]):
        replies[item_id].append(ReplyFacts(
            round_, day(replied_on), unit_id, disclosure == public and item_id not in secret, day(published_on)))
    dissatisfied: dict[int, list[tuple[int, date]]] = defaultdict(list)
    for item_id, round_, first in rows_of(conn, sql["dissatisfied"]):
        dissatisfied[item_id].append((round_, day(first)))
    commitments: dict[int, list[CommitmentFacts]] = defaultdict(list)
    done_status = CommitmentStatus.DONE.value
    for cid, item_id, due_on, unit_id, status, closed_on, made_on in rows_of(conn, sql["commitments"]):
        # 结转下年 is still tracked (issue 8): only 已落实 ends a commitment's deadline.
        done = day(closed_on or due_on) if status == done_status else None
        commitments[item_id].append(CommitmentFacts(cid, day(due_on), unit_id, done, day(made_on)))
    our = _unit_id(next(iter(rows_of(conn, sql["our_unit"])), (None,))[0])
    steps = _checklist_steps(conn, sql["template"], sql["checklists"], our, day)
    kinds, statuses = codes_of(ItemKind), codes_of(ItemStatus)
    suggestion, handling, none = ItemKind.SUGGESTION, ItemStatus.HANDLING, ()
    facts = [
        ItemFacts(
            i, kinds.get(kind, suggestion), statuses.get(status, handling), assigned_on,
            tuple(assignments.get(i, none)), tuple(replies.get(i, none)), tuple(sorted(dissatisfied.get(i, none))),
            tuple(commitments.get(i, none)), tuple(steps.get(i, none)),
            *proposal_facts.get(i, ()),
        )
        for i, (kind, status, assigned_on, *_rest) in items.items()
    ]
    if rules is None:
        rules = RuleSet(read_rules(conn))
    if calendar is None:
        calendar = read_calendar(conn)
    return Loaded(items, facts, rules, calendar)


def load_facts_as_of(conn, as_of: date, scope: str = OPEN_ITEMS, rules: RuleSet | None = None,
                     calendar: WorkCalendar | None = None) -> Loaded:
    """The facts of the items matching ``scope`` as they stood at the end of ``as_of`` (a day
    before today): events dated later taken out (``domain.point_in_time``). With the default
    scope, the items open that day: the open ones, and those 办结 or 已退回 since."""
    then = statuses_on(conn, as_of, FINISHED_ITEMS if scope == OPEN_ITEMS else scope)
    if then and scope == OPEN_ITEMS:
        scope = f"({OPEN_ITEMS}) OR item.id IN ({','.join(str(int(i)) for i in then)})"
    loaded = load_facts(conn, scope, rules, calendar)
    facts = [facts_as_of(f, as_of, then.get(f.id)) for f in loaded.facts]
    return Loaded(loaded.items, facts, loaded.rules, loaded.calendar)


def statuses_on(conn, as_of: date, scope: str) -> dict[int, ItemStatus]:
    """Status on ``as_of`` of the items matching ``scope`` whose status changed after it: what
    the first later change in their history changed from. Read through the history's index on
    (item, time): one short seek per item in scope."""
    after = (as_of + timedelta(days=1)).isoformat()  # changed_at is "YYYY-MM-DD HH:MM:SS…" text
    out: dict[int, ItemStatus] = {}
    for item_id, old in rows_of(conn, (
            "SELECT h.item_id, h.old_value FROM history h"
            f" WHERE h.item_id IN (SELECT id FROM item WHERE {scope}) AND h.changed_at >= '{after}'"
            f" AND h.entity = 'item' AND h.field = '{STATUS_FIELD}' ORDER BY h.item_id, h.changed_at DESC, h.id DESC")):
        out[item_id] = _STATUS_BY_LABEL.get(old, ItemStatus.HANDLING)  # the earliest change comes last
    return out


def _checklist_steps(conn, template_sql: str, checklists_sql: str, our: int | None, day) -> dict[int, list[StepFacts]]:
    """Steps of the items' 办理清单 that have a due offset (they are our unit's steps): read from
    each checklist's ``dated`` (the few dated entries, not the packed checklist)."""
    template = {
        entry_id: (name, length, member_or_none(LengthUnit, unit) or LengthUnit.DAYS,
                   member_or_none(Anchor, anchor) or Anchor.ASSIGNED)
        for entry_id, name, length, unit, anchor in rows_of(conn, template_sql)
    }
    steps: dict[int, list[StepFacts]] = defaultdict(list)
    for item_id, dated in rows_of(conn, checklists_sql):
        for slot, ref, done_on in unpack_dated(dated):
            if isinstance(ref, dict):
                own = own_entry(ref)
                found = (own.name, own.due_length, own.due_unit, own.due_anchor)
            else:
                found = template.get(ref)
            if found is None or found[1] is None:
                continue
            name, length, unit, anchor = found
            steps[item_id].append(StepFacts(entry_id(item_id, slot), name, anchor, length, unit, done_on, our))
    return steps


def open_deadlines(loaded: Loaded, windows_from: date | None = None) -> list[Deadline]:
    """The items' deadlines not yet met (windows closed before ``windows_from`` left out)."""
    out: list[Deadline] = []
    rules, cal = loaded.rules, loaded.calendar
    for facts in loaded.facts:
        out.extend(item_deadlines(facts, rules, cal, include_done=False, windows_from=windows_from))
    return out


def all_deadlines(loaded: Loaded) -> list[Deadline]:
    """Every deadline of the items, met or open."""
    out: list[Deadline] = []
    for facts in loaded.facts:
        out.extend(item_deadlines(facts, loaded.rules, loaded.calendar))
    return out


def rectification_deadlines(conn, loaded: Loaded, our_unit: int | None) -> list[Deadline]:
    """整改期限 of 整改清单 rows with a real date, not done, linked to the loaded items: one
    deadline per linked item, held by our unit when the row names it, else by its first unit."""
    found = list(rows_of(conn, (
        "SELECT r.id, r.deadline_on, ri.item_id FROM rectification_row r"
        " JOIN rectification_row_item ri ON ri.row_id = r.id"
        f" WHERE r.deadline_on IS NOT NULL AND r.status != '{RectificationStatus.DONE.value}'")))
    found = [(row_id, due_on, item_id) for row_id, due_on, item_id in found if item_id in loaded.items]
    if not found:
        return []
    units: dict[int, list[int]] = {}
    row_ids = ",".join(str(int(r)) for r, _d, _i in found)
    for row_id, unit_id in rows_of(conn, f"SELECT row_id, unit_id FROM rectification_row_unit WHERE row_id IN ({row_ids})"):
        units.setdefault(row_id, []).append(unit_id)
    names = dict(rows_of(conn, "SELECT id, name FROM unit"))
    rule = loaded.rules.get(DeadlineKind.RECTIFICATION)
    out = []
    for row_id, due_on, item_id in found:
        held = units.get(row_id, [])
        unit_id = our_unit if our_unit in held else (held[0] if held else None)
        due = loaded.calendar.due(date.fromisoformat(due_on), rule.length, rule.unit or LengthUnit.DAYS,
                                  anchor_label=Anchor.RECTIFICATION.label, roll_forward=rule.roll_forward)
        out.append(Deadline(item_id, DeadlineKind.RECTIFICATION, rule, due, unit_id, names.get(unit_id, "")))
    return out


def open_deadline_rows(conn, as_of: date, today: date | None = None) -> list[DeadlineRow]:
    """Every open deadline as of ``as_of`` (the items' own and 整改期限 of rows linked to them),
    soonest first: what ``desktop-app due`` prints, read without any cache. A day before
    ``today`` is seen as it was: later events ignored."""
    loaded = load_facts_as_of(conn, as_of) if today is not None and as_of < today else load_facts(conn)
    deadlines = open_deadlines(loaded, windows_from=as_of) + rectification_deadlines(conn, loaded, read_our_unit(conn))
    return deadline_rows(loaded, as_of, read_thresholds(conn), deadlines)


def deadline_rows(loaded: Loaded, as_of: date, thresholds, deadlines: list[Deadline],
                  open_only: bool = True) -> list[DeadlineRow]:
    """``deadlines`` as rows (``open_only``: those still open as of ``as_of``), soonest first."""
    rows, order = [], []
    kinds, items, suggestion, rank = codes_of(ItemKind), loaded.items, ItemKind.SUGGESTION, _KIND_RANK
    append, append_order = rows.append, order.append
    for d in deadlines:
        is_open = d.is_open(as_of)
        if open_only and not is_open:
            continue
        kind, _status, _assigned, session_name, number, title = items[d.item_id]
        due = d.due
        left = (due.due - as_of).days
        append(DeadlineRow(
            d.item_id, d.kind, kinds.get(kind, suggestion), session_name, number, title,
            d.unit_id, d.unit_name, due.due, left, bucket_of(left, thresholds), due.covered,
            d, is_open, d.done_on,
        ))
        # (due date, item, kind) as one integer: tens of thousands of rows sort several times
        # faster on it than on tuples of dates and enums.
        append_order((due.due.toordinal() << 40) + (d.item_id << 5) + rank[d.kind])
    return [rows[i] for i in sorted(range(len(rows)), key=order.__getitem__)]


#: Deadline kinds in the order their codes sort (the tie-break of rows due the same day).
_KIND_RANK = {k: i for i, k in enumerate(sorted(DeadlineKind, key=lambda k: k.value))}


def rule_of(rule_id, kind, item_kind, anchor, length, unit, roll_forward, note) -> Rule:
    return Rule(
        member_or_none(DeadlineKind, kind), member_or_none(Anchor, anchor), length, member_or_none(LengthUnit, unit),
        bool(roll_forward), member_or_none(ItemKind, item_kind) if item_kind else None, note or "", rule_id,
    )


def read_rules(conn) -> list[Rule]:
    """The rules in the database, in their order; rules of kinds this version does not know are left out."""
    return [rule_of(*r) for r in rows_of(conn, (
        "SELECT id, kind, item_kind, anchor, length, unit, roll_forward, note FROM deadline_rule ORDER BY id"))
        if member_or_none(DeadlineKind, r[1]) is not None]


def read_calendar(conn) -> WorkCalendar:
    days = [CalendarDay(date.fromisoformat(d), member_or_none(DayKind, k), n or "")
            for d, k, n in rows_of(conn, "SELECT day, kind, name FROM calendar_day ORDER BY day")]
    return WorkCalendar.of(days, [y for (y,) in rows_of(conn, "SELECT year FROM calendar_year")])


def read_setting(conn, key: str) -> str | None:
    cursor = conn.execute("SELECT value FROM setting WHERE key = ?", (key,))
    try:
        found = cursor.fetchone()
    finally:
        cursor.close()
    return None if found is None else found[0]


def read_our_unit(conn) -> int | None:
    return _unit_id(read_setting(conn, OUR_UNIT_KEY))


def _unit_id(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def read_thresholds(conn) -> tuple[int, int, int]:
    try:
        a, b, c = (int(x) for x in (read_setting(conn, THRESHOLDS_KEY) or "").split(","))
        return (a, b, c)
    except ValueError:
        return DEFAULT_THRESHOLDS


def read_units(conn) -> dict[str, int]:
    """Unit name → id, every unit (also those no longer active)."""
    return {name: unit_id for unit_id, name in rows_of(conn, "SELECT id, name FROM unit ORDER BY sort_order, name")}


class _Days(dict):
    """ISO date text → date, parsed on first sight (SQLite hands dates over as text)."""

    def __missing__(self, text: str) -> date:
        found = self[text] = date.fromisoformat(text)
        return found


