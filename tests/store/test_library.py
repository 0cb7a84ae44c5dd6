"""The library: indexing folders incrementally and searching them."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

from reader.bundled import sample_pages
from reader.core import words
from reader.core.anchor import select
from reader.core.annotations import Annotation
from reader.core.document import load
from reader.store import library as library_module
from reader.store.db import Store
from reader.store.library import Library, Query


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages" / "2025"
    pages.mkdir(parents=True)
    for page in sample_pages():
        shutil.copy(page, pages / page.name)
    return tmp_path / "pages"


@pytest.fixture
def library(tmp_path: Path, folder: Path):
    lib = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    lib.add_folder(folder)
    report = lib.index(workers=1)
    assert (report.indexed, report.failed) == (2, 0)
    yield lib
    lib.close()


def names(hits) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(Path(h.path).name[:3], h.article) for h in hits]


def test_indexes_both_sample_pages(library: Library) -> None:
    docs = library.documents()
    assert [Path(d.path).name for d in docs] == [p.name for p in sample_pages()]
    assert [d.articles for d in docs] == [len(load(p).articles) for p in sample_pages()]
    assert [d.date for d in docs] == ["03-12", "03-31"]


def test_finds_a_term_only_in_the_article_that_has_it(library: Library) -> None:
    hits = library.search("新质生产力")
    holders = [
        (p.name[:3], k)
        for p in sample_pages()
        for k, a in enumerate(load(p).articles)
        if any("新质生产力" in b.text for b in a.all_blocks())
    ]
    assert names(hits) == holders == [("000", 2)]
    assert "<b>新质生产力</b>" in hits[0].snippet
    assert hits[0].title == "科技创新引领产业创新浪潮"


def test_several_terms_phrases_and_exclusions(library: Library) -> None:
    both = names(library.search("国有企业 企业文化"))
    assert both and all(
        "企业文化" in "".join(b.text for b in load_article(h).all_blocks()) for h in both
    )
    assert names(library.search('"思想政治工作"'))
    without = library.search("思想政治工作 -国企")
    assert without and all(
        "国企" not in "".join(b.text for b in load_article(h).all_blocks()) for h in names(without)
    )
    assert len(without) < len(library.search("思想政治工作"))
    with pytest.raises(ValueError, match="at least one"):
        library.search("-国企")


def load_article(hit: tuple[str, int]):  # type: ignore[no-untyped-def]
    page = next(p for p in sample_pages() if p.name.startswith(hit[0]))
    return load(page).articles[hit[1]]


def test_query_parsing() -> None:
    q = Query.parse('新质生产力 "科技 创新" -吕梁 -"山西 焦煤"  ')
    assert q.terms == ["新质生产力", "科技 创新"]
    assert q.excluded == ["吕梁", "山西 焦煤"]
    # An exclusion written with Chinese quotes or brackets stays one (it turned into a
    # word to find); “” and 「」 quote a phrase; a mark inside a Latin word stays.
    for typed in ("-“吕梁”", "-（吕梁）", "-—吕梁", "-「吕梁」"):
        assert (Query.parse(typed).terms, Query.parse(typed).excluded) == ([], ["吕梁"])
    assert Query.parse("「科技 创新」").terms == ["科技 创新"]
    assert Query.parse("don't 3.14 AT&T 国务院、人民").terms == [
        "don't", "3.14", "AT&T", "国务院", "人民"
    ]  # fmt: skip


def test_a_word_typed_many_times_is_asked_once(library: Library) -> None:
    """The index took a pass for every term: a word pasted a thousand times took seconds
    (the square of the count), for what the word once asks."""
    q = Query.parse("思想政治工作 " * 1000 + '"科技 创新" 思想政治工作 -吕梁 -吕梁 "科技 创新"')
    assert q.terms == ["思想政治工作", "科技 创新"] and q.excluded == ["吕梁"]
    once = library.search("思想政治工作")
    assert once and library.search("思想政治工作 " * 1000) == once


def test_reindexing_reads_only_what_changed(library: Library, folder: Path) -> None:
    changed, same = sorted((folder / "2025").iterdir())
    with changed.open("a", encoding="utf-8") as fh:
        fh.write("\n\n本报讯 量子通信试验网络今日开通。\n")
    report = library.index(workers=1)
    assert (report.indexed, report.unchanged) == (1, 1)
    assert names(library.search("量子通信"))[0][0] == changed.name[:3]
    os.utime(same, None)  # touched, not changed
    report = library.index(workers=1)
    assert (report.indexed, report.restamped, report.unchanged) == (0, 1, 1)


def test_a_removed_file_leaves_the_index_and_keeps_its_annotations(
    library: Library, folder: Path, tmp_path: Path
) -> None:
    page = folder / "2025" / sample_pages()[0].name
    fingerprint = load(page).source.fingerprint
    store = Store(tmp_path / "db.sqlite3")
    store.put(Annotation(fingerprint=fingerprint, selector=select("新质生产力", 0, 5)))
    page.unlink()
    report = library.index(workers=1)
    assert report.removed == 1
    assert library.search("新质生产力") == []
    assert [Path(d.path).name for d in library.documents()] == [sample_pages()[1].name]
    assert store.count(fingerprint) == 1
    store.close()


def test_indexing_in_worker_processes_gives_the_same_index(tmp_path: Path, folder: Path) -> None:
    lib = Library(tmp_path / "two.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    lib.add_folder(folder)
    report = lib.index(workers=2)
    assert report.indexed == 2
    assert names(lib.search("新质生产力")) == [("000", 2)]
    lib.close()


def test_user_words_are_used_for_search_and_selection(tmp_path: Path) -> None:
    words.configure(tmp_path / "cache", tmp_path / "userdict.txt")
    text = "记者吉晓琴报道"
    assert words.add_user_word("吉晓琴") is True
    assert words.add_user_word("吉晓琴") is False
    assert (tmp_path / "userdict.txt").read_text("utf-8").split() == ["吉晓琴"]
    assert words.word_at(text, 3) == (2, 5)
    assert "吉晓琴" in words.query_tokens("吉晓琴")


def test_jieba_keeps_its_cache_in_our_cache_folder() -> None:
    jieba = words.load()
    assert jieba.dt.tmp_dir is not None
    assert Path(jieba.dt.tmp_dir, words._SLICED_CACHE).is_file()


def test_ocr_output_in_a_folder_is_indexed_and_other_json_is_not(tmp_path: Path) -> None:
    """A folder of OCR output with boxes (here the archive's PaddleOCR JSON) is a
    library like any other; an annotation export beside it is no page."""
    import json

    boxes = [
        ("红卫兵小将热烈响应伟大号召", (100, 100, 620, 140)),
        ("奔赴农村生产第一线去。", (100, 150, 540, 190)),
    ]
    results = [
        {"text": text, "box": [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]}
        for text, (x0, y0, x1, y1) in boxes
    ]
    pages = tmp_path / "scans"
    pages.mkdir()
    page = {"ocr_results": results, "dimensions": {"width": 800, "height": 600}}
    (pages / "1968-12-22.json").write_text(json.dumps(page, ensure_ascii=False), "utf-8")
    (pages / "notes.json").write_text(json.dumps({"annotations": []}), "utf-8")
    lib = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    try:
        lib.add_folder(pages)
        report = lib.index(workers=1)
        assert (report.indexed, report.failed) == (1, 0)
        assert [Path(d.path).name for d in lib.documents()] == ["1968-12-22.json"]
        assert [Path(h.path).name for h in lib.search("农村")] == ["1968-12-22.json"]
        again = lib.index(workers=1)  # unchanged: not read again
        assert (again.indexed, again.unchanged) == (0, 1)
    finally:
        lib.close()


def test_counts_are_never_capped_by_the_candidates_weighed(tmp_path: Path) -> None:
    """The hits of a query may rank far down the index's candidates (here: an excluded
    word sits in the 450 best): every candidate is weighed until there are enough hits,
    so a search finds them all, and finding fewer than asked means there are no more."""
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(450):  # short, and the word twice: bm25 ranks these first
        (folder / f"a{k:03d}.txt").write_text(
            f"国务院部署农业工作\n\n国务院强调发展农业，第{k}次会议。\n", encoding="utf-8"
        )
    filler = "各地加快推进产业转型升级，推动经济社会高质量发展。" * 40
    for k in range(3):  # long, the word once, and no excluded word
        (folder / f"z{k}.txt").write_text(
            f"地方动态\n\n{filler}国务院日前印发通知。{filler}\n", encoding="utf-8"
        )
    lib = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    try:
        lib.add_folder(folder)
        assert lib.index(workers=1).indexed == 453
        ranked = [
            r[0]
            for r in lib.db.execute(
                "SELECT d.path FROM library_index i JOIN library_articles a ON a.id = i.rowid "
                "JOIN library_documents d ON d.path = a.path WHERE library_index MATCH '国务院' "
                "ORDER BY bm25(library_index, 4.0, 1.0)"
            )
        ]
        assert len(ranked) == 453 and {Path(p).name[0] for p in ranked[:450]} == {"a"}
        hits = lib.search("国务院 -发展农业", limit=50)  # two tokens: checked, not in the index
        assert sorted(Path(h.path).name for h in hits) == ["z0.txt", "z1.txt", "z2.txt"]
        assert len(lib.search("国务院 -发展农业", limit=2)) == 2
        assert len(lib.search("国务院 -农业", limit=50)) == 3  # one token: left out in the index
        assert len(lib.search("国务院", limit=1000)) == 453
    finally:
        lib.close()


def test_many_matches_are_ranked_in_slices_and_none_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over a library with more matches than are ranked together, matches are ranked best
    first within slices of the latest indexed: every match still comes, once, and each
    slice is in bm25 order. Below the slice size the ranking is the index's own, whole."""
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(70):  # the word a varying number of times in texts of varying length
        body = "国务院召开会议。" * (1 + k % 4) + "各地推进产业转型升级。" * (1 + k % 7)
        (folder / f"p{k:03d}.txt").write_text(f"要闻{k}\n\n{body}\n", encoding="utf-8")
    lib = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    try:
        lib.add_folder(folder)
        assert lib.index(workers=1).indexed == 70
        ids = {
            (path, article): rowid
            for rowid, path, article in lib.db.execute(
                "SELECT id, path, article FROM library_articles"
            )
        }
        whole = [
            r[0]
            for r in lib.db.execute(
                "SELECT rowid FROM library_index WHERE library_index MATCH '国务院' "
                "ORDER BY bm25(library_index, 4.0, 1.0)"
            )
        ]
        assert len(whole) == 70
        hits = lib.search("国务院", limit=1000)
        assert [ids[h.path, h.article] for h in hits] == whole

        monkeypatch.setattr(library_module, "RANKED", 16)
        hits = lib.search("国务院", limit=1000)
        got = [ids[h.path, h.article] for h in hits]
        assert sorted(got) == sorted(whole)  # all of them, each once
        slices = [hits[k : k + 16] for k in range(0, len(hits), 16)]
        assert [len(s) for s in slices] == [16, 16, 16, 16, 6]
        for newer, older in itertools.pairwise(slices):
            assert min(ids[h.path, h.article] for h in newer) > max(
                ids[h.path, h.article] for h in older
            )
        for piece in slices:
            scores = [h.score for h in piece]
            assert scores == sorted(scores, reverse=True)
        assert got != whole  # the slices are not the whole ranking, or this tests nothing
        # Asking for fewer gives the same first hits: Show More extends what is shown.
        assert lib.search("国务院", limit=21) == hits[:21]
    finally:
        lib.close()


