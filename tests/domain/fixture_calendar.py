"""The official holiday table of 2024–2026, frozen (``tests/fixtures/holidays_2024_2026.json``).

Tests count working days on this fixture, not on the installed ``chinesecalendar``: a newer release
of the package (say, one that adds 2027) must not change what a test expects. ``test_calendar``
checks separately that the installed package still agrees with it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from desktop_app.domain.calendar import CalendarDay, DayKind, WorkCalendar

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "holidays_2024_2026.json"
YEARS = (2024, 2025, 2026)


def fixture_days() -> list[CalendarDay]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [CalendarDay(date.fromisoformat(d["day"]), DayKind[d["kind"]], d["name"]) for d in data["days"]]


def fixture_calendar() -> WorkCalendar:
    """The holidays and make-up days of 2024–2026; 2027 and later are not covered."""
    return WorkCalendar.of(fixture_days(), YEARS)
