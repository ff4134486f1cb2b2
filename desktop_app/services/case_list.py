"""Reading the whole case list fast: 100,000 rows in about half a second (services layer).

Plain SQL on a DB-API connection, like ``deadline_reads``: the service passes the connection of its
session (``read_rows``), and the window's start-up passes a read-only ``sqlite3`` connection
(``read_rows_from``) to show the first screen of rows before SQLAlchemy is even imported. So this
module imports no SQLAlchemy. The ``item`` table carries the list's names (领衔代表, 主办/会办单位)
denormalised. To spare the per-value cost of text columns, the enum codes and flags of a row come
back packed into one small integer computed by SQLite and are decoded through a table; the unit
ids of a row are derived from its unit names (kept current on every save and rename), falling back
to the assignment table when a name is unknown.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from datetime import date
from itertools import product
from typing import TYPE_CHECKING, Iterable

from desktop_app.domain.enums import (
    ItemKind,
    ItemStatus,
    RaisedAt,
    ResultCategory,
    UnitRole,
)
from desktop_app.services.dto import CaseRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as OrmSession

NAME_JOINER = "、"
OUR_UNIT_KEY = "our_unit_id"  # the key services.lookup writes (a test keeps them equal)
_KINDS = tuple(ItemKind)
_RAISED = tuple(RaisedAt)
_STATUSES = tuple(ItemStatus)
_RESULTS = (None, *ResultCategory)


def _index(column: str, members) -> str:
    """SQL: the position of the column's code among ``members`` (0 for an unknown code or NULL)."""
    whens = " ".join(f"WHEN '{m.value}' THEN {i}" for i, m in enumerate(members) if m is not None)
    return f"(CASE {column} {whens} ELSE 0 END)"


_FLAGS = ("(CAST(is_key AS INTEGER) + 2 * CAST(is_leader_handled AS INTEGER)"
          " + 4 * CAST(is_secret AS INTEGER))")
_PACKED = (f"{_index('kind', _KINDS)} + 2 * ({_index('raised_at', _RAISED)} + 2 * ({_FLAGS} + 8 * "
           f"({_index('status', _STATUSES)} + {len(_STATUSES)} * {_index('result', _RESULTS)})))")
_NAMES = ("id, session_id, number, title, lead_proposer_name, lead_unit_names, co_unit_names, assigned_on, "
          "packed, category, version")
_ITEM_COLUMNS = f"SELECT {_NAMES.replace('packed', _PACKED + ' AS packed')} FROM item"
# The same columns of every item as JSON arrays, in id order (an aggregate keeps the order of a
# subquery with ORDER BY and LIMIT: SQLite does not flatten it into the aggregate), a chunk at a
# time: the rows of one chunk are alive at a time while they are parsed.
JSON_CHUNK_ROWS = 20_000
_ITEMS_AS_JSON = (f"SELECT json_group_array(json_array({_NAMES})), max(id) FROM "
                  f"({_ITEM_COLUMNS} WHERE id > ? ORDER BY id LIMIT {JSON_CHUNK_ROWS})")


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
    """The list's rows in id order (``limit``: the first ones; ``ids``: only those items), read in
    the transaction of the session ``s``."""
    # Imported here: start-up reads the first screen through ``read_rows_from`` before SQLAlchemy
    # loads (storage.server brings it), which is what makes the rows appear within 0.3 s.
    from desktop_app.storage.server import driver_connection

    return read_rows_from(driver_connection(s), limit, ids)


def every_item_as_json(conn) -> list[str]:
    """The item columns of every row as JSON texts (arrays of ``JSON_CHUNK_ROWS`` rows), for
    ``read_rows_from(items=...)`` once parsed: each built by SQLite in one step, during which
    Python's lock is free. Start-up reads them on another thread while the main thread imports the
    database layer; a row-by-row read there would wait for the lock at every row."""
    chunks, last = [], -(2**63)
    while True:
        text, last = conn.execute(_ITEMS_AS_JSON, (last,)).fetchone()
        if last is None:
            return chunks
        chunks.append(text)


