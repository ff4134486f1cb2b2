"""Opening the database for the window: errors as Chinese dialogs, demo data, daily backups, and
wiring services into the main window (application shell, part of the composition root).

Kept apart from ``bootstrap`` so that the command line never loads it. Like ``bootstrap`` it may
import both ``gui`` and ``storage``: it is where the layers are put together.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from desktop_app import paths

log = logging.getLogger(__name__)

APP_NAME = "建议提案办理助手"
DEMO_ITEMS = 60
# Files above this size (about 15,000 items) are checked after the window shows (storage's own
# threshold for the quicker check).
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


def pending_services(db_path: Path, ui_settings):  # -> AppServices
    """The one ``AppServices`` of the window, not yet connected to a database: the window is built
    and painted with it first, and ``OpenedDatabase.connect`` gives it the database once the file
    is open."""
    from desktop_app.gui.app_services import AppServices
    from desktop_app.settings import save_settings

    def save_ui_settings() -> None:
        try:
            save_settings(ui_settings)
        except OSError as error:  # a full disk must not stop the window from closing
            log.warning("无法保存界面设置：%s", error)

    return AppServices(ui_settings=ui_settings, db_path=db_path, save_ui_settings=save_ui_settings)


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

    ``demo``: a missing file is created and filled with sample data. ``interactive`` False (smoke
    test): errors go to stderr instead of dialogs, and no backups are taken."""
    # Checking a big file takes seconds: the window does it after the list shows.
    defer = db_path.is_file() and db_path.stat().st_size > FULL_CHECK_MAX_BYTES
    db = _open_with_recovery(db_path, demo=demo, user_name=user_name, interactive=interactive,
                             check_integrity=not defer)
    if db is None:
        return None
    ctx = _context(db, user_name)
    from desktop_app.services.maintenance import MaintenanceService

    maintenance = MaintenanceService(ctx, paths.backup_dir(db_path))
    if interactive and not db.read_only:
        _backup_if_due(maintenance, "start", interactive=True, db_path=db_path)
    return OpenedDatabase(path=db_path, db=db, ctx=ctx, maintenance=maintenance, integrity_deferred=defer)


def app_clock() -> datetime:
    """The app's clock: the time every service works with (tests replace it with a fixed one)."""
    return datetime.now()


def _context(db, user_name: Callable[[], str]):
    from desktop_app.services.context import ServiceContext

    return ServiceContext(db=db, user_name=user_name, now=lambda: app_clock())


def _open_with_recovery(db_path: Path, *, demo: bool, user_name, interactive: bool, check_integrity: bool):
    while True:
        try:
            if demo and not db_path.exists():
                return _create_demo(db_path, user_name)
            return _open(db_path, user_name, check_integrity=check_integrity)
        except Exception as error:  # noqa: BLE001 - sorted below; anything else is a bug and re-raised
            if not _is_open_failure(error):
                raise
            log.exception("无法打开数据库 %s", db_path)
            failure = error
        message = _open_error_message(db_path, failure)
        if not interactive:
            import sys

            print(message, file=sys.stderr)
            return None
        backup = _ask_restore(db_path, message, offer_restore=_is_damaged(failure))
        if backup is None:
            return None
        try:
            restore_offline(backup, db_path)
        except Exception as restore_error:  # noqa: BLE001 - BackupError, OSError: told, then quit
            log.exception("从备份 %s 恢复失败", backup)
            _warn(f"从备份恢复失败：{restore_error}\n备份文件：{backup}\n请检查文件是否完整、磁盘是否可写。")
            return None


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

    from desktop_app.domain.errors import DomainError

    if isinstance(error, (DomainError, sqlite3.DatabaseError, OSError)):
        return True
    return type(error).__module__.split(".")[0] == "sqlalchemy"


def _is_damaged(error: Exception) -> bool:
    """Damage that a backup repairs. Not offered for a file from a newer app version (restoring an
    older backup would lose its changes), a file of another program, or one someone else holds."""
    from desktop_app.domain.errors import DamagedDatabaseError, DomainError

    if isinstance(error, DomainError):
        return isinstance(error, DamagedDatabaseError)
    text = str(error)  # SQLite's own words for a file it cannot read at all
    return any(sign in text for sign in ("malformed", "not a database", "corrupt", "disk image"))


def _open_error_message(db_path: Path, error: Exception) -> str:
    from desktop_app.domain.errors import DomainError

    if isinstance(error, DomainError):
        return str(error)
    return (
        f"无法打开数据库文件：\n{db_path}\n原因：{error}\n"
        "该文件可能已损坏，或不是本程序的数据库。可以从备份恢复，或用 --db 打开其他文件。"
    )


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

    restore_backup(backup, db_path, paths.backup_dir(db_path), datetime.now())
    log.info("已从备份 %s 恢复 %s", backup, db_path)


# ---- dialogs ------------------------------------------------------------------------------------
def _warn(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(None, APP_NAME, message)


def _ask_restore(db_path: Path, message: str, *, offer_restore: bool) -> Path | None:
    """Show why the file cannot be opened; return the backup the user chose, or None to quit."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    backups = available_backups(db_path) if offer_restore else []
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
    restore_button = None
    if backups:
        box.setInformativeText(f"找到 {len(backups)} 个备份，最新的是 {backups[0].name}。要从备份恢复吗？（当前文件会保留，不会删除）")
        restore_button = box.addButton("从备份恢复…", QMessageBox.ButtonRole.AcceptRole)
    elif offer_restore:
        box.setInformativeText(f"没有找到此数据库的备份（{paths.backup_dir(db_path)}）。")
    box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore_button is None or box.clickedButton() is not restore_button:
        return None
    labels = [f"{p.name}（{datetime.fromtimestamp(p.stat().st_mtime):%Y-%m-%d %H:%M}）" for p in backups]
    choice, ok = QInputDialog.getItem(None, "从备份恢复", "选择要恢复的备份：", labels, 0, False)
    if not ok:
        return None
    return backups[labels.index(choice)]
