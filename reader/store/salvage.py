"""Reading what a damaged annotation database still holds, without ever writing to it.

Rows come out through SQL, row by row past unreadable pages, and, for what SQL cannot
reach, straight from the file's b-tree pages (never from the free list, so deleted rows
stay deleted). A destroyed header is rebuilt on a private copy by probing page sizes.
`Store` (reader.store.db) copies what is found into a fresh database before it moves the
damaged file aside.
"""

from __future__ import annotations

import mmap
import shutil
import sqlite3
import struct
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from reader.store.db import (
    _COLUMN_NAMES,
    MIGRATIONS,
    TAG_SEPARATOR,
    _put,
    _row,
    _sidecar,
    apply_migration,
)

# The library's pages, articles and index are left behind: re-indexing its folders rebuilds
# them from the pages themselves.

SALVAGED = ("annotations", "edits", "documents", "library_folders", "version_links")
_KEYS = {
    "annotations": "id",
    "edits": "id",
    "documents": "fingerprint",
    "library_folders": "path",
    "version_links": "pair",
}
_TYPES: dict[str, type | tuple[type, ...]] = {
    "TEXT": str,
    "INTEGER": int,
    "BLOB": bytes,
    "REAL": (int, float),
}
MIN_ROWID, MAX_ROWID = -(2**63), 2**63 - 1
MAGIC = b"SQLite format 3\x00"
# The most common first: on a tie while probing a lost header, the earlier one wins.
PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)
_TABLE_LEAF, _TABLE_INTERIOR, _INDEX_LEAF, _INDEX_INTERIOR = 13, 5, 10, 2

Rows = list[tuple[int, dict[str, object]]]  # (rowid, column -> value)
Buffer = bytes | mmap.mmap


@dataclass
class Salvaged:
    """What could be read from a damaged file."""

    rows: dict[str, list[dict[str, object]]] = field(default_factory=dict)  # by table
    totals: dict[str, int | None] = field(default_factory=dict)  # rows it had, when known
    library: bool = False  # it had indexed library pages


class _Column(NamedTuple):
    name: str
    type: str
    notnull: bool
    default: object


@cache
def _schema() -> dict[str, tuple[_Column, ...]]:
    """The current columns of each salvaged table."""
    db = sqlite3.connect(":memory:")
    try:
        for step in MIGRATIONS:
            apply_migration(db, step)
        out: dict[str, tuple[_Column, ...]] = {}
        for table in SALVAGED:
            columns = []
            for _cid, name, kind, notnull, default, _pk in db.execute(
                f'PRAGMA table_info("{table}")'
            ):
                value = db.execute(f"SELECT {default}").fetchone()[0] if default else None
                columns.append(_Column(name, kind.upper(), bool(notnull), value))
            out[table] = tuple(columns)
        return out
    finally:
        db.close()


def _fits(table: str, values: dict[str, object]) -> dict[str, object] | None:
    """The row as the current table holds it (defaults for columns an older file lacked),
    or None when its values cannot be right (wrong types, missing required values)."""
    out: dict[str, object] = {}
    for column in _schema()[table]:
        value = values.get(column.name, column.default)
        if value is None:
            if column.notnull:
                return None
        else:
            wanted = _TYPES.get(column.type)
            if wanted is not None and (not isinstance(value, wanted) or isinstance(value, bool)):
                return None
        out[column.name] = value
    key = out.get(_KEYS[table])
    return out if isinstance(key, str) and key else None


def read_damaged(path: Path) -> Salvaged:
    """Every row of the salvaged tables that can still be read from a damaged file. The
    file itself is only ever read: the work is done on a private copy."""
    with tempfile.TemporaryDirectory(prefix="ocr-reader-salvage-") as scratch:
        copy = Path(scratch) / "damaged.sqlite3"
        shutil.copyfile(path, copy)
        wal = _sidecar(path, "-wal")
        has_wal = wal.is_file() and wal.stat().st_size > 0
        if has_wal:
            shutil.copyfile(wal, _sidecar(copy, "-wal"))
        with copy.open("rb") as fh:
            header_whole = _page_size(fh.read(100)) is not None
        if not header_whole:
            _rebuild_header(copy, _wal_page_size(wal) if has_wal else None, has_wal)
        _checkpoint(copy)
        return _read_salvage(copy, header_whole)


