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
        assert win.store_state.text().startswith("1 change waits:")
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
    assert text.count("战略性引领") == 1
    for variant, changed in (
        ("reocr", reocr(text, 0.01)),
        ("deleted", without_paragraph(text)),
        ("misread", text.replace("战略性引领", "战略性引颔")),
    ):
        copy = page  # the page changed where it is: what was made on it moves
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
        if variant == "misread":
            # Shown on what the page reads now, said so, and stored with its own quote.
            assert "1 on text that reads otherwise now" in message
            shown = win.annotator.placed[made[1].id].anchor
            assert shown is not None
            assert win.body.clean.text[shown.start : shown.end] == "战略性引颔"
        sections = listed(win)
        assert len(sections["In the text"]) == len(made) - len(lost)
        assert sorted(sections.get("Unanchored", [])) == sorted(a.quote for a in lost)
        assert win.writer is not None and win.writer.flush(30)
        fp = load(copy).source.fingerprint
        stored = {a.id: a.quote for a in Store().for_document(fp)}
        assert stored == {a.id: a.quote for a in made}
        win.close()
    # Another file of the page beside it, the page unchanged since it was read: copies,
    # said as such; the page keeps its own.
    twin = tmp_path / "004-twin.txt"
    twin.write_text(without_paragraph(page.read_text(encoding="utf-8")), encoding="utf-8")
    win = make_window(twin)
    message = win.statusBar().currentMessage()
    assert "copied from a version of this page, 004.txt, which keeps its own" in message
    assert "could not be placed (listed as unanchored)" in message
    assert win.writer is not None and win.writer.flush(30)
    assert {a.id for a in Store().for_document(load(page).source.fingerprint)} == {
        a.id for a in made
    }
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


