"""Bounding the work an untrusted .xlsx can cause, before any spreadsheet library reads it
(exchange layer, pure Python, streaming: memory stays a few MB whatever the file holds).

A workbook is a zip of XML parts. What makes one expensive to read is not its size on disk but
what it expands to: a part that shrinks thousands of times in the zip, a DTD whose entities expand
(anywhere in a part, not only at its head), a shared string of megabytes referenced by thousands
of cells (each reference becomes its own copy in memory), a single cell at row 1,048,576 or column
XFD that makes the reader fill a dense table, or a cell longer than Excel's own limit. Each is
measured here by scanning the decompressed bytes in chunks with regular expressions (no XML tree
is built), and refused with a Chinese message saying what to do. The limits leave room for the
largest real 交办清单 (200,000 rows × 25 columns).
"""

from __future__ import annotations

import re
import zipfile
from array import array
from dataclasses import dataclass

MAX_PARTS = 2_000
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
#: Real workbook XML shrinks 5–30× in the zip (very repetitive sheets up to ~60×).
MAX_RATIO = 100
#: A part smaller than this cannot hurt whatever its ratio (the zip overhead dominates tiny parts).
RATIO_FREE_BYTES = 1024 * 1024
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_CELLS = 5_000_000  # per sheet: rows × columns of the table a reader fills in
#: The text all cells of a sheet expand to, counting a shared string once per reference (UTF-8 bytes).
MAX_TEXT_BYTES = 200 * 1024 * 1024

