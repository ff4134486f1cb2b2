"""Writing one whole item on save: names resolved to rows, child rows replaced, history recorded,
search index and list columns kept current (services layer; used inside CaseService.save's
transaction).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm.attributes import flag_modified

from desktop_app.domain.enums import (
    ContactWay,
    ItemKind,
    ProposerRole,
    ProposerType,
    ResultCategory,
    UnitRole,
)
from desktop_app.domain.errors import ConflictError, ValidationError
from desktop_app.services import search
from desktop_app.services.dto import AssignmentRecord, CaseRecord
from desktop_app.services.fields import (
    ASSIGNMENT_FIELDS,
    CONTACT_FIELDS,
    ITEM_FIELDS,
    REPLY_FIELDS,
    member,
    shown,
    to_db,
)
from desktop_app.services.lookup import (
    find_or_create_proposer,
    find_or_create_session,
    find_or_create_unit,
    get_or_raise,
)
from desktop_app.services.merged import follow_lead, take_lead_state
from desktop_app.storage.tables import (
    Assignment,
    Attachment,
    AttachmentContent,
    Contact,
    History,
    Item,
    ItemProposer,
    Proposer,
    Reply,
    Session,
    Unit,
)

MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
NAME_JOINER = "、"
_LEAD_ROLES = (UnitRole.LEAD.value, UnitRole.SPLIT.value)


def noun(kind: ItemKind) -> str:
    return "建议" if kind is ItemKind.SUGGESTION else "提案"


class CaseWriter:
    """One save: resolves names to rows, applies the record, records history, re-indexes."""

    def __init__(self, s: OrmSession, record: CaseRecord, now, user: str, reason: str = ""):
        """``reason`` is kept with every history row of this save (e.g. why a reply was un-finalised)."""
        self.s, self.record, self.now, self.user, self.reason = s, record, now, user, reason
        self.changes: list[tuple[str, int | None, str, str, str]] = []
        self.unit_names: dict[int, str] = {}
        # Kinds of reference data this save created by name ("unit", "session", "proposer").
        self.created: set[str] = set()
        # 并案: the other proposals whose status and result this save changed (they follow the lead).
        self.followers: list[int] = []
        #: The item's proposer links as stored (by proposer id), read once by _resolve_proposers.
        self.old_links: dict[int, ItemProposer] = {}

    def note(self, entity: str, entity_id, label: str, old: str, new: str) -> None:
        if old != new:
            self.changes.append((entity, entity_id, label, old, new))

    def run(self) -> int:
        s, record = self.s, self.record
        kind = ItemKind(record.kind)
        session = find_or_create_session(s, record.session_id, record.session_name, kind, self.now, self.created)
        creating = record.id is None
        if creating:
            item = Item(created_at=self.now, updated_at=self.now, session_id=session.id)
        else:
            item = get_or_raise(
                s, Item, record.id,
                f"该{noun(kind)}已被删除（可能是他人或另一窗口删除的），无法保存。请关闭编辑窗口并刷新列表。",
            )
            if item.version != record.version:
                raise ConflictError(
                    f"该{noun(kind)}已被他人（或另一窗口）修改，您的修改没有保存。请重新载入后再修改。"
                )
        # Names are resolved first so that the item row is written once per save: SQLAlchemy
        # bumps ``version`` on each UPDATE of it.
        proposers = self._resolve_proposers(kind)
        units = self._resolve_units()
        old_session = item.session_id
        if not creating and old_session != session.id:
            self.note("item", item.id, "届次", s.get(Session, old_session).name, session.name)
        item.session_id = session.id
        self._merged_into(item, session, kind)
        for attr, label, kind_ in ITEM_FIELDS:
            new = to_db(getattr(record, attr), kind_)
            if attr in ("number", "title"):
                new = new.strip()
            old = getattr(item, attr)
            if not creating and old != new:
                self.note("item", item.id, label, shown(old, kind_), shown(new, kind_))
            setattr(item, attr, new)
        leads = [p.name for p, role in proposers if role == ProposerRole.LEAD.value]
        item.lead_proposer_name = leads[0] if leads else ""
        item.lead_unit_names = NAME_JOINER.join(
            u.name for u, rec in units if UnitRole(rec.role).value in _LEAD_ROLES
        )
        item.co_unit_names = NAME_JOINER.join(
            u.name for u, rec in units if UnitRole(rec.role).value not in _LEAD_ROLES
        )
        # A draft counts nowhere (domain.md §4): the list shows the latest finalised result.
        with_result = [r for r in record.replies if r.result is not None and r.finalised]
        latest = max(with_result, key=lambda r: r.round, default=None)
        item.result = ResultCategory(latest.result).value if latest else None
        item.updated_at = self.now
        # Even when only child rows change, the item row is updated, so SQLAlchemy checks and
        # bumps its version (version_id_col) on every save.
        flag_modified(item, "updated_at")
        s.add(item)
        s.flush()

        self._proposers(item, proposers)
        self._assignments(item, units)
        self._contacts(item)
        self._replies(item)
        self._attachments(item)
        terms = search.item_terms(
            item.number, item.title, [p.name for p, _r in proposers], [u.name for u, _r in units], item.content,
        )
        if item.merged_into_id is not None:
            lead = s.get(Item, item.merged_into_id)
            if lead is not None:
                take_lead_state(s, item, lead, self.user, self.now)
        self.followers = follow_lead(s, item, self.user, self.now)
        if creating:
            search.index_many(s, [{"id": item.id, "terms": terms}])
        else:
            search.index_item(s, item.id, terms)
        if creating:
            self.changes = [("item", item.id, "新建", "", f"{session.name} 第{item.number}号 {item.title}")]
        for entity, entity_id, label, old, new in self.changes:
            s.add(History(
                item_id=item.id, entity=entity, entity_id=entity_id, field=label,
                old_value=old, new_value=new, changed_by=self.user, changed_at=self.now, reason=self.reason,
            ))
        s.flush()
        return item.id

    def _merged_into(self, item: Item, session: Session, kind: ItemKind) -> None:
        """并案: the lead proposal named by its number in the same session (one level only: a
        lead is never merged itself, so one handling covers the whole group)."""
        number = (self.record.merged_into_number or "").strip()
        old_id = item.merged_into_id
        new_id = None
        if number:
            if kind is not ItemKind.PROPOSAL:
                raise ValidationError(["只有政协提案可以并案：请清空“并入提案”一栏。"])
            lead = self.s.execute(select(Item).where(Item.session_id == session.id, Item.number == number)).scalar_one_or_none()
            if lead is None:
                raise ValidationError([f"{session.name}中没有第{number}号提案：请填写并案主提案的编号，或清空“并入提案”一栏。"])
            if lead.id == item.id:
                raise ValidationError(["一件提案不能并入它自己：请填写另一件提案的编号。"])
            if lead.kind != ItemKind.PROPOSAL.value:
                raise ValidationError([f"第{number}号不是政协提案，不能作为并案的主提案。"])
            if lead.merged_into_id is not None:
                head = self.s.get(Item, lead.merged_into_id)
                raise ValidationError([f"第{number}号已并入第{head.number if head else '?'}号提案：请并入主提案第{head.number if head else '?'}号。"])
            if item.id is not None and self.s.execute(
                    select(Item.id).where(Item.merged_into_id == item.id).limit(1)).first() is not None:
                raise ValidationError(["此件是并案的主提案，已有提案并入它，不能再并入其他提案：请先把并入它的提案改并到新的主提案。"])
            new_id = lead.id
        if old_id != new_id and item.id is not None:
            def number_of(item_id):
                row = self.s.get(Item, item_id) if item_id is not None else None
                return f"第{row.number}号" if row is not None else ""
            self.note("item", item.id, "并入提案", number_of(old_id), number_of(new_id))
        item.merged_into_id = new_id

    def _unit_name(self, unit_id: int | None) -> str:
        if unit_id is None:
            return ""
        if unit_id not in self.unit_names:
            unit = self.s.get(Unit, unit_id)
            self.unit_names[unit_id] = unit.name if unit else str(unit_id)
        return self.unit_names[unit_id]

    def _resolve_proposers(self, kind: ItemKind) -> list[tuple[Proposer, str]]:
        """The record's proposers as rows (found or created, details updated) with role codes."""
        s = self.s
        if self.record.id is not None:  # kept for _proposers (the links do not change in between)
            self.old_links = {link.proposer_id: link for link in s.execute(
                select(ItemProposer).where(ItemProposer.item_id == self.record.id)).scalars()}
        linked_before = set(self.old_links)
        wanted: list[tuple[Proposer, str]] = []
        for link in self.record.proposers:
            proposer = find_or_create_proposer(s, link, kind.body, self.created)
            # The editor showed the stored details of a proposer already on this item, so what
            # comes back replaces them, blanks included (cleared on purpose). A proposer newly
            # linked to the item (picked or typed by name) brings only what was typed: an empty
            # field or the form's default type must not wipe out what the directory knows.
            explicit = link.proposer_id == proposer.id
            shown_before = explicit and proposer.id in linked_before
            for attr, label in (("proposer_type", "类型"), ("delegation", "代表团/界别"),
                                ("phone", "电话"), ("address", "地址"),
                                ("contact_person", "联系人")):
                new = getattr(link, attr)
                new = ProposerType(new).value if attr == "proposer_type" else (new or "")
                old = getattr(proposer, attr) or ""
                typed = explicit and bool(new) and attr != "proposer_type"
                if old != new and (shown_before or typed or not old):
                    if attr == "proposer_type":
                        old_shown, new_shown = shown(old, ProposerType), shown(new, ProposerType)
                    else:
                        old_shown, new_shown = old, new
                    self.note("proposer", proposer.id, f"{proposer.name} {label}", old_shown, new_shown)
                    setattr(proposer, attr, new)
            wanted.append((proposer, ProposerRole(link.role).value))
        s.flush()
        return wanted

    def _proposers(self, item: Item, wanted: list[tuple[Proposer, str]]) -> None:
        s = self.s
        old_links = self.old_links
        wanted_ids = {p.id for p, _r in wanted}
        for pid, link in old_links.items():
            if pid not in wanted_ids:
                name = s.get(Proposer, pid).name
                self.note("proposer", pid, "代表", f"{name}（{member(ProposerRole, link.role).label}）", "")
                s.delete(link)
        s.flush()
        for position, (proposer, role) in enumerate(wanted):
            link = old_links.get(proposer.id)
            if link is None:
                s.add(ItemProposer(item_id=item.id, proposer_id=proposer.id, role=role, position=position))
                self.note("proposer", proposer.id, "代表", "", f"{proposer.name}（{member(ProposerRole, role).label}）")
            else:
                if link.role != role:
                    self.note("proposer", proposer.id, f"{proposer.name} 角色",
                              member(ProposerRole, link.role).label, member(ProposerRole, role).label)
                link.role, link.position = role, position

    def _resolve_units(self) -> list[tuple[Unit, AssignmentRecord]]:
        resolved = []
        for rec in self.record.assignments:
            unit = find_or_create_unit(self.s, rec.unit_id, rec.unit_name, self.created)
            self.unit_names[unit.id] = unit.name
            resolved.append((unit, rec))
        return resolved

    @staticmethod
    def _match(rows, records, row_key=None, record_key=None):
        """Pairs stored rows with record rows: by id first, then the rest by key (the unit of an
        assignment, the round of a reply), so a row removed and added again keeps its place.
        Returns the pairs (row None for a new one) and the stored rows no longer wanted."""
        by_id = {r.id: r for r in rows}
        pairs = [(by_id.pop(rec.id, None) if rec.id is not None else None, rec) for rec in records]
        if row_key is not None:
            spare = {row_key(r): r for r in by_id.values()}
            for i, (row, rec) in enumerate(pairs):
                if row is None:
                    found = spare.pop(record_key(rec), None)
                    if found is not None:
                        del by_id[found.id]
                        pairs[i] = (found, rec)
        return pairs, list(by_id.values())

    def _apply(self, row, rec, fields, entity: str, prefix: str, new_row: bool) -> None:
        for attr, label, kind_ in fields:
            new = to_db(getattr(rec, attr), kind_)
            old = getattr(row, attr)
            if not new_row and old != new:
                self.note(entity, row.id, f"{prefix} {label}",
                          shown(old, kind_, self.unit_names), shown(new, kind_, self.unit_names))
            setattr(row, attr, new)

    def _assignments(self, item: Item, resolved: list[tuple[Unit, AssignmentRecord]]) -> None:
        s = self.s
        rows = s.execute(select(Assignment).where(Assignment.item_id == item.id)).scalars().all()
        for row in rows:
            self._unit_name(row.unit_id)
        unit_of = {id(rec): unit for unit, rec in resolved}
        pairs, removed = self._match(
            rows, [rec for _u, rec in resolved],
            row_key=lambda r: r.unit_id, record_key=lambda rec: unit_of[id(rec)].id,
        )
        for row in removed:
            self.note("assignment", row.id, "办理单位",
                      f"{self._unit_name(row.unit_id)}（{member(UnitRole, row.role).label}）", "")
            s.delete(row)
        s.flush()
        for position, (row, rec) in enumerate(pairs):
            unit = unit_of[id(rec)]
            new_row = row is None
            if new_row:
                row = Assignment(item_id=item.id, unit_id=unit.id)
                s.add(row)
                self.note("assignment", None, "办理单位", "", f"{unit.name}（{UnitRole(rec.role).label}）")
                if self._added_later(rec):
                    # 调整分办: a unit added to an item already handed over gets it today, and its
                    # deadlines run from then (the editor shows the date; the user may correct it).
                    rec = replace(rec, assigned_on=self.now.date())
                    self.note("assignment", None, f"{unit.name} 交办日期", "", self.now.date().isoformat())
            elif row.unit_id != unit.id:
                self.note("assignment", row.id, f"{self._unit_name(row.unit_id)} 单位",
                          self._unit_name(row.unit_id), unit.name)
                row.unit_id = unit.id
            row.position = position
            self._apply(row, rec, ASSIGNMENT_FIELDS, "assignment", unit.name, new_row)

    def _added_later(self, rec: AssignmentRecord) -> bool:
        """A unit added by this save to an item handed over before today, with no date of its own."""
        assigned = self.record.assigned_on
        return (self.record.id is not None and rec.assigned_on is None and assigned is not None
                and assigned < self.now.date())

    def _contacts(self, item: Item) -> None:
        s = self.s
        rows = s.execute(select(Contact).where(Contact.item_id == item.id)).scalars().all()
        for row in rows:
            self._unit_name(row.unit_id)
        for rec in self.record.contacts:
            self._unit_name(rec.unit_id)
        pairs, removed = self._match(rows, self.record.contacts)
        for row in removed:
            self.note("contact", row.id, "沟通记录",
                      f"{shown(row.contact_on, date)} {_way_label(row.way)} {row.summary or ''}".strip(), "")
            s.delete(row)
        for row, rec in pairs:
            if row is None:
                row = Contact(item_id=item.id)
                s.add(row)
                self.note("contact", None, "沟通记录", "",
                          f"{shown(rec.contact_on, date)} {_way_label(rec.way)} {rec.summary}".strip())
                self._apply(row, rec, CONTACT_FIELDS, "contact", "", True)
            else:
                self._apply(row, rec, CONTACT_FIELDS, "contact", f"沟通记录（{shown(row.contact_on, date)}）", False)

    def _replies(self, item: Item) -> None:
        s = self.s
        rows = s.execute(select(Reply).where(Reply.item_id == item.id)).scalars().all()
        for row in rows:
            self._unit_name(row.unit_id)
        for rec in self.record.replies:
            self._unit_name(rec.unit_id)
        pairs, removed = self._match(
            rows, self.record.replies, row_key=lambda r: r.round, record_key=lambda r: r.round
        )
        for row in removed:
            self.note("reply", row.id, "答复", f"第{row.round}次答复 {row.doc_number or ''}".strip(), "")
            s.delete(row)
        s.flush()
        for row, rec in pairs:
            if row is None:
                row = Reply(item_id=item.id)
                s.add(row)
                self.note("reply", None, "答复", "", f"第{rec.round}次答复 {rec.doc_number}".strip())
                self._apply(row, rec, REPLY_FIELDS, "reply", "", True)
            else:
                self._apply(row, rec, REPLY_FIELDS, "reply", f"第{row.round}次答复", False)

    def _attachments(self, item: Item) -> None:
        s = self.s
        for attachment_id in self.record.removed_attachment_ids:
            row = s.get(Attachment, attachment_id)
            if row is not None and row.item_id == item.id:
                self.note("attachment", row.id, "附件", row.file_name, "")
                s.delete(row)
        for new in self.record.new_attachments:
            data = _read_attachment(new.path)
            name = os.path.basename(new.path)
            row = Attachment(
                item_id=item.id, file_name=name, size=len(data),
                sha256=hashlib.sha256(data).hexdigest(), note=new.note or "",
                added_at=self.now, added_by=self.user,
            )
            s.add(row)
            s.flush()
            s.add(AttachmentContent(attachment_id=row.id, data=data))
            self.note("attachment", row.id, "附件", "", name)


def _way_label(code) -> str:
    return member(ContactWay, code.value if hasattr(code, "value") else code).label if code else ""


def _read_attachment(path: str) -> bytes:
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                # The real size, not rounded down to the limit (a 100.01 MB file said "100 MB").
                f"附件“{name}”有 {size / 1024 / 1024:.2f} MB（{size:,} 字节），超过每个文件 "
                f"{MAX_ATTACHMENT_BYTES / 1024 / 1024:g} MB 的上限，请压缩或拆分后再添加。"
            )
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as error:
        raise ValidationError(
            f"无法读取附件“{name}”（{error.strerror or error}），请确认文件存在且没有被其他程序占用。"
        ) from error
