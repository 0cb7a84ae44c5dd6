"""Title suggestions: a headline with no body somewhere on the page, offered to the untitled
article whose keywords it shares most. Never applied without the user's say-so."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from reader.core import words
from reader.core.model import Document

KEYWORDS = 30
# A headline's body is looked for among the untitled articles this many articles either
# side of it: a newspaper page's worth (the real pages hold up to about 40). On a file of
# many pages joined, each headline is offered to its own page's articles: pairing every
# headline with every untitled article of a 50 MB file grew for minutes, past 300 MB.
NEAR = 60


@dataclass(frozen=True, slots=True)
class Suggestion:
    headline: int  # index of the headline-only article
    article: int  # index of the untitled article it belongs to
    title: str
    byline: str | None
    score: float
    shared: tuple[str, ...]  # the words they share


def suggest_titles(doc: Document, stop: Callable[[], bool] = lambda: False) -> list[Suggestion]:
    """For each lone headline, the untitled article it most likely belongs to; none when
    `stop` says to stop (asked at each headline: a 50 MB page takes half a minute)."""
    headlines = [k for k, a in enumerate(doc.articles) if a.kind == "headline" and a.title]
    untitled = [
        k for k, a in enumerate(doc.articles) if a.kind == "article" and not a.title and a.blocks
    ]
    if not headlines or not untitled:
        return []
    from reader.core.script import fold

    jieba = words.load()
    # The keywords are weighed in simplified characters (words.weighted_keywords); the
    # titles' words are cut from them folded alike, so either script meets the other.
    keywords: dict[int, dict[str, tuple[str, float]]] = {}

    def keywords_of(k: int) -> dict[str, tuple[str, float]]:
        if k not in keywords:
            text = "\n".join(b.text for b in doc.articles[k].blocks)[: words.KEYWORD_TEXT]
            found = words.weighted_keywords(text, KEYWORDS)
            keywords[k] = {fold(w): (w, f) for w, f in found}
        return keywords[k]

    out: list[Suggestion] = []
    taken: set[int] = set()
    scored = []
    for h in headlines:  # (in order: the keywords of articles left behind go)
        if stop():
            return []
        for k in [k for k in keywords if k < h - NEAR]:
            del keywords[k]
        art = doc.articles[h]
        title_words = {w for w in jieba.cut_for_search(fold(art.title or "")) if len(w) > 1}
        near = untitled[
            bisect.bisect_left(untitled, h - NEAR) : bisect.bisect_right(untitled, h + NEAR)
        ]
        for k in near:
            found = keywords_of(k)
            common = sorted(title_words & set(found), key=lambda w: -found[w][1])
            score = sum(found[w][1] for w in common)
            if common:
                scored.append((score, h, k, tuple(found[w][0] for w in common)))
    # Best pairs first, each headline and each article used once.
    used_headlines: set[int] = set()
    for score, h, k, overlap in sorted(scored, reverse=True):
        if h in used_headlines or k in taken:
            continue
        used_headlines.add(h)
        taken.add(k)
        art = doc.articles[h]
        out.append(Suggestion(h, k, art.title or "", art.byline, score, overlap))
    return sorted(out, key=lambda s: s.article)
