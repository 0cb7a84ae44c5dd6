"""Floors under the real pages read from their PaddleOCR JSON: the reading order from
geometry, paragraphs, blocks and article starts (`python -m tests.evaluation --real`)."""

from __future__ import annotations

import pytest

from tests.evaluation import REAL_PAGES, real_json_scores

needs_real = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"the real OCR pages are not in {REAL_PAGES}"
)


@needs_real
def test_real_pages_read_from_their_boxes_keep_their_scores() -> None:
    order, paragraphs, blocks, starts = real_json_scores()
    assert order.recall >= 0.95
    assert paragraphs.f1 >= 0.79
    assert blocks.f1 >= 0.745
    assert starts.f1 >= 0.92
