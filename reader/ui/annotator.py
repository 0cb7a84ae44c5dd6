"""The current document's annotations: stored at once, undoable, placed in the text.

Every change goes through `change()`, which wraps it in an undo command; the command writes
the store first and only then updates what is shown, so the screen never shows a change
the database does not have.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.anchor import anchor
from reader.core.annotations import Annotation, Placed, in_reading_order, new_annotation
from reader.core.export import CleanText
from reader.core.model import Document
from reader.store.db import Store, StoreError

Snapshot = dict[str, Annotation | None]  # id -> annotation (None: absent)


class ChangeAnnotations(QUndoCommand):
    """Any change to annotations, as the state of the touched ones before and after."""

    def __init__(self, annotator: Annotator, text: str, before: Snapshot, after: Snapshot):
        super().__init__(text)
        self.annotator = annotator
        self.before = before
        self.after = after
        self.failed: StoreError | None = None
        # Set when the change is already applied, so the push() that follows is a no-op.
        self.applied = False

    def redo(self) -> None:
        if self.applied:
            self.applied = False
            return
        self.failed = self.annotator._apply(self.after)

    def undo(self) -> None:
        self.failed = self.annotator._apply(self.before)


class Annotator(QObject):
    """Owns the store connection and the undo stack of one window."""

    changed = Signal(int, int)  # clean-text range whose drawing changed
    failed = Signal(str)  # a one-sentence reason a change was not saved

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.doc: Document | None = None
        self.clean: CleanText | None = None
        self.placed: dict[str, Placed] = {}

    # -- the document ------------------------------------------------------------------------

    def set_document(self, doc: Document, clean: CleanText, placed: Sequence[Placed]) -> None:
        self.doc, self.clean = doc, clean
        # The window draws what was loaded with the document itself.
        self.placed = {p.annotation.id: p for p in placed}

    def ordered(self) -> list[Placed]:
        return in_reading_order(self.placed.values())

    def get(self, annotation_id: str) -> Annotation | None:
        p = self.placed.get(annotation_id)
        return p.annotation if p else self.store.get(annotation_id)

    # -- changes -----------------------------------------------------------------------------

    def create(self, start: int, end: int, **fields: object) -> Annotation | None:
        if self.doc is None or self.clean is None or end <= start:
            return None
        ann = new_annotation(self.doc, self.clean, start, end, **fields)
        text = self.tr("Highlight") if not fields.get("note") else self.tr("Add Note")
        return ann if self.change(text, {ann.id: None}, {ann.id: ann}) else None

    def update(self, ann: Annotation, text: str | None = None) -> bool:
        before = self.get(ann.id)
        return self.change(text or self.tr("Edit Annotation"), {ann.id: before}, {ann.id: ann})

    def delete(self, ids: Sequence[str]) -> bool:
        before = {i: self.get(i) for i in ids}
        return self.change(self.tr("Delete Annotation"), before, dict.fromkeys(ids))

    def retag(self, text: str, operation: str, names: Sequence[str], target: str = "") -> bool:
        """Rename, merge or delete tags everywhere, undoably."""
        touched = {a.id: a for name in names for a in self.store.by_tag(name)}
        try:
            if operation == "delete":
                for name in names:
                    self.store.delete_tag(name)
            else:
                self.store.merge_tags(names, target)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return False
        after: Snapshot = {i: self.store.get(i) for i in touched}
        command = ChangeAnnotations(self, text, dict(touched), after)
        command.applied = True
        self.undo_stack.push(command)
        self._show(after)
        return True

    def change(self, text: str, before: Snapshot, after: Snapshot) -> bool:
        command = ChangeAnnotations(self, text, before, after)
        command.redo()
        if command.failed is not None:
            self.failed.emit(str(command.failed))
            return False
        command.applied = True
        self.undo_stack.push(command)
        return True

    def _apply(self, state: Snapshot) -> StoreError | None:
        puts = [a for a in state.values() if a is not None]
        gone = [i for i, a in state.items() if a is None]
        try:
            if puts:
                self.store.put_many(puts)
            if gone:
                self.store.delete_many(gone)
        except StoreError as exc:
            return exc
        self._show(state)
        return None

    def _show(self, state: Snapshot) -> None:
        lo, hi = None, None
        for annotation_id, ann in state.items():
            old = self.placed.pop(annotation_id, None)
            spans = [old.anchor] if old and old.anchor else []
            if (
                ann is not None
                and self.doc is not None
                and ann.fingerprint == (self.doc.source.fingerprint)
            ):
                assert self.clean is not None
                found = anchor(self.clean.text, ann.selector)
                self.placed[annotation_id] = Placed(ann, found)
                if found:
                    spans.append(found)
            for span in spans:
                lo = span.start if lo is None else min(lo, span.start)
                hi = span.end if hi is None else max(hi, span.end)
        self.changed.emit(lo if lo is not None else 0, hi if hi is not None else 0)
