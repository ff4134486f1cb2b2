"""The case register: list, search, read, validate, save and delete items (services layer).

Every write is one ``db.write()`` transaction that also keeps the denormalised list columns of
``item``, the full-text index ``item_search`` and the ``history`` table current. Saves are guarded
by the item's ``version`` (optimistic locking): a record read at another version is refused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.enums import (
    CommitmentStatus,
    ItemKind,
    ItemStatus,
    ProposerRole,
    ProposerType,
    Rating,
)
from desktop_app.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop_app.domain.validation import (
    StatusFacts,
    case_problems,
    finalise_problems,
    status_after_finalising,
    status_after_unfinalising,
    status_problem,
)
from desktop_app.services import checklist, deadlines, files, search
from desktop_app.services.case_list import read_rows
from desktop_app.services.case_writer import CaseWriter, noun
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import (
    AssignmentRecord,
    AttachmentInfo,
    CaseFilter,
    CaseRecord,
    CaseRow,
    Changes,
    ContactRecord,
    HistoryEntry,
    ProposerLink,
    ReplyRecord,
)
from desktop_app.services.fields import (
    ASSIGNMENT_FIELDS,
    CONTACT_FIELDS,
    ITEM_FIELDS,
    REPLY_FIELDS,
    from_db,
    member,
)
from desktop_app.services.filtering import filter_rows as _filter_rows
from desktop_app.services.lookup import (
    find_session,
    get_or_raise,
)
from desktop_app.storage.database import note_items_written
from desktop_app.storage.tables import (
    Assignment,
    Attachment,
    AttachmentContent,
    Commitment,
    Contact,
    Feedback,
    History,
    Item,
    ItemProposer,
    Proposer,
    Reply,
    Session,
    Unit,
)


class CaseService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self._deadline_setup = deadlines.RulesAndCalendar()

    # ---- list, search, filter -------------------------------------------------------------

    def list_rows(self, limit: int | None = None, ids=None) -> list[CaseRow]:
        """Every item as a list row: plain column reads, no ORM objects (see case_list).
        ``limit``: only the first rows registered, for a first screen while the rest loads.
        ``ids``: only those items (after a save: the changed rows; an id deleted meanwhile has
        no row)."""
        with self.ctx.db.read() as s:
            return read_rows(s, limit, ids)

    def search_ids(self, text: str) -> set[int] | None:
        """Ids whose 编号/标题/代表/单位/内容 match ``text``; None when there is nothing to search."""
        if not (text or "").strip():
            return None
        with self.ctx.db.read() as s:
            return search.search_ids(s, text)

    def rows_and_matches(self, text: str, ids=None) -> tuple[list[CaseRow], set[int] | None]:
        """``list_rows(ids=ids)`` and ``search_ids(text)`` from one snapshot: the rows and the
        search box's matches agree even while another window saves."""
        with self.ctx.db.read() as s:
            rows = read_rows(s, None, ids)  # first: a search may change the session's planner settings
            return rows, (search.search_ids(s, text) if (text or "").strip() else None)

    @staticmethod
    def filter_rows(
        rows: list[CaseRow], f: CaseFilter, matched_ids: set[int] | None
    ) -> list[CaseRow]:
        return _filter_rows(rows, f, matched_ids)

    # ---- read ---------------------------------------------------------------------------

    def get(self, item_id: int) -> CaseRecord:
        with self.ctx.db.read() as s:
            item = get_or_raise(s, Item, item_id, "该建议（提案）已被删除，可能是他人或另一窗口删除的。请刷新列表。")
            return case_record(s, item)

    def history(self, item_id: int) -> list[HistoryEntry]:
        with self.ctx.db.read() as s:
            return _history(s, item_id)

    def attachment_bytes(self, attachment_id: int) -> tuple[str, bytes]:
        with self.ctx.db.read() as s:
            row = s.execute(
                select(Attachment.file_name, AttachmentContent.data)
                .join(AttachmentContent, AttachmentContent.attachment_id == Attachment.id)
                .where(Attachment.id == attachment_id)
            ).first()
        if row is None:
            raise NotFoundError("该附件已不存在（可能已被删除），请重新打开这件建议提案。")
        return row[0], row[1]

    def attachment_to_temp(self, attachment_id: int) -> Path:
        """A copy of an attachment under its own name in a new private temporary folder, for
        opening with the program the system associates with it (``files.temporary_copy``)."""
        file_name, data = self.attachment_bytes(attachment_id)
        return files.temporary_copy(file_name, data, "附件")

    def save_attachment(self, attachment_id: int, target: str | Path) -> Path:
        """附件另存为: the stored attachment written to ``target``."""
        return files.save_copy(target, self.attachment_bytes(attachment_id)[1])

    def today(self) -> date:
        """The service clock's date (fixed in tests), for defaults such as a new contact's date."""
        return self.ctx.today()

    def new_record(self, kind: ItemKind) -> CaseRecord:
        """A blank item: the latest session of the kind's body, the next free number, 待签收."""
        kind = ItemKind(kind)
        with self.ctx.db.read() as s:
            session = s.execute(
                select(Session)
                .where(Session.body == kind.body.value)
                .order_by(Session.year.desc(), Session.id.desc())
                .limit(1)
            ).scalar_one_or_none()
            number = ""
            if session is not None:
                numbers = s.execute(
                    select(Item.number).where(Item.session_id == session.id)
                ).scalars().all()
                number = next_number(numbers)
        return CaseRecord(
            kind=kind,
            session_id=session.id if session else None,
            session_name=session.name if session else "",
            number=number or "0001",
            title="",
            status=ItemStatus.PENDING,
            suggested_number=number or "0001",
        )

    # ---- validate and save --------------------------------------------------------------

    def validate(self, record: CaseRecord) -> list[str]:
        with self.ctx.db.read() as s:
            return self._problems(s, record)

    def _problems(self, s: OrmSession, record: CaseRecord, gates_overridden: bool = False,
                  setup: tuple | None = None, held: _SaveRows | None = None) -> list[str]:
        rules, calendar = setup or self._deadline_setup.get(s, self.ctx.db)
        return _problems(s, record, held, today=self.ctx.today(), rules=rules, calendar=calendar,
                         gates_overridden=gates_overridden)

    def status_facts(self, item_id: int | None) -> StatusFacts:
        """What the status rules need beyond the record: feedback and open commitments."""
        if item_id is None:
            return StatusFacts()
        with self.ctx.db.read() as s:
            return _status_facts(s, item_id)

    def finalise_reply(self, record: CaseRecord, round_: int = 1, override_reason: str = "") -> tuple[Changes, int]:
        """Save ``record`` with its reply of ``round_`` marked 定稿, in one transaction: every save
        rule applies, plus the finalising ones (答复日期, 办理结果, 承诺事项, 会办意见, 联合办理, the
        checklist's gates). An item still being handled becomes 已答复. ``override_reason``: why the
        reply is finalised although a 会办意见 or the joint handling is missing (kept in history)."""
        if not any(r.round == round_ for r in record.replies):
            raise ValidationError(f"还没有第 {round_} 次答复，无法定稿。请先在“答复”页填写答复日期、办理结果和正文。")
        replies = tuple(replace(r, finalised=True) if r.round == round_ else r for r in record.replies)
        status = status_after_finalising(record.status)
        reason = override_reason.strip()
        return self._save(replace(record, replies=replies, status=status),
                          reason=f"未经会办意见或联合办理定稿：{reason}" if reason else "", gates_overridden=bool(reason))

    def finalise_gates(self, record: CaseRecord) -> list[str]:
        """The 会办意见 and joint-handling problems that a recorded reason may override."""
        return finalise_problems(record)

    def unfinalise_reply(self, record: CaseRecord, round_: int, reason: str) -> tuple[Changes, int]:
        """Save ``record`` with its reply of ``round_`` back to a draft; ``reason`` is required and
        kept in the item's history. With no finalised reply left the item is 办理中 again."""
        if not (reason or "").strip():
            raise ValidationError("取消定稿须写明理由（例如 代表补充了意见，答复需重写），理由记入修改记录。")
        if not any(r.round == round_ and r.finalised for r in record.replies):
            raise ValidationError(f"第 {round_} 次答复没有定稿，不需要取消定稿。")
        replies = tuple(replace(r, finalised=False) if r.round == round_ else r for r in record.replies)
        status = status_after_unfinalising(record.status, any(r.finalised for r in replies))
        return self._save(replace(record, replies=replies, status=status), reason=f"取消定稿：{reason.strip()}")

    def save(self, record: CaseRecord) -> tuple[Changes, int]:
        """Create or update the item; raises ValidationError, ConflictError or NotFoundError
        (nothing is written then)."""
        return self._save(record)

    def _save(self, record: CaseRecord, reason: str = "", gates_overridden: bool = False) -> tuple[Changes, int]:
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            # Kept referenced for the whole save: each later s.get() of these rows (validation,
            # gates, the writer) is then answered by the session instead of another round trip
            # to a database server.
            held = _rows_of_save(s, record)
            record = _allocate_number(s, record)
            setup = self._deadline_setup.get(s, self.ctx.db)
            problems = self._problems(s, record, gates_overridden, setup, held)
            if not problems:
                problems = _status_problems(s, record)
            if problems:
                raise ValidationError(problems)
            checklist.check_gates(s, record, held.finalised_rounds)
            writer = CaseWriter(s, record, now, user, reason)
            due_before = deadlines.due_snapshot(s, record.id, setup)
            try:
                item_id = writer.run()
                if record.id is None:
                    checklist.make_item_checklist(s, item_id)
                deadlines.record_due_moves(s, item_id, due_before, user, now, setup)
                note_items_written(s, [item_id, *writer.followers])
            except IntegrityError as error:
                # validate() catches these first; this is the safety net for a race or a rule
                # it does not know, so the user gets a message instead of a crash.
                raise ValidationError(
                    "保存失败：数据与已有记录冲突（例如编号或办理单位重复）。请检查后再保存；"
                    f"如仍不能保存，请把此信息告诉管理员：{error.orig}"
                ) from error
        # Units, sessions and proposers typed by name are new choices for the filter and pickers.
        return Changes.of("item", *sorted(writer.created), item_ids=[item_id, *writer.followers]), item_id

    def delete(self, item_id: int, version: int) -> Changes:
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            item = get_or_raise(s, Item, item_id, "该建议（提案）已被删除，可能是他人或另一窗口删除的。请刷新列表。")
            what = noun(member(ItemKind, item.kind))
            if item.version != version:
                raise ConflictError(
                    f"该{what}已被他人（或另一窗口）修改，没有删除。请重新载入后再决定是否删除。"
                )
            session_name = s.get(Session, item.session_id).name
            s.add(History(
                item_id=item.id, entity="item", entity_id=item.id, field="删除",
                old_value=f"{session_name} 第{item.number}号 {item.title}", new_value="",
                changed_by=user, changed_at=now,
            ))
            search.unindex_item(s, item.id)
            # 并案: the proposals merged under a deleted lead stand alone again (no foreign key).
            merged = list(s.scalars(select(Item).where(Item.merged_into_id == item.id)))
            for other in merged:
                other.merged_into_id = None
            # Child rows (units, replies, attachments and their bytes ...) go by ON DELETE CASCADE.
            s.delete(item)
            note_items_written(s, [item_id, *(m.id for m in merged)])
        return Changes.of("item", item_ids=[item_id, *(m.id for m in merged)])


