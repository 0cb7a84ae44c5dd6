"""What the boxes show, written as the engine reads text: first-line indents, centred
headlines, and a column's edges taken from most of its lines."""

from __future__ import annotations

from reader.core.layout import reading_order
from reader.core.ocr import Box, OcrLine, OcrPage
from reader.core.ocrtext import INDENT, _page_lines

H = 40.0  # body type: one character is as wide as the line is high


def line(text: str, x0: float, y0: float, size: float = H) -> OcrLine:
    box = Box(x0, y0, x0 + len(text) * size, y0 + size)
    return OcrLine(text, box, None, None, 0, None, False)


def page(lines: list[OcrLine]) -> OcrPage:
    return OcrPage(2000.0, 2000.0, tuple(lines), False)


def test_indents_and_centred_headlines() -> None:
    rows = [
        line("毛主席最新指示", 100 + 6.5 * H, 100),  # centred over a 20-character column
        line("要关心群众生活，注意工作方法，这是", 100 + 2 * H, 100 + 1.5 * H),
        line("一个十分重要的问题，我们必须重视它", 100, 100 + 3 * H),
        line("和认真研究它，切实解决好群众的问", 100, 100 + 4.5 * H),
        line("题。", 100, 100 + 6 * H),
        line("各级组织要把这件事放在重要位置上，", 100 + 2 * H, 100 + 7.5 * H),
        line("认真抓紧抓好，把工作落到实处。", 100, 100 + 9 * H),
        line("编", 100 - 3 * H, 100 + 9 * H),  # a stray left of the column
    ]
    rendered = [text for text, _placed in _page_lines(reading_order(page(rows)))]
    texts = [r for r in rendered if r]
    assert texts[0] == "毛主席最新指示"
    indented = [r.removeprefix(INDENT) for r in texts if r.startswith(INDENT)]
    assert indented == ["要关心群众生活，注意工作方法，这是", "各级组织要把这件事放在重要位置上，"]
