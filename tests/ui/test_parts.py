"""A page too long to lay out whole is typeset a part at a time: every article can be
reached (the outline, n / p, links at either end of a part, annotations, find), and the
view holds one part's layout, not the page's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor

from reader.bundled import sample_pages
from reader.core.kinds import BlockKind
from reader.ui import body as body_module
from reader.ui.body import split_parts
from reader.ui.settings import Settings
from reader.ui.window import MainWindow


def test_parts_end_where_articles_end_and_a_short_tail_joins_the_part_before() -> None:
    articles = [0, 0, 1, 2, 2, 3, 4, 5]
    lengths = [40, 30, 50, 20, 60, 90, 10, 30]
    # 70 | 50 + 80 | 90 | 10 + 30: each part ends at an article's end once it holds 60.
    assert split_parts(articles, lengths, 60, 100) == [0, 1, 3, 4]
    # 120 | 170, and a tail of 40, under half a part, that goes with the part before.
    assert split_parts(articles, lengths, 90, 100) == [0, 2]
    # A page no longer than `whole` is one part, however small the parts.
    assert split_parts(articles, lengths, 10, sum(lengths)) == [0]
    # One article longer than a part is a part of its own.
    assert split_parts([0, 1, 1, 1, 2], [25, 50, 50, 50, 25], 20, 10) == [0, 1, 2]


@pytest.fixture
def parted(qtbot, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    """A window on a page of 19 articles (50,000 characters) typeset in parts of about
    8,000 characters."""
    monkeypatch.setattr(body_module, "PART_CHARS", 8_000)
    monkeypatch.setattr(body_module, "PARTED_FROM", 20_000)
    page = tmp_path / "long.txt"
    page.write_bytes(b"\n".join([sample_pages()[0].read_bytes()] * 6))
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    with qtbot.waitSignal(win.body.part_shown, timeout=20000) as shown:
        win.open_path(page)
    qtbot.waitUntil(lambda: win.doc is not None and not win.body.typesetting(), timeout=20000)
    win.told = shown.args  # type: ignore[attr-defined]
    return win


def _articles_typeset(win: MainWindow) -> set[int]:
    return {p.article for p in win.body.places}


def test_a_long_page_is_typeset_a_part_at_a_time_and_says_so(parted):
    win, body = parted, parted.body
    assert win.doc is not None
    articles = len(win.doc.articles)
    parts = body._parts
    assert len(parts) >= 3
    part, count, first, last = win.told
    assert (part, count, first) == (1, len(parts), 1) and last == parts[1]
    assert _articles_typeset(win) == set(range(parts[1]))
    text = body.document().toPlainText()
    link = f"▼ On to articles {parts[1] + 1}–{parts[2]} of {articles} (part 2 of {count})"
    assert text.rstrip().endswith(link)
    assert "▲" not in text  # no part before the first
    assert f"articles 1–{parts[1]} now (part 1 of {count})" in win.statusBar().currentMessage()
    # The links are no part of the page: copied, searched and counted as nothing.
    assert body.clean is not None and "▼" not in body.clean.text


def test_the_outline_and_n_and_p_go_into_other_parts(parted, qtbot):
    win, body = parted, parted.body
    assert win.doc is not None
    last = len(win.doc.articles) - 1
    assert body.scroll_to(last, -1)
    qtbot.waitUntil(lambda: body.current_place()[0] == last, timeout=10000)
    assert min(_articles_typeset(win)) == body._parts[-1]
    assert body.document().toPlainText().lstrip().startswith("▲ Back to articles")
    # Back a part with p from the first article of a part: the last article of the one
    # before, whole in view from its start.
    first = body._parts[-1]
    body.scroll_to(first, -1)
    qtbot.waitUntil(lambda: body.current_place()[0] == first, timeout=10000)
    qtbot.keyClick(body, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: body.current_place()[0] == first - 1, timeout=10000)
    assert max(_articles_typeset(win)) == first - 1
    # And on again with n.
    qtbot.keyClick(body, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: body.current_place()[0] == first, timeout=10000)
    assert min(_articles_typeset(win)) == first


def _click_link(qtbot, body, sign: str):  # type: ignore[no-untyped-def]
    """Click the middle of the line starting with `sign` (scrolled into view)."""
    link = body.document().firstBlock()
    while not link.text().startswith(sign):
        link = link.next()
    body.setTextCursor(QTextCursor(link))
    body.ensureCursorVisible()
    end = QTextCursor(link)
    end.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    left, right = body.cursorRect(QTextCursor(link)).center(), body.cursorRect(end).center()
    middle = QPoint((left.x() + right.x()) // 2, left.y())
    with qtbot.waitSignal(body.part_shown, timeout=10000) as shown:
        qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    return shown.args


def test_the_links_at_either_end_of_a_part_go_on_and_back(parted, qtbot):
    win, body = parted, parted.body
    second = body._parts[1]
    part, _count, first, _last = _click_link(qtbot, body, "▼")
    assert (part, first) == (2, second + 1)
    qtbot.waitUntil(lambda: body.current_place()[0] == second, timeout=10000)
    assert min(_articles_typeset(win)) == second
    # The link at its top goes back, to the last article of the part before.
    part, _count, first, last = _click_link(qtbot, body, "▲")
    assert (part, first, last) == (1, 1, second)
    qtbot.waitUntil(lambda: body.current_place()[0] == second - 1, timeout=10000)


def test_annotations_in_a_later_part_are_drawn_and_gone_to(parted, qtbot):
    win, body = parted, parted.body
    assert body.clean is not None and win.annotator is not None
    # A passage of a paragraph in the last part (no title, which is coloured anyway),
    # highlighted while the first part is shown.
    assert win.doc is not None
    key = next(
        (ai, k)
        for ai, k in body.clean.starts
        if ai == body._parts[-1] + 1
        and win.doc.articles[ai].all_blocks()[k].kind is BlockKind.PARAGRAPH
    )
    start = body.clean.starts[key] + 2
    ann = win.annotator.create(start, start + 6, colour="green")
    assert body.to_view(start) is None  # not typeset: in another part
    win.annotations.show_annotation(ann.id)  # as the notes panel does
    at = body.to_view(start + 1)
    assert at is not None and body.to_clean(at) == start + 1
    assert body._part == len(body._parts) - 1
    assert body.background_at(at) is not None  # drawn there
    assert body.background_at(body.to_view(start + 8) or 0) is None
    selected = body.textCursor()
    assert body.to_clean(selected.position()) == start
    # Shown again after another part, it is drawn again.
    body.scroll_to(0, -1)
    qtbot.waitUntil(lambda: body._part == 0, timeout=10000)
    body.scroll_to(key[0], -1)
    qtbot.waitUntil(lambda: body.to_view(start + 1) is not None, timeout=10000)
    assert body.background_at(body.to_view(start + 1) or 0) is not None


def test_a_passage_running_on_into_the_next_part_is_shown_to_the_end_of_its_own(parted):
    body = parted.body
    assert body.clean is not None
    end_of_first = max(
        offset + len(body.clean.text[offset:].split("\n", 1)[0])
        for (ai, _k), offset in body.clean.starts.items()
        if ai < body._parts[1]
    )
    body.scroll_to(len(parted.doc.articles) - 1, -1)
    body.select_range(end_of_first - 5, end_of_first + 50)
    assert body._part == 0
    span = body.selection_range()
    assert span is not None and span[0] == end_of_first - 5 and span[1] <= end_of_first


def test_the_same_page_shown_again_stays_in_its_part(parted, qtbot):
    """A correction shows the page again: the reader stays in the part being read."""
    win, body = parted, parted.body
    second = body._parts[1]
    body.scroll_to(second + 1, -1)
    qtbot.waitUntil(lambda: body.current_place()[0] == second + 1, timeout=10000)
    body.show_document(win.doc, body.clean, body.highlights)
    assert body._part == 1 and second + 1 in _articles_typeset(win)


def test_find_counts_in_every_part_and_steps_into_the_next(parted, qtbot):
    """Find on a page shown a part at a time looks in all of it: the count is the page's,
    a step past the part's last match shows the next part at its first, and a part
    shown (from the outline, say) has its matches marked."""
    import bisect
    import re

    win, body = parted, parted.body
    assert body.clean is not None
    clean = body.clean.text
    expected = [m.start() for m in re.finditer("国企", clean)]
    starts, keys = list(body.clean.starts.values()), list(body.clean.starts)
    parts = {body._part_of(keys[bisect.bisect_right(starts, at) - 1][0]) for at in expected}
    assert len(parts) >= 3  # matches in several parts
    win.findbar.open()
    win.findbar.edit.setText("国企")
    qtbot.waitUntil(lambda: not body.counting(), timeout=10000)
    assert body.match_count() == len(expected)
    assert win.findbar.count.text().endswith(f" of {len(expected)}")
    # Step until the matches of the part shown run out: the next is in another part.
    part = body._part
    for _ in range(len(expected)):
        win.findbar.step.emit(1)
        if body._part != part:
            break
    assert body._part != part
    current = body._match
    cursor = body.textCursor()
    assert body.to_clean(cursor.position()) == expected[current] + 2  # at the match's end
    assert win.findbar.count.text().startswith(f"{current + 1} of ")
    # The matches marked are this part's, each on the word.
    marked = [sel.cursor.selectedText() for sel in body.extraSelections()]
    assert marked and set(marked) == {"国企"}
    # (not the keywords under a title, which are no part of the page's text)
    shown = [at for at in expected if body.to_view(at) is not None]
    assert len(marked) == len(shown)
    # Another part gone to from the outline keeps the count and marks its own matches.
    last = len(parted.doc.articles) - 1
    body.scroll_to(last, -1)
    qtbot.waitUntil(lambda: body.current_place()[0] == last, timeout=10000)
    qtbot.waitUntil(lambda: not body.typesetting(), timeout=10000)
    assert body.match_count() == len(expected)
    marked = [sel.cursor.selectedText() for sel in body.extraSelections()]
    shown = [at for at in expected if body.to_view(at) is not None]
    assert len(marked) == len(shown) > 0 and set(marked) == {"国企"}


def test_the_place_in_the_status_bar_counts_through_the_whole_page(parted, qtbot):
    win, body = parted, parted.body
    assert win.doc is not None
    body.scroll_to(len(win.doc.articles) - 1, -1)
    qtbot.waitUntil(lambda: body._part == len(body._parts) - 1, timeout=10000)
    bar = body.verticalScrollBar()
    bar.setValue(0)  # the top of the last part: far into the page
    assert body.page_fraction(0.0) > 0.6
    assert body.page_fraction(1.0) == pytest.approx(1.0)


def test_the_page_opens_again_where_it_was_left_in_a_later_part(parted, qtbot):
    win, body = parted, parted.body
    assert win.doc is not None
    page, last = win.doc.source.path, len(win.doc.articles) - 1
    body.scroll_to(last - 1, 2)
    qtbot.waitUntil(lambda: body.current_place()[0] == last - 1, timeout=10000)
    bar = body.verticalScrollBar()
    bar.setValue(bar.value() + 3 * body._line_height(body.textCursor().position()) + 5)
    spot = body.top_spot()
    assert spot is not None and spot[0] == last - 1 and spot[2] > 0  # a line into a block
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(sample_pages()[1])
    assert body._parts == [0]
    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_path(Path(page))
    qtbot.waitUntil(lambda: body.current_place()[0] == last - 1, timeout=10000)
    assert body._part == len(body._parts) - 1
    assert body.top_spot()[:3] == spot[:3]  # the same line at the top


def test_a_highlight_made_in_a_later_part_is_drawn_there(parted, qtbot):
    win, body = parted, parted.body
    assert body.clean is not None and win.annotator is not None and win.doc is not None
    ai = body._parts[-1] + 1
    body.scroll_to(ai, -1)
    qtbot.waitUntil(lambda: body.current_place()[0] == ai, timeout=10000)
    key = next(
        k
        for k in body.clean.starts
        if k[0] == ai and win.doc.articles[ai].all_blocks()[k[1]].kind is BlockKind.PARAGRAPH
    )
    start = body.clean.starts[key] + 3
    at = body.to_view(start)
    assert at is not None and body.background_at(at) is None
    win.annotator.create(start, start + 5, colour="yellow")
    assert body.background_at(at) is not None
    assert body.background_at(body.to_view(start + 6) or 0) is None


def test_a_passage_or_match_in_a_part_typeset_in_slices_is_shown_once_it_is_typeset(
    parted, qtbot, monkeypatch
):
    """A part is typeset in slices from the event loop like any long page: a passage
    (an annotation clicked) or a find match in another part is shown once the part is
    typeset that far, never by typesetting it all at once on the window's thread."""
    win, body = parted, parted.body
    assert body.clean is not None and win.annotator is not None and win.doc is not None
    body.slice_threshold = 500
    monkeypatch.setattr(body_module, "FIRST_CHARS", 100)  # shown after a block or two
    body._slice_budget = 0.0001  # (a slice then takes a few blocks, as on a big page)
    last = body._parts[-1]
    key = max(k for k in body.clean.starts if k[0] == len(win.doc.articles) - 1)
    start = body.clean.starts[key]
    ann = win.annotator.create(start, start + 4, colour="green")
    win.annotations.show_annotation(ann.id)
    assert body._part == len(body._parts) - 1 and body.typesetting()  # not at once
    assert body.to_view(start) is None
    qtbot.waitUntil(lambda: body.to_view(start) is not None, timeout=10000)
    qtbot.waitUntil(lambda: body.textCursor().hasSelection() or body._flash is not None)
    assert body.to_clean(body.textCursor().position()) == start
    # A match at the end of the first part, stepped to from the last.
    qtbot.waitUntil(lambda: not body.typesetting(), timeout=10000)
    text = body.clean.text
    first_end = body.clean.starts[max(k for k in body.clean.starts if k[0] < body._parts[1])]
    word = text[first_end : first_end + 4]
    win.findbar.open()
    win.findbar.edit.setText(word)
    qtbot.waitUntil(lambda: not body.counting(), timeout=10000)
    target = next(k for k, at in enumerate(body._matches) if at == first_end)
    body._match = target  # (as a step to it from another part does)
    body._show_match()
    assert body._part == 0 and body.typesetting()
    qtbot.waitUntil(lambda: body.to_clean(body.textCursor().position()) == first_end + 4)
    assert last > 0


