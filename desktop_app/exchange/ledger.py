"""Writing the 台账 (ledger) and other tables to .xlsx, ready to print and filter (exchange layer).

Input is a ``LedgerTable`` of plain values (``exchange.table``); no database, no Qt. The sheet has
a title row naming the unit and the 截至 date, a bold frozen header with an autofilter, sensible
widths, wrapped text (the default format of the workbook), real dates, landscape A4 with the header
repeated on every printed page. Every value goes through ``exchange.xlsx_writer`` (text stays text,
formula starts neutralised, control characters dropped). Written in openpyxl's write-only mode (fast
for 100,000 rows). ``save_book`` is how every workbook of the exchange layer reaches the disk:
through ``atomic_write``, with a Chinese message for a file that Excel or WPS holds open.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList

from desktop_app.atomic_file import atomic_write
from desktop_app.domain.disk import disk_full_error, is_disk_full
from desktop_app.domain.errors import DomainError
from desktop_app.exchange.table import LedgerTable
from desktop_app.exchange.xlsx_writer import append_row, cell_text


def write_table(path: Path | str, table: LedgerTable, progress=None, cancelled=None) -> Path:
    path = Path(path)
    book = Workbook(write_only=True)
    _wrap_by_default(book)
    sheet = book.create_sheet(table.sheet_name)
    columns = table.columns
    last = get_column_letter(max(len(columns), 1))
    for n, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = column.width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.auto_filter.ref = f"A2:{last}{len(table.rows) + 2}"

    title = WriteOnlyCell(sheet, cell_text(table.heading))
    title.font = Font(bold=True, size=14)
    append_row(sheet, [title])
    header_font, header_align = Font(bold=True), Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, cell_text(column.title))
        cell.font, cell.alignment = header_font, header_align
        header.append(cell)
    append_row(sheet, header)

    total = len(table.rows)
    for n, row in enumerate(table.rows):
        append_row(sheet, row)
        if progress is not None and n % 2000 == 0:
            if cancelled is not None and cancelled():
                raise InterruptedError
            progress(n, total)
    return save_book(book, path)


def _wrap_by_default(book) -> None:
    """Make the workbook's default cell format (xf 0) wrap text at the top of the cell. Cells
    without a style of their own use it, so data cells need no per-cell style: a per-cell
    alignment would cost more than writing the cell (write-only mode, 100,000 rows)."""
    default = StyleArray()
    default.alignmentId = book._alignments.add(Alignment(wrap_text=True, vertical="top"))
    book._cell_styles = IndexedList([default])


def save_book(book, path: str | Path) -> Path:
    """Save the openpyxl ``book`` to ``path`` whole or not at all; a DomainError that says what to do
    when the file cannot be written (the old file, if any, is then left as it was)."""
    path = Path(path)
    try:
        with atomic_write(path) as handle:
            book.save(handle)
    except PermissionError as error:
        raise DomainError(f"无法写入“{path.name}”：文件可能正在 Excel 或 WPS 中打开。请关闭该文件后再导出。") from error
    except OSError as error:
        if is_disk_full(error):
            raise disk_full_error(path, "导出的文件") from error
        raise DomainError(f"无法写入“{path}”（{error.strerror or error}），请检查文件夹是否存在、可写，磁盘空间是否足够。") from error
    return path
