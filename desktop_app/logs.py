"""The log file: a rotating file in the per-user log folder (application shell, no Qt). Set up
by the window's start-up and by the command line alike."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app import paths

log = logging.getLogger("desktop_app")


def setup_logging() -> Path | None:
    """Log to a rotating file in the log folder (5 × 1 MB); returns the file, None if not writable."""
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    # Called again (tests, or the CLI after the parser): replace our handler, never stack them.
    for old in [h for h in root.handlers if getattr(h, "desktop_app_log", False)]:
        root.removeHandler(old)
        old.close()
    try:
        log_file = paths.log_dir() / "desktop-app.log"
        handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as error:
        logging.basicConfig(level=logging.WARNING)
        log.warning("无法写日志文件（%s），日志只输出到控制台", error)
        return None
    handler.desktop_app_log = True
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_file


_logging_set_up: list[Path | None] = []


def ensure_logging() -> Path | None:
    """``setup_logging`` once per process; the log file (None if it is not writable)."""
    if not _logging_set_up:
        _logging_set_up.append(setup_logging())
    return _logging_set_up[0]
