"""Exchange packages between copies: what travels, who may change what, and every refusal
(tampered, unknown key, wrong addressee, replay, out of order, 涉密, another party's fields)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop_app.domain.errors import ConflictError, DomainError
from desktop_app.exchange import package as pkg
from desktop_app.services.exchange import PackageRefusedError
from tests.services.exchange_copies import Clock, Copy, introduce, item_by_number, send
from tests.services.records import make_record

LEAD, CO = "区交通委", "区农业农村委"


@pytest.fixture
def world(tmp_path):
    clock = Clock(datetime(2024, 3, 1, 9, 0))
    office = Copy(tmp_path / "office", clock, None, units=(LEAD, CO, "区水务局"))
    lead = Copy(tmp_path / "lead", clock, LEAD)
    co = Copy(tmp_path / "co", clock, CO)
    introduce(office, lead, co)
    office.cases.save(make_record())
    yield office, lead, co, clock, tmp_path / "mail"
    for copy in (office, lead, co):
        copy.close()


def sign(copy: Copy, row_unit: str, clock: Clock, **fields):
    clock.advance(days=1)
    record = item_by_number(copy, "0035")
    copy.cases.save(replace(record, assignments=tuple(
        replace(a, **fields) if a.unit_name == row_unit else a for a in record.assignments)))


def forge(copy: Copy, path, addressee: pkg.Party, payload: dict, sequence: int, kind: str, sender=None):
    """A package built by hand but signed with ``copy``'s real key."""
    private = copy.exchange.key_file.read_bytes()
    sender = sender or copy.exchange.identity().party
    pkg.write_package(path, kind=kind, sender=sender, addressee=addressee, sequence=sequence,
                      created_at=datetime(2024, 3, 5), parts={"data.json": json.dumps(payload).encode()},
                      private_pem=private)
    return path


def test_an_assignment_package_brings_the_item_its_proposers_and_units_to_the_unit(world):
    office, lead, _co, _clock, mail = world
    exported, result = send(office, lead, mail, LEAD)
    assert exported.kind == "交办包" and exported.sequence == 1 and exported.items == 1
    assert result.state == "applied"
    record = item_by_number(lead, "0035")
    assert record.title == "关于加强农村道路养护管理的建议" and record.assigned_on == date(2024, 2, 20)
    assert [(a.unit_name, a.role.value) for a in record.assignments] == [(LEAD, "lead"), (CO, "co")]
    assert [p.name for p in record.proposers] == ["张建国", "李秀英"]
    assert record.proposers[0].phone == ""  # deputies' contact details stay at the office by default
    assert record.history[0].reason == "来自 区政府办公室 的交办包 第 1 号"


def test_a_report_package_brings_the_units_signing_to_the_office_with_its_origin_in_history(world):
    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    sign(lead, LEAD, clock, signed_on=date(2024, 3, 2), handler="王五")
    exported, result = send(lead, office, mail, "office")
    assert exported.kind == "报送包" and result.state == "applied"
    record = item_by_number(office, "0035")
    mine = next(a for a in record.assignments if a.unit_name == LEAD)
    assert (mine.signed_on, mine.handler) == (date(2024, 3, 2), "王五")
    reasons = {h.field: h.reason for h in record.history}
    assert reasons[f"{LEAD} 签收日期"] == f"来自 {LEAD} 的报送包 第 1 号"


def test_the_same_package_twice_is_a_no_op_that_says_so(world):
    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    sign(lead, LEAD, clock, signed_on=date(2024, 3, 2))
    exported, _ = send(lead, office, mail, "office")
    history = len(item_by_number(office, "0035").history)
    again = office.exchange.apply(exported.path)
    assert again.state == "duplicate" and "导入过" in again.message
    assert len(item_by_number(office, "0035").history) == history


