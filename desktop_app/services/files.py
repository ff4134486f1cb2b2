"""Copies of what the user already has in hand — a previewed PDF, an attachment — written to a file
they chose, or to a private temporary folder for the program the system opens it with (services
layer).

The GUI runs these as operations, off the UI thread (a PDF saved to a network drive can take
seconds), and every file goes through the one atomic-write helper. A disk that refuses raises
``OSError``, which the runner turns into a warning naming the file and saying what to do.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from desktop_app.atomic_file import write_atomically
from desktop_app.file_names import safe_file_name


def save_copy(target: str | Path, data: bytes | Path) -> Path:
    """Write ``data`` (bytes, or the file at that path) to ``target``; returns ``target``."""
    return write_atomically(target, data.read_bytes() if isinstance(data, Path) else data)


def temporary_copy(file_name: str, data: bytes, fallback: str = "文件") -> Path:
    """Write ``data`` under ``file_name`` into a new private temporary folder, for opening with the
    program the system associates with it. Each copy has its own folder: a viewer may still hold
    the last copy open (Windows then refuses to replace it), so copies are left for the system's
    temporary-file clean-up. The name may come from another unit's package made on another
    system: "CON.txt" or a 200-character name would not open on Windows, hence ``safe_file_name``."""
    folder = Path(tempfile.mkdtemp(prefix="desktop_app_"))
    return write_atomically(folder / safe_file_name(file_name, fallback), data)
