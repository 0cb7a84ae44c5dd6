"""Annotations as plain data, and their exports: Markdown, W3C Web Annotation JSON and CSV."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.core.anchor import Anchor, Selector, select
from reader.core.export import (
    CleanText,
    clean_text,
    json_text,
    md_heading,
    md_inline,
    md_lines,
    md_text,
    to_markdown,
    writable,
)
from reader.core.model import Block, Document
from reader.core.text import ink

# Highlight colours by name; the window picks the shade for each theme.
# Each highlight colour: its shade on a light page (paper, the exports) and on a dark one.
SHADES: dict[str, tuple[str, str]] = {
    "yellow": ("#fff0a0", "#5c4f0e"),
    "green": ("#c8f0c0", "#1f4d2a"),
    "blue": ("#c6e0ff", "#1d3d66"),
    "pink": ("#ffd0e0", "#66223d"),
    "purple": ("#e2d4ff", "#44306b"),
    "orange": ("#ffd8b0", "#6b3a12"),
}
COLOURS = tuple(SHADES)
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

# The heading of the annotations an export could not place on the page: in both
# languages, as the web page's 目录 · Contents (the exports' words are not the window's).
UNANCHORED = "未能定位 · Unanchored"

EXPORT_FORMATS = ("md", "json", "csv")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, without '#' (nor the one that closes a tag of several words, as
    tag_label() writes it), without repeats (first spelling wins), in the order given."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = tag.strip()
        if tag.startswith("#") and tag.endswith("#") and len(tag[1:-1].split()) > 1:
            tag = tag[:-1]  # #several words#, as shown; learn C# keeps its mark
        tag = tag.lstrip("#").strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


def tag_label(tag: str) -> str:
    """A tag as it is shown: #tag, and #several words# for a tag with spaces in it, which
    would otherwise read as a tag and words after it (the closing mark that notes apps
    use for such tags; normalise_tags takes it off again)."""
    return f"#{tag}#" if len(tag.split()) > 1 else f"#{tag}"


def tag_labels(tags: Iterable[str], sep: str = " ") -> str:
    return sep.join(map(tag_label, tags))


@dataclass(slots=True)
class Annotation:
    fingerprint: str
    selector: Selector
    colour: str = COLOURS[0]
    tags: list[str] = field(default_factory=list)
    note: str = ""
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created: str = field(default_factory=now)
    modified: str = ""
    # Where it was when last anchored, so exports work without the page at hand.
    path: str = ""
    article: str = ""
    lines: tuple[int, int] = (0, 0)

    def __post_init__(self) -> None:
        if not self.modified:
            self.modified = self.created

    @property
    def quote(self) -> str:
        return self.selector.exact

    def edited(self, **changes: Any) -> Annotation:
        """A copy with some fields changed and a new modification time."""
        return replace(self, **changes, modified=now())


@dataclass(slots=True)
class Placed:
    """An annotation and where it is in the document now (None: unanchored)."""

    annotation: Annotation
    anchor: Anchor | None


def new_annotation(
    doc: Document, clean: CleanText, start: int, end: int, **fields: Any
) -> Annotation:
    """An annotation of clean_text[start:end], with its article and source lines."""
    ann = Annotation(fingerprint=doc.source.fingerprint, selector=select(clean.text, start, end))
    ann.path = doc.source.path
    ann.article, ann.lines = locate(doc, clean, start, end)
    for key, value in fields.items():
        setattr(ann, key, value)
    ann.tags = normalise_tags(ann.tags)
    return ann


def locate(doc: Document, clean: CleanText, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The label of the article at `start`, and the source lines [start, end) came from."""
    keys = clean.covering(start, end)
    if not keys:
        return "", (0, 0)
    first_key, last_key = keys[0], keys[-1]
    first = _source_line(doc, first_key, start - clean.starts[first_key])
    last = _source_line(doc, last_key, max(0, end - 1 - clean.starts[last_key]))
    return doc.articles[first_key[0]].label(), (first, max(first, last))


