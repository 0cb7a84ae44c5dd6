"""OCR output with boxes as the text the engine reads: lines in reading order, with what
the geometry shows written the way text shows it.

The reflow engine reads a page's habits from its text (reader.core.reflow): an indent kept
as two full-width spaces starts a paragraph, and a blank line where the page has them
only between paragraphs ends one. A box says more than a plain export keeps: how far a
line starts from its column's left edge, how far it sits below the line before, how
large its type is. Those are written here in that same language, so one engine reads both
kinds of page.
"""

from __future__ import annotations

import collections
import itertools
import re
import statistics
from dataclasses import dataclass

from reader.core.layout import PageOrder, Placed, reading_order
from reader.core.lines import is_cheer, is_date, is_furniture, is_ornament
from reader.core.model import LineBox
from reader.core.ocr import BROKEN, FORMATS, OcrDocument
from reader.core.text import is_cjk_char, unpunctuated
from reader.core.words import common_words

INDENT = "\u3000\u3000"
# A line starting this many characters (body line heights) right of its column's left
# edge is indented; first-line indents are two characters, jitter a fraction of one.
INDENT_CHARS = 1.2
# Up to this many, only after a line that may end a paragraph.
CLEAR_INDENT_CHARS = 1.8
# ... and at most this many: a line starting further in sits elsewhere (a piece of a
# merged line, a line of another column the cut could not part), not indented.
INDENT_MAX_CHARS = 4.5
# A line whose margins on both sides differ by less than this many characters is centred.
CENTRED_CHARS = 1.5
# Both margins of a centred line are at least this many characters.
CENTRED_MIN = 2.5
# ... or by less than this share of the two margins together (column edges drift with
# skew and with the OCR program's padding).
CENTRED_SHARE = 0.25
# A line's column edges are measured over this many lines around it: the second
# outermost start and end among them, so that one indented first line, short last line
# or stray does not move them.
EDGE_WINDOW = 5
# A column's edges drift along its lines (a sheared scan) by the median drift between
# neighbouring lines (at most DRIFT_DOWN body heights apart) whose starts or ends differ by
# less than DRIFT_PAIR characters, where DRIFT_PAIRS pairs or more measure it.
DRIFT_DOWN = 2.5
DRIFT_PAIR = 0.5
DRIFT_PAIRS = 6
# ... and only where they hold over this many lines in a row, most of which (this
# share) fill the column between them.
STRETCH = 5
FULL_SHARE = 0.4
# A page's regions are blocks the OCR program saw where they hold this many lines on
# average.
REGION_LINES = 1.5
# ... and where no more than this share of them runs across columns.
REGIONS_ACROSS = 0.25
# A box of at most this many Latin letters and digits, wholly outside its column on a
# Chinese page, is junk.
STRAY_CHARS = 4
# A line that ends within this many characters of its column's far edge is full: the
# text does not say so where the column is narrower than those around it (set beside a
# label, 社论) or the line's characters wider.
FULL_MARGIN = 1.0
# ... in a column where at least this share of the lines in body type do, and this many.
JUSTIFIED = 0.6
JUSTIFIED_LINES = 3
# A character or two in type smaller than this share of the body's is junk.
SPECK_SIZE = 0.8
# A character alone whose box is this many times longer than it is across is no
# character's (on the real pages: marks and smudges; two characters set wide, such as the
# real 本報 at 2.0 a character, may be a label, and are not judged so).
STRETCHED = 2.5
_SENTENCE_ENDS = ("。", "！", "？", ".", "!", "?", "”", "」")
# Show-through: a line of at least SHOW_CHARS characters, no taller than SHOW_HEIGHT of the
# column's body type, spread SHOW_SPREAD times its characters' spacing or more, without
# these marks (those of a sentence, and of a date: 年, 月, 日).
SHOW_CHARS = 3
SHOW_HEIGHT = 1.3
SHOW_SPREAD = 1.4
# A column's spacing of characters is measured on its lines of this many characters or more.
SPACING_CHARS = 8
_SHOW_MARKS = frozenset("。！？，、；：年月日")
# A masthead is a paper's name: this many characters, set this many times the body's
# size. Around it, lines that say what issue this is are furniture too (an issue number
# whose 第 OCR misread, 忠54号, among them).
MASTHEAD_CHARS = (2, 6)
# A line of at most this many characters in headline type level with the masthead and
# with no text under it is a slogan flanking it.
SLOGAN_CHARS = 8
# The facing page's edge, caught by the scan: lines wholly within this share of the
# page's width at its left or right edge, this share of the width clear of its text.
EDGE_SHARE = 0.04
BLEED_GAP = 0.02
MASTHEAD_SIZE = 2.0
_ISSUE_LINE = re.compile(
    r"第\s*[\d一二三四五六七八九十百]+\s*[期号號版]|^.?\s*\d{1,4}\s*[期号號]$"
    r"|注意保存|内部参考|今日.{1,2}版|本期.{1,2}版"
    # a date, alone or before the weekday, the lunar date or the issue (not before text:
    # 一九六七年一月十日在接见有关单位代表时的讲话 is where a speech was made)
    r"|^[〇○零一二三四五六七八九十\d]{2,4}\s*年\s*[〇○零一二三四五六七八九十\d]{1,2}\s*月"
    r"(?:\s*[〇○零一二三四五六七八九十\d]{1,3}\s*日)?(?:$|\s*(?:星期|[夏农]历|第|[（(]))"
    r"|星期[一二三四五六日天]|[夏农]历|主办|編印|编印|翻印|编辑|編輯|出版|^\d{4}[.．]\d{1,2}[.．]\d{1,2}"
)
# A headline takes at most this many lines; a longer run of lines in large type is text.
HEADLINE_LINES = 3
# Two lines of headline type whose sizes differ by more than this share are two parts of
# a headline group (kicker, title), not one headline over two lines.
SAME_SIZE = 0.2
# Type this many times the column's body height is a headline's, set apart by breaks.
HEADLINE_SIZE = 1.5
# A column of this many lines or more, most holding a comma or a full stop, is running
# text: its body size is its own, whatever the page's.
RUNNING_LINES = 3
_SENTENCE = re.compile(r"[，。；！？,;]")


