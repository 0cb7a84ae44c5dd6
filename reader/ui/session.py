"""The open page: its document, corrections, annotations, undo history and reading place,
and the one signal, `changed`, that tells every view what changed.

A view never asks another view or the store what the page looks like; it listens to
`changed` and reads the session. A change flows one way:

    a click -> a controller -> Annotator / Corrector (undo command, store writer)
            -> PageSession.changed(Change) -> body, outline, docks, status bar
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from reader.core import words
from reader.core.edits import Edit, Outcome
from reader.core.export import CleanText
from reader.core.model import Document
from reader.core.shown import Shown, page_as_shown
from reader.store.db import Store
from reader.ui.annotator import Annotator
from reader.ui.corrections import Corrector
from reader.ui.loader import Loaded
from reader.ui.settings import Settings
from reader.ui.writer import StoreWriter

POSITION_SAVE_MS = 400  # the reading place is saved once scrolling pauses


class What(Enum):
    PAGE = "page"  # another page was opened (Change.loaded)
    PREVIEW = "preview"  # a long page's first part, shown while the whole is read (.loaded)
    CORRECTED = "corrected"  # a correction made, undone or removed (Change.shown, .outcome)
    ANNOTATED = "annotated"  # annotations changed in [Change.start, Change.end) of clean text
    RESTYLED = "restyled"  # theme, font, text width or page furniture
    KEYWORDS = "keywords"  # the page's keywords were found


@dataclass(frozen=True)
class BlockMark:
    """A block of the page shown, to find again once the page is typeset anew: its source
    lines and text, and where in its text the text cursor is."""

    first: int
    last: int
    text: str
    offset: int


@dataclass(frozen=True)
class Change:
    what: What
    start: int = 0
    end: int = 0
    loaded: Loaded | None = None
    outcome: Outcome | None = None
    shown: Shown | None = None
    mark: BlockMark | None = None  # the block a correction was made on
    before: Document | None = field(default=None, compare=False)  # the page as it was


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


def user_lines(outcome: Outcome | None) -> set[int]:
    """Source lines of the blocks changed by hand."""
    if outcome is None:
        return set()
    return {
        line
        for _ai, block in outcome.doc.iter_blocks()
        if id(block) in outcome.edited_blocks
        for line in range(block.first, block.last + 1)
    }


class PageSession(QObject):
    """The page open in the window, and every change to it."""

    changed = Signal(object)  # Change
    failed = Signal(str)  # a change that could not be stored, in one sentence

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.doc: Document | None = None
        self.clean: CleanText | None = None
        self.outcome: Outcome | None = None  # the corrections as last replayed
        self.keywords: dict[int, list[str]] = {}
        self.terms: words.Terms = ()
        self.annotator: Annotator | None = None
        self.corrector: Corrector | None = None
        # Each page has its own undo history; the group's active stack is the page shown's,
        # so Undo and Redo never reach a change made on another page.
        self.undo_group = QUndoGroup(self)
        self.undo_stacks: dict[str, QUndoStack] = {}
        self.undo_stack = self.history("")  # until a page is shown
        # The line at the top of the view: its block (article, key in all_blocks()) and
        # how many characters into the block it starts.
        self.place = (-1, -1, 0)
        # A long page's first part is shown, its whole still being read: no page is open
        # (doc is None), so nothing is annotated, corrected or undone meanwhile.
        self.previewing = False
        self._mark: BlockMark | None = None
        self._saver = QTimer(self)
        self._saver.setSingleShot(True)
        self._saver.setInterval(POSITION_SAVE_MS)
        self._saver.timeout.connect(self.save_position)

    def attach(self, store: Store, writer: StoreWriter) -> None:
        """Annotating and correcting turn on, with this store (now or once a lock goes)."""
        self.annotator = Annotator(store, writer, self.undo_stack, self)
        self.corrector = Corrector(writer, self.undo_stack, self, store.read_only)
        self.annotator.changed.connect(self._on_annotated)
        self.annotator.failed.connect(self.failed)
        self.corrector.changed.connect(self._on_corrected)
        self.corrector.failed.connect(self.failed)

    def history(self, path: str) -> QUndoStack:
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

    def forget_histories(self) -> None:
        """Every page's undo history goes: their states are no longer what the store holds."""
        for stack in self.undo_stacks.values():
            stack.clear()

    # -- the page ------------------------------------------------------------------------

    def preview(self, loaded: Loaded) -> None:
        """Show a long page's first part while the whole is read. Annotations and
        corrections are placed only on the whole page, so until it comes no page is open:
        the annotator and the corrector hold none, and the undo history is no page's."""
        self.save_position()
        self.doc = self.clean = self.outcome = None
        self.keywords, self.terms = {}, ()
        self.place = (-1, -1, 0)
        self.previewing = True
        self.history("")
        if self.annotator is not None:
            self.annotator.clear()
        if self.corrector is not None:
            self.corrector.clear()
        self.changed.emit(Change(What.PREVIEW, loaded=loaded))

    def open(self, loaded: Loaded) -> None:
        self.save_position()
        self.previewing = False
        doc = self.doc = loaded.doc
        self.clean, self.outcome = loaded.clean, loaded.corrections
        self.keywords, self.terms = loaded.keywords, loaded.terms
        self.place = (-1, -1, 0)
        self.history(doc.source.path)
        self.settings.add_recent(doc.source.path)
        if self.annotator is not None:
            self.annotator.set_document(doc, loaded.clean, loaded.placed)
        if self.corrector is not None and loaded.automatic is not None:
            edits = loaded.resolved.edits if loaded.resolved is not None else []
            self.corrector.set_document(loaded.automatic, loaded.corrections, edits)
        self.changed.emit(Change(What.PAGE, loaded=loaded))

    def correct(self, op: str, ai: int, k: int, mark: BlockMark | None, **value: object) -> None:
        """Apply one correction to block k of article ai (undoable, stored at once); `mark`
        is the block as it is now, for the views to find it again."""
        if self.corrector is None or self.doc is None:
            return
        self._mark = mark
        try:
            self.corrector.edit(self.doc, op, ai, k, **value)
        finally:
            self._mark = None

    def remove_correction(self, edit: Edit) -> None:
        if self.corrector is not None:
            self.corrector.remove(edit)

    def edits(self) -> list[tuple[Edit, str]]:
        return self.corrector.edits() if self.corrector is not None else []

    def restyle(self) -> None:
        self.changed.emit(Change(What.RESTYLED))

    def set_keywords(self, doc: Document, found: tuple[dict[int, list[str]], words.Terms]) -> None:
        if doc is self.doc:
            self.keywords, self.terms = found
            self.changed.emit(Change(What.KEYWORDS))

    def _on_annotated(self, start: int, end: int) -> None:
        self.changed.emit(Change(What.ANNOTATED, start, end))

    def _on_corrected(self, outcome: Outcome) -> None:
        """The page with its corrections replayed, its annotations placed again."""
        annotations = (
            [p.annotation for p in self.annotator.placed.values()] if self.annotator else []
        )
        shown = page_as_shown(outcome.doc, annotations)
        before, self.doc, self.clean, self.outcome = self.doc, shown.doc, shown.clean, outcome
        self.keywords, self.terms = {}, ()
        if self.annotator is not None:
            self.annotator.set_document(shown.doc, shown.clean, shown.placed)
        change = Change(
            What.CORRECTED, outcome=outcome, shown=shown, mark=self._mark, before=before
        )
        self.changed.emit(change)

    # -- the reading place ---------------------------------------------------------------

    def set_place(self, article: int, key: int, offset: int) -> None:
        """The line at the top of the view: `offset` characters into the block `key` of
        the article's all_blocks(); saved once scrolling pauses."""
        place = (article, key, offset)
        if place != self.place:
            self.place = place
            if self.doc is not None:
                self._saver.start()

    def save_position(self) -> None:
        self._saver.stop()
        if self.doc is not None and self.place[0] >= 0:
            self.settings.set_position(self.doc.source.fingerprint, *self.place)

    def saved_position(self) -> tuple[int, ...] | None:
        """The page's saved place: (article, key, offset) as set_place() took it, or
        (article, block) as earlier versions saved it (the block's index in the article's
        blocks, -1 for its headline)."""
        return self.settings.position(self.doc.source.fingerprint) if self.doc else None
