"""The 答复函's elements as a reader finds them on the printed pages."""

from __future__ import annotations

from dataclasses import replace

import pdfplumber
import pytest

from desktop_app.documents.builder import to_pdf_bytes, write_document
from desktop_app.documents.forms.reply import reply_title
from desktop_app.documents.geometry.page import A4_GBT9704 as G
from desktop_app.documents.model import LETTERHEAD_PREPRINTED, LetterSettings
from desktop_app.domain.enums import Disclosure, ItemKind, ResultCategory

from .conftest import read_lines, reply_data

SHORT = "一、基本情况\n（一）道路现状。全区农村道路总长2400公里，已全部完成安全隐患排查。\n1.增设标志标线。\n（1）今年完成120处。"


def texts(pages):
    return [line.text for page in pages for line in page]


def write(tmp_path, data, settings, name="letter.pdf"):
    path = tmp_path / name
    result = write_document(path, "reply", [data], settings)
    return result, read_lines(path)


def test_short_letter_has_every_element_in_order(tmp_path, settings):
    data = reply_data(body="一、基本情况\n全区已完成排查。", signer="王五")
    result, pages = write(tmp_path, data, settings)
    assert result.pages == 1
    lines = texts(pages)
    expected = [
        "B", "上海市崇明区交通委员会", "签发人：王五", "崇交委〔2024〕45号",
        "关于对区二届人大五次会议", "第0035号代表建议的答复", "张三代表：", "一、基本情况",
        "本件由上海市崇明区交通委员会主办，区公安分局会办。", "感谢您对我们工作的关心和支持",
        "上海市崇明区交通委员会", "2024年10月30日", "（此件公开发布）",
        "（联系人：李明；联系电话：69691234）", "抄送：区人大常委会代表工作机构，区政府办公室。",
    ]
    joined = "\n".join(lines).replace(" ", "")
    position = 0
    for text in expected:
        found = joined.find(text, position)
        assert found >= 0, f"{text} 缺失或次序不对"
        position = found


def test_category_letter_follows_the_configurable_mapping(tmp_path):
    letters = {ResultCategory.SOLVING: "乙"}
    settings = LetterSettings(category_letters=letters)
    _, pages = write(tmp_path, reply_data(body=SHORT), settings)
    top = pages[0][0]
    assert top.text == "乙"
    assert top.x1 == pytest.approx(G.right, abs=1)


def test_heading_levels_use_their_fonts(tmp_path, settings):
    from desktop_app.documents.fonts import FONT_DIR_ENV  # noqa: F401  (documented override)

    _, pages = write(tmp_path, reply_data(body=SHORT), settings)
    by_text = {line.text.replace(" ", ""): line for line in pages[0]}
    heading = next(line for text, line in by_text.items() if text.startswith("一、基本情况"))
    body = next(line for text, line in by_text.items() if text.startswith("1.增设"))
    assert heading.size == body.size == 16
    # With one fallback font every role maps to the same file; the roles still exist in the layout.
    from desktop_app.documents.fonts import BODY, HEI, KAI
    from desktop_app.documents.forms.common import body_paragraph

    assert body_paragraph("一、基本情况").runs[0].role == HEI
    second = body_paragraph("（一）道路现状。全区已排查。")
    assert [r.role for r in second.runs] == [KAI, BODY]
    assert body_paragraph("（1）今年完成。").runs[0].role == BODY


def test_one_letter_per_proposer_or_one_to_all(tmp_path, settings):
    data = reply_data(body=SHORT, addressees=("张三代表", "李四代表", "王五代表"))
    result, pages = write(tmp_path, data, settings)
    assert len(result.page_counts) == 3 and len(set(result.page_counts)) == 1
    assert [p for p in texts(pages) if p.endswith("代表：")] == ["张三代表：", "李四代表：", "王五代表："]
    together = replace(settings, one_letter_per_proposer=False)
    result, pages = write(tmp_path, data, together, "together.pdf")
    assert len(result.page_counts) == 1
    assert "张三等代表：" in texts(pages)


def test_a_body_that_starts_with_its_own_salutation_is_not_greeted_twice(tmp_path, settings):
    data = reply_data(body="张三代表：\n" + SHORT, addressees=("张三代表", "李四代表"))
    _result, pages = write(tmp_path, data, settings)
    assert [p for p in texts(pages) if p.endswith("代表：")] == ["张三代表：", "李四代表："]
    assert "一、基本情况" in texts(pages)


def test_title_pattern_per_kind(settings):
    proposal = reply_data(kind=ItemKind.PROPOSAL, session_name="区政协五届三次会议", number="0102")
    assert reply_title(proposal, settings) == "关于对区政协五届三次会议第0102号提案的答复"
    custom = replace(settings, title_patterns={ItemKind.SUGGESTION: "对{会次}{编号}号建议（{标题}）的答复"})
    assert reply_title(reply_data(), custom) == "对区二届人大五次会议0035号建议（关于加强农村道路交通安全管理的建议）的答复"
    broken = replace(settings, title_patterns={ItemKind.SUGGESTION: "关于{未知}的答复"})
    assert reply_title(reply_data(), broken) == "关于对区二届人大五次会议第0035号代表建议的答复"


