"""整改清单 in Excel: the seed's columns, merged 主要方面 cells, title rows; and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.bootstrap import main
from desktop_app.domain.rectification import COLUMNS, RectificationEntry
from desktop_app.exchange.rectification_sheet import read_entries, write_entries
from desktop_app.storage.database import open_database

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed_appendix.json"


def seed_entries() -> list[RectificationEntry]:
    return [RectificationEntry(**r) for r in json.loads(FIXTURE.read_text(encoding="utf-8"))["rows"]]


@pytest.fixture(autouse=True)
def home(cli_home):
    return cli_home


def test_export_merges_aspects_and_reads_back_the_same_rows(tmp_path):
    out = tmp_path / "清单.xlsx"
    assert write_entries(out, "审议意见问题整改清单", seed_entries()) == 6
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[2]] == list(COLUMNS)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:F1", "A3:A4", "A5:A6", "A7:A8"} <= merged
    read = read_entries(out)
    assert read.title == "审议意见问题整改清单"
    assert list(read.entries) == seed_entries()


def test_an_office_sheet_with_title_rows_blank_aspects_and_a_repeated_header(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["附件"])
    ws.append(["审议意见问题整改清单"])
    ws.append(["主要方面", "重点问题", "意见建议", "整改 措施", "责任单位", "整改期限"])
    ws.append(["一、甲", "问题1", "建议1", "措施1", "区政府办公室 各承办单位", "持续推进"])
    ws.append([None, "问题2", "建议2", "措施2", "各承办单位", "2024-12-31"])
    ws.append([])
    ws.append(list(COLUMNS))
    ws.append(["一、甲（续）", "问题3", "建议3", "措施3", "各承办单位", "年底前"])
    path = tmp_path / "办公室.xlsx"
    wb.save(path)
    read = read_entries(path)
    assert read.title == "附件"
    assert [e.aspect for e in read.entries] == ["一、甲"] * 3
    assert [e.problem for e in read.entries] == ["问题1", "问题2", "问题3"]
    assert read.entries[1].deadline_text == "2024-12-31"


def test_a_sheet_without_the_header_is_refused_in_chinese(tmp_path):
    wb = Workbook()
    wb.active.append(["编号", "标题"])
    path = tmp_path / "错表.xlsx"
    wb.save(path)
    with pytest.raises(Exception, match="找不到表头"):
        read_entries(path)


def test_command_line_import_list_export_and_print(capsys, tmp_path):
    db = tmp_path / "cases.sqlite"
    open_database(db).close()
    sheet = tmp_path / "in.xlsx"
    write_entries(sheet, "审议意见问题整改清单", seed_entries())
    assert main(["rectification", "import", str(sheet), "--db", str(db), "--title", "2024年审议意见"]) == 0
    assert "6 项，3 个主要方面" in capsys.readouterr().out
    assert main(["rectification", "list", "--db", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["lists"]
    assert [(x["title"], x["rows"]) for x in listed] == [("2024年审议意见", 6)]
    out = tmp_path / "out.xlsx"
    assert main(["rectification", "export", "2024年审议意见", str(out), "--db", str(db)]) == 0
    assert list(read_entries(out).entries) == seed_entries()
    pdf = tmp_path / "附件.pdf"
    assert main(["print", "appendix", "1", "--db", str(db), "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and "整改清单附件" in capsys.readouterr().out
    assert main(["print", "appendix", "1", "--report", "--db", str(db), "--out", str(pdf)]) == 1
    assert "报告标题" in capsys.readouterr().err  # the report needs its title first
    assert main(["rectification", "export", "9", str(out), "--db", str(db)]) == 1
    assert "没有名为“9”的整改清单" in capsys.readouterr().err


def test_command_line_import_dry_run_backup_and_length_limits(capsys, tmp_path):
    from desktop_app import paths
    from desktop_app.storage.backup import list_backups

    db = tmp_path / "cases.sqlite"
    open_database(db).close()
    sheet = tmp_path / "in.xlsx"
    write_entries(sheet, "审议意见问题整改清单", seed_entries())

    assert main(["rectification", "import", str(sheet), "--db", str(db), "--dry-run"]) == 0
    assert "预览（没有写入）" in capsys.readouterr().out
    assert main(["rectification", "list", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lists"] == []
    assert list_backups(paths.backup_dir(db)) == []

    assert main(["rectification", "import", str(sheet), "--db", str(db)]) == 0
    assert [b.kind for b in list_backups(paths.backup_dir(db))] == ["import"]  # backed up first

    long = seed_entries()
    long[2] = RectificationEntry(long[2].aspect, "问" * 4001, units_text="区交通委")
    write_entries(sheet, "审议意见问题整改清单", long)
    capsys.readouterr()
    assert main(["rectification", "import", str(sheet), "--db", str(db), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "没有写入任何内容" in err and "第 5 行“重点问题”有 4001 个字，超过 4000 个字的上限" in err