def test_an_index_entry_without_its_article_is_passed_over(library: Library) -> None:
    """A library whose index holds an entry its articles table lost (a damaged or
    half-copied file) still answers, with the articles it has."""
    hits = library.search("国有企业", limit=1000)
    assert len(hits) >= 2
    gone = hits[0]
    with library.db:
        library.db.execute(
            "DELETE FROM library_articles WHERE path = ? AND article = ?",
            (gone.path, gone.article),
        )
    left = library.search("国有企业", limit=1000)
    assert [(h.path, h.article) for h in left] == [(h.path, h.article) for h in hits[1:]]


@pytest.mark.parametrize(
    "typed", ["新质生产力，", "“新质生产力”", "(新质生产力)", '"新质生产力', "新质生产力 ，"]
)
def test_punctuation_typed_with_a_word_is_no_part_of_it(library: Library, typed: str) -> None:
    """A word typed with a mark (新质生产力，, “新质生产力”, an unclosed ") finds what the
    word alone finds; a mark alone neither finds nor marks every comma printed."""
    hits = library.search(typed)
    assert names(hits) == names(library.search("新质生产力"))
    assert all("<b>，</b>" not in hit.snippet for hit in hits)


def test_only_a_page_deleted_from_a_folder_that_is_there_is_forgotten(
    library: Library, folder: Path
) -> None:
    """A page moved or deleted leaves the library when a search finds it gone; pages of
    a folder that is missing as a whole (a drive not mounted now) stay, and so does a
    page still there."""
    first, second = sorted(str(p) for p in (folder / "2025").iterdir())
    assert library.forget([first]) == 0  # still there
    os.unlink(first)
    assert library_module.gone(first) and library.forget([first]) == 1
    assert [d.path for d in library.documents()] == [second]
    shutil.move(str(folder / "2025"), str(folder.parent / "elsewhere"))
    assert not library_module.gone(second) and library.forget([second]) == 0
    assert [d.path for d in library.documents()] == [second]


