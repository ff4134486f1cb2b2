"""The hostile set: workbooks built to hurt a reader, each with the outcome the app must give
(refused with which message, or read). Used by ``tests/hostile/test_hostile_set.py`` and, as a
script, to write the set to a folder for a manual campaign:

    uv run python -m tests.hostile.generate OUT_DIR

Files are built from a small real workbook (openpyxl) whose parts are then rewritten, so each one
is a valid zip with a real workbook around the hostile part.
"""

from __future__ import annotations

import io
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

SST_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


@dataclass(frozen=True)
class Hostile:
    name: str  # file name, also the test id
    build: Callable[[Path], None]
    refused: str = ""  # a regex of the message; "" when the file must be read
    read_check: Callable[[list[list]], bool] | None = None  # for a file that is read: its rows are right


def base_parts(rows: list[list] | None = None) -> dict[str, bytes]:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows or [["编号", "标题"], ["0001", "关于优化公交线网的建议"]]:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_parts(path: Path, parts: dict[str, bytes], raw: dict[str, bytes] | None = None) -> None:
    """Write ``parts`` deflated; ``raw`` maps a member name to bytes already deflated (zip bombs)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    for name, (deflated, size, crc) in (raw or {}).items():
        _append_deflated(path, name, deflated, size, crc)


def _append_deflated(path: Path, name: str, deflated: bytes, size: int, crc: int) -> None:
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size, info.compress_size, info.CRC = size, len(deflated), crc
        if size >= 0xFFFFFFFF:
            info.extra = b""
        archive.fp.seek(archive.start_dir)
        info.header_offset = archive.start_dir
        archive.fp.write(info.FileHeader(zip64=size >= 0xFFFFFFFF))
        archive.fp.write(deflated)
        archive.start_dir = archive.fp.tell()
        archive.filelist.append(info)
        archive.NameToInfo[name] = info
        archive._didModify = True


def deflate_repeated(block: bytes, times: int, head: bytes = b"", tail: bytes = b"") -> tuple[bytes, int, int]:
    """``head`` + ``block`` × ``times`` + ``tail`` deflated in milliseconds, never held whole:
    after a full flush the deflater starts afresh, so the block deflates to the same bytes each
    time and is simply repeated. Returns (deflated, size, crc)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    once = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    crc = crc32_combine(zlib.crc32(head), crc32_repeated(block, times), len(block) * times)
    crc = crc32_combine(crc, zlib.crc32(tail), len(tail))
    return start + once * times + end, len(head) + len(block) * times + len(tail), crc


def crc32_repeated(block: bytes, times: int) -> int:
    crc, unit, unit_len = 0, zlib.crc32(block), len(block)
    while times:
        if times & 1:
            crc = crc32_combine(crc, unit, unit_len)
        unit, unit_len, times = crc32_combine(unit, unit, unit_len), unit_len * 2, times >> 1
    return crc


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """zlib's crc32_combine (not exposed by Python): the CRC of A + B from CRC(A), CRC(B), len(B)."""
    if len2 <= 0:
        return crc1

    def times(matrix, vector):
        total, i = 0, 0
        while vector:
            if vector & 1:
                total ^= matrix[i]
            vector >>= 1
            i += 1
        return total

    def square(matrix):
        return [times(matrix, matrix[n]) for n in range(32)]

    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = square(odd)
    odd = square(even)
    while True:
        even = square(odd)
        if len2 & 1:
            crc1 = times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = square(even)
        if len2 & 1:
            crc1 = times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def sheet(rows_xml: bytes, dimension: bytes = b"") -> bytes:
    return SHEET_HEAD + dimension + b"<sheetData>" + rows_xml + b"</sheetData></worksheet>"


def sst(strings: list[bytes]) -> bytes:
    items = b"".join(b"<si><t>" + s + b"</t></si>" for s in strings)
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ' + SST_NS
            + b' count="%d" uniqueCount="%d">' % (len(strings), len(strings)) + items + b"</sst>")


def with_shared_strings(parts: dict[str, bytes], strings_xml: bytes, sheet_xml: bytes) -> dict[str, bytes]:
    parts = dict(parts)
    parts["xl/sharedStrings.xml"] = strings_xml
    parts["xl/worksheets/sheet1.xml"] = sheet_xml
    if b"sharedStrings" not in parts["xl/_rels/workbook.xml.rels"]:
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>",
            b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
            b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    return parts


# ---- the builders ---------------------------------------------------------------------------

