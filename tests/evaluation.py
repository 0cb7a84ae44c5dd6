"""Score the engine against the hand-checked labels in tests/data.

    python -m tests.evaluation            # both sample pages
    python -m tests.evaluation --baseline # the naive "glue until 。！？" baseline too
    python -m tests.evaluation --relayouts 48  # also both pages re-typeset in 48 layouts

Paragraph F1 compares the multiset of paragraph texts exactly (white space ignored);
outline F1 compares (level, text) pairs of every article's outline. Block F1 compares
(kind, text) pairs of every block and headline part (kicker, title, subtitle, byline).

The relayouts also cover two made-up pages with the conventions of real pages that the
two samples lack: `features` (running heads, kickers and subtitles, photo captions, lead
datelines, interviews, notices, every numbering style) and `briefs` (short news items with
their reporters in brackets, a commentary, a photo). They are scored by block F1 too.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.core.document import from_bytes
from reader.core.model import Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"
_WS = re.compile(r"\s+")
_HEAD_KEYS = ("kicker", "title", "subtitle", "byline")
MADE_UP = ("features", "briefs")


def norm(text: str) -> str:
    return _WS.sub("", text)


@dataclass(frozen=True)
class Score:
    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)


def f1(pred: Counter, gold: Counter) -> Score:
    return Score(sum((pred & gold).values()), sum(pred.values()), sum(gold.values()))


def load_gold(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def gold_paragraphs(gold: dict) -> Counter:
    return Counter(
        norm(b["text"]) for a in gold["articles"] for b in a["blocks"] if b["kind"] == "paragraph"
    )


def gold_outline(gold: dict) -> Counter:
    return Counter((o["level"], norm(o["text"])) for a in gold["articles"] for o in a["outline"])


def doc_paragraphs(doc: Document) -> Counter:
    return Counter(norm(b.text) for _, b in doc.iter_blocks() if b.kind == "paragraph")


def doc_outline(doc: Document) -> Counter:
    return Counter((o.level, norm(o.text)) for a in doc.articles for o in a.outline)


def gold_blocks(gold: dict) -> Counter:
    heads = Counter(
        (key, norm(a[key])) for a in gold["articles"] for key in _HEAD_KEYS if a.get(key)
    )
    return heads + Counter(
        (b["kind"], norm(b["text"])) for a in gold["articles"] for b in a["blocks"]
    )


def doc_blocks(doc: Document) -> Counter:
    return Counter((b.kind, norm(b.text)) for a in doc.articles for b in a.all_blocks())


def score_blocks(doc: Document, gold: dict) -> Score:
    return f1(doc_blocks(doc), gold_blocks(gold))


def score_document(doc: Document, gold: dict) -> tuple[Score, Score]:
    return (
        f1(doc_paragraphs(doc), gold_paragraphs(gold)),
        f1(doc_outline(doc), gold_outline(gold)),
    )


def baseline_paragraphs(text: str) -> Counter:
    """Glue lines until one ends in 。！？: the naive reflow the engine is measured against."""
    out: Counter = Counter()
    buf = ""
    for line in text.splitlines():
        buf += line.strip()
        if buf and buf[-1] in "。！？":
            out[norm(buf)] += 1
            buf = ""
    if buf:
        out[norm(buf)] += 1
    return out


def seed_names() -> list[str]:
    return sorted(p.stem for p in DATA.glob("*.json") if (SEEDS / f"{p.stem}.txt").exists())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="store_true", help="also score the naive baseline")
    parser.add_argument(
        "--relayouts", type=int, default=0, metavar="N", help="also score N relayouts of each page"
    )
    args = parser.parse_args()
    total_p = total_o = Score(0, 0, 0)
    print(
        f"{'page':<28} {'paragraph F1':>13} {'outline F1':>11}"
        + ("  baseline F1" if args.baseline else "")
    )
    for name in seed_names():
        data = (SEEDS / f"{name}.txt").read_bytes()
        gold = load_gold(name)
        para, outline = score_document(from_bytes(data, name), gold)
        total_p, total_o = total_p + para, total_o + outline
        extra = ""
        if args.baseline:
            base = f1(baseline_paragraphs(data.decode("utf-8")), gold_paragraphs(gold))
            extra = f"  {base.f1:11.3f}"
        print(f"{name:<28} {para.f1:13.3f} {outline.f1:11.3f}{extra}")
    print(f"{'all pages':<28} {total_p.f1:13.3f} {total_o.f1:11.3f}")
    if args.relayouts:
        relayout_report(args.relayouts)


def relayout_report(count: int) -> None:
    """Pooled scores over `count` layouts of every labelled page, and the worst layouts."""
    from tests.relayout import layouts, render

    total_p = total_o = Score(0, 0, 0)
    rows = []
    for name in seed_names():
        gold = load_gold(name)
        for k, layout in enumerate(layouts(count)):
            para, outline = score_document(from_bytes(render(gold, layout, seed=k)), gold)
            total_p, total_o = total_p + para, total_o + outline
            rows.append((para.f1, outline.f1, name[:3], layout.describe()))
    print(
        f"\n{count} relayouts of each page, pooled: paragraph F1 {total_p.f1:.3f}, "
        f"outline F1 {total_o.f1:.3f}; worst five:"
    )
    for para_f1, outline_f1, name, described in sorted(rows)[:5]:
        print(f"  {para_f1:.3f} {outline_f1:.3f}  {name} {described}")
    for name in MADE_UP:
        made_up_report(name, count)
    halfwidth_report(count)
    stray_blanks_report(count)


def stray_layouts(count: int, share: float = 0.02) -> list:
    """`count` layouts with blank lines between paragraphs or none, and a blank line
    left inside a paragraph at `share` of its line ends."""
    from dataclasses import replace

    from tests.relayout import layouts

    return [
        replace(layout, blank=("paragraph", "none")[k % 2], stray_blanks=share)
        for k, layout in enumerate(layouts(count))
    ]


def stray_blanks_report(count: int) -> None:
    """Pooled scores over `count` layouts of every page with stray blank lines."""
    from tests.relayout import render

    for share in (0.02, 0.05):
        total_p = total_o = Score(0, 0, 0)
        for name in [*seed_names(), *MADE_UP]:
            gold = load_gold(name)
            for k, layout in enumerate(stray_layouts(count, share)):
                para, outline = score_document(from_bytes(render(gold, layout, seed=k)), gold)
                total_p, total_o = total_p + para, total_o + outline
        print(
            f"\n{count} relayouts of all four pages with a blank line inside paragraphs at "
            f"{share:.0%} of line ends, pooled: paragraph F1 {total_p.f1:.3f}, "
            f"outline F1 {total_o.f1:.3f}"
        )


def halfwidth_report(count: int) -> None:
    """Pooled scores over `count` layouts of every page, its punctuation half-width."""
    from tests.relayout import halfwidth_punctuation, layouts, render

    total_p = total_o = Score(0, 0, 0)
    for name in [*seed_names(), *MADE_UP]:
        gold = halfwidth_punctuation(load_gold(name))
        for k, layout in enumerate(layouts(count)):
            para, outline = score_document(from_bytes(render(gold, layout, seed=k)), gold)
            total_p, total_o = total_p + para, total_o + outline
    print(
        f"\n{count} relayouts of all four pages with ，：；？！（） read as ,:;?!(), pooled: "
        f"paragraph F1 {total_p.f1:.3f}, outline F1 {total_o.f1:.3f}"
    )


def made_up_report(name: str, count: int) -> None:
    """Pooled scores over `count` layouts of a made-up page, and its worst layouts."""
    from tests.relayout import layouts, render

    gold = load_gold(name)
    total_p = total_o = total_b = Score(0, 0, 0)
    rows = []
    for k, layout in enumerate(layouts(count)):
        doc = from_bytes(render(gold, layout, seed=k))
        para, outline = score_document(doc, gold)
        blocks = score_blocks(doc, gold)
        total_p, total_o, total_b = total_p + para, total_o + outline, total_b + blocks
        rows.append((blocks.f1, para.f1, outline.f1, layout.describe()))
    print(
        f"\n{count} relayouts of the made-up page {name}, pooled: paragraph F1 "
        f"{total_p.f1:.3f}, outline F1 {total_o.f1:.3f}, block F1 {total_b.f1:.3f}; "
        "worst three (block, paragraph, outline):"
    )
    for blocks_f1, para_f1, outline_f1, described in sorted(rows)[:3]:
        print(f"  {blocks_f1:.3f} {para_f1:.3f} {outline_f1:.3f}  {described}")


if __name__ == "__main__":
    main()
