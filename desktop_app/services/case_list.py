"""Reading the whole case list fast: 100,000 rows in a few hundred milliseconds (services layer).

Plain Core queries over the ``item`` table, which carries the list's names (领衔代表, 主办/会办单位)
denormalised. To spare the per-value cost of text columns, the enum codes and flags of a row come
back packed into one small integer computed by SQLite and are decoded through a table; the unit
ids of a row are derived from its unit names (kept current on every save and rename), falling back
to the assignment table when a name is unknown.
"""

from __future__ import annotations

import gc
from datetime import date
from itertools import product

from sqlalchemy import Integer, String, case, func, select, type_coerce
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.enums import (
    ItemKind,
    ItemStatus,
    RaisedAt,
    ResultCategory,
    UnitRole,
)
from desktop_app.services.dto import CaseRow
from desktop_app.services.lookup import our_unit_id
from desktop_app.storage.tables import Assignment, Item, Reply, Session, Unit

NAME_JOINER = "、"
_KINDS = tuple(ItemKind)
_RAISED = tuple(RaisedAt)
_STATUSES = tuple(ItemStatus)
_RESULTS = (None, *ResultCategory)


def _index(column, members):
    """SQL: the position of the column's code among ``members`` (0 for an unknown code)."""
    whens = [(column == m.value, i) for i, m in enumerate(members) if m is not None]
    if members[0] is None:
        return case(*whens, else_=0)
    return case(*whens[1:], else_=0)


def _packed():
    def flag(column):
        return type_coerce(column, Integer)

    flags = flag(Item.is_key) + 2 * flag(Item.is_leader_handled) + 4 * flag(Item.is_secret)
    return _index(Item.kind, _KINDS) + 2 * (
        _index(Item.raised_at, _RAISED) + 2 * (
            flags + 8 * (_index(Item.status, _STATUSES) + len(_STATUSES) * _index(Item.result, _RESULTS))
        )
    )


def _decode_table() -> list[tuple]:
    """packed integer → (kind, raised_at, is_key, is_leader_handled, is_secret, status, result)."""
    table: list[tuple] = [()] * (2 * 2 * 8 * len(_STATUSES) * len(_RESULTS))
    for r, s, flags, ra, k in product(range(len(_RESULTS)), range(len(_STATUSES)), range(8),
                                      range(2), range(2)):
        packed = k + 2 * (ra + 2 * (flags + 8 * (s + len(_STATUSES) * r)))
        table[packed] = (_KINDS[k], _RAISED[ra], bool(flags & 1), bool(flags & 2), bool(flags & 4),
                         _STATUSES[s], _RESULTS[r])
    return table


_DECODE = _decode_table()


def read_rows(s: OrmSession, limit: int | None = None, ids=None) -> list[CaseRow]:
    """The list's rows in id order (``limit``: the first ones; ``ids``: only those items)."""
    # 100,000 new objects would trigger dozens of cyclic-GC passes over everything alive (and
    # each pass grows with the lists already held); none of these objects form cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_rows(s, limit, None if ids is None else sorted(int(i) for i in ids))
    finally:
        if was_enabled:
            gc.enable()


