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


def between(page, start: str, end: str | None = None):
    """The part of ``page`` from the caption containing ``start`` to the one containing ``end``:
    one table, whose vertical rules alone split its cells."""
    words = page.extract_words()
    top = next(w["top"] for w in words if start in w["text"])
    bottom = next((w["top"] for w in words if end and end in w["text"] and w["top"] > top), page.height)
    return page.crop((0, top, page.width, bottom))


def portrait_text(pdf) -> str:
    return "".join(page_text(p) for p in pdf.pages if p.width < p.height)


def landscape(pdf) -> list:
    return [p for p in pdf.pages if p.width > p.height]


def test_the_summary_states_the_headline_rates(printed):
    result, pdf = printed
    first = portrait_text(pdf)
    assert first.startswith("关于2024年建议提案办理情况的统计报告截至2024年6月30日")
    assert "截至2024年6月30日，共承办建议提案4件，其中代表建议2件、政协提案2件" in first
    # 按期: 1 and 4 on time, 2 late, 3 due 10 June and not answered: late.
    assert "已办复3件，办复率75.0%；按期办复2件，按期办复率50.0%" in first
    assert "见面沟通1件，见面率33.3%" in first
    assert "收到代表委员意见反馈的2件中（按件统计），满意1件、基本满意0件、不满意1件，满意率50.0%" in first
    assert "按人次统计，共收到意见反馈表2份，满意率50.0%" in first
    # 1 and 4 are marked 此件公开发布 and finalised; neither has a publication record.
    assert "应公开发布的答复2件，已公开发布0件，公开率0.0%" in first and "重新办理1件，已再次答复1件" in first
    assert "承诺事项尚未落实2项，其中已超过承诺期限1项" in first and "超期承诺事项涉及区交通委1项" in first
    assert "附件：1．按承办单位统计的办理情况" in first and "统计口径见附件1的注" in first
    # dated with its 成文日期, the figures as of the day the text states
    assert first.endswith("上海市崇明区人民政府办公室2024年7月2日—2—") and result.pages == len(pdf.pages)


def test_the_report_is_addressed_to_its_recipient(tmp_path):
    from dataclasses import replace

    out = tmp_path / "stats.pdf"
    write_statistics_report(out, replace(data(), recipient="区人民政府"))
    with pdfplumber.open(out) as pdf:
        assert page_text(pdf.pages[0]).startswith("关于2024年建议提案办理情况的统计报告区人民政府：截至2024年6月30日")


def test_each_dimension_has_its_appendix_in_landscape(printed):
    _result, pdf = printed
    portrait = [p for p in pdf.pages if p.width < p.height]
    assert pdf.pages[:len(portrait)] == portrait  # the text first, then the tables
    texts = [page_text(p) for p in landscape(pdf)]
    starts = [i for i, t in enumerate(texts) if t.startswith("附件")]
    assert len(starts) == 3 and starts[0] == 0
    assert "按承办单位统计的办理情况（截至2024年6月30日）" in texts[0]
    assert "按届次统计的办理情况" in texts[starts[1]] and "按类别统计的办理情况" in texts[starts[2]]


def test_the_figures_are_footnoted_with_their_definitions(printed):
    _result, pdf = printed
    notes = "".join(page_text(p) for p in landscape(pdf))
    assert "各项指标的统计口径如下" in notes
    assert "按期办复率：在到期日（含经批准的延期）当日或之前答复的件数" in notes
    assert "尚未到期且未答" in notes
    assert "电话、专题会议及交办前的沟通不计" in notes
    assert "满意率（按人次）：办理结果评价为满意或基本满意的反馈表份数" in notes


def test_a_period_is_printed_with_the_as_of_day(tmp_path):
    from desktop_app.domain.statistics import make_period

    period = make_period(date(2024, 1, 1), date(2024, 12, 31))
    out = tmp_path / "period.pdf"
    write_statistics_report(out, StatisticsReportData(handling_report(items(), AS_OF, period), "", "区政府办公室",
                                                      date(2024, 7, 2)))
    with pdfplumber.open(out) as pdf:
        assert "截至2024年6月30日，2024年度中，共承办建议提案4件" in portrait_text(pdf)
        assert "按承办单位统计的办理情况（截至2024年6月30日，2024年度）" in page_text(landscape(pdf)[0])


