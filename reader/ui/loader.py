"""Reading and reflowing a page off the UI thread."""

from __future__ import annotations

import contextlib
import linecache
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QProgressBar, QToolButton, QWidget

from reader.core import words
from reader.core.annotations import Placed
from reader.core.decode import DecodeError
from reader.core.document import first_part, load
from reader.core.edits import Outcome
from reader.core.export import CleanText, clean_text
from reader.core.memory import GIVE_BACK_FROM, give_back, map_big_blocks
from reader.core.model import Document
from reader.store import versions
from reader.store.db import Store, StoreError
from reader.ui.body import BodyView, Highlight, Ranges, block_ranges, highlights_of
from reader.ui.i18n import counted
from reader.ui.jobs import sharing_interpreter
from reader.ui.outline import OutlineTree


@dataclass
class Loaded:
    """A page read, reflowed, and its annotations found in it again."""

    doc: Document
    clean: CleanText
    placed: list[Placed] = field(default_factory=list)
    store_error: str | None = None
    highlights: list[Highlight] = field(default_factory=list)
    ranges: Ranges = field(default_factory=dict)
    keywords: dict[int, list[str]] = field(default_factory=dict)
    terms: words.Terms = ()
    automatic: Document | None = None  # the engine's page, before corrections
    corrections: Outcome | None = None
    resolved: versions.Resolved | None = None  # says what came over from an earlier version
    outline: OutlineTree | None = None  # made here, off the UI thread
    stats: dict[str, int] = field(default_factory=dict)  # doc.stats(), made here
    preview: bool = False  # only the page's first part, shown while the whole is read


# A page of more than PREVIEW_FROM bytes shows its first part, about PREVIEW_CHARS
# characters reflowed on their own, while the whole is read: the engine reflows about
# 10 MB a second, so the whole of a 50 MB page takes ten seconds and more.
PREVIEW_FROM = 8_000_000
PREVIEW_CHARS = 500_000


def load_preview(path: str) -> Loaded | None:
    """The first part of a long plain-text page, ready to be shown (no annotations
    placed on it, nothing to correct); None for a page of PREVIEW_FROM bytes or less, or
    one that cannot be cut (OCR output with boxes, no blank line to end the part on)."""
    try:
        if os.stat(path).st_size <= PREVIEW_FROM:
            return None
    except OSError:
        return None  # said by reading the whole page
    doc = first_part(path, PREVIEW_CHARS)
    if doc is None:
        return None
    return Loaded(doc, clean_text(doc), outline=OutlineTree(doc), stats=doc.stats(), preview=True)


def load_with_annotations(path: str, store_path: Path | None) -> Loaded:
    automatic = load(path)
    store_error = None
    try:
        # Reads never wait in WAL mode; a short timeout keeps a locked database from
        # holding up the page for the sake of remember()'s write.
        store = Store(store_path, check=False, timeout_ms=250) if store_path else None
    except StoreError as exc:
        store, store_error = None, str(exc)
    try:
        try:
            resolved = versions.resolve(automatic, store)
        except StoreError as exc:
            resolved, store_error = versions.resolve(automatic, None), str(exc)
        if store is not None and store_error is None and not store.read_only:
            # So that a changed copy of this page finds its annotations later; a locked
            # database costs only that.
            with contextlib.suppress(StoreError):
                versions.remember(store, automatic)
    finally:
        if store is not None:
            store.close()
    doc = resolved.doc
    loaded = Loaded(
        doc,
        resolved.clean,
        placed=resolved.placed,
        store_error=store_error,
        automatic=automatic,
        corrections=resolved.corrections,
        resolved=resolved,
    )
    if words.loaded():  # never waits for jieba: without it, keywords come later
        loaded.keywords, loaded.terms = words.page_words(doc)
    # The outline and the page's figures, and the highlights cut into blocks: made here,
    # off the UI thread (a long page's take a tenth of a second).
    loaded.outline = OutlineTree(doc)
    loaded.stats = doc.stats()
    loaded.highlights = highlights_of(loaded.placed)
    loaded.ranges = block_ranges(
        loaded.clean.starts.offsets(), loaded.clean.lengths, loaded.highlights
    )
    return loaded


def _long(path: str) -> bool:
    """Whether the page's file is long enough for its reading to leave much behind."""
    try:
        return os.stat(path).st_size >= GIVE_BACK_FROM
    except OSError:
        return False


class _Signals(QObject):
    previewed = Signal(object, int)  # Loaded (its first part), request id
    loaded = Signal(object, int)  # Loaded, request id
    failed = Signal(str, str, int)  # path, one-line reason, request id


