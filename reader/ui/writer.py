"""Writing to the annotation database off the UI thread, in order.

Every change the window makes (annotations, tags, corrections, carrying a page's work over
to its new text) is shown at once and handed here. One thread stores the changes in the
order they were made, with a connection of its own. While another program holds the
database's lock, the changes wait in that thread and `pending` says how many; the window
never waits. A change that cannot be stored for another reason (a full disk, say) is
reported by `failed` in one line, with the text of any note it held, so the user keeps
what they typed.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.store.db import Store, StoreError, StoreLocked

Write = Callable[[Store], object]
RETRY = 0.5  # seconds between tries while the database is locked
# Each try waits this long for the lock, so that the window says at once that changes wait.
LOCK_WAIT_MS = 1000


class _Signals(QObject):
    stored = Signal()
    locked = Signal(bool)
    failed = Signal(str, str)


class StoreWriter(QObject):
    pending = Signal(int)  # changes not yet stored
    locked = Signal(bool)  # the database is (no longer) held by another program
    failed = Signal(str, str)  # one line: why a change was not stored; the notes it held

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.waiting = 0
        self._queue: deque[tuple[Write, str]] = deque()
        self._ready = threading.Condition()
        self._closing = False
        self._signals = _Signals()
        self._signals.stored.connect(self._on_stored)
        self._signals.locked.connect(self.locked)
        self._signals.failed.connect(self.failed)
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()

    def submit(self, write: Write, keep: str = "") -> None:
        """Store a change after those submitted before it. `keep`: what the user typed
        into it, handed back by `failed` if it cannot be stored."""
        self.waiting += 1
        self.pending.emit(self.waiting)
        with self._ready:
            self._queue.append((write, keep))
            self._ready.notify()

    def waiting_notes(self) -> list[str]:
        """What the user typed into the changes not yet stored (empty for most)."""
        with self._ready:
            return [keep for _write, keep in self._queue]

    def flush(self, timeout: float) -> bool:
        """Wait (at most `timeout` seconds) until every change is stored; True if it is."""
        with self._ready:
            return self._ready.wait_for(lambda: not self._queue, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Store what waits (for at most `timeout` seconds), then stop the thread. False
        when changes are left unstored (the database stayed locked)."""
        done = self.flush(timeout)
        with self._ready:
            self._closing = True
            self._ready.notify_all()
        self._thread.join(timeout=1.0)
        return done

    def _on_stored(self) -> None:
        self.waiting = max(0, self.waiting - 1)
        self.pending.emit(self.waiting)

    # -- the writing thread --------------------------------------------------------------

    def _run(self) -> None:
        store: Store | None = None
        was_locked = False
        while True:
            with self._ready:
                self._ready.wait_for(lambda: self._queue or self._closing)
                if self._closing:
                    break
                write, keep = self._queue[0]
            try:
                if store is None:
                    store = Store(self.path, check=False, timeout_ms=LOCK_WAIT_MS)
                write(store)
            except StoreLocked:
                if not was_locked:
                    was_locked = True
                    self._signals.locked.emit(True)
                with self._ready:  # a pause, in case the lock was refused at once
                    self._ready.wait_for(lambda: self._closing, RETRY)
                continue  # then the same change again
            except StoreError as exc:
                self._signals.failed.emit(str(exc), keep)
            except Exception as exc:  # a bug: said, never a crash of the thread
                self._signals.failed.emit(f"unexpected error: {exc!r}", keep)
            if was_locked:
                was_locked = False
                self._signals.locked.emit(False)
            with self._ready:
                self._queue.popleft()
                self._ready.notify_all()
            self._signals.stored.emit()
        if store is not None:
            store.close()
