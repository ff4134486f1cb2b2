"""Creating, reading back, editing, deleting items; history, optimistic locking, attachments."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop_app.domain.enums import (
    ContactWay,
    Disclosure,
    ItemKind,
    ItemStatus,
    ProposerRole,
    ProposerType,
    RaisedAt,
    ResultCategory,
    ReturnOutcome,
    UnitRole,
)
from desktop_app.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop_app.services.dto import (
    AssignmentRecord,
    ContactRecord,
    NewAttachment,
    ProposerLink,
    ReplyRecord,
)
from tests.services.records import SESSION, make_record

FULL_ASSIGNMENT = AssignmentRecord(
    None, "区交通委", UnitRole.LEAD, signed_on=date(2024, 2, 22), leader="施建平",
    section="建设管理科", handler="顾晓峰", handler_phone="021-59690001",
    return_requested_on=date(2024, 2, 26), return_reason="部分事项属市级事权",
    return_outcome=ReturnOutcome.REJECTED, return_decided_on=date(2024, 3, 1),
    extension_requested_on=date(2024, 5, 10), extension_reason="需协调资金",
    extension_months=2, extension_approved_on=date(2024, 5, 12), extension_approver="陈晓峰",
)
CO_ASSIGNMENT = AssignmentRecord(
    None, "区农业农村委", UnitRole.CO, signed_on=date(2024, 2, 23),
    opinion_sent_on=date(2024, 3, 15), opinion_received_on=date(2024, 3, 16),
    opinion_text="原则同意主办单位意见。",
)
REPLY = ReplyRecord(
    round=1, doc_number="崇交委〔2024〕12号", signer="施建平", replied_on=date(2024, 5, 20),
    result=ResultCategory.REFERENCE, disclosure=Disclosure.NOT_PUBLIC, disclosure_reason="涉及个人信息",
    contact_person="顾晓峰", contact_phone="021-59690001", cc="区政府办公室", body="张建国代表：……",
    finalised=True,
)


def full_record(**changes):
    values = dict(
        raised_at=RaisedAt.INTERIM, is_key=True, is_leader_handled=True, leader_name="李明华",
        is_secret=True, status=ItemStatus.REPLIED,
        assignments=(FULL_ASSIGNMENT, CO_ASSIGNMENT),
        contacts=(ContactRecord(date(2024, 3, 2), ContactWay.FIELD_RESEARCH, "张建国、顾晓峰", "实地查看路况"),),
        replies=(REPLY,),
    )
    return make_record(**{**values, **changes})


def test_every_section_reads_back_as_saved(cases):
    changes, item_id = cases.save(full_record())
    assert "item" in changes.kinds and changes.item_ids == {item_id}
    got = cases.get(item_id)
    assert (got.session_name, got.number, got.title, got.category) == (
        SESSION, "0035", "关于加强农村道路养护管理的建议", "城乡建设")
    assert (got.raised_at, got.is_key, got.is_leader_handled, got.leader_name, got.is_secret) == (
        RaisedAt.INTERIM, True, True, "李明华", True)
    assert got.status is ItemStatus.REPLIED and got.assigned_on == date(2024, 2, 20)
    assert [(p.name, p.role, p.phone, p.delegation) for p in got.proposers] == [
        ("张建国", ProposerRole.LEAD, "13900000001", "城桥镇代表团"),
        ("李秀英", ProposerRole.COSIGNER, "", ""),
    ]
    assert [replace(a, id=None, unit_id=None) for a in got.assignments] == [
        replace(FULL_ASSIGNMENT, unit_id=None), replace(CO_ASSIGNMENT, unit_id=None)]
    assert [replace(c, id=None) for c in got.contacts] == [
        ContactRecord(date(2024, 3, 2), ContactWay.FIELD_RESEARCH, "张建国、顾晓峰", "实地查看路况")]
    assert [replace(r, id=None) for r in got.replies] == [REPLY]


def test_the_list_row_shows_names_our_role_and_result(cases, reference):
    _c, item_id = cases.save(full_record())
    co_unit = next(u for u in reference.units() if u.name == "区农业农村委")
    reference.set_our_unit(co_unit.id)
    (row,) = cases.list_rows()
    assert (row.id, row.session_name, row.number, row.kind) == (item_id, SESSION, "0035", ItemKind.SUGGESTION)
    assert (row.lead_proposer, row.lead_units, row.co_units) == ("张建国", "区交通委", "区农业农村委")
    assert row.our_role is UnitRole.CO
    assert row.result is ResultCategory.REFERENCE and row.replied_on == date(2024, 5, 20)
    assert row.unit_ids == {a.unit_id for a in cases.get(item_id).assignments}
    assert (row.is_key, row.is_leader_handled, row.is_secret, row.raised_at) == (True, True, True, RaisedAt.INTERIM)


def test_result_is_that_of_the_latest_reply_with_a_result(cases):
    """A draft counts nowhere: the list shows the result of the latest finalised reply."""
    hidden = dict(disclosure=Disclosure.NOT_PUBLIC, disclosure_reason="涉密")
    second = ReplyRecord(round=2, doc_number="崇交委〔2024〕30号", replied_on=date(2024, 6, 1),
                         result=ResultCategory.SOLVED, finalised=True, **hidden)
    draft = ReplyRecord(round=3, result=ResultCategory.REFERENCE, **hidden)
    _c, item_id = cases.save(full_record(replies=(REPLY, second, draft)))
    assert cases.list_rows()[0].result is ResultCategory.SOLVED


def test_sessions_units_and_proposers_typed_by_name_are_created_once(cases, reference):
    first, _id = cases.save(make_record())
    second, _id = cases.save(make_record(number="0036"))
    # The new names are announced, so pickers and the filter panel offer them at once.
    assert first.kinds == {"item", "session", "unit", "proposer"}
    assert second.kinds == {"item"}
    assert [s.name for s in reference.sessions()] == [SESSION]
    assert reference.sessions()[0].year == 2024  # 2024 is not in the name: the clock's year
    assert {u.name for u in reference.units()} == {"区交通委", "区农业农村委"}
    assert {p.name for p in reference.proposers()} == {"李秀英", "张建国"}


def test_a_new_session_gets_the_year_in_its_name_and_the_body_of_the_kind(cases, reference):
    cases.save(make_record(kind=ItemKind.PROPOSAL, session_name="区政协五届二次会议（2023年）"))
    (session,) = reference.sessions()
    assert (session.year, session.body.label) == (2023, "政协")


def test_new_record_takes_the_latest_session_and_the_next_number(cases):
    cases.save(make_record(number="0035"))
    cases.save(make_record(number="0009"))
    record = cases.new_record(ItemKind.SUGGESTION)
    assert (record.session_name, record.number, record.status) == (SESSION, "0036", ItemStatus.PENDING)
    assert record.id is None and record.version == 0


def test_new_record_without_a_session_starts_at_0001(cases):
    record = cases.new_record(ItemKind.PROPOSAL)
    assert (record.session_id, record.number) == (None, "0001")


def test_history_records_who_when_field_and_readable_old_and_new_values(cases, ctx, fixed_now):
    _c, item_id = cases.save(full_record())
    record = cases.get(item_id)
    ctx.now = lambda: datetime(2024, 6, 4, 10, 0)
    ctx.user_name = lambda: "李办事员"
    lead, co = record.assignments
    cases.save(replace(
        record, title="关于完善农村公路养护的建议", status=ItemStatus.CLOSED,
        feedback_wait_note="5月多次电话联系代表，未反馈", assigned_on=date(2024, 2, 21),
        assignments=(replace(lead, signed_on=date(2024, 2, 23)),
                     AssignmentRecord(None, "区规划资源局", UnitRole.CO)),
        replies=(replace(record.replies[0], result=ResultCategory.SOLVED),),
        contacts=(),
    ))
    history = cases.history(item_id)
    newest = [(h.field, h.old_value, h.new_value) for h in history if h.changed_at == datetime(2024, 6, 4, 10, 0)]
    assert ("标题", "关于加强农村道路养护管理的建议", "关于完善农村公路养护的建议") in newest
    assert ("状态", "已答复", "办结") in newest
    assert ("未反馈说明", "", "5月多次电话联系代表，未反馈") in newest
    assert ("交办日期", "2024-02-20", "2024-02-21") in newest
    assert ("区交通委 签收日期", "2024-02-22", "2024-02-23") in newest
    assert ("办理单位", "区农业农村委（会办）", "") in newest
    assert ("办理单位", "", "区规划资源局（会办）") in newest
    assert ("第1次答复 办理结果", "留作参考", "已经解决") in newest
    assert ("沟通记录", "2024-03-02 实地调研 实地查看路况", "") in newest
    assert all(h.changed_by == "李办事员" for h in history[: len(newest)])
    assert history[-1].field == "新建" and history[-1].changed_by == "测试员"
    assert history[-1].changed_at == fixed_now
    assert cases.get(item_id).history == tuple(history)


def test_saving_unchanged_records_no_history_but_bumps_the_version(cases):
    _c, item_id = cases.save(make_record())
    record = cases.get(item_id)
    cases.save(record)
    again = cases.get(item_id)
    assert again.version == record.version + 1
    assert len(again.history) == 1


def test_second_editor_of_the_same_version_is_refused_and_the_first_edit_kept(cases):
    _c, item_id = cases.save(make_record())
    first = cases.get(item_id)
    second = cases.get(item_id)
    cases.save(replace(first, title="关于第一位编辑的建议"))
    with pytest.raises(ConflictError, match="已被他人（或另一窗口）修改.*重新载入"):
        cases.save(replace(second, title="关于第二位编辑的建议"))
    assert cases.get(item_id).title == "关于第一位编辑的建议"


def test_a_conflict_is_detected_when_only_child_rows_changed(cases):
    _c, item_id = cases.save(make_record())
    first = cases.get(item_id)
    second = cases.get(item_id)
    cases.save(replace(first, contacts=(ContactRecord(date(2024, 3, 1), ContactWay.PHONE),)))
    with pytest.raises(ConflictError):
        cases.save(replace(second, contacts=(ContactRecord(date(2024, 3, 2), ContactWay.MEETING),)))
    assert [c.way for c in cases.get(item_id).contacts] == [ContactWay.PHONE]


def test_delete_removes_the_item_and_keeps_a_history_entry(cases, tmp_path):
    attachment = tmp_path / "照片说明.txt"
    attachment.write_text("现场照片", encoding="utf-8")
    _c, item_id = cases.save(full_record(new_attachments=(NewAttachment(str(attachment)),)))
    record = cases.get(item_id)
    changes = cases.delete(item_id, record.version)
    assert changes.item_ids == {item_id}
    assert cases.list_rows() == []
    with pytest.raises(NotFoundError):
        cases.get(item_id)
    with pytest.raises(NotFoundError):
        cases.attachment_bytes(record.attachments[0].id)
    assert cases.history(item_id)[0].field == "删除"
    assert "关于加强农村道路养护管理的建议" in cases.history(item_id)[0].old_value


def test_delete_of_a_changed_item_is_refused(cases):
    _c, item_id = cases.save(make_record())
    stale = cases.get(item_id)
    cases.save(replace(stale, title="关于改过的建议"))
    with pytest.raises(ConflictError):
        cases.delete(item_id, stale.version)
    assert cases.get(item_id).title == "关于改过的建议"


def test_saving_a_deleted_item_says_so(cases):
    _c, item_id = cases.save(make_record())
    record = cases.get(item_id)
    cases.delete(item_id, record.version)
    with pytest.raises(NotFoundError, match="已被删除"):
        cases.save(record)


def test_attachments_round_trip_and_can_be_removed(cases, tmp_path):
    data = "答复函草稿\n第二行".encode("utf-8") + bytes(range(256))
    path = tmp_path / "答复函.txt"
    path.write_bytes(data)
    _c, item_id = cases.save(make_record(new_attachments=(NewAttachment(str(path), note="草稿"),)))
    (info,) = cases.get(item_id).attachments
    assert (info.file_name, info.size, info.note, info.added_by) == ("答复函.txt", len(data), "草稿", "测试员")
    assert cases.attachment_bytes(info.id) == ("答复函.txt", data)
    record = cases.get(item_id)
    cases.save(replace(record, removed_attachment_ids=frozenset({info.id})))
    assert cases.get(item_id).attachments == ()
    assert ("附件", "答复函.txt", "") in [(h.field, h.old_value, h.new_value) for h in cases.history(item_id)]


def test_a_missing_attachment_file_is_a_clear_problem_and_nothing_is_saved(cases, tmp_path):
    with pytest.raises(ValidationError, match="无法读取附件“不存在.pdf”"):
        cases.save(make_record(new_attachments=(NewAttachment(str(tmp_path / "不存在.pdf")),)))
    assert cases.list_rows() == []


def test_an_attachment_over_the_limit_is_refused(cases, tmp_path, monkeypatch):
    from desktop_app.services import case_writer

    monkeypatch.setattr(case_writer, "MAX_ATTACHMENT_BYTES", 10)
    path = tmp_path / "大文件.bin"
    path.write_bytes(b"x" * 11)
    with pytest.raises(ValidationError, match="超过每个文件"):
        cases.save(make_record(new_attachments=(NewAttachment(str(path)),)))


def test_the_attachment_message_gives_the_real_size(cases, tmp_path, monkeypatch):
    from desktop_app.services import case_writer

    monkeypatch.setattr(case_writer, "MAX_ATTACHMENT_BYTES", 100 * 1024 * 1024)
    path = tmp_path / "扫描件.pdf"
    with open(path, "wb") as fh:
        fh.truncate(100 * 1024 * 1024 + 10_486)  # 100.01 MB, sparse
    with pytest.raises(ValidationError, match=r"有 100\.01 MB（104,868,086 字节），超过每个文件 100 MB 的上限"):
        cases.save(make_record(new_attachments=(NewAttachment(str(path)),)))


def test_a_proposer_picked_by_name_keeps_the_known_phone(cases, reference):
    cases.save(make_record())
    cases.save(make_record(number="0036", proposers=(
        ProposerLink("张建国", ProposerRole.LEAD, ProposerType.DEPUTY),)))
    zhang = next(p for p in reference.proposers() if p.name == "张建国")
    assert zhang.phone == "13900000001"


def test_linking_a_known_proposer_without_details_keeps_them(cases, reference):
    from desktop_app.domain.enums import Body

    cases.save(make_record(kind=ItemKind.PROPOSAL, session_name="区政协五届三次会议", proposers=(
        ProposerLink("九三学社区委", ProposerRole.LEAD, ProposerType.PARTY, phone="021-59611111",
                     address="城桥镇东门路1号"),)))
    party = reference.proposers(Body.CPPCC)[0]
    # The editor links the name typed in another proposal, with the form's empty fields and
    # its default type (委员).
    _c, other_id = cases.save(make_record(
        kind=ItemKind.PROPOSAL, session_name="区政协五届三次会议", number="0036", proposers=(
            ProposerLink(party.name, ProposerRole.LEAD, ProposerType.MEMBER, proposer_id=party.id),)))
    kept = reference.proposers(Body.CPPCC)[0]
    assert (kept.proposer_type, kept.phone, kept.address) == (
        ProposerType.PARTY, "021-59611111", "城桥镇东门路1号")

    # Once on the item the editor shows the stored details: a field cleared there is cleared.
    record = cases.get(other_id)
    (link,) = record.proposers
    assert link.phone == "021-59611111"
    cases.save(replace(record, proposers=(replace(link, phone=""),)))
    assert reference.proposers(Body.CPPCC)[0].phone == ""
    # A detail typed while linking replaces the stored one.
    cases.save(make_record(
        kind=ItemKind.PROPOSAL, session_name="区政协五届三次会议", number="0037", proposers=(
            ProposerLink(party.name, ProposerRole.LEAD, ProposerType.PARTY, proposer_id=party.id,
                         address="城桥镇西门路2号"),)))
    assert reference.proposers(Body.CPPCC)[0].address == "城桥镇西门路2号"


def test_reordered_proposers_change_role(cases):
    _c, item_id = cases.save(make_record())
    record = cases.get(item_id)
    zhang, li = record.proposers
    cases.save(replace(record, proposers=(replace(li, role=ProposerRole.LEAD),
                                          replace(zhang, role=ProposerRole.COSIGNER))))
    got = cases.get(item_id)
    assert [(p.name, p.role) for p in got.proposers] == [
        ("李秀英", ProposerRole.LEAD), ("张建国", ProposerRole.COSIGNER)]
    assert cases.list_rows()[0].lead_proposer == "李秀英"
    assert ("李秀英 角色", "联名", "领衔") in [(h.field, h.old_value, h.new_value) for h in got.history]


def test_a_unit_removed_and_added_again_keeps_its_row_details(cases):
    _c, item_id = cases.save(full_record())
    record = cases.get(item_id)
    lead, co = record.assignments
    cases.save(replace(record, assignments=(
        lead, AssignmentRecord(co.unit_id, co.unit_name, UnitRole.CO, opinion_text="重新填写"))))
    (_lead, again) = cases.get(item_id).assignments
    assert again.id == co.id and again.opinion_text == "重新填写"
    assert again.opinion_sent_on is None


def test_a_swapped_reply_round_is_a_clear_problem_not_a_crash(cases):
    first = ReplyRecord(round=1, doc_number="崇交委〔2024〕1号")
    second = ReplyRecord(round=2, doc_number="崇交委〔2024〕2号")
    _c, item_id = cases.save(make_record(replies=(first, second)))
    record = cases.get(item_id)
    one, two = record.replies
    swapped = replace(record, replies=(replace(one, round=2), replace(two, round=1)))
    try:
        cases.save(swapped)
    except ValidationError as error:
        assert "保存失败" in str(error)
    got = {r.doc_number: r.round for r in cases.get(item_id).replies}
    assert got in ({"崇交委〔2024〕1号": 1, "崇交委〔2024〕2号": 2}, {"崇交委〔2024〕1号": 2, "崇交委〔2024〕2号": 1})


@pytest.mark.parametrize(("stored", "opened"), [
    ("CON.txt", "_CON.txt"),                            # Windows 10 would write it to the console
    ("nul.docx", "_nul.docx"),
    ("会议纪要 2024:6:3.docx", "会议纪要 2024_6_3.docx"),  # made on another system, where ":" is allowed
    ("答复函.pdf", "答复函.pdf"),
])
def test_an_attachment_opens_under_a_name_windows_accepts(cases, tmp_path, stored, opened):
    path = tmp_path / stored
    path.write_bytes(b"contents")
    _c, item_id = cases.save(make_record(new_attachments=(NewAttachment(str(path)),)))
    (info,) = cases.get(item_id).attachments
    assert info.file_name == stored  # the record keeps the name as given
    written = cases.attachment_to_temp(info.id)
    assert written.name == opened and written.read_bytes() == b"contents"


def test_a_long_attachment_name_is_cut_for_opening_keeping_its_extension(cases, tmp_path):
    # 83 characters: in %TEMP%\desktop_app_…\ the path would pass Windows' 260.
    stored = "关于加强农村生活污水处理设施运行维护管理的建议" * 3 + "附件二：现场照片" + ".docx"
    (tmp_path / stored).write_bytes(b"docx")
    _c, item_id = cases.save(make_record(new_attachments=(NewAttachment(str(tmp_path / stored)),)))
    written = cases.attachment_to_temp(cases.get(item_id).attachments[0].id)
    assert written.name == stored[:75] + ".docx"


def test_an_attachment_saved_as_is_written_where_asked(cases, tmp_path):
    (tmp_path / "现场照片.jpg").write_bytes(b"\xff\xd8 jpeg")
    _c, item_id = cases.save(make_record(new_attachments=(NewAttachment(str(tmp_path / "现场照片.jpg")),)))
    attachment_id = cases.get(item_id).attachments[0].id
    assert cases.save_attachment(attachment_id, tmp_path / "另存.jpg").read_bytes() == b"\xff\xd8 jpeg"
    with pytest.raises(NotFoundError, match="该附件已不存在"):
        cases.save_attachment(attachment_id + 1000, tmp_path / "另一份.jpg")
    assert not (tmp_path / "另一份.jpg").exists()
