"""File → Export, clean copying and copying with a citation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.bundled import sample_pages
from reader.core.document import load
from reader.core.publish import Options
from tests.ui.test_annotations import select_quote


def open_dialog(win, qtbot):  # type: ignore[no-untyped-def]
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win.body, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = win.export_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_preview_follows_the_choices(make_window, qtbot) -> None:
    win = make_window()
    win.body.scroll_to(2, -1)
    dialog = open_dialog(win, qtbot)
    dialog.scope.setCurrentIndex(dialog.scope.findData("article"))
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.update_preview()
    text = dialog.preview_text.toPlainText()
    assert text.startswith("# 科技创新引领产业创新浪潮") and "*□ 新华社记者" in text
    dialog.bylines.setChecked(False)
    dialog.update_preview()
    assert "新华社记者" not in dialog.preview_text.toPlainText()
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    dialog.update_preview()
    assert dialog.preview.currentWidget() is dialog.preview_html
    assert "一“丝”成链酿新机" in dialog.preview_html.toPlainText()
    # JSON is previewed indented, a key a line, though the file is written compact.
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.update_preview()
    preview = dialog.preview_text.toPlainText()
    assert preview.startswith("{\n") and '\n  "schema": ' in preview


def test_chosen_articles_and_remembered_choices(make_window, qtbot, tmp_path) -> None:
    win = make_window()
    dialog = open_dialog(win, qtbot)
    dialog.scope.setCurrentIndex(dialog.scope.findData("articles"))
    for k in range(dialog.articles.count()):
        state = Qt.CheckState.Checked if k in (1, 3) else Qt.CheckState.Unchecked
        dialog.articles.item(k).setCheckState(state)
    assert dialog.chosen_articles() == [1, 3]
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("gb18030"))
    dialog.newline.setCurrentIndex(dialog.newline.findData("CRLF"))
    out = tmp_path / "two.txt"
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_to(out)
    text = out.read_bytes().decode("gb18030")
    assert text.startswith(win.doc.articles[1].label()[:8]) and "\r\n" in text
    assert win.doc.articles[0].blocks[0].text not in text
    dialog.reject()
    saved = json.loads(win.settings.get("export_choices"))
    assert saved["encoding"] == "gb18030" and saved["scope"] == "articles"
    again = open_dialog(win, qtbot)
    assert again.options() == Options.from_dict(saved)
    again.reject()


def test_html_export_with_highlights(make_window, qtbot, tmp_path) -> None:
    win = make_window()
    win.annotations.create(select_quote(win, "战略性新兴产业"), {"colour": "blue", "note": "重点"})
    dialog = open_dialog(win, qtbot)
    dialog.scope.setCurrentIndex(dialog.scope.findData("page"))
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    dialog.with_notes.setChecked(True)
    out = tmp_path / "page.html"
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_to(out)
    html = out.read_text("utf-8")
    assert '<mark class="blue" title="重点">战略性新兴产业</mark>' in html
    dialog.reject()


@pytest.mark.parametrize(
    ("typed", "chosen", "written", "fmt"),
    [
        ("page.html", "epub", "page.html", "html"),  # the ending names the format
        ("page", "md", "page.md", "md"),  # no ending: the chosen format's
        ("page.dat", "json", "page.dat", "json"),  # an ending of no format: kept
        ("page.jsonl", "md", "page.jsonl", "md"),  # a format the dialog does not offer
    ],
)
def test_the_name_typed_and_the_format_agree(
    make_window, qtbot, tmp_path, monkeypatch, typed, chosen, written, fmt
) -> None:
    """A name typed in the save dialog that ends in a format's extension exports that
    format, not the one chosen before (EPUB bytes in page.html); a name without one gets
    the chosen format's."""
    win = make_window()
    dialog = open_dialog(win, qtbot)
    dialog.scope.setCurrentIndex(dialog.scope.findData("page"))
    dialog.format.setCurrentIndex(dialog.format.findData(chosen))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / typed), "")
    )
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.choose_and_export()
    assert dialog.format.currentData() == fmt
    data = (tmp_path / written).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [written]
    assert dialog.format.currentIndex() >= 0
    if fmt == "md":
        assert b"\n# " in data and not data.startswith((b"<", b"{", b"PK"))
    else:
        assert data.lstrip().startswith({"html": b"<!DOCTYPE html", "json": b"{"}[fmt])
    dialog.reject()


