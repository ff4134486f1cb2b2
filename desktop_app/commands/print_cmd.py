"""``desktop-app print FORM ITEM --out FILE.pdf``: printed documents without a window
(application shell; no Qt import on any path here).

FORM is reply (答复函), co_opinion (会办意见函), feedback (征询意见表), reminder (催办通知),
extension (延期报告) or return (退回申请); ITEM is "会次 编号" or the item id. The PDF is written to
a temporary name and renamed, so an interrupted run never leaves half a file under OUT.
"""

from __future__ import annotations

import argparse

from desktop_app.commands import frame

FORMS = {
    "reply": "答复函",
    "co_opinion": "会办意见函",
    "feedback": "征询意见表",
    "reminder": "催办通知",
    "extension": "延期报告",
    "return": "退回申请",
}


def add_subcommands(subparsers, options) -> None:
    real = options("数据库文件（默认：用户数据目录中的 cases.sqlite）")
    printer = subparsers.add_parser(
        "print", help="生成公文 PDF（答复函、会办意见函、征询意见表等）",
        description="按 GB/T 9704 版式把一件建议提案的公文写成 PDF，例如：\n"
                    "  desktop-app print reply \"区二届人大五次会议 0035\" --db cases.sqlite --out 答复函.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    forms = printer.add_subparsers(dest="form", required=True)
    for form, label in FORMS.items():
        sub = forms.add_parser(form, parents=[real], help=f"{label} PDF",
                               description=f"生成{label} PDF。")
        sub.add_argument("items", metavar="ITEM", nargs="+",
                         help="“会次 编号”（例如 \"区二届人大五次会议 0035\"）或建议提案 id；可给多件，写入同一个 PDF")
        sub.add_argument("--out", metavar="FILE.pdf", required=True, help="要写入的 PDF 文件")
        sub.set_defaults(run=run_print, form=form)
    from desktop_app.commands.rectification_cmd import add_print_forms

    add_print_forms(forms, real)
    from desktop_app.commands import stats_cmd

    stats_cmd.add_print_forms(forms, real)
    forms.metavar = "{" + ",".join(forms.choices) + "}"  # named in usage and errors, with the forms added above


def run_print(args: argparse.Namespace) -> int:
    from desktop_app.documents.builder import write_document
    from desktop_app.services.letters import LetterService

    out = frame.output_path(args)
    if out is None:
        return 1

    def work(ctx):
        service = LetterService(ctx)
        item_ids = [service.find_item(text) for text in args.items]
        result = write_document(out, args.form, service.documents(args.form, item_ids), service.settings())
        return frame.report_written(args, out, result, FORMS[args.form], documents=len(result.page_counts))

    return frame.with_context(args, work)
