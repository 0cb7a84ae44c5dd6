"""How much memory reading a long page takes at most, as a multiple of its size: Python's
own allocations, traced, which depend on the code and the interpreter and not on the
machine's speed or load (the resident memory of a whole export is bench_export's)."""

from __future__ import annotations

import tracemalloc

from reader.core.document import from_bytes
from tests.benchmarks.bench_export import big_page

# Python's allocations at their peak while a 2 MB page of the generated corpus is read
# and reflowed: 7.9 times the page, against 10.6 when the reflow's decisions were held in
# a dict and its line numbers as integer objects until the end.
PEAK_TIMES = 9.0
# ... and what the document keeps once it is read: its text, source lines, blocks and
# decisions.
HELD_TIMES = 4.0


def test_a_long_page_is_read_in_a_bounded_multiple_of_its_size() -> None:
    data = big_page(2)
    size = len(data)
    tracemalloc.start()
    try:
        doc = from_bytes(data)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(doc.articles) > 100
    assert peak < PEAK_TIMES * size, f"{peak / size:.2f} times the page"
    assert held < HELD_TIMES * size, f"{held / size:.2f} times the page"
