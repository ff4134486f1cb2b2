"""办理情况统计: the handling figures offices are asked for, as of a date (domain layer, pure Python).

The service hands in one ``StatItem`` per item with everything already read from the database
(the reply due date, each 会办意见's due date and each public reply's publication due date computed
by the deadline rules); ``handling_report`` counts. Every figure keeps the ids of the items behind
its numerator and behind its base, so a view can list either, and carries its definition
(``DEFINITIONS``), which every place that shows the figure shows beside it (domain.md §7).

All figures are "as of" the chosen day: events dated after it are ignored. A period (this year, a
session, or two dates) narrows the items to those assigned in it. Each definition is one function
below (``assigned``, ``replied_on``, ``on_time``, ``met``, ``final_rating``, ``published``,
``opinion_on_time``) with its own tests.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.calendar import format_day
from desktop_app.domain.enums import (
    CommitmentStatus,
    ContactWay,
    Disclosure,
    ItemKind,
    ItemStatus,
    Rating,
    ResultCategory,
)

#: The contact kinds that count toward 见面率 (专题会议 is joint handling among units, 电话 is not
#: meeting anyone).
FACE_TO_FACE_WAYS = frozenset({ContactWay.MEETING, ContactWay.FORUM, ContactWay.FIELD_RESEARCH,
                               ContactWay.ON_SITE_OFFICE, ContactWay.INSPECTION})

#: How an item's final rating is taken from its last feedback round (a setting).
RATING_LEAD = "lead"    # the lead deputy's form (the worst of the round when the lead sent none)
RATING_WORST = "worst"  # the worst form of the round
RATING_RULES = {RATING_LEAD: "领衔代表的评价", RATING_WORST: "该轮最差的评价"}

_SEVERITY = {Rating.SATISFIED: 0, Rating.FAIRLY_SATISFIED: 1, Rating.DISSATISFIED: 2}


@dataclass(frozen=True)
class StatReply:
    """A finalised reply (a draft never reaches the statistics)."""

    round: int
    replied_on: date | None
    result: ResultCategory | None = None
    disclosure: Disclosure = Disclosure.PUBLIC
    published_on: date | None = None  # 公开发布记录
    publish_due: date | None = None  # 20 working days after replying (deadline rules)


@dataclass(frozen=True)
class StatContact:
    day: date
    way: ContactWay
    deputy_present: bool = True  # 代表参加: the deputy or a co-signer took part


@dataclass(frozen=True)
class StatFeedback:
    received_on: date | None
    outcome: Rating | None = None
    attitude: Rating | None = None
    round: int = 1  # the reply round the form answers
    lead: bool = True  # the lead deputy's (领衔) form; False: a co-signer's


@dataclass(frozen=True)
class StatOpinion:
    """A 会办 unit's opinion on an item: when it was due and when it was sent."""

    unit: str
    due_on: date | None
    sent_on: date | None = None


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
    units: tuple[str, ...]  # the final lead (主办/分办) units; an item of two lead units counts in both
    status: ItemStatus
    assigned_on: date | None
    reply_due: date | None = None  # from the deadline rules, with an approved extension
    replies: tuple[StatReply, ...] = ()
    contacts: tuple[StatContact, ...] = ()
    feedback: tuple[StatFeedback, ...] = ()
    commitments: tuple[StatCommitment, ...] = ()
    opinions: tuple[StatOpinion, ...] = ()  # 会办 units
    is_secret: bool = False