def next_number(numbers) -> str:
    """The number after the highest numeric one, padded like the existing ones (0035 → 0036)."""
    digits = [n for n in numbers if n and n.isdigit()]
    if not digits:
        return "0001"
    width = max(len(n) for n in digits)
    return str(max(int(n) for n in digits) + 1).zfill(width)


def _allocate_number(s: OrmSession, record: CaseRecord) -> CaseRecord:
    """A new item still carrying the number ``new_record`` proposed gets the next free number of
    its session, read inside the write transaction (BEGIN IMMEDIATE: no other writer between the
    read and the insert), so that windows and processes creating items at once never clash. A
    number the user typed is kept and checked as typed."""
    number = (record.number or "").strip()
    if record.id is not None or not record.suggested_number or number != record.suggested_number:
        return record
    session = s.get(Session, record.session_id) if record.session_id is not None else None
    session = session or find_session(s, record.session_name)
    if session is None:
        return record
    numbers = s.execute(select(Item.number).where(Item.session_id == session.id)).scalars().all()
    if number not in numbers:
        return record
    allocated = next_number(numbers)
    return replace(record, number=allocated, suggested_number=allocated)


class _SaveRows(NamedTuple):
    item: Item | None
    session: Session | None
    units: list[Unit]
    proposers: list[Proposer]
    finalised_rounds: frozenset[int]


