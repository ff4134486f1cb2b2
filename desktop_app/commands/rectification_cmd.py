"""``desktop-app rectification import|export|list`` and ``desktop-app print appendix``: the
审议意见整改清单 without a window (application shell; no Qt import on any path here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.commands import frame


def add_subcommands(subparsers, options) -> None:
    real = options("数据库文件（默认：用户数据目录中的 cases.sqlite）")
    group = subparsers.add_parser(
        "rectification", help="审议意见整改清单：导入、导出、列出",
        description="管理审议意见问题整改清单，例如：\n"
                    "  desktop-app rectification import 整改清单.xlsx --db cases.sqlite --title \"审议意见问题整改清单\"\n"
                    "  desktop-app rectification export 1 整改清单.xlsx --db cases.sqlite\n"
                    "  desktop-app rectification list --db cases.sqlite --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = group.add_subparsers(dest="action", metavar="{import,export,list}", required=True)
    imp = actions.add_parser("import", parents=[real], help="从 Excel 导入整改清单（新建一份清单）",
                             description="读取表头为 主要方面、重点问题、意见建议、整改措施、责任单位、整改期限 的工作表；"
                                         "合并的主要方面单元格按所在各行读取。")
    imp.add_argument("file", metavar="FILE", help="Excel 文件（.xlsx 或 .xls）")
    imp.add_argument("--title", metavar="TEXT", default="", help="清单标题（默认：表格上方的标题行）")
    imp.add_argument("--dry-run", action="store_true", help="只检查并列出将导入的内容，不写入数据库")
    imp.set_defaults(run=run_import)
    exp = actions.add_parser("export", parents=[real], help="把整改清单导出为 Excel",
                             description="按附件的列导出，主要方面合并单元格。")
    exp.add_argument("list", metavar="LIST", help="清单编号或完整标题（见 rectification list）")
    exp.add_argument("out", metavar="OUT.xlsx", help="要写入的 Excel 文件")
    exp.set_defaults(run=run_export)
    lst = actions.add_parser("list", parents=[real], help="列出所有整改清单",
                             description="列出整改清单：编号、标题、事项数、已超期事项数。")
    lst.set_defaults(run=run_list)


def add_print_forms(forms, real) -> None:
    """``print appendix LIST --out FILE.pdf [--report]``, added to the ``print`` group."""
    sub = forms.add_parser("appendix", parents=[real], help="审议意见问题整改清单（附件，A4 横向）PDF",
                           description="把整改清单按 GB/T 9704 排成横向 A4 附件；加 --report 则输出整份办理报告加附件。")
    sub.add_argument("list", metavar="LIST", help="清单编号或完整标题（见 rectification list）")
    sub.add_argument("--out", metavar="FILE.pdf", required=True, help="要写入的 PDF 文件")
    sub.add_argument("--report", action="store_true", help="输出整份报告（版头、文号、标题、主送、正文、署名日期、附件）")
    sub.add_argument("--letterhead", choices=("full", "blank", "none"), default=None,
                     help="整份报告的版头：full 打印红色发文机关标志和红色分隔线；blank 套打，用预印版头的纸，"
                          "该处留空只印文号；none 不要版头（默认：整改清单中保存的选择，未保存时为 full）")
    sub.add_argument("--mark", metavar="TEXT", default=None,
                     help="发文机关标志（默认：整改清单中保存的，未保存时为署名单位加“文件”，例如 上海市崇明区人民政府文件）")
    sub.add_argument("--cc", metavar="TEXT", default=None, help="整份报告版记的抄送机关（默认：保存的）")
    sub.add_argument("--printed-by", metavar="TEXT", default=None,
                     help="版记的印发机关，例如 上海市崇明区人民政府办公室（默认：保存的；都不填则不印版记）")
    sub.add_argument("--printed-on", metavar="YYYY-MM-DD", type=frame.day, default=None,
                     help="版记的印发日期（默认：保存的，未保存时为成文日期）")
    sub.set_defaults(run=run_print_appendix, form="appendix")


def _with_service(args, work):
    """``work(service)`` on the ``--db`` database, in the frame of every feature command."""
    from desktop_app.services.rectification import RectificationService

    return frame.with_context(args, lambda ctx: work(RectificationService(ctx)))


def run_import(args: argparse.Namespace) -> int:
    from desktop_app.exchange.rectification_sheet import read_entries

    source = Path(args.file).expanduser().absolute()

    def work(service):
        read = read_entries(source)
        title = args.title.strip() or read.title or "审议意见问题整改清单"
        aspects = len({e.aspect for e in read.entries})
        if args.dry_run:
            if frame.wants_json(args):
                frame.print_json({"ok": True, "dry_run": True, "title": title, "rows": len(read.entries),
                                  "aspects": aspects, "notes": list(read.notes)})
            else:
                print(f"预览（没有写入）：整改清单“{title}”，{len(read.entries)} 项，{aspects} 个主要方面")
                for e in read.entries:
                    print(f"  [{e.aspect}] {e.problem or e.suggestion or e.measures}｜{e.units_text}｜{e.deadline_text}")
                for note in read.notes:
                    print(f"注意：{note}", file=sys.stderr)
            return 0
        _changes, list_id = service.import_entries(title, list(read.entries), maintenance=frame.maintenance(service.ctx.db))
        if frame.wants_json(args):
            frame.print_json({"ok": True, "list_id": list_id, "title": title, "rows": len(read.entries),
                             "notes": list(read.notes)})
        else:
            print(f"已导入整改清单 {list_id}“{title}”：{len(read.entries)} 项，{aspects} 个主要方面")
            for note in read.notes:
                print(f"注意：{note}", file=sys.stderr)
        return 0

    return _with_service(args, work)


def run_export(args: argparse.Namespace) -> int:
    from desktop_app.services.exporters import export

    out = frame.output_path(args)
    if out is None:
        return 1

    def work(service):
        doc = service.document(service.find_list(args.list))
        count = export(service.ctx, "rectification", out, list_id=doc.info.id)
        if frame.wants_json(args):
            frame.print_json({"ok": True, "out": str(out), "rows": count})
        else:
            print(f"已导出“{doc.info.title}”{count} 项到：{out}")
        return 0

    return _with_service(args, work)


def run_list(args: argparse.Namespace) -> int:
    def work(service):
        lists = service.lists()
        if frame.wants_json(args):
            frame.print_json({"ok": True, "lists": [
                {"id": i.id, "title": i.title, "rows": i.row_count, "overdue": i.overdue_count,
                 "report_doc_number": i.report_doc_number,
                 "report_date": i.report_date.isoformat() if i.report_date else None} for i in lists]})
        elif not lists:
            print("还没有整改清单。可用 desktop-app rectification import 文件.xlsx 导入。")
        else:
            for i in lists:
                overdue = f"，超期 {i.overdue_count} 项" if i.overdue_count else ""
                print(f"{i.id}\t{i.title}\t{i.row_count} 项{overdue}")
        return 0

    return _with_service(args, work)


def run_print_appendix(args: argparse.Namespace) -> int:
    out = frame.output_path(args)
    if out is None:
        return 1

    def work(service):
        from desktop_app.documents.model import LETTERHEAD_PREPRINTED
        from desktop_app.services.exporters import export

        saved_letterhead, saved_mark = service.report_head()
        mark = saved_mark if args.mark is None else args.mark
        # The 版记 typed on the command line replaces the saved one.
        report_changes = {key: value for key, value in (("cc", args.cc), ("printed_by", args.printed_by),
                                                        ("printed_on", args.printed_on)) if value is not None}
        letterhead = {None: saved_letterhead, "blank": LETTERHEAD_PREPRINTED}.get(args.letterhead, args.letterhead)
        result = export(service.ctx, "rectification_report", out, list_id=service.find_list(args.list),
                        with_report=args.report, issuer_mark=mark, letterhead=letterhead,
                        report_changes=report_changes)
        return frame.report_written(args, out, result, f"{'办理报告及' if args.report else ''}整改清单附件")

    return _with_service(args, work)
