"""Reading order of an OCR page from the geometry of its lines.

A recursive XY-cut: a region is cut at gutters (vertical whitespace that runs its whole
height) into columns read left to right, or, where something spans the gutters (a
headline over several columns), at horizontal whitespace into bands read top to bottom.
Bands whose columns line up are kept together, so the rows of a multi-column article do
not become bands of their own; a headline set beside columns that run on under it does not
keep them apart. What the cut leaves undivided is a column, read line by line.

Some lines take no part in finding the cuts:
- noise: boxes of one or two characters (ornaments, stray marks, dirt in a gutter), placed
  afterwards in the column nearest to their centre;
- straddlers: body-sized lines much wider than the usual line of their region, which is
  what PaddleOCR makes when it merges the lines of two to four columns into one box. A
  gutter is cut through them as long as fewer of them cross it than lines respect it on
  either side, and each goes to the column that holds its left edge (`Placed.straddles`).
Gutters need not be clean: boxes padded by the OCR program touch or overlap across a
narrow gutter, so a gutter is the low point of the count of lines covering each x, and a
body line that only juts into it does not block it. Lines set larger than the body
(headlines, bylines) do block it, and where no whitespace parts them from the columns
(skewed, touching boxes), the region is cut above and below them.

Vertical text (boxes taller than wide) reads top to bottom, its columns right to left; a
page that is mostly vertical is read in a frame turned a quarter turn, where the same cuts
apply. A page's skew, measured from the lines' quadrilaterals, is turned back first.

Where the file carries a reading order (PAGE ReadingOrder, ALTO block order), it is kept,
unless it is plainly the OCR program's row-by-row order, which jumps between columns far
more often than any column-wise reading would.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from statistics import median

from reader.core.lines import is_ornament
from reader.core.ocr import Box, OcrLine, OcrPage, has_cjk, join_pieces
from reader.core.words import common_words

# Line boxes are measured this share of their height narrower on each side when looking
# for gutters: PaddleOCR pads its boxes so that the lines of neighbouring columns can
# touch or overlap by a few pixels across a narrow gutter.
SHRINK = 0.4
# A gutter is at least this many body-line heights wide, between the narrowed boxes.
GUTTER = 0.1
# The outer columns beside a box set into the middle ones run on past it with no more
# than this many body heights of white space.
INSET_GAP = 1.0
# A line is set larger than the body (a headline, a subhead, a byline) when its characters
# are this much wider than the body's, or it is this much taller than a body line. Only
# lines of body size can be straddlers.
LARGER_PITCH = 1.3
LARGER_HEIGHT = 2.2
# A mark beside a line may run into the line's box by this many body-line heights (boxes
# drawn a little wide).
BESIDE_SLACK = 0.3
# ... but not a Chinese character or two at least this many body heights high: a piece of
# the line that the OCR program cut off (a speck read as a character is smaller).
PIECE_HEIGHT = 0.6
# A character or two no taller than this many body-line heights is in body type (or a
# speck); set larger beside a column, it is a label or a title's.
BODY_SIZE = 1.2
# A line of spread characters no taller than this many body heights is body type, and
# letterspaced (a headline) where a space follows one in LETTERSPACED of its characters.
LETTERSPACED = 3
GAPPY_HEIGHT = 1.3
# A body-sized line this many times as wide as the usual line of its region may be one
# that merged the lines of several columns.
WIDE = 1.5
# Where most of a region's lines are merged ones, a line this many times as wide as the
# columns' own lines is taken for one more.
MERGED_AMONG = 1.3
# A merged line is split at a gutter only where it reaches this many body-line heights
# into the columns on both sides; less is a line's end jutting out (a mark hanging into
# the gutter). Two characters of the next column's line, a paragraph's tail (底！), reach
# further.
SPLIT_REACH = 1.2
# Merged lines are set at their columns' pitch (the gutters add a little to it, the
# whitespace after a paragraph's short last line a lot): a line across a gutter whose
# characters are spread this much wider, with whitespace over and under it (no line of
# the columns within RUN_GAP body heights), is a headline over the columns, not their
# lines merged.
MERGED_PITCH = 1.2
RUN_GAP = 0.6
# Where a merged line's text has a space within this many characters of where the
# geometry puts the column's seam, the OCR program saw the gutter there.
SEAM_SPACE = 3
# Lines of a justified column end (or start) within this many body-line heights of each
# other.
FLUSH = 1.0
# The grid's count of a merged line's left part is taken where it is within this many
# characters of the proportional one.
GRID_AGREES = 1.5
# Less than this share of a character in from its column's start, a merged line's box is
# where the column starts: the box's edge jitters by that much.
JITTER_INDENT = 0.75
# A merged line's box that starts this many body heights inside the left column, where
# no line of the column starts, reaches back over whitespace: its text starts in the next.
FAR_START = 4.5
# ... where its text fits from there to its end, with this many body heights to spare (the
# gutters it crosses hold no characters).
FIT = 3.0
# A merged line's seam moves a character where the page's own pairs of characters (how
# its parts run on into the lines under and over them) say so this many times more.
RESEAM = 2
# The lines a merged line's parts run on to are within this many body-line heights.
MERGED_NEAR = 1.5
# A merged line is measured against its columns' lines within this many body-line heights
# over and under it, where there are GRID_LINES of them: a story further up or down the
# same columns may be set narrower (beside a vertical headline, say), with other edges.
LOCAL = 16.0
GRID_LINES = 3
# Closing punctuation at a column's seam hangs at the end of the left column's line.
HANGING = frozenset("，。、；：？！）》」』”’…,.;:?!)")
# A column of headlines alone is cut off the region only where it runs down this share of
# the region's height.
SIDE = 2 / 3
# A gutter may be crossed by up to this share of the lines of its busiest column.
VALLEY = 0.2
# Gutters closer than this many body-line heights are one: no column is that narrow.
NEAR = 3.0
# Where most of a region's lines are merged ones, a gutter is cut where this many of the
# columns' own lines on one side of it end (or start) at it.
EDGE_LINES = 3
# A column's line merged with a scrap of the next starts at most this many characters
# in from its column's left edge (a paragraph's first-line indent and the boxes' jitter).
RUN_ON_INDENT = 2.5
# A line under a headline spanning columns, at most this share of its width and its centre
# within this many body heights of the headline's, is centred under it (a byline).
CENTRED_SHARE = 0.6
CENTRED_OFF = 2.0
# ... or set flush right over the columns of the next this many bands (a byline).
AHEAD = 8
# Whitespace across a region this many body-line heights high parts bands: the lines of
# a column are set closer than half a line apart.
BAND_GAP = 0.6
# Whitespace this many body-line heights high across a region's columns parts stories
# stacked without a headline between them.
STORY_GAP = 1.5
# ... where the columns over it end within this many body-line heights of each other, and
# those under it start so.
LEVEL = 2.0
# A paragraph's short last line (a character or two and a stop) and the next paragraph's
# first line, indented this many body heights from where the tail starts, with less
# whitespace than TAIL_GAP between their ends, are one column though they do not overlap.
INDENT_MIN = 0.5
INDENT_MAX = 3.0
TAIL_GAP = 1.0
# A band of at least this many lines has its columns parted at the gutters of its own
# lines (_gutters, which a few lines may run across), not only at clear whitespace.
BAND_ROWS = 12
# A column runs on down into one under it that shares this much of the wider's width.
SAME_WIDTH = 0.5
# Columns of two bands are one where they overlap by more than this many body-line
# heights (or a quarter of the narrower): lines jut into a gutter by less.
OVERLAP = 2.0
# Boxes overlap their neighbours above and below by this share of their height before
# the rows they are in count as touching: line boxes of one column often overlap a little.
ROW_OVERLAP = 0.15
# The file's order jumps between columns at least this often (per pair of consecutive
# lines) before it counts as row-by-row.
INTERLEAVED_SHARE = 0.2
# ... and comes back to a column it has left at least this often, and for at least this
# share of its pairs (a real reading order, of a page cut into columns otherwise than
# ours, comes back now and then: once in 690 lines on the English ALTO page), or jumps
# more often than reading each column once and again would.
REVISITS = 5
REVISIT_SHARE = 0.05
# The pieces of a vertical line that OCR broke up overlap across by this share of the
# narrower, with less than this share of the line's width between them.
STACKED_OVERLAP = 0.5
STACKED_GAP = 0.5
# A line of a column that OCR cut in two boxes on one row, one of a character or two
# (个。 | 第一个说：…): the second starts within CUT_GAP of the lower box's height after
# the first ends, or overlaps it by up to CUT_OVERLAP of it, and both are at least
# PIECE_HEIGHT body heights high (a character or two get a box of their own, drawn tight,
# but a speck read as one is smaller still), the character or two in body type (BODY_SIZE:
# a label beside its text is set larger).
CUT_GAP = 0.5
CUT_OVERLAP = 1.0
# Noise within a column's width and no further than this many body-line heights over
# or under it goes with that column (a column of text: not a headline's).
WITHIN = 2.0
# A headline set into the top of its story's columns stands within this many body-line
# heights of the region's top (its first column's first lines beside it), spans this
# many times a column's usual line, and the column beside it runs on at least RUNS_ON
# body heights below it.
FLANK = 4.0
ACROSS = 1.5
RUNS_ON = 3.0
# ... and at least this many body heights below the top of the column beside it.
INSET = 1.0
# A headline's flanks (its story's first and last columns running up beside it) hold at
# least this many lines each, and the story's lines under it reach the flanks' outer
# edges to within this many body heights.
FLANKED = 2
EDGE_SLACK = 1.5
# ... and under it, the flanks' columns are wider by this many body heights.
WIDENS = 2.0
# A column's line at least this share of its usual line's width is a line of its text.
FULL_LINE = 0.7
# Whitespace this many body-line heights higher than a column's usual space between lines,
# at one height across a run of adjacent columns that the columns left of them run on
# through, parts a story boxed into those columns from the text that runs on under it;
# each part holds at least WRAP_LINES lines of text in each of the run's columns.
WRAP_GAP = 1.0
WRAP_LINES = 2
# Skew (degrees) below which the page is taken as straight, and beyond which the measured
# angle is more likely rotated text than a skewed scan.
SKEW_MIN = 0.1
SKEW_MAX = 10.0


@dataclass(frozen=True, slots=True)
class Column:
    """A column as the cut found it. `pitch` is the median distance between the centres
    of consecutive lines (None for a column of one line)."""

    box: Box
    pitch: float | None
    vertical: bool


@dataclass(frozen=True, slots=True)
class Placed:
    """A line in reading order: `index` is its position in the page's lines, `column`
    its column in `PageOrder.columns`, `box` its box in the layout's (deskewed) frame,
    where the column boxes are too. `apart` marks a character or two set beside a line
    of its column, out of the text's flow (a speck, a stray mark): it is read after the
    column. `pieces` holds the indices of the boxes of a line that OCR broke up, joined
    into this one: the pieces of a vertical line, top to bottom (`index` is the piece
    first in the file), or a line cut into boxes side by side on one row, left to right
    (`index` is the leftmost); it is empty for a line of one box."""

    line: OcrLine
    index: int
    column: int
    box: Box
    noise: bool = False
    straddles: bool = False
    apart: bool = False
    pieces: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PageOrder:
    """The page's lines in reading order and what was decided on the way.

    `source` is "file" where the file's own reading order was kept and "geometry" where
    the lines were ordered from their positions. `file_interleaved` says the file's order
    runs row by row across columns (whatever `source` is): plain text exported in that
    order mixes the columns' sentences. `skew` is the angle (degrees, clockwise) the page
    was turned back by before measuring.
    """

    placed: tuple[Placed, ...]
    columns: tuple[Column, ...]
    source: str
    file_interleaved: bool
    skew: float = 0.0

    @property
    def lines(self) -> list[OcrLine]:
        return [p.line for p in self.placed]


class _Item:
    __slots__ = (
        "apart",
        "chars",
        "gappy",
        "h",
        "hard",
        "index",
        "leaf",
        "line",
        "noise",
        "pieces",
        "ran",
        "straddles",
        "sx0",
        "sx1",
        "vertical",
        "w",
        "x0",
        "x1",
        "y0",
        "y1",
    )

    def __init__(self, index: int, box: Box, line: OcrLine) -> None:
        self.index = index
        self.pieces: tuple[int, ...] = ()
        self.line = line
        self.leaf = 0
        self.chars = len("".join(line.text.split()))
        vertical = line.vertical
        self.hard = False
        self.x0, self.y0, self.x1, self.y1 = box.x0, box.y0, box.x1, box.y1
        self.w = box.x1 - box.x0
        self.h = box.y1 - box.y0
        self.vertical = vertical
        self.noise = False
        self.apart = False
        self.gappy = False
        self.straddles = False
        self.ran = False  # a line of a column that ran on down from a band above (_runs_down)
        self.sx0 = self.sx1 = 0.0

    def narrow(self) -> None:
        margin = SHRINK * min(self.w, self.h)
        self.sx0, self.sx1 = self.x0 + margin, self.x1 - margin

    @property
    def pitch(self) -> float:
        """Width per character along the line."""
        return (self.h if self.vertical else self.w) / max(self.chars, 1)

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


def reading_order(page: OcrPage) -> PageOrder:
    """The page's lines in reading order, with their columns."""
    lines = page.lines
    if not lines:
        return PageOrder((), (), "file" if page.order_given else "geometry", False)
    skew = _skew(lines)
    boxes = [_turn(line, skew) for line in lines]
    items = [_Item(i, box, line) for i, (line, box) in enumerate(zip(lines, boxes, strict=True))]
    upright = sum(1 for it in items if it.vertical) * 2 > len(items)
    if upright:
        # Vertical text: a quarter turn makes its columns rows, read top (right) first.
        for it in items:
            it.x0, it.y0, it.x1, it.y1 = it.y0, -it.x1, it.y1, -it.x0
            it.w, it.h = it.h, it.w
            it.vertical = not it.vertical
    body = _body_height(items)
    if not upright:
        items = _join_stacked(items, body)
    pitches = [it.pitch for it in items if not it.vertical and it.chars >= 4]
    pitch = median(pitches) if pitches else body
    for it in items:
        it.narrow()
        it.noise = it.chars <= 2 or max(it.w, it.h) < 0.5 * body
        spread = it.chars >= 3 and it.pitch > LARGER_PITCH * pitch
        # Widely spaced characters in body type, read without spaces between most of them:
        # two lines of neighbouring columns merged with the whitespace between them (a
        # headline letterspaced across a column comes out of OCR with spaces, 减 资 公 告).
        it.gappy = (
            spread
            and not it.vertical
            and it.h <= GAPPY_HEIGHT * body
            and it.line.text.strip().count(" ") * LETTERSPACED < it.chars
        )
        it.hard = (
            it.vertical
            or _level_height(it, skew) > LARGER_HEIGHT * body
            or (spread and not it.gappy)
        )
    core = [it for it in items if not it.noise]
    if not core:
        for it in items:
            it.noise = False
        core = items
    # A column that ran on down into the band under it keeps that part as a column of
    # its own, read right after it: the two may be set to other widths.
    leaves = [
        part
        for leaf in _cut(core, body)
        for part in ([it for it in leaf if not it.ran], [it for it in leaf if it.ran])
        if part
    ]
    _place_rest(leaves, [it for it in items if it.noise], body)
    leaves = [_join_cut(_sort_leaf(leaf, body), lines, body) for leaf in leaves]

    # A merged line split into pieces is in several leaves: it counts in its first. The
    # boxes of a line joined again count in the leaf that holds it.
    leaf_of = [-1] * len(lines)
    for number, leaf in enumerate(leaves):
        for it in leaf:
            it.leaf = number
            for index in it.pieces or (it.index,):
                if leaf_of[index] < 0:
                    leaf_of[index] = number
    interleaved = _interleaved(items, leaf_of, len(leaves))
    if page.order_given and not interleaved:
        for it in items:
            it.leaf = leaf_of[it.index]
        order = items
        source = "file"
    else:
        order = [it for leaf in leaves for it in leaf]
        source = "geometry"
    # Columns are numbered in the order the reading first enters them.
    number_of: dict[int, int] = {}
    for it in order:
        number_of.setdefault(it.leaf, len(number_of))
    # A leaf the order never enters (in a file's own order, one holding only the later
    # pieces of lines merged across columns, which are read where their first piece is)
    # is numbered after those it does.
    for leaf_number in range(len(leaves)):
        number_of.setdefault(leaf_number, len(number_of))
    columns: list[Column] = [Column(Box(0, 0, 0, 0), None, False)] * len(leaves)
    for leaf_number, leaf in enumerate(leaves):
        columns[number_of[leaf_number]] = _column(leaf, upright, body)
    placed = tuple(
        Placed(
            line=it.line,
            index=it.index,
            column=number_of[it.leaf],
            box=_frame_box(it, upright),
            noise=it.noise,
            straddles=it.straddles,
            apart=it.apart,
            pieces=it.pieces,
        )
        for it in order
    )
    return PageOrder(placed, tuple(columns), source, interleaved, skew)


