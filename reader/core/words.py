"""Chinese words with jieba: tokens for the search index, keywords, and word edges.

jieba takes a second or two to load its dictionary, so it is imported on first use only,
never at start-up; `load()` may be called early from a worker thread to have it ready.
Its dictionary cache goes in our cache folder, and the user's own words (names, new
terms) are read from a plain text file in the data folder, one word a line.

Search reads both scripts as one: the index's tokens and a query's are cut from the text
in simplified characters (OpenCC's t2s, character for character), so 国务院 finds 國務院
and the reverse. The index is cut with rjieba (jieba-rs: the same dictionary, HMM and
search mode, several times faster) where it is installed, with the user's words added; a
query is cut by jieba itself over only the dictionary entries it can use, read from a
small cache database (see query_tokens), so a search never waits for the dictionary.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import heapq
import io
import itertools
import logging
import marshal
import operator
import os
import re
import sqlite3
import tempfile
import threading
import time
from array import array
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from reader.core.kinds import BlockKind
from reader.core.model import Document
from reader.core.text import is_cjk_char

_lock = threading.Lock()
_jieba: ModuleType | None = None
_fast: Any = None  # rjieba.Jieba with the user's words; False where rjieba is not installed
_user_dict: Path | None = None
_cache_dir: Path | None = None

# A token worth indexing: CJK characters, or Latin letters and digits.
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]")


class _Worth(dict[str, bool]):
    """Whether a token is worth indexing (_WORD), remembered: a page's few thousand
    tokens are mostly words seen before, and a lookup costs half a regex search. Forgets
    all past KEEP tokens, so that a long run over an archive's misreads stays small."""

    KEEP = 200_000

    def __missing__(self, token: str) -> bool:
        if len(self) >= self.KEEP:
            self.clear()
        worth = self[token] = _WORD.search(token) is not None
        return worth


_worth = _Worth()


def configure(cache_dir: Path, user_dict: Path) -> None:
    """Where the dictionary cache and the user's words live (call before load())."""
    global _user_dict, _cache_dir, _fast
    if user_dict != _user_dict:
        _fast = None  # made again, with these words, when next needed
    _user_dict = user_dict
    _cache_dir = cache_dir


def loaded() -> bool:
    return _jieba is not None


