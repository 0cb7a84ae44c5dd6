"""OCR output with line positions: PaddleOCR and Umi-OCR JSON, hOCR, ALTO and PAGE XML.

`read` turns a file into one format-neutral `OcrDocument`: pages of lines, each with its
text, box, polygon, confidence and block. The format is recognised by content (`sniff`),
never by the file's name. Every failure is a `DecodeError` whose message is one line;
callers add the file name. XML is parsed with entity resolution, DTD loading and network
access off, and a file that declares entities is refused outright.

Common to the formats: a line's words are joined with a space (ALTO's SP or not), but
none between two CJK characters, where a space is only the OCR program's word split; a
line with no text is left out; ALTO's inch1200 and mm10 are turned into millimetres.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import lxml.etree as etree
import lxml.html

from reader.core.decode import DecodeError

Point = tuple[float, float]

# Written at the end of a line whose last word the file says is broken there.
BROKEN = "¬"

FORMATS = {
    "paddle": "PaddleOCR",
    "umi": "Umi-OCR",
    "hocr": "hOCR",
    "alto": "ALTO",
    "page": "PAGE",
}

# A box at least this many times taller than wide, holding more than two characters,
# is a line of vertical text; one or two characters make a square-ish box either way.
VERTICAL_RATIO = 1.5
# A line whose baseline slopes by less than SLANT_MIN degrees is level (the slope is the
# rounding of its numbers); one steeper than SLANT_MAX is no baseline of a line of text.
SLANT_MIN, SLANT_MAX = 0.1, 10.0


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle in page units, y growing downwards."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> Point:
        return ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)

    @classmethod
    def around(cls, points: Iterable[Point]) -> Box:
        xs, ys = zip(*points, strict=True)
        return cls(min(xs), min(ys), max(xs), max(ys))

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line as the OCR program found it.

    `quad` is the format's own polygon (PaddleOCR and Umi-OCR quadrilaterals, PAGE
    `Coords`, ALTO `Shape`); where it gives only a box and the line's baseline (hOCR's
    `baseline`, ALTO 4.2's `BASELINE` points), the parallelogram of its slope in the box;
    else None. `words` pairs each word's text with its confidence where the format gives
    word confidences, else it is empty. `size` is the font size in points where the
    format names one (ALTO `TextStyle`).
    """

    text: str
    box: Box
    quad: tuple[Point, ...] | None
    confidence: float | None
    page: int
    region: str | None
    vertical: bool
    words: tuple[tuple[str, float | None], ...] = ()
    size: float | None = None


@dataclass(frozen=True, slots=True)
class OcrPage:
    """A page's lines in the file's order, or in the format's explicit reading order
    where it carries one (`order_given`). Coordinates are in `unit`: "px" for pixels of
    the scan, "mm" where the file measures in millimetres or inches (ALTO mm10, inch1200).
    Where the format gives no page size, width and height are the lines' extent."""

    width: float
    height: float
    lines: tuple[OcrLine, ...]
    order_given: bool
    unit: str = "px"


@dataclass(frozen=True, slots=True)
class OcrDocument:
    format: str
    pages: tuple[OcrPage, ...]

    @property
    def lines(self) -> Iterator[OcrLine]:
        for page in self.pages:
            yield from page.lines


# --- recognising the format -------------------------------------------------------------

_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_HOCR_CLASSES = (b"ocr_page", b"ocr_line", b"ocrx_word")
_XML_PROLOG = re.compile(rb"\s*(<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>)", re.S)


def sniff(data: bytes) -> str | None:
    """The OCR format of the file by its content: "paddle", "umi", "hocr", "alto",
    "page", or None for anything else (plain text)."""
    kind, _ = _sniff(data)
    return kind


def _sniff(data: bytes) -> tuple[str | None, Any]:
    """The format and, for JSON that parsed, the parsed value (so it is parsed once)."""
    head = _head_text(data)
    stripped = head.lstrip()
    if stripped[:1] in ("{", "["):
        return _sniff_json(data, stripped)
    if stripped[:1] == "<":
        return _sniff_markup(data), None
    return None, None


def _head_text(data: bytes) -> str:
    sample = data[:65536]
    wide = _utf16(sample)
    if wide is not None:
        return sample.decode(wide, errors="ignore")
    return sample.decode("utf-8-sig", errors="ignore")


def _sniff_json(data: bytes, head: str) -> tuple[str | None, Any]:
    try:
        value = _load_json(data)
    except (ValueError, RecursionError, MemoryError):
        # Damaged JSON is still recognised by its keys, so that reading it can say what
        # is wrong instead of taking it for plain text.
        if re.search(r'"(ocr_results|rec_texts|rec_polys|rec_boxes)"', head):
            return "paddle", None
        if re.search(r'"code"\s*:\s*10\d', head) and '"data"' in head:
            return "umi", None
        if re.match(r"\[\s*\[\s*\[\s*\[\s*-?\d", head):
            return "paddle", None
        return None, None
    return _json_kind(value), value


def _load_json(data: bytes) -> Any:
    try:
        return json.loads(data)
    except json.JSONDecodeError as error:
        if error.msg != "Extra data":
            raise
    # Umi-OCR's batch output: one result per line (JSON Lines).
    records = [json.loads(line) for line in data.splitlines() if line.strip()]
    if not all(isinstance(r, dict) and "code" in r for r in records):
        raise ValueError("not JSON Lines of Umi-OCR results")
    return records


