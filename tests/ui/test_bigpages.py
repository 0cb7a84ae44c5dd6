"""Big pages stay responsive: a theme or font change restyles what is shown instead of
typesetting it again, a long page opens on its first article and is typeset on in slices
(with Cancel), and a huge last page is reopened at start only when the reader says so.
Speed itself is measured in tests/benchmarks/bench_window.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QTextFormat
from PySide6.QtWidgets import QApplication

from reader.bundled import sample_pages
from reader.ui import main as startup
from reader.ui.settings import Settings
from reader.ui.themes import theme
from reader.ui.window import MainWindow


def _title_block(win: MainWindow):  # type: ignore[no-untyped-def]
    place = next(p for p in win.body.places if p.block == -1 and p.key == 0)
    return win.body.document().findBlock(place.position)


def _foreground(block) -> QColor | None:  # type: ignore[no-untyped-def]
    colours = [
        piece.format.foreground().color() for piece in block.layout().formats() if piece.start == 0
    ]
    return colours[0] if colours else None


def test_a_theme_change_restyles_the_page_it_does_not_typeset_it_again(make_window, qtbot):
    win = make_window()
    body = win.body
    document = body.document()
    blocks, text, revision = document.blockCount(), document.toPlainText(), document.revision()
    title = _title_block(win)
    assert _foreground(title) == QColor(theme("light").accent)
    win.set_theme("dark")
    qtbot.waitUntil(lambda: not body.restyling(), timeout=10000)
    assert body.document() is document
    assert (document.blockCount(), document.toPlainText()) == (blocks, text)
    assert document.revision() == revision  # no character or format of the text changed
    assert _foreground(_title_block(win)) == QColor(theme("dark").accent)
    # The text's own colour is the view's palette.
    assert body.palette().text().color() == QColor(theme("dark").text)


def test_a_font_change_sets_the_same_document_in_the_new_size(make_window, qtbot):
    win = make_window()
    body = win.body
    document = body.document()
    blocks, text = document.blockCount(), document.toPlainText()
    size = win.settings.get("font_size")
    win.zoom(2)
    qtbot.waitUntil(lambda: not body.relaying(), timeout=10000)
    assert body.document() is document
    assert (document.blockCount(), document.toPlainText()) == (blocks, text)
    assert document.defaultFont().pointSizeF() == size + 2
    # Titles are sized from the document's font, so they grew with it.
    title = _title_block(win)
    assert title.charFormat().font().pointSizeF() > size + 2
    assert title.charFormat().intProperty(QTextFormat.Property.FontSizeAdjustment) > 0
    # Indents are set in the new ems.
    paragraph = next(
        document.findBlock(p.position) for p in body.places if p.length > 60 and p.block >= 0
    )
    assert paragraph.blockFormat().textIndent() == pytest.approx(2 * body.em(), abs=0.01)


def _long_page(tmp_path: Path, copies: int = 6) -> Path:
    page = tmp_path / "long.txt"
    page.write_bytes(b"\n".join([sample_pages()[0].read_bytes()] * copies))
    return page


def _window(qtbot, threshold: int) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    win.body.slice_threshold = threshold
    return win


def test_a_long_page_opens_on_its_first_article_and_typesets_the_rest(qtbot, tmp_path):
    win = _window(qtbot, threshold=2000)
    body = win.body
    progress: list[tuple[int, int]] = []
    body.typeset_progress.connect(lambda done, total: progress.append((done, total)))
    finished: list[bool] = []
    body.typeset_done.connect(finished.append)
    # What the window shows when it says the page is shown.
    shown: list[tuple[bool, int, int, bool]] = []
    win.document_shown.connect(
        lambda _doc: shown.append(
            (
                body.typesetting(),
                body.places[0].article,
                body.places[-1].article,
                win.progress.isVisible(),
            )
        )
    )
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path))
    assert win.doc is not None
    articles = len(win.doc.articles)
    # Shown at once: the first article whole, not the whole page, and a progress bar.
    (typesetting, first, last, bar) = shown[0]
    assert typesetting and bar
    assert first == 0 and 1 <= last < articles - 1
    qtbot.waitUntil(lambda: bool(finished), timeout=30000)
    assert finished == [True]
    assert not body.typesetting() and not win.progress.isVisible()
    assert body.places[-1].article == articles - 1
    assert progress[0][0] < progress[0][1] and progress[-1][0] == progress[-1][1]
    # Typeset in slices, it is the page typeset whole.
    sliced = body.document().toPlainText()
    body.slice_threshold = 10**9
    body.show_document(win.doc, body.clean, body.highlights)
    assert body.document().toPlainText() == sliced


def test_a_jump_into_the_part_not_yet_typeset_goes_there_once_it_is(qtbot, tmp_path):
    win = _window(qtbot, threshold=2000)
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path))
    assert win.doc is not None
    last = len(win.doc.articles) - 1
    assert win.body.scroll_to(last, -1)
    qtbot.waitUntil(lambda: win.body.current_place()[0] == last, timeout=30000)


def test_typesetting_a_long_page_can_be_cancelled(qtbot, tmp_path):
    win = _window(qtbot, threshold=2000)
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path, copies=12))
    body = win.body
    qtbot.waitUntil(win.progress.isVisible, timeout=5000)
    assert body.typesetting()
    shown = len(body.places)
    with qtbot.waitSignal(body.typeset_done, timeout=5000) as done:
        win.progress.cancel.click()
    assert done.args == [False]
    assert not body.typesetting() and not win.progress.isVisible()
    assert "stopped" in win.statusBar().currentMessage()
    assert len(body.places) >= shown  # what was shown stays
    stopped = len(body.places)
    QApplication.processEvents()
    assert len(body.places) == stopped  # and nothing more is typeset


def test_reading_a_page_can_be_cancelled_and_the_page_shown_stays(make_window, qtbot, tmp_path):
    win = make_window()
    before = win.doc
    shown: list[object] = []
    win.document_shown.connect(shown.append)
    win.open_path(_long_page(tmp_path))
    assert win.progress.isVisible()
    win.progress.cancel.click()
    assert not win.progress.isVisible()
    assert win.statusBar().currentMessage() == "Opening cancelled"
    win.loader.pool.waitForDone(30000)
    QApplication.processEvents()  # the dropped result is delivered here, if at all
    assert shown == [] and win.doc is before


def test_a_font_change_on_a_long_page_holds_the_reading_position(qtbot, tmp_path):
    win = _window(qtbot, threshold=2000)
    body = win.body
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path))
    qtbot.waitUntil(lambda: not body.typesetting(), timeout=30000)
    place = next(p for p in body.places[len(body.places) // 2 :] if p.length > 60)
    body.show_spot(place.article, place.key, 5, 0)
    spot = body.top_spot()
    assert spot is not None and spot[:2] == (place.article, place.key)
    win.zoom(1)
    # Laid out again a slice at a time; meanwhile the view shows the page as it was.
    assert body.relaying() and not body.viewport().updatesEnabled()
    qtbot.waitUntil(lambda: body.viewport().updatesEnabled(), timeout=30000)
    after = body.top_spot()
    assert after is not None and after[:2] == spot[:2]
    assert body.current_place() == (place.article, place.block)


def test_a_huge_last_page_is_reopened_at_start_only_when_the_reader_says_so(tmp_path, monkeypatch):
    page = tmp_path / "huge.txt"
    page.write_bytes(sample_pages()[0].read_bytes())
    settings = Settings()
    settings.add_recent(str(page))
    args = startup.parse([])
    asked: list[tuple[Path, int]] = []

    def answer(yes: bool):  # type: ignore[no-untyped-def]
        def ask(path: Path, size: int) -> bool:
            asked.append((path, size))
            return yes

        return ask

    # Small enough: reopened without a question.
    assert startup.initial_path(args, settings, answer(False)) == str(page)
    assert asked == []
    monkeypatch.setattr(startup, "HUGE_LAST", page.stat().st_size - 1)
    assert startup.initial_path(args, settings, answer(False)) is None
    assert asked == [(page, page.stat().st_size)]
    assert startup.initial_path(args, settings, answer(True)) == str(page)
    assert startup.initial_path(args, settings) is None  # nobody to ask: not reopened
    # A page named on the command line is opened whatever its size.
    assert startup.initial_path(startup.parse([str(page)]), settings, answer(False)) == str(page)


def test_the_startup_question_names_the_page_and_its_size(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def exec_(box: QMessageBox) -> int:
        seen.append(box.text())
        return int(QMessageBox.StandardButton.No.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    ask = startup.ask_to_reopen(parent)
    assert ask(tmp_path / "big.txt", 52_000_000) is False
    assert "big.txt" in seen[0] and "52 MB" in seen[0]


def test_a_theme_and_font_change_while_a_long_page_is_typeset_reach_all_of_it(qtbot, tmp_path):
    win = _window(qtbot, threshold=2000)
    body = win.body
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path, copies=12))
    assert body.typesetting()
    win.set_theme("dark")
    win.zoom(2)
    qtbot.waitUntil(
        lambda: not (body.typesetting() or body.relaying() or body.restyling()), timeout=60000
    )
    assert win.doc is not None
    assert body.places[-1].article == len(win.doc.articles) - 1
    document = body.document()
    accent = QColor(theme("dark").accent)
    titles = paragraphs = 0
    for place in body.places:
        if place.key < 0:
            continue
        kind = win.doc.articles[place.article].all_blocks()[place.key].kind
        block = document.findBlock(place.position)
        if kind == "title":
            titles += 1
            assert _foreground(block) == accent
        elif kind == "paragraph":
            paragraphs += 1
            assert block.blockFormat().textIndent() == pytest.approx(2 * body.em(), abs=0.01)
    assert titles > 12 and paragraphs > 100


def test_find_on_a_long_page_counts_on_while_it_is_typeset(qtbot, tmp_path):
    win = _window(qtbot, threshold=2000)
    body = win.body
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path, copies=12))
    counts: list[tuple[int, int, bool]] = []
    body.find_changed.connect(lambda k, n, more: counts.append((k, n, more)))
    body.find_all("发展")
    assert body.typesetting() and body.counting()
    assert counts[-1][2]  # said to be still counting, not a final count of what is typeset
    qtbot.waitUntil(lambda: not body.typesetting() and not body.counting(), timeout=60000)
    text = body.document().toPlainText()
    assert counts[-1] == (counts[-1][0], text.count("发展"), False)
    assert body.match_count() == text.count("发展") > 12


def test_dense_matches_in_one_long_paragraph_are_drawn_near_the_view_only(qtbot, tmp_path):
    """A paragraph of a quarter of a million characters with a match every eleven: in a
    paragraph that long each selection costs Qt about a millisecond (a page of one such
    line of four million characters held the window for minutes), so find draws the
    matches on screen and a few either side, not the thousands around it."""
    body = _found(qtbot, tmp_path, "中国人民在新时代奋斗，" * 25_000, "中国")
    assert body.match_count() == 25_000
    assert 0 < len(body.extraSelections()) <= 1000  # of the 3,600 within 20,000 characters
    assert _current_drawn(body)


def _found(qtbot, tmp_path, line: str, query: str):  # type: ignore[no-untyped-def]
    """The view of a page of a title and one paragraph `line`, `query` found and counted."""
    path = tmp_path / "one-line.txt"
    path.write_text(f"标题\n{line}\n", encoding="utf-8")
    win = _window(qtbot, threshold=10**9)
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(path)
    win.body.find_all(query)
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=30000)
    return win.body


def _current_drawn(body) -> bool:  # type: ignore[no-untyped-def]
    current = body.textCursor().position()  # the end of the current match
    return any(sel.cursor.selectionEnd() == current for sel in body.extraSelections())


def test_the_current_match_is_drawn_however_many_are_on_screen(qtbot, tmp_path):
    """A query matched by nearly every character: more matches are on screen than are
    drawn, and stepping down the screen the current one is drawn all the same."""
    body = _found(qtbot, tmp_path, "中" * 60_000 + "。", "中")
    drawn = len(body.extraSelections())
    assert drawn < body.match_count()
    for _ in range(drawn + 20):
        body.find_step(1)
    assert _current_drawn(body)


def test_page_furniture_shown_on_a_long_page_keeps_the_reading_position(qtbot, tmp_path):
    win = _window(qtbot, threshold=2000)
    body = win.body
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path))
    qtbot.waitUntil(lambda: not body.typesetting(), timeout=30000)
    place = next(p for p in body.places[len(body.places) * 2 // 3 :] if p.length > 60)
    body.show_spot(place.article, place.key, 5, 0)
    win.actions_by_key["noise"].setChecked(True)
    assert body.typesetting()  # typeset again, furniture and all, a slice at a time
    qtbot.waitUntil(lambda: not body.typesetting(), timeout=30000)
    spot = body.top_spot()
    assert spot is not None and spot[:2] == (place.article, place.key)


def test_jieba_loads_once_a_long_page_is_typeset(qtbot, tmp_path, monkeypatch):
    """Work in a worker thread shares the interpreter with the window's: jieba loads (and
    the page's keywords are found) once the page is typeset, not while its slices are set."""
    from reader.core import words
    from reader.ui.controllers import library as controller
    from reader.ui.library import Workers

    monkeypatch.setattr(words, "loaded", lambda: False)  # as when the window has just started
    events: list[str] = []
    real = Workers.load_words

    def load_words(self: Workers) -> None:
        events.append("jieba")
        real(self)

    monkeypatch.setattr(Workers, "load_words", load_words)
    monkeypatch.setattr(controller, "WORDS_DELAY_MS", 0)
    win = _window(qtbot, threshold=2000)
    win.body.typeset_done.connect(lambda _whole: events.append("typeset"))
    shown: list[bool] = []
    win.document_shown.connect(lambda _doc: shown.append(win.body.typesetting()))
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path, copies=40))
    assert shown == [True]  # shown while the rest of the page is still being typeset
    qtbot.waitUntil(lambda: "jieba" in events, timeout=30000)
    assert events[:2] == ["typeset", "jieba"]
    qtbot.waitUntil(lambda: bool(win.session.keywords), timeout=30000)


