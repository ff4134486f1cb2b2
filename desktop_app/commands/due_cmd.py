"""``desktop-app due``: every open deadline as of a day, for one unit or all, as text or JSON
(application shell; no Qt).

A read-only look-up that scripts run often: a file of the current schema is opened read-only with
``sqlite3`` and read through ``services.deadline_reads`` (no SQLAlchemy import, no integrity check:
``desktop-app check`` does that). Any other file (an older schema to migrate, a newer one to
refuse) goes through the usual ``open_database`` and the deadline service.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from datetime import date
from pathlib import Path

from desktop_app import paths
from desktop_app.commands import frame
from desktop_app.storage.read_only import open_read_only


def add_subcommands(subparsers, options) -> None:
    due = subparsers.add_parser(
        "due", parents=[options("数据库文件（默认：用户数据目录中的 cases.sqlite）")],
        help="列出所有未到期和已超期的期限",
        description="按法定工作日历列出每个未办结的期限：类型、届次、编号、标题、单位、到期日、剩余天数、提醒档次，以及节假日表是否覆盖。",
    )
    due.add_argument("--as-of", metavar="YYYY-MM-DD", type=frame.day, default=None, help="按哪一天计算（默认：今天）")
    due.add_argument("--unit", metavar="NAME", default=None, help="只列出该单位的期限（单位全称）")
    due.add_argument("--xlsx", metavar="FILE", default=None,
                     help="写出催办清单 Excel（与期限看板上“导出催办清单”相同：已超期和 7 天内到期的期限；"
                          "不加 --unit 时为本单位的）")
    due.set_defaults(run=run_due)


def run_due(args: argparse.Namespace) -> int:
    path = frame.db_path(args)
    if not path.exists():
        return frame.fail(args, f"找不到数据库文件：{path}\n请检查路径是否正确。")
    if args.xlsx:
        return _write_reminder_list(args)
    as_of = args.as_of or frame.clock().date()
    conn = open_read_only(path)
    try:
        if conn is not None:
            units, rows = _read(conn, as_of)
        else:
            units, rows = _read_through_services(path, as_of)
    except Exception as error:  # noqa: BLE001 - a damaged or foreign file may fail anywhere; said in Chinese
        return frame.fail(args, frame.open_error_message(path, error))
    finally:
        if conn is not None:
            conn.close()
    if args.unit:
        unit_id = units.get(args.unit.strip())
        if unit_id is None:
            return frame.fail(args, f"没有名为“{args.unit}”的单位。请用单位全称，现有单位：{'、'.join(units) or '无'}")
        rows = [r for r in rows if r.unit_id == unit_id]
    if frame.wants_json(args):
        _print_json(rows, as_of)
    else:
        _print_text(rows, as_of)
    return 0


def _write_reminder_list(args: argparse.Namespace) -> int:
    """``due --xlsx FILE``: the 催办清单 workbook, through the export registry (涉密 items left out)."""
    out = frame.output_path(args, args.xlsx)
    if out is None:
        return 1

    def work(ctx) -> int:
        from desktop_app.services.exporters import export

        count = export(ctx, "reminder_list", out, as_of=args.as_of or frame.clock().date(), unit_name=args.unit)
        if frame.wants_json(args):
            frame.print_json({"ok": True, "out": str(out), "deadlines": count})
        else:
            print(f"已写出催办清单（{count} 个期限）：{out}")
        return 0

    return frame.with_context(args, work)


def _read(conn: sqlite3.Connection, as_of: date):
    from desktop_app.services.deadline_reads import open_deadline_rows, read_units

    conn.execute("BEGIN")  # one snapshot for every query
    # A day before today is seen as it was: events dated later are ignored.
    return read_units(conn), open_deadline_rows(conn, as_of, frame.clock().date())


def _read_through_services(path: Path, as_of: date):
    from desktop_app.services.deadlines import DeadlineService
    from desktop_app.services.reference import ReferenceService
    from desktop_app.storage.database import open_database

    db = open_database(path, create=False, backup_dir=paths.backup_dir(path), check_integrity=False)
    try:
        ctx = frame.service_context(db)
        units = {u.name: u.id for u in ReferenceService(ctx).units(include_inactive=True)}
        return units, DeadlineService(ctx).open_deadlines(as_of)
    finally:
        db.close()


def _print_json(rows, as_of: date) -> None:
    # Tens of thousands of rows: plain dicts and compact JSON (indenting alone takes seconds);
    # codes from tables, as an enum's ``.value`` is a slow property.
    from desktop_app.domain.deadlines import Bucket, DeadlineKind

    kinds, buckets = {k: k.value for k in DeadlineKind}, {b: b.value for b in Bucket}
    explained = _Explanations()
    deadlines = [
        {"item_id": r.item_id, "kind": kinds[r.kind], "session_name": r.session_name, "number": r.number,
         "title": r.title, "unit_name": r.unit_name, "due_on": r.due_on.isoformat(),
         "days_left": r.days_left, "bucket": buckets[r.bucket], "covered": r.covered,
         "explanation": explained(r.deadline)}
        for r in rows
    ]
    print(json.dumps({"ok": True, "as_of": as_of.isoformat(), "deadlines": deadlines}, ensure_ascii=True))


def _print_text(rows, as_of: date) -> None:
    lines = [f"截至 {as_of.isoformat()}，未办结的期限 {len(rows)} 个（最后一列说明到期日的由来）："]
    explained = _Explanations()
    for r in rows:
        left = f"超期 {-r.days_left} 天" if r.days_left < 0 else f"剩 {r.days_left} 天"
        note = "" if r.covered else "  未含节假日安排"
        lines.append(f"{r.kind.label}\t{r.session_name}\t{r.number}\t{r.title}\t{r.unit_name}\t"
                     f"{r.due_on.isoformat()}\t{left}\t{r.bucket.label}{note}\t{explained(r.deadline)}")
    print("\n".join(lines))


class _Explanations(dict):
    """A deadline's explanation, built once per distinct due date and rule: thousands of items
    handed over on the same day share them."""

    def __call__(self, deadline) -> str:
        key = (id(deadline.due), id(deadline.rule), deadline.extension, deadline.done_on)
        found = self.get(key)
        if found is None:
            found = self[key] = deadline.explanation()
        return found
