"""Exports with choices: what to include, several documents at once, and the formats people
take text to: plain text, Markdown, standalone HTML, EPUB, JSON and JSON lines (an article
a line, for search servers).

Everything here is pure: `publish()` returns bytes and checks `cancelled` between
documents; writing the file (atomically) is the caller's part.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import json
import os
import re
import uuid
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.core import annotations as notes
from reader.core.annotations import Annotation, Placed
from reader.core.cite import page_date
from reader.core.export import (
    ARTICLE_RULE,
    INDENT,
    clean_text,
    json_chunks,
    jsonl_lines,
    md_heading,
    md_inline,
    to_dict,
    to_markdown,
    writable,
)
from reader.core.kinds import INDENTED, SPECS, BlockKind
from reader.core.model import Article, Block, Document, OutlineEntry

FORMATS = ("txt", "md", "html", "epub", "json", "jsonl")
ENCODINGS = ("utf-8", "gb18030")
NEWLINES = {"LF": "\n", "CRLF": "\r\n"}
PARAGRAPH_STYLES = ("blank", "indent")
# XML 1.0 forbids these anywhere in a document (C0 controls but tab, LF and CR; U+FFFE and
# U+FFFF; lone surrogates, which no encoding can write either): one of them in a chapter and
# an e-reader refuses the book. A page or a note can hold any of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(text: str) -> str:
    """Text as HTML and XHTML character data or attribute value: escaped, and without the
    characters XML forbids."""
    return html.escape(_NOT_XML.sub("", text))


class Cancelled(Exception):
    """The export was cancelled before it finished."""


@dataclass
class Options:
    format: str = "txt"
    encoding: str = "utf-8"  # txt and md
    newline: str = "LF"  # txt and md
    paragraphs: str = "blank"  # txt: "blank" lines between, or "indent" with no blank lines
    # Which kinds of block go out (each kind's `option` in reader.core.kinds).
    bylines: bool = True
    end_matter: bool = True
    datelines: bool = True
    captions: bool = True
    furniture: bool = False
    annotations: bool = False
    pretty: bool = False  # json: indented for people (the pure-Python encoder: slow)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Options:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        options = cls(**known)
        if options.format not in FORMATS:
            options.format = "txt"
        if options.encoding not in ENCODINGS:
            options.encoding = "utf-8"
        if options.newline not in NEWLINES:
            options.newline = "LF"
        if options.paragraphs not in PARAGRAPH_STYLES:
            options.paragraphs = "blank"
        return options


@dataclass
class Part:
    """One document to export: all its articles, or some (indices), and its annotations."""

    doc: Document
    articles: Sequence[int] | None = None
    annotations: Sequence[Annotation] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The page's file name as shown: bytes of a name that is not UTF-8 as \\xNN."""
        return writable(Path(self.doc.source.path).name) or "page"


# -- choosing what goes out ------------------------------------------------------------------


def _keep(block: Block, options: Options) -> bool:
    option = SPECS[block.kind].option
    return option is None or bool(getattr(options, option))


def select(part: Part, options: Options) -> Document:
    """The part's document reduced to the chosen articles and kinds of block."""
    wanted = range(len(part.doc.articles)) if part.articles is None else part.articles
    articles = []
    for index in wanted:
        art = part.doc.articles[index]
        kept = [k for k, b in enumerate(art.blocks) if _keep(b, options)]
        renumber = {old: new for new, old in enumerate(kept)}
        articles.append(
            Article(
                head=[b for b in art.head if _keep(b, options)],
                blocks=[art.blocks[k] for k in kept],
                outline=[
                    OutlineEntry(o.level, o.text, renumber[o.block])
                    for o in art.outline
                    if o.block in renumber
                ],
                kind=art.kind,
            )
        )
    return replace(part.doc, articles=articles)


def _placed(doc: Document, part: Part, options: Options) -> list[Placed]:
    if not options.annotations or not part.annotations:
        return []
    return notes.place(clean_text(doc).text, list(part.annotations))


# -- plain text and Markdown -----------------------------------------------------------------


