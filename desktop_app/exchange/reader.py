"""Reading the first worksheet of an .xlsx or .xls file with python-calamine, after refusing
files that are not spreadsheets, encrypted, too large, or built to exhaust memory (exchange layer).

The work a file can cause is bounded before it is read (``exchange.xlsx_bounds``), and the read
itself runs in a child process with a memory limit (``exchange.sandbox``): no file can take the
window's process down.

Rows come back as lists of cell values (str, float, bool, date, datetime; formulas as their
cached values) with row index = Excel row number − 1, and merged cells filled with their
top-left value so that a unit merged over several rows belongs to each of them.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from desktop_app.domain.errors import DomainError
from desktop_app.exchange import sandbox, xlsx_bounds

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class SheetError(DomainError):
    """The file cannot be read as a 交办清单; the message says why and what to do."""


@dataclass(frozen=True)
class RawSheet:
    file_name: str
    sheet_name: str
    rows: list[list]


def read_sheet(path: Path | str) -> RawSheet:
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as error:
        raise SheetError(f"无法打开“{name}”（{error.strerror or error}），请确认文件存在且没有被其他程序占用。") from error
    if size > MAX_FILE_BYTES:
        raise SheetError(
            f"“{name}”有 {size / 1024 / 1024:.0f} MB，超过 {MAX_FILE_BYTES // 1024 // 1024} MB 的上限。"
            "请删除无关的工作表或图片，或把清单拆成几个文件后分别导入。")
    if head.startswith(_ZIP_MAGIC):
        _check_xlsx(path)
    elif head.startswith(_OLE_MAGIC):
        _check_ole(path)
    else:
        raise SheetError(f"“{name}”不是 Excel 工作簿（.xlsx 或 .xls）。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。")
    return _load_in_child(path)


def _load_in_child(path: Path) -> RawSheet:
    """``_load`` in a child process with a memory limit: a file that still manages to exhaust it
    ends the child, never the window."""
    name = path.name
    try:
        return sandbox.run_bounded(_load, path)
    except sandbox.ChildFailed as failed:
        if failed.reason == "timeout":
            raise SheetError(f"读取“{name}”超过 {sandbox.TIMEOUT_SECONDS:.0f} 秒仍未完成，已停止。{_ASK_AGAIN}") from failed
        limit = sandbox.MEMORY_LIMIT_BYTES // 1024 // 1024
        raise SheetError(
            f"读取“{name}”所需的内存超过 {limit} MB 的上限（可能是恶意构造的文件），已停止读取，程序和数据不受影响。"
            f"{_ASK_AGAIN}") from failed


def _check_xlsx(path: Path) -> None:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: info for info in archive.infolist()}
            if "xl/workbook.xml" not in members:
                raise SheetError(f"“{name}”是压缩文件，但不是 Excel 工作簿。请选择 .xlsx 或 .xls 文件。")
            try:
                xlsx_bounds.check_workbook(archive, MAX_ROWS)
            except xlsx_bounds.BoundsError as error:
                raise SheetError(f"“{name}”{error}，已拒绝导入。{_ASK_AGAIN}") from error
            for member, info in members.items():
                # Small parts other than sheets are parsed whole, by a parser that refuses DTDs.
                if member.endswith((".xml", ".rels")) and info.file_size < 1024 * 1024 \
                        and not member.startswith("xl/worksheets/"):
                    ElementTree.fromstring(archive.read(info))
                elif member.startswith("xl/worksheets/"):
                    with archive.open(info) as fh:
                        start = fh.read(4096)
                    if b"<dimension" in start:
                        _check_dimension(name, start)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as error:
        raise SheetError(f"“{name}”已损坏，无法作为 Excel 工作簿读取。请在 Excel 中打开并另存后再导入。") from error
    except DefusedXmlException as error:
        raise SheetError(f"“{name}”含有不安全的 XML 内容（可能是恶意构造的文件），已拒绝导入。") from error
    except ElementTree.ParseError as error:
        raise SheetError(f"“{name}”内部格式有误，无法读取。请在 Excel 中打开并另存后再导入。") from error


_ASK_AGAIN = "如果这是正常的清单，请在 Excel 或 WPS 中打开、删除无关的内容后另存为 .xlsx 再导入，或让对方重新导出。"


def _check_dimension(name: str, start: bytes) -> None:
    found = re.search(rb'<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"', start)
    if found and int(found.group(1)) > MAX_ROWS + 100:
        _too_many(name, int(found.group(1)))


def _too_many(name: str, rows: int) -> None:
    raise SheetError(f"“{name}”有 {rows} 行，超过每次导入 {MAX_ROWS} 行的上限。请把清单拆成几个文件后分别导入。")


def _check_ole(path: Path) -> None:
    # An encrypted .xlsx is an OLE file holding an EncryptedPackage stream instead of a zip.
    with open(path, "rb") as fh:
        data = fh.read(min(MAX_FILE_BYTES, 4 * 1024 * 1024))
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise _encrypted(path.name)


def _encrypted(name: str) -> SheetError:
    return SheetError(f"“{name}”设置了打开密码，无法读取。请在 Excel 中打开后取消密码（文件 → 信息 → 保护工作簿），另存后再导入。")


def _load(path: Path) -> RawSheet:
    import python_calamine as pc

    name = path.name
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
        sheet_name = book.sheet_names[0]
        sheet = book.get_sheet_by_index(0)
        if sheet.height > MAX_ROWS + 100:
            _too_many(name, sheet.height)
        rows = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
    except pc.PasswordError as error:
        raise _encrypted(name) from error
    except (pc.CalamineError, pc.ZipError, pc.XmlError, pc.WorksheetNotFound, IndexError, ValueError) as error:
        raise SheetError(f"无法读取“{name}”：文件已损坏或格式不受支持（{error}）。请在 Excel 中打开并另存为 .xlsx 后再导入。") from error
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = value
    return RawSheet(name, sheet_name, rows)
