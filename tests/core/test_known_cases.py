"""Hard cases kept as data (tests/data/known_cases.json), each with what a reader expects:
those the engine gets right are regression tests; those it does not yet run as strict
expected failures, so that fixing one is noticed and its status changed in the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.document import from_text
from tests.core.known import params

DATA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "known_cases.json").read_text("utf-8")
)
CASES = DATA["cases"]


def blocks(lines: list[str]) -> list[list[str]]:
    doc = from_text("\n".join(lines) + "\n")
    return [[b.kind, b.text] for _, b in doc.iter_blocks()]


@pytest.mark.parametrize("case", params(CASES))
def test_known_case(case: dict) -> None:
    assert blocks(case["lines"]) == case["expect"]


def test_every_case_says_why_and_is_well_formed() -> None:
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert case["status"] in ("pass", "fail") and len(case["comment"]) > 40
        assert case["lines"] and case["expect"]
        # The expected blocks hold every character of the lines, in order.
        squeezed = "".join("".join(case["lines"]).split())
        assert "".join("".join(text.split()) for _, text in case["expect"]) == squeezed