def _made(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return True


def load() -> ModuleType:
    """jieba, imported and initialised (once; thread-safe)."""
    global _jieba
    if _jieba is not None:
        return _jieba
    with _lock:
        if _jieba is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            # A cache folder that cannot be made costs only the cache: jieba then keeps
            # it in the system's temporary folder.
            if _cache_dir is not None and _made(_cache_dir):
                jieba.dt.tmp_dir = str(_cache_dir)
            _initialize(jieba)
            for word in user_words():
                jieba.add_word(word)
            _jieba = jieba
    return _jieba


# jieba reads its dictionary cache with one marshal.load of half a million entries: about
# 0.6 s in one C call that holds the interpreter, so a window loading jieba in a worker
# stops answering for that long. The same dictionary is kept here in slices, read one at a
# time with the interpreter let go between them.
_SLICE = 20_000  # dictionary entries in a slice of the cache (about 25 ms to read)
_SLICED_CACHE = "jieba-sliced.cache"


def _initialize(jieba: ModuleType) -> None:
    """jieba.initialize(), reading the dictionary from the sliced cache where it is there
    and made from this jieba's dictionary; else built from the dictionary, and the sliced
    cache made."""
    tokenizer = jieba.dt
    if tokenizer.initialized:
        return
    path = Path(tokenizer.tmp_dir or tempfile.gettempdir()) / _SLICED_CACHE
    stamp = _dictionary_stamp(jieba)
    loaded = _read_sliced(path, stamp)
    if loaded is None:
        try:
            # Built from the dictionary as jieba builds it (Python, which lets the window's
            # thread run), and kept in slices only: jieba's own cache is written in one
            # call that holds the interpreter as long as reading it does.
            # Parsed from bytes read at once: parsed from the open file, line by line, it
            # kept the other threads waiting for up to 0.2 s at a time.
            with tokenizer.get_dict_file() as dictionary:
                raw = dictionary.read()
            loaded = tokenizer.gen_pfdict(io.BytesIO(raw))
        except (OSError, ValueError):
            jieba.initialize()  # jieba's own way, and its own message if it fails
            return
        _write_sliced(path, stamp, *loaded)
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total = loaded
            tokenizer.initialized = True


# A two-character word at least this common in jieba's dictionary (its frequency) is one
# the language uses often enough to tell where a merged line's text runs on.
COMMON_WORD = 1000


@functools.cache
def common_words() -> frozenset[str]:
    """The language's common two-character words, from jieba's dictionary file: read, not
    imported (a tenth of a second, once), so that reading a page never loads jieba."""
    from importlib import util

    spec = util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    words = set()
    try:
        with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as lines:
            for line in lines:
                if len(line) > 3 and line[2] == " ":
                    word, freq = line.split(" ", 2)[:2]
                    if freq.isdigit() and int(freq) >= COMMON_WORD:
                        words.add(word)
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(words)


def _dictionary_stamp(jieba: ModuleType) -> str:
    """What the cache was made from: jieba's version, and the dictionary's path, size and
    modification time."""
    dictionary = jieba.dt.dictionary
    where = Path(dictionary) if dictionary else Path(jieba.__file__ or "").parent / "dict.txt"
    try:
        st = where.stat()
        size, mtime = st.st_size, st.st_mtime_ns
    except OSError:
        size, mtime = -1, -1
    return f"{getattr(jieba, '__version__', '')}|{where}|{size}|{mtime}"


def _read_sliced(path: Path, stamp: str) -> tuple[dict[str, int], int] | None:

    try:
        with path.open("rb") as fh:
            head = marshal.load(fh)
            if not (isinstance(head, tuple) and len(head) == 3 and head[0] == stamp):
                return None
            _stamp, total, slices = head
            freq: dict[str, int] = {}
            for _ in range(slices):
                freq.update(marshal.load(fh))
                time.sleep(0)  # let the window's thread run between slices
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return freq, total


def _write_sliced(path: Path, stamp: str, freq: dict[str, int], total: int) -> None:

    items = iter(freq.items())
    slices = [dict(chunk) for chunk in iter(lambda: list(itertools.islice(items, _SLICE)), [])]
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jieba-sliced")
    except OSError:
        return  # the cache only saves time: jieba's own cache still serves
    try:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump((stamp, total, len(slices)), fh)
            for piece in slices:
                marshal.dump(piece, fh)
        os.replace(temporary, path)
    except (OSError, ValueError):
        Path(temporary).unlink(missing_ok=True)


def user_words() -> list[str]:
    if _user_dict is None or not _user_dict.is_file():
        return []
    try:
        lines = _user_dict.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


def add_user_word(word: str) -> bool:
    """Remember a word and use it from now on. False if it was known already."""
    word = word.strip()
    if not word or any(ch.isspace() for ch in word):
        raise ValueError("a word has no spaces")
    if word in user_words():
        return False
    if _user_dict is not None:
        _user_dict.parent.mkdir(parents=True, exist_ok=True)
        with _user_dict.open("a", encoding="utf-8") as fh:
            fh.write(word + "\n")
    if _jieba is not None:
        _jieba.add_word(word)
    if _fast:
        _fast.add_word(word, None, None)
    word_edges.cache_clear()
    return True


# -- both scripts ----------------------------------------------------------------------------


@functools.cache
def _t2s() -> Any:
    import opencc  # a compiled library: a few milliseconds

    return opencc.OpenCC("t2s")


@functools.cache
def _to_traditional(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def traditional(text: str) -> list[str]:
    """The text in traditional characters, the forms a page printed in them most likely
    has (OpenCC's s2t, and its Taiwan standard where that differs: 臺灣 and 台灣), for
    finding a query's words in text that is not converted."""
    return list(dict.fromkeys(str(_to_traditional(c).convert(text)) for c in ("s2t", "s2tw")))


def simplified(text: str) -> str:
    """The text in simplified characters, as long as it was, so that an offset in one is
    the same character in the other (snippets and hit marks show the text as printed).
    Where t2s would change a line's length (a rare phrase), that line is converted a
    character at a time."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return str(converted)
    out = []
    for line in text.split("\n"):
        done = _t2s().convert(line)
        if len(done) != len(line):
            chars = _t2s().convert("\n".join(line)).split("\n")
            if len(chars) != len(line):
                chars = list(line)
            done = "".join(c if len(c) == 1 else p for p, c in zip(line, chars, strict=True))
        out.append(done)
    return "\n".join(out)


# -- the index's tokens ----------------------------------------------------------------------


def segmenter() -> Any:
    """rjieba's segmenter with the user's words (once; thread-safe), or None where rjieba
    is not installed (jieba itself then cuts the index, to the same tokens but slower)."""
    global _fast
    if _fast is None:
        with _lock:
            if _fast is None:
                try:
                    import rjieba
                except ImportError:
                    _fast = False
                else:
                    fast = rjieba.Jieba()
                    for word in user_words():
                        fast.add_word(word, None, None)
                    _fast = fast
    return _fast or None


def segmenter_signature() -> str:
    """What the index's tokens depend on besides the text: the segmenter that cuts them
    (rjieba or jieba, and its version, which fixes its dictionary) and the user's words.
    Read from the packages' install records and the words file alone: neither segmenter
    is imported (nor importlib.metadata, slow to import), so a command-line search or
    the window's start can ask."""
    from importlib import util

    def installed(name: str) -> str | None:
        spec = util.find_spec(name)
        if spec is None or spec.origin is None:
            return None
        # The version is in the name of the install record beside the package.
        site = Path(spec.origin).parent.parent
        found = sorted(
            p.name[len(name) + 1 : -len(".dist-info")] for p in site.glob(f"{name}-*.dist-info")
        )
        return found[0] if found else "?"

    fast = installed("rjieba")
    engine = f"rjieba {fast}" if fast is not None else "jieba"
    mine = hashlib.sha256("\n".join(user_words()).encode("utf-8")).hexdigest()[:16]
    return f"{engine}; jieba {installed('jieba')}; words {mine}"


def search_tokens(text: str) -> str:
    """jieba's search-mode tokens of the text in simplified characters, and lower-cased
    Latin words, joined by spaces: what the full-text index stores."""
    text = simplified(text)
    fast = segmenter()
    if fast is not None:
        tokens = fast.cut_for_search(text)
    else:  # jieba's own HMM (see RUN_LIMIT)
        tokens = load().cut_for_search(_bounded(text))
    # jieba's tokens are white space alone or hold none, so a token's word characters
    # decide; lowering the joined string lowers each token (C loops, not Python ones).
    return " ".join(filter(_worth.__getitem__, tokens)).lower()


# -- a query's tokens ------------------------------------------------------------------------


def query_tokens(term: str) -> list[str]:
    """The tokens a query term (in either script) must all match in the index: jieba's
    words of its simplified form. Without jieba loaded, jieba cuts it over the dictionary
    entries that are substrings of the term alone (the same words: jieba looks up no
    other), read from the cache database; only without that cache is jieba loaded."""
    term = simplified(term)
    tokenizer: Any = _jieba
    if tokenizer is None:
        tokenizer = _small_tokenizer(term)
    if tokenizer is None:
        tokenizer = load()
    tokens = []
    for token in tokenizer.cut(term):
        token = token.strip().lower()
        if token and _WORD.search(token):
            tokens.append(token)
    return tokens


WORDS_CACHE = "query-words.sqlite3"
_LOOKUP = 500  # substrings asked for in one statement


def _signature() -> str:
    """What the dictionary jieba cuts with is made of: jieba's version and dictionary
    file, and the user's words. The cache is rebuilt when it changes."""
    import jieba

    main = Path(jieba.__file__).parent / "dict.txt"
    st = main.stat()
    mine = hashlib.sha256("\n".join(user_words()).encode("utf-8")).hexdigest()
    return f"{jieba.__version__} {st.st_size} {st.st_mtime_ns} {mine}"


def _small_tokenizer(term: str) -> Any:
    """A jieba Tokenizer that knows only the dictionary entries (words and the prefixes
    jieba records for them) found inside `term`, with the whole dictionary's total; None
    when there is no cache folder to keep the entries in."""
    if _cache_dir is None or not _made(_cache_dir):
        return None
    import jieba  # the module only: its dictionary is not read

    path = _cache_dir / WORDS_CACHE
    try:
        signature = _signature()
        found = _read_entries(path, term, signature)
        if found is None:
            _build_entries(path, signature)
            found = _read_entries(path, term, signature)
    except (OSError, sqlite3.Error):
        return None
    if found is None:
        return None
    entries, total = found
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = entries
    tokenizer.total = total
    tokenizer.initialized = True
    return tokenizer


def _read_entries(path: Path, term: str, signature: str) -> tuple[dict[str, int], int] | None:
    if not path.is_file():
        return None
    db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("signature") != signature:
            return None
        longest = int(meta["longest"])
        wanted = sorted(
            {
                term[i:j]
                for i in range(len(term))
                for j in range(i + 1, min(len(term), i + longest) + 1)
            }
        )
        entries: dict[str, int] = {}
        for k in range(0, len(wanted), _LOOKUP):
            chunk = wanted[k : k + _LOOKUP]
            marks = ",".join("?" * len(chunk))
            entries.update(
                db.execute(f"SELECT word, freq FROM words WHERE word IN ({marks})", chunk)
            )
        return entries, int(meta["total"])
    finally:
        db.close()


def _build_entries(path: Path, signature: str) -> None:
    """Write jieba's whole dictionary, user's words included, to the cache database (once
    after an install or a new user word: about a second), renamed into place whole."""
    jieba = load()
    tokenizer = jieba.dt
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(fd)
    try:
        db = sqlite3.connect(name)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute(
                "CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID"
            )
            db.executemany("INSERT INTO words VALUES (?, ?)", sorted(tokenizer.FREQ.items()))
            longest = max(map(len, tokenizer.FREQ), default=1)
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("signature", signature),
                    ("total", str(tokenizer.total)),
                    ("longest", str(longest)),
                ],
            )
            db.commit()
        finally:
            db.close()
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


