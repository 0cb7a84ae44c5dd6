"""Measure how annotations re-anchor after their page changed, and how often they land wrong.

    python -m tests.anchoring           # the full measurement, a Markdown table
    python -m tests.anchoring --quick   # the reduced set the test suite runs
    python -m tests.anchoring --seed 7 --rounds 6   # another, larger sample

Pages: the two sample pages as the engine reads them, and the made-up labelled pages
`features` and `briefs` rendered in the default layout of tests/relayout.py and read by the
engine. On each page, annotations are made with `new_annotation` on seeded random spans of
the clean text: short ones (2-4 characters) and long ones (5-80), counted without white
space, spread over the page, and for the variants that change one place (a paragraph
deleted or hidden, articles swapped) more of them around that place, where anchoring is
hardest. Each variant changes the page, then `place` anchors them all in the new clean text:

- words rewritten: 4 to 12 characters in a row of one paragraph replaced by others of the
  page, as an editor rewrites a phrase; annotations gather around it.
- 1% changed: as many characters as 1% of the text, all CJK, replaced by other CJK
  characters of the page, as OCR misreads them.
- paragraph deleted: one paragraph and its separating blank line cut from the clean text.
- articles swapped: two articles of the clean text trade places.
- re-wrapped: the page re-typeset from its labels in another layout of tests/relayout.py
  (column width, indents, blank lines, line ends, OCR's spaces) and read by the engine.
- re-encoded: the same page as GB18030 bytes, read by the engine again.
- paragraph hidden: one paragraph marked as page furniture, so it leaves the clean text.
- paragraph split, rest moved: a paragraph split after one of its sentences and the rest
  moved to the start of its article, as making it the article's title does.
- different page: the annotations of one page anchored on another page.

Ground truth is computed, never assumed. For the variants made on the clean text (1%
changed, deleted, swapped) and for the hidden paragraph (through `CleanText.starts` of both
texts) every old offset is carried to its new offset, or to nothing. For the variants read
by the engine again (re-wrapped, re-encoded) the old and new texts are aligned (rapidfuzz
`Levenshtein.opcodes`; nothing moves there): characters in equal runs and in replacements
of equal length map one to one, the rest to nothing. On a different page nothing maps.

Definitions, all on the texts without white space and without the article rules (＊＊＊)
that clean text puts between articles, both being layout, as they are to the anchoring:

- error budget: the fuzzy step's, `reader.core.anchor.error_budget(quote)`: a quarter of
  the quote's characters, so none for 2-3 characters.
- truth span: the annotation's surviving characters as mapped into the new text, taking
  the longest chain of them that keeps their old order with gaps of at most the error
  budget (a piece that moved elsewhere drops out), from the first to the last of them.
- still exists: some character survives, and the text of the truth span is within the
  error budget of the quote (a quote whose paragraph was deleted does not exist, even if
  the same characters occur elsewhere).
- RIGHT: placed, and the placed span is exactly the truth span.
- WRONG: placed, but the annotation does not still exist, or the placed span differs from
  the truth span in any character.
- PART: placed on part of the truth span and on nothing else: every character placed on
  is one of the quote's own, carried over (a quote across a split paragraph, drawn on the
  part left where it was, its other part moved away).
- UNPLACED: not placed (the caller lists it as unanchored).

`right / exist` is RIGHT over the annotations that still exist.
"""

from __future__ import annotations

import argparse
import bisect
import copy
import itertools
import random
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from reader.bundled import sample_pages
from reader.core.anchor import error_budget
from reader.core.annotations import new_annotation, place
from reader.core.document import from_bytes, load
from reader.core.export import ARTICLE_RULE, CleanText, clean_text
from reader.core.model import Document
from tests.evaluation import MADE_UP, load_gold
from tests.relayout import Layout, layouts, render

