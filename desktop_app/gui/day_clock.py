"""The day clock: announces ``Changes.of("day")`` just after each midnight of the app's clock, so
that a window left open overnight shows deadlines as of the new day (gui layer).

What depends on today listens to ``AppServices.changed`` like for any other change: the deadline
dashboard counts again (3 天内 becomes 已超期) and the case list colours its 下一期限 again.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Callable

from PySide6.QtCore import QObject, QTimer

#: The timer fires this long after midnight, so that a timer a little early still lands in the new day.
ROLLOVER_GRACE_MS = 1000
DAY = "day"


def ms_until_next_day(now: datetime) -> int:
    """Milliseconds from ``now`` until just after the next midnight."""
    midnight = datetime.combine(now.date() + timedelta(days=1), time())
    return int((midnight - now).total_seconds() * 1000) + ROLLOVER_GRACE_MS


class DayClock(QObject):
    """``start(ctx)`` with the app's clock (a database's service context, whose ``now()`` it
    reads); ``check()`` is what the timer calls: it announces the new day once, or only waits
    again when the timer fired early."""

    def __init__(self, announce: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self._announce = announce
        self._ctx = None
        self._today: date | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    def start(self, ctx) -> None:
        self._ctx = ctx
        now = ctx.now()
        self._today = now.date()
        self.timer.start(ms_until_next_day(now))

    def check(self) -> None:
        if self._ctx is None:
            return
        from desktop_app.services.dto import Changes

        now = self._ctx.now()
        if now.date() != self._today:
            self._today = now.date()
            self._announce(Changes.of(DAY))
        self.timer.start(ms_until_next_day(now))
