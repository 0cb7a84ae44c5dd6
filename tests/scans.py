"""Scans drawn from a real page's boxes, for the scan view's tests and screenshot.

The real pages come without their images. This draws one: each line's text set into its
box on a paper-coloured ground, its type sized to fill the box (condensed or widened to
its width, stacked down the box for vertical lines), so that the regions the window
outlines can be checked by eye against the text they hold.

    python -m tests.scans PAGE.json OUT.png [SCALE]

Needs a QGuiApplication (pytest-qt's qapp, or the one made here).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from tests.ocrformats import RealPage, load

PAPER = QColor("#ece3cc")
INK = QColor("#2b2620")
FONT = "Noto Serif CJK SC"


def render(page: RealPage, scale: float = 1.0) -> QImage:
    """The page drawn at `scale` times its pixel size."""
    width, height = max(1, round(page.width * scale)), max(1, round(page.height * scale))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(PAPER)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QPen(INK))
    for index, text in enumerate(page.texts):
        x0, y0, x1, y1 = (v * scale for v in page.box(index))
        if x1 - x0 < 1 or y1 - y0 < 1 or not text.strip():
            continue
        _draw_line(painter, text.strip(), QRectF(x0, y0, x1 - x0, y1 - y0))
    painter.end()
    return image


def _draw_line(painter: QPainter, text: str, box: QRectF) -> None:
    vertical = box.height() > 1.5 * box.width() and len(text.replace(" ", "")) > 2
    font = QFont(FONT)
    if vertical:
        chars = [c for c in text if not c.isspace()]
        step = box.height() / len(chars)
        font.setPixelSize(max(1, int(min(box.width(), step) * 0.9)))
        painter.setFont(font)
        for n, char in enumerate(chars):
            cell = QRectF(box.left(), box.top() + n * step, box.width(), step)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, char)
        return
    font.setPixelSize(max(1, int(box.height() * 0.82)))
    painter.setFont(font)
    natural = QFontMetricsF(font).horizontalAdvance(text)
    if natural <= 0:
        return
    painter.save()
    painter.translate(box.left(), box.top())
    painter.scale(min(3.0, max(0.2, box.width() / natural)), 1.0)
    painter.drawText(
        QRectF(0, 0, natural, box.height()),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        text,
    )
    painter.restore()


def write(page_json: Path, out: Path, scale: float = 1.0) -> Path:
    """Draw the real page `page_json` into the image file `out` (its suffix says the
    format) and return `out`."""
    image = render(load(page_json), scale)
    if not image.save(str(out)):
        raise OSError(f"cannot write {out}")
    return out


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    args = sys.argv[1:]
    write(Path(args[0]), Path(args[1]), float(args[2]) if len(args) > 2 else 1.0)
