"""Which checklist entries a demo item has already ticked, when and by whom (services layer,
used by ``demo.fill_demo``).

An item further along has more done: each phase of the checklist (办前, 办中, 办后) is ticked
from its first entry on, to a share that grows with the item's status, and every entry gated on
an action the item has passed (答复定稿, 办结) is done, as the gates would have demanded.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop_app.domain.checklist import Entries, EntryLevel, GateAction, tickable
from desktop_app.domain.checklist_state import stamp
from desktop_app.domain.enums import ItemStatus

# Share of each phase's entries done (办前, 办中, 办后 and any later phase).
_SHARE = {
    ItemStatus.PENDING: (0, 0, 0),
    ItemStatus.HANDLING: (0.6, 0.2, 0),
    ItemStatus.RETURN_REQUESTED: (0.35, 0, 0),
    ItemStatus.RETURNED: (0.35, 0, 0),
    ItemStatus.REPLIED: (1, 0.85, 0.3),
    ItemStatus.FEEDBACK: (1, 0.95, 0.6),
    ItemStatus.REHANDLING: (1, 0.9, 0.4),
    ItemStatus.TRACKING: (1, 0.95, 0.7),
    ItemStatus.CLOSED: (1, 1, 1),
}
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_REPLIED = (ItemStatus.REPLIED, ItemStatus.FEEDBACK, ItemStatus.REHANDLING, ItemStatus.TRACKING,
            ItemStatus.CLOSED)


class DemoTicks:
    """Ticks for demo items, drawn from ``rng`` and never later than ``now``."""

    def __init__(self, now: datetime, rng):
        self.now, self.rng = now, rng
        self._now = int(stamp(now))  # whole seconds, not later than now
        # (key, gate) of the tickable entries phase by phase, per checklist: a bulk run has few
        # distinct checklists (NewChecklists builds each once, so the tuple identifies it).
        self._phases: dict[int, tuple[Entries, list]] = {}

    def __call__(self, entries: Entries, status: ItemStatus, start: date, replied_on: date | None,
                 who: str) -> dict[str, tuple[int, str]]:
        """{entry key: (done at, done by)} for an item in ``status`` handled from ``start``; the
        time in seconds since 1970-01-01 (``checklist_state.stamp``): a million of them are made
        for 100,000 items, and no datetime is needed on the way to the packed checklist."""
        shares = _SHARE[status]
        if not any(shares):
            return {}
        random = self.rng.random
        now = self._now
        passed = {GateAction.REPLY_FINALISED} if status in _REPLIED else set()
        if status is ItemStatus.CLOSED:
            passed.add(GateAction.CLOSE)
        reply = replied_on or start + timedelta(days=60)
        done = {}
        for index, phase in enumerate(self._split(entries)):
            share = shares[min(index, len(shares) - 1)]
            # A little spread so that items of one status do not all show the same progress.
            count = len(phase) if share >= 1 else round(len(phase) * share + random() - 0.5)
            first, last = _window(index, start, reply)
            step = (last - first).days / max(1, len(phase))
            base = (first.toordinal() - _EPOCH_DAY) * 86400
            for k, (key, gate) in enumerate(phase):
                if k < count or gate in passed:
                    day = round(step * (k + random()))
                    at = base + day * 86400 + (9 + int(random() * 8)) * 3600 + int(random() * 60) * 60
                    done[key] = (at if at < now else now, who)
        return done

    def _split(self, entries: Entries) -> list[list[tuple[str, GateAction | None]]]:
        found = self._phases.get(id(entries))
        if found is None or found[0] is not entries:
            phases: list[list] = []
            for e in entries:
                if e.level is EntryLevel.PHASE or not phases:
                    phases.append([])
                if tickable(e):
                    phases[-1].append((e.key, e.gate))
            found = self._phases[id(entries)] = (entries, phases)  # the tuple is kept: its id stays unique
        return found[1]


def _window(phase: int, start: date, reply: date) -> tuple[date, date]:
    """The days in which a phase's entries are ticked: 办前 in the first weeks after signing,
    办中 up to the reply, 办后 in the month after it."""
    if phase == 0:
        return start, start + timedelta(days=max(7, min(20, (reply - start).days // 3)))
    if phase == 1:
        return start + timedelta(days=max(7, (reply - start).days // 3)), reply - timedelta(days=2)
    return reply, reply + timedelta(days=30)