def relocated(doc: Document, clean: CleanText, placed: Iterable[Placed]) -> list[Placed]:
    """The placed annotations whose article or source lines are no longer what they hold
    (a correction renamed or split the article), each with them as they are now."""
    moved = []
    for p in placed:
        if p.anchor is None:
            continue
        article, lines = locate(doc, clean, p.anchor.start, p.anchor.end)
        ann = p.annotation
        if (article, lines) != (ann.article, tuple(ann.lines)):
            moved.append(Placed(replace(ann, article=article, lines=lines), p.anchor))
    return moved


def _source_line(doc: Document, key: tuple[int, int], offset: int) -> int:
    """The source line that holds character `offset` of a block."""
    block = doc.articles[key[0]].all_blocks()[key[1]]
    before = ink(block.text[: max(0, offset)])
    return line_at(doc, block, before)[0]


_MENDED = frozenset("-¬‐")  # a hyphen at a line's end that joining the lines took out


def line_at(doc: Document, block: Block, count: int) -> tuple[int, int]:
    """The source line that holds the block's character after its first `count` (white
    space aside), and how many of that line's characters (white space aside) come before
    it. The block's text and its lines hold the same characters but for white space, a
    hyphen mended at a line's end, and text corrected by hand: they are walked side by
    side, a hyphen the text lacks skipped, a character that differs taken as the one
    corrected."""
    text = [ch for ch in block.text if not ch.isspace()]
    at = 0
    for line in range(block.first, block.last + 1):
        source = doc.source_lines[line] if line < len(doc.source_lines) else ""
        chars = [ch for ch in source if not ch.isspace()]
        for k in range(block.skip if line == block.first else 0, len(chars)):
            ch = chars[k]
            mended = ch in _MENDED and (at >= len(text) or text[at] != ch)
            if at >= count and not mended:
                return line, k
            if not mended:
                at += 1
    last = doc.source_lines[block.last] if block.last < len(doc.source_lines) else ""
    return block.last, ink(last)


def place(doc_text: str, annotations: Sequence[Annotation]) -> list[Placed]:
    from reader.core.anchor import anchor_all

    anchors = anchor_all(doc_text, [a.selector for a in annotations])
    return [Placed(a, anchor) for a, anchor in zip(annotations, anchors, strict=True)]


def same_text(a: str, b: str) -> bool:
    """The same characters, white space aside (a copy re-wrapped or spaced otherwise)."""
    return "".join(a.split()) == "".join(b.split())


def as_read(placed: Iterable[Placed], text: str) -> list[Placed]:
    """The annotations with their quotes as the page reads now, for showing and exporting
    (never for storing): a placed one's quote is the clean text it is placed on, where
    that reads otherwise than what it was made on (the page corrected by hand, or another
    OCR of it). The stored quote stays what it was made on: on that text, opened again or
    with the correction undone, it places exactly."""
    out = []
    for p in placed:
        if p.anchor is not None:
            now = text[p.anchor.start : p.anchor.end]
            if not same_text(now, p.annotation.quote):
                selector = p.annotation.selector._replace(exact=now)
                p = Placed(replace(p.annotation, selector=selector), p.anchor)
        out.append(p)
    return out


def in_reading_order(placed: Iterable[Placed]) -> list[Placed]:
    """Anchored annotations by position, then the unanchored ones by creation."""
    items = list(placed)
    anchored = sorted(
        (p for p in items if p.anchor),
        key=lambda p: (p.anchor.start, p.anchor.end),  # type: ignore[union-attr]
    )
    loose = sorted((p for p in items if not p.anchor), key=lambda p: p.annotation.created)
    return anchored + loose


# -- Markdown ------------------------------------------------------------------------------


def _quote_md(text: str) -> str:
    """The quote as a block quote; the paragraph break a highlight starts or ends on is
    no line of it (it made empty quoted lines)."""
    return "\n".join("> " + line if line else ">" for line in md_text(text.strip()).split("\n"))


