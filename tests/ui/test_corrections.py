"""Correcting the page in the window: every edit kind, undo and redo, a restart, exports,
the review marks and page 004's title suggestion."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu

from reader.bundled import sample_pages
from reader.core.publish import Options, Part, publish
from reader.store.db import Store


def key(win, ai: int, bi: int) -> int:  # type: ignore[no-untyped-def]
    return len(win.doc.articles[ai].head) + bi


def markdown(win) -> str:  # type: ignore[no-untyped-def]
    return publish([Part(win.doc)], Options(format="md")).decode()


EDITS = {
    "join": ({}, lambda doc, a, b: doc.articles[1].blocks[0].text == a + b),
    "split": ({"offset": 6}, lambda doc, a, b: doc.articles[1].blocks[1].text == b[:6]),
    "kind": (
        {"kind": "heading", "level": 2},
        lambda doc, a, b: doc.articles[1].blocks[1].kind == "heading",
    ),
    "new_article": ({}, lambda doc, a, b: doc.articles[2].blocks[0].text == b),
    "role": ({"role": "subtitle"}, lambda doc, a, b: doc.articles[1].subtitle == b),
    "text": (
        {"new": "改正后的段落。"},
        lambda doc, a, b: doc.articles[1].blocks[1].text == "改正后的段落。",
    ),
}


@pytest.mark.parametrize("op", list(EDITS))
def test_each_edit_through_undo_redo_restart_and_export(make_window, qtbot, op: str) -> None:
    win = make_window()
    value, check = EDITS[op]
    a, b = win.doc.articles[1].blocks[0].text, win.doc.articles[1].blocks[1].text
    target = key(win, 1, 0) if op == "join" else key(win, 1, 1)
    before = markdown(win)
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct(op, 1, target, **value)
    assert check(win.doc, a, b)
    after = markdown(win)
    assert after != before
    win.undo_action.trigger()
    assert markdown(win) == before
    win.redo_action.trigger()
    assert markdown(win) == after
    assert [e.kind for e, _why in win.corrector.edits()] == [op]
    win.close()
    again = make_window()  # a restart: the correction is replayed on open
    assert check(again.doc, a, b)
    assert markdown(again) == after


def test_merge_article(make_window, qtbot) -> None:
    win = make_window()
    n = len(win.doc.articles)
    win.correct("merge_article", 3, 0)
    assert len(win.doc.articles) == n - 1
    assert win.outline.model.rowCount() == n - 1  # the outline follows


def test_correct_menu_offers_every_edit(make_window) -> None:
    win = make_window()
    win.body.menu_position = win.body.position_of(1, 1) + 3
    parent = QMenu()
    menu = win.fixes.context_menu(parent)
    assert menu is not None
    labels = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    expected = [
        "Join with Next Block",
        "Split Here",
        "Block Kind",
        "Start New Article Here",
        "Merge Article with Previous",
        "Make Title",
        "Make Byline",
        "Correct Text…",
    ]
    assert set(expected) <= set(labels)
    split = next(a for a in menu.actions() if a.text() == "&Split Here")
    split.trigger()
    assert (
        win.doc.articles[1].blocks[1].text == win.corrector.automatic.articles[1].blocks[1].text[:3]
    )


def test_annotations_stay_attached_across_edits(make_window, qtbot) -> None:
    win = make_window()
    text = win.doc.articles[1].blocks[2].text[5:15]
    start = win.body.clean.text.index(text)
    win.body.select_range(start, start + len(text))
    ann = win.annotate_selection("highlight")
    win.correct("join", 1, key(win, 1, 1))
    win.correct("new_article", 1, key(win, 1, 0) + 1)
    placed = win.annotator.placed[ann.id]
    assert placed.anchor is not None
    assert win.body.clean.text[placed.anchor.start : placed.anchor.end] == text


def test_a_highlight_stays_when_the_rest_of_its_paragraph_is_made_the_title(
    make_window, qtbot
) -> None:
    """A paragraph split after a highlighted sentence, the rest made the article's title:
    the highlight's text is untouched and stays highlighted (it was listed as unanchored,
    its paragraph no longer going on as it did when it was made), after a restart too."""
    win = make_window()
    quote = "部分国企缺乏专业的思想政治工作队伍，现有的人员素质参差不齐，难以适应新时代思想"
    start = win.body.clean.text.index(quote)
    win.body.select_range(start, start + len(quote))
    ann = win.annotate_selection("highlight")

    def block(opening: str) -> tuple[int, int, str]:
        return next(
            (ai, k, b.text)
            for ai, art in enumerate(win.doc.articles)
            for k, b in enumerate(art.all_blocks())
            if b.text.startswith(opening)
        )

    ai, k, text = block("部分国企缺乏专业")
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("split", ai, k, offset=text.index("要求。") + 3)
    ai, k, text = block("一些企业的")
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("role", ai, k, role="title")
    assert win.doc.articles[ai].title.startswith("一些企业的")

    def on_its_text(window) -> bool:  # type: ignore[no-untyped-def]
        placed = window.annotator.placed[ann.id]
        clean = window.body.clean.text
        return placed.anchor is not None and clean[placed.anchor.start : placed.anchor.end] == quote

    assert on_its_text(win)
    assert win.writer.flush(30)
    win.close()
    assert on_its_text(make_window())


def test_review_marks_and_decisions(make_window, qtbot) -> None:
    win = make_window()
    win.correct("kind", 1, key(win, 1, 1), kind="question")
    block = win.doc.articles[1].blocks[1]
    first = block.first
    assert first in win.source.user_lines
    win.actions_by_key["source"].setChecked(True)  # its lines are set when it is shown
    line = win.source.document().findBlockByNumber(first).text()
    assert " ✎ " in line
    win.actions_by_key["decisions"].trigger()
    assert win.source.isVisible()
    joined = next(
        d for d in win.doc.decisions if d.action == "join" and d.line not in win.source.user_lines
    )
    text = win.source.document().findBlockByNumber(joined.line).text()
    assert "＋" in text and joined.reason in text


def test_page_004_title_suggestion_is_accepted_with_one_click(make_window, qtbot, tmp_path) -> None:
    win = make_window(sample_pages()[1])
    qtbot.waitUntil(lambda: win.suggestion_bar.isVisible(), timeout=20000)
    assert "推动国企思想政治与企业文化有机融合的路径" in win.suggestion_bar.label.text()
    assert win.doc.articles[0].kind == "headline"  # nothing applied silently
    # The offer on show follows the interface's language, both ways.
    win.set_language("zh_CN")
    assert win.suggestion_bar.label.text().startswith("建议文章")
    win.set_language("en")
    assert win.suggestion_bar.label.text().startswith("Suggested title")
    win.suggestion_bar.accept_button.click()
    titles = [(a.kind, a.title, a.byline) for a in win.doc.articles]
    assert titles == [
        ("article", None, None),
        ("article", "国有企业基层党建思想政治工作的创新探索", "□ 赵婷"),
        ("article", "推动国企思想政治与企业文化有机融合的路径", "□ 吉晓琴"),
        ("notice", "减资公告", None),
        ("article", "系统谋划部署信用建设工作", None),
    ]
    md = markdown(win)
    heads = [line[2:] for line in md.splitlines() if line.startswith("# ")]
    assert heads == [t for _k, t, _b in titles if t]
    win.undo_action.trigger()  # one undo step takes the whole suggestion back
    assert win.doc.articles[0].kind == "headline"
    win.redo_action.trigger()
    assert win.doc.articles[2].title == "推动国企思想政治与企业文化有机融合的路径"
    # The corrections travel with the annotations' JSON export.
    out = tmp_path / "fixes.json"
    assert win.writer is not None and win.writer.flush(30)
    fixes = Store().edits(win.doc.source.fingerprint)
    assert len(fixes) == 2
    from reader.core import annotations as notes

    out.write_text(notes.to_json([], "004", fixes), "utf-8")
    assert notes.corrections_from_json(out.read_text("utf-8")) == fixes


def _with_a_lost_correction(make_window, quote: str):  # type: ignore[no-untyped-def]
    """A window on the first sample page, reopened after a correction was stored for it
    on text (`quote`) that is not on the page."""
    from reader.core.anchor import Selector
    from reader.core.edits import Edit

    win = make_window()
    store = Store()
    selector = Selector(quote, "", "", 5, 5 + len(quote))
    store.add_edit(Edit("kind", selector, win.doc.source.fingerprint, {"kind": "end"}))
    store.close()
    return make_window()


def test_a_correction_that_no_longer_applies_is_listed(make_window, qtbot) -> None:
    again = _with_a_lost_correction(make_window, "这段文字不在版面上")
    rows = again.corrections.texts()
    assert len(rows) == 1 and "not applied" in rows[0] and "no longer on the page" in rows[0]


def test_keyboard_corrections_at_the_cursor(make_window, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    win = make_window()
    text = win.doc.articles[1].blocks[1].text
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.position_of(1, 1) + 4)
    win.body.setTextCursor(cursor)
    win.body.setFocus()
    qtbot.keyClick(win.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [b.text for b in win.doc.articles[1].blocks[1:3]] == [text[:4], text[4:]]
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.position_of(1, 1))
    win.body.setTextCursor(cursor)
    qtbot.keyClick(win.body, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert win.doc.articles[1].blocks[1].text == text
    qtbot.keyClick(
        win.body,
        Qt.Key.Key_2,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert (win.doc.articles[1].blocks[1].kind, win.doc.articles[1].blocks[1].depth) == (
        "heading",
        2,
    )


def block_at_cursor(win):  # type: ignore[no-untyped-def]
    place = win.body.place_at(win.body.textCursor().position())
    return win.doc.articles[place.article].all_blocks()[place.key]


def cursor_in_view(win) -> bool:  # type: ignore[no-untyped-def]
    return win.body.viewport().rect().contains(win.body.cursorRect().center())


def test_the_cursor_stays_on_the_block_corrected(make_window, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    win = make_window()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    text = win.doc.articles[1].blocks[3].text

    def on_it() -> bool:
        return block_at_cursor(win).text == text and cursor_in_view(win)

    def correct(key: Qt.Key) -> None:
        with qtbot.waitSignal(win.document_corrected, timeout=10000):
            qtbot.keyClick(win.body, key, keys)
        assert on_it()
        # The page is typeset again once its keywords are found; the cursor stays put.
        qtbot.waitUntil(lambda: bool(win.body.keywords), timeout=20000)
        assert on_it()

    # The block in the middle of the view, another at its top.
    win.body.scroll_to(1, 3)
    bar = win.body.verticalScrollBar()
    bar.setValue(bar.value() - win.body.viewport().height() // 3)
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.position_of(1, 3) + 5)
    win.body.setTextCursor(cursor)
    win.body.setFocus()
    assert on_it() and win.body.place_at(win.body._top_position()).block != 3
    correct(Qt.Key.Key_2)  # Make Heading, Level 2
    assert win.doc.articles[1].blocks[3].kind == "heading"
    correct(Qt.Key.Key_T)  # Make Title: it moves up to the head
    assert win.doc.articles[1].title == text
    kinds = {b.text: b.kind for a in win.doc.articles for b in a.all_blocks()}
    correct(Qt.Key.Key_0)  # Make Paragraph, of the same block
    assert {b.text: b.kind for a in win.doc.articles for b in a.all_blocks()} == {
        **kinds,
        text: "paragraph",
    }


@pytest.mark.parametrize(
    "first, then",
    [
        # The block joined to the next is made the title: without the join, the title's
        # quote runs on into the next block.
        (("join", 1, 2, {}), ("role", 1, 2, {"role": "title"})),
        # A title is given to the article started by hand: without it, the block that names
        # that article is in the middle of another one.
        (("new_article", 1, 3, {}), ("role", 3, 0, {"role": "title", "article": 2})),
    ],
    ids=["join", "new_article"],
)
def test_removing_a_correction_never_moves_a_later_one(make_window, qtbot, first, then) -> None:
    win = make_window()
    automatic = publish([Part(win.corrector.automatic)], Options(format="md")).decode()
    for op, ai, k, value in (first, then):
        win.correct(op, ai, k, **value)
    assert [why for _e, why in win.corrector.edits()] == ["", ""]
    both = markdown(win)
    win.corrections.list.setCurrentIndex(win.corrections.model.index(0))
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.corrections.remove_button.click()
    rows = win.corrections.texts()
    assert len(rows) == 1 and "not applied" in rows[0]
    assert markdown(win) == automatic  # the later one is applied nowhere
    win.undo_action.trigger()  # the first is back, and the later one lands again
    assert [why for _e, why in win.corrector.edits()] == ["", ""] and markdown(win) == both
    win.redo_action.trigger()
    win.close()
    again = make_window()  # opened again: the same
    assert [bool(why) for _e, why in again.corrector.edits()] == [True]
    assert markdown(again) == automatic


@pytest.mark.parametrize("op", ["kind", "split", "join"])
def test_the_block_corrected_stays_where_it_was_on_screen_and_after_undo(
    make_window, qtbot, op: str
) -> None:
    """A correction, and its undo, far down a long page: the corrected line holds its
    place on screen (the text around it may move, the reader does not)."""
    from PySide6.QtGui import QTextCursor

    win = make_window(sample_pages()[1])
    doc = win.doc
    # A block half way down the page, shown in the middle of the view.
    ai, k = next(
        (ai, k)
        for ai, art in enumerate(doc.articles)
        if ai >= len(doc.articles) // 2
        for k, block in enumerate(art.all_blocks())
        if k >= len(art.head) and block.kind == "paragraph" and len(block.text) > 40
    )
    position = next(p.position for p in win.body.places if (p.article, p.key) == (ai, k))
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(position + 20)
    win.body.setTextCursor(cursor)
    bar = win.body.verticalScrollBar()
    bar.setValue(win.body.cursorRect().top() + bar.value() - win.body.viewport().height() // 2)
    assert bar.value() > win.body.viewport().height() * 3
    y = win.body.cursorRect().top()
    value = {"kind": {"kind": "heading", "level": 3}, "split": {"offset": 20}, "join": {}}[op]
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct(op, ai, k, **value)
    line = win.body.fontMetrics().height()
    assert abs(win.body.cursorRect().top() - y) <= line
    # The page is typeset again once its keywords are found: the line still holds.
    qtbot.waitUntil(lambda: bool(win.body.keywords), timeout=20000)
    assert abs(win.body.cursorRect().top() - y) <= line
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.undo_action.trigger()
    assert abs(win.body.cursorRect().top() - y) <= line


def test_a_text_correction_is_listed_with_what_it_changed(make_window, qtbot) -> None:
    """A typo fixed in the middle of a long paragraph: the Corrections dock shows the
    words changed, not only the paragraph's first words, alike before and after."""
    win = make_window()
    ai, block = next(
        (ai, b)
        for ai, article in enumerate(win.doc.articles)
        for b in article.blocks
        if b.kind == "paragraph" and len(b.text) > 80
    )
    k = win.doc.articles[ai].all_blocks().index(block)
    old = block.text
    middle = len(old) // 2
    new = old[:middle] + "〇〇" + old[middle + 2 :]
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("text", ai, k, new=new)
    (row,) = win.corrections.texts()
    assert f"“…{old[middle - 4 : middle + 6]}…” → “…{new[middle - 4 : middle + 6]}…”" in row
    assert old[middle : middle + 2] != "〇〇"


