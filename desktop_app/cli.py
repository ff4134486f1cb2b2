"""The command line without a window: check, backup, demo data, due dates (application shell).

No Qt import on any path here, so these commands run on a server or in a packaging check without a
display. Errors go to stderr in Chinese; ``--json`` prints one parseable JSON object on stdout. Exit
codes: 0 success, 1 failure (damaged database, failed backup), 2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

MAX_DEMO_ITEMS = 100_000


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``check``, ``backup`` and ``demo`` on the main parser's subparsers, then each
    feature's own commands (``desktop_app/commands/``: due, import/export, print, rectification,
    stats).

    Options default to ``SUPPRESS`` so that ``desktop-app --db X check`` keeps the ``--db`` given
    before the subcommand."""
    real = _options("数据库文件（默认：用户数据目录中的 cases.sqlite）")
    check = subparsers.add_parser(
        "check", parents=[real], help="检查数据库：完整性、结构版本、数据条数",
        description="检查数据库文件的完整性、结构版本和各类数据条数。完好时退出码 0，有问题时 1。",
    )
    check.set_defaults(run=run_check)

    backup = subparsers.add_parser(
        "backup", parents=[real], help="立即备份数据库",
        description="用 SQLite 在线备份接口备份数据库（程序运行时也可安全执行）。",
    )
    backup.add_argument("--to", metavar="PATH", help="备份到指定文件（默认：该数据库的备份目录，按日期命名）")
    backup.set_defaults(run=run_backup)

    demo = subparsers.add_parser(
        "demo", parents=[_options("数据库文件（默认：用户数据目录中的 demo.sqlite，绝不是真实数据库）")], help="生成演示数据（可多达 100000 件，用于性能测试）",
        description="在数据库中生成逼真的演示数据：届次、单位、代表委员和建议提案。进度显示在标准错误输出。",
    )
    demo.add_argument("--items", metavar="N", type=_item_count, default=60, help="建议提案件数，1 至 100000（默认 60）")
    demo.set_defaults(run=run_demo)

    from desktop_app.commands import due_cmd, exchange_cmd, print_cmd, rectification_cmd, review_cmd, stats_cmd

    for feature in (due_cmd, exchange_cmd, print_cmd, rectification_cmd, stats_cmd, review_cmd):
        feature.add_subcommands(subparsers, _options)


def _options(db_help: str) -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    options.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="以 JSON 输出结果，便于脚本读取")
    return options


def _item_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数，请给出 1 至 {MAX_DEMO_ITEMS} 之间的件数") from None
    if not 1 <= value <= MAX_DEMO_ITEMS:
        raise argparse.ArgumentTypeError(f"件数须在 1 至 {MAX_DEMO_ITEMS} 之间，而不是 {value}")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 YYYY-MM-DD，例如 2024-06-03") from None


def run(args: argparse.Namespace) -> int:
    # Library warnings go to the log file, not between the Chinese messages on stderr.
    from desktop_app.bootstrap import setup_logging

    setup_logging()
    return args.run(args)


# ---- commands ---------------------------------------------------------------------------------
def run_check(args: argparse.Namespace) -> int:
    path = _db_path(args)
    if not path.exists():
        return _fail(args, f"找不到数据库文件：{path}\n请检查路径是否正确。")
    try:
        db = _open(path, create=False)
    except Exception as error:  # noqa: BLE001 - any failure to open means "not ok", reported in Chinese
        return _fail(args, _open_error_message(path, error))
    try:
        report = _maintenance(db).check()
    except Exception as error:  # noqa: BLE001 - a damaged file may fail anywhere inside the check
        return _fail(args, f"检查数据库时出错：{path}\n{error}\n请从备份恢复（desktop-app 文件 → 从备份恢复）。")
    finally:
        db.close()
    data = _plain(report)
    ok = bool(report.ok)
    if _json(args):
        _print_json({"ok": ok, "db": str(path), **data})
    else:
        _print_check(path, report)
    if not ok:
        print(
            f"数据库检查未通过：{path}。请在程序中用 文件 → 从备份恢复，或用 desktop-app backup 先另存一份再联系技术支持。",
            file=sys.stderr,
        )
    return 0 if ok else 1


def _print_check(path: Path, report) -> None:
    from desktop_app.services.maintenance import COUNTED_TABLES

    print(f"数据库：{path}")
    print(f"完整性：{'正常' if report.integrity_ok else '有问题（' + report.integrity_message + '）'}")
    newer = "" if report.schema_version == report.app_schema_version else "，与本程序不一致"
    print(f"结构版本：{report.schema_version or '无'}（本程序：{report.app_schema_version}{newer}）")
    counts = "，".join(f"{COUNTED_TABLES.get(name, (name,))[0]} {count}" for name, count in report.counts.items())
    print(f"数据条数：{counts}")
    print("结论：完好" if report.ok else "结论：有问题")


