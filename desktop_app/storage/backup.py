"""Backups of the database file through SQLite's online backup API, and their rotation (storage layer).

A backup is never a copy of the live file (that could catch a half-written page or miss the WAL):
``sqlite3.Connection.backup`` copies a consistent snapshot into ``<name>.tmp``, which is switched
to rollback-journal mode (one self-contained file) and then renamed into place.

Files are named ``<db stem>-YYYYMMDD-HHMMSS-<kind>.sqlite``. Rotation kinds are ``monthly`` (the
first backup of a month), ``weekly`` (the first of an ISO week) and ``daily`` (any other); the
newest 12 monthly, 4 weekly and one daily per day for the latest 7 days are kept. Backups taken
before a migration, an import or a restore are kept 10 of each kind; ``manual`` ones are never
deleted. A rotation backup is skipped when its content equals the newest backup's (two backup-API
snapshots of an unchanged database are byte-identical), so an idle day adds no file.

A server database's backups may also be ``pg_dump`` files, ``<name>-YYYYMMDD-HHMMSS-<kind>.dump``
(``rotate_backup(..., write=…, suffix=".dump")``, written by ``storage.pg_tools``): they rotate and
are pruned together with the SQLite copies of the same database, one set of kinds for both, and an
unchanged database adds no dump either (``pg_tools.same_dump_content``).
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from sqlalchemy.engine import make_url

from desktop_app.domain.disk import disk_full_error, is_disk_full
from desktop_app.domain.errors import DatabaseError
from desktop_app.storage import pg_tools
from desktop_app.storage.transfer import copy_to_new_file

ROTATION_KINDS = ("daily", "weekly", "monthly")
EVENT_KINDS = ("migration", "import", "restore", "damaged")
KINDS = ROTATION_KINDS + EVENT_KINDS + ("manual",)
KIND_LABELS = {
    "daily": "每日",
    "weekly": "每周",
    "monthly": "每月",
    "manual": "手动",
    "migration": "升级前",
    "import": "导入前",
    "restore": "恢复前",
    "damaged": "损坏的原文件",
}
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_EVENT = 7, 4, 12, 10
#: ``rotate_backup`` reasons that make a rotation backup; any kind name is also accepted.
ROTATION_REASONS = ("start", "exit", "daily")

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z]+)\.sqlite$")
#: ``backup`` of a server database by ``pg_dump`` (``storage.pg_tools``): restored with ``pg_restore``.
_DUMP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z]+)\.dump$")
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(DatabaseError):
    """A backup or restore failed; the message is Chinese and says what to do."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    stem: str
    taken_at: datetime
    kind: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def backup_to(db_or_path, target: Path | str) -> Path:
    """Write a consistent snapshot of a ``Database`` (or a database file path) to ``target``."""
    target = Path(target)
    temp = target.with_name(target.name + ".tmp")
    if getattr(db_or_path, "is_server", False):
        return _server_snapshot(db_or_path, target, temp)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _unlink(temp)
        with _source(db_or_path) as source, closing(sqlite3.connect(temp, isolation_level=None)) as dest:
            source.backup(dest)
            # One self-contained file: no -wal beside the backup.
            dest.execute("PRAGMA journal_mode=DELETE")
        os.replace(temp, target)
    except (sqlite3.Error, OSError) as exc:
        _unlink(temp)
        if is_disk_full(exc):
            raise BackupError(str(disk_full_error(target, "备份"))) from exc
        raise BackupError(
            f"无法备份到 {target}：{exc}。请检查该文件夹是否存在、可写且磁盘空间充足。"
        ) from exc
    return target


