"""A full disk is said in Chinese — which disk, and that nothing saved before was lost — when
saving, backing up, exporting and importing from the command line (simulated: SQLite's
SQLITE_FULL and the system's ENOSPC raised where the disk would fill up)."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop_app.domain.disk import DiskFullError
from desktop_app.storage.tables import Unit

FULL = "磁盘已满：.*所在的磁盘（.*）没有剩余空间.*之前保存的数据完好，没有丢失。请在该磁盘上删除不需要的文件"


_real_flush = Session.flush


def full_flush(self, *args, **kwargs):
    """The disk fills up at the first insert of a write."""
    if self.new:
        raise OperationalError("INSERT INTO unit", {}, sqlite3.OperationalError("database or disk is full"))
    return _real_flush(self, *args, **kwargs)


@pytest.mark.sqlite_only("a full disk is the server's to report: the app only sees a failed commit")
def test_a_save_on_a_full_disk_says_so_and_keeps_what_was_saved(db, monkeypatch):
    with db.write() as s:
        s.add(Unit(name="区交通委"))
    monkeypatch.setattr(Session, "flush", full_flush)

    with pytest.raises(DiskFullError, match=FULL):
        with db.write() as s:
            s.add(Unit(name="区水务局"))

    monkeypatch.undo()
    with db.read() as s:
        assert s.execute(select(Unit.name)).scalars().all() == ["区交通委"]


@pytest.mark.sqlite_only("the SQLite online backup API writing onto a full disk")
def test_a_backup_to_a_full_disk_says_so(db, tmp_path, monkeypatch):
    from desktop_app.storage import backup

    def no_space(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", no_space)
    with pytest.raises(backup.BackupError, match="磁盘已满：.*备份没有写入"):
        backup.backup_to(db, tmp_path / "b.sqlite")
    assert not list(tmp_path.glob("b.sqlite*"))


def test_an_export_to_a_full_disk_says_so(tmp_path, monkeypatch):
    from datetime import date

    from desktop_app import atomic_file
    from desktop_app.exchange.ledger import write_table
    from desktop_app.exchange.table import LedgerColumn, LedgerTable

    def no_space(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", no_space)
    with pytest.raises(DiskFullError, match="磁盘已满：台账.xlsx 所在的磁盘.*导出的文件没有写入"):
        write_table(tmp_path / "台账.xlsx", LedgerTable("台账", date(2024, 6, 3), (LedgerColumn("a", "编号"),), [("1",)]))


def test_a_command_line_import_on_a_full_disk_is_one_chinese_message(tmp_path, monkeypatch, capsys):
    from desktop_app.bootstrap import main
    from desktop_app.storage.database import open_database
    from tests.exchange.sheets import row, simple_list

    monkeypatch.setenv("DESKTOP_APP_HOME", str(tmp_path / "home"))
    db_file = tmp_path / "cases.sqlite"
    open_database(db_file).close()
    sheet = simple_list(tmp_path / "清单.xlsx", [row(1, "0001", "关于优化公交线网的建议")])
    monkeypatch.setattr(Session, "flush", full_flush)

    assert main(["import", str(sheet), "--db", str(db_file)]) == 1

    err = capsys.readouterr().err
    assert "磁盘已满" in err and "之前保存的数据完好" in err and "Traceback" not in err