VARIANTS = (
    "1% changed",
    "words rewritten",
    "paragraph deleted",
    "articles swapped",
    "re-wrapped",
    "re-encoded",
    "paragraph hidden",
    "paragraph split, rest moved",
    "different page",
)
SHORT = (2, 4)
LONG = (5, 80)
FOCUS_MARGIN = 40  # characters either side of a changed place that focused spans start in
_CJK = re.compile(r"[\u4e00-\u9fff]")
_RULE_SEP = f"\n\n{ARTICLE_RULE}\n\n"
_RULE_LINE = re.compile(f"(?m)^{re.escape(ARTICLE_RULE)}$")


@dataclass
class Page:
    name: str
    doc: Document
    clean: CleanText
    data: bytes  # the bytes the engine read
    gold: dict


def pages() -> list[Page]:
    """The sample pages and the made-up labelled pages, read by the engine."""
    out = []
    for path in sample_pages():
        doc = load(path)
        out.append(
            Page(path.stem[:3], doc, clean_text(doc), path.read_bytes(), load_gold(path.stem))
        )
    for name in MADE_UP:
        gold = load_gold(name)
        data = render(gold, Layout())
        doc = from_bytes(data, name)
        out.append(Page(name, doc, clean_text(doc), data, gold))
    return out


class Squeezed:
    """A text without white space and article rules, and each kept character's offset."""

    def __init__(self, text: str) -> None:
        rules = {i for m in _RULE_LINE.finditer(text) for i in range(m.start(), m.end())}
        self.origin = [i for i, ch in enumerate(text) if not ch.isspace() and i not in rules]
        self.text = "".join(text[i] for i in self.origin)

    def index(self, offset: int) -> int:
        return bisect.bisect_left(self.origin, offset)


@dataclass
class Changed:
    """A page after a change: its new clean text, where each old character went (old
    offset -> new offset, None when it is gone), and the old spans that changed."""

    text: str
    moved: dict[int, int] | None = None  # None: found by alignment instead
    focus: list[tuple[int, int]] = field(default_factory=list)


# -- the variants ----------------------------------------------------------------------------


def ocr_errors(page: Page, rng: random.Random, share: float = 0.01) -> Changed:
    text = page.clean.text
    cjk = [m.start() for m in _CJK.finditer(text)]
    alphabet = sorted({text[i] for i in cjk})
    chars = list(text)
    for i in rng.sample(cjk, round(len(text) * share)):
        chars[i] = rng.choice([c for c in alphabet if c != text[i]])
    return Changed("".join(chars), {i: i for i in range(len(text))})


def rewrite_words(page: Page, rng: random.Random) -> Changed:
    """A few words of a sentence rewritten, as an editor corrects a phrase: 4 to 12
    characters in a row of one paragraph replaced by others of the page, the text around
    them as it was."""
    text = page.clean.text
    ai, k = _paragraphs(page, rng)
    start = page.clean.starts[(ai, k)]
    end = start + len(page.doc.articles[ai].all_blocks()[k].text)
    cjk = [m.start() for m in _CJK.finditer(text, start, end)]
    size = min(rng.randint(4, 12), len(cjk))
    at = rng.randrange(len(cjk) - size + 1)
    alphabet = sorted(set(_CJK.findall(text)))
    chars = list(text)
    for i in cjk[at : at + size]:
        chars[i] = rng.choice([c for c in alphabet if c != text[i]])
    return Changed(
        "".join(chars), {i: i for i in range(len(text))}, [(cjk[at], cjk[at + size - 1] + 1)]
    )


def _paragraphs(page: Page, rng: random.Random) -> tuple[int, int]:
    """A paragraph (article, index in all_blocks) with other text in its article."""
    keys = [
        (ai, k)
        for ai, art in enumerate(page.doc.articles)
        for k, b in enumerate(art.all_blocks())
        if b.kind == "paragraph"
        and k >= len(art.head)
        and (ai, k) in page.clean.starts
        and sum(1 for key in page.clean.starts if key[0] == ai) > 1
    ]
    return rng.choice(keys)


