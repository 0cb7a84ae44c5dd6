"""The article body: the reflowed page typeset for reading, with find and scroll-spy."""

from __future__ import annotations

import bisect
import itertools
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core import script, words
from reader.core.annotations import Placed
from reader.core.export import CleanText, clean_text
from reader.core.kinds import SPECS, BlockKind
from reader.core.model import Block, Document
from reader.ui.i18n import counted
from reader.ui.themes import Theme, highlight_colour

_PROPORTIONAL = int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
FIND_SLICE = 262_144  # characters of the page searched at a time for find's count
PAINT_ALL = 2000  # up to this many matches all are drawn; beyond, those near the view
PAINT_MARGIN = 20_000  # characters either side of the view whose matches are drawn
PAINT_NEAR = 150  # ... but no more matches than this around the view
MIN_SIDE = 28.0  # pixels between the text and the window edge
FLASH_MS = 900
REDRAW_LIMIT = 300_000  # characters of a page typeset again when its keywords arrive
SLICE_THRESHOLD = 400_000  # characters of a page beyond which it is typeset in slices
# Characters typeset before a long page is shown (its first article whole, and at least
# this): the view lays out all it is handed at once, about 2 µs a character.
FIRST_CHARS = 6_000
# Qt lays a document out no taller than 2**23 pixels (8,388,608): past that, lines are
# laid over each other and cannot be scrolled to. A page is typeset no further than
# this, which leaves room for the larger type of two steps of Ctrl++.
TALLEST = 6_000_000
# A page longer than PARTED_FROM characters of clean text (about 6 MB of Chinese) is
# typeset a part at a time: parts of about PART_CHARS, ending where articles end. Laid
# out, Qt keeps about 50 bytes a character, so a whole 50 MB page would take gigabytes. A
# jump (the outline, n / p, a search hit, an annotation) shows the part it goes into, and
# a link at either end of a part goes on to the next part or back.
PARTED_FROM = 2_000_000
PART_CHARS = 400_000
QT_TALLEST = 8_388_608  # 2**23: past this Qt's layout cannot place a line
SLICE_MS = 20  # the time a slice of typesetting or restyling aims at
RESTYLE_CHARS = 8_000  # at most this many characters laid out again together for colours
RESTYLE_GAP = 1_500  # stale blocks this close are laid out again with those between
_SIZE_ADJUSTMENT = int(QTextFormat.Property.FontSizeAdjustment.value)  # steps from the font
CHUNK_CHARS = 32_000  # characters set in one frame (see _new_block)
_CHUNK_FRAME = QTextFrameFormat()
_GAP = QTextBlockFormat()  # the empty block where two frames meet takes no room
_GAP.setLineHeight(0, int(QTextBlockFormat.LineHeightTypes.FixedHeight.value))


class BlockStyle(NamedTuple):
    """How a block is set, in ems of the text's font, so that a new font sets it anew."""

    line_height: int = 170  # per cent
    top: float = 0.0
    bottom: float = 0.5
    indent: float = 0.0  # of the first line
    align: int = 0  # Qt.AlignmentFlag value; 0: left


@dataclass(slots=True)
class _Look:
    """How a block is being set: its block style, its character format (sizes relative to
    the document's font, no colours) and the role its colour comes from."""

    style: BlockStyle
    cf: QTextCharFormat
    role: str = ""


_RIGHT = int(Qt.AlignmentFlag.AlignRight.value)
_CENTRE = int(Qt.AlignmentFlag.AlignHCenter.value)
_JUSTIFY = int(Qt.AlignmentFlag.AlignJustify.value)
LATIN_SAMPLE = 200  # characters of a block looked at for its script


def _title(look: _Look, _depth: int) -> None:
    look.cf.setProperty(_SIZE_ADJUSTMENT, 2)
    look.cf.setFontWeight(QFont.Weight.Bold)
    look.style, look.role = BlockStyle(135, top=0.8), "accent"


def _kicker(look: _Look, _depth: int) -> None:
    look.role = "muted"


def _subtitle(look: _Look, _depth: int) -> None:
    look.cf.setProperty(_SIZE_ADJUSTMENT, 1)


def _byline(look: _Look, _depth: int) -> None:
    look.style, look.role = BlockStyle(bottom=1.2), "muted"


def _heading(look: _Look, depth: int) -> None:
    look.cf.setFontWeight(QFont.Weight.Bold)
    if depth == 1:
        look.cf.setProperty(_SIZE_ADJUSTMENT, 1)
    look.style = BlockStyle(145, top=1.0 if depth == 1 else 0.6)


def _question(look: _Look, _depth: int) -> None:
    look.cf.setFontWeight(QFont.Weight.Bold)
    look.style = BlockStyle(indent=2.0)


def _caption(look: _Look, _depth: int) -> None:
    # A photo caption, set under its picture: centred, in italics.
    look.cf.setProperty(_SIZE_ADJUSTMENT, -1)
    look.cf.setFontItalic(True)
    look.style, look.role = BlockStyle(top=0.3, align=_CENTRE), "muted"


def _aside(look: _Look, depth: int) -> None:
    # End matter and datelines: small, to the right.
    _jump(look, depth)
    look.style = BlockStyle(align=_RIGHT)


def _jump(look: _Look, _depth: int) -> None:
    look.cf.setProperty(_SIZE_ADJUSTMENT, -1)
    look.role = "muted"


def _furniture(look: _Look, _depth: int) -> None:
    look.cf.setProperty(_SIZE_ADJUSTMENT, -1)
    look.cf.setFontItalic(True)
    look.role = "muted"


def _latin(text: str) -> bool:
    """Whether a block is set in Latin script: more Latin letters than other characters
    among its first LATIN_SAMPLE (Chinese is justified character by character, evenly)."""
    sample = text[:LATIN_SAMPLE]
    letters = sum(1 for c in sample if c.isascii() and c.isalpha())
    return letters * 2 > sum(1 for c in sample if not c.isspace())


def _body(look: _Look, _depth: int) -> None:
    look.style = BlockStyle(indent=2.0, align=_JUSTIFY)


