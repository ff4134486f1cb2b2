"""A lock left on a network database by another computer: the window shows who held it and since
when, and the user may take over (start-up path, ``startup.open_for_window``)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from desktop_app import startup
from desktop_app.gui.dialogs import open_database_prompts
from desktop_app.storage import lock
from desktop_app.storage.database import open_database

STALE = {"user": "王芳", "host": "OFFICE-PC-07", "pid": 4242, "since": "2024-06-01T17:45:00"}


@pytest.fixture
def shared_db(tmp_path, monkeypatch):
    path = tmp_path / "cases.sqlite"
    open_database(path, network=False).close()
    monkeypatch.setattr(lock, "is_network_path", lambda _p, mounts=None: True)
    lock.lock_path(path).write_text(json.dumps(STALE, ensure_ascii=False), encoding="utf-8")
    return path


def _answer(monkeypatch, take: bool) -> list:
    asked = []

    def ask(path, holder, parent=None):
        asked.append((path.name, holder.who, holder.since))
        return take
    monkeypatch.setattr(open_database_prompts, "ask_take_over_lock", ask)
    return asked


def test_the_user_may_take_over_a_lock_another_computer_left(shared_db, monkeypatch):
    asked = _answer(monkeypatch, take=True)
    opened = startup.open_for_window(shared_db, demo=False, user_name=lambda: "测试员")
    try:
        assert asked == [("cases.sqlite", "王芳（OFFICE-PC-07）", datetime(2024, 6, 1, 17, 45))]
        assert not opened.read_only
        assert lock.read_lock(lock.lock_path(shared_db)).user == "测试员"
    finally:
        opened.close(None)


def test_declining_keeps_the_file_read_only_and_the_lock_untouched(shared_db, monkeypatch):
    _answer(monkeypatch, take=False)
    opened = startup.open_for_window(shared_db, demo=False, user_name=lambda: "测试员")
    try:
        assert opened.read_only and "王芳（OFFICE-PC-07）" in opened.db.read_only_reason
        assert lock.read_lock(lock.lock_path(shared_db)).host == "OFFICE-PC-07"
    finally:
        opened.close(None)


def test_a_lock_taken_by_someone_else_meanwhile_is_not_removed(shared_db):
    holder = lock.read_lock(lock.lock_path(shared_db))
    lock.lock_path(shared_db).write_text(json.dumps({**STALE, "user": "李强", "pid": 7}), encoding="utf-8")
    assert not lock.take_over(shared_db, holder)
    assert lock.read_lock(lock.lock_path(shared_db)).user == "李强"


def test_the_question_names_the_holder_and_the_time(qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def exec_(box):
        shown.append(box.text())
        box.findChild(type(box.buttons()[0]), "takeOverButton").click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    holder = lock.LockHolder("王芳", "OFFICE-PC-07", 4242, datetime(2024, 6, 1, 17, 45))
    from pathlib import Path

    assert open_database_prompts.ask_take_over_lock(Path("cases.sqlite"), holder)
    assert "正由 王芳（OFFICE-PC-07）使用，自 2024-06-01 17:45 起" in shown[0]
