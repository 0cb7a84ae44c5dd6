"""Highlights, tags and notes in the window, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QStyleOptionViewItem,
    QToolTip,
)

from reader.bundled import sample_pages
from reader.core.anchor import select
from reader.core.annotations import Annotation
from reader.store.db import Store, StoreError
from reader.ui.annotation_docks import ID_ROLE
from reader.ui.body import Highlight
from reader.ui.themes import HIGHLIGHTS, highlight_colour, theme
from reader.ui.window import MainWindow


def select_quote(win: MainWindow, quote: str, occurrence: int = 0) -> tuple[int, int]:
    assert win.body.clean is not None
    start = -1
    for _ in range(occurrence + 1):
        start = win.body.clean.text.index(quote, start + 1)
    win.body.select_range(start, start + len(quote))
    return start, start + len(quote)


def saved(win: MainWindow) -> Store:
    """The window's store once every change shown has been stored (off the UI thread)."""
    assert win.writer is not None and win.writer.flush(30) and win.store is not None
    return win.store


def background_at(win: MainWindow, offset: int) -> str | None:
    position = win.body.to_view(offset)
    assert position is not None
    colour = win.body.background_at(position)
    return colour.name() if colour is not None else None


def painted_share(win: MainWindow, span: tuple[int, int], colour: str) -> float:
    """Share of the pixels of the passage's first line that are drawn in `colour`."""
    win.body.repaint()
    image = win.body.viewport().grab().toImage()
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.to_view(span[0]))
    left = win.body.cursorRect(cursor)
    cursor.setPosition(win.body.to_view(span[0]) + 3)
    right = win.body.cursorRect(cursor)
    assert right.top() == left.top(), "the passage must start with three characters on a line"
    dpr = image.devicePixelRatio()
    hits = total = 0
    for x in range(left.left() + 1, right.left() - 1):
        for y in range(left.top() + 1, left.bottom() - 1):
            total += 1
            hits += image.pixelColor(int(x * dpr), int(y * dpr)).name() == colour
    return hits / max(1, total)


def listed(win: MainWindow) -> dict[str, list[str]]:
    """Section title (without its count) -> quotes listed under it."""
    model = win.notes.model
    out: dict[str, list[str]] = {}
    title = "In the text"
    out[title] = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        placed = model.placed(index)
        if placed is None:  # a section header: "Unanchored (n)"
            title = index.data().rsplit(" (", 1)[0]
            out[title] = []
        else:
            out[title].append(placed.annotation.quote)
    return out


def test_highlight_tag_and_note_survive_a_restart(make_window, qtbot) -> None:
    win = make_window()
    yellow = highlight_colour("yellow", theme("light")).name()

    span = select_quote(win, "新质生产力的基本路径")
    qtbot.keyClick(win.body, Qt.Key.Key_H)  # the H shortcut
    assert win.body.textCursor().hasSelection() is False
    assert background_at(win, span[0]) == yellow
    assert background_at(win, span[0] - 1) is None
    win.body.flash(*span)  # brings it into view
    win.body._end_flash()
    assert painted_share(win, span, yellow) > 0.4  # what the user sees, not just the model

    select_quote(win, "各地各行业向新而行")
    qtbot.keyClick(win.body, Qt.Key.Key_T)
    editor = win.current_editor
    assert editor is not None and editor.isVisible()
    editor.tags.setText("政策，产业")  # a full-width comma separates too
    editor.note.setPlainText("各地做法：\n- 见下文三个案例")
    editor.colours.buttons["green"].click()
    editor.accept()
    assert win.current_editor is None

    listed_now = listed(win)
    assert listed_now["In the text"] == ["新质生产力的基本路径", "各地各行业向新而行"]
    win.close()

    again = make_window()
    assert listed(again)["In the text"] == ["新质生产力的基本路径", "各地各行业向新而行"]
    start = again.body.clean.text.index("各地各行业向新而行")
    green = highlight_colour("green", theme("light")).name()
    assert background_at(again, start) == green
    again.body.flash(start, start + 9)
    again.body._end_flash()
    assert painted_share(again, (start, start + 9), green) > 0.4
    note = next(
        p.annotation for p in again.annotator.placed.values() if p.annotation.colour == "green"
    )
    assert note.tags == ["政策", "产业"] and note.note == "各地做法：\n- 见下文三个案例"
    assert [t.name for t in Store().tags()] == ["产业", "政策"]


def test_undo_and_redo_every_change(make_window, qtbot) -> None:
    win = make_window()
    span = select_quote(win, "战略性新兴产业")
    ann = win.annotate_selection("highlight", "blue")
    assert ann is not None and saved(win).count() == 1

    win.undo_action.trigger()
    assert saved(win).count() == 0 and background_at(win, span[0]) is None
    assert listed(win)["In the text"] == []
    win.redo_action.trigger()
    assert saved(win).count() == 1
    assert background_at(win, span[0]) == highlight_colour("blue", theme("light")).name()

    win.annotator.update(ann.edited(note="改过的备注", colour="pink"))
    assert saved(win).get(ann.id).note == "改过的备注"
    win.undo_action.trigger()
    assert saved(win).get(ann.id).note == "" and saved(win).get(ann.id).colour == "blue"
    assert background_at(win, span[0]) == highlight_colour("blue", theme("light")).name()
    win.redo_action.trigger()
    assert background_at(win, span[0]) == highlight_colour("pink", theme("light")).name()

    win.delete_annotations([ann.id])
    assert saved(win).count() == 0
    win.undo_action.trigger()
    assert saved(win).get(ann.id).note == "改过的备注"


