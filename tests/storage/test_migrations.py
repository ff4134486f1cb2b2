"""Migrations: the schema they build equals tables.py, saved databases of every released schema
open and migrate, a backup is taken first, and a failing migration is undone wholly."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from desktop_app.domain.errors import DatabaseError
from desktop_app.storage import database, migrations
from desktop_app.storage import tables as t
from desktop_app.storage.backup import list_backups
from desktop_app.storage.database import SCHEMA_VERSION, open_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HERE = Path(__file__).resolve().parent
RELEASED = sorted(FIXTURES.glob("schema_*.sqlite"))
MIGRATION_DAY = datetime(2024, 6, 3, 9, 30)


def test_app_schema_version_is_the_newest_revision():
    assert migrations.head_revision() == SCHEMA_VERSION


def test_every_released_revision_has_a_saved_database():
    released = {p.stem.removeprefix("schema_") for p in RELEASED}
    assert released == migrations.known_revisions(), (
        "每个迁移版本都要在 tests/fixtures 保存一个数据库：在 make_fixtures.py 加 make_schema_XXXX 并运行它"
    )


def test_migrated_schema_matches_tables_py(opened):
    with opened.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": migrations.include_name, "compare_type": True}
        )
        assert compare_metadata(context, t.Base.metadata) == []
        fts = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'item_search'").scalar()
    assert "fts5" in fts and "unicode61" in fts


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_saved_database_of_a_released_schema_opens_with_its_data(fixture, tmp_path):
    copy = tmp_path / "cases.db"
    shutil.copyfile(fixture, copy)
    old_version = _version_of(copy)
    db = open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: MIGRATION_DAY)
    try:
        assert db.schema_version() == SCHEMA_VERSION
        with db.read() as session:
            item = session.scalars(select(t.Item).where(t.Item.number == "第15号")).one()
            assert item.title == "关于增加城关小学学位供给的建议"
            assert item.assigned_on == date(2024, 3, 1)
            assert item.updated_at == datetime(2024, 5, 20, 16, 45)
            assert item.is_key is True and item.version == 3
            reply = session.scalars(select(t.Reply).where(t.Reply.item_id == item.id)).one()
            assert reply.doc_number == "区教建〔2024〕15号"
            units = session.scalars(select(t.Unit.name).order_by(t.Unit.sort_order)).all()
            assert units == ["区教育局", "区住房和城乡建设局", "区交通运输局"]
            hits = session.execute(
                text("SELECT rowid FROM item_search WHERE item_search MATCH :q"), {"q": '"第15号"'}
            ).scalars().all()
            assert hits == [item.id]
        taken = [b for b in list_backups(tmp_path / "backups") if b.kind == "migration"]
        if old_version == SCHEMA_VERSION:
            assert taken == []
        else:
            assert len(taken) == 1 and _version_of(taken[0].path) == old_version
    finally:
        db.close()


def test_database_behind_the_app_is_backed_up_then_migrated(tmp_path, monkeypatch):
    _add_test_revisions(monkeypatch, "revisions_next", head="t002")
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / "schema_0001.sqlite", copy)
    db = open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: MIGRATION_DAY)
    try:
        assert db.schema_version() == "t002"
        with db.engine.connect() as conn:
            phones = conn.exec_driver_sql("SELECT name, phone FROM unit ORDER BY id").all()
        assert phones[0] == ("区教育局", "")
    finally:
        db.close()
    [backup] = list_backups(tmp_path / "backups", "cases")
    assert backup.kind == "migration" and backup.taken_at == MIGRATION_DAY
    assert _version_of(backup.path) == "0001"
    with closing(sqlite3.connect(backup.path)) as conn:
        assert conn.execute("SELECT count(*) FROM item").fetchone() == (2,)


def test_a_failing_migration_is_undone_and_earlier_ones_are_kept(tmp_path, monkeypatch):
    _add_test_revisions(monkeypatch, "revisions_next", "revisions_broken", head="t003")
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / "schema_0001.sqlite", copy)
    with pytest.raises(DatabaseError, match="数据库升级失败.*已撤销.*升级前的备份在"):
        open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: MIGRATION_DAY)
    assert _version_of(copy) == "t002"  # each migration is its own transaction
    with closing(sqlite3.connect(copy)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        names = [r[0] for r in conn.execute("SELECT name FROM unit ORDER BY id")]
    assert "half_done" not in tables
    assert names == ["区教育局", "区住房和城乡建设局", "区交通运输局"]


def _add_test_revisions(monkeypatch, *folders, head):
    locations = migrations.version_locations() + [HERE / f for f in folders]
    monkeypatch.setattr(migrations, "version_locations", lambda: locations)
    monkeypatch.setattr(database, "SCHEMA_VERSION", head)


def _version_of(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
