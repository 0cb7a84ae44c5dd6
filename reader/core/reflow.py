"""Content lines to blocks: rejoin printed lines into paragraphs, headings and the rest.

Every decision between two neighbouring lines is a join or a break with a reason, so the
result can explain itself (`ocr-reader export --explain`). The signals, strongest first:

* what a line says it is (a byline, end matter, a numbered heading...);
* kept indents, or blank lines when the file uses them only between paragraphs;
* whether a line ends a sentence;
* line widths against the local column width: a paragraph's last line is usually short,
  and its first line is about two characters short when OCR stripped the indent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.lines import Line, runin_label
from reader.core.model import Block, Decision
from reader.core.text import despace_cjk_spaced, ends_sentence, join_lines

# Marks that always stand on their own line and start a block of their own.
_BREAK_BEFORE = frozenset(
    ("byline", "end", "jump", "dateline", "subtitle", "question", "answer", "noise", "notice")
)
_MARK_NAMES = {
    "byline": "a byline",
    "end": "end matter",
    "jump": "a jump marker",
    "dateline": "a dateline",
    "subtitle": "a subtitle",
    "question": "a question",
    "answer": "an answer",
    "noise": "page furniture",
    "notice": "a notice headline",
}
# Block kinds that never take a second line (end matter may wrap; see _end_open).
_SINGLE = frozenset(("byline", "jump", "dateline", "noise", "subtitle", "notice"))
# A standalone line this long or shorter, with no sentence punctuation, is headline-like.
STANDALONE_MAX_CHARS = 34


@dataclass(frozen=True, slots=True)
class Habits:
    """How this file was written out by OCR, read from its own statistics."""

    blank: str  # "every" (blank lines mean nothing), "paragraph" or "none"
    indents: bool  # paragraph indents were kept as leading spaces


@dataclass(slots=True)
class RawBlock:
    kind: str
    lines: list[Line] = field(default_factory=list)
    style: int = 0
    label: int = 0

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    def text(self) -> str:
        out = ""
        for line in self.lines:
            out = join_lines(out, line.text)
        return out


def read_habits(lines: list[Line]) -> Habits:
    n = len(lines)
    if n < 2:
        return Habits("none", False)
    gaps = sum(1 for line in lines[1:] if line.gap)
    ratio = gaps / (n - 1)
    blank = "every" if ratio >= 0.7 else "none" if ratio < 0.04 else "paragraph"
    indented = sum(1 for line in lines if line.indent >= 2)
    return Habits(blank, 0.04 <= indented / n <= 0.75 and indented >= 2)


def _estimate(values: list[int]) -> int:
    """Column width from a window of line widths: the upper quartile.

    A window holds full lines, a short first line and short last lines; the upper
    quartile is the full width without the odd line that hangs a mark past the column.
    """
    values.sort(reverse=True)
    return values[len(values) // 4] if len(values) >= 3 else values[0]


class ColumnWidths:
    """The column width around each line, estimated from the lines before it (`back`) and
    the lines after it (`fwd`), each over `window` lines.

    fwd(i) looks at the same window as back(i + window + 1), so each window is estimated
    at most once, and only when a decision needs it: most lines end mid-sentence and are
    joined without looking at widths at all.
    """

    def __init__(self, lines: list[Line], window: int = 8) -> None:
        self.window = window
        self.n = len(lines)
        self.usable = [
            line.width if (line.mark in ("", "answer") and line.width >= 12) else 0
            for line in lines
        ]
        full = sorted(w for w in self.usable if w)
        self.fallback = full[len(full) * 3 // 4] if full else 40
        self._est: dict[int, int | None] = {}

    def _window(self, j: int) -> int | None:
        """Upper quartile of the usable widths in usable[j - window : j]."""
        if j in self._est:
            return self._est[j]
        values = self.usable[max(0, j - self.window) : j]
        count = len(values) - values.count(0)  # unusable lines are 0 and sort last
        result: int | None = None
        if count >= 2:
            values.sort(reverse=True)
            result = values[count // 4] if count >= 3 else values[0]
        self._est[j] = result
        return result

    def back(self, i: int) -> int:
        b = self._window(i)
        if b is not None:
            return b
        f = self._window(i + self.window + 1) if i + 1 < self.n else None
        return f if f is not None else self.fallback

    def fwd(self, i: int) -> int:
        f = self._window(i + self.window + 1) if i + 1 < self.n else None
        if f is not None:
            return f
        b = self._window(i)
        return b if b is not None else self.fallback


def _kind_of(line: Line) -> tuple[str, int, int]:
    mark = line.mark
    if mark == "heading":
        return "heading", line.style, line.label
    if mark in ("", "answer"):
        return "paragraph", 0, 0
    return mark, 0, 0


def _end_open(block: RawBlock) -> bool:
    """End matter in brackets that OCR wrapped before its closing bracket."""
    if block.first.text[:1] not in "（(":
        return False
    text = "".join(line.text for line in block.lines)
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def unpunctuated(text: str) -> bool:
    """No mark that a title, subhead or heading tail would not carry."""
    return not any(c in _BODY_PUNCT for c in text)


_BODY_PUNCT = frozenset("。！？!?…，,；;：:、")


def _headline_like(line: Line, col: int, nxt: Line | None, fwd: int) -> bool:
    """A short unpunctuated line that stands on its own: a title, subhead or kicker.

    It must be clearly shorter than even an indent-stripped first line, or be followed by
    a line that is itself an indent-stripped first line.
    """
    if line.mark != "" or not unpunctuated(line.text):
        return False
    if line.width <= col - 10:
        return True
    if nxt is None or nxt.mark != "":
        return True
    # Were it a paragraph's first line, the line after it would be full, not another
    # indent-stripped first line.
    return line.width <= fwd - 3 and not nxt.ends and 4 <= fwd - nxt.width <= 8


class Reflow:
    """Decides, line by line, where blocks begin, and records why."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.habits = read_habits(lines)
        self.columns = ColumnWidths(lines)
        self.decisions: list[Decision] = []

    def run(self) -> list[RawBlock]:
        blocks: list[RawBlock] = []
        cur: RawBlock | None = None
        for i, line in enumerate(self.lines):
            if cur is not None:
                join, reason = self._decide(cur, i)
                self.decisions.append(
                    Decision(self.lines[i - 1].idx, "join" if join else "break", reason)
                )
                if join:
                    cur.lines.append(line)
                    continue
                blocks.append(cur)
            kind, style, label = _kind_of(line)
            cur = RawBlock(kind, [line], style, label)
        if cur is not None:
            blocks.append(cur)
        return blocks

    def _decide(self, cur: RawBlock, i: int) -> tuple[bool, str]:
        a, b = self.lines[i - 1], self.lines[i]
        habits = self.habits
        if a.idx == b.idx:
            return False, f"split: the line holds a {b.mark or a.mark or 'second part'}"
        if b.mark == "noise" or cur.kind == "noise":
            return False, "page furniture stands alone"
        if cur.kind == "end" and _end_open(cur) and b.mark in ("", "heading"):
            return True, "end matter continues to its closing bracket"
        if (
            b.mark == "subtitle"
            and not a.ends
            and not (len(cur.lines) == 1 and unpunctuated(a.text) and cur.kind == "paragraph")
        ):
            b.mark = ""  # a dash that wrapped to the start of a line, mid-sentence
        if b.mark in _BREAK_BEFORE:
            return False, f"next line is {_MARK_NAMES.get(b.mark, b.mark)}"
        if cur.kind in _SINGLE or cur.kind == "end":
            return False, f"{_MARK_NAMES.get(cur.kind, cur.kind)} stands alone"
        columns = self.columns
        if b.mark == "heading":
            if (
                a.ends
                or a.soft
                or a.text.endswith(("：", ":"))
                or cur.kind in ("heading", "question")
            ):
                return False, "next line starts with a heading number"
            if a.width <= columns.back(i - 1) - 4:
                return False, "short line, then a numbered line"
            return True, "line ends mid-sentence, so the number continues it"
        if cur.kind == "heading":
            return self._heading_continues(cur, a, b, i)
        if cur.kind == "question":
            if a.ends:
                return False, "the question ends"
            return True, "the question continues"
        if habits.indents:
            if b.indent >= 2:
                return False, "next line is indented"
            if a.ends and a.width <= columns.back(i - 1) - 6:
                return False, "short line ends a sentence"
            return True, "next line is not indented"
        if habits.blank == "paragraph":
            if b.gap:
                return False, "a blank line separates paragraphs"
            if len(cur.lines) == 1 and self._stands_alone(a, b, i):
                return False, "short line without punctuation stands alone"
            return True, "no blank line between the lines"
        if not a.ends:
            if len(cur.lines) == 1 and self._stands_alone(a, b, i):
                return False, "short line without punctuation stands alone"
            return True, "line ends mid-sentence"
        back, fwd = columns.back(i - 1), columns.fwd(i)
        first_of_para = len(cur.lines) == 1 and cur.kind == "paragraph"
        expected = back - 4 if first_of_para else back
        if a.width <= expected - 4:
            return False, "short line ends a sentence"
        if b.mark == "" and unpunctuated(b.text) and b.width <= fwd - 8:
            return False, "next line is short and unpunctuated: a headline or subhead"
        short_a, short_b = expected - a.width, fwd - b.width
        if not b.ends and 3 <= short_b <= 8:
            return False, "next line is two characters short: its indent was stripped"
        if not b.ends and short_b <= 8 and short_a + short_b >= 4:
            return False, "both lines fall short of the column: one paragraph ends, one begins"
        return True, "full line; the next one continues the paragraph"

    def _stands_alone(self, a: Line, b: Line, i: int) -> bool:
        if a.mark != "" or not unpunctuated(a.text):
            return False
        back, fwd = self.columns.back(i - 1), self.columns.fwd(i)
        return _headline_like(a, min(back, fwd), b, fwd)

    def _heading_continues(self, cur: RawBlock, a: Line, b: Line, i: int) -> tuple[bool, str]:
        """After a numbered line: a heading that ends or wraps, or a paragraph going on."""
        if a.ends or len(cur.lines) >= 3:
            return False, "a heading ends at its line end"
        back, fwd = self.columns.back(i - 1), self.columns.fwd(i)
        full = a.width >= back - 4
        c = self.lines[i + 1] if i + 1 < len(self.lines) else None
        # A paragraph's first line is followed by a full line; a heading tail is not.
        b_first = c is not None and c.mark == "" and c.width >= fwd - 2 and b.width >= fwd - 7
        # A run-in line goes on with full lines; a heading with a colon wraps onto a tail.
        tail_ok = not a.label or b.width <= fwd - 4
        if full and b.mark == "" and unpunctuated(b.text) and not b_first and tail_ok:
            return True, "heading wraps onto an unpunctuated line"
        if not a.label and b.mark == "" and runin_label(a.text + b.text) > len(a.text):
            cur.kind = "paragraph"
            return True, "run-in heading: its label wraps onto the next line"
        if len(cur.lines) == 1 and b.mark == "":
            first_like = a.width >= back - 7
            after_label = a.text[a.label :] if a.label else ""
            if a.label and (not unpunctuated(after_label) or first_like):
                cur.kind = "paragraph"
                return True, "run-in heading: the paragraph goes on after the colon"
            if any(c in "。！？!?" for c in a.text):
                cur.kind = "paragraph"
                return True, "numbered paragraph goes on"
        return False, "a heading ends short of the column"