def test_a_link_clicked_opens_no_annotation_of_the_part_it_shows(parted, qtbot):
    """The click that follows a link lands, once the next part is shown, on its text:
    it is no click on a highlight there."""
    win, body = parted, parted.body
    assert body.clean is not None and win.annotator is not None
    second, third = body._parts[1], body._parts[2]
    starts = [o for (ai, _k), o in body.clean.starts.items() if second <= ai < third]
    win.annotator.create(starts[0], starts[-1] + 10, colour="green")  # all of part 2
    clicked: list[str] = []
    body.highlight_clicked.connect(clicked.append)
    part, _count, _first, _last = _click_link(qtbot, body, "▼")
    assert part == 2
    qtbot.wait(50)
    assert clicked == []


def test_a_correction_in_the_last_article_of_a_part_stays_in_that_part(parted, qtbot):
    """Merging a part's last article into the one before numbers every later article
    anew: the page corrected shows the part holding the block corrected, not the one its
    old number now falls in."""
    win, body = parted, parted.body
    assert win.doc is not None
    parts = body._parts
    last = parts[2] - 1  # the last article of part 2
    assert last - 1 >= parts[1]
    body.scroll_to(last, -1)
    qtbot.waitUntil(lambda: body.current_place()[0] == last, timeout=10000)
    text = win.doc.articles[last].all_blocks()[0].text
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("merge_article", last, 0)
    assert last - 1 in {p.article for p in body.places}
    assert any(text in b.text for b in win.doc.articles[last - 1].all_blocks())
    assert body.current_place()[0] == last - 1


