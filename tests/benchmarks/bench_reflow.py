"""Reflow throughput over a generated corpus of 1,000 pages, on one core, beside the
floor (decoding and splitting the lines, which any reader of the pages must do) and the
naive reflow (gluing lines until one ends in 。！？), timed in the same run."""

from __future__ import annotations

import time
from collections.abc import Callable

from reader.core.decode import decode_bytes
from reader.core.document import from_bytes
from tests.evaluation import baseline_paragraphs, load_gold, seed_names
from tests.relayout import layouts, render

PAGES = 1000
BAR = 20  # MB/s


def corpus(pages: int = PAGES) -> list[bytes]:
    """Both labelled pages re-typeset in rotating layouts (widths 10-35, every habit), each
    page in every layout in turn."""
    golds = [load_gold(name) for name in seed_names()]
    shapes = layouts(48)
    return [
        render(golds[k % len(golds)], shapes[k // len(golds) % len(shapes)], seed=k)
        for k in range(pages)
    ]


def _floor(data: bytes) -> None:
    decode_bytes(data).text.splitlines()


def _naive(data: bytes) -> None:
    baseline_paragraphs(decode_bytes(data).text)


def _best(pages: list[bytes], work: Callable[[bytes], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for data in pages:
            work(data)
        best = min(best, time.perf_counter() - start)
    return best


def run() -> list[tuple[str, str, str, str]]:
    pages = corpus()
    size = sum(len(p) for p in pages)
    floor, naive, engine = _best(pages, _floor), _best(pages, _naive), _best(pages, from_bytes)
    rate = size / engine / 1e6
    return [
        (
            f"reflow throughput, {PAGES:,} pages ({size / 1e6:.1f} MB), one core",
            f"{rate:.1f} MB/s ({engine:.2f} s)",
            f"≥ {BAR} MB/s",
            "meets" if rate >= BAR else "below",
        ),
        (
            "the same pages, floor: decode and split the lines",
            f"{size / floor / 1e6:.0f} MB/s ({floor:.3f} s); reflow takes {engine / floor:.0f}×",
            "—",
            "",
        ),
        (
            "the same pages, naive reflow: decode, glue lines until 。！？",
            f"{size / naive / 1e6:.0f} MB/s ({naive:.3f} s); reflow takes {engine / naive:.1f}×",
            "—",
            "",
        ),
    ]
