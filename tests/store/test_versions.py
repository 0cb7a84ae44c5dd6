"""A page whose text changed keeps its annotations and corrections: re-OCR'd, a paragraph
deleted, moved elsewhere; another page does not take them."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.bundled import sample_pages
from reader.core.annotations import Annotation, new_annotation
from reader.core.document import load
from reader.core.edits import make
from reader.core.export import clean_text
from reader.core.versions import SAME_PAGE, similarity, sketch
from reader.store import versions
from reader.store.db import Store

PAGE_004 = sample_pages()[1]
ROOT = Path(__file__).resolve().parents[2]
# The paragraph a "deleted" copy loses (lines of page 004 as OCR gave them).
DELETED = "景下，国有企业党建工作需要突破传统“事务性管"


def reocr(text: str, share: float, seed: int = 7) -> str:
    """The page as another OCR run reads it: `share` of its Chinese characters wrong."""
    rnd = random.Random(seed)
    chars = list(text)
    cjk = [i for i, ch in enumerate(chars) if "\u4e00" <= ch <= "\u9fff"]
    for i in rnd.sample(cjk, int(len(cjk) * share)):
        chars[i] = chr(0x4E00 + rnd.randrange(0x5000))
    return "".join(chars)


def without_paragraph(text: str) -> str:
    """The page without the paragraph holding DELETED (four printed lines, each followed
    by a blank line, from "国有企业基层党建工作的创新首先源于思维")."""
    lines = text.split("\n")
    k = lines.index(DELETED)
    assert lines[k - 4].startswith("国有企业基层党建工作的创新")
    return "\n".join(lines[: k - 4] + lines[k + 4 :])


@pytest.fixture
def annotated(tmp_path: Path) -> tuple[Path, Path, list[Annotation]]:
    """Page 004 on disk with 60 annotations (short and long quotes) and a correction,
    stored as the window stores them."""
    page = tmp_path / "pages" / "004.txt"
    page.parent.mkdir()
    shutil.copy(PAGE_004, page)
    doc = load(page)
    clean = clean_text(doc)
    rnd = random.Random(11)
    made: list[Annotation] = []
    while len(made) < 60:
        start = rnd.randrange(len(clean.text) - 60)
        end = start + rnd.choice((2, 3, 4, 6, 12, 25, 50))
        if "\n" in clean.text[start:end]:
            continue
        made.append(new_annotation(doc, clean, start, end, note=f"note {len(made)}"))
    at = clean.text.index(DELETED[:12])
    made.append(new_annotation(doc, clean, at, at + 12, note="on the deleted paragraph"))
    db = tmp_path / "data" / "ocr-reader.sqlite3"
    db.parent.mkdir()
    store = Store(db)
    store.put_many(made)
    heading = next(
        (ai, k)
        for ai, art in enumerate(doc.articles)
        for k, b in enumerate(art.all_blocks())
        if b.kind == "heading"
    )
    store.add_edit(make(doc, "kind", *heading, kind="paragraph"))
    versions.remember(store, doc)
    store.close()
    return page, db, made


def test_a_changed_copy_is_the_same_page_and_another_page_is_not() -> None:
    text = PAGE_004.read_text(encoding="utf-8")
    other = sample_pages()[0].read_text(encoding="utf-8")
    base = sketch(text)
    assert similarity(base, sketch(reocr(text, 0.01))) >= SAME_PAGE
    assert similarity(base, sketch(without_paragraph(text))) >= SAME_PAGE
    assert similarity(base, sketch(" \n".join(text.split("\n")))) == 1.0  # re-wrapped
    assert similarity(base, sketch(other)) < 0.1


@pytest.mark.parametrize("change", ["reocr", "deleted"])
def test_annotations_and_corrections_come_over_to_the_changed_page(
    annotated: tuple[Path, Path, list[Annotation]], change: str, tmp_path: Path
) -> None:
    """The page re-OCR'd (or with a paragraph gone) into a file elsewhere, the first one
    no longer where it was read: what was made on it moves to the new text."""
    page, db, made = annotated
    text = page.read_text(encoding="utf-8")
    copy = tmp_path / "elsewhere" / "004-v2.txt"  # found by its text, not its path
    copy.parent.mkdir()
    copy.write_text(reocr(text, 0.01) if change == "reocr" else without_paragraph(text), "utf-8")
    page.unlink()
    store = Store(db)
    resolved = versions.resolve(load(copy), store)
    carried = resolved.carried
    assert carried is not None and carried.annotations == len(made) and not carried.copied
    assert carried.corrections == carried.applied == 1
    placed = {p.annotation.id: p for p in resolved.placed}
    assert set(placed) == {a.id for a in made}  # every one listed, placed or not
    clean = resolved.clean.text
    changed = 0
    for ann in made:
        p = placed[ann.id]
        if p.anchor is not None:  # placed: on the quote, or on what OCR made of it
            found = clean[p.anchor.start : p.anchor.end]
            assert p.annotation.note == ann.note
            # The quote is never rewritten to what it was placed on: the text it was
            # made on, opened again, places it exactly.
            assert p.annotation.quote == ann.quote
            changed += found != ann.quote
    assert carried.changed == changed and (changed > 0) == (change == "reocr")
    lost = [a for a in made if placed[a.id].anchor is None]
    if change == "deleted":
        assert any(a.note == "on the deleted paragraph" for a in lost)
    assert carried.placed >= len(made) - 8
    # Stored against the new text once shown; the old rows are these rows.
    versions.carry_over(store, resolved)
    fp = resolved.doc.source.fingerprint
    assert {a.id for a in store.for_document(fp)} == {a.id for a in made}
    assert store.count() == len(made)
    assert len(store.edits(fp)) == 1
    again = versions.resolve(load(copy), store)
    assert again.carried is None and len(again.placed) == len(made)


@pytest.mark.parametrize("twin", ["reocr", "plain text of the same page"])
def test_a_version_beside_a_page_still_there_gets_copies_and_the_page_keeps_its_own(
    annotated: tuple[Path, Path, list[Annotation]], twin: str, tmp_path: Path
) -> None:
    """Another file of the same page while the first is still there, unchanged (a better
    OCR kept beside the first, a JSON page's plain-text twin): the new one gets copies
    of the annotations and corrections, and the first keeps its own, each exactly where
    it was made. Opening either, in any order, takes nothing from the other."""
    page, db, made = annotated
    text = page.read_text(encoding="utf-8")
    copy = tmp_path / "pages" / "004-v2.txt"
    copy.write_text(reocr(text, 0.01) if twin == "reocr" else without_paragraph(text), "utf-8")
    store = Store(db)
    resolved = versions.resolve(load(copy), store)
    carried = resolved.carried
    assert carried is not None and carried.copied and carried.annotations == len(made)
    assert "copied from a version of this page, 004.txt" in carried.message()
    copies = {p.annotation.id for p in resolved.placed}
    assert not copies & {a.id for a in made}  # new ids: copies, not the same rows
    # Copied twice before either was stored (the page opened again meanwhile, or two
    # databases each making them): the same copies, stored once.
    again = versions.resolve(load(copy), store)
    assert {p.annotation.id for p in again.placed} == copies
    versions.carry_over(store, resolved)
    versions.carry_over(store, again)
    fp, first = resolved.doc.source.fingerprint, load(page).source.fingerprint
    assert {a.id for a in store.for_document(fp)} == copies
    # Each copy is the new file's, those it could not place too (exports list them there).
    assert {a.path for a in store.for_document(fp)} == {str(copy)}
    assert {a.id for a in store.for_document(first)} == {a.id for a in made}
    assert len(store.edits(fp)) == len(store.edits(first)) == 1
    assert {e.id for e in store.edits(fp)}.isdisjoint(e.id for e in store.edits(first))
    for path in (page, copy, page):
        opened = versions.resolve(load(path), store)
        assert opened.carried is None
    back = versions.resolve(load(page), store)
    original = {a.id: a for a in made}
    for p in back.placed:
        ann = original[p.annotation.id]
        assert p.anchor is not None, ann.quote
        assert (p.anchor.start, p.anchor.end) == (ann.selector.start, ann.selector.end)
    # Each keeps its own since: what is deleted on one is not copied back from the
    # other, either way.
    store.delete_many(list(copies))
    store.db.execute("DELETE FROM edits WHERE fingerprint = ?", (fp,))
    store.db.commit()
    assert versions.resolve(load(copy), store).carried is None
    store.delete_many([a.id for a in made])
    assert versions.resolve(load(page), store).carried is None
    store.put_many(made)
    # The first file gone from its folder: a third file of the page takes what is
    # stored against the first, as a changed page does.
    third = tmp_path / "pages" / "004-v3.txt"
    third.write_text(without_paragraph(text) + "\n\n附记。\n", "utf-8")
    store.db.execute("DELETE FROM annotations WHERE fingerprint = ?", (fp,))
    store.db.execute("DELETE FROM edits WHERE fingerprint = ?", (fp,))
    store.db.commit()
    page.unlink()
    moved = versions.resolve(load(third), store)
    assert moved.carried is not None and not moved.carried.copied


def test_a_version_on_a_drive_not_mounted_is_copied_from(
    annotated: tuple[Path, Path, list[Annotation]], tmp_path: Path
) -> None:
    """The first file cannot be looked at (its folder is gone: a drive not mounted, a
    share offline): not known to be gone, so what was made on it is copied, not moved."""
    page, db, _made = annotated
    text = page.read_text(encoding="utf-8")
    shutil.move(str(page.parent), str(tmp_path / "unmounted"))
    copy = tmp_path / "here" / "004.txt"
    copy.parent.mkdir()
    copy.write_text(reocr(text, 0.01), "utf-8")
    store = Store(db)
    resolved = versions.resolve(load(copy), store)
    assert resolved.carried is not None and resolved.carried.copied


def test_another_page_does_not_take_them(annotated, tmp_path: Path) -> None:
    _page, db, _made = annotated
    other = tmp_path / "other.txt"
    shutil.copy(sample_pages()[0], other)
    store = Store(db)
    resolved = versions.resolve(load(other), store)
    assert resolved.carried is None and resolved.placed == []


def test_annotations_export_lists_what_came_over(annotated, tmp_path: Path) -> None:
    page, db, made = annotated
    copy = tmp_path / "deleted.txt"
    copy.write_text(without_paragraph(page.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "annotations", "export", str(copy), "-f", "md",
         "--data-dir", str(db.parent)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # (the page it was made on still there: copies, which that page leaves it)
    assert "copied from a version of this page, 004.txt" in result.stderr
    assert result.stdout.count("note ") + result.stdout.count("on the deleted") == len(made)
    unanchored = result.stdout.split("· Unanchored", 1)[1]
    assert "on the deleted paragraph" in unanchored
    # An export reads the store and never changes it.
    assert Store(db).for_document(load(copy).source.fingerprint) == []


def test_a_quote_spaced_otherwise_is_no_change(annotated, tmp_path: Path) -> None:
    """The same characters, a space between them now: placed, not counted as text that
    reads otherwise, and stored with the quote as it is now."""
    page, db, _made = annotated
    text = page.read_text(encoding="utf-8")
    shorter = without_paragraph(text)  # another version, and a space in every quote
    spaced = "".join(ch + " " if "\u4e00" <= ch <= "\u9fff" else ch for ch in shorter)
    copy = tmp_path / "spaced.txt"
    copy.write_text(spaced, "utf-8")
    store = Store(db)
    resolved = versions.resolve(load(copy), store)
    assert resolved.carried is not None and resolved.carried.changed == 0
    for p in resolved.placed:
        if p.anchor is not None:
            assert p.annotation.quote == resolved.clean.text[p.anchor.start : p.anchor.end]


def test_a_page_changed_where_it_is_and_named_from_its_folder_is_the_same_page(
    annotated: tuple[Path, Path, list[Annotation]], monkeypatch
) -> None:
    """A worse OCR written over the page (a tenth of its characters read otherwise: too
    unlike it to be found by its text alone), named as pages/004.txt from the folder
    above: the same path as the whole one the window kept, so what was made on it comes
    over."""
    page, db, made = annotated
    page.write_text(reocr(page.read_text(encoding="utf-8"), 0.1), "utf-8")
    monkeypatch.chdir(page.parent.parent)
    resolved = versions.resolve(load(Path("pages") / page.name), Store(db))
    assert resolved.carried is not None and resolved.carried.annotations == len(made)
    assert resolved.carried.similarity < SAME_PAGE and not resolved.carried.copied


def test_a_page_resolved_twice_is_equal_whether_or_not_its_clean_text_was_asked_for() -> None:
    """The clean text is made when first asked for; asking does not make a page unequal
    to the same page resolved again."""
    doc = load(PAGE_004)
    first, second = versions.resolve(doc, None), versions.resolve(doc, None)
    assert first.clean == clean_text(doc)
    assert first == second


def test_a_pages_sketch_is_made_from_the_lines_that_hold_its_characters(tmp_path) -> None:
    """Only the first MAX_CHARS characters (white space aside) make a sketch: a long page
    gives the sketch of its whole text joined, from no more lines than hold them."""
    from reader.core import versions as core_versions
    from reader.store.versions import page_sketch

    line = "人民日报 社论\u3000第一版　要闻\n"
    page = tmp_path / "long.txt"
    page.write_text(line * 100_000, encoding="utf-8")
    doc = load(page)
    assert len(core_versions.squeezed("".join(doc.source_lines))) > 2 * core_versions.MAX_CHARS
    assert page_sketch(doc) == sketch("".join(doc.source_lines))

    class Counted(list):
        read = 0

        def __iter__(self):  # type: ignore[no-untyped-def]
            for item in super().__iter__():
                Counted.read += 1
                yield item

    doc.source_lines = Counted(doc.source_lines)
    page_sketch(doc)
    assert Counted.read <= core_versions.MAX_CHARS // 11 + 2  # 11 characters a line
