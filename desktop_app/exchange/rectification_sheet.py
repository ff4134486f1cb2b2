"""整改清单 to and from Excel with the seed's columns 主要方面 | 重点问题 | 意见建议 | 整改措施 |
责任单位 | 整改期限 (exchange layer: entries in, file out; file in, entries out; no DB, no Qt).

Reading takes the first worksheet through ``exchange.reader`` (which refuses hostile files and
fills merged cells with their top-left value), skips the title rows above the header and any
header repeated further down, and fills a blank 主要方面 from the row above, since offices often
unmerge a sheet or retype it with the aspect only on a group's first row. Writing merges 主要方面
over its rows, like the printed appendix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from desktop_app.domain.calendar import format_day
from desktop_app.domain.rectification import COLUMNS, MAX_LENGTHS, RectificationEntry
from desktop_app.domain.text import writable
from desktop_app.exchange.ledger import save_book
from desktop_app.exchange.reader import SheetError, read_sheet
from desktop_app.exchange.xlsx_writer import append_row

WIDTHS = (18, 34, 40, 46, 14, 12)  # Excel column widths (characters), by content length


@dataclass(frozen=True)
class SheetRead:
    """Entries in order, the title found above the header ("" if none), and notes for the user."""

    entries: tuple[RectificationEntry, ...]
    title: str
    notes: tuple[str, ...] = ()


def _norm(value) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _text(value)))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return format_day(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    value = writable(str(value))
    if value[:1] == "'" and value[1:2] in "=+-@\t\r" and len(value) > 1:
        value = value[1:]  # the apostrophe our own export puts before a leading =
    return value.strip()


def _header_map(row: list) -> dict[int, int] | None:
    """Column index of each of the six fields, when ``row`` is the header (at least 主要方面 and
    整改措施 and two more are there)."""
    found: dict[int, int] = {}
    names = [_norm(c) for c in row]
    for field, column in enumerate(COLUMNS):
        for i, name in enumerate(names):
            if name == column or (name.startswith(column) and len(name) <= len(column) + 4):
                found[field] = i
                break
    if 0 in found and 3 in found and len(found) >= 4:
        return found
    return None


def read_entries(path: str | Path) -> SheetRead:
    sheet = read_sheet(path)
    mapping, title, notes = None, "", []
    entries: list[RectificationEntry] = []
    too_long: list[str] = []
    aspect = ""
    for number, row in enumerate(sheet.rows, start=1):
        header = _header_map(row)
        if header is not None:
            mapping = header
            continue
        if mapping is None:
            # A title merged across the sheet comes back in every cell of the range: once is enough.
            text = "".join(dict.fromkeys(t for t in (_text(c) for c in row) if t))
            if text and not title:
                title = text
            continue
        cells = [_text(row[mapping[f]]) if f in mapping and mapping[f] < len(row) else "" for f in range(6)]
        if not any(cells[1:]):
            continue  # blank line, or a page's merged aspect cell left alone
        aspect = cells[0] or aspect
        too_long += [f"第 {number} 行“{COLUMNS[f]}”有 {len(text)} 个字，超过 {MAX_LENGTHS[f]} 个字的上限，请精简或拆成几行。"
                     for f, text in enumerate([aspect, *cells[1:]]) if len(text) > MAX_LENGTHS[f]]
        if not aspect:
            notes.append(f"第 {number} 行没有主要方面，已归入“（未分组）”。")
        entries.append(RectificationEntry(aspect or "（未分组）", *cells[1:]))
    if mapping is None:
        raise SheetError(f"“{Path(path).name}”中找不到表头。请确认有一行依次写着：{'、'.join(COLUMNS)}。")
    if too_long:
        shown = too_long[:20] + ([f"……另有 {len(too_long) - 20} 处"] if len(too_long) > 20 else [])
        raise SheetError("\n".join([f"“{Path(path).name}”不能导入，没有写入任何内容："] + shown))
    # A continuation mark copied from a printed page is not part of the aspect's name.
    entries = [RectificationEntry(e.aspect.removesuffix("（续）").strip(), *e.cells()[1:]) for e in entries]
    return SheetRead(tuple(entries), title, tuple(notes))


def write_entries(path: str | Path, title: str, entries: list[RectificationEntry]) -> int:
    """Write ``entries`` under a title row and the header; 主要方面 merged over its rows. Returns
    the number of rows written. Written to a temporary name, then renamed."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "整改清单"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    append_row(ws, [title] + [None] * 5)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    ws.cell(1, 1).font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    append_row(ws, list(COLUMNS))
    for col, width in enumerate(WIDTHS, start=1):
        ws.cell(2, col).font = Font(bold=True)
        ws.cell(2, col).alignment = Alignment(horizontal="center", vertical="center")
        ws.cell(2, col).border = border
        ws.column_dimensions[chr(64 + col)].width = width
    start = 3
    for i, entry in enumerate(entries):
        append_row(ws, list(entry.cells()))
        r = ws.max_row
        for col in range(1, 7):
            ws.cell(r, col).alignment = wrap
            ws.cell(r, col).border = border
        last_of_group = i + 1 == len(entries) or entries[i + 1].aspect != entry.aspect
        if last_of_group:
            if r > start:
                ws.merge_cells(start_row=start, start_column=1, end_row=r, end_column=1)
            start = r + 1
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    save_book(wb, path)
    return len(entries)
