from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.bundled import sample_pages
from reader.ui.settings import Settings
from reader.ui.window import MainWindow

WindowFactory = Callable[..., MainWindow]


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
