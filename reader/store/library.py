"""The library: folders of pages, indexed for full-text search (SQLite FTS5 over jieba
search-mode tokens of the text in simplified characters, ranked with bm25), so a query in
either script finds pages printed in both.

Indexing re-reads only what changed: a page whose size and modification time are as
recorded is skipped; one whose bytes hash the same is only re-stamped. A page indexed
with an older tokenisation (`TOKENS`) or by another segmenter (another version, other
user's words: `signature()`) is indexed again, whatever else changed. Pages are read,
reflowed and tokenised in worker processes (one per core); the database is written by the
calling thread alone, in batches. A page that disappeared leaves the index; its
annotations stay in the store.

Tokens are cut once per article text: each article row keeps a fingerprint of its title,
its text and the signature it was cut with, and an article whose fingerprint the index
already holds (a copy of a page, the unchanged articles of a page read again) takes its
tokens from there. The index is the cache: nothing is kept beside it, so it is bounded
by what the library holds, and a new signature (TOKENS, the segmenter or its version,
the user's words) makes every fingerprint new, so no token cut the old way is reused.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import itertools
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.model import Document

from reader.core import words
from reader.store.db import SafeConnection, Store, storable
from reader.store.files import earlier_outputs, gone, output_key

# Pages written in one transaction. The full-text index adds each transaction's entries
# as a segment and merges segments as they pile up: larger ones, fewer merges (a fifth
# less time writing than 40 a transaction).
BATCH = 200
CANDIDATES = 100  # candidates read from the index at a time while checking them
STOP_EVERY = 20_000  # SQLite steps between asking whether a reading of the text is to stop
# Articles as a search reads them: (id, path, article, title, text, folder).
_ARTICLE_ROWS = (
    "SELECT a.id, a.path, a.article, a.title, a.text, d.folder "
    "FROM library_articles a JOIN library_documents d ON d.path = a.path"
)
RANKED = 10_000  # matches ranked together; more are ranked in slices of this many
# The tokenisation the index is made with; a page indexed with an older one is indexed
# again. 0: jieba's search mode over the text as printed (schema 5 and before).
# 1: the same over the text in simplified characters (either script finds both).
TOKENS = 1


class Cancelled(Exception):
    pass


@dataclass(frozen=True, slots=True)
class LibraryDocument:
    path: str
    folder: str
    date: str
    articles: int
    annotations: int
    problem: str


@dataclass(frozen=True, slots=True)
class Hit:
    path: str
    article: int
    title: str
    snippet: str  # HTML, hits in <b>
    score: float
    terms: tuple[str, ...]  # the positive terms, for highlighting the hits when opened
    folder: str = ""  # the library folder the page is in


def page_name(path: str, folder: str) -> str:
    """How a page is named to the reader: its path inside its library folder
    (`2024/03/12_要闻.txt`), or the whole path where it is not inside it."""
    try:
        return Path(path).relative_to(folder).as_posix() if folder else path
    except ValueError:
        return path


@dataclass
class IndexReport:
    scanned: int = 0
    indexed: int = 0
    unchanged: int = 0
    restamped: int = 0
    removed: int = 0
    failed: int = 0
    outdated: int = 0  # of those indexed, pages whose tokens were of an older signature
    cut: int = 0  # articles cut into tokens
    reused: int = 0  # articles whose tokens the index already held (copies, unchanged)
    # The pages not read, each with why (as many as UNREAD_KEPT): said one by one.
    unread: list[tuple[str, str]] = field(default_factory=list)

    def not_read(self, path: str, why: str) -> None:
        self.failed += 1
        if len(self.unread) < UNREAD_KEPT:
            self.unread.append((path, why))


UNREAD_KEPT = 20


# -- the work done in worker processes ------------------------------------------------------

# (title, text, title tokens, body tokens, fingerprint, whether the tokens were reused)
_Article = tuple[str, str, str, str, bytes, bool]
_Analysis = tuple[str, int, float, str, str, str, str, list[_Article], str]


_store_path: str | None = None
_corrected_pages: frozenset[str] = frozenset()  # fingerprints that have corrections
_signature = ""
_cache = threading.local()  # a read-only connection to the index, per thread


def signature() -> str:
    """What an article's tokens depend on besides its text: TOKENS, the segmenter and
    its version, and the user's words. Reads no dictionary (see words)."""
    return f"tokens {TOKENS}; {words.segmenter_signature()}"


