"""The annotation store: migrations, damage, concurrency, durability and tags."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.anchor import select
from reader.core.annotations import Annotation
from reader.store.db import (
    MIGRATIONS,
    VERSION,
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


@pytest.mark.parametrize("version", range(VERSION))
def test_migrates_from_every_older_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
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


def test_a_damaged_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    store = Store(path)
    store.put_many(make(start=k % 20, note="备注" * 200) for k in range(200))
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
    assert again.count() == 0
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
    newer = a.edited(note="new")
    newer.modified = "2999-01-01T00:00:00Z"
    fresh = make(note="fresh")
    assert store.merge([newer, b, fresh]) == (1, 1, 1)
    assert store.merge([newer, b, fresh]) == (0, 0, 3)
    assert store.count() == 3
    assert store.get(a.id).note == "new"  # type: ignore[union-attr]