def test_leaving_a_long_page_before_it_is_typeset_lets_jieba_load(qtbot, tmp_path, monkeypatch):
    """A page left half typeset says so (typeset_done False): what waited for its end,
    jieba's loading here, does not wait for ever."""
    from reader.core import words
    from reader.ui.controllers import library as controller
    from reader.ui.library import Workers

    monkeypatch.setattr(words, "loaded", lambda: False)
    events: list[str] = []
    real = Workers.load_words

    def load_words(self: Workers) -> None:
        events.append("jieba")
        real(self)

    monkeypatch.setattr(Workers, "load_words", load_words)
    monkeypatch.setattr(controller, "WORDS_DELAY_MS", 0)
    win = _window(qtbot, threshold=2000)
    ended: list[bool] = []
    win.body.typeset_done.connect(ended.append)
    shown: list[bool] = []
    win.document_shown.connect(lambda _doc: shown.append(win.body.typesetting()))
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path, copies=40))
    win.body._slice_timer.stop()  # held half typeset while the next page is read
    win.body.slice_threshold = 10**9  # the next page is typeset whole
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(sample_pages()[1])
    assert shown == [True, False]
    assert ended[0] is False  # the long page was left, not finished
    qtbot.waitUntil(lambda: "jieba" in events, timeout=30000)


