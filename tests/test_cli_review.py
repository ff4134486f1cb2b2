"""``desktop-app review build|list|report`` on a real database file."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from desktop_app.bootstrap import main
from tests.services.review_data import build_dataset


@pytest.fixture
def path(ctx):
    build_dataset(ctx)
    return str(ctx.db.path)


def test_build_list_and_report(path, capsys, tmp_path):
    assert main(["review", "build", "2024", "--db", path]) == 0
    assert "已建立 2024 年回头看：回头看清单共 7 条，新增 7 条。" in capsys.readouterr().out
    assert main(["review", "build", "2024", "--db", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 0
    assert main(["review", "list", "2024", "--db", path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["progress"]["total"] == 7 and data["progress"]["by_category"]["commitment"]["total"] == 2
    assert {e["category_label"] for e in data["entries"]} == {"已经解决复核", "正在/计划解决进度", "留作参考再研究",
                                                              "不满意", "未完成承诺"}
    assert main(["review", "list", "2024", "--db", path, "--pending"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("2024年建议提案办理“回头看”：已回头看 0 / 7 条") and "（承诺：完成桥梁加固）" in text
    pdf, xlsx = tmp_path / "回头看.pdf", tmp_path / "回头看.xlsx"
    assert main(["review", "report", "2024", "--out", str(pdf), "--db", path, "--as-of", "2024-06-03"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and "已写入回头看报告" in capsys.readouterr().out
    assert main(["review", "report", "2024", "--out", str(xlsx), "--db", path]) == 0
    assert load_workbook(xlsx).sheetnames[0] == "汇总"


def test_errors_are_explained(path, capsys, tmp_path):
    assert main(["review", "list", "2023", "--db", path]) == 1
    assert "还没有 2023 年的回头看" in capsys.readouterr().err
    assert main(["review", "report", "2024", "--out", str(tmp_path / "x.docx"), "--db", path]) == 1
    assert "文件名请以 .pdf（打印报告）或 .xlsx（Excel）结尾" in capsys.readouterr().err
