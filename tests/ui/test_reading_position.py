"""The line being read stays at the top of the view through every change of the view."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.ui.window import COLUMNS, MainWindow


def _read_mid_paragraph(win: MainWindow) -> tuple[int, int, int, int]:
    """Scroll so that the top of the view is the third line of a long paragraph in the
    middle of the page, a few pixels into it; the spot read there."""
    body = win.body
    doc = win.doc
    assert doc is not None
    places = [p for p in body.places if p.length > 120 and p.key >= 0]
    place = places[len(places) // 2]
    block = body.document().findBlock(place.position)
    body.document().documentLayout().blockBoundingRect(block)
    line = block.layout().lineAt(2)
    position = place.position + line.textStart() + 3
    body.verticalScrollBar().setValue(body._line_top(position) + 4)
    body._update_place()
    spot = body.top_spot()
    assert spot is not None and spot[:2] == (place.article, place.key)
    assert spot[2] > 0  # inside the paragraph, not at its start
    return spot


def _top_block(body) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The block at the top of the view: (article, key)."""
    spot = body.top_spot()
    assert spot is not None
    return spot[0], spot[1]


def _shown_at_top(win: MainWindow, spot: tuple[int, int, int, int]) -> bool:
    article, key, offset, _dy = spot
    body = win.body
    place = next(p for p in body.places if (p.article, p.key) == (article, key))
    position = place.position + offset
    top = body.verticalScrollBar().value()
    line_top = body._line_top(position)
    return line_top <= top < line_top + body._line_height(position)


def _outline_on_what_is_read(win: MainWindow) -> bool:
    """The outline follows what is on screen: the article read there."""
    return (win.outline.current_target() or (-1,))[0] == win.body.current_place()[0]


def _toggle_source(win: MainWindow) -> None:
    action = win.actions_by_key["source"]
    action.setChecked(not action.isChecked())


CHANGES: dict[str, Callable[[MainWindow], object]] = {
    "theme": lambda win: win.set_theme("dark"),
    "font size": lambda win: win.zoom(1),
    "text width": lambda win: win.set_column(COLUMNS["narrow"]),
    "panels": lambda win: [d.hide() for d in (win.outline_dock, win.library_dock)],
    "source view": _toggle_source,
    "resize": lambda win: win.resize(win.width() - 230, win.height() - 60),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_the_reading_position_holds(make_window, qtbot, change: str) -> None:
    win = make_window()
    spot = _read_mid_paragraph(win)
    place = _top_block(win.body)
    width = win.body.viewport().width()
    size = win.settings.get("font_size")
    CHANGES[change](win)
    if change in ("panels", "source view", "resize"):
        # The layout reaches the text once the window has laid out its widgets.
        qtbot.waitUntil(lambda: win.body.viewport().width() != width, timeout=5000)
    elif change == "font size":
        assert win.settings.get("font_size") != size
    assert _shown_at_top(win, spot), change
    assert _top_block(win.body) == place
    # The outline follows what is on screen (from the event loop).
    qtbot.waitUntil(lambda: _outline_on_what_is_read(win), timeout=5000)


def test_the_reading_position_holds_when_the_keywords_arrive(make_window, qtbot) -> None:
    """The page's keywords come from a worker after the page is shown, and the page is
    typeset again to show them under its titles: the line being read stays at the top,
    even when the reader scrolled into a paragraph before they came."""
    win = make_window()
    spot = _read_mid_paragraph(win)
    place = _top_block(win.body)
    found = {k: ["关键词"] for k in range(len(win.doc.articles))}
    win.body.set_keywords(found)
    assert win.body.keywords == found
    assert _shown_at_top(win, spot)
    assert _top_block(win.body) == place
    qtbot.waitUntil(lambda: _outline_on_what_is_read(win), timeout=5000)
    assert _shown_at_top(win, spot)


def test_the_reading_position_holds_through_resizes_in_one_step(make_window, qtbot) -> None:
    """The window may resize the text several times before the event loop is back (the
    panels giving way at a small size and coming back): the page is then only partly
    laid out at the width of the moment, and the line being read is the one read before
    the first resize, not one found in a layout in flux."""
    win = make_window()
    _read_mid_paragraph(win)
    place = _top_block(win.body)
    body = win.body
    spot = body.top_spot()  # the first character on screen: its line stays at the top
    assert spot is not None
    width, height = body.width(), body.height()
    for w in (width - 300, width + 200, width - 300):
        body.resize(w, height)
        assert _shown_at_top(win, spot), w
    assert _top_block(body) == place
    qtbot.waitUntil(lambda: _outline_on_what_is_read(win), timeout=5000)
    assert _shown_at_top(win, spot)


def test_the_reading_position_holds_while_the_panels_give_way(make_window, qtbot) -> None:
    """A window shrunk until its panels give way: the text is first squeezed, then more
    than twice as wide once a panel is hidden. The line read before stays at the top and
    the outline stays on it; the line is found where the text is still laid out, not at
    the middle of the wider view, which lies beyond the old layout's right edge."""
    win = make_window()
    spot = _read_mid_paragraph(win)
    place = _top_block(win.body)
    shown = [d for d in win.room.docks if d.isVisible()]
    # Narrower by more than the text can spare, whatever the fonts: a panel must give
    # way. (A fit the window's start left pending may report first.)
    spare = win.body.width() - win.room.needed()
    with qtbot.waitSignal(
        win.room.fitted, timeout=5000, check_params_cb=lambda: not all(d.isVisible() for d in shown)
    ):
        win.resize(win.width() - int(spare) - 60, win.height() - 60)
    assert _shown_at_top(win, spot)
    assert _top_block(win.body) == place
    qtbot.waitUntil(lambda: _outline_on_what_is_read(win), timeout=5000)


def test_at_the_pages_end_its_last_article_is_the_one_being_read(
    make_window, qtbot, tmp_path
) -> None:
    """End on a page whose last article is short: the whole of it in view, the status
    bar said "Article 2 of 3" and the outline marked the article above, as the place is
    read a quarter down the view. Scrolled to the end, the last article is being read."""
    para = "革命群众要关心国家大事，把无产阶级文化大革命进行到底，坚决执行毛主席的革命路线。"
    parts = [
        f"第{n + 1}篇文章的标题\n本报记者 张三\n"
        + "\n".join("\u3000\u3000" + para for _ in range(25))
        for n in range(3)
    ]
    page = tmp_path / "ends-short.txt"
    page.write_text(
        "\n".join([*parts, "短讯一则\n本报记者 李四\n\u3000\u3000一条很短的消息。"]), "utf-8"
    )
    win = make_window(page)
    body = win.body
    last = len(win.doc.articles) - 1
    assert (last, win.doc.articles[last].title) == (3, "短讯一则")
    bar = body.verticalScrollBar()
    with qtbot.waitSignal(body.place_changed, timeout=5000):
        bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: body.current_place()[0] == last, timeout=5000)
    assert win.place_indicator.text().startswith(f"Article {last + 1} of {last + 1}")
    # A little above the end, the article above is being read again.
    with qtbot.waitSignal(body.place_changed, timeout=5000):
        bar.setValue(bar.maximum() - body.viewport().height())
    assert body.current_place()[0] < last
