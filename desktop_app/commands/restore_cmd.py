"""``desktop-app restore``: list a database's backups, or restore one by its number or file — also
when the database is too damaged to open (application shell; no Qt)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app import paths
from desktop_app.commands import frame
from desktop_app.paths import ServerAddress


def add_subcommands(subparsers, options) -> None:
    restore = subparsers.add_parser(
        "restore", parents=[options("数据库文件（默认：用户数据目录中的 cases.sqlite）")],
        help="从备份恢复数据库（不加 --from 时列出备份；服务器的 pg_dump 备份用 pg_restore 恢复）",
        description="不加 --from：列出该数据库的备份（最新的在前，带序号）。加 --from：用该备份替换数据库的内容；"
                    "恢复前先把当前数据另存为一份“恢复前”备份，数据库损坏打不开时也能恢复。恢复前请先关闭正在使用该数据库的窗口。",
    )
    restore.add_argument("--from", dest="source", metavar="BACKUP",
                         help="备份文件的路径，或列表中的序号（1 为最新的备份）")
    restore.set_defaults(run=run_restore)


def run_restore(args: argparse.Namespace) -> int:
    from desktop_app.storage import backup

    path = frame.db_path(args)
    backup_dir = paths.backup_dir(path)
    on_server = isinstance(path, paths.ServerAddress)
    found = [b for b in reversed(backup.list_backups(backup_dir, path.stem, dumps=on_server)) if b.kind != "damaged"]
    if not getattr(args, "source", None):
        if frame.wants_json(args):
            frame.print_json({"ok": True, "db": str(path), "backups": [
                {"number": n, "path": str(b.path), "taken_at": b.taken_at.isoformat(), "kind": b.kind,
                 "label": b.label, "size": b.size} for n, b in enumerate(found, 1)]})
        elif not found:
            print(f"数据库 {path} 还没有备份（备份文件夹：{backup_dir}）。")
        else:
            print(f"数据库 {path} 的备份（最新的在前）：")
            for n, b in enumerate(found, 1):
                print(f"  {n}\t{b.taken_at:%Y-%m-%d %H:%M:%S}\t{b.label}\t{b.size / 1024 / 1024:.1f} MB\t{b.path.name}")
            print("恢复：desktop-app restore --db 数据库 --from 序号或备份文件")
        return 0
    source = _backup_source(args.source, found)
    if source is None:
        return frame.fail(args, f"找不到备份“{args.source}”。请给出备份文件的路径，或 desktop-app restore 列出的序号（1 至 {len(found)}）。")
    from desktop_app.storage import pg_tools

    if pg_tools.is_dump(source) and not on_server:
        return frame.fail(args, f"{source.name} 是 PostgreSQL 服务器的备份（pg_dump 文件），只能恢复到服务器上的数据库："
                                "请用 --db postgresql://用户名@服务器/数据库名。\n数据库没有改变。")
    try:
        saved = _restore(path, source, backup_dir)
    except Exception as error:  # noqa: BLE001 - BackupError, DatabaseError, OSError: told in Chinese
        return frame.fail(args, f"从备份恢复失败：{error}\n数据库没有改变。")
    if frame.wants_json(args):
        frame.print_json({"ok": True, "db": str(path), "restored_from": str(source),
                          "saved_current": str(saved) if saved else None})
    else:
        print(f"已从备份恢复：{source.name} → {path}")
        if saved:
            print(f"恢复前的数据另存为：{saved}")
    return 0


def _backup_source(given: str, found) -> Path | None:
    if given.isdigit() and 1 <= int(given) <= len(found):
        return found[int(given) - 1].path
    candidate = Path(given).expanduser().absolute()
    return candidate if candidate.is_file() else None


def _restore(path: Path, source: Path, backup_dir: Path) -> Path | None:
    """Through the maintenance service when the database opens (the backup is checked, the
    current content saved first), else straight through the backup module (a damaged file is
    kept aside); either way the database is opened once more after, which migrates an older backup."""
    from desktop_app.storage import backup

    try:
        db = frame.open_db(path, create=False)
    except Exception:  # noqa: BLE001 - damaged or missing: restored without opening it
        if isinstance(path, ServerAddress):
            raise  # a server that cannot be reached is not replaced by a file
        saved = backup.restore_backup(source, path, backup_dir, frame.clock())
    else:
        try:
            on_server = getattr(db, "is_server", False)
            before = {b.path for b in backup.list_backups(backup_dir, path.stem, dumps=on_server)}
            frame.maintenance(db).restore(source)
            saved = next((b.path for b in backup.list_backups(backup_dir, path.stem, dumps=on_server)
                          if b.kind == "restore" and b.path not in before), None)
        finally:
            db.close()
    frame.open_db(path, create=False).close()
    return saved
