"""The page on screen: the body, the source view, the outline and the find bar follow the
session, and the reader's jumps are kept for Back and Forward."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor

from reader.core.model import Document
from reader.ui.body import BodyView, Typography, highlights_of
from reader.ui.findbar import FindBar
from reader.ui.history import JumpHistory, Spot
from reader.ui.outline import OutlineDock
from reader.ui.session import BlockMark, Change, PageSession, What, find_block, user_lines
from reader.ui.source import SourceView
from reader.ui.status import PlaceIndicator, percent_through
from reader.ui.themes import theme


def typography(session: PageSession) -> Typography:
    get = session.settings.get
    return Typography(get("font_family"), get("font_size"), get("column"), get("show_noise"))


class ReadingController(QObject):
    def __init__(
        self,
        session: PageSession,
        body: BodyView,
        source: SourceView,
        outline: OutlineDock,
        findbar: FindBar,
        place_indicator: PlaceIndicator,
        load: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.body = body
        self.source = source
        self.outline = outline
        self.findbar = findbar
        self.place_indicator = place_indicator
        self.load = load  # reads a page without recording a jump (Back and Forward do)
        self.history = JumpHistory(self)
        self._after_history: Spot | None = None  # place to show once the next page is open
        self._preview: Document | None = None  # a long page's first part, shown meanwhile
        # The outline follows the place being read from the event loop, apart from what
        # moved it: selecting in a long page's outline first maps its thousands of
        # articles through the filter (about 15 ms), which would lengthen opening a page.
        self._outline_sync = QTimer(self)
        self._outline_sync.setSingleShot(True)
        self._outline_sync.setInterval(0)
        self._outline_sync.timeout.connect(self._sync_outline)

    def connect_signals(self) -> None:
        self.session.changed.connect(self._on_page_changed)
        self.outline.activated.connect(self._on_outline_activated)
        self.body.place_changed.connect(self._on_place_changed)
        self.body.block_selected.connect(self._on_block_selected)
        self.source.shown.connect(self._on_source_shown)
        self.body.find_changed.connect(self.findbar.show_count)
        self.body.about_to_jump.connect(self.record_jump)
        self.findbar.query_changed.connect(self.body.find_all)
        self.findbar.step.connect(self.body.find_step)
        self.findbar.closed.connect(self._on_find_closed)
        self.body.place_changed.connect(self.show_place)
        self.body.verticalScrollBar().valueChanged.connect(self.show_place)
        self.body.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.body.verticalScrollBar().rangeChanged.connect(self.show_place)

    # -- the views follow the page -------------------------------------------------------

    def _on_page_changed(self, change: Change) -> None:
        if change.what is What.PAGE:
            self._show_page(change)
        elif change.what is What.PREVIEW:
            self._show_preview(change)
        elif change.what is What.CORRECTED:
            self._show_corrected(change)
        elif change.what is What.ANNOTATED:
            self._show_annotations(change.start, change.end)
        elif change.what is What.RESTYLED:
            get = self.session.settings.get
            current = theme(get("theme"))
            self.body.set_style(current, typography(self.session))
            self.source.set_style(current, get("font_family"), get("font_size"))
        elif change.what is What.KEYWORDS:
            self.body.terms = self.session.terms
            self.body.set_keywords(self.session.keywords)

    def _show_preview(self, change: Change) -> None:
        """A long page's first part, read while the whole page is read: its place is
        kept when the whole replaces it."""
        loaded = change.loaded
        assert loaded is not None
        doc = self._preview = loaded.doc
        self.outline.set_document(doc, loaded.outline)
        self.source.set_lines(doc.source_lines, doc.decisions, set())
        self.body.terms = ()
        self.body.corrected = set()
        self.body.show_document(doc, loaded.clean, [], {}, keywords={})
        self.findbar.edit.clear()

    def _kept_place(self, doc: Document) -> tuple[int, int, int, int] | None:
        """Where the reader is in the first part shown, if they moved from its start, as
        a place in `doc`, the whole page: the block that begins on the same source line
        (find_block), as many characters into it and pixels from the view's top."""
        preview, self._preview = self._preview, None
        if preview is None or self.body.doc is not preview:
            return None
        if preview.source.path != doc.source.path:  # another page was opened meanwhile
            return None
        top = self.body.top_spot()
        if top is None or self.body.verticalScrollBar().value() == 0:
            return None
        if top[1] < 0:  # an article's rule or keywords: its first block
            top = (top[0], 0, 0, 0)
        mark = self._mark_of(preview, top)
        found = find_block(doc, mark) if mark is not None else None
        return (*found, top[2], top[3]) if found is not None else None

    def _show_page(self, change: Change) -> None:
        loaded = change.loaded
        assert loaded is not None
        doc = loaded.doc
        kept = self._kept_place(doc)
        self.outline.set_document(doc, loaded.outline)
        self.source.set_lines(doc.source_lines, doc.decisions, user_lines(loaded.corrections))
        # Every block of the clean text is always shown, so the loader's cuts hold.
        self.body.terms = loaded.terms
        self.body.corrected = loaded.corrections.fixed_text if loaded.corrections else set()
        self.body.show_document(
            doc, loaded.clean, loaded.highlights, loaded.ranges, keywords=loaded.keywords
        )
        self.findbar.edit.clear()
        spot, self._after_history = self._after_history, None
        if kept is not None:  # the reader's place in the first part, read on from
            self.body.show_spot(*kept)
            return
        saved = self.session.saved_position()
        if saved is not None and len(saved) == 3:
            article, key, offset = saved
            start = next(
                (p for p in self.body.places if (p.article, p.key) == (article, key)), None
            )
            if offset or start is None:
                self.body.show_spot(article, key, offset)  # the line that was at the top
            else:
                self.body.scroll_to(article, start.block)  # a block's start, as gone to
        elif saved is not None:
            self.body.scroll_to(*saved)
        if spot is not None and spot.same_page(doc.source.path):
            self.body.show_spot(spot.article, spot.key, spot.offset, spot.dy)
            if spot.find:  # what was being looked for there is looked for again
                self.findbar.open()
                self.findbar.edit.setText(spot.find)

    def _show_corrected(self, change: Change) -> None:
        """Show the page with its corrections replayed, keeping the reader's place."""
        assert change.shown is not None and change.outcome is not None
        here = self.body.to_clean(self.body.textCursor().position())
        # The block corrected, or (undo, redo, a correction removed) the one with the cursor:
        # found again in the page as corrected, the cursor stays on it, and so does the view
        # if the cursor was in view: the block starts as far down the view as it did.
        mark = change.mark or self.mark_at_cursor(change.before)
        follow = change.mark is not None or self._cursor_in_view()
        start = self._position_of(self.body.doc, mark, 0) if mark is not None else None
        anchor = self.body.screen_y(start) if start is not None else None
        top = self.body.top_spot()
        top_mark = self._mark_of(change.before, top) if top is not None else None
        doc, clean = change.shown.doc, change.shown.clean
        self.body.corrected = change.outcome.fixed_text
        # A long page shown a part at a time shows the part holding the block kept in
        # view (the corrected page numbers its articles anew).
        kept = find_block(doc, mark) if mark is not None and follow else None
        if kept is None and top_mark is not None:
            kept = find_block(doc, top_mark)
        self.body.show_document(
            doc,
            clean,
            highlights_of(change.shown.placed),
            keywords={},
            around=kept[0] if kept is not None else None,
        )
        self.source.set_lines(doc.source_lines, doc.decisions, user_lines(change.outcome))
        # The text cursor stays on its block, so keys can follow one another.
        position = self._position_of(doc, mark) if mark is not None else None
        if position is None:
            position = self.body.to_view(min(here, max(0, len(clean.text) - 1)))
        if position is not None:
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(position)
            self.body.setTextCursor(cursor)
        block = self._position_of(doc, mark, 0) if mark is not None else None
        if follow and block is not None and anchor is not None:
            self.body.hold(block, anchor)
        elif follow and mark is not None and kept is not None and self.body.typesetting():
            # Not typeset yet: the cursor goes onto the block, its start as far down the
            # view as it was, once it is typeset (so the next Correct key acts on it).
            self.body.show_spot(kept[0], kept[1], mark.offset, -(anchor or 0))
        elif top is not None and top_mark is not None and (found := find_block(doc, top_mark)):
            self.body.keep_spot(*found, top[2], top[3])  # the line at the top stays there
        if position is not None and follow:
            self.body.ensureCursorVisible()
        self.outline.set_document(doc)

    def _show_annotations(self, start: int, end: int) -> None:
        annotator = self.session.annotator
        highlights = highlights_of(annotator.placed.values()) if annotator else []
        if end > start:
            self.body.update_highlights(highlights, start, end)
        else:
            self.body.highlights = sorted(highlights, key=lambda h: (h.start, -h.end))

    def mark_at_cursor(self, doc: Document | None = None) -> BlockMark | None:
        """The block with the text cursor, in `doc` (default: the page shown)."""
        doc = doc or self.session.doc
        position = self.body.textCursor().position()
        place = self.body.place_at(position)
        if doc is None or place is None or place.key < 0:
            return None
        block = doc.articles[place.article].all_blocks()[place.key]
        return BlockMark(block.first, block.last, block.text, max(0, position - place.position))

    def _position_of(self, doc: Document | None, mark: BlockMark, offset: int = -1) -> int | None:
        """The view position of the marked block in the page shown (None if not shown),
        `offset` characters into it (default: the mark's)."""
        found = find_block(doc, mark) if doc is not None else None
        if found is None:
            return None
        place = next((p for p in self.body.places if (p.article, p.key) == found), None)
        if place is None:
            return None
        return place.position + min(mark.offset if offset < 0 else offset, place.length)

    @staticmethod
    def _mark_of(doc: Document | None, spot: tuple[int, int, int, int]) -> BlockMark | None:
        """The block a top_spot() is in, to find again in the page corrected."""
        article, key = spot[0], spot[1]
        if doc is None or key < 0 or article >= len(doc.articles):
            return None
        blocks = doc.articles[article].all_blocks()
        if key >= len(blocks):
            return None
        block = blocks[key]
        return BlockMark(block.first, block.last, block.text, spot[2])

    def _cursor_in_view(self) -> bool:
        return self.body.viewport().rect().contains(self.body.cursorRect().center())

    # -- where the reader is -------------------------------------------------------------

    def _on_place_changed(self, _article: int, _block: int) -> None:
        if self.session.doc is not None:
            self._outline_sync.start()
            self._on_scrolled()

    def _on_scrolled(self) -> None:
        """The line at the top is the place saved, also within a long paragraph."""
        spot = self.body.top_spot() if self.session.doc is not None else None
        if spot is not None and spot[1] >= 0:
            self.session.set_place(*spot[:3])

    def _sync_outline(self) -> None:
        if self.session.doc is not None:
            self.outline.select(*self.body.current_place(), self.session.doc)

    def show_place(self) -> None:
        """Article k of n and how far through the page, in the status bar, numbered as
        the library, search results and exports number them (a headline the engine
        could not place is an item of its own there)."""
        doc = self.session.doc
        if doc is None:
            self.place_indicator.show_place(-1, 0, 0)
            return
        article = min(self.body.current_place()[0], len(doc.articles) - 1)
        # Through the whole page, where it is shown a part at a time.
        within = percent_through(self.body.verticalScrollBar()) / 100
        through = round(100 * self.body.page_fraction(within))
        self.place_indicator.show_place(
            max(0, article), len(doc.articles), through, self.body.part_shown_of()
        )

    def _on_block_selected(self, first: int, last: int) -> None:
        if self.source.isVisible():
            self.source.mark(first, last)

    def _on_source_shown(self) -> None:
        """The source view opens on the lines of the block being read, not on line 1."""
        lines = self.body.reading_lines()
        if lines is not None:
            self.source.mark(*lines)

    def _on_find_closed(self) -> None:
        self.findbar.hide()
        self.body.find_all("")
        self.body.setFocus()

    # -- back and forward ----------------------------------------------------------------

    def here(self) -> Spot | None:
        """The place being read: the page and the block at the top of the view."""
        doc = self.session.doc
        top = self.body.top_spot() if doc is not None else None
        if doc is None or top is None:
            return None
        find = self.findbar.edit.text() if self.findbar.isVisible() else ""
        return Spot(doc.source.path, *top, find=find)

    def record_jump(self) -> None:
        self.history.record(self.here())

    def go_back(self) -> None:
        self._go(self.history.back(self.here()))

    def go_forward(self) -> None:
        self._go(self.history.forward(self.here()))

    def _go(self, spot: Spot | None) -> None:
        if spot is None:
            return
        doc = self.session.doc
        if doc is not None and spot.same_page(doc.source.path):
            self.body.show_spot(spot.article, spot.key, spot.offset, spot.dy)
            return
        self._after_history = spot
        self.load(spot.path)

    def _on_outline_activated(self, article: int, block: int) -> None:
        self.record_jump()
        self.body.scroll_to(article, block)