@dataclass(frozen=True, slots=True)
class OcrText:
    """The page's lines as text, and what was read from the boxes to make them."""

    lines: list[str]
    boxes: list[LineBox | None]  # one per line: where it sat (None for a blank line)
    orders: list[PageOrder]
    reading: str
    junk: frozenset[int] = frozenset()  # lines that are marks and specks, not text
    headlines: frozenset[int] = frozenset()  # lines set in headline type
    # lines that reach their column's far edge: full, whatever their text's width says
    full: frozenset[int] = frozenset()


def ocr_text(document: OcrDocument) -> OcrText:
    """Every page's lines in reading order, indents and breaks written as text; pages are
    separated by a blank line."""
    lines: list[str] = []
    boxes: list[LineBox | None] = []
    junk: set[int] = set()
    headlines: set[int] = set()
    full: set[int] = set()
    orders = []
    for n, page in enumerate(document.pages):
        order = reading_order(page)
        orders.append(order)
        sizes = _Sizes(order)
        if n and lines:
            lines.append("")
            boxes.append(None)
        run: list[int] = []  # consecutive lines in headline type
        furniture = (
            _masthead(order, sizes)
            | _bleed(order, page.width)
            | _cheer_bands(order, sizes)
            | _between_headline(order, sizes)
        )
        filled: set[int] = set()
        for text, placed, speck in [
            *_page_lines(order, sizes, furniture, filled),
            ("", None, False),
        ]:
            if placed is not None and id(placed) in furniture:
                speck = True
            if placed is not None and id(placed) in filled:
                full.add(len(lines))
            if placed is not None and not speck and _headline(placed, sizes):
                run.append(len(lines))
            else:
                # A headline takes a few lines; more in the same type is text set large
                # (a quotation box, an editorial).
                if len(run) <= HEADLINE_LINES:
                    headlines.update(run)
                run = []
            if speck:
                junk.add(len(lines))
            lines.append(text)
            boxes.append(None if placed is None else _line_box(n, placed))
        lines.pop()
        boxes.pop()
    return OcrText(
        lines,
        boxes,
        orders,
        _reading(document, orders),
        frozenset(junk),
        frozenset(headlines),
        frozenset(full),
    )


def _line_box(page: int, placed: Placed) -> LineBox:
    box = placed.line.box  # the page's own coordinates, not the deskewed frame
    return LineBox(page, placed.column, (box.x0, box.y0, box.x1, box.y1), placed.line.confidence)


