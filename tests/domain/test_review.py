"""回头看 rules without a database: which entries a year's list holds, what a review needs, and
which outcomes suggest telling the deputy."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.enums import CommitmentStatus, ItemKind, ResultCategory, ReviewCategory, ReviewOutcome
from desktop_app.domain.review import (
    CommitmentFact,
    ItemFact,
    ReviewEntryRow,
    build_report,
    candidates,
    outcome_choices,
    review_problems,
    suggests_telling,
)

TODAY = date(2024, 6, 3)


def test_each_result_category_and_open_commitment_becomes_an_entry():
    items = [
        ItemFact(1, 2024, ResultCategory.SOLVED, ("办理态度",)),
        ItemFact(2, 2024, ResultCategory.PLANNED, (), (
            CommitmentFact(10, "建成停车场", CommitmentStatus.OPEN, None, "年底前"),
            CommitmentFact(11, "划线", CommitmentStatus.DONE, date(2024, 3, 1)))),
        ItemFact(3, 2024, None),
        ItemFact(4, 2022, ResultCategory.SOLVED, (), (CommitmentFact(12, "修桥", CommitmentStatus.CARRIED,
                                                                     date(2022, 12, 31), carried_to_year=2023),)),
        ItemFact(5, 2025, ResultCategory.REFERENCE, (), (CommitmentFact(13, "明年的", CommitmentStatus.OPEN),)),
    ]
    found = candidates(items, 2024, TODAY)
    assert [(c.key, c.category) for c in found] == [
        ("solved:1", ReviewCategory.SOLVED),
        ("dissatisfied:1", ReviewCategory.DISSATISFIED),
        ("in_progress:2", ReviewCategory.IN_PROGRESS),
        ("commitment:10", ReviewCategory.COMMITMENT),
        ("commitment:12", ReviewCategory.COMMITMENT),
    ]
    assert found[1].reason == "代表对办理态度评价为不满意"
    assert found[2].reason == "答复结果为计划解决；承诺 2 项，已落实 1 项"
    assert found[3].reason == "承诺期限 年底前，尚未落实" and found[3].subject == "建成停车场"
    assert found[4].reason == "承诺期限 2022-12-31，尚未落实（已逾期）；已结转 2023 年跟踪"


def test_a_review_needs_an_outcome_a_note_and_a_date_not_in_the_future():
    assert review_problems(ReviewOutcome.CONFIRMED, "已核实", TODAY, TODAY) == []
    problems = review_problems(None, "", None, TODAY)
    assert len(problems) == 3
    assert review_problems(ReviewOutcome.CHANGED, "x", TODAY, TODAY, told_on=date(2024, 6, 4)) == [
        "告知代表的日期 2024-06-04 在今天之后，请检查日期。"]


def test_outcomes_that_fit_the_category_come_first_and_some_suggest_telling_the_deputy():
    assert outcome_choices(ReviewCategory.SOLVED)[:2] == [ReviewOutcome.CONFIRMED, ReviewOutcome.NOT_SOLVED]
    assert len(outcome_choices(ReviewCategory.REFERENCE)) == len(ReviewOutcome)
    assert suggests_telling(ReviewOutcome.CHANGED) and suggests_telling(ReviewOutcome.FULFILLED)
    assert not suggests_telling(ReviewOutcome.CONFIRMED) and not suggests_telling(None)


def test_an_entry_of_several_lead_units_counts_for_each_and_secret_ones_are_not_listed():
    def row(i, units, secret=False, outcome=None):
        return ReviewEntryRow(i, 1, i, ReviewCategory.SOLVED, "区二届人大五次会议", f"{i:04d}", f"标题{i}",
                              ItemKind.SUGGESTION, units, outcome=outcome,
                              reviewed_on=TODAY if outcome else None, is_secret=secret)

    report = build_report(2024, "t", [row(1, "区交通委、区教育局"), row(2, "区交通委", True, ReviewOutcome.CONFIRMED),
                                      row(3, "")], TODAY)
    assert [(u.unit, u.overall.shown()) for u in report.by_unit] == [
        ("区交通委", "1/2"), ("区教育局", "0/1"), ("（未分办）", "0/1")]
    assert [e.id for e in report.listed(ReviewCategory.SOLVED)] == [1, 3] and report.secret_count == 1


def test_a_reference_reply_with_a_commitment_is_flagged_for_review():
    fact = ItemFact(7, 2024, ResultCategory.REFERENCE, (), (CommitmentFact(21, "研究可行性", CommitmentStatus.OPEN),))
    [entry] = [c for c in candidates([fact], 2024, date(2024, 6, 3)) if c.category is ReviewCategory.REFERENCE]
    assert entry.reason == "答复结果为留作参考，但答复中有 1 项承诺事项：请复核办理结果的分类是否恰当"
    plain = ItemFact(8, 2024, ResultCategory.REFERENCE)
    [entry] = [c for c in candidates([plain], 2024, date(2024, 6, 3)) if c.category is ReviewCategory.REFERENCE]
    assert entry.reason == "答复结果为留作参考"
