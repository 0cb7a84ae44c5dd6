"""Content lines to blocks: rejoin printed lines into paragraphs, headings and the rest.

Every decision between two neighbouring lines is a join or a break with a reason, so the
result can explain itself (`ocr-reader export --explain`). The signals, strongest first:

* what a line says it is (a byline, end matter, a numbered heading...);
* kept indents, or blank lines when the file uses them only between paragraphs;
* whether a line ends a sentence;
* line widths against the local column width: a paragraph's last line is usually short,
  and its first line is about two characters short when OCR stripped the indent.

The rules are here; the page's habits are read in `habits.py`, the column widths in
`columns.py`, each rule's id and reason is in `rules.py`, and `finish.py` settles a
block's kind and cleans its text.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
import re
from array import array
from collections.abc import Iterable

from reader.core import rules as R
from reader.core.columns import ColumnWidths, window_end
from reader.core.finish import RawBlock, RawBlocks, finish, opens_more
from reader.core.habits import (
    ARTICLE_EDGES,
    BLANK_HABIT_NAMES,
    BLANK_HABIT_NUMBERS,
    BLANK_HABITS,
    INDENT_HABITS,
    Habits,
    local_blank,
    local_indents,
    read_habits,
)
from reader.core.kinds import RUNNING, BlockKind
from reader.core.lines import (
    CREDIT_END,
    DATED_END,
    EDITORIAL,
    HEAD,
    PARAGRAPH_MARKS,
    Lines,
    heading_number,
    is_caption,
    is_date,
    is_speaker,
    names_a_document,
    narrow_width,
    printed_width,
    runin_label,
    source_wraps,
)
from reader.core.model import Block, Decisions
from reader.core.text import (
    BOUND_START,
    NO_LINE_START,
    SENTENCE_END,
    asks_hyphenated,
    asks_whole,
    has_colon,
    has_sentence_mark,
    hyphenated_words,
    is_cjk_char,
    join_all,
    join_lines,
    last_latin_word,
    unpunctuated,
    unpunctuated_but_lists,
    whole_words,
)
from reader.core.tuning import TUNING, Tuning
from reader.core.words import common_words

_BREAK_BEFORE = frozenset(R.MARK_NAMES)
# Block kinds whose text runs on over line ends, unlike the marked one-liners.
_RUNNING = RUNNING
# Block kinds that never take a second line (end matter may wrap; see _end_open).
_SINGLE = frozenset(("byline", "jump", "dateline", "noise", "subtitle", "notice", "headline"))
# The reporters named in brackets after a lead dateline: 新华社北京3月12日电（记者 …）.
_LEAD_CREDIT = re.compile(r"^[（(]\s*(本报|新华社|中新社)?(特约)?(记者|通讯员)")
# A short label and its value on one line: 联系电话：0358-8224567.
_LABEL_VALUE = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*\S")
# Words an English line that goes on ends with: no title, heading or paragraph ends so.
_GOES_ON = frozenset(
    ("the", "a", "an", "of", "to", "in", "and", "or", "for", "with", "on", "at", "by",
     "from", "as", "that", "is", "was", "be", "its", "his", "her", "their", "which")
)  # fmt: skip


def _capitals(text: str) -> bool:
    """Whether most of the Latin letters the line starts with are capitals."""
    letters = [c for c in text[:24] if c.isascii() and c.isalpha()]
    return 2 * sum(map(str.isupper, letters)) > len(letters)


def _latin_goes_on(text: str, after: str) -> bool:
    """An English line that the next one continues: the next starts in lower case (fight.
    after Intend to), or it ends with a word no sentence or title ends with (the, of)."""
    if not (text[-1:].isascii() and after[:1].isascii()):
        return False
    if after[:1].islower():
        return True
    return last_latin_word(text).lower() in _GOES_ON


# A Latin word hyphenated over the line end ("inter-"): the line goes on.
_BROKEN_WORD = re.compile(r"[A-Za-z][-¬]$")
_UNMENDED = re.compile(r"¬(?![^\W_])")
# A line that starts with a Latin word in lower case.
_LOWER_START = re.compile(r"[a-z]")
# A word in lower case, not a list's letter (a), b.) nor an abbreviation (e.g.).
_LOWER_WORD_START = re.compile(r"[a-z]{2,}[\s,;:.]")
# A line that ends with a full stop, perhaps inside quotes or brackets ("ACCEPTED.").
_STOP_END = re.compile(r"[.!?][\W_]*$")
_LEAD_IN_LASTS = re.compile("[：:）)]")
# A line that is one bracketed aside, from its opening bracket to its closing one.
_ASIDE = re.compile(r"^[（(][^（()）]*[)）]$")
# Characters a headline's line does not end with, as they open a phrase that goes on
# (…的, …和, …对, …在): a headline wrapped in a narrow column.
_PHRASE_GOES_ON = frozenset("的和与及并对向把将在从以让使为被之或跟同给于")
# A document's title: 关于 … the kind of document, no sentence's punctuation on the way.
_NAMES_DOCUMENT = re.compile(
    r"^(?:关于|關於)[^。！？!?；;，,：:“”\s]{2,60}"
    r"(?:通知|通告|公告|决定|決定|规定|規定|决议|決議|指示|讲话|講話|报告|報告|意见|意見"
    r"|办法|辦法|条例|條例|纪要|紀要|材料|声明|聲明|命令|的信|倡议书|倡議書)$"
)
# Who taught or said what follows, before a colon (毛主席教导我们：): the quotation runs
# on from the colon in the same paragraph, where 请看： introduces what is set below.
_QUOTES_ON = re.compile(
    r"(?:教导我们|教导我們|教導我們|指出|写道|寫道|告诉我们|告訴我們|号召我们|號召我們)[：:]$"
)
# The formula that closes a notice or a letter, set as a paragraph of its own.
_CLOSING_FORMULA = re.compile(r"^特此(公告|声明|通知|说明|告知|函告|证明|致谢|通告|公示)[。！!.]?$")
# Marks that end a headline group, or open the body below it: the lines above them are
# its kicker and title.
_HEAD_ENDS = frozenset(("subtitle", "byline", "lead"))


def _keyed(lines: Lines, notices: list[int], edges: list[int], t: Tuning) -> set[int]:
    """Plain lines of a notice's body that open with a short label and its value
    (联系人：李先生, 地址：…), which a notice sets on lines of their own. A body runs from
    its headline (at `notices`) to the next article edge."""
    text, mark = lines.text, lines.mark
    keyed = set()
    for k in notices:
        for i in range(k + 1, window_end(edges, k, t.notice_lines, len(lines))):
            if mark[i] == "" and has_colon(text[i]) and _LABEL_VALUE.match(text[i]):
                keyed.add(i)
    return keyed


def _end_open(lines: Lines, block: RawBlock) -> bool:
    """End matter in brackets that OCR wrapped before its closing bracket, or a source in
    《》 wrapped before its title closes (转摘自《关于… / …的教训》)."""
    text = "".join(lines.text[block.start : block.end])
    if text[:1] in "（(":
        return text.count("（") + text.count("(") > text.count("）") + text.count(")")
    return text.count("《") > text.count("》")


def _set_width(lines: Lines, b: int) -> int:
    """How wide the text is set at line b, which goes on: the wider of b and the plain
    line after it, indents included (b may be a first line, short by its indent)."""
    width, indent = lines.width, lines.indent
    here = width[b] + indent[b]
    c = b + 1
    if c < len(lines) and lines.mark[c] == "":
        return max(here, width[c] + indent[c])
    return here


_HALF = re.compile(r"[\x00-\x7f]")  # a half-width character


def _headline_like(lines: Lines, a: int, col: int, b: int, fwd: int, t: Tuning) -> bool:
    """Line a is a short unpunctuated line that stands on its own: a title, subhead or
    kicker. It must be clearly shorter than even an indent-stripped first line, or be
    followed by a line b that is itself an indent-stripped first line.
    """
    width, mark = lines.width, lines.mark
    text = lines.text[a]
    if mark[a] != "" or not unpunctuated(text) or _BROKEN_WORD.search(text):
        return False
    if width[a] <= col - t.headline_short:
        # Unless the text below is set about as narrow (a lead set narrower than the body,
        # text beside a picture): then line a is as long as a first line of that text.
        narrower = _set_width(lines, b) - t.headline_narrower
        return mark[b] != "" or bool(lines.ends[b]) or width[a] < narrower
    if mark[b] != "":
        return True
    # Were it a paragraph's first line, the line after it would be full, not another
    # indent-stripped first line.
    # A comma-like mark hanging at the end of line b takes up some of its shortfall.
    short_b = fwd - width[b]
    least = t.headline_next_short - (t.hang_cells if lines.soft[b] else 0)
    if lines.ends[b] or not least <= short_b <= t.stripped_short_max:
        return False
    # A character short of the column is short enough where no half-width character
    # blurs the count: a line inside a paragraph fills its column to the cell.
    blur = t.half_width_blur if _HALF.search(text) else 0
    return width[a] <= fwd - (t.headline_shortfall + blur)


# Marks a headline does not carry, though it may hold 、.
_NOT_IN_HEADLINE = re.compile("[。！？!?，,；;：:]")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


def _vertical_runs(lines: Lines, t: Tuning) -> tuple[set[int], dict[int, int]]:
    """Plain lines of a character or two (`tiny`), and the runs of lines of a few
    characters at most, one of them tiny, two lines or more (by line: the run's first
    line): a headline set vertically, which OCR reads a character or a few a line."""
    text, mark, ends = lines.text, lines.mark, lines.ends
    # Most lines are longer than a few characters: those are passed over at C speed.
    short = itertools.compress(range(len(lines)), map(t.vertical_chars.__ge__, map(len, text)))
    small = [
        k for k in short if mark[k] == "" and not ends[k] and _CJK_ONLY.match(text[k]) is not None
    ]
    tiny = {k for k in small if len(text[k]) <= t.tiny_chars}
    vertical: dict[int, int] = {}
    # Runs of consecutive small lines, two or more, one of them tiny.
    for _, run in itertools.groupby(enumerate(small), lambda pair: pair[1] - pair[0]):
        members = [k for _, k in run]
        if len(members) >= 2 and not tiny.isdisjoint(members):
            vertical.update((j, members[0]) for j in members)
    return tiny - vertical.keys(), vertical


class Reflow:
    """Decides, line by line, where blocks begin, and records why.

    Most pairs of lines need no thought: inside a paragraph, a plain line that follows a
    line ending mid-sentence (or, where the page keeps indents or blank lines between
    paragraphs, one without an indent or blank line) continues it. `_stops` lists every
    other line; the loop jumps from one to the next, and `decided` records only the
    decisions it made there. The rest are joins for the page's `ordinary` reason.
    """

    def __init__(
        self,
        lines: Lines,
        blanks: str | None = None,
        tuning: Tuning = TUNING,
        full: frozenset[int] = frozenset(),
    ) -> None:
        self.lines = lines
        self.full = full
        self.t = t = tuning
        habits = read_habits(lines, t)
        self.boxed = blanks is not None  # the text was written from boxes
        if blanks is not None:
            habits = Habits(blanks, habits.indents)
        self.habits = habits
        self.local = None if blanks is not None else local_blank(lines, habits.blank, t)
        self.marked = lines.marked()
        edges = [k for k in self.marked if lines.mark[k] in ARTICLE_EDGES]
        self.local_indents = local_indents(lines, edges, self.habits.indents, t)
        self.columns = ColumnWidths(lines, self.marked, edges, t)
        notices = [k for k in self.marked if lines.mark[k] == "notice"]
        self.keyed = _keyed(lines, notices, edges, t)
        # Numbering styles the page uses for paragraphs: a numbered line of that style
        # holds a full stop (4.各单位要加强值班，确保信息畅通。).
        self.paragraph_styles = {
            lines.style[k]
            for k in self.marked
            if lines.mark[k] == "heading" and has_sentence_mark(lines.text[k])
        }
        self.tiny, self.vertical = _vertical_runs(lines, t)
        if self.habits.indents:
            self.ordinary = R.NOT_INDENTED
        elif self.habits.blank == "paragraph":
            self.ordinary = R.NO_BLANK
        else:
            self.ordinary = R.MID_SENTENCE
        self.decided = Decisions(lines.idx, self.ordinary)

    def reading(self) -> str:
        """How the page was read, in words: its blank-line and indent habits (or that
        they differ by region), and how wide its quotes are set or that its lines were
        wrapped by a count of characters."""
        blank = BLANK_HABITS["mixed" if self.local else self.habits.blank]
        indents = INDENT_HABITS["mixed" if self.local_indents else self.habits.indents]
        if self.lines.characters:
            measure = "lines wrapped by a count of characters"
        elif self.lines.narrow_quotes:
            measure = "quotes one cell wide"
        else:
            measure = "quotes two cells wide"
        return f"{blank}; {indents}; {measure}"

    def _stops(self) -> array[int]:
        """The lines before which _decide could say anything but the ordinary join, in
        order."""
        lines = self.lines
        # Marked a byte a line, not gathered in a set: on a long page a set of the line
        # numbers was tens of megabytes at the reflow's peak.
        stops = bytearray(len(lines) + 1)

        def mark(numbers: Iterable[int]) -> None:
            # (a loop in C: a page may have hundreds of thousands)
            collections.deque(map(stops.__setitem__, numbers, itertools.repeat(1)), maxlen=0)

        mark(self.marked)
        mark(itertools.compress(itertools.count(), lines.part))
        mark(k + 1 for k in self.keyed)
        if self.habits.indents or self.boxed:
            mark(
                itertools.compress(
                    itertools.count(),
                    map(operator.ge, lines.indent, itertools.repeat(self.t.indent_cells)),
                )
            )
        if self.habits.blank == "paragraph" or self.local:
            mark(itertools.compress(itertools.count(), lines.gap))
        if self.habits.indents or self.habits.blank != "paragraph" or self.local:
            mark(itertools.compress(itertools.count(1), lines.ends))
        # After a colon or a closing bracket: a short line ending so stands apart.
        mark(m.end() for m in _LEAD_IN_LASTS.finditer(lines.lasts))
        # Lines whose region keeps another habit than the page are each decided.
        regions = (
            (self.local, BLANK_HABIT_NUMBERS[self.habits.blank]),
            (self.local_indents, int(self.habits.indents)),
        )
        for local, page in regions:
            if local:
                differs = map(operator.ne, local, itertools.repeat(page))
                mark(itertools.compress(itertools.count(), differs))
        # Where the text below is set much wider (a headline may end above it), or much
        # narrower under a line without a sentence's punctuation (a headline set across
        # the columns may end above it).
        width, wider, text = lines.width, self.t.wider, lines.text
        mark(
            k
            for k in range(1, len(lines))
            if width[k] >= width[k - 1] + wider
            or (width[k - 1] >= width[k] + wider and unpunctuated_but_lists(text[k - 1]))
        )
        # Around a headline set vertically, and after a line of a character or two.
        for k in self.vertical:
            mark((k, k + 1))
        mark(k + 1 for k in self.tiny)
        mark(self.tiny)
        stops[len(lines)] = 0  # after the last line there is nothing to decide
        return array("i", itertools.compress(itertools.count(), stops))

    def run(self) -> RawBlocks:
        lines = self.lines
        n = len(lines)
        blocks = RawBlocks()
        if not n:
            return blocks
        text = lines.text
        stops = self._stops()
        at, last = 0, len(stops)
        record = self.decided.record
        decide, open_block = self._decide, self._open
        cur = open_block(0)
        if 0 in self.vertical and self._tall_vertical(0):
            cur.display = True  # a page that opens on a title set down it
        i = 1
        while i < n:
            # A one-line paragraph block differs only in that an unpunctuated line may
            # stand alone (a title or subhead), so a punctuated one can skip ahead too.
            # (A punctuated first line settles it before the block's lines are weighed.)
            if cur.kind == "paragraph" and (
                not unpunctuated(text[cur.start])
                or (cur.end - cur.start >= 2 and not self._head_group(cur))
            ):
                at = bisect.bisect_left(stops, i, at)
                if at == last:
                    cur.end = n
                    break
                cur.end = i = stops[at]
            join, rule = decide(cur, i)
            record(i, join, rule)
            if join:
                cur.end = i + 1
            else:
                blocks.append(cur)
                cur = open_block(i)
                if rule is R.VERTICAL_HEADLINE and self._tall_vertical(i):
                    # Set a character or a few to a line, down the page: display type.
                    cur.display = True
            i += 1
        blocks.append(cur)
        return blocks

    def _tall_vertical(self, i: int) -> bool:
        """Whether the vertical run starting at line i is a headline set down the page
        over three lines or more (two short lines are as often a wrapped name)."""
        run = self.vertical.get(i)
        return (
            sum(1 for k in range(i, min(i + 3, len(self.lines))) if self.vertical.get(k) == run)
            >= 3
        )

    def _open(self, i: int) -> RawBlock:
        mark = self.lines.mark[i]
        if mark == "heading":
            return RawBlock("heading", i, i + 1, self.lines.style[i], self.lines.label[i])
        if mark == "headline":
            return RawBlock("headline", i, i + 1, display=True)
        return RawBlock("paragraph" if mark in PARAGRAPH_MARKS else mark, i, i + 1)

    def _decide(self, cur: RawBlock, i: int) -> tuple[bool, R.Rule]:
        """Join line i onto the block, or break before it, and why.

        The rules run in order, the first that applies deciding. Inside running text
        (a paragraph, heading or question) a next line that is plain or numbered passes
        the rules about marks untouched, so those go straight to the rules that apply.
        """
        lines = self.lines
        a = i - 1
        if lines.idx[a] != lines.idx[i] and cur.kind in _RUNNING:
            if lines.mark[i] == "":
                join, rule = self._running(cur, a, i)
            elif lines.mark[i] == "heading":
                join, rule = self._before_heading(cur, a)
            else:
                join, rule = self._marked(cur, a, i)
        else:
            join, rule = self._marked(cur, a, i)
        if (
            not join
            and rule.id in _WORD_MAY_JOIN
            and lines.idx[a] != lines.idx[i]
            # (a blank line parts text; between the lines of a headline read from boxes
            # it may be a short last line measured a size larger)
            and (not lines.gap[i] or "headline" in (cur.kind, lines.mark[i]))
            and _word_across(lines.text[a], lines.text[i])
        ):
            # The line end cuts a common word (…的创新探 / 索, …深厚感 / 情): the text
            # runs on, whatever the lines' lengths said. No break on the labelled pages,
            # relaid out or typeset as boxes, falls inside one (0 of 12,000).
            return True, R.WORD_RUNS_ON
        return join, rule

    def _marked(self, cur: RawBlock, a: int, b: int) -> tuple[bool, R.Rule]:
        """The rules about what the lines say they are, then the others."""
        lines = self.lines
        mark = lines.mark
        if lines.idx[a] == lines.idx[b]:
            return False, R.split(mark[b] or mark[a])
        if cur.kind == "noise" and mark[b] == "noise" and a in lines.goes_on:
            return True, R.FURNITURE_GOES_ON
        if mark[b] == "noise" or cur.kind == "noise":
            return False, R.ALONE["noise"]
        if cur.kind == "end" and _end_open(lines, cur) and mark[b] in ("", "heading"):
            return True, R.END_OPEN
        if cur.kind == "end" and len(cur) == 1 and source_wraps(lines.text[a], lines.text[b]):
            return True, R.SOURCE_WRAPS
        if (
            mark[b] in ("subtitle", "caption")
            and not lines.ends[a]
            and not (len(cur) == 1 and unpunctuated(lines.text[a]) and cur.kind == "paragraph")
            and (mark[b] == "subtitle" or cur.kind in ("paragraph", "question"))
        ):
            # A dash, or 图为, that wrapped to the start of a line mid-sentence: "以下\n图为例".
            mark[b] = ""
        if cur.kind == "caption":
            return self._caption_continues(a, b)
        if mark[b] in _BREAK_BEFORE:
            return False, R.NEXT_IS[mark[b]]
        if cur.kind == "headline" and mark[b] == "headline":
            if lines.gap[b]:
                return False, R.ALONE["headline"]
            return True, R.HEADLINE_GOES_ON
        if mark[b] == "headline":
            if lines.text[a].endswith("¬") and cur.kind in _RUNNING:
                # The OCR program says line a's last word goes on in line b: b holds its
                # rest, not a new headline (a deck wrapped with a hyphen whose second
                # line's box is the taller).
                return True, R.BROKEN_WORD_GOES_ON
            if (
                not lines.gap[b]
                and not lines.ends[a]
                and cur.kind in _RUNNING
                and lines.text[a][-1:].isascii()
                and lines.text[b][:1].isascii()
                and (
                    mark[a] == "headline"
                    or lines.width[a] + lines.indent[a] >= self.columns.back(a) - self.t.full_slack
                )
            ):
                # Headline type by the page's body, yet no break before it: its column
                # sets it in the type of the line above (a lead set large, a tall box:
                # a Latin line's box grows with its ascenders, descenders and specks).
                # Under a full line that ends mid-sentence, or one in the same type that
                # the paragraph already runs through, it is that paragraph's next line.
                return True, R.TALL_LINE_GOES_ON
            if (
                cur.kind in _RUNNING
                and not lines.ends[a]
                and not _STOP_END.search(lines.text[a])
                and _LOWER_START.match(lines.text[b])
            ):
                # A Latin headline starts with a capital: a line in lower case after one
                # that ends with no full stop at all goes on with it, however tall its box.
                return True, R.LOWER_CASE_GOES_ON
            return False, R.NEXT_HEADLINE
        if cur.kind == "dateline" and mark[b] in ("", "end") and self._leads(cur, b):
            cur.kind = "paragraph"
            return True, R.LEAD_DATELINE
        if cur.kind in _SINGLE or cur.kind == "end":
            return False, R.ALONE[cur.kind]
        if mark[b] == "heading":
            return self._before_heading(cur, a)
        return self._running(cur, a, b)

    def _caption_continues(self, a: int, b: int) -> tuple[bool, R.Rule]:
        """A photo caption runs on over its line ends up to the photographer's credit."""
        lines = self.lines
        if lines.text[a].endswith(CREDIT_END):
            return False, R.CAPTION_CREDIT_ENDS
        if lines.mark[b] == "end" and is_caption(lines.text[b]):
            return True, R.CAPTION_CREDIT
        if not lines.ends[a] and lines.mark[b] in ("", "heading"):
            return True, R.CAPTION_GOES_ON
        return False, R.CAPTION_ENDS

    def _leads(self, cur: RawBlock, b: int) -> bool:
        """A dateline on a line of its own opens the article rather than closing one: it
        is a 讯 dateline (本报太原3月12日讯), or the reporters in brackets follow it."""
        lines = self.lines
        if lines.text[cur.start].endswith("讯"):
            return lines.mark[b] == ""
        return bool(_LEAD_CREDIT.match(lines.text[b]))

    def _before_heading(self, cur: RawBlock, a: int) -> tuple[bool, R.Rule]:
        """The next line starts with a heading number."""
        lines = self.lines
        text_a = lines.text[a]
        if (
            lines.ends[a]
            or lines.soft[a]
            or text_a.endswith(("：", ":"))
            or cur.kind in ("heading", "question")
        ):
            return False, R.NEXT_NUMBERED
        # How far line a falls short of the column, its indent aside: a paragraph's first
        # line is short by its indent, kept as white space or stripped by OCR.
        short = self.columns.back(a) - lines.width[a] - lines.indent[a]
        if len(cur) == 1 and not self._indents(a):
            short -= self.t.indent_width
        if short >= self.t.short_before_numbered:
            return False, R.SHORT_THEN_NUMBERED
        if len(cur) == 1 and unpunctuated(text_a) and names_a_document(text_a):
            # A line of its own naming a document or a speech (…的六点指示) is the title
            # over its numbered points, however full the line.
            return False, R.DOCUMENT_TITLE
        return True, R.NUMBER_CONTINUES

    def _running(self, cur: RawBlock, a: int, b: int) -> tuple[bool, R.Rule]:
        """The next line is plain text: does the block's text run on into it?"""
        if cur.kind == "heading":
            return self._heading_continues(cur, a, b)
        lines = self.lines
        ends, width = lines.ends, lines.width
        if cur.kind == "question":
            if ends[a]:
                return False, R.QUESTION_ENDS
            return True, R.QUESTION_GOES_ON
        # (The block's length, asked by most of the rules below, read once: len() of a
        # block is a call into Python.)
        size = len(cur)
        if size == 1 and is_speaker(lines.text[a]) and self._opens(b):
            # 王力： on a line of its own over what was said, as the speakers before it:
            # the line under it is not indented only because its box is not.
            return False, R.SPEAKER_ALONE
        if size == 1 and not ends[a] and not lines.soft[a] and self._wraps_headline(a, b):
            cur.kind = "headline"
            return True, R.HEADLINE_WRAPS
        if size == 1 and not ends[a] and not lines.soft[a] and self._couplet(a, b):
            cur.kind = "headline"
            return True, R.COUPLET
        if size == 1 and EDITORIAL.match(lines.text[a]) and lines.text[b][:1] not in NO_LINE_START:
            # Its title under it may be a couplet or wrap over two lines: each is its own
            # decision (under_editorial, couplet), not a sentence 社论 would begin.
            cur.kind = "headline"
            return False, R.EDITORIAL_LABEL
        if (
            size == 1
            and a
            and not ends[a]
            and EDITORIAL.match(lines.text[a - 1])
            and lines.text[b][:1] not in NO_LINE_START
            and lines.indent[a] < self.t.indent_cells  # a lead's first line may be
            and self._short(a, self.t.headline_shortfall)
        ):
            # 社论 alone on its line is the kicker of the title under it, which may hold a
            # comma (迎接您，光辉灿烂的九大) and falls short of its column.
            cur.kind = "headline"
            return False, R.UNDER_EDITORIAL
        if size <= 2 and not ends[a] and not lines.soft[a] and self._names_document(cur, b):
            cur.kind = "headline"
            return False, R.DOCUMENT_TITLE
        if (
            size == 1
            and cur.kind == "paragraph"
            and unpunctuated_but_lists(lines.text[a])
            and _NAMES_DOCUMENT.match(lines.text[b])
            and (b + 1 == len(lines) or lines.text[b + 1][:1] not in NO_LINE_START)
        ):
            # (A sentence naming a document may go on past it, a mark opening the next
            # line: …的通知 / ，…)
            return False, R.NEXT_NAMES_DOCUMENT
        if not ends[a] and not lines.soft[a] and size == 1 and self._headline_above(a, b):
            return False, R.HEADLINE_GROUP
        t = self.t
        if a in self.keyed and not ends[a] and not lines.soft[a] and self._short(a, t.keyed_short):
            return False, R.KEYED_ALONE
        if ends[a] and lines.text[b].startswith("特此") and _CLOSING_FORMULA.match(lines.text[b]):
            return False, R.CLOSING_FORMULA
        if ends[a] and b + 1 < len(lines) and is_speaker(lines.text[b]) and self._opens(b + 1):
            # Speeches quoted one after another: a name and a colon (康生：) after a
            # sentence's end, over a line that opens one, is the next speaker's, however
            # full the line before it.
            return False, R.SPEAKER
        if size == 1 and not ends[a] and self._signs(a, b):
            return False, R.SIGNATORIES
        vertical = self.vertical
        if vertical and (a in vertical or b in vertical):
            if vertical.get(a) == vertical.get(b):
                return True, R.VERTICAL_GOES_ON
            return False, R.VERTICAL_HEADLINE if b in vertical else R.VERTICAL_ENDS
        if b in self.tiny and not ends[a] and self._short(a, t.headline_short):
            # Were the sentence going on into line b, line a would be full: a name that
            # signs the text, or a stray piece.
            return False, R.TINY_AFTER_SHORT
        if a in self.tiny and size >= 2 and not ends[a] and not self._goes_on(b):
            # (Where the next line is full, the tiny line is a stray piece inside the
            # paragraph: a character that a line merged across columns left behind.)
            return False, R.TINY_TAIL
        if (
            cur.kind == "paragraph"
            and lines.text[a][-1:].isascii()
            and _LOWER_WORD_START.match(lines.text[b])
            and not _capitals(lines.text[b])  # (m MILES IN M HOURS: a headline misread)
            and not (ends[a] and self._set_apart(a, b))
        ):
            # No English paragraph starts with a word in lower case: what the page set
            # apart without a paragraph's signs (a column's or a block's break, a stop
            # misread) goes on from the line before.
            return True, R.LATIN_LOWER_GOES_ON
        columns = self.columns
        if self._indents(b):
            if lines.indent[b] >= t.indent_cells:
                return False, R.INDENTED
            if (
                self._blank(b) == "paragraph"
                and lines.gap[b]
                and unpunctuated(lines.text[b])
                and not self._gap_inside(cur, a, b)
            ):
                return False, R.BLANK_SEPARATES
            if (
                self._blank(b) == "paragraph"
                and lines.gap[b]
                and size == 1
                and unpunctuated(lines.text[a])
                and self._short(a, t.apart_short)
            ):
                return False, R.APART
            if ends[a]:
                short = width[a] + lines.indent[a] <= columns.back(a) - t.ends_short_indented
                if short and not self._filled(a):
                    return False, R.SHORT_ENDS_SENTENCE
                if unpunctuated(lines.text[b]) and (
                    width[b] <= columns.fwd(b) - t.next_short_indented or not self._runs_on(b)
                ):
                    return False, R.NEXT_SHORT_UNPUNCTUATED
            elif (
                size == 1
                and not lines.label[a]  # a numbered heading's first line: its own rules
                and lines.indent[a] < t.indent_cells  # a paragraph's first line
                and len(lines.text[a]) > 3
                # A Chinese page's rule: on an English page a short line there is a
                # paragraph's, and a lone run of Latin letters (neeeereae) a misreading.
                and any(map(is_cjk_char, lines.text[a]))
                and self._stands_alone(a, b)
            ):
                # A title in body type over text that is not indented (a lead, or the
                # first line of a column): the indent says nothing about it. (A piece
                # of a character or three is more often a fragment of its line.)
                return False, R.STANDS_ALONE
            if self.boxed and not ends[a] and self._lost_stop(cur, a, b):
                return False, R.LOST_STOP
            return True, R.NOT_INDENTED
        if self._blank(b) == "paragraph":
            if lines.gap[b]:
                if not self._gap_inside(cur, a, b):
                    return False, R.BLANK_SEPARATES
                return True, R.GAP_INSIDE
            if self.boxed and lines.indent[b] >= t.indent_cells:
                # Text written from boxes is indented only where the geometry shows a
                # first line set in after a line that may end a paragraph
                # (reader.core.ocrtext), whatever share of the lines that is.
                return False, R.INDENTED
            if size == 1 and self._stands_alone(a, b):
                return False, R.STANDS_ALONE
            rule = self._stands_apart(a)
            if rule:
                return False, rule
            return True, R.NO_BLANK
        if not ends[a]:
            if size == 1 and self._stands_alone(a, b):
                return False, R.STANDS_ALONE
            if size == 1 and DATED_END.search(lines.text[a]) and self._opens(b):
                return False, R.DATED_ALONE
            rule = self._stands_apart(a)
            if rule:
                return False, rule
            if size >= 2 and self._head_group(cur) and not self._short(b, t.head_group_next_short):
                return False, R.HEAD_GROUP_ENDS
            if 2 <= size <= t.head_group_lines and self._head_over_wider(cur, b):
                return False, R.HEAD_OVER_WIDER
            if self._lost_stop(cur, a, b):
                return False, R.LOST_STOP
            if not lines.soft[a] and width[a] >= max(columns.back(a), columns.fwd(b)) + t.wider:
                # A line of a paragraph fills its column and no more: one set wider than
                # the column around it runs across columns (a headline, a masthead line).
                return False, R.WIDER
            return True, R.MID_SENTENCE
        back, fwd = columns.back(a), columns.fwd(b)
        first_of_para = size == 1 and cur.kind == "paragraph"
        expected = back - t.indent_width if first_of_para else back
        if width[a] <= expected - t.ends_short and not self._filled(a):
            return False, R.SHORT_ENDS_SENTENCE
        if unpunctuated(lines.text[b]) and width[b] <= fwd - t.next_short:
            return False, R.NEXT_SHORT_UNPUNCTUATED
        if width[b] <= fwd - t.note_short and _ASIDE.match(lines.text[b]):
            return False, R.NOTE_AFTER_SENTENCE
        short_a, short_b = expected - width[a], fwd - width[b]
        most = t.stripped_short_max
        # A mark at the end of the line may hang past the column: one character short.
        least = t.stripped_short_min - (t.hang_cells if lines.soft[b] else 0)
        if not ends[b] and least <= short_b <= most:
            return False, R.INDENT_STRIPPED
        both = max(t.both_short, expected // t.both_short_per)
        if not ends[b] and short_b <= most and short_a + short_b >= both:
            return False, R.BOTH_SHORT
        if ends[b] and t.full_slack <= short_b <= most and self._full_line_after(b):
            # Line b, short of the column by about two characters (one, where its full
            # stop hangs) and ending a sentence, is a paragraph's last line or its
            # indent-stripped first: a first line is followed by a full one.
            return False, R.FIRST_LINE_AFTER
        return True, R.FULL_LINE

    def _signs(self, a: int, b: int) -> bool:
        """Lines a and b are names that sign the text above, a line each: after a line
        that ends a sentence, short unpunctuated lines down to a date alone."""
        lines, t = self.lines, self.t
        if not a or not lines.ends[a - 1]:
            return False
        for k in range(a, min(a + t.signatories + 1, len(lines))):
            text = lines.text[k]
            if k > b and is_date(text):
                return True
            if lines.mark[k] or len(text) > t.signatory_chars or not unpunctuated(text):
                return False
        return False

    def _opens(self, b: int) -> bool:
        """Line b can open a sentence: it starts with no mark that closes one, nor with a
        character that binds to the word before it (们), nor with one character and a
        comma (透，: the end of a word the line before broke, 揭深批 / 透)."""
        text = self.lines.text[b]
        first = text[:1]
        return (
            first not in NO_LINE_START
            and first not in BOUND_START
            and not (text[1:2] in ("，", "、") and is_cjk_char(first))
        )

    def _lost_stop(self, cur: RawBlock, a: int, b: int) -> bool:
        """Line a, not ending a sentence, is a paragraph's last line all the same: it
        falls well short of its column after a full line, and line b fills its column
        (or falls short only by a stripped indent) and opens a sentence. A line the OCR
        split in two leaves two short lines, and a sentence going on would fill line a."""
        lines, t = self.lines, self.t
        if len(cur) < 2 or cur.kind != "paragraph" or lines.soft[a] or lines.mark[b]:
            return False
        if not self._short(a, t.lost_stop_short) or self._short(a - 1, t.full_slack + 1):
            return False
        # The sentence line a ends in started on it a few characters back at least: one
        # started by its last character or two (。进) goes on.
        text = lines.text[a]
        if len(text) - 1 - max(map(text.rfind, SENTENCE_END)) < t.lost_stop_tail:
            return False
        return self._opens(b) and not self._short(b, t.indent_width + t.full_slack + 1)

    def _head_over_wider(self, cur: RawBlock, b: int) -> bool:
        """The block's lines hold no comma or sentence mark (a headline's 、 aside), fit
        the column they stand in, and fall well short of the text set much wider below
        them: a headline wrapped over its lines, over a new story."""
        lines, t = self.lines, self.t
        a = cur.end - 1
        back, fwd = self.columns.back(a), self.columns.fwd(b)
        if lines.width[b] < back + t.wider:
            return False
        return all(
            not _NOT_IN_HEADLINE.search(lines.text[k])
            and lines.width[k] <= min(back, fwd - t.headline_short)
            for k in range(cur.start, cur.end)
        )

    def _head_group(self, cur: RawBlock) -> bool:
        """Every line of the block is short and unpunctuated: a masthead's, a headline's
        or a byline's lines, not a paragraph's, which fill their column."""
        text = self.lines.text
        short = self.t.head_group_short
        return all(
            unpunctuated(text[k]) and self._short(k, short) for k in range(cur.start, cur.end)
        )

    def _stands_apart(self, a: int) -> R.Rule | None:
        """Why line a, not ending a sentence, still ends its block (None if it does not).
        Were the sentence going on, the line would be full: a short line that ends in a
        colon introduces what starts below it (a speech, a list), and a short line that
        is one bracketed aside is a note of its own (a source under a quotation)."""
        text = self.lines.text[a]
        if text[-1] in "：:" and self._short(a, self.t.colon_short) and not _QUOTES_ON.search(text):
            return R.COLON_INTRODUCES
        if text[-1] in "）)" and self._short(a, self.t.aside_short) and _ASIDE.match(text):
            return R.ASIDE_ALONE
        return None

    def _gap_inside(self, cur: RawBlock, a: int, b: int) -> bool:
        """The blank line after line a, on a page that puts blank lines between
        paragraphs, falls inside one: line a is full (a first line short by no more than
        its stripped indent) and ends mid-sentence, and it is not a headline or subhead
        (a line of its own with no punctuation, unless line b is no paragraph's first
        line). OCR leaves such a blank where a paragraph goes on past a column or a text
        region."""
        lines = self.lines
        if lines.text[a].endswith("¬") and lines.mark[a] in PARAGRAPH_MARKS:
            return True  # its last word is broken, as the OCR program says: it goes on
        return (
            not lines.ends[a]
            and not (len(cur) == 1 and unpunctuated(lines.text[a]) and not self._goes_on(b))
            and lines.mark[a] in PARAGRAPH_MARKS
            and lines.width[a] + lines.indent[a]
            >= self.columns.back(a)
            - (
                self.t.full_first_slack
                if len(cur) == 1 and not self._indents(a)
                else self.t.full_slack
            )
        )

    def _goes_on(self, b: int) -> bool:
        """Line b is no paragraph's first line: not indented where indents were kept, and
        full where they were stripped (a first line is short by its indent)."""
        lines = self.lines
        if self._indents(b):
            return lines.indent[b] < self.t.indent_cells
        return not lines.ends[b] and lines.width[b] >= self.columns.fwd(b) - self.t.full_slack

    def _short(self, a: int, cells: int) -> bool:
        """Line a, its indent included, falls short of the column by `cells` or more."""
        lines = self.lines
        return lines.width[a] + lines.indent[a] <= self.columns.back(a) - cells

    def _runs_on(self, b: int) -> bool:
        """Plain text follows line b. An unpunctuated line that nothing plain follows
        cannot be a paragraph's last line, which ends with a mark."""
        c = b + 1
        return c < len(self.lines) and self.lines.mark[c] == ""

    def _filled(self, a: int) -> bool:
        """The geometry shows that line a reaches its column's far edge (a part split off
        the front of a line does not)."""
        lines = self.lines
        return lines.idx[a] in self.full and lines.part[a] != HEAD

    def _full_line_after(self, b: int) -> bool:
        """The line after b is plain text that goes on from b (no blank line between where
        blank lines mark paragraphs) and fills the column."""
        lines = self.lines
        c = b + 1
        return (
            c < len(lines)
            and lines.mark[c] == ""
            and lines.idx[c] != lines.idx[b]
            and not (lines.gap[c] and self._blank(c) == "paragraph")
            and lines.width[c] >= self.columns.fwd(c) - self.t.full_slack
        )

    def _blank(self, b: int) -> str:
        """The blank-line habit where line b is."""
        return BLANK_HABIT_NAMES[self.local[b]] if self.local else self.habits.blank

    def _indents(self, b: int) -> bool:
        """Whether indents were kept where line b is."""
        return bool(self.local_indents[b]) if self.local_indents else self.habits.indents

    def _headline_above(self, a: int, b: int) -> bool:
        """Lines a and b are short unpunctuated lines over a subtitle, a byline or a lead
        (本报讯…), at most one more such line between: a kicker over a title, each printed
        on its own."""
        lines = self.lines
        text, mark = lines.text, lines.mark
        for c in range(b + 1, min(b + 3, len(lines))):
            if mark[c] in _HEAD_ENDS:
                break
            if mark[c] != "":
                return False
        else:
            return False
        return mark[a] == "" and all(unpunctuated(text[k]) for k in range(a, c))

    def _wraps_headline(self, a: int, b: int) -> bool:
        """Lines a and b are one headline (or subhead) over two lines: both unpunctuated,
        line a ends inside a phrase (…的, …和) or inside quotes or brackets it opened, and
        line b is short or a byline, a lead or the like follows it."""
        lines = self.lines
        text_a, text_b = lines.text[a], lines.text[b]
        if lines.mark[a] or not unpunctuated(text_a) or not unpunctuated(text_b):
            return False
        if not (text_a[-1] in _PHRASE_GOES_ON or opens_more(text_a)):
            return False
        return len(text_a) + len(text_b) <= self.t.standalone_chars and (
            b + 1 == len(lines)
            or lines.mark[b + 1] != ""
            or lines.width[b] <= self.columns.fwd(b) - self.t.wrapped_tail_short
        )

    def _names_document(self, cur: RawBlock, b: int) -> bool:
        """The block's line or two name a document, 关于…的通知 (…的规定, …的讲话材料),
        without a sentence's punctuation, and line b does not go on from them: the
        document's title over its text."""
        lines = self.lines
        if cur.kind != "paragraph" or lines.mark[cur.start] or lines.text[b][:1] in NO_LINE_START:
            return False
        return bool(_NAMES_DOCUMENT.match("".join(lines.text[cur.start : cur.end])))

    def _couplet(self, a: int, b: int) -> bool:
        """Lines a and b are the halves of a headline set as a couplet: as many characters
        each, short and unpunctuated, and a byline, a subtitle or a lead under them, or
        社论 over them (a kicker over its title differs in length, and a subhead has text
        under it)."""
        lines = self.lines
        text_a, text_b = lines.text[a], lines.text[b]
        return (
            len(text_a) == len(text_b) <= self.t.couplet_chars
            and lines.mark[a] == ""
            and b + 1 < len(lines)
            and (
                lines.mark[b + 1] in _HEAD_ENDS
                or (a > 0 and EDITORIAL.match(lines.text[a - 1]) is not None)
            )
            and unpunctuated(text_a)
            and unpunctuated(text_b)
        )

    def _set_apart(self, a: int, b: int) -> bool:
        """Line b is set apart as a paragraph's first line is: indented, or after a
        blank line on a page that leaves one between paragraphs."""
        lines = self.lines
        if lines.indent[b] >= self.t.indent_cells:
            return True
        return bool(lines.gap[b]) and self._blank(b) == "paragraph"

    def _stands_alone(self, a: int, b: int) -> bool:
        lines = self.lines
        if lines.mark[a] != "" or not unpunctuated(lines.text[a]):
            return False
        if _latin_goes_on(lines.text[a], lines.text[b]):
            return False
        if opens_more(lines.text[a]) and not unpunctuated(lines.text[b]):
            # A quote it opened goes on into punctuated text: a sentence, not a title.
            return False
        if not self._opens(b):
            return False  # line b goes on from it (我 / 们): a sentence, not a title
        back, fwd = self.columns.back(a), self.columns.fwd(b)
        t = self.t
        if lines.width[b] >= back + t.wider and lines.width[a] <= min(back, fwd - t.headline_short):
            # The text below is set wider than the column line a stands in, and line a
            # falls well short of it: a title over a new story, not its first line.
            return True
        return _headline_like(lines, a, min(back, fwd), b, fwd, t)

    def _heading_continues(self, cur: RawBlock, a: int, b: int) -> tuple[bool, R.Rule]:
        """After a numbered line: a heading that ends or wraps, or a paragraph going on.

        Line b is plain text (see _running). Column widths are looked up only when a rule
        needs them.
        """
        lines, t = self.lines, self.t
        width, text = lines.width, lines.text
        label = lines.label[a]
        if lines.ends[a]:
            # A numbered line that ends a sentence opens a numbered paragraph, which the
            # paragraph rules continue or end.
            cur.kind = "paragraph"
            return self._running(cur, a, b)
        size = len(cur)  # (read once: len() of a block is a call into Python)
        if size >= 2 and has_sentence_mark(text[a]):
            # A heading wrapped onto a line that holds a full stop was a numbered
            # paragraph all along (四、煽动武斗的坏人，应受… / …法律制裁。坏人煽动…).
            cur.kind = "paragraph"
            return True, R.NUMBERED_PARAGRAPH
        if size >= t.heading_lines:
            return False, R.HEADING_ENDS_AT_LINE_END
        columns = self.columns
        # Is line b the first line of a paragraph rather than the heading's tail? Where the
        # page keeps indents or blank lines between paragraphs, they say; elsewhere, a
        # paragraph's first line is followed by a full line and a heading tail is not.
        if self._indents(b):
            b_first = b_starts = lines.indent[b] >= t.indent_cells
        elif self._blank(b) == "paragraph":
            # A blank line after a full line, with a short unpunctuated line after it,
            # may fall where the heading goes on past a column; the rules below tell.
            if lines.gap[b] and (
                self._short(a, t.heading_short)
                or not unpunctuated(text[b])
                or width[b] > columns.fwd(b) - t.wrapped_tail_short
            ):
                return False, R.BLANK_ENDS_HEADING
            b_first = b_starts = False
        else:
            fwd, c = columns.fwd(b), b + 1
            b_first = (
                c < len(lines)
                and lines.mark[c] == ""
                and width[c] >= fwd - t.full_slack
                and width[b] >= fwd - t.first_like_slack
            )
            # Short by about the two characters of a stripped indent: a new paragraph.
            b_starts = (
                not lines.ends[b] and t.stripped_short_min <= fwd - width[b] <= t.stripped_short_max
            )
        # A full numbered line wraps onto an unpunctuated tail; after a colon (a run-in
        # line goes on with full lines) only onto a short one.
        if (
            not b_first
            and unpunctuated(text[b])
            and width[a] >= columns.back(a) - t.heading_slack
            and (
                not (label or text[a].endswith(("：", ":")))
                or width[b] <= columns.fwd(b) - t.runin_tail_short
            )
        ):
            return True, R.HEADING_WRAPS_UNPUNCTUATED
        if not label and has_colon("".join(text[cur.start : b + 1])):
            # A run-in label reaching the line end: its colon wrapped onto the next line,
            # or closes a full line exactly and the paragraph goes on below it.
            so_far = join_all(text[cur.start : b])
            run_in = runin_label(join_lines(so_far, text[b]))
            # A line that ends with the label's colon is that paragraph's first line.
            if run_in > len(so_far) or (run_in and run_in == len(so_far) and self._first_like(a)):
                cur.kind = "paragraph"
                cur.label = run_in
                if run_in > len(so_far):
                    return True, R.RUNIN_WRAPS
                return True, R.RUNIN_COLON_FULL
        if size == 1:
            if label and (
                not unpunctuated(text[a][label:]) or (not b_starts and self._first_like(a))
            ):
                cur.kind = "paragraph"
                return True, R.RUNIN_GOES_ON
            if has_sentence_mark(text[a]):
                cur.kind = "paragraph"
                return True, R.NUMBERED_PARAGRAPH
            if (
                lines.style[a] in self.paragraph_styles
                and not unpunctuated(text[a][heading_number(text[a]) :])
                and not unpunctuated(text[b])
                and (
                    (
                        len(text[a]) + len(text[b]) > t.standalone_chars
                        and not self._short(a, t.numbered_paragraph_short)
                    )
                    or lines.ends[b]
                )
            ):
                # Where the page numbers paragraphs in this style, a numbered line with
                # commas that runs on into punctuated text past the length of a heading
                # is one of them: a heading is short, and wraps onto a short tail. So is
                # one whose sentence the next line ends, however short the line is (its
                # column narrower there: 不允许 / 变相体罚。).
                cur.kind = "paragraph"
                return True, R.NUMBERED_RUNS_ON
            if lines.style[a] in self.paragraph_styles and self._first_like(a):
                # As long as a paragraph's first line, its indent stripped: in a style the
                # page numbers paragraphs with, one of them (（三）回去检查要 / 在军事…).
                cur.kind = "paragraph"
                return True, R.NUMBERED_RUNS_ON
            if not b_starts and _word_across(text[a], text[b]):
                # A word the line end cuts (（一）军队回到地 / 方学校…): the text runs on. A
                # heading's last character and the next block's first make a common word
                # nowhere on the labelled pages (0 of 107), a cut inside a paragraph does
                # at a quarter of the places.
                cur.kind = "paragraph"
                return True, R.NUMBERED_WORD_RUNS_ON
        if (
            not b_first
            and width[a] >= columns.back(a) - t.heading_slack
            and (self._indents(b) or self._blank(b) == "paragraph")
        ):
            # Where indents or blank lines mark paragraphs, a line with neither after a
            # full heading line is the heading's tail, commas and all.
            return True, R.HEADING_WRAPS_NO_FIRST
        if (
            not lines.ends[b]
            and not self._indents(b)  # (asked first: it needs no column's width)
            and width[a] >= columns.back(a) - t.heading_exact
            and self._least_width(b) >= columns.fwd(b) - t.heading_exact
        ):
            # Where indents were stripped, a paragraph's first line is two characters
            # short of the column: a full line after a full heading line is its tail (a
            # long heading in a narrow column wraps over three lines, commas and all).
            return True, R.HEADING_WRAPS_FULL
        return False, R.HEADING_SHORT

    def _least_width(self, b: int) -> int:
        """Line b's width, its curly quotes taken one cell wide where the page has not
        told they are: the narrowest it may be printed."""
        lines = self.lines
        if lines.narrow_quotes or lines.characters:
            return lines.width[b]
        text = lines.text[b]
        return lines.width[b] - (printed_width(text) - narrow_width(text))

    def _first_like(self, a: int) -> bool:
        """Line a is as long as a paragraph's first line, its indent (kept or stripped)
        aside."""
        lines = self.lines
        return lines.width[a] + lines.indent[a] >= self.columns.back(a) - self.t.first_like_slack


# reflow(spend=True) lets the lines' texts go this many lines at a time.
SPEND_EVERY = 4096


def _copy(text: str) -> str:
    """A string of its own with the same text (slicing or str() give the same object).

    A block of one line that kept its line's own string where the lines are let go
    kept the memory around it too: Python's allocator hands a pool of small objects
    (16 KiB, a hundred-odd lines) back for other sizes only once all of it is free, and
    one line in a dozen on a long page is a block of its own. Held so, the freed lines
    of a 32 MB page (40 MB) were never reused for its blocks and articles, which took
    new memory above them. Copies are made where the lines freed last were, close
    together."""
    return "".join((text, ""))


def reflow(
    lines: Lines,
    blanks: str | None = None,
    tuning: Tuning = TUNING,
    spend: bool = False,
    full: frozenset[int] = frozenset(),
) -> tuple[list[Block], Decisions, str]:
    """The page's blocks, the decision at every line end, and how the page was read
    (Reflow.reading()). `blanks` is the blank-line habit where the writer of the text
    knows it (text written from boxes puts blank lines only where the geometry shows a
    break: "paragraph"); else it is read from the page's own statistics. `full` holds
    the source lines the geometry shows reach their column's far edge.

    Where `spend`, the caller is done with `lines`: their texts are let go (left empty,
    a stretch at a time) as their blocks are made, so that a long page's lines and its
    blocks are not held at once."""
    engine = Reflow(lines, blanks, tuning, full)
    raw = engine.run()
    decisions, reading = engine.decided, engine.reading()
    # The engine's measures of the page (its columns, habits and marks) are let go
    # before the blocks are made: on a long page they are tens of megabytes.
    del engine
    latin = lines.latin_joins()
    idx, texts = lines.idx, lines.text
    # A word broken at a line end keeps its hyphen where the page prints it hyphenated,
    # and one broken without a hyphen is joined where the page prints it whole. The
    # page's words are read only where a join would ask about them: most Latin joins on
    # a Chinese page are of digits (1 / 2). (They are read from every line, before the
    # blocks are made and the lines' texts let go: not when a join first asks.)
    meeting = [(lines.lasts[k - 1], lines.firsts[k]) for k in latin]
    asked = any(itertools.starmap(asks_hyphenated, meeting))
    hyphenated = hyphenated_words(texts) if asked else frozenset()
    whole = whole_words(texts) if any(itertools.starmap(asks_whole, meeting)) else frozenset()
    blocks = []
    paragraph = BlockKind.PARAGRAPH
    spent = 0  # the lines before this one have their blocks, and their texts are let go
    for r in raw:
        start, end = r.start, r.end
        if end - start == 1:
            text = _copy(texts[start]) if spend else texts[start]
        else:
            at = bisect.bisect_right(latin, start)
            if at < len(latin) and latin[at] < end:
                # ASCII meets ASCII at a line end inside the block: Latin words to mend.
                text = join_all(texts[start:end], hyphenated, whole)
            else:
                text = "".join(texts[start:end])
        if spend and start - spent >= SPEND_EVERY:
            texts[spent:start] = itertools.repeat("", start - spent)
            spent = start
        if "¬" in text:
            # A break mark that did not mend a word (the block ends there, or what follows
            # is no letter) is shown as the hyphen the page printed.
            text = _UNMENDED.sub("-", text)
        if r.kind == "paragraph" and not r.label and len(text) > tuning.standalone_chars:
            # Most blocks: a paragraph that finish() would leave as it is.
            blocks.append(Block(paragraph, text, idx[start], idx[end - 1]))
        else:
            blocks.append(finish(r, text, idx[start], idx[end - 1], tuning))
    return blocks, decisions, reading


# Breaks that the lines' lengths and marks suggest, which a word cut at the line end
# overrules (see _decide). By their ids, which are unique: a Rule's hash is computed from
# its fields each time it is asked for.
_WORD_MAY_JOIN = frozenset(
    rule.id
    for rule in (
        R.ALONE["headline"],
        R.NEXT_HEADLINE,
        R.HEADING_ENDS_AT_LINE_END,
        R.HEADING_SHORT,
        R.HEAD_GROUP_ENDS,
        R.HEADLINE_GROUP,
        R.SIGNATORIES,
    )
)


def _word_across(a: str, b: str) -> bool:
    """Whether the last character of line a and the first of line b make one of the
    language's common words (common_words: jieba's dictionary read, not loaded)."""
    return bool(a and b) and a[-1] + b[0] in common_words()
