"""Hard cases for the reading order from boxes, kept as data (tests/data/known_layouts.json)
as tests/data/known_cases.json keeps them for text: those the engine reads right are
regression tests; those it does not yet run as strict expected failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.layout import reading_order
from reader.core.ocr import read
from tests.core.known import params

DATA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "known_layouts.json").read_text("utf-8")
)
CASES = DATA["cases"]


def order(lines: list[list]) -> list[str]:
    """The lines' texts (pieces of merged ones) in the reading order from their boxes,
    the page written as an archive's PaddleOCR JSON."""
    results = [
        {"text": text, "box": [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]}
        for text, x0, y0, x1, y1 in lines
    ]
    page = json.dumps({"ocr_results": results, "dimensions": {"width": 3000, "height": 3000}})
    return [p.line.text for p in reading_order(read(page.encode("utf-8")).pages[0]).placed]


@pytest.mark.parametrize("case", params(CASES))
def test_known_layout(case: dict) -> None:
    assert order(case["lines"]) == case["expect"]


def test_every_layout_case_says_why_and_is_well_formed() -> None:
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert case["status"] in ("pass", "fail") and len(case["comment"]) > 40
        # The expected order holds every character of the lines.
        got = sorted("".join(text for text, *_ in case["lines"]))
        assert sorted("".join(case["expect"])) == got
