"""Citations: a quote with where it came from, and the date of a page."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

from reader.core.kinds import BlockKind
from reader.core.model import Document
from reader.core.text import is_cjk_char

CITATION = "“{quote}”\n——{title}{byline_sep}{byline}，{file}{date_sep}{date}"
# The default as English prints it, for a quote from a page in a Latin script.
CITATION_LATIN = "“{quote}”\n— {title}{byline_sep}{byline}, {file}{date_sep}{date}"

_DATE = re.compile(r"(\d{4})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})日?")


_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A line that is a date in Chinese numerals, as a masthead prints it (一九六七年四月二十七日,
# perhaps with the weekday or the lunar date after it). Only a line of its own: a date in a
# line of text, or in brackets under a speech's title, says when something was said.
_CN_DATE = re.compile(
    r"^\s*([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日\s*(?:$|星期|[夏农農]历|[夏农農]曆|第)"
)
_CN_DIGIT = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def _cn_number(text: str) -> int:
    """一 to 三十九 (十 = 10, 十七 = 17, 二十 = 20, 二十七 = 27); 0 when not one."""
    tens, ten, ones = text.partition("十")
    if not ten:
        return _CN_DIGIT.get(text, 0) if len(text) == 1 else 0
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


def _date_in(text: str) -> tuple[int, int, int] | None:
    match = _DATE.search(text)
    if match:
        return int(match[1]), int(match[2]), int(match[3])
    match = _CN_DATE.match(text)
    if match:
        year = int("".join(str(_CN_DIGIT[c]) for c in match[1]))
        return year, _cn_number(match[2]), _cn_number(match[3])
    return None


def page_date(doc: Document) -> str:
    """A date for the page: YYYY-MM-DD from the file name or the text, else MM-DD from a
    dateline (新华社北京3月12日电) or the page furniture, else ''. Dates inside articles
    say when things happened, not when the page came out, so they are not used."""
    texts = (Path(doc.source.path).stem, *doc.source_lines[:40], *doc.source_lines[-20:])
    for text in texts:
        found = _date_in(text)
        if found:
            y, m, d = found
            if 1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{m:02d}-{d:02d}"
    furniture = "".join(b.text for _a, b in doc.iter_blocks() if b.kind == BlockKind.FURNITURE)
    datelines = [b.text for _a, b in doc.iter_blocks() if b.kind == BlockKind.DATELINE]
    for text in (*datelines, furniture):
        match = _MONTH_DAY.search(text)
        if match and 1 <= int(match[1]) <= 12 and 1 <= int(match[2]) <= 31:
            return f"{int(match[1]):02d}-{int(match[2]):02d}"
    return ""


def cite(template: str, quote: str, doc: Document, article: int | None) -> str:
    """The quote with where it came from, by a template with {quote} {title} {byline}
    {file} {path} {date} (and {byline_sep} / {date_sep}, which vanish with their field).
    A quote with no Chinese in it, from a page in a Latin script, is cited with English
    marks: the default template in its English form, the separators a comma and a space."""
    art = (
        doc.articles[article] if article is not None and 0 <= article < len(doc.articles) else None
    )
    title = (art.title or art.label(20)) if art else ""
    byline = (art.byline or "") if art else ""
    date = page_date(doc)
    # The page's script, from the quote, its title and the start of its article (or of
    # the page): a Latin word quoted from a Chinese page (GDP) is cited in Chinese.
    near = art if art is not None else (doc.articles[0] if doc.articles else None)
    around = "".join(b.text for b in near.all_blocks()[:3])[:200] if near else ""
    latin = not any(map(is_cjk_char, quote + title + around))
    if latin and template == CITATION:
        template = CITATION_LATIN
    sep = ", " if latin else "，"
    fields = {
        "quote": " ".join(quote.split("\n\n")).strip(),
        "title": title,
        "byline": byline,
        "byline_sep": sep if byline else "",
        "file": Path(doc.source.path).name,
        "path": doc.source.path,
        "date": date,
        "date_sep": sep if date else "",
    }
    default = CITATION_LATIN if latin else CITATION
    try:
        # Only the fields by name: {quote.upper} or {title[0]} would reach into them.
        if any(name not in fields for _t, name, _f, _c in Formatter().parse(template) if name):
            return default.format(**fields)
        return template.format(**fields)
    except (KeyError, IndexError, ValueError, TypeError):
        return default.format(**fields)
