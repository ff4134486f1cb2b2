"""What an exchange package carries (services layer; used inside ``services.exchange``'s
transactions): the fields each party owns, their wire form, and the blocks a sender writes.

Every record travels as ``{"entity", "uid", "fields", "refs"}`` under its item: the item itself,
its proposers' links, its assignments, and the sender's contacts, replies, feedback forms and
commitments; a lead unit adds its checklist ticks and 回头看 reviews, and the 整改清单 rows travel
beside the items. The office's 交办包 also carries its 督办 notes on each item (``supervision``:
the reasons recorded with its changes of 重点督办 / 督办领导), its deadline rules and holiday table,
and its current checklist template (in the template file's form, ``exchange.checklist_file``). Both directions carry
the sender's links between items (``links``: 同一问题 / 不是同一问题, by the two items' global ids, with
who linked and when; ``links_of``), never one to a 涉密 item. Fields travel as plain JSON (dates as ISO text, enums as their codes) and are
checked on arrival as strictly as a form would check them (``unwire``).

Each party owns its fields (domain.md §8): the office the item and the assignment (units, roles,
交办日期, flags, its decisions on 退回 and 延期); a unit its own assignment row (签收, who handles,
会办意见, its requests), its own contacts, replies and commitments, and — as lead — the item's status,
the feedback forms and the date it received a co-unit's opinion. How a receiving copy merges them is
``services.exchange_merge``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Integer, select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.checklist_state import EntryState
from desktop_app.domain.enums import (
    Body,
    CommitmentStatus,
    ContactWay,
    Disclosure,
    FeedbackChannel,
    ItemKind,
    ItemStatus,
    ProposerType,
    RaisedAt,
    Rating,
    ResultCategory,
    ReturnOutcome,
    ReviewCategory,
    UnitRole,
)
from desktop_app.exchange.package import PackageError
from desktop_app.services import checklist
from desktop_app.services.fields import shown
from desktop_app.storage.tables import (
    Assignment,
    Attachment,
    CalendarEntry,
    CalendarYear,
    Commitment,
    Contact,
    DeadlineRule,
    Feedback,
    History,
    Item,
    ItemLink,
    ItemProposer,
    Proposer,
    RectificationList,
    RectificationProgress,
    RectificationRow,
    RectificationRowUnit,
    Reply,
    ReviewCampaign,
    ReviewEntry,
    Session,
    new_uid,
)

LEAD_ROLES = (UnitRole.LEAD.value, UnitRole.SPLIT.value)

ITEM_OFFICE = {"kind": "类型", "number": "编号", "title": "标题", "content": "内容", "category": "类别",
               "raised_at": "提出时段", "is_key": "重点督办", "is_leader_handled": "区领导亲自办理",
               "leader_name": "领办区领导", "assigned_on": "交办日期", "supervisor": "督办领导"}
#: History rows whose reason is the office's 督办 note on the item (e.g. 第 3 轮办理 → 重点督办).
SUPERVISION_FIELDS = ("重点督办", "督办领导")
ITEM_LEAD = {"status": "状态", "feedback_wait_note": "未反馈说明"}
ASSIGNMENT_OFFICE = {"role": "角色", "position": "顺序", "assigned_on": "交办日期", "designated": "指定办理",
                     "return_outcome": "退回结果", "return_decided_on": "退回决定日期",
                     "extension_approved_on": "延期批准日期", "extension_approver": "延期批准人"}
ASSIGNMENT_UNIT = {"signed_on": "签收日期", "leader": "责任领导", "section": "承办科室", "handler": "承办人",
                   "handler_phone": "承办人电话", "opinion_sent_on": "会办意见发出日期", "opinion_text": "会办意见",
                   "return_requested_on": "退回申请日期", "return_reason": "退回理由",
                   "return_late_reason": "逾期退回理由", "extension_requested_on": "延期申请日期",
                   "extension_reason": "延期理由", "extension_months": "延期月数", "extension_told_on": "告知代表延期日期"}
#: The lead unit records when a co-unit's opinion reached it (on the co-unit's row).
ASSIGNMENT_LEAD = {"opinion_received_on": "会办意见收到日期"}
PROPOSER_OFFICE = {"name": "姓名", "body": "届别", "proposer_type": "类型", "delegation": "代表团/界别"}
PROPOSER_CONTACT = {"phone": "电话", "address": "地址"}
CONTACT_UNIT = {"contact_on": "日期", "way": "方式", "participants": "参加人员", "summary": "内容摘要"}
REPLY_UNIT = {"round": "轮次", "doc_number": "文号", "signer": "签发人", "replied_on": "答复日期", "result": "办理结果",
              "disclosure": "公开属性", "disclosure_reason": "不公开理由", "contact_person": "联系人",
              "contact_phone": "联系电话", "cc": "抄送", "body": "正文", "finalised": "定稿"}
FEEDBACK_LEAD = {"attitude": "办理态度", "outcome": "办理结果", "comment": "意见", "received_on": "收到日期",
                 "channel": "反馈方式", "form_reference": "原件", "entered_by": "录入人"}
COMMITMENT_UNIT = {"description": "承诺内容", "due_on": "承诺期限", "due_term": "期限说明", "status": "状态",
                   "closed_on": "办结日期", "evidence": "佐证", "carried_reason": "结转理由", "carried_to_year": "结转年度"}

TABLES = {"item": Item, "proposer": Proposer, "assignment": Assignment, "contact": Contact, "reply": Reply,
          "feedback": Feedback, "commitment": Commitment}
ENTITY_LABELS = {"item": "建议提案", "proposer": "代表委员", "assignment": "办理单位", "contact": "沟通记录",
                 "reply": "答复", "feedback": "征询意见", "commitment": "承诺事项"}
ENUMS = {("item", "kind"): ItemKind, ("item", "raised_at"): RaisedAt, ("item", "status"): ItemStatus,
         ("assignment", "role"): UnitRole, ("assignment", "return_outcome"): ReturnOutcome,
         ("contact", "way"): ContactWay, ("reply", "result"): ResultCategory, ("reply", "disclosure"): Disclosure,
         ("feedback", "attitude"): Rating, ("feedback", "outcome"): Rating, ("feedback", "channel"): FeedbackChannel,
         ("commitment", "status"): CommitmentStatus, ("proposer", "body"): Body,
         ("proposer", "proposer_type"): ProposerType}
UNIT_RECORDS = {"contact": CONTACT_UNIT, "reply": REPLY_UNIT, "commitment": COMMITMENT_UNIT}


# ---- the wire form of values --------------------------------------------------------------------


def wire(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def unwire(entity: str, attr: str, value):
    """A value from a package as the column stores it; PackageError for anything a form would refuse."""
    column = TABLES[entity].__table__.columns[attr]
    bad = PackageError(f"数据包内容有误：{ENTITY_LABELS[entity]}的“{attr}”值“{str(value)[:40]}”无效，已拒绝整个数据包。"
                       "请让对方用本程序重新导出。")
    if value is None:
        if not column.nullable:
            if column.default is not None and column.default.is_scalar:
                return column.default.arg
            raise bad
        return None
    try:
        if isinstance(column.type, DateTime):
            return datetime.fromisoformat(value)
        if isinstance(column.type, Date):
            return date.fromisoformat(value)
        if isinstance(column.type, Boolean):
            if not isinstance(value, bool):
                raise TypeError
            return value
        if isinstance(column.type, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError
            return value
        if not isinstance(value, str):
            raise TypeError
        length = getattr(column.type, "length", None)
        if length and len(value) > length * 4:
            raise ValueError
        enum = ENUMS.get((entity, attr))
        if enum is not None and value not in {m.value for m in enum}:
            raise ValueError
        return value
    except (TypeError, ValueError):
        raise bad from None


def shown_value(entity: str, attr: str, value) -> str:
    enum = ENUMS.get((entity, attr))
    if value is None or value == "":
        return ""
    if enum is not None:
        return shown(value, enum)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def values_of(row, attrs) -> dict:
    return {a: wire(getattr(row, a)) for a in attrs}


def digest(data) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def ensure_uids(s: OrmSession) -> None:
    """Give every record a package may carry a global id (rows bulk-inserted without one)."""
    for table in TABLES.values():
        ids = s.execute(select(table.id).where(table.uid.is_(None))).scalars().all()
        if ids:
            s.connection().exec_driver_sql(
                f"UPDATE {table.__tablename__} SET uid = ? WHERE id = ?", [(new_uid(), i) for i in ids])


# ---- what a sender writes -----------------------------------------------------------------------


def item_head(s: OrmSession, item: Item) -> dict:
    session = s.get(Session, item.session_id)
    return {"uid": item.uid, "session": {"name": session.name, "body": session.body, "level": session.level,
                                         "year": session.year},
            "number": item.number, "title": item.title, "records": []}


def office_block(s: OrmSession, item: Item, unit_names: dict[int, str], contacts_allowed: bool) -> dict:
    """An item as the office hands it to a unit: the item, its proposers, every unit's assignment."""
    block = item_head(s, item)
    records = block["records"]
    records.append({"entity": "item", "uid": item.uid, "fields": values_of(item, ITEM_OFFICE)})
    proposer_fields = {**PROPOSER_OFFICE, **(PROPOSER_CONTACT if contacts_allowed else {})}
    for link, person in s.execute(select(ItemProposer, Proposer).join(Proposer, Proposer.id == ItemProposer.proposer_id)
                                  .where(ItemProposer.item_id == item.id).order_by(ItemProposer.position)):
        records.append({"entity": "proposer", "uid": person.uid, "fields": values_of(person, proposer_fields),
                        "refs": {"role": link.role, "position": link.position}})
    for a in s.execute(select(Assignment).where(Assignment.item_id == item.id)
                       .order_by(Assignment.position, Assignment.id)).scalars():
        records.append({"entity": "assignment", "uid": a.uid, "fields": values_of(a, ASSIGNMENT_OFFICE),
                        "refs": {"unit": unit_names[a.unit_id]}})
    notes = supervision_notes(s, item)
    if notes:
        block["supervision"] = notes
    return block


