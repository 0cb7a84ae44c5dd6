"""The outline dock on a long page."""

from __future__ import annotations

from reader.bundled import sample_pages
from reader.core.document import load
from reader.ui import outline
from reader.ui.outline import OutlineDock


def test_a_long_outline_opens_on_its_articles_and_opens_to_the_entry_read(
    qtbot, monkeypatch
) -> None:
    doc = load(str(sample_pages()[1]))
    entries = sum(1 + len(a.outline) for a in doc.articles)
    dock = OutlineDock()
    qtbot.addWidget(dock)
    dock.show()
    dock.set_document(doc)
    tops = [dock.proxy.index(r, 0) for r in range(dock.proxy.rowCount())]
    assert all(dock.tree.isExpanded(i) for i in tops if dock.proxy.hasChildren(i))
    # Past the limit, nothing is expanded when the page opens...
    monkeypatch.setattr(outline, "EXPAND_ALL_LIMIT", entries - 1)
    dock.set_document(doc)
    tops = [dock.proxy.index(r, 0) for r in range(dock.proxy.rowCount())]
    assert not any(dock.tree.isExpanded(i) for i in tops)
    # ...and the entry being read is opened to.
    ai = next(k for k, a in enumerate(doc.articles) if a.outline)
    entry = doc.articles[ai].outline[-1]
    dock.select(ai, entry.block, doc)
    current = dock.tree.currentIndex()
    assert current.isValid() and current.data() == entry.text
    parent = current.parent()
    while parent.isValid():
        assert dock.tree.isExpanded(parent)
        parent = parent.parent()


def test_the_entry_being_read_stays_in_view_when_the_panel_is_made_smaller(qtbot) -> None:
    """The last article's entry is the current one; the panel is made much shorter (a
    smaller window) or hidden and shown again: the entry is scrolled back into view."""
    doc = load(str(sample_pages()[0]))
    dock = OutlineDock()
    qtbot.addWidget(dock)
    dock.resize(300, 900)
    dock.show()
    dock.set_document(doc)
    last = len(doc.articles) - 1
    block = doc.articles[last].outline[-1].block if doc.articles[last].outline else -1
    dock.select(last, block, doc)
    current = dock.tree.currentIndex()
    assert current.isValid()
    dock.tree.scrollToTop()

    def seen() -> bool:
        rect = dock.tree.visualRect(dock.tree.currentIndex())
        return dock.tree.viewport().rect().contains(rect)

    dock.resize(300, 160)
    qtbot.waitUntil(lambda: dock.tree.viewport().height() < 150)
    qtbot.waitUntil(seen)
    dock.tree.scrollToTop()
    dock.hide()
    dock.show()
    qtbot.waitUntil(seen)


def test_the_entry_for_a_place_is_the_last_heading_at_or_before_it(qtbot) -> None:
    """Every block of the sample pages maps to the heading it falls under: the article's
    own entry before its first heading, else the last heading at or before the block,
    however deep (as the article's outline lists them)."""
    from reader.ui.outline import OutlineModel

    for page in sample_pages():
        doc = load(page)
        model = OutlineModel()
        model.set_document(doc)
        checked = 0
        for ai, art in enumerate(doc.articles):
            for k in range(-1, len(art.blocks)):
                before = [e for e in art.outline if e.block <= k]
                expected = before[-1].text if before else art.label()
                index = model.index_for(ai, k, doc)
                assert index.isValid() and index.data() == expected, (ai, k)
                checked += bool(before)
        assert checked > 10
    assert not OutlineModel().index_for(0, 0, doc).isValid()  # no page shown