def _page_lines(
    order: PageOrder,
    sizes: _Sizes | None = None,
    furniture: frozenset[int] | set[int] = frozenset(),
    filled: set[int] | None = None,
) -> list[tuple[str, Placed | None, bool]]:
    """Each line as text with the placed line it came from (None for a blank line), and
    whether it is junk: a speck or mark the OCR program read as a character or two. Junk
    is taken out of the running text and written apart at the next place the text breaks
    anyway: not at its column's end, where a paragraph running on into the next column
    would be cut in two, nor under a headline, whose kicker or subtitle may follow.
    Each line in body type that reaches its column's far edge goes into `filled` (by
    id): a full line, however few characters it holds. Only in a justified column, where
    most lines reach it (JUSTIFIED): a column's edge is where its longer lines end, and
    in a list of one sentence a line the longest reach it too."""
    sizes = sizes or _Sizes(order)
    body = sizes.body
    edges = {k: _edges(order, k, body[k]) for k in range(len(order.columns))}
    local = _local_edges(order, edges, body)
    cells = {k: _cell(order, k, body[k]) for k in range(len(order.columns))}
    # A format's regions say where the OCR program saw blocks only where they hold
    # several lines; one region a line (a converter's, or a region per box) says nothing.
    regions = {p.line.region for p in order.placed}
    grouped = len(order.placed) >= REGION_LINES * max(len(regions), 1) and _regions_in_columns(
        order
    )
    out: list[tuple[str, Placed | None, bool]] = []
    # Each column's lines in body type: whether each reaches the far edge, and its id.
    reaching: dict[int, list[tuple[bool, int]]] = collections.defaultdict(list)
    chinese = _chinese(order)
    spacing = _spacing(order) if chinese else {}
    previous: Placed | None = None
    was_centred = was_large = False
    specks: list[tuple[str, Placed]] = []

    def set_apart() -> None:
        if not specks:
            return
        if out and out[-1][0]:
            out.append(("", None, False))
        out.extend((speck, where, True) for speck, where in specks)
        out.append(("", None, False))
        specks.clear()

    # Columns of one line: a box set apart from every column of text.
    counted = collections.Counter(p.column for p in order.placed)
    alone = {k: counted[k] == 1 for k in range(len(order.columns))}
    # For each line of page furniture, the line the text after it resumes with.
    resumes: dict[int, Placed] = {}
    waiting: list[int] = []
    for placed in order.placed:
        if id(placed) in furniture:
            waiting.append(id(placed))
        else:
            resumes.update(dict.fromkeys(waiting, placed))
            waiting.clear()
    for placed in order.placed:
        text = " ".join(placed.line.text.split())
        if not text:
            continue
        vertical = order.columns[placed.column].vertical
        size = body[placed.column]
        start, end = _span(placed, vertical)
        left, right = local.get(id(placed)) or edges[placed.column].of(placed)
        if (
            placed.apart
            or _speck(placed, text, size, sizes, vertical)
            or (
                chinese
                and _stray(placed, text, end < left or start > right or alone[placed.column])
            )
            or (
                placed.column in spacing  # (a Chinese page's columns of Chinese text)
                and _show_through(placed, text, size, min(spacing[placed.column], size), vertical)
            )
            or is_ornament("".join(text.split()))
            or (
                id(placed) in furniture
                and id(previous) not in furniture
                and _mid_sentence(previous, out, sizes)
                and _under(previous, resumes.get(id(placed)), size)
            )
        ):
            specks.append((text, placed))
            continue
        offset, margin = start - left, right - end
        large = sizes(placed) >= HEADLINE_SIZE * size
        # A line set in the middle of its column (a headline) has margins alike on both
        # sides; a paragraph's first line is indented on the left only.
        # (margins of under CENTRED_MIN characters are an indented first line's that
        # wrapped a little short)
        centred = min(offset, margin) >= CENTRED_MIN * size and abs(offset - margin) <= max(
            CENTRED_CHARS * size, CENTRED_SHARE * (offset + margin)
        )
        cell = cells[placed.column]
        if not large:
            reaching[placed.column].append((margin <= FULL_MARGIN * cell, id(placed)))
        indented = (
            not large
            and not placed.noise
            and not centred
            and INDENT_CHARS * cell <= offset <= INDENT_MAX_CHARS * cell
            # A line in by less than a clear indent is one only after a line that ends
            # the paragraph: the boxes' jitter moves lines by that much.
            and (
                offset >= CLEAR_INDENT_CHARS * cell or _ends_paragraph(previous, order, edges, body)
            )
        )
        # A line centred in its column stands apart: a headline set in body type.
        if (
            previous is not None
            and out
            and out[-1][0]
            and (
                _break(previous, placed, sizes, large)
                or (grouped and _new_region(previous, placed))
                # (the lines of a headline in headline type, each centred, are told apart
                # by their sizes alone: _break)
                or ((centred or was_centred) and not (large and was_large))
            )
        ):
            if specks and not _headline(previous, sizes):
                set_apart()
            else:
                out.append(("", None, False))
        out.append(((INDENT if indented else "") + text, placed, False))
        previous = placed
        was_centred, was_large = centred, large
    set_apart()
    if filled is not None:
        for column in reaching.values():
            full = [key for reaches, key in column if reaches]
            if len(full) >= JUSTIFIED * len(column) and len(full) >= JUSTIFIED_LINES:
                filled.update(full)
    while out and not out[-1][0]:
        out.pop()
    return out


def _under(previous: Placed | None, placed: Placed | None, size: float) -> bool:
    """Whether `placed` is the next line of `previous`'s column: right under it, within
    a line's pitch, across most of its width."""
    if previous is None or placed is None:
        return False
    a, b = previous.box, placed.box
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return 0 <= b.y0 - a.y0 <= 2 * size and overlap >= 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _mid_sentence(
    previous: Placed | None, out: list[tuple[str, Placed | None, bool]], sizes: _Sizes
) -> bool:
    """Whether the text written so far stops inside a sentence of running text, a
    paragraph of two lines or more: page furniture read there, with the text after it
    going on right under it (a masthead the reading order puts between two lines of a
    column: _under), waits for the next break, as specks do, and the paragraph runs on
    past it. (A line alone may be furniture itself, a publisher's name by a masthead.)"""
    if (
        previous is None
        or len(out) < 2
        or not out[-1][0]
        or not out[-2][0]
        or out[-2][2]
        or _headline(previous, sizes)
    ):
        return False
    text = "".join(previous.line.text.split())
    return bool(text) and not text.endswith(_SENTENCE_ENDS)


