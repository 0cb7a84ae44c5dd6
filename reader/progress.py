"""Progress of a long command-line batch, on standard error.

On a terminal one line is rewritten as pages are done (how many, the rate, the time
left), at most a few times a second; in a pipe, a log or CI nothing is written until the
batch ends. Either way the batch ends with one line that says what was done.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from typing import TextIO

REFRESH_S = 0.2  # a terminal line is rewritten at most this often
# The rate and the time left are said once this many pages are done over this many
# seconds, counted from the first pages done.
RATE_PAGES = 3
RATE_S = 1.0
# A character a terminal obeys rather than shows: a line break in a file's name would
# make a message two lines.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """The text with its control characters shown escaped (\\n), as one line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class Progress:
    """Call with (done, total) as the batch goes; `finish(summary)` at its end."""

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.live = _is_terminal(self.stream)
        self.started = clock()
        self._shown_at: float | None = None
        self._width = 0
        # When the first pages were done, and how many: the rate is measured from there,
        # not from the start, which holds the batch's setting up (workers started, a
        # dictionary read) and made the first estimate of the time left far too long.
        self._first: tuple[float, int] | None = None

    def __call__(self, done: int, total: int) -> None:
        if not self.live or not total:
            return
        now = self.clock()
        if done and self._first is None:
            self._first = (now, done)
        if done < total and self._shown_at is not None and now - self._shown_at < REFRESH_S:
            return
        self._shown_at = now
        self._write(self.line(done, total, now))

    def line(self, done: int, total: int, now: float) -> str:
        parts = [f"{self.label} {done:,}/{total:,} pages", f"{100 * done // total}%"]
        rate = self._rate(done, now)
        if rate:
            parts.append(f"{rate:,.0f} pages/s")
            if done < total:
                parts.append(f"{_duration((total - done) / rate)} left")
        return "  ".join(parts)

    def _rate(self, done: int, now: float) -> float | None:
        """Pages a second since the first were done, once enough are to tell (RATE_PAGES
        and RATE_S); None before."""
        if self._first is None:
            return None
        since, before = self._first
        pages, seconds = done - before, now - since
        if pages < RATE_PAGES or seconds < RATE_S:
            return None
        return pages / seconds

    def note(self, line: str) -> None:
        """A line of the batch's report (a page that could not be read), written above the
        live line, which is drawn again at the next call."""
        if self.live and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0
            self._shown_at = None
        self.stream.write(one_line(line) + "\n")
        self.stream.flush()

    def elapsed(self) -> float:
        return self.clock() - self.started

    def finish(self, summary: str) -> None:
        """End the batch with one line (it replaces the live line on a terminal)."""
        summary = one_line(summary)
        if self.live and self._width:
            self._write(summary)
            self.stream.write("\n")
        else:
            self.stream.write(summary + "\n")
        self.stream.flush()

    def _write(self, text: str) -> None:
        pad = max(0, self._width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._width = len(text)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or no such method
        return False


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
