"""The library dock, library search and word-aware selection in the window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader.bundled import sample_pages
from reader.ui.hits import HIT_ROLE


def point_of(win, position: int) -> QPoint:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(position)
    win.body.setTextCursor(cursor)
    win.body.ensureCursorVisible()
    left = win.body.cursorRect(cursor)
    cursor.setPosition(position + 1)
    right = win.body.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def test_double_click_selects_a_jieba_word(make_window, qtbot) -> None:
    win = make_window()
    start = win.body.clean.text.index("要以科技创新引领") + 2
    assert win.body.clean.text[start : start + 4] == "科技创新"
    # Double-click on the third character, 创.
    point = point_of(win, win.body.to_view(start + 2))
    qtbot.mouseDClick(win.body.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert win.body.selected_text() == "科技创新"


def test_a_dragged_selection_snaps_to_words_unless_alt(make_window, qtbot) -> None:
    win = make_window()
    start = win.body.clean.text.index("要以科技创新引领") + 2
    win.body.select_range(start + 1, start + 3)  # 技创
    win.body.snap_selection()
    assert win.body.selected_text() == "科技创新"


def test_open_folder_indexes_and_search_opens_the_article(make_window, qtbot, tmp_path) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)
    win = make_window(sample_pages()[1])
    with qtbot.waitSignal(win.library_indexed, timeout=60000) as indexed:
        win.add_folder(str(folder))
    assert indexed.args[0].indexed == 2
    assert win.library.status.text().startswith("2 pages indexed")
    win.set_language("zh_CN")  # the status line is said again in the language chosen
    assert win.library.status.text().startswith("已索引 2 个版面")
    win.set_language("en")
    with qtbot.waitSignal(win.librarian.listed, timeout=20000):
        pass  # the dock's rows are read in a worker once indexing is done
    rows = win.library.page_rows()
    assert [r[0] for r in rows] == [p.name for p in sample_pages()]
    assert [r[1] for r in rows] == ["????-03-12", "????-03-31"]  # a month and day, no year

    win.actions_by_key["search_library"].trigger()
    assert win.search_dock.isVisible()
    win.search.query.setText("新质生产力")
    with qtbot.waitSignal(win.search_done, timeout=20000) as found:
        win.search.query.returnPressed.emit()
    hits = found.args[0]
    assert [(Path(h.path).name, h.article) for h in hits] == [(sample_pages()[0].name, 2)]
    assert "新质生产力" in win.search.results_text()

    with qtbot.waitSignal(win.document_shown, timeout=20000):
        win.open_hit(hits[0])
    assert Path(win.doc.source.path) == folder / sample_pages()[0].name
    assert win.body.current_place()[0] == 2
    # The library's selection follows the page opened, its date group opened.
    current = win.library.tree.currentIndex()
    assert current.data() == sample_pages()[0].name
    assert win.library.tree.isExpanded(current.parent())
    assert win.body.match_count() == win.body.toPlainText().count("新质生产力") > 0

    # Two words: the hit opened marks each of them, not only the first.
    win.search.query.setText("新质生产力 科技创新")
    with qtbot.waitSignal(win.search_done, timeout=20000) as found:
        win.search.query.returnPressed.emit()
    hit = found.args[0][0]
    assert set(hit.terms) == {"新质生产力", "科技创新"}
    win.open_hit(hit)
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
    assert set(win.findbar.edit.text().split()) == set(hit.terms)
    text = win.body.toPlainText()
    assert win.body.match_count() == text.count("新质生产力") + text.count("科技创新")
    assert text.count("科技创新") > 0

    # A search asked while another runs stops it; the later one's results are shown.
    # 国企改 is no word of the index (国企改革): it is found in the text.
    win.search_library("新质生产力")
    first = win.workers.searching
    # (the first one's results may come in before it is stopped)
    with qtbot.waitSignal(
        win.search_done,
        timeout=20000,
        check_params_cb=lambda hits: bool(hits) and "国企改" in hits[0].terms,
    ) as found:
        win.search_library("国企改")
    assert first is not None and first.cancelled
    assert all("<b>国企改</b>" in h.snippet for h in found.args[0])
    assert "国企改" in win.search.results_text()
    # A query refused (no word but one left out) stops the search before it, whose
    # results, come in after, do not take the place of what the refusal says.
    from PySide6.QtCore import QCoreApplication

    win.search_library("新质生产力")
    running = win.workers.searching
    win.search_library("-国企")
    assert running is not None and running.cancelled and win.workers.searching is None
    qtbot.waitUntil(lambda: win.workers.pool.activeThreadCount() == 0, timeout=20000)
    QCoreApplication.processEvents()  # (the stopped search's answer, delivered)
    assert "not excluded" in win.search.summary.text()


def test_keywords_show_under_titles_and_are_offered_as_tags(make_window) -> None:
    win = make_window()
    assert win.keywords.get(2), "the article has keywords"
    line = " · ".join(win.keywords[2])  # not #蓝宝石 #创新: those read as tags
    assert line in win.body.toPlainText()
    assert f"#{win.keywords[2][0]}" not in win.body.toPlainText()
    # Keywords are not part of the clean text (copy, export, annotations).
    assert line not in win.body.clean.text
    start = win.body.clean.text.index("各地各行业向新而行")
    win.body.select_range(start, start + 9)
    win.annotate_selection("tag")
    assert win.current_editor is not None
    assert win.current_editor.tags.known[-len(win.keywords[2]) :] == win.keywords[2]
    win.current_editor.reject()


def test_an_article_without_a_title_shows_its_keywords_over_its_text(make_window) -> None:
    """The page's first article has no title: its keywords stand over its first
    paragraph, the line standing for that paragraph's source lines, as under a title."""
    win = make_window()
    art = win.doc.articles[0]
    assert not art.head and win.keywords.get(0)
    line = " · ".join(win.keywords[0])
    shown = win.body.toPlainText()
    assert shown.lstrip().startswith(line)
    assert shown.index(line) < shown.index(art.blocks[0].text[:10])
    place = win.body.place_at(shown.index(line))
    assert (place.article, place.block) == (0, -1)
    assert (place.first, place.last) == (art.blocks[0].first, art.blocks[0].last)