def test_a_join_at_an_articles_last_block_is_refused_with_its_reason(make_window, qtbot) -> None:
    """Ctrl+J on an article's last block: there is nothing in the article to join it
    with. The status bar says so and how to run the next article on; nothing is stored
    that could never apply."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    win = make_window()
    last = len(win.doc.articles[1].blocks) - 1
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.position_of(1, last) + 2)
    win.body.setTextCursor(cursor)
    win.body.setFocus()
    before = [b.text for b in win.doc.articles[1].blocks]
    qtbot.keyClick(win.body, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert "last block of its article" in win.statusBar().currentMessage()
    assert [b.text for b in win.doc.articles[1].blocks] == before
    assert win.corrector.edits() == [] and not win.undo_action.isEnabled()


def test_a_correction_that_does_not_apply_says_why_in_full_in_a_narrow_panel(
    make_window, qtbot
) -> None:
    """The Corrections panel as wide as it opens, then narrower: the row of a correction
    that no longer applies is as tall as its text wrapped at the panel's width the way
    the style draws it (at words), reason and all. Its first line wrapped over two had
    left room for one, and the reason was cut off."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QTextLayout, QTextOption
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    lost = "这段文字不在版面上，它属于另一个版本的页面，已经被删除了"
    again = _with_a_lost_correction(make_window, lost)
    dock = again.corrections
    dock.setParent(None)  # a panel of its own, to be sized at will
    qtbot.addWidget(dock)
    dock.resize(360, 400)
    dock.show()
    view = dock.list
    qtbot.waitUntil(lambda: 300 < view.viewport().width() < 370)
    index = dock.model.index(0)
    text = str(index.data())
    assert "not applied: its text is no longer on the page" in text  # English words too
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1

    def needed() -> float:
        """The height of the text laid out at the row's width, wrapped at words."""
        width = view.viewport().width() - 2 * margin
        height = 0.0
        for paragraph in text.split("\n"):
            layout = QTextLayout(paragraph, view.font())
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)
            layout.setTextOption(option)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLineWidth(width)
                line.setPosition(QPointF(0, height))
                height += line.height()
            layout.endLayout()
        return height

    qtbot.waitUntil(lambda: view.visualRect(index).height() >= needed())
    # What the row asks for, however the platform's view measures it (on X11 the view
    # asked before it knew the width: the row got the height of its lines unwrapped).
    asked = QStyleOptionViewItem()
    asked.initFrom(view)
    assert view.itemDelegate().sizeHint(asked, index).height() >= needed()
    for width in range(350, 200, -10):  # narrower, a step at a time: every wrap
        dock.resize(width, 400)
        qtbot.waitUntil(lambda width=width: view.viewport().width() < width)
        qtbot.waitUntil(lambda: view.visualRect(index).height() >= needed())
        assert view.itemDelegate().sizeHint(asked, index).height() >= needed()


