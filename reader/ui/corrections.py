"""Correcting the page by hand: the Correct menu, undoable edits kept in the store, the
Corrections dock, and the title suggestion bar."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.anchor import anchor
from reader.core.annotations import place
from reader.core.edits import Edit, Outcome, apply, check_selector, make, problem
from reader.core.export import CleanText, clean_text
from reader.core.model import Article, Document
from reader.core.suggest import Suggestion
from reader.store.db import READ_ONLY, Store
from reader.store.versions import Resolved
from reader.ui.writer import StoreWriter

EDIT_ROLE = Qt.ItemDataRole.UserRole + 3
# Why an edit is not applied where its quote would now put it on other text.
ELSEWHERE = "the block it was made on is no longer on the page"
NO_ARTICLE = "the article it was given to is no longer on the page"


def replay(automatic: Document, edits: Sequence[Edit]) -> Outcome:
    """The page with its edits replayed in order, as edits.apply() replays them, except that
    an edit is never applied to a block other than the one it was made on.

    An edit names its block by the block's opening words, so where the page has changed
    under it (an earlier correction removed: a join, a new article) those words may now be
    in the middle of a block, or run on into the next, and the edit would act on other
    text: such an edit is listed as not applied instead. So is a title or byline given to
    an article that the block naming it no longer opens."""
    # Where each edit lands is checked on the page as the edits before it left it: one copy
    # of the page's articles, which each edit kept then corrects in place.
    page = _InPlace(automatic.source, copy.deepcopy(automatic.articles), [])
    refused: dict[str, str] = {}
    kept: list[Edit] = []
    for edit in edits:
        try:
            reason = _elsewhere(page, edit)
        except Exception:  # as in apply(): one bad edit never stops the page from opening
            reason = ""  # apply() says why it does not apply, if it does not
        if reason:
            refused[edit.id] = reason
            continue
        kept.append(edit)
        apply(page, [edit])
    if not refused:
        return apply(automatic, list(edits))
    outcome = apply(automatic, kept)
    why = {e.id: reason for e, reason in outcome.failed} | refused
    outcome.failed = [(e, why[e.id]) for e in edits if e.id in why]
    return outcome


class _InPlace(Document):
    """A page that edits.apply() corrects in place, being its own deep copy: stepping
    through a page's edits one at a time then costs no copy of the page at each step.
    Used only on a copy made for the purpose."""

    __slots__ = ()

    def __deepcopy__(self, memo: dict[int, object]) -> _InPlace:
        return self


def _elsewhere(doc: Document, edit: Edit) -> str:
    """Why `edit` would act on other text than it was made on, replayed on `doc` ('' if it
    would not, or if edits.apply() refuses it anyway)."""
    if problem(edit) or edit.kind == "split" or edit.target.start < 0:
        # Refused by apply() with its reason; a split is placed by its point in the text,
        # and page furniture by a block's text from its start.
        return ""
    clean = clean_text(doc)
    found = anchor(clean.text, edit.target)
    if found is None:
        return ""  # apply() says the text is no longer on the page
    if _opening(clean, found.start, found.end) is None:
        return ELSEWHERE
    article = edit.value.get("article") if edit.kind == "role" else None
    if article:
        named = check_selector(article, "article")
        there = anchor(clean.text, named) if named.start >= 0 else None
        if there is not None:  # (not found, apply() says so)
            # An article is named by its first body block (its head block, if it has no
            # body), as edits.make() named it.
            key = _opening(clean, there.start, there.end)
            if key is None or key[1] != _naming(doc.articles[key[0]]):
                return NO_ARTICLE
    return ""


def _naming(art: Article) -> int:
    """The index in all_blocks() of the block that names an article (edits.make())."""
    return len(art.head) if art.blocks else 0


def _opening(clean: CleanText, start: int, end: int) -> tuple[int, int] | None:
    """The block that clean text [start, end) opens and lies in, if it does."""
    keys = clean.covering(start, end)
    if len(keys) != 1 or clean.text[clean.starts[keys[0]] : start].strip():
        return None
    return keys[0]


def checked(resolved: Resolved) -> Resolved:
    """A page as reader.store.versions resolved it, with its corrections replayed by
    replay(): the same page, unless an edit would have landed on other text; then the page
    without that edit, and its annotations placed in it again. A page whose annotations and
    corrections are being carried over from an earlier version of it is left as resolved:
    the annotations to carry over were placed in that page."""
    if resolved.corrections is None or resolved.carried is not None:
        return resolved
    outcome = replay(resolved.automatic, resolved.edits)
    if [e.id for e in outcome.applied] == [e.id for e in resolved.corrections.applied]:
        return resolved
    clean = clean_text(outcome.doc)
    placed = place(clean.text, [p.annotation for p in resolved.placed])
    return dataclasses.replace(
        resolved, doc=outcome.doc, clean=clean, placed=placed, corrections=outcome
    )


class EditCommand(QUndoCommand):
    """Add one edit (or, with remove=True, take one away)."""

    def __init__(self, corrector: Corrector, edit: Edit, remove: bool = False) -> None:
        super().__init__(edit.describe())
        self.corrector = corrector
        self.edit = edit
        self.remove = remove
        # Where the edit stood among the page's, in the list shown and in the store, while
        # it is taken away; the store's place is read by the writer when it takes it.
        self.index: int | None = None
        self.seq: int | None = None

    def _add(self) -> None:
        edits = self.corrector.stored
        edits.insert(len(edits) if self.index is None else self.index, self.edit)
        self.corrector.write(lambda store: store.add_edit(self.edit, self.seq))

    def _take(self) -> None:
        edits = self.corrector.stored
        self.index = next((n for n, e in enumerate(edits) if e.id == self.edit.id), None)
        if self.index is not None:
            del edits[self.index]

        def take(store: Store) -> None:
            self.seq = store.edit_seq(self.edit.id)
            store.delete_edit(self.edit.id)

        self.corrector.write(take)

    def redo(self) -> None:
        self._take() if self.remove else self._add()

    def undo(self) -> None:
        self._add() if self.remove else self._take()


class Corrector(QObject):
    """The page's corrections: replays them over the automatic page after every change."""

    changed = Signal(object)  # Outcome
    failed = Signal(str)

    def __init__(
        self,
        writer: StoreWriter,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.writer = writer
        self.read_only = read_only  # the data folder cannot be written: corrections are refused
        self.undo_stack = undo_stack  # the page's own undo history, set by the window
        self.automatic: Document | None = None
        self.outcome: Outcome | None = None
        self.stored: list[Edit] = []  # the page's edits in order, as the store will hold them

    def set_document(
        self, automatic: Document, outcome: Outcome | None, edits: list[Edit] | None = None
    ) -> None:
        self.automatic = automatic
        self.outcome = outcome
        self.stored = list(edits or [])

    def edit(self, doc: Document, op: str, ai: int, k: int, **value: object) -> Edit | None:
        """Make an edit of block k of article ai (of the page as shown) and apply it."""
        if self.automatic is None:
            return None
        if self.read_only:
            self.failed.emit(READ_ONLY)
            return None
        edit = make(doc, op, ai, k, **value)
        self.undo_stack.push(EditCommand(self, edit))
        return edit

    def remove(self, edit: Edit) -> None:
        if self.read_only:
            self.failed.emit(READ_ONLY)
            return
        self.undo_stack.push(EditCommand(self, edit, remove=True))

    def write(self, change: Callable[[Store], object]) -> None:
        """Store a change (off the UI thread) and show the page corrected as it is now."""
        self.writer.submit(change)
        self.replay()

    def replay(self) -> None:
        """Apply the page's edits again and announce the corrected page."""
        if self.automatic is None:
            return
        self.outcome = replay(self.automatic, self.stored)
        self.changed.emit(self.outcome)

    def edits(self) -> list[tuple[Edit, str]]:
        """Every edit of the page, with '' or why it no longer applies."""
        if self.outcome is None:
            return []
        why = {e.id: reason for e, reason in self.outcome.failed}
        return [(e, why.get(e.id, "")) for e in self.stored]


class CorrectionsDock(QWidget):
    """The page's corrections in the order they are applied; ones that no longer apply are
    listed with the reason, never dropped."""

    remove_requested = Signal(object)  # Edit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self._on_remove)
        layout.addWidget(self.remove_button)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        layout.addWidget(self.empty)
        self.retranslate()
        self.set_edits([])

    def retranslate(self) -> None:
        self.remove_button.setText(self.tr("Remove Correction"))
        self.empty.setText(
            self.tr(
                "No corrections on this page. Right-click a block to join, split, change "
                "its kind, move a title, or fix its text."
            )
        )

    def set_edits(self, edits: list[tuple[Edit, str]]) -> None:
        self.list.clear()
        for edit, reason in edits:
            text = edit.describe()
            if edit.kind == "text":
                text += f" → “{str(edit.value.get('new', ''))[:24]}”"
            item = QListWidgetItem(
                text if not reason else f"{text}\n⚠ {self.tr('not applied')}: {reason}"
            )
            item.setData(EDIT_ROLE, edit)
            if reason:
                item.setForeground(QColor("#b0352b"))
            self.list.addItem(item)
        self.list.setVisible(bool(edits))
        self.remove_button.setVisible(bool(edits))
        self.empty.setVisible(not edits)

    def _on_remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(EDIT_ROLE))


