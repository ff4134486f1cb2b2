"""The 文件格式 版头 of the printed rectification report (GB/T 9704-2012 7.2, 7.3.1), read back
from the PDF: red 发文机关标志 35 mm below the text block's top, 文号 centred two lines below it, a
red rule as wide as the block 4 mm below the 文号, the title two lines below the rule; 套打 leaves
the mark and rule out; without a 版头 the page is as before."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pdfplumber
import pytest

from desktop_app.documents.geometry.page import A4_GBT9704 as G
from desktop_app.documents.geometry.page import EM_ASCENT, MM, SIZE_2, SIZE_3
from desktop_app.documents.model import Issuer
from desktop_app.documents.rectification_report import RectificationReport, write_rectification_pdf
from tests.documents.test_rectification_appendix import seed_appendix

from .conftest import number_chars

BLOCK_CENTRE = G.left + G.block_width / 2  # 版心 28 mm from the left, 26 mm from the right
MARK = "上海市崇明区人民政府文件"
NUMBER = "沪崇府发〔2024〕45号"
TITLE = "上海市崇明区人民政府办理区人大常委会关于代表建议办理情况报告审议意见的报告"
REPORT = RectificationReport(
    NUMBER, TITLE, "区人大常委会",
    "区二届人大常委会第二十二次会议听取和审议了区政府所作的报告。\n一、关于进一步压实办理责任，强化办理成效\n"
    "办好代表建议是重要途径。**一是提高思想认识。**在区政府常务会议上提出明确要求。",
    "上海市崇明区人民政府", date(2024, 10, 30))


def is_red(colour) -> bool:
    return bool(colour) and len(colour) == 3 and colour[0] > 0.8 and colour[1] < 0.1 and colour[2] < 0.2


def line_of(page, text: str) -> list[dict]:
    """The characters of the printed line that holds ``text`` (grouped by baseline)."""
    rows: dict[float, list] = {}
    for ch in page.chars:
        rows.setdefault(round(ch["matrix"][5], 1), []).append(ch)
    for chars in rows.values():
        chars.sort(key=lambda c: c["x0"])
        if text in "".join(c["text"] for c in chars):
            return chars
    raise AssertionError(f"no line holds {text}")


def em_top(page, chars: list[dict]) -> float:
    """Top of the em box, from the page top."""
    return page.height - chars[0]["matrix"][5] - EM_ASCENT * chars[0]["size"]


def centre(chars: list[dict]) -> float:
    return (chars[0]["x0"] + chars[-1]["x1"]) / 2


def printed(tmp_path, letterhead="full", report=REPORT):
    out = tmp_path / f"{letterhead}.pdf"
    write_rectification_pdf(out, report, seed_appendix(), letterhead=letterhead)
    return out


def test_the_issuer_mark_is_red_centred_35_mm_below_the_text_block(tmp_path):
    with pdfplumber.open(printed(tmp_path)) as pdf:
        page = pdf.pages[0]
        mark = line_of(page, MARK)
        assert "".join(c["text"] for c in mark) == MARK
        assert all(is_red(c["non_stroking_color"]) for c in mark)
        assert centre(mark) == pytest.approx(BLOCK_CENTRE, abs=1)
        assert em_top(page, mark) == pytest.approx((37 + 35) * MM, abs=1)
        assert 30 <= mark[0]["size"] <= 36 and mark[-1]["x1"] - mark[0]["x0"] <= 156 * MM


def test_number_rule_and_title_follow_the_mark(tmp_path):
    with pdfplumber.open(printed(tmp_path)) as pdf:
        page = pdf.pages[0]
        mark, number, title = line_of(page, MARK), line_of(page, NUMBER), line_of(page, "政府办理")
        mark_bottom = em_top(page, mark) + mark[0]["size"]
        # 下空二行: the 文号 sits on the third line below the mark, centred in its line cell.
        assert em_top(page, number) == pytest.approx(mark_bottom + 2 * G.pitch + (G.pitch - SIZE_3) / 2, abs=1)
        assert centre(number) == pytest.approx(BLOCK_CENTRE, abs=1)
        assert not any(is_red(c["non_stroking_color"]) for c in number + title)
        rules = [r for r in page.lines if is_red(r["stroking_color"])]
        assert len(rules) == 1
        rule = rules[0]
        assert rule["x0"] == pytest.approx(G.left, abs=0.5) and rule["x1"] == pytest.approx(G.right, abs=0.5)
        number_bottom = em_top(page, number) + SIZE_3
        assert rule["top"] - rule["linewidth"] / 2 == pytest.approx(number_bottom + 4 * MM, abs=1)
        # The title's first line starts two blank lines below the rule.
        rule_bottom = rule["top"] + rule["linewidth"] / 2
        assert em_top(page, title) == pytest.approx(rule_bottom + 2 * G.pitch + (G.pitch - SIZE_2) / 2, abs=1)
        assert centre(title) == pytest.approx(BLOCK_CENTRE, abs=1)


def test_preprinted_paper_gets_only_the_number_in_the_same_place(tmp_path):
    with pdfplumber.open(printed(tmp_path)) as full, pdfplumber.open(printed(tmp_path, "preprinted")) as blank:
        page = blank.pages[0]
        assert MARK not in page.extract_text().replace(" ", "")
        assert not any(is_red(c["non_stroking_color"]) for c in page.chars)
        assert not [r for r in page.lines if is_red(r["stroking_color"])]
        for text in (NUMBER, "政府办理", "区人大常委会："):
            assert em_top(page, line_of(page, text)) == pytest.approx(em_top(full.pages[0], line_of(full.pages[0], text)))


def test_without_a_head_the_number_starts_the_page_at_the_right(tmp_path):
    with pdfplumber.open(printed(tmp_path, "none")) as pdf:
        page = pdf.pages[0]
        assert MARK not in page.extract_text().replace(" ", "") and not page.lines
        number = line_of(page, NUMBER)
        assert number[-1]["x1"] == pytest.approx(G.right, abs=1)
        assert em_top(page, number) == pytest.approx(G.top + (G.pitch - SIZE_3) / 2, abs=1)


def test_an_edited_or_long_mark_fits_the_text_block(tmp_path):
    long_mark = "上海市崇明区人民政府办公室人民代表大会常务委员会文件"
    out = printed(tmp_path, report=replace(REPORT, issuer_mark=long_mark))
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        mark = line_of(page, long_mark)
        assert mark[0]["x0"] >= G.left - 0.5 and mark[-1]["x1"] <= G.right + 0.5
        assert centre(mark) == pytest.approx(BLOCK_CENTRE, abs=1)
        assert em_top(page, mark) == pytest.approx((37 + 35) * MM, abs=1)


def text_without_numbers(page) -> str:
    numbers = {id(c) for c in number_chars(page)}
    return re.sub(r"\s+", "", "".join(c["text"] for c in page.chars if id(c) not in numbers))


def test_body_and_appendix_are_the_same_with_or_without_the_head(tmp_path):
    with pdfplumber.open(printed(tmp_path)) as full, pdfplumber.open(printed(tmp_path, "none")) as plain:
        def parts(pdf):
            portrait = "".join(text_without_numbers(p) for p in pdf.pages if p.width < p.height)
            landscape = [text_without_numbers(p) for p in pdf.pages if p.width > p.height]
            return portrait, landscape

        full_text, full_appendix = parts(full)
        plain_text, plain_appendix = parts(plain)
        assert full_text == MARK + plain_text
        assert full_appendix == plain_appendix


def test_an_unknown_mode_is_refused(tmp_path):
    with pytest.raises(ValueError):
        printed(tmp_path, "red")


@pytest.fixture
def saved_list(ctx):
    from desktop_app.documents.model import LetterSettings
    from desktop_app.services.letters import LetterService
    from desktop_app.services.rectification import RectificationService
    from desktop_app.services.rectification_dto import RectificationListInfo

    LetterService(ctx).save_settings(LetterSettings(unit_name="上海市崇明区人民政府"))
    RectificationService(ctx).save_list(RectificationListInfo(
        0, "审议意见问题整改清单", opinion_issuer="区人大常委会", report_doc_number=NUMBER, report_title=TITLE,
        report_date=date(2024, 10, 30), report_body="现将有关情况报告如下："))
    return ctx


def test_the_service_signs_the_mark_with_our_unit_unless_told(saved_list):
    from desktop_app.services.rectification import RectificationService

    service = RectificationService(saved_list)
    assert service.print_data(1, with_report=True)[0].mark_text == MARK
    assert service.print_data(1, with_report=True, issuer_mark=" 崇明区人民政府文件 ")[0].mark_text == "崇明区人民政府文件"


def test_command_line_letterhead_and_mark(saved_list, tmp_path, capsys):
    from desktop_app.bootstrap import main

    db = str(saved_list.db.path)
    runs = {"full": [], "blank": ["--letterhead", "blank"], "none": ["--letterhead", "none"],
            "mark": ["--mark", "崇明区人民政府文件"]}
    for name, extra in runs.items():
        assert main(["print", "appendix", "1", "--report", "--db", db, "--out", str(tmp_path / f"{name}.pdf"), *extra]) == 0
    capsys.readouterr()
    with pdfplumber.open(tmp_path / "full.pdf") as pdf:
        assert "".join(c["text"] for c in line_of(pdf.pages[0], MARK)) == MARK
    with pdfplumber.open(tmp_path / "mark.pdf") as pdf:
        assert all(is_red(c["non_stroking_color"]) for c in line_of(pdf.pages[0], "崇明区人民政府文件"))
    for name in ("blank", "none"):
        with pdfplumber.open(tmp_path / f"{name}.pdf") as pdf:
            assert not any(is_red(c["non_stroking_color"]) for c in pdf.pages[0].chars)
            assert NUMBER in pdf.pages[0].extract_text().replace(" ", "")
    assert main(["print", "appendix", "1", "--report", "--letterhead", "red", "--db", db,
                 "--out", str(tmp_path / "x.pdf")]) != 0
    assert "--letterhead" in capsys.readouterr().err


def test_command_line_prints_the_head_saved_with_the_list_unless_told(saved_list, tmp_path, capsys):
    from desktop_app.bootstrap import main
    from desktop_app.services.rectification import RectificationService

    service = RectificationService(saved_list)
    service.save_list(service.list_info(1), head=("preprinted", ""))
    db = str(saved_list.db.path)
    assert main(["print", "appendix", "1", "--report", "--db", db, "--out", str(tmp_path / "saved.pdf")]) == 0
    assert main(["print", "appendix", "1", "--report", "--letterhead", "full", "--db", db,
                 "--out", str(tmp_path / "told.pdf")]) == 0
    capsys.readouterr()
    with pdfplumber.open(tmp_path / "saved.pdf") as pdf:
        assert not any(is_red(c["non_stroking_color"]) for c in pdf.pages[0].chars)  # 套打, as saved
    with pdfplumber.open(tmp_path / "told.pdf") as pdf:
        assert "".join(c["text"] for c in line_of(pdf.pages[0], MARK)) == MARK


GOVERNMENT = Issuer("区人民政府", mark="上海市崇明区人民政府", doc_number_pattern="沪崇府发〔{年}〕{号}号",
                    signature="上海市崇明区人民政府")
TRANSPORT = Issuer("区交通委", mark="上海市崇明区交通委员会", short_name="崇交委")


def test_the_report_is_headed_by_its_issuer_and_warns_when_its_parts_name_another_unit(tmp_path):
    out = tmp_path / "report.pdf"
    result = write_rectification_pdf(out, replace(REPORT, issuer=GOVERNMENT), seed_appendix())
    assert result.notes == ()
    with pdfplumber.open(out) as pdf:
        assert MARK in pdf.pages[0].extract_text()  # the issuer's 标志 + 文件
    # The demo's old mistake: a 区交通委 head over the government's 文号 and title.
    wrong = write_rectification_pdf(tmp_path / "wrong.pdf", replace(REPORT, issuer=TRANSPORT), seed_appendix())
    assert [note.split("。")[0] for note in wrong.notes] == [
        "文号“沪崇府发〔2024〕45号”的机关代字不是发文单位区交通委的“崇交委”",
        "署名“上海市崇明区人民政府”与发文单位区交通委（署名“区交通委”）不一致",
        "标题以“上海市崇明区人民政府”开头，发文单位却是区交通委",
    ]
    assert wrong.notes[0] in wrong.warning


def test_the_record_closes_the_document_after_the_appendix_on_an_unnumbered_page(tmp_path):
    out = tmp_path / "report.pdf"
    report = replace(REPORT, issuer=GOVERNMENT, cc="区委办公室，区人大常委会办公室",
                     printed_by="上海市崇明区人民政府办公室", printed_on=date(2024, 11, 1))
    result = write_rectification_pdf(out, report, seed_appendix())
    with pdfplumber.open(out) as pdf:
        last = pdf.pages[-1]
        assert result.pages == len(pdf.pages) and last.width < last.height  # portrait, after the landscape table
        assert last.extract_text().splitlines() == ["抄送：区委办公室，区人大常委会办公室。",
                                                    "上海市崇明区人民政府办公室 2024年11月1日印发"]
        assert not re.search(r"— \d+ —", last.extract_text())  # the 版记 page alone: no number (§7.5)
        rules = [r for r in last.lines if r["x1"] - r["x0"] > 100]
        assert len(rules) == 3  # GB/T 9704 §7.4: above, between and below the 版记's lines
        assert not any("抄送" in p.extract_text() for p in pdf.pages[:-1])
