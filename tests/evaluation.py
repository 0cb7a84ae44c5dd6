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
    parser.add_argument(
        "--real", action="store_true", help="also score the hand-labelled real OCR pages"
    )
    parser.add_argument(
        "--boxes",
        type=int,
        default=0,
        metavar="N",
        help="also score N layouts of each labelled page typeset as PaddleOCR boxes",
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
    if args.boxes:
        box_report(args.boxes)
    if args.real:
        real_report()
        real_variants_report()
        english_report()
        if args.relayouts:
            real_relayout_report(args.relayouts)


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
    print_worst(
        f"{count} relayouts of each page, pooled: paragraph F1 {total_p.f1:.3f}, "
        f"outline F1 {total_o.f1:.3f}",
        rows,
    )
    for name in MADE_UP:
        made_up_report(name, count)
    halfwidth_report(count)
    stray_blanks_report(count)


def box_scores(count: int, merge: float | None = None) -> tuple[Score, Score, list]:
    """Each labelled page (the sample pages and the made-up ones) typeset in `count`
    layouts as PaddleOCR boxes (tests.boxlayout; `merge` overrides the layouts' share of
    merged rows) and read from the JSON: pooled paragraph and article-start scores, and
    (paragraph F1, article-start F1, page, layout) for every page and layout."""
    from dataclasses import replace

    from tests.boxlayout import box_layouts, render_json

    total_p = total_a = Score(0, 0, 0)
    rows = []
    for number, layout in enumerate(box_layouts(count)):
        if merge is not None:
            layout = replace(layout, merge=merge)
        for name in [*seed_names(), *MADE_UP]:
            gold = load_gold(name)
            doc = from_bytes(render_json(gold, layout, seed=number), f"{name}.json")
            para = f1(doc_paragraphs(doc), gold_paragraphs(gold))
            starts = f1(doc_starts(doc), gold_starts(gold))
            total_p, total_a = total_p + para, total_a + starts
            rows.append((para.f1, starts.f1, name[:8], layout.describe()))
    return total_p, total_a, rows


def print_worst(heading: str, rows: list) -> None:
    """A pooled result's line and its five worst layouts (two scores, page, layout)."""
    print(f"\n{heading}; worst five:")
    for first, second, name, described in sorted(rows)[:5]:
        print(f"  {first:.3f} {second:.3f}  {name} {described}")


def box_report(count: int) -> None:
    total_p, total_a, rows = box_scores(count)
    print_worst(
        f"{count} layouts of each labelled page as PaddleOCR boxes, pooled: paragraph F1 "
        f"{total_p.f1:.3f}, article-start F1 {total_a.f1:.3f}",
        rows,
    )


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


# -- real pages ---------------------------------------------------------------------------

REAL = DATA / "real"
REAL_PAGES = ROOT.parent / "shared" / "real" / "pages"


def pieces(text: str, boxes: list[str]) -> list[str] | None:
    """The part of each box's text that makes up `text`, in order (a box that merges the
    lines of two columns gives only its part), or None when `text` is not made of them."""
    text = norm(text)
    at = 0
    out = []
    for box in map(norm, boxes):
        if text.startswith(box, at):
            size = len(box)
        else:  # the longest run of the text here that this box holds
            size = 0
            while at + size < len(text) and text[at : at + size + 1] in box:
                size += 1
            if size == 0:
                return None
        out.append(text[at : at + size])
        at += size
    return out if at == len(text) else None


def real_names() -> list[str]:
    return sorted(p.stem for p in REAL.glob("*.json"))


def real_lines(gold: dict, boxes: list[str], indented: set[int] | None = None) -> list[str]:
    """The page's OCR lines in the labelled reading order, one box (or piece) a line: what
    a plain-text export of the same OCR gives when its program orders lines right. Boxes
    in `indented` (first lines set in from their column) start with two full-width
    spaces, as an export that keeps indents writes them."""
    lines: list[str] = []
    indented = indented or set()
    for art in gold["articles"]:
        head = [
            piece
            for key in _HEAD_KEYS
            if art.get(key)
            for piece in pieces(art[key], [boxes[i] for i in art["head_boxes"][key]]) or []
        ]
        body = []
        for b in art["blocks"]:
            parts = pieces(b["text"], [boxes[i] for i in b["boxes"]]) or []
            for k, (box, piece) in enumerate(zip(b["boxes"], parts, strict=False)):
                body.append("\u3000\u3000" + piece if k == 0 and box in indented else piece)
        lines += [*body, *head] if art.get("head_at") == "after" else [*head, *body]
    return lines


def indented_boxes(gold: dict, page: dict) -> set[int]:
    """The boxes that open a labelled block set in from the rest of that block's column
    by a character or more: the indents a plain export keeps."""
    out = set()
    for art in gold["articles"]:
        for b in art["blocks"]:
            if len(b["boxes"]) < 2:
                continue
            lefts = [min(x for x, _ in page["ocr_results"][i]["box"]) for i in b["boxes"]]
            first, rest = lefts[0], sorted(lefts[1:])[len(lefts[1:]) // 2]
            box = page["ocr_results"][b["boxes"][0]]
            xs, ys = [x for x, _ in box["box"]], [y for _, y in box["box"]]
            size = min(max(ys) - min(ys), (max(xs) - min(xs)) / max(len(box["text"]), 1))
            if first - rest >= 0.8 * size:
                out.add(b["boxes"][0])
    return out


def real_relayout_scores(count: int) -> tuple[Score, Score, Score, list]:
    """The labelled real pages' text re-typeset as plain text in `count` layouts each
    (tests.relayout: widths 10-35, every habit): pooled paragraph, block and
    article-start scores, and (paragraph F1, page) for each page over its layouts."""
    from tests.relayout import layouts, render

    shapes = layouts(count)
    paragraphs = blocks = starts = Score(0, 0, 0)
    rows = []
    for name in real_names():
        gold = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
        page = Score(0, 0, 0)
        for k, layout in enumerate(shapes):
            doc = from_bytes(render(gold, layout, seed=k), name)
            para = f1(doc_paragraphs(doc), gold_paragraphs(gold))
            page += para
            paragraphs += para
            blocks += score_blocks(doc, gold)
            starts += f1(doc_starts(doc), gold_starts(gold))
        rows.append((page.f1, name))
    return paragraphs, blocks, starts, rows


def real_relayout_report(count: int) -> None:
    paragraphs, blocks, starts, rows = real_relayout_scores(count)
    worst = ", ".join(f"{name[:2]} {para:.3f}" for para, name in sorted(rows)[:3])
    print(
        f"\nthe real pages' text relaid out as plain text, {count} layouts each, pooled: "
        f"paragraph F1 {paragraphs.f1:.3f}, block F1 {blocks.f1:.3f}, article-start F1 "
        f"{starts.f1:.3f}; worst pages (paragraph F1): {worst}"
    )


def real_plain_scores(keep: bool, blank: bool) -> tuple[Score, Score]:
    """Pooled paragraph scores of the engine and the naive baseline on the real pages as
    plain text in reading order: indents kept or stripped, a blank line after every line
    or none."""
    engine = baseline = Score(0, 0, 0)
    for name in real_names():
        gold = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
        page = json.loads((REAL_PAGES / gold["source"]).read_text(encoding="utf-8"))
        boxes = [r["text"] for r in page["ocr_results"]]
        lines = real_lines(gold, boxes, indented_boxes(gold, page) if keep else None)
        text = ("\n\n" if blank else "\n").join(lines)
        paras = gold_paragraphs(gold)
        engine += f1(doc_paragraphs(from_bytes(text.encode("utf-8"), name)), paras)
        baseline += f1(baseline_paragraphs(text), paras)
    return engine, baseline


def real_variants_report() -> None:
    """The real pages as plain text in reading order, written the ways OCR programs write
    it: indents stripped or kept, a blank line after every line or none. Pooled paragraph
    F1 of the engine beside the naive baseline."""
    if not REAL_PAGES.is_dir():
        return
    variants = {
        "indents stripped, no blank lines": (False, False),
        "indents stripped, a blank line after every line": (False, True),
        "indents kept, no blank lines": (True, False),
        "indents kept, a blank line after every line": (True, True),
    }
    print(f"\n{'real pages as plain text in reading order':<52} {'engine':>7} {'baseline':>9}")
    for label, (keep, blank) in variants.items():
        engine, baseline = real_plain_scores(keep, blank)
        print(f"{label:<52} {engine.f1:7.3f} {baseline.f1:9.3f}")


def article_starts(texts: list[str]) -> Counter:
    """Where articles start, as the first characters of each article's first text."""
    return Counter(norm(t)[:12] for t in texts if norm(t))


def gold_starts(gold: dict) -> Counter:
    """Where the labelled articles start, each as a reader sees it: its headline first,
    also where the page printed the headline after the text (as doc_starts reads the
    engine's articles, whose displaced headlines are put back over their text)."""
    firsts = []
    for art in gold["articles"]:
        head = [art[k] for k in _HEAD_KEYS if art.get(k)]
        body = [b["text"] for b in art["blocks"] if b["kind"] != "noise"]
        order = [*head, *body]
        firsts.append(order[0] if order else "")
    return article_starts(firsts)


def doc_starts(doc: Document) -> Counter:
    firsts = []
    for art in doc.articles:
        shown = [b.text for b in art.all_blocks() if b.kind != "noise"]
        firsts.append(shown[0] if shown else "")
    return article_starts(firsts)


def order_pairs(gold: dict, order: list[int]) -> Score:
    """How many of the labelled consecutive lines (two boxes next to each other in a
    block) `order` (box indices in reading order; a box merging the lines of several
    columns may be there once a piece) also puts next to each other: tp, and the pairs
    as both predicted and gold, so `.recall` is the share kept."""
    at: dict[int, set[int]] = {}
    for n, box in enumerate(order):
        at.setdefault(box, set()).add(n)
    kept = pairs = 0
    for art in gold["articles"]:
        for block in art["blocks"]:
            for a, b in zip(block["boxes"], block["boxes"][1:], strict=False):
                pairs += 1
                kept += any(n + 1 in at.get(b, ()) for n in at.get(a, ()))
    return Score(kept, pairs, pairs)


def real_page_scores(name: str, plain: bool = True) -> list[Score]:
    """A labelled real page's scores: read from its JSON, the reading order from geometry
    and the file's own (pairs kept), paragraph, block and article-start F1; then, where
    `plain`, as plain text: paragraph F1 in the file's order and in reading order, the
    naive baseline in reading order, block and article-start F1 in reading order."""
    from reader.core import ocr
    from reader.core.layout import reading_order

    gold = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
    raw = (REAL_PAGES / gold["source"]).read_bytes()
    boxes = [r["text"] for r in json.loads(raw)["ocr_results"]]
    paras = gold_paragraphs(gold)
    boxed = from_bytes(raw, name)
    geometry = [
        box for p in reading_order(ocr.read(raw).pages[0]).placed for box in p.pieces or (p.index,)
    ]
    scores = [
        order_pairs(gold, geometry),
        order_pairs(gold, list(range(len(boxes)))),
        f1(doc_paragraphs(boxed), paras),
        score_blocks(boxed, gold),
        f1(doc_starts(boxed), gold_starts(gold)),
    ]
    if not plain:
        return scores
    file_order = from_bytes("\n".join(boxes).encode("utf-8"), name)
    text = "\n".join(real_lines(gold, boxes))
    doc = from_bytes(text.encode("utf-8"), name)
    return [
        *scores,
        f1(doc_paragraphs(file_order), paras),
        f1(doc_paragraphs(doc), paras),
        f1(baseline_paragraphs(text), paras),
        score_blocks(doc, gold),
        f1(doc_starts(doc), gold_starts(gold)),
    ]


def real_json_scores() -> tuple[Score, Score, Score, Score]:
    """The real pages read from their JSON, pooled: reading order from geometry (pairs
    kept: its `.recall`), paragraph, block and article-start F1."""
    totals = [Score(0, 0, 0)] * 5
    for name in real_names():
        totals = [t + s for t, s in zip(totals, real_page_scores(name, plain=False), strict=True)]
    order, _file, paragraphs, blocks, starts = totals
    return order, paragraphs, blocks, starts


def real_report() -> None:
    """Each labelled real page read from its JSON (boxes: reading order, indents and type
    sizes from geometry), and as plain text: in the OCR file's own order (what a plain
    export of PaddleOCR gives) and in the labelled reading order, beside the naive
    baseline on the same text."""
    if not REAL_PAGES.is_dir():
        print(f"\nthe real pages are not beside the checkout ({REAL_PAGES})")
        return
    widths = (6, 6, 6, 7, 9, 10, 14, 9, 7, 9)
    print(
        f"\n{'real page':<34} {'order':>6} {'file':>6} {'JSON':>6} {'blocks':>7} {'articles':>9} "
        f"{'file order':>10} {'reading order':>14} {'baseline':>9} {'blocks':>7} "
        f"{'articles':>9}"
    )
    totals = [Score(0, 0, 0) for _ in widths]
    for name in real_names():
        scores = real_page_scores(name)
        totals = [t + s for t, s in zip(totals, scores, strict=True)]
        print(f"{name[:34]:<34} " + " ".join(
            f"{s.recall if k < 2 else s.f1:{w}.3f}"
            for k, (s, w) in enumerate(zip(scores, widths, strict=True))
        ))  # fmt: skip
    print(f"{'pooled':<34} " + " ".join(
        f"{s.recall if k < 2 else s.f1:{w}.3f}"
        for k, (s, w) in enumerate(zip(totals, widths, strict=True))
    ))  # fmt: skip
    print(
        "order: the share of labelled consecutive lines the reading order from geometry keeps "
        "together, then the file's own order; "
        "read from the JSON: paragraph, block and article-start F1; as plain text: paragraph "
        "F1 in the file's order and in reading order, the naive baseline in reading order, "
        "block and article-start F1 in reading order"
    )
    right, merged = seam_scores()
    print(
        f"lines the OCR program merged across a gutter: {right} of {merged} split where the "
        "labels split them (or kept whole where they do)"
    )
    forms = format_scores()
    print(
        "the same pages in the other formats (the test converters'), paragraph F1: "
        + ", ".join(f"{label} {score.f1:.3f}" for label, score in forms.items())
    )
    turns = turned_scores()
    print(
        "the same pages as if scanned turned by a little more or less (their boxes turned "
        "about the page's centre), paragraph F1: "
        + ", ".join(f"{degrees:+.2f}° {score.f1:.3f}" for degrees, score in turns.items())
    )


def labelled_pieces(gold: dict, boxes: list[str]) -> dict[int, list[str]]:
    """Each box's pieces as the labels part it: one text a block (or headline) it is in."""
    out: dict[int, list[str]] = {}
    for art in gold["articles"]:
        parts = [(art[k], art["head_boxes"][k]) for k in _HEAD_KEYS if art.get(k)]
        parts += [(b["text"], b["boxes"]) for b in art["blocks"]]
        for text, numbers in parts:
            found = pieces(text, [boxes[i] for i in numbers]) or []
            for number, piece in zip(numbers, found, strict=False):
                out.setdefault(number, []).append(piece)
    return out


def seam_scores() -> tuple[int, int]:
    """Of the real pages' lines that the labels or the reading order part into pieces
    (a box the OCR program drew over the lines of two or more columns), how many the
    reading order parts exactly as labelled, and how many there are."""
    from reader.core import ocr
    from reader.core.layout import reading_order

    right = total = 0
    for name in real_names():
        gold = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
        raw = (REAL_PAGES / gold["source"]).read_bytes()
        boxes = [r["text"] for r in json.loads(raw)["ocr_results"]]
        labelled = labelled_pieces(gold, boxes)
        read: dict[int, list[str]] = {}
        for placed in reading_order(ocr.read(raw).pages[0]).placed:
            read.setdefault(placed.index, []).append(norm(placed.line.text))
        for number in read.keys() | labelled.keys():
            ours, theirs = read.get(number, []), labelled.get(number, [])
            if len(ours) > 1 or len(theirs) > 1:
                total += 1
                right += sorted(ours) == sorted(theirs)
    return right, total


TURNS = (-0.5, -0.25, -0.1, 0.1, 0.25, 0.5)  # degrees


def turned_scores() -> dict[float, Score]:
    """Paragraph F1 of the labelled real pages with every box turned by each of TURNS
    degrees: the same print scanned a little more or less askew, which the page's skew,
    measured and turned back, should make no difference to."""
    from tests import ocrformats as formats

    totals = {degrees: Score(0, 0, 0) for degrees in TURNS}
    for name in real_names():
        gold = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
        page = formats.load(REAL_PAGES / gold["source"])
        for degrees in TURNS:
            raw = formats.archive(formats.turned(page, degrees))
            doc = from_bytes(raw, f"{name}.json")
            totals[degrees] += f1(doc_paragraphs(doc), gold_paragraphs(gold))
    return totals


def format_scores() -> dict[str, Score]:
    """Paragraph F1 of the labelled real pages converted into each format: PAGE keeps
    the quadrilaterals and the archive's order as its ReadingOrder; ALTO and hOCR keep
    rectangles only, with the archive's order and blocks of ten lines in it."""
    from tests import ocrformats as formats

    writers = {
        "PAGE (ordered)": lambda page: formats.page_xml(page, order=range(len(page.texts))),
        "PaddleOCR 3 rectangles": lambda page: formats.paddle3(page, False, polys=False),
        "ALTO": formats.alto,
        "hOCR": formats.hocr,
    }
    totals = {label: Score(0, 0, 0) for label in writers}
    for name in real_names():
        gold = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
        page = formats.load(REAL_PAGES / gold["source"])
        for label, write in writers.items():
            doc = from_bytes(write(page), f"{name}.{label}")
            totals[label] += f1(doc_paragraphs(doc), gold_paragraphs(gold))
    return totals


TRIBUNE = ROOT.parent / "shared" / "real" / "english" / "tribune_1903-05-01_p1.alto.xml"


@dataclass(frozen=True)
class EnglishScores:
    blocks: int  # the page's TextBlocks with text
    read: int  # blocks the engine reads
    whole: int  # TextBlocks read as exactly one block
    kept: int  # TextBlocks kept apart: their edges are block edges
    joined: int  # words the file marks as hyphenated at a line end
    rejoined: int  # ... read whole
    inner: int  # words with a hyphen inside a line
    hyphens: int  # ... whose hyphen is kept


def english_scores() -> EnglishScores:
    """The English ALTO page (ABBYY, 1903) against its own TextBlocks: how many the engine
    reads as exactly one block, how many it keeps apart from the text around them (their
    edges are block edges, though a block may hold several paragraphs), and its hyphens:
    words the file marks as hyphenated at a line end read whole, and hyphens inside a line
    kept."""
    from lxml import etree

    raw = TRIBUNE.read_bytes()
    root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    blocks: list[str] = []
    joined: list[str] = []
    inner: list[str] = []
    for element in root.iter("{*}TextBlock"):
        words = []
        for string in element.iter("{*}String"):
            content, kind = string.get("CONTENT") or "", string.get("SUBS_TYPE")
            if kind == "HypPart1":
                words.append(string.get("SUBS_CONTENT") or content)
                joined.append(norm(string.get("SUBS_CONTENT") or ""))
            elif kind != "HypPart2":
                words.append(content)
                if re.fullmatch(r"[A-Za-z]{2,}-[A-Za-z]{2,}", content):
                    inner.append(content)
        if norm("".join(words)):
            blocks.append(norm("".join(words)))
    doc = from_bytes(raw, TRIBUNE.name)
    texts = [norm(b.text) for a in doc.articles for b in a.all_blocks()]
    edges, at = {0}, 0
    for text in texts:
        at += len(text)
        edges.add(at)
    page = "".join(texts)
    kept = 0
    for block in blocks:
        at = page.find(block)
        kept += at >= 0 and at in edges and at + len(block) in edges
    return EnglishScores(
        blocks=len(blocks),
        read=len(texts),
        whole=sum(1 for b in blocks if b in set(texts)),
        kept=kept,
        joined=len(joined),
        rejoined=sum(1 for w in joined if w and w in page),
        inner=len(inner),
        hyphens=sum(1 for w in inner if w in page),
    )


def english_report() -> None:
    if not TRIBUNE.is_file():
        return
    s = english_scores()
    print(
        f"\nEnglish ALTO page ({s.blocks} TextBlocks, {s.read} blocks read): "
        f"{s.whole} read as exactly one block, {s.kept} kept apart ({s.kept / s.blocks:.0%}); "
        f"hyphenated at a line end: {s.rejoined} of {s.joined} read whole; hyphens inside "
        f"a line: {s.hyphens} of {s.inner} kept"
    )


if __name__ == "__main__":
    main()
