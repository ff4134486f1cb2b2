"""The guardrails of domain.md §4 on save (issue 15): each forbidden state is refused with its
Chinese message and the allowed path still works. Today is 2024-06-03 (tests' fixed clock); 交办
2024-02-20, so the reply falls due 2024-05-20."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.enums import ContactWay, Disclosure, ItemStatus, ResultCategory, UnitRole
from desktop_app.domain.errors import ValidationError
from desktop_app.services.dto import AssignmentRecord, ContactRecord, ReplyRecord
from tests.services.records import make_record, pass_checklist_gate, with_opinions

REPLY = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED, body="已完成。")


def lead(**changes) -> AssignmentRecord:
    return AssignmentRecord(None, "区交通委", UnitRole.LEAD, **changes)


def refused(cases, record, text: str) -> None:
    with pytest.raises(ValidationError) as error:
        cases.save(record)
    assert any(text in p for p in error.value.problems), error.value.problems


@pytest.mark.parametrize(("what", "record"), [
    ("签收日期", make_record(assignments=(lead(signed_on=date(2024, 6, 4)),))),
    ("答复日期", make_record(replies=(replace(REPLY, replied_on=date(2027, 1, 10)),))),
    ("沟通记录的日期", make_record(contacts=(ContactRecord(date(2024, 7, 1), ContactWay.MEETING),))),
])
def test_events_dated_after_today_are_refused(cases, what, record):
    refused(cases, record, f"{what} ")
    refused(cases, record, "在今天（2024-06-03）之后")


def test_events_dated_today_are_accepted(cases):
    cases.save(make_record(assignments=(lead(signed_on=date(2024, 6, 3)),),
                           contacts=(ContactRecord(date(2024, 6, 3), ContactWay.PHONE),)))


def test_a_secret_item_cannot_be_marked_public(cases):
    refused(cases, make_record(is_secret=True, replies=(REPLY,)), "此件为涉密件，第 1 次答复不能标为“此件公开发布”")
    refused(cases, make_record(is_secret=True, replies=(replace(REPLY, disclosure=Disclosure.ON_REQUEST),)),
            "不能标为“此件依申请公开”")
    cases.save(make_record(is_secret=True, replies=(
        replace(REPLY, disclosure=Disclosure.NOT_PUBLIC, disclosure_reason="涉密"),)))


def test_return_is_asked_after_signing_and_within_seven_working_days(cases):
    """Signed Wed 2024-02-21: 7 working days end Fri 2024-03-01."""
    refused(cases, make_record(assignments=(lead(return_requested_on=date(2024, 2, 22)),)), "还没有签收，不能申请退回")
    refused(cases, make_record(assignments=(lead(signed_on=date(2024, 2, 21), return_requested_on=date(2024, 2, 20)),)),
            "早于签收日期")
    late = lead(signed_on=date(2024, 2, 21), return_requested_on=date(2024, 3, 4), return_reason="不属本单位职责")
    refused(cases, make_record(assignments=(late,)), "（2024-03-01 前）申请；2024-03-04 已超过期限")
    cases.save(make_record(assignments=(replace(late, return_late_reason="交办材料 3 月 1 日才补齐"),)))
    cases.save(make_record(number="0036", assignments=(replace(late, return_requested_on=date(2024, 3, 1)),)))


def test_extension_is_asked_before_the_reply_falls_due(cases):
    asked_late = lead(extension_requested_on=date(2024, 5, 21), extension_months=1, extension_reason="需调研")
    refused(cases, make_record(assignments=(asked_late,)), "延期申请日期 2024-05-21 晚于答复到期日 2024-05-20")
    in_time = replace(asked_late, extension_requested_on=date(2024, 5, 20), extension_told_on=date(2024, 5, 19))
    refused(cases, make_record(assignments=(in_time,)), "告知代表延期的日期早于延期申请日期")
    cases.save(make_record(assignments=(replace(in_time, extension_told_on=date(2024, 5, 22)),)))


def test_a_unit_assigned_later_asks_for_extension_by_its_own_due_date(cases):
    """调整分办: the new lead got the item on 2024-04-01, so its reply is due 2024-07-01."""
    moved = lead(assigned_on=date(2024, 4, 1), designated=True, extension_requested_on=date(2024, 6, 1),
                 extension_months=1, extension_reason="需调研")
    _c, item_id = cases.save(make_record(assignments=(moved,)))
    saved = cases.get(item_id).assignments[0]
    assert (saved.assigned_on, saved.designated) == (date(2024, 4, 1), True)


def test_joint_handling_needs_the_units_taking_part_or_a_recorded_reason(ctx, cases):
    record = with_opinions(make_record(is_leader_handled=True, leader_name="李明华"))
    _c, item_id = cases.save(record)
    pass_checklist_gate(ctx, item_id)
    final = replace(cases.get(item_id), replies=(REPLY,))
    no_units = replace(final, contacts=(ContactRecord(date(2024, 4, 1), ContactWay.FORUM),))
    with pytest.raises(ValidationError, match="须联合办理后答复才能定稿"):
        cases.finalise_reply(no_units)
    assert cases.finalise_gates(no_units)
    with_units = replace(final, contacts=(ContactRecord(date(2024, 4, 1), ContactWay.FORUM, "区交通委、区农业农村委"),))
    assert cases.finalise_gates(with_units) == []
    _c, item_id = cases.finalise_reply(no_units, override_reason="代表要求尽快答复，座谈另行补开")
    assert cases.get(item_id).status is ItemStatus.REPLIED
    assert any(h.reason == "未经会办意见或联合办理定稿：代表要求尽快答复，座谈另行补开" for h in cases.history(item_id))


def test_a_missing_opinion_blocks_finalising_unless_a_reason_is_recorded(ctx, cases):
    _c, item_id = cases.save(make_record())  # 区农业农村委 (会办) has sent nothing
    pass_checklist_gate(ctx, item_id)
    record = replace(cases.get(item_id), replies=(REPLY,))
    with pytest.raises(ValidationError, match="会办意见尚未收到"):
        cases.finalise_reply(record)
    cases.finalise_reply(record, override_reason="会办单位电话同意，书面意见后补")
    assert cases.get(item_id).replies[0].finalised


def test_a_status_typed_against_the_record_is_refused_and_nothing_is_written(cases):
    _c, item_id = cases.save(make_record())
    closed = replace(cases.get(item_id), status=ItemStatus.CLOSED, title="改过的标题")
    refused(cases, closed, "须有已定稿的答复")
    assert cases.get(item_id).title == "关于加强农村道路养护管理的建议"


def test_a_unit_added_after_the_hand_over_runs_from_the_day_it_was_added(cases):
    """调整分办 on 2024-06-03: the new lead unit's reply is due 2024-09-03, not 2024-05-20."""
    from desktop_app.domain.deadlines import DeadlineKind
    from desktop_app.services.deadlines import DeadlineService

    _c, item_id = cases.save(make_record(assignments=(lead(),)))
    record = cases.get(item_id)
    moved = (replace(record.assignments[0], role=UnitRole.CO),
             AssignmentRecord(None, "区水务局", UnitRole.LEAD, designated=True))
    cases.save(replace(record, assignments=moved))
    water = next(a for a in cases.get(item_id).assignments if a.unit_name == "区水务局")
    assert (water.assigned_on, water.designated) == (date(2024, 6, 3), True)
    dues = {(r.kind, r.unit_name): r.due_on for r in DeadlineService(cases.ctx).item_deadlines(item_id)}
    assert dues[(DeadlineKind.REPLY, "区水务局")] == date(2024, 9, 3)
    assert any(h.field == "区水务局 交办日期" and h.new_value == "2024-06-03" for h in cases.history(item_id))
