"""Tokens cut once per article: copies of a page and the unchanged articles of a page read
again take their tokens from the index; a new segmenter, version or user word makes the
index outdated and nothing cut the old way is reused."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.bundled import sample_pages
from reader.core import words
from reader.core.document import load
from reader.store.library import Library


@pytest.fixture
def cuts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the segmenter is asked to cut (indexing in this process: workers=1)."""
    seen: list[str] = []
    real = words.search_tokens

    def counting(text: str) -> str:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(words, "search_tokens", counting)
    return seen


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sample_pages():
        shutil.copy(page, folder / page.name)
    lib = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    lib.add_folder(folder)
    yield lib
    lib.close()


def articles() -> int:
    return sum(len(load(p).articles) for p in sample_pages())


def tokens(lib: Library) -> dict[tuple[str, int], tuple[str, str]]:
    rows = lib.db.execute(
        "SELECT d.path, a.article, i.title, i.body FROM library_articles a "
        "JOIN library_documents d ON d.path = a.path JOIN library_index i ON i.rowid = a.id"
    )
    return {(Path(p).parent.name, Path(p).name, k): (t, b) for p, k, t, b in rows}


def test_a_copy_of_a_page_is_not_cut_again(library: Library, tmp_path: Path, cuts: list[str]):
    first = library.index(workers=1)
    assert (first.cut, first.reused) == (articles(), 0)
    assert len(cuts) == 2 * articles()  # a title and a body each
    before = tokens(library)
    copies = tmp_path / "copies"
    shutil.copytree(tmp_path / "pages", copies)
    cuts.clear()
    report = library.index([library.add_folder(copies)], workers=1)
    assert (report.indexed, report.cut, report.reused) == (2, 0, articles())
    assert cuts == []
    # The copies hold the same tokens, and a search finds both.
    after = tokens(library)
    assert len(after) == 2 * len(before)
    assert all(after[("copies", *key[1:])] == value for key, value in before.items())
    assert sorted(Path(h.path).parent.name for h in library.search("新质生产力")) == [
        "copies",
        "pages",
    ]


def test_a_page_read_again_cuts_only_the_article_that_changed(
    library: Library, tmp_path: Path, cuts: list[str]
) -> None:
    library.index(workers=1)
    page = tmp_path / "pages" / sample_pages()[0].name
    text = page.read_text(encoding="utf-8")
    changed = text.replace("新质生产力", "新质生产能力", 1)
    assert changed != text
    page.write_text(changed, encoding="utf-8")
    cuts.clear()
    report = library.index(workers=1)
    assert report.indexed == 1
    assert report.cut == 1 and report.reused == len(load(page).articles) - 1
    assert len(cuts) == 2 and any("新质生产能力" in c for c in cuts)
    assert [h.article for h in library.search("新质生产能力")] == [2]


def test_line_ends_changed_cost_no_cutting(library: Library, tmp_path: Path, cuts: list[str]):
    library.index(workers=1)
    for page in (tmp_path / "pages").iterdir():
        page.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
    cuts.clear()
    report = library.index(workers=1)
    assert (report.indexed, report.cut, report.reused) == (2, 0, articles())


def test_a_new_segmenter_or_user_word_outdates_the_index_and_its_tokens(
    library: Library, tmp_path: Path, cuts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    library.index(workers=1)
    assert library.outdated() == []
    # A new version of the segmenter (or another one): every page is outdated, and none
    # of its articles' tokens is reused.
    monkeypatch.setattr(words, "segmenter_signature", lambda: "rjieba 9.9 jieba 0.42.1 words x")
    fresh = Library(library.store.path, tmp_path / "cache", tmp_path / "userdict.txt")
    try:
        assert fresh.outdated() == library.folders() and fresh.outdated_pages() == 2
        cuts.clear()
        report = fresh.index(workers=1)
        assert (report.outdated, report.cut, report.reused) == (2, articles(), 0)
        assert len(cuts) == 2 * articles()
        assert fresh.outdated() == []
    finally:
        fresh.close()
    monkeypatch.undo()
    # A word of the user's changes how pages are cut: outdated too.
    (tmp_path / "userdict.txt").write_text("吉晓琴\n", encoding="utf-8")
    worded = Library(library.store.path, tmp_path / "cache", tmp_path / "userdict.txt")
    try:
        assert worded.outdated() == library.folders()
        report = worded.index(workers=1)
        assert (report.outdated, report.reused) == (2, 0)
        assert [Path(h.path).name[:3] for h in worded.search("吉晓琴")] == ["004"]
    finally:
        worded.close()


def test_worker_processes_reuse_tokens_too(library: Library, tmp_path: Path) -> None:
    library.index(workers=2)
    copies = tmp_path / "copies"
    shutil.copytree(tmp_path / "pages", copies)
    report = library.index([library.add_folder(copies)], workers=2)
    assert (report.indexed, report.cut, report.reused) == (2, 0, articles())
