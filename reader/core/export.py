"""Documents out as clean text, Markdown or JSON."""

from __future__ import annotations

import bisect
import itertools
import json
import re
from array import array
from collections.abc import Callable, ItemsView, Iterator, Mapping, ValuesView
from dataclasses import dataclass
from typing import Any

from reader.core.kinds import CLEAN, HEAD_ORDER, INDENTED, OUTLINED, SPECS, BlockKind
from reader.core.model import SCHEMA, Article, Block, Document

ARTICLE_RULE = "＊＊＊"
INDENT = "\u3000\u3000"
# Blocks shown in clean text (the table's `clean`): page furniture is left out.
_TEXT_KINDS = CLEAN


def to_dict(doc: Document, lazy: bool = False) -> dict[str, Any]:
    """The document as JSON data; with `lazy`, its articles are an iterator that makes
    each one as it is read (for json_chunks(), which writes them one at a time)."""
    source: dict[str, Any] = {
        "path": doc.source.path,
        "sha256": doc.source.sha256,
        "encoding": doc.source.encoding,
        "lines": doc.source.lines,
        "fingerprint": doc.source.fingerprint,
        "reading": doc.source.reading,
    }
    if doc.source.pages:  # OCR output with boxes: the pages the regions are on
        source["pages"] = [
            {"width": round(width, 2), "height": round(height, 2), "unit": unit}
            for width, height, unit in doc.source.pages
        ]
    articles = (_article_dict(a, doc) for a in doc.articles)
    return {
        "schema": SCHEMA,
        "source": source,
        "articles": articles if lazy else list(articles),
    }


def _block_dict(b: Block, doc: Document) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": b.kind}
    if b.kind in OUTLINED:
        d["level"] = b.depth or 1
    d["text"] = b.text
    d["lines"] = [b.first + 1, b.last + 1]  # counted from 1, as the source view counts
    if b.label:
        d["runin"] = b.label
    _geometry(d, b, doc)
    return d


def _geometry(d: dict[str, Any], b: Block, doc: Document) -> None:
    """Where the block is on the page and how sure the OCR was of it, where known."""
    regions = doc.regions(b)
    if regions:
        # Hundredths of the unit at most: a box in millimetres (ALTO mm10) is tenths
        # scaled, which floats write as 30.200000000000003.
        d["regions"] = [{"page": page, "bbox": [round(v, 2) for v in box]} for page, box in regions]
    confidence = doc.confidence(b)
    if confidence is not None:
        d["confidence"] = confidence


def _article_dict(a: Article, doc: Document) -> dict[str, Any]:
    d: dict[str, Any] = {
        "title": a.title,
        "subtitle": a.subtitle,
        "byline": a.byline,
        "kicker": a.kicker,
        "kind": a.kind,
        "head": [_head_dict(b, doc) for b in a.head],
        "blocks": [_block_dict(b, doc) for b in a.blocks],
        "outline": [{"level": o.level, "text": o.text, "block": o.block} for o in a.outline],
    }
    return d


def _head_dict(b: Block, doc: Document) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": b.kind, "text": b.text, "lines": [b.first + 1, b.last + 1]}
    _geometry(d, b, doc)
    return d


def _read_from(doc: Document) -> str:
    """The kind of file the page was read from, as a prefix of its articles' ids: "" for
    plain text (whatever its encoding), else the OCR format's name (paddleocr-, alto-)."""
    if not doc.source.pages:
        return ""
    return re.sub(r"[^a-z0-9]", "", doc.source.encoding.lower()) + "-"


