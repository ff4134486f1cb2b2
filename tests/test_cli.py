"""The command line without a window: check, backup, demo; JSON output and exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from desktop_app.bootstrap import main
from desktop_app.storage.database import open_database


@pytest.fixture(autouse=True)
def home(cli_home):
    return cli_home


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cases.sqlite"
    open_database(path).close()
    return path


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    out = capsys.readouterr()
    return code, json.loads(out.out), out.err


def test_check_of_a_sound_database_exits_0_with_the_facts(capsys, db_file):
    code, report, _ = run_json(capsys, "check", "--db", str(db_file))
    assert code == 0
    assert report["ok"] is True and report["integrity_ok"] is True
    assert report["schema_version"] == report["app_schema_version"]
    assert report["counts"]["item"] == 0
    assert report["db"] == str(db_file)


def test_check_in_plain_text_is_chinese(capsys, db_file):
    assert main(["check", "--db", str(db_file)]) == 0
    out = capsys.readouterr().out
    assert "完整性：正常" in out and "结论：完好" in out


def test_check_of_a_corrupted_file_exits_1_with_a_chinese_reason(capsys, db_file):
    with open(db_file, "r+b") as file:  # overwrite pages after the header: tables and indexes
        file.seek(4096 * 2)
        file.write(b"\xde\xad\xbe\xef" * 4096)
    code, report, err = run_json(capsys, "check", "--db", str(db_file))
    assert code == 1
    assert report["ok"] is False
    assert "损坏" in err and "从备份恢复" in err


def test_check_of_a_file_that_is_not_a_database_exits_1(capsys, tmp_path):
    junk = tmp_path / "notes.sqlite"
    junk.write_text("这不是数据库" * 500, encoding="utf-8")
    assert main(["check", "--db", str(junk)]) == 1
    assert capsys.readouterr().err


def test_check_of_a_missing_file_exits_1_and_creates_nothing(capsys, tmp_path):
    missing = tmp_path / "missing.sqlite"
    assert main(["check", "--db", str(missing)]) == 1
    assert "找不到数据库文件" in capsys.readouterr().err
    assert not missing.exists()


def test_backup_to_a_file_writes_a_readable_copy(capsys, ctx, tmp_path):
    from desktop_app.services.reference import ReferenceService
    from desktop_app.services.dto import UnitInfo

    ReferenceService(ctx).save_unit(UnitInfo(id=0, name="区交通委"))
    target = tmp_path / "copies" / "copy.sqlite"
    code, result, _ = run_json(capsys, "backup", "--db", str(ctx.db.path), "--to", str(target))
    assert code == 0 and result["backup"] == str(target)
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM unit").fetchall() == [("区交通委",)]


def test_backup_without_target_goes_to_that_databases_backup_folder(capsys, db_file, home):
    from desktop_app import paths

    code, result, _ = run_json(capsys, "backup", "--db", str(db_file))
    assert code == 0
    written = result["backup"]
    assert written.startswith(str(paths.backup_dir(db_file)))
    assert str(home) in written


def test_backup_into_an_unwritable_place_exits_1(capsys, db_file, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["backup", "--db", str(db_file), "--to", str(blocker / "sub" / "copy.sqlite")]) == 1
    assert "备份失败" in capsys.readouterr().err


def test_demo_then_check_counts_the_items(capsys, tmp_path):
    path = tmp_path / "demo-200.sqlite"
    code, result, err = run_json(capsys, "demo", "--db", str(path), "--items", "200")
    assert code == 0 and result["items"] == 200
    assert "生成演示数据：200/200" in err  # progress on stderr, stdout stays parseable
    code, report, _ = run_json(capsys, "check", "--db", str(path))
    assert code == 0
    assert report["counts"]["item"] == 200
    assert report["counts"]["unit"] >= 10 and report["counts"]["session"] >= 2


@pytest.mark.parametrize("items", ["0", "100001", "many"])
def test_demo_refuses_a_bad_item_count_as_usage_error(capsys, tmp_path, items):
    assert main(["demo", "--db", str(tmp_path / "x.sqlite"), "--items", items]) == 2
    assert "件数" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()


def test_unknown_option_is_a_usage_error_in_chinese(capsys):
    assert main(["check", "--frobnicate"]) == 2
    assert "无法识别的参数" in capsys.readouterr().err


def test_command_line_never_loads_qt(db_file, tmp_path):
    script = (
        "import sys\n"
        "from desktop_app.bootstrap import main\n"
        f"code = main(['check', '--db', {str(db_file)!r}, '--json'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab', 'openpyxl'))\n"
        "print('LOADED', loaded)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "DESKTOP_APP_HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout


def test_demo_without_db_fills_the_demo_file_never_the_real_one(capsys, home, monkeypatch):
    import desktop_app.services.demo as demo

    filled = []
    monkeypatch.setattr(demo, "fill_demo", lambda ctx, items, progress=None, cancelled=None: filled.append(ctx.db.path))
    assert main(["demo", "--items", "5"]) == 0
    assert filled == [home / "demo.sqlite"]
    assert not (home / "cases.sqlite").exists()


def test_a_reader_that_stops_early_is_not_an_error(db_file, home):
    # ``desktop-app check | head -1``: the pipe closes before the command writes.
    command = [sys.executable, "-m", "desktop_app", "check", "--db", str(db_file)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ}) as process:
        process.stdout.close()
        stderr = process.stderr.read().decode("utf-8", "replace")
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