def xml_bomb(path: Path, late: bool = False) -> None:
    lol = b"".join(b'<!ENTITY lol%d "&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;">'
                   % (i, *[i - 1] * 10) for i in range(1, 10))
    padding = b"<!--" + b" " * 8192 + b"-->" if late else b""
    bomb = (b'<?xml version="1.0"?>' + padding + b'<!DOCTYPE sst [<!ENTITY lol0 "lol">' + lol + b"]>"
            b"<sst " + SST_NS + b"><si><t>&lol9;</t></si></sst>")
    cells = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    write_parts(path, with_shared_strings(base_parts(), bomb, sheet(cells)))


def xxe(path: Path) -> None:
    doc = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           b"<sst " + SST_NS + b"><si><t>&xxe;</t></si></sst>")
    write_parts(path, with_shared_strings(base_parts(), doc, sheet(b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>')))


def zip_bomb_padding(path: Path, megabytes: int) -> None:
    """A part of blanks deflated to about ``megabytes`` MB (about 1,000 times larger unpacked)."""
    block = b" " * (1024 * 1024)
    deflated, size, crc = deflate_repeated(block, megabytes * 1030)
    write_parts(path, base_parts(), raw={"xl/media/padding.xml": (deflated, size, crc)})


def zip_bomb_sheet(path: Path) -> None:
    """A 4 MB file whose sheet expands to about 1 GB of ordinary-looking rows (ratio ~250)."""
    row = b'<row><c t="inlineStr"><is><t>' + "关于优化公交线网的建议".encode() * 4 + b"</t></is></c></row>"
    block = row * 1000
    parts = base_parts()
    del parts["xl/worksheets/sheet1.xml"]
    raw = deflate_repeated(block, (1024 * 1024 * 1024) // len(block), SHEET_HEAD + b"<sheetData>",
                           b"</sheetData></worksheet>")
    write_parts(path, parts, raw={"xl/worksheets/sheet1.xml": raw})


def shared_string_amplification(path: Path, references: int = 2000) -> None:
    """One 9.5 MB shared string referenced by ``references`` cells: a 16 KB file."""
    strings = sst([b"A" * (9_500_000)])
    cells = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (n, n) for n in range(1, references + 1))
    write_parts(path, with_shared_strings(base_parts(), strings, sheet(cells)))


def shared_string_references(path: Path, references: int = 10_000) -> None:
    """A shared string of 30,000 varied characters (within Excel's cell limit, hardly
    compressible) referenced by ``references`` cells: 900 MB of text from a 100 KB file."""
    import random

    pick = random.Random(17)
    text = "".join(chr(pick.randrange(0x4E00, 0x9FA5)) for _ in range(30_000)).encode()
    cells = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (n, n) for n in range(1, references + 1))
    write_parts(path, with_shared_strings(base_parts(), sst([text]), sheet(cells)))


def renamed_text(path: Path) -> None:
    path.write_text("编号,标题\n0001,关于优化公交线网的建议\n", encoding="utf-8")


def password_protected(path: Path) -> None:
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO()
    write_parts_to(plain, base_parts())
    plain.seek(0)
    with open(path, "wb") as out:
        OOXMLFile(plain).encrypt("密码1234", out)
    assert msoffcrypto  # imported for its side effect of registering formats


def write_parts_to(handle, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def million_rows(path: Path, dimension: bool) -> None:
    """1,048,576 rows of one cell each (about 45 MB of XML, 8 MB zipped)."""
    dim = b'<dimension ref="A1:A1048576"/>' if dimension else b""
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    head = SHEET_HEAD + dim + b"<sheetData>"
    tail = b"</sheetData></worksheet>"
    pieces, crc, size = [packer.compress(head)], zlib.crc32(head), len(head)
    for start in range(1, 1_048_577, 16384):
        block = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n)
                         for n in range(start, min(start + 16384, 1_048_577)))
        pieces.append(packer.compress(block))
        crc, size = zlib.crc32(block, crc), size + len(block)
    pieces += [packer.compress(tail), packer.flush()]
    crc, size = zlib.crc32(tail, crc), size + len(tail)
    parts = base_parts()
    del parts["xl/worksheets/sheet1.xml"]
    write_parts(path, parts, raw={"xl/worksheets/sheet1.xml": (b"".join(pieces), size, crc)})


