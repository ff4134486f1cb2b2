"""Letters' input from the database: the reply, proposers, units and settings an item prints with."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.documents.model import LETTERHEAD_PREPRINTED
from desktop_app.domain.enums import Disclosure, ItemKind, ProposerRole, ProposerType, ResultCategory, UnitRole
from desktop_app.domain.errors import DomainError, NotFoundError
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import AssignmentRecord, ProposerLink, ReplyRecord, UnitInfo
from desktop_app.services.letter_settings import settings_from_json
from desktop_app.services.letters import LetterService
from desktop_app.services.reference import ReferenceService
from tests.services.records import make_record, pass_checklist_gate

REPLY = ReplyRecord(
    doc_number="崇交委〔2024〕45号", signer="王五", replied_on=date(2024, 5, 30),
    result=ResultCategory.SOLVING, disclosure=Disclosure.ON_REQUEST, contact_person="李明",
    contact_phone="69691234", body="一、基本情况\n已完成排查。",
)


@pytest.fixture
def letters(ctx) -> LetterService:
    return LetterService(ctx)


def save(ctx, **changes) -> int:
    record = make_record(**changes)
    _, item_id = CaseService(ctx).save(record)
    return item_id


def test_reply_letter_from_an_item(ctx, letters):
    assignments = (
        AssignmentRecord(None, "区交通委", UnitRole.LEAD),
        AssignmentRecord(None, "区农业农村委", UnitRole.CO, opinion_text="同意加大养护投入"),
    )
    item_id = save(ctx, replies=(REPLY,), assignments=assignments)
    data = letters.reply_letter(item_id)
    assert data.addressees == ("张建国代表", "李秀英代表")
    assert data.number == "0035" and data.session_name == "区二届人大五次会议"
    assert data.unit_name == "区交通委"  # the lead unit signs when the reply names none
    assert [(o.unit_name, o.text) for o in data.co_opinions] == [("区农业农村委", "同意加大养护投入")]
    assert data.disclosure is Disclosure.ON_REQUEST and data.result is ResultCategory.SOLVING
    assert data.cc == "区人大常委会代表工作机构，区政府办公室"


def test_cppcc_member_and_collective_proposers_are_greeted_properly(ctx, letters):
    proposers = (ProposerLink("民革区委", ProposerRole.LEAD, ProposerType.PARTY),
                 ProposerLink("赵六", ProposerRole.COSIGNER, ProposerType.MEMBER))
    item_id = save(ctx, kind=ItemKind.PROPOSAL, session_name="区政协五届三次会议", proposers=proposers,
                   replies=(REPLY,))
    assert letters.reply_letter(item_id).addressees == ("民革区委", "赵六委员")


def test_item_without_reply_explains_what_to_do(ctx, letters):
    item_id = save(ctx)
    with pytest.raises(DomainError, match="还没有答复"):
        letters.reply_letter(item_id)


def test_find_item_by_session_and_number_or_id(ctx, letters):
    item_id = save(ctx)
    assert letters.find_item("区二届人大五次会议 0035") == item_id
    assert letters.find_item("区二届人大五次会议 第0035号") == item_id
    assert letters.find_item("区二届人大五次会议第0035号") == item_id
    assert letters.find_item(str(item_id)) == item_id
    with pytest.raises(NotFoundError, match="会次 编号"):
        letters.find_item("区二届人大五次会议 9999")


def test_settings_round_trip_and_default_unit(ctx, letters):
    reference = ReferenceService(ctx)
    reference.save_unit(UnitInfo(0, "区交通委"))
    unit = next(u for u in reference.units() if u.name == "区交通委")
    reference.set_our_unit(unit.id)
    assert letters.settings().unit_name == "区交通委"
    custom = replace(letters.settings(), letterhead=LETTERHEAD_PREPRINTED,
                     category_letters={**letters.settings().category_letters, ResultCategory.SOLVED: "甲"})
    letters.save_settings(custom)
    again = letters.settings()
    assert again.letterhead == LETTERHEAD_PREPRINTED
    assert again.category_letters[ResultCategory.SOLVED] == "甲"


def test_damaged_settings_fall_back_to_defaults():
    assert settings_from_json("{not json").letterhead == "full"
    assert settings_from_json('{"category_letters": {"nonsense": "X"}}').category_letters[ResultCategory.PLANNED] == "C"


def test_other_forms_need_our_unit_and_their_data(ctx, letters):
    assignments = (
        AssignmentRecord(None, "区交通委", UnitRole.LEAD, return_reason="该事项属于市级事权",
                         extension_months=2, extension_reason="需要市级部门协调"),
        AssignmentRecord(None, "区农业农村委", UnitRole.CO),
    )
    item_id = save(ctx, assignments=assignments, replies=(REPLY,))
    with pytest.raises(DomainError, match="本单位"):
        letters.extension_report(item_id)
    reference = ReferenceService(ctx)
    unit = next(u for u in reference.units() if u.name == "区交通委")
    reference.set_our_unit(unit.id)
    extension = letters.extension_report(item_id)
    assert extension.recipient == "区政府办公室" and "延期2个月" in extension.paragraphs[0]
    assert "将及时把延期情况告知张建国代表" in extension.paragraphs[0]  # not told yet: no claim it was
    assert "市级事权" in letters.return_request(item_id).paragraphs[0]
    assert letters.reminder(item_id).recipient == "区农业农村委"
    forms = letters.feedback_forms(item_id)
    assert [f.proposer for f in forms] == ["张建国", "李秀英"]
    assert len(letters.documents("reply", [item_id, item_id])) == 2


def test_the_extension_report_says_when_the_deputy_was_told_and_is_not_made_once_answered(ctx, letters):
    told = AssignmentRecord(None, "区交通委", UnitRole.LEAD, extension_requested_on=date(2024, 5, 6),
                            extension_months=1, extension_reason="需调研", extension_told_on=date(2024, 5, 8))
    item_id = save(ctx, assignments=(told,))
    reference = ReferenceService(ctx)
    reference.set_our_unit(next(u.id for u in reference.units() if u.name == "区交通委"))
    assert "已于2024年5月8日将延期情况告知张建国代表" in letters.extension_report(item_id).paragraphs[0]
    pass_checklist_gate(ctx, item_id)
    cases = CaseService(ctx)
    cases.finalise_reply(replace(cases.get(item_id), replies=(replace(REPLY, result=ResultCategory.SOLVED),)))
    with pytest.raises(DomainError, match="已经答复"):
        letters.extension_report(item_id)


def test_letters_written_into_a_folder_get_names_windows_accepts():
    from types import SimpleNamespace

    from desktop_app.services.letter_forms import file_name

    row = SimpleNamespace(session_name="区二届人大五次会议/闭会期间", number="0035:补")
    assert file_name("reply", row) == "答复函_区二届人大五次会议_闭会期间_0035_补.pdf"
    long_session = SimpleNamespace(session_name="上海市崇明区第二届人民代表大会第五次会议闭会期间" * 4, number="0035")
    name = file_name("reply", long_session)
    assert len(name) == 80 and name.startswith("答复函_上海市崇明区") and name.endswith(".pdf")