def _text(doc: Document, options: Options) -> str:
    if options.paragraphs == "blank":
        return clean_text(doc, furniture=options.furniture).text
    # One block a line, paragraphs indented, no blank lines; a rule between articles.
    parts = []
    for art in doc.articles:
        lines = [b.text for b in art.head]
        for b in art.blocks:
            if b.kind in INDENTED:
                lines.append(INDENT + b.text)
            elif SPECS[b.kind].clean or options.furniture:
                lines.append(b.text)
        if lines:
            parts.append("\n".join(lines))
    return f"\n{ARTICLE_RULE}\n".join(parts) + "\n"


def _join_documents(parts: list[tuple[Part, str]], fmt: str) -> str:
    if len(parts) == 1:
        return parts[0][1]
    out = []
    for part, text in parts:
        name = part.name
        heading = md_heading(1, md_inline(name)) if fmt == "md" else f"【{name}】"
        out.append(heading + "\n\n" + text)
    return "\n\n".join(s.rstrip("\n") for s in out) + "\n"


# -- HTML ------------------------------------------------------------------------------------

CSS = """
:root { --text: #1f1f1f; --muted: #6b6b6b; --accent: #8a1c1c; --rule: #ddd; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif;
       color: var(--text); max-width: 40em; margin: 2em auto; padding: 0 1.5em;
       line-height: 1.8; font-size: 17px; }
h1 { color: var(--accent); font-size: 1.6em; line-height: 1.35; margin: 1.6em 0 0.3em; }
h2 { font-size: 1.3em; margin: 1.4em 0 0.4em; }
h3, h4, h5, h6 { font-size: 1.1em; margin: 1.2em 0 0.3em; }
p { text-indent: 2em; margin: 0 0 0.6em; text-align: justify; }
p.question { font-weight: bold; }
p.kicker, p.subtitle { text-indent: 0; margin: 0.2em 0; }
p.subtitle { font-size: 1.1em; }
p.byline { text-indent: 0; color: var(--muted); margin-bottom: 1.2em; }
p.end, p.dateline, p.caption { text-indent: 0; text-align: right; color: var(--muted);
  font-size: 0.9em; }
p.caption { text-align: center; font-style: italic; }
p.jump, p.noise { text-indent: 0; color: var(--muted); font-size: 0.85em; }
p.noise { font-style: italic; }
b.runin { font-weight: bold; }
hr.article { border: 0; text-align: center; margin: 2em 0; }
hr.article::after { content: "＊　＊　＊"; color: var(--muted); }
nav.toc { border: 1px solid var(--rule); padding: 0.6em 1.2em; margin-bottom: 2em; }
nav.toc ol { list-style: none; padding-left: 1.2em; margin: 0.2em 0; }
nav.toc > ol { padding-left: 0; }
nav.toc a { color: inherit; text-decoration: none; }
mark { padding: 0 0.05em; }
aside.notes { border-top: 1px solid var(--rule); margin-top: 2em; font-size: 0.9em; }
aside.notes p { text-indent: 0; }
footer.source { color: var(--muted); font-size: 0.85em; margin-top: 3em; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav.toc { page-break-after: always; border: 0; }
  h1 { page-break-before: auto; page-break-after: avoid; }
  h2, h3 { page-break-after: avoid; }
  p { orphans: 2; widows: 2; }
  a { color: inherit; text-decoration: none; }
}
"""
CSS += "".join(
    f"mark.{name} {{ background: {light}; }}\n" for name, (light, _d) in notes.SHADES.items()
)