def test_a_gap_is_reported_and_applied_only_when_asked_and_an_older_package_is_then_refused(world):
    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    sign(lead, LEAD, clock, signed_on=date(2024, 3, 2))
    first = lead.exchange.export("office", mail / "first.zip")
    sign(lead, LEAD, clock, handler="王五")
    second = lead.exchange.export("office", mail / "second.zip")
    preview = office.exchange.preview(second.path)
    assert preview.state == "gap" and preview.missing == (1,) and "缺第 1 号" in preview.message
    with pytest.raises(PackageRefusedError, match="缺第 1 号"):
        office.exchange.apply(second.path)
    assert office.exchange.apply(second.path, allow_gap=True).state == "applied"
    with pytest.raises(PackageRefusedError, match="早于已导入的第 2 号"):
        office.exchange.apply(first.path)


def test_a_package_from_an_unknown_key_is_refused_naming_its_fingerprint(world, tmp_path):
    office, _lead, _co, clock, mail = world
    stranger = Copy(tmp_path / "stranger", clock, "区水务局")
    try:
        stranger.exchange.trust(office.key_file(), "office")
        mail.mkdir(parents=True, exist_ok=True)
        exported = stranger.exchange.export("office", mail / "x.zip")
        fingerprint = stranger.exchange.identity().fingerprint
        with pytest.raises(PackageRefusedError, match="没有登记") as refused:
            office.exchange.preview(exported.path)
        assert fingerprint in str(refused.value)
    finally:
        stranger.close()


def test_a_package_addressed_to_another_unit_is_refused(world):
    office, _lead, co, _clock, mail = world
    mail.mkdir(parents=True, exist_ok=True)
    exported = office.exchange.export(LEAD, mail / "for_lead.zip")
    with pytest.raises(PackageRefusedError, match=f"收件人不符。它是发给 {LEAD} 的，本机是 {CO}"):
        co.exchange.apply(exported.path)
    assert co.cases.list_rows() == []


def test_a_package_whose_signer_is_another_unit_than_it_claims_is_refused(world):
    office, _lead, co, _clock, mail = world
    mail.mkdir(parents=True, exist_ok=True)
    path = forge(co, mail / "f.zip", pkg.Party("office", "区政府办公室"), {"items": []}, 1, "报送包",
                 sender=pkg.Party("unit", LEAD))
    with pytest.raises(PackageRefusedError, match=f"发件人不符.*{CO}.*{LEAD}"):
        office.exchange.preview(path)