def test_an_extension_added_to_the_name_typed_asks_before_replacing(
    make_window, qtbot, tmp_path, monkeypatch
) -> None:
    """The save dialog asked about `page`, not `page.md`: where the extension added names
    a file that is there, the reader is asked, and a No leaves the file as it was."""
    from PySide6.QtWidgets import QMessageBox

    mine = tmp_path / "page.md"
    mine.write_text("MY OWN NOTES", encoding="utf-8")
    win = make_window()
    dialog = open_dialog(win, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "page"), "")
    )
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.choose_and_export()
    assert asked and "page.md" in asked[0]
    assert dialog.job is None or not dialog.progress.isVisible()
    assert mine.read_text(encoding="utf-8") == "MY OWN NOTES"
    dialog.reject()


def test_json_keeps_page_furniture_as_from_the_command_line(make_window, qtbot, tmp_path) -> None:
    """JSON is the whole document, page furniture and all, as `ocr-reader export -f json`
    writes it; text leaves furniture out. The box follows the format, and a choice made
    for one kind of output is kept for it."""
    win = make_window()  # page 000: its running foot is page furniture
    dialog = open_dialog(win, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    assert not dialog.furniture.isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.furniture.isChecked()
    dialog.scope.setCurrentIndex(dialog.scope.findData("page"))
    out = tmp_path / "page.json"
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_to(out)
    kinds = {b["kind"] for a in json.loads(out.read_text("utf-8"))["articles"] for b in a["blocks"]}
    assert "noise" in kinds
    dialog.furniture.setChecked(False)  # the reader's own choice for JSON
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert not dialog.furniture.isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    assert not dialog.furniture.isChecked()
    dialog.reject()


def test_several_pages_into_one_epub(make_window, qtbot, tmp_path, monkeypatch) -> None:
    win = make_window()
    other = str(sample_pages()[1])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([other], ""))
    dialog = open_dialog(win, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("epub"))
    dialog.scope.setCurrentIndex(dialog.scope.findData("pages"))
    assert dialog.extra_pages == [other]
    out = tmp_path / "book.epub"
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_to(out)
    from tests.core.test_publish import epub_navigation

    tops = [t for depth, t, _h in epub_navigation(out.read_bytes()) if depth == 0]
    assert tops == [Path(win.doc.source.path).name, Path(other).name]
    dialog.reject()


def test_a_cancelled_export_leaves_no_file(make_window, qtbot, tmp_path, monkeypatch) -> None:
    win = make_window()
    pages = [str(p) for p in sample_pages()] * 20
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (pages, ""))
    dialog = open_dialog(win, qtbot)
    dialog.scope.setCurrentIndex(dialog.scope.findData("pages"))
    out = tmp_path / "many.html"
    with qtbot.waitSignal(dialog.export_failed, timeout=30000) as failed:
        dialog.export_to(out)
        assert dialog.cancel_button.isVisible()
        dialog.cancel_button.click()  # while the pages are still being read
    assert failed.args == [""]
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert "cancelled" in dialog.status.text()
    dialog.reject()