class SuggestionBar(QFrame):
    """“This headline seems to belong to that article” — accepted with one click."""

    accepted = Signal(object)  # Suggestion
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestion: Suggestion | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.dismiss_button = QPushButton(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        self.accept_button.clicked.connect(self._on_accept)
        self.dismiss_button.clicked.connect(self._on_dismiss)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.accept_button.setText(self.tr("Use This Title"))
        self.dismiss_button.setText(self.tr("Dismiss"))

    def offer(self, suggestion: Suggestion | None, article_label: str = "") -> None:
        self.suggestion = suggestion
        if suggestion is None:
            self.hide()
            return
        byline = f" ({suggestion.byline})" if suggestion.byline else ""
        self.label.setText(
            self.tr("Suggested title for the article “%1”: %2 — they share %3.")
            .replace("%1", article_label)
            .replace("%2", f"<b>{suggestion.title}</b>{byline}")
            .replace("%3", "、".join(suggestion.shared[:5]))
        )
        self.show()

    def _on_accept(self) -> None:
        if self.suggestion is not None:
            self.accepted.emit(self.suggestion)
        self.hide()

    def _on_dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class CorrectMenu(QObject):
    """Fills the Correct submenu (a class of its own so its texts have a translation
    context)."""

    def fill(
        self,
        menu: QMenu,
        doc: Document,
        ai: int,
        k: int,
        offset: int,
        act: Callable[[str, dict], None],
        ask: Callable[[str], dict | None],
    ) -> None:
        """The Correct submenu for block k of article ai, cursor at `offset` in it."""
        tr = self.tr
        art = doc.articles[ai]
        block = art.all_blocks()[k]
        in_body = k >= len(art.head)

        def add(text: str, op: str, value: dict | None = None, enabled: bool = True) -> QAction:
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _c=False: act(op, dict(value or {})))
            return action

        add(tr("Join with Next Block"), "join", enabled=k + 1 < len(art.all_blocks()))
        add(tr("Split Here"), "split", {"offset": offset}, enabled=0 < offset < len(block.text))
        kinds = menu.addMenu(tr("Block Kind"))
        for text, kind, level in (
            (tr("Paragraph"), "paragraph", None),
            (tr("Heading, Level 1"), "heading", 1),
            (tr("Heading, Level 2"), "heading", 2),
            (tr("Heading, Level 3"), "heading", 3),
            (tr("Question"), "question", 1),
            (tr("End Matter"), "end", None),
            (tr("Dateline"), "dateline", None),
            (tr("Page Furniture"), "noise", None),
        ):
            action = kinds.addAction(text)
            value = {"kind": kind, "level": level}
            action.triggered.connect(lambda _c=False, value=value: act("kind", value))
        menu.addSeparator()
        add(tr("Start New Article Here"), "new_article", enabled=in_body and k > len(art.head))
        add(tr("Merge Article with Previous"), "merge_article", enabled=ai > 0)
        menu.addSeparator()
        for text, role in ((tr("Make Title"), "title"), (tr("Make Subtitle"), "subtitle"),
                           (tr("Make Byline"), "byline")):  # fmt: skip
            add(text, "role", {"role": role})
        other = menu.addAction(tr("Make Title or Byline of Another Article…"))
        other.triggered.connect(
            lambda _c=False: (lambda v: act("role", v) if v else None)(ask("role"))
        )
        menu.addSeparator()
        fix = menu.addAction(tr("Correct Text…"))
        fix.triggered.connect(
            lambda _c=False: (lambda v: act("text", v) if v else None)(ask("text"))
        )
