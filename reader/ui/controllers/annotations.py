"""Annotations and tags: the selection bar, the annotation editor, the Annotations and Tags
docks, the body's context menu entries, and tags renamed, merged or deleted everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from reader.core.annotations import Annotation, as_read, normalise_tags, tag_labels
from reader.store.db import Store, StoreError, stored_name
from reader.ui.annotate import AnnotationEditor, SelectionBar, colour_names
from reader.ui.annotation_docks import AnnotationsDock, TagsDock
from reader.ui.body import BodyView, Highlight, highlights_of
from reader.ui.notices import Notices
from reader.ui.session import Change, PageSession, What
from reader.ui.themes import theme

# The actions that need a selection, enabled while there is one.
SELECTION_ACTIONS = ("highlight", "tag", "note")


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


class AnnotationsController(QObject):
    def __init__(
        self,
        window: QWidget,
        session: PageSession,
        body: BodyView,
        selection_bar: SelectionBar,
        notes: AnnotationsDock,
        tags: TagsDock,
        notices: Notices,
        actions: dict[str, QAction],
        open_path: Callable[[str], None],
        record_jump: Callable[[], None],
        correct_menu: Callable[[QMenu], QMenu | None],
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of its dialogs
        self.session = session
        self.settings = session.settings
        self.body = body
        self.selection_bar = selection_bar
        self.notes = notes
        self.tags = tags
        self.notices = notices
        self.actions = actions
        self.open_path = open_path
        self.record_jump = record_jump
        self.correct_menu = correct_menu  # the Correct submenu of the body's context menu
        self.current_editor: AnnotationEditor | None = None
        self._after_load = ""  # annotation to show once the next page is open

    @property
    def store(self) -> Store | None:
        return self.session.annotator.store if self.session.annotator is not None else None

    def connect_signals(self) -> None:
        self.session.changed.connect(self._on_page_changed)
        self.body.selectionChanged.connect(self._on_selection_changed)
        self.body.selection_settled.connect(self._show_selection_bar)
        self.body.verticalScrollBar().valueChanged.connect(lambda _v: self.selection_bar.hide())
        self.body.highlight_clicked.connect(lambda i: self.edit_annotation(i, popover=True))
        # The body asks what a highlight is and what its menu offers.
        self.body.describe = self._describe_annotation
        self.body.extend_menu = self._extend_body_menu
        self.selection_bar.colour_chosen.connect(self._on_bar_colour)
        self.selection_bar.tag_requested.connect(lambda: self.annotate_selection("tag"))
        self.selection_bar.note_requested.connect(lambda: self.annotate_selection("note"))
        self.notes.activated.connect(self._on_note_activated)
        self.notes.edit_requested.connect(self.edit_annotation)
        self.notes.delete_requested.connect(self.delete_annotations)
        self.tags.lookup = self._annotations_with_tag
        self.tags.rename_requested.connect(self.rename_tag)
        self.tags.merge_requested.connect(self.merge_tags)
        self.tags.delete_requested.connect(self.delete_tags)
        self.tags.passage_activated.connect(self._on_tag_passage)
        self._on_selection_changed()

    def _on_page_changed(self, change: Change) -> None:
        if change.what is What.RESTYLED:
            self.selection_bar.colours.set_theme(theme(self.settings.get("theme")))
        if change.what is not What.KEYWORDS:
            self.refresh()
        if change.what in (What.PAGE, What.PREVIEW):
            self._on_selection_changed()
        if change.what is What.PAGE:
            target, self._after_load = self._after_load, ""
            if target:
                self.show_annotation(target)

    def refresh(self) -> None:
        current = theme(self.settings.get("theme"))
        annotator = self.session.annotator
        items = annotator.ordered() if annotator else []
        if self.body.clean is not None:
            items = as_read(items, self.body.clean.text)  # quoted as the page reads now
        self.notes.set_items(items, current, waiting=self.session.previewing)
        if annotator is not None:
            self.refresh_tags()

    def refresh_tags(self) -> None:
        if self.store is not None:
            try:
                self.tags.set_tags(self.store.tags())
            except StoreError as exc:
                self.notices.not_saved(str(exc))

    # -- making and editing ------------------------------------------------------------

    def _on_selection_changed(self) -> None:
        store = self.store
        has = (
            self.body.textCursor().hasSelection()
            and store is not None
            and not store.read_only
            and self.session.doc is not None  # not while a long page's first part is shown
        )
        for key in SELECTION_ACTIONS:
            self.actions[key].setEnabled(has)
        if not has:
            self.selection_bar.hide()

    def _show_selection_bar(self) -> None:
        if self.session.annotator is None or self.session.doc is None:
            return
        if self.body.selection_range() is None:
            return
        cursor = self.body.textCursor()
        self.selection_bar.show_by(self._view_rect(cursor.selectionStart(), cursor.selectionEnd()))

    def _view_rect(self, start: int, end: int) -> QRect:
        """The viewport rectangle from the line of view position `start` to that of `end`."""
        cursor = QTextCursor(self.body.document())
        cursor.setPosition(start)
        first = self.body.cursorRect(cursor)
        cursor.setPosition(end)
        return first.united(self.body.cursorRect(cursor))

    def _on_bar_colour(self, colour: str) -> None:
        self.settings.set("highlight_colour", colour)
        self.annotate_selection("highlight", colour)

    def annotate_selection(self, how: str, colour: str | None = None) -> Annotation | None:
        """Highlight the selection at once ("highlight"), or first open the editor on its
        tags ("tag") or note ("note"). Returns the new annotation when made at once."""
        span = self.body.selection_range()
        if self.session.annotator is None or span is None or self.body.clean is None:
            return None
        if self.session.doc is None:  # a long page's first part: annotated once it is whole
            return None
        self.selection_bar.hide()
        fields: dict[str, object] = {"colour": colour or self.settings.get("highlight_colour")}
        if how == "highlight":
            return self.create(span, fields)
        quote = self.body.clean.text[span[0] : span[1]]
        editor = self._editor(quote, None)
        editor.colours.select(str(fields["colour"]))
        editor.accepted.connect(lambda: self.create(span, editor.values()))
        self._open_editor(editor, editor.tags if how == "tag" else editor.note)
        return None

    def create(self, span: tuple[int, int], fields: dict[str, object]) -> Annotation | None:
        assert self.session.annotator is not None
        ann = self.session.annotator.create(span[0], span[1], **fields)
        if ann is not None:
            self.settings.set("highlight_colour", ann.colour)
            cursor = self.body.textCursor()
            cursor.clearSelection()
            self.body.setTextCursor(cursor)
        return ann

    def _editor(
        self, quote: str, ann: Annotation | None, popover: bool = False
    ) -> AnnotationEditor:
        known = [t.name for t in self.store.tags()] if self.store is not None else []
        if self.session.annotator is not None:  # with the page's own, maybe not stored yet
            placed = self.session.annotator.placed.values()
            known = normalise_tags([*known, *(t for p in placed for t in p.annotation.tags)])
        # The keywords of the article at the selection are offered as tags.
        place = self.body.place_at(self.body.textCursor().selectionStart())
        suggested = self.session.keywords.get(place.article, []) if place is not None else []
        suggested = [w for w in suggested if w not in known]
        current = theme(self.settings.get("theme"))
        return AnnotationEditor(quote, current, known, ann, suggested, self.window, popover=popover)

    def _open_editor(
        self, editor: AnnotationEditor, focus: QWidget, by: QRect | None = None
    ) -> None:
        """Open the editor as a sheet over the window, or as a popover by the text in `by`
        (viewport coordinates); `current_editor` while it is up."""
        self.current_editor = editor
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        if editor.popover and by is not None:
            viewport = self.body.viewport()
            editor.show_by(
                QRect(viewport.mapToGlobal(by.topLeft()), by.size()),
                QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size()),
            )
            return
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.open()
        focus.setFocus()

    def _editor_closed(self, editor: AnnotationEditor) -> None:
        if self.current_editor is editor:
            self.current_editor = None
        editor.deleteLater()

    def _as_read(self, annotation_id: str, quote: str) -> str:
        """The annotation's quote as the page reads now (core.annotations.as_read)."""
        annotator, clean = self.session.annotator, self.body.clean
        placed = annotator.placed.get(annotation_id) if annotator is not None else None
        if placed is None or clean is None:
            return quote
        return as_read([placed], clean.text)[0].annotation.quote

    def edit_annotation(self, annotation_id: str, popover: bool = False) -> None:
        """Edit an annotation: in a popover by its highlight (`popover`, when it is on the
        page), else in a dialog."""
        annotator = self.session.annotator
        ann = annotator.get(annotation_id) if annotator is not None else None
        if ann is None:
            return
        by = self._highlight_rect(annotation_id) if popover else None
        editor = self._editor(self._as_read(annotation_id, ann.quote), ann, popover=by is not None)
        editor.deleted.connect(lambda: self.delete_annotations([annotation_id]))
        editor.accepted.connect(lambda: self._apply_edit(ann, editor.values()))
        self._preview_colour(editor, annotation_id)
        self._open_editor(editor, editor.note, by)

    def _preview_colour(self, editor: AnnotationEditor, annotation_id: str) -> None:
        """A colour picked in the editor shows on the highlight at once; when the editor
        closes, the highlight is drawn as the annotation is then (the colour kept, or the
        old one where the change was dropped with Escape)."""
        shown = next((h for h in self.body.highlights if h.id == annotation_id), None)
        if shown is None:
            return
        start, end = shown.start, shown.end

        def show(colour: str) -> None:
            rest = [h for h in self.body.highlights if h.id != annotation_id]
            new = Highlight(start, end, colour, annotation_id)
            self.body.update_highlights([*rest, new], start, end)

        def settle() -> None:
            annotator = self.session.annotator
            if annotator is not None:
                placed = annotator.placed.values()
                self.body.update_highlights(highlights_of(placed), start, end)

        editor.colours.chosen.connect(show)
        editor.finished.connect(lambda _result: settle())

    def _highlight_rect(self, annotation_id: str) -> QRect | None:
        annotator = self.session.annotator
        placed = annotator.placed.get(annotation_id) if annotator is not None else None
        if placed is None or placed.anchor is None:
            return None
        start = self.body.to_view(placed.anchor.start)
        end = self.body.to_view(placed.anchor.end)
        if start is None or end is None:
            return None
        return self._view_rect(start, end)

    def _apply_edit(self, ann: Annotation, values: dict[str, object]) -> None:
        annotator = self.session.annotator
        if annotator is None or all(getattr(ann, k) == v for k, v in values.items()):
            return
        annotator.update(ann.edited(**values))

    def delete_annotations(self, ids: list[str]) -> None:
        if self.session.annotator is not None and ids:
            self.session.annotator.delete(ids)

    # -- finding them ------------------------------------------------------------------

    def _on_note_activated(self, annotation_id: str) -> None:
        self.record_jump()
        self.show_annotation(annotation_id)

    def show_annotation(self, annotation_id: str) -> None:
        annotator = self.session.annotator
        placed = annotator.placed.get(annotation_id) if annotator is not None else None
        if placed is not None and placed.anchor is not None:
            self.body.flash(placed.anchor.start, placed.anchor.end)
        elif placed is not None:
            # Opened from the Tags panel, a passage this file's text does not hold (a copy
            # of an annotation made on another file of the page) said so, not a page shown
            # at its top with nothing marked.
            self.notices.say(
                self.tr(
                    "This passage could not be placed on this page's text: it is listed "
                    "under Unanchored in the Annotations panel."
                ),
                10000,
            )

    def _describe_annotation(self, annotation_id: str) -> str:
        annotator = self.session.annotator
        ann = annotator.get(annotation_id) if annotator else None
        if ann is None:
            return ""
        parts = [colour_names().get(ann.colour, "")]
        if ann.tags:
            parts.append(tag_labels(ann.tags))
        head = " · ".join(p for p in parts if p)
        return f"{head}\n\n{ann.note}" if ann.note else head

    def _extend_body_menu(self, menu: QMenu, ids: list[str]) -> None:
        first = menu.actions()[0] if menu.actions() else None
        entries: list[QAction] = []
        correct = self.correct_menu(menu)
        if correct is not None:
            entries.append(correct.menuAction())
        if self.body.textCursor().hasSelection():
            entries += [self.actions[k] for k in SELECTION_ACTIONS]
        for annotation_id in ids[:1]:
            edit = QAction(self.tr("Edit Annotation…"), menu)
            edit.triggered.connect(lambda _c=False, i=annotation_id: self.edit_annotation(i))
            remove = QAction(self.tr("Delete Annotation"), menu)
            remove.triggered.connect(lambda _c=False, i=annotation_id: self.delete_annotations([i]))
            entries += [edit, remove]
        if entries and first is not None:
            menu.insertActions(first, entries)
            menu.insertSeparator(first)

    # -- tags across pages -------------------------------------------------------------

    def _annotations_with_tag(self, name: str) -> list[Annotation]:
        if self.store is None:
            return []
        try:
            return self.store.by_tag(name)
        except StoreError:
            return []

    def rename_tag(self, name: str) -> None:
        new, ok = QInputDialog.getText(
            self.window, self.tr("Rename Tag"), self.tr("New name for #%1:").replace("%1", name),
            text=name,
        )  # fmt: skip
        annotator = self.session.annotator
        if ok and new.strip() and new.strip() != name and annotator is not None:
            to = new.strip()

            def text() -> str:
                return self.tr("Rename tag '%1' to '%2'").replace("%1", name).replace("%2", to)

            annotator.retag(text, "merge", [name], to)

    def merge_tags(self, names: list[str]) -> None:
        annotator = self.session.annotator
        if len(names) < 2 or annotator is None:
            return
        target, ok = QInputDialog.getItem(
            self.window, self.tr("Merge Tags"), self.tr("Merge the selected tags into:"), names,
            0, True,
        )  # fmt: skip
        if ok and target.strip():
            into = target.strip()

            def text() -> str:
                merged = self.tr("Merge tags %1 into '%2'").replace("%1", _quoted(names))
                return merged.replace("%2", into)

            annotator.retag(text, "merge", names, into)

    def delete_tags(self, names: list[str]) -> None:
        if names and self.session.annotator is not None:

            def text() -> str:
                deleted = self.tr("Delete tag %1") if len(names) == 1 else self.tr("Delete tags %1")
                return deleted.replace("%1", _quoted(names))

            self.session.annotator.retag(text, "delete", names)

    def _on_tag_passage(self, path: str, annotation_id: str) -> None:
        annotator = self.session.annotator
        if self.session.doc is not None and annotator and annotation_id in annotator.placed:
            self.record_jump()
            self.show_annotation(annotation_id)
            return
        path = stored_name(path)  # a name that is not UTF-8, as the store writes it
        if not path or not Path(path).is_file():
            QMessageBox.information(
                self.window,
                self.tr("Document not found"),
                self.tr("The page of this passage is no longer at %1.").replace("%1", path),
            )
            return
        self._after_load = annotation_id
        self.open_path(path)