@dataclass(frozen=True)
class Figure:
    """A count, what it is a share of (``base``; None for a plain count), the items behind each,
    and the figure's definition."""

    label: str
    count: int
    ids: frozenset[int] = frozenset()
    base: int | None = None
    base_ids: frozenset[int] = frozenset()
    definition: str = ""

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
    ("satisfied", "满意率（按件）"),
    ("fully_satisfied", "满意（按件）"),
    ("fairly_satisfied", "基本满意（按件）"),
    ("dissatisfied", "不满意（按件）"),
    ("attitude_satisfied", "办理态度满意率（按件）"),
    ("forms_satisfied", "满意率（按人次）"),
    ("forms_dissatisfied", "不满意（按人次）"),
    ("adopted", "解决采纳率"),
    ("result_solved", "已经解决"),
    ("result_solving", "正在解决"),
    ("result_planned", "计划解决"),
    ("result_reference", "留作参考"),
    ("first_solved", "首次答复已经解决"),
    ("first_solving", "首次答复正在解决"),
    ("first_planned", "首次答复计划解决"),
    ("first_reference", "首次答复留作参考"),
    ("public", "公开率"),
    ("public_overdue", "逾期未公开"),
    ("rehandled", "重新办理"),
    ("second_replied", "二次答复"),
    ("co_handled", "会办件数"),
    ("co_on_time", "会办意见按期率"),
    ("commitments_open", "未落实承诺事项"),
    ("commitments_overdue", "超期承诺事项"),
    ("commitments_kept", "承诺事项按期落实率"),
)
LABELS = dict(FIGURES)
#: The figures in groups small enough to stand side by side on a 1366-px screen (the view's
#: 指标 choice; the printed report's tables).
FIGURE_GROUPS = (
    ("办理情况", ("total", "replied", "on_time", "met", "public", "public_overdue", "co_handled", "co_on_time",
                 "commitments_open", "commitments_overdue", "commitments_kept")),
    ("满意情况", ("satisfied", "fully_satisfied", "fairly_satisfied", "dissatisfied", "attitude_satisfied",
                 "forms_satisfied", "forms_dissatisfied", "rehandled", "second_replied")),
    ("办理结果", ("adopted", "result_solved", "result_solving", "result_planned", "result_reference",
                 "first_solved", "first_solving", "first_planned", "first_reference")),
)
DIMENSIONS = (("unit", "承办单位"), ("session", "届次"), ("kind", "类别"))

_ROUND_RATING = "每件的评价取最后一轮反馈中{rule}"
DEFINITIONS = {
    "total": "截至统计日已交办的件数；退回后调整分办的件只计一次，计在最终承办单位；已退回的不计。",
    "replied": "已有定稿主办答复（答复日期不晚于统计日）的件数 ÷ 应办件数。",
    "on_time": "在到期日（含经批准的延期）当日或之前答复的件数 ÷ 截至统计日已到期的件数加上提前答复的件数；"
               "尚未到期且未答复的件不计为逾期，也不计入分母。",
    "met": "交办之后、答复之前（含当日）与代表有过见面、座谈、实地调研、现场办公或视察，且代表（或联名代表）本人参加的件数"
           " ÷ 已答复件数；电话、专题会议及交办前的沟通不计。",
    "satisfied": "办理结果评价为满意或基本满意的件数 ÷ 已收到反馈的件数；" + _ROUND_RATING + "。",
    "fully_satisfied": "办理结果评价为满意的件数 ÷ 已收到反馈的件数；" + _ROUND_RATING + "。",
    "fairly_satisfied": "办理结果评价为基本满意的件数 ÷ 已收到反馈的件数；" + _ROUND_RATING + "。",
    "dissatisfied": "办理结果评价为不满意的件数 ÷ 已收到反馈的件数；" + _ROUND_RATING + "。",
    "attitude_satisfied": "办理态度评价为满意或基本满意的件数 ÷ 已评价办理态度的件数；" + _ROUND_RATING + "。",
    "forms_satisfied": "办理结果评价为满意或基本满意的反馈表份数 ÷ 已收到的反馈表份数"
                       "（每位联名代表一份，重新办理后的各轮也计入）。",
    "forms_dissatisfied": "办理结果评价为不满意的反馈表份数 ÷ 已收到的反馈表份数。",
    "adopted": "最终答复为已经解决、正在解决或计划解决的件数 ÷ 已答复件数。",
    "result_solved": "最终答复（最后一轮定稿答复）为已经解决的件数 ÷ 已答复件数。",
    "result_solving": "最终答复为正在解决的件数 ÷ 已答复件数。",
    "result_planned": "最终答复为计划解决的件数 ÷ 已答复件数。",
    "result_reference": "最终答复为留作参考的件数 ÷ 已答复件数。",
    "first_solved": "首次答复为已经解决的件数 ÷ 已答复件数。",
    "first_solving": "首次答复为正在解决的件数 ÷ 已答复件数。",
    "first_planned": "首次答复为计划解决的件数 ÷ 已答复件数。",
    "first_reference": "首次答复为留作参考的件数 ÷ 已答复件数。",
    "public": "已有公开发布记录（发布日期不晚于统计日）的件数 ÷ 定稿答复标注“此件公开发布”的件数；涉密件不计入分子和分母。",
    "public_overdue": "定稿答复标注“此件公开发布”、答复后20个工作日仍未公开发布的件数（涉密件不计）。",
    "rehandled": "有一轮反馈评价为不满意或已有第二轮答复的件数。",
    "second_replied": "截至统计日已有第二轮（重新办理）定稿答复的件数。",
    "co_handled": "作为会办单位承担的会办意见份数（按单位统计时为该单位的会办件数）。",
    "co_on_time": "在到期日当日或之前发出的会办意见份数 ÷ 截至统计日已到期的会办意见份数加上提前发出的份数。",
    "commitments_open": "截至统计日尚未落实（含结转下年）的承诺事项条数。",
    "commitments_overdue": "截至统计日尚未落实且承诺日期已过的承诺事项条数。",
    "commitments_kept": "承诺日期不晚于统计日的承诺事项中，已在统计日前落实的条数 ÷ 承诺日期不晚于统计日的条数。",
}