def test_make_title_inside_a_titled_article_lists_a_new_article_and_holds_the_line(
    make_window, qtbot
) -> None:
    """Make Title on a paragraph in the text of an article with a title: the outline and
    the status bar have one article more, titled by the paragraph, and the line being
    worked on holds its place on screen."""
    from PySide6.QtGui import QTextCursor

    win = make_window()
    doc = win.doc
    ai = next(k for k, a in enumerate(doc.articles) if a.title and len(a.blocks) > 6)
    k = len(doc.articles[ai].head) + 4
    line_text = doc.articles[ai].all_blocks()[k].text
    position = next(p.position for p in win.body.places if (p.article, p.key) == (ai, k))
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(position + 2)
    win.body.setTextCursor(cursor)
    win.body.ensureCursorVisible()
    y = win.body.cursorRect().top()
    articles = len(doc.articles)
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("role", ai, k, role="title")
    assert len(win.doc.articles) == articles + 1
    assert win.doc.articles[ai + 1].title == line_text
    tops = [win.outline.proxy.index(r, 0).data() for r in range(win.outline.proxy.rowCount())]
    assert len(tops) == articles + 1 and any(line_text[:10] in str(t) for t in tops)
    assert f"{articles + 1} articles" in win.status.text()
    assert abs(win.body.cursorRect().top() - y) <= 2 * win.body.fontMetrics().height()