def test_a_page_taller_than_the_view_can_lay_out_says_how_far_it_is_shown(
    qtbot, tmp_path, monkeypatch
):
    """Qt lays a document out no taller than 2**23 pixels: past that, lines fall on each
    other and the view cannot reach them (half a 20 MB page, the status bar at 100%). The
    page is typeset as far as it can be shown, and the window says so, and says it again
    for a jump beyond."""
    import reader.ui.body as body_module

    monkeypatch.setattr(body_module, "TALLEST", 12_000)
    win = _window(qtbot, threshold=2000)
    body = win.body
    with qtbot.waitSignal(body.too_tall, timeout=30000) as told:
        win.open_path(_long_page(tmp_path))
    shown, articles = told.args
    assert win.doc is not None and articles == len(win.doc.articles)
    assert 1 <= shown < articles and body.cut_at == shown
    assert not body.typesetting() and not win.progress.isVisible()
    assert body.places[-1].article + 1 == shown  # and not a line further
    message = win.statusBar().currentMessage()
    assert f"shown to article {shown} of {articles}" in message
    win.statusBar().clearMessage()
    with qtbot.waitSignal(body.too_tall, timeout=5000):
        assert not body.scroll_to(articles - 1, -1)
    assert f"shown to article {shown}" in win.statusBar().currentMessage()
    # A passage past the part shown (an annotation clicked, a correction flashed) is no
    # place at the end of that part: said again, and the view stays.
    assert body.clean is not None
    end = len(body.clean.text) - 20
    assert body.to_view(end) is None
    here = body.verticalScrollBar().value()
    with qtbot.waitSignal(body.too_tall, timeout=5000):
        body.flash(end - 10, end)
    assert body.verticalScrollBar().value() == here


