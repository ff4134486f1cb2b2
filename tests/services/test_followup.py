"""Feedback, re-handling and commitments after the reply (services)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop_app.domain.enums import CommitmentStatus, FeedbackChannel, ItemStatus, Rating, ResultCategory
from desktop_app.domain.errors import ConflictError, ValidationError
from desktop_app.services.dto import ReplyRecord
from desktop_app.services.followup import FeedbackEntry, FollowupService
from tests.services.records import make_record, with_opinions


@pytest.fixture
def followup(ctx) -> FollowupService:
    return FollowupService(ctx)


@pytest.fixture
def replied(cases) -> int:
    reply = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED, body="已完成道路修复。")
    _changes, item_id = cases.finalise_reply(with_opinions(make_record(replies=(reply,))))
    return item_id


def entry(item_id, proposer_id=None, outcome=Rating.SATISFIED, **changes):
    values = dict(item_id=item_id, proposer_id=proposer_id, attitude=Rating.SATISFIED, outcome=outcome,
                  received_on=date(2024, 5, 20), channel=FeedbackChannel.PAPER, form_reference="意见表 2024-035-1")
    values.update(changes)
    return FeedbackEntry(**values)


def test_each_cosigner_gives_a_form_kept_with_who_entered_it(followup, cases, replied):
    (lead, _), (cosigner, _) = followup.cosigners(replied)
    followup.record_feedback(entry(replied, lead))
    result = followup.record_feedback(entry(replied, cosigner, Rating.FAIRLY_SATISFIED, comment="尽快推进"))
    assert result.warnings == () and result.second_reply_due is None
    forms = followup.feedback(replied)
    assert [(f.proposer_name, f.outcome) for f in forms] == [("张建国", Rating.SATISFIED), ("李秀英", Rating.FAIRLY_SATISFIED)]
    assert forms[1].entered_by == "测试员" and forms[1].reply_round == 1 and forms[1].comment == "尽快推进"
    assert cases.get(replied).status is ItemStatus.FEEDBACK


def test_a_rating_without_the_deputys_own_form_is_kept_with_a_warning(followup, replied):
    result = followup.record_feedback(entry(replied, form_reference=""))
    assert "被满意" in result.warnings[0]
    assert len(followup.feedback(replied)) == 1


def test_feedback_needs_a_rating_a_date_a_channel_and_a_reply(followup, cases, replied):
    with pytest.raises(ValidationError) as error:
        followup.record_feedback(entry(replied, attitude=None, outcome=None, received_on=None, channel=None))
    assert len(error.value.problems) == 3
    _c, unreplied = cases.save(make_record(number="0036"))
    with pytest.raises(ValidationError, match="请先在“答复”页定稿答复"):
        followup.record_feedback(entry(unreplied))


def test_dissatisfied_opens_rehandling_with_a_second_reply_due_one_month_later(followup, cases, replied):
    result = followup.record_feedback(entry(replied, outcome=Rating.DISSATISFIED, received_on=date(2024, 5, 22)))
    assert result.second_reply_due == date(2024, 6, 24)  # 22 June is a Saturday: next working day
    assert cases.get(replied).status is ItemStatus.REHANDLING
    with pytest.raises(ValidationError, match="须至少登记一项承诺事项"):
        followup.record_second_reply(replied, date(2024, 6, 3), ResultCategory.SOLVING, "再次答复。")
    followup.record_second_reply(replied, date(2024, 6, 3), ResultCategory.SOLVING, "再次答复。",
                                 commitments=[("完成路面拓宽", date(2024, 12, 31), "")])
    record = cases.get(replied)
    assert [(r.round, r.replied_on) for r in record.replies] == [(1, date(2024, 5, 10)), (2, date(2024, 6, 3))]
    assert record.status is ItemStatus.REPLIED and record.replies[1].result is ResultCategory.SOLVING
    assert record.replies[1].finalised  # recorded as sent: it counts as given


def test_three_rounds_keep_every_reply_feedback_and_due_date(ctx, followup, cases, replied):
    """Round 1 (replied 5-10) rated 不满意 on 5-22 → reply 2 due 6-24 (6-22 is a Saturday), given
    6-03; round 2 rated 不满意 on 6-10 → reply 3 due 7-10, flagged for 督办; given 7-01."""
    from desktop_app.domain.deadlines import DeadlineKind
    from desktop_app.services.deadlines import DeadlineService

    first = followup.record_feedback(entry(replied, outcome=Rating.DISSATISFIED, received_on=date(2024, 5, 22)))
    followup.record_second_reply(replied, date(2024, 6, 3), ResultCategory.SOLVED, "第二次答复。")
    ctx.now = lambda: datetime(2024, 6, 11, 9, 0)
    second = followup.record_feedback(entry(replied, outcome=Rating.DISSATISFIED, received_on=date(2024, 6, 10),
                                            form_reference="意见表 2024-035-2"))
    assert (first.second_reply_due, second.second_reply_due) == (date(2024, 6, 24), date(2024, 7, 10))
    assert any("重点督办" in w for w in second.warnings) and cases.get(replied).is_key
    ctx.now = lambda: datetime(2024, 7, 2, 9, 0)
    followup.record_second_reply(replied, date(2024, 7, 1), ResultCategory.SOLVED, "第三次答复。")
    record = cases.get(replied)
    assert [(r.round, r.replied_on, r.body) for r in record.replies] == [
        (1, date(2024, 5, 10), "已完成道路修复。"), (2, date(2024, 6, 3), "第二次答复。"), (3, date(2024, 7, 1), "第三次答复。")]
    assert [(f.reply_round, f.received_on) for f in followup.feedback(replied)] == [
        (1, date(2024, 5, 22)), (2, date(2024, 6, 10))]
    rounds = [(r.due_on, r.done_on) for r in DeadlineService(ctx).item_deadlines(replied)
              if r.kind is DeadlineKind.SECOND_REPLY]
    assert rounds == [(date(2024, 6, 24), date(2024, 6, 3)), (date(2024, 7, 10), date(2024, 7, 1))]
    assert record.status is ItemStatus.REPLIED


def test_no_more_forms_per_round_than_proposers(followup, replied):
    (lead, _), (cosigner, _) = followup.cosigners(replied)
    followup.record_feedback(entry(replied, lead))
    with pytest.raises(ValidationError, match="已经录入过"):
        followup.record_feedback(entry(replied, lead))
    followup.record_feedback(entry(replied, cosigner))
    with pytest.raises(ValidationError, match="与提出人人数（2 人）相同"):
        followup.record_feedback(entry(replied))
    assert len(followup.feedback(replied)) == 2


def test_a_followup_write_makes_an_open_editor_reload_before_saving(followup, cases, replied):
    stale = cases.get(replied)
    followup.record_feedback(entry(replied, outcome=Rating.DISSATISFIED))
    with pytest.raises(ConflictError):
        cases.save(stale)


def test_closing_a_commitment_records_its_evidence(followup, replied):
    _c, cid = followup.add_commitment(replied, "完成新河镇道路修复", date(2024, 12, 31))
    with pytest.raises(ValidationError, match="佐证"):
        followup.close_commitment(cid, date(2024, 6, 1), " ")
    followup.close_commitment(cid, date(2024, 6, 1), "竣工验收单（2024-06-01）")
    (done,) = followup.commitments(replied)
    assert done.status is CommitmentStatus.DONE and done.evidence == "竣工验收单（2024-06-01）"
    assert done.closed_on == date(2024, 6, 1)


def test_open_commitments_are_carried_into_next_year_with_a_reason(followup, replied):
    _c, late = followup.add_commitment(replied, "建成停车场", date(2024, 11, 30))
    _c, next_year = followup.add_commitment(replied, "改造桥梁", date(2025, 6, 30))
    _c, ongoing = followup.add_commitment(replied, "加强巡查", date(2024, 12, 31), "持续推进")
    assert {c.id for c in followup.open_at_year_end(2024)} == {late, ongoing}
    with pytest.raises(ValidationError, match="结转理由"):
        followup.carry_over(late, 2024, "")
    followup.carry_over(late, 2024, "资金列入下年度预算")
    carried = next(c for c in followup.commitments(replied) if c.id == late)
    assert carried.status is CommitmentStatus.CARRIED and carried.carried_to_year == 2025
    assert carried.carried_reason == "资金列入下年度预算"
    assert {c.id for c in followup.open_at_year_end(2024)} == {ongoing}
    assert next_year not in {c.id for c in followup.open_at_year_end(2024)}


def test_a_solving_reply_cannot_be_finalised_without_a_commitment(followup, cases, ctx):
    from desktop_app.domain.checklist import GateAction
    from desktop_app.services.checklist import ChecklistService

    draft = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVING, body="正在推进。")
    _c, item_id = cases.save(with_opinions(make_record(replies=(draft,))))
    record = cases.get(item_id)
    final = replace(record, replies=(replace(record.replies[0], finalised=True),))
    with pytest.raises(ValidationError, match="至少登记一项承诺事项"):
        cases.save(final)
    followup.add_commitment(item_id, "年底前完成道路拓宽", date(2024, 12, 31))
    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "代表已当面沟通，记录另附")
    cases.save(replace(cases.get(item_id), replies=final.replies))
    assert cases.get(item_id).replies[0].finalised


def test_a_new_item_cannot_be_saved_already_finalised_as_solving_without_commitments(cases):
    final = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.PLANNED, body="计划明年实施。",
                        finalised=True)
    with pytest.raises(ValidationError, match="请先在“反馈与承诺”页添加承诺事项，再点“答复”页的“定稿”按钮"):
        cases.save(with_opinions(make_record(replies=(final,))))
    solved = replace(final, result=ResultCategory.SOLVED)
    _c, item_id = cases.save(with_opinions(make_record(replies=(solved,))))  # 已经解决 promises nothing
    assert cases.get(item_id).replies[0].finalised


def test_commitments_and_the_publication_date_are_on_the_dashboard(ctx, followup, replied):
    from desktop_app.domain.deadlines import DeadlineKind
    from desktop_app.services.deadlines import DeadlineService

    _c, open_one = followup.add_commitment(replied, "建成停车场", date(2024, 6, 20))
    _c, carried = followup.add_commitment(replied, "改造桥梁", date(2024, 5, 31))
    _c, done = followup.add_commitment(replied, "修复路面", date(2024, 6, 1))
    followup.carry_over(carried, 2024, "资金列入下年度预算")
    followup.close_commitment(done, date(2024, 6, 1), "验收单")
    rows = DeadlineService(ctx).open_deadlines(date(2024, 6, 3))
    promised = sorted(r.due_on for r in rows if r.kind is DeadlineKind.COMMITMENT)
    assert promised == [date(2024, 5, 31), date(2024, 6, 20)]  # the carried one stays tracked
    # Replied on 10 May and public: its 20-working-day publication date is open as well.
    assert any(r.kind is DeadlineKind.PUBLICATION for r in rows)


def test_a_commitment_without_a_date_is_refused(followup, replied):
    with pytest.raises(ValidationError, match="“持续推进”没有具体日期"):
        followup.add_commitment(replied, "加强巡查", None, "持续推进")
    assert followup.commitments(replied) == []
