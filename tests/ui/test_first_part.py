"""A long page shows its first part while the whole is read: read-only until the whole
page replaces it at the reader's place. The size from which a page counts as long is
lowered here, so a page of a few sample pages does; the whole page is held back until
the test lets it through, so nothing depends on the machine's speed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.bundled import sample_pages
from reader.core.document import load
from reader.core.export import clean_text
from reader.ui import loader
from reader.ui.settings import Settings
from reader.ui.window import MainWindow


def _long_page(tmp_path: Path, copies: int = 6) -> Path:
    page = tmp_path / "long.txt"
    page.write_bytes(b"\n".join([sample_pages()[0].read_bytes()] * copies))
    return page


@pytest.fixture
def held(monkeypatch) -> Iterator[threading.Event]:
    """Pages over 1,000 bytes show a first part of about 20,000 characters; the whole page
    is read only once the event is set."""
    monkeypatch.setattr(loader, "PREVIEW_FROM", 1000)
    monkeypatch.setattr(loader, "PREVIEW_CHARS", 20000)
    gate = threading.Event()
    whole = loader.load_with_annotations

    def held_back(path: str, store_path: Path | None) -> loader.Loaded:
        gate.wait(60)
        return whole(path, store_path)

    monkeypatch.setattr(loader, "load_with_annotations", held_back)
    yield gate
    gate.set()


def _window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


def _preview(qtbot, win: MainWindow, page: Path) -> None:  # type: ignore[no-untyped-def]
    whole: list[object] = []
    win.document_shown.connect(whole.append)
    with qtbot.waitSignal(win.preview_shown, timeout=20000):
        win.open_path(page)
    assert whole == []


def test_a_long_page_shows_its_first_part_then_the_whole_at_the_same_place(qtbot, tmp_path, held):
    win = _window(qtbot)
    page = _long_page(tmp_path)
    _preview(qtbot, win, page)
    first = win.body.doc
    assert first is not None and win.doc is None and win.session.previewing
    whole_doc = load(page)
    assert 1 < len(first.articles) < len(whole_doc.articles)
    assert first.source_lines[0] == whole_doc.source_lines[0]
    assert win.progress.isVisible()
    assert "first part" in win.statusBar().currentMessage()
    # The reader moves into the first part.
    win.body.scroll_to(len(first.articles) // 2, 0)
    qtbot.waitUntil(lambda: win.body.verticalScrollBar().value() > 0, timeout=5000)
    top = win.body.top_spot()
    assert top is not None
    block = first.articles[top[0]].all_blocks()[top[1]]
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        held.set()
    assert win.doc is not None and win.body.doc is win.doc and not win.session.previewing
    assert "first part" not in win.status.text()
    # The whole page, exactly as it is read without a first part.
    assert win.body.clean is not None
    assert win.body.clean.text == clean_text(whole_doc).text
    # The same block at the top of the view, as many characters into it.
    doc = win.doc

    def at_block() -> bool:
        now = win.body.top_spot()
        if now is None:
            return False
        there = doc.articles[now[0]].all_blocks()[now[1]]
        return (there.first, there.text, now[2]) == (block.first, block.text, top[2])

    qtbot.waitUntil(at_block, timeout=10000)
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=30000)


def test_the_first_part_is_read_only_and_annotations_wait_for_the_whole_page(
    qtbot, tmp_path, monkeypatch
):
    page = _long_page(tmp_path)
    quote_at = 200  # in the first part
    # Annotated once, read whole.
    win = _window(qtbot)
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(page)
    assert win.body.clean is not None
    quote = win.body.clean.text[quote_at : quote_at + 8]
    win.body.select_range(quote_at, quote_at + 8)
    made = win.annotate_selection("highlight", "green")
    assert made is not None
    assert win.writer is not None and win.writer.flush(30)
    fingerprint = win.doc.source.fingerprint  # type: ignore[union-attr]
    win.correct("join", 1, 0)
    assert win.writer.flush(30) and win.store is not None
    assert len(win.store.edits(fingerprint)) == 1
    edited = win.body.clean.text

    # Opened again as a long page: its first part is shown, held there.
    monkeypatch.setattr(loader, "PREVIEW_FROM", 1000)
    monkeypatch.setattr(loader, "PREVIEW_CHARS", 20000)
    gate = threading.Event()
    whole = loader.load_with_annotations
    monkeypatch.setattr(
        loader, "load_with_annotations", lambda *args: (gate.wait(60), whole(*args))[1]
    )
    try:
        _preview(qtbot, win, page)
        # Nothing of the page's annotations or corrections is placed on the first part.
        assert win.body.highlights == [] and win.notes.view.model().rowCount() == 0
        assert "once the whole page is read" in win.notes.empty.text()
        assert win.corrections.texts() == []
        # Selecting text offers no annotating; asking anyway makes nothing.
        win.body.select_range(quote_at, quote_at + 8)
        assert win.body.textCursor().hasSelection()
        assert not win.actions_by_key["highlight"].isEnabled()
        assert not win.actions_by_key["note"].isEnabled()
        assert win.annotate_selection("highlight", "blue") is None
        # Correcting and undoing do nothing either.
        win.correct("join", 2, 0)
        assert not win.undo_action.isEnabled()
        win.undo_action.trigger()
        assert win.writer.flush(30)
        assert [a.id for a in win.store.for_document(fingerprint)] == [made.id]
        assert len(win.store.edits(fingerprint)) == 1
    finally:
        with qtbot.waitSignal(win.document_shown, timeout=20000):
            gate.set()
    # The whole page: its annotation and correction placed on it, annotating open again.
    assert win.body.clean is not None and win.body.clean.text == edited
    assert win.notes.items and not win.notes.waiting
    assert [(h.id, win.body.clean.text[h.start : h.end]) for h in win.body.highlights] == [
        (made.id, quote)
    ]
    assert len(win.session.edits()) == 1
    win.body.select_range(quote_at + 20, quote_at + 24)
    assert win.actions_by_key["highlight"].isEnabled()
    assert win.annotate_selection("highlight", "blue") is not None


def test_a_page_below_the_size_opens_as_before(qtbot, tmp_path, monkeypatch):
    cut: list[object] = []
    monkeypatch.setattr(loader, "first_part", lambda *args: cut.append(args))
    win = _window(qtbot)
    previews: list[object] = []
    win.preview_shown.connect(previews.append)
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path))
    win.loader.pool.waitForDone(20000)
    QApplication.processEvents()
    assert cut == [] and previews == []
    assert win.doc is not None and not win.session.previewing
    assert win.actions_by_key["highlight"].isEnabled() is False  # no selection yet
    win.body.select_range(10, 20)
    assert win.actions_by_key["highlight"].isEnabled()


def test_cancelled_while_the_first_part_is_shown_it_stays_read_only(qtbot, tmp_path, held):
    win = _window(qtbot)
    _preview(qtbot, win, _long_page(tmp_path))
    assert win.progress.isVisible()
    win.progress.cancel.click()
    held.set()
    win.loader.pool.waitForDone(30000)
    QApplication.processEvents()  # the dropped result is delivered here, if at all
    assert win.doc is None and win.body.doc is not None
    assert win.annotate_selection("highlight") is None
    assert "first part only" in win.status.text()  # said once the message has gone


def test_another_page_opened_meanwhile_opens_at_its_start(qtbot, tmp_path, held):
    win = _window(qtbot)
    _preview(qtbot, win, _long_page(tmp_path))
    first = win.body.doc
    assert first is not None
    win.body.scroll_to(1, 1)  # in the part that is the other page too
    qtbot.waitUntil(lambda: win.body.verticalScrollBar().value() > 0, timeout=5000)
    other = tmp_path / "other.txt"
    other.write_bytes(sample_pages()[0].read_bytes())  # too short to be cut
    shown: list[object] = []
    win.document_shown.connect(shown.append)
    win.open_path(other)
    held.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert win.doc is not None and Path(win.doc.source.path) == other
    assert win.body.verticalScrollBar().value() == 0
