"""The article body: the reflowed page typeset for reading, with find and scroll-spy."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.core.model import Block, Document
from reader.ui.themes import Theme

_PROPORTIONAL = int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
FIND_LIMIT = 5000
MIN_SIDE = 28.0  # pixels between the text and the window edge


@dataclass(frozen=True)
class Place:
    """Where a block starts in the rendered text."""

    position: int
    article: int
    block: int  # index in article.blocks; -1 for the headline
    first: int  # source lines
    last: int


@dataclass(frozen=True)
class Typography:
    family: str
    size: float
    column: int  # characters per line of the text column
    show_noise: bool = False


class BodyView(QTextBrowser):
    """Renders a Document; emits `place_changed(article, block)` as the reader scrolls
    and `block_selected(first, last)` when the cursor moves into a block."""

    place_changed = Signal(int, int)
    block_selected = Signal(int, int)
    find_changed = Signal(int, int)  # current match (1-based, 0 = none), match count

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.doc: Document | None = None
        self.places: list[Place] = []
        self._starts: list[int] = []
        self._current: tuple[int, int] = (-1, -1)
        self._matches: list[QTextCursor] = []
        self._match = -1
        self._theme: Theme | None = None
        self._typo = Typography("", 16.0, 38)
        self._spy = QTimer(self)
        self._spy.setSingleShot(True)
        self._spy.setInterval(30)
        self._spy.timeout.connect(self._update_place)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._spy.start())
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # n / p move between articles, as in a feed reader.
        if not event.modifiers() and event.key() in (Qt.Key.Key_N, Qt.Key.Key_P):
            self.jump_article(1 if event.key() == Qt.Key.Key_N else -1)
            return
        super().keyPressEvent(event)

    # -- rendering -------------------------------------------------------------------------

    def set_style(self, theme: Theme, typo: Typography) -> None:
        self._theme = theme
        self._typo = typo
        self.setStyleSheet(
            f"QTextBrowser {{ background: {theme.base}; color: {theme.text}; border: none; }}"
        )
        if self.doc is not None:
            top = self.current_place()
            self.show_document(self.doc)
            self.scroll_to(*top)

    def show_document(self, doc: Document | None) -> None:
        self.doc = doc
        self._matches, self._match = [], -1
        self.places, self._starts = [], []
        document = QTextDocument(self)
        base = QFont(self._typo.family) if self._typo.family else QFont()
        base.setPointSizeF(self._typo.size)
        document.setDefaultFont(base)
        document.setDocumentMargin(24)
        self.setDocument(document)
        if doc is None:
            return
        cursor = QTextCursor(document)
        em = QFontMetricsF(base).horizontalAdvance("国")
        first = True
        for ai, art in enumerate(doc.articles):
            if not first:
                self._insert_rule(cursor, em)
            for block in art.head:
                first = self._insert(cursor, block, ai, -1, em, first)
            for bi, block in enumerate(art.blocks):
                if block.kind == "noise" and not self._typo.show_noise:
                    continue
                first = self._insert(cursor, block, ai, bi, em, first)
        self._starts = [p.position for p in self.places]
        self._apply_measure()
        self._current = (-1, -1)
        self._update_place()

    def _formats(self, block: Block, em: float) -> tuple[QTextBlockFormat, QTextCharFormat]:
        theme = self._theme
        bf = QTextBlockFormat()
        cf = QTextCharFormat()
        bf.setLineHeight(170, _PROPORTIONAL)
        bf.setBottomMargin(em * 0.5)
        size = self._typo.size
        kind = block.kind
        muted = QColor(theme.muted) if theme else QColor("#666")
        if kind == "title":
            cf.setFontPointSize(size * 1.65)
            cf.setFontWeight(QFont.Weight.Bold)
            bf.setTopMargin(em * 0.8)
            bf.setLineHeight(135, _PROPORTIONAL)
            if theme:
                cf.setForeground(QColor(theme.accent))
        elif kind == "kicker":
            cf.setFontPointSize(size * 1.05)
            cf.setForeground(muted)
        elif kind == "subtitle":
            cf.setFontPointSize(size * 1.15)
        elif kind == "byline":
            cf.setFontPointSize(size * 0.95)
            cf.setForeground(muted)
            bf.setBottomMargin(em * 1.2)
        elif kind == "heading":
            level = block.level or 1
            cf.setFontWeight(QFont.Weight.Bold)
            cf.setFontPointSize(size * (1.3 if level == 1 else 1.15 if level == 2 else 1.03))
            bf.setTopMargin(em * (1.0 if level == 1 else 0.6))
            bf.setLineHeight(145, _PROPORTIONAL)
        elif kind == "question":
            cf.setFontWeight(QFont.Weight.Bold)
            bf.setTextIndent(em * 2)
        elif kind in ("end", "dateline", "jump"):
            cf.setFontPointSize(size * 0.85)
            cf.setForeground(muted)
            if kind != "jump":
                bf.setAlignment(Qt.AlignmentFlag.AlignRight)
        elif kind == "noise":
            cf.setFontPointSize(size * 0.8)
            cf.setFontItalic(True)
            cf.setForeground(muted)
        else:
            bf.setTextIndent(em * 2)
            bf.setAlignment(Qt.AlignmentFlag.AlignJustify)
        if theme and kind not in ("title", "kicker", "byline", "end", "dateline", "jump", "noise"):
            cf.setForeground(QColor(theme.text))
        return bf, cf

    def _insert(
        self, cursor: QTextCursor, block: Block, ai: int, bi: int, em: float, first: bool
    ) -> bool:
        bf, cf = self._formats(block, em)
        if first:
            cursor.setBlockFormat(bf)
            cursor.setBlockCharFormat(cf)
        else:
            cursor.insertBlock(bf, cf)
        self.places.append(Place(cursor.position(), ai, bi, block.first, block.last))
        if block.kind == "paragraph" and block.label:
            bold = QTextCharFormat(cf)
            bold.setFontWeight(QFont.Weight.Bold)
            cursor.insertText(block.text[: block.label], bold)
            cursor.insertText(block.text[block.label :], cf)
        else:
            cursor.insertText(block.text, cf)
        return False

    def _insert_rule(self, cursor: QTextCursor, em: float) -> None:
        bf = QTextBlockFormat()
        bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        bf.setTopMargin(em * 1.5)
        bf.setBottomMargin(em * 0.5)
        cf = QTextCharFormat()
        if self._theme:
            cf.setForeground(QColor(self._theme.muted))
        cursor.insertBlock(bf, cf)
        cursor.insertText("＊　＊　＊", cf)

    def _apply_measure(self) -> None:
        """Centre a column of about `column` characters in the viewport."""
        document = self.document()
        em = QFontMetricsF(document.defaultFont()).horizontalAdvance("国")
        # The root frame's side margins replace the document margin, so keep at least it.
        side = max(MIN_SIDE, (self.viewport().width() - em * self._typo.column) / 2)
        root = document.rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) < 1:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    # -- places ----------------------------------------------------------------------------

    def place_at(self, position: int) -> Place | None:
        if not self.places:
            return None
        k = bisect.bisect_right(self._starts, position) - 1
        return self.places[max(0, k)]

    def current_place(self) -> tuple[int, int]:
        return self._current

    def _top_position(self) -> int:
        return self.cursorForPosition(QPoint(self.viewport().width() // 2, 8)).position()

    def _update_place(self) -> None:
        place = self.place_at(self._top_position())
        if place is None:
            return
        key = (place.article, place.block)
        if key != self._current:
            self._current = key
            self.place_changed.emit(*key)

    def position_of(self, article: int, block: int) -> int | None:
        best = None
        for place in self.places:
            if place.article == article and (place.block == block or best is None):
                best = place.position
                if place.block == block:
                    break
            elif place.article > article:
                break
        return best

    def scroll_to(self, article: int, block: int) -> bool:
        position = self.position_of(article, block)
        if position is None:
            return False
        layout_block = self.document().findBlock(position)
        y = self.document().documentLayout().blockBoundingRect(layout_block).top()
        self.verticalScrollBar().setValue(int(y))
        cursor = QTextCursor(layout_block)
        self.setTextCursor(cursor)
        self._update_place()
        return True

    def jump_article(self, step: int) -> None:
        if self.doc is None or not self.doc.articles:
            return
        article = min(max(self._current[0] + step, 0), len(self.doc.articles) - 1)
        self.scroll_to(article, -1)

    def _on_cursor_moved(self) -> None:
        place = self.place_at(self.textCursor().position())
        if place is not None:
            self.block_selected.emit(place.first, place.last)

    # -- find ------------------------------------------------------------------------------

    def find_all(self, text: str) -> int:
        self._matches = []
        self._match = -1
        document = self.document()
        if text:
            cursor = QTextCursor(document)
            while len(self._matches) < FIND_LIMIT:
                cursor = document.find(text, cursor)
                if cursor.isNull():
                    break
                self._matches.append(QTextCursor(cursor))
        if self._matches:
            self._match = self._first_visible_match()
            self._show_match()
        else:
            self._paint_matches()
            self.find_changed.emit(0, 0)
        return len(self._matches)

    def _first_visible_match(self) -> int:
        top = self._top_position()
        for k, match in enumerate(self._matches):
            if match.selectionStart() >= top:
                return k
        return 0

    def find_step(self, step: int) -> None:
        if not self._matches:
            return
        self._match = (self._match + step) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        self._paint_matches()
        cursor = QTextCursor(self._matches[self._match])
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.find_changed.emit(self._match + 1, len(self._matches))

    def _paint_matches(self) -> None:
        theme = self._theme
        colour = QColor(theme.find if theme else "#ffe98a")
        current = QColor(theme.find_current if theme else "#ffb347")
        selections = []
        for k, match in enumerate(self._matches):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = match
            fmt = QTextCharFormat()
            fmt.setBackground(current if k == self._match else colour)
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def match_count(self) -> int:
        return len(self._matches)
