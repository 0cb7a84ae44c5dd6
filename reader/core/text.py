"""Character-level helpers shared by the engine: display width, spacing and punctuation."""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Collection, Iterable, Sequence

# Sentence-final punctuation. A line ending in one of these (optionally followed by closing
# quotes or brackets) may end a paragraph; a line ending in anything else continues.
SENTENCE_END = frozenset("。！？!?…")
# Closing marks that may trail a sentence end: 。” or ！）.
CLOSING = frozenset("”’」』）)】》〉\"'")
CLOSING_CHARS = "".join(sorted(CLOSING))
# Punctuation that never starts a printed line in Chinese typesetting.
NO_LINE_START = frozenset("，。、；：！？）》」』”’…,.;:!?)")
# Characters that bind to the word before them and open neither a sentence nor a title
# (我们 wrapped as 我 / 们, a question's 吗): a line starting with one goes on from the last.
BOUND_START = frozenset("们吗呢吧")
# A line opening with a conjunction goes on from the line before it (…委员会 / 与…编印).
CONJUNCTION_START = frozenset("与和及暨")
# Anything a heading or title would not end with.
SOFT_END = frozenset("，、；：,;:")

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2014\u2026"
# OCR puts spaces around half-width runs inside Chinese text ("2024年 5月", "3 月 5 日").
# Printed Chinese has no such spaces, so clean text drops a space between a CJK character
# (or full-width mark) and a half-width one. A space between two CJK characters stays: it
# often marks a character OCR lost ("党委书记卢 打开了话匣子"), and the reader keeps the gap.
_SPACE_NEAR_CJK = re.compile(
    rf"(?<=[{_CJK}])[ \t\u3000]+(?=[\x21-\x7e])|(?<=[\x21-\x7e])[ \t\u3000]+(?=[{_CJK}])"
)
_MULTI_SPACE = re.compile(r"[ \t\u3000]+")
# Marks that a title, subhead or heading tail does not carry.
_BODY_PUNCT = re.compile("[。！？!?…，,；;：:、]")
# The same but for 、, which a headline may list with as a sentence does not without a comma.
_BODY_PUNCT_BUT_LISTS = re.compile("[。！？!?…，,；;：:]")
_SENTENCE_MARK = re.compile("[。！？!?]")


def cells(text: str) -> int:
    """Display cells: ASCII is one cell, everything else (CJK, full-width marks) is two.

    Ambiguous-width marks such as “ ” — count as two because in a Chinese column they
    take a full cell.
    """
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def compact(text: str) -> str:
    """Clean a line's interior spacing the way the printed page had it."""
    if " " in text or "\u3000" in text or "\t" in text:
        text = _MULTI_SPACE.sub(" ", _SPACE_NEAR_CJK.sub("", text))
    return text