def supervision_notes(s: OrmSession, item: Item) -> list[dict]:
    """The office's 督办 notes on the item: its changes of 重点督办 / 督办领导 that carry a reason
    written here (not ones that came in a package)."""
    rows = s.execute(select(History).where(History.item_id == item.id, History.entity == "item",
                                           History.field.in_(SUPERVISION_FIELDS), History.reason != "",
                                           History.reason.not_like("来自 %"))
                     .order_by(History.changed_at, History.id)).scalars()
    return [{"at": wire(h.changed_at), "field": h.field, "old": h.old_value, "new": h.new_value,
             "by": h.changed_by or "", "note": h.reason} for h in rows]


def unit_block(s: OrmSession, item: Item, unit_id: int, unit_names: dict[int, str], only_opinion: bool) -> dict:
    """An item as unit ``unit_id`` reports on it: its own assignment row and — as lead — the item's
    status, co-units' receipt dates and feedback; its own contacts, replies and commitments.
    ``only_opinion``: a 会办意见包 (the co-unit's own row only)."""
    block = item_head(s, item)
    records = block["records"]
    assignments = s.execute(select(Assignment).where(Assignment.item_id == item.id)).scalars().all()
    mine = next(a for a in assignments if a.unit_id == unit_id)
    lead = mine.role in LEAD_ROLES
    records.append({"entity": "assignment", "uid": mine.uid, "fields": values_of(mine, ASSIGNMENT_UNIT),
                    "refs": {"unit": unit_names[unit_id]}})
    if only_opinion:
        return block
    if lead:
        records.append({"entity": "item", "uid": item.uid, "fields": values_of(item, ITEM_LEAD)})
        for a in assignments:
            if a.role not in LEAD_ROLES:
                records.append({"entity": "assignment", "uid": a.uid, "fields": values_of(a, ASSIGNMENT_LEAD),
                                "refs": {"unit": unit_names[a.unit_id]}})
    owner = (Contact.unit_id == unit_id) if not lead else ((Contact.unit_id == unit_id) | Contact.unit_id.is_(None))
    for c in s.execute(select(Contact).where(Contact.item_id == item.id, owner).order_by(Contact.id)).scalars():
        records.append({"entity": "contact", "uid": c.uid, "fields": values_of(c, CONTACT_UNIT)})
    reply_owner = (Reply.unit_id == unit_id) if not lead else ((Reply.unit_id == unit_id) | Reply.unit_id.is_(None))
    reply_uids = {}
    for r in s.execute(select(Reply).where(Reply.item_id == item.id, reply_owner).order_by(Reply.round)).scalars():
        reply_uids[r.id] = r.uid
        records.append({"entity": "reply", "uid": r.uid, "fields": values_of(r, REPLY_UNIT)})
    all_reply_uids = dict(s.execute(select(Reply.id, Reply.uid).where(Reply.item_id == item.id)).all())
    commit_owner = ((Commitment.unit_id == unit_id) if not lead
                    else ((Commitment.unit_id == unit_id) | Commitment.unit_id.is_(None)))
    for c in s.execute(select(Commitment).where(Commitment.item_id == item.id, commit_owner)
                       .order_by(Commitment.id)).scalars():
        records.append({"entity": "commitment", "uid": c.uid, "fields": values_of(c, COMMITMENT_UNIT),
                        "refs": {"reply": all_reply_uids.get(c.reply_id)}})
    block["attachments"] = [{"sha256": a.sha256, "file_name": a.file_name, "size": a.size, "note": a.note or "",
                             "added_at": wire(a.added_at), "added_by": a.added_by or ""}
                            for a in s.execute(select(Attachment).where(Attachment.item_id == item.id)
                                               .order_by(Attachment.id)).scalars()]
    if lead:
        block["review"] = review_entries_of(s, item)
        block["checklist"] = [{"key": key, "done": row.done, "done_at": wire(row.done_at), "done_by": row.done_by or "",
                               "note": row.note or ""} for row, key, _name in checklist_rows(s, item.id)]
        for f in s.execute(select(Feedback).where(Feedback.item_id == item.id).order_by(Feedback.id)).scalars():
            person = s.get(Proposer, f.proposer_id) if f.proposer_id else None
            records.append({"entity": "feedback", "uid": f.uid, "fields": values_of(f, FEEDBACK_LEAD),
                            "refs": {"reply": all_reply_uids.get(f.reply_id),
                                     "proposer": person.uid if person else None}})
    return block


