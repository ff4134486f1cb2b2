"""Every document printed for a 政协提案, read back: 委员 / 提案人 / 提案委员会 where a 建议 says 代表 /
人大常委会代表工作机构, and never 代表 (issue 23)."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

from desktop_app.documents.builder import write_document
from desktop_app.documents.model import FORM_LABELS
from desktop_app.domain.enums import FilingDecision, ItemKind, ProposerRole, ProposerType, UnitRole
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import AssignmentRecord, ProposerLink, ReplyRecord, UnitInfo
from desktop_app.services.followup import FollowupService
from desktop_app.services.followup_letters import FollowupLetterService
from desktop_app.services.letters import LetterService
from desktop_app.services.office_letters import OfficeLetterService
from desktop_app.services.reference import ReferenceService
from tests.services.records import make_record

LEAD, CO, LATE_CO, OFFICE = "区交通委", "区农业农村委", "区建设管理委", "区政府办公室"


def proposal(kind: ItemKind = ItemKind.PROPOSAL):
    proposers = (ProposerLink("王芳", ProposerRole.LEAD, ProposerType.MEMBER, delegation="教育界"),
                 ProposerLink("民盟区委", ProposerRole.COSIGNER, ProposerType.PARTY, contact_person="孙立"))
    if kind is ItemKind.SUGGESTION:
        proposers = (ProposerLink("王芳", ProposerRole.LEAD, ProposerType.DEPUTY),)
    return make_record(
        kind=kind, session_name="区政协五届三次会议" if kind is ItemKind.PROPOSAL else "区二届人大五次会议",
        number="0012", title="关于完善农村公交线网的提案", proposers=proposers,
        filing=FilingDecision.FILED if kind is ItemKind.PROPOSAL else None,
        filed_on=date(2024, 2, 1) if kind is ItemKind.PROPOSAL else None,
        assignments=(
            AssignmentRecord(None, LEAD, UnitRole.LEAD, return_reason="部分事项属于市级事权",
                             extension_months=1, extension_reason="需要市级部门协调"),
            AssignmentRecord(None, CO, UnitRole.CO, opinion_text="同意主办单位意见，将配合做好站点建设。"),
            AssignmentRecord(None, LATE_CO, UnitRole.CO),
        ),
        replies=(ReplyRecord(replied_on=date(2024, 5, 30), body="经研究，现答复如下：将优化线网。",
                             contact_person="李明", contact_phone="69691234"),),
    )


def documents(ctx, kind: ItemKind) -> dict[str, list]:
    """Every form the app prints for one item of ``kind`` (each as the unit that issues it)."""
    reference = ReferenceService(ctx)
    reference.save_unit(UnitInfo(0, OFFICE, "崇府办"))
    _c, item_id = CaseService(ctx).save(proposal(kind))
    units = {u.name: u.id for u in reference.units()}
    followup = FollowupService(ctx)
    _c, commitment = followup.add_commitment(item_id, "年底前新开两条村村通线路", date(2024, 5, 31))
    followup.close_commitment(commitment, date(2024, 6, 1), "两条线路已开通")
    letters = LetterService(ctx)
    out = {}
    reference.set_our_unit(units[LEAD])
    for form in ("reply", "feedback", "reminder", "extension", "return"):
        out[form] = letters.documents(form, [item_id])
    out["commitment_notice"] = [FollowupLetterService(ctx).commitment_notice(commitment)]
    reference.set_our_unit(units[CO])
    out["co_opinion"] = letters.documents("co_opinion", [item_id])
    reference.set_our_unit(units[OFFICE])
    office = OfficeLetterService(ctx)
    out["supervision"] = [office.supervision_notice(LEAD, date(2024, 6, 3))]
    out["assignment"] = [office.assignment_notice(LEAD)]
    return out


def printed_text(tmp_path, ctx, form: str, data: list) -> str:
    out = tmp_path / f"{form}.pdf"
    write_document(out, form, data, LetterService(ctx).settings())
    with pdfplumber.open(out) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@pytest.fixture
def proposal_documents(ctx, tmp_path):
    made = documents(ctx, ItemKind.PROPOSAL)
    assert set(made) == set(FORM_LABELS)  # every form there is
    return {form: printed_text(tmp_path, ctx, form, data) for form, data in made.items()}


def test_no_document_for_a_proposal_says_deputy(proposal_documents):
    wrong = {form: text for form, text in proposal_documents.items() if "代表" in text}
    assert wrong == {}


def test_a_proposal_speaks_of_members_proposers_and_the_proposals_committee(proposal_documents):
    reply = proposal_documents["reply"]
    assert "王芳委员：" in reply and "民盟区委：" in reply  # one letter each, the party by its name
    assert "区政协提案委员会" in reply
    assert "第0012号提案" in reply
    feedback = proposal_documents["feedback"]
    assert "提案办理情况征询意见表" in feedback and "提案人" in feedback
    assert "答复提案人" in proposal_documents["assignment"] and "答复提案人" in proposal_documents["supervision"]
    assert "委员" in proposal_documents["supervision"]


def test_a_suggestion_still_speaks_of_deputies(ctx, tmp_path):
    made = documents(ctx, ItemKind.SUGGESTION)
    reply = printed_text(tmp_path, ctx, "reply", made["reply"])
    assert "王芳代表：" in reply and "区人大常委会代表工作机构" in reply
    assert "委员" not in printed_text(tmp_path, ctx, "feedback", made["feedback"])
