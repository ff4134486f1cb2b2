"""Alembic migrations of the database file, configured in code (storage layer).

No ``alembic.ini``: the frozen app ships this folder as data and builds the configuration here.
``HEAD`` is the schema this app writes; a test keeps it equal to the newest revision. Each
migration runs in its own transaction (SQLite DDL is transactional because we issue BEGIN
ourselves), so a failing migration leaves the file at the previous revision.

A schema change: edit ``tables.py``, then
``uv run python -c "from desktop_app.storage.migrations import new_revision as n; n('what', '0002')"``,
review the generated file, raise ``HEAD``, and add a saved database of the released schema to
``tests/fixtures`` (``make_fixtures.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

HEAD = "0010"

#: Tables Alembic must not touch or compare: the FTS5 index and its shadow tables are created by
#: raw SQL in the migrations and have no place in ``tables.py``.
UNMANAGED_PREFIXES = ("item_search",)

_HERE = Path(__file__).resolve().parent


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
    import tempfile

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
