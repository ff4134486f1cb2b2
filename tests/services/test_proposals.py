"""政协提案 in the CPPCC's terms (issue 23): 立案 / 不立案, 并案, 集体提案 and 界别, 重点提案督办."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.domain.enums import (
    FilingDecision,
    ItemKind,
    MergedCount,
    ProposerRole,
    ProposerType,
    ResultCategory,
    UnitRole,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.services.cases import CaseService
from desktop_app.services.deadlines import DeadlineService
from desktop_app.services.dto import AssignmentRecord, ProposerLink, ReplyRecord
from desktop_app.services.letters import LetterService
from desktop_app.services.proposals import ProposalService
from desktop_app.services.reference import ReferenceService
from tests.services.records import make_record, save_replied

SESSION = "区政协五届三次会议"
AS_OF = date(2024, 9, 30)
REPLY = ReplyRecord(replied_on=date(2024, 5, 20), result=ResultCategory.SOLVED, body="经研究，答复如下。",
                    contact_person="李明", contact_phone="69691234")


def member(name: str, sector: str, role=ProposerRole.COSIGNER) -> ProposerLink:
    return ProposerLink(name, role, ProposerType.MEMBER, delegation=sector)


def proposal(number: str, *proposers: ProposerLink, **changes):
    values = dict(kind=ItemKind.PROPOSAL, session_name=SESSION, number=number, title=f"关于第{number}号问题的提案",
                  proposers=proposers, filing=FilingDecision.FILED, filed_on=date(2024, 2, 1),
                  assignments=(AssignmentRecord(None, "区交通委", UnitRole.LEAD),))
    return make_record(**{**values, **changes})


def reply_deadlines(ctx, item_id):
    return [d for d in DeadlineService(ctx).item_deadlines(item_id) if d.kind is DeadlineKind.REPLY]


# ---- 立案 / 不立案 --------------------------------------------------------------------------

def test_a_not_filed_opinion_has_no_reply_deadline_unless_the_office_sets_one(ctx):
    cases = CaseService(ctx)
    _c, filed = cases.save(proposal("0001", member("王芳", "教育界", ProposerRole.LEAD)))
    _c, opinion = cases.save(proposal("0002", member("周强", "经济界", ProposerRole.LEAD),
                                      filing=FilingDecision.NOT_FILED))
    assert [d.due_on for d in reply_deadlines(ctx, filed)] == [date(2024, 5, 20)]  # 交办 2024-02-20 + 3 months
    assert reply_deadlines(ctx, opinion) == []
    record = cases.get(opinion)
    cases.save(replace(record, reference_due_on=date(2024, 4, 30)))
    [due] = reply_deadlines(ctx, opinion)
    assert due.due_on == date(2024, 4, 30) and "参考件答复日期" in due.explanation


def test_not_filed_opinions_are_counted_apart(ctx):
    cases = CaseService(ctx)
    save_replied(cases, proposal("0001", member("王芳", "教育界", ProposerRole.LEAD), replies=(REPLY,)))
    _c, opinion_id = cases.save(proposal("0002", member("周强", "经济界", ProposerRole.LEAD),
                                         filing=FilingDecision.NOT_FILED))
    cases.save(proposal("0003", member("吴敏", "经济界", ProposerRole.LEAD), filing=None, filed_on=None))
    figures = ProposalService(ctx).report(AS_OF).overall
    assert (figures["total"].count, figures["filed"].count, figures["not_filed"].count,
            figures["undecided"].count) == (3, 1, 1, 1)
    assert (figures["replied"].count, figures["replied"].base) == (1, 1)  # the 不立案 意见 is not in the base
    assert "另行统计" in figures["not_filed"].definition
    from desktop_app.services.statistics import StatisticsService

    handled = StatisticsService(ctx).report(AS_OF).overall["total"]
    assert handled.count == 2 and opinion_id not in handled.ids  # the 意见 is counted apart


def test_filing_is_refused_on_a_suggestion_and_the_reference_date_on_a_filed_proposal(ctx):
    cases = CaseService(ctx)
    with pytest.raises(ValidationError, match="立案情况只适用于政协提案"):
        cases.save(make_record(filing=FilingDecision.FILED))
    with pytest.raises(ValidationError, match="参考件答复日期"):
        cases.save(proposal("0001", member("王芳", "教育界", ProposerRole.LEAD), reference_due_on=date(2024, 4, 1)))


# ---- 并案 ---------------------------------------------------------------------------------

@pytest.fixture
def merged(ctx):
    """Three proposals with five proposers merged under 0012; the lead's reply is the one."""
    cases = CaseService(ctx)
    lead = save_replied(cases, proposal("0012", member("王芳", "教育界", ProposerRole.LEAD),
                                        member("李强", "教育界"), replies=(REPLY,)))
    _c, second = cases.save(proposal("0015", member("赵敏", "医药卫生界", ProposerRole.LEAD),
                                     member("钱进", "经济界"), merged_into_number="0012"))
    _c, third = cases.save(proposal("0020", ProposerLink("民盟区委", ProposerRole.LEAD, ProposerType.PARTY,
                                                          contact_person="孙立"), merged_into_number="0012"))
    return lead, second, third