def _init_worker(
    cache_dir: str,
    user_dict: str,
    store_path: str | None = None,
    corrected: frozenset[str] = frozenset(),
    cut_with: str = "",
) -> None:
    global _store_path, _corrected_pages, _signature
    _store_path = store_path
    _corrected_pages = corrected
    _signature = cut_with
    _forget_cache()  # the store may be another one now
    words.configure(Path(cache_dir), Path(user_dict))
    words.segmenter()


def _forget_cache() -> None:
    db = getattr(_cache, "db", None)
    if db is not None:
        db.close()
        _cache.db = None


def article_fingerprint(title: str, text: str, cut_with: str) -> bytes:
    """The key an article's tokens are kept under: its title and text as printed and the
    signature of what cuts them (16 bytes of BLAKE2b)."""
    key = hashlib.blake2b(digest_size=16)
    for part in (cut_with, title, text):
        key.update(part.encode("utf-8", "surrogatepass"))
        key.update(b"\x00")
    return key.digest()


def _known_tokens(keys: list[bytes]) -> dict[bytes, tuple[str, str]]:
    """The tokens the index holds for these article fingerprints (none where the index
    cannot be read: the articles are then cut)."""
    if not keys or _store_path is None:
        return {}
    db = getattr(_cache, "db", None)
    try:
        if db is None:
            uri = Path(_store_path).absolute().as_uri()
            db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=5, factory=SafeConnection)
            _cache.db = db
        marks = ",".join("?" * len(keys))
        rows = db.execute(
            # CROSS JOIN: the articles by fingerprint first, then the index by rowid.
            "SELECT a.fingerprint, i.title, i.body FROM library_articles a "
            f"CROSS JOIN library_index i ON i.rowid = a.id WHERE a.fingerprint IN ({marks})",
            keys,
        ).fetchall()
    except sqlite3.Error:
        return {}
    return {key: (title, body) for key, title, body in rows}


def _corrected(doc: Document) -> Document:
    """The page with the user's corrections, as the window shows it (those stored against
    an earlier version of its text come over when the page is opened). The store is read
    only for a page that has some: most have none."""
    if doc.source.fingerprint not in _corrected_pages:
        return doc
    from reader.store import versions

    return versions.corrected(doc, _store_path, carry=False)


def analyse(path: str) -> _Analysis:
    """Read, reflow and tokenise one page: (path, size, mtime, sha256, fingerprint, date,
    encoding, [(title, text, title tokens, body tokens) per article], problem)."""
    from reader.core.cite import page_date
    from reader.core.decode import DecodeError, read_file
    from reader.core.document import from_bytes
    from reader.core.kinds import BlockKind

    st = os.stat(path)
    try:
        data = read_file(path)  # a file swapped for a pipe or grown huge is refused too
    except DecodeError as exc:
        return (path, st.st_size, st.st_mtime, "", "", "", "", [], str(exc))
    sha = hashlib.sha256(data).hexdigest()
    try:
        # (the index keeps no warnings: the test of the page's line order is skipped)
        doc = from_bytes(data, path, order_check=False)
    except DecodeError as exc:
        return (path, st.st_size, st.st_mtime, sha, "", "", "", [], str(exc))
    doc = _corrected(doc)
    texts = []
    for art in doc.articles:
        title = art.title or ""
        body = "\n".join(
            b.text for b in art.all_blocks() if b.kind not in (BlockKind.FURNITURE, BlockKind.TITLE)
        )
        texts.append((title, body, article_fingerprint(title, body, _signature)))
    known = _known_tokens([key for _t, _b, key in texts])
    articles: list[_Article] = []
    for title, body, key in texts:
        tokens = known.get(key)
        reused = tokens is not None
        if tokens is None:
            tokens = known[key] = (words.search_tokens(title), words.search_tokens(body))
        articles.append((title, body, tokens[0], tokens[1], key, reused))
    return (
        path,
        st.st_size,
        st.st_mtime,
        sha,
        doc.source.fingerprint,
        page_date(doc),
        doc.source.encoding,
        articles,
        "",
    )


