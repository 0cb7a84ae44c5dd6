"""Finding a passage again after the text around it changed.

An annotation keeps two selectors into the document's clean text, as in the W3C Web
Annotation model: a text-quote selector (the exact text with up to 32 characters of prefix
and suffix) and a text-position selector (start and end offsets). Re-anchoring tries, in
order:

1. the old position, if the quote and nearly all of its context are still there;
2. the exact quote wherever it occurs, taken at once only with nearly all of its context
   and no rival;
3. fuzzy matches within a bounded edit distance, pooled with the exact ones.

Texts are compared without white space and without the article rules (＊＊＊) that clean
text puts between articles: both are layout. Every candidate place gets a *support*: how
many characters of the quote and of its stored context agree there, each edit costing two
agreeing characters so that chance likeness scores nothing. The confidence combines the
support with the lead over the best other place that does not overlap it; below
`Thresholds.min_confidence` the passage is left unanchored rather than drawn on the wrong
text. So a 2-character quote is only as good as its context, a quote that occurs several
times is refused when its context cannot pick one, and a unique 30-character quote stands
on its own even when its context changed.

Text changes paragraph by paragraph (one deleted or hidden as page furniture, an article
moved), so the evidence is weighed by paragraphs:

- context beyond a paragraph break counts only where the candidate's own paragraph agrees,
  since the paragraph that followed a deleted one says nothing about which passage used to
  precede it; context beyond an article rule does not count at all, since articles move on
  their own;
- an end of a match that nothing next to it vouches for is drawn in to a paragraph
  boundary (the quote's lost end went with its paragraph), so a highlight never spreads
  onto text that only happens to look alike;
- an article's last lines (an author's line) recur from one article to the next: across an
  article rule, the copy with the quote's own context around it is the quote's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein, Opcode

CONTEXT = 32
_WS = re.compile(r"\s+")
# A line of asterisks only: the rule clean text puts between articles (also a piece of one
# at either end of a quote or its context).
_RULE_LINE = re.compile(r"(?m)^[^\S\n]*＊+[^\S\n]*$")
_NEWLINE = re.compile(r"\n")
_WORD = re.compile(r"\w")
# What clean text holds besides words: paragraph breaks, indents and article rules.
_LAYOUT = ("\n", " ", "\u3000", "\r", "\t", "＊")


@dataclass(frozen=True)
class Thresholds:
    """What counts as enough evidence to draw an annotation. Support is counted in
    characters of quote and context that agree (white space and article rules ignored)."""

    # A fuzzy match may differ from the quote in at most this share of its characters.
    max_error_rate: float = 0.25
    # Support at which confidence reaches 1. With min_confidence 0.5 a place needs half of
    # it, 30 characters: a unique 30-character quote alone, or a short quote and one side
    # of its context. Less would let boilerplate through (an author's line of 20-odd
    # characters recurs on a page; pages share phrases of up to 15).
    strong_support: int = 60
    # Lead over the best non-overlapping rival at which confidence reaches 1; half of it,
    # 10 characters of context, is needed to choose between repeats of a quote.
    decisive_margin: int = 20
    # Below this confidence the annotation is listed as unanchored instead of drawn.
    min_confidence: float = 0.5
    # Share of the context within the quote's own paragraph that must agree (read outward
    # from the quote) before the context beyond the paragraph counts. An OCR error costs
    # two characters of 32; a sentence echoed elsewhere agrees only halfway.
    near_share: float = 0.75
    # Characters right next to a place that must match the stored context give or take
    # one edit, so that an alignment shifted past a look-alike word is not taken.
    close_chars: int = 4
    # Share of characters in the same places that still counts as agreement where OCR
    # errors crowd next to a place (misread characters keep their places, shifts do not).
    same_share: float = 0.75
    # Characters next to a fuzzy match compared with the stored context to settle where
    # exactly each end goes.
    end_chars: int = 8
    # Edits allowed on each side of the context for a match at the old position, or an
    # exact one, to be taken without also searching for fuzzy rivals: OCR errors in the
    # context cost this much, a deleted or moved neighbour far more.
    settle_edits: int = 2
    # Matching characters in a row, within one paragraph, that vouch for where a match
    # starts (ends) when nothing next to it does; chance look-alikes are shorter.
    solid_run: int = 6
    # Candidate starts examined by the fuzzy search, so one quote cannot stall a page.
    max_fuzzy_starts: int = 2000
    # Characters right next to an exact match that, agreeing exactly with the stored
    # context, vouch for that end of it whatever the rest of its paragraph says: a few
    # words edited further along the sentence leave the quote where it was.
    adjacent_run: int = 12


THRESHOLDS = Thresholds()
# Kept for callers that size their own checks by the fuzzy step's error budget.
MAX_ERROR_RATE = THRESHOLDS.max_error_rate


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
    confidence: float = 1.0  # 0..1; never below Thresholds.min_confidence when returned


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


def error_budget(quote: str, config: Thresholds = THRESHOLDS) -> int:
    """Edits the fuzzy step allows for `quote` (white space and article rules ignored)."""
    return int(len(_strip(quote)) * config.max_error_rate)


def anchor(
    text: str,
    sel: Selector,
    stripped: _Stripped | None = None,
    config: Thresholds = THRESHOLDS,
) -> Anchor | None:
    """Where the selected passage is in `text` now, or None if it is gone or the evidence
    cannot tell where it is. `stripped` (the text as compared, made once) may be passed
    in when anchoring many in one text."""
    same = _unchanged(text, sel, config)
    if same is not None and same >= config.min_confidence:
        return Anchor(sel.start, sel.end, "position", same)
    q = _query(sel, config)
    if not q.quote:  # only white space or an article rule: nothing to look for
        return None
    hay = stripped or _Stripped(text)

    def score(found: list[tuple[int, int, int]]) -> list[_Place]:
        out = []
        for s, e, _ in found:
            place = _trim(hay, q, s, e, config)
            if place is not None:
                out.append(_Place(_support(hay, q, *place, config), *place))
        return out

    def rank(p: _Place) -> tuple[int, int]:
        # Closeness to the old position only breaks ties.
        return p.support, -abs(hay.origin[p.start] - sel.start)

    def whole(p: _Place) -> bool:
        # The stored context reaches both ends of the text, and does so here: the whole
        # text is what it was, give or take a few edits, however short or repetitive.
        before, after = q.before, q.after
        return (
            before.at_end
            and after.at_end
            and p.start == len(before.whole)
            and p.end + len(after.whole) == len(hay.text)
        )

    # 1. The old position, with nearly all of its context.
    if 0 <= sel.start < sel.end <= len(text) and text[sel.start : sel.end] == sel.exact:
        lo = hay.index(sel.start)
        here = _Place(0, lo, lo + len(q.quote), 0)
        if here.end <= len(hay.text) and _settled(hay, q, here.start, here.end, config):
            here = here._replace(support=_support(hay, q, here.start, here.end, 0, config))
            conf = 1.0 if whole(here) else min(1.0, here.support / config.strong_support)
            if conf >= config.min_confidence:
                return _result(text, hay, sel, here, conf)
    # 2. The exact quote anywhere.
    places = score(_exact_places(hay, q))
    if places:
        best = max(places, key=rank)
        if not best.edits and _settled(hay, q, best.start, best.end, config):
            conf = 1.0 if whole(best) else _confidence(best, places, config)
            if conf >= config.min_confidence:
                return _result(text, hay, sel, best, conf)
    # 3. Fuzzy matches join the exact ones, and the best supported of all is taken.
    pooled = {(p.start, p.end): p for p in places + score(_fuzzy_places(hay, q, config))}
    if not pooled:
        return None
    best = max(pooled.values(), key=rank)
    conf = _confidence(best, list(pooled.values()), config)
    if conf < config.min_confidence:
        return None
    return _result(text, hay, sel, best, conf)


def anchor_all(
    text: str, selectors: list[Selector], config: Thresholds = THRESHOLDS
) -> list[Anchor | None]:
    """Anchor many selectors in one text; the stripped text is made once, if needed."""
    stripped: _Stripped | None = None
    out: list[Anchor | None] = []
    for sel in selectors:
        same = _unchanged(text, sel, config)
        if same is not None and same >= config.min_confidence:
            out.append(Anchor(sel.start, sel.end, "position", same))
            continue
        if stripped is None:
            stripped = _Stripped(text)
        out.append(anchor(text, sel, stripped, config))
    return out


# -- the texts compared --------------------------------------------------------------------


def _strip(text: str) -> str:
    """The text without white space and article rules."""
    return _WS.sub("", _RULE_LINE.sub("", text))


class _Stripped:
    """Text without white space and article rules, the way back to offsets in the
    original, and where line breaks and article rules fall."""

    def __init__(self, text: str) -> None:
        ruled = {i for m in _RULE_LINE.finditer(text) for i in range(m.start(), m.end())}
        keep = [i for i, ch in enumerate(text) if not ch.isspace() and i not in ruled]
        self.text = "".join(text[i] for i in keep)
        self.origin = keep
        # Stripped index k is in `breaks` when a line break (or an end of the text) lies
        # just before it, and in `rules` when an article rule does.
        self.breaks = {0, len(keep)}
        self.breaks.update(bisect.bisect_left(keep, m.start()) for m in _NEWLINE.finditer(text))
        self.rules = sorted(
            {bisect.bisect_left(keep, m.start()) for m in _RULE_LINE.finditer(text)}
        )
        self.rule_set = set(self.rules)
        self._sorted: list[int] | None = None

    def _in_order(self) -> list[int]:
        if self._sorted is None:
            self._sorted = sorted(self.breaks)
        return self._sorted

    def breaks_in(self, start: int, end: int) -> list[int]:
        """The breaks strictly inside stripped [start, end), in order."""
        ordered = self._in_order()
        return ordered[bisect.bisect_right(ordered, start) : bisect.bisect_left(ordered, end)]

    def break_near(self, at: int, before: bool) -> int:
        """The nearest break at or before (after) stripped `at`."""
        ordered = self._in_order()
        if before:
            return ordered[bisect.bisect_right(ordered, at) - 1]
        return ordered[bisect.bisect_left(ordered, at)]

    def crosses_rule(self, start: int, end: int) -> bool:
        """Whether an article rule lies inside stripped [start, end)."""
        return bisect.bisect_right(self.rules, start) < bisect.bisect_left(self.rules, end)

    def edge(self, at: int) -> bool:
        """Whether an article ends at stripped `at`: an article rule or an end of the text."""
        return at in (0, len(self.text)) or at in self.rule_set

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for stripped [start, end) (end > start)."""
        return self.origin[start], self.origin[end - 1] + 1

    def index(self, offset: int) -> int:
        """The stripped index of the first character at or after original `offset`."""
        return bisect.bisect_left(self.origin, offset)