def _server_snapshot(db, target: Path, temp: Path) -> Path:
    """A server database's backup: every record copied into a new SQLite file of the same schema
    (``storage.transfer``), verified, then renamed into place. Such a file can be opened like any
    database, restored onto the server, or migrated to another server."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _unlink(temp)
        copy_to_new_file(db, temp)
        with closing(sqlite3.connect(temp, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
        for leftover in (temp.with_name(temp.name + "-wal"), temp.with_name(temp.name + "-shm")):
            _unlink(leftover)
        os.replace(temp, target)
    except (sqlite3.Error, OSError) as exc:
        _unlink(temp)
        raise BackupError(f"无法把服务器上的数据库备份到 {target}：{exc}。请检查该文件夹是否存在、可写且磁盘空间充足。") from exc
    except BaseException:
        _unlink(temp)
        raise
    return target


def backup_stem(db_or_path) -> str:
    """The name backups of a database start with: the file's stem, or the server database's name."""
    if getattr(db_or_path, "is_server", False):
        return re.sub(r"[^\w.-]", "_", make_url(db_or_path.url).database or "server")
    return Path(getattr(db_or_path, "path", db_or_path)).stem


#: A temporary file untouched this long belongs to no backup in progress (a backup rewrites it
#: continuously; even a 350 MB one takes seconds).
LEFTOVER_AGE_SECONDS = 10 * 60


def remove_leftovers(db_path: Path | str, backup_dir: Path | str, now: float | None = None) -> list[Path]:
    """Delete what interrupted backups and restores left behind — full-size ``*.sqlite.tmp``
    snapshots and their ``-journal`` files in ``backup_dir``, ``<db>.restore.tmp`` beside the
    database — once old enough not to belong to one still running. Returns what was deleted."""
    db_path, backup_dir = Path(db_path), Path(backup_dir)
    now = time.time() if now is None else now
    candidates = []
    if backup_dir.is_dir():
        candidates += [p for p in backup_dir.iterdir()
                       if p.name.endswith((".sqlite.tmp", ".sqlite.tmp-journal", ".dump.tmp"))]
    candidates += [db_path.with_name(db_path.name + suffix) for suffix in (".restore.tmp", ".restore.tmp-journal")]
    removed = []
    for path in candidates:
        try:
            if now - path.stat().st_mtime < LEFTOVER_AGE_SECONDS:
                continue
            path.unlink()
        except OSError:  # gone already, or held open by another program: left for next time
            continue
        removed.append(path)
    return removed


def list_backups(backup_dir: Path | str, stem: str | None = None, *, dumps: bool = False) -> list[BackupFile]:
    """Backups in ``backup_dir`` (of the database named ``stem`` when given), oldest first;
    ``dumps``: the server's ``pg_dump`` files too."""
    backup_dir = Path(backup_dir)
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.iterdir():
        match = _NAME.match(path.name) or (_DUMP_NAME.match(path.name) if dumps else None)
        if not match or (stem is not None and match["stem"] != stem):
            continue
        try:
            taken_at = datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            continue
        found.append(BackupFile(path, match["stem"], taken_at, match["kind"]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name))


def backup_name(stem: str, now: datetime, kind: str, suffix: str = ".sqlite") -> str:
    return f"{stem}-{now.strftime(_STAMP)}-{kind}{suffix}"


def needs_daily_backup(backup_dir: Path | str, now: datetime, stem: str | None = None) -> bool:
    """True when the newest rotation backup (a copy or a server's dump) is more than a day old
    (or there is none)."""
    rotation = [b for b in list_backups(backup_dir, stem, dumps=True) if b.kind in ROTATION_KINDS]
    return not rotation or now - rotation[-1].taken_at >= timedelta(days=1)


def rotate_backup(
    db_or_path, backup_dir: Path | str, now: datetime, reason: str = "daily", *, prune: bool = True,
    write: Callable[[Path], Path] | None = None, suffix: str = ".sqlite",
) -> Path | None:
    """Take a backup into ``backup_dir`` and prune old ones.

    ``reason`` "start", "exit" or "daily" makes a rotation backup, skipped (None) when nothing
    changed since the newest backup; "migration", "import", "restore" or "manual" always makes a
    backup of that kind. ``db_or_path`` is a ``Database`` or the path of a database file.
    ``write(target)`` writes the backup (default: ``backup_to``; a server's ``pg_dump``, with
    ``suffix`` ".dump")."""
    backup_dir = Path(backup_dir)
    stem = backup_stem(db_or_path)
    existing = list_backups(backup_dir, stem, dumps=True)
    rotation = reason in ROTATION_REASONS
    if rotation:
        kind = _rotation_kind(existing, now)
    elif reason in KINDS:
        kind = reason
    else:
        raise ValueError(f"unknown backup reason {reason!r}")
    target = backup_dir / backup_name(stem, now, kind, suffix)
    while target.exists():  # two backups in one second: keep both
        now += timedelta(seconds=1)
        target = backup_dir / backup_name(stem, now, kind, suffix)
    made = write(target) if write is not None else backup_to(db_or_path, target)
    if rotation and existing and _same_content(made, existing[-1].path):
        made.unlink()
        return None
    if prune:
        prune_backups(backup_dir, stem)
    return made


def prune_backups(backup_dir: Path | str, stem: str) -> list[Path]:
    """Delete the backups (copies and a server's dumps alike) the rotation no longer keeps;
    returns the deleted paths."""
    backups = list_backups(backup_dir, stem, dumps=True)
    keep: set[Path] = set()
    newest_first = list(reversed(backups))
    daily_dates: list = []
    for b in newest_first:
        if b.kind == "daily" and b.taken_at.date() not in daily_dates and len(daily_dates) < KEEP_DAILY:
            daily_dates.append(b.taken_at.date())
            keep.add(b.path)
    for kind, count in [("weekly", KEEP_WEEKLY), ("monthly", KEEP_MONTHLY)] + [
        (k, KEEP_EVENT) for k in EVENT_KINDS
    ]:
        keep.update(b.path for b in [b for b in newest_first if b.kind == kind][:count])
    deleted = []
    for b in backups:
        # Manual backups and kinds this version does not know are the user's to delete.
        if b.kind in ROTATION_KINDS + EVENT_KINDS and b.path not in keep:
            _unlink(b.path)
            deleted.append(b.path)
    return deleted