def _entry_md(ann: Annotation, lines: tuple[int, int] | None) -> str:
    meta = [md_inline(ann.colour)]
    if ann.tags:
        meta.append(" ".join(md_inline(tag_label(t)) for t in ann.tags))
    if lines is not None:
        first, last = lines[0] + 1, lines[1] + 1
        meta.append(f"line {first}" if first == last else f"lines {first}–{last}")
    meta.append(md_inline(ann.created[:10]))
    out = [_quote_md(ann.quote), "", "— " + " · ".join(meta)]
    if ann.note.strip():
        out += ["", md_lines(ann.note.strip())]
    return "\n".join(out)


def to_markdown_list(title: str, placed: Sequence[Placed], doc: Document | None = None) -> str:
    """Annotations grouped by article (in reading order), with source line references."""
    out = [md_heading(1, md_inline(title)), ""]
    clean = clean_text(doc) if doc is not None else None
    groups: dict[str, list[str]] = {}
    loose: list[str] = []
    for p in in_reading_order(placed):
        ann = p.annotation
        if p.anchor is None or doc is None or clean is None:
            if doc is not None:
                loose.append(_entry_md(ann, None))
                continue
            heading = f"{Path(ann.path).name} — {ann.article}" if ann.path else ann.article
            groups.setdefault(heading or "—", []).append(_entry_md(ann, ann.lines))
            continue
        article, lines = locate(doc, clean, p.anchor.start, p.anchor.end)
        groups.setdefault(article or "—", []).append(_entry_md(ann, lines))
    for heading, entries in groups.items():
        out += [md_heading(2, md_inline(heading)), ""]
        for entry in entries:
            out += [entry, ""]
    if loose:
        out += [f"## {UNANCHORED}", ""]
        for entry in loose:
            out += [entry, ""]
    return "\n".join(out).rstrip() + "\n"


# -- W3C Web Annotation JSON ---------------------------------------------------------------


def to_w3c(ann: Annotation) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if ann.note:
        body.append(
            {
                "type": "TextualBody",
                "value": ann.note,
                "format": "text/markdown",
                "purpose": "commenting",
            }
        )
    body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in ann.tags]
    sel = ann.selector
    return {
        "@context": W3C_CONTEXT,
        # Ours as urn:uuid:; another tool's id (an IRI, or a name of its own) as it came.
        "id": f"urn:uuid:{ann.id}" if _UUID.fullmatch(ann.id) else ann.id,
        "type": "Annotation",
        "motivation": "commenting" if ann.note else "highlighting",
        "created": ann.created,
        "modified": ann.modified,
        "body": body,
        "target": {
            "source": f"urn:sha256:{ann.fingerprint}" if on_a_page(ann) else ann.fingerprint,
            "styleClass": ann.colour,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": sel.exact,
                    "prefix": sel.prefix,
                    "suffix": sel.suffix,
                },
                {"type": "TextPositionSelector", "start": sel.start, "end": sel.end},
            ],
        },
        # The source lines as the source view and the other exports count them, from 1
        # (an earlier "lines" counted from 0: still read).
        "ocr-reader": {
            "path": ann.path,
            "article": ann.article,
            "sourceLines": [ann.lines[0] + 1, ann.lines[1] + 1],
        },
    }


def to_json(
    annotations: Sequence[Annotation], label: str = "", corrections: Sequence[Any] = ()
) -> str:
    """A Web Annotation collection; the page's corrections (reader.core.edits.Edit) ride
    along under "ocr-reader:corrections", so a colleague sees the same corrected page."""
    collection: dict[str, Any] = {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "items": [to_w3c(a) for a in annotations]},
    }
    # A correction the store could not read is listed where it is kept, not passed on.
    readable = [e for e in corrections if e.kind != "unreadable"]
    if readable:
        collection["ocr-reader:corrections"] = [e.to_json() for e in readable]
    return json_text(collection)