# --- frame ------------------------------------------------------------------------------


def _join_stacked(items: list[_Item], body: float) -> list[_Item]:
    """The items with each vertical line that OCR broke into pieces joined again: a
    vertical run of three characters or more, and the pieces stacked over and under it
    in the same narrow column (more vertical runs, or one or two characters set larger
    than the body) with less than STACKED_GAP of a character between them. A vertical
    headline comes out of OCR that way (横 / 扫无政府 / 主 / 义); its pieces of one or two
    characters would be read as specks beside the columns. The joined line keeps the
    first piece's index and takes the box around them all."""
    seeds = [it for it in items if it.vertical and it.chars >= 3]
    if not seeds:
        return items
    pieces = [
        it
        for it in items
        if it.vertical or (0 < it.chars <= 2 and min(it.w, it.h) >= BODY_SIZE * body)
    ]
    used: set[int] = set()
    joined: dict[int, _Item] = {}  # by the id of the group's first piece in the file
    for seed in sorted(seeds, key=_TOP):
        if id(seed) in used:
            continue
        group = [seed]
        x0, x1, y0, y1 = seed.x0, seed.x1, seed.y0, seed.y1
        grown = True
        while grown:
            grown = False
            for p in pieces:
                if id(p) in used or any(p is q for q in group):
                    continue
                narrower = min(x1 - x0, p.w)
                if min(x1, p.x1) - max(x0, p.x0) < STACKED_OVERLAP * narrower:
                    continue
                if max(p.y0 - y1, y0 - p.y1) > STACKED_GAP * (x1 - x0):
                    continue
                group.append(p)
                x0, x1 = min(x0, p.x0), max(x1, p.x1)
                y0, y1 = min(y0, p.y0), max(y1, p.y1)
                grown = True
        if len(group) > 1:
            used.update(id(p) for p in group)
            first = min(group, key=attrgetter("index"))
            down = sorted(group, key=_TOP)
            text = "".join("".join(p.line.text.split()) for p in down)
            joined[id(first)] = _joined(down, first.index, text)
    if not joined:
        return items
    return [joined.get(id(it), it) for it in items if id(it) in joined or id(it) not in used]


def _join_cut(leaf: list[_Item], lines: Sequence[OcrLine], body: float) -> list[_Item]:
    """A column's lines in reading order with each line that OCR cut into boxes side by
    side on one row, a character or two in a box of their own, joined again (a
    paragraph's last characters and the next paragraph's first line would otherwise be a
    short line and an indented one). Pieces of lines merged across columns, lines in
    larger type and marks set apart beside a line (a character or two clear of it that
    ends in no closing mark: _sort_leaf) are left as they are."""
    groups: list[list[_Item]] = []
    for it in leaf:
        if groups and _cut_off(groups[-1][-1], it, lines, body):
            groups[-1].append(it)
        else:
            groups.append([it])
    return [group[0] if len(group) == 1 else _joined_row(group) for group in groups]


def _cut_off(a: _Item, b: _Item, lines: Sequence[OcrLine], body: float) -> bool:
    """Whether `b` runs on from `a` on one row: one line of the column in two boxes."""
    if any(it.hard or it.vertical or it.gappy or it.apart or it.pieces for it in (a, b)):
        return False
    if a.line is not lines[a.index] or b.line is not lines[b.index]:
        return False  # a piece of a merged line, not a whole line
    if not (a.noise or b.noise):
        return False  # two lines side by side may be two things (a headline beside a box)
    low = min(a.h, b.h)
    if low < PIECE_HEIGHT * body or min(a.y1, b.y1) - max(a.y0, b.y0) < 0.5 * low:
        return False  # (a speck read as a character is smaller)
    if any(it.noise and it.h > BODY_SIZE * body for it in (a, b)):
        return False  # a label set larger beside its text (社论)
    gap = b.x0 - a.x1
    return -CUT_OVERLAP * low <= gap <= CUT_GAP * low and b.x0 > a.xc and b.x1 > a.x1


def _joined_row(group: list[_Item]) -> _Item:
    """One line made of `group`'s boxes, left to right on one row; it keeps the first
    box's index."""
    first = group[0]
    text = join_pieces(" ".join(p.line.text.split()) for p in group)
    words = tuple(w for p in group for w in p.line.words)
    it = _joined(group, first.index, text, words, first.line.vertical)
    it.leaf = first.leaf
    it.vertical = first.vertical  # (in the frame: a page of vertical text is turned)
    it.narrow()
    return it


def _joined(
    group: list[_Item],
    index: int,
    text: str,
    words: tuple[tuple[str, float | None], ...] = (),
    vertical: bool = True,
) -> _Item:
    """One line made of `group`'s boxes in reading order (by default the pieces of a
    vertical line, top to bottom, their text run together); it keeps the box `index`."""
    confidences = [p.line.confidence for p in group if p.line.confidence is not None]
    line = replace(
        group[0].line,
        text=text,
        box=functools.reduce(Box.union, (p.line.box for p in group)),
        quad=None,
        words=words,
        vertical=vertical,
        confidence=min(confidences, default=None),
    )
    frame = functools.reduce(Box.union, (Box(p.x0, p.y0, p.x1, p.y1) for p in group))
    it = _Item(index, frame, line)
    it.pieces = tuple(p.index for p in group)
    return it


def _skew(lines: Sequence[OcrLine]) -> float:
    """The median slope (degrees, clockwise) of the baselines (the lower long edges) of
    wide quadrilaterals."""
    angles = []
    for line in lines:
        quad = line.quad
        if quad is None or len(quad) != 4 or line.vertical:
            continue
        if line.box.width < 3 * line.box.height:
            continue
        # The baseline: of the two long edges, the lower one (the one hOCR and ALTO
        # give as the line's baseline, so that every format measures the same slope).
        edges = [(quad[k], quad[(k + 1) % 4]) for k in range(4)]
        edges.sort(key=lambda e: (e[1][0] - e[0][0]) ** 2 + (e[1][1] - e[0][1]) ** 2)
        (ax, ay), (bx, by) = max(edges[2:], key=lambda e: e[0][1] + e[1][1])
        angle = (math.degrees(math.atan2(by - ay, bx - ax)) + 90) % 180 - 90
        if abs(angle) <= SKEW_MAX:
            angles.append(angle)
    if len(angles) < 3:
        return 0.0
    skew = median(angles)
    return skew if abs(skew) >= SKEW_MIN else 0.0


