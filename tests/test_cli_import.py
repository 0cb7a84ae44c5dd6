"""`ocr-reader annotations import` run as a user would: a refused file stores nothing and
says why in one line; a correction that does not apply never stops a page from opening."""

from __future__ import annotations

import copy
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core import edits as E
from reader.core.document import load
from reader.store.db import FILENAME, Store
from tests.core.test_imports import PAGES, export_of, some_annotations

ROOT = Path(__file__).resolve().parents[1]
SEED = PAGES[0]
TEXT, _ANNOTATIONS, _CORRECTIONS = export_of(SEED)
DATA = json.loads(TEXT)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def import_(path: Path, data: Path, *more: Path) -> subprocess.CompletedProcess[str]:
    return run("annotations", "import", str(path), *map(str, more), "--data-dir", str(data))


def contents(data: Path) -> dict[str, list[str]]:
    """Every row of every table of the database, to tell whether anything was stored."""
    db = sqlite3.connect(data / FILENAME)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        db.close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder whose database already holds an annotation and a correction."""
    folder = tmp_path / "data"
    doc = load(PAGES[1])
    store = Store(folder / FILENAME)
    try:
        store.put(some_annotations(doc)[0])
        store.add_edit(E.make(doc, "join", 1, 0))
    finally:
        store.close()
    return folder


def changed(change: Callable[[dict], None]) -> bytes:
    copied = copy.deepcopy(DATA)
    change(copied)
    return json.dumps(copied).encode("utf-8")


def _set_level(d: dict) -> None:
    d["ocr-reader:corrections"][2]["value"]["level"] = "abc"


def _set_end(d: dict) -> None:
    next(s for s in d["first"]["items"][0]["target"]["selector"] if "end" in s)["end"] = 10**30


def _same_id(d: dict) -> None:
    items = d["first"]["items"]
    items[4]["id"] = items[1]["id"]


def _null_tag(d: dict) -> None:
    d["first"]["items"][0]["body"] = [{"type": "TextualBody", "purpose": "tagging", "value": None}]


# (what is wrong, the file's bytes, what stderr names)
BAD: list[tuple[str, bytes, str]] = [
    ("a level that is text", changed(_set_level),
     "correction 3: level 'abc' is not a number from 1 to 9"),
    ("first a list", changed(lambda d: d.update(first=[])), "first is a list, not an object"),
    ("a position of 10**30", changed(_set_end),
     "annotation 1: end 1000000000000000000000000000000 is not a number from 0 to 1000000000"),
    ("200,000-deep nesting", b"[" * 200_000 + b"]" * 200_000,
     "not an annotation export (nested too deeply to read)"),
    ("one id twice", changed(_same_id), "annotation 2 and annotation 5 have the same id"),
    ("not UTF-8", TEXT.encode("gb18030"), "not UTF-8 text (byte 0x"),
    ("binary data", b"\x00\x01\x02binary" * 40, "it is binary data, not text"),
    ("a few bytes of binary data", b"\x00\x01\x02binary", "it is binary data, not text"),
    ("UTF-16 cut off inside a character", TEXT.encode("utf-16-le")[:-1],
     "it ends in the middle of a character: the file was cut off"),
    ("cut off inside a character", TEXT.encode()[: TEXT.encode().index("思".encode()) + 1],
     "it ends in the middle of a character: the file was cut off"),
    ("an empty list", b"[]", "an empty list: no annotations in it"),
    ("a tag of null", changed(_null_tag), "annotation 1: a tag is null, not text"),
    ("a number of 5,000 digits", TEXT.replace('"start": ', '"start": 9' + "9" * 5000, 1).encode(),
     "not an annotation export (a number in it is far too long)"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "reason"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_refused_file_is_one_line_and_stores_nothing(
    content: bytes, reason: str, data: Path, tmp_path: Path
) -> None:
    before = contents(data)
    bad = tmp_path / "shared.json"
    bad.write_bytes(content)
    result = import_(bad, data)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"ocr-reader: {bad}: {reason}")
    assert result.stdout == ""
    assert contents(data) == before


def test_a_good_file_before_a_bad_one_is_not_stored_either(data: Path, tmp_path: Path) -> None:
    before = contents(data)
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(TEXT, encoding="utf-8")
    bad.write_bytes(changed(_set_level))
    result = import_(good, data, bad)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"ocr-reader: {bad}: correction 3:")
    assert contents(data) == before


def test_a_refused_file_creates_no_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(changed(_set_level))
    result = import_(bad, tmp_path / "fresh")
    assert result.returncode == 2
    assert not (tmp_path / "fresh" / FILENAME).exists()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_our_export_imports_into_another_data_folder(page: Path, tmp_path: Path) -> None:
    _text, found, fixes = export_of(page)
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    store = Store(mine / FILENAME)
    try:
        store.put_many(found)
        for edit in fixes:
            store.add_edit(edit)
    finally:
        store.close()
    shared = tmp_path / "shared.json"
    out = run("annotations", "export", str(page), "-f", "json", "-o", str(shared),
              "--data-dir", str(mine))  # fmt: skip
    assert out.returncode == 0, out.stderr
    first = import_(shared, theirs)
    assert first.returncode == 0, first.stderr
    n, m = len(found), len(fixes)
    assert first.stdout == (
        f"{n} added, 0 updated, 0 already present, 0 conflicts (kept both); "
        f"corrections: {m} added, 0 already present\n"
    )
    again = import_(shared, theirs)
    assert again.stdout == (
        f"0 added, 0 updated, {n} already present, 0 conflicts (kept both); "
        f"corrections: 0 added, {m} already present\n"
    )
    store = Store(theirs / FILENAME)
    try:
        fingerprint = load(page).source.fingerprint
        assert sorted(store.for_document(fingerprint), key=lambda a: a.id) == sorted(
            found, key=lambda a: a.id
        )
        assert store.edits(fingerprint) == fixes
    finally:
        store.close()


def _store_bad_correction(data: Path) -> E.Edit:
    doc = load(SEED)
    target = E.block_selector(doc, 1, len(doc.articles[1].head) + 3)
    bad = E.Edit(
        "kind",
        target,
        fingerprint=doc.source.fingerprint,
        value={"kind": "heading", "level": "abc"},
    )
    store = Store(data / FILENAME)
    try:
        store.add_edit(bad)
    finally:
        store.close()
    return bad


def test_a_bad_stored_correction_never_stops_an_export(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _store_bad_correction(data)
    plain = run("export", str(SEED), "--data-dir", str(tmp_path / "empty"))
    assert plain.returncode == 0 and plain.stdout.strip()
    out = tmp_path / "page.txt"
    result = run("export", str(SEED), "-o", str(out), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == plain.stdout
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert "correction not applied (level 'abc' is not a number from 1 to 9)" in line


def test_a_bad_stored_correction_is_listed_and_the_page_is_uncorrected(tmp_path: Path) -> None:
    data = tmp_path / "data"
    bad = _store_bad_correction(data)
    doc = load(SEED)
    store = Store(data / FILENAME)
    try:
        stored = store.edits(doc.source.fingerprint)
    finally:
        store.close()
    out = E.apply(doc, stored)
    assert [(e.id, why) for e, why in out.failed] == [
        (bad.id, "level 'abc' is not a number from 1 to 9")
    ]
    assert out.applied == []
    assert out.doc.articles == E.apply(doc, []).doc.articles


def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    """A named pipe would wait for a writer for ever (and a device such as /dev/zero
    never ends): it is refused in one line before it is opened, as pages are, and
    nothing is stored."""
    import os

    source = tmp_path / "notes.json"
    os.mkfifo(source)
    result = import_(source, tmp_path / "data")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "not a file" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "data" / FILENAME).exists()


def test_every_stored_correction_goes_with_the_export_of_everything(
    tmp_path: Path, data: Path
) -> None:
    """`annotations export` without pages carries every page's corrections with every
    annotation, and importing it says how many corrections it added: the corrections
    were left out, and the import never spoke of them."""
    out = tmp_path / "all.json"
    result = run("annotations", "export", "-f", "json", "-o", str(out), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["ocr-reader:corrections"]
    fresh = tmp_path / "fresh"
    first = import_(out, fresh)
    assert first.returncode == 0 and "corrections: 1 added" in first.stdout, first.stdout
    store = Store(fresh / FILENAME)
    try:
        assert len(store.all_edits()) == 1
    finally:
        store.close()
    again = import_(out, fresh)
    assert "corrections: 0 added, 1 already present" in again.stdout


def test_annotations_made_on_no_page_of_this_reader_are_counted(tmp_path: Path) -> None:
    theirs = {
        "id": "http://example.org/anno1",
        "type": "Annotation",
        "bodyValue": "a note",
        "target": {
            "source": "http://example.org/page",
            "selector": {"type": "TextQuoteSelector", "exact": "国务院"},
        },
    }
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(theirs, ensure_ascii=False), encoding="utf-8")
    result = run("annotations", "import", str(path), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "1 added, 0 updated, 0 already present, 0 conflicts (kept both); of them, 1 made on "
        "no page of this reader (their source is not a page's text), placed on no page"
    )


def test_a_colour_this_reader_does_not_have_is_said_with_the_count(tmp_path: Path) -> None:
    """Another tool's (or a later version's) colour is shown in the default one: the
    annotation is kept, and the import says which colours it changed, and how many."""

    def recolour(d: dict) -> None:
        items = d["first"]["items"]
        items[0]["target"]["styleClass"] = "Magenta"
        items[1]["target"]["styleClass"] = "cyan"
        items[2]["target"]["styleClass"] = "magenta"

    path = tmp_path / "recoloured.json"
    path.write_bytes(changed(recolour))
    result = import_(path, tmp_path / "d")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(
        "; 3 in colours this reader does not have ('Magenta', 'cyan'), shown in yellow"
    )
    store = Store(tmp_path / "d" / FILENAME)
    try:
        ids = [item["id"].removeprefix("urn:uuid:") for item in DATA["first"]["items"][:3]]
        assert [store.get(i).colour for i in ids] == ["yellow"] * 3
    finally:
        store.close()