def test_a_row_of_english_words_is_as_tall_as_its_words_wrapped(qtbot) -> None:
    """In the English interface a row is mostly words: wrapped at words, as drawn, they
    take more lines than the same characters broken anywhere, and the row has room for
    each of them."""
    from PySide6.QtCore import QRect, QStringListModel, Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QListView, QStyle

    from reader.ui.corrections import _Wrapped

    text = (
        "Split 'the page's first article' — not applied: the block's text changed since "
        "it was corrected"
    )
    view = QListView()
    qtbot.addWidget(view)
    model = QStringListModel([text, "next row"])
    view.setModel(model)
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(_Wrapped(view))
    view.show()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    index = model.index(0)
    for width in range(400, 240, -10):
        view.resize(width, 300)
        qtbot.waitUntil(lambda width=width: view.width() == width)
        inner = view.viewport().width() - 2 * margin
        words = QFontMetrics(view.font()).boundingRect(
            QRect(0, 0, inner, 1 << 20), int(Qt.TextFlag.TextWordWrap), text
        )
        qtbot.waitUntil(lambda words=words: view.visualRect(index).height() >= words.height())


def test_make_title_on_the_title_and_a_join_at_the_pages_end_are_refused(
    make_window, qtbot
) -> None:
    """Ctrl+Alt+T on the title itself, and Ctrl+J on the page's very last block: nothing
    is stored, and the status bar says why (the page's end is no article's end with a
    next article to run on)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    win = make_window(sample_pages()[1])  # its last block is shown: a dateline
    ai = next(k for k, a in enumerate(win.doc.articles) if a.title)
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.position_of(ai, -1) + 1)
    win.body.setTextCursor(cursor)
    win.body.setFocus()
    qtbot.keyClick(
        win.body,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert "already" in win.statusBar().currentMessage()
    win.statusBar().clearMessage()
    cursor.setPosition(win.body.places[-1].position + 1)  # the last block shown
    win.body.setTextCursor(cursor)
    qtbot.keyClick(win.body, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert "last block of the page" in win.statusBar().currentMessage()
    assert win.corrector.edits() == [] and not win.undo_action.isEnabled()


def test_a_join_with_hidden_page_furniture_is_refused(make_window, qtbot) -> None:
    """Page 000's last paragraph is followed by page furniture (its date, hidden): Ctrl+J
    there would run text the reader cannot see into the paragraph. It is refused, and
    the status bar says how to join it if that is wanted."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    win = make_window()
    last = win.body.places[-1]  # the last block shown
    after = win.doc.articles[last.article].all_blocks()[last.key + 1]
    assert after.kind == "noise"
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(last.position + 1)
    win.body.setTextCursor(cursor)
    win.body.setFocus()
    before = win.doc.articles[last.article].all_blocks()[last.key].text
    qtbot.keyClick(win.body, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert "page furniture" in win.statusBar().currentMessage()
    assert win.doc.articles[last.article].all_blocks()[last.key].text == before
    assert win.corrector.edits() == []


def test_a_split_just_before_closing_marks_falls_after_them(make_window, qtbot) -> None:
    """Split at the cursor just left of a sentence's closing mark: the mark stays with
    the sentence, and the new block does not start with it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    win = make_window()
    text = win.doc.articles[1].blocks[0].text
    mark = next(n for n, c in enumerate(text) if c in "，。；" and 2 < n < len(text) - 2)
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.position_of(1, 0) + mark)
    win.body.setTextCursor(cursor)
    win.body.setFocus()
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        qtbot.keyClick(win.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first, second = (b.text for b in win.doc.articles[1].blocks[0:2])
    assert (first, second) == (text[: mark + 1], text[mark + 1 :])


def test_a_corrections_row_shows_the_block_it_was_made_on(make_window, qtbot) -> None:
    """Clicking a row of the Corrections panel takes the text to the block corrected."""
    win = make_window()
    last = len(win.doc.articles) - 1
    blocks = win.doc.articles[last].blocks
    bi = max(n for n, b in enumerate(blocks) if b.kind == "paragraph")
    heading = blocks[bi].text
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("kind", last, key(win, last, bi), kind="heading", level=2)
    win.body.scroll_to(0, -1)
    assert win.body.verticalScrollBar().value() == 0
    dock = win.corrections
    index = dock.model.index(0)
    dock.list.clicked.emit(index)
    at = win.body.textCursor().position()
    assert (
        win.body.doc.articles[win.body.place_at(at).article]
        .all_blocks()[win.body.place_at(at).key]
        .text
        == heading
    )
    y = win.body.screen_y(at)
    assert 0 <= y < win.body.viewport().height()


def test_moving_a_block_to_another_article_offers_the_others_the_next_first(
    make_window, qtbot, monkeypatch
) -> None:
    """Make Title or Byline of Another Article: the block's own article is not among the
    choices, and the one after it is chosen first."""
    from PySide6.QtWidgets import QInputDialog

    win = make_window()
    asked: list[tuple[list[str], int]] = []

    def get_item(_parent, _title, _label, items, current, _editable):  # type: ignore[no-untyped-def]
        asked.append((list(items), current))
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    value = win.fixes.ask("other", 1, key(win, 1, 0))
    (_roles, _), (labels, current) = asked
    assert not any(label.startswith("2. ") for label in labels)
    assert labels[current].startswith("3. ")
    assert value is not None and value["article"] == 2


def test_the_correct_text_dialog_shows_the_text_in_the_readers_type(make_window, qtbot) -> None:
    """Correct Text (F2) shows the block in the reading font's size (up to 16 points),
    not the interface's small type, and wraps it in a box sized to read it."""
    from PySide6.QtWidgets import QApplication

    from reader.ui.textdialog import TextDialog

    win = make_window()
    reading = win.body.document().defaultFont()
    text = win.doc.articles[1].blocks[0].text
    dialog = TextDialog("Correct Text", "The block's text:", text, win, reading)
    qtbot.addWidget(dialog)
    size = dialog.edit.font().pointSizeF()
    assert size == min(16.0, reading.pointSizeF())
    assert size > QApplication.font().pointSizeF()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.edit.document().lineCount() > 1  # wrapped, not one long line


def test_a_text_corrections_row_shows_its_own_block_not_one_like_it(make_window, qtbot) -> None:
    """The sample page prints the same author line under two articles: a text
    correction of the second one, clicked in the panel, shows that block as corrected,
    not the first one's, and never says it is gone."""
    win = make_window()
    same = [
        (ai, k)
        for ai, art in enumerate(win.doc.articles)
        for k, b in enumerate(art.all_blocks())
        if b.text.startswith("（作者单位")
    ]
    assert len(same) >= 2
    ai, k = same[1]
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("text", ai, k, new="（作者单位：山西焦煤集团）")
    said: list[str] = []
    win.fixes.refused.connect(said.append)
    win.corrections.list.clicked.emit(win.corrections.model.index(0))
    place = win.body.place_at(win.body.textCursor().position())
    assert (place.article, place.key) == (ai, k)
    assert said == []


def test_a_correction_with_the_cursor_on_a_line_of_keywords_applies_to_the_block_under_it(
    make_window, qtbot
) -> None:
    """n / p and the outline leave the text cursor at an article's first line, which on
    an article without a title is its line of keywords: Ctrl+J there did nothing and said
    nothing. It now joins the block under the keywords, as the reader sees it."""
    win = make_window()
    art = win.doc.articles[0]
    assert not art.head and win.keywords.get(0)
    shown = win.body.toPlainText()
    line = " · ".join(win.keywords[0])  # (not #思想 #政治: read as tags of the reader's)
    assert "#" not in shown
    cursor = win.body.textCursor()
    cursor.setPosition(shown.index(line) + 2)
    win.body.setTextCursor(cursor)
    first, second = art.blocks[0].text, art.blocks[1].text
    win.actions_by_key["fix_join"].trigger()
    assert win.doc.articles[0].blocks[0].text.replace(" ", "") == (first + second).replace(" ", "")


def test_the_correct_text_dialog_is_finished_from_the_keyboard(make_window, qtbot) -> None:
    """Tab goes from the text to the buttons (it typed a tab into the paragraph) and
    Ctrl+Enter applies the correction, as in the note editor."""
    from PySide6.QtCore import Qt

    from reader.ui.textdialog import TextDialog

    win = make_window()
    dialog = TextDialog("Correct Text", "The block's text:", "一段文字", win)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    dialog.edit.setFocus()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Tab)
    assert dialog.text() == "一段文字" and not dialog.edit.hasFocus()
    dialog.edit.setFocus()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_escape_lets_go_of_a_selection_so_n_goes_to_the_next_article(make_window, qtbot) -> None:
    """With text selected, N annotates it with a note; Escape did not let go of the
    selection, so n opened the note editor instead of going on to the next article."""
    from PySide6.QtCore import Qt

    win = make_window()
    start = win.body.clean.text.index("各地各行业向新而行")
    win.body.select_range(start, start + 4)
    win.body.setFocus()
    qtbot.keyClick(win.body, Qt.Key.Key_Escape)
    assert not win.body.textCursor().hasSelection()
    before = win.body.current_place()[0]
    qtbot.keyClick(win.body, Qt.Key.Key_N)
    assert win.current_editor is None
    qtbot.waitUntil(lambda: win.body.current_place()[0] == before + 1, timeout=5000)


