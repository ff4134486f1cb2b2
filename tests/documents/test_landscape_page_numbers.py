"""Page numbers of landscape table pages (横排表格) read back from the PDF: each sits where the
portrait pages' number sits once the sheet is turned into the portrait document (table top along
the portrait left edge), turned −90° with it, and the numbering runs on from the portrait pages."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

from desktop_app.documents.geometry.page import MM
from desktop_app.documents.rectification_report import RectificationReport, write_rectification_pdf
from desktop_app.documents.statistics_report import write_statistics_report
from tests.documents.test_rectification_appendix import seed_appendix
from tests.documents.test_statistics_report import data as statistics_data

from .conftest import number_chars

PORTRAIT_WIDTH = 210 * MM  # the turned sheet: portrait x runs down the landscape page from its top


def portrait_anchor(page, number: int) -> tuple[float, float]:
    """(x, baseline) in PDF coordinates of the fixed end of the portrait number: the right end on
    odd pages (set flush right), the left end on even pages."""
    chars = number_chars(page)
    x = chars[-1]["x1"] if number % 2 else chars[0]["x0"]
    return x, chars[0]["matrix"][5]


def check_pages(path) -> dict[str, int]:
    """Assert the numbering of every page; returns how many landscape pages of each parity were
    compared with a portrait page of the same parity."""
    compared = {"odd": 0, "even": 0}
    with pdfplumber.open(path) as pdf:
        anchors = {}
        for n, page in enumerate(pdf.pages, start=1):
            if page.width < page.height:
                chars = number_chars(page)
                assert "".join(c["text"] for c in chars).replace(" ", "") == f"—{n}—"
                assert all(c["upright"] for c in chars)
                anchors.setdefault(n % 2, portrait_anchor(page, n))
        assert set(anchors) == {0, 1}, "the test needs portrait pages of both parities"
        for n, page in enumerate(pdf.pages, start=1):
            if page.width < page.height:
                continue
            chars = number_chars(page)
            assert "".join(c["text"] for c in chars).replace(" ", "") == f"—{n}—", f"第 {n} 页页码"
            for c in chars:  # turned −90°: the text runs down the page, the glyphs' tops face right
                assert not c["upright"]
                assert c["matrix"][:4] == pytest.approx((0, -1, 1, 0), abs=1e-6)
            px, py = anchors[n % 2]
            # Mapped: landscape (x, y) = (portrait y, 210 mm − portrait x).
            assert all(c["matrix"][4] == pytest.approx(py, abs=0.05) for c in chars)
            if n % 2:
                assert chars[-1]["y0"] == pytest.approx(PORTRAIT_WIDTH - px, abs=0.05)
                assert chars[-1]["y0"] < page.height / 2  # odd: near the left edge, towards the bottom
            else:
                assert chars[0]["matrix"][5] == pytest.approx(PORTRAIT_WIDTH - px, abs=0.05)
                assert chars[0]["y1"] > page.height / 2  # even: near the left edge, towards the top
            assert max(c["x1"] for c in chars) < 36 * MM  # in the margin, left of the table
            compared["odd" if n % 2 else "even"] += 1
    return compared


def test_the_appendix_pages_carry_the_portrait_numbers_turned_with_the_sheet(tmp_path):
    body = "\n".join(["区二届人大常委会第二十二次会议听取和审议了区政府关于代表建议办理情况的报告，"
                      "提出了审议意见。区政府高度重视，逐条研究，认真落实，现将有关情况报告如下。"] * 14)
    report = RectificationReport("沪崇府发〔2024〕45号", "关于代表建议办理情况报告审议意见的报告", "区人大常委会",
                                 body, "上海市崇明区人民政府", date(2024, 10, 30))
    out = tmp_path / "report.pdf"
    write_rectification_pdf(out, report, seed_appendix())
    compared = check_pages(out)
    assert compared["odd"] >= 2 and compared["even"] >= 2


def test_the_statistics_tables_are_numbered_the_same_way(tmp_path):
    # Forty more units: two portrait pages (a number of each parity to compare with) and several 附表 pages.
    out = tmp_path / "统计报告.pdf"
    write_statistics_report(out, statistics_data(extra_units=40))
    compared = check_pages(out)
    assert compared["odd"] >= 1 and compared["even"] >= 1
