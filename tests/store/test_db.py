"""The annotation store: migrations, damage, concurrency, durability, tags and import."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.anchor import Selector, select
from reader.core.annotations import Annotation
from reader.core.edits import Edit
from reader.store.db import (
    CONFLICT_TAG,
    MIGRATIONS,
    READ_ONLY,
    VERSION,
    Merged,
    NewerSchemaError,
    Store,
    StoreError,
    apply_migration,
)
from reader.store.db import _refresh_tag_lists as refresh_tag_lists

ROOT = Path(__file__).resolve().parents[2]
TEXT = "科技创新和产业创新，是发展新质生产力的基本路径。各地各行业向新而行。"


def make(fingerprint: str = "f" * 64, **fields) -> Annotation:
    start = fields.pop("start", 10)
    return Annotation(fingerprint=fingerprint, selector=select(TEXT, start, start + 5), **fields)


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "notes.sqlite3")
    yield s
    s.close()


def test_round_trip_keeps_every_field(store: Store) -> None:
    ann = make(colour="green", tags=["政策", "科技", "政策"], note="第一行\n**第二行**")
    ann.path, ann.article, ann.lines = "/pages/a.txt", "科技创新", (3, 7)
    store.put(ann)
    back = store.get(ann.id)
    assert back is not None
    assert back.tags == ["政策", "科技"]  # repeats dropped, order kept
    back.tags = ann.tags = ["政策", "科技"]
    assert back == ann
    assert store.version() == VERSION


def test_settings_for_sharing(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def older_database(path: Path, version: int) -> None:
    """A database as ocr-reader of schema `version` left it, holding the annotation "old"
    (新质生产力, blue, tagged 甲 and 旧标签) from version 1 on."""
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:version]:
        apply_migration(db, step)
    db.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        db.execute(
            'INSERT INTO annotations(id, fingerprint, colour, exact, start, "end", created, '
            "modified) VALUES ('old', 'fp', 'blue', '新质生产力', 3, 8, '2025-01-01T00:00:00Z', "
            "'2025-01-01T00:00:00Z')"
        )
        db.execute("INSERT INTO tags(id, name) VALUES (1, '旧标签'), (2, '甲')")
        db.execute(
            "INSERT INTO annotation_tags(annotation, tag, position) "
            "VALUES ('old', 2, 0), ('old', 1, 1)"
        )
        if version >= 2:  # from version 2 on, the row carries its tags too
            refresh_tag_lists(db, ["old"])
    db.commit()
    db.close()


@pytest.mark.parametrize("version", range(VERSION))
def test_migrates_from_every_older_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
    older_database(path, version)
    store = Store(path)
    assert store.version() == VERSION
    if version >= 1:
        old = store.get("old")
        assert old is not None and old.quote == "新质生产力" and old.colour == "blue"
        assert old.tags == ["甲", "旧标签"]
    store.put(make(tags=["迁移"]))
    assert "迁移" in [t.name for t in store.tags()]
    store.close()


def test_refuses_a_newer_schema_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer ocr-reader"):
        Store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_no_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database\x00" * 100)
    store = Store(path)
    assert store.notice is not None and "moved" in store.notice
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    store.put(make())
    assert store.count() == 1
    store.close()


def test_scribbled_pages_keep_what_still_reads_and_say_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    store = Store(path)
    written = [make(start=k % 20, note=f"备注{k}" * 200) for k in range(200)]
    store.put_many(written)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    for k in range(2 * page, 6 * page, 7):  # scribble over a few b-tree pages
        data[k] = 0xA5
    path.write_bytes(bytes(data))
    again = Store(path)
    assert again.notice is not None and "damaged" in again.notice
    kept = again.all()
    assert f"{len(kept):,} of its" in again.notice or f"All {len(kept):,} of its" in again.notice
    assert len(kept) > 0
    by_id = {a.id: a for a in written}
    assert all(a.note == by_id[a.id].note for a in kept)  # nothing garbled comes back
    assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again.close()


def test_locked_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    store = Store(path, timeout_ms=100)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"):
            store.put(make())
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.put(make())
    assert store.count() == 1
    store.close()


def test_full_disk_is_a_clear_error_and_keeps_what_was_saved(store: Store) -> None:
    store.put(make(note="saved before"))
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(StoreError, match="disk is full"):
        store.put(make(note="x" * 200_000))
    assert [a.note for a in store.all()] == ["saved before"]


WRITER = textwrap.dedent(
    """
    import sys
    from reader.core.anchor import select
    from reader.core.annotations import Annotation
    from reader.store.db import Store
    store = Store(sys.argv[1])
    for k in range(int(sys.argv[2])):
        sel = select("新质生产力" * 9, k % 30, k % 30 + 5)
        ann = Annotation(fingerprint=sys.argv[3], selector=sel)
        ann.tags = ["共享", f"p{sys.argv[3][:1]}"]
        store.put(ann)
    print("done", flush=True)
    """
)


def _python(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, *args], env=env, text=True, **kwargs)


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    Store(path).close()
    writers = [
        _python("-c", WRITER, str(path), "150", fp * 64, stdout=subprocess.PIPE) for fp in "ab"
    ]
    for w in writers:
        out, _ = w.communicate(timeout=120)
        assert w.returncode == 0 and out.strip() == "done"
    store = Store(path)
    assert store.count() == 300
    assert {t.name: t.count for t in store.tags()} == {"共享": 300, "pa": 150, "pb": 150}
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


KILLED = textwrap.dedent(
    """
    import sys
    from reader.core.anchor import select
    from reader.core.annotations import Annotation
    from reader.store.db import Store
    store = Store(sys.argv[1])
    sel = select("新质生产力的基本路径", 0, 5)
    ann = Annotation(fingerprint="k" * 64, selector=sel, note="刚写的")
    store.put(ann)
    print(ann.id, flush=True)
    sys.stdin.read()  # wait to be killed
    """
)


def test_an_edit_survives_the_process_being_killed(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    child = _python("-c", KILLED, str(path), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout is not None
    annotation_id = child.stdout.readline().strip()
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)  # reaps it and closes the pipes
    assert child.returncode == -signal.SIGKILL
    store = Store(path)
    found = store.get(annotation_id)
    assert found is not None and found.note == "刚写的"
    store.close()


def test_tags_rename_merge_and_delete_across_documents(store: Store) -> None:
    a = make("a" * 64, tags=["政策", "科技"])
    b = make("b" * 64, tags=["科技"])
    c = make("c" * 64, tags=["产业"])
    store.put_many([a, b, c])
    assert [(t.name, t.count) for t in store.tags()] == [("产业", 1), ("政策", 1), ("科技", 2)]
    assert {x.id for x in store.by_tag("科技")} == {a.id, b.id}
    store.rename_tag("科技", "技术")
    assert store.get(a.id).tags == ["政策", "技术"]  # type: ignore[union-attr]
    store.merge_tags(["政策", "产业"], "技术")
    assert [(t.name, t.count) for t in store.tags()] == [("技术", 3)]
    assert store.get(a.id).tags == ["技术"]  # type: ignore[union-attr]
    store.rename_tag("技术", "Tech")
    store.rename_tag("Tech", "tech")  # a change of case is a rename, not a no-op
    assert [t.name for t in store.tags()] == ["tech"]
    assert store.get(b.id).tags == ["tech"]  # type: ignore[union-attr]
    store.delete_tag("tech")
    assert store.tags() == []
    assert store.count() == 3  # the annotations stay


def test_import_merges_by_id_without_duplicates(store: Store) -> None:
    a, b = make(note="old"), make(note="b")
    store.put_many([a, b])
    moved = a.edited(selector=select(TEXT, 12, 17), lines=(4, 4))  # same note, new place
    moved.modified = "2030-01-01T00:00:00Z"
    fresh = make(note="fresh")
    assert store.merge([moved, b, fresh]) == Merged(added=1, updated=1, unchanged=1, conflicts=0)
    assert store.merge([moved, b, fresh]) == Merged(added=0, updated=0, unchanged=3, conflicts=0)
    assert store.count() == 3
    back = store.get(a.id)
    assert back is not None and back.selector.start == 12 and back.note == "old"


def test_an_import_never_overwrites_a_different_local_note(store: Store) -> None:
    local = make(note="我的笔记", tags=["政策"])
    store.put(local)
    incoming = local.edited(note="别人的笔记")
    incoming.modified = "2999-01-01T00:00:00Z"  # far in the future: newer is no reason
    assert store.merge([incoming]) == Merged(added=0, updated=0, unchanged=0, conflicts=1)
    mine = store.get(local.id)
    assert mine is not None and mine.note == "我的笔记" and mine.tags == ["政策"]
    theirs = [x for x in store.all() if x.id != local.id]
    assert [x.note for x in theirs] == ["别人的笔记"]
    assert theirs[0].tags == ["政策", CONFLICT_TAG]
    assert theirs[0].selector == local.selector
    assert [x.id for x in store.by_tag(CONFLICT_TAG)] == [theirs[0].id]
    # The same file imported again adds no second copy.
    assert store.merge([incoming]) == Merged(added=0, updated=0, unchanged=1, conflicts=0)
    assert store.count() == 2


@pytest.mark.parametrize(
    "change",
    [{"colour": "green"}, {"tags": ["政策", "产业"]}, {"note": ""}],
    ids=["colour", "tags", "note"],
)
def test_any_content_difference_is_a_conflict(store: Store, change: dict) -> None:
    local = make(note="原文", tags=["政策"])
    store.put(local)
    merged = store.merge([local.edited(**change)])
    assert merged.conflicts == 1 and merged.updated == 0
    kept = store.get(local.id)
    assert kept is not None and (kept.note, kept.colour, kept.tags) == ("原文", "yellow", ["政策"])
    assert store.count() == 2


def test_the_same_content_with_other_tag_case_is_no_conflict(store: Store) -> None:
    local = make(note="x", tags=["Policy", "科技"])
    store.put(local)
    assert store.merge([local.edited(tags=["科技", "policy"])]).unchanged == 1
    assert store.count() == 1


def test_an_unreadable_correction_is_listed_and_the_page_still_opens(tmp_path: Path) -> None:
    from reader.core.document import load
    from reader.core.edits import apply
    from reader.core.export import clean_text
    from reader.store.versions import corrected

    page = tmp_path / "page.txt"
    page.write_text("标题\n\n" + TEXT + "\n", encoding="utf-8")
    doc = load(page)
    fp = doc.source.fingerprint
    path = tmp_path / "notes.sqlite3"
    store = Store(path)
    text = clean_text(doc).text
    at = text.index(TEXT[:10])
    heading = {"kind": "heading", "level": 1}
    good = Edit(kind="kind", target=select(text, at, at + 10), fingerprint=fp, value=heading)
    store.add_edit(good)
    rows = [("bad-json", "{not json"), ("no-target", '{"kind": "join"}'), ("a-list", "[1, 2]")]
    for seq, (row_id, data) in enumerate(rows, start=1):
        store.db.execute(
            "INSERT INTO edits(id, fingerprint, seq, data, created) VALUES (?, ?, ?, ?, ?)",
            (row_id, fp, seq, data, "2025-01-01T00:00:00Z"),
        )
    found = store.edits(fp)
    assert [e.id for e in found] == [good.id, "bad-json", "no-target", "a-list"]
    assert found[0] == good
    for edit, (row_id, data) in zip(found[1:], rows, strict=True):
        assert edit.kind == "unreadable" and edit.id == row_id and edit.fingerprint == fp
        assert edit.value == {"data": data}
        assert edit.target == Selector("", "", "", -1, -1)
    outcome = apply(doc, found)
    assert [e.id for e in outcome.applied] == [good.id]
    assert [e.id for e, _reason in outcome.failed] == ["bad-json", "no-target", "a-list"]
    store.close()
    shown = corrected(doc, path)  # the page opens, with the corrections that do apply
    assert [b.kind for a in shown.articles for b in a.all_blocks()] == ["title", "heading"]


def test_an_older_file_opened_read_only_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    older_database(path, 1)  # version 1: tags only in their own tables
    before = path.read_bytes()
    store = Store(path, read_only=True)
    assert store.read_only and store.version() == 1  # never migrated
    old = store.get("old")
    assert old is not None and old.tags == ["甲", "旧标签"] and old.colour == "blue"
    assert store.edits("fp") == [] and store.count() == 1
    with pytest.raises(StoreError) as caught:
        store.put(make())
    assert str(caught.value) == READ_ONLY
    for write in (lambda: store.delete("old"), lambda: store.add_edit(Edit("join", old.selector))):
        with pytest.raises(StoreError, match="read-only"):
            write()
    with pytest.raises(StoreError, match="read-only"):
        store.merge([make()])
    store.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite3"]
