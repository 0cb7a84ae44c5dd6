"""Export: File → Export, annotations out and in, a tag's passages, the page with its
highlights, and copying with a citation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from reader.core import annotations as notes_io
from reader.core.annotations import Annotation, Placed
from reader.core.cite import CITATION, cite
from reader.core.document import load
from reader.core.model import Document
from reader.store import versions
from reader.store.db import Merged, Store, StoreError
from reader.store.files import write_atomic
from reader.ui.body import BodyView
from reader.ui.library import SearchDock
from reader.ui.notices import Notices
from reader.ui.savefile import save_as
from reader.ui.session import PageSession

if TYPE_CHECKING:
    from reader.ui.export_dialog import ExportDialog


class ExportController(QObject):
    def __init__(
        self,
        window: QWidget,
        session: PageSession,
        body: BodyView,
        search: SearchDock,
        notices: Notices,
        library_pages: Callable[[], list[str]],
        open_path: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of its dialogs
        self.session = session
        self.settings = session.settings
        self.body = body
        self.search = search
        self.notices = notices
        self.library_pages = library_pages
        self.open_path = open_path
        self.store: Store | None = None  # set once the database can be used
        self.export_dialog: ExportDialog | None = None

    # -- File → Export -----------------------------------------------------------------

    def open_export(self) -> ExportDialog | None:
        doc = self.session.doc
        if doc is None:
            return None
        from reader.ui.export_dialog import ExportDialog, load_choices  # off the start-up path

        annotator = self.session.annotator
        ordered = annotator.ordered() if annotator is not None else []
        dialog = ExportDialog(
            doc,
            max(0, self.body.current_place()[0]),
            [p.annotation for p in ordered],
            load_choices(self.settings.get("export_choices")),
            self.window,
            self.annotations_of,
            self.library_pages(),
            [(h.path, h.article) for h in self.search.hits],
            self.load_corrected,
        )
        dialog.finished.connect(lambda _r: self._export_closed(dialog))
        dialog.exported.connect(self._exported)
        self.export_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _exported(self, path: str) -> None:
        self.notices.say(self.tr("Saved %1").replace("%1", path), 5000)
        # The other save dialogs (annotations, a tag) open where this export went.
        self.settings.set("save_folder", str(Path(path).parent))

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

    # -- annotation files --------------------------------------------------------------

    def _save_as(self, title: str, name: str, markdown_only: bool = False) -> tuple[str, str]:
        """("", "") when cancelled; else the path and the format ("md", "json", "csv")."""
        formats = [("md", self.tr("Markdown (*.md)"))]
        if not markdown_only:
            formats += [
                ("json", self.tr("Web Annotation JSON (*.json)")),
                ("csv", self.tr("CSV (*.csv)")),
            ]
        chosen = save_as(self.window, self.settings, title, name, formats)
        return (str(chosen[0]), chosen[1]) if chosen is not None else ("", "")

    def export_annotations(self) -> None:
        doc, annotator = self.session.doc, self.session.annotator
        if annotator is None or doc is None:
            return
        stem = Path(doc.source.path).stem
        path, fmt = self._save_as(self.tr("Export Annotations"), f"{stem}.annotations.md")
        if path:
            fixes = self.store.edits(doc.source.fingerprint) if self.store else []
            name = Path(doc.source.path).name
            text = notes_io.render(fmt, name, annotator.ordered(), doc, fixes)
            self._write(path, text)

    def export_tag(self, name: str) -> None:
        if self.store is None:
            return
        path, fmt = self._save_as(self.tr("Export Tag"), f"{name}.md")
        if path:
            placed = [Placed(a, None) for a in self.store.by_tag(name)]
            self._write(path, notes_io.render(fmt, notes_io.tag_label(name), placed, None))

    def export_marked(self) -> None:
        doc, annotator = self.session.doc, self.session.annotator
        if annotator is None or doc is None:
            return
        stem = Path(doc.source.path).stem
        path, _fmt = self._save_as(
            self.tr("Export Page with Highlights"), f"{stem}.md", markdown_only=True
        )
        if path:
            self._write(path, notes_io.page_markdown(doc, annotator.ordered()))

    def _write(self, path: str, text: str) -> None:
        doc = self.session.doc
        pages = [Path(doc.source.path)] if doc is not None else []
        try:
            write_atomic(Path(path), text, inputs=pages)
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                self.tr("Cannot write file"),
                self.tr("%1 could not be written: %2.")
                .replace("%1", path)
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        self.notices.say(self.tr("Saved %1").replace("%1", path), 5000)

    def choose_import(self) -> None:
        if self.store is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import Annotations"), "", self.tr("Web Annotation JSON (*.json)")
        )
        if path:
            self.import_annotations(path)

    def import_annotations(self, path: str) -> Merged | None:
        """Import an export file, checked whole before anything is stored."""
        assert self.store is not None
        try:
            imported = notes_io.read_import(path)
            counts = self.store.merge(imported.annotations)
            corrections = self.store.merge_edits(imported.corrections)
        except (notes_io.ImportError_, StoreError, RecursionError, MemoryError) as exc:
            reason = str(exc) if isinstance(exc, notes_io.ImportError_ | StoreError) else (
                "it is nested too deeply or too large to read"
            )  # fmt: skip
            QMessageBox.warning(
                self.window,
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
        if imported.corrections:
            message += " " + self.tr("Corrections: %1 new, %2 already here.").replace(
                "%1", str(corrections)
            ).replace("%2", str(len(imported.corrections) - corrections))
        if imported.elsewhere == 1:
            message += " " + self.tr(
                "1 was made on no page of this reader: kept as it came, placed on no page."
            )
        elif imported.elsewhere:
            message += " " + self.tr(
                "%1 were made on no page of this reader: kept as they came, placed on no page."
            ).replace("%1", str(imported.elsewhere))
        recoloured = len(imported.unknown_colours)
        if recoloured == 1:
            message += " " + self.tr(
                "1 was in a colour this reader does not have (%1): shown in yellow."
            ).replace("%1", imported.recoloured())
        elif recoloured:
            message += " " + self.tr(
                "%1 were in colours this reader does not have (%2): shown in yellow."
            ).replace("%1", str(recoloured)).replace("%2", imported.recoloured())
        self.notices.say(message, 15000)
        if self.session.doc is not None:
            self.open_path(self.session.doc.source.path)
        return counts

    # -- copying -----------------------------------------------------------------------

    def copy_citation(self) -> str:
        doc = self.session.doc
        if doc is None or not self.body.textCursor().hasSelection():
            return ""
        place = self.body.place_at(self.body.textCursor().selectionStart())
        article = place.article if place is not None else None
        text = cite(self.settings.get("citation_template"), self.body.selected_text(), doc, article)
        QApplication.clipboard().setText(text)
        self.notices.say(self.tr("Copied with citation"), 3000)
        return text

    def citation_template(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.window,
            self.tr("Citation Template"),
            self.tr(
                "Fields: {quote} {title} {byline} {file} {path} {date}; {byline_sep} and "
                "{date_sep} disappear when their field is empty."
            ),
            self.settings.get("citation_template"),
        )
        if ok:
            self.settings.set("citation_template", text or CITATION)
