"""A valid record to start tests from (helpers for the case register's service tests)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.enums import ItemKind, ProposerRole, ProposerType, UnitRole
from desktop_app.services.dto import AssignmentRecord, CaseRecord, ProposerLink

SESSION = "区二届人大五次会议"


def make_record(**changes) -> CaseRecord:
    """A valid 代表建议 in 区二届人大五次会议 led by 区交通委, as a user would first enter it."""
    record = CaseRecord(
        kind=ItemKind.SUGGESTION,
        session_id=None,
        session_name=SESSION,
        number="0035",
        title="关于加强农村道路养护管理的建议",
        content="部分农村道路路面破损。建议：一是加大养护投入；二是明确养护责任。",
        category="城乡建设",
        assigned_on=date(2024, 2, 20),
        proposers=(
            ProposerLink("张建国", ProposerRole.LEAD, ProposerType.DEPUTY, phone="13900000001",
                         delegation="城桥镇代表团"),
            ProposerLink("李秀英", ProposerRole.COSIGNER, ProposerType.DEPUTY),
        ),
        assignments=(
            AssignmentRecord(None, "区交通委", UnitRole.LEAD),
            AssignmentRecord(None, "区农业农村委", UnitRole.CO),
        ),
    )
    return replace(record, **changes)


def with_opinions(record: CaseRecord, received_on: date = date(2024, 3, 15)) -> CaseRecord:
    """``record`` with every 会办 unit's opinion received (a reply can be finalised only then)."""
    return replace(record, assignments=tuple(
        replace(a, opinion_received_on=received_on, opinion_text="同意主办单位的办理意见。")
        if a.role is UnitRole.CO else a for a in record.assignments))