def restore_backup(
    backup_path: Path | str, db_path: Path | str, backup_dir: Path | str, now: datetime
) -> Path | None:
    """Replace the content of ``db_path`` with ``backup_path``; returns the backup of the
    current file taken first (None when there was no current file).

    The content is written through the backup API into the live file, so SQLite itself swaps
    the pages in one transaction (WAL and other open connections stay consistent); the caller may
    keep the database open and reopen it afterwards to migrate an older backup. When the current
    file is too damaged for that, it is copied aside as a "damaged" backup (it is no longer in
    use) and replaced by a verified temporary copy renamed over it."""
    backup_path, db_path = Path(backup_path), Path(db_path)
    problem = _integrity_problem(backup_path)
    if problem:
        raise BackupError(f"备份文件 {backup_path.name} 无法使用（{problem}），请选择另一个备份。")
    if not db_path.is_file() or _integrity_problem(db_path, quick=True):
        saved = _replace_damaged(backup_path, db_path, Path(backup_dir), now)
    else:
        # Pruned only afterwards: the chosen backup may itself be the oldest of its kind.
        saved = rotate_backup(db_path, backup_dir, now, "restore", prune=False)
        try:
            with closing(sqlite3.connect(backup_path, isolation_level=None)) as source, closing(
                sqlite3.connect(db_path, isolation_level=None, timeout=10)
            ) as dest:
                source.backup(dest)
        except sqlite3.Error as exc:
            raise BackupError(
                f"恢复失败：{exc}。数据库没有改变；请关闭其他正在使用它的程序后重试。"
            ) from exc
    prune_backups(backup_dir, db_path.stem)
    return saved


def _replace_damaged(backup_path: Path, db_path: Path, backup_dir: Path, now: datetime) -> Path | None:
    saved = backup_dir / backup_name(db_path.stem, now, "damaged") if db_path.exists() else None
    backup_dir.mkdir(parents=True, exist_ok=True)
    temp = db_path.with_name(db_path.name + ".restore.tmp")
    try:
        if saved is not None:
            shutil.copyfile(db_path, saved)
        backup_to(backup_path, temp)
        # A stale WAL beside the new file would be replayed into it.
        for suffix in ("-wal", "-shm", "-journal"):
            _unlink(db_path.with_name(db_path.name + suffix))
        os.replace(temp, db_path)
    except OSError as exc:
        _unlink(temp)
        raise BackupError(
            f"恢复失败：{exc}。请关闭所有使用该数据库的程序后重试。"
        ) from exc
    return saved


def _rotation_kind(existing: list[BackupFile], now: datetime) -> str:
    monthly = [b for b in existing if b.kind == "monthly"]
    if not any((b.taken_at.year, b.taken_at.month) == (now.year, now.month) for b in monthly):
        return "monthly"
    week = now.isocalendar()[:2]
    if not any(b.taken_at.isocalendar()[:2] == week for b in existing if b.kind in ("weekly", "monthly")):
        return "weekly"
    return "daily"


def _same_content(a: Path, b: Path) -> bool:
    if a.suffix == ".dump" or b.suffix == ".dump":
        return a.suffix == b.suffix and pg_tools.same_dump_content(a, b)
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def _integrity_problem(path: Path, quick: bool = False) -> str:
    if not path.is_file():
        return "文件不存在"
    try:
        with closing(sqlite3.connect(path, timeout=10)) as conn:
            rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    messages = [r[0] for r in rows]
    return "" if messages == ["ok"] else "；".join(messages[:3])


class _source:
    """A sqlite3 connection to read a snapshot from: a pooled connection of an open ``Database``
    (so network-mode locking and pragmas apply) or a fresh one to a file path."""

    def __init__(self, db_or_path):
        self._db_or_path = db_or_path
        self._close = None

    def __enter__(self) -> sqlite3.Connection:
        engine = getattr(self._db_or_path, "engine", None)
        if engine is not None:
            raw = engine.raw_connection()
            self._close = raw.close
            return raw.driver_connection
        path = Path(self._db_or_path)
        if not path.is_file():
            raise sqlite3.OperationalError(f"找不到数据库文件 {path}")
        conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        self._close = conn.close
        return conn

    def __exit__(self, *exc_info) -> None:
        if self._close is not None:
            self._close()


def _unlink(path: Path) -> None:
    # Clean-up only: a file that cannot be deleted now (open elsewhere on Windows) is left for later.
    try:
        path.unlink()
    except OSError:
        pass
