"""The seed's 审议意见问题整改清单 printed as the landscape appendix and read back from the PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pytest

from desktop_app.documents.fonts import find_fonts
from desktop_app.documents.rectification_appendix import (
    CELL_SIZE,
    LEAD,
    PAD_Y,
    REPEATED,
    SPLIT_HEAD,
    AppendixLayout,
    first_table_top,
)
from desktop_app.documents.rectification_report import RectificationReport, write_rectification_pdf
from desktop_app.domain.rectification import COLUMNS, Appendix, RectificationEntry

from .conftest import number_chars

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
    pieces = [piece.row for page in layout.paginate(first_table_top(appendix)) for piece in page.pieces]
    for col in range(1, 6):
        printed_text = ""
        for cols in pages:
            assert cols[col].startswith(COLUMNS[col]), f"第 {col + 1} 列表头缺失"
            printed_text += cols[col][len(COLUMNS[col]):]
        if col in REPEATED:  # 责任单位, 整改期限: whole on every piece of a row split across pages
            expected = "".join(squash(appendix.rows[row].cells()[col]) for row in pieces)
        else:
            expected = "".join(squash(row.cells()[col]) for row in appendix.rows)
        assert squash(printed_text) == expected
    assert len(pieces) > len(appendix.rows)  # some rows do run onto the next page


def test_no_piece_of_a_split_row_is_one_or_two_lines(printed):
    appendix, _out, _result, layout = printed
    for page in layout.paginate(first_table_top(appendix)):
        for piece in page.pieces:
            lines = max(e - s for col, (s, e) in enumerate(zip(piece.starts, piece.ends)) if col not in REPEATED)
            assert lines >= 3 or all(s == 0 for s in piece.starts) and piece.ends == [
                len(c) for c in layout.cells[piece.row]], "拆页的行不应只剩一两行"


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


def test_landscape_pages_numbered_at_the_binding_side(printed):
    """Where the numbers go exactly is test_landscape_page_numbers; here: every page numbered,
    turned, in the left margin, odd ones towards the foot and even ones towards the head."""
    _appendix, out, result, layout = printed
    with pdfplumber.open(out) as pdf:
        first = pdf.pages[0]
        assert first.width > first.height
        words = first.extract_text()
        assert words.startswith("附件") and "审议意见问题整改清单" in words
        for n, page in enumerate(pdf.pages, start=1):
            number = number_chars(page)
            assert "".join(c["text"] for c in number).replace(" ", "") == f"—{n}—"
            assert not any(c["upright"] for c in number) and number[-1]["x1"] < layout.x[0]
            mid = (number[0]["top"] + number[-1]["bottom"]) / 2
            assert (mid > page.height / 2) == (n % 2 == 1)  # odd towards the foot, even towards the head


def test_a_long_row_runs_on_so_that_page_one_is_full(printed):
    """The seed's second row does not fit under the first: it starts at the foot of page 1 and its
    cells go on at the top of page 2, under the repeated header, each in order."""
    appendix, out, _result, layout = printed
    with pdfplumber.open(out) as pdf:
        first = pdf.pages[0]
        ruled = [line for line in first.lines if abs(line["top"] - line["bottom"]) < 0.1]
        table_bottom = max(line["top"] for line in ruled)
        block_bottom = layout.g.top + layout.g.block_height
        assert block_bottom - CELL_SIZE * 2 < table_bottom <= block_bottom + 1
    pages = columns_by_page(out, layout.x)
    first_rows = "".join(squash(row.problem) for row in appendix.rows[:2])
    on_one = pages[0][1][len(COLUMNS[1]):]
    on_two = pages[1][1][len(COLUMNS[1]):]
    assert first_rows.startswith(on_one) and len(on_one) > len(squash(appendix.rows[0].problem))
    assert (on_one + on_two).startswith(first_rows)  # the cut row's text goes on in order
    assert on_two.startswith(first_rows[len(on_one):][:10])


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
        # With the 版头 the short report runs onto a second portrait page.
        text = squash("".join(p.extract_text() for p in pdf.pages if p.width < p.height))
        for part in ("沪崇府发〔2024〕45号", "区人大常委会：", "一是提高思想认识。", "附件：审议意见问题整改清单",
                     "2024年10月30日", "（此件公开发布）"):
            assert part in text
        assert "**" not in text
        appendix_page = next(i for i, p in enumerate(pdf.pages) if p.width > p.height)
        assert squash(pdf.pages[appendix_page].extract_text()).startswith("附件审议意见问题整改清单")
        number = "".join(c["text"] for c in number_chars(pdf.pages[appendix_page]))
        assert number.replace(" ", "") == f"—{appendix_page + 1}—"


def test_short_rows_move_whole_rather_than_split():
    """Rows of a few lines are not cut even where three of their lines would fit at a page's foot."""
    text = "各承办单位要进一步压实办理责任，转变工作理念，把办实事、求实效、抓落实作为办理工作的出发点和落脚点。"
    rows = tuple(RectificationEntry(f"{'一二三'[i // 5]}、方面", text * n, text, text * n, "区政府办公室", "持续推进")
                 for i, n in enumerate([4, 1, 1, 1, 2, 1, 1, 3, 1, 1, 1, 2, 1, 1]))
    layout = AppendixLayout(Appendix("审议意见问题整改清单", rows), find_fonts())
    pages = layout.paginate(layout.g.top + 100)
    bottom = layout.g.top + layout.g.block_height
    third = (layout.g.block_height - layout.header_height) / 3
    moved_past_room = False
    for before, page in zip(pages, pages[1:]):
        room = bottom - before.top - layout.header_height - sum(p.height for p in before.pieces)
        first = page.pieces[0]
        if first.starts == [0] * 6 and room >= SPLIT_HEAD * LEAD + 2 * PAD_Y:
            moved_past_room = True
    assert moved_past_room, "the case needs a page with room for three lines left before a short row"
    pieces = [p for page in pages for p in page.pieces]
    for index in range(len(rows)):
        mine = [p for p in pieces if p.row == index]
        if max(len(c) for c in layout.cells[index]) * LEAD + 2 * PAD_Y <= third:
            assert len(mine) == 1, f"第 {index + 1} 行被拆到两页"
