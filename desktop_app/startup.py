"""Opening the database for the window: errors as Chinese dialogs, demo data, daily backups, and
wiring services into the main window (application shell, part of the composition root).

Kept apart from ``bootstrap`` so that the command line never loads it. Like ``bootstrap`` it may
import both ``gui`` and ``storage``: it is where the layers are put together.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator

from desktop_app import APP_NAME, paths
from desktop_app.domain.errors import DamagedDatabaseError, DomainError
from desktop_app.gui.app_services import AppServices
from desktop_app.gui.widgets import message_boxes
from desktop_app.settings import os_user_name, save_settings

log = logging.getLogger(__name__)

DEMO_ITEMS = 60
# Files above this size (about 15,000 items) are checked after the window shows (storage's own
# threshold for the quicker check).
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


def pending_services(db_path: Path, ui_settings):  # -> AppServices
    """The one ``AppServices`` of the window, not yet connected to a database: the window is built
    and painted with it first, and ``OpenedDatabase.connect`` gives it the database once the file
    is open."""
    def save_ui_settings() -> None:
        try:
            save_settings(ui_settings)
        except OSError as error:  # a full disk must not stop the window from closing
            log.warning("无法保存界面设置：%s", error)

    return AppServices(ui_settings=ui_settings, db_path=db_path, save_ui_settings=save_ui_settings)


def read_list_early(db_path: Path, first: int, *, meanwhile: Callable[[], None] | None = None
                    ) -> Iterator[tuple[list, bool]]:
    """The case list of ``db_path`` read before the database is opened, with plain ``sqlite3``
    while SQLAlchemy is not even imported: ``(rows, complete)``, first the ``first`` rows (a
    screen) and then every row. Nothing when the file is not of the current schema or cannot be
    read (the list then loads once the database is open, as always); only the first rows when
    reading every row fails. ``meanwhile`` runs on this thread while SQLite reads every row on
    another (``load_database_layer``: the imports would otherwise follow the read)."""
    import sqlite3

    from desktop_app.services.case_list import read_rows_from
    from desktop_app.storage.read_only import open_read_only

    if not isinstance(db_path, Path):
        return  # a server: its list loads once it is connected
    conn = open_read_only(db_path, any_thread=True)
    if conn is None:
        return
    try:
        yield read_rows_from(conn, limit=first), False
        conn.execute("BEGIN")  # one snapshot for every query
        chunks = _items_read_aside(conn, meanwhile)
        with _kept_for_the_session():
            rows = read_rows_from(conn, items=None if chunks is None else _parsed(chunks))
        yield rows, True
    except sqlite3.Error:
        log.warning("无法预先读取列表，打开数据库后再读", exc_info=True)
    finally:
        conn.close()


def _parsed(chunks: list[str]) -> Iterator[list]:
    """The rows of the JSON ``chunks``, each chunk parsed when its turn comes and then let go."""
    while chunks:
        yield from json.loads(chunks.pop(0))


def load_database_layer() -> None:
    """Import what opening the database needs (SQLAlchemy, the tables, the services it starts
    with), a third of a second of pure Python: run while SQLite reads the list (``read_list_early``)."""
    import desktop_app.services.deadlines  # noqa: F401
    import desktop_app.services.maintenance  # noqa: F401
    import desktop_app.storage.database  # noqa: F401


def _items_read_aside(conn, meanwhile: Callable[[], None] | None) -> list[str] | None:
    """``case_list.every_item_as_json`` read on another thread while ``meanwhile`` runs on this
    one (``conn`` is used by one thread at a time: this one waits). None without ``meanwhile``:
    the rows are then read the plain way, which is quicker alone."""
    if meanwhile is None:
        return None

    from desktop_app.services.case_list import every_item_as_json

    found: dict[str, object] = {}

    def read() -> None:
        try:
            found["items"] = every_item_as_json(conn)
        except BaseException as error:  # noqa: BLE001 - raised again on this thread
            found["error"] = error

    reader = threading.Thread(target=read, name="read-list-early", daemon=True)
    reader.start()
    try:
        meanwhile()
    finally:
        reader.join()
    if "error" in found:
        raise found["error"]
    return found["items"]


@contextmanager
def _kept_for_the_session():
    """Objects made inside, out of the cyclic garbage collector's reach: for the 100,000 rows of
    the list read at start-up. They and their unit sets are young objects when the read ends, and
    the collections the next allocations start (sorting the list, the imports that open the
    database) would walk them all a few times over, about 0.1 s of the start. Frozen instead,
    together with the modules and widgets loaded so far: objects that live as long as the window
    anyway. Frozen objects are still freed by reference counting when the list is read again; only
    a reference cycle among them would outlive its use, and rows form none."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class OpenedDatabase:
    """An open database with its service context and maintenance service, ready for a window.
    ``integrity_deferred``: the file was too big to check before the window; the window checks it
    in the background."""

    path: Path
    db: Any
    ctx: Any
    maintenance: Any
    integrity_deferred: bool = False
    first_try: bool = True  # False: the file asked for failed, another (or a restored copy) was opened

    @property
    def read_only(self) -> bool:
        return bool(self.db.read_only)

    def connect(self, services) -> None:
        """Give ``services`` (from ``pending_services``) this database."""
        services.connect(self.ctx, self.maintenance, read_only=self.db.read_only,
                         read_only_reason=self.db.read_only_reason)

    def close(self, reason: str | None = "exit") -> None:
        """Take the backup due at ``reason`` (None: none) and close the file."""
        try:
            if reason and not self.db.read_only:
                _backup_if_due(self.maintenance, reason, interactive=False)
        finally:
            self.db.close()


