"""Every file the app writes is whole or not there: a failed write leaves the old file as it was and
no temporary file beside it (``desktop_app.atomic_file`` and the writers that use it)."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop_app.atomic_file import atomic_write, write_atomically

OLD = b"old contents the user already has"


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(OLD)
    return path


def left_behind(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_write_replaces_the_file_and_leaves_nothing_else(old_file):
    write_atomically(old_file, b"new")
    assert old_file.read_bytes() == b"new"
    assert left_behind(old_file.parent) == ["台账.xlsx"]


def test_text_is_written_in_utf8(tmp_path):
    write_atomically(tmp_path / "函.txt", "答复函\n")
    assert (tmp_path / "函.txt").read_text(encoding="utf-8").splitlines() == ["答复函"]


def test_a_writer_failing_half_way_leaves_the_old_file_and_no_temporary(old_file):
    with pytest.raises(RuntimeError, match="mid-write"):
        with atomic_write(old_file) as handle:
            handle.write(b"half of the new")
            raise RuntimeError("mid-write")
    assert old_file.read_bytes() == OLD
    assert left_behind(old_file.parent) == ["台账.xlsx"]


def test_an_interrupt_mid_write_cleans_up_too(old_file):
    with pytest.raises(KeyboardInterrupt):
        with atomic_write(old_file) as handle:
            handle.write(b"half")
            raise KeyboardInterrupt
    assert old_file.read_bytes() == OLD
    assert left_behind(old_file.parent) == ["台账.xlsx"]


def test_a_full_disk_at_flush_leaves_the_old_file(old_file, monkeypatch):
    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(old_file, b"new")
    assert old_file.read_bytes() == OLD
    assert left_behind(old_file.parent) == ["台账.xlsx"]


def test_a_rename_refused_leaves_the_old_file(old_file, monkeypatch):
    def held_open(src, dst):
        raise PermissionError(13, "Permission denied", src, None, dst)  # Windows: the file is open in Excel

    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(PermissionError) as refused:
        write_atomically(old_file, b"new")
    assert (refused.value.filename, refused.value.filename2) == (str(old_file), None)  # what the user chose
    assert old_file.read_bytes() == OLD
    assert left_behind(old_file.parent) == ["台账.xlsx"]


def test_a_missing_folder_fails_without_creating_anything(tmp_path):
    target = tmp_path / "没有的文件夹" / "x.pdf"
    with pytest.raises(FileNotFoundError) as missing:
        write_atomically(target, b"new")
    assert missing.value.filename == str(target)  # not the temporary name beside it
    assert left_behind(tmp_path) == []


def test_two_writers_of_one_file_do_not_share_a_temporary(old_file):
    with atomic_write(old_file) as first, atomic_write(old_file) as second:
        assert first.name != second.name
        first.write(b"first")
        second.write(b"second")
    assert old_file.read_bytes() == b"first"  # the outer block ends last
    assert left_behind(old_file.parent) == ["台账.xlsx"]


def test_a_name_as_long_as_the_disk_allows_is_written(tmp_path):
    # A name typed in a save dialog: 253 bytes, valid on Linux (255 bytes) and Windows (255 units);
    # its temporary twin ".<name>.<pid>-<n>.tmp" once was not.
    name = "关于加强农村生活污水处理设施运行维护管理的建议答复" * 3 + "区政协函件答复稿.pdf"
    assert len(name.encode("utf-8")) == 253
    write_atomically(tmp_path / name, b"%PDF")
    assert (tmp_path / name).read_bytes() == b"%PDF"
    assert left_behind(tmp_path) == [name]


@pytest.mark.parametrize("name", ["NUL.pdf", "con.xlsx", "COM1.txt"])
def test_on_windows_a_device_name_is_refused_saying_so(tmp_path, monkeypatch, name):
    # Windows would "write" NUL.pdf nowhere and report success: the user would find no file.
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(OSError) as refused:
        write_atomically(tmp_path / name, b"%PDF")
    assert refused.value.strerror == f"“{name}”是 Windows 保留的设备名，不能用作文件名，请换一个文件名"
    assert left_behind(tmp_path) == []


def test_on_windows_every_path_goes_through_the_long_path_form(tmp_path, monkeypatch):
    from desktop_app import atomic_file

    monkeypatch.setattr(sys, "platform", "win32")
    seen = []
    monkeypatch.setattr(atomic_file, "windows_long_path", lambda path: seen.append(Path(path)) or str(path))
    target = tmp_path / "答复函.pdf"
    write_atomically(target, b"%PDF")
    temporary = seen[0]
    assert temporary.parent == tmp_path and temporary.name.startswith(".答复函.pdf.")
    assert seen == [temporary, temporary, temporary, target]  # created, written, renamed over the target
    assert target.read_bytes() == b"%PDF"


def test_only_whole_file_modes_are_accepted(old_file):
    with pytest.raises(ValueError):
        with atomic_write(old_file, "ab"):
            pass


# The writers of the app, failing part way through.

def test_a_workbook_that_cannot_be_flushed_keeps_the_old_one_and_says_why(old_file, monkeypatch):
    from desktop_app.domain.errors import DomainError
    from desktop_app.exchange.ledger import write_table
    from desktop_app.exchange.table import TEXT, LedgerColumn, LedgerTable

    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    table = LedgerTable("台账", date(2024, 6, 3), (LedgerColumn("n", "编号", 8, TEXT),), [("0035",)])
    with pytest.raises(DomainError, match="磁盘已满：.*没有剩余空间"):
        write_table(old_file, table)
    assert old_file.read_bytes() == OLD
    assert left_behind(old_file.parent) == ["台账.xlsx"]


def test_a_checklist_template_that_cannot_be_written_leaves_no_temporary(tmp_path, monkeypatch):
    # The old writer left "<name>.tmp" behind when the disk was full.
    from desktop_app.exchange.checklist_file import write_template

    path = tmp_path / "清单.json"
    path.write_text("{}", encoding="utf-8")

    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        write_template(path, "清单", "", [])
    assert path.read_text(encoding="utf-8") == "{}"
    assert left_behind(tmp_path) == ["清单.json"]


def test_settings_that_cannot_be_saved_keep_the_previous_file(tmp_path, monkeypatch):
    from desktop_app.settings import UiSettings, load_settings, save_settings

    path = tmp_path / "settings.json"
    save_settings(UiSettings(), path)
    before = path.read_bytes()

    def held_open(_src, _dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(PermissionError):
        save_settings(UiSettings(), path)
    assert path.read_bytes() == before
    assert load_settings(path) == UiSettings()
    assert left_behind(tmp_path) == ["settings.json"]
