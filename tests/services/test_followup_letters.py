"""落实告知函 and the disclosure copy of a reply (services → documents)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.enums import Disclosure, ResultCategory
from desktop_app.domain.errors import DomainError
from desktop_app.services.dto import ReplyRecord
from desktop_app.services.followup import FollowupService
from desktop_app.services.followup_letters import FollowupLetterService
from tests.services.records import make_record, save_replied

BODY = ("张建国代表：\n您提出的建议收悉。经研究，2024年底前完成道路修复。\n"
        "如有疑问请致电13912345678或021-59671234，邮箱road@cmx.gov.cn，地址：城桥镇八一路1号。\n"
        "联系人：李明，联系电话：59671234\n")


def save(cases, number="0035", **changes) -> int:
    reply = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED, body=BODY,
                        contact_person="李明", contact_phone="59671234", **changes)
    return save_replied(cases, make_record(number=number, replies=(reply,)))


@pytest.fixture
def letters(ctx) -> FollowupLetterService:
    return FollowupLetterService(ctx)


def test_the_notice_tells_the_deputy_what_was_promised_and_how_it_was_done(ctx, cases, letters):
    item_id = save(cases)
    followup = FollowupService(ctx)
    _c, cid = followup.add_commitment(item_id, "完成新河镇道路修复", date(2024, 12, 31))
    with pytest.raises(DomainError, match="尚未落实"):
        letters.commitment_notice(cid)
    followup.close_commitment(cid, date(2024, 6, 1), "道路已于5月底修复并通过验收")
    notice = letters.commitment_notice(cid)
    assert notice.recipient == "张建国代表" and "承诺事项落实情况的告知函" in notice.title
    assert "完成新河镇道路修复（2024年12月31日）" in notice.paragraphs[0]
    assert "道路已于5月底修复并通过验收" in notice.paragraphs[1]
    assert notice.dated == date(2024, 6, 1) and notice.unit_name == "区交通委"


def test_the_disclosure_copy_has_no_contact_data(cases, letters, tmp_path):
    item_id = save(cases)
    copy = letters.disclosure_copy(item_id)
    for private in ("13912345678", "59671234", "road@cmx.gov.cn", "八一路", "李明"):
        assert private not in copy.text and private not in copy.letter.body
    assert copy.letter.contact_person == "" and copy.letter.contact_phone == "" and copy.letter.cc == ""
    assert "2024年底前完成道路修复" in copy.text
    out = letters.export_disclosure(item_id, tmp_path / "公开.txt", reviewed_body=copy.letter.body + "\n补充：电话 13800001111")
    text = out.read_text(encoding="utf-8")
    assert "13800001111" not in text and "补充" in text
    pdf = letters.export_disclosure(item_id, tmp_path / "公开.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_secret_and_not_public_items_never_leave_the_app(cases, letters, tmp_path):
    secret = save_replied(cases, make_record(number="0040", is_secret=True, replies=(ReplyRecord(
        replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED, body=BODY,
        disclosure=Disclosure.NOT_PUBLIC, disclosure_reason="涉密"),)))
    with pytest.raises(DomainError, match="涉密"):
        letters.disclosure_copy(secret)
    with pytest.raises(DomainError, match="涉密"):
        letters.export_disclosure(secret, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    hidden = save(cases, "0041", disclosure=Disclosure.NOT_PUBLIC, disclosure_reason="涉及个人隐私")
    with pytest.raises(DomainError, match="此件不公开"):
        letters.export_disclosure(hidden, tmp_path / "y.txt")
    assert not (tmp_path / "y.txt").exists()


def test_the_notice_is_printed_through_the_documents_engine(ctx, cases, letters, tmp_path):
    from desktop_app.documents import followup_documents

    item_id = save(cases)
    followup = FollowupService(ctx)
    _c, cid = followup.add_commitment(item_id, "完成新河镇道路修复", date(2024, 12, 31))
    followup.close_commitment(cid, date(2024, 6, 1), "道路已修复")
    result = followup_documents.write(tmp_path / "告知函.pdf", "commitment_notice", letters.commitment_notice(cid),
                                      letters.settings())
    assert result.pages == 1 and (tmp_path / "告知函.pdf").read_bytes().startswith(b"%PDF")


def test_the_service_writes_the_notice_and_several_commitments_are_added_together(ctx, cases, letters, tmp_path):
    from desktop_app.domain.errors import ValidationError

    item_id = save(cases)
    followup = FollowupService(ctx)
    with pytest.raises(ValidationError):
        followup.add_commitments(item_id, [("修路", date(2024, 12, 31), ""), ("建机制", None, "持续推进")])
    assert followup.commitments(item_id) == []
    _c, (first, _second) = followup.add_commitments(item_id, [("修路", date(2024, 12, 31), ""),
                                                               ("建机制", date(2025, 6, 30), "持续推进")])
    assert [c.description for c in followup.commitments(item_id)] == ["修路", "建机制"]
    followup.close_commitment(first, date(2024, 6, 1), "道路已修复")
    result = letters.write_commitment_notice(first, tmp_path / "告知函.pdf")
    assert result.pages == 1 and (tmp_path / "告知函.pdf").read_bytes().startswith(b"%PDF")
