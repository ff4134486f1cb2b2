"""Named views: filter settings saved as JSON and read back exactly."""

import json
from datetime import date

import pytest

from desktop_app.domain.enums import ItemKind, ItemStatus, ResultCategory, UnitRole
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.services.dto import CaseFilter
from desktop_app.services.views import ViewService, filter_from_json, filter_to_json

FULL = CaseFilter(
    text="道路 0035", session_ids=frozenset({1, 3}), kinds=frozenset({ItemKind.PROPOSAL}),
    our_roles=frozenset({UnitRole.CO, None}), unit_ids=frozenset({4}),
    statuses=frozenset({ItemStatus.PENDING, ItemStatus.TRACKING}),
    results=frozenset({None, ResultCategory.PLANNED}), only_key=True, only_leader_handled=True,
    secret=False, assigned_from=date(2024, 1, 1), assigned_to=date(2024, 6, 30),
    replied_from=date(2024, 3, 1), replied_to=date(2024, 12, 31),
)


@pytest.mark.parametrize("f", [CaseFilter(), FULL, CaseFilter(secret=True)])
def test_json_round_trip_is_exact(f):
    assert filter_from_json(filter_to_json(f)) == f


def test_json_holds_codes_and_iso_dates():
    data = json.loads(filter_to_json(FULL))
    assert data["kinds"] == ["proposal"] and data["our_roles"] == [None, "co"]
    assert data["assigned_from"] == "2024-01-01"


def test_unknown_codes_and_keys_from_an_older_version_are_dropped():
    f = filter_from_json('{"kinds": ["suggestion", "gone"], "colour": "red"}')
    assert f == CaseFilter(kinds=frozenset({ItemKind.SUGGESTION}))


def test_damaged_json_is_a_clear_problem():
    with pytest.raises(ValidationError, match="视图设置已损坏"):
        filter_from_json("{not json")


def test_views_are_saved_replaced_listed_and_deleted(ctx):
    views = ViewService(ctx)
    views.save_view("我方主办未答复", FULL)
    views.save_view("全部", CaseFilter())
    views.save_view("我方主办未答复", CaseFilter(only_key=True))
    assert views.views() == [("全部", CaseFilter()), ("我方主办未答复", CaseFilter(only_key=True))]
    views.delete_view("全部")
    assert [name for name, _f in views.views()] == ["我方主办未答复"]
    with pytest.raises(NotFoundError):
        views.delete_view("全部")
    with pytest.raises(ValidationError, match="视图名称不能为空"):
        views.save_view(" ", FULL)
