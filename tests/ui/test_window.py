"""The reader window, driven as a user would with pytest-qt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette

from reader.bundled import sample_pages
from reader.core.document import load
from reader.ui import actions as actions_module
from reader.ui import window as window_module
from reader.ui.outline import TARGET_ROLE, OutlineModel
from reader.ui.settings import Settings
from reader.ui.themes import theme
from reader.ui.window import MainWindow


def tree_texts(model, parent=QModelIndex()) -> list[str]:  # noqa: B008
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append(model.data(index))
        out.extend(tree_texts(model, index))
    return out


def test_opens_the_sample_page(make_window) -> None:
    win = make_window()
    assert win.doc is not None
    assert Path(win.doc.source.path).name == sample_pages()[0].name
    assert "思想政治工作" in win.body.toPlainText()
    assert "4 articles" in win.status.text() and "UTF-8" in win.status.text()


@pytest.mark.parametrize("page", sample_pages(), ids=lambda p: p.stem[:3])
def test_outline_shows_every_article_with_its_headings(make_window, page: Path) -> None:
    win = make_window(page)
    doc = load(page)
    model = win.outline.model
    assert model.rowCount() == len(doc.articles)
    for row, art in enumerate(doc.articles):
        index = model.index(row, 0)
        assert model.data(index) == art.label()
        assert tree_texts(model, index) == [o.text for o in art.outline]


def test_clicking_a_heading_scrolls_to_it(make_window, qtbot) -> None:
    win = make_window()
    doc = win.doc
    art, entry = 1, win.doc.articles[1].outline[3]
    source = win.outline.model.index_for(art, entry.block, doc)
    index = win.outline.proxy.mapFromSource(source)
    win.outline.tree.scrollTo(index)
    rect = win.outline.tree.visualRect(index)
    with qtbot.waitSignal(win.body.place_changed, timeout=5000):
        qtbot.mouseClick(win.outline.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.body.current_place() == (art, entry.block)
    assert win.body.verticalScrollBar().value() > 0
    heading = doc.articles[art].blocks[entry.block].text
    assert win.body.textCursor().block().text() == heading


def test_scrolling_moves_the_tree_selection(make_window, qtbot) -> None:
    win = make_window()
    target = win.doc.articles[2].outline[1]
    position = win.body.position_of(2, target.block)
    block = win.body.document().findBlock(position)
    y = win.body.document().documentLayout().blockBoundingRect(block).top()
    win.body.verticalScrollBar().setValue(int(y))
    qtbot.waitUntil(lambda: win.outline.current_target() == (2, target.block), timeout=5000)
    assert win.outline.tree.currentIndex().data() == target.text


def test_find_highlights_every_match(make_window, qtbot) -> None:
    win = make_window()
    expected = win.body.toPlainText().count("新质生产力")
    assert expected >= 3
    win.actions_by_key["find"].trigger()
    assert win.findbar.isVisible()
    with qtbot.waitSignal(win.body.find_changed) as sig:
        # Chinese arrives through the input method as committed text, not as key presses.
        win.findbar.edit.setText("新质生产力")
    total = sig.args[1]
    assert total == expected == win.body.match_count()
    assert len(win.body.extraSelections()) == expected
    assert win.findbar.count.text() == f"{sig.args[0]} of {expected}"
    first = win.body.textCursor().position()
    with qtbot.waitSignal(win.body.find_changed):
        qtbot.keyClick(win.findbar.edit, Qt.Key.Key_Return)
    assert win.body.textCursor().position() != first
    with qtbot.waitSignal(win.body.find_changed):
        qtbot.keyClick(win.findbar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert win.body.textCursor().position() == first
    qtbot.keyClick(win.findbar.edit, Qt.Key.Key_Escape)
    assert not win.findbar.isVisible() and win.body.extraSelections() == []


def test_each_match_stepped_to_is_shown_whole_with_lines_around_it(make_window, qtbot) -> None:
    """Find moves the view so the current match stands clear of the view's edges, with
    a line or more over and under it: not on the bottom line, half cut off."""
    win = make_window()
    win.resize(900, 420)
    body = win.body
    win.actions_by_key["find"].trigger()
    with qtbot.waitSignal(body.find_changed) as sig:
        win.findbar.edit.setText("的")
    total = sig.args[1]
    assert total >= 20
    bar = body.verticalScrollBar()
    checked = 0
    for _ in range(total):
        with qtbot.waitSignal(body.find_changed):
            qtbot.keyClick(win.findbar.edit, Qt.Key.Key_Return)
        at = body.textCursor().position()
        y, height = body.screen_y(at), body.cursorRect().height()
        assert y >= 0 and y + height <= body.viewport().height()
        if 0 < bar.value() < bar.maximum():  # not held by the page's top or end
            assert height <= y <= body.viewport().height() - 2 * height
            checked += 1
    assert checked >= 5


def test_theme_font_size_and_reading_position_survive_a_restart(make_window, qtbot) -> None:
    win = make_window()
    win.set_theme("dark")
    win.zoom(1)
    win.zoom(1)
    size = win.settings.get("font_size")
    assert size == 18.0
    target = (2, win.doc.articles[2].outline[0].block)
    win.body.scroll_to(*target)
    win.close()

    again = make_window()
    assert again.settings.get("theme") == "dark"
    assert again.body.document().defaultFont().pointSizeF() == size
    dark = theme("dark")
    assert again.palette().color(QPalette.ColorRole.Window).name() == dark.window
    assert again.body.current_place() == target


def test_the_line_at_the_top_inside_a_paragraph_survives_a_restart(make_window, qtbot) -> None:
    """The place saved is the line at the top of the view, not its paragraph's start: a
    reader half-way down a long paragraph comes back to that line, not a screen or more
    above it."""
    win = make_window()
    body = win.body
    half = len(body.places) // 2
    longest = max((p for p in body.places[:half] if p.key >= 0), key=lambda p: p.length)
    block = body.document().findBlock(longest.position)
    layout = block.layout()
    assert layout.lineCount() >= 3
    line = layout.lineAt(layout.lineCount() // 2)
    top = body.document().documentLayout().blockBoundingRect(block).top()
    body.verticalScrollBar().setValue(int(top + line.y()))
    spot = body.top_spot()
    assert spot is not None and spot[2] > 0  # inside the paragraph, not at its start
    win.close()

    again = make_window()
    assert again.body.top_spot()[:3] == spot[:3]


def test_a_bad_file_leaves_the_previous_document_open(make_window, qtbot, tmp_path) -> None:
    win = make_window()
    before = win.doc
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    with qtbot.waitSignal(win.load_failed, timeout=10000) as sig:
        win.open_path(bad)
    assert "PNG image" in sig.args[1]
    assert win.doc is before
    assert "思想政治工作" in win.body.toPlainText()
    assert win.error_box is not None and win.error_box.isVisible()
    assert "scan.txt" in win.error_box.text() and "PNG image" in win.error_box.text()
    win.error_box.close()


def test_outline_model_passes_the_model_tester(qtmodeltester) -> None:
    model = OutlineModel()
    qtmodeltester.check(model)
    for page in sample_pages():
        model.set_document(load(page))
        qtmodeltester.check(model)


def test_outline_filter_narrows_the_tree(make_window, qtbot) -> None:
    win = make_window()
    full = len(tree_texts(win.outline.proxy))
    win.outline.filter.setText("结论")
    texts = tree_texts(win.outline.proxy)
    assert "四、结论" in texts and len(texts) < full
    # the article the heading belongs to stays, so the heading keeps its place
    assert texts[0] == win.doc.articles[0].label()


def test_keyboard_in_the_tree_moves_the_text(make_window, qtbot) -> None:
    win = make_window()
    tree = win.outline.tree
    tree.setFocus()
    tree.setCurrentIndex(win.outline.proxy.index(0, 0))
    with qtbot.waitSignal(win.body.place_changed, timeout=5000):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    target = tree.currentIndex().data(TARGET_ROLE)
    assert win.body.current_place() == tuple(target)


def test_next_and_previous_article(make_window, qtbot) -> None:
    win = make_window()
    win.body.setFocus()
    qtbot.keyClick(win.body, Qt.Key.Key_N)
    assert win.body.current_place()[0] == 1
    qtbot.keyClick(win.body, Qt.Key.Key_N)
    qtbot.keyClick(win.body, Qt.Key.Key_P)
    assert win.body.current_place()[0] == 1


def test_n_in_the_last_article_says_so_and_stays(make_window, qtbot) -> None:
    win = make_window()
    last = len(win.doc.articles) - 1
    win.body.scroll_to(last, -1)
    win.body.setFocus()
    value = win.body.verticalScrollBar().value()
    with qtbot.waitSignal(win.body.no_further, timeout=5000) as said:
        qtbot.keyClick(win.body, Qt.Key.Key_N)
    assert said.args == [1]
    assert "last article" in win.statusBar().currentMessage()
    assert win.body.verticalScrollBar().value() == value
    win.body.scroll_to(0, -1)
    with qtbot.waitSignal(win.body.no_further, timeout=5000) as said:
        qtbot.keyClick(win.body, Qt.Key.Key_P)
    assert said.args == [-1]
    assert "first article" in win.statusBar().currentMessage()


def test_source_view_marks_the_lines_of_the_selected_block(make_window, qtbot) -> None:
    win = make_window()
    win.actions_by_key["source"].trigger()
    assert win.source.isVisible()
    art = win.doc.articles[0]
    block = art.blocks[1]
    win.body.scroll_to(0, 1)
    assert win.source.marked == (block.first, block.last)
    selection = win.source.extraSelections()[0]
    cursor = selection.cursor
    assert block.text[:6] in cursor.selectedText().replace(" ", "")


def test_page_furniture_is_hidden_until_asked_for(make_window) -> None:
    win = make_window()
    lines = win.body.toPlainText().splitlines()
    assert "月12" not in lines and "日" not in lines
    win.actions_by_key["noise"].trigger()
    lines = win.body.toPlainText().splitlines()
    assert "月12" in lines and "日" in lines


def test_large_file_loads_off_the_ui_thread(qtbot, tmp_path) -> None:
    page = sample_pages()[0].read_bytes()
    big = tmp_path / "big.txt"
    big.write_bytes(page * 200)  # about 5 MB
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(win.document_shown, timeout=60000):
        win.open_path(big)
        assert win.progress.isVisible()
    assert len(ticks) >= 3  # the event loop kept running while the page was read
    # A page this long is typeset on in slices after its first article is shown.
    assert win.body.typesetting() and win.progress.isVisible()
    shown = len(ticks)
    with qtbot.waitSignal(win.body.typeset_done, timeout=60000):
        pass
    timer.stop()
    assert len(ticks) > shown  # and the event loop kept running meanwhile
    assert not win.progress.isVisible()


def test_missing_cjk_font_shows_what_to_install(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(window_module, "has_cjk_font", lambda: False)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    assert win.font_notice.isVisible()
    assert "fonts-noto-cjk" in win.font_notice.text()


def test_interface_switches_to_chinese_and_back(make_window) -> None:
    win = make_window()
    assert win.menus["file"].title() == "&File"
    win.set_language("zh_CN")
    assert win.menus["file"].title() == "文件(&F)"
    assert win.actions_by_key["find"].text() == "页内查找(&F)…"
    assert "篇文章" in win.status.text()
    win.set_language("en")
    assert win.menus["file"].title() == "&File"


def test_the_find_bars_count_switches_language_with_the_window(make_window, qtbot) -> None:
    """The count of matches shown in the find bar is worded again when the interface's
    language changes, not left in the language it was counted in."""
    win = make_window()
    win.findbar.open()
    win.findbar.edit.setText("产业")
    qtbot.waitUntil(
        lambda: " of " in win.findbar.count.text() or "matches" in win.findbar.count.text()
    )
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
    english = win.findbar.count.text()
    win.set_language("zh_CN")
    assert win.findbar.count.text() != english and "处" in win.findbar.count.text()
    win.set_language("en")
    assert win.findbar.count.text() == english


def test_the_chinese_interface_says_why_a_file_cannot_be_opened(make_window, qtbot, tmp_path):
    """The engine words its reasons in English; the window says the common ones in the
    interface's language: a program is no text, a folder no file, an empty file empty."""
    win = make_window()
    win.set_language("zh_CN")
    program = tmp_path / "x.txt"
    program.write_bytes(b"\x7fELF" + bytes(range(256)) * 16)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    for path, said in (
        (program, "它是程序，不是文本"),
        (empty, "文件是空的"),
        (folder, "它是文件夹，不是文件"),
    ):
        with qtbot.waitSignal(win.load_failed, timeout=10000):
            win.open_path(path)
        assert win.error_box is not None and said in win.error_box.text()
        assert not any(c.isascii() and c.isalpha() for c in win.error_box.text().split("：")[1])
        win.error_box.close()
    win.set_language("en")


