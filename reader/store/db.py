"""The annotation store: one SQLite file in the data directory.

- WAL journal and a busy timeout, so two windows or two processes can share the file.
- Every change is its own committed transaction; there is nothing to save.
- The schema version lives in `PRAGMA user_version`; MIGRATIONS[i] upgrades version i to
  i + 1, in order. A file from a newer ocr-reader is refused, never rewritten.
- A file that is not a database, or fails SQLite's quick check, is moved aside and a new
  one is started; `Store.notice` says where the old one went.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.core.anchor import Selector
from reader.core.annotations import Annotation, normalise_tags
from reader.core.edits import Edit
from reader.core.model import Document
from reader.store import paths

FILENAME = "ocr-reader.sqlite3"
BUSY_TIMEOUT_MS = 5000

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: annotations, with tags in their own table so they can be renamed and merged.
    """
    CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        colour TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        created TEXT NOT NULL,
        modified TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        article TEXT NOT NULL DEFAULT '',
        first_line INTEGER NOT NULL DEFAULT 0,
        last_line INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX annotations_by_document ON annotations(fingerprint, start);
    CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    );
    CREATE TABLE annotation_tags (
        annotation TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (annotation, tag)
    ) WITHOUT ROWID;
    CREATE INDEX annotation_tags_by_tag ON annotation_tags(tag);
    """,
    # 1 -> 2: each annotation row also carries its tags, so a page's annotations load with
    # one query; the tag tables stay the truth for renaming and merging.
    "migrate_tag_list",
    # 2 -> 3: the library: folders, their pages, each page's articles, and a full-text index
    # of the articles (jieba search-mode tokens joined by spaces; bm25 ranking).
    """
    CREATE TABLE library_folders (
        path TEXT PRIMARY KEY,
        added TEXT NOT NULL
    );
    CREATE TABLE library_documents (
        path TEXT PRIMARY KEY,
        folder TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime REAL NOT NULL,
        sha256 TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        date TEXT NOT NULL DEFAULT '',
        articles INTEGER NOT NULL DEFAULT 0,
        encoding TEXT NOT NULL DEFAULT '',
        problem TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX library_documents_by_folder ON library_documents(folder);
    CREATE TABLE library_articles (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL REFERENCES library_documents(path) ON DELETE CASCADE,
        article INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL
    );
    CREATE INDEX library_articles_by_path ON library_articles(path);
    CREATE VIRTUAL TABLE library_index USING fts5(title, body, tokenize = 'unicode61')
    """,
    # 3 -> 4: corrections made by hand, per page, replayed in order over the reflow.
    """
    CREATE TABLE edits (
        id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX edits_by_document ON edits(fingerprint, seq)
    """,
    # 4 -> 5: what each annotated or corrected page looked like (a bottom-k sketch of its
    # character shingles), so a changed copy of it (re-OCR'd, edited, moved) is recognised
    # and its annotations and corrections are carried over instead of hidden.
    """
    CREATE TABLE documents (
        fingerprint TEXT PRIMARY KEY,
        path TEXT NOT NULL DEFAULT '',
        chars INTEGER NOT NULL DEFAULT 0,
        sketch BLOB NOT NULL,
        seen TEXT NOT NULL
    );
    CREATE INDEX documents_by_path ON documents(path)
    """,
)
VERSION = len(MIGRATIONS)
TAG_SEPARATOR = "\x1f"

_COLUMNS = (
    'id, fingerprint, colour, note, exact, prefix, suffix, start, "end", created, modified, '
    "path, article, first_line, last_line, tag_list"
)


def migrate_tag_list(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE annotations ADD COLUMN tag_list TEXT NOT NULL DEFAULT ''")
    _refresh_tag_lists(db, [r[0] for r in db.execute("SELECT id FROM annotations")])


def _refresh_tag_lists(db: sqlite3.Connection, ids: Sequence[str]) -> None:
    for annotation_id in ids:
        names = db.execute(
            "SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag "
            "WHERE at.annotation = ? ORDER BY at.position",
            (annotation_id,),
        )
        db.execute(
            "UPDATE annotations SET tag_list = ? WHERE id = ?",
            (TAG_SEPARATOR.join(n[0] for n in names), annotation_id),
        )


def apply_migration(db: sqlite3.Connection, step: str) -> None:
    """Run one entry of MIGRATIONS: SQL statements, or the name of a function here."""
    if step.isidentifier():
        globals()[step](db)
        return
    for statement in step.split(";"):
        if statement.strip():
            db.execute(statement)


class StoreError(Exception):
    """A store problem worth telling the user about, in one sentence."""


class NewerSchemaError(StoreError):
    pass


def default_path() -> Path:
    return paths.data_dir() / FILENAME


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "the annotation database is locked by another program; try again in a moment"
    if "full" in text:
        return "the disk is full, so the change could not be saved"
    if "readonly" in text or "read-only" in text:
        return "the annotation database is read-only, so the change could not be saved"
    if "malformed" in text or "not a database" in text:
        return "the annotation database is damaged; restart ocr-reader to start a new one"
    return f"the annotation database failed: {exc}"


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    count: int


class Store:
    """Annotations and tags in one SQLite database. Not shared between threads: each
    thread opens its own Store (cheap) on the same file."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        check: bool = True,
        timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.timeout_ms = timeout_ms
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.notice: str | None = None
        try:
            self.db = self._connect(check)
        except sqlite3.DatabaseError as exc:
            if not check or not _damaged(exc):
                raise StoreError(_explain(exc)) from None
            moved = self._move_aside()
            self.notice = (
                f"The annotation database was damaged ({exc}). It was moved to {moved.name} "
                "and a new one was started."
            )
            self.db = self._connect(check)

    # -- opening -------------------------------------------------------------------------

    def _connect(self, check: bool) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.timeout_ms / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {self.timeout_ms}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            # Reading a page's annotations maps the file instead of copying it page by page.
            db.execute("PRAGMA mmap_size = 268435456")
            if check:
                result = db.execute("PRAGMA quick_check").fetchone()
                if result is None or result[0] != "ok":
                    raise sqlite3.DatabaseError(f"quick check: {result[0] if result else '?'}")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise NewerSchemaError(
                    f"{self.path} was written by a newer ocr-reader (schema {version}; this "
                    f"version knows {VERSION}). Update ocr-reader to open it."
                )
            if version < VERSION:
                self._migrate(db, version)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection, version: int) -> None:
        for target in range(version + 1, VERSION + 1):
            db.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated meanwhile.
                if db.execute("PRAGMA user_version").fetchone()[0] >= target:
                    db.execute("COMMIT")
                    continue
                apply_migration(db, MIGRATIONS[target - 1])
                db.execute(f"PRAGMA user_version = {target}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        moved = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        os.replace(self.path, moved)
        for suffix in ("-wal", "-shm"):
            extra = Path(str(self.path) + suffix)
            if extra.exists():
                os.replace(extra, Path(str(moved) + suffix))
        return moved

    def close(self) -> None:
        self.db.close()

    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; SQLite errors become StoreError."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(_explain(exc)) from None
        try:
            yield self.db
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise StoreError(_explain(exc)) from None
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def _read(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(_explain(exc)) from None

    # -- annotations ---------------------------------------------------------------------

    def put(self, ann: Annotation) -> None:
        """Insert or replace one annotation with its tags."""
        self.put_many([ann])

    def put_many(self, annotations: Iterable[Annotation]) -> None:
        with self._write() as db:
            for ann in annotations:
                _put(db, ann)

    def delete(self, annotation_id: str) -> None:
        self.delete_many([annotation_id])

    def delete_many(self, ids: Iterable[str]) -> None:
        with self._write() as db:
            db.executemany("DELETE FROM annotations WHERE id = ?", [(i,) for i in ids])
            _drop_unused_tags(db)

    def get(self, annotation_id: str) -> Annotation | None:
        found = self._annotations("WHERE id = ?", (annotation_id,))
        return found[0] if found else None

    def for_document(self, fingerprint: str) -> list[Annotation]:
        # In no order: the caller sorts what it finds by where it is now.
        return self._annotations("WHERE fingerprint = ?", (fingerprint,))

    def all(self) -> list[Annotation]:
        return self._annotations("ORDER BY path, start, created", ())

    def count(self, fingerprint: str | None = None) -> int:
        if fingerprint is None:
            return int(self._read("SELECT count(*) FROM annotations")[0][0])
        rows = self._read("SELECT count(*) FROM annotations WHERE fingerprint = ?", (fingerprint,))
        return int(rows[0][0])

    def _annotations(self, where: str, args: Sequence[object]) -> list[Annotation]:
        rows = self._read(f"SELECT {_COLUMNS} FROM annotations {where}", args)
        return [_row(row) for row in rows]

    # -- tags ----------------------------------------------------------------------------

    def tags(self) -> list[TagCount]:
        rows = self._read(
            "SELECT t.name, count(at.annotation) FROM tags t "
            "LEFT JOIN annotation_tags at ON at.tag = t.id GROUP BY t.id "
            "HAVING count(at.annotation) > 0 ORDER BY t.name COLLATE NOCASE"
        )
        return [TagCount(name, int(n)) for name, n in rows]

    def by_tag(self, name: str) -> list[Annotation]:
        return self._annotations(
            "WHERE id IN (SELECT at.annotation FROM annotation_tags at JOIN tags t "
            "ON t.id = at.tag WHERE t.name = ?) ORDER BY path, start",
            (name,),
        )

    def rename_tag(self, old: str, new: str) -> None:
        """Rename a tag everywhere; renaming onto an existing tag merges the two."""
        self.merge_tags([old], new)

    def merge_tags(self, sources: Sequence[str], target: str) -> None:
        target = normalise_tags([target])[0] if normalise_tags([target]) else ""
        if not target:
            raise StoreError("a tag needs a name")
        with self._write() as db:
            db.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", (target,))
            # Keep the new spelling when only the case changes.
            db.execute("UPDATE tags SET name = ? WHERE name = ?", (target, target))
            target_id = db.execute("SELECT id FROM tags WHERE name = ?", (target,)).fetchone()[0]
            for source in sources:
                row = db.execute("SELECT id FROM tags WHERE name = ?", (source,)).fetchone()
                if row is None or row[0] == target_id:
                    continue
                db.execute(
                    "INSERT OR IGNORE INTO annotation_tags(annotation, tag, position) "
                    "SELECT annotation, ?, position FROM annotation_tags WHERE tag = ?",
                    (target_id, row[0]),
                )
                db.execute("DELETE FROM tags WHERE id = ?", (row[0],))
            _drop_unused_tags(db)
            _touch_tagged(db, target_id)

    def delete_tag(self, name: str) -> None:
        """Remove a tag from every annotation (the annotations stay)."""
        with self._write() as db:
            row = db.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
            if row is not None:
                ids = [
                    r[0]
                    for r in db.execute(
                        "SELECT annotation FROM annotation_tags WHERE tag = ?", (row[0],)
                    )
                ]
                db.execute("DELETE FROM tags WHERE id = ?", (row[0],))
                _touch(db, ids)

    # -- corrections ---------------------------------------------------------------------

    def edits(self, fingerprint: str) -> list[Edit]:
        rows = self._read(
            "SELECT data FROM edits WHERE fingerprint = ? ORDER BY seq", (fingerprint,)
        )
        return [Edit.from_json(json.loads(r[0])) for r in rows]

    def add_edit(self, edit: Edit, seq: int | None = None) -> None:
        """Store an edit, last of its page's (or at `seq`, when an undo puts it back)."""
        with self._write() as db:
            if seq is None:
                row = db.execute(
                    "SELECT coalesce(max(seq), -1) + 1 FROM edits WHERE fingerprint = ?",
                    (edit.fingerprint,),
                ).fetchone()
                seq = int(row[0])
            db.execute(
                "INSERT OR REPLACE INTO edits(id, fingerprint, seq, data, created) "
                "VALUES (?, ?, ?, ?, ?)",
                (edit.id, edit.fingerprint, seq, json.dumps(edit.to_json(), ensure_ascii=False),
                 edit.created),
            )  # fmt: skip

    def edit_seq(self, edit_id: str) -> int | None:
        rows = self._read("SELECT seq FROM edits WHERE id = ?", (edit_id,))
        return int(rows[0][0]) if rows else None

    def delete_edit(self, edit_id: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM edits WHERE id = ?", (edit_id,))

    def merge_edits(self, edits: Iterable[Edit]) -> int:
        """Add the edits not stored yet (by id), after the page's own. Returns how many."""
        added = 0
        for edit in edits:
            if not self._read("SELECT 1 FROM edits WHERE id = ?", (edit.id,)):
                self.add_edit(edit)
                added += 1
        return added

    # -- import --------------------------------------------------------------------------

    def merge(self, annotations: Iterable[Annotation]) -> tuple[int, int, int]:
        """Import by id: new ones are added, newer versions replace older ones, the rest are
        left alone. Returns (added, updated, unchanged)."""
        added = updated = unchanged = 0
        with self._write() as db:
            for ann in annotations:
                row = db.execute("SELECT modified FROM annotations WHERE id = ?", (ann.id,))
                found = row.fetchone()
                if found is None:
                    added += 1
                elif ann.modified > found[0]:
                    updated += 1
                else:
                    unchanged += 1
                    continue
                _put(db, ann)
        return added, updated, unchanged


def _damaged(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("not a database", "malformed", "quick check", "corrupt"))


def _put(db: sqlite3.Connection, ann: Annotation) -> None:
    sel = ann.selector
    db.execute(
        f"INSERT OR REPLACE INTO annotations({_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
        (
            ann.id,
            ann.fingerprint,
            ann.colour,
            ann.note,
            sel.exact,
            sel.prefix,
            sel.suffix,
            sel.start,
            sel.end,
            ann.created,
            ann.modified,
            ann.path,
            ann.article,
            ann.lines[0],
            ann.lines[1],
        ),
    )
    # INSERT OR REPLACE deletes the old row first, and with it (cascade) its tags.
    db.execute("DELETE FROM annotation_tags WHERE annotation = ?", (ann.id,))
    for position, tag in enumerate(normalise_tags(ann.tags)):
        db.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", (tag,))
        db.execute(
            "INSERT INTO annotation_tags(annotation, tag, position) "
            "SELECT ?, id, ? FROM tags WHERE name = ?",
            (ann.id, position, tag),
        )
    if ann.tags:
        _refresh_tag_lists(db, [ann.id])  # as the tags table spells them
    _drop_unused_tags(db)


def _drop_unused_tags(db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag FROM annotation_tags)")


def _touch(db: sqlite3.Connection, ids: Sequence[str]) -> None:
    from reader.core.annotations import now

    stamp = now()
    db.executemany("UPDATE annotations SET modified = ? WHERE id = ?", [(stamp, i) for i in ids])
    _refresh_tag_lists(db, ids)


def _touch_tagged(db: sqlite3.Connection, tag_id: int) -> None:
    ids = [
        r[0] for r in db.execute("SELECT annotation FROM annotation_tags WHERE tag = ?", (tag_id,))
    ]
    _touch(db, ids)


def _row(row: tuple) -> Annotation:
    (ann_id, fp, colour, note, exact, prefix, suffix, start, end, created, modified) = row[:11]
    path, article, first, last, tag_list = row[11:]
    tags = tag_list.split(TAG_SEPARATOR) if tag_list else []
    return Annotation(
        id=ann_id,
        fingerprint=fp,
        selector=Selector(exact, prefix, suffix, start, end),
        colour=colour,
        tags=tags,
        note=note,
        created=created,
        modified=modified,
        path=path,
        article=article,
        lines=(first, last),
    )


def stored_edits(path: str | os.PathLike[str] | None, fingerprint: str) -> list[Edit]:
    """A page's corrections, read with a connection of the calling thread's own; none
    when there is no database or it cannot be read (the page then shows uncorrected)."""
    if path is None:
        return []
    try:
        store = Store(path, check=False)
    except StoreError:
        return []
    try:
        return store.edits(fingerprint)
    except StoreError:
        return []
    finally:
        store.close()


def corrected(doc: Document, path: str | os.PathLike[str] | None) -> Document:
    """The page with its stored corrections applied (as the window shows it)."""
    from reader.core.edits import apply

    edits = stored_edits(path, doc.source.fingerprint)
    return apply(doc, edits).doc if edits else doc
