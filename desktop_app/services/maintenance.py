"""Check, back up and restore the open database (services layer).

Used by 文件 → 备份/从备份恢复, by start-up and exit (daily rotation) and by ``desktop-app check`` /
``backup``. Backups go through ``storage.backup`` (SQLite's online backup API, never a file copy).

On a database server the backups into the backup folder are ``pg_dump`` files (``storage.pg_tools``),
as ``desktop-app backup`` makes them, rotated and pruned with the rest:

- 立即备份 (``backup_now``): a ``pg_dump`` file, or, when pg_dump is not installed, ``ToolMissing``
  saying what to install; the window then offers the verified SQLite copy instead (``as_sqlite``),
  as the command offers ``--as-sqlite``;
- the automatic backups (``backup_if_due``) and those before an import: a ``pg_dump`` file, or,
  without pg_dump, the SQLite copy with a warning in the log and a note the window shows
  (``backup_note``): nobody is there to choose, and a whole verified copy beats no backup;
- a unit's user sees only the unit's items, so neither kind would be whole: their manual backup
  and restore are refused with a message saying who can do it, and no automatic backup is taken.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from desktop_app.domain.errors import DatabaseError, ReadOnlyError
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes
from desktop_app.storage import backup, migrations, pg_tools, tables
from desktop_app.storage.database import SCHEMA_VERSION, damage_message, open_database
from desktop_app.storage.transfer import copy_database

log = logging.getLogger(__name__)

#: Main tables counted by ``check()``, with the Chinese name ``desktop-app check`` prints.
COUNTED_TABLES = {
    "session": ("届次", tables.Session),
    "item": ("建议提案", tables.Item),
    "unit": ("单位", tables.Unit),
    "proposer": ("代表委员", tables.Proposer),
    "assignment": ("办理单位记录", tables.Assignment),
    "contact": ("沟通记录", tables.Contact),
    "reply": ("答复", tables.Reply),
    "feedback": ("征询意见", tables.Feedback),
    "commitment": ("承诺事项", tables.Commitment),
    "attachment": ("附件", tables.Attachment),
    "history": ("修改历史", tables.History),
    "rectification_list": ("整改清单", tables.RectificationList),
    "review_entry": ("回头看条目", tables.ReviewEntry),
}


@dataclass(frozen=True)
class CheckReport:
    integrity_ok: bool
    integrity_message: str  # "ok" or the first problems SQLite reported (English, for the log)
    schema_version: str | None
    app_schema_version: str
    counts: dict[str, int] = field(default_factory=dict)  # table name -> rows
    damage_text: str = ""  # what the problems mean and what to do, in Chinese ("" when ok)

    @property
    def ok(self) -> bool:
        return self.integrity_ok and self.schema_version == self.app_schema_version


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    kind: str  # daily, weekly, monthly, manual, migration, import, restore, damaged
    size: int

    @property
    def kind_label(self) -> str:
        return backup.KIND_LABELS.get(self.kind, self.kind)

    @property
    def is_dump(self) -> bool:
        return self.path.suffix == pg_tools.DUMP_SUFFIX

    @property
    def format_label(self) -> str:
        return format_label(self.path)


def format_label(path: Path | str) -> str:
    """What kind of file a backup is, for the backups list and messages."""
    return "pg_dump 备份" if Path(path).suffix == pg_tools.DUMP_SUFFIX else "数据库文件"


class MaintenanceService:
    def __init__(self, ctx: ServiceContext, backup_dir: Path | str):
        self.ctx = ctx
        self.backup_dir = Path(backup_dir)
        #: Why the last automatic backup was not a ``pg_dump`` file, or was not taken (server only).
        self.backup_note = ""

    @property
    def is_server(self) -> bool:
        return bool(getattr(self.ctx.db, "is_server", False))

    def check(self) -> CheckReport:
        """Full ``integrity_check``, schema version and row counts."""
        db = self.ctx.db
        problems = db.integrity_problems()
        with db.read() as session:
            counts = {
                name: session.scalar(select(func.count()).select_from(table))
                for name, (_label, table) in COUNTED_TABLES.items()
            }
        return CheckReport(
            integrity_ok=not problems,
            integrity_message="ok" if not problems else "；".join(problems[:5]),
            schema_version=db.schema_version(),
            app_schema_version=SCHEMA_VERSION,
            counts=counts,
            damage_text=damage_message(db.name, problems) if problems else "",
        )

    def backup_now(self, to: Path | str | None = None, reason: str = "manual", *, as_sqlite: bool = False) -> Path:
        """A backup to the file ``to`` (a database file, also of a server), or into the backup
        folder (``reason`` "manual" or "import" for the one taken before an import). On a server,
        the one into the folder is a ``pg_dump`` file: for "manual" pg_dump must be installed
        (``ToolMissing`` otherwise, nothing written) unless ``as_sqlite``; before an import the
        SQLite copy stands in for it when pg_dump is not installed. A unit's user is refused."""
        if self.is_server:
            self._require_whole_view()
        if to is not None:
            return backup.backup_to(self.ctx.db, Path(to))
        if self.is_server and not as_sqlite and reason == "manual":
            return self.server_dump(reason=reason)
        return self._event_backup(reason, prune=True, as_sqlite=as_sqlite)

    def _event_backup(self, reason: str, *, prune: bool, as_sqlite: bool = False) -> Path:
        """A backup of ``reason``'s kind (not a rotation one) into the folder (``_rotate``)."""
        made = self._rotate(reason, prune=prune, as_sqlite=as_sqlite)
        assert made is not None  # only rotation backups are ever skipped
        return made

    def _rotate(self, reason: str, *, prune: bool = True, as_sqlite: bool = False) -> Path | None:
        """``backup.rotate_backup`` of this database: on a server a ``pg_dump`` file, or the SQLite
        copy when pg_dump is not installed (logged) or ``as_sqlite``."""
        db = self.ctx.db
        if self.is_server and not as_sqlite:
            if self.dump_tool_problem() is None:
                return backup.rotate_backup(db, self.backup_dir, self.ctx.now(), reason, prune=prune,
                                            write=self._dump_to, suffix=pg_tools.DUMP_SUFFIX)
            log.warning("找不到 pg_dump：%s的备份存为本地数据库文件", backup.KIND_LABELS.get(reason, reason))
        return backup.rotate_backup(db, self.backup_dir, self.ctx.now(), reason, prune=prune)

    def manual_backup_problem(self) -> str | None:
        """Why 立即备份 cannot make its usual backup here (a server without pg_dump on this
        computer): what to install, and that a SQLite copy can be made instead; None when it can."""
        if not self.is_server or (problem := self.dump_tool_problem()) is None:
            return None
        return f"无法用 pg_dump 备份服务器上的数据库：{problem}"

    def backup_if_due(self, reason: str = "start") -> Path | None:
        """The daily rotation: at "start" only when the newest backup is a day old, at "exit"
        always; skipped (None) when nothing changed or when someone else holds the database.
        On a server: a ``pg_dump`` file, or the SQLite copy when pg_dump is not installed
        (``backup_note`` says so); none for a unit's user (``backup_note`` says why)."""
        db = self.ctx.db
        if db.read_only:
            return None
        if self.is_server and pg_tools.whole_access(db) == pg_tools.UNIT_STAFF:
            if not self.backup_note:
                log.info("单位账号 %s 看不到整个数据库，不做自动备份", getattr(db, "user", ""))
            self.backup_note = "没有自动备份：" + pg_tools.UNIT_CANNOT_BACKUP
            return None
        if reason == "start" and not backup.needs_daily_backup(self.backup_dir, self.ctx.now(), backup.backup_stem(db)):
            return None
        if self.is_server:
            problem = self.dump_tool_problem()
            self.backup_note = "" if problem is None else (
                "自动备份存为了本地数据库文件（可在 从备份恢复 中恢复到服务器），因为" + problem
                + " 安装后，自动备份和立即备份都用 pg_dump。")
        return self._rotate(reason)

    def _require_whole_view(self, restore: bool = False) -> None:
        """A unit's user on a server sees a part of the database: refuse to back it up or restore it."""
        if pg_tools.whole_access(self.ctx.db) == pg_tools.UNIT_STAFF:
            raise DatabaseError(pg_tools.UNIT_CANNOT_RESTORE if restore else pg_tools.UNIT_CANNOT_BACKUP)

    def _dump_to(self, target: Path) -> Path:
        return pg_tools.dump_server(self.ctx.db, target)

    def backups(self) -> list[BackupInfo]:
        """Backups of this database, newest first."""
        found = backup.list_backups(self.backup_dir, backup.backup_stem(self.ctx.db), dumps=self.ctx.db.is_server)
        return [BackupInfo(b.path, b.taken_at, b.kind, b.size) for b in reversed(found)]

    def restore(self, path: Path | str) -> Changes:
        """Replace the database content by the backup at ``path`` after backing up the current
        content. An older backup is migrated when the database is next opened; the caller should
        close and reopen it (``open_database``) after this returns."""
        db = self.ctx.db
        if db.read_only:
            raise ReadOnlyError("不能从备份恢复：" + db.read_only_reason)
        path = Path(path)
        if self.is_server:
            self._require_whole_view(restore=True)
        if pg_tools.is_dump(path):
            return self._restore_dump(path)
        version = _schema_version_of(path)
        if version is None or version not in migrations.known_revisions():
            raise DatabaseError(
                f"{path.name} 不是本程序能恢复的备份（版本 {version or '未知'}）。"
                "请选择本程序创建的备份，或升级本程序。"
            )
        if db.is_server:
            # What is there now, first; pruned only afterwards (the chosen backup may be the oldest of its kind).
            self._event_backup("restore", prune=False)
            _restore_onto_server(db, path)
            backup.prune_backups(self.backup_dir, backup.backup_stem(db))
        else:
            backup.restore_backup(path, db.path, self.backup_dir, self.ctx.now())
        return Changes.of("database")


    # ---- a server's own backups: pg_dump / pg_restore (storage.pg_tools) -----------------------

    def dump_tool_problem(self) -> str | None:
        """Why ``server_dump`` cannot run on this computer (``pg_dump`` not found), or None."""
        try:
            pg_tools.require_tool("pg_dump")
        except pg_tools.ToolMissing as error:
            return str(error)
        return None

    def server_dump(self, to: Path | str | None = None, reason: str = "manual", *, prune: bool = True) -> Path:
        """The server database written by ``pg_dump`` (custom format) to ``to``, or into the
        backup folder as ``<name>-<time>-<reason>.dump`` (pruned as the other backups)."""
        db = self.ctx.db
        if not db.is_server:
            raise DatabaseError("pg_dump 只用于数据库服务器；数据库文件请直接备份。")
        if to is not None:
            return pg_tools.dump_server(db, Path(to))
        pg_tools.require_tool("pg_dump")  # no database-file copy in its place: asked for pg_dump
        return self._event_backup(reason, prune=prune)

    def _restore_dump(self, path: Path) -> Changes:
        db = self.ctx.db
        if not db.is_server:
            raise DatabaseError(f"{path.name} 是 PostgreSQL 服务器的备份（pg_dump 文件），只能恢复到服务器上的数据库"
                                "（--db postgresql://用户名@服务器/数据库名）。")
        pg_tools.require_tool("pg_dump")
        if pg_tools.whole_access(db) != pg_tools.OWNER:
            raise DatabaseError(pg_tools.OFFICE_CANNOT_RESTORE_DUMP)
        version = pg_tools.dump_schema_version(path)
        if version is None or version not in migrations.known_revisions():
            raise DatabaseError(
                f"{path.name} 不是本程序能恢复的备份（版本 {version or '未知'}）。"
                "请选择本程序创建的备份，或升级本程序。"
            )
        # What is there now, first; pruned only afterwards: the chosen backup may be the oldest of its kind.
        self.server_dump(reason="restore", prune=False)
        pg_tools.restore_dump(db, path)
        backup.prune_backups(self.backup_dir, backup.backup_stem(db))
        return Changes.of("database")


def _restore_onto_server(db, path: Path) -> None:
    """Put the records of the backup file ``path`` onto the server (replacing its records, in one
    transaction); an older backup is migrated first, in a temporary copy, never in the backup itself."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / path.name
        shutil.copyfile(path, work)
        source = open_database(work, network=False, backup_dir=Path(folder) / "backups")
        try:
            copy_database(source, db, replace=True)
        finally:
            source.close()


def _schema_version_of(path: Path) -> str | None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None