def test_undo_and_corrections_speak_the_language_switched_to(make_window, qtbot) -> None:
    """Undo and Redo are named in the language in effect, switched to while the window is
    open; so are the corrections in their dock and the reason one no longer applies."""
    win = make_window()
    undo = win.undo_action
    assert undo.text() == "&Undo" and not undo.isEnabled()
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("split", 1, len(win.doc.articles[1].head) + 1, offset=6)
    quote = win.corrector.edits()[0][0].quoted()  # the start of the block split
    assert undo.isEnabled() and undo.text() == f"&Undo split: “{quote}”"
    win.set_language("zh_CN")
    assert undo.text() == f"撤销拆分：“{quote}”(&U)"
    assert win.redo_action.text() == "重做(&R)"
    assert win.corrections.model.index(0, 0).data() == f"拆分：“{quote}”"
    win.set_language("en")
    assert undo.text() == f"&Undo split: “{quote}”"
    # An annotation's change is named again too.
    win.body.select_range(0, 4)
    win.annotate_selection("highlight")
    assert undo.text() == "&Undo Highlight"
    win.set_language("zh_CN")
    assert undo.text() == "撤销高亮(&U)"
    win.set_language("en")


def test_translations_are_complete_and_compiled(tmp_path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2] / "resources" / "translations"
    ts = (root / "ocr_reader_zh_CN.ts").read_text(encoding="utf-8")
    assert ts.count("<source>") >= 40
    assert 'type="unfinished"' not in ts
    out = tmp_path / "check.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(root / "ocr_reader_zh_CN.ts"), "-qm", str(out)], check=True)
    assert out.read_bytes() == (root / "ocr_reader_zh_CN.qm").read_bytes()