def test_a_latin_words_hits_are_marked_where_it_is_a_word(tmp_path: Path) -> None:
    """ten found in "ten days" is marked there, not inside threatened or often, which
    came first; the snippet is centred on the word itself."""
    pages = tmp_path / "english"
    pages.mkdir()
    text = (
        "THE HARBOR TIEUP\n\n"
        "The strike that has been threatened for the last two weeks will often be put off.\n"
        "A meeting was held and it was agreed to wait ten days before anything is done.\n"
    )
    (pages / "page.txt").write_text(text, encoding="utf-8")
    library = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "user.txt")
    try:
        library.index([library.add_folder(pages)])
        hits = library.search("ten")
        assert len(hits) == 1
        assert "<b>ten</b> days" in hits[0].snippet
        assert "threa<b>" not in hits[0].snippet and "of<b>" not in hits[0].snippet
    finally:
        library.close()


@pytest.mark.parametrize("term", ["国企改", "深化改", "政工", "企", "员工利益格局"])
def test_a_term_that_cuts_the_pages_words_otherwise_is_found(library: Library, term: str) -> None:
    """The index holds words as jieba cut them: 国企改 of 国企改革, 政工 of 党政工作, a
    single character. Such a term finds every article that prints it, and no other."""
    holding = {
        (Path(path).name[:3], article)
        for path, article, title, text in library.db.execute(
            "SELECT path, article, title, text FROM library_articles"
        )
        if term in "".join((title + text).split())
    }
    assert holding, "the sample pages print the term"
    hits = library.search(term, limit=1000)
    assert sorted(names(hits)) == sorted(holding)
    # Marked in the snippet, or in the title where an article's text is a byline alone.
    assert all(f"<b>{term}</b>" in hit.snippet or term in hit.title for hit in hits)
    assert all(hit.terms == (term,) for hit in hits)