# The window's look of each style a kind of block names (reader.core.kinds): sizes in steps
# from the document's font and margins in ems, so that a new font sets them anew; colours
# by role, from the theme's palette, so that a new theme restyles without a rebuild.
STYLES: dict[str, Callable[[_Look, int], None]] = {
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


# Highlight pieces of each shown block: index in reading order -> (start, length, colour,
# the colour of a highlight hidden under it, "" for none).
Ranges = dict[int, list[tuple[int, int, str, str]]]


def highlights_of(placed: Iterable[Placed]) -> list[Highlight]:
    """The anchored annotations as highlights, in drawing order (inner over outer)."""
    out = [
        Highlight(p.anchor.start, p.anchor.end, p.annotation.colour, p.annotation.id)
        for p in placed
        if p.anchor is not None
    ]
    out.sort(key=lambda h: (h.start, -h.end))
    return out


def block_ranges(
    starts: Sequence[int], lengths: Sequence[int], highlights: list[Highlight]
) -> Ranges:
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
                out.setdefault(k, []).append((lo, hi - lo, h.colour, ""))
            k += 1
    for pieces in out.values():
        if len(pieces) > 1:
            pieces += _hidden(pieces)
    return out


def split_parts(articles: list[int], lengths: Sequence[int], size: int, whole: int) -> list[int]:
    """The first article of each part of a page typeset a part at a time, for clean
    blocks of these articles and lengths in reading order: parts of `size` characters or
    more, each ending where an article ends, the last at least half that (a shorter tail
    goes with the part before). A page of no more than `whole` characters is one part."""
    if sum(lengths) <= whole:
        return [0]
    parts, chars, last = [0], 0, 0
    for article, length in zip(articles, lengths, strict=True):
        if article != last and chars >= size:
            parts.append(article)
            chars = 0
        last = article
        chars += length
    if len(parts) > 1 and chars < size // 2:
        parts.pop()
    return parts


def _hidden(pieces: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Pieces that show the highlights wholly under later ones in a block (one drawn
    inside a longer one, both covered by two others) as a dashed underline in their
    colour under the colour drawn over them: no highlight is hidden without a sign. Where
    several are hidden under the same text, one underline shows, the outermost's."""
    top: dict[int, int] = {}  # character -> the piece drawn over it
    for n, (start, length, _colour, _under) in enumerate(pieces):
        top.update(dict.fromkeys(range(start, start + length), n))
    shown = set(top.values())
    underlined: set[int] = set()
    extra: list[tuple[int, int, str, str]] = []
    for n, (start, length, colour, _under) in enumerate(pieces):
        if n in shown:
            continue
        # One piece for each run of characters under the same highlight and not yet
        # underlined.
        free = [at for at in range(start, start + length) if at not in underlined]
        underlined.update(free)
        for _key, run in itertools.groupby(
            enumerate(free), key=lambda item: (item[1] - item[0], top[item[1]])
        ):
            chars = [at for _k, at in run]
            extra.append((chars[0], len(chars), pieces[top[chars[0]]][2], colour))
    return extra


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
    typeset_progress = Signal(int, int)  # characters of a long page typeset, of all
    typeset_done = Signal(bool)  # a long page typeset to its end (False: cancelled or left)
    # A page taller than the view can lay out (TALLEST), typeset as far as this article
    # (counted from 1), of all of them.
    too_tall = Signal(int, int)
    # A long page typeset a part at a time (PART_CHARS): the part shown (counted from 1),
    # of how many, and its first and last articles (counted from 1).
    part_shown = Signal(int, int, int, int)
    # Laid out again in a larger type, the page is taller than Qt can lay out: its end
    # cannot be reached until the type is made smaller.
    type_too_large = Signal()
    about_to_jump = Signal()  # n / p are about to move the view: the place left is worth keeping
    no_further = Signal(int)  # n / p pressed at the last (1) or the first (-1) article

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse  # the links between parts
        )
        self.anchorClicked.connect(self._on_link)
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
        # Where the keyword lines start and end in the view: shown, never found by find.
        self._keyword_lines: list[int] = []
        self._link_lines: list[int] = []  # ... and the links between parts (in_link)
        self.terms: words.Terms = ()  # the page's own compound words
        self.corrected: set[int] = set()  # id() of blocks whose text was corrected by hand
        self._flash: QTextCursor | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self._press: QPoint | None = None
        self._press_link = False
        self.menu_position = 0  # where the last context menu was opened
        # Set by the window: tooltip text for a highlight, and extra context-menu entries.
        self.describe: Callable[[str], str] | None = None
        self.extend_menu: Callable[[QMenu, list[str]], None] | None = None
        self._starts: list[int] = []
        self._current: tuple[int, int] = (-1, -1)
        self._reading: tuple[int, int] = (-1, -1)
        self._pinned: tuple[int, Place] | None = None  # scroll value, block gone to
        # Find: the start and end of every match counted so far, the current one, and the
        # page's text while the count goes on.
        self._matches: list[int] = []
        self._match_ends: list[int] = []
        self._match = -1
        self._pattern: re.Pattern[str] | None = None
        self._find_text = ""
        self._find_length = 0
        self._find_from = 0
        self._next_find_from: int | None = None  # (find_from)
        self._next_find_clean: int | None = None  # (find_from_article: a clean offset)
        self._scanned = 0
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_slice)
        self._count_waits = False  # counted to the end of a page still being typeset
        self._theme: Theme | None = None
        self._typo = Typography("", 16.0, 38)
        # What each typeset block is: its style (by block number), the role its colour
        # comes from, and for the clean text's blocks their block numbers and back.
        self._styles: list[BlockStyle] = []
        self._numbers: list[int] = []  # the block number of each of _styles
        self._chunk = 0  # characters in the frame being filled
        self._roles: dict[int, str] = {}
        self._clean_blocks: list[int] = []
        self._clean_index: dict[int, int] = {}
        self._char_formats: dict[tuple, tuple[BlockStyle, QTextCharFormat, str]] = {}
        self._block_formats: dict[BlockStyle, QTextBlockFormat] = {}
        self._role_formats: dict[tuple[str, str], QTextCharFormat] = {}
        self._highlight_formats: dict[tuple[str, str, str], QTextCharFormat] = {}
        # Highlight pieces of every clean block of the page, and where those blocks are.
        self._page_ranges: Ranges = {}
        self._all_starts: Sequence[int] = []
        self._all_lengths: Sequence[int] = []
        # A long page typeset in slices.
        self.slice_threshold = SLICE_THRESHOLD
        self._typesetter: Iterator[None] | None = None
        self._typeset_cursor: QTextCursor | None = None
        self._typeset_total = 1
        self._typeset_done_chars = 0
        self.cut_at: int | None = None  # typeset to this article only: the page is too tall
        # A long page typeset a part at a time: the first article of each part, the part
        # shown, and how many clean blocks come before it (the part's first clean block's
        # index among the page's: _page_ranges and _all_starts count the whole page).
        self._parts: list[int] = [0]
        self._part = 0
        self._clean_articles: list[int] = []  # the article of each clean block of the page
        self._clean_base = 0
        self._clean_stop = 0  # ... and of the first after the part
        self._part_cut_short = False  # its typesetting cancelled before its end
        # Characters of the page's clean blocks before the part, and of all of them.
        self._chars_before = self._chars_total = 0
        self._slice_budget = SLICE_MS / 3000
        self._pending_view: tuple | None = None  # a jump asked for beyond what is typeset
        self._slice_timer = QTimer(self)
        self._slice_timer.setSingleShot(True)
        self._slice_timer.setInterval(1)
        self._slice_timer.timeout.connect(self._typeset_slice)
        # Blocks whose colours wait for a new theme, and the order they get them in.
        self._stale: set[int] = set()
        self._stale_order: list[int] = []
        # A new font laid out from the start of the page: the next block (index in
        # _numbers; -1: none), the spot to show once laid out, and a slice's size.
        self._relayout_at = -1
        self._relayout_spot: tuple[int, int, int, int] | None = None
        self._relayout_chars = 8_000
        self._spot_place: tuple[tuple[int, int, int, int], Place | None] | None = None
        self._adopting = False  # a new document being handed to the view
        # The spot kept through a resize, until the event loop is back: the window may
        # resize the view several times in one step (panels giving way and coming back),
        # and between those the page is only partly laid out at the width of the moment.
        self._resize_spot: tuple[int, int, int, int] | None = None
        self._resize_settled = QTimer(self)
        self._resize_settled.setSingleShot(True)
        self._resize_settled.setInterval(0)
        self._resize_settled.timeout.connect(self._forget_resize_spot)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(1)
        self._relayout_timer.timeout.connect(self._relayout_slice)
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(1)
        self._restyle_timer.timeout.connect(self._restyle_slice)
        self._spy = QTimer(self)
        self._spy.setSingleShot(True)
        self._spy.setInterval(30)
        self._spy.timeout.connect(self._update_place)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._spy.start())
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape lets go of a selection: with one, the annotating keys (H, T, N) act on it.
        if event.key() == Qt.Key.Key_Escape and self.textCursor().hasSelection():
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
            event.accept()
            return
        # n / p move between articles, as in a feed reader.
        if not event.modifiers() and event.key() in (Qt.Key.Key_N, Qt.Key.Key_P):
            self.jump_article(1 if event.key() == Qt.Key.Key_N else -1)
            return
        # At a part's foot (of a page shown a part at a time), the keys that read on go
        # on to the next part; at its top, the keys that read back go to the one before.
        if not event.modifiers() and self._crosses_part(event.key()):
            event.accept()
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
        # Home and End go to the page's top and foot, as in a browser: with no caret there
        # is no line to go to the start or end of.
        if not event.modifiers() and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End):
            bar = self.verticalScrollBar()
            bar.setValue(bar.minimum() if event.key() == Qt.Key.Key_Home else bar.maximum())
            self._keep_cursor_in_view()
            event.accept()
            return
        super().keyPressEvent(event)

    def _crosses_part(self, key: int) -> bool:
        """Go on to the next part (or back to the one before) for a key that reads on
        past the part's foot (or back past its top); whether it did."""
        if len(self._parts) < 2 or self._typesetter is not None:
            return False
        bar = self.verticalScrollBar()
        on = (Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down)
        back = (Qt.Key.Key_PageUp, Qt.Key.Key_Up)
        if key in on and bar.value() >= bar.maximum() and self._part + 1 < len(self._parts):
            self._on_link(QUrl(f"#part-{self._part + 1}"))
            return True
        if key in back and bar.value() <= bar.minimum() and self._part > 0:
            self._on_link(QUrl(f"#part-{self._part - 1}"))
            return True
        return False

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
        """Restyle what is shown: a theme is the view's palette and the colours drawn over
        the text; a font is the document's default font, every size and margin set
        relative to it. Only a change of what is shown (page furniture) typesets again."""
        old_theme, old_typo = self._theme, self._typo
        self._theme = theme
        self._typo = typo
        self.setStyleSheet(
            f"QTextBrowser {{ background: {theme.base}; color: {theme.text}; border: none; }}"
        )
        if self.doc is None:
            return
        if typo.show_noise != old_typo.show_noise:
            spot = self.top_spot()
            self.show_document(self.doc, self.clean, self.highlights)
            if spot is not None and self._typesetter is not None:
                self._pending_view = ("spot", *spot)  # once typeset that far
                self._apply_pending_view()
            elif spot is not None:
                self.keep_spot(*spot)
            return
        if (typo.family, typo.size) != (old_typo.family, old_typo.size):
            self._restyle_type()
        elif typo.column != old_typo.column:
            spot = self.top_spot()
            self._apply_measure()
            if spot is not None:
                self.keep_spot(*spot)
        if old_theme is None or theme.name != old_theme.name:
            self._restyle_colours()

    def _base_font(self) -> QFont:
        base = QFont(self._typo.family) if self._typo.family else QFont()
        base.setPointSizeF(self._typo.size)
        return base

    def show_document(
        self,
        doc: Document | None,
        clean: CleanText | None = None,
        highlights: list[Highlight] | None = None,
        ranges: Ranges | None = None,
        keywords: dict[int, list[str]] | None = None,
        part: int | None = None,
        around: int | None = None,
    ) -> None:
        """Typeset a document. `highlights` must be in drawing order (highlights_of);
        `ranges`, if given, are their pieces as block_ranges() cuts them. A page longer
        than `slice_threshold` characters shows its first article at once and is typeset
        on in slices from the event loop (`typeset_progress`, `typeset_done`). A page
        longer than PARTED_FROM is typeset a part at a time: `part`, or the part holding
        the article `around` (of `doc`: a corrected page numbers its articles anew), or
        the one being read when the same page is shown again, or its first."""
        if keywords is not None:
            self.keywords = keywords
        elif doc is not self.doc:
            self.keywords = {}
        again = doc is not None and self.doc is not None and doc.source.path == self.doc.source.path
        reading = self._reading[0] if again and self.places else 0
        # Another part of the page shown: what was worked out for the whole page holds.
        same = doc is self.doc and clean is not None and clean is self.clean
        if self._typesetter is not None:
            # A long page left before it was typeset to its end: said as a stop, so that
            # what waits for its end (jieba, the progress bar) does not wait forever.
            self._stop_typesetting()
            self.typeset_done.emit(False)
        self._stop_restyle()
        self._stop_relayout()
        self.doc = doc
        self.clean = clean if clean is not None or doc is None else clean_text(doc)
        # Another part of a page shown a part at a time keeps what find found: its
        # matches are places in the page's clean text.
        keep_find = same and len(self._parts) > 1
        if not keep_find:
            self._count_timer.stop()
            self._count_waits = False
            self._matches, self._match_ends, self._match, self._pattern = [], [], -1, None
        self.places, self._starts, self._keyword_lines = [], [], []
        self._link_lines = []
        self._part_cut_short = False
        self._clean_places, self._clean_starts, self._clean_blocks = [], [], []
        self._styles, self._numbers, self._roles, self._clean_index = [], [], {}, {}
        self._char_formats = {}
        self._flash = None
        self._pending_view = None
        self.cut_at = None
        self.highlights = highlights or []
        # Typeset apart from the view and handed over whole (or its first article): built
        # in place, every insert would lay out, move the scroll bar and the cursor, and emit
        # their signals.
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)  # nobody types here; undo would keep a copy
        document.setDefaultFont(self._base_font())
        document.setDocumentMargin(24)
        if doc is None or self.clean is None:
            self._parts, self._part, self._clean_articles = [0], 0, []
            self._clean_base = self._clean_stop = 0
            self._adopt(document)
            return
        if not same or not self._clean_articles:
            self._all_starts = self.clean.starts.offsets()
            self._all_lengths = self.clean.lengths
            self._clean_articles = [ai for ai, _k in self.clean.starts]
            self._parts = split_parts(
                self._clean_articles, self._all_lengths, PART_CHARS, PARTED_FROM
            )
            self._chars_total = sum(self._all_lengths)
        self._page_ranges = ranges if ranges is not None else self._ranges(self.highlights)
        if part is None:
            part = self._part_of(around if around is not None else max(0, reading))
        self._part = min(max(0, part), len(self._parts) - 1)
        first, end = self._part_articles(self._part)
        articles = self._clean_articles
        self._clean_base = bisect.bisect_left(articles, first)
        self._clean_stop = bisect.bisect_left(articles, end)
        self._typeset_total = sum(self._all_lengths[self._clean_base : self._clean_stop]) or 1
        self._chars_before = sum(self._all_lengths[: self._clean_base])  # (page_fraction)
        self._typeset_done_chars = 0
        self._typeset_cursor = QTextCursor(document)
        self._typesetter = self._typeset(doc, self._typeset_cursor)
        sliced = self._typeset_total > self.slice_threshold
        for _ in self._typesetter:
            if sliced and self._first_shown(doc):
                break
        else:
            self._typesetter = None
        self._apply_measure(document)
        self._adopt(document)
        self._current = self._reading = (-1, -1)
        self._pinned = None
        self._update_place()
        if self._typesetter is not None:
            self._slice_timer.start()
            self.typeset_progress.emit(self._typeset_done_chars, self._typeset_total)
        if keep_find and self._pattern is not None:
            self._paint_matches()
        self.part_shown.emit(self._part + 1, len(self._parts), first + 1, end)

    def _part_articles(self, part: int) -> tuple[int, int]:
        """The articles [first, end) of a part of the page."""
        if part + 1 < len(self._parts):
            return self._parts[part], self._parts[part + 1]
        return self._parts[part], len(self.doc.articles) if self.doc is not None else 0

    def _part_of(self, article: int) -> int:
        return max(0, bisect.bisect_right(self._parts, article) - 1)

    def _shows_article(self, article: int) -> bool:
        """Whether the article is in the part of the page typeset (or being typeset); not
        past where the part's typesetting was cancelled (gone to, the part is shown anew)."""
        first, end = self._part_articles(self._part)
        if self._part_cut_short and self.places and article > self.places[-1].article:
            return False
        return first <= article < end

    def _elsewhere(self, article: int) -> bool:
        """Whether the article is one of the page's in another part than the one shown."""
        count = len(self.doc.articles) if self.doc is not None else 0
        return 0 <= article < count and not self._shows_article(article)

    def _show_part(self, part: int, pending: tuple | None = None) -> None:
        """Typeset another part of a long page and go where `pending` says in it (as
        _pending_view says), at once or as soon as it is typeset that far."""
        self.show_document(self.doc, self.clean, self.highlights, self._page_ranges, part=part)
        self._pending_view = pending
        self._apply_pending_view()

    def _bring(self, start: int, end: int) -> int:
        """Show the part of a long page that holds the clean-text offset `start`, if it
        is not shown; `end` cut to the end of that part (a passage running on into the
        next part is shown as far as this one goes)."""
        if len(self._parts) < 2 or self.doc is None or not self._clean_articles:
            return end
        k = min(max(0, bisect.bisect_right(self._all_starts, start) - 1), len(self._all_starts) - 1)
        article = self._clean_articles[k]
        if not self._shows_article(article):
            self._show_part(self._part_of(article))
        last = self._clean_stop - 1
        return min(end, self._all_starts[last] + self._all_lengths[last]) if last >= 0 else end

    def part_shown_of(self) -> tuple[int, int] | None:
        """The part shown (from 1) and how many, for a page shown a part at a time."""
        return (self._part + 1, len(self._parts)) if len(self._parts) > 1 else None

    def page_fraction(self, within: float) -> float:
        """How far through the page (0 to 1) a place `within` (0 to 1) of the way through
        the part shown is, counted in characters of the clean text."""
        if len(self._parts) < 2 or not self._chars_total:
            return within
        return (self._chars_before + within * self._typeset_total) / self._chars_total

    def _on_link(self, url: QUrl) -> None:
        """The link at either end of a part: the next part from its start, or the one
        before at its foot."""
        fragment = url.fragment()
        if not fragment.startswith("part-") or self.doc is None:
            return
        part = int(fragment.removeprefix("part-"))
        if not 0 <= part < len(self._parts) or part == self._part:
            return
        self.about_to_jump.emit()
        if part > self._part:
            self._show_part(part, ("block", self._parts[part], -1))
        else:  # its foot, where one reading upwards goes on from, once typeset
            self._show_part(part, ("foot",))

    def _insert_part_link(self, cursor: QTextCursor, part: int) -> None:
        """A line that goes to another part of a long page when clicked: no part of the
        clean text, and no place of the page."""
        first, end = self._part_articles(part)
        total = len(self.doc.articles) if self.doc is not None else 0
        text = counted(
            self.tr("▲ Back to articles %1–%2 of %3 (part %4 of %5)")
            if part < self._part
            else self.tr("▼ On to articles %1–%2 of %3 (part %4 of %5)"),
            *(first + 1, end, total, part + 1, len(self._parts)),
        )
        cf = QTextCharFormat()
        cf.setAnchor(True)
        cf.setAnchorHref(f"#part-{part}")
        cf.setFontUnderline(True)
        style = BlockStyle(top=1.5, bottom=1.5, align=int(Qt.AlignmentFlag.AlignHCenter.value))
        number = self._new_block(cursor, style, cf, "accent", len(text))
        self._link_lines += [cursor.position(), cursor.position() + len(text)]
        cursor.insertText(text, cf)
        self._paint_block(cursor.block(), number)

    def retranslate(self) -> None:
        """The links between the parts of a long page in the interface's language: the
        part shown is set anew, the line read kept."""
        if len(self._parts) < 2 or self.doc is None:
            return
        spot = self.top_spot()
        start = ("block", self._parts[self._part], -1)
        self._show_part(self._part, ("spot", *spot) if spot is not None else start)

    def in_link(self, position: int) -> bool:
        """Whether a view position is on a link to another part (no block of the page:
        nothing there to correct, though the view reads it as the block nearest)."""
        return bisect.bisect_right(self._link_lines, position) % 2 == 1

    def _first_shown(self, doc: Document) -> bool:
        """Whether enough is typeset to open a long page on: its first article whole, and
        a screenful or more."""
        first, end = self._part_articles(self._part)
        return (
            bool(self.places)
            and (self.places[-1].article > first or end - first == 1)
            and self._typeset_done_chars >= FIRST_CHARS
        ) or self._typeset_done_chars >= 4 * FIRST_CHARS

    def _typeset(self, doc: Document, cursor: QTextCursor) -> Iterator[None]:
        """Insert the part of the page shown block by block, yielding after each; a link
        to the part before and the part after at either end, where there are."""
        first, end = self._part_articles(self._part)
        if self._part > 0:
            self._insert_part_link(cursor, self._part - 1)
        linked = len(self._numbers)
        for ai in range(first, end):
            art = doc.articles[ai]
            if len(self._numbers) > linked:
                self._insert_rule(cursor)
                yield
            for hi, block in enumerate(art.head):
                self._insert(cursor, block, ai, -1, hi)
                yield
            lead = art.head[-1] if art.head else next(filter(self._shows, art.blocks), None)
            if self.keywords.get(ai) and lead is not None:
                self._insert_keywords(cursor, ai, self.keywords[ai], lead)
            for bi, block in enumerate(art.blocks):
                if not self._shows(block):
                    continue
                self._insert(cursor, block, ai, bi, len(art.head) + bi)
                yield
        if self._part + 1 < len(self._parts):
            self._insert_part_link(cursor, self._part + 1)

    def _shows(self, block: Block) -> bool:
        """Whether the block is typeset: page furniture only where it is asked for."""
        return SPECS[block.kind].clean or self._typo.show_noise

    def _typeset_slice(self, now: bool = False) -> None:
        """Typeset the next slice of a long page and lay it out, within about SLICE_MS.
        While the page is laid out again in a new font this waits for that (what is
        added is laid out at once, and so would everything before it), unless `now`."""
        if self._typesetter is None:
            return
        if self._relayout_at >= 0:
            if not now:
                return  # _relayout_slice starts it again when done
            while self._relayout_at >= 0:
                self._relayout_slice()
        started = time.perf_counter()
        cursor = self._typeset_cursor
        assert cursor is not None
        cursor.beginEditBlock()
        finished = True
        for n, _ in enumerate(self._typesetter):
            if n % 16 == 15 and time.perf_counter() - started > self._slice_budget:
                finished = False
                break
        cursor.endEditBlock()
        document = self.document()
        # Laid out now, in this slice, so Qt's own lazy layout never takes a long step.
        layout = document.documentLayout()
        layout.blockBoundingRect(document.lastBlock())
        # Qt tells the view a document's new size only after a large change; the scroll
        # bar must reach what each slice added.
        layout.documentSizeChanged.emit(layout.documentSize())
        if not finished and layout.documentSize().height() > TALLEST and self.doc is not None:
            # What is typeset stays; the rest could not be shown (export has all of it).
            self.typeset_progress.emit(self._typeset_done_chars, self._typeset_total)
            self.cancel_typesetting()
            self.cut_at = self.places[-1].article + 1
            self._say_cut()
            return
        took = time.perf_counter() - started
        # Keep the whole slice near SLICE_MS: typesetting is about a third of it.
        budget = self._slice_budget * SLICE_MS / 1000 / took
        self._slice_budget = min(SLICE_MS / 2000, max(0.002, budget))
        if finished:
            self._typesetter = None
        self._apply_pending_view()
        self.typeset_progress.emit(self._typeset_done_chars, self._typeset_total)
        if finished:
            self.typeset_done.emit(True)
            self._resume_count()
            if self._pattern is not None and self._finds_clean():
                self._paint_matches()  # those in what was typeset since
        else:
            self._slice_timer.start()

    def typesetting(self) -> bool:
        """Whether a long page is still being typeset."""
        return self._typesetter is not None

    def cancel_typesetting(self) -> None:
        """Stop typesetting a long page: what is shown stays."""
        if self._typesetter is not None:
            self._part_cut_short = len(self._parts) > 1
            self._stop_typesetting()
            self.typeset_done.emit(False)
            self._resume_count()

    def finish_typesetting(self) -> None:
        """Typeset the rest of the page now (for a jump into it)."""
        while self._typesetter is not None:
            self._typeset_slice(now=True)
        self._slice_timer.stop()

    def _stop_typesetting(self) -> None:
        self._slice_timer.stop()
        self._typesetter = None
        self._pending_view = None

    def _apply_pending_view(self) -> None:
        """Go where the reader asked to go before that part of the page was typeset."""
        pending = self._pending_view
        if pending is None:
            return
        if pending[0] == "block":
            if self._typesetter is not None and self._typeset_through(pending[1]):
                return
            self._pending_view = None
            self.scroll_to(pending[1], pending[2])
        elif pending[0] == "foot":
            if self._typesetter is not None:
                return
            self._pending_view = None
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())
            self._update_place()
        elif pending[0] == "flash":
            if self._typesetter is not None and not self._typeset_past(pending[2]):
                return
            self._pending_view = None
            self.flash(pending[1], pending[2])
        elif pending[0] == "match":
            k = pending[1]
            if k == self._match and k < len(self._matches):
                if self._typesetter is not None and not self._typeset_past(self._match_ends[k]):
                    return
                self._pending_view = None
                self._show_match()
            else:
                self._pending_view = None  # another match was gone to meanwhile
        else:
            article, key, offset, dy = pending[1:]
            found = any((p.article, p.key) == (article, key) for p in self.places)
            if not found and self._typesetter:
                return
            self._pending_view = None
            self.show_spot(article, key, offset, dy)

    def _typeset_past(self, offset: int) -> bool:
        """Whether the clean text is typeset as far as this offset."""
        if not self._clean_places:
            return False
        last = self._clean_places[-1]
        return (last.offset or 0) + last.length >= offset

    def _typeset_through(self, article: int) -> bool:
        """Whether typesetting has yet to finish this article."""
        return not self.places or self.places[-1].article <= article

    def _typeset_to(self, offset: int) -> None:
        """Typeset at least to the clean block holding `offset` (a jump into the page)."""
        need = bisect.bisect_right(self._all_starts, offset) - self._clean_base
        while self._typesetter is not None and len(self._clean_places) < need:
            self._typeset_slice(now=True)

    def _say_cut(self) -> None:
        """For a place asked for past the part shown of a page too tall to lay out
        whole: how far it is shown, said again."""
        if self.cut_at is not None and self.doc is not None:
            self.too_tall.emit(self.cut_at, len(self.doc.articles))

    def _adopt(self, document: QTextDocument) -> None:
        # A new page opens at its start: no line to keep in place when the scroll bar
        # comes or goes (see resizeEvent).
        self._resize_spot = None
        self._adopting = True
        previous = self.document()
        # The selections painted over the page (matches, the blink of a passage gone
        # to) hold cursors into it: let go of while it is there, since the next paint
        # would read them after it is deleted, and crash.
        self._flash_timer.stop()
        self._flash = None
        self.setExtraSelections([])
        try:
            self.setDocument(document)
        finally:
            self._adopting = False
        # The view deletes the document it held only at times (as it is laid out): each
        # page opened could keep its whole typeset text, 300 MB a 7 MB page.
        if (
            previous is not None
            and previous is not document
            and shiboken6.isValid(previous)
            and previous.parent() is self
        ):
            previous.deleteLater()
        self.setCursorWidth(0)  # kept by the document's layout, so set for each document
        # A page typeset whole is laid out lazily, and the view would follow the growing
        # layout down; it opens at its start.
        self.setTextCursor(QTextCursor(document))
        self.verticalScrollBar().setValue(0)

    def _style_of(self, block: Block) -> tuple[BlockStyle, QTextCharFormat, str]:
        """How a block is set: its block style, its character format (sizes relative to
        the document's font, no colours) and the role its colour comes from."""
        style = SPECS[block.kind].style
        depth = (block.depth or 1) if style == "heading" else 0
        key = (style, depth, id(block) in self.corrected)
        cached = self._char_formats.get(key)
        if cached is not None:
            return cached
        look = _Look(BlockStyle(), QTextCharFormat())
        STYLES[style](look, depth)
        cf, role = look.cf, look.role
        if key[2]:  # a visible mark on text fixed by hand
            cf.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            cf.setToolTip(self.tr("Text corrected by hand (see Corrections)"))
            role += "+corrected"
        result = self._char_formats[key] = (look.style, cf, role)
        return result

    def _block_format(self, style: BlockStyle) -> QTextBlockFormat:
        bf = self._block_formats.get(style)
        if bf is None:
            em = self.em()
            bf = self._block_formats[style] = QTextBlockFormat()
            bf.setLineHeight(style.line_height, _PROPORTIONAL)
            bf.setTopMargin(em * style.top)
            bf.setBottomMargin(em * style.bottom)
            bf.setTextIndent(em * style.indent)
            if style.align:
                bf.setAlignment(Qt.AlignmentFlag(style.align))
        return bf

    def _new_block(
        self, cursor: QTextCursor, style: BlockStyle, cf: QTextCharFormat, role: str, size: int
    ) -> int:
        """Start a block; its number. The page is set in frames of about CHUNK_CHARS, so
        that laying out one block again moves the frames after it, not every line: a new
        frame starts only before a block with no top margin, so the space between blocks
        is as it would be in one flow (Qt collapses margins within a frame only)."""
        bf = self._block_format(style)
        if self._numbers and (self._chunk < CHUNK_CHARS or style.top):
            cursor.insertBlock(bf, cf)
            self._chunk += size
        else:
            # Frames meet at an empty block of the root frame, set to take no room.
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.setBlockFormat(_GAP)
            cursor.insertFrame(_CHUNK_FRAME)
            cursor.setBlockFormat(bf)
            cursor.setBlockCharFormat(cf)
            self._chunk = size
        number = cursor.blockNumber()
        self._numbers.append(number)
        self._styles.append(style)
        if role:
            self._roles[number] = role
        return number

    def _insert(self, cursor: QTextCursor, block: Block, ai: int, bi: int, key: int) -> None:
        style, cf, role = self._style_of(block)
        if style.align == _JUSTIFY and _latin(block.text):
            # Words justified in a reading column leave gaps wider than words: set ragged.
            style = style._replace(align=0)
        number = self._new_block(cursor, style, cf, role, len(block.text))
        offset = self.clean.starts.get((ai, key)) if self.clean is not None else None
        place = Place(
            cursor.position(), ai, bi, block.first, block.last, offset, len(block.text), key
        )
        self.places.append(place)
        self._starts.append(place.position)
        if offset is not None:
            self._clean_places.append(place)
            self._clean_starts.append(offset)
            self._clean_blocks.append(number)
            self._clean_index[number] = len(self._clean_places) - 1
            self._typeset_done_chars += place.length
        if block.kind == BlockKind.PARAGRAPH and block.label:
            bold = QTextCharFormat(cf)
            bold.setFontWeight(QFont.Weight.Bold)
            cursor.insertText(block.text[: block.label], bold)
            cursor.insertText(block.text[block.label :], cf)
        else:
            cursor.insertText(block.text, cf)
        shown = self._clean_base + len(self._clean_places) - 1  # among the page's clean blocks
        if role or (offset is not None and shown in self._page_ranges):
            self._paint_block(cursor.block(), number)

    def _insert_keywords(self, cursor: QTextCursor, ai: int, found: list[str], lead: Block) -> None:
        """A line of keywords under the headline (over the text of an article without
        one): shown, but no part of the clean text. It stands for the lines of `lead`, the
        headline's last line or the first block shown."""
        cf = QTextCharFormat()
        cf.setProperty(_SIZE_ADJUSTMENT, -1)
        # Not written #思想 #政治 as tags are: a reader took them for tags of their own.
        text = " · ".join(found)
        number = self._new_block(cursor, BlockStyle(bottom=0.8), cf, "muted", len(text))
        self.places.append(Place(cursor.position(), ai, -1, lead.first, lead.last, None, 0))
        self._starts.append(cursor.position())
        self._keyword_lines += [cursor.position(), cursor.position() + len(text)]
        cursor.insertText(text, cf)
        self._paint_block(cursor.block(), number)

    def set_keywords(self, found: dict[int, list[str]]) -> None:
        """Show each article's keywords under its title (redraws, keeping the place).
        A very long page keeps its keywords for suggestions but is not typeset again."""
        self.keywords = found
        if self.doc is not None and self.clean is not None and len(self.clean.text) < REDRAW_LIMIT:
            spot = self.top_spot()
            bar = self.verticalScrollBar()
            scroll = bar.value()
            # The text cursor and selection stay where they are in the text (keywords are
            # no part of it), and in view if they were.
            cursor = self.textCursor()
            anchor, position = self.to_clean(cursor.anchor()), self.to_clean(cursor.position())
            seen = self.viewport().rect().contains(self.cursorRect().center())
            y = self.screen_y(cursor.position())
            self.show_document(self.doc, self.clean, self.highlights)
            a, b = self.to_view(anchor), self.to_view(position)
            if seen and a is not None and b is not None:
                # The line being worked on holds, though keywords come in above it.
                self.hold(b, y)
            elif spot is not None:
                self.keep_spot(*spot)  # the line being read, not only its paragraph
            else:
                bar.setValue(scroll)
            if a is not None and b is not None:
                scroll = bar.value()
                cursor = QTextCursor(self.document())
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cursor)
                bar.setValue(scroll)
                if seen:
                    self.ensureCursorVisible()

    def _insert_rule(self, cursor: QTextCursor) -> None:
        cf = QTextCharFormat()
        style = BlockStyle(top=1.5, align=int(Qt.AlignmentFlag.AlignHCenter.value))
        number = self._new_block(cursor, style, cf, "muted", 5)
        cursor.insertText("＊　＊　＊", cf)
        self._paint_block(cursor.block(), number)

    # -- restyling ---------------------------------------------------------------------------

    def _restyle_type(self) -> None:
        """A new font: the document's default font (titles and headings are sized from
        it), every block's margins and indent in the new ems, and the column centred anew.
        The page is laid out again from its start, a slice at a time; until the line being
        read is laid out the view goes on showing the page as it was, then shows that line
        at the top. A short page does it all at once."""
        spot = self._relayout_spot
        if self._relayout_at < 0 or spot is None:
            spot = self.top_spot()
        self._block_formats = {}
        document = self.document()
        document.setDefaultFont(self._base_font())  # laid out again, lazily, from the start
        self._apply_measure(document)
        self._relayout_spot = spot
        self._relayout_at = 0
        if self._typeset_total <= self.slice_threshold:
            while self._relayout_at >= 0:
                self._relayout_slice()
            return
        self.viewport().setUpdatesEnabled(False)
        self._relayout_timer.start()

    def _relayout_slice(self) -> None:
        """Give the next blocks their formats in the new ems and lay them out."""
        if self._relayout_at < 0:
            return
        started = time.perf_counter()
        document = self.document()
        numbers, styles = self._numbers, self._styles
        n = len(numbers)
        k = self._relayout_at
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # laid out once, below; this also keeps Qt's own steps short
        chars = 0
        while k < n and chars < self._relayout_chars:
            style = styles[k]
            end = k + 1
            # A run of neighbouring blocks set alike, within one frame, takes one call.
            while end < n and styles[end] == style and numbers[end] == numbers[end - 1] + 1:
                end += 1
            first = document.findBlockByNumber(numbers[k])
            last = document.findBlockByNumber(numbers[end - 1]) if end - 1 > k else first
            if self._stale:  # new colours too, laid out with the new type
                for number in numbers[k:end]:
                    if number in self._stale:
                        self._stale.discard(number)
                        self._paint_block(document.findBlockByNumber(number), number)
            cursor.setPosition(first.position())
            cursor.setPosition(last.position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.setBlockFormat(self._block_format(style))
            chars += last.position() + last.length() - first.position()
            k = end
        cursor.endEditBlock()
        block = document.findBlockByNumber(numbers[k - 1]) if k else document.firstBlock()
        if k >= n:
            block = document.lastBlock()
        document.documentLayout().blockBoundingRect(block)
        took = max(1e-4, time.perf_counter() - started)
        self._relayout_chars = int(min(400_000, max(4000, chars * SLICE_MS / 1000 / took)))
        self._relayout_at = k if k < n else -1
        spot = self._relayout_spot
        if not self.viewport().updatesEnabled() and (
            self._relayout_at < 0 or spot is None or self._laid_out_past(spot, block)
        ):
            self._show_relaid(spot)
        elif self._relayout_at < 0 and spot is not None:
            self.keep_spot(*spot)
        if self._relayout_at >= 0 and self._typeset_total > self.slice_threshold:
            self._relayout_timer.start()
        if self._relayout_at < 0:
            self._relayout_spot = None
            if document.documentLayout().documentSize().height() > QT_TALLEST:
                self.type_too_large.emit()
            if self._typesetter is not None:
                self._slice_timer.start()  # typesetting waited for the new font
            if self._stale:  # what a theme change left (blocks of no style: none, so far)
                self._stale_order = [n for n in self._stale_order if n in self._stale]
                self._restyle_timer.start()

    def _laid_out_past(self, spot: tuple[int, int, int, int], block: QTextBlock) -> bool:
        """Whether the layout has gone a screen beyond the spot's block."""
        if self._spot_place is None or self._spot_place[0] != spot:
            found = next((p for p in self.places if (p.article, p.key) == spot[:2]), None)
            self._spot_place = (spot, found)
        place = self._spot_place[1]
        if place is None:
            return True
        if block.position() <= place.position:
            return False
        layout = self.document().documentLayout()
        top = layout.blockBoundingRect(self.document().findBlock(place.position)).top()
        return layout.blockBoundingRect(block).bottom() > top + 2 * self.viewport().height()

    def _show_relaid(self, spot: tuple[int, int, int, int] | None) -> None:
        """The line being read is laid out in the new type: show it at the top."""
        if spot is not None:
            self.keep_spot(*spot)
            self._relayout_spot = None  # the reader may scroll on from here
        self.viewport().setUpdatesEnabled(True)
        self.viewport().update()

    def relaying(self) -> bool:
        """Whether the page is still being laid out again in a new font."""
        return self._relayout_at >= 0

    def _stop_relayout(self) -> None:
        self._relayout_timer.stop()
        self._relayout_at = -1
        self._relayout_spot = None
        self.viewport().setUpdatesEnabled(True)

    def _restyle_colours(self) -> None:
        """A new theme: the colours drawn over the text, on screen now and the rest of the
        page in slices from the event loop. The text's own colour is the palette's."""
        self._stop_restyle()
        if not self._styles:
            return
        ranges = self._page_ranges = self._ranges(self.highlights)
        painted = set(self._roles)
        base, typeset = self._clean_base, len(self._clean_blocks)
        painted.update(self._clean_blocks[k - base] for k in ranges if 0 <= k - base < typeset)
        self._stale = painted
        self._stale_order = sorted(painted)
        top, bottom = (0, 0) if self._relayout_at >= 0 else self._visible_blocks()
        # On screen first, then down the page, then the part above.
        at = bisect.bisect_left(self._stale_order, top)
        self._stale_order = self._stale_order[at:] + self._stale_order[:at]
        if self._relayout_at >= 0:
            return  # being laid out again in a new font: the new colours go with it
        self._repaint_blocks(top, bottom)
        if self._stale:
            self._restyle_timer.start()

    def _visible_blocks(self) -> tuple[int, int]:
        """The first and last block numbers on screen, a screen either side included."""
        height = self.viewport().height()
        top = self.cursorForPosition(QPoint(0, -height)).block().blockNumber()
        corner = QPoint(self.viewport().width() - 1, 2 * height)
        bottom = self.cursorForPosition(corner).block().blockNumber()
        return max(0, top), bottom

    def _repaint_blocks(self, first: int, last: int) -> None:
        """Paint the stale blocks numbered first..last anew, laid out again in one go."""
        stale = self._stale
        if not stale:
            return
        document = self.document()
        lo = hi = -1
        for number in range(first, last + 1):
            if number in stale:
                stale.discard(number)
                block = document.findBlockByNumber(number)
                self._paint_block(block, number)
                lo = block.position() if lo < 0 else lo
                hi = block.position() + block.length()
        if lo >= 0:
            document.markContentsDirty(lo, hi - lo)

    def _restyle_slice(self) -> None:
        if self._relayout_at >= 0:
            return  # laid out again in a new font: the new colours go with it
        started = time.perf_counter()
        document = self.document()
        order = self._stale_order
        while order and time.perf_counter() - started < SLICE_MS / 1000:
            first = order[0]
            block = document.findBlockByNumber(first)
            begin, end = block.position(), block.position() + block.length()
            n = 1
            # Stale blocks close together are laid out again together, with the few
            # between them; those further apart each on its own (the frames after a block
            # are only moved, so that costs little).
            while n < len(order) and order[n] > first and end - begin < RESTYLE_CHARS:
                block = document.findBlockByNumber(order[n])
                if block.position() - end > RESTYLE_GAP:
                    break
                end = block.position() + block.length()
                n += 1
            self._repaint_blocks(first, order[n - 1])
            del order[:n]
        if order:
            self._restyle_timer.start()
        else:
            self._stale = set()

    def _stop_restyle(self) -> None:
        self._restyle_timer.stop()
        self._stale = set()
        self._stale_order = []

    def restyling(self) -> bool:
        """Whether parts of the page off screen still wait for the new colours."""
        return bool(self._stale)

    def _paint_block(self, block: QTextBlock, number: int) -> None:
        """Give a block its colours and highlights as layout formats: drawn over the text
        as a syntax highlighter's are, so the text itself is never touched. The caller
        lays the block out again (typesetting does, before the view sees it)."""
        layout = block.layout()
        if layout is None:
            return
        theme = self._theme
        pieces = []
        role = self._roles.get(number, "")
        if role and theme is not None:
            fmt = self._role_formats.get((role, theme.name))
            if fmt is None:
                fmt = self._role_formats[(role, theme.name)] = QTextCharFormat()
                if role.startswith("accent"):
                    fmt.setForeground(QColor(theme.accent))
                elif role.startswith("muted"):
                    fmt.setForeground(QColor(theme.muted))
                if role.endswith("corrected"):
                    fmt.setUnderlineColor(QColor(theme.accent))
            piece = QTextLayout.FormatRange()
            piece.start, piece.length, piece.format = 0, max(1, block.length() - 1), fmt
            pieces.append(piece)
        k = self._clean_index.get(number)
        if k is not None:
            place = self._clean_places[k]
            shift = place.position - block.position()
            for start, length, colour, under in self._page_ranges.get(self._clean_base + k, ()):
                piece = QTextLayout.FormatRange()
                piece.start, piece.length = shift + start, length
                piece.format = self._highlight_format(colour, under)
                pieces.append(piece)
        if pieces or layout.formats():
            layout.setFormats(pieces)

    def _highlight_format(self, colour: str, under: str = "") -> QTextCharFormat:
        """A highlight's colour; with `under`, the colour of one hidden under it, drawn
        as a dashed underline in a deeper shade of it."""
        theme = self._theme
        key = (colour, under, theme.name if theme else "")
        fmt = self._highlight_formats.get(key)
        if fmt is None:
            fmt = self._highlight_formats[key] = QTextCharFormat()
            if theme is not None:
                fmt.setBackground(highlight_colour(colour, theme))
                if under:
                    deep = highlight_colour(under, theme)
                    deep = deep.lighter(190) if theme.name == "dark" else deep.darker(170)
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                    fmt.setUnderlineColor(deep)
        return fmt

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
        if self._relayout_at >= 0:
            # Being laid out again in a new font: at a new width, from the start again,
            # and the line being read is shown once it is laid out.
            super().resizeEvent(event)
            self._apply_measure()
            self._relayout_at = 0
            return
        # Lines wrap anew at another width: the line being read stays at the top.
        keep = self.places and event.oldSize().isValid() and not self._adopting
        spot = (self._resize_spot or self.top_spot()) if keep else None
        super().resizeEvent(event)
        self._apply_measure()
        if spot is not None and event.size().width() != event.oldSize().width():
            self.keep_spot(*spot)
            self._resize_spot = spot
            self._resize_settled.start()

    def _forget_resize_spot(self) -> None:
        self._resize_spot = None

    def em(self) -> float:
        """The width of one Chinese character in the text's font."""
        return QFontMetricsF(self._base_font()).horizontalAdvance("国")

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

    def block_place_at(self, position: int) -> Place | None:
        """The page's block at a view position; at a line that is no block of the page (an
        article's keywords), the block after it in the same article, where n / p and the
        outline leave the text cursor on an article without a title."""
        if not self.places or self.in_link(position):
            return None
        k = max(0, bisect.bisect_right(self._starts, position) - 1)
        place = self.places[k]
        for later in self.places[k:]:
            if later.article != place.article:
                break
            if later.key >= 0:
                return later
        return None

    def current_place(self) -> tuple[int, int]:
        """The block being read, as the status bar, the outline and n / p count it: the
        one at a quarter of the view's height. Two lines of the article before, scrolled
        back into view above a headline, do not make that article the one being read."""
        return self._reading

    def _top_position(self, y: int = 8) -> int:
        # The middle of the text as laid out: while the view is being resized its width
        # is already the new one, and at more than twice the old width its middle lies
        # beyond the layout's right edge, where no line is hit.
        width = self.viewport().width()
        laid_out = self.document().textWidth()
        if laid_out > 0:
            width = min(width, int(laid_out))
        return self.cursorForPosition(QPoint(width // 2, y)).position()

    def _update_place(self) -> None:
        if not self.viewport().updatesEnabled():
            return  # laid out again in a new font: the place is kept apart meanwhile
        if self._stale:
            self._repaint_blocks(*self._visible_blocks())  # scrolled ahead of the new colours
        if len(self._matches) > PAINT_ALL:
            self._paint_matches()  # the matches near what is now on screen
        place = self.place_at(self._top_position())
        quarter = max(8, self.viewport().height() // 4)
        at = self._top_position(quarter)
        reading = self.place_at(at)
        if place is None or reading is None:
            return
        key = (place.article, place.block)
        found = self.document().documentLayout().blockBoundingRect(self.document().findBlock(at))
        if (
            reading.position < place.position  # a view shorter than a line
            or found.isEmpty()  # not laid out yet: the hit fell past what is
            or found.top() > self.verticalScrollBar().value() + self.viewport().height()
        ):
            reading = place
        bar = self.verticalScrollBar()
        if self.places and bar.maximum() > 0 and bar.value() >= bar.maximum():
            # Scrolled to the end: the last article, its start in view, is the one being
            # read, though it starts below the quarter of the view where places are read.
            last = self.places[-1].article
            # (from the end: the last article's places only, however long the page)
            first = self.places[-1]
            for place in reversed(self.places):
                if place.article != last:
                    break
                first = place
            cursor = QTextCursor(self.document())
            cursor.setPosition(first.position)
            if self.cursorRect(cursor).top() >= 0 and first.position > reading.position:
                reading = first
        if self._pinned is not None:
            if self._pinned[0] == self.verticalScrollBar().value():
                reading = self._pinned[1]
            else:
                self._pinned = None
        shown = (reading.article, reading.block)
        if (key, shown) != (self._current, self._reading):
            self._current, self._reading = key, shown
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
        if self._elsewhere(article):
            self._show_part(self._part_of(article), ("block", article, block))
            return True
        position = self.position_of(article, block)
        if self._typesetter is not None and self._typeset_through(article):
            # Not typeset yet (or not whole): gone to once it is.
            self._pending_view = ("block", article, block)
            if position is None:
                return True
        if position is None:
            if article >= (self.cut_at or 0) - 1:
                self._say_cut()
            return False
        layout_block = self.document().findBlock(position)
        y = self.document().documentLayout().blockBoundingRect(layout_block).top()
        # With the page's own margin over it, as the page's first line has at its top:
        # a title gone to is not set flush against the view's edge.
        self.verticalScrollBar().setValue(max(0, int(y - self.document().documentMargin())))
        cursor = QTextCursor(layout_block)
        self.setTextCursor(cursor)
        # The block gone to is the one being read while the view stays there, though
        # near the page's end it cannot come to the top; if it is on screen at all (not
        # while the page is still being laid out short of it).
        value, target = self.verticalScrollBar().value(), self.place_at(position)
        shown = 0 <= y - value < self.viewport().height()
        self._pinned = (value, target) if target is not None and shown else None
        self._update_place()
        return True

    def jump_article(self, step: int) -> None:
        if self.doc is None or not self.doc.articles:
            return
        now = self._reading[0]
        article = min(max(now + step, 0), len(self.doc.articles) - 1)
        if step > 0 and article == now:  # in the last article: not back to its start
            self.no_further.emit(1)
            return
        before = self.verticalScrollBar().value()
        self.about_to_jump.emit()
        self.scroll_to(article, -1)
        if step < 0 and article == now and self.verticalScrollBar().value() == before:
            self.no_further.emit(-1)  # at the first article's start already

    def top_spot(self) -> tuple[int, int, int, int] | None:
        """Where the view starts: (article, block key, characters into the block, pixels
        from the top of that character's line to the top of the view); None when no page
        is shown."""
        position = self._top_position()
        place = self.place_at(position)
        if place is None:
            return None
        # The first character of the line at the top, wherever the view's middle falls on
        # it: at another width, the line that starts with it is the line being read.
        block = self.document().findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        if line.isValid():
            position = max(place.position, block.position() + line.textStart())
        offset = max(0, position - place.position)
        # From the line show_spot() goes to: above the first block (the page's margin) the
        # view's top is not in a block of the page.
        dy = self.verticalScrollBar().value() - self._line_top(
            place.position + min(offset, place.length)
        )
        return place.article, place.key, offset, dy

    def _line_top(self, position: int) -> int:
        block = self.document().findBlock(position)
        # Laid out first, if it was not yet: a page is laid out lazily once typeset. The
        # rectangle is in the document; the block's layout is placed in its frame.
        top = self.document().documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        return int(top + line.y()) if line.isValid() else int(top)

    def show_spot(self, article: int, key: int, offset: int, dy: int = 0) -> bool:
        """Scroll to a place top_spot() gave: the line holding `offset` characters into
        the block (article, key), `dy` pixels from the top of the view; the article's
        start when that block is gone."""
        if self._elsewhere(article):
            self._show_part(self._part_of(article), ("spot", article, key, offset, dy))
            return True
        place = next((p for p in self.places if (p.article, p.key) == (article, key)), None)
        if place is None and self._typesetter is not None:
            self._pending_view = ("spot", article, key, offset, dy)  # once it is typeset
            return True
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
        top_spot() gave before it, leaving the text cursor and selection alone; a page
        still being typeset short of it (a corrected long page) goes there once it is."""
        place = next((p for p in self.places if (p.article, p.key) == (article, key)), None)
        if place is None:
            if self._typesetter is not None:
                self._pending_view = ("spot", article, key, offset, dy)
            return
        position = place.position + min(offset, place.length)
        line = self._line_height(position)
        # Within the line, or above it in the page's margin, as it was. A page laid out
        # anew tells the scroll bar its height from the event loop; it must reach the
        # line now.
        y = self._line_top(position) + min(dy, line - 1)
        bar = self.verticalScrollBar()
        bar.setMaximum(max(bar.maximum(), y))
        bar.setValue(y)
        self._update_place()

    def screen_y(self, position: int) -> int:
        """How far below the view's top the line holding `position` starts."""
        return self._line_top(position) - self.verticalScrollBar().value()

    def hold(self, position: int, y: int) -> None:
        """Scroll so that the line holding `position` starts `y` pixels below the view's
        top, as screen_y() said it did before the page was typeset anew."""
        bar = self.verticalScrollBar()
        value = max(0, self._line_top(position) - y)
        bar.setMaximum(max(bar.maximum(), value))  # the new height reaches the bar later
        bar.setValue(value)
        self._update_place()

    def _line_height(self, position: int) -> int:
        block = self.document().findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        return max(1, int(line.height())) if line.isValid() else 1

    def reading_lines(self) -> tuple[int, int] | None:
        """The source lines of the block being read: the one with the text cursor where
        the cursor is in view, else the one at the top of the view."""
        in_view = self.viewport().rect().contains(self.cursorRect().center())
        position = self.textCursor().position() if in_view else self._top_position()
        place = self.place_at(position)
        return (place.first, place.last) if place is not None else None

    def _on_cursor_moved(self) -> None:
        place = self.place_at(self.textCursor().position())
        if place is not None:
            self.block_selected.emit(place.first, place.last)

    # -- find ------------------------------------------------------------------------------

    def find_all(self, text: str) -> int:
        """Find every match of `text` (case aside, and script: 国务院 finds 國務院 and the
        reverse; words set apart by spaces each, as the library's search finds them): the
        first slice of the page now, the rest in slices from the event loop, so a long page
        never holds the window up. `find_changed` reports the count as it grows, marked as
        still counting. On a page typeset a part at a time, every part is looked in: the
        matches are counted in the clean text, and stepping to one in another part shows
        that part."""
        self._count_timer.stop()
        self._count_waits = False
        start, self._next_find_from = self._next_find_from, None
        clean_start, self._next_find_clean = self._next_find_clean, None
        self._matches, self._match_ends = [], []
        self._match = -1
        # The longest first: where one word begins another, the longer is marked.
        terms = sorted(set(text.split()) or {text}, key=len, reverse=True)
        self._find_length = len(terms[0])
        self._find_text = ""
        self._scanned = 0
        if not text:
            self._pattern = None
            self._paint_matches()
            self.find_changed.emit(0, 0, False)
            return 0
        # Each character in either of its forms: a match is as long as the query and is
        # marked on the characters the page prints.
        self._pattern = re.compile("|".join(map(script.either, terms)), re.IGNORECASE)
        self._paint_matches()  # the last query's matches go
        start = self._top_position() if start is None else start
        if self._finds_clean():
            assert self.clean is not None
            self._find_text = self.clean.text  # (kept as it is, not copied)
            self._find_from = self.to_clean(start) if clean_start is None else clean_start
        else:
            # Positions in the plain text are positions in the document: a block break is
            # one character in both.
            self._find_text = self.document().toPlainText()
            self._find_from = start
        self._count_slice()
        return len(self._matches)

    def _finds_clean(self) -> bool:
        """Whether find counts in the page's clean text (a page shown a part at a time),
        not in the text typeset: its matches are clean-text offsets then."""
        return len(self._parts) > 1 and self.clean is not None

    def _in_block(self, start: int, end: int) -> bool:
        """Whether clean-text offsets start..end lie within one block of the page."""
        k = bisect.bisect_right(self._all_starts, start) - 1
        return k >= 0 and end <= self._all_starts[k] + self._all_lengths[k]

    def _match_span(self, k: int) -> tuple[int, int] | None:
        """Where match k is in the view; None where it is not typeset (another part)."""
        start, end = self._matches[k], self._match_ends[k]
        if not self._finds_clean():
            return start, end
        if not self._typeset_past(end):
            return None  # in a part after, or not typeset yet
        a, b = self.to_view(start), self.to_view(end)
        return (a, b) if a is not None and b is not None else None

    def find_from_article(self, article: int) -> None:
        """The next find's current match is the first at or after the article's start,
        typeset yet or not (a search hit's article)."""
        if self._finds_clean() and self._clean_articles:
            k = bisect.bisect_left(self._clean_articles, article)
            if k < len(self._all_starts):
                self._next_find_clean = self._all_starts[k]
                return
        start = self.position_of(article, -1)
        if start is not None:
            self._next_find_from = start

    def find_from(self, position: int) -> None:
        """The next find's current match is the first at or after `position`, not the
        first in view: a search hit's article, which the view cannot bring to its top
        where it is the page's last."""
        self._next_find_from = position

    def _count_slice(self) -> None:
        if self._pattern is None:
            return
        text, n = self._find_text, self._find_length
        end = min(len(text), self._scanned + FIND_SLICE)
        first_new = len(self._matches)
        # (the clean text holds no keywords)
        lines = [] if self._finds_clean() else self._keyword_lines
        inside = self._in_block if self._finds_clean() else None
        for m in self._pattern.finditer(text, self._scanned, min(len(text), end + n - 1)):
            if m.start() >= end:
                break
            if inside is not None and not inside(m.start(), m.end()):
                continue  # the clean text's rule between articles, typeset otherwise
            if bisect.bisect_right(lines, m.start()) % 2 == 0:  # not in a line of keywords
                self._matches.append(m.start())
                self._match_ends.append(m.end())
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
        elif self._typesetter is not None and not self._finds_clean():
            # The rest of a long page is counted once it is typeset (_resume_count).
            self._count_waits = counting = True
        else:
            self._find_text = ""  # the count is done; the copy of the page can go
        self.find_changed.emit(self._match + 1, len(self._matches), counting)

    def _resume_count(self) -> None:
        """Count on into what was typeset since the count reached the end of the page as
        it was: typesetting only adds, so the matches counted keep their places."""
        if not self._count_waits or self._pattern is None:
            return
        self._count_waits = False
        counted = len(self._find_text)
        self._find_text = self.document().toPlainText()
        # A match may begin in the last characters counted and run into the new ones.
        self._scanned = max(0, counted - self._find_length + 1)
        self._count_slice()

    def counting(self) -> bool:
        """Whether matches are still being counted."""
        return self._count_timer.isActive() or self._count_waits

    def find_step(self, step: int) -> None:
        if not self._matches:
            return
        shown = self._match_span(self._match) if self._match >= 0 else None
        if self._finds_clean() and shown is None:
            # The current match is in another part than the one read now (gone to by a
            # link or the outline): the next is the first after the view's top.
            top = bisect.bisect_left(self._matches, self.to_clean(self._top_position()))
            self._match = (top if step > 0 else top - 1) % len(self._matches)
        else:
            self._match = (max(0, self._match) + step) % len(self._matches)
        self._show_match()
        self.find_changed.emit(self._match + 1, len(self._matches), self.counting())

    def _match_cursor(self, span: tuple[int, int]) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _show_match(self) -> None:
        k = self._match
        if self._finds_clean():  # in the part that holds it, once typeset that far
            self._bring(self._matches[k], self._match_ends[k])
            if self._typesetter is not None and not self._typeset_past(self._match_ends[k]):
                self._pending_view = ("match", k)
                return
        span = self._match_span(k)
        if span is None:
            return
        cursor = self._match_cursor(span)
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.reveal(*span)
        self._paint_matches()

    def reveal(self, start: int, end: int) -> None:
        """Scroll the view positions start..end into view with room around them: where
        they are out of view, or at its edge, their first line comes to a third of the way
        down (or, taller than most of the view, near its top), with lines of context over
        it; not cut off at an edge as ensureCursorVisible() leaves them."""
        top = self._line_top(start)
        bottom = self._line_top(end) + self._line_height(end)
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        room = min(view // 6, 2 * self._line_height(start))
        if not (bar.value() + room <= top and bottom <= bar.value() + view - room):
            value = top - view // 3 if bottom - top <= view // 2 else top - room
            bar.setValue(max(0, value))  # (near the page's end, as far as it goes)
        # What was gone to is the block being read while the view stays there, whether it
        # scrolled or not: a match in an article's title, a third of the way down, or one
        # in view already under the end of the article above, is not read as that one.
        target = self.place_at(start)
        self._pinned = (bar.value(), target) if target is not None else None
        self._update_place()

    def _painted_matches(self) -> list[int]:
        """The matches drawn: all of them, or on a page with very many, those on screen and
        a margin around it (drawn again as the view scrolls), the current one always."""
        if len(self._matches) <= PAINT_ALL:
            return list(range(len(self._matches)))
        top = self._top_position()
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        bottom = self.cursorForPosition(corner).position()
        if self._finds_clean():  # matches are counted in the clean text
            top, bottom = self.to_clean(top), self.to_clean(bottom)
        lo = bisect.bisect_left(self._matches, top - PAINT_MARGIN)
        hi = bisect.bisect_right(self._matches, bottom + PAINT_MARGIN)
        if hi - lo > PAINT_NEAR:
            # Dense matches: a paragraph of a million characters holds thousands in the
            # margin, and in a paragraph that long each selection costs Qt about a
            # millisecond to place and draw. Those on screen, around the current match
            # where there are more than the cap, and as many more either side as it allows.
            first = bisect.bisect_left(self._matches, top, lo, hi)
            last = bisect.bisect_right(self._matches, bottom, first, hi)
            if first <= self._match < last:
                first = max(first, min(self._match - PAINT_NEAR // 2, last - PAINT_NEAR))
            spare = max(0, PAINT_NEAR - (last - first)) // 2
            lo = max(lo, first - spare)
            hi = min(last + spare, lo + PAINT_NEAR, hi)
        shown = list(range(lo, hi))
        if 0 <= self._match < len(self._matches) and not lo <= self._match < hi:
            shown.append(self._match)
        return shown

    def _paint_matches(self) -> None:
        theme = self._theme
        colour = QColor(theme.find if theme else "#8fdce0")
        current = QColor(theme.find_current if theme else "#ffb347")
        # Underlined too, so that a match in highlighted text is told from the highlight.
        edge = QColor(theme.accent if theme else "#8a1c1c")
        selections = []
        for k in self._painted_matches():
            span = self._match_span(k)
            if span is None:
                continue  # in another part of the page
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._match_cursor(span)
            fmt = QTextCharFormat()
            fmt.setBackground(current if k == self._match else colour)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(edge)
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
        if (
            k == len(self._clean_places) - 1
            and offset > place.offset + place.length
            and (
                self.cut_at is not None
                or self._part + 1 < len(self._parts)
                or self._typesetter is not None
            )
        ):
            # Past the part shown of a page too long to lay out whole, or not typeset yet
            # (past the page's last block is its last line's end).
            return None
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
        end = self._bring(start, end)
        self._typeset_to(end)
        a, b = self.to_view(start), self.to_view(end)
        if a is None or b is None:
            self._say_cut()
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # -- highlights --------------------------------------------------------------------------

    def _ranges(self, highlights: list[Highlight]) -> Ranges:
        """Highlight pieces of every clean block of the page, typeset yet or not."""
        return block_ranges(self._all_starts, self._all_lengths, highlights)

    def _redraw(self, keys: Iterable[int]) -> None:
        """Paint these clean blocks (those typeset) anew from `_page_ranges`, laying out
        each run of neighbouring blocks in one go and nothing else."""
        document = self.document()
        # [start, end) in the document of neighbouring blocks given new formats; blocks
        # between runs are left as they are.
        run: list[int] = []
        for key in sorted(keys):
            k = key - self._clean_base  # among the blocks of the part typeset
            if k < 0:
                continue  # in a part of the page before the one shown
            if k >= len(self._clean_blocks):
                break  # not typeset yet (or in a part after): painted when it is
            number = self._clean_blocks[k]
            block = document.findBlockByNumber(number)
            layout = block.layout()
            if layout is None:
                continue
            if not (layout.formats() or self._page_ranges.get(key) or number in self._roles):
                continue
            begin, end = block.position(), block.position() + block.length()
            if run and run[1] != begin:
                # Before this block's formats are set: Qt counts every block whose
                # formats change into the next range it lays out.
                document.markContentsDirty(run[0], run[1] - run[0])
                run = []
            self._paint_block(block, number)
            run = [run[0] if run else begin, end]
        if run:
            document.markContentsDirty(run[0], run[1] - run[0])

    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Draw these highlights (clean-text ranges) as backgrounds, replacing any others."""
        old = self._page_ranges
        self.highlights = sorted(highlights, key=lambda h: (h.start, -h.end))
        if not old and not self.highlights:
            return
        self._page_ranges = self._ranges(self.highlights)
        self._redraw(set(old) | set(self._page_ranges))

    def update_highlights(self, highlights: list[Highlight], start: int, end: int) -> None:
        """Replace the highlights, redrawing only the blocks of clean [start, end)."""
        self.highlights = sorted(highlights, key=lambda h: (h.start, -h.end))
        starts = self._all_starts
        if not starts:
            return
        first = max(0, bisect.bisect_right(starts, start) - 1)
        last = max(first, bisect.bisect_left(starts, end) - 1)
        lo, hi = starts[first], starts[last] + self._all_lengths[last]
        touching = [h for h in self.highlights if h.start < hi and h.end > lo]
        fresh = self._ranges(touching)
        for k in range(first, last + 1):
            if k in fresh:
                self._page_ranges[k] = fresh[k]
            else:
                self._page_ranges.pop(k, None)
        self._redraw(range(first, last + 1))

    def background_at(self, position: int) -> QColor | None:
        """The highlight colour drawn at a view position, if any."""
        block = self.document().findBlock(position)
        layout = block.layout()
        colour = None
        if layout is not None:
            at = position - block.position()
            for piece in layout.formats():
                brush = piece.format.background()
                if brush.style() != Qt.BrushStyle.NoBrush and (
                    piece.start <= at < piece.start + piece.length
                ):
                    colour = brush.color()
        return colour

    def highlights_at(self, position: int) -> list[str]:
        """Ids of the highlights under a view position, innermost first (none on a link
        between parts, which the view reads as the block beside it)."""
        if not self.highlights or self.clean is None or self.in_link(position):
            return []
        offset = self.to_clean(position)
        hits = [h for h in self.highlights if h.start <= offset < h.end]
        hits.sort(key=lambda h: h.end - h.start)
        return [h.id for h in hits]

    def flash(self, start: int, end: int) -> None:
        """Show a passage and make it blink once (in the part of a long page that holds
        it, once typeset that far)."""
        end = self._bring(start, end)
        if self._typesetter is not None and not self._typeset_past(end):
            self._pending_view = ("flash", start, end)
            return
        a, b = self.to_view(start), self.to_view(end)
        if a is None or b is None:
            self._say_cut()
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(b)
        self.setTextCursor(cursor)
        cursor.setPosition(a)
        self.setTextCursor(cursor)
        self.reveal(a, b)
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

    def _column_x(self, x: float) -> float:
        """A view x moved into the text column: Qt hit-tests a point in the side margins
        against the frames the page is set in, and answers with a frame's end or start
        (a drag into the right margin selected 8,000 characters; a right-click there
        corrected the page's last block)."""
        frame = self.document().rootFrame().frameFormat()
        left = frame.leftMargin() - self.horizontalScrollBar().value() + 1
        right = self.viewport().width() - frame.rightMargin() - 1
        return min(max(x, left), max(left, right))

    def _in_column(self, event: QMouseEvent) -> QMouseEvent:
        """The event moved into the text column, at its height (_column_x)."""
        where = event.position()
        x = self._column_x(where.x())
        if x == where.x():
            return event
        moved = QPointF(x, where.y())
        return QMouseEvent(
            event.type(),
            moved,
            event.globalPosition() + (moved - where),
            event.button(),
            event.buttons(),
            event.modifiers(),
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        # On a link between parts: once let go, the page under the mouse is another.
        self._press_link = bool(self.anchorAt(self._press))
        super().mousePressEvent(self._in_column(event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(self._in_column(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(self._in_column(event))
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            # Dragged selections snap to word edges; Alt keeps them exactly as dragged.
            if press is not None and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.snap_selection()
            self.selection_settled.emit()
            return
        if self._press_link:
            return
        if press is not None and (event.position().toPoint() - press).manhattanLength() < 4:
            at = QPoint(int(self._column_x(press.x())), press.y())
            ids = self.highlights_at(self.cursorForPosition(at).position())
            if ids:
                self.highlight_clicked.emit(ids[0])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click selects a word as jieba cuts it (once jieba is loaded)."""
        event = self._in_column(event)
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
        at = QPoint(int(self._column_x(event.pos().x())), event.pos().y())
        self.menu_position = self.cursorForPosition(at).position()
        menu = self.createStandardContextMenu(at)
        if self.extend_menu is not None:
            ids = self.highlights_at(self.menu_position)
            self.extend_menu(menu, ids)
        menu.exec(event.globalPos())
        menu.deleteLater()
