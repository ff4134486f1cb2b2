"""Handling checklists: templates with versions, each item's checklist, ticks, progress and gates
(services layer).

Saving a template writes a new version; items keep the version their checklist was made from until
the user applies a newer one after a preview. An item's checklist entries point at the entries of
that version (names, descriptions, offsets and gates are read from there) and hold only the item's
state: tick, when, who, note, evidence; they are packed into one value per item
(``item_checklist.entries``, domain/checklist_state.py), written only by ``store_entries``. An item's checklist is made inside the save that
registers the item (``make_item_checklist``; ``NewChecklists`` for an import or the demo data),
and ``check_gates`` refuses a save whose action (答复定稿, 办结) a step must precede, unless an
override with a reason is on record in history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain import checklist_state as packed
from desktop_app.domain.calendar import LengthUnit
from desktop_app.domain.checklist import (
    ChecklistDiff,
    Condition,
    Entries,
    Entry,
    EntryLevel,
    GateAction,
    ItemProfile,
    Progress,
    build_checklist,
    diff,
    gate_message,
    missing_before,
    progress,
    template_problems,
    tickable,
)
from desktop_app.domain.deadlines import Anchor
from desktop_app.domain.enums import ItemKind, ItemStatus, UnitRole
from desktop_app.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop_app.exchange import checklist_file
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import CaseRecord, Changes
from desktop_app.services.lookup import get_or_raise, our_unit_id, put_setting
from desktop_app.storage.server import execute_driver_sql
from desktop_app.storage.tables import (
    Assignment,
    Attachment,
    ChecklistTemplate,
    ChecklistTemplateEntry,
    ChecklistTemplateVersion,
    ChecklistTick,
    Contact,
    History,
    Item,
    ItemChecklist,
    Session,
    Setting,
)

CURRENT_TEMPLATE_KEY = "checklist_template_id"
GATE_ENTITY = "checklist_gate"


class GateRefused(ValidationError):
    """A save refused by a gate; ``action`` and ``missing`` say which and why."""

    def __init__(self, action: GateAction, missing: list[Entry]):
        self.action, self.missing = action, missing
        super().__init__(gate_message(action, missing))


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    name: str
    description: str
    latest_version_id: int
    latest_number: int
    is_current: bool = False


@dataclass(frozen=True)
class TemplateVersion:
    template_id: int
    name: str
    description: str
    version_id: int
    number: int
    saved_at: datetime
    saved_by: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class ItemEntry:
    id: int
    entry: Entry
    done: bool = False
    done_at: datetime | None = None
    done_by: str = ""
    note: str = ""
    contact_id: int | None = None
    attachment_id: int | None = None


@dataclass(frozen=True)
class TickRecord:
    entry_name: str
    ticked: bool
    ticked_at: datetime
    ticked_by: str
    note: str = ""
    contact_id: int | None = None
    attachment_id: int | None = None


@dataclass(frozen=True)
class EvidenceChoice:
    """A contact record or attachment of the item that a tick may cite."""

    kind: str  # "contact" / "attachment"
    id: int
    text: str


@dataclass(frozen=True)
class ItemChecklistView:
    item_id: int
    version_id: int
    version_number: int
    template_name: str
    latest_number: int
    entries: tuple[ItemEntry, ...]
    progress: Progress
    evidence: tuple[EvidenceChoice, ...] = ()
    overrides: tuple[str, ...] = ()  # “答复定稿：理由” kept in history

    @property
    def outdated(self) -> bool:
        return self.latest_number > self.version_number


@dataclass(frozen=True)
class ApplyPreview:
    item_id: int
    label: str
    from_number: int | None  # None: the item has no checklist yet
    diff: ChecklistDiff


class ChecklistService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # ---- templates ----------------------------------------------------------------------

    def templates(self) -> list[TemplateInfo]:
        with self.ctx.db.read() as s:
            current = _current_template_id(s)
            latest = dict(s.execute(
                select(ChecklistTemplateVersion.template_id, func.max(ChecklistTemplateVersion.number))
                .group_by(ChecklistTemplateVersion.template_id)).all())
            out = []
            for t in s.scalars(select(ChecklistTemplate).order_by(ChecklistTemplate.id)):
                number = latest.get(t.id, 0)
                version_id = s.scalar(select(ChecklistTemplateVersion.id).where(
                    ChecklistTemplateVersion.template_id == t.id, ChecklistTemplateVersion.number == number))
                out.append(TemplateInfo(t.id, t.name, t.description, version_id or 0, number, t.id == current))
            return out

    def template(self, template_id: int | None = None, version_id: int | None = None) -> TemplateVersion:
        """A version (the latest of ``template_id``, or of the current template when neither is given)."""
        with self.ctx.db.read() as s:
            if version_id is None:
                template_id = template_id or _current_template_id(s)
                version_id = _latest_version_id(s, template_id)
            return _version(s, version_id)

    def set_current_template(self, template_id: int) -> Changes:
        with self.ctx.db.write() as s:
            get_or_raise(s, ChecklistTemplate, template_id, "该清单模板已不存在，请刷新后再选择。")
            put_setting(s, CURRENT_TEMPLATE_KEY, str(template_id))
        return Changes.of("checklist", "setting")

    def save_template(self, template_id: int | None, name: str, description: str,
                      entries: tuple[Entry, ...], note: str = "", based_on: int | None = None) -> tuple[Changes, int]:
        """Write ``entries`` as a new version (a new template when ``template_id`` is None);
        returns the new version's id. Raises ValidationError listing every problem.
        ``based_on``: the version id the editor loaded; when someone saved a newer version since,
        the save is refused (ConflictError) instead of silently replacing it (optimistic lock)."""
        name = (name or "").strip()
        problems = ([] if name else ["请填写清单模板的名称。"]) + template_problems(tuple(entries))
        if problems:
            raise ValidationError(problems)
        with self.ctx.db.write() as s:
            same_name = s.scalar(select(ChecklistTemplate).where(ChecklistTemplate.name == name))
            if template_id is None:
                if same_name is not None:
                    raise ValidationError(f"已有名为“{name}”的清单模板，请换一个名称。")
                template = ChecklistTemplate(name=name, description=description, created_at=self.ctx.now())
                s.add(template)
                s.flush()
            else:
                template = get_or_raise(s, ChecklistTemplate, template_id,
                                        "该清单模板已被删除，无法保存。请关闭后重新打开清单模板。")
                if same_name is not None and same_name.id != template.id:
                    raise ValidationError(f"已有名为“{name}”的清单模板，请换一个名称。")
                latest = s.scalar(select(ChecklistTemplateVersion.id)
                                  .where(ChecklistTemplateVersion.template_id == template.id)
                                  .order_by(ChecklistTemplateVersion.number.desc()).limit(1))
                if based_on is not None and latest != based_on:
                    raise ConflictError(f"清单模板“{template.name}”已被他人（或另一窗口）另存为新版本，您的修改没有保存。"
                                        "请重新打开该模板，在新版本上修改。")
                template.name, template.description = name, description
            version_id = _write_version(s, template.id, entries, self.ctx.now(), self.ctx.user_name(), note)
        return Changes.of("checklist"), version_id

    def export_template(self, version_id: int, path) -> None:
        version = self.template(version_id=version_id)
        checklist_file.write_template(path, version.name, version.description, version.entries)

    def import_template(self, path) -> tuple[Changes, int]:
        """Read a template file (all or nothing) and save it as a new version of the template of
        the same name, or as a new template; returns the version id."""
        found = checklist_file.read_template(path)
        with self.ctx.db.read() as s:
            template_id = s.scalar(select(ChecklistTemplate.id).where(ChecklistTemplate.name == found.name))
        return self.save_template(template_id, found.name, found.description, found.entries,
                                  note=f"从文件“{Path(path).name}”导入")

    # ---- applying a version to items ----------------------------------------------------

    def items_behind(self, template_id: int | None = None) -> list[int]:
        """Items whose checklist comes from an older version of the template (or have none)."""
        with self.ctx.db.read() as s:
            template_id = template_id or _current_template_id(s)
            latest = _latest_version_id(s, template_id)
            behind = s.scalars(
                select(ItemChecklist.item_id)
                .join(ChecklistTemplateVersion, ChecklistTemplateVersion.id == ItemChecklist.version_id)
                .where(ChecklistTemplateVersion.template_id == template_id, ItemChecklist.version_id != latest)
            ).all()
            without = s.scalars(select(Item.id).where(Item.id.not_in(select(ItemChecklist.item_id)))).all()
            return sorted(set(behind) | set(without))

    def preview_apply(self, version_id: int, item_ids) -> list[ApplyPreview]:
        """What applying ``version_id`` would change for each item (nothing is written)."""
        with self.ctx.db.read() as s:
            new = _version(s, version_id).entries
            our = our_unit_id(s)
            out = []
            for item_id in item_ids:
                item = s.get(Item, item_id)
                if item is None:
                    continue
                held = s.get(ItemChecklist, item_id)
                pairs = item_entries(s, item_id)
                old = tuple(e for _r, e in pairs)
                done = {e.key for r, e in pairs if r.done}
                wanted = build_checklist(new, _profile(s, item, our))
                number = s.get(ChecklistTemplateVersion, held.version_id).number if held else None
                out.append(ApplyPreview(item_id, _label(s, item), number, diff(old, wanted, done)))
            return out

    def apply_version(self, version_id: int, item_ids) -> Changes:
        """Move the items' checklists to ``version_id``: ticks of entries that stay are kept,
        new entries start open, removed entries go (history says which, ticked or not)."""
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            version = _version(s, version_id)
            ids = _entry_ids(s, version_id)
            our = our_unit_id(s)
            touched = []
            for item_id in item_ids:
                item = s.get(Item, item_id)
                if item is None:
                    continue
                held = s.get(ItemChecklist, item_id)
                pairs = item_entries(s, item_id, held)
                by_key = {e.key: r for r, e in pairs}
                old = tuple(e for _r, e in pairs)
                wanted = build_checklist(version.entries, _profile(s, item, our))
                change = diff(old, wanted, {e.key for r, e in pairs if r.done})
                keep = {e.key for e in wanted}
                removed = [r.id for r, e in pairs if e.key not in keep]
                if removed:  # their tick records go with them
                    s.execute(delete(ChecklistTick).where(ChecklistTick.item_id == item_id,
                                                          ChecklistTick.entry_id.in_(removed)))
                next_slot = max((r.slot for r, _e in pairs), default=-1) + 1
                new_pairs = []
                for e in wanted:
                    row = by_key.get(e.key)
                    if row is None:
                        row = packed.EntryState(item_id, next_slot, ids[e.key])
                        next_slot += 1
                    else:
                        row.ref = ids[e.key]  # its text now comes from the new version
                    new_pairs.append((row, e))
                if next_slot > packed.SLOTS:
                    _renumber(s, item_id, new_pairs)
                before = s.get(ChecklistTemplateVersion, held.version_id).number if held else None
                if held is None:
                    held = ItemChecklist(item_id=item_id, version_id=version_id)
                    s.add(held)
                else:
                    held.version_id = version_id
                store_entries(held, new_pairs)
                s.add(History(
                    item_id=item_id, entity="checklist", entity_id=version_id, field="办理清单版本",
                    old_value=f"{version.name} 第{before}版" if before else "",
                    new_value=f"{version.name} 第{version.number}版", changed_by=user, changed_at=now,
                    reason=change.summary(),
                ))
                touched.append(item_id)
        return Changes.of("checklist", "item", item_ids=touched)

    # ---- an item's checklist ------------------------------------------------------------

    def item_checklist(self, item_id: int) -> ItemChecklistView | None:
        """The item's checklist; None when it has none (registered before checklists existed)."""
        with self.ctx.db.read() as s:
            held = s.get(ItemChecklist, item_id)
            if held is None:
                return None
            version = s.get(ChecklistTemplateVersion, held.version_id)
            template = s.get(ChecklistTemplate, version.template_id)
            latest = s.scalar(select(func.max(ChecklistTemplateVersion.number))
                              .where(ChecklistTemplateVersion.template_id == template.id))
            pairs = item_entries(s, item_id)
            entries = tuple(
                ItemEntry(r.id, e, r.done, r.done_at, r.done_by, r.note, r.contact_id, r.attachment_id)
                for r, e in pairs
            )
            done = {e.key for r, e in pairs if r.done}
            overrides = tuple(
                f"{h.field.removeprefix('越过关卡：')}：{h.reason}（{h.changed_by}，{h.changed_at:%Y-%m-%d %H:%M}）"
                for h in s.scalars(select(History).where(History.item_id == item_id, History.entity == GATE_ENTITY)
                                   .order_by(History.id))
            )
            return ItemChecklistView(
                item_id, version.id, version.number, template.name, latest or version.number, entries,
                progress(tuple(e.entry for e in entries), done), _evidence(s, item_id), overrides,
            )

    def create_for_item(self, item_id: int) -> Changes:
        """Give an item without a checklist one from the current template."""
        with self.ctx.db.write() as s:
            get_or_raise(s, Item, item_id, "该建议（提案）已被删除，请刷新列表。")
            if s.get(ItemChecklist, item_id) is None:
                make_item_checklist(s, item_id)
        return Changes.of("checklist", item_ids=[item_id])

    def tick(self, entry_id: int, done: bool, note: str = "", contact_id: int | None = None,
             attachment_id: int | None = None) -> Changes:
        """Tick (or untick) an entry, recording who, when, the note and the evidence."""
        now, user = self.ctx.now(), self.ctx.user_name()
        item_id = packed.item_of(entry_id)
        with self.ctx.db.write() as s:
            held = s.get(ItemChecklist, item_id)
            pairs = item_entries(s, item_id, held)
            found = next(((r, e) for r, e in pairs if r.id == entry_id), None)
            if found is None:
                raise NotFoundError("该清单条目已不存在（清单可能已换成新版本），请重新打开这件建议提案。")
            row, entry = found
            if not tickable(entry):
                raise ValidationError(f"“{entry.name}”是阶段，不能勾选；请勾选它下面的步骤或要点。")
            if contact_id is not None and s.scalar(select(Contact.item_id).where(Contact.id == contact_id)) != item_id:
                raise ValidationError("所选沟通记录不属于这件建议提案，请重新选择佐证。")
            if attachment_id is not None and s.scalar(
                    select(Attachment.item_id).where(Attachment.id == attachment_id)) != item_id:
                raise ValidationError("所选附件不属于这件建议提案，请重新选择佐证。")
            change_entry(s, row, done, now if done else None, user if done else "", note, now, user,
                         contact_id, attachment_id)
            store_entries(held, pairs)
        return Changes.of("checklist", item_ids=[item_id])

    def ticks(self, item_id: int) -> list[TickRecord]:
        """Every tick and untick of the item's entries, oldest first. An entry done without any
        tick record (ticked when the item was registered) shows that tick from its own state."""
        with self.ctx.db.read() as s:
            pairs = item_entries(s, item_id)
            names = {r.id: e.name for r, e in pairs}
            ticks = s.scalars(select(ChecklistTick).where(ChecklistTick.item_id == item_id)).all()
            found = [
                ((t.ticked_at, 1, t.id), TickRecord(names[t.entry_id], t.ticked, t.ticked_at, t.ticked_by, t.note,
                                                    t.contact_id, t.attachment_id))
                for t in ticks if t.entry_id in names
            ]
            recorded = {t.entry_id for t in ticks}
            found += [
                ((r.done_at, 0, r.slot), TickRecord(e.name, True, r.done_at, r.done_by, r.note, r.contact_id,
                                                    r.attachment_id))
                for r, e in pairs if r.done and r.done_at is not None and r.id not in recorded
            ]
            return [record for _key, record in sorted(found, key=lambda f: f[0])]

    def override_gate(self, item_id: int, action: GateAction, reason: str) -> Changes:
        """Allow ``action`` on the item although its gated steps are open; the reason goes to history."""
        reason = (reason or "").strip()
        if len(reason) < 4:
            raise ValidationError("越过关卡须写明理由（至少 4 个字），理由将记入修改记录。")
        with self.ctx.db.write() as s:
            get_or_raise(s, Item, item_id, "该建议（提案）已被删除，请刷新列表。")
            pairs = item_entries(s, item_id)
            missing = missing_before(action, tuple(e for _r, e in pairs), {e.key for r, e in pairs if r.done})
            s.add(History(
                item_id=item_id, entity=GATE_ENTITY, entity_id=None, field=f"越过关卡：{action.label}",
                old_value="、".join(e.name for e in missing), new_value="已越过",
                changed_by=self.ctx.user_name(), changed_at=self.ctx.now(), reason=reason,
            ))
        return Changes.of("checklist", item_ids=[item_id])

    def progress_by_item(self) -> dict[int, Progress]:
        """Done/total and the next open step of every item with a checklist: two grouped queries
        over one table, whatever the number of items."""
        with self.ctx.db.read() as s:
            return progress_by_item(s)


