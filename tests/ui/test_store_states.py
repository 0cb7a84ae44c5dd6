"""The window when the annotation database is locked, cannot be made, or the page's text
changed: reading goes on, nothing waits on the UI thread, and no annotation is lost."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.bundled import sample_pages
from reader.core.document import load
from reader.store.db import Store, default_path
from tests.store.test_versions import reocr, without_paragraph
from tests.ui.test_annotations import listed, select_quote

# Holds the database's lock until a line arrives on its standard input. With
# locking_mode EXCLUSIVE not even a reader gets in: the state at start-up that makes
# opening fail; BEGIN IMMEDIATE alone keeps out writers only.
HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    db.execute("PRAGMA locking_mode = EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
else:
    db.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
"""


class Holder:
    """Another program holding the annotation database's lock."""

    def __init__(self, path: Path, mode: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "held"

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture
def existing_store() -> Path:
    path = default_path()
    Store(path).close()
    return path


def test_a_lock_at_start_up_is_tried_again_until_annotating_turns_on(
    make_window, qtbot, existing_store: Path
) -> None:
    holder = Holder(existing_store, "exclusive")
    try:
        win = make_window()
        assert win.store is None and win.annotator is None  # reading works meanwhile
        assert "locked" in win.store_state.text()
    finally:
        holder.release()
    qtbot.waitUntil(lambda: win.annotator is not None, timeout=30000)
    with qtbot.waitSignal(win.document_shown, timeout=30000):
        pass  # the page opens again, with its annotations
    select_quote(win, "新质生产力")
    assert win.annotate_selection("highlight") is not None
    assert win.writer is not None and win.writer.flush(30)
    assert Store(existing_store).count() == 1 and win.store_state.text() == ""


def test_changes_wait_off_the_ui_thread_while_another_program_writes(
    make_window, qtbot, existing_store: Path
) -> None:
    win = make_window()
    assert win.writer is not None
    holder = Holder(existing_store, "immediate")
    try:
        select_quote(win, "新质生产力")
        ann = win.annotate_selection("highlight")
        # Shown at once, though the database cannot take it yet.
        assert ann is not None and ann.id in win.annotator.placed
        with qtbot.waitSignal(win.writer.locked, timeout=30000) as locked:
            pass
        assert locked.args == [True]
        assert "1 changes wait" in win.store_state.text()
        assert Store(existing_store).count() == 0
    finally:
        holder.release()
    qtbot.waitUntil(lambda: win.writer.waiting == 0, timeout=30000)
    assert Store(existing_store).get(ann.id) is not None
    assert win.store_state.text() == ""


def test_a_data_folder_that_cannot_be_made_leaves_reading_on(
    make_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("OCR_READER_DATA_DIR", str(blocker / "data"))
    win = make_window()
    assert win.store is None and win.doc is not None
    assert win.store_problem is not None and "\n" not in win.store_problem
    assert not win.actions_by_key["import_annotations"].isEnabled()


def test_a_changed_page_shows_its_annotations_and_lists_the_lost_ones(
    make_window, qtbot, tmp_path: Path
) -> None:
    page = tmp_path / "004.txt"
    shutil.copy(sample_pages()[1], page)
    win = make_window(page)
    text = page.read_text(encoding="utf-8")
    made = []
    for quote in ("国有企业党建工作需要突破传统", "战略性引领", "治理思维", "党建工作"):
        select_quote(win, quote)
        made.append(win.annotate_selection("highlight"))
    assert win.writer is not None and win.writer.flush(30)
    win.close()
    for variant, changed in (
        ("reocr", reocr(text, 0.01)),
        ("deleted", without_paragraph(text)),
    ):
        copy = tmp_path / f"{variant}.txt"
        copy.write_text(changed, encoding="utf-8")
        win = make_window(copy)
        assert win.annotator is not None
        placed = win.annotator.placed
        assert {a.id for a in made} <= set(placed)  # every one shown or listed
        message = win.statusBar().currentMessage()
        assert "carried over from an earlier version of this page" in message
        lost = [a for a in made if placed[a.id].anchor is None]
        if variant == "deleted":
            assert lost and "could not be placed" in message
        sections = listed(win)
        assert len(sections["In the text"]) == len(made) - len(lost)
        assert sorted(sections.get("Unanchored", [])) == sorted(a.quote for a in lost)
        assert win.writer is not None and win.writer.flush(30)
        fp = load(copy).source.fingerprint
        assert {a.id for a in Store().for_document(fp)} == {a.id for a in made}
        win.close()


def test_a_read_only_data_folder_shows_and_exports_annotations(
    make_window, qtbot, existing_store: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.store.test_recovery import _unwritable

    win = make_window()
    select_quote(win, "新质生产力")
    made = win.annotate_selection("highlight")
    assert made is not None and win.writer is not None and win.writer.close(30)
    win.close()
    with _unwritable(existing_store.parent):
        win = make_window()
        assert win.store is not None and win.store.read_only
        assert listed(win)["In the text"] == [made.quote]
        assert "read-only" in win.store_state.text()
        select_quote(win, "各地各行业向新而行")
        assert not win.actions_by_key["highlight"].isEnabled()
        assert win.annotate_selection("highlight") is None
        assert win.error_box is not None and "read-only" in win.error_box.text()
        out = tmp_path / "notes.md"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
        win.actions_by_key["export_annotations"].trigger()
        assert made.quote in out.read_text(encoding="utf-8")


def test_a_named_pipe_or_a_device_is_refused_and_the_next_page_opens(
    make_window, qtbot, tmp_path: Path
) -> None:
    import os

    pipe = tmp_path / "page.txt"
    os.mkfifo(pipe)  # no writer: reading it would wait for ever
    win = make_window()
    for path, what in ((pipe, "named pipe"), (Path("/dev/zero"), "device")):
        with qtbot.waitSignal(win.load_failed, timeout=30000) as failed:
            win.open_path(path)
        assert what in failed.args[1] and "\n" not in failed.args[1]
    # The loader is free: the next page opens.
    with qtbot.waitSignal(win.document_shown, timeout=30000):
        win.open_path(sample_pages()[1])