def test_preprinted_paper_leaves_the_header_blank_but_keeps_the_positions(tmp_path, settings):
    _, full = write(tmp_path, reply_data(body=SHORT), settings, "full.pdf")
    preprinted = replace(settings, letterhead=LETTERHEAD_PREPRINTED)
    path = tmp_path / "pre.pdf"
    write_document(path, "reply", [reply_data(body=SHORT)], preprinted)
    pre = read_lines(path)
    assert "上海市崇明区交通委员会" not in [line.text.replace(" ", "") for line in pre[0][:3]]
    with pdfplumber.open(path) as pdf:
        assert not pdf.pages[0].lines  # no red rules
    number_full = next(line for line in full[0] if "〔2024〕" in line.text)
    number_pre = next(line for line in pre[0] if "〔2024〕" in line.text)
    assert number_pre.baseline == pytest.approx(number_full.baseline)
    assert pre[0][0].text == "B"


def test_letterhead_is_red_with_double_rules(tmp_path, settings):
    path = tmp_path / "full.pdf"
    write_document(path, "reply", [reply_data(body=SHORT)], settings)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        name = [c for c in page.chars if c["text"] == "崇" and c["size"] > 20]
        assert name and name[0]["non_stroking_color"][0] > 0.8 and name[0]["non_stroking_color"][1] < 0.1
        red_rules = [line for line in page.lines if line["stroking_color"][0] > 0.8 and line["stroking_color"][1] < 0.1]
        assert len(red_rules) == 4
        # Only the letterhead is red: the text after it is black.
        salutation = [c for c in page.chars if c["text"] == "张"]
        assert salutation and tuple(salutation[0]["non_stroking_color"] or (0,)) in ((0,), (0, 0, 0))


def test_not_public_and_missing_contact(tmp_path, settings):
    data = reply_data(body=SHORT, disclosure=Disclosure.NOT_PUBLIC, contact_person="", contact_phone="", cc="")
    _, pages = write(tmp_path, data, settings)
    lines = texts(pages)
    assert "（此件不公开）" in lines
    assert not any("联系人" in line or "抄送" in line for line in lines)


def test_preview_bytes_report_fonts(settings):
    data, result = to_pdf_bytes("reply", [reply_data(body=SHORT)], settings)
    assert data.startswith(b"%PDF")
    assert "正文（仿宋）" in result.fonts
    # On a machine without the official fonts the substitute is named in the warning.
    assert result.substituted == bool(result.warning)


def printed_text(tmp_path, body, settings, name):
    _, pages = write(tmp_path, reply_data(body=body, co_opinions=()), settings, name)
    return "".join(texts(pages)).replace(" ", "")


@pytest.mark.parametrize("ending", [
    "感谢您对我区交通工作的关心和支持！",
    "再次感谢您对我委工作的理解与支持。",
    "感谢您对我们工作的关心和支持，欢迎今后继续提出宝贵意见和建议。",  # the configured closing itself
    "下一步我们将持续跟踪。欢迎您继续对我们的工作提出意见和建议。",
])
def test_a_body_that_already_thanks_the_deputy_gets_no_second_closing(tmp_path, settings, ending):
    body = f"一、基本情况\n全区已完成排查。\n{ending}"
    text = printed_text(tmp_path, body, settings, "own.pdf")
    assert text.count(ending.replace(" ", "")[:6]) == 1
    assert "感谢您对我们工作的关心和支持，欢迎今后继续" not in text or ending.startswith("感谢您对我们工作")
    assert text.count("感谢") + text.count("欢迎") == ending.count("感谢") + ending.count("欢迎")


def test_thanks_earlier_in_the_body_still_gets_the_configured_closing(tmp_path, settings):
    body = "感谢您对农村道路安全的关心。\n一、基本情况\n全区已完成排查，今年再增设标志标线120处。"
    text = printed_text(tmp_path, body, settings, "early.pdf")
    assert text.count("感谢") == 2
    assert text.index("增设标志标线120处") < text.index("感谢您对我们工作的关心和支持")


def test_own_closing_is_found_in_the_last_sentences_only():
    from desktop_app.documents.forms.reply import has_own_closing
    from desktop_app.documents.model import DEFAULT_CLOSING

    assert has_own_closing("情况如下。\n办理结果：正在解决。感谢您对我区工作的关心和支持。", DEFAULT_CLOSING)
    assert has_own_closing("情况如下。\n" + DEFAULT_CLOSING.replace("，", ", "), DEFAULT_CLOSING)
    assert not has_own_closing("感谢您的关心和支持。\n我们将在年内完成改造。", DEFAULT_CLOSING)
    assert not has_own_closing("感谢您的关心。第一步排查。第二步整治。第三步验收。", DEFAULT_CLOSING)
    assert not has_own_closing("", DEFAULT_CLOSING)


def test_the_co_opinions_come_before_the_bodys_own_closing(tmp_path, settings):
    body = "一、基本情况\n全区已完成排查。\n办理结果：正在解决。感谢您对我区工作的关心和支持。"
    _, pages = write(tmp_path, reply_data(body=body), settings, "co.pdf")
    text = "".join(texts(pages)).replace(" ", "")
    assert text.count("感谢") == 1
    assert text.index("全区已完成排查") < text.index("区公安分局提出") < text.index("感谢您对我区工作")
