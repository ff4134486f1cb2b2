"""Files that are not 交办清单, or are built to hurt, are refused with a message saying what to do."""

from __future__ import annotations

import zipfile

import pytest

from desktop_app.exchange import reader
from desktop_app.exchange.reader import SheetError, read_sheet
from tests.exchange.sheets import write_book


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "清单.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(SheetError, match="是压缩文件，但不是 Excel 工作簿"):
        read_sheet(path)


def test_a_text_file_named_xlsx(tmp_path):
    path = tmp_path / "清单.xlsx"
    path.write_text("编号,标题\n0001,关于\n", encoding="utf-8")
    with pytest.raises(SheetError, match="不是 Excel 工作簿.*另存为 .xlsx"):
        read_sheet(path)


def _rewrite(path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts[member] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def test_an_xml_bomb_is_refused_before_it_expands(tmp_path):
    path = write_book(tmp_path / "bomb.xlsx", [["编号", "标题"], ["0001", "关于"]])
    lol = b"".join(b'<!ENTITY lol%d "&lol%d;&lol%d;&lol%d;&lol%d;">' % (i, i - 1, i - 1, i - 1, i - 1)
                   for i in range(1, 10))
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">' + lol + b']>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>')
    _rewrite(path, "xl/sharedStrings.xml", bomb)
    with pytest.raises(SheetError, match="不安全的 XML"):
        read_sheet(path)


def test_a_highly_compressed_part_is_refused(tmp_path, monkeypatch):
    path = write_book(tmp_path / "zipbomb.xlsx", [["编号", "标题"], ["0001", "关于"]])
    _rewrite(path, "xl/media/padding.xml", b"<a>" + b" " * (12 * 1024 * 1024) + b"</a>")
    with pytest.raises(SheetError, match="解压后异常庞大"):
        read_sheet(path)


def test_a_file_over_50_mb_is_refused_unread(tmp_path):
    path = tmp_path / "big.xlsx"
    with open(path, "wb") as fh:
        fh.truncate(reader.MAX_FILE_BYTES + 1)
    with pytest.raises(SheetError, match="超过 50 MB 的上限.*拆成几个文件"):
        read_sheet(path)


def test_more_than_200000_rows_is_refused(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["编号", "标题"])
    book.active.cell(row=reader.MAX_ROWS + 500, column=1, value="0001")
    path = tmp_path / "long.xlsx"
    book.save(path)
    with pytest.raises(SheetError, match="超过每次导入 200000 行的上限"):
        read_sheet(path)


def test_an_encrypted_workbook_asks_to_remove_the_password(tmp_path):
    # What Excel writes for a password-protected .xlsx: an OLE container with an EncryptedPackage.
    path = tmp_path / "locked.xlsx"
    ole_magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    path.write_bytes(ole_magic + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)
    with pytest.raises(SheetError, match="设置了打开密码.*取消密码"):
        read_sheet(path)


def test_a_broken_old_style_file_is_refused(tmp_path):
    path = tmp_path / "broken.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    with pytest.raises(SheetError, match="无法读取.*另存为 .xlsx"):
        read_sheet(path)
