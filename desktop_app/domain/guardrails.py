"""Guardrails of domain.md §4 that depend on today's date or the official calendar (domain layer).

Each function returns full Chinese sentences saying what is wrong and how to put it right; the
service passes today's date and the deadline rules and calendar of the open database.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.deadlines import DeadlineKind, RuleSet
from desktop_app.domain.enums import Disclosure, ItemKind

#: Assignment dates that record something that happened (the label used in messages).
_EVENT_DATES = (
    ("signed_on", "签收日期"),
    ("opinion_sent_on", "会办意见发出日期"),
    ("opinion_received_on", "会办意见收到日期"),
    ("return_requested_on", "退回申请日期"),
    ("return_decided_on", "退回决定日期"),
    ("extension_requested_on", "延期申请日期"),
    ("extension_approved_on", "延期批准日期"),
    ("extension_told_on", "告知代表延期日期"),
)


def _future(what: str, day: date, today: date) -> str:
    return (f"{what} {day.isoformat()} 在今天（{today.isoformat()}）之后。已经发生的事只能填今天或以前的日期，"
            "请改正；计划中的日期请记在承诺事项里。")


def future_date_problems(record, today: date) -> list[str]:
    """签收, 答复, 反馈 and contacts record what happened: none may be dated after today (a reply
    dated next month would hide an overdue deadline)."""
    problems = []
    for a in record.assignments:
        name = a.unit_name.strip() or "该单位"
        for attr, label in _EVENT_DATES:
            day = getattr(a, attr)
            if day is not None and day > today:
                problems.append(_future(f"{name} 的{label}", day, today))
    for reply in record.replies:
        if reply.replied_on is not None and reply.replied_on > today:
            problems.append(_future(f"第 {reply.round} 次答复的答复日期", reply.replied_on, today))
        if reply.published_on is not None and reply.published_on > today:
            problems.append(_future(f"第 {reply.round} 次答复的公开发布日期", reply.published_on, today))
    for contact in record.contacts:
        if contact.contact_on is not None and contact.contact_on > today:
            problems.append(_future("沟通记录的日期", contact.contact_on, today))
    return problems


def publication_problems(record) -> list[str]:
    """A publication record (公开发布记录) belongs to a finalised reply marked 此件公开发布, is dated
    on or after the reply, and names its channel."""
    problems = []
    for r in record.replies:
        if r.published_on is None:
            if r.publication_channel.strip() or r.publication_address.strip():
                problems.append(f"第 {r.round} 次答复填了发布渠道或网址，但没有公开发布日期。请填写发布日期，或清空渠道和网址。")
            continue
        label = f"第 {r.round} 次答复"
        if record.is_secret:
            problems.append(f"此件为涉密件，{label}不能有公开发布记录。请清空公开发布日期、渠道和网址。")
        elif r.disclosure is not Disclosure.PUBLIC:
            problems.append(f"{label}的公开属性不是“{Disclosure.PUBLIC.label}”，不能有公开发布记录。"
                            "请改公开属性，或清空公开发布日期。")
        if not r.finalised:
            problems.append(f"{label}不是定稿，不能有公开发布记录：请先定稿，再填写公开发布日期；"
                            "如要取消定稿，请先清空公开发布日期、渠道和网址。")
        if r.replied_on is not None and r.published_on < r.replied_on:
            problems.append(f"{label}的公开发布日期 {r.published_on.isoformat()} 早于答复日期 "
                            f"{r.replied_on.isoformat()}，请检查这两个日期。")
        if not r.publication_channel.strip():
            problems.append(f"{label}已填公开发布日期，请填写发布渠道（如 政府门户网站“建议提案办理”专栏）。")
    return problems


def secret_problems(record) -> list[str]:
    """A 涉密 item is never published: its replies can only be 此件不公开."""
    if not record.is_secret:
        return []
    return [
        f"此件为涉密件，第 {r.round} 次答复不能标为“{r.disclosure.label}”。请把公开属性改为"
        f"“{Disclosure.NOT_PUBLIC.label}”，理由填“涉密”。"
        for r in record.replies if r.disclosure is not Disclosure.NOT_PUBLIC
    ]


def return_last_day(signed_on: date, rules: RuleSet, cal: WorkCalendar) -> date:
    """The last day a unit that signed on ``signed_on`` may ask for 退回 (7 working days by default)."""
    rule = rules.get(DeadlineKind.RETURN)
    return cal.due(signed_on, rule.length, rule.unit, anchor_label="签收日期", roll_forward=rule.roll_forward).due


def return_problems(record, rules: RuleSet, cal: WorkCalendar) -> list[str]:
    """退回 is asked after 签收 and within the window; a later request needs its reason recorded
    (the office then decides)."""
    problems = []
    rule = rules.get(DeadlineKind.RETURN)
    for a in record.assignments:
        asked = a.return_requested_on
        if asked is None:
            continue
        name = a.unit_name.strip() or "该单位"
        if a.signed_on is None:
            problems.append(f"{name} 还没有签收，不能申请退回。请先填写签收日期（签收后 "
                            f"{rule.length}{rule.unit.label}内可申请退回）。")
            continue
        if asked < a.signed_on:
            problems.append(f"{name} 的退回申请日期 {asked.isoformat()} 早于签收日期 {a.signed_on.isoformat()}，请检查。")
            continue
        last = return_last_day(a.signed_on, rules, cal)
        if asked > last and not a.return_late_reason.strip():
            problems.append(
                f"{name} 于 {a.signed_on.isoformat()} 签收，退回须在 {rule.length}{rule.unit.label}内"
                f"（{last.isoformat()} 前）申请；{asked.isoformat()} 已超过期限。请在“逾期退回理由”中写明理由，"
                "并由区政府办公室决定是否同意退回。"
            )
    return problems


def reply_due(record, assignment, rules: RuleSet, cal: WorkCalendar) -> date | None:
    """The unit's reply due date before any extension (from its own 交办日期, else the item's)."""
    anchor = assignment.assigned_on or record.assigned_on
    if anchor is None:
        return None
    rule = rules.get(DeadlineKind.REPLY, ItemKind(record.kind))
    return cal.due(anchor, rule.length, rule.unit, anchor_label="交办日期", roll_forward=rule.roll_forward).due


def extension_problems(record, rules: RuleSet, cal: WorkCalendar) -> list[str]:
    """延期 is asked before the reply falls due, and the deputy is told no earlier than it was asked."""
    problems = []
    for a in record.assignments:
        name = a.unit_name.strip() or "该单位"
        asked = a.extension_requested_on
        if asked is not None:
            due = reply_due(record, a, rules, cal)
            if due is not None and asked > due:
                problems.append(
                    f"{name} 的延期申请日期 {asked.isoformat()} 晚于答复到期日 {due.isoformat()}。延期须在到期前申请；"
                    "已超期的件请尽快答复，并如实说明超期原因。"
                )
        if a.extension_told_on is not None and asked is not None and a.extension_told_on < asked:
            problems.append(f"{name} 告知代表延期的日期早于延期申请日期，请检查。")
    return problems