_CHUNK = 4 * 1024 * 1024
#: A row (or shared string) that does not end within this many bytes is not a real one.
_MAX_CARRY = 16 * 1024 * 1024

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_ROW = re.compile(rb"<row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["'](\d{1,9})["']""")
_CELL_REF = re.compile(rb"""<c\b[^>]*?\br\s*=\s*["']([A-Z]{1,4})(\d{1,9})["']""")
_SHARED_REF = re.compile(rb"""<c\b[^>]*?\bt\s*=\s*["']s["'][^>]*>\s*<v>\s*(\d{1,12})\s*</v>""")
_LONG_TEXT = re.compile(rb">([^<]{%d,})<" % (MAX_CELL_CHARS + 1))
_SI = re.compile(rb"<si\b[^>]*?(?:/>|>(.*?)</si>)", re.DOTALL)
_TAG = re.compile(rb"<[^>]*>")
_ENTITY = re.compile(rb"&#?\w{1,8};")
_CONTINUATION = bytes(range(0x80, 0xC0))


class BoundsError(ValueError):
    """The workbook would cost too much to read; ``str()`` is the Chinese reason (without the file name)."""


@dataclass
class SheetTally:
    rows: int = 0
    last_row: int = 0
    max_row: int = 0
    max_col: int = 0
    cells: int = 0
    text_bytes: int = 0


def check_workbook(archive: zipfile.ZipFile, max_rows: int) -> None:
    """Raise ``BoundsError`` when reading ``archive`` could exhaust memory or time."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise BoundsError(f"含有 {len(infos)} 个内部部件，远多于任何正常的工作簿")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise BoundsError(f"解压后异常庞大（{total / 1024 / 1024:.0f} MB，上限 {MAX_UNPACKED_BYTES // 1024 // 1024} MB）")
    for info in infos:
        if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BoundsError(f"解压后异常庞大（部件 {info.filename} 被压缩了 {info.file_size // max(info.compress_size, 1)} 倍）")
    shared_name = _shared_strings_part(archive)
    lengths = array("I")
    for info in infos:
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        if info.filename == shared_name:
            _scan(archive, info, _SharedStrings(lengths))
    for info in infos:
        if not info.filename.endswith((".xml", ".rels", ".vml")) or info.filename == shared_name:
            continue
        _scan(archive, info, _Sheet(info.filename, lengths, max_rows))


def _shared_strings_part(archive: zipfile.ZipFile) -> str:
    """Where the workbook says its shared strings are (default xl/sharedStrings.xml)."""
    try:
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return "xl/sharedStrings.xml"
    if len(rels) > RATIO_FREE_BYTES:
        raise BoundsError("工作簿的关系部件异常庞大")
    for found in re.finditer(rb"<Relationship\b[^>]*>", rels):
        tag = found.group(0)
        if b"/sharedStrings" in tag:
            target = re.search(rb"""Target\s*=\s*["']([^"']+)["']""", tag)
            if target:
                name = target.group(1).decode("utf-8", "replace")
                return name.lstrip("/") if name.startswith("/") else "xl/" + name
    return "xl/sharedStrings.xml"


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, consumer) -> None:
    """Feed ``consumer`` the part's bytes cut after its last complete record, chunk by chunk;
    refuse a DTD wherever it is (a chunk's tail is kept, so a split ``<!DOCTYPE`` is still seen)."""
    carry = b""
    with archive.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            data = carry + chunk
            if _DTD.search(data):
                raise BoundsError("含有不安全的 XML 声明（DTD / 实体），可能是恶意构造的文件")
            if not chunk:
                consumer.feed(data)
                return
            cut = consumer.boundary(data)
            if cut <= 0:
                if len(data) > _MAX_CARRY:
                    consumer.too_long(data)
                carry = data
                continue
            consumer.feed(data[:cut])
            carry = data[cut:]


def _cell_chars(raw: bytes) -> int:
    """Characters of XML text given as UTF-8 bytes (an entity such as &amp; counts as one)."""
    return len(_ENTITY.sub(b"x", raw).translate(None, _CONTINUATION))


def _refuse_long_cells(data: bytes) -> None:
    for found in _LONG_TEXT.finditer(data):
        chars = _cell_chars(found.group(1))
        if chars > MAX_CELL_CHARS:
            raise BoundsError(f"有单元格长达 {chars} 个字符，超过 Excel 单元格 {MAX_CELL_CHARS} 个字符的上限")


class _SharedStrings:
    """Each shared string's size in UTF-8 bytes of its XML (an upper bound of its text), in order."""

    def __init__(self, lengths: array):
        self.lengths = lengths

    @staticmethod
    def boundary(data: bytes) -> int:
        end = data.rfind(b"</si>")
        return -1 if end < 0 else end + len(b"</si>")

    def feed(self, data: bytes) -> None:
        lengths = self.lengths
        for found in _SI.finditer(data):
            body = found.group(1) or b""
            if len(body) > MAX_CELL_CHARS:
                chars = _cell_chars(_TAG.sub(b"", body))
                if chars > MAX_CELL_CHARS:
                    raise BoundsError(f"有一段共享文字长达 {chars} 个字符，超过 Excel 单元格 {MAX_CELL_CHARS} 个字符的上限")
            lengths.append(min(len(body), 0xFFFFFFFF))
            if len(lengths) > MAX_CELLS:
                raise BoundsError(f"共享文字超过 {MAX_CELLS} 段，远多于任何正常的工作簿")

    @staticmethod
    def too_long(data: bytes) -> None:
        raise BoundsError(f"有一段共享文字超过 Excel 单元格 {MAX_CELL_CHARS} 个字符的上限")


class _Sheet:
    """Rows, the table a reader would fill in (last row × last column), and the text the cells
    expand to; also any other XML part, where these simply come to nothing."""

    def __init__(self, name: str, lengths: array, max_rows: int):
        self.name, self.lengths, self.max_rows = name, lengths, max_rows
        self.tally = SheetTally()

    @staticmethod
    def boundary(data: bytes) -> int:
        end = max(data.rfind(b"</row>"), data.rfind(b"</c>"))
        if end < 0:
            return -1
        return end + (len(b"</row>") if data.startswith(b"</row>", end) else len(b"</c>"))

    def feed(self, data: bytes) -> None:
        t = self.tally
        _refuse_long_cells(data)
        for found in _ROW.finditer(data):
            number = _ROW_NUMBER.search(found.group(1))
            t.last_row = int(number.group(1)) if number else t.last_row + 1
            t.rows += 1
            t.max_row = max(t.max_row, t.last_row)
        if t.max_row > self.max_rows + 100:
            raise BoundsError(f"有 {t.max_row} 行，超过每次导入 {self.max_rows} 行的上限")
        cells = data.count(b"<c ") + data.count(b"<c>")
        t.cells += cells
        refs = _CELL_REF.findall(data)
        if refs:
            t.max_col = max(t.max_col, max(_column_number(c) for c in {letters for letters, _row in refs}))
        if len(refs) < cells:  # cells without a reference take the next column of their row
            widest = max(piece.count(b"<c ") + piece.count(b"<c>") for piece in data.split(b"<row"))
            t.max_col = max(t.max_col, widest)
        if t.cells > MAX_CELLS or t.max_row * max(t.max_col, 1) > MAX_CELLS:
            raise BoundsError(
                f"表格范围达 {t.max_row} 行 × {t.max_col} 列，超过 {MAX_CELLS} 个单元格的上限"
                "（可能是在很远的行或列上留了一个单元格）")
        lengths, count = self.lengths, len(self.lengths)
        for found in _SHARED_REF.finditer(data):
            index = int(found.group(1))
            if index < count:
                t.text_bytes += lengths[index]
        if t.text_bytes > MAX_TEXT_BYTES:
            raise BoundsError(
                f"单元格引用的文字展开后超过 {MAX_TEXT_BYTES // 1024 // 1024} MB（同一段长文字被大量单元格重复引用），"
                "可能是恶意构造的文件")

    def too_long(self, data: bytes) -> None:
        _refuse_long_cells(data)
        raise BoundsError(f"部件 {self.name} 中有一行超过 {_MAX_CARRY // 1024 // 1024} MB，不是正常的表格")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n
