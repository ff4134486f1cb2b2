"""Whole-server backups with PostgreSQL's own tools: ``pg_dump`` and ``pg_restore`` (storage layer).

``backup`` on a server database writes a ``pg_dump`` custom-format file (``-Fc``: compressed, every
table, index, policy and grant of the database), checked with ``pg_restore --list`` before it is
renamed into place; ``restore`` of such a file runs ``pg_restore --clean`` in one transaction.

The tools are found as a user's installation would have them: the folder in
``DESKTOP_APP_PG_BIN``, then ``PATH``, then the standard install folders (Windows:
``C:\\Program Files\\PostgreSQL\\<version>\\bin``; Debian/Ubuntu: ``/usr/lib/postgresql/<version>/bin``;
RHEL: ``/usr/pgsql-<version>/bin``; macOS: Postgres.app, Homebrew and the EDB installer), newest
version first. The password goes to the tool in ``PGPASSWORD``, never on its command line.

Who may dump: the owner of the tables (the IT contact's admin user) or a superuser, as is; office
staff (``jyta_office``) with ``--enable-row-security``, under which their policies show them every
row (without it pg_dump refuses any table with row-level security); unit staff never, since they see
only their unit's items and a dump of that would look whole but hold a part (``whole_access``).
The same file comparison the rotation of SQLite backups uses is offered for dumps
(``same_dump_content``): two dumps of an unchanged database differ only in their header's date.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from desktop_app.domain.errors import DatabaseError

#: The first bytes of a ``pg_dump -Fc`` file.
DUMP_MAGIC = b"PGDMP"
DUMP_SUFFIX = ".dump"
ENV_FOLDER = "DESKTOP_APP_PG_BIN"


class ToolMissing(DatabaseError):
    """``pg_dump`` or ``pg_restore`` is not installed where the app looks; the message says how to fix it."""


def _install_patterns() -> list[str]:
    if sys.platform == "win32":
        roots = [os.environ.get(k) for k in ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)")]
        roots = [r for r in dict.fromkeys(roots) if r] or [r"C:\Program Files"]
        return [os.path.join(r, "PostgreSQL", "*", "bin") for r in roots]
    return ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/usr/local/pgsql/bin",
            "/opt/homebrew/opt/postgresql@*/bin", "/usr/local/opt/postgresql@*/bin",
            "/Applications/Postgres.app/Contents/Versions/*/bin", "/Library/PostgreSQL/*/bin"]


def _version_key(folder: str) -> tuple:
    numbers = [int(n) for n in re.findall(r"\d+", folder)]
    return tuple(numbers) or (0,)


def find_tool(name: str) -> Path | None:
    """The ``name`` program (``pg_dump``, ``pg_restore``), or None when it is not installed."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    chosen = os.environ.get(ENV_FOLDER, "").strip()
    if chosen:
        candidate = Path(chosen) / exe
        if candidate.is_file():
            return candidate
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    for pattern in _install_patterns():
        for folder in sorted(glob.glob(pattern), key=_version_key, reverse=True):
            candidate = Path(folder) / exe
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    return None


def require_tool(name: str) -> Path:
    found = find_tool(name)
    if found is None:
        raise ToolMissing(
            f"找不到 PostgreSQL 的 {name} 程序。请在这台电脑上安装 PostgreSQL 的命令行工具（Windows：用 PostgreSQL "
            f"安装程序，勾选 Command Line Tools；Debian/Ubuntu：sudo apt-get install postgresql-client），"
            f"或把它所在的 bin 文件夹加入 PATH（也可用环境变量 {ENV_FOLDER} 指明该文件夹）。"
        )
    return found


def is_dump(path: Path | str) -> bool:
    """True when ``path`` is a ``pg_dump`` custom-format file."""
    try:
        with open(path, "rb") as f:
            return f.read(len(DUMP_MAGIC)) == DUMP_MAGIC
    except OSError:
        return False


