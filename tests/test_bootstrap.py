"""Starting the app: the smoke test, the demo database, recovery from a damaged file, the crash
handler and the single-instance guard, as the composition root wires them."""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime

import pytest

from desktop_app import bootstrap, cli, logs, paths, startup
from desktop_app.services.case_list import read_rows_from
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import UnitInfo
from desktop_app.services.reference import ReferenceService
from desktop_app.storage.backup import rotate_backup
from desktop_app.storage.database import open_database
from desktop_app.storage.read_only import open_read_only
from tests.conftest import filled_with_demo


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return tmp_path / "home"


def run_app(home, *argv, timeout=120):
    env = {**os.environ, paths.HOME_ENV: str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop_app", *argv], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_smoke_test_builds_the_window_and_prints_the_start_up_time(tmp_path):
    home, db = tmp_path / "home", tmp_path / "data" / "cases.sqlite"
    done = run_app(home, "--smoke-test", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "启动用时" in done.stdout and "ms" in done.stdout
    assert db.is_file()  # created on first start
    assert not (home / "cases.sqlite").exists()
    assert (home / "logs" / "desktop-app.log").is_file()


def test_a_plain_start_loads_no_printing_excel_or_migration_code(tmp_path):
    db = tmp_path / "cases.sqlite"
    open_database(db).close()  # created (and migrated) beforehand: this start needs no migration
    done = run_app(tmp_path / "home", "--smoke-test", "--json", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["heavy_modules"] == []


def test_importing_bootstrap_is_cheap():
    script = ("import sys, desktop_app.bootstrap, desktop_app.cli as c; c.build_parser(); "
              "print(sorted(m for m in ('PySide6', 'sqlalchemy', 'alembic', 'reportlab', 'openpyxl') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


def test_the_first_screen_of_rows_is_read_before_sqlalchemy_loads(tmp_path):
    db = tmp_path / "cases.sqlite"
    open_database(db).close()
    script = ("import sys; from pathlib import Path; from desktop_app.startup import read_list_early; "
              f"rows = list(read_list_early(Path({str(db)!r}), 20)); "
              "print(len(rows), 'sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["2", "False"], done.stderr  # both reads done, SQLAlchemy never loaded


def test_every_row_read_beside_the_imports_is_the_row_the_list_reads_later(tmp_path):
    # The start-up reads every row as one JSON text on another thread while the database layer
    # loads: text that JSON escapes and an empty day must come back as the plain read gives them.
    db = filled_with_demo(tmp_path / "cases.sqlite", 40)
    title = '关于"停车"\\难\n问题😀的建议'
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE item SET title = ?, assigned_on = NULL WHERE id = (SELECT min(id) FROM item)", (title,))
    ran = []
    early = list(startup.read_list_early(db, 10, meanwhile=lambda: ran.append(True)))
    with closing(open_read_only(db)) as conn:
        plain = read_rows_from(conn)
    assert ran == [True] and [(len(rows), complete) for rows, complete in early] == [(10, False), (40, True)]
    assert early[1][0] == plain
    assert (plain[0].title, plain[0].assigned_on) == (title, None)


def test_the_rows_read_at_start_up_are_kept_out_of_the_garbage_collectors_walks(tmp_path):
    # Every collection after the start would otherwise walk the 100,000 rows of a big list again.
    db = filled_with_demo(tmp_path / "cases.sqlite", 30)
    script = ("import gc; from pathlib import Path; from desktop_app.startup import read_list_early; "
              f"first, every = list(read_list_early(Path({str(db)!r}), 20)); "
              "walked = {id(o) for g in range(3) for o in gc.get_objects(g)}; "
              "print(len(first[0]), len(every[0]), gc.isenabled(), sum(id(r) in walked for r in every[0]))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    # None of the 30 rows is walked, and the collector is on again for everything made after.
    assert done.stdout.split() == ["20", "30", "True", "0"], done.stderr


def test_demo_opens_its_own_filled_database_and_never_the_real_one(tmp_path):
    home = tmp_path / "home"
    done = run_app(home, "--demo", "--smoke-test", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["ok"] is True and result["startup_ms"] > 0
    assert result["db"] == str(home / "demo.sqlite")
    assert result["rows"] > 0  # the list shows the sample items
    assert not (home / "cases.sqlite").exists()
    with sqlite3.connect(home / "demo.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM item").fetchone()[0] >= 50


def test_db_and_demo_together_is_a_usage_error(capsys, home):
    assert bootstrap.main(["--demo", "--db", "x.sqlite"]) == 2
    assert "参数错误" in capsys.readouterr().err


def test_help_is_chinese(capsys):
    assert bootstrap.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "用法" in out and "演示数据库" in out and "DESKTOP_APP_HOME" in out


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--db", "a.sqlite"], ["--db=a.sqlite", "--smoke-test", "--json"],
                                  ["--smoke-test", "--demo", "--json"]])
def test_a_plain_window_start_reads_its_arguments_as_the_parser_does(argv):
    quick = bootstrap.plain_window_args(argv)
    assert quick is not None
    assert vars(quick) == {key: value for key, value in vars(cli.build_parser().parse_args(argv)).items()
                           if key in vars(quick)}


@pytest.mark.parametrize("argv", [["check"], ["--help"], ["--db"], ["--db", "--demo"], ["--smoke"],
                                  ["--demo", "--db", "x.sqlite"], ["--db", "a", "check", "--json"]])
def test_anything_but_a_plain_window_start_goes_through_the_parser(argv):
    assert bootstrap.plain_window_args(argv) is None


def test_every_command_is_named_in_the_help_and_subcommand_help_is_chinese_too(capsys):
    assert bootstrap.main(["--help"]) == 0
    usage = capsys.readouterr().out
    for command in ("check", "due", "import", "export", "print", "rectification", "stats", "review", "similar"):
        assert command in usage.split("子命令")[0]  # in the usage line, not only in the list below
    assert bootstrap.main(["print", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "appendix" in out and "stats" in out
    assert bootstrap.main(["review"]) == 2
    assert "缺少必需的参数: {build,list,report,recurring}" in capsys.readouterr().err


def test_default_database_paths(home):
    parse = cli.build_parser().parse_args
    assert bootstrap.resolve_db_path(parse([])) == home / "cases.sqlite"
    assert bootstrap.resolve_db_path(parse(["--demo"])) == home / "demo.sqlite"
    assert bootstrap.resolve_db_path(parse(["--db", "rel.sqlite"])).is_absolute()


# ---- opening the database ---------------------------------------------------------------------
def _damage(path):
    with open(path, "r+b") as file:
        file.seek(4096 * 2)
        file.write(b"\xde\xad\xbe\xef" * 4096)


def _units(db):
    return [unit.name for unit in ReferenceService(ServiceContext(db=db)).units()]


def _database_with_a_unit_and_a_backup(path):
    db = open_database(path, backup_dir=paths.backup_dir(path))
    ReferenceService(ServiceContext(db=db, user_name=lambda: "测试员")).save_unit(UnitInfo(id=0, name="区教育局"))
    backup = rotate_backup(db, paths.backup_dir(path), datetime(2024, 6, 3, 9, 30), "manual")
    db.close()
    return backup


def test_smoke_test_on_a_damaged_file_fails_with_a_chinese_message_and_no_dialog(home, tmp_path, capsys):
    path = tmp_path / "cases.sqlite"
    _database_with_a_unit_and_a_backup(path)
    _damage(path)
    assert startup.open_for_window(path, demo=False, user_name=lambda: "测试员", interactive=False) is None
    assert "损坏" in capsys.readouterr().err


def test_a_damaged_file_can_be_restored_from_a_backup_at_start(home, tmp_path, monkeypatch):
    from desktop_app.gui.dialogs.open_database_prompts import OpenChoice

    path = tmp_path / "cases.sqlite"
    backup = _database_with_a_unit_and_a_backup(path)
    _damage(path)
    offered = []

    def choose_backup(db_path, message, details, *, offer_restore):
        offered.append((message, details, offer_restore))
        return OpenChoice("restore", startup.available_backups(db_path)[0])

    monkeypatch.setattr(startup, "_ask_cannot_open", choose_backup)
    opened = startup.open_for_window(path, demo=False, user_name=lambda: "测试员")
    try:
        assert opened is not None and opened.path == path
        assert _units(opened.db) == ["区教育局"]
    finally:
        opened.close(reason=None)
    [(message, details, offer_restore)] = offered
    assert offer_restore is True and "损坏" in message
    assert not re.search("[A-Za-z]{3}", message.replace(str(path), "").replace(path.name, ""))  # no SQLite English…
    assert details  # …it is in the details
    assert backup.exists()
    kinds = {p.name.rsplit("-", 1)[-1] for p in paths.backup_dir(path).iterdir()}
    assert "damaged.sqlite" in kinds  # the damaged file was kept, not deleted


def test_a_database_from_a_newer_app_is_refused_without_offering_a_restore(home, tmp_path, monkeypatch):
    from desktop_app.gui.dialogs.open_database_prompts import QUIT

    path = tmp_path / "cases.sqlite"
    _database_with_a_unit_and_a_backup(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    offered = []
    monkeypatch.setattr(startup, "_ask_cannot_open",
                        lambda p, m, d, *, offer_restore: offered.append((m, offer_restore)) or QUIT)
    assert startup.open_for_window(path, demo=False, user_name=lambda: "测试员") is None
    assert offered[0][1] is False and "较新版本" in offered[0][0]


def _press(monkeypatch, *names):
    """QMessageBox.exec presses the buttons named ``names``, one per question; each question's
    text, details and buttons are recorded."""
    from PySide6.QtWidgets import QMessageBox

    seen, left = [], list(names)

    def exec_(box):
        seen.append({"text": box.text(), "info": box.informativeText(), "details": box.detailedText(),
                     "buttons": {b.text() for b in box.buttons() if b.objectName()}, "default": box.defaultButton().text()})
        name = left.pop(0)
        next(b for b in box.buttons() if b.objectName() == name).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def _not_a_database(path):
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 8000)  # an Excel file renamed


def test_a_file_that_is_not_a_database_offers_another_file_and_opens_the_one_chosen(qapp, home, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    wrong, right = tmp_path / "wrong.sqlite", tmp_path / "right.sqlite"
    _not_a_database(wrong)
    _database_with_a_unit_and_a_backup(right)
    seen = _press(monkeypatch, "openOtherButton")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(right), "")))
    opened = startup.open_for_window(wrong, demo=False, user_name=lambda: "测试员")
    try:
        assert opened is not None and opened.path == right  # the window shows the file really opened
        assert _units(opened.db) == ["区教育局"]
        assert opened.maintenance.backups()  # its own backups, not those of the file asked for
    finally:
        opened.close(reason=None)
    [question] = seen
    assert question["buttons"] == {"打开其他文件…", "新建数据库…", "退出"}  # no backup: no restore
    assert "不是本程序能读取的数据库" in question["text"] and "not a database" not in question["text"]
    assert "没有找到此数据库的备份" in question["info"] and "not a database" in question["details"]
    assert wrong.read_bytes().startswith(b"PK")  # left as it was


def test_a_new_database_can_be_created_instead_and_an_existing_file_is_never_overwritten(
        qapp, home, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.gui.widgets import message_boxes

    wrong, taken, new = tmp_path / "wrong.sqlite", tmp_path / "taken.sqlite", tmp_path / "新数据库"
    _not_a_database(wrong)
    taken.write_bytes(b"precious")
    _press(monkeypatch, "newDatabaseButton")
    names = iter([str(taken), str(new)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(names), "")))
    warned = []
    monkeypatch.setattr(message_boxes, "show_warning", lambda parent, title, text: warned.append(text))
    opened = startup.open_for_window(wrong, demo=False, user_name=lambda: "测试员")
    try:
        assert opened is not None and opened.path == tmp_path / "新数据库.sqlite"
        assert _units(opened.db) == []  # a new, empty database
    finally:
        opened.close(reason=None)
    assert taken.read_bytes() == b"precious" and "不会覆盖" in warned[0]


def test_restore_question_offers_the_backups_newest_first(qapp, home, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    path = tmp_path / "cases.sqlite"
    older = _database_with_a_unit_and_a_backup(path)
    db = open_database(path, backup_dir=paths.backup_dir(path))
    newer = rotate_backup(db, paths.backup_dir(path), datetime(2024, 6, 4, 9, 30), "manual")
    db.close()
    _not_a_database(path)
    seen = _press(monkeypatch, "restoreButton")
    items = []

    def pick_first(parent, title, label, labels, current, editable):
        items.extend(labels)
        return labels[current], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_first)
    opened = startup.open_for_window(path, demo=False, user_name=lambda: "测试员")
    try:
        assert opened is not None and _units(opened.db) == ["区教育局"]
    finally:
        opened.close(reason=None)
    [question] = seen
    assert question["buttons"] == {"从备份恢复…", "打开其他文件…", "新建数据库…", "退出"}
    assert question["default"] == "从备份恢复…" and "找到 2 个备份" in question["info"]
    assert items[0].startswith(newer.name) and items[1].startswith(older.name)


@pytest.mark.parametrize("button, created", [("createHereButton", True), ("quitButton", False)])
def test_an_empty_file_is_not_made_a_database_without_asking(qapp, home, tmp_path, monkeypatch, button, created):
    path = tmp_path / "cases.sqlite"
    path.write_bytes(b"")
    seen = _press(monkeypatch, button)
    opened = startup.open_for_window(path, demo=False, user_name=lambda: "测试员")
    [question] = seen
    assert "该文件是空的（0 字节）" in question["text"] and "要在此文件中新建数据库吗？" in question["text"]
    assert question["buttons"] == {"新建", "打开其他文件…", "退出"} and question["default"] == "打开其他文件…"
    if created:
        assert opened is not None and opened.path == path and _units(opened.db) == []
        opened.close(reason=None)
        assert path.stat().st_size > 0
    else:
        assert opened is None and path.stat().st_size == 0


def test_smoke_test_on_an_empty_file_opens_nothing_and_says_why(home, tmp_path, capsys):
    path = tmp_path / "cases.sqlite"
    path.write_bytes(b"")
    assert startup.open_for_window(path, demo=False, user_name=lambda: "测试员", interactive=False) is None
    assert "0 字节" in capsys.readouterr().err and path.stat().st_size == 0


def test_sqlite_and_system_errors_are_explained_in_chinese_with_the_original_in_the_details(tmp_path):
    for error, words in ((sqlite3.DatabaseError("database disk image is malformed"), "已损坏"),
                         (sqlite3.OperationalError("database is locked"), "另一个程序占用"),
                         (PermissionError(13, "Permission denied"), "权限"),
                         (sqlite3.OperationalError("disk I/O error"), "读写磁盘时出错")):
        message, details = startup.explain_open_failure(tmp_path / "cases.sqlite", error)
        assert words in message and str(error) in details
        assert not re.search("[A-Za-z]{3}", message.replace("cases.sqlite", "").replace(str(tmp_path), ""))


# ---- the user's name ----------------------------------------------------------------------------
def test_the_first_window_start_asks_for_the_users_name_and_saves_it(home, monkeypatch):
    from desktop_app.gui.dialogs import user_name_dialog
    from desktop_app.settings import UiSettings, load_settings, os_user_name

    asked = []
    monkeypatch.setattr(user_name_dialog, "ask_user_name", lambda suggestion, parent=None: asked.append(suggestion) or "王小明")
    settings = UiSettings()
    startup.ensure_user_name(settings, interactive=False)  # smoke test: never asked
    assert asked == [] and startup.operator_name(settings)() == os_user_name()
    startup.ensure_user_name(settings, interactive=True)
    assert asked == [os_user_name()]  # the login is offered as a suggestion
    assert settings.user_name == "王小明" and load_settings().user_name == "王小明"
    assert startup.operator_name(settings)() == "王小明"  # the 操作人 in history
    startup.ensure_user_name(settings, interactive=True)
    assert len(asked) == 1  # asked once


def test_the_name_dialog_is_prefilled_and_needs_a_name(qtbot):
    from desktop_app.gui.dialogs.user_name_dialog import UserNameDialog

    dialog = UserNameDialog("root")
    qtbot.addWidget(dialog)
    assert dialog.ui.userNameEdit.text() == "root" and "root" in dialog.ui.hintLabel.text()
    assert dialog.ok_button.isEnabled() and dialog.ok_button.text() == "确定"
    dialog.ui.userNameEdit.setText("  ")
    assert not dialog.ok_button.isEnabled()
    dialog.ui.userNameEdit.setText(" 李四 ")
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.user_name == "李四"


# ---- crash handler and single instance --------------------------------------------------------
def test_uncaught_exceptions_are_logged_and_shown(home, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(bootstrap, "_show_crash_dialog", lambda t, e, tb, log_file: shown.append((e, log_file)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    bootstrap.install_excepthook(home / "logs" / "desktop-app.log")
    try:
        raise ValueError("意外的值")
    except ValueError as error:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(type(error), error, error.__traceback__)
    assert shown and str(shown[0][0]) == "意外的值"
    assert "意外的值" in caplog.text and "Traceback" in caplog.text


def test_a_crash_before_the_first_paint_sets_up_the_log_file_and_names_it(home, monkeypatch):
    shown = []
    monkeypatch.setattr(bootstrap, "_show_crash_dialog", lambda t, e, tb, log_file: shown.append(log_file))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(logs, "_logging_set_up", [])  # this process has not logged yet
    bootstrap.install_excepthook(logs.ensure_logging)
    try:
        raise RuntimeError("窗口还没画出来")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    log_file = home / "logs" / "desktop-app.log"
    assert shown == [log_file]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "窗口还没画出来" in log_file.read_text(encoding="utf-8")


def test_second_start_on_an_open_database_hands_over_and_exits(qapp, tmp_path):
    from desktop_app.gui.instance import Claim, SingleInstance

    first = SingleInstance(tmp_path / "cases.sqlite")
    assert first.claim() is Claim.PRIMARY
    asked = []
    first.activation_requested.connect(lambda: asked.append(True))
    try:
        again = SingleInstance(tmp_path / "cases.sqlite")
        assert again.another_may_run()  # the first left its marker: ask before painting a window
        assert bootstrap._claim_instance(again) == 0  # exit 0: handed over
        assert asked == [True]
        other = SingleInstance(tmp_path / "other.sqlite")
        assert not other.another_may_run()  # nobody has it: paint first, claim after
        assert bootstrap._claim_instance(other) is None and other.claimed
        other.close()
        assert not other.marker_path().exists()
    finally:
        first.close()
    assert not SingleInstance(tmp_path / "cases.sqlite").another_may_run()


def test_crash_dialog_explains_in_chinese_and_names_the_log_file(qapp, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    try:
        raise KeyError("unit_id")
    except KeyError as error:
        bootstrap._show_crash_dialog(type(error), error, error.__traceback__, tmp_path / "desktop-app.log")
    box = shown[0]
    assert "意外错误" in box.text()
    assert str(tmp_path / "desktop-app.log") in box.informativeText()
    assert "已保存的数据不受影响" in box.informativeText()
    assert "Traceback" in box.detailedText()


def test_a_demo_that_cannot_be_filled_leaves_no_half_file(home, monkeypatch, capsys):
    import desktop_app.services.demo as demo

    def fail(ctx, items, progress=None, cancelled=None):
        raise OSError("磁盘已满")

    monkeypatch.setattr(demo, "fill_demo", fail)
    target = paths.demo_db_path()
    assert startup.open_for_window(target, demo=True, user_name=lambda: "", interactive=False) is None
    assert "磁盘已满" in capsys.readouterr().err
    assert not target.exists()
