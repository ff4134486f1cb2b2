"""Rules an item must satisfy before it is saved (domain layer, pure Python).

``case_problems`` reads a CaseRecord-like object by attribute (the DTO lives in the services
layer, which the domain must not import) plus the facts only the database knows, passed in by the
service. Each problem is a full Chinese sentence saying what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain import guardrails
from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.deadlines import RuleSet
from desktop_app.domain.enums import (
    ContactWay,
    Disclosure,
    FilingDecision,
    ItemKind,
    ItemStatus,
    ProposerRole,
    ReturnOutcome,
    UnitRole,
)

MAX_EXTENSION_MONTHS = 3
#: 联合办理 (domain.md §2): the contact ways that count as joint handling.
JOINT_WAYS = (ContactWay.FIELD_RESEARCH, ContactWay.ON_SITE_OFFICE, ContactWay.FORUM, ContactWay.TOPIC_MEETING)
#: More co-handling units than this require joint handling before the reply is finalised.
JOINT_HANDLING_CO_UNITS = 4
#: Where the user finalises a reply: the editor's button, named the same in every message.
FINALISE = "“答复”页的“定稿”按钮"
TITLE_MAX = 300
NUMBER_MAX = 30


def proposal_problems(record, today: date | None = None) -> list[str]:
    """The 政协提案 fields (issue 23): 立案 only for a 提案, its date not in the future, a reply
    date only for a 不立案 意见, a 督办领导 only on a 重点提案."""
    filing = getattr(record, "filing", None)
    filed_on = getattr(record, "filed_on", None)
    problems = []
    if ItemKind(record.kind) is not ItemKind.PROPOSAL:
        if filing is not None or filed_on is not None:
            problems.append("立案情况只适用于政协提案：代表建议请清空“立案情况”和“立案日期”。")
        return problems
    if filed_on is not None and filing is None:
        problems.append("填了立案日期却没有选择立案情况：请选择“立案”或“不立案”，或清空立案日期。")
    if filed_on is not None and today is not None and filed_on > today:
        problems.append(f"立案日期 {_d(filed_on)} 晚于今天：请填写提案委员会实际作出决定的日期。")
    if getattr(record, "reference_due_on", None) is not None and filing is not FilingDecision.NOT_FILED:
        problems.append("“参考件答复日期”只用于不立案、转有关部门参考的意见：请清空它，或把立案情况改为不立案。")
    if (getattr(record, "supervisor", "") or "").strip() and not record.is_key:
        problems.append("填了督办领导，但此件没有勾选“重点提案督办”：请勾选，或清空督办领导。")
    return problems


def _d(value: date) -> str:
    return value.isoformat()


@dataclass(frozen=True)
class StatusFacts:
    """What the database knows about an item beyond its record, for the status rules."""

    feedback: int = 0
    dissatisfied: bool = False
    open_commitments: int = 0


def case_problems(record, *, number_used_by: str | None = None, commitments: int | None = None,
                  finalised_rounds: frozenset[int] = frozenset(), today: date | None = None,
                  rules: RuleSet | None = None, calendar: WorkCalendar | None = None,
                  gates_overridden: bool = False) -> list[str]:
    """Every problem of ``record``; ``number_used_by`` is the title of another item of the same
    session that already has this number (None when the number is free). ``commitments`` is how
    many 承诺事项 the saved item has (None: not known; 0 for a new item, which cannot have any yet)
    and ``finalised_rounds`` the replies already stored as 定稿 (the finalising rules apply when a
    reply becomes 定稿). ``today`` refuses events dated later; ``rules`` and ``calendar`` check the
    退回 and 延期 windows. ``gates_overridden``: the user recorded why the reply is finalised
    without a 会办意见 or the joint handling (kept in history). The status is checked by
    ``status_problem``."""
    problems: list[str] = []
    title = (record.title or "").strip()
    number = (record.number or "").strip()
    session_name = (record.session_name or "").strip()
    if not title:
        problems.append("标题不能为空，请填写建议或提案的标题。")
    elif len(title) > TITLE_MAX:
        problems.append(f"标题有 {len(title)} 个字，超过 {TITLE_MAX} 字的上限，请精简标题。")
    if not number:
        problems.append("编号不能为空，请填写本届次内的编号（例如 0035）。")
    elif len(number) > NUMBER_MAX:
        problems.append(f"编号“{number}”太长（最多 {NUMBER_MAX} 个字符），请检查。")
    if record.session_id is None and not session_name:
        problems.append("请选择或填写届次（例如 区二届人大五次会议）。")
    if number and number_used_by is not None:
        problems.append(
            f"编号 {number} 在 {session_name} 中已被“{number_used_by}”使用，请换一个编号。"
        )
    problems += _proposer_problems(record.proposers)
    problems += proposal_problems(record, today)
    problems += _assignment_problems(record)
    problems += _reply_problems(record)
    problems += commitment_problems(record.replies, commitments, finalised_rounds)
    if not gates_overridden and any(r.finalised and r.round not in finalised_rounds for r in record.replies):
        problems += finalise_problems(record)
    for contact in record.contacts:
        if contact.contact_on is None:
            problems.append("沟通记录缺少日期，请填写沟通的日期。")
    problems += guardrails.secret_problems(record)
    problems += guardrails.publication_problems(record)
    if today is not None:
        problems += guardrails.future_date_problems(record, today)
    if rules is not None and calendar is not None:
        problems += guardrails.return_problems(record, rules, calendar)
        problems += guardrails.extension_problems(record, rules, calendar)
    return problems


def _proposer_problems(proposers) -> list[str]:
    problems: list[str] = []
    names = [p.name.strip() for p in proposers]
    if any(not n for n in names):
        problems.append("代表名单中有一行没有姓名，请填写姓名或删去该行。")
    for name in sorted({n for n in names if n and names.count(n) > 1}):
        problems.append(f"代表“{name}”列了两次，请删去重复的一行。")
    leads = [p for p in proposers if p.role is ProposerRole.LEAD]
    if len(leads) > 1:
        problems.append("只能有一位领衔代表（或领衔提案人），请把其余的改为联名。")
    return problems


def _assignment_problems(record) -> list[str]:
    problems: list[str] = []
    assignments = record.assignments
    if not any(a.role in (UnitRole.LEAD, UnitRole.SPLIT) for a in assignments):
        problems.append("请至少指定一个主办单位（或分办单位）。")
    keys = [a.unit_id if a.unit_id is not None else a.unit_name.strip() for a in assignments]
    seen: set = set()
    for a, key in zip(assignments, keys):
        name = a.unit_name.strip() or str(a.unit_id)
        if key in ("", None):
            problems.append("办理单位中有一行没有单位名称，请选择单位或删去该行。")
        elif key in seen:
            problems.append(f"办理单位“{name}”列了两次，请删去重复的一行。")
        seen.add(key)
    assigned_on = record.assigned_on
    for a in assignments:
        name = a.unit_name.strip() or "该单位"
        if assigned_on and a.signed_on and assigned_on > a.signed_on:
            problems.append(
                f"交办日期 {_d(assigned_on)} 晚于 {name} 的签收日期 {_d(a.signed_on)}，"
                "请检查这两个日期。"
            )
        if a.extension_approved_on and not a.extension_approver.strip():
            problems.append(f"{name} 的延期已填批准日期，请填写批准人。")
        if a.extension_approver.strip() and not a.extension_approved_on:
            problems.append(f"{name} 的延期已填批准人，请填写批准日期。")
        if a.extension_months is not None and not 1 <= a.extension_months <= MAX_EXTENSION_MONTHS:
            problems.append(
                f"{name} 的延期为 {a.extension_months} 个月；延期最多 {MAX_EXTENSION_MONTHS} 个月，请改正。"
            )
        if (a.extension_approved_on and a.extension_requested_on
                and a.extension_approved_on < a.extension_requested_on):
            problems.append(f"{name} 的延期批准日期早于申请日期，请检查。")
        if a.return_outcome is not None and a.return_requested_on is None:
            problems.append(f"{name} 已填退回结果，请填写退回申请日期。")
        if a.return_decided_on and a.return_requested_on and a.return_decided_on < a.return_requested_on:
            problems.append(f"{name} 的退回决定日期早于退回申请日期，请检查。")
        if a.opinion_sent_on and a.role is not UnitRole.CO:
            problems.append(f"{name} 是{a.role.label}单位，只有会办单位发出会办意见，请改正角色或日期。")
    return problems


def _reply_problems(record) -> list[str]:
    problems: list[str] = []
    rounds = [r.round for r in record.replies]
    for rnd in sorted({r for r in rounds if rounds.count(r) > 1}):
        problems.append(f"第 {rnd} 次答复出现了两次，请删去重复的一份或改正轮次。")
    for reply in record.replies:
        label = f"第 {reply.round} 次答复"
        if reply.round < 1:
            problems.append(f"答复轮次必须从 1 开始（现为 {reply.round}），请改正。")
        if record.assigned_on and reply.replied_on and reply.replied_on < record.assigned_on:
            problems.append(
                f"{label}的答复日期 {_d(reply.replied_on)} 早于交办日期 {_d(record.assigned_on)}，"
                "请检查这两个日期。"
            )
        if reply.disclosure is Disclosure.NOT_PUBLIC and not reply.disclosure_reason.strip():
            problems.append(f"{label}的公开属性为“此件不公开”，请填写不公开的理由。")
        if reply.finalised and reply.replied_on is None:
            problems.append(f"{label}定稿前须填写答复日期，请在“答复”页填写。")
        if reply.finalised and reply.result is None:
            problems.append(f"{label}定稿前须选择办理结果，请在“答复”页选择。")
    return problems


def commitment_problems(replies, commitments: int | None, finalised_rounds: frozenset[int] = frozenset()) -> list[str]:
    """A reply classed 正在解决 / 计划解决 cannot be finalised without at least one 承诺事项."""
    if commitments is None or commitments > 0:
        return []
    return [
        f"第 {r.round} 次答复的办理结果为“{r.result.label}”，定稿前必须至少登记一项承诺事项"
        f"（做什么、何时完成）。请先在“反馈与承诺”页添加承诺事项，再点{FINALISE}。"
        for r in replies
        if r.finalised and r.result is not None and r.result.needs_commitment and r.round not in finalised_rounds
    ]


def finalise_problems(record) -> list[str]:
    """Why the lead reply of ``record`` cannot be finalised yet (domain.md §4 guardrails): a 会办
    unit's opinion is missing, or joint handling is required and not recorded."""
    problems: list[str] = []
    for a in record.assignments:
        if a.role is UnitRole.CO and not (a.opinion_received_on or a.opinion_sent_on or a.opinion_text.strip()):
            name = a.unit_name.strip() or "会办单位"
            problems.append(
                f"会办单位“{name}”的会办意见尚未收到，答复不能定稿。请在“办理单位”页选中该单位，"
                f"填写会办意见的收到日期和内容后，再点{FINALISE}。"
            )
    co_units = sum(1 for a in record.assignments if a.role is UnitRole.CO)
    if record.is_leader_handled or co_units > JOINT_HANDLING_CO_UNITS:
        why = "区领导亲自办理件" if record.is_leader_handled else f"会办单位有 {co_units} 个（超过 {JOINT_HANDLING_CO_UNITS} 个）"
        # A joint-handling record names the units that took part (domain.md §4).
        if not any(c.way in JOINT_WAYS and c.participants.strip() for c in record.contacts):
            ways = "、".join(w.label for w in JOINT_WAYS)
            problems.append(
                f"此件为{why}，须联合办理后答复才能定稿。请在“沟通记录”页登记联合办理（{ways}，"
                f"在“参加人员”中写明参加单位），再点{FINALISE}。"
            )
    return problems


