"""回头看, the annual review (domain layer, pure Python): which items and commitments enter a year's
list and why, what a review must hold, the campaign's progress, and the report's figures.

The list of a year (domain.md §2 回头看, issue 8): every item of that year's sessions whose latest
reply is 已经解决 (is it really solved?), 正在解决 / 计划解决 (progress against its commitments) or
留作参考 (is there a way now?); every item of that year with a 不满意 rating; and every commitment
not yet done of that year or an earlier one (carried-over promises are tracked until kept). An item
can be on the list twice (已经解决 and 不满意): each question is answered on its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.enums import (
    CommitmentStatus,
    ItemKind,
    ResultCategory,
    ReviewCategory,
    ReviewOutcome,
)

NO_UNIT = "（未分办）"
UNIT_JOINER = "、"

#: The outcomes offered first for each category (all outcomes stay available).
SUGGESTED_OUTCOMES = {
    ReviewCategory.SOLVED: (ReviewOutcome.CONFIRMED, ReviewOutcome.NOT_SOLVED, ReviewOutcome.CHANGED),
    ReviewCategory.IN_PROGRESS: (ReviewOutcome.ON_TRACK, ReviewOutcome.FULFILLED, ReviewOutcome.DELAYED,
                                 ReviewOutcome.CHANGED),
    ReviewCategory.REFERENCE: (ReviewOutcome.STILL_INFEASIBLE, ReviewOutcome.NOW_FEASIBLE, ReviewOutcome.CHANGED),
    ReviewCategory.DISSATISFIED: (ReviewOutcome.RESOLVED, ReviewOutcome.NOT_SOLVED, ReviewOutcome.CHANGED),
    ReviewCategory.COMMITMENT: (ReviewOutcome.FULFILLED, ReviewOutcome.ON_TRACK, ReviewOutcome.DELAYED,
                                ReviewOutcome.CHANGED),
}

#: Outcomes after which the deputy should hear from the unit: a promise kept (落实告知), a delay,
#: or a situation that is not what the reply told them.
TELL_OUTCOMES = frozenset({ReviewOutcome.NOT_SOLVED, ReviewOutcome.FULFILLED, ReviewOutcome.DELAYED,
                           ReviewOutcome.NOW_FEASIBLE, ReviewOutcome.CHANGED})

_RESULT_CATEGORY = {
    ResultCategory.SOLVED: ReviewCategory.SOLVED,
    ResultCategory.SOLVING: ReviewCategory.IN_PROGRESS,
    ResultCategory.PLANNED: ReviewCategory.IN_PROGRESS,
    ResultCategory.REFERENCE: ReviewCategory.REFERENCE,
}


def campaign_title(year: int) -> str:
    return f"{year}年建议提案办理“回头看”"


def suggests_telling(outcome: ReviewOutcome | None) -> bool:
    return outcome in TELL_OUTCOMES


def outcome_choices(category: ReviewCategory) -> list[ReviewOutcome]:
    """Every outcome, the ones that fit ``category`` first."""
    first = list(SUGGESTED_OUTCOMES.get(category, ()))
    return first + [o for o in ReviewOutcome if o not in first]


# ---- which entries a year's list holds ------------------------------------------------------

@dataclass(frozen=True)
class CommitmentFact:
    id: int
    description: str
    status: CommitmentStatus
    due_on: date | None = None
    due_term: str = ""
    carried_to_year: int | None = None


@dataclass(frozen=True)
class ItemFact:
    """What the rules need to know of one item. ``year`` is its session's year; ``result`` the
    category of its latest reply; ``dissatisfied`` the ratings given as 不满意 (办理态度, 办理结果)."""

    item_id: int
    year: int
    result: ResultCategory | None
    dissatisfied: tuple[str, ...] = ()
    commitments: tuple[CommitmentFact, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """An entry the year's list must have; ``key`` identifies it across rebuilds."""

    key: str
    category: ReviewCategory
    item_id: int
    reason: str
    commitment_id: int | None = None
    subject: str = ""


