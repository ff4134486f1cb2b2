"""催办清单 as an Excel sheet: item, unit, deadline, days left or overdue, and how each due date
was reached (exchange layer).

Input rows are the deadline rows of ``services.deadlines`` (read by attribute only); no database,
no Qt. The file is written under a temporary name and renamed, so a failed export never leaves a
half-written workbook under the chosen name.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop_app.domain.calendar import format_day
from desktop_app.exchange.ledger import save_book
from desktop_app.exchange.xlsx_writer import append_row

HEADERS = ("序号", "届次", "编号", "标题", "期限", "办理单位", "到期日", "剩余/超期", "提醒", "备注", "到期日说明")
WIDTHS = (6, 22, 10, 44, 14, 20, 12, 12, 10, 16, 70)
OVERDUE_FILL = "F8D7DA"


def left_text(days_left: int) -> str:
    if days_left < 0:
        return f"超期 {-days_left} 天"
    return "今天到期" if days_left == 0 else f"剩 {days_left} 天"


def write_reminder_list(path: Path | str, rows, as_of: date, title: str = "催办清单") -> Path:
    """Write ``rows`` (overdue first, as given) to ``path``; returns the path written."""
    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = "催办清单"
    append_row(sheet, [f"{title}（截至 {format_day(as_of)}）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    append_row(sheet, list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor=OVERDUE_FILL)
    for n, r in enumerate(rows, start=1):
        append_row(sheet, [
            n, r.session_name, r.number, r.title, r.kind.label, r.unit_name, r.due_on,
            left_text(r.days_left), r.bucket.label, "" if r.covered else "未含节假日安排", r.explanation,
        ])
        sheet.cell(sheet.max_row, 7).number_format = "yyyy-mm-dd"
        sheet.cell(sheet.max_row, len(HEADERS)).alignment = Alignment(wrap_text=True, vertical="top")
        if r.days_left < 0:
            for cell in sheet[sheet.max_row]:
                cell.fill = fill
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A3"
    return save_book(book, path)
