"""回头看 campaigns on a real database: which items enter the list and why, rebuilding keeps
reviews, recording a review (with history), progress, the deputy flag and the report figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from desktop_app.domain.enums import CampaignState, ResultCategory, ReviewCategory, ReviewOutcome
from desktop_app.domain.errors import ValidationError
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import ReplyRecord
from desktop_app.services.followup import FollowupService
from desktop_app.services.review import ReviewInput, ReviewService
from desktop_app.storage.tables import History
from tests.services.records import make_record, save_replied
from tests.services.review_data import build_dataset, expected_2024, keys


@pytest.fixture
def data(ctx):
    return build_dataset(ctx)


@pytest.fixture
def review(ctx):
    return ReviewService(ctx)


def entry_of(entries, category, item_id):
    return next(e for e in entries if e.category is category and e.item_id == item_id)


def test_the_2024_list_holds_each_kind_of_candidate_with_its_reason(review, data):
    built = review.create_campaign(2024)
    assert (built.total, built.added, built.removed) == (7, 7, 0)
    entries = review.entries(built.campaign_id)
    assert keys(entries) == expected_2024(data)
    b = entry_of(entries, ReviewCategory.IN_PROGRESS, data["B"])
    assert b.reason == "答复结果为正在解决；承诺 2 项，已落实 1 项，逾期 1 项"
    assert "承诺 1 项，已落实 1 项" in entry_of(entries, ReviewCategory.IN_PROGRESS, data["C"]).reason
    carried = entry_of(entries, ReviewCategory.COMMITMENT, data["F"])
    assert carried.subject == "完成桥梁加固" and "已结转 2024 年跟踪" in carried.reason
    assert entry_of(entries, ReviewCategory.DISSATISFIED, data["A"]).reason == "代表对办理结果评价为不满意"
    assert [c.year for c in review.campaigns()] == [2024]
    assert review.campaign(built.campaign_id).title == "2024年建议提案办理“回头看”"


def test_the_2023_list_has_that_years_items_only(review, data):
    entries = review.entries(review.create_campaign(2023).campaign_id)
    assert keys(entries) == {(ReviewCategory.SOLVED, data["F"], None), (ReviewCategory.REFERENCE, data["G"], None),
                             (ReviewCategory.COMMITMENT, data["F"], data["F_open"])}


def test_a_second_campaign_for_the_same_year_is_refused(review, data):
    review.create_campaign(2024)
    with pytest.raises(ValidationError, match="2024 年的回头看已经建立"):
        review.create_campaign(2024)


def test_rebuilding_adds_new_candidates_and_keeps_reviews(ctx, review, data):
    campaign = review.create_campaign(2024).campaign_id
    entries = review.entries(campaign)
    carried = entry_of(entries, ReviewCategory.COMMITMENT, data["F"])
    review.record_review(carried.id, ReviewInput(ReviewOutcome.ON_TRACK, "桥梁加固已完成主体", date(2024, 6, 1)))
    follow = FollowupService(ctx)
    # Both commitments are now kept: B's unreviewed entry goes, F's reviewed one stays.
    follow.close_commitment(data["B_open"], date(2024, 6, 2), "制度文件")
    follow.close_commitment(data["F_open"], date(2024, 6, 2), "竣工验收")
    h = save_replied(CaseService(ctx), replace(make_record(number="0006"), replies=(
        ReplyRecord(replied_on=date(2024, 5, 30), result=ResultCategory.REFERENCE),)))
    rebuilt = review.rebuild(campaign)
    assert (rebuilt.added, rebuilt.removed, rebuilt.total) == (1, 1, 7)
    after = review.entries(campaign)
    assert (ReviewCategory.REFERENCE, h, None) in keys(after)
    assert (ReviewCategory.COMMITMENT, data["B"], data["B_open"]) not in keys(after)
    kept = entry_of(after, ReviewCategory.COMMITMENT, data["F"])
    assert kept.id == carried.id and kept.outcome is ReviewOutcome.ON_TRACK and kept.note == "桥梁加固已完成主体"
    assert "承诺 2 项，已落实 2 项" in entry_of(after, ReviewCategory.IN_PROGRESS, data["B"]).reason


def test_recording_a_review_keeps_it_with_history_and_counts_progress(ctx, review, data):
    campaign = review.create_campaign(2024).campaign_id
    entries = review.entries(campaign)
    solved = entry_of(entries, ReviewCategory.SOLVED, data["A"])
    late = entry_of(entries, ReviewCategory.COMMITMENT, data["B"])
    review.record_review(solved.id, ReviewInput(ReviewOutcome.CONFIRMED, "现场核实，道路已修复", date(2024, 6, 1)))
    review.record_review(late.id, ReviewInput(ReviewOutcome.DELAYED, "机制文件尚在征求意见", date(2024, 6, 3),
                                              reviewer="王科长", tell_deputy=True))
    got = review.entry(late.id)
    assert (got.outcome, got.reviewer, got.tell_deputy, got.told_on) == (ReviewOutcome.DELAYED, "王科长", True, None)
    assert review.entry(solved.id).reviewer == "测试员"
    p = review.progress(campaign)
    assert (p.overall.total, p.overall.reviewed, p.overall.flagged, p.overall.told) == (7, 2, 1, 0)
    by = dict(p.by_category)
    assert by[ReviewCategory.SOLVED].shown() == "1/1"
    assert by[ReviewCategory.COMMITMENT].shown() == "1/2"
    assert by[ReviewCategory.IN_PROGRESS].shown() == "0/2"
    assert p.label() == "已回头看 2 / 7 条（29%），需告知代表 1 条，已告知 0 条"
    assert [e.id for e in review.flagged(campaign)] == [late.id]
    assert review.campaigns()[0].reviewed == 2
    with ctx.db.read() as s:
        lines = s.scalars(select(History).where(History.entity == "review", History.item_id == data["B"])).all()
    assert [(h.field, h.new_value, h.changed_by) for h in lines] == [
        ("回头看（2024年·未完成承诺）", "进度滞后：机制文件尚在征求意见（需告知代表）", "测试员")]


def test_a_review_without_outcome_note_or_date_is_refused_and_nothing_is_written(review, data):
    campaign = review.create_campaign(2024).campaign_id
    first = review.entries(campaign)[0]
    with pytest.raises(ValidationError) as raised:
        review.record_review(first.id, ReviewInput(None, " ", date(2024, 6, 4)))
    text = str(raised.value)
    assert "请选择回头看结果" in text and "请写明回头看情况" in text and "在今天之后" in text
    assert review.progress(campaign).overall.reviewed == 0


def test_a_closed_campaign_refuses_changes_until_reopened(review, data):
    campaign = review.create_campaign(2024).campaign_id
    review.set_state(campaign, CampaignState.CLOSED)
    entry = review.entries(campaign)[0]
    done = ReviewInput(ReviewOutcome.CONFIRMED, "已核实", date(2024, 6, 1))
    with pytest.raises(ValidationError, match="已标为完成"):
        review.record_review(entry.id, done)
    with pytest.raises(ValidationError, match="重新打开"):
        review.rebuild(campaign)
    review.set_state(campaign, CampaignState.OPEN)
    review.record_review(entry.id, done)
    assert review.entry(entry.id).reviewed


def test_report_counts_by_category_and_by_lead_unit(review, data):
    campaign = review.create_campaign(2024).campaign_id
    d = entry_of(review.entries(campaign), ReviewCategory.REFERENCE, data["D"])
    review.record_review(d.id, ReviewInput(ReviewOutcome.NOW_FEASIBLE, "新校区规划已批复", date(2024, 6, 1),
                                           tell_deputy=True, told_on=date(2024, 6, 2)))
    report = review.report(campaign)
    assert report.year == 2024 and report.as_of == date(2024, 6, 3)
    units = {line.unit: line for line in report.by_unit}
    assert list(units) == ["区交通委", "区教育局"]
    # category order: 已经解决复核, 正在/计划解决进度, 留作参考再研究, 不满意, 未完成承诺
    assert units["区交通委"].counts == (1, 2, 0, 1, 2)
    assert units["区教育局"].counts == (0, 0, 1, 0, 0)
    assert units["区教育局"].overall.shown() == "1/1" and units["区教育局"].overall.told == 1
    assert dict(report.outcomes) == {ReviewOutcome.NOW_FEASIBLE: 1, None: 6}
    assert [e.item_id for e in report.listed(ReviewCategory.IN_PROGRESS)] == [data["B"], data["C"]]


def test_the_demo_database_has_a_campaign_partly_reviewed(ctx):
    from desktop_app.services.demo import fill_demo

    fill_demo(ctx)
    service = ReviewService(ctx)
    [campaign] = service.campaigns()
    p = service.progress(campaign.id)
    assert campaign.year == 2024 and p.overall.total > 20
    assert p.overall.reviewed == 7 and p.overall.flagged == 2
    assert all(t.reviewed >= 1 for _c, t in p.by_category)
