"""Correcting the page by hand: undoable edits kept in the store, the Corrections dock, and
the title suggestion bar. The Correct menu is built from the action table (ui.actions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.edits import UNREADABLE, Edit, Outcome, apply, make, text_changes
from reader.core.model import Document
from reader.core.suggest import Suggestion
from reader.store.db import READ_ONLY, Store
from reader.ui.reasons import said
from reader.ui.writer import StoreWriter

if TYPE_CHECKING:  # PySide6's stub says it returns object; it returns the text

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

EDIT_ROLE = Qt.ItemDataRole.UserRole + 3
CONTEXT = "Corrections"  # the translation context of the texts below (lupdate reads them)

# The kinds a correction may give a block, and the parts of a headline, as the Corrections
# dock and the Edit menu's Undo name them.
_KIND_NAMES = {
    "paragraph": QT_TRANSLATE_NOOP("Corrections", "a paragraph"),
    "heading": QT_TRANSLATE_NOOP("Corrections", "a heading"),
    "question": QT_TRANSLATE_NOOP("Corrections", "a question"),
    "caption": QT_TRANSLATE_NOOP("Corrections", "a photo caption"),
    "end": QT_TRANSLATE_NOOP("Corrections", "end matter"),
    "dateline": QT_TRANSLATE_NOOP("Corrections", "a dateline"),
    "noise": QT_TRANSLATE_NOOP("Corrections", "page furniture"),
    "title": QT_TRANSLATE_NOOP("Corrections", "the title"),
    "subtitle": QT_TRANSLATE_NOOP("Corrections", "the subtitle"),
    "byline": QT_TRANSLATE_NOOP("Corrections", "the byline"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _named(kind: object) -> str:
    name = _KIND_NAMES.get(kind) if isinstance(kind, str) else None
    return _tr(name) if name is not None else str(kind)[:24]


translate = QCoreApplication.translate  # each text with its context, as lupdate reads them


def describe(edit: Edit) -> str:
    """What a correction does and the text it was made on, in the interface's language
    (the store keeps edits as data; Edit.describe() says the same in English)."""
    value = edit.value if isinstance(edit.value, dict) else {}
    kind = edit.kind
    if kind == "join":
        what = translate("Corrections", "join with the next block")
    elif kind == "split":
        what = translate("Corrections", "split")
    elif kind == "kind":
        what = translate("Corrections", "make it %1").replace("%1", _named(value.get("kind")))
        if value.get("level"):
            level = str(value["level"])[:12]
            what = (
                translate("Corrections", "%1 (level %2)").replace("%1", what).replace("%2", level)
            )
    elif kind == "new_article":
        what = translate("Corrections", "start a new article")
    elif kind == "merge_article":
        what = translate("Corrections", "merge with the previous article")
    elif kind == "role" and value.get("article"):
        what = translate("Corrections", "make it %1 of another article")
        what = what.replace("%1", _named(value.get("role")))
    elif kind == "role":
        what = translate("Corrections", "make it %1").replace("%1", _named(value.get("role")))
    elif kind == "text":
        what = translate("Corrections", "correct the text")
    elif kind == UNREADABLE:
        what = translate("Corrections", "an unreadable correction")
    else:
        what = translate("Corrections", "%1 (not a known correction)").replace("%1", str(kind)[:24])
    return translate("Corrections", "%1: “%2”").replace("%1", what).replace("%2", edit.quoted())


class EditCommand(QUndoCommand):
    """Add one edit (or, with remove=True, take one away)."""

    def __init__(self, corrector: Corrector, edit: Edit, remove: bool = False) -> None:
        super().__init__(describe(edit))
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

    def retranslate(self) -> None:
        self.setText(describe(self.edit))


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

    def clear(self) -> None:
        """No page: no edits shown, none can be made."""
        self.automatic, self.outcome, self.stored = None, None, []

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
        if self.automatic is None:
            return
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
        self.outcome = apply(self.automatic, self.stored)
        self.changed.emit(self.outcome)

    def edits(self) -> list[tuple[Edit, str]]:
        """Every edit of the page, with '' or why it no longer applies."""
        if self.outcome is None:
            return []
        why = {e.id: reason for e, reason in self.outcome.failed}
        return [(e, why.get(e.id, "")) for e in self.stored]


class EditModel(QAbstractListModel):
    """The page's corrections with why each one that no longer applies does not: plain
    (Edit, reason) pairs, in the order they are applied."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[Edit, str]] = []
        self.not_applied = "not applied: %1"
        self.more = "and %1 more changes"

    def _changed(self, edit: Edit) -> str:
        """A text correction's changes, a line each (the first three)."""
        value = edit.value if isinstance(edit.value, dict) else {}
        old, new = str(value.get("old", edit.target.exact)), str(value.get("new", ""))
        changes = text_changes(old, new)
        lines = [f"\n    “{before}” → “{after}”" for before, after in changes[:3]]
        if len(changes) > 3:
            lines.append("\n    " + self.more.replace("%1", str(len(changes) - 3)))
        return "".join(lines)

    def set_rows(self, rows: list[tuple[Edit, str]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        edit, reason = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = describe(edit)
            if edit.kind == "text":
                text += self._changed(edit)
            if not reason:
                return text
            return f"{text}\n⚠ " + self.not_applied.replace("%1", said(reason))
        if role == Qt.ItemDataRole.ForegroundRole and reason:
            return QColor("#b0352b")
        if role == EDIT_ROLE:
            return edit
        return None


class _Wrapped(QStyledItemDelegate):
    """Rows as tall as their text wrapped at the list's width. A list view asks its rows'
    size before it knows their width, so a long line wrapped over two took the height of
    one, and the line under it (why the correction does not apply) was cut off."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self.view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, self.view) + 1
        width = max(1, self.view.viewport().width() - 2 * margin)
        # Wrapped at words, as the style draws it (CJK text breaks between characters).
        flags = Qt.TextFlag.TextWordWrap
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), flags, opt.text)
        return QSize(width, text.height() + 2 * margin)


class CorrectionsDock(QWidget):
    """The page's corrections in the order they are applied; ones that no longer apply are
    listed with the reason, never dropped."""

    remove_requested = Signal(object)  # Edit
    chosen = Signal(object)  # Edit: a row clicked, or gone to with the keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.model = EditModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        # Rows are laid out again at the panel's width: a correction that does not apply
        # says why on lines of its own, never cut short.
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setItemDelegate(_Wrapped(self.list))
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.clicked.connect(self._on_chosen)
        self.list.activated.connect(self._on_chosen)
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
        self.model.not_applied = self.tr("not applied: %1")
        self.model.more = self.tr("and %1 more changes")
        self.empty.setText(
            self.tr(
                "No corrections on this page. Right-click a block to join, split, change "
                "its kind, move a title, or fix its text."
            )
        )

    def set_edits(self, edits: list[tuple[Edit, str]]) -> None:
        self.model.set_rows(edits)
        self.list.setVisible(bool(edits))
        self.remove_button.setVisible(bool(edits))
        self.empty.setVisible(not edits)

    def texts(self) -> list[str]:
        """The rows as shown."""
        return [str(self.model.index(k).data()) for k in range(self.model.rowCount())]

    def _on_chosen(self, index: QModelIndex) -> None:
        edit = index.data(EDIT_ROLE)
        if edit is not None:
            self.chosen.emit(edit)

    def _on_remove(self) -> None:
        edit = self.list.currentIndex().data(EDIT_ROLE)
        if edit is not None:
            self.remove_requested.emit(edit)


class SuggestionBar(QFrame):
    """“This headline seems to belong to that article” — accepted with one click."""

    accepted = Signal(object)  # Suggestion
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestion: Suggestion | None = None
        self._article = ""
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
        if self.suggestion is not None:
            self._say()  # the offer on show, said again in the language chosen

    def offer(self, suggestion: Suggestion | None, article_label: str = "") -> None:
        self.suggestion = suggestion
        self._article = article_label
        if suggestion is None:
            self.hide()
            return
        self._say()
        self.show()

    def _say(self) -> None:
        suggestion, article_label = self.suggestion, self._article
        assert suggestion is not None
        byline = f" ({suggestion.byline})" if suggestion.byline else ""
        self.label.setText(
            self.tr("Suggested title for the article “%1”: %2 — they share %3.")
            .replace("%1", article_label)
            .replace("%2", f"<b>{suggestion.title}</b>{byline}")
            .replace("%3", "、".join(suggestion.shared[:5]))
        )

    def _on_accept(self) -> None:
        if self.suggestion is not None:
            self.accepted.emit(self.suggestion)
        self.hide()

    def _on_dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
