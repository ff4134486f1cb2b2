"""An item's deadline facts as of a day: what happened after it is taken out, what happened by it stays."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.deadlines import (
    DEFAULT_RULES,
    AssignmentFacts,
    CommitmentFacts,
    DeadlineKind,
    ItemFacts,
    ReplyFacts,
    RuleSet,
    item_deadlines,
)
from desktop_app.domain.enums import ItemKind, ItemStatus, ReturnOutcome, UnitRole
from desktop_app.domain.point_in_time import facts_as_of

from .fixture_calendar import fixture_calendar

AS_OF = date(2025, 7, 1)
RULES = RuleSet(DEFAULT_RULES)


@pytest.fixture(scope="module")
def cal():
    return fixture_calendar()


def open_kinds(facts, cal, as_of=AS_OF):
    return sorted((d.kind.value, d.unit_name, d.due_on.isoformat())
                  for d in item_deadlines(facts, RULES, cal) if d.done_on is None and d.is_open(as_of))


LEAD = AssignmentFacts(10, 1, "区教育局", UnitRole.LEAD, signed_on=date(2025, 3, 4),
                       extension_months=2, extension_approved_on=date(2025, 8, 1))
CO = AssignmentFacts(11, 2, "区住建委", UnitRole.CO, signed_on=date(2025, 3, 10), opinion_sent_on=date(2025, 7, 20))
LATE_LEAD = AssignmentFacts(12, 3, "区水务局", UnitRole.LEAD, assigned_on=date(2025, 9, 1))  # 调整分办
FACTS = ItemFacts(
    1, ItemKind.SUGGESTION, ItemStatus.CLOSED, date(2025, 3, 3), (LEAD, CO, LATE_LEAD),
    replies=(ReplyFacts(1, date(2025, 8, 20), 1), ReplyFacts(2, date(2025, 10, 9), 1)),
    dissatisfied=((1, date(2025, 9, 1)),),
    commitments=(CommitmentFacts(5, date(2025, 6, 30), 1, closed_on=date(2025, 7, 15), made_on=date(2025, 3, 20)),
                 CommitmentFacts(6, date(2025, 12, 31), 1, made_on=date(2025, 8, 20))),
)


def test_events_after_the_day_are_taken_out_and_the_item_was_still_open(cal):
    then = facts_as_of(FACTS, AS_OF, ItemStatus.HANDLING)

    assert then.status is ItemStatus.HANDLING
    assert then.replies == () and then.dissatisfied == ()
    assert [a.unit_name for a in then.assignments] == ["区教育局", "区住建委"]  # 区水务局 came later
    lead, co = then.assignments
    assert (lead.signed_on, lead.extension_months, lead.extension_approved_on) == (date(2025, 3, 4), None, None)
    assert co.opinion_sent_on is None
    assert [(c.id, c.closed_on) for c in then.commitments] == [(5, None)]  # 6 was promised on 2025-08-20
    assert open_kinds(then, cal) == [
        ("commitment", "区教育局", "2025-06-30"),  # kept only on 2025-07-15
        ("opinion", "区住建委", "2025-04-10"),  # sent only on 2025-07-20
        ("reply", "区教育局", "2025-06-03"),  # not yet extended (2025-08-01), not yet answered
    ]


def test_what_happened_by_the_day_stays(cal):
    later = date(2025, 9, 15)
    then = facts_as_of(FACTS, later, ItemStatus.REHANDLING)
    assert [r.round for r in then.replies] == [1] and then.dissatisfied == ((1, date(2025, 9, 1)),)
    assert [a.unit_name for a in then.assignments] == ["区教育局", "区住建委", "区水务局"]
    assert then.assignments[0] == LEAD and then.assignments[1] == CO
    assert [c.id for c in then.commitments] == [5, 6]
    # The 不满意 of 2025-09-01 calls for a second reply by 2025-10-09 (国庆 moved it), still open that day.
    second = [d for d in item_deadlines(then, RULES, cal) if d.kind is DeadlineKind.SECOND_REPLY]
    assert [(d.due_on, d.done_on) for d in second] == [(date(2025, 10, 9), None)]


def test_an_item_handed_over_after_the_day_has_no_deadline_yet(cal):
    then = facts_as_of(FACTS._replace(assigned_on=date(2025, 7, 2)), AS_OF)
    assert item_deadlines(then, RULES, cal) == []


def test_a_return_agreed_after_the_day_was_still_pending():
    asked = AssignmentFacts(10, 1, "区教育局", UnitRole.LEAD, signed_on=date(2025, 3, 4),
                            return_requested_on=date(2025, 3, 6), return_outcome=ReturnOutcome.APPROVED,
                            return_decided_on=date(2025, 7, 10))
    [then] = facts_as_of(FACTS._replace(assignments=(asked,)), AS_OF).assignments
    assert (then.return_requested_on, then.return_outcome, then.return_decided_on) == (date(2025, 3, 6), None, None)
    [later] = facts_as_of(FACTS._replace(assignments=(asked,)), date(2025, 7, 10)).assignments
    assert later == asked
