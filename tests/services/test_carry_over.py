"""Year-end carry-over of all open commitments at once (services): one transaction, history kept,
still tracked on next year's dashboard."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.domain.enums import CommitmentStatus, ResultCategory
from desktop_app.domain.errors import ValidationError
from desktop_app.services.deadlines import DeadlineService
from desktop_app.services.dto import ReplyRecord
from desktop_app.services.followup import FollowupService
from tests.services.records import make_record, save_replied


@pytest.fixture
def promised(cases, ctx):
    """Two items; open commitments due 2024-11-30 (item A), 2024-12-31 持续推进 (item B), 2025-06-30 (A),
    and a closed one (B)."""
    reply = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVING, body="正在推进。")
    a = save_replied(cases, make_record(replies=(reply,)),
                     [("建成停车场", date(2024, 11, 30)), ("改造桥梁", date(2025, 6, 30))])
    f = FollowupService(ctx)
    _c, b = cases.save(make_record(number="0036", title="关于增设公交线路的建议", replies=(reply,)))
    ongoing = f.add_commitment(b, "加强巡查", date(2024, 12, 31), "持续推进")[1]
    done = f.add_commitment(b, "修复路面", date(2024, 6, 1))[1]
    late, next_year = (c.id for c in f.commitments(a))
    ids = {"late": late, "ongoing": ongoing, "next_year": next_year, "done": done}
    f.close_commitment(ids["done"], date(2024, 6, 1), "验收单")
    return f, a, b, ids


def test_year_end_lists_the_open_commitments_of_the_year_with_their_items(promised):
    f, a, b, ids = promised
    found = f.year_end_candidates(2024)
    assert [c.commitment.id for c in found] == [ids["late"], ids["ongoing"]]  # by promised date
    assert (found[0].item_number, found[0].item_title) == ("0035", "关于加强农村道路养护管理的建议")
    assert found[1].commitment.item_id == b and found[1].session_name == "区二届人大五次会议"


def test_carrying_all_at_once_records_reason_and_history_and_keeps_them_tracked(promised, cases, ctx):
    f, a, b, ids = promised
    changes = f.carry_over_many(2024, {ids["late"]: "资金列入下年度预算", ids["ongoing"]: "跨年度持续推进"})
    assert changes.item_ids == {a, b}
    carried = {c.id: c for c in f.commitments() if c.status is CommitmentStatus.CARRIED}
    assert set(carried) == {ids["late"], ids["ongoing"]}
    assert carried[ids["late"]].carried_to_year == 2025
    assert carried[ids["ongoing"]].carried_reason == "跨年度持续推进"
    assert f.year_end_candidates(2024) == []
    history = [h for h in cases.history(a) if h.field == "承诺事项结转"]
    assert len(history) == 1 and history[0].reason == "资金列入下年度预算" and "结转 2025 年" in history[0].new_value
    assert history[0].changed_by == "测试员"
    # Next year's dashboard still shows the carried one (only 已落实 ends a commitment's deadline).
    rows = DeadlineService(ctx).open_deadlines(date(2025, 1, 6))
    assert date(2024, 11, 30) in {r.due_on for r in rows if r.kind is DeadlineKind.COMMITMENT}


def test_one_bad_row_carries_none_and_names_every_problem(promised):
    f, _a, _b, ids = promised
    with pytest.raises(ValidationError) as raised:
        f.carry_over_many(2024, {ids["late"]: "资金列入下年度预算", ids["ongoing"]: " ",
                                 ids["next_year"]: "提前结转", ids["done"]: "误选"})
    problems = raised.value.problems
    assert len(problems) == 3
    assert any("加强巡查" in p and "结转理由" in p for p in problems)
    assert any("改造桥梁" in p and "不在 2024 年底前" in p for p in problems)
    assert any("修复路面" in p and "已落实" in p for p in problems)
    assert all(c.status is not CommitmentStatus.CARRIED for c in f.commitments())  # nothing written


def test_carrying_nothing_or_twice_is_refused(promised):
    f, _a, _b, ids = promised
    with pytest.raises(ValidationError, match="没有选中"):
        f.carry_over_many(2024, {})
    f.carry_over_many(2024, {ids["late"]: "资金列入下年度预算"})
    with pytest.raises(ValidationError, match="已结转 2025 年"):
        f.carry_over_many(2024, {ids["late"]: "再次结转"})