def _json_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        if "ocr_results" in value or _paddle3(value) is not None:
            return "paddle"
        if "code" in value and "data" in value:
            return "umi"
        return None
    if isinstance(value, list) and value:
        items = [v for v in value if v is not None]
        if not items:
            return "paddle"  # PaddleOCR writes None for a page without text
        first = items[0]
        if isinstance(first, dict):
            kinds = {_json_kind(v) for v in items}
            return kinds.pop() if len(kinds) == 1 else None
        if _paddle_line_like(first):
            return "paddle"
        if isinstance(first, list) and all(
            v is None or (isinstance(v, list) and all(_paddle_line_like(x) for x in v[:3]))
            for v in items
        ):
            return "paddle"
    return None


def _paddle_line_like(value: Any) -> bool:
    """[box, [text, score]] (the score may be missing or damaged; reading says so)."""
    return (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], list)
        and isinstance(value[1], list | tuple)
        and 1 <= len(value[1]) <= 2
        and not isinstance(value[1][0], list)
    )


def _utf16(data: bytes) -> str | None:
    """The codec of markup written in UTF-16: with a byte order mark, or without one
    where its first character is < (which XML asks a BOM for, but some tools leave out)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if data.startswith(b"<\x00"):
        return "utf-16-le"
    if data.startswith(b"\x00<"):
        return "utf-16-be"
    return None


def _paddle3(value: dict[str, Any]) -> dict[str, Any] | None:
    """The PaddleOCR 3 result in a saved dict: the dict itself or its "res"."""
    for candidate in (value, value.get("res")):
        if isinstance(candidate, dict) and "rec_texts" in candidate:
            return candidate
    return None


def _sniff_markup(data: bytes) -> str | None:
    wide = _utf16(data)
    if wide is not None:
        data = data.decode(wide, errors="ignore").encode("utf-8")
    data = data.removeprefix(b"\xef\xbb\xbf")  # UTF-8's byte order mark, as Windows writes it
    sample = data[:65536]
    position = 0
    while match := _XML_PROLOG.match(sample, position):
        position = match.end()
    root = _ROOT_TAG.match(sample, sample.find(b"<", position))
    if root is None:
        return None
    name = root.group(1).decode("ascii").rsplit(":", 1)[-1]
    if name == "alto":
        return "alto"
    if name == "PcGts":
        return "page"
    if name.lower() in ("html", "body", "div") and any(c in data for c in _HOCR_CLASSES):
        return "hocr"
    return None


# --- reading ----------------------------------------------------------------------------


def read(data: bytes, name: str = "") -> OcrDocument:
    """Read OCR output in any of the known formats. Raises DecodeError with a one-line
    reason; `name` (the file's name) is used only to word that reason."""
    kind, value = _sniff(data)
    if kind is None:
        if name.lower().endswith((".json", ".xml", ".hocr", ".html")):
            raise DecodeError("it is not OCR output that this reader knows")
        raise DecodeError("it holds no OCR lines with positions")
    try:
        if kind == "paddle":
            pages = _read_paddle(data if value is None else value)
        elif kind == "umi":
            pages = _read_umi(data if value is None else value)
        elif kind == "hocr":
            pages = _read_hocr(data)
        elif kind == "alto":
            pages = _read_alto(data)
        else:
            pages = _read_page(data)
    except (RecursionError, MemoryError):
        raise DecodeError(f"the {FORMATS[kind]} file is too large or nested too deeply") from None
    if not pages:
        raise DecodeError("the file holds no OCR lines")
    return OcrDocument(format=kind, pages=tuple(pages))


def _one_line(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: object) -> str:
    return _one_line(repr(value), 30)


# CJK scripts write no space between words: a space between two of their characters in
# joined words is the OCR program's word split, not the page's.
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)


def has_cjk(text: str) -> bool:
    """Whether the text holds a CJK character or mark."""
    return _CJK.search(text) is not None


def join_pieces(pieces: Iterable[str]) -> str:
    """Pieces of one line that the OCR program cut apart, as one text: a space between
    two only where neither side of the cut is CJK (a cut beside a Chinese character or
    mark is no word break; one between Latin words is)."""
    out = ""
    for piece in pieces:
        if piece and out and not (_CJK.match(out[-1]) or _CJK.match(piece[0])):
            out += " "
        out += piece
    return out


def join_words(words: Iterable[str]) -> str:
    """Words of a line as one text: a space between them, but none between two CJK
    characters."""
    out: list[str] = []
    for word in words:
        if not word:
            continue
        if out and not (_CJK.match(out[-1][-1]) and _CJK.match(word[0])):
            out.append(" ")
        out.append(word)
    return "".join(out)


def _is_vertical(box: Box, text: str) -> bool:
    return box.height > VERTICAL_RATIO * box.width and len(text.replace(" ", "")) > 2


def _confidence(value: float | None, scale: float = 1.0) -> float | None:
    if value is None:
        return None
    return min(1.0, max(0.0, value / scale))


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _extent(lines: Sequence[OcrLine]) -> tuple[float, float]:
    if not lines:
        return (0.0, 0.0)
    return (max(line.box.x1 for line in lines), max(line.box.y1 for line in lines))


# --- JSON: PaddleOCR and Umi-OCR --------------------------------------------------------