def _rows_of_save(s: OrmSession, record: CaseRecord) -> _SaveRows:
    """The stored item, its session, every unit (they are few) and the proposers the record
    names by id, as ORM rows; and the rounds of its replies stored as 定稿."""
    item = s.get(Item, record.id) if record.id is not None else None
    chosen = s.get(Session, record.session_id) if record.session_id is not None else None
    proposer_ids = {p.proposer_id for p in record.proposers if p.proposer_id is not None}
    proposers = s.scalars(select(Proposer).where(Proposer.id.in_(proposer_ids))).all() if proposer_ids else []
    return _SaveRows(item, chosen, list(s.scalars(select(Unit))), list(proposers), _finalised_rounds(s, record))


def _finalised_rounds(s: OrmSession, record: CaseRecord) -> frozenset[int]:
    """The rounds of the item's replies stored as 定稿; read only when the record has a 定稿 reply
    (the rules that compare with them concern such a reply alone)."""
    if record.id is None or not any(r.finalised for r in record.replies):
        return frozenset()
    return frozenset(s.scalars(select(Reply.round).where(Reply.item_id == record.id, Reply.finalised.is_(True))))


def _status_problems(s: OrmSession, record: CaseRecord) -> list[str]:
    """A status the user chose (changed from the stored one) must agree with the record
    (domain.md §4); statuses the app sets itself (finalising, feedback) follow the record already."""
    stored = None
    if record.id is not None:
        item = s.get(Item, record.id)
        stored = item.status if item is not None else None
    if record.status is None or (stored is not None and stored == record.status.value):
        return []
    if stored is None and record.status is ItemStatus.PENDING:
        return []
    facts = _status_facts(s, record.id) if record.id is not None else StatusFacts()
    problem = status_problem(record.status, record, facts)
    return [problem] if problem else []


