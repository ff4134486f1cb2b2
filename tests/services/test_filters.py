"""The filter panel: each criterion of CaseFilter narrows the case list as a user expects."""

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.enums import (
    ItemKind,
    ItemStatus,
    RaisedAt,
    ResultCategory,
    UnitRole,
)
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import CaseFilter, CaseRow

BASE = CaseRow(
    id=0, session_id=1, session_name="区二届人大五次会议", number="0001", kind=ItemKind.SUGGESTION,
    title="关于……的建议", lead_proposer="张建国", lead_units="区交通委", co_units="", our_role=UnitRole.LEAD,
    assigned_on=date(2024, 2, 20), status=ItemStatus.HANDLING, result=None, is_key=False,
    is_leader_handled=False, is_secret=False, raised_at=RaisedAt.PLENARY, category="",
    unit_ids=frozenset({1}), replied_on=None,
)
ROWS = [
    replace(BASE, id=1),
    replace(BASE, id=2, session_id=2, kind=ItemKind.PROPOSAL, our_role=UnitRole.CO, unit_ids=frozenset({2, 3})),
    replace(BASE, id=3, our_role=None, unit_ids=frozenset({3}), status=ItemStatus.REPLIED,
            result=ResultCategory.SOLVED, replied_on=date(2024, 5, 1), is_key=True),
    replace(BASE, id=4, assigned_on=None, is_leader_handled=True, is_secret=True, status=ItemStatus.CLOSED,
            result=ResultCategory.REFERENCE, replied_on=date(2024, 6, 1), our_role=UnitRole.SPLIT),
    replace(BASE, id=5, assigned_on=date(2024, 3, 15), status=ItemStatus.PENDING),
]


def ids(f: CaseFilter, matched=None) -> list[int]:
    return [r.id for r in CaseService.filter_rows(ROWS, f, matched)]


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (CaseFilter(), [1, 2, 3, 4, 5]),
        (CaseFilter(session_ids=frozenset({2})), [2]),
        (CaseFilter(kinds=frozenset({ItemKind.SUGGESTION})), [1, 3, 4, 5]),
        (CaseFilter(our_roles=frozenset({UnitRole.CO, None})), [2, 3]),
        (CaseFilter(our_roles=frozenset({UnitRole.SPLIT})), [4]),
        (CaseFilter(unit_ids=frozenset({3})), [2, 3]),
        (CaseFilter(statuses=frozenset({ItemStatus.PENDING, ItemStatus.CLOSED})), [4, 5]),
        (CaseFilter(results=frozenset({None})), [1, 2, 5]),
        (CaseFilter(results=frozenset({ResultCategory.SOLVED})), [3]),
        (CaseFilter(only_key=True), [3]),
        (CaseFilter(only_leader_handled=True), [4]),
        (CaseFilter(secret=True), [4]),
        (CaseFilter(secret=False), [1, 2, 3, 5]),
        (CaseFilter(assigned_from=date(2024, 3, 1)), [5]),
        (CaseFilter(assigned_to=date(2024, 2, 20)), [1, 2, 3]),
        (CaseFilter(replied_from=date(2024, 5, 15)), [4]),
        (CaseFilter(replied_to=date(2024, 5, 15)), [3]),
        (CaseFilter(kinds=frozenset({ItemKind.SUGGESTION}), our_roles=frozenset({UnitRole.LEAD})), [1, 5]),
    ],
)
def test_each_criterion(f, expected):
    assert ids(f) == expected


def test_text_matches_are_applied_and_order_kept():
    assert ids(CaseFilter(), {5, 2, 99}) == [2, 5]
    assert ids(CaseFilter(), set()) == []


def test_the_input_list_is_never_returned_itself():
    result = CaseService.filter_rows(ROWS, CaseFilter(), None)
    assert result == ROWS and result is not ROWS