def test_a_link_line_is_no_block_to_correct(parted, qtbot):
    """Right-clicked on the link to the part before, the menu offers no correction of
    the block under it."""
    from PySide6.QtWidgets import QMenu

    win, body = parted, parted.body
    body.keywords = {}  # (no keywords line between the link and the text)
    body.scroll_to(body._parts[1], -1)
    qtbot.waitUntil(lambda: body._part == 1 and not body.typesetting(), timeout=10000)
    link = body.document().firstBlock()
    while not link.text().startswith("▲"):
        link = link.next()
    body.menu_position = link.position() + 3  # on the link's text
    assert body.menu_position < body.places[0].position
    assert win.fixes.context_menu(QMenu()) is None
    assert body.block_place_at(link.position() + 3) is None
    # On the text below it, the block is offered as ever.
    body.menu_position = body.places[0].position + 1
    assert win.fixes.context_menu(QMenu()) is not None


def test_a_part_whose_typesetting_was_cancelled_is_shown_anew_for_a_jump_past_it(
    parted, qtbot, monkeypatch
):
    """Cancelled (the progress bar's Cancel), a part shows what was typeset; a jump
    into the rest of it shows the part anew, not nothing."""
    body = parted.body
    body.slice_threshold = 500
    body._slice_budget = 0.0001
    monkeypatch.setattr(body_module, "FIRST_CHARS", 100)
    second, third = body._parts[1], body._parts[2]
    body.scroll_to(second, -1)
    assert body._part == 1 and body.typesetting()
    body.cancel_typesetting()
    shown = max(p.article for p in body.places)
    assert shown < third - 1
    assert body.scroll_to(third - 1, -1)
    qtbot.waitUntil(lambda: body.current_place()[0] == third - 1, timeout=10000)
    assert body._part == 1