def test_a_suggested_tag_is_added_with_a_click(make_window, qtbot) -> None:
    """The popover lists the article's keywords as suggestions: a click on one adds it
    to the tags typed, once, and saving keeps it."""
    from PySide6.QtWidgets import QLabel

    win = make_window()
    start = win.body.clean.text.index("各地各行业向新而行")
    win.body.select_range(start, start + 9)
    win.annotate_selection("tag")
    editor = win.current_editor
    assert editor is not None and editor.suggestions
    hint = next(label for label in editor.findChildren(QLabel) if "href" in label.text())
    word = editor.suggestions[0]
    editor.tags.setText("产业")
    hint.linkActivated.emit("0")
    hint.linkActivated.emit("0")  # twice: once in the tags
    assert editor.tags.tags() == ["产业", word]
    # A word taken leaves the suggestions; the others stay links.
    assert f">{word}</a>" not in hint.text()
    assert all(f">{w}</a>" in hint.text() for w in editor.suggestions[1:] if w != "产业")
    # Every suggestion taken, the note under them stays where it was.
    note = editor.note.mapTo(editor, editor.note.rect().topLeft()).y()
    editor.tags.set_tags(list(editor.suggestions))
    qtbot.wait_until(lambda: "href" not in hint.text())
    editor.layout().activate()
    assert editor.note.mapTo(editor, editor.note.rect().topLeft()).y() == note
    editor.tags.set_tags(["产业", word])
    editor.accept()
    assert [p.annotation.tags for p in win.annotator.placed.values()] == [["产业", word]]


def test_find_in_page_skips_the_keyword_lines(make_window, qtbot) -> None:
    """The keywords under a title are shown but are no text of the page: find counts and
    steps through the page's own matches only."""
    win = make_window()
    word = win.keywords[2][0]
    shown = win.body.toPlainText()
    assert " · ".join(win.keywords[2]) in shown
    in_text = win.body.clean.text.count(word)
    assert 0 < in_text < shown.count(word)
    with qtbot.waitSignal(win.body.find_changed) as sig:
        win.findbar.edit.setText(word)
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
    assert win.body.match_count() == in_text
    assert sig.args[1] <= in_text
    for _ in range(in_text):
        win.body.find_step(1)
        cursor = win.body.textCursor()
        assert win.body.place_at(cursor.position()).offset is not None