def test_the_page_left_lets_go_of_its_typeset_text(make_window, qtbot, tmp_path):
    """Each page opened kept its typeset document as a child of the view (300 MB for a
    7 MB page, never given back): the view holds the one page it shows."""
    from PySide6.QtGui import QTextDocument

    win = make_window()
    for page in (_long_page(tmp_path, copies=2), *sample_pages()):
        with qtbot.waitSignal(win.document_shown, timeout=20000):
            win.open_path(page)
        qtbot.waitUntil(lambda: not win.body.typesetting(), timeout=20000)
    qtbot.waitUntil(
        lambda: win.body.findChildren(QTextDocument) == [win.body.document()], timeout=5000
    )


def test_a_type_too_large_for_the_page_to_be_laid_out_whole_is_said(qtbot, tmp_path, monkeypatch):
    """Typeset whole, then laid out again in a larger type: taller than Qt can lay out,
    the page's end cannot be reached, and the window says to make the type smaller."""
    import reader.ui.body as body_module

    win = _window(qtbot, threshold=2000)
    with qtbot.waitSignal(win.body.typeset_done, timeout=30000):
        win.open_path(_long_page(tmp_path, copies=2))
    height = win.body.document().size().height()
    monkeypatch.setattr(body_module, "QT_TALLEST", height * 1.05)
    with qtbot.waitSignal(win.body.type_too_large, timeout=30000):
        win.zoom(1)
        win.zoom(1)
    assert "Make the type smaller" in win.statusBar().currentMessage()


def test_a_long_page_read_gives_its_reading_memory_back_before_it_is_laid_out(
    qtbot, tmp_path, monkeypatch
):
    """Reading a long page makes and drops hundreds of megabytes; the loader hands what
    the allocator keeps free back to the system before the window lays the page out. A
    short page's reading leaves too little behind to be worth the walk."""
    from reader.ui import loader

    given: list[str] = []
    monkeypatch.setattr(loader, "give_back", lambda: given.append("given") or True)
    monkeypatch.setattr(loader, "GIVE_BACK_FROM", _long_page(tmp_path).stat().st_size)
    win = _window(qtbot, threshold=2000)
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(sample_pages()[0])
    assert given == []
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(_long_page(tmp_path))
    assert given == ["given"]
