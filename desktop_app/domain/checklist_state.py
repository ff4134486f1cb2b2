"""An item's checklist packed into one text value (domain layer, pure Python).

An item's checklist is a list of entries in display order. Each points at an entry of a template
version (its id) or, rarely, holds its own text (a copy that differed from its template when
migration 0005 converted copies), and carries the item's state: done, when, by whom, note,
evidence. Twenty-odd rows per item cost ~150 MB at 100,000 items; one JSON value per item
(``item_checklist.entries``) costs a fifth of that:

    {"by": ["", "张三"], "e": [[slot, ref, done, at, by, note, contact, attachment], ...]}

``ref`` is the template entry id or the own text (a dict); ``at`` is the tick time in seconds
since 1970-01-01 (the naive local time the app writes; a fraction only when there are
microseconds); ``by`` indexes the item's list of names. Trailing values equal to their default
are left out, so an open entry is ``[slot, ref]``.

An entry's id (what a tick record and the editor name it by) is ``item id << 10 | slot``: the
slot is the entry's number within its item, kept while the entry stays, so an id never moves
to another entry of the item.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop_app.domain.calendar import LengthUnit
from desktop_app.domain.checklist import Condition, Entry, EntryLevel, GateAction
from desktop_app.domain.deadlines import Anchor

SLOT_BITS = 10
SLOTS = 1 << SLOT_BITS
_EPOCH = datetime(1970, 1, 1)
_DEFAULTS = (None, None, 0, None, 0, "", None, None)


def entry_id(item_id: int, slot: int) -> int:
    return (item_id << SLOT_BITS) | slot


def item_of(entry_id_: int) -> int:
    return entry_id_ >> SLOT_BITS


def slot_of(entry_id_: int) -> int:
    return entry_id_ & (SLOTS - 1)


@dataclass
class EntryState:
    """One entry of an item's checklist and the item's state of it."""

    item_id: int
    slot: int
    ref: int | dict  # the template entry id, or the entry's own text (``own_text``)
    done: bool = False
    done_at: datetime | None = None
    done_by: str = ""
    note: str = ""
    contact_id: int | None = None
    attachment_id: int | None = None

    @property
    def id(self) -> int:
        return entry_id(self.item_id, self.slot)

    @property
    def template_entry_id(self) -> int | None:
        return self.ref if isinstance(self.ref, int) else None


def stamp(value: datetime | None):
    if value is None:
        return None
    delta = value - _EPOCH
    seconds = delta.days * 86400 + delta.seconds
    return seconds if not delta.microseconds else round(seconds + delta.microseconds / 1_000_000, 6)


def unstamp(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, int):
        return _EPOCH + timedelta(seconds=value)
    return _EPOCH + timedelta(microseconds=round(value * 1_000_000))


def pack(states: list[EntryState]) -> str:
    """The value of ``item_checklist.entries`` ("" for a checklist without entries)."""
    if not states:
        return ""
    names = [""]
    index = {"": 0}
    rows = []
    for e in states:
        by = index.get(e.done_by)
        if by is None:
            by = index[e.done_by] = len(names)
            names.append(e.done_by)
        row = [e.slot, e.ref, int(e.done), stamp(e.done_at), by, e.note, e.contact_id, e.attachment_id]
        while len(row) > 2 and row[-1] == _DEFAULTS[len(row) - 1]:
            row.pop()
        rows.append(row)
    return json.dumps({"by": names, "e": rows}, ensure_ascii=False, separators=(",", ":"))


def unpack(text: str, item_id: int) -> list[EntryState]:
    if not text:
        return []
    found = json.loads(text)
    names = found.get("by") or [""]
    out = []
    for row in found.get("e", ()):
        row = list(row) + list(_DEFAULTS[len(row):])
        slot, ref, done, at, by, note, contact, attachment = row
        out.append(EntryState(item_id, slot, ref, bool(done), unstamp(at), names[by] if by < len(names) else "",
                              note, contact, attachment))
    return out


def own_text(e: Entry) -> dict:
    """An entry's text for ``EntryState.ref`` (an entry that points at no template entry)."""
    return {"k": e.key, "p": e.parent_key, "l": e.level.value, "n": e.name, "d": e.description,
            "dl": e.due_length, "du": e.due_unit.value, "da": e.due_anchor.value, "g": e.gate.value if e.gate else ""}


def own_entry(text: dict) -> Entry:
    return Entry(
        text.get("k", ""), text.get("n", ""), _member(EntryLevel, text.get("l"), EntryLevel.STEP), text.get("p", ""),
        text.get("d", ""), Condition(), text.get("dl"), _member(LengthUnit, text.get("du"), LengthUnit.DAYS),
        _member(Anchor, text.get("da"), Anchor.ASSIGNED), _member(GateAction, text.get("g"), None),
    )


def pack_dated(pairs) -> str:
    """The entries with a due offset, for the deadlines: ``[[slot, ref, done day or null], ...]``
    ("" when there are none). ``pairs``: (EntryState, Entry) in display order."""
    rows = [[r.slot, r.ref, r.done_at.date().isoformat() if r.done and r.done_at else None]
            for r, e in pairs if e.due_length is not None]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) if rows else ""


def unpack_dated(text: str) -> list[tuple[int, int | dict, date | None]]:
    if not text:
        return []
    return [(slot, ref, date.fromisoformat(day) if day else None) for slot, ref, day in json.loads(text)]


def _member(enum_cls, code, default):
    try:
        return enum_cls(code) if code else default
    except ValueError:  # a code written by a newer version of the app
        return default