class ImportError_(ValueError):
    """The file is not an annotation export we can read; the message is one line that
    names the item refused ("annotation 7: start 2.5 is not a whole number")."""


# Offsets into a page's text and its line numbers never come near this: a bigger number in
# a file is damage (and would not fit in an SQLite integer either).
LIMIT = 10**9


@dataclass(frozen=True)
class Imported:
    """What an export file holds, every item checked."""

    annotations: list[Annotation]
    corrections: list[Any]  # reader.core.edits.Edit
    # The colours this reader does not have, as given, one for each annotation that had
    # one: those annotations are shown in the default colour.
    unknown_colours: list[str] = field(default_factory=list)

    def recoloured(self) -> str:
        """The unknown colours' names, each once whatever its case, in the order first met."""
        return recoloured(self.unknown_colours)

    @property
    def elsewhere(self) -> int:
        """How many name no page's text as their source (another tool's, made on a web
        page): kept and exported as they came, but placed on no page."""
        return sum(not on_a_page(a) for a in self.annotations)


def recoloured(names: Sequence[str]) -> str:
    """Colour names, each once whatever its case, in the order first met."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(name.lower(), name)
    return ", ".join(first.values())


_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def on_a_page(ann: Annotation) -> bool:
    """Whether the annotation's source is a page's fingerprint (a text this reader read)."""
    return _FINGERPRINT.fullmatch(ann.fingerprint) is not None


def shown(value: Any) -> str:
    """A value as a message quotes it: short, and on one line."""
    if value is None or isinstance(value, bool | float):
        return json.dumps(value)  # null, true, 2.5, NaN, Infinity: as the file spells them
    if isinstance(value, dict | list):
        return "an object" if isinstance(value, dict) else "a list"
    if isinstance(value, int) and abs(value) >= 10**40:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value) if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def refusal(what: str, value: Any, wanted: str) -> ImportError_:
    """'start 2.5 is not a whole number', 'first is a list, not an object'."""
    if isinstance(value, dict | list):
        return ImportError_(f"{what} is {shown(value)}, not {wanted}")
    return ImportError_(f"{what} {shown(value)} is not {wanted}")


def required(data: dict[str, Any], key: str, what: str = "") -> Any:
    if key not in data:
        raise ImportError_(f"{what or key} is missing")
    return data[key]


def check_object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise refusal(what, value, "an object")
    return value


def check_text(value: Any, what: str, empty: bool = True) -> str:
    """A string that SQLite can store (a lone surrogate from a \\ud800 escape cannot be)."""
    if not isinstance(value, str):
        raise refusal(what, value, "text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportError_(f"{what} is not valid Unicode text") from None
    if not empty and not value.strip():
        raise ImportError_(f"{what} is empty")
    return value


def whole(value: Any) -> int | None:
    """An int for a JSON whole number (5 or 5.0), None for anything else (true, 2.5, "5")."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def check_int(value: Any, what: str, lo: int = 0, hi: int = LIMIT) -> int:
    number = whole(value)
    if number is None:
        raise refusal(what, value, "a whole number")
    if not lo <= number <= hi:
        raise refusal(what, value, f"a number from {lo} to {hi}")
    return number


def check_time(value: Any, what: str) -> str:
    """An ISO 8601 date and time ('' when absent): the store orders versions by it."""
    if value is None or value == "":
        return ""
    text = check_text(value, what)
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise refusal(what, value, "a date and time") from None
    return text


def _strip_prefix(value: str, prefix: str) -> str:
    return value[len(prefix) :] if value.startswith(prefix) else value


def _as_list(value: Any, what: str) -> list[Any]:
    """W3C allows one object where a list is expected."""
    if isinstance(value, dict):
        return [value]
    if not isinstance(value, list):
        raise refusal(what, value, "a list")
    return value


