"""``desktop-app import`` and ``desktop-app export ledger`` from the command line."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from desktop_app.bootstrap import main
from desktop_app.storage.database import open_database
from tests.exchange.sheets import SESSION, row, simple_list


@pytest.fixture(autouse=True)
def home(cli_home):
    return cli_home


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cases.sqlite"
    open_database(path).close()
    return path


def test_dry_run_previews_and_writes_nothing_then_import_and_export(capsys, tmp_path, db_file):
    sheet = simple_list(tmp_path / "清单.xlsx", [row(1, "0035", "关于增设公交站点的建议", 主办单位="交通委"),
                                                  row(2, "0036", "关于加强河道保洁的建议")])
    assert main(["import", str(sheet), "--db", str(db_file), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "新增 2 行" in out and "新单位：交通委" in out and "未写入" in out

    assert main(["import", str(sheet), "--db", str(db_file), "--map", "交通委=区交通委", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["result"]["created"] == 2

    out_file = tmp_path / "台账.xlsx"
    assert main(["export", "ledger", str(out_file), "--db", str(db_file), "--session", SESSION,
                 "--unit", "区交通委"]) == 0
    assert "已导出台账（2 行）" in capsys.readouterr().out
    rows = list(load_workbook(out_file).active.iter_rows(min_row=3, values_only=True))
    assert [r[2] for r in rows] == ["0035", "0036"]
    assert rows[0][7] == "区交通委"


def test_rows_with_errors_exit_1_and_import_nothing(capsys, tmp_path, db_file):
    sheet = simple_list(tmp_path / "bad.xlsx", [row(1, "0035", "关于A的建议", 交办日期="明天")])
    assert main(["import", str(sheet), "--db", str(db_file)]) == 1
    captured = capsys.readouterr()
    assert "第 4 行“交办日期”列：“明天”不是有效的日期" in captured.out
    assert "没有导入任何数据" in captured.err
    assert main(["check", "--db", str(db_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["item"] == 0


def test_a_hostile_file_is_refused_in_chinese(capsys, tmp_path, db_file):
    fake = tmp_path / "清单.xlsx"
    fake.write_text("not a workbook")
    assert main(["import", str(fake), "--db", str(db_file)]) == 1
    assert "不是 Excel 工作簿" in capsys.readouterr().err
