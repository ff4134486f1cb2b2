"""Checklist templates, versions, each item's checklist, ticks, progress and gates (services)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.checklist import Entry, EntryLevel, GateAction, add_entry, remove_entry, update_entry
from desktop_app.domain.enums import ItemStatus, ResultCategory, UnitRole
from desktop_app.domain.errors import ValidationError
from desktop_app.services.cases import CaseService
from desktop_app.services.checklist import ChecklistService, GateRefused
from desktop_app.services.dto import AssignmentRecord, ReplyRecord
from desktop_app.services.reference import ReferenceService
from tests.services.records import make_record, with_opinions

FINAL = ReplyRecord(finalised=True, replied_on=date(2024, 5, 20), result=ResultCategory.SOLVED, body="答复")


@pytest.fixture
def checklists(ctx) -> ChecklistService:
    return ChecklistService(ctx)


def register(ctx, **changes) -> int:
    return CaseService(ctx).save(make_record(**changes))[1]


def step_names(view):
    return [e.entry.name for e in view.entries if e.entry.level.value == "step"]


def test_registering_an_item_makes_its_checklist_from_the_current_template(ctx, checklists):
    item_id = register(ctx)
    view = checklists.item_checklist(item_id)
    assert view.template_name == "默认办理清单" and view.version_number == 1
    assert len(step_names(view)) == 9
    assert view.progress.text() == f"0/{view.progress.total}" and view.progress.next_step == "签收登记"


def test_a_co_unit_gets_the_co_units_steps_and_joint_handling_follows_the_item(ctx, checklists):
    units = [AssignmentRecord(None, f"区单位{i}", UnitRole.CO) for i in range(5)]
    lead = register(ctx, assignments=(AssignmentRecord(None, "区交通委", UnitRole.LEAD), *units))
    names = [e.entry.name for e in checklists.item_checklist(lead).entries]
    assert any(n.startswith("按要求联合办理") for n in names)
    ReferenceService(ctx).set_our_unit(next(u.id for u in ReferenceService(ctx).units() if u.name == "区单位0"))
    co = register(ctx, number="0036", assignments=(AssignmentRecord(None, "区交通委", UnitRole.LEAD), units[0]))
    view = checklists.item_checklist(co)
    assert step_names(view)[-1] == "会办汇总"
    assert not any(e.entry.name.startswith("按要求联合办理") for e in view.entries)


def test_tick_and_untick_are_recorded_with_who_when_note_and_evidence(ctx, checklists, fixed_now):
    item_id = register(ctx)
    entry = next(e for e in checklists.item_checklist(item_id).entries if e.entry.name == "签收登记")
    checklists.tick(entry.id, True, note="已登记")
    checklists.tick(entry.id, False, note="勾错了")
    checklists.tick(entry.id, True, note="重新确认")
    view = checklists.item_checklist(item_id)
    ticked = next(e for e in view.entries if e.id == entry.id)
    assert (ticked.done, ticked.done_by, ticked.done_at, ticked.note) == (True, "测试员", fixed_now, "重新确认")
    assert view.progress.done == 1 and view.progress.next_step == "审核职责"
    assert [(t.ticked, t.note) for t in checklists.ticks(item_id)] == [(True, "已登记"), (False, "勾错了"), (True, "重新确认")]
    assert checklists.progress_by_item()[item_id] == view.progress


def test_evidence_must_belong_to_the_item(ctx, checklists):
    item_id = register(ctx)
    entry = checklists.item_checklist(item_id).entries[1]
    with pytest.raises(ValidationError, match="沟通记录不属于"):
        checklists.tick(entry.id, True, contact_id=999)


def test_saving_makes_a_new_version_and_items_keep_theirs_until_applied(ctx, checklists):
    old_item = register(ctx)
    current = checklists.template()
    entries = add_entry(current.entries, Entry("new1", "归档"), "p3")
    entries = remove_entry(entries, "k11")
    _changes, version_id = checklists.save_template(current.template_id, current.name, current.description, entries)
    assert checklists.template().number == 2
    assert checklists.item_checklist(old_item).version_number == 1
    assert checklists.item_checklist(register(ctx, number="0036")).version_number == 2

    sign = next(e for e in checklists.item_checklist(old_item).entries if e.entry.name == "签收登记")
    checklists.tick(sign.id, True)
    assert old_item in checklists.items_behind()
    (preview,) = checklists.preview_apply(version_id, [old_item])
    assert preview.from_number == 1
    assert preview.diff.added == ("归档",) and preview.diff.removed == ("承诺事项跟踪到办结",)
    checklists.apply_version(version_id, [old_item])
    view = checklists.item_checklist(old_item)
    assert view.version_number == 2 and "归档" in [e.entry.name for e in view.entries]
    assert next(e for e in view.entries if e.entry.name == "签收登记").done  # the tick followed
    history = CaseService(ctx).history(old_item)
    assert any(h.field == "办理清单版本" and "新增 归档" in h.reason for h in history)


def test_an_invalid_template_is_refused_with_every_problem(checklists):
    current = checklists.template()
    with pytest.raises(ValidationError) as caught:
        checklists.save_template(current.template_id, "", "", (Entry("x", " ", EntryLevel.PHASE),))
    text = str(caught.value)
    assert "名称" in text and "至少要有一个步骤" in text
    assert checklists.template().number == 1


def test_finalising_a_reply_needs_the_pre_handling_contact_unless_overridden(ctx, checklists):
    cases = CaseService(ctx)
    item_id = CaseService(ctx).save(with_opinions(make_record()))[1]
    record = cases.get(item_id)
    finalised = replace(record, status=ItemStatus.REPLIED, replies=(FINAL,))
    with pytest.raises(GateRefused, match="“办前沟通”"):
        cases.save(finalised)
    assert cases.get(item_id).replies == ()  # nothing written

    checklists.override_gate(item_id, GateAction.REPLY_FINALISED, "代表出国，电话无法接通")
    cases.save(finalised)
    assert cases.get(item_id).replies[0].finalised
    history = cases.history(item_id)
    assert any(h.field == "越过关卡：答复定稿" and h.reason == "代表出国，电话无法接通" for h in history)
    assert "代表出国" in checklists.item_checklist(item_id).overrides[0]


def test_ticking_the_gated_step_lets_the_reply_be_finalised(ctx, checklists):
    cases = CaseService(ctx)
    item_id = CaseService(ctx).save(with_opinions(make_record()))[1]
    step = next(e for e in checklists.item_checklist(item_id).entries if e.entry.name == "办前沟通")
    checklists.tick(step.id, True, note="电话沟通")
    cases.save(replace(cases.get(item_id), replies=(FINAL,)))
    assert cases.get(item_id).replies[0].finalised


def test_an_override_needs_a_reason(ctx, checklists):
    with pytest.raises(ValidationError, match="理由"):
        checklists.override_gate(register(ctx), GateAction.REPLY_FINALISED, " ")


def test_a_step_with_a_due_offset_is_a_deadline_until_ticked(ctx, checklists):
    from desktop_app.domain.deadlines import DeadlineKind
    from desktop_app.services.deadlines import DeadlineService

    current = checklists.template()
    entries = update_entry(current.entries, "s4", due_length=14)  # 办前沟通 within 14 days of 交办
    checklists.save_template(current.template_id, current.name, current.description, entries)
    item_id = register(ctx)  # 交办 2024-02-20
    deadlines = DeadlineService(ctx)
    step = [d for d in deadlines.item_deadlines(item_id) if d.kind is DeadlineKind.CHECKLIST and "办前沟通" in d.explanation]
    assert [d.due_on for d in step] == [date(2024, 3, 5)]
    assert any(r.kind is DeadlineKind.CHECKLIST for r in deadlines.open_deadlines(as_of=date(2024, 3, 1)))
    entry = next(e for e in checklists.item_checklist(item_id).entries if e.entry.name == "办前沟通")
    checklists.tick(entry.id, True)  # today, 2024-06-03
    assert not any(r.kind is DeadlineKind.CHECKLIST and r.item_id == item_id and "办前沟通" in r.explanation
                   for r in deadlines.open_deadlines())
    # As of 2024-03-01 it was not ticked yet.
    assert any(r.kind is DeadlineKind.CHECKLIST and r.item_id == item_id and "办前沟通" in r.explanation
               for r in deadlines.open_deadlines(as_of=date(2024, 3, 1)))


def test_the_seeded_template_is_the_default_of_domain_md(checklists):
    from desktop_app.domain.checklist import default_template

    assert checklists.template().entries == default_template()
