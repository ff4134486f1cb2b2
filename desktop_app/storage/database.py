"""The database file: engine, pragmas, transactions, opening and migrating (storage layer).

Every connection runs with ``foreign_keys=ON``, ``synchronous=FULL`` and a busy timeout; a local
file uses WAL, a file on a network share the rollback journal behind ``<db>.lock`` (see
``storage.lock``). pysqlite's own transaction handling is switched off (``isolation_level=None``)
and BEGIN is issued here, so that DDL is transactional and writes start with ``BEGIN IMMEDIATE``
(a second writer waits for the busy timeout at BEGIN instead of failing mid-transaction).

``open_database`` takes the network lock if needed, runs the integrity check, refuses a file newer
than the app, backs up a file that is behind and migrates it; a new file is built by the
migrations, never by ``create_all``.
"""

from __future__ import annotations

import getpass
import logging
import sqlite3
import threading
from collections import deque
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from desktop_app.domain.disk import disk_full_error, is_disk_full
from desktop_app.domain.errors import DamagedDatabaseError, DatabaseError, NewerSchemaError, ReadOnlyError
from desktop_app.storage import lock, migrations
from desktop_app.storage.backup import remove_leftovers, rotate_backup
from desktop_app.storage.server import is_server_url, open_server_database
from desktop_app.storage.writes import (  # noqa: F401 - part of this module's interface
    ITEMS_WRITTEN,
    WRITE_LOG_LENGTH,
    ChangeToken,
    clean_text,
    items_written_since,
    note_items_written,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = migrations.HEAD
BUSY_TIMEOUT_MS = 5000
#: Above this size the start-up check is ``quick_check`` (skips index cross-checks; seconds saved).
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024
_WRITE = "desktop_app_write"
class Database:
    """An open database file. ``write()`` is one transaction (BEGIN IMMEDIATE); ``read()`` a
    read-only snapshot. ``read_only`` with ``read_only_reason`` when another user holds it."""

    def __init__(
        self,
        path: Path,
        *,
        network: bool = False,
        read_only: bool = False,
        read_only_reason: str = "",
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ):
        self.path = Path(path)
        self.url = None
        self.network = network
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.holds_lock = False
        self.engine = create_engine(
            f"sqlite:///{self.path}",
            connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
        )
        self.lock_holder: lock.LockHolder | None = None
        # The write counter: raised by every committed ``write()``; caches compare it (convention 2).
        self._count_lock = threading.Lock()
        self._version_lock = threading.Lock()
        self._writes = 0
        # (count, items it changed or None, data_version before and after its commit)
        self._written: deque[tuple[int, frozenset[int] | None, int, int]] = deque(maxlen=WRITE_LOG_LENGTH)
        self._version_conn: sqlite3.Connection | None = None

        @event.listens_for(self.engine, "connect")
        def _pragmas(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            for pragma in (
                f"busy_timeout={int(busy_timeout_ms)}",
                "foreign_keys=ON",
                "synchronous=FULL",
            ):
                dbapi_conn.execute(f"PRAGMA {pragma}")
            if read_only:
                dbapi_conn.execute("PRAGMA query_only=ON")

        @event.listens_for(self.engine, "begin")
        def _begin(conn):
            immediate = conn.get_execution_options().get(_WRITE)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    is_server = False

    @property
    def location(self) -> str:
        """What ``--db`` takes to open this database again."""
        return str(self.path)

    @property
    def name(self) -> str:
        """What messages call this database: the file's name."""
        return self.path.name

    @property
    def user(self) -> str:
        """The login name writes are made under ("" for a file: the app's own user setting)."""
        return ""

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction; commits when the block ends, rolls back wholly when it raises.
        A full disk becomes ``DiskFullError`` (Chinese: which disk, nothing saved before lost)."""
        try:
            with self._write() as session:
                yield session
        except (DBAPIError, sqlite3.Error, OSError) as exc:
            if is_disk_full(exc):
                log.error("write to %s failed: disk full (%s)", self.path, exc)
                raise disk_full_error(self.path) from exc
            raise

    @contextmanager
    def _write(self) -> Iterator[Session]:
        if self.read_only:
            raise ReadOnlyError(
                "不能保存修改：" + (self.read_only_reason or "数据库以只读方式打开。请关闭后重新打开。")
            )
        with self.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            try:
                transaction = conn.begin()
            except OperationalError as exc:
                raise _busy_error(exc) from exc
            with Session(bind=conn, expire_on_commit=False, autoflush=True) as session:
                event.listen(session, "before_flush", clean_text)
                try:
                    yield session
                    session.flush()
                except BaseException:
                    if transaction.is_active:  # a failed flush has already rolled it back
                        transaction.rollback()
                    raise
                items = session.info.get(ITEMS_WRITTEN)
                # BEGIN IMMEDIATE holds the write lock: nobody else commits between these two.
                version_before = self.data_version()
                transaction.commit()
                self._count_write(frozenset(items) if items is not None else None, version_before)

    @property
    def write_count(self) -> int:
        """Writes committed through this object since it was opened."""
        with self._count_lock:
            return self._writes

    def change_token(self) -> ChangeToken:
        """What a cache keeps beside what it read, to know later whether it still holds (cheap: a
        counter and one PRAGMA)."""
        with self._count_lock:
            return ChangeToken((self._writes, self.data_version()))

    def items_written_since(self, token: ChangeToken) -> frozenset[int] | None:
        """The items changed since ``token`` when only this object's writes happened meanwhile and
        each said which items it changed (``note_items_written``); None when anything else may
        have changed (a write that did not say, another process's write, or a token too old)."""
        with self._count_lock:
            return items_written_since(token, self._writes, self._written, self.data_version)

    def _count_write(self, items: frozenset[int] | None, version_before: int) -> None:
        with self._count_lock:
            self._writes += 1
            self._written.append((self._writes, items, version_before, self.data_version()))

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` on a connection kept for it (the value is per
        connection): it moves whenever any other connection, of this process or another, commits."""
        with self._version_lock:
            if self._version_conn is None:
                self._version_conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            return self._version_conn.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent snapshot for reading; anything written in it is rolled back."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def schema_version(self) -> str | None:
        """The Alembic revision of the file, None for an empty (new) file."""
        with self.engine.connect() as conn:
            has_table = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).first()
            if not has_table:
                return None
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    def integrity_problems(self, quick: bool = False) -> list[str]:
        """``PRAGMA integrity_check`` (or ``quick_check``) messages; empty when the file is sound."""
        pragma = "quick_check" if quick else "integrity_check"
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}")]
            conn.rollback()
        return [] if rows == ["ok"] else rows

    def close(self) -> None:
        with self._version_lock:
            if self._version_conn is not None:
                self._version_conn.close()
                self._version_conn = None
        self.engine.dispose()
        if self.holds_lock:
            lock.release_lock(self.path)
            self.holds_lock = False


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    backup_dir: Path | str | None = None,
    network: bool | None = None,
    user_name: str | None = None,
    now: Callable[[], datetime] = datetime.now,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    check_integrity: bool = True,
) -> Database:
    """Open the database at ``path``: check it, and create or migrate it to ``SCHEMA_VERSION``.

    ``backup_dir`` receives the backup taken before a migration (default: ``backups`` beside the
    file). ``network`` forces network mode (None: detect it). ``user_name`` is written into the
    lock file. ``check_integrity`` False leaves the integrity check to the caller (the window runs
    it in the background for big files, so that the list shows first). Raises ``DatabaseError``
    (Chinese message) for a missing, damaged (``DamagedDatabaseError``), foreign or newer
    (``NewerSchemaError``) file. A ``postgresql://`` URL opens the server instead
    (``storage.server``; the file-only options do not apply there)."""
    if is_server_url(path):
        return open_server_database(path, create=create)
    path = Path(path)
    existed = path.is_file() and path.stat().st_size > 0
    if not existed and not create:
        raise DatabaseError(f"找不到数据库文件 {path}。请检查路径，或选择另一个数据库文件。")
    path.parent.mkdir(parents=True, exist_ok=True)
    network = lock.is_network_path(path) if network is None else network
    holder, reason = _network_access(path, user_name, now()) if network else (None, "")
    if reason and not existed:
        if holder:
            raise DatabaseError(f"数据库正由 {holder.who}创建，尚未建好，请稍后再打开。")
        raise DatabaseError(reason.split("；")[0] + "，无法新建数据库。请检查对该共享文件夹的写入权限。")
    db = Database(
        path,
        network=network,
        read_only=bool(reason),
        read_only_reason=reason,
        busy_timeout_ms=busy_timeout_ms,
    )
    db.holds_lock = network and not reason
    db.lock_holder = holder
    try:
        if not db.read_only:
            _remove_leftovers(path, Path(backup_dir) if backup_dir else path.parent / "backups")
        if existed and check_integrity:
            _check_integrity(db)
        if existed:
            # Nothing is changed in a file (not even its journal mode) before its version is known.
            _refuse_newer(db)
        if not db.read_only:
            _set_journal_mode(db)
        _migrate(db, existed, Path(backup_dir) if backup_dir else path.parent / "backups", now)
    except BaseException:
        db.close()
        raise
    return db


def _network_access(path: Path, user_name: str | None, now: datetime) -> tuple[lock.LockHolder | None, str]:
    """Take the lock file; returns who holds it instead, and why we may only read ("" to write)."""
    try:
        holder = lock.acquire_lock(path, user_name or _login_name(), now)
    except OSError as exc:
        # A share we may read but not write is still useful for looking things up.
        return None, (
            f"无法在数据库所在的文件夹建立锁文件（{exc.strerror or exc}）；您现在只能查看，不能修改。"
            "请检查对该共享文件夹的写入权限。"
        )
    return holder, holder.banner() if holder else ""


def _check_integrity(db: Database) -> None:
    quick = db.path.stat().st_size > FULL_CHECK_MAX_BYTES
    try:
        problems = db.integrity_problems(quick=quick)
    except OperationalError as exc:
        if _is_busy(exc):
            raise _busy_error(exc) from exc
        problems = [str(exc.orig)]
    except DBAPIError as exc:
        problems = [str(exc.orig)]
    if problems:
        log.error("integrity check failed for %s: %s", db.path, problems[:10])
        raise DamagedDatabaseError(damage_message(db.path.name, problems), details="\n".join(problems[:10]))


def damage_message(name: str, problems: list[str]) -> str:
    """What a failed integrity check means, in Chinese; SQLite's English ``problems`` stay out of
    it (they go to the log and the error's ``details``)."""
    first = problems[0].lower() if problems else ""
    if "not a database" in first or "encrypted" in first:
        what = (f"文件 {name} 不是本程序能读取的数据库：它可能是其他程序的文件（例如表格或压缩包），"
                "也可能是数据库文件的开头已损坏。")
    else:
        count = f"发现 {len(problems)} 处错误" if len(problems) > 1 else "发现错误"
        what = f"数据库文件 {name} 已损坏（完整性检查{count}），继续使用可能丢失或弄乱数据。"
    return what + "如有备份，请从备份恢复（选最近的一个；恢复前当前文件会另存一份）；也可以打开其他数据库文件。"


def _known_revisions() -> set[str]:
    try:
        return migrations.known_revisions()
    except Exception:  # noqa: BLE001 - Alembic's own error for a missing or broken script folder
        log.exception("cannot read the migration scripts")
        return set()


def _remove_leftovers(path: Path, backup_dir: Path) -> None:
    for leftover in remove_leftovers(path, backup_dir):
        log.info("removed %s, left by an interrupted backup or restore", leftover)


def _refuse_newer(db: Database) -> None:
    version = db.schema_version()
    if version is None or version == SCHEMA_VERSION:
        return
    known = _known_revisions()
    if SCHEMA_VERSION in known and version not in known:
        raise NewerSchemaError(
            f"数据库 {db.path.name} 由较新版本的程序创建（数据库版本 {version}，本程序支持到 "
            f"{SCHEMA_VERSION}）。请升级本程序后再打开，以免损坏数据。数据库没有被改动。"
        )


def _migrate(db: Database, existed: bool, backup_dir: Path, now: Callable[[], datetime]) -> None:
    version = db.schema_version()
    if version == SCHEMA_VERSION:
        return
    known = _known_revisions()
    if SCHEMA_VERSION not in known:
        # Without its own revision files the program would call every database "newer".
        raise DatabaseError(
            f"程序文件不完整：找不到数据库结构版本 {SCHEMA_VERSION} 的升级脚本。数据库没有被改动；"
            "请重新安装本程序后再打开。"
        )
    if existed and version is None and _has_tables(db):
        raise DatabaseError(
            f"{db.path.name} 不是本程序的数据库（缺少版本信息）。请选择本程序创建的数据库文件。"
        )
    if version is not None and version not in known:
        raise NewerSchemaError(
            f"数据库 {db.path.name} 由较新版本的程序创建（数据库版本 {version}，本程序支持到 "
            f"{SCHEMA_VERSION}）。请升级本程序后再打开，以免损坏数据。"
        )
    if db.read_only:
        who = f"正由 {db.lock_holder.who}使用" if db.lock_holder else "您对它没有写入权限"
        raise DatabaseError(f"数据库需要升级后才能使用，但{who}。请等对方关闭程序或取得写入权限后再打开。")
    saved = None
    if version is not None:
        saved = rotate_backup(db, backup_dir, now(), "migration")
        log.info("backed up %s to %s before migrating from %s", db.path, saved, version)
    try:
        with db.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            migrations.upgrade(conn)
    except Exception as exc:
        log.exception("migration of %s failed", db.path)
        where = f"升级前的备份在 {saved}。" if saved else ""
        if is_disk_full(exc):
            raise DatabaseError(f"{disk_full_error(db.path, '数据库升级')}未完成的升级步骤已撤销。{where}") from exc
        detail = getattr(exc, "orig", None) or exc
        raise DatabaseError(
            f"数据库升级失败（{detail}）。未完成的升级步骤已撤销，数据没有丢失；{where}"
            "请把日志发给技术支持。"
        ) from exc
    if version is not None:
        _compact(db)


def _compact(db: Database) -> None:
    """After an upgrade that rebuilt big tables (0012 packs every checklist: a 100,000-item file
    keeps some 400 MB of freed pages), compact the file while it is ours alone, when more than a
    quarter of it is free. Not fatal: a file that cannot be compacted now (no room for the copy
    VACUUM makes) works the same, only larger."""
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        total = conn.execute("PRAGMA page_count").fetchone()[0]
        if total and free * 4 > total:
            log.info("compacting %s after the upgrade (%d of %d pages free)", db.path, free, total)
            conn.execute("VACUUM")
    except sqlite3.Error:
        log.warning("could not compact %s after the upgrade", db.path, exc_info=True)
    finally:
        raw.close()


def _set_journal_mode(db: Database) -> None:
    # Persistent in the file: WAL locally; a file moved onto a share goes back to the rollback
    # journal, because WAL's shared memory does not work across computers.
    mode = "DELETE" if db.network else "WAL"
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute(f"PRAGMA journal_mode={mode}")
    finally:
        raw.close()


def _has_tables(db: Database) -> bool:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar() > 0


def _is_busy(exc: OperationalError) -> bool:
    return "locked" in str(exc.orig) or "busy" in str(exc.orig)


def _busy_error(exc: OperationalError) -> Exception:
    if _is_busy(exc):
        return DatabaseError("数据库正忙（另一个程序正在保存），请稍后再试。")
    return exc


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "未知用户"
