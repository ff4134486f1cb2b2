"""Backups of a database on a PostgreSQL server taken by the window's services: 立即备份 and the
automatic (start-up, exit) backups are ``pg_dump`` files, as ``desktop-app backup`` makes them, that
restore to equal records; without pg_dump the manual one says what to install and writes nothing,
the automatic one falls back to a database-file copy and says so; office staff's dumps are whole,
and a unit's staff, who see only their unit's items, are refused instead of getting a partial file."""

from __future__ import annotations

import io
import logging
import os
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop_app.bootstrap import main
from desktop_app.domain.errors import DatabaseError
from desktop_app.services.context import ServiceContext
from desktop_app.services.maintenance import MaintenanceService
from desktop_app.storage import pg_tools
from desktop_app.storage import tables as t
from desktop_app.storage.database import open_database
from tests.conftest import FIXED_NOW, filled_with_demo

HAS_PG_DUMP = pg_tools.find_tool("pg_dump") is not None and pg_tools.find_tool("pg_restore") is not None
needs_pg_dump = pytest.mark.skipif(not HAS_PG_DUMP, reason="这台电脑没有 PostgreSQL 的 pg_dump / pg_restore")


class Clock:
    def __init__(self):
        self.now = FIXED_NOW

    def __call__(self):
        return self.now


def _all_rows(url) -> dict[str, list[tuple]]:
    """Every row of every table of the app, by primary key: what "equal records" means."""
    db = open_database(url)
    try:
        with db.read() as s:
            return {table.name: [tuple(r) for r in s.execute(select(table).order_by(*table.primary_key.columns))]
                    for table in t.Base.metadata.sorted_tables}
    finally:
        db.close()


def _change_everything(url, clock) -> None:
    """What a day's work does: a new unit, an edited item, a deleted reply."""
    db = open_database(url)
    try:
        with db.write() as s:
            s.add(t.Unit(name=f"{clock.now:%m月%d日%H时}新建的单位"))
            item = s.scalars(select(t.Item).order_by(t.Item.id)).first()
            item.title = "备份之后改过的标题"
            item.version += 1
            reply = s.scalars(select(t.Reply)).first()
            if reply is not None:
                s.delete(reply)
    finally:
        db.close()
    clock.now += timedelta(hours=1)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def demo_url(server_url):
    filled_with_demo(server_url, items=15)
    return server_url


@pytest.fixture
def maintenance(demo_url, clock, tmp_path):
    db = open_database(demo_url)
    yield MaintenanceService(ServiceContext(db=db, user_name=lambda: "测试员", now=clock), tmp_path / "backups")
    db.close()


