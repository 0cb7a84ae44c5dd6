"""A correction, an annotation or a theme change reaches every view through one signal, the
page session's `changed`: with it blocked, the session takes the change and no view shows
it; with it open, every view does."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reader.core.shown import page_as_shown
from reader.ui.session import Change, What
from reader.ui.themes import palette, theme
from reader.ui.window import MainWindow


def changes(win: MainWindow) -> list[Change]:
    seen: list[Change] = []
    win.session.changed.connect(seen.append)
    return seen


def select(win: MainWindow, quote: str) -> tuple[int, int]:
    assert win.body.clean is not None
    start = win.body.clean.text.index(quote)
    win.body.select_range(start, start + len(quote))
    return start, start + len(quote)


def test_a_correction_reaches_the_views_only_through_the_session(make_window) -> None:
    win = make_window()
    n = len(win.doc.articles)
    body_text = win.body.toPlainText()
    win.session.blockSignals(True)
    win.correct("merge_article", 3, 0)
    win.session.blockSignals(False)
    # The session has the corrected page; nothing else heard of it.
    assert len(win.session.doc.articles) == n - 1
    assert win.outline.model.rowCount() == n
    assert win.body.toPlainText() == body_text
    assert win.corrections.model.rowCount() == 0
    assert win.body.clean is not win.session.clean

    seen = changes(win)
    win.correct("merge_article", 2, 0)
    assert [c.what for c in seen] == [What.CORRECTED]
    assert len(win.session.doc.articles) == n - 2
    assert win.outline.model.rowCount() == n - 2
    assert win.corrections.model.rowCount() == 2
    assert win.body.clean is win.session.clean
    assert win.body.doc is win.session.doc
    assert str(n - 2) in win.status.text()  # "… n-2 articles …"


def test_a_correction_computes_the_page_as_shown_once_in_core(make_window, monkeypatch) -> None:
    import reader.ui.session as session_module

    win = make_window()
    calls: list[object] = []

    def counted(doc, annotations):
        calls.append(doc)
        return page_as_shown(doc, annotations)

    monkeypatch.setattr(session_module, "page_as_shown", counted)
    win.correct("join", 1, 1)
    assert calls == [win.doc]


def test_an_annotation_reaches_the_views_only_through_the_session(make_window) -> None:
    win = make_window()
    win.session.blockSignals(True)
    made = win.annotations.create(select(win, "战略性新兴产业"), {"colour": "green"})
    win.session.blockSignals(False)
    assert made is not None and made.id in win.annotator.placed
    assert win.body.highlights == []
    assert win.notes.model.rowCount() == 0

    seen = changes(win)
    other = win.annotations.create(select(win, "各地各行业向新而行"), {"colour": "blue"})
    assert other is not None
    assert [c.what for c in seen] == [What.ANNOTATED]
    assert {h.start for h in win.body.highlights} == {
        p.anchor.start for p in win.annotator.placed.values() if p.anchor
    }
    assert len(win.body.highlights) == 2
    assert win.notes.model.rowCount() == 2


def test_a_theme_change_reaches_the_views_only_through_the_session(make_window) -> None:
    win = make_window()
    win.set_theme("light")
    light, dark = theme("light"), theme("dark")
    win.session.blockSignals(True)
    win.set_theme("dark")
    win.session.blockSignals(False)
    assert win.settings.get("theme") == "dark"
    assert light.base in win.body.styleSheet() and dark.base not in win.body.styleSheet()
    assert win.notes.model.theme is light

    seen = changes(win)
    win.set_theme("dark")
    assert [c.what for c in seen] == [What.RESTYLED]
    assert dark.base in win.body.styleSheet()
    assert dark.base in win.source.styleSheet()
    assert win.notes.model.theme is dark
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The outline and the other docks are drawn in the application's palette.
    assert app.palette().base().color() == palette(dark).base().color()
    win.set_theme("light")
