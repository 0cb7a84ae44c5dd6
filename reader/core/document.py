"""The engine's front door: bytes or a path in, a Document out."""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, ParamSpec, TypeVar

from reader.core import script
from reader.core.decode import (
    OUT_OF_MEMORY,
    Decoded,
    DecodeError,
    decode_bytes,
    read_file,
    read_stream,
)
from reader.core.lines import Lines, content_lines, interleaved
from reader.core.model import Document, SourceInfo, SourceLines
from reader.core.reflow import reflow
from reader.core.segment import build_articles


def fingerprint(text: str) -> str:
    """sha256 of the decoded text with all white space removed.

    The same page re-encoded, re-wrapped with other line ends, or copied elsewhere keeps
    its fingerprint; annotations and corrections are stored against it.
    """
    # str.split() splits on exactly the characters the regex \s matches in a str. Hashed
    # a stretch at a time: the text without white space, as words and as bytes, would
    # take four times the page's size at once.
    digest = hashlib.sha256()
    for start in range(0, len(text), _STRETCH):
        digest.update("".join(text[start : start + _STRETCH].split()).encode("utf-8"))
    return digest.hexdigest()


_STRETCH = 1 << 20  # characters of text, or lines, hashed at a time


def lines_fingerprint(lines: Lines) -> str:
    """fingerprint() of the text the content lines came from, computed from them: they
    hold every character of it but for white space, most of which is gone already."""
    texts = lines.text
    digest = hashlib.sha256()
    step = _STRETCH // 64  # lines are short
    for start in range(0, len(texts), step):
        stretch = "".join(texts[start : start + step])
        digest.update("".join(stretch.split()).encode("utf-8"))
    return digest.hexdigest()


def split_source_lines(text: str) -> list[str]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# Said of a page whose lines run across its columns instead of down them.
INTERLEAVED_READING = "lines alternate between columns"
INTERLEAVED = (
    "its lines seem to run across the page's columns, not down them (the OCR program's "
    "order, not the reading order): its paragraphs and articles cannot be trusted; open "
    "the OCR program's own output (JSON, ALTO, hOCR or PAGE) to read it in order"
)


_P = ParamSpec("_P")
_T = TypeVar("_T")
_pausing = threading.Lock()
_paused = [0, False]  # builds under way; whether the collector ran before the first


def collector_paused(work: Callable[_P, _T]) -> Callable[_P, _T]:
    """`work` run with Python's cycle collector off. A page's reflow makes hundreds of
    thousands of objects and no cycles among them; every object made counts towards the
    next collection, and a full collection walks every object alive, so that a page of
    32 MB took a third longer per megabyte than one of 2 MB. Builds in several threads
    turn the collector back on when the last one ends, if it was on before the first."""

    @functools.wraps(work)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with _pausing:
            if not _paused[0]:
                _paused[1] = gc.isenabled()
                gc.disable()
            _paused[0] += 1
        try:
            return work(*args, **kwargs)
        finally:
            with _pausing:
                _paused[0] -= 1
                if not _paused[0] and _paused[1]:
                    gc.enable()

    return paused