def test_search_finds_the_corrected_text(make_window, qtbot, tmp_path) -> None:
    from reader.store import paths
    from reader.store.library import Library

    folder = tmp_path / "paper"
    folder.mkdir()
    page = folder / sample_pages()[0].name
    shutil.copy(sample_pages()[0], page)
    win = make_window(page)
    with qtbot.waitSignal(win.library_indexed, timeout=60000):
        win.add_folder(str(folder))
    win.correct("text", 1, len(win.doc.articles[1].head), new="量子纠缠实验取得新突破。")

    def found() -> bool:
        library = Library(win.store.path, paths.cache_dir(), paths.data_dir() / "userdict.txt")
        try:
            return bool(library.search("量子纠缠"))
        finally:
            library.close()

    qtbot.waitUntil(found, timeout=30000)


def test_library_rows_name_pages_by_their_path_in_the_folder_cut_in_the_middle(qtbot) -> None:
    """Names share their beginnings and may differ at the start (the day) or only at the
    end (p1.json beside p1.paddle.txt, the ✎ of an annotated page): cut to fit, a row
    keeps both ends and loses the middle, so no two rows read alike."""
    from PySide6.QtGui import QFontMetrics

    from reader.store.library import LibraryDocument
    from reader.ui.library import LibraryDock

    dock = LibraryDock()
    qtbot.addWidget(dock)
    dock.resize(260, 400)
    dock.show()
    folder = "/papers/renmin"
    names = [f"2024/2024-03-{day}_人民日报_第{day}版_要闻.txt" for day in (12, 13)]
    names += ["01_bingtuanzhanbao_19670427_p1.json", "01_bingtuanzhanbao_19670427_p1.paddle.txt"]
    docs = [
        LibraryDocument(f"{folder}/{n}", folder, "2024-03-12", 3, 2 if k == 2 else 0, "")
        for k, n in enumerate(names)
    ]
    dock.set_documents([folder], docs)
    shown = [r[0] for r in dock.page_rows()]
    assert shown == [
        names[2] + " ✎",
        names[3],
        names[0],
        names[1],
    ]
    metrics = QFontMetrics(dock.tree.font())
    width = metrics.horizontalAdvance(names[0]) * 2 // 3
    cut = [metrics.elidedText(n, dock.tree.textElideMode(), width) for n in shown]
    assert all("…" in c for c in cut)
    assert len(set(cut)) == len(cut)
    assert cut[0].endswith(".json ✎") and cut[1].endswith("paddle.txt")
    assert all(c.startswith(n[:6]) for c, n in zip(cut, shown, strict=True))


def test_a_narrow_library_gives_the_page_names_the_room_of_the_date_and_count(qtbot) -> None:
    """Beside Search the dock is narrow: the date column (its group row says it) and then
    the article count give way before a name is cut to a few characters, and come back
    when the dock widens."""
    from PySide6.QtGui import QFont

    from reader.store.library import LibraryDocument
    from reader.ui.library import LibraryDock

    dock = LibraryDock()
    qtbot.addWidget(dock)
    dock.resize(700, 400)
    dock.show()
    folder = "/papers/renmin"
    names = [f"pl/{n:03d}_6f184ef8bf9eb23a.txt" for n in range(3)]
    dock.set_documents(
        [folder],
        [LibraryDocument(f"{folder}/{n}", folder, "2024-03-12", 3, 0, "") for n in names],
    )
    tree = dock.tree
    metrics = tree.fontMetrics()
    page = dock.model.index(0, 0, dock.model.index(0, 0, dock.model.index(0, 0)))
    assert page.data() == names[0]
    qtbot.waitUntil(lambda: not tree.isColumnHidden(1) and not tree.isColumnHidden(2))

    def name_width() -> int:
        return tree.visualRect(page).width()

    wide = name_width()
    assert wide >= metrics.horizontalAdvance(names[0])
    # The dock as narrow as it goes (beside Search), then in a type half as large again.
    dock.resize(dock.minimumSizeHint().width(), 400)
    qtbot.waitUntil(lambda: tree.isColumnHidden(1))
    assert not tree.isColumnHidden(2)
    # Twelve characters at least: "pl/000_6f184…", not "pl/0…".
    assert name_width() >= metrics.horizontalAdvance(names[0][:12] + "…")
    font = tree.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    tree.setFont(font)
    qtbot.waitUntil(lambda: tree.isColumnHidden(2))
    assert name_width() >= tree.fontMetrics().horizontalAdvance(names[0][:12] + "…")
    tree.setFont(QFont())
    dock.resize(700, 400)
    qtbot.waitUntil(lambda: not tree.isColumnHidden(1) and not tree.isColumnHidden(2))
    assert name_width() == wide


