"""Opening pages: File → Open, recent files, dropped files, and what reading them says."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.ui.loader import DocumentLoader, OpenProgress
from reader.ui.notices import Notices
from reader.ui.reasons import said
from reader.ui.session import PageSession


class FilesController(QObject):
    load_failed = Signal(str, str)  # path, reason
    folders_dropped = Signal(list)  # folders dropped on the window: for the library

    def __init__(
        self,
        window: QWidget,
        session: PageSession,
        loader: DocumentLoader,
        progress: OpenProgress,
        notices: Notices,
        record_jump: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of its dialogs
        self.session = session
        self.loader = loader
        self.progress = progress
        self.notices = notices
        self.record_jump = record_jump
        self._not_opened = 0  # files dropped after the first, said once it is shown

    def connect_signals(self) -> None:
        self.loader.started.connect(self._on_load_started)
        self.loader.previewed.connect(self._on_previewed)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)

    def open_path(self, path: str | Path) -> None:
        # Whole, as the library names its pages: a page named from the folder the app
        # started in (ocr-reader lib/page.json) is kept, annotated and remembered by a
        # path that still finds it from anywhere else.
        # (not resolve(): it follows links, and fails outright on a name such as ~draft.txt)
        path = Path(os.path.abspath(os.path.expanduser(path)))
        doc = self.session.doc
        if doc is not None and path != Path(doc.source.path):
            self.record_jump()  # another page: Back comes back to this one
        self.loader.load(str(path))

    def choose(self) -> None:
        doc = self.session.doc
        start = str(Path(doc.source.path).parent) if doc else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open OCR Page"),
            start,
            self.tr(
                "OCR pages (*.txt *.json *.xml *.hocr *.html);;Text files (*.txt);;"
                "OCR output with boxes (*.json *.xml *.hocr *.html);;All files (*)"
            ),
        )
        if path:
            self.open_path(path)

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.session.settings.recent()
        if not recent:
            empty = menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
            return
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, path=path: self.open_path(path))

    def accepts(self, mime: QMimeData) -> bool:
        return any(u.isLocalFile() for u in mime.urls())

    def drop(self, mime: QMimeData) -> bool:
        """Open the first local file dropped, and give each folder dropped to the library;
        the files after the first are named as not opened. False when nothing local was
        dropped."""
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        folders = [p for p in paths if Path(p).is_dir()]
        files = [p for p in paths if p not in folders]
        if folders:
            self.folders_dropped.emit(folders)
        if files:
            self._not_opened = len(files) - 1  # said once the first is shown
            self.open_path(files[0])
        return bool(paths)

    def _on_load_started(self, path: str) -> None:
        self.progress.show()
        self.notices.say(self.tr("Reading %1…").replace("%1", Path(path).name))

    def _on_previewed(self, first: object) -> None:
        self.session.preview(first)  # type: ignore[arg-type]
        name = Path(first.doc.source.path).name  # type: ignore[attr-defined]
        self.notices.say(
            self.tr(
                "Reading %1: its first part is shown; annotating waits for the whole page…"
            ).replace("%1", name)
        )

    def _on_loaded(self, loaded: object) -> None:
        self.progress.hide()
        self.notices.clear()
        self.session.open(loaded)  # type: ignore[arg-type]
        if self._not_opened == 1:
            self.notices.say(
                self.tr("The other file dropped is not opened: one page at a time"), 10000
            )
        elif self._not_opened:
            self.notices.say(
                self.tr("The other %1 files dropped are not opened: one page at a time").replace(
                    "%1", str(self._not_opened)
                ),
                10000,
            )
        self._not_opened = 0

    def _on_load_failed(self, path: str, reason: str) -> None:
        self._not_opened = 0  # (said of a page shown, not of the next one opened)
        self.progress.hide()
        self.notices.clear()
        text = self.tr("%1 cannot be opened: %2.").replace("%1", Path(path).name)
        self.notices.warn(self.tr("Cannot open file"), text.replace("%2", said(reason)), path)
        self.load_failed.emit(path, reason)
