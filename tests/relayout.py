"""Re-typeset labelled pages in other OCR layouts, to test that the engine is general.

A layout fixes the column width, how indents survived OCR, where blank lines fall, the line
ends and the encoding. `render` prints a labelled page in it the way a newspaper and an OCR
program would: paragraphs wrapped at the column with a two-character first-line indent,
closing marks allowed to hang past the column, headings and end matter wrapped, datelines
and jump markers inline or on their own lines, headlines where the page put them.
"""

from __future__ import annotations

import copy
import random
import re
from dataclasses import dataclass, replace

from reader.core.lines import PAIR_FIRST as _PAIR_FIRST
from reader.core.lines import PAIR_SECOND as _PAIR_SECOND
from reader.core.text import NO_LINE_START

_OPENING = frozenset("“‘（《「『【")


@dataclass(frozen=True)
class Layout:
    width: int = 20  # characters per column line
    indent: str = "stripped"  # "stripped", "fullwidth" or "ascii"
    # "every", "paragraph", "none", or "double": a blank line after every line and two
    # between paragraphs
    blank: str = "every"
    newline: str = "\n"
    encoding: str = "utf-8"
    ocr_spaces: bool = False  # OCR's spaces around half-width runs: "2024年 5月"
    vary: int = 0  # each article's column differs from `width` by up to this much
    inline_dateline: bool = True
    inline_jump: bool = True
    # Curly quotes set as Latin glyphs, one cell wide, as some papers print them
    narrow_quotes: bool = False
    # Wrapped by a count of characters, as a program re-wrapping text does, not in cells
    by_characters: bool = False
    # Share of line ends inside a block where OCR left a blank line anyway, as it does
    # where a paragraph goes on past a column or a text region ("paragraph" and "none")
    stray_blanks: float = 0.0

    def describe(self) -> str:
        nl = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[self.newline]
        return (
            f"w{self.width}±{self.vary} {self.indent} blank={self.blank} {nl} {self.encoding}"
            f"{' spaces' if self.ocr_spaces else ''}"
            f"{' narrow-quotes' if self.narrow_quotes else ''}"
            f"{' by-characters' if self.by_characters else ''}"
            f"{f' stray-blanks {self.stray_blanks:.0%}' if self.stray_blanks else ''}"
        )


_QUOTES = frozenset("“”‘’")


def cells(c: str, prev: str = "", narrow_quotes: bool = False) -> int:
    """Cells a character takes after `prev` on a line ("" at the start of a line).

    Typesetting squeezes an opening mark at the start of a line, and one of two marks set
    side by side (。” ，“), into half a cell each. With `narrow_quotes` curly quotes are
    one cell anywhere, and a mark beside one is not squeezed.
    """
    if c.isascii():
        return 1
    if narrow_quotes:
        if c in _QUOTES:
            return 1
        if prev in _QUOTES:
            prev = "x"  # nothing to squeeze against
    if not prev and c in _OPENING:
        return 1
    if prev and prev in _PAIR_FIRST and c in _PAIR_SECOND:
        return 1
    if prev and prev in "。，、；：！？" and c in "，。、；：！？":
        return 1
    return 2


def wrap(text: str, width: int, indent: int = 0, narrow_quotes: bool = False) -> list[str]:
    """Greedy wrap at `width` characters (2 cells each), the first line `indent` chars in.

    A closing mark that would start a line hangs at the end of the previous one; an opening
    mark never ends a line.
    """
    limit = 2 * width
    lines: list[str] = []
    cur = ""
    used = 2 * indent
    for c in text:
        w = cells(c, cur[-1] if cur else "", narrow_quotes)
        if cur and used + w > limit and c not in NO_LINE_START:
            carry = ""
            while cur and cur[-1] in _OPENING:
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur = carry
            used = sum(cells(x, cur[k - 1] if k else "", narrow_quotes) for k, x in enumerate(cur))
            w = cells(c, cur[-1] if cur else "", narrow_quotes)
        cur += c
        used += w
    if cur:
        lines.append(cur)
    return lines


def wrap_characters(text: str, width: int, indent: int = 0) -> list[str]:
    """Wrap at `width` characters whatever their width, the first line `indent` in; a
    closing mark that would start a line hangs at the end of the one before."""
    lines: list[str] = []
    cur = ""
    room = width - indent
    for c in text:
        if len(cur) >= room and c not in NO_LINE_START:
            lines.append(cur)
            cur, room = "", width
        cur += c
    if cur:
        lines.append(cur)
    return lines


_HALF_RUN = re.compile(r"(?<=[\u4e00-\u9fff])([0-9A-Za-z.%/+-]+)(?=[\u4e00-\u9fff])")


def ocr_spaces(text: str) -> str:
    """Spaces around half-width runs inside Chinese text, as OCR reads the gaps."""
    return _HALF_RUN.sub(r" \1 ", text)


_HALF_WIDTH = str.maketrans("，：；？！（）", ",:;?!()")


