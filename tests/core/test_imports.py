"""Importing annotation files: every item is checked before anything is stored, a file is
refused whole with one line naming the item, and whatever our own export writes is read
back as it was."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.bundled import sample_pages
from reader.core import annotations as notes
from reader.core import edits as E
from reader.core.document import load
from reader.core.export import clean_text
from reader.core.model import Document

PAGES = sample_pages()
QUOTES = 7  # more annotations than colours, so the colours go round once


def every_kind_of_correction(doc: Document) -> list[E.Edit]:
    """One correction of each kind the window makes, on blocks where each applies."""
    ai = next(n for n, a in enumerate(doc.articles) if a.head and len(a.blocks) > 6)
    h = len(doc.articles[ai].head)
    fixes = [
        E.make(doc, "join", ai, h),
        E.make(doc, "split", ai, h + 1, offset=3),
        E.make(doc, "kind", ai, h + 2, kind="heading", level=2),
        E.make(doc, "kind", ai, h + 3, kind="question", level=1),
        E.make(doc, "kind", ai, h + 4, kind="end", level=None),
        E.make(doc, "new_article", ai, h + 5),
        E.make(doc, "merge_article", ai, 0),
        E.make(doc, "role", ai, h + 6, role="subtitle"),
        E.make(doc, "role", ai, 0, role="title", article=0 if ai else 1),
        E.make(doc, "text", ai, h, new="改过的文字"),
    ]
    clean = clean_text(doc)
    furniture = [
        (n, k)
        for n, art in enumerate(doc.articles)
        for k in range(len(art.all_blocks()))
        if (n, k) not in clean.starts
    ]
    if furniture:  # found by its text alone: positions -1
        fixes.append(E.make(doc, "kind", *furniture[0], kind="paragraph"))
    return fixes


def some_annotations(doc: Document) -> list[notes.Annotation]:
    clean = clean_text(doc)
    step = len(clean.text) // (QUOTES + 1)
    made = []
    for n in range(QUOTES):
        start = step * (n + 1)
        made.append(
            notes.new_annotation(
                doc,
                clean,
                start,
                start + 9,
                colour=notes.COLOURS[n % len(notes.COLOURS)],
                tags=["政策", f"#第{n}"] if n % 2 else [],
                note=f"第{n}条\n第二行" if n % 3 else "",
            )
        )
    return made


def export_of(page: Path) -> tuple[str, list[notes.Annotation], list[E.Edit]]:
    """What `ocr-reader annotations export -f json` writes for the page."""
    doc = load(page)
    found = some_annotations(doc)
    fixes = every_kind_of_correction(doc)
    placed = notes.place(clean_text(doc).text, found)
    return notes.render("json", page.name, placed, doc, fixes), found, fixes


TEXT, ANNOTATIONS, CORRECTIONS = export_of(PAGES[0])
DATA = json.loads(TEXT)


def written(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "shared.json"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(json.dumps(data), encoding="utf-8")
    return path


def refused(path: Path) -> str:
    with pytest.raises(notes.ImportError_) as caught:
        notes.read_import(path)
    message = str(caught.value)
    assert "\n" not in message and message
    return message


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_our_own_export_is_read_back_as_it_was(page: Path, tmp_path: Path) -> None:
    text, found, fixes = export_of(page)
    assert {e.kind for e in fixes} == set(E.KINDS)
    assert {a.colour for a in found} == set(notes.COLOURS)
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    back = notes.read_import(path)
    assert sorted(back.annotations, key=lambda a: a.id) == sorted(found, key=lambda a: a.id)
    assert back.corrections == fixes
    # Replayed, the imported corrections give the page the exported ones give.
    doc = load(page)
    ours, theirs = E.apply(doc, fixes), E.apply(doc, back.corrections)
    assert theirs.doc.articles == ours.doc.articles
    assert [e.id for e in theirs.applied] == [e.id for e in ours.applied] != []
    # The same with a byte-order mark, as some editors save it.
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert notes.read_import(path).corrections == fixes


def test_every_export_counts_source_lines_as_the_source_view_does(tmp_path: Path) -> None:
    """The same highlight was on lines 7-9 in the Markdown and CSV exports and [6, 8]
    in the JSON: every export now counts from 1, as the source view (F4) does. A file
    written before, whose "lines" counted from 0, still imports onto the same lines."""
    first = DATA["first"]["items"][0]
    found = next(a for a in ANNOTATIONS if first["id"].endswith(a.id))
    shown = [found.lines[0] + 1, found.lines[1] + 1]
    assert first["ocr-reader"]["sourceLines"] == shown
    assert f"{shown[0]},{shown[1]}" in notes.to_csv([found])
    old = copy.deepcopy(DATA)
    for item in old["first"]["items"]:
        extra = item["ocr-reader"]
        first_line, last_line = extra.pop("sourceLines")
        extra["lines"] = [first_line - 1, last_line - 1]
    back = notes.read_import(written(tmp_path, old))
    assert sorted(back.annotations, key=lambda a: a.id) == sorted(ANNOTATIONS, key=lambda a: a.id)


def ann(n: int) -> Callable[[dict], dict]:
    return lambda d: d["first"]["items"][n - 1]


def quote(n: int) -> Callable[[dict], dict]:
    return lambda d: next(
        s for s in ann(n)(d)["target"]["selector"] if s["type"] == "TextQuoteSelector"
    )


def position(n: int) -> Callable[[dict], dict]:
    return lambda d: next(
        s for s in ann(n)(d)["target"]["selector"] if s["type"] == "TextPositionSelector"
    )


def fix(n: int) -> Callable[[dict], dict]:
    return lambda d: d["ocr-reader:corrections"][n - 1]


def setting(where: Callable[[dict], Any], key: str | int, value: Any) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        where(d)[key] = value

    return change


def deleting(where: Callable[[dict], Any], key: str) -> Callable[[dict], None]:
    return lambda d: where(d).pop(key)


def whole(d: dict) -> dict:
    return d


# (what is wrong, how the file is changed, the reason given)
BAD_ITEMS: list[tuple[str, Callable[[dict], None], str]] = [
    ("a start that is text", setting(position(7), "start", "12"),
     "annotation 7: start '12' is not a whole number"),
    ("a start with a fraction", setting(position(2), "start", 2.5),
     "annotation 2: start 2.5 is not a whole number"),
    ("a start that is a truth value", setting(position(1), "start", True),
     "annotation 1: start true is not a whole number"),
    ("a position of 10**30", setting(position(3), "end", 10**30),
     "annotation 3: end 1000000000000000000000000000000 is not a number from 0 to 1000000000"),
    ("a negative start", setting(position(1), "start", -4),
     "annotation 1: start -4 is not a number from 0 to 1000000000"),
    ("a start after the end", setting(position(1), "start", 10**9),
     "annotation 1: start 1000000000 is after end"),
    ("lines the wrong way round",
     setting(lambda d: ann(4)(d)["ocr-reader"], "sourceLines", [9, 2]),
     "annotation 4: first line 9 is after last line 2"),
    ("lines that are not a pair", setting(lambda d: ann(4)(d)["ocr-reader"], "sourceLines", "3-4"),
     "annotation 4: sourceLines '3-4' is not a first and a last line number"),
    ("a line counted from 0 where they count from 1",
     setting(lambda d: ann(4)(d)["ocr-reader"], "sourceLines", [0, 2]),
     "annotation 4: first line 0 is not a number from 1 to 1000000000"),
    ("an empty quote", setting(quote(5), "exact", ""), "annotation 5: quote is empty"),
    ("a quote that is a number", setting(quote(5), "exact", 5),
     "annotation 5: quote 5 is not text"),
    ("no text-quote selector", setting(quote(2), "type", "XPathSelector"),
     "annotation 2: it has no text-quote selector"),
    ("an id that is a number", setting(ann(6), "id", 6), "annotation 6: id 6 is not text"),
    ("no id", deleting(ann(6), "id"), "annotation 6: id is missing"),
    ("no target", deleting(ann(6), "target"), "annotation 6: target is missing"),
    ("a source that is a list", setting(lambda d: ann(1)(d)["target"], "source", []),
     "annotation 1: source is a list, not text"),
    ("a note that is a list", setting(lambda d: ann(2)(d)["body"][0], "value", ["x"]),
     "annotation 2: the note is a list, not text"),
    ("a tag that is a number", setting(lambda d: ann(2)(d)["body"][1], "value", 3),
     "annotation 2: a tag 3 is not text"),
    ("a note with a lone surrogate", setting(lambda d: ann(2)(d)["body"][0], "value", "\ud800"),
     "annotation 2: the note is not valid Unicode text"),
    ("a date that is not one", setting(ann(3), "modified", "yesterday"),
     "annotation 3: modified 'yesterday' is not a date and time"),
    ("a colour that is not text", setting(lambda d: ann(1)(d)["target"], "styleClass", 7),
     "annotation 1: colour 7 is not text"),
    ("an annotation that is text", setting(lambda d: d["first"]["items"], 3, "note"),
     "annotation 4 'note' is not an object"),
    ("first a list", setting(whole, "first", []), "first is a list, not an object"),
    ("items an object", setting(lambda d: d["first"], "items", {}),
     "items is an object, not a list"),
    ("two annotations with one id", lambda d: ann(5)(d).update(id=ann(2)(d)["id"]),
     "annotation 2 and annotation 5 have the same id"),
    ("a level that is text", setting(lambda d: fix(3)(d)["value"], "level", "abc"),
     "correction 3: level 'abc' is not a number from 1 to 9"),
    ("a level of 0", setting(lambda d: fix(3)(d)["value"], "level", 0),
     "correction 3: level 0 is not a number from 1 to 9"),
    ("a level of 10", setting(lambda d: fix(4)(d)["value"], "level", 10),
     "correction 4: level 10 is not a number from 1 to 9"),
    ("a level that is a truth value", setting(lambda d: fix(4)(d)["value"], "level", True),
     "correction 4: level true is not a number from 1 to 9"),
    ("an unknown correction", setting(fix(1), "kind", "explode"),
     "correction 1: kind 'explode' is not one of join, split, kind,"),
    ("an unknown block kind", setting(lambda d: fix(3)(d)["value"], "kind", "banner"),
     "correction 3: block kind 'banner' is not one of paragraph, heading,"),
    ("an unknown role", setting(lambda d: fix(8)(d)["value"], "role", "editor"),
     "correction 8: role 'editor' is not one of title, subtitle, byline"),
    ("a role's article with no quote",
     setting(lambda d: fix(9)(d)["value"]["article"], "exact", ""),
     "correction 9: article quote is empty"),
    ("a role's article that is a number", setting(lambda d: fix(9)(d)["value"], "article", 2),
     "correction 9: article 2 is not an object"),
    ("a split point past its quote", setting(lambda d: fix(2)(d)["value"], "at", 500),
     "correction 2: split point 500 is not a number from 0 to"),
    ("a split point that is text", setting(lambda d: fix(2)(d)["value"], "at", "3"),
     "correction 2: split point '3' is not a whole number"),
    ("a split with no split point", lambda d: fix(2)(d)["value"].clear(),
     "correction 2: split point is missing"),
    ("new text that is a number", setting(lambda d: fix(10)(d)["value"], "new", 5),
     "correction 10: new 5 is not text"),
    ("old text that is null", setting(lambda d: fix(10)(d)["value"], "old", None),
     "correction 10: old null is not text"),
    ("a value a join does not take", setting(lambda d: fix(1)(d)["value"], "colour", "red"),
     "correction 1: 'colour' is not a value of a join correction"),
    ("a value that is a list", setting(fix(1), "value", []),
     "correction 1: value is a list, not an object"),
    ("a target position of 10**30", setting(lambda d: fix(5)(d)["target"], "end", 10**30),
     "correction 5: target end 1000000000000000000000000000000 is not a number from -1 to"),
    ("a target with half a furniture mark", setting(lambda d: fix(5)(d)["target"], "start", -1),
     "correction 5: target start -1 and end"),
    ("a target with an empty quote", setting(lambda d: fix(5)(d)["target"], "exact", ""),
     "correction 5: target quote is empty"),
    ("a correction with no page", deleting(fix(6), "fingerprint"),
     "correction 6: fingerprint is missing"),
    ("a correction id that is a number", setting(fix(6), "id", 12),
     "correction 6: id 12 is not text"),
    ("a correction that is a list", setting(lambda d: d["ocr-reader:corrections"], 1, []),
     "correction 2 is a list, not an object"),
    ("corrections that are an object", setting(whole, "ocr-reader:corrections", {}),
     '"ocr-reader:corrections" is an object, not a list'),
    ("two corrections with one id", lambda d: fix(7)(d).update(id=fix(1)(d)["id"]),
     "correction 1 and correction 7 have the same id"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "reason"), [c[1:] for c in BAD_ITEMS], ids=[c[0] for c in BAD_ITEMS]
)
def test_a_bad_item_refuses_the_file_naming_it(
    change: Callable[[dict], None], reason: str, tmp_path: Path
) -> None:
    data = copy.deepcopy(DATA)
    change(data)
    assert refused(written(tmp_path, data)).startswith(reason)


def test_the_unchanged_file_is_accepted(tmp_path: Path) -> None:
    """The baseline every refused case above differs from by one change."""
    back = notes.read_import(written(tmp_path, DATA))
    assert len(back.annotations) == QUOTES and back.corrections == CORRECTIONS


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_an_export_saved_in_utf16_or_32_is_read_as_json_is(encoding: str) -> None:
    """A Windows program saves JSON in UTF-16 (with a byte order mark or without): the
    import refused it as not UTF-8, though JSON read from bytes is told by them."""
    back = notes.parse_import(TEXT.encode(encoding))
    assert len(back.annotations) == QUOTES and back.corrections == CORRECTIONS


BAD_FILES: list[tuple[str, bytes, str]] = [
    ("not UTF-8", TEXT.encode("gb18030"), "not UTF-8 text (byte 0x"),
    ("200,000-deep nesting", b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    ("deep nesting inside an item",
     TEXT.replace('"body": [', '"body": ' + "[" * 100_000 + "[", 1).encode(),
     "nested too deeply"),
    ("a number of 5,000 digits", TEXT.replace('"start": ', '"start": 1' + "0" * 5000, 1).encode(),
     "a number in it is far too long"),
    ("a number too big for a float", TEXT.replace('"start": ', '"start": 1e400, "x": ', 1).encode(),
     "annotation 1: start Infinity is not a whole number"),
    ("NaN for a position", TEXT.replace('"end": ', '"end": NaN, "x": ', 1).encode(),
     "annotation 1: end NaN is not a whole number"),
    ("cut short", TEXT[: len(TEXT) // 2].encode(), "not JSON ("),
    ("a bare number", b"42", "no Web Annotation collection, page or list in it"),
    ("an empty file", b"", "not JSON ("),
    # Our own exports that are for reading say so, and which one to import.
    ("the CSV export", ("\ufeff" + notes.to_csv(ANNOTATIONS)).encode(),
     "a CSV export of annotations, which is for reading: annotations are imported from "
     "their JSON export (annotations export -f json)"),
    ("the Markdown export", notes.to_markdown_list("000", notes.place(
        clean_text(load(PAGES[0])).text, ANNOTATIONS), load(PAGES[0])).encode(),
     "Markdown, not JSON: annotations are imported from their JSON export"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "reason"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_a_damaged_file_is_refused_in_one_line(data: bytes, reason: str, tmp_path: Path) -> None:
    assert reason in refused(written(tmp_path, data))


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    assert refused(tmp_path / "nowhere.json") == "no such file"


def test_an_unknown_colour_becomes_the_default_and_the_rest_is_kept(tmp_path: Path) -> None:
    data = copy.deepcopy(DATA)
    ann(1)(data)["target"]["styleClass"] = "crimson"
    ann(2)(data)["target"]["styleClass"] = " Green "
    back = {a.id: a for a in notes.read_import(written(tmp_path, data)).annotations}
    first, second = ANNOTATIONS[0], ANNOTATIONS[1]
    assert back[first.id].colour == notes.COLOURS[0]
    assert (back[first.id].quote, back[first.id].note) == (first.quote, first.note)
    assert back[second.id].colour == "green"


def test_whole_numbers_written_as_floats_are_read_as_ints(tmp_path: Path) -> None:
    data = copy.deepcopy(DATA)
    position(1)(data)["start"] = float(position(1)(data)["start"])
    fix(3)(data)["value"]["level"] = 2.0
    back = notes.read_import(written(tmp_path, data))
    start = next(a for a in back.annotations if a.id == ANNOTATIONS[0].id).selector.start
    assert start == ANNOTATIONS[0].selector.start and type(start) is int
    assert back.corrections[2].value == {"kind": "heading", "level": 2}
    assert type(back.corrections[2].value["level"]) is int


def test_the_other_shapes_of_web_annotation_are_read(tmp_path: Path) -> None:
    items = DATA["first"]["items"]
    page = {"type": "AnnotationPage", "items": items}
    assert len(notes.read_import(written(tmp_path, page)).annotations) == QUOTES
    assert len(notes.read_import(written(tmp_path, items)).annotations) == QUOTES
    one = notes.read_import(written(tmp_path, items[0])).annotations
    assert [a.id for a in one] == [items[0]["id"].removeprefix("urn:uuid:")]


def test_a_correction_the_exporting_database_could_not_read_is_left_out(tmp_path: Path) -> None:
    """The store lists a row it cannot read as kind "unreadable", and an export written
    before exports left such rows out carries it along; it applies nowhere, so it is not
    stored again."""
    doc = load(PAGES[0])
    unreadable = E.Edit("unreadable", E.Selector("", "", "", -1, -1), "f" * 64, {"data": "{"})
    data = json.loads(notes.to_json(ANNOTATIONS, "page", CORRECTIONS[:2]))
    data["ocr-reader:corrections"].insert(1, unreadable.to_json())
    path = written(tmp_path, data)
    assert notes.read_import(path).corrections == CORRECTIONS[:2]
    data["ocr-reader:corrections"][2]["value"]["at"] = "x"  # still counted in the numbering
    assert refused(written(tmp_path, data)).startswith("correction 3: split point 'x'")
    assert E.apply(doc, [unreadable]).failed[0][1] == "it could not be read from the database"
