"""An item's deadlines: one per assignment, extensions up to the cap, windows that close."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.calendar import LengthUnit, WorkCalendar
from desktop_app.domain.deadlines import (
    DEFAULT_RULES,
    Anchor,
    AssignmentFacts,
    Bucket,
    DeadlineKind,
    ItemFacts,
    ReplyFacts,
    Rule,
    RuleSet,
    bucket_of,
    item_deadlines,
    next_year_missing,
)
from desktop_app.domain.enums import ItemKind, ItemStatus, UnitRole

from .fixture_calendar import fixture_calendar

RULES = RuleSet(DEFAULT_RULES)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return fixture_calendar()


def item(*assignments, replies=(), kind=ItemKind.SUGGESTION, assigned=date(2025, 3, 3), **kw):
    return ItemFacts(1, kind, kw.pop("status", ItemStatus.HANDLING), assigned, tuple(assignments),
                     tuple(replies), **kw)


LEAD = AssignmentFacts(10, 1, "区教育局", UnitRole.LEAD, signed_on=date(2025, 3, 4))
CO = AssignmentFacts(11, 2, "区住建委", UnitRole.CO, signed_on=date(2025, 3, 10))


def by_kind(deadlines, kind, unit_id=None):
    return [d for d in deadlines if d.kind is kind and (unit_id is None or d.unit_id == unit_id)]


def test_the_co_units_opinion_and_the_lead_units_reply_are_separate_deadlines(cal):
    deadlines = item_deadlines(item(LEAD, CO), RULES, cal)
    [opinion] = by_kind(deadlines, DeadlineKind.OPINION)
    [reply] = by_kind(deadlines, DeadlineKind.REPLY)
    assert (opinion.unit_name, opinion.due_on) == ("区住建委", date(2025, 4, 10))
    assert (reply.unit_name, reply.due_on) == ("区教育局", date(2025, 6, 3))
    assert {d.unit_id for d in by_kind(deadlines, DeadlineKind.RETURN)} == {1, 2}


def test_an_unsigned_co_unit_counts_its_opinion_from_the_hand_over(cal):
    unsigned = AssignmentFacts(11, 2, "区住建委", UnitRole.CO)
    [opinion] = by_kind(item_deadlines(item(LEAD, unsigned), RULES, cal), DeadlineKind.OPINION)
    assert opinion.due.anchor == date(2025, 3, 3) and "交办日期" in opinion.explanation()


def test_an_approved_extension_moves_the_reply_due_date_but_never_past_the_cap(cal):
    two = AssignmentFacts(10, 1, "区教育局", UnitRole.LEAD, extension_months=2,
                          extension_approved_on=date(2025, 5, 20))
    [reply] = by_kind(item_deadlines(item(two), RULES, cal), DeadlineKind.REPLY)
    assert reply.due_on == date(2025, 8, 4)  # 6月3日 + 2 个月 = 8月3日(日) → 8月4日
    assert "批准延期 2 个月" in reply.explanation()
    six = AssignmentFacts(10, 1, "区教育局", UnitRole.LEAD, extension_months=6,
                          extension_approved_on=date(2025, 5, 20))
    [capped] = by_kind(item_deadlines(item(six), RULES, cal), DeadlineKind.REPLY)
    assert capped.due_on == date(2025, 9, 3)  # 6月3日 + 3 个月上限
    assert capped.due.capped_from == date(2025, 12, 3)
    assert "超过延期上限" in capped.explanation()


def test_a_requested_but_unapproved_extension_changes_nothing(cal):
    asked = AssignmentFacts(10, 1, "区教育局", UnitRole.LEAD, extension_months=2)
    [reply] = by_kind(item_deadlines(item(asked), RULES, cal), DeadlineKind.REPLY)
    assert reply.due_on == date(2025, 6, 3)


def test_a_reply_closes_the_reply_deadline_and_a_proposal_rule_applies_to_proposals(cal):
    rules = RuleSet([*DEFAULT_RULES[:3], Rule(DeadlineKind.REPLY, Anchor.ASSIGNED, 2, LengthUnit.MONTHS,
                                             item_kind=ItemKind.PROPOSAL)])
    deadlines = item_deadlines(item(LEAD, kind=ItemKind.PROPOSAL,
                                    replies=[ReplyFacts(1, date(2025, 4, 30), 1)]), rules, cal)
    [reply] = by_kind(deadlines, DeadlineKind.REPLY)
    assert reply.due_on == date(2025, 5, 6)  # 5月3日(六) 劳动节 → 5月6日
    assert reply.done_on == date(2025, 4, 30) and not reply.is_open(date(2025, 6, 1))


def test_the_return_window_closes_when_it_passes_instead_of_becoming_overdue(cal):
    [window] = by_kind(item_deadlines(item(LEAD), RULES, cal), DeadlineKind.RETURN)
    assert window.due_on == date(2025, 3, 13)
    assert window.is_open(date(2025, 3, 13)) and not window.is_open(date(2025, 3, 14))


def test_a_closed_item_has_no_open_deadlines(cal):
    deadlines = item_deadlines(item(LEAD, CO, status=ItemStatus.CLOSED), RULES, cal)
    assert deadlines and not any(d.is_open(date(2025, 3, 5)) for d in deadlines)


def test_dissatisfied_feedback_opens_a_second_reply_deadline(cal):
    facts = item(LEAD, replies=[ReplyFacts(1, date(2025, 5, 6), 1)], dissatisfied=((1, date(2025, 5, 31)),))
    [second] = by_kind(item_deadlines(facts, RULES, cal), DeadlineKind.SECOND_REPLY)
    assert second.due_on == date(2025, 6, 30) and second.unit_name == "区教育局"


def test_each_dissatisfied_round_has_its_own_reply_deadline(cal):
    """Round 1 rated 不满意 on 5-31 → reply 2 due 6-30 (met 6-20); round 2 rated 不满意 on 7-10 →
    reply 3 due 8-10, a Sunday, so 8-11 (still open)."""
    facts = item(LEAD, replies=[ReplyFacts(1, date(2025, 5, 6), 1), ReplyFacts(2, date(2025, 6, 20), 1)],
                 dissatisfied=((1, date(2025, 5, 31)), (2, date(2025, 7, 10))))
    second, third = by_kind(item_deadlines(facts, RULES, cal), DeadlineKind.SECOND_REPLY)
    assert (second.due_on, second.done_on) == (date(2025, 6, 30), date(2025, 6, 20))
    assert (third.due_on, third.done_on) == (date(2025, 8, 11), None)


def test_a_unit_assigned_later_runs_its_reply_deadline_from_its_own_date(cal):
    """调整分办: the item was handed over 2025-03-03; the new lead unit got it on 2025-04-15, so its
    reply is due three months from then (2025-07-15), not 2025-06-03."""
    moved = AssignmentFacts(12, 3, "区水务局", UnitRole.LEAD, assigned_on=date(2025, 4, 15))
    [reply] = by_kind(item_deadlines(item(moved), RULES, cal), DeadlineKind.REPLY)
    assert reply.due_on == date(2025, 7, 15)
    [original] = by_kind(item_deadlines(item(LEAD), RULES, cal), DeadlineKind.REPLY)
    assert original.due_on == date(2025, 6, 3)


@pytest.mark.parametrize(("days", "bucket"), [(-1, Bucket.OVERDUE), (0, Bucket.SOON), (3, Bucket.SOON),
                                              (4, Bucket.WEEK), (14, Bucket.FORTNIGHT), (15, Bucket.LATER)])
def test_buckets_follow_the_thresholds(days, bucket):
    assert bucket_of(days) is bucket


def test_next_years_holidays_are_asked_for_from_october(cal):
    assert not next_year_missing(date(2026, 9, 30), cal)
    assert next_year_missing(date(2026, 10, 1), cal)
    assert not next_year_missing(date(2025, 10, 1), cal)