def test_a_merged_group_gets_one_letter_per_proposer_of_every_proposal(ctx, merged):
    letters = LetterService(ctx)
    for item_id in merged:  # whichever proposal of the group is printed
        data = letters.reply_letter(item_id)
        assert data.addressees == ("王芳委员", "李强委员", "赵敏委员", "钱进委员", "民盟区委")
        assert data.number == "0012、0015、0020"
    assert [f.proposer for f in letters.feedback_forms(merged[1])] == ["王芳", "李强", "赵敏", "钱进", "民盟区委"]


def test_the_printed_letters_of_a_merged_group_are_five(ctx, merged, tmp_path):
    from desktop_app.documents.builder import write_document

    letters = LetterService(ctx)
    result = write_document(tmp_path / "reply.pdf", "reply", letters.documents("reply", [merged[0]]),
                            letters.settings())
    assert len(result.page_counts) == 5


def test_a_merged_group_is_handled_once(ctx, merged):
    lead, second, third = merged
    assert reply_deadlines(ctx, lead) != []
    assert DeadlineService(ctx).item_deadlines(second) == [] and DeadlineService(ctx).item_deadlines(third) == []
    record = CaseService(ctx).get(lead)
    assert record.merged_numbers == ("0015", "0020")
    assert CaseService(ctx).get(second).merged_into_number == "0012"


def test_a_promise_a_proposal_made_before_it_was_merged_is_still_tracked(ctx, merged):
    from desktop_app.services.followup import FollowupService

    FollowupService(ctx).add_commitment(merged[1], "年底前完成站点改造", date(2024, 12, 31))
    [promise] = DeadlineService(ctx).item_deadlines(merged[1])
    assert promise.kind is DeadlineKind.COMMITMENT and promise.due_on == date(2024, 12, 31)


def test_statistics_count_a_merged_group_either_way_and_say_so(ctx, merged):
    service = ProposalService(ctx)
    per_proposal = service.report(AS_OF, MergedCount.PER_PROPOSAL).overall
    per_handling = service.report(AS_OF, MergedCount.PER_HANDLING).overall
    assert (per_proposal["total"].count, per_proposal["replied"].count, per_proposal["replied"].base) == (3, 3, 3)
    assert (per_handling["total"].count, per_handling["replied"].count, per_handling["replied"].base) == (1, 1, 1)
    assert per_proposal["merged"].count == per_handling["merged"].count == 2
    assert per_proposal["merged_groups"].count == 1
    assert "按提案件数" in per_proposal["total"].definition and "按办理件数" in per_handling["total"].definition
    service.set_merged_count(MergedCount.PER_HANDLING)
    assert service.report(AS_OF).overall["total"].count == 1  # the setting is the default


def test_a_merge_must_name_a_lead_proposal_of_the_same_session(ctx, merged):
    cases = CaseService(ctx)
    with pytest.raises(ValidationError, match="没有第0099号提案"):
        cases.save(proposal("0030", member("郑一", "工会", ProposerRole.LEAD), merged_into_number="0099"))
    with pytest.raises(ValidationError, match="已并入第0012号"):
        cases.save(proposal("0031", member("郑二", "工会", ProposerRole.LEAD), merged_into_number="0015"))


