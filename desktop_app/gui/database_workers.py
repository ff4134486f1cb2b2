"""The app's two database threads: one for writes, one for reads (gui layer, no Qt).

As Anki's task manager: every write of every window (main window, editors, views, dialogs) is
queued on the one write thread and runs in the order asked, so two saves never race for SQLite's
write lock and the app can wait for the last one at exit. Reads (a list of 100,000 rows, the
dashboard's counts, a PDF preview) run on a second thread, so a long read never holds up a save.

One ``DatabaseWorkers`` belongs to the app's ``AppServices``; the threads start on first use.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Callable

log = logging.getLogger(__name__)

WRITE = "write"
READ = "read"
READ_STOP_SECONDS = 5.0


class _Lane:
    """One daemon thread running the jobs queued on it, one at a time, in order."""

    def __init__(self, name: str):
        self.name = name
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._pending = 0
        self._idle = threading.Condition(self._lock)

    @property
    def pending(self) -> int:
        """Jobs queued or running."""
        with self._lock:
            return self._pending

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._pending += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name=f"database {self.name}", daemon=True)
                self._thread.start()
        self._jobs.put(job)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until nothing is queued or running; False when ``timeout`` passed first."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def stop(self, timeout: float | None = None) -> bool:
        """End the thread after the jobs queued so far, waiting for it up to ``timeout`` (None:
        as long as it takes); False when it was still running then."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is None:
            return True
        self._jobs.put(None)
        thread.join(timeout)
        return not thread.is_alive()

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except BaseException:  # a job reports its own errors; this keeps the lane alive
                log.exception("database %s job failed", self.name)
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()


class DatabaseWorkers:
    """``submit(job, lane)`` queues ``job`` on the write lane (serialised, waited for at exit) or
    the read lane. ``writing`` is the number of writes queued or running."""

    def __init__(self):
        self._lanes = {WRITE: _Lane(WRITE), READ: _Lane(READ)}

    def submit(self, job: Callable[[], None], lane: str = WRITE) -> None:
        self._lanes[lane].submit(job)

    @property
    def writing(self) -> int:
        return self._lanes[WRITE].pending

    def wait_for_writes(self, timeout: float | None = None) -> bool:
        return self._lanes[WRITE].wait(timeout)

    def stop(self, read_timeout: float = READ_STOP_SECONDS) -> None:
        """End both threads before the database closes: every write queued is done; the reads
        queued are given ``read_timeout`` seconds (a report nobody will see is not worth waiting
        for at exit; one cut off by the closing database only logs its error)."""
        self._lanes[WRITE].stop()
        if not self._lanes[READ].stop(read_timeout):
            log.warning("退出时仍有读取在进行，未等其结束")
