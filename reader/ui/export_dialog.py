"""File → Export: scope, format and options, a live preview, and a cancellable export that
never leaves half a file."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core import annotations as notes
from reader.core import publish
from reader.core.annotations import COLOURS, Annotation
from reader.core.document import load
from reader.core.model import Document
from reader.store.files import (
    FILE_EXTENSIONS,
    outputs_in,
    plan_outputs,
    remember_outputs,
    write_atomic,
)
from reader.ui.jobs import Job, Jobs
from reader.ui.room import fit_to_screen
from reader.ui.savefile import ask_path

PREVIEW_CHARS = 60_000
UNNUMBERED = '<ol style="list-style-type: none">'  # the contents, in the HTML preview
_MARK = re.compile(r'<mark class="(\w+)"')


def _qt_marks(html: str) -> str:
    """The highlights of a web page as Qt's rich text can show them: it knows no <mark>,
    so a highlight was not shown in the preview; a span with the shade of its colour is."""
    shades = notes.SHADES
    html = _MARK.sub(
        lambda m: f'<span style="background-color: {shades.get(m[1], shades[COLOURS[0]])[0]}"',
        html,
    )
    return html.replace("</mark>", "</span>")


def export_work(
    parts: Callable[[Callable[[], bool]], list[publish.Part]],
    options: publish.Options,
    path: Path,
    title: str,
    inputs: Sequence[Path] = (),
    folders: Sequence[Path] = (),
) -> Callable[[Job], str]:
    """The export as background work: built, published and written atomically, never onto
    one of `inputs` (the pages read). Where it lands in a folder pages are read from
    (an input's, one of `folders`: the library's), it is listed there as an output, as
    the command line's are, so that the library does not take it for a page. Returns the
    path written."""

    def work(job: Job) -> str:
        cancelled = lambda: job.cancelled  # noqa: E731
        data = publish.publish(
            parts(cancelled), options, title, progress=job.signals.progress.emit,
            cancelled=cancelled,
        )  # fmt: skip
        if job.cancelled:
            raise publish.Cancelled
        write_atomic(path, data, inputs=list(inputs))
        read = [*(page.parent for page in inputs), *folders]
        remember_outputs(path.parent, [(path, list(inputs))], read)
        return str(path)

    return work


class ExportDialog(QDialog):
    """Export the current article, chosen articles, the page, or several pages."""

    exported = Signal(str)
    job_progress_started = Signal()  # the running export reported its first document
    export_failed = Signal(str)  # reason; "" when cancelled

    def __init__(
        self,
        doc: Document,
        current_article: int,
        annotations: Sequence[Annotation],
        saved: dict,
        parent: QWidget | None = None,
        annotations_for: Callable[[Document], list[Annotation]] | None = None,
        library: Sequence[str] = (),
        results: Sequence[tuple[str, int]] = (),
        load_page: Callable[[str], Document] = load,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        # Reads the stored annotations of other pages; called in the export thread.
        self.annotations_for = annotations_for or (lambda _doc: [])
        self.load_page = load_page  # reads another page as the window shows it (corrected)
        self.current_article = max(0, current_article)
        self.annotations = list(annotations)
        self.extra_pages: list[str] = []
        self.library_pages = list(library)  # every page of the library
        self.results = list(results)  # (page, article) of the last library search
        self.job: Job | None = None
        self.jobs = Jobs(self, threads=1)
        self.setWindowTitle(self.tr("Export"))
        fit_to_screen(self, 1000, 680)

        options = publish.Options.from_dict(saved)
        left = QWidget(self)
        form = QFormLayout(left)
        self.scope = QComboBox(self)
        for key, text in (
            ("article", self.tr("Current article")),
            ("articles", self.tr("Chosen articles")),
            ("page", self.tr("Whole page")),
            ("pages", self.tr("This page and other pages…")),
            ("library", self.tr("Every page in the library (%1)").replace("%1", str(len(library)))),
            (
                "results",
                self.tr("The search results (%1 articles)").replace("%1", str(len(results))),
            ),
        ):
            if (key == "library" and not library) or (key == "results" and not results):
                continue
            self.scope.addItem(text, key)
        self.scope.setCurrentIndex(max(0, self.scope.findData(saved.get("scope", "page"))))
        form.addRow(self.tr("Export:"), self.scope)
        self.articles = QListWidget(self)
        for k, art in enumerate(doc.articles):
            item = QListWidgetItem(art.label(30))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if k == self.current_article else Qt.CheckState.Unchecked
            )
            self.articles.addItem(item)
        form.addRow(self.articles)
        self.pages_label = QLabel(self)
        self.pages_label.setWordWrap(True)
        form.addRow(self.pages_label)

        self.format = QComboBox(self)
        for key, text, _name in self._formats():
            self.format.addItem(text, key)
        self.format.setCurrentIndex(max(0, self.format.findData(options.format)))
        form.addRow(self.tr("Format:"), self.format)

        self.text_box = QGroupBox(self.tr("Text file"), self)  # plain text and Markdown alike
        text_form = QFormLayout(self.text_box)
        self.encoding = QComboBox(self)
        self.encoding.addItem("UTF-8", "utf-8")
        self.encoding.addItem("GB18030", "gb18030")
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(options.encoding)))
        self.newline = QComboBox(self)
        self.newline.addItem(self.tr("LF (Linux, macOS)"), "LF")
        self.newline.addItem(self.tr("CRLF (Windows)"), "CRLF")
        self.newline.setCurrentIndex(max(0, self.newline.findData(options.newline)))
        self.paragraphs = QComboBox(self)
        self.paragraphs.addItem(self.tr("Blank line between paragraphs"), "blank")
        self.paragraphs.addItem(self.tr("Full-width indent, no blank lines"), "indent")
        self.paragraphs.setCurrentIndex(max(0, self.paragraphs.findData(options.paragraphs)))
        text_form.addRow(self.tr("Encoding:"), self.encoding)
        text_form.addRow(self.tr("Line ends:"), self.newline)
        text_form.addRow(self.tr("Paragraphs:"), self.paragraphs)
        form.addRow(self.text_box)

        include = QGroupBox(self.tr("Include"), self)
        column = QVBoxLayout(include)
        self.bylines = QCheckBox(self.tr("Bylines"), self)
        self.end_matter = QCheckBox(self.tr("End matter (author units, sources)"), self)
        self.datelines = QCheckBox(self.tr("Datelines and jump markers"), self)
        self.captions = QCheckBox(self.tr("Photo captions"), self)
        self.furniture = QCheckBox(self.tr("Page furniture"), self)
        self.with_notes = QCheckBox(self.tr("Highlights and notes"), self)
        self._notes_wanted = options.annotations  # kept while the box cannot be used
        for box, value in (
            (self.bylines, options.bylines),
            (self.end_matter, options.end_matter),
            (self.datelines, options.datelines),
            (self.captions, options.captions),
            (self.furniture, options.furniture),
            (self.with_notes, options.annotations),
        ):
            box.setChecked(value)
            column.addWidget(box)
        form.addRow(include)
        # Page furniture is kept for each kind of output apart: JSON is the whole document
        # (as from the command line) unless the reader says otherwise; text leaves it out.
        self._kind = _kind(options.format)
        self._furniture = {"data": True, "text": False, self._kind: options.furniture}

        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setReadOnly(True)
        self.preview_html = QTextBrowser(self)
        self.preview_html.setOpenLinks(False)
        self.preview = QStackedWidget(self)
        self.preview.addWidget(self.preview_text)
        self.preview.addWidget(self.preview_html)
        self.preview_note = QLabel(self)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(QLabel(self.tr("Preview"), self))
        right_column.addWidget(self.preview, 1)
        right_column.addWidget(self.preview_note)

        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel Export"), self)
        self.cancel_button.hide()
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self.update_preview)
        for combo in (self.scope, self.format, self.encoding, self.newline, self.paragraphs):
            combo.currentIndexChanged.connect(self._changed)
        boxes = (self.bylines, self.end_matter, self.datelines, self.captions, self.furniture)
        for box in (*boxes, self.with_notes):
            box.toggled.connect(self._changed)
        self.articles.itemChanged.connect(self._changed)
        self.scope.currentIndexChanged.connect(self._on_scope)
        self.export_button.clicked.connect(self.choose_and_export)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self._on_scope()
        self._changed()
        self.update_preview()

    # -- choices -------------------------------------------------------------------------

    def options(self) -> publish.Options:
        return publish.Options(
            format=self.format.currentData(),
            encoding=self.encoding.currentData(),
            newline=self.newline.currentData(),
            paragraphs=self.paragraphs.currentData(),
            bylines=self.bylines.isChecked(),
            end_matter=self.end_matter.isChecked(),
            datelines=self.datelines.isChecked(),
            captions=self.captions.isChecked(),
            furniture=self.furniture.isChecked(),
            annotations=self.with_notes.isChecked() and self.with_notes.isEnabled(),
        )

    def choices(self) -> dict:
        """What to remember for next time: highlights and notes as the reader chose them,
        also where this page or format could not take them."""
        box = self.with_notes
        wanted = box.isChecked() if box.isEnabled() else self._notes_wanted
        return {
            **self.options().to_dict(),
            "annotations": wanted,
            "scope": self.scope.currentData(),
        }

    def chosen_articles(self) -> list[int]:
        scope = self.scope.currentData()
        if scope == "article":
            return [self.current_article]
        if scope == "articles":
            return [
                k
                for k in range(self.articles.count())
                if self.articles.item(k).checkState() == Qt.CheckState.Checked
            ]
        return list(range(len(self.doc.articles)))

    def parts(self) -> list[publish.Part]:
        """The current page as chosen (other pages are read when the export runs)."""
        return [publish.Part(self.doc, self.chosen_articles(), self.annotations)]

    def _parts_builder(
        self, annotations_for: Callable[[Document], list[Annotation]]
    ) -> Callable[[Callable[[], bool]], list[publish.Part]]:
        """What the export job calls, off the UI thread: other pages are read there."""
        first, others = self._sources()

        def build(cancelled: Callable[[], bool]) -> list[publish.Part]:
            out = list(first)
            for path, articles in others:
                if cancelled():
                    raise publish.Cancelled
                doc = self.load_page(path)
                chosen = [a for a in articles if a < len(doc.articles)] if articles else None
                out.append(publish.Part(doc, chosen, annotations_for(doc)))
            return out

        return build

    def _sources(self) -> tuple[list[publish.Part], list[tuple[str, list[int] | None]]]:
        """The current page's part (if it is in the scope) and the other pages to read."""
        scope = self.scope.currentData()
        here = str(Path(self.doc.source.path).resolve())

        def other(path: str) -> bool:
            return str(Path(path).resolve()) != here

        if scope == "pages":
            return self.parts(), [(p, None) for p in self.extra_pages]
        if scope == "library":
            first = self.parts() if not all(map(other, self.library_pages)) else []
            return first, [(p, None) for p in self.library_pages if other(p)]
        if scope == "results":
            grouped: dict[str, list[int]] = {}
            for path, article in self.results:
                grouped.setdefault(path, []).append(article)
            first = []
            rest: list[tuple[str, list[int] | None]] = []
            for path, articles in grouped.items():
                if other(path):
                    rest.append((path, articles))
                else:
                    first = [publish.Part(self.doc, articles, self.annotations)]
            return first, rest
        return self.parts(), []

    def _on_scope(self) -> None:
        scope = self.scope.currentData()
        self.articles.setVisible(scope == "articles")
        if scope == "pages" and not self.extra_pages:
            start = str(Path(self.doc.source.path).parent)
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Other Pages"), start, self.tr("Text files (*.txt)")
            )
            self.extra_pages = [p for p in paths if Path(p) != Path(self.doc.source.path)]
        self.pages_label.setVisible(scope == "pages")
        self.pages_label.setText(
            self.tr("%1 more pages: %2")
            .replace("%1", str(len(self.extra_pages)))
            .replace("%2", ", ".join(Path(p).name for p in self.extra_pages[:6]))
        )

    def _changed(self) -> None:
        fmt = self.format.currentData()
        kind = _kind(fmt)
        if kind != self._kind:
            self._furniture[self._kind] = self.furniture.isChecked()
            self._kind = kind
            self.furniture.setChecked(self._furniture[kind])
        self.text_box.setEnabled(fmt in ("txt", "md"))
        self.paragraphs.setEnabled(fmt == "txt")
        self._notes_shown(fmt)
        self.export_button.setEnabled(bool(self.chosen_articles()))
        self._preview_timer.start()

    def _notes_shown(self, fmt: str) -> None:
        """Highlights and notes can go in where the format carries them and the page has
        some: elsewhere the box is off and greyed, and says why, and the reader's choice
        comes back with a format that carries them."""
        usable = fmt != "txt" and bool(self.annotations)
        box = self.with_notes
        if usable == box.isEnabled():
            return
        box.blockSignals(True)
        if usable:
            box.setChecked(self._notes_wanted)
            box.setToolTip("")
        else:
            self._notes_wanted = box.isChecked()
            box.setChecked(False)
            box.setToolTip(
                self.tr("This page has no highlights or notes")
                if not self.annotations
                else self.tr("Plain text has no place for highlights and notes")
            )
        box.setEnabled(usable)
        box.blockSignals(False)

    def update_preview(self) -> None:
        options = self.options()
        preview = publish.Options(**{**options.to_dict(), "encoding": "utf-8", "newline": "LF"})
        if options.format == "epub":
            preview.format = "html"  # the chapters of the book, as HTML
        preview.pretty = True  # JSON indented for the reader (the file is written compact)
        parts = self._sources()[0] or self.parts()
        if not parts[0].articles:
            self.preview_text.setPlainText("")
            self.preview.setCurrentWidget(self.preview_text)
            return
        text = publish.publish(parts, preview).decode("utf-8")
        if preview.format == "html":
            # Qt's rich text knows no <nav>, so the stylesheet's rule for the contents
            # (nav.toc ol: no numbers) is lost on it: said on each list instead.
            self.preview_html.setHtml(_qt_marks(text.replace("<ol>", UNNUMBERED)))
            self.preview.setCurrentWidget(self.preview_html)
        else:
            self.preview_text.setPlainText(text[:PREVIEW_CHARS])
            self.preview.setCurrentWidget(self.preview_text)
        extra = len(self._sources()[1])
        self.preview_note.setText(
            self.tr("and %1 more pages").replace("%1", str(extra)) if extra else ""
        )

    # -- exporting -----------------------------------------------------------------------

    def inputs(self) -> list[Path]:
        """Every page the export reads, none of which it may write onto."""
        _first, rest = self._sources()
        return [Path(self.doc.source.path), *(Path(p) for p, _articles in rest)]

    def suggested_path(self) -> Path:
        """Beside the page, never the page itself (a txt export of x.txt is x.clean.txt)."""
        source = Path(self.doc.source.path)
        stem = source.stem or "page"
        if self.scope.currentData() == "article":
            stem += f"-{self.current_article + 1}"
        page = source.with_name(stem + source.suffix)
        fmt = self.format.currentData()
        ours = outputs_in(source.parent, under=False)  # (on the UI thread: no walk)
        return plan_outputs([(page, None)], source.parent, fmt, ours)[0]

    def _formats(self) -> list[tuple[str, str, str]]:
        """Each format offered: its key, its name in the Format box, and its name in the
        save dialog's list of types."""
        return [
            ("txt", self.tr("Plain text"), self.tr("Plain text")),
            ("md", self.tr("Markdown"), self.tr("Markdown")),
            ("html", self.tr("HTML (standalone, printable)"), self.tr("HTML")),
            ("epub", self.tr("EPUB (e-readers)"), self.tr("EPUB")),
            ("json", self.tr("JSON (document schema)"), self.tr("JSON")),
        ]

    def file_types(self) -> list[tuple[str, str]]:
        """(format, "Name (*.ext)") for each format offered, the save dialog's "Save as
        type" list, and All Files last (format "")."""
        types = [
            (fmt, f"{name} ({' '.join(f'*.{ext}' for ext in FILE_EXTENSIONS[fmt])})")
            for fmt, _text, name in self._formats()
        ]
        return [*types, ("", self.tr("All Files (*)"))]

    def choose_and_export(self) -> None:
        chosen = ask_path(
            self,
            self.tr("Export As"),
            self.suggested_path(),
            self.file_types(),
            self.format.currentData(),
        )
        if chosen is None:
            return
        path, fmt = chosen
        if fmt != self.format.currentData():
            self.format.setCurrentIndex(self.format.findData(fmt))
        self.export_to(path)

    def export_to(self, path: Path) -> Job:
        options = self.options()
        scope = self.scope.currentData()
        build = self._parts_builder(self.annotations_for)
        title = self.doc.articles[self.current_article].label(30) if scope == "article" else ""
        folders = {Path(page).parent for page in self.library_pages}
        work = export_work(build, options, path, title, self.inputs(), sorted(folders))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.job = self.jobs.start(work, self._on_finished, self._on_failed, self._on_progress)
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancelled = True

    def _done(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if done == 1:
            self.job_progress_started.emit()

    def _on_finished(self, path: str) -> None:
        self._done()
        self.status.setText(self.tr("Saved %1").replace("%1", path))
        self.exported.emit(path)

    def _on_failed(self, reason: str) -> None:
        self._done()
        self.export_failed.emit(reason)
        self.status.setText(
            self.tr("Export cancelled; nothing was written.")
            if not reason
            else self.tr("Export failed: %1").replace("%1", reason)
        )

    def reject(self) -> None:
        self.cancel()
        self.jobs.wait(10_000)
        super().reject()


def _kind(fmt: str) -> str:
    """ "data" for the formats that hold the whole document (JSON), else "text"."""
    return "data" if fmt in ("json", "jsonl") else "text"


# File name endings that name a format besides its own (.htm is HTML).
def load_choices(raw: str) -> dict:
    try:
        data = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}
