"""Deadline rules and the deadlines of an item and its assignments (domain layer, pure Python).

Due dates are computed, never typed: each comes from a rule (anchor, length, unit, whether a day
off moves it) applied on the official calendar, and carries its explanation. Each assignment has
its own deadlines (a co-unit's 会办意见 is separate from the lead unit's 答复). Windows (退回申请,
公开) close when they pass instead of becoming overdue: nothing records that they were missed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from operator import attrgetter
from typing import NamedTuple

from desktop_app.domain.calendar import (
    DueDate,
    LengthUnit,
    WorkCalendar,
    add_months,
    format_day,
)
from desktop_app.domain.enums import ItemKind, ItemStatus, Labelled, ReturnOutcome, UnitRole


class DeadlineKind(Labelled):
    RETURN = ("return", "退回申请")
    OPINION = ("opinion", "会办意见")
    REPLY = ("reply", "答复")
    EXTENSION_CAP = ("extension_cap", "延期上限")
    SECOND_REPLY = ("second_reply", "重新办理答复")
    PUBLICATION = ("publication", "公开")
    COMMITMENT = ("commitment", "承诺事项")
    RECTIFICATION = ("rectification", "整改期限")
    CHECKLIST = ("checklist", "清单步骤")


class Anchor(Labelled):
    ASSIGNED = ("assigned_on", "交办日期")
    SIGNED = ("signed_on", "签收日期")
    FEEDBACK = ("feedback_on", "反馈日期")
    REPLIED = ("replied_on", "答复日期")
    REPLY_DUE = ("reply_due", "原答复到期日")
    PROMISED = ("promised_on", "承诺日期")
    RECTIFICATION = ("deadline_on", "整改期限")
    REFERENCE_DUE = ("reference_due_on", "参考件答复日期")  # a 不立案 意见's date, set by the office


class Bucket(Labelled):
    OVERDUE = ("overdue", "已超期")
    SOON = ("soon", "3 天内")
    WEEK = ("week", "7 天内")
    FORTNIGHT = ("fortnight", "14 天内")
    LATER = ("later", "以后")


DEFAULT_THRESHOLDS = (3, 7, 14)
_CO = UnitRole.CO
_OVERDUE, _SOON, _WEEK, _FORTNIGHT, _LATER = Bucket
#: Kinds that are windows: they close unseen when they pass (no record says they were missed).
#: 公开 is not one since the publication record (0010): a public reply unpublished 20 working days
#: after replying is overdue (domain.md §7).
WINDOW_KINDS = frozenset({DeadlineKind.RETURN})
FINISHED_STATUSES = frozenset({ItemStatus.RETURNED, ItemStatus.CLOSED})


def bucket_label(bucket: Bucket, thresholds: tuple[int, int, int] = DEFAULT_THRESHOLDS) -> str:
    """The label with the configured thresholds (“3 天内” …)."""
    index = (Bucket.SOON, Bucket.WEEK, Bucket.FORTNIGHT)
    if bucket in index:
        return f"{thresholds[index.index(bucket)]} 天内"
    if bucket is Bucket.LATER:
        return f"{thresholds[-1]} 天以后"
    return bucket.label


def bucket_of(days_left: int, thresholds: tuple[int, int, int] = DEFAULT_THRESHOLDS) -> Bucket:
    # Members held in module constants: looking them up on the enum class costs more than the
    # comparisons, and this runs for every open deadline of the archive.
    if days_left < 0:
        return _OVERDUE
    soon, week, fortnight = thresholds
    if days_left <= soon:
        return _SOON
    if days_left <= week:
        return _WEEK
    return _FORTNIGHT if days_left <= fortnight else _LATER


@dataclass(frozen=True)
class Rule:
    kind: DeadlineKind
    anchor: Anchor
    length: int
    unit: LengthUnit
    roll_forward: bool = True
    item_kind: ItemKind | None = None  # None: every kind of item
    note: str = ""
    id: int = 0

    @property
    def label(self) -> str:
        if self.kind is DeadlineKind.CHECKLIST:  # one rule per step, made from the item's checklist
            return f"清单步骤“{self.note}”"
        suffix = f"（{self.item_kind.label}）" if self.item_kind is not None else ""
        return f"{self.kind.label}期限{suffix}"

    def describe(self) -> str:
        moved = "，遇节假日顺延" if self.roll_forward and self.unit is not LengthUnit.WORKING_DAYS else ""
        return f"{self.anchor.label}起 {self.length}{self.unit.label}{moved}"

    def validate(self) -> list[str]:
        problems = []
        if not 0 <= self.length <= 366:
            problems.append(f"{self.label}的期限长度 {self.length} 不合理，请填写 0 到 366 之间的数。")
        if self.unit is LengthUnit.MONTHS and self.length > 24:
            problems.append(f"{self.label}不能超过 24 个月，请检查长度和单位。")
        return problems


DEFAULT_RULES = (
    Rule(DeadlineKind.RETURN, Anchor.SIGNED, 7, LengthUnit.WORKING_DAYS, False),
    Rule(DeadlineKind.OPINION, Anchor.SIGNED, 1, LengthUnit.MONTHS),
    Rule(DeadlineKind.REPLY, Anchor.ASSIGNED, 3, LengthUnit.MONTHS, item_kind=ItemKind.SUGGESTION),
    Rule(DeadlineKind.REPLY, Anchor.ASSIGNED, 3, LengthUnit.MONTHS, item_kind=ItemKind.PROPOSAL),
    Rule(DeadlineKind.EXTENSION_CAP, Anchor.REPLY_DUE, 3, LengthUnit.MONTHS),
    Rule(DeadlineKind.SECOND_REPLY, Anchor.FEEDBACK, 1, LengthUnit.MONTHS),
    Rule(DeadlineKind.PUBLICATION, Anchor.REPLIED, 20, LengthUnit.WORKING_DAYS, False),
    Rule(DeadlineKind.COMMITMENT, Anchor.PROMISED, 0, LengthUnit.DAYS, False),
    Rule(DeadlineKind.RECTIFICATION, Anchor.RECTIFICATION, 0, LengthUnit.DAYS, False),
)


class RuleSet:
    """Rules by kind; a rule for a specific item kind wins over the one for every kind."""

    def __init__(self, rules):
        given = {(r.kind, r.item_kind): r for r in rules}
        defaults = {(r.kind, r.item_kind): r for r in DEFAULT_RULES}
        # Resolved once for every pair: ``get`` runs for each deadline of tens of thousands of items.
        self._rules = {}
        for kind in DeadlineKind:
            for item_kind in (None, *ItemKind):
                self._rules[(kind, item_kind)] = (
                    given.get((kind, item_kind)) or given.get((kind, None))
                    or defaults.get((kind, item_kind)) or defaults.get((kind, None))
                    or next((r for r in DEFAULT_RULES if r.kind is kind), None)
                )

    def get(self, kind: DeadlineKind, item_kind: ItemKind | None = None) -> Rule:
        return self._rules[(kind, item_kind)]


# The facts and deadlines below are named tuples rather than frozen dataclasses: an archive's open
# items make hundreds of thousands of them, and a frozen dataclass takes five times as long to build.


class AssignmentFacts(NamedTuple):
    id: int
    unit_id: int
    unit_name: str
    role: UnitRole
    signed_on: date | None = None
    opinion_sent_on: date | None = None
    return_requested_on: date | None = None
    return_outcome: ReturnOutcome | None = None
    extension_months: int | None = None
    extension_approved_on: date | None = None
    assigned_on: date | None = None  # this unit's own 交办日期 (调整分办 / 指定办理); None: the item's
    return_decided_on: date | None = None  # when the office decided the 退回 request


class ReplyFacts(NamedTuple):
    """A finalised (定稿) reply: a draft counts nowhere (domain.md §4)."""

    round: int
    replied_on: date
    unit_id: int | None = None
    public: bool = False
    published_on: date | None = None  # 公开发布记录: the publication deadline is met that day


class CommitmentFacts(NamedTuple):
    id: int
    due_on: date
    unit_id: int | None = None
    closed_on: date | None = None  # None while open
    made_on: date | None = None  # the date of the reply that promised it (None: not known)


class StepFacts(NamedTuple):
    """A step of the item's 办理清单 with a due offset (its rule is the step's own)."""

    entry_id: int
    name: str
    anchor: Anchor
    length: int
    unit: LengthUnit
    done_on: date | None = None
    unit_id: int | None = None  # the unit whose checklist it is (ours); None: the lead unit


class ItemFacts(NamedTuple):
    """What the deadlines of an item depend on."""

    id: int
    kind: ItemKind
    status: ItemStatus
    assigned_on: date | None
    assignments: tuple[AssignmentFacts, ...] = ()
    replies: tuple[ReplyFacts, ...] = ()
    # (round, day) for each reply round rated 不满意: the first such form of that round opens the
    # next round's reply deadline. Every round keeps its own (domain.md §4: nothing is overwritten).
    dissatisfied: tuple[tuple[int, date], ...] = ()
    commitments: tuple[CommitmentFacts, ...] = ()
    steps: tuple[StepFacts, ...] = ()
    # 政协提案 (issue 23): 不立案 (an 意见 转有关部门参考: no reply deadline unless the office set
    # ``reference_due_on``); merged under a lead proposal (并案: the lead's handling is the one).
    not_filed: bool = False
    reference_due_on: date | None = None
    merged: bool = False


class Deadline(NamedTuple):
    """One deadline of an item. ``done_on`` is when it was met (None while open)."""

    item_id: int
    kind: DeadlineKind
    rule: Rule
    due: DueDate
    unit_id: int | None = None
    unit_name: str = ""
    done_on: date | None = None
    extension: str = ""  # how an approved extension moved the date, "" without one
    finished: bool = False  # the item is 办结 / 已退回: nothing is pending

    @property
    def due_on(self) -> date:
        return self.due.due

    def is_open(self, as_of: date) -> bool:
        if self.done_on is not None or self.finished:
            return False
        return not (self.kind in WINDOW_KINDS and self.due.due < as_of)

    def days_left(self, as_of: date) -> int:
        return (self.due.due - as_of).days

    def explanation(self) -> str:
        text = self.due.explanation(self.rule.label) if not self.extension else self.extension
        if self.done_on is not None:
            text += f"已于 {format_day(self.done_on)} 完成。"
        return text


def item_deadlines(item: ItemFacts, rules: RuleSet, cal: WorkCalendar, *, include_done: bool = True,
                   windows_from: date | None = None) -> list[Deadline]:
    """Every deadline of ``item`` (open or met; only the not yet met without ``include_done``),
    ordered by due date. ``windows_from`` leaves out windows that closed before that day: most
    退回申请 windows of an archive have closed, and nothing shows a closed window as open."""
    out: list[Deadline] = []
    finished = item.status in FINISHED_STATUSES
    if finished and not include_done:
        return out
    item_id = item.id
    memo = cal.memo  # read directly: the call costs more than the look-up

    # Runs for every deadline of every open item (a few hundred thousand for an archive): names
    # are bound locally and the enum members come from module constants.
    def make(kind, anchor_day, anchor_label, unit, done, item_kind=None):
        if done is not None and not include_done:
            return None
        rule = rules.get(kind, item_kind)
        due = memo.get((anchor_day, rule.length, rule.unit, anchor_label, rule.roll_forward))
        if due is None:
            due = cal.due(anchor_day, rule.length, rule.unit, anchor_label=anchor_label, roll_forward=rule.roll_forward)
        if windows_from is not None and kind in WINDOW_KINDS and due.due < windows_from:
            return None
        if unit is None:
            return Deadline(item_id, kind, rule, due, None, "", done, "", finished)
        return Deadline(item_id, kind, rule, due, unit.unit_id, unit.unit_name, done, "", finished)

    append = out.append
    replies = item.replies
    # A proposal merged into another is handled (and chased) as that one: only promises it made
    # itself before the merge are still tracked.
    for a in (() if item.merged else item.assignments):
        if a.return_outcome is _APPROVED:
            continue
        signed = a.signed_on
        if signed is not None and (d := make(_RETURN, signed, _SIGNED_LABEL, a, a.return_requested_on)):
            append(d)
        if a.role is _CO:
            anchor_day, label = (signed, _SIGNED_LABEL) if signed else (a.assigned_on or item.assigned_on, _ASSIGNED_LABEL)
            if anchor_day is not None and (d := make(_OPINION, anchor_day, label, a, a.opinion_sent_on)):
                append(d)
        elif item.not_filed:
            if (d := _reference_deadline(item, a, replies, cal, finished, include_done)) is not None:
                append(d)
        elif (assigned := a.assigned_on or item.assigned_on) is not None:
            replied = [r.replied_on for r in replies if r.round == 1 and r.unit_id in (None, a.unit_id)]
            d = make(_REPLY, assigned, _ASSIGNED_LABEL, a, min(replied) if replied else None, item.kind)
            if d is not None:
                append(_extended(d, a, rules, cal))
    lead = next((a for a in item.assignments if a.role is not _CO), None)
    for round_, rated_on in (() if item.merged else item.dissatisfied):
        # Round n rated 不满意 calls for reply n + 1, a month from that rating.
        done = min((r.replied_on for r in replies if r.round == round_ + 1), default=None)
        if d := make(_SECOND_REPLY, rated_on, _FEEDBACK_LABEL, lead, done):
            append(d)
    for r in (() if item.merged else replies):
        if r.public and (d := make(_PUBLICATION, r.replied_on, _REPLIED_LABEL, lead, r.published_on)):
            append(d)
    if item.commitments:
        units = {a.unit_id: a for a in item.assignments}
        for c in item.commitments:
            if d := make(_COMMITMENT, c.due_on, _PROMISED_LABEL, units.get(c.unit_id, lead), c.closed_on):
                append(d)
    for step in (() if item.merged else item.steps):
        if d := _step_deadline(item, step, lead, cal, finished, include_done):
            append(d)
    if len(out) > 1:
        out.sort(key=_due_and_kind)
    return out


_due_and_kind = attrgetter("due.due", "kind")  # a C key function: it runs for every open item


_RETURN, _OPINION, _REPLY = DeadlineKind.RETURN, DeadlineKind.OPINION, DeadlineKind.REPLY
_SECOND_REPLY, _PUBLICATION, _COMMITMENT = DeadlineKind.SECOND_REPLY, DeadlineKind.PUBLICATION, DeadlineKind.COMMITMENT
_APPROVED = ReturnOutcome.APPROVED
_SIGNED_LABEL, _ASSIGNED_LABEL = Anchor.SIGNED.label, Anchor.ASSIGNED.label
_FEEDBACK_LABEL, _REPLIED_LABEL, _PROMISED_LABEL = Anchor.FEEDBACK.label, Anchor.REPLIED.label, Anchor.PROMISED.label


def _reference_deadline(item: ItemFacts, a: AssignmentFacts, replies, cal: WorkCalendar, finished: bool,
                        include_done: bool) -> Deadline | None:
    """A 不立案 意见's reply is due only on the date the office set (domain: 转有关部门参考)."""
    if item.reference_due_on is None:
        return None
    replied = [r.replied_on for r in replies if r.round == 1 and r.unit_id in (None, a.unit_id)]
    done = min(replied) if replied else None
    if done is not None and not include_done:
        return None
    rule = Rule(DeadlineKind.REPLY, Anchor.REFERENCE_DUE, 0, LengthUnit.DAYS, False, item_kind=ItemKind.PROPOSAL,
                note="不立案，转有关部门参考")
    due = cal.due(item.reference_due_on, 0, LengthUnit.DAYS, anchor_label=Anchor.REFERENCE_DUE.label,
                  roll_forward=False)
    return Deadline(item.id, DeadlineKind.REPLY, rule, due, a.unit_id, a.unit_name, done, finished=finished)