def test_annotations_carry_over_to_a_changed_page_whose_name_is_not_utf8(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A page re-OCR'd at the same path keeps its annotations (they are carried over on
    the lower threshold of a page at the same path), also where its name is not UTF-8:
    the stored name was compared with the raw one and never matched."""
    import os
    import random
    from pathlib import Path

    from reader.core.anchor import select
    from reader.core.annotations import Annotation
    from reader.store.db import Store
    from reader.ui.loader import load_with_annotations

    rng = random.Random(1)
    chars = (
        "的一是在不了有和人这中大为上们个国我以要他时来用们生到作地于出就分对成会可主发年"
        "动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高"
        "自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四"
        "日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此"
        "变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文"
        "总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农"
        "指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导"
        "器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带"
        "安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今"
        "集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验"
        "连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准"
        "精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适"
        "属圆包火住调满县局照参红细引听该铁价严"
    )

    def paragraphs() -> list[str]:
        return ["".join(rng.choice(chars) for _ in range(60)) + "。" for _ in range(30)]

    first = paragraphs()
    page = os.fsdecode(os.fsencode(tmp_path) + b"/p\xe9ge.txt")
    Path(page).write_text("\n\n".join(first) + "\n", encoding="utf-8")
    db = tmp_path / "annotations.db"
    before = load_with_annotations(page, db)
    store = Store(db)
    ann = Annotation(
        fingerprint=before.doc.source.fingerprint,
        selector=select(before.clean.text, 10, 30),
        note="n",
        path=page,
    )
    store.put(ann)
    store.close()
    other = paragraphs()
    changed = [p if k < 2 or k % 3 == 0 else other[k] for k, p in enumerate(first)]
    Path(page).write_text("\n\n".join(changed) + "\n", encoding="utf-8")
    after = load_with_annotations(page, db)
    assert after.resolved.carried is not None
    assert len(after.placed) == 1


def _box_button(box, text: str):  # type: ignore[no-untyped-def]
    return next(b for b in box.buttons() if b.text() == text)


def test_closing_while_changes_wait_for_a_lock_keeps_the_window_until_they_are_saved(
    make_window, qtbot, existing_store: Path
) -> None:
    """Closing asked the database for a few seconds, then said the change could not be
    saved and quit without it, though the lock was let go soon after. The window now
    stays open, says why, and closes by itself once the change is stored."""
    win = make_window()
    holder = Holder(existing_store, "immediate")
    try:
        select_quote(win, "新质生产力")
        ann = win.annotate_selection("highlight")
        assert ann is not None
        with qtbot.waitSignal(win.writer.locked, timeout=30000):
            pass
        assert not win.close()
        box = win.storage._waiting_box
        assert win.isVisible() and box is not None and box.isVisible()
        assert box.text().startswith("1 change is not saved yet: the annotation database is busy")
        assert Store(existing_store).count() == 0
    finally:
        holder.release()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=30000)
    assert not box.isVisible()
    assert Store(existing_store).get(ann.id) is not None


def test_a_window_kept_open_for_waiting_changes_can_be_closed_without_them(
    make_window, qtbot, existing_store: Path
) -> None:
    """Only the reader's choice drops a change that waits: the box names how many and
    holds the text of the notes among them to copy; Keep the Window Open leaves
    everything as it was."""
    win = make_window()
    holder = Holder(existing_store, "immediate")
    try:
        start, end = select_quote(win, "新质生产力")
        assert win.annotator.create(start, end, note="记下的想法") is not None
        select_quote(win, "高质量发展")
        assert win.annotate_selection("highlight") is not None
        with qtbot.waitSignal(win.writer.locked, timeout=30000):
            pass
        assert not win.close()
        box = win.storage._waiting_box
        assert box.text().startswith("2 changes are not saved yet:")
        assert "记下的想法" in box.detailedText()
        _box_button(box, "Keep the Window Open").click()
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
        assert win.isVisible() and win.writer.waiting == 2
        assert not win.close() and box.isVisible()
        _box_button(box, "Close Without Them").click()
        qtbot.waitUntil(lambda: not win.isVisible(), timeout=30000)
        # Nothing stored while the lock is held (a try under way when the window closed
        # may still store its change once the lock goes: nothing is lost by that).
        assert Store(existing_store).count() == 0
    finally:
        holder.release()


def test_a_change_that_fails_while_closing_waits_keeps_the_window_open(
    make_window, qtbot, existing_store: Path, monkeypatch
) -> None:
    """The writer reports a failed change as done: the window closed by itself as if it
    had been stored, and the reader never read why, nor kept the note. It now stays
    open with the failure said."""
    from reader.store.db import StoreError

    win = make_window()
    holder = Holder(existing_store, "immediate")
    try:
        start, end = select_quote(win, "新质生产力")
        assert win.annotator.create(start, end, note="记下的想法") is not None
        with qtbot.waitSignal(win.writer.locked, timeout=30000):
            pass
        assert not win.close()
        box = win.storage._waiting_box

        def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
            raise StoreError("the disk is full, so the change could not be saved")

        monkeypatch.setattr(Store, "put_many", refuse)
    finally:
        holder.release()
    qtbot.waitUntil(lambda: win.writer.waiting == 0, timeout=30000)
    qtbot.waitUntil(lambda: win.error_box is not None and win.error_box.isVisible(), timeout=5000)
    assert "disk is full" in win.error_box.text()
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()  # what was queued would close the window now
    assert win.isVisible() and not box.isVisible()


def test_an_annotations_article_stored_anew_never_waits_for_another_programs_lock(
    make_window, qtbot, existing_store: Path
) -> None:
    """Opening a page stores where its annotations are now (their article's name) when
    that changed: while another program held the database, that write, no change of the
    user's, waited and was tried again forever, the status bar saying a change waits and
    the user's own changes queued behind it."""
    import sqlite3

    win = make_window()
    select_quote(win, "新质生产力")
    ann = win.annotate_selection("highlight")
    assert ann is not None and win.writer is not None and win.writer.flush(30)
    with sqlite3.connect(existing_store) as db:
        db.execute("UPDATE annotations SET article = 'an old name' WHERE id = ?", (ann.id,))
    holder = Holder(existing_store, "immediate")
    try:
        locked: list[bool] = []
        win.writer.locked.connect(locked.append)
        with qtbot.waitSignal(win.document_shown, timeout=30000):
            win.open_path(sample_pages()[0])
        qtbot.waitUntil(lambda: win.writer.waiting == 0, timeout=30000)
        assert locked == [] and win.store_state.text() == ""
    finally:
        holder.release()
    assert Store(existing_store).get(ann.id).article == "an old name"  # stored next time
    with qtbot.waitSignal(win.document_shown, timeout=30000):
        win.open_path(sample_pages()[0])
    assert win.writer.flush(30)
    now = win.annotator.placed[ann.id].annotation.article
    assert now != "an old name" and Store(existing_store).get(ann.id).article == now
