"""The annotation database gives back what it still holds: damaged files (real `dd`), two
processes on one damaged file, read-only and missing data folders, locks at start-up."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.core.anchor import Selector
from reader.core.annotations import Annotation
from reader.core.edits import Edit
from reader.store import paths
from reader.store.db import READ_ONLY, VERSION, Store, StoreError, StoreLocked

ROOT = Path(__file__).resolve().parents[2]
TEXT = "科技创新和产业创新，是发展新质生产力的基本路径。各地各行业向新而行。" * 3
ANNOTATIONS, CORRECTIONS = 3000, 12
PAGE = 4096
# A zeroed page takes its rows with it: the most that one leaf page of these annotations
# holds is 15 (measured over every page of the file), so at least this many come back.
AT_LEAST = ANNOTATIONS - 15


def _annotations() -> list[Annotation]:
    # Fixed ids and times: the same file, page for page, on every run.
    rng = random.Random(7)
    out = []
    for k in range(ANNOTATIONS):
        at = k % 40
        out.append(
            Annotation(
                id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                fingerprint=f"{k % 50:064x}",
                selector=Selector(
                    TEXT[at : at + 6], TEXT[max(0, at - 8) : at], TEXT[at + 6 : at + 14], at, at + 6
                ),
                tags=[f"标签{k % 7}", "共享"] if k % 3 else [],
                note=f"第{k}条备注" * (k % 5),
                created="2025-03-01T08:00:00Z",
            )
        )
    return out


def _corrections() -> list[Edit]:
    return [
        Edit(
            kind="join",
            target=Selector(TEXT[k : k + 10], "", "", k, k + 10),
            fingerprint=f"{k:064x}",
            id=f"edit-{k:02d}",
            created="2025-03-01T08:00:00Z",
        )
        for k in range(CORRECTIONS)
    ]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """A closed database with 3,000 annotations and 12 corrections, written as the app
    writes them."""
    path = tmp_path_factory.mktemp("written") / "ocr-reader.sqlite3"
    store = Store(path)
    store.put_many(_annotations())
    for edit in _corrections():
        store.add_edit(edit)
    store.close()
    assert not Path(f"{path}-wal").exists()  # closing checkpointed everything into the file
    return path


def _copy(written: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / written.name
    shutil.copyfile(written, path)
    return path


def _zero(path: Path, page: int, bs: int = PAGE) -> str:
    """Zero one block with dd, as a failing disk would; the damaged file's sha256."""
    subprocess.run(
        ["dd", "if=/dev/zero", f"of={path}", f"bs={bs}", f"seek={page}", "count=1", "conv=notrunc"],
        check=True,
        capture_output=True,
    )
    return _sha256(path)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _moved(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if ".damaged-" in p.name and not p.name.endswith("-wal")]


def _check_kept(store: Store) -> int:
    """The kept annotations are the written ones, field for field; how many there are."""
    expected = {a.id: a for a in _annotations()}
    kept = store.all()
    for ann in kept:
        assert ann == expected[ann.id]
    assert {t.name for t in store.tags()} == {f"标签{k}" for k in range(7)} | {"共享"}
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.version() == VERSION
    return len(kept)


def _corrections_kept(store: Store) -> int:
    return sum(len(store.edits(e.fingerprint)) for e in _corrections())


# -- damage ------------------------------------------------------------------------------


def test_a_zeroed_middle_page_keeps_nearly_every_annotation(written: Path, tmp_path: Path):
    path = _copy(written, tmp_path)
    middle = _middle(path)
    damaged = _zero(path, middle)
    with pytest.raises(sqlite3.DatabaseError):  # it really is damaged
        sqlite3.connect(path).execute("PRAGMA integrity_check").fetchall()
    store = Store(path)
    kept = _check_kept(store)
    assert AT_LEAST <= kept <= ANNOTATIONS  # measured: 2,986 of 3,000
    assert _corrections_kept(store) == CORRECTIONS
    assert store.notice is not None
    assert store.notice.startswith("The annotation database was damaged.")
    assert f"{kept:,} of its {ANNOTATIONS:,} annotations" in store.notice
    assert f"all {CORRECTIONS} of its corrections were kept" in store.notice
    [moved] = _moved(tmp_path)
    assert str(moved) in store.notice
    assert _sha256(moved) == damaged  # the original bytes, untouched
    store.put(Annotation(fingerprint="f" * 64, selector=Selector("新质", "", "", 0, 2)))
    assert store.count() == kept + 1
    store.close()
    again = Store(path)
    assert again.notice is None and again.count() == kept + 1
    again.close()


