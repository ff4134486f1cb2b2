"""Alembic migrations of the database file, configured in code (storage layer).

No ``alembic.ini``: the frozen app ships this folder as data and builds the configuration here.
``HEAD`` is the schema this app writes; a test keeps it equal to the newest revision. Each
migration runs in its own transaction (SQLite DDL is transactional because we issue BEGIN
ourselves), so a failing migration leaves the file at the previous revision.

A schema change: edit ``tables.py``, then
``uv run python -c "from desktop_app.storage.migrations import new_revision as n; n('what', '0002')"``,
review the generated file, raise ``HEAD``, and add a saved database of the released schema to
``tests/fixtures`` (``make_fixtures.py``).

Every revision runs on SQLite and on PostgreSQL (``tests/storage/test_server_schema.py`` upgrades
and downgrades each one on a server). To stay portable a revision must:

- write no SQLite-only SQL: no ``PRAGMA``, ``sqlite_master``, ``INSERT OR …``, ``total()``,
  ``group_concat``, ``julianday``/``strftime``, ``x IS y`` between columns (PostgreSQL: ``IS NOT
  DISTINCT FROM``; branch on ``op.get_bind().dialect.name``), no bare columns beside ``min()``;
- treat booleans as booleans: ``TRUE``/``FALSE``/``NOT done``, ``server_default=sa.false()``,
  never ``= 0`` or ``1`` into a Boolean column;
- keep every constraint and index name within 63 characters (or pass it through
  ``constraint_name``): PostgreSQL refuses longer ones;
- not create a copy of a table whose keys take the old table's key names while the old table
  exists (PostgreSQL names keys per schema): rename the old ones first (see 0005);
- give a partial index both ``sqlite_where=`` and ``postgresql_where=``;
- use ``sa.text`` with ``:named`` parameters, never ``?`` (psycopg) in ``op.execute``;
- leave the SQLite result unchanged when adding a PostgreSQL branch (the saved fixtures compare).

Rows inserted with explicit ids are fine: the id sequences are moved past them after migrating a
server. A new table that belongs to an item needs an ``item_id`` column, so that the server's
per-unit policies (``storage.access``, re-applied after every server migration) filter it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

HEAD = "0015"

#: Tables Alembic must not touch or compare: the FTS5 index and its shadow tables are created by
#: raw SQL in the migrations and have no place in ``tables.py``.
UNMANAGED_PREFIXES = ("item_search",)

_HERE = Path(__file__).resolve().parent


def constraint_name(name: str) -> str:
    """``name`` as the back end of the running migration can hold it: PostgreSQL stops at 63
    characters, and a longer name is cut as SQLAlchemy cuts names of its naming convention (so
    that ``tables.py`` and the migrations agree). SQLite keeps every name whole. Use it for every
    explicit constraint or index name longer than 63 characters in a migration."""
    from alembic import op

    limit = 63
    if len(name) <= limit or op.get_bind().dialect.name == "sqlite":
        return name
    import hashlib

    return name[: limit - 8] + "_" + hashlib.md5(name.encode()).hexdigest()[-4:]


def version_locations() -> list[Path]:
    """Folders holding revisions (tests add one to exercise a migration that is not released)."""
    return [_HERE / "versions"]


def include_name(name, type_, parent_names) -> bool:
    """Alembic ``include_name`` hook: leave the FTS5 tables alone."""
    if type_ == "table" and name is not None:
        return not name.startswith(UNMANAGED_PREFIXES)
    return True


def alembic_config(connection=None):
    """An Alembic ``Config`` without an ini file; ``connection`` is handed to ``env.py``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _escape(str(_HERE)))
    config.set_main_option("path_separator", "os")
    config.set_main_option(
        "version_locations", _escape(os.pathsep.join(str(p) for p in version_locations()))
    )
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision found on disk (normally ``HEAD``)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade(connection, target: str = "head") -> None:
    """Upgrade the database behind ``connection`` (outside any transaction) to ``target``."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)


def new_revision(message: str, rev_id: str) -> None:
    """Autogenerate a revision from the difference between ``tables.py`` and the current head."""
    from alembic import command
    from sqlalchemy import create_engine

    # A bare engine, not ``storage.database.Database``: that module runs these migrations, and a
    # developer's tool must not tie the two into an import cycle.
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'head.db'}")
        try:
            with engine.connect() as conn:
                upgrade(conn)
                command.revision(alembic_config(conn), message=message, autogenerate=True, rev_id=rev_id)
        finally:
            engine.dispose()


def _escape(value: str) -> str:
    # Config values pass through ConfigParser interpolation.
    return value.replace("%", "%%")