def test_deleting_the_lead_leaves_the_merged_proposals_standing_alone(ctx, merged):
    cases = CaseService(ctx)
    lead = cases.get(merged[0])
    cases.delete(lead.id, lead.version)
    assert cases.get(merged[1]).merged_into_number == ""
    assert reply_deadlines(ctx, merged[1]) != []


# ---- proposers: 界别, 集体提案 ---------------------------------------------------------------

def test_statistics_by_sector_and_by_proposer_type(ctx, merged):
    report = ProposalService(ctx).report(AS_OF, MergedCount.PER_PROPOSAL)
    assert {name: f["filed"].count for name, f in report.by_sector.items()} == {
        "教育界": 1, "医药卫生界": 1, "集体提案": 1}
    assert {name: f["filed"].count for name, f in report.by_type.items()} == {"委员": 2, "党派": 1}
    per_handling = ProposalService(ctx).report(AS_OF, MergedCount.PER_HANDLING)
    assert {name: f["filed"].count for name, f in per_handling.by_sector.items()} == {"教育界": 1}


def test_the_figures_kept_between_refreshes_follow_every_kind_of_write(ctx):
    """The service keeps every 提案's facts and reads again only what a write changed: each
    write below must still show in the next figures, as a fresh service would count them."""
    cases, reference = CaseService(ctx), ReferenceService(ctx)
    service = ProposalService(ctx)  # one instance for the whole test, as the app keeps it
    _c, first = cases.save(proposal("0060", member("王芳", "教育界", ProposerRole.LEAD)))
    _c, second = cases.save(proposal("0061", member("周强", "经济界", ProposerRole.LEAD)))

    def by_sector():
        counted = {name: f["filed"].count for name, f in service.report(AS_OF).by_sector.items()}
        assert counted == {name: f["filed"].count for name, f in ProposalService(ctx).report(AS_OF).by_sector.items()}
        return counted

    assert by_sector() == {"教育界": 1, "经济界": 1}
    record = cases.get(second)  # a save that names its item: 周强 becomes 0061's second proposer
    cases.save(replace(record, proposers=(member("王芳", "教育界", ProposerRole.LEAD), member("周强", "经济界"))))
    assert by_sector() == {"教育界": 2}
    record = cases.get(second)  # a save of 0061 that moves 王芳 to 医药卫生界: 0060 moves with her
    cases.save(replace(record, proposers=(replace(record.proposers[0], delegation="医药卫生界"), record.proposers[1])))
    assert by_sector() == {"医药卫生界": 2}
    wang = next(p for p in reference.proposers() if p.name == "王芳")
    reference.save_proposer(replace(wang, delegation="教育界"))  # the directory: no item named
    assert by_sector() == {"教育界": 2}
    cases.save(replace(cases.get(first), is_key=True, supervisor="区政协副主席陈红"))
    assert [k.number for k in service.key_proposals(AS_OF)] == ["0060"]
    cases.delete(first, cases.get(first).version)
    assert by_sector() == {"教育界": 1} and service.key_proposals(AS_OF) == ()


def test_a_collective_proposal_is_answered_to_the_party_with_its_contact_kept(ctx):
    cases = CaseService(ctx)
    item_id = save_replied(cases, proposal(
        "0040", ProposerLink("九三学社区委", ProposerRole.LEAD, ProposerType.PARTY, contact_person="孙立"),
        replies=(REPLY,)))
    data = LetterService(ctx).reply_letter(item_id)
    assert data.addressees == ("九三学社区委",)
    assert data.cc == "区政协提案委员会，区政府办公室"
    [link] = cases.get(item_id).proposers
    assert link.contact_person == "孙立"


def test_the_sector_list_is_editable_reference_data(ctx):
    service = ProposalService(ctx)
    assert {"中共", "民革", "无党派人士", "经济界", "教育界", "医药卫生界"} <= set(service.sectors())
    _names, version = service.sectors_with_version()
    service.save_sectors(["  民革 ", "民革", "特邀人士", ""], version)
    assert service.sectors() == ["民革", "特邀人士"]
    with pytest.raises(ValidationError, match="不能为空"):
        service.save_sectors([" "])


# ---- 重点提案督办 ---------------------------------------------------------------------------

