from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from reader.bundled import sample_pages
from reader.ui.settings import Settings
from reader.ui.window import MainWindow

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def _background_work_ends_with_its_test(qtbot) -> Iterator[None]:
    """Every window's background work (a page still being read, an index, a scan) ends
    before the next test starts: a worker left running would read the environment while
    the next test's fixtures set it, which crashes the C library."""
    yield
    for widget in QApplication.topLevelWidgets():
        for pool in widget.findChildren(QThreadPool):
            pool.waitForDone(60000)
    QThreadPool.globalInstance().waitForDone(60000)


@pytest.fixture
def make_window(qtbot) -> Iterator[WindowFactory]:
    """A window on the given page (default: the first sample), shown and loaded."""
    made: list[MainWindow] = []

    def make(path: Path | None = None) -> MainWindow:
        win = MainWindow(Settings())
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        with qtbot.waitSignal(win.document_shown, timeout=20000):
            win.open_path(path or sample_pages()[0])
        made.append(win)
        return win

    yield make
    for win in made:
        win.loader.pool.waitForDone(20000)