def _ends_paragraph(
    previous: Placed | None,
    order: PageOrder,
    edges: dict[int, _Edges],
    body: dict[int, float],
) -> bool:
    """Whether the line before may end a paragraph: there is none, or it ends a sentence,
    or it stops well short of its column's edge."""
    if previous is None:
        return True
    text = "".join(previous.line.text.split())
    if not text or text.endswith(_SENTENCE_ENDS):
        return True
    vertical = order.columns[previous.column].vertical
    end = edges[previous.column].of(previous)[1]
    return end - _span(previous, vertical)[1] >= 2 * body[previous.column]


def _chinese(order: PageOrder) -> bool:
    """Whether most of the page's characters are Chinese."""
    text = "".join(p.line.text for p in order.placed)
    return sum(map(is_cjk_char, text)) * 2 > len(text)


def _stray(placed: Placed, text: str, outside: bool = False) -> bool:
    """On a Chinese page, a box of a Latin letter or two alone (M, Y): a speck or a mark
    misread, whatever its size; or, wholly `outside` its column's edges or a column of
    its own, a few Latin letters and digits alone (2EE beside a column: a smudge or an
    ornament misread).
    (Digits alone may be part of a line the OCR program cut at a space: 3 月 12 日.)"""
    if not text.isascii() or not any(c.isalpha() for c in text):
        return False
    if placed.noise and len(text) <= 2 and text.isalpha():
        return True
    return outside and len(text) <= STRAY_CHARS and text.replace(" ", "").isalnum()


def _spacing(order: PageOrder) -> dict[int, float]:
    """Each column's Chinese characters' spacing along its lines, where it has lines of
    SPACING_CHARS characters or more, most of them Chinese: the median of their widths
    per character (a box is drawn a little higher than its type, and a character is
    narrower than the box is high). A column of Latin text has none."""
    widths: dict[int, list[float]] = collections.defaultdict(list)
    for p in order.placed:
        chars = "".join(p.line.text.split())
        if p.noise or p.line.vertical or len(chars) < SPACING_CHARS:
            continue
        if sum(1 for c in chars if is_cjk_char(c)) * 2 > len(chars):
            widths[p.column].append((p.box.x1 - p.box.x0) / len(chars))
    return {k: statistics.median(v) for k, v in widths.items()}


def _show_through(placed: Placed, text: str, size: float, cell: float, vertical: bool) -> bool:
    """On a Chinese page, the print on the back of the sheet showing through, which OCR
    read mirrored: a line in body type (at most SHOW_HEIGHT of the column's) whose
    characters stand SHOW_SPREAD times the column's spacing of Chinese characters (or its
    type size, where that is less) apart or more, with no mark that ends or parts a
    sentence and no part of a date (a date's numerals read as common words both ways),
    that read backwards holds more of the language's common words than read forwards
    (志同生 for 生同志, 共央中 for 中央共). A headline spread as wide reads forwards
    (毛主席最新指示)."""
    chars = "".join(text.split())
    if vertical or len(chars) < SHOW_CHARS or any(c in _SHOW_MARKS for c in chars):
        return False
    box = placed.box
    if box.y1 - box.y0 > SHOW_HEIGHT * size or box.x1 - box.x0 < SHOW_SPREAD * cell * len(chars):
        return False
    words = common_words()

    def pairs(run: str) -> int:
        return sum(1 for k in range(len(run) - 1) if run[k : k + 2] in words)

    return pairs(chars[::-1]) > pairs(chars)


def _speck(placed: Placed, text: str, size: float, sizes: _Sizes, vertical: bool) -> bool:
    """A character or two in type much smaller than the column's: a mark, a speck or
    show-through read as text. A short last line (`底。`) ends a sentence and stays. Or a
    character in a box far longer than it is: a smudge or a piece of a rule that OCR read
    as 舌 (136 px along for 35 across; a character's box is about square)."""
    if not placed.noise or text.endswith(_SENTENCE_ENDS):
        return False
    box = placed.box
    start, end = _span(placed, vertical)
    across = (box.x1 - box.x0) if vertical else (box.y1 - box.y0)
    # One character only (two may be a label set wide, 社 论), and along the line only
    # (a digit or a Latin letter is narrow, and its box with it).
    if len("".join(text.split())) == 1 and end - start > STRETCHED * across:
        return True
    return sizes(placed) < SPECK_SIZE * size


def _cell(order: PageOrder, column: int, size: float) -> float:
    """The width of one character in the column: its type size for Chinese, where every
    character fills a square; the lines' own width per character (spaces between words
    counted) for Latin script, whose paragraphs are indented by an em or two, a fraction of
    a line's height."""
    vertical = order.columns[column].vertical
    widths = []
    latin = wide = 0
    for p in order.placed:
        if p.column != column or p.noise:
            continue
        text = " ".join(p.line.text.split())
        latin += sum(1 for c in text if c.isascii() and c.isalpha())
        wide += sum(1 for c in text if not c.isascii())
        if len(text) >= 4:
            start, end = _span(p, vertical)
            widths.append((end - start) / len(text))
    if not widths or latin <= wide:
        return size
    return min(statistics.median(widths), size)