@dataclass
class _Marks:
    """Highlights of one document, ready to wrap around pieces of block text."""

    doc: Document
    placed: list[Placed]
    note_ids: dict[str, str] = field(default_factory=dict)  # annotation id -> note anchor
    numbers: dict[str, int] = field(default_factory=dict)  # annotation id -> its note's number

    def __post_init__(self) -> None:
        self.clean = clean_text(self.doc)
        # Notes quote the text as the page reads now (corrected by hand, say).
        self.placed = notes.as_read(self.placed, self.clean.text)
        self.spans = sorted(
            ((p.anchor.start, p.anchor.end, p.annotation) for p in self.placed if p.anchor),
            key=lambda s: (s[0], s[1]),  # (annotations of one span have no order)
        )
        self.span_of = {a.id: (s, e) for s, e, a in self.spans}

    def wrap(self, key: tuple[int, int], text: str, offset: int, prefix: str) -> str:
        """Escaped HTML of text, with <mark> around highlighted runs (a highlight inside
        another, a run of its own in its own colour) and a link to the note after the
        run where an annotation with tags or a note ends."""
        base = self.clean.starts.get(key)
        if base is None or not self.spans:
            return _escape(text)
        lo, hi = base + offset, base + offset + len(text)
        out = []
        for s, e, over, ending in notes.runs(self.spans, lo, hi):
            piece = _escape(text[s - lo : e - lo])
            if over:
                shown = notes.innermost(over, self.span_of)
                said = " · ".join(filter(None, map(notes.remark, over)))
                piece = (
                    f'<mark class="{_escape(shown.colour)}" title="{_escape(said)}">{piece}</mark>'
                )
            out.append(piece)
            for ann in ending:
                if notes.remark(ann):
                    place = self.numbers.setdefault(ann.id, len(self.numbers) + 1)
                    number = self.note_ids.setdefault(ann.id, f"{prefix}n{place}")
                    # numbered as the notes under the text are
                    out.append(f'<sup><a href="#{number}" id="ref-{number}">{place}</a></sup>')
        return "".join(out)


@dataclass
class TocEntry:
    id: str
    text: str
    children: list[TocEntry] = field(default_factory=list)
    file: str = ""

    def walk(self) -> Iterator[TocEntry]:
        yield self
        for child in self.children:
            yield from child.walk()


def _article_id(prefix: str, ai: int, block: int | None = None) -> str:
    return f"{prefix}a{ai + 1}" if block is None else f"{prefix}a{ai + 1}-b{block + 1}"


def _article_html(doc: Document, marks: _Marks, prefix: str) -> tuple[str, list[TocEntry]]:
    """Body HTML of a document, and its table of contents as nested entries."""
    out: list[str] = []
    toc: list[TocEntry] = []
    for ai, art in enumerate(doc.articles):
        if ai:
            out.append('<hr class="article"/>')
        anchor = _article_id(prefix, ai)
        title_done = False
        for k, b in enumerate(art.head):
            text = marks.wrap((ai, k), b.text, 0, prefix)
            spec = SPECS[b.kind]
            if spec.html == "h1":  # the id once, on the title's first line
                named = "" if title_done else f' id="{anchor}"'
                out.append(f"<h1{named}>{text}</h1>")
                title_done = True
            else:
                out.append(f'<p class="{spec.html_class or b.kind}">{text}</p>')
        if not title_done:
            out.append(f'<a id="{anchor}"></a>')
        entry = TocEntry(anchor, art.label(24))
        toc.append(entry)
        heading_of = {o.block: o for o in art.outline}
        stack: list[tuple[int, TocEntry]] = []
        for index, b in enumerate(art.blocks):
            key = (ai, len(art.head) + index)
            block_id = _article_id(prefix, ai, index)
            outline = heading_of.get(index)
            spec = SPECS[b.kind]
            if spec.html == "h":
                level = min(6, 1 + (b.depth or 1))
                text = marks.wrap(key, b.text, 0, prefix)
                out.append(f'<h{level} id="{block_id}">{text}</h{level}>')
            elif b.kind == BlockKind.PARAGRAPH and b.label and outline is not None:
                label = marks.wrap(key, b.text[: b.label], 0, prefix)
                rest = marks.wrap(key, b.text[b.label :], b.label, prefix)
                out.append(f'<p id="{block_id}"><b class="runin">{label}</b>{rest}</p>')
            else:
                cls = f' class="{spec.html_class}"' if spec.html_class else ""
                ident = f' id="{block_id}"' if outline is not None else ""
                out.append(f"<p{ident}{cls}>{marks.wrap(key, b.text, 0, prefix)}</p>")
            if outline is not None:
                node = TocEntry(block_id, outline.text)
                while stack and stack[-1][0] >= outline.level:
                    stack.pop()
                (stack[-1][1].children if stack else entry.children).append(node)
                stack.append((outline.level, node))
    return "\n".join(out), toc


