"""The page's habits, read from its own statistics: whether blank lines and indents mean
anything, for the whole page and for each stretch of it that keeps other habits."""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.core.lines import (
    Lines,
    numbers,
)
from reader.core.text import (
    unpunctuated,
)
from reader.core.tuning import TUNING, Tuning

BLANK_HABITS = {
    "every": "a blank line after every line",
    "paragraph": "blank lines between paragraphs",
    "none": "no blank lines",
    "mixed": "blank lines differ by region",
}
INDENT_HABITS = {
    True: "indents kept",
    False: "indents stripped",
    "mixed": "indents differ by region",
}


@dataclass(frozen=True, slots=True)
class Habits:
    """How this file was written out by OCR, read from its own statistics."""

    blank: str  # "every" (blank lines mean nothing), "paragraph" or "none"
    indents: bool  # paragraph indents were kept as leading spaces


def read_habits(lines: Lines, t: Tuning = TUNING) -> Habits:
    n = len(lines)
    if n < 2:
        return Habits("none", False)
    gaps = sum(lines.gap) - lines.gap[0]
    ratio = gaps / (n - 1)
    blank = (
        "every"
        if ratio >= t.blank_every_share
        else "none"
        if ratio < t.blank_none_share
        else "paragraph"
    )
    if blank == "every" and _breaks_only_paragraphs(lines, 0, n, t):
        blank = "paragraph"
    elif blank == "paragraph" and not _blanks_end_paragraphs(lines, 0, n):
        blank = "none"  # OCR's blank lines where paragraphs go on past a column
    return Habits(blank, _keeps_indents(_indented(lines.indent), n, t))


def _breaks_only_paragraphs(lines: Lines, start: int, end: int, t: Tuning) -> bool:
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
            if after >= t.says_every and after >= without:
                return False  # (where a blank line follows every line, soon said)
        else:
            without += 1
    return without > 0 and after < without


def _indented(indents: Sequence[int]) -> int:
    """How many lines are indented by two cells or more."""
    return len(indents) - indents.count(0) - indents.count(1)


def _keeps_indents(indented: int, n: int, t: Tuning) -> bool:
    """Paragraph indents survived where `indented` of `n` lines are indented: some are,
    but not nearly all (a margin OCR kept on every line says nothing)."""
    share = indented / n
    return (
        t.indented_min_share <= share <= t.indented_max_share and indented >= t.indented_min_lines
    )


# Marks that stand between articles: where one article ends and the next begins.
ARTICLE_EDGES = frozenset(("byline", "end", "jump", "dateline", "notice"))


def local_indents(
    lines: Lines, edges: list[int], page: bool, t: Tuning = TUNING
) -> bytearray | None:
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
    # (A byte a line, 1 where indents were kept: a list was a pointer a line.)
    local: bytearray | None = None
    bounds = [0, *edges, n]
    for start, end in itertools.pairwise(bounds):
        size = end - start
        if size < t.stretch_lines:
            continue
        count = _indented(lines.indent[start:end])
        if page:
            kept = count > 0 or sum(lines.ends[start:end]) < t.stretch_ends
        else:
            kept = _keeps_indents(count, size, t)
        if kept != page:
            if local is None:
                local = bytearray([page]) * n
            local[start:end] = bytes([kept]) * size
    return local


# The blank-line habits as local_blank() gives them, a byte a line (a list was a pointer a
# line): each habit's number is its place here.
BLANK_HABIT_NAMES = ("none", "paragraph", "every")
NONE, PARAGRAPH, EVERY = range(3)
BLANK_HABIT_NUMBERS = {name: number for number, name in enumerate(BLANK_HABIT_NAMES)}


def local_blank(lines: Lines, page: str, t: Tuning = TUNING) -> bytearray | None:
    """The blank-line habit around each line (its number in BLANK_HABIT_NAMES), where the
    page mixes habits (articles OCR'd or pasted in separately), or None where one habit
    holds throughout.

    A line whose `window` lines before or after it nearly all follow blank lines sits in a
    region with a blank line after every line, whatever the page as a whole does; where
    neither side does, a page of that habit has a region without it. Likewise a stretch
    with no blank line on either side of a line, on a page that puts them between
    paragraphs, and one with several, on a page that has almost none.
    """
    n = len(lines)
    window = t.blank_window
    every = math.ceil(t.blank_every_share * window)
    # The common case first: a page of one habit where no `window` lines hold enough
    # exceptions to tip a window either way (lines after blank lines on a page without
    # them, or lines without one on a page with one after every line).
    if page != "paragraph":
        gap = lines.gap
        tip = t.blank_several if page == "none" else window - every + 1
        if gap.count(page == "none") < tip:
            return None
        odd = gap if page == "none" else map(operator.not_, gap)
        found = numbers(itertools.compress(itertools.count(), odd))
        if min(map(operator.sub, found[tip - 1 :], found)) >= window:
            return None
    # Lines beyond the page's ends count as the page's habit, so every window is full.
    # (Running sums as an array: in a list, each past 256 was an object of its own, 19 MB
    # of a 32 MB page's lines at once. They are read through islice, not sliced: a slice
    # of an array is a copy, and four were 10 MB of that page at the reflow's peak.)
    pad = [page == "every"] * window
    sums = numbers(itertools.accumulate(itertools.chain(pad, lines.gap, pad), initial=0))

    def sums_from(start: int) -> Iterator[int]:
        return itertools.islice(sums, start, start + n)

    back = map(operator.sub, sums_from(window), sums_from(0))
    fwd = map(operator.sub, sums_from(2 * window + 1), sums_from(window + 1))
    # (A conditional expression: the builtin max() of two numbers is slow to call. An
    # array, not a list: 5 MB of that page.)
    most = numbers(b if b >= f else f for b, f in zip(back, fwd, strict=True))
    if page == "every":
        if min(most) >= every:
            return None
        return bytearray(EVERY if m >= every else PARAGRAPH if m else NONE for m in most)
    # Beside blank lines between paragraphs, a stretch with none on either side; on a
    # page without them, a stretch with several.
    other, plain = (NONE, 0) if page == "paragraph" else (PARAGRAPH, t.blank_several)
    if max(most) < every and (min(most) > plain if page == "paragraph" else max(most) < plain):
        return None
    habit = BLANK_HABIT_NUMBERS[page]
    if page == "paragraph":
        local = bytearray(EVERY if m >= every else other if m <= plain else habit for m in most)
    else:
        local = bytearray(EVERY if m >= every else other if m >= plain else habit for m in most)
    # A stretch of short paragraphs with blank lines between them is not one with a
    # blank line after every line.
    for start, end in _runs(local, EVERY):
        if _breaks_only_paragraphs(lines, start, end, t):
            local[start:end] = bytes([PARAGRAPH]) * (end - start)
    # On a page without blank lines, a stretch with several is one with blank lines
    # between paragraphs only where they follow paragraphs' ends; most of them after
    # lines that end mid-sentence are OCR's, where a paragraph goes on past a column.
    if page == "none":
        for start, end in _runs(local, PARAGRAPH):
            if not _blanks_end_paragraphs(lines, start, end):
                local[start:end] = bytes([habit]) * (end - start)
    return local if local.count(habit) < n else None


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


def _runs(values: bytearray, value: int) -> list[tuple[int, int]]:
    """The stretches start..end-1 where `values` holds `value`."""
    out = []
    start = 0
    # (Counted, not listed: a list of a long stretch's line numbers was an object a line.)
    for key, group in itertools.groupby(values, key=value.__eq__):
        end = start + sum(1 for _ in group)
        if key:
            out.append((start, end))
        start = end
    return out