def open_for_window(
    db_path: Path, *, demo: bool, user_name: Callable[[], str], interactive: bool = True
) -> OpenedDatabase | None:
    """Open ``db_path`` for the window; None when it cannot be used (the user was told why).

    When the file cannot be opened, or is empty (0 bytes), the user may open another file, create
    a new one or restore a backup instead: ``OpenedDatabase.path`` is the file really opened.
    ``demo``: a missing ``db_path`` is created and filled with sample data. ``interactive`` False
    (smoke test): errors go to stderr instead of dialogs, nothing is asked and no backups are taken."""
    found = _open_with_recovery(db_path, demo=demo, user_name=user_name, interactive=interactive)
    if found is None:
        return None
    db, path, deferred, first_try = found
    ctx = _context(db, user_name)
    from desktop_app.services.maintenance import MaintenanceService

    maintenance = MaintenanceService(ctx, paths.backup_dir(path))
    if interactive and not db.read_only:
        _backup_if_due(maintenance, "start", interactive=True, db_path=path)
    refresh_holidays(ctx)
    return OpenedDatabase(path=path, db=db, ctx=ctx, maintenance=maintenance, integrity_deferred=deferred,
                          first_try=first_try)


def refresh_holidays(ctx) -> None:
    """Take the years a newer chinesecalendar brings into the holiday table (services). A failure
    only costs those years until the next start: logged, never in the way of opening."""
    from desktop_app.services.deadlines import DeadlineService

    try:
        added = DeadlineService(ctx).refresh_package_years()
    except Exception:  # noqa: BLE001 - the file opened; the table is topped up at the next start
        log.exception("从 chinesecalendar 补充节假日年份失败")
        return
    if added:
        log.info("已从 chinesecalendar 补充 %s 年的节假日", "、".join(map(str, added)))


def operator_name(ui_settings) -> Callable[[], str]:
    """The 操作人 of the window's services: the name in the UI settings (changed in 设置 at any
    time), or the operating-system login while none is given (smoke test, name not yet asked)."""
    return lambda: ui_settings.user_name or os_user_name()


def ensure_user_name(ui_settings, *, interactive: bool, parent=None) -> None:
    """First window start (no name in the UI settings): ask for the user's name, prefilled with
    the operating-system login, and save it. Not asked when ``interactive`` is False (smoke test);
    a dialog closed without a name asks again at the next start."""
    if ui_settings.user_name.strip() or not interactive:
        return
    from desktop_app.gui.dialogs.user_name_dialog import ask_user_name

    name = ask_user_name(os_user_name(), parent)
    if not name:
        return
    ui_settings.user_name = name
    try:
        save_settings(ui_settings)
    except OSError as error:  # kept for this session; asked again next time
        log.warning("无法保存操作人姓名：%s", error)


def app_clock() -> datetime:
    """The app's clock: the time every service works with (tests replace it with a fixed one)."""
    return datetime.now()


def _context(db, user_name: Callable[[], str]):
    from desktop_app.services.context import ServiceContext

    if getattr(db, "is_server", False) and db.user:
        # On a server, history names who logged in: the name the server checked, not a setting.
        return ServiceContext(db=db, user_name=lambda: db.user, now=lambda: app_clock())
    return ServiceContext(db=db, user_name=user_name, now=lambda: app_clock())


