"""Where the app keeps its files: data, demo, backups, logs, settings, and where it finds the files
it ships (``resources/``, the README) from source and frozen (application shell, no Qt).

Everything lives under one per-user folder (the platform's *local* app-data folder, so that a roaming
profile never syncs a live SQLite file). The environment variable ``DESKTOP_APP_HOME`` replaces that
folder — for tests and portable installs. Portable mode: a file named ``portable`` beside the frozen
executable puts the data in ``data/`` beside it (a copy on a USB stick carries its data along); the
variable still wins over it. Nothing is computed at import time: each call reads the environment
again, so a test can redirect it with ``monkeypatch.setenv``.
"""

from __future__ import annotations

import ntpath
import os
import sys
from pathlib import Path

HOME_ENV = "DESKTOP_APP_HOME"
PORTABLE_MARKER = "portable"
PORTABLE_DATA_DIR = "data"
# ASCII on purpose: some Windows tools (old backup agents, batch scripts, 8.3 short names) still
# mishandle non-ASCII folder names; the Chinese name is shown in the window title, not the path.
APP_DIR_NAME = "JianyiTiananZhushou"


def data_dir() -> Path:
    """The per-user data folder (created when missing).

    Windows: ``%LOCALAPPDATA%\\JianyiTiananZhushou``; Linux: ``~/.local/share/JianyiTiananZhushou``;
    macOS: ``~/Library/Application Support/JianyiTiananZhushou``; or ``$DESKTOP_APP_HOME``; or, in
    portable mode, ``data`` beside the executable."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        folder = Path(override).expanduser()
    elif (portable := portable_data_dir()) is not None:
        folder = portable
    else:
        from platformdirs import user_data_dir  # here, not at the top: 19 ms that a given data folder never needs

        folder = Path(user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def portable_data_dir() -> Path | None:
    """``data`` beside the executable when a ``portable`` file is there, else None.

    Only for the frozen app: from source ``sys.executable`` is the Python interpreter, whose folder
    is no place for data."""
    if not getattr(sys, "frozen", False):
        return None
    program_dir = Path(sys.executable).resolve().parent
    if (program_dir / PORTABLE_MARKER).is_file():
        return program_dir / PORTABLE_DATA_DIR
    return None


def app_root() -> Path:
    """The folder that holds ``resources/`` and the README: the checkout from source, the bundle
    when frozen (PyInstaller unpacks data files under ``sys._MEIPASS``; ``packaging/desktop-app.spec``
    puts them there)."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    return app_root() / "resources"


def resource_path(relative: str) -> Path:
    return resources_dir() / relative


def readme_path() -> Path:
    """The README, whose user sections are the in-app 使用说明."""
    return app_root() / "README.md"


def default_db_path() -> Path:
    """The user's real database."""
    return data_dir() / "cases.sqlite"


def demo_db_path() -> Path:
    """The demo database: a separate file, never the user's real one."""
    return data_dir() / "demo.sqlite"


def db_key(db_path: Path | str) -> str:
    """A short stable hash of a database file's absolute path.

    Names that database's backup folder and its single-instance server. Case-folded on Windows,
    where ``C:\\Data\\a.sqlite`` and ``c:/data/A.sqlite`` are the same file."""
    path_rules = ntpath if sys.platform == "win32" else os.path  # ntpath is os.path on Windows: for tests
    absolute = path_rules.normcase(path_rules.abspath(os.fspath(db_path)))
    import hashlib  # only for single-instance names: not loaded before the first paint

    return hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:12]


def backup_dir(db_path: Path | str) -> Path:
    """The backup folder of one database: ``<data>/backups/<stem>-<hash of its path>/``.

    One folder per file so that backups of the demo or of a ``--db`` file never mix with (and are
    never rotated against) the real database's."""
    stem = Path(db_path).stem or "database"
    folder = data_dir() / "backups" / f"{stem}-{db_key(db_path)}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settings_path() -> Path:
    """The UI settings file (window layout and preferences; business settings live in the database)."""
    return data_dir() / "settings.json"


SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


class ServerAddress(str):
    """A ``--db postgresql://…`` address where a database file's path is expected: it "exists" (the
    server says otherwise when connecting), is no file (no size, no lock, no early sqlite3 read),
    and its ``stem`` (the database's name) names its backups and backup folder."""

    def exists(self) -> bool:
        return True

    def is_file(self) -> bool:
        return False

    @property
    def stem(self) -> str:
        return self.rstrip("/").rsplit("/", 1)[-1].split("?")[0] or "server"

    name = stem


def database_location(given: str) -> Path | ServerAddress:
    """What ``--db`` names: a server address as is, a file as an absolute path."""
    if given.strip().lower().startswith(SERVER_SCHEMES):
        return ServerAddress(given.strip())
    return Path(given).expanduser().absolute()
