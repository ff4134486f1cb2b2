"""Writing a file so that it is either whole or not there (a neutral module below every layer).

Every file the app writes for the user (PDFs, workbooks, letters, templates, attachments saved
out, the UI settings) goes through ``atomic_write``: the bytes go to a temporary file in the same
folder, are flushed to the disk, and the temporary file is renamed over the target. A writer that
fails — or is cancelled — part way leaves the old file as it was and no temporary file behind.

The module imports the standard library only (and not ``tempfile``: settings load before the
first window is painted), so the domain, documents, exchange, services, gui and the top-level
settings can all use it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_serial = itertools.count()


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """An open file (``mode`` "wb" or "w") whose contents replace ``path`` when the block ends.

    If the block raises, the temporary file is removed, ``path`` is untouched and the exception
    propagates. The temporary file sits beside ``path`` (a rename across disks is not atomic) and
    is named ``.<name>.<pid>-<n>.tmp`` so two writers never share one."""
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_write writes a whole file: mode 'wb' or 'w', not {mode!r}")
    path = Path(path)
    temporary = _create_beside(path)
    try:
        flags = {"encoding": encoding or "utf-8"} if mode == "w" else {}
        with open(temporary, mode, **flags) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: str | os.PathLike, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` (bytes, or text in ``encoding``) to ``path`` through ``atomic_write``."""
    with atomic_write(path, "w" if isinstance(data, str) else "wb", encoding) as handle:
        handle.write(data)
    return Path(path)


def _create_beside(path: Path) -> Path:
    """Create (exclusively) and return a new empty temporary file in ``path``'s folder."""
    while True:
        temporary = path.with_name(f".{path.name}.{os.getpid()}-{next(_serial)}.tmp")
        try:
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temporary