def candidates(items, year: int, today: date) -> list[Candidate]:
    """The entries of ``year``'s list, in the order of ``items``: per item its result category,
    then 不满意, then its open commitments."""
    found: list[Candidate] = []
    for fact in items:
        if fact.year == year:
            category = _RESULT_CATEGORY.get(fact.result)
            if category is not None:
                found.append(Candidate(f"{category.value}:{fact.item_id}", category, fact.item_id,
                                       _result_reason(fact, today)))
            if fact.dissatisfied:
                found.append(Candidate(f"{ReviewCategory.DISSATISFIED.value}:{fact.item_id}",
                                       ReviewCategory.DISSATISFIED, fact.item_id,
                                       f"代表对{'、'.join(fact.dissatisfied)}评价为不满意"))
        if fact.year <= year:
            for c in fact.commitments:
                if c.status is not CommitmentStatus.DONE:
                    found.append(Candidate(f"{ReviewCategory.COMMITMENT.value}:{c.id}", ReviewCategory.COMMITMENT,
                                           fact.item_id, _commitment_reason(c, today), c.id, c.description))
    return found


def _result_reason(fact: ItemFact, today: date) -> str:
    text = f"答复结果为{fact.result.label}"
    if fact.result.needs_commitment:
        done = sum(1 for c in fact.commitments if c.status is CommitmentStatus.DONE)
        late = sum(1 for c in fact.commitments
                   if c.status is not CommitmentStatus.DONE and c.due_on is not None and c.due_on < today)
        text += f"；承诺 {len(fact.commitments)} 项，已落实 {done} 项" + (f"，逾期 {late} 项" if late else "")
        if not fact.commitments:
            text += "（答复中没有登记承诺事项）"
    elif fact.result is ResultCategory.REFERENCE and fact.commitments:
        # A 留作参考 reply that still promises something may be classed wrongly (domain.md §4).
        text += f"，但答复中有 {len(fact.commitments)} 项承诺事项：请复核办理结果的分类是否恰当"
    return text


def _commitment_reason(c: CommitmentFact, today: date) -> str:
    when = c.due_on.isoformat() if c.due_on else (c.due_term or "未写期限")
    text = f"承诺期限 {when}，尚未落实"
    if c.due_on is not None and c.due_on < today:
        text += "（已逾期）"
    if c.status is CommitmentStatus.CARRIED and c.carried_to_year:
        text += f"；已结转 {c.carried_to_year} 年跟踪"
    return text


# ---- a review --------------------------------------------------------------------------------

def review_problems(outcome: ReviewOutcome | None, note: str, reviewed_on: date | None, today: date,
                    told_on: date | None = None) -> list[str]:
    """What stops a review from being kept (empty: it can be kept)."""
    problems = []
    if outcome is None:
        problems.append("请选择回头看结果（如 确已解决、按承诺推进、进度滞后）。")
    if not (note or "").strip():
        problems.append("请写明回头看情况：核实了什么、现状如何。")
    if reviewed_on is None:
        problems.append("请填写回头看日期。")
    elif reviewed_on > today:
        problems.append(f"回头看日期 {reviewed_on.isoformat()} 在今天之后，请检查日期。")
    if told_on is not None and told_on > today:
        problems.append(f"告知代表的日期 {told_on.isoformat()} 在今天之后，请检查日期。")
    return problems


# ---- the campaign's entries, progress and report -----------------------------------------------

