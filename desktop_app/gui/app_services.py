"""The services the windows work with, built once by start-up (gui layer).

A plain object, not a global: every window, view and dialog receives the same ``AppServices`` and
asks it for a service when it needs one (``services.rectification``), never keeps one from the
time it was built. The window is painted before the database is open, so the object exists first
and ``connect`` gives it the database later; a service asked for before that raises
``NotConnectedError`` instead of quietly being ``None``.

``changed`` is the one signal through which views refresh after a write (architecture.md
convention 2); ``workers`` the app's database threads that every window's runner queues work on
(convention 3).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.gui.database_workers import DatabaseWorkers
from desktop_app.paths import ServerAddress

if TYPE_CHECKING:  # the service modules load SQLAlchemy: only once a database is open
    from desktop_app.services.cases import CaseService
    from desktop_app.services.checklist import ChecklistService
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.deadlines import DeadlineService
    from desktop_app.services.export_cases import ExportService
    from desktop_app.services.exporters import Exporters
    from desktop_app.services.followup import FollowupService
    from desktop_app.services.followup_letters import FollowupLetterService
    from desktop_app.services.import_cases import ImportService
    from desktop_app.services.letters import LetterService
    from desktop_app.services.maintenance import MaintenanceService
    from desktop_app.services.office_letters import OfficeLetterService
    from desktop_app.services.proposals import ProposalService
    from desktop_app.services.rectification import RectificationService
    from desktop_app.services.reference import ReferenceService
    from desktop_app.services.review import ReviewService
    from desktop_app.services.similarity import SimilarityService
    from desktop_app.services.statistics import StatisticsService
    from desktop_app.services.views import ViewService
    from desktop_app.settings import UiSettings


class NotConnectedError(RuntimeError):
    """A service was asked for before the database was open (a programming error: callers check
    ``services.connected`` first)."""


class ChangeHub(QObject):
    """Broadcasts the ``Changes`` of every write to whoever shows data."""

    changed = Signal(object)


# The cached services, dropped when ``connect`` gives another database.
_SERVICE_NAMES = ("cases", "reference", "views", "deadlines", "checklists", "rectification", "review",
                  "statistics", "followup", "followup_letters", "letters", "office_letters", "exports",
                  "exporters", "imports", "proposals", "exchange",
                  "similarity")


class AppServices:
    """``ui_settings``: window and list layout (``settings.UiSettings``); ``save_ui_settings``
    writes it to its file (the main window calls it when it closes). When ``read_only``,
    ``read_only_reason`` says why in Chinese (e.g. who holds the database)."""

    def __init__(self, *, ui_settings: UiSettings, db_path: Path,
                 save_ui_settings: Callable[[], None] | None = None):
        self.ui_settings = ui_settings
        self.db_path = db_path
        self.save_ui_settings = save_ui_settings
        self.hub = ChangeHub()
        self.ctx: ServiceContext | None = None
        self._maintenance: MaintenanceService | None = None
        self.read_only = False
        self.read_only_reason = ""

    def connect(self, ctx: ServiceContext, maintenance: MaintenanceService, *, read_only: bool = False,
                read_only_reason: str = "") -> None:
        """Work on the database of ``ctx`` from now on (``maintenance`` knows its backup folder)."""
        for name in _SERVICE_NAMES:
            self.__dict__.pop(name, None)
        self.ctx = ctx
        self._maintenance = maintenance
        # A server has no file: its address stands for it (title bar, backup folder).
        self.db_path = ctx.db.path if ctx.db.path is not None else ServerAddress(ctx.db.url)
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self._watch_other_users(ctx)

    def stop_watching(self) -> None:
        """No more polling for other users' saves (a new database, or the window closing)."""
        timer = getattr(self, "_watch_timer", None)
        if timer is not None:
            timer.stop()
            self._watch_timer = None

    def _watch_other_users(self, ctx: ServiceContext) -> None:
        """On a database server: every few seconds, others' saves reload what the views show."""
        from desktop_app.services.change_watch import POLL_MS, ChangeWatch

        self.stop_watching()
        watch = ChangeWatch(ctx)
        if not watch.watches:
            return
        watch.poll()  # starts listening

        def poll() -> None:
            if (changes := watch.poll()) is not None:
                self.hub.changed.emit(changes)

        self._watch_timer = QTimer(self.hub, interval=POLL_MS)
        self._watch_timer.timeout.connect(poll)
        self._watch_timer.start()

    @property
    def connected(self) -> bool:
        """True once a database is open."""
        return self.ctx is not None

    def _context(self) -> ServiceContext:
        if self.ctx is None:
            raise NotConnectedError("数据库尚未打开")
        return self.ctx

    @cached_property
    def workers(self) -> DatabaseWorkers:
        """The one write thread and the read thread of the whole app (kept across ``connect``)."""
        return DatabaseWorkers()

    @property
    def maintenance(self) -> MaintenanceService:
        self._context()
        return self._maintenance

    @cached_property
    def cases(self) -> CaseService:
        from desktop_app.services.cases import CaseService

        return CaseService(self._context())

    @cached_property
    def similarity(self) -> SimilarityService:
        from desktop_app.services.similarity import SimilarityService

        return SimilarityService(self._context())

    @cached_property
    def reference(self) -> ReferenceService:
        from desktop_app.services.reference import ReferenceService

        return ReferenceService(self._context())

    @cached_property
    def views(self) -> ViewService:
        from desktop_app.services.views import ViewService

        return ViewService(self._context())

    @cached_property
    def deadlines(self) -> DeadlineService:
        from desktop_app.services.deadlines import DeadlineService

        return DeadlineService(self._context())

    @cached_property
    def checklists(self) -> ChecklistService:
        from desktop_app.services.checklist import ChecklistService

        return ChecklistService(self._context())

    @cached_property
    def rectification(self) -> RectificationService:
        from desktop_app.services.rectification import RectificationService

        return RectificationService(self._context())

    @cached_property
    def review(self) -> ReviewService:
        from desktop_app.services.review import ReviewService

        return ReviewService(self._context())

    @cached_property
    def proposals(self) -> ProposalService:
        from desktop_app.services.proposals import ProposalService

        return ProposalService(self._context())

    @cached_property
    def statistics(self) -> StatisticsService:
        from desktop_app.services.statistics import StatisticsService

        return StatisticsService(self._context())

    @cached_property
    def followup(self) -> FollowupService:
        from desktop_app.services.followup import FollowupService

        return FollowupService(self._context())

    @cached_property
    def followup_letters(self) -> FollowupLetterService:
        from desktop_app.services.followup_letters import FollowupLetterService

        return FollowupLetterService(self._context())

    @cached_property
    def letters(self) -> LetterService:
        from desktop_app.services.letters import LetterService

        return LetterService(self._context())

    @cached_property
    def office_letters(self) -> OfficeLetterService:
        from desktop_app.services.office_letters import OfficeLetterService

        return OfficeLetterService(self._context())

    @cached_property
    def exchange(self):
        """Exchange packages with the office or the units (ExchangeService)."""
        from desktop_app.services.exchange import ExchangeService

        return ExchangeService(self._context(), self.maintenance)

    @cached_property
    def exports(self) -> ExportService:
        from desktop_app.services.export_cases import ExportService

        return ExportService(self._context())

    @cached_property
    def exporters(self) -> Exporters:
        """Every file written from the data goes through it (涉密 items kept out)."""
        from desktop_app.services.exporters import Exporters

        return Exporters(self._context())

    @cached_property
    def imports(self) -> ImportService:
        from desktop_app.services.import_cases import ImportService

        return ImportService(self._context(), self.maintenance)

    def today(self):
        """Today by the app's clock (tests fix it)."""
        return self._context().today()

    @property
    def changed(self):
        """The hub's signal: ``services.changed.connect(slot)`` / ``services.changed.emit(changes)``."""
        return self.hub.changed

    def announce(self, changes) -> None:
        """Tell every view what a write changed (a ``Changes``)."""
        self.hub.changed.emit(changes)