REVIEW_FIELDS = ("outcome", "note", "reviewed_on", "reviewer", "tell_deputy", "told_on")


def review_entries_of(s: OrmSession, item: Item) -> list[dict]:
    """The lead unit's 回头看 reviews of the item (entries reviewed), by year, category and the
    global id of the item or commitment they look at."""
    out = []
    for entry, year in s.execute(select(ReviewEntry, ReviewCampaign.year)
                                 .join(ReviewCampaign, ReviewCampaign.id == ReviewEntry.campaign_id)
                                 .where(ReviewEntry.item_id == item.id, ReviewEntry.outcome.is_not(None))):
        target = item.uid
        if entry.category == ReviewCategory.COMMITMENT.value:
            target = s.execute(select(Commitment.uid).where(Commitment.id == entry.commitment_id)).scalar()
            if target is None:
                continue
        out.append({"year": year, "category": entry.category, "target": target,
                    **{a: wire(getattr(entry, a)) for a in REVIEW_FIELDS}})
    return out


def checklist_rows(s: OrmSession, item_id: int) -> list[tuple[EntryState, str, str]]:
    """The item's checklist entries in display order (their state, from the packed checklist)
    with each step's stable key and name (from its template entry, or its own)."""
    return [(row, e.key, e.name) for row, e in checklist.item_entries(s, item_id)]


