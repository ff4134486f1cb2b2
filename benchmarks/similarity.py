"""年年提 figures on a large database, each against its target (benchmark, not a test).

    uv run python benchmarks/similarity.py [--items 100000] [--runs 5]

Uses the demo database cached by ``benchmarks/run.py`` (built with ``desktop-app demo`` when
missing), migrated on a copy. Measures the 相似件 of one new item (title and content of items
picked across the database, changed a little, so every query is a new text): the first query,
which also counts the term weights over a sample, then the median and the slowest of the next;
and the whole 年年提 report (wall-clock and CPU time: on a shared machine the CPU time says more).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.run import CACHE, Report, _child_env, _demo_database, _timed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="年年提性能测试（大数据量）")
    parser.add_argument("--items", type=int, default=100_000, help="演示数据件数（默认 100000）")
    parser.add_argument("--runs", type=int, default=20, help="相似件查询次数（默认 20）")
    args = parser.parse_args(argv)
    CACHE.mkdir(exist_ok=True)
    cached = _demo_database(args.items, False, _child_env())
    work = CACHE / "similarity.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(cached, work)
    os.environ.setdefault("DESKTOP_APP_HOME", str(CACHE / "home"))
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.similarity import SimilarityService
    from desktop_app.storage.database import open_database

    db = open_database(work, backup_dir=CACHE / "home" / "bench-backups")
    report = Report()
    print(f"数据库：{cached}（{args.items} 件），{os.cpu_count()} 核")
    try:
        service = SimilarityService(ServiceContext(db=db))
        queries = _queries(db, args.runs + 1)
        first, found = _timed(lambda: service.similar_to_text(*queries[0], limit=10))
        report.add("相似件：第一次（含抽样统计词权重）", first, "ms", note=f"{len(found)} 件")
        times = [_timed(lambda q=q: service.similar_to_text(*q, limit=10))[0] for q in queries[1:]]
        report.add("相似件：一件新件（中位数）", statistics.median(times), "ms", 100)
        report.add("相似件：一件新件（最慢）", max(times), "ms", note=f"{len(times)} 次")
        cpu = time.process_time()
        wall, result = _timed(service.recurring_report)
        cpu = time.process_time() - cpu
        listed = sum(len(g.members) for g in result.groups)
        report.add("年年提报告（全部件）", wall / 1000, "s", 10, note=f"{len(result.groups)} 组 {listed} 件")
        report.add("年年提报告 CPU 时间", cpu, "s", note="机器繁忙时以此为准")
    finally:
        db.close()
    report.finish(False)
    return 0


def _queries(db, count: int) -> list[tuple[str, str]]:
    """Titles and contents of items spread over the database, each changed a little (a new item
    is never word for word an old one)."""
    from sqlalchemy import select

    from desktop_app.storage.tables import Item

    with db.read() as s:
        total = s.scalar(select(Item.id).order_by(Item.id.desc()).limit(1)) or 1
        step = max(1, total // count)
        rows = s.execute(select(Item.title, Item.content).where(Item.id.in_(range(1, total + 1, step)))).all()
    return [(title.replace("关于", "关于进一步"), content[: len(content) * 2 // 3]) for title, content in rows][:count]


if __name__ == "__main__":
    sys.exit(main())