class _Side(NamedTuple):
    """One side of the stored context, stripped and read outward from the quote, split at
    the paragraph break nearest the quote: `near` lies in the quote's own paragraph, `far`
    beyond it. It stops at an article rule."""

    near: str
    far: str
    edge: bool  # a break (or an end of the article) lies between near and far
    at_end: bool  # the stored context reaches the start or end of the text
    at_rule: bool  # the stored context stops at an article rule

    @property
    def whole(self) -> str:
        return self.near + self.far

    @property
    def bounded(self) -> bool:
        """Whether the side ends where its article did (a rule or an end of the text)."""
        return self.at_end or self.at_rule


def _side(context: str, before: bool) -> _Side:
    rules = list(_RULE_LINE.finditer(context))
    at_end = len(context) < CONTEXT and not rules
    if rules:
        context = context[rules[-1].end() :] if before else context[: rules[0].start()]
    cut = context.rfind("\n") if before else context.find("\n")
    if cut < 0:
        near = _strip(context)
        return _Side(near[::-1] if before else near, "", at_end or bool(rules), at_end, bool(rules))
    if before:
        near, far = _strip(context[cut + 1 :])[::-1], _strip(context[:cut])[::-1]
    else:
        near, far = _strip(context[:cut]), _strip(context[cut + 1 :])
    return _Side(near, far, True, at_end, bool(rules))


