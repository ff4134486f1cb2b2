"""Writing a confirmed import in one transaction (services layer; called by ImportService.apply).

New items go in by bulk inserts (a 10,000-row list in about a second), each with its handling
checklist made as ``cases.save`` makes it; updates go through
``CaseWriter`` like an edit in the editor, so history, list columns, search terms and due-date
moves are kept exactly as for a manual save. Any failure rolls everything back.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Date, DateTime, func, select

from desktop_app.domain.enums import FilingDecision, ItemKind, ItemStatus, ProposerRole, ProposerType, UnitRole
from desktop_app.domain.errors import ConflictError
from desktop_app.domain.wording import collective_type
from desktop_app.exchange.report import ImportedCase, ImportPreview, ImportResult, RowStatus, signing_units
from desktop_app.services import checklist, deadlines, search
from desktop_app.services.case_writer import NAME_JOINER, CaseWriter
from desktop_app.services.cases import case_record
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import AssignmentRecord, Changes, ProposerLink
from desktop_app.services.lookup import find_or_create_session
from desktop_app.storage.server import execute_driver_sql
from desktop_app.storage.tables import Assignment, History, Item, ItemProposer, Proposer, Unit


def apply_import(ctx: ServiceContext, preview: ImportPreview, decisions, backup_path: str,
                 progress=None, cancelled=None):
    now, user = ctx.now(), ctx.user_name()
    renames = {(d.kind, d.name): d.map_to for d in decisions if d.map_to}
    unit_name = lambda n: renames.get(("unit", n), n)  # noqa: E731
    person_name = lambda n: renames.get(("proposer", n), n)  # noqa: E731
    wanted = [r for r in preview.rows if r.status in (RowStatus.NEW, RowStatus.UPDATE)]
    new_rows = [r for r in wanted if r.status is RowStatus.NEW]
    reason = f"从“{preview.file_name}”导入"
    created_kinds: set[str] = set()
    item_ids: list[int] = []
    with ctx.db.write() as s:
        sessions = {}
        for r in wanted:
            name = r.case.session
            if name not in sessions:
                sessions[name] = find_or_create_session(s, None, name, r.case.kind, now, created_kinds).id
        units = _names_to_ids(s, Unit,
                              [(unit_name(n),) for r in wanted for n in (*r.case.lead_units, *r.case.co_units)],
                              lambda key: {"name": key[0], "short_name": "", "active": True, "sort_order": 0},
                              created_kinds, "unit")
        people = _names_to_ids(
            s, Proposer,
            [(person_name(n), r.case.kind.body.value, _person_type(r.case.kind, person_name(n)).value)
             for r in wanted for n in _proposer_names(r.case)],
            lambda key: {"name": key[0], "body": key[1], "proposer_type": key[2]}, created_kinds, "proposer")
        taken = set(s.execute(
            select(Item.session_id, Item.number).where(Item.session_id.in_(set(sessions.values())))
        ).all()) if new_rows else set()
        for r in new_rows:
            if (sessions[r.case.session], r.case.number) in taken:
                raise _changed(r.row)
        conn = s.connection()
        # A larger page cache for the bulk insert only (index pages are otherwise re-read);
        # restored afterwards because the connection is pooled.
        previous = conn.exec_driver_sql("PRAGMA cache_size").scalar() if conn.dialect.name == "sqlite" else None
        if previous is not None:
            conn.exec_driver_sql("PRAGMA cache_size=-65536")
        try:
            item_ids = _insert_new(s, new_rows, sessions, units, people, unit_name, person_name, now, user,
                                   reason, progress, cancelled, preview.signing_unit)
        finally:
            if previous is not None:
                conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")
        for r in (r for r in wanted if r.status is RowStatus.UPDATE):
            item = s.get(Item, r.item_id)
            if item is None or item.version != r.version:
                raise _changed(r.row)
            created_kinds |= _update(s, item, r.case, unit_name, person_name, now, user, reason,
                                     preview.signing_unit)
            item_ids.append(r.item_id)
            if cancelled is not None and cancelled():
                raise InterruptedError
        _proposal_fields(s, wanted, sessions, now, user, reason)
    result = ImportResult(
        created=len(new_rows), updated=len(wanted) - len(new_rows),
        unchanged=preview.count(RowStatus.UNCHANGED), skipped_errors=preview.count(RowStatus.ERROR),
        backup_path=backup_path, item_ids=tuple(item_ids),
    )
    return Changes.of("item", *sorted(created_kinds), item_ids=item_ids), result


_PROPOSAL_FIELDS = frozenset({"sector", "filing", "merged_into"})


def _proposal_fields(s, wanted, sessions, now, user, reason) -> None:
    """政协提案 sheets (issue 23): 立案情况, the 第一提案人's 界别 and 并案, once every row is in (a
    row may be merged into a proposal further down the sheet). History is kept as for an edit."""
    rows = [r for r in wanted if _PROPOSAL_FIELDS & r.case.present and r.case.kind is ItemKind.PROPOSAL]
    if not rows:
        return
    by_number = {(sid, number): item_id for item_id, sid, number in s.execute(
        select(Item.id, Item.session_id, Item.number).where(Item.session_id.in_(set(sessions.values()))))}
    for r in rows:
        case, session_id = r.case, sessions[r.case.session]
        item = s.get(Item, by_number[(session_id, case.number)])
        notes = []
        if "filing" in case.present and case.filing is not None and item.filing != case.filing.value:
            old = FilingDecision(item.filing).label if item.filing else ""
            notes.append(("立案情况", old, case.filing.label))
            item.filing = case.filing.value
        if "merged_into" in case.present:
            lead_id = None
            if case.merged_into:
                lead_id = by_number.get((session_id, case.merged_into))
                lead = s.get(Item, lead_id) if lead_id is not None else None
                if lead is None or lead.kind != ItemKind.PROPOSAL.value or lead_id == item.id:
                    raise ConflictError(f"第 {r.row} 行并入第{case.merged_into}号提案，但{case.session}中没有这件提案："
                                        "请检查“并案”一列（写主提案的编号），没有导入任何数据。")
            if item.merged_into_id != lead_id:
                old = next((n for (sid, n), i in by_number.items() if i == item.merged_into_id), "")
                notes.append(("并入提案", f"第{old}号" if old else "", f"第{case.merged_into}号" if lead_id else ""))
                item.merged_into_id = lead_id
        if "sector" in case.present and case.sector:
            lead = s.execute(select(Proposer).join(ItemProposer, ItemProposer.proposer_id == Proposer.id)
                             .where(ItemProposer.item_id == item.id, ItemProposer.role == ProposerRole.LEAD.value)
                             ).scalars().first()
            if lead is not None and lead.delegation != case.sector:
                notes.append((f"{lead.name} 代表团/界别", lead.delegation or "", case.sector))
                lead.delegation = case.sector
        for label, old, new in notes:
            s.add(History(item_id=item.id, entity="item", entity_id=item.id, field=label, old_value=old,
                          new_value=new, changed_by=user, changed_at=now, reason=reason))
    chains = s.execute(select(Item.number).where(
        Item.merged_into_id.in_(select(Item.id).where(Item.merged_into_id.is_not(None))))).scalars().first()
    if chains is not None:
        raise ConflictError(f"第{chains}号并入的提案本身又并入了另一件提案：并案只能并入主提案，请检查“并案”一列，"
                            "没有导入任何数据。")


def _names_to_ids(s, table, keys, make_row, created_kinds, kind) -> dict:
    """Ids of units (keyed by name) or proposers (keyed by name and body), inserting the
    missing ones in one statement. ``keys`` may repeat; extra key parts (a type) do not identify."""
    if table is Unit:
        known = {(n,): i for i, n in s.execute(select(Unit.id, Unit.name))}
    else:
        known = {(n, b): i for i, n, b in s.execute(select(Proposer.id, Proposer.name, Proposer.body))}
    width = 1 if table is Unit else 2
    missing = {}
    for key in keys:
        if key[:width] not in known:
            missing.setdefault(key[:width], key)
    if missing:
        next_id = (s.execute(select(func.max(table.id))).scalar() or 0) + 1
        rows = []
        for n, (ident, key) in enumerate(missing.items()):
            known[ident] = next_id + n
            rows.append({"id": next_id + n, **make_row(key)})
        insert_many(s, table.__table__, rows)
        created_kinds.add(kind)
    return {ident[0] if width == 1 else ident: i for ident, i in known.items()}


def _insert_new(s, new_rows, sessions, units, people, unit_name, person_name, now, user, reason,
                progress, cancelled, signing_unit) -> list[int]:
    """Bulk inserts of the new items, their proposers, units, history and search terms."""
    if not new_rows:
        return []
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy's SQLite DateTime stores it
    next_id = (s.execute(select(func.max(Item.id))).scalar() or 0) + 1
    items, links, parts, history, index = [], [], [], [], []
    terms_of: dict[str, str] = {}  # names repeat: their search terms are computed once

    def terms(name: str) -> str:
        found = terms_of.get(name)
        if found is None:
            found = terms_of[name] = search.item_terms("", "", [name], [], "")
        return found

    checklists = checklist.NewChecklists(s)  # as cases.save makes them, in this transaction
    ids = []
    pending, handling = ItemStatus.PENDING.value, ItemStatus.HANDLING.value
    lead_role, co_role = UnitRole.LEAD.value, UnitRole.CO.value
    lead_p, co_p = ProposerRole.LEAD.value, ProposerRole.COSIGNER.value
    for n, r in enumerate(new_rows):
        case = r.case
        item_id = next_id + n
        ids.append(item_id)
        lead_units = [unit_name(u) for u in case.lead_units]
        co_units = [u for u in (unit_name(u) for u in case.co_units) if u not in lead_units]
        lead = person_name(case.lead_proposer) if case.lead_proposer else ""
        cosigners = [p for p in dict.fromkeys(map(person_name, case.cosigners)) if p != lead]
        signers = signing_units(signing_unit, lead_units) if case.signed_on is not None else ()
        signed = case.signed_on.isoformat() if signers else None
        # Signed by a lead unit: no longer 待签收.
        status = handling if signers and set(signers) & set(lead_units) else pending
        items.append((
            item_id, 1, case.kind.value, sessions[case.session], case.number, case.title, case.content,
            case.category, case.raised_at.value, False, False, "", False, status, None,
            case.assigned_on.isoformat() if case.assigned_on else None, lead, NAME_JOINER.join(lead_units),
            NAME_JOINER.join(co_units), stamp, stamp,
        ))
        body = case.kind.body.value
        position = 0
        if lead:
            links.append((item_id, people[(lead, body)], lead_p, 0))
            position = 1
        for p in cosigners:
            links.append((item_id, people[(p, body)], co_p, position))
            position += 1
        for position, name in enumerate(lead_units):
            parts.append((item_id, units[name], lead_role, position, signed if name in signers else None))
        for position, name in enumerate(co_units, len(lead_units)):
            parts.append((item_id, units[name], co_role, position, signed if name in signers else None))
        checklists.add(item_id, checklists.profile(
            case.kind, [(units[u], lead_role) for u in lead_units] + [(units[u], co_role) for u in co_units]))
        history.append((item_id, "item", item_id, "新建", "", f"{case.session} 第{case.number}号 {case.title}",
                        user, stamp, reason))
        index.append({"id": item_id, "terms": " ".join(t for t in (
            search.item_terms(case.number, case.title, [], [], ""),
            *(terms(p) for p in (lead, *cosigners) if p), *(terms(u) for u in (*lead_units, *co_units)),
            search.item_terms("", "", [], [], case.content) if case.content else "",
        ) if t)})
        if progress is not None and n % 1000 == 0:
            progress(n, len(new_rows))
            if cancelled is not None and cancelled():
                raise InterruptedError
    conn = s.connection()
    execute_driver_sql(
        conn, "INSERT INTO item (id, version, kind, session_id, number, title, content, category, raised_at, is_key,"
        " is_leader_handled, leader_name, is_secret, status, result, assigned_on, lead_proposer_name,"
        " lead_unit_names, co_unit_names, created_at, updated_at) VALUES (" + ", ".join("?" * 21) + ")", items)
    if links:
        execute_driver_sql(
            conn, "INSERT INTO item_proposer (item_id, proposer_id, role, position) VALUES (?, ?, ?, ?)", links)
    if parts:
        execute_driver_sql(conn, _ASSIGNMENT_INSERT, [p + _ASSIGNMENT_DEFAULTS for p in parts])
    execute_driver_sql(
        conn, "INSERT INTO history (item_id, entity, entity_id, field, old_value, new_value, changed_by, changed_at,"
        " reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", history)
    search.index_many(s, index)
    checklists.write(s)
    return ids


_ASSIGNMENT_DEFAULT_COLUMNS = [c for c in Assignment.__table__.columns
                               if c.default is not None and c.default.is_scalar]
_ASSIGNMENT_INSERT = (
    "INSERT INTO assignment (item_id, unit_id, role, position, signed_on, "
    + ", ".join(c.name for c in _ASSIGNMENT_DEFAULT_COLUMNS if c.name != "position")
    + ") VALUES (" + ", ".join("?" * (5 + len([c for c in _ASSIGNMENT_DEFAULT_COLUMNS if c.name != "position"]))) + ")"
)
_ASSIGNMENT_DEFAULTS = tuple(c.default.arg for c in _ASSIGNMENT_DEFAULT_COLUMNS if c.name != "position")


def _changed(row: int) -> ConflictError:
    return ConflictError(f"第 {row} 行对应的建议提案在预览之后已被修改（或已新建），没有导入任何数据。请重新预览后再导入。")


def _proposer_names(case: ImportedCase) -> tuple[str, ...]:
    return ((case.lead_proposer,) if case.lead_proposer else ()) + case.cosigners


def _person_type(kind: ItemKind, name: str = "") -> ProposerType:
    if kind is ItemKind.SUGGESTION:
        return ProposerType.DEPUTY
    return collective_type(name) or ProposerType.MEMBER


def _update(s, item: Item, case: ImportedCase, unit_name, person_name, now, user, reason,
            signing_unit: str) -> set[str]:
    """The stored record with the sheet's fields put in, saved like an edit (history included).
    Returns the kinds of reference data the save created (a new unit, a new proposer)."""
    record = case_record(s, item)
    changes = {}
    for key in ("title", "content", "category", "assigned_on"):
        if key in case.present:
            changes[key] = getattr(case, key)
    if "kind" in case.present and case.kind is not None:
        changes["kind"] = case.kind
    if "raised_at" in case.present:
        changes["raised_at"] = case.raised_at
    kind = changes.get("kind", record.kind)
    if {"lead_proposer", "cosigners"} & case.present:
        old_lead = [p for p in record.proposers if p.role is ProposerRole.LEAD]
        old_co = [p for p in record.proposers if p.role is not ProposerRole.LEAD]
        known = {p.name: p for p in record.proposers}

        def link(name, role):
            old = known.get(name)
            return replace(old, role=role) if old else ProposerLink(name, role, _person_type(kind, name))

        lead = ([link(person_name(case.lead_proposer), ProposerRole.LEAD)] if case.lead_proposer else []) \
            if "lead_proposer" in case.present else old_lead
        lead_names = {p.name for p in lead}
        co = [link(person_name(n), ProposerRole.COSIGNER) for n in case.cosigners] \
            if "cosigners" in case.present else old_co
        changes["proposers"] = tuple(lead + [p for p in co if p.name not in lead_names])
    if {"lead_units", "co_units"} & case.present:
        known_units = {a.unit_name: a for a in record.assignments}
        old_leads = [a for a in record.assignments if a.role is not UnitRole.CO]
        old_cos = [a for a in record.assignments if a.role is UnitRole.CO]

        def assignment(name, role):
            old = known_units.get(name)
            if old is None:
                return AssignmentRecord(None, name, role)
            # 分办 stays 分办 when the sheet only says "lead"; a co unit moved to lead changes role.
            keep = old.role if (role is UnitRole.LEAD and old.role is UnitRole.SPLIT) else role
            return replace(old, role=keep)

        leads = [assignment(unit_name(n), UnitRole.LEAD) for n in case.lead_units] \
            if "lead_units" in case.present else old_leads
        lead_names = {a.unit_name for a in leads}
        cos = [assignment(unit_name(n), UnitRole.CO) for n in case.co_units] \
            if "co_units" in case.present else old_cos
        changes["assignments"] = tuple(leads + [a for a in cos if a.unit_name not in lead_names])
    if case.signed_on is not None:
        assignments = changes.get("assignments", record.assignments)
        signers = signing_units(signing_unit, [a.unit_name for a in assignments if a.role is not UnitRole.CO])
        changes["assignments"] = tuple(replace(a, signed_on=case.signed_on) if a.unit_name in signers else a
                                       for a in assignments)
        if record.status is ItemStatus.PENDING and any(a.role is not UnitRole.CO for a in assignments
                                                       if a.unit_name in signers):
            changes["status"] = ItemStatus.HANDLING
    record = replace(record, **changes)
    writer = CaseWriter(s, record, now, user)
    before = deadlines.due_snapshot(s, item.id)
    writer.run()
    deadlines.record_due_moves(s, item.id, before, user, now)
    s.execute(History.__table__.update()
              .where(History.item_id == item.id, History.changed_at == now, History.reason == "")
              .values(reason=reason))
    return writer.created


def insert_many(s, table, rows: list[dict]) -> None:
    """One executemany through the driver, dates formatted as SQLAlchemy's SQLite types store
    them (its per-row processing costs more than the insert at 10,000 rows)."""
    if not rows:
        return
    # Raw SQL skips SQLAlchemy's column defaults ("" for text, 0 …), so they are added here.
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in rows[0] and c.default is not None and c.default.is_scalar}
    names = list(rows[0]) + list(defaults)
    kinds = {c.name: c.type for c in table.columns}
    dates = [i for i, n in enumerate(names) if isinstance(kinds[n], Date) and not isinstance(kinds[n], DateTime)]
    stamps = [i for i, n in enumerate(names) if isinstance(kinds[n], DateTime)]
    params = []
    for row in rows:
        values = [row[n] for n in rows[0]] + list(defaults.values())
        for i in dates:
            values[i] = None if values[i] is None else values[i].isoformat()
        for i in stamps:
            values[i] = None if values[i] is None else values[i].strftime("%Y-%m-%d %H:%M:%S.%f")
        params.append(tuple(values))
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    execute_driver_sql(s.connection(), sql, params)
