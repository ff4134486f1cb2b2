"""How a receiving copy merges an exchange package (services layer; used inside
``services.exchange``'s transactions).

``Merger`` answers, at the receiver and from the receiver's own data, what the sender may change
(``services.exchange_records`` lists the fields each party owns); anything else in a package is
reported as ignored and left alone. A conflict is an owned field that the receiver changed itself
since it last heard from the sender (the value differs from the one last received, kept in
``exchange_base``) and that the sender changed too. The user picks per field; until every conflict
is decided nothing is applied. Run with ``apply`` False it only reports (the preview).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.checklist import tickable
from desktop_app.domain.enums import (
    Body,
    ItemKind,
    ItemStatus,
    Level,
    LinkKind,
    ProposerRole,
    RectificationStatus,
    ReviewCategory,
    ReviewOutcome,
    UnitRole,
)
from desktop_app.domain.errors import ConflictError, ValidationError
from desktop_app.exchange import checklist_file
from desktop_app.exchange.package import PackageError
from desktop_app.services import checklist, search
from desktop_app.services.case_writer import NAME_JOINER
from desktop_app.services.exchange_records import (
    ASSIGNMENT_LEAD,
    ASSIGNMENT_OFFICE,
    ASSIGNMENT_UNIT,
    COMMITMENT_UNIT,
    CONTACT_UNIT,
    ENTITY_LABELS,
    FEEDBACK_LEAD,
    ITEM_LEAD,
    ITEM_OFFICE,
    LEAD_ROLES,
    PROPOSER_CONTACT,
    PROPOSER_OFFICE,
    RECTIFICATION_LABELS,
    RECTIFICATION_OFFICE,
    REPLY_UNIT,
    REVIEW_FIELDS,
    SUPERVISION_FIELDS,
    TABLES,
    UNIT_RECORDS,
    attachment_part,
    item_label,
    link_key,
    shown_value,
    unwire,
    values_of,
    wire,
)
from desktop_app.services.fields import shown
from desktop_app.storage.database import note_items_written
from desktop_app.storage.tables import (
    Assignment,
    Attachment,
    AttachmentContent,
    CalendarEntry,
    CalendarYear,
    Commitment,
    DeadlineRule,
    ExchangeBase,
    Feedback,
    History,
    Item,
    ItemChecklist,
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
    Unit,
    new_uid,
)


@dataclass(frozen=True)
class FieldChange:
    key: str  # "entity:uid:attr", what a choice names
    record: str  # 区二届人大五次会议 第0035号 区交通委 (the record, readable)
    field: str  # the Chinese label
    old: str
    new: str


@dataclass(frozen=True)
class Conflict:
    key: str
    record: str
    field: str
    base: str  # as last received
    mine: str  # as here now
    theirs: str  # as in the package


@dataclass
class MergeReport:
    new: list[str] = field(default_factory=list)
    changed: list[FieldChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    unchanged: int = 0
    item_ids: set[int] = field(default_factory=set)


class Merger:
    """One package's records merged into this copy. With ``apply`` False it only reports (the
    preview); with ``apply`` True it writes, and refuses when a conflict has no choice."""

    def __init__(self, s: OrmSession, payload: dict, sender_role: str, sender_name: str, *, apply: bool,
                 choices: dict[str, str] | None, now: datetime, user: str, reason: str, receiver: str = "",
                 parts: dict[str, bytes] | None = None):
        self.s, self.payload, self.apply = s, payload, apply
        self.parts = parts or {}  # the package's parts: attachments' bytes
        self.sender_role, self.sender_name = sender_role, sender_name
        self.peer = f"{sender_role}:{sender_name}"
        self.choices = choices or {}
        self.now, self.user, self.reason = now, user, reason
        self.receiver = receiver  # this copy's name (the package's addressee)
        self.report = MergeReport()
        self.units = {name: uid for uid, name in s.execute(select(Unit.id, Unit.name))}
        self.unit_names = {v: k for k, v in self.units.items()}
        self.history: list[tuple] = []
        # What was last received from this sender, read once: (entity, uid) -> row.
        self.bases = {(b.entity, b.uid): b for b in s.execute(
            select(ExchangeBase).where(ExchangeBase.peer == self.peer)).scalars()}
        self.new_items: list[int] = []

    # -- entry ------------------------------------------------------------------------------------

    def run(self) -> MergeReport:
        items = self.payload.get("items")
        if not isinstance(items, list):
            raise PackageError("数据包内容有误：缺少“items”，已拒绝。请让对方用本程序重新导出。")
        self._preload(items)
        self._refuse_secret(items)
        sender_unit = None
        if self.sender_role == "unit":
            sender_unit = self.units.get(self.sender_name)
            if sender_unit is None:
                self.report.ignored.append(f"本机没有单位“{self.sender_name}”，该单位报送的 {len(items)} 件均未导入。")
                return self.report
        # Explicit flushes where ids are needed: an autoflush before every lookup costs more than
        # the merge itself on a package of a thousand items.
        with self.s.no_autoflush:
            for block in items:
                if self.sender_role == "office":
                    self._office_item(block)
                else:
                    self._unit_item(block, sender_unit)
            if self.sender_role == "office" and isinstance(self.payload.get("setup"), dict):
                self._setup(self.payload["setup"])
            if self.sender_role == "office" and isinstance(self.payload.get("checklist_template"), dict):
                self._template(self.payload["checklist_template"])
            if isinstance(self.payload.get("rectification"), list):
                if self.sender_role == "office":
                    self._rectification_rows(self.payload["rectification"])
                else:
                    self._rectification_progress(self.payload["rectification"], sender_unit)
            if "links" in self.payload:
                self._links(self.payload["links"])
        if self.apply:
            self._finish()
        return self.report

    def _preload(self, items) -> None:
        """The package's items here, by global id and by 届次 + 编号, in a few queries."""
        s = self.s
        blocks = [b for b in items if isinstance(b, dict)]
        uids = [b.get("uid") for b in blocks if isinstance(b.get("uid"), str)]
        self._by_uid: dict[str, int] = {}
        for start in range(0, len(uids), 500):
            self._by_uid.update(s.execute(select(Item.uid, Item.id).where(Item.uid.in_(uids[start:start + 500]))).all())
        names = {str((b.get("session") or {}).get("name")) for b in blocks if isinstance(b.get("session"), dict)}
        self._by_number: dict[tuple[str, str], int] = {
            (name, number): item_id for name, number, item_id in s.execute(
                select(Session.name, Item.number, Item.id).join(Item, Item.session_id == Session.id)
                .where(Session.name.in_(names)))}

    def _refuse_secret(self, items) -> None:
        for block in items:
            if not isinstance(block, dict):
                raise PackageError("数据包内容有误：items 中有非记录项，已拒绝。")
            for rec in block.get("records") or ():
                if rec.get("entity") == "item" and (rec.get("fields") or {}).get("is_secret"):
                    raise PackageError(f"数据包中含有涉密件（{_block_label(block)}）。涉密件不得通过数据包传递，"
                                       "已拒绝整个数据包，没有导入任何数据。请向发件方核实。")
            local = self._find_item(block, adopt=False)
            if local is not None and local.is_secret:
                raise PackageError(f"数据包涉及本机登记为涉密的件（{_block_label(block)}）。涉密件不得通过数据包传递，"
                                   "已拒绝整个数据包，没有导入任何数据。")

    # -- finding local records --------------------------------------------------------------------

    def _find_item(self, block: dict, adopt: bool) -> Item | None:
        s = self.s
        uid = block.get("uid")
        found = self._by_uid.get(uid) if isinstance(uid, str) else None
        item = s.get(Item, found) if found is not None else None
        if item is None:
            session = str((block.get("session") or {}).get("name"))
            found = self._by_number.get((session, str(block.get("number"))))
            item = s.get(Item, found) if found is not None else None
            if item is not None and adopt and self.apply and uid and item.uid != uid:
                item.uid = uid
                self._by_uid[uid] = item.id
        return item

    def _find(self, entity: str, uid: str | None, fallback=None):
        table = TABLES[entity]
        row = self.s.execute(select(table).where(table.uid == uid)).scalar_one_or_none() if uid else None
        if row is None and fallback is not None:
            row = self.s.execute(select(table).where(*fallback)).scalars().first()
            if row is not None and self.apply and uid and row.uid != uid and not self._uid_taken(table, uid):
                row.uid = uid
        return row

    def _proposer(self, uid, name, body) -> Proposer | None:
        """A proposer by global id, else by name within the body (adopting the id), from one read."""
        if not hasattr(self, "_people_by_uid"):
            people = self.s.execute(select(Proposer)).scalars().all()
            self._people_by_uid = {p.uid: p for p in people if p.uid}
            self._people_by_name = {(p.name, p.body): p for p in people}
        person = self._people_by_uid.get(uid) if uid else None
        if person is None:
            person = self._people_by_name.get((name, body))
            if person is not None and self.apply and uid and person.uid != uid and uid not in self._people_by_uid:
                self._people_by_uid.pop(person.uid, None)
                person.uid = uid
                self._people_by_uid[uid] = person
        return person

    def _uid_taken(self, table, uid: str) -> bool:
        return self.s.execute(select(table.id).where(table.uid == uid)).first() is not None

    # -- the office's package at a unit -----------------------------------------------------------

    def _office_item(self, block: dict) -> None:
        s = self.s
        if block.get("withdrawn"):
            self._withdrawn(block)
            return
        records = block.get("records") or []
        item_rec = next((r for r in records if r.get("entity") == "item"), None)
        if item_rec is None:
            self.report.ignored.append(f"{_block_label(block)}：没有建议提案本身的记录，已忽略。")
            return
        label = _block_label(block)
        item = self._find_item(block, adopt=True)
        fields = self._owned(item_rec, ITEM_OFFICE, label)
        if item is None:
            self.report.new.append(f"新{ENTITY_LABELS['item']}：{label}")
            if not self.apply:
                self.report.item_ids.add(-1)
                self._supervision(None, block.get("supervision"), label)
                return
            session = self._session(block.get("session") or {})
            item = Item(uid=item_rec.get("uid") or new_uid(), session_id=session.id, created_at=self.now,
                        updated_at=self.now, status=ItemStatus.PENDING.value, is_secret=False,
                        **{a: unwire("item", a, v) for a, v in fields.items()})
            s.add(item)
            s.flush()
            self.new_items.append(item.id)
            self._by_uid[item.uid] = item.id
            self.history.append((item.id, "item", item.id, "新建", "", f"{block['session']['name']} 第{item.number}号 {item.title}"))
            self._base("item", item.uid, fields)
        else:
            self._merge_fields("item", item, fields, label, item.id)
        self.report.item_ids.add(item.id)
        self._supervision(item, block.get("supervision"), label)
        self._office_proposers(item, [r for r in records if r.get("entity") == "proposer"], label)
        self._office_assignments(item, [r for r in records if r.get("entity") == "assignment"], label)
        for r in records:
            if r.get("entity") not in ("item", "proposer", "assignment"):
                self.report.ignored.append(f"{label}：办公室的数据包不改动单位的{ENTITY_LABELS.get(r.get('entity'), '记录')}，已忽略。")

    def _supervision(self, item: Item | None, notes, label: str) -> None:
        """The office's 督办 notes: each one not yet here goes into the item's history, dated and
        signed as at the office."""
        if not notes:
            return
        if not isinstance(notes, list):
            raise PackageError(f"数据包内容有误：{label} 的督办说明格式不对，已拒绝。请让对方用本程序重新导出。")
        told: set[tuple[datetime, str]] = set()
        for note in notes:
            try:
                at = datetime.fromisoformat(note["at"])
                field_, old, new, text = (str(note[k])[:2000] for k in ("field", "old", "new", "note"))
                by = str(note.get("by") or "")[:40]
            except (KeyError, TypeError, ValueError) as error:
                raise PackageError(f"数据包内容有误：{label} 的督办说明不完整，已拒绝。请让对方用本程序重新导出。") from error
            if field_ not in SUPERVISION_FIELDS or not text.strip():
                continue
            if item is not None and self.s.execute(select(History.id).where(
                    History.item_id == item.id, History.field == field_, History.changed_at == at,
                    History.reason == text)).first() is not None:
                continue
            if (at, text) not in told:  # one save's note on both fields is shown once
                told.add((at, text))
                self.report.changed.append(FieldChange(f"supervision:{item.uid if item else ''}:{note['at']}", label,
                                                       "督办说明", "", f"{field_}：{text}"))
            if self.apply and item is not None:
                self.s.add(History(item_id=item.id, entity="item", entity_id=item.id, field=field_, old_value=old,
                                   new_value=new, changed_by=f"{self.sender_name} {by}".strip()[:50],
                                   changed_at=at, reason=text))

    def _withdrawn(self, block: dict) -> None:
        """The office no longer assigns the item to this unit (调整分办): its row here goes."""
        label = _block_label(block)
        item = self._find_item(block, adopt=False)
        unit_id = self.units.get(self.receiver)
        row = None
        if item is not None and unit_id is not None:
            row = self.s.execute(select(Assignment).where(Assignment.item_id == item.id,
                                                          Assignment.unit_id == unit_id)).scalar_one_or_none()
        if row is None:
            return
        self.report.changed.append(FieldChange(f"assignment:{row.uid}:", label, "办理单位", self.receiver,
                                               "（不再由本单位办理）"))
        self.report.item_ids.add(item.id)
        if self.apply:
            self.history.append((item.id, "assignment", row.id, "办理单位", self.receiver, ""))
            self.s.delete(row)
            self.s.flush()

    def _rectification_rows(self, rows) -> None:
        """The office's 整改清单 rows this unit is responsible for: added or updated, linked to it."""
        s = self.s
        unit_id = self.units.get(self.receiver)
        for data in rows:
            try:
                title, problem = str(data["list"]), str(data["problem"])
                values = {a: data.get(a) for a in RECTIFICATION_OFFICE}
                values["deadline_on"] = date.fromisoformat(values["deadline_on"]) if values["deadline_on"] else None
                values["position"] = int(values["position"] or 0)
                for a in ("aspect", "suggestion", "measures", "units_text", "deadline_term"):
                    values[a] = str(values[a] or "")
            except (KeyError, TypeError, ValueError) as error:
                raise PackageError("数据包内容有误：整改清单无法读取，已拒绝。") from error
            lst = s.execute(select(RectificationList).where(RectificationList.title == title)).scalar_one_or_none()
            row = None
            if lst is not None:
                row = s.execute(select(RectificationRow).where(RectificationRow.list_id == lst.id,
                                                               RectificationRow.problem == problem)).scalars().first()
            if row is None:
                self.report.new.append(f"新整改事项：{title} {problem[:40]}")
            else:
                diffs = [a for a in RECTIFICATION_OFFICE if getattr(row, a) != values[a]]
                for a in diffs:
                    self.report.changed.append(FieldChange(f"rectification:{title}:{problem[:40]}:{a}",
                                                           f"整改清单 {problem[:40]}", RECTIFICATION_LABELS[a],
                                                           str(wire(getattr(row, a)) or ""), str(wire(values[a]) or "")))
                if not diffs:
                    self.report.unchanged += 1
            if not self.apply:
                continue
            if lst is None:
                lst = RectificationList(title=title)
                s.add(lst)
                s.flush()
            if row is None:
                row = RectificationRow(list_id=lst.id, status=RectificationStatus.NOT_STARTED.value, **values)
                s.add(row)
                s.flush()
            else:
                for a, v in values.items():
                    setattr(row, a, v)
                row.version = (row.version or 1) + 1
            if unit_id is not None and s.get(RectificationRowUnit, (row.id, unit_id)) is None:
                s.add(RectificationRowUnit(row_id=row.id, unit_id=unit_id))

    def _rectification_progress(self, rows, unit_id: int) -> None:
        """A unit's status and new progress notes on the 整改清单 rows it is responsible for."""
        s = self.s
        for data in rows:
            try:
                title, problem, status = str(data["list"]), str(data["problem"]), str(data["status"])
                notes = [(date.fromisoformat(n["noted_on"]), str(n.get("note") or "")) for n in data.get("progress") or ()]
                if status not in {m.value for m in RectificationStatus}:
                    raise ValueError(status)
            except (KeyError, TypeError, ValueError) as error:
                raise PackageError("数据包内容有误：整改清单进展无法读取，已拒绝。") from error
            row = s.execute(select(RectificationRow).join(RectificationList,
                                                          RectificationList.id == RectificationRow.list_id)
                            .where(RectificationList.title == title, RectificationRow.problem == problem)).scalars().first()
            label = f"整改清单 {problem[:40]}"
            if row is None or s.get(RectificationRowUnit, (row.id, unit_id)) is None:
                self.report.ignored.append(f"{label}：本机该事项不由{self.sender_name}负责（或没有该事项），已忽略。")
                continue
            if row.status != status:
                self.report.changed.append(FieldChange(f"rectification:{row.id}:status", label, "整改状态",
                                                       shown(row.status, RectificationStatus),
                                                       shown(status, RectificationStatus)))
                if self.apply:
                    row.status = status
                    row.version = (row.version or 1) + 1
            known = set(s.execute(select(RectificationProgress.noted_on, RectificationProgress.note)
                                  .where(RectificationProgress.row_id == row.id)).all())
            for noted_on, note in notes:
                if (noted_on, note) in known:
                    continue
                known.add((noted_on, note))
                self.report.new.append(f"{label} 进展：{noted_on.isoformat()} {note[:40]}")
                if self.apply:
                    s.add(RectificationProgress(row_id=row.id, noted_on=noted_on, note=note))

    def _session(self, data: dict) -> Session:
        name = str(data.get("name") or "").strip()
        session = self.s.execute(select(Session).where(Session.name == name)).scalar_one_or_none()
        if session is None:
            body, level, year = data.get("body"), data.get("level"), data.get("year")
            if not name or body not in {m.value for m in Body} or level not in {m.value for m in Level} \
                    or not isinstance(year, int):
                raise PackageError(f"数据包内容有误：届次“{name[:40]}”的信息不全，已拒绝。")
            session = Session(name=name, body=body, level=level, year=year)
            self.s.add(session)
            self.s.flush()
        return session

    def _office_proposers(self, item: Item, recs: list[dict], label: str) -> None:
        s = self.s
        wanted = []
        for rec in recs:
            fields = self._owned(rec, {**PROPOSER_OFFICE, **PROPOSER_CONTACT}, label)
            refs = rec.get("refs") or {}
            role = refs.get("role")
            if role not in {m.value for m in ProposerRole}:
                raise PackageError(f"数据包内容有误：{label} 的代表角色无效，已拒绝。")
            name, body = fields.get("name"), fields.get("body")
            person = self._proposer(rec.get("uid"), name, body)
            if person is None:
                if not self.apply:
                    continue
                values = {a: unwire("proposer", a, v) for a, v in fields.items()}
                person = Proposer(uid=rec.get("uid") or new_uid(), email="", note="",
                                  **{"delegation": "", "phone": "", "address": "", **values})
                s.add(person)
                s.flush()
                self._people_by_uid[person.uid] = self._people_by_name[(person.name, person.body)] = person
            else:
                self._merge_fields("proposer", person, fields, f"{label} {person.name}", item.id)
            wanted.append((person, role, refs.get("position") or 0))
        if not self.apply:
            return
        links = {link.proposer_id: link for link in
                 s.execute(select(ItemProposer).where(ItemProposer.item_id == item.id)).scalars()}
        keep = {p.id for p, _r, _p in wanted}
        gone = [(pid, link) for pid, link in links.items() if pid not in keep]
        for pid, link in gone:
            self.history.append((item.id, "proposer", pid, "代表", s.get(Proposer, pid).name, ""))
            s.delete(link)
        if gone:
            s.flush()
        for person, role, position in wanted:
            link = links.get(person.id)
            if link is None:
                s.add(ItemProposer(item_id=item.id, proposer_id=person.id, role=role, position=position))
                if item.id not in self.new_items:
                    self.history.append((item.id, "proposer", person.id, "代表", "", person.name))
            else:
                link.role, link.position = role, position

    def _office_assignments(self, item: Item, recs: list[dict], label: str) -> None:
        s = self.s
        present = set()
        rows = s.execute(select(Assignment).where(Assignment.item_id == item.id)).scalars().all()
        by_uid = {r.uid: r for r in rows if r.uid}
        by_unit = {r.unit_id: r for r in rows}
        for rec in recs:
            unit_name = str((rec.get("refs") or {}).get("unit") or "").strip()
            if not unit_name:
                raise PackageError(f"数据包内容有误：{label} 的办理单位没有名称，已拒绝。")
            fields = self._owned(rec, ASSIGNMENT_OFFICE, label)
            unit_id = self.units.get(unit_name)
            row = by_uid.get(rec.get("uid"))
            if row is None and unit_id is not None:
                row = by_unit.get(unit_id)
                uid = rec.get("uid")
                if row is not None and self.apply and uid and row.uid != uid and not self._uid_taken(Assignment, uid):
                    row.uid = uid
            if row is None:
                if item.id not in self.new_items:
                    self.report.new.append(f"新办理单位：{label} {unit_name}")
                if not self.apply:
                    continue
                if unit_id is None:
                    unit = Unit(name=unit_name, short_name="", active=True, sort_order=0)
                    s.add(unit)
                    s.flush()
                    unit_id = self.units[unit_name] = unit.id
                    self.unit_names[unit.id] = unit_name
                row = Assignment(uid=rec.get("uid") or new_uid(), item_id=item.id, unit_id=unit_id,
                                 **{a: unwire("assignment", a, v) for a, v in fields.items()})
                s.add(row)  # flushed with the rest: its id is not needed here
                if item.id not in self.new_items:
                    self.history.append((item.id, "assignment", None, "办理单位", "",
                                         f"{unit_name}（{shown_value('assignment', 'role', row.role)}）"))
                self._base("assignment", row.uid, fields)
            else:
                self._merge_fields("assignment", row, fields, f"{label} {unit_name}", item.id)
            present.add(id(row))
        if self.apply:
            for row in rows:
                if id(row) not in present:
                    self.report.changed.append(FieldChange(f"assignment:{row.uid}:", label, "办理单位",
                                                           self.unit_names.get(row.unit_id, ""), ""))
                    self.history.append((item.id, "assignment", row.id, "办理单位",
                                         self.unit_names.get(row.unit_id, ""), ""))
                    s.delete(row)

    def _setup(self, setup: dict) -> None:
        """The office's deadline rules and holiday table replace the unit's (the office owns them)."""
        s = self.s
        try:
            rules = [(str(r["kind"]), str(r["item_kind"]), str(r["anchor"]), int(r["length"]), str(r["unit"]),
                      bool(r["roll_forward"]), str(r.get("note") or "")) for r in setup.get("rules") or ()]
            days = [(date.fromisoformat(d["day"]), str(d["kind"]), str(d.get("name") or "")) for d in setup.get("days") or ()]
            years = [(int(y["year"]), str(y.get("source") or "")) for y in setup.get("years") or ()]
        except (KeyError, TypeError, ValueError) as error:
            raise PackageError("数据包内容有误：期限规则或节假日表不完整，已拒绝。") from error
        local_rules = {(r.kind, r.item_kind): r for r in s.execute(select(DeadlineRule)).scalars()}
        local_days = {d.day: d for d in s.execute(select(CalendarEntry)).scalars()}
        rule_changes = sum(1 for r in rules if (lambda x: x is None or (x.anchor, x.length, x.unit, x.roll_forward)
                                                != r[2:6])(local_rules.get(r[:2])))
        day_changes = sum(1 for d in days if (lambda x: x is None or x.kind != d[1])(local_days.get(d[0])))
        if rule_changes:
            self.report.changed.append(FieldChange("setup:rules:", "期限规则", "期限规则", "", f"{rule_changes} 条"))
        if day_changes:
            self.report.changed.append(FieldChange("setup:days:", "节假日表", "节假日", "", f"{day_changes} 天"))
        if not self.apply or not (rule_changes or day_changes):
            return
        for kind, item_kind, anchor, length, unit, roll, note in rules:
            row = local_rules.get((kind, item_kind))
            if row is None:
                s.add(DeadlineRule(kind=kind, item_kind=item_kind, anchor=anchor, length=length, unit=unit,
                                   roll_forward=roll, note=note))
            else:
                row.anchor, row.length, row.unit, row.roll_forward, row.note = anchor, length, unit, roll, note
        for day, kind, name in days:
            row = local_days.get(day)
            if row is None:
                s.add(CalendarEntry(day=day, kind=kind, name=name))
            else:
                row.kind, row.name = kind, name
        known_years = set(s.execute(select(CalendarYear.year)).scalars())
        for year, source in years:
            if year not in known_years:
                s.add(CalendarYear(year=year, source=source))

    def _template(self, data: dict) -> None:
        """The office's current checklist template: shown in the preview, saved here as a new
        version (made current) without touching any item's checklist or ticks."""
        try:
            found = checklist_file.template_from_dict(data, "数据包中的清单模板")
        except ValidationError as error:
            raise PackageError(f"{error}已拒绝整个数据包。请让对方用本程序重新导出。") from error
        change = checklist.received_template_change(self.s, found)
        if change is None:
            return
        self.report.changed.append(FieldChange("setup:checklist_template:", "清单模板", "清单模板", *change))
        if self.apply:
            checklist.receive_template(self.s, found, self.now, self.user, self.reason)

    # -- a unit's package ---------------------------------------------------------------------

    def _unit_item(self, block: dict, unit_id: int) -> None:
        s = self.s
        label = _block_label(block)
        item = self._find_item(block, adopt=False)
        if item is None:
            self.report.ignored.append(f"{label}：本机没有这件，已忽略（可能尚未交办或已删除）。")
            return
        assignments = s.execute(select(Assignment).where(Assignment.item_id == item.id)).scalars().all()
        mine = next((a for a in assignments if a.unit_id == unit_id), None)
        if mine is None:
            self.report.ignored.append(f"{label}：本机记录中该件没有交办给{self.sender_name}，其报送内容已忽略。")
            return
        lead = mine.role in LEAD_ROLES
        by_unit = {a.unit_id: a for a in assignments}
        present: dict[str, set[str]] = {"contact": set(), "reply": set(), "commitment": set(), "feedback": set()}
        records = block.get("records") or []
        # Replies first: commitments and feedback forms point at them.
        order = {"item": 0, "assignment": 1, "reply": 2, "contact": 3, "commitment": 4, "feedback": 5}
        for rec in sorted(records, key=lambda r: order.get(r.get("entity"), 9)):
            entity = rec.get("entity")
            if entity == "item":
                if not lead:
                    self.report.ignored.append(f"{label}：{self.sender_name}是会办单位，不改动该件的状态，已忽略。")
                    continue
                self._merge_fields("item", item, self._owned(rec, ITEM_LEAD, label), label, item.id)
            elif entity == "assignment":
                unit_name = str((rec.get("refs") or {}).get("unit") or "")
                row = by_unit.get(self.units.get(unit_name, -1))
                if row is None:
                    self.report.ignored.append(f"{label}：本机该件没有办理单位“{unit_name}”，其记录已忽略。")
                    continue
                if row.unit_id == unit_id:
                    owned = ASSIGNMENT_UNIT
                elif lead and row.role not in LEAD_ROLES:
                    owned = ASSIGNMENT_LEAD
                else:
                    self.report.ignored.append(f"{label}：{self.sender_name}不能改动{unit_name}的办理记录，已忽略。")
                    continue
                self._merge_fields("assignment", row, self._owned(rec, owned, label), f"{label} {unit_name}", item.id)
            elif entity in UNIT_RECORDS or entity == "feedback":
                if entity == "feedback" and not lead:
                    self.report.ignored.append(f"{label}：征询意见由主办单位录入，{self.sender_name}的已忽略。")
                    continue
                uid = rec.get("uid")
                if not uid:
                    raise PackageError(f"数据包内容有误：{label} 的{ENTITY_LABELS[entity]}没有编号，已拒绝。")
                present[entity].add(uid)
                self._unit_record(entity, rec, item, unit_id, lead, label)
            else:
                self.report.ignored.append(f"{label}：不认识的记录“{str(entity)[:20]}”，已忽略。")
        self._deleted(item, unit_id, lead, present, label)
        if isinstance(block.get("attachments"), list):
            self._attachments(item, block["attachments"], label)
        if block.get("review"):
            if lead:
                self._reviews(item, block["review"], label)
            else:
                self.report.ignored.append(f"{label}：回头看由主办单位填写，{self.sender_name}的已忽略。")
        if block.get("checklist"):
            if lead:
                self._checklist(item, block["checklist"], label)
            else:
                self.report.ignored.append(f"{label}：办理清单由主办单位勾选，{self.sender_name}的已忽略。")
        self.report.item_ids.add(item.id)

    def _attachments(self, item: Item, listed, label: str) -> None:
        """Files the unit keeps with the item (a signed 会办意见, the final reply) whose bytes came in
        the package: added once (known by their SHA-256); listed without bytes: left alone."""
        s = self.s
        known = set(s.execute(select(Attachment.sha256).where(Attachment.item_id == item.id)).scalars())
        for a in listed:
            try:
                sha, name = str(a["sha256"]), str(a["file_name"])
                note, added_by = str(a.get("note") or ""), str(a.get("added_by") or "")[:50]
                added_at = datetime.fromisoformat(a["added_at"]) if a.get("added_at") else self.now
            except (KeyError, TypeError, ValueError) as error:
                raise PackageError(f"数据包内容有误：{label} 的附件清单无法读取，已拒绝。") from error
            data = self.parts.get(attachment_part(sha))
            if sha in known or data is None:
                continue
            if hashlib.sha256(data).hexdigest() != sha:
                raise PackageError(f"数据包内容有误：{label} 的附件“{name[:60]}”与其校验值不符，已拒绝。")
            # Only the last part of the name: it never names a folder when saved out again.
            name = name.replace("\\", "/").rsplit("/", 1)[-1][:255] or "附件"
            known.add(sha)
            self.report.new.append(f"新附件：{label} {name}")
            self.report.item_ids.add(item.id)
            if self.apply:
                row = Attachment(item_id=item.id, file_name=name, size=len(data), sha256=sha, note=note,
                                 added_at=added_at, added_by=added_by)
                s.add(row)
                s.flush()
                s.add(AttachmentContent(attachment_id=row.id, data=data))
                self.history.append((item.id, "attachment", row.id, "附件", "", name))

    def _reviews(self, item: Item, reviews, label: str) -> None:
        """The lead unit's 回头看 reviews, on the entries of this copy's campaign of the same year."""
        s = self.s
        for r in reviews:
            try:
                year, category, target = int(r["year"]), str(r["category"]), str(r["target"])
                outcome = r.get("outcome")
                if outcome is not None and outcome not in {m.value for m in ReviewOutcome}:
                    raise ValueError(outcome)
                values = {"outcome": outcome, "note": str(r.get("note") or ""),
                          "reviewed_on": date.fromisoformat(r["reviewed_on"]) if r.get("reviewed_on") else None,
                          "reviewer": str(r.get("reviewer") or "")[:50], "tell_deputy": bool(r.get("tell_deputy")),
                          "told_on": date.fromisoformat(r["told_on"]) if r.get("told_on") else None}
            except (KeyError, TypeError, ValueError) as error:
                raise PackageError(f"数据包内容有误：{label} 的回头看记录无法读取，已拒绝。") from error
            if category == ReviewCategory.COMMITMENT.value:
                local = s.execute(select(Commitment.id).where(Commitment.uid == target)).scalar()
                key = f"{category}:{local}"
            else:
                key = f"{category}:{item.id}"
            entry = s.execute(select(ReviewEntry).join(ReviewCampaign, ReviewCampaign.id == ReviewEntry.campaign_id)
                              .where(ReviewCampaign.year == year, ReviewEntry.key == key)).scalar_one_or_none()
            what = f"回头看（{year}年）"
            if entry is None:
                self.report.ignored.append(f"{label}：本机 {year} 年的回头看清单中没有这一条（请先生成该年的回头看清单），已忽略。")
                continue
            diffs = [a for a in REVIEW_FIELDS if getattr(entry, a) != values[a]]
            if not diffs:
                self.report.unchanged += 1
                continue
            old = shown(entry.outcome, ReviewOutcome) if entry.outcome else "未复核"
            new = shown(values["outcome"], ReviewOutcome) if values["outcome"] else "未复核"
            self.report.changed.append(FieldChange(f"review:{year}:{key}", label, what, old, f"{new} {values['note']}".strip()))
            self.report.item_ids.add(item.id)
            if self.apply:
                for a, v in values.items():
                    setattr(entry, a, v)
                entry.version = (entry.version or 1) + 1
                self.history.append((item.id, "review", entry.id, what, old, f"{new} {values['note']}".strip()))

    def _checklist(self, item: Item, entries, label: str) -> None:
        """The lead unit's ticks on the item's checklist, step by step (matched by the step's key):
        each change is recorded as a tick, as if ticked here, and the packed checklist written once."""
        s = self.s
        held = s.get(ItemChecklist, item.id)
        pairs = checklist.item_entries(s, item.id, held)
        here = {e.key: (row, e) for row, e in pairs}
        written = False
        for e in entries:
            try:
                key, done = str(e["key"]), e["done"]
                done_at = datetime.fromisoformat(e["done_at"]) if e.get("done_at") else None
                done_by, note = str(e.get("done_by") or "")[:50], str(e.get("note") or "")
                if not isinstance(done, bool):
                    raise TypeError
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise PackageError(f"数据包内容有误：{label} 的办理清单无法读取，已拒绝。") from error
            found = here.get(key)
            if found is None:
                self.report.ignored.append(f"{label}：本机办理清单中没有“{key}”这一步，其勾选已忽略。")
                continue
            row, entry = found
            if (row.done, row.done_at, row.done_by or "", row.note or "") == (done, done_at, done_by, note):
                self.report.unchanged += 1
                continue
            if not tickable(entry):
                self.report.ignored.append(f"{label}：办理清单中“{entry.name}”是阶段，不能勾选，其勾选已忽略。")
                continue
            old, new = ("已完成" if row.done else "未完成"), ("已完成" if done else "未完成")
            self.report.changed.append(FieldChange(f"checklist:{item.uid}:{key}", label, f"办理清单 {entry.name}",
                                                   old, new))
            self.report.item_ids.add(item.id)
            if self.apply:
                # Evidence cited here (a contact record or attachment of this copy) stays while done.
                checklist.change_entry(s, row, done, done_at, done_by, note, done_at or self.now,
                                       done_by or self.sender_name[:50], row.contact_id if done else None,
                                       row.attachment_id if done else None)
                written = True
                self.history.append((item.id, "checklist", row.id, f"办理清单 {entry.name}", old, new))
        if written:
            checklist.store_entries(held, pairs)

    # -- links between items (同一问题 / 不是同一问题) --------------------------------------------------

    def _links(self, data) -> None:
        """The sender's judgements on pairs of items, by the two items' global ids: each one new or
        changed here is added (or its kind changed), with who linked and when as at the sender; one
        the sender sent before and no longer holds (both items still in its list) is removed. A
        judgement made here after the sender's stays; a link to an item this copy does not have,
        or to a 涉密 item, is ignored."""
        bad = PackageError("数据包内容有误：相似件关联无法读取，已拒绝。请让对方用本程序重新导出。")
        if not isinstance(data, dict) or not isinstance(data.get("links"), list) \
                or not isinstance(data.get("items", []), list):
            raise bad
        s = self.s
        scope = {u for u in data.get("items") or () if isinstance(u, str)}
        kinds = {m.value: m for m in LinkKind}
        arriving = {b.get("uid") for b in self.payload.get("items") or () if isinstance(b, dict)}
        held: set[str] = set()
        for rec in data["links"]:
            try:
                a, b, kind = str(rec["a"]), str(rec["b"]), kinds[rec["kind"]]
                by = str(rec.get("by") or "")[:50]
                at = datetime.fromisoformat(rec["at"])
                labels = (str(rec.get("a_label") or a)[:200], str(rec.get("b_label") or b)[:200])
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise bad from error
            if a == b:
                raise bad
            key = link_key(a, b)
            held.add(key)
            ends = [self._item_by_uid(u) for u in (a, b)]
            what = f"相似件 {labels[0]} ↔ {labels[1]}"
            missing = [label for end, label in zip(ends, labels) if end is None]
            if missing and not self.apply and all(e is not None or u in arriving for e, u in zip(ends, (a, b))):
                self.report.new.append(f"新{what}：{kind.label}")  # the item arrives in this package
                continue
            if missing:
                self.report.ignored.append(f"{what}：本机没有{'、'.join(missing)}，"
                                           f"{self.sender_name}的“{kind.label}”关联已忽略。")
                continue
            if any(e.is_secret for e in ends):
                self.report.ignored.append(f"{what}：涉及本机登记为涉密的件，涉密件不通过数据包关联，已忽略。")
                continue
            low, high = sorted(ends, key=lambda e: e.id)
            row = s.execute(select(ItemLink).where(ItemLink.item_id == low.id,
                                                   ItemLink.other_item_id == high.id)).scalar_one_or_none()
            fields = {"a": a, "b": b, "kind": kind.value}
            base = self.bases.get(("link", key))
            old = kinds.get(row.kind) if row is not None else None
            if old is kind:
                self.report.unchanged += 1
                self._base("link", key, fields)
                continue
            sent_before = base is not None and json.loads(base.fields or "{}").get("kind")
            if row is not None and row.kind != sent_before and row.created_at > at:
                self.report.ignored.append(f"{what}：本机 {row.created_by} 之后另判为“{old.label if old else row.kind}”，"
                                           f"{self.sender_name}的“{kind.label}”已忽略。")
                continue
            self._link_change(key, what, low, high, row, old, kind, by, at)
            self._base("link", key, fields)
        for (entity, key), base in list(self.bases.items()):
            if entity != "link" or key in held:
                continue
            try:
                known = json.loads(base.fields or "{}")
                a, b = str(known["a"]), str(known["b"])
            except (KeyError, TypeError, ValueError):
                continue
            inside = (a in scope) + (b in scope)
            if inside < (2 if self.sender_role == "office" else 1):
                continue  # outside what the sender's list covers: not a removal
            ends = [self._item_by_uid(u) for u in (a, b)]
            if any(e is None for e in ends):
                continue
            low, high = sorted(ends, key=lambda e: e.id)
            row = s.execute(select(ItemLink).where(ItemLink.item_id == low.id,
                                                   ItemLink.other_item_id == high.id)).scalar_one_or_none()
            if row is None or row.kind != known.get("kind"):
                continue  # gone or judged again here since: ours
            what = f"相似件 {item_label(s, low)} ↔ {item_label(s, high)}"
            self._link_change(key, what, low, high, row, kinds.get(row.kind), None, "", self.now)
            if self.apply:
                del self.bases[(entity, key)]
                s.delete(base)

    def _item_by_uid(self, uid: str) -> Item | None:
        found = self._by_uid.get(uid)
        if found is None:
            found = self.s.execute(select(Item.id).where(Item.uid == uid)).scalar()
        return self.s.get(Item, found) if found is not None else None

    def _link_change(self, key: str, what: str, low: Item, high: Item, row, old, new, by: str, at: datetime) -> None:
        self.report.changed.append(FieldChange(f"link:{key}:", what, "相似件", old.label if old else "",
                                               new.label if new else "（删除）"))
        self.report.item_ids.update((low.id, high.id))
        if not self.apply:
            return
        if new is None:
            self.s.delete(row)
        elif row is None:
            self.s.add(ItemLink(item_id=low.id, other_item_id=high.id, kind=new.value,
                                created_by=by or self.sender_name[:50], created_at=at))
        else:
            row.kind, row.created_by, row.created_at = new.value, by or self.sender_name[:50], at
        who = f"（{by} {at:%Y-%m-%d %H:%M}）" if new is not None and by else ""
        for item, other in ((low, high), (high, low)):
            text = item_label(self.s, other)
            self.history.append((item.id, "item_link", other.id, "相似件", f"{old.label}：{text}" if old else "",
                                 f"{new.label}：{text}{who}" if new else ""))

    def _owner_filter(self, table, item: Item, unit_id: int, lead: bool):
        if table is Feedback:
            return (Feedback.item_id == item.id,)
        mine = table.unit_id == unit_id
        return (table.item_id == item.id, (mine | table.unit_id.is_(None)) if lead else mine)

    def _unit_record(self, entity: str, rec: dict, item: Item, unit_id: int, lead: bool, label: str) -> None:
        s = self.s
        table = TABLES[entity]
        owned = FEEDBACK_LEAD if entity == "feedback" else UNIT_RECORDS[entity]
        fields = self._owned(rec, owned, label)
        fallback = None
        if entity == "reply":
            fallback = (Reply.item_id == item.id, Reply.round == fields.get("round"))
        row = self._find(entity, rec.get("uid"), fallback)
        if row is not None and row.item_id != item.id:
            raise PackageError(f"数据包内容有误：{label} 的{ENTITY_LABELS[entity]}属于另一件，已拒绝。")
        if row is not None and entity != "feedback" and row.unit_id not in (unit_id, None):
            self.report.ignored.append(f"{label}：该{ENTITY_LABELS[entity]}是其他单位录入的，已忽略。")
            return
        refs = rec.get("refs") or {}
        links = {}
        if entity in ("commitment", "feedback"):
            reply_uid = refs.get("reply")
            reply = self._find("reply", reply_uid) if reply_uid else None
            links["reply_id"] = reply.id if reply is not None and reply.item_id == item.id else None
        if entity == "feedback":
            person = self._find("proposer", refs.get("proposer")) if refs.get("proposer") else None
            links["proposer_id"] = person.id if person is not None else None
        what = f"{label} {ENTITY_LABELS[entity]}"
        if row is None:
            self.report.new.append(f"新{ENTITY_LABELS[entity]}：{label} {_record_text(entity, fields)}")
            if not self.apply:
                return
            values = {a: unwire(entity, a, v) for a, v in fields.items()}
            extra = {} if entity == "feedback" else {"unit_id": unit_id}
            row = table(uid=rec["uid"], item_id=item.id, **extra, **links, **values)
            s.add(row)
            s.flush()
            self.history.append((item.id, entity, row.id, ENTITY_LABELS[entity], "", _record_text(entity, fields)))
            self._base(entity, row.uid, fields)
        else:
            self._merge_fields(entity, row, fields, what, item.id)
            if self.apply:
                for attr, value in links.items():
                    setattr(row, attr, value)
                if entity != "feedback" and row.unit_id is None:
                    row.unit_id = unit_id
                if entity == "commitment":
                    row.version = (row.version or 1) + 1

    def _deleted(self, item: Item, unit_id: int, lead: bool, present: dict[str, set[str]], label: str) -> None:
        """Records the sender owns here that its package no longer holds: it deleted them."""
        s = self.s
        for entity, uids in present.items():
            if entity == "feedback" and not lead:
                continue
            table = TABLES[entity]
            for row in s.execute(select(table).where(*self._owner_filter(table, item, unit_id, lead))).scalars().all():
                if row.uid in uids:
                    continue
                known = self.bases.pop((entity, row.uid), None) if row.uid else None
                if known is None:
                    continue  # entered here and never received from the sender: not the sender's to delete
                text = _record_text(entity, values_of(row, FEEDBACK_LEAD if entity == "feedback"
                                                      else UNIT_RECORDS[entity]))
                self.report.changed.append(FieldChange(f"{entity}:{row.uid}:", label, ENTITY_LABELS[entity], text, "（删除）"))
                if self.apply:
                    self.history.append((item.id, entity, row.id, ENTITY_LABELS[entity], text, ""))
                    s.delete(known)
                    s.delete(row)

    # -- fields -----------------------------------------------------------------------------------

    def _owned(self, rec: dict, owned: dict[str, str], label: str) -> dict:
        fields = rec.get("fields")
        if not isinstance(fields, dict):
            raise PackageError(f"数据包内容有误：{label} 的记录没有字段，已拒绝。")
        entity = rec.get("entity")
        kept = {}
        for attr, value in fields.items():
            if attr in owned:
                kept[attr] = value
            else:
                self.report.ignored.append(
                    f"{label}：{ENTITY_LABELS.get(entity, '记录')}的“{attr}”不归{self.sender_name}修改，已忽略。")
        for attr, value in kept.items():
            unwire(entity, attr, value)  # refuse a bad value before anything is written
        return kept

    def _merge_fields(self, entity: str, row, fields: dict, record: str, item_id: int) -> None:
        base_row = self.bases.get((entity, row.uid)) if row.uid else None
        base = json.loads(base_row.fields) if base_row is not None and base_row.fields else None
        labels = _labels(entity)
        changed_any = False
        for attr, theirs in fields.items():
            mine = wire(getattr(row, attr))
            if mine == theirs:
                self.report.unchanged += 1
                continue
            label = labels.get(attr, attr)
            key = f"{entity}:{row.uid}:{attr}"
            before = base.get(attr, mine) if base is not None else None
            local_edit = (before != mine) if base is not None else not _empty(entity, attr, mine)
            if local_edit and (base is None or theirs != before):
                choice = self.choices.get(key) or self.choices.get("*")
                self.report.conflicts.append(Conflict(key, record, label, shown_value(entity, attr, before),
                                                      shown_value(entity, attr, mine), shown_value(entity, attr, theirs)))
                if choice != "theirs":
                    continue
            elif local_edit:
                continue  # only we changed it since; the sender's value is the one we already had
            self.report.changed.append(FieldChange(key, record, label, shown_value(entity, attr, mine),
                                                   shown_value(entity, attr, theirs)))
            if self.apply:
                new = unwire(entity, attr, theirs)
                self.history.append((item_id, entity, row.id, f"{record.split(' ', 2)[-1] if entity != 'item' else ''} {label}".strip(),
                                     shown_value(entity, attr, getattr(row, attr)), shown_value(entity, attr, new)))
                setattr(row, attr, new)
                changed_any = True
        if self.apply:
            self._base(entity, row.uid, fields)
        if changed_any and entity != "item":
            self.report.item_ids.add(item_id)

    def _base(self, entity: str, uid: str, fields: dict) -> None:
        if not self.apply or not uid:
            return
        row = self.bases.get((entity, uid))
        text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
        if row is None:
            row = self.bases[(entity, uid)] = ExchangeBase(peer=self.peer, entity=entity, uid=uid, fields=text)
            self.s.add(row)
        else:
            row.fields = text

    # -- after the writes -------------------------------------------------------------------------

    def _finish(self) -> None:
        """Unresolved conflicts refuse everything; otherwise the touched items' list columns,
        result, search terms and history, as a save in the editor keeps them."""
        unresolved = [c for c in self.report.conflicts
                      if (self.choices.get(c.key) or self.choices.get("*")) not in ("theirs", "mine")]
        if unresolved:
            raise ConflictError(f"有 {len(unresolved)} 处冲突尚未决定保留哪一方，没有导入任何数据。"
                                "请在预览中逐项选择（命令行：--conflicts mine 或 theirs）。")
        s = self.s
        s.flush()
        touched = {i for i in self.report.item_ids if i > 0}
        unit_names = dict(s.execute(select(Unit.id, Unit.name)).all())
        for item_id in sorted(touched):
            item = s.get(Item, item_id)
            refresh_item_columns(s, item, self.now, unit_names)
        if self.new_items:
            # As cases.save makes a new item's checklist, for all of them at once.
            lists = checklist.NewChecklists(s)
            for item_id in self.new_items:
                item = s.get(Item, item_id)
                units = [(u, UnitRole(r)) for u, r in s.execute(
                    select(Assignment.unit_id, Assignment.role).where(Assignment.item_id == item_id))]
                lists.add(item_id, lists.profile(ItemKind(item.kind), units, item.is_leader_handled, item.is_key))
            lists.write(s)
        for item_id, entity, entity_id, label, old, new in self.history:
            s.add(History(item_id=item_id, entity=entity, entity_id=entity_id, field=label, old_value=old,
                          new_value=new, changed_by=self.user, changed_at=self.now, reason=self.reason))
        note_items_written(s, touched)