def delete_paragraph(page: Page, rng: random.Random) -> Changed:
    text = page.clean.text
    ai, k = _paragraphs(page, rng)
    start = page.clean.starts[(ai, k)]
    end = start + len(page.doc.articles[ai].all_blocks()[k].text)
    # With the blank line after it, or before it when it closes its article.
    lo, hi = (start, end + 2) if text[end : end + 2] == "\n\n" else (start - 2, end)
    moved = {i: i for i in range(lo)}
    moved.update({i: i - (hi - lo) for i in range(hi, len(text))})
    return Changed(text[:lo] + text[hi:], moved, [(start, end)])


def swap_articles(page: Page, rng: random.Random) -> Changed | None:
    text = page.clean.text
    body = text[:-1]  # the clean text ends with one newline
    parts = body.split(_RULE_SEP)
    if len(parts) < 2:
        return None
    starts = [0]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part) + len(_RULE_SEP))
    a, b = sorted(rng.sample(range(len(parts)), 2))
    order = list(range(len(parts)))
    order[a], order[b] = b, a
    moved: dict[int, int] = {}
    new_at = 0
    for n, idx in enumerate(order):
        if n:
            new_at += len(_RULE_SEP)
        for off in range(len(parts[idx])):
            moved[starts[idx] + off] = new_at + off
        new_at += len(parts[idx])
    new = _RULE_SEP.join(parts[i] for i in order) + "\n"
    focus = [(starts[i], starts[i] + len(parts[i])) for i in (a, b)]
    return Changed(new, moved, focus)


def rewrap(page: Page, rng: random.Random) -> Changed:
    layout = rng.choice(layouts(26))
    data = render(page.gold, replace(layout, encoding="utf-8"), seed=rng.randrange(1000))
    return Changed(clean_text(from_bytes(data, page.name)).text)


def reencode(page: Page, _rng: random.Random) -> Changed:
    text = page.data.decode("utf-8-sig")
    return Changed(clean_text(from_bytes(text.encode("gb18030"), page.name)).text)


def hide_paragraph(page: Page, rng: random.Random) -> Changed:
    ai, k = _paragraphs(page, rng)
    doc = copy.deepcopy(page.doc)
    doc.articles[ai].all_blocks()[k].kind = "noise"
    new = clean_text(doc)
    old = page.clean
    moved: dict[int, int] = {}
    for key, start in old.starts.items():
        if key in new.starts:
            size = len(page.doc.articles[key[0]].all_blocks()[key[1]].text)
            moved.update({start + off: new.starts[key] + off for off in range(size)})
    start = old.starts[(ai, k)]
    end = start + len(page.doc.articles[ai].all_blocks()[k].text)
    return Changed(new.text, moved, [(start, end)])


def split_and_move(page: Page, rng: random.Random) -> Changed | None:
    """A paragraph split after one of its sentences, the rest made its article's title:
    moved to the article's start."""
    text = page.clean.text
    ai, k = _paragraphs(page, rng)
    start = page.clean.starts[(ai, k)]
    end = start + len(page.doc.articles[ai].all_blocks()[k].text)
    cuts = [m.end() for m in re.finditer("[。！？]", text[start:end]) if m.end() < end - start]
    if not cuts:
        return None
    cut = start + rng.choice(cuts)
    top = min(at for key, at in page.clean.starts.items() if key[0] == ai)
    rest = text[cut:end]
    new = text[:top] + rest + "\n\n" + text[top:cut] + text[end:]
    moved = {i: i for i in range(top)}
    moved.update({i: i + len(rest) + 2 for i in range(top, cut)})
    moved.update({i: top + i - cut for i in range(cut, end)})
    moved.update({i: i + 2 for i in range(end, len(text))})
    return Changed(new, moved, [(start, end)])


def other_page(page: Page, rng: random.Random, every: list[Page]) -> Changed:
    others = [p for p in every if p.name != page.name]
    return Changed(rng.choice(others).clean.text, {})


