"""The document model: plain data that the engine produces and everything else reads."""

from __future__ import annotations

import itertools
import operator
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, overload

from reader.core.kinds import RUNNING, BlockKind
from reader.core.rules import Rule

SCHEMA = "ocr-reader.document/2"  # 2: block lines counted from 1
SAME = -1  # Block.but(): a value left as it is


@dataclass(slots=True)
class Block:
    kind: BlockKind
    text: str
    first: int
    last: int
    # The numbering style of a heading or a run-in label, as reflow read it: 1 一、,
    # 2 （一）, 3 1、, 4 （1）, 5 ①..., 0 a feature subhead (no number); None for other
    # blocks.
    numbering: int | None = None
    # Length of a run-in heading label at the start of a paragraph ("1、树立…：").
    label: int = 0
    # Set in headline type, as the boxes of an OCR file show: a headline, never a
    # subhead inside an article.
    display: bool = False
    # A heading's or a question's depth in the article's outline, given by segmentation
    # (1 the top); None for other blocks (a run-in label's depth is its outline entry's)
    # and before segmentation.
    depth: int | None = None
    # Where a correction split a line between two blocks: the characters (white space
    # aside) of source line `first` that belong to the block before, and of line `last`
    # that belong to the block after.
    skip: int = 0
    spare: int = 0

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first, self.last)

    def but(
        self,
        kind: BlockKind | None = None,
        numbering: int | None = SAME,
        depth: int | None = SAME,
    ) -> Block:
        """A new block like this one but for its kind, numbering style or depth (SAME:
        as it is): dataclasses.replace() at a tenth of its cost, for the stages that give
        blocks their kind and depth."""
        return Block(
            self.kind if kind is None else kind,
            self.text,
            self.first,
            self.last,
            self.numbering if numbering == SAME else numbering,
            self.label,
            self.display,
            self.depth if depth == SAME else depth,
            self.skip,
            self.spare,
        )


@dataclass(slots=True)
class OutlineEntry:
    level: int
    text: str
    block: int


@dataclass(slots=True)
class Article:
    head: list[Block] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    outline: list[OutlineEntry] = field(default_factory=list)
    # "article", "notice" (an advert or legal notice) or "headline" (a headline whose body
    # is not next to it on the page; see segment.suggest_titles).
    kind: str = "article"

    def _head(self, kind: BlockKind) -> str | None:
        parts = [b.text for b in self.head if b.kind == kind]
        return " ".join(parts) if parts else None

    @property
    def title(self) -> str | None:
        return self._head(BlockKind.TITLE)

    @property
    def subtitle(self) -> str | None:
        return self._head(BlockKind.SUBTITLE)

    @property
    def byline(self) -> str | None:
        return self._head(BlockKind.BYLINE)

    @property
    def kicker(self) -> str | None:
        return self._head(BlockKind.KICKER)

    def label(self, chars: int = 16) -> str:
        """The title, or the first words of the body when there is none."""
        if self.title:
            return self.title
        for b in self.blocks:
            if b.kind in RUNNING:
                text = b.text
                return text if len(text) <= chars else text[:chars] + "…"
        return self.blocks[0].text[:chars] if self.blocks else ""

    def all_blocks(self) -> list[Block]:
        return [*self.head, *self.blocks]


class Decision(NamedTuple):
    """Why the engine joined or split between a source line and the next content line:
    the rule that decided (reader.core.rules)."""

    line: int
    action: str  # "join" | "break"
    rule: Rule

    @property
    def reason(self) -> str:
        """The rule's reason, in English."""
        return self.rule.en


# The array type of the content lines' source lines (lines.numbers()), so that
# Decisions can keep theirs as it is.
_LINE_NUMBERS = "i"


class Decisions(Sequence[Decision]):
    """The decision after every content line but the last, in order.

    Reflow records only the decisions it had to weigh (record(), by the index of the
    content line after the gap); every other pair of lines was joined for the page's
    `ordinary` reason. The full list is built the first time someone reads it (the source
    view, `--explain`), not for every page the library reads.
    """

    def __init__(self, lines: Sequence[int], ordinary: Rule) -> None:
        # Kept small for as long as the page is open, and while it is reflowed: the
        # source lines as an array, and each decision as a number, the rule's in a table
        # of the rules the page used, written as it is made. As a dict of tuples and
        # integer objects they took as much memory as the file. The content lines' own
        # array of source lines is kept, not copied (nothing changes it once they are
        # read): a copy was 5 MB of a 32 MB page more, held while the page was reflowed.
        shared = isinstance(lines, array) and lines.typecode == _LINE_NUMBERS
        # The source line of each content line.
        self._lines = lines if shared else array(_LINE_NUMBERS, lines)
        self._rules = [ordinary]
        self._numbers = {id(ordinary): 0}
        # Rule number n: 2n to join, 2n + 1 to break; 0, the ordinary join, where nothing
        # was weighed.
        self._codes = array("H", bytes(2 * len(self._lines)))
        self.weighed = 0  # how many decisions were recorded
        self._all: list[Decision] | None = None

    def record(self, k: int, join: bool, rule: Rule) -> None:
        """The decision before content line k: join it onto the line before, or not."""
        number = self._numbers.get(id(rule))
        if number is None:
            number = self._numbers[id(rule)] = len(self._rules)
            self._rules.append(rule)
        self._codes[k] = 2 * number + (not join)
        self.weighed += 1
        self._all = None

    def _list(self) -> list[Decision]:
        if self._all is None:
            rules, lines = self._rules, self._lines
            self._all = []
            for k in range(1, len(lines)):
                number, broken = divmod(self._codes[k], 2)
                action = "break" if broken else "join"
                self._all.append(Decision(lines[k - 1], action, rules[number]))
        return self._all

    def __len__(self) -> int:
        return max(0, len(self._lines) - 1)

    @overload
    def __getitem__(self, index: int) -> Decision: ...
    @overload
    def __getitem__(self, index: slice) -> list[Decision]: ...
    def __getitem__(self, index: int | slice) -> Decision | list[Decision]:
        return self._list()[index]

    def __iter__(self) -> Iterator[Decision]:
        return iter(self._list())