@pytest.fixture
def no_pg_dump(monkeypatch, tmp_path):
    """This computer has no PostgreSQL command-line tools anywhere the app looks."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv(pg_tools.ENV_FOLDER, raising=False)
    monkeypatch.setattr(pg_tools, "_install_patterns", lambda: [])


def _files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@needs_pg_dump
def test_the_manual_backup_on_a_server_is_a_pg_dump_that_restores_to_equal_records(maintenance, demo_url, clock):
    before = _all_rows(demo_url)
    assert maintenance.manual_backup_problem() is None
    made = maintenance.backup_now()
    assert made.name.endswith("-20240603-093000-manual.dump") and pg_tools.is_dump(made)
    [listed] = maintenance.backups()
    assert listed.path == made and listed.kind_label == "手动" and listed.format_label == "pg_dump 备份"

    _change_everything(demo_url, clock)
    assert _all_rows(demo_url) != before
    maintenance.restore(made)
    assert _all_rows(demo_url) == before
    # What was there before the restore was kept, as a dump too, and the list shows both.
    kinds = {(b.kind, b.format_label) for b in maintenance.backups()}
    assert kinds == {("manual", "pg_dump 备份"), ("restore", "pg_dump 备份")}


@needs_pg_dump
def test_the_daily_backup_on_a_server_is_a_pg_dump_rotated_like_the_others(maintenance, demo_url, clock):
    first = maintenance.backup_if_due("start")
    assert first is not None and first.name.endswith("-monthly.dump") and pg_tools.is_dump(first)
    before = _all_rows(demo_url)
    clock.now += timedelta(hours=2)
    assert maintenance.backup_if_due("start") is None  # the last one is not a day old
    assert maintenance.backup_if_due("exit") is None  # nothing changed since: no second file

    _change_everything(demo_url, clock)
    changed = _all_rows(demo_url)
    daily = maintenance.backup_if_due("exit")
    assert daily is not None and daily.name.endswith("-daily.dump")
    maintenance.restore(first)
    assert _all_rows(demo_url) == before
    restore_dumps = [b.path for b in maintenance.backups() if b.kind == "restore"]
    maintenance.restore(daily)
    assert _all_rows(demo_url) == changed

    # Ten more days of work: the daily dumps are pruned to the last seven days, as the copies are.
    for _day in range(10):
        clock.now += timedelta(days=1)
        _change_everything(demo_url, clock)
        assert maintenance.backup_if_due("start") is not None
    kept = maintenance.backups()
    assert all(b.is_dump for b in kept)
    assert len([b for b in kept if b.kind == "daily"]) == 7
    assert first in [b.path for b in kept]  # the month's first stays
    assert set(restore_dumps) <= {b.path for b in kept}
    assert not [p for p in (maintenance.backup_dir.iterdir()) if p.name.endswith(".tmp")]


def test_without_pg_dump_the_manual_backup_says_what_to_install_and_writes_nothing(maintenance, demo_url,
                                                                                   no_pg_dump, caplog):
    problem = maintenance.manual_backup_problem()
    assert problem is not None
    assert "找不到 PostgreSQL 的 pg_dump" in problem and "Command Line Tools" in problem and "PATH" in problem
    with pytest.raises(pg_tools.ToolMissing, match="找不到 PostgreSQL 的 pg_dump"):
        maintenance.backup_now()
    assert _files(maintenance.backup_dir) == []

    # What the window offers instead: the whole database as a database file (a checked copy).
    copy = maintenance.backup_now(as_sqlite=True)
    assert copy.name.endswith("-manual.sqlite") and not pg_tools.is_dump(copy)
    assert _all_rows(copy) == _all_rows(demo_url)

    # Nobody is there to choose at start-up: the automatic backup is the copy, and says so.
    with caplog.at_level(logging.WARNING):
        automatic = maintenance.backup_if_due("start")
    assert automatic is not None and automatic.suffix == ".sqlite" and _all_rows(automatic) == _all_rows(demo_url)
    assert "pg_dump" in maintenance.backup_note and "本地数据库文件" in maintenance.backup_note
    assert any("pg_dump" in r.getMessage() for r in caplog.records)
    assert [b.format_label for b in maintenance.backups()] == ["数据库文件", "数据库文件"]


# ---- office and unit staff (roles made by ``server init`` / ``add-user``) ----------------------------

@pytest.fixture
def staff(demo_url, request, capsys):
    """``server init`` on the demo database, an office user and a unit user; returns their URLs."""
    pg_server = request.getfixturevalue("pg_server")  # after demo_url: skipped without a server
    assert main(["server", "init", "--db", demo_url]) == 0
    suffix = os.getpid()
    names = {"office": f"h20bk_office_{suffix}", "unit": f"h20bk_unit_{suffix}"}
    db = open_database(demo_url)
    try:
        with db.read() as s:
            unit = s.scalar(select(t.Unit.name).join(t.Assignment, t.Assignment.unit_id == t.Unit.id).limit(1))
    finally:
        db.close()
    for who, option in (("office", ["--office"]), ("unit", ["--unit", unit])):
        old, sys.stdin = sys.stdin, io.StringIO("secret-pw\n")
        try:
            assert main(["server", "add-user", names[who], *option, "--password-stdin", "--db", demo_url]) == 0
        finally:
            sys.stdin = old
    capsys.readouterr()
    url = make_url(demo_url)
    yield {who: url.set(username=name, password="secret-pw").render_as_string(hide_password=False)
           for who, name in names.items()}
    for name in names.values():
        try:
            pg_server.execute(f'DROP ROLE IF EXISTS "{name}"')
        except Exception:  # noqa: BLE001 - still a member somewhere: left for the server's owner
            pass


def _service(url, clock, folder):
    db = open_database(url)
    return MaintenanceService(ServiceContext(db=db, user_name=lambda: "测试员", now=clock), folder)


@needs_pg_dump
def test_office_staff_dump_the_whole_database_but_leave_restoring_a_dump_to_the_owner(staff, demo_url, clock,
                                                                                     tmp_path):
    admin = _service(demo_url, clock, tmp_path / "admin")
    office = _service(staff["office"], clock, tmp_path / "office")
    try:
        whole = admin.backup_now()
        theirs = office.backup_now()
        # Without row-level security switched on, pg_dump refuses office staff; with it, their
        # policies show them every row: the same dump as the owner's.
        assert pg_tools.same_dump_content(whole, theirs)
        before = _all_rows(demo_url)
        with pytest.raises(DatabaseError, match="信息管理员"):
            office.restore(theirs)
        assert _all_rows(demo_url) == before and [b.kind for b in office.backups()] == ["manual"]
        # A database-file copy they may restore: it replaces the records, not the tables.
        copy = office.backup_now(as_sqlite=True)
        _change_everything(demo_url, clock)
        office.restore(copy)
        assert _all_rows(demo_url) == before
    finally:
        admin.ctx.db.close()
        office.ctx.db.close()


@needs_pg_dump
def test_unit_staff_are_told_who_can_back_up_and_get_no_partial_file(staff, demo_url, clock, tmp_path, capsys):
    unit = _service(staff["unit"], clock, tmp_path / "unit")
    try:
        for attempt in (unit.backup_now, lambda: unit.backup_now(as_sqlite=True),
                        lambda: unit.backup_now(to=tmp_path / "unit" / "副本.sqlite")):
            with pytest.raises(DatabaseError, match="只能看到交办给本单位的件") as refused:
                attempt()
            assert "办公室或信息管理员" in str(refused.value)
        assert unit.backup_if_due("start") is None and "只能看到交办给本单位的件" in unit.backup_note
        with pytest.raises(DatabaseError, match="不能从备份恢复"):
            unit.restore(tmp_path / "whatever.dump")
        assert _files(tmp_path / "unit") == []
    finally:
        unit.ctx.db.close()
    # The command says the same.
    assert main(["backup", "--db", staff["unit"], "--to", str(tmp_path / "unit" / "x.dump")]) == 1
    assert "只能看到交办给本单位的件" in capsys.readouterr().err
    assert _files(tmp_path / "unit") == []


@needs_pg_dump
def test_a_pg_dump_that_fails_halfway_leaves_nothing_behind(staff, clock, tmp_path, monkeypatch):
    """Were the unit's account let through, pg_dump itself stops at the first table it may not read
    whole: the message says whose account to use, and no file (nor a temporary one) is left."""
    unit = _service(staff["unit"], clock, tmp_path / "unit")
    monkeypatch.setattr(pg_tools, "whole_access", lambda db: pg_tools.OWNER)
    try:
        with pytest.raises(DatabaseError, match="办公室或信息管理员的账号") as failed:
            unit.backup_now()
        assert "pg_dump" in str(failed.value)
        assert _files(tmp_path / "unit") == []
    finally:
        unit.ctx.db.close()
