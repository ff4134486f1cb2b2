"""``desktop-app print FORM ITEM --out FILE.pdf``: printed documents without a window
(application shell; no Qt import on any path here).

FORM is reply (答复函), co_opinion (会办意见函), feedback (征询意见表), reminder (催办通知),
extension (延期报告) or return (退回申请); ITEM is "会次 编号" or the item id. Besides:
commitment_notice (承诺事项落实告知函), the office's supervision (督办通知) and assignment (交办通知)
to a unit, appendix (整改清单 and its report), stats (统计报告), self-report (a unit's 自查报告) and
review (回头看报告). The PDF is written to
a temporary name and renamed, so an interrupted run never leaves half a file under OUT.
"""

from __future__ import annotations

import argparse

from desktop_app.commands import frame, review_cmd, stats_cmd
from desktop_app.commands.rectification_cmd import add_print_forms

FORMS_OF_OFFICE = {"supervision": "督办通知", "assignment": "交办通知"}
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
    notice = forms.add_parser("commitment_notice", parents=[real], help="承诺事项落实告知函 PDF",
                              description="生成一件建议提案已落实承诺事项的告知函（每项一份，写入同一个 PDF）。")
    notice.add_argument("item", metavar="ITEM", help="“会次 编号”或建议提案 id")
    notice.add_argument("--commitment", metavar="ID", type=int, default=None,
                        help="只打印这一项承诺事项（默认：该件所有已落实的承诺事项）")
    notice.add_argument("--out", metavar="FILE.pdf", required=True, help="要写入的 PDF 文件")
    notice.set_defaults(run=run_commitment_notice, form="commitment_notice")
    for form, what, when, when_help in (
        ("supervision", "督办通知：该单位已超期和 7 天内到期的办理事项", "--as-of", "截至哪一天（默认：今天）"),
        ("assignment", "交办通知：交给该单位的建议提案及其办理期限", "--since",
         "交办日期从哪一天起（默认：该单位最近一次交办的日期）"),
    ):
        sub = forms.add_parser(form, parents=[real], help=f"{FORMS_OF_OFFICE[form]} PDF（区政府办公室发给承办单位）",
                               description=f"区政府办公室的{what}，按信函格式生成 PDF。“我的单位”须是区政府办公室。")
        sub.add_argument("unit", metavar="UNIT", help="承办单位名称（单位名录中的全称）或编号")
        sub.add_argument(when, metavar="YYYY-MM-DD", type=frame.day, default=None, help=when_help)
        sub.add_argument("--out", metavar="FILE.pdf", required=True, help="要写入的 PDF 文件")
        sub.set_defaults(run=run_office_letter, form=form)

    add_print_forms(forms, real)

    stats_cmd.add_print_forms(forms, real)
    stats_cmd.add_self_report_form(forms, real)
    review_cmd.add_print_forms(forms, real)
    # The unit's 自查报告 (mid-year and year-end) comes with issue 16; it will be added here.
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


def run_commitment_notice(args: argparse.Namespace) -> int:
    from desktop_app.documents.builder import write_document
    from desktop_app.services.followup_letters import FollowupLetterService

    out = frame.output_path(args)
    if out is None:
        return 1

    def work(ctx):
        service = FollowupLetterService(ctx)
        item_id = service.letters.find_item(args.item)
        ids = [args.commitment] if args.commitment is not None else service.done_commitments(item_id)
        letters = [service.commitment_notice(commitment_id) for commitment_id in ids]
        result = write_document(out, "commitment_notice", letters, service.settings())
        return frame.report_written(args, out, result, "承诺事项落实告知函", documents=len(result.page_counts))

    return frame.with_context(args, work)


def run_office_letter(args: argparse.Namespace) -> int:
    from desktop_app.documents.builder import write_document
    from desktop_app.services.office_letters import OfficeLetterService

    out = frame.output_path(args)
    if out is None:
        return 1

    def work(ctx):
        service = OfficeLetterService(ctx)
        if args.form == "supervision":
            letter = service.supervision_notice(args.unit, args.as_of)
        else:
            letter = service.assignment_notice(args.unit, args.since)
        result = write_document(out, args.form, [letter], service.letters.settings())
        return frame.report_written(args, out, result, FORMS_OF_OFFICE[args.form])

    return frame.with_context(args, work)
