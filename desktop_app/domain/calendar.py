"""The official working-day calendar and due-date arithmetic (domain layer, pure Python).

Working days follow the State Council's yearly notice: statutory holidays are days off even on a
weekday, 调休 make-up days are working days even on a weekend. The calendar only knows the years
its table covers; in any other year it falls back to plain weekdays and says so, so that every due
date it returns can be flagged 未含节假日安排 and explained (rule, anchor, length, days skipped).
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import functools
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop_app.domain.enums import Labelled

NOT_COVERED_NOTE = "未含节假日安排"
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

#: chinese-calendar's English holiday names → the names of the State Council's notice.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


class LengthUnit(Labelled):
    MONTHS = ("months", "个月")
    DAYS = ("days", "天")
    WORKING_DAYS = ("working_days", "个工作日")


class DayKind(Labelled):
    HOLIDAY = ("holiday", "放假")
    MAKEUP = ("makeup", "调休上班")


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """A row of the holiday table: a day off (``HOLIDAY``) or a make-up working day (``MAKEUP``)."""

    day: date
    kind: DayKind
    name: str = ""


@dataclass(frozen=True, slots=True)
class SkippedDay:
    day: date
    reason: str  # 周六 / 周日 / 春节 …


@dataclass(frozen=True)
class DueDate:
    """A computed due date and everything needed to explain it."""

    due: date
    anchor_label: str
    anchor: date
    length: int
    unit: LengthUnit
    skipped: tuple[SkippedDay, ...] = ()
    counted_makeup: tuple[CalendarDay, ...] = ()
    moved_from: date | None = None  # the date before moving off a day off
    covered: bool = True  # False when a year touched is not in the holiday table
    capped_from: date | None = None  # an extension that would have gone past the cap
    roll_forward: bool = True  # a month or day length landing on a day off moves to a working day
    makeup_day: CalendarDay | None = None  # a month or day length landing on a 调休 make-up day
    day_off_kept: str = ""  # why the (not moved) due date is a day off: 周六, 春节 …

    def explanation(self, rule_label: str = "") -> str:
        """One Chinese paragraph: rule, anchor, length, whether the date moved off a day off,
        days skipped or counted."""
        parts = []
        head = f"{rule_label}：" if rule_label else ""
        weekday = WEEKDAY_NAMES[self.due.weekday()]
        if self.length == 0:
            parts.append(f"{head}到期日即{self.anchor_label} {format_day(self.due)}（{weekday}）。")
        else:
            counted = "（起算日当天不计）" if self.unit is LengthUnit.WORKING_DAYS else ""
            parts.append(
                f"{head}{self.anchor_label} {format_day(self.anchor)} 起 {self.length}{self.unit.label}{counted}，"
                f"到期 {format_day(self.due)}（{weekday}）。"
            )
        if self.unit is not LengthUnit.WORKING_DAYS and (self.length or self.moved_from is not None):
            parts.append(self._landing())  # a date given as such (承诺日期) is due as given
        if self.skipped:
            parts.append(f"跳过 {len(self.skipped)} 天非工作日：{_describe_skipped(self.skipped)}。")
        if self.counted_makeup:
            days = "、".join(f"{format_day(d.day)}（{d.name or '调休'}上班）" for d in self.counted_makeup)
            parts.append(f"计入调休工作日：{days}。")
        if self.capped_from is not None:
            parts.append(f"延期后本应为 {format_day(self.capped_from)}，超过延期上限，按上限计。")
        if not self.covered:
            parts.append(f"{NOT_COVERED_NOTE}：所涉年份的节假日表尚未录入，按周一至周五计算，请在 设置 → 节假日 补录。")
        return "".join(parts)

    def _landing(self) -> str:
        """Where a month or day length landed: moved off a day off, or why it stays."""
        if self.moved_from is not None:
            # The moved-from day is the first day skipped.
            return f"原到期日 {format_day(self.moved_from)}（{self.skipped[0].reason}）不是工作日，顺延到下一个工作日。"
        if self.makeup_day is not None:
            name = f"{self.makeup_day.name}调休" if self.makeup_day.name else "调休"
            return f"该日虽是{WEEKDAY_NAMES[self.due.weekday()]}，但为{name}上班日，是工作日，不顺延。"
        if self.day_off_kept:
            return f"该日是非工作日（{self.day_off_kept}），按规则不顺延。"
        return "该日是工作日，不需顺延。" if self.roll_forward else ""


def format_day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def add_months(start: date, months: int) -> date:
    """Calendar months, clamped to the month's end (1月31日 + 1 个月 = 2月28日 or 29日)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = _stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


