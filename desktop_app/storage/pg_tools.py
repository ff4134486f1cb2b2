"""Whole-server backups with PostgreSQL's own tools: ``pg_dump`` and ``pg_restore`` (storage layer).

``backup`` on a server database writes a ``pg_dump`` custom-format file (``-Fc``: compressed, every
table, index, policy and grant of the database), checked with ``pg_restore --list`` before it is
renamed into place; ``restore`` of such a file runs ``pg_restore --clean`` in one transaction.

The tools are found as a user's installation would have them: the folder in
``DESKTOP_APP_PG_BIN``, then ``PATH``, then the standard install folders (Windows:
``C:\\Program Files\\PostgreSQL\\<version>\\bin``; Debian/Ubuntu: ``/usr/lib/postgresql/<version>/bin``;
RHEL: ``/usr/pgsql-<version>/bin``; macOS: Postgres.app, Homebrew and the EDB installer), newest
version first. The password goes to the tool in ``PGPASSWORD``, never on its command line.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

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


def _run(tool: Path, args: list[str], env: dict[str, str], what: str) -> None:
    try:
        done = subprocess.run([str(tool), *args], env=env, capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DatabaseError(f"{what}失败：无法运行 {tool}（{exc}）。") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()
        hint = ""
        if "row-level security" in detail or "permission denied" in detail:
            hint = "请用办公室或管理员账号（能看到全部数据的账号）备份和恢复。"
        elif "server version" in detail and "mismatch" in detail:
            hint = f"{tool.name} 的版本比服务器旧：请安装与服务器相同或更新版本的 PostgreSQL 命令行工具。"
        raise DatabaseError(f"{what}失败：{tool.name} 报告：{detail[-600:]}\n{hint}".rstrip())


def dump_server(db, target: Path | str) -> Path:
    """Write the server database ``db`` to ``target`` with ``pg_dump -Fc`` (checked with
    ``pg_restore --list`` when that tool is there), through a temporary file renamed into place."""
    pg_dump = require_tool("pg_dump")
    target = Path(target)
    temp = target.with_name(target.name + ".tmp")
    conn_args, env = _connection(db)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.unlink(missing_ok=True)
        _run(pg_dump, ["--format=custom", "--file", str(temp), *conn_args], env, "用 pg_dump 备份服务器数据库")
        if not is_dump(temp):
            raise DatabaseError(f"用 pg_dump 备份服务器数据库失败：{temp} 不是完整的备份文件。")
        pg_restore = find_tool("pg_restore")
        if pg_restore is not None:
            _run(pg_restore, ["--list", str(temp)], env, "核对备份文件")
        os.replace(temp, target)
    except OSError as exc:
        raise DatabaseError(f"无法把服务器上的数据库备份到 {target}：{exc}。请检查该文件夹是否存在、可写且磁盘空间充足。") from exc
    finally:
        temp.unlink(missing_ok=True)
    return target


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
