"""``desktop-app similar TEXT`` and ``desktop-app review recurring``: 年年提 on the command line."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from desktop_app.bootstrap import main
from desktop_app.services.cases import CaseService
from desktop_app.services.context import ServiceContext
from desktop_app.storage.database import open_database
from tests.services.records import make_record


@pytest.fixture(autouse=True)
def home(cli_home):
    return cli_home


@pytest.fixture
def db_file(tmp_path):
    """Parking at the hospital raised in 2022 and 2023 in other words, and a library item."""
    path = tmp_path / "cases.sqlite"
    db = open_database(path)
    try:
        cases = CaseService(ServiceContext(db, lambda: "测试员", lambda: datetime(2024, 6, 3, 9, 30)))
        cases.save(make_record(session_name="2022年区人大会议", number="0001", title="关于缓解区中心医院停车难的建议",
                               content="区中心医院门口停车泊位严重不足，就诊车辆排队进院。建议新建停车场。"))
        cases.save(make_record(session_name="2023年区人大会议", number="0001", title="关于再次呼吁缓解医院停车难的建议",
                               content="区中心医院停车泊位仍严重不足，就诊车辆排队进院。建议在医院周边建设停车场。"))
        cases.save(make_record(session_name="2023年区人大会议", number="0002", title="关于延长区图书馆开放时间的建议",
                               content="区图书馆晚上五点关门，上班族没有时间借书。"))
    finally:
        db.close()
    return path


def test_similar_lists_the_earlier_items_on_the_problem_best_first(db_file, capsys):
    assert main(["similar", "关于增加医院周边停车泊位的建议", "--db", str(db_file), "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "医院" in out.splitlines()[0] and "图书馆" not in out
    assert "2022年区人大会议" in out and "2023年区人大会议" in out and "未答复" in out


def test_similar_as_json_carries_the_score_and_result(db_file, capsys):
    assert main(["similar", "医院停车难", "--db", str(db_file), "--limit", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and len(data["items"]) == 1
    assert "医院" in data["items"][0]["title"] and 0 < data["items"][0]["score"] <= 1


def test_similar_refuses_a_bad_limit(db_file, capsys):
    assert main(["similar", "医院", "--db", str(db_file), "--limit", "0"]) == 2
    assert "1 至 100" in capsys.readouterr().err


def test_review_recurring_prints_and_writes_the_groups(db_file, tmp_path, capsys):
    assert main(["review", "recurring", "--db", str(db_file)]) == 0
    out = capsys.readouterr().out
    assert "年年提：1 组" in out and "2022、2023" in out and "图书馆" not in out
    target = tmp_path / "年年提.xlsx"
    assert main(["review", "recurring", "--db", str(db_file), "--out", str(target)]) == 0
    rows = list(load_workbook(target)["年年提"].iter_rows(min_row=4, values_only=True))
    assert [r[3] for r in rows] == [2022, 2023]


def test_review_recurring_refuses_another_file_type(db_file, tmp_path, capsys):
    assert main(["review", "recurring", "--db", str(db_file), "--out", str(tmp_path / "x.pdf")]) == 1
    assert ".xlsx" in capsys.readouterr().err
