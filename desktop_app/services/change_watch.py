"""Noticing other users' saves on a shared database server (services layer).

On a PostgreSQL server every committed write announces itself (``NOTIFY``); ``ChangeWatch.poll``
says, without a query, whether anyone else has written since it last asked, as a ``Changes`` the
window broadcasts so that every view reloads what it shows. A database file has one writer at a
time and needs no watch (``watches`` is False).
"""

from __future__ import annotations

import logging

from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes

log = logging.getLogger(__name__)

#: How often the window asks (the issue: another user's change appears "within a few seconds").
POLL_MS = 3000


class ChangeWatch:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @property
    def watches(self) -> bool:
        return bool(getattr(self.ctx.db, "is_server", False))

    def poll(self) -> Changes | None:
        """``Changes`` of the whole database when someone else has written since the last poll."""
        if not self.watches:
            return None
        try:
            changed = self.ctx.db.changed_elsewhere()
        except Exception:  # noqa: BLE001 - a dropped connection: the next save reports it; try again later
            log.warning("cannot ask the server for changes", exc_info=True)
            return None
        return Changes.of("database") if changed else None
