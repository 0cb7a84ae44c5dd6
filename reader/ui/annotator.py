"""The current document's annotations: stored at once, undoable, placed in the text.

Every change goes through `change()`, which wraps it in an undo command; the command shows
the change at once and hands it to the store writer, which stores changes in order off the
UI thread (and says so while another program holds the database's lock).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.anchor import anchor
from reader.core.annotations import (
    Annotation,
    Placed,
    in_reading_order,
    new_annotation,
    normalise_tags,
    relocated,
)
from reader.core.export import CleanText
from reader.core.model import Document
from reader.store.db import READ_ONLY, Store, StoreError
from reader.ui.writer import StoreWriter, Write

Snapshot = dict[str, Annotation | None]  # id -> annotation (None: absent)


class ChangeAnnotations(QUndoCommand):
    """Any change to annotations, as the state of the touched ones before and after."""

    def __init__(
        self,
        annotator: Annotator,
        text: str | Callable[[], str],
        before: Snapshot,
        after: Snapshot,
        write: Write | None = None,
    ):
        # A name given as a function is said again in a language switched to later.
        self.named = text if callable(text) else None
        super().__init__(text() if callable(text) else text)
        self.annotator = annotator
        self.before = before
        self.after = after
        # How the change is stored the first time, where it is more than storing `after`
        # (renaming a tag everywhere); undo and redo store the snapshots.
        self.write = write

    def redo(self) -> None:
        write, self.write = self.write, None
        self.annotator._apply(self.after, write)

    def undo(self) -> None:
        self.annotator._apply(self.before)

    def retranslate(self) -> None:
        if self.named is not None:
            self.setText(self.named())


class Retag(QUndoCommand):
    """Tags renamed, merged or deleted on every page. Undo and redo change the tags alone,
    of each annotation as it is when they run: an edit made since on another page (its
    note, its colour, a tag added), which that page's own history holds, is never undone
    by undoing this, nor this by it. The store is read and written in the writer's thread,
    after every change handed to it before."""

    def __init__(
        self, annotator: Annotator, named: Callable[[], str],
        tags: dict[str, tuple[list[str], list[str]]], write: Write,
    ) -> None:  # fmt: skip
        super().__init__(named())
        self.named = named  # said again in a language switched to later
        self.annotator = annotator
        self.tags = tags  # id -> (tags before, tags after)
        self.write: Write | None = write  # the operation itself, the first time

    def redo(self) -> None:
        write, self.write = self.write, None
        self.annotator._retag_shown(self.tags, 1, write)

    def undo(self) -> None:
        self.annotator._retag_shown(self.tags, 0)

    def retranslate(self) -> None:
        self.setText(self.named())


def swap_tags(now: Sequence[str], old: Sequence[str], new: Sequence[str]) -> list[str]:
    """Tags `now` with the change from `old` to `new` made again: those it took away
    taken away, those it added added where the first taken away stood (a tag renamed,
    or its renaming undone, keeps its place among the others), any others kept where
    they are. Tags `now` as they were `old` become `new` exactly."""
    if [t.casefold() for t in now] == [t.casefold() for t in old]:
        return normalise_tags(list(new))
    gone = {t.casefold() for t in old} - {t.casefold() for t in new}
    have = {t.casefold() for t in now if t.casefold() not in gone}
    added = [t for t in new if t.casefold() not in have]
    out: list[str] = []
    for tag in now:
        if tag.casefold() not in gone:
            out.append(tag)
        elif added:
            out += added
            added = []
    if added and not gone:
        # Nothing taken away (a deleted tag put back): each where it stood among the
        # tags of `new`, before the first of its followers there that is still here.
        for tag in added:
            after = new[new.index(tag) + 1 :]
            at = next((out.index(t) for t in after if t in out), len(out))
            out.insert(at, tag)
        added = []
    return normalise_tags([*out, *added])


class Annotator(QObject):
    """The annotations of the page shown, and their changes (on `undo_stack`, the page's own
    undo history, which the window sets whenever it shows a page)."""

    changed = Signal(int, int)  # clean-text range whose drawing changed
    failed = Signal(str)  # a one-sentence reason a change was not saved

    def __init__(
        self,
        store: Store,
        writer: StoreWriter,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store  # for reading; every write goes through the writer
        self.writer = writer
        self.undo_stack = undo_stack
        self.doc: Document | None = None
        self.clean: CleanText | None = None
        self.placed: dict[str, Placed] = {}

    # -- the document ------------------------------------------------------------------------

    def set_document(self, doc: Document, clean: CleanText, placed: Sequence[Placed]) -> None:
        self.doc, self.clean = doc, clean
        # The window draws what was loaded with the document itself.
        self.placed = {p.annotation.id: p for p in placed}
        self._relabel(relocated(doc, clean, placed))

    def _relabel(self, moved: list[Placed]) -> None:
        """Keep the article and source lines stored with each annotation as the page reads
        now (after a correction renamed its article, say), for the lists and exports made
        away from the page. Not an edit: not undone, and a failure is not worth a word."""
        if not moved or self.store.read_only:
            return
        self.placed.update((p.annotation.id, p) for p in moved)
        labels = [(p.annotation.id, p.annotation.article, p.annotation.lines) for p in moved]

        def write(store: Store) -> None:
            # Derived data, read again from the page next time: while another program
            # holds the database it is tried once (a second's wait) and let go, never
            # retried ahead of the user's own changes, nor worth a word when it fails.
            with contextlib.suppress(StoreError):
                store.relabel(labels)

        self.writer.submit(write)

    def clear(self) -> None:
        """No page: nothing is placed, nothing can be made."""
        self.doc, self.clean, self.placed = None, None, {}

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
        if fields.get("note"):
            named = lambda: self.tr("Add Note")  # noqa: E731
        else:
            named = lambda: self.tr("Highlight")  # noqa: E731
        return ann if self.change(named, {ann.id: None}, {ann.id: ann}) else None

    def update(self, ann: Annotation, text: str | None = None) -> bool:
        before = self.get(ann.id)
        named = text or (lambda: self.tr("Edit Annotation"))
        return self.change(named, {ann.id: before}, {ann.id: ann})

    def delete(self, ids: Sequence[str]) -> bool:
        before = {i: self.get(i) for i in ids}
        return self.change(lambda: self.tr("Delete Annotation"), before, dict.fromkeys(ids))

    def retag(
        self, text: Callable[[], str], operation: str, names: Sequence[str], target: str = ""
    ) -> bool:
        """Rename, merge or delete tags everywhere, undoably (see Retag); `text` names the
        operation (in the language in effect when called), and the undo text adds how
        many pages it touches."""
        if self.store.read_only:
            self.failed.emit(READ_ONLY)
            return False
        try:
            found = [a for name in names for a in self.store.by_tag(name)]
        except StoreError as exc:
            self.failed.emit(str(exc))
            return False
        touched = {a.id: self.get(a.id) or a for a in found}
        tags = {
            i: (list(a.tags), list(_retagged(a, operation, names, target).tags))
            for i, a in touched.items()
        }
        pages = len({a.fingerprint for a in touched.values()})

        def write(store: Store) -> None:
            if operation == "delete":
                for name in names:
                    store.delete_tag(name)
            else:
                store.merge_tags(names, target)

        def named() -> str:
            counted = (
                self.tr("1 page") if pages == 1 else self.tr("%1 pages").replace("%1", str(pages))
            )
            return f"{text()} ({counted})"

        self.undo_stack.push(Retag(self, named, tags, write))
        return True

    def _retag_shown(
        self, tags: dict[str, tuple[list[str], list[str]]], to: int, write: Write | None = None
    ) -> None:
        """Make the change of tags (to=1) or its undoing (to=0): stored by `write` or, by
        default, annotation by annotation as each is stored when the writer comes to it."""
        frm = 1 - to

        def store_tags(store: Store) -> None:
            changed = []
            for i, pair in tags.items():
                ann = store.get(i)
                if ann is not None:
                    changed.append(ann.edited(tags=swap_tags(ann.tags, pair[frm], pair[to])))
            store.put_many(changed)

        self.writer.submit(write or store_tags)
        shown: Snapshot = {
            i: p.annotation.edited(tags=swap_tags(p.annotation.tags, tags[i][frm], tags[i][to]))
            for i, p in self.placed.items()
            if i in tags
        }
        self._show(shown)

    def change(
        self,
        text: str | Callable[[], str],
        before: Snapshot,
        after: Snapshot,
        write: Write | None = None,
    ) -> bool:
        if self.store.read_only:  # refused before it is shown, not after
            self.failed.emit(READ_ONLY)
            return False
        self.undo_stack.push(ChangeAnnotations(self, text, before, after, write))
        return True

    def _apply(self, state: Snapshot, write: Write | None = None) -> None:
        puts = [a for a in state.values() if a is not None]
        gone = [i for i, a in state.items() if a is None]

        def store_state(store: Store) -> None:
            if puts:
                store.put_many(puts)
            if gone:
                store.delete_many(gone)

        notes = "\n\n".join(a.note for a in puts if a.note.strip())
        self.writer.submit(write or store_state, notes)
        self._show(state)

    def _show(self, state: Snapshot) -> None:
        """Draw the annotations of `state` that belong to the page shown."""
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


def _retagged(ann: Annotation, operation: str, names: Sequence[str], target: str) -> Annotation:
    """The annotation with tags `names` removed ("delete") or renamed to `target`."""
    gone = {n.casefold() for n in names}
    tags = [t if t.casefold() not in gone else target for t in ann.tags]
    if operation == "delete":
        tags = [t for t in ann.tags if t.casefold() not in gone]
    return ann.edited(tags=normalise_tags(tags))
