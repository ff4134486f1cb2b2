"""The PostgreSQL server back end: the same ``Database`` contract over a server (storage layer).

``--db postgresql://user@host:port/dbname`` opens a ``ServerDatabase``. What the SQLite file needs
and a server does not is skipped here, each for a reason:

- pragmas, WAL and the ``<db>.lock`` file: the server has its own locks and journal;
- ``integrity_check``: the server keeps its pages consistent; ``check`` reports counts and the
  server's constraint checks (``integrity_problems`` looks for rows that break a foreign key or a
  version, which only a hand-made change could leave);
- the online backup before a migration: the migration itself is one transaction per revision, and
  server backups are ``pg_dump``'s job (``storage.pg_tools``);
- the read-only ``sqlite3`` fast paths (``due``, the list's first screen): the server is already
  running, so the usual way is fast enough.

Writes are serialised by one transaction-level advisory lock (the counterpart of SQLite's ``BEGIN
IMMEDIATE``): the number allocation and version checks of the services then hold between users
exactly as between windows. Rows inserted with explicit ids (fixtures, imports, migrations) move
the table's id sequence past them (``sync_sequences``), so that the next insert never collides.
The password comes from the URL or, when the URL has none, from the operating system's credential
store (``credentials``); it is never written into settings.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
import uuid
from collections import deque
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session

from desktop_app.domain.errors import DatabaseError, ReadOnlyError
from desktop_app.storage import migrations
from desktop_app.storage.access import apply_access, has_access_roles
from desktop_app.storage.credentials import stored_password
from desktop_app.storage.writes import (
    ITEMS_WRITTEN,
    WRITE_LOG_LENGTH,
    ChangeToken,
    clean_text,
    items_written_since,
)

log = logging.getLogger(__name__)

#: The ``LISTEN``/``NOTIFY`` channel every committed write announces itself on.
CHANGE_CHANNEL = "jyta_changes"
#: ``pg_advisory_xact_lock`` key held by every write transaction (any constant unique to this app).
WRITE_LOCK_KEY = 0x6A797461  # "jyta"
SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
#: Tables with an integer ``id`` drawn from a sequence on the server (all but key/day/year tables).
_SEQUENCE_COLUMN = "id"

#: The server's data version (``ServerDatabase.data_version``): its next transaction id.
DATA_VERSION_SQL = "pg_snapshot_xmax(pg_current_snapshot())::text::bigint"

#: A pooled connection unused for longer than this is tried (one round trip) before it is lent
#: out: the server may have restarted meanwhile. A busier one is lent at once (a save, a keystroke
#: of the search); were the server to restart within those seconds, that one action fails with a
#: message and the pool starts afresh.
IDLE_PING_SECONDS = 10.0


def _ping_when_idle(engine) -> None:
    @event.listens_for(engine, "checkin")
    def _idle_since(_dbapi_connection, record):
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _alive(dbapi_connection, record, _proxy):
        since = record.info.pop("idle_since", None)
        if since is not None and time.monotonic() - since > IDLE_PING_SECONDS:
            try:
                engine.dialect.do_ping(dbapi_connection)
            except Exception as exc:  # the pool drops this connection and lends a new one
                raise DisconnectionError() from exc


def is_server_url(value) -> bool:
    """True when ``value`` (a ``--db`` argument or a path) names a database server."""
    return isinstance(value, str) and value.strip().lower().startswith(SCHEMES)


def engine_url(url: str, password: str | None = None):
    """The SQLAlchemy URL for ``url`` with the psycopg 3 driver (and ``password`` when given)."""
    try:
        parsed = make_url(url.strip().replace("postgres://", "postgresql://", 1))
    except ArgumentError as exc:
        raise DatabaseError(f"数据库服务器地址“{url}”写法不对：应写成 postgresql://用户名@主机:端口/数据库名。") from exc
    if not parsed.database:
        raise DatabaseError(f"数据库服务器地址“{url}”没有写数据库名：应写成 postgresql://用户名@主机:端口/数据库名。")
    parsed = parsed.set(drivername="postgresql+psycopg")
    if password is not None and parsed.password is None:
        parsed = parsed.set(password=password)
    return parsed


def display_url(url: str) -> str:
    """``url`` without its password, for messages, logs and the window title."""
    return engine_url(url).render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")


def sync_sequences(conn: Connection, tables: list[str] | None = None) -> None:
    """Move the id sequence of each of ``tables`` (default: every table with one) past the
    largest id in it: rows inserted with explicit ids do not advance a sequence."""
    if conn.dialect.name != "postgresql":
        return
    rows = conn.execute(text(
        "SELECT c.relname, pg_get_serial_sequence(quote_ident(c.relname), :col)"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = :col AND NOT a.attisdropped"
        " WHERE c.relkind = 'r' AND n.nspname = current_schema()"
    ), {"col": _SEQUENCE_COLUMN}).all()
    wanted = set(tables) if tables is not None else None
    for table, sequence in rows:
        if sequence is None or (wanted is not None and table not in wanted):
            continue
        conn.execute(text(
            f'SELECT setval(:seq, coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'
        ), {"seq": sequence})


class ServerDatabase:
    """An open database on a PostgreSQL server, with the interface of ``database.Database``."""

    network = False
    holds_lock = False
    lock_holder = None
    is_server = True

    def __init__(self, url: str, *, password: str | None = None, read_only: bool = False,
                 read_only_reason: str = "", connect_timeout: int = 10):
        self.url = display_url(url)
        self.path = None
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.engine = create_engine(
            engine_url(url, password),
            connect_args={"connect_timeout": connect_timeout, "application_name": "desktop-app"},
            # The connection used last is taken again (LIFO): its statements are prepared already.
            pool_use_lifo=True,
        )
        _ping_when_idle(self.engine)
        self._count_lock = threading.Lock()
        self._version_lock = threading.Lock()
        self._writes = 0
        self._written: deque[tuple[int, frozenset[int] | None, int, int]] = deque(maxlen=WRITE_LOG_LENGTH)
        self._version_conn = None
        self._listen_lock = threading.Lock()
        self._listen_conn = None
        #: Tells this object's own change notices from other users' (``changed_elsewhere``).
        self._origin = uuid.uuid4().hex
        #: The data version read with the write lock, while this thread's write holds it.
        self._in_write = threading.local()

    @property
    def name(self) -> str:
        """What messages call this database: the server address without a password."""
        return self.url

    @property
    def location(self) -> str:
        """What ``--db`` takes to open this database again (the password stays out: it comes
        from the credential store)."""
        return self.url

    @property
    def user(self) -> str:
        """The database user this connection logs in as (history names them)."""
        return self.engine.url.username or ""

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction, serialised with every other writer of this database."""
        if self.read_only:
            raise ReadOnlyError("不能保存修改：" + (self.read_only_reason or "数据库以只读方式打开。"))
        try:
            conn = self.engine.connect()
        except OperationalError as exc:
            raise connection_error(self.url, exc) from exc
        with conn:
            transaction = conn.begin()
            # One round trip: the lock; the change notice, which goes out at commit (not at all on
            # a rollback) to every listening client (``changed_elsewhere``); and the data version
            # before this write. Read once the lock is held, that version is the one just before
            # the commit: no other client's write can commit until this one has.
            version_before = int(conn.execute(
                text("SELECT pg_advisory_xact_lock(:key), pg_notify(:channel, :origin),"
                     f" {DATA_VERSION_SQL}"),
                {"key": WRITE_LOCK_KEY, "channel": CHANGE_CHANNEL, "origin": self._origin}).one()[2])
            self._in_write.version = version_before
            with Session(bind=conn, expire_on_commit=False, autoflush=True) as session:
                event.listen(session, "before_flush", clean_text)
                event.listen(session, "before_flush", _note_explicit_ids)
                try:
                    yield session
                    session.flush()
                    explicit = session.info.get(_EXPLICIT_IDS)
                    if explicit:
                        sync_sequences(conn, sorted(explicit))
                except BaseException:
                    if transaction.is_active:
                        transaction.rollback()
                    raise
                finally:
                    self._in_write.version = None
                items = session.info.get(ITEMS_WRITTEN)
                transaction.commit()
                self._count_write(frozenset(items) if items is not None else None, version_before)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent snapshot (REPEATABLE READ) for reading; anything written is rolled back."""
        conn = self.engine.connect().execution_options(isolation_level="REPEATABLE READ")
        with conn, Session(bind=conn, expire_on_commit=False) as session:
            yield session

    @property
    def write_count(self) -> int:
        with self._count_lock:
            return self._writes

    def change_token(self):
        with self._count_lock:
            return ChangeToken((self._writes, self.data_version()))

    def items_written_since(self, token) -> frozenset[int] | None:
        with self._count_lock:
            return items_written_since(token, self._writes, self._written, self.data_version)

    def _count_write(self, items: frozenset[int] | None, version_before: int) -> None:
        with self._count_lock:
            self._writes += 1
            self._written.append((self._writes, items, version_before, self.data_version()))

    def data_version(self) -> int:
        """The server's next transaction id, read on a connection of its own: it moves whenever
        anyone writes (on this server: sometimes for another database, which only costs a cache
        reload). Inside this thread's write it is the version read with the write lock: no other
        client's write can commit until this one has, so asking the server again (a caller's cache
        check during a save) would give the same answer."""
        held = getattr(self._in_write, "version", None)
        if held is not None:
            return held
        with self._version_lock:
            if self._version_conn is None:
                self._version_conn = self.engine.raw_connection()
                self._version_conn.driver_connection.autocommit = True
            cursor = self._version_conn.driver_connection.execute(f"SELECT {DATA_VERSION_SQL}")
            return int(cursor.fetchone()[0])

    def ping(self) -> None:
        """Log in once (raises the driver's error when the server refuses)."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def schema_version(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def integrity_problems(self, quick: bool = False) -> list[str]:
        """Rows a hand-made change could have left wrong (the server enforces the rest): an
        assignment or reply without its item, an item without a valid version."""
        checks = {
            "assignment rows without their item":
                "SELECT count(*) FROM assignment a LEFT JOIN item i ON i.id = a.item_id WHERE i.id IS NULL",
            "reply rows without their item":
                "SELECT count(*) FROM reply r LEFT JOIN item i ON i.id = r.item_id WHERE i.id IS NULL",
            "items with a version below 1": "SELECT count(*) FROM item WHERE version < 1",
        }
        problems = []
        with self.engine.connect() as conn:
            for what, sql in checks.items():
                found = conn.execute(text(sql)).scalar()
                if found:
                    problems.append(f"{found} {what}")
        return problems

    def changed_elsewhere(self) -> bool:
        """True when another client (another user, another program) has committed a write to
        this database since the last call; the first call starts listening and says False.
        Cheap enough for a timer of a few seconds: no query, only the notices the server sent."""
        with self._listen_lock:
            if self._listen_conn is None:
                import psycopg

                self._listen_conn = psycopg.connect(
                    self.engine.url.render_as_string(hide_password=False).replace("postgresql+psycopg://", "postgresql://"),
                    autocommit=True, connect_timeout=10)
                self._listen_conn.execute(f"LISTEN {CHANGE_CHANNEL}")
                return False
            others = False
            for notice in self._listen_conn.notifies(timeout=0, stop_after=None):
                others = others or notice.payload != self._origin
            # psycopg 3 hands over notices received with query results too: a no-op query reads them.
            self._listen_conn.execute("SELECT 1")
            for notice in self._listen_conn.notifies(timeout=0, stop_after=None):
                others = others or notice.payload != self._origin
            return others

    def close(self) -> None:
        with self._listen_lock:
            if self._listen_conn is not None:
                self._listen_conn.close()
                self._listen_conn = None
        with self._version_lock:
            if self._version_conn is not None:
                self._version_conn.close()
                self._version_conn = None
        self._listen_lock = threading.Lock()
        self._listen_conn = None
        #: Tells this object's own change notices from other users' (``changed_elsewhere``).
        self._origin = uuid.uuid4().hex
        #: The data version read with the write lock, while this thread's write holds it.
        self._in_write = threading.local()
        self.engine.dispose()


_EXPLICIT_IDS = "desktop_app_explicit_ids"


def _note_explicit_ids(session: Session, _context, _instances) -> None:
    for record in session.new:
        table = getattr(record, "__tablename__", None)
        if table and getattr(record, _SEQUENCE_COLUMN, None) is not None and "id" in record.__table__.c:
            session.info.setdefault(_EXPLICIT_IDS, set()).add(table)


def connection_error(url: str, exc: Exception) -> DatabaseError:
    """A failed connection in Chinese: what is wrong and what to check."""
    detail = str(getattr(exc, "orig", exc)).strip()
    lowered = detail.lower()
    if "password" in lowered or "authentication" in lowered:
        why = "用户名或密码不对。请在 设置 → 数据库 → 连接服务器 中重新输入密码，或请信息管理员核对账号。"
    elif "permission denied" in lowered:
        why = ("这个用户没有使用该数据库的权限。请信息管理员用 desktop-app server add-user 把它加入办公室"
               "（--office）或某个单位（--unit）。")
    elif "does not exist" in lowered and "database" in lowered:
        why = "服务器上没有这个数据库。请核对数据库名，或请信息管理员先运行 desktop-app server init。"
    elif "does not exist" in lowered and "role" in lowered:
        why = "服务器上没有这个用户。请信息管理员运行 desktop-app server add-user 建立账号。"
    else:
        why = "连不上服务器。请检查网络、主机名和端口，并确认数据库服务器已经启动。"
    log.warning("cannot connect to %s: %s", url, detail)
    return DatabaseError(f"无法连接数据库服务器 {url}：{why}")


def open_server_database(url: str, *, create: bool = True, password: str | None = None) -> ServerDatabase:
    """Connect to the server database at ``url`` and bring its schema to the app's version (the
    same Alembic migrations as a file). Raises ``DatabaseError`` in Chinese when the server cannot
    be reached, the database is newer than the app, or the schema cannot be created."""
    SCHEMA_VERSION = migrations.HEAD

    if password is None and engine_url(url).password is None:
        password = stored_password(url)
    db = ServerDatabase(url, password=password)
    try:
        try:
            version = db.schema_version()
        except (OperationalError, DBAPIError) as exc:
            raise connection_error(db.url, exc) from exc
        if version == SCHEMA_VERSION:
            return db
        known = migrations.known_revisions()
        if version is not None and version not in known:
            raise DatabaseError(
                f"服务器上的数据库 {db.url} 由较新版本的程序建立（数据库版本 {version}，本程序支持到 "
                f"{SCHEMA_VERSION}）。请升级本程序后再连接。数据库没有被改动。"
            )
        if version is None and not create:
            raise DatabaseError(f"服务器上的数据库 {db.url} 还没有建立本程序的表。请信息管理员先运行 desktop-app server init。")
        if version is None and _has_foreign_tables(db):
            raise DatabaseError(f"服务器上的数据库 {db.url} 里已有别的表，不是本程序的数据库。请换一个空数据库。")
        migrate_server(db)
    except BaseException:
        db.close()
        raise
    return db


def migrate_server(db: ServerDatabase) -> None:
    """Run the migrations up to the app's schema (each revision one transaction), then move the id
    sequences past rows the migrations inserted with explicit ids."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": WRITE_LOCK_KEY})
            conn.commit()
            try:
                migrations.upgrade(conn)
                with conn.begin():
                    sync_sequences(conn)

                    if has_access_roles(conn):  # a table a revision added is covered at once
                        apply_access(conn)
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": WRITE_LOCK_KEY})
                conn.commit()
    except DBAPIError as exc:
        log.exception("migration of %s failed", db.url)
        raise DatabaseError(
            f"服务器上的数据库升级失败（{getattr(exc, 'orig', exc)}）。未完成的升级步骤已撤销；请把日志发给技术支持。"
        ) from exc


def _has_foreign_tables(db: ServerDatabase) -> bool:
    with db.engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


class SqliteLikeConnection:
    """A psycopg connection that answers plain-SQL reads as ``sqlite3`` does: dates and times as
    their ISO text (SQLite stores them so, and the fast readers parse each distinct day once),
    ``?`` placeholders. Only for the services' driver-level reads (``driver_connection``); it
    shares the session's connection and transaction."""

    dialect = "postgresql"

    def __init__(self, conn):
        self._conn = conn
        self._held: dict[str, list] = {}  # rows read ahead by ``prefetch``, by their SQL

    def cursor(self):
        cursor = self._conn.cursor()
        for name in ("date", "timestamp", "timestamptz", "time"):
            cursor.adapters.register_loader(name, _text_loader())
        return _QmarkCursor(cursor, self._held)

    def prefetch(self, sqls: list[str]) -> None:
        """Run reads without parameters in one round trip (one query string, a result each); a
        later ``execute`` of the same SQL on a cursor of this connection takes its rows."""
        cursor = self.cursor()
        cursor.execute("; ".join(sqls))
        for sql in sqls:
            self._held[sql] = cursor.fetchall()
            cursor.nextset()

    def execute(self, sql: str, params=()):
        cursor = self.cursor()
        cursor.execute(sql, params)
        return cursor


@functools.cache
def _text_loader():
    from psycopg.adapt import Loader

    class TextLoader(Loader):
        def load(self, data):
            return bytes(data).decode()

    return TextLoader




class _QmarkCursor:
    def __init__(self, cursor, held: dict[str, list]):
        self._cursor = cursor
        self._held = held
        self._rows: list | None = None  # rows read ahead for the last execute, if any
        self._next = 0

    def execute(self, sql: str, params=()):
        self._rows = None if params else self._held.pop(sql, None)
        self._next = 0
        if self._rows is None:
            self._cursor.execute(qmark_to_format(sql) if params else sql, params or None)
        return self

    def fetchmany(self, size: int = 1):
        if self._rows is None:
            return self._cursor.fetchmany(size)
        chunk = self._rows[self._next:self._next + size]
        self._next += len(chunk)
        return chunk

    def fetchall(self):
        return self._cursor.fetchall() if self._rows is None else self.fetchmany(len(self._rows))

    def fetchone(self):
        if self._rows is None:
            return self._cursor.fetchone()
        chunk = self.fetchmany(1)
        return chunk[0] if chunk else None

    def executemany(self, sql: str, params):
        self._cursor.executemany(qmark_to_format(sql), params)
        return self

    def __getattr__(self, name):
        return getattr(self._cursor, name)

    def __iter__(self):
        return iter(self._cursor) if self._rows is None else iter(self.fetchall())


def qmark_to_format(sql: str) -> str:
    """SQL written with SQLite's ``?`` placeholders for psycopg (``%s``; a literal ``%`` doubled).
    Only for the app's own statements, which never hold a ``?`` inside a string literal."""
    return sql.replace("%", "%%").replace("?", "%s")


def driver_connection(session: Session):
    """The DBAPI connection of ``session``, in its transaction, for plain-SQL reads written for
    ``sqlite3`` (dates as text, ``?`` placeholders) on either back end."""
    conn = session.connection().connection.dbapi_connection
    if session.get_bind().dialect.name == "postgresql":
        return SqliteLikeConnection(conn)
    return conn


def driver_sql(conn: Connection, sql: str) -> str:
    """``sql`` written with ``?`` placeholders, for ``conn.exec_driver_sql`` on either back end."""
    return qmark_to_format(sql) if conn.dialect.name == "postgresql" else sql


@functools.cache
def _int_as_unknown():
    from psycopg.adapt import Dumper

    class IntAsUnknown(Dumper):
        """An int sent untyped, so that the server reads it as the column needs: SQLite's 0/1
        into a boolean column, a number into an integer one."""

        oid = 0

        def dump(self, obj):
            return str(int(obj)).encode()

    return IntAsUnknown


_INSERT_WITH_ID = re.compile(r"\s*INSERT\s+INTO\s+(\w+)\s*\(\s*id\s*,", re.IGNORECASE)


def execute_driver_sql(conn: Connection, sql: str, params=None):
    """``conn.exec_driver_sql`` for SQL written for ``sqlite3`` (``?`` placeholders, 0/1 for
    booleans, dates as ISO text), on either back end; a list of parameter tuples is one
    executemany. On the server, an insert with explicit ids moves the table's id sequence past
    them. Returns nothing: for reads use ``conn.exec_driver_sql`` with portable SQL."""
    if conn.dialect.name != "postgresql":
        conn.exec_driver_sql(sql, params) if params is not None else conn.exec_driver_sql(sql)
        return
    raw = conn.connection.dbapi_connection
    with raw.cursor() as cursor:
        cursor.adapters.register_dumper(int, _int_as_unknown())
        if isinstance(params, list):
            if params:
                cursor.executemany(qmark_to_format(sql), params)
        else:
            cursor.execute(qmark_to_format(sql) if params else sql, params or None)
    found = _INSERT_WITH_ID.match(sql)
    if found:
        sync_sequences(conn, [found.group(1)])