KEYWORD_TEXT = 20_000  # characters of an article read for its keywords
KEYWORD_PAGE = 200_000  # characters of a page, beyond which articles get none


def article_keywords(doc: Document, count: int = 5) -> dict[int, list[str]]:
    """Keywords of each real article of a page (not notices or lone headlines). A page far
    longer than a newspaper page (a whole book pasted in) gets them for its start only."""
    out = {}
    budget = KEYWORD_PAGE
    for k, art in enumerate(doc.articles):
        if budget <= 0:
            break
        text = "\n".join(b.text for b in art.all_blocks() if b.kind != BlockKind.FURNITURE)[
            :KEYWORD_TEXT
        ]
        if art.kind == "article" and len(text) > 200:
            out[k] = keywords(text, count)
            budget -= len(text)
    return out


# jieba.analyse's TF-IDF keywords, made here: importing jieba.analyse reads jieba's
# part-of-speech tables (module loads of 45-90 ms each that hold the interpreter, so the
# window's thread waits) and sorts its IDF table in one call; the keywords need neither.
# The same words and weights, from the same IDF table, read a slice at a time.
_STOP_WORDS = frozenset(
    ("the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be",
     "as", "on", "with", "can", "if", "from", "which", "you", "it", "this", "then", "at",
     "have", "all", "not", "one", "has", "or")
)  # fmt: skip
# Chinese words too common to say what a text is about, in simplified form (the text is
# weighed folded): pronouns, demonstratives and the commonest function words. A reader
# tagging a passage wants 无政府主义 offered, not 他们.
_CHINESE_STOP = frozenset(
    ("我们", "你们", "他们", "她们", "它们", "咱们", "自己", "大家", "人们", "这个", "那个",
     "这些", "那些", "这样", "那样", "这种", "那种", "这里", "那里", "一个", "一些", "一面",
     "什么", "怎么", "怎样", "为什么", "没有", "就是", "还是", "但是", "可是", "因为", "所以",
     "如果", "虽然", "可以", "已经", "不是", "也是", "都是", "只是", "一切", "任何", "各种",
     "同时", "以及", "而且", "并且", "或者", "不但", "而是", "对于", "关于", "由于", "通过",
     "进行", "起来", "出来", "下去", "之后", "以后", "以前", "时候", "现在", "今天", "一定")
)  # fmt: skip
_IDF_SLICE = 20_000  # lines of the IDF table sorted at a time
_idf_lock = threading.Lock()
_idf: IdfTable | None = None


