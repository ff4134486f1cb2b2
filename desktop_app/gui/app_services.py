"""The services the windows work with, built once by bootstrap (gui layer).

A plain object, not a global: every window and dialog receives it. ``changed`` is the one signal
through which views refresh after a write (architecture.md convention 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    """Broadcasts the ``Changes`` of every write to whoever shows data."""

    changed = Signal(object)


@dataclass(eq=False)
class AppServices:
    """``ui_settings`` is the ``settings.UiSettings`` object (window and list layout); the services
    follow ``desktop_app/services/API.md``. When ``read_only``, ``read_only_reason`` says why in
    Chinese (e.g. who holds the database)."""

    cases: Any
    reference: Any
    views: Any
    maintenance: Any
    ui_settings: Any
    db_path: Path
    read_only: bool = False
    read_only_reason: str = ""
    # Writes ``ui_settings`` to its file; the main window calls it when it closes.
    save_ui_settings: Callable[[], None] | None = None
    hub: ChangeHub = field(default_factory=ChangeHub)
    # services.deadlines.DeadlineService; built from ``cases`` on first use when None.
    deadlines: Any = None

    @property
    def changed(self):
        """The hub's signal: ``services.changed.connect(slot)`` / ``services.changed.emit(changes)``."""
        return self.hub.changed

    def announce(self, changes) -> None:
        """Tell every view what a write changed (a ``Changes``)."""
        self.hub.changed.emit(changes)
