"""Counts that say what they count: find in page and library search."""

from __future__ import annotations

from reader.bundled import sample_pages
from reader.ui import body as body_module
from reader.ui import library as library_module
from tests.ui.test_library import indexed_library


def test_find_counts_every_match_beyond_five_thousand(make_window, qtbot, tmp_path, monkeypatch):
    # Small slices, so a page of a few hundred thousand characters is counted in several.
    monkeypatch.setattr(body_module, "FIND_SLICE", 20_000)
    page = tmp_path / "long.txt"
    page.write_text("\n\n".join([sample_pages()[0].read_text(encoding="utf-8")] * 25), "utf-8")
    win = make_window(page)
    expected = win.body.toPlainText().count("，")
    assert expected > 5000
    reports: list[tuple[int, int, bool]] = []
    win.body.find_changed.connect(lambda current, total, counting: reports.append(
        (current, total, counting)))  # fmt: skip
    win.actions_by_key["find"].trigger()
    win.findbar.edit.setText("，")
    # The first slice is counted at once and the count is shown as not yet complete.
    assert reports and reports[0][2] is True
    assert win.findbar.count.text().endswith("+")
    qtbot.waitUntil(lambda: not reports[-1][2], timeout=30000)
    current, total, _ = reports[-1]
    assert total == expected == win.body.match_count()
    assert win.findbar.count.text() == f"{current:,} of {expected:,}"
    # Only the matches around the view are drawn, not all of them.
    assert 0 < len(win.body.extraSelections()) < expected
    # Stepping back from the first match reaches the last of them all.
    win.body.find_step(-current)
    assert win.findbar.count.text() == f"{expected:,} of {expected:,}"


def test_search_results_page_on_with_show_more(make_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(library_module, "SEARCH_PAGE", 2)
    win, _folder = indexed_library(make_window, qtbot, tmp_path)
    with win.librarian.opened() as library:
        everything = library.search("发展", limit=1000)
    assert len(everything) > 4
    win.show_search()
    win.search.query.setText("发展")
    with qtbot.waitSignal(win.search_done, timeout=20000) as found:
        win.search.query.returnPressed.emit()
    assert [(h.path, h.article) for h in found.args[0]] == [
        (h.path, h.article) for h in everything[:2]
    ]
    assert win.search.more_button.isVisible()
    assert "there are more" in win.search.summary.text()
    while win.search.more_button.isVisible():
        with qtbot.waitSignal(win.search_done, timeout=20000):
            win.search.more_button.click()
    assert [(h.path, h.article) for h in win.search.hits] == [
        (h.path, h.article) for h in everything
    ]
    assert win.search.summary.text() == f"Articles found: {len(everything)}"


def test_the_status_bar_writes_every_count_alike(qtbot) -> None:
    """A page of 34,557 articles: the summary wrote "34,557 articles" and the reader's
    place "Article 1 of 34557". Every count in the status bar is grouped alike."""
    from reader.core.document import load
    from reader.ui.status import PageSummary, PlaceIndicator

    summary, place = PageSummary(), PlaceIndicator()
    qtbot.addWidget(summary)
    qtbot.addWidget(place)
    stats = {"articles": 34557, "paragraphs": 123456, "characters": 9876543}
    summary.show_page(load(sample_pages()[0]), stats)
    place.show_place(1233, 34557, 4)
    assert "34,557 articles" in summary.text() and "123,456 paragraphs" in summary.text()
    assert place.text().startswith("Article 1,234 of 34,557")