def read_rows_from(conn, limit: int | None = None, ids=None, items: Iterable | None = None) -> list[CaseRow]:
    """``read_rows`` on a DB-API connection (the caller holds the transaction, if any). ``items``:
    the item columns of every row, already read (``every_item_as_json``, parsed)."""
    # 100,000 new objects would trigger dozens of cyclic-GC passes over everything alive (and
    # each pass grows with the lists already held); none of these objects form cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_rows(conn, limit, None if ids is None else sorted(int(i) for i in ids), items)
    finally:
        if was_enabled:
            gc.enable()


def _read_rows(conn, limit: int | None, ids: list[int] | None, items: Iterable | None) -> list[CaseRow]:
    # Only integers (ids, limit) are put into the SQL text.
    if ids is not None:
        subset = "{} IN (" + ",".join(map(str, ids)) + ")"
    elif limit is not None:
        subset = "{} IN (SELECT id FROM item ORDER BY id LIMIT %d)" % int(limit)
    else:
        subset = ""

    def where(column: str, *conditions: str) -> str:
        """A WHERE clause limiting ``column`` (an item id) to the rows asked for, and ``conditions``."""
        every = ([subset.format(column)] if subset else []) + list(conditions)
        return " WHERE " + " AND ".join(every) if every else ""

    sessions = dict(_rows(conn, "SELECT id, name FROM session"))
    unit_ids = dict(_rows(conn, "SELECT name, id FROM unit"))
    our = _our_unit(conn)
    roles: dict[int, UnitRole] = {}
    if our is not None:
        by_code = {m.value: m for m in UnitRole}
        ours = "SELECT item_id, role FROM assignment" + where("item_id", f"unit_id = {our}")
        for item_id, role in _rows(conn, ours):
            roles[item_id] = by_code.get(role)
    # Dates come back as their stored text and are parsed once per distinct day: thousands of
    # rows share a 交办日期, and a dict lookup is cheaper than parsing each.
    days: dict[str | None, date | None] = {None: None}

    def day(text):
        found = days.get(text, days)
        if found is days:
            found = days[text] = date.fromisoformat(text)
        return found

    # The latest reply date of each item: one pass over the table in its own order is cheaper
    # than SQL's GROUP BY, which visits the rows in item order through the index.
    latest: dict[int, str] = {}
    get_latest = latest.get
    replies = "SELECT item_id, replied_on FROM reply" + where("item_id", "replied_on IS NOT NULL")
    for item_id, text in _rows(conn, replies):
        if text > get_latest(item_id, ""):
            latest[item_id] = text
    replied = {item_id: day(text) for item_id, text in latest.items()}
    statement = _ITEM_COLUMNS + (where("id") if ids is not None else "") + " ORDER BY id"
    if limit is not None:
        statement += f" LIMIT {int(limit)}"

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
    if items is None:
        items = _rows(conn, statement)
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
        rows = _with_assigned_units(conn, rows, where("item_id"))
    return rows


def _rows(conn, sql: str, batch: int = 5000):
    """The rows of ``sql`` as plain driver tuples, in batches: only a few thousand result tuples
    are alive at a time."""
    cursor = conn.cursor()
    try:
        cursor.execute(sql)
        while chunk := cursor.fetchmany(batch):
            yield from chunk
    finally:
        cursor.close()


def _our_unit(conn) -> int | None:
    found = list(_rows(conn, f"SELECT value FROM setting WHERE key = '{OUR_UNIT_KEY}'"))
    value = (found[0][0] or "").strip() if found else ""
    return int(value) if value.isdigit() else None


def _with_assigned_units(conn, rows: list[CaseRow], where: str) -> list[CaseRow]:
    """Unit ids from the assignment table, for rows whose names did not all resolve."""
    stale = {r.id for r in rows if r.unit_ids is None}
    found: dict[int, set[int]] = {}
    for item_id, unit_id in _rows(conn, "SELECT item_id, unit_id FROM assignment" + where):
        if item_id in stale:
            found.setdefault(item_id, set()).add(unit_id)
    return [
        replace(r, unit_ids=frozenset(found.get(r.id, ()))) if r.unit_ids is None else r for r in rows
    ]