def test_an_annotations_stored_article_follows_a_correction_that_renames_it(
    make_window, qtbot
) -> None:
    """A highlight in a paragraph that Make Title turns into an article of its own: the
    article stored with it (which lists and exports made away from the page show) is the
    new one, without the annotation counting as edited; undone, it is the old one again."""
    win = make_window()
    doc = win.doc
    ai = next(k for k, a in enumerate(doc.articles) if a.title and len(a.blocks) > 6)
    k = len(doc.articles[ai].head) + 4
    later = doc.articles[ai].all_blocks()[k + 1].text
    start = win.body.clean.text.index(later[:12])
    win.body.select_range(start, start + 12)
    ann = win.annotate_selection("highlight")
    assert win.writer.flush(30)
    old = doc.articles[ai].label()
    assert win.store.get(ann.id).article == old
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("role", ai, k, role="title")
    new = win.doc.articles[ai + 1].label()
    assert new != old
    assert win.writer.flush(30)
    stored = win.store.get(ann.id)
    assert stored.article == new
    assert stored.modified == ann.modified
    assert win.annotator.placed[ann.id].annotation.article == new
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.undo_action.trigger()
    assert win.writer.flush(30)
    assert win.store.get(ann.id).article == old


def test_a_correction_made_while_a_passage_still_blinks_keeps_the_window(
    make_window, qtbot
) -> None:
    """A row of the Corrections panel clicked (its passage blinks for a moment), then at
    once Remove Correction: the page was typeset again, and the blink's end painted with
    selections of the page before, which Qt had let go of: the window crashed."""
    win = make_window()
    last = len(win.doc.articles) - 1
    blocks = win.doc.articles[last].blocks
    bi = max(n for n, b in enumerate(blocks) if b.kind == "paragraph")
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("kind", last, key(win, last, bi), kind="heading", level=2)
    for _round in range(3):
        row = win.corrections.model.index(0)
        win.corrections.list.setCurrentIndex(row)
        win.corrections.list.clicked.emit(row)
        assert win.body.extraSelections()  # the passage blinks
        with qtbot.waitSignal(win.document_corrected, timeout=10000):
            win.corrections.remove_button.click()
        with qtbot.waitSignal(win.document_corrected, timeout=10000):
            win.undo_action.trigger()
        win.corrections.list.clicked.emit(win.corrections.model.index(0))
    qtbot.waitUntil(lambda: not win.body.extraSelections(), timeout=5000)  # blink over
    assert win.isVisible() and win.body.doc is win.doc