class _Query(NamedTuple):
    quote: str
    before: _Side
    after: _Side
    budget: int
    # Characters of the quote before its first paragraph break, and after its last.
    head: int
    tail: int


def _query(sel: Selector, config: Thresholds) -> _Query:
    quote = _strip(sel.exact)
    lines = [len(_strip(line)) for line in sel.exact.split("\n")]
    lines = [n for n in lines if n]
    return _Query(
        quote,
        _side(sel.prefix, before=True),
        _side(sel.suffix, before=False),
        int(len(quote) * config.max_error_rate),
        lines[0] if lines else 0,
        lines[-1] if lines else 0,
    )


def _agree(stored: str, found: str) -> int:
    """Characters of `stored` that agree with `found`, both read outward from the quote,
    as far out as they keep agreeing: the best running count of matches less edits."""
    if not stored:
        return 0
    if found.startswith(stored):
        return len(stored)
    best = run = 0
    for op in Levenshtein.opcodes(stored, found[: len(stored)]):
        if op.tag == "equal":
            run += op.src_end - op.src_start
            best = max(best, run)
        else:
            run -= max(op.src_end - op.src_start, op.dest_end - op.dest_start)
    return best


def _same(stored: str, found: str) -> int:
    """Characters of `stored` found in the same places in `found` (OCR misreads a
    character as another, so its errors keep places; a shifted text does not)."""
    return sum(a == b for a, b in zip(stored, found, strict=False))


