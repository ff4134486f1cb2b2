"""How the editable fields of an item and its rows are stored, shown and compared (services layer).

One table per entity: attribute name (the same in the DTO and the ORM table), the Chinese label used
in history, and how the value is kept (an enum stored as its code, a date, a flag, a unit id).
``to_db`` / ``from_db`` convert between DTO values and column values; ``shown`` is the readable form
written into history (enum labels, dates as 2024-06-03, 是/否).
"""

from __future__ import annotations

from datetime import date, datetime

from desktop_app.domain.enums import (
    ContactWay,
    Disclosure,
    FilingDecision,
    ItemKind,
    ItemStatus,
    Labelled,
    RaisedAt,
    ResultCategory,
    ReturnOutcome,
    UnitRole,
)

UNIT = "unit"  # a unit id, shown by name

ITEM_FIELDS: tuple[tuple[str, str, object], ...] = (
    ("kind", "类型", ItemKind),
    ("number", "编号", str),
    ("title", "标题", str),
    ("content", "内容", str),
    ("category", "类别", str),
    ("raised_at", "提出时段", RaisedAt),
    ("is_key", "重点督办", bool),
    ("is_leader_handled", "区领导亲自办理", bool),
    ("leader_name", "领办区领导", str),
    ("is_secret", "涉密", bool),
    ("status", "状态", ItemStatus),
    ("assigned_on", "交办日期", date),
    ("feedback_wait_note", "未反馈说明", str),
    ("filing", "立案情况", FilingDecision),
    ("filed_on", "立案日期", date),
    ("reference_due_on", "参考件答复日期", date),
    ("supervisor", "督办领导", str),
)

ASSIGNMENT_FIELDS: tuple[tuple[str, str, object], ...] = (
    ("role", "角色", UnitRole),
    ("assigned_on", "交办日期", date),
    ("designated", "指定办理", bool),
    ("signed_on", "签收日期", date),
    ("leader", "责任领导", str),
    ("section", "承办科室", str),
    ("handler", "承办人", str),
    ("handler_phone", "承办人电话", str),
    ("opinion_sent_on", "会办意见发出日期", date),
    ("opinion_received_on", "会办意见收到日期", date),
    ("opinion_text", "会办意见", str),
    ("return_requested_on", "退回申请日期", date),
    ("return_reason", "退回理由", str),
    ("return_late_reason", "逾期退回理由", str),
    ("return_outcome", "退回结果", ReturnOutcome),
    ("return_decided_on", "退回决定日期", date),
    ("extension_requested_on", "延期申请日期", date),
    ("extension_reason", "延期理由", str),
    ("extension_months", "延期月数", int),
    ("extension_approved_on", "延期批准日期", date),
    ("extension_approver", "延期批准人", str),
    ("extension_told_on", "告知代表延期日期", date),
)

CONTACT_FIELDS: tuple[tuple[str, str, object], ...] = (
    ("contact_on", "日期", date),
    ("way", "方式", ContactWay),
    ("participants", "参加人员", str),
    ("summary", "内容摘要", str),
    ("unit_id", "单位", UNIT),
    ("deputy_present", "代表参加", bool),
)

REPLY_FIELDS: tuple[tuple[str, str, object], ...] = (
    ("round", "轮次", int),
    ("unit_id", "答复单位", UNIT),
    ("doc_number", "文号", str),
    ("signer", "签发人", str),
    ("replied_on", "答复日期", date),
    ("result", "办理结果", ResultCategory),
    ("disclosure", "公开属性", Disclosure),
    ("disclosure_reason", "不公开理由", str),
    ("contact_person", "联系人", str),
    ("contact_phone", "联系电话", str),
    ("cc", "抄送", str),
    ("body", "正文", str),
    ("finalised", "定稿", bool),
    ("published_on", "公开发布日期", date),
    ("publication_channel", "发布渠道", str),
    ("publication_address", "发布网址", str),
)

_BY_CODE: dict[type, dict[str, Labelled]] = {}


def codes_of(enum_cls) -> dict:
    """Stored code → member of ``enum_cls`` (built once: a dict lookup is fast enough for
    100,000 rows, ``enum_cls(code)`` is not)."""
    table = _BY_CODE.get(enum_cls)
    if table is None:  # one dict operation: threads that build it at once keep the same table
        table = _BY_CODE.setdefault(enum_cls, {m.value: m for m in enum_cls})
    return table


def member(enum_cls, code):
    """The enum member of ``code``; None for None, KeyError for a code no member has."""
    return None if code is None else codes_of(enum_cls)[code]


def member_or_none(enum_cls, code):
    """The member of ``code``; None also for a code this version does not know (written by a
    newer app): read-only views show it as blank rather than fail."""
    return codes_of(enum_cls).get(code)


def to_db(value, kind):
    if isinstance(kind, type) and issubclass(kind, Labelled):
        return None if value is None else kind(value).value
    if kind is str:
        return value or ""
    return value


def from_db(value, kind):
    if isinstance(kind, type) and issubclass(kind, Labelled):
        return member(kind, value)
    if kind is str:
        return value or ""
    if kind is bool:
        return bool(value)
    return value


def shown(value, kind, unit_names: dict[int, str] | None = None) -> str:
    """A stored value as history shows it."""
    if value is None or value == "":
        return ""
    if isinstance(kind, type) and issubclass(kind, Labelled):
        return member(kind, value).label
    if kind is bool:
        return "是" if value else "否"
    if kind is UNIT:
        return (unit_names or {}).get(value, str(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
