"""The deadline service: rules and holidays in the database, due dates per item, the dashboard."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.calendar import NOT_COVERED_NOTE, CalendarDay, DayKind, LengthUnit
from desktop_app.domain.deadlines import Bucket, DeadlineKind
from desktop_app.domain.enums import UnitRole
from desktop_app.domain.errors import ValidationError
from desktop_app.services.deadlines import DeadlineService
from desktop_app.services.dto import AssignmentRecord
from tests.services.records import make_record

AS_OF = date(2024, 6, 3)


@pytest.fixture
def deadlines(ctx) -> DeadlineService:
    return DeadlineService(ctx)


def save(cases, **changes) -> int:
    return cases.save(make_record(**changes))[1]


def test_a_new_database_holds_the_default_rules_and_the_official_holidays(deadlines):
    rules = {(r.kind, r.item_kind): r for r in deadlines.rules()}
    opinion = rules[(DeadlineKind.OPINION, None)]
    assert (opinion.length, opinion.unit) == (1, LengthUnit.MONTHS)
    assert rules[(DeadlineKind.RETURN, None)].describe() == "签收日期起 7个工作日"
    assert {2024, 2025, 2026} <= set(deadlines.covered_years())
    assert CalendarDay(date(2026, 2, 14), DayKind.MAKEUP, "春节") in deadlines.calendar_days(2026)


def test_open_deadlines_list_the_lead_reply_and_the_co_units_opinion_separately(cases, deadlines):
    item_id = save(cases)
    rows = {(r.kind, r.unit_name): r for r in deadlines.open_deadlines(AS_OF)}
    reply = rows[(DeadlineKind.REPLY, "区交通委")]
    assert reply.item_id == item_id and reply.due_on == date(2024, 5, 20)
    assert reply.bucket is Bucket.OVERDUE and reply.days_left == -14
    opinion = rows[(DeadlineKind.OPINION, "区农业农村委")]
    assert opinion.due_on == date(2024, 3, 20)  # not signed: 1 month from 交办


def test_changing_the_hand_over_date_moves_the_due_dates_and_history_says_why(cases, deadlines):
    item_id = save(cases)
    record = cases.get(item_id)
    cases.save(replace(record, assigned_on=date(2024, 4, 1)))
    [reply] = [r for r in deadlines.item_deadlines(item_id, AS_OF) if r.kind is DeadlineKind.REPLY]
    assert reply.due_on == date(2024, 7, 1)
    moved = [h for h in cases.history(item_id) if h.entity == "deadline"]
    assert any(h.old_value == "2024-05-20" and h.new_value == "2024-07-01" and "交办日期" in h.reason
               for h in moved)


def test_a_rule_change_recomputes_and_is_recorded(cases, deadlines):
    item_id = save(cases)
    [rule] = [r for r in deadlines.rules() if r.kind is DeadlineKind.OPINION]
    deadlines.save_rule(replace(rule, length=20, unit=LengthUnit.DAYS))
    [opinion] = [r for r in deadlines.item_deadlines(item_id, AS_OF) if r.kind is DeadlineKind.OPINION]
    assert opinion.due_on == date(2024, 3, 11)  # 2月20日 + 20 天 = 3月11日（周一）
    with pytest.raises(ValidationError, match="0 到 366"):
        deadlines.save_rule(replace(rule, length=-1))


def test_a_local_closure_moves_a_due_date_and_an_uncovered_year_is_flagged(cases, deadlines):
    item_id = save(cases, assigned_on=date(2026, 10, 20))
    deadlines.save_day(CalendarDay(date(2027, 1, 20), DayKind.HOLIDAY, "暴雪停工"))
    [reply] = [r for r in deadlines.item_deadlines(item_id, AS_OF) if r.kind is DeadlineKind.REPLY]
    assert reply.due_on == date(2027, 1, 21) and not reply.covered
    assert NOT_COVERED_NOTE in reply.explanation and "暴雪停工" in reply.explanation
    with pytest.raises(ValidationError, match="本来就是工作日"):
        deadlines.save_day(CalendarDay(date(2027, 1, 21), DayKind.MAKEUP))


def test_the_dashboard_counts_items_per_bucket_kind_and_unit_with_their_ids(cases, reference, deadlines):
    late = save(cases, assigned_on=date(2024, 2, 20))  # reply due 5月20日: overdue
    soon = save(cases, number="0036", assigned_on=date(2024, 3, 5))  # reply due 6月5日
    later = save(cases, number="0037", assigned_on=date(2024, 5, 6))  # reply due 8月6日
    board = deadlines.dashboard(AS_OF, only_our_unit=False)
    assert board.by_bucket[Bucket.OVERDUE] >= {late}
    # 0037's co-unit opinion (5月6日 + 1 个月 = 6月6日) is due soon too.
    assert board.by_bucket[Bucket.SOON] == {soon, later}
    assert board.by_kind[(DeadlineKind.REPLY, Bucket.SOON)] == {soon}
    assert board.by_kind[(DeadlineKind.REPLY, Bucket.LATER)] == {later}
    assert board.by_unit[("区交通委", Bucket.SOON)] == {soon}
    assert sum(n for _monday, n in board.weeks) >= 1 and board.weeks[0][0] == date(2024, 6, 3)
    our = next(u for u in reference.units() if u.name == "区农业农村委")
    reference.set_our_unit(our.id)
    ours = deadlines.dashboard(AS_OF, only_our_unit=True)
    assert ours.only_our_unit and ours.our_unit_name == "区农业农村委"
    assert {r.kind for r in ours.rows} == {DeadlineKind.OPINION}
    assert ours.by_bucket[Bucket.OVERDUE] == {late, soon}


def test_the_startup_notice_lists_overdue_and_due_soon_and_can_be_switched_off(cases, deadlines):
    save(cases, assigned_on=date(2024, 3, 5))
    save(cases, number="0037", assigned_on=date(2024, 5, 6))
    notice = deadlines.startup_notice(AS_OF)
    assert notice and all(r.bucket in (Bucket.OVERDUE, Bucket.SOON) for r in notice)
    deadlines.set_startup_notice(False)
    assert deadlines.startup_notice(AS_OF) == []


def test_next_deadlines_give_each_open_item_its_earliest_date(cases, deadlines):
    item_id = save(cases, assignments=(AssignmentRecord(None, "区交通委", UnitRole.LEAD),))
    nxt = deadlines.next_deadlines(AS_OF)[item_id]
    assert (nxt.kind, nxt.due_on, nxt.bucket) == (DeadlineKind.REPLY, date(2024, 5, 20), Bucket.OVERDUE)


def test_thresholds_are_settings(cases, deadlines):
    soon = save(cases, assigned_on=date(2024, 3, 5))  # due in 2 days
    deadlines.set_thresholds((1, 5, 10))
    board = deadlines.dashboard(AS_OF, only_our_unit=False)
    assert board.by_bucket[Bucket.WEEK] == {soon} and board.bucket_label(Bucket.WEEK) == "5 天内"
    with pytest.raises(ValidationError):
        deadlines.set_thresholds((7, 3, 14))


def test_the_reminder_list_is_an_excel_sheet_of_overdue_and_nearly_due_deadlines(cases, deadlines, tmp_path):
    from openpyxl import load_workbook

    from desktop_app.services.exporters import export

    save(cases, assigned_on=date(2024, 2, 20))  # reply overdue by 14 days
    save(cases, number="0036", assigned_on=date(2024, 3, 5))  # reply due in 2 days
    save(cases, number="0037", assigned_on=date(2024, 5, 6))  # reply due 8月6日: not listed
    count = export(deadlines.ctx, "reminder_list", tmp_path / "催办清单.xlsx", as_of=AS_OF, only_our_unit=False)
    sheet = load_workbook(tmp_path / "催办清单.xlsx").active
    assert sheet["A1"].value == "催办清单（截至 2024年6月3日）"
    lines = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert len(lines) == count
    assert lines[0][2] == "0035" and lines[0][7].startswith("超期") and lines[0][8] == "已超期"
    listed = {(line[2], line[4], line[5]) for line in lines}
    assert ("0036", "答复", "区交通委") in listed and ("0037", "答复", "区交通委") not in listed
    assert not list(tmp_path.glob("*.tmp"))  # atomic_write leaves no temporary file


def test_an_approved_extension_moves_the_reply_date_up_to_the_cap_and_history_says_so(cases, deadlines):
    [cap] = [r for r in deadlines.rules() if r.kind is DeadlineKind.EXTENSION_CAP]
    deadlines.save_rule(replace(cap, length=2))  # this district allows 2 months at most
    item_id = save(cases)
    record = cases.get(item_id)
    lead = next(a for a in record.assignments if a.role is UnitRole.LEAD)
    extended = replace(lead, extension_requested_on=date(2024, 5, 6), extension_months=3,
                       extension_approved_on=date(2024, 5, 10), extension_approver="王副区长")
    cases.save(replace(record, assignments=tuple(extended if a is lead else a for a in record.assignments)))
    [reply] = [r for r in deadlines.item_deadlines(item_id, AS_OF) if r.kind is DeadlineKind.REPLY]
    # 5月20日 + 2 个月上限 = 7月20日（周六）→ 7月22日, not + 3 个月.
    assert reply.due_on == date(2024, 7, 22)
    assert "超过延期上限" in reply.explanation and reply.bucket is Bucket.LATER
    moved = [h for h in cases.history(item_id) if h.entity == "deadline"]
    assert [(h.old_value, h.new_value) for h in moved] == [("2024-05-20", "2024-07-22")]


def test_the_dashboard_follows_every_save(cases, deadlines):
    item_id = save(cases, assignments=(AssignmentRecord(None, "区交通委", UnitRole.LEAD),))
    assert deadlines.dashboard(AS_OF, only_our_unit=False).by_bucket[Bucket.OVERDUE] == {item_id}
    record = cases.get(item_id)
    cases.save(replace(record, assigned_on=date(2024, 3, 5)))
    board = deadlines.dashboard(AS_OF, only_our_unit=False)
    assert Bucket.OVERDUE not in board.by_bucket and board.by_bucket[Bucket.SOON] == {item_id}


def test_rectification_rows_with_a_date_count_on_the_dashboard_linked_or_not(ctx, cases, reference, deadlines):
    from desktop_app.domain.enums import RectificationStatus
    from desktop_app.services.rectification import RectificationService
    from desktop_app.services.rectification_dto import RectificationListInfo, RectificationRowData

    save(cases)  # creates 区交通委 and 区农业农村委
    units = {u.name: u.id for u in reference.units()}
    rect = RectificationService(ctx)
    list_id = rect.save_list(RectificationListInfo(0, "审议意见整改清单"))[1]

    def row(measures, units_text="", unit_ids=(), **dated):
        return rect.save_row(list_id, RectificationRowData(0, "一、甲", measures=measures, units_text=units_text,
                                                           unit_ids=unit_ids, **dated))[1]

    late = row("交通整改", unit_ids=(units["区交通委"],), deadline_on=date(2024, 5, 31))
    everyone = row("共同整改", units_text="各承办单位", deadline_on=date(2024, 6, 5))
    farm = row("农业整改", unit_ids=(units["区农业农村委"],), deadline_on=date(2024, 9, 30))
    row("长期整改", unit_ids=(units["区交通委"],), deadline_term="长期坚持")  # a term, not a date: never counted
    done = row("已完成", unit_ids=(units["区交通委"],), deadline_on=date(2024, 5, 1))
    rect.set_status(done, RectificationStatus.DONE)

    board = deadlines.dashboard(AS_OF, only_our_unit=False)
    assert board.rectification == {Bucket.OVERDUE: {late}, Bucket.SOON: {everyone}, Bucket.LATER: {farm}}
    assert [(r.row_id, r.measures, r.due_on, r.days_left) for r in board.rectification_rows] == [
        (late, "交通整改", date(2024, 5, 31), -3), (everyone, "共同整改", date(2024, 6, 5), 2),
        (farm, "农业整改", date(2024, 9, 30), 119)]
    assert all(r.list_title == "审议意见整改清单" for r in board.rectification_rows)

    reference.set_our_unit(units["区交通委"])  # its own row and the one for 各承办单位
    ours = deadlines.dashboard(AS_OF, only_our_unit=True)
    assert ours.rectification == {Bucket.OVERDUE: {late}, Bucket.SOON: {everyone}}

    rect.set_status(late, RectificationStatus.DONE)  # the next refresh notices
    assert deadlines.dashboard(AS_OF, only_our_unit=True).rectification == {Bucket.SOON: {everyone}}


def test_a_rectification_change_reuses_the_items_deadlines(ctx, cases, reference, deadlines, monkeypatch):
    from desktop_app.services import deadlines as module
    from desktop_app.services.rectification import RectificationService
    from desktop_app.services.rectification_dto import RectificationListInfo, RectificationRowData

    item_id = save(cases, assigned_on=date(2024, 2, 20))
    rect = RectificationService(ctx)
    list_id = rect.save_list(RectificationListInfo(0, "清单"))[1]
    assert (DeadlineKind.RECTIFICATION, Bucket.OVERDUE) not in deadlines.dashboard(AS_OF, False).by_kind

    def no_reload(*_args, **_kwargs):
        raise AssertionError("the items' deadlines were computed again")

    monkeypatch.setattr(module, "load_deadline_facts", no_reload)  # an archive takes seconds here
    rect.save_row(list_id, RectificationRowData(0, "一、甲", measures="m", deadline_on=date(2024, 5, 31),
                                                item_ids=(item_id,)))
    board = deadlines.dashboard(AS_OF, only_our_unit=False)
    assert board.by_kind[(DeadlineKind.RECTIFICATION, Bucket.OVERDUE)] == {item_id}
    assert board.by_kind[(DeadlineKind.REPLY, Bucket.OVERDUE)] == {item_id}


def test_the_plain_sql_reads_use_the_settings_the_services_write(ctx, cases, reference, deadlines):
    from desktop_app.services import case_list, deadline_reads, lookup

    assert deadline_reads.OUR_UNIT_KEY == lookup.OUR_UNIT_KEY == case_list.OUR_UNIT_KEY
    save(cases)
    unit = next(u for u in reference.units() if u.name == "区农业农村委")
    reference.set_our_unit(unit.id)
    deadlines.set_thresholds((2, 5, 10))
    with ctx.db.read() as s:
        from desktop_app.storage.server import driver_connection

        conn = driver_connection(s)
        assert deadline_reads.read_our_unit(conn) == unit.id
        assert deadline_reads.read_thresholds(conn) == (2, 5, 10)
        assert deadline_reads.read_units(conn)["区农业农村委"] == unit.id