def _beside(hay: _Stripped, side: _Side, start: int, end: int, before: bool) -> str:
    """The text beside stripped [start, end) on one side, read outward, as long as the
    stored side."""
    size = len(side.whole)
    if before:
        return hay.text[max(0, start - size) : start][::-1]
    return hay.text[end : end + size]


def _unchanged(text: str, sel: Selector, config: Thresholds) -> float | None:
    """Confidence at the old position when the quote and its stored context are there
    character for character (the common case: the page did not change), else None."""
    start, end = sel.start, sel.end
    if start < 0 or end <= start or text[start:end] != sel.exact:
        return None
    if text[max(0, start - len(sel.prefix)) : start] != sel.prefix:
        return None
    if text[end : end + len(sel.suffix)] != sel.suffix:
        return None
    if start == len(sel.prefix) and end + len(sel.suffix) == len(text):
        return 1.0  # the whole text is what it was
    # Clean text has little layout: counting it out is enough unless the window is short.
    # A side that reaches an end of the text, as it did, is all the context there is.
    window = sel.prefix + sel.exact + sel.suffix
    size = len(window) - sum(window.count(c) for c in _LAYOUT)
    if size < config.strong_support:
        size = len(_strip(sel.exact))
        size += CONTEXT if start == len(sel.prefix) < CONTEXT else len(_strip(sel.prefix))
        ends = end + len(sel.suffix) == len(text) and len(sel.suffix) < CONTEXT
        size += CONTEXT if ends else len(_strip(sel.suffix))
    return round(min(1.0, size / config.strong_support), 3)


# -- candidate places ----------------------------------------------------------------------


class _Place(NamedTuple):
    support: int
    start: int  # stripped offsets
    end: int
    edits: int  # in the quote


def _exact_places(hay: _Stripped, q: _Query) -> list[tuple[int, int, int]]:
    out = []
    m = len(q.quote)
    at = hay.text.find(q.quote)
    while at != -1:
        out.append((at, at + m, 0))
        at = hay.text.find(q.quote, at + 1)
    return out


