"""Reading OCR output with boxes: a 1 MB ALTO file, a 200-line PaddleOCR JSON page and
the reading order of a page of many stories.

Each is timed three ways in the same run: the parse alone (lxml or json: the floor), the
reader (parse, lines and boxes, reading order from geometry), and the whole page (reader,
text, reflow, articles). The ratios say what the reading and the engine add to the floor.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

ROUNDS = 5
STORIES, ROWS = 120, 8  # a page of many headline bands


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
    rows.append(_many_stories(reading_order))
    return rows


def _many_stories(reading_order: Callable[..., object]) -> tuple[str, str, str, str]:
    """One tall page of STORIES stories, each a headline over four columns: the reading
    order's cost where a page holds many headline bands (each looked at for a headline
    set between its columns' tops), beside sorting the same boxes by position (the floor
    any order costs)."""
    from reader.core.ocr import Box, OcrLine, OcrPage

    def line(text: str, x0: float, y0: float, x1: float, y1: float) -> OcrLine:
        return OcrLine(text, Box(x0, y0, x1, y1), None, None, 0, None, False)

    lines, y = [], 0.0
    for story in range(STORIES):
        lines.append(line(f"标题{story:03d}大字", 300, y, 2000, y + 96))
        y += 136
        for column in range(4):
            x = column * 580
            for r in range(ROWS):
                top = y + r * 45
                lines.append(
                    line("的一是在不了有和人这中大为上个国我以", x, top, x + 540, top + 32)
                )
        y += ROWS * 45 + 60
    page = OcrPage(
        3000, y + 100, tuple(sorted(lines, key=lambda ln: (ln.box.y0, ln.box.x0))), False
    )
    ordered = _best(lambda: reading_order(page))
    floor = _best(lambda: sorted(lines, key=lambda ln: (ln.box.y0, ln.box.x0)))
    return (
        f"reading order of one page of {STORIES} stories under headlines ({len(lines):,} lines)",
        f"{ordered * 1000:.0f} ms; sorting the boxes by position {floor * 1000:.1f} ms "
        f"({ordered / floor:.0f}×)",
        "—",
        "",
    )