def test_an_outdated_library_is_indexed_again_in_the_background_at_start(
    make_window, qtbot, tmp_path, monkeypatch
) -> None:
    import threading

    from reader.store import paths
    from reader.store.db import FILENAME
    from reader.store.library import Library

    folder = tmp_path / "paper"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)
    database = paths.data_dir() / FILENAME
    database.parent.mkdir(parents=True, exist_ok=True)

    def library() -> Library:
        return Library(database, paths.cache_dir() / "jieba", paths.data_dir() / "userdict.txt")

    made = library()
    made.add_folder(folder)
    assert made.index(workers=1).indexed == 2
    # As if an earlier version of the segmenter had cut it.
    with made.store._write() as db:
        db.execute("UPDATE library_documents SET segmenter = 'rjieba 0.0.1 jieba 0.42.1'")
    assert made.outdated_pages() == 2
    made.close()
    asked_from: list[bool] = []
    real = Library.outdated

    def outdated(self: Library) -> list[str]:
        asked_from.append(threading.current_thread() is threading.main_thread())
        return real(self)

    monkeypatch.setattr(Library, "outdated", outdated)
    win = make_window()
    with qtbot.waitSignal(win.workers.outdated, timeout=20000) as noticed:
        pass
    assert noticed.args == [[str(folder.resolve())], 2]
    assert "indexing 2 pages again" in win.statusBar().currentMessage()
    assert "indexing 2 pages again" in win.library.status.text()
    with qtbot.waitSignal(win.library_indexed, timeout=60000) as indexed:
        pass
    assert (indexed.args[0].indexed, indexed.args[0].outdated) == (2, 2)
    assert asked_from and not any(asked_from)  # never on the UI thread
    with qtbot.waitSignal(win.search_done, timeout=20000) as found:
        win.search_library("新质生产力")
    assert [(Path(h.path).name, h.article) for h in found.args[0]] == [(sample_pages()[0].name, 2)]
    again = library()
    assert again.outdated() == []
    again.close()


def test_library_rows_write_every_date_in_iso_form_and_name_pages_inside_their_folder(
    qtbot,
) -> None:
    from reader.store.library import Hit, LibraryDocument
    from reader.ui.library import LibraryDock, SearchDock

    dock = LibraryDock()
    qtbot.addWidget(dock)
    folder = "/papers/renmin"
    docs = [
        LibraryDocument(f"{folder}/1967/03/第3版.txt", folder, "1967-03-12", 3, 0, ""),
        LibraryDocument(f"{folder}/剪报/要闻.txt", folder, "03-12", 2, 1, ""),
        LibraryDocument(f"{folder}/无日期.txt", folder, "", 1, 0, ""),
    ]
    dock.set_documents([folder], docs)
    rows = dock.page_rows()
    assert [r[0] for r in rows] == ["1967/03/第3版.txt", "剪报/要闻.txt ✎", "无日期.txt"]
    assert [r[1] for r in rows] == ["1967-03-12", "????-03-12", ""]
    tips = [
        dock.model.find(d.path).siblingAtColumn(1).data(Qt.ItemDataRole.ToolTipRole) for d in docs
    ]
    assert "not its year" in tips[1] and not tips[0]
    # Each group names its date the same way; a date without a year comes after the dates
    # with one, and pages without a date last.
    top = dock.model.index(0, 0)
    groups = [dock.model.index(d, 0, top).data() for d in range(dock.model.rowCount(top))]
    assert groups == ["1967-03-12", "????-03-12", "No date"]
    # Search results name their page the same way.
    search = SearchDock()
    qtbot.addWidget(search)
    hit = Hit(docs[0].path, 0, "标题", "片段", 1.0, (), folder)
    search.show_hits([hit])
    assert "1967/03/第3版.txt" in search.results_text()


def _library(folders: dict[str, list[tuple[str, str]]]) -> tuple[list[str], list]:
    from reader.store.library import LibraryDocument

    docs = [
        LibraryDocument(f"{folder}/{name}", folder, date, 1 + len(name) % 5, 0, "")
        for folder, pages in folders.items()
        for name, date in pages
    ]
    return list(folders), docs