def test_keyboard_undo_shortcuts(make_window, qtbot) -> None:
    win = make_window()
    select_quote(win, "战略性新兴产业")
    qtbot.keyClick(win.body, Qt.Key.Key_H)
    assert saved(win).count() == 1
    qtbot.keyClick(win.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(win).count() == 0
    qtbot.keyClick(
        win.body,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert saved(win).count() == 1


def test_a_highlight_may_span_paragraphs(make_window) -> None:
    win = make_window()
    start = win.body.clean.text.index("各地各行业向新而行")
    end = win.body.clean.text.index("一束柔软的") + 5
    win.body.select_range(start, end)
    ann = win.annotate_selection("highlight")
    assert ann is not None and "\n\n" in ann.quote
    yellow = highlight_colour("yellow", theme("light")).name()
    heading = win.body.clean.text.index("一“丝”成链酿新机")
    assert background_at(win, start) == yellow
    assert background_at(win, heading) == yellow
    assert background_at(win, end - 1) == yellow
    assert background_at(win, end) is None


def test_the_dock_filters_by_tag_colour_and_text(make_window, qtbot) -> None:
    win = make_window()
    for quote, colour, tags, note in (
        ("新质生产力的基本路径", "yellow", ["政策"], ""),
        ("各地各行业向新而行", "green", ["产业"], "三个案例"),
        ("战略性新兴产业", "green", ["产业", "政策"], ""),
    ):
        select_quote(win, quote)
        win.annotations.create(
            win.body.selection_range(), {"colour": colour, "tags": tags, "note": note}
        )
    dock = win.notes
    assert len(listed(win)["In the text"]) == 3
    dock.tag_filter.setCurrentIndex(dock.tag_filter.findData("产业"))
    assert listed(win)["In the text"] == ["战略性新兴产业", "各地各行业向新而行"]
    dock.colour_filter.setCurrentIndex(dock.colour_filter.findData("green"))
    dock.filter.setText("案例")  # notes are searched too
    assert listed(win)["In the text"] == ["各地各行业向新而行"]
    dock.filter.clear()
    dock.tag_filter.setCurrentIndex(0)
    dock.colour_filter.setCurrentIndex(dock.colour_filter.findData("yellow"))
    assert listed(win)["In the text"] == ["新质生产力的基本路径"]


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_entry_shows_its_note_whatever_comes_first(make_window, qtbot, name) -> None:
    """The list sizes every row alike, as it would its first: an entry without a note
    first must not cut off the notes of those after it, whose lines (tags and note in
    Chinese) are taller in the fallback font than a line of digits."""
    win = make_window()
    win.set_theme(name)
    # A font without Chinese, as a desktop's interface font often is: Chinese lines are
    # drawn in a fallback font, taller than the interface font's own lines.
    win.notes.view.setFont(QFont("DejaVu Sans", 9))
    for quote, tags, note in (
        ("新质生产力的基本路径", [], ""),
        ("各地各行业向新而行", ["方法", "队伍"], "note one 第一条"),
    ):
        select_quote(win, quote)
        win.annotations.create(
            win.body.selection_range(), {"colour": "yellow", "tags": tags, "note": note}
        )
    view = win.notes.view
    rows = [win.notes.model.index(k, 0) for k in range(win.notes.model.rowCount())]
    noted = next(i for i in rows if "note one" in (i.data() or ""))
    assert "note one" not in rows[0].data()  # the entry without a note comes first
    # What the row's own text needs as the view's delegate draws it, and no less.
    sample = QStandardItemModel()
    sample.appendRow(QStandardItem(noted.data()))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    needed = view.itemDelegate().sizeHint(option, sample.index(0, 0)).height()
    # Every row is sized for three lines of Chinese, whatever the first row holds (the
    # list takes one size for all), and is drawn that tall.
    for index in rows:
        assert index.data(Qt.ItemDataRole.SizeHintRole).height() >= needed
    assert view.visualRect(noted).height() >= needed


def test_the_list_of_annotations_takes_the_theme(make_window, qtbot) -> None:
    """After a switch to the dark theme the list is drawn on the dark theme's base, as
    the docks around it are, not on the light one it was first shown with."""
    win = make_window()
    select_quote(win, "新质生产力的基本路径")
    win.annotate_selection("highlight")
    assert win.notes.view.isVisible()
    win.set_theme("dark")
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert base.lightness() < 100

    def corner() -> QColor:
        image = win.notes.view.viewport().grab().toImage()
        return image.pixelColor(image.width() - 3, image.height() - 3)

    qtbot.waitUntil(lambda: corner() == base, timeout=3000)


def test_clicking_an_entry_jumps_to_the_passage_and_flashes_it(make_window, qtbot) -> None:
    win = make_window()
    span = select_quote(win, "让我们共同期待")
    ann = win.annotate_selection("highlight")
    win.body.verticalScrollBar().setValue(0)
    index = win.notes.model.index(0, 0)
    assert index.data(ID_ROLE) == ann.id
    rect = win.notes.view.visualRect(index)
    qtbot.mouseClick(win.notes.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.body.verticalScrollBar().value() > 0
    flashed = [s for s in win.body.extraSelections() if s.cursor.hasSelection()]
    assert [win.body.to_clean(s.cursor.selectionStart()) for s in flashed] == [span[0]]
    qtbot.waitUntil(lambda: not win.body.extraSelections(), timeout=5000)


def test_clicking_a_highlight_opens_its_editor_and_hover_shows_the_note(make_window, qtbot) -> None:
    win = make_window()
    span = select_quote(win, "思想政治工作是统一思想")
    win.annotations.create(span, {"colour": "purple", "tags": ["党建"], "note": "核心句"})
    position = win.body.to_view(span[0] + 2)
    win.body.setTextCursor(QTextCursor(win.body.document()))
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(position)
    win.body.ensureCursorVisible()
    win.body.setTextCursor(cursor)
    win.body.ensureCursorVisible()
    point = win.body.cursorRect(cursor).center() + QPoint(2, 0)

    help_event = QHelpEvent(QHelpEvent.Type.ToolTip, point, win.body.viewport().mapToGlobal(point))
    QApplication.sendEvent(win.body.viewport(), help_event)
    assert "核心句" in QToolTip.text() and "#党建" in QToolTip.text()

    qtbot.mouseClick(win.body.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = win.current_editor
    assert editor is not None and editor.note.toPlainText() == "核心句"
    editor.note.setPlainText("核心句，已核对")
    editor.accept()
    assert saved(win).all()[0].note == "核心句，已核对"


def test_the_popover_opens_above_a_highlight_near_the_window_s_foot(make_window, qtbot) -> None:
    """The popover stays inside the window where it fits there: by a highlight near the
    foot of the window it opens above it, not below and past the window's edge (the
    screen may have room below, the window has none)."""
    win = make_window()
    screen = QApplication.primaryScreen().availableGeometry()
    win.resize(min(900, screen.width()), screen.height() * 7 // 10)  # room below it on screen
    win.move(screen.topLeft())
    qtbot.waitUntil(lambda: win.mapToGlobal(QPoint(0, 0)).y() < screen.center().y())
    ann = win.annotations.create(select_quote(win, "思想政治工作是统一思想"), {"colour": "blue"})
    frame = QRect(win.mapToGlobal(QPoint(0, 0)), win.size())
    line = QRect(frame.left() + 300, frame.bottom() - 120, 200, 30)  # text near the foot
    editor = win.annotations._editor(ann.quote, ann, popover=True)
    editor.show_by(line)
    box = editor.frameGeometry()
    assert box.bottom() <= line.top() and frame.contains(box.topLeft())
    editor.reject()


def test_editor_delete_button_removes_the_annotation(make_window) -> None:
    win = make_window()
    ann = win.annotations.create(select_quote(win, "思想政治工作是统一思想"), {"colour": "blue"})
    win.edit_annotation(ann.id)
    win.current_editor.deleted.emit()
    win.current_editor.reject()
    assert saved(win).count() == 0
    win.undo_action.trigger()
    assert saved(win).count() == 1


def test_tag_completion_offers_existing_tags(make_window) -> None:
    win = make_window()
    win.annotations.create(
        select_quote(win, "战略性新兴产业"), {"tags": ["新质生产力", "产业政策"]}
    )
    select_quote(win, "各地各行业向新而行")
    win.annotate_selection("tag")
    edit = win.current_editor.tags
    edit.setText("政")
    edit.setCursorPosition(1)
    edit.textEdited.emit("政")
    completions = edit.completer_.completionModel()
    assert [completions.index(r, 0).data() for r in range(completions.rowCount())] == ["产业政策"]
    edit.completer_.activated.emit("产业政策")
    assert edit.tags() == ["产业政策"]
    win.current_editor.reject()


def test_unanchored_annotations_are_listed_not_dropped(make_window) -> None:
    win = make_window()
    fingerprint = win.doc.source.fingerprint
    text = "这句话在新版文字里已经不存在了，只剩备注"
    store = Store()
    store.put(Annotation(fingerprint=fingerprint, selector=select(text, 0, 16), note="旧备注"))
    store.close()
    again = make_window()
    assert listed(again)["Unanchored"] == ["这句话在新版文字里已经不存在了，"]


def test_a_passage_opened_that_this_page_cannot_place_says_where_it_is(make_window) -> None:
    """Opened from the Tags panel, a passage copied to another file of the page that its
    text does not hold showed that page at its top with nothing marked: it says it could
    not be placed, and where it is listed."""
    win = make_window()
    text = "这句话在新版文字里已经不存在了，只剩备注"
    store = Store()
    ann = Annotation(
        fingerprint=win.doc.source.fingerprint, selector=select(text, 0, 16), tags=["旧"]
    )
    store.put(ann)
    store.close()
    again = make_window()
    value = again.body.verticalScrollBar().value()
    again.annotations.show_annotation(ann.id)
    assert "could not be placed" in again.statusBar().currentMessage()
    assert "Unanchored" in again.statusBar().currentMessage()
    assert again.body.verticalScrollBar().value() == value


def test_tags_dock_renames_merges_and_deletes_with_undo(make_window, qtbot) -> None:
    win = make_window()
    win.annotations.create(select_quote(win, "战略性新兴产业"), {"tags": ["产业", "政策"]})
    win.annotations.create(select_quote(win, "各地各行业向新而行"), {"tags": ["地方"]})
    tags = win.tags
    qtbot.waitUntil(lambda: tags.tags.topLevelItemCount() == 3)  # once stored
    assert [tags.tags.topLevelItem(k).text(0) for k in range(3)] == ["产业", "地方", "政策"]
    # Each count sits under its header, at the right, centred on its row.
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert tags.tags.headerItem().textAlignment(1) == right
    assert all(tags.tags.topLevelItem(k).textAlignment(1) == right for k in range(3))
    tags.select("地方")
    assert tags.passages.topLevelItemCount() == 1

    win.annotator.retag(lambda: "Rename", "merge", ["地方"], "各地")
    assert [t.name for t in saved(win).tags()] == ["产业", "各地", "政策"]
    win.annotator.retag(lambda: "Merge", "merge", ["产业", "各地"], "产业")
    assert [(t.name, t.count) for t in saved(win).tags()] == [("产业", 2), ("政策", 1)]
    win.annotator.retag(lambda: "Delete", "delete", ["政策"])
    assert [t.name for t in saved(win).tags()] == ["产业"]
    for _ in range(3):
        win.undo_action.trigger()
    assert [(t.name, t.count) for t in saved(win).tags()] == [("产业", 1), ("地方", 1), ("政策", 1)]
    qtbot.waitUntil(lambda: tags.tags.topLevelItemCount() == 3)  # once stored
    # Each annotation's tags are back in their order, not the renamed one moved last.
    assert sorted(a.tags for a in saved(win).all()) == [["产业", "政策"], ["地方"]]
    win.annotator.retag(lambda: "Rename", "merge", ["产业"], "产业政策")
    renamed = next(a for a in saved(win).all() if "政策" in a.tags)
    assert renamed.tags == ["产业政策", "政策"]
    win.undo_action.trigger()
    back = next(a for a in saved(win).all() if "政策" in a.tags)
    assert back.tags == ["产业", "政策"]


def test_a_failed_save_says_why_and_keeps_the_note(make_window, qtbot, monkeypatch) -> None:
    win = make_window()

    def full(_store: Store, _annotations: object) -> None:
        raise StoreError("the disk is full, so the change could not be saved")

    # Fails in the writer's thread, as a full disk would fail it there.
    monkeypatch.setattr(Store, "put_many", full)
    select_quote(win, "各地各行业向新而行")
    note = "很长的备注" * 2000
    with qtbot.waitSignal(win.document_shown, timeout=30000):  # the page again, as stored
        made = win.annotations.create(win.body.selection_range(), {"note": note})
        assert made is not None  # shown at once, before the store has it
    assert isinstance(win.error_box, QMessageBox) and "disk is full" in win.error_box.text()
    assert QApplication.clipboard().text() == note
    assert win.annotator.placed == {} and win.undo_action.isEnabled() is False


def test_dark_theme_uses_dark_highlights(make_window) -> None:
    win = make_window()
    span = select_quote(win, "战略性新兴产业")
    win.annotate_selection("highlight", "orange")
    win.set_theme("dark")
    assert background_at(win, span[0]) == HIGHLIGHTS["orange"][1]


def test_highlight_colours_stay_readable() -> None:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    assert len(HIGHLIGHTS) >= 6
    for light, dark in HIGHLIGHTS.values():
        for name in ("light", "sepia"):
            assert contrast(light, theme(name).text) >= 7
        assert contrast(dark, theme("dark").text) >= 4.5


def test_annotations_export_and_import_from_the_window(make_window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    win = make_window()
    win.annotations.create(select_quote(win, "战略性新兴产业"), {"tags": ["产业"], "note": "备注"})
    out = tmp_path / "notes.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    win.actions_by_key["export_annotations"].trigger()
    assert '"TextQuoteSelector"' in out.read_text("utf-8")
    marked = tmp_path / "page.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(marked), ""))
    win.actions_by_key["export_marked"].trigger()
    assert "==战略性新兴产业==[^1]" in marked.read_text("utf-8")

    win.store.delete_many([a.id for a in saved(win).all()])
    assert win.import_annotations(str(out)) == (1, 0, 0, 0)
    assert saved(win).all()[0].note == "备注"


def test_two_windows_share_one_database(make_window, qtbot) -> None:
    first, second = make_window(), make_window()
    first.annotations.create(select_quote(first, "战略性新兴产业"), {"tags": ["甲"]})
    second.annotations.create(select_quote(second, "各地各行业向新而行"), {"tags": ["乙"]})
    saved(first), saved(second)
    assert Store().count() == 2
    assert first.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_newer_database_is_refused_and_reading_still_works(make_window, qtbot) -> None:
    import sqlite3

    from reader.store.db import VERSION, default_path

    default_path().parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(default_path())
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.commit()
    db.close()
    win = make_window()
    qtbot.waitUntil(lambda: win.error_box is not None and win.error_box.isVisible())
    assert "newer ocr-reader" in win.error_box.text()
    assert win.store is None and win.doc is not None
    select_quote(win, "战略性新兴产业")
    assert not win.actions_by_key["highlight"].isEnabled()
    assert win.annotate_selection("highlight") is None


def test_a_damaged_database_is_replaced_with_a_message(make_window, qtbot) -> None:
    from reader.store.db import default_path

    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage" * 500)
    win = make_window()
    qtbot.waitUntil(lambda: win.error_box is not None and win.error_box.isVisible())
    assert "moved" in win.error_box.text()
    assert any(".damaged-" in p.name for p in path.parent.iterdir())
    select_quote(win, "战略性新兴产业")
    assert win.annotate_selection("highlight") is not None


def test_a_new_highlight_lays_out_again_only_the_blocks_it_is_in(make_window) -> None:
    win = make_window()
    document = win.body.document()
    block = next(b for b in win.doc.articles[-1].blocks if len(b.text) > 40)
    span = select_quote(win, block.text[10:30])
    first = document.findBlock(win.body.to_view(span[0]))
    assert first.blockNumber() > 50  # far down the page
    # What the view asks Qt to lay out again.
    marked: list[tuple[int, int]] = []
    mark = document.markContentsDirty
    document.markContentsDirty = lambda at, n: (marked.append((at, n)), mark(at, n))
    assert win.annotate_selection("highlight") is not None
    assert background_at(win, span[0]) is not None
    assert marked == [(first.position(), first.length())], marked
    # Highlights in blocks far apart: each block is laid out again, none of those between.
    marked.clear()
    top = win.body._clean_places[3]
    assert top.offset is not None and span[0] > top.offset + 3
    win.body.set_highlights(
        [Highlight(top.offset + 1, top.offset + 3, "blue", "a"), Highlight(*span, "blue", "b")]
    )
    start = document.findBlock(top.position)
    assert sorted(marked) == [
        (start.position(), start.length()),
        (first.position(), first.length()),
    ]
    assert win.body.background_at(top.position + 1) is not None


def test_each_page_has_its_own_undo_history(make_window, qtbot) -> None:
    win = make_window(sample_pages()[0])
    yellow = highlight_colour("yellow", theme("light")).name()
    span = select_quote(win, "战略性新兴产业")
    qtbot.keyClick(win.body, Qt.Key.Key_H)
    (first,) = [p.annotation.id for p in win.annotator.placed.values()]
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(sample_pages()[1])
    assert not win.undo_action.isEnabled()  # nothing done on this page yet
    ctrl_z = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.body, *ctrl_z)
    assert [a.id for a in saved(win).all()] == [first]
    # This page's own highlight is undone here, and only it.
    select_quote(win, "系统谋划部署信用建设工作")
    qtbot.keyClick(win.body, Qt.Key.Key_H)
    assert saved(win).count() == 2
    qtbot.keyClick(win.body, *ctrl_z)
    assert [a.id for a in saved(win).all()] == [first] and win.annotator.placed == {}
    qtbot.keyClick(win.body, *ctrl_z)
    assert [a.id for a in saved(win).all()] == [first]
    # Back on the first page its highlight is there, and undo takes it away.
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(sample_pages()[0])
    assert background_at(win, span[0]) == yellow
    assert win.undo_action.isEnabled()
    qtbot.keyClick(win.body, *ctrl_z)
    assert saved(win).count() == 0 and background_at(win, span[0]) is None
    assert win.annotator.placed == {}


def test_a_tag_renamed_on_every_page_says_so_and_its_undo_keeps_later_edits(
    make_window, qtbot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    first, second = sample_pages()
    win = make_window(first)
    on_first = win.annotations.create(select_quote(win, "战略性新兴产业"), {"tags": ["产业"]})
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(second)
    on_second = win.annotations.create(
        select_quote(win, win.body.clean.text[40:52]), {"tags": ["产业"]}
    )
    assert on_first is not None and on_second is not None
    saved(win)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("行业", True))
    win.annotations.rename_tag("产业")
    assert win.undo_action.text() == "&Undo Rename tag '产业' to '行业' (2 pages)"
    win.set_language("zh_CN")  # named again in the language switched to
    assert win.undo_action.text().startswith("撤销") and "Rename" not in win.undo_action.text()
    win.set_language("en")
    assert saved(win).get(on_first.id).tags == ["行业"]
    # Later, on the first page, its annotation gets a note (in that page's history).
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(first)
    win.annotator.update(win.annotator.get(on_first.id).edited(note="后来写的备注"))
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(second)
    win.undo_action.trigger()  # the rename, from the page it was made on
    store = saved(win)
    assert store.get(on_first.id).tags == ["产业"]
    assert store.get(on_first.id).note == "后来写的备注"  # not undone with the rename
    assert store.get(on_second.id).tags == ["产业"]
    assert win.annotator.placed[on_second.id].annotation.tags == ["产业"]
    win.redo_action.trigger()
    assert saved(win).get(on_first.id).tags == ["行业"]
    assert store.get(on_first.id).note == "后来写的备注"


def _click_highlight(win: MainWindow, qtbot, quote: str, fields: dict):  # type: ignore[no-untyped-def]
    span = select_quote(win, quote)
    ann = win.annotations.create(span, fields)
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.to_view(span[0] + 2))
    win.body.setTextCursor(cursor)
    win.body.ensureCursorVisible()
    point = win.body.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(win.body.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return ann, span


def test_clicking_a_highlight_opens_a_popover_by_it_that_keeps_what_was_typed(
    make_window, qtbot
) -> None:
    win = make_window()
    _ann, span = _click_highlight(win, qtbot, "思想政治工作是统一思想", {"note": "核心句"})
    editor = win.current_editor
    assert editor is not None and editor.popover
    assert editor.windowFlags() & Qt.WindowType.Popup == Qt.WindowType.Popup
    assert editor.windowModality() == Qt.WindowModality.NonModal
    # It opens by the highlight: below its last line, not over the text above it.
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.to_view(span[1]))
    line = win.body.cursorRect(cursor)
    below = win.body.viewport().mapToGlobal(line.bottomLeft()).y()
    above = win.body.viewport().mapToGlobal(line.topLeft()).y()
    assert editor.geometry().top() >= below or editor.geometry().bottom() <= above
    editor.note.setPlainText("核心句，已核对")
    editor.close()  # what clicking away does
    assert win.current_editor is None
    assert saved(win).all()[0].note == "核心句，已核对"


def test_escape_in_the_popover_drops_the_changes(make_window, qtbot) -> None:
    win = make_window()
    _click_highlight(win, qtbot, "思想政治工作是统一思想", {"note": "核心句"})
    editor = win.current_editor
    assert editor is not None and editor.popover
    editor.note.setPlainText("改过")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert win.current_editor is None
    assert saved(win).all()[0].note == "核心句"


@pytest.mark.parametrize("keep", [True, False])
def test_a_colour_picked_in_the_popover_shows_on_the_highlight_at_once(
    make_window, qtbot, keep: bool
) -> None:
    """Picking a colour in the popover recolours the highlight under it while it is
    open; clicking away keeps the colour, Escape puts the old one back."""
    win = make_window()
    ann, span = _click_highlight(win, qtbot, "思想政治工作是统一思想", {"colour": "yellow"})
    editor = win.current_editor
    assert editor is not None and editor.popover
    at = win.body.to_view(span[0] + 2)
    theme_now = theme(win.settings.get("theme"))
    before = win.body.background_at(at)
    assert before == highlight_colour("yellow", theme_now)
    editor.colours.buttons["green"].click()
    assert win.body.background_at(at) == highlight_colour("green", theme_now)
    assert saved(win).get(ann.id).colour == "yellow"  # nothing is saved yet
    if keep:
        editor.close()
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert win.current_editor is None
    colour = "green" if keep else "yellow"
    assert saved(win).get(ann.id).colour == colour
    qtbot.waitUntil(lambda: win.body.background_at(at) == highlight_colour(colour, theme_now))


def test_the_selection_bar_never_covers_the_line_above_the_selection(make_window, qtbot) -> None:
    win = make_window()
    win.resize(1000, 700)
    span = select_quote(win, "思想政治工作是统一思想")
    win.body.ensureCursorVisible()
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.to_view(span[0]))
    bar_value = win.body.verticalScrollBar()
    bar_value.setValue(bar_value.value() + win.body.cursorRect(cursor).top() - 100)
    win.body.selection_settled.emit()
    bar = win.selection_bar
    assert bar.isVisible()
    first = win.body.cursorRect(cursor)
    assert 0 < first.top() < 200
    cursor.setPosition(win.body.to_view(span[1]))
    last = win.body.cursorRect(cursor)
    # Below the selection's last line, where there is room: the lines above stay readable.
    assert bar.geometry().top() > last.bottom()
    # With no room below, it goes above the selection's first line instead.
    win.body.verticalScrollBar().setValue(
        win.body.verticalScrollBar().value() + last.bottom() - win.body.viewport().height() + 4
    )
    cursor.setPosition(win.body.to_view(span[0]))
    first = win.body.cursorRect(cursor)
    win.body.selection_settled.emit()
    assert bar.geometry().bottom() < first.top()


def test_annotations_export_in_the_type_chosen_into_the_folder_last_used(
    make_window, tmp_path, monkeypatch
) -> None:
    """A name typed without an extension gets that of the type chosen in the dialog, in
    that format; the next save dialog opens in the folder saved to, not beside the page."""
    from PySide6.QtWidgets import QFileDialog

    win = make_window()
    win.annotations.create(select_quote(win, "战略性新兴产业"), {"tags": ["产业"], "note": "备注"})
    asked: list[str] = []

    def save(answer: str, label: str):  # type: ignore[no-untyped-def]
        def dialog(_parent, _title, start, filters, *_selected):  # type: ignore[no-untyped-def]
            asked.append(start)
            assert label in filters.split(";;")
            return answer, label

        return dialog

    json_label = "Web Annotation JSON (*.json)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save(str(tmp_path / "annJ"), json_label))
    win.actions_by_key["export_annotations"].trigger()
    assert not (tmp_path / "annJ").exists()
    assert '"TextQuoteSelector"' in (tmp_path / "annJ.json").read_text("utf-8")
    assert Path(asked[0]).parent != Path(win.doc.source.path).parent
    # Another ending is kept, in the type chosen.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", save(str(tmp_path / "notes.txt"), "CSV (*.csv)")
    )
    win.actions_by_key["export_annotations"].trigger()
    assert "战略性新兴产业" in (tmp_path / "notes.txt").read_text("utf-8").splitlines()[1]
    assert Path(asked[1]).parent == tmp_path


def test_the_popover_by_a_highlight_at_the_text_s_edge_covers_no_panel(make_window, qtbot) -> None:
    """By a highlight at the right edge of the text the popover stays over the text
    where it fits there, not over the Annotations panel beside it."""
    win = make_window()
    win.notes_dock.show()
    win.notes_dock.raise_()
    qtbot.waitUntil(win.notes.isVisible)
    ann = win.annotations.create(select_quote(win, "思想政治工作是统一思想"), {"colour": "blue"})
    viewport = win.body.viewport()
    text = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
    dock = QRect(win.notes_dock.mapToGlobal(QPoint(0, 0)), win.notes_dock.size())
    assert dock.left() >= text.right() - 20  # the panel to the right of the text
    editor = win.annotations._editor(ann.quote, ann, popover=True)
    assert max(editor.sizeHint().width(), editor.minimumWidth()) < text.width()
    by = QRect(viewport.width() - 60, viewport.height() // 3, 50, 24)  # at the right edge
    win.annotations._open_editor(editor, win.body, by)
    box = editor.frameGeometry()
    assert text.contains(box.topLeft()) and text.contains(box.topRight())
    assert not box.intersects(dock)
    editor.reject()


def tags_dock_on(qtbot, anns: list[Annotation]):  # type: ignore[no-untyped-def]
    """A Tags panel, shown, with the passages of the tag 政策 listed: `anns`."""
    from reader.store.db import TagCount
    from reader.ui.annotation_docks import TagsDock

    dock = TagsDock()
    qtbot.addWidget(dock)
    dock.lookup = lambda _name: anns
    dock.resize(320, 500)
    dock.show()
    dock.set_tags([TagCount("政策", len(anns))])
    dock.select("政策")
    qtbot.waitUntil(lambda: dock.passages.topLevelItemCount() == len(anns))
    return dock


def test_the_tags_panel_keeps_the_document_column_in_view(qtbot) -> None:
    """A passage's quote is long and the panel narrow: the Passage column takes what the
    Document column leaves, and the Document column stays inside the panel, as wide as
    its names need up to a share of it."""
    from reader.ui.annotation_docks import DOCUMENT_SHARE

    quote = "全国人民代表大会常务委员会关于加强经济工作监督的决定已经发布施行" * 2
    anns = [
        Annotation(
            fingerprint="f",
            selector=select(quote, 0, len(quote)),
            tags=["政策"],
            path=f"/papers/2024/2024-03-1{k}_人民日报_第{k}版.txt",
        )
        for k in range(3)
    ]
    dock = tags_dock_on(qtbot, anns)
    view = dock.passages
    header = view.header()

    def fits() -> bool:
        width = view.viewport().width()
        return (
            header.sectionSize(0) + header.sectionSize(1) <= width
            and header.sectionSize(1) <= DOCUMENT_SHARE * width + 1
            and header.sectionSize(0) >= (1 - DOCUMENT_SHARE) * width - 1
        )

    qtbot.waitUntil(fits)
    dock.resize(900, 500)
    qtbot.waitUntil(lambda: view.viewport().width() > 700)
    qtbot.waitUntil(fits)
    # Wide enough, the Document column is as wide as its names.
    names = [view.topLevelItem(k).text(1) for k in range(3)]
    assert header.sectionSize(1) >= max(view.fontMetrics().horizontalAdvance(n) for n in names)


def test_a_selection_and_find_matches_can_be_told_from_every_highlight_colour() -> None:
    """In every theme the selection's colour and find's (each match, the current one)
    stand apart from each highlight's (the light theme's selection and blue highlight
    were all but the same blue, and find's matches the yellow highlight's yellow)."""
    from reader.ui.themes import HIGHLIGHTS, THEMES

    for name in THEMES:
        current = theme(name)
        for role in ("highlight", "find", "find_current"):
            own = QColor(getattr(current, role))
            for colour in HIGHLIGHTS:
                mark = highlight_colour(colour, current)
                distance = (
                    sum(
                        (a - b) ** 2
                        for a, b in zip(own.getRgb()[:3], mark.getRgb()[:3], strict=True)
                    )
                    ** 0.5
                )
                assert distance >= 40, (name, role, colour, distance)


def test_an_import_in_colours_the_reader_does_not_have_says_so(make_window, tmp_path) -> None:
    import json

    win = make_window()
    win.annotations.create(select_quote(win, "战略性新兴产业"), {"note": "备注"})
    exported = json.loads(_exported(win))
    item = exported["first"]["items"][0]
    item["target"]["styleClass"] = "magenta"
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    win.store.delete_many([a.id for a in saved(win).all()])
    messages: list[str] = []
    win.statusBar().messageChanged.connect(messages.append)
    assert win.import_annotations(str(path)) == (1, 0, 0, 0)
    assert any(
        m.endswith("1 was in a colour this reader does not have ('magenta'): shown in yellow.")
        for m in messages
    )
    assert saved(win).all()[0].colour == "yellow"


def _exported(win) -> str:  # type: ignore[no-untyped-def]
    from reader.core.annotations import to_json

    return to_json(saved(win).all())


def test_a_highlight_wholly_under_two_others_shows_as_an_underline(make_window) -> None:
    """Orange on 产业创新浪潮, then purple on 产业创新 and pink on 创新浪潮: the two later
    ones are drawn over the whole of the orange one, which showed nowhere in the text.
    Under them it is now a dashed underline in orange."""
    from PySide6.QtGui import QTextCharFormat

    from reader.ui.body import block_ranges

    assert block_ranges(
        [0], [20], [_lit(2, 8, "orange"), _lit(2, 6, "purple"), _lit(4, 8, "pink")]
    ) == {
        0: [
            (2, 6, "orange", ""),
            (2, 4, "purple", ""),
            (4, 4, "pink", ""),
            (2, 2, "purple", "orange"),
            (4, 4, "pink", "orange"),
        ]
    }
    win = make_window()
    for quote, colour in (("产业创新浪潮", "orange"), ("产业创新", "purple"), ("创新浪潮", "pink")):
        win.annotations.create(select_quote(win, quote), {"colour": colour})
    start = win.body.clean.text.index("产业创新浪潮")
    block = win.body.document().findBlock(win.body.to_view(start))
    dashed = [
        f.format.underlineColor().name()
        for f in block.layout().formats()
        if f.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    ]
    assert len(dashed) == 2 and len(set(dashed)) == 1


def _lit(start: int, end: int, colour: str):  # type: ignore[no-untyped-def]
    from reader.ui.body import Highlight

    return Highlight(start, end, colour, colour)


def test_a_click_on_the_page_that_closes_a_popover_goes_on_to_the_page(make_window, qtbot) -> None:
    """The press that closes a popover (made on the page, outside it) moves the text
    cursor there as any click does: the next correction is made where the reader clicked,
    not where the highlight was."""
    win = make_window()
    _click_highlight(win, qtbot, "思想政治工作是统一思想", {"note": "核心句"})
    editor = win.current_editor
    assert editor is not None and editor.popover and editor.isVisible()
    before = win.body.textCursor().position()
    # A point of the page well away from the highlight and from the popover.
    viewport = win.body.viewport()
    point = next(
        p
        for p in (
            QPoint(viewport.width() // 2, 12),
            QPoint(viewport.width() // 2, viewport.height() - 12),
        )
        if not editor.geometry().contains(viewport.mapToGlobal(p))
    )
    on_page = viewport.mapToGlobal(point)
    qtbot.mousePress(editor, Qt.MouseButton.LeftButton, pos=editor.mapFromGlobal(on_page))
    assert win.current_editor is None and not editor.isVisible()
    there = win.body.cursorForPosition(point).position()
    assert there != before and win.body.textCursor().position() == there


def test_a_click_on_ok_that_closes_the_tag_completions_is_not_lost(make_window, qtbot) -> None:
    win = make_window()
    win.annotations.create(select_quote(win, "战略性新兴产业"), {"tags": ["产业政策"]})
    select_quote(win, "各地各行业向新而行")
    win.annotate_selection("tag")
    editor = win.current_editor
    edit = editor.tags
    edit.setText("产业")
    edit.textEdited.emit("产业")  # as typing it does
    popup = edit.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    ok = editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    at = ok.mapToGlobal(ok.rect().center())
    with qtbot.waitSignal(editor.accepted, timeout=5000):
        qtbot.mousePress(popup, Qt.MouseButton.LeftButton, pos=popup.mapFromGlobal(at))
        assert not popup.isVisible() and ok.isDown()
        qtbot.mouseRelease(ok, Qt.MouseButton.LeftButton)
    assert saved(win).count() == 2


def test_a_click_on_the_page_with_the_popovers_tag_completions_open_closes_both(
    make_window, qtbot
) -> None:
    """Completions open in a highlight's popover, a click on the page: they close, the
    popover closes too and keeps what was typed, and the click moves the text cursor."""
    win = make_window()
    win.annotations.create(select_quote(win, "战略性新兴产业"), {"tags": ["产业政策"]})
    _click_highlight(win, qtbot, "思想政治工作是统一思想", {"note": "核心句"})
    editor = win.current_editor
    assert editor is not None and editor.popover
    edit = editor.tags
    edit.setText("产业")
    edit.textEdited.emit("产业")
    popup = edit.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    viewport = win.body.viewport()
    point = next(
        p
        for p in (
            QPoint(viewport.width() // 2, 12),
            QPoint(viewport.width() // 2, viewport.height() - 12),
        )
        if not editor.geometry().contains(viewport.mapToGlobal(p))
        and not popup.geometry().contains(viewport.mapToGlobal(p))
    )
    on_page = viewport.mapToGlobal(point)
    qtbot.mousePress(popup, Qt.MouseButton.LeftButton, pos=popup.mapFromGlobal(on_page))
    assert not popup.isVisible() and not editor.isVisible() and win.current_editor is None
    assert win.body.textCursor().position() == win.body.cursorForPosition(point).position()
    assert saved(win).get(next(a.id for a in saved(win).all() if a.note == "核心句")).tags == [
        "产业"
    ]


def test_a_double_click_on_a_tagged_passage_opens_it_once(qtbot) -> None:
    """A double-click activates the passage: one jump, or one message that its page is
    gone (the passage went twice, and a missing page's message came twice)."""
    from PySide6.QtTest import QTest

    ann = Annotation(
        fingerprint="f", selector=select("各地各行业向新而行", 0, 9), tags=["政策"], path="/p.txt"
    )
    dock = tags_dock_on(qtbot, [ann])
    view = dock.passages
    opened: list[tuple[str, str]] = []
    dock.passage_activated.connect(lambda path, ann_id: opened.append((path, ann_id)))
    spot = view.visualItemRect(view.topLevelItem(0)).center()
    # (a double-click as the system sends it: a click, then the second press as a
    # double-click)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened == [("/p.txt", ann.id)]


def test_a_tag_put_back_by_an_undo_takes_its_place_among_the_others() -> None:
    """A tag deleted, the annotation's tags changed since, the deletion undone: the tag
    went last ([x, y, a]); it goes back where it stood ([a, x, y])."""
    from reader.ui.annotator import swap_tags

    assert swap_tags(["x", "y"], ["x"], ["a", "x"]) == ["a", "x", "y"]
    assert swap_tags(["产业", "地方"], ["产业", "地方"], ["产业", "政策", "地方"]) == [
        "产业",
        "政策",
        "地方",
    ]
    assert swap_tags(["a", "OCR错误", "b"], ["OCR错误"], ["ocr-error"]) == ["a", "ocr-error", "b"]