# ---- used inside other services' transactions ---------------------------------------------------

def make_item_checklist(s: OrmSession, item_id: int) -> None:
    """Make the item's checklist from the current template's latest version (at registration)."""
    template_id = _current_template_id(s)
    if not template_id:
        return
    version_id = _latest_version_id(s, template_id)
    item = s.get(Item, item_id)
    wanted = build_checklist(_version(s, version_id).entries, _profile(s, item, our_unit_id(s)))
    ids = _entry_ids(s, version_id)
    held = ItemChecklist(item_id=item_id, version_id=version_id)
    store_entries(held, [(packed.EntryState(item_id, slot, ids[e.key]), e) for slot, e in enumerate(wanted)])
    s.add(held)
    s.flush()


class NewChecklists:
    """The checklists of many items registered in one transaction (an import, the demo data),
    as ``make_item_checklist`` makes them one at a time: each distinct item profile is built
    once from the current template's latest version, and ``write`` puts every queued checklist
    in with one executemany."""

    def __init__(self, s: OrmSession):
        template_id = _current_template_id(s)
        self.version_id = _latest_version_id(s, template_id) if template_id else None
        self._template = _version(s, self.version_id).entries if self.version_id else ()
        self._ids = _entry_ids(s, self.version_id) if self.version_id else {}
        self.our_unit = our_unit_id(s)
        self._built: dict[ItemProfile, tuple[Entries, _Built]] = {}
        self._rows: list[tuple] = []

    def profile(self, kind: ItemKind, units, leader_handled: bool = False, key_item: bool = False) -> ItemProfile:
        """``units``: (unit id, UnitRole) of the item's assignments."""
        return profile_of(kind, units, self.our_unit, leader_handled, key_item)

    def entries(self, profile: ItemProfile) -> Entries:
        return self._build(profile)[0]

    def add(self, item_id: int, profile: ItemProfile, done: dict | None = None) -> None:
        """Queue the item's checklist; ``done`` maps entry keys already done to (when, who),
        when a datetime or seconds since 1970-01-01 (``checklist_state.stamp``)."""
        if self.version_id is None:
            return
        built = self._build(profile)[1]
        if not done:
            self._rows.append((item_id, self.version_id, built.open_text, built.open_dated, 0, built.total,
                               built.first_step))
            return
        names, parts = [""], []
        for key, head in built.heads:
            hit = done.get(key)
            if hit is None:
                parts.append(head + "]")
                continue
            at, by = hit
            if by not in names:
                names.append(by)
            index = names.index(by)
            at = at if isinstance(at, (int, float)) else "null" if at is None else packed.stamp(at)
            parts.append(f"{head},1,{at},{index}]" if index else f"{head},1,{at}]")
        dated = [[slot, ref, _day(done[key][0]) if key in done else None] for key, ref, slot in built.dated]
        next_step = next((name for key, name in built.steps if key not in done), "")
        self._rows.append((
            item_id, self.version_id,
            f'{{"by":{json.dumps(names, ensure_ascii=False, separators=(",", ":"))},"e":[{",".join(parts)}]}}',
            json.dumps(dated, ensure_ascii=False, separators=(",", ":")) if dated else "",
            sum(1 for key in built.tickable if key in done), built.total, next_step,
        ))

    def write(self, s: OrmSession) -> None:
        """Insert what was queued (after the items themselves) and start a new batch.
        An entry done on registration gets no tick record: ``ChecklistService.ticks`` shows its
        tick from the entry, and the first change writes that record (see ``tick``)."""
        if not self._rows:
            return
        execute_driver_sql(
            s.connection(), "INSERT INTO item_checklist (item_id, version_id, entries, dated, done_count, total,"
            " next_step) VALUES (?, ?, ?, ?, ?, ?, ?)", self._rows)
        self._rows = []

    def _build(self, profile: ItemProfile) -> tuple[Entries, _Built]:
        found = self._built.get(profile)
        if found is None:
            wanted = build_checklist(self._template, profile)
            fixed = [(e.key, self._ids[e.key], slot) for slot, e in enumerate(wanted)]
            pairs = [(packed.EntryState(0, slot, self._ids[e.key]), e) for slot, e in enumerate(wanted)]
            shown = progress(wanted, set())
            found = self._built[profile] = (wanted, _Built(
                [(key, f"[{slot},{ref}") for key, ref, slot in fixed], packed.pack([r for r, _e in pairs]),
                packed.pack_dated(pairs),
                [(e.key, self._ids[e.key], slot) for slot, e in enumerate(wanted) if e.due_length is not None],
                [(e.key, e.name) for e in wanted if e.level is EntryLevel.STEP],
                {e.key for e in wanted if tickable(e)}, shown.total, shown.next_step,
            ))
        return found


