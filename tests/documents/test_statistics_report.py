"""The printed 办理情况统计报告 read back from the PDF: a hand-made dataset whose figures are known."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

from desktop_app.documents.statistics_report import (
    CELL_SIZE,
    StatisticsReportData,
    summary_paragraphs,
    write_statistics_report,
)
from desktop_app.domain.enums import CommitmentStatus, Disclosure, ItemKind, ItemStatus, Rating, ResultCategory
from desktop_app.domain.enums import ContactWay
from desktop_app.domain.statistics import StatCommitment, StatContact, StatFeedback, StatItem, StatReply, handling_report

S1, S2 = "区二届人大五次会议", "区政协二届五次会议"
AS_OF = date(2024, 6, 30)


def items(extra_units: int = 0) -> list[StatItem]:
    """1: 区交通委, on time, met, 已经解决, 满意. 2: 区交通委, late, 正在解决, not public, two open
    commitments (one overdue). 3: 区住建委, not replied. 4: both units, on time, 计划解决 then 不满意
    and a second reply 正在解决."""
    found = [
        StatItem(1, ItemKind.SUGGESTION, S1, ("区交通委",), ItemStatus.REPLIED, date(2024, 2, 20), date(2024, 5, 20),
                 (StatReply(1, date(2024, 5, 10), ResultCategory.SOLVED),),
                 (StatContact(date(2024, 5, 1), ContactWay.MEETING),),
                 (StatFeedback(date(2024, 5, 20), Rating.SATISFIED, Rating.SATISFIED),)),
        StatItem(2, ItemKind.SUGGESTION, S1, ("区交通委",), ItemStatus.REPLIED, date(2024, 2, 20), date(2024, 5, 20),
                 (StatReply(1, date(2024, 5, 25), ResultCategory.SOLVING, Disclosure.NOT_PUBLIC),),
                 commitments=(StatCommitment(1, date(2024, 6, 1), CommitmentStatus.OPEN),
                              StatCommitment(2, date(2024, 12, 31), CommitmentStatus.OPEN))),
        StatItem(3, ItemKind.PROPOSAL, S2, ("区住建委",), ItemStatus.HANDLING, date(2024, 3, 1), date(2024, 6, 10)),
        StatItem(4, ItemKind.PROPOSAL, S2, ("区住建委", "区交通委"), ItemStatus.REPLIED, date(2024, 3, 1),
                 date(2024, 6, 10),
                 (StatReply(1, date(2024, 6, 1), ResultCategory.PLANNED), StatReply(2, date(2024, 6, 20),
                                                                                 ResultCategory.SOLVING)),
                 feedback=(StatFeedback(date(2024, 6, 5), Rating.DISSATISFIED, Rating.SATISFIED),)),
    ]
    found += [StatItem(100 + i, ItemKind.SUGGESTION, S1, (f"第{i + 1:02d}测试单位",), ItemStatus.HANDLING,
                       date(2024, 2, 20), date(2024, 5, 20)) for i in range(extra_units)]
    return found


def data(extra_units: int = 0) -> StatisticsReportData:
    return StatisticsReportData(handling_report(items(extra_units), AS_OF), "", "上海市崇明区人民政府办公室",
                                date(2024, 7, 2))


def page_text(page) -> str:
    return "".join(page.extract_text().split())


def row_cells(page, name: str) -> list[str]:
    """The cells of the table row whose first cell is ``name`` (the first such row on the page):
    characters between the row's rules, split by the table's vertical rules."""
    chars = [c for c in page.chars if abs(c["size"] - CELL_SIZE) < 0.5]
    xs = sorted({round(line["x0"], 1) for line in page.lines if abs(line["x0"] - line["x1"]) < 0.1})
    rules = sorted({round(line["top"], 1) for line in page.lines if abs(line["top"] - line["bottom"]) < 0.1})
    text = "".join(c["text"] for c in sorted(chars, key=lambda c: (c["top"], c["x0"])))
    assert name in text, f"{name} not on this page"
    first = next(c for c in sorted(chars, key=lambda c: (c["top"], c["x0"]))
                 if c["text"] == name[0] and c["x0"] < xs[1]
                 and "".join(ch["text"] for ch in chars if abs(ch["top"] - c["top"]) < 1 and ch["x0"] < xs[1])
                 .startswith(name))
    top = max(r for r in rules if r <= first["top"])
    bottom = min(r for r in rules if r > first["top"])
    inside = [c for c in chars if top < c["top"] < bottom]
    cells = []
    for left, right in zip(xs, xs[1:]):
        mine = sorted((c for c in inside if left <= (c["x0"] + c["x1"]) / 2 < right),
                      key=lambda c: (round(c["top"]), c["x0"]))
        cells.append("".join(c["text"] for c in mine))
    return cells


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "统计报告.pdf"
    result = write_statistics_report(out, data())
    with pdfplumber.open(out) as pdf:
        yield result, pdf


def test_the_summary_states_the_headline_rates(printed):
    result, pdf = printed
    first = page_text(pdf.pages[0])
    assert first.startswith("关于2024年建议提案办理情况的统计报告截至2024年6月30日")
    assert "截至2024年6月30日，共承办建议提案4件，其中代表建议2件、政协提案2件" in first
    assert "已办复3件，办复率75.0%；按期办复2件，按期办复率50.0%" in first
    assert "见面沟通1件，见面率33.3%" in first
    assert "满意1份、基本满意0份、不满意1份，满意率50.0%" in first
    assert "公开答复2件，公开率66.7%" in first and "重新办理1件，已再次答复1件" in first
    assert "承诺事项尚未落实2项，其中已超过承诺期限1项" in first and "超期承诺事项涉及区交通委1项" in first
    assert "附件：1．按承办单位统计的办理情况" in first and "上海市崇明区人民政府办公室" in first
    # dated with its 成文日期, the figures as of the day the text states
    assert first.endswith("上海市崇明区人民政府办公室2024年7月2日—1—") and result.pages == len(pdf.pages)


def test_the_report_is_addressed_to_its_recipient(tmp_path):
    from dataclasses import replace

    out = tmp_path / "stats.pdf"
    write_statistics_report(out, replace(data(), recipient="区人民政府"))
    with pdfplumber.open(out) as pdf:
        assert page_text(pdf.pages[0]).startswith("关于2024年建议提案办理情况的统计报告区人民政府：截至2024年6月30日")


def test_each_dimension_has_its_appendix_in_landscape(printed):
    _result, pdf = printed
    tables = pdf.pages[1:]
    assert all(p.width > p.height for p in tables)
    texts = [page_text(p) for p in tables]
    assert [i for i, t in enumerate(texts) if t.startswith("附件")] == [0, 1, 2]
    assert "按承办单位统计的办理情况（截至2024年6月30日）" in texts[0]
    assert "按届次统计的办理情况" in texts[1] and "按类别统计的办理情况" in texts[2]


def test_unit_rows_carry_their_own_figures(printed):
    _result, pdf = printed
    page = pdf.pages[1]
    # 件数, 办复率, 按期办复率, 见面率, 满意率, 满意, 基本满意, 不满意, 公开率
    assert row_cells(page, "区交通委") == ["区交通委", "3", "100.0%3/3", "66.7%2/3", "33.3%1/3", "50.0%1/2",
                                         "1", "0", "1", "66.7%2/3"]
    assert row_cells(page, "区住建委") == ["区住建委", "2", "50.0%1/2", "50.0%1/2", "0.0%0/1", "0.0%0/1",
                                         "0", "0", "1", "100.0%1/1"]
    # The 合计 counts each item once (item 4 has two lead units).
    assert row_cells(page, "合计")[:4] == ["合计", "4", "75.0%3/4", "50.0%2/4"]


def test_results_rehandling_and_commitments_per_session(printed):
    _result, pdf = printed
    page = pdf.pages[2]
    # The second table of the page: 已经解决 … 超期承诺事项; the first row named S1 is in table (一).
    words = page_text(page)
    assert "（二）办理结果、重新办理和承诺事项" in words
    second = [c for c in row_cells(page, S1)]
    assert second[:3] == [S1, "2", "100.0%2/2"]
    assert second[-1] == "50.0%1/2"  # 公开率: item 2 is not public
    table_two = page.crop((0, next(w["bottom"] for w in page.extract_words() if "（二）" in w["text"]),
                           page.width, page.height))
    assert row_cells(table_two, S1) == [S1, "50.0%1/2", "50.0%1/2", "0.0%0/2", "0.0%0/2", "100.0%2/2",
                                        "0", "0", "2", "1"]
    assert row_cells(table_two, S2) == [S2, "0.0%0/1", "100.0%1/1", "0.0%0/1", "0.0%0/1", "100.0%1/1",
                                        "1", "1", "0", "0"]


def test_a_long_table_continues_with_its_caption_and_header_repeated(tmp_path):
    out = tmp_path / "长表.pdf"
    write_statistics_report(out, data(extra_units=40))
    with pdfplumber.open(out) as pdf:
        texts = [page_text(p) for p in pdf.pages if p.width > p.height]
    unit_pages = [t for t in texts if "测试单位" in t]
    assert len(unit_pages) >= 4
    for t in unit_pages:
        assert "按承办单位统计的办理情况" in t or "（续）" in t
        assert ("应办" in t and "见面率" in t) or ("已经" in t and "二次" in t)  # the header row is there
    assert sum("附件1（一）办理和满意情况（续）" in t for t in texts) >= 2
    assert sum("附件1（二）办理结果、重新办理和承诺事项（续）" in t for t in texts) >= 2
    for n in range(1, 41):  # every unit is printed, once per table
        assert sum(t.count(f"第{n:02d}测试单位") for t in texts) == 2
    for t in unit_pages:  # the 合计 row never stands alone on a continued page
        assert not ("（续）" in t and "合计" in t and t.count("测试单位") == 0)


def test_an_empty_register_prints_a_short_report():
    report = handling_report([], AS_OF)
    assert summary_paragraphs(report) == ["截至2024年6月30日，没有应办的建议提案。"]