def run_backup(args: argparse.Namespace) -> int:
    path = _db_path(args)
    if not path.exists():
        return _fail(args, f"找不到数据库文件：{path}\n请检查路径是否正确。")
    try:
        db = _open(path, create=False)
    except Exception as error:  # noqa: BLE001
        return _fail(args, _open_error_message(path, error))
    target = Path(args.to).expanduser().absolute() if getattr(args, "to", None) else None
    try:
        written = Path(_maintenance(db).backup_now(to=target))
    except Exception as error:  # noqa: BLE001 - disk full, folder not writable, ...
        return _fail(args, f"备份失败：{error}\n请检查目标文件夹是否存在、可写，磁盘空间是否足够。")
    finally:
        db.close()
    if _json(args):
        _print_json({"ok": True, "db": str(path), "backup": str(written), "size": written.stat().st_size})
    else:
        print(f"已备份到：{written}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from desktop_app.services.demo import fill_demo

    path = _db_path(args, demo=True)
    try:
        db = _open(path, create=True)
    except Exception as error:  # noqa: BLE001
        return _fail(args, _open_error_message(path, error))

    progress = _Progress(args.items)
    try:
        fill_demo(_context(db), items=args.items, progress=progress)
    except KeyboardInterrupt:
        return _fail(args, "已中断，演示数据未全部生成。")
    except Exception as error:  # noqa: BLE001
        return _fail(args, f"生成演示数据失败：{error}")
    finally:
        progress.finish()
        db.close()
    if _json(args):
        _print_json({"ok": True, "db": str(path), "items": args.items})
    else:
        print(f"已在 {path} 中生成 {args.items} 件演示数据")
    return 0


# ---- helpers ----------------------------------------------------------------------------------
class _Progress:
    """``progress(done, total)`` of the demo generator, on stderr, at most five updates a second."""

    def __init__(self, total: int):
        self.total = total
        self._last = float("-inf")
        self._shown = False

    def __call__(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        if now - self._last < 0.2 and done < (total or self.total):
            return
        self._last = now
        sys.stderr.write(f"\r生成演示数据：{done}/{total or self.total}")
        sys.stderr.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _db_path(args: argparse.Namespace, *, demo: bool = False) -> Path:
    given = getattr(args, "db", None)
    if given:
        return Path(given).expanduser().absolute()
    from desktop_app import paths

    # Sample data never goes into the real database by default.
    return paths.demo_db_path() if demo else paths.default_db_path()


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _open(path: Path, create: bool):
    from desktop_app import paths
    from desktop_app.settings import os_user_name
    from desktop_app.storage.database import open_database

    return open_database(path, create=create, backup_dir=paths.backup_dir(path), user_name=os_user_name() or None)


def _context(db):
    from desktop_app.services.context import ServiceContext
    from desktop_app.settings import os_user_name

    user = os_user_name() or "命令行"
    return ServiceContext(db=db, user_name=lambda: user)


def _maintenance(db):
    from desktop_app import paths
    from desktop_app.services.maintenance import MaintenanceService

    return MaintenanceService(_context(db), paths.backup_dir(db.path))


def _open_error_message(path: Path, error: Exception) -> str:
    from desktop_app.domain.errors import DomainError

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
    from desktop_app.domain.errors import DomainError

    path = _db_path(args)
    if not path.exists():
        return _fail(args, f"找不到数据库文件：{path}\n请检查 --db 给出的路径。")
    try:
        db = _open(path, create=False)
    except Exception as error:  # noqa: BLE001 - any failure to open is reported in Chinese
        return _fail(args, _open_error_message(path, error))
    try:
        return work(_context(db))
    except DomainError as error:
        return _fail(args, str(error))
    except BrokenPipeError:
        raise  # the reader of our output stopped early: not a file problem (see bootstrap.main)
    except OSError as error:
        return _fail(args, f"无法读写文件：{error.strerror or error}\n"
                           "该文件可能正被其他程序（PDF 阅读器、Excel）打开，请关闭后重试；或确认文件夹可写。")
    finally:
        db.close()


def output_path(args: argparse.Namespace) -> Path | None:
    """``--out`` as an absolute path; None (after saying so) when its folder does not exist."""
    out = Path(args.out).expanduser().absolute()
    if not out.parent.is_dir():
        _fail(args, f"输出文件夹不存在：{out.parent}\n请先建立该文件夹，或换一个输出路径。")
        return None
    return out


def report_written(args: argparse.Namespace, out: Path, result, what: str, documents: int | None = None) -> int:
    """Tell what a print command wrote: ``what`` (e.g. 办理情况统计报告), how many ``documents``
    when a batch, its pages and fonts, and the font warning on stderr; one JSON object with ``--json``."""
    if _json(args):
        counts = {"pages": result.pages} if documents is None else {"pages": result.pages, "documents": documents}
        _print_json({"ok": True, "out": str(out), **counts, "fonts": result.fonts, "warning": result.warning})
        return 0
    batch = "" if documents is None else f"{documents} 份，"
    print(f"已生成{what}：{out}（{batch}共 {result.pages} 页）")
    print(f"字体：{result.fonts}")
    if result.warning:
        print(f"注意：{result.warning}", file=sys.stderr)
    return 0


def _fail(args: argparse.Namespace, message: str) -> int:
    print(message, file=sys.stderr)
    if _json(args):
        _print_json({"ok": False, "error": message})
    return 1


def _plain(value: Any) -> Any:
    """DTOs, enums, dates and paths as JSON-friendly values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def _print_json(data: dict[str, Any]) -> None:
    # ASCII escapes: parseable whatever code page the Windows console or a pipe uses.
    print(json.dumps(data, ensure_ascii=True, indent=2))
