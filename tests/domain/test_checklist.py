"""The checklist's conditions, tree editing, version diff, progress and gates (pure domain)."""

from __future__ import annotations

import pytest

from desktop_app.domain.checklist import (
    Condition,
    Entry,
    EntryLevel,
    GateAction,
    ItemProfile,
    RoleFilter,
    add_entry,
    build_checklist,
    default_template,
    diff,
    gate_message,
    indent,
    missing_before,
    move_down,
    move_entry,
    move_up,
    outdent,
    progress,
    remove_entry,
    template_problems,
)
from desktop_app.domain.enums import ItemKind, UnitRole

LEAD = ItemProfile(ItemKind.SUGGESTION, UnitRole.LEAD)


def names(entries):
    return [e.name for e in entries]


def test_default_template_has_three_phases_nine_steps_eleven_key_points():
    t = default_template()
    levels = [e.level for e in t]
    assert levels.count(EntryLevel.PHASE) == 3
    assert levels.count(EntryLevel.STEP) == 9
    assert levels.count(EntryLevel.POINT) == 11
    assert template_problems(t) == []


def test_co_unit_gets_the_co_units_steps_only():
    co = build_checklist(default_template(), ItemProfile(ItemKind.PROPOSAL, UnitRole.CO))
    steps = [e.name for e in co if e.level is EntryLevel.STEP]
    assert steps == ["签收登记", "审核职责", "制定方案", "办前沟通", "调研协调", "会办汇总"]
    # 办后 has nothing left for a co-unit, so the phase goes too.
    assert "办后" not in names(co)


def test_joint_handling_for_leader_handled_or_more_than_four_co_units():
    joint = "按要求联合办理（实地调研、现场办公、座谈讨论、专题会议）"
    assert joint not in names(build_checklist(default_template(), LEAD))
    assert joint not in names(build_checklist(default_template(), ItemProfile(ItemKind.SUGGESTION, UnitRole.LEAD, co_units=4)))
    assert joint in names(build_checklist(default_template(), ItemProfile(ItemKind.SUGGESTION, UnitRole.LEAD, co_units=5)))
    assert joint in names(build_checklist(default_template(), ItemProfile(ItemKind.SUGGESTION, UnitRole.SPLIT, leader_handled=True)))


def test_conditions_on_kind_and_key_item():
    only_proposals = Condition(kinds=frozenset({ItemKind.PROPOSAL}))
    assert not only_proposals.applies(LEAD)
    assert only_proposals.applies(ItemProfile(ItemKind.PROPOSAL))
    key = Condition(key_item=True)
    assert not key.applies(LEAD) and key.applies(ItemProfile(ItemKind.SUGGESTION, key_item=True))
    assert Condition(roles=frozenset({RoleFilter.CO}), key_item=True).describe() == "我单位会办；重点督办"


def test_condition_json_round_trip_and_clear_errors():
    c = Condition(frozenset({ItemKind.PROPOSAL}), frozenset({RoleFilter.LEAD}), True, False, 4)
    assert Condition.from_json(c.to_json()) == c
    with pytest.raises(ValueError, match="会办单位超过"):
        Condition.from_dict({"co_units_over": "五"})
    with pytest.raises(ValueError, match="无法识别"):
        Condition.from_dict({"kinds": ["motion"]})


def small():
    t = ()
    t = add_entry(t, Entry("a", "办前"))
    t = add_entry(t, Entry("b", "办中"))
    t = add_entry(t, Entry("a1", "签收"), "a")
    t = add_entry(t, Entry("a2", "沟通"), "a")
    return t


def test_moves_change_order_and_level():
    t = small()
    assert names(move_up(t, "a2")) == ["办前", "沟通", "签收", "办中"]
    assert names(move_down(t, "a")) == ["办中", "办前", "签收", "沟通"]
    moved = move_entry(t, "a2", "b", 0)
    assert [(e.name, e.parent_key, e.level) for e in moved][-1] == ("沟通", "b", EntryLevel.STEP)
    down = indent(t, "a2")
    assert next(e for e in down if e.key == "a2").level is EntryLevel.POINT
    up = outdent(t, "a2")
    assert next(e for e in up if e.key == "a2").level is EntryLevel.PHASE
    assert names(up) == ["办前", "签收", "沟通", "办中"]


def test_illegal_moves_are_refused_with_a_reason():
    t = small()
    with pytest.raises(ValueError, match="自己的下级"):
        move_entry(t, "a", "a1", 0)
    with pytest.raises(ValueError, match="最高一级"):
        outdent(t, "a")
    deep = indent(add_entry(t, Entry("b1", "调研"), "b"), "b")  # 办中 → a step with a key point
    with pytest.raises(ValueError, match="三级"):
        indent(deep, "b")  # its key point would become a fourth level
    assert names(remove_entry(t, "a")) == ["办中"]


def test_diff_names_added_removed_changed_and_ticked_removals():
    old = small()
    new = update = remove_entry(old, "a2")
    new = add_entry(new, Entry("b1", "调研"), "b")
    new = tuple(e if e.key != "a1" else Entry("a1", "签收登记", e.level, e.parent_key) for e in new)
    d = diff(old, new, done_keys={"a2"})
    assert d.added == ("调研",) and d.removed == ("沟通",) and d.removed_done == ("沟通",)
    assert d.changed == ("签收→签收登记",)
    assert "新增 调研" in d.summary()
    assert diff(update, update).empty


def test_progress_counts_steps_and_points_and_names_the_next_step():
    t = build_checklist(default_template(), LEAD)
    p = progress(t, {"s1", "s2"})
    assert (p.done, p.next_step) == (2, "制定方案")
    assert p.total == len([e for e in t if e.level is not EntryLevel.PHASE])


def test_gate_names_the_missing_step():
    t = build_checklist(default_template(), LEAD)
    missing = missing_before(GateAction.REPLY_FINALISED, t, set())
    assert names(missing) == ["办前沟通"]
    assert "“办前沟通”" in gate_message(GateAction.REPLY_FINALISED, missing)
    assert missing_before(GateAction.REPLY_FINALISED, t, {"s4"}) == []