def status_problem(status: ItemStatus, record, facts: StatusFacts) -> str | None:
    """Why ``record`` (with ``facts``) contradicts ``status``, or None when they agree (domain.md §4:
    status follows the record, it is never typed in against it)."""
    finalised = any(r.finalised for r in record.replies)
    if status in (ItemStatus.PENDING, ItemStatus.HANDLING, ItemStatus.RETURN_REQUESTED, ItemStatus.RETURNED):
        if finalised:
            return (f"答复已定稿，状态不能改为“{status.label}”。如答复确需重写，"
                    "请先在“答复”页点“取消定稿”并写明理由。")
        if status is ItemStatus.RETURN_REQUESTED and not any(a.return_requested_on for a in record.assignments):
            return "“退回申请”须有退回申请日期。请在“办理单位”页的“退回”中填写申请日期和理由。"
        if status is ItemStatus.RETURNED and not any(a.return_outcome is ReturnOutcome.APPROVED
                                                     for a in record.assignments):
            return "“已退回”须有“同意退回”的决定。请在“办理单位”页的“退回”中填写结果和决定日期。"
        return None
    if not finalised:
        return (f"“{status.label}”须有已定稿的答复。请在“答复”页填写答复日期和办理结果，点“定稿”；"
                "定稿后状态自动改为“已答复”。")
    if status is ItemStatus.FEEDBACK and facts.feedback == 0:
        return "“已反馈”须有代表的反馈。请在“反馈与承诺”页录入代表的征询意见表，状态会随之改变。"
    if status is ItemStatus.REHANDLING and not facts.dissatisfied:
        return "“重新办理”须有代表对办理结果“不满意”的反馈。请在“反馈与承诺”页录入该反馈，状态会随之改变。"
    if status is ItemStatus.TRACKING and facts.open_commitments == 0:
        return "“跟踪中”须有未落实的承诺事项。请在“反馈与承诺”页登记承诺事项，或选择其他状态。"
    if status is ItemStatus.CLOSED:
        return _closing_problem(record, facts)
    return None