RECTIFICATION_LABELS = {"position": "顺序", "aspect": "主要方面", "problem": "重点问题", "suggestion": "意见建议",
                       "measures": "整改措施", "units_text": "责任单位", "deadline_on": "整改期限", "deadline_term": "期限说明"}
RECTIFICATION_OFFICE = tuple(RECTIFICATION_LABELS)


def _rows_of(s: OrmSession, unit_id: int):
    return s.execute(select(RectificationRow, RectificationList.title)
                     .join(RectificationList, RectificationList.id == RectificationRow.list_id)
                     .join(RectificationRowUnit, RectificationRowUnit.row_id == RectificationRow.id)
                     .where(RectificationRowUnit.unit_id == unit_id)
                     .order_by(RectificationList.title, RectificationRow.position)).all()


def rectification_rows_for(s: OrmSession, unit_id: int) -> list[dict]:
    """整改清单 rows a unit is responsible for, as the office hands them out (its list by title;
    a row is known by its list and 重点问题)."""
    return [{"list": title, **{a: wire(getattr(row, a)) for a in RECTIFICATION_OFFICE}}
            for row, title in _rows_of(s, unit_id)]


def rectification_progress_of(s: OrmSession, unit_id: int) -> list[dict]:
    """The unit's status and progress notes on its 整改清单 rows (evidence files stay with it)."""
    out = []
    for row, title in _rows_of(s, unit_id):
        notes = s.execute(select(RectificationProgress.noted_on, RectificationProgress.note)
                          .where(RectificationProgress.row_id == row.id).order_by(RectificationProgress.id)).all()
        out.append({"list": title, "problem": row.problem, "status": row.status,
                    "progress": [{"noted_on": d.isoformat(), "note": n} for d, n in notes]})
    return out