@dataclass(frozen=True)
class _Built:
    """One item profile's checklist, ready to be written for many items."""

    heads: list  # (key, "[slot,template entry id") in display order
    open_text: str  # ``entries`` with nothing done
    open_dated: str
    dated: list  # (key, template entry id, slot) of the entries with a due offset
    steps: list  # (key, name) of the steps, in order
    tickable: set
    total: int
    first_step: str


def _day(at: datetime | int | None) -> str | None:
    if isinstance(at, (int, float)):
        return packed.unstamp(at).date().isoformat()
    return None if at is None else at.date().isoformat()


def profile_of(kind: ItemKind, units, our: int | None, leader_handled: bool, key_item: bool) -> ItemProfile:
    """The item as conditions see it; ``units`` are (unit id, role or role code) pairs."""
    roles = [(u, r if isinstance(r, UnitRole) else _or(UnitRole, r, None)) for u, r in units]
    our_role = next((r for u, r in roles if u == our), None) if our else None
    co_units = sum(1 for _u, r in roles if r is UnitRole.CO)
    return ItemProfile(kind, our_role, bool(leader_handled), bool(key_item), co_units)


def check_gates(s: OrmSession, record: CaseRecord, finalised_rounds: frozenset[int]) -> None:
    """Refuse (GateRefused) a save that finalises a reply or closes the item while a step gated
    on that action is open and no override is on record (``finalised_rounds``: the rounds of the
    item's replies stored as 定稿; a round has one reply)."""
    if record.id is None:
        return
    actions = []
    if any(r.finalised and r.round not in finalised_rounds for r in record.replies):
        actions.append(GateAction.REPLY_FINALISED)
    item = s.get(Item, record.id)
    status = item.status if item is not None else None
    if record.status is ItemStatus.CLOSED and status != ItemStatus.CLOSED.value:
        actions.append(GateAction.CLOSE)
    if not actions:
        return
    pairs = item_entries(s, record.id)
    entries, done = tuple(e for _r, e in pairs), {e.key for r, e in pairs if r.done}
    for action in actions:
        missing = missing_before(action, entries, done)
        if missing and not s.scalar(select(History.id).where(
                History.item_id == record.id, History.entity == GATE_ENTITY,
                History.field == f"越过关卡：{action.label}").limit(1)):
            raise GateRefused(action, missing)