# -- ground truth ----------------------------------------------------------------------------


def stripped_map(old: str, new: str, changed: Changed) -> list[int | None]:
    """For each character of `old` without white space, its index in `new` without white
    space (None: gone)."""
    a, b = Squeezed(old), Squeezed(new)
    out: list[int | None] = [None] * len(a.text)
    if changed.moved is not None:
        for k, offset in enumerate(a.origin):
            target = changed.moved.get(offset)
            if target is not None:
                j = b.index(target)
                out[k] = j if j < len(b.origin) and b.origin[j] == target else None
        return out
    for op in Levenshtein.opcodes(a.text, b.text):
        same = op.src_end - op.src_start == op.dest_end - op.dest_start
        if op.tag == "equal" or (op.tag == "replace" and same):
            for n in range(op.src_end - op.src_start):
                out[op.src_start + n] = op.dest_start + n
    return out


def truth_span(where: list[int | None], budget: int) -> tuple[int, int] | None:
    """Where a span's surviving characters are now: the longest chain of them that stays
    in order, each at most `budget` characters after the one before, from its first to its
    last (a piece that moved elsewhere drops out; what lies on either side of it may still
    join up)."""
    kept = [j for j in where if j is not None]
    if not kept:
        return None
    if all(0 < b - a <= budget + 1 for a, b in itertools.pairwise(kept)):
        return kept[0], kept[-1] + 1
    # Longest chain by dynamic programming: length and first character, for each end.
    chain: list[tuple[int, int]] = []
    for i, j in enumerate(kept):
        best = (1, j)
        for k in range(i):
            if 0 < j - kept[k] <= budget + 1 and chain[k][0] + 1 > best[0]:
                best = (chain[k][0] + 1, chain[k][1])
        chain.append(best)
    i = max(range(len(kept)), key=lambda n: chain[n][0])
    return chain[i][1], kept[i] + 1


# -- the measurement -------------------------------------------------------------------------


@dataclass
class Tally:
    right: int = 0
    unplaced: int = 0
    wrong: int = 0
    exist: int = 0
    part: int = 0

    @property
    def total(self) -> int:
        return self.right + self.unplaced + self.wrong + self.part

    def share(self) -> float:
        return self.right / self.exist if self.exist else 1.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.right + other.right,
            self.unplaced + other.unplaced,
            self.wrong + other.wrong,
            self.exist + other.exist,
            self.part + other.part,
        )


@dataclass(frozen=True)
class Plan:
    rounds: int = 5  # changes of each kind per page
    spread: int = 60  # short and as many long spans spread over each page
    focused: int = 30  # short and as many long spans around the changed place
    seed: int = 20240611


FULL = Plan()
QUICK = Plan(rounds=1, spread=30, focused=30)


def spans(
    clean: str, rng: random.Random, count: int, sizes: tuple[int, int], within: tuple[int, int]
) -> list[tuple[int, int]]:
    """`count` spans of `sizes` characters (layout not counted) starting in `within`."""
    squeezed = Squeezed(clean)
    lo, hi = squeezed.index(within[0]), squeezed.index(within[1])
    out = []
    for _ in range(count):
        size = rng.randint(*sizes)
        last = min(hi, len(squeezed.text) - size)
        if last < lo:
            break
        k = rng.randint(lo, last)
        out.append((squeezed.origin[k], squeezed.origin[k + size - 1] + 1))
    return out