def test_a_highlight_on_text_corrected_by_hand_is_quoted_as_it_reads_now(
    make_window, qtbot
) -> None:
    """A typo fixed under a highlight: the Annotations panel, the editor and the exports
    quote the text as corrected (they quoted the OCR's, under a heading corrected); the
    quote stored stays the text it was made on, which places it exactly once the
    correction is undone."""
    from reader.core import publish
    from reader.core.annotations import render
    from tests.ui.test_annotations import listed, saved, select_quote

    win = make_window()
    made = win.annotations.create(select_quote(win, "各地各行业向新而行"), {"note": "看"})
    assert made is not None
    ai, k = next(
        (ai, k)
        for ai, art in enumerate(win.doc.articles)
        for k, b in enumerate(art.all_blocks())
        if "各地各行业向新而行" in b.text
    )
    old = win.doc.articles[ai].all_blocks()[k].text
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("text", ai, k, new=old.replace("各地各行业向新而行", "各地各行业向新前行"))
    assert listed(win)["In the text"] == ["各地各行业向新前行"]
    placed = win.annotator.ordered()
    for fmt in ("md", "csv"):
        out = render(fmt, "page", placed, win.doc)
        assert "各地各行业向新前行" in out and "各地各行业向新而行" not in out
    part = publish.Part(win.doc, annotations=[p.annotation for p in placed])
    page = publish.publish([part], publish.Options(format="html", annotations=True))
    assert "“各地各行业向新前行”" in page.decode("utf-8")
    win.edit_annotation(made.id)
    assert win.current_editor is not None
    assert "各地各行业向新前行" in win.current_editor.quote.text()
    win.current_editor.reject()
    assert saved(win).get(made.id).quote == "各地各行业向新而行"
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.undo_action.trigger()
    assert listed(win)["In the text"] == ["各地各行业向新而行"]