def halfwidth_punctuation(gold: dict) -> dict:
    """The labelled page as OCR that reads ，：；？！（） as , : ; ? ! ( ) gives it: render
    this and score against it."""
    out = copy.deepcopy(gold)
    for article in out["articles"]:
        for key in ("kicker", "title", "subtitle", "byline"):
            if article.get(key):
                article[key] = article[key].translate(_HALF_WIDTH)
        for item in (*article["blocks"], *article["outline"]):
            item["text"] = item["text"].translate(_HALF_WIDTH)
    return out


def _head_lines(article: dict) -> list[list[str]]:
    out = []
    for key in ("kicker", "title", "subtitle", "byline"):
        if article.get(key):
            out.append([article[key]])
    return out


def render_lines(gold: dict, layout: Layout, seed: int = 0) -> list[list[str]]:
    """The page as groups of printed lines; a group is one block (blank lines go between
    groups when the layout puts them only between paragraphs)."""
    rng = random.Random(seed)
    top: list[list[str]] = []
    groups: list[list[str]] = []
    for article in gold["articles"]:
        width = layout.width + (rng.randint(-layout.vary, layout.vary) if layout.vary else 0)
        width = max(10, width)
        head = _head_lines(article)
        where = article.get("head_at", "before")
        if where == "page_top":
            top.extend(head)
        elif where == "before":
            groups.extend(head)
        body: list[list[str]] = []
        noise: list[list[str]] = []
        pending_jump = ""
        for block in article["blocks"]:
            kind, text = block["kind"], block["text"]
            if layout.ocr_spaces and kind in ("paragraph", "question") and not layout.by_characters:
                text = ocr_spaces(text)
            if kind == "noise":
                # Furniture listed before an article's body is the page's running head.
                (noise if body else top).append([text])
            elif kind == "jump" and layout.inline_jump and text.startswith("（上接"):
                pending_jump = text + " "
            elif kind == "dateline" and layout.inline_dateline and body:
                body[-1][-1] = body[-1][-1] + " " + text
            elif kind in ("paragraph", "question"):
                if layout.by_characters:
                    # OCR reads its spaces into the lines after they were wrapped.
                    lines = wrap_characters(text, width, indent=2)
                    if layout.ocr_spaces:
                        lines = [ocr_spaces(line) for line in lines]
                else:
                    lines = wrap(text, width, indent=2, narrow_quotes=layout.narrow_quotes)
                if pending_jump:
                    lines[0] = pending_jump + lines[0]
                    pending_jump = ""
                if layout.indent == "fullwidth":
                    lines[0] = "\u3000\u3000" + lines[0]
                elif layout.indent == "ascii":
                    lines[0] = "    " + lines[0]
                body.append(lines)
            elif kind in ("heading", "end", "caption"):
                if layout.by_characters:
                    body.append(wrap_characters(text, width))
                else:
                    body.append(wrap(text, width, narrow_quotes=layout.narrow_quotes))
            else:
                body.append([text])
        groups.extend(body)
        if where == "after":
            groups.extend(head)
        groups.extend(noise)
    return top + groups


def render(gold: dict, layout: Layout, seed: int = 0) -> bytes:
    groups = render_lines(gold, layout, seed)
    stray = random.Random(seed + 7919) if layout.stray_blanks else None
    out: list[str] = []
    for group in groups:
        for k, line in enumerate(group):
            out.append(line)
            inside = stray is not None and k < len(group) - 1
            if layout.blank in ("every", "double") or (
                inside and stray.random() < layout.stray_blanks  # type: ignore[union-attr]
            ):
                out.append("")
        if layout.blank in ("paragraph", "double"):
            out.append("")
    text = layout.newline.join(out) + layout.newline
    return text.encode(layout.encoding)


def layouts(count: int, seed: int = 7) -> list[Layout]:
    """A spread of layouts: every width from 10 to 35, each habit in turn. Indent,
    blank-line and line-end habits take every combination within 27 layouts; OCR's spaces,
    varied columns, inline datelines and jumps, narrow quotes and wrapping by a count of
    characters come at random."""
    rng = random.Random(seed)
    base = Layout()
    out = []
    indents = ["stripped", "fullwidth", "ascii"]
    blanks = ["every", "paragraph", "none"]
    newlines = ["\n", "\r\n", "\r"]
    encodings = ["utf-8", "gb18030", "utf-8-sig", "utf-16"]
    for k in range(count):
        out.append(
            replace(
                base,
                width=10 + (k * 7) % 26,
                indent=indents[k % 3],
                blank=blanks[(k // 3) % 3],
                newline=newlines[(k // 9) % 3],
                encoding=encodings[k % 4],
                ocr_spaces=rng.random() < 0.5,
                vary=rng.choice([0, 0, 2, 4]),
                inline_dateline=rng.random() < 0.5,
                inline_jump=rng.random() < 0.5,
                narrow_quotes=rng.random() < 0.5,
                by_characters=rng.random() < 0.1,
            )
        )
    return out
