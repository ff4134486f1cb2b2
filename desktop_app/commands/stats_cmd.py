"""``desktop-app stats``: 办理情况统计 as of a date, printed or as JSON; and ``desktop-app print stats``:
the printed 办理情况统计报告 as a PDF (application shell; no Qt).

Each figure in the JSON carries the ids of its items, so a script can list them.
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.commands import frame


def add_subcommands(subparsers, options) -> None:
    stats = subparsers.add_parser(
        "stats", parents=[options("数据库文件（默认：用户数据目录中的 cases.sqlite）")],
        help="办理情况统计：办复率、按期办复率、见面率、满意率等",
        description="按截至日期统计办复率、按期办复率、见面率、满意率、办理结果分布、公开率、重新办理件数和承诺事项，"
                    "分总体、承办单位、届次、类别列出。",
    )
    stats.add_argument("--as-of", metavar="YYYY-MM-DD", type=frame.day, default=None, help="截至哪一天（默认：今天）")
    add_period_options(stats)
    stats.add_argument("--xlsx", metavar="FILE", default=None,
                       help="同时导出为 Excel 工作簿（与“办理统计”中的“导出 Excel”相同：总体和按单位、届次、类别各一张表）")
    stats.set_defaults(run=run_stats)


def add_period_options(parser) -> None:
    parser.add_argument("--from", dest="period_from", metavar="YYYY-MM-DD", type=frame.day, default=None,
                        help="只统计这一天及以后交办的件")
    parser.add_argument("--to", dest="period_to", metavar="YYYY-MM-DD", type=frame.day, default=None,
                        help="只统计这一天及以前交办的件")
    parser.add_argument("--session", metavar="届次", default=None, help="只统计这一届次的件，例如 区二届人大五次会议")


def period_of(args: argparse.Namespace):
    from desktop_app.domain.statistics import make_period

    return make_period(getattr(args, "period_from", None), getattr(args, "period_to", None),
                       getattr(args, "session", None))


def run_stats(args: argparse.Namespace) -> int:
    from desktop_app.services.exporters import export
    from desktop_app.services.statistics import StatisticsService

    out = None
    if args.xlsx:
        out = frame.output_path(args, args.xlsx)
        if out is None:
            return 1

    def work(ctx) -> int:
        if out is None:
            return _print_report(args, StatisticsService(ctx).report(args.as_of, period_of(args)))
        report = export(ctx, "statistics", out, as_of=args.as_of, period=period_of(args))
        if not frame.wants_json(args):
            print(f"已导出办理情况统计 Excel：{out}", file=sys.stderr)
        return _print_report(args, report, {"out": str(out)})

    return frame.with_context(args, work)


def _print_report(args: argparse.Namespace, report, extra: dict | None = None) -> int:
    from desktop_app.domain.statistics import DIMENSIONS, FIGURES
    from desktop_app.services.statistics import report_as_json

    if frame.wants_json(args):
        frame.print_json({"ok": True, "db": str(frame.db_path(args)), **(extra or {}), **report_as_json(report)})
        return 0
    from desktop_app.exchange.statistics_sheet import heading

    print(heading(report))
    marks = {}
    for key, label in FIGURES:
        marks[key] = len(marks) + 1
        print(f"  {label}：{report.overall[key].shown()}（注{marks[key]}）")
    headline = ("total", "replied", "on_time", "met", "satisfied", "dissatisfied", "public")
    for dim, dim_label in DIMENSIONS:
        print(f"按{dim_label}：")
        for name in report.group_names(dim):
            figures = report.groups[(dim, name)]
            print(f"  {name}：" + "；".join(f"{figures[k].label} {figures[k].shown()}" for k in headline))
    print("注：")
    for key, label in FIGURES:
        print(f"  {marks[key]}. {label}：{report.overall[key].definition}")
    if report.counting_note:
        print(f"  {len(marks) + 1}. 政协提案：{report.counting_note}")
    return 0


def add_print_forms(forms, real) -> None:
    """``print stats [--as-of DATE] [--title TEXT] --out FILE.pdf``, added to the ``print`` group."""
    sub = forms.add_parser("stats", parents=[real], help="办理情况统计报告 PDF（正文及按单位、届次、类别的附件）",
                           description="按 GB/T 9704 版式生成截至某日的建议提案办理情况统计报告：正文概述主要比率，"
                                       "附件按承办单位、届次、类别列出办复率、按期办复率、见面率、满意率、办理结果、"
                                       "公开率、重新办理和承诺事项。")
    sub.add_argument("--as-of", metavar="YYYY-MM-DD", type=frame.day, default=None, help="截至哪一天（默认：今天）")
    sub.add_argument("--title", metavar="TEXT", default="", help="报告标题（默认：关于YYYY年建议提案办理情况的统计报告）")
    sub.add_argument("--from", dest="period_from", metavar="YYYY-MM-DD", type=frame.day, default=None,
                     help="只统计这一天及以后交办的件")
    sub.add_argument("--until", dest="period_to", metavar="YYYY-MM-DD", type=frame.day, default=None,
                     help="只统计这一天及以前交办的件（--to 是主送机关）")
    sub.add_argument("--session", metavar="届次", default=None, help="只统计这一届次的件")
    sub.add_argument("--to", metavar="TEXT", default="",
                     help="主送机关（默认：区政府办公室；“我的单位”是区政府办公室时为区人民政府）")
    sub.add_argument("--out", metavar="FILE.pdf", required=True, help="要写入的 PDF 文件")
    sub.set_defaults(run=run_print_stats, form="stats")


def add_self_report_form(forms, real) -> None:
    """``print self-report --unit NAME --from DATE --to DATE [--text TEXT | --text-file FILE] --out FILE.pdf``."""
    sub = forms.add_parser("self-report", parents=[real], help="承办单位的自查报告 PDF（主送区政府办公室）",
                           description="按 GB/T 9704 生成承办单位的半年或年度自查报告：该单位在这一期间交办的件的办理数据"
                                       "（口径同 stats）、各件的办理结果、承诺事项落实情况，以及自己撰写的一节文字。")
    sub.add_argument("--unit", metavar="单位全称", required=True, help="写报告的承办单位，例如 区交通委")
    sub.add_argument("--from", dest="period_from", metavar="YYYY-MM-DD", type=frame.day, required=True,
                     help="期间起始日（按交办日期）")
    sub.add_argument("--to", dest="period_to", metavar="YYYY-MM-DD", type=frame.day, required=True,
                     help="期间截止日（数据截至这一天；尚未到这一天时截至今天）")
    sub.add_argument("--text", metavar="TEXT", default="", help="“自查发现的问题和下一步工作”一节的文字（每行一段）")
    sub.add_argument("--text-file", metavar="FILE", default=None, help="从 UTF-8 文本文件读入这一节的文字")
    sub.add_argument("--out", metavar="FILE.pdf", required=True, help="要写入的 PDF 文件")
    sub.set_defaults(run=run_print_self_report, form="self-report")


def run_print_self_report(args: argparse.Namespace) -> int:
    from desktop_app.services.exporters import export

    out = frame.output_path(args)
    if out is None:
        return 1
    text = args.text
    if args.text_file:
        try:
            with open(args.text_file, encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            print(f"无法读取文字文件 {args.text_file}：{error}。请确认文件存在且为 UTF-8 编码。", file=sys.stderr)
            return 1
    return frame.with_context(args, lambda ctx: frame.report_written(
        args, out, export(ctx, "self_report", out, unit=args.unit, start=args.period_from, end=args.period_to,
                          text=text), "自查报告"))


def run_print_stats(args: argparse.Namespace) -> int:
    from desktop_app.services.exporters import export

    out = frame.output_path(args)
    if out is None:
        return 1
    return frame.with_context(args, lambda ctx: frame.report_written(
        args, out, export(ctx, "statistics_report", out, as_of=args.as_of, title=args.title, recipient=args.to,
               period=period_of(args)),
        "办理情况统计报告"))