def _span(placed: Placed, vertical: bool) -> tuple[float, float]:
    """Where the line starts and ends along its direction."""
    box = placed.box
    return (box.y0, box.y1) if vertical else (box.x0, box.x1)


def _across(placed: Placed, vertical: bool) -> float:
    """Where the line sits across its direction: its top, or for vertical text its left."""
    return placed.box.x0 if vertical else placed.box.y0


def _drift(lines: list[Placed], vertical: bool, size: float) -> float:
    """How far the column's edges move along the lines for each unit down the column (a
    sheared or warped scan, which turning the page back does not straighten). A first
    guess is the median over neighbouring lines that start or end alike (within
    DRIFT_PAIR characters: an indent or a short last line moves an edge, a drift hardly);
    it is then fitted by least squares to the lines that start or end on the edges it
    gives, a few times over. 0 where fewer than DRIFT_PAIRS pairs measure it, or where the
    edges move less than DRIFT_PAIR characters over the whole column."""
    slopes = []
    for a, b in itertools.pairwise(lines):
        down = _across(b, vertical) - _across(a, vertical)
        if not 0 < down <= DRIFT_DOWN * size:
            continue
        (a0, a1), (b0, b1) = _span(a, vertical), _span(b, vertical)
        alike = ((x, y) for x, y in ((a0, b0), (a1, b1)) if abs(y - x) < DRIFT_PAIR * size)
        slopes += [(y - x) / down for x, y in alike]
    if len(slopes) < DRIFT_PAIRS:
        return 0.0
    drift = statistics.median(slopes)
    downs = [_across(p, vertical) for p in lines]
    spans = [_span(p, vertical) for p in lines]
    for _round in range(3):
        sums = [0.0, 0.0]
        for side in (0, 1):
            moved = [span[side] - drift * down for span, down in zip(spans, downs, strict=True)]
            edge = sorted(moved)[len(moved) // 4 if side == 0 else (3 * len(moved)) // 4]
            on = [k for k, m in enumerate(moved) if abs(m - edge) < DRIFT_PAIR * size]
            if len(on) < 2:
                continue
            mean_down = statistics.fmean(downs[k] for k in on)
            mean_at = statistics.fmean(spans[k][side] for k in on)
            sums[0] += sum((downs[k] - mean_down) * (spans[k][side] - mean_at) for k in on)
            sums[1] += sum((downs[k] - mean_down) ** 2 for k in on)
        if not sums[1]:
            return 0.0
        drift = sums[0] / sums[1]
    if abs(drift) * (max(downs) - min(downs)) < DRIFT_PAIR * size:
        return 0.0
    return drift


def _edges(order: PageOrder, column: int, size: float) -> _Edges:
    """The column's text edges: where most of its lines start and end (its box reaches
    the outermost line, which may be a stray or a headline), moving with the column's
    drift."""
    vertical = order.columns[column].vertical
    lines = [p for p in order.placed if p.column == column and not p.noise]
    if not lines:
        box = order.columns[column].box
        return _Edges(*((box.y0, box.y1) if vertical else (box.x0, box.x1)))
    drift = _drift(lines, vertical, size)
    at = statistics.median(_across(p, vertical) for p in lines)
    shifted = _Edges(0.0, 0.0, drift, at, vertical)  # each line's shift: .of(line)[0]
    spans = []
    for p in lines:
        (s, e), shift = _span(p, vertical), shifted.of(p)[0]
        spans.append((s - shift, e - shift))
    starts = sorted(s for s, _e in spans)
    ends = sorted(e for _s, e in spans)
    return _Edges(starts[len(starts) // 4], ends[(3 * len(ends)) // 4], drift, at, vertical)


@dataclass(frozen=True, slots=True)
class _Edges:
    """A column's text edges where its line sits across at `at`; at another line they
    are `drift` further along for each unit further across."""

    left: float
    right: float
    drift: float = 0.0
    at: float = 0.0
    vertical: bool = False

    def of(self, placed: Placed) -> tuple[float, float]:
        shift = self.drift * (_across(placed, self.vertical) - self.at)
        return self.left + shift, self.right + shift


def _local_edges(
    order: PageOrder, edges: dict[int, _Edges], body: dict[int, float]
) -> dict[int, tuple[float, float]]:
    """Each line's column edges where a long stretch of the column keeps edges of its own
    (keyed by id of the placed line): a column's edge drifts down a warped scan, and a
    part of a column set narrower (a boxed piece) has edges of its own; measured over the
    whole column, their lines would all look indented. Where the lines around a line
    start and end is the second outermost start and end among them; it counts only over
    a stretch of STRETCH lines or more, as a run of indented list items is shorter."""
    out: dict[int, tuple[float, float]] = {}
    for column in range(len(order.columns)):
        vertical = order.columns[column].vertical
        placed = [p for p in order.placed if p.column == column and not p.noise]
        if len(placed) < EDGE_WINDOW:
            continue
        spans = [_span(p, vertical) for p in placed]
        half = EDGE_WINDOW // 2
        local = []
        for n in range(len(placed)):
            lo = min(max(n - half, 0), len(placed) - EDGE_WINDOW)
            near = spans[lo : lo + EDGE_WINDOW]
            local.append((sorted(a for a, _ in near)[1], sorted(b for _, b in near)[-2]))
        shift = INDENT_CHARS * body[column]
        moved = [
            abs(a - left) >= shift or abs(b - right) >= shift
            for (a, b), (left, right) in zip(
                local, (edges[column].of(p) for p in placed), strict=True
            )
        ]
        for is_moved, run in itertools.groupby(range(len(placed)), key=lambda n: moved[n]):
            members = list(run)
            if not is_moved or len(members) < STRETCH:
                continue
            # A column set otherwise is justified between its own edges: most of its
            # lines fill it (a run of short and centred lines moves them too).
            full = sum(
                1
                for n in members
                if abs(spans[n][0] - local[n][0]) < shift and abs(spans[n][1] - local[n][1]) < shift
            )
            if full >= FULL_SHARE * len(members):
                for n in members:
                    out[id(placed[n])] = local[n]
    return out


def _size(placed: Placed, vertical: bool) -> float:
    """The line's type size: its box's extent across the line, or for Chinese, where a
    character is as wide as it is high, the width of one character along it if that is
    less: the box of a long line on a skewed scan is much taller than its type."""
    box = placed.box
    across, along = (
        (box.x1 - box.x0, box.y1 - box.y0) if vertical else (box.y1 - box.y0, box.x1 - box.x0)
    )
    chars = "".join(placed.line.text.split())
    if len(chars) >= 2 and sum(1 for c in chars if not c.isascii()) * 2 > len(chars):
        return min(across, along / len(chars))
    return across


class _Sizes:
    """The type sizes of a page's lines, measured once: each line's (call with the
    placed line), each column's body (`body`) and the page's (`page`), the median of the
    lines that are not noise."""

    def __init__(self, order: PageOrder) -> None:
        self.of = {id(p): _size(p, order.columns[p.column].vertical) for p in order.placed}
        by_column: dict[int, list[float]] = {k: [] for k in range(len(order.columns))}
        for p in order.placed:
            if not p.noise:
                by_column[p.column].append(self.of[id(p)])
        self.body = {k: statistics.median(v) if v else 1.0 for k, v in by_column.items()}
        text = [size for sizes in by_column.values() for size in sizes]
        self.page = statistics.median(text) if text else 1.0
        # Columns of running text (most of their lines hold a comma or a full stop): type
        # larger than the page's there is the column's own, as in a quotation box set
        # large; a column of headlines alone is measured against the page.
        marked: dict[int, list[bool]] = {k: [] for k in range(len(order.columns))}
        for p in order.placed:
            if not p.noise:
                marked[p.column].append(bool(_SENTENCE.search(p.line.text)))
        self.running = {
            k: len(v) >= RUNNING_LINES and sum(v) * 2 > len(v) for k, v in marked.items()
        }

    def headline_body(self, column: int) -> float:
        """The body size a line of the column is measured against for headline type."""
        body = self.body[column]
        return body if self.running[column] else min(body, self.page)

    def __call__(self, placed: Placed) -> float:
        return self.of[id(placed)]


def _break(previous: Placed, placed: Placed, sizes: _Sizes, large: bool) -> bool:
    """Whether the geometry shows a break between two consecutive lines: a headline's
    type on one side only, or headline type of two sizes (a kicker over its title, also
    in a column of headlines alone, whose own body is the headlines' type)."""
    before = sizes(previous)
    was_large = before >= HEADLINE_SIZE * sizes.body[previous.column]
    if large != was_large:
        return True
    now = sizes(placed)
    if not large and not (
        min(before, now) >= HEADLINE_SIZE * sizes.headline_body(placed.column)
        and previous.column == placed.column
    ):
        return False
    return abs(now - before) > SAME_SIZE * max(now, before)


def _bleed(order: PageOrder, width: float) -> set[int]:
    """Lines of the facing page that the scan caught at its edge: wholly within the outer
    EDGE_SHARE of the page's width, with the page's own text ending (or starting) at least
    BLEED_GAP of the width away from them (ids of placed lines). Page furniture."""
    if width <= 0:
        return set()
    band = EDGE_SHARE * width
    right = [p for p in order.placed if p.line.box.x0 >= width - band]
    left = [p for p in order.placed if p.line.box.x1 <= band]
    rest = [p for p in order.placed if p.line.box.x1 > band and p.line.box.x0 < width - band]
    if not rest:
        return set()
    out: set[int] = set()
    if right and min(p.line.box.x0 for p in right) - max(p.line.box.x1 for p in rest) >= (
        BLEED_GAP * width
    ):
        out.update(id(p) for p in right)
    if left and min(p.line.box.x0 for p in rest) - max(p.line.box.x1 for p in left) >= (
        BLEED_GAP * width
    ):
        out.update(id(p) for p in left)
    return out


def _masthead(order: PageOrder, sizes: _Sizes) -> set[int]:
    """The masthead and the issue lines around it, as ids of placed lines: page furniture
    by position. The masthead is the largest short line (a paper's name) in the top
    quarter of the page, set at least twice the body's size, that has around it, within
    its own height, the issue number, the date, the publisher or notes such as 注意保存.
    A short headline at the top of an inner page has none of those."""
    text = [p for p in order.placed if not p.noise]
    if not text:
        return set()
    top = min(p.box.y0 for p in text)
    bottom = max(p.box.y1 for p in text)
    names = [
        p
        for p in text
        if MASTHEAD_CHARS[0] <= len("".join(p.line.text.split())) <= MASTHEAD_CHARS[1]
        and (p.box.y0 + p.box.y1) / 2 < top + 0.25 * (bottom - top)
        and sizes(p) >= MASTHEAD_SIZE * sizes.page
    ]
    for name in sorted(names, key=sizes, reverse=True):
        around = _issue_lines(name, text)
        if around:  # a paper's name goes with its issue number, date or publisher
            cheers = _cheers(name, [p for p in text if id(p) in around], text)
            return {id(name), *around, *_slogans(name, text, sizes), *cheers}
    return set()


def _cheers(name: Placed, issue: list[Placed], lines: list[Placed]) -> set[int]:
    """A slogan of a few short lines set among the masthead's issue lines, read one after
    another (敬祝伟大的领袖 / 毛主席 / 万寿无疆 to the left of the date): within the
    masthead's width to either side of it and its issue lines, and its height under them,
    unpunctuated, at most twice SLOGAN_CHARS characters in all, ending in a cheer, with no
    text under it (ids of placed lines); a line ending with ！ there may be a paragraph's
    last, and a cheer over text is that text's title. In body type, it may come before
    the masthead in the reading order, where the words beside the masthead are not looked
    for."""
    boxes = [name.box, *(p.box for p in issue)]
    width, height = name.box.x1 - name.box.x0, name.box.y1 - name.box.y0
    x0, x1 = min(b.x0 for b in boxes) - width, max(b.x1 for b in boxes) + width
    y0, y1 = min(b.y0 for b in boxes), max(b.y1 for b in boxes) + height
    taken = {id(name), *(id(p) for p in issue)}
    out: set[int] = set()
    run: list[Placed] = []
    for p in [*lines, None]:
        words = "" if p is None else "".join(p.line.text.split())
        if (
            p is not None
            and id(p) not in taken
            and x0 <= (p.box.x0 + p.box.x1) / 2 <= x1
            and y0 <= (p.box.y0 + p.box.y1) / 2 <= y1
            and 0 < len(words) <= SLOGAN_CHARS
            and unpunctuated(words.rstrip("！!"))
        ):
            run.append(p)
            continue
        joined = "".join("".join(q.line.text.split()) for q in run)
        if (
            run
            and len(joined) <= 2 * SLOGAN_CHARS
            and is_cheer(joined)
            and not _over_text(run, lines)
        ):
            out.update(id(q) for q in run)
        run = []
    return out


def _over_text(run: list[Placed], lines: list[Placed]) -> bool:
    """Whether text of more than a few characters stands right under the run (within two
    of its lines' heights, across its width): the run is the title over it, not a slogan."""
    x0, x1 = min(p.box.x0 for p in run), max(p.box.x1 for p in run)
    foot = max(p.box.y1 for p in run)
    height = max(p.box.y1 - p.box.y0 for p in run)
    return any(
        q not in run
        and foot <= q.box.y0 <= foot + 2 * height
        and min(x1, q.box.x1) > max(x0, q.box.x0)
        and len("".join(q.line.text.split())) > SLOGAN_CHARS
        for q in lines
    )


def _between_headline(order: PageOrder, sizes: _Sizes) -> set[int]:
    """A character or two in smaller type between two boxes of one headline on its row
    (儿 and 国 between the 前 and 言 of a spaced-out 前言): the specks of an ornament
    around it, not text (ids of placed lines)."""
    large = [p for p in order.placed if sizes(p) >= HEADLINE_SIZE * sizes.page]
    out: set[int] = set()
    for q in order.placed:
        if not q.noise or q in large or q.line.text.strip().endswith(_SENTENCE_ENDS):
            continue
        xc, yc = (q.box.x0 + q.box.x1) / 2, (q.box.y0 + q.box.y1) / 2
        row = [p for p in large if p.box.y0 <= yc <= p.box.y1]
        if any(p.box.x1 <= xc for p in row) and any(p.box.x0 >= xc for p in row):
            out.add(id(q))
    return out


def _cheer_bands(order: PageOrder, sizes: _Sizes) -> set[int]:
    """A cheer set across the page in headline type (毛主席万岁，万岁，万万岁) over another
    headline or whitespace, not over any line in body type, and the short unpunctuated
    lines and marks level with it and beside it (偉大的导师偉大的领袖 / 偉大的统帅偉大的舵手 to
    its left, ！！！ to its right, their centres within its height, at most twice that away):
    a slogan band between stories, not a title (ids of placed lines). A cheer with its
    story's text or byline under it is that story's title, and one right under another
    line ends what that line begins (a headline, a slogan by the masthead)."""
    lines = [p for p in order.placed if not p.noise]
    large = [p for p in lines if sizes(p) >= HEADLINE_SIZE * sizes.page]
    out: set[int] = set()
    for p in large:
        words = "".join(p.line.text.split()).rstrip("！!")
        if not 0 < len(words) <= 2 * SLOGAN_CHARS or not is_cheer(words):
            continue
        box, height = p.box, p.box.y1 - p.box.y0
        if any(
            q is not p
            and box.y0 - height / 2 <= q.box.y1 <= box.y0 + height / 2
            and min(box.x1, q.box.x1) > max(box.x0, q.box.x0)
            for q in lines
        ):
            continue  # the last line of a headline or of a slogan over lines (毛主席 / 万寿无疆)
        below = [
            q
            for q in lines
            if q.box.y0 >= box.y1 - height / 2 and min(box.x1, q.box.x1) > max(box.x0, q.box.x0)
        ]
        nearest = min(below, key=lambda q: q.box.y0, default=None)
        if nearest is not None and nearest not in large and nearest.box.y0 <= box.y1 + 2 * height:
            continue  # its story's title, over its text or its byline
        out.add(id(p))
        for q in lines:
            words = "".join(q.line.text.split())
            gap = max(box.x0 - q.box.x1, q.box.x0 - box.x1)  # beside it (overlapping: < 0)
            if (
                q is not p
                and box.y0 <= (q.box.y0 + q.box.y1) / 2 <= box.y1
                and gap <= 2 * height
                and 0 < len(words) <= 2 * SLOGAN_CHARS
                and (not words.strip("！!") or unpunctuated(words))
            ):
                out.add(id(q))
    return out


def _slogans(name: Placed, lines: list[Placed], sizes: _Sizes) -> set[int]:
    """Short lines in headline type level with the masthead (their centres within half its
    height of it), with no text in body type under them: a slogan flanking the paper's
    name, not a box's title (ids of placed lines)."""
    box = name.box
    height = box.y1 - box.y0
    out = set()
    for p in lines:
        centre_y = (p.box.y0 + p.box.y1) / 2
        if (
            p is name
            or not box.y0 - height / 2 <= centre_y <= box.y1 + height / 2
            or len("".join(p.line.text.split())) > SLOGAN_CHARS
            or sizes(p) < HEADLINE_SIZE * sizes.page
        ):
            continue
        under = [
            q
            for q in lines
            if sizes(q) < HEADLINE_SIZE * sizes.page
            and p.box.y1 <= q.box.y0 <= p.box.y1 + height
            and min(p.box.x1, q.box.x1) > max(p.box.x0, q.box.x0)
        ]
        if not under:
            out.add(id(p))
    return out


def _issue_lines(name: Placed, lines: list[Placed]) -> set[int]:
    """Lines within the masthead's height above it and twice that below, and its width
    to either side, that say what issue this is (ids of placed lines)."""
    box = name.box
    height, width = box.y1 - box.y0, box.x1 - box.x0
    out = set()
    for p in lines:
        if p is name:
            continue
        centre_x, centre_y = (p.box.x0 + p.box.x1) / 2, (p.box.y0 + p.box.y1) / 2
        words = "".join(p.line.text.split())
        if (
            box.y0 - height <= centre_y <= box.y1 + 2 * height
            and box.x0 - width <= centre_x <= box.x1 + width
            and (is_furniture(words) or is_date(words) or _ISSUE_LINE.search(words))
        ):
            out.add(id(p))
    return out


def _headline(placed: Placed, sizes: _Sizes) -> bool:
    """Whether a line is set in headline type: much larger than the body of its column
    and of the page (a column of vertical headlines is a column of its own)."""
    text = placed.line.text.strip()
    if len(text) < 2 or text.endswith(BROKEN):
        return False  # a word broken at its end: running text (a drop initial makes it tall)
    return sizes(placed) >= HEADLINE_SIZE * sizes.headline_body(placed.column)


def _regions_in_columns(order: PageOrder) -> bool:
    """Whether the format's regions keep to the columns the geometry finds: an OCR
    program's block lies in one column; regions that run across several (a converter's
    groups of lines in the file's order, row by row across the page) say nothing of
    where paragraphs break."""
    columns: dict[str, set[int]] = {}
    for p in order.placed:
        if p.line.region is not None and not p.noise and not p.straddles:
            columns.setdefault(p.line.region, set()).add(p.column)
    several = [r for r, cols in columns.items() if len(cols) > 1]
    return len(several) <= REGIONS_ACROSS * len(columns)


def _new_region(previous: Placed, placed: Placed) -> bool:
    """The format's own blocks (ALTO TextBlock, PAGE TextRegion, hOCR paragraph) end at a
    change of region: the OCR program saw a break there."""
    before, now = previous.line.region, placed.line.region
    return before is not None and now is not None and before != now


def _reading(document: OcrDocument, orders: list[PageOrder]) -> str:
    columns = sum(len(o.columns) for o in orders)
    said = [f"read from {FORMATS[document.format]} boxes"]
    if any(o.source == "file" for o in orders):
        said.append("in the file's own reading order")
    else:
        said.append(f"{columns} column(s) ordered by their positions")
    if any(o.file_interleaved for o in orders):
        said.append("the file lists its lines across the columns")
    return "; ".join(said)
