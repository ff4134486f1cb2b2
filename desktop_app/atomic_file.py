"""Writing a file so that it is either whole or not there (a neutral module below every layer).

Every file the app writes for the user (PDFs, workbooks, letters, templates, attachments saved
out, the UI settings) goes through ``atomic_write``: the bytes go to a temporary file in the same
folder, are flushed to the disk, and the temporary file is renamed over the target. A writer that
fails — or is cancelled — part way leaves the old file as it was and no temporary file behind.

On Windows a long path is opened in its extended-length form, and a device name such as "NUL.pdf"
is refused with a message saying so (Windows would "write" it nowhere and report success).

The module imports the standard library and ``file_names`` only (and not ``tempfile``: settings
load before the first window is painted), so the domain, documents, exchange, services, gui and
the top-level settings can all use it.
"""

from __future__ import annotations

import errno
import itertools
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from desktop_app.file_names import is_reserved_name, windows_long_path

#: Of the target's name in the temporary one: the whole name plus the suffix could pass the
#: 255-unit (NTFS) or 255-byte (Linux) limit of one name that the target itself keeps.
_TEMP_NAME_CHARS = 32

_serial = itertools.count()


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """An open file (``mode`` "wb" or "w") whose contents replace ``path`` when the block ends.

    If the block raises, the temporary file is removed, ``path`` is untouched and the exception
    propagates. The temporary file sits beside ``path`` (a rename across disks is not atomic) and
    is named ``.<start of name>.<pid>-<n>.tmp`` so two writers never share one."""
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_write writes a whole file: mode 'wb' or 'w', not {mode!r}")
    path = Path(path)
    if sys.platform == "win32" and is_reserved_name(path.name):
        raise OSError(errno.EINVAL, f"“{path.name}”是 Windows 保留的设备名，不能用作文件名，请换一个文件名", str(path))
    try:
        temporary = _create_beside(path)
    except OSError as error:
        raise _naming(error, path)
    try:
        flags = {"encoding": encoding or "utf-8"} if mode == "w" else {}
        with open(windows_long_path(temporary), mode, **flags) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(windows_long_path(temporary), windows_long_path(path))
    except BaseException as error:
        with suppress(FileNotFoundError):
            os.unlink(windows_long_path(temporary))
        if isinstance(error, OSError) and error.filename in (str(temporary), windows_long_path(temporary)):
            raise _naming(error, path)
        raise


def _naming(error: OSError, path: Path) -> OSError:
    """``error`` naming the file the user asked for, not the temporary one beside it (the message
    the user reads names the file they chose)."""
    error.filename, error.filename2 = str(path), None
    return error


def write_atomically(path: str | os.PathLike, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` (bytes, or text in ``encoding``) to ``path`` through ``atomic_write``."""
    with atomic_write(path, "w" if isinstance(data, str) else "wb", encoding) as handle:
        handle.write(data)
    return Path(path)


def _create_beside(path: Path) -> Path:
    """Create (exclusively) and return a new empty temporary file in ``path``'s folder."""
    while True:
        temporary = path.with_name(f".{path.name[:_TEMP_NAME_CHARS]}.{os.getpid()}-{next(_serial)}.tmp")
        try:
            os.close(os.open(windows_long_path(temporary), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temporary