def _problems(s: OrmSession, record: CaseRecord, held: _SaveRows | None = None, **rules) -> list[str]:
    """The save rules' problems with ``record`` (``held``: what a save has read already)."""
    session = None
    if record.session_id is not None:
        session = s.get(Session, record.session_id)
    if session is None:
        session = find_session(s, record.session_name)
    used_by = None
    number = (record.number or "").strip()
    if session is not None and number:
        query = select(Item.title).where(Item.session_id == session.id, Item.number == number)
        if record.id is not None:
            query = query.where(Item.id != record.id)
        used_by = s.execute(query.limit(1)).scalar_one_or_none()
    if session is not None and record.session_name != session.name:
        record = replace(record, session_name=session.name)
    final = held.finalised_rounds if held is not None else _finalised_rounds(s, record)
    return case_problems(_with_known_units(s, record, held.units if held is not None else None),
                         number_used_by=used_by, **_commitment_facts(s, record, final), **rules)


def _status_facts(s: OrmSession, item_id: int) -> StatusFacts:
    feedback = s.scalar(select(func.count()).select_from(Feedback).where(Feedback.item_id == item_id))
    dissatisfied = s.scalar(select(Feedback.id).where(
        Feedback.item_id == item_id, Feedback.outcome == Rating.DISSATISFIED.value).limit(1)) is not None
    open_commitments = s.scalar(select(func.count()).select_from(Commitment).where(
        Commitment.item_id == item_id, Commitment.status == CommitmentStatus.OPEN.value))
    return StatusFacts(feedback or 0, dissatisfied, open_commitments or 0)


def _commitment_facts(s: OrmSession, record: CaseRecord, final: frozenset[int]) -> dict:
    """What the 承诺事项 rule needs from the database (issue 8: services/followup adds them),
    with ``final`` the rounds stored as 定稿."""
    if record.id is None:
        # A new item has no commitments yet: saved as 定稿 正在/计划解决 it would escape the rule.
        return {"commitments": 0}
    if not any(r.finalised for r in record.replies):
        return {}  # the rules read these only for a finalised reply

    if not any(r.finalised and r.result is not None and r.result.needs_commitment and r.round not in final
               for r in record.replies):
        return {"finalised_rounds": final}  # the count matters only for a reply finalised now that promises
    count = s.scalar(select(func.count()).select_from(Commitment).where(Commitment.item_id == record.id))
    return {"commitments": count, "finalised_rounds": final}