def test_the_library_model_passes_the_model_tester(qtmodeltester) -> None:
    from reader.ui.library_model import LibraryModel

    model = LibraryModel()
    qtmodeltester.check(model)
    model.set_documents(
        *_library(
            {
                "/papers/a": [("p1.txt", "2024-03-12"), ("p2.txt", "2024-03-12"), ("p3.txt", "")],
                "/papers/b": [("q1.txt", "1967-04-27")],
                "/papers/empty": [],
            }
        )
    )
    qtmodeltester.check(model)


def test_pages_are_grouped_by_date_in_order_with_undated_pages_last(qtbot) -> None:
    from reader.ui.library import LibraryDock
    from reader.ui.library_model import PATH_ROLE

    dock = LibraryDock()
    qtbot.addWidget(dock)
    dock.set_documents(
        *_library(
            {
                "/p/a": [
                    ("z.txt", ""),
                    ("b.txt", "2024-03-13"),
                    ("c.txt", "2024-03-12"),
                    ("a.txt", "2024-03-12"),
                ]
            }
        )
    )
    model = dock.model
    folder = model.index(0, 0)
    dates = [model.index(d, 0, folder).data() for d in range(model.rowCount(folder))]
    assert dates == ["2024-03-12", "2024-03-13", "No date"]
    # A date's row counts its pages' articles, as the column's header says; its tooltip
    # gives both counts.
    articles = [sum(d.articles for d in g.pages) for g in model.folders[0].dates]
    assert [model.index(d, 2, folder).data() for d in range(3)] == [str(n) for n in articles]
    assert model.index(0, 2, folder).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Pages: 2, articles: {articles[0]}"
    )
    assert model.index(0, 2).data() == str(sum(articles))
    assert [r[0] for r in dock.page_rows()] == ["a.txt", "c.txt", "b.txt", "z.txt"]
    # Opening a page row asks for that page; a date row opens nothing.
    first = model.index(0, 0, folder)
    with qtbot.waitSignal(dock.open_requested) as opened:
        dock.tree.activated.emit(model.index(1, 0, first))
    assert opened.args == ["/p/a/c.txt"]
    with qtbot.assertNotEmitted(dock.open_requested):
        dock.tree.activated.emit(first)
    assert model.data(first, PATH_ROLE) == ("date", "2024-03-12")


def test_a_library_update_keeps_open_dates_and_the_selected_page(qtbot) -> None:
    from reader.ui.library import LibraryDock

    dock = LibraryDock()
    qtbot.addWidget(dock)
    pages = {"/p/a": [("a.txt", "2024-03-12"), ("b.txt", "2024-03-13"), ("c.txt", "2024-03-14")]}
    dock.set_documents(*_library(pages))
    model = dock.model
    folder = model.index(0, 0)
    assert dock.tree.isExpanded(folder)
    assert not any(dock.tree.isExpanded(model.index(d, 0, folder)) for d in range(3))
    dock.tree.setExpanded(model.index(1, 0, folder), True)
    page = model.index(0, 0, model.index(1, 0, folder))
    dock.tree.setCurrentIndex(page)
    pages["/p/a"].insert(0, ("0.txt", "2024-03-11"))  # a new issue, before the open one
    dock.set_documents(*_library(pages))
    folder = model.index(0, 0)
    dates = [model.index(d, 0, folder) for d in range(4)]
    opened = [d.data() for d in dates if dock.tree.isExpanded(d)]
    assert opened == ["2024-03-13"]
    assert model.document(dock.tree.currentIndex()).path == "/p/a/b.txt"


def test_the_page_open_before_the_library_rows_arrive_is_selected_when_they_do(qtbot) -> None:
    """At start the last page is reopened before the library has been read off the UI
    thread: when the rows arrive, that page's row is selected and its date opened. A page
    the reader selected since is left selected."""
    from reader.ui.library import LibraryDock

    dock = LibraryDock()
    qtbot.addWidget(dock)
    pages = {"/p/a": [("a.txt", "2024-03-12"), ("b.txt", "2024-03-13"), ("c.txt", "2024-03-14")]}
    dock.select_page("/p/a/b.txt")
    assert not dock.tree.currentIndex().isValid()
    dock.set_documents(*_library(pages))
    model = dock.model
    assert model.document(dock.tree.currentIndex()).path == "/p/a/b.txt"
    assert dock.tree.isExpanded(model.index(1, 0, model.index(0, 0)))
    dock.tree.setCurrentIndex(model.find("/p/a/c.txt"))
    dock.set_documents(*_library(pages))
    assert model.document(dock.tree.currentIndex()).path == "/p/a/c.txt"
    # A page from outside the library opened (Back to it, File → Open): no row stays
    # selected as though it were the page read.
    dock.select_page("/elsewhere/page.txt")
    assert not dock.tree.currentIndex().isValid()
    assert not dock.tree.selectionModel().hasSelection()


