"""A long page's first part, reflowed on its own to be shown while the whole is read."""

from __future__ import annotations

from pathlib import Path

from reader.bundled import sample_pages
from reader.core.document import first_part, load
from tests import ocrformats


def test_the_first_part_is_the_pages_first_lines_up_to_a_blank_line(tmp_path: Path) -> None:
    page = tmp_path / "long.txt"
    page.write_bytes(b"\n".join([sample_pages()[0].read_bytes()] * 4))
    whole = load(page)
    part = first_part(page, 5000)
    assert part is not None
    lines = list(part.source_lines)
    assert 0 < len(lines) < len(whole.source_lines)
    assert lines == list(whole.source_lines)[: len(lines)]
    assert sum(len(line) + 1 for line in lines) > 5000
    assert not list(whole.source_lines)[len(lines)].strip()  # it ends where a blank line is
    assert part.source.path == whole.source.path


def test_no_first_part_without_a_blank_line_after_it_or_for_ocr_output(tmp_path: Path) -> None:
    page = tmp_path / "short.txt"
    page.write_bytes(sample_pages()[0].read_bytes())
    assert first_part(page, 10**7) is None
    ocr = tmp_path / "page.json"
    ocr.write_bytes(ocrformats.paddle(ocrformats.load(ocrformats.real_page_paths()[0])))
    assert load(ocr).articles  # read as OCR output with boxes
    assert first_part(ocr, 0) is None