@collector_paused
def build(
    decoded: Decoded,
    sha256: str,
    path: str = "",
    blanks: str | None = None,
    junk: frozenset[int] = frozenset(),
    headlines: frozenset[int] = frozenset(),
    order_check: bool = True,
    full: frozenset[int] = frozenset(),
) -> Document:
    """The page reflowed. Where the text was written from boxes, `blanks` is its
    blank-line habit, `junk` the source lines the geometry shows are specks, not text
    (kept as page furniture), `headlines` those set in headline type and `full` those
    that reach their column's far edge. `sha256` is
    the file's digest (file_digest()): the caller lets go of the bytes before the page is
    reflowed. Without `order_check`, a plain page is not tested for lines listed across
    its columns: that test only warns a reader (the library's index keeps the articles
    alone, and skips it: a twentieth of a page's reading)."""
    text = decoded.text
    # The lines as a list while they are read, then only as the text and their starts.
    listed = split_source_lines(text)
    # A page in traditional characters is read through a simplified copy of its lines,
    # and its blocks shown as printed.
    analysed = script.simplified(listed)
    if analysed is None:
        lines = content_lines(listed, junk, headlines, spend=True)
    else:
        del listed  # (read through the simplified copy)
        lines = content_lines(analysed, junk, headlines)
    # Read from the lines before the reflow, which lets their texts go. (Text from boxes
    # is ordered already.)
    crossed = order_check and blanks is None and interleaved(lines.text)
    print_ = lines_fingerprint(lines) if analysed is None else fingerprint(text)
    blocks, decisions, reading = reflow(lines, blanks, spend=True, full=full)
    del lines  # the content lines and their measures, let go before articles are made
    warning = decoded.warning
    if crossed:
        reading = f"{reading}; {INTERLEAVED_READING}"
        warning = f"{warning}; {INTERLEAVED}" if warning else INTERLEAVED
    # Where the source lines start is found again in the text now, not kept from the
    # list: held while the page was reflowed, at its peak, it was 7 MB of a 32 MB page,
    # against a twentieth of a second to find.
    source_lines = SourceLines(text)
    articles = build_articles(blocks)
    if analysed is not None:
        articles = script.restore(articles, analysed, source_lines)
    info = SourceInfo(
        path=path,
        sha256=sha256,
        encoding=decoded.encoding,
        lines=len(source_lines),
        newline=decoded.newline,
        fingerprint=print_,
        warning=warning,
        reading=reading,
    )
    return Document(source=info, articles=articles, source_lines=source_lines, decisions=decisions)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def out_of_memory_said(work: Callable[_P, _T]) -> Callable[_P, _T]:
    """`work` that reads a page, a page too big for the memory left refused in one line
    (DecodeError), as one that cannot be decoded is: reading fails there, not the whole
    batch or window (what was made for it is let go as the error unwinds)."""

    @functools.wraps(work)
    def said(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return work(*args, **kwargs)
        except MemoryError:
            raise DecodeError(f"{OUT_OF_MEMORY} to read it") from None

    return said


@out_of_memory_said
def from_bytes(data: bytes, path: str = "", *, order_check: bool = True) -> Document:
    """A page from its bytes: plain text, or OCR output with boxes (PaddleOCR or Umi-OCR
    JSON, hOCR, ALTO, PAGE), recognised by its content. `order_check`: see build()."""
    if _ocr_format(data):
        return _from_ocr(data, path)
    _refuse_other_json(data)
    return build(decode_bytes(data), file_digest(data), path, order_check=order_check)


# Files of these kinds in a folder are pages when their content is OCR output with boxes
# (an annotation export beside them is not); a .txt file always is.
OCR_SUFFIXES = (".json", ".xml", ".hocr", ".html", ".htm")


def is_page_file(path: Path) -> bool:
    """Whether a file found in a folder is a page: plain text by its name, OCR output by
    its content. A file named like OCR output that cannot be read, or is empty, counts, so
    that opening it says why in one line."""
    if not path.is_file():
        return False
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return True
    if suffix not in OCR_SUFFIXES:
        return False
    from reader.core import ocr  # lxml only when a folder holds such files

    try:
        data = read_file(path)
    except DecodeError:
        return True
    # An empty one is the trace of an OCR run that failed: read, it says so in one line.
    # (Not an empty web page: .html is as often a site's as hOCR.)
    empty = not data.strip() and suffix not in (".html", ".htm")
    return empty or ocr.sniff(data) is not None


def _ocr_format(data: bytes) -> str | None:
    """The OCR format of the bytes, looked for only where they start as JSON or markup
    do, so a plain page costs nothing."""
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] not in (b"{", b"[", b"<") and not head.startswith(
        (b"\xff\xfe", b"\xfe\xff", b"\x00<")
    ):
        return None  # (markup in UTF-16 starts with a byte order mark, or <\0 or \0<)
    from reader.core import ocr

    return ocr.sniff(data)


