"""Chinese words with jieba: tokens for the search index, keywords, and word edges.

jieba takes a second or two to load its dictionary, so it is imported on first use only,
never at start-up; `load()` may be called early from a worker thread to have it ready.
Its dictionary cache goes in our cache folder, and the user's own words (names, new
terms) are read from a plain text file in the data folder, one word a line.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path
from types import ModuleType

_lock = threading.Lock()
_jieba: ModuleType | None = None
_user_dict: Path | None = None

# A token worth indexing: CJK characters, or Latin letters and digits.
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]")
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")


def configure(cache_dir: Path, user_dict: Path) -> None:
    """Where the dictionary cache and the user's words live (call before load())."""
    global _user_dict
    _user_dict = user_dict
    _settings["cache"] = cache_dir


_settings: dict[str, Path] = {}


def loaded() -> bool:
    return _jieba is not None


def load() -> ModuleType:
    """jieba, imported and initialised (once; thread-safe)."""
    global _jieba
    if _jieba is not None:
        return _jieba
    with _lock:
        if _jieba is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            cache = _settings.get("cache")
            if cache is not None:
                cache.mkdir(parents=True, exist_ok=True)
                jieba.dt.tmp_dir = str(cache)
            jieba.initialize()
            for word in user_words():
                jieba.add_word(word)
            _jieba = jieba
    return _jieba


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
    word_edges.cache_clear()
    return True


def search_tokens(text: str) -> str:
    """jieba's search-mode tokens of Chinese text, and lower-cased Latin words, joined by
    spaces: what the full-text index stores."""
    jieba = load()
    out = []
    for token in jieba.cut_for_search(text):
        token = token.strip()
        if token and _WORD.search(token):
            out.append(token.lower())
    return " ".join(out)


def query_tokens(term: str) -> list[str]:
    """The tokens a query term must all match in the index."""
    jieba = load()
    tokens = []
    for token in jieba.cut(term):
        token = token.strip().lower()
        if token and _WORD.search(token):
            tokens.append(token)
    return tokens


def keywords(text: str, count: int = 5) -> list[str]:
    """The article's top keywords by TF-IDF (jieba's IDF table), longest first on ties."""
    load()
    import jieba.analyse

    found = jieba.analyse.extract_tags(text, topK=count * 2)
    return [w for w in found if len(w) > 1 and not w.isdigit()][:count]


@lru_cache(maxsize=256)
def word_edges(text: str) -> tuple[int, ...]:
    """Offsets where a jieba word starts or ends in `text` (0 and len(text) included)."""
    jieba = load()
    edges = {0, len(text)}
    for _word, start, end in jieba.tokenize(text):
        edges.add(start)
        edges.add(end)
    return tuple(sorted(edges))


def word_at(text: str, index: int) -> tuple[int, int]:
    """The word of `text` that holds character `index`."""
    edges = word_edges(text)
    import bisect

    k = bisect.bisect_right(edges, index)
    start = edges[max(0, k - 1)]
    end = edges[min(k, len(edges) - 1)]
    return (start, end) if end > start else (index, min(len(text), index + 1))


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the edges of the words it cuts into."""
    if not text or end <= start:
        return start, end
    first = word_at(text, min(start, len(text) - 1))[0]
    last = word_at(text, max(0, end - 1))[1]
    return min(first, start), max(last, end)


def latin_words(text: str) -> list[str]:
    return [w.lower() for w in _LATIN.findall(text)]