def _connection(db) -> tuple[list[str], dict[str, str]]:
    """libpq options for the server database ``db`` and the environment carrying its password."""
    url = db.engine.url
    args = ["--host", url.host or "localhost", "--port", str(url.port or 5432), "--dbname", url.database]
    if url.username:
        args += ["--username", url.username]
    env = dict(os.environ, PGCONNECT_TIMEOUT="10", PGAPPNAME="desktop-app")
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args + ["--no-password"], env


#: ``whole_access``: who the server's login is, as far as backups go.
OWNER, OFFICE_STAFF, UNIT_STAFF = "owner", "office", "unit"

UNIT_CANNOT_BACKUP = ("单位的账号只能看到交办给本单位的件，无法备份整个数据库（备份出来的只会是一部分）。"
                      "服务器上的数据库请由办公室或信息管理员的账号备份（立即备份，或 desktop-app backup）。")
UNIT_CANNOT_RESTORE = ("单位的账号只能看到交办给本单位的件，不能从备份恢复整个数据库。"
                       "请由信息管理员（建立数据库的账号）恢复。")
OFFICE_CANNOT_RESTORE_DUMP = ("恢复 pg_dump 备份要删除并重建数据库中的表，只有建立数据库的信息管理员账号"
                              "（server init 所用的账号）可以做。请由信息管理员恢复，或选择本地数据库文件形式的备份。")


def whole_access(db) -> str:
    """``OWNER`` (owner of the tables, superuser, or a database without per-unit access),
    ``OFFICE_STAFF`` (sees every row through its policies) or ``UNIT_STAFF`` (sees a part)."""
    with db.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'USAGE') AS owner,"
            " c.relrowsecurity AS filtered,"
            " EXISTS (SELECT 1 FROM pg_roles o WHERE o.rolname = 'jyta_office'"
            "         AND pg_has_role(current_user, o.oid, 'USAGE')) AS office"
            " FROM pg_roles r, pg_class c"
            " WHERE r.rolname = current_user AND c.oid = to_regclass('public.item')")).first()
    if row is None or row.owner or not row.filtered:
        return OWNER
    return OFFICE_STAFF if row.office else UNIT_STAFF


