"""Who the app is: its name and icon for the desktop, the About box, and the list of
keyboard shortcuts built from the window's own actions."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.bundled import resource
from reader.store import paths

APP_NAME = "ocr-reader"  # WM_CLASS, the desktop entry's name, the icon's name
ICON = "icons/ocr-reader.svg"
LICENCE = "MIT"  # as pyproject.toml declares it; read from the installed metadata first


def app_icon() -> QIcon:
    path = resource(ICON)
    return QIcon(str(path)) if path is not None else QIcon()


def identify(app: QGuiApplication) -> None:
    """Name the app as the desktop knows it, however it was started: the X11 WM_CLASS
    instance comes from argv[0], which the QApplication is made with (see ui.main), and
    Wayland's app id from the desktop file name."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())


def licence() -> str:
    try:
        meta = metadata.metadata(APP_NAME)
    except metadata.PackageNotFoundError:
        return LICENCE
    found = meta.get_all("License-Expression") or meta.get_all("License") or [LICENCE]
    return str(found[0])


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks ("&Open…" -> "Open…"; in Chinese the key
    stands in brackets after the text, "打开(&O)…" -> "打开…")."""
    text = re.sub(r"\s?\(&[^&\s]\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About ocr-reader"))
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        layout.addWidget(icon)
        folders = (
            (self.tr("Data (annotations, corrections, library)"), paths.data_dir()),
            (self.tr("Settings"), paths.config_dir()),
            (self.tr("Cache"), paths.cache_dir()),
        )
        rows = "".join(
            f"<tr><td>{html.escape(name)}:&nbsp;</td>"
            f'<td><a href="{QUrl.fromLocalFile(str(path)).toString()}">'
            f"{html.escape(str(path))}</a></td></tr>"
            for name, path in folders
        )
        blurb = self.tr(
            "A reader for the OCR text of newspaper pages: it reflows the lines into "
            "paragraphs, splits the page into articles, and keeps your highlights, tags "
            "and notes."
        )
        terms = self.tr("Licence: %1").replace("%1", licence())
        where = self.tr("Its files are kept in these folders:")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(True)
        self.text.setText(
            f"<h2>ocr-reader {html.escape(__version__)}</h2>"
            f"<p>{html.escape(blurb)}</p><p>{html.escape(terms)}</p>"
            f"<p>{html.escape(where)}</p><table>{rows}</table>"
        )
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 70)


def _dedicated(key: QKeySequence) -> bool:
    """A key of its own on some keyboards (Redo, Back, Copy), beyond the ones every
    keyboard has: a platform's binding, named in words ("Redo", "重做") as a key."""
    combined = key[0] if key.count() == 1 else None  # type: ignore[index]
    return combined is not None and combined.key().value >= Qt.Key.Key_Back.value


def typed(action: QAction) -> list[QKeySequence]:
    """The keys of an action a reader types, leaving out dedicated keys where it has
    others (they work, but listed they read as the action's name)."""
    keys = action.shortcuts()
    ordinary = [k for k in keys if not _dedicated(k)]
    return ordinary or keys


def shortcut_rows(
    menus: Iterable[QMenu], extra: Mapping[QAction, str] | None = None
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action, keys)]) for every action with keys in these menus and their
    submenus, in menu order; `extra` adds keys a widget handles itself ("N" for Next
    Article, which the text view takes)."""
    extra = extra or {}
    out: list[tuple[str, list[tuple[str, str]]]] = []

    def walk(menu: QMenu, title: str) -> None:
        rows: list[tuple[str, str]] = []
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{title} › {_plain(sub.title())}")
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in typed(action)]
            if action in extra:
                keys.append(extra[action])
            if action.isSeparator() or not keys:
                continue
            rows.append((_plain(action.text()), ", ".join(keys)))
        if rows:
            out.append((title, rows))

    for menu in menus:
        walk(menu, _plain(menu.title()))
    return out


class ShortcutsDialog(QDialog):
    """Help → Keyboard Shortcuts: the window's menus, read when it opens."""

    def __init__(
        self,
        bar: QMenuBar,
        extra: Mapping[QAction, str],
        parent: QWidget | None = None,
        widgets: Sequence[tuple[str, list[tuple[str, str]]]] = (),
    ) -> None:
        """`widgets`: groups of keys a widget takes itself, with no menu entry (the
        scan's zoom), listed after the menus'."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        menus = [m for m in (a.menu() for a in bar.actions()) if isinstance(m, QMenu)]
        self._groups: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        for title, rows in [*shortcut_rows(menus, extra), *widgets]:
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self._groups.append((group, [QTreeWidgetItem(group, list(row)) for row in rows]))
        self.tree.expandAll()
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._on_filter)
        self.filter.installEventFilter(self)
        em = self.fontMetrics().horizontalAdvance("x")
        self.resize(em * 64, em * 80)

    # Keys that move through the list, typed in the filter: the list moves, as in a
    # search field over a list, without a Tab to it first.
    _LIST_KEYS = frozenset((Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._LIST_KEYS
        ):
            QGuiApplication.sendEvent(self.tree, event)
            return True
        return super().eventFilter(watched, event)

    def rows(self) -> list[tuple[str, str]]:
        """The (action, keys) rows shown."""
        return [
            (item.text(0), item.text(1))
            for _group, items in self._groups
            for item in items
            if not item.isHidden()
        ]

    def _on_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group, items in self._groups:
            shown = 0
            for item in items:
                hit = not needle or any(needle in item.text(c).casefold() for c in (0, 1))
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)