def test_the_status_bar_says_a_part_is_shown_once_not_at_every_correction(parted, qtbot):
    win, body = parted, parted.body
    win.statusBar().clearMessage()
    body.show_document(win.doc, body.clean, body.highlights)  # the same part, anew
    assert win.statusBar().currentMessage() == ""
    body.scroll_to(body._parts[1], -1)
    assert "(part 2 of" in win.statusBar().currentMessage()


def test_back_to_a_part_ending_in_page_furniture_goes_to_its_last_article_of_text(
    qtbot, monkeypatch
):
    """A part may end in an article of page furniture only (nothing of it typeset): the
    link back goes to the last article with text, not nowhere."""
    from reader.core.model import Article, Block, Document, SourceInfo
    from reader.ui.body import BodyView

    monkeypatch.setattr(body_module, "PART_CHARS", 2_000)
    monkeypatch.setattr(body_module, "PARTED_FROM", 3_000)
    articles, line = [], 0
    for n in range(9):
        if n == 3:  # a part ends here: an article of a page number alone
            articles.append(Article([], [Block(BlockKind.FURNITURE, "第3版", line, line)]))
            line += 1
            continue
        head = [Block(BlockKind.TITLE, f"第{n}篇的标题", line, line)]
        body = [Block(BlockKind.PARAGRAPH, "正文" * 350 + "。", line + 1, line + 1)]
        articles.append(Article(head, body))
        line += 2
    lines = ["x"] * line
    source = SourceInfo("furniture.txt", "0" * 64, "utf-8", line, fingerprint="f" * 64)
    doc = Document(source, articles, lines)
    body = BodyView()
    qtbot.addWidget(body)
    body.resize(800, 600)
    body.show()
    body.show_document(doc)
    assert body._parts == [0, 4, 7]  # 3 articles of 700 and the furniture, 3, then 2
    body.scroll_to(4, -1)
    assert body._part == 1
    top = body.document().firstBlock()
    while not top.text().startswith("▲"):
        top = top.next()
    body._on_link(QUrl(top.begin().fragment().charFormat().anchorHref()))
    assert body._part == 0
    qtbot.waitUntil(lambda: body.current_place()[0] == 2, timeout=5000)