def _toc_html(toc: list[TocEntry], href: Callable[[TocEntry], str] = lambda e: "#" + e.id) -> str:
    if not toc:
        return ""
    items = []
    for e in toc:
        inner = _toc_html(e.children, href)
        items.append(f'<li><a href="{href(e)}">{_escape(e.text)}</a>{inner}</li>')
    return "<ol>" + "".join(items) + "</ol>"


def _notes_html(marks: _Marks) -> str:
    """The notes of the highlights placed, each linked to its mark; then the annotations
    that could not be placed on the page, under Unanchored with their quotes and notes,
    never dropped."""
    by_id = {a.id: a for _s, _e, a in marks.spans}
    rows = []
    for ann_id, number in marks.note_ids.items():
        ann = by_id[ann_id]
        rows.append(
            f'<p id="{number}"><a href="#ref-{number}">{marks.numbers[ann_id]}↑</a> '
            f"“{_escape(notes.short_quote(ann.quote))}” — {_note_html(notes.remark(ann))}</p>"
        )
    loose = [p.annotation for p in marks.placed if p.anchor is None]
    if loose:
        rows.append(f"<h2>{notes.UNANCHORED}</h2>")
        for ann in loose:
            tags = notes.tag_labels(ann.tags)
            said = f" — {_note_html(ann.note)}" if ann.note.strip() else ""
            rows.append(
                f'<p class="unanchored"><mark class="{_escape(ann.colour)}">'
                f"“{_escape(ann.quote)}”</mark> {_escape(tags)}{said}</p>"
            )
    return '<aside class="notes">' + "".join(rows) + "</aside>" if rows else ""


def _note_html(note: str) -> str:
    return "<br/>".join(_escape(line) for line in note.strip().split("\n"))


def _source_html(doc: Document) -> str:
    src = doc.source
    return (
        f'<footer class="source">{_escape(writable(Path(src.path).name))} · '
        f"{_escape(src.encoding)} · {src.lines} lines · sha256 {src.sha256[:12]}…</footer>"
    )


def to_html(parts: Sequence[tuple[Part, Document, list[Placed]]], title: str) -> str:
    sections, toc = [], []
    lang = _language([doc for _p, doc, _pl in parts])
    many = len(parts) > 1
    for n, (part, doc, placed) in enumerate(parts):
        prefix = f"d{n + 1}-" if many else ""
        marks = _Marks(doc, placed)
        body, entries = _article_html(doc, marks, prefix)
        if many:
            toc.append(TocEntry(f"{prefix}doc", part.name, entries))
            body = f'<h1 id="{prefix}doc" class="document">{_escape(part.name)}</h1>\n' + body
        else:
            toc.extend(entries)
        own = _language([doc])
        named = f' lang="{own}"' if own != lang else ""
        sections.append(
            f"<section{named}>\n{body}\n{_notes_html(marks)}\n{_source_html(doc)}\n</section>"
        )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        f"<title>{_escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<nav class="toc" id="toc"><h2>目录 · Contents</h2>{_toc_html(toc)}</nav>\n'
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


LANGUAGE_LINES = 200  # lines of each page looked at for the language it is printed in


# -- EPUB ------------------------------------------------------------------------------------


def _language(docs: Sequence[Document]) -> str:
    """The language the pages are printed in, as HTML and EPUB name it: English where
    Latin letters outnumber other characters in their text (an English newspaper's
    ALTO), else Chinese."""
    latin = other = 0
    for doc in docs:
        for text in doc.source_lines[:LANGUAGE_LINES]:
            latin += sum(1 for c in text if c.isascii() and c.isalpha())
            other += sum(1 for c in text if not c.isascii() and not c.isspace())
    return "en" if latin > other else "zh-CN"


