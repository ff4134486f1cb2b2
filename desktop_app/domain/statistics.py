"""办理情况统计: the handling figures offices are asked for, as of a date (domain layer, pure Python).

The service hands in one ``StatItem`` per item with everything already read from the database
(including the reply due date computed by the deadline rules); ``handling_report`` counts. Every
figure keeps the ids of the items behind it, so a view can show them in the case list.

Definitions (domain.md §7), all "as of" the chosen day — events after it are ignored:
- 应办件数: items assigned on or before the day, not 已退回 (an item without 交办日期 counts).
- 办复率 = items with a first reply dated on or before the day / 应办件数.
- 按期办复率 = items whose first reply is dated on or before its reply due date / 应办件数.
- 见面率 = replied items with a face-to-face contact on or before the first reply date / replied.
- 满意率 = 办理结果 rated 满意 or 基本满意 / feedback forms received (each co-signer's form counts,
  and the forms after re-handling count as well as the first ones); 不满意 is a count of forms.
- Result distribution: the latest reply's category; 解决采纳率 = 已经解决 + 正在解决 + 计划解决 / replied.
- 公开率 = replied items whose latest reply is 此件公开发布 / replied.
- 重新办理: items with a 不满意 办理结果; 二次答复: those with a second reply on or before the day.
- Commitments: open (未落实 or 结转下年, or closed after the day), overdue (open and promised before it);
  a commitment made in a reply dated after the day does not exist yet.
The service hands in each item's status as it was that day (an item 已退回 since still counts).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.enums import (
    CommitmentStatus,
    Disclosure,
    ItemKind,
    ItemStatus,
    Rating,
    ResultCategory,
)


@dataclass(frozen=True)
class StatReply:
    round: int
    replied_on: date | None
    result: ResultCategory | None = None
    disclosure: Disclosure = Disclosure.PUBLIC


@dataclass(frozen=True)
class StatFeedback:
    received_on: date | None
    outcome: Rating | None = None
    attitude: Rating | None = None


@dataclass(frozen=True)
class StatCommitment:
    id: int
    due_on: date | None
    status: CommitmentStatus
    closed_on: date | None = None
    made_on: date | None = None  # the date of the reply that promised it (None: not known)


@dataclass(frozen=True)
class StatItem:
    id: int
    kind: ItemKind
    session_name: str
    units: tuple[str, ...]  # lead (主办/分办) units; an item of two lead units counts in both
    status: ItemStatus
    assigned_on: date | None
    reply_due: date | None = None  # from the deadline rules, with an approved extension
    replies: tuple[StatReply, ...] = ()
    face_to_face: tuple[date, ...] = ()  # days of face-to-face contacts with the deputy
    feedback: tuple[StatFeedback, ...] = ()
    commitments: tuple[StatCommitment, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A count, what it is a share of (``base``; None for a plain count) and its items."""

    label: str
    count: int
    ids: frozenset[int] = frozenset()
    base: int | None = None

    @property
    def rate(self) -> float | None:
        if self.base is None:
            return None
        return self.count / self.base if self.base else None

    def shown(self) -> str:
        if self.base is None:
            return str(self.count)
        rate = self.rate
        percent = "—" if rate is None else f"{rate * 100:.1f}%"
        return f"{percent}（{self.count}/{self.base}）"


#: Figure keys in the order reports show them.
FIGURES = (
    ("total", "应办件数"),
    ("replied", "办复率"),
    ("on_time", "按期办复率"),
    ("met", "见面率"),
    ("satisfied", "满意率"),
    ("fully_satisfied", "满意"),
    ("fairly_satisfied", "基本满意"),
    ("dissatisfied", "不满意"),
    ("attitude_satisfied", "办理态度满意率"),
    ("adopted", "解决采纳率"),
    ("result_solved", "已经解决"),
    ("result_solving", "正在解决"),
    ("result_planned", "计划解决"),
    ("result_reference", "留作参考"),
    ("public", "公开率"),
    ("rehandled", "重新办理"),
    ("second_replied", "二次答复"),
    ("commitments_open", "未落实承诺事项"),
    ("commitments_overdue", "超期承诺事项"),
)
LABELS = dict(FIGURES)
DIMENSIONS = (("unit", "承办单位"), ("session", "届次"), ("kind", "类别"))