def far_cell(path: Path) -> None:
    """Two cells: A1 and XFD200000 — a reader filling the table would make 3.3 billion cells."""
    cells = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' \
            b'<row r="200000"><c r="XFD200000" t="inlineStr"><is><t>y</t></is></c></row>'
    parts = base_parts()
    parts["xl/worksheets/sheet1.xml"] = sheet(cells)
    write_parts(path, parts)


LONG_TEXT = "长" * 32_767


def long_cells(path: Path, chars: int = 32_767) -> None:
    text = ("长" * chars).encode()
    cells = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (n, n, text)
                     for n in range(1, 4))
    parts = base_parts()
    parts["xl/worksheets/sheet1.xml"] = sheet(cells)
    write_parts(path, parts)


def control_characters(path: Path) -> None:
    """Control characters as Excel escapes them (_x0007_) and raw in the XML (as some tools write)."""
    cells = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe6\xa0\x87_x0007_\xe9\xa2\x98_x001B_</t></is></c>'
             b'<c r="B1" t="inlineStr"><is><t>a\x01b\x0bc</t></is></c></row>')
    parts = base_parts()
    parts["xl/worksheets/sheet1.xml"] = sheet(cells)
    write_parts(path, parts)


def lone_surrogates(path: Path, as_reference: bool = False) -> None:
    """A lone surrogate as Excel escapes it (_xD800_: read, and cleaned), or as an XML character
    reference (&#xDC00;: not well-formed XML, refused)."""
    text = b"x&#xDC00;y" if as_reference else b"\xe5\x8d\x95_xD800_\xe4\xbd\x8d"
    cells = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + text + b"</t></is></c></row>"
    parts = base_parts()
    parts["xl/worksheets/sheet1.xml"] = sheet(cells)
    write_parts(path, parts)


def _clean_cells(rows: list[list]) -> bool:
    from desktop_app.exchange.cleaning import text

    cleaned = [text(v) for row in rows for v in row]
    return all(not any(ord(ch) < 32 and ch not in "\t\n\r" or 0xD800 <= ord(ch) <= 0xDFFF for ch in v)
               for v in cleaned)


HOSTILE: tuple[Hostile, ...] = (
    Hostile("xml_bomb.xlsx", xml_bomb, "不安全的 XML"),
    Hostile("xml_bomb_late_dtd.xlsx", lambda p: xml_bomb(p, late=True), "不安全的 XML"),
    Hostile("xxe.xlsx", xxe, "不安全的 XML"),
    Hostile("zip_bomb_1mb.xlsx", lambda p: zip_bomb_padding(p, 1), "解压后异常庞大"),
    Hostile("zip_bomb_4mb.xlsx", lambda p: zip_bomb_padding(p, 4), "解压后异常庞大"),
    Hostile("zip_bomb_sheet.xlsx", zip_bomb_sheet, "解压后异常庞大"),
    Hostile("shared_string_2000.xlsx", shared_string_amplification, "解压后异常庞大"),
    Hostile("shared_string_10000_refs.xlsx", shared_string_references, "重复引用"),
    Hostile("shared_string_32768.xlsx", lambda p: write_parts(p, with_shared_strings(
        base_parts(), sst(["长".encode() * 32_768]), sheet(b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))),
        "超过 Excel 单元格 32767 个字符的上限"),
    Hostile("renamed_text.xlsx", renamed_text, "不是 Excel 工作簿"),
    Hostile("password.xlsx", password_protected, "设置了打开密码"),
    Hostile("million_rows_dimension.xlsx", lambda p: million_rows(p, True), "超过每次导入 200000 行的上限"),
    Hostile("million_rows_no_dimension.xlsx", lambda p: million_rows(p, False), "超过每次导入 200000 行的上限"),
    Hostile("far_cell.xlsx", far_cell, "超过 5000000 个单元格的上限"),
    Hostile("cells_32767.xlsx", long_cells, read_check=lambda rows: [r[0] for r in rows] == [LONG_TEXT] * 3),
    Hostile("cells_32768.xlsx", lambda p: long_cells(p, 32_768), "超过 Excel 单元格 32767 个字符的上限"),
    Hostile("control_characters.xlsx", control_characters, read_check=_clean_cells),
    Hostile("lone_surrogates.xlsx", lone_surrogates, read_check=_clean_cells),
    Hostile("lone_surrogate_reference.xlsx", lambda p: lone_surrogates(p, True), "已损坏或格式不受支持"),
)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("hostile")
    out.mkdir(parents=True, exist_ok=True)
    for case in HOSTILE:
        case.build(out / case.name)
        print(f"{case.name}\t{(out / case.name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
