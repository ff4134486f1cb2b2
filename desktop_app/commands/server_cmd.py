"""``desktop-app server``: set up a PostgreSQL server for an office (roles, row-level security),
add its users, and move records between a database file and a server (application shell; no Qt).

- ``server init --db postgresql://admin@host/db``: builds the schema (the app's migrations), the
  roles ``jyta_office``, ``jyta_unit`` and one per unit, and the policies (``storage.access``).
  Run it again after adding units, or after an upgrade of the app.
- ``server add-user NAME --unit UNIT | --office``: a login for one person; the password is read
  from the terminal (twice) or, with ``--password-stdin``, from the first line of standard input.
- ``server migrate --from A --to B``: every record of A into B (each a file or a server address),
  verified by counts and a checksum of every table; B must be empty unless ``--replace``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from desktop_app import paths
from desktop_app.commands import frame
from desktop_app.domain.errors import DomainError
from desktop_app.paths import ServerAddress


def add_subcommands(subparsers, options) -> None:
    server = subparsers.add_parser(
        "server", help="数据库服务器（PostgreSQL）：初始化、添加用户、迁移数据",
        description="供信息管理员使用：在 PostgreSQL 服务器上建立本程序的数据库和按单位划分的权限，"
                    "添加用户，在本地数据库文件和服务器之间迁移数据。",
    )
    commands = server.add_subparsers(dest="server_command", metavar="命令", required=True)
    admin = options("服务器地址，例如 postgresql://管理员@主机:5432/数据库名（须为数据库的所有者）")

    init = commands.add_parser(
        "init", parents=[admin], help="建立表结构、角色 jyta_office 和各单位的角色、行级安全策略",
        description="在服务器的数据库中建立（或升级）本程序的表，建立办公室角色 jyta_office、每个单位一个角色，"
                    "并设置行级安全策略：单位用户只能看到交办给本单位的建议提案及其答复、附件等。可重复运行（新增单位后再运行一次）。",
    )
    init.set_defaults(run=run_init)

    add = commands.add_parser(
        "add-user", parents=[admin], help="添加一个登录用户（办公室或某单位）",
        description="在服务器上建立一个登录用户，归入办公室（看到全部）或某个单位（只看到本单位的件）。",
    )
    add.add_argument("name", metavar="NAME", help="用户名（登录名）")
    which = add.add_mutually_exclusive_group(required=True)
    which.add_argument("--unit", metavar="UNIT", help="单位名称（与单位表中的名称一致）")
    which.add_argument("--office", action="store_true", help="办公室工作人员：看到并可修改全部记录")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入的第一行读取密码（用于脚本）")
    add.set_defaults(run=run_add_user)

    login = commands.add_parser(
        "login", parents=[admin], help="把本人的服务器密码保存到操作系统的凭据管理器",
        description="输入密码（或用 --password-stdin 从标准输入读取），试连服务器，成功后把密码保存到操作系统的凭据管理器"
                    "（Windows 凭据管理器、macOS 钥匙串、Linux Secret Service）。之后 --db 地址中不必写密码。"
                    "不写入 settings.json。加 --forget 则删除保存的密码。",
    )
    login.add_argument("--password-stdin", action="store_true", help="从标准输入的第一行读取密码（用于脚本）")
    login.add_argument("--forget", action="store_true", help="删除为该地址保存的密码")
    login.set_defaults(run=run_login)

    migrate = commands.add_parser(
        "migrate", parents=[options("（不用）")], help="把全部数据从一个数据库复制到另一个（文件 ↔ 服务器）",
        description="把 --from 数据库的全部记录（含修改历史、附件）复制到 --to 数据库，并核对每个表的行数和校验和。"
                    "两者都可以是数据库文件或 postgresql:// 服务器地址。目标须为空数据库，除非加 --replace。",
    )
    migrate.add_argument("--from", dest="source", metavar="SOURCE", required=True, help="来源：数据库文件或服务器地址")
    migrate.add_argument("--to", dest="target", metavar="TARGET", required=True, help="目标：数据库文件或服务器地址")
    migrate.add_argument("--replace", action="store_true", help="目标已有数据时，先删除目标中的全部记录再复制")
    migrate.set_defaults(run=run_migrate)


def _server_url(args) -> str | None:
    address = frame.db_path(args)
    if not isinstance(address, ServerAddress):
        frame.fail(args, "请用 --db 给出服务器地址，例如 --db postgresql://admin@主机:5432/数据库名。")
        return None
    return str(address)


def run_init(args: argparse.Namespace) -> int:
    from desktop_app.storage.access import apply_access
    from desktop_app.storage.database import open_database

    url = _server_url(args)
    if url is None:
        return 1
    try:
        db = open_database(url)
    except Exception as error:  # noqa: BLE001 - told in Chinese
        return frame.fail(args, frame.open_error_message(url, error))
    try:
        with db.engine.begin() as conn:
            roles = apply_access(conn)
    except Exception as error:  # noqa: BLE001 - e.g. not the owner of the tables
        return frame.fail(args, f"设置权限失败：{getattr(error, 'orig', error)}\n"
                                "请用数据库的所有者（建库的管理员账号）运行 server init。")
    finally:
        db.close()
    if frame.wants_json(args):
        frame.print_json({"ok": True, "db": db.url, "unit_roles": roles})
    else:
        print(f"已在 {db.url} 建立本程序的表和权限：办公室角色 jyta_office，单位角色 {len(roles)} 个。")
        print("下一步：desktop-app server add-user 用户名 --office 或 --unit 单位名称")
    return 0


def _password(args, *, twice: bool = True) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        return line or None
    if not sys.stdin.isatty():
        return None

    first = getpass.getpass("新用户的密码：" if twice else "密码：")
    if twice and first != getpass.getpass("再输入一次："):
        raise ValueError("两次输入的密码不一致。")
    return first or None


def run_login(args: argparse.Namespace) -> int:
    from desktop_app.storage.credentials import forget_password, store_password
    from desktop_app.storage.server import ServerDatabase, connection_error

    url = _server_url(args)
    if url is None:
        return 1
    if args.forget:
        forget_password(url)
        print(f"已删除为 {url} 保存的密码。")
        return 0
    password = _password(args, twice=False)
    if not password:
        return frame.fail(args, "没有输入密码。请在终端运行，或用 --password-stdin 从标准输入给出密码。")
    db = ServerDatabase(url, password=password)
    try:
        db.ping()
    except Exception as error:  # noqa: BLE001 - told in Chinese: wrong password, no server, ...
        return frame.fail(args, str(connection_error(db.url, error)))
    finally:
        db.close()
    if not store_password(url, password):
        return frame.fail(args, "连接成功，但这台电脑没有可用的凭据管理器，密码没有保存。"
                                "请在 --db 地址之外另行输入密码，或请信息管理员安装凭据管理服务。")
    print(f"已连接 {db.url}，密码已保存到操作系统的凭据管理器。")
    return 0


def run_add_user(args: argparse.Namespace) -> int:
    from desktop_app.storage.access import add_user
    from desktop_app.storage.server import ServerDatabase, connection_error

    url = _server_url(args)
    if url is None:
        return 1
    try:
        password = _password(args)
    except ValueError as error:
        return frame.fail(args, f"{error}请重新运行。")
    db = ServerDatabase(url)
    try:
        with db.engine.begin() as conn:
            group = add_user(conn, args.name, password, unit=args.unit, office=args.office)
    except DomainError as error:
        return frame.fail(args, str(error))
    except Exception as error:  # noqa: BLE001
        if "connect" in type(error).__name__.lower() or "OperationalError" in type(error).__name__:
            return frame.fail(args, str(connection_error(db.url, error)))
        return frame.fail(args, f"添加用户失败：{getattr(error, 'orig', error)}\n请用数据库的所有者运行此命令。")
    finally:
        db.close()
    who = "办公室（全部记录）" if args.office else f"单位“{args.unit}”"
    if frame.wants_json(args):
        frame.print_json({"ok": True, "user": args.name, "role": group})
    else:
        print(f"已添加用户 {args.name}，归入{who}。" + ("" if password else "（未设置密码）"))
    return 0


def _open(location: str, create: bool):
    from desktop_app.storage.database import open_database
    from desktop_app.storage.server import is_server_url

    if is_server_url(location):
        return open_database(location, create=create)
    path = Path(location).expanduser().absolute()
    if not create and not path.is_file():
        raise FileNotFoundError(f"找不到数据库文件：{path}")
    return open_database(path, create=create, backup_dir=paths.backup_dir(path))


def run_migrate(args: argparse.Namespace) -> int:
    from desktop_app.storage.transfer import copy_database

    try:
        source = _open(args.source, create=False)
    except Exception as error:  # noqa: BLE001
        return frame.fail(args, frame.open_error_message(args.source, error))
    try:
        try:
            target = _open(args.target, create=True)
        except Exception as error:  # noqa: BLE001
            return frame.fail(args, frame.open_error_message(args.target, error))
        try:
            report = copy_database(source, target, replace=args.replace)
        except Exception as error:  # noqa: BLE001 - DomainError and driver errors, told in Chinese
            return frame.fail(args, f"迁移失败：{getattr(error, 'orig', error)}\n目标数据库没有被改动。")
        finally:
            target.close()
    finally:
        source.close()
    if frame.wants_json(args):
        frame.print_json({"ok": True, "from": source.name, "to": target.name, "counts": report.counts,
                          "checksums": {t: c for t, (_n, c) in report.fingerprints.items()}})
    else:
        print(f"已把 {source.name} 的全部数据迁移到 {target.name}：共 {report.total} 行，"
              f"{len(report.fingerprints)} 个表的行数和校验和核对一致。")
    return 0
