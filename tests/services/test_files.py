"""Copies of a previewed PDF or an attachment written where the user asked (services.files)."""

from __future__ import annotations

import pytest

from desktop_app.services import files


def test_a_copy_is_written_whole_and_a_file_is_copied(tmp_path):
    assert files.save_copy(tmp_path / "答复函.pdf", b"%PDF-1.4 data").read_bytes() == b"%PDF-1.4 data"
    (tmp_path / "照片.jpg").write_bytes(b"\xff\xd8 jpeg")
    files.save_copy(tmp_path / "副本.jpg", tmp_path / "照片.jpg")
    assert (tmp_path / "副本.jpg").read_bytes() == b"\xff\xd8 jpeg"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["副本.jpg", "照片.jpg", "答复函.pdf"]


def test_an_unwritable_target_and_a_vanished_source_name_the_file_and_leave_nothing(tmp_path):
    # The runner words an OSError for the user (gui.runner.file_error_text): it must name the file.
    target = tmp_path / "没有的文件夹" / "答复函.pdf"
    with pytest.raises(OSError) as refused:
        files.save_copy(target, b"data")
    assert refused.value.filename == str(target)  # not the temporary file beside it
    with pytest.raises(OSError) as vanished:
        files.save_copy(tmp_path / "副本.jpg", tmp_path / "已删除.jpg")
    assert str(vanished.value.filename).endswith("已删除.jpg")
    assert list(tmp_path.iterdir()) == []


def test_temporary_copies_get_a_folder_each_and_a_name_windows_accepts():
    first = files.temporary_copy("CON.txt", b"one")
    second = files.temporary_copy("CON.txt", b"two")
    assert first.name == second.name == "_CON.txt" and first.parent != second.parent
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
