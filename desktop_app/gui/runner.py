"""The one operation runner: every non-trivial piece of work goes through here (gui layer).

The work runs on the app's database threads (``database_workers``): writes, from every window, one
at a time in the order asked; reads (``read=True``) on a second thread. After ``BUSY_DELAY_MS`` the cursor turns busy; work that reports
progress gets a cancellable progress dialog after ``PROGRESS_DELAY_MS``. Progress and cancellation
reach the work as plain callables, never as Qt objects, so services stay free of Qt. Errors end in
one dialog: a ``DomainError`` shows its Chinese message as a warning, an ``OSError`` (a file that
could not be written) a warning saying what to do; anything else is logged and shown as a generic
error. A ``Changes`` result (or the first element of a tuple result) is
broadcast through ``AppServices.changed``, stamped with the operation's ``initiator`` (the view that
asked) so that the view can skip its own change.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop_app.domain.errors import DomainError
from desktop_app.gui.database_workers import READ, WRITE, DatabaseWorkers
from desktop_app.gui.operations import Op, Refused
from desktop_app.gui.widgets import message_boxes
# The DTO module (a dozen dataclasses, ~15 ms) loads after the first paint: see bootstrap.
if TYPE_CHECKING:
    from desktop_app.services.dto import Changes

log = logging.getLogger(__name__)

BUSY_DELAY_MS = 300
PROGRESS_DELAY_MS = 600
PROGRESS_POLL_MS = 100

UNEXPECTED_ERROR = (
    "操作没有完成：程序遇到了意外错误，数据没有被修改。\n"
    "请重试；如果问题仍然存在，请把日志文件发给技术支持人员。"
)


def file_error_text(error: OSError) -> str:
    """What to tell the user when a file could not be read or written (open in Excel, say)."""
    where = f"“{error.filename}”" if error.filename else "文件"
    return (f"无法读写{where}：{error.strerror or error}。\n该文件可能正在其他程序（如 Excel、WPS 或 PDF 阅读器）中打开，"
            "或文件夹不可写、磁盘已满；请关闭该文件，或换一个文件夹、文件名再试。")


def changes_of(result: Any) -> Changes | None:
    """The ``Changes`` a service call returned, if any (``save`` returns ``(Changes, id)``)."""
    from desktop_app.services.dto import Changes

    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[0], Changes):
        return result[0]
    return None


class Operation(QObject):
    """One piece of work in flight. ``finished`` carries the result after it was broadcast."""

    finished = Signal(object)
    failed = Signal(object)
    _completed = Signal(object, object)  # emitted on the worker thread: (result, error)

    def __init__(self, runner: "OperationRunner", title: str, reports_progress: bool, background: bool = False,
                 read: bool = False, initiator: object | None = None):
        super().__init__(runner)
        self.title = title
        self.reports_progress = reports_progress
        self.background = background
        self.read = read
        self.initiator = initiator
        self.done = False
        self._runner = runner
        self._cancel = threading.Event()
        self._progress = (0, 0)
        self._busy_cursor = False
        self._dialog: QProgressDialog | None = None
        self._busy_timer = _single_shot(self, BUSY_DELAY_MS, self._show_busy_cursor)
        self._dialog_timer = _single_shot(self, PROGRESS_DELAY_MS, self._show_dialog)
        self._poll_timer = QTimer(self, interval=PROGRESS_POLL_MS)
        self._poll_timer.timeout.connect(self._update_dialog)
        self._completed.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def cancelled(self) -> bool:
        """Polled by the work; True once the user pressed 取消."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()
        if self._dialog is not None:
            self._dialog.setLabelText("正在取消，请稍候…")

    def progress(self, done: int, total: int) -> None:
        """Called by the work from its thread; the dialog reads the latest value on a timer."""
        self._progress = (int(done), int(total))

    def start(self, work: Callable[[], Any]) -> None:
        if not self.background:
            self._busy_timer.start()
        if self.reports_progress:
            self._dialog_timer.start()
        self._runner.workers.submit(lambda: self._run(work), READ if self.read else WRITE)

    def _run(self, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except Exception as error:  # every failure must reach the one error path on the UI thread
            self._completed.emit(None, error)
        else:
            self._completed.emit(result, None)

    def _show_busy_cursor(self) -> None:
        if not self.done:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._busy_cursor = True

    def _show_dialog(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(f"{self.title}…", "取消", 0, 0, self._runner.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        self._update_dialog()
        dialog.show()
        self._poll_timer.start()

    def _update_dialog(self) -> None:
        if self._dialog is None:
            return
        done, total = self._progress
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self.done = True
        for timer in (self._busy_timer, self._dialog_timer, self._poll_timer):
            timer.stop()
        if self._busy_cursor:
            QApplication.restoreOverrideCursor()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self._runner._forget(self)
        if error is not None:
            self._report(error)
            self.failed.emit(error)
            return
        changes = changes_of(result)
        if changes is not None:
            self._runner.announce(replace(changes, initiator=self.initiator) if self.initiator is not None else changes)
        self.finished.emit(result)

    def _report(self, error: BaseException) -> None:
        parent = self._runner.parent_widget
        if self.cancelled():
            log.info("%s: cancelled (%s)", self.title, error)
        elif isinstance(error, DomainError):
            message_boxes.show_warning(parent, self.title, str(error))
        elif isinstance(error, OSError):  # a file the work read or wrote: the user can fix that
            log.warning("%s: %s", self.title, error)
            message_boxes.show_warning(parent, self.title, file_error_text(error))
        else:
            log.error("%s failed", self.title, exc_info=(type(error), error, error.__traceback__))
            message_boxes.show_error(parent, self.title, UNEXPECTED_ERROR)


class OperationRunner(QObject):
    """Runs work for one window on the app's database threads. ``announce`` is where results'
    ``Changes`` go (usually ``AppServices.announce``); ``workers`` the app's ``DatabaseWorkers``
    (``for_window`` gives both). A runner made without ``workers`` has threads of its own (a
    runner used alone, as in tests)."""

    def __init__(self, announce: Callable[[Changes], None], parent_widget: QWidget | None = None,
                 workers: DatabaseWorkers | None = None):
        super().__init__(parent_widget)
        self.announce = announce
        self.parent_widget = parent_widget
        self.workers = workers if workers is not None else DatabaseWorkers()
        self._running: set[Operation] = set()

    @classmethod
    def for_window(cls, services, parent_widget: QWidget | None = None) -> "OperationRunner":
        """The runner of a window, view or dialog: the app's threads, broadcasting to every view."""
        return cls(services.announce, parent_widget, services.workers)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Op | Callable[..., Any],
        *,
        title: str | None = None,
        on_success: Callable[[Any], None] | None = None,
        reports_progress: bool = False,
        background: bool = False,
        read: bool = False,
        initiator: object | None = None,
    ) -> Operation:
        """Start ``work``, an ``Op`` from ``gui.operations`` (its title, lane, progress and
        refusals come with it) or a plain callable with ``title``. With ``reports_progress`` it
        is called as ``work(progress, cancelled)``; otherwise with no arguments.
        ``on_success(result)`` runs on the UI thread after the ``Changes`` were broadcast.
        ``background`` work the user did not ask for (a check after start-up) shows no busy
        cursor; its errors still reach the dialog. ``read`` work only reads and runs beside the
        writes; everything else is queued behind the writes of every window. ``initiator`` (the
        view asking) is stamped on the ``Changes``."""
        refusals: tuple[type[BaseException], ...] = ()
        if isinstance(work, Op):
            title, read, reports_progress, refusals = work.title, work.read, work.reports_progress, work.refusals
            work = work.call
        operation = Operation(self, title or "", reports_progress, background, read, initiator)
        if on_success is not None:
            operation.finished.connect(on_success)
        self._running.add(operation)
        call = (lambda: work(operation.progress, operation.cancelled)) if reports_progress else work
        if refusals:
            plain = call

            def call():
                try:
                    return plain()
                except refusals as error:
                    return Refused(error)
        operation.start(call)
        return operation

    def _forget(self, operation: Operation) -> None:
        self._running.discard(operation)
        operation.deleteLater()


WAITING_FOR_WRITES = "正在完成保存，请稍候…"


def wait_for_writes(workers: DatabaseWorkers, parent: QWidget | None, title: str) -> None:
    """At exit: return once every queued write of every window has ended, showing a progress
    dialog meanwhile (without 取消: a write is never abandoned half way)."""
    if not workers.writing:
        return
    dialog = QProgressDialog(WAITING_FOR_WRITES, "", 0, 0, parent)
    dialog.setObjectName("waitingForWritesDialog")
    dialog.setCancelButton(None)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    poll = QTimer(interval=PROGRESS_POLL_MS // 5)
    poll.timeout.connect(lambda: workers.writing or loop.quit())
    poll.start()
    loop.exec()  # results arriving meanwhile still reach their callbacks and the views
    poll.stop()
    dialog.close()
    dialog.deleteLater()


def settle(operation: Operation | None, timeout_ms: int = 3000) -> None:
    """Let a short read started by a widget end before the widget goes (a dialog closing): its
    result must not arrive at an object already deleted. Events keep flowing meanwhile; polled on
    the UI thread, as ``wait_for_writes`` does (nothing is connected to the operation's signals)."""
    if operation is None or operation.done:
        return
    loop = QEventLoop()
    poll = QTimer(interval=PROGRESS_POLL_MS // 5)
    poll.timeout.connect(lambda: operation.done and loop.quit())
    give_up = QTimer(singleShot=True, interval=timeout_ms)
    give_up.timeout.connect(loop.quit)
    poll.start()
    give_up.start()
    loop.exec()
    poll.stop()
    give_up.stop()


def _single_shot(parent: QObject, msec: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent, singleShot=True, interval=msec)
    timer.timeout.connect(slot)
    return timer