def test_key_proposals_are_listed_with_their_supervising_leader(ctx):
    cases = CaseService(ctx)
    save_replied(cases, proposal("0050", member("王芳", "教育界", ProposerRole.LEAD), is_key=True,
                                 supervisor="区政协副主席陈红", replies=(REPLY,)))
    cases.save(proposal("0051", member("周强", "经济界", ProposerRole.LEAD), is_key=True, supervisor="区政协主席刘明"))
    report = ProposalService(ctx).report(AS_OF)
    assert [(k.number, k.supervisor, k.replied_on) for k in report.key_proposals] == [
        ("0050", "区政协副主席陈红", date(2024, 5, 20)), ("0051", "区政协主席刘明", None)]
    assert (report.overall["key"].count, report.overall["key_replied"].count) == (2, 1)
    with pytest.raises(ValidationError, match="重点提案督办"):
        cases.save(proposal("0052", member("吴敏", "工会", ProposerRole.LEAD), supervisor="区政协主席刘明"))


# ---- Excel: a CPPCC sheet in, the ledger out ----------------------------------------------

def test_a_cppcc_sheet_imports_filing_sector_and_merges_and_the_ledger_exports_them(ctx, tmp_path):
    from desktop_app.exchange.ledger import write_table
    from desktop_app.services.export_cases import ExportService
    from desktop_app.services.import_cases import ImportService
    from desktop_app.services.maintenance import MaintenanceService
    from tests.exchange.sheets import write_book

    header = ["序号", "届次", "提案号", "案由", "提案人", "界别", "立案情况", "并案", "主办单位", "交办日期"]
    path = write_book(tmp_path / "提案交办清单.xlsx", [header,
        [1, SESSION, "0012", "关于完善农村公交的提案", "王芳", "教育界", "立案", "", "区交通委", "2024-02-20"],
        [2, SESSION, "0015", "关于增开公交线路的提案", "赵敏", "医药卫生界", "立案", "并入0012", "区交通委", "2024-02-20"],
        [3, SESSION, "0020", "关于公交站亭的提案", "民盟区委", "", "立案", "并入0012", "区交通委", "2024-02-20"],
        [4, SESSION, "0021", "关于设立夜市的意见", "周强", "经济界", "不立案，转有关部门参考", "", "区商务委", "2024-02-20"],
    ])
    importer = ImportService(ctx, MaintenanceService(ctx, tmp_path / "backups"))
    _changes, result = importer.apply(importer.read_file(path), [])
    assert result.created == 4
    cases = CaseService(ctx)
    lead, second, third, opinion = (cases.get(i) for i in result.item_ids)
    assert lead.kind is ItemKind.PROPOSAL and lead.filing is FilingDecision.FILED
    assert lead.merged_numbers == ("0015", "0020") and second.merged_into_number == "0012"
    assert second.proposers[0].delegation == "医药卫生界"
    assert third.proposers[0].proposer_type is ProposerType.PARTY  # a 集体提案, not 民盟区委委员
    assert opinion.filing is FilingDecision.NOT_FILED

    table = ExportService(ctx).ledger(SESSION)
    titles = [c.title for c in table.columns]
    assert {"提案人", "界别", "立案情况", "并案"} <= set(titles) and "领衔代表" not in titles
    rows = {row[titles.index("编号")]: row for row in table.rows}
    assert rows["0015"][titles.index("并案")] == "并入0012"
    assert rows["0021"][titles.index("立案情况")] == "不立案"
    assert rows["0015"][titles.index("界别")] == "医药卫生界"
    # The exported ledger is a CPPCC sheet again: it reads back with the same fields.
    out = write_table(tmp_path / "台账.xlsx", table)
    again = importer.read_file(out)
    assert {r.case.number: r.case.merged_into for r in again.rows} == {"0012": "", "0015": "0012", "0020": "0012",
                                                                        "0021": ""}