@dataclass(frozen=True)
class ReviewEntryRow:
    """One entry of a campaign as views, documents and sheets see it."""

    id: int
    campaign_id: int
    item_id: int
    category: ReviewCategory
    session_name: str
    number: str
    title: str
    kind: ItemKind
    lead_units: str
    reason: str = ""
    commitment_id: int | None = None
    subject: str = ""
    note: str = ""
    outcome: ReviewOutcome | None = None
    reviewed_on: date | None = None
    reviewer: str = ""
    tell_deputy: bool = False
    told_on: date | None = None
    is_secret: bool = False
    lead_proposer: str = ""
    version: int = 1  # as read: the optimistic lock checked when the review is saved

    @property
    def reviewed(self) -> bool:
        return self.outcome is not None and self.reviewed_on is not None

    @property
    def waiting_to_tell(self) -> bool:
        """Flagged for telling the deputy and not told yet."""
        return self.tell_deputy and self.told_on is None

    def units(self) -> list[str]:
        return [u for u in self.lead_units.split(UNIT_JOINER) if u.strip()] or [NO_UNIT]


@dataclass(frozen=True)
class Tally:
    """Entries and how many are reviewed, flagged for the deputy and told."""

    total: int = 0
    reviewed: int = 0
    flagged: int = 0
    told: int = 0

    @property
    def share(self) -> float:
        return self.reviewed / self.total if self.total else 0.0

    def shown(self) -> str:
        return f"{self.reviewed}/{self.total}"


def tally(entries) -> Tally:
    entries = list(entries)
    return Tally(len(entries), sum(e.reviewed for e in entries), sum(e.tell_deputy for e in entries),
                 sum(e.tell_deputy and e.told_on is not None for e in entries))


@dataclass(frozen=True)
class Progress:
    overall: Tally
    by_category: tuple[tuple[ReviewCategory, Tally], ...]

    def label(self) -> str:
        o = self.overall
        percent = f"{o.share:.0%}" if o.total else "—"
        return f"已回头看 {o.reviewed} / {o.total} 条（{percent}），需告知代表 {o.flagged} 条，已告知 {o.told} 条"


def progress(entries) -> Progress:
    entries = list(entries)
    return Progress(tally(entries), tuple((c, tally(e for e in entries if e.category is c)) for c in ReviewCategory))


@dataclass(frozen=True)
class UnitLine:
    unit: str
    counts: tuple[int, ...]  # per ReviewCategory, in enum order
    overall: Tally


@dataclass(frozen=True)
class ReviewReport:
    """The 回头看 report: counts by category and by 主办单位, outcomes, and the lists."""

    year: int
    title: str
    as_of: date
    entries: tuple[ReviewEntryRow, ...]
    progress: Progress
    by_unit: tuple[UnitLine, ...]
    outcomes: tuple[tuple[ReviewOutcome | None, int], ...] = field(default=())

    def listed(self, category: ReviewCategory) -> list[ReviewEntryRow]:
        """The entries of ``category`` that may leave the app (never a 涉密 item)."""
        return [e for e in self.entries if e.category is category and not e.is_secret]

    @property
    def secret_count(self) -> int:
        return sum(e.is_secret for e in self.entries)

    def flagged(self) -> list[ReviewEntryRow]:
        return [e for e in self.entries if e.tell_deputy and not e.is_secret]


def build_report(year: int, title: str, entries, as_of: date) -> ReviewReport:
    """Figures of a campaign's ``entries``: an entry counts for each of its item's lead units."""
    entries = tuple(entries)
    units: dict[str, list[ReviewEntryRow]] = {}
    for entry in entries:
        for unit in entry.units():
            units.setdefault(unit, []).append(entry)
    order = sorted(units, key=lambda u: (u == NO_UNIT, -len(units[u]), u))
    lines = tuple(UnitLine(u, tuple(sum(e.category is c for e in units[u]) for c in ReviewCategory), tally(units[u]))
                  for u in order)
    counter = Counter(e.outcome if e.reviewed else None for e in entries)
    outcomes = tuple((o, counter[o]) for o in [*ReviewOutcome, None] if counter[o])
    return ReviewReport(year, title, as_of, entries, progress(entries), lines, outcomes)


def entry_label(entry: ReviewEntryRow) -> str:
    """编号 and title as one line, e.g. 区二届人大五次会议 第15号 关于…的建议."""
    return f"{entry.session_name} {entry.number} {entry.title}"
