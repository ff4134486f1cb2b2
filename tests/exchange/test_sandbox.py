"""The child a workbook is read in: its memory limit ends the child, never the caller."""

from __future__ import annotations

import sys

import pytest

from desktop_app.exchange import reader, sandbox
from desktop_app.exchange.reader import SheetError, read_sheet
from desktop_app.domain.errors import ValidationError
from tests.exchange.sheets import write_book


def allocate(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def refuse(message: str) -> None:
    raise ValidationError(message)


@pytest.mark.skipif(sys.platform == "win32", reason="the address-space limit is a POSIX rlimit")
def test_a_child_that_outgrows_its_memory_limit_fails_alone():
    with pytest.raises(sandbox.ChildFailed) as failed:
        sandbox.run_bounded(allocate, 1024, memory_bytes=400 * 1024 * 1024)
    assert failed.value.reason == "memory"
    assert sandbox.run_bounded(allocate, 10, memory_bytes=400 * 1024 * 1024) == 10 * 1024 * 1024


def test_the_childs_own_error_is_raised_again_in_the_caller():
    with pytest.raises(ValidationError, match="第 3 行有误"):
        sandbox.run_bounded(refuse, "第 3 行有误")


def test_a_reader_that_runs_out_of_memory_is_told_in_chinese(tmp_path, monkeypatch):
    path = write_book(tmp_path / "清单.xlsx", [["编号", "标题"], ["0001", "关于"]])

    def out_of_memory(*_args, **_kwargs):
        raise sandbox.ChildFailed("memory", "exit code -9")

    monkeypatch.setattr(reader.sandbox, "run_bounded", out_of_memory)
    with pytest.raises(SheetError, match="“清单.xlsx”所需的内存超过 1536 MB 的上限.*程序和数据不受影响"):
        read_sheet(path)