class _Where:
    """Names a result for messages: "result 17", or "page 2, result 17" in a file of
    several pages."""

    def __init__(self, pages: int) -> None:
        self.pages = pages

    def result(self, page: int, index: int) -> str:
        where = f"result {index + 1}"
        return f"page {page + 1}, {where}" if self.pages > 1 else where


def _cut_short_at(label: str, data: bytes | str, lineno: int) -> str:
    """Where a file cut short stops: its line, or in a file of one line (JSON written
    without breaks) how far into that line."""
    text = data.rstrip() if isinstance(data, str) else data.rstrip().decode("utf-8", "ignore")
    if "\n" in text:
        return f"the {label} file is cut short at line {lineno}"
    return f"the {label} file is cut short: its one line stops after {len(text):,} characters"


def _json_value(data: bytes | Any, label: str) -> Any:
    if not isinstance(data, bytes | bytearray):
        return data
    data = bytes(data)
    try:
        return _load_json(data)
    except json.JSONDecodeError as error:
        if error.pos >= len(error.doc.rstrip()) or error.msg.startswith("Unterminated string"):
            raise DecodeError(_cut_short_at(label, error.doc, error.lineno)) from None
        raise DecodeError(
            f"the {label} file is not valid JSON at line {error.lineno}: {error.msg}"
        ) from None
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 4:  # the last character is cut in two
            lineno = data.count(b"\n") + 1
            raise DecodeError(_cut_short_at(label, data, lineno)) from None
        raise DecodeError(f"the {label} file is not valid UTF-8 JSON") from None
    except ValueError:
        raise DecodeError(f"the {label} file is not valid JSON") from None


# No scan or page measures this much in any unit a format uses (a page a metre wide is
# 47,000 units of 1/1200 inch): a coordinate beyond it is damage, not a position.
FARTHEST = 1e7