def _read_rows(s: OrmSession, limit: int | None, ids: list[int] | None) -> list[CaseRow]:
    conn = s.connection()
    our = our_unit_id(s)
    sessions = dict(conn.execute(select(Session.id, Session.name)).all())
    unit_ids = dict(conn.execute(select(Unit.name, Unit.id)).all())
    roles: dict[int, UnitRole] = {}
    if our is not None:
        by_code = {m.value: m for m in UnitRole}
        ours = select(Assignment.item_id, Assignment.role).where(Assignment.unit_id == our)
        if ids is not None:
            ours = ours.where(Assignment.item_id.in_(ids))
        for item_id, role in conn.execute(ours):
            roles[item_id] = by_code.get(role)
    # Dates come back as their stored text and are parsed once per distinct day: thousands of
    # rows share a 交办日期, and a dict lookup is cheaper than parsing each.
    days: dict[str | None, date | None] = {None: None}

    def day(text):
        found = days.get(text, days)
        if found is days:
            found = days[text] = date.fromisoformat(text)
        return found

    latest_replies = (
        select(Reply.item_id, type_coerce(func.max(Reply.replied_on), String))
        .where(Reply.replied_on.is_not(None))
        .group_by(Reply.item_id)
    )
    item_columns = select(
        Item.id, Item.session_id, Item.number, Item.title, Item.lead_proposer_name,
        Item.lead_unit_names, Item.co_unit_names, type_coerce(Item.assigned_on, String), _packed(),
        Item.category, Item.version,
    ).order_by(Item.id)
    if ids is not None:
        item_columns = item_columns.where(Item.id.in_(ids))
        latest_replies = latest_replies.where(Reply.item_id.in_(ids))
    if limit is not None:
        item_columns = item_columns.limit(limit)
        first_ids = select(Item.id).order_by(Item.id).limit(limit)
        latest_replies = latest_replies.where(Reply.item_id.in_(first_ids))
    replied: dict[int, date] = {item_id: day(text) for item_id, text in _raw_rows(conn, latest_replies)}
    items = _raw_rows(conn, item_columns)

    # Unit names repeat across thousands of rows: one cache entry per distinct pair holds the
    # shared name strings and their unit ids (None when a name is unknown).
    unit_sets: dict[tuple[str, str], tuple[str, str, frozenset[int] | None]] = {}
    unknown = False

    def units_of(lead: str, co: str):
        nonlocal unknown
        names = [n for n in (lead + NAME_JOINER + co).split(NAME_JOINER) if n]
        ids = [unit_ids.get(n) for n in names]
        if None in ids:
            unknown = True
        found = unit_sets[(lead, co)] = (lead, co, None if None in ids else frozenset(ids))
        return found

    shared: dict[str, str] = {}
    intern = shared.setdefault
    decode, get_role, get_replied, get_session = _DECODE, roles.get, replied.get, sessions.get
    get_units = unit_sets.get
    rows: list[CaseRow] = []
    append = rows.append
    for item_id, session_id, number, title, lead_p, lead_u, co_u, assigned, packed, category, version in items:
        kind, raised_at, is_key, is_leader, is_secret, status, result = decode[packed]
        lead_u, co_u, unit_set = get_units((lead_u, co_u)) or units_of(lead_u, co_u)
        append(CaseRow(
            item_id, session_id, get_session(session_id, ""), number, kind, title, intern(lead_p, lead_p),
            lead_u, co_u, get_role(item_id), day(assigned), status, result,
            is_key, is_leader, is_secret, raised_at, intern(category, category),
            unit_set, get_replied(item_id), version,
        ))
    if unknown:
        rows = _with_assigned_units(conn, rows, ids)
    return rows


def _raw_rows(conn, statement, batch: int = 5000):
    """The rows of a Core ``statement`` as plain tuples from the driver, in batches.

    SQLAlchemy's per-row result handling costs more than SQLite's own work at 100,000 rows, and
    batches keep only a few thousand result tuples alive at a time. The statement has no user
    input: its constants are rendered inline."""
    sql = str(statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        while chunk := cursor.fetchmany(batch):
            yield from chunk
    finally:
        cursor.close()


def _with_assigned_units(conn, rows: list[CaseRow], ids: list[int] | None = None) -> list[CaseRow]:
    """Unit ids from the assignment table, for rows whose names did not all resolve."""
    from dataclasses import replace

    stale = {r.id for r in rows if r.unit_ids is None}
    found: dict[int, set[int]] = {}
    assigned = select(Assignment.item_id, Assignment.unit_id)
    if ids is not None:
        assigned = assigned.where(Assignment.item_id.in_(ids))
    for item_id, unit_id in conn.execute(assigned):
        if item_id in stale:
            found.setdefault(item_id, set()).add(unit_id)
    return [
        replace(r, unit_ids=frozenset(found.get(r.id, ()))) if r.unit_ids is None else r for r in rows
    ]

