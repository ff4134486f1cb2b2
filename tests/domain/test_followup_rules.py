"""Commitments proposed from a reply text, feedback warnings, carry-over, and the disclosure copy."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.disclosure import MASK, redact
from desktop_app.domain.enums import CommitmentStatus, Rating
from desktop_app.domain.followup import ProposedCommitment, carry_over_problem, feedback_warnings, propose_commitments

REPLY = (
    "感谢您的建议。我委已于2024年4月完成现场踏勘。计划于2025年6月30日前完成新河镇道路拓宽工程；"
    "2025年6月启动桥梁改造。年底前完成养护招标。明年将推广到全区。我们将持续推进长效管理。"
    "道路养护事关群众出行。"
)


def test_sentences_with_dates_or_terms_are_proposed_as_commitments():
    found = propose_commitments(REPLY, 2024)
    assert found == [
        ProposedCommitment("我委已于2024年4月完成现场踏勘", date(2024, 4, 30)),
        ProposedCommitment("计划于2025年6月30日前完成新河镇道路拓宽工程", date(2025, 6, 30)),
        ProposedCommitment("2025年6月启动桥梁改造", date(2025, 6, 30)),
        ProposedCommitment("年底前完成养护招标", date(2024, 12, 31), "年底前"),
        ProposedCommitment("明年将推广到全区", date(2025, 12, 31), "明年"),
        ProposedCommitment("我们将持续推进长效管理", None, "持续推进"),
    ]


def test_nothing_is_proposed_from_a_text_without_dates_or_terms():
    assert propose_commitments("感谢您的建议。我们将认真研究。", 2024) == []
    assert propose_commitments("", 2024) == []


def test_a_rating_without_the_deputys_form_warns_of_被满意():
    assert "被满意" in feedback_warnings(Rating.SATISFIED, None, " ")[0]
    assert feedback_warnings(Rating.SATISFIED, Rating.SATISFIED, "纸质意见表 35-1") == []
    assert feedback_warnings(None, None, "") == []


def test_carry_over_needs_a_reason_and_an_unfinished_commitment():
    assert "理由" in carry_over_problem(CommitmentStatus.OPEN, "")
    assert "已落实" in carry_over_problem(CommitmentStatus.DONE, "资金下年安排")
    assert carry_over_problem(CommitmentStatus.OPEN, "资金下年安排") is None


def test_redaction_removes_phones_in_every_usual_form():
    text = "请拨打13812345678或138-1234-5678、138 1234 5678，办公室021-59671234，(021) 5967 1234，0571-8888-1234转806。"
    out = redact(text)
    for number in ("13812345678", "138-1234-5678", "138 1234 5678", "59671234", "5967 1234", "8888-1234"):
        assert number not in out.text
    assert out.text.startswith("请拨打" + MASK + "或" + MASK)
    assert [k for k, _t in out.removed].count("手机号码") == 3 and [k for k, _t in out.removed].count("固定电话") == 3


def test_redaction_removes_email_id_address_and_the_contact_line_but_keeps_dates_and_numbers():
    text = ("经调查，该路段长1200米，计划2025年6月30日完工，投资3500000元。\n"
            "代表家庭住址：城桥镇八一路123弄4号，邮箱zhang.san@example.com，身份证310230198001011234。\n"
            "（联系人：李明，联系电话：59671234）\n")
    out = redact(text)
    assert "八一路" not in out.text and "example.com" not in out.text and "310230198001011234" not in out.text
    assert "李明" not in out.text and "联系电话" not in out.text
    assert "1200米" in out.text and "2025年6月30日" in out.text and "3500000元" in out.text
    assert "住址：" + MASK in out.text
    assert out.summary().startswith("已删除：")


def test_a_local_number_is_taken_only_after_a_phone_word():
    assert redact("咨询电话：5967 1234。").text == f"咨询电话：{MASK}。"
    assert redact("共计59671234元").text == "共计59671234元"
    assert redact("了解住址变迁情况").text == "了解住址变迁情况"


def test_contact_words_inside_a_paragraph_remove_only_the_data_not_the_paragraph():
    out = redact("经研究，我委将于年底前完成修复，联系人：王芳，联系电话：13912345678。")
    assert out.text == f"经研究，我委将于年底前完成修复，联系人：{MASK}，联系电话：{MASK}。"


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-06-30", (date(2025, 6, 30), "")),
    ("2025-06-30 持续推进", (date(2025, 6, 30), "持续推进")),
    ("明年", (date(2025, 12, 31), "明年")),
    ("年底前", (date(2024, 12, 31), "年底前")),
    ("2025年6月", (date(2025, 6, 30), "")),
    ("持续推进", (None, "持续推进")),
    ("下半年", (None, "下半年")),
])
def test_a_commitment_due_typed_in_words_gets_the_default_date_or_none(text, expected):
    from desktop_app.domain.followup import commitment_due

    assert commitment_due(text, 2024) == expected