class IdfTable:
    """jieba's IDF table, held compact: its words in one string in code point order,
    where each begins, their weights, and their hashes sorted. 8 MB, where a dict of its
    270,000 words took 36 (a window's peak once its keywords are made)."""

    __slots__ = ("_at", "_hashes", "_starts", "_weights", "_words", "median")

    def __init__(self, lines: list[bytes]) -> None:
        """From the table's lines (a word and its weight each, as bytes: the file's text
        need not be held beside them), sorted a slice at a time with the interpreter let
        go between slices. UTF-8 bytes sort as their code points do, and the space after
        a word sorts before any character of a longer one, so the lines sort as their
        words do. `lines` is emptied."""
        runs = []
        for k in range(0, len(lines), _IDF_SLICE):
            runs.append(sorted(line.strip() for line in lines[k : k + _IDF_SLICE]))
            time.sleep(0)
        lines.clear()
        blob = bytearray()
        weights = array("d")
        for line in heapq.merge(*runs):
            word, _space, weight = line.partition(b" ")
            if word:
                blob += word + b"\n"
                weights.append(float(weight))
        del runs
        self._words = blob.decode("utf-8")
        del blob
        starts = array("I", [0])
        starts.extend(m.end() for m in re.finditer("\n", self._words))
        self._starts, self._weights = starts, weights
        # Looked up by the words' hashes, sorted, with where each word is: bisect runs
        # in C over an array (0.5 µs a word, where bisecting the words took 5).
        # (Sorted a slice at a time, as the lines were.)
        hashes = array("q", (hash(self._word(k)) for k in range(len(weights))))
        spans: list[list[int]] = []
        for k in range(0, len(hashes), _IDF_SLICE):
            spans.append(sorted(range(k, min(k + _IDF_SLICE, len(hashes))), key=hashes.__getitem__))
            time.sleep(0)
        self._at = array("I", heapq.merge(*spans, key=hashes.__getitem__))
        del spans
        self._hashes = array("q", (hashes[k] for k in self._at))
        # The median as sorted(values)[n // 2] finds it, sorted a slice at a time.
        ordered = heapq.merge(
            *(sorted(weights[k : k + _IDF_SLICE]) for k in range(0, len(weights), _IDF_SLICE))
        )
        self.median = next(itertools.islice(ordered, len(weights) // 2, None), 0.0)

    def _word(self, k: int) -> str:
        return self._words[self._starts[k] : self._starts[k + 1] - 1]

    def get(self, word: str, default: float) -> float:
        code = hash(word)
        hashes = self._hashes
        at = bisect.bisect_left(hashes, code)
        while at < len(hashes) and hashes[at] == code:  # (words of one hash, if any)
            k = self._at[at]
            if self._word(k) == word:
                return self._weights[k]
            at += 1
        return default

    def __len__(self) -> int:
        return len(self._weights)


def _idf_table() -> IdfTable:
    """jieba's IDF table (once; thread-safe)."""
    global _idf
    if _idf is not None:
        return _idf
    with _idf_lock:
        if _idf is None:
            jieba = load()
            path = Path(jieba.__file__ or "").parent / "analyse" / "idf.txt"
            _idf = IdfTable(path.read_bytes().splitlines())
    return _idf


# jieba's HMM finds new words in a run of characters none of its words covers, and takes
# time that grows with the square of the run's length (each step copies the path so far):
# 60,000 characters without a mark took 40 s. Text runs that long are OCR debris or a
# page without punctuation; they are cut into pieces of RUN_LIMIT before jieba sees them.
RUN_LIMIT = 200
_LONG_RUN = re.compile(rf"[\u3400-\u9fff]{{{RUN_LIMIT}}}")


def _bounded(text: str) -> str:
    """The text with a line break after every RUN_LIMIT characters of a run of Chinese
    characters (real sentences hold a mark long before that)."""
    return _LONG_RUN.sub(lambda m: m.group(0) + "\n", text) if len(text) > RUN_LIMIT else text


def _pieces(text: str) -> list[tuple[int, str]]:
    """The text cut where _bounded breaks it, each piece with its offset in the text."""
    cuts = [m.end() for m in _LONG_RUN.finditer(text)] if len(text) > RUN_LIMIT else []
    starts = [0, *cuts]
    return [(a, text[a:b]) for a, b in zip(starts, [*cuts, len(text)], strict=True) if b > a]


def weighted_keywords(text: str, count: int) -> list[tuple[str, float]]:
    """The text's top keywords by TF-IDF (jieba's IDF table), with their weights: what
    jieba.analyse.extract_tags(text, topK=count, withWeight=True) gives. Text printed in
    traditional characters is cut and weighed in simplified ones, a character for a
    character (他們 is 他们, as common a word as any), and each keyword is given as the
    text prints it where it first occurs."""
    from reader.core.script import fold

    jieba = load()
    idf = _idf_table()
    median = idf.median
    printed = _bounded(text)
    folded = _bounded(fold(text))
    if len(folded) != len(printed):  # (folding keeps every length; never trust it blindly)
        printed = folded = _bounded(text)
    freq: dict[str, float] = {}
    shown: dict[str, str] = {}
    at = 0
    for word in jieba.cut(folded):
        start, at = at, at + len(word)
        if len(word.strip()) < 2 or word.lower() in _STOP_WORDS or word in _CHINESE_STOP:
            continue
        freq[word] = freq.get(word, 0.0) + 1.0
        shown.setdefault(word, printed[start:at])
    total = sum(freq.values())
    for word in freq:
        freq[word] *= idf.get(word, median) / total
    weighed = ((shown[w], f) for w, f in freq.items())
    tags = sorted(weighed, key=operator.itemgetter(1), reverse=True)
    return tags[:count] if count else tags


def page_words(doc: Document) -> tuple[dict[int, list[str]], Terms]:
    """A page's keywords per article and its own compound terms (see page_terms)."""
    # The blocks that hold the page's first KEYWORD_PAGE characters: a whole 50 MB page
    # joined took 34 MB more, to be cut to 200,000 characters.
    pieces: list[str] = []
    size = 0
    for _a, b in doc.iter_blocks():
        if size > KEYWORD_PAGE:
            break
        if b.kind != BlockKind.FURNITURE:
            pieces.append(b.text)
            size += len(b.text) + 1
    return article_keywords(doc), page_terms("\n".join(pieces)[:KEYWORD_PAGE])


# English words too common to say what a text is about (jieba's own stop words are a few
# of these): an English page's keywords are its names and subjects, not "will" or "up".
_ENGLISH_STOP = frozenset(
    (
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
        "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
        "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
        "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
        "in", "into", "is", "it", "its", "itself", "just", "last", "made", "make", "many",
        "may", "me", "more", "most", "much", "must", "my", "myself", "new", "no", "nor", "not",
        "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "said", "same", "say", "says", "shall", "she",
        "should", "since", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "through",
        "to", "too", "two", "under", "until", "up", "upon", "us", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "yesterday", "yet", "you", "your", "yours", "yourself", "yourselves", "mr",
        "mrs", "day", "days", "night", "week", "year", "years", "time", "today", "first",
        "great", "people", "men", "man", "line", "part", "way", "place", "good",
    )
)  # fmt: skip


def keywords(text: str, count: int = 5) -> list[str]:
    """The text's top keywords by TF-IDF (jieba's IDF table), each once whatever its case
    (PRESIDENT and President)."""
    out: list[str] = []
    seen: set[str] = set()
    # Two Latin characters in capitals are a name in Chinese text (AI, UN, 5G); in English
    # text, or in lower case, a scrap of OCR (th, ar, w1, CO) or a word that says nothing.
    names = any(map(is_cjk_char, text[:2000]))
    for word, _weight in weighted_keywords(text, count * 4):
        key = word.casefold()
        if key in seen or len(word) < 2 or not any(c.isalpha() for c in word):
            continue
        scrap = len(word) < 3 and not (names and word.isupper())
        if word.isascii() and (scrap or key in _ENGLISH_STOP):
            continue
        seen.add(key)
        out.append(word)
        if len(out) == count:
            break
    return out


_CJK_WORD = re.compile(r"^[\u3400-\u9fff]{2,}$")
TERM_MIN_COUNT = 3


Terms = tuple[tuple[str, int], ...]  # (term, times used), hashable for caching


def page_terms(text: str, min_count: int = TERM_MIN_COUNT) -> Terms:
    """Terms a page keeps using that jieba cuts in two: two adjacent words of two or more
    Chinese characters each, side by side at least `min_count` times (科技创新, 新质生产力)."""
    jieba = load()
    counts: dict[str, int] = {}
    previous = ""
    for token in jieba.cut(_bounded(text)):
        if _CJK_WORD.match(token):
            if previous:
                pair = previous + token
                counts[pair] = counts.get(pair, 0) + 1
            previous = token
        else:
            previous = ""
    return tuple(sorted((pair, n) for pair, n in counts.items() if n >= min_count))


@lru_cache(maxsize=256)
def word_edges(text: str, terms: Terms = ()) -> tuple[int, ...]:
    """Offsets where a word starts or ends in `text` (0 and len(text) included): jieba's
    words, with two neighbours joined where they make one of the page's `terms`. Where
    two terms overlap (发展|新质|生产力), the one the page uses more wins, then the right."""
    jieba = load()
    used = dict(terms)
    spans = [
        (at + start, at + end)
        for at, piece in _pieces(text)
        for _word, start, end in jieba.tokenize(piece)
    ]

    def count(k: int) -> int:
        if k + 1 >= len(spans):
            return 0
        return used.get(text[spans[k][0] : spans[k + 1][1]], 0)

    edges = {0, len(text)}
    k = 0
    while k < len(spans):
        start, end = spans[k]
        here = count(k)
        if here and here > count(k + 1):
            end = spans[k + 1][1]
            k += 1
        edges.add(start)
        edges.add(end)
        k += 1
    return tuple(sorted(edges))


def word_at(text: str, index: int, terms: Terms = ()) -> tuple[int, int]:
    """The word of `text` that holds character `index`."""
    edges = word_edges(text, terms)
    import bisect

    k = bisect.bisect_right(edges, index)
    start = edges[max(0, k - 1)]
    end = edges[min(k, len(edges) - 1)]
    return (start, end) if end > start else (index, min(len(text), index + 1))
