"""The article body: the reflowed page typeset for reading, with find and scroll-spy."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core import script, words
from reader.core.annotations import Placed
from reader.core.export import CleanText, clean_text
from reader.core.kinds import SPECS, BlockKind
from reader.core.model import Block, Document
from reader.ui.themes import Theme, highlight_colour

_PROPORTIONAL = int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
FIND_SLICE = 262_144  # characters of the page searched at a time for find's count
PAINT_ALL = 2000  # up to this many matches all are drawn; beyond, those near the view
PAINT_MARGIN = 20_000  # characters either side of the view whose matches are drawn
MIN_SIDE = 28.0  # pixels between the text and the window edge
FLASH_MS = 900
REDRAW_LIMIT = 300_000  # characters of a page typeset again when its keywords arrive


@dataclass(slots=True)
class _Look:
    """The formats of a block being set, and what its style reads to fill them."""

    bf: QTextBlockFormat
    cf: QTextCharFormat
    em: float
    size: float
    muted: QColor


def _title(look: _Look, _block: Block) -> None:
    look.cf.setFontPointSize(look.size * 1.65)
    look.cf.setFontWeight(QFont.Weight.Bold)
    look.bf.setTopMargin(look.em * 0.8)
    look.bf.setLineHeight(135, _PROPORTIONAL)


def _kicker(look: _Look, _block: Block) -> None:
    look.cf.setFontPointSize(look.size * 1.05)
    look.cf.setForeground(look.muted)


def _subtitle(look: _Look, _block: Block) -> None:
    look.cf.setFontPointSize(look.size * 1.15)


def _byline(look: _Look, _block: Block) -> None:
    look.cf.setFontPointSize(look.size * 0.95)
    look.cf.setForeground(look.muted)
    look.bf.setBottomMargin(look.em * 1.2)


def _heading(look: _Look, block: Block) -> None:
    depth = block.depth or 1
    look.cf.setFontWeight(QFont.Weight.Bold)
    look.cf.setFontPointSize(look.size * (1.3 if depth == 1 else 1.15 if depth == 2 else 1.03))
    look.bf.setTopMargin(look.em * (1.0 if depth == 1 else 0.6))
    look.bf.setLineHeight(145, _PROPORTIONAL)


def _question(look: _Look, _block: Block) -> None:
    look.cf.setFontWeight(QFont.Weight.Bold)
    look.bf.setTextIndent(look.em * 2)


def _caption(look: _Look, _block: Block) -> None:
    # A photo caption, set under its picture: centred, in italics.
    look.cf.setFontPointSize(look.size * 0.85)
    look.cf.setFontItalic(True)
    look.cf.setForeground(look.muted)
    look.bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    look.bf.setTopMargin(look.em * 0.3)


def _aside(look: _Look, _block: Block) -> None:
    # End matter and datelines: small, to the right.
    _jump(look, _block)
    look.bf.setAlignment(Qt.AlignmentFlag.AlignRight)


def _jump(look: _Look, _block: Block) -> None:
    look.cf.setFontPointSize(look.size * 0.85)
    look.cf.setForeground(look.muted)


def _furniture(look: _Look, _block: Block) -> None:
    look.cf.setFontPointSize(look.size * 0.8)
    look.cf.setFontItalic(True)
    look.cf.setForeground(look.muted)


def _body(look: _Look, _block: Block) -> None:
    look.bf.setTextIndent(look.em * 2)
    look.bf.setAlignment(Qt.AlignmentFlag.AlignJustify)


# The window's look of each style a kind of block names (reader.core.kinds).
STYLES: dict[str, Callable[[_Look, Block], None]] = {
    "title": _title,
    "kicker": _kicker,
    "subtitle": _subtitle,
    "byline": _byline,
    "heading": _heading,
    "question": _question,
    "caption": _caption,
    "aside": _aside,
    "jump": _jump,
    "furniture": _furniture,
    "body": _body,
}
# Styles that set their own colour (muted, or the theme's accent for a title).
_OWN_COLOUR = frozenset(("title", "kicker", "byline", "caption", "aside", "jump", "furniture"))


@dataclass(frozen=True)
class Place:
    """Where a block starts in the rendered text."""

    position: int
    article: int
    block: int  # index in article.blocks; -1 for the headline
    first: int  # source lines
    last: int
    offset: int | None = None  # start in the clean text (None: not part of it)
    length: int = 0
    key: int = -1  # index in article.all_blocks() (-1: not a block of the page)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A highlighted range of the clean text."""

    start: int
    end: int
    colour: str
    id: str


