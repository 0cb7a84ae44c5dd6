"""The window's lists and trees are sound item models (pytest-qt's qtmodeltester), filled
with what a reader would put in them."""

from __future__ import annotations

import shutil

from reader.bundled import sample_pages


def test_the_annotation_list_is_a_sound_model(make_window, qtmodeltester) -> None:
    win = make_window()
    for quote, note in (("战略性新兴产业", ""), ("各地各行业向新而行", "备注")):
        start = win.body.clean.text.index(quote)
        win.body.select_range(start, start + len(quote))
        win.annotations.create((start, start + len(quote)), {"note": note})
    assert win.notes.model.rowCount() == 2
    qtmodeltester.check(win.notes.model)
    qtmodeltester.check(win.notes.view.model())  # with the dock's filter over it


def test_the_outline_is_a_sound_model(make_window, qtmodeltester) -> None:
    win = make_window()
    assert win.outline.model.rowCount() == len(win.doc.articles)
    qtmodeltester.check(win.outline.model)
    win.outline.filter.setText("产业")
    qtmodeltester.check(win.outline.proxy)


def test_the_corrections_list_is_a_sound_model(make_window, qtmodeltester) -> None:
    win = make_window()
    win.correct("merge_article", 3, 0)
    win.correct("kind", 1, 1, kind="heading", level=2)
    assert win.corrections.model.rowCount() == 2
    qtmodeltester.check(win.corrections.model)


def test_the_library_is_a_sound_model(make_window, qtbot, qtmodeltester, tmp_path) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)
    win = make_window()
    with qtbot.waitSignal(win.library_indexed, timeout=60000):
        win.add_folder(str(folder))
    with qtbot.waitSignal(win.librarian.listed, timeout=20000):
        pass
    model = win.library.tree.model()
    assert model is win.library.model and model.rowCount() == 1
    assert model.page_count() == len(sample_pages())
    qtmodeltester.check(model, force_py=True)