def test_dropping_a_folder_adds_it_to_the_library_and_files_after_the_first_are_named(
    make_window, qtbot, tmp_path
) -> None:
    import shutil

    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    win = make_window()
    folder = tmp_path / "paper"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)

    def drop(*paths: Path) -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        win.dropEvent(
            QDropEvent(
                QPointF(50, 50),
                Qt.DropAction.CopyAction,
                mime,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )

    other = tmp_path / "another"
    other.mkdir()
    shutil.copy(sample_pages()[0], other / "another.txt")
    with qtbot.waitSignal(win.library_indexed, timeout=60000) as indexed:
        drop(folder, other)  # both indexed, in one pass
    assert indexed.args[0].indexed == 3 and win.library_dock.isVisible()
    first, second = sorted(folder.iterdir())
    with qtbot.waitSignal(win.document_shown, timeout=10000):
        drop(second, first)
    assert Path(win.doc.source.path) == second
    assert "The other file dropped is not opened" in win.statusBar().currentMessage()


def test_dropping_a_file_opens_it_and_it_joins_recent_files(make_window, qtbot) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from reader.ui.main import initial_path, parse

    win = make_window()
    other = sample_pages()[1]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(win.document_shown, timeout=10000):
        win.dropEvent(event)
    assert Path(win.doc.source.path) == other
    recent = win.settings.recent()
    assert recent[:2] == [str(other), str(sample_pages()[0])]
    win.menus["recent"].aboutToShow.emit()
    assert [a.text() for a in win.menus["recent"].actions()][:2] == [
        other.name,
        sample_pages()[0].name,
    ]
    # the next start without a path reopens the last document
    assert initial_path(parse([]), Settings()) == str(other)


def test_photo_caption_is_set_apart_from_end_matter(make_window, tmp_path) -> None:
    page = tmp_path / "caption.txt"
    page.write_text(
        "春耕备耕正当时\n新华社记者 王五 赵六\n眼下正是春耕备耕的关键时节，三晋\n"
        "大地处处涌动着春耕热潮。\n图为农机手在田间作业。\n本报记者 李四 摄\n"
        "农机手们驾驶着拖拉机来回穿梭。\n（作者单位：市委党校）\n",
        encoding="utf-8",
    )
    win = make_window(page)
    document = win.body.document()

    def block_with(text: str):
        block = document.begin()
        while block.isValid() and not block.text().startswith(text):
            block = block.next()
        assert block.isValid(), text
        return block

    caption, end = block_with("图为"), block_with("（作者单位")
    assert caption.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    assert caption.charFormat().fontItalic()
    assert end.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
    assert not end.charFormat().fontItalic()


def test_jieba_waits_for_the_page_to_be_painted(qtbot) -> None:
    # The loader's delay is counted from the first paint, once.
    from PySide6.QtWidgets import QApplication, QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    window_module.AfterPaint(widget, lambda: calls.append(1))
    QApplication.processEvents()
    assert calls == []  # never shown, never painted
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: calls == [1])
    widget.repaint()
    QApplication.processEvents()
    assert calls == [1]