def _open_with_recovery(db_path: Path, *, demo: bool, user_name, interactive: bool):
    """(database, the path really opened, integrity check deferred, opened at the first try), or
    None to quit."""
    path, create = db_path, False  # create: the user chose to build a new database in ``path``
    first_try = True
    while True:
        if not create and _is_empty_file(path):
            if not interactive:
                print(f"数据库文件是空的（0 字节），没有打开：{path}\n"
                      "如果这是新文件，请先删除它，或在窗口中打开它并选择“新建”。", file=sys.stderr)
                return None
            choice = _ask_empty_file(path)
            if choice.action == "quit":
                return None
            path, create, first_try = choice.path, choice.action == "create", False
            continue
        # Checking a big file takes seconds: the window does it after the list shows.
        defer = path.is_file() and path.stat().st_size > FULL_CHECK_MAX_BYTES
        try:
            if demo and path == db_path and not path.exists():
                return _create_demo(path, user_name), path, False, first_try
            db = _open(path, user_name, check_integrity=not defer)
            if interactive and _take_over_offered(db, path):
                db.close()
                db = _open(path, user_name, check_integrity=not defer)
            return db, path, defer, first_try
        except Exception as error:  # noqa: BLE001 - sorted below; anything else is a bug and re-raised
            if not _is_open_failure(error):
                raise
            log.exception("无法打开数据库 %s", path)
            failure = error
        create, first_try = False, False
        message, details = explain_open_failure(path, failure)
        if not interactive:
            print(message, file=sys.stderr)
            return None
        choice = _ask_cannot_open(path, message, details, offer_restore=_is_damaged(failure))
        if choice.action == "quit":
            return None
        if choice.action == "restore":
            try:
                restore_offline(choice.path, path)
            except Exception as restore_error:  # noqa: BLE001 - BackupError, OSError: told, then asked again
                log.exception("从备份 %s 恢复失败", choice.path)
                _warn(f"从备份恢复失败：{restore_error}\n备份文件：{choice.path}\n"
                      "请检查文件是否完整、磁盘是否可写，或选择其他备份、打开其他文件。")
            continue
        path, create = choice.path, choice.action == "create"