def _turn(line: OcrLine, skew: float) -> Box:
    if not skew:
        return line.box
    box = line.box
    points = line.quad or ((box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1))
    a = math.radians(skew)
    cos, sin = math.cos(a), math.sin(a)
    xs = [x * cos + y * sin for x, y in points]
    ys = [y * cos - x * sin for x, y in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


def _level_height(it: _Item, skew: float) -> float:
    """How tall the type in a line's box is. A wide box drawn level around a line printed
    at the page's slope (or at another slope than the page's) is taller than its type by
    its width times the difference of the slopes, and a long merged line is no headline
    for that."""
    quad = it.line.quad
    if not skew or it.vertical or quad is None or len(quad) != 4 or it.w < 3 * it.h:
        return it.h
    edges = [
        (quad[(k + 1) % 4][0] - quad[k][0], quad[(k + 1) % 4][1] - quad[k][1]) for k in range(4)
    ]
    k = max(range(4), key=lambda j: math.hypot(*edges[j]))
    dx, dy = edges[k]
    own = math.atan(dy / dx) if dx else math.pi / 2  # the slope of its long edges
    width, height = math.hypot(dx, dy), math.hypot(*edges[(k + 1) % 4])
    return min(it.h, max(height - width * abs(math.sin(own - math.radians(skew))), height / 2))


def _frame_box(it: _Item, upright: bool) -> Box:
    if upright:
        return Box(-it.y1, it.x0, -it.y0, it.x1)
    return Box(it.x0, it.y0, it.x1, it.y1)


def _body_height(items: Sequence[_Item]) -> float:
    heights = [it.h for it in items if not it.vertical and it.h > 0]
    if not heights:
        heights = [min(it.w, it.h) for it in items if min(it.w, it.h) > 0]
    return median(heights) if heights else 1.0


# --- the cut ----------------------------------------------------------------------------


def _cut(items: list[_Item], body: float) -> list[list[_Item]]:
    """Leaves (columns) in reading order."""
    if not items:
        return []
    leaves: list[list[_Item]] = []
    stack = [items]
    while stack:
        region = stack.pop()
        parts = _split(region, body) if len(region) > 1 else None
        if parts is None:
            leaves.append(region)
        else:
            stack.extend(reversed(parts))
    return leaves


def _split(region: list[_Item], body: float) -> list[list[_Item]] | None:
    """The region's parts in reading order, or None where it is one column.

    Body-sized lines much wider than the region's usual line are possible straddlers:
    they neither make nor block a cut, and go with their left edge. Gutters are looked
    for between the other body-sized lines; the region is cut at those that no larger
    line (a headline) runs across, else into bands.
    """
    flanked = _flanked(region, body)
    if flanked is not None:
        return list(flanked)
    plain = [it for it in region if not it.hard]
    usual = median(it.w for it in plain) if plain else 0.0
    wide = {
        it
        for it in plain
        if (it.w >= WIDE * usual and it.w >= 6 * body and len(plain) > 2) or it.gappy
    }
    structural = [it for it in region if it not in wide]
    lines = [it for it in structural if not it.hard] or structural or region
    larger = [it for it in structural if it.hard]
    cuts = []
    blockers: list[_Item] = []
    crowded = False  # a gutter was refused for the merged lines that cross it
    flush: list[float] = []  # ... though a column's edge stands at it
    for at in _gutters(lines, larger, body):
        left = sum(1 for it in lines if it.xc < at)
        right = len(lines) - left
        if 0 < min(left, right) <= sum(1 for it in lines if it.sx0 < at < it.sx1):
            # As many of the columns' own lines run through it as stand on its narrower
            # side, or more: a short line jutting out at a column's edge, no gutter.
            continue
        straddlers = sum(1 for it in region if it in wide and it.sx0 < at < it.sx1)
        if straddlers > min(left, right):
            crowded = True
            crossing = [it for it in region if it in wide and it.sx0 < at < it.sx1]
            if _edges_at(lines, at, body, crossing):
                flush.append(at)
            continue
        across = [it for it in structural if _blocks(it, at, body)]
        if across:
            blockers.extend(across)
        else:
            cuts.append(at)
    if not cuts and crowded:
        # Columns over (or under) a wide column, whitespace between them: the wide
        # column's lines are not merged lines of the columns, and would keep the
        # columns' gutter from being cut. Bands first, then each band's columns.
        bands = _gap_bands(region, body)
        if bands is not None:
            return bands
        # Columns merged row by row for long stretches: the lines left between the
        # merged ones still end or start flush at the gutter, as a column's do.
        cuts = [at for at in flush if not any(_blocks(it, at, body) for it in structural)]
    if not cuts and wide:
        # A column much wider than its neighbours has its full lines taken for merged
        # ones: whitespace that none of the region's lines cross is a gutter all the same.
        everything = [it for it in region if not it.hard]
        cuts = [
            at
            for at in _gutters(everything, larger, body)
            if not any(_blocks(it, at, body) for it in region)
        ]
    if not cuts and len(plain) > 2:
        # Most of the region's lines merged row by row across its columns, so that the
        # merged width is the usual one: measured against the narrower lines (those of
        # the columns themselves), the merged ones stand out, and a gutter where the
        # columns' own lines end and start flush is cut. A column's line merged with the
        # short last line of a paragraph in the next column is among them: it stands out
        # less than two full lines do (MERGED_AMONG, not WIDE).
        narrow = sorted(it.w for it in plain)[len(plain) // 3]
        merged = {it for it in plain if it.w >= MERGED_AMONG * narrow and it.w >= 6 * body} - wide
        if merged:
            rest = [it for it in structural if it not in merged]
            own = [it for it in rest if not it.hard]
            found = [
                at
                for at in _gutters(own, larger, body)
                if _edges_at(own, at, body) and not any(_blocks(it, at, body) for it in rest)
            ]
            if found:
                cuts, wide, structural, lines = found, wide | merged, rest, own
    if cuts:
        # Stories stacked under headlines of their own are parted before their columns.
        bands = _headline_bands(region)
        if bands is not None:
            return bands
        # A line that runs well into the next column without crossing it (too short to be
        # taken for a merged line) merged a column's line with the short last line of
        # the next: it is split too.
        reach = SPLIT_REACH * body
        jutting = {it for it in lines if any(it.sx0 + reach < at < it.sx1 - reach for at in cuts)}
        split = _split_merged(region, cuts, wide | jutting, lines, body)
        # So are stories stacked with whitespace across all their columns between them (no
        # headline: two signed pieces one under the other), once the merged lines are
        # split: a line merged across a gutter, counted whole, stands in one column only.
        bands = _story_bands(split, cuts, body)
        if bands is not None:
            return bands
        # A column of headlines alone beside part of the region (a vertical headline beside
        # a story in the lower half) goes with that part where the region is in bands.
        parts = _columns(region, cuts, wide)
        top, bottom = min(it.y0 for it in region), max(it.y1 for it in region)
        if any(
            all(it.hard for it in part)
            and max(it.y1 for it in part) - min(it.y0 for it in part) < SIDE * (bottom - top)
            for part in parts
        ):
            groups, _ = _band_groups(region, wide, body, lenient=False)
            if len(groups) > 1:
                return groups
        region = split
        columns = _read_across(_columns(region, cuts, wide), cuts, wide)
        return _wrapped(columns, body) or _headline_first(columns, body)
    groups, lenient = _band_groups(region, wide, body, lenient=True)
    if len(groups) == 1 and lenient:
        groups, _ = _band_groups(region, wide, body, lenient=False)
    if len(groups) > 1:
        return groups
    if blockers:
        return _around(region, blockers, body)
    return None


def _flanked(
    region: list[_Item], body: float, context: Sequence[_Item] = ()
) -> tuple[list[_Item], list[_Item]] | None:
    """A story at the region's top set under a headline in the middle of its top, its
    first and last columns running up beside the headline on both sides (a commentary's
    box: 截穿新阴谋 / 巩固新政权 between two narrow columns), and taking the region's width
    from there down: the headline with any larger line right under it (its byline), and
    the story's columns; or None. Cut into bands, each flank would be read as a column of
    its own, one before the headline and one after it.

    The flanks start level with the headline's top or above it, each the top of its
    column (no line of the region or of `context`, the lines above the region, right over
    it), hold FLANKED lines or more each, and run on below it, wider by the room the
    headline took (WIDENS): the story's lines under the headline start at the left
    flank's edge and end at the right one's, and some stand under the headline. (Full
    columns beside a headline, as wide above it as below, are other stories' or its own
    read by _headline_first; the ends of the story above, run down beside it, are not the
    tops of columns.)"""
    hard = [it for it in region if it.hard and not it.vertical]
    text = [it for it in region if not it.hard]
    if not hard or len(text) < 4 * FLANKED:
        return None
    edge = EDGE_SLACK * body
    first = min(it.y0 for it in region)
    around = [*context, *region]  # the lines a flank's top is looked over for
    for row in _rows(hard):
        x0, x1 = min(it.x0 for it in row), max(it.x1 for it in row)
        y0, y1 = min(it.y0 for it in row), max(it.y1 for it in row)
        if y0 - (INSET + 1 + LARGER_HEIGHT) * body > first + 0.5 * body:
            break  # rows in order: no flank of this one or later ones reaches the top
        level = [it for it in text if y0 - INSET * body - body <= it.yc <= y1]
        left = [it for it in level if it.x1 <= x0 + body]
        right = [it for it in level if it.x0 >= x1 - body]
        if len(left) < FLANKED or len(right) < FLANKED:
            continue
        top = min(it.y0 for it in (*left, *right))
        if top > y0 or top - 0.5 * body > first:
            continue  # the flanks start below the headline's top, or the story is not at the top
        lx0, rx1 = min(it.x0 for it in left), max(it.x1 for it in right)
        under = [it for it in text if it.y0 >= y1 - 0.5 * body]
        # Under the headline the flanks' columns widen into the space it took.
        left_under = [it.x1 for it in under if abs(it.x0 - lx0) <= edge]
        right_under = [it.x0 for it in under if abs(it.x1 - rx1) <= edge]
        if (
            not left_under
            or not right_under
            or median(left_under) < median(it.x1 for it in left) + WIDENS * body
            or median(right_under) > median(it.x0 for it in right) - WIDENS * body
            or not any(x0 <= it.xc <= x1 for it in under)
            # the headline opens the story: no text of it over the headline
            or any(x0 < it.xc < x1 and it.yc < y0 for it in text)
            or not _opens_column(min(left, key=_TOP), around, body)
            or not _opens_column(min(right, key=_TOP), around, body)
            or any(it.x0 < lx0 - edge or it.x1 > rx1 + edge for it in region)
        ):
            continue
        head = [
            it
            for it in region
            if it in row
            or (
                it.hard
                and it.x0 >= x0 - body
                and it.x1 <= x1 + body
                and y1 <= it.y0 <= y1 + 3 * body
            )
        ]
        return head, [it for it in region if it not in head]
    return None


def _opens_column(it: _Item, lines: Sequence[_Item], body: float) -> bool:
    """Whether no line stands right over `it` (less than half a body height between them)
    across part of its width: the line opens its column."""
    return not any(
        other is not it
        and min(other.x1, it.x1) > max(other.x0, it.x0)
        and -0.5 * body <= it.y0 - other.y1 <= 0.5 * body
        and other.yc < it.yc
        for other in lines
    )


def _gather_flanked(groups: list[list[_Item]], body: float) -> list[list[_Item]]:
    """The groups with a story under a headline set between its flanks (_flanked) taken
    out of the bands it was cut into, from its headline's band to the region's end, with
    the row of its flanks' first lines from the group above (set a line above the
    headline, they line up with the columns there): the headline, then the story."""
    for k in range(1, len(groups)):
        if not any(it.hard for it in groups[k]):
            continue
        tail = [it for group in groups[k:] for it in group]
        rows = _rows(groups[k - 1])
        for lead in (rows[-1], []):
            before = [it for it in groups[k - 1] if it not in lead]
            found = _flanked([*lead, *tail], body, before)
            if found is not None:
                return [*groups[: k - 1], *([before] if before else []), *found]
    return groups


def _headline_first(parts: list[list[_Item]], body: float) -> list[list[_Item]]:
    """The parts in reading order, with a headline set into the top of its columns read
    before the column beside it: where a part (the columns under it) opens with a headline
    wider than a column (ACROSS), within FLANK body heights of the region's top, and the
    column read just before it, with no title of its own over it, starts a line or more
    above the headline (INSET) and runs on below it (the story's first column runs beside
    its headline), the headline is that story's and comes before that column."""
    top = min(it.y0 for part in parts for it in part)
    text = [it.w for part in parts for it in part if not it.hard and it.chars >= 4]
    column = median(text) if text else math.inf
    for k, part in enumerate(parts[1:], start=1):
        ordered = sorted(part, key=_TOP)
        lead = list(itertools.takewhile(lambda it: it.hard and not it.vertical, ordered))
        if not lead or lead[0].y0 - top > FLANK * body:
            continue
        foot = max(it.y1 for it in lead)
        if max(it.x1 for it in lead) - min(it.x0 for it in lead) < ACROSS * column:
            continue  # a headline over one column: a story of its own may start there
        # The column read right before it, its text starting a line or more above the
        # headline (set into the columns, not level with their tops) and running on
        # below it. Only that story's headline moves, and only to before its own
        # columns: the parts before that column stay where they are.
        beside = parts[k - 1]
        if (
            _text_from_the_top(beside)
            and min(it.y0 for it in beside) <= lead[0].y0 - INSET * body
            and max(it.y1 for it in beside) > foot + RUNS_ON * body
        ):
            taken = {id(it) for it in lead}
            rest = [it for it in part if id(it) not in taken]
            return [*parts[: k - 1], lead, beside, *([rest] if rest else []), *parts[k + 1 :]]
    return parts


def _wrapped(columns: list[list[_Item]], body: float) -> list[list[_Item]] | None:
    """A story boxed into the top of the columns of another, which runs on under it:
    whitespace (WRAP_GAP body heights) at one height across a run of adjacent columns,
    where the columns left of the run (at least one) and any right of it run on through,
    parts the run into a story over it, with a headline of its own and ending in lines of
    text, and text under it with no headline, which runs on from the column before the
    run: a common word runs across from that column's last line into the text under the
    whitespace (阶 | 级), and none into the story over it. (A picture in a story's own
    columns leaves the same whitespace; the story runs on over it, not under it.) The
    region's parts are then the columns left of the run, the run's text under the
    whitespace, the columns right of it, and the boxed story; or None. Columns of
    vertical text alone (a headline, a scrap of the next page) take no part, and none
    may stand inside the run."""
    text = [k for k, column in enumerate(columns) if not all(it.vertical for it in column)]
    if len(text) < 2:
        return None
    spans = {k: _white(columns[k], body) for k in text}
    for k in text[1:]:
        for top, bottom in spans[k]:
            at = (top + bottom) / 2
            run = [j for j in text if any(a < at < b for a, b in spans[j])]
            if run[0] == text[0] or run != list(range(run[0], run[-1] + 1)):
                continue  # no column before the run, or not neighbours
            if not all(_through(columns[j], at) for j in text if j not in run):
                continue
            over = [[it for it in columns[j] if it.yc < at] for j in run]
            under = [[it for it in columns[j] if it.yc > at] for j in run]
            if any(sum(not it.hard for it in part) < WRAP_LINES for part in (*over, *under)):
                continue
            if any(it.hard for part in under for it in part):
                continue
            if not any(it.hard for part in over for it in part):
                continue
            if any(max(part, key=_BOTTOM).hard for part in over):
                continue  # whitespace under a headline: its story starts there
            before = columns[text[text.index(run[0]) - 1]]  # the text column before it
            end = max(before, key=_BOTTOM).line.text.strip()[-1:]
            opening = min((it for it in over[0] if not it.hard), key=_READ)
            words = common_words()
            if end + min(under[0], key=_READ).line.text.strip()[:1] not in words:
                continue
            if end + opening.line.text.strip()[:1] in words:
                continue
            flat = itertools.chain.from_iterable
            return [
                *columns[: run[0]],
                list(flat(under)),
                *columns[run[-1] + 1 :],
                list(flat(over)),
            ]
    return None


def _white(column: list[_Item], body: float) -> list[Span]:
    """The column's whitespace across its width, between its lines, top to bottom, where
    it is WRAP_GAP body heights higher than the column's usual space between lines (a
    quotation set double-spaced has a line's height between all its lines)."""
    ordered = sorted(column, key=_TOP)
    spaces: list[Span] = []
    bottom = ordered[0].y1
    for it in ordered[1:]:
        spaces.append((bottom, it.y0))
        bottom = max(bottom, it.y1)
    if not spaces:
        return []
    usual = max(median(b - a for a, b in spaces), 0.0)  # boxes of a column often overlap
    return [(a, b) for a, b in spaces if b - a >= usual + WRAP_GAP * body]


def _through(column: list[_Item], at: float) -> bool:
    """Whether the column has lines over and under the height `at`."""
    return any(it.y1 < at for it in column) and any(it.y0 > at for it in column)


def _text_from_the_top(part: list[_Item]) -> bool:
    """Whether a column opens with a line of text as long as its usual ones: not under a
    title of its own, in headline type or a short line in body type (林彪同志语录)."""
    first = min(part, key=_TOP)
    widths = [it.w for it in part if not it.hard]
    return not first.hard and bool(widths) and first.w >= FULL_LINE * median(widths)


def _edges_at(lines: list[_Item], at: float, body: float, across: Sequence[_Item] = ()) -> bool:
    """Whether a column's edge stands at the gutter `at`: EDGE_LINES lines end flush on
    its left, or start flush on its right, and most lines running `across` it reach well
    into that column, as merged lines do (a wide column's lines stop at its neighbour's
    edge, and its short lines leave whitespace with ragged ends)."""
    reach = SPLIT_REACH * body
    ends = sorted(it.x1 for it in lines if it.xc < at)
    starts = sorted(it.x0 for it in lines if it.xc >= at)
    if starts:
        edge = starts[len(starts) // 4]
        flush = sum(1 for x in starts if abs(x - edge) <= FLUSH * body)
        if flush >= EDGE_LINES and 2 * sum(it.x1 > edge + reach for it in across) >= len(across):
            return True
    if ends:
        edge = ends[(3 * len(ends)) // 4]
        flush = sum(1 for x in ends if abs(x - edge) <= FLUSH * body)
        if flush >= EDGE_LINES and 2 * sum(it.x0 < edge - reach for it in across) >= len(across):
            return True
    return False


def _gap_bands(
    region: list[_Item],
    body: float,
    gap: float = BAND_GAP,
    where: Callable[[list[list[_Item]], int], bool] | None = None,
) -> list[list[_Item]] | None:
    """The region cut at horizontal whitespace much wider than the space between the
    lines of a column (`gap` body-line heights, BAND_GAP unless said), before the rows
    `where` accepts (all, unless given), top to bottom; None where there is none."""
    rows = _rows(region)
    bounds = [0]
    bottom = max(it.y1 for it in rows[0])
    for k in range(1, len(rows)):
        wide_gap = min(it.y0 for it in rows[k]) - bottom >= gap * body
        if wide_gap and (where is None or where(rows, k)):
            bounds.append(k)
        bottom = max(bottom, max(it.y1 for it in rows[k]))
    if len(bounds) == 1:
        return None
    bounds.append(len(rows))
    return [[it for row in rows[a:b] for it in row] for a, b in itertools.pairwise(bounds)]


def _story_bands(region: list[_Item], cuts: list[float], body: float) -> list[list[_Item]] | None:
    """The region cut where whitespace at least STORY_GAP body-line heights high runs
    across all its columns, each of which ends level above it and starts level under it
    (_level): stories stacked in the same columns without a headline between them. None
    where there is no such place."""
    return _gap_bands(region, body, STORY_GAP, lambda rows, k: _level(rows, k, cuts, body))


def _level(rows: list[list[_Item]], k: int, cuts: list[float], body: float) -> bool:
    """Whether every column (between the cuts) has lines over and under row k, ending
    level over it (but the last, which may end short) and starting level under it."""
    ends: list[float] = []
    starts: list[float] = []
    for lo, hi in itertools.pairwise([-math.inf, *cuts, math.inf]):
        over = [it.y1 for row in rows[:k] for it in row if lo <= it.xc < hi and not it.hard]
        under = [it.y0 for row in rows[k:] for it in row if lo <= it.xc < hi and not it.hard]
        if not over or not under:
            return False
        ends.append(max(over))
        starts.append(min(under))
    full = ends[:-1]
    return (
        max(full) - min(full) <= LEVEL * body
        and ends[-1] <= max(full) + LEVEL * body
        and max(starts) - min(starts) <= LEVEL * body
    )


def _headline_bands(region: list[_Item]) -> list[list[_Item]] | None:
    """The region cut above and below each headline row (a headline with nothing beside
    it, that whitespace parts from the rows around it across the region's whole width):
    stories stacked down a page, each under its own headline. Cutting at gutters first
    would read the page's first column through every story, where the stories share the
    page's columns and a centred headline leaves the outer gutters open. Lines of a
    headline over two rows stay together."""
    rows = _rows(region)
    if len(rows) < 2:
        return None
    starts = [
        k for k in range(1, len(rows)) if _headline_row(rows[k]) != _headline_row(rows[k - 1])
    ]
    if not starts:
        return None
    # A line alone on the row under a headline (a byline, a subtitle) goes with it.
    starts = [
        k + 1 if _headline_row(rows[k - 1]) and len(rows[k]) == 1 and k + 1 < len(rows) else k
        for k in starts
    ]
    bounds = [0, *sorted(set(starts)), len(rows)]
    return [[it for row in rows[a:b] for it in row] for a, b in itertools.pairwise(bounds)]


def _headline_row(row: list[_Item]) -> bool:
    """A row of a headline alone: larger horizontal type, nothing set beside it."""
    return all(it.hard and not it.vertical for it in row)


def _around(region: list[_Item], blockers: list[_Item], body: float) -> list[list[_Item]] | None:
    """The region cut above and below the topmost lines that run across its gutters,
    where no horizontal whitespace parts them from the columns (skewed or touching
    boxes): those lines and any beside them, what is above, what is below."""
    blockers = sorted(blockers, key=lambda it: it.yc)
    top = bottom = blockers[0].yc
    for it in blockers[1:]:
        if it.yc - bottom > 3 * body:
            break
        bottom = it.yc
    lo, hi = top - 0.5 * body, bottom + 0.5 * body
    parts = [
        [it for it in region if it.yc < lo],
        [it for it in region if lo <= it.yc <= hi],
        [it for it in region if it.yc > hi],
    ]
    parts = [part for part in parts if part]
    return parts if len(parts) > 1 else None


def _blocks(it: _Item, at: float, body: float) -> bool:
    """Whether a line runs across a gutter: far into both sides, unlike a line of one
    column that juts into the next or a line merged with a scrap of the next one."""
    reach = min(at - it.sx0, it.sx1 - at)
    return reach > 2 * body and (it.hard or reach > 0.3 * (it.sx1 - it.sx0))


def _gutters(items: Sequence[_Item], larger: Sequence[_Item], body: float) -> list[float]:
    """Where vertical whitespace runs down between the items' narrowed boxes.

    Few lines may reach into it: a line's end juts out here and there, and the lines of
    two columns can overlap by more than the boxes' padding. A gutter is the lowest point
    of a stretch that no more than a few lines cover, with more on either side; where a
    larger line (a headline) sits in the stretch, on either side of it. Beyond the lines,
    a stretch is a margin unless larger lines stand in it.
    """
    events = sorted([(it.sx0, 1) for it in items] + [(it.sx1, -1) for it in items])
    steps: list[tuple[float, float, int]] = []  # (from, to, lines covering)
    count = 0
    for (x, change), (following, _) in itertools.pairwise(events):
        count += change
        if following > x:
            steps.append((x, following, count))
    if not steps:
        return []
    lo = min([steps[0][0], *(it.sx0 for it in larger)])
    hi = max([steps[-1][1], *(it.sx1 for it in larger)])
    if lo < steps[0][0]:
        steps.insert(0, (lo, steps[0][0], 0))
    if hi > steps[-1][1]:
        steps.append((steps[-1][1], hi, 0))
    few = int(VALLEY * max(c for _, _, c in steps))
    gutters: list[tuple[float, int, float]] = []  # (where, lines covering, width)
    stretch: list[tuple[float, float, int]] = []
    for step in [*steps, (hi, hi, few + 1)]:
        if step[2] <= few:
            stretch.append(step)
            continue
        if stretch:
            for found in _lowest(stretch, larger, body, lo, hi):
                # Two low points closer than a column can be wide are one gutter with a
                # line jutting into it: the lower (then the wider) is the gutter.
                if gutters and found[0] - gutters[-1][0] < NEAR * body:
                    if (found[1], -found[2]) < (gutters[-1][1], -gutters[-1][2]):
                        gutters[-1] = found
                    continue
                gutters.append(found)
        stretch = []
    return [at for at, _, _ in gutters]


def _lowest(
    stretch: list[tuple[float, float, int]],
    larger: Sequence[_Item],
    body: float,
    lo: float,
    hi: float,
) -> list[tuple[float, int, float]]:
    """The middle of the widest least-covered step of each part of the stretch that no
    larger line covers and that has something on either side."""
    a, b = stretch[0][0], stretch[-1][1]
    if b - a < GUTTER * body:
        return []
    covered = _segments([(it.sx0, it.sx1) for it in larger if it.sx0 < b and it.sx1 > a], 0.0)
    free: list[Span] = []
    start = a
    for c0, c1 in covered:
        if c0 > start:
            free.append((start, c0))
        start = max(start, c1)
    if start < b:
        free.append((start, b))
    out = []
    for f0, f1 in free or [(a, b)]:
        if f0 <= lo or f1 >= hi:
            continue  # a margin
        clipped = [(max(s0, f0), min(s1, f1), c) for s0, s1, c in stretch if s1 > f0 and s0 < f1]
        if not clipped or clipped[-1][1] - clipped[0][0] < GUTTER * body:
            continue
        low = min(c for _, _, c in clipped)
        best = max((s for s in clipped if s[2] == low), key=lambda s: s[1] - s[0])
        out.append(((best[0] + best[1]) / 2, low, best[1] - best[0]))
    return out


def _split_merged(
    region: list[_Item], cuts: list[float], wide: set[_Item], lines: list[_Item], body: float
) -> list[_Item]:
    """The region with each straddler that merged the lines of columns on both sides of
    a cut split into one piece per column, its text divided where the geometry puts the
    seam. Straddlers that only jut into a gutter stay whole (and in `wide`)."""
    out: list[_Item] = []
    flow: _Flow | None = None
    for it in region:
        # A rule or border read as a run of letters or digits (1366666…, GGGG…) runs
        # across the columns as merged lines do, and parts what is over it from what is
        # under it, but it is no line of theirs: cut into pieces, its scraps would go
        # into the text.
        if it not in wide or _rule(it):
            out.append(it)
            continue
        if flow is None:  # pairs counted on the columns' own lines: a merged one pairs across
            flow = _Flow(region, _pairs([p for p in region if p not in wide]))
        out.extend(_pieces(it, cuts, lines, body, flow))
    return out


def _rule(it: _Item) -> bool:
    """A rule or border that OCR read as a run of letters or digits."""
    text = it.line.text
    return text.isascii() and is_ornament("".join(text.split()))


def _pairs(items: Sequence[_Item]) -> Counter[str]:
    """How often each two characters stand next to each other on the lines: the page's
    own words, for telling where a merged line's text runs on."""
    pairs: Counter[str] = Counter()
    for it in items:
        text = "".join(it.line.text.split())
        pairs.update(map(str.__add__, text, text[1:]))
    return pairs


@dataclass(frozen=True, slots=True)
class _Flow:
    """The lines around merged ones, and the page's pairs of characters (_pairs)."""

    region: Sequence[_Item]
    pairs: Counter[str]

    def after(self, it: _Item, lo: float, at: float, body: float) -> str:
        """The first character of the line under `it` that starts in the column between
        lo and at: where the left part of `it` runs on to ("" where there is none)."""
        under = [
            p
            for p in self.region
            if lo <= p.x0 < at and it.yc < p.y0 <= it.y1 + MERGED_NEAR * body and p.chars
        ]
        return "".join(min(under, key=_TOP).line.text.split())[:1] if under else ""

    def before(self, it: _Item, at: float, hi: float, body: float) -> str:
        """The last character of the line over `it` that ends in the column between at
        and hi: what the right part of `it` goes on from ("" where there is none)."""
        over = [
            p
            for p in self.region
            if at < p.x1 <= hi and it.y0 - MERGED_NEAR * body <= p.y1 < it.yc and p.chars
        ]
        return "".join(max(over, key=_BOTTOM).line.text.split())[-1:] if over else ""


_TOP, _BOTTOM = attrgetter("y0"), attrgetter("y1")
_READ = attrgetter("y0", "x0")  # the top line first, the leftmost of a row


def _reseam(text: str, seam: int, after: str, before: str, pairs: Counter[str]) -> int:
    """The seam moved by a character (and the closing punctuation after it: 学 | 习，)
    where the words say the text runs on so: the left
    part's last character with the first of the line under it in its column (奴 + 隶 of
    奴隶), the right part's first with the last of the line over it. Geometry places a
    seam to within a character; the words place that character. The page's own pairs of
    characters are asked first, then the language's common words (common_words): a seam
    that cuts one (提高干|扰, 群众的发|挥) moves where fewer are cut and more run on."""
    if not (after or before) or text[seam - 1].isspace() or text[seam].isspace():
        return seam

    def movable(k: int) -> bool:
        # closing punctuation stays with the text before it
        return (
            0 < k < len(text)
            and not text[k - 1].isspace()
            and not text[k].isspace()
            and (text[k] not in HANGING)
        )

    def runs_on(k: int, pairs: Callable[[str], int]) -> int:
        # The two characters either side of the seam are in different columns: a pair
        # the page uses elsewhere (主义) is a word the seam should not cut.
        cut = pairs(text[k - 1] + text[k])
        return pairs(text[k - 1] + after) + pairs(before + text[k]) - cut

    def over(k: int, step: int) -> int:
        # a character over; closing punctuation goes with the character before it (学习，)
        k += step
        while 0 < k < len(text) and text[k] in HANGING:
            k += step
        return k

    here = runs_on(seam, pairs.__getitem__)
    best, score = seam, here
    for k in (over(seam, -1), over(seam, 1)):
        if movable(k) and (moved := runs_on(k, pairs.__getitem__)) > score:
            best, score = k, moved
    seam = best if score >= here + RESEAM else seam
    words = common_words()
    if not words:
        return seam

    def word(pair: str) -> int:
        return pair in words

    here = runs_on(seam, word)
    best, score = seam, here
    for k in (over(seam, -1), over(seam, 1)):
        if movable(k) and (moved := runs_on(k, word)) > score:
            best, score = k, moved
    return best


def _pieces(
    it: _Item, cuts: list[float], lines: list[_Item], body: float, flow: _Flow
) -> list[_Item]:
    """A merged line cut at the gutters it runs across.

    How many of its characters lie in the left column is measured two ways and the two
    averaged: in proportion to the lengths of line inside each column (from the line's
    start to where the left column's lines end, and from where the right column's lines
    start to the line's end: the gutter holds no characters), and on the left column's
    grid (its full lines hold the same number of characters)."""
    own = [p.pitch for p in lines if p.chars >= 4 and not p.vertical]
    if own and it.pitch > MERGED_PITCH * median(own) and not _in_run(it, lines, body):
        return [it]
    reach = SPLIT_REACH * body
    crossed = [
        k
        for k, at in enumerate(cuts)
        if it.x0 + reach < at < it.x1 - reach and _flush(lines, cuts, k, body)
    ]
    pieces: list[_Item] = []
    rest = it
    edges = {k: _gutter_edges(it, cuts, k, lines, body) for k in crossed}
    for k in crossed:
        at = cuts[k]
        lo = cuts[k - 1] if k else -math.inf
        hi = cuts[k + 1] if k + 1 < len(cuts) else math.inf
        left, beyond, left_end, right_start = edges[k]
        pitches = [p.w / _cells(p.line.text) for p in beyond if p.chars >= 4]
        if (
            rest is it
            and left
            and pitches
            and rest.x0 > _start(left) + FAR_START * body
            and _cells(rest.line.text) * median(pitches) <= rest.x1 - right_start + FIT * body
        ):
            # The box starts far inside the left column, where no line of it starts, and
            # its text fits from the next column's start on (a skewed box reaching back
            # over the whitespace after a paragraph's last line): it starts there.
            rest = _piece(rest, right_start, rest.x1, rest.line.text)
            continue
        # (Edges that overlap, a narrow gutter on a skewed scan, still part the line's
        # characters in the proportion of their lengths.)
        # (The gutters further along hold no characters either.)
        later = sum(max(edges[j][3] - edges[j][2], 0.0) for j in crossed if j > k)
        a, b = left_end - rest.x0, rest.x1 - right_start - later
        if a <= 0 or b <= 0:
            break
        count = _cells(rest.line.text) * a / (a + b)
        grid = _grid(left, body)
        right = [p.w / _cells(p.line.text) for p in beyond if p.chars >= 4]
        if (it.gappy or not left) and right:
            # Two short lines with the whitespace between them merged, or a stretch
            # where the left columns' lines are all merged ones: the right part starts
            # where its column does, at that column's pitch.
            count = _cells(rest.line.text) - b / median(right)
        elif grid is not None:
            # On the grid, a line that runs to the gutter holds the full line's width
            # less its indent in whole characters; where that agrees with the proportion,
            # it is exact, box jitter and all.
            start, end, cells = grid
            width = (end - start) / cells
            # An indent is whole characters: a start less than JITTER_INDENT of one in
            # from the column's is the box's jitter (rounded, 0.6 of one took a character
            # off the line; 0.8 and more is an indent of one measured short).
            indent = (rest.x0 - start) / width
            on_grid = cells - (round(indent) if indent >= JITTER_INDENT else 0)
            if abs(on_grid - count) <= GRID_AGREES:
                count = on_grid
            else:
                count = (count + cells * (min(end, rest.x1) - rest.x0) / (end - start)) / 2
        space = _lone_space(rest.line.text)
        if k == crossed[-1] and space is not None and abs(space - count) > SEAM_SPACE:
            # The one space the OCR program left in the line is where it saw whitespace.
            # Where the lines right over or under it part there too, and not at the
            # gutter measured further up or down the page, the space is the seam.
            x = _x_at(rest, space)
            if _edge_beside(rest, x, flow.region, body) and not _edge_beside(
                rest, at, flow.region, body
            ):
                count, left_end, right_start = space, x, x
        seam = _seam(rest.line.text, count)
        if seam is None:
            break
        after, before = flow.after(it, lo, at, body), flow.before(it, at, hi, body)
        seam = _reseam(rest.line.text, seam, after, before, flow.pairs)
        pieces.append(_piece(rest, rest.x0, left_end, rest.line.text[:seam]))
        rest = _piece(rest, right_start, rest.x1, rest.line.text[seam:])
    pieces.append(rest)
    return pieces


def _gutter_edges(
    it: _Item, cuts: list[float], k: int, lines: list[_Item], body: float
) -> tuple[list[_Item], list[_Item], float, float]:
    """Around the gutter at cuts[k], near the merged line `it`: the left column's lines
    and the right one's, where the left one's lines end and where the right one's
    start."""
    at = cuts[k]
    lo = cuts[k - 1] if k else -math.inf
    hi = cuts[k + 1] if k + 1 < len(cuts) else math.inf
    left = _near([p for p in lines if lo <= p.xc < at], it, body)
    beyond = _near([p for p in lines if at <= p.xc < hi], it, body)
    starts = sorted(p.x0 for p in beyond)
    ends = sorted(p.x1 for p in left)
    # Where one side holds merged lines alone, the gutter is as wide on it as on the
    # other: the cut is in its middle.
    left_end = ends[(3 * len(ends)) // 4] if ends else None
    right_start = starts[len(starts) // 4] if starts else None
    if left_end is None:
        left_end = at if right_start is None else min(2 * at - right_start, at)
    if right_start is None:
        right_start = max(2 * at - left_end, at)
    return left, beyond, left_end, right_start


def _start(column: list[_Item]) -> float:
    """Where most of a column's lines start (the lower quartile: indents aside)."""
    return sorted(p.x0 for p in column)[len(column) // 4]


def _near(column: list[_Item], it: _Item, body: float) -> list[_Item]:
    """A column's lines within LOCAL body heights over and under `it`, or all of them where
    fewer than GRID_LINES are that near."""
    near = [p for p in column if abs(p.yc - it.yc) <= LOCAL * body]
    return near if len(near) >= GRID_LINES else column


def _in_run(it: _Item, lines: list[_Item], body: float) -> bool:
    """Whether a line of the columns `it` runs across stands right over or under it, at
    no more than RUN_GAP body heights: merged lines are in their columns' run of lines
    (the first row of a page's columns has one under it); a headline over the columns has
    whitespace around it."""
    return any(
        p is not it
        and p.x0 < it.x1
        and p.x1 > it.x0
        and (0 <= it.y0 - p.y1 <= RUN_GAP * body or 0 <= p.y0 - it.y1 <= RUN_GAP * body)
        for p in lines
    )


def _flush(lines: list[_Item], cuts: list[float], k: int, body: float) -> bool:
    """Whether the gutter at cuts[k] parts two justified columns: lines on its left end
    flush with each other and lines on its right start flush. A wide column's short last
    lines leave whitespace that looks like a gutter, but their ends are ragged."""
    at = cuts[k]
    lo = cuts[k - 1] if k else -math.inf
    hi = cuts[k + 1] if k + 1 < len(cuts) else math.inf
    ends = [p.x1 for p in lines if lo <= p.xc < at]
    starts = [p.x0 for p in lines if at <= p.xc < hi]
    # One side may hold merged lines alone (columns merged row by row for a stretch).
    return (bool(ends) and sum(1 for x in ends if x >= max(ends) - FLUSH * body) >= 2) or (
        bool(starts) and sum(1 for x in starts if x <= min(starts) + FLUSH * body) >= 2
    )


def _grid(column: list[_Item], body: float) -> tuple[float, float, float] | None:
    """Where a column's lines start and end and how many character widths its full lines
    hold (the commonest), or None for too few lines to tell."""
    if len(column) < 3:
        return None
    start = sorted(p.x0 for p in column)[len(column) // 4]
    end = sorted(p.x1 for p in column)[(3 * len(column)) // 4]
    full = Counter(
        _cells(p.line.text)
        for p in column
        if p.x0 <= start + 0.5 * body and p.x1 >= end - 0.5 * body
    )
    if not full or end - start <= body:
        return None
    return start, end, full.most_common(1)[0][0]


def _cells(text: str) -> float:
    """Printed width in characters: a Chinese character or mark is one, a Latin letter or
    digit half of one; OCR's spaces take none."""
    return sum(0.5 if c.isascii() else 1.0 for c in text if not c.isspace())


def _lone_space(text: str) -> float | None:
    """The width in characters before the one run of whitespace inside `text`, or None
    where there is none or more than one."""
    inner = text.strip()
    runs = [m.start() for m in _WHITE_RUN.finditer(inner)]
    return _cells(inner[: runs[0]]) if len(runs) == 1 else None


_WHITE_RUN = re.compile(r"\s+")


def _space_at(it: _Item) -> float | None:
    """Where on the page the one space inside a line's text stands; None where it has
    none or more than one."""
    space = _lone_space(it.line.text)
    return None if space is None else _x_at(it, space)


def _x_at(it: _Item, width: float) -> float:
    """Where on the page a line's text reaches after `width` characters' widths, in
    proportion to the widths of the whole."""
    return it.x0 + it.w * width / _cells(it.line.text)


def _edge_beside(it: _Item, x: float, region: Sequence[_Item], body: float) -> bool:
    """Whether a line right over or under `it` (within MERGED_NEAR body heights) ends or
    starts within a body height of `x`, or has its own one space there (a column of
    merged lines, each with the gutter's whitespace in it)."""
    near, overlap = MERGED_NEAR * body, body / 2  # skewed boxes of a column overlap a little

    def parts_at(p: _Item) -> bool:
        if abs(p.x1 - x) <= body or abs(p.x0 - x) <= body:
            return True
        space = _space_at(p)
        return space is not None and abs(space - x) <= body

    return any(
        p is not it
        and (-overlap <= it.y0 - p.y1 <= near or -overlap <= p.y0 - it.y1 <= near)
        and parts_at(p)
        for p in region
    )


def _seam(text: str, count: float) -> int | None:
    """Where in `text` the right column's part starts, given about how many character
    widths lie in the left column: at a space near there if the OCR program left one,
    else after that width, closing punctuation staying on the left; None where all of
    the text lies on one side."""
    at = [n for n, c in enumerate(text) if not c.isspace()]
    total = len(at)
    if total < 2:
        return None
    before = [0.0]  # the width before each character
    for n in at:
        before.append(before[-1] + (0.5 if text[n].isascii() else 1.0))
    k = min(range(1, total), key=lambda j: abs(before[j] - count))
    gaps = [j for j in range(1, total) if at[j] - at[j - 1] > 1]
    near = min(gaps, key=lambda j: abs(before[j] - count), default=None)
    if near is not None and abs(before[near] - count) <= SEAM_SPACE:
        k = near
    elif not 0.5 <= count <= before[-1] - 0.5:
        return None  # all of it on one side: a box drawn long into the gutter
    else:
        while 0 < k < total and text[at[k]] in HANGING:
            k += 1
    if not 0 < k < total:
        return None
    return at[k]


def _piece(it: _Item, x0: float, x1: float, text: str) -> _Item:
    """The part of a merged line between x0 and x1 (layout frame) holding `text`; its
    box on the page is the same share of the line's own box."""
    f0, f1 = (x0 - it.x0) / it.w, (x1 - it.x0) / it.w
    box = it.line.box
    if it.line.vertical == it.vertical:  # the frame is the page's
        span = box.x1 - box.x0
        page = Box(box.x0 + f0 * span, box.y0, box.x0 + f1 * span, box.y1)
    else:  # a quarter turn: along the frame's x is down the page
        span = box.y1 - box.y0
        page = Box(box.x0, box.y0 + f0 * span, box.x1, box.y0 + f1 * span)
    line = replace(it.line, text=text.strip(), box=page, quad=None, words=())
    piece = _Item(it.index, page, line)
    piece.x0, piece.x1, piece.y0, piece.y1 = x0, x1, it.y0, it.y1
    piece.w, piece.h = x1 - x0, it.h
    piece.vertical = it.vertical
    piece.narrow()
    return piece


def _columns(region: list[_Item], cuts: list[float], wide: set[_Item]) -> list[list[_Item]]:
    """The region cut at the gutters, left to right. A line goes with its centre, a
    straddler with its left edge."""
    parts: list[list[_Item]] = [[] for _ in range(len(cuts) + 1)]
    for it in region:
        parts[_part(it, cuts, wide)].append(it)
    return [part for part in parts if part]


def _part(it: _Item, cuts: list[float], wide: set[_Item]) -> int:
    """Which of the parts between the cuts a line goes with: its centre's, a straddler
    its left edge's (its narrowed box's), unless that edge lies less than a character
    short of the cut (a skewed line of the next column, its box reaching back over the
    gutter)."""
    if it not in wide:
        return bisect_right(cuts, it.xc)
    part = bisect_right(cuts, it.sx0)
    if part < len(cuts) and cuts[part] - it.sx0 < it.h:
        part += 1
    return part


def _read_across(
    parts: list[list[_Item]], cuts: list[float], wide: set[_Item]
) -> list[list[_Item]]:
    """Columns left to right, but columns of vertical text right to left; straddlers
    marked."""
    for it in itertools.chain.from_iterable(parts):
        if it in wide:
            part = _part(it, cuts, wide)
            if part < len(cuts) and it.sx1 > cuts[part]:
                it.straddles = True
    ordered: list[list[_Item]] = []
    run: list[list[_Item]] = []
    for column in parts:
        if all(it.vertical for it in column):
            run.append(column)
            continue
        ordered.extend(reversed(run))
        run = []
        ordered.append(column)
    ordered.extend(reversed(run))
    return ordered


Span = tuple[float, float]


def _overlaps(a: Span, b: Span, body: float) -> bool:
    """Whether two x-ranges share a good part of the narrower one: more than a line's end
    jutting out can account for."""
    a0, a1 = a
    b0, b1 = b
    shared = (a1 if a1 < b1 else b1) - (a0 if a0 > b0 else b0)
    if shared <= 0:
        return False
    narrower = a1 - a0 if a1 - a0 < b1 - b0 else b1 - b0
    return shared > OVERLAP * body or shared > 0.25 * narrower


class _Band:
    """Rows of a region between two horizontal gaps, and the x-ranges (columns) its
    lines occupy, straddlers aside, each marked where it holds only larger lines."""

    __slots__ = ("body", "columns", "heading", "items", "larger", "merged", "wide")

    def __init__(self, items: list[_Item], wide: set[_Item], body: float) -> None:
        self.items = items
        self.body = body
        self.wide = wide
        # (whether it holds merged lines or straddlers, which show no columns of their own)
        self.merged = any(it in wide for it in items)
        if len(items) == 1:  # most bands inside a column: one line
            it = items[0]
            alone = it not in wide
            self.columns = [(it.sx0, it.sx1)] if alone else []
            self.larger = [it.hard] if alone else []
            self.heading = alone and it.hard
            return
        structural = [it for it in items if it not in wide]
        # (In a band of many rows a line or two that run on across a gutter, merged with
        # a scrap of the next column, do not join its columns: its own lines' gutters
        # part them.)
        own = [it for it in structural if not it.hard]
        cuts = _gutters(own, [], body) if len(own) >= BAND_ROWS else []
        bounds = [-math.inf, *cuts, math.inf]
        self.columns = [
            column
            for lo, hi in itertools.pairwise(bounds)
            for column in _segments(
                [(it.sx0, it.sx1) for it in structural if lo <= it.xc < hi], GUTTER * body
            )
        ]
        plain = [(it.sx0, it.sx1) for it in own]
        self.larger = [not any(_overlaps(c, p, body) for p in plain) for c in self.columns]
        self.heading = any(it.hard for it in structural)

    def crossing(self, other: _Band) -> list[int]:
        """The other's columns that run across two of these, or (headlines) across one
        and into the gutters on both sides of it."""
        out = []
        body = self.body
        for k, theirs in enumerate(other.columns):
            hits = []
            for j, mine in enumerate(self.columns):
                if mine[0] >= theirs[1]:
                    break  # the columns are in order along the line
                if _overlaps(mine, theirs, body):
                    hits.append(j)
                    if len(hits) > 1:
                        break
            if len(hits) > 1:
                out.append(k)
            elif hits and other.larger[k] and not self.larger[hits[0]]:
                mine = self.columns[hits[0]]
                if theirs[0] < mine[0] - body and theirs[1] > mine[1] + body:
                    out.append(k)
        return out

    def fits(self, other: _Band, lenient: bool = False) -> bool:
        """Whether the other's columns line up with these. Leniently, a headline beside
        columns that go on (the other's lines run on under it) does not keep them apart."""
        if len(self.columns) == len(other.columns) == 1 and not (self.larger[0] or other.larger[0]):
            return True  # one column under another: the commonest case by far
        if self.crossing(other):
            return False
        crossed = other.crossing(self)
        if not crossed:
            return True
        if not lenient or not all(self.larger[k] for k in crossed):
            return False
        return any(
            not self.larger[k]
            and sum(1 for theirs in other.columns if _overlaps(mine, theirs, self.body)) == 1
            for k, mine in enumerate(self.columns)
        )

    def add(self, other: _Band) -> None:
        self.items.extend(other.items)
        if len(self.columns) == 1 and len(other.columns) == 1:
            (a0, a1), (b0, b1) = self.columns[0], other.columns[0]
            if _overlaps((a0, a1), (b0, b1), self.body):
                self.columns = [(min(a0, b0), max(a1, b1))]
                self.larger = [self.larger[0] and other.larger[0]]
                self.heading = self.heading and other.heading
                return
        # A headline's range gives way to the columns that run on under it.
        crossed = set(other.crossing(self))
        columns = [
            (column, larger)
            for k, (column, larger) in enumerate(zip(self.columns, self.larger, strict=True))
            if k not in crossed
        ]
        for theirs, larger in zip(other.columns, other.larger, strict=True):
            match = next(
                (k for k, (mine, _) in enumerate(columns) if _overlaps(mine, theirs, self.body)),
                None,
            )
            if match is None:
                columns.append((theirs, larger))
            else:
                mine, was = columns[match]
                columns[match] = (
                    (min(mine[0], theirs[0]), max(mine[1], theirs[1])),
                    was and larger,
                )
        columns.sort()
        # A paragraph's short tail over the next paragraph's indented first line: their
        # ranges need not overlap, yet they are one column. (So is a short label set
        # right beside its text: no gutter parts them.)
        body = self.body
        kept: list[tuple[Span, bool]] = []
        for (x0, x1), larger in columns:
            if kept and not larger and not kept[-1][1]:
                (k0, k1), _ = kept[-1]
                if x0 - k1 < TAIL_GAP * body and INDENT_MIN * body <= x0 - k0 <= INDENT_MAX * body:
                    kept[-1] = ((k0, max(k1, x1)), False)
                    continue
            kept.append(((x0, x1), larger))
        self.columns = [c for c, _ in kept]
        self.larger = [larger for _, larger in kept]
        self.heading = self.heading and other.heading


def _segments(spans: list[Span], gutter: float) -> list[Span]:
    merged: list[Span] = []
    for x0, x1 in sorted(spans):
        if merged and x0 - merged[-1][1] < gutter:
            if x1 > merged[-1][1]:
                merged[-1] = (merged[-1][0], x1)
        else:
            merged.append((x0, x1))
    return merged


def _band_groups(
    region: list[_Item], wide: set[_Item], body: float, lenient: bool
) -> tuple[list[list[_Item]], bool]:
    """The region cut at horizontal whitespace into bands, and consecutive bands whose
    columns line up joined again; and whether leniency joined any."""
    bands = [_Band(items, wide, body) for items in _rows(region)]
    if len(bands) == 1:
        return [region], False
    used = False
    groups: list[_Band] = [bands[0]]
    for number, band in enumerate(bands[1:], start=1):
        group = groups[-1]
        following = bands[number + 1] if number + 1 < len(bands) else None
        if group.fits(band):
            joined = True
        elif lenient and (group.fits(band, lenient=True) or _inset(group, band)):
            joined = used = True
        else:
            joined = False
        if joined:
            # Text right under a headline belongs with the columns that follow it when
            # those do not fit under the headline themselves.
            # Rows of merged lines alone (no columns of their own) say nothing of where
            # they go: the first row with columns after them does, the first of the
            # next few that holds no merged line (all its columns are its own) if any.
            ahead = following
            if not band.columns:
                rest = bands[number + 1 :]
                ahead = next((b for b in rest[:AHEAD] if b.columns and not b.merged), None)
                ahead = ahead or next((b for b in rest if b.columns), None)
            over = group.heading or bands[number - 1].heading  # a headline right over it
            if over and not band.heading and ahead is not None and not group.fits(ahead):
                after = [b for b in bands[number + 1 : number + 1 + AHEAD] if b.columns]
                if (
                    _centred_under(group, band)
                    or _flush_right_over(band, after)
                    or _closer_over(group, band, ahead)
                ):
                    # A byline centred under the headline, over columns of its own, or
                    # a masthead's row of date and issue.
                    group.items.extend(band.items)
                else:
                    groups.append(band)
            else:
                group.add(band)
            continue
        # One row that splits where the group does not (a label beside its text) stays
        # in the group when the row after it fits the group again.
        # So does a row where a column's line runs on into the next column: merged with
        # the short last line of a paragraph there, it starts where its column does.
        # (The columns' last row, merged so, has no row after it.)
        if max(it.y1 for it in band.items) - min(it.y0 for it in band.items) <= 2 * body:
            if following is not None and group.fits(following) and not group.crossing(band):
                group.add(band)
                continue
            last = following is None and bool(group.crossing(band))
            if (last or (following is not None and group.fits(following))) and _runs_on(
                group, band
            ):
                group.items.extend(band.items)  # the columns stay as they are
                continue
        groups.append(band)
    parts = [group.items for group in groups]
    home = list(range(len(groups)))  # the part each group's first column is read in
    for k in range(1, len(groups)):
        found = _runs_down(groups[k - 1], groups[k])
        if found is not None:
            down, up, others = found
            for it in down:
                it.ran = True
            # (a line of the group split by the run before is in pieces there now)
            held = {id(it) for it in parts[k - 1]}
            moved = {id(it) for it in up if id(it) in held}
            up = [it for it in parts[k - 1] if id(it) in moved]
            parts[k - 1] = [it for it in parts[k - 1] if id(it) not in moved]
            parts[home[k - 1]] = [*parts[home[k - 1]], *down]
            parts[k] = [*up, *others]
            home[k] = home[k - 1]
    return _gather_flanked([part for part in parts if part], body), used


def _runs_down(group: _Band, band: _Band) -> tuple[list[_Item], list[_Item], list[_Item]] | None:
    """Where the group's first column runs on down into the band's first column (a story
    set in an L, its first column running down beside the top of another story): the
    band's first column, the group's lines that go with the band, and the rest of the
    band; None where the column does not run on.

    The two columns share half the wider's width; each stands beside columns of its own
    that do not line up with it, none of them in headline type alone; the band's column
    starts no further below the group's than its lines are apart; and the group's other
    columns end LEVEL body heights or more above its first (their story ends and the one
    under them starts beside it: stories stacked level, one right under the other, are no
    L). The group's last rows beside its first column where a line starts at one of the
    band's columns, not at one of the group's (the first lines of the story below, set a
    little higher), go with the band. Lines merged across the band's first gutter are
    split there."""
    body = group.body
    if len(group.columns) < 2 or len(band.columns) < 2 or any(group.larger + band.larger):
        return None
    mine, theirs = group.columns[0], band.columns[0]
    shared = min(mine[1], theirs[1]) - max(mine[0], theirs[0])
    if (
        shared < SAME_WIDTH * max(mine[1] - mine[0], theirs[1] - theirs[0])
        or _overlaps(mine, band.columns[1], body)
        or _overlaps(group.columns[1], theirs, body)
    ):
        return None
    edge = group.columns[1][0]
    above = sorted(
        (it for it in group.items if it.xc < edge and not it.hard and it not in group.wide),
        key=_TOP,
    )
    at = (theirs[1] + band.columns[1][0]) / 2
    own = [it for it in band.items if it not in band.wide]
    if len(above) < 2 or not any(it.xc < at for it in own):
        return None
    spaces = [b.y0 - a.y1 for a, b in itertools.pairwise(above)]
    first = min((it for it in band.items if it.xc < at or it.sx0 < at), key=_TOP)
    if first.hard or first.y0 - above[-1].y1 > max(median(spaces), 0.0) + RUN_GAP * body:
        return None
    over: list[_Item] = []
    beside = [it for it in group.items if it.xc >= edge]
    for row in reversed(_rows(beside) if beside else []):
        if not any(
            _starts_at(it, band.columns[1:], body) and not _starts_at(it, group.columns, body)
            for it in row
        ):
            break
        over = [*row, *over]
    moved = {id(it) for it in over}
    kept = [it.y1 for it in beside if id(it) not in moved]
    if kept and above[-1].y1 - max(kept) < LEVEL * body:
        return None
    cuts = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(band.columns)]
    across = {it for it in band.wide if it.sx0 < at < it.sx1}
    down: list[_Item] = []
    rest: list[_Item] = []
    for it in _split_merged(band.items, cuts, across, own, body):
        (down if _part(it, [at], band.wide) == 0 else rest).append(it)
    return down, over, rest


def _starts_at(it: _Item, columns: Sequence[Span], body: float) -> bool:
    """Whether the line starts where one of the columns does."""
    return any(abs(it.sx0 - x0) <= FLUSH * body for x0, _ in columns)


def _inset(group: _Band, band: _Band) -> bool:
    """Whether the band's columns are the group's with a box set into the middle of them
    (an editor's note, a title over the middle columns): the group's first and last
    columns line up with the band's first and last, one to one, and run on into them
    with no more white space than between lines, while what lies between them crosses
    the band's middle columns. The outer columns are then read down past the box."""
    mine, theirs, body = group.columns, band.columns, group.body
    if len(mine) < 3 or len(theirs) < 3 or group.crossing(band):
        return False
    crossed = band.crossing(group)
    if not crossed or 0 in crossed or len(mine) - 1 in crossed:
        return False
    top = min(it.y0 for it in band.items)
    for upper, lower in ((mine[0], theirs[0]), (mine[-1], theirs[-1])):
        if sum(1 for column in theirs if _overlaps(upper, column, body)) != 1:
            return False
        if not _overlaps(upper, lower, body):
            return False
        above = [it for it in group.items if _overlaps((it.sx0, it.sx1), upper, body)]
        below = [it for it in band.items if _overlaps((it.sx0, it.sx1), lower, body)]
        if not above or not below:
            return False
        foot = max(it.y1 for it in above)
        if min(it.y0 for it in below) - foot > INSET_GAP * body or foot < top - INSET_GAP * body:
            return False
    return True


def _closer_over(group: _Band, band: _Band, ahead: _Band) -> bool:
    """Whether the band touches the group over it and has whitespace a body line high or
    more under it: a row of the headline group's (a masthead's date and issue line), not
    the first row of the text, which stands apart from its headline."""
    touches = min(it.y0 for it in band.items) <= max(it.y1 for it in group.items)
    under = min(it.y0 for it in ahead.items) - max(it.y1 for it in band.items)
    return touches and under >= band.body


def _centred_under(group: _Band, band: _Band) -> bool:
    """Whether the band is one short line in body type centred under the group's
    headline: a byline or a source line, not the first line of a column."""
    if len(band.items) != 1 or band.heading:
        return False
    it = band.items[0]
    x0 = min(other.sx0 for other in group.items)
    x1 = max(other.sx1 for other in group.items)
    return (
        it.sx1 - it.sx0 <= CENTRED_SHARE * (x1 - x0)
        and abs((it.sx0 + it.sx1) - (x0 + x1)) / 2 <= CENTRED_OFF * group.body
    )


def _flush_right_over(band: _Band, ahead: Sequence[_Band]) -> bool:
    """Whether the band is one short line in body type, in a row of its own under a
    headline, set flush right over the columns of the bands that follow (a byline set to
    the right under the title), not starting where one of those columns does: the first
    line of the last column is in the row of the other columns' first lines."""
    if len(band.items) != 1 or band.heading or not ahead or len(ahead[0].columns) < 2:
        return False
    it = band.items[0]
    columns = [c for b in ahead for c in b.columns]
    # (the upper quartile of where the bands end: one line's box may jut out, and a
    # paragraph's last line may end short)
    ends = sorted(b.columns[-1][1] for b in ahead)
    left, right = min(c[0] for c in columns), ends[(3 * len(ends)) // 4]
    body = band.body
    return (
        it.sx1 - it.sx0 <= CENTRED_SHARE * (right - left)
        and abs(it.sx1 - right) <= FLUSH * body
        and not any(abs(it.sx0 - c[0]) <= FLUSH * body for c in columns)
    )


def _runs_on(group: _Band, band: _Band) -> bool:
    """Whether each of the band's columns that crosses the group's is body-sized lines
    that start at the left edge of one of the group's columns of text (or indented from
    it) and run on past it by less than half its width: a column's line merged with a
    scrap of the next, not a line set across the columns."""
    body = group.body
    for k in group.crossing(band):
        x0, x1 = band.columns[k]
        own = [it for it in band.items if x0 <= it.sx0 and it.sx1 <= x1]
        if not own or any(it.hard for it in own):
            return False
        if not all(
            any(
                c0 - FLUSH * body <= it.sx0 <= c0 + RUN_ON_INDENT * body
                and c1 - c0 >= 6 * body
                and it.sx1 - c0 <= WIDE * (c1 - c0)
                for c0, c1 in group.columns
            )
            for it in own
        ):
            return False
    return True


def _rows(region: list[_Item]) -> list[list[_Item]]:
    """The region split at horizontal whitespace, top to bottom."""
    ordered = sorted(region, key=lambda it: it.y0 + ROW_OVERLAP * it.h)
    rows: list[list[_Item]] = [[ordered[0]]]
    reach = ordered[0].y1 - ROW_OVERLAP * ordered[0].h
    for it in ordered[1:]:
        top = it.y0 + ROW_OVERLAP * it.h
        if top > reach:
            rows.append([])
        rows[-1].append(it)
        reach = max(reach, it.y1 - ROW_OVERLAP * it.h)
    return rows


# --- placing the rest and ordering a column ----------------------------------------------


def _place_rest(leaves: list[list[_Item]], rest: list[_Item], body: float) -> None:
    """Put noise in the leaf nearest its centre and straddlers in the leaf that holds
    their left edge."""
    if not rest:
        return
    if not leaves:
        leaves.append([])
        leaves[0].extend(rest)
        return
    frames = [
        (
            min(it.x0 for it in leaf),
            min(it.y0 for it in leaf),
            max(it.x1 for it in leaf),
            max(it.y1 for it in leaf),
        )
        for leaf in leaves
    ]
    for it in rest:
        if it.straddles:
            x, y = it.x0 + min(body, it.w / 4), it.yc
        else:
            x, y = it.xc, it.yc
        across = [max(f[0] - x, 0.0, x - f[2]) for f in frames]
        down = [max(f[1] - y, 0.0, y - f[3]) for f in frames]
        # Within a column's width and just over or under it (a paragraph's last
        # characters at the head of the next column), it is that column's, however
        # close the end of a line in the column before.
        within = [
            k
            for k in range(len(frames))
            if not across[k] and down[k] <= WITHIN * body and not all(i.hard for i in leaves[k])
        ]
        best = min(within or range(len(frames)), key=lambda k: math.hypot(across[k], down[k]))
        leaves[best].append(it)


def _sort_leaf(leaf: list[_Item], body: float) -> list[_Item]:
    """A column's lines in reading order: rows top to bottom, left to right within a
    row; lines of vertical text right to left, each top to bottom."""
    if sum(1 for it in leaf if it.vertical and not it.noise) * 2 > len(leaf):
        ordered = sorted(leaf, key=lambda it: -it.xc)
        return _runs(ordered, lambda it: -it.xc, lambda it: it.w, lambda it: it.y0)
    # A mark or a character or two set beside a line of the column, not in its flow
    # (a speck in the gutter, a label or a title's large character beside the text),
    # would come between two lines of a paragraph: large ones go before the column's
    # lines, the rest after them. A paragraph's last line of a character or two
    # (`务。`) ends in a mark, and stays.
    text = [it for it in leaf if not it.noise]
    beside = [
        it for it in leaf if it.noise and not _last_line(it.line.text) and _beside(it, text, body)
    ]
    ahead = [it for it in beside if it.h > BODY_SIZE * body]
    after = [it for it in beside if it.h <= BODY_SIZE * body]
    for it in after:
        it.apart = True
    ordered = sorted((it for it in leaf if it not in beside), key=lambda it: it.yc)
    flow = _runs(ordered, lambda it: it.yc, _row_height, lambda it: it.x0)
    return [*sorted(ahead, key=lambda it: it.yc), *flow, *sorted(after, key=lambda it: it.yc)]


def _row_height(it: _Item) -> float:
    """How tall a line is when telling rows apart: its box's height, or for a line of
    Chinese, whose characters are as wide as they are tall, the width of one where that is
    less. A box drawn level around a skewed line (above all a merged one, its pieces as
    tall as it) is taller than its type, and two such lines one under the other would be
    read as one row, left to right."""
    if it.vertical or it.chars < 4:
        return it.h
    text = it.line.text
    if sum(1 for c in text if not c.isascii()) * 2 <= len(text):
        return it.h
    return min(it.h, it.pitch)


def _beside(it: _Item, lines: list[_Item], body: float) -> bool:
    """Whether a line of `lines` runs level with `it` (its centre within the line's
    height, or the two sharing half the height of the lower one: a centre right where two
    lines meet is level with both) and clear of it to the left or right (boxes drawn a
    little wide may touch).
    A Chinese character or two in body type whose box runs into the line's is no mark
    beside it but a piece of it that the OCR program cut off (本報 | 扇机英红色): clear
    means clear. (Specks read as characters are smaller: 福, ：; labels set beside their
    text larger: 社论. One that only touches the line may be the first line of the next
    column across a narrow gutter, a paragraph's tail: 用.)"""
    piece = PIECE_HEIGHT * body <= it.h <= BODY_SIZE * body and has_cjk(it.line.text)
    slack = 0.0 if piece else BESIDE_SLACK * body
    return any(
        (p.y0 < it.yc < p.y1 or min(p.y1, it.y1) - max(p.y0, it.y0) >= min(p.h, it.h) / 2)
        and (p.x1 <= it.x0 + slack or p.x0 >= it.x1 - slack)
        for p in lines
    )


def _last_line(text: str) -> bool:
    """Whether a character or two end a sentence: words, then closing marks (`务。`)."""
    words = text.strip().rstrip("".join(HANGING))
    return bool(words) and len(words) < len(text.strip())


def _runs(
    ordered: list[_Item],
    across: Callable[[_Item], float],
    size: Callable[[_Item], float],
    along: Callable[[_Item], float],
) -> list[_Item]:
    """Items sorted by `across` regrouped into runs of the same row (positions closer
    than half the smaller size), each run sorted by `along`."""
    out: list[_Item] = []
    run: list[_Item] = []
    for it in ordered:
        if run and across(it) - across(run[0]) >= 0.5 * min(size(it), size(run[0])):
            out.extend(sorted(run, key=along))
            run = []
        run.append(it)
    out.extend(sorted(run, key=along))
    return out


def _column(leaf: list[_Item], upright: bool, body: float) -> Column:
    core = [it for it in leaf if not it.noise] or leaf
    x0 = min(it.x0 for it in core)
    # A straddler's right end lies in the next column: the column ends where its own
    # lines do.
    own = [it for it in core if not it.straddles] or core
    x1 = max(it.x1 for it in own)
    y0 = min(it.y0 for it in core)
    y1 = max(it.y1 for it in core)
    vertical = sum(1 for it in core if it.vertical) * 2 > len(core)
    if upright:
        box = Box(-y1, x0, -y0, x1)
        vertical = not vertical
    else:
        box = Box(x0, y0, x1, y1)
    centres = [it.xc if vertical != upright else it.yc for it in core]
    steps = [abs(b - a) for a, b in itertools.pairwise(centres) if abs(b - a) > 0.3 * body]
    return Column(box, median(steps) if steps else None, vertical)


def _interleaved(items: Sequence[_Item], leaf_of: Sequence[int], leaves: int) -> bool:
    """Whether the file's order jumps between columns far more often than reading column
    by column would, or comes back to columns it has left: a reading order enters each
    column once (where its columns are ours), an order row by row across them again and
    again (an archive's order, written into ALTO or PAGE as if it were the reading)."""
    sequence = [leaf_of[it.index] for it in items if not it.noise]
    pairs = len(sequence) - 1
    if pairs < 2:
        return False
    jumps = sum(1 for a, b in itertools.pairwise(sequence) if a != b)
    left: set[int] = set()
    revisits = 0
    for a, b in itertools.pairwise(sequence):
        if a != b:
            left.add(a)
            revisits += b in left
    if jumps < INTERLEAVED_SHARE * pairs:
        # Long runs down each column: stories stacked across the same columns come back
        # to them, each run a story's column (four of five lines and more); row by row,
        # a run is a line or two.
        return False
    return revisits >= max(REVISITS, REVISIT_SHARE * pairs) or jumps >= max(4, 2 * (leaves - 1) + 2)
