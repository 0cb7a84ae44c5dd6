"""Back and forward retrace every jump; the status bar says where the reader is."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.bundled import sample_pages
from reader.store.library import Hit
from reader.ui.window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier


def article(win: MainWindow) -> int:
    return win.body.current_place()[0]


def back(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(win.body, Qt.Key.Key_Left, ALT)


def forward(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(win.body, Qt.Key.Key_Right, ALT)


def click_outline(qtbot, win: MainWindow, art: int) -> None:  # type: ignore[no-untyped-def]
    index = win.outline.proxy.mapFromSource(win.outline.model.index(art, 0))
    win.outline.tree.scrollTo(index)
    rect = win.outline.tree.visualRect(index)
    qtbot.mouseClick(win.outline.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_alt_left_and_right_retrace_outline_clicks_and_n_p(make_window, qtbot) -> None:
    win = make_window()
    go = win.menus["go"].actions()
    assert win.actions_by_key["back"] in go and win.actions_by_key["forward"] in go
    assert win.actions_by_key["back"].shortcut().toString() == "Alt+Left"
    assert not win.actions_by_key["back"].isEnabled()  # nothing to go back to yet
    # Reading somewhere inside the first article, not at its start.
    bar = win.body.verticalScrollBar()
    bar.setValue(bar.pageStep())
    qtbot.waitUntil(lambda: win.body.current_place() != (-1, -1))
    start, reading = win.here(), bar.value()
    click_outline(qtbot, win, 2)
    qtbot.waitUntil(lambda: article(win) == 2)
    qtbot.keyClick(win.body, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: article(win) == 3)

    back(qtbot, win)
    qtbot.waitUntil(lambda: article(win) == 2)
    back(qtbot, win)
    qtbot.waitUntil(lambda: win.here() == start)
    assert bar.value() == reading  # the line read, not the article's start
    assert not win.actions_by_key["back"].isEnabled()
    forward(qtbot, win)
    qtbot.waitUntil(lambda: article(win) == 2)
    forward(qtbot, win)
    qtbot.waitUntil(lambda: article(win) == 3)
    assert not win.actions_by_key["forward"].isEnabled()
    # A new jump forgets the way forward, as a browser does.
    back(qtbot, win)
    qtbot.waitUntil(lambda: article(win) == 2)
    qtbot.keyClick(win.body, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: article(win) == 1)
    assert not win.actions_by_key["forward"].isEnabled()
    back(qtbot, win)
    qtbot.waitUntil(lambda: article(win) == 2)


def test_back_returns_from_an_annotation_and_a_search_hit(make_window, qtbot) -> None:
    win = make_window()
    quote = "让我们共同期待"
    start = win.body.clean.text.index(quote)
    win.body.select_range(start, start + len(quote))
    win.annotate_selection("highlight")
    win.body.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: article(win) == 0)
    index = win.notes.model.index(0, 0)
    rect = win.notes.view.visualRect(index)
    qtbot.mouseClick(win.notes.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: article(win) > 0)
    passage = article(win)
    back(qtbot, win)
    qtbot.waitUntil(lambda: win.body.verticalScrollBar().value() == 0)

    # A search hit on another page: Back opens the first page again, where it was read.
    other = str(sample_pages()[1])
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_hit(Hit(other, 2, "", "", 1.0, ()))
    assert win.doc.source.path == other and article(win) == 2
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        back(qtbot, win)
    assert win.doc.source.path == str(sample_pages()[0])
    assert win.body.verticalScrollBar().value() == 0
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        forward(qtbot, win)
    qtbot.waitUntil(lambda: article(win) == 2)
    assert passage > 0


def test_status_bar_shows_the_article_and_how_far_through(make_window, qtbot) -> None:
    win = make_window()
    n = len(win.doc.articles)
    bar = win.body.verticalScrollBar()
    bar.setValue(0)
    qtbot.waitUntil(lambda: win.place_indicator.text() == f"Article 1 of {n}  ·  0%")
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: win.place_indicator.text().endswith("  ·  50%"))
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: win.place_indicator.text() == f"Article {n} of {n}  ·  100%")
    win.set_language("zh_CN")
    assert win.place_indicator.text() == f"第 {n} 篇，共 {n} 篇  ·  100%"
    win.set_language("en")
    # A headline the engine could not place is an item of the page as the library, the
    # search results and the exports count them: the last article is numbered alike
    # everywhere (page 004's sixth, "[article 6]" in search results).
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(sample_pages()[1])
    assert win.doc.articles[0].kind == "headline"
    n = win.doc.stats()["articles"]
    assert n == len(win.doc.articles) == 6
    assert f"{n} articles" in win.status.text()
    bar.setValue(0)
    qtbot.waitUntil(lambda: win.place_indicator.text() == f"Article 1 of {n}  ·  0%")
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: win.place_indicator.text() == f"Article {n} of {n}  ·  100%")


def test_a_few_lines_scrolled_back_above_a_headline_keep_its_article_the_one_read(
    make_window, qtbot
) -> None:
    """After n, two lines of the article before brought back into view above the
    headline do not make the status bar, the outline and p count the article before."""
    win = make_window()
    n = len(win.doc.articles)
    assert n >= 3
    qtbot.keyClick(win.body, Qt.Key.Key_N)
    qtbot.keyClick(win.body, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: article(win) == 2)
    qtbot.waitUntil(lambda: win.place_indicator.text().startswith(f"Article 3 of {n}"))
    bar = win.body.verticalScrollBar()
    top = bar.value()
    # Line by line until the view's top is in the article before (the margin above a
    # headline takes a line or two): that is the position saved.
    for _ in range(6):
        qtbot.keyClick(win.body, Qt.Key.Key_Up)
        if win.body.top_spot()[0] == 1:  # type: ignore[index]
            break
    assert top - bar.value() <= 6 * bar.singleStep()
    qtbot.waitUntil(lambda: win.session.place[0] == 1)
    assert win.place_indicator.text().startswith(f"Article 3 of {n}")
    # The outline follows once the event loop has run (its sync is queued).
    qtbot.waitUntil(lambda: (win.outline.current_target() or (-1,))[0] == 2)
    assert win.session.place[0] == 1
    qtbot.keyClick(win.body, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: article(win) == 1)
    assert win.place_indicator.text().startswith(f"Article 2 of {n}")


def test_home_and_end_go_to_the_page_s_top_and_foot(make_window, qtbot) -> None:
    """With no caret to move, plain Home and End go to the top and the foot of the page,
    as in a browser, and the status bar says so."""
    win = make_window()
    n = len(win.doc.articles)
    bar = win.body.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.keyClick(win.body, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() > 0
    qtbot.waitUntil(lambda: win.place_indicator.text() == f"Article {n} of {n}  ·  100%")
    qtbot.keyClick(win.body, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.waitUntil(lambda: win.place_indicator.text() == f"Article 1 of {n}  ·  0%")
    assert not win.body.textCursor().hasSelection()


def test_an_article_gone_to_stands_with_the_margin_the_page_s_top_has(make_window, qtbot) -> None:
    """n (and the outline) put the article's first line as far from the view's top as
    Home puts the page's first line, not flush against the view's edge."""
    win = make_window()
    body, bar = win.body, win.body.verticalScrollBar()
    qtbot.keyClick(body, Qt.Key.Key_Home)
    layout = body.document().documentLayout()

    def gap(article: int) -> float:
        position = body.position_of(article, -1)
        top = layout.blockBoundingRect(body.document().findBlock(position)).top()
        return top - bar.value()

    home = gap(0)
    assert home > 0
    qtbot.keyClick(body, Qt.Key.Key_N)  # to the second article
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert abs(gap(1) - home) <= 1


def test_a_page_just_opened_is_read_from_its_first_article(qtbot) -> None:
    """Opened and shown at once, before the page is laid out far: the article at a
    quarter of the view's height is looked for only in what is laid out, not taken from
    the page's end (the status bar said "Article 6 of 6 · 0%")."""
    from pathlib import Path

    from reader.ui.settings import Settings

    real = Path(__file__).resolve().parents[3] / "shared" / "real" / "pages"
    page = real / "08_dapipan_19670919_p1.json"
    if not page.is_file():
        page = sample_pages()[1]
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(page)
    n = len(win.doc.articles)
    qtbot.waitUntil(lambda: win.place_indicator.text().endswith("0%"))
    # The first article, or the second where its title is a quarter of the way down.
    assert win.body.current_place()[0] in (0, 1) and n > 2
    assert win.place_indicator.text().startswith(("Article 1 of", "Article 2 of"))
    win.loader.pool.waitForDone(20000)


