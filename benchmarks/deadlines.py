"""Deadline figures on a large database, each against its target (benchmark, not a test).

    uv run python benchmarks/deadlines.py [--items 100000] [--runs 3]

Uses the demo database cached by ``benchmarks/run.py``. Measures, on a copy: the dashboard's first
count (every open deadline computed), its refresh (nothing written since: the counts are reused),
a count for another day (the deadlines sorted by due date are reused, the buckets are slices), the
case list's 下一期限 fill, one save with its due-date history, the query plans of the open-item reads,
and ``desktop-app due`` in a fresh process (start-up included).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.run import CACHE, ROOT, Report, _child_env, _demo_database, _timed  # noqa: E402

AS_OF = date(2024, 6, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="期限性能测试（大数据量）")
    parser.add_argument("--items", type=int, default=100_000, help="演示数据件数（默认 100000）")
    parser.add_argument("--runs", type=int, default=3, help="每项测量次数，取中位数（默认 3）")
    args = parser.parse_args(argv)
    CACHE.mkdir(exist_ok=True)
    env = _child_env()
    cached = _demo_database(args.items, False, env)
    work = CACHE / "deadlines.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(cached, work)
    report = Report()
    print(f"数据库：{cached}（{args.items} 件）")
    _measure_services(report, work, args.runs)
    _measure_due_command(report, work, env, args.runs)
    report.finish(False)
    return 0


def _measure_services(report: Report, path: Path, runs: int) -> None:
    os.environ.setdefault("DESKTOP_APP_HOME", str(CACHE / "home"))
    from desktop_app.services import deadlines as module
    from desktop_app.services.cases import CaseService
    from desktop_app.services.context import ServiceContext
    from desktop_app.storage.database import open_database

    db = open_database(path, backup_dir=CACHE / "home" / "bench-backups")
    # Today is AS_OF: a day before today is a view of the past (measured on its own below).
    ctx = ServiceContext(db=db, user_name=lambda: "性能测试", now=lambda: datetime.combine(AS_OF, dt_time(9)))
    service, cases = module.DeadlineService(ctx), CaseService(ctx)
    first, board = _timed(lambda: service.dashboard(AS_OF, only_our_unit=False))
    report.add("看板首次统计（全部计算）", first, "ms", note=f"{sum(n for _m, n in board.weeks)} 个 12 周内到期")
    again = statistics.median(_timed(lambda: service.dashboard(AS_OF, only_our_unit=False))[0] for _ in range(runs))
    report.add("看板刷新（全部单位）", again, "ms", 50)
    ours = statistics.median(_timed(lambda: service.dashboard(AS_OF, only_our_unit=True))[0] for _ in range(runs))
    report.add("看板刷新（本单位）", ours, "ms", 50)
    days = [AS_OF + timedelta(days=n) for n in range(1, runs + 1)]
    recount = statistics.median(_timed(lambda d=d: service.dashboard(d, only_our_unit=False))[0] for d in days)
    report.add("看板换日重新计数（全部单位）", recount, "ms", 50)
    rows = cases.list_rows()
    fill, found = _timed(lambda: service.next_deadlines(AS_OF))
    report.add("列表“下一期限”计算（后台）", fill, "ms", note=f"{len(found)} 件")
    record = cases.get(rows[len(rows) // 2].id)
    saves = []
    for n in range(runs):
        record = cases.get(record.id)
        saves.append(_timed(lambda: cases.save(replace(record, title=record.title.rstrip("改") + "改" * (n % 2))))[0])
    report.add("保存一次修改（含期限历史）", statistics.median(saves), "ms", 20)
    past, _board = _timed(lambda: service.dashboard(AS_OF - timedelta(days=90), only_our_unit=False))
    report.add("看板：90 天前的情况（按当日重算）", past, "ms")
    _print_query_plans(db, module)
    db.close()


def _print_query_plans(db, module) -> None:
    """The plan and the time of each read behind the first count (``load_facts``)."""
    from desktop_app.services import deadline_reads

    plain = deadline_reads.rows_of

    def timed(conn, sql):
        started = time.perf_counter()
        rows = list(plain(conn, sql))
        took = (time.perf_counter() - started) * 1000
        table = sql.split("FROM ", 1)[1].split()[0]
        plan = " / ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
        print(f"  查询 {table}：{took:.0f} ms，{len(rows)} 行；{plan}")
        return rows

    deadline_reads.rows_of = timed
    try:
        with db.read() as s:
            module.load_deadline_facts(s)
    finally:
        deadline_reads.rows_of = plain


def _measure_due_command(report: Report, path: Path, env: dict[str, str], runs: int) -> None:
    command = [sys.executable, "-m", "desktop_app", "due", "--db", str(path), "--json"]  # today's
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
        walls.append((time.perf_counter() - started) * 1000)
        if done.returncode != 0:
            raise SystemExit(f"失败：{' '.join(command)}\n{done.stderr}")
    report.add("desktop-app due（新进程，含启动）", statistics.median(walls), "ms", 2000)


if __name__ == "__main__":
    sys.exit(main())
