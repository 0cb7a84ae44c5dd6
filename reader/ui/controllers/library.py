"""Library and search: folders of pages indexed in the background, searching them, opening
a result, and jieba's words (keywords of the page, the user dictionary)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QFileDialog, QInputDialog, QMessageBox, QWidget

from reader.core import words
from reader.core.model import Document
from reader.store import paths
from reader.store.db import Store, StoreError
from reader.store.library import Hit, IndexReport, Library, LibraryDocument, Query, gone
from reader.ui.body import BodyView
from reader.ui.findbar import FindBar
from reader.ui.jobs import Job, Jobs
from reader.ui.library import SEARCH_PAGE, LibraryDock, SearchDock, Workers
from reader.ui.notices import Notices
from reader.ui.session import Change, PageSession, What

USER_DICT = "userdict.txt"
WORDS_DELAY_MS = 500  # after the first page is painted, jieba starts loading


class AfterPaint(QObject):
    """Calls `then` once, after the next paint of `widget`, and goes."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
            self.deleteLater()
        return False


class LibraryController(QObject):
    indexed = Signal(object)  # IndexReport, or None when cancelled or failed
    searched = Signal(list)  # hits
    listed = Signal()  # the library dock shows the library as it is now

    def __init__(
        self,
        window: QWidget,
        session: PageSession,
        body: BodyView,
        findbar: FindBar,
        library: LibraryDock,
        library_dock: QDockWidget,
        search: SearchDock,
        search_dock: QDockWidget,
        notices: Notices,
        jobs: Jobs,
        open_path: Callable[[str], None],
        record_jump: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of its dialogs
        self.session = session
        self.body = body
        self.findbar = findbar
        self.library = library
        self.library_dock = library_dock
        self.search = search
        self.search_dock = search_dock
        self.notices = notices
        self.jobs = jobs
        self.open_path = open_path
        self.record_jump = record_jump
        self.store: Store | None = None  # set once the database can be used
        self.problem = ""  # why it cannot, when it cannot
        words.configure(paths.cache_dir() / "jieba", paths.data_dir() / USER_DICT)
        # Indexing and searching run on the library's own workers.
        self.workers = Workers(self._open_library, self)
        self._after_search: tuple[int, tuple[str, ...]] | None = None
        self._words_asked = False
        self._listing = 0  # the latest listing of the library asked for
        # What the Library dock's status line says, worded again in another language.
        self._status: Callable[[], str] = str

    def connect_signals(self) -> None:
        self.session.changed.connect(self._on_page_changed)
        self.library.open_requested.connect(self.open_path)
        self.library.add_folder_requested.connect(self.choose_folder)
        self.library.update_requested.connect(lambda: self.index_library(None))
        self.library.remove_folder_requested.connect(self.remove_folder)
        self.library.cancel_requested.connect(self.cancel_indexing)
        self.search.search_requested.connect(self.search_library)
        self.search.hit_activated.connect(self.open_hit)
        self.workers.words_ready.connect(self._on_words_ready)
        self.workers.outdated.connect(self._on_library_outdated)

    def _on_page_changed(self, change: Change) -> None:
        doc = self.session.doc
        if change.what is What.PAGE and doc is not None:
            hit, self._after_search = self._after_search, None
            if hit is not None:
                self._show_hit(*hit)
            if words.loaded() and not self.session.keywords:
                self.find_keywords(doc)
            self._load_words_soon()
        elif change.what is What.CORRECTED and doc is not None:
            if words.loaded():
                self.find_keywords(doc)
            self._reindex_page(doc.source.path)
        annotator = self.session.annotator
        if change.what in (What.PAGE, What.ANNOTATED) and doc is not None and annotator:
            # The page's row says it is annotated (✎) as soon as it is, not at the next
            # listing of the library: annotated here, or given copies from another file.
            self.library.model.set_annotations(doc.source.path, len(annotator.placed))

    # -- the library -------------------------------------------------------------------

    def _open_library(self) -> Library:
        """A Library on the store's file, for the calling thread."""
        if self.store is None:
            raise StoreError(self.problem or "the database cannot be used")
        return Library(self.store.path, paths.cache_dir() / "jieba", paths.data_dir() / USER_DICT)

    @contextmanager
    def opened(self) -> Iterator[Library]:
        library = self._open_library()
        try:
            yield library
        finally:
            library.close()

    def refresh_library(self) -> None:
        """Show the library in its dock. Its rows are read in a worker: a library of a
        newspaper's lifetime takes a second or more to read, and the window answers
        meanwhile; of two listings asked for, the later one is shown."""
        if self.store is None:
            return
        self._listing += 1
        asked = self._listing

        def work(library: Library, _job: Job) -> tuple[list[str], list[LibraryDocument]]:
            return library.folders(), library.documents()

        def done(result: tuple[list[str], list[LibraryDocument]]) -> None:
            if asked == self._listing:
                self.library.set_documents(*result)
                self.listed.emit()

        def failed(reason: str) -> None:
            if asked == self._listing and reason:
                self.say(lambda: reason)

        self.workers.start(self.workers.with_library(work), done, failed)

    def library_pages(self) -> list[str]:
        if self.store is None:
            return []
        try:
            with self.opened() as library:
                return [d.path for d in library.documents() if not d.problem]
        except StoreError:
            return []

    def choose_folder(self) -> None:
        doc = self.session.doc
        start = str(Path(doc.source.path).parent) if doc else str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Add a Folder of Pages"), start
        )
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        """Add a folder to the library and index it in the background."""
        self.add_folders([folder])

    def add_folders(self, folders: list[str]) -> None:
        """Add folders to the library and index them, together, in the background."""
        if self.store is None:
            return
        with self.opened() as library:
            added = [library.add_folder(folder) for folder in folders]
        self.library_dock.show()
        self.library_dock.raise_()
        self.refresh_library()
        self.index_library(added)

    def remove_folder(self, folder: str) -> None:
        with self.opened() as library:
            library.remove_folder(folder)
        self.refresh_library()

    def index_library(self, folders: list[str] | None) -> None:
        if self.store is None or self.workers.indexing is not None:
            return

        def work(library: Library, job: Job) -> IndexReport:
            return library.index(
                folders, progress=job.signals.progress.emit, cancelled=lambda: job.cancelled
            )

        self.library.set_busy(True)
        self.say(lambda: self.tr("Indexing…"))
        self.workers.indexing = self.workers.start(
            self.workers.with_library(work),
            self._on_indexed,
            self._on_index_failed,
            self.library.show_progress,
        )

    def _on_library_outdated(self, folders: list[str], pages: int) -> None:
        """An index made by an earlier version or another segmenter is made again, in the
        background."""

        def text() -> str:
            return self.tr(
                "The library was indexed by an earlier version: indexing %1 pages again…"
            ).replace("%1", f"{pages:,}")

        self.notices.say(text(), 15000)
        self.index_library(folders)
        self.say(text)

    def cancel_indexing(self) -> None:
        if self.workers.indexing is not None:
            self.workers.indexing.cancelled = True

    def _on_indexed(self, report: IndexReport) -> None:
        self.workers.indexing = None
        self.library.set_busy(False)
        self.say(lambda: self._indexed_text(report))
        self.refresh_library()
        self.indexed.emit(report)

    def _indexed_text(self, report: IndexReport) -> str:
        if report.indexed == 1:
            parts = [self.tr("1 page indexed")]
        else:
            parts = [self.tr("%1 pages indexed").replace("%1", f"{report.indexed:,}")]
        if report.unchanged or report.restamped:
            parts.append(
                self.tr("%1 unchanged").replace("%1", f"{report.unchanged + report.restamped:,}")
            )
        if report.removed:
            parts.append(self.tr("%1 removed").replace("%1", f"{report.removed:,}"))
        if report.failed:
            parts.append(self.tr("%1 could not be read").replace("%1", f"{report.failed:,}"))
        return self.tr("%1.").replace("%1", self.tr(", ").join(parts))

    def say(self, text: Callable[[], str]) -> None:
        """Put a line in the Library dock's status, said again when the language changes."""
        self._status = text
        self.library.status.setText(text())

    def retranslate(self) -> None:
        self.library.status.setText(self._status())

    def _on_index_failed(self, reason: str) -> None:
        self.workers.indexing = None
        self.library.set_busy(False)
        self.say(lambda: reason or self.tr("Indexing cancelled; what was indexed is kept."))
        self.refresh_library()
        self.indexed.emit(None)

    def _reindex_page(self, path: str) -> None:
        """Search finds the corrected text: the page is indexed again in the background."""
        if self.store is None or not path:
            return

        def work(library: Library, _job: Job) -> IndexReport:
            return library.reindex([str(Path(path).resolve()), path])

        def failed(reason: str) -> None:
            self.say(lambda: reason)

        self.workers.start(self.workers.with_library(work), lambda _r: None, failed)

    # -- search ------------------------------------------------------------------------

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.query.setFocus()
        self.search.query.selectAll()

    def search_library(self, text: str, limit: int = SEARCH_PAGE + 1) -> None:
        """Search the library for at most `limit` results (the dock asks for one more than
        it shows, to know whether to offer more)."""
        # The search running, if any, is this one's to replace: stopped, and its results,
        # should they come in yet, not shown (nor what a refused query says overwritten).
        if self.workers.searching is not None:
            self.workers.searching.cancelled = True
            self.workers.searching = None
        if self.store is None:
            self.search.show_problem(self.problem)
            return
        query = Query.parse(text)
        if not query.terms:
            # (said here, in the interface's language: the library would say it in English)
            self.search.show_hits([], limit, text)  # the last search's results go
            if query.excluded:
                why = self.tr("A search needs at least one word that is not excluded (-word).")
            else:
                why = self.tr("A search needs at least one word: marks alone find nothing.")
            self.search.show_problem(why)
            return

        def work(library: Library, job: Job) -> list[Hit]:
            # (a search that reads the text of a big library takes a while: the next one
            # stops it)
            return library.search(text, limit=limit, stop=lambda: job.cancelled)

        def done(hits: list[Hit]) -> None:
            if self.workers.searching is job:
                self.workers.searching = None
                self.search.show_hits(hits, limit, text)
                self.searched.emit(self.search.hits)

        def failed(reason: str) -> None:
            if self.workers.searching is job:
                self.workers.searching = None
                self.search.show_problem(reason)

        job = self.workers.start(self.workers.with_library(work), done, failed)
        self.workers.searching = job

    def open_hit(self, hit: Hit) -> None:
        """Show the article of a search result, with the hits marked. A page no longer
        on disk (moved or deleted since it was indexed) leaves the results and the
        library, and the dock says so, instead of a failed opening."""
        if gone(hit.path):
            self._forget_gone(hit.path)
            return
        doc = self.session.doc
        if doc is not None and Path(doc.source.path) == Path(hit.path):
            self.record_jump()
            self._show_hit(hit.article, hit.terms)
            return
        self._after_search = (hit.article, hit.terms)
        self.open_path(hit.path)

    def _forget_gone(self, path: str) -> None:
        self.search.drop_page(path)
        name = Path(path).name

        def work(library: Library, _job: Job) -> int:
            return library.forget([path])

        def done(_left: int) -> None:
            self.search.show_problem(
                self.tr("%1 is no longer there (moved or deleted): it has left the library.")
                .replace("%1", name)
            )  # fmt: skip
            self.refresh_library()

        def failed(reason: str) -> None:
            self.search.show_problem(
                self.tr("%1 is no longer there (moved or deleted), and stays in the library: %2")
                .replace("%1", name)
                .replace("%2", reason)
            )  # fmt: skip

        self.workers.start(self.workers.with_library(work), done, failed)

    def _show_hit(self, article: int, terms: tuple[str, ...]) -> None:
        self.body.scroll_to(article, -1)
        if terms:
            self.findbar.open()
            # The current match is the hit article's first, wherever the view stops (in a
            # part of a long page still being typeset too).
            self.body.find_from_article(article)
            query = " ".join(terms)  # every word searched for, marked
            if self.findbar.edit.text() == query:
                self.body.find_all(query)  # (the same words: no change to find anew on)
            else:
                self.findbar.edit.setText(query)

    # -- words -------------------------------------------------------------------------

    def _load_words_soon(self) -> None:
        """jieba loads in a worker once the first page is on screen: never on the start-up
        path, and not competing with the first page for the interpreter."""
        if self._words_asked:
            return
        self._words_asked = True
        self.workers.check_outdated()  # once the first page is up, as for jieba
        if not words.loaded():
            # Counted from the page's first paint: laying out a long page may take longer
            # than the delay on a slow machine, and jieba must not compete with it.
            AfterPaint(
                self.body.viewport(),
                lambda: QTimer.singleShot(
                    WORDS_DELAY_MS,
                    self.workers,
                    lambda: self._after_typesetting(self.workers.load_words),
                ),
            )

    def _after_typesetting(self, work: Callable[[], object]) -> None:
        """Run `work` now, or once the long page being typeset in slices is done. Work in
        a worker thread shares the interpreter with the window's thread: beside jieba, a
        20 ms slice of typesetting took 30 ms and more, and the window stalled for 200."""
        if not self.body.typesetting():
            work()
            return

        def once(_whole: bool) -> None:
            self.body.typeset_done.disconnect(once)
            work()

        self.body.typeset_done.connect(once)

    def _on_words_ready(self) -> None:
        if self.session.doc is not None and not self.session.keywords:
            self.find_keywords(self.session.doc)

    def find_keywords(self, doc: Document) -> None:
        def work(_job: object) -> tuple[dict[int, list[str]], words.Terms]:
            return words.page_words(doc)

        self._after_typesetting(
            lambda: self.jobs.start(work, lambda found: self.session.set_keywords(doc, found))
        )

    def add_word(self) -> None:
        selected = (
            self.body.selected_text().strip() if self.body.textCursor().hasSelection() else ""
        )
        word, ok = QInputDialog.getText(
            self.window,
            self.tr("Add Word to Dictionary"),
            self.tr("A word or name for search, keywords and word selection:"),
            text=selected if len(selected) <= 12 else "",
        )
        if not ok or not word.strip():
            return
        try:
            added = words.add_user_word(word)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Cannot add the word"), str(exc))
            return
        self.notices.say(
            (
                self.tr("Added %1 to the dictionary.") if added else self.tr("%1 is known already.")
            ).replace("%1", word.strip()),
            5000,
        )
