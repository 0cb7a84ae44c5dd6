"""Floors under the real pages read as plain text in reading order, as OCR programs write
it: indents stripped or kept, blank lines after every line or none."""

from __future__ import annotations

import json

import pytest

from reader.core.document import from_bytes
from tests.evaluation import (
    REAL,
    REAL_PAGES,
    Score,
    baseline_paragraphs,
    doc_paragraphs,
    f1,
    gold_paragraphs,
    indented_boxes,
    real_lines,
    real_names,
)

needs_real = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"the real OCR pages are not in {REAL_PAGES}"
)


@needs_real
@pytest.mark.parametrize(("keep", "floor"), [(False, 0.74), (True, 0.80)])
@pytest.mark.parametrize("blank", [False, True])
def test_real_pages_as_plain_text_keep_their_scores(keep: bool, floor: float, blank: bool) -> None:
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
    assert engine.f1 >= floor
    assert engine.f1 > baseline.f1 + 0.15