def _bounded(pool: Any, paths: list[str], window: int) -> Iterator[_Analysis]:
    """pool.map in order, with at most `window` pages in flight, so results never pile
    up in memory while the database is being written."""
    from collections import deque

    pending: deque[Any] = deque()
    todo = iter(paths)
    for path in todo:
        pending.append(pool.submit(analyse, path))
        if len(pending) >= window:
            break
    while pending:
        result = pending.popleft().result()
        for path in todo:
            pending.append(pool.submit(analyse, path))
            break
        yield result


# -- queries ---------------------------------------------------------------------------------

_QUERY = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')


@dataclass
class Query:
    terms: list[str]  # words and phrases that must all be there
    excluded: list[str]

    @classmethod
    def parse(cls, text: str) -> Query:
        """Words and "phrases" (also in “” or 「」), -word and -"phrase" left out.
        Punctuation typed with a word (国务院，, (国务院)) is no part of it, and a mark
        alone is no term: the index holds words only."""
        terms: list[str] = []
        excluded: list[str] = []
        for neg_phrase, phrase, neg_word, word in _QUERY.findall(_PHRASE_QUOTES.sub('"', text)):
            out = excluded if (neg_phrase or neg_word) else terms
            if phrase:
                value = " ".join(_words(phrase))
                if value:
                    out.append(value)
            else:
                out.extend(_words(word.strip('"')))
        # A word typed twice asks nothing more (and each term costs the index a pass).
        return cls(list(dict.fromkeys(terms)), list(dict.fromkeys(excluded)))


# Quotes that open and close a phrase, as a Chinese keyboard types them.
_PHRASE_QUOTES = re.compile(r"[“”「」『』]")


def _words(text: str) -> list[str]:
    """The words of a query's piece: split at the marks and symbols between them (国务院、
    人民), trimmed of those around them; a mark inside a Latin word stays (don't, 3.14)."""
    out = []
    for piece in re.split(r"[^\w'.&+#-]+", text):
        piece = piece.strip("'.&+#-")
        if piece:
            out.append(piece)
    return out


_HAN = re.compile(r"[\u3400-\u9fff]+")


