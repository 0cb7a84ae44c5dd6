"""Floors under the real pages read from their PaddleOCR JSON: the reading order from
geometry, paragraphs, blocks and article starts, and the same pages in the other formats
and turned (`python -m tests.evaluation --real`)."""

from __future__ import annotations

import pytest

from tests.evaluation import REAL_PAGES, format_scores, real_json_scores, turned_scores

needs_real = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"the real OCR pages are not in {REAL_PAGES}"
)


@needs_real
def test_real_pages_read_from_their_boxes_keep_their_scores() -> None:
    order, paragraphs, blocks, starts = real_json_scores()
    assert order.recall >= 0.96
    assert paragraphs.f1 >= 0.80
    assert blocks.f1 >= 0.76
    assert starts.f1 >= 0.92


@needs_real
def test_real_pages_in_other_formats_and_turned_keep_their_scores() -> None:
    """The same pages as ALTO and hOCR (level boxes with baselines), and as if scanned
    turned by up to half a degree: each reads no worse than it does now."""
    forms = format_scores()
    assert forms["PAGE (ordered)"].f1 >= 0.80
    assert forms["ALTO"].f1 >= 0.76 and forms["hOCR"].f1 >= 0.76
    assert all(score.f1 >= 0.75 for score in turned_scores().values())
