"""The labelled pages typeset as PaddleOCR boxes (tests.boxlayout) and read from the JSON:
stories stacked under their headlines, two to four columns, jittered box edges, lines
listed row by row across the page. Scores are pooled over layouts, as in
`python -m tests.evaluation --boxes N`, and held above floors a regression would cross."""

from __future__ import annotations

from dataclasses import replace

from reader.core.document import from_bytes
from tests.boxlayout import box_layouts, render_json
from tests.evaluation import (
    MADE_UP,
    Score,
    box_starts,
    doc_paragraphs,
    doc_starts,
    f1,
    gold_paragraphs,
    load_gold,
    seed_names,
)


def pooled(merge: float, count: int = 8) -> tuple[float, float]:
    paragraphs = starts = Score(0, 0, 0)
    for number, layout in enumerate(box_layouts(count)):
        layout = replace(layout, merge=merge)
        for name in [*seed_names(), *MADE_UP]:
            gold = load_gold(name)
            doc = from_bytes(render_json(gold, layout, seed=number), f"{name}.json")
            paragraphs = paragraphs + f1(doc_paragraphs(doc), gold_paragraphs(gold))
            starts = starts + f1(doc_starts(doc), box_starts(gold))
    return paragraphs.f1, starts.f1


def test_pages_in_columns_read_from_their_boxes() -> None:
    paragraph, start = pooled(merge=0.0)
    assert paragraph >= 0.92
    assert start >= 0.65


def test_pages_whose_rows_were_merged_across_gutters() -> None:
    # One neighbouring pair of lines in ten merged into one box, as PaddleOCR does.
    paragraph, start = pooled(merge=0.1)
    assert paragraph >= 0.65
    assert start >= 0.6