def progress_by_item(s: OrmSession) -> dict[int, Progress]:
    """Done/total and the next open step of every item with a checklist, as ``store_entries`` keeps them."""
    return {
        item_id: Progress(done, total, next_step)
        for item_id, done, total, next_step in s.connection().exec_driver_sql(
            "SELECT item_id, done_count, total, next_step FROM item_checklist WHERE entries != ''")
    }


# ---- helpers ----------------------------------------------------------------------------

def _current_template_id(s: OrmSession) -> int | None:
    row = s.get(Setting, CURRENT_TEMPLATE_KEY)
    if row is not None and row.value.isdigit() and s.get(ChecklistTemplate, int(row.value)) is not None:
        return int(row.value)
    return s.scalar(select(func.min(ChecklistTemplate.id)))


def _latest_version_id(s: OrmSession, template_id: int | None) -> int:
    found = s.scalar(select(ChecklistTemplateVersion.id).where(ChecklistTemplateVersion.template_id == template_id)
                     .order_by(ChecklistTemplateVersion.number.desc()).limit(1))
    if found is None:
        raise NotFoundError("还没有清单模板。请在“设置 → 清单模板…”中新建或导入一个。")
    return found


def _version(s: OrmSession, version_id: int) -> TemplateVersion:
    v = get_or_raise(s, ChecklistTemplateVersion, version_id, "该清单模板版本已不存在，请刷新后再试。")
    t = s.get(ChecklistTemplate, v.template_id)
    rows = s.scalars(select(ChecklistTemplateEntry).where(ChecklistTemplateEntry.version_id == version_id)
                     .order_by(ChecklistTemplateEntry.position))
    entries = tuple(_entry(r, Condition.from_json(r.condition)) for r in rows)
    return TemplateVersion(t.id, t.name, t.description, v.id, v.number, v.saved_at, v.saved_by, entries)