def test_a_zeroed_header_keeps_every_annotation(written: Path, tmp_path: Path) -> None:
    path = _copy(written, tmp_path)
    damaged = _zero(path, 0, bs=100)
    store = Store(path)
    assert _check_kept(store) == ANNOTATIONS
    assert _corrections_kept(store) == CORRECTIONS
    assert store.notice is not None
    assert "All 3,000 of its annotations and all 12 of its corrections were kept" in store.notice
    [moved] = _moved(tmp_path)
    assert _sha256(moved) == damaged
    store.close()


def _middle(path: Path) -> int:
    """The block of a leaf page of the annotations in the middle of them (dd counts blocks
    from 0, SQLite pages from 1): the middle of the file is no longer theirs once other
    tables grow."""
    db = sqlite3.connect(path)
    try:
        pages = [
            r[0]
            for r in db.execute(
                "SELECT pageno FROM dbstat WHERE name = 'annotations' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    finally:
        db.close()
    return pages[len(pages) // 2] - 1


def _annotations_root(path: Path) -> int:
    db = sqlite3.connect(path)
    row = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'annotations'").fetchone()
    db.close()
    return int(row[0])


@pytest.mark.parametrize("lost", ["the schema page", "the annotations table's root"])
def test_rows_sql_cannot_reach_are_read_from_the_pages(
    written: Path, tmp_path: Path, lost: str
) -> None:
    path = _copy(written, tmp_path)
    page = 0 if lost == "the schema page" else _annotations_root(path) - 1
    damaged = _zero(path, page)
    store = Store(path)
    assert _check_kept(store) == ANNOTATIONS
    assert _corrections_kept(store) == CORRECTIONS
    assert store.notice is not None and "3,000 of its annotations" in store.notice
    [moved] = _moved(tmp_path)
    assert _sha256(moved) == damaged
    store.close()


def test_deleted_annotations_stay_deleted(written: Path, tmp_path: Path) -> None:
    path = _copy(written, tmp_path)
    store = Store(path)
    # Builds of SQLite without SECURE_DELETE (the usual default) leave deleted rows in the
    # freed pages: whole pages of them, when a run of annotations goes.
    store.db.execute("PRAGMA secure_delete = 0")
    gone = [a.id for a in _annotations()[1000:2000]]
    store.delete_many(gone)
    assert store.db.execute("PRAGMA freelist_count").fetchone()[0] > 0
    store.close()
    _zero(path, _annotations_root(path) - 1)
    store = Store(path)
    assert store.count() == ANNOTATIONS - len(gone)
    assert not set(gone) & {a.id for a in store.all()}
    store.close()


# -- two processes at once ---------------------------------------------------------------


def _python(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, *args], env=env, text=True, **kwargs)


def test_two_processes_starting_on_one_damaged_file(written: Path, tmp_path: Path) -> None:
    reference = _copy(written, tmp_path / "reference")
    _zero(reference, _middle(reference))
    store = Store(reference)
    salvaged = {a.id for a in store.all()}
    store.close()
    assert len(salvaged) >= AT_LEAST
    opener = "import sys; from reader.store.db import Store; print(Store(sys.argv[1]).notice)"
    for round_ in range(10):
        folder = tmp_path / f"round{round_}"
        path = _copy(written, folder)
        damaged = _zero(path, _middle(path))
        both = [_python("-c", opener, str(path), stdout=subprocess.PIPE) for _ in range(2)]
        notices = [p.communicate(timeout=120)[0].strip() for p in both]
        assert [p.returncode for p in both] == [0, 0]
        # One of them salvaged it; the other found the new database already in place.
        assert sorted(n.startswith("The annotation database was damaged") for n in notices) == [
            False,
            True,
        ]
        [moved] = _moved(folder)
        assert _sha256(moved) == damaged
        store = Store(path)
        assert store.notice is None
        ids = [r[0] for r in store.db.execute("SELECT id FROM annotations")]
        assert len(ids) == len(set(ids)) and set(ids) == salvaged
        store.close()


# -- a read-only data folder -------------------------------------------------------------


@contextmanager
def _unwritable(folder: Path) -> Iterator[None]:
    """Make the folder and its files unwritable, for root too. Permissions bind everyone
    else; root ignores them, so for root the files are made immutable with chattr."""
    files = [str(p) for p in folder.iterdir()]
    if os.geteuid() != 0:
        for name in files:
            os.chmod(name, 0o444)
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
            for name in files:
                os.chmod(name, 0o644)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root, and without chattr nothing here can be made unwritable")
    made = subprocess.run(["chattr", "+i", *files, str(folder)], capture_output=True, text=True)
    if made.returncode != 0:
        subprocess.run(["chattr", "-i", *files, str(folder)], capture_output=True)
        pytest.skip(f"running as root, and chattr +i failed here: {made.stderr.strip()}")
    try:
        assert not os.access(folder, os.W_OK)
        yield
    finally:
        subprocess.run(["chattr", "-i", *files, str(folder)], check=True)


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from reader.core.anchor import select
    from reader.core.annotations import Annotation
    from reader.store.db import Store
    store = Store(sys.argv[1])
    store.db.execute("PRAGMA wal_autocheckpoint = 0")  # keep everything in the WAL
    for note in ("第一条", "第二条"):
        store.put(Annotation(fingerprint="a" * 64, selector=select("新质生产力", 0, 3), note=note))
    print("written", flush=True)
    sys.stdin.read()  # wait to be killed
    """
)


@pytest.mark.parametrize("files", ["the database alone", "with -wal and -shm", "-wal, no -shm"])
def test_a_read_only_data_folder_is_read_but_never_written(tmp_path: Path, files: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "ocr-reader.sqlite3"
    if files == "the database alone":
        store = Store(path)
        for note in ("第一条", "第二条"):
            store.put(Annotation(fingerprint="a" * 64, selector=Selector("新质", "", "", 0, 2)))
            store.put(store.all()[-1].edited(note=note))
        store.close()
    else:  # the app was killed with its changes still in the WAL
        child = _python(
            "-c", KILLED_WRITER, str(path), stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "written"
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        assert Path(f"{path}-wal").stat().st_size > 0
        if files == "-wal, no -shm":
            Path(f"{path}-shm").unlink()
    before = {p.name: _sha256(p) for p in data.iterdir()}
    with _unwritable(data):
        store = Store(path)
        assert store.read_only
        assert sorted(a.note for a in store.all()) == ["第一条", "第二条"]
        with pytest.raises(StoreError) as caught:
            store.put(store.all()[0].edited(note="改"))
        assert str(caught.value) == READ_ONLY
        with pytest.raises(StoreError, match="read-only"):
            store.delete_many([a.id for a in store.all()])
        store.close()
        exported = subprocess.run(
            [sys.executable, "-m", "reader", "annotations", "export", "--data-dir", str(data)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert exported.returncode == 0, exported.stderr
        assert "第一条" in exported.stdout and "第二条" in exported.stdout
    assert {p.name: _sha256(p) for p in data.iterdir()} == before


def test_a_damaged_file_in_a_read_only_folder_is_read_from_what_survives(
    written: Path, tmp_path: Path
) -> None:
    path = _copy(written, tmp_path / "data")
    damaged = _zero(path, _middle(path))
    with _unwritable(path.parent):
        store = Store(path)
        assert store.read_only
        assert AT_LEAST <= store.count() < ANNOTATIONS
        assert store.notice is not None and "left as it is" in store.notice
        with pytest.raises(StoreError, match="read-only"):
            store.put(store.all()[0])
        store.close()
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert _sha256(path) == damaged


# -- a data folder that cannot be created ------------------------------------------------


def test_a_data_folder_that_cannot_be_created(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    data = blocker / "data"
    monkeypatch.setenv("OCR_READER_DATA_DIR", str(data))
    assert paths.data_dir() == data  # looking it up is no error
    paths.set_data_dir(data)  # as --data-dir does
    try:
        assert [paths.data_dir(), paths.config_dir(), paths.cache_dir()] == [
            data,
            data / "config",
            data / "cache",
        ]
    finally:
        paths.set_data_dir(None)
    with pytest.raises(StoreError) as caught:
        Store()
    message = str(caught.value)
    assert message == f"annotating is off: cannot create the data folder {data} (not a directory)"
    page = tmp_path / "page.txt"
    page.write_text("标题\n\n科技创新和产业创新，是发展新质生产力的基本路径。\n", encoding="utf-8")
    out = tmp_path / "page.out.txt"
    env = {**os.environ, "OCR_READER_DATA_DIR": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(page), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0 and result.stderr == ""
    assert "新质生产力" in out.read_text(encoding="utf-8")


# -- a lock at start-up ------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    for statement in sys.argv[2:]:
        db.execute(statement).fetchall()
    print("held", flush=True)
    sys.stdin.read()
    db.execute("ROLLBACK")
    """
)


def _older(path: Path) -> list[str]:
    """Make the file one schema version older, so opening it must write (migrate)."""
    db = sqlite3.connect(path)
    # The last migration's table and index.
    db.execute("DROP INDEX version_links_by_fingerprint")
    db.execute("DROP TABLE version_links")
    db.execute(f"PRAGMA user_version = {VERSION - 1}")
    db.commit()
    db.close()
    return ["BEGIN EXCLUSIVE"]


def _exclusive_mode(path: Path) -> list[str]:
    # In WAL mode a plain BEGIN EXCLUSIVE still lets others read; a program that opens the
    # file in exclusive locking mode keeps everyone out.
    return ["PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE"]


@pytest.mark.parametrize("holder", [_exclusive_mode, _older], ids=["exclusive", "migration"])
def test_a_lock_at_start_up_is_locked_not_damaged(
    tmp_path: Path, holder: Callable[[Path], list[str]]
) -> None:
    path = tmp_path / "ocr-reader.sqlite3"
    store = Store(path)
    store.put(Annotation(fingerprint="a" * 64, selector=Selector("新质", "", "", 0, 2), note="在"))
    store.close()
    statements = holder(path)
    other = _python(
        "-c", HOLDER, str(path), *statements, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        with pytest.raises(StoreLocked) as caught:
            Store(path, timeout_ms=200)
        assert "locked by another program" in str(caught.value)
        assert "\n" not in str(caught.value)
        assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name] == []
    finally:
        other.communicate("", timeout=30)
    assert other.returncode == 0
    store = Store(path, timeout_ms=200)
    assert store.notice is None and [a.note for a in store.all()] == ["在"]
    assert store.version() == VERSION
    store.close()


def test_damage_met_reading_a_row_is_salvaged_at_the_next_opening(tmp_path: Path) -> None:
    """One byte of a note overwritten: the file's structure is whole, its quick check
    says ok, and reading the row fails ("could not decode"). The window said to restart,
    and the restart opened the file as whole again, for ever. The damage met is noted
    beside the file, and the next opening salvages it."""
    path = tmp_path / "ann.sqlite3"
    note = "这条备注的文字会被写坏"
    store = Store(path)
    store.put(Annotation(fingerprint="fp", selector=Selector("quote", "", "", 0, 5), note=note))
    store.close()
    raw = path.read_bytes()
    at = raw.find(note.encode("utf-8"))
    assert at > 0
    with path.open("r+b") as f:
        f.seek(at + 1)
        f.write(b"\xff")
    store = Store(path)
    assert store.notice is None  # the quick check sees nothing
    with pytest.raises(StoreError, match="damaged"):
        store.all()
    store.close()
    again = Store(path)
    try:
        assert again.notice is not None and "was damaged" in again.notice
        assert len(again.all()) == 1  # the note kept, its broken byte replaced
    finally:
        again.close()
    assert not (tmp_path / "ann.sqlite3.salvage").exists()
    assert Store(path).notice is None  # and only once