def test_merged_proposals_follow_the_leads_status_and_result(ctx):
    cases = CaseService(ctx)
    _c, lead = cases.save(proposal("0012", member("王芳", "教育界", ProposerRole.LEAD)))
    changes, merged = cases.save(proposal("0015", member("赵敏", "医药卫生界", ProposerRole.LEAD),
                                          merged_into_number="0012"))
    from desktop_app.domain.enums import ItemStatus
    from tests.services.records import pass_checklist_gate, with_opinions

    pass_checklist_gate(ctx, lead)
    record = with_opinions(replace(cases.get(lead), status=ItemStatus.HANDLING,
                                   replies=(replace(REPLY, finalised=True),)))
    changes, _id = cases.finalise_reply(record, 1)
    assert merged in changes.item_ids  # the list refreshes the merged proposal's row too
    follower = cases.get(merged)
    assert follower.status is ItemStatus.REPLIED
    assert any(h.reason == "并案：随主提案第0012号办理" for h in follower.history)
    [row] = [r for r in cases.list_rows() if r.id == merged]
    assert row.result is ResultCategory.SOLVED


def test_the_handling_statistics_count_a_merged_group_as_set(ctx, merged):
    from desktop_app.services.statistics import StatisticsService

    service = ProposalService(ctx)
    figures = StatisticsService(ctx).report(AS_OF).overall
    assert (figures["total"].count, figures["replied"].count) == (3, 3)  # each with the lead's reply
    service.set_merged_count(MergedCount.PER_HANDLING)
    figures = StatisticsService(ctx).report(AS_OF).overall
    assert (figures["total"].count, figures["replied"].count) == (1, 1)


def test_each_of_the_five_proposers_of_a_merged_group_gives_one_form_on_the_one_reply(ctx, merged):
    from desktop_app.domain.enums import FeedbackChannel, ItemStatus, Rating
    from desktop_app.services.followup import FeedbackEntry, FollowupService

    service = FollowupService(ctx)
    lead, second, _third = merged
    people = service.cosigners(second)
    assert [name for _id, name in people] == ["王芳", "李强", "赵敏", "钱进", "民盟区委"]
    for pid, _name in people:
        service.record_feedback(FeedbackEntry(second, pid, Rating.SATISFIED, Rating.SATISFIED, date(2024, 6, 1),
                                              FeedbackChannel.PAPER, form_reference="意见表"))
    with pytest.raises(ValidationError, match="5 人"):
        service.record_feedback(FeedbackEntry(lead, None, Rating.SATISFIED, None, date(2024, 6, 1),
                                              FeedbackChannel.PAPER))
    assert len(service.feedback(lead)) == 5  # kept with the lead's one reply
    assert [f.proposer_name for f in service.feedback(second)] == [name for _id, name in people]
    assert CaseService(ctx).get(second).status is ItemStatus.FEEDBACK  # following the lead


def test_every_statistics_output_states_how_proposals_are_counted(ctx, merged, tmp_path):
    from openpyxl import load_workbook

    from desktop_app.documents.statistics_report import definition_notes
    from desktop_app.exchange.statistics_sheet import write_report_sheet
    from desktop_app.services.statistics import StatisticsService, report_as_json

    ProposalService(ctx).set_merged_count(MergedCount.PER_HANDLING)
    report = StatisticsService(ctx).report(AS_OF)
    assert report_as_json(report)["counting_note"] == (
        "政协提案中不立案的意见另行统计（见政协提案统计），不计入本表；"
        "并案按办理件数计：几件提案并案办理算一件（以主提案计），不另计被并案的提案。")
    assert definition_notes(report)[-1].endswith("政协提案：" + report.counting_note)
    write_report_sheet(tmp_path / "统计.xlsx", report)
    cells = [c.value for row in load_workbook(tmp_path / "统计.xlsx")["承办单位"].iter_rows() for c in row]
    assert any(isinstance(v, str) and v.endswith(report.counting_note) for v in cells)


def test_statistics_without_proposals_say_nothing_of_them(ctx):
    from desktop_app.services.statistics import StatisticsService

    CaseService(ctx).save(make_record())
    assert StatisticsService(ctx).report(AS_OF).counting_note == ""


def test_a_units_self_report_counts_a_merged_group_as_the_statistics_do(ctx, merged):
    from desktop_app.services.self_report import SelfReportService

    ProposalService(ctx).set_merged_count(MergedCount.PER_HANDLING)
    figures = SelfReportService(ctx).print_data("区交通委", date(2024, 1, 1), AS_OF)[0].figures
    assert (figures["total"].count, figures["replied"].count) == (1, 1)  # one handling, as in 办理统计
