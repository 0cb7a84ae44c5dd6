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

import bisect
import functools
import itertools
import math
import operator
import re
from dataclasses import dataclass

from reader.core import rules as R
from reader.core.lines import (
    CREDIT_END,
    Lines,
    heading_number,
    is_caption,
    narrow_width,
    printed_width,
    runin_label,
)
from reader.core.model import Block, Decisions
from reader.core.text import (
    despace_cjk_spaced,
    ends_sentence,
    has_colon,
    has_sentence_mark,
    hyphenated_words,
    is_cjk_char,
    join_all,
    join_lines,
    unpunctuated,
)

_BREAK_BEFORE = frozenset(R.MARK_NAMES)
# Marks of lines that open an ordinary paragraph.
_PARAGRAPH_MARKS = frozenset(("", "answer", "lead"))
# Block kinds whose text runs on over line ends, unlike the marked one-liners.
_RUNNING = frozenset(("paragraph", "heading", "question"))
# Block kinds that never take a second line (end matter may wrap; see _end_open).
_SINGLE = frozenset(("byline", "jump", "dateline", "noise", "subtitle", "notice", "headline"))
# A standalone line this long or shorter, with no sentence punctuation, is headline-like.
STANDALONE_MAX_CHARS = 34
# The reporters named in brackets after a lead dateline: 新华社北京3月12日电（记者 …）.
_LEAD_CREDIT = re.compile(r"^[（(]\s*(本报|新华社|中新社)?(特约)?(记者|通讯员)")
# A short label and its value on one line: 联系电话：0358-8224567.
_LABEL_VALUE = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*\S")
# A Latin word hyphenated over the line end ("inter-"): the line goes on.
_BROKEN_WORD = re.compile(r"[A-Za-z][-¬]$")
_UNMENDED = re.compile(r"¬(?![^\W_])")
_LEAD_IN_LASTS = re.compile("[：:）)]")
# A line that is one bracketed aside, from its opening bracket to its closing one.
_ASIDE = re.compile(r"^[（(][^（()）]*[)）]$")
# Characters a headline's line does not end with, as they open a phrase that goes on
# (…的, …和, …对, …在): a headline wrapped in a narrow column.
_PHRASE_GOES_ON = frozenset("的和与及并对向把将在从以让使为被之或跟同给于")
_PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("‘", "’"), ("(", ")"))
# The formula that closes a notice or a letter, set as a paragraph of its own.
_CLOSING_FORMULA = re.compile(r"^特此(公告|声明|通知|说明|告知|函告|证明|致谢|通告|公示)[。！!.]?$")
# Marks that end a headline group, or open the body below it: the lines above them are
# its kicker and title.
_HEAD_ENDS = frozenset(("subtitle", "byline", "lead"))


_BLANK_HABITS = {
    "every": "a blank line after every line",
    "paragraph": "blank lines between paragraphs",
    "none": "no blank lines",
    "mixed": "blank lines differ by region",
}
_INDENT_HABITS = {
    True: "indents kept",
    False: "indents stripped",
    "mixed": "indents differ by region",
}


@dataclass(frozen=True, slots=True)
class Habits:
    """How this file was written out by OCR, read from its own statistics."""

    blank: str  # "every" (blank lines mean nothing), "paragraph" or "none"
    indents: bool  # paragraph indents were kept as leading spaces


@dataclass(slots=True)
class RawBlock:
    """A block being built: content lines start..end-1 and what they are so far."""

    kind: str
    start: int
    end: int
    style: int = 0
    label: int = 0
    display: bool = False  # opened by a line in headline type (text from boxes)

    def __len__(self) -> int:
        return self.end - self.start


def read_habits(lines: Lines) -> Habits:
    n = len(lines)
    if n < 2:
        return Habits("none", False)
    gaps = sum(lines.gap) - lines.gap[0]
    ratio = gaps / (n - 1)
    blank = "every" if ratio >= 0.7 else "none" if ratio < 0.04 else "paragraph"
    if blank == "every" and _breaks_only_paragraphs(lines, 0, n):
        blank = "paragraph"
    elif blank == "paragraph" and not _blanks_end_paragraphs(lines, 0, n):
        blank = "none"  # OCR's blank lines where paragraphs go on past a column
    return Habits(blank, _keeps_indents(_indented(lines.indent), n))


# Lines of running text ending mid-sentence with a blank line after them, as many as
# those without one or more, that tell a blank line after every line.
_SAYS_EVERY = 3


def _breaks_only_paragraphs(lines: Lines, start: int, end: int) -> bool:
    """Most lines of running text that end mid-sentence, among lines start..end-1, have
    no blank line after them: blank lines between paragraphs, however short the
    paragraphs. (Where a blank line follows every line, it follows those too; a few
    such blanks, where a paragraph goes on past a column, do not make it so.)
    Running text: unmarked, with a mark of punctuation in it (titles have none)."""
    gap, mark, ends, text = lines.gap, lines.mark, lines.ends, lines.text
    after = without = 0
    for k in range(start, min(end, len(lines) - 1)):
        if mark[k] or ends[k] or unpunctuated(text[k]):
            continue
        if gap[k + 1]:
            after += 1
            if after >= _SAYS_EVERY and after >= without:
                return False  # (where a blank line follows every line, soon said)
        else:
            without += 1
    return without > 0 and after < without


def _indented(indents: list[int]) -> int:
    """How many lines are indented by two cells or more."""
    return len(indents) - indents.count(0) - indents.count(1)


def _keeps_indents(indented: int, n: int) -> bool:
    """Paragraph indents survived where `indented` of `n` lines are indented: some are,
    but not nearly all (a margin OCR kept on every line says nothing)."""
    return 0.04 <= indented / n <= 0.75 and indented >= 2


