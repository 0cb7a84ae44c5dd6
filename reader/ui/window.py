"""The main window: assembles the outline, the body, the source view and the find bar."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QKeySequence,
    QTextCursor,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core import annotations as notes_io
from reader.core import words
from reader.core.annotations import Annotation, Placed, normalise_tags
from reader.core.cite import CITATION, cite
from reader.core.document import load
from reader.core.export import clean_text
from reader.core.model import Document
from reader.core.suggest import Suggestion, suggest_titles
from reader.store import paths, versions
from reader.store.db import Merged, Store, StoreError, StoreLocked, default_path
from reader.store.files import write_atomic
from reader.store.library import Hit, IndexReport, Library
from reader.ui import i18n
from reader.ui.about import AboutDialog, ShortcutsDialog, app_icon
from reader.ui.annotate import AnnotationEditor, SelectionBar, colour_names
from reader.ui.annotation_docks import AnnotationsDock, TagsDock
from reader.ui.annotator import Annotator
from reader.ui.body import BodyView, Typography, highlights_of
from reader.ui.corrections import (
    CorrectionsDock,
    CorrectMenu,
    Corrector,
    SuggestionBar,
)
from reader.ui.findbar import FindBar
from reader.ui.history import JumpHistory, Spot
from reader.ui.library import SEARCH_PAGE, Job, LibraryDock, SearchDock, Workers
from reader.ui.loader import DocumentLoader, Loaded, OpenProgress
from reader.ui.outline import OutlineDock
from reader.ui.room import ReadingRoom
from reader.ui.settings import MAX_FONT, MIN_FONT, Settings
from reader.ui.source import SourceView
from reader.ui.status import PlaceIndicator, percent_through
from reader.ui.textdialog import TextDialog
from reader.ui.themes import THEMES, palette, theme
from reader.ui.writer import StoreWriter

COLUMNS = {"narrow": 32, "medium": 38, "wide": 46}
if TYPE_CHECKING:
    from reader.ui.export_dialog import ExportDialog

CJK_FONT_HINT = "sudo apt install fonts-noto-cjk"
USER_DICT = "userdict.txt"
WORDS_DELAY_MS = 500  # after the first page is painted, jieba starts loading
SUGGEST_DELAY_MS = 300  # after a page is shown, its title suggestions are looked for
# The window's own connection waits this long for a lock, so no read or check at start-up
# holds it up for longer; every write waits in the store writer's thread instead.
UI_BUSY_MS = 100
STORE_RETRY_MS = 2000  # a database locked at start-up is tried again this often
CLOSE_WAIT_S = 5.0  # how long closing waits for changes still to be stored


@dataclass
class ActionSpec:
    shortcut: str | QKeySequence.StandardKey | None = None
    checkable: bool = False


# Every action in one place, so menus and shortcuts never drift apart; their texts come
# from MainWindow.texts(), which is read again on every language change.
ACTIONS: dict[str, ActionSpec] = {
    "open": ActionSpec(QKeySequence.StandardKey.Open),
    "quit": ActionSpec("Ctrl+Q"),
    "find": ActionSpec(QKeySequence.StandardKey.Find),
    "source": ActionSpec("F4", checkable=True),
    "noise": ActionSpec(None, checkable=True),
    "decisions": ActionSpec(None, checkable=True),
    "zoom_in": ActionSpec("Ctrl++"),
    "zoom_out": ActionSpec("Ctrl+-"),
    "zoom_reset": ActionSpec("Ctrl+0"),
    "font": ActionSpec(),
    # n and p themselves are handled by the body, so they never fire while typing.
    "next": ActionSpec("Ctrl+]"),
    "prev": ActionSpec("Ctrl+["),
    "about": ActionSpec(),
    "shortcuts": ActionSpec(),
    "full_screen": ActionSpec("F11", checkable=True),
    "reading_mode": ActionSpec("Ctrl+Shift+R", checkable=True),
    "back": ActionSpec("Alt+Left"),
    "forward": ActionSpec("Alt+Right"),
    # Plain letters, as in other readers; text fields take their keys first.
    "highlight": ActionSpec("H"),
    "tag": ActionSpec("T"),
    "note": ActionSpec("N"),
    "export_annotations": ActionSpec(),
    "import_annotations": ActionSpec(),
    "export_marked": ActionSpec(),
    "export": ActionSpec("Ctrl+E"),
    "open_folder": ActionSpec("Ctrl+Shift+O"),
    # Corrections at the text cursor.
    "fix_join": ActionSpec("Ctrl+J"),
    "fix_split": ActionSpec("Ctrl+Return"),
    "fix_paragraph": ActionSpec("Ctrl+Alt+0"),
    "fix_heading1": ActionSpec("Ctrl+Alt+1"),
    "fix_heading2": ActionSpec("Ctrl+Alt+2"),
    "fix_heading3": ActionSpec("Ctrl+Alt+3"),
    "fix_new_article": ActionSpec("Ctrl+Shift+N"),
    "fix_merge": ActionSpec("Ctrl+Shift+M"),
    "fix_title": ActionSpec("Ctrl+Alt+T"),
    "fix_byline": ActionSpec("Ctrl+Alt+B"),
    "fix_text": ActionSpec("F2"),
    "search_library": ActionSpec("Ctrl+Shift+F"),
    "add_word": ActionSpec(),
    "copy_citation": ActionSpec("Ctrl+Shift+C"),
    "citation_template": ActionSpec(),
}


def _user_lines(outcome: object) -> set[int]:
    """Source lines of the blocks changed by hand."""
    from reader.core.edits import Outcome

    if not isinstance(outcome, Outcome):
        return set()
    return {
        line
        for _ai, block in outcome.doc.iter_blocks()
        if id(block) in outcome.edited_blocks
        for line in range(block.first, block.last + 1)
    }


@dataclass(frozen=True)
class BlockMark:
    """A block of the page shown, to find again once the page is typeset anew: its source
    lines and text, and where in its text the text cursor is."""

    first: int
    last: int
    text: str
    offset: int


def find_block(doc: Document, mark: BlockMark) -> tuple[int, int] | None:
    """(article, index in all_blocks) of the marked block in a page corrected since: of the
    blocks that begin on its first source line, the one with its text, else the one whose
    text begins as its did the longest way (a block joined to the next, or split), else the
    one with its lines (its text corrected). None when no block begins on that line."""
    best: tuple[int, int] | None = None
    score: tuple[bool, int, bool] | None = None
    for ai, art in enumerate(doc.articles):
        for k, block in enumerate(art.all_blocks()):
            if block.first != mark.first:
                continue
            pairs = enumerate(zip(block.text, mark.text, strict=False))
            least = min(len(block.text), len(mark.text))
            shared = next((n for n, (a, b) in pairs if a != b), least)
            here = (block.text == mark.text, shared, block.last == mark.last)
            if score is None or here > score:
                best, score = (ai, k), here
    return best


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Shift+Z, Ctrl+Y and the platform's own Redo keys, each once. Where the platform's
    Redo is Ctrl+Shift+Z too (Linux desktops), a sequence given twice is an ambiguous
    shortcut, which Qt warns about instead of redoing."""
    keys: list[QKeySequence] = []
    for key in (
        QKeySequence("Ctrl+Shift+Z"),
        QKeySequence("Ctrl+Y"),
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
    ):
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


