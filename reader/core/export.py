"""Documents out as clean text, Markdown or JSON."""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.core.model import SCHEMA, Article, Block, Document

ARTICLE_RULE = "＊＊＊"
INDENT = "\u3000\u3000"
# Blocks shown in clean text: page furniture is left out.
_TEXT_KINDS = frozenset(("paragraph", "heading", "question", "end", "dateline", "jump"))


def to_dict(doc: Document) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "source": {
            "path": doc.source.path,
            "sha256": doc.source.sha256,
            "encoding": doc.source.encoding,
            "lines": doc.source.lines,
            "fingerprint": doc.source.fingerprint,
            "reading": doc.source.reading,
        },
        "articles": [_article_dict(a) for a in doc.articles],
    }


def _block_dict(b: Block) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": b.kind}
    if b.kind in ("heading", "question"):
        d["level"] = b.level or 1
    d["text"] = b.text
    d["lines"] = [b.first, b.last]
    if b.label:
        d["runin"] = b.label
    return d


def _article_dict(a: Article) -> dict[str, Any]:
    d: dict[str, Any] = {
        "title": a.title,
        "subtitle": a.subtitle,
        "byline": a.byline,
        "kicker": a.kicker,
        "kind": a.kind,
        "head": [{"kind": b.kind, "text": b.text, "lines": [b.first, b.last]} for b in a.head],
        "blocks": [_block_dict(b) for b in a.blocks],
        "outline": [{"level": o.level, "text": o.text, "block": o.block} for o in a.outline],
    }
    return d


def to_json(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class CleanText:
    """The page as clean text, with where each block sits in it.

    `starts[(article, k)]` is the offset of block k of `article.all_blocks()`; blocks left
    out of clean text (page furniture) have no entry. Annotations point into this text.
    """

    text: str
    starts: dict[tuple[int, int], int]

    def covering(self, start: int, end: int) -> list[tuple[int, int]]:
        """The blocks that [start, end) touches, in order (the block at `start` at least)."""
        keys = list(self.starts)
        offsets = list(self.starts.values())
        first = max(0, bisect.bisect_right(offsets, start) - 1)
        last = max(first, bisect.bisect_left(offsets, end) - 1)
        return keys[first : last + 1]


def clean_text(doc: Document, indent: bool = False) -> CleanText:
    """One paragraph a line, a blank line between blocks, ＊＊＊ between articles."""
    out: list[str] = []
    starts: dict[tuple[int, int], int] = {}
    size = 0
    first_article = True
    for ai, art in enumerate(doc.articles):
        shown = [
            (k, b)
            for k, b in enumerate(art.all_blocks())
            if k < len(art.head) or b.kind in _TEXT_KINDS
        ]
        if not shown:
            continue
        if not first_article:
            rule = f"\n\n{ARTICLE_RULE}\n\n"
            out.append(rule)
            size += len(rule)
        first_article = False
        for n, (k, b) in enumerate(shown):
            if n:
                out.append("\n\n")
                size += 2
            text = b.text
            if indent and b.kind in ("paragraph", "question"):
                text = INDENT + text
            starts[(ai, k)] = size + (len(text) - len(b.text))
            out.append(text)
            size += len(text)
    out.append("\n")
    return CleanText("".join(out), starts)


def to_text(doc: Document, indent: bool = False) -> str:
    """One paragraph a line, a blank line between blocks, ＊＊＊ between articles."""
    return clean_text(doc, indent).text


def _md_escape(text: str) -> str:
    # Only what would change the meaning of a line in Markdown.
    if text[:1] in "#>-+*" or text[:2].rstrip(".").isdigit():
        return "\\" + text
    return text


Decorate = Callable[[tuple[int, int], str, int], str]


def _plain(_key: tuple[int, int], text: str, _offset: int) -> str:
    return text


def to_markdown(doc: Document, decorate: Decorate = _plain, furniture: bool = False) -> str:
    """Titles as #, headings one level deeper per level, byline in italics, end matter quoted.

    `decorate(key, text, offset)` may mark up a piece of a block's text (key as in
    CleanText.starts, offset of the piece within the block), e.g. to add highlights.
    """
    out: list[str] = []
    for ai, art in enumerate(doc.articles):
        chunk: list[str] = []

        def head(kind: str, ai: int = ai, art: Article = art) -> str | None:
            parts = [decorate((ai, k), b.text, 0) for k, b in enumerate(art.head) if b.kind == kind]
            return " ".join(parts) if parts else None

        if kicker := head("kicker"):
            chunk.append(kicker)
        if title := head("title"):
            chunk.append(f"# {title}")
        if subtitle := head("subtitle"):
            chunk.append(f"**{subtitle}**")
        if byline := head("byline"):
            chunk.append(f"*{byline}*")
        heading_of = {o.block: o for o in art.outline}
        for index, b in enumerate(art.blocks):
            if b.kind == "noise":
                if furniture:
                    chunk.append(f"*{_md_escape(b.text)}*")
                continue
            key = (ai, len(art.head) + index)
            text = decorate(key, b.text, 0)
            if b.kind == "heading":
                depth = min(6, 1 + (b.level or 1))
                chunk.append(f"{'#' * depth} {text}")
            elif b.kind == "question":
                chunk.append(f"**{text}**")
            elif b.kind in ("end", "dateline"):
                chunk.append(f"> {text}")
            elif b.kind == "paragraph" and b.label and index in heading_of:
                label = decorate(key, b.text[: b.label], 0)
                rest = decorate(key, b.text[b.label :], b.label)
                chunk.append(f"**{label}**{rest}")
            else:
                chunk.append(_md_escape(text))
        out.append("\n\n".join(c for c in chunk if c))
    return "\n\n---\n\n".join(out) + "\n"


def explain(doc: Document) -> str:
    """How the page was read, then every join and break between source lines, with the
    engine's reason."""
    out = [f"read as: {doc.source.reading}"] if doc.source.reading else []
    for d in doc.decisions:
        text = doc.source_lines[d.line].strip()
        short = text if len(text) <= 24 else text[:10] + "…" + text[-12:]
        out.append(f"{d.line + 1:>6}  {d.action:<5}  {short}  — {d.reason}")
    return "\n".join(out) + "\n"