def _is_empty_file(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def _open(db_path: Path, user_name: Callable[[], str], *, check_integrity: bool = True):
    from desktop_app.storage.database import open_database

    return open_database(db_path, create=True, backup_dir=paths.backup_dir(db_path),
                         user_name=user_name() or None, check_integrity=check_integrity)


def _create_demo(db_path: Path, user_name):
    """Create the demo database with sample data; a half-filled file is removed on failure."""
    from desktop_app.services.demo import fill_demo

    db = _open(db_path, user_name)
    try:
        fill_demo(_context(db, lambda: user_name() or "演示用户"), items=DEMO_ITEMS)
    except BaseException:
        db.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        raise
    return db


def _is_open_failure(error: Exception) -> bool:
    """Errors that mean "this file cannot be used": ours, SQLite's, SQLAlchemy's wrapping them, I/O."""
    import sqlite3

    if isinstance(error, (DomainError, sqlite3.DatabaseError, OSError)):
        return True
    return type(error).__module__.split(".")[0] == "sqlalchemy"


def _is_damaged(error: Exception) -> bool:
    """Damage that a backup repairs. Not offered for a file from a newer app version (restoring an
    older backup would lose its changes), a file of another program, or one someone else holds."""
    if isinstance(error, DomainError):
        return isinstance(error, DamagedDatabaseError)
    text = str(error)  # SQLite's own words for a file it cannot read at all
    return any(sign in text for sign in ("malformed", "not a database", "corrupt", "disk image"))


# SQLite's and the system's English, by a word of it: what it means for the user, in Chinese.
_FAILURE_REASONS = (
    (("not a database", "encrypted"), "该文件不是本程序能读取的数据库：它可能是其他程序的文件，也可能是数据库文件的开头已损坏。"),
    (("malformed", "disk image", "corrupt"), "数据库文件已损坏，继续使用可能丢失或弄乱数据。"),
    (("locked", "busy"), "数据库正被另一个程序占用（可能正在保存）。请稍后再试，或关闭正在使用它的程序。"),
    (("readonly", "read-only", "permission denied", "access is denied"),
     "您没有读写该文件的权限。请检查文件和文件夹的权限，或把数据库复制到自己的文件夹中再打开。"),
    (("disk i/o",), "读写磁盘时出错：磁盘、U 盘或网络共享可能不可用。"),
    (("database or disk is full", "no space"), "磁盘已满。请腾出空间后再打开。"),
    (("unable to open",), "无法打开该文件：所在的文件夹不存在，或您没有读写它的权限。"),
)


def explain_open_failure(path: Path, error: Exception) -> tuple[str, str]:
    """(Chinese message, original details) for a file that cannot be opened. Our own errors are
    Chinese already; SQLite's and the system's English goes to the details (and the log) only."""
    if isinstance(error, DomainError):
        return f"无法打开数据库文件：\n{path}\n\n{error}", getattr(error, "details", "")
    details = f"{type(error).__name__}: {error}"
    text = str(error).lower()
    if isinstance(error, IsADirectoryError):
        reason = "这是一个文件夹，不是数据库文件。"
    elif isinstance(error, FileNotFoundError):
        reason = "找不到该文件或它所在的文件夹。"
    elif isinstance(error, PermissionError):
        reason = _FAILURE_REASONS[3][1]
    else:
        reason = next((chinese for words, chinese in _FAILURE_REASONS if any(w in text for w in words)), "")
    if not reason and isinstance(error, OSError):
        # The system's own words: in the user's language on Windows.
        reason = f"读写该文件时出错：{error.strerror or error}。请检查磁盘空间、文件和文件夹的权限。"
    reason = reason or "程序无法读取该文件（原始错误信息见“详细信息”）。"
    return f"无法打开数据库文件：\n{path}\n\n{reason}", details


# ---- backups ------------------------------------------------------------------------------------
def _backup_if_due(maintenance, reason: str, *, interactive: bool, db_path: Path | None = None) -> None:
    try:
        maintenance.backup_if_due(reason)
    except Exception as error:  # noqa: BLE001 - a failed backup must not stop the work; it is reported
        log.exception("自动备份（%s）失败", reason)
        if interactive:
            _warn(
                f"自动备份失败：{error}\n备份文件夹：{paths.backup_dir(db_path) if db_path else ''}\n"
                "程序可以继续使用，但请检查磁盘空间和文件夹权限，并尽快用 文件 → 立即备份 手动备份。"
            )


def available_backups(db_path: Path) -> list[Path]:
    """Backup files of ``db_path`` that can be restored, newest first (the damaged originals kept
    by earlier restores are not offered)."""
    from desktop_app.storage.backup import list_backups

    found = list_backups(paths.backup_dir(db_path), db_path.stem)
    return [b.path for b in reversed(found) if b.kind != "damaged"]


def restore_offline(backup: Path, db_path: Path) -> None:
    """Put ``backup`` in place of a database that cannot be opened; the current file is kept
    first as a "damaged" backup (storage.backup.restore_backup)."""
    from desktop_app.storage.backup import restore_backup

    restore_backup(backup, db_path, paths.backup_dir(db_path), app_clock())
    log.info("已从备份 %s 恢复 %s", backup, db_path)


# ---- dialogs ------------------------------------------------------------------------------------
def _warn(message: str) -> None:
    message_boxes.show_warning(None, APP_NAME, message)


def _ask_cannot_open(path: Path, message: str, details: str, *, offer_restore: bool):  # -> OpenChoice
    """Why ``path`` cannot be opened, and what to do: restore a backup (when it is damaged and has
    one), open another file, create a new one, or quit."""
    from desktop_app.gui.dialogs.open_database_prompts import ask_cannot_open

    backups = available_backups(path) if offer_restore else []
    note = f"没有找到此数据库的备份（备份文件夹：{paths.backup_dir(path)}）。" if offer_restore else ""
    return ask_cannot_open(path, message, details, backups, no_backup_note=note)


def _take_over_offered(db, path: Path) -> bool:
    """A lock left by another computer (it crashed, or was switched off) keeps everyone read-only
    until removed: after showing who held it and since when, the user may take over. True when
    the stale lock was removed (the caller opens the file again)."""
    from desktop_app.storage import lock

    holder = db.lock_holder
    if not db.read_only or holder is None or lock.held_here(holder):
        return False
    from desktop_app.gui.dialogs.open_database_prompts import ask_take_over_lock

    return ask_take_over_lock(path, holder) and lock.take_over(path, holder)


def _ask_empty_file(path: Path):  # -> OpenChoice
    from desktop_app.gui.dialogs.open_database_prompts import ask_empty_file

    return ask_empty_file(path)
