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


def pass_checklist_gate(ctx, item_id: int) -> None:
    """Override the checklist's 办前沟通 gate on finalising, as a user may (with a reason): tests
    about other rules are not held up by it."""
    from desktop_app.domain.checklist import GateAction
    from desktop_app.services.checklist import ChecklistService

    ChecklistService(ctx).override_gate(item_id, GateAction.REPLY_FINALISED, "已电话沟通")


def save_replied(cases, record: CaseRecord, commitments=()) -> int:
    """Save ``record`` as a user does, with every 会办意见 received and its replies finalised in
    turn; with ``commitments`` ((description, due_on) pairs) the replies are saved as drafts
    first, the commitments added, then finalised (the checklist's 办前沟通 gate overridden, as a
    user may). Returns the item id; the item ends 已答复."""
    from desktop_app.domain.enums import ItemStatus
    from desktop_app.services.followup import FollowupService

    drafts = tuple(replace(r, finalised=False) for r in sorted(record.replies, key=lambda r: r.round))
    record = replace(with_opinions(record), status=ItemStatus.HANDLING)
    if not commitments:
        first = replace(record, replies=(replace(drafts[0], finalised=True), *drafts[1:]))
        _c, item_id = cases.finalise_reply(first, drafts[0].round)
        later = drafts[1:]
    else:
        _c, item_id = cases.save(replace(record, replies=drafts))
        FollowupService(cases.ctx).add_commitments(item_id, [(text, due, "") for text, due in commitments])
        pass_checklist_gate(cases.ctx, item_id)
        later = drafts
    for reply in later:
        cases.finalise_reply(cases.get(item_id), reply.round)
    return item_id