def finish(raw: RawBlock) -> Block:
    """A raw block as a model block, its kind settled and its text clean."""
    text = raw.text()
    kind = raw.kind
    if kind == "heading" and raw.label and not ends_sentence(text):
        raw.label = 0  # "一、理念革新：构建基层党建新思维" is a heading, colon and all
    elif kind == "heading" and (raw.label or ends_sentence(text)):
        kind = "paragraph"
    if kind == "byline":
        text = clean_byline(text)
    elif kind == "notice" or (kind == "paragraph" and not raw.label and is_standalone_text(text)):
        kind = "standalone"
        text = despace_cjk_spaced(text)
    block = Block(kind=kind, text=text, first=raw.first.idx, last=raw.last.idx, label=raw.label)
    if kind == "heading" or raw.label:
        block.level = raw.style
    return block


def is_standalone_text(text: str) -> bool:
    return len(text) <= STANDALONE_MAX_CHARS and unpunctuated(text)


def clean_byline(text: str) -> str:
    """'□ 赵 婷' -> '□ 赵婷': names spread to align with longer ones are closed up."""
    marker = text[:1] if text[:1] in "□■◇◆▢☐▲△●○" else ""
    rest = text[len(marker) :].strip()
    rest = despace_cjk_spaced(rest)
    return f"{marker} {rest}" if marker else rest


def reflow(lines: list[Line]) -> tuple[list[Block], list[Decision], Habits]:
    engine = Reflow(lines)
    raw = engine.run()
    return [finish(r) for r in raw], engine.decisions, engine.habits
