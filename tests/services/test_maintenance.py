"""MaintenanceService: check, back up (daily rotation, manual, to a file) and restore."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop_app.domain.errors import DatabaseError
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes
from desktop_app.services.maintenance import MaintenanceService
from desktop_app.storage import tables as t
from desktop_app.storage.database import SCHEMA_VERSION


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(fixed_now):
    return Clock(fixed_now)


@pytest.fixture
def service(db, clock, tmp_path):
    ctx = ServiceContext(db=db, user_name=lambda: "测试员", now=clock)
    return MaintenanceService(ctx, tmp_path / "backups")


def _add_item(db, number):
    with db.write() as s:
        if s.get(t.Session, 1) is None:
            s.add(t.Session(id=1, name="区政协二届五次会议", body="cppcc", year=2024))
            s.flush()
        s.add(t.Item(kind="proposal", session_id=1, number=number, title="关于优化公交线路的提案",
                     created_at=datetime(2024, 3, 5), updated_at=datetime(2024, 3, 5)))


def _numbers(db):
    with db.read() as s:
        return s.scalars(select(t.Item.number).order_by(t.Item.id)).all()


def test_check_reports_integrity_version_and_counts(service, db):
    _add_item(db, "第1号")
    _add_item(db, "第2号")
    report = service.check()
    assert report.ok and report.integrity_ok and report.integrity_message == "ok"
    assert report.schema_version == report.app_schema_version == SCHEMA_VERSION
    assert report.counts["item"] == 2 and report.counts["session"] == 1 and report.counts["unit"] == 0


def test_backup_now_writes_into_the_backup_folder_or_a_chosen_file(service, db, tmp_path):
    _add_item(db, "第1号")
    made = service.backup_now()
    stem = "cases" if not db.is_server else db.url.rsplit("/", 1)[-1]
    suffix = ".dump" if db.is_server else ".sqlite"  # a server's: pg_dump, as ``desktop-app backup``
    assert made.parent == tmp_path / "backups" and made.name == f"{stem}-20240603-093000-manual{suffix}"
    chosen = service.backup_now(to=tmp_path / "U盘" / "建议提案备份.sqlite")
    with closing(sqlite3.connect(chosen)) as conn:
        assert conn.execute("SELECT number FROM item").fetchall() == [("第1号",)]
    [info] = service.backups()
    assert info.kind == "manual" and info.kind_label == "手动" and info.size == made.stat().st_size
    assert info.taken_at == datetime(2024, 6, 3, 9, 30)


def test_backup_if_due_runs_once_a_day_at_start_and_at_exit_when_changed(service, db, clock):
    _add_item(db, "第1号")
    assert service.backup_if_due("start") is not None
    clock.now += timedelta(hours=2)
    assert service.backup_if_due("start") is None  # the last one is not a day old
    assert service.backup_if_due("exit") is None  # nothing changed since
    _add_item(db, "第2号")
    assert service.backup_if_due("exit") is not None
    clock.now += timedelta(days=1)
    _add_item(db, "第3号")
    assert service.backup_if_due("start") is not None
    assert [b.taken_at.day for b in service.backups()] == [4, 3, 3]  # newest first


def test_restore_puts_the_backup_back_after_saving_the_current_content(service, db, clock):
    _add_item(db, "第1号")
    chosen = service.backup_now()
    _add_item(db, "第2号")
    clock.now += timedelta(hours=1)
    assert service.restore(chosen) == Changes.of("database")
    assert _numbers(db) == ["第1号"]
    before = [b for b in service.backups() if b.kind == "restore"]
    assert len(before) == 1
    assert _numbers_in(before[0].path) == ["第1号", "第2号"]


def _numbers_in(backup) -> list[str]:
    """The item numbers a backup holds: a database file, or a server's pg_dump file."""
    from desktop_app.storage import pg_tools

    if not pg_tools.is_dump(backup):
        with closing(sqlite3.connect(backup)) as conn:
            return [r[0] for r in conn.execute("SELECT number FROM item ORDER BY id")]
    import subprocess

    sql = subprocess.run([str(pg_tools.require_tool("pg_restore")), "--data-only", "--table", "item", "--file", "-",
                          str(backup)], capture_output=True, text=True, check=True).stdout.splitlines()
    start = next(n for n, line in enumerate(sql) if line.startswith("COPY public.item "))
    columns = [c.strip().strip('"') for c in sql[start].split("(", 1)[1].split(")", 1)[0].split(",")]
    rows = [line.split("\t") for line in sql[start + 1:sql.index("\\.", start)]]
    return [row[columns.index("number")] for row in sorted(rows, key=lambda r: int(r[columns.index("id")]))]


def test_restore_refuses_a_file_that_is_not_a_backup(service, db, tmp_path):
    _add_item(db, "第1号")
    stranger = tmp_path / "notes.sqlite"
    with closing(sqlite3.connect(stranger)) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(DatabaseError, match="不是本程序能恢复的备份"):
        service.restore(stranger)
    assert _numbers(db) == ["第1号"]
