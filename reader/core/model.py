"""The document model: plain data that the engine produces and everything else reads."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, overload

from reader.core.kinds import RUNNING, BlockKind
from reader.core.rules import Rule

SCHEMA = "ocr-reader.document/1"
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


class Decisions(Sequence[Decision]):
    """The decision after every content line but the last, in order.

    Reflow records only the decisions it had to weigh (`decided`, by the index of the
    content line after the gap); every other pair of lines was joined for the page's
    `ordinary` reason. The full list is built the first time someone reads it (the source
    view, `--explain`), not for every page the library reads.
    """

    def __init__(
        self, lines: list[int], decided: dict[int, tuple[bool, Rule]], ordinary: Rule
    ) -> None:
        self._lines = lines  # the source line of each content line
        self._decided = decided
        self._ordinary = ordinary
        self._all: list[Decision] | None = None

    def _list(self) -> list[Decision]:
        if self._all is None:
            ordinary = (True, self._ordinary)
            self._all = []
            for k in range(1, len(self._lines)):
                join, rule = self._decided.get(k, ordinary)
                self._all.append(Decision(self._lines[k - 1], "join" if join else "break", rule))
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
    source_lines: list[str]
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
            "articles": sum(1 for a in self.articles if a.kind != "headline"),
            "paragraphs": paragraphs,
            "characters": chars,
        }
