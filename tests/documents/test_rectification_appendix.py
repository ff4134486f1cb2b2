"""The seed's 审议意见问题整改清单 printed as the landscape appendix and read back from the PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pytest

from desktop_app.documents.fonts import find_fonts
from desktop_app.documents.rectification_appendix import CELL_SIZE, AppendixLayout
from desktop_app.documents.rectification_report import RectificationReport, write_rectification_pdf
from desktop_app.domain.rectification import COLUMNS, Appendix, RectificationEntry

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed_appendix.json"


def seed_appendix() -> Appendix:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return Appendix(data["title"], tuple(RectificationEntry(**row) for row in data["rows"]))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def columns_by_page(path: Path, x: list[float]) -> list[list[str]]:
    """Per page, the table text of each column (cell-size characters, read top to bottom)."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = [c for c in page.chars if abs(c["size"] - CELL_SIZE) < 0.5]
            cols = []
            for i in range(6):
                mine = [c for c in chars if x[i] <= (c["x0"] + c["x1"]) / 2 < x[i + 1]]
                mine.sort(key=lambda c: (round(c["top"]), c["x0"]))
                cols.append("".join(c["text"] for c in mine))
            pages.append(cols)
    return pages


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    appendix = seed_appendix()
    out = tmp_path_factory.mktemp("pdf") / "appendix.pdf"
    result = write_rectification_pdf(out, None, appendix)
    layout = AppendixLayout(appendix, find_fonts())
    return appendix, out, result, layout


def test_every_cell_is_printed_in_order_with_the_header_on_every_page(printed):
    appendix, out, result, layout = printed
    pages = columns_by_page(out, layout.x)
    assert result.pages == len(pages) >= 3
    for col in range(1, 6):
        printed_text = ""
        for cols in pages:
            assert cols[col].startswith(COLUMNS[col]), f"第 {col + 1} 列表头缺失"
            printed_text += cols[col][len(COLUMNS[col]):]
        expected = "".join(squash(row.cells()[col]) for row in appendix.rows)
        assert squash(printed_text) == expected


def test_each_aspect_once_per_page_and_marked_continued(printed):
    appendix, out, _result, layout = printed
    aspects = list(dict.fromkeys(r.aspect for r in appendix.rows))
    seen_before: set[str] = set()
    continued_somewhere = False
    for cols in columns_by_page(out, layout.x):
        text = cols[0]
        assert text.startswith("主要方面")
        text = text[len("主要方面"):]
        on_page = [a for a in aspects if squash(a) in text]
        assert on_page, "每页都应印出所在的主要方面"
        rebuilt = ""
        for a in on_page:
            assert text.count(squash(a)) == 1
            mark = "（续）" if a in seen_before else ""
            continued_somewhere |= bool(mark)
            rebuilt += squash(a) + mark
        assert text == rebuilt
        seen_before |= set(on_page)
    assert continued_somewhere
    assert seen_before == set(aspects)


def test_landscape_pages_numbered_like_portrait_pages(printed):
    _appendix, out, result, _layout = printed
    with pdfplumber.open(out) as pdf:
        first = pdf.pages[0]
        assert first.width > first.height
        words = first.extract_text()
        assert words.startswith("附件") and "审议意见问题整改清单" in words
        for n, page in enumerate(pdf.pages, start=1):
            number = [c for c in page.chars if abs(c["size"] - 14) < 0.5]
            assert "".join(c["text"] for c in number).replace(" ", "") == f"—{n}—"
            mid = (number[0]["x0"] + number[-1]["x1"]) / 2
            assert (mid > page.width / 2) == (n % 2 == 1)  # odd right, even left


def test_short_columns_are_narrow_and_long_ones_share_the_rest(printed):
    _appendix, _out, _result, layout = printed
    widths = layout.widths
    assert abs(sum(widths) - layout.g.block_width) < 1
    assert widths[5] < widths[1] and widths[4] < widths[1] and widths[0] < widths[3]
    assert widths[3] == max(widths)  # 整改措施 holds the most text


def test_the_whole_report_comes_first_then_the_appendix(tmp_path):
    report = RectificationReport(
        "沪崇府发〔2024〕45号", "上海市崇明区人民政府办理区人大常委会关于代表建议办理情况报告审议意见的报告",
        "区人大常委会", "区二届人大常委会第二十二次会议听取和审议了报告。\n一、关于进一步压实办理责任，强化办理成效\n"
        "办好代表建议是重要途径。**一是提高思想认识。**在区政府常务会议上提出明确要求。",
        "上海市崇明区人民政府", __import__("datetime").date(2024, 10, 30))
    out = tmp_path / "report.pdf"
    result = write_rectification_pdf(out, report, seed_appendix())
    with pdfplumber.open(out) as pdf:
        assert result.pages == len(pdf.pages)
        first = pdf.pages[0]
        assert first.width < first.height
        text = squash(first.extract_text())
        for part in ("沪崇府发〔2024〕45号", "区人大常委会：", "一是提高思想认识。", "附件：审议意见问题整改清单",
                     "2024年10月30日", "（此件公开发布）"):
            assert part in text
        assert "**" not in text
        appendix_page = next(i for i, p in enumerate(pdf.pages) if p.width > p.height)
        assert squash(pdf.pages[appendix_page].extract_text()).startswith("附件审议意见问题整改清单")
        number = "".join(c["text"] for c in pdf.pages[appendix_page].chars if abs(c["size"] - 14) < 0.5)
        assert number.replace(" ", "") == f"—{appendix_page + 1}—"
