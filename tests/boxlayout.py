"""Typeset labelled pages as an OCR program's boxes, to test the reading from geometry.

`tests/relayout.py` prints a labelled page as plain text in other layouts; this prints it
as a newspaper page and then as PaddleOCR's JSON of it (an archive's `ocr_results`):
articles one under another, each with its headline centred over its columns in large
type and its body flowed down two to four columns, paragraphs with a two-character
first-line indent, a box per printed line. What OCR does to such a page is done too: the
boxes' edges jitter, some rows of neighbouring columns come out merged into one box, and
the lines are listed row by row across the page, as PaddleOCR lists them.

The engine then reads the JSON, and is scored on the page's labels as with plain text.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass

from tests.relayout import wrap

_HEAD_SIZES = {"kicker": 0.6, "title": 1.0, "subtitle": 0.45, "byline": 0.0}
LEFT = 100.0  # the page's left margin, pixels
GUTTER = 1.5  # between columns, in characters


@dataclass(frozen=True)
class BoxLayout:
    columns: int = 3  # body columns of each article
    width: int = 18  # characters per column line
    pitch: float = 32.0  # pixels per character of body type
    headline: float = 2.2  # the title's size, in body sizes
    jitter: float = 0.1  # standard deviation of a box edge, in characters
    merge: float = 0.0  # share of rows whose lines in two neighbouring columns merge

    def describe(self) -> str:
        return (
            f"{self.columns} col × {self.width} chars, headline ×{self.headline:.1f}, "
            f"jitter {self.jitter:.2f}, merged {self.merge:.0%}"
        )


@dataclass
class _Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def _cells(text: str) -> float:
    """Width in characters: Chinese characters one, Latin letters and digits a half."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def _body_lines(article: dict, width: int) -> list[tuple[str, int]]:
    """The article's body as printed lines with their indents (characters)."""
    out: list[tuple[str, int]] = []
    for block in article["blocks"]:
        kind, text = block["kind"], block["text"]
        if kind == "noise":
            continue
        if kind in ("paragraph", "question", "heading"):
            lines = wrap(text, width, indent=2)
            out += [(line, 2 if k == 0 else 0) for k, line in enumerate(lines)]
        else:
            out += [(line, 0) for line in wrap(text, width)]
    return out


def typeset(gold: dict, layout: BoxLayout, seed: int = 0) -> list[_Line]:
    """The page's printed lines with their boxes, in reading order."""
    rng = random.Random(seed)
    p = layout.pitch
    body_h = 1.0 * p
    step = 1.45 * p
    gutter = GUTTER * p
    col_w = layout.width * p
    left = LEFT
    y = 100.0
    lines: list[_Line] = []
    furniture = [b["text"] for a in gold["articles"] for b in a["blocks"] if b["kind"] == "noise"]
    for text in furniture:  # the running head and the like, across the top
        lines.append(_Line(text, left, y, left + _cells(text) * p, y + body_h))
        y += step
    y += step
    for article in gold["articles"]:
        columns = max(1, min(layout.columns, 1 + len(article["blocks"]) // 2))
        span = columns * col_w + (columns - 1) * gutter
        for key in ("kicker", "title", "subtitle", "byline"):
            text = article.get(key)
            if not text:
                continue
            size = 1.0 + (layout.headline - 1.0) * _HEAD_SIZES[key]
            # a headline wider than the article is set over two lines
            per_line = max(4, int(span / (size * p)))
            for part in [text[k : k + per_line] for k in range(0, len(text), per_line)]:
                w = _cells(part) * size * p
                x0 = left + (span - w) / 2 if key != "byline" else left + span - w
                lines.append(_Line(part, x0, y, x0 + w, y + size * body_h))
                y += size * step
        y += 0.5 * step
        body = _body_lines(article, layout.width)
        rows = math.ceil(len(body) / columns) if body else 0
        for n, (text, indent) in enumerate(body):
            column, row = divmod(n, rows)
            x0 = left + column * (col_w + gutter) + indent * p
            top = y + row * step
            lines.append(_Line(text, x0, top, x0 + _cells(text) * p, top + body_h))
        y += rows * step + 1.5 * step
    for line in lines:  # the OCR program's boxes: padded, and their edges jitter
        line.x0 += rng.gauss(0, layout.jitter * p) - 0.15 * p
        line.x1 += rng.gauss(0, layout.jitter * p) + 0.15 * p
        line.y0 -= 0.15 * p
        line.y1 += 0.15 * p
    return lines


def _runs_to_its_end(line: _Line, layout: BoxLayout) -> bool:
    """Whether the line (the last of several merged, their right end) fills 0.8 of its
    column or more."""
    p = layout.pitch
    step = (layout.width + GUTTER) * p
    column_start = LEFT + ((line.x1 - LEFT) // step) * step
    return line.x1 - column_start >= 0.8 * layout.width * p


def _merged(lines: list[_Line], layout: BoxLayout, rng: random.Random) -> list[_Line]:
    """Lines side by side on one row (their tops within a fifth of a line) merged into
    one box, left to right, with the layout's probability for each neighbouring pair
    whose left line runs to its column's end, or nearly (0.8 of the column or more): an
    OCR detector joins text across a gutter, not across the whitespace after a
    paragraph's short last line. (On the real pages every merged box's left part is at
    least 0.8 of a line: 121 boxes, 12 pages.) The right line may be a paragraph's
    first, set in."""
    if not layout.merge:
        return lines
    rows: dict[int, list[_Line]] = {}
    for line in lines:
        rows.setdefault(round(line.y0 / (0.2 * layout.pitch)), []).append(line)
    out: list[_Line] = []
    for row in rows.values():
        row.sort(key=lambda line: line.x0)
        current = row[0]
        for line in row[1:]:
            if rng.random() < layout.merge and _runs_to_its_end(current, layout):
                current = _Line(
                    current.text + line.text,
                    current.x0,
                    min(current.y0, line.y0),
                    line.x1,
                    max(current.y1, line.y1),
                )
            else:
                out.append(current)
                current = line
        out.append(current)
    return out


def render_json(gold: dict, layout: BoxLayout, seed: int = 0) -> bytes:
    """The page as an archive's PaddleOCR JSON, its lines listed row by row."""
    rng = random.Random(seed + 1)
    lines = _merged(typeset(gold, layout, seed), layout, rng)
    lines.sort(key=lambda line: (round(line.y0 / (0.7 * layout.pitch)), line.x0))
    results = [
        {
            "text": line.text,
            "box": [
                [round(line.x0), round(line.y0)],
                [round(line.x1), round(line.y0)],
                [round(line.x1), round(line.y1)],
                [round(line.x0), round(line.y1)],
            ],
        }
        for line in lines
    ]
    height = max((line.y1 for line in lines), default=0) + 100
    width = max((line.x1 for line in lines), default=0) + 100
    page = {"ocr_results": results, "dimensions": {"width": round(width), "height": round(height)}}
    return json.dumps(page, ensure_ascii=False).encode("utf-8")


def box_layouts(count: int, seed: int = 11) -> list[BoxLayout]:
    """`count` layouts spread over columns, widths, headline sizes, jitter and merging."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        out.append(
            BoxLayout(
                columns=1 + n % 4,
                width=rng.randint(12, 26),
                pitch=rng.choice((24.0, 32.0, 44.0)),
                headline=rng.uniform(1.8, 3.2),
                jitter=rng.choice((0.0, 0.08, 0.15, 0.25)),
                merge=rng.choice((0.0, 0.0, 0.1, 0.3)),
            )
        )
    return out
