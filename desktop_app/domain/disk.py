"""A full disk, said in Chinese: which disk, and that nothing already saved was lost (domain
layer, pure Python; the standard library's os only).

SQLite reports a full disk as ``database or disk is full`` (SQLITE_FULL) and the operating system
as ``OSError`` with ``errno.ENOSPC``; both reached the user raw (a dialog with ``OperationalError``,
a 17-frame traceback on the command line). A write that fails this way is rolled back whole, so the
message can promise that the data saved before is intact.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desktop_app.domain.errors import DatabaseError


class DiskFullError(DatabaseError):
    """The disk holding a file we write is full; the message names it and what to do."""


def is_disk_full(error: BaseException) -> bool:
    """True for SQLite's SQLITE_FULL (as sqlite3 or SQLAlchemy raise it) and for ENOSPC."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return True
        if "database or disk is full" in str(error) or "SQLITE_FULL" in str(error):
            return True
        error = getattr(error, "orig", None) or error.__cause__
    return False


def disk_name(path: Path | str) -> str:
    """The disk a path is on as its user knows it: the drive (D:\\) on Windows, the mount point elsewhere."""
    path = Path(os.path.abspath(path))
    if path.drive:
        return path.drive + "\\"
    probe = path
    while not os.path.ismount(probe) and probe.parent != probe:
        probe = probe.parent
    return str(probe)


def disk_full_error(path: Path | str, what: str = "这次修改") -> DiskFullError:
    where = disk_name(path)
    return DiskFullError(
        f"磁盘已满：{Path(path).name} 所在的磁盘（{where}）没有剩余空间，{what}没有写入。"
        f"之前保存的数据完好，没有丢失。请在该磁盘上删除不需要的文件（或清空回收站）腾出空间后再试。")
