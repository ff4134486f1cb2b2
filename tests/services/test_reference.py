"""Units, sessions, proposers, our unit and settings kept in the database."""

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.enums import Body, Level, ProposerType, UnitRole
from desktop_app.domain.errors import ValidationError
from desktop_app.services.dto import ProposerInfo, SessionInfo, UnitInfo
from tests.services.records import make_record


def test_units_are_listed_by_order_then_name_and_inactive_ones_hidden(reference):
    reference.save_unit(UnitInfo(0, "区教育局", sort_order=2))
    reference.save_unit(UnitInfo(0, "区交通委", "交通委", sort_order=1))
    reference.save_unit(UnitInfo(0, "区水务局", active=False))
    assert [u.name for u in reference.units()] == ["区交通委", "区教育局"]
    assert [u.name for u in reference.units(include_inactive=True)] == ["区水务局", "区交通委", "区教育局"]
    assert reference.units()[0].short_name == "交通委"


def test_a_duplicate_unit_name_is_refused(reference):
    reference.save_unit(UnitInfo(0, "区交通委"))
    with pytest.raises(ValidationError, match="单位“区交通委”已存在"):
        reference.save_unit(UnitInfo(0, " 区交通委 "))
    with pytest.raises(ValidationError, match="不能为空"):
        reference.save_unit(UnitInfo(0, "  "))


def test_a_used_unit_cannot_be_deleted_but_can_be_set_inactive(cases, reference):
    cases.save(make_record())
    cases.save(make_record(number="0036"))
    unit = next(u for u in reference.units() if u.name == "区交通委")
    with pytest.raises(ValidationError, match="已用于 2 件建议提案，不能删除.*停用"):
        reference.delete_unit(unit.id)
    reference.save_unit(replace(unit, active=False))
    assert "区交通委" not in [u.name for u in reference.units()]
    assert cases.list_rows()[0].lead_units == "区交通委"


def test_an_unused_unit_is_deleted(reference):
    reference.save_unit(UnitInfo(0, "区水务局"))
    (unit,) = reference.units()
    reference.set_our_unit(unit.id)
    changes = reference.delete_unit(unit.id)
    assert "unit" in changes.kinds
    assert reference.units(include_inactive=True) == []
    assert reference.our_unit_id() is None


def test_renaming_a_unit_updates_the_case_list(cases, reference):
    _c, item_id = cases.save(make_record())
    unit = next(u for u in reference.units() if u.name == "区农业农村委")
    changes = reference.save_unit(replace(unit, name="区农业农村委员会"))
    assert changes.item_ids == {item_id}
    assert cases.list_rows()[0].co_units == "区农业农村委员会"
    assert unit.id in cases.list_rows()[0].unit_ids


def test_our_unit_sets_our_role_on_every_row(cases, reference):
    cases.save(make_record())
    assert reference.our_unit_id() is None
    assert cases.list_rows()[0].our_role is None
    unit = next(u for u in reference.units() if u.name == "区交通委")
    changes = reference.set_our_unit(unit.id)
    assert "item" in changes.kinds
    assert reference.our_unit_id() == unit.id
    assert cases.list_rows()[0].our_role is UnitRole.LEAD


def test_sessions_newest_first_and_duplicates_refused(reference):
    reference.save_session(SessionInfo(0, "区二届人大四次会议", Body.CONGRESS, Level.DISTRICT, 2023))
    reference.save_session(SessionInfo(0, "区二届人大五次会议", Body.CONGRESS, Level.DISTRICT, 2024,
                                       date(2024, 1, 8)))
    sessions = reference.sessions()
    assert [s.name for s in sessions] == ["区二届人大五次会议", "区二届人大四次会议"]
    assert sessions[0].opened_on == date(2024, 1, 8) and sessions[0].body is Body.CONGRESS
    with pytest.raises(ValidationError, match="已存在"):
        reference.save_session(SessionInfo(0, "区二届人大四次会议", Body.CONGRESS, Level.DISTRICT, 2023))
    reference.save_session(replace(sessions[1], name="区二届人大四次会议（改）"))
    assert reference.sessions()[1].name == "区二届人大四次会议（改）"


def test_proposers_by_body_with_details_and_renaming(cases, reference):
    _c, item_id = cases.save(make_record())
    reference.save_proposer(ProposerInfo(0, "民革区委", Body.CPPCC, ProposerType.PARTY))
    assert [p.name for p in reference.proposers(Body.CPPCC)] == ["民革区委"]
    zhang = next(p for p in reference.proposers(Body.CONGRESS) if p.name == "张建国")
    assert (zhang.phone, zhang.delegation, zhang.proposer_type) == ("13900000001", "城桥镇代表团", ProposerType.DEPUTY)
    with pytest.raises(ValidationError, match="已有“李秀英”"):
        reference.save_proposer(replace(zhang, name="李秀英"))
    reference.save_proposer(replace(zhang, name="张建华", phone="13900000009"))
    assert cases.list_rows()[0].lead_proposer == "张建华"
    assert cases.search_ids("张建华") == {item_id}
    assert cases.get(item_id).proposers[0].phone == "13900000009"


def test_settings_round_trip_with_default(reference):
    assert reference.get_setting("letter.city", "崇明区") == "崇明区"
    reference.set_setting("letter.city", "崇明")
    assert reference.get_setting("letter.city", "x") == "崇明"
