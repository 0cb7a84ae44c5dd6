"""Floors under the real pages read as plain text in reading order, as OCR programs write
it: indents stripped or kept, blank lines after every line or none."""

from __future__ import annotations

import pytest

from tests.evaluation import REAL_PAGES, real_plain_scores

needs_real = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"the real OCR pages are not in {REAL_PAGES}"
)


@needs_real
@pytest.mark.parametrize(("keep", "floor"), [(False, 0.90), (True, 0.92)])
@pytest.mark.parametrize("blank", [False, True])
def test_real_pages_as_plain_text_keep_their_scores(keep: bool, floor: float, blank: bool) -> None:
    engine, baseline = real_plain_scores(keep, blank)
    assert engine.f1 >= floor
    assert engine.f1 > baseline.f1 + 0.15


@needs_real
def test_real_pages_as_plain_text_keep_their_blocks_and_articles() -> None:
    """Block and article-start F1 of the real pages as plain text in reading order,
    indents stripped, pooled."""
    from tests.evaluation import Score, real_names, real_page_scores

    blocks = starts = Score(0, 0, 0)
    for name in real_names():
        scores = real_page_scores(name)
        blocks, starts = blocks + scores[8], starts + scores[9]
    assert blocks.f1 >= 0.90
    assert starts.f1 >= 0.93


@needs_real
def test_the_real_pages_text_relaid_out_keeps_its_scores() -> None:
    """The labelled real pages' text re-typeset as plain text at other widths and habits
    (12 layouts each): the rules hold on the same text set otherwise, not only on the
    page as printed."""
    from tests.evaluation import real_relayout_scores

    paragraphs, blocks, starts, _rows = real_relayout_scores(12)
    assert paragraphs.f1 >= 0.95
    assert blocks.f1 >= 0.91
    assert starts.f1 >= 0.88
