"""The demo database: realistic, complete (every state), deterministic, fast, cancellable."""

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from desktop_app.domain.enums import Body, ContactWay, ItemStatus, ResultCategory, UnitRole
from desktop_app.services.cases import CaseService
from desktop_app.services.demo import fill_demo
from desktop_app.services.demo_data import latest_session_year, session_name
from desktop_app.services.rectification import RectificationService
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
    assert len(reference.units()) == 16  # 15 handling units and the 区人民政府, which issues the report
    assert reference.units()[-1].doc_number_pattern == "崇府发〔{年}〕{号}号"
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


def test_demo_items_are_searchable_and_valid(ctx, fixed_now):
    fill_demo(ctx)
    cases = CaseService(ctx)
    assert cases.search_ids("道路")
    assert cases.search_ids("区交通委")
    for row in cases.list_rows():
        record = cases.get(row.id)
        assert cases.validate(record) == [], (row.number, row.title)
    replied = next(r for r in cases.list_rows() if r.status is ItemStatus.REPLIED)
    reply = cases.get(replied.id).replies[0]
    assert f"〔{latest_session_year(fixed_now.date())}〕" in reply.doc_number and reply.doc_number.endswith("号")
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


def test_sessions_are_named_for_their_year_counting_by_term():
    assert session_name(Body.CONGRESS, 2024) == "区二届人大五次会议"
    assert session_name(Body.CONGRESS, 2023) == "区二届人大四次会议"
    assert session_name(Body.CONGRESS, 2019) == "区一届人大五次会议"
    assert session_name(Body.CONGRESS, 2026) == "区三届人大二次会议"
    assert session_name(Body.CPPCC, 2021) == "区政协四届五次会议"
    assert session_name(Body.CPPCC, 2026) == "区政协五届五次会议"
    assert session_name(Body.CPPCC, 2027) == "区政协六届一次会议"


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


@pytest.mark.parametrize("today", [date(2026, 12, 4), date(2027, 2, 10), date(2025, 6, 16)])
def test_the_demo_is_dated_around_its_today_with_deadlines_overdue_this_week_and_later(tmp_path, today):
    from desktop_app.domain.deadlines import Bucket, DeadlineKind
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.deadlines import DeadlineService
    from desktop_app.storage.database import open_database

    db = open_database(tmp_path / "demo.db")
    try:
        ctx = ServiceContext(db, lambda: "测试员", lambda: datetime.combine(today, time(9, 30)))
        fill_demo(ctx)
        cases = CaseService(ctx)
        rows = cases.list_rows()
        newest = latest_session_year(today)
        assert newest in (today.year, today.year - 1)
        assert session_name(Body.CONGRESS, newest) in [s.name for s in ReferenceService(ctx).sessions()]
        assert {r.status for r in rows} == set(ItemStatus)
        events = []
        for row in rows:
            record = cases.get(row.id)
            assert cases.validate(record) == [], (row.number, row.title)
            events += [record.assigned_on, *(r.replied_on for r in record.replies),
                       *(c.contact_on for c in record.contacts),
                       *(a.signed_on for a in record.assignments), *(a.opinion_sent_on for a in record.assignments),
                       *(a.return_requested_on for a in record.assignments),
                       *(a.extension_approved_on for a in record.assignments)]
        with db.read() as s:
            events += list(s.execute(select(Feedback.received_on)).scalars())
            events += list(s.execute(select(Commitment.closed_on)).scalars())
        dated = [d for d in events if d]
        assert max(dated) <= today  # nothing happened after today
        assert min(dated) >= date(newest, 1, 1)  # the newest session's items: within the past year and a half
        replies = [d for d in (r.replied_on for row in rows for r in cases.get(row.id).replies) if d]
        assert (today - min(replies)).days < 550 and (today - max(replies)).days < 200
        open_replies = [r for r in DeadlineService(ctx).open_deadlines(today, unit_id=None)
                        if r.kind is DeadlineKind.REPLY]
        buckets = {r.bucket for r in open_replies}
        assert {Bucket.OVERDUE, Bucket.SOON, Bucket.WEEK, Bucket.LATER} <= buckets
        assert sum(1 for r in open_replies if 0 <= r.days_left <= 7) >= 3
        assert sum(1 for r in rows if r.status is ItemStatus.CLOSED) >= 3
        ours = DeadlineService(ctx).open_deadlines(today, unit_id=ReferenceService(ctx).our_unit_id())
        assert any(r.kind is DeadlineKind.OPINION and r.bucket is Bucket.OVERDUE for r in ours)
        # The 整改清单 answers an opinion of the past months; its open rows fall due from now on.
        [listed] = RectificationService(ctx).lists()
        assert listed.opinion_date < listed.report_date < today and f"〔{listed.report_date.year}〕" in listed.report_doc_number
        rectification = [r for r in DeadlineService(ctx).open_deadlines(today) if r.kind is DeadlineKind.RECTIFICATION]
        assert rectification and all(r.due_on >= today for r in rectification)
    finally:
        db.close()


def test_the_demo_has_a_cppcc_session_in_the_cppccs_terms(ctx):
    from desktop_app.domain.enums import FilingDecision, ItemKind, MergedCount
    from desktop_app.services.letters import LetterService
    from desktop_app.services.proposals import ProposalService

    fill_demo(ctx)
    cases = CaseService(ctx)
    proposals = [cases.get(r.id) for r in cases.list_rows() if r.kind is ItemKind.PROPOSAL]
    newest = max(p.session_name for p in proposals)
    session = [p for p in proposals if p.session_name == newest]
    assert {p.filing for p in session} == {FilingDecision.FILED, FilingDecision.NOT_FILED}
    [lead] = [p for p in session if p.merged_numbers]
    assert len(lead.merged_numbers) == 2
    letters = LetterService(ctx).reply_letter(lead.id)
    assert letters.number.count("、") == 2 and len(letters.addressees) >= 3
    assert any(p.is_key and p.supervisor for p in session)
    service = ProposalService(ctx)
    per_proposal = service.report(mode=MergedCount.PER_PROPOSAL).overall
    per_handling = service.report(mode=MergedCount.PER_HANDLING).overall
    assert per_proposal["total"].count - per_handling["total"].count == 2
    assert per_proposal["not_filed"].count == 1 and per_proposal["key"].count >= 1
    assert any(name.endswith("界") or name in ("中共", "民革") for name in service.report().by_sector)
