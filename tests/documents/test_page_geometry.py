"""GB/T 9704 geometry measured on a printed multi-page reply letter read back from the PDF."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from desktop_app.documents.builder import write_document
from desktop_app.documents.geometry.page import A4_GBT9704 as G
from desktop_app.documents.geometry.page import MM
from desktop_app.documents.linebreak import CLOSING

from .conftest import SAMPLE, page_sizes, read_lines, reply_data

NUMBER = re.compile(r"^— (\d+) —$")


@pytest.fixture(scope="module")
def letter(tmp_path_factory):
    from desktop_app.documents.model import LetterSettings

    path = tmp_path_factory.mktemp("pdf") / "letter.pdf"
    result = write_document(path, "reply", [reply_data()], LetterSettings())
    return path, result, read_lines(path)


def body_lines(page):
    return [line for line in page if abs(line.size - 16) < 0.1 and not NUMBER.match(line.text)]


def test_every_page_is_a4_and_the_letter_runs_to_several_pages(letter):
    path, result, _pages = letter
    assert result.pages >= 4
    for width, height in page_sizes(path):
        assert width == pytest.approx(210 * MM, abs=0.5)
        assert height == pytest.approx(297 * MM, abs=0.5)


def test_fonts_are_embedded_as_subsets(letter):
    path, _, pages = letter
    data = path.read_bytes()
    assert b"/FontFile2" in data
    fonts = set().union(*(line.fonts for page in pages for line in page))
    assert fonts and all(re.match(r"^[A-Z]{6}\+", name) for name in fonts)


def test_all_text_is_printed_in_order(letter):
    _, _, pages = letter
    printed = "".join(line.text for page in pages for line in body_lines(page))
    printed = re.sub(r"\s", "", printed)
    expected = re.sub(r"\s", "", SAMPLE.replace("**", ""))
    assert expected in printed


def test_text_block_left_edge_is_28_mm(letter):
    _, _, pages = letter
    lefts = [line.x0 for line in body_lines(pages[1])]
    assert min(lefts) == pytest.approx(28 * MM, abs=1 * MM)


def test_first_line_of_a_page_sits_in_the_first_grid_line(letter):
    _, _, pages = letter
    first = body_lines(pages[1])[0]
    # The 3号 em box is centred in the first of 22 lines that fill the 225 mm block from 37 mm.
    em_top = first.baseline - 0.88 * 16
    assert em_top == pytest.approx(37 * MM + (G.pitch - 16) / 2, abs=0.5)


def test_line_pitch_puts_22_lines_in_the_block(letter):
    _, _, pages = letter
    lines = body_lines(pages[1])
    assert len(lines) == 22
    gaps = [b.baseline - a.baseline for a, b in pairwise(lines)]
    for gap in gaps:
        assert gap == pytest.approx(225 * MM / 22, abs=0.5)


def test_full_lines_hold_at_most_28_characters(letter):
    _, _, pages = letter
    widths = [sum(1 if ord(ch) > 0xFF else 0.5 for ch in line.text)
              for page in pages for line in body_lines(page)]
    assert max(widths) <= 28
    assert widths.count(28) > 20  # most full lines really are 28 characters


def test_no_line_starts_with_closing_punctuation(letter):
    _, _, pages = letter
    bad = [line.text for page in pages for line in page if line.text[0] in CLOSING]
    assert bad == []


def test_every_page_with_text_is_numbered_except_the_first_and_a_record_only_page(letter):
    _, result, pages = letter
    numbers = {}
    for index, page in enumerate(pages, start=1):
        found = [line for line in page if NUMBER.match(line.text)]
        numbers[index] = found[0] if found else None
    assert numbers[1] is None  # 信函格式: no number on page 1
    for index in range(2, result.pages + 1):
        text = [line for line in body_lines(pages[index - 1]) if not line.text.startswith("抄送")]
        line = numbers[index]
        if not text:  # a page that holds nothing but the 版记 (GB/T 9704 §7.5)
            assert line is None
            continue
        assert NUMBER.match(line.text).group(1) == str(index)
        assert line.baseline - 0.88 * 14 == pytest.approx(G.bottom + 7 * MM, abs=0.5)
        if index % 2:
            assert line.x1 == pytest.approx(G.right - 14, abs=1)
        else:
            assert line.x0 == pytest.approx(G.left + 14, abs=1)
