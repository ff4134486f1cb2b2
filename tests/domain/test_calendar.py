"""Working-day arithmetic on the official calendar: holidays, 调休 make-up days, month clamping,
and years the holiday table does not know."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.calendar import (
    NOT_COVERED_NOTE,
    CalendarDay,
    DayKind,
    LengthUnit,
    WorkCalendar,
    add_months,
    package_calendar,
)

from .fixture_calendar import YEARS, fixture_calendar, fixture_days

W = LengthUnit.WORKING_DAYS


@pytest.fixture(scope="module")
def official() -> WorkCalendar:
    return fixture_calendar()


def test_seven_working_days_across_the_2025_spring_festival_count_both_make_up_saturdays(official):
    due = official.due(date(2025, 1, 24), 7, W, anchor_label="签收日期")
    # 1月26日(日) 调休上班 counts, 1月28日–2月4日 off, 2月8日(六) 调休上班 counts.
    assert due.due == date(2025, 2, 10)
    assert [d.day for d in due.counted_makeup] == [date(2025, 1, 26), date(2025, 2, 8)]
    assert date(2025, 1, 29) in {s.day for s in due.skipped}
    text = due.explanation("退回申请期限")
    assert "签收日期 2025年1月24日 起 7个工作日" in text
    assert "春节" in text and "2025年1月26日（春节上班）" in text
    assert due.covered and NOT_COVERED_NOTE not in text


def test_seven_working_days_across_2025_national_day(official):
    due = official.due(date(2025, 9, 30), 7, W)
    assert due.due == date(2025, 10, 16)
    assert [d.day for d in due.counted_makeup] == [date(2025, 10, 11)]
    assert {s.day for s in due.skipped} >= {date(2025, 10, 1), date(2025, 10, 8), date(2025, 10, 12)}


def test_a_month_due_date_landing_in_the_2026_spring_festival_moves_to_the_first_working_day(official):
    due = official.due(date(2025, 11, 15), 3, LengthUnit.MONTHS, anchor_label="交办日期")
    assert due.moved_from == date(2026, 2, 15)
    assert due.due == date(2026, 2, 24)
    assert "顺延" in due.explanation() and "春节" in due.explanation()


def test_the_2026_national_day_make_up_saturday_is_a_working_day_and_the_holiday_is_not(official):
    assert official.is_working_day(date(2026, 10, 10))  # 周六 调休上班
    assert not official.is_working_day(date(2026, 10, 5))  # 周一 国庆节
    due = official.due(date(2026, 9, 30), 2, W)
    assert due.due == date(2026, 10, 9)
    due = official.due(date(2026, 9, 5), 1, LengthUnit.MONTHS)  # 10月5日 国庆 → 10月8日
    assert due.due == date(2026, 10, 8)


def test_no_roll_forward_keeps_a_date_that_lands_on_a_day_off(official):
    due = official.due(date(2025, 11, 15), 3, LengthUnit.MONTHS, roll_forward=False)
    assert due.due == date(2026, 2, 15) and due.moved_from is None


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 8, 31), 1, date(2024, 9, 30)),
        (date(2024, 10, 15), 3, date(2025, 1, 15)),
    ],
)
def test_month_arithmetic_clamps_to_the_months_end(start, months, expected):
    assert add_months(start, months) == expected


def test_a_year_the_table_does_not_cover_counts_weekdays_and_says_so(official):
    assert not official.covers(2027)
    due = official.due(date(2026, 12, 28), 7, W)
    # 12月29–31日 and 1月4–7日 on weekdays only; 2027年元旦 is not in the table.
    assert due.due == date(2027, 1, 6)
    assert not due.covered
    assert NOT_COVERED_NOTE in due.explanation()


def test_a_local_closure_entered_in_the_table_is_skipped():
    closure = CalendarDay(date(2024, 6, 5), DayKind.HOLIDAY, "防汛停工")
    cal = WorkCalendar.of([closure], [2024])
    due = cal.due(date(2024, 6, 3), 3, W)
    assert due.due == date(2024, 6, 7)
    assert "防汛停工" in due.explanation()


def test_working_days_between_counts_make_up_days_and_skips_holidays(official):
    assert official.working_days_between(date(2025, 9, 30), date(2025, 10, 16)) == 7
    assert official.working_days_between(date(2025, 10, 16), date(2025, 9, 30)) == -7


def test_the_installed_chinesecalendar_still_knows_the_fixtures_years_as_published():
    """The live package, checked on its own: it covers 2024–2026 and lists exactly the holidays and
    make-up days the tests count on for them (published notices never change). Whether it already
    knows a later year is deliberately not checked: a newer release may add one at any time."""
    days, years = package_calendar()
    assert set(YEARS) <= set(years), "the installed chinesecalendar lacks a year the app ships for"
    live = sorted((d.day, d.kind, d.name) for d in days if d.day.year in YEARS)
    assert live == sorted((d.day, d.kind, d.name) for d in fixture_days())



# ---- explanations, written out in full ----------------------------------------------------------

def test_a_month_date_on_a_make_up_saturday_says_it_is_a_working_day(official):
    due = official.due(date(2025, 11, 14), 3, LengthUnit.MONTHS, anchor_label="交办日期")
    assert due.due == date(2026, 2, 14) and due.moved_from is None
    assert due.explanation("答复期限") == (
        "答复期限：交办日期 2025年11月14日 起 3个月，到期 2026年2月14日（周六）。"
        "该日虽是周六，但为春节调休上班日，是工作日，不顺延。")


def test_a_month_date_moved_off_the_spring_festival_names_the_day_and_every_day_skipped(official):
    due = official.due(date(2025, 11, 15), 3, LengthUnit.MONTHS, anchor_label="交办日期")
    assert due.explanation("答复期限") == (
        "答复期限：交办日期 2025年11月15日 起 3个月，到期 2026年2月24日（周二）。"
        "原到期日 2026年2月15日（春节）不是工作日，顺延到下一个工作日。"
        "跳过 9 天非工作日：2026年2月15日至2月23日 春节。")


def test_a_month_date_on_an_ordinary_working_day_says_it_did_not_move(official):
    due = official.due(date(2024, 6, 3), 1, LengthUnit.MONTHS, anchor_label="签收日期")
    assert due.explanation("会办意见期限") == (
        "会办意见期限：签收日期 2024年6月3日 起 1个月，到期 2024年7月3日（周三）。该日是工作日，不需顺延。")


def test_a_rule_without_rolling_forward_says_the_day_off_is_kept(official):
    due = official.due(date(2025, 11, 15), 3, LengthUnit.MONTHS, anchor_label="交办日期", roll_forward=False)
    assert due.explanation() == (
        "交办日期 2025年11月15日 起 3个月，到期 2026年2月15日（周日）。该日是非工作日（春节），按规则不顺延。")


def test_working_days_name_the_holidays_skipped_and_the_make_up_days_counted(official):
    due = official.due(date(2025, 1, 24), 7, W, anchor_label="签收日期", roll_forward=False)
    assert due.explanation("退回申请期限") == (
        "退回申请期限：签收日期 2025年1月24日 起 7个工作日（起算日当天不计），到期 2025年2月10日（周一）。"
        "跳过 10 天非工作日：2025年1月25日 周六、2025年1月28日至2月4日 春节、2025年2月9日 周日。"
        "计入调休工作日：2025年1月26日（春节上班）、2025年2月8日（春节上班）。")


def test_a_date_promised_for_a_day_is_due_that_day(official):
    due = official.due(date(2024, 6, 30), 0, LengthUnit.DAYS, anchor_label="承诺日期", roll_forward=False)
    assert due.explanation("承诺事项期限") == "承诺事项期限：到期日即承诺日期 2024年6月30日（周日）。"