def strip_closing(text: str) -> str:
    return text.rstrip(CLOSING_CHARS)


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence: 。 ！ ？ … possibly followed by ” or ）."""
    core = strip_closing(text)
    return bool(core) and core[-1] in SENTENCE_END


def is_cjk_char(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff"


def join_lines(
    head: str, tail: str, hyphenated: Collection[str] = (), whole: Collection[str] = ()
) -> str:
    """Join two OCR lines of one paragraph.

    Chinese joins with nothing. Two Latin words join with one space, and a word broken
    with a hyphen at the end of a line is mended: always after ¬ (the mark OCR programs
    and our format readers put where a word is certainly broken), and after a hyphen
    where the word goes on in lower case; but a word that the page prints with a hyphen
    inside a line (`hyphenated`, from hyphenated_words()) keeps its hyphen. A word broken
    at the line end with its hyphen taken out (as archives' plain text gives it: Har /
    bor) is joined where the page prints it whole inside a line (`whole`, from
    whole_words()) and never prints its first part alone.
    """
    if not head:
        return tail
    if not tail:
        return head
    a, b = head[-1], tail[0]
    if a.isdigit() and b.isdigit() and _in_chinese(head, tail):
        return head + tail  # a number broken at a line end in Chinese text: 共有1 / 2人
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
        if whole and b.islower() and _unhyphenated(head, tail, whole):
            return head + tail
        return head + " " + tail
    if (a == "¬" and b.isalnum()) or (
        a == "-"
        and len(head) >= 2
        and head[-2].isascii()
        and head[-2].isalpha()
        and b.isascii()
        and b.islower()
    ):
        if hyphenated and _printed_hyphenated(head[:-1], tail, hyphenated):
            return head[:-1] + "-" + tail
        return head[:-1] + tail
    if a in ",.;:!?" and b.isascii() and (b.isalnum() or b in "\"'(["):
        return head + " " + tail  # (Benefit. / "Association)
    if a not in _JOINS_AFTER and b not in _JOINS_BEFORE and (_beside(a, b) or _beside(b, a)):
        # Latin text around marks and quotes: `the` + `"roads`, `carried` + `[en`.
        return head + " " + tail
    return head + tail


def asks_whole(a: str, b: str) -> bool:
    """Whether join_lines() may look up `whole` where a line ending in character a is
    joined to one starting with b: a Latin word in lower case after a letter or digit."""
    return a.isascii() and a.isalnum() and b.isascii() and b.islower()


def asks_hyphenated(a: str, b: str) -> bool:
    """Whether join_lines() may look up `hyphenated` where a line ending in character a
    is joined to one starting with b: a Latin letter after a hyphen, or after the mark
    of a broken word."""
    return a in ("-", "¬") and b.isascii() and b.isalpha()


# A line break is a space between a Latin letter and a mark beside it (or a digit and an
# ASCII mark), but after a hyphen, a dash or an opening mark (New- / York stays New-York)
# and before closing ones. Chinese text is joined with none: its quotes and ellipses sit
# beside Chinese characters, and only a Latin letter beside a mark makes a space.
_JOINS_AFTER = frozenset("-‐‑–—¬/([{“‘")
_JOINS_BEFORE = frozenset(",.;:!?)]}%-‐‑–—”’…")


def _in_chinese(head: str, tail: str) -> bool:
    """Whether the digits that meet at a line end are set in Chinese text: a Chinese
    character (or full-width mark) just before them or just after."""
    before = head[-_LONGEST_WORD:].rstrip("0123456789")[-1:]
    after = tail[:_LONGEST_WORD].lstrip("0123456789")[:1]
    return before >= "\u2e80" or after >= "\u2e80"


def _beside(c: str, other: str) -> bool:
    """Whether `c`, a Latin letter (or an ASCII digit beside an ASCII mark), asks for a
    space between it and `other`, a mark of a script that writes spaces."""
    if other.isspace() or other >= "\u2e80":
        return False
    if c.isalpha() and c < "\u0250":
        return True
    return c.isascii() and c.isdigit() and other.isascii()


# The end of a line's (or a paragraph's, joined so far) last word is looked for this far
# back: no longer word is one, and the whole paragraph would be read at every line end.
_LONGEST_WORD = 48
_WORD_END = re.compile(r"[A-Za-z]+$")
_WORD_START = re.compile(r"[A-Za-z]+")
_WORDS = re.compile(r"[A-Za-z]{2,}")
# A word printed with a hyphen inside a line: well-known, re-elected.
_HYPHENATED = re.compile(r"(?<![A-Za-z-])[A-Za-z]+(?:-[A-Za-z]+)+(?![A-Za-z])")


def hyphenated_words(texts: Iterable[str]) -> frozenset[str]:
    """Every pair of word parts the lines print joined by a hyphen inside a line, in lower
    case: "well-known" (and for "mother-in-law", "mother-in" and "in-law")."""
    found: set[str] = set()
    for text in texts:
        if "-" not in text:
            continue
        for word in _HYPHENATED.findall(text):
            parts = word.lower().split("-")
            found.update(map("-".join, itertools.pairwise(parts)))
    return frozenset(found)


def last_latin_word(text: str) -> str:
    """The run of Latin letters the text ends with ('' if it ends otherwise)."""
    found = _WORD_END.search(text[-_LONGEST_WORD:])
    return found.group() if found else ""


def _meeting_words(head: str, tail: str) -> tuple[str, str] | None:
    """The Latin letters that meet at a line end: the last of `head`, the first of
    `tail`; None unless both are there."""
    first, second = last_latin_word(head), _WORD_START.match(tail)
    return (first, second.group()) if first and second else None


def _printed_hyphenated(head: str, tail: str, hyphenated: Collection[str]) -> bool:
    met = _meeting_words(head, tail)
    return met is not None and f"{met[0]}-{met[1]}".lower() in hyphenated


_ASCII_ONLY = operator.methodcaller("encode", "ascii", "ignore")
_THREE_WORDS_ASCII = 6


def whole_words(texts: Sequence[str]) -> frozenset[str]:
    """The Latin words of two letters or more that lines print whole (between other
    words, never at a line's start or end, where a word may be a broken one's part), in
    lower case."""
    found: set[str] = set()
    # Three words of two letters hold six ASCII characters: a line with fewer (most lines
    # of a Chinese page) is passed over without a search, and one of fewer than three
    # words without a generator made for it.
    ascii_counts = map(len, map(_ASCII_ONLY, texts))
    worded = itertools.compress(texts, map(_THREE_WORDS_ASCII.__le__, ascii_counts))
    for words in map(_WORDS.findall, worded):
        if len(words) > 2:
            found.update(map(str.lower, words[1:-1]))
    return frozenset(found)


def _unhyphenated(head: str, tail: str, whole: Collection[str]) -> bool:
    met = _meeting_words(head, tail)
    if met is None:
        return False
    part = met[0].lower()
    # (A word of one letter, a or I, is a word whole; the page's list has none of them.)
    return len(part) > 1 and part not in whole and part + met[1].lower() in whole


def join_all(
    lines: Iterable[str], hyphenated: Collection[str] = (), whole: Collection[str] = ()
) -> str:
    """Join the OCR lines of one paragraph, as join_lines() joins two. A hyphen (or ¬)
    alone on its line breaks no word: it is kept, and the lines around it are joined as
    if it were text."""
    text, previous = "", ""
    for line in lines:
        if previous in ("-", "¬"):
            text += line
        else:
            text = join_lines(text, line, hyphenated, whole)
        previous = line
    return text


def despace_cjk_spaced(text: str) -> str:
    """'减 资 公 告' -> '减资公告': single characters spread out to fill a headline width."""
    parts = text.split()
    if len(parts) >= 2 and all(len(p) == 1 and is_cjk_char(p) for p in parts):
        return "".join(parts)
    return text


def ink(text: str) -> int:
    """Characters other than white space: what a block's text and its source lines share
    (joining lines takes out spaces and line ends)."""
    return len(text) - sum(1 for c in text if c.isspace())


def bigrams(text: str) -> set[str]:
    """Character bigrams of text, used to compare titles with bodies."""
    return set(map(operator.add, text, text[1:]))


def unpunctuated(text: str) -> bool:
    """No mark that a title, subhead or heading tail would not carry."""
    return _BODY_PUNCT.search(text) is None


def unpunctuated_but_lists(text: str) -> bool:
    """No mark that a title would not carry, 、 allowed (华北、中南和华东)."""
    return _BODY_PUNCT_BUT_LISTS.search(text) is None


def has_sentence_mark(text: str) -> bool:
    return _SENTENCE_MARK.search(text) is not None


def has_colon(text: str) -> bool:
    return "：" in text or ":" in text
