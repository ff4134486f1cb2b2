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
import re
from dataclasses import dataclass
from datetime import date, datetime
from contextlib import contextmanager
from typing import Callable

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.orm import Session

from desktop_app.domain.errors import DatabaseError
from desktop_app.storage.search_index import pg_vector, statements
from desktop_app.storage.tables import Base

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
    from desktop_app.storage.tables import Item, Session, Unit

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
        dst_conn.execute(text(f"DELETE FROM {SEARCH_TABLE}"))
        for table in reversed(tables):
            dst_conn.execute(delete(table))
        for table in tables:
            counts[table.name] = _copy_table(src_conn, dst_conn, table, progress)
        counts[SEARCH_TABLE] = _copy_search(src_conn, dst_conn)
        if dst_conn.dialect.name == "postgresql":
            from desktop_app.storage.server import sync_sequences

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
        from sqlalchemy import create_engine, event

        from desktop_app.storage import migrations

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
        with Session(self.engine) as session:
            yield session

    @contextmanager
    def write(self):
        with Session(self.engine) as session, session.begin():
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


def _search_rows(conn) -> list[tuple[int, str]]:
    """(item id, space-separated terms) of the search index, on either back end."""
    if conn.dialect.name == "postgresql":
        return [(rowid, terms_of_vector(vector)) for rowid, vector in
                conn.execute(text(f"SELECT rowid, terms::text FROM {SEARCH_TABLE} ORDER BY rowid"))]
    return [tuple(r) for r in conn.execute(text(f"SELECT rowid, terms FROM {SEARCH_TABLE} ORDER BY rowid"))]


def _copy_search(src_conn, dst_conn) -> int:
    rows = _search_rows(src_conn)
    insert_sql = statements(dst_conn.dialect.name)["insert"]
    server = dst_conn.dialect.name == "postgresql"
    for start in range(0, len(rows), CHUNK):
        dst_conn.execute(insert_sql, [{"id": i, "terms": pg_vector(t) if server else t}
                                      for i, t in rows[start:start + CHUNK]])
    return len(rows)


_LEXEME = re.compile(r"'((?:[^']|'')*)'(?::([0-9A-D,]+))?")


def terms_of_vector(vector: str) -> str:
    """The terms of a tsvector's text form back in their order (the inverse of ``pg_vector``)."""
    placed: list[tuple[int, str]] = []
    for match in _LEXEME.finditer(vector):
        term = match.group(1).replace("''", "'").replace("\\\\", "\\")
        for position in (match.group(2) or "0").split(","):
            placed.append((int(position.rstrip("ABCD")), term))
    return " ".join(term for _p, term in sorted(placed))


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
    """(rows, checksum) of every table, the search index included (its terms as a list)."""
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
        digest = hashlib.sha256()
        search = _search_rows(conn)
        for rowid, terms in search:
            digest.update(repr((rowid, terms)).encode())
        out[SEARCH_TABLE] = (len(search), digest.hexdigest())
    return out