def to_json(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"


def article_records(doc: Document, date: str = "") -> Iterator[dict[str, Any]]:
    """The page's articles as search documents, one dict each (a line of JSON lines):
    `text` is the body, one block a line, and `kinds[k]` the kind of its line k; the
    outline's `block` counts those lines. An article with no text at all is left out;
    `article` is its place on the page all the same. `id` is stable across copies and
    re-exports of the same text read from the same kind of file, so a search index
    replaces rather than duplicates; the same page read from another kind (its OCR
    program's JSON beside its plain-text export, which shares its text's fingerprint but
    may part it into articles otherwise) has ids of its own, so that neither replaces
    the other's articles with different ones."""
    source = _read_from(doc)
    for number, art in enumerate(doc.articles, start=1):
        if not art.head and not art.blocks:
            continue
        yield {
            "id": f"{doc.source.fingerprint[:16]}-{source}{number}",
            "path": doc.source.path,
            "date": date,
            "article": number,
            "kind": art.kind,
            "kicker": art.kicker,
            "title": art.title,
            "subtitle": art.subtitle,
            "byline": art.byline,
            "text": "\n".join(b.text for b in art.blocks),
            "kinds": [b.kind for b in art.blocks],
            "outline": [{"level": o.level, "text": o.text, "block": o.block} for o in art.outline],
        }


def jsonl_lines(doc: Document, date: str = "") -> Iterator[str]:
    """article_records() as JSON lines: compact, UTF-8 characters as they are."""
    for record in article_records(doc, date):
        yield _escape_surrogates(_COMPACT(record)) + "\n"


class BlockStarts(Mapping[tuple[int, int], int]):
    """Where each block of the clean text starts, by (article, k), in reading order (the
    order they are added in): two arrays, where a dict of tuples took 30 MB for a 50 MB
    page's 224,000 blocks. A lookup bisects the keys (packed, article and k)."""

    __slots__ = ("_keys", "_offsets")

    def __init__(self) -> None:
        self._keys = array("Q")
        self._offsets = array("Q")

    def add(self, key: tuple[int, int], offset: int) -> None:
        code = key[0] << 32 | key[1]
        if self._keys and code <= self._keys[-1]:
            raise ValueError("blocks are added in reading order")
        self._keys.append(code)
        self._offsets.append(offset)

    def _find(self, key: object) -> int:
        if not (isinstance(key, tuple) and len(key) == 2):
            return -1
        ai, k = key
        if not (isinstance(ai, int) and isinstance(k, int) and ai >= 0 and 0 <= k < 1 << 32):
            return -1
        code = ai << 32 | k
        at = bisect.bisect_left(self._keys, code)
        return at if at < len(self._keys) and self._keys[at] == code else -1

    def __getitem__(self, key: tuple[int, int]) -> int:
        at = self._find(key)
        if at < 0:
            raise KeyError(key)
        return self._offsets[at]

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return ((code >> 32, code & 0xFFFFFFFF) for code in self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def values(self) -> ValuesView[int]:
        return _Offsets(self)

    def items(self) -> ItemsView[tuple[int, int], int]:
        return _Placed(self)

    def offsets(self) -> array[int]:
        """The offsets in order, as held (the same as list(values()), without a copy)."""
        return self._offsets


class _Offsets(ValuesView[int]):
    _mapping: BlockStarts

    def __iter__(self) -> Iterator[int]:
        return iter(self._mapping.offsets())


class _Placed(ItemsView[tuple[int, int], int]):
    _mapping: BlockStarts

    def __iter__(self) -> Iterator[tuple[tuple[int, int], int]]:
        return zip(self._mapping, self._mapping.offsets(), strict=True)


@dataclass(frozen=True, slots=True)
class CleanText:
    """The page as clean text, with where each block sits in it.

    `starts[(article, k)]` is the offset of block k of `article.all_blocks()`; blocks left
    out of clean text (page furniture) have no entry. Annotations point into this text.
    `lengths` holds each block's length, in the order of `starts`.
    """

    text: str
    starts: BlockStarts
    lengths: array[int]

    def covering(self, start: int, end: int) -> list[tuple[int, int]]:
        """The blocks that [start, end) touches, in order (the block at `start` at least)."""
        offsets = self.starts.offsets()
        first = max(0, bisect.bisect_right(offsets, start) - 1)
        last = max(first, bisect.bisect_left(offsets, end) - 1)
        return list(itertools.islice(self.starts, first, last + 1))


def clean_text(doc: Document, indent: bool = False, furniture: bool = False) -> CleanText:
    """One paragraph a line, a blank line between blocks, ＊＊＊ between articles; page
    furniture only with `furniture` (an export that asks for it: annotations are placed
    on the text without)."""
    out: list[str] = []
    starts = BlockStarts()
    lengths = array("I")  # (a 50 MB page has 224,000 blocks)
    size = 0
    first_article = True
    for ai, art in enumerate(doc.articles):
        shown = [
            (k, b)
            for k, b in enumerate(art.all_blocks())
            if k < len(art.head) or b.kind in _TEXT_KINDS or furniture
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
            if indent and b.kind in INDENTED:
                text = INDENT + text
            starts.add((ai, k), size + (len(text) - len(b.text)))
            lengths.append(len(b.text))
            out.append(text)
            size += len(text)
    out.append("\n")
    return CleanText("".join(out), starts, lengths)


def to_text(doc: Document, indent: bool = False) -> str:
    """One paragraph a line, a blank line between blocks, ＊＊＊ between articles."""
    return clean_text(doc, indent).text


# Lone surrogates (a file name read with surrogateescape, a note from imported JSON) cannot
# be written in any encoding.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Inside a line, what CommonMark would read as markup we never want from text: a backslash
# that escapes the next character (or the markup we add after the text), link and image
# brackets, code spans (they would show our escapes), raw HTML and autolinks (a "<" that a
# tag name, "/", "!", "?", a URI scheme or an e-mail address can follow), and entities.
_MD_INLINE = re.compile(
    r"""\\(?=[!-/:-@\[-`{-~]|\Z)
      | [\[\]`]
      | !(?=\[)
      | <(?=[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]|\Z)
      | &(?=\#[0-9]{1,7};|\#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)""",
    re.VERBOSE,
)
_MD_ENTITY = {"<": "&lt;", "&": "&amp;"}
# At the start of a line (after up to three spaces): an ATX heading, a block quote, a bullet
# list item, a thematic break, a setext underline or a tilde code fence. Backtick fences,
# HTML blocks and link definitions cannot start there once the line is escaped inline.
_MD_BLOCK = re.compile(
    r"""\#{1,6}(?:[ \t]|$)
      | >
      | [-+*](?:[ \t]|$)
      | ([-*_])(?:[ \t]*\1){2,}[ \t]*$
      | (?:=+|-+)[ \t]*$
      | ~{3}""",
    re.VERBOSE,
)
# An ordered list item: up to nine digits, then "." or ")" and a space or the line's end.
_MD_ORDERED = re.compile(r"[0-9]{1,9}(?=[.)](?:[ \t]|$))")
# A run of "#" ending a heading, after a space, is its optional closing sequence.
_MD_CLOSING = re.compile(r"(?:(?<=[ \t])|^)(?=#+[ \t]*$)")


def writable(text: str) -> str:
    """`text` with its lone surrogates (the bytes of a file name that is not UTF-8, read
    with surrogateescape) written as \\xNN, so that it encodes and the name is told from
    one without those bytes (p\\xb9\\xfa.txt, not p.txt)."""
    return _LONE_SURROGATE.sub(_as_byte, text)


def _as_byte(match: re.Match[str]) -> str:
    point = ord(match.group())
    return f"\\x{point - 0xDC00:02x}" if 0xDC80 <= point <= 0xDCFF else "\ufffd"


def json_text(data: Any, pretty: bool = True) -> str:
    """`data` as JSON (UTF-8 characters as they are; indented for people when `pretty`,
    else compact) that always encodes: a lone surrogate (a file name read with
    surrogateescape) cannot be written as UTF-8, but as a \\u escape, which only a JSON
    string can hold, json.loads gives it back unchanged."""
    return "".join(json_chunks(data, pretty))


# Compact JSON in C: json.dumps() takes the pure-Python encoder whenever it indents.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def json_chunks(data: Any, pretty: bool = False) -> Iterator[str]:
    """json_text() in pieces that join to it. Compact JSON is written a piece at a time:
    a dict key by key, and an iterator in `data` (a list made on the way, such as the
    articles of to_dict(lazy=True)) item by item, each piece by the C encoder. So a big
    document is never in memory twice over, as data and as text. Indented JSON is made
    whole, by the pure-Python encoder, about four times as slow."""
    if pretty:
        text = json.dumps(_materialised(data), ensure_ascii=False, indent=2) + "\n"
        yield _escape_surrogates(text)
        return
    for piece in _compact_pieces(data):
        yield _escape_surrogates(piece)
    yield "\n"


def _escape_surrogates(text: str) -> str:
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _compact_pieces(value: Any) -> Iterator[str]:
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        sep = "{"
        for key, item in value.items():
            yield sep + _COMPACT(key) + ":"
            yield from _compact_pieces(item)
            sep = ","
        yield "}" if sep == "," else "{}"
    elif isinstance(value, Iterator):
        sep = "["
        for item in value:
            yield sep
            yield from _compact_pieces(item)
            sep = ","
        yield "]" if sep == "," else "[]"
    else:
        yield _COMPACT(value)


def _materialised(value: Any) -> Any:
    """`value` with every iterator in it (in dicts, at any depth) made a list."""
    if isinstance(value, dict):
        return {key: _materialised(item) for key, item in value.items()}
    if isinstance(value, Iterator):
        return [_materialised(item) for item in value]
    return value


def md_inline(text: str) -> str:
    """Plain text made literal inside one line of Markdown: no HTML, link, image, code span
    or entity can come out of it, and it does not escape markup placed after it. Line
    breaks become spaces."""
    text = _LINE_BREAK.sub(" ", writable(text))
    return _MD_INLINE.sub(lambda m: _MD_ENTITY.get(m[0]) or "\\" + m[0], text)


def _md_line_start(line: str) -> str:
    """A line already escaped inline, with what would open a block at its start escaped."""
    body = line.lstrip(" ")
    indent = line[: len(line) - len(body)]
    if len(indent) > 3:
        return line
    if _MD_BLOCK.match(body):
        return indent + "\\" + body
    if digits := _MD_ORDERED.match(body):
        return indent + digits[0] + "\\" + body[digits.end() :]
    return line


def md_text(text: str) -> str:
    """Plain text, possibly of several lines, made literal as Markdown lines."""
    return "\n".join(_md_line_start(md_inline(line)) for line in _LINE_BREAK.split(text))


def md_lines(text: str) -> str:
    """Plain text of several lines (a note), made literal as Markdown that keeps its line
    breaks: a line followed by another ends in a hard break (a backslash), where
    md_text's lines would run together into one; a blank line still parts paragraphs."""
    lines = md_text(text).split("\n")
    return "\n".join(
        line + "\\" if line and k + 1 < len(lines) and lines[k + 1] else line
        for k, line in enumerate(lines)
    )


def md_heading(level: int, text: str) -> str:
    """An ATX heading of Markdown `text` (already escaped inline)."""
    return f"{'#' * level} " + _MD_CLOSING.sub(lambda _m: "\\", text, count=1)


Decorate = Callable[[tuple[int, int], str, int], str]


def _plain(_key: tuple[int, int], text: str, _offset: int) -> str:
    return md_inline(text)


# How Markdown renders a block of each kind (the table's `markdown`), given its text
# (already Markdown) and its depth in the outline.
MD_RENDER: dict[str, Callable[[str, int], str]] = {
    "text": lambda text, _depth: _md_line_start(text),
    "title": lambda text, _depth: md_heading(1, text),
    "heading": lambda text, depth: md_heading(min(6, 1 + depth), text),
    "bold": lambda text, _depth: f"**{text}**",
    "italic": lambda text, _depth: f"*{text}*",
    "quote": lambda text, _depth: f"> {_md_line_start(text)}",
}


def to_markdown(doc: Document, decorate: Decorate = _plain, furniture: bool = False) -> str:
    """Titles as #, headings one level deeper per level, byline in italics, end matter quoted.

    `decorate(key, text, offset)` turns a piece of a block's text (key as in
    CleanText.starts, offset of the piece within the block) into Markdown, e.g. to add
    highlights; the text it passes through must go through `md_inline`.
    """
    out: list[str] = []
    for ai, art in enumerate(doc.articles):
        chunk: list[str] = []
        for kind in HEAD_ORDER:  # a headline group's parts in their order
            parts = [decorate((ai, k), b.text, 0) for k, b in enumerate(art.head) if b.kind == kind]
            if kind == BlockKind.TITLE and parts:  # one heading: the title's lines joined
                parts = [" ".join(parts)]
            # Each deck of a kicker or subtitle a line of its own, as the page prints them.
            chunk.extend(MD_RENDER[SPECS[kind].markdown](part, 1) for part in parts)
        heading_of = {o.block: o for o in art.outline}
        for index, b in enumerate(art.blocks):
            if not SPECS[b.kind].clean and not furniture:
                continue
            key = (ai, len(art.head) + index)
            if not SPECS[b.kind].clean:  # not in the clean text: nothing to decorate
                chunk.append(MD_RENDER[SPECS[b.kind].markdown](md_inline(b.text), 1))
                continue
            if b.kind == BlockKind.PARAGRAPH and b.label and index in heading_of:
                label = decorate(key, b.text[: b.label], 0)
                rest = decorate(key, b.text[b.label :], b.label)
                chunk.append(f"**{label}**{rest}")
                continue
            text = decorate(key, b.text, 0)
            chunk.append(MD_RENDER[SPECS[b.kind].markdown](text, b.depth or 1))
        out.append("\n\n".join(c for c in chunk if c))
    return "\n\n---\n\n".join(out) + "\n"


def explain(doc: Document) -> str:
    """How the page was read, then every join and break between source lines, with the
    engine's reason and, in brackets, the id of the rule that decided (to count by)."""
    out = [f"read as: {doc.source.reading}"] if doc.source.reading else []
    for d in doc.decisions:
        text = doc.source_lines[d.line].strip()
        short = text if len(text) <= 24 else text[:10] + "…" + text[-12:]
        out.append(f"{d.line + 1:>6}  {d.action:<5}  {short}  — {d.reason} [{d.rule.id}]")
    return "\n".join(out) + "\n"
