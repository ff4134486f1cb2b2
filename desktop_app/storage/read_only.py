"""A read-only ``sqlite3`` connection to a database file of this app's schema (storage layer).

For quick reads that must not wait for SQLAlchemy (half a second of imports) nor for the checks of
``open_database``: ``desktop-app due`` and the window's first screen of rows. A file of any other
schema (older: to be migrated first; newer: refused) gives None, and the caller goes the usual way
through ``open_database``. Imports the standard library only (``storage.migrations``, for ``HEAD``,
loads no more).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.storage.migrations import HEAD


def open_read_only(path: Path, *, any_thread: bool = False) -> sqlite3.Connection | None:
    """A read-only connection to ``path`` when it holds this app's current schema, else None (also
    when the file cannot be read). ``any_thread``: the connection may be used from another thread
    than the one that opened it (one thread at a time)."""
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True, timeout=5,
                               isolation_level=None, check_same_thread=not any_thread)
    except sqlite3.Error:
        return None
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        version = None
    if version is None or version[0] != HEAD:
        conn.close()
        return None
    return conn