def _on_page(number: float) -> bool:
    return math.isfinite(number) and abs(number) <= FARTHEST


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DecodeError(f"{what} that is not a number: {_show(value)}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise DecodeError(f"{what} that is not a finite number: {_show(value)}")
    if not _on_page(number):
        raise DecodeError(f"{what} far beyond any page: {_show(value)}")
    return number


def _json_points(box: object, where: str) -> tuple[Point, ...]:
    """A JSON polygon: a list of [x, y] points, or a flat list of coordinates."""
    if not isinstance(box, list | tuple):
        raise DecodeError(f"{where} has a box that is not a list of points: {_show(box)}")
    what = f"{where} has a coordinate"
    if box and all(not isinstance(c, list | tuple) for c in box):
        # [x0, y0, x1, y1] or [x1, y1, x2, y2, …]
        coords = [_number(c, what) for c in box]
        if len(coords) == 4:
            x0, y0, x1, y1 = coords
            return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
        if len(coords) % 2 or len(coords) < 8:
            raise DecodeError(f"{where} has a box of {len(coords) / 2:g} points")
        return tuple(zip(coords[::2], coords[1::2], strict=True))
    if len(box) < 4:
        raise DecodeError(f"{where} has a box of {len(box)} points")
    points = []
    for point in box:
        if not isinstance(point, list | tuple) or len(point) != 2:
            raise DecodeError(f"{where} has a point that is not two numbers: {_show(point)}")
        points.append((_number(point[0], what), _number(point[1], what)))
    return tuple(points)


def _json_line(
    text: object, box: object, score: object, page: int, where: str, quad: bool = True
) -> OcrLine | None:
    if text is None:
        raise DecodeError(f"{where} has no text")
    if not isinstance(text, str):
        raise DecodeError(f"{where} has a text that is not a string: {_show(text)}")
    points = _json_points(box, where)
    confidence = None if score is None else _number(score, f"{where} has a score")
    text = text.strip()
    if not text:
        return None
    bbox = Box.around(points)
    return OcrLine(
        text=text,
        box=bbox,
        quad=points if quad else None,
        confidence=_confidence(confidence),
        page=page,
        region=None,
        vertical=_is_vertical(bbox, text),
    )


def _json_page(lines: list[OcrLine], size: tuple[float, float] | None = None) -> OcrPage:
    width, height = size if size else _extent(lines)
    return OcrPage(width=width, height=height, lines=tuple(lines), order_given=False)


def _read_paddle(data: bytes | Any) -> list[OcrPage]:
    value = _json_value(data, "PaddleOCR")
    if isinstance(value, dict):
        raw_pages: list[Any] = [value]
    elif isinstance(value, list):
        items = [v for v in value if v is not None]
        single = bool(items) and _paddle_line_like(items[0])
        raw_pages = [value] if single else list(value)
    else:
        raise DecodeError("the PaddleOCR file holds no OCR results")
    where = _Where(len(raw_pages))
    pages = []
    for number, raw in enumerate(raw_pages):
        if raw is None:
            pages.append(_json_page([]))
        elif isinstance(raw, dict) and "ocr_results" in raw:
            pages.append(_paddle_archive(raw, number, where))
        elif isinstance(raw, dict) and _paddle3(raw) is not None:
            pages.append(_paddle_three(_paddle3(raw) or {}, number, where))
        elif isinstance(raw, list):
            pages.append(_paddle_list(raw, number, where))
        else:
            raise DecodeError(f"page {number + 1} of the PaddleOCR file is not an OCR result")
    return pages


def _paddle_list(raw: list[Any], page: int, where: _Where) -> OcrPage:
    lines = []
    for index, item in enumerate(raw):
        at = where.result(page, index)
        if not _paddle_line_like(item):
            raise DecodeError(f"{at} is not a [box, [text, score]] pair: {_show(item)}")
        box, rec = item
        score = rec[1] if len(rec) > 1 else None
        line = _json_line(rec[0], box, score, page, at)
        if line is not None:
            lines.append(line)
    return _json_page(lines)


def _result_lines(results: list[Any], page: int, where: _Where) -> list[OcrLine]:
    """The lines of a list of `{"text", "box", "score"}` results (an archive's PaddleOCR
    results, Umi-OCR's data), each checked."""
    lines = []
    for index, item in enumerate(results):
        at = where.result(page, index)
        if not isinstance(item, dict):
            raise DecodeError(f"{at} is not an object: {_show(item)}")
        if "box" not in item:
            raise DecodeError(f"{at} has no box")
        line = _json_line(item.get("text"), item["box"], item.get("score"), page, at)
        if line is not None:
            lines.append(line)
    return lines


def _paddle_archive(raw: dict[str, Any], page: int, where: _Where) -> OcrPage:
    results = raw["ocr_results"]
    if not isinstance(results, list):
        raise DecodeError("the PaddleOCR file's ocr_results is not a list")
    lines = _result_lines(results, page, where)
    size = None
    dims = raw.get("dimensions")
    if isinstance(dims, dict) and "width" in dims and "height" in dims:
        size = (
            _number(dims["width"], "the page size has a width"),
            _number(dims["height"], "the page size has a height"),
        )
    return _json_page(lines, size)


def _paddle_three(raw: dict[str, Any], page: int, where: _Where) -> OcrPage:
    texts = raw.get("rec_texts")
    polys = raw.get("rec_polys")
    quad = polys is not None
    if polys is None:
        polys = raw.get("rec_boxes")
    scores = raw.get("rec_scores")
    if not isinstance(texts, list) or not isinstance(polys, list):
        raise DecodeError("the PaddleOCR result has rec_texts but no rec_polys or rec_boxes")
    if len(polys) != len(texts):
        raise DecodeError(f"the PaddleOCR result has {len(texts)} texts but {len(polys)} boxes")
    if scores is not None and (not isinstance(scores, list) or len(scores) != len(texts)):
        raise DecodeError("the PaddleOCR result has not one score for each text")
    lines = []
    for index, (text, poly) in enumerate(zip(texts, polys, strict=True)):
        score = scores[index] if scores is not None else None
        line = _json_line(text, poly, score, page, where.result(page, index), quad=quad)
        if line is not None:
            lines.append(line)
    return _json_page(lines)


_UMI_SUCCESS = 100
_UMI_NO_TEXT = 101


def _read_umi(data: bytes | Any) -> list[OcrPage]:
    value = _json_value(data, "Umi-OCR")
    records = value if isinstance(value, list) else [value]
    where = _Where(len(records))
    pages = []
    for number, record in enumerate(records):
        if not isinstance(record, dict) or "code" not in record:
            raise DecodeError(f"page {number + 1} of the Umi-OCR file is not an OCR result")
        code, results = record["code"], record.get("data")
        if code == _UMI_NO_TEXT:
            pages.append(_json_page([]))
            continue
        if code != _UMI_SUCCESS:
            raise DecodeError(f"Umi-OCR reported error {_show(code)}: {_one_line(str(results))}")
        if not isinstance(results, list):
            raise DecodeError("the Umi-OCR file holds text without line positions")
        pages.append(_json_page(_result_lines(results, number, where)))
    return pages


# --- XML --------------------------------------------------------------------------------


def _xml_parser(encoding: str | None = None) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        encoding=encoding,
    )


# An XML declaration naming a single-byte encoding of Western Europe.
_DECLARED_LATIN = re.compile(
    rb"""<\?xml[^>]*\bencoding\s*=\s*["']"""
    rb"""(?:iso[-_ ]?8859[-_ ]?\d+|latin-?\d|(?:cp|windows-)125\d|us-ascii|ascii)["']""",
    re.I,
)