def _read_salvage(copy: Path, header_whole: bool) -> Salvaged:
    found = Salvaged()
    rows: dict[str, Rows] = {}
    gaps: dict[str, list[tuple[int, int]]] = {}
    columns: dict[str, list[str]] = {}
    everything = [(MIN_ROWID, MAX_ROWID)]
    db = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True, isolation_level=None)
    db.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_schema")}
        except sqlite3.DatabaseError:
            tables = None  # the schema is lost: look for every table's rows in the pages
        for table in SALVAGED:
            names = _table_columns(db, table) if tables is not None and table in tables else None
            if names is None:
                if tables is None or table in tables:
                    gaps[table] = everything
                continue
            columns[table] = names
            rows[table], gaps[table] = _walk(db, table, names)
            found.totals[table] = len(rows[table]) if not gaps[table] else _total(db, table)
        if "annotations" in columns and "tag_list" not in columns["annotations"]:
            _old_tags(db, rows["annotations"])
        library = _has_rows(db, "library_documents") if tables is not None else None
    finally:
        db.close()
    if any(gaps.values()):
        _scan_pages(copy, header_whole, columns, gaps, rows)
    for table in SALVAGED:
        found.rows[table] = [values for _rowid, values in rows.get(table, [])]
        total = found.totals.get(table)
        if total is not None or not gaps.get(table):
            found.totals[table] = max(total or 0, len(found.rows[table]))
    found.library = bool(library) if library is not None else bool(found.rows["library_folders"])
    return found


def _table_columns(db: sqlite3.Connection, table: str) -> list[str] | None:
    try:
        names = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return None
    return names or None


def _walk(
    db: sqlite3.Connection, table: str, names: Sequence[str]
) -> tuple[Rows, list[tuple[int, int]]]:
    """The table's readable rows in rowid order, and the rowid ranges (first, last) that
    could not be read. Past an unreadable page, the next rowid that can be sought to is
    found by probing ahead in doubling steps, then bisecting back."""
    listed = ", ".join('"' + name.replace('"', '""') + '"' for name in names)
    walk = f'SELECT rowid, {listed} FROM "{table}" WHERE rowid >= ? ORDER BY rowid'
    probe = f"{walk} LIMIT 1"

    def readable(low: int) -> bool:
        try:
            db.execute(probe, (low,)).fetchall()
        except sqlite3.DatabaseError:
            return False
        return True

    rows: Rows = []
    gaps: list[tuple[int, int]] = []
    low: int | None = MIN_ROWID
    while low is not None:
        try:
            for row in db.execute(walk, (low,)):
                rows.append((row[0], dict(zip(names, row[1:], strict=True))))
                low = row[0] + 1
            return rows, gaps
        except sqlite3.DatabaseError:
            pass
        if low > MAX_ROWID:
            break
        # Nothing from `low` on can be sought to; the rows before the next one that can are lost.
        resume = _next_readable(readable, low)
        gaps.append((low, resume - 1 if resume is not None else MAX_ROWID))
        low = resume
    return rows, gaps


def _next_readable(readable: Callable[[int], bool], low: int) -> int | None:
    failed, step = low, 1
    while failed < MAX_ROWID:
        ahead = min(failed + step, MAX_ROWID)
        if readable(ahead):
            while ahead - failed > 1:
                middle = (failed + ahead) // 2
                if readable(middle):
                    ahead = middle
                else:
                    failed = middle
            return ahead
        failed, step = ahead, step * 2
    return None


def _total(db: sqlite3.Connection, table: str) -> int | None:
    """How many rows the table had, as an index of it still tells (None: none does)."""
    counts = []
    try:
        indexes = [r[1] for r in db.execute(f'PRAGMA index_list("{table}")')]
    except sqlite3.DatabaseError:
        return None
    for index in indexes:
        try:
            counts.append(
                db.execute(f'SELECT count(*) FROM "{table}" INDEXED BY "{index}"').fetchone()[0]
            )
        except sqlite3.DatabaseError:
            continue
    return max(counts) if counts else None