def test_what_the_index_ranks_comes_before_what_the_text_adds(tmp_path: Path) -> None:
    """政工 is a word of 政工干部 and no word of 党政工作: the page the index finds for it
    comes first, ranked, and the page whose text holds it follows."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "b.txt").write_text("加强党政工作的统一领导。\n", encoding="utf-8")
    (pages / "a.txt").write_text("培养一批政工干部。\n", encoding="utf-8")
    # The index has it for a.txt only.
    assert "政工" in words.search_tokens("培养一批政工干部。").split()
    assert "政工" not in words.search_tokens("加强党政工作的统一领导。").split()
    library = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "user.txt")
    try:
        library.index([library.add_folder(pages)], workers=1)
        hits = library.search("政工")
        assert [Path(h.path).stem for h in hits] == ["a", "b"]
        assert hits[0].score > hits[1].score == 0.0
        # Excluded words and other terms hold for what the text adds as for the rest.
        assert [Path(h.path).stem for h in library.search("政工 -干部")] == ["b"]
        assert [Path(h.path).stem for h in library.search("政工 领导")] == ["b"]
        assert library.search("政工 不在") == []
    finally:
        library.close()


def test_a_search_asked_to_stop_does_not_read_the_text(library: Library) -> None:
    with pytest.raises(library_module.Cancelled):
        library.search("国企改", stop=lambda: True)
    assert len(library.search("国企改", stop=lambda: False)) > 0


def test_a_reading_of_the_text_stops_when_asked_midway(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked to stop while the articles' text is read (another search typed meanwhile):
    the statement ends and the search says it was stopped, with nothing half done."""
    monkeypatch.setattr(library_module, "STOP_EVERY", 1)
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1  # not before the reading starts: during it

    with pytest.raises(library_module.Cancelled):
        library.search("国企改", stop=stop)
    assert len(asked) >= 2
    assert library.search("国企改")  # the connection reads on as before


