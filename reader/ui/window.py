"""The main window: assembles the outline, the body, the source view and the find bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Document
from reader.ui import i18n
from reader.ui.body import BodyView, Typography
from reader.ui.findbar import FindBar
from reader.ui.loader import DocumentLoader
from reader.ui.outline import OutlineDock
from reader.ui.settings import MAX_FONT, MIN_FONT, Settings
from reader.ui.source import SourceView
from reader.ui.themes import THEMES, palette, theme

COLUMNS = {"narrow": 32, "medium": 38, "wide": 46}
CJK_FONT_HINT = "sudo apt install fonts-noto-cjk"


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
    "zoom_in": ActionSpec("Ctrl++"),
    "zoom_out": ActionSpec("Ctrl+-"),
    "zoom_reset": ActionSpec("Ctrl+0"),
    "font": ActionSpec(),
    # n and p themselves are handled by the body, so they never fire while typing.
    "next": ActionSpec("Ctrl+]"),
    "prev": ActionSpec("Ctrl+["),
    "about": ActionSpec(),
}


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


class MainWindow(QMainWindow):
    document_shown = Signal(object)  # Document, once rendered
    load_failed = Signal(str, str)  # path, reason

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.doc: Document | None = None
        self.loader = DocumentLoader(self)
        self.body = BodyView(self)
        self.findbar = FindBar(self)
        self.findbar.hide()
        self.source = SourceView(self)
        self.outline = OutlineDock(self)
        self.error_box: QMessageBox | None = None
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
        column.addWidget(self.body, 1)
        column.addWidget(self.findbar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(text_area)
        self.splitter.addWidget(self.source)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        self.outline_dock = QDockWidget(self)
        self.outline_dock.setObjectName("outline")
        self.outline_dock.setWidget(self.outline)
        self.outline_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)

        self.status = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)

        self.actions_by_key: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._build_actions()
        self._build_menus()
        self._connect_signals()
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        geometry, state = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.actions_by_key["source"].setChecked(settings.get("show_source"))
        self.source.setVisible(settings.get("show_source"))
        self.actions_by_key["noise"].setChecked(settings.get("show_noise"))
        self.apply_view()
        self.retranslate()

    # -- construction ------------------------------------------------------------------------

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
        self.menus["recent"] = file.addMenu("")
        self.menus["recent"].aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        file.addAction(a["quit"])
        view = self.menus["view"] = bar.addMenu("")
        view.addAction(a["find"])
        view.addSeparator()
        view.addAction(self.outline_dock.toggleViewAction())
        view.addAction(a["source"])
        view.addAction(a["noise"])
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
        go = self.menus["go"] = bar.addMenu("")
        go.addAction(a["next"])
        go.addAction(a["prev"])
        help_menu = self.menus["help"] = bar.addMenu("")
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

    def texts(self) -> dict[str, str]:
        """Every menu and action text, in the current language."""
        return {
            "open": self.tr("&Open…"),
            "quit": self.tr("&Quit"),
            "find": self.tr("&Find in Page…"),
            "source": self.tr("&Source View"),
            "noise": self.tr("Show Page &Furniture"),
            "zoom_in": self.tr("&Larger Text"),
            "zoom_out": self.tr("S&maller Text"),
            "zoom_reset": self.tr("&Reset Text Size"),
            "font": self.tr("F&ont…"),
            "next": self.tr("&Next Article"),
            "prev": self.tr("&Previous Article"),
            "about": self.tr("&About ocr-reader"),
            "menu:file": self.tr("&File"),
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
        self.font_notice.setText(
            self.tr(
                "No Chinese font is installed, so the text cannot be shown properly. "
                "Install one, for example: %1"
            ).replace("%1", CJK_FONT_HINT)
        )
        self.outline.retranslate()
        self.findbar.retranslate()
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
        self.source.set_style(
            current, self.settings.get("font_family"), self.settings.get("font_size")
        )

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

    def _on_noise_toggled(self, on: bool) -> None:
        self.settings.set("show_noise", on)
        self.apply_view()

    def _on_find_closed(self) -> None:
        self.findbar.hide()
        self.body.find_all("")
        self.body.setFocus()

    # -- documents ---------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> None:
        self.loader.load(str(path))

    def _on_open(self) -> None:
        start = str(Path(self.doc.source.path).parent) if self.doc else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open OCR Page"), start, self.tr("Text files (*.txt);;All files (*)")
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

    def _on_load_started(self, path: str) -> None:
        self.progress.show()
        self.statusBar().showMessage(self.tr("Reading %1…").replace("%1", Path(path).name))

    def _on_loaded(self, doc: Document) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()
        self._save_position()
        self.doc = doc
        self.settings.add_recent(doc.source.path)
        self.outline.set_document(doc)
        self.source.set_lines(doc.source_lines)
        self.body.show_document(doc)
        self.findbar.edit.clear()
        self.setWindowTitle(f"{Path(doc.source.path).name} — ocr-reader")
        self._update_status()
        saved = self.settings.position(doc.source.fingerprint)
        if saved is not None:
            self.body.scroll_to(*saved)
        self.document_shown.emit(doc)

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
        self.body.scroll_to(article, block)

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
        self._save_position()
        self.settings.set_geometry(self.saveGeometry(), self.saveState())
        super().closeEvent(event)

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ocr-reader"),
            self.tr(
                "ocr-reader reflows the OCR text of newspaper pages into articles you can read."
            ),
        )
