"""How the page is shown: theme, type size and font, text width, page furniture, the source
view and the interface language. A change is saved and sent through the session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QFontDialog, QLabel, QMainWindow

from reader.ui import i18n
from reader.ui.body import BodyView
from reader.ui.room import ReadingRoom
from reader.ui.session import Change, PageSession, What
from reader.ui.settings import MAX_FONT, MIN_FONT
from reader.ui.source import SourceView
from reader.ui.themes import palette, theme

COLUMNS = {"narrow": 32, "medium": 38, "wide": 46}


def column_name(chars: int) -> str:
    """The name of a text width, for the View menu (a width set by hand reads "medium")."""
    return next((name for name, n in COLUMNS.items() if n == chars), "medium")


class ViewController(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: PageSession,
        body: BodyView,
        source: SourceView,
        font_notice: QLabel,
        source_action: QAction,
        retranslate: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of its dialogs
        self.session = session
        self.settings = session.settings
        self.body = body
        self.source = source
        self.font_notice = font_notice
        self.source_action = source_action
        self.retranslate = retranslate
        self.room: ReadingRoom | None = None  # panels give way to a larger font

    def connect_signals(self) -> None:
        self.session.changed.connect(self._on_page_changed)

    def _on_page_changed(self, change: Change) -> None:
        if change.what is What.RESTYLED:
            current = theme(self.settings.get("theme"))
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setPalette(palette(current))
            self.font_notice.setStyleSheet(
                f"background: {current.find}; color: #222; padding: 8px; font-weight: bold;"
            )
        if change.what in (What.RESTYLED, What.PAGE) and self.room is not None:
            self.room.fit_soon()  # measured in this page's type, and a larger one

    def set_theme(self, name: str) -> None:
        self.settings.set("theme", name)
        self.session.restyle()

    def set_column(self, chars: int) -> None:
        self.settings.set("column", chars)
        self.session.restyle()
        room = int(self.body.line_chars())
        if room < chars - 1:
            # A width the view has no room for looks like nothing happening: said why.
            self.window.statusBar().showMessage(
                self.tr(
                    "The text has room for %1 characters a line here: hide the panels "
                    "(Ctrl+Shift+R) or widen the window for a wider text"
                ).replace("%1", str(room)),
                8000,
            )

    def set_column_name(self, name: str) -> None:
        self.set_column(COLUMNS[name])

    def zoom(self, step: int) -> None:
        size = self.settings.get("font_size")
        size = 16.0 if step == 0 else min(MAX_FONT, max(MIN_FONT, size + step))
        self.settings.set("font_size", size)
        self.session.restyle()

    def set_language(self, code: str) -> None:
        self.settings.set("language", code)
        i18n.install(code)
        self.retranslate()

    def choose_font(self) -> None:
        current = QFont(self.settings.get("font_family") or self.body.font().family())
        current.setPointSizeF(self.settings.get("font_size"))
        ok, font = QFontDialog.getFont(current, self.window, self.tr("Reading Font"))
        if ok:
            self.settings.set("font_family", font.family())
            self.settings.set("font_size", font.pointSizeF())
            self.session.restyle()

    def show_source(self, on: bool) -> None:
        self.settings.set("show_source", on)
        self.source.setVisible(on)

    def show_decisions(self, on: bool) -> None:
        """The engine's reason for every join and break, in the source view."""
        self.source.set_show_reasons(on)
        if on and not self.source_action.isChecked():
            self.source_action.setChecked(True)

    def show_noise(self, on: bool) -> None:
        self.settings.set("show_noise", on)
        self.session.restyle()