def test_back_to_another_page_finds_again_what_was_being_found_there(make_window, qtbot) -> None:
    """The find bar was emptied by every page shown, Back included: going back to the
    page where 新质生产力 was being found showed it with an empty bar."""
    win = make_window()
    win.findbar.open()
    win.findbar.edit.setText("新质生产力")
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
    found = win.body.match_count()
    assert found > 0
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_hit(Hit(str(sample_pages()[1]), 2, "", "", 1.0, ()))
    assert win.findbar.edit.text() == ""
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        back(qtbot, win)
    assert win.findbar.isVisible() and win.findbar.edit.text() == "新质生产力"
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
    assert win.body.match_count() == found


def test_forward_to_a_search_hit_comes_back_on_the_match_that_was_shown(make_window, qtbot) -> None:
    """A search hit opened on another page shows its article with the match in it; Back,
    then Forward, came back on the page's first match and its first article."""
    win = make_window(sample_pages()[1])
    title = win.doc.articles[2].title
    assert title
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(sample_pages()[0])
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_hit(Hit(str(sample_pages()[1]), 2, "", "", 1.0, (title[2:8],)))
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
    place = win.body.current_place()[0]
    shown = win.findbar.count.text()
    assert place == 2
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        back(qtbot, win)
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        forward(qtbot, win)
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
    assert win.body.current_place()[0] == place
    assert win.findbar.count.text() == shown


def test_n_and_p_after_a_click_in_the_outline_go_on_from_there(make_window, qtbot) -> None:
    """A click on an outline entry leaves the keys with the outline: n and p did nothing
    there (the tree took them for a search by first letter)."""
    win = make_window()
    click_outline(qtbot, win, 1)
    qtbot.waitUntil(lambda: article(win) == 1)
    qtbot.keyClick(win.outline.tree, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: article(win) == 2)
    qtbot.keyClick(win.outline.tree, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: article(win) == 1)
    win.outline.filter.setFocus()
    qtbot.keyClick(win.outline.filter, Qt.Key.Key_N)  # typed in the filter, it is a letter
    assert win.outline.filter.text() == "n" and article(win) == 1
