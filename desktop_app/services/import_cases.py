"""Importing a 交办清单: read the sheet, preview what would change against the database, and on
confirmation write it all in one transaction after a backup (services layer).

``load`` reads the file once; ``preview`` may be called again with a corrected column mapping or
session without re-reading; ``apply`` takes the preview the user saw, re-checks it inside the
write transaction (an item changed meanwhile is a conflict, nothing is written) and returns
``(Changes, ImportResult)``. Items are keyed by 届次 + 编号.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop_app.domain.enums import Body, FilingDecision, ItemKind, RaisedAt, UnitRole
from desktop_app.domain.errors import ReadOnlyError, ValidationError
from desktop_app.exchange import cleaning
from desktop_app.exchange.columns import FIELD_BY_KEY, LABEL_OF, signature
from desktop_app.exchange.layout import SheetLayout, detect_layout
from desktop_app.exchange.parse import parse_rows
from desktop_app.exchange.reader import RawSheet, read_sheet
from desktop_app.exchange.report import (
    ColumnMapping,
    FieldDiff,
    ImportedCase,
    ImportPreview,
    NameDecision,
    RowPreview,
    RowProblem,
    RowStatus,
    UnknownName,
    signing_units,
)
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes
from desktop_app.services.fields import member
from desktop_app.services.import_apply import apply_import
from desktop_app.services.lookup import our_unit_id, put_setting
from desktop_app.storage.tables import Assignment, Item, ItemProposer, Proposer, Session, Setting, Unit

MAPPINGS_KEY = "exchange.import_mappings"
#: Our unit is the office when its name says so (区政府办公室, 区人民政府办公室 …): it keeps the
#: 交办清单 of every unit, and its 签收日期 column is the lead units'.
OFFICE_MARK = "政府办公室"
_LEAD_ROLES = (UnitRole.LEAD.value, UnitRole.SPLIT.value)


@dataclass
class ImportSource:
    """A sheet read once: its rows, where its header is, and a mapping saved for its shape."""

    path: Path
    sheet: RawSheet
    layout: SheetLayout
    saved_mapping: tuple[str | None, ...] | None = None


@dataclass(frozen=True)
class StoredItem:
    """What the database holds for an item, in the terms of a sheet row."""

    id: int
    version: int
    kind: ItemKind
    title: str
    content: str
    category: str
    assigned_on: object
    lead_proposer: str
    cosigners: tuple[str, ...]
    lead_units: tuple[str, ...]
    co_units: tuple[str, ...]
    raised_at: RaisedAt = RaisedAt.PLENARY
    signed_on: tuple[tuple[str, object], ...] = ()  # (unit name, 签收日期 or None) per assignment
    sector: str = ""  # the lead proposer's 界别 (政协提案)
    filing: object = None  # FilingDecision or None
    merged_into: str = ""  # the lead proposal's number (并案)


class ImportService:
    def __init__(self, ctx: ServiceContext, maintenance=None):
        self.ctx = ctx
        self.maintenance = maintenance  # MaintenanceService: the backup taken before writing

    # ---- reading and preview ------------------------------------------------------------

    def load(self, path: Path | str) -> ImportSource:
        sheet = read_sheet(path)
        layout = detect_layout(sheet)
        saved = self.saved_mappings().get(signature(list(layout.headers)))
        mapping = None
        if saved and len(saved) == len(layout.headers):
            mapping = tuple(k if k in FIELD_BY_KEY else None for k in saved)
        return ImportSource(Path(path), sheet, layout, mapping)

    def open_file(self, path: Path | str, default_session: str = "", progress=None,
                  cancelled=None) -> tuple[ImportSource, ImportPreview]:
        """The sheet ``path`` read, and what importing it would do: ``(source, preview)``; the
        source serves later previews with another mapping."""
        source = self.load(path)
        return source, self.preview(source, default_session=default_session, progress=progress, cancelled=cancelled)

    def read_file(self, path: Path | str, default_session: str = "", progress=None, cancelled=None) -> ImportPreview:
        return self.preview(self.load(path), default_session=default_session, progress=progress, cancelled=cancelled)

    def preview(
        self, source: ImportSource, mapping: list[str | None] | None = None, default_session: str = "",
        progress=None, cancelled=None,
    ) -> ImportPreview:
        """What importing ``source`` would do; ``mapping`` (a field key or None per column)
        overrides the detected or saved one; ``default_session`` serves rows without 届次."""
        layout = source.layout
        chosen = tuple(mapping) if mapping is not None else (source.saved_mapping or layout.mapping)
        default_session = (default_session or layout.session_in_title).strip()
        parsed, skipped = parse_rows(
            source.sheet.rows, layout.data_start, list(layout.headers), list(chosen),
            default_session, progress, cancelled,
        )
        with self.ctx.db.read() as s:
            return _Previewer(s, source, layout, chosen, default_session, parsed, skipped, self.ctx.today()).run()

    # ---- saved mappings -----------------------------------------------------------------

    def saved_mappings(self) -> dict[str, list]:
        with self.ctx.db.read() as s:
            row = s.get(Setting, MAPPINGS_KEY)
        try:
            return json.loads(row.value) if row is not None and row.value else {}
        except ValueError:
            return {}  # a damaged setting only loses the remembered mappings

    def save_mapping(self, headers: list[str], mapping: list[str | None]) -> Changes:
        """Remember ``mapping`` for the next sheet with the same headers."""
        with self.ctx.db.write() as s:
            row = s.get(Setting, MAPPINGS_KEY)
            try:
                saved = json.loads(row.value) if row is not None and row.value else {}
            except ValueError:
                saved = {}
            saved[signature(headers)] = list(mapping)
            put_setting(s, MAPPINGS_KEY, json.dumps(saved, ensure_ascii=False))
        return Changes.of("setting")

    # ---- writing ------------------------------------------------------------------------

    def apply(
        self, preview: ImportPreview, decisions: list[NameDecision] | tuple = (), skip_errors: bool = False,
        progress=None, cancelled=None, remember_mapping: tuple[list[str], list[str | None]] | None = None,
    ):
        """Write the previewed new and updated rows in one transaction after a backup; returns
        ``(Changes, ImportResult)``. Refuses (nothing written) when rows have errors and
        ``skip_errors`` is False, or when the database changed since the preview. With
        ``remember_mapping`` (headers, mapping) the mapping is then saved as ``save_mapping``
        does (a setting of its own: the import stands if only that fails)."""
        errors = preview.count(RowStatus.ERROR)
        if errors and not skip_errors:
            shown = "\n".join(str(p) for p in preview.problems[:10])
            raise ValidationError(
                f"有 {errors} 行有错误，没有导入任何数据。请改正后重新导入，或选择“跳过有错误的行”。\n{shown}")
        if self.ctx.db.read_only:
            raise ReadOnlyError("数据库以只读方式打开，不能导入：" + self.ctx.db.read_only_reason)
        backup_path = ""
        if self.maintenance is not None and (preview.count(RowStatus.NEW) or preview.count(RowStatus.UPDATE)):
            backup_path = str(self.maintenance.backup_now(reason="import"))
        changes, result = apply_import(self.ctx, preview, decisions, backup_path, progress, cancelled)
        if remember_mapping is not None:
            changes = changes | self.save_mapping(*remember_mapping)
        return changes, result


class _Previewer:
    def __init__(self, s, source, layout, mapping, default_session, parsed, skipped, today):
        self.s, self.source, self.layout, self.mapping = s, source, layout, mapping
        self.default_session, self.parsed, self.skipped, self.today = default_session, parsed, skipped, today

    def run(self) -> ImportPreview:
        s = self.s
        sessions = {name: (sid, body) for sid, name, body in s.execute(select(Session.id, Session.name, Session.body))}
        cases = [p.case for p in self.parsed if not p.problems]
        session_ids = {sessions[c.session][0] for c in cases if c.session in sessions}
        stored = load_stored(s, session_ids)
        # 0035 retyped in Excel becomes the number 35: digits-only numbers also match by value
        # when that value is unique in the session.
        by_value: dict[tuple[int, int], StoredItem | None] = {}
        for (session_id, number), stored_item in stored.items():
            if number.isdigit():
                key = (session_id, int(number))
                by_value[key] = None if key in by_value else stored_item
        units = set(s.execute(select(Unit.name)).scalars())
        signing_unit = _signing_unit(s)
        people: dict[str, set[str]] = {}
        for name, body in s.execute(select(Proposer.name, Proposer.body)):
            people.setdefault(body, set()).add(name)

        rows: list[RowPreview] = []
        seen: dict[tuple[str, str], int] = {}
        unknown_units: dict[str, list[int]] = {}
        unknown_people: dict[str, list[int]] = {}
        new_sessions: dict[str, None] = {}
        for p in self.parsed:
            case = p.case
            if p.problems:
                rows.append(RowPreview(p.problems[0].row, RowStatus.ERROR, case, problems=p.problems))
                continue
            problems = []
            key = (case.session, case.number)
            if key in seen:
                problems.append(RowProblem(case.row, self._header("number"),
                                           f"届次和编号与第 {seen[key]} 行重复（{case.session} 第{case.number}号），请删去重复的一行"))
            seen.setdefault(key, case.row)
            known = sessions.get(case.session)
            kind = case.kind or (_kind_of_body(known[1]) if known else None) or cleaning.kind_of_session(case.session)
            if kind is None:
                problems.append(RowProblem(case.row, self._header("kind"),
                                           "无法判断是代表建议还是政协提案：请加一列“类型”，或在届次中写明人大或政协"))
            elif known and _kind_of_body(known[1]) is not kind:
                problems.append(RowProblem(case.row, self._header("kind"),
                                           f"类型“{kind.label}”与届次“{case.session}”不符，请检查类型或届次"))
            if problems:
                rows.append(RowPreview(case.row, RowStatus.ERROR, case, problems=tuple(problems)))
                continue
            if case.kind is not kind:
                # The case was built by this preview's parse and is not shared yet; setting the
                # field beats dataclasses.replace (13 µs a row at 10,000 rows).
                object.__setattr__(case, "kind", kind)
            if not known:
                new_sessions.setdefault(case.session, None)
            for name in (*case.lead_units, *case.co_units):
                if name not in units:
                    unknown_units.setdefault(name, []).append(case.row)
            known_people = people.get(kind.body.value, set())
            for name in ((case.lead_proposer,) if case.lead_proposer else ()) + case.cosigners:
                if name not in known_people:
                    unknown_people.setdefault(name, []).append(case.row)
            item = stored.get((known[0], case.number)) if known else None
            if item is None and known and case.number.isdigit():
                item = by_value.get((known[0], int(case.number)))
            problems = self._check_new(case) if item is None else ()
            if case.signed_on is not None:
                problems += self._check_signed(case, item, signing_unit)
            if problems:
                rows.append(RowPreview(case.row, RowStatus.ERROR, case, problems=problems))
                continue
            if item is None:
                rows.append(RowPreview(case.row, RowStatus.NEW, case))
                continue
            diffs = differences(item, case, signing_unit)
            status = RowStatus.UPDATE if diffs else RowStatus.UNCHANGED
            rows.append(RowPreview(case.row, status, case, item.id, item.version, diffs))

        unit_like = SimilarNames(units)
        people_like = SimilarNames(sorted(set().union(*people.values())) if people else [])
        return ImportPreview(
            file_name=self.source.sheet.file_name, sheet_name=self.source.sheet.sheet_name,
            header_rows=tuple(r + 1 for r in self.layout.header_rows),
            columns=tuple(ColumnMapping(i, h, k) for i, (h, k) in enumerate(zip(self.layout.headers, self.mapping))),
            rows=tuple(rows),
            unknown_units=tuple(
                UnknownName("unit", n, unit_like.of(n), tuple(r)) for n, r in unknown_units.items()
            ),
            unknown_proposers=tuple(
                UnknownName("proposer", n, people_like.of(n), tuple(r)) for n, r in unknown_people.items()
            ),
            new_sessions=tuple(new_sessions), skipped=tuple(self.skipped),
            default_session=self.default_session, signature=signature(list(self.layout.headers)),
            mapping_saved=self.source.saved_mapping is not None and tuple(self.mapping) == self.source.saved_mapping,
            signing_unit=signing_unit,
        )

    def _check_new(self, case: ImportedCase) -> tuple[RowProblem, ...]:
        if case.lead_units:
            return ()
        # A blank cell is the parser's error; here the sheet has no column of lead units at all.
        return (RowProblem(case.row, self._header("lead_units"),
                           "表中没有主办单位，这一行不能作为新的一件导入。请在列对应中指定“主办单位”列，或删去这一行"),)

    def _check_signed(self, case: ImportedCase, item: StoredItem | None, signing_unit: str) -> tuple[RowProblem, ...]:
        """签收 happened: not after today, not before 交办, and by a unit of the item."""
        header, signed = self._header("signed_on"), case.signed_on
        assigned_on = case.assigned_on if "assigned_on" in case.present or item is None else item.assigned_on
        if signed > self.today:
            return (RowProblem(case.row, header, f"签收日期 {signed.isoformat()} 晚于今天，签收还没有发生。请检查日期"),)
        if assigned_on is not None and signed < assigned_on:
            return (RowProblem(case.row, header,
                               f"签收日期 {signed.isoformat()} 早于交办日期 {assigned_on.isoformat()}。请检查这两个日期"),)
        if signing_unit:
            units = (*case.lead_units, *case.co_units) if {"lead_units", "co_units"} & case.present or item is None \
                else (*item.lead_units, *item.co_units)
            if signing_unit not in units:
                return (RowProblem(case.row, header,
                                   f"签收日期记在本单位（{signing_unit}）名下，但本单位不是这一件的主办或会办单位。"
                                   "请核对单位列，或清空这一行的签收日期"),)
        return ()

    def _header(self, key: str) -> str:
        for header, k in zip(self.layout.headers, self.mapping):
            if k == key:
                return header or LABEL_OF[key]
        return LABEL_OF[key]


def _signing_unit(s) -> str:
    """Whose 签收日期 an imported sheet gives: our unit's name, or "" for the lead units' (our
    unit is the office, or none is set)."""
    our = our_unit_id(s)
    unit = s.get(Unit, our) if our is not None else None
    name = unit.name if unit is not None else ""
    return "" if OFFICE_MARK in name else name


def _kind_of_body(body: str) -> ItemKind:
    return ItemKind.PROPOSAL if body == Body.CPPCC.value else ItemKind.SUGGESTION


def load_stored(s, session_ids) -> dict[tuple[int, str], StoredItem]:
    """Items of these sessions keyed by (session id, 编号), with their proposers and units."""
    if not session_ids:
        return {}
    items = s.execute(
        select(Item.id, Item.version, Item.session_id, Item.number, Item.kind, Item.title, Item.content,
               Item.category, Item.assigned_on, Item.raised_at, Item.filing, Item.merged_into_id)
        .where(Item.session_id.in_(session_ids))
    ).all()
    numbers = {row.id: row.number for row in items}
    ids = [row.id for row in items]
    people: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
    sectors: dict[int, str] = {}
    units: dict[int, list[tuple[str, str, object]]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for item_id, name, role, delegation in s.execute(
            select(ItemProposer.item_id, Proposer.name, ItemProposer.role, Proposer.delegation)
            .join(Proposer, Proposer.id == ItemProposer.proposer_id).where(ItemProposer.item_id.in_(chunk))
            .order_by(ItemProposer.item_id, ItemProposer.position, ItemProposer.id)
        ):
            people[item_id].append((name, role))
            if role == "lead":
                sectors.setdefault(item_id, delegation or "")
        for item_id, name, role, signed_on in s.execute(
            select(Assignment.item_id, Unit.name, Assignment.role, Assignment.signed_on)
            .join(Unit, Unit.id == Assignment.unit_id).where(Assignment.item_id.in_(chunk))
            .order_by(Assignment.item_id, Assignment.position, Assignment.id)
        ):
            units[item_id].append((name, role, signed_on))
    out = {}
    for row in items:
        leads = [n for n, r in people[row.id] if r == "lead"]
        out[(row.session_id, row.number)] = StoredItem(
            row.id, row.version, member(ItemKind, row.kind), row.title, row.content or "", row.category or "",
            row.assigned_on, leads[0] if leads else "",
            tuple(n for n, r in people[row.id] if r != "lead"),
            tuple(n for n, r, _d in units[row.id] if r in _LEAD_ROLES),
            tuple(n for n, r, _d in units[row.id] if r not in _LEAD_ROLES),
            member(RaisedAt, row.raised_at), tuple((n, d) for n, _r, d in units[row.id]),
            sectors.get(row.id, ""), member(FilingDecision, row.filing), numbers.get(row.merged_into_id, ""),
        )
    return out


_COMPARED = ("kind", "title", "content", "category", "assigned_on", "lead_proposer", "cosigners", "lead_units",
             "co_units", "sector", "filing", "merged_into")


def differences(item: StoredItem, case: ImportedCase, signing_unit: str = "") -> tuple[FieldDiff, ...]:
    """Field-by-field differences for the fields the sheet carries (a blank 签收日期 changes
    nothing; ``signing_unit``: whose 签收 it is, "" the lead units')."""
    diffs = []
    for key in _COMPARED:
        if key not in case.present:
            continue
        old, new = getattr(item, key), getattr(case, key)
        if (key == "kind" and new is None) or (key in ("sector", "filing") and not new):
            continue  # a blank 界别 or 立案情况 cell says nothing (a recorded one is kept)
        if old != new:
            diffs.append(FieldDiff(LABEL_OF[key], _shown(old), _shown(new)))
    if "raised_at" in case.present and item.raised_at is not case.raised_at:
        diffs.append(FieldDiff(LABEL_OF["raised_at"], item.raised_at.label, case.raised_at.label))
    if case.signed_on is not None:
        leads = case.lead_units if "lead_units" in case.present else item.lead_units
        signers = signing_units(signing_unit, leads)
        old = [d for n, d in item.signed_on if n in signers]
        if any(d != case.signed_on for d in old) or len(old) < len(signers):
            label = f"{LABEL_OF['signed_on']}（{'、'.join(signers)}）"
            diffs.append(FieldDiff(label, "、".join(_shown(d) for d in dict.fromkeys(old) if d), _shown(case.signed_on)))
    return tuple(diffs)



def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "、".join(value)
    if isinstance(value, (ItemKind, FilingDecision)):
        return value.label
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def similar_names(name: str, existing, limit: int = 3) -> tuple[str, ...]:
    """Existing names that look like ``name``: containing it or contained in it (交通委 / 区交通委),
    then by similarity."""
    return SimilarNames(existing).of(name, limit)


class SimilarNames:
    """Finds look-alike names among ``existing``. A few hundred names (units) are compared one by
    one; thousands (deputies) through an index of each name with one character masked, which finds
    the typical slip (张建国 / 张建囯) without comparing every pair."""

    BRUTE_FORCE_LIMIT = 2000

    def __init__(self, existing):
        self.existing = list(existing)
        self.index: dict[str, list[str]] | None = None
        if len(self.existing) > self.BRUTE_FORCE_LIMIT:
            self.index = {}
            for known in self.existing:
                for key in _masked(known):
                    self.index.setdefault(key, []).append(known)

    def of(self, name: str, limit: int = 3) -> tuple[str, ...]:
        if self.index is not None:
            found = [k for key in _masked(name) for k in self.index.get(key, ()) if k != name]
            return tuple(dict.fromkeys(found))[:limit]
        chars = set(name)
        candidates = [e for e in self.existing if chars & set(e)]
        contained = [e for e in candidates if e != name and (name in e or e in name)]
        close = difflib.get_close_matches(name, candidates, n=limit, cutoff=0.6)
        return tuple(dict.fromkeys(contained + close))[:limit]


def _masked(name: str) -> list[str]:
    return [name[:i] + "\0" + name[i + 1:] for i in range(len(name))]