def from_w3c(item: Any, unknown: list[str] | None = None) -> Annotation:
    """One Web Annotation, every field it carries checked; ImportError_ says which is wrong.
    A colour this reader does not have becomes the default one, its name added to
    `unknown` (see _colour)."""
    item = check_object(item, "the annotation")
    if item.get("type", "Annotation") != "Annotation":
        raise refusal("type", item["type"], "Annotation")
    given = check_text(required(item, "id"), "id", empty=False)
    # Ours are urn:uuid: and a UUID; another tool's id is kept whole, to match it again.
    ann_id = _strip_prefix(given, "urn:uuid:")
    if not _UUID.fullmatch(ann_id):
        ann_id = given
    target = required(item, "target")
    if isinstance(target, list):
        # W3C allows several targets: the first that names a passage is the one.
        target = next(
            (t for t in target if isinstance(t, dict) and _quoted(t.get("selector"))),
            target[0] if target else None,
        )
    if isinstance(target, str):
        raise ImportError_("its target is a whole document (an IRI), not a passage of one")
    target = check_object(target, "target")
    source = check_text(required(target, "source"), "source", empty=False)
    fingerprint = _strip_prefix(source, "urn:sha256:")
    if not ann_id.strip() or not fingerprint.strip():
        raise ImportError_(f"{'id' if not ann_id.strip() else 'source'} is empty")
    selectors = [
        check_object(s, "a selector") for s in _as_list(target.get("selector", []), "selector")
    ]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if quote is None:
        raise ImportError_("it has no text-quote selector")
    exact = check_text(required(quote, "exact", "quote"), "quote")
    if not exact:
        raise ImportError_("quote is empty")
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), {})
    start = check_int(position.get("start", 0), "start")
    end = check_int(position.get("end", 0), "end")
    if start > end:
        raise ImportError_(f"start {start} is after end {end}")
    note = ""
    tags: list[str] = []
    for body in _as_list(item.get("body", []), "body"):
        body = check_object(body, "a body")
        purpose = check_text(body.get("purpose", ""), "a body's purpose")
        if body.get("value") is None:
            if purpose == "tagging" and "value" in body:
                raise ImportError_("a tag is null, not text")
            continue  # a body that is a resource elsewhere (an IRI), not text
        if purpose == "tagging":
            tags.append(check_text(body["value"], "a tag"))
        elif body["value"]:
            note = check_text(body["value"], "the note")
    if not note and isinstance(item.get("bodyValue"), str):
        note = item["bodyValue"]  # W3C's short form of a plain-text note
    extra = check_object(item.get("ocr-reader", {}), '"ocr-reader"')
    key, base = ("sourceLines", 1) if "sourceLines" in extra else ("lines", 0)
    lines = extra.get(key, [base, base])
    if not isinstance(lines, list) or len(lines) != 2:
        raise refusal(key, lines, "a first and a last line number")
    first = check_int(lines[0], "first line", lo=base)
    last = check_int(lines[1], "last line", lo=base)
    if first > last:
        raise ImportError_(f"first line {first} is after last line {last}")
    first, last = first - base, last - base
    created = check_time(item.get("created"), "created") or now()
    return Annotation(
        id=ann_id,
        fingerprint=fingerprint,
        selector=Selector(
            exact=exact,
            prefix=check_text(quote.get("prefix", ""), "prefix"),
            suffix=check_text(quote.get("suffix", ""), "suffix"),
            start=start,
            end=end,
        ),
        colour=_colour(target.get("styleClass", COLOURS[0]), unknown),
        tags=normalise_tags(tags),
        note=note,
        created=created,
        modified=check_time(item.get("modified"), "modified") or created,
        path=check_text(extra.get("path", ""), "path"),
        article=check_text(extra.get("article", ""), "article"),
        lines=(first, last),
    )


def _quoted(selectors: Any) -> bool:
    """Whether a target's selectors hold a text-quote selector."""
    listed = selectors if isinstance(selectors, list) else [selectors]
    return any(isinstance(s, dict) and s.get("type") == "TextQuoteSelector" for s in listed)