def test_a_library_of_a_hundred_thousand_pages_is_asked_only_for_rows_shown(
    qtbot, monkeypatch
) -> None:
    from reader.ui.library import LibraryDock
    from reader.ui.library_model import LibraryModel

    asked: set[tuple[int, int]] = set()
    data = LibraryModel.data

    def counting(self, index, role=0):  # type: ignore[no-untyped-def]
        asked.add((index.internalId(), index.row()))
        return data(self, index, role)

    monkeypatch.setattr(LibraryModel, "data", counting)
    dock = LibraryDock()
    qtbot.addWidget(dock)
    days = [f"{1900 + d // 336}-{1 + d // 28 % 12:02d}-{1 + d % 28:02d}" for d in range(20_000)]
    pages = {"/p/big": [(f"{n:06d}.txt", days[n // 5]) for n in range(100_000)]}
    dock.set_documents(*_library(pages))
    folder = dock.model.index(0, 0)
    assert dock.model.rowCount(folder) == 20_000
    dock.tree.setExpanded(dock.model.index(7_000, 0, folder), True)
    dock.tree.scrollTo(dock.model.index(7_000, 0, folder))
    dock.resize(300, 500)
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: bool(asked))
    assert dock.model.page_count() == 100_000
    # The view asks for the rows it shows, not for 100,000 pages or 20,000 dates.
    assert 0 < len(asked) < 500


def test_the_library_is_listed_off_the_ui_thread(make_window, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    import threading

    from reader.store.library import Library

    folder = tmp_path / "paper"
    folder.mkdir()
    shutil.copy(sample_pages()[0], folder / sample_pages()[0].name)
    win = make_window()
    with qtbot.waitSignal(win.library_indexed, timeout=60000):
        win.add_folder(str(folder))
    with qtbot.waitSignal(win.librarian.listed, timeout=20000):
        pass
    read_from: list[bool] = []
    real = Library.documents

    def documents(self: Library) -> list:
        read_from.append(threading.current_thread() is threading.main_thread())
        return real(self)

    monkeypatch.setattr(Library, "documents", documents)
    # A window opened on a library lists it without reading it on the UI thread.
    again = make_window()
    qtbot.waitUntil(lambda: bool(again.library.page_rows()), timeout=20000)
    assert read_from and not any(read_from)
    assert [r[0] for r in again.library.page_rows()] == [sample_pages()[0].name]


def _hits(count: int) -> list:
    from reader.store.library import Hit

    return [
        Hit(
            f"/p/{n:03d}.txt",
            n % 3,
            f"标题{n}" if n % 4 else "",
            f"…<b>新质</b>生产力{n}…",
            1.0,
            (),
            "/p",
        )
        for n in range(count)
    ]


def test_search_results_are_a_sound_model_and_show_more_adds_rows(qtbot, qtmodeltester) -> None:
    from reader.ui.library import SearchDock

    search = SearchDock()
    qtbot.addWidget(search)
    search.resize(320, 500)
    search.show()
    hits = _hits(60)
    search.show_hits(hits[:51], asked=51, query="新质")
    qtmodeltester.check(search.model)
    assert search.model.rowCount() == 50 and search.more
    first = search.model.index(0)
    assert "新质生产力0" in first.data() and "(untitled article 1)" in first.data()
    search.results.scrollTo(search.model.index(20))
    inserted: list[tuple[int, int]] = []
    search.model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    search.show_hits(hits, asked=102, query="新质")  # Show More: rows added, none reset
    assert inserted == [(50, 59)] and search.model.rowCount() == 60 and not search.more
    qtmodeltester.check(search.model)
    # Activating a card opens its hit.
    with qtbot.waitSignal(search.hit_activated) as opened:
        search.results.activated.emit(search.model.index(7))
    assert opened.args[0] is hits[7]
    # A card is as tall as its wrapped text, so nothing of the snippet is cut.
    assert (
        search.results.visualRect(search.model.index(0)).height()
        > search.fontMetrics().height() * 2
    )


def test_a_match_in_the_title_gone_to_leaves_its_article_the_one_read(make_window, qtbot) -> None:
    """A search hit opens its article and marks the words found: where the first is in
    the article's title, the view brings it a third of the way down, and the article
    being read (status bar, outline, n and p) stays the one gone to, not the one above."""
    win = make_window()
    assert win.doc is not None
    title = win.doc.articles[2].title
    assert title and win.body.scroll_to(2, -1)
    win.findbar.open()
    win.findbar.edit.setText(title[2:8])
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
    assert win.body.match_count() >= 1
    assert win.body.current_place()[0] == 2
    assert "Article 3 of" in win.place_indicator.text()


def test_a_search_of_exclusions_alone_is_said_in_the_interface_language(make_window) -> None:
    win = make_window()
    win.search.show_hits([], 51, "旧的")  # as if a search had listed something before
    win.set_language("zh_CN")
    try:
        win.search.query.setText("-信用")
        win.search.query.returnPressed.emit()
        said = win.search.summary.text()
        assert said and "search needs" not in said and "-" in said
        assert win.search.model.rowCount() == 0
    finally:
        win.set_language("en")
    win.search.query.returnPressed.emit()
    assert win.search.summary.text().startswith("A search needs at least one word that is not")
    # Marks alone exclude nothing: said so, not that something was excluded.
    win.search.query.setText("“”")
    win.search.query.returnPressed.emit()
    said = win.search.summary.text()
    assert said == "A search needs at least one word: marks alone find nothing."


def test_a_search_result_whose_page_is_gone_leaves_the_results_and_the_library(
    make_window, qtbot, tmp_path
) -> None:
    """A page deleted since it was indexed: its hit opened the page, which failed with an
    error box, and stayed listed. It now leaves the results and the library, and the
    dock says why; the other pages' results stay."""
    win, folder = indexed_library(make_window, qtbot, tmp_path)
    with qtbot.waitSignal(win.librarian.listed, timeout=20000):
        pass
    win.search.query.setText("国有企业")
    with qtbot.waitSignal(win.search_done, timeout=20000) as found:
        win.search.query.returnPressed.emit()
    hits = found.args[0]
    gone = folder / sample_pages()[0].name
    assert {Path(h.path).name for h in hits} == {p.name for p in sample_pages()}
    gone.unlink()
    shown = win.doc.source.path
    with qtbot.waitSignal(win.librarian.listed, timeout=20000):
        win.open_hit(next(h for h in hits if Path(h.path) == gone))
    assert win.doc.source.path == shown and win.error_box is None
    assert {Path(h.path).name for h in win.search.hits} == {sample_pages()[1].name}
    assert win.search.summary.text() == (
        f"{gone.name} is no longer there (moved or deleted): it has left the library."
    )
    assert [r[0] for r in win.library.page_rows()] == [sample_pages()[1].name]


def indexed_library(make_window, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window on the second sample page, and a folder of both sample pages added to
    its library and indexed."""
    folder = tmp_path / "paper"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)
    win = make_window(sample_pages()[1])
    with qtbot.waitSignal(win.library_indexed, timeout=60000):
        win.add_folder(str(folder))
    return win, folder


def test_a_double_click_on_a_hit_whose_page_is_gone_opens_no_other(
    make_window, qtbot, tmp_path
) -> None:
    """A click opens a hit, so a double click opened it twice: the first click took a
    gone page's hit out of the results, and the second opened the hit shifted under the
    mouse, another page."""
    win, _folder = indexed_library(make_window, qtbot, tmp_path)
    with qtbot.waitSignal(win.librarian.listed, timeout=20000):
        pass
    win.search.query.setText("国有企业")
    with qtbot.waitSignal(win.search_done, timeout=20000):
        win.search.query.returnPressed.emit()
    results = win.search.results
    first = win.search.model.index(0).data(HIT_ROLE)
    assert any(Path(h.path) != Path(first.path) for h in win.search.hits)
    Path(first.path).unlink()
    shown = win.doc.source.path
    opened: list[str] = []
    win.loader.started.connect(opened.append)
    point = results.visualRect(win.search.model.index(0)).center()
    with qtbot.waitSignal(win.librarian.listed, timeout=20000):
        # As the mouse does it: a click (press, release), then the second press read as
        # a double click, and its release.
        qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseDClick(results.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseRelease(results.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == [] and win.doc.source.path == shown
    assert "is no longer there" in win.search.summary.text()


def test_one_page_indexed_is_said_in_the_singular(make_window, qtbot, tmp_path) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    shutil.copy(sample_pages()[0], folder / sample_pages()[0].name)
    win = make_window(sample_pages()[1])
    with qtbot.waitSignal(win.library_indexed, timeout=60000):
        win.add_folder(str(folder))
    assert win.library.status.text() == "1 page indexed."


def test_a_click_opens_a_hit_once_where_the_desktop_activates_on_a_single_click(
    qtbot,
) -> None:
    """Some desktops activate an item on a single click: the release then says clicked
    and activated both, and the hit was opened twice."""
    from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

    from reader.store.library import Hit
    from reader.ui.library import SearchDock

    class SingleClick(QProxyStyle):
        def styleHint(self, hint, option=None, widget=None, returned=None):  # type: ignore[no-untyped-def]
            if hint == QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick:
                return 1
            return super().styleHint(hint, option, widget, returned)

    search = SearchDock()
    qtbot.addWidget(search)
    style = SingleClick("Fusion")
    search.results.setStyle(style)
    hits = [Hit(f"/p{n}.txt", 0, f"标题{n}", "…", 1.0, ("标题",)) for n in range(3)]
    search.show_hits(hits)
    search.resize(400, 600)
    search.show()
    qtbot.waitExposed(search)
    opened: list[str] = []
    search.hit_activated.connect(lambda hit: opened.append(hit.path))
    point = search.results.visualRect(search.model.index(1)).center()
    qtbot.mouseClick(search.results.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == ["/p1.txt"]
    # Enter (a later event than the click) opens the current hit, as ever.
    QApplication.processEvents()
    search.results.setCurrentIndex(search.model.index(2))
    search.results.setFocus()
    qtbot.keyClick(search.results, Qt.Key.Key_Return)
    assert opened == ["/p1.txt", "/p2.txt"]


@pytest.mark.parametrize("case", ["sample", "real"])
def test_a_hit_in_the_pages_last_article_is_the_match_shown(make_window, qtbot, case) -> None:
    """The page's last article cannot come to the top of the view: the view stops with the
    end of the article above in it. The match shown for a search hit there is the hit
    article's first, not a match of the same words in the article above (real page 13:
    阶级革命 in its last article's subtitle, and in the article above)."""
    from reader.store.library import Hit
    from tests import ocrformats as formats

    if case == "real":
        page = formats.REAL_PAGES / "13_dahuizhuankan_19670610_p1.json"
        if not page.is_file():
            pytest.skip(f"the real OCR pages are not in {formats.REAL_PAGES}")
        win = make_window(page)
        terms: tuple[str, ...] = ("阶级革命",)
    else:
        win = make_window()
        win.resize(1200, 1600)
        terms = ("上好学", "未来")  # the last article's title, and a word of both
    last = len(win.doc.articles) - 1
    above = "".join(b.text for b in win.doc.articles[last - 1].all_blocks())
    assert terms[-1] in above
    hit = Hit(win.doc.source.path, last, "", "", 1.0, terms)
    for _ in range(2):  # and again, the words unchanged
        win.open_hit(hit)
        qtbot.waitUntil(lambda: not win.body.counting(), timeout=5000)
        start = win.body.position_of(last, -1)
        assert start is not None
        assert win.body.textCursor().selectionStart() >= start
        assert win.body.current_place()[0] == last
        win.body.verticalScrollBar().setValue(0)


def test_a_page_annotated_shows_its_mark_in_the_library_at_once(
    make_window, qtbot, tmp_path
) -> None:
    """The ✎ of an annotated page comes with its first annotation and goes with its last,
    not at the next start."""
    folder = tmp_path / "paper"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)
    win = make_window(folder / sample_pages()[0].name)
    with qtbot.waitSignal(win.librarian.listed, timeout=60000):
        win.add_folder(str(folder))
    qtbot.waitUntil(lambda: len(win.library.page_rows()) == 2, timeout=20000)

    def marked() -> list[bool]:
        return [row[0].endswith("✎") for row in win.library.page_rows()]

    assert marked() == [False, False]
    start = win.body.clean.text.index("各地各行业向新而行")
    win.body.select_range(start, start + 9)
    ann = win.annotate_selection("highlight")
    assert ann is not None
    qtbot.waitUntil(lambda: marked() == [True, False], timeout=5000)
    win.annotator.delete([ann.id])
    qtbot.waitUntil(lambda: marked() == [False, False], timeout=5000)
