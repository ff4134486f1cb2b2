"""The 台账 sheet as a user opens and prints it."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from desktop_app.exchange.ledger import write_table
from desktop_app.exchange.table import DATE, NUMBER, TEXT, WRAP, LedgerColumn, LedgerTable

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


def test_text_that_looks_like_a_formula_stays_text_and_reads_back_as_typed(tmp_path):
    from desktop_app.exchange.cleaning import text
    from desktop_app.exchange.xlsx_writer import cell_text

    risky = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 021 1234", "-1", "@SUM(A1)", "\t=1+1"]
    rows = [(n, value, value, None) for n, value in enumerate(risky, 1)]
    path = write_table(tmp_path / "t.xlsx", LedgerTable("台账", date(2024, 6, 3), COLUMNS, rows))

    sheet = load_workbook(path).active
    for n, value in enumerate(risky, 3):
        for column in (2, 3):
            cell = sheet.cell(n, column)
            # An apostrophe in front, as OWASP advises: Excel shows the text and never evaluates it.
            assert cell.value == "'" + value and cell.data_type == "s"
            assert text(cell.value) == value.strip()  # the import takes the apostrophe off again
    assert cell_text("\r=1") == "'\r=1"  # (XML reads a carriage return back as a line feed)


def test_control_characters_already_stored_do_not_break_the_export(tmp_path):
    rows = [(1, "标\x07题\x1b", "单\ud800位\x00", None)]
    path = write_table(tmp_path / "t.xlsx", LedgerTable("台账\x01", date(2024, 6, 3), COLUMNS, rows))

    sheet = load_workbook(path).active
    assert (sheet.cell(3, 2).value, sheet.cell(3, 3).value) == ("标题", "单位")
    assert sheet["A1"].value.startswith("台账（截至")


def test_an_export_over_an_open_file_says_to_close_it(tmp_path, monkeypatch):
    import os

    import pytest

    from desktop_app.domain.errors import DomainError

    def locked(_src, _dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(DomainError, match="正在 Excel 或 WPS 中打开"):
        write_table(tmp_path / "t.xlsx", LedgerTable("台账", date(2024, 6, 3), COLUMNS, []))
