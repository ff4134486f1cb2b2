"""Backups through the SQLite backup API: consistent snapshots, rotation, skipping, restore."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop_app.storage import backup
from desktop_app.storage import tables as t
from desktop_app.storage.backup import (
    BackupError,
    backup_to,
    list_backups,
    needs_daily_backup,
    rotate_backup,
    restore_backup,
)

LAST_DAY = datetime(2024, 6, 3, 9, 0)


def _numbers(path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT number FROM item ORDER BY id")]


def test_backup_holds_committed_data_only_in_one_self_contained_file(opened, tmp_path, item_adder):
    with opened.write() as session:
        item_adder(session, "第1号")
    target = tmp_path / "out" / "copy.sqlite"
    with opened.write() as session:  # a save in progress is not in the snapshot
        item_adder(session, "第2号")
        session.flush()
        backup_to(opened, target)
    assert _numbers(target) == ["第1号"]
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite"]


def test_backup_to_an_unwritable_place_says_so_in_chinese(opened, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="无法备份到"):
        backup_to(opened, blocker / "copy.sqlite")


def test_rotation_keeps_7_daily_4_weekly_12_monthly_over_400_days(tmp_path, monkeypatch):
    # The policy alone: a "backup" here is a tiny file holding the database state, so that 400
    # days stay fast; the backup API itself is tested above and below.
    state = {"value": ""}
    monkeypatch.setattr(backup, "backup_to", lambda _db, target: _write(target, state["value"]))
    backups, db_path = tmp_path / "backups", tmp_path / "cases.db"
    first = LAST_DAY - timedelta(days=399)
    for n in range(400):
        day = first + timedelta(days=n)
        state["value"] = f"{day} start"
        rotate_backup(db_path, backups, day, "start")
        if n >= 397:  # the last three days the user also works until the evening
            state["value"] = f"{day} exit"
            rotate_backup(db_path, backups, day.replace(hour=18), "exit")
        rotate_backup(db_path, backups, day.replace(hour=19), "exit")  # unchanged: skipped
    kept = list_backups(backups, "cases")
    by_kind = {k: [b.taken_at for b in kept if b.kind == k] for k in ("daily", "weekly", "monthly")}
    assert by_kind["monthly"] == [
        datetime(2023 + (m > 12), (m - 1) % 12 + 1, 1, 9, 0) for m in range(7, 19)
    ]
    assert by_kind["weekly"] == [datetime(2024, 5, d, 9) for d in (13, 20, 27)] + [datetime(2024, 6, 3, 9)]
    assert by_kind["daily"] == [datetime(2024, 5, d, 9) for d in (28, 29, 30, 31)] + [
        datetime(2024, 6, d, 18) for d in (1, 2, 3)
    ]
    assert len(kept) == 23
    assert kept[-1].path.read_text() == "2024-06-03 09:00:00 exit"


def _write(target, text):
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)
    return target


def test_rotation_backup_is_skipped_when_nothing_changed(opened, db_path, tmp_path, item_adder):
    backups = tmp_path / "backups"
    with opened.write() as session:
        item_adder(session, "第1号")
    assert rotate_backup(opened, backups, LAST_DAY, "start") is not None
    assert rotate_backup(opened, backups, LAST_DAY + timedelta(hours=9), "exit") is None
    assert rotate_backup(db_path, backups, LAST_DAY + timedelta(days=1), "start") is None
    with opened.write() as session:
        item_adder(session, "第2号")
    made = rotate_backup(opened, backups, LAST_DAY + timedelta(days=1, hours=9), "exit")
    assert made is not None and _numbers(made) == ["第1号", "第2号"]
    assert len(list_backups(backups)) == 2
    # A backup the user asks for is made even when nothing changed.
    assert rotate_backup(opened, backups, LAST_DAY + timedelta(days=2), "manual") is not None


def test_daily_backup_is_due_after_a_day(opened, tmp_path):
    backups = tmp_path / "backups"
    assert needs_daily_backup(backups, LAST_DAY)
    rotate_backup(opened, backups, LAST_DAY, "start")
    assert not needs_daily_backup(backups, LAST_DAY + timedelta(hours=23))
    assert needs_daily_backup(backups, LAST_DAY + timedelta(days=1))


def test_event_backups_are_kept_ten_of_a_kind_and_manual_ones_always(opened, tmp_path):
    backups = tmp_path / "backups"
    for n in range(12):
        rotate_backup(opened, backups, LAST_DAY + timedelta(minutes=n), "import")
        rotate_backup(opened, backups, LAST_DAY + timedelta(minutes=n), "manual")
    kinds = [b.kind for b in list_backups(backups)]
    assert kinds.count("import") == 10 and kinds.count("manual") == 12


def test_restore_brings_the_content_back_and_keeps_the_current_one(opened, db_path, tmp_path, item_adder):
    backups = tmp_path / "backups"
    with opened.write() as session:
        item_adder(session, "第1号")
    chosen = rotate_backup(opened, backups, LAST_DAY, "start")
    with opened.write() as session:
        item_adder(session, "第2号")
    saved = restore_backup(chosen, db_path, backups, LAST_DAY + timedelta(days=1))
    with opened.read() as session:  # the open database sees the restored content
        assert session.scalars(select(t.Item.number)).all() == ["第1号"]
    assert _numbers(saved) == ["第1号", "第2号"]
    assert [b.kind for b in list_backups(backups)] == ["monthly", "restore"]
    with opened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_restore_over_a_damaged_file_keeps_the_damaged_file_aside(opened, db_path, tmp_path, item_adder):
    backups = tmp_path / "backups"
    with opened.write() as session:
        item_adder(session, "第1号")
    chosen = rotate_backup(opened, backups, LAST_DAY, "start")
    opened.close()
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 1000)
    saved = restore_backup(chosen, db_path, backups, LAST_DAY + timedelta(days=1))
    assert saved is not None and saved.name == "cases-20240604-090000-damaged.sqlite"
    assert b"garbage" in saved.read_bytes()
    assert _numbers(db_path) == ["第1号"]


def test_a_damaged_backup_is_not_restored(opened, db_path, tmp_path, item_adder):
    with opened.write() as session:
        item_adder(session, "第1号")
    bad = tmp_path / "backups" / "cases-20240601-090000-daily.sqlite"
    bad.parent.mkdir()
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="无法使用.*请选择另一个备份"):
        restore_backup(bad, db_path, tmp_path / "backups", LAST_DAY)
    assert _numbers(db_path) == ["第1号"]
    assert [b.kind for b in list_backups(tmp_path / "backups")] == ["daily"]


def test_what_an_interrupted_backup_left_is_removed_at_the_next_start(tmp_path):
    import os
    import time

    from desktop_app.storage.backup import LEFTOVER_AGE_SECONDS
    from desktop_app.storage.database import open_database

    db_path, backups = tmp_path / "cases.sqlite", tmp_path / "backups"
    open_database(db_path, backup_dir=backups).close()
    backups.mkdir()
    old = time.time() - LEFTOVER_AGE_SECONDS - 60
    leftovers = [backups / "cases-20240603-093000-daily.sqlite.tmp", backups / "cases-20240603-093000-daily.sqlite.tmp-journal",
                 tmp_path / "cases.sqlite.restore.tmp"]
    running = backups / "cases-20240603-100000-daily.sqlite.tmp"  # another process's backup, still being written
    for path in [*leftovers, running]:
        path.write_bytes(b"\0" * 4096)
    for path in leftovers:
        os.utime(path, (old, old))

    open_database(db_path, backup_dir=backups).close()

    assert [p.exists() for p in leftovers] == [False, False, False]
    assert running.exists()