def test_a_term_never_runs_from_a_title_or_paragraph_into_the_next(tmp_path: Path) -> None:
    """领导各级: 领导 ends the title, 各级 opens the text. Never found across the break, by
    the index or by reading the text, nor left out across it; a Latin word left out is
    left out where it is a word only (-ten keeps a page with often and threatened)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "cross.txt").write_text(
        "关于加强领导\n\n各级党委要把这项工作摆上重要议事日程，切实加强组织领导。\n",
        encoding="utf-8",
    )
    (pages / "en.txt").write_text(
        "THE HARBOR TIEUP\n\n"
        "The strike that has been threatened for weeks will often be put off again.\n",
        encoding="utf-8",
    )
    library = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "user.txt")
    try:
        library.index([library.add_folder(pages)], workers=1)
        for query in ("领导各级", "导各级", "领导各"):
            assert library.search(query) == [], query
        assert [Path(h.path).stem for h in library.search("领导 -导各")] == ["cross"]
        assert [Path(h.path).stem for h in library.search("加强领导")] == ["cross"]
        for query in ("strike -ten", "again -gain", "strike -TEN"):
            assert [Path(h.path).stem for h in library.search(query)] == ["en"], query
        assert library.search("strike -often") == []
    finally:
        library.close()


def test_a_page_refused_for_want_of_memory_is_read_again_at_the_next_update(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory short for a moment (an index worker a core): the page was stored as
    refused, unchanged since, and never read again. The next update reads it."""
    from reader.core import document

    build = document.build
    short = [True]

    def exhausted(*args, **kwargs):  # type: ignore[no-untyped-def]
        if short[0]:
            raise MemoryError
        return build(*args, **kwargs)

    monkeypatch.setattr(document, "build", exhausted)
    lib = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    try:
        lib.add_folder(folder)
        first = lib.index(workers=1)
        assert (first.indexed, first.failed) == (0, 2)
        assert all("not enough memory" in why for _path, why in first.unread)
        short[0] = False
        again = lib.index(workers=1)
        assert (again.indexed, again.failed) == (2, 0)
    finally:
        lib.close()