def definition(key: str, rating_rule: str = RATING_LEAD) -> str:
    """The definition of figure ``key`` as shown beside it."""
    rule = "领衔代表的评价（领衔代表未反馈时取该轮最差的评价）" if rating_rule == RATING_LEAD else "最差的一份评价"
    return DEFINITIONS[key].replace("{rule}", rule)


@dataclass(frozen=True)
class Period:
    """The items counted: those assigned between ``start`` and ``end`` (either open), or of one
    session. ``label`` names it in reports (e.g. 2024年度, 区二届人大五次会议, 2024年1月1日至6月30日)."""

    label: str
    start: date | None = None
    end: date | None = None
    session: str | None = None

    def holds(self, item: StatItem) -> bool:
        if self.session is not None and item.session_name != self.session:
            return False
        if self.start is None and self.end is None:
            return True
        day = item.assigned_on
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def make_period(start: date | None = None, end: date | None = None, session: str | None = None) -> Period | None:
    """The period of the items assigned from ``start`` to ``end`` or of ``session`` (None: all
    items), named as reports print it: 2024年度 for a whole calendar year, the session's name, or
    the two dates."""
    session = (session or "").strip() or None
    if start is None and end is None:
        return None if session is None else Period(session, session=session)
    if start is not None and end is not None and start.year == end.year and (start.month, start.day) == (1, 1) \
            and (end.month, end.day) == (12, 31):
        label = f"{start.year}年度"
    elif start is not None and end is not None:
        label = f"{format_day(start)}至{format_day(end)}交办的件"
    elif start is not None:
        label = f"{format_day(start)}以来交办的件"
    else:
        label = f"{format_day(end)}以前交办的件"
    if session is not None:
        label = f"{session}（{label}）"
    return Period(label, start, end, session)


@dataclass(frozen=True)
class Report:
    as_of: date
    overall: dict[str, Figure]
    # (dimension, group name) → figures; dimension is "unit", "session" or "kind".
    groups: dict[tuple[str, str], dict[str, Figure]] = field(default_factory=dict)
    period: Period | None = None
    rating_rule: str = RATING_LEAD
    # How 政协提案 are counted (不立案 apart, 并案 as the office set it); "" when there are none.
    counting_note: str = ""

    def group_names(self, dimension: str) -> list[str]:
        return [name for dim, name in self.groups if dim == dimension]


