"""办理情况统计 on a hand-made set of items whose figures were counted by hand."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.enums import CommitmentStatus, Disclosure, ItemKind, ItemStatus, Rating, ResultCategory
from desktop_app.domain.statistics import StatCommitment, StatFeedback, StatItem, StatReply, handling_report

S, P = ItemKind.SUGGESTION, ItemKind.PROPOSAL
OPEN, DONE = CommitmentStatus.OPEN, CommitmentStatus.DONE
GOOD, FAIR, BAD = Rating.SATISFIED, Rating.FAIRLY_SATISFIED, Rating.DISSATISFIED
TRAFFIC, FARM = "区交通委", "区农业农村委"

ITEMS = [
    # 1: replied on time after meeting the deputy; two co-signers 满意 / 基本满意.
    StatItem(1, S, "人大五次", (TRAFFIC,), ItemStatus.FEEDBACK, date(2024, 2, 20), date(2024, 5, 20),
             (StatReply(1, date(2024, 5, 10), ResultCategory.SOLVED, Disclosure.PUBLIC),),
             (date(2024, 4, 1),),
             (StatFeedback(date(2024, 5, 20), GOOD, GOOD), StatFeedback(date(2024, 5, 21), FAIR, GOOD))),
    # 2: late reply, met only after replying, 不满意 → second reply, then 满意; three commitments.
    StatItem(2, S, "人大五次", (TRAFFIC,), ItemStatus.TRACKING, date(2024, 2, 20), date(2024, 5, 20),
             (StatReply(1, date(2024, 6, 1), ResultCategory.SOLVING, Disclosure.NOT_PUBLIC),
              StatReply(2, date(2024, 6, 25), ResultCategory.SOLVING, Disclosure.PUBLIC)),
             (date(2024, 6, 5),),
             (StatFeedback(date(2024, 6, 10), BAD, FAIR), StatFeedback(date(2024, 6, 28), GOOD, None)),
             (StatCommitment(21, date(2024, 6, 1), OPEN), StatCommitment(22, date(2024, 12, 31), OPEN),
              StatCommitment(23, date(2024, 6, 15), DONE, date(2024, 6, 20)))),
    # 3: not replied yet.
    StatItem(3, P, "政协三次", (FARM,), ItemStatus.HANDLING, date(2024, 3, 1), date(2024, 6, 3)),
    # 4: returned — never counted.
    StatItem(4, P, "政协三次", (FARM,), ItemStatus.RETURNED, date(2024, 3, 1), date(2024, 6, 3)),
    # 5: assigned after the day — not counted yet.
    StatItem(5, S, "人大五次", (TRAFFIC, FARM), ItemStatus.PENDING, date(2024, 7, 5)),
    # 6: replied on the due day, met the same day; feedback and closing come after the day.
    StatItem(6, P, "政协三次", (FARM,), ItemStatus.TRACKING, date(2024, 3, 1), date(2024, 6, 3),
             (StatReply(1, date(2024, 6, 3), ResultCategory.REFERENCE, Disclosure.ON_REQUEST),),
             (date(2024, 6, 3),), (StatFeedback(date(2024, 7, 10), BAD, BAD),),
             (StatCommitment(61, date(2024, 6, 15), DONE, date(2024, 7, 5)),)),
]


@pytest.fixture
def report():
    return handling_report(ITEMS, date(2024, 6, 30))


def figure(figures, key):
    f = figures[key]
    return f.count, f.base, set(f.ids)


def test_reply_rates_count_only_items_due_as_of_the_day(report):
    o = report.overall
    assert figure(o, "total") == (4, None, {1, 2, 3, 6})
    assert figure(o, "replied") == (3, 4, {1, 2, 6})
    assert figure(o, "on_time") == (2, 4, {1, 6})
    assert o["replied"].rate == pytest.approx(0.75) and o["replied"].shown() == "75.0%（3/4）"


def test_meeting_rate_needs_a_face_to_face_contact_on_or_before_the_reply(report):
    assert figure(report.overall, "met") == (2, 3, {1, 6})


def test_satisfaction_counts_every_form_including_those_after_rehandling(report):
    o = report.overall
    assert figure(o, "satisfied") == (3, 4, {1, 2})
    assert figure(o, "fully_satisfied")[:2] == (2, None)
    assert figure(o, "fairly_satisfied") == (1, None, {1})
    assert figure(o, "dissatisfied") == (1, None, {2})
    assert figure(o, "attitude_satisfied") == (3, 3, {1, 2})
    assert figure(o, "rehandled") == (1, None, {2})
    assert figure(o, "second_replied") == (1, None, {2})


def test_result_distribution_and_publication_follow_the_latest_reply(report):
    o = report.overall
    assert figure(o, "result_solved") == (1, 3, {1})
    assert figure(o, "result_solving") == (1, 3, {2})
    assert figure(o, "result_planned") == (0, 3, set())
    assert figure(o, "result_reference") == (1, 3, {6})
    assert figure(o, "adopted") == (2, 3, {1, 2})
    assert figure(o, "public") == (2, 3, {1, 2})


def test_commitments_closed_after_the_day_are_still_open_then(report):
    o = report.overall
    assert figure(o, "commitments_open") == (3, None, {2, 6})
    assert figure(o, "commitments_overdue") == (2, None, {2, 6})


def test_groups_by_unit_session_and_kind(report):
    traffic, farm = report.groups[("unit", TRAFFIC)], report.groups[("unit", FARM)]
    assert figure(traffic, "replied") == (2, 2, {1, 2}) and figure(traffic, "on_time") == (1, 2, {1})
    assert figure(farm, "replied") == (1, 2, {6}) and figure(farm, "on_time") == (1, 2, {6})
    assert figure(report.groups[("session", "政协三次")], "total") == (2, None, {3, 6})
    assert figure(report.groups[("kind", "代表建议")], "dissatisfied") == (1, None, {2})
    assert set(report.group_names("unit")) == {TRAFFIC, FARM}


def test_an_earlier_day_sees_less():
    early = handling_report(ITEMS, date(2024, 5, 31)).overall
    assert figure(early, "replied") == (1, 4, {1})
    assert figure(early, "dissatisfied") == (0, None, set())
    # All four commitments were open on 31 May; none was past its date yet.
    assert figure(early, "commitments_open") == (4, None, {2, 6})
    assert figure(early, "commitments_overdue") == (0, None, set())
    assert early["met"].rate == 1.0
