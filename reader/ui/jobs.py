"""Background work with an answer, always: `done(result)` or `failed(reason)` on the UI
thread, never silence (Anki's QueryOp). Reason "" means the work was cancelled."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.decode import DecodeError
from reader.store import library
from reader.store.db import StoreError

# The environment failed (a file, the disk, the database): reported with their own words.
EXPECTED: tuple[type[BaseException], ...] = (
    StoreError,
    ValueError,
    OSError,
    DecodeError,
    MemoryError,
)


# While work runs in a worker thread, the interpreter changes hands this often (seconds;
# Python's own interval is 5 ms). The window's thread takes the interpreter back after each
# call into Qt, and each time waited up to the interval, or twice it beside two workers:
# a 20 ms slice of typesetting took 100 ms and more while jieba cut a page.
SHARED_SWITCH_INTERVAL = 0.0005
_sharing = 0
_sharing_lock = threading.Lock()
_own_interval = sys.getswitchinterval()


@contextmanager
def sharing_interpreter() -> Iterator[None]:
    """Run the work inside with the short switch interval (as long as any such work runs)."""
    global _sharing, _own_interval
    with _sharing_lock:
        if _sharing == 0:
            _own_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_own_interval, SHARED_SWITCH_INTERVAL))
        _sharing += 1
    try:
        yield
    finally:
        with _sharing_lock:
            _sharing -= 1
            if _sharing == 0:
                sys.setswitchinterval(_own_interval)


def cancelled(exc: BaseException) -> bool:
    """Raised by work that was asked to stop: reported as failed("")."""
    from reader.core import publish  # off the start-up path: only exports raise it

    return isinstance(exc, library.Cancelled | publish.Cancelled)


def reason_of(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "not enough memory"
    if isinstance(exc, EXPECTED):
        return getattr(exc, "strerror", None) or str(exc)
    return f"unexpected error: {exc!r}"  # a bug: still a message, never a crash


class JobSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # the work's result
    failed = Signal(str)  # why; "" when cancelled


class Job(QRunnable):
    """Runs `work(job)` in a thread pool; `job.cancelled` may be set from the UI thread, and
    `job.signals.progress.emit(done, total)` may be called from the work."""

    def __init__(self, work: Callable[[Job], Any], signals: JobSignals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals  # owned by the Jobs object, so they outlive the thread
        self.cancelled = False
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            with sharing_interpreter():
                result = self.work(self)
            if self.cancelled:
                raise library.Cancelled
        except Exception as exc:
            self.signals.failed.emit("" if cancelled(exc) else reason_of(exc))
        else:
            self.signals.done.emit(result)


class Jobs(QObject):
    """A thread pool for one owner's background work."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)

    def start(
        self,
        work: Callable[[Job], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None] = lambda _reason: None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Job:
        signals = JobSignals(self)
        signals.done.connect(done)
        signals.failed.connect(failed)
        if progress is not None:
            signals.progress.connect(progress)
        job = Job(work, signals)
        self.pool.start(job)
        return job

    def wait(self, ms: int = 30_000) -> bool:
        return self.pool.waitForDone(ms)