_STRETCH = 1 << 20  # characters of text split at a time
_PLUS_ONE = (1).__add__
_MINUS_ONE = (-1).__add__


class SourceLines(Sequence[str]):
    """The page's source lines, as text.split("\n") gives them without the empty string
    after a final line end, kept as the text and where each line starts: a list of them
    takes three times the memory of the text (an object a line), and a document keeps
    its source lines for as long as it is open. A line is made when it is read."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str, lines: list[str] | None = None) -> None:
        """`lines`, where the caller has them: split_source_lines(text)."""
        self.text = text
        # _starts[k] is where line k starts, and one past the end of the last line
        # follows, as if every line ended in a line break.
        if lines is not None:
            sizes = map(_PLUS_ONE, map(len, lines))
            self._starts = array("q", itertools.accumulate(sizes, initial=0))
            return
        starts = array("q", [0])
        for at in range(0, len(text), _STRETCH):
            parts = text[at : at + _STRETCH].split("\n")
            del parts[-1]  # (up to the stretch's end: no line break seen yet)
            starts.extend(itertools.accumulate(map(_PLUS_ONE, map(len, parts)), initial=at))
            del starts[-len(parts) - 1]  # (the stretch's start, given as `initial`)
        if len(text) > starts[-1]:  # a last line without a line break
            starts.append(len(text) + 1)
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("source line out of range")
        return self.text[self._starts[index] : self._starts[index + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        starts = self._starts
        ends = map(_MINUS_ONE, itertools.islice(starts, 1, None))
        return map(self.text.__getitem__, map(slice, starts, ends))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SourceLines):
            return self.text == other.text or list(self) == list(other)
        if isinstance(other, (list, tuple)):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        raise TypeError("unhashable type: 'SourceLines'")

    def __repr__(self) -> str:
        return f"SourceLines({len(self)} lines)"

    def __reduce__(self) -> tuple[type[SourceLines], tuple[str]]:
        return (SourceLines, (self.text,))


@dataclass(slots=True)
class SourceInfo:
    path: str
    sha256: str
    encoding: str
    lines: int
    newline: str = "LF"
    fingerprint: str = ""
    warning: str | None = None
    # How the engine read the page: blank-line and indent habits, quote widths
    reading: str = ""
    # OCR output with boxes: each page's (width, height, unit), in the file's units
    pages: list[tuple[float, float, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LineBox:
    """Where a source line of OCR output with boxes sat: its page, its column in the
    reading order of that page, its box (x0, y0, x1, y1) in the page's units, and the OCR
    program's confidence in it (0..1) where the format gives one."""

    page: int
    column: int
    box: tuple[float, float, float, float]
    confidence: float | None = None


@dataclass(slots=True)
class Document:
    source: SourceInfo
    articles: list[Article]
    source_lines: Sequence[str]
    decisions: Sequence[Decision] = field(default_factory=list)
    # For OCR output with boxes, one per source line (None for a line the boxes did not
    # give, such as a blank line written between blocks); empty for plain text.
    line_boxes: list[LineBox | None] = field(default_factory=list)

    def iter_blocks(self):
        for ai, art in enumerate(self.articles):
            for block in art.all_blocks():
                yield ai, block

    def regions(self, block: Block) -> list[tuple[int, tuple[float, float, float, float]]]:
        """Where the block is on its page(s): (page, box) for each column piece of it, the
        union of its lines' boxes there; empty for plain text."""
        pieces: dict[tuple[int, int], tuple[float, float, float, float]] = {}
        for at in range(block.first, min(block.last + 1, len(self.line_boxes))):
            line = self.line_boxes[at]
            if line is None:
                continue
            key = (line.page, line.column)
            x0, y0, x1, y1 = line.box
            if key in pieces:
                a0, b0, a1, b1 = pieces[key]
                x0, y0, x1, y1 = min(x0, a0), min(y0, b0), max(x1, a1), max(y1, b1)
            pieces[key] = (x0, y0, x1, y1)
        return [(page, box) for (page, _column), box in pieces.items()]

    def confidence(self, block: Block) -> float | None:
        """The lowest confidence of the block's lines, where the format gives one."""
        found = [
            line.confidence
            for line in self.line_boxes[block.first : block.last + 1]
            if line is not None and line.confidence is not None
        ]
        return min(found) if found else None

    def low_confidence(self, threshold: float = 0.8) -> list[tuple[int, int]]:
        """The blocks (article, index in all_blocks()) holding a line the OCR program was
        less sure of than `threshold`."""
        return [
            (ai, k)
            for ai, art in enumerate(self.articles)
            for k, block in enumerate(art.all_blocks())
            if (c := self.confidence(block)) is not None and c < threshold
        ]

    def stats(self) -> dict[str, int]:
        paragraphs = sum(1 for _, b in self.iter_blocks() if b.kind == BlockKind.PARAGRAPH)
        chars = sum(len(b.text) for _, b in self.iter_blocks() if b.kind != BlockKind.FURNITURE)
        return {
            # Every item of the page, a headline the engine could not place included: the
            # articles are numbered so in the window, the library, search and exports.
            "articles": len(self.articles),
            "paragraphs": paragraphs,
            "characters": chars,
        }
