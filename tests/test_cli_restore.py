"""``desktop-app restore``: list the backups, restore one by number or path, also when the database
is too damaged to open."""

from __future__ import annotations

import json
from datetime import datetime

from desktop_app.bootstrap import main
from desktop_app.storage import backup
from desktop_app.storage.database import open_database
from desktop_app.storage.tables import Unit


def _units(path) -> list[str]:
    db = open_database(path, create=False)
    try:
        with db.read() as s:
            return sorted(u.name for u in s.query(Unit))
    finally:
        db.close()


def test_list_then_restore_by_number_keeps_the_current_content_aside(tmp_path, capsys):
    from desktop_app import paths

    db_file = tmp_path / "cases.sqlite"
    db = open_database(db_file)
    with db.write() as s:
        s.add(Unit(name="区交通委"))
    backup.rotate_backup(db, paths.backup_dir(db_file), datetime(2024, 6, 1, 9, 0), "manual")
    with db.write() as s:
        s.add(Unit(name="误加的单位"))
    db.close()

    assert main(["restore", "--db", str(db_file), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["backups"]
    assert [(b["number"], b["label"]) for b in listed] == [(1, "手动")]

    assert main(["restore", "--db", str(db_file), "--from", "1"]) == 0
    out = capsys.readouterr().out
    assert "已从备份恢复" in out and "恢复前的数据另存为" in out
    assert _units(db_file) == ["区交通委"]
    assert any(b.kind == "restore" for b in backup.list_backups(paths.backup_dir(db_file), "cases"))


def test_a_damaged_database_is_restored_from_a_backup_file(tmp_path, capsys):
    db_file = tmp_path / "cases.sqlite"
    db = open_database(db_file)
    with db.write() as s:
        s.add(Unit(name="区水务局"))
    saved = backup.backup_to(db, tmp_path / "copy-20240601-090000-manual.sqlite")
    db.close()
    db_file.write_bytes(b"garbage" * 1000)  # not a database any more

    assert main(["restore", "--db", str(db_file), "--from", str(saved)]) == 0

    assert _units(db_file) == ["区水务局"]


def test_an_unknown_backup_is_refused_in_chinese(tmp_path, capsys):
    db_file = tmp_path / "cases.sqlite"
    open_database(db_file).close()
    assert main(["restore", "--db", str(db_file), "--from", "7"]) == 1
    assert "找不到备份“7”" in capsys.readouterr().err