def _fuzzy_places(hay: _Stripped, q: _Query, config: Thresholds) -> list[tuple[int, int, int]]:
    """Places within the error budget of the quote, but not exact: (start, end, edits)."""
    quote, budget = q.quote, q.budget
    m = len(quote)
    if not budget:
        return []
    text = hay.text
    # Pigeonhole: with at most `budget` edits, one of budget + 1 pieces survives intact.
    pieces = budget + 1
    size = max(1, m // pieces)
    starts: set[int] = set()
    for p in range(pieces):
        offset = p * size
        piece = quote[offset : offset + size] if p < pieces - 1 else quote[offset:]
        if not piece:
            continue
        at = text.find(piece)
        while at != -1 and len(starts) < config.max_fuzzy_starts:
            starts.add(at - offset)
            at = text.find(piece, at + 1)
    # Guesses a few characters apart are one place: search it once.
    groups: list[list[int]] = []
    for guess in sorted(starts):
        if groups and guess - groups[-1][-1] <= budget and guess - groups[-1][0] <= m:
            groups[-1].append(guess)
        else:
            groups.append([guess])
    found: dict[tuple[int, int], int] = {}
    for group in groups:
        lo = max(0, group[0] - budget)
        window = text[lo : group[-1] + m + budget]
        if len(window) < m - budget:
            continue
        # The best match leaves at most len(window) - (m - budget) characters of the window.
        slack = budget + len(window) - m + budget
        if Levenshtein.distance(quote, window, score_cutoff=slack + 1) > slack:
            continue
        guess = min(max(0, group[len(group) // 2]), len(text) - 1)
        begin, finish = _refine(hay, q, guess, min(len(text), guess + m), config)
        if finish > begin:
            distance = Levenshtein.distance(quote, text[begin:finish])
            if 0 < distance <= budget:
                found[(begin, finish)] = distance
    return [(s, e, d) for (s, e), d in found.items()]


def _refine(
    hay: _Stripped, q: _Query, begin: int, finish: int, config: Thresholds
) -> tuple[int, int]:
    """The span near [begin, finish) closest to the quote, found by moving each end in
    turn. Taking in a neighbouring character as a substitution costs as much as leaving
    out one of the quote's own lost characters, so between equally close spans an end goes
    where the stored context is found next to it, or else inward, so that a highlight
    never spreads onto text nothing vouches for."""
    text, quote, budget = hay.text, q.quote, q.budget
    head = q.before.whole[: config.end_chars][::-1]
    tail = q.after.whole[: config.end_chars]

    def near(stored: str, found: str) -> bool:
        if not stored:
            return False
        if Levenshtein.distance(stored, found, score_cutoff=2) <= 1:
            return True
        return _same(stored, found) >= config.same_share * len(stored)

    def start_for(begin: int, finish: int) -> int:
        options = range(max(0, begin - budget), min(finish - 1, begin + budget) + 1)
        scored = [(Levenshtein.distance(quote, text[b:finish]), b) for b in options]
        least = min(d for d, _ in scored)
        ties = [b for d, b in scored if d == least]
        vouched = [b for b in ties if near(head, text[max(0, b - len(head)) : b])]
        return min(vouched, key=lambda b: abs(b - begin)) if vouched else max(ties)

    def finish_for(begin: int, finish: int) -> int:
        options = range(max(begin + 1, finish - budget), min(len(text), finish + budget) + 1)
        scored = [(Levenshtein.distance(quote, text[begin:f]), f) for f in options]
        least = min(d for d, _ in scored)
        ties = [f for d, f in scored if d == least]
        vouched = [f for f in ties if near(tail, text[f : f + len(tail)])]
        return min(vouched, key=lambda f: abs(f - finish)) if vouched else min(ties)

    for _ in range(2):
        begin = start_for(begin, finish)
        finish = finish_for(begin, finish)
    return begin, finish


# -- where a place's ends may go -----------------------------------------------------------


def _trim(
    hay: _Stripped, q: _Query, begin: int, finish: int, config: Thresholds
) -> tuple[int, int, int] | None:
    """The place [begin, finish) without ends that nothing vouches for, and its edits; None
    if nothing is left within the error budget.

    Where an end is not vouched for (see `_vouched`), the quote's end on that side may be
    lost, cut with a deleted paragraph or left in an article that moved, and what matches
    there may be chance. Text is lost paragraph by paragraph, so the place then starts
    (ends) at a paragraph boundary, with a piece of matching characters that vouches for
    itself: `solid_run` of them in one paragraph, or a whole short paragraph with a word in
    it (a heading), not found elsewhere as such when the place crosses an article rule;
    and what follows it to its paragraph's end (precedes it from its paragraph's start)
    matches within the error rate, so that a heading echoing a lost sentence does not
    qualify. Of these, the one that drops the least worth is taken (matches less twice the
    edits of what is cut; ties go inward)."""
    text, quote = hay.text, q.quote
    pre_ok = _vouched(hay, q, begin, finish, True, config)
    post_ok = _vouched(hay, q, begin, finish, False, config)
    if pre_ok and post_ok:
        distance = Levenshtein.distance(quote, text[begin:finish])
        return (begin, finish, distance) if distance <= q.budget else None
    crossing = hay.crosses_rule(begin, finish)
    rate = config.max_error_rate
    ops = list(Levenshtein.opcodes(quote, text[begin:finish]))
    # The alignment as matching pieces cut at paragraph breaks, (start, end, 0), and
    # edits, (0, 0, cost).
    items: list[tuple[int, int, int]] = []
    for op in ops:
        if op.tag == "equal":
            lo, hi = begin + op.dest_start, begin + op.dest_end
            cuts = hay.breaks_in(lo, hi)
            items += [(a, b, 0) for a, b in zip([lo, *cuts], [*cuts, hi], strict=True)]
        else:
            items.append((0, 0, max(op.src_end - op.src_start, op.dest_end - op.dest_start)))
    outer = begin, finish
    cuts = [begin, *hay.breaks_in(begin, finish), finish]

    def worth(item: tuple[int, int, int]) -> int:
        return item[1] - item[0] - 2 * item[2]

    def vouches(item: tuple[int, int, int]) -> bool:
        a, b, cost = item
        if cost or (crossing and _recurs(hay, a, b)):
            return False
        if b - a >= config.solid_run:
            return True
        return a in hay.breaks and b in hay.breaks and _WORD.search(text[a:b]) is not None

    def clean(lo: int, hi: int) -> bool:
        # The edits that fall in stripped [lo, hi) stay within the error rate.
        cost = 0
        for op in ops:
            if op.tag != "equal":
                a, b = outer[0] + op.dest_start, outer[0] + op.dest_end
                if a == b:
                    cost += (lo < a < hi) * (op.src_end - op.src_start)
                else:
                    cost += max(0, min(b, hi) - max(a, lo))
        return cost <= rate * (hi - lo)

    def paragraph(at: int) -> tuple[int, int]:
        k = bisect.bisect_right(cuts, at)
        return cuts[k - 1], cuts[k]

    keep = [k for k, item in enumerate(items) if vouches(item)]
    if not pre_ok:
        keep = [
            k
            for k in keep
            if items[k][0] in hay.breaks and clean(items[k][0], paragraph(items[k][0])[1])
        ]
    if not post_ok:
        keep = [
            k
            for k in keep
            if items[k][1] in hay.breaks and clean(paragraph(items[k][1] - 1)[0], items[k][1])
        ]
    if not keep:
        return None
    if not pre_ok:
        dropped = [sum(worth(items[j]) for j in range(k)) for k in keep]
        first = keep[len(dropped) - 1 - dropped[::-1].index(min(dropped))]
        keep = [k for k in keep if k >= first]
        begin = items[first][0]
    if not post_ok:
        dropped = [sum(worth(items[j]) for j in range(k + 1, len(items))) for k in keep]
        finish = items[keep[dropped.index(min(dropped))]][1]
    distance = Levenshtein.distance(quote, text[begin:finish])
    # The alignment may have put off an end that is vouched for just outside the piece
    # (an author's line's closing bracket before an article rule).
    budget = q.budget
    if not pre_ok:
        for b in range(begin - 1, max(0, outer[0] - budget) - 1, -1):
            d = Levenshtein.distance(quote, text[b:finish])
            if d < distance and _vouched(hay, q, b, finish, True, config):
                begin, distance = b, d
    if not post_ok:
        for f in range(finish + 1, min(len(text), outer[1] + budget) + 1):
            d = Levenshtein.distance(quote, text[begin:f])
            if d < distance and _vouched(hay, q, begin, f, False, config):
                finish, distance = f, d
    return (begin, finish, distance) if distance <= budget else None


def _held_from_the_other_side(
    hay: _Stripped, q: _Query, begin: int, finish: int, start: bool, config: Thresholds
) -> bool:
    """Whether the place is the quote exactly, at least `adjacent_run` characters long
    and ending on this side in a letter (not a mark), and the stored context on the side
    away from this end agrees exactly next to it: at least `adjacent_run` characters, and
    with the quote half of `strong_support`."""
    quote = q.quote
    if len(quote) < config.adjacent_run or hay.text[begin:finish] != quote:
        return False  # (a short quote's end may be a character written in anew)
    if not quote[0 if start else -1].isalnum():
        return False  # (a quote that opens with the stop before it: any stop matches it)
    other = q.after if start else q.before
    found = _beside(hay, other, begin, finish, not start)
    agree = 0
    for mine, stored in zip(found, other.near, strict=False):
        if mine != stored:
            break
        agree += 1
    if agree < config.adjacent_run or 2 * (agree + len(quote)) < config.strong_support:
        return False
    # And on this side the stored context again, past a few characters written in next to
    # the quote: a copy of the sentence elsewhere has other text there, not the same.
    side = q.before if start else q.after
    size, limit = len(side.near), config.settle_edits + 2
    if size < config.adjacent_run:
        return False
    at = begin if start else finish
    if start:
        found = hay.text[max(0, at - size - limit) : at][::-1]
    else:
        found = hay.text[at : at + size + limit]
    # (Characters written in are inserted: the stored context is then found within the
    # longer stretch read here, its end cut off as far as they pushed it.)
    return Levenshtein.distance(side.near, found, score_cutoff=2 * limit) <= limit + (
        len(found) - size
    )


def _vouched(
    hay: _Stripped, q: _Query, begin: int, finish: int, start: bool, config: Thresholds
) -> bool:
    """Whether the start (or end) of the place [begin, finish) is vouched for by what lies
    next to it: the stored context, as far as the quote's paragraph goes and mostly beyond
    (give or take OCR errors), or a paragraph break where the quote began (ended) one with
    its paragraph matching within the error rate there. Where the stored context stopped at
    an article's edge, the place's must stop there too. Across an article rule, another
    copy of the quote's paragraph at this end (an author's line) may have the stored
    context beyond the paragraph around it: then that copy is the quote's, not this one."""
    text, quote, share = hay.text, q.quote, config.near_share
    side = q.before if start else q.after
    found = _beside(hay, side, begin, finish, start)
    at = begin if start else finish
    forgiven = False
    if side.bounded:
        if not hay.edge(at - len(side.whole) if start else at + len(side.whole)):
            return False
        missed = len(side.whole) - _same(side.whole, found)
        forgiven = missed == 0 or (missed == 1 and len(side.whole) >= 2)
    # The quote whole, its paragraph now ending (starting) within what was its stored
    # context there, which agrees up to the break: the paragraph was split next to it
    # (a correction), or the rest of it moved or deleted.
    cut = not forgiven and text[begin:finish] == quote and _cut_short(hay, side, found, at, start)
    # The quote itself, exactly, and the context on its other side exactly: text written
    # in right next to it on this side (a correction) moves no end of it.
    held = (
        not forgiven and not cut and _held_from_the_other_side(hay, q, begin, finish, start, config)
    )
    if (
        not forgiven
        and not cut
        and not held
        and not _adjacent(side, found, at in hay.breaks, config)
    ):
        return False
    lo, hi = (0, q.head) if start else (len(quote) - q.tail, len(quote))
    if hay.crosses_rule(begin, finish):
        if start:
            own, mine = side.near[::-1] + quote[:hi], begin - len(side.near)
        else:
            own, mine = quote[lo:] + side.near, finish - (hi - lo)
        if _claimed(hay, own, side, mine, start, config):
            return False
    if forgiven or cut or held or _agree(side.whole, found) >= share * len(side.whole) > 0:
        return True
    run = config.adjacent_run
    if len(side.near) >= run and found[:run] == side.near[:run] and text[begin:finish] == quote:
        return True
    if side.near and _agree(side.near, found) < share * len(side.near):
        return False
    if text[begin:finish] == quote:
        return True
    edits = [op for op in Levenshtein.opcodes(quote, text[begin:finish]) if op.tag != "equal"]
    return _edits_within(edits, lo, hi) <= config.max_error_rate * (hi - lo)


def _cut_short(hay: _Stripped, side: _Side, found: str, at: int, start: bool) -> bool:
    """Whether a paragraph break next to stripped `at` (the place's start, or its end)
    comes sooner than the stored context's own paragraph ended, with everything between
    agreeing with that context exactly."""
    k = hay.break_near(at, start)
    n = at - k if start else k - at
    return n < len(side.near) and found[:n] == side.near[:n]


def _adjacent(side: _Side, found: str, at_break: bool, config: Thresholds) -> bool:
    """Whether the text next to a place (`found`, read outward) begins as the text next to
    the quote did: its first few characters give or take one edit (looking past the
    paragraph's end if it is that near), or most characters of the whole stored side in
    the same places where OCR errors crowd; or a paragraph break where the quote began
    (ended) one."""
    if not side.near:
        return at_break or not side.edge
    for close in (side.near[: config.close_chars], side.whole[: config.close_chars]):
        allowed = 1 if len(close) >= 3 else 0
        if Levenshtein.distance(close, found[: len(close)], score_cutoff=allowed + 1) <= allowed:
            return True
    return _same(side.whole, found) >= config.same_share * len(side.whole)


def _edits_within(edits: list[Opcode], start: int, end: int) -> int:
    """Edits of an alignment that touch the quote's characters [start, end)."""
    count = 0
    for op in edits:
        if op.src_start == op.src_end:  # an insertion between two quote characters
            count += (start < op.src_start < end) * (op.dest_end - op.dest_start)
        else:
            count += max(0, min(end, op.src_end) - max(start, op.src_start))
    return count


def _recurs(hay: _Stripped, start: int, end: int) -> bool:
    """Whether stripped [start, end) is found elsewhere too, as a whole paragraph if it is
    one here (a title echoed in the body does not count; an author's line does)."""
    text, piece = hay.text, hay.text[start:end]
    whole = start in hay.breaks and end in hay.breaks
    at = text.find(piece)
    while at != -1:
        if at != start and (not whole or (at in hay.breaks and at + len(piece) in hay.breaks)):
            return True
        at = text.find(piece, at + 1)
    return False


def _claimed(
    hay: _Stripped, own: str, side: _Side, mine: int, before: bool, config: Thresholds
) -> bool:
    """Whether a copy of `own` (the quote's paragraph at one end, as stored) other than
    the one at stripped `mine` has the stored context beyond that paragraph next to it
    (`before` it for the start, after it for the end), and better than `mine` has."""
    text, far = hay.text, side.far
    if not far:
        return False

    def beyond(at: int) -> int:
        if before:
            return _agree(far, text[max(0, at - len(far)) : at][::-1])
        return _agree(far, text[at + len(own) : at + len(own) + len(far)])

    least = max(config.near_share * len(far), beyond(mine) + 1)
    at = text.find(own)
    while at != -1:
        if at != mine and beyond(at) >= least:
            return True
        at = text.find(own, at + 1)
    return False


# -- the evidence for a place --------------------------------------------------------------


class _Look(NamedTuple):
    """How one side of a place agrees with the stored context."""

    near: int  # agreeing characters in the quote's own paragraph
    ok: bool  # the place's paragraph agrees on this side (or ends where it did)
    anchored: bool  # exactly, and with enough characters to vouch for the one beyond
    far: int  # agreeing characters beyond the paragraph, if they are to count


def _look(
    side: _Side, found: str, at_break: bool, at_edge: bool, piece: int, config: Thresholds
) -> _Look:
    """`found`: the place's text on this side, read outward; `at_break`: a break lies
    where the near part ends; `at_edge`: an article ends where the stored side does;
    `piece`: the quote's characters in the same paragraph as the near part."""
    n = len(side.near)
    near = _agree(side.near, found)
    ok = near >= config.near_share * n if n else (at_break or not side.edge)
    anchored = ok and near == n and near + piece >= config.solid_run
    whole = side.whole
    if side.bounded and at_edge and found[: len(whole)] == whole:
        # All there is agrees, up to the edge of the article: as good as a whole context.
        far = max(len(side.far), CONTEXT - n)
    else:
        far = _agree(side.far, found[n:])
    return _Look(near, ok, anchored, far)


def _support(
    hay: _Stripped, q: _Query, start: int, end: int, edits: int, config: Thresholds
) -> int:
    """Characters of quote and context that agree at stripped [start, end). Context beyond
    a paragraph break counts only where the place's own paragraph agrees on that side, and
    either on the other side too or exactly with `solid_run` characters of quote and
    context (the paragraph after a deleted one also follows the one before it)."""
    pre, post = q.before, q.after
    n, m = len(pre.near), len(post.near)
    lo, hi = start - len(pre.whole), end + len(post.whole)
    before = _look(
        pre,
        _beside(hay, pre, start, end, True),
        start - n in hay.breaks,
        pre.bounded and hay.edge(lo),
        q.head,
        config,
    )
    after = _look(
        post,
        _beside(hay, post, start, end, False),
        min(len(hay.text), end + m) in hay.breaks,
        post.bounded and hay.edge(hi),
        q.tail,
        config,
    )
    total = len(q.quote) - 2 * edits + before.near + after.near
    if before.ok and (after.ok or before.anchored):
        total += before.far
    if after.ok and (before.ok or after.anchored):
        total += after.far
    return total


def _settled(hay: _Stripped, q: _Query, start: int, end: int, config: Thresholds) -> bool:
    """Whether the quote is at stripped [start, end) exactly with all of its stored context,
    give or take a few edits per side: then no other place can be better."""
    limit = config.settle_edits
    for side, before in ((q.before, True), (q.after, False)):
        found = _beside(hay, side, start, end, before)
        whole = side.whole
        # Where the stored context stopped at an article's edge, so must the place's.
        if side.bounded and not hay.edge(start - len(whole) if before else end + len(whole)):
            return False
        # The characters right next to the quote exactly, so that a repeated one ("3000")
        # cannot shift the place by one.
        if found[:2] != whole[:2]:
            return False
        if Levenshtein.distance(whole, found, score_cutoff=limit + 1) > limit:
            return False
    return True


def _confidence(best: _Place, places: list[_Place], config: Thresholds) -> float:
    """Support and lead over the best place that does not overlap `best`, as 0..1."""
    rival = max(
        (p.support for p in places if p.end <= best.start or p.start >= best.end), default=0
    )
    strength = best.support / config.strong_support
    lead = (best.support - rival) / config.decisive_margin
    return max(0.0, min(1.0, strength, lead))


def _result(text: str, hay: _Stripped, sel: Selector, place: _Place, conf: float) -> Anchor:
    start, end = hay.span(place.start, place.end)
    # The quote's own leading and trailing white space, when the text still has it.
    lead = len(sel.exact) - len(sel.exact.lstrip())
    trail = len(sel.exact) - len(sel.exact.rstrip())
    if start >= lead and text[start - lead : end + trail] == sel.exact:
        start, end = start - lead, end + trail
    if text[start:end] == sel.exact:
        method = "position" if (start, end) == (sel.start, sel.end) else "quote"
    else:
        method = "fuzzy"
    return Anchor(start, end, method, round(conf, 3))