def test_copy_gives_clean_text_and_citation(make_window, qtbot) -> None:
    win = make_window()
    start = win.body.clean.text.index("各地各行业向新而行")
    end = win.body.clean.text.index("一“丝”成链酿新机") + len("一“丝”成链酿新机")
    win.body.select_range(start, end)
    qtbot.keyClick(win.body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert copied.endswith("动能。\n\n一“丝”成链酿新机")
    assert "\u2029" not in copied and "\n" not in copied.split("\n\n")[0]
    win.settings.set("citation_template", "{quote}（{title}，{file}）")
    cited = win.copy_citation()
    assert cited == QApplication.clipboard().text()
    assert cited.endswith(f"（科技创新引领产业创新浪潮，{Path(win.doc.source.path).name}）")


def test_export_the_library_and_the_search_results(make_window, qtbot, tmp_path) -> None:
    import shutil

    folder = tmp_path / "paper"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)
    win = make_window()
    with qtbot.waitSignal(win.library_indexed, timeout=60000):
        win.add_folder(str(folder))
    with qtbot.waitSignal(win.search_done, timeout=20000):
        win.search_library("思想政治工作 -国企")
    results = [(Path(h.path).name, h.article) for h in win.search.hits]
    assert results

    dialog = open_dialog(win, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.scope.setCurrentIndex(dialog.scope.findData("library"))
    out = tmp_path / "library.json"
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export_to(out)
    data = json.loads(out.read_text("utf-8"))
    assert [Path(d["source"]["path"]).name for d in data["documents"]] == [
        p.name for p in sample_pages()
    ]

    dialog.scope.setCurrentIndex(dialog.scope.findData("results"))
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    out = tmp_path / "results.md"
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export_to(out)
    text = out.read_text("utf-8")
    for name, article in results:
        doc = next(load(p) for p in sample_pages() if p.name == name)
        assert doc.articles[article].all_blocks()[-1].text in text
    assert "国企" not in text  # only the articles without 国企
    dialog.reject()


def test_an_export_into_a_library_folder_is_no_page_of_the_library(
    make_window, qtbot, tmp_path
) -> None:
    """The save dialog offers the page's own folder, a library folder: the export written
    there is listed as an output, as the command line's are, so that updating the library
    does not index it as one more page (its articles found twice by every search)."""
    import shutil

    folder = tmp_path / "paper"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)
    win = make_window(folder / sample_pages()[0].name)
    with qtbot.waitSignal(win.library_indexed, timeout=60000):
        win.add_folder(str(folder))
    dialog = open_dialog(win, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    out = dialog.suggested_path()
    assert out.parent == folder
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_to(out)
    dialog.reject()
    with qtbot.waitSignal(win.library_indexed, timeout=60000) as indexed:
        win.librarian.index_library(None)
    assert indexed.args[0].indexed == 0
    assert sorted(Path(p).name for p in win.librarian.library_pages()) == sorted(
        p.name for p in sample_pages()
    )


def test_the_dialog_never_writes_onto_the_page(make_window, qtbot, tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(sample_pages()[0].read_bytes())
    before = page.read_bytes()
    win = make_window(page)
    dialog = open_dialog(win, qtbot)
    dialog.scope.setCurrentIndex(dialog.scope.findData("page"))
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    suggested = dialog.suggested_path()
    assert suggested.parent == tmp_path and suggested.name == "page.clean.txt"
    # Chosen by hand all the same, the page is refused and stays as it was.
    with qtbot.waitSignal(dialog.export_failed, timeout=30000) as failed:
        dialog.export_to(page)
    assert "one of the pages being read" in failed.args[0]
    assert page.read_bytes() == before


def test_the_save_dialog_offers_each_format_and_the_type_chosen_there_is_exported(
    make_window, qtbot, tmp_path, monkeypatch
) -> None:
    """The save dialog lists each format by its extensions, the format chosen in the
    export box selected; a name typed without an extension takes the type chosen in the
    save dialog's list."""
    win = make_window()
    dialog = open_dialog(win, qtbot)
    dialog.scope.setCurrentIndex(dialog.scope.findData("page"))
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    asked: list[tuple[str, str]] = []

    def save(_parent, _title, _start, filters, selected, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append((filters, selected))
        markdown = next(f for f in filters.split(";;") if "*.md" in f)
        return str(tmp_path / "page"), markdown

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.choose_and_export()
    filters, selected = asked[0]
    assert [f[f.index("(") :] for f in filters.split(";;")] == [
        "(*.txt)",
        "(*.md *.markdown)",
        "(*.html *.htm)",
        "(*.epub)",
        "(*.json)",
        "(*)",
    ]
    assert selected.endswith("(*.txt)")
    assert dialog.format.currentData() == "md"
    assert "\n# " in (tmp_path / "page.md").read_text("utf-8")
    dialog.reject()


def test_highlights_and_notes_are_off_and_say_why_where_they_cannot_go(make_window, qtbot) -> None:
    """On a page without annotations the box is off and greyed, and says why; on a page
    with some it is off for plain text only, and the reader's choice comes back with a
    format that carries them, and is what is remembered."""
    win = make_window()
    dialog = open_dialog(win, qtbot)
    box = dialog.with_notes
    assert not box.isEnabled() and not box.isChecked()
    assert "no highlights" in box.toolTip()
    dialog.reject()
    win.annotations.create(select_quote(win, "战略性新兴产业"), {"colour": "blue"})
    dialog = open_dialog(win, qtbot)
    box = dialog.with_notes
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    box.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    assert not box.isEnabled() and not box.isChecked() and "Plain text" in box.toolTip()
    assert dialog.choices()["annotations"] is True
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert box.isEnabled() and box.isChecked() and box.toolTip() == ""
    dialog.reject()


def test_the_window_and_the_export_dialog_open_no_larger_than_the_screen(
    make_window, qtbot
) -> None:
    """At 1024 x 640 the export dialog (1000 x 680) put its Export and Close buttons
    below the screen's edge, and the window opened at 1280 x 820 on a first start. Both
    now open within the screen's free area (the test screen's is 800 x 800)."""
    from reader.ui.settings import Settings
    from reader.ui.window import MainWindow

    fresh = MainWindow(Settings())
    qtbot.addWidget(fresh)
    free = fresh.screen().availableGeometry()
    assert fresh.width() <= free.width() and fresh.height() <= free.height()
    dialog = open_dialog(make_window(), qtbot)
    assert dialog.width() <= free.width() and dialog.height() <= free.height()


def test_the_html_previews_contents_are_not_numbered(make_window, qtbot) -> None:
    """The written page's contents list has no numbers (its headings carry their own: 一、
    （一）); the preview numbered every entry again, 1. 一、…, as Qt's rich text drops the
    <nav> the stylesheet's rule is written for."""
    from PySide6.QtGui import QTextListFormat

    win = make_window(sample_pages()[1])
    dialog = open_dialog(win, qtbot)
    for name in ("html", "epub"):
        dialog.format.setCurrentIndex(dialog.format.findData(name))
        dialog.update_preview()
        styles = set()
        block = dialog.preview_html.document().begin()
        while block.isValid():
            if block.textList() is not None:
                styles.add(block.textList().format().style())
            block = block.next()
        assert styles == {QTextListFormat.Style.ListStyleUndefined}, name
    dialog.reject()


def test_the_html_preview_shows_highlights_in_their_colours(make_window, qtbot) -> None:
    """Qt's rich text knows no <mark>: a highlight was not shown in the web page's and
    the book's preview; it is shown with the shade the written page gives it."""
    from PySide6.QtGui import QColor

    from reader.core.annotations import SHADES

    win = make_window()
    win.annotations.create(select_quote(win, "各地各行业向新而行"), {"colour": "green"})
    dialog = open_dialog(win, qtbot)
    for name in ("html", "epub"):
        dialog.format.setCurrentIndex(dialog.format.findData(name))
        dialog.with_notes.setChecked(True)
        dialog.update_preview()
        document = dialog.preview_html.document()
        at = document.toPlainText().index("各地各行业向新而行")
        block = document.findBlock(at)
        shades = {
            it.fragment().charFormat().background().color().name()
            for it in _fragments(block)
            if "各地各行业" in it.fragment().text()
        }
        assert QColor(SHADES["green"][0]).name() in shades, name
    dialog.reject()


def _fragments(block):  # type: ignore[no-untyped-def]
    it = block.begin()
    while not it.atEnd():
        yield it
        it += 1


def test_after_an_export_the_other_save_dialogs_open_where_it_went(
    make_window, qtbot, tmp_path, monkeypatch
) -> None:
    """A page exported into a folder through File → Export, then Annotate → Export
    Annotations opened in the home folder: the folder last saved to is the export's."""
    win = make_window()
    dialog = open_dialog(win, qtbot)
    out = tmp_path / "exports" / "page.txt"
    out.parent.mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_to(out)
    dialog.reject()
    asked: list[str] = []

    def save(_parent, _title, start, _filters, *_selected):  # type: ignore[no-untyped-def]
        asked.append(start)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    win.actions_by_key["export_annotations"].trigger()
    assert asked and Path(asked[0]).parent == out.parent
