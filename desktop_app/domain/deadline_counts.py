"""The dashboard's counts of open deadlines, prepared once and counted per day (domain layer).

Each bucket (已超期, 3 天内 …) is a range of due dates once the day and the thresholds are known,
so the open deadlines are kept sorted by due date, per kind and per unit; a count is then a slice
of item ids, and a refresh costs a few hundred slices instead of a pass over every deadline.
Windows (退回申请, 公开) that have passed are closed, not overdue: their overdue range is empty.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop_app.domain.deadlines import WINDOW_KINDS, Bucket, Deadline, DeadlineKind, week_starts

NO_UNIT = "（未定单位）"
_BUCKETS = tuple(Bucket)  # OVERDUE, SOON, WEEK, FORTNIGHT, LATER: ranges of due dates in this order


@dataclass(frozen=True)
class Counts:
    """Open deadlines as of a day: the item ids behind each count, the weekly chart, the urgent ones."""

    by_bucket: dict[Bucket, frozenset[int]]
    by_kind: dict[tuple[DeadlineKind, Bucket], frozenset[int]]
    by_unit: dict[tuple[str, Bucket], frozenset[int]]
    weeks: list[tuple[date, int]]
    unit_weeks: dict[str, list[int]]
    units: tuple[str, ...]  # busiest first
    uncovered: int
    urgent: tuple[Deadline, ...] = field(repr=False)


class _Sorted:
    """Due dates in order with the item ids (and deadlines) beside them."""

    __slots__ = ("deadlines", "dues", "ids", "uncovered")

    def __init__(self, deadlines: list[Deadline]):
        deadlines.sort(key=_due_of)
        self.deadlines = deadlines
        self.dues = [d.due.due for d in deadlines]
        self.ids = [d.item_id for d in deadlines]
        self.uncovered = [d.due.due for d in deadlines if not d.due.covered]


    def remove(self, d: Deadline) -> None:
        """Take out ``d`` (this very object), found by its due date."""
        due = d.due.due
        at = bisect_left(self.dues, due)
        while self.deadlines[at] is not d:
            at += 1
        del self.deadlines[at], self.dues[at], self.ids[at]
        if not d.due.covered:
            del self.uncovered[bisect_left(self.uncovered, due)]

    def add(self, d: Deadline) -> None:
        """Put in ``d`` after those due the same day (as a stable sort would)."""
        due = d.due.due
        at = bisect_right(self.dues, due)
        self.deadlines.insert(at, d)
        self.dues.insert(at, due)
        self.ids.insert(at, d.item_id)
        if not d.due.covered:
            self.uncovered.insert(bisect_right(self.uncovered, due), due)


def _due_of(d: Deadline) -> date:
    return d.due.due


class _Group:
    """One row of a count table (a kind, a unit, or everything): its deadlines that stay overdue
    and its windows, each sorted by due date."""

    __slots__ = ("lasting", "windows")

    def __init__(self, deadlines: Iterable[Deadline]):
        lasting, windows = [], []
        for d in deadlines:
            (windows if d.kind in WINDOW_KINDS else lasting).append(d)
        self.lasting, self.windows = _Sorted(lasting), _Sorted(windows)

    def part_of(self, d: Deadline) -> _Sorted:
        return self.windows if d.kind in WINDOW_KINDS else self.lasting

    def parts(self, as_of: date):
        """(sorted part, first index that counts): a window counts only until it passes."""
        return ((self.lasting, 0), (self.windows, bisect_left(self.windows.dues, as_of)))

    def ids_between(self, as_of: date, low: date | None, high: date | None) -> frozenset[int]:
        found: set[int] = set()
        for part, start in self.parts(as_of):
            first = start if low is None else max(start, bisect_left(part.dues, low))
            last = len(part.dues) if high is None else bisect_left(part.dues, high)
            if first < last:
                found.update(part.ids[first:last])
        return frozenset(found)

    def count_between(self, as_of: date, low: date, high: date) -> int:
        total = 0
        for part, start in self.parts(as_of):
            first = max(start, bisect_left(part.dues, low))
            total += max(0, bisect_left(part.dues, high) - first)
        return total


class OpenDeadlineCounts:
    """The open deadlines of one scope (all units, or one unit's), ready to be counted for any day."""

    def __init__(self, deadlines: Iterable[Deadline]):
        deadlines = list(deadlines)
        self._all = _Group(deadlines)
        by_kind: dict[DeadlineKind, list[Deadline]] = {}
        by_unit: dict[str, list[Deadline]] = {}
        for d in deadlines:
            by_kind.setdefault(d.kind, []).append(d)
            by_unit.setdefault(d.unit_name or NO_UNIT, []).append(d)
        self._kinds = {k: _Group(v) for k, v in by_kind.items()}
        self._units = {u: _Group(v) for u, v in by_unit.items()}

    def replace(self, removed: Iterable[Deadline], added: Iterable[Deadline]) -> None:
        """Take out the ``removed`` deadlines (the very objects counted) and put in ``added``: after
        a save, the changed items' deadlines alone, a few bisections instead of sorting them all."""
        for d in removed:
            for group in self._groups_of(d, create=False):
                group.part_of(d).remove(d)
        for d in added:
            for group in self._groups_of(d, create=True):
                group.part_of(d).add(d)

    def _groups_of(self, d: Deadline, create: bool) -> tuple[_Group, ...]:
        unit = d.unit_name or NO_UNIT
        if create:
            for key, groups in ((d.kind, self._kinds), (unit, self._units)):
                if key not in groups:
                    groups[key] = _Group(())
        return self._all, self._kinds[d.kind], self._units[unit]

    def count(self, as_of: date, thresholds: tuple[int, int, int]) -> Counts:
        """The counts as of ``as_of`` with the bucket ``thresholds`` (3, 7, 14 days)."""
        soon, week, fortnight = thresholds
        cuts = [None, as_of, as_of + timedelta(days=soon + 1), as_of + timedelta(days=week + 1),
                as_of + timedelta(days=fortnight + 1), None]
        ranges = [(bucket, cuts[i], cuts[i + 1]) for i, bucket in enumerate(_BUCKETS)]

        def cells(groups: dict[Hashable, _Group]) -> dict:
            out = {}
            for key, group in groups.items():
                for bucket, low, high in ranges:
                    ids = group.ids_between(as_of, low, high)
                    if ids:
                        out[(key, bucket)] = ids
            return out

        by_bucket = {}
        for bucket, low, high in ranges:
            ids = self._all.ids_between(as_of, low, high)
            if ids:
                by_bucket[bucket] = ids
        by_kind, by_unit = cells(self._kinds), cells(self._units)
        mondays = week_starts(as_of)
        spans = [(m, m + timedelta(days=7)) for m in mondays]
        weeks = [(m, self._all.count_between(as_of, m, end)) for m, end in spans]
        unit_weeks = {}
        for unit, group in self._units.items():
            counts = [group.count_between(as_of, m, end) for m, end in spans]
            if any(counts):
                unit_weeks[unit] = counts
        totals = {u: sum(len(ids) for (unit, _b), ids in by_unit.items() if unit == u) for u in self._units}
        units = tuple(sorted((u for u in self._units if totals[u]), key=lambda u: (-totals[u], u)))
        lasting, windows = self._all.lasting, self._all.windows
        uncovered = len(lasting.uncovered) + len(windows.uncovered) - bisect_left(windows.uncovered, as_of)
        limit = cuts[3]  # up to the second threshold: what the notice and the 催办清单 list
        opened = bisect_left(windows.dues, as_of)
        urgent = (tuple(lasting.deadlines[:bisect_left(lasting.dues, limit)])
                  + tuple(windows.deadlines[opened:max(opened, bisect_left(windows.dues, limit))]))
        return Counts(by_bucket, by_kind, by_unit, weeks, unit_weeks, units, uncovered, urgent)
