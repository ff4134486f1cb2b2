"""``desktop-app package key|trust|export|import``: signed exchange packages between the office's
copy and the units' copies, without a window (application shell; no Qt import on any path here).

Exit codes: 0 done (or nothing to do: a package imported before), 1 refused or failed (the reason in
Chinese on stderr), 2 bad usage, 3 not applied because the user must decide (a gap before this
package, or conflicts) — the preview says what, and ``--allow-gap`` / ``--conflicts`` decide.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app import paths
from desktop_app.commands import frame
from desktop_app.domain.errors import ConflictError

NEEDS_DECISION = 3


def add_subcommands(subparsers, options) -> None:
    real = options("数据库文件（默认：用户数据目录中的 cases.sqlite）")
    package = subparsers.add_parser(
        "package", help="数据交换：密钥、登记对方公钥、导出和导入数据包",
        description="区政府办公室与承办单位之间用签名的数据包交换交办和办理情况（无需服务器）。",
    )
    what = package.add_subparsers(dest="what", metavar="{key,trust,export,import}", required=True)
    key = what.add_parser("key", parents=[real], help="显示本机密钥的指纹并导出公钥",
                          description="显示本机签名密钥的指纹（与对方电话核对用），首次使用时生成密钥。")
    key.add_argument("--out", metavar="FILE", help="把公钥写入该文件，发给对方登记")
    key.set_defaults(run=run_key)

    trust = what.add_parser("trust", parents=[real], help="登记对方的公钥",
                            description="登记对方发来的公钥：办公室登记各单位的（--unit 单位全称），单位登记办公室的（--office）。"
                                        "登记前请先电话核对指纹。")
    trust.add_argument("keyfile", metavar="KEYFILE", help="对方的公钥文件")
    who = trust.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", metavar="NAME", help="该公钥属于这个单位（单位全称）")
    who.add_argument("--office", action="store_true", help="该公钥属于区政府办公室")
    trust.set_defaults(run=run_trust)

    export = what.add_parser("export", parents=[real], help="导出数据包",
                             description="导出数据包：办公室给单位的交办包（--to 单位全称），单位给办公室的报送包（--to office），"
                                         "会办单位给主办单位的会办意见包（--to 主办单位全称）。只包含上次以来有变化的件；涉密件从不导出。")
    export.add_argument("--to", metavar="UNIT|office", required=True, help="收件方：单位全称，或 office（区政府办公室）")
    export.add_argument("--out", metavar="FILE", required=True, help="要写入的数据包文件（.zip）")
    export.add_argument("--full", action="store_true", help="包含全部件，而不只是有变化的（对方重装后用）")
    export.add_argument("--attachments", action="store_true",
                        help="同时带上附件（盖章的会办意见、答复的 PDF 等），数据包会大很多")
    export.add_argument("--sequence", metavar="N", type=int, default=None,
                        help="指定这个数据包的编号（本机从备份恢复后，按对方提示接着对方已收到的最大号）")
    export.set_defaults(run=run_export)

    imp = what.add_parser("import", parents=[real], help="导入数据包",
                          description="导入对方发来的数据包：核对签名、发件人、收件人和序号，预览新增、修改、冲突和忽略的记录，"
                                      "再在导入前备份后一次写入。退出码：0 已导入或无需导入，1 拒绝，3 需要决定（缺号或冲突）。")
    imp.add_argument("file", metavar="FILE", help="数据包文件")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不写入数据库")
    imp.add_argument("--allow-gap", action="store_true", help="之前的数据包缺号时仍然导入这一份")
    imp.add_argument("--conflicts", choices=("mine", "theirs"), default=None,
                     help="冲突时保留本机的值（mine）或数据包中的值（theirs）；不给出时有冲突就不导入")
    imp.set_defaults(run=run_import)


def _service(ctx):
    from desktop_app.services.exchange import ExchangeService
    from desktop_app.services.maintenance import MaintenanceService

    return ExchangeService(ctx, MaintenanceService(ctx, paths.backup_dir(ctx.db.path)))


def run_key(args: argparse.Namespace) -> int:
    def work(ctx) -> int:
        service = _service(ctx)
        info = service.identity()
        out = None
        if getattr(args, "out", None):
            out = frame.output_path(args)
            if out is None:
                return 1
            service.write_public_key(out)
        if frame.wants_json(args):
            frame.print_json({"ok": True, "fingerprint": info.fingerprint, "public_key": info.public_key,
                              "party": frame.plain(info.party), "key_file": str(info.key_file),
                              "out": str(out) if out else None, "note": info.note})
            return 0
        print(f"本机：{info.party.label() if info.party else '（尚未设定身份）'}")
        print(f"指纹：{info.fingerprint}")
        print(f"公钥：{info.public_key}")
        if out:
            print(f"已写入公钥文件：{out}（发给对方，并电话核对上面的指纹）")
        if info.note:
            print(f"注意：{info.note}", file=sys.stderr)
        return 0

    return frame.with_context(args, work)


def run_trust(args: argparse.Namespace) -> int:
    path = Path(args.keyfile).expanduser()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:10_000]
    except OSError as error:
        return frame.fail(args, f"无法读取公钥文件：{path}（{error.strerror or error}）。请检查路径。")

    def work(ctx) -> int:
        role, name = ("office", "") if args.office else ("unit", args.unit)
        info = _service(ctx).trust(text, role, name)
        if frame.wants_json(args):
            frame.print_json({"ok": True, **frame.plain(info)})
        else:
            what = "替换了" if info.replaced else "登记了"
            print(f"已{what}“{info.name}”的公钥，指纹：{info.fingerprint}")
            print("请与对方电话核对该指纹；不一致时不要导入其数据包。")
        return 0

    return frame.with_context(args, work)


def run_export(args: argparse.Namespace) -> int:
    out = frame.output_path(args)
    if out is None:
        return 1

    def work(ctx) -> int:
        result = _service(ctx).export(args.to, out, full=args.full, sequence=args.sequence,
                                        attachments=args.attachments)
        if frame.wants_json(args):
            frame.print_json({"ok": True, **frame.plain(result)})
        else:
            print(f"已导出{result.kind} 第 {result.sequence} 号（给 {result.addressee.label()}，{result.items} 件，"
                  f"{result.size / 1024:.0f} KB）：{result.path}")
        return 0

    return frame.with_context(args, work)


def run_import(args: argparse.Namespace) -> int:
    def work(ctx) -> int:
        from desktop_app.services.exchange import PackageRefusedError

        service = _service(ctx)
        try:
            preview = service.preview(Path(args.file).expanduser())
        except PackageRefusedError as error:
            return frame.fail(args, str(error))
        decide = preview.state == "gap" and not args.allow_gap
        decide = decide or bool(preview.conflicts and not args.conflicts)
        result = None
        if not args.dry_run and not decide and preview.state != "duplicate":
            choices = {"*": args.conflicts} if args.conflicts else None
            try:
                result = service.apply(Path(args.file).expanduser(), choices=choices, allow_gap=args.allow_gap)
            except (PackageRefusedError, ConflictError) as error:
                return frame.fail(args, str(error))
        if frame.wants_json(args):
            frame.print_json({"ok": not decide, "state": "applied" if result else preview.state,
                              "dry_run": args.dry_run, "title": preview.title, "message": preview.message,
                              "sender": frame.plain(preview.sender), "sequence": preview.sequence,
                              "missing": list(preview.missing), "new": list(preview.new),
                              "changed": frame.plain(list(preview.changed)),
                              "conflicts": frame.plain(list(preview.conflicts)),
                              "ignored": list(preview.ignored),
                              "backup": result.backup_path if result else None})
        else:
            _print_preview(preview)
            if result is not None:
                print(result.message)
            elif args.dry_run:
                print("（预览，未写入数据库）")
        if decide:
            why = preview.message if preview.state == "gap" else (
                f"有 {len(preview.conflicts)} 处冲突（同一字段双方都改过），没有导入。请用 --conflicts mine 保留本机的值，"
                "或 --conflicts theirs 采用数据包中的值。")
            print(why, file=sys.stderr)
            return NEEDS_DECISION
        return 0

    return frame.with_context(args, work)


def _print_preview(preview) -> None:
    print(preview.message)
    if preview.state == "duplicate":
        return
    print(f"发件人：{preview.sender.label()}（指纹 {preview.sender_fingerprint}），共 {preview.items} 件")
    for line in preview.new:
        print(f"  新增 {line}")
    for c in preview.changed:
        print(f"  修改 {c.record} {c.field}：{c.old or '（空）'} → {c.new or '（空）'}")
    for c in preview.conflicts:
        print(f"  冲突 {c.record} {c.field}：本机 {c.mine or '（空）'}，数据包 {c.theirs or '（空）'}"
              f"（上次收到 {c.base or '（空）'}）")
    for line in preview.ignored:
        print(f"  忽略 {line}")