def setup_block(s: OrmSession) -> dict:
    """The office's deadline rules and holiday table (it owns them; units count with the same days)."""
    rules = [{"kind": r.kind, "item_kind": r.item_kind, "anchor": r.anchor, "length": r.length, "unit": r.unit,
              "roll_forward": r.roll_forward, "note": r.note or ""}
             for r in s.execute(select(DeadlineRule).order_by(DeadlineRule.kind, DeadlineRule.item_kind)).scalars()]
    days = [{"day": d.day.isoformat(), "kind": d.kind, "name": d.name or ""}
            for d in s.execute(select(CalendarEntry).order_by(CalendarEntry.day)).scalars()]
    years = [{"year": y.year, "source": y.source or ""}
             for y in s.execute(select(CalendarYear).order_by(CalendarYear.year)).scalars()]
    return {"rules": rules, "days": days, "years": years}


def attachment_part(sha256: str) -> str:
    """The package part holding an attachment's bytes."""
    return f"att-{sha256}.bin"


# ---- links between items (同一问题 / 不是同一问题, services.similarity) ------------------------------


def link_key(a_uid: str, b_uid: str) -> str:
    """The global id of a pair of items' link (32 hex digits, either order)."""
    low, high = sorted((a_uid, b_uid))
    return hashlib.sha256(f"{low}|{high}".encode("ascii", "replace")).hexdigest()[:32]


def links_of(s: OrmSession, scope: list[Item], both: bool) -> dict:
    """The sender's judgements on pairs of items in ``scope`` (``both``: both items in it — the
    office's 交办包; else at least one — a unit's 报送包), neither of them 涉密, with who linked and
    when; ``items`` lists the scope, so that a link missing from it was removed by the sender."""
    ids = {i.id for i in scope if not i.is_secret}
    rows = []
    id_list = sorted(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start:start + 500]
        rows += s.execute(select(ItemLink).where(ItemLink.item_id.in_(chunk) | ItemLink.other_item_id.in_(chunk))
                          ).scalars().all()
    seen, links = set(), []
    for link in sorted(rows, key=lambda r: r.id):
        if link.id in seen:
            continue
        seen.add(link.id)
        inside = (link.item_id in ids) + (link.other_item_id in ids)
        if inside < (2 if both else 1):
            continue
        ends = [s.get(Item, link.item_id), s.get(Item, link.other_item_id)]
        if any(e is None or e.is_secret or not e.uid for e in ends):
            continue
        ends.sort(key=lambda e: e.uid)
        links.append({"a": ends[0].uid, "b": ends[1].uid, "kind": link.kind, "by": link.created_by or "",
                      "at": wire(link.created_at), "a_label": item_label(s, ends[0]),
                      "b_label": item_label(s, ends[1])})
    return {"links": links, "items": sorted(i.uid for i in scope if i.uid and not i.is_secret)}


def item_label(s: OrmSession, item: Item) -> str:
    name = s.scalar(select(Session.name).where(Session.id == item.session_id)) or ""
    return f"{name} 第{item.number}号 {item.title}"