# --- the definitions, one function each -------------------------------------------------------


def assigned(item: StatItem, as_of: date) -> bool:
    """应办: assigned on or before the day (an item without 交办日期 counts) and not 已退回 that day."""
    if item.status is ItemStatus.RETURNED:
        return False
    return item.assigned_on is None or item.assigned_on <= as_of


def replied_on(item: StatItem, as_of: date) -> date | None:
    """The day of the item's first finalised lead reply, if given on or before the day."""
    return min((r.replied_on for r in item.replies
                if r.round == 1 and r.replied_on is not None and r.replied_on <= as_of), default=None)


def on_time(item: StatItem, as_of: date) -> tuple[bool, bool]:
    """(in the base, in the numerator) of 按期办复率: the base holds the items due on or before the
    day and those replied already (early or late); a reply on or before the due date is on time.
    An item not yet due and not replied is in neither; one without a due date is on time if replied."""
    first = replied_on(item, as_of)
    due = item.reply_due
    if first is None:
        return (due is not None and due <= as_of), False
    return True, due is None or first <= due


def met(item: StatItem, as_of: date) -> bool:
    """见面: a face-to-face contact the deputy (or a co-signer) took part in, dated between 交办 and
    the first reply (both days included)."""
    first = replied_on(item, as_of)
    if first is None:
        return False
    return any(c.way in FACE_TO_FACE_WAYS and c.deputy_present and c.day <= first
               and (item.assigned_on is None or c.day >= item.assigned_on) for c in item.contacts)


def round_ratings(item: StatItem, as_of: date, rating_rule: str = RATING_LEAD,
                  attitude: bool = False) -> dict[int, Rating]:
    """Per feedback round received by the day, the item's rating for that round: the lead
    deputy's form (``RATING_LEAD``; the worst of the round when the lead sent none) or the worst form
    (``RATING_WORST``). ``attitude``: the 办理态度 rating instead of the 办理结果."""
    forms: dict[int, list[StatFeedback]] = defaultdict(list)
    for f in item.feedback:
        rating = f.attitude if attitude else f.outcome
        if f.received_on is not None and f.received_on <= as_of and rating is not None:
            forms[f.round].append(f)
    out: dict[int, Rating] = {}
    for rnd, held in forms.items():
        ratings = [(f.attitude if attitude else f.outcome) for f in held]
        lead = [(f.attitude if attitude else f.outcome) for f in held if f.lead]
        if rating_rule == RATING_LEAD and lead:
            out[rnd] = lead[0]
        else:
            out[rnd] = max(ratings, key=_SEVERITY.__getitem__)
    return out


def final_rating(item: StatItem, as_of: date, rating_rule: str = RATING_LEAD, attitude: bool = False) -> Rating | None:
    """满意率 按件: the item's rating in its last feedback round (None: no feedback by the day)."""
    ratings = round_ratings(item, as_of, rating_rule, attitude)
    return ratings[max(ratings)] if ratings else None


def public_replies(item: StatItem, as_of: date) -> list[StatReply]:
    """The finalised replies given by the day and marked 此件公开发布 (none for a 涉密 item)."""
    if item.is_secret:
        return []
    return [r for r in item.replies
            if r.disclosure is Disclosure.PUBLIC and r.replied_on is not None and r.replied_on <= as_of]


def published(item: StatItem, as_of: date) -> tuple[bool, bool, bool]:
    """(in the 公开率 base, published by the day, overdue): overdue when no public reply has been
    published and a public reply's publication due date (20 working days) passed before the day."""
    held = public_replies(item, as_of)
    if not held:
        return False, False, False
    done = any(r.published_on is not None and r.published_on <= as_of for r in held)
    late = not done and any(r.publish_due is not None and r.publish_due < as_of for r in held)
    return True, done, late


