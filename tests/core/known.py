"""Known cases kept as data (tests/data/known_*.json), as ftfy keeps its test cases: each
with an id, a comment saying why, and a status; the failing ones run as strict xfails, so
a case that starts to pass says so."""

from __future__ import annotations

import pytest


def params(cases: list[dict]) -> list:
    """One pytest parameter per case, named by its id; a failing case a strict xfail."""
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(strict=True, reason=case["comment"])]
            if case["status"] == "fail"
            else [],
        )
        for case in cases
    ]
