"""The 回头看 workbook (exchange layer: takes ``domain.review.ReviewReport``, writes the file; no
DB, no Qt): 汇总 (counts by category and outcome), 按主办单位, 清单 (every entry) and 需告知代表.

涉密 items are counted but never listed: their titles do not leave the app.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop_app.domain.calendar import format_day
from desktop_app.domain.enums import ReviewCategory
from desktop_app.domain.review import ReviewEntryRow, ReviewReport
from desktop_app.exchange.ledger import save_book
from desktop_app.exchange.xlsx_writer import append_row

LIST_COLUMNS = (
    ("类别", 16), ("届次", 22), ("编号", 8), ("标题", 40), ("领衔代表（委员）", 12), ("主办单位", 18),
    ("承诺事项", 30), ("列入原因", 30), ("回头看结果", 12), ("回头看情况", 40), ("回头看日期", 12),
    ("回头看人", 10), ("需告知代表", 10), ("告知日期", 12),
)


def entry_cells(e: ReviewEntryRow) -> list:
    return [
        e.category.label, e.session_name, e.number, e.title, e.lead_proposer, e.lead_units, e.subject, e.reason,
        e.outcome.label if e.reviewed else "未回头看", e.note, e.reviewed_on, e.reviewer,
        "是" if e.tell_deputy else "", e.told_on,
    ]


def write_review_sheet(path: Path, report: ReviewReport) -> None:
    book = Workbook()
    summary = book.active
    summary.title = "汇总"
    day = report.as_of
    append_row(summary, [f"{report.title}（截至 {format_day(day)}）"])
    summary["A1"].font = Font(bold=True, size=14)
    append_row(summary, [report.progress.label()])
    append_row(summary, [])
    _header(summary, ["类别", "条数", "已回头看", "未回头看", "需告知代表", "已告知"])
    for category, t in report.progress.by_category:
        append_row(summary, [category.label, t.total, t.reviewed, t.total - t.reviewed, t.flagged, t.told])
    o = report.progress.overall
    append_row(summary, ["合计", o.total, o.reviewed, o.total - o.reviewed, o.flagged, o.told])
    append_row(summary, [])
    _header(summary, ["回头看结果", "条数"])
    for outcome, count in report.outcomes:
        append_row(summary, [outcome.label if outcome else "未回头看", count])
    if report.secret_count:
        append_row(summary, [])
        append_row(summary, [f"另有涉密件 {report.secret_count} 条已计入以上数字，不在清单中列出。"])
    _widths(summary, [18, 10, 10, 10, 12, 10])

    units = book.create_sheet("按主办单位")
    _header(units, ["主办单位", *[c.label for c in ReviewCategory], "合计", "已回头看", "需告知代表"])
    for line in report.by_unit:
        append_row(units, [line.unit, *line.counts, line.overall.total, line.overall.reviewed, line.overall.flagged])
    _widths(units, [20, *[14] * len(ReviewCategory), 8, 10, 12])

    listing = book.create_sheet("清单")
    _header(listing, [name for name, _w in LIST_COLUMNS])
    for category in ReviewCategory:
        for entry in report.listed(category):
            append_row(listing, entry_cells(entry))
    _finish_list(listing)

    flagged = book.create_sheet("需告知代表")
    _header(flagged, [name for name, _w in LIST_COLUMNS])
    for entry in report.flagged():
        append_row(flagged, entry_cells(entry))
    _finish_list(flagged)

    save_book(book, path)


def _header(sheet, names: list[str]) -> None:
    append_row(sheet, names)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def _widths(sheet, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def _finish_list(sheet) -> None:
    _widths(sheet, [w for _n, w in LIST_COLUMNS])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