# Marks that stand between articles: where one article ends and the next begins.
_ARTICLE_EDGES = frozenset(("byline", "end", "jump", "dateline", "notice"))
# A stretch must be this long, with this many sentence ends, to show a habit of its own.
_STRETCH_LINES = 12
_STRETCH_ENDS = 3


def local_indents(lines: Lines, edges: list[int], page: bool) -> list[bool] | None:
    """Whether indents were kept, by stretch between article edges (bylines, end matter,
    datelines...), where a stretch differs from the page, or None where none does.

    Articles OCR'd or pasted in separately keep their own habit: one whose indents were
    stripped on a page that otherwise keeps them, or the other way round. A stretch that
    keeps indents shows it as a page does; one that stripped them holds several sentence
    ends and no indented line at all.
    """
    n = len(lines)
    if not edges:
        return None
    local: list[bool] | None = None
    bounds = [0, *edges, n]
    for start, end in itertools.pairwise(bounds):
        size = end - start
        if size < _STRETCH_LINES:
            continue
        count = _indented(lines.indent[start:end])
        if page:
            kept = count > 0 or sum(lines.ends[start:end]) < _STRETCH_ENDS
        else:
            kept = _keeps_indents(count, size)
        if kept != page:
            if local is None:
                local = [page] * n
            local[start:end] = [kept] * size
    return local


def local_blank(lines: Lines, page: str, window: int = 10) -> list[str] | None:
    """The blank-line habit around each line, where the page mixes habits (articles OCR'd
    or pasted in separately), or None where one habit holds throughout.

    A line whose `window` lines before or after it nearly all follow blank lines sits in a
    region with a blank line after every line, whatever the page as a whole does; where
    neither side does, a page of that habit has a region without it. Likewise a stretch
    with no blank line on either side of a line, on a page that puts them between
    paragraphs, and one with several, on a page that has almost none.
    """
    n = len(lines)
    every = math.ceil(0.7 * window)
    # The common case first: a page of one habit where no `window` lines hold enough
    # exceptions to tip a window either way (lines after blank lines on a page without
    # them, or lines without one on a page with one after every line).
    if page != "paragraph":
        gap = lines.gap
        tip = 2 if page == "none" else window - every + 1
        if gap.count(page == "none") < tip:
            return None
        odd = gap if page == "none" else map(operator.not_, gap)
        found = list(itertools.compress(itertools.count(), odd))
        if min(map(operator.sub, found[tip - 1 :], found)) >= window:
            return None
    # Lines beyond the page's ends count as the page's habit, so every window is full.
    pad = [page == "every"] * window
    sums = [0, *itertools.accumulate([*pad, *lines.gap, *pad])]
    back = map(operator.sub, sums[window : window + n], sums[:n])
    fwd = map(
        operator.sub, sums[2 * window + 1 : 2 * window + 1 + n], sums[window + 1 : window + 1 + n]
    )
    # (A comprehension: the builtin max() of two numbers is slow to call.)
    most = [b if b >= f else f for b, f in zip(back, fwd, strict=True)]
    if page == "every":
        if min(most) >= every:
            return None
        return ["every" if m >= every else "paragraph" if m else "none" for m in most]
    # Beside blank lines between paragraphs, a stretch with none on either side; on a
    # page without them, a stretch with several.
    other, plain = ("none", 0) if page == "paragraph" else ("paragraph", 2)
    if max(most) < every and (min(most) > plain if page == "paragraph" else max(most) < plain):
        return None
    if page == "paragraph":
        local = ["every" if m >= every else other if m <= plain else page for m in most]
    else:
        local = ["every" if m >= every else other if m >= plain else page for m in most]
    # A stretch of short paragraphs with blank lines between them is not one with a
    # blank line after every line.
    for start, end in _runs(local, "every"):
        if _breaks_only_paragraphs(lines, start, end):
            local[start:end] = ["paragraph"] * (end - start)
    # On a page without blank lines, a stretch with several is one with blank lines
    # between paragraphs only where they follow paragraphs' ends; most of them after
    # lines that end mid-sentence are OCR's, where a paragraph goes on past a column.
    if page == "none":
        for start, end in _runs(local, "paragraph"):
            if not _blanks_end_paragraphs(lines, start, end):
                local[start:end] = [page] * (end - start)
    return local if local.count(page) < n else None


def _blanks_end_paragraphs(lines: Lines, start: int, end: int) -> bool:
    """Of the blank lines among lines start..end-1 that follow running text, at least
    half follow a line that ends a sentence. (Those after a line with no punctuation, a
    title or subhead as a rule, say nothing.)"""
    ends, text = lines.ends, lines.text
    start = max(start, 1)
    closing = inside = 0
    for k in itertools.compress(itertools.count(start), lines.gap[start:end]):
        if ends[k - 1]:
            closing += 1
        elif not unpunctuated(text[k - 1]):
            inside += 1
    return closing >= inside


def _runs(values: list[str], value: str) -> list[tuple[int, int]]:
    """The stretches start..end-1 where `values` holds `value`."""
    out = []
    for key, group in itertools.groupby(enumerate(values), key=lambda kv: kv[1] == value):
        if key:
            ks = [k for k, _ in group]
            out.append((ks[0], ks[-1] + 1))
    return out


_NO_ESTIMATE = 0  # a window with too few usable lines to estimate from