def refresh_item_columns(s: OrmSession, item: Item, now: datetime, unit_names: dict[int, str]) -> None:
    """The item's list columns, latest finalised result and search terms from its rows."""
    rows = s.execute(select(Assignment).where(Assignment.item_id == item.id)
                     .order_by(Assignment.position, Assignment.id)).scalars().all()
    people = s.execute(select(Proposer.name, ItemProposer.role).join(ItemProposer, ItemProposer.proposer_id == Proposer.id)
                       .where(ItemProposer.item_id == item.id).order_by(ItemProposer.position)).all()
    leads = [name for name, role in people if role == ProposerRole.LEAD.value]
    item.lead_proposer_name = leads[0] if leads else ""
    item.lead_unit_names = NAME_JOINER.join(unit_names[a.unit_id] for a in rows if a.role in LEAD_ROLES)
    item.co_unit_names = NAME_JOINER.join(unit_names[a.unit_id] for a in rows if a.role not in LEAD_ROLES)
    latest = s.execute(select(Reply.result).where(Reply.item_id == item.id, Reply.finalised.is_(True),
                                                  Reply.result.is_not(None)).order_by(Reply.round.desc())).first()
    item.result = latest[0] if latest else None
    item.updated_at = now
    search.index_item(s, item.id, search.item_terms(item.number, item.title, [n for n, _r in people],
                                                    [unit_names[a.unit_id] for a in rows], item.content))