def judge(page: Page, changed: Changed, chosen: list[tuple[int, int]], tally: Tally) -> None:
    old, new = page.clean.text, changed.text
    where = stripped_map(old, new, changed)
    a, b = Squeezed(old), Squeezed(new)
    annotations = [new_annotation(page.doc, page.clean, s, e) for s, e in chosen]
    for (s, e), placed in zip(chosen, place(new, annotations), strict=True):
        lo, hi = a.index(s), a.index(e)
        quote = a.text[lo:hi]
        budget = error_budget(placed.annotation.quote)
        truth = truth_span(where[lo:hi], budget)
        exists = (
            truth is not None and Levenshtein.distance(quote, b.text[truth[0] : truth[1]]) <= budget
        )
        tally.exist += exists
        if placed.anchor is None:
            tally.unplaced += 1
            continue
        got = (b.index(placed.anchor.start), b.index(placed.anchor.end))
        own = {j for j in where[lo:hi] if j is not None}
        if exists and got == truth:
            tally.right += 1
        elif exists and all(j in own for j in range(*got)):
            tally.part += 1
        else:
            tally.wrong += 1


def measure(
    plan: Plan = FULL, only: Iterable[str] = VARIANTS, report: Callable[[str], None] | None = None
) -> dict[tuple[str, str], Tally]:
    """Tallies by (variant, "short" | "long")."""
    every = pages()
    makers: dict[str, Callable[[Page, random.Random], Changed | None]] = {
        "1% changed": ocr_errors,
        "words rewritten": rewrite_words,
        "paragraph deleted": delete_paragraph,
        "articles swapped": swap_articles,
        "re-wrapped": rewrap,
        "re-encoded": reencode,
        "paragraph hidden": hide_paragraph,
        "paragraph split, rest moved": split_and_move,
        "different page": lambda page, rng: other_page(page, rng, every),
    }
    tallies: dict[tuple[str, str], Tally] = {}
    for variant in only:
        for page in every:
            for r in range(plan.rounds):
                rng = random.Random(f"{plan.seed}/{variant}/{page.name}/{r}")
                changed = makers[variant](page, rng)
                if changed is None:
                    continue
                text = page.clean.text
                for label, sizes in (("short", SHORT), ("long", LONG)):
                    chosen = spans(text, rng, plan.spread, sizes, (0, len(text)))
                    for lo, hi in changed.focus:
                        near = (max(0, lo - FOCUS_MARGIN), min(len(text), hi + FOCUS_MARGIN))
                        chosen += spans(text, rng, plan.focused // len(changed.focus), sizes, near)
                    tally = tallies.setdefault((variant, label), Tally())
                    judge(page, changed, chosen, tally)
        if report:
            report(variant)
    return tallies


def table(tallies: dict[tuple[str, str], Tally]) -> str:
    rows = ["| variant | quotes | still exist | RIGHT | PART | UNPLACED | WRONG | right / exist |"]
    rows.append("|---|---:|---:|---:|---:|---:|---:|---:|")

    def row(label: str, t: Tally) -> str:
        return (
            f"| {label} | {t.total} | {t.exist} | {t.right} | {t.part} | {t.unplaced} "
            f"| {t.wrong} | {t.share():.1%} |"
        )

    variants = list(dict.fromkeys(v for v, _ in tallies))
    for variant in variants:
        short = tallies.get((variant, "short"), Tally())
        long = tallies.get((variant, "long"), Tally())
        rows.append(row(variant, short + long))
    for label in ("short", "long"):
        pooled = sum((t for (_, size), t in tallies.items() if size == label), Tally())
        bounds = SHORT if label == "short" else LONG
        rows.append(row(f"all, {label} ({bounds[0]}–{bounds[1]} characters)", pooled))
    rows.append(row("**all**", sum(tallies.values(), Tally())))
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the reduced set the tests run")
    parser.add_argument("--rounds", type=int, help="changes of each kind per page")
    parser.add_argument("--seed", type=int, help="another seed, for another sample")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.rounds:
        plan = replace(plan, rounds=args.rounds)
    if args.seed is not None:
        plan = replace(plan, seed=args.seed)
    began = time.perf_counter()
    tallies = measure(plan, report=lambda v: print(f"measured {v}", file=sys.stderr, flush=True))
    print(table(tallies))
    took = time.perf_counter() - began
    print(f"\n{plan.rounds} round(s) per page and variant, seed {plan.seed}; {took:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
