"""Reading and reflowing a page off the UI thread."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.decode import DecodeError
from reader.core.document import load
from reader.core.model import Document


class _Signals(QObject):
    loaded = Signal(object, int)  # Document, request id
    failed = Signal(str, str, int)  # path, one-line reason, request id


class _LoadJob(QRunnable):
    def __init__(self, path: str, request: int, signals: _Signals) -> None:
        super().__init__()
        self.path = path
        self.request = request
        self.signals = signals

    def run(self) -> None:
        try:
            doc = load(self.path)
        except DecodeError as exc:
            self.signals.failed.emit(self.path, str(exc), self.request)
        except MemoryError:
            self.signals.failed.emit(self.path, "not enough memory to read it", self.request)
        except Exception as exc:  # a bug; the user still gets a message, not a crash
            self.signals.failed.emit(self.path, f"unexpected error: {exc!r}", self.request)
        else:
            self.signals.loaded.emit(doc, self.request)


class DocumentLoader(QObject):
    """Loads one document at a time in the thread pool; a newer request wins."""

    started = Signal(str)
    loaded = Signal(object)  # Document
    failed = Signal(str, str)  # path, reason

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._signals = _Signals()
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def load(self, path: str | os.PathLike[str]) -> None:
        self._request += 1
        path = os.fspath(path)
        self.started.emit(path)
        self.pool.start(_LoadJob(path, self._request, self._signals))

    def _on_loaded(self, doc: Document, request: int) -> None:
        if request == self._request:
            self.loaded.emit(doc)

    def _on_failed(self, path: str, reason: str, request: int) -> None:
        if request == self._request:
            self.failed.emit(path, reason)
