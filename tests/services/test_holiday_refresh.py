"""The holiday table topped up from the installed chinesecalendar at every open (window and command
line): a year the package brings and the table lacks is added; a year someone entered by hand,
completely or not yet, is never touched."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from desktop_app import startup
from desktop_app.bootstrap import main
from desktop_app.domain.calendar import CalendarDay, DayKind, package_calendar
from desktop_app.services.context import ServiceContext
from desktop_app.services.deadlines import DeadlineService
from desktop_app.storage.database import open_database

# The package's 2026, as the State Council published it: 春节 2月15日–23日, 调休上班 2月14日、28日.
SPRING_2026 = CalendarDay(date(2026, 2, 16), DayKind.HOLIDAY, "春节")
MAKEUP_2026 = CalendarDay(date(2026, 2, 14), DayKind.MAKEUP, "春节")


def service(db) -> DeadlineService:
    return DeadlineService(ServiceContext(db, lambda: "测试员", lambda: datetime(2026, 1, 5, 9)))


@pytest.fixture
def made_before_2026(tmp_path):
    """A database built when the installed package did not know 2026 yet."""
    path = tmp_path / "cases.sqlite"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM calendar_day WHERE day >= '2026-01-01'")
        conn.execute("DELETE FROM calendar_year WHERE year = 2026")
    conn.close()
    return path


def table(path, year=2026):
    with sqlite3.connect(path) as conn:
        days = conn.execute("SELECT day, kind, name FROM calendar_day WHERE day LIKE ? ORDER BY day",
                            (f"{year}-%",)).fetchall()
        source = conn.execute("SELECT source FROM calendar_year WHERE year = ?", (year,)).fetchone()
    conn.close()
    return days, source and source[0]


def package_rows(year=2026):
    days, _years = package_calendar()
    return [(d.day.isoformat(), d.kind.value, d.name) for d in days if d.day.year == year]


def test_the_window_start_adds_the_year_a_newer_package_brings(made_before_2026):
    opened = startup.open_for_window(made_before_2026, demo=False, user_name=lambda: "测试员", interactive=False)
    try:
        calendar = service(opened.db)
        assert 2026 in calendar.covered_years()
        assert {SPRING_2026, MAKEUP_2026} <= set(calendar.calendar_days(2026))
    finally:
        opened.close(reason=None)
    assert table(made_before_2026) == (package_rows(), "chinese-calendar")


def test_a_command_line_open_adds_it_too(made_before_2026, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESKTOP_APP_HOME", str(tmp_path / "home"))
    assert main(["check", "--db", str(made_before_2026)]) == 0
    assert table(made_before_2026) == (package_rows(), "chinese-calendar")


def test_a_year_entered_by_hand_is_never_overwritten(made_before_2026):
    db = open_database(made_before_2026)
    try:
        calendar = service(db)
        assert calendar.refresh_package_years() == [2026]  # the refresh itself, before the hand entry
    finally:
        db.close()
    # The user then corrects 2026 by hand: a local closure, one 调休 day removed, year marked entered.
    with sqlite3.connect(made_before_2026) as conn:
        conn.execute("DELETE FROM calendar_day WHERE day = '2026-02-14'")
        conn.execute("INSERT INTO calendar_day (day, kind, name) VALUES ('2026-03-02', 'holiday', '本地停工')")
        conn.execute("UPDATE calendar_year SET source = '国务院办公厅通知' WHERE year = 2026")
    conn.close()
    by_hand = table(made_before_2026)
    opened = startup.open_for_window(made_before_2026, demo=False, user_name=lambda: "测试员", interactive=False)
    opened.close(reason=None)
    assert table(made_before_2026) == by_hand
    assert ("2026-02-14", "makeup", "春节") not in by_hand[0] and by_hand[1] == "国务院办公厅通知"


def test_a_year_begun_by_hand_but_not_marked_complete_is_left_alone(made_before_2026):
    db = open_database(made_before_2026)
    try:
        calendar = service(db)
        calendar.save_day(CalendarDay(date(2026, 1, 1), DayKind.HOLIDAY, "元旦"))
        writes = db.write_count
        assert calendar.refresh_package_years() == []
        assert db.write_count == writes  # nothing written: the next start looks again, as cheaply
        assert 2026 not in calendar.covered_years()
        assert calendar.calendar_days(2026) == [CalendarDay(date(2026, 1, 1), DayKind.HOLIDAY, "元旦")]
    finally:
        db.close()


def test_with_every_year_present_nothing_is_written(tmp_path):
    db = open_database(tmp_path / "cases.sqlite")
    try:
        writes = db.write_count
        assert service(db).refresh_package_years() == []
        assert db.write_count == writes
    finally:
        db.close()
