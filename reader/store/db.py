"""The annotation store: one SQLite file in the data directory.

- WAL journal and a busy timeout, so two windows or two processes can share the file.
- Every change is its own committed transaction; there is nothing to save.
- The schema version lives in `PRAGMA user_version`; MIGRATIONS[i] upgrades version i to
  i + 1, in order. A file from a newer ocr-reader is refused, never rewritten.
- A file that is not a database, or fails SQLite's quick check, is salvaged: every row that
  can still be read goes into a new database (read through SQL row by row past unreadable
  pages, then from the raw pages the SQL could not reach; a destroyed header is rebuilt on a
  copy), and only then is the damaged file moved aside, its bytes untouched, under a name
  no other file has. A lock file beside the database lets one process at a time do this.
  `Store.notice` says what was kept and where the old file went.
- A data folder or file that cannot be written is opened read-only (`Store.read_only`):
  reads work, every write raises StoreError, and nothing is migrated; tables an older file
  lacks are stood in for, empty, in memory.
- A database locked by another program (at opening or for a change) raises StoreLocked, a
  StoreError to try again later; a lock is never taken for damage.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.core.anchor import Selector
from reader.core.annotations import Annotation, normalise_tags
from reader.core.edits import Edit
from reader.store import paths

if TYPE_CHECKING:
    from reader.store import salvage

try:
    import fcntl
except ImportError:  # Windows: no flock; unique names alone keep every damaged original
    fcntl = None  # type: ignore[assignment]

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
    # 5 -> 6: which tokenisation each library page was indexed with (0: jieba over the
    # text as printed; the library re-indexes pages older than its own, see library.TOKENS).
    "migrate_library_tokens",
    # 6 -> 7: tokens reused by article: each library article's fingerprint (of its text and
    # the segmenter that cut it), so a copy or an unchanged article takes its tokens from the
    # index instead of being cut again; and the segmenter each page was cut with.
    "migrate_library_cache",
    # 7 -> 8: versions of a page that were given copies of each other's annotations and
    # corrections (versions.carry_over): each keeps its own after that, so what is deleted
    # on one is not copied back from the other.
    """
    CREATE TABLE version_links (
        pair TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        other TEXT NOT NULL
    );
    CREATE INDEX version_links_by_fingerprint ON version_links(fingerprint)
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