def test_a_tampered_package_is_refused_and_nothing_changes(world):
    office, lead, _co, _clock, mail = world
    exported = office.exchange.export(LEAD, (mail.mkdir(parents=True) or mail) / "x.zip")
    data = bytearray(exported.path.read_bytes())
    data[len(data) // 3] ^= 0x20
    exported.path.write_bytes(bytes(data))
    with pytest.raises(PackageRefusedError, match="未导入"):
        lead.exchange.apply(exported.path)
    assert lead.cases.list_rows() == []


def test_a_zip_slip_member_name_is_refused(world):
    office, lead, _co, _clock, mail = world
    import zipfile

    mail.mkdir(parents=True, exist_ok=True)
    good = office.exchange.export(LEAD, mail / "good.zip")
    bad = mail / "bad.zip"
    with zipfile.ZipFile(good.path) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("../../outside.txt", b"x")
    with pytest.raises(PackageRefusedError, match="不允许的成员名"):
        lead.exchange.apply(bad)
    assert not (mail.parent / "outside.txt").exists()


def test_secret_items_are_never_exported_and_a_package_holding_one_is_refused(world):
    office, lead, _co, _clock, mail = world
    office.cases.save(make_record(number="0036", title="涉密事项", is_secret=True))
    exported, _ = send(office, lead, mail, LEAD)
    assert exported.items == 1 and [r.number for r in lead.cases.list_rows()] == ["0035"]
    block = {"uid": "a" * 32, "session": {"name": "区二届人大五次会议", "body": "congress", "level": "district",
                                          "year": 2024}, "number": "0099", "title": "手工", "records": [
        {"entity": "item", "uid": "a" * 32, "fields": {"title": "手工", "number": "0099", "kind": "suggestion",
                                                       "is_secret": True}}]}
    path = forge(office, mail / "secret.zip", pkg.Party("unit", LEAD), {"items": [block]}, 2, "交办包")
    with pytest.raises(PackageRefusedError, match="涉密"):
        lead.exchange.apply(path)
    assert [r.number for r in lead.cases.list_rows()] == ["0035"]


def test_fields_the_sender_does_not_own_are_reported_and_left_alone(world):
    office, lead, _co, _clock, mail = world
    send(office, lead, mail, LEAD)
    record = item_by_number(office, "0035")
    item_uid = _uid(office, "item", record.id)
    block = {"uid": item_uid, "session": {"name": "区二届人大五次会议"}, "number": "0035", "records": [
        {"entity": "item", "uid": item_uid, "fields": {"title": "被单位改掉的标题", "status": "handling"}}]}
    path = forge(lead, mail / "own.zip", pkg.Party("office", "区政府办公室"), {"items": [block]}, 1, "报送包")
    preview = office.exchange.preview(path)
    assert any("title" in line and "不归区交通委修改" in line for line in preview.ignored)
    office.exchange.apply(path)
    after = item_by_number(office, "0035")
    assert after.title == record.title and after.status.value == "handling"


def test_a_field_changed_on_both_sides_is_a_conflict_applied_only_as_chosen(world):
    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    sign(lead, LEAD, clock, handler="王五")
    send(lead, office, mail, "office")
    sign(office, LEAD, clock, handler="办公室改的")
    sign(lead, LEAD, clock, handler="赵六")
    mail.mkdir(exist_ok=True)
    exported = lead.exchange.export("office", mail / "conflict.zip")
    preview = office.exchange.preview(exported.path)
    assert [(c.field, c.base, c.mine, c.theirs) for c in preview.conflicts] == [("承办人", "王五", "办公室改的", "赵六")]
    with pytest.raises(ConflictError, match="冲突"):
        office.exchange.apply(exported.path)
    assert _handler(office) == "办公室改的"
    office.exchange.apply(exported.path, choices={preview.conflicts[0].key: "theirs"})
    assert _handler(office) == "赵六"


def test_a_co_unit_sends_its_opinion_straight_to_the_lead_unit(world):
    office, lead, co, clock, mail = world
    send(office, lead, mail, LEAD)
    send(office, co, mail, CO)
    sign(co, CO, clock, opinion_sent_on=date(2024, 3, 2), opinion_text="同意主办单位的办理意见。")
    lead.exchange.trust(co.key_file(), "unit", CO)
    exported, result = send(co, lead, mail, LEAD)
    assert exported.kind == "会办意见包" and result.state == "applied"
    row = next(a for a in item_by_number(lead, "0035").assignments if a.unit_name == CO)
    assert (row.opinion_sent_on, row.opinion_text) == (date(2024, 3, 2), "同意主办单位的办理意见。")
    assert item_by_number(lead, "0035").title == "关于加强农村道路养护管理的建议"


def test_only_what_changed_since_the_last_package_is_sent_again(world):
    office, lead, _co, _clock, mail = world
    first, _ = send(office, lead, mail, LEAD)
    second, result = send(office, lead, mail, LEAD)
    assert (first.items, second.items, second.sequence) == (1, 0, 2)
    assert result.state == "applied"


def _uid(copy: Copy, table: str, row_id: int) -> str:
    from sqlalchemy import text

    with copy.db.read() as s:
        return s.execute(text(f"SELECT uid FROM {table} WHERE id = :id"), {"id": row_id}).scalar()


def _handler(copy: Copy) -> str:
    return next(a.handler for a in item_by_number(copy, "0035").assignments if a.unit_name == LEAD)


def test_a_contact_the_unit_deleted_goes_at_the_office_and_one_the_office_entered_stays(world):
    from desktop_app.domain.enums import ContactWay
    from desktop_app.services.dto import ContactRecord

    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    clock.advance(days=2)
    record = item_by_number(lead, "0035")
    unit_id = next(a.unit_id for a in record.assignments if a.unit_name == LEAD)
    lead.cases.save(replace(record, contacts=(ContactRecord(date(2024, 3, 2), ContactWay.PHONE, summary="电话沟通",
                                                            unit_id=unit_id),)))
    send(lead, office, mail, "office")
    here = item_by_number(office, "0035")
    office.cases.save(replace(here, contacts=(*here.contacts, ContactRecord(date(2024, 3, 3), ContactWay.MEETING,
                                                                            summary="办公室座谈"))))
    assert sorted(c.summary for c in item_by_number(office, "0035").contacts) == ["办公室座谈", "电话沟通"]
    lead.cases.save(replace(item_by_number(lead, "0035"), contacts=()))
    _exported, result = send(lead, office, mail, "office")
    assert [c.new for c in result.preview.changed] == ["（删除）"]
    assert [c.summary for c in item_by_number(office, "0035").contacts] == ["办公室座谈"]


def test_the_report_view_shows_each_units_last_package_and_who_is_overdue(world):
    office, lead, co, clock, mail = world
    send(office, lead, mail, LEAD)
    send(office, co, mail, CO)
    clock.advance(days=1)
    send(lead, office, mail, "office")
    clock.advance(days=10)
    rows = {r.unit: r for r in office.exchange.unit_reports(quiet_days=30, expect_days=7)}
    assert (rows[LEAD].last_sequence, rows[LEAD].sent_sequence, rows[LEAD].overdue) == (1, 1, False)
    assert (rows[CO].last_sequence, rows[CO].sent_sequence, rows[CO].overdue) == (None, 1, True)
    assert rows[LEAD].last_items == 1 and rows[LEAD].trusted


def test_an_item_reassigned_to_another_unit_is_withdrawn_from_the_first_once(world):
    from desktop_app.domain.enums import UnitRole
    from desktop_app.services.dto import AssignmentRecord

    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    clock.advance(days=3)
    record = item_by_number(office, "0035")
    office.cases.save(replace(record, assignments=(AssignmentRecord(None, "区水务局", UnitRole.LEAD),
                                                   *[a for a in record.assignments if a.unit_name == CO])))
    exported, result = send(office, lead, mail, LEAD)
    assert exported.items == 1
    assert [(c.field, c.new) for c in result.preview.changed] == [("办理单位", "（不再由本单位办理）")]
    after = item_by_number(lead, "0035")
    assert [a.unit_name for a in after.assignments] == [CO]
    assert after.history[0].reason == "来自 区政府办公室 的交办包 第 2 号"
    again, _ = send(office, lead, mail, LEAD)
    assert again.items == 0


def test_a_reused_number_with_other_content_is_refused_and_a_chosen_number_continues(world, tmp_path):
    import shutil

    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    database = lead.folder / "cases.sqlite"
    lead.close()
    shutil.copyfile(database, tmp_path / "before.sqlite")  # a backup taken before the first report
    reporter = Copy(lead.folder, clock, LEAD)
    sign(reporter, LEAD, clock, signed_on=date(2024, 3, 2))
    send(reporter, office, mail, "office")
    reporter.close()
    shutil.copyfile(tmp_path / "before.sqlite", database)  # restored: its numbering starts again
    restored = Copy(lead.folder, clock, LEAD)
    lead.db = restored.db  # closed by the fixture
    sign(restored, LEAD, clock, handler="王五")
    reused = restored.exchange.export("office", mail / "reused.zip")
    assert reused.sequence == 1
    with pytest.raises(PackageRefusedError, match="内容不同.*--sequence 2"):
        office.exchange.preview(reused.path)
    fixed = restored.exchange.export("office", mail / "fixed.zip", full=True, sequence=2)
    assert office.exchange.apply(fixed.path).state == "applied"
    assert _handler(office) == "王五"


def test_the_supervision_notice_chases_a_unit_whose_report_is_overdue(world):
    from desktop_app.services.dto import UnitInfo
    from desktop_app.services.office_letters import OfficeLetterService

    office, lead, _co, clock, mail = world
    office.reference.save_unit(UnitInfo(0, "区政府办公室"))
    office.reference.set_our_unit(next(u.id for u in office.reference.units() if u.name == "区政府办公室"))
    send(office, lead, mail, LEAD)
    clock.advance(days=8)
    notice = OfficeLetterService(office.ctx).supervision_notice(LEAD, clock.now.date())
    assert any("尚未报送办理情况数据包（第 1 号交办包已于" in p for p in notice.paragraphs)
    send(lead, office, mail, "office")
    later = OfficeLetterService(office.ctx)
    try:
        paragraphs = later.supervision_notice(LEAD, clock.now.date()).paragraphs
    except DomainError as error:  # nothing left to chase: said so
        paragraphs = (str(error),)
    assert not any("尚未报送" in p for p in paragraphs)


def test_the_lead_units_checklist_ticks_reach_the_office(world):
    from desktop_app.services.checklist import ChecklistService
    from desktop_app.services.exchange_records import checklist_rows

    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    clock.advance(days=1)
    item_id = item_by_number(lead, "0035").id
    with lead.db.read() as s:
        row, key, name = next((r, k, n) for r, k, n in checklist_rows(s, item_id) if r.id and k and not r.done
                              and "沟通" in n)
        entry_id = row.id
    ChecklistService(lead.ctx).tick(entry_id, True, "已电话联系代表")
    _exported, result = send(lead, office, mail, "office")
    assert [(c.field, c.old, c.new) for c in result.preview.changed] == [(f"办理清单 {name}", "未完成", "已完成")]
    with office.db.read() as s:
        ticked = {k: (r.done, r.done_by, r.note) for r, k, _n in checklist_rows(s, item_by_number(office, "0035").id)}
    assert ticked[key] == (True, LEAD, "已电话联系代表")


def test_the_office_sees_the_lead_units_ticks_and_unticks_in_progress_and_tick_history(world):
    from desktop_app.services.checklist import ChecklistService
    from desktop_app.services.exchange_records import checklist_rows
    from desktop_app.storage.tables import History

    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    clock.advance(days=1)
    item_id = item_by_number(lead, "0035").id
    with lead.db.read() as s:
        entry_id, key, name = next((r.id, k, n) for r, k, n in checklist_rows(s, item_id)
                                   if not r.done and "沟通" in n)
    ChecklistService(lead.ctx).tick(entry_id, True, "已电话联系代表")
    send(lead, office, mail, "office")
    here = item_by_number(office, "0035").id
    checklists = ChecklistService(office.ctx)
    done_before = checklists.progress_by_item()[here].done
    assert [(t.entry_name, t.ticked, t.ticked_by, t.note) for t in checklists.ticks(here)][-1:] == [
        (name, True, LEAD, "已电话联系代表")]
    clock.advance(days=1)
    ChecklistService(lead.ctx).tick(entry_id, False, "误勾，尚未沟通")
    _exported, result = send(lead, office, mail, "office")
    assert [(c.old, c.new) for c in result.preview.changed] == [("已完成", "未完成")]
    assert checklists.progress_by_item()[here].done == done_before - 1
    assert [(t.entry_name, t.ticked, t.note) for t in checklists.ticks(here)][-2:] == [
        (name, True, "已电话联系代表"), (name, False, "误勾，尚未沟通")]
    view = checklists.item_checklist(here)
    assert not next(e for e in view.entries if e.entry.key == key).done
    with office.db.read() as s:
        changes = [(h.old_value, h.new_value) for h in s.query(History).filter(
            History.item_id == here, History.entity == "checklist", History.field == f"办理清单 {name}")]
    assert changes == [("未完成", "已完成"), ("已完成", "未完成")]


def test_rectification_rows_go_to_their_unit_and_its_progress_comes_back(world):
    from desktop_app.domain.enums import RectificationStatus
    from desktop_app.services.rectification import RectificationService
    from desktop_app.services.rectification_dto import RectificationListInfo, RectificationRowData

    office, lead, co, clock, mail = world
    service = RectificationService(office.ctx)
    _c, list_id = service.save_list(RectificationListInfo(0, "审议意见问题整改清单"))
    lead_id = next(u.id for u in office.reference.units() if u.name == LEAD)
    service.save_row(list_id, RectificationRowData(0, "一、办理质量", problem="答复内容空泛", measures="逐件审核答复",
                                                   units_text=LEAD, unit_ids=(lead_id,), deadline_on=date(2024, 12, 31)))
    send(office, lead, mail, LEAD)
    send(office, co, mail, CO)
    assert RectificationService(co.ctx).lists() == []  # not its row
    [row] = RectificationService(lead.ctx).document(RectificationService(lead.ctx).lists()[0].id).rows
    assert (row.problem, row.measures, row.deadline_on) == ("答复内容空泛", "逐件审核答复", date(2024, 12, 31))
    clock.advance(days=5)
    RectificationService(lead.ctx).add_progress(row.id, clock.now.date(), "已建立答复审核制度",
                                                status=RectificationStatus.IN_PROGRESS)
    _exported, result = send(lead, office, mail, "office")
    assert any("已建立答复审核制度" in line for line in result.preview.new)
    [back] = service.document(list_id).rows
    assert back.status is RectificationStatus.IN_PROGRESS
    again = send(lead, office, mail, "office")[1]
    assert not again.preview.new  # a note is added once


def test_the_lead_units_review_reaches_the_offices_campaign_of_the_same_year(world):
    from desktop_app.domain.enums import ResultCategory, ReviewOutcome
    from desktop_app.services.dto import ReplyRecord
    from desktop_app.services.review import ReviewInput, ReviewService
    from tests.services.records import pass_checklist_gate, save_replied

    office, lead, co, clock, mail = world
    send(office, lead, mail, LEAD)
    send(office, co, mail, CO)
    clock.advance(days=20)
    sign(co, CO, clock, opinion_sent_on=clock.now.date(), opinion_text="同意主办单位的办理意见。")
    lead.exchange.trust(co.key_file(), "unit", CO)
    send(co, lead, mail, LEAD)
    record = item_by_number(lead, "0035")
    pass_checklist_gate(lead.ctx, record.id)
    save_replied(lead.cases, replace(record, replies=(ReplyRecord(
        round=1, doc_number="交〔2024〕1号", signer="局长", replied_on=clock.now.date(), result=ResultCategory.SOLVED,
        body="答复正文。"),)))
    send(lead, office, mail, "office")
    campaigns = {}
    for copy in (office, lead):
        campaigns[copy] = ReviewService(copy.ctx).create_campaign(2024)
    lead_review = ReviewService(lead.ctx)
    [entry] = [e for e in lead_review.item_entries(item_by_number(lead, "0035").id)]
    lead_review.record_review(entry.id, ReviewInput(ReviewOutcome.CONFIRMED, "实地查看，已解决。", clock.now.date()))
    _exported, result = send(lead, office, mail, "office")
    assert [c.field for c in result.preview.changed] == ["回头看（2024年）"]
    [back] = ReviewService(office.ctx).item_entries(item_by_number(office, "0035").id)
    assert (back.outcome, back.note) == (ReviewOutcome.CONFIRMED, "实地查看，已解决。")


def test_attachments_travel_only_when_asked_and_arrive_once(world, tmp_path):
    from desktop_app.services.dto import NewAttachment

    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    pdf = tmp_path / "会办意见（盖章）.pdf"
    pdf.write_bytes(b"%PDF-1.4 signed opinion")
    lead.cases.save(replace(item_by_number(lead, "0035"), new_attachments=(NewAttachment(str(pdf)),)))
    plain, _ = send(lead, office, mail, "office")
    assert item_by_number(office, "0035").attachments == ()
    with_files = lead.exchange.export("office", mail / "with.zip", full=True, attachments=True)
    assert with_files.size > plain.size
    result = office.exchange.apply(with_files.path)
    assert result.preview.new == ("新附件：区二届人大五次会议 第0035号 会办意见（盖章）.pdf",)
    [attachment] = item_by_number(office, "0035").attachments
    assert office.cases.attachment_bytes(attachment.id) == (pdf.name, b"%PDF-1.4 signed opinion")
    again = lead.exchange.export("office", mail / "again.zip", full=True, attachments=True)
    assert office.exchange.apply(again.path).preview.new == ()


def test_the_offices_new_checklist_template_is_offered_and_saved_at_the_unit_without_touching_its_ticks(world):
    from desktop_app.domain.checklist import Entry, EntryLevel
    from desktop_app.services.checklist import ChecklistService

    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    at_lead = ChecklistService(lead.ctx)
    item_id = item_by_number(lead, "0035").id
    before = at_lead.item_checklist(item_id)
    first = next(e for e in before.entries if e.entry.level is EntryLevel.STEP)
    at_lead.tick(first.id, True, "已签收")
    # The office adds a step to its template and sends the next 交办包.
    at_office = ChecklistService(office.ctx)
    current = at_office.template()
    phase = next(e for e in current.entries if e.level is EntryLevel.PHASE)
    added = Entry("office-report", "向区政府办公室报送办理情况", EntryLevel.STEP, phase.key)
    at_office.save_template(current.template_id, current.name, current.description, (*current.entries, added))
    clock.advance(days=1)
    exported = office.exchange.export(LEAD, mail / "template.zip")
    preview = lead.exchange.preview(exported.path)
    offered = [c for c in preview.changed if c.field == "清单模板"]
    assert len(offered) == 1 and current.name in offered[0].new
    assert "向区政府办公室报送办理情况" not in [e.name for e in at_lead.template().entries]  # preview writes nothing
    lead.exchange.apply(exported.path)
    received = at_lead.template()
    assert received.number == at_lead.template(version_id=before.version_id).number + 1
    assert "向区政府办公室报送办理情况" in [e.name for e in received.entries]
    after = at_lead.item_checklist(item_id)
    assert after.version_id == before.version_id and after.outdated  # the item's checklist waits to be applied
    assert next(e for e in after.entries if e.id == first.id).done
    # Unchanged since: the next package neither carries nor offers it again.
    clock.advance(days=1)
    again = office.exchange.export(LEAD, mail / "again.zip")
    assert "清单模板" not in [c.field for c in lead.exchange.preview(again.path).changed]


def test_the_offices_supervision_and_its_note_reach_the_units_item(world):
    office, lead, _co, clock, mail = world
    send(office, lead, mail, LEAD)
    clock.advance(days=1)
    record = item_by_number(office, "0035")
    note = "区政府常务会议研究：列为重点督办件，由分管副区长督办"
    office.cases._save(replace(record, is_key=True, supervisor="王副区长"), reason=note)
    clock.advance(days=1)
    exported = office.exchange.export(LEAD, mail / "supervise.zip")
    preview = lead.exchange.preview(exported.path)
    assert ("督办领导", "", "王副区长") in [(c.field, c.old, c.new) for c in preview.changed]
    assert f"重点督办：{note}" in [c.new for c in preview.changed if c.field == "督办说明"]
    lead.exchange.apply(exported.path)
    at_lead = item_by_number(lead, "0035")
    assert at_lead.is_key and at_lead.supervisor == "王副区长"
    noted = [h for h in at_lead.history if h.reason == note]
    assert sorted((h.field, h.new_value) for h in noted) == [("督办领导", "王副区长"), ("重点督办", "是")]
    assert len([c for c in preview.changed if c.field == "督办说明"]) == 1
    assert noted[0].changed_by.startswith("区政府办公室")
    # The note is told once: the next package (with a further change) does not repeat it.
    clock.advance(days=1)
    office.cases.save(replace(item_by_number(office, "0035"), title="关于加强农村公路养护管理的建议"))
    lead.exchange.apply(office.exchange.export(LEAD, mail / "later.zip").path)
    assert len([h for h in item_by_number(lead, "0035").history if h.reason == note]) == len(noted)


def test_a_link_made_at_the_unit_reaches_the_offices_similar_items_and_history_and_back(world):
    from desktop_app.domain.enums import LinkKind, UnitRole
    from desktop_app.services.dto import AssignmentRecord
    from desktop_app.services.similarity import SimilarityService

    office, lead, co, clock, mail = world
    office.cases.save(make_record(number="0036", title="关于修缮村级公路桥梁的建议"))
    send(office, lead, mail, LEAD)
    # An item only the unit has (entered there, led by another unit): the office does not know it.
    _changes, local_id = lead.cases.save(make_record(number="0099", title="关于农村公交站台建设的建议",
                                                     assignments=(AssignmentRecord(None, CO, UnitRole.LEAD),)))
    first, second = item_by_number(lead, "0035").id, item_by_number(lead, "0036").id
    clock.advance(hours=2)
    SimilarityService(lead.ctx).link(first, second, LinkKind.SAME)
    SimilarityService(lead.ctx).link(first, local_id, LinkKind.DISMISSED)

    _exported, result = send(lead, office, mail, "office")
    ignored = [line for line in result.preview.ignored if "第0099号" in line]
    assert len(ignored) == 1 and "本机没有" in ignored[0] and "不是同一问题" in ignored[0]
    here = item_by_number(office, "0035")
    similar = SimilarityService(office.ctx).similar_to_item(here.id)
    linked = [s for s in similar if s.link is LinkKind.SAME]
    assert [s.number for s in linked] == ["0036"]
    for number in ("0035", "0036"):
        line = next(h for h in item_by_number(office, number).history if h.field == "相似件")
        assert line.new_value.startswith("同一问题：") and LEAD in line.new_value  # who linked
        assert line.reason == f"来自 {LEAD} 的报送包 第 1 号"
    assert not any(r.number == "0099" for r in office.cases.list_rows())

    # The office changes its mind; the unit's copy follows, and a removal travels too.
    clock.advance(hours=1)
    other = item_by_number(office, "0036").id
    SimilarityService(office.ctx).link(here.id, other, LinkKind.DISMISSED)
    send(office, lead, mail, LEAD)
    assert all(s.item_id != first for s in SimilarityService(lead.ctx).similar_to_item(second))
    reasons = [h.reason for h in item_by_number(lead, "0036").history if h.field == "相似件"]
    assert "来自 区政府办公室 的交办包 第 2 号" in reasons
    clock.advance(hours=1)
    SimilarityService(office.ctx).unlink(here.id, other)
    send(office, lead, mail, LEAD)
    lines = [h for h in item_by_number(lead, "0035").history if h.field == "相似件"]
    assert lines[0].new_value == "" and lines[0].old_value.startswith("不是同一问题：")


def test_a_link_to_a_secret_item_never_travels(world):
    from desktop_app.domain.enums import LinkKind
    from desktop_app.services.similarity import SimilarityService

    office, lead, _co, _clock, mail = world
    _c, secret_id = office.cases.save(make_record(number="0037", title="关于道路养护的涉密建议", is_secret=True))
    SimilarityService(office.ctx).link(item_by_number(office, "0035").id, secret_id, LinkKind.SAME)
    exported, _result = send(office, lead, mail, LEAD)
    payload = json.loads(pkg.open_package(exported.path).parts["data.json"])
    assert payload["links"]["links"] == []


def test_a_link_between_items_new_to_the_unit_is_previewed_as_new_and_arrives_with_them(world):
    from desktop_app.domain.enums import LinkKind
    from desktop_app.services.similarity import SimilarityService

    office, lead, _co, _clock, mail = world
    _c, other = office.cases.save(make_record(number="0036", title="关于修缮村级公路桥梁的建议"))
    SimilarityService(office.ctx).link(item_by_number(office, "0035").id, other, LinkKind.SAME)
    mail.mkdir(parents=True, exist_ok=True)
    exported = office.exchange.export(LEAD, mail / "first.zip")
    preview = lead.exchange.preview(exported.path)
    assert any("相似件" in line and "同一问题" in line for line in preview.new)
    assert not any("相似件" in line for line in preview.ignored)
    lead.exchange.apply(exported.path)
    similar = SimilarityService(lead.ctx).similar_to_item(item_by_number(lead, "0035").id)
    assert [s.number for s in similar if s.link is LinkKind.SAME] == ["0036"]


def test_a_later_judgement_at_the_office_stays_when_the_units_earlier_one_arrives(world):
    from desktop_app.domain.enums import LinkKind
    from desktop_app.services.similarity import SimilarityService

    office, lead, _co, clock, mail = world
    office.cases.save(make_record(number="0036", title="关于修缮村级公路桥梁的建议"))
    send(office, lead, mail, LEAD)
    SimilarityService(lead.ctx).link(item_by_number(lead, "0035").id, item_by_number(lead, "0036").id)
    clock.advance(hours=1)
    here, other = item_by_number(office, "0035").id, item_by_number(office, "0036").id
    SimilarityService(office.ctx).link(here, other, LinkKind.DISMISSED)
    _exported, result = send(lead, office, mail, "office")
    assert any("之后另判为“不是同一问题”" in line for line in result.preview.ignored)
    assert all(s.item_id != other for s in SimilarityService(office.ctx).similar_to_item(here))
