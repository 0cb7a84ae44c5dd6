"""The main window. It only assembles: it makes the widgets, the page session and the
controllers, lays them out, and wires them in `_connect_signals`. What a feature does is in
its controller (reader/ui/controllers); what the page is, in the session (reader/ui/session).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFontDatabase
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader.store.db import Store
from reader.ui.about import AboutDialog, ShortcutsDialog, app_icon
from reader.ui.actions import BODY_KEYS, ActionSet
from reader.ui.annotate import SelectionBar
from reader.ui.annotation_docks import AnnotationsDock, TagsDock
from reader.ui.body import BodyView
from reader.ui.controllers.annotations import AnnotationsController
from reader.ui.controllers.corrections import CorrectionsController
from reader.ui.controllers.export import ExportController
from reader.ui.controllers.files import FilesController
from reader.ui.controllers.library import AfterPaint, LibraryController
from reader.ui.controllers.reading import ReadingController
from reader.ui.controllers.store import StoreController
from reader.ui.controllers.view import COLUMNS, ViewController, column_name
from reader.ui.corrections import CorrectionsDock, SuggestionBar
from reader.ui.findbar import FindBar
from reader.ui.jobs import Jobs
from reader.ui.library import LibraryDock, SearchDock
from reader.ui.loader import DocumentLoader, OpenProgress
from reader.ui.notices import Notices
from reader.ui.outline import OutlineDock
from reader.ui.room import ReadingRoom, fit_to_screen
from reader.ui.scan import ScanController, scan_keys
from reader.ui.session import Change, PageSession, What
from reader.ui.settings import Settings
from reader.ui.source import SourceView
from reader.ui.status import PageSummary, PageWarning, PlaceIndicator, StoreState
from reader.ui.themes import theme

__all__ = ["COLUMNS", "AfterPaint", "MainWindow"]

CJK_FONT_HINT = "sudo apt install fonts-noto-cjk"


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def _via(*names: str) -> Any:
    """A read-only attribute of the window that is another object's: `_via("a", "b")` is
    self.a.b, so callers (and the tests) keep one face while the work lives elsewhere."""

    def get(self: MainWindow) -> Any:
        target: Any = self
        for name in names:
            target = getattr(target, name)
        return target

    return property(get)


class MainWindow(QMainWindow):
    document_shown = Signal(object)  # Document, once rendered
    preview_shown = Signal(object)  # Document: a long page's first part, before the whole
    document_corrected = Signal(object)  # Document, after a correction was applied or undone
    # The controllers, made in _build_controllers.
    reading: ReadingController
    files: FilesController
    view: ViewController
    fixes: CorrectionsController
    annotations: AnnotationsController
    librarian: LibraryController
    exports: ExportController

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.session = PageSession(settings, self)
        self.jobs = Jobs(self)
        self.notices = Notices(self)
        self.loader = DocumentLoader(None, self)
        self.about_box: AboutDialog | None = None
        self.shortcuts_box: ShortcutsDialog | None = None
        self._build_widgets()
        self.storage = StoreController(
            self, self.session, self.loader, self.store_state, self.notices, self.jobs,
            lambda path: self.files.open_path(path),
        )  # fmt: skip
        store = self.storage.open(store)
        # The View menu's choices: what is chosen now, and who takes a new choice.
        choices = {
            "theme": (settings.get("theme"), lambda v: self.view.set_theme(v)),
            "column": (column_name(settings.get("column")), lambda v: self.view.set_column_name(v)),
            "language": (settings.get("language"), lambda v: self.view.set_language(v)),
        }
        self.action_set = ActionSet(self, choices)
        self.actions_by_key = self.action_set.by_key
        self.undo_action, self.redo_action = self.action_set.undo, self.action_set.redo
        self._build_controllers()
        docks = [self.outline_dock, self.library_dock, self.notes_dock, self.tags_dock,
                 self.corrections_dock, self.search_dock, self.scan.dock]  # fmt: skip
        source_action = self.actions_by_key["source"]
        self.room = ReadingRoom(self, self.body, docks, self.splitter, source_action)
        self.view.room = self.room
        self.action_set.build_menus(
            self.menuBar(), {d.objectName(): d.toggleViewAction() for d in docks}
        )
        self.menus = self.action_set.menus
        self._connect_signals()
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        fit_to_screen(self, 1280, 820)
        geometry, state = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        source_action.setChecked(settings.get("show_source"))
        self.source.setVisible(settings.get("show_source"))
        self.actions_by_key["noise"].setChecked(settings.get("show_noise"))
        self.session.restyle()
        self.retranslate()
        self.storage.start(store)
        self._on_store_attached()
        self.librarian.refresh_library()

    # -- assembling ------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.body = BodyView(self)
        self.findbar = FindBar(self)
        self.findbar.hide()
        self.source = SourceView(self)
        self.outline = OutlineDock(self)
        text_area = QWidget(self)
        column = QVBoxLayout(text_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.font_notice = QLabel(self)
        self.font_notice.setWordWrap(True)
        self.font_notice.setVisible(not has_cjk_font())
        column.addWidget(self.font_notice)
        self.suggestion_bar = SuggestionBar(self)
        column.addWidget(self.suggestion_bar)
        column.addWidget(self.body, 1)
        column.addWidget(self.findbar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(text_area)
        self.splitter.addWidget(self.source)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.outline_dock = self._dock("outline", self.outline, left)
        self.notes = AnnotationsDock(self)
        self.notes_dock = self._dock("annotations", self.notes, right)
        self.tags = TagsDock(self)
        self.tags_dock = self._dock("tags", self.tags, right)
        self.tabifyDockWidget(self.notes_dock, self.tags_dock)
        self.selection_bar = SelectionBar(theme(self.settings.get("theme")), self.body.viewport())
        self.library = LibraryDock(self)
        self.library_dock = self._dock("library", self.library, left)
        self.tabifyDockWidget(self.outline_dock, self.library_dock)
        self.outline_dock.raise_()
        self.corrections = CorrectionsDock(self)
        self.corrections_dock = self._dock("corrections", self.corrections, right)
        self.tabifyDockWidget(self.tags_dock, self.corrections_dock)
        self.search = SearchDock(self)
        self.search_dock = self._dock("search", self.search, right)
        self.tabifyDockWidget(self.tags_dock, self.search_dock)
        self.notes_dock.raise_()
        session = self.session
        self.scan = ScanController(
            self, lambda: session.annotator.placed.values() if session.annotator else ()
        )

        self.status = PageSummary(self)
        self.page_warning = PageWarning(self.status, self)
        self.progress = OpenProgress(self.loader, self.body, self)
        self.place_indicator = PlaceIndicator(self)
        self.store_state = StoreState(self)
        self.statusBar().addWidget(self.status, 1)
        for widget in (self.page_warning, self.place_indicator, self.progress, self.store_state):
            self.statusBar().addPermanentWidget(widget)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_controllers(self) -> None:
        s, a = self.session, self.actions_by_key
        self.reading = ReadingController(
            s, self.body, self.source, self.outline, self.findbar, self.place_indicator,
            self.loader.load, self,
        )  # fmt: skip
        jump = self.reading.record_jump
        self.files = FilesController(self, s, self.loader, self.progress, self.notices, jump)
        self.view = ViewController(
            self, s, self.body, self.source, self.font_notice, a["source"], self.retranslate
        )
        self.fixes = CorrectionsController(
            self, s, self.body, self.corrections, self.suggestion_bar,
            self.action_set.correction_rows(), self.jobs,
        )  # fmt: skip
        self.annotations = AnnotationsController(
            self, s, self.body, self.selection_bar, self.notes, self.tags, self.notices, a,
            self.files.open_path, jump, self.fixes.context_menu,
        )  # fmt: skip
        self.librarian = LibraryController(
            self, s, self.body, self.findbar, self.library, self.library_dock, self.search,
            self.search_dock, self.notices, self.jobs, self.files.open_path, jump,
        )  # fmt: skip
        self.exports = ExportController(
            self, s, self.body, self.search, self.notices, self.librarian.library_pages,
            self.files.open_path,
        )  # fmt: skip

    def _connect_signals(self) -> None:
        """Every connection between the parts, in one place. The views hear of a change to
        the page in this order: the palette, the text, the docks, then the window."""
        for part in (self.view, self.reading, self.files, self.storage, self.fixes,
                     self.annotations, self.librarian):  # fmt: skip
            part.connect_signals()
        self.session.changed.connect(self._on_page_changed)
        self.storage.attached.connect(self._on_store_attached)
        self.storage.settled.connect(self.annotations.refresh_tags)
        self.librarian.workers.words_ready.connect(self._on_words_ready)
        self.tags.export_requested.connect(self.exports.export_tag)
        self.files.folders_dropped.connect(self.librarian.add_folders)
        self.menus["recent"].aboutToShow.connect(
            lambda: self.files.fill_recent(self.menus["recent"])
        )
        history = self.reading.history
        history.changed.connect(lambda: self.actions_by_key["back"].setEnabled(history.can_back()))
        history.changed.connect(
            lambda: self.actions_by_key["forward"].setEnabled(history.can_forward())
        )
        history.changed.emit()
        self.session.changed.connect(
            lambda change: self.scan.on_page_changed(
                change, self.session.doc, theme(self.settings.get("theme"))
            )
        )
        self.body.block_selected.connect(self.scan.show_lines)
        self.scan.block_activated.connect(self._on_scan_activated)
        self.scan.message.connect(lambda text: self.notices.say(text, 10000))
        self.scan.dismissed.connect(self.body.setFocus)
        self.scan.article_step.connect(self.body.jump_article)
        self.outline.article_step.connect(self.body.jump_article)
        self.body.no_further.connect(self._on_no_further)
        self.fixes.refused.connect(lambda text: self.notices.say(text, 10000))
        self.room.full_screen_changed.connect(self.actions_by_key["full_screen"].setChecked)
        self.room.reading_changed.connect(self.actions_by_key["reading_mode"].setChecked)

    def _on_no_further(self, step: int) -> None:
        if step > 0:
            self.notices.say(self.tr("This is the page's last article."), 5000)
        else:
            self.notices.say(self.tr("This is the page's first article."), 5000)

    def _on_page_changed(self, change: Change) -> None:
        doc = self.session.doc
        if change.what in (What.PAGE, What.CORRECTED):
            self.status.show_page(doc, change.loaded.stats if change.loaded else None)
            self.page_warning.show_page(doc)
        if change.what is What.PAGE and change.loaded is not None and doc is not None:
            self.setWindowTitle(f"{Path(doc.source.path).name} — ocr-reader")
            self.library.select_page(doc.source.path)
            self.document_shown.emit(doc)
            resolved = change.loaded.resolved
            if resolved is not None and resolved.carried is not None:
                self.storage.carry_over(resolved)
        elif change.what is What.CORRECTED:
            self.document_corrected.emit(doc)
        elif change.what is What.PREVIEW and change.loaded is not None:
            first = change.loaded.doc
            self.status.show_page(first, change.loaded.stats, part=True)
            self.page_warning.show_page(first)
            self.setWindowTitle(f"{Path(first.source.path).name} — ocr-reader")
            self.preview_shown.emit(first)

    def _on_scan_activated(self, article: int, key: int) -> None:
        """A click on the scan: the text goes to that block (Back returns)."""
        self.reading.record_jump()
        self.body.show_spot(article, key, 0)

    def _on_store_attached(self, _store: Store | None = None) -> None:
        """The actions that need the database follow whether it can be used, and written."""
        store = self.storage.store
        self.librarian.store = self.exports.store = store
        self.librarian.problem = self.storage.problem or ""
        writable = store is not None and not store.read_only
        for key in ("export_annotations", "export_marked"):
            self.actions_by_key[key].setEnabled(store is not None)
        for key in ("import_annotations", "open_folder", "search_library"):
            self.actions_by_key[key].setEnabled(writable)

    def _on_words_ready(self) -> None:
        if self.session.doc is not None:
            self.fixes.find_suggestions(self.session.doc)

    def retranslate(self) -> None:
        self.action_set.retranslate()
        # Each panel's title, and its entry in the View menu: the title with an access key
        # (set after the titles, which a panel's toggle action otherwise copies).
        docks = (
            (self.outline_dock, self.tr("Outline"), self.tr("Outl&ine")),
            (self.notes_dock, self.tr("Annotations"), self.tr("&Annotations")),
            (self.tags_dock, self.tr("Tags"), self.tr("Ta&gs")),
            (self.library_dock, self.tr("Library"), self.tr("Li&brary")),
            (self.search_dock, self.tr("Search"), self.tr("Searc&h")),
            (self.corrections_dock, self.tr("Corrections"), self.tr("&Corrections")),
        )
        for dock, title, _entry in docks:
            dock.setWindowTitle(title)
        for part in (self.corrections, self.suggestion_bar, self.library, self.search,
                     self.notes, self.tags, self.selection_bar, self.outline, self.findbar,
                     self.place_indicator, self.status, self.page_warning, self.scan,
                     self.progress, self.body):  # fmt: skip
            part.retranslate()
        self.librarian.retranslate()
        for dock, _title, entry in docks:
            dock.toggleViewAction().setText(entry)
        self.scan.dock.toggleViewAction().setText(self.tr("Sca&n"))  # (titled by the scan)
        self.font_notice.setText(
            self.tr(
                "No Chinese font is installed, so the text cannot be shown properly. "
                "Install one, for example: %1"
            ).replace("%1", CJK_FONT_HINT)
        )

    # -- the window's own events -----------------------------------------------------------

    def show_about(self) -> None:
        """Made each time, in the interface's language as it is now (one made before a
        switch stayed in the language it was made in)."""
        if self.about_box is not None:
            self.about_box.deleteLater()
        self.about_box = AboutDialog(self)
        self.about_box.show()
        self.about_box.raise_()

    def show_shortcuts(self) -> None:
        """Read from the menus each time, so it lists the actions as they are now."""
        if self.shortcuts_box is not None:
            self.shortcuts_box.deleteLater()
        keys = {self.actions_by_key[k]: key for k, key in BODY_KEYS.items()}
        self.shortcuts_box = ShortcutsDialog(self.menuBar(), keys, self, [scan_keys()])
        self.shortcuts_box.show()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.files.drop(event.mimeData()):
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.storage.holds_close(self.close):  # changes wait for another program's lock
            event.ignore()
            return
        self.storage.close_writer()
        self.librarian.workers.wait()
        self.fixes.stop_suggesting()  # (on a long page they take half a minute)
        self.jobs.wait()
        self.session.save_position()
        self.room.restore_panels()  # the layout is remembered as the reader set it
        self.settings.set_geometry(self.saveGeometry(), self.saveState())
        self.storage.close_store()
        super().closeEvent(event)

    # -- the window's face: what callers and tests reach through it ------------------------

    doc = _via("session", "doc")
    keywords = _via("session", "keywords")
    annotator = _via("session", "annotator")
    corrector = _via("session", "corrector")
    store = _via("storage", "store")
    writer = _via("storage", "writer")
    store_problem = _via("storage", "problem")
    error_box = _via("notices", "box")
    workers = _via("librarian", "workers")
    current_editor = _via("annotations", "current_editor")
    export_dialog = _via("exports", "export_dialog")
    library_indexed = _via("librarian", "indexed")
    search_done = _via("librarian", "searched")
    suggestions_ready = _via("fixes", "suggestions_ready")
    load_failed = _via("files", "load_failed")
    open_path = _via("files", "open_path")
    here = _via("reading", "here")
    set_theme = _via("view", "set_theme")
    set_column = _via("view", "set_column")
    set_language = _via("view", "set_language")
    zoom = _via("view", "zoom")
    annotate_selection = _via("annotations", "annotate_selection")
    edit_annotation = _via("annotations", "edit_annotation")
    delete_annotations = _via("annotations", "delete_annotations")
    correct = _via("fixes", "correct")
    add_folder = _via("librarian", "add_folder")
    search_library = _via("librarian", "search_library")
    show_search = _via("librarian", "show_search")
    open_hit = _via("librarian", "open_hit")
    open_export = _via("exports", "open_export")
    import_annotations = _via("exports", "import_annotations")
    copy_citation = _via("exports", "copy_citation")
