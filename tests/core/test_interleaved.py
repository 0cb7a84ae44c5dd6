"""Plain text whose lines run across the page's columns is recognised and said."""

from __future__ import annotations

import json

import pytest

from reader.core.decode import decode_bytes
from reader.core.document import INTERLEAVED, from_bytes
from reader.core.lines import interleaved
from tests.evaluation import (
    MADE_UP,
    REAL,
    REAL_PAGES,
    SEEDS,
    TRIBUNE,
    load_gold,
    order_pairs,
    real_lines,
    real_names,
    seed_names,
)
from tests.relayout import layouts, render

needs_real = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"the real OCR pages are not in {REAL_PAGES}"
)


def across(lines: list[str], columns: int) -> list[str]:
    """The lines as a program that reads rows across the page lists them: the page cut
    into `columns` columns of equal length, and their lines taken row by row."""
    lines = [line for line in lines if line.strip()]  # (rows hold text, not blank lines)
    size = -(-len(lines) // columns)
    parts = [lines[k * size : (k + 1) * size] for k in range(columns)]
    return [part[row] for row in range(size) for part in parts if row < len(part)]


def page_lines(name: str) -> list[str]:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("name", seed_names())
@pytest.mark.parametrize("columns", [2, 3, 4])
def test_sample_pages_listed_across_their_columns_are_recognised(name: str, columns: int) -> None:
    lines = page_lines(name)
    assert not interleaved(lines)
    assert interleaved(across(lines, columns))


def test_relayouts_in_reading_order_are_never_taken_for_interleaved() -> None:
    for name in [*seed_names(), *MADE_UP]:
        gold = load_gold(name)
        for layout in layouts(24):
            text = decode_bytes(render(gold, layout)).text
            assert not interleaved(text.splitlines()), (name, layout)


def test_the_page_says_so_and_warns() -> None:
    name = seed_names()[0]
    doc = from_bytes("\n".join(across(page_lines(name), 3)).encode())
    assert doc.source.warning == INTERLEAVED
    assert doc.source.reading.endswith("lines alternate between columns")
    assert from_bytes((SEEDS / f"{name}.txt").read_bytes()).source.warning is None


@pytest.mark.parametrize("columns", [1, 3])
def test_without_the_order_check_only_the_warning_is_missing(columns: int) -> None:
    """The library's index reads pages without the test of their line order: the same
    articles, blocks and decisions, only no word of the interleaving."""
    name = seed_names()[0]
    data = "\n".join(across(page_lines(name), columns)).encode()
    checked, unchecked = from_bytes(data), from_bytes(data, order_check=False)
    assert unchecked.articles == checked.articles
    assert list(unchecked.decisions) == list(checked.decisions)
    assert unchecked.source.warning is None
    assert (checked.source.warning == INTERLEAVED) == (columns > 1)


@needs_real
@pytest.mark.parametrize("name", real_names() or ["-"])
def test_real_pages_in_the_ocr_programs_order_are_recognised(name: str) -> None:
    """A real page's lines as PaddleOCR lists them are taken for interleaved exactly where
    that order breaks most of the labelled lines apart; in reading order, never."""
    gold = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
    page = json.loads((REAL_PAGES / gold["source"]).read_text(encoding="utf-8"))
    boxes = [r["text"] for r in page["ocr_results"]]
    kept = order_pairs(gold, list(range(len(boxes)))).recall
    assert interleaved(boxes) == (kept < 0.5)
    assert not interleaved(real_lines(gold, boxes))
    # A page read from its boxes is in reading order: nothing to warn of.
    assert from_bytes(json.dumps(page).encode()).source.warning is None


def test_clean_text_read_back_is_not_taken_for_interleaved_columns() -> None:
    """A page exported as clean text (a paragraph a line) and read again: its line ends
    are paragraph ends, as random as interleaved columns make them, but most end a
    sentence; no warning that its columns interleave."""
    from reader.bundled import sample_pages
    from reader.core.document import from_bytes, load
    from reader.core.export import clean_text

    for page in sample_pages():
        text = clean_text(load(page)).text
        doc = from_bytes(text.encode("utf-8"), "clean.txt")
        assert not doc.source.warning or "columns" not in doc.source.warning


@pytest.mark.skipif(
    not TRIBUNE.with_suffix("").with_suffix(".txt").is_file(), reason="no English plain page"
)
def test_an_english_page_in_column_order_is_not_taken_for_interleaved() -> None:
    """The 1903 page's plain text, in its columns' order: a Latin line end says nothing
    of the order (a word goes on over it in any order), so no warning."""
    data = TRIBUNE.with_suffix("").with_suffix(".txt").read_bytes()
    doc = from_bytes(data, "tribune.txt")
    assert INTERLEAVED not in (doc.source.warning or "")
    # The same lines run across two columns are not said to be either: the test is for
    # Chinese, and holds its peace elsewhere.
    lines = decode_bytes(data).text.splitlines()
    assert not interleaved(lines) and not interleaved(across(lines, 2))
