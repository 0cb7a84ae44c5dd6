"""Reading OCR output with boxes: a 1 MB ALTO file and a 200-line PaddleOCR JSON page.

Each is timed three ways in the same run: the parse alone (lxml or json: the floor), the
reader (parse, lines and boxes, reading order from geometry), and the whole page (reader,
text, reflow, articles). The ratios say what the reading and the engine add to the floor.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

ROUNDS = 5


def _best(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _row(name: str, floor: float, reader: float, page: float) -> tuple[str, str, str, str]:
    return (
        name,
        f"{page * 1000:.0f} ms whole page; reader {reader * 1000:.1f} ms; parse alone "
        f"{floor * 1000:.1f} ms (page {page / floor:.0f}× and reader {reader / floor:.1f}× "
        "the parse)",
        "—",
        "",
    )


def run() -> list[tuple[str, str, str, str]]:
    from lxml import etree

    from reader.core import ocr
    from reader.core.document import from_bytes
    from reader.core.layout import reading_order
    from tests import ocrformats as formats

    if not formats.REAL_PAGES.is_dir():
        return [("reading OCR output", f"skipped: no real pages at {formats.REAL_PAGES}", "", "")]

    def reader(data: bytes) -> None:
        for page in ocr.read(data).pages:
            reading_order(page)

    rows = []
    page16 = formats.load(formats.REAL_PAGES / "16_hongzhenjiangbao_19680925pm_p1.json")
    pages = 1
    alto = formats.alto(page16, pages=pages)
    while len(alto) < 1_000_000:
        pages += 1
        alto = formats.alto(page16, pages=pages)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    rows.append(
        _row(
            f"read a {len(alto) / 1e6:.1f} MB ALTO file ({pages} pages, "
            f"{pages * len(page16.texts):,} lines)",
            _best(lambda: etree.fromstring(alto, parser)),
            _best(lambda: reader(alto)),
            _best(lambda: from_bytes(alto, "page.xml")),
        )
    )
    path = formats.REAL_PAGES / "12_shanghaihongweizhanbao_19690107_p1.json"
    data = path.read_bytes()
    lines = len(json.loads(data)["ocr_results"])
    rows.append(
        _row(
            f"read a {lines}-line PaddleOCR JSON page ({len(data) / 1e3:.0f} KB)",
            _best(lambda: json.loads(data)),
            _best(lambda: reader(data)),
            _best(lambda: from_bytes(data, "page.json")),
        )
    )
    return rows
