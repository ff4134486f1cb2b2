"""Exchange package benchmark (a separate script; not a test):

    uv run python benchmarks/exchange.py [--json] [--strict]

Targets (issue 19): a 交办包 of 1,000 items writes and imports in ≤ 5 s each; the office merges 50
units' 报送包 of 20 items each in ≤ 30 s; a package of 50 items without attachments is ≤ 200 KB.
The office's database holds 1,000 items, each led by one of 50 units; 区政府督查室 co-handles all of
them (its 交办包 is the 1,000-item package) and 区发展改革委 the first 50.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.services.exchange_copies import Clock, Copy, introduce  # noqa: E402

UNITS = [f"第{n}承办单位" for n in range(1, 51)]
BIG, MID = "区政府督查室", "区发展改革委"
ITEMS = 1000


def build_office(folder: Path, clock: Clock) -> Copy:
    from desktop_app.domain.enums import ItemKind, ProposerRole, ProposerType, UnitRole
    from desktop_app.services.dto import AssignmentRecord, CaseRecord, ProposerLink

    office = Copy(folder / "office", clock, None, units=(*UNITS, BIG, MID))
    for i in range(ITEMS):
        units = [AssignmentRecord(None, UNITS[i % 50], UnitRole.LEAD), AssignmentRecord(None, BIG, UnitRole.CO)]
        if i < 50:
            units.append(AssignmentRecord(None, MID, UnitRole.CO))
        office.cases.save(CaseRecord(
            kind=ItemKind.SUGGESTION, session_id=None, session_name="区二届人大五次会议", number=f"{i + 1:04d}",
            title=f"关于加强第{i + 1}项民生工作的建议", content="近年来，群众反映较多。建议：一是加大投入；二是明确责任。" * 3,
            category="城乡建设", assigned_on=date(2024, 2, 28),
            proposers=(ProposerLink(f"代表{i % 97}", ProposerRole.LEAD, ProposerType.DEPUTY),
                       ProposerLink(f"代表{(i + 1) % 97}", ProposerRole.COSIGNER, ProposerType.DEPUTY)),
            assignments=tuple(units)))
    return office


def timed(work):
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description="数据包性能测试")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    results = []
    clock = Clock(datetime(2024, 3, 1, 9, 0))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        mail = folder / "mail"
        mail.mkdir()
        print("准备：办公室 1000 件、52 个单位副本……", file=sys.stderr)
        office = build_office(folder, clock)
        big, mid = Copy(folder / "big", clock, BIG), Copy(folder / "mid", clock, MID)
        units = [Copy(folder / f"u{n}", clock, name) for n, name in enumerate(UNITS)]
        introduce(office, big, mid, *units)

        write, exported = timed(lambda: office.exchange.export(BIG, mail / "big.zip"))
        results.append(("1000 件交办包 写出", write, 5.0, "s"))
        read, _ = timed(lambda: big.exchange.apply(exported.path))
        results.append(("1000 件交办包 导入", read, 5.0, "s"))
        fifty = office.exchange.export(MID, mail / "mid.zip")
        results.append(("50 件数据包 大小（无附件）", fifty.path.stat().st_size / 1024, 200.0, "KB"))

        clock.advance(days=1)
        reports = []
        for n, unit in enumerate(units):
            unit.exchange.apply(office.exchange.export(UNITS[n], mail / f"to{n}.zip").path)
            for row in unit.cases.list_rows():
                record = unit.cases.get(row.id)
                unit.cases.save(replace(record, assignments=tuple(
                    replace(a, signed_on=clock.now.date(), handler="经办人") if a.unit_name == UNITS[n] else a
                    for a in record.assignments)))
            reports.append(unit.exchange.export("office", mail / f"from{n}.zip").path)
        merge, _ = timed(lambda: [office.exchange.apply(path) for path in reports])
        results.append(("办公室合并 50 个单位的 20 件报送包", merge, 30.0, "s"))
        for copy in (office, big, mid, *units):
            copy.close()

    failed = False
    for name, value, target, unit in results:
        ok = value <= target
        failed |= not ok
        print(f"{name}: {value:.2f} {unit}（目标 ≤ {target:g} {unit}）{'PASS' if ok else 'FAIL'}")
    if args.json:
        print(json.dumps([{"name": n, "value": round(v, 3), "target": t, "unit": u} for n, v, t, u in results],
                         ensure_ascii=True, indent=2))
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
