"""The one open/close frame every subcommand shares (command line, no Qt): where the database is,
opening it without creating it, a service context on it, and how results and failures are told —
in Chinese on stdout/stderr, or as one JSON object with ``--json``.

``cli.py`` registers the commands and runs ``check``, ``backup`` and ``demo``; each feature's module in
``commands/`` imports this frame, never ``cli``, so the two never import each other.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from desktop_app import paths
from desktop_app.domain.errors import DomainError
from desktop_app.settings import os_user_name


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 YYYY-MM-DD，例如 2024-06-03") from None


def db_path(args: argparse.Namespace, *, demo: bool = False) -> Path:
    given = getattr(args, "db", None)
    if given:
        return paths.database_location(given)

    # Sample data never goes into the real database by default.
    return paths.demo_db_path() if demo else paths.default_db_path()


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def open_db(path: Path, create: bool):
    from desktop_app.storage.database import open_database

    db = open_database(path, create=create, backup_dir=paths.backup_dir(path), user_name=os_user_name() or None)
    _refresh_holidays(db)
    return db


def _refresh_holidays(db) -> None:
    """Years a newer chinesecalendar brings go into the holiday table at every open, as in the
    window; a failure to write them is no reason to refuse the command (logged)."""
    from desktop_app.services.deadlines import DeadlineService

    try:
        added = DeadlineService(service_context(db)).refresh_package_years()
    except Exception:  # noqa: BLE001 - the command still runs; the next open tries again
        logging.getLogger(__name__).exception("从 chinesecalendar 补充节假日年份失败")
        return
    if added:
        logging.getLogger(__name__).info("已从 chinesecalendar 补充 %s 年的节假日", "、".join(map(str, added)))


def clock() -> datetime:
    """The command line's clock: what every command means by now and today (tests fix it)."""
    return datetime.now()


def service_context(db):
    from desktop_app.services.context import ServiceContext

    # On a server, history names the database user the server checked.
    user = (db.user if getattr(db, "is_server", False) else "") or os_user_name() or "命令行"
    return ServiceContext(db=db, user_name=lambda: user, now=lambda: clock())


def maintenance(db):
    from desktop_app.services.maintenance import MaintenanceService

    return MaintenanceService(service_context(db), paths.backup_dir(db.path or db.url))


def is_domain_error(error: BaseException) -> bool:
    """True for the app's own errors, whose Chinese message already says what to do."""
    return isinstance(error, DomainError)


def open_error_message(path: Path, error: Exception) -> str:
    if isinstance(error, DomainError):
        return str(error)
    return (
        f"无法打开数据库文件：{path}\n原因：{error}\n"
        "该文件可能已损坏或不是本程序的数据库；请从备份恢复（desktop-app 文件 → 从备份恢复）。"
    )


def with_context(args: argparse.Namespace, work) -> int:
    """The frame of every feature command: open the ``--db`` database (never creating it), return
    ``work(ctx)`` with a service context on it, close it. A missing or unreadable file, a
    ``DomainError`` and a file that cannot be written become a Chinese message and exit code 1."""
    path = db_path(args)
    if not path.exists():
        return fail(args, f"找不到数据库文件：{path}\n请检查 --db 给出的路径。")
    try:
        db = open_db(path, create=False)
    except Exception as error:  # noqa: BLE001 - any failure to open is reported in Chinese
        return fail(args, open_error_message(path, error))
    try:
        return work(service_context(db))
    except DomainError as error:
        return fail(args, str(error))
    except BrokenPipeError:
        raise  # the reader of our output stopped early: not a file problem (see bootstrap.main)
    except OSError as error:
        return fail(args, f"无法读写文件：{error.strerror or error}\n"
                           "该文件可能正被其他程序（PDF 阅读器、Excel）打开，请关闭后重试；或确认文件夹可写。")
    finally:
        db.close()


def output_path(args: argparse.Namespace, given: str | None = None) -> Path | None:
    """``--out`` (or ``given``) as an absolute path; None (after saying so) when its folder does
    not exist."""
    out = Path(given if given is not None else args.out).expanduser().absolute()
    if not out.parent.is_dir():
        fail(args, f"输出文件夹不存在：{out.parent}\n请先建立该文件夹，或换一个输出路径。")
        return None
    return out


def report_written(args: argparse.Namespace, out: Path, result, what: str, documents: int | None = None) -> int:
    """Tell what a print command wrote: ``what`` (e.g. 办理情况统计报告), how many ``documents``
    when a batch, its pages and fonts, and the font warning on stderr; one JSON object with ``--json``."""
    if wants_json(args):
        counts = {"pages": result.pages} if documents is None else {"pages": result.pages, "documents": documents}
        print_json({"ok": True, "out": str(out), **counts, "fonts": result.fonts, "warning": result.warning})
        return 0
    batch = "" if documents is None else f"{documents} 份，"
    print(f"已生成{what}：{out}（{batch}共 {result.pages} 页）")
    print(f"字体：{result.fonts}")
    if result.warning:
        print(f"注意：{result.warning}", file=sys.stderr)
    return 0


def fail(args: argparse.Namespace, message: str) -> int:
    print(message, file=sys.stderr)
    if wants_json(args):
        print_json({"ok": False, "error": message})
    return 1


def plain(value: Any) -> Any:
    """DTOs, enums, dates and paths as JSON-friendly values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def print_json(data: dict[str, Any]) -> None:
    # ASCII escapes: parseable whatever code page the Windows console or a pipe uses.
    print(json.dumps(data, ensure_ascii=True, indent=2))