def test_a_correction_that_made_text_page_furniture_says_so_when_shown(make_window, qtbot) -> None:
    """Made page furniture, a block is no longer shown, as furniture is not: clicking its
    correction said "The text this correction was made on is not on the page", though it
    is. It says the text is furniture now, and how to show it again."""
    win = make_window()
    ai, k = 1, len(win.doc.articles[1].head) + 2
    text = win.doc.articles[ai].all_blocks()[k].text
    with qtbot.waitSignal(win.document_corrected, timeout=10000):
        win.correct("kind", ai, k, kind="noise", level=None)
    assert text not in win.body.toPlainText()
    said: list[str] = []
    win.fixes.refused.connect(said.append)
    win.corrections.list.clicked.emit(win.corrections.model.index(0))
    assert len(said) == 1 and "page furniture now" in said[0] and text[:10] in said[0]
    assert "not on the page" not in said[0]


def test_title_suggestions_still_looked_for_stop_when_the_window_closes(
    make_window, qtbot, monkeypatch
) -> None:
    """Looking for title suggestions takes half a minute on a 50 MB page; the window
    waits for its jobs as it closes, so it tells that one to stop first."""
    import threading

    started, stopped = threading.Event(), []

    def slow(doc, stop):  # type: ignore[no-untyped-def]
        started.set()
        while not stop():  # (a worker's loop, as the real one asks at each headline)
            threading.Event().wait(0.01)
        stopped.append(1)
        return []

    monkeypatch.setattr("reader.ui.controllers.corrections.suggest_titles", slow)
    win = make_window(sample_pages()[1])
    qtbot.waitUntil(started.is_set, timeout=20000)
    win.close()  # (waited for its jobs up to 30 s, and this one never ended)
    assert stopped == [1]
