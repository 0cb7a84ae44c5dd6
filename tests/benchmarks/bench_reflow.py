"""Reflow throughput over a generated corpus of 1,000 pages, on one core."""

from __future__ import annotations

import time

from reader.core.document import from_bytes
from tests.evaluation import load_gold, seed_names
from tests.relayout import layouts, render

PAGES = 1000


def corpus(pages: int = PAGES) -> list[bytes]:
    """Both labelled pages re-typeset in rotating layouts (widths 10-35, every habit), each
    page in every layout in turn."""
    golds = [load_gold(name) for name in seed_names()]
    shapes = layouts(48)
    return [
        render(golds[k % len(golds)], shapes[k // len(golds) % len(shapes)], seed=k)
        for k in range(pages)
    ]


def run() -> list[tuple[str, str, str, str]]:
    pages = corpus()
    size = sum(len(p) for p in pages)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for data in pages:
            from_bytes(data)
        best = min(best, time.perf_counter() - start)
    rate = size / best / 1e6
    return [
        (
            f"reflow throughput, {PAGES:,} pages ({size / 1e6:.1f} MB)",
            f"{rate:.1f} MB/s ({best:.2f} s)",
            "≥ 10 MB/s",
            "meets" if rate >= 10 else "below",
        )
    ]
