"""The database file: engine, pragmas, transactions (storage layer).

MINIMAL PLACEHOLDER written to fix the API; the storage work replaces the internals (migrations,
WAL / network mode, lock file, integrity check) and keeps the public names below.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.storage.tables import Base


class Database:
    """An open database file. ``write()`` is one transaction (BEGIN IMMEDIATE); ``read()`` a
    read-only snapshot. ``read_only`` with ``read_only_reason`` when another user holds it."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.read_only = False
        self.read_only_reason = ""
        self.engine = create_engine(f"sqlite:///{self.path}")

        @event.listens_for(self.engine, "connect")
        def _pragmas(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            dbapi_conn.execute("PRAGMA foreign_keys=ON")

        @event.listens_for(self.engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self.engine.connect() as conn:
            conn.info["write"] = True
            try:
                with Session(bind=conn, expire_on_commit=False) as session:
                    with session.begin():
                        yield session
            finally:
                conn.info.pop("write", None)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and on first use create and migrate) the database at ``path``."""
    db = Database(Path(path))
    Base.metadata.create_all(db.engine)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS item_search USING fts5(terms, tokenize='unicode61')"
        )
    return db
