"""Pages printed in traditional characters, read by the same rules as simplified ones.

The engine's rules name words in simplified characters (新华社, 本报记者, 电, 讯). A page
printed in traditional characters (新華社北京3月12日電, 本報記者 李四) is read through a
simplified copy of its lines, made by OpenCC's t2s conversion, for classification only:
every block is then given back the characters the page printed. The text is always shown
as printed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.model import Article

# The CJK blocks whose characters OpenCC may convert (Extension A and the Unified block).
_CJK = range(0x3400, 0xA000)
# Characters the reading of a block's text may skip in its source lines: line breaks,
# spaces, and the break marks of hyphenated words.
_SKIPPABLE = " \t\n\u3000¬-"


@functools.cache
def _converter() -> Any:
    import opencc  # a compiled library, loaded when the first page is read

    return opencc.OpenCC("t2s")


@functools.cache
def _traditional() -> re.Pattern[str]:
    """Any character that t2s changes on its own: the sign that a page needs converting."""
    chars = [chr(c) for c in _CJK]
    converted = _converter().convert("\n".join(chars)).split("\n")
    changed = "".join(c for c, s in zip(chars, converted, strict=True) if c != s)
    return re.compile(f"[{re.escape(changed)}]")


@functools.cache
def _one_for_one() -> dict[int, str]:
    """Each character t2s changes on its own into one other character: 國 → 国, 務 → 务.
    A character it would turn into several, or none, is left out (the installed
    dictionaries have none such; a later one might)."""
    chars = [chr(c) for c in _CJK]
    converted = _converter().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        return {}
    return {ord(c): s for c, s in zip(chars, converted, strict=True) if s != c and len(s) == 1}


def fold(text: str) -> str:
    """The text with each traditional character put in its simplified form, a character at
    a time: exactly as long as the text, so a match found in it is the same stretch of the
    text as printed. Phrases are not read as phrases (t2s would change a few, such as
    乾隆, otherwise): both sides of a comparison are folded alike, so a query in either
    script finds the other."""
    return text.translate(_one_for_one())


@functools.cache
def _forms() -> dict[str, str]:
    """Each character that has another form, with all the forms that fold alike, as a
    regular expression's class: 国 and 國 → [国國]."""
    alike: dict[str, set[str]] = {}
    for code, simple in _one_for_one().items():
        alike.setdefault(simple, {simple}).add(chr(code))
    out = {}
    for group in alike.values():
        pattern = "[" + "".join(re.escape(c) for c in sorted(group)) + "]"
        for c in group:
            out[c] = pattern
    return out


def either(text: str) -> str:
    """A regular expression that finds `text` in either script, a character for a
    character: what folding both sides would find (国务院 finds 國務院 and 国務院, and the
    reverse), without folding the text searched, so a long page is searched as fast as
    for a plain string, and each match is exactly as long as `text`."""
    forms = _forms()
    return "".join(forms.get(c) or re.escape(c) for c in text)


def simplified(lines: Sequence[str]) -> list[str] | None:
    """The lines in simplified characters, each as long as it was (a line whose conversion
    would change its length is kept as printed), or None when no line holds a traditional
    character (most pages: a scan of the text, no conversion)."""
    text = "\n".join(lines)
    if not _traditional().search(text):
        return None
    converted = _converter().convert(text).split("\n")
    if len(converted) != len(lines):  # (t2s keeps line breaks; never trust it blindly)
        return None
    return [s if len(s) == len(p) else p for p, s in zip(lines, converted, strict=True)]


def restore(articles: list[Article], analysed: list[str], printed: Sequence[str]) -> list[Article]:
    """The articles with every block read from the `analysed` (simplified) lines given
    the characters of the `printed` lines it came from, and the outline its headings as
    printed: new blocks, articles and outline entries, the ones given left as they were."""
    from reader.core.model import Article, OutlineEntry

    out = []
    for art in articles:
        head, blocks = (
            [
                dataclasses.replace(b, text=_printed(b.text, b.first, b.last, analysed, printed))
                for b in part
            ]
            for part in (art.head, art.blocks)
        )
        outline = [
            OutlineEntry(e.level, blocks[e.block].text[: len(e.text)], e.block) for e in art.outline
        ]
        out.append(Article(head, blocks, outline, art.kind))
    return out


def _printed(text: str, first: int, last: int, analysed: list[str], printed: Sequence[str]) -> str:
    """`text`, read from analysed lines first..last, in the characters printed there.

    A block's text is a run of its source lines' characters, less white space and the
    break marks of hyphenated words, plus what joining added (a space, a hyphen): the run
    is found in the source (it may start after the first line's start: a dateline split
    off before it), and each character takes the one printed there. Where it is not
    found whole, each character is looked for in turn, skipping only those; a character
    not found so is kept as it is."""
    source = "\n".join(analysed[first : last + 1])
    shown = "\n".join(printed[first : last + 1])
    if source == shown:
        return text
    keep = [i for i, c in enumerate(source) if c not in _SKIPPABLE]
    body = [n for n, c in enumerate(text) if c not in _SKIPPABLE]
    at = "".join(source[i] for i in keep).find("".join(text[n] for n in body))
    out = list(text)
    if at >= 0:
        for k, n in enumerate(body):
            out[n] = shown[keep[at + k]]
        return "".join(out)
    at = 0
    for n, c in enumerate(text):
        found = source.find(c, at)
        if found >= 0 and not (n and source[at:found].strip(_SKIPPABLE)):
            out[n] = shown[found]
            at = found + 1
    return "".join(out)