def _labels(entity: str) -> dict[str, str]:
    return {"item": {**ITEM_OFFICE, **ITEM_LEAD}, "proposer": {**PROPOSER_OFFICE, **PROPOSER_CONTACT},
            "assignment": {**ASSIGNMENT_OFFICE, **ASSIGNMENT_UNIT, **ASSIGNMENT_LEAD}, "contact": CONTACT_UNIT,
            "reply": REPLY_UNIT, "feedback": FEEDBACK_LEAD, "commitment": COMMITMENT_UNIT}[entity]


def _empty(entity: str, attr: str, value) -> bool:
    """Never filled in: blank, or the column's default (状态 待签收, 公开属性 公开 ...)."""
    if value is None or value == "" or value is False:
        return True
    default = TABLES[entity].__table__.columns[attr].default
    return default is not None and default.is_scalar and default.arg == value


def _block_label(block: dict) -> str:
    session = (block.get("session") or {}).get("name") or ""
    return f"{str(session)[:60]} 第{str(block.get('number') or '')[:30]}号".strip()


def _record_text(entity: str, fields: dict) -> str:
    if entity == "reply":
        return f"第{fields.get('round')}次答复 {fields.get('doc_number') or ''}".strip()
    if entity == "contact":
        return f"{fields.get('contact_on') or ''} {shown_value('contact', 'way', fields.get('way'))}".strip()
    if entity == "commitment":
        return str(fields.get("description") or "")[:60]
    if entity == "feedback":
        return f"{shown_value('feedback', 'outcome', fields.get('outcome'))} {fields.get('received_on') or ''}".strip()
    return ""
