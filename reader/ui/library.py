"""The library dock (folders of pages, indexed in the background) and the search dock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core import words
from reader.store.library import Hit, Library, LibraryDocument
from reader.ui.hits import HIT_ROLE, HitDelegate, HitModel
from reader.ui.jobs import Job, Jobs
from reader.ui.library_model import PATH_ROLE, LibraryModel

SEARCH_PAGE = 50  # results shown at first, and added by each Show More


class Workers(Jobs):
    """The library's background work: loading jieba, indexing and searching (on the one
    jobs module's pool and jobs, which always answer)."""

    words_ready = Signal()
    # The folders whose pages were indexed otherwise than they would be now (an earlier
    # version, another segmenter or other user's words), and how many pages that is.
    outdated = Signal(list, int)

    def __init__(self, open_library: Callable[[], Library], parent: QObject | None = None):
        super().__init__(parent, threads=2)
        self.open_library = open_library
        self.indexing: Job | None = None
        self.searching: Job | None = None  # the search running: the next one stops it

    def load_words(self) -> None:
        def work(_job: Job) -> bool:
            words.load()
            words.keywords("预热")  # the keywords read their IDF table on first use
            return True

        self.start(work, lambda _r: self.words_ready.emit(), lambda _r: None)

    def check_outdated(self) -> None:
        """Ask the library, in a worker, whether its index is out of date; `outdated` says
        so when it is. Reads the index and the installed packages' records only: neither
        jieba nor its dictionary."""

        def work(library: Library, _job: Job) -> tuple[list[str], int]:
            return library.outdated(), library.outdated_pages()

        def done(found: tuple[list[str], int]) -> None:
            if found[0]:
                self.outdated.emit(*found)

        self.start(self.with_library(work), done, lambda _r: None)

    def with_library(self, action: Callable[[Library, Job], Any]) -> Callable[[Job], Any]:
        def work(job: Job) -> Any:
            library = self.open_library()
            try:
                return action(library, job)
            finally:
                library.close()

        return work

    def wait(self, ms: int = 30_000) -> bool:
        for job in (self.indexing, self.searching):  # (a window closing waits for neither)
            if job is not None:
                job.cancelled = True
        return super().wait(ms)