def opinion_on_time(opinion: StatOpinion, as_of: date) -> tuple[bool, bool]:
    """(in the base, on time) of 会办意见按期率, like 按期办复率: due by the day or already sent."""
    sent = opinion.sent_on if opinion.sent_on is not None and opinion.sent_on <= as_of else None
    if sent is None:
        return (opinion.due_on is not None and opinion.due_on <= as_of), False
    return True, opinion.due_on is None or sent <= opinion.due_on


# --- counting ----------------------------------------------------------------------------------

NO_UNIT = "（未定单位）"


def handling_report(items, as_of: date, period: Period | None = None, rating_rule: str = RATING_LEAD) -> Report:
    """The figures over all ``items`` (those of ``period``) and per unit, session and kind. A unit's
    row counts its lead items and, in the 会办 columns, its 会办 opinions."""
    counted = [i for i in items if assigned(i, as_of) and (period is None or period.holds(i))]
    groups: dict[tuple[str, str], list[StatItem]] = defaultdict(list)
    co: dict[str, list[tuple[int, StatOpinion]]] = defaultdict(list)
    for item in counted:
        for unit in item.units or (NO_UNIT,):
            groups[("unit", unit)].append(item)
        for opinion in item.opinions:
            co[opinion.unit].append((item.id, opinion))
            groups.setdefault(("unit", opinion.unit), [])
        groups[("session", item.session_name)].append(item)
        groups[("kind", item.kind.label)].append(item)
    ordered = sorted(groups, key=lambda k: ([d for d, _l in DIMENSIONS].index(k[0]), k[1]))
    out = {}
    for key in ordered:
        opinions = co.get(key[1], []) if key[0] == "unit" else None
        out[key] = figures(groups[key], as_of, rating_rule, opinions)
    return Report(as_of, figures(counted, as_of, rating_rule), out, period, rating_rule)