def _refuse_other_json(data: bytes) -> None:
    """Raise DecodeError where the bytes are JSON whole but not OCR output: an export of
    annotations or of pages, or any other JSON, is no page, and read as text it would be
    shown as a page of braces and quotes. Text that only starts like JSON is a page."""
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] not in (b"{", b"["):
        return
    try:
        value = json.loads(data)
    except (ValueError, RecursionError, MemoryError):
        return
    if isinstance(value, dict) and value.get("type") == "AnnotationCollection":
        raise DecodeError("it is an export of annotations, not a page: import it instead")
    if isinstance(value, dict) and str(value.get("schema", "")).startswith("ocr-reader."):
        raise DecodeError("it is a page exported as JSON, not OCR output: open the page itself")
    raise DecodeError("it is JSON, but not OCR output that this reader knows")


@collector_paused
def _from_ocr(data: bytes, path: str) -> Document:
    """OCR output read into its lines in reading order, what the boxes show written as
    text (reader.core.ocrtext), then reflowed like any page."""
    from reader.core import ocr
    from reader.core.ocrtext import ocr_text

    document = ocr.read(data, os.path.basename(path))
    if not any(line.text.strip() for page in document.pages for line in page.lines):
        # As an empty text file is refused: a page the OCR program found no text on.
        raise DecodeError(f"the {ocr.FORMATS[document.format]} file holds no text")
    text = ocr_text(document)
    decoded = Decoded("\n".join(text.lines) + "\n", ocr.FORMATS[document.format], "LF")
    # The text has a blank line only where the geometry shows a break.
    digest = file_digest(data)
    doc = build(
        decoded,
        digest,
        path,
        blanks="paragraph",
        junk=text.junk,
        headlines=text.headlines,
        full=text.full,
    )
    doc.source.reading = f"{text.reading}; {doc.source.reading}"
    doc.source.pages = [(page.width, page.height, page.unit) for page in document.pages]
    doc.line_boxes = text.boxes
    return doc


def from_text(text: str, path: str = "") -> Document:
    data = text.encode("utf-8")
    return build(decode_bytes(data), file_digest(data), path)


@out_of_memory_said
def load(path: str | os.PathLike[str]) -> Document:
    """Read, decode and reflow a page. Raises DecodeError with a one-line reason."""
    data = read_file(path)
    if _ocr_format(data):
        return _from_ocr(data, os.fspath(path))
    _refuse_other_json(data)
    digest, decoded = file_digest(data), decode_bytes(data)
    del data  # not held while the page is reflowed: as much memory as the file again
    return build(decoded, digest, os.fspath(path))


# A blank line (white space at most): where a first part of a page may end.
_SEAM = re.compile(r"\n[ \t\u3000]*\n")


@out_of_memory_said
def first_part(path: str | os.PathLike[str], chars: int) -> Document | None:
    """The first `chars` characters or so of a plain-text page, reflowed on their own, to
    show while the whole page is read: its source lines are the page's first lines,
    numbered alike, up to the first blank line from the `chars`-th character on. Only a
    preview: its last blocks and articles, and its fingerprint, may differ from the whole
    page's. None for OCR output with boxes, or where no blank line follows before the
    page's end. Raises DecodeError with a one-line reason."""
    data = read_file(path)
    if _ocr_format(data):
        return None
    _refuse_other_json(data)
    decoded = decode_bytes(data)
    del data
    seam = _SEAM.search(decoded.text, max(0, chars))
    if seam is None:
        return None
    part = Decoded(decoded.text[: seam.start() + 1], decoded.encoding, decoded.newline)
    del decoded  # the whole page's text, not held while the part is reflowed
    return build(part, "", os.fspath(path))


@out_of_memory_said
def load_stream(stream: BinaryIO, path: str = "<stdin>") -> Document:
    """Read, decode and reflow a page from a stream (standard input). Raises DecodeError
    with a one-line reason."""
    data, decoded = read_stream(stream)
    if _ocr_format(data):
        return _from_ocr(data, path)
    _refuse_other_json(data)
    digest = file_digest(data)
    del data
    return build(decoded, digest, path)
