"""Finding a passage again after the text around it changed.

An annotation keeps two selectors into the document's clean text, as in the W3C Web
Annotation model: a text-quote selector (the exact text with up to 32 characters of prefix
and suffix) and a text-position selector (start and end offsets). Re-anchoring tries, in
order:

1. the old position, if the quote is still there;
2. the exact quote, nearest to the old position (context decides between repeats);
3. a fuzzy match with white space removed: bounded edit distance, scored mostly on the
   quote, with prefix, suffix and position breaking ties.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

CONTEXT = 32
# Fuzzy matches may differ from the quote in at most this share of its characters.
MAX_ERROR_RATE = 0.25
_WS = re.compile(r"\s+")


class Selector(NamedTuple):
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


class Anchor(NamedTuple):
    start: int
    end: int
    method: str  # "position" | "quote" | "fuzzy"


def select(text: str, start: int, end: int) -> Selector:
    """The selectors for text[start:end]."""
    start, end = max(0, start), min(len(text), end)
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def _context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """How well the text around [start, end) agrees with the stored prefix and suffix (0..1),
    compared with white space removed."""
    prefix, suffix = _strip(sel.prefix), _strip(sel.suffix)
    if prefix:
        before = _strip(text[max(0, start - 2 * CONTEXT) : start])[-len(prefix) :]
        pre = Levenshtein.normalized_similarity(prefix, before)
    else:
        pre = 1.0 if not text[:start].strip() else 0.5
    if suffix:
        after = _strip(text[end : end + 2 * CONTEXT])[: len(suffix)]
        post = Levenshtein.normalized_similarity(suffix, after)
    else:
        post = 1.0 if not text[end:].strip() else 0.5
    return (pre + post) / 2


def _strip(text: str) -> str:
    return _WS.sub("", text)


def _nearest(candidates: list[tuple[int, int]], text: str, sel: Selector) -> tuple[int, int]:
    """The best of several places: context first, then closeness to the old position."""
    size = max(1, len(text))

    def rank(span: tuple[int, int]) -> float:
        return _context_score(text, span[0], span[1], sel) - abs(span[0] - sel.start) / size * 0.5

    return max(candidates, key=rank)


class _Stripped:
    """Text with white space removed, and the way back to offsets in the original."""

    def __init__(self, text: str) -> None:
        keep = [i for i, ch in enumerate(text) if not ch.isspace()]
        self.text = "".join(text[i] for i in keep)
        self.origin = keep

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for stripped [start, end) (end > start)."""
        return self.origin[start], self.origin[end - 1] + 1


def _fuzzy(text: str, stripped: _Stripped, sel: Selector) -> tuple[int, int] | None:
    quote = _strip(sel.exact)
    m = len(quote)
    if not m:
        return None
    hay = stripped.text
    # White space is all that changed: the quote is there, squeezed.
    exact: list[tuple[int, int]] = []
    at = hay.find(quote)
    while at != -1:
        exact.append(stripped.span(at, at + m))
        at = hay.find(quote, at + 1)
    if exact:
        return _nearest(exact, text, sel)
    budget = int(m * MAX_ERROR_RATE)
    # Pigeonhole: with at most `budget` edits, one of budget + 1 pieces survives intact.
    pieces = budget + 1
    size = max(1, m // pieces)
    starts: set[int] = set()
    for p in range(pieces):
        offset = p * size
        piece = quote[offset : offset + size] if p < pieces - 1 else quote[offset:]
        if not piece:
            continue
        at = hay.find(piece)
        while at != -1 and len(starts) < 2000:
            starts.add(at - offset)
            at = hay.find(piece, at + 1)
    best: tuple[float, int, int] | None = None
    seen: set[tuple[int, int]] = set()
    for guess in sorted(starts):
        lo = max(0, guess - budget)
        window = hay[lo : guess + m + budget]
        ops = Levenshtein.opcodes(quote, window)
        kept = [op for op in ops if op.tag != "insert" or op.src_start not in (0, m)]
        if not kept:
            continue
        begin = min(op.dest_start for op in kept)
        finish = max(op.dest_end for op in kept)
        if finish <= begin:
            continue
        begin, finish = lo + begin, lo + finish
        distance = Levenshtein.distance(quote, hay[begin:finish])
        # In repetitive text the alignment may take in a stray character at either end.
        while (
            finish - begin > 1 and Levenshtein.distance(quote, hay[begin + 1 : finish]) < distance
        ):
            begin += 1
            distance = Levenshtein.distance(quote, hay[begin:finish])
        while (
            finish - begin > 1 and Levenshtein.distance(quote, hay[begin : finish - 1]) < distance
        ):
            finish -= 1
            distance = Levenshtein.distance(quote, hay[begin:finish])
        if distance > budget:
            continue
        span = stripped.span(begin, finish)
        if span in seen:
            continue
        seen.add(span)
        score = (
            -distance / m * 10
            + _context_score(text, span[0], span[1], sel)
            - abs(span[0] - sel.start) / max(1, len(text)) * 0.5
        )
        if best is None or score > best[0]:
            best = (score, *span)
    return (best[1], best[2]) if best else None


def anchor(text: str, sel: Selector, stripped: _Stripped | None = None) -> Anchor | None:
    """Where the selected passage is in `text` now, or None if it is gone. `stripped`
    (the text without white space) may be passed in when anchoring many in one text."""
    exact = sel.exact
    if not exact:
        return None
    if text[sel.start : sel.end] == exact:
        return Anchor(sel.start, sel.end, "position")
    places: list[tuple[int, int]] = []
    at = text.find(exact)
    while at != -1:
        places.append((at, at + len(exact)))
        at = text.find(exact, at + 1)
    if places:
        start, end = _nearest(places, text, sel)
        return Anchor(start, end, "quote")
    found = _fuzzy(text, stripped or _Stripped(text), sel)
    if found is None:
        return None
    return Anchor(found[0], found[1], "fuzzy")


def anchor_all(text: str, selectors: list[Selector]) -> list[Anchor | None]:
    """Anchor many selectors in one text; the stripped text is made once, if needed."""
    stripped: _Stripped | None = None
    out: list[Anchor | None] = []
    for sel in selectors:
        if sel.exact and sel.exact not in text and stripped is None:
            stripped = _Stripped(text)
        out.append(anchor(text, sel, stripped))
    return out