def _closing_problem(record, facts: StatusFacts) -> str | None:
    """办结 needs every reply finalised, the feedback (or the recorded wait for it) and no open
    commitment (domain.md §4)."""
    drafts = [str(r.round) for r in record.replies if not r.finalised]
    if drafts:
        return (f"第 {'、'.join(drafts)} 次答复还是草稿，不能办结。请在“答复”页定稿，或删去不再需要的草稿。")
    if facts.feedback == 0 and not (record.feedback_wait_note or "").strip():
        return ("还没有代表的反馈，不能办结。请在“反馈与承诺”页录入代表的征询意见表；代表确未反馈的，"
                "请在“未反馈说明”中写明情况（例如 多次联系未反馈及联系日期）。")
    if facts.open_commitments:
        return (f"还有 {facts.open_commitments} 项承诺事项未落实，不能办结。请在“反馈与承诺”页把每项标为已落实"
                "（附佐证）或结转下年（写明理由）。")
    return None


def status_after_finalising(status: ItemStatus) -> ItemStatus:
    """A reply finalised while the item was still being handled makes it 已答复."""
    if status in (ItemStatus.PENDING, ItemStatus.HANDLING, None):
        return ItemStatus.REPLIED
    return status


def status_after_unfinalising(status: ItemStatus, still_finalised: bool) -> ItemStatus:
    """With no finalised reply left the item is being handled again (a draft counts nowhere)."""
    if not still_finalised and status in (ItemStatus.REPLIED, ItemStatus.FEEDBACK, ItemStatus.TRACKING,
                                          ItemStatus.CLOSED, ItemStatus.REHANDLING):
        return ItemStatus.HANDLING
    return status