def _old_tags(db: sqlite3.Connection, rows: Rows) -> None:
    """Tags of a file from before tag_list, from its tag tables, as far as they read."""
    tags: dict[str, list[str]] = {}
    try:
        for annotation, name in db.execute(
            "SELECT at.annotation, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag "
            "ORDER BY at.annotation, at.position"
        ):
            tags.setdefault(annotation, []).append(name)
    except sqlite3.DatabaseError:
        pass
    for _rowid, values in rows:
        values["tag_list"] = TAG_SEPARATOR.join(tags.get(str(values.get("id")), []))


def _has_rows(db: sqlite3.Connection, table: str) -> bool | None:
    try:
        return db.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0] == 1
    except sqlite3.OperationalError as exc:
        return False if "no such table" in str(exc) else None
    except sqlite3.DatabaseError:
        return None


def fill(db: sqlite3.Connection, found: Salvaged) -> dict[str, int]:
    """Write salvaged rows to a new database; how many of each table went in."""
    kept = dict.fromkeys(SALVAGED, 0)
    db.execute("BEGIN")
    try:
        for table in SALVAGED:
            for values in found.rows.get(table, []):
                fields = _fits(table, values)
                if fields is None:
                    continue
                db.execute("SAVEPOINT salvaged")
                try:
                    if table == "annotations":
                        _put(db, _row(tuple(fields[c] for c in _COLUMN_NAMES)))
                    else:
                        names = ", ".join(f'"{name}"' for name in fields)
                        marks = ", ".join("?" * len(fields))
                        db.execute(
                            f'INSERT INTO "{table}"({names}) VALUES ({marks})',
                            list(fields.values()),
                        )
                except sqlite3.IntegrityError:
                    db.execute("ROLLBACK TO salvaged")
                    db.execute("RELEASE salvaged")
                    continue
                db.execute("RELEASE salvaged")
                kept[table] += 1
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return kept


# -- the file format, for what SQL cannot reach ---------------------------------------------


def _u16(data: Buffer, at: int) -> int:
    return int.from_bytes(data[at : at + 2], "big")


def _u32(data: Buffer, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "big")


def _page_size(header: bytes) -> int | None:
    """The page size a database header names, if the header is a real one."""
    if len(header) < 100 or header[:16] != MAGIC:
        return None
    size = _u16(header, 16)
    size = 65536 if size == 1 else size
    return size if size in PAGE_SIZES else None


def _wal_page_size(wal: Path) -> int | None:
    with wal.open("rb") as fh:
        header = fh.read(32)
    if len(header) < 32 or _u32(header, 0) not in (0x377F0682, 0x377F0683):
        return None
    size = _u32(header, 8)
    return size if size in PAGE_SIZES else None


def _btree_page(page: bytes, offset: int, size: int) -> bool:
    """Whether a b-tree page header starts at `offset` whose cells all lie in the page."""
    if len(page) < offset + 12 or page[offset] not in (
        _TABLE_LEAF,
        _TABLE_INTERIOR,
        _INDEX_LEAF,
        _INDEX_INTERIOR,
    ):
        return False
    header = 8 if page[offset] in (_TABLE_LEAF, _INDEX_LEAF) else 12
    cells = _u16(page, offset + 3)
    content = _u16(page, offset + 5) or 65536
    pointers = offset + header
    if pointers + 2 * cells > content or content > size:
        return False
    return all(content <= _u16(page, pointers + 2 * k) < size for k in range(cells))


def _rebuild_header(copy: Path, wal_page_size: int | None, wal: bool) -> None:
    """Write a valid header over a destroyed one: the page size is the one whose page 1
    parses and lets the most tables be read (the WAL's own, when there is one, first)."""
    length = copy.stat().st_size
    with copy.open("rb") as fh:
        first = fh.read(65536)
    candidates = [wal_page_size] if wal_page_size else []
    candidates += [size for size in PAGE_SIZES if size != wal_page_size]
    best, best_score = None, 0
    for size in candidates:
        if length < size or not _btree_page(first[:size], 100, size):
            continue
        if first[100] not in (_TABLE_LEAF, _TABLE_INTERIOR):
            continue
        _write_header(copy, size, length, wal)
        score = _readable_tables(copy)
        if score > best_score:
            best, best_score = size, score
    if best is not None:
        _write_header(copy, best, length, wal)