def _with_known_units(s: OrmSession, record: CaseRecord, units: list[Unit] | None = None) -> CaseRecord:
    """The record with each assignment's unit resolved as save() will resolve it, so that a
    unit picked from the list and the same unit typed by name count as listed twice
    (``units``: every unit, when the caller has them already)."""
    if units is None:
        names = dict(s.execute(select(Unit.id, Unit.name)).all())
    else:
        names = {unit.id: unit.name for unit in units}
    ids = {name: unit_id for unit_id, name in names.items()}
    resolved = []
    for a in record.assignments:
        if a.unit_id is not None and a.unit_id in names:
            resolved.append(replace(a, unit_name=names[a.unit_id]))
        elif a.unit_name.strip() in ids:
            resolved.append(replace(a, unit_id=ids[a.unit_name.strip()]))
        else:
            resolved.append(replace(a, unit_id=None))
    return replace(record, assignments=tuple(resolved))


# ---- reading a whole record --------------------------------------------------------------


def case_record(s: OrmSession, item: Item) -> CaseRecord:
    """The editor's draft of ``item`` (every section), read inside the caller's transaction."""
    session = s.get(Session, item.session_id)
    unit_names = dict(s.execute(select(Unit.id, Unit.name)).all())
    proposers = tuple(
        ProposerLink(
            name=p.name, role=member(ProposerRole, link.role),
            proposer_type=member(ProposerType, p.proposer_type), proposer_id=p.id,
            delegation=p.delegation or "", phone=p.phone or "", address=p.address or "",
            contact_person=p.contact_person or "",
        )
        for link, p in s.execute(
            select(ItemProposer, Proposer)
            .join(Proposer, Proposer.id == ItemProposer.proposer_id)
            .where(ItemProposer.item_id == item.id)
            .order_by(ItemProposer.position, ItemProposer.id)
        ).all()
    )
    assignments = tuple(
        AssignmentRecord(
            unit_id=a.unit_id, unit_name=unit_names.get(a.unit_id, ""), id=a.id,
            **{attr: from_db(getattr(a, attr), kind) for attr, _l, kind in ASSIGNMENT_FIELDS},
        )
        for a in s.execute(
            select(Assignment).where(Assignment.item_id == item.id)
            .order_by(Assignment.position, Assignment.id)
        ).scalars()
    )
    contacts = tuple(
        ContactRecord(id=c.id, **{attr: from_db(getattr(c, attr), kind) for attr, _l, kind in CONTACT_FIELDS})
        for c in s.execute(
            select(Contact).where(Contact.item_id == item.id).order_by(Contact.contact_on, Contact.id)
        ).scalars()
    )
    replies = tuple(
        ReplyRecord(id=r.id, **{attr: from_db(getattr(r, attr), kind) for attr, _l, kind in REPLY_FIELDS})
        for r in s.execute(
            select(Reply).where(Reply.item_id == item.id).order_by(Reply.round, Reply.id)
        ).scalars()
    )
    attachments = tuple(
        AttachmentInfo(
            id=a.id, file_name=a.file_name, size=a.size, added_at=a.added_at,
            added_by=a.added_by or "", note=a.note or "",
        )
        for a in s.execute(
            select(Attachment).where(Attachment.item_id == item.id).order_by(Attachment.id)
        ).scalars()
    )
    return CaseRecord(
        id=item.id,
        version=item.version,
        session_id=item.session_id,
        session_name=session.name if session else "",
        proposers=proposers,
        assignments=assignments,
        contacts=contacts,
        replies=replies,
        attachments=attachments,
        history=tuple(_history(s, item.id)),
        merged_into_number=(s.scalar(select(Item.number).where(Item.id == item.merged_into_id)) or ""
                            if item.merged_into_id is not None else ""),
        merged_numbers=tuple(s.scalars(select(Item.number).where(Item.merged_into_id == item.id)
                                       .order_by(Item.number))),
        **{attr: from_db(getattr(item, attr), kind) for attr, _l, kind in ITEM_FIELDS},
    )


def _history(s: OrmSession, item_id: int) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            changed_at=h.changed_at, changed_by=h.changed_by or "", entity=h.entity,
            field=h.field, old_value=h.old_value or "", new_value=h.new_value or "",
            reason=h.reason or "",
        )
        for h in s.execute(
            select(History).where(History.item_id == item_id)
            .order_by(History.changed_at.desc(), History.id.desc())
        ).scalars()
    ]
