"""``desktop-app similar TEXT``: the items most like a text, with what became of them (application
shell; no Qt import on any path here). ``review recurring`` (the 年年提 report) is in review_cmd."""

from __future__ import annotations

import argparse

from desktop_app.commands import frame


def add_subcommands(subparsers, options) -> None:
    real = options("数据库文件（默认：用户数据目录中的 cases.sqlite）")
    similar = subparsers.add_parser(
        "similar", parents=[real], help="查找与一段文字相似的往年建议提案（年年提）",
        description="按标题和内容的二字词相似度列出最相似的件，附届次、主办单位、办理结果、未落实的承诺和回头看结论，例如：\n"
                    "  desktop-app similar \"关于解决医院停车难的建议\" --db cases.sqlite --limit 5",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    similar.add_argument("text", metavar="TEXT", help="标题，或标题加内容")
    similar.add_argument("--limit", metavar="N", type=_limit, default=10, help="最多列出几件（默认 10）")
    similar.set_defaults(run=run_similar)


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 100:
        raise argparse.ArgumentTypeError(f"“{text}”不是 1 至 100 的整数")
    return value


def run_similar(args: argparse.Namespace) -> int:
    from desktop_app.services.similarity import SimilarityService

    text = (args.text or "").strip()
    if not text:
        return frame.fail(args, "请给出要查找的文字，例如 desktop-app similar \"关于解决医院停车难的建议\"。")
    title, _sep, content = text.partition("\n")

    def work(ctx):
        found = SimilarityService(ctx).similar_to_text(title, content, limit=args.limit)
        if frame.wants_json(args):
            frame.print_json({"ok": True, "query": text, "items": [f.to_json() for f in found]})
            return 0
        if not found:
            print("没有找到相似的件。")
            return 0
        for n, f in enumerate(found, start=1):
            promised = f"；未落实承诺：{'；'.join(f.open_commitments)}" if f.open_commitments else ""
            print(f"{n:>2}. [{f.score:.2f}] {f.session_name} 第{f.number}号 {f.title}")
            print(f"      主办：{f.lead_units or '—'}｜{f.result_label}｜回头看：{f.review_label}{promised}")
        return 0

    return frame.with_context(args, work)
