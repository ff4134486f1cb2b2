"""Every figure of domain.md §7 on a hand-made dataset of 23 items, as of 30 June 2024, with each
expected value counted by hand below — for the whole district and for two units (区交通委, 区农业农村委).

Unless noted an item is a 代表建议 of 区二届人大五次会议, assigned 1 March 2024 and due 3 June 2024.
Units: T 区交通委, F 区农业农村委, H 区住建委, C 区财政局 (会办 only).

| # | lead | reply (round 1 / 2)            | contacts                               | feedback (round: lead, co-signers)  | publication                     | 会办 (due, sent)   |
|---|------|--------------------------------|----------------------------------------|-------------------------------------|---------------------------------|--------------------|
| 1 | T    | 05-10 已经解决 公开              | 见面 04-01 代表参加                      | 1: 满意; 基本满意                     | 05-20                           | C 04-01, 03-25     |
| 2 | T    | 06-03 (due day) 正在解决 公开      | 电话 04-10                              |                                     | none, due 07-01 (not yet)       |                    |
| 3 | T    | 06-10 (late) 计划解决 公开        | 座谈 02-20 (before 交办)                 |                                     | 06-25                           | C 04-01, 04-05     |
| 4 | T    | none (due 06-03: late)          |                                        |                                     |                                 |                    |
| 5 | T    | none, assigned 04-15, due 07-15 (not yet due)                                                                                                      |
| 6 | T    | 06-20 early (due 07-15) 留作参考 依申请公开 | 实地调研 05-01 代表参加           | 1: 基本满意                          |                                 |                    |
| 7 | T    | 04-20 计划解决 / 05-28 正在解决, 不公开 | 专题会议 04-01; 见面 04-05 without the deputy | 1: 不满意; 满意 — 2: 满意; 不满意 |                        |                    |
| 8 | F    | 05-15 已经解决 公开              | 现场办公 05-10 代表参加                   | 1: 不满意                           | none, due 06-13: overdue         |                    |
| 9 | F    | 05-30 已经解决 公开, 涉密         | 视察 05-20 代表参加                       |                                     | none, due 06-27 (涉密: never)     |                    |
|10 | F    | 已退回                          |                                        |                                     |                                 |                    |
|11 | F (moved from H) | 06-01 已经解决 公开  | 见面 06-01 (reply day) 代表参加          |                                     | 06-10                           |                    |
|12 | F    | assigned 07-05 (after the day)  |                                        |                                     |                                 |                    |
|13 | H    | 05-20 留作参考 不公开            |                                        | 1: 满意                              |                                 |                    |
|14 | H    | none (late)                     |                                        |                                     |                                 | C 04-01, not sent  |
|15 | H    | none, assigned 04-15, due 07-15 |                                        |                                     |                                 | C 07-01, not sent  |
|16 | H    | 04-30 正在解决 公开              |                                        | 1: 基本满意; 满意, 不满意              | 05-31                           |                    |
|17 | T, H | 05-25 已经解决 公开              | 见面 03-15 代表参加                       |                                     | 06-20                           | F 04-01, 04-01     |
|18 | T    | 05-31 计划解决 公开              |                                        |                                     | 06-28 (due 06-27: late, but published) | C 06-20, 06-15 |
|19 | H    | 06-28 (late) 已经解决 公开  [提案] |                                        |                                     | none, due 07-26 (not yet)        |                    |
|20 | F    | none, due 06-30 (the day: late) [提案]                                                                                                            |
|21 | T    | 05-05 留作参考 不公开, 涉密 [提案] | 见面 04-01 代表参加                      |                                     |                                 |                    |
|22 | H    | 06-15 early (due 07-15) 已经解决 公开 [提案] | 电话 05-01                    |                                     | 07-02 (after the day)            |                    |
|23 | H    | none (late) [提案]              |                                        |                                     |                                 | T 04-01, 04-10     |

Commitments: #21 (item 2) due 12-31 open; #31 (item 3) due 09-30 kept 07-10 (after the day);
#71 (item 7) due 06-15 open; #72 (item 7) due 06-20 kept 06-18; #161 (item 16) due 06-30 open;
#181 (item 18) due 06-10 kept 06-09; #221 (item 22) promised in a reply of 07-05 (not yet made).
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.enums import (
    CommitmentStatus,
    ContactWay,
    Disclosure,
    ItemKind,
    ItemStatus,
    Rating,
    ResultCategory,
)
from desktop_app.domain.statistics import (
    RATING_WORST,
    StatCommitment,
    StatContact,
    StatFeedback,
    StatItem,
    StatOpinion,
    StatReply,
    handling_report,
)

T, F, H, C = "区交通委", "区农业农村委", "区住建委", "区财政局"
S1, S2 = "区二届人大五次会议", "区政协二届五次会议"
AS_OF = date(2024, 6, 30)
GOOD, FAIR, BAD = Rating.SATISFIED, Rating.FAIRLY_SATISFIED, Rating.DISSATISFIED
SOLVED, SOLVING, PLANNED, REFERENCE = (ResultCategory.SOLVED, ResultCategory.SOLVING, ResultCategory.PLANNED,
                                       ResultCategory.REFERENCE)
PUBLIC, ON_REQUEST, NOT_PUBLIC = Disclosure.PUBLIC, Disclosure.ON_REQUEST, Disclosure.NOT_PUBLIC
OPEN, DONE = CommitmentStatus.OPEN, CommitmentStatus.DONE


def d(month: int, day: int) -> date:
    return date(2024, month, day)


def it(id_, units, *, kind=ItemKind.SUGGESTION, assigned=d(3, 1), due=d(6, 3), status=ItemStatus.HANDLING,
       replies=(), contacts=(), feedback=(), commitments=(), opinions=(), secret=False) -> StatItem:
    return StatItem(id_, kind, S1 if kind is ItemKind.SUGGESTION else S2, tuple(units), status, assigned, due,
                    tuple(replies), tuple(contacts), tuple(feedback), tuple(commitments), tuple(opinions), secret)


def rep(day, result, disclosure=PUBLIC, *, rnd=1, published=None, publish_due=None) -> StatReply:
    return StatReply(rnd, day, result, disclosure, published, publish_due)


def form(day, outcome, attitude, rnd=1, lead=True) -> StatFeedback:
    return StatFeedback(day, outcome, attitude, rnd, lead)


P = ItemKind.PROPOSAL
ITEMS = [
    it(1, [T], replies=[rep(d(5, 10), SOLVED, published=d(5, 20), publish_due=d(6, 7))],
       contacts=[StatContact(d(4, 1), ContactWay.MEETING, True)],
       feedback=[form(d(5, 20), GOOD, GOOD), form(d(5, 21), FAIR, GOOD, lead=False)],
       opinions=[StatOpinion(C, d(4, 1), d(3, 25))]),
    it(2, [T], replies=[rep(d(6, 3), SOLVING, publish_due=d(7, 1))],
       contacts=[StatContact(d(4, 10), ContactWay.PHONE, True)],
       commitments=[StatCommitment(21, d(12, 31), OPEN, None, d(6, 3))]),
    it(3, [T], replies=[rep(d(6, 10), PLANNED, published=d(6, 25), publish_due=d(7, 8))],
       contacts=[StatContact(d(2, 20), ContactWay.FORUM, True)],
       commitments=[StatCommitment(31, d(9, 30), DONE, d(7, 10), d(6, 10))],
       opinions=[StatOpinion(C, d(4, 1), d(4, 5))]),
    it(4, [T]),
    it(5, [T], assigned=d(4, 15), due=d(7, 15)),
    it(6, [T], assigned=d(4, 15), due=d(7, 15), replies=[rep(d(6, 20), REFERENCE, ON_REQUEST)],
       contacts=[StatContact(d(5, 1), ContactWay.FIELD_RESEARCH, True)],
       feedback=[form(d(6, 25), FAIR, GOOD)]),
    it(7, [T], replies=[rep(d(4, 20), PLANNED, NOT_PUBLIC), rep(d(5, 28), SOLVING, NOT_PUBLIC, rnd=2)],
       contacts=[StatContact(d(4, 1), ContactWay.TOPIC_MEETING, True), StatContact(d(4, 5), ContactWay.MEETING, False)],
       feedback=[form(d(5, 1), BAD, FAIR), form(d(5, 2), GOOD, GOOD, lead=False),
                 form(d(6, 5), GOOD, GOOD, rnd=2), form(d(6, 6), BAD, GOOD, rnd=2, lead=False)],
       commitments=[StatCommitment(71, d(6, 15), OPEN, None, d(4, 20)),
                    StatCommitment(72, d(6, 20), DONE, d(6, 18), d(5, 28))]),
    it(8, [F], replies=[rep(d(5, 15), SOLVED, publish_due=d(6, 13))],
       contacts=[StatContact(d(5, 10), ContactWay.ON_SITE_OFFICE, True)],
       feedback=[form(d(6, 1), BAD, FAIR)]),
    it(9, [F], secret=True, replies=[rep(d(5, 30), SOLVED, publish_due=d(6, 27))],
       contacts=[StatContact(d(5, 20), ContactWay.INSPECTION, True)]),
    it(10, [F], status=ItemStatus.RETURNED),
    it(11, [F], replies=[rep(d(6, 1), SOLVED, published=d(6, 10), publish_due=d(6, 29))],
       contacts=[StatContact(d(6, 1), ContactWay.MEETING, True)]),
    it(12, [F], assigned=d(7, 5), due=d(10, 8)),
    it(13, [H], replies=[rep(d(5, 20), REFERENCE, NOT_PUBLIC)], feedback=[form(d(5, 25), GOOD, GOOD)]),
    it(14, [H], opinions=[StatOpinion(C, d(4, 1))]),
    it(15, [H], assigned=d(4, 15), due=d(7, 15), opinions=[StatOpinion(C, d(7, 1))]),
    it(16, [H], replies=[rep(d(4, 30), SOLVING, published=d(5, 31), publish_due=d(5, 30))],
       feedback=[form(d(5, 10), FAIR, BAD), form(d(5, 11), GOOD, GOOD, lead=False),
                 form(d(5, 11), BAD, FAIR, lead=False)],
       commitments=[StatCommitment(161, d(6, 30), OPEN, None, d(4, 30))]),
    it(17, [T, H], replies=[rep(d(5, 25), SOLVED, published=d(6, 20), publish_due=d(6, 24))],
       contacts=[StatContact(d(3, 15), ContactWay.MEETING, True)],
       opinions=[StatOpinion(F, d(4, 1), d(4, 1))]),
    it(18, [T], replies=[rep(d(5, 31), PLANNED, published=d(6, 28), publish_due=d(6, 27))],
       commitments=[StatCommitment(181, d(6, 10), DONE, d(6, 9), d(5, 31))],
       opinions=[StatOpinion(C, d(6, 20), d(6, 15))]),
    it(19, [H], kind=P, replies=[rep(d(6, 28), SOLVED, publish_due=d(7, 26))]),
    it(20, [F], kind=P, due=d(6, 30)),
    it(21, [T], kind=P, secret=True, replies=[rep(d(5, 5), REFERENCE, NOT_PUBLIC)],
       contacts=[StatContact(d(4, 1), ContactWay.MEETING, True)]),
    it(22, [H], kind=P, assigned=d(4, 15), due=d(7, 15),
       replies=[rep(d(6, 15), SOLVED, published=d(7, 2), publish_due=d(7, 12))],
       contacts=[StatContact(d(5, 1), ContactWay.PHONE, True)],
       commitments=[StatCommitment(221, d(12, 31), OPEN, None, d(7, 5))]),
    it(23, [H], kind=P, opinions=[StatOpinion(T, d(4, 1), d(4, 10))]),
]


@pytest.fixture(scope="module")
def report():
    return handling_report(ITEMS, AS_OF)


def check(figures, expected: dict) -> None:
    """``expected``: key → (count, base, ids[, base ids]) written out by hand."""
    for key, want in expected.items():
        f = figures[key]
        got = (f.count, f.base, set(f.ids)) + ((set(f.base_ids),) if len(want) == 4 else ())
        assert got == (want[0], want[1], set(want[2])) + ((set(want[3]),) if len(want) == 4 else ()), key


IN_SCOPE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}
REPLIED = {1, 2, 3, 6, 7, 8, 9, 11, 13, 16, 17, 18, 19, 21, 22}


def test_district_handling_figures(report):
    check(report.overall, {
        # 10 returned, 12 assigned after the day.
        "total": (21, None, IN_SCOPE),
        "replied": (15, 21, REPLIED, IN_SCOPE),
        # Base: the 15 replied + 4, 14, 20, 23 (due by the day, not replied); 5 and 15 are not due yet.
        # Late: 3 and 19 (replied after 3 June); on time includes 6 and 22, replied early.
        "on_time": (13, 19, {1, 2, 6, 7, 8, 9, 11, 13, 16, 17, 18, 21, 22}, REPLIED | {4, 14, 20, 23}),
        # Not: 2 and 22 (电话), 3 (before 交办), 7 (专题会议; 见面 without the deputy), 13, 16, 18, 19 (none).
        "met": (7, 15, {1, 6, 8, 9, 11, 17, 21}, REPLIED),
    })


def test_district_satisfaction_per_item_and_per_form(report):
    rated = {1, 6, 7, 8, 13, 16}
    check(report.overall, {
        # Lead deputy, last round: 1 满意, 6 基本满意, 7 满意 (round 2), 8 不满意, 13 满意, 16 基本满意.
        "satisfied": (5, 6, {1, 6, 7, 13, 16}, rated),
        "fully_satisfied": (3, 6, {1, 7, 13}),
        "fairly_satisfied": (2, 6, {6, 16}),
        "dissatisfied": (1, 6, {8}),
        # 办理态度 of the same forms: 1 满意, 6 满意, 7 满意 (round 2), 8 基本满意, 13 满意, 16 不满意.
        "attitude_satisfied": (5, 6, {1, 6, 7, 8, 13}),
        # 12 forms: 1 ×2 (both fine), 6, 7 ×4 (two 不满意), 8 (不满意), 13, 16 ×3 (one 不满意).
        "forms_satisfied": (8, 12, {1, 6, 7, 13, 16}, rated),
        "forms_dissatisfied": (4, 12, {7, 8, 16}),
        # 7: round 1 不满意 and a second reply; 8: 不满意, not re-answered yet.
        "rehandled": (2, None, {7, 8}),
        "second_replied": (1, None, {7}),
    })


def test_district_satisfaction_with_the_worst_form_of_the_round():
    o = handling_report(ITEMS, AS_OF, rating_rule=RATING_WORST).overall
    # Worst of the last round: 1 基本满意, 6 基本满意, 7 不满意, 8 不满意, 13 满意, 16 不满意.
    check(o, {"satisfied": (3, 6, {1, 6, 13}), "fully_satisfied": (1, 6, {13}),
              "fairly_satisfied": (2, 6, {1, 6}), "dissatisfied": (3, 6, {7, 8, 16}),
              "forms_satisfied": (8, 12, {1, 6, 7, 13, 16})})  # per form: the rule changes nothing


def test_district_results_by_final_and_first_reply(report):
    check(report.overall, {
        "result_solved": (7, 15, {1, 8, 9, 11, 17, 19, 22}, REPLIED),
        "result_solving": (3, 15, {2, 7, 16}),
        "result_planned": (2, 15, {3, 18}),
        "result_reference": (3, 15, {6, 13, 21}),
        "adopted": (12, 15, REPLIED - {6, 13, 21}),
        # Item 7 was 计划解决 in its first reply.
        "first_solved": (7, 15, {1, 8, 9, 11, 17, 19, 22}),
        "first_solving": (2, 15, {2, 16}),
        "first_planned": (3, 15, {3, 7, 18}),
        "first_reference": (3, 15, {6, 13, 21}),
    })


def test_district_publication(report):
    # Base: replies marked 此件公开发布, finalised by the day, not 涉密 (9 is): 6 依申请公开, 7, 13, 21 不公开.
    public = {1, 2, 3, 8, 11, 16, 17, 18, 19, 22}
    check(report.overall, {
        # 22 was published on 2 July, after the day.
        "public": (6, 10, {1, 3, 11, 16, 17, 18}, public),
        # 8: due 13 June, unpublished; 2, 19, 22 not due yet; 9 is 涉密.
        "public_overdue": (1, None, {8}),
    })


def test_district_co_handling_and_commitments(report):
    check(report.overall, {
        # Opinions on 1, 3, 14, 15, 17, 18, 23; 15's is not due yet. On time: 1, 17, 18.
        "co_handled": (7, None, {1, 3, 14, 15, 17, 18, 23}),
        "co_on_time": (3, 6, {1, 17, 18}, {1, 3, 14, 17, 18, 23}),
        # Open: #21, #31 (kept only on 10 July), #71, #161; #221 was not promised yet.
        "commitments_open": (4, None, {2, 3, 7, 16}),
        "commitments_overdue": (1, None, {7}),  # #71; #161 is due on the day itself
        # Due by the day: #71, #72, #161, #181; kept: #72, #181.
        "commitments_kept": (2, 4, {7, 18}, {7, 16, 18}),
    })


def test_unit_traffic_lead_and_co_handling(report):
    t_items = {1, 2, 3, 4, 5, 6, 7, 17, 18, 21}
    t_replied = {1, 2, 3, 6, 7, 17, 18, 21}
    check(report.groups[("unit", T)], {
        "total": (10, None, t_items),
        "replied": (8, 10, t_replied),
        "on_time": (7, 9, {1, 2, 6, 7, 17, 18, 21}, t_replied | {4}),
        "met": (4, 8, {1, 6, 17, 21}),
        "satisfied": (3, 3, {1, 6, 7}),
        "fully_satisfied": (2, 3, {1, 7}),
        "dissatisfied": (0, 3, set()),
        "forms_satisfied": (5, 7, {1, 6, 7}),
        "forms_dissatisfied": (2, 7, {7}),
        "result_solved": (2, 8, {1, 17}),
        "result_solving": (2, 8, {2, 7}),
        "result_planned": (2, 8, {3, 18}),
        "result_reference": (2, 8, {6, 21}),
        "first_planned": (3, 8, {3, 7, 18}),
        "adopted": (6, 8, {1, 2, 3, 7, 17, 18}),
        "public": (4, 5, {1, 3, 17, 18}, {1, 2, 3, 17, 18}),
        "public_overdue": (0, None, set()),
        "rehandled": (1, None, {7}),
        # T is 会办 on 23 only (sent 10 April, due 1 April).
        "co_handled": (1, None, {23}),
        "co_on_time": (0, 1, set(), {23}),
        "commitments_open": (3, None, {2, 3, 7}),
        "commitments_overdue": (1, None, {7}),
        "commitments_kept": (2, 3, {7, 18}),
    })


def test_unit_farming_with_a_moved_item_a_secret_one_and_a_co_opinion(report):
    check(report.groups[("unit", F)], {
        "total": (4, None, {8, 9, 11, 20}),  # 10 returned, 12 not yet assigned; 11 moved here from H
        "replied": (3, 4, {8, 9, 11}),
        "on_time": (3, 4, {8, 9, 11}, {8, 9, 11, 20}),  # 20 due on the day, not replied
        "met": (3, 3, {8, 9, 11}),
        "satisfied": (0, 1, set(), {8}),
        "dissatisfied": (1, 1, {8}),
        "forms_dissatisfied": (1, 1, {8}),
        "result_solved": (3, 3, {8, 9, 11}),
        "adopted": (3, 3, {8, 9, 11}),
        "public": (1, 2, {11}, {8, 11}),  # 9 is 涉密
        "public_overdue": (1, None, {8}),
        "rehandled": (1, None, {8}),
        "second_replied": (0, None, set()),
        "co_handled": (1, None, {17}),
        "co_on_time": (1, 1, {17}),
        "commitments_open": (0, None, set()),
        "commitments_kept": (0, 0, set()),
    })
    assert report.groups[("unit", F)]["commitments_kept"].rate is None


def test_a_co_only_unit_has_its_row(report):
    # 区财政局 leads nothing; its opinions on 1, 3, 14, 15, 18 (15's not due): on time 1 and 18.
    check(report.groups[("unit", C)], {
        "total": (0, None, set()),
        "co_handled": (5, None, {1, 3, 14, 15, 18}),
        "co_on_time": (2, 4, {1, 18}, {1, 3, 14, 18}),
    })
    assert set(report.group_names("unit")) == {T, F, H, C}


def test_sessions_and_kinds(report):
    assert report.groups[("session", S2)]["total"].ids == {19, 20, 21, 22, 23}
    check(report.groups[("kind", "政协提案")], {
        "replied": (3, 5, {19, 21, 22}),
        "on_time": (2, 5, {21, 22}, {19, 20, 21, 22, 23}),
    })