def _write_header(copy: Path, size: int, length: int, wal: bool) -> None:
    header = bytearray(100)
    header[:16] = MAGIC
    struct.pack_into(">H", header, 16, 1 if size == 65536 else size)
    header[18] = header[19] = 2 if wal else 1  # WAL or rollback journal
    header[21:24] = bytes((64, 32, 32))  # payload fractions, fixed by the format
    change = 1
    struct.pack_into(">I", header, 24, change)
    struct.pack_into(">I", header, 28, length // size)  # trusted: change counter matches
    struct.pack_into(">I", header, 40, 1)  # schema cookie
    struct.pack_into(">I", header, 44, 4)  # schema format
    struct.pack_into(">I", header, 56, 1)  # UTF-8
    struct.pack_into(">I", header, 92, change)
    major, minor, patch = sqlite3.sqlite_version_info
    struct.pack_into(">I", header, 96, major * 1_000_000 + minor * 1000 + patch)
    with copy.open("r+b") as fh:
        fh.write(header)


def _readable_tables(copy: Path) -> int:
    """1 for a readable schema, plus 1 for each salvaged table that can be counted."""
    db = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_schema")}
        except sqlite3.DatabaseError:
            return 0
        score = 1
        for table in SALVAGED:
            if table in tables:
                try:
                    db.execute(f'SELECT count(*) FROM "{table}"').fetchone()
                    score += 1
                except sqlite3.DatabaseError:
                    pass
        return score
    finally:
        db.close()


def _checkpoint(copy: Path) -> None:
    """Bring the copy's WAL into it, so that its pages are the latest ones."""
    try:
        db = sqlite3.connect(copy, isolation_level=None)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        pass


def _guess_page_size(data: Buffer) -> int:
    """The page size under which most pages parse as b-tree pages (the smallest of those
    that do about as well: a multiple of the true size parses nearly as often)."""
    shares: dict[int, float] = {}
    for size in PAGE_SIZES:
        pages = len(data) // size
        if pages >= 2:
            good = sum(
                _btree_page(data[(n - 1) * size : n * size], 0, size) for n in range(2, pages + 1)
            )
            shares[size] = good / (pages - 1)
    if not shares or max(shares.values()) == 0:
        return 4096
    best = max(shares.values())
    return min(size for size, share in shares.items() if share >= 0.9 * best)


def _freelist(data: Buffer, size: int) -> set[int]:
    """The free pages a whole header points to: their old rows are deleted ones."""
    free: set[int] = set()
    pages = len(data) // size
    trunk = _u32(data, 32)
    while 1 <= trunk <= pages and trunk not in free:
        free.add(trunk)
        at = (trunk - 1) * size
        count = _u32(data, at + 4)
        if count > (size - 8) // 4:
            break
        free.update(
            leaf for k in range(count) if 1 <= (leaf := _u32(data, at + 8 + 4 * k)) <= pages
        )
        trunk = _u32(data, at)
    return free


def _scan_pages(
    copy: Path,
    header_whole: bool,
    columns: dict[str, list[str]],
    gaps: dict[str, list[tuple[int, int]]],
    rows: dict[str, Rows],
) -> None:
    """Add the rows that SQL could not reach: every table leaf page of the file is read
    directly, and a row joins a table when its values fit the table, its rowid falls in a
    range the table could not read, and its key is not there already. Free pages are left
    out when the header still says which they are (their rows were deleted)."""
    wanted = {table: spans for table, spans in gaps.items() if spans}
    with copy.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        size = _page_size(data[:100]) or _guess_page_size(data)
        usable = size - (data[20] if _page_size(data[:100]) else 0)
        free = _freelist(data, size) if header_whole else set()
        pages = len(data) // size
        found: dict[str, dict[str, tuple[int, dict[str, object]]]] = {t: {} for t in wanted}
        for number in range(1, pages + 1):
            start = (number - 1) * size
            offset = 100 if number == 1 else 0
            if number in free or data[start + offset] != _TABLE_LEAF:
                continue
            page = data[start : start + size]
            for rowid, values in _leaf_records(data, page, offset, size, usable):
                table, fields = _classify(values, columns, wanted)
                if table is None or not any(a <= rowid <= b for a, b in wanted[table]):
                    continue
                key = str(fields[_KEYS[table]])
                earlier = found[table].get(key)
                if earlier is None or str(fields.get("modified", "")) > str(
                    earlier[1].get("modified", "")
                ):
                    found[table][key] = (rowid, fields)
    for table, by_key in found.items():
        have = {str(values.get(_KEYS[table])) for _rowid, values in rows.get(table, [])}
        rows.setdefault(table, []).extend(row for key, row in by_key.items() if key not in have)


def _classify(
    values: list[object], columns: dict[str, list[str]], wanted: Iterable[str]
) -> tuple[str | None, dict[str, object]]:
    """The one table a raw record fits (by its columns' count and types), if any."""
    matches = []
    for table in wanted:
        names = columns.get(table) or [c.name for c in _schema()[table]]
        if len(values) > len(names):
            continue
        fields = dict(zip(names, values, strict=False))
        if _fits(table, fields) is not None:
            matches.append((table, fields))
    return matches[0] if len(matches) == 1 else (None, {})


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for k in range(8):
        byte = data[at + k]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + k + 1
    return (value << 8) | data[at + 8], at + 9


def _leaf_records(
    data: Buffer, page: bytes, offset: int, size: int, usable: int
) -> Iterator[tuple[int, list[object]]]:
    """(rowid, values) of each cell of a table leaf page that decodes cleanly."""
    cells = _u16(page, offset + 3)
    for k in range(cells):
        try:
            pointer = _u16(page, offset + 8 + 2 * k)
            if not offset + 8 <= pointer < usable:
                continue
            length, at = _varint(page, pointer)
            rowid, at = _varint(page, at)
            if rowid > MAX_ROWID:
                rowid -= 2**64
            local = _local_payload(length, usable)
            if at + local + (4 if local < length else 0) > usable:
                continue
            payload = page[at : at + local]
            if local < length:
                payload += _overflow(data, size, usable, _u32(page, at + local), length - local)
            yield rowid, _record(payload)
        except (ValueError, IndexError, UnicodeDecodeError):
            continue


def _local_payload(length: int, usable: int) -> int:
    """How much of a table leaf cell's payload is on the page itself (the file format's
    rule); the rest is on overflow pages."""
    most = usable - 35
    if length <= most:
        return length
    least = (usable - 12) * 32 // 255 - 23
    local = least + (length - least) % (usable - 4)
    return local if local <= most else least


def _overflow(data: Buffer, size: int, usable: int, page: int, length: int) -> bytes:
    out = bytearray()
    pages = len(data) // size
    seen: set[int] = set()
    while len(out) < length:
        if not 1 <= page <= pages or page in seen:
            raise ValueError("broken overflow chain")
        seen.add(page)
        start = (page - 1) * size
        out += data[start + 4 : start + usable][: length - len(out)]
        page = _u32(data, start)
    return bytes(out)


_WIDTHS = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _record(payload: bytes) -> list[object]:
    """The values of one record (the file format's serial types); ValueError if it does
    not decode exactly."""
    header, at = _varint(payload, 0)
    if not at <= header <= len(payload):
        raise ValueError("bad record header")
    kinds = []
    while at < header:
        kind, at = _varint(payload, at)
        kinds.append(kind)
    if at != header:
        raise ValueError("bad record header")
    values: list[object] = []
    for kind in kinds:
        if kind == 0:
            values.append(None)
            continue
        if kind in (8, 9):
            values.append(kind - 8)
            continue
        if kind in _WIDTHS:
            width = _WIDTHS[kind]
            values.append(int.from_bytes(payload[at : at + width], "big", signed=True))
        elif kind == 7:
            width = 8
            values.append(struct.unpack(">d", payload[at : at + 8])[0])
        elif kind >= 12:
            width = (kind - 12) // 2
            raw = payload[at : at + width]
            values.append(raw.decode("utf-8") if kind % 2 else bytes(raw))
        else:
            raise ValueError("reserved serial type")
        if at + width > len(payload):
            raise ValueError("record runs past its payload")
        at += width
    if at != len(payload):
        raise ValueError("record does not fill its payload")
    return values