def _upper_quartile(values: list[int]) -> int:
    """Upper quartile of the values that are not 0, or _NO_ESTIMATE for fewer than two."""
    count = len(values) - values.count(0)
    values.sort()
    # Zeros sort first; the upper quartile counts down from the widest.
    return values[-1 - count // 4] if count >= 2 else _NO_ESTIMATE


def _window_end(edges: list[int], i: int, window: int, n: int) -> int:
    """Where `window` lines after line i end, or the article with them: at the next edge."""
    at = bisect.bisect_right(edges, i)
    return min(i + 1 + window, edges[at] if at < len(edges) else n)


class ColumnWidths:
    """The column width around each line, estimated from the lines before it (`back`) and
    the lines after it (`fwd`), each over `window` lines of the same article: a window
    stops at an article's edge (`edges`, bylines, end matter and the like), since the next
    article may be set in another column.

    Each window is estimated at most once, and only when a decision needs it: most lines
    end mid-sentence and are joined without looking at widths at all.
    """

    def __init__(self, lines: Lines, marked: list[int], edges: list[int], window: int = 8) -> None:
        self.window = window
        self.n = n = len(lines)
        self.edges = edges
        width = lines.width
        # Plain lines (and answers and leads) of at least 12 cells; anything else is 0.
        self.usable = [w if w >= 12 else 0 for w in width]
        for k in marked:
            if lines.mark[k] not in _PARAGRAPH_MARKS:
                self.usable[k] = 0
        # The same, of the lines that end in text: a mark at a line's end may hang past
        # the column, so those lines can be a character wider than it.
        self.text_ends = list(self.usable)
        for k in itertools.compress(itertools.count(), lines.hangs):
            self.text_ends[k] = 0
        # Estimates by line; None until estimated, and _NO_ESTIMATE where the window holds
        # too few usable lines.
        self._back: list[int | None] = [None] * (n + 1)
        self._fwd: list[int | None] = [None] * (n + 1)

    @functools.cached_property
    def fallback(self) -> int:
        """The page's upper quartile, for windows too sparse to say."""
        full = sorted(filter(None, self.usable))
        return full[len(full) * 3 // 4] if full else 40

    def _estimate(self, start: int, end: int) -> int:
        """The column over lines start..end-1, or _NO_ESTIMATE: the upper quartile of the
        usable widths, or of those of the lines ending in text where it comes within a
        character of it (the widest lines are wide by the marks hanging at their ends)."""
        every = _upper_quartile(self.usable[start:end])
        if every == _NO_ESTIMATE:
            return every
        text_ends = _upper_quartile(self.text_ends[start:end])
        return text_ends if text_ends >= every - 2 else every

    def _start(self, i: int) -> int:
        """Where the window before line i starts."""
        at = bisect.bisect_left(self.edges, i)
        return max(0, i - self.window, self.edges[at - 1] + 1 if at else 0)

    def _end(self, i: int) -> int:
        """Where the window after line i ends."""
        return _window_end(self.edges, i, self.window, self.n)

    def _before(self, i: int) -> int:
        result = self._back[i]
        if result is None:
            self._back[i] = result = self._estimate(self._start(i), i)
        return result

    def _after(self, i: int) -> int:
        result = self._fwd[i]
        if result is None:
            self._fwd[i] = result = self._estimate(i + 1, self._end(i))
        return result

    def _around(self, i: int) -> int:
        """Both windows and line i together: a short piece (a notice, a brief) may hold
        too few lines on either side alone, and the page's other columns say nothing."""
        return self._estimate(self._start(i), self._end(i))

    def back(self, i: int) -> int:
        return self._before(i) or self._after(i) or self._around(i) or self.fallback

    def fwd(self, i: int) -> int:
        return self._after(i) or self._before(i) or self._around(i) or self.fallback


# How far below its headline a notice's lines are looked at for labels.
_NOTICE_LINES = 40


def _keyed(lines: Lines, notices: list[int], edges: list[int]) -> set[int]:
    """Plain lines of a notice's body that open with a short label and its value
    (联系人：李先生, 地址：…), which a notice sets on lines of their own. A body runs from
    its headline (at `notices`) to the next article edge."""
    text, mark = lines.text, lines.mark
    keyed = set()
    for k in notices:
        for i in range(k + 1, _window_end(edges, k, _NOTICE_LINES, len(lines))):
            if mark[i] == "" and has_colon(text[i]) and _LABEL_VALUE.match(text[i]):
                keyed.add(i)
    return keyed


def _end_open(lines: Lines, block: RawBlock) -> bool:
    """End matter in brackets that OCR wrapped before its closing bracket."""
    if lines.text[block.start][:1] not in "（(":
        return False
    text = "".join(lines.text[block.start : block.end])
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _set_width(lines: Lines, b: int) -> int:
    """How wide the text is set at line b, which goes on: the wider of b and the plain
    line after it, indents included (b may be a first line, short by its indent)."""
    width, indent = lines.width, lines.indent
    here = width[b] + indent[b]
    c = b + 1
    if c < len(lines) and lines.mark[c] == "":
        return max(here, width[c] + indent[c])
    return here


_HALF = re.compile(r"[\x00-\x7f]")  # a half-width character


def _headline_like(lines: Lines, a: int, col: int, b: int, fwd: int) -> bool:
    """Line a is a short unpunctuated line that stands on its own: a title, subhead or
    kicker. It must be clearly shorter than even an indent-stripped first line, or be
    followed by a line b that is itself an indent-stripped first line.
    """
    width, mark = lines.width, lines.mark
    text = lines.text[a]
    if mark[a] != "" or not unpunctuated(text) or _BROKEN_WORD.search(text):
        return False
    if width[a] <= col - 10:
        # Unless the text below is set about as narrow (a lead set narrower than the body,
        # text beside a picture): then line a is as long as a first line of that text.
        return mark[b] != "" or lines.ends[b] or width[a] < _set_width(lines, b) - 6
    if mark[b] != "":
        return True
    # Were it a paragraph's first line, the line after it would be full, not another
    # indent-stripped first line.
    # A comma-like mark hanging at the end of line b takes up some of its shortfall.
    short_b = fwd - width[b]
    if lines.ends[b] or not (3 if lines.soft[b] else 4) <= short_b <= 8:
        return False
    # A character short of the column is short enough where no half-width character
    # blurs the count: a line inside a paragraph fills its column to the cell.
    return width[a] <= fwd - (3 if _HALF.search(text) else 2)


class Reflow:
    """Decides, line by line, where blocks begin, and records why.

    Most pairs of lines need no thought: inside a paragraph, a plain line that follows a
    line ending mid-sentence (or, where the page keeps indents or blank lines between
    paragraphs, one without an indent or blank line) continues it. `_stops` lists every
    other line; the loop jumps from one to the next, and `decided` records only the
    decisions it made there. The rest are joins for the page's `ordinary` reason.
    """

    def __init__(self, lines: Lines, blanks: str | None = None) -> None:
        self.lines = lines
        habits = read_habits(lines)
        if blanks is not None:
            habits = Habits(blanks, habits.indents)
        self.habits = habits
        self.local = None if blanks is not None else local_blank(lines, habits.blank)
        self.marked = lines.marked()
        edges = [k for k in self.marked if lines.mark[k] in _ARTICLE_EDGES]
        self.local_indents = local_indents(lines, edges, self.habits.indents)
        self.columns = ColumnWidths(lines, self.marked, edges)
        notices = [k for k in self.marked if lines.mark[k] == "notice"]
        self.keyed = _keyed(lines, notices, edges)
        # Numbering styles the page uses for paragraphs: a numbered line of that style
        # holds a full stop (4.各单位要加强值班，确保信息畅通。).
        self.paragraph_styles = {
            lines.style[k]
            for k in self.marked
            if lines.mark[k] == "heading" and has_sentence_mark(lines.text[k])
        }
        self.decided: dict[int, tuple[bool, R.Rule]] = {}
        if self.habits.indents:
            self.ordinary = R.NOT_INDENTED
        elif self.habits.blank == "paragraph":
            self.ordinary = R.NO_BLANK
        else:
            self.ordinary = R.MID_SENTENCE

    def reading(self) -> str:
        """How the page was read, in words: its blank-line and indent habits (or that
        they differ by region), and how wide its quotes are set or that its lines were
        wrapped by a count of characters."""
        blank = _BLANK_HABITS["mixed" if self.local else self.habits.blank]
        indents = _INDENT_HABITS["mixed" if self.local_indents else self.habits.indents]
        if self.lines.characters:
            measure = "lines wrapped by a count of characters"
        elif self.lines.narrow_quotes:
            measure = "quotes one cell wide"
        else:
            measure = "quotes two cells wide"
        return f"{blank}; {indents}; {measure}"

    def _stops(self) -> list[int]:
        """The lines before which _decide could say anything but the ordinary join."""
        lines = self.lines
        stops = set(self.marked)
        stops.update(itertools.compress(itertools.count(), lines.part))
        stops.update(k + 1 for k in self.keyed)
        if self.habits.indents:
            stops.update(
                itertools.compress(
                    itertools.count(), map(operator.ge, lines.indent, itertools.repeat(2))
                )
            )
        if self.habits.blank == "paragraph" or self.local:
            stops.update(itertools.compress(itertools.count(), lines.gap))
        if self.habits.indents or self.habits.blank != "paragraph" or self.local:
            stops.update(itertools.compress(itertools.count(1), lines.ends))
        # After a colon or a closing bracket: a short line ending so stands apart.
        stops.update(m.end() for m in _LEAD_IN_LASTS.finditer(lines.lasts))
        # Lines whose region keeps another habit than the page are each decided.
        regions: tuple[tuple[list[str] | list[bool] | None, str | bool], ...] = (
            (self.local, self.habits.blank),
            (self.local_indents, self.habits.indents),
        )
        for local, page in regions:
            if local:
                differs = map(operator.ne, local, itertools.repeat(page))
                stops.update(itertools.compress(itertools.count(), differs))
        stops.discard(len(lines))  # after the last line there is nothing to decide
        return sorted(stops)

    def run(self) -> list[RawBlock]:
        lines = self.lines
        n = len(lines)
        blocks: list[RawBlock] = []
        if not n:
            return blocks
        text = lines.text
        stops = self._stops()
        at, last = 0, len(stops)
        decided = self.decided
        decide, open_block = self._decide, self._open
        cur = open_block(0)
        i = 1
        while i < n:
            # A one-line paragraph block differs only in that an unpunctuated line may
            # stand alone (a title or subhead), so a punctuated one can skip ahead too.
            if cur.kind == "paragraph" and (
                (cur.end - cur.start >= 2 and not self._head_group(cur))
                or not unpunctuated(text[cur.start])
            ):
                at = bisect.bisect_left(stops, i, at)
                if at == last:
                    cur.end = n
                    break
                cur.end = i = stops[at]
            decided[i] = decision = decide(cur, i)
            if decision[0]:
                cur.end = i + 1
            else:
                blocks.append(cur)
                cur = open_block(i)
            i += 1
        blocks.append(cur)
        return blocks

    def _open(self, i: int) -> RawBlock:
        mark = self.lines.mark[i]
        if mark == "heading":
            return RawBlock("heading", i, i + 1, self.lines.style[i], self.lines.label[i])
        if mark == "headline":
            return RawBlock("headline", i, i + 1, display=True)
        return RawBlock("paragraph" if mark in _PARAGRAPH_MARKS else mark, i, i + 1)

    def _decide(self, cur: RawBlock, i: int) -> tuple[bool, R.Rule]:
        """Join line i onto the block, or break before it, and why.

        The rules run in order, the first that applies deciding. Inside running text
        (a paragraph, heading or question) a next line that is plain or numbered passes
        the rules about marks untouched, so those go straight to the rules that apply.
        """
        lines = self.lines
        a = i - 1
        if lines.idx[a] != lines.idx[i] and cur.kind in _RUNNING:
            if lines.mark[i] == "":
                return self._running(cur, a, i)
            if lines.mark[i] == "heading":
                return self._before_heading(cur, a)
        return self._marked(cur, a, i)

    def _marked(self, cur: RawBlock, a: int, b: int) -> tuple[bool, R.Rule]:
        """The rules about what the lines say they are, then the others."""
        lines = self.lines
        mark = lines.mark
        if lines.idx[a] == lines.idx[b]:
            return False, R.SPLIT[mark[b] or mark[a]]
        if mark[b] == "noise" or cur.kind == "noise":
            return False, R.ALONE["noise"]
        if cur.kind == "end" and _end_open(lines, cur) and mark[b] in ("", "heading"):
            return True, R.END_OPEN
        if (
            mark[b] in ("subtitle", "caption")
            and not lines.ends[a]
            and not (len(cur) == 1 and unpunctuated(lines.text[a]) and cur.kind == "paragraph")
            and (mark[b] == "subtitle" or cur.kind in ("paragraph", "question"))
        ):
            # A dash, or 图为, that wrapped to the start of a line mid-sentence: "以下\n图为例".
            mark[b] = ""
        if cur.kind == "caption":
            return self._caption_continues(a, b)
        if mark[b] in _BREAK_BEFORE:
            return False, R.NEXT_IS[mark[b]]
        if cur.kind == "headline" and mark[b] == "headline":
            if lines.gap[b]:
                return False, R.ALONE["headline"]
            return True, R.HEADLINE_GOES_ON
        if mark[b] == "headline":
            return False, R.NEXT_HEADLINE
        if cur.kind == "dateline" and mark[b] in ("", "end") and self._leads(cur, b):
            cur.kind = "paragraph"
            return True, R.LEAD_DATELINE
        if cur.kind in _SINGLE or cur.kind == "end":
            return False, R.ALONE[cur.kind]
        if mark[b] == "heading":
            return self._before_heading(cur, a)
        return self._running(cur, a, b)

    def _caption_continues(self, a: int, b: int) -> tuple[bool, R.Rule]:
        """A photo caption runs on over its line ends up to the photographer's credit."""
        lines = self.lines
        if lines.text[a].endswith(CREDIT_END):
            return False, R.CAPTION_CREDIT_ENDS
        if lines.mark[b] == "end" and is_caption(lines.text[b]):
            return True, R.CAPTION_CREDIT
        if not lines.ends[a] and lines.mark[b] in ("", "heading"):
            return True, R.CAPTION_GOES_ON
        return False, R.CAPTION_ENDS

    def _leads(self, cur: RawBlock, b: int) -> bool:
        """A dateline on a line of its own opens the article rather than closing one: it
        is a 讯 dateline (本报太原3月12日讯), or the reporters in brackets follow it."""
        lines = self.lines
        if lines.text[cur.start].endswith("讯"):
            return lines.mark[b] == ""
        return bool(_LEAD_CREDIT.match(lines.text[b]))

    def _before_heading(self, cur: RawBlock, a: int) -> tuple[bool, R.Rule]:
        """The next line starts with a heading number."""
        lines = self.lines
        text_a = lines.text[a]
        if (
            lines.ends[a]
            or lines.soft[a]
            or text_a.endswith(("：", ":"))
            or cur.kind in ("heading", "question")
        ):
            return False, R.NEXT_NUMBERED
        # How far line a falls short of the column, its indent aside: a paragraph's first
        # line is short by its indent, kept as white space or stripped by OCR.
        short = self.columns.back(a) - lines.width[a] - lines.indent[a]
        if len(cur) == 1 and not self._indents(a):
            short -= 4
        if short >= 4:
            return False, R.SHORT_THEN_NUMBERED
        return True, R.NUMBER_CONTINUES

    def _running(self, cur: RawBlock, a: int, b: int) -> tuple[bool, R.Rule]:
        """The next line is plain text: does the block's text run on into it?"""
        if cur.kind == "heading":
            return self._heading_continues(cur, a, b)
        lines = self.lines
        ends, width = lines.ends, lines.width
        if cur.kind == "question":
            if ends[a]:
                return False, R.QUESTION_ENDS
            return True, R.QUESTION_GOES_ON
        if len(cur) == 1 and not ends[a] and not lines.soft[a] and self._wraps_headline(a, b):
            cur.kind = "headline"
            return True, R.HEADLINE_WRAPS
        if not ends[a] and not lines.soft[a] and len(cur) == 1 and self._headline_above(a, b):
            return False, R.HEADLINE_GROUP
        if a in self.keyed and not ends[a] and not lines.soft[a] and self._short(a, 8):
            return False, R.KEYED_ALONE
        if ends[a] and lines.text[b].startswith("特此") and _CLOSING_FORMULA.match(lines.text[b]):
            return False, R.CLOSING_FORMULA
        columns = self.columns
        if self._indents(b):
            if lines.indent[b] >= 2:
                return False, R.INDENTED
            if (
                self._blank(b) == "paragraph"
                and lines.gap[b]
                and unpunctuated(lines.text[b])
                and not self._gap_inside(cur, a, b)
            ):
                return False, R.BLANK_SEPARATES
            if (
                self._blank(b) == "paragraph"
                and lines.gap[b]
                and len(cur) == 1
                and unpunctuated(lines.text[a])
                and self._short(a, 4)
            ):
                return False, R.APART
            if ends[a]:
                if width[a] + lines.indent[a] <= columns.back(a) - 6:
                    return False, R.SHORT_ENDS_SENTENCE
                if unpunctuated(lines.text[b]) and (
                    width[b] <= columns.fwd(b) - 4 or not self._runs_on(b)
                ):
                    return False, R.NEXT_SHORT_UNPUNCTUATED
            return True, R.NOT_INDENTED
        if self._blank(b) == "paragraph":
            if lines.gap[b]:
                if not self._gap_inside(cur, a, b):
                    return False, R.BLANK_SEPARATES
                return True, R.GAP_INSIDE
            if len(cur) == 1 and self._stands_alone(a, b):
                return False, R.STANDS_ALONE
            rule = self._stands_apart(a)
            if rule:
                return False, rule
            return True, R.NO_BLANK
        if not ends[a]:
            if len(cur) == 1 and self._stands_alone(a, b):
                return False, R.STANDS_ALONE
            rule = self._stands_apart(a)
            if rule:
                return False, rule
            if len(cur) >= 2 and self._head_group(cur) and not self._short(b, 4):
                return False, R.HEAD_GROUP_ENDS
            return True, R.MID_SENTENCE
        back, fwd = columns.back(a), columns.fwd(b)
        first_of_para = len(cur) == 1 and cur.kind == "paragraph"
        expected = back - 4 if first_of_para else back
        if width[a] <= expected - 4:
            return False, R.SHORT_ENDS_SENTENCE
        if unpunctuated(lines.text[b]) and width[b] <= fwd - 8:
            return False, R.NEXT_SHORT_UNPUNCTUATED
        if width[b] <= fwd - 4 and _ASIDE.match(lines.text[b]):
            return False, R.NOTE_AFTER_SENTENCE
        short_a, short_b = expected - width[a], fwd - width[b]
        # A mark at the end of the line may hang past the column: one character short.
        if not ends[b] and (2 if lines.soft[b] else 3) <= short_b <= 8:
            return False, R.INDENT_STRIPPED
        if not ends[b] and short_b <= 8 and short_a + short_b >= 4:
            return False, R.BOTH_SHORT
        if ends[b] and 2 <= short_b <= 8 and self._full_line_after(b):
            # Line b, short of the column by about two characters (one, where its full
            # stop hangs) and ending a sentence, is a paragraph's last line or its
            # indent-stripped first: a first line is followed by a full one.
            return False, R.FIRST_LINE_AFTER
        return True, R.FULL_LINE

    def _head_group(self, cur: RawBlock) -> bool:
        """Every line of the block is short and unpunctuated: a masthead's, a headline's
        or a byline's lines, not a paragraph's, which fill their column."""
        text = self.lines.text
        return all(unpunctuated(text[k]) and self._short(k, 8) for k in range(cur.start, cur.end))

    def _stands_apart(self, a: int) -> R.Rule | None:
        """Why line a, not ending a sentence, still ends its block (None if it does not).
        Were the sentence going on, the line would be full: a short line that ends in a
        colon introduces what starts below it (a speech, a list), and a short line that
        is one bracketed aside is a note of its own (a source under a quotation)."""
        text = self.lines.text[a]
        if text[-1] in "：:" and self._short(a, 6):
            return R.COLON_INTRODUCES
        if text[-1] in "）)" and self._short(a, 4) and _ASIDE.match(text):
            return R.ASIDE_ALONE
        return None

    def _gap_inside(self, cur: RawBlock, a: int, b: int) -> bool:
        """The blank line after line a, on a page that puts blank lines between
        paragraphs, falls inside one: line a is full (a first line short by no more than
        its stripped indent) and ends mid-sentence, and it is not a headline or subhead
        (a line of its own with no punctuation, unless line b is no paragraph's first
        line). OCR leaves such a blank where a paragraph goes on past a column or a text
        region."""
        lines = self.lines
        if lines.text[a].endswith("¬") and lines.mark[a] in _PARAGRAPH_MARKS:
            return True  # its last word is broken, as the OCR program says: it goes on
        return (
            not lines.ends[a]
            and not (len(cur) == 1 and unpunctuated(lines.text[a]) and not self._goes_on(b))
            and lines.mark[a] in _PARAGRAPH_MARKS
            and lines.width[a] + lines.indent[a]
            >= self.columns.back(a) - (6 if len(cur) == 1 and not self._indents(a) else 2)
        )

    def _goes_on(self, b: int) -> bool:
        """Line b is no paragraph's first line: not indented where indents were kept, and
        full where they were stripped (a first line is short by its indent)."""
        lines = self.lines
        if self._indents(b):
            return lines.indent[b] < 2
        return not lines.ends[b] and lines.width[b] >= self.columns.fwd(b) - 2

    def _short(self, a: int, cells: int) -> bool:
        """Line a, its indent included, falls short of the column by `cells` or more."""
        lines = self.lines
        return lines.width[a] + lines.indent[a] <= self.columns.back(a) - cells

    def _runs_on(self, b: int) -> bool:
        """Plain text follows line b. An unpunctuated line that nothing plain follows
        cannot be a paragraph's last line, which ends with a mark."""
        c = b + 1
        return c < len(self.lines) and self.lines.mark[c] == ""

    def _full_line_after(self, b: int) -> bool:
        """The line after b is plain text that goes on from b (no blank line between where
        blank lines mark paragraphs) and fills the column."""
        lines = self.lines
        c = b + 1
        return (
            c < len(lines)
            and lines.mark[c] == ""
            and lines.idx[c] != lines.idx[b]
            and not (lines.gap[c] and self._blank(c) == "paragraph")
            and lines.width[c] >= self.columns.fwd(c) - 2
        )

    def _blank(self, b: int) -> str:
        """The blank-line habit where line b is."""
        return self.local[b] if self.local else self.habits.blank

    def _indents(self, b: int) -> bool:
        """Whether indents were kept where line b is."""
        return self.local_indents[b] if self.local_indents else self.habits.indents

    def _headline_above(self, a: int, b: int) -> bool:
        """Lines a and b are short unpunctuated lines over a subtitle, a byline or a lead
        (本报讯…), at most one more such line between: a kicker over a title, each printed
        on its own."""
        lines = self.lines
        text, mark = lines.text, lines.mark
        for c in range(b + 1, min(b + 3, len(lines))):
            if mark[c] in _HEAD_ENDS:
                break
            if mark[c] != "":
                return False
        else:
            return False
        return mark[a] == "" and all(unpunctuated(text[k]) for k in range(a, c))

    def _wraps_headline(self, a: int, b: int) -> bool:
        """Lines a and b are one headline (or subhead) over two lines: both unpunctuated,
        line a ends inside a phrase (…的, …和) or inside quotes or brackets it opened, and
        line b is short or a byline, a lead or the like follows it."""
        lines = self.lines
        text_a, text_b = lines.text[a], lines.text[b]
        if lines.mark[a] or not unpunctuated(text_a) or not unpunctuated(text_b):
            return False
        if not (text_a[-1] in _PHRASE_GOES_ON or _opens_more(text_a)):
            return False
        return len(text_a) + len(text_b) <= STANDALONE_MAX_CHARS and (
            b + 1 == len(lines)
            or lines.mark[b + 1] != ""
            or lines.width[b] <= self.columns.fwd(b) - 8
        )

    def _stands_alone(self, a: int, b: int) -> bool:
        lines = self.lines
        if lines.mark[a] != "" or not unpunctuated(lines.text[a]):
            return False
        back, fwd = self.columns.back(a), self.columns.fwd(b)
        return _headline_like(lines, a, min(back, fwd), b, fwd)

    def _heading_continues(self, cur: RawBlock, a: int, b: int) -> tuple[bool, R.Rule]:
        """After a numbered line: a heading that ends or wraps, or a paragraph going on.

        Line b is plain text (see _running). Column widths are looked up only when a rule
        needs them.
        """
        lines = self.lines
        width, text = lines.width, lines.text
        label = lines.label[a]
        if lines.ends[a]:
            # A numbered line that ends a sentence opens a numbered paragraph, which the
            # paragraph rules continue or end.
            cur.kind = "paragraph"
            return self._running(cur, a, b)
        if len(cur) >= 3:
            return False, R.HEADING_ENDS_AT_LINE_END
        columns = self.columns
        # Is line b the first line of a paragraph rather than the heading's tail? Where the
        # page keeps indents or blank lines between paragraphs, they say; elsewhere, a
        # paragraph's first line is followed by a full line and a heading tail is not.
        if self._indents(b):
            b_first = b_starts = lines.indent[b] >= 2
        elif self._blank(b) == "paragraph":
            # A blank line after a full line, with a short unpunctuated line after it,
            # may fall where the heading goes on past a column; the rules below tell.
            if lines.gap[b] and (
                self._short(a, 3) or not unpunctuated(text[b]) or width[b] > columns.fwd(b) - 8
            ):
                return False, R.BLANK_ENDS_HEADING
            b_first = b_starts = False
        else:
            fwd, c = columns.fwd(b), b + 1
            b_first = (
                c < len(lines)
                and lines.mark[c] == ""
                and width[c] >= fwd - 2
                and width[b] >= fwd - 7
            )
            # Short by about the two characters of a stripped indent: a new paragraph.
            b_starts = not lines.ends[b] and 3 <= fwd - width[b] <= 8
        # A full numbered line wraps onto an unpunctuated tail; after a colon (a run-in
        # line goes on with full lines) only onto a short one.
        if (
            not b_first
            and unpunctuated(text[b])
            and width[a] >= columns.back(a) - 4
            and (not (label or text[a].endswith(("：", ":"))) or width[b] <= columns.fwd(b) - 4)
        ):
            return True, R.HEADING_WRAPS_UNPUNCTUATED
        if not label and has_colon("".join(text[cur.start : b + 1])):
            # A run-in label reaching the line end: its colon wrapped onto the next line,
            # or closes a full line exactly and the paragraph goes on below it.
            so_far = join_all(text[cur.start : b])
            run_in = runin_label(join_lines(so_far, text[b]))
            # A line that ends with the label's colon is that paragraph's first line.
            if run_in > len(so_far) or (run_in and run_in == len(so_far) and self._first_like(a)):
                cur.kind = "paragraph"
                cur.label = run_in
                if run_in > len(so_far):
                    return True, R.RUNIN_WRAPS
                return True, R.RUNIN_COLON_FULL
        if len(cur) == 1:
            if label and (
                not unpunctuated(text[a][label:]) or (not b_starts and self._first_like(a))
            ):
                cur.kind = "paragraph"
                return True, R.RUNIN_GOES_ON
            if has_sentence_mark(text[a]):
                cur.kind = "paragraph"
                return True, R.NUMBERED_PARAGRAPH
            if (
                lines.style[a] in self.paragraph_styles
                and len(text[a]) + len(text[b]) > STANDALONE_MAX_CHARS
                and not unpunctuated(text[a][heading_number(text[a]) :])
                and not unpunctuated(text[b])
                and not self._short(a, 6)
            ):
                # Where the page numbers paragraphs in this style, a numbered line with
                # commas that runs on into punctuated text past the length of a heading
                # is one of them: a heading is short, and wraps onto a short tail.
                cur.kind = "paragraph"
                return True, R.NUMBERED_RUNS_ON
        if (
            not b_first
            and width[a] >= columns.back(a) - 4
            and (self._indents(b) or self._blank(b) == "paragraph")
        ):
            # Where indents or blank lines mark paragraphs, a line with neither after a
            # full heading line is the heading's tail, commas and all.
            return True, R.HEADING_WRAPS_NO_FIRST
        if (
            not lines.ends[b]
            and width[a] >= columns.back(a) - 1
            and self._least_width(b) >= columns.fwd(b) - 1
            and not self._indents(b)
        ):
            # Where indents were stripped, a paragraph's first line is two characters
            # short of the column: a full line after a full heading line is its tail (a
            # long heading in a narrow column wraps over three lines, commas and all).
            return True, R.HEADING_WRAPS_FULL
        return False, R.HEADING_SHORT

    def _least_width(self, b: int) -> int:
        """Line b's width, its curly quotes taken one cell wide where the page has not
        told they are: the narrowest it may be printed."""
        lines = self.lines
        if lines.narrow_quotes or lines.characters:
            return lines.width[b]
        text = lines.text[b]
        return lines.width[b] - (printed_width(text) - narrow_width(text))

    def _first_like(self, a: int) -> bool:
        """Line a is as long as a paragraph's first line, its indent (kept or stripped)
        aside."""
        lines = self.lines
        return lines.width[a] + lines.indent[a] >= self.columns.back(a) - 7


def finish(raw: RawBlock, text: str, first: int, last: int) -> Block:
    """A raw block as a model block, its kind settled and its text clean."""
    kind = raw.kind
    if kind == "heading":
        if ends_sentence(text):
            kind = "paragraph"
        elif raw.label:
            raw.label = 0  # "一、理念革新：构建基层党建新思维" is a heading, colon and all
    elif kind == "byline":
        text = clean_byline(text)
    elif kind == "caption":
        kind = "end"
    if kind in ("notice", "headline") or (
        kind == "paragraph" and not raw.label and is_standalone_text(text)
    ):
        kind = "standalone"
        text = despace_cjk_spaced(text)
    level = raw.style if kind == "heading" or raw.label else None
    return Block(kind, text, first, last, level, raw.label, raw.display)


def _opens_more(text: str) -> bool:
    """The text opens a quote or bracket that it does not close."""
    return any(text.count(o) > text.count(c) for o, c in _PAIRS)


def is_standalone_text(text: str) -> bool:
    return len(text) <= STANDALONE_MAX_CHARS and unpunctuated(text)


def clean_byline(text: str) -> str:
    """'□ 赵 婷' -> '□ 赵婷', '本报记者 张三 李 四' -> '本报记者 张三 李四': names spread
    to line up with longer ones are closed up."""
    marker = text[:1] if text[:1] in "□■◇◆▢☐▲△●○" else ""
    rest = " ".join(_close_up_names(text[len(marker) :].split()))
    return f"{marker} {rest}" if marker else rest


def _close_up_names(parts: list[str]) -> list[str]:
    """Runs of single characters in a byline are spread names: two or three characters
    make one name, four make two. Other runs are left as they are."""
    out: list[str] = []
    for single, run in itertools.groupby(parts, lambda p: len(p) == 1 and is_cjk_char(p)):
        names = list(run)
        if single and len(names) in (2, 3):
            names = ["".join(names)]
        elif single and len(names) == 4:
            names = ["".join(names[:2]), "".join(names[2:])]
        out.extend(names)
    return out


def reflow(lines: Lines, blanks: str | None = None) -> tuple[list[Block], Decisions, str]:
    """The page's blocks, the decision at every line end, and how the page was read
    (Reflow.reading()). `blanks` is the blank-line habit where the writer of the text
    knows it (text written from boxes puts blank lines only where the geometry shows a
    break: "paragraph"); else it is read from the page's own statistics."""
    engine = Reflow(lines, blanks)
    raw = engine.run()
    latin = lines.latin_joins()
    idx, texts = lines.idx, lines.text
    # A word broken at a line end keeps its hyphen where the page prints it hyphenated.
    hyphenated = hyphenated_words(texts) if latin else frozenset()
    blocks = []
    for r in raw:
        start, end = r.start, r.end
        if end - start == 1:
            text = texts[start]
        else:
            at = bisect.bisect_right(latin, start)
            if at < len(latin) and latin[at] < end:
                # ASCII meets ASCII at a line end inside the block: Latin words to mend.
                text = join_all(texts[start:end], hyphenated)
            else:
                text = "".join(texts[start:end])
        if "¬" in text:
            # A break mark that did not mend a word (the block ends there, or what follows
            # is no letter) is shown as the hyphen the page printed.
            text = _UNMENDED.sub("-", text)
        if r.kind == "paragraph" and not r.label and len(text) > STANDALONE_MAX_CHARS:
            # Most blocks: a paragraph that finish() would leave as it is.
            blocks.append(Block("paragraph", text, idx[start], idx[end - 1]))
        else:
            blocks.append(finish(r, text, idx[start], idx[end - 1]))
    return blocks, Decisions(idx, engine.decided, engine.ordinary), engine.reading()
