"""The command line without a window: the ``desktop-app`` parser (argparse in Chinese), the
subcommands' registration, and check, backup, demo data (application shell).

No Qt import on any path here, so these commands run on a server or in a packaging check without a
display. Errors go to stderr in Chinese; ``--json`` prints one parseable JSON object on stdout. Exit
codes: 0 success, 1 failure (damaged database, failed backup), 2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from desktop_app import APP_NAME, logs
from desktop_app.commands import (
    due_cmd,
    exchange_cmd,
    frame,
    package_cmd,
    print_cmd,
    proposals_cmd,
    rectification_cmd,
    restore_cmd,
    review_cmd,
    server_cmd,
    similar_cmd,
    stats_cmd,
)

MAX_DEMO_ITEMS = 100_000


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse passes prefix="" when it builds a subcommand's prog name.
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseRawDescriptionFormatter(ChineseHelpFormatter, argparse.RawDescriptionHelpFormatter):
    pass


class ChineseParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        # A command whose description holds examples keeps its line breaks, still in Chinese.
        if kwargs.get("formatter_class") is argparse.RawDescriptionHelpFormatter:
            kwargs["formatter_class"] = ChineseRawDescriptionFormatter
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "子命令"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message):
        for english, chinese in ARGPARSE_PHRASES:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数错误：{message}\n请用 {self.prog} --help 查看用法。\n")


# argparse's own error texts are English; the common ones, in Chinese.
ARGPARSE_PHRASES = (
    ("unrecognized arguments", "无法识别的参数"),
    ("the following arguments are required", "缺少必需的参数"),
    ("invalid choice", "无效的选项"),
    ("expected one argument", "需要一个值"),
    ("not allowed with argument", "不能与以下参数同时使用"),
    ("argument ", "参数 "),
)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(
        prog="desktop-app",
        description=f"{APP_NAME}：承办单位办理人大代表建议和政协提案的桌面程序。不带参数时打开主窗口。",
        epilog="数据保存在用户数据目录中；设置环境变量 DESKTOP_APP_HOME 可改用其他目录（便携使用、测试）。",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH", help="打开指定的数据库文件（不存在时新建）")
    where.add_argument("--demo", action="store_true", help="打开单独的演示数据库（首次使用时生成示例数据，不会碰真实数据）")
    parser.add_argument("--smoke-test", action="store_true", help="在后台构建并绘制一次主窗口，输出启动用时后退出（打包检查用）")
    parser.add_argument("--json", action="store_true", help="与 --smoke-test 或子命令一起使用：以 JSON 输出")

    subparsers = parser.add_subparsers(dest="command", parser_class=ChineseParser)
    add_subcommands(subparsers)
    subparsers.metavar = "{" + ",".join(subparsers.choices) + "}"  # every feature's commands, once registered
    return parser


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
        description="用 SQLite 在线备份接口备份数据库文件（程序运行时也可安全执行）。数据库服务器（--db postgresql://…）"
                    "用 PostgreSQL 的 pg_dump 备份为一个 .dump 文件（在 PATH 和 PostgreSQL 的标准安装文件夹中查找 pg_dump），"
                    "用 restore --from 该文件恢复；加 --as-sqlite 则把服务器上的全部数据另存为一个本地数据库文件（不需要 pg_dump）。",
    )
    backup.add_argument("--to", metavar="PATH", help="备份到指定文件（默认：该数据库的备份目录，按日期命名）")
    backup.add_argument("--as-sqlite", action="store_true",
                        help="数据库服务器：不用 pg_dump，把全部数据另存为一个本地数据库文件（核对过行数和校验和；"
                             "--to 的文件名以 .sqlite 或 .db 结尾时也是如此）")
    backup.set_defaults(run=run_backup)

    demo = subparsers.add_parser(
        "demo", parents=[_options("数据库文件（默认：用户数据目录中的 demo.sqlite，绝不是真实数据库）")], help="生成演示数据（可多达 100000 件，用于性能测试）",
        description="在数据库中生成逼真的演示数据：届次、单位、代表委员和建议提案。进度显示在标准错误输出。",
    )
    demo.add_argument("--items", metavar="N", type=_item_count, default=60, help="建议提案件数，1 至 100000（默认 60）")
    demo.set_defaults(run=run_demo)

    for feature in (restore_cmd, due_cmd, exchange_cmd, package_cmd, print_cmd, rectification_cmd, stats_cmd,
                    review_cmd, proposals_cmd, server_cmd, similar_cmd):
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


def run(args: argparse.Namespace) -> int:
    # Library warnings go to the log file, not between the Chinese messages on stderr.
    logs.setup_logging()
    return args.run(args)


# ---- commands ---------------------------------------------------------------------------------
def run_check(args: argparse.Namespace) -> int:
    path = frame.db_path(args)
    if not path.exists():
        return frame.fail(args, f"找不到数据库文件：{path}\n请检查路径是否正确。")
    try:
        db = frame.open_db(path, create=False)
    except Exception as error:  # noqa: BLE001 - any failure to open means "not ok", reported in Chinese
        return frame.fail(args, frame.open_error_message(path, error))
    try:
        report = frame.maintenance(db).check()
    except Exception as error:  # noqa: BLE001 - a damaged file may fail anywhere inside the check
        return frame.fail(args, f"检查数据库时出错：{path}\n{error}\n请从备份恢复（desktop-app 文件 → 从备份恢复）。")
    finally:
        db.close()
    data = frame.plain(report)
    ok = bool(report.ok)
    if frame.wants_json(args):
        frame.print_json({"ok": ok, "db": str(path), **data})
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


SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def run_backup(args: argparse.Namespace) -> int:
    path = frame.db_path(args)
    if not path.exists():
        return frame.fail(args, f"找不到数据库文件：{path}\n请检查路径是否正确。")
    try:
        db = frame.open_db(path, create=False)
    except Exception as error:  # noqa: BLE001
        return frame.fail(args, frame.open_error_message(path, error))
    target = Path(args.to).expanduser().absolute() if getattr(args, "to", None) else None
    maintenance = frame.maintenance(db)
    # A server's backup is a pg_dump file unless a SQLite copy is asked for (--as-sqlite, or --to a .sqlite file).
    as_sqlite = getattr(args, "as_sqlite", False) or (target is not None and target.suffix.lower() in SQLITE_SUFFIXES)
    with_dump = getattr(db, "is_server", False) and not as_sqlite
    if with_dump and (problem := maintenance.dump_tool_problem()):
        db.close()
        return frame.fail(args, f"无法备份服务器上的数据库：{problem}\n"
                                "也可加 --as-sqlite，把服务器上的全部数据另存为一个本地数据库文件（可用 restore 恢复到服务器）。")
    try:
        if with_dump:
            written = Path(maintenance.server_dump(to=target))
        else:
            written = Path(maintenance.backup_now(to=target, as_sqlite=as_sqlite))
    except Exception as error:  # noqa: BLE001 - disk full, folder not writable, ...
        # The app's own messages say what to do (a unit's account, pg_dump's report, a full disk).
        hint = "" if frame.is_domain_error(error) else "\n请检查目标文件夹是否存在、可写，磁盘空间是否足够。"
        return frame.fail(args, f"备份失败：{error}{hint}")
    finally:
        db.close()
    if frame.wants_json(args):
        frame.print_json({"ok": True, "db": str(path), "backup": str(written), "size": written.stat().st_size})
    else:
        print(f"已备份到：{written}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from desktop_app.services.demo import fill_demo

    path = frame.db_path(args, demo=True)
    try:
        db = frame.open_db(path, create=True)
    except Exception as error:  # noqa: BLE001
        return frame.fail(args, frame.open_error_message(path, error))

    progress = _Progress(args.items)
    try:
        fill_demo(frame.service_context(db), items=args.items, progress=progress)
    except KeyboardInterrupt:
        return frame.fail(args, "已中断，演示数据未全部生成。")
    except Exception as error:  # noqa: BLE001
        return frame.fail(args, f"生成演示数据失败：{error}")
    finally:
        progress.finish()
        db.close()
    if frame.wants_json(args):
        frame.print_json({"ok": True, "db": str(path), "items": args.items})
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