def _mislabelled_utf8(data: bytes) -> bool:
    """Whether the file declares a single-byte encoding but is UTF-8 with characters
    beyond ASCII (a converter's template kept its declaration): read as declared, every
    Chinese character would come out as three Latin ones. Text in Latin-1 is almost never
    valid UTF-8 where it holds such characters."""
    if not _DECLARED_LATIN.match(data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")) or data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parse_xml(data: bytes, label: str) -> Any:
    try:
        root = etree.fromstring(data, _xml_parser("utf-8" if _mislabelled_utf8(data) else None))
    except etree.XMLSyntaxError as error:
        message = str(error.msg or error)
        if "entit" in message.lower():
            raise DecodeError(
                f"the {label} file declares XML entities, which are refused"
            ) from None
        lineno = error.lineno or 0
        if _cut_short(data, error):
            # libxml2 may count the line break the data ends with
            lineno = min(lineno, data.rstrip().count(b"\n") + 1)
            raise DecodeError(_cut_short_at(label, data, lineno)) from None
        raise DecodeError(
            f"the {label} file is not well-formed XML at line {lineno}: {_one_line(message)}"
        ) from None
    if root is None:
        raise DecodeError(f"the {label} file is empty")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise DecodeError(f"the {label} file declares XML entities, which are refused")
    return root


# What libxml2 says when the data stops inside a character, a tag or an element.
_ENDED = ("Premature end", "Incomplete UTF-8", "Invalid bytes", "EndTag", "expected '>'")


def _cut_short(data: bytes, error: etree.XMLSyntaxError) -> bool:
    """Whether the parse failed where the data ends (a file cut short), rather than on
    something wrong in the middle."""
    lines = data.rstrip().split(b"\n")
    line, column = error.position
    if line < len(lines):
        return "Premature end" in str(error.msg)
    # libxml2 counts the column in characters
    last = len(lines[-1].decode("utf-8", errors="ignore"))
    return column >= last - 1 or any(word in str(error.msg) for word in _ENDED)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _xml_number(element: Any, attribute: str, label: str, scale: float = 1.0) -> float:
    value = element.get(attribute)
    where = f"the {label} file has a {_local(element.tag)} (line {element.sourceline})"
    if value is None:
        raise DecodeError(f"{where} without {attribute}")
    try:
        number = float(value)
    except ValueError:
        raise DecodeError(f"{where} whose {attribute} is not a number: {_show(value)}") from None
    if not math.isfinite(number):
        raise DecodeError(f"{where} whose {attribute} is not a number: {_show(value)}")
    if not _on_page(number * scale):
        raise DecodeError(f"{where} whose {attribute} is far beyond any page: {_show(value)}")
    return number * scale


def _alto_slope(baseline: str | None) -> float | None:
    """The slope of an ALTO 4.2 `BASELINE` given as points ("x,y x,y …"), from its first
    point to its last (left to right or, for a script written so, right to left); None
    for the older single number (a height) or anything else."""
    if not baseline:
        return None
    try:
        numbers = [float(n) for n in baseline.replace(",", " ").split()]
    except ValueError:
        return None
    if len(numbers) < 4 or len(numbers) % 2:
        return None
    dx, dy = numbers[-2] - numbers[0], numbers[-1] - numbers[1]
    return dy / dx if dx and math.isfinite(dy / dx) else None  # (either way along)


def _first_number(values: Sequence[str]) -> float | None:
    """The first of the values as a finite number, or None (a property that only adds
    to what the box says is read leniently)."""
    try:
        number = float(values[0])
    except (IndexError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _slanted(box: Box, slope: float | None) -> tuple[Point, ...] | None:
    """The parallelogram of a line printed at `slope` (down per across) in its level
    box: its top edge from the box's top corner on the high side, its bottom edge to the
    bottom corner on the low side; the box itself where the slope is jitter (under
    SLANT_MIN: the line is level, and says so). None where no slope is known, or it is
    steeper than a line of text runs (SLANT_MAX) or would take up the box's height."""
    if slope is None:
        return None
    angle = abs(math.degrees(math.atan(slope)))
    if angle > SLANT_MAX:
        return None
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    rise = slope * box.width if angle >= SLANT_MIN else 0.0
    if abs(rise) >= box.height:
        return None
    if rise >= 0:  # level, or falling to the right
        return ((x0, y0), (x1, y0 + rise), (x1, y1), (x0, y1 - rise))
    return ((x0, y0 - rise), (x1, y0), (x1, y1 + rise), (x0, y1))


def _optional_number(element: Any, attribute: str, label: str) -> float | None:
    if element.get(attribute) is None:
        return None
    return _xml_number(element, attribute, label)


def _points(text: str, element: Any, label: str, scale: float = 1.0) -> tuple[Point, ...]:
    """Points as PAGE writes them ("x,y x,y …") or ALTO ("x y x y …", "x,y,x,y …")."""
    numbers = text.replace(",", " ").split()
    where = f"the {label} file has a {_local(element.tag)} (line {element.sourceline})"
    try:
        coords = [float(n) * scale for n in numbers]
    except ValueError:
        raise DecodeError(f"{where} whose points are not numbers: {_show(text)}") from None
    if len(coords) % 2 or len(coords) < 6 or not all(math.isfinite(c) for c in coords):
        raise DecodeError(f"{where} whose points are not pairs of numbers: {_show(text)}")
    if not all(map(_on_page, coords)):
        raise DecodeError(f"{where} whose points are far beyond any page: {_show(text)}")
    return tuple(zip(coords[::2], coords[1::2], strict=True))


# --- ALTO -------------------------------------------------------------------------------

# Units of ALTO's MeasurementUnit, as (factor, unit the page is given in).
_ALTO_UNITS = {
    "pixel": (1.0, "px"),
    "mm10": (0.1, "mm"),
    "inch1200": (25.4 / 1200, "mm"),
}


def _read_alto(data: bytes) -> list[OcrPage]:
    root = _parse_xml(data, "ALTO")
    if _local(root.tag) != "alto":
        raise DecodeError("the ALTO file's root element is not alto")
    unit_element = next(root.iter("{*}MeasurementUnit"), None)
    unit_name = (unit_element.text or "").strip() if unit_element is not None else "pixel"
    if unit_name not in _ALTO_UNITS:
        raise DecodeError(f"the ALTO file measures in an unknown unit: {_show(unit_name)}")
    scale, unit = _ALTO_UNITS[unit_name]
    sizes: dict[str, float] = {}
    for style in root.iter("{*}TextStyle"):
        size = _optional_number(style, "FONTSIZE", "ALTO")
        if style.get("ID") and size is not None:
            sizes[style.get("ID")] = size
    pages = []
    for number, page in enumerate(root.iter("{*}Page")):
        lines = []
        for block in page.iter("{*}TextBlock"):
            block_size = _style_size(block, sizes)
            for line_element in block.iter("{*}TextLine"):
                line = _alto_line(line_element, number, block.get("ID"), scale, sizes)
                if line is not None:
                    if line.size is None and block_size is not None:
                        line = _with_size(line, block_size)
                    lines.append(line)
        width, height = _extent(lines)
        if page.get("WIDTH") is not None and page.get("HEIGHT") is not None:
            width = _xml_number(page, "WIDTH", "ALTO", scale)
            height = _xml_number(page, "HEIGHT", "ALTO", scale)
        # ALTO lists a page's blocks in the order its program read them.
        pages.append(OcrPage(width, height, tuple(lines), order_given=True, unit=unit))
    return pages


def _with_size(line: OcrLine, size: float) -> OcrLine:
    return OcrLine(
        line.text,
        line.box,
        line.quad,
        line.confidence,
        line.page,
        line.region,
        line.vertical,
        line.words,
        size,
    )


def _style_size(element: Any, sizes: dict[str, float]) -> float | None:
    for ref in (element.get("STYLEREFS") or "").split():
        if ref in sizes:
            return sizes[ref]
    return None


def _alto_line(
    element: Any, page: int, region: str | None, scale: float, sizes: dict[str, float]
) -> OcrLine | None:
    words: list[tuple[str, float | None]] = []
    word_sizes: list[float] = []
    hyphen = False
    last_subs = None
    for child in element:
        name = _local(child.tag)
        if name == "String":
            content = child.get("CONTENT")
            if content is None:
                raise DecodeError(
                    f"the ALTO file has a String (line {child.sourceline}) without CONTENT"
                )
            wc = _optional_number(child, "WC", "ALTO")
            words.append((content.strip(), wc))
            size = _style_size(child, sizes)
            if size is not None:
                word_sizes.append(size)
            last_subs = child.get("SUBS_TYPE")
            hyphen = False
        elif name == "HYP":
            hyphen = True
    text = join_words(w for w, _ in words)
    # A word the file says is broken at the line's end (with HYP, or as the first part of
    # a hyphenated word) ends in ¬, the mark of a certain break, for the engine to mend
    # whatever the case of its letters (CLEVE¬ LAND); a plain hyphen may be a real one.
    if text and (hyphen or last_subs == "HypPart1"):
        text = text.rstrip("-¬\xad") + BROKEN
    if not text:
        return None
    x = _xml_number(element, "HPOS", "ALTO", scale)
    y = _xml_number(element, "VPOS", "ALTO", scale)
    box = Box(
        x,
        y,
        x + _xml_number(element, "WIDTH", "ALTO", scale),
        y + _xml_number(element, "HEIGHT", "ALTO", scale),
    )
    quad: tuple[Point, ...] | None
    polygon = next(element.iterchildren("{*}Shape"), None)
    if polygon is not None:
        polygon = next(polygon.iterchildren("{*}Polygon"), None)
    if polygon is not None and polygon.get("POINTS"):
        quad = _points(polygon.get("POINTS"), polygon, "ALTO", scale)
    else:
        quad = _slanted(box, _alto_slope(element.get("BASELINE")))
    size = _style_size(element, sizes)
    if size is None and word_sizes:
        size = Counter(word_sizes).most_common(1)[0][0]
    rotation = _optional_number(element, "ROTATION", "ALTO")
    vertical = _is_vertical(box, text) or (
        rotation is not None and abs(abs(rotation % 180) - 90) < 20
    )
    confidences = [c for _, c in words]
    return OcrLine(
        text=text,
        box=box,
        quad=quad,
        confidence=_confidence(_mean(confidences)),
        page=page,
        region=region,
        vertical=vertical,
        words=tuple((w, _confidence(c)) for w, c in words)
        if any(c is not None for c in confidences)
        else (),
        size=size,
    )


# --- PAGE -------------------------------------------------------------------------------


def _read_page(data: bytes) -> list[OcrPage]:
    root = _parse_xml(data, "PAGE")
    if _local(root.tag) != "PcGts":
        raise DecodeError("the PAGE file's root element is not PcGts")
    page = next(root.iterchildren("{*}Page"), None)
    if page is None:
        raise DecodeError("the file holds no OCR lines")
    width = _xml_number(page, "imageWidth", "PAGE")
    height = _xml_number(page, "imageHeight", "PAGE")
    lines: list[OcrLine] = []
    regions: list[str | None] = []
    for element in page.iter("{*}TextLine"):
        region = element.getparent()
        while region is not None and _local(region.tag) != "TextRegion":
            region = region.getparent()
        line = _page_line(element, region)
        if line is not None:
            lines.append(line)
            regions.append(line.region)
    order = _page_reading_order(page)
    given = len(order) > 1
    if given:
        rank = {region: i for i, region in enumerate(order)}
        parents = _page_region_parents(page)

        def ranked(region: str | None) -> int | None:
            while region is not None and region not in rank:
                region = parents.get(region)
            return None if region is None else rank[region]

        places = [ranked(region) for region in regions]
        # An order that leaves out regions holding text (or names regions that are not
        # there instead of them) says nothing of where those go: the geometry orders
        # the page.
        given = all(place is not None for place in places)
        if given:
            lines = [lines[i] for i in sorted(range(len(lines)), key=lambda i: (places[i], i))]
    return [OcrPage(width, height, tuple(lines), order_given=given)]


def _page_region_parents(page: Any) -> dict[str, str | None]:
    """Each region's enclosing region of any kind (a table cell's TableRegion, a text
    region's TextRegion), which a ReadingOrder may name instead of it."""
    parents: dict[str, str | None] = {}
    for region in page.iter("{*}TextRegion"):
        parent = region.getparent()
        while parent is not None and not (
            _local(parent.tag).endswith("Region") and parent.get("id")
        ):
            parent = parent.getparent()
        parents[region.get("id")] = parent.get("id") if parent is not None else None
    return parents


_READING_ORDER_PARTS = ("Region", "Ordered", "Unordered")


def _page_reading_order(page: Any) -> list[str]:
    """Region ids in the order of the page's ReadingOrder; those of unordered groups in
    the file's order. Empty where there is no ordered group at all."""
    reading = next(page.iterchildren("{*}ReadingOrder"), None)
    if reading is None:
        return []
    order: list[str] = []
    ordered = False

    def walk(group: Any) -> None:
        nonlocal ordered
        name = _local(group.tag)
        if group.get("regionRef"):
            order.append(group.get("regionRef"))
        children = [c for c in group if _local(c.tag).startswith(_READING_ORDER_PARTS)]
        if name.startswith("OrderedGroup"):
            ordered = ordered or len(children) > 1
            children.sort(key=lambda c: _index(c))
        for child in children:
            if _local(child.tag).startswith("RegionRef"):
                order.append(child.get("regionRef"))
            else:
                walk(child)

    for group in reading:
        if _local(group.tag) in ("OrderedGroup", "UnorderedGroup"):
            walk(group)
    return list(dict.fromkeys(r for r in order if r)) if ordered else []


def _index(element: Any) -> float:
    value = element.get("index")
    try:
        return float(value) if value is not None else math.inf
    except ValueError:
        raise DecodeError(
            f"the PAGE file has a reading order entry (line {element.sourceline}) "
            f"whose index is not a number: {_show(value)}"
        ) from None


def _page_coords(element: Any) -> tuple[Point, ...] | None:
    coords = next(element.iterchildren("{*}Coords"), None)
    if coords is None:
        return None
    if coords.get("points") is not None:
        return _points(coords.get("points"), coords, "PAGE")
    # The 2009 and 2010 schemas give Point children instead of a points attribute.
    points = [
        (_xml_number(p, "x", "PAGE"), _xml_number(p, "y", "PAGE"))
        for p in coords.iterchildren("{*}Point")
    ]
    if len(points) < 3:
        raise DecodeError(f"the PAGE file has Coords (line {coords.sourceline}) of too few points")
    return tuple(points)


def _page_text(element: Any) -> tuple[str, float | None] | None:
    """The element's own TextEquiv: the first by index, as (text, conf)."""
    equivs = list(element.iterchildren("{*}TextEquiv"))
    if not equivs:
        return None
    equiv = min(equivs, key=_index)
    unicode = next(equiv.iterchildren("{*}Unicode"), None)
    text = "".join(unicode.itertext()) if unicode is not None else ""
    return text, _optional_number(equiv, "conf", "PAGE")


def _page_line(element: Any, region: Any) -> OcrLine | None:
    words: list[tuple[str, float | None]] = []
    for word in element.iterchildren("{*}Word"):
        own = _page_text(word)
        glyphs = [g for g in (_page_text(g) for g in word.iterchildren("{*}Glyph")) if g]
        if own is None and glyphs:
            own = ("".join(t for t, _ in glyphs), _mean([c for _, c in glyphs]))
        if own is not None:
            words.append((own[0].strip(), own[1]))
    line_text = _page_text(element)
    if line_text is not None and line_text[0].strip():
        text, confidence = line_text[0], line_text[1]
    else:
        text, confidence = join_words(w for w, _ in words), None
    if confidence is None:
        confidence = _mean([c for _, c in words])
    text = " ".join(text.split())
    if not text:
        return None
    points = _page_coords(element)
    if points is None:
        where = f"the PAGE file has a TextLine (line {element.sourceline})"
        raise DecodeError(f"{where} without Coords")
    box = Box.around(points)
    direction = element.get("readingDirection") or (
        region.get("readingDirection") if region is not None else None
    )
    vertical = direction in ("top-to-bottom", "bottom-to-top") or _is_vertical(box, text)
    return OcrLine(
        text=text,
        box=box,
        quad=points,
        confidence=_confidence(confidence),
        page=0,
        region=region.get("id") if region is not None else None,
        vertical=vertical,
        words=tuple((w, _confidence(c)) for w, c in words)
        if any(c is not None for _, c in words)
        else (),
    )


# --- hOCR -------------------------------------------------------------------------------

_HOCR_LINES = frozenset({"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
_HOCR_REGIONS = ("ocr_par", "ocr_carea")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)


def _read_hocr(data: bytes) -> list[OcrPage]:
    start = data[:65536].lower().find(b"<html")
    if _ENTITY_DECLARATION.search(data[:start] if start > 0 else data[:4096]):
        raise DecodeError("the hOCR file declares XML entities, which are refused")
    tail = data[-4096:].lower()
    if (b"<html" in data[:4096].lower() and b"</html" not in tail) or (
        b"<body" in data[:65536].lower() and b"</body" not in tail
    ):
        lines = data.rstrip().count(b"\n") + 1
        raise DecodeError(f"the hOCR file is cut short at line {lines}")
    encoding: str | None = "utf-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        encoding = None  # the parser goes by the file's own meta charset
    parser = lxml.html.HTMLParser(
        encoding=encoding, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise DecodeError(f"the hOCR file cannot be parsed: {_one_line(str(error))}") from None
    found = [
        (element, _hocr_props(element))
        for element in root.iter()
        if "ocr_page" in _classes(element)
    ]
    numbered = all("ppageno" in props for _, props in found)
    if numbered:
        found.sort(key=lambda item: _hocr_int(item[0], item[1], "ppageno"))
    pages = []
    for number, (element, props) in enumerate(found):
        pages.append(_hocr_page(element, props, number))
    return pages


def _classes(element: Any) -> list[str]:
    value = element.get("class") if isinstance(element.tag, str) else None
    return value.split() if value else []


def _hocr_props(element: Any) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {}
    for part in (element.get("title") or "").split(";"):
        fields = part.split()
        if fields:
            props[fields[0]] = fields[1:]
    return props


def _hocr_where(element: Any) -> str:
    kind = next((c for c in _classes(element) if c.startswith("ocr")), element.tag)
    return f"the hOCR file has an {kind} (line {element.sourceline})"


def _hocr_int(element: Any, props: dict[str, list[str]], key: str) -> float:
    values = props[key]
    try:
        return float(values[0])
    except (IndexError, ValueError):
        raise DecodeError(
            f"{_hocr_where(element)} whose {key} is not a number: {_show(' '.join(values))}"
        ) from None


def _hocr_bbox(element: Any, props: dict[str, list[str]]) -> Box | None:
    if "bbox" not in props:
        return None
    values = props["bbox"]
    try:
        numbers = [float(v) for v in values]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise DecodeError(
            f"{_hocr_where(element)} whose bbox is not four numbers: {_show(' '.join(values))}"
        )
    if not all(map(_on_page, numbers)):
        raise DecodeError(
            f"{_hocr_where(element)} whose bbox is far beyond any page: {_show(' '.join(values))}"
        )
    return Box(*numbers)


def _hocr_page(element: Any, props: dict[str, list[str]], number: int) -> OcrPage:
    lines: list[OcrLine] = []
    regions: dict[Any, str] = {}
    for line_element in element.iter():
        classes = _classes(line_element)
        if not _HOCR_LINES.intersection(classes):
            continue
        line = _hocr_line(line_element, number, _hocr_region(line_element, element, regions))
        if line is not None:
            lines.append(line)
    size = _hocr_bbox(element, props)
    width, height = (size.x1, size.y1) if size is not None else _extent(lines)
    return OcrPage(width, height, tuple(lines), order_given=False)


def _hocr_region(line: Any, page: Any, regions: dict[Any, str]) -> str | None:
    """The id of the nearest paragraph or area around the line that has one, else a name
    made up for the nearest of them."""
    nearest = None
    parent = line.getparent()
    while parent is not None and parent is not page:
        if any(kind in _classes(parent) for kind in _HOCR_REGIONS):
            if parent.get("id"):
                return str(parent.get("id"))
            if nearest is None:
                nearest = parent
        parent = parent.getparent()
    if nearest is None:
        return None
    if nearest not in regions:
        regions[nearest] = f"region_{len(regions) + 1}"
    return regions[nearest]


def _hocr_line(element: Any, page: int, region: str | None) -> OcrLine | None:
    words: list[tuple[str, float | None]] = []
    boxes: list[Box] = []
    for word in element.iter():
        if "ocrx_word" not in _classes(word):
            continue
        props = _hocr_props(word)
        text = " ".join(word.text_content().split())
        conf = _hocr_int(word, props, "x_wconf") if "x_wconf" in props else None
        words.append((text, _confidence(conf, 100.0)))
        box = _hocr_bbox(word, props)
        if box is not None:
            boxes.append(box)
    text = join_words(w for w, _ in words) if words else " ".join(element.text_content().split())
    if not text:
        return None
    props = _hocr_props(element)
    box = _hocr_bbox(element, props)
    if box is None:
        if not boxes:
            raise DecodeError(f"{_hocr_where(element)} without a bbox")
        box = boxes[0]
        for other in boxes[1:]:
            box = box.union(other)
    angle = _hocr_int(element, props, "textangle") if "textangle" in props else 0.0
    # hOCR's baseline: a polynomial from the box's bottom left corner, highest power
    # first (Tesseract writes the slope and the offset): the slope is the coefficient
    # before the offset; a lone number is an offset alone.
    slope = _first_number(props.get("baseline", [])[-2:-1])
    confidences = [c for _, c in words]
    return OcrLine(
        text=text,
        box=box,
        quad=_slanted(box, slope),
        confidence=_mean(confidences),
        page=page,
        region=region,
        vertical=_is_vertical(box, text) or abs(abs(angle % 180) - 90) < 20,
        words=tuple(words) if any(c is not None for c in confidences) else (),
    )
