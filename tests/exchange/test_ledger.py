"""The 台账 sheet as a user opens and prints it."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from desktop_app.exchange.ledger import DATE, NUMBER, TEXT, WRAP, LedgerColumn, LedgerTable, write_table

COLUMNS = (
    LedgerColumn("seq", "序号", 6, NUMBER),
    LedgerColumn("number", "编号", 8, TEXT),
    LedgerColumn("title", "标题", 40, WRAP),
    LedgerColumn("assigned_on", "交办日期", 12, DATE),
)


def test_the_ledger_is_ready_to_print_and_filter(tmp_path):
    rows = [(1, "0035", "关于增设公交站点的建议", date(2024, 1, 15)), (2, "0036", "关于加强河道保洁的建议", None)]
    path = write_table(tmp_path / "台账.xlsx", LedgerTable("区交通委 建议提案办理台账", date(2024, 6, 3), COLUMNS, rows))

    sheet = load_workbook(path).active
    assert sheet["A1"].value == "区交通委 建议提案办理台账（截至2024年6月3日）"
    assert [c.value for c in sheet[2]] == ["序号", "编号", "标题", "交办日期"]
    assert all(c.font.bold for c in sheet[2])
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:D4"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.column_dimensions["C"].width == 40
    assert sheet["C3"].alignment.wrap_text
    assert sheet["D3"].is_date and sheet["D3"].value.date() == date(2024, 1, 15)
    assert sheet["B3"].value == "0035"  # leading zeros kept: text, not a number
    assert not list(tmp_path.glob("*.tmp"))


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    risky = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 021 1234", "-1", "@SUM(A1)"]
    rows = [(n, value, value, None) for n, value in enumerate(risky, 1)]
    path = write_table(tmp_path / "t.xlsx", LedgerTable("台账", date(2024, 6, 3), COLUMNS, rows))

    sheet = load_workbook(path).active
    for n, value in enumerate(risky, 3):
        assert sheet.cell(n, 2).value == value and sheet.cell(n, 2).data_type == "s"
        assert sheet.cell(n, 3).value == value and sheet.cell(n, 3).data_type == "s"


def test_an_export_over_an_open_file_says_to_close_it(tmp_path, monkeypatch):
    import os

    import pytest

    from desktop_app.domain.errors import DomainError

    def locked(_src, _dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(DomainError, match="正在 Excel 或 WPS 中打开"):
        write_table(tmp_path / "t.xlsx", LedgerTable("台账", date(2024, 6, 3), COLUMNS, []))