@dataclass
class WorkCalendar:
    """Working days on a holiday table. ``covered_years`` are the years whose holidays and make-up
    days the table holds; outside them only weekends are days off."""

    days: dict[date, CalendarDay] = field(default_factory=dict)
    covered_years: frozenset[int] = frozenset()
    # Thousands of items share a 交办日期: each distinct due date is computed once. The table is
    # not changed after construction (a changed table builds a new calendar).
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, days, covered_years) -> "WorkCalendar":
        return cls({d.day: d for d in days}, frozenset(covered_years))

    @property
    def memo(self) -> dict:
        """Due dates computed so far, keyed like ``due``'s arguments (anchor, length, unit,
        anchor label, roll forward): callers with many deadlines look here first."""
        return self._memo

    def covers(self, year: int) -> bool:
        return year in self.covered_years

    def is_working_day(self, d: date) -> bool:
        entry = self.days.get(d)
        if entry is not None:
            return entry.kind is DayKind.MAKEUP
        return d.weekday() < 5

    def day_off_reason(self, d: date) -> str:
        entry = self.days.get(d)
        if entry is not None and entry.kind is DayKind.HOLIDAY:
            return entry.name or "节假日"
        return WEEKDAY_NAMES[d.weekday()]

    def _makeup(self, d: date) -> CalendarDay | None:
        entry = self.days.get(d)
        return entry if entry is not None and entry.kind is DayKind.MAKEUP else None

    def due(self, anchor: date, length: int, unit: LengthUnit, *, anchor_label: str = "起算日",
            roll_forward: bool = True) -> DueDate:
        """The due date ``length`` ``unit`` after ``anchor``.

        Working days are counted from the day after the anchor (the anchor day itself never
        counts). Month and calendar-day lengths land on a date that, with ``roll_forward``, moves
        to the next working day when it is a day off."""
        key = (anchor, length, unit, anchor_label, roll_forward)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._due(anchor, length, unit, anchor_label, roll_forward)
        return found

    def _due(self, anchor: date, length: int, unit: LengthUnit, anchor_label: str, roll_forward: bool) -> DueDate:
        skipped: list[SkippedDay] = []
        makeup: list[CalendarDay] = []
        years = {anchor.year}
        moved_from = None
        table = self.days
        one_day = timedelta(days=1)
        if unit is LengthUnit.WORKING_DAYS:
            day, counted = anchor, 0
            while counted < length:
                day += one_day
                entry = table.get(day)
                if entry is None:
                    working = day.weekday() < 5
                else:
                    working = entry.kind is DayKind.MAKEUP
                if working:
                    counted += 1
                    if entry is not None:
                        makeup.append(entry)
                else:
                    skipped.append(SkippedDay(day, self.day_off_reason(day)))
            years.update(range(anchor.year, day.year + 1))  # every day between was looked at
        else:
            day = add_months(anchor, length) if unit is LengthUnit.MONTHS else anchor + timedelta(days=length)
            years.add(day.year)
            if roll_forward and not self.is_working_day(day):
                moved_from = day
                while not self.is_working_day(day):
                    skipped.append(SkippedDay(day, self.day_off_reason(day)))
                    day += one_day
                years.update(range(moved_from.year, day.year + 1))
        covered = all(y in self.covered_years for y in years)
        landed_makeup, kept = None, ""
        if unit is not LengthUnit.WORKING_DAYS and moved_from is None:
            landed_makeup = self._makeup(day)
            if not roll_forward and not self.is_working_day(day):
                kept = self.day_off_reason(day)
        return DueDate(day, anchor_label, anchor, length, unit, tuple(skipped), tuple(makeup),
                       moved_from, covered, None, roll_forward, landed_makeup, kept)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when end < start)."""
        if end == start:
            return 0
        sign, low, high = (1, start, end) if end > start else (-1, end, start)
        count, day = 0, low
        while day < high:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return sign * count


def _describe_skipped(skipped: tuple[SkippedDay, ...]) -> str:
    """Runs of consecutive days with the same reason: "2025年1月28日至2月4日 春节、2月8日 周六"."""
    runs: list[list[SkippedDay]] = []
    for s in skipped:
        if runs and runs[-1][-1].day + timedelta(days=1) == s.day and runs[-1][-1].reason == s.reason:
            runs[-1].append(s)
        else:
            runs.append([s])
    texts = []
    for run in runs:
        first, last = run[0].day, run[-1].day
        span = format_day(first) if first == last else f"{format_day(first)}至{_short(first, last)}"
        texts.append(f"{span} {run[0].reason}")
    return "、".join(texts)


def _short(first: date, last: date) -> str:
    if first.year != last.year:
        return format_day(last)
    return f"{last.month}月{last.day}日"


@functools.cache
def package_calendar() -> tuple[tuple[CalendarDay, ...], tuple[int, ...]]:
    """Holidays and make-up days known to the ``chinesecalendar`` package, and the years it
    covers; empty when the package is missing. Read once per process (the package does not
    change while the app runs)."""
    try:
        from chinese_calendar.constants import holidays, workdays
    except ImportError:
        return (), ()
    days = [CalendarDay(d, DayKind.HOLIDAY, HOLIDAY_NAMES.get(n, n)) for d, n in holidays.items()]
    days += [CalendarDay(d, DayKind.MAKEUP, HOLIDAY_NAMES.get(n, n)) for d, n in workdays.items()]
    years = sorted({d.day.year for d in days})
    return tuple(sorted(days, key=lambda d: d.day)), tuple(years)
