"""定稿 and 取消定稿 of a reply through the case service, and the rules that refuse them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.checklist import GateAction
from desktop_app.domain.enums import ContactWay, ItemStatus, ResultCategory, UnitRole
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.validation import StatusFacts, status_problem
from desktop_app.services.cases import CaseService
from desktop_app.services.checklist import ChecklistService, GateRefused
from desktop_app.services.dto import AssignmentRecord, ContactRecord, ReplyRecord
from desktop_app.services.followup import FollowupService
from tests.services.records import make_record, with_opinions

REPLY = ReplyRecord(replied_on=date(2024, 5, 20), result=ResultCategory.SOLVED, body="已完成道路修复。")


@pytest.fixture
def cases(ctx) -> CaseService:
    return CaseService(ctx)


def saved(cases, record) -> int:
    return cases.save(record)[1]


def test_finalising_marks_the_reply_and_makes_the_item_replied(ctx, cases):
    item_id = saved(cases, with_opinions(make_record(status=ItemStatus.HANDLING, replies=(REPLY,))))
    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "代表出国，电话沟通记录另附")

    cases.finalise_reply(cases.get(item_id))

    record = cases.get(item_id)
    assert record.replies[0].finalised and record.status is ItemStatus.REPLIED
    assert any(h.field == "第1次答复 定稿" and h.new_value == "是" for h in record.history)


def test_the_checklist_gate_refuses_finalising_before_the_contact(cases):
    item_id = saved(cases, with_opinions(make_record(replies=(REPLY,))))
    with pytest.raises(GateRefused, match="办前沟通"):
        cases.finalise_reply(cases.get(item_id))
    assert not cases.get(item_id).replies[0].finalised


def test_a_missing_co_opinion_refuses_finalising_and_says_where_to_fill_it(ctx, cases):
    item_id = saved(cases, make_record(replies=(REPLY,)))
    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "已电话沟通，记录另附")
    with pytest.raises(ValidationError, match="会办单位“区农业农村委”的会办意见尚未收到") as refused:
        cases.finalise_reply(cases.get(item_id))
    assert "“办理单位”页" in str(refused.value)


def test_an_item_with_five_co_units_needs_joint_handling_before_finalising(ctx, cases):
    units = tuple(AssignmentRecord(None, f"区单位{i}", UnitRole.CO) for i in range(5))
    record = with_opinions(make_record(assignments=(AssignmentRecord(None, "区交通委", UnitRole.LEAD), *units),
                                       replies=(REPLY,)))
    item_id = saved(cases, record)
    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "已电话沟通，记录另附")
    with pytest.raises(ValidationError, match="须联合办理后答复才能定稿"):
        cases.finalise_reply(cases.get(item_id))
    forum = ContactRecord(contact_on=date(2024, 4, 2), way=ContactWay.FORUM, participants="五个会办单位")
    cases.finalise_reply(replace(cases.get(item_id), contacts=(forum,)))
    assert cases.get(item_id).replies[0].finalised


def test_a_solving_reply_needs_a_commitment_and_the_message_names_the_button(ctx, cases):
    solving = replace(REPLY, result=ResultCategory.SOLVING)
    item_id = saved(cases, with_opinions(make_record(replies=(solving,))))
    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "已电话沟通，记录另附")
    with pytest.raises(ValidationError, match="再点“答复”页的“定稿”按钮"):
        cases.finalise_reply(cases.get(item_id))
    FollowupService(ctx).add_commitment(item_id, "年底前完成道路拓宽", date(2024, 12, 31))
    cases.finalise_reply(cases.get(item_id))
    assert cases.get(item_id).replies[0].finalised


def test_unfinalising_needs_a_reason_kept_in_history_and_reopens_handling(ctx, cases):
    final = replace(REPLY, finalised=True)
    item_id = saved(cases, with_opinions(make_record(status=ItemStatus.REPLIED, replies=(final,))))
    with pytest.raises(ValidationError, match="取消定稿须写明理由"):
        cases.unfinalise_reply(cases.get(item_id), 1, "  ")

    cases.unfinalise_reply(cases.get(item_id), 1, "代表补充了意见，答复需重写")

    record = cases.get(item_id)
    assert not record.replies[0].finalised and record.status is ItemStatus.HANDLING
    rows = [h for h in record.history if h.field == "第1次答复 定稿"]
    assert rows and rows[0].reason == "取消定稿：代表补充了意见，答复需重写"


def test_finalising_without_a_reply_is_refused(cases):
    item_id = saved(cases, make_record())
    with pytest.raises(ValidationError, match="还没有第 1 次答复"):
        cases.finalise_reply(cases.get(item_id))


def test_the_status_rule_names_what_the_record_lacks(ctx, cases):
    draft = make_record(replies=(REPLY,))
    final = make_record(replies=(replace(REPLY, finalised=True),))
    assert "须有已定稿的答复" in status_problem(ItemStatus.REPLIED, draft, StatusFacts())
    assert status_problem(ItemStatus.REPLIED, final, StatusFacts()) is None
    assert "取消定稿" in status_problem(ItemStatus.HANDLING, final, StatusFacts())
    assert "须有代表的反馈" in status_problem(ItemStatus.FEEDBACK, final, StatusFacts())
    assert status_problem(ItemStatus.FEEDBACK, final, StatusFacts(feedback=1)) is None
    assert "不满意" in status_problem(ItemStatus.REHANDLING, final, StatusFacts(feedback=1))
    assert "未落实" in status_problem(ItemStatus.CLOSED, final, StatusFacts(feedback=1, open_commitments=2))
    assert "还没有代表的反馈" in status_problem(ItemStatus.CLOSED, final, StatusFacts())
    waited = replace(final, feedback_wait_note="多次联系未反馈")
    assert status_problem(ItemStatus.CLOSED, waited, StatusFacts()) is None
    with_draft = replace(final, replies=(*final.replies, ReplyRecord(round=2)))
    assert "第 2 次答复还是草稿" in status_problem(ItemStatus.CLOSED, with_draft, StatusFacts(feedback=1))
    assert "退回申请日期" in status_problem(ItemStatus.RETURN_REQUESTED, draft, StatusFacts())
    item_id = saved(cases, make_record())
    FollowupService(ctx).add_commitment(item_id, "年底前完成", date(2024, 12, 31))
    assert cases.status_facts(item_id) == StatusFacts(feedback=0, dissatisfied=False, open_commitments=1)
