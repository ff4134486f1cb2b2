"""Every letter the app prints, read back: page numbers on the right pages, the issuer's
letterhead, titles broken only between words, no paragraph ending with one character alone, only
the fonts it uses declared, and a 信函's 版记 without rules."""

from __future__ import annotations

import re
from datetime import date

import pdfplumber
import pytest

from desktop_app.documents.builder import write_document
from desktop_app.documents.geometry.page import A4_GBT9704 as G
from desktop_app.documents.model import Issuer, LetterSettings, SimpleLetterData

from .conftest import SAMPLE, read_lines, reply_data

WATER = Issuer("区水务局", mark="上海市崇明区水务局", short_name="崇水", signature="上海市崇明区水务局")
OFFICE = Issuer("区政府办公室", mark="上海市崇明区人民政府办公室", doc_number_pattern="崇府办〔{年}〕{号}号")
NUMBER = re.compile(r"^— (\d+) —$")
LONG = "\n".join(SAMPLE.replace("**", "").splitlines()[:12])


def simple(title: str, issuer: Issuer, body: str = LONG) -> SimpleLetterData:
    return SimpleLetterData(title=title, recipient="区交通委", paragraphs=(*body.splitlines(), "特此通知。"),
                            unit_name=issuer.signed, dated=date(2024, 10, 30),
                            doc_number=issuer.doc_number(2024), issuer=issuer, cc="区人大常委会代表工作机构")


DOCUMENTS = {
    "reply": reply_data(issuer=WATER, unit_name="上海市崇明区水务局", doc_number="崇水〔2024〕45号"),
    "reminder": simple("关于催报区二届人大五次会议第0035号代表建议会办意见的通知", WATER),
    "extension": simple("关于区二届人大五次会议第0035号代表建议延期答复的报告", WATER, "因需要市级部门协调，特申请延期。"),
    "commitment_notice": simple("关于区二届人大五次会议第0035号代表建议承诺事项落实情况的告知函", WATER),
    "supervision": simple("关于督促办理建议提案有关事项的通知", OFFICE),
    "assignment": simple("关于交办建议提案的通知", OFFICE, "现将区二届人大五次会议建议提案1件交由贵单位办理。"),
}


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def printed(request, tmp_path_factory):
    form = request.param
    out = tmp_path_factory.mktemp("pdf") / f"{form}.pdf"
    data = DOCUMENTS[form]
    result = write_document(out, form, [data], LetterSettings(unit_name="上海市崇明区交通委员会"))
    return form, data, out, result, read_lines(out)


def test_printed_under_the_issuers_letterhead(printed):
    _form, data, _out, result, pages = printed
    red = [line.text for line in pages[0] if line.size > 22]
    assert red == [data.issuer.letterhead]  # never the letter settings' 上海市崇明区交通委员会
    assert result.notes == ()


def test_page_numbers_on_every_page_with_text_but_the_first(printed):
    _form, _data, _out, result, pages = printed
    for index, page in enumerate(pages, start=1):
        numbers = [line for line in page if NUMBER.match(line.text)]
        text = [line for line in page if abs(line.size - 16) < 0.1]
        if index == 1 or not text:
            assert numbers == []  # a 信函's first page; a page with nothing but the 版记
            continue
        assert len(numbers) == 1 and NUMBER.match(numbers[0].text).group(1) == str(index)
        if index % 2:  # odd pages at the right, even pages at the left, one 4号 character in
            assert numbers[0].x1 == pytest.approx(G.right - 14, abs=1)
        else:
            assert numbers[0].x0 == pytest.approx(G.left + 14, abs=1)
    assert result.pages >= 1


def test_title_breaks_between_words(printed):
    _form, data, _out, _result, pages = printed
    title = [line.text for line in pages[0] if abs(line.size - 22) < 0.1]
    expected = data.title if hasattr(data, "title") else "关于对区二届人大五次会议第0035号代表建议的答复"
    assert "".join(title) == expected
    if len(title) == 1:
        return
    # never inside 会议, 建议, 通知, 答复 …, never after 关于 or before 的
    first, second = title
    for word in ("会议", "建议", "通知", "答复", "告知函", "报告", "办理", "意见", "事项"):
        assert not (first.endswith(word[0]) and second.startswith(word[1:])), f"{first} / {second}"
    assert not first.endswith(("关于", "对")) and not second.startswith("的")


def test_no_paragraph_ends_with_one_character_alone(printed):
    _form, _data, _out, _result, pages = printed
    body = [line for page in pages for line in page if abs(line.size - 16) < 0.1 and line.x0 < G.left + 1]
    lone = [line.text for line in body if len(line.text.strip().rstrip("。，；：！？”）")) == 1]
    assert lone == []


def test_only_the_fonts_it_uses_are_declared(printed):
    _form, _data, out, _result, pages = printed
    used = {name.split("+")[-1] for line in (line for page in pages for line in page) for name in line.fonts}
    declared = {name.decode().split("+")[-1] for name in re.findall(rb"/BaseFont /([^\s/>]+)", out.read_bytes())}
    assert "Helvetica" not in declared
    assert declared == used


def test_a_letters_record_has_no_rules(printed):
    _form, _data, out, _result, pages = printed
    with pdfplumber.open(out) as pdf:
        last = pdf.pages[-1]
        cc = next(line for line in pages[-1] if line.text.startswith("抄送"))
        black = [r for r in last.lines if r.get("stroking_color") in ((0,), (0, 0, 0), [0], [0, 0, 0], None)
                 and abs(r["top"] - r["bottom"]) < 1 and r["x1"] - r["x0"] > 100]
        near = [r for r in black if abs(r["top"] - cc.baseline) < G.pitch]
    assert near == []  # GB/T 9704 §10.1: 信函 版记 不加分隔线
