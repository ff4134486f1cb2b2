"""The demo database: realistic, complete (every state), deterministic, fast, cancellable."""

from sqlalchemy import func, select

from desktop_app.domain.enums import ContactWay, ItemStatus, ResultCategory, UnitRole
from desktop_app.services.cases import CaseService
from desktop_app.services.demo import fill_demo, session_name
from desktop_app.services.reference import ReferenceService
from desktop_app.storage.tables import Attachment, Commitment, Contact, Feedback, Item


def test_sixty_items_cover_every_state_result_role_and_unit(ctx):
    fill_demo(ctx)
    rows = CaseService(ctx).list_rows()
    reference = ReferenceService(ctx)
    assert len(rows) == 60
    assert {r.status for r in rows} == set(ItemStatus)
    assert {r.result for r in rows} - {None} == set(ResultCategory)
    assert {UnitRole.LEAD, UnitRole.CO} <= {r.our_role for r in rows}
    assert len(reference.units()) == 15
    assert reference.units()[0].name == "区发展改革委"
    assert [s.name for s in reference.sessions()] == ["区政协五届三次会议", "区二届人大五次会议"]
    our = next(u for u in reference.units() if u.id == reference.our_unit_id())
    assert our.name == "区交通委"
    assert any(r.is_key for r in rows) and any(r.is_leader_handled for r in rows) and any(r.is_secret for r in rows)
    assert any(len(r.co_units.split("、")) > 4 for r in rows)
    with ctx.db.read() as s:
        assert {w for (w,) in s.execute(select(Contact.way).distinct())} == {w.value for w in ContactWay}
        assert s.execute(select(func.count()).select_from(Feedback)).scalar() > 0
        assert s.execute(select(func.count()).select_from(Commitment)).scalar() > 0
        assert s.execute(select(func.count()).select_from(Attachment)).scalar() > 0


def test_demo_items_are_searchable_and_valid(ctx):
    fill_demo(ctx)
    cases = CaseService(ctx)
    assert cases.search_ids("道路")
    assert cases.search_ids("区交通委")
    for row in cases.list_rows():
        record = cases.get(row.id)
        assert cases.validate(record) == [], (row.number, row.title)
    replied = next(r for r in cases.list_rows() if r.status is ItemStatus.REPLIED)
    reply = cases.get(replied.id).replies[0]
    assert "〔2024〕" in reply.doc_number and reply.doc_number.endswith("号")
    some_attachment = next(r for r in cases.list_rows() if cases.get(r.id).attachments)
    info = cases.get(some_attachment.id).attachments[0]
    name, data = cases.attachment_bytes(info.id)
    assert name == info.file_name and len(data) == info.size


def test_the_same_call_gives_the_same_data(ctx, tmp_path):
    from desktop_app.services.context import ServiceContext
    from desktop_app.storage.database import open_database

    fill_demo(ctx)
    other_db = open_database(tmp_path / "other.db")
    try:
        other = ServiceContext(other_db, ctx.user_name, ctx.now)
        fill_demo(other)
        assert CaseService(other).list_rows() == CaseService(ctx).list_rows()
    finally:
        other_db.close()


def test_two_thousand_items_report_progress(ctx):
    calls = []
    fill_demo(ctx, items=2000, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (2000, 2000)
    rows = CaseService(ctx).list_rows()
    assert len(rows) == 2000
    assert len({(r.session_id, r.number) for r in rows}) == 2000


def test_cancelling_leaves_nothing(ctx):
    calls = []

    def cancelled():
        return len(calls) >= 1

    fill_demo(ctx, items=5000, progress=lambda d, t: calls.append(d), cancelled=cancelled)
    with ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(Item)).scalar() == 0
    assert ReferenceService(ctx).units() == []
    assert CaseService(ctx).search_ids("道路") == set()


def test_earlier_sessions_count_back_by_term():
    from desktop_app.domain.enums import Body

    assert session_name(Body.CONGRESS, 0) == "区二届人大五次会议"
    assert session_name(Body.CONGRESS, 1) == "区二届人大四次会议"
    assert session_name(Body.CONGRESS, 5) == "区一届人大五次会议"
    assert session_name(Body.CPPCC, 3) == "区政协四届五次会议"


def test_first_screen_of_rows_is_the_start_of_the_full_list(ctx):
    fill_demo(ctx)
    cases = CaseService(ctx)
    every = cases.list_rows()
    first = cases.list_rows(limit=7)
    assert first == every[:7]


def test_every_demo_item_has_its_checklist_ticked_as_far_as_its_status(ctx, fixed_now):
    from desktop_app.domain.checklist import GateAction, missing_before
    from desktop_app.services.checklist import ChecklistService

    fill_demo(ctx)
    checklists = ChecklistService(ctx)
    cases = CaseService(ctx)
    share: dict[ItemStatus, list[float]] = {}
    for row in cases.list_rows():
        view = checklists.item_checklist(row.id)
        assert view is not None and view.progress.total > 0, row.number
        share.setdefault(row.status, []).append(view.progress.done / view.progress.total)
        done = [e for e in view.entries if e.done]
        assert all(e.done_by and e.done_by != "测试员" and e.done_at <= fixed_now for e in done)
        assigned = cases.get(row.id).assigned_on
        assert all(e.done_at.date() >= assigned for e in done if assigned)
        first_phase = [e for e in view.entries if e.entry.parent_key == view.entries[0].entry.key]
        if row.status in (ItemStatus.REPLIED, ItemStatus.TRACKING, ItemStatus.CLOSED):
            # 办前 is done, and nothing gated on the reply is left open (the gate would have refused).
            assert all(e.done for e in first_phase), row.number
            assert not missing_before(GateAction.REPLY_FINALISED, tuple(e.entry for e in view.entries),
                                      {e.entry.key for e in done})
        if row.status is ItemStatus.CLOSED:
            assert view.progress.complete and view.progress.next_step == ""
        # Every done entry has its tick on record, as a tick in the editor would.
        assert len(checklists.ticks(row.id)) == len(done)
    mean = {status: sum(v) / len(v) for status, v in share.items()}
    assert mean[ItemStatus.PENDING] == 0
    assert 0 < mean[ItemStatus.HANDLING] < mean[ItemStatus.REPLIED] < mean[ItemStatus.CLOSED] == 1
    # Each checklist is what registering the item by hand would have made (our role, co-units,
    # 区领导亲自办理 decide which entries apply): applying the same version again changes nothing.
    version = checklists.template().version_id
    previews = checklists.preview_apply(version, [r.id for r in cases.list_rows()])
    assert len(previews) == 60 and all(p.diff.empty and p.from_number == 1 for p in previews)
    assert len({len(checklists.item_checklist(p.item_id).entries) for p in previews}) > 1
    # The 进度 column shows something other than 0/N for most items.
    progress = checklists.progress_by_item()
    assert len(progress) == 60 and sum(1 for p in progress.values() if p.done) > 30
