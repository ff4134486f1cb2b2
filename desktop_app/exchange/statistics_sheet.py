"""The 办理情况统计 workbook (exchange layer: takes the domain report, writes the file; no DB, no Qt)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from desktop_app.domain.calendar import format_day
from desktop_app.domain.statistics import DIMENSIONS, FIGURES, Report
from desktop_app.exchange.ledger import save_book
from desktop_app.exchange.xlsx_writer import append_row


def heading(report: Report) -> str:
    """The as-of day and the period, as every export of the report states them."""
    text = f"办理情况统计（截至 {format_day(report.as_of)}"
    if report.period is not None:
        text += f"；统计范围：{report.period.label}"
    return text + "）"


def write_report_sheet(path, report: Report) -> None:
    """The report as a workbook: 总体 (each figure with its definition) and one sheet per dimension,
    one row per group, with a note row giving every figure's definition."""
    book = Workbook()
    sheet = book.active
    sheet.title = "总体"
    append_row(sheet, [heading(report)])
    append_row(sheet, ["指标", "数值", "件数", "基数", "口径说明"])
    for key, label in FIGURES:
        f = report.overall[key]
        append_row(sheet, [label, f.shown(), f.count, f.base if f.base is not None else "", f.definition])
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["E"].width = 100
    notes = "注：" + "；".join(f"{label}：{report.overall[key].definition.rstrip('。')}" for key, label in FIGURES) + "。"
    if report.counting_note:
        notes += report.counting_note
    for dim, dim_label in DIMENSIONS:
        ws = book.create_sheet(dim_label)
        append_row(ws, [dim_label, *[label for _k, label in FIGURES]])
        for name in report.group_names(dim):
            figures = report.groups[(dim, name)]
            append_row(ws, [name, *[figures[key].shown() for key, _l in FIGURES]])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        append_row(ws, [])
        append_row(ws, [heading(report)])
        append_row(ws, [notes])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    save_book(book, path)