class GnomeKeys(QKeySequence):
    """Key sequences as GNOME's keyboard scheme gives them, where Redo is Ctrl+Shift+Z (the
    offscreen platform follows the Windows scheme, whose Redo is Ctrl+Y first)."""

    REDO = ("Ctrl+Shift+Z", "Redo")

    def __init__(self, *args: object) -> None:
        if args and args[0] == QKeySequence.StandardKey.Redo:
            args = (self.REDO[0],)
        super().__init__(*args)

    @staticmethod
    def keyBindings(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence(k) for k in GnomeKeys.REDO]
        return QKeySequence.keyBindings(key)


def shortcut_owners(win: MainWindow) -> dict[str, list[str]]:
    """Every key sequence of the window's actions -> the actions it belongs to."""
    owners: dict[str, list[str]] = {}
    for action in {*win.findChildren(QAction), *win.actions()}:
        for keys in action.shortcuts():
            owners.setdefault(keys.toString(), []).append(action.text())
    return owners


def test_every_shortcut_belongs_to_one_action_once(make_window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(actions_module, "QKeySequence", GnomeKeys)
    win = make_window()
    redo = [k.toString() for k in win.redo_action.shortcuts()]
    assert len(redo) == len(set(redo)) and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(redo)
    shared = {keys: names for keys, names in shortcut_owners(win).items() if len(names) > 1}
    assert shared == {}
    # Ctrl+Shift+Z redoes (an ambiguous shortcut would do nothing and warn instead).
    quote = "战略性新兴产业"
    start = win.body.clean.text.index(quote)
    win.body.select_range(start, start + len(quote))
    qtbot.keyClick(win.body, Qt.Key.Key_H)
    assert len(win.annotator.placed) == 1
    qtbot.keyClick(win.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.annotator.placed == {}
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(win.body, Qt.Key.Key_Z, shift)
    assert len(win.annotator.placed) == 1
    qtbot.keyClick(win.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.body, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(win.annotator.placed) == 1


def test_the_chinese_interface_loads_qts_own_translations(make_window) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    win = make_window()
    win.set_language("zh_CN")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Close
        )
        texts = [box.button(b).text() for b in (box.StandardButton.Ok, box.StandardButton.Cancel,
                                                 box.StandardButton.Close)]  # fmt: skip
        assert texts == ["确定", "取消", "关闭"]
        box.deleteLater()
    finally:
        win.set_language("en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    assert english.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"
    english.deleteLater()


def test_latin_paragraphs_are_set_ragged_and_chinese_ones_justified(
    make_window, qtbot, tmp_path
) -> None:
    """Words justified in a reading column leave gaps wider than words between them: a
    paragraph in Latin script is set ragged right; Chinese stays justified, character by
    character."""
    from PySide6.QtCore import Qt

    def paragraph_alignments(win) -> set[bool]:  # type: ignore[no-untyped-def]
        justified = set()
        for place in win.body.places:
            if place.key < 0:
                continue
            block = win.doc.articles[place.article].all_blocks()[place.key]
            if block.kind == "paragraph":
                layout_block = win.body.document().findBlock(place.position)
                justified.add(
                    bool(layout_block.blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify)
                )
        return justified

    assert paragraph_alignments(make_window()) == {True}
    english = (
        "The engineers of the railroads met the towing companies yesterday, and the\n"
        "offer of the companies was accepted after a long conference in the\n"
        "afternoon, when the men had waited for a week.\n"
    )
    page = tmp_path / "page.txt"
    page.write_text(f"HARBOR TIEUP ENDS\n\n{english}\n{english}", "utf-8")
    assert paragraph_alignments(make_window(page)) == {False}


def test_a_find_match_in_view_below_another_articles_end_is_the_article_read(
    make_window, qtbot
) -> None:
    """The match shown is in the next article, in view already under the end of the one
    at the view's top: the view does not move, and the status bar and the outline name
    the match's article (they named the one above)."""
    win = make_window()
    body = win.body
    document = body.document()
    opening = next(p for p in body.places if p.article == 2)
    y = document.documentLayout().blockBoundingRect(document.findBlock(opening.position)).top()
    body.verticalScrollBar().setValue(int(y - body.viewport().height() * 0.6))
    qtbot.waitUntil(lambda: body.current_place()[0] == 1, timeout=5000)
    value = body.verticalScrollBar().value()
    with qtbot.waitSignal(body.place_changed, timeout=5000):
        body.reveal(opening.position, opening.position + 2)
    assert body.verticalScrollBar().value() == value
    assert body.current_place()[0] == 2


def test_a_warning_too_long_for_the_status_bar_is_read_whole_in_its_tooltip(
    make_window, qtbot, tmp_path
) -> None:
    """A page read as lines run across its columns: the warning, cut by the status bar's
    width, ended mid-sentence; its tooltip holds all of it."""
    from tests.core.test_interleaved import across

    lines = sample_pages()[0].read_text(encoding="utf-8").splitlines()
    page = tmp_path / "across.txt"
    page.write_text("\n".join(across([t for t in lines if t.strip()], 2)), encoding="utf-8")
    win = make_window(page)
    warning = win.doc.source.warning
    assert warning and "columns" in warning
    assert warning in win.status.toolTip().splitlines()
    # Cut where the status bar ends it, the line says so with "…", and leaves the
    # reader's place beside it whole.
    shown = win.status.shown_text()
    assert shown.endswith("…") and win.status.text().startswith(shown[:-1])
    assert win.status.geometry().right() < win.page_warning.geometry().left()
    assert win.page_warning.geometry().right() < win.place_indicator.geometry().left()
    # A passing message covers the summary, not the warning's mark beside it.
    assert win.page_warning.isVisible() and win.page_warning.text().startswith("⚠")
    assert win.page_warning.toolTip() in win.status.toolTip().splitlines()
    win.notices.say("0 annotations copied from a version of this page")
    assert not win.status.isVisible() and win.page_warning.isVisible()
    win.notices.clear()
    # Said in the interface's language, as the rest of the summary is.
    win.set_language("zh_CN")
    try:
        assert "columns" not in win.status.text() and "横跨各栏" in win.status.text()
        assert "横跨各栏" in win.page_warning.toolTip()
    finally:
        win.set_language("en")
    # A page without a warning shows no mark.
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(sample_pages()[0])
    assert not win.page_warning.isVisible()


def test_a_page_named_from_the_folder_the_app_started_in_is_kept_by_its_whole_path(
    make_window, qtbot, tmp_path, monkeypatch
) -> None:
    """ocr-reader lib/page.txt: the page, its annotations and the last page read are kept
    by the whole path, so the next start from another folder finds them all."""
    from reader.ui.main import initial_path, parse

    (tmp_path / "lib").mkdir()
    page = tmp_path / "lib" / "page.txt"
    shutil.copy(sample_pages()[1], page)
    monkeypatch.chdir(tmp_path)
    win = make_window(Path("lib/page.txt"))
    assert win.doc.source.path == str(page.resolve())
    win.body.select_range(10, 20)
    assert win.annotate_selection("highlight") is not None
    assert win.writer is not None and win.writer.flush(30) and win.store is not None
    (stored,) = [row[0] for row in win.store.db.execute("SELECT path FROM annotations")]
    assert stored == str(page.resolve())
    assert win.settings.recent()[0] == str(page.resolve())
    monkeypatch.chdir("/")
    assert initial_path(parse([]), Settings()) == str(page.resolve())
    # A name that only looks like a home folder's (~draft.txt) is a file name here, and
    # one that is not there says so, in a line, not a traceback.
    monkeypatch.chdir(tmp_path)
    shutil.copy(sample_pages()[0], tmp_path / "~draft.txt")
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path("~draft.txt")
    assert win.doc.source.path == str(tmp_path / "~draft.txt")
    with qtbot.waitSignal(win.load_failed, timeout=20000):
        win.open_path("~nobody-such/x.txt")


def test_a_page_with_both_warnings_marks_both(qtbot) -> None:
    """Lines across the columns and bytes replaced: the mark said only the first."""
    from reader.core.document import INTERLEAVED
    from reader.ui.status import PageSummary, PageWarning

    doc = load(sample_pages()[0])
    doc.source.warning = f"3 invalid byte sequence(s) replaced with �; {INTERLEAVED}"
    summary = PageSummary()
    mark = PageWarning(summary)
    qtbot.addWidget(summary)
    qtbot.addWidget(mark)
    mark.show_page(doc)
    assert mark.text() == "⚠ Lines across columns · Bytes replaced"
    assert "3 invalid byte sequence(s) replaced" in mark.toolTip()


@pytest.mark.parametrize("side", ["right", "left"])
def test_a_drag_into_the_margin_selects_to_the_lines_end_not_the_page(make_window, qtbot, side):
    """Dragged from the middle of a line out into the margin beside the text column, the
    selection runs to that line's end (or start): Qt hit-tests a point in the margin
    against the frames the page is set in, and answered with a frame's end, so the drag
    selected the rest of the page (8,286 characters) and H highlighted all of it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    win = make_window()
    body = win.body
    view = body.viewport()
    y = view.height() // 3
    press = QPoint(view.width() // 2, y)
    line_block = body.cursorForPosition(press).block()
    assert len(line_block.text()) > 40  # a paragraph's line, in the middle of it
    x = view.width() - 3 if side == "right" else 3
    body.setTextCursor(QTextCursor(body.document()))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(view, QPoint(x, y + 1))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(x, y + 1))
    cursor = body.textCursor()
    assert cursor.hasSelection()
    assert 0 < cursor.selectionEnd() - cursor.selectionStart() < 60  # within a line or so
    block = body.document().findBlock(cursor.selectionStart())
    assert block == line_block == body.document().findBlock(cursor.selectionEnd())


def test_a_right_click_or_double_click_in_the_margin_acts_on_the_line_beside_it(
    make_window, qtbot, monkeypatch
) -> None:
    """Right-clicked in the margin beside a line, the menu's corrections and annotations
    are the line's block's (they were the page's last block's); double-clicked there,
    nothing far from the line is selected."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    win = make_window()
    body = win.body

    class _Menu:  # (no menu opened: a test cannot close one)
        def exec(self, *_a: object) -> None:
            pass

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(body, "createStandardContextMenu", lambda *_a: _Menu())
    monkeypatch.setattr(body, "extend_menu", None)
    view = body.viewport()
    y = view.height() // 2
    beside = body.place_at(body.cursorForPosition(QPoint(view.width() // 2, y)).position())
    where = QPoint(view.width() - 3, y)
    QApplication.sendEvent(
        view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, view.mapToGlobal(where))
    )
    got = body.place_at(body.menu_position)
    assert beside is not None and got is not None
    assert (got.article, got.key) == (beside.article, beside.key)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=where)
    line = body.cursorForPosition(QPoint(view.width() // 2, y)).block()
    cursor = body.textCursor()
    assert body.document().findBlock(cursor.position()) == line


def test_a_click_in_the_left_margin_opens_no_annotation_at_the_pages_start(make_window, qtbot):
    from PySide6.QtCore import QPoint

    win = make_window()
    body = win.body
    win.annotator.create(0, 4, colour="green")
    clicked: list[str] = []
    body.highlight_clicked.connect(clicked.append)
    pos = QPoint(3, body.viewport().height() - 20)
    qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert clicked == []
