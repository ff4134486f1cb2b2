"""审议意见整改清单: rows grouped by aspect, moves, units, terms versus dates, progress, links."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.enums import RectificationStatus
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.rectification import RectificationEntry, parse_deadline
from desktop_app.services.dto import UnitInfo
from desktop_app.services.rectification import RectificationService
from desktop_app.services.rectification_dto import RectificationListInfo, RectificationRowData
from desktop_app.services.reference import ReferenceService

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed_appendix.json"


def seed_entries() -> list[RectificationEntry]:
    return [RectificationEntry(**r) for r in json.loads(FIXTURE.read_text(encoding="utf-8"))["rows"]]


@pytest.fixture
def service(ctx):
    return RectificationService(ctx)


def test_import_keeps_the_seed_rows_in_order_and_links_named_units(ctx, service):
    ReferenceService(ctx).save_unit(UnitInfo(0, "区政府办公室"))
    _changes, list_id = service.import_entries("审议意见问题整改清单", seed_entries())
    doc = service.document(list_id)
    assert [r.entry() for r in doc.rows] == seed_entries()
    assert len(doc.aspects()) == 3
    office = ReferenceService(ctx).units()[0].id
    assert doc.rows[0].unit_ids == (office,) and doc.rows[1].unit_ids == ()
    assert doc.rows[0].units_text == "区政府办公室 各承办单位"
    assert all(r.deadline_term == "持续推进" and r.deadline_on is None for r in doc.rows)
    assert service.lists()[0].row_count == 6


def test_rows_stay_grouped_and_move_within_their_aspect(service):
    _c, list_id = service.save_list(RectificationListInfo(0, "清单"))
    a1 = service.save_row(list_id, RectificationRowData(0, "一、甲", problem="p1"))[1]
    b1 = service.save_row(list_id, RectificationRowData(0, "二、乙", problem="q1"))[1]
    a2 = service.save_row(list_id, RectificationRowData(0, "一、甲", problem="p2"))[1]
    ids = lambda: [r.id for r in service.document(list_id).rows]  # noqa: E731
    assert ids() == [a1, a2, b1]
    service.move_row(a2, -1)
    assert ids() == [a2, a1, b1]
    service.move_row(b1, -1)  # the first row of its aspect stays put
    assert ids() == [a2, a1, b1]
    service.move_aspect(list_id, "二、乙", -1)
    assert ids() == [b1, a2, a1]
    service.rename_aspect(list_id, "一、甲", "一、丙")
    assert service.document(list_id).aspects() == ["二、乙", "一、丙"]
    service.delete_aspect(list_id, "二、乙")
    assert ids() == [a2, a1]
    service.delete_row(a2)
    assert ids() == [a1]


def test_only_real_dates_count_toward_overdue(ctx, service):
    _c, list_id = service.save_list(RectificationListInfo(0, "清单"))
    late = service.save_row(list_id, RectificationRowData(0, "一、甲", measures="m", deadline_term="2024年5月31日"))[1]
    service.save_row(list_id, RectificationRowData(0, "一、甲", measures="m", deadline_term="年底前"))
    service.save_row(list_id, RectificationRowData(0, "一、甲", measures="m", deadline_on=date(2024, 6, 30)))
    rows = service.document(list_id).rows
    assert rows[0].deadline_on == date(2024, 5, 31) and rows[0].deadline_text == "2024年5月31日"
    assert [r.overdue(ctx.today()) for r in rows] == [True, False, False]
    assert service.lists()[0].overdue_count == 1
    due = service.due_rows()
    assert [(d.row_id, d.days_left) for d in due][0] == (late, -3) and len(due) == 2
    service.add_progress(late, date(2024, 6, 1), "已完成", status=RectificationStatus.DONE)
    assert service.lists()[0].overdue_count == 0 and len(service.due_rows()) == 1


def test_progress_notes_with_evidence(service):
    _c, list_id = service.import_entries("清单", seed_entries()[:1])
    row = service.document(list_id).rows[0]
    service.add_progress(row.id, date(2024, 6, 1), "召开专题会议部署", "会议纪要.pdf", b"%PDF-1.4",
                         status=RectificationStatus.IN_PROGRESS)
    row = service.document(list_id).rows[0]
    assert row.status is RectificationStatus.IN_PROGRESS
    note = row.progress[0]
    assert (note.note, note.evidence_name, note.has_evidence) == ("召开专题会议部署", "会议纪要.pdf", True)
    assert service.evidence(note.id) == ("会议纪要.pdf", b"%PDF-1.4")
    with pytest.raises(ValidationError):
        service.add_progress(row.id, date(2024, 6, 1), "  ")


def test_units_picked_from_the_list_print_by_name(ctx, service):
    ref = ReferenceService(ctx)
    ref.save_unit(UnitInfo(0, "区交通委"))
    ref.save_unit(UnitInfo(0, "区财政局"))
    ids = tuple(u.id for u in ref.units())
    _c, list_id = service.save_list(RectificationListInfo(0, "清单"))
    service.save_row(list_id, RectificationRowData(0, "一、甲", measures="m", unit_ids=ids))
    row = service.document(list_id).rows[0]
    assert set(row.unit_ids) == set(ids) and set(row.units_text.split()) == {"区交通委", "区财政局"}


def test_mistakes_are_explained(service):
    with pytest.raises(ValidationError, match="标题"):
        service.save_list(RectificationListInfo(0, " "))
    _c, list_id = service.save_list(RectificationListInfo(0, "清单"))
    with pytest.raises(ValidationError, match="主要方面"):
        service.save_row(list_id, RectificationRowData(0, "", problem="p"))
    with pytest.raises(NotFoundError, match="整改清单"):
        service.find_list("不存在")
    assert service.find_list("清单") == list_id


def test_parse_deadline_terms_and_dates():
    assert parse_deadline("2024-12-31") == (date(2024, 12, 31), "")
    assert parse_deadline("2024.6.3") == (date(2024, 6, 3), "")
    assert parse_deadline("长期坚持") == (None, "长期坚持")
    assert parse_deadline("2024年2月30日") == (None, "2024年2月30日")


def test_a_dated_row_linked_to_an_open_item_appears_on_the_deadline_dashboard(ctx, service):
    from desktop_app.domain.deadlines import Bucket, DeadlineKind
    from desktop_app.services.cases import CaseService
    from desktop_app.services.deadlines import DeadlineService
    from tests.services.records import make_record

    item_id = CaseService(ctx).save(make_record())[1]
    unit = next(u.id for u in ReferenceService(ctx).units() if u.name == "区交通委")
    _c, list_id = service.save_list(RectificationListInfo(0, "清单"))
    deadlines = DeadlineService(ctx)
    row_id = service.save_row(list_id, RectificationRowData(
        0, "一、甲", measures="整改", unit_ids=(unit,), deadline_on=date(2024, 5, 31), item_ids=(item_id,)))[1]
    service.save_row(list_id, RectificationRowData(0, "一、甲", measures="长期", deadline_term="长期坚持",
                                                   item_ids=(item_id,)))
    rows = [r for r in deadlines.open_deadlines() if r.kind is DeadlineKind.RECTIFICATION]
    assert [(r.item_id, r.due_on, r.unit_name, r.bucket) for r in rows] == [
        (item_id, date(2024, 5, 31), "区交通委", Bucket.OVERDUE)]
    board = deadlines.dashboard(only_our_unit=False)
    assert item_id in board.by_kind[(DeadlineKind.RECTIFICATION, Bucket.OVERDUE)]
    service.set_status(row_id, RectificationStatus.DONE)  # the cache notices the status change
    assert not [r for r in deadlines.open_deadlines() if r.kind is DeadlineKind.RECTIFICATION]