def _fts_phrase(tokens: list[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def _squeeze(text: str) -> str:
    return "".join(text.split()).casefold()


def _snippet(text: str, terms: list[str], width: int = 36) -> str:
    """A piece of the text as printed around the first hit, hits in <b>; `terms` are in
    simplified characters and found in the text's simplified form (as long as it is)."""
    plain = " ".join(text.split())
    seen = words.simplified(plain)
    found = (next(_find_all(seen, t), None) for t in terms)
    spots = [m.start() for m in found if m is not None]
    if not spots:
        return html.escape(plain[: width * 2]) + ("…" if len(plain) > width * 2 else "")
    first = min(spots)
    lo = max(0, first - width)
    hi = min(len(plain), first + width * 2)
    piece = plain[lo:hi]
    marks = sorted({(m.start(), m.end()) for t in terms for m in _find_all(seen[lo:hi], t)})
    out, cursor = [], 0
    for s, e in marks:
        if s < cursor:
            continue
        out.append(html.escape(piece[cursor:s]))
        out.append(f"<b>{html.escape(piece[s:e])}</b>")
        cursor = e
    out.append(html.escape(piece[cursor:]))
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(plain) else "")


def _as_printed(printed: str, hay: str, wanted: list[str], typed: list[str]) -> tuple[str, ...]:
    """Each term as the article prints it (國務院 for a search for 国务院), for marking the
    hits when it is opened; as typed where the two cannot be lined up."""
    if len(hay) != len(printed):  # casefolding changed a length (ß): no lining up
        return tuple(typed)
    out = []
    for term, as_typed in zip(wanted, typed, strict=True):
        at = hay.find(term)
        out.append(printed[at : at + len(term)] if at >= 0 else as_typed)
    return tuple(out)


_INSIDE_SPACE = re.compile(r"[^\S\n]+")  # white space but line ends: inside a block


def _latin_edged(term: str) -> bool:
    """Whether the term starts or ends with a Latin letter or digit (_find_all)."""
    return any(c.isascii() and c.isalnum() for c in (term[:1], term[-1:]))


def _find_all(text: str, term: str) -> Iterator[re.Match[str]]:
    """The term's places in the text, in any case; a term that starts or ends with a
    Latin letter or digit only where a word does (ten in ten days, not in threatened, as
    the index's tokens are words)."""
    pattern = re.escape(term)
    if term[:1].isascii() and term[:1].isalnum():
        pattern = "(?<![0-9A-Za-z])" + pattern
    if term[-1:].isascii() and term[-1:].isalnum():
        pattern += "(?![0-9A-Za-z])"
    return re.finditer(pattern, text, flags=re.IGNORECASE)


# -- the library -----------------------------------------------------------------------------


class Library:
    """The library tables of the store's database; one per thread, like Store."""

    def __init__(self, store_path: Path, cache_dir: Path, user_dict: Path) -> None:
        self.store = Store(store_path, check=False)
        self.db = self.store.db
        self.cache_dir = cache_dir
        self.user_dict = user_dict
        words.configure(cache_dir, user_dict)
        self._signature = ""

    @property
    def signature(self) -> str:
        """The signature pages are indexed with now (read once per Library)."""
        if not self._signature:
            self._signature = signature()
        return self._signature

    def close(self) -> None:
        self.store.close()

    # -- folders and documents -------------------------------------------------------------

    def add_folder(self, folder: str | Path) -> str:
        path = str(Path(folder).expanduser().resolve())
        with self.store._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO library_folders(path, added) VALUES (?, ?)",
                (path, time.strftime("%Y-%m-%dT%H:%M:%S")),
            )
        return path

    def folders(self) -> list[str]:
        return [r[0] for r in self.store._read("SELECT path FROM library_folders ORDER BY path")]

    def remove_folder(self, folder: str) -> None:
        with self.store._write() as db:
            db.execute("DELETE FROM library_folders WHERE path = ?", (folder,))
            self._drop(db, [r[0] for r in db.execute(
                "SELECT path FROM library_documents WHERE folder = ?", (folder,))])  # fmt: skip

    def documents(self) -> list[LibraryDocument]:
        rows = self.store._read(
            "SELECT d.path, d.folder, d.date, d.articles, d.problem, "
            "(SELECT count(*) FROM annotations a WHERE a.fingerprint = d.fingerprint) "
            "FROM library_documents d ORDER BY d.folder, d.path"
        )
        return [LibraryDocument(p, f, date, n, notes, prob) for p, f, date, n, prob, notes in rows]

    def count(self) -> int:
        return int(self.store._read("SELECT count(*) FROM library_documents")[0][0])

    def outdated(self) -> list[str]:
        """The folders holding pages indexed otherwise than the library would index them
        now: with an older tokenisation than TOKENS (an index made before either script
        found both), or by another segmenter, version of it or set of the user's words
        (see signature()). `index(folders)` brings them up to date."""
        rows = self.store._read(
            "SELECT DISTINCT folder FROM library_documents "
            "WHERE tokens < ? OR segmenter != ? ORDER BY folder",
            (TOKENS, self.signature),
        )
        return [r[0] for r in rows]

    def outdated_pages(self) -> int:
        return int(
            self.store._read(
                "SELECT count(*) FROM library_documents WHERE tokens < ? OR segmenter != ?",
                (TOKENS, self.signature),
            )[0][0]
        )

    # -- indexing ------------------------------------------------------------------------

    def index(
        self,
        folders: Iterable[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> IndexReport:
        """Bring the index up to date with the folders (default: all of them)."""
        report = IndexReport()
        chosen = list(folders) if folders is not None else self.folders()
        todo: list[str] = []
        for folder in chosen:
            found = self._scan(folder, report, todo)
            known = [
                r[0]
                for r in self.db.execute(
                    "SELECT path FROM library_documents WHERE folder = ?", (folder,)
                )
            ]
            gone = [p for p in known if p not in found]
            if gone:
                with self.store._write() as db:
                    self._drop(db, gone)
                report.removed += len(gone)
        total = len(todo)
        if progress is not None:
            progress(0, total)
        if not todo:
            return report
        folder_of = {p: f for f in chosen for p in todo if p.startswith(f.rstrip(os.sep) + os.sep)}
        self._run(todo, folder_of, report, progress, cancelled, workers)
        return report

    def reindex(self, paths: Iterable[str]) -> IndexReport:
        """Index these pages again now (after corrections changed them), if in the library."""
        report = IndexReport()
        known = {
            r[0]: r[1]
            for r in self.db.execute("SELECT path, folder FROM library_documents").fetchall()
        }
        todo = sorted({p for p in paths if p in known and Path(p).is_file()})
        if todo:
            self._run(todo, {p: known[p] for p in todo}, report, None, None, 1)
        return report

    def forget(self, paths: Iterable[str]) -> int:
        """Take pages that are gone (see gone()) out of the library, as a search found
        one; pages still there, or on a drive not there now, stay. Returns how many left."""
        known = [
            r[0]
            for path in paths
            for r in self.db.execute("SELECT path FROM library_documents WHERE path = ?", (path,))
        ]
        left = [path for path in known if gone(path)]
        if left:
            with self.store._write() as db:
                self._drop(db, left)
        return len(left)

    def _scan(self, folder: str, report: IndexReport, todo: list[str]) -> set[str]:
        found: set[str] = set()
        root = Path(folder)
        if not root.is_dir():
            return found
        from reader.core.document import is_page_file

        recorded = {
            r[0]: (r[1], r[2], r[3], r[4] >= TOKENS and r[5] == self.signature)
            for r in self.db.execute(
                "SELECT path, size, mtime, sha256, tokens, segmenter FROM library_documents "
                "WHERE folder = ?",
                (folder,),
            )
        }
        restamp = []
        found_files = sorted(root.rglob("*"))
        outputs = earlier_outputs(root, found_files)
        for path in found_files:
            name = str(path)
            if outputs and output_key(path) in outputs:
                continue  # an export's output, listed as such: its page is indexed
            if storable(name) != name:
                # A name that is not UTF-8 cannot be stored: the page is not read (the
                # window and export say why for it alone), and counted as not read.
                if is_page_file(path):
                    report.not_read(storable(name), "its name is not UTF-8: export it on its own")
                continue
            # A file already in the library is a page; a new one is looked at.
            if name in recorded:
                if not path.is_file():
                    continue
            elif not is_page_file(path):
                continue
            found.add(name)
            report.scanned += 1
            st = path.stat()
            old = recorded.get(name)
            if old is not None and not old[3]:
                report.outdated += 1
                todo.append(name)
                continue
            if old is not None and old[0] == st.st_size and old[1] == st.st_mtime:
                report.unchanged += 1
                continue
            if old is not None and old[0] == st.st_size:
                sha = hashlib.sha256(path.read_bytes()).hexdigest()
                if sha == old[2]:
                    restamp.append((st.st_mtime, name))
                    report.restamped += 1
                    continue
            todo.append(name)
        if restamp:
            with self.store._write() as db:
                db.executemany("UPDATE library_documents SET mtime = ? WHERE path = ?", restamp)
        return found

    def _run(
        self,
        todo: list[str],
        folder_of: dict[str, str],
        report: IndexReport,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
        workers: int | None,
    ) -> None:
        workers = workers or max(1, min(os.cpu_count() or 1, len(todo) // 8 or 1))
        from concurrent.futures import ProcessPoolExecutor  # only when indexing
        from multiprocessing import get_context

        # The pages with corrections, named once, so that a worker opens the store only
        # for those (it used to open it for every page).
        corrected = frozenset(
            r[0] for r in self.db.execute("SELECT DISTINCT fingerprint FROM edits")
        )
        setup = (
            str(self.cache_dir),
            str(self.user_dict),
            str(self.store.path),
            corrected,
            self.signature,
        )
        results: Iterator[_Analysis]
        pool: ProcessPoolExecutor | None = None
        if workers == 1:
            _init_worker(*setup)
            results = (analyse(p) for p in todo)
        else:
            # spawn, not fork: the caller may be a thread of a Qt application.
            pool = ProcessPoolExecutor(
                workers,
                mp_context=get_context("spawn"),
                initializer=_init_worker,
                initargs=setup,
            )
            # Two batches in flight beyond what the workers hold: while a batch is being
            # written, the workers go on with the next (with only a few pages in flight
            # they stood idle through every write, a fifth of the time).
            results = _bounded(pool, todo, workers * 8 + 2 * BATCH)
        batch: list[_Analysis] = []
        done = 0
        try:
            for result in results:
                if cancelled is not None and cancelled():
                    raise Cancelled
                batch.append(result)
                done += 1
                if len(batch) >= BATCH:
                    self._write(batch, folder_of, report)
                    batch = []
                if progress is not None:
                    progress(done, len(todo))
            self._write(batch, folder_of, report)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            else:
                _forget_cache()

    def _write(
        self, batch: list[_Analysis], folder_of: dict[str, str], report: IndexReport
    ) -> None:
        if not batch:
            return
        from reader.core.decode import OUT_OF_MEMORY

        with self.store._write() as db:
            self._drop(db, [b[0] for b in batch])
            for path, size, mtime, sha, fp, date, encoding, articles, problem in batch:
                if problem.startswith(OUT_OF_MEMORY):
                    # Memory short for a moment (a worker a core): the page is read again
                    # at the next update, as one changed since, not refused for good.
                    mtime, sha = -1, ""
                db.execute(
                    "INSERT INTO library_documents(path, folder, size, mtime, sha256, "
                    "fingerprint, date, articles, encoding, problem, tokens, segmenter) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (path, folder_of.get(path, str(Path(path).parent)), size, mtime, sha, fp,
                     date, len(articles), encoding, problem, TOKENS, self.signature),
                )  # fmt: skip
                for k, (title, body, title_tokens, body_tokens, key, reused) in enumerate(articles):
                    cur = db.execute(
                        "INSERT INTO library_articles(path, article, title, text, fingerprint) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (path, k, title, body, key),
                    )
                    if reused:
                        report.reused += 1
                    else:
                        report.cut += 1
                    db.execute(
                        "INSERT INTO library_index(rowid, title, body) VALUES (?, ?, ?)",
                        (cur.lastrowid, title_tokens, body_tokens),
                    )
                if problem:
                    report.not_read(path, problem)
                else:
                    report.indexed += 1

    @staticmethod
    def _drop(db: sqlite3.Connection, paths: list[str]) -> None:
        for path in paths:
            ids = [
                r[0] for r in db.execute("SELECT id FROM library_articles WHERE path = ?", (path,))
            ]
            db.executemany("DELETE FROM library_index WHERE rowid = ?", [(i,) for i in ids])
            db.execute("DELETE FROM library_articles WHERE path = ?", (path,))
            db.execute("DELETE FROM library_documents WHERE path = ?", (path,))

    # -- search --------------------------------------------------------------------------

    def search(
        self, text: str, limit: int = 50, stop: Callable[[], bool] | None = None
    ) -> list[Hit]:
        """Articles with every term and phrase and none of the excluded ones, best first.

        The index holds words as jieba cut them, so a term that cuts the page's words
        otherwise (国企改 of 国企改革, 政工 of 党政工作, a single character) is not in it:
        where the index gives fewer than `limit` hits, the articles' text is read for the
        terms as well, latest first, and what it adds follows the ranked hits. `stop`
        (asked from time to time) ends that reading early with Cancelled."""
        query = Query.parse(text)
        if not query.terms:
            if query.excluded:
                raise ValueError("a search needs at least one word that is not excluded")
            raise ValueError("a search needs at least one word (marks alone find nothing)")
        # Both scripts meet in simplified characters: the index's tokens are cut from them,
        # and each candidate is checked and marked in its simplified form, which is as
        # long as the text printed, so a hit there is the same stretch of the page.
        terms = [words.simplified(t) for t in query.terms]
        parts = []
        for term in terms:
            tokens = words.query_tokens(term)
            if tokens:
                parts.append(f"({_fts_phrase(tokens)})")
        match = " AND ".join(parts)
        wanted = [_squeeze(t) for t in terms]
        unwanted = [_squeeze(words.simplified(t)) for t in query.excluded]
        for term in unwanted:
            # An excluded word that is itself one of the index's tokens leaves out, in the
            # index, articles that hold it, which the check below would leave out anyway:
            # fewer candidates to read, the same hits.
            if match and _HAN.fullmatch(term) and words.query_tokens(term) == [term]:
                match = f"({match}) NOT {_fts_phrase([term])}"
        hits: list[Hit] = []
        checked: set[int] = set()

        latin = [t for t in terms if _latin_edged(t)]

        left_out = [words.simplified(t) for t in query.excluded]

        def check(row: tuple, score: float, read: bool = False) -> None:
            path, article, title, body, folder = row
            # The title and each paragraph apart: a term never runs from one into the
            # next (领导 ending a title, 各级 opening the text); white space inside one is
            # no part of the text (OCR's, between letterspaced characters).
            printed = _INSIDE_SPACE.sub("", f"{title}\n{body}")
            hay = words.simplified(printed).casefold()
            if not all(t in hay for t in wanted):
                return
            # A Latin term is there where a word starts and ends (ten, not the ten of
            # often): the index found it as a word; read from the text, it is checked so.
            # A term left out is left out so too.
            plain = ""  # (read only where a Latin term asks for it)
            if (read and latin) or any(map(_latin_edged, left_out)):
                plain = words.simplified(_INSIDE_SPACE.sub(" ", f"{title}\n{body}"))
            if read and not all(next(_find_all(plain, t), None) for t in latin):
                return
            for term, squeezed in zip(left_out, unwanted, strict=True):
                if _latin_edged(term):
                    if next(_find_all(plain, term), None) is not None:
                        return
                elif squeezed in hay:
                    return
            snippet = _snippet(body, terms)
            shown = _as_printed(printed, hay, wanted, query.terms)
            hits.append(Hit(path, article, title, snippet, score, shown, folder))

        try:
            # Candidates come best first and are read a hundred at a time, each one's text
            # only when it is checked, until there are enough hits or no candidates left:
            # no cap on the candidates, so `limit` hits are found wherever they rank, and
            # fewer than `limit` means there are no more.
            ranked = self._ranked(match) if match else iter(())
            while len(hits) < limit and (chunk := list(itertools.islice(ranked, CANDIDATES))):
                found = self._articles(chunk)
                for rowid, score in chunk:
                    checked.add(rowid)
                    if rowid in found:  # (an index entry whose article is gone: nothing)
                        check(found[rowid], -score)
                        if len(hits) >= limit:
                            break
            if isinstance(ranked, Generator):
                ranked.close()
            if len(hits) < limit:
                if stop is not None and stop():
                    raise Cancelled
                with self._stopping(stop):
                    for rowid, *row in self._holding(terms, query.terms):
                        if rowid not in checked:
                            check(tuple(row), 0.0, read=True)
                            if len(hits) >= limit:
                                break
        except sqlite3.DatabaseError as exc:  # (damage met reading is one too)
            if stop is not None and stop():
                raise Cancelled from None
            text = str(exc).lower()
            if isinstance(exc, sqlite3.OperationalError) and ("fts5" in text or "syntax" in text):
                raise ValueError(f"cannot search for that: {exc}") from None
            raise self.store._failed(exc) from None
        return hits

    def _holding(self, terms: list[str], typed: list[str]) -> Iterator[tuple]:
        """(id, path, article, title, text, folder) of the articles whose title or text
        holds every term as typed, in simplified characters (`terms`) or in traditional
        ones, latest first: SQLite's instr over the text, without the index."""
        clauses, args = [], []
        for term, as_typed in zip(terms, typed, strict=True):
            latin = any(c.isascii() and c.isalpha() for c in term)
            forms = [t.casefold() if latin else t for t in (as_typed, term)]
            forms += [_squeeze(f) for f in forms]
            forms += words.traditional(forms[-1])
            ors = []
            for form in dict.fromkeys(forms):
                for column in ("a.title", "a.text"):
                    ors.append(f"instr(lower({column}), ?)" if latin else f"instr({column}, ?)")
                    args.append(form)
            clauses.append("(" + " OR ".join(ors) + ")")
        rows = self.db.execute(
            f"{_ARTICLE_ROWS} WHERE {' AND '.join(clauses)} ORDER BY a.id DESC", args
        )
        try:
            yield from rows
        finally:
            rows.close()

    @contextlib.contextmanager
    def _stopping(self, stop: Callable[[], bool] | None) -> Iterator[None]:
        """While inside, a statement ends (sqlite3.OperationalError) once `stop()` says so."""
        if stop is None:
            yield
            return
        self.db.set_progress_handler(lambda: 1 if stop() else 0, STOP_EVERY)
        try:
            yield
        finally:
            self.db.set_progress_handler(None, 0)

    def _ranked(self, match: str) -> Generator[tuple[int, float], None, None]:
        """(rowid, bm25) of every article the index matches, best first within slices of
        RANKED articles, the latest indexed first.

        Ranking every match of a common word over 100,000 pages scores hundreds of
        thousands of rows before the first hit can be shown; a slice costs at most RANKED
        scores, and finding where it starts only walks the index's rowids. A library with
        fewer matches than RANKED is ranked as one slice, as a whole."""
        rank = "bm25(library_index, 4.0, 1.0)"
        top: int | None = None
        while True:
            below, args = ("", (match,)) if top is None else (" AND rowid < ?", (match, top))
            start = self.db.execute(
                f"SELECT rowid FROM library_index WHERE library_index MATCH ?{below} "
                "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                (*args, RANKED - 1),
            ).fetchone()
            within, bound = (below, args) if start is None else (
                f"{below} AND rowid >= ?", (*args, start[0])
            )  # fmt: skip
            rows = self.db.execute(
                f"SELECT rowid, {rank} FROM library_index WHERE library_index MATCH ?{within} "
                f"ORDER BY {rank}",
                bound,
            )
            try:
                yield from rows
            finally:
                rows.close()
            if start is None:
                return
            top = start[0]

    def _articles(self, chunk: list[tuple[int, float]]) -> dict[int, tuple]:
        """(path, article, title, text, folder) of each candidate, by its rowid."""
        ids = [rowid for rowid, _ in chunk]
        marks = ", ".join("?" * len(ids))
        return {
            row[0]: row[1:]
            for row in self.db.execute(f"{_ARTICLE_ROWS} WHERE a.id IN ({marks})", ids)
        }
