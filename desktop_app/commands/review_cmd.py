"""``desktop-app review build|list|report``: the annual 回头看 without a window (application
shell; no Qt import on any path here)."""

from __future__ import annotations

import argparse

from desktop_app.commands import frame
from desktop_app.domain.errors import NotFoundError


def add_subcommands(subparsers, options) -> None:
    real = options("数据库文件（默认：用户数据目录中的 cases.sqlite）")
    group = subparsers.add_parser(
        "review", help="年度回头看：建立清单、列出进度、输出报告",
        description="年度回头看，例如：\n"
                    "  desktop-app review build 2024 --db cases.sqlite\n"
                    "  desktop-app review list 2024 --db cases.sqlite --pending\n"
                    "  desktop-app review report 2024 --out 回头看.pdf --db cases.sqlite\n"
                    "  desktop-app review recurring --out 年年提.xlsx --db cases.sqlite",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = group.add_subparsers(dest="action", metavar="{build,list,report,recurring}", required=True)
    build = actions.add_parser("build", parents=[real], help="为一个年度建立（或更新）回头看清单",
                               description="列入该年度答复为已经解决、正在解决、计划解决、留作参考的件，不满意件，"
                                           "以及该年度及以前尚未落实的承诺事项。已建立的则更新清单，已写的回头看不会丢失。")
    build.add_argument("year", metavar="YEAR", type=_year, help="年度，例如 2024")
    build.set_defaults(run=run_build)
    lst = actions.add_parser("list", parents=[real], help="列出回头看清单和进度",
                             description="列出每条：类别、届次、编号、标题、主办单位、回头看结果。")
    lst.add_argument("year", metavar="YEAR", type=_year, help="年度，例如 2024")
    lst.add_argument("--pending", action="store_true", help="只列尚未回头看的")
    lst.add_argument("--flagged", action="store_true", help="只列需告知代表的")
    lst.set_defaults(run=run_list)
    report = actions.add_parser("report", parents=[real], help="输出回头看报告（PDF 或 Excel）",
                                description="按类别和主办单位统计并列出清单；文件名以 .pdf 结尾输出 GB/T 9704 报告，以 .xlsx 结尾输出 Excel。")
    report.add_argument("year", metavar="YEAR", type=_year, help="年度，例如 2024")
    report.add_argument("--out", metavar="FILE.pdf|FILE.xlsx", required=True, help="要写入的文件")
    report.add_argument("--as-of", metavar="YYYY-MM-DD", type=frame.day, default=None, help="报告日期（默认：今天）")
    report.set_defaults(run=run_report)
    recurring = actions.add_parser(
        "recurring", parents=[real], help="年年提：跨年度反复提出的同一问题",
        description="把不同年度提出的同一问题（内容相似或已标为“同一问题”）归为一组，列出每件的办理结果和承诺，"
                    "按年度数排序。给出 --out 文件.xlsx 时写入 Excel（涉密件不列出），否则在屏幕上列出。")
    recurring.add_argument("--out", metavar="FILE.xlsx", default=None, help="要写入的 Excel 文件")
    recurring.set_defaults(run=run_recurring)


def add_print_forms(forms, real) -> None:
    """``print review YEAR [--as-of DATE] --out FILE.pdf``, added to the ``print`` group."""
    sub = forms.add_parser("review", parents=[real], help="回头看报告 PDF",
                           description="按 GB/T 9704 版式生成一个年度的回头看报告（同 review report … --out 文件.pdf）。")
    sub.add_argument("year", metavar="YEAR", type=_year, help="年度，例如 2024")
    sub.add_argument("--as-of", metavar="YYYY-MM-DD", type=frame.day, default=None, help="报告日期（默认：今天）")
    sub.add_argument("--out", metavar="FILE.pdf", required=True, help="要写入的 PDF 文件")
    sub.set_defaults(run=run_print_review, form="review")


def run_print_review(args: argparse.Namespace) -> int:
    out = frame.output_path(args)
    if out is None:
        return 1
    return _with_service(args, lambda service: frame.report_written(
        args, out, service.write_pdf(_campaign(args, service).id, out, args.as_of), "回头看报告"))


def run_recurring(args: argparse.Namespace) -> int:
    out = frame.output_path(args) if args.out else None
    if args.out and out is None:
        return 1
    if out is not None and out.suffix.lower() != ".xlsx":
        return frame.fail(args, f"不支持输出为“{out.name}”：文件名请以 .xlsx 结尾。")

    def work(ctx):
        from desktop_app.services.exporters import export_with_data, prepare

        if out is not None:
            groups, report = export_with_data(ctx, "recurring", out)
        else:
            report = prepare(ctx, "recurring")
            groups = sum(1 for g in report.groups if len(g.years) >= 2)
        listed = [g for g in report.groups if len(g.years) >= 2]
        if frame.wants_json(args):
            frame.print_json({"ok": True, "out": str(out) if out else None, "items": report.items,
                              "definition": report.definition, "groups": [
                                  {"years": list(g.years), "title": g.title, "items": [
                                      {**m.item.to_json(), "replied_on": m.replied_on.isoformat() if m.replied_on else None,
                                       "commitments": list(m.commitments), "linked": m.linked} for m in g.members]}
                                  for g in listed]})
            return 0
        if out is not None:
            print(f"已写入年年提（{groups} 组）：{out}")
            return 0
        print(f"年年提：{groups} 组（共比较 {report.items} 件）")
        for n, g in enumerate(listed, start=1):
            print(f"{n}. {g.title}（{len(g.years)} 个年度：{'、'.join(map(str, g.years))}）")
            for m in g.members:
                promised = f"；承诺：{'；'.join(m.commitments)}" if m.commitments else ""
                print(f"     {m.item.year} {m.item.session_name} 第{m.item.number}号 {m.item.title}｜"
                      f"{m.item.lead_units or '—'}｜{m.item.result_label}{promised}")
        return 0

    return frame.with_context(args, work)


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是年份，请写四位年份，例如 2024") from None


def _with_service(args, work):
    """``work(service)`` on the ``--db`` database, in the frame of every feature command."""
    from desktop_app.services.review import ReviewService

    return frame.with_context(args, lambda ctx: work(ReviewService(ctx)))


def _campaign(args, service):
    found = service.campaign_for_year(args.year)
    if found is None:
        raise NotFoundError(f"还没有 {args.year} 年的回头看。请先运行 desktop-app review build {args.year}。")
    return found


def run_build(args: argparse.Namespace) -> int:
    def work(service):
        existing = service.campaign_for_year(args.year)
        built = service.rebuild(existing.id) if existing else service.create_campaign(args.year)
        if frame.wants_json(args):
            frame.print_json({"ok": True, "campaign_id": built.campaign_id, "year": args.year, "added": built.added,
                             "removed": built.removed, "total": built.total})
        else:
            print(("已更新" if existing else "已建立") + f" {args.year} 年回头看：" + built.message())
        return 0

    return _with_service(args, work)


def run_list(args: argparse.Namespace) -> int:
    from desktop_app.domain.review import progress

    def work(service):
        campaign = _campaign(args, service)
        entries = service.entries(campaign.id)
        p = progress(entries)
        shown = [e for e in entries if not (args.pending and e.reviewed) and not (args.flagged and not e.tell_deputy)]
        if frame.wants_json(args):
            frame.print_json({"ok": True, "campaign": frame.plain(campaign), "progress": {
                "total": p.overall.total, "reviewed": p.overall.reviewed, "flagged": p.overall.flagged,
                "told": p.overall.told,
                "by_category": {c.value: {"label": c.label, "total": t.total, "reviewed": t.reviewed}
                                for c, t in p.by_category}},
                "entries": [{**frame.plain(e), "category_label": e.category.label, "reviewed": e.reviewed}
                            for e in shown]})
            return 0
        print(f"{campaign.title}：{p.label()}")
        for e in shown:
            result = e.outcome.label if e.reviewed else "未回头看"
            flag = "（需告知代表）" if e.waiting_to_tell else ""
            subject = f"（承诺：{e.subject}）" if e.subject else ""
            print(f"  [{e.category.label}] {e.session_name} {e.number} {e.title}{subject}｜{e.lead_units or '—'}｜{result}{flag}")
        return 0

    return _with_service(args, work)


def run_report(args: argparse.Namespace) -> int:
    out = frame.output_path(args)
    if out is None:
        return 1
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        return frame.fail(args, f"不支持输出为“{out.name}”：文件名请以 .pdf（打印报告）或 .xlsx（Excel）结尾。")

    def work(service):
        from desktop_app.services.exporters import export

        campaign = _campaign(args, service)
        if suffix == ".pdf":
            result = export(service.ctx, "review_report", out, campaign_id=campaign.id, as_of=args.as_of)
            text = f"已写入回头看报告（{result.pages} 页）：{out}"
            warning = result.warning
        else:
            export(service.ctx, "review", out, campaign_id=campaign.id, as_of=args.as_of)
            text, warning = f"已导出回头看 Excel：{out}", ""
        if frame.wants_json(args):
            frame.print_json({"ok": True, "out": str(out), "warning": warning})
        else:
            print(text)
            if warning:
                print(warning)
        return 0

    return _with_service(args, work)
