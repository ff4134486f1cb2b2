"""``desktop-app import`` and ``desktop-app export ledger``: the Excel exchange without a window
(application shell; no Qt import on any path here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.commands import frame
from desktop_app.domain.errors import DomainError


def add_subcommands(subparsers, options) -> None:
    real = options("数据库文件（默认：用户数据目录中的 cases.sqlite）")
    imp = subparsers.add_parser(
        "import", parents=[real], help="导入交办清单（Excel）",
        description="导入交办清单 .xlsx/.xls：自动找到表头、按列名对应字段、清理数据，先预览，再在一个事务中写入（写入前自动备份）。"
                    "按 届次 + 编号 对应已有的建议提案：已有的更新，没有的新建。有错误的行时不导入任何数据（除非 --skip-errors）。",
    )
    imp.add_argument("file", metavar="FILE", help="交办清单文件（.xlsx 或 .xls）")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不写入数据库")
    imp.add_argument("--session", metavar="NAME", default="", help="表中没有“届次”列时使用的届次，例如 区二届人大五次会议")
    imp.add_argument("--skip-errors", action="store_true", help="跳过有错误的行，导入其余的行")
    imp.add_argument("--map", metavar="旧名=已有名", action="append", default=[],
                     help="把表中的单位或代表名称对应到已有的名称，可重复，例如 --map 交通委=区交通委（其余新名称会新建）")
    imp.set_defaults(run=run_import)

    export = subparsers.add_parser("export", help="导出 Excel（台账）", description="导出 Excel 文件。")
    what = export.add_subparsers(dest="what", metavar="{ledger}", required=True)
    ledger = what.add_parser(
        "ledger", parents=[real], help="导出办理台账",
        description="导出办理台账 .xlsx：标题行（单位、截至日期）、加粗冻结的表头、筛选、A4 横向打印。涉密件不导出。",
    )
    ledger.add_argument("out", metavar="OUT.xlsx", help="要写入的文件")
    ledger.add_argument("--session", metavar="NAME", default=None, help="只导出该届次（届次全称）")
    ledger.add_argument("--unit", metavar="NAME", default=None, help="只导出该单位办理的（单位全称）")
    ledger.add_argument("--per", choices=("item", "assignment"), default="item",
                        help="每件一行（item，默认）或每个办理单位一行（assignment）")
    ledger.set_defaults(run=run_export_ledger)


def run_import(args: argparse.Namespace) -> int:
    from desktop_app.exchange.report import NameDecision, RowStatus
    from desktop_app.services.import_cases import ImportService

    path = frame.db_path(args)
    decisions = []
    for pair in args.map:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            return frame.fail(args, f"--map “{pair}”写法不对，请写成 旧名=已有名，例如 --map 交通委=区交通委")
        decisions += [NameDecision(kind, old.strip(), new.strip()) for kind in ("unit", "proposer")]
    try:
        db = frame.open_db(path, create=False) if path.exists() else None
    except Exception as error:  # noqa: BLE001 - any failure to open is reported in Chinese
        return frame.fail(args, frame.open_error_message(path, error))
    if db is None:
        return frame.fail(args, f"找不到数据库文件：{path}\n请检查路径是否正确。")
    try:
        ctx = frame.service_context(db)
        service = ImportService(ctx, frame.maintenance(db))
        preview = service.read_file(args.file, default_session=args.session)
        result = None
        errors = preview.count(RowStatus.ERROR)
        if not args.dry_run and not (errors and not args.skip_errors):
            _changes, result = service.apply(preview, decisions, skip_errors=args.skip_errors)
    except DomainError as error:
        return frame.fail(args, str(error))
    finally:
        db.close()
    refused = not args.dry_run and result is None
    if frame.wants_json(args):
        frame.print_json({"ok": not refused, "dry_run": args.dry_run, "preview": frame.plain(_plain_preview(preview)),
                         "result": frame.plain(result)})
    else:
        _print_preview(preview)
        if result is not None:
            print(f"已导入：新增 {result.created} 件，更新 {result.updated} 件，无变化 {result.unchanged} 件"
                  + (f"，跳过有错误的 {result.skipped_errors} 行" if result.skipped_errors else "")
                  + (f"。导入前的备份：{result.backup_path}" if result.backup_path else "。"))
        elif args.dry_run:
            print("（预览，未写入数据库）")
    if refused:
        print(f"有 {errors} 行有错误，没有导入任何数据。请改正后重新导入，或加 --skip-errors 跳过这些行。", file=sys.stderr)
        return 1
    return 0


def _plain_preview(preview) -> dict:
    return {
        "file": preview.file_name, "sheet": preview.sheet_name, "header_rows": preview.header_rows,
        "columns": [{"header": c.header, "field": c.field} for c in preview.columns],
        "counts": {s.value: preview.count(s) for s in type(preview.rows[0].status)} if preview.rows else {},
        "rows": [{"row": r.row, "status": r.status, "session": r.case.session if r.case else "",
                  "number": r.case.number if r.case else "",
                  "diffs": [{"field": d.field, "old": d.old, "new": d.new} for d in r.diffs],
                  "problems": [{"row": p.row, "column": p.column, "reason": p.reason} for p in r.problems]}
                 for r in preview.rows],
        "unknown_units": [{"name": u.name, "similar": u.similar} for u in preview.unknown_units],
        "unknown_proposers": [{"name": u.name, "similar": u.similar} for u in preview.unknown_proposers],
        "new_sessions": preview.new_sessions,
    }


def _print_preview(preview) -> None:
    from desktop_app.exchange.columns import LABEL_OF

    print(f"文件：{preview.file_name}（工作表“{preview.sheet_name}”，表头在第 {'、'.join(map(str, preview.header_rows))} 行）")
    print("列对应：" + "，".join(f"{c.header or '（空）'}→{LABEL_OF.get(c.field, '不导入')}" for c in preview.columns))
    print(f"预览：{preview.summary}")
    for r in preview.rows:
        for p in r.problems:
            print(f"  错误 {p}")
        for d in r.diffs:
            print(f"  更新 第 {r.row} 行 {r.case.session} 第{r.case.number}号 {d.field}：{d.old or '（空）'} → {d.new or '（空）'}")
    for label, names in (("新单位", preview.unknown_units), ("新代表/委员", preview.unknown_proposers)):
        for u in names:
            like = f"（相近的已有名称：{'、'.join(u.similar)}）" if u.similar else ""
            print(f"  {label}：{u.name}{like}")
    for name in preview.new_sessions:
        print(f"  新届次：{name}")


def run_export_ledger(args: argparse.Namespace) -> int:
    from desktop_app.services.exporters import export_with_data

    path = frame.db_path(args)
    if not path.exists():
        return frame.fail(args, f"找不到数据库文件：{path}\n请检查路径是否正确。")
    try:
        db = frame.open_db(path, create=False)
    except Exception as error:  # noqa: BLE001
        return frame.fail(args, frame.open_error_message(path, error))
    out = Path(args.out).expanduser().absolute()
    try:
        ctx = frame.service_context(db)
        _path, table = export_with_data(ctx, "ledger", out, session_name=args.session, unit_name=args.unit,
                                        per=args.per)
    except DomainError as error:
        return frame.fail(args, str(error))
    finally:
        db.close()
    if frame.wants_json(args):
        frame.print_json({"ok": True, "out": str(out), "rows": len(table.rows)})
    else:
        print(f"已导出台账（{len(table.rows)} 行）：{out}")
    return 0
