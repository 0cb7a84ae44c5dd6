"""The labelled pages typeset as PaddleOCR boxes (tests.boxlayout) and read from the JSON:
stories stacked under their headlines, two to four columns, jittered box edges, lines
listed row by row across the page. Scores are pooled over layouts, as in
`python -m tests.evaluation --boxes N`, and held above floors a regression would cross."""

from __future__ import annotations

from tests.evaluation import box_scores


def pooled(merge: float, count: int = 8) -> tuple[float, float]:
    paragraphs, starts, _rows = box_scores(count, merge)
    return paragraphs.f1, starts.f1


def test_pages_in_columns_read_from_their_boxes() -> None:
    paragraph, start = pooled(merge=0.0)
    assert paragraph >= 0.97
    assert start >= 0.9


def test_pages_whose_rows_were_merged_across_gutters() -> None:
    # One neighbouring pair of lines in ten merged into one box, as PaddleOCR does
    # (0.913 now).
    paragraph, start = pooled(merge=0.1)
    assert paragraph >= 0.89
    assert start >= 0.9
