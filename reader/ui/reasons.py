"""The engine's one-line reasons (why a file cannot be opened, why a correction no longer
applies) in the interface's language. The engine words them in English and knows no Qt;
here each common one is matched and said again through the translator. A reason not
matched here (a rare detail of a damaged file) is shown as the engine wrote it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # PySide6's stub says it returns object; it returns the text

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "Reasons"  # the translation context of every reason below (lupdate reads them)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# What a file is where it is not text, or not a file (reader.core.decode's names).
_THINGS = {
    "a PDF document": QT_TRANSLATE_NOOP("Reasons", "a PDF document"),
    "a ZIP archive (or a Word/EPUB file)": QT_TRANSLATE_NOOP(
        "Reasons", "a ZIP archive (or a Word/EPUB file)"
    ),
    "a PNG image": QT_TRANSLATE_NOOP("Reasons", "a PNG image"),
    "a JPEG image": QT_TRANSLATE_NOOP("Reasons", "a JPEG image"),
    "a GIF image": QT_TRANSLATE_NOOP("Reasons", "a GIF image"),
    "a program": QT_TRANSLATE_NOOP("Reasons", "a program"),
    "an SQLite database": QT_TRANSLATE_NOOP("Reasons", "an SQLite database"),
    "a folder": QT_TRANSLATE_NOOP("Reasons", "a folder"),
    "a named pipe (FIFO)": QT_TRANSLATE_NOOP("Reasons", "a named pipe (FIFO)"),
    "a character device": QT_TRANSLATE_NOOP("Reasons", "a character device"),
    "a block device": QT_TRANSLATE_NOOP("Reasons", "a block device"),
    "a socket": QT_TRANSLATE_NOOP("Reasons", "a socket"),
}


# The script or language of text in an encoding that is not Chinese (reader.core.decode).
_LANGUAGES = {
    "Japanese": QT_TRANSLATE_NOOP("Reasons", "Japanese"),
    "Korean": QT_TRANSLATE_NOOP("Reasons", "Korean"),
    "Cyrillic": QT_TRANSLATE_NOOP("Reasons", "Cyrillic"),
    "Western European": QT_TRANSLATE_NOOP("Reasons", "Western European"),
    "Greek": QT_TRANSLATE_NOOP("Reasons", "Greek"),
    "Hebrew": QT_TRANSLATE_NOOP("Reasons", "Hebrew"),
    "Arabic": QT_TRANSLATE_NOOP("Reasons", "Arabic"),
    "Thai": QT_TRANSLATE_NOOP("Reasons", "Thai"),
}


def _language(found: re.Match[str]) -> str:
    what = found.group(1)
    return _tr(_LANGUAGES[what]) if what in _LANGUAGES else what


def _thing(found: re.Match[str]) -> str:
    what = found.group(1)
    return _tr(_THINGS[what]) if what in _THINGS else what


# The reasons said whole, and those with a part to carry over (%1: a number, a format's
# name or what a file is), each with its English pattern.
_WHOLE = {
    text: text
    for text in (
        QT_TRANSLATE_NOOP("Reasons", "the file is empty"),
        QT_TRANSLATE_NOOP("Reasons", "the file holds only white space"),
        QT_TRANSLATE_NOOP("Reasons", "it is binary data, not text"),
        QT_TRANSLATE_NOOP("Reasons", "it is not a regular file"),
        QT_TRANSLATE_NOOP("Reasons", "no such file"),
        QT_TRANSLATE_NOOP("Reasons", "permission denied"),
        QT_TRANSLATE_NOOP("Reasons", "there is not enough memory to read it"),
        QT_TRANSLATE_NOOP("Reasons", "there is not enough memory to decode it"),
        QT_TRANSLATE_NOOP("Reasons", "it is not OCR output that this reader knows"),
        QT_TRANSLATE_NOOP("Reasons", "the file holds no OCR lines"),
        QT_TRANSLATE_NOOP("Reasons", "it holds no OCR lines with positions"),
        QT_TRANSLATE_NOOP("Reasons", "it is JSON, but not OCR output that this reader knows"),
        QT_TRANSLATE_NOOP(
            "Reasons", "it is an export of annotations, not a page: import it instead"
        ),
        QT_TRANSLATE_NOOP(
            "Reasons", "it is a page exported as JSON, not OCR output: open the page itself"
        ),
        # Why a correction no longer applies (reader.core.edits).
        QT_TRANSLATE_NOOP("Reasons", "the block it was made on is no longer on the page"),
        QT_TRANSLATE_NOOP("Reasons", "the article it was given to is no longer on the page"),
        QT_TRANSLATE_NOOP("Reasons", "its text is no longer on the page"),
        QT_TRANSLATE_NOOP("Reasons", "it is the last block of its article"),
        QT_TRANSLATE_NOOP("Reasons", "the split point is not inside a block"),
        QT_TRANSLATE_NOOP("Reasons", "it already starts its article"),
        QT_TRANSLATE_NOOP("Reasons", "it is in the first article"),
        QT_TRANSLATE_NOOP("Reasons", "the block's text changed since it was corrected"),
        QT_TRANSLATE_NOOP("Reasons", "it could not be read from the database"),
    )
}
_PARTS: list[tuple[re.Pattern[str], str, Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"it is (.+) text \((.+)\), not Chinese"),
        QT_TRANSLATE_NOOP("Reasons", "it is %1 text (%2), not Chinese"),
        _language,
    ),
    (
        re.compile(r"it is (.+), not text"),
        QT_TRANSLATE_NOOP("Reasons", "it is %1, not text"),
        _thing,
    ),
    (
        re.compile(r"it is (.+), not a file"),
        QT_TRANSLATE_NOOP("Reasons", "it is %1, not a file"),
        _thing,
    ),
    (
        re.compile(r"it is too large \((\d+) MB; the limit is (\d+) MB\)"),
        QT_TRANSLATE_NOOP("Reasons", "it is too large (%1 MB; the limit is %2 MB)"),
        lambda m: m.group(1),
    ),
    (
        re.compile(r"it is too large \(the limit is (\d+) MB\)"),
        QT_TRANSLATE_NOOP("Reasons", "it is too large (the limit is %1 MB)"),
        lambda m: m.group(1),
    ),
    (
        re.compile(r"the (.+) file is cut short at line (\d+)"),
        QT_TRANSLATE_NOOP("Reasons", "the %1 file is cut short at line %2"),
        lambda m: m.group(1),
    ),
    (
        re.compile(r"the (.+) file is empty"),
        QT_TRANSLATE_NOOP("Reasons", "the %1 file is empty"),
        lambda m: m.group(1),
    ),
    (
        re.compile(r"the (.+) file is not valid UTF-8 JSON"),
        QT_TRANSLATE_NOOP("Reasons", "the %1 file is not valid UTF-8 JSON"),
        lambda m: m.group(1),
    ),
    (
        re.compile(r"the (.+) file is not valid JSON"),
        QT_TRANSLATE_NOOP("Reasons", "the %1 file is not valid JSON"),
        lambda m: m.group(1),
    ),
    (
        re.compile(r"the (.+) file is too large or nested too deeply"),
        QT_TRANSLATE_NOOP("Reasons", "the %1 file is too large or nested too deeply"),
        lambda m: m.group(1),
    ),
    (
        re.compile(r"the (.+) file declares XML entities, which are refused"),
        QT_TRANSLATE_NOOP("Reasons", "the %1 file declares XML entities, which are refused"),
        lambda m: m.group(1),
    ),
]


def said(reason: str) -> str:
    """The reason in the interface's language, where it is one of the common ones."""
    if reason in _WHOLE:
        return _tr(reason)
    for pattern, template, first in _PARTS:
        found = pattern.fullmatch(reason)
        if found:
            text = _tr(template).replace("%1", first(found))
            return text.replace("%2", found.group(2)) if found.re.groups > 1 else text
    return reason
