"""``backup`` of a server database writes a ``pg_dump`` file, found as a user's installation has it
(PATH, then PostgreSQL's standard install folders); ``restore`` puts it back with ``pg_restore``.
Without pg_dump the user is told what to install, and ``--as-sqlite`` still makes a verified copy."""

from __future__ import annotations

import glob
import json
import os
import sys

import pytest
from sqlalchemy import func, select

from desktop_app.bootstrap import main
from desktop_app.services.context import ServiceContext
from desktop_app.services.demo import fill_demo
from desktop_app.storage import pg_tools
from desktop_app.storage import tables as t
from desktop_app.storage.database import open_database
from tests.conftest import FIXED_NOW, filled_with_demo

INSTALLED = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"))


def _items(url) -> int:
    db = open_database(url)
    try:
        with db.read() as s:
            return s.scalar(select(func.count()).select_from(t.Item))
    finally:
        db.close()


def _units(url, name) -> int:
    db = open_database(url)
    try:
        with db.read() as s:
            return s.scalar(select(func.count()).select_from(t.Unit).where(t.Unit.name == name))
    finally:
        db.close()


@pytest.fixture
def demo_server(server_url):
    filled_with_demo(server_url, items=15)
    return server_url


@pytest.fixture
def no_path(monkeypatch, tmp_path):
    """The tools are not on PATH, as on a Windows PC after PostgreSQL's installer."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv(pg_tools.ENV_FOLDER, raising=False)


def test_the_tools_are_found_in_the_windows_install_folder_newest_first(monkeypatch, tmp_path, no_path):
    for version in ("9.6", "14", "16"):
        folder = tmp_path / "Program Files" / "PostgreSQL" / version / "bin"
        folder.mkdir(parents=True)
        (folder / "pg_dump.exe").write_bytes(b"")
        (folder / "pg_dump.exe").chmod(0o755)
    monkeypatch.setattr(sys, "platform", "win32")
    for name in ("ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    assert pg_tools.find_tool("pg_dump") == tmp_path / "Program Files" / "PostgreSQL" / "16" / "bin" / "pg_dump.exe"
    assert pg_tools.find_tool("pg_restore") is None


@pytest.mark.skipif(not INSTALLED, reason="PostgreSQL 的命令行工具没有装在 /usr/lib/postgresql")
def test_backup_then_restore_through_pg_dump_found_outside_path(demo_server, no_path, capsys, app_home):
    assert pg_tools.find_tool("pg_dump").parent == pg_tools.find_tool("pg_restore").parent
    assert str(pg_tools.find_tool("pg_dump")).startswith("/usr/lib/postgresql/")

    assert main(["backup", "--db", demo_server, "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    dump = made["backup"]
    assert dump.endswith("-manual.dump") and pg_tools.is_dump(dump) and made["size"] > 0

    db = open_database(demo_server)  # a change made after the backup
    try:
        with db.write() as s:
            s.add(t.Unit(name="备份之后新建的单位"))
    finally:
        db.close()
    assert _units(demo_server, "备份之后新建的单位") == 1

    assert main(["restore", "--db", demo_server]) == 0
    listed = capsys.readouterr().out
    assert os.path.basename(dump) in listed
    assert main(["restore", "--db", demo_server, "--from", "1"]) == 0
    out = capsys.readouterr().out
    assert "已从备份恢复" in out and "-restore.dump" in out
    assert _items(demo_server) == 15 and _units(demo_server, "备份之后新建的单位") == 0
    assert main(["check", "--db", demo_server]) == 0


def test_without_pg_dump_the_user_is_told_and_may_ask_for_a_sqlite_copy(demo_server, no_path, monkeypatch,
                                                                         capsys, app_home):
    monkeypatch.setattr(pg_tools, "_install_patterns", lambda: [])
    assert main(["backup", "--db", demo_server]) == 1
    err = capsys.readouterr().err
    assert "找不到 PostgreSQL 的 pg_dump" in err and "--as-sqlite" in err and "PATH" in err
    assert not list(app_home.rglob("*.dump")) and not list(app_home.rglob("*.sqlite"))

    assert main(["backup", "--db", demo_server, "--as-sqlite", "--json"]) == 0
    copy = json.loads(capsys.readouterr().out)["backup"]
    assert copy.endswith(".sqlite") and _items(copy) == 15


@pytest.mark.skipif(not INSTALLED, reason="PostgreSQL 的命令行工具没有装在 /usr/lib/postgresql")
def test_a_server_dump_is_not_restored_onto_a_file(demo_server, tmp_path, capsys, app_home):
    target = tmp_path / "dump.dump"
    assert main(["backup", "--db", demo_server, "--to", str(target)]) == 0
    local = tmp_path / "local.sqlite"
    fill_demo(ServiceContext(db=(db := open_database(local)), user_name=lambda: "演示", now=lambda: FIXED_NOW), items=3)
    db.close()
    capsys.readouterr()
    assert main(["restore", "--db", str(local), "--from", str(target)]) == 1
    assert "只能恢复到服务器" in capsys.readouterr().err
    assert _items(local) == 3


def test_a_backup_to_a_sqlite_file_name_is_a_sqlite_copy(demo_server, no_path, monkeypatch, tmp_path, app_home):
    monkeypatch.setattr(pg_tools, "_install_patterns", lambda: [])  # no pg_dump needed for it
    target = tmp_path / "副本.sqlite"
    assert main(["backup", "--db", demo_server, "--to", str(target)]) == 0
    assert not pg_tools.is_dump(target) and _items(target) == 15
