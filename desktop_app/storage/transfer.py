"""Copying every record between two databases of this app's schema, and proving the copy equal
(storage layer).

``desktop-app server migrate`` moves a local file to a server and back with it; a server's backup
is such a copy in a SQLite file, so that backups, their list and ``restore`` work alike on both back
ends. Both databases are at the app's schema (``open_database`` migrates them first). Every table of
``tables.py`` is copied in foreign-key order, in chunks, through SQLAlchemy's types (dates stay
dates whichever way they are stored); the search index is carried over term by term. The copy is
one transaction on the target: a failure leaves the target as it was.

``table_fingerprints`` gives (rows, SHA-256 of the rows in primary-key order, values normalised)
per table; a copy is verified when both sides give the same fingerprints.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

from sqlalchemy import Table, create_engine, delete, event, func, insert, select, text
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.errors import DatabaseError
from desktop_app.domain.search import search_terms
from desktop_app.storage import migrations
from desktop_app.storage.search_index import statements, stored_terms
from desktop_app.storage.server import sync_sequences
from desktop_app.storage.tables import Base, Item, Session, Unit

CHUNK = 2000
SEARCH_TABLE = "item_search"


@dataclass(frozen=True)
class TransferReport:
    counts: dict[str, int]  # table -> rows copied
    fingerprints: dict[str, tuple[int, str]]  # table -> (rows, checksum), equal on both sides

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def data_tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


def has_records(db) -> bool:
    """True when ``db`` holds any item, unit or 届次 (an empty target may be overwritten)."""
    with db.read() as s:
        return any(s.scalar(select(func.count()).select_from(t)) for t in (Item, Unit, Session))


def copy_database(source, target, *, replace: bool = False,
                  progress: Callable[[str, int], None] | None = None) -> TransferReport:
    """Copy every record of ``source`` into ``target`` (two open ``Database``-likes at the app's
    schema) and verify counts and checksums. ``target`` must hold no records unless ``replace``
    (then its records are deleted first, in the same transaction). Raises ``DatabaseError`` in
    Chinese when the target is not empty, the schemas differ, or the verification fails."""
    if source.schema_version() != target.schema_version():
        raise DatabaseError(
            f"两个数据库的结构版本不同（{source.schema_version()} 与 {target.schema_version()}），不能复制。"
            "请先用本程序分别打开一次，使两者都升级到当前版本。")
    if not replace and has_records(target):
        raise DatabaseError(f"目标数据库 {target.name} 里已有数据。为免覆盖，只能迁移到空数据库；"
                            "确需覆盖时请加 --replace。")
    tables = data_tables()
    counts: dict[str, int] = {}
    with source.read() as src, target.write() as dst:
        src_conn, dst_conn = src.connection(), dst.connection()
        _clear_search(dst_conn)
        for table in reversed(tables):
            dst_conn.execute(delete(table))
        for table in tables:
            counts[table.name] = _copy_table(src_conn, dst_conn, table, progress)
        counts[SEARCH_TABLE] = _copy_search(dst_conn)
        if dst_conn.dialect.name == "postgresql":
            sync_sequences(dst_conn)
    before, after = table_fingerprints(source), table_fingerprints(target)
    wrong = [name for name in before if before[name] != after.get(name)]
    if wrong:
        raise DatabaseError(f"复制后核对不符：{'、'.join(wrong)} 表的行数或校验和与原数据库不同。"
                            "请把日志发给技术支持；原数据库没有被改动。")
    return TransferReport(counts, after)


class _NewFile:
    """A new SQLite file built by the migrations, as a copy's target (without ``database.py``,
    which itself uses the backups made through here)."""

    def __init__(self, path):
        self.name = str(path)
        self.engine = create_engine(f"sqlite:///{path}")

        @event.listens_for(self.engine, "connect")
        def _pragmas(dbapi_conn, _record):
            dbapi_conn.execute("PRAGMA foreign_keys=ON")

        with self.engine.connect() as conn:
            migrations.upgrade(conn)
            conn.commit()

    def schema_version(self):
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    @contextmanager
    def read(self):
        with OrmSession(self.engine) as session:
            yield session

    @contextmanager
    def write(self):
        with OrmSession(self.engine) as session, session.begin():
            yield session

    def close(self):
        self.engine.dispose()


def copy_to_new_file(source, path) -> TransferReport:
    """Every record of ``source`` into a new SQLite file at ``path`` (a server's backup)."""
    target = _NewFile(path)
    try:
        return copy_database(source, target)
    finally:
        target.close()


def _copy_table(src_conn, dst_conn, table: Table, progress) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    result = src_conn.execution_options(stream_results=True).execute(select(table).order_by(*order))
    copied = 0
    while rows := result.fetchmany(CHUNK):
        dst_conn.execute(insert(table), [dict(r._mapping) for r in rows])
        copied += len(rows)
        if progress is not None:
            progress(table.name, copied)
    return copied


def _indexed_terms(conn) -> list[tuple[int, str]]:
    """(item id, terms) of every item, made from its records as the services index them (编号, 标题,
    代表, 单位, 内容). The index is rebuilt from the copied records rather than read: SQLite's is
    contentless (it cannot give its terms back) and both sides then agree by construction."""
    names: dict[int, tuple[list, list]] = {}
    for item_id, name in conn.execute(text(
            "SELECT ip.item_id, p.name FROM item_proposer ip JOIN proposer p ON p.id = ip.proposer_id"
            " ORDER BY ip.item_id, ip.position, ip.id")):
        names.setdefault(item_id, ([], []))[0].append(name)
    for item_id, name in conn.execute(text(
            "SELECT a.item_id, u.name FROM assignment a JOIN unit u ON u.id = a.unit_id"
            " ORDER BY a.item_id, a.position, a.id")):
        names.setdefault(item_id, ([], []))[1].append(name)
    return [(item_id, search_terms(number, title, *names.get(item_id, ([], []))[0],
                                   *names.get(item_id, ([], []))[1], content))
            for item_id, number, title, content in conn.execute(
                text("SELECT id, number, title, content FROM item ORDER BY id"))]


def _clear_search(conn) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"DELETE FROM {SEARCH_TABLE}"))
    else:  # a contentless FTS5 table is emptied by its own command; the generations start afresh
        conn.execute(text(f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('delete-all')"))
        conn.execute(text("DELETE FROM item_search_gen"))


def _copy_search(dst_conn) -> int:
    """Index every item copied into ``dst_conn``."""
    rows = _indexed_terms(dst_conn)
    dialect = dst_conn.dialect.name
    insert_sql = statements(dialect)["insert"]
    for start in range(0, len(rows), CHUNK):
        dst_conn.execute(insert_sql, [{"id": i, "terms": stored_terms(dialect, t)} for i, t in rows[start:start + CHUNK]])
    return len(rows)


def _plain(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def table_fingerprints(db) -> dict[str, tuple[int, str]]:
    """(rows, checksum) of every table (the search index is rebuilt from them, not compared)."""
    out: dict[str, tuple[int, str]] = {}
    with db.read() as s:
        conn = s.connection()
        for table in data_tables():
            order = list(table.primary_key.columns) or list(table.columns)
            digest = hashlib.sha256()
            rows = 0
            result = conn.execution_options(stream_results=True).execute(select(table).order_by(*order))
            while chunk := result.fetchmany(CHUNK):
                for row in chunk:
                    digest.update(repr(tuple(_plain(v) for v in row)).encode())
                    rows += 1
            out[table.name] = (rows, digest.hexdigest())
    return out
