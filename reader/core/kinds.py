"""Block kinds: one table that everything handling a kind of block reads.

Each kind's values are the strings documents, JSON exports and stored corrections have
always used ("noise" is page furniture), so nothing stored changes meaning. Adding a kind
is one entry here plus its rendering where a renderer keys on `markdown`, `html` or `style`
(export.py, publish.py, the window's body.py); tests/core/test_kinds.py checks that every
kind is handled everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUESTION = "question"  # an interview question (问：…)
    CAPTION = "caption"  # a photo caption, credit or note of where pictures come from
    END = "end"  # end matter: （作者单位：…）, （完）, a signatory, a date
    DATELINE = "dateline"
    JUMP = "jump"  # （下转…）, （上接…）
    FURNITURE = "noise"  # page furniture: running heads and feet, masthead lines, specks
    KICKER = "kicker"
    TITLE = "title"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    # Between reflow and segmentation only: a short line standing on its own, which
    # segmentation makes a kicker, title, subtitle or feature subhead.
    STANDALONE = "standalone"


@dataclass(frozen=True, slots=True)
class KindSpec:
    # Shown in the clean text (which annotations point into) and the window's text.
    clean: bool
    # Its text runs on over line ends: body text an article's label may quote.
    running: bool = False
    # Indented as a paragraph in clean text with indents and in the window.
    indented: bool = False
    # Closes the article it ends (a jump only when it says where the text goes on: 下转).
    closes: bool = False
    # Stays with an article its end matter closed, rather than opening the next one.
    trails: bool = False
    # Listed in the outline at its depth (headings; questions at depth 1).
    outlined: bool = False
    # Position in a headline group (kicker, title, subtitle, byline); None in a body.
    head: int | None = None
    # The export option (a field of publish.Options) that keeps or drops it; None: kept.
    option: str | None = None
    # How Markdown renders it: "text", "title", "heading", "bold", "italic" or "quote"
    # (export.MD_RENDER).
    markdown: str = "text"
    # The HTML element (h1; "h" for a heading one deeper than its depth; p), and the class.
    html: str = "p"
    html_class: str = ""
    # The window's style (reader/ui/body.py).
    style: str = "body"
    # Which correction may set it: "kind" (the Correct menu's Block Kind), "role" (Make
    # Title/Subtitle/Byline) or None; `label` names it there, `levels` the heading levels
    # the menu offers.
    correction: str | None = None
    label: str = ""
    levels: int = 0


K = BlockKind
SPECS: dict[BlockKind, KindSpec] = {
    K.PARAGRAPH: KindSpec(
        clean=True, running=True, indented=True, correction="kind", label="Paragraph"
    ),
    K.HEADING: KindSpec(
        clean=True,
        running=True,
        outlined=True,
        markdown="heading",
        html="h",
        style="heading",
        correction="kind",
        label="Heading",
        levels=3,
    ),
    K.QUESTION: KindSpec(
        clean=True,
        running=True,
        indented=True,
        outlined=True,
        markdown="bold",
        html_class="question",
        style="question",
        correction="kind",
        label="Question",
        levels=1,
    ),
    K.CAPTION: KindSpec(
        clean=True,
        trails=True,
        option="captions",
        markdown="italic",
        html_class="caption",
        style="caption",
        correction="kind",
        label="Photo Caption",
    ),
    K.END: KindSpec(
        clean=True,
        closes=True,
        trails=True,
        option="end_matter",
        markdown="quote",
        html_class="end",
        style="aside",
        correction="kind",
        label="End Matter",
    ),
    K.DATELINE: KindSpec(
        clean=True,
        closes=True,
        trails=True,
        option="datelines",
        markdown="quote",
        html_class="dateline",
        style="aside",
        correction="kind",
        label="Dateline",
    ),
    K.JUMP: KindSpec(clean=True, closes=True, option="datelines", html_class="jump", style="jump"),
    K.FURNITURE: KindSpec(
        clean=False,
        trails=True,
        option="furniture",
        markdown="italic",
        html_class="noise",
        style="furniture",
        correction="kind",
        label="Page Furniture",
    ),
    # Bold in Markdown over the title, as a label, not a line of the text.
    K.KICKER: KindSpec(clean=True, head=0, markdown="bold", html_class="kicker", style="kicker"),
    K.TITLE: KindSpec(
        clean=True,
        head=1,
        markdown="title",
        html="h1",
        html_class="title",
        style="title",
        correction="role",
        label="Title",
    ),
    K.SUBTITLE: KindSpec(
        clean=True,
        head=2,
        markdown="bold",
        html_class="subtitle",
        style="subtitle",
        correction="role",
        label="Subtitle",
    ),
    K.BYLINE: KindSpec(
        clean=True,
        head=3,
        option="bylines",
        markdown="italic",
        html_class="byline",
        style="byline",
        correction="role",
        label="Byline",
    ),
    K.STANDALONE: KindSpec(clean=True),
}

# The kinds a finished document holds (all but STANDALONE, which segmentation settles).
DOCUMENT_KINDS = tuple(k for k in BlockKind if k is not K.STANDALONE)
# Kinds by what the table says of them.
CLEAN = frozenset(k for k in DOCUMENT_KINDS if SPECS[k].clean)
RUNNING = frozenset(k for k, s in SPECS.items() if s.running)
INDENTED = frozenset(k for k, s in SPECS.items() if s.indented)
CLOSES = frozenset(k for k, s in SPECS.items() if s.closes)
TRAILS = frozenset(k for k, s in SPECS.items() if s.trails)
OUTLINED = frozenset(k for k, s in SPECS.items() if s.outlined)
# Kicker, title, subtitle, byline: a headline group's parts in the order they are printed.
HEAD_ORDER = tuple(
    sorted((k for k, s in SPECS.items() if s.head is not None), key=lambda k: SPECS[k].head or 0)
)
# What the Correct menu's Block Kind sets, and the roles Make Title/Subtitle/Byline give.
CORRECTABLE = tuple(k for k in DOCUMENT_KINDS if SPECS[k].correction == "kind")
ROLES = tuple(k for k in HEAD_ORDER if SPECS[k].correction == "role")
# The export options that cover some kind.
OPTIONS = tuple(dict.fromkeys(s.option for s in SPECS.values() if s.option))
