"""``desktop-app due``: every open deadline, as of a day, for one unit or all, as text or JSON."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from desktop_app.bootstrap import main
from desktop_app.services.cases import CaseService
from desktop_app.services.context import ServiceContext
from desktop_app.storage.database import open_database
from tests.services.records import make_record


@pytest.fixture(autouse=True)
def home(cli_home):
    return cli_home


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The command line's today: a day before it is a view of the past (test_cli_as_of.py)."""
    from desktop_app.commands import frame

    monkeypatch.setattr(frame, "clock", lambda: datetime(2024, 6, 3, 9, 30))


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cases.sqlite"
    db = open_database(path)
    try:
        cases = CaseService(ServiceContext(db, lambda: "测试员", lambda: datetime(2024, 6, 3, 9, 30)))
        cases.save(make_record())  # 交办 2024-02-20: reply due 2024-05-20, opinion due 2024-03-20
        cases.save(make_record(number="0036", assigned_on=date(2026, 11, 2)))  # reply due 2027-02-02
    finally:
        db.close()
    return path


def test_due_as_json_lists_each_open_deadline_with_its_bucket_and_coverage(capsys, db_file):
    code = main(["due", "--db", str(db_file), "--as-of", "2024-06-03", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    rows = {(d["number"], d["kind"], d["unit_name"]): d for d in data["deadlines"]}
    reply = rows[("0035", "reply", "区交通委")]
    assert (reply["due_on"], reply["days_left"], reply["bucket"], reply["covered"]) == ("2024-05-20", -14, "overdue", True)
    assert reply["session_name"] == "区二届人大五次会议" and reply["title"] == "关于加强农村道路养护管理的建议"
    assert rows[("0035", "opinion", "区农业农村委")]["due_on"] == "2024-03-20"
    late = rows[("0036", "reply", "区交通委")]
    assert late["covered"] is False and late["due_on"] == "2027-02-02"


def test_due_for_one_unit_in_text(capsys, db_file):
    assert main(["due", "--db", str(db_file), "--as-of", "2024-06-03", "--unit", "区农业农村委"]) == 0
    out = capsys.readouterr().out
    assert "会办意见" in out and "区农业农村委" in out and "超期 75 天" in out
    assert "区交通委" not in out


def test_due_refuses_an_unknown_unit_and_a_bad_date(capsys, db_file):
    assert main(["due", "--db", str(db_file), "--unit", "区不存在局"]) == 1
    assert "没有名为“区不存在局”的单位" in capsys.readouterr().err
    assert main(["due", "--db", str(db_file), "--as-of", "6/3/2024"]) == 2
    assert "不是日期，请写成 YYYY-MM-DD" in capsys.readouterr().err


def test_due_reads_without_the_full_integrity_check_and_still_refuses_a_foreign_file(
        capsys, db_file, tmp_path, monkeypatch):
    from desktop_app.storage.database import Database

    def no_check(self, quick=False):
        raise AssertionError("due must not run the integrity check")

    monkeypatch.setattr(Database, "integrity_problems", no_check)
    assert main(["due", "--db", str(db_file), "--as-of", "2024-06-03"]) == 0
    assert "答复" in capsys.readouterr().out
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert main(["due", "--db", str(junk)]) == 1
    assert "无法打开数据库文件" in capsys.readouterr().err


def test_due_on_an_older_database_migrates_it_and_lists_the_same_way(capsys, tmp_path):
    import shutil
    from pathlib import Path

    from desktop_app.storage.database import SCHEMA_VERSION

    old = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).resolve().parent / "fixtures" / "schema_0003.sqlite", old)
    assert main(["due", "--db", str(old), "--as-of", "2024-06-03", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {(d["number"], d["kind"], d["due_on"]) for d in data["deadlines"]} == {
        ("第15号", "opinion", "2024-04-07"), ("第8号", "reply", "2024-05-06"),
        ("第15号", "publication", "2024-06-19"), ("第15号", "commitment", "2024-12-31")}
    db = open_database(old, create=False)
    try:
        assert db.schema_version() == SCHEMA_VERSION
    finally:
        db.close()


def test_due_without_a_day_counts_from_the_command_lines_clock(capsys, db_file, monkeypatch):
    from desktop_app.commands import frame

    monkeypatch.setattr(frame, "clock", lambda: datetime(2024, 6, 3, 9, 30))
    assert main(["due", "--db", str(db_file), "--json"]) == 0
    without = json.loads(capsys.readouterr().out)
    assert main(["due", "--db", str(db_file), "--as-of", "2024-06-03", "--json"]) == 0
    assert without == json.loads(capsys.readouterr().out)
    assert without["as_of"] == "2024-06-03"


def test_due_explains_each_date_in_json_and_in_text(capsys, db_file):
    reply = ("答复期限（代表建议）：交办日期 2024年2月20日 起 3个月，到期 2024年5月20日（周一）。"
             "该日是工作日，不需顺延。")
    assert main(["due", "--db", str(db_file), "--as-of", "2024-06-03", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    explained = {(d["number"], d["kind"]): d["explanation"] for d in data["deadlines"]}
    assert explained[("0035", "reply")] == reply
    assert explained[("0035", "opinion")] == (
        "会办意见期限：交办日期 2024年2月20日 起 1个月，到期 2024年3月20日（周三）。该日是工作日，不需顺延。")

    assert main(["due", "--db", str(db_file), "--as-of", "2024-06-03"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if "\t0035\t" in line and line.startswith("答复"))
    assert line.endswith("\t" + reply)