def _write_version(s: OrmSession, template_id: int, entries, now, user: str, note: str) -> int:
    number = (s.scalar(select(func.max(ChecklistTemplateVersion.number))
                       .where(ChecklistTemplateVersion.template_id == template_id)) or 0) + 1
    version = ChecklistTemplateVersion(template_id=template_id, number=number, saved_at=now, saved_by=user, note=note)
    s.add(version)
    s.flush()
    for position, e in enumerate(entries):
        row = ChecklistTemplateEntry(version_id=version.id, condition="" if e.condition.always else e.condition.to_json())
        _copy_entry(row, e, position)
        s.add(row)
    s.flush()
    return version.id


def _entry_ids(s: OrmSession, version_id: int) -> dict[str, int]:
    """The version's template entry ids by key."""
    return dict(s.execute(select(ChecklistTemplateEntry.key, ChecklistTemplateEntry.id)
                          .where(ChecklistTemplateEntry.version_id == version_id)).all())


def _copy_entry(row, e: Entry, position: int) -> None:
    row.key, row.parent_key, row.position, row.level = e.key, e.parent_key, position, e.level.value
    row.name, row.description, row.due_length = e.name, e.description, e.due_length
    row.due_unit, row.due_anchor = e.due_unit.value, e.due_anchor.value
    row.gate = e.gate.value if e.gate else ""


