"""``desktop-app proposals``: 政协提案统计 as of a date — 立案 / 不立案, 并案, by 界别 and proposer type,
重点提案督办 — printed with each figure's definition, or as JSON (application shell; no Qt)."""

from __future__ import annotations

import argparse

from desktop_app.commands import frame
from desktop_app.domain.calendar import format_day
from desktop_app.domain.enums import MergedCount


def add_subcommands(subparsers, options) -> None:
    sub = subparsers.add_parser(
        "proposals", parents=[options("数据库文件（默认：用户数据目录中的 cases.sqlite）")],
        help="政协提案统计：立案、不立案、并案、按界别和提案人类型、重点提案督办",
        description="按截至日期统计政协提案：立案与不立案（另行统计）、并案、按第一提案人的界别和类型分组、"
                    "重点提案及其督办领导。每项统计注明口径，包括并案按提案件数还是按办理件数计。",
    )
    sub.add_argument("--as-of", metavar="YYYY-MM-DD", type=frame.day, default=None, help="截至哪一天（默认：今天）")
    sub.add_argument("--merged", choices=[m.value for m in MergedCount], default=None,
                     help="并案的计数口径：per_proposal 按提案件数，per_handling 按办理件数（默认：数据库中的设置）")
    sub.set_defaults(run=run_proposals)


def run_proposals(args: argparse.Namespace) -> int:
    from desktop_app.services.proposals import ProposalService, report_as_json

    def work(ctx) -> int:
        mode = MergedCount(args.merged) if args.merged else None
        report = ProposalService(ctx).report(args.as_of, mode)
        if frame.wants_json(args):
            frame.print_json({"ok": True, "db": str(frame.db_path(args)), **report_as_json(report)})
            return 0
        print(f"政协提案统计（截至 {format_day(report.as_of)}）：{report.merge_note}")
        for count in report.overall.values():
            print(f"  {count.label}：{count.shown()}　（{count.definition}）")
        for title, groups in (("按界别", report.by_sector), ("按提案人类型", report.by_type)):
            print(f"{title}（按第一提案人）：")
            for name, figures in groups.items():
                print(f"  {name}：" + "；".join(f"{c.label} {c.count}" for c in figures.values()))
        print("重点提案督办：")
        for key in report.key_proposals:
            replied = f"已于{format_day(key.replied_on)}答复" if key.replied_on else "未答复"
            print(f"  {key.session_name}第{key.number}号《{key.title}》 督办领导：{key.supervisor or '未填'}，{replied}")
        return 0

    return frame.with_context(args, work)
