"""Room to read: full screen, reading mode, panels that give way to the text, and text
that wraps where it used to run off the side."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QPlainTextEdit

from reader.ui.body import MIN_SIDE
from reader.ui.settings import Settings
from reader.ui.window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def line_chars(win: MainWindow) -> float:
    """Characters a line of the text column holds, measured from the widgets."""
    em = QFontMetricsF(win.body.document().defaultFont()).horizontalAdvance("国")
    side = max(MIN_SIDE, win.body.document().rootFrame().frameFormat().leftMargin())
    return (win.body.viewport().width() - 2 * side) / em


def in_front(dock) -> bool:  # type: ignore[no-untyped-def]
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def shown_docks(win: MainWindow) -> set[str]:
    return {
        d.objectName() for d in win.findChildren(QDockWidget) if d.toggleViewAction().isChecked()
    }


def test_f11_toggles_full_screen_from_the_view_menu(make_window, qtbot) -> None:
    win = make_window()
    action = win.actions_by_key["full_screen"]
    assert action.isCheckable() and action in win.menus["view"].actions()
    assert action.shortcut().toString() == "F11"
    qtbot.keyClick(win.body, Qt.Key.Key_F11)
    qtbot.waitUntil(win.isFullScreen, timeout=5000)
    assert action.isChecked()
    qtbot.keyClick(win.body, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not win.isFullScreen(), timeout=5000)
    assert not action.isChecked()


def test_reading_mode_hides_every_panel_and_restores_those_shown(make_window, qtbot) -> None:
    win = make_window()
    win.actions_by_key["source"].setChecked(True)
    win.library_dock.raise_()
    qtbot.waitUntil(lambda: in_front(win.library_dock))
    win.library_dock.toggleViewAction().trigger()  # hidden by the reader beforehand
    win.tags_dock.raise_()
    qtbot.waitUntil(lambda: in_front(win.tags_dock) and not in_front(win.notes_dock))
    before = shown_docks(win)
    assert "library" not in before and {"outline", "annotations", "tags"} <= before
    action = win.actions_by_key["reading_mode"]
    assert action.isCheckable() and action in win.menus["view"].actions()

    qtbot.keyClick(win.body, Qt.Key.Key_R, CTRL_SHIFT)
    assert action.isChecked()
    assert shown_docks(win) == set()
    assert not any(d.isVisible() for d in win.findChildren(QDockWidget))
    assert not win.source.isVisible()
    assert win.body.isVisible() and win.menuBar().isVisible()

    qtbot.keyClick(win.body, Qt.Key.Key_R, CTRL_SHIFT)
    assert not action.isChecked()
    assert shown_docks(win) == before
    assert win.source.isVisible() and win.actions_by_key["source"].isChecked()
    qtbot.waitUntil(lambda: in_front(win.tags_dock) and not in_front(win.notes_dock))
    assert not win.library_dock.isVisible()


def test_panels_give_way_before_the_text_narrows_below_twenty_characters(
    make_window, qtbot
) -> None:
    win = make_window()
    win.actions_by_key["source"].setChecked(True)
    before = shown_docks(win)
    win.resize(1024, 640)
    qtbot.waitUntil(lambda: win.width() == 1024 and line_chars(win) >= 19.5, timeout=5000)
    assert win.source.isVisible()  # the source view narrows, it is not taken away
    given = before - shown_docks(win)
    assert given and "outline" not in given  # the right side goes first
    assert {d.objectName() for d in win.room.given_way()} == given
    # A larger font needs more room, and gets it.
    for _ in range(4):
        qtbot.keyClick(win.body, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: line_chars(win) >= 19.5, timeout=5000)
    qtbot.keyClick(win.body, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    # With room again, the panels that gave way come back.
    win.resize(1400, 900)
    qtbot.waitUntil(lambda: shown_docks(win) == before, timeout=5000)
    assert win.room.given_way() == []
    assert line_chars(win) >= 19.5


def test_a_dock_shown_by_hand_in_a_small_window_stays(make_window, qtbot) -> None:
    win = make_window()
    win.resize(1024, 640)
    win.actions_by_key["source"].setChecked(True)
    qtbot.waitUntil(lambda: not win.notes_dock.isVisible(), timeout=5000)
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.notes_dock.toggleViewAction().trigger()
    assert win.notes_dock.toggleViewAction().isChecked()
    assert line_chars(win) >= 19.5


def test_the_search_asked_for_in_a_small_window_stays_and_stays_readable(
    make_window, qtbot
) -> None:
    """Search the Library (Ctrl+Shift+F) in a small window with the Library showing: the
    window shows the Search dock for the reader, so the panels on the other side give
    way, not the text (it fell to ten characters a line); and no dock is narrowed below
    what a line of its own text needs."""
    win = make_window()
    win.resize(890, 530)
    win.zoom(1)
    win.zoom(1)
    win.library_dock.show()
    qtbot.waitUntil(lambda: line_chars(win) >= 19.5, timeout=5000)
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.actions_by_key["search_library"].trigger()
    qtbot.waitUntil(lambda: line_chars(win) >= 19.5, timeout=5000)
    assert win.search_dock.isVisible() and in_front(win.search_dock)
    assert not win.library_dock.isVisible()  # the other side gave way
    assert win.search_dock.width() >= 12 * win.search_dock.fontMetrics().height() - 1


def test_the_source_view_wraps_so_the_reasons_can_be_read(make_window, qtbot) -> None:
    win = make_window()
    win.actions_by_key["decisions"].setChecked(True)
    assert win.source.isVisible()
    win.splitter.setSizes([win.splitter.width() - 210, 210])
    qtbot.waitUntil(lambda: win.source.width() <= 230, timeout=5000)
    assert win.source.horizontalScrollBar().maximum() == 0
    document = win.source.document()
    reasons = [
        document.findBlockByNumber(n)
        for n in range(document.blockCount())
        if "⟵" in document.findBlockByNumber(n).text()
    ]
    assert reasons
    longest = max(reasons, key=lambda b: len(b.text()))
    win.source.setTextCursor(QTextCursor(longest))
    win.source.centerCursor()  # laid out once it is in view
    qtbot.waitUntil(lambda: longest.layout().lineCount() > 0, timeout=5000)
    assert longest.layout().lineCount() > 1  # wrapped, not cut off at the pane's edge
    assert win.source.horizontalScrollBar().maximum() == 0


def test_correct_text_shows_a_long_paragraph_wrapped(make_window, qtbot) -> None:
    win = make_window()
    ai, k, block = next(
        (ai, k, b)
        for ai, art in enumerate(win.doc.articles)
        for k, b in enumerate(art.all_blocks())
        if len(b.text) >= 150
    )
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            edit = dialog.findChild(QPlainTextEdit)
            seen["text"] = edit.toPlainText()
            seen["lines"] = edit.document().firstBlock().layout().lineCount()
            seen["sideways"] = edit.horizontalScrollBar().maximum()
            seen["width"] = dialog.width()
        finally:
            dialog.reject()

    QTimer.singleShot(0, look)
    assert win.fixes.ask("text", ai, k) is None  # cancelled
    assert seen["text"] == block.text
    assert seen["lines"] > 2 and seen["sideways"] == 0
    assert seen["width"] < win.screen().availableGeometry().width()


def test_no_blinking_cursor_but_the_keyboard_still_reads(make_window, qtbot) -> None:
    win = make_window()
    body = win.body
    assert body.cursorWidth() == 0
    body.setFocus()
    bar = body.verticalScrollBar()
    bar.setValue(0)
    qtbot.keyClick(body, Qt.Key.Key_Down)
    assert bar.value() > 0  # Down scrolls the page, as in a reader
    qtbot.keyClick(body, Qt.Key.Key_PageDown)
    qtbot.keyClick(body, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert body.textCursor().hasSelection()  # selecting from the keyboard still works
    assert body.viewport().rect().intersects(body.cursorRect())


def test_panels_hidden_for_room_or_reading_are_remembered_as_shown(make_window, qtbot) -> None:
    win = make_window()
    before = shown_docks(win)
    win.resize(1024, 640)
    win.actions_by_key["source"].setChecked(True)
    qtbot.waitUntil(lambda: not win.notes_dock.isVisible(), timeout=5000)
    win.actions_by_key["reading_mode"].setChecked(True)
    win.close()
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    again.resize(1400, 900)
    again.show()
    qtbot.waitUntil(lambda: shown_docks(again) == before, timeout=5000)
    assert again.actions_by_key["source"].isChecked()
    again.close()


def test_panels_that_gave_way_come_back_when_the_source_view_is_closed(make_window, qtbot) -> None:
    """Small, then the source view opened, then large again: the source view still takes
    the room the panels would need. Closing it gives that room back to them."""
    win = make_window()
    win.resize(1280, 820)
    qtbot.waitUntil(lambda: win.width() == 1280, timeout=5000)
    before = shown_docks(win)
    win.resize(1024, 640)
    qtbot.waitUntil(lambda: bool(win.room.given_way()), timeout=5000)
    win.actions_by_key["source"].setChecked(True)
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.resize(1280, 820)
    assert win.room.given_way()  # the source view holds the room they need
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.actions_by_key["source"].setChecked(False)
    assert shown_docks(win) == before and win.room.given_way() == []


def test_the_view_menu_brings_a_dock_behind_a_tab_to_the_front(make_window, qtbot) -> None:
    """A dock behind another's tab is out of sight though shown: its View menu entry
    brings it to the front; a second time, in front, it closes."""
    win = make_window()
    win.tabifyDockWidget(win.notes_dock, win.tags_dock)
    win.notes_dock.show()
    win.tags_dock.show()
    win.notes_dock.raise_()
    qtbot.waitUntil(lambda: in_front(win.notes_dock) and not in_front(win.tags_dock))
    action = win.tags_dock.toggleViewAction()
    assert action.isChecked()
    action.trigger()
    qtbot.waitUntil(lambda: in_front(win.tags_dock), timeout=5000)
    assert action.isChecked() and win.notes_dock.toggleViewAction().isChecked()
    action.trigger()
    qtbot.waitUntil(lambda: not win.tags_dock.isVisible(), timeout=5000)
    assert not action.isChecked()


def test_a_dock_shown_from_the_view_menu_comes_in_front_of_its_tabs(make_window, qtbot) -> None:
    """View → Tags hides the panel, View → Tags again shows it: in front, not behind the
    tab that was in front meanwhile."""
    win = make_window()
    win.tabifyDockWidget(win.notes_dock, win.tags_dock)
    win.tags_dock.show()
    win.tags_dock.raise_()
    qtbot.waitUntil(lambda: in_front(win.tags_dock))
    action = win.tags_dock.toggleViewAction()
    action.trigger()
    qtbot.waitUntil(lambda: not win.tags_dock.isVisible())
    win.notes_dock.raise_()
    action.trigger()
    qtbot.waitUntil(lambda: in_front(win.tags_dock), timeout=5000)
    assert not in_front(win.notes_dock) and win.notes_dock.toggleViewAction().isChecked()


def test_the_tab_brought_to_the_front_is_the_dock_kept(make_window, qtbot) -> None:
    """Annotations shown from the View menu, then the Search tab beside it clicked: a
    small window keeps Search, the tab the reader looks at, not the one behind it."""
    win = make_window()
    win.resize(1400, 820)
    qtbot.waitUntil(lambda: win.width() == 1400, timeout=5000)
    notes, search = win.notes_dock, win.search_dock
    if not search.toggleViewAction().isChecked():
        search.show()
    win.tabifyDockWidget(notes, search)
    if notes.toggleViewAction().isChecked():
        notes.hide()
    notes.toggleViewAction().trigger()  # shown by hand
    qtbot.waitUntil(lambda: in_front(notes), timeout=5000)
    search.raise_()  # its tab clicked
    qtbot.waitUntil(lambda: in_front(search), timeout=5000)
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.resize(640, 600)
    qtbot.waitUntil(lambda: line_chars(win) >= 19.5, timeout=5000)
    assert in_front(search)


def test_a_text_width_the_window_has_no_room_for_says_why(make_window, qtbot) -> None:
    """View → Text Width → Wide in a window too narrow for it changed nothing to see and
    said nothing; now the status bar says how many characters a line there is room for."""
    from reader.ui.controllers.view import COLUMNS

    win = make_window()
    win.resize(900, 700)
    qtbot.waitUntil(lambda: win.body.line_chars() < COLUMNS["wide"] - 1)
    win.statusBar().clearMessage()
    win.view.set_column_name("wide")
    said = win.statusBar().currentMessage()
    assert said.startswith("The text has room for ") and "Ctrl+Shift+R" in said
    assert str(int(win.body.line_chars())) in said
    win.resize(1900, 1000)
    qtbot.waitUntil(lambda: win.body.line_chars() >= COLUMNS["narrow"])
    win.statusBar().clearMessage()
    win.view.set_column_name("narrow")
    assert win.statusBar().currentMessage() == ""


def test_a_small_window_opened_again_gives_way_as_it_did(make_window, qtbot) -> None:
    """At 1024×640 the right-hand panels give way and the outline stays. Closed and
    opened again at that size, the outline was hidden and the Annotations panel shown:
    the panels the saved layout shows, shown as the window opens, were each taken for
    the reader's own choice, the last of them kept. They give way as before."""
    win = make_window()
    win.resize(1024, 640)
    win.actions_by_key["source"].setChecked(True)
    qtbot.waitUntil(lambda: not win.notes_dock.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: line_chars(win) >= 19.5, timeout=5000)
    first = shown_docks(win)
    assert "outline" in first
    win.close()
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    again.resize(1024, 640)  # (the offscreen screen is narrower than the size kept)
    with qtbot.waitSignal(again.room.fitted, timeout=5000):
        again.show()
    qtbot.waitUntil(lambda: line_chars(again) >= 19.5, timeout=5000)
    assert shown_docks(again) == first
    again.close()
