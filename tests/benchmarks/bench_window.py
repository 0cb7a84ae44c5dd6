"""The window on a big page (about 5 MB): a theme switch, a font size change and adding a
highlight, beside a bare QTextEdit holding the page's clean text doing the same.

Each change is timed from the call until the events it posted have run; then the event
loop idles for a second with a 5 ms heartbeat, and the longest gap between beats (work
left for later, such as laying out the rest of the page) is given too.
"""

from __future__ import annotations

import itertools
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.bench_export import big_page

MB = 5
THEME_BAR = FONT_BAR = 0.200  # seconds
HIGHLIGHT_BAR = 0.050


def _timed(app, op: Callable[[], object]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds until `op` and the events it posted have run; the longest stall after."""
    from PySide6.QtCore import QEventLoop, QTimer

    start = time.perf_counter()
    op()
    app.processEvents()
    took = time.perf_counter() - start
    beats: list[float] = [time.perf_counter()]
    loop = QEventLoop()
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    heart.start()
    QTimer.singleShot(1000, loop.quit)
    loop.exec()
    heart.stop()
    stall = max(b - a for a, b in itertools.pairwise(beats))
    return took, stall


def run() -> list[tuple[str, str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QTextEdit

    from reader.store import paths
    from reader.ui.settings import Settings
    from reader.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "big.txt"
        page.write_bytes(big_page(MB))
        size = page.stat().st_size / 1e6
        paths.set_data_dir(Path(tmp) / "data")
        window = MainWindow(Settings())
        window.resize(1400, 900)
        window.show()
        loop = QEventLoop()
        window.document_shown.connect(lambda _doc: loop.quit())
        window.open_path(page)
        loop.exec()
        _timed(app, lambda: None)  # the page laid out and settled
        body = window.body
        # Read from the middle of the page, as a reader would be.
        bar = body.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        _timed(app, lambda: None)
        theme = _timed(app, lambda: window.set_theme("dark"))
        font = _timed(app, lambda: window.zoom(1))
        clean = body.clean
        assert clean is not None and window.annotator is not None
        middle = body.to_clean(body.textCursor().position())
        annotator = window.annotator
        highlight = _timed(app, lambda: annotator.create(middle, middle + 12, colour="green"))
        text = clean.text
        window.close()
        paths.set_data_dir(None)

        bare = QTextEdit()
        bare.resize(1400, 900)
        bare.show()
        bare.setPlainText(text)
        _timed(app, lambda: None)
        bare.verticalScrollBar().setValue(bare.verticalScrollBar().maximum() // 2)
        bare_theme = _timed(
            app, lambda: bare.setStyleSheet("QTextEdit { background: #1b1c1f; color: #d8d6d0; }")
        )
        bigger = QFont(bare.font())
        bigger.setPointSizeF(bigger.pointSizeF() + 1)
        bare_font = _timed(app, lambda: bare.setFont(bigger))
        bare.close()

    def row(name: str, ours: tuple[float, float], bare: tuple[float, float] | None, bar: float):
        result = f"{ours[0] * 1000:.0f} ms (longest stall after: {ours[1] * 1000:.0f} ms)"
        if bare is not None:
            result += (
                f"; bare QTextEdit {bare[0] * 1000:.0f} ms (stall {bare[1] * 1000:.0f} ms): "
                f"{ours[0] / max(bare[0], 1e-6):.0f}×"
            )
        verdict = "meets" if max(ours) <= bar else "below"
        return (f"window, {size:.1f} MB page: {name}", result, f"≤ {bar * 1000:.0f} ms", verdict)

    return [
        row("theme switch", theme, bare_theme, THEME_BAR),
        row("font size change", font, bare_font, FONT_BAR),
        row("add a highlight", highlight, None, HIGHLIGHT_BAR),
    ]
