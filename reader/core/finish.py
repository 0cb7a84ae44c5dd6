"""Finishing blocks: a raw block's kind settled and its text cleaned (bylines, spread
headlines)."""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from reader.core.kinds import BlockKind
from reader.core.lines import is_caption, is_source_note, is_speaker
from reader.core.model import Block
from reader.core.text import (
    despace_cjk_spaced,
    ends_sentence,
    is_cjk_char,
    unpunctuated_but_lists,
)
from reader.core.tuning import TUNING, Tuning

_KINDS = {kind.value: kind for kind in BlockKind}  # (BlockKind(value) is slow to call)
# Brackets and quotes a text may open without closing.
_PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("‘", "’"), ("(", ")"))


@dataclass(slots=True)
class RawBlock:
    """A block being built: content lines start..end-1 and what they are so far."""

    kind: str
    start: int
    end: int
    style: int = 0
    label: int = 0
    display: bool = False  # opened by a line in headline type (text from boxes)

    def __len__(self) -> int:
        return self.end - self.start


class RawBlocks:
    """Decided blocks, kept compactly: a long page has hundreds of thousands, and a
    RawBlock with its two integers is about 130 bytes (26 MB of a 32 MB page, held at the
    reflow's peak)."""

    __slots__ = ("display", "ends", "kinds", "labels", "starts", "styles")

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.starts, self.ends = array("i"), array("i")
        self.styles, self.labels = array("i"), array("i")
        self.display = bytearray()

    def append(self, block: RawBlock) -> None:
        self.kinds.append(block.kind)
        self.starts.append(block.start)
        self.ends.append(block.end)
        self.styles.append(block.style)
        self.labels.append(block.label)
        self.display.append(block.display)

    def __len__(self) -> int:
        return len(self.kinds)

    def __iter__(self) -> Iterator[RawBlock]:
        for kind, start, end, style, label, display in zip(
            self.kinds, self.starts, self.ends, self.styles, self.labels, self.display, strict=True
        ):
            yield RawBlock(kind, start, end, style, label, bool(display))


def finish(raw: RawBlock, text: str, first: int, last: int, tuning: Tuning = TUNING) -> Block:
    """A raw block as a model block, its kind settled and its text clean."""
    kind = raw.kind
    if kind == "heading":
        if ends_sentence(text):
            kind = "paragraph"
        elif raw.label:
            raw.label = 0  # "一、理念革新：构建基层党建新思维" is a heading, colon and all
    elif kind == "byline":
        text = clean_byline(text)
    elif kind == "caption" or (kind == "end" and is_caption(text)):
        # A photo caption, a credit or a note of where the pictures come from: it sits
        # beside its picture, anywhere in an article, and closes nothing.
        kind = "caption"
    elif kind == "paragraph" and not raw.label and is_speaker(text):
        # Speeches quoted one after another, each under its speaker's name: a subhead.
        kind = "heading"
    elif kind == "paragraph" and not raw.label and is_source_note(text):
        # Where a quotation or a speech was said or printed: end matter of the quotation,
        # which closes no article (see segment).
        kind = "end"
    if kind in ("notice", "headline") or (
        kind == "paragraph" and not raw.label and is_standalone_text(text, tuning)
    ):
        kind = "standalone"
        text = despace_cjk_spaced(text)
    numbering = raw.style if kind == "heading" or raw.label else None
    return Block(_KINDS[kind], text, first, last, numbering, raw.label, raw.display)


def opens_more(text: str) -> bool:
    """The text opens a quote or bracket that it does not close."""
    return any(text.count(o) > text.count(c) for o, c in _PAIRS)


def is_standalone_text(text: str, tuning: Tuning = TUNING) -> bool:
    """A line this long or shorter (Tuning.standalone_chars), with no sentence
    punctuation, is headline-like. A headline may list with 、 (庆祝毛主席视察华北、中南和华东
    地区一周年), as a body's sentence does not without a comma."""
    return len(text) <= tuning.standalone_chars and unpunctuated_but_lists(text)


def clean_byline(text: str) -> str:
    """'□ 赵 婷' -> '□ 赵婷', '本报记者 张三 李 四' -> '本报记者 张三 李四': names spread
    to line up with longer ones are closed up."""
    marker = text[:1] if text[:1] in "□■◇◆▢☐▲△●○" else ""
    rest = " ".join(_close_up_names(text[len(marker) :].split()))
    return f"{marker} {rest}" if marker else rest


def _close_up_names(parts: list[str]) -> list[str]:
    """Runs of single characters in a byline are spread names: two or three characters
    make one name, four make two. Other runs are left as they are."""
    out: list[str] = []
    for single, run in itertools.groupby(parts, lambda p: len(p) == 1 and is_cjk_char(p)):
        names = list(run)
        if single and len(names) in (2, 3):
            names = ["".join(names)]
        elif single and len(names) == 4:
            names = ["".join(names[:2]), "".join(names[2:])]
        out.extend(names)
    return out
