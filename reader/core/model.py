"""The document model: plain data that the engine produces and everything else reads."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, overload

SCHEMA = "ocr-reader.document/1"


@dataclass(slots=True)
class Block:
    kind: str
    text: str
    first: int
    last: int
    level: int | None = None
    # Length of a run-in heading label at the start of a paragraph ("1、树立…：").
    label: int = 0

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first, self.last)


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

    def _head(self, kind: str) -> str | None:
        parts = [b.text for b in self.head if b.kind == kind]
        return " ".join(parts) if parts else None

    @property
    def title(self) -> str | None:
        return self._head("title")

    @property
    def subtitle(self) -> str | None:
        return self._head("subtitle")

    @property
    def byline(self) -> str | None:
        return self._head("byline")

    @property
    def kicker(self) -> str | None:
        return self._head("kicker")

    def label(self, chars: int = 16) -> str:
        """The title, or the first words of the body when there is none."""
        if self.title:
            return self.title
        for b in self.blocks:
            if b.kind in ("paragraph", "question", "heading"):
                text = b.text
                return text if len(text) <= chars else text[:chars] + "…"
        return self.blocks[0].text[:chars] if self.blocks else ""

    def all_blocks(self) -> list[Block]:
        return [*self.head, *self.blocks]


class Decision(NamedTuple):
    """Why the engine joined or split between a source line and the next content line."""

    line: int
    action: str  # "join" | "break"
    reason: str


class Decisions(Sequence[Decision]):
    """The decision after every content line but the last, in order.

    Reflow records only the decisions it had to weigh (`decided`, by the index of the
    content line after the gap); every other pair of lines was joined for the page's
    `ordinary` reason. The full list is built the first time someone reads it (the source
    view, `--explain`), not for every page the library reads.
    """

    def __init__(self, lines: list[int], decided: dict[int, tuple[bool, str]], ordinary: str):
        self._lines = lines  # the source line of each content line
        self._decided = decided
        self._ordinary = ordinary
        self._all: list[Decision] | None = None

    def _list(self) -> list[Decision]:
        if self._all is None:
            ordinary = (True, self._ordinary)
            self._all = []
            for k in range(1, len(self._lines)):
                join, reason = self._decided.get(k, ordinary)
                self._all.append(Decision(self._lines[k - 1], "join" if join else "break", reason))
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


@dataclass(slots=True)
class Document:
    source: SourceInfo
    articles: list[Article]
    source_lines: list[str]
    decisions: Sequence[Decision] = field(default_factory=list)

    def iter_blocks(self):
        for ai, art in enumerate(self.articles):
            for block in art.all_blocks():
                yield ai, block

    def stats(self) -> dict[str, int]:
        paragraphs = sum(1 for _, b in self.iter_blocks() if b.kind == "paragraph")
        chars = sum(len(b.text) for _, b in self.iter_blocks() if b.kind != "noise")
        return {
            "articles": sum(1 for a in self.articles if a.kind != "headline"),
            "paragraphs": paragraphs,
            "characters": chars,
        }