def figures(items: list[StatItem], as_of: date, rating_rule: str = RATING_LEAD,
            opinions: list[tuple[int, StatOpinion]] | None = None) -> dict[str, Figure]:
    """The figures over ``items`` (already in scope). ``opinions``: the 会办 opinions counted (by
    default every opinion on ``items``)."""
    ids: dict[str, set[int]] = defaultdict(set)
    bases: dict[str, set[int]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        ids["total"].add(item.id)
        first = replied_on(item, as_of)
        due_base, in_time = on_time(item, as_of)
        if due_base:
            bases["on_time"].add(item.id)
        if in_time:
            ids["on_time"].add(item.id)
        replies = [r for r in item.replies if r.replied_on is not None and r.replied_on <= as_of]
        if first is not None:
            ids["replied"].add(item.id)
            if met(item, as_of):
                ids["met"].add(item.id)
            latest = max(replies, key=lambda r: r.round)
            if latest.result is not None:
                ids[f"result_{latest.result.value}"].add(item.id)
                if latest.result is not ResultCategory.REFERENCE:
                    ids["adopted"].add(item.id)
            opening = min((r for r in replies if r.round == 1), key=lambda r: r.replied_on)
            if opening.result is not None:
                ids[f"first_{opening.result.value}"].add(item.id)
        in_base, done, late = published(item, as_of)
        if in_base:
            bases["public"].add(item.id)
        if done:
            ids["public"].add(item.id)
        if late:
            ids["public_overdue"].add(item.id)
        if any(r.round >= 2 for r in replies):
            ids["second_replied"].add(item.id)
            ids["rehandled"].add(item.id)
        if Rating.DISSATISFIED in round_ratings(item, as_of, rating_rule).values():
            ids["rehandled"].add(item.id)
        _count_ratings(item, as_of, rating_rule, ids, bases, counts)
        _count_commitments(item, as_of, ids, bases, counts)
    if opinions is None:
        opinions = [(item.id, o) for item in items for o in item.opinions]
    for item_id, opinion in opinions:
        counts["co_handled"] += 1
        ids["co_handled"].add(item_id)
        in_base, in_time = opinion_on_time(opinion, as_of)
        if in_base:
            counts["co_on_time_base"] += 1
            bases["co_on_time"].add(item_id)
        if in_time:
            counts["co_on_time"] += 1
            ids["co_on_time"].add(item_id)
    total, replied = ids["total"], ids["replied"]
    base_ids = {
        "replied": total, "on_time": bases["on_time"], "met": replied, "adopted": replied,
        "public": bases["public"], "satisfied": bases["rated"], "fully_satisfied": bases["rated"],
        "fairly_satisfied": bases["rated"], "dissatisfied": bases["rated"],
        "attitude_satisfied": bases["attitude_rated"], "forms_satisfied": bases["forms"],
        "forms_dissatisfied": bases["forms"], "co_on_time": bases["co_on_time"],
        "commitments_kept": bases["commitments_kept"],
        **{f"result_{r.value}": replied for r in ResultCategory},
        **{f"first_{r.value}": replied for r in ResultCategory},
    }
    # Figures counting forms, opinions or commitments rather than items: (count key, base key).
    by_count = {"forms_satisfied": ("forms_satisfied", "forms"), "forms_dissatisfied": ("forms_dissatisfied", "forms"),
                "co_handled": ("co_handled", None), "co_on_time": ("co_on_time", "co_on_time_base"),
                "commitments_open": ("commitments_open", None), "commitments_overdue": ("commitments_overdue", None),
                "commitments_kept": ("commitments_kept", "commitments_kept_base")}
    out = {}
    for key, label in FIGURES:
        text = definition(key, rating_rule)
        if key in by_count:
            count_key, base_key = by_count[key]
            base = counts[base_key] if base_key else None
            out[key] = Figure(label, counts[count_key], frozenset(ids[key]), base,
                              frozenset(base_ids.get(key, ())), text)
        elif key in base_ids:
            out[key] = Figure(label, len(ids[key]), frozenset(ids[key]), len(base_ids[key]),
                              frozenset(base_ids[key]), text)
        else:
            out[key] = Figure(label, len(ids[key]), frozenset(ids[key]), None, frozenset(), text)
    return out


def _count_ratings(item: StatItem, as_of: date, rating_rule: str, ids, bases, counts) -> None:
    outcome = final_rating(item, as_of, rating_rule)
    if outcome is not None:
        bases["rated"].add(item.id)
        key = {Rating.SATISFIED: "fully_satisfied", Rating.FAIRLY_SATISFIED: "fairly_satisfied",
               Rating.DISSATISFIED: "dissatisfied"}[outcome]
        ids[key].add(item.id)
        if outcome is not Rating.DISSATISFIED:
            ids["satisfied"].add(item.id)
    attitude = final_rating(item, as_of, rating_rule, attitude=True)
    if attitude is not None:
        bases["attitude_rated"].add(item.id)
        if attitude is not Rating.DISSATISFIED:
            ids["attitude_satisfied"].add(item.id)
    for form in item.feedback:
        if form.received_on is None or form.received_on > as_of or form.outcome is None:
            continue
        counts["forms"] += 1
        bases["forms"].add(item.id)
        if form.outcome is Rating.DISSATISFIED:
            counts["forms_dissatisfied"] += 1
            ids["forms_dissatisfied"].add(item.id)
        else:
            counts["forms_satisfied"] += 1
            ids["forms_satisfied"].add(item.id)


def _count_commitments(item: StatItem, as_of: date, ids, bases, counts) -> None:
    for c in item.commitments:
        if c.made_on is not None and c.made_on > as_of:
            continue  # not promised yet
        kept = c.status is CommitmentStatus.DONE and (c.closed_on is None or c.closed_on <= as_of)
        if not kept:
            ids["commitments_open"].add(item.id)
            counts["commitments_open"] += 1
            if c.due_on is not None and c.due_on < as_of:
                ids["commitments_overdue"].add(item.id)
                counts["commitments_overdue"] += 1
        if c.due_on is not None and c.due_on <= as_of:
            counts["commitments_kept_base"] += 1
            bases["commitments_kept"].add(item.id)
            if kept:
                counts["commitments_kept"] += 1
                ids["commitments_kept"].add(item.id)