def _entry(row, condition: Condition | None = None) -> Entry:
    return Entry(
        row.key, row.name, EntryLevel(row.level), row.parent_key, row.description, condition or Condition(),
        row.due_length, _or(LengthUnit, row.due_unit, LengthUnit.DAYS), _or(Anchor, row.due_anchor, Anchor.ASSIGNED),
        _or(GateAction, row.gate, None),
    )


def _or(enum_cls, code, default):
    try:
        return enum_cls(code) if code else default
    except ValueError:  # a code written by a newer version of the app
        return default


def item_entries(s: OrmSession, item_id: int, held: ItemChecklist | None = None
                  ) -> list[tuple[packed.EntryState, Entry]]:
    """The item's checklist entries in display order, each with its entry (from the template entry
    it points at, or its own text)."""
    held = held if held is not None else s.get(ItemChecklist, item_id)
    if held is None:
        return []
    states = packed.unpack(held.entries, item_id)
    refs = {r.ref for r in states if isinstance(r.ref, int)}
    template = {t.id: _entry(t) for t in s.scalars(
        select(ChecklistTemplateEntry).where(ChecklistTemplateEntry.id.in_(refs)))} if refs else {}
    return [(r, template[r.ref] if isinstance(r.ref, int) else packed.own_entry(r.ref))
            for r in states if not isinstance(r.ref, int) or r.ref in template]