@dataclass(frozen=True)
class Report:
    as_of: date
    overall: dict[str, Figure]
    # (dimension, group name) → figures; dimension is "unit", "session" or "kind".
    groups: dict[tuple[str, str], dict[str, Figure]] = field(default_factory=dict)

    def group_names(self, dimension: str) -> list[str]:
        return [name for dim, name in self.groups if dim == dimension]


def handling_report(items, as_of: date) -> Report:
    """The figures over all ``items`` and per unit, session and kind."""
    counted = [i for i in items if _in_scope(i, as_of)]
    groups: dict[tuple[str, str], list[StatItem]] = defaultdict(list)
    for item in counted:
        for unit in item.units or ("（未定单位）",):
            groups[("unit", unit)].append(item)
        groups[("session", item.session_name)].append(item)
        groups[("kind", item.kind.label)].append(item)
    ordered = sorted(groups, key=lambda k: ([d for d, _l in DIMENSIONS].index(k[0]), k[1]))
    return Report(as_of, figures(counted, as_of), {k: figures(groups[k], as_of) for k in ordered})


def _in_scope(item: StatItem, as_of: date) -> bool:
    if item.status is ItemStatus.RETURNED:
        return False
    return item.assigned_on is None or item.assigned_on <= as_of


def figures(items: list[StatItem], as_of: date) -> dict[str, Figure]:
    """The figures over ``items`` (already in scope)."""
    ids: dict[str, set[int]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        ids["total"].add(item.id)
        replies = [r for r in item.replies if r.replied_on is not None and r.replied_on <= as_of]
        first = min((r.replied_on for r in replies if r.round == 1), default=None)
        if first is not None:
            ids["replied"].add(item.id)
            if item.reply_due is not None and first <= item.reply_due:
                ids["on_time"].add(item.id)
            if any(day <= first for day in item.face_to_face):
                ids["met"].add(item.id)
            latest = max(replies, key=lambda r: r.round)
            if latest.result is not None:
                ids[f"result_{latest.result.value}"].add(item.id)
                if latest.result is not ResultCategory.REFERENCE:
                    ids["adopted"].add(item.id)
            if latest.disclosure is Disclosure.PUBLIC:
                ids["public"].add(item.id)
        if any(r.round >= 2 for r in replies):
            ids["second_replied"].add(item.id)
        for form in item.feedback:
            if form.received_on is None or form.received_on > as_of:
                continue
            _count_form(form, item.id, ids, counts)
        for c in item.commitments:
            if c.made_on is not None and c.made_on > as_of:
                continue  # not promised yet
            still_open = c.status is not CommitmentStatus.DONE or (c.closed_on is not None and c.closed_on > as_of)
            if still_open:
                ids["commitments_open"].add(item.id)
                counts["commitments_open"] += 1
                if c.due_on is not None and c.due_on < as_of:
                    ids["commitments_overdue"].add(item.id)
                    counts["commitments_overdue"] += 1
    total, replied = len(ids["total"]), len(ids["replied"])
    forms, attitude_forms = counts["forms"], counts["attitude_forms"]
    base = {
        "replied": total, "on_time": total, "met": replied, "adopted": replied, "public": replied,
        "satisfied": forms, "attitude_satisfied": attitude_forms,
        **{f"result_{r.value}": replied for r in ResultCategory},
    }
    counted_by_form = {"satisfied", "fully_satisfied", "fairly_satisfied", "dissatisfied", "attitude_satisfied",
                       "commitments_open", "commitments_overdue"}
    out = {}
    for key, label in FIGURES:
        count = counts[key] if key in counted_by_form else len(ids[key])
        out[key] = Figure(label, count, frozenset(ids[key]), base.get(key))
    return out


def _count_form(form: StatFeedback, item_id: int, ids, counts) -> None:
    if form.outcome is not None:
        counts["forms"] += 1
        key = {Rating.SATISFIED: "fully_satisfied", Rating.FAIRLY_SATISFIED: "fairly_satisfied",
               Rating.DISSATISFIED: "dissatisfied"}[form.outcome]
        counts[key] += 1
        ids[key].add(item_id)
        if form.outcome is Rating.DISSATISFIED:
            ids["rehandled"].add(item_id)
        else:
            counts["satisfied"] += 1
            ids["satisfied"].add(item_id)
    if form.attitude is not None:
        counts["attitude_forms"] += 1
        if form.attitude is not Rating.DISSATISFIED:
            counts["attitude_satisfied"] += 1
            ids["attitude_satisfied"].add(item_id)