def migrate_library_tokens(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE library_documents ADD COLUMN tokens INTEGER NOT NULL DEFAULT 0")


def migrate_library_cache(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE library_documents ADD COLUMN segmenter TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE library_articles ADD COLUMN fingerprint BLOB")
    db.execute("CREATE INDEX library_articles_by_fingerprint ON library_articles(fingerprint)")


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


_COLUMN_NAMES = tuple(c.strip().strip('"') for c in _COLUMNS.split(","))
READ_ONLY = "the data folder is read-only, so annotations can be read and exported but not changed"
CONFLICT_TAG = "import-conflict"
# Conflicting copies get an id derived from what they hold, so importing the same file
# twice stores one copy, not two.
_CONFLICTS = uuid.UUID("6c1c5d3e-1f0b-4d3e-9a57-0c0a7e1d2b11")


def storable(value: str) -> str:
    """A text as the database can hold it: a file name that is not UTF-8 (its bytes read
    by the system as stand-in characters, which SQLite refuses) with those bytes written
    as \\xNN, the same way each time, so it is found again."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return value


_ESCAPED = re.compile(r"\\x([0-9a-f]{2})")


def stored_name(value: str) -> str:
    """A file name as storable() stored it, back as the system names the file: its \\xNN
    as the bytes they were (where they are no UTF-8, which storable() never escapes)."""
    if "\\x" not in value:
        return value
    pieces = _ESCAPED.split(value)
    data = b"".join(
        bytes([int(piece, 16)]) if k % 2 else piece.encode("utf-8")
        for k, piece in enumerate(pieces)
    )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return os.fsdecode(data)
    return value  # a name that holds \\x as it is


def _storable_params(params: Any) -> Any:
    if isinstance(params, dict):
        return {k: storable(v) if isinstance(v, str) else v for k, v in params.items()}
    if isinstance(params, list | tuple):
        return tuple(storable(v) if isinstance(v, str) else v for v in params)
    return params


class SafeConnection(sqlite3.Connection):
    """A connection whose parameters are made storable (storable()) on the way in: every
    statement of the store takes file names, and one name that is not UTF-8 must not make
    a page impossible to open or to annotate."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        return super().execute(sql, _storable_params(parameters))

    def executemany(self, sql: str, seq: Any, /) -> sqlite3.Cursor:
        return super().executemany(sql, (_storable_params(p) for p in seq))


class StoreError(Exception):
    """A store problem worth telling the user about, in one sentence."""


class NewerSchemaError(StoreError):
    pass


class StoreLocked(StoreError):
    """Another program holds the database locked beyond the busy timeout (at opening, or
    for a change); trying again later may work."""


class Merged(NamedTuple):
    added: int
    updated: int
    unchanged: int
    conflicts: int  # kept beside the local one, tagged CONFLICT_TAG


def default_path() -> Path:
    return paths.data_dir() / FILENAME


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_IOERR_SHMSIZE":
        # A database in WAL mode is read through a shared-memory file beside it, which
        # SQLite could not make or grow: a full disk says "disk I/O error" even to a read.
        return (
            "the disk is full, so the annotation database cannot even be read; "
            "free some space and try again"
        )
    if "locked" in text or "busy" in text:
        return "the annotation database is locked by another program; try again in a moment"
    if "full" in text:
        return "the disk is full, so the change could not be saved"
    if "readonly" in text or "read-only" in text:
        return "the annotation database is read-only, so the change could not be saved"
    if _damaged(exc):
        # (damaged bytes inside a row of text read back as no UTF-8)
        return "the annotation database is damaged; restart ocr-reader to start a new one"
    return f"the annotation database failed: {exc}"


def _locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _error(exc: sqlite3.Error) -> StoreError:
    """The StoreError to raise for a SQLite error: StoreLocked when another program holds
    the lock beyond the busy timeout (trying again later may work)."""
    return StoreLocked(_explain(exc)) if _locked(exc) else StoreError(_explain(exc))


def _refused_write(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    count: int


class Store:
    """Annotations and tags in one SQLite database. Not shared between threads: each
    thread opens its own Store (cheap) on the same file.

    `read_only=True` opens the file without ever writing to it, as happens by itself when
    the data folder or the file cannot be written. `salvage=True` salvages the file as a
    damaged one, where its damage was met reading a row."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        check: bool = True,
        timeout_ms: int = BUSY_TIMEOUT_MS,
        read_only: bool = False,
        salvage: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.timeout_ms = timeout_ms
        self.notice: str | None = None
        self._scratch: Path | None = None  # a private copy of a read-only file, when needed
        folder = self.path.parent
        if not read_only:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"annotating is off: cannot create the data folder {folder} ({_reason(exc)})"
                ) from None
        self.read_only = read_only or not _writable(self.path)
        if self.read_only and not self.path.is_file():
            raise StoreError(
                f"annotating is off: the data folder {folder} is read-only and holds no "
                "annotation database"
            )
        # Damage met reading a row (bytes that are no UTF-8) is noted beside the file, as
        # the quick check does not see it: the next opening salvages it (_failed).
        noted = _sidecar(self.path, SALVAGE)
        if noted.exists() and not self.read_only:
            salvage = True
        try:
            try:
                if salvage and not self.read_only and self.path.is_file():
                    # Damage read in a row (bytes that are no UTF-8) that the quick check
                    # does not see: salvaged as a damaged file is, without asking it.
                    raise sqlite3.DatabaseError("damaged: could not decode a row's text")
                self.db = self._open(check)
            except sqlite3.DatabaseError as exc:
                if not (check or salvage) or not _damaged(exc):
                    raise
                self.db = self._recover(force=salvage)
            with contextlib.suppress(OSError):
                noted.unlink()  # (salvaged now, or never there)
        except sqlite3.Error as exc:
            self._drop_scratch()
            raise _error(exc) from None
        except OSError as exc:
            self._drop_scratch()
            raise StoreError(
                f"the annotation database {self.path} could not be opened: {_reason(exc)}"
            ) from None
        except BaseException:
            self._drop_scratch()
            raise

    # -- opening -------------------------------------------------------------------------

    def _open(self, check: bool) -> sqlite3.Connection:
        if not self.read_only:
            try:
                return self._connect(check)
            except sqlite3.OperationalError as exc:
                # Not writable after all (a read-only mount os.access missed, a -shm file of
                # another user): read it as it is.
                if not _refused_write(exc):
                    raise
                self.read_only = True
        return self._connect_read_only(check)

    def _connect(self, check: bool) -> sqlite3.Connection:
        checked = check and self._check()
        db = sqlite3.connect(
            self.path,
            timeout=self.timeout_ms / 1000,
            isolation_level=None,
            factory=SafeConnection,
        )
        try:
            db.execute(f"PRAGMA busy_timeout = {self.timeout_ms}")
            if check and not checked:
                _quick_check(db)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            # Reading a page's annotations maps the file instead of copying it page by page.
            db.execute("PRAGMA mmap_size = 268435456")
            version = self._version_allowed(db)
            if version < VERSION:
                self._migrate(db, version)
        except BaseException:
            db.close()
            raise
        return db

    def _check(self) -> bool:
        """Check the file on a read-only connection, so that a damaged file is never written
        to (a read-write connection would checkpoint its WAL into it on closing). False when
        that cannot be done here and the read-write connection has to check instead."""
        if not self.path.is_file():
            return True  # a new database
        try:
            db = sqlite3.connect(
                f"{self.path.absolute().as_uri()}?mode=ro",
                uri=True,
                timeout=self.timeout_ms / 1000,
                isolation_level=None,
            )
        except sqlite3.Error:
            return False
        try:
            db.execute(f"PRAGMA busy_timeout = {self.timeout_ms}")
            self._version_allowed(db)
            _quick_check(db)
        except sqlite3.OperationalError as exc:
            # A hot journal to roll back, or no -shm file to be had: not damage.
            if _refused_write(exc) or "unable to open" in str(exc).lower():
                return False
            raise
        finally:
            db.close()
        return True

    def _version_allowed(self, db: sqlite3.Connection) -> int:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > VERSION:
            raise NewerSchemaError(
                f"{self.path} was written by a newer ocr-reader (schema {version}; this "
                f"version knows {VERSION}). Update ocr-reader to open it."
            )
        return version

    def _connect_read_only(self, check: bool) -> sqlite3.Connection:
        db = self._read_only_connection()
        try:
            db.execute(f"PRAGMA busy_timeout = {self.timeout_ms}")
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA mmap_size = 268435456")
            if check:
                _quick_check(db)
            version = self._version_allowed(db)
            if version < VERSION:
                _stand_in(db, version)
            db.execute("PRAGMA query_only = 1")
        except BaseException:
            db.close()
            raise
        return db

    def _read_only_connection(self) -> sqlite3.Connection:
        uri = self.path.absolute().as_uri()
        timeout = self.timeout_ms / 1000
        db = sqlite3.connect(
            f"{uri}?mode=ro",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            factory=SafeConnection,
        )
        try:
            db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            return db
        except sqlite3.Error as exc:
            db.close()
            # A WAL database whose -shm file cannot be made in a read-only folder.
            if not isinstance(exc, sqlite3.OperationalError) or not (
                "unable to open" in str(exc).lower() or _refused_write(exc)
            ):
                raise
        wal = _sidecar(self.path, "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            # immutable=1 would not see the changes still in the WAL: read a private copy.
            self._scratch = Path(tempfile.mkdtemp(prefix="ocr-reader-"))
            copy = self._scratch / self.path.name
            shutil.copyfile(self.path, copy)
            shutil.copyfile(wal, _sidecar(copy, "-wal"))
            return sqlite3.connect(
                copy, timeout=timeout, isolation_level=None, factory=SafeConnection
            )
        return sqlite3.connect(
            f"{uri}?immutable=1",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            factory=SafeConnection,
        )

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

    # -- damage --------------------------------------------------------------------------

    def _recover(self, force: bool = False) -> sqlite3.Connection:
        """Salvage a damaged file into a new database, then move the file aside. `force`:
        whatever its quick check says (damage met reading a row, which it does not see)."""
        from reader.store import salvage  # it reads this module's schema and row format

        if self.read_only:
            # Nothing can be replaced: what survives is read into memory.
            found = salvage.read_damaged(self.path)
            db = sqlite3.connect(":memory:", isolation_level=None, factory=SafeConnection)
            self._migrate(db, 0)
            kept = salvage.fill(db, found)
            self.notice = (
                f"The annotation database is damaged and its folder is read-only, so it was "
                f"left as it is; {_kept_phrase(found, kept, 'can be read')}."
            )
            return db
        with _exclusive(_sidecar(self.path, ".lock")):
            # Another process may have salvaged it while this one waited for the lock.
            try:
                if not force:
                    return self._connect(True)
            except sqlite3.DatabaseError as exc:
                if not _damaged(exc):
                    raise
            found = salvage.read_damaged(self.path)
            moved, kept = self._replace_damaged(found)
            said = _kept_phrase(found, kept, "were kept")
            self.notice = (
                f"The annotation database was damaged. {said[0].upper()}{said[1:]}; the "
                f"damaged file was moved to {moved}."
            )
            if found.library:
                self.notice += " Its library must be indexed again to be searched."
            return self._connect(True)

    def _replace_damaged(self, found: salvage.Salvaged) -> tuple[Path, dict[str, int]]:
        """Write the salvaged rows to a new file, keep the damaged one under a new name,
        and put the new one in its place."""
        from reader.store import salvage

        folder = self.path.parent
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.salvage-")
        os.close(fd)
        fresh = Path(name)
        try:
            db = sqlite3.connect(fresh, isolation_level=None)
            try:
                db.execute("PRAGMA synchronous = FULL")
                self._migrate(db, 0)
                kept = salvage.fill(db, found)
            finally:
                db.close()
            shutil.copymode(self.path, fresh)
            moved = _keep_aside(self.path)
            # The old WAL belongs to the damaged file; the new one must not replay it.
            _sidecar(self.path, "-wal").unlink(missing_ok=True)
            _sidecar(self.path, "-shm").unlink(missing_ok=True)
            os.replace(fresh, self.path)
            _sync_folder(folder)
        except BaseException:
            fresh.unlink(missing_ok=True)
            raise
        return moved, kept

    def _drop_scratch(self) -> None:
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def close(self) -> None:
        self.db.close()
        self._drop_scratch()

    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; SQLite errors become StoreError."""
        if self.read_only:
            raise StoreError(READ_ONLY)
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._failed(exc) from None
        try:
            yield self.db
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise self._failed(exc) from None
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def _read(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: sqlite3.Error) -> StoreError:
        """The StoreError for an error met using the database; damage is noted beside
        the file (SALVAGE) for the next opening to salvage it."""
        if _damaged(exc) and not self.read_only:
            with contextlib.suppress(OSError):
                _sidecar(self.path, SALVAGE).touch()
        return _error(exc)

    # -- annotations ---------------------------------------------------------------------

    def put(self, ann: Annotation) -> None:
        """Insert or replace one annotation with its tags."""
        self.put_many([ann])

    def put_many(self, annotations: Iterable[Annotation]) -> None:
        with self._write() as db:
            for ann in annotations:
                _put(db, ann)

    def relabel(self, labels: Iterable[tuple[str, str, tuple[int, int]]]) -> None:
        """Store where annotations are now, (id, article, source lines) each: what the
        reading of their page says, not an edit of theirs (modified stays as it is)."""
        with self._write() as db:
            db.executemany(
                "UPDATE annotations SET article = ?, first_line = ?, last_line = ? WHERE id = ?",
                [(article, lines[0], lines[1], i) for i, article, lines in labels],
            )

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
        """A page's corrections in order; a stored one that cannot be read comes back as
        kind "unreadable" (which applies nowhere) instead of keeping the page from opening."""
        rows = self._read(
            "SELECT id, data, created FROM edits WHERE fingerprint = ? ORDER BY seq",
            (fingerprint,),
        )
        return [_edit(row_id, data, created, fingerprint) for row_id, data, created in rows]

    def all_edits(self) -> list[Edit]:
        """Every page's corrections, page by page, each page's in order."""
        rows = self._read(
            "SELECT id, data, created, fingerprint FROM edits ORDER BY fingerprint, seq"
        )
        return [_edit(row_id, data, created, fp) for row_id, data, created, fp in rows]

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

    def merge(self, annotations: Iterable[Annotation]) -> Merged:
        """Import by id. New ones are added. One whose note, tags or colour differ from the
        local one never replaces it: it is kept beside it under an id of its own, tagged
        CONFLICT_TAG (a conflict). The same content is left alone, or updated when only its
        place (selector, path, lines) is newer."""
        added = updated = unchanged = conflicts = 0
        with self._write() as db:
            for ann in annotations:
                row = db.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (ann.id,))
                found = row.fetchone()
                if found is None:
                    added += 1
                    _put(db, ann)
                    continue
                local = _row(found)
                if _same_content(local, ann):
                    if ann.modified > local.modified and _place(ann) != _place(local):
                        updated += 1
                        _put(db, ann)
                    else:
                        unchanged += 1
                    continue
                copy = _conflict_copy(ann)
                if db.execute("SELECT 1 FROM annotations WHERE id = ?", (copy.id,)).fetchone():
                    unchanged += 1  # this conflict was imported before
                    continue
                conflicts += 1
                _put(db, copy)
        return Merged(added, updated, unchanged, conflicts)


def _tag_key(tags: Iterable[str]) -> list[str]:
    return sorted(t.casefold() for t in normalise_tags(tags))


def _same_content(a: Annotation, b: Annotation) -> bool:
    return a.note == b.note and a.colour == b.colour and _tag_key(a.tags) == _tag_key(b.tags)


def _place(ann: Annotation) -> tuple[object, ...]:
    return (ann.fingerprint, tuple(ann.selector), ann.path, ann.article, tuple(ann.lines))


def _conflict_copy(ann: Annotation) -> Annotation:
    content = "\x00".join([ann.id, ann.note, ann.colour, *_tag_key(ann.tags)])
    tags = normalise_tags([*ann.tags, CONFLICT_TAG])
    return replace(ann, id=str(uuid.uuid5(_CONFLICTS, content)), tags=tags)


def _edit(row_id: str, data: object, created: object, fingerprint: str) -> Edit:
    try:
        parsed = json.loads(data)  # type: ignore[arg-type]
        return Edit.from_json(parsed)
    except (ValueError, KeyError, TypeError, AttributeError):
        raw = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
        return Edit(
            kind="unreadable",
            target=Selector("", "", "", -1, -1),
            id=row_id,
            fingerprint=fingerprint,
            value={"data": raw},
            created=str(created),
        )


# Beside the database: damage was met reading it, and the next opening salvages it.
SALVAGE = ".salvage"


def _damaged(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(
        word in text
        for word in (
            "not a database",
            "malformed",
            "quick check",
            "corrupt",
            "could not decode",
            # (a full-text index whose own tables are damaged cannot be opened)
            "vtable constructor failed",
        )
    )


def _quick_check(db: sqlite3.Connection) -> None:
    result = db.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise sqlite3.DatabaseError(f"quick check: {result[0] if result else '?'}")


def _sidecar(path: Path, suffix: str) -> Path:
    return Path(str(path) + suffix)


def _writable(path: Path) -> bool:
    """Whether the database can be written: its folder (SQLite makes its -wal and -shm
    files there) and the file itself, with its -wal and -shm files when they are there."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return False
    files = [path, _sidecar(path, "-wal"), _sidecar(path, "-shm")]
    return all(os.access(f, os.W_OK) for f in files if f.exists())


def _stand_in(db: sqlite3.Connection, version: int) -> None:
    """Let a read-only file of an older schema be read as it is: the tables and columns it
    lacks are stood in for by empty TEMP tables and a TEMP view (never written to the file)."""
    for target in range(version + 1, VERSION + 1):
        step = MIGRATIONS[target - 1]
        if step == "migrate_tag_list":
            if db.execute(
                "SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = 'annotations'"
            ).fetchone():
                db.execute(
                    "CREATE TEMP VIEW annotations AS SELECT a.*, coalesce((SELECT "
                    f"group_concat(name, char({ord(TAG_SEPARATOR)})) FROM (SELECT t.name "
                    "FROM main.annotation_tags at JOIN main.tags t ON t.id = at.tag "
                    "WHERE at.annotation = a.id ORDER BY at.position)), '') AS tag_list "
                    "FROM main.annotations a"
                )
            else:
                migrate_tag_list(db)  # on the TEMP table an earlier step made
            continue
        if step == "migrate_library_tokens":
            if db.execute(
                "SELECT 1 FROM main.sqlite_schema WHERE type = 'table' "
                "AND name = 'library_documents'"
            ).fetchone():
                db.execute(
                    "CREATE TEMP VIEW library_documents AS "
                    "SELECT d.*, 0 AS tokens FROM main.library_documents d"
                )
            else:
                migrate_library_tokens(db)  # on the TEMP table an earlier step made
            continue
        if step == "migrate_library_cache":
            _stand_in_library_cache(db)
            continue
        for statement in step.split(";"):
            statement = statement.strip()
            if statement.startswith("CREATE TABLE"):
                statement = statement.replace("CREATE TABLE", "CREATE TEMP TABLE", 1)
            elif statement.startswith("CREATE VIRTUAL TABLE"):
                statement = statement.replace("VIRTUAL TABLE ", "VIRTUAL TABLE temp.", 1)
            if statement:
                db.execute(statement)


def _stand_in_library_cache(db: sqlite3.Connection) -> None:
    """The columns of migrate_library_cache on a read-only file: the pages read as cut by
    no known segmenter (so the library calls them outdated), the articles as unfingerprinted."""
    kinds = dict(db.execute("SELECT name, type FROM temp.sqlite_schema").fetchall())
    if kinds.get("library_documents") == "table":  # an earlier step made it, empty
        db.execute("ALTER TABLE temp.library_documents ADD COLUMN segmenter TEXT DEFAULT ''")
    else:
        # Over the main table, or in place of the view that stood in for its tokens column.
        tokens = ""
        if kinds.get("library_documents") == "view":
            db.execute("DROP VIEW temp.library_documents")
            tokens = "0 AS tokens, "
        db.execute(
            f"CREATE TEMP VIEW library_documents AS SELECT d.*, {tokens}'' AS segmenter "
            "FROM main.library_documents d"
        )
    if kinds.get("library_articles") == "table":
        db.execute("ALTER TABLE temp.library_articles ADD COLUMN fingerprint BLOB")
    else:
        db.execute(
            "CREATE TEMP VIEW library_articles AS SELECT a.*, NULL AS fingerprint "
            "FROM main.library_articles a"
        )


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    """Hold an exclusive lock on a file beside the database while salvaging it, so that
    two processes starting on the same damaged file never both handle it."""
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        fd = -1  # no lock to be had: unique names still keep every original
    try:
        if fd >= 0 and fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if fd >= 0:
            os.close(fd)  # releases the lock


def _link_or_copy(source: Path, target: Path) -> None:
    """Give `source` a second name `target` (a new file: FileExistsError if taken)."""
    try:
        os.link(source, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # a file system without hard links: copy into a file made for it alone
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as data:
        shutil.copyfileobj(data, out)
        out.flush()
        os.fsync(out.fileno())
    shutil.copymode(source, target)


def _keep_aside(path: Path) -> Path:
    """A new, unique name for the damaged file (and its WAL), which keeps its bytes."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in itertools.count():
        moved = path.with_name(f"{path.name}.damaged-{stamp}-{os.getpid()}-{n}")
        try:
            _link_or_copy(path, moved)
            break
        except FileExistsError:
            continue
    wal = _sidecar(path, "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        with suppress(FileExistsError):
            _link_or_copy(wal, _sidecar(moved, "-wal"))
    return moved


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _amount(kept: int, total: int | None, noun: str) -> str:
    if total is not None and kept >= total:
        return f"all {kept:,} of its {noun}"
    if total is not None:
        return f"{kept:,} of its {total:,} {noun}"
    return f"{kept:,} of its {noun}"


def _kept_phrase(found: salvage.Salvaged, kept: dict[str, int], verb: str) -> str:
    """What survived, as the middle of a sentence: "2,998 of its 3,000 annotations and all
    12 of its corrections were kept"."""
    nouns = {"annotations": "annotations", "edits": "corrections"}
    if not any(kept.values()) and all(found.totals.get(t) is None for t in nouns):
        return "nothing in it could be read"
    parts = [
        _amount(kept.get(table, 0), found.totals.get(table), noun)
        for table, noun in nouns.items()
        if kept.get(table, 0) or found.totals.get(table) != 0
    ]
    if not parts:
        return "it held no annotations or corrections"
    return f"{' and '.join(parts)} {verb}"


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
