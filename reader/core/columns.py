"""Column widths: how wide the column is around each line, read from the lines nearby."""

from __future__ import annotations

import bisect
import functools
import itertools
from array import array
from collections.abc import Sequence

from reader.core.lines import (
    PARAGRAPH_MARKS,
    Lines,
)
from reader.core.tuning import TUNING, Tuning

_NO_ESTIMATE = 0  # a window with too few usable lines to estimate from
_NOT_YET = -1  # a window not estimated yet
# The widest line, in cells, that a column of two bytes a line holds.
_TWO_BYTES_MOST = (1 << 15) - 1


def _upper_quartile(values: Sequence[int]) -> int:
    """Upper quartile of the values that are not 0, or _NO_ESTIMATE for fewer than two."""
    count = len(values) - values.count(0)
    values = sorted(values)
    # Zeros sort first; the upper quartile counts down from the widest.
    return values[-1 - count // 4] if count >= 2 else _NO_ESTIMATE


def window_end(edges: list[int], i: int, window: int, n: int) -> int:
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

    def __init__(
        self, lines: Lines, marked: Sequence[int], edges: list[int], tuning: Tuning = TUNING
    ) -> None:
        self.window = tuning.column_window
        self.hang = tuning.column_hang
        self.default = tuning.column_fallback
        self.n = n = len(lines)
        self.edges = edges
        width = lines.width
        # Plain lines (and answers and leads) of at least Tuning.column_min_width cells;
        # anything else is 0.
        least = tuning.column_min_width
        # (Arrays, as the lines' columns: lists took 20 MB of a 32 MB page's lines. Two
        # bytes a line where the page's widest line fits, as nearly every page's does:
        # the four columns took 10 MB of that page as four bytes, the reflow's peak.)
        typecode = "h" if max(width, default=0) <= _TWO_BYTES_MOST else "i"
        self.usable = array(typecode, (w if w >= least else 0 for w in width))
        for k in marked:
            if lines.mark[k] not in PARAGRAPH_MARKS:
                self.usable[k] = 0
        # The same, of the lines that end in text: a mark at a line's end may hang past
        # the column, so those lines can be a character wider than it.
        self.text_ends = array(typecode, self.usable)
        for k in itertools.compress(itertools.count(), lines.hangs):
            self.text_ends[k] = 0
        # Estimates by line; _NOT_YET until estimated, and _NO_ESTIMATE where the window
        # holds too few usable lines.
        self._back = array(typecode, (_NOT_YET,)) * (n + 1)
        self._fwd = array(typecode, (_NOT_YET,)) * (n + 1)

    @functools.cached_property
    def fallback(self) -> int:
        """The page's upper quartile, for windows too sparse to say."""
        full = sorted(filter(None, self.usable))
        return full[len(full) * 3 // 4] if full else self.default

    def _estimate(self, start: int, end: int) -> int:
        """The column over lines start..end-1, or _NO_ESTIMATE: the upper quartile of the
        usable widths, or of those of the lines ending in text where it comes within a
        character of it (the widest lines are wide by the marks hanging at their ends)."""
        every = _upper_quartile(self.usable[start:end])
        if every == _NO_ESTIMATE:
            return every
        text_ends = _upper_quartile(self.text_ends[start:end])
        return text_ends if text_ends >= every - self.hang else every

    def _start(self, i: int) -> int:
        """Where the window before line i starts."""
        at = bisect.bisect_left(self.edges, i)
        return max(0, i - self.window, self.edges[at - 1] + 1 if at else 0)

    def _end(self, i: int) -> int:
        """Where the window after line i ends."""
        return window_end(self.edges, i, self.window, self.n)

    def _before(self, i: int) -> int:
        result = self._back[i]
        if result == _NOT_YET:
            self._back[i] = result = self._estimate(self._start(i), i)
        return result

    def _after(self, i: int) -> int:
        result = self._fwd[i]
        if result == _NOT_YET:
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