def _xhtml(title: str, body: str, lang: str = "zh-CN") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" '
        f'xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">\n'
        f'<head><meta charset="utf-8"/><title>{_escape(title)}</title>'
        '<link rel="stylesheet" type="text/css" href="style.css"/></head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _modified(paths: Sequence[str]) -> datetime:
    """The book's modification time: SOURCE_DATE_EPOCH where it is set (reproducible
    builds), else the time its newest page was last changed, so that the same pages make
    the same book, byte for byte, on any machine and at any time (a cluster's workers and
    a local export alike); now only for pages without a file (standard input)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        stamps = [int(epoch)]
    else:
        stamps = []
        for path in paths:
            with contextlib.suppress(OSError, ValueError):
                stamps.append(int(os.stat(path).st_mtime))
    # ZIP holds times from 1980 to 2107 only: a page's time past them (a clock set wrong)
    # is kept to them.
    first, last = datetime(1980, 1, 1, tzinfo=UTC), datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)
    try:
        when = datetime.fromtimestamp(max(stamps), UTC) if stamps else datetime.now(UTC)
    except (OverflowError, OSError, ValueError):
        when = last if stamps and max(stamps) > 0 else first
    return min(max(when, first), last).replace(microsecond=0)


def to_epub(parts: Sequence[tuple[Part, Document, list[Placed]]], title: str) -> bytes:
    """An EPUB 3 book: one chapter per document, navigation built from the outlines."""
    chapters: list[tuple[str, str]] = []
    toc: list[TocEntry] = []
    lang = _language([doc for _p, doc, _pl in parts])
    for n, (part, doc, placed) in enumerate(parts):
        name = f"chapter{n + 1}.xhtml"
        marks = _Marks(doc, placed)
        body, entries = _article_html(doc, marks, "")
        notes_part = _notes_html(marks)
        # Each chapter in the language its page is printed in (an English page in a book
        # of Chinese ones), the book in theirs.
        own = _language([doc])
        chapters.append((name, _xhtml(part.name, body + notes_part + _source_html(doc), own)))
        for entry in entries:
            for node in entry.walk():
                node.file = name
        if len(parts) > 1:
            toc.append(TocEntry("", part.name, entries, name))
        else:
            toc.extend(entries)
    nav = _xhtml(
        title,
        '<nav epub:type="toc" id="toc"><h1>目录</h1>'
        + _toc_html(toc, lambda e: f"{e.file}#{e.id}" if e.id else e.file)
        + "</nav>",
        lang,
    )
    # Named by what it holds: the same pages with other choices (no bylines), corrections
    # or notes make another book, which a reader must not take for the same release.
    held = hashlib.sha256("\0".join(x for _n, x in chapters).encode("utf-8", "surrogatepass"))
    sources = "".join(p.doc.source.sha256 for p, _d, _pl in parts) + held.hexdigest()
    book_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, sources)}"
    when = _modified([p.doc.source.path for p, _d, _pl in parts])
    modified = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = "\n".join(
        f'<item id="c{n + 1}" href="{name}" media-type="application/xhtml+xml"/>'
        for n, (name, _x) in enumerate(chapters)
    )
    spine = "\n".join(f'<itemref idref="c{n + 1}"/>' for n in range(len(chapters)))
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"
 unique-identifier="book-id" xml:lang="{lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">{book_id}</dc:identifier>
<dc:title>{_escape(title)}</dc:title>
<dc:language>{lang}</dc:language>
<dc:creator>ocr-reader</dc:creator>
<meta property="dcterms:modified">{modified}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="css" href="style.css" media-type="text/css"/>
{manifest}
</manifest>
<spine>
{spine}
</spine>
</package>
"""
    container = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""
    buffer = io.BytesIO()
    # Every entry stamped with the book's time (ZIP keeps it to two seconds from 1980 on),
    # not the moment it is written: the same pages, the same bytes.
    stamp = when.timetuple()[:6]

    def stamped(name: str) -> zipfile.ZipInfo:
        return zipfile.ZipInfo(name, date_time=stamp)

    with zipfile.ZipFile(buffer, "w") as book:
        # The mimetype comes first and uncompressed, as readers check for it.
        book.writestr(stamped("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        deflate = zipfile.ZIP_DEFLATED
        book.writestr(stamped("META-INF/container.xml"), container, deflate)
        book.writestr(stamped("OEBPS/content.opf"), opf, deflate)
        book.writestr(stamped("OEBPS/nav.xhtml"), nav, deflate)
        book.writestr(stamped("OEBPS/style.css"), CSS, deflate)
        for name, xhtml in chapters:
            book.writestr(stamped(f"OEBPS/{name}"), xhtml, deflate)
    return buffer.getvalue()


# -- the one entry point ---------------------------------------------------------------------


def _title_of(part: Part, doc: Document) -> str:
    """The title of a web page or book made of one page: its first title among the
    articles exported, else the page's file name without its extension."""
    first = next((art.title for art in doc.articles if art.title), None)
    return first or Path(part.doc.source.path).stem or "page"


def publish(
    parts: Sequence[Part],
    options: Options,
    title: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The export as bytes. `progress(done, total)` is called after each document;
    `cancelled()` is checked before each and raises Cancelled when it says so."""
    return b"".join(publish_stream(parts, options, title, progress, cancelled))


def publish_stream(
    parts: Sequence[Part],
    options: Options,
    title: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[bytes]:
    """publish() in pieces that join to it, for writing as they come: compact JSON is
    made a piece at a time, so a big page is never held as data and text at once; the
    other formats are one piece. The documents are prepared (and `progress` and
    `cancelled` called) before this returns."""
    prepared: list[tuple[Part, Document, list[Placed]]] = []
    total = len(parts)
    fmt = options.format
    texts: list[tuple[Part, str]] = []
    for n, part in enumerate(parts):
        if cancelled is not None and cancelled():
            raise Cancelled
        doc = select(part, options)
        placed = _placed(doc, part, options)
        if fmt == "txt":
            texts.append((part, _text(doc, options)))
        elif fmt == "md":
            furniture = options.furniture
            texts.append(
                (
                    part,
                    notes.page_markdown(doc, placed, furniture)
                    if placed
                    else to_markdown(doc, furniture=furniture),
                )
            )
        else:
            prepared.append((part, doc, placed))
        if progress is not None:
            progress(n + 1, total)
    if cancelled is not None and cancelled():
        raise Cancelled
    if not title:
        title = _title_of(*prepared[0][:2]) if len(prepared) == 1 else f"{len(parts)} pages"
    if fmt in ("txt", "md"):
        text = _join_documents(texts, fmt)
        text = text.replace("\n", NEWLINES[options.newline])
        return iter((text.encode(options.encoding),))
    if fmt == "html":
        return iter((to_html(prepared, title).encode("utf-8"),))
    if fmt == "epub":
        return iter((to_epub(prepared, title),))
    if fmt == "json":
        return _encoded(_json(prepared, options.pretty))
    if fmt == "jsonl":
        # One article a line; several pages are one stream, as search servers load them.
        # The date is read from the whole page, furniture and datelines included.
        lines = (
            line
            for part, doc, _placed in prepared
            for line in jsonl_lines(doc, page_date(part.doc))
        )
        return _encoded(lines)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _json(prepared: Sequence[tuple[Part, Document, list[Placed]]], pretty: bool) -> Iterator[str]:
    """The documents as JSON; each is turned into data only as it is written."""

    def document(doc: Document, placed: list[Placed]) -> dict[str, Any]:
        data = to_dict(doc, lazy=True)
        if placed:
            data["annotations"] = json.loads(notes.to_json([p.annotation for p in placed]))
        return data

    docs = (document(doc, placed) for _part, doc, placed in prepared)
    if len(prepared) == 1:
        return json_chunks(next(docs), pretty)
    return json_chunks({"schema": "ocr-reader.collection/1", "documents": docs}, pretty)


def _encoded(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[bytes]:
    """The pieces as UTF-8, gathered into pieces of about `size` characters."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(batch).encode("utf-8")
            batch, held = [], 0
    if batch:
        yield "".join(batch).encode("utf-8")