# Highlight pieces of each shown block: index in reading order -> (start, length, colour).
Ranges = dict[int, list[tuple[int, int, str]]]


def highlights_of(placed: Iterable[Placed]) -> list[Highlight]:
    """The anchored annotations as highlights, in drawing order (inner over outer)."""
    out = [
        Highlight(p.anchor.start, p.anchor.end, p.annotation.colour, p.annotation.id)
        for p in placed
        if p.anchor is not None
    ]
    out.sort(key=lambda h: (h.start, -h.end))
    return out


def block_ranges(starts: list[int], lengths: list[int], highlights: list[Highlight]) -> Ranges:
    """Cut highlights (clean-text ranges) into pieces within each block, for blocks at
    clean offsets `starts` with `lengths`; later pieces are drawn over earlier ones.
    Plain Python, so the loader thread can do it before the view needs it."""
    out: Ranges = {}
    for h in highlights:
        k = max(0, bisect.bisect_right(starts, h.start) - 1)
        while k < len(starts):
            offset = starts[k]
            if offset >= h.end:
                break
            lo = max(h.start, offset) - offset
            hi = min(h.end, offset + lengths[k]) - offset
            if hi > lo:
                out.setdefault(k, []).append((lo, hi - lo, h.colour))
            k += 1
    return out


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
    # The current match (1-based, 0 = none), the matches counted, and whether still counting.
    find_changed = Signal(int, int, bool)
    highlight_clicked = Signal(str)  # annotation id
    selection_settled = Signal()  # a selection was made and the mouse let go
    about_to_jump = Signal()  # n / p are about to move the view: the place left is worth keeping

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        # A page is read, not typed into: no blinking caret. The text cursor stays, unseen,
        # so Shift+arrows still select and the Correct keys still find their block.
        self.setCursorWidth(0)
        self.doc: Document | None = None
        self.clean: CleanText | None = None
        self.places: list[Place] = []
        self._clean_places: list[Place] = []
        self._clean_starts: list[int] = []
        self.highlights: list[Highlight] = []
        self.keywords: dict[int, list[str]] = {}  # article -> keywords, shown under its title
        self.terms: words.Terms = ()  # the page's own compound words
        self.corrected: set[int] = set()  # id() of blocks whose text was corrected by hand
        self._flash: QTextCursor | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self._press: QPoint | None = None
        self.menu_position = 0  # where the last context menu was opened
        # Set by the window: tooltip text for a highlight, and extra context-menu entries.
        self.describe: Callable[[str], str] | None = None
        self.extend_menu: Callable[[QMenu, list[str]], None] | None = None
        self._starts: list[int] = []
        self._current: tuple[int, int] = (-1, -1)
        # Find: the start of every match counted so far, the current one, and the page's
        # text while the count goes on.
        self._matches: list[int] = []
        self._match = -1
        self._pattern: re.Pattern[str] | None = None
        self._find_text = ""
        self._find_length = 0
        self._find_from = 0
        self._scanned = 0
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_slice)
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
        # Up and Down scroll the page by a line, as a reader does: with no caret to see,
        # moving an unseen cursor would look like nothing happening.
        if not event.modifiers() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            bar = self.verticalScrollBar()
            step = bar.singleStep() * (1 if event.key() == Qt.Key.Key_Down else -1)
            bar.setValue(bar.value() + step)
            self._keep_cursor_in_view()
            event.accept()
            return
        super().keyPressEvent(event)

    def _keep_cursor_in_view(self) -> None:
        """Bring the unseen text cursor to the top of the view when scrolling left it
        behind, so selecting from the keyboard starts from what is on screen."""
        if self.textCursor().hasSelection():
            return
        if self.viewport().rect().contains(self.cursorRect().center()):
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._top_position())
        self.setTextCursor(cursor)

    # -- rendering -------------------------------------------------------------------------

    def set_style(self, theme: Theme, typo: Typography) -> None:
        self._theme = theme
        self._typo = typo
        self.setStyleSheet(
            f"QTextBrowser {{ background: {theme.base}; color: {theme.text}; border: none; }}"
        )
        if self.doc is not None:
            spot = self.top_spot()
            self.show_document(self.doc, self.clean, self.highlights)
            if spot is not None:
                self.keep_spot(*spot)

    def show_document(
        self,
        doc: Document | None,
        clean: CleanText | None = None,
        highlights: list[Highlight] | None = None,
        ranges: Ranges | None = None,
        keywords: dict[int, list[str]] | None = None,
    ) -> None:
        """Typeset a document. `highlights` must be in drawing order (highlights_of);
        `ranges`, if given, are their pieces as block_ranges() cuts them."""
        if keywords is not None:
            self.keywords = keywords
        elif doc is not self.doc:
            self.keywords = {}
        self.doc = doc
        self.clean = clean if clean is not None or doc is None else clean_text(doc)
        self._count_timer.stop()
        self._matches, self._match, self._pattern = [], -1, None
        self.places, self._starts = [], []
        self._flash = None
        # Typeset apart from the view and handed over whole: built in place, every insert
        # would lay out, move the scroll bar and the cursor, and emit their signals.
        document = QTextDocument(self)
        base = QFont(self._typo.family) if self._typo.family else QFont()
        base.setPointSizeF(self._typo.size)
        document.setDefaultFont(base)
        document.setDocumentMargin(24)
        if doc is None:
            self._adopt(document)
            return
        cursor = QTextCursor(document)
        em = QFontMetricsF(base).horizontalAdvance("国")
        first = True
        for ai, art in enumerate(doc.articles):
            if not first:
                self._insert_rule(cursor, em)
            for hi, block in enumerate(art.head):
                first = self._insert(cursor, block, ai, -1, em, first, hi)
            if self.keywords.get(ai) and not first:
                self._insert_keywords(cursor, ai, self.keywords[ai], em)
            for bi, block in enumerate(art.blocks):
                if not SPECS[block.kind].clean and not self._typo.show_noise:
                    continue
                first = self._insert(cursor, block, ai, bi, em, first, len(art.head) + bi)
        self._starts = [p.position for p in self.places]
        self._clean_places = [p for p in self.places if p.offset is not None]
        self._clean_starts = [p.offset for p in self._clean_places if p.offset is not None]
        self.highlights = highlights or []
        if ranges is None:
            ranges = self._ranges(self.highlights)
        self._draw(document, sorted(ranges), ranges)
        self._apply_measure(document)
        self._adopt(document)
        self._current = (-1, -1)
        self._update_place()

    def _adopt(self, document: QTextDocument) -> None:
        self.setDocument(document)  # the previous one is a child of the view: deleted
        self.setCursorWidth(0)  # kept by the document's layout, so set for each document
        # A page typeset whole is laid out lazily, and the view would follow the growing
        # layout down; it opens at its start.
        self.setTextCursor(QTextCursor(document))
        self.verticalScrollBar().setValue(0)

    def _formats(self, block: Block, em: float) -> tuple[QTextBlockFormat, QTextCharFormat]:
        theme = self._theme
        bf = QTextBlockFormat()
        cf = QTextCharFormat()
        bf.setLineHeight(170, _PROPORTIONAL)
        bf.setBottomMargin(em * 0.5)
        style = SPECS[block.kind].style
        look = _Look(bf, cf, em, self._typo.size, QColor(theme.muted) if theme else QColor("#666"))
        STYLES[style](look, block)
        if theme and style == "title":
            cf.setForeground(QColor(theme.accent))
        elif theme and style not in _OWN_COLOUR:
            cf.setForeground(QColor(theme.text))
        if id(block) in self.corrected:  # a visible mark on text fixed by hand
            cf.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            cf.setUnderlineColor(QColor(theme.accent if theme else "#8a1c1c"))
            cf.setToolTip(self.tr("Text corrected by hand (see Corrections)"))
        return bf, cf

    def _insert(
        self, cursor: QTextCursor, block: Block, ai: int, bi: int, em: float, first: bool, key: int
    ) -> bool:
        bf, cf = self._formats(block, em)
        if first:
            cursor.setBlockFormat(bf)
            cursor.setBlockCharFormat(cf)
        else:
            cursor.insertBlock(bf, cf)
        offset = self.clean.starts.get((ai, key)) if self.clean is not None else None
        self.places.append(
            Place(cursor.position(), ai, bi, block.first, block.last, offset, len(block.text), key)
        )
        if block.kind == BlockKind.PARAGRAPH and block.label:
            bold = QTextCharFormat(cf)
            bold.setFontWeight(QFont.Weight.Bold)
            cursor.insertText(block.text[: block.label], bold)
            cursor.insertText(block.text[block.label :], cf)
        else:
            cursor.insertText(block.text, cf)
        return False

    def _insert_keywords(self, cursor: QTextCursor, ai: int, found: list[str], em: float) -> None:
        """A line of keywords under the headline: shown, but no part of the clean text."""
        bf = QTextBlockFormat()
        bf.setBottomMargin(em * 0.8)
        cf = QTextCharFormat()
        cf.setFontPointSize(self._typo.size * 0.8)
        if self._theme is not None:
            cf.setForeground(QColor(self._theme.muted))
        cursor.insertBlock(bf, cf)
        head = self.places[-1]
        self.places.append(Place(cursor.position(), ai, -1, head.first, head.last, None, 0))
        cursor.insertText("  ".join(f"#{w}" for w in found), cf)

    def set_keywords(self, found: dict[int, list[str]]) -> None:
        """Show each article's keywords under its title (redraws, keeping the place).
        A very long page keeps its keywords for suggestions but is not typeset again."""
        self.keywords = found
        if self.doc is not None and self.clean is not None and len(self.clean.text) < REDRAW_LIMIT:
            top = self.current_place()
            bar = self.verticalScrollBar()
            scroll = bar.value()
            # The text cursor and selection stay where they are in the text (keywords are
            # no part of it), and in view if they were.
            cursor = self.textCursor()
            anchor, position = self.to_clean(cursor.anchor()), self.to_clean(cursor.position())
            seen = self.viewport().rect().contains(self.cursorRect().center())
            self.show_document(self.doc, self.clean, self.highlights)
            if top[0] >= 0:
                self.scroll_to(*top)
            else:
                bar.setValue(scroll)
            a, b = self.to_view(anchor), self.to_view(position)
            if a is not None and b is not None:
                scroll = bar.value()
                cursor = QTextCursor(self.document())
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cursor)
                bar.setValue(scroll)
                if seen:
                    self.ensureCursorVisible()

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

    def _apply_measure(self, document: QTextDocument | None = None) -> None:
        """Centre a column of about `column` characters in the viewport."""
        document = document or self.document()
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
        # Lines wrap anew at another width: the line being read stays at the top.
        spot = self.top_spot() if self.places and event.oldSize().isValid() else None
        super().resizeEvent(event)
        self._apply_measure()
        if spot is not None and event.size().width() != event.oldSize().width():
            self.keep_spot(*spot)

    def em(self) -> float:
        """The width of one Chinese character in the text's font."""
        base = QFont(self._typo.family) if self._typo.family else QFont()
        base.setPointSizeF(self._typo.size)
        return QFontMetricsF(base).horizontalAdvance("国")

    def line_chars(self) -> float:
        """How many characters a line of the text column holds at the view's width now."""
        side = self.document().rootFrame().frameFormat().leftMargin()
        return (self.viewport().width() - 2 * max(MIN_SIDE, side)) / self.em()

    def width_for(self, chars: float) -> float:
        """The view width at which a line of the text column holds `chars` characters."""
        return chars * self.em() + 2 * MIN_SIDE + (self.width() - self.viewport().width())

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
        if len(self._matches) > PAINT_ALL:
            self._paint_matches()  # the matches near what is now on screen
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
        self.about_to_jump.emit()
        self.scroll_to(article, -1)

    def top_spot(self) -> tuple[int, int, int, int] | None:
        """Where the view starts: (article, block key, characters into the block, pixels
        from the top of that character's line to the top of the view); None when no page
        is shown."""
        position = self._top_position()
        place = self.place_at(position)
        if place is None:
            return None
        dy = self.verticalScrollBar().value() - self._line_top(position)
        return place.article, place.key, max(0, position - place.position), dy

    def _line_top(self, position: int) -> int:
        block = self.document().findBlock(position)
        # Laid out first, if it was not yet: a page is laid out lazily once typeset.
        self.document().documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position())
        if line.isValid():
            return int(layout.position().y() + line.y())
        return int(self.document().documentLayout().blockBoundingRect(block).top())

    def show_spot(self, article: int, key: int, offset: int, dy: int = 0) -> bool:
        """Scroll to a place top_spot() gave: the line holding `offset` characters into
        the block (article, key), `dy` pixels from the top of the view; the article's
        start when that block is gone."""
        place = next((p for p in self.places if (p.article, p.key) == (article, key)), None)
        if place is None:
            return self.scroll_to(article, -1)
        position = place.position + min(offset, place.length)
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(self._line_top(position) + dy)
        self._update_place()
        return True

    def keep_spot(self, article: int, key: int, offset: int, dy: int = 0) -> None:
        """After a change of the view (theme, type, width), scroll back to the line that
        top_spot() gave before it, leaving the text cursor and selection alone."""
        place = next((p for p in self.places if (p.article, p.key) == (article, key)), None)
        if place is None:
            return
        position = place.position + min(offset, place.length)
        line = self._line_height(position)
        self.verticalScrollBar().setValue(self._line_top(position) + min(max(0, dy), line - 1))
        self._update_place()

    def _line_height(self, position: int) -> int:
        block = self.document().findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        return max(1, int(line.height())) if line.isValid() else 1

    def _on_cursor_moved(self) -> None:
        place = self.place_at(self.textCursor().position())
        if place is not None:
            self.block_selected.emit(place.first, place.last)

    # -- find ------------------------------------------------------------------------------

    def find_all(self, text: str) -> int:
        """Find every match of `text` (case aside, and script: 国务院 finds 國務院 and the
        reverse): the first slice of the page now, the rest in slices from the event loop,
        so a long page never holds the window up. `find_changed` reports the count as it
        grows, marked as still counting."""
        self._count_timer.stop()
        self._matches = []
        self._match = -1
        self._find_length = len(text)
        self._find_text = ""
        self._scanned = 0
        if not text:
            self._pattern = None
            self._paint_matches()
            self.find_changed.emit(0, 0, False)
            return 0
        # Each character in either of its forms: a match is as long as the query and is
        # marked on the characters the page prints.
        self._pattern = re.compile(script.either(text), re.IGNORECASE)
        self._paint_matches()  # the last query's matches go
        # Positions in the plain text are positions in the document: a block break is one
        # character in both.
        self._find_text = self.document().toPlainText()
        self._find_from = self._top_position()
        self._count_slice()
        return len(self._matches)

    def _count_slice(self) -> None:
        if self._pattern is None:
            return
        text, n = self._find_text, self._find_length
        end = min(len(text), self._scanned + FIND_SLICE)
        first_new = len(self._matches)
        for m in self._pattern.finditer(text, self._scanned, min(len(text), end + n - 1)):
            if m.start() >= end:
                break
            self._matches.append(m.start())
        self._scanned = end
        counting = end < len(text)
        if self._match < 0:
            k = bisect.bisect_left(self._matches, self._find_from, first_new)
            if k < len(self._matches):
                self._match = k  # the first match on screen or after it
            elif not counting and self._matches:
                self._match = 0
            if self._match >= 0:
                self._show_match()
        if counting:
            self._count_timer.start()
        else:
            self._find_text = ""  # the count is done; the copy of the page can go
        self.find_changed.emit(self._match + 1, len(self._matches), counting)

    def counting(self) -> bool:
        """Whether matches are still being counted."""
        return self._count_timer.isActive()

    def find_step(self, step: int) -> None:
        if not self._matches:
            return
        self._match = (max(0, self._match) + step) % len(self._matches)
        self._show_match()
        self.find_changed.emit(self._match + 1, len(self._matches), self.counting())

    def _match_cursor(self, k: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._matches[k])
        cursor.setPosition(self._matches[k] + self._find_length, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _show_match(self) -> None:
        cursor = self._match_cursor(self._match)
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._paint_matches()

    def _painted_matches(self) -> range:
        """The matches drawn: all of them, or on a page with very many, those on screen and
        a margin around it (drawn again as the view scrolls)."""
        if len(self._matches) <= PAINT_ALL:
            return range(len(self._matches))
        top = self._top_position()
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        bottom = self.cursorForPosition(corner).position()
        lo = bisect.bisect_left(self._matches, top - PAINT_MARGIN)
        hi = bisect.bisect_right(self._matches, bottom + PAINT_MARGIN)
        return range(lo, hi)

    def _paint_matches(self) -> None:
        theme = self._theme
        colour = QColor(theme.find if theme else "#ffe98a")
        current = QColor(theme.find_current if theme else "#ffb347")
        selections = []
        for k in self._painted_matches():
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._match_cursor(k)
            fmt = QTextCharFormat()
            fmt.setBackground(current if k == self._match else colour)
            sel.format = fmt
            selections.append(sel)
        if self._flash is not None:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._flash
            fmt = QTextCharFormat()
            fmt.setBackground(current)
            fmt.setForeground(QColor("#000000"))
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def match_count(self) -> int:
        return len(self._matches)

    # -- clean-text offsets ------------------------------------------------------------------

    def to_view(self, offset: int) -> int | None:
        """The view position of a clean-text offset (None if that block is not shown)."""
        k = bisect.bisect_right(self._clean_starts, offset) - 1
        if k < 0:
            return None
        place = self._clean_places[k]
        assert place.offset is not None
        return place.position + min(offset - place.offset, place.length)

    def to_clean(self, position: int) -> int:
        """The clean-text offset of a view position (text outside it snaps to the nearest
        block: page furniture and the rules between articles belong to no clean text)."""
        if not self._clean_places:
            return 0
        k = bisect.bisect_right(self._starts, position) - 1
        place = self.places[max(0, k)]
        if place.offset is not None:
            return place.offset + min(max(0, position - place.position), place.length)
        later = bisect.bisect_right([p.position for p in self._clean_places], position)
        if later < len(self._clean_places):
            return self._clean_places[later].offset or 0
        last = self._clean_places[-1]
        return (last.offset or 0) + last.length

    def selection_range(self) -> tuple[int, int] | None:
        """The selection in clean-text offsets, white space at either end left out."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.clean is None:
            return None
        start = self.to_clean(cursor.selectionStart())
        end = self.to_clean(cursor.selectionEnd())
        text = self.clean.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def selected_text(self) -> str:
        """The selection as clean text: paragraphs whole, blank lines between blocks."""
        span = self.selection_range()
        if span is None or self.clean is None:
            return self.textCursor().selectedText().replace("\u2029", "\n")
        return self.clean.text[span[0] : span[1]]

    def createMimeDataFromSelection(self) -> QMimeData:
        # Ctrl+C and drag copy the clean text, not the typeset blocks.
        mime = QMimeData()
        mime.setText(self.selected_text())
        return mime

    def select_range(self, start: int, end: int) -> None:
        a, b = self.to_view(start), self.to_view(end)
        if a is None or b is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # -- highlights --------------------------------------------------------------------------

    def _ranges(self, highlights: list[Highlight]) -> Ranges:
        lengths = [p.length for p in self._clean_places]
        return block_ranges(self._clean_starts, lengths, highlights)

    def _draw(
        self,
        document: QTextDocument,
        keys: Iterable[int],
        ranges: Ranges,
    ) -> None:
        """Give these blocks their highlight backgrounds. They are layout formats, drawn
        over the text as a syntax highlighter's are, so the text itself is never touched."""
        formats: dict[str, QTextCharFormat] = {}
        # Neighbouring blocks given new formats are laid out again and redrawn in one go,
        # [start, end) in the document; blocks with none, between them, are left as they are.
        run: list[int] = []
        for k in keys:
            place = self._clean_places[k]
            block = document.findBlock(place.position)
            layout = block.layout()
            if layout is None:
                continue
            begin, end = block.position(), block.position() + block.length()
            shift = place.position - begin
            drawn = []
            for start, length, colour in ranges.get(k, ()):
                fmt = formats.get(colour)
                if fmt is None:
                    fmt = formats[colour] = QTextCharFormat()
                    if self._theme is not None:
                        fmt.setBackground(highlight_colour(colour, self._theme))
                piece = QTextLayout.FormatRange()
                piece.start, piece.length, piece.format = shift + start, length, fmt
                drawn.append(piece)
            if drawn or layout.formats():
                if run and run[1] != begin:
                    # Before this block's formats are set: Qt counts every block whose
                    # formats change into the next range it lays out.
                    document.markContentsDirty(run[0], run[1] - run[0])
                    run = []
                layout.setFormats(drawn)
                run = [run[0] if run else begin, end]
        if run:
            document.markContentsDirty(run[0], run[1] - run[0])

    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Draw these highlights (clean-text ranges) as backgrounds, replacing any others."""
        old = self.highlights
        self.highlights = sorted(highlights, key=lambda h: (h.start, -h.end))
        if not old and not self.highlights:
            return
        ranges = self._ranges(self.highlights)
        keys = range(len(self._clean_places)) if old else sorted(ranges)
        self._draw(self.document(), keys, ranges)

    def update_highlights(self, highlights: list[Highlight], start: int, end: int) -> None:
        """Replace the highlights, redrawing only the blocks of clean [start, end)."""
        self.highlights = sorted(highlights, key=lambda h: (h.start, -h.end))
        first = max(0, bisect.bisect_right(self._clean_starts, start) - 1)
        last = max(first, bisect.bisect_left(self._clean_starts, end) - 1)
        lo = self._clean_starts[first] if self._clean_starts else 0
        hi = self._clean_starts[last] + self._clean_places[last].length if self._clean_places else 0
        touching = [h for h in self.highlights if h.start < hi and h.end > lo]
        ranges = {k: v for k, v in self._ranges(touching).items() if first <= k <= last}
        self._draw(self.document(), range(first, last + 1), ranges)

    def background_at(self, position: int) -> QColor | None:
        """The highlight colour drawn at a view position, if any."""
        block = self.document().findBlock(position)
        layout = block.layout()
        colour = None
        if layout is not None:
            at = position - block.position()
            for piece in layout.formats():
                if piece.start <= at < piece.start + piece.length:
                    colour = piece.format.background().color()
        return colour

    def highlights_at(self, position: int) -> list[str]:
        """Ids of the highlights under a view position, innermost first."""
        if not self.highlights or self.clean is None:
            return []
        offset = self.to_clean(position)
        hits = [h for h in self.highlights if h.start <= offset < h.end]
        hits.sort(key=lambda h: h.end - h.start)
        return [h.id for h in hits]

    def flash(self, start: int, end: int) -> None:
        """Show a passage and make it blink once."""
        a, b = self.to_view(start), self.to_view(end)
        if a is None or b is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(b)
        self.setTextCursor(cursor)
        cursor.setPosition(a)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        flash = QTextCursor(self.document())
        flash.setPosition(a)
        flash.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self._flash = flash
        self._paint_matches()
        self._flash_timer.start()
        self._update_place()

    def _end_flash(self) -> None:
        self._flash = None
        self._paint_matches()

    # -- mouse, tooltips and the context menu ----------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            ids = self.highlights_at(self.cursorForPosition(event.pos()).position())
            if ids and self.describe is not None:
                QToolTip.showText(event.globalPos(), self.describe(ids[0]), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            # Dragged selections snap to word edges; Alt keeps them exactly as dragged.
            if press is not None and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.snap_selection()
            self.selection_settled.emit()
            return
        if press is not None and (event.position().toPoint() - press).manhattanLength() < 4:
            ids = self.highlights_at(self.cursorForPosition(press).position())
            if ids:
                self.highlight_clicked.emit(ids[0])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click selects a word as jieba cuts it (once jieba is loaded)."""
        position = self.cursorForPosition(event.position().toPoint()).position()
        span = self._word_span(position)
        if span is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._press = None
        event.accept()

    def _word_span(self, position: int) -> tuple[int, int] | None:
        """The view range of the jieba word at a position, or None."""
        if not words.loaded():
            return None
        place = self.place_at(position)
        if place is None or place.offset is None or self.clean is None:
            return None
        text = self.clean.text[place.offset : place.offset + place.length]
        index = position - place.position
        if not (0 <= index < len(text)) or text[index].isspace():
            return None
        start, end = words.word_at(text, index, self.terms)
        return place.position + start, place.position + end

    def snap_selection(self) -> None:
        """Widen a dragged selection to whole words at both ends."""
        if not words.loaded():
            return
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        anchor, position = cursor.anchor(), cursor.position()
        lo, hi = min(anchor, position), max(anchor, position)
        first, last = self._word_span(lo), self._word_span(max(lo, hi - 1))
        new_lo = first[0] if first else lo
        new_hi = last[1] if last else hi
        if (new_lo, new_hi) == (lo, hi):
            return
        snapped = QTextCursor(self.document())
        if anchor <= position:
            snapped.setPosition(new_lo)
            snapped.setPosition(new_hi, QTextCursor.MoveMode.KeepAnchor)
        else:
            snapped.setPosition(new_hi)
            snapped.setPosition(new_lo, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(snapped)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu_position = self.cursorForPosition(event.pos()).position()
        menu = self.createStandardContextMenu(event.pos())
        if self.extend_menu is not None:
            ids = self.highlights_at(self.cursorForPosition(event.pos()).position())
            self.extend_menu(menu, ids)
        menu.exec(event.globalPos())
        menu.deleteLater()
