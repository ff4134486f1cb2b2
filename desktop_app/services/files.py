"""Copies of what the user already has in hand — a previewed PDF, an attachment — written to a file
they chose, or to a private temporary folder for the program the system opens it with (services
layer).

The GUI runs these as operations, off the UI thread (a PDF saved to a network drive can take
seconds), and every file goes through the one atomic-write helper. A disk that refuses becomes a
``DomainError`` saying what to do instead, which the runner shows as a warning.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from desktop_app.atomic_file import write_atomically
from desktop_app.domain.errors import DomainError
from desktop_app.file_names import safe_file_name


def save_copy(target: str | Path, data: bytes | Path) -> Path:
    """Write ``data`` (bytes, or the file at that path) to ``target``; returns ``target``."""
    target = Path(target)
    if isinstance(data, Path):
        try:
            data = data.read_bytes()
        except OSError as error:
            raise DomainError(f"无法读取文件“{data}”：{error.strerror or error}。\n"
                              "该文件可能已被移动或删除，请检查后重新添加。") from error
    try:
        write_atomically(target, data)
    except OSError as error:
        raise DomainError(f"无法写入文件“{target}”：{error.strerror or error}。\n"
                          "该文件可能正在其他程序中打开，或文件夹不可写；请关闭文件，或换一个文件夹、文件名再试。") from error
    return target


def temporary_copy(file_name: str, data: bytes, fallback: str = "文件") -> Path:
    """Write ``data`` under ``file_name`` into a new private temporary folder, for opening with the
    program the system associates with it. Each copy has its own folder: a viewer may still hold
    the last copy open (Windows then refuses to replace it), so copies are left for the system's
    temporary-file clean-up. The name may come from another unit's package made on another
    system: "CON.txt" or a 200-character name would not open on Windows, hence ``safe_file_name``."""
    try:
        folder = Path(tempfile.mkdtemp(prefix="desktop_app_"))
        path = folder / safe_file_name(file_name, fallback)
        write_atomically(path, data)
    except OSError as error:
        raise DomainError(f"无法把“{file_name}”写入临时文件夹：{error.strerror or error}。\n"
                          "请检查磁盘空间，或用“另存为”保存到其他文件夹后再打开。") from error
    return path
