"""Each document under the unit that issues it, and the office's 督办通知 and 交办通知."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.documents.builder import to_pdf_bytes
from desktop_app.domain.enums import ResultCategory, UnitRole
from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import AssignmentRecord, ReplyRecord, UnitInfo
from desktop_app.services.letters import LetterService
from desktop_app.services.office_letters import OfficeLetterService
from desktop_app.services.reference import ReferenceService
from tests.services.records import make_record

WATER = UnitInfo(0, "区水务局", "崇水", letterhead_mark="上海市崇明区水务局", signature="上海市崇明区水务局")
TRANSPORT = UnitInfo(0, "区交通委", "崇交委", letterhead_mark="上海市崇明区交通委员会")
OFFICE = UnitInfo(0, "区政府办公室", "崇府办", doc_number_pattern="崇府办〔{年}〕{号}号")


def units(ctx, our: str) -> ReferenceService:
    reference = ReferenceService(ctx)
    for unit in (WATER, TRANSPORT, OFFICE):
        reference.save_unit(unit)
    reference.set_our_unit(next(u.id for u in reference.units() if u.name == our))
    return reference


def save(ctx, **changes) -> int:
    return CaseService(ctx).save(make_record(**changes))[1]


def test_a_reply_prints_under_the_replying_units_letterhead_and_warns_of_another_units_number(ctx):
    units(ctx, our="区交通委")
    reply = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED, body="已完成。",
                        doc_number="崇交委〔2024〕45号")
    item_id = save(ctx, replies=(reply,), assignments=(AssignmentRecord(None, "区水务局", UnitRole.LEAD),))
    letters = LetterService(ctx)
    data = letters.reply_letter(item_id)
    assert data.issuer.letterhead == "上海市崇明区水务局"  # not our unit's 上海市崇明区交通委员会
    assert data.unit_name == "上海市崇明区水务局"  # its 署名
    _pdf, result = to_pdf_bytes("reply", [data], letters.settings())
    assert result.notes == ("文号“崇交委〔2024〕45号”的机关代字不是发文单位区水务局的“崇水”。"
                            "请核对文号和署名，或在 设置 → 单位名录 中核对该单位的发文机关标志、文号格式和署名。",)
    assert result.notes[0] in result.warning
    agreeing = replace(data, doc_number="崇水〔2024〕7号")
    assert to_pdf_bytes("reply", [agreeing], letters.settings())[1].notes == ()


def test_short_letters_carry_their_units_doc_number_and_an_extension_report_ends_as_a_report(ctx):
    units(ctx, our="区交通委")
    item_id = save(ctx, assignments=(
        AssignmentRecord(None, "区交通委", UnitRole.LEAD, extension_months=2, extension_reason="需要市级部门协调"),
        AssignmentRecord(None, "区水务局", UnitRole.CO)))
    extension = LetterService(ctx).extension_report(item_id)
    assert extension.doc_number == "崇交委〔2024〕　　号"  # the number is written in by hand
    assert extension.issuer.letterhead == "上海市崇明区交通委员会"
    assert extension.paragraphs[-1] == "特此报告。"
    assert LetterService(ctx).reminder(item_id).doc_number == "崇交委〔2024〕　　号"


def test_a_doc_number_pattern_that_cannot_make_a_number_is_refused(ctx):
    reference = ReferenceService(ctx)
    with pytest.raises(ValidationError, match="例如 崇水〔{年}〕{号}号"):
        reference.save_unit(UnitInfo(0, "区水务局", doc_number_pattern="崇水{年份}"))
    with pytest.raises(ValidationError, match="缺少"):
        reference.save_unit(UnitInfo(0, "区水务局", doc_number_pattern="崇水2024号"))
    reference.save_unit(WATER)
    saved = next(u for u in reference.units() if u.name == "区水务局")
    assert (saved.letterhead_mark, saved.signature) == ("上海市崇明区水务局", "上海市崇明区水务局")


def test_supervision_notice_lists_what_is_overdue_under_the_offices_letterhead(ctx):
    units(ctx, our="区政府办公室")
    save(ctx)  # 交办 2024-02-20: the reply was due 2024-05-20 (3 months), 14 days ago on 2024-06-03
    save(ctx, number="0036", title="关于涉密事项的建议", is_secret=True)
    notice = OfficeLetterService(ctx).supervision_notice("区交通委")
    assert notice.recipient == "区交通委" and notice.issuer.name == "区政府办公室"
    assert notice.doc_number == "崇府办〔2024〕　　号" and notice.dated == date(2024, 6, 3)
    assert "有2项办理事项已超过期限或即将到期（其中已超期2项）" in notice.paragraphs[0]
    assert notice.paragraphs[1] == ("1．区二届人大五次会议第0035号代表建议《关于加强农村道路养护管理的建议》："
                                    "应答复代表，期限2024年5月20日，已超期14天。")
    assert not any("涉密事项" in p for p in notice.paragraphs)  # counted, never listed
    assert "另有涉密件1项" in notice.paragraphs[2]


def test_assignment_notice_gives_each_item_its_role_and_due_date(ctx):
    units(ctx, our="区政府办公室")
    save(ctx)
    notice = OfficeLetterService(ctx).assignment_notice("区交通委")
    assert notice.dated == date(2024, 2, 20)
    assert "建议提案1件交由贵单位办理，其中主办（分办）1件、会办0件" in notice.paragraphs[0]
    assert notice.paragraphs[1] == ("1．区二届人大五次会议第0035号代表建议《关于加强农村道路养护管理的建议》，"
                                    "主办，请于2024年5月20日前答复代表。")


def test_only_the_office_sends_them(ctx):
    units(ctx, our="区交通委")
    save(ctx)
    with pytest.raises(DomainError, match="把“我的单位”设为区政府办公室"):
        OfficeLetterService(ctx).supervision_notice("区交通委")
