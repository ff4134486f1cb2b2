"""The 回头看 report printed from a hand-made report and read back: title, counts by category and
by unit in tables, the lists, page numbers, the header repeated when a list runs on, and 涉密
items never printed."""

from __future__ import annotations

import re
from datetime import date

import pdfplumber
import pytest

from desktop_app.documents.geometry.page import A4_GBT9704
from desktop_app.documents.review_report import CELL_SIZE, review_pdf_bytes, write_review_pdf
from desktop_app.domain.enums import ItemKind, ReviewCategory, ReviewOutcome
from desktop_app.domain.review import ReviewEntryRow, build_report
from tests.documents.conftest import read_lines

DAY = date(2024, 11, 20)


def entry(i, category, units="区交通委", outcome=None, note="", secret=False, tell=False, subject=""):
    return ReviewEntryRow(i, 1, i, category, "区二届人大五次会议", f"{i:04d}", f"关于第{i}件事项的建议",
                          ItemKind.SUGGESTION, units, reason="答复结果为已经解决", subject=subject, note=note,
                          outcome=outcome, reviewed_on=DAY if outcome else None, tell_deputy=tell, is_secret=secret)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    rows = [
        entry(1, ReviewCategory.SOLVED, outcome=ReviewOutcome.CONFIRMED, note="现场核实道路已修复"),
        entry(2, ReviewCategory.SOLVED, "区教育局", outcome=ReviewOutcome.CHANGED, note="学位需求再次上升", tell=True),
        entry(3, ReviewCategory.REFERENCE, "区交通委、区教育局"),
        entry(4, ReviewCategory.COMMITMENT, subject="年底前完成桥梁加固"),
        entry(5, ReviewCategory.SOLVED, secret=True),
    ] + [entry(100 + i, ReviewCategory.IN_PROGRESS, note="按承诺推进，" * 6) for i in range(30)]
    report = build_report(2024, "2024年建议提案办理“回头看”情况", rows, DAY)
    out = tmp_path_factory.mktemp("pdf") / "review.pdf"
    result = write_review_pdf(out, report, "上海市崇明区交通委员会")
    return report, out, result


def test_title_summary_and_count_tables(printed):
    _report, out, result = printed
    pages = read_lines(out)
    assert result.pages == len(pages) >= 3
    first = [squash(line.text) for line in pages[0]]
    assert first[0] == "2024年建议提案办理“回头看”情况" and pages[0][0].size == 22
    assert "（截至2024年11月20日）" in first
    body = "".join(first)
    assert "本次回头看共列入35条" in body and "已回头看2条" in body and "需告知代表1条" in body
    assert "涉密件1条计入上述数字，不在清单中列出" in body
    assert "一、按类别统计" in first and "二、按主办单位统计" in first
    assert "已经解决复核3211" in first  # 类别 | 条数 | 已回头看 | 未回头看 | 需告知代表
    assert "合计352331" in first
    # 主办单位 | 5 categories | 合计 | 已回头看; an entry of two lead units counts for each
    assert "区交通委230101341" in first and "区教育局1010021" in first


def test_lists_repeat_their_header_and_keep_secret_items_out(printed):
    report, out, _result = printed
    pages = read_lines(out)
    lines = [squash(line.text) for page in pages for line in page]
    text = "".join(lines)
    assert any("关于第1件事项的" in line for line in lines)
    # 建议 goes on together (the row reads 五次会议 | 建议 …), never 议 alone on a last line
    assert any(line.startswith("五次会议建议") for line in lines)
    assert not any("关于第5件" in line for line in lines)
    assert "承诺：年底前完成桥梁加固" in text
    assert "（二）正在/计划解决进度（30条）" in text
    headers = [i for i, page in enumerate(pages)
               if any(squash(line.text).startswith("届次编号标题主办单位结果") for line in page)]
    assert len(headers) >= 4  # 3 list sections, and the 30-row list runs onto a new page with its header
    assert [squash(line.text) for line in pages[-1][-3:]] == ["上海市崇明区交通委员会", "2024年11月20日",
                                                              f"—{len(pages)}—"]


def test_page_numbers_and_cells_stay_inside_the_text_block(printed):
    _report, out, _result = printed
    g = A4_GBT9704
    with pdfplumber.open(out) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_text().splitlines()
            assert f"— {number} —" in words[-1]
            cells = [c for c in page.chars if abs(c["size"] - CELL_SIZE) < 0.5]
            if number == len(pdf.pages) and not cells:
                continue  # the signature's page, when the last table filled the page before
            assert cells and min(c["x0"] for c in cells) >= g.left - 0.5
            assert max(c["x1"] for c in cells) <= g.left + g.block_width + 0.5
            assert max(c["bottom"] for c in cells) <= g.top + g.block_height + 1


def test_an_empty_campaign_still_prints():
    data, result = review_pdf_bytes(build_report(2024, "2024年回头看", [], DAY))
    assert data.startswith(b"%PDF") and result.pages == 1
