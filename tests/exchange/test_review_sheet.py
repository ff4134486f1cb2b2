"""The 回头看 workbook read back: summary counts, one row per lead unit, every listed entry, the
entries to tell the deputy about, and 涉密 items counted but not listed."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import load_workbook

from desktop_app.domain.enums import ItemKind, ReviewCategory, ReviewOutcome
from desktop_app.domain.review import ReviewEntryRow, build_report
from desktop_app.exchange.review_sheet import LIST_COLUMNS, write_review_sheet

DAY = date(2024, 11, 20)


def entry(i, category, units="区交通委", outcome=None, secret=False, tell=False):
    return ReviewEntryRow(i, 1, i, category, "区二届人大五次会议", f"{i:04d}", f"标题{i}", ItemKind.SUGGESTION, units,
                          reason="原因", note="情况" if outcome else "", outcome=outcome,
                          reviewed_on=DAY if outcome else None, reviewer="张三" if outcome else "", tell_deputy=tell,
                          is_secret=secret)


def test_the_workbook_holds_counts_units_and_lists(tmp_path):
    rows = [entry(1, ReviewCategory.SOLVED, outcome=ReviewOutcome.CONFIRMED),
            entry(2, ReviewCategory.DISSATISFIED, "区教育局", outcome=ReviewOutcome.CHANGED, tell=True),
            entry(3, ReviewCategory.COMMITMENT), entry(4, ReviewCategory.SOLVED, secret=True)]
    out = tmp_path / "回头看.xlsx"
    write_review_sheet(out, build_report(2024, "2024年回头看", rows, DAY))
    assert not list(tmp_path.glob("*.tmp"))
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", "按主办单位", "清单", "需告知代表"]
    summary = [r for r in book["汇总"].iter_rows(values_only=True)]
    assert summary[0][0] == "2024年回头看（截至 2024年11月20日）"
    counts = {r[0]: r[1:6] for r in summary[4:10]}
    assert counts["已经解决复核"] == (2, 1, 1, 0, 0) and counts["合计"] == (4, 2, 2, 1, 0)
    assert ("未回头看", 2, None, None, None, None) in summary and any("涉密件 1 条" in str(r[0]) for r in summary)
    units = list(book["按主办单位"].iter_rows(values_only=True))
    assert units[0][0] == "主办单位" and units[1][:9] == ("区交通委", 2, 0, 0, 0, 1, 3, 1, 0)
    listing = list(book["清单"].iter_rows(values_only=True))
    assert listing[0] == tuple(name for name, _w in LIST_COLUMNS)
    assert [r[3] for r in listing[1:]] == ["标题1", "标题2", "标题3"]
    first = dict(zip(listing[0], listing[1]))
    assert first["回头看结果"] == "确已解决" and first["回头看日期"] == datetime(2024, 11, 20) and first["回头看人"] == "张三"
    flagged = list(book["需告知代表"].iter_rows(values_only=True))
    assert [r[3] for r in flagged[1:]] == ["标题2"] and flagged[1][12] == "是"
