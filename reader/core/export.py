"""Documents out as clean text, Markdown or JSON."""

from __future__ import annotations

import json
from typing import Any

from reader.core.model import SCHEMA, Article, Block, Document

ARTICLE_RULE = "＊＊＊"
INDENT = "\u3000\u3000"
FORMATS = ("txt", "md", "json")
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


def to_text(doc: Document, indent: bool = False) -> str:
    """One paragraph a line, a blank line between blocks, ＊＊＊ between articles."""
    parts: list[str] = []
    for art in doc.articles:
        lines: list[str] = [b.text for b in art.head]
        for b in art.blocks:
            if b.kind not in _TEXT_KINDS:
                continue
            text = b.text
            if indent and b.kind in ("paragraph", "question"):
                text = INDENT + text
            lines.append(text)
        if lines:
            parts.append("\n\n".join(lines))
    return f"\n\n{ARTICLE_RULE}\n\n".join(parts) + "\n"


def _md_escape(text: str) -> str:
    # Only what would change the meaning of a line in Markdown.
    if text[:1] in "#>-+*" or text[:2].rstrip(".").isdigit():
        return "\\" + text
    return text


def to_markdown(doc: Document) -> str:
    """Titles as #, headings one level deeper per level, byline in italics, end matter quoted."""
    out: list[str] = []
    for art in doc.articles:
        chunk: list[str] = []
        if art.kicker:
            chunk.append(art.kicker)
        if art.title:
            chunk.append(f"# {art.title}")
        if art.subtitle:
            chunk.append(f"**{art.subtitle}**")
        if art.byline:
            chunk.append(f"*{art.byline}*")
        heading_of = {o.block: o for o in art.outline}
        for index, b in enumerate(art.blocks):
            if b.kind == "noise":
                continue
            if b.kind == "heading":
                depth = min(6, 1 + (b.level or 1))
                chunk.append(f"{'#' * depth} {b.text}")
            elif b.kind == "question":
                chunk.append(f"**{b.text}**")
            elif b.kind in ("end", "dateline"):
                chunk.append(f"> {b.text}")
            elif b.kind == "paragraph" and b.label and index in heading_of:
                label = b.text[: b.label]
                chunk.append(f"**{label}**{b.text[b.label :]}")
            else:
                chunk.append(_md_escape(b.text))
        out.append("\n\n".join(c for c in chunk if c))
    return "\n\n---\n\n".join(out) + "\n"


def render(doc: Document, fmt: str, indent: bool = False) -> str:
    if fmt == "json":
        return to_json(doc)
    if fmt == "md":
        return to_markdown(doc)
    if fmt == "txt":
        return to_text(doc, indent=indent)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def explain(doc: Document) -> str:
    """Every join and break between source lines, with the engine's reason."""
    out = []
    for d in doc.decisions:
        text = doc.source_lines[d.line].strip()
        short = text if len(text) <= 24 else text[:10] + "…" + text[-12:]
        out.append(f"{d.line + 1:>6}  {d.action:<5}  {short}  — {d.reason}")
    return "\n".join(out) + "\n"