def store_entries(held: ItemChecklist, pairs: list[tuple[packed.EntryState, Entry]]) -> None:
    """Write the item's entries (in display order) and what is read from them without unpacking."""
    shown = progress(tuple(e for _r, e in pairs), {e.key for r, e in pairs if r.done})
    held.entries = packed.pack([r for r, _e in pairs])
    held.dated = packed.pack_dated(pairs)
    held.done_count, held.total, held.next_step = shown.done, shown.total, shown.next_step


def change_entry(s: OrmSession, row: packed.EntryState, done: bool, done_at: datetime | None, done_by: str,
                 note: str, ticked_at: datetime, ticked_by: str, contact_id: int | None = None,
                 attachment_id: int | None = None) -> None:
    """Set one entry's state (``row``, from ``item_entries``) and record the change as a tick
    record (at ``ticked_at``, by ``ticked_by``); the caller then writes the item's entries with
    ``store_entries``. The entry keeps evidence only while done; the record keeps what was given."""
    if row.done and s.scalar(select(ChecklistTick.id).where(
            ChecklistTick.item_id == row.item_id, ChecklistTick.entry_id == row.id).limit(1)) is None:
        # The entry's own tick (at registration, or a record 0010 dropped) is shown from the
        # entry until now: write it before the state it describes changes.
        s.add(ChecklistTick(entry_id=row.id, item_id=row.item_id, ticked=True, ticked_at=row.done_at,
                            ticked_by=row.done_by, note=row.note, contact_id=row.contact_id,
                            attachment_id=row.attachment_id))
    row.done, row.done_at, row.done_by, row.note = bool(done), done_at, done_by, note
    row.contact_id = contact_id if done else None
    row.attachment_id = attachment_id if done else None
    s.add(ChecklistTick(entry_id=row.id, item_id=row.item_id, ticked=bool(done), ticked_at=ticked_at,
                        ticked_by=ticked_by, note=note, contact_id=contact_id, attachment_id=attachment_id))


