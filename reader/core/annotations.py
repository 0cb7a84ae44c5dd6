"""Annotations as plain data, and their exports: Markdown, W3C Web Annotation JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.core.anchor import Anchor, Selector, select
from reader.core.export import CleanText, clean_text, to_markdown
from reader.core.model import Document

# Highlight colours by name; the window picks the shade for each theme.
COLOURS = ("yellow", "green", "blue", "pink", "purple", "orange")
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXPORT_FORMATS = ("md", "json", "csv")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, without '#', without repeats (first spelling wins), in the order given."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = tag.strip().lstrip("#").strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


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


def _source_line(doc: Document, key: tuple[int, int], offset: int) -> int:
    """The source line that holds character `offset` of a block, counting only non-space
    characters (joining lines removes spaces and hyphens, never adds letters)."""
    block = doc.articles[key[0]].all_blocks()[key[1]]
    target = sum(1 for ch in block.text[: max(0, offset) + 1] if not ch.isspace())
    seen = 0
    for line in range(block.first, block.last + 1):
        seen += sum(1 for ch in doc.source_lines[line] if not ch.isspace())
        if seen >= target:
            return line
    return block.last


def place(doc_text: str, annotations: Sequence[Annotation]) -> list[Placed]:
    from reader.core.anchor import anchor_all

    anchors = anchor_all(doc_text, [a.selector for a in annotations])
    return [Placed(a, anchor) for a, anchor in zip(annotations, anchors, strict=True)]


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
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def _entry_md(ann: Annotation, lines: tuple[int, int] | None) -> str:
    meta = [ann.colour]
    if ann.tags:
        meta.append(" ".join(f"#{t}" for t in ann.tags))
    if lines is not None:
        first, last = lines[0] + 1, lines[1] + 1
        meta.append(f"line {first}" if first == last else f"lines {first}–{last}")
    meta.append(ann.created[:10])
    out = [_quote_md(ann.quote), "", "— " + " · ".join(meta)]
    if ann.note.strip():
        out += ["", ann.note.strip()]
    return "\n".join(out)


def to_markdown_list(title: str, placed: Sequence[Placed], doc: Document | None = None) -> str:
    """Annotations grouped by article (in reading order), with source line references."""
    out = [f"# {title}", ""]
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
        out += [f"## {heading}", ""]
        for entry in entries:
            out += [entry, ""]
    if loose:
        out += ["## Unanchored", ""]
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
        "id": f"urn:uuid:{ann.id}",
        "type": "Annotation",
        "motivation": "commenting" if ann.note else "highlighting",
        "created": ann.created,
        "modified": ann.modified,
        "body": body,
        "target": {
            "source": f"urn:sha256:{ann.fingerprint}",
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
        "ocr-reader": {"path": ann.path, "article": ann.article, "lines": list(ann.lines)},
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
    if corrections:
        collection["ocr-reader:corrections"] = [e.to_json() for e in corrections]
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


class ImportError_(ValueError):
    """The JSON is not an annotation export we can read."""


def _strip_prefix(value: str, prefix: str) -> str:
    return value[len(prefix) :] if value.startswith(prefix) else value


def from_w3c(item: dict[str, Any]) -> Annotation:
    target = item["target"]
    selectors = target.get("selector", [])
    if isinstance(selectors, dict):
        selectors = [selectors]
    quote = next(s for s in selectors if s.get("type") == "TextQuoteSelector")
    position: dict[str, Any] = next(
        (s for s in selectors if s.get("type") == "TextPositionSelector"), {}
    )
    note = ""
    tags: list[str] = []
    bodies = item.get("body", [])
    for body in [bodies] if isinstance(bodies, dict) else bodies:
        if body.get("purpose") == "tagging":
            tags.append(str(body.get("value", "")))
        elif body.get("value"):
            note = str(body["value"])
    extra = item.get("ocr-reader", {})
    colour = str(target.get("styleClass", COLOURS[0]))
    return Annotation(
        id=_strip_prefix(str(item["id"]), "urn:uuid:"),
        fingerprint=_strip_prefix(str(target["source"]), "urn:sha256:"),
        selector=Selector(
            exact=str(quote["exact"]),
            prefix=str(quote.get("prefix", "")),
            suffix=str(quote.get("suffix", "")),
            start=int(position.get("start", 0)),
            end=int(position.get("end", 0)),
        ),
        colour=colour if colour in COLOURS else COLOURS[0],
        tags=normalise_tags(tags),
        note=note,
        created=str(item.get("created") or now()),
        modified=str(item.get("modified") or item.get("created") or now()),
        path=str(extra.get("path", "")),
        article=str(extra.get("article", "")),
        lines=_lines(extra.get("lines")),
    )


def _lines(value: Any) -> tuple[int, int]:
    try:
        return int(value[0]), int(value[1])
    except (TypeError, ValueError, IndexError):
        return (0, 0)


def corrections_from_json(text: str) -> list[Any]:
    """The corrections carried by an export (empty when there are none)."""
    from reader.core.edits import Edit

    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return []
    items = data.get("ocr-reader:corrections", []) if isinstance(data, dict) else []
    try:
        return [Edit.from_json(item) for item in items]
    except (KeyError, TypeError, ValueError):
        raise ImportError_("a correction in it is not readable") from None


def from_json(text: str) -> list[Annotation]:
    """Annotations from our export (a collection, a page, a list or one annotation)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportError_(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        items = data.get("first", {}).get("items", [])
    elif isinstance(data, dict) and data.get("type") == "AnnotationPage":
        items = data.get("items", [])
    elif isinstance(data, dict) and data.get("type") == "Annotation":
        items = [data]
    elif isinstance(data, list):
        items = data
    else:
        raise ImportError_("no Web Annotation collection, page or list in it")
    out = []
    for n, item in enumerate(items, 1):
        try:
            out.append(from_w3c(item))
        except (KeyError, StopIteration, TypeError, ValueError, AttributeError):
            raise ImportError_(f"annotation {n} has no text-quote selector or source") from None
    return out


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


def to_csv(annotations: Sequence[Annotation]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for a in annotations:
        writer.writerow(
            [
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
        )
    return buffer.getvalue()


# -- the page with its highlights ----------------------------------------------------------


def page_markdown(doc: Document, placed: Sequence[Placed], furniture: bool = False) -> str:
    """The page as Markdown with highlights as ==marked== text and notes as footnotes."""
    clean = clean_text(doc)
    spans = [(p.anchor.start, p.anchor.end, p.annotation) for p in placed if p.anchor]
    spans.sort(key=lambda s: (s[0], s[1]))
    footnotes: list[str] = []
    number: dict[str, int] = {}
    end_of = {a.id: e for _s, e, a in spans}
    for _start, _end, ann in spans:
        if ann.note.strip():
            footnotes.append(ann.id)
            number[ann.id] = len(footnotes)

    def decorate(key: tuple[int, int], text: str, offset: int) -> str:
        base = clean.starts.get(key)
        if base is None:
            return text
        lo, hi = base + offset, base + offset + len(text)
        # Boundaries where a highlight starts or ends inside this piece of text.
        inside = [(max(s, lo), min(e, hi), a) for s, e, a in spans if s < hi and e > lo]
        if not inside:
            return text
        out, cursor = [], lo
        for s, e, ann in _merge(inside):
            if s < cursor:
                continue
            out.append(text[cursor - lo : s - lo])
            out.append(f"=={text[s - lo : e - lo]}==")
            cursor = e
            for a in ann:
                if a.id in number and lo < end_of[a.id] <= hi:
                    out.append(f"[^{number[a.id]}]")
        out.append(text[cursor - lo :])
        return "".join(out)

    body = to_markdown(doc, decorate=decorate, furniture=furniture)
    if not footnotes:
        return body
    by_id = {a.id: a for _s, _e, a in spans}
    notes = []
    for ann_id in footnotes:
        lines = by_id[ann_id].note.strip().split("\n")
        notes.append(f"[^{number[ann_id]}]: " + "\n    ".join(lines))
    return body + "\n" + "\n".join(notes) + "\n"


def _merge(
    spans: list[tuple[int, int, Annotation]],
) -> list[tuple[int, int, list[Annotation]]]:
    """Overlapping highlights become one marked run (Markdown cannot nest ==)."""
    out: list[tuple[int, int, list[Annotation]]] = []
    for s, e, a in sorted(spans, key=lambda x: x[0]):
        if out and s <= out[-1][1]:
            ps, pe, anns = out[-1]
            out[-1] = (ps, max(pe, e), [*anns, a])
        else:
            out.append((s, e, [a]))
    return out


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
    if fmt == "json":
        return to_json([p.annotation for p in items], title, corrections)
    if fmt == "csv":
        return to_csv([p.annotation for p in items])
    if fmt in ("md", "markdown", ""):
        return to_markdown_list(title, items, doc)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def short_quote(text: str, chars: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1] + "…"
