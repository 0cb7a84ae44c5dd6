"""The scan view on a big scan: a real page's scan drawn at 600 dpi or so (about 60
megapixels, a JPEG), found, read and shown beside the text.

Timed from the toggle until the scan is on screen, with a 5 ms heartbeat on the event
loop meanwhile: the longest gap between beats is how long the window stopped answering
(the image is found and read in a worker; only the pixmap is made on the UI thread).
The same heartbeat over an idle window for as long gives the machine's own stalls, for
comparison (on a loaded machine the event loop waits for a core either way). Then the
text cursor is moved to another block and the outline follows.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import time
from pathlib import Path

from tests.ocrformats import REAL_PAGES

PAGE = REAL_PAGES / "08_dapipan_19670919_p1.json"
SCALE = 2.9  # the page's 2687 × 3806 pixels drawn at 7792 × 11037, 86 megapixels
STALL_BAR = 0.100  # seconds
MOVE_BAR = 0.050


def run() -> list[tuple[str, str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not PAGE.is_file():
        return [("scan view", "skipped: the real pages are not there", "", "")]
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as data:
        os.environ["OCR_READER_DATA_DIR"] = str(Path(data) / "data")
        os.environ["OCR_READER_CONFIG_DIR"] = str(Path(data) / "config")
        from reader.ui.settings import Settings
        from reader.ui.window import MainWindow
        from tests.scans import write

        page = Path(data) / PAGE.name
        shutil.copy(PAGE, page)
        image = write(PAGE, page.with_suffix(".jpg"), SCALE)
        megapixels = round(2687 * 3806 * SCALE * SCALE / 1e6)
        window = MainWindow(Settings())
        window.resize(1400, 900)
        window.show()
        loop = QEventLoop()
        window.document_shown.connect(lambda _d: loop.quit())
        window.open_path(page)
        loop.exec()
        while not window.scan.action.isEnabled():
            app.processEvents()
        beats = [time.perf_counter()]
        heart = QTimer()
        heart.setInterval(5)
        heart.timeout.connect(lambda: beats.append(time.perf_counter()))
        heart.start()
        start = time.perf_counter()
        window.scan.action.trigger()
        while not window.scan.view.has_image():
            app.processEvents()
        shown = time.perf_counter() - start
        heart.stop()
        beats.append(time.perf_counter())
        stall = max(b - a for a, b in itertools.pairwise(beats))
        beats[:] = [time.perf_counter()]
        heart.start()
        idle = QEventLoop()
        QTimer.singleShot(int(shown * 1000), idle.quit)
        idle.exec()
        heart.stop()
        baseline = max(b - a for a, b in itertools.pairwise(beats))
        start = time.perf_counter()
        window.body.show_spot(3, 7, 0)
        app.processEvents()
        moved = time.perf_counter() - start
        assert window.scan.view.current_rects()
        size = image.stat().st_size >> 20
        window.close()
    return [
        (
            f"scan view: a {megapixels} MP scan ({size} MB JPEG) shown",
            f"{shown:.2f} s; window stalled at most {stall * 1000:.0f} ms "
            f"(idle: {baseline * 1000:.0f} ms)",
            f"stall ≤ {STALL_BAR * 1000:.0f} ms",
            "ok" if stall <= STALL_BAR else "over",
        ),
        (
            "scan view: text cursor moved, outline follows",
            f"{moved * 1000:.1f} ms",
            f"≤ {MOVE_BAR * 1000:.0f} ms",
            "ok" if moved <= MOVE_BAR else "over",
        ),
    ]