def _renumber(s: OrmSession, item_id: int, pairs) -> None:
    """Number the item's entries 0, 1, … again (all slots were used), moving their tick records."""
    moves = {r.id: packed.entry_id(item_id, slot) for slot, (r, _e) in enumerate(pairs)}
    for t in s.scalars(select(ChecklistTick).where(ChecklistTick.item_id == item_id)):
        if t.entry_id in moves:
            t.entry_id = moves[t.entry_id]
    for slot, (r, _e) in enumerate(pairs):
        r.slot = slot




def _profile(s: OrmSession, item: Item, our: int | None) -> ItemProfile:
    roles = s.execute(select(Assignment.unit_id, Assignment.role).where(Assignment.item_id == item.id)).all()
    return profile_of(ItemKind(item.kind), roles, our, item.is_leader_handled, item.is_key)


def _label(s: OrmSession, item: Item) -> str:
    session = s.get(Session, item.session_id)
    return f"{session.name} 第{item.number}号 {item.title}"


def _evidence(s: OrmSession, item_id: int) -> tuple[EvidenceChoice, ...]:
    out = [
        EvidenceChoice("contact", c.id, f"沟通记录 {c.contact_on:%Y-%m-%d} {c.summary[:20]}")
        for c in s.scalars(select(Contact).where(Contact.item_id == item_id).order_by(Contact.contact_on))
    ]
    out += [
        EvidenceChoice("attachment", a.id, f"附件 {a.file_name}")
        for a in s.scalars(select(Attachment).where(Attachment.item_id == item_id).order_by(Attachment.id))
    ]
    return tuple(out)


# ---- the office's template in an exchange package ----------------------------------------------

def current_template_data(s: OrmSession) -> dict | None:
    """The current template's latest version in its file form (None: no template yet)."""
    template_id = _current_template_id(s)
    if template_id is None:
        return None
    version = _version(s, _latest_version_id(s, template_id))
    return checklist_file.template_dict(version.name, version.description, version.entries)


def received_template_change(s: OrmSession, found: checklist_file.TemplateFile) -> tuple[str, str] | None:
    """How ``found`` (the office's template) differs here: (this copy's version, the office's),
    as text for the preview; None when the latest version of the same-named template has the
    same entries and is the current one."""
    template_id = s.scalar(select(ChecklistTemplate.id).where(ChecklistTemplate.name == found.name))
    latest_id = None if template_id is None else s.scalar(
        select(ChecklistTemplateVersion.id).where(ChecklistTemplateVersion.template_id == template_id)
        .order_by(ChecklistTemplateVersion.number.desc()).limit(1))
    if latest_id is None:
        return "（本机没有此模板）", f"{found.name}（{len(found.entries)} 项）"
    version = _version(s, latest_id)
    same = (checklist_file.template_dict(version.name, version.description, version.entries)
            == checklist_file.template_dict(found.name, found.description, found.entries))
    if same and _current_template_id(s) == template_id:
        return None
    return (f"{version.name} 第 {version.number} 版（{len(version.entries)} 项）",
            f"{found.name}（{len(found.entries)} 项）" + ("" if not same else "，设为当前模板"))


def receive_template(s: OrmSession, found: checklist_file.TemplateFile, now: datetime, user: str, note: str) -> int:
    """The office's template saved as a new version of the same-named template (a new template
    when there is none) and made current; items' checklists and their ticks stay as they are
    (设置 → 清单模板 applies a version to items). Returns the version id."""
    template = s.scalar(select(ChecklistTemplate).where(ChecklistTemplate.name == found.name))
    if template is None:
        template = ChecklistTemplate(name=found.name, description=found.description, created_at=now)
        s.add(template)
        s.flush()
    latest_id = s.scalar(select(ChecklistTemplateVersion.id).where(ChecklistTemplateVersion.template_id == template.id)
                         .order_by(ChecklistTemplateVersion.number.desc()).limit(1))
    wanted = checklist_file.template_dict(found.name, found.description, found.entries)
    latest = _version(s, latest_id) if latest_id is not None else None
    if latest is not None and checklist_file.template_dict(latest.name, latest.description, latest.entries) == wanted:
        version_id = latest.version_id
    else:
        template.description = found.description
        version_id = _write_version(s, template.id, found.entries, now, user, note)
    put_setting(s, CURRENT_TEMPLATE_KEY, str(template.id))
    return version_id
