"""A database on a network share: rollback journal, one writer behind a lock file naming who holds it."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from datetime import datetime

import pytest

from desktop_app.domain.errors import DatabaseError, ReadOnlyError
from desktop_app.storage import lock
from desktop_app.storage import tables as t
from desktop_app.storage.database import open_database
from desktop_app.storage.lock import is_network_path, lock_path

MORNING = datetime(2024, 6, 3, 9, 30)
HOST = socket.gethostname()


def _open_as(path, user):
    return open_database(path, network=True, user_name=user, now=lambda: MORNING)


def test_network_paths_are_recognised():
    mounts = "server:/export /mnt/share nfs4 rw 0 0\n//nas/docs /mnt/docs cifs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
    assert is_network_path(r"\\server\share\cases.db")
    assert is_network_path(r"\\?\UNC\server\share\cases.db")
    assert not is_network_path(r"\\?\C:\Users\zhang\cases.db", mounts="")
    assert is_network_path("/mnt/share/科室/cases.db", mounts=mounts)
    assert is_network_path("/mnt/docs/cases.db", mounts=mounts)
    assert not is_network_path("/home/zhang/cases.db", mounts=mounts)
    assert not is_network_path("/mnt/shared/cases.db", mounts=mounts)  # a prefix is not a mount


def test_first_opener_holds_the_lock_and_writes_in_rollback_journal_mode(db_path, item_adder):
    db = _open_as(db_path, "张三")
    try:
        assert not db.read_only
        holder = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        assert holder["user"] == "张三" and holder["host"] == HOST and holder["since"] == "2024-06-03T09:30:00"
        with db.write() as session:
            item_adder(session, "第1号")
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    finally:
        db.close()
    assert not lock_path(db_path).exists()


def test_second_opener_gets_read_only_with_a_banner_naming_the_holder(db_path, item_adder):
    first = _open_as(db_path, "张三")
    with first.write() as session:
        item_adder(session, "第1号")
    second = _open_as(db_path, "李四")
    try:
        assert second.read_only
        assert second.read_only_reason == (
            f"数据库正由 张三（{HOST}）使用，自 2024-06-03 09:30 起；您现在只能查看，不能修改。"
        )
        with second.read() as session:
            assert [i.number for i in session.query(t.Item)] == ["第1号"]
        with pytest.raises(ReadOnlyError, match="张三"):
            with second.write() as session:
                item_adder(session, "第2号")
        second.close()
        assert lock_path(db_path).exists()  # the reader does not release the holder's lock
    finally:
        first.close()
    third = _open_as(db_path, "李四")
    try:
        assert not third.read_only
    finally:
        third.close()


def test_lock_left_by_a_crashed_process_on_this_computer_is_taken_over(db_path):
    _open_as(db_path, "张三").close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = {"user": "张三", "host": HOST, "pid": int(dead.stdout), "since": "2024-06-01T08:00:00"}
    lock_path(db_path).write_text(json.dumps(stale), encoding="utf-8")
    db = _open_as(db_path, "李四")
    try:
        assert not db.read_only
        assert json.loads(lock_path(db_path).read_text(encoding="utf-8"))["user"] == "李四"
    finally:
        db.close()


def test_lock_held_from_another_computer_is_respected(db_path):
    _open_as(db_path, "张三").close()
    other = {"user": "王五", "host": "PC-07", "pid": 1, "since": "2024-06-03T08:15:00"}
    lock_path(db_path).write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    db = _open_as(db_path, "李四")
    try:
        assert db.read_only
        assert "王五（PC-07）" in db.read_only_reason and "2024-06-03 08:15" in db.read_only_reason
    finally:
        db.close()
    assert json.loads(lock_path(db_path).read_text(encoding="utf-8"))["user"] == "王五"


def test_share_without_write_permission_opens_read_only(db_path, monkeypatch):
    _open_as(db_path, "张三").close()

    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock, "acquire_lock", refuse)
    db = _open_as(db_path, "李四")
    try:
        assert db.read_only and "请检查对该共享文件夹的写入权限" in db.read_only_reason
        assert "无法在数据库所在的文件夹建立锁文件" in db.read_only_reason
    finally:
        db.close()


def test_opening_a_database_another_user_is_still_creating_is_refused(db_path):
    other = {"user": "王五", "host": "PC-07", "pid": 1, "since": "2024-06-03T08:15:00"}
    lock_path(db_path).write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DatabaseError, match="数据库正由 王五（PC-07）创建，尚未建好"):
        _open_as(db_path, "李四")
    assert not db_path.exists()