def _run(tool: Path, args: list[str], env: dict[str, str], what: str) -> None:
    try:
        done = subprocess.run([str(tool), *args], env=env, capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DatabaseError(f"{what}失败：无法运行 {tool}（{exc}）。") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()
        hint = ""
        if "must be owner" in detail:
            hint = "请用建立数据库的信息管理员账号（server init 所用的账号）恢复。"
        elif "row-level security" in detail or "permission denied" in detail:
            hint = "请用办公室或信息管理员的账号（能看到全部数据的账号）备份。"
        elif "server version" in detail and "mismatch" in detail:
            hint = f"{tool.name} 的版本比服务器旧：请安装与服务器相同或更新版本的 PostgreSQL 命令行工具。"
        raise DatabaseError(f"{what}失败：{tool.name} 报告：{detail[-600:]}\n{hint}".rstrip())


def dump_server(db, target: Path | str) -> Path:
    """Write the server database ``db`` to ``target`` with ``pg_dump -Fc`` (checked with
    ``pg_restore --list`` when that tool is there), through a temporary file renamed into place:
    on any failure nothing is left at ``target`` nor beside it. A unit's user is refused before
    anything is written (``UNIT_CANNOT_BACKUP``)."""
    pg_dump = require_tool("pg_dump")
    access = whole_access(db)
    if access == UNIT_STAFF:
        raise DatabaseError(UNIT_CANNOT_BACKUP)
    target = Path(target)
    temp = target.with_name(target.name + ".tmp")
    conn_args, env = _connection(db)
    # Office staff see every row only with row-level security on (their policies allow all rows).
    security = ["--enable-row-security"] if access == OFFICE_STAFF else []
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.unlink(missing_ok=True)
        _run(pg_dump, ["--format=custom", *security, "--file", str(temp), *conn_args], env, "用 pg_dump 备份服务器数据库")
        if not is_dump(temp):
            raise DatabaseError(f"用 pg_dump 备份服务器数据库失败：{temp} 不是完整的备份文件。")
        pg_restore = find_tool("pg_restore")
        if pg_restore is not None:
            _run(pg_restore, ["--list", str(temp)], env, "核对备份文件")
        os.replace(temp, target)
    except OSError as exc:
        raise DatabaseError(f"无法把服务器上的数据库备份到 {target}：{exc}。请检查该文件夹是否存在、可写且磁盘空间充足。") from exc
    finally:
        try:
            temp.unlink(missing_ok=True)
        except OSError:  # held open elsewhere (Windows): left for the leftover clean-up
            pass
    return target


def _body_offset(f) -> int | None:
    """Where the ``pg_dump -Fc`` file ``f`` (open, binary) continues after its header (magic,
    version, sizes, compression, the date it was made, database name and versions), or None when
    the header is not one this code knows."""
    head = f.read(11)
    if len(head) < 11 or head[:5] != DUMP_MAGIC:
        return None
    major, minor, int_size = head[5], head[6], head[8]
    if major != 1 or not 1 <= int_size <= 8:
        return None

    def read_int() -> int:
        raw = f.read(1 + int_size)
        if len(raw) < 1 + int_size:
            raise EOFError
        value = int.from_bytes(raw[1:], "little")
        return -value if raw[0] else value

    try:
        if minor >= 15:
            f.read(1)  # compression algorithm (PostgreSQL 16 and later)
        else:
            read_int()  # compression level
        for _ in range(7):  # the date and time the dump was made
            read_int()
        for _ in range(3):  # database name, server version, pg_dump version
            length = read_int()
            if length > 0:
                f.seek(length, os.SEEK_CUR)
    except EOFError:
        return None
    return f.tell()


def same_dump_content(a: Path | str, b: Path | str) -> bool:
    """True when the ``pg_dump -Fc`` files ``a`` and ``b`` hold the same database: equal past
    the header, which carries the time each was made."""
    try:
        with open(a, "rb") as fa, open(b, "rb") as fb:
            start_a, start_b = _body_offset(fa), _body_offset(fb)
            if start_a is None or start_b is None:
                return False
            if os.fstat(fa.fileno()).st_size - start_a != os.fstat(fb.fileno()).st_size - start_b:
                return False
            while True:
                chunk_a, chunk_b = fa.read(1 << 20), fb.read(1 << 20)
                if chunk_a != chunk_b:
                    return False
                if not chunk_a:
                    return True
    except OSError:
        return False


def restore_dump(db, source: Path | str) -> None:
    """Replace the content of the server database ``db`` by the ``pg_dump`` file ``source``:
    ``pg_restore --clean --if-exists`` in one transaction, so that a failure changes nothing."""
    source = Path(source)
    if not is_dump(source):
        raise DatabaseError(f"{source} 不是 pg_dump 备份文件（自定义格式，-Fc）。")
    pg_restore = require_tool("pg_restore")
    conn_args, env = _connection(db)
    _run(pg_restore, ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner",
                      *conn_args, str(source)], env, "用 pg_restore 恢复服务器数据库")


def dump_schema_version(source: Path | str) -> str | None:
    """The app's schema version recorded in the ``pg_dump`` file ``source`` (its
    ``alembic_version`` row), or None when the file holds no such table (not this app's database)."""
    pg_restore = require_tool("pg_restore")
    try:
        done = subprocess.run([str(pg_restore), "--data-only", "--table", "alembic_version", "--file", "-", str(source)],
                              capture_output=True, text=True, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DatabaseError(f"无法运行 {pg_restore}（{exc}）。") from exc
    if done.returncode != 0:
        raise DatabaseError(f"{Path(source).name} 不是完整的 pg_dump 备份文件：{done.stderr.strip()[-300:]}")
    lines = done.stdout.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and n + 1 < len(lines):
            value = lines[n + 1].strip()
            return None if value in ("", "\\.") else value
    return None