class LibraryDock(QWidget):
    """Folders and their pages, with the date, article count and annotations of each."""

    open_requested = Signal(str)
    add_folder_requested = Signal()
    update_requested = Signal()
    remove_folder_requested = Signal(str)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.update_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        for button in (self.add_button, self.update_button, self.remove_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.model = LibraryModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # rows are laid out only as they are shown
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Names share their beginnings (a date, the paper) and differ there or at their
        # ends (p1.json, p1.paddle.txt; the ✎ of an annotated page): the middle is cut.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized from the header and a sample, never from every row of a long library.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self._widths = {1: 0, 2: 0}
        self._open_page = ""  # the page open in the window
        self.tree.viewport().installEventFilter(self)  # a narrow dock: room for the names
        # Activated: a double click (or a single one, where the desktop says so) and
        # Enter; a double click also said doubleClicked, and the page was opened twice.
        self.tree.activated.connect(self._on_activated)
        self.tree.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.tree, 1)
        busy = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout.addLayout(busy)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.add_folder_requested)
        self.update_button.clicked.connect(self.update_requested)
        self.remove_button.clicked.connect(self._on_remove)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.set_busy(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.set_texts(
            [self.tr("Page"), self.tr("Date"), self.tr("Articles")],
            self.tr("No date"),
            self.tr("%1 annotations"),
            self.tr("The page gives its month and day, not its year"),
            self.tr("Pages: %1, articles: %2"),
        )
        self.add_button.setText(self.tr("Add Folder…"))
        self.update_button.setText(self.tr("Update"))
        self.remove_button.setText(self.tr("Remove"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._size_columns()

    def _size_columns(self) -> None:
        metrics = self.tree.fontMetrics()
        header = self.tree.header()
        for column, sample in ((1, "0000-00-00"), (2, "000,000")):
            label = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(str(label)))
            self._widths[column] = width + 3 * metrics.averageCharWidth()
            header.resizeSection(column, self._widths[column])
        self._fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        elif watched is self.tree.viewport() and event.type() == QEvent.Type.FontChange:
            self._size_columns()
        return False

    def _fit_columns(self) -> None:
        """Where the dock is too narrow for a page's name beside its date and article
        count, the date goes first (its group row says it), then the count: a name cut
        to a few characters tells no page from another. They come back as it widens."""
        metrics = self.tree.fontMetrics()
        name = 2 * self.tree.indentation() + metrics.horizontalAdvance("0" * 8 + "日" * 6)
        room = self.tree.viewport().width() - name
        articles = room >= self._widths[2]
        date = articles and room >= self._widths[1] + self._widths[2]
        for column, shown in ((1, date), (2, articles)):
            if self.tree.isColumnHidden(column) == shown:
                self.tree.setColumnHidden(column, not shown)
                if shown:
                    self.tree.header().resizeSection(column, self._widths[column])

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.update_button.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")

    def set_documents(self, folders: list[str], documents: list[LibraryDocument]) -> None:
        """Show the library: each folder open on its dates, the dates closed, except where
        a folder has a single date. What was open and selected stays so."""
        opened = self._opened_dates()
        selected = self._selected()
        self.model.set_documents(folders, documents)
        for f, folder in enumerate(self.model.folders):
            index = self.model.index(f, 0)
            self.tree.setExpanded(index, True)
            for date in folder.dates:
                if len(folder.dates) == 1 or (folder.path, date.date) in opened:
                    self.tree.setExpanded(self.model.index(date.row, 0, index), True)
        if selected is not None and selected[0] == "page":
            index = self.model.find(selected[1])
            if index.isValid():
                self.tree.setCurrentIndex(index)
        elif selected is None and self._open_page:
            # The rows came after the page was opened (the page reopened at start).
            self.select_page(self._open_page)
        self._update_buttons()

    def select_page(self, path: str) -> None:
        """Select the row of the page opened (from anywhere: a search hit, Back, File →
        Open, the page reopened at start), its date opened and the row scrolled to, so the
        list says where the reader is; no row selected when the page is not in the
        library. The page is remembered for rows that come later."""
        self._open_page = path
        index = self.model.find(path)
        if not index.isValid():
            # A page from outside the library: no row stands for it, and the row of the
            # page read before is no longer where the reader is.
            self.tree.selectionModel().clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
            return
        if index == self.tree.currentIndex():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.setExpanded(parent, True)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def _opened_dates(self) -> set[tuple[str, str]]:
        """The (folder, date) groups that are open."""
        return {
            (folder.path, date.date)
            for f, folder in enumerate(self.model.folders)
            for date in folder.dates
            if self.tree.isExpanded(self.model.index(date.row, 0, self.model.index(f, 0)))
        }

    def page_rows(self) -> list[tuple[str, str, str]]:
        """The pages' rows as shown (name, date, articles), in order, opened or not."""
        rows = []
        for f in range(self.model.rowCount()):
            folder = self.model.index(f, 0)
            for d in range(self.model.rowCount(folder)):
                date = self.model.index(d, 0, folder)
                for p in range(self.model.rowCount(date)):
                    rows.append(tuple(str(self.model.index(p, c, date).data()) for c in range(3)))
        return rows  # type: ignore[return-value]

    def _selected(self) -> tuple[str, str] | None:
        index = self.tree.currentIndex()
        if not index.isValid() or not self.tree.selectionModel().isSelected(index):
            return None
        return self.model.data(index.siblingAtColumn(0), PATH_ROLE)  # type: ignore[return-value]

    def _update_buttons(self) -> None:
        selected = self._selected()
        self.remove_button.setEnabled(selected is not None and selected[0] == "folder")

    def _on_remove(self) -> None:
        selected = self._selected()
        if selected is not None and selected[0] == "folder":
            self.remove_folder_requested.emit(selected[1])

    def _on_activated(self, index: QModelIndex) -> None:
        doc = self.model.document(index.siblingAtColumn(0))
        if doc is not None:
            self.open_requested.emit(doc.path)


class SearchDock(QWidget):
    """Search every page of the library: words (all must be there), "exact phrases" and
    -excluded words; results best first, each with its page, article and a snippet, a page
    of them at a time (Show More)."""

    # The query and how many results to ask for: one more than are to be shown, so the
    # answer says whether there are more.
    search_requested = Signal(str, int)
    hit_activated = Signal(object)  # Hit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.searched = ""  # the query the results shown answer
        self.more = False  # whether the library holds more results than are shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self._on_search)
        layout.addWidget(self.query)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # The results: an item model over the hits, each drawn as a card.
        self.model = HitModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # cards wrap anew
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A click opens a hit; Enter too. A double click's activation, after the click
        # that opened it, would open it again, or the hit shifted under the mouse when
        # the first was a page gone from the disk and left the results.
        self.results.activated.connect(self._on_key_activated)
        self.results.clicked.connect(self._on_clicked)
        # Rows taken out under the mouse (a gone page's hits): what the same gesture goes
        # on to click is no choice of the user's, until the mouse is pressed anew.
        self._shifted = False
        self._double = False  # the second press of a double click, till its release
        # A click just handled: where the desktop activates items on a single click, the
        # same release says activated too, which must not open the hit again.
        self._clicked = False
        self.results.viewport().installEventFilter(self)
        layout.addWidget(self.results, 1)
        self.more_button = QPushButton(self)
        self.more_button.hide()
        self.more_button.clicked.connect(self.show_more)
        layout.addWidget(self.more_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr('Search the library: words "a phrase" -excluded'))
        self.more_button.setText(self.tr("Show More"))
        self.model.set_untitled(self.tr("(untitled article %1)"))
        if self.hits:
            self._summarise()

    def _on_search(self) -> None:
        text = self.query.text().strip()
        if text:
            self.summary.setText(self.tr("Searching…"))
            self.search_requested.emit(text, SEARCH_PAGE + 1)

    def show_more(self) -> None:
        """Ask for the next page of results of the query shown."""
        if self.searched and self.more:
            self.more_button.setEnabled(False)
            self.search_requested.emit(self.searched, len(self.hits) + SEARCH_PAGE + 1)

    def show_hits(self, hits: list[Hit], asked: int | None = None, query: str = "") -> None:
        """Show the results of a search that asked for `asked` of them: getting that many
        means there are more, and the last is kept back for the next page."""
        more = asked is not None and len(hits) >= asked
        if asked is not None and more:
            hits = hits[: asked - 1]
        self.hits, self.searched, self.more = hits, query, more
        self.more_button.setVisible(more)
        self.more_button.setEnabled(True)
        # Show More adds rows below what is being read; a new query starts at the top.
        self.model.set_hits(hits)
        if not hits:
            self.summary.setText(self.tr("Nothing found."))
            return
        self._summarise()

    def drop_page(self, path: str) -> None:
        """Take a page's articles out of the results shown (the page is gone)."""
        self.hits = [hit for hit in self.hits if hit.path != path]
        self.model.set_hits(self.hits)
        self._shifted = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.results.viewport():
            kind = event.type()
            if kind == QEvent.Type.MouseButtonPress:
                self._shifted = False  # (a double click's second press comes as DblClick)
            elif kind == QEvent.Type.MouseButtonDblClick:
                self._double = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._double = False
        return False

    def results_text(self) -> str:
        """The results as plain text, a card a paragraph."""
        return "\n\n".join(
            str(self.model.index(row).data()) for row in range(self.model.rowCount())
        )

    def _summarise(self) -> None:
        count = f"{len(self.hits):,}"
        # The library checks every candidate it needs: without more, the count is all.
        if self.more:
            text = self.tr("Articles found: the first %1; there are more.")
        else:
            text = self.tr("Articles found: %1")
        self.summary.setText(text.replace("%1", count))

    def show_problem(self, reason: str) -> None:
        self.summary.setText(reason)

    def _on_clicked(self, index: QModelIndex) -> None:
        self._clicked = True
        QTimer.singleShot(0, self._click_handled)
        self._on_activated(index)

    def _click_handled(self) -> None:
        self._clicked = False

    def _on_activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None and not self._shifted:
            self.hit_activated.emit(hit)

    def _on_key_activated(self, index: QModelIndex) -> None:
        # A double click's activation, or a single click's on desktops that activate so:
        # the click opened the hit already.
        if not self._double and not self._clicked:
            self._shifted = False  # Enter: the user's own choice
            self._on_activated(index)