class _LoadJob(QRunnable):
    def __init__(self, path: str, store_path: Path | None, request: int, signals: _Signals) -> None:
        super().__init__()
        self.path = path
        self.store_path = store_path
        self.request = request
        self.signals = signals

    def run(self) -> None:
        try:
            # (asked once a process, here on the worker rather than at start-up: the C
            # library is looked for on the way)
            map_big_blocks()
            with sharing_interpreter():
                first = load_preview(self.path)
                if first is not None:
                    self.signals.previewed.emit(first, self.request)
                del first
                loaded = load_with_annotations(self.path, self.store_path)
                if _long(self.path):
                    # PySide6 reads the source of every module imported after it (to look
                    # for its feature imports), and the interpreter's line cache keeps it
                    # all: 9 MB in the window, of no use until a traceback is printed.
                    linecache.clearcache()
                    give_back()  # before the window lays the page out
        except DecodeError as exc:
            self.signals.failed.emit(self.path, str(exc), self.request)
        except MemoryError:
            self.signals.failed.emit(self.path, "not enough memory to read it", self.request)
        except Exception as exc:  # a bug; the user still gets a message, not a crash
            self.signals.failed.emit(self.path, f"unexpected error: {exc!r}", self.request)
        else:
            self.signals.loaded.emit(loaded, self.request)


class DocumentLoader(QObject):
    """Loads one document at a time in the thread pool; a newer request wins."""

    started = Signal(str)
    previewed = Signal(object)  # Loaded: a long page's first part, before `loaded`
    loaded = Signal(object)  # Loaded
    failed = Signal(str, str)  # path, reason

    def __init__(self, store_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self._request = 0
        # The pool first, then the signals its jobs emit, both children: children go in
        # the order they came, so the pool waits for a running job before its signals go.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.previewed.connect(self._on_previewed)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)
        self._pending = False

    def loading(self) -> bool:
        """Whether a page is being read (its result not yet delivered or given up)."""
        return self._pending

    def cancel(self) -> None:
        """Give up the page being read: its result is dropped, the page shown stays."""
        self._request += 1
        self._pending = False

    def load(self, path: str | os.PathLike[str]) -> None:
        self._pending = True
        self._request += 1
        path = os.fspath(path)
        self.started.emit(path)
        self.pool.start(_LoadJob(path, self.store_path, self._request, self._signals))

    def _on_previewed(self, first: Loaded, request: int) -> None:
        if request == self._request and self._pending:
            self.previewed.emit(first)

    def _on_loaded(self, loaded: Loaded, request: int) -> None:
        if request == self._request:
            self._pending = False
            self.loaded.emit(loaded)

    def _on_failed(self, path: str, reason: str, request: int) -> None:
        if request == self._request:
            self._pending = False
            self.failed.emit(path, reason)


class OpenProgress(QWidget):
    """How far the page being opened has come, in the status bar: busy while it is read
    and reflowed, then a bar while a long page is typeset; Cancel gives up reading it
    (the page shown stays) or stops typesetting (what is shown stays)."""

    def __init__(self, loader: DocumentLoader, body: BodyView, parent: QWidget) -> None:
        super().__init__(parent)
        self.loader = loader
        self.body = body
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton(self)
        self.cancel.setAutoRaise(True)
        self.cancel.clicked.connect(self._on_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        loader.started.connect(self._on_started)
        loader.failed.connect(lambda _path, _reason: self.hide())
        body.typeset_progress.connect(self._on_typeset)
        body.typeset_done.connect(self._on_typeset_done)
        body.too_tall.connect(self._on_too_tall)
        body.part_shown.connect(self._on_part_shown)
        self._said_part: tuple[int, int, int, int] | None = None
        body.type_too_large.connect(self._on_type_too_large)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop opening this page"))

    def _on_started(self, _path: str) -> None:
        self.bar.setRange(0, 0)
        self.show()

    def _on_typeset(self, done: int, total: int) -> None:
        if self.loader.loading():  # a long page's first part: the whole is still read
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(1000 * done / max(1, total)))
        self.show()

    def _on_typeset_done(self, _whole: bool) -> None:
        if not self.loader.loading():
            self.hide()

    def _on_too_tall(self, shown: int, articles: int) -> None:
        self._say(
            counted(
                self.tr(
                    "This page is too long to lay out in one view: it is shown to article "
                    "%1 of %2. File → Export writes all of it."
                ),
                shown,
                articles,
            )
        )

    def _on_part_shown(self, part: int, parts: int, first: int, last: int) -> None:
        # Said when another part is shown, not again for the same part shown anew (a
        # correction, page furniture shown).
        said, self._said_part = self._said_part, (part, parts, first, last)
        if parts < 2 or said == self._said_part:
            return
        self._say(
            counted(
                self.tr(
                    "This page is long: it is shown a part at a time, articles %1–%2 now "
                    "(part %3 of %4). The outline, n and p, and the links at either end go "
                    "on to the others."
                ),
                first,
                last,
                part,
                parts,
            )
        )

    def _on_type_too_large(self) -> None:
        self._say(
            self.tr(
                "In this type the page is taller than the view can lay out: its end "
                "cannot be reached. Make the type smaller (Ctrl+−)."
            )
        )

    def _say(self, text: str) -> None:
        """Say in the window's status bar, until something else is said."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)

    def _on_cancel(self) -> None:
        window = self.window()
        status = window.statusBar() if isinstance(window, QMainWindow) else None
        if self.loader.loading():
            self.loader.cancel()
            if status is not None:
                status.showMessage(self.tr("Opening cancelled"), 5000)
        elif self.body.typesetting():
            self.body.cancel_typesetting()
            if status is not None:
                status.showMessage(
                    self.tr("Typesetting stopped: the page is shown as far as %1%").replace(
                        "%1", str(self.bar.value() // 10)
                    )
                )
        self.hide()