def test_unit_rows_carry_their_own_figures(printed):
    _result, pdf = printed
    page = between(landscape(pdf)[0], "（一）", "（二）")
    # 件数, 办复率, 按期办复率, 见面率, 公开率, 逾期未公开, 会办意见, 会办意见按期率
    assert row_cells(page, "区交通委") == ["区交通委", "3", "100.0%3/3", "66.7%2/3", "33.3%1/3", "0.0%0/2",
                                         "0", "0", "—0/0"]
    assert row_cells(page, "区住建委") == ["区住建委", "2", "50.0%1/2", "50.0%1/2", "0.0%0/1", "0.0%0/1",
                                         "0", "0", "—0/0"]
    # The 合计 counts each item once (item 4 has two lead units).
    assert row_cells(page, "合计")[:4] == ["合计", "4", "75.0%3/4", "50.0%2/4"]
    # (二) 满意情况, per item: 区交通委's 1 满意 and 4 不满意.
    table_two = between(landscape(pdf)[0], "（二）")
    assert row_cells(table_two, "区交通委")[:5] == ["区交通委", "50.0%1/2", "50.0%1/2", "0.0%0/2", "50.0%1/2"]


def test_results_rehandling_and_commitments_per_session(printed):
    _result, pdf = printed
    texts = [page_text(p) for p in landscape(pdf)]
    first = next(i for i, t in enumerate(texts) if t.startswith("附件2"))
    page = between(landscape(pdf)[first], "（一）", "（二）")
    first_table = row_cells(page, S1)
    assert first_table[:3] == [S1, "2", "100.0%2/2"]
    assert first_table[5] == "0.0%0/1"  # 公开率: item 2 is not public, item 1 not yet published
    results = landscape(pdf)[first + 1]
    assert "（三）办理结果（最终答复）、重新办理和承诺事项" in page_text(results)
    table_three = between(results, "（三）", "（四）")
    # 已经/正在/计划解决, 留作参考, 解决采纳率, 重新办理, 二次答复, 未落实, 超期, 承诺事项按期落实率
    assert row_cells(table_three, S1) == [S1, "50.0%1/2", "50.0%1/2", "0.0%0/2", "0.0%0/2", "100.0%2/2",
                                      "0", "0", "2", "1", "0.0%0/1"]
    assert row_cells(table_three, S2) == [S2, "0.0%0/1", "100.0%1/1", "0.0%0/1", "0.0%0/1", "100.0%1/1",
                                      "1", "1", "0", "0", "—0/0"]
    # (四) by the first reply: item 4 was 计划解决 first.
    table_four = between(results, "（四）", "注：")
    assert row_cells(table_four, S2) == [S2, "0.0%0/1", "0.0%0/1", "100.0%1/1", "0.0%0/1"]


def test_a_long_table_continues_with_its_caption_and_header_repeated(tmp_path):
    out = tmp_path / "长表.pdf"
    write_statistics_report(out, data(extra_units=40))
    with pdfplumber.open(out) as pdf:
        texts = [page_text(p) for p in pdf.pages if p.width > p.height]
    unit_pages = [t for t in texts if "测试单位" in t]
    assert len(unit_pages) >= 4
    for t in unit_pages:
        assert ("应办" in t and "见面率" in t) or ("满意率" in t and "按人次" in t) \
            or ("已经" in t and "留作" in t)  # the header row is there
    assert sum("附件1（一）办理情况（续）" in t for t in texts) >= 2
    assert sum("附件1（三）办理结果（最终答复）、重新办理和承诺事项（续）" in t for t in texts) >= 2
    for n in range(1, 41):  # every unit is printed, once per table
        assert sum(t.count(f"第{n:02d}测试单位") for t in texts) == 4
    for t in unit_pages:  # the 合计 row never stands alone on a continued page
        assert not ("（续）" in t and "合计" in t and t.count("测试单位") == 0)


def test_an_empty_register_prints_a_short_report():
    report = handling_report([], AS_OF)
    assert summary_paragraphs(report) == ["截至2024年6月30日，没有应办的建议提案。"]
