"""Excel exchange benchmark: 10,000-row 交办清单 read, imported and exported, each against the bare
library doing the same work in the same run (a separate script; not a test).

    uv run python benchmarks/excel.py [--rows 10000] [--runs 3] [--json] [--strict]

Targets: reading (safety checks, the sheet, merged cells, header detection) ≤ 2× python-calamine's
bare ``to_python`` (cleaning every cell is printed for reference and counts in the import);
the whole import (read, validate, preview, back up, insert) into a fresh database ≤ 2 s; the
ledger export ≤ 1.3× openpyxl write-only appending the same cells. Bare and ours alternate and
the median of ``--runs`` is taken, so machine load affects both alike.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

UNITS = ["区交通委", "区建设管理委", "区水务局", "区农业农村委", "区教育局", "区卫生健康委", "区民政局",
         "区生态环境局", "区规划资源局", "区财政局", "城桥镇", "新河镇", "堡镇", "陈家镇", "港沿镇"]
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗"
GIVEN = "建国秀英志强丽华海燕晓明春梅国平玉兰文杰红霞"
TOPICS = ["农村道路养护", "公交线网优化", "河道保洁", "养老服务设施", "中小学课后服务", "社区卫生服务",
          "垃圾分类", "停车难治理", "老旧小区改造", "农产品品牌建设"]


def make_list(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("交办清单")
    sheet.append(["区二届人大五次会议代表建议交办清单"])
    sheet.append(["序号", "建议号", "案由", "领衔代表", "附议代表", "主办单位", "会办单位", "交办日期", "类别"])
    forms = [lambda d: d, lambda d: d.isoformat(), lambda d: f"{d.year}/{d.month}/{d.day}",
             lambda d: f"{d.year}年{d.month}月{d.day}日", lambda d: d.strftime("%Y%m%d")]
    for n in range(1, rows + 1):
        name = lambda k: SURNAMES[(n * 7 + k) % 20] + GIVEN[(n * 3 + k) % 20] + GIVEN[(n + k) % 20]  # noqa: E731
        day = date(2024, 1, 15) + timedelta(days=n % 60)
        sheet.append([
            n, f"{n:04d}", f"关于加强{TOPICS[n % 10]}工作的建议（{n}）", name(0), f"{name(1)}、{name(2)}，{name(3)}",
            UNITS[n % 15], f"{UNITS[(n + 3) % 15]}；{UNITS[(n + 5) % 15]}", forms[n % 5](day), "城乡建设",
        ])
    book.save(path)
    return path


def bare_read(path: Path):
    import python_calamine as pc

    return pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def our_read(path: Path):
    """Reading: the safety checks, the sheet, merged cells filled, the header found."""
    from desktop_app.exchange.layout import detect_layout
    from desktop_app.exchange.reader import read_sheet

    sheet = read_sheet(path)
    return sheet, detect_layout(sheet)


def our_read_and_clean(path: Path):
    """Reading plus cleaning every cell (dates, names, numbers): part of the import's budget."""
    from desktop_app.exchange.parse import parse_rows

    sheet, layout = our_read(path)
    return parse_rows(sheet.rows, layout.data_start, list(layout.headers), list(layout.mapping),
                      layout.session_in_title)


def whole_import(path: Path, folder: Path, n: int):
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.import_cases import ImportService
    from desktop_app.services.maintenance import MaintenanceService
    from desktop_app.storage.database import open_database

    db = open_database(folder / f"import-{n}.sqlite")
    try:
        ctx = ServiceContext(db, lambda: "基准测试", lambda: datetime(2024, 6, 3, 9, 30))
        service = ImportService(ctx, MaintenanceService(ctx, folder / "backups"))
        started = time.perf_counter()
        preview = service.read_file(path)
        _changes, result = service.apply(preview)
        elapsed = time.perf_counter() - started
        assert result.created == len(preview.rows), result
        return elapsed
    finally:
        db.close()


def timed(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Excel 导入导出性能测试")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)

    from openpyxl import Workbook

    from desktop_app.exchange.ledger import write_table
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.export_cases import ExportService
    from desktop_app.storage.database import open_database

    folder = Path(tempfile.mkdtemp(prefix="excel-bench-"))
    path = make_list(folder / "交办清单.xlsx", args.rows)
    reads, bare_reads, cleans, imports = [], [], [], []
    for n in range(args.runs + 1):  # the first round warms caches and imports; not counted
        bare, ours, cleaned = timed(bare_read, path), timed(our_read, path), timed(our_read_and_clean, path)
        imported = whole_import(path, folder, n)
        if n:
            bare_reads.append(bare)
            reads.append(ours)
            cleans.append(cleaned)
            imports.append(imported)

    db = open_database(folder / "import-0.sqlite")
    table = ExportService(ServiceContext(db, lambda: "基准测试", lambda: datetime(2024, 6, 3, 9, 30))).ledger()
    db.close()

    def bare_write(target):
        book = Workbook(write_only=True)
        sheet = book.create_sheet("台账")
        sheet.append([table.heading])
        sheet.append([c.title for c in table.columns])
        for row in table.rows:
            sheet.append(list(row))
        book.save(target)

    writes, bare_writes = [], []
    for n in range(args.runs + 1):
        bare, ours = timed(bare_write, folder / "bare.xlsx"), timed(write_table, folder / "ours.xlsx", table)
        if n:
            bare_writes.append(bare)
            writes.append(ours)

    read_ratio = statistics.median(reads) / statistics.median(bare_reads)
    write_ratio = statistics.median(writes) / statistics.median(bare_writes)
    import_s = statistics.median(imports)
    results = [
        ("读取（安全检查、合并单元格、找表头）/ python-calamine", read_ratio, 2.0,
         f"{statistics.median(reads) * 1000:.0f} ms / {statistics.median(bare_reads) * 1000:.0f} ms"),
        ("（参考）读取并清理全部单元格 / python-calamine", statistics.median(cleans) / statistics.median(bare_reads),
         None, f"{statistics.median(cleans) * 1000:.0f} ms"),
        ("整个导入（读取、校验、预览、备份、写入）", import_s, 2.0, f"{import_s:.2f} s"),
        ("导出台账 / openpyxl 只写模式", write_ratio, 1.3, f"{statistics.median(writes) * 1000:.0f} ms / "
         f"{statistics.median(bare_writes) * 1000:.0f} ms"),
    ]
    failed = False
    for label, value, target, detail in results:
        if target is None:
            print(f"{label:<40} {value:6.2f}（无目标，计入整个导入） {detail}")
            continue
        ok = value <= target
        failed |= not ok
        print(f"{label:<40} {value:6.2f}（目标 ≤ {target}） {detail}  {'PASS' if ok else 'FAIL'}")
    if args.json:
        print(json.dumps([{"metric": r[0], "value": r[1], "target": r[2]} for r in results], ensure_ascii=True))
    return 1 if (failed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