def _step_deadline(item: ItemFacts, step: StepFacts, lead, cal: WorkCalendar, finished: bool,
                   include_done: bool) -> Deadline | None:
    if step.done_on is not None and not include_done:
        return None
    holder = next((a for a in item.assignments if a.unit_id == step.unit_id), lead)
    anchor_day = item.assigned_on
    if step.anchor is Anchor.SIGNED and holder is not None and holder.signed_on is not None:
        anchor_day = holder.signed_on
    if anchor_day is None:
        return None
    roll = step.unit is not LengthUnit.WORKING_DAYS
    rule = Rule(DeadlineKind.CHECKLIST, step.anchor, step.length, step.unit, roll, note=step.name, id=step.entry_id)
    due = cal.due(anchor_day, step.length, step.unit, anchor_label=step.anchor.label, roll_forward=roll)
    return Deadline(item.id, DeadlineKind.CHECKLIST, rule, due, holder.unit_id if holder else None,
                    holder.unit_name if holder else "", step.done_on, finished=finished)


def _extended(deadline: Deadline, a: AssignmentFacts, rules: RuleSet, cal: WorkCalendar) -> Deadline:
    """The reply deadline moved by an approved extension, never past the cap."""
    if not (a.extension_approved_on and a.extension_months):
        return deadline
    base = deadline.due
    cap_rule = rules.get(DeadlineKind.EXTENSION_CAP)
    cap = cal.due(base.due, cap_rule.length, cap_rule.unit, anchor_label=Anchor.REPLY_DUE.label,
                  roll_forward=cap_rule.roll_forward)
    wanted = cal.due(base.due, a.extension_months, LengthUnit.MONTHS,
                     anchor_label=Anchor.REPLY_DUE.label, roll_forward=True)
    final = wanted if wanted.due <= cap.due else replace(cap, capped_from=wanted.due)
    text = (
        base.explanation(deadline.rule.label)
        + f"经 {format_day(a.extension_approved_on)} 批准延期 {a.extension_months} 个月（上限 "
        f"{cap_rule.length}{cap_rule.unit.label}，即 {format_day(cap.due)}）："
        + final.explanation()
    )
    return deadline._replace(due=final, extension=text)


def week_starts(as_of: date, weeks: int = 12) -> list[date]:
    """Mondays of the ``weeks`` weeks starting with the one holding ``as_of``."""
    monday = as_of - timedelta(days=as_of.weekday())
    return [monday + timedelta(weeks=i) for i in range(weeks)]


def next_year_missing(as_of: date, cal: WorkCalendar) -> bool:
    """From October on, warn when next year's holidays are not entered yet."""
    return as_of.month >= 10 and not cal.covers(as_of.year + 1)


__all__ = [
    "Anchor", "AssignmentFacts", "Bucket", "CommitmentFacts", "DEFAULT_RULES", "Deadline",
    "DeadlineKind", "ItemFacts", "StepFacts", "ReplyFacts", "Rule", "RuleSet", "add_months", "bucket_label",
    "bucket_of", "item_deadlines", "next_year_missing", "week_starts",
]