class MainWindow(QMainWindow):
    document_shown = Signal(object)  # Document, once rendered
    library_indexed = Signal(object)  # IndexReport, or None when cancelled or failed
    document_corrected = Signal(object)  # Document, after a correction was applied or undone
    suggestions_ready = Signal(list)  # title suggestions for the page shown
    search_done = Signal(list)  # hits
    load_failed = Signal(str, str)  # path, reason

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.doc: Document | None = None
        # Said once the window is up: a damaged database moved aside, or one that cannot be
        # used (newer, locked), in which case reading works and annotating is off.
        self.store_problem: str | None = None
        locked = False
        if store is None:
            try:
                store = Store(default_path(), timeout_ms=UI_BUSY_MS)
            except StoreLocked as exc:
                self.store_problem, locked = str(exc), True
            except StoreError as exc:
                self.store_problem = str(exc)
        if store is not None and store.notice:
            self.store_problem = store.notice
        # Set by _attach_store, now or (after a lock is released) later.
        self.store: Store | None = None
        self.writer: StoreWriter | None = None
        self.annotator: Annotator | None = None
        self.corrector: Corrector | None = None
        # Each page has its own undo history; the group's active stack is the page shown's,
        # so Undo and Redo never reach a change made on another page.
        self.undo_group = QUndoGroup(self)
        self.undo_stacks: dict[str, QUndoStack] = {}
        self.undo_stack = self._history("")  # until a page is shown
        self.loader = DocumentLoader(None, self)
        # While another program holds the database at start-up, it is tried again
        # off the UI thread until it is free; annotating then turns on.
        self._store_retry = QTimer(self)
        self._store_retry.setInterval(STORE_RETRY_MS)
        self._store_retry.setSingleShot(True)
        self.body = BodyView(self)
        self.findbar = FindBar(self)
        self.findbar.hide()
        self.source = SourceView(self)
        self.outline = OutlineDock(self)
        self.error_box: QMessageBox | None = None
        self.current_editor: AnnotationEditor | None = None
        self._pending_note = ""  # the notes of a change that failed to save, for the user
        self._after_load = ""  # annotation to show once the next document is open
        self._after_history: Spot | None = None  # place to show once the next page is open
        self.history = JumpHistory(self)
        self.about_box: AboutDialog | None = None
        self.shortcuts_box: ShortcutsDialog | None = None
        self._corrected: BlockMark | None = None  # the block a correction is being made on
        self.export_dialog: ExportDialog | None = None
        # Saves the reading position once scrolling pauses, not on every step.
        self._position_saver = QTimer(self)
        self._position_saver.setSingleShot(True)
        self._position_saver.setInterval(400)

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

        self.outline_dock = self._dock(
            "outline", self.outline, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.notes = AnnotationsDock(self)
        self.notes_dock = self._dock(
            "annotations", self.notes, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tags = TagsDock(self)
        self.tags_dock = self._dock("tags", self.tags, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.notes_dock, self.tags_dock)
        self.notes_dock.raise_()
        self.selection_bar = SelectionBar(theme(settings.get("theme")), self.body.viewport())
        self.library = LibraryDock(self)
        self.library_dock = self._dock(
            "library", self.library, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.tabifyDockWidget(self.outline_dock, self.library_dock)
        self.outline_dock.raise_()
        self.corrections = CorrectionsDock(self)
        self.corrections_dock = self._dock(
            "corrections", self.corrections, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.tags_dock, self.corrections_dock)
        self.search = SearchDock(self)
        self.search_dock = self._dock("search", self.search, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.tags_dock, self.search_dock)
        self.notes_dock.raise_()
        words.configure(paths.cache_dir() / "jieba", paths.data_dir() / USER_DICT)
        self.workers = Workers(self._open_library, self)
        self.keywords: dict[int, list[str]] = {}
        self._after_search: tuple[int, tuple[str, ...]] | None = None

        self.status = QLabel(self)
        self.progress = OpenProgress(self.loader, self.body, self)
        self.place_indicator = PlaceIndicator(self)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.place_indicator)
        self.statusBar().addPermanentWidget(self.progress)

        self.actions_by_key: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._build_actions()
        self.room = ReadingRoom(
            self,
            self.body,
            [
                self.outline_dock,
                self.library_dock,
                self.notes_dock,
                self.tags_dock,
                self.corrections_dock,
                self.search_dock,
            ],
            self.splitter,
            self.actions_by_key["source"],
        )
        self._build_menus()
        self._connect_signals()
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        self.resize(1280, 820)
        geometry, state = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.actions_by_key["source"].setChecked(settings.get("show_source"))
        self.source.setVisible(settings.get("show_source"))
        self.actions_by_key["noise"].setChecked(settings.get("show_noise"))
        self.store_state = QLabel(self)
        self.statusBar().addPermanentWidget(self.store_state)
        self.apply_view()
        self.retranslate()
        if store is not None:
            self._attach_store(store)
        else:
            self._enable_store_actions()
        if locked:
            self.store_state.setText(
                self.tr("Annotations wait: the database is locked by another program")
            )
            self._store_retry.start()
        self.refresh_library()
        # jieba loads in a worker once the first page is on screen: never on the start-up
        # path, and not competing with the first page for the interpreter.
        self.document_shown.connect(self._load_words_soon)
        if self.store_problem:
            QTimer.singleShot(0, self._report_store_problem)

    def _attach_store(self, store: Store) -> None:
        """Turn annotating on with this store: at start-up, or once a lock is released."""
        self.store = store
        self.writer = StoreWriter(store.path, self)
        self.annotator = Annotator(store, self.writer, self.undo_stack, self)
        self.corrector = Corrector(self.writer, self.undo_stack, self, store.read_only)
        self.loader.store_path = store.path
        self.annotator.changed.connect(self._on_annotations_changed)
        self.annotator.failed.connect(self._on_store_failed)
        self.corrector.changed.connect(self._on_corrected)
        self.corrector.failed.connect(self._on_store_failed)
        self.writer.pending.connect(self._on_writes_pending)
        self.writer.locked.connect(self._on_writes_locked)
        self.writer.failed.connect(self._on_write_failed)
        self._enable_store_actions()
        if store.read_only:
            self.store_state.setText(self.tr("Annotations read-only"))
            self.store_state.setToolTip(
                self.tr("The data folder is read-only: annotations show and export, but "
                        "cannot be changed.")
            )  # fmt: skip

    def _enable_store_actions(self) -> None:
        writable = self.store is not None and not self.store.read_only
        for key in ("export_annotations", "export_marked"):
            self.actions_by_key[key].setEnabled(self.store is not None)
        for key in ("import_annotations", "open_folder", "search_library"):
            self.actions_by_key[key].setEnabled(writable)

    def _on_store_retry(self) -> None:
        """Try the locked database again, off the UI thread."""
        path = default_path()

        def work(_job: Job) -> bool:
            Store(path, timeout_ms=UI_BUSY_MS).close()
            return True

        def done(_ok: bool) -> None:
            try:
                store = Store(path, check=False, timeout_ms=UI_BUSY_MS)
            except StoreError:
                self._store_retry.start()
                return
            self.store_problem = None
            self.store_state.setText("")
            self._attach_store(store)
            self.statusBar().showMessage(self.tr("Annotations are on again."), 8000)
            if self.doc is not None:
                self.open_path(self.doc.source.path)  # with its annotations this time

        self.workers.start(work, done, lambda _reason: self._store_retry.start())

    def _on_writes_pending(self, count: int) -> None:
        if count == 0:
            self.store_state.setText("")
            self._refresh_tags()
        elif self.store_state.property("locked"):
            self.store_state.setText(
                self.tr("%1 changes wait: the database is locked by another program").replace(
                    "%1", str(count)
                )
            )

    def _on_writes_locked(self, locked: bool) -> None:
        self.store_state.setProperty("locked", locked)
        self._on_writes_pending(self.writer.waiting if self.writer else 0)

    def _on_write_failed(self, reason: str, notes: str) -> None:
        """A change shown could not be stored: say so, keep its notes on the clipboard,
        and show what the store holds."""
        self._pending_note = notes
        self._on_store_failed(reason)
        self._pending_note = ""
        for stack in self.undo_stacks.values():
            stack.clear()  # their states are no longer what the store holds
        if self.doc is not None:
            self.open_path(self.doc.source.path)

    def _report_store_problem(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Annotations"), "", parent=self)
        box.setText(self.store_problem or "")
        if self.store is None:
            box.setInformativeText(
                self.tr("Pages can be read, but annotations are off until this is solved.")
            )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.error_box = box
        box.open()

    # -- construction ------------------------------------------------------------------------

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

    def _act(self, key: str, handler: Callable[..., object]) -> QAction:
        spec = ACTIONS[key]
        action = QAction(self)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setCheckable(spec.checkable)
        (action.toggled if spec.checkable else action.triggered).connect(handler)
        self.addAction(action)
        self.actions_by_key[key] = action
        return action

    def _build_actions(self) -> None:
        self._act("open", self._on_open)
        self._act("quit", self.close)
        self._act("find", self.findbar.open)
        self._act("source", self._on_source_toggled)
        self._act("noise", self._on_noise_toggled)
        self._act("decisions", self._on_decisions_toggled)
        self._act("zoom_in", lambda: self.zoom(1))
        self._act("zoom_out", lambda: self.zoom(-1))
        self._act("zoom_reset", lambda: self.zoom(0))
        self.actions_by_key["zoom_in"].setShortcuts(
            [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")]
        )
        self._act("font", self._on_choose_font)
        self._act("next", lambda: self.body.jump_article(1))
        self._act("prev", lambda: self.body.jump_article(-1))
        self._act("about", self._on_about)
        self._act("shortcuts", self._on_shortcuts)
        self._act("full_screen", lambda on: self.room.set_full_screen(on))
        self._act("reading_mode", lambda on: self.room.set_reading(on))
        self._act("back", self.go_back)
        self._act("forward", self.go_forward)
        self._act("highlight", lambda: self.annotate_selection("highlight"))
        self._act("tag", lambda: self.annotate_selection("tag"))
        self._act("note", lambda: self.annotate_selection("note"))
        self._act("export_annotations", self._on_export_annotations)
        self._act("import_annotations", self._on_import_annotations)
        self._act("export_marked", self._on_export_marked)
        self._act("export", self.open_export)
        self._act("copy_citation", self.copy_citation)
        self._act("citation_template", self._on_citation_template)
        self._act("open_folder", self._on_open_folder)
        for key, op, value in (
            ("fix_join", "join", {}),
            ("fix_split", "split", {"offset": None}),
            ("fix_paragraph", "kind", {"kind": "paragraph"}),
            ("fix_heading1", "kind", {"kind": "heading", "level": 1}),
            ("fix_heading2", "kind", {"kind": "heading", "level": 2}),
            ("fix_heading3", "kind", {"kind": "heading", "level": 3}),
            ("fix_new_article", "new_article", {}),
            ("fix_merge", "merge_article", {}),
            ("fix_title", "role", {"role": "title"}),
            ("fix_byline", "role", {"role": "byline"}),
            ("fix_text", "text", {}),
        ):
            self._act(key, lambda _c=False, op=op, value=value: self.correct_at_cursor(op, value))
        self._act("search_library", self.show_search)
        self._act("add_word", self._on_add_word)
        self.undo_action = self.undo_group.createUndoAction(self)
        self.redo_action = self.undo_group.createRedoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcuts(redo_keys())
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.theme_group = self._choices(THEMES, self.settings.get("theme"), self.set_theme)
        self.column_group = self._choices(
            list(COLUMNS), self._column_name(), lambda name: self.set_column(COLUMNS[name])
        )
        self.language_group = self._choices(
            i18n.LANGUAGES, self.settings.get("language"), self.set_language
        )

    def _choices(
        self, values: Sequence[str], current: str, handler: Callable[[str], object]
    ) -> QActionGroup:
        """An exclusive group of checkable actions, one for each value."""
        group = QActionGroup(self)
        for value in values:
            action = QAction(self, checkable=True)
            action.setData(value)
            action.setChecked(value == current)
            action.triggered.connect(lambda _c=False, value=value: handler(value))
            group.addAction(action)
        return group

    def _column_name(self) -> str:
        chars = self.settings.get("column")
        return next((name for name, n in COLUMNS.items() if n == chars), "medium")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        a = self.actions_by_key
        file = self.menus["file"] = bar.addMenu("")
        file.addAction(a["open"])
        file.addAction(a["open_folder"])
        self.menus["recent"] = file.addMenu("")
        self.menus["recent"].aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        file.addAction(a["export"])
        file.addAction(a["export_marked"])
        file.addSeparator()
        file.addAction(a["quit"])
        edit = self.menus["edit"] = bar.addMenu("")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(a["copy_citation"])
        edit.addAction(a["citation_template"])
        edit.addSeparator()
        edit.addAction(a["search_library"])
        edit.addAction(a["add_word"])
        view = self.menus["view"] = bar.addMenu("")
        view.addAction(a["find"])
        view.addSeparator()
        view.addAction(self.outline_dock.toggleViewAction())
        view.addAction(self.notes_dock.toggleViewAction())
        view.addAction(self.tags_dock.toggleViewAction())
        view.addAction(self.library_dock.toggleViewAction())
        view.addAction(self.search_dock.toggleViewAction())
        view.addAction(self.corrections_dock.toggleViewAction())
        view.addAction(a["source"])
        view.addAction(a["noise"])
        view.addAction(a["decisions"])
        view.addSeparator()
        view.addAction(a["full_screen"])
        view.addAction(a["reading_mode"])
        view.addSeparator()
        for key in ("zoom_in", "zoom_out", "zoom_reset", "font"):
            view.addAction(a[key])
        self.menus["theme"] = view.addMenu("")
        self.menus["theme"].addActions(self.theme_group.actions())
        self.menus["column"] = view.addMenu("")
        self.menus["column"].addActions(self.column_group.actions())
        view.addSeparator()
        self.menus["language"] = view.addMenu("")
        self.menus["language"].addActions(self.language_group.actions())
        fix = self.menus["correct"] = bar.addMenu("")
        groups = (
            ("fix_join", "fix_split"),
            ("fix_paragraph", "fix_heading1", "fix_heading2", "fix_heading3"),
            ("fix_new_article", "fix_merge"),
            ("fix_title", "fix_byline"),
            ("fix_text",),
        )
        for n, group in enumerate(groups):
            if n:
                fix.addSeparator()
            for name in group:
                fix.addAction(a[name])
        notes = self.menus["annotate"] = bar.addMenu("")
        for key in ("highlight", "tag", "note"):
            notes.addAction(a[key])
        notes.addSeparator()
        notes.addAction(a["export_annotations"])
        notes.addAction(a["import_annotations"])
        go = self.menus["go"] = bar.addMenu("")
        go.addAction(a["next"])
        go.addAction(a["prev"])
        go.addSeparator()
        go.addAction(a["back"])
        go.addAction(a["forward"])
        help_menu = self.menus["help"] = bar.addMenu("")
        help_menu.addAction(a["shortcuts"])
        help_menu.addAction(a["about"])

    def _connect_signals(self) -> None:
        self.loader.started.connect(self._on_load_started)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.outline.activated.connect(self._on_outline_activated)
        self.body.place_changed.connect(self._on_place_changed)
        self.body.block_selected.connect(self._on_block_selected)
        self.body.find_changed.connect(self.findbar.show_count)
        self.findbar.query_changed.connect(self.body.find_all)
        self.findbar.step.connect(self.body.find_step)
        self.findbar.closed.connect(self._on_find_closed)
        self._position_saver.timeout.connect(self._save_position)
        self.body.selectionChanged.connect(self._on_selection_changed)
        self.body.selection_settled.connect(self._show_selection_bar)
        self.body.verticalScrollBar().valueChanged.connect(lambda _v: self.selection_bar.hide())
        self.body.highlight_clicked.connect(self.edit_annotation)
        self.body.describe = self._describe_annotation
        self.body.extend_menu = self._extend_body_menu
        self.selection_bar.colour_chosen.connect(self._on_bar_colour)
        self.selection_bar.tag_requested.connect(lambda: self.annotate_selection("tag"))
        self.selection_bar.note_requested.connect(lambda: self.annotate_selection("note"))
        self.notes.activated.connect(self._on_note_activated)
        self.notes.edit_requested.connect(self.edit_annotation)
        self.notes.delete_requested.connect(self.delete_annotations)
        self.tags.lookup = self._annotations_with_tag
        self.tags.rename_requested.connect(self._on_rename_tag)
        self.tags.merge_requested.connect(self._on_merge_tags)
        self.tags.delete_requested.connect(self._on_delete_tags)
        self.tags.export_requested.connect(self._on_export_tag)
        self.tags.passage_activated.connect(self._on_tag_passage)
        self._on_selection_changed()
        self.library.open_requested.connect(self.open_path)
        self.library.add_folder_requested.connect(self._on_open_folder)
        self.library.update_requested.connect(lambda: self.index_library(None))
        self.library.remove_folder_requested.connect(self._on_remove_folder)
        self.library.cancel_requested.connect(self.cancel_indexing)
        self.search.search_requested.connect(self.search_library)
        self.search.hit_activated.connect(self.open_hit)
        self.workers.words_ready.connect(self._on_words_ready)
        self.corrections.remove_requested.connect(self._on_remove_correction)
        self.suggestion_bar.accepted.connect(self.accept_suggestion)
        self._store_retry.timeout.connect(self._on_store_retry)
        self.body.about_to_jump.connect(self._record_jump)
        self.history.changed.connect(self._on_history_changed)
        self._on_history_changed()
        self.body.place_changed.connect(self._show_place)
        self.body.verticalScrollBar().valueChanged.connect(self._show_place)
        self.body.verticalScrollBar().rangeChanged.connect(self._show_place)
        self.room.full_screen_changed.connect(self.actions_by_key["full_screen"].setChecked)
        self.room.reading_changed.connect(self.actions_by_key["reading_mode"].setChecked)

    def texts(self) -> dict[str, str]:
        """Every menu and action text, in the current language."""
        return {
            "open": self.tr("&Open…"),
            "quit": self.tr("&Quit"),
            "find": self.tr("&Find in Page…"),
            "source": self.tr("&Source View"),
            "noise": self.tr("Show Page &Furniture"),
            "decisions": self.tr("Show Automatic &Decisions"),
            "zoom_in": self.tr("&Larger Text"),
            "zoom_out": self.tr("S&maller Text"),
            "zoom_reset": self.tr("&Reset Text Size"),
            "font": self.tr("F&ont…"),
            "next": self.tr("&Next Article"),
            "prev": self.tr("&Previous Article"),
            "about": self.tr("&About ocr-reader"),
            "shortcuts": self.tr("&Keyboard Shortcuts"),
            "full_screen": self.tr("F&ull Screen"),
            "reading_mode": self.tr("&Reading Mode"),
            "back": self.tr("&Back"),
            "forward": self.tr("For&ward"),
            "highlight": self.tr("&Highlight"),
            "tag": self.tr("&Tag…"),
            "note": self.tr("Add &Note…"),
            "export_annotations": self.tr("&Export Annotations…"),
            "import_annotations": self.tr("&Import Annotations…"),
            "export_marked": self.tr("Export Page with &Highlights…"),
            "export": self.tr("&Export…"),
            "open_folder": self.tr("Open &Folder…"),
            "search_library": self.tr("&Search Library…"),
            "add_word": self.tr("Add Word to &Dictionary…"),
            "copy_citation": self.tr("Copy with &Citation"),
            "citation_template": self.tr("Citation &Template…"),
            "menu:file": self.tr("&File"),
            "menu:edit": self.tr("&Edit"),
            "menu:annotate": self.tr("&Annotate"),
            "menu:correct": self.tr("&Correct"),
            "fix_join": self.tr("&Join with Next Block"),
            "fix_split": self.tr("&Split Block Here"),
            "fix_paragraph": self.tr("Make &Paragraph"),
            "fix_heading1": self.tr("Make Heading, Level &1"),
            "fix_heading2": self.tr("Make Heading, Level &2"),
            "fix_heading3": self.tr("Make Heading, Level &3"),
            "fix_new_article": self.tr("Start &New Article Here"),
            "fix_merge": self.tr("&Merge Article with Previous"),
            "fix_title": self.tr("Make &Title"),
            "fix_byline": self.tr("Make &Byline"),
            "fix_text": self.tr("Correct &Text…"),
            "menu:recent": self.tr("Open &Recent"),
            "menu:view": self.tr("&View"),
            "menu:theme": self.tr("&Theme"),
            "menu:column": self.tr("Text &Width"),
            "menu:language": self.tr("&Language"),
            "menu:go": self.tr("&Go"),
            "menu:help": self.tr("&Help"),
            "theme:light": self.tr("Light"),
            "theme:sepia": self.tr("Sepia"),
            "theme:dark": self.tr("Dark"),
            "column:narrow": self.tr("Narrow"),
            "column:medium": self.tr("Medium"),
            "column:wide": self.tr("Wide"),
            "language:system": self.tr("System Language"),
            "language:en": "English",
            "language:zh_CN": "简体中文",
        }

    def retranslate(self) -> None:
        texts = self.texts()
        for key, action in self.actions_by_key.items():
            action.setText(texts[key])
        for key, menu in self.menus.items():
            menu.setTitle(texts[f"menu:{key}"])
        for prefix, group in (
            ("theme", self.theme_group),
            ("column", self.column_group),
            ("language", self.language_group),
        ):
            for action in group.actions():
                action.setText(texts[f"{prefix}:{action.data()}"])
        self.outline_dock.setWindowTitle(self.tr("Outline"))
        self.notes_dock.setWindowTitle(self.tr("Annotations"))
        self.tags_dock.setWindowTitle(self.tr("Tags"))
        self.library_dock.setWindowTitle(self.tr("Library"))
        self.search_dock.setWindowTitle(self.tr("Search"))
        self.corrections_dock.setWindowTitle(self.tr("Corrections"))
        self.corrections.retranslate()
        self.suggestion_bar.retranslate()
        self.library.retranslate()
        self.search.retranslate()
        self.notes.retranslate()
        self.tags.retranslate()
        self.selection_bar.retranslate()
        self.font_notice.setText(
            self.tr(
                "No Chinese font is installed, so the text cannot be shown properly. "
                "Install one, for example: %1"
            ).replace("%1", CJK_FONT_HINT)
        )
        self.outline.retranslate()
        self.findbar.retranslate()
        self.place_indicator.retranslate()
        self.progress.retranslate()
        self._update_status()

    # -- view settings -----------------------------------------------------------------------

    def typography(self) -> Typography:
        return Typography(
            self.settings.get("font_family"),
            self.settings.get("font_size"),
            self.settings.get("column"),
            self.settings.get("show_noise"),
        )

    def apply_view(self) -> None:
        current = theme(self.settings.get("theme"))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette(current))
        self.font_notice.setStyleSheet(
            f"background: {current.find}; color: #222; padding: 8px; font-weight: bold;"
        )
        self.body.set_style(current, self.typography())
        self.selection_bar.colours.set_theme(current)
        self._refresh_notes()
        self.source.set_style(
            current, self.settings.get("font_family"), self.settings.get("font_size")
        )
        if hasattr(self, "room"):
            self.room.fit_soon()  # a larger font may need the panels to give way

    def set_theme(self, name: str) -> None:
        self.settings.set("theme", name)
        self.apply_view()

    def set_column(self, chars: int) -> None:
        self.settings.set("column", chars)
        self.apply_view()

    def zoom(self, step: int) -> None:
        size = self.settings.get("font_size")
        size = 16.0 if step == 0 else min(MAX_FONT, max(MIN_FONT, size + step))
        self.settings.set("font_size", size)
        self.apply_view()

    def set_language(self, code: str) -> None:
        self.settings.set("language", code)
        i18n.install(code)
        self.retranslate()

    def _on_choose_font(self) -> None:
        current = QFont(self.settings.get("font_family") or self.body.font().family())
        current.setPointSizeF(self.settings.get("font_size"))
        ok, font = QFontDialog.getFont(current, self, self.tr("Reading Font"))
        if ok:
            self.settings.set("font_family", font.family())
            self.settings.set("font_size", font.pointSizeF())
            self.apply_view()

    def _on_source_toggled(self, on: bool) -> None:
        self.settings.set("show_source", on)
        self.source.setVisible(on)

    def _on_decisions_toggled(self, on: bool) -> None:
        """The engine's reason for every join and break, in the source view."""
        self.source.set_show_reasons(on)
        if on and not self.actions_by_key["source"].isChecked():
            self.actions_by_key["source"].setChecked(True)

    def _on_noise_toggled(self, on: bool) -> None:
        self.settings.set("show_noise", on)
        self.apply_view()

    def _on_find_closed(self) -> None:
        self.findbar.hide()
        self.body.find_all("")
        self.body.setFocus()

    # -- documents ---------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> None:
        if self.doc is not None and Path(path) != Path(self.doc.source.path):
            self._record_jump()  # another page: Back comes back to this one
        self.loader.load(str(path))

    def _on_open(self) -> None:
        start = str(Path(self.doc.source.path).parent) if self.doc else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open OCR Page"),
            start,
            self.tr(
                "OCR pages (*.txt *.json *.xml *.hocr *.html);;Text files (*.txt);;"
                "OCR output with boxes (*.json *.xml *.hocr *.html);;All files (*)"
            ),
        )
        if path:
            self.open_path(path)

    def _fill_recent(self) -> None:
        menu = self.menus["recent"]
        menu.clear()
        recent = self.settings.recent()
        if not recent:
            empty = menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
            return
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, path=path: self.open_path(path))

    def _history(self, path: str) -> QUndoStack:
        """Make the undo history of the page at `path` the one Undo and Redo act on, and
        the one the page's annotations and corrections are recorded in."""
        key = str(Path(path).resolve()) if path else ""
        stack = self.undo_stacks.get(key)
        if stack is None:
            stack = self.undo_stacks[key] = QUndoStack(self)
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)
        self.undo_stack = stack
        if self.annotator is not None:
            self.annotator.undo_stack = stack
        if self.corrector is not None:
            self.corrector.undo_stack = stack
        return stack

    def _on_load_started(self, path: str) -> None:
        self.progress.show()
        self.statusBar().showMessage(self.tr("Reading %1…").replace("%1", Path(path).name))

    def _on_loaded(self, loaded: Loaded) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()
        self._save_position()
        doc = self.doc = loaded.doc
        self._history(doc.source.path)
        self.settings.add_recent(doc.source.path)
        self.outline.set_document(doc)
        self.source.set_lines(doc.source_lines, doc.decisions, _user_lines(loaded.corrections))
        # Every block of the clean text is always shown, so the loader's cuts hold.
        self.keywords = loaded.keywords
        self.body.terms = loaded.terms
        self.body.corrected = loaded.corrections.fixed_text if loaded.corrections else set()
        self.body.show_document(
            doc, loaded.clean, loaded.highlights, loaded.ranges, keywords=loaded.keywords
        )
        if self.annotator is not None:
            self.annotator.set_document(doc, loaded.clean, loaded.placed)
        if self.corrector is not None and loaded.automatic is not None:
            edits = loaded.resolved.edits if loaded.resolved is not None else []
            self.corrector.set_document(loaded.automatic, loaded.corrections, edits)
        self._refresh_corrections()
        self._refresh_notes()
        if loaded.store_error:
            self._on_store_failed(loaded.store_error)
        self.findbar.edit.clear()
        self.setWindowTitle(f"{Path(doc.source.path).name} — ocr-reader")
        self._update_status()
        saved = self.settings.position(doc.source.fingerprint)
        if saved is not None:
            self.body.scroll_to(*saved)
        self.room.fit_soon()  # measured in this page's type
        spot, self._after_history = self._after_history, None
        if spot is not None and spot.same_page(doc.source.path):
            self.body.show_spot(spot.article, spot.key, spot.offset, spot.dy)
        target, self._after_load = self._after_load, ""
        if target:
            self.show_annotation(target)
        hit, self._after_search = self._after_search, None
        if hit is not None:
            self._show_hit(*hit)
        if words.loaded() and not loaded.keywords:
            self._compute_keywords(doc)
        self.document_shown.emit(doc)
        if loaded.resolved is not None and loaded.resolved.carried is not None:
            self._carry_over(loaded.resolved)

    def _carry_over(self, resolved: versions.Resolved) -> None:
        """Say what came over from an earlier version of the page, now that it is on
        screen, and store it against this version."""
        carried = resolved.carried
        assert carried is not None
        parts = []
        if carried.annotations:
            parts.append(
                self.tr("%1 annotations carried over from an earlier version of this page").replace(
                    "%1", str(carried.placed)
                )
            )
            if carried.placed < carried.annotations:
                parts.append(
                    self.tr("%1 could not be placed (listed as unanchored)").replace(
                        "%1", str(carried.annotations - carried.placed)
                    )
                )
        if carried.corrections:
            parts.append(
                self.tr("%1 of %2 corrections carried over")
                .replace("%1", str(carried.applied))
                .replace("%2", str(carried.corrections))
            )
        self.statusBar().showMessage(", ".join(parts))
        if self.writer is None or self.store is None or self.store.read_only:
            return  # shown each time the page opens, until it can be stored
        self.writer.submit(lambda store: versions.carry_over(store, resolved))

    def _on_load_failed(self, path: str, reason: str) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open file"), "", parent=self)
        box.setText(
            self.tr("%1 cannot be opened: %2.").replace("%1", Path(path).name).replace("%2", reason)
        )
        box.setInformativeText(path)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.error_box = box
        box.open()
        self.load_failed.emit(path, reason)

    def _update_status(self) -> None:
        if self.doc is None:
            self.status.setText(self.tr("No document"))
            return
        stats = self.doc.stats()
        parts = [
            Path(self.doc.source.path).name,
            self.doc.source.encoding,
            self.tr("%1 articles").replace("%1", str(stats["articles"])),
            self.tr("%1 paragraphs").replace("%1", str(stats["paragraphs"])),
            self.tr("%1 characters").replace("%1", f"{stats['characters']:,}"),
        ]
        if self.doc.source.warning:
            parts.append(self.doc.source.warning)
        self.status.setText("  ·  ".join(parts))

    # -- syncing outline, body and source ----------------------------------------------------

    def _on_outline_activated(self, article: int, block: int) -> None:
        self._record_jump()
        self.body.scroll_to(article, block)

    # -- back and forward ------------------------------------------------------------------

    def here(self) -> Spot | None:
        """The place being read: the page and the block at the top of the view."""
        top = self.body.top_spot() if self.doc is not None else None
        if self.doc is None or top is None:
            return None
        return Spot(self.doc.source.path, *top)

    def _record_jump(self) -> None:
        self.history.record(self.here())

    def go_back(self) -> None:
        self._go(self.history.back(self.here()))

    def go_forward(self) -> None:
        self._go(self.history.forward(self.here()))

    def _go(self, spot: Spot | None) -> None:
        if spot is None:
            return
        if self.doc is not None and spot.same_page(self.doc.source.path):
            self.body.show_spot(spot.article, spot.key, spot.offset, spot.dy)
            return
        self._after_history = spot
        self.loader.load(spot.path)

    def _on_history_changed(self) -> None:
        self.actions_by_key["back"].setEnabled(self.history.can_back())
        self.actions_by_key["forward"].setEnabled(self.history.can_forward())

    def _show_place(self) -> None:
        """Article k of n and how far through the page, in the status bar. A headline
        standing over the page's articles is not counted, as in the status line."""
        if self.doc is None:
            self.place_indicator.show_place(-1, 0, 0)
            return
        counted = [a.kind != "headline" for a in self.doc.articles]
        articles = sum(counted)
        article = min(sum(counted[: self.body.current_place()[0] + 1]), articles) - 1
        self.place_indicator.show_place(
            max(0, article), articles, percent_through(self.body.verticalScrollBar())
        )

    def _on_place_changed(self, article: int, block: int) -> None:
        if self.doc is not None:
            self.outline.select(article, block, self.doc)
            self._position_saver.start()

    def _save_position(self) -> None:
        if self.doc is not None:
            article, block = self.body.current_place()
            if article >= 0:
                self.settings.set_position(self.doc.source.fingerprint, article, block)

    def _on_block_selected(self, first: int, last: int) -> None:
        if self.source.isVisible():
            self.source.mark(first, last)

    # -- annotations -------------------------------------------------------------------------

    def _on_annotations_changed(self, start: int, end: int) -> None:
        assert self.annotator is not None
        highlights = highlights_of(self.annotator.placed.values())
        if end > start:
            self.body.update_highlights(highlights, start, end)
        else:
            self.body.highlights = sorted(highlights, key=lambda h: (h.start, -h.end))
        self._refresh_notes()

    def _refresh_notes(self) -> None:
        if not hasattr(self, "notes"):
            return
        current = theme(self.settings.get("theme"))
        if self.annotator is None:
            self.notes.set_items([], current)
            return
        self.notes.set_items(self.annotator.ordered(), current)
        self._refresh_tags()

    def _refresh_tags(self) -> None:
        if self.store is not None:
            try:
                self.tags.set_tags(self.store.tags())
            except StoreError as exc:
                self._on_store_failed(str(exc))

    def _on_store_failed(self, reason: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Annotations not saved"), "", parent=self
        )
        box.setText(self.tr("The change was not saved: %1.").replace("%1", reason))
        box.setInformativeText(
            self.tr("Nothing you typed is lost: the text of the note is on the clipboard.")
            if self._pending_note
            else ""
        )
        if self._pending_note:
            QApplication.clipboard().setText(self._pending_note)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.error_box = box
        box.open()

    def _on_selection_changed(self) -> None:
        has = (
            self.body.textCursor().hasSelection()
            and self.store is not None
            and not self.store.read_only
        )
        for key in ("highlight", "tag", "note"):
            self.actions_by_key[key].setEnabled(has)
        if not has:
            self.selection_bar.hide()

    def _show_selection_bar(self) -> None:
        if self.annotator is None or self.body.selection_range() is None:
            return
        cursor = self.body.textCursor()
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        rect = self.body.cursorRect(start)
        self.selection_bar.show_at(QPoint(self.body.cursorRect(cursor).center().x(), rect.top()))

    def _on_bar_colour(self, colour: str) -> None:
        self.settings.set("highlight_colour", colour)
        self.annotate_selection("highlight", colour)

    def annotate_selection(self, how: str, colour: str | None = None) -> Annotation | None:
        """Highlight the selection at once ("highlight"), or first open the editor on its
        tags ("tag") or note ("note"). Returns the new annotation when made at once."""
        span = self.body.selection_range()
        if self.annotator is None or span is None or self.body.clean is None:
            return None
        self.selection_bar.hide()
        fields: dict[str, object] = {"colour": colour or self.settings.get("highlight_colour")}
        if how == "highlight":
            return self._create(span, fields)
        quote = self.body.clean.text[span[0] : span[1]]
        editor = self._editor(quote, None)
        editor.colours.select(str(fields["colour"]))
        editor.accepted.connect(lambda: self._create(span, editor.values()))
        self._open_editor(editor, editor.tags if how == "tag" else editor.note)
        return None

    def _create(self, span: tuple[int, int], fields: dict[str, object]) -> Annotation | None:
        assert self.annotator is not None
        ann = self.annotator.create(span[0], span[1], **fields)
        if ann is not None:
            self.settings.set("highlight_colour", ann.colour)
            cursor = self.body.textCursor()
            cursor.clearSelection()
            self.body.setTextCursor(cursor)
        return ann

    def _editor(self, quote: str, ann: Annotation | None) -> AnnotationEditor:
        known = [t.name for t in self.store.tags()] if self.store is not None else []
        if self.annotator is not None:  # with the page's own, which may not be stored yet
            shown = [t for p in self.annotator.placed.values() for t in p.annotation.tags]
            known = normalise_tags([*known, *shown])
        # The keywords of the article at the selection are offered as tags.
        place = self.body.place_at(self.body.textCursor().selectionStart())
        suggested = self.keywords.get(place.article, []) if place is not None else []
        suggested = [w for w in suggested if w not in known]
        current = theme(self.settings.get("theme"))
        return AnnotationEditor(quote, current, known, ann, suggested, self)

    def _open_editor(self, editor: AnnotationEditor, focus: QWidget) -> None:
        """Open the editor as a sheet over the window; `current_editor` while it is up."""
        self.current_editor = editor
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        editor.open()
        focus.setFocus()

    def _editor_closed(self, editor: AnnotationEditor) -> None:
        if self.current_editor is editor:
            self.current_editor = None
        editor.deleteLater()

    def edit_annotation(self, annotation_id: str) -> None:
        if self.annotator is None:
            return
        ann = self.annotator.get(annotation_id)
        if ann is None:
            return
        editor = self._editor(ann.quote, ann)
        editor.deleted.connect(lambda: self.delete_annotations([annotation_id]))
        editor.accepted.connect(lambda: self._apply_edit(ann, editor.values()))
        self._open_editor(editor, editor.note)

    def _apply_edit(self, ann: Annotation, values: dict[str, object]) -> None:
        if self.annotator is None or all(getattr(ann, k) == v for k, v in values.items()):
            return
        self.annotator.update(ann.edited(**values))

    def delete_annotations(self, ids: list[str]) -> None:
        if self.annotator is not None and ids:
            self.annotator.delete(ids)

    def _on_note_activated(self, annotation_id: str) -> None:
        self._record_jump()
        self.show_annotation(annotation_id)

    def show_annotation(self, annotation_id: str) -> None:
        if self.annotator is None:
            return
        placed = self.annotator.placed.get(annotation_id)
        if placed is not None and placed.anchor is not None:
            self.body.flash(placed.anchor.start, placed.anchor.end)

    def _describe_annotation(self, annotation_id: str) -> str:
        ann = self.annotator.get(annotation_id) if self.annotator else None
        if ann is None:
            return ""
        parts = [colour_names(self).get(ann.colour, "")]
        if ann.tags:
            parts.append(" ".join(f"#{t}" for t in ann.tags))
        head = " · ".join(p for p in parts if p)
        return f"{head}\n\n{ann.note}" if ann.note else head

    def _extend_body_menu(self, menu: QMenu, ids: list[str]) -> None:
        first = menu.actions()[0] if menu.actions() else None
        entries: list[QAction] = []
        correct = self._correct_menu(menu)
        if correct is not None:
            entries.append(correct.menuAction())
        if self.body.textCursor().hasSelection():
            entries += [self.actions_by_key[k] for k in ("highlight", "tag", "note")]
        for annotation_id in ids[:1]:
            edit = QAction(self.tr("Edit Annotation…"), menu)
            edit.triggered.connect(lambda _c=False, i=annotation_id: self.edit_annotation(i))
            remove = QAction(self.tr("Delete Annotation"), menu)
            remove.triggered.connect(lambda _c=False, i=annotation_id: self.delete_annotations([i]))
            entries += [edit, remove]
        if entries and first is not None:
            menu.insertActions(first, entries)
            menu.insertSeparator(first)

    # -- corrections ---------------------------------------------------------------------

    def _correct_menu(self, parent: QMenu) -> QMenu | None:
        """The Correct submenu for the block under the context menu."""
        place = self.body.place_at(self.body.menu_position)
        if self.corrector is None or self.doc is None or place is None or place.key < 0:
            return None
        menu = QMenu(self.tr("Correct"), parent)
        ai, k = place.article, place.key
        offset = max(0, self.body.menu_position - place.position)

        def act(op: str, value: dict) -> None:
            self.correct(op, ai, k, **value)

        def ask(op: str) -> dict | None:
            return self._ask(op, ai, k)

        CorrectMenu(menu).fill(menu, self.doc, ai, k, offset, act, ask)
        return menu

    def correct_at_cursor(self, op: str, value: dict) -> None:
        """A correction of the block holding the text cursor (the Correct menu's keys)."""
        position = self.body.textCursor().position()
        place = self.body.place_at(position)
        if place is None or place.key < 0 or self.doc is None:
            return
        value = dict(value)
        if op == "split":
            value["offset"] = position - place.position
            if not 0 < value["offset"] < place.length:
                return
        if op == "text":
            asked = self._ask("text", place.article, place.key)
            if asked is None:
                return
            value = asked
        self.correct(op, place.article, place.key, **value)

    def correct(self, op: str, ai: int, k: int, **value: object) -> None:
        """Apply one correction to block k of article ai (undoable, stored at once); the text
        cursor goes to that block (where it is in it, if it is in it) and stays on it."""
        if self.corrector is None or self.doc is None:
            return
        block = self.doc.articles[ai].all_blocks()[k]
        position = self.body.textCursor().position()
        place = self.body.place_at(position)
        inside = place is not None and (place.article, place.key) == (ai, k)
        offset = position - place.position if place is not None and inside else 0
        self._corrected = BlockMark(block.first, block.last, block.text, offset)
        try:
            self.corrector.edit(self.doc, op, ai, k, **value)
        finally:
            self._corrected = None

    def _ask(self, op: str, ai: int, k: int) -> dict | None:
        assert self.doc is not None
        block = self.doc.articles[ai].all_blocks()[k]
        if op == "text":
            text, ok = TextDialog.get_text(
                self, self.tr("Correct Text"), self.tr("The block's text:"), block.text
            )
            return {"new": text.strip()} if ok and text.strip() and text != block.text else None
        roles = {self.tr("Title"): "title", self.tr("Subtitle"): "subtitle",
                 self.tr("Byline"): "byline"}  # fmt: skip
        role, ok = QInputDialog.getItem(
            self, self.tr("Move to Another Article"), self.tr("Make it the:"), list(roles), 0, False
        )
        if not ok:
            return None
        labels = [f"{n + 1}. {a.label(24)}" for n, a in enumerate(self.doc.articles)]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Move to Another Article"), self.tr("Of the article:"), labels, 0, False
        )
        return {"role": roles[role], "article": labels.index(choice)} if ok else None

    def _on_remove_correction(self, edit: object) -> None:
        if self.corrector is not None:
            self.corrector.remove(edit)  # type: ignore[arg-type]

    def _on_corrected(self, outcome: object) -> None:
        """Show the page with its corrections replayed, keeping the reader's place."""
        from reader.core.edits import Outcome

        assert isinstance(outcome, Outcome)
        scroll = self.body.verticalScrollBar().value()
        here = self.body.to_clean(self.body.textCursor().position())
        # The block corrected, or (undo, redo, a correction removed) the one with the cursor:
        # found again in the page as corrected, the cursor stays on it, and so does the view
        # if the cursor was in view.
        mark = self._corrected or self._mark_at_cursor()
        follow = self._corrected is not None or self._cursor_in_view()
        doc = self.doc = outcome.doc
        clean = clean_text(doc)
        annotations = (
            [p.annotation for p in self.annotator.placed.values()] if self.annotator else []
        )
        placed = notes_io.place(clean.text, annotations)
        self.body.corrected = outcome.fixed_text
        self.body.show_document(doc, clean, highlights_of(placed), keywords={})
        self.source.set_lines(doc.source_lines, doc.decisions, _user_lines(outcome))
        # The text cursor stays on its block, so keys can follow one another.
        position = self._position_of(mark) if mark is not None else None
        if position is None:
            position = self.body.to_view(min(here, max(0, len(clean.text) - 1)))
        if position is not None:
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(position)
            self.body.setTextCursor(cursor)
        self.body.verticalScrollBar().setValue(scroll)
        if position is not None and follow:
            self.body.ensureCursorVisible()
        self.outline.set_document(doc)
        if self.annotator is not None:
            self.annotator.set_document(doc, clean, placed)
        self.keywords = {}
        if words.loaded():
            self._compute_keywords(doc)
        self._refresh_corrections()
        self._refresh_notes()
        self._update_status()
        self._reindex_page(doc.source.path)
        self.document_corrected.emit(doc)

    def _mark_at_cursor(self) -> BlockMark | None:
        position = self.body.textCursor().position()
        place = self.body.place_at(position)
        if self.doc is None or place is None or place.key < 0:
            return None
        block = self.doc.articles[place.article].all_blocks()[place.key]
        return BlockMark(block.first, block.last, block.text, max(0, position - place.position))

    def _position_of(self, mark: BlockMark) -> int | None:
        """The view position of the marked block in the page shown (None if not shown)."""
        found = find_block(self.doc, mark) if self.doc is not None else None
        if found is None:
            return None
        place = next((p for p in self.body.places if (p.article, p.key) == found), None)
        return place.position + min(mark.offset, place.length) if place is not None else None

    def _cursor_in_view(self) -> bool:
        return self.body.viewport().rect().contains(self.body.cursorRect().center())

    def _reindex_page(self, path: str) -> None:
        """Search finds the corrected text: the page is indexed again in the background."""
        if self.store is None or not path:
            return

        def work(library: Library, _job: Job) -> IndexReport:
            return library.reindex([str(Path(path).resolve()), path])

        def failed(reason: str) -> None:
            self.library.status.setText(reason)

        self.workers.start(self.workers.with_library(work), lambda _r: None, failed)

    def load_corrected(self, path: str) -> Document:
        """A page read and reflowed with its stored corrections (any thread), as the window
        shows it: uncorrected when there is no database or it cannot be read."""
        automatic = load(path)
        if self.store is None:
            return automatic
        try:
            store = Store(self.store.path, check=False)
        except StoreError:
            return automatic
        try:
            return versions.resolve(automatic, store).doc
        except StoreError:
            return automatic
        finally:
            store.close()

    def _refresh_corrections(self) -> None:
        edits = self.corrector.edits() if self.corrector is not None else []
        self.corrections.set_edits(edits)
        self.suggestion_bar.offer(None)
        if self.doc is not None and words.loaded():
            # After the page is on screen: the work would otherwise hold up its first paint.
            doc = self.doc
            QTimer.singleShot(SUGGEST_DELAY_MS, self, lambda: self._compute_suggestions(doc))

    def _compute_suggestions(self, doc: Document) -> None:
        if self.doc is not doc:
            return

        def work(_job: Job) -> list[Suggestion]:
            return suggest_titles(doc)

        def done(found: list[Suggestion]) -> None:
            if self.doc is doc and found and self.corrector is not None:
                best = found[0]
                self.suggestion_bar.offer(best, doc.articles[best.article].label(16))
                self.suggestions_ready.emit(found)

        self.workers.start(work, done, lambda _r: None)

    def accept_suggestion(self, suggestion: Suggestion) -> None:
        """Give the headline's title and byline to the article (one undo step)."""
        if self.corrector is None or self.doc is None or self.annotator is None:
            return
        if self.doc.articles[suggestion.headline].title != suggestion.title:
            return  # the page changed since the suggestion was made
        stack = self.annotator.undo_stack
        stack.beginMacro(self.tr("Use Suggested Title"))
        try:
            # The title first; the headline keeps its place while its byline is left.
            for role in ("title", "byline"):
                headline = self.doc.articles[suggestion.headline]
                keys = [k for k, b in enumerate(headline.all_blocks()) if b.kind == role]
                if keys:
                    self.correct(
                        "role", suggestion.headline, keys[0], role=role, article=suggestion.article
                    )
        finally:
            stack.endMacro()

    # -- tags across documents -----------------------------------------------------------

    def _annotations_with_tag(self, name: str) -> list[Annotation]:
        if self.store is None:
            return []
        try:
            return self.store.by_tag(name)
        except StoreError:
            return []

    def _on_rename_tag(self, name: str) -> None:
        new, ok = QInputDialog.getText(
            self, self.tr("Rename Tag"), self.tr("New name for #%1:").replace("%1", name), text=name
        )
        if ok and new.strip() and new.strip() != name and self.annotator is not None:
            text = self.tr("Rename tag '%1' to '%2'").replace("%1", name)
            self.annotator.retag(text.replace("%2", new.strip()), "merge", [name], new.strip())

    def _on_merge_tags(self, names: list[str]) -> None:
        if len(names) < 2 or self.annotator is None:
            return
        target, ok = QInputDialog.getItem(
            self, self.tr("Merge Tags"), self.tr("Merge the selected tags into:"), names, 0, True
        )
        if ok and target.strip():
            text = self.tr("Merge tags %1 into '%2'").replace("%1", _quoted(names))
            self.annotator.retag(text.replace("%2", target.strip()), "merge", names, target.strip())

    def _on_delete_tags(self, names: list[str]) -> None:
        if names and self.annotator is not None:
            text = self.tr("Delete tag %1") if len(names) == 1 else self.tr("Delete tags %1")
            self.annotator.retag(text.replace("%1", _quoted(names)), "delete", names)

    def _on_tag_passage(self, path: str, annotation_id: str) -> None:
        if self.doc is not None and self.annotator and annotation_id in self.annotator.placed:
            self._record_jump()
            self.show_annotation(annotation_id)
            return
        if not path or not Path(path).is_file():
            QMessageBox.information(
                self,
                self.tr("Document not found"),
                self.tr("The page of this passage is no longer at %1.").replace("%1", path),
            )
            return
        self._after_load = annotation_id
        self.open_path(path)

    # -- annotation files ----------------------------------------------------------------

    def _save_dialog(self, title: str, name: str, filters: str) -> tuple[str, str]:
        start = str(Path(self.doc.source.path).parent / name) if self.doc else name
        return QFileDialog.getSaveFileName(self, title, start, filters)

    def _on_export_annotations(self) -> None:
        if self.annotator is None or self.doc is None:
            return
        stem = Path(self.doc.source.path).stem
        path, _ = self._save_dialog(
            self.tr("Export Annotations"),
            f"{stem}.annotations.md",
            self.tr("Markdown (*.md);;Web Annotation JSON (*.json);;CSV (*.csv)"),
        )
        if path:
            placed = self.annotator.ordered()
            fixes = self.store.edits(self.doc.source.fingerprint) if self.store else []
            name = Path(self.doc.source.path).name
            text = notes_io.render(Path(path).suffix, name, placed, self.doc, fixes)
            self._write(path, text)

    def _on_export_tag(self, name: str) -> None:
        if self.store is None:
            return
        path, _ = self._save_dialog(
            self.tr("Export Tag"),
            f"{name}.md",
            self.tr("Markdown (*.md);;Web Annotation JSON (*.json);;CSV (*.csv)"),
        )
        if path:
            placed = [Placed(a, None) for a in self.store.by_tag(name)]
            self._write(path, notes_io.render(Path(path).suffix, f"#{name}", placed, None))

    def _on_export_marked(self) -> None:
        if self.annotator is None or self.doc is None:
            return
        stem = Path(self.doc.source.path).stem
        path, _ = self._save_dialog(
            self.tr("Export Page with Highlights"), f"{stem}.md", self.tr("Markdown (*.md)")
        )
        if path:
            self._write(path, notes_io.page_markdown(self.doc, self.annotator.ordered()))

    def _write(self, path: str, text: str) -> None:
        pages = [Path(self.doc.source.path)] if self.doc is not None else []
        try:
            write_atomic(Path(path), text, inputs=pages)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Cannot write file"),
                self.tr("%1 could not be written: %2.")
                .replace("%1", path)
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 5000)

    def _on_import_annotations(self) -> None:
        if self.store is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Annotations"), "", self.tr("Web Annotation JSON (*.json)")
        )
        if path:
            self.import_annotations(path)

    def import_annotations(self, path: str) -> Merged | None:
        """Import an export file, checked whole before anything is stored."""
        assert self.store is not None
        try:
            imported = notes_io.read_import(path)
            counts = self.store.merge(imported.annotations)
            self.store.merge_edits(imported.corrections)
        except (notes_io.ImportError_, StoreError, RecursionError, MemoryError) as exc:
            reason = str(exc) if isinstance(exc, notes_io.ImportError_ | StoreError) else (
                "it is nested too deeply or too large to read"
            )  # fmt: skip
            QMessageBox.warning(
                self,
                self.tr("Cannot import"),
                self.tr("%1 could not be imported: %2.").replace("%1", path).replace("%2", reason),
            )
            return None
        message = (
            self.tr("Imported: %1 new, %2 updated, %3 already here.")
            .replace("%1", str(counts.added))
            .replace("%2", str(counts.updated))
            .replace("%3", str(counts.unchanged))
        )
        if counts.conflicts:
            message += " " + self.tr(
                "%1 differed from yours: both kept, the imported ones tagged import-conflict."
            ).replace("%1", str(counts.conflicts))
        self.statusBar().showMessage(message, 15000)
        if self.doc is not None:
            self.open_path(self.doc.source.path)
        return counts

    # -- export and copy -----------------------------------------------------------------

    def open_export(self) -> ExportDialog | None:
        if self.doc is None:
            return None
        from reader.ui.export_dialog import ExportDialog, load_choices  # off the start-up path

        article = max(0, self.body.current_place()[0])
        ordered = self.annotator.ordered() if self.annotator is not None else []
        dialog = ExportDialog(
            self.doc,
            article,
            [p.annotation for p in ordered],
            load_choices(self.settings.get("export_choices")),
            self,
            self.annotations_of,
            self.library_pages(),
            [(h.path, h.article) for h in self.search.hits],
            self.load_corrected,
        )
        dialog.finished.connect(lambda _r: self._export_closed(dialog))
        dialog.exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 5000)
        )
        self.export_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _export_closed(self, dialog: ExportDialog) -> None:
        self.settings.set("export_choices", json.dumps(dialog.choices()))
        self.export_dialog = None
        dialog.deleteLater()

    def annotations_of(self, doc: Document) -> list[Annotation]:
        """Stored annotations of a document; safe from any thread (own connection)."""
        if self.store is None:
            return []
        try:
            store = Store(self.store.path, check=False)
            try:
                return store.for_document(doc.source.fingerprint)
            finally:
                store.close()
        except StoreError:
            return []

    def copy_citation(self) -> str:
        if self.doc is None or not self.body.textCursor().hasSelection():
            return ""
        position = self.body.textCursor().selectionStart()
        place = self.body.place_at(position)
        article = place.article if place is not None else None
        text = cite(
            self.settings.get("citation_template"), self.body.selected_text(), self.doc, article
        )
        QApplication.clipboard().setText(text)
        self.statusBar().showMessage(self.tr("Copied with citation"), 3000)
        return text

    def _on_citation_template(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Citation Template"),
            self.tr(
                "Fields: {quote} {title} {byline} {file} {path} {date}; {byline_sep} and "
                "{date_sep} disappear when their field is empty."
            ),
            self.settings.get("citation_template"),
        )
        if ok:
            self.settings.set("citation_template", text or CITATION)

    # -- library, search and words -----------------------------------------------------

    def _open_library(self) -> Library:
        """A Library on the store's file, for the calling thread."""
        if self.store is None:
            raise StoreError(self.store_problem or "the database cannot be used")
        return Library(self.store.path, paths.cache_dir() / "jieba", paths.data_dir() / USER_DICT)

    @contextmanager
    def _library(self) -> Iterator[Library]:
        library = self._open_library()
        try:
            yield library
        finally:
            library.close()

    def refresh_library(self) -> None:
        if self.store is None:
            return
        try:
            with self._library() as library:
                self.library.set_documents(library.folders(), library.documents())
        except StoreError as exc:
            self.library.status.setText(str(exc))

    def library_pages(self) -> list[str]:
        if self.store is None:
            return []
        try:
            with self._library() as library:
                return [d.path for d in library.documents() if not d.problem]
        except StoreError:
            return []

    def _on_open_folder(self) -> None:
        start = str(Path(self.doc.source.path).parent) if self.doc else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a Folder of Pages"), start)
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        """Add a folder to the library and index it in the background."""
        if self.store is None:
            return
        with self._library() as library:
            added = library.add_folder(folder)
        self.library_dock.show()
        self.library_dock.raise_()
        self.refresh_library()
        self.index_library([added])

    def _on_remove_folder(self, folder: str) -> None:
        with self._library() as library:
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
        self.library.status.setText(self.tr("Indexing…"))
        self.workers.indexing = self.workers.start(
            self.workers.with_library(work),
            self._on_indexed,
            self._on_index_failed,
            self.library.show_progress,
        )

    def cancel_indexing(self) -> None:
        if self.workers.indexing is not None:
            self.workers.indexing.cancelled = True

    def _on_indexed(self, report: IndexReport) -> None:
        self.workers.indexing = None
        self.library.set_busy(False)
        parts = [self.tr("%1 pages indexed").replace("%1", str(report.indexed))]
        if report.unchanged or report.restamped:
            parts.append(
                self.tr("%1 unchanged").replace("%1", str(report.unchanged + report.restamped))
            )
        if report.removed:
            parts.append(self.tr("%1 removed").replace("%1", str(report.removed)))
        if report.failed:
            parts.append(self.tr("%1 could not be read").replace("%1", str(report.failed)))
        self.library.status.setText(", ".join(parts) + ".")
        self.refresh_library()
        self.library_indexed.emit(report)

    def _on_index_failed(self, reason: str) -> None:
        self.workers.indexing = None
        self.library.set_busy(False)
        self.library.status.setText(
            reason if reason else self.tr("Indexing cancelled; what was indexed is kept.")
        )
        self.refresh_library()
        self.library_indexed.emit(None)

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.query.setFocus()
        self.search.query.selectAll()

    def search_library(self, text: str, limit: int = SEARCH_PAGE + 1) -> None:
        """Search the library for at most `limit` results (the dock asks for one more than
        it shows, to know whether to offer more)."""
        if self.store is None:
            self.search.show_problem(self.store_problem or "")
            return

        def work(library: Library, _job: Job) -> list[Hit]:
            return library.search(text, limit=limit)

        def done(hits: list[Hit]) -> None:
            self.search.show_hits(hits, limit, text)
            self.search_done.emit(self.search.hits)

        self.workers.start(self.workers.with_library(work), done, self.search.show_problem)

    def open_hit(self, hit: Hit) -> None:
        """Show the article of a search result, with the hits marked."""
        if self.doc is not None and Path(self.doc.source.path) == Path(hit.path):
            self._record_jump()
            self._show_hit(hit.article, hit.terms)
            return
        self._after_search = (hit.article, hit.terms)
        self.open_path(hit.path)

    def _show_hit(self, article: int, terms: tuple[str, ...]) -> None:
        self.body.scroll_to(article, -1)
        if terms:
            self.findbar.open()
            self.findbar.edit.setText(terms[0])

    def _load_words_soon(self) -> None:
        self.document_shown.disconnect(self._load_words_soon)
        if not words.loaded():
            # Counted from the page's first paint: laying out a long page may take longer
            # than the delay on a slow machine, and jieba must not compete with it.
            AfterPaint(
                self.body.viewport(),
                lambda: QTimer.singleShot(WORDS_DELAY_MS, self.workers, self.workers.load_words),
            )

    def _on_words_ready(self) -> None:
        if self.doc is not None and not self.keywords:
            self._compute_keywords(self.doc)
        if self.doc is not None:
            self._compute_suggestions(self.doc)

    def _compute_keywords(self, doc: Document) -> None:
        def work(_job: Job) -> tuple[dict[int, list[str]], words.Terms]:
            return words.page_words(doc)

        def done(found: tuple[dict[int, list[str]], words.Terms]) -> None:
            if self.doc is doc:
                self.keywords, self.body.terms = found
                self.body.set_keywords(self.keywords)

        self.workers.start(work, done, lambda _r: None)

    def _on_add_word(self) -> None:
        selected = (
            self.body.selected_text().strip() if self.body.textCursor().hasSelection() else ""
        )
        word, ok = QInputDialog.getText(
            self,
            self.tr("Add Word to Dictionary"),
            self.tr("A word or name for search, keywords and word selection:"),
            text=selected if len(selected) <= 12 else "",
        )
        if not ok or not word.strip():
            return
        try:
            added = words.add_user_word(word)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot add the word"), str(exc))
            return
        self.statusBar().showMessage(
            (
                self.tr("Added %1 to the dictionary.") if added else self.tr("%1 is known already.")
            ).replace("%1", word.strip()),
            5000,
        )

    # -- window events -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if any(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                event.acceptProposedAction()
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.writer is not None and not self.writer.close(CLOSE_WAIT_S):
            QMessageBox.warning(
                self,
                self.tr("Annotations not saved"),
                self.tr("%1 changes could not be saved: the database stayed locked by "
                        "another program.").replace("%1", str(self.writer.waiting)),
            )  # fmt: skip
        self.workers.wait()
        self._save_position()
        self.room.restore_panels()  # the layout is remembered as the reader set it
        self.settings.set_geometry(self.saveGeometry(), self.saveState())
        if self.store is not None:
            self.store.close()  # its WAL is checkpointed and the -wal and -shm files go
        super().closeEvent(event)

    def _on_about(self) -> None:
        if self.about_box is None:
            self.about_box = AboutDialog(self)
        self.about_box.show()
        self.about_box.raise_()

    def _on_shortcuts(self) -> None:
        """Read from the menus each time, so it lists the actions as they are now."""
        if self.shortcuts_box is not None:
            self.shortcuts_box.deleteLater()
        a = self.actions_by_key
        # n and p are the text view's own keys (see BodyView.keyPressEvent).
        self.shortcuts_box = ShortcutsDialog(self.menuBar(), {a["next"]: "N", a["prev"]: "P"}, self)
        self.shortcuts_box.show()


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