def test_the_status_bar_names_the_part_shown_beside_the_article(parted, qtbot):
    win, body = parted, parted.body
    count = len(body._parts)
    assert win.place_indicator.text().startswith(f"Part 1 of {count}  ·  Article ")
    body.scroll_to(body._parts[2], -1)
    qtbot.waitUntil(lambda: win.place_indicator.text().startswith(f"Part 3 of {count}"))
    win.set_language("zh_CN")
    assert win.place_indicator.text().startswith(f"第 3/{count} 部分")
    win.set_language("en")


def test_the_keys_that_read_on_go_on_past_a_parts_foot_and_back_past_its_top(parted, qtbot):
    body = parted.body
    bar = body.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.keyClick(body, Qt.Key.Key_PageDown)
    assert body._part == 1
    qtbot.waitUntil(lambda: body.current_place()[0] == body._parts[1], timeout=10000)
    bar.setValue(bar.minimum())
    qtbot.keyClick(body, Qt.Key.Key_PageUp)
    assert body._part == 0
    # Back at the part before's foot, where one reading upwards goes on from.
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() > 0, timeout=10000)
    # Inside a part they are the view's own.
    bar.setValue(bar.maximum() // 2)
    qtbot.keyClick(body, Qt.Key.Key_PageDown)
    qtbot.keyClick(body, Qt.Key.Key_PageUp)
    assert body._part == 0


def test_a_search_hit_in_another_part_makes_its_articles_first_match_the_current(parted, qtbot):
    """A search hit opens its article and marks the words searched for: the current match
    is the hit article's first, though that part is still being typeset when asked."""
    win, body = parted, parted.body
    assert body.clean is not None and win.doc is not None
    article = body._parts[2] + 1
    start = min(at for (ai, _k), at in body.clean.starts.items() if ai == article)
    word = "国企"
    assert word in body.clean.text[start:] and body.clean.text.find(word) < start
    body.scroll_to(article, -1)  # as a search hit opens it
    body.find_from_article(article)
    win.findbar.open()
    win.findbar.edit.setText(word)
    qtbot.waitUntil(lambda: not body.counting(), timeout=10000)
    assert body._matches[body._match] == body.clean.text.find(word, start)


def test_a_correction_on_a_part_still_being_typeset_keeps_the_line_read(parted, qtbot, monkeypatch):
    """A corrected page is typeset anew, in slices where it is long: the view goes back
    to the line read once it is typeset that far, not to the part's top."""
    win, body = parted, parted.body
    assert win.doc is not None
    body.slice_threshold = 500
    body._slice_budget = 0.0001
    monkeypatch.setattr(body_module, "FIRST_CHARS", 100)
    ai = body._parts[1] + 2  # well into part 2
    body.scroll_to(ai, 1)
    qtbot.waitUntil(lambda: body.current_place()[0] == ai and not body.typesetting())
    spot = body.top_spot()
    assert spot is not None and spot[0] == ai
    article = win.doc.articles[ai]
    k = next(k for k, b in enumerate(article.all_blocks()) if k > spot[1] and len(b.text) > 20)
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("kind", ai, k, kind="heading", level=1)
    qtbot.waitUntil(lambda: not body.typesetting(), timeout=10000)
    assert body.top_spot()[:3] == spot[:3]


def test_the_links_between_parts_follow_the_interfaces_language(parted, qtbot):
    win, body = parted, parted.body
    body.scroll_to(body._parts[1] + 1, 2)
    qtbot.waitUntil(lambda: body.current_place()[0] == body._parts[1] + 1, timeout=10000)
    spot = body.top_spot()
    win.set_language("zh_CN")
    text = body.document().toPlainText()
    assert "▲ 回到第" in text and "▼ 接着读第" in text and "Articles" not in text
    qtbot.waitUntil(lambda: not body.typesetting(), timeout=10000)
    assert body.top_spot()[:3] == spot[:3]  # the line read stays
    win.set_language("en")
    assert "▼ On to articles" in body.document().toPlainText()


def test_a_link_line_has_no_highlight_of_the_block_below(parted, qtbot):
    """The context menu and the tooltip on the '▲ Back to…' line named the highlight
    at the start of the part's first block, which the view reads the link as."""
    win, body = parted, parted.body
    assert body.clean is not None and win.annotator is not None
    body.keywords = {}
    second = body._parts[1]
    start = min(o for (ai, _k), o in body.clean.starts.items() if ai == second)
    win.annotator.create(start, start + 4, colour="green")
    body.scroll_to(second, -1)
    qtbot.waitUntil(lambda: body._part == 1 and not body.typesetting(), timeout=10000)
    link = body.document().firstBlock()
    while not link.text().startswith("▲"):
        link = link.next()
    assert body.in_link(link.position() + 3)
    assert body.highlights_at(link.position() + 3) == []
    assert body.highlights_at(body.to_view(start + 1) or 0) != []


def test_the_text_cursor_goes_onto_the_block_corrected_in_a_part_still_being_typeset(
    parted, qtbot, monkeypatch
):
    """The Correct keys act on the text cursor's block, so keys can follow one another:
    after a correction of a block the first slice does not reach, the cursor goes onto
    it once it is typeset, not onto the line at the top of the view."""
    win, body = parted, parted.body
    assert win.doc is not None
    body.slice_threshold = 500
    body._slice_budget = 0.0001
    monkeypatch.setattr(body_module, "FIRST_CHARS", 100)
    ai = body._parts[1] + 2
    body.scroll_to(ai, 1)
    qtbot.waitUntil(lambda: body.current_place()[0] == ai and not body.typesetting())
    article = win.doc.articles[ai]
    k = next(
        k
        for k, b in enumerate(article.all_blocks())
        if k > 1 and len(b.text) > 20 and b.kind is BlockKind.PARAGRAPH
    )
    place = next(p for p in body.places if (p.article, p.key) == (ai, k))
    cursor = QTextCursor(body.document())
    cursor.setPosition(place.position + 3)
    body.setTextCursor(cursor)
    body.ensureCursorVisible()
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("kind", ai, k, kind="heading", level=1)
    qtbot.waitUntil(lambda: not body.typesetting(), timeout=10000)
    at = body.place_at(body.textCursor().position())
    assert at is not None and (at.article, at.key) == (ai, k)


def test_find_on_a_parted_page_counts_no_match_in_the_rules_between_articles(parted, qtbot):
    """The clean text holds ＊＊＊ between articles, which the view sets as a rule of its
    own: find on a parted page (which counts in the clean text) counted and stepped to
    them, and marked nothing there."""
    win, body = parted, parted.body
    win.findbar.open()
    win.findbar.edit.setText("＊")
    qtbot.waitUntil(lambda: not body.counting(), timeout=10000)
    assert body.match_count() == 0
    assert win.findbar.count.text() == "No matches"


def test_the_next_match_after_following_a_link_is_in_the_part_being_read(parted, qtbot):
    win, body = parted, parted.body
    win.findbar.open()
    win.findbar.edit.setText("国企")
    qtbot.waitUntil(lambda: not body.counting(), timeout=10000)
    _click_link(qtbot, body, "▼")
    qtbot.waitUntil(lambda: body._part == 1 and not body.typesetting(), timeout=10000)
    win.findbar.step.emit(1)
    assert body._part == 1
