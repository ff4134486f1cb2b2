"""The 办理情况统计 workbook (exchange layer: takes the domain report, writes the file; no DB, no Qt)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from desktop_app.domain.calendar import format_day
from desktop_app.domain.statistics import DIMENSIONS, FIGURES, Report
from desktop_app.exchange.ledger import save_book
from desktop_app.exchange.xlsx_writer import append_row


def write_report_sheet(path, report: Report) -> None:
    """The report as a workbook: 总体 and one sheet per dimension, one row per group."""
    book = Workbook()
    sheet = book.active
    sheet.title = "总体"
    append_row(sheet, [f"办理情况统计（截至 {format_day(report.as_of)}）"])
    append_row(sheet, ["指标", "数值", "件数", "基数"])
    for key, label in FIGURES:
        f = report.overall[key]
        append_row(sheet, [label, f.shown(), f.count, f.base if f.base is not None else ""])
    for dim, dim_label in DIMENSIONS:
        ws = book.create_sheet(dim_label)
        append_row(ws, [dim_label, *[label for _k, label in FIGURES]])
        for name in report.group_names(dim):
            figures = report.groups[(dim, name)]
            append_row(ws, [name, *[figures[key].shown() for key, _l in FIGURES]])
        for cell in ws[1]:
            cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    save_book(book, path)
