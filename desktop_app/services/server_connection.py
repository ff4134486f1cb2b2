"""设置 → 数据库 → 连接服务器: a server address from its parts, a trial log-in, and the password
in the operating system's credential store (services layer; the dialog is in gui).

The address kept in the UI settings never holds the password: ``storage.credentials`` keeps it, and
``open_server_database`` finds it there when the app starts on that address.
"""

from __future__ import annotations

from urllib.parse import quote

from sqlalchemy.exc import DBAPIError, OperationalError

from desktop_app.domain.errors import DatabaseError
from desktop_app.storage import credentials, migrations
from desktop_app.storage.server import ServerDatabase, connection_error

DEFAULT_PORT = 5432


def server_address(host: str, port: int, database: str, user: str) -> str:
    """``postgresql://user@host:port/database`` (no password), the form ``--db`` takes."""
    host, database, user = host.strip(), database.strip(), user.strip()
    missing = [name for name, value in (("服务器地址", host), ("数据库名", database), ("用户名", user)) if not value]
    if missing:
        raise DatabaseError(f"请填写{'、'.join(missing)}。")
    if not 0 < int(port) < 65536:
        raise DatabaseError("端口应在 1 到 65535 之间（PostgreSQL 通常是 5432）。")
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"postgresql://{quote(user, safe='')}@{shown_host}:{int(port)}/{quote(database, safe='')}"


def try_connection(address: str, password: str) -> str:
    """Log in to ``address`` with ``password`` once; what the user is told on success. Raises
    ``DatabaseError`` in Chinese (what is wrong, what to check) when the server refuses."""
    db = ServerDatabase(address, password=password or None, connect_timeout=5)
    try:
        try:
            version = db.schema_version()
        except (OperationalError, DBAPIError) as exc:
            raise connection_error(db.url, exc) from exc
    finally:
        db.close()
    if version is None:
        return "连接成功。服务器上的这个数据库还是空的：第一次打开时程序会建立数据表（也可请信息管理员先运行 desktop-app server init）。"
    if version not in migrations.known_revisions():
        raise DatabaseError(f"连接成功，但服务器上的数据库由较新版本的程序建立（数据库版本 {version}）。请先升级本程序。")
    return "连接成功。"


def remember_password(address: str, password: str) -> bool:
    """Keep ``password`` for ``address`` in the credential store; False when this computer has none
    (then the password is asked for, or must be written into ``--db``)."""
    if not password:
        credentials.forget_password(address)
        return True
    return credentials.store_password(address, password)


def stored_password(address: str) -> str | None:
    return credentials.stored_password(address)