def _colour(value: Any, unknown: list[str] | None = None) -> str:
    """A colour we do not have becomes the default one rather than refusing the file: the
    colour is only how a highlight looks, and W3C styleClass is free text that other tools
    (or a later version with more colours) fill in as they like. The quote, note and tags
    are what the user wrote, and they are kept. The name given is added to `unknown`, so
    that the import says which colours it changed."""
    name = check_text(value, "colour").strip().lower()
    if name in COLOURS:
        return name
    if unknown is not None:
        unknown.append(shown(check_text(value, "colour")))
    return COLOURS[0]


def read_import(path: str | Path) -> Imported:
    """An export file read and checked whole, before anything is stored: ImportError_
    names the first item refused."""
    from reader.core.decode import DecodeError, read_file

    try:
        # As pages are read: a named pipe or a device is refused before it is opened (it
        # would wait for a writer, or never end), and so is a file over the size limit.
        data = read_file(path)
    except DecodeError as exc:
        raise ImportError_(str(exc)) from None
    return parse_import(data)


_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def parse_import(data: bytes | str) -> Imported:
    """The annotations and corrections of an export (see read_import)."""
    if isinstance(data, bytes):
        # UTF-8, or UTF-16 or UTF-32 told by their byte order mark or zero bytes, as JSON
        # read from bytes is (a Windows program saves a JSON file in UTF-16).
        from reader.core.decode import hopeless

        encoding = json.detect_encoding(data)
        # Said as a page's reading says it: binary data is that, not text in another
        # encoding (UTF-32, all zero bytes but one in four, is text); a file that ends
        # inside a character was cut off.
        why = None if encoding.startswith("utf-32") else hopeless(data[:65536])
        if why:
            raise ImportError_(why)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            # JSON that reads well up to a character cut off at the file's end was cut
            # off; UTF-16 or 32 guessed from zero bytes, and not that, is binary data.
            before = data[: exc.start].decode(encoding, errors="replace").lstrip("\ufeff \t\r\n")
            if exc.end == len(data) and before[:1] in ("{", "["):
                raise ImportError_(
                    "it ends in the middle of a character: the file was cut off (copied "
                    "or downloaded only in part?)"
                ) from None
            if not encoding.startswith("utf-8") and not data.startswith(_BOMS):
                raise ImportError_("it is binary data, not text") from None
            name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
            raise ImportError_(
                f"not {name} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
    else:
        text = data
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        start = text.lstrip("\ufeff \t\r\n")
        # Our own CSV or Markdown exports are for reading, not importing: said so.
        if start.startswith(",".join(CSV_FIELDS[:3])):
            raise ImportError_(
                "a CSV export of annotations, which is for reading: annotations are "
                "imported from their JSON export (annotations export -f json)"
            ) from None
        if start.startswith("# "):
            raise ImportError_(
                "Markdown, not JSON: annotations are imported from their JSON export "
                "(annotations export -f json)"
            ) from None
        raise ImportError_(f"not JSON ({exc.msg}: line {exc.lineno} column {exc.colno})") from None
    except RecursionError:
        raise ImportError_("not an annotation export (nested too deeply to read)") from None
    except MemoryError:
        raise ImportError_("too large to read") from None
    except ValueError:  # Python refuses to read integers of more than 4,300 digits
        raise ImportError_("not an annotation export (a number in it is far too long)") from None
    unknown: list[str] = []
    return Imported(_annotations(parsed, unknown), _corrections(parsed), unknown)


def _annotations(data: Any, unknown: list[str] | None = None) -> list[Annotation]:
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        page = check_object(data.get("first", {}), "first")
        items = page.get("items", [])
    elif isinstance(data, dict) and data.get("type") == "AnnotationPage":
        items = data.get("items", [])
    elif isinstance(data, dict) and data.get("type") == "Annotation":
        items = [data]
    elif isinstance(data, list) and data:
        items = data
    elif isinstance(data, list):
        raise ImportError_("an empty list: no annotations in it")
    else:
        raise ImportError_("no Web Annotation collection, page or list in it")
    if not isinstance(items, list):
        raise refusal("items", items, "a list")
    return _checked(items, "annotation", lambda item: from_w3c(item, unknown))


def _checked(
    items: list[Any], noun: str, parse: Callable[[dict[str, Any]], Any], skip: str = ""
) -> list[Any]:
    """Each item read by `parse` (which raises ValueError with the reason), refused with its
    number when it cannot be, or when its id repeats an earlier item's; items of kind
    `skip` are left out."""
    out: list[Any] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise refusal(f"{noun} {n}", item, "an object")
        if skip and item.get("kind") == skip:
            continue
        try:
            parsed = parse(item)
        except ValueError as exc:
            raise ImportError_(f"{noun} {n}: {exc}") from None
        if parsed.id in seen:
            raise ImportError_(
                f"{noun} {seen[parsed.id]} and {noun} {n} have the same id {shown(parsed.id)}"
            )
        seen[parsed.id] = n
        out.append(parsed)
    return out


def _corrections(data: Any) -> list[Any]:
    from reader.core.edits import UNREADABLE, edit_from_json

    if not isinstance(data, dict):
        return []
    items = data.get("ocr-reader:corrections", [])
    if not isinstance(items, list):
        raise refusal('"ocr-reader:corrections"', items, "a list")
    # A row the exporting database could not read applies nowhere: it is left out.
    return _checked(items, "correction", edit_from_json, skip=UNREADABLE)


def corrections_from_json(text: str | bytes) -> list[Any]:
    """The corrections carried by an export (empty when there are none), checked."""
    return parse_import(text).corrections


def from_json(text: str | bytes) -> list[Annotation]:
    """Annotations from our export (a collection, a page, a list or one annotation), each
    checked; ImportError_ names the first one refused."""
    return parse_import(text).annotations


# -- CSV -----------------------------------------------------------------------------------

CSV_FIELDS = (
    "id",
    "document",
    "article",
    "first_line",
    "last_line",
    "colour",
    "tags",
    "quote",
    "note",
    "created",
    "modified",
)


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> str:
    text = writable(str(value))
    return "'" + text if text.startswith(CSV_FORMULA_START) else text


def to_csv(annotations: Sequence[Annotation]) -> str:
    """One row per annotation, with a byte-order mark first: without it Excel reads the
    UTF-8 as the local code page and shows the Chinese as mojibake."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for a in annotations:
        row = [
            a.id,
            a.path,
            a.article,
            a.lines[0] + 1,
            a.lines[1] + 1,
            a.colour,
            "; ".join(a.tags),
            a.quote,
            a.note,
            a.created,
            a.modified,
        ]
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()


# -- the page with its highlights ----------------------------------------------------------


def runs(
    spans: Sequence[tuple[int, int, Annotation]], lo: int, hi: int
) -> list[tuple[int, int, list[Annotation], list[Annotation]]]:
    """The text from lo to hi cut wherever a highlight starts or ends: each run (start,
    end, the annotations over it, those that end with it). A highlight inside another
    is a run of its own, so its note is marked where it ends, not dropped or moved to
    the end of the one around it."""
    inside = [(s, e, a) for s, e, a in spans if s < hi and e > lo]
    cuts = sorted({lo, hi, *(min(max(x, lo), hi) for s, e, _a in inside for x in (s, e))})
    out = []
    for a, b in itertools.pairwise(cuts):
        over = [ann for s, e, ann in inside if s <= a and e >= b]
        ending = [ann for s, e, ann in inside if e == b]
        out.append((a, b, over, ending))
    return out


def innermost(over: Sequence[Annotation], spans: dict[str, tuple[int, int]]) -> Annotation:
    """Of the highlights over a run, the one drawn: the shortest, the one inside."""
    return min(over, key=lambda a: spans[a.id][1] - spans[a.id][0])


def remark(ann: Annotation) -> str:
    """What an annotation says beside its quote: its tags, then its note."""
    return " ".join(filter(None, (tag_labels(ann.tags), ann.note.strip())))


def page_markdown(doc: Document, placed: Sequence[Placed], furniture: bool = False) -> str:
    """The page as Markdown with highlights as ==marked== text and their tags and notes
    as footnotes; annotations that could not be placed on the page listed under
    Unanchored."""
    clean = clean_text(doc)
    spans = [(p.anchor.start, p.anchor.end, p.annotation) for p in placed if p.anchor]
    spans.sort(key=lambda s: (s[0], s[1]))
    footnotes: list[str] = []
    number: dict[str, int] = {}
    for _start, _end, ann in sorted(spans, key=lambda s: (s[1], s[0])):  # as they end
        if remark(ann):
            footnotes.append(ann.id)
            number[ann.id] = len(footnotes)

    def decorate(key: tuple[int, int], text: str, offset: int) -> str:
        base = clean.starts.get(key)
        if base is None:
            return md_inline(text)
        lo, hi = base + offset, base + offset + len(text)
        out, ref = [], False
        marked = ""  # highlighted text run on until a footnote or plain text comes
        for s, e, over, ending in runs(spans, lo, hi):
            piece = text[s - lo : e - lo]
            if over:
                marked += piece  # two ==runs== touching would read ====: one run
                refs = [f"[^{number[a.id]}]" for a in ending if a.id in number]
                if refs:
                    out += [_marked_md(marked), *refs]
                    marked, ref = "", True
                continue
            if marked:
                out.append(_marked_md(marked))
                marked = ""
            out.append(_after_ref(md_inline(piece), ref))
            ref = False
        if marked:
            out.append(_marked_md(marked))
        return "".join(out)

    body = to_markdown(doc, decorate=decorate, furniture=furniture)
    # What could not be placed on this text is listed with its quote and note, never
    # dropped.
    loose = [p.annotation for p in in_reading_order(placed) if p.anchor is None]
    if loose:
        body = body.rstrip("\n") + f"\n\n## {UNANCHORED}\n\n"
        body += "\n\n".join(_entry_md(ann, None) for ann in loose) + "\n"
    if not footnotes:
        return body
    by_id = {a.id: a for _s, _e, a in spans}
    notes = []
    for ann_id in footnotes:
        lines = md_lines(remark(by_id[ann_id])).split("\n")
        notes.append(f"[^{number[ann_id]}]: " + "\n    ".join(lines))
    return body + "\n" + "\n".join(notes) + "\n"


def _marked_md(text: str) -> str:
    """A highlighted run as ==text==."""
    # An "=" of the text against the markers would make them three long: no pair any more.
    first = 1 if text.startswith("=") else 0
    last = len(text) - 1 if len(text) > first and text.endswith("=") else len(text)
    head, tail = "\\=" * first, "\\=" * (len(text) - last)
    return f"=={head}{md_inline(text[first:last])}{tail}=="


def _after_ref(markdown: str, ref: bool) -> str:
    """Text that follows a footnote reference: "[^1](...)" would be a link to where no
    footnotes are supported."""
    return "\\" + markdown if ref and markdown.startswith("(") else markdown


def render(
    fmt: str,
    title: str,
    placed: Sequence[Placed],
    doc: Document | None,
    corrections: Sequence[Any] = (),
) -> str:
    """Annotations as Markdown, Web Annotation JSON (with the page's corrections) or CSV
    (`fmt` may be a file suffix)."""
    fmt = fmt.lstrip(".").lower()
    items = in_reading_order(placed)
    if fmt == "json":  # (the quotes they were made on: what places them again)
        return to_json([p.annotation for p in items], title, corrections)
    if doc is not None:  # quoted as the page reads now, for people
        items = as_read(items, clean_text(doc).text)
    if fmt == "csv":
        return to_csv([p.annotation for p in items])
    if fmt in ("md", "markdown", ""):
        return to_markdown_list(title, items, doc)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def short_quote(text: str, chars: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1] + "…"
