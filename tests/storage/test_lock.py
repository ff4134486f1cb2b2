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


@pytest.fixture
def windows_drives(monkeypatch):
    """Windows, where Z: is a mapped network drive and C:, D: (a USB stick) are local: the drive
    type as GetDriveTypeW reports it, and the roots it was asked about."""
    import ctypes

    types = {"C:\\": 3, "D:\\": 2, "Z:\\": lock.DRIVE_REMOTE}  # fixed, removable, remote
    asked = []

    def drive_type(root):
        asked.append(root)
        return types.get(root.upper(), 1)  # DRIVE_NO_ROOT_DIR

    kernel32 = type("Kernel32", (), {"GetDriveTypeW": staticmethod(drive_type)})
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": kernel32}), raising=False)
    return asked


def test_a_mapped_network_drive_is_a_network_path(windows_drives):
    assert is_network_path(r"Z:\办公室\建议提案\cases.sqlite")
    assert is_network_path("z:/办公室/cases.sqlite")
    assert is_network_path(r"\\?\Z:\办公室\cases.sqlite")  # the long-path form of the same file
    assert windows_drives == ["Z:\\", "z:\\", "Z:\\"]


def test_local_and_removable_drives_are_not(windows_drives):
    assert not is_network_path(r"C:\Users\张三\AppData\Local\JianyiTiananZhushou\cases.sqlite")
    assert not is_network_path(r"D:\建议提案\data\cases.sqlite")  # a portable copy on a USB stick
    assert not is_network_path(r"\\?\C:\Users\张三\cases.sqlite")


def test_unc_paths_are_network_paths_without_asking_windows(windows_drives):
    for path in (r"\\fileserver\办公室\cases.sqlite", "//fileserver/办公室/cases.sqlite",
                 r"\\?\UNC\fileserver\办公室\cases.sqlite"):
        assert is_network_path(path), path
    assert windows_drives == []


def test_the_lock_file_sits_beside_the_database_and_is_named_after_it():
    from pathlib import PureWindowsPath

    database = PureWindowsPath(r"\\fileserver\办公室\建议 提案\Cases.sqlite")
    assert lock_path(database) == PureWindowsPath(r"\\fileserver\办公室\建议 提案\Cases.sqlite.lock")
    # Every spelling of one file finds one lock: Windows compares names without case.
    assert lock_path(PureWindowsPath(r"\\FILESERVER\办公室\建议 提案\cases.SQLITE")) == lock_path(database)
    assert lock_path(PureWindowsPath(r"Z:\建议 提案\Cases.sqlite")).name == "Cases.sqlite.lock"
    assert lock_path(PureWindowsPath(r"Z:\建议 提案\cases-2024.sqlite")) != lock_path(database)


def test_on_windows_one_file_spelt_two_ways_is_one_database_for_backups_and_the_single_instance(monkeypatch):
    from desktop_app.paths import db_key

    monkeypatch.setattr(sys, "platform", "win32")
    key = db_key(r"C:\Users\张三\建议提案\Cases.sqlite")
    assert db_key("c:/users/张三/建议提案/cases.SQLITE") == key
    assert db_key(r"C:\Users\张三\备份\..\建议提案\Cases.sqlite") == key
    assert db_key(r"C:\Users\张三\建议提案\Cases-2024.sqlite") != key


def test_elsewhere_names_differing_in_case_are_different_files():
    from desktop_app.paths import db_key

    assert db_key("/home/zhang/Cases.sqlite") != db_key("/home/zhang/cases.sqlite")


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
