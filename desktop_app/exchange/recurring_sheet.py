"""The 年年提 workbook (exchange layer: takes ``domain.recurring.RecurringReport``, writes the file;
no DB, no Qt): one row per item, the items of a group together, groups with the most years first.

涉密 items never reach this writer (the export registry drops them); a group left with one year
by that is not listed.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop_app.domain.calendar import format_day
from desktop_app.domain.recurring import RecurringReport
from desktop_app.exchange.ledger import save_book
from desktop_app.exchange.xlsx_writer import append_row

COLUMNS = (
    ("组", 6), ("年度数", 8), ("问题（最近一件的标题）", 36), ("年度", 8), ("届次", 22), ("编号", 8),
    ("类别", 10), ("标题", 40), ("主办单位", 18), ("办理结果", 10), ("答复日期", 12), ("承诺事项", 44),
    ("回头看", 12), ("归组方式", 12),
)


def write_recurring_sheet(path: Path, report: RecurringReport) -> int:
    """Write the workbook; returns the number of groups listed."""
    book = Workbook()
    sheet = book.active
    sheet.title = "年年提"
    append_row(sheet, [f"年年提：跨年度反复提出的问题（截至 {format_day(report.as_of)}，共比较 {report.items} 件）"])
    sheet["A1"].font = Font(bold=True, size=14)
    append_row(sheet, [report.definition])
    append_row(sheet, [name for name, _w in COLUMNS])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    groups = [g for g in report.groups if len(g.years) >= 2]
    for number, group in enumerate(groups, start=1):
        for m in group.members:
            item = m.item
            append_row(sheet, [
                number, len(group.years), group.title, item.year, item.session_name, item.number, item.kind.label,
                item.title, item.lead_units, item.result_label, m.replied_on, "；".join(m.commitments),
                item.review_label, "用户关联" if m.linked else "内容相似",
            ])
    if not groups:
        append_row(sheet, ["没有跨年度反复提出的问题。"])
    for i, (_name, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A4"
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = wrap
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
    save_book(book, path)
    return len(groups)
