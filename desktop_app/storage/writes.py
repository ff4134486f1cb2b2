"""What every back end's write transaction shares (storage layer): the write log that tells a
cache which items changed, and the text cleaning at the storage boundary."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop_app.domain.text import has_unwritable, writable

#: ``Session.info`` key under which a write lists the items it changed (``note_items_written``).
ITEMS_WRITTEN = "desktop_app_items_written"
#: How many recent writes remember their items: a cache older than that reloads whole.
WRITE_LOG_LENGTH = 256


def note_items_written(session: Session, item_ids) -> None:
    """Inside ``Database.write()``: record that this write changed only the facts of ``item_ids``
    (and nothing else a cache depends on), so that ``Database.items_written_since`` can tell a
    cache to reload those items alone. A write that does not call this counts as changing
    anything."""
    session.info.setdefault(ITEMS_WRITTEN, set()).update(int(i) for i in item_ids)


class ChangeToken(tuple):
    """(writes committed through this ``Database``, SQLite's ``data_version`` as seen by a
    connection of its own): equal tokens mean nothing was written meanwhile, by this process or
    another (the command line, or another user while this one is read-only)."""

    @property
    def writes(self) -> int:
        return self[0]


def items_written_since(token: ChangeToken, writes: int, written, data_version) -> frozenset[int] | None:
    """``Database.items_written_since`` over a back end's write log (``written``: (count, items,
    data version before, after) of recent writes) and its ``data_version`` function."""
    since, version = token
    if since > writes or writes - since > len(written):
        return None
    items: set[int] = set()
    for count, changed, before, after in written:
        if count <= since:
            continue
        if changed is None or before != version:  # before != version: someone else wrote
            return None
        items |= changed
        version = after
    if data_version() != version:
        return None
    return frozenset(items)


def clean_text(session: Session, _context, _instances) -> None:
    """The storage boundary of ``domain.text``: no record is written with a control character or
    a lone surrogate in its text, whichever editor or import it came from (a lone surrogate would
    fail the write; a control character every later Excel export)."""
    for record in (*session.new, *session.dirty):
        for key, value in list(vars(record).items()):
            if isinstance(value, str) and not key.startswith("_") and has_unwritable(value):
                setattr(record, key, writable(value))
