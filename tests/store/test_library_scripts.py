"""The library across scripts and versions: a query in either script finds pages printed
in both; an index made by an older version is brought up to date; a query is cut as
jieba cuts it without loading jieba's dictionary."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.bundled import sample_pages
from reader.store.db import MIGRATIONS, Store, apply_migration
from reader.store.library import TOKENS, Library

TRADITIONAL = """國務院召開常務會議

新華社北京3月12日電 國務院總理主持召開國務院常務會議，部署推進鄉村振興和農業現代
化工作。會議指出，要加強農田水利建設，穩定糧食生產。
"""
SIMPLIFIED = """国务院部署科技创新工作

本报北京3月20日讯 国务院日前印发通知，要求各地加快发展新质生产力，推动产业转型升级，加强基础研究。
"""


@pytest.fixture
def library(tmp_path: Path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "trad.txt").write_text(TRADITIONAL, encoding="utf-8")
    (folder / "simp.txt").write_text(SIMPLIFIED, encoding="utf-8")
    lib = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    lib.add_folder(folder)
    assert lib.index(workers=1).indexed == 2
    yield lib
    lib.close()


def found(hits) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(Path(h.path).stem for h in hits)


@pytest.mark.parametrize("query", ["国务院", "國務院"])
def test_either_script_finds_both(library: Library, query: str) -> None:
    hits = library.search(query)
    assert found(hits) == ["simp", "trad"]
    by_page = {Path(h.path).stem: h for h in hits}
    # Snippets and the terms to mark show the text as each page prints it.
    assert "<b>國務院</b>" in by_page["trad"].snippet
    assert "</b>總理主持召開<b>" in by_page["trad"].snippet
    assert by_page["trad"].terms == ("國務院",)
    assert "<b>国务院</b>" in by_page["simp"].snippet
    assert by_page["simp"].terms == ("国务院",)


def test_words_phrases_and_exclusions_cross_scripts(library: Library) -> None:
    assert found(library.search("乡村振兴")) == ["trad"]
    assert found(library.search("新質生產力")) == ["simp"]
    assert found(library.search('"农田水利"')) == ["trad"]
    assert found(library.search("國務院 -农业")) == ["simp"]
    assert found(library.search("国务院 -新質")) == ["trad"]
    assert found(library.search("加强")) == ["simp", "trad"]


def test_an_index_of_older_tokens_is_made_again(library: Library) -> None:
    assert library.outdated() == []
    with library.store._write() as db:
        db.execute("UPDATE library_documents SET tokens = 0")
    [folder] = library.folders()
    assert library.outdated() == [folder] and library.outdated_pages() == 2
    report = library.index(library.outdated(), workers=1)
    assert (report.indexed, report.outdated, report.unchanged) == (2, 2, 0)
    assert library.outdated() == []
    assert found(library.search("國務院")) == ["simp", "trad"]


def test_a_schema_5_library_keeps_its_rows_and_is_marked_outdated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:5]:
        apply_migration(db, step)
    db.execute("PRAGMA user_version = 5")
    db.execute("INSERT INTO library_folders VALUES ('/pages', '2025-01-01T00:00:00')")
    db.execute(
        "INSERT INTO library_documents(path, folder, size, mtime, sha256, fingerprint) "
        "VALUES ('/pages/a.txt', '/pages', 1, 1.0, 'x', 'fp')"
    )
    db.commit()
    db.close()
    # Read-only, the older file is read as it is: its pages read as of the old tokens.
    old = Store(path, read_only=True)
    assert old.db.execute("SELECT path, tokens FROM library_documents").fetchall() == [
        ("/pages/a.txt", 0)
    ]
    old.close()
    Store(path).close()  # migrates
    lib = Library(path, tmp_path / "cache", tmp_path / "userdict.txt")
    assert lib.folders() == ["/pages"] and lib.count() == 1
    assert lib.outdated() == ["/pages"] and TOKENS > 0
    lib.close()


QUERIES = """
import json, sys
from pathlib import Path
from reader.core import words
words.configure(Path(sys.argv[1]), Path(sys.argv[2]))
terms = json.loads(sys.stdin.read())
small = [words.query_tokens(t) for t in terms]
without = not words.loaded()
words.load()
full = [words.query_tokens(t) for t in terms]
print(json.dumps([without, small == full, small[:3]]))
"""


def _query_run(cache: Path, userdict: Path, terms: list[str]) -> list:  # type: ignore[type-arg]
    import json

    result = subprocess.run(
        [sys.executable, "-c", QUERIES, str(cache), str(userdict)],
        input=json.dumps(terms),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_query_is_cut_as_jieba_cuts_it_without_its_dictionary(tmp_path: Path) -> None:
    """Every sentence of the sample pages, cut over the entries read for it alone, gives
    jieba's words; the first run builds the cache, the second never loads jieba."""
    import re

    text = "".join(p.read_text(encoding="utf-8") for p in sample_pages())
    terms = [s for s in re.split(r"[。！？\s]+", text) if s][:400]
    terms += ["國務院常務會議", "COVID-19疫情", "吉晓琴报道"]
    cache, userdict = tmp_path / "cache", tmp_path / "userdict.txt"
    assert _query_run(cache, userdict, terms)[1:2] == [True]
    without, same, _first = _query_run(cache, userdict, terms)
    assert without and same
    # A new word of the user's is seen at once: the cache is made again, with it.
    userdict.write_text("吉晓琴\n", encoding="utf-8")
    for _run in range(2):
        _without, same, first = _query_run(cache, userdict, ["记者吉晓琴报道"])
        assert same and first == [["记者", "吉晓琴", "报道"]]
    assert _without


@pytest.mark.parametrize("query", ["兴和农", "興和農"])
def test_a_term_across_words_is_found_in_either_script(library: Library, query: str) -> None:
    """兴和农 is no word of the index (振兴 和 农业): read from the text, it is found where
    the page prints it in traditional characters too, and marked as printed."""
    hits = library.search(query)
    assert found(hits) == ["trad"]
    assert "<b>興和農</b>" in hits[0].snippet and hits[0].terms == ("興和農",)


def test_a_term_typed_as_printed_is_found_where_its_traditional_form_is_another(
    tmp_path: Path,
) -> None:
    """台灣 and 裡 are printed; OpenCC writes 台湾 back as 臺灣 and 里 as 裏 or 裡, and
    台灣省政 is no word of the index: typed as printed it is found, and 讨论里 through
    the Taiwan standard's 裡. (台湾省政 is not: no conversion gives 台灣.)"""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "tw.txt").write_text("台灣省政府開會討論裡面的問題。\n", encoding="utf-8")
    lib = Library(tmp_path / "db.sqlite3", tmp_path / "cache", tmp_path / "userdict.txt")
    try:
        lib.add_folder(folder)
        assert lib.index(workers=1).indexed == 1
        for query in ("台灣省政", "討論裡", "讨论里"):
            assert found(lib.search(query)) == ["tw"], query
    finally:
        lib.close()
