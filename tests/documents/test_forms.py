"""The other forms on the same engine: 征询意见表, 延期报告, 退回申请, 催办通知, 会办意见函."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

from desktop_app.documents.builder import write_document
from desktop_app.documents.model import FeedbackFormData, LetterSettings, SimpleLetterData
from desktop_app.domain.enums import ItemKind

from .conftest import read_lines


def test_feedback_form_is_one_ruled_page_with_rating_boxes(tmp_path):
    data = FeedbackFormData(ItemKind.SUGGESTION, "区二届人大五次会议", "0035", "关于加强农村道路管理的建议",
                            "张三", "区交通委", date(2024, 10, 30), "李明", "69691234")
    path = tmp_path / "feedback.pdf"
    result = write_document(path, "feedback", [data], LetterSettings())
    assert result.pages == 1
    lines = [line.text.replace(" ", "") for line in read_lines(path)[0]]
    assert lines[:2] == ["区二届人大五次会议", "代表建议办理情况征询意见表"]
    joined = "\n".join(lines)
    for text in ("第0035号", "张三", "2024年10月30日", "办理态度", "办理结果", "□满意", "□基本满意", "□不满意",
                 "联系人：李明"):
        assert text in joined
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        horizontal = [r for r in page.lines if abs(r["y0"] - r["y1"]) < 0.1]
        vertical = [r for r in page.lines if abs(r["x0"] - r["x1"]) < 0.1]
        assert len(horizontal) == 10 and len(vertical) == 3  # 9 fields, label and value columns


@pytest.mark.parametrize("form", ["extension", "return", "reminder", "co_opinion"])
def test_simple_letters_carry_title_recipient_text_and_signature(tmp_path, form):
    data = SimpleLetterData(
        title="关于区二届人大五次会议第0035号代表建议延期答复的报告", recipient="区政府办公室",
        paragraphs=("因涉及市级部门协调，特申请延期2个月答复。", "妥否，请批示。"),
        unit_name="区交通委", dated=date(2024, 8, 30), contact_person="李明", contact_phone="69691234",
    )
    path = tmp_path / f"{form}.pdf"
    write_document(path, form, [data], LetterSettings(unit_name="区交通委"))
    lines = [line.text.replace(" ", "") for page in read_lines(path) for line in page]
    order = ["区交通委", "关于区二届人大五次会议", "区政府办公室：", "因涉及市级部门协调", "妥否，请批示。",
             "区交通委", "2024年8月30日", "（联系人：李明；联系电话：69691234）"]
    position = 0
    joined = "\n".join(lines)
    for text in order:
        found = joined.find(text, position)
        assert found >= 0, text
        position = found
