"""Source lines to content lines with the features reflow decides on.

A content line is one printed line: its clean text, the indent OCR kept (if any), its width
in display cells, whether blank lines preceded it, and a *mark* when the text alone says
what it is (a byline, end matter, a numbered heading, a jump marker...). A few source lines
are split in two here: a dateline OCR appended to the last sentence, a jump marker in front
of the first one, and page furniture stuck to the end of a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.text import CLOSING, SENTENCE_END, SOFT_END, compact, ends_sentence

CN_NUM = "一二三四五六七八九十"
# Heading numbering styles, outermost first: 一、 › （一） › 1、/1. › （1） › ①.
_HEADING_STYLES: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^[{CN_NUM}]{{1,3}}\s*[、，.．]\s*(?=\S)")),
    (2, re.compile(rf"^[（(]\s*[{CN_NUM}]{{1,3}}\s*[)）]\s*(?=\S)")),
    (3, re.compile(r"^\d{1,2}\s*[、.．](?![\d%])\s*(?=\S)")),
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[)）]\s*(?=\S)")),
    (5, re.compile(r"^[①-⑳❶-❿⑴-⒇]\s*(?=\S)")),
]
# Run-in heading: a short label closed by a colon, with body text after it on the line.
_RUNIN = re.compile(r"^([^。！？!?：:，,]{2,30})[：:](?=\S)")

_BYLINE_MARK = "□■◇◆▢☐▲△●○"
_BYLINE_ROLE = re.compile(
    r"^(本报记者|本报特约记者|本报通讯员|新华社记者|中新社记者|人民日报记者|特约记者|"
    r"通讯员|记者|本报评论员|特约评论员|文/图|图/文|文/|文／|撰文|作者)[\s：:/／]*"
)
_NAME = re.compile(r"^[\u4e00-\u9fff·]{1,4}$")
_END_HEAD = (
    r"^[（(]\s*(作者单位|作者系|作者为|作者是|作者|本文作者|本报记者|记者|通讯员|来源|"
    r"责任编辑|编辑|本文系|本文为|注)"
)
_END = re.compile(_END_HEAD + r".{0,80}[)）]$")
# End matter that OCR wrapped before its closing bracket.
_END_OPEN = re.compile(_END_HEAD + r"\s*[：:]")
_END_PLAIN = re.compile(r"^(责任编辑|本版编辑|本版责编|责编|编辑|校对|美编|版式|来源)\s*[：:]")
_CAPTION = re.compile(r"^图为.{0,200}(摄|供图|提供)）?$")
_JUMP = re.compile(
    rf"^[（(]\s*(上接|下转|紧接|接上|转|接)\s*第?\s*[0-9{CN_NUM}]{{1,3}}\s*(版|页)\s*[^)）]{{0,8}}[)）]"
)
_JUMP_END = re.compile(
    rf"[（(]\s*(下转|转)\s*第?\s*[0-9{CN_NUM}]{{1,3}}\s*(版|页)\s*[^)）]{{0,8}}[)）]$"
)
_DATELINE = (
    r"(新华社|中新社|本报|人民日报|光明日报|经济日报|央视|中国日报)?[\u4e00-\u9fff]{0,10}"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*(电|讯)"
)
_DATELINE_LINE = re.compile(rf"^{_DATELINE}$")
_DATELINE_TAIL = re.compile(rf"(?<=[。！？!?”’）)…])\s*({_DATELINE})$")
_QUESTION = re.compile(r"^(问|记者|主持人)\s*[：:]")
_ANSWER = re.compile(r"^答\s*[：:]")
_SUBTITLE = re.compile(r"^(——|--|－－)\s*\S")
_NOTICE = re.compile(
    r"(公\s*告|声\s*明|启\s*事|通\s*告|公\s*示|讣\s*告|招\s*聘|广\s*告|通\s*知\s*书|拍\s*卖\s*会?)$"
)
_NOTICE_ENDS = frozenset("告明事示聘书会")
# Last characters that make a line worth classifying even when its first one is ordinary.
_CLASSIFY_ENDS = frozenset("告明事示聘书会电讯")
_CLOSING_CHARS = "".join(CLOSING)
# Page furniture: running dates, page numbers, section heads.
_FURNITURE = re.compile(
    r"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期[一二三四五六日天])?"
    r"|星期[一二三四五六日天]"
    r"|第?\s*\d{1,3}\s*版"
    r"|\d{1,3}"
    r"|[A-Z]?\d{1,2}\s*版?\s*[\u4e00-\u9fff]{2,4}\s*版?"
    r"|本版责编.*|本版编辑.*)$"
)
_DATE_FRAGMENTS = re.compile(
    r"^(\d{4}年)?\d{1,2}月\d{1,2}日(星期[一二三四五六日天])?$|^\d{4}年\d{1,2}月$"
)
_OPENING = frozenset("“‘「『（《〈【")
# Every way a marked line can begin, in one pattern: most lines fail it at once.
_ANY_MARK = re.compile(
    rf"^(?:[{CN_NUM}]{{1,3}}\s*[、，.．]|[（(]|\d{{1,2}}\s*[、.．]|[①-⑳❶-❿⑴-⒇]|图为"
    r"|(?:责任编辑|本版编辑|本版责编|责编|编辑|校对|美编|版式|来源|问|记者|主持人|答)\s*[：:]"
    r"|[□■◇◆▢☐▲△●○]|本报|新华社|中新社|人民日报|光明日报|经济日报|特约|通讯员|记者|文/|图/"
    r"|文／|撰文|作者|——|--|－－)"
)
_TRAILING_NUMBER = re.compile(r"(?<=\D)\d{1,4}(年\d{0,2})?(月\d{0,2})?$")
# First characters that can begin a marked line; most lines start elsewhere and skip
# the regexes entirely.
_MARK_STARTS = frozenset(
    CN_NUM + "（(□■◇◆▢☐▲△●○问记答主责本编校美版来图新中人光经央文撰通特—－-"
    "0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳❶❷❸❹❺❻❼❽❾❿⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"
)


@dataclass(slots=True)
class Line:
    idx: int  # 0-based index of the source line
    text: str  # clean text, no leading or trailing space
    indent: int  # leading white space in cells (a full-width space is two)
    width: int  # display cells of text
    gap: bool  # one or more blank lines before this line
    mark: str = ""  # what the text alone says it is; "" for ordinary text
    style: int = 0  # heading numbering style, 1 (一、) to 5 (①)
    label: int = 0  # length of a run-in heading label, colon included
    ends: bool = False  # ends a sentence
    soft: bool = False  # ends with a comma-like mark: cannot end a paragraph or title
    part: str = ""  # "head"/"tail" when a source line was split in two


def heading_style(text: str) -> int:
    if text[:1] not in _MARK_STARTS:
        return 0
    for style, pattern in _HEADING_STYLES:
        if pattern.match(text):
            return style
    return 0


def runin_label(text: str) -> int:
    """Length of the run-in label (through its colon) of a numbered line, or 0."""
    m = _RUNIN.match(text)
    return m.end() if m else 0


def unpunctuated_title(text: str) -> bool:
    return not any(c in "。！？!?…，,；;：:、" for c in text)


def classify(text: str) -> tuple[str, int, int]:
    """(mark, heading style, run-in label length) from the text of one line alone."""
    first = text[:1]
    if first in _MARK_STARTS and not _ANY_MARK.match(text):
        first = ""  # starts like a mark but is ordinary text ("中国…", "一是…")
    if (
        text[-1] in _NOTICE_ENDS
        and len(text) <= 12
        and _NOTICE.search(text)
        and unpunctuated_title(text)
    ):
        return "notice", 0, 0
    if first not in _MARK_STARTS:
        if text.endswith(("电", "讯")) and _DATELINE_LINE.match(text):
            return "dateline", 0, 0
        return "", 0, 0
    style = heading_style(text)
    if style:
        label = runin_label(text)
        return "heading", style, label
    if _JUMP.match(text):
        return "jump", 0, 0
    if _END.match(text) or (len(text) <= 40 and _END_PLAIN.match(text)):
        return "end", 0, 0
    if len(text) <= 60 and _END_OPEN.match(text) and not ends_sentence(text):
        return "end", 0, 0
    if _CAPTION.match(text):
        return "end", 0, 0
    if _QUESTION.match(text):
        return "question", 0, 0
    if _ANSWER.match(text):
        return "answer", 0, 0
    if len(text) <= 40 and is_byline(text):
        return "byline", 0, 0
    if _SUBTITLE.match(text) and not ends_sentence(text):
        return "subtitle", 0, 0
    if text.endswith(("电", "讯")) and _DATELINE_LINE.match(text):
        return "dateline", 0, 0
    return "", 0, 0


def is_byline(text: str) -> bool:
    """'□ 吉晓琴', '新华社记者 刘亢 蒋芳 杨绍功', '■本报记者 李四': a role and short names."""
    rest = text
    marked = rest[:1] in _BYLINE_MARK
    if marked:
        rest = rest[1:].strip()
    m = _BYLINE_ROLE.match(rest)
    if m:
        rest = rest[m.end() :]
    elif not marked:
        return False
    names = rest.split()
    if not names or len(names) > 6:
        return False
    if len(names) == 1 and len(names[0]) > 4:
        return False
    return all(_NAME.match(n) for n in names)


def is_notice_title(text: str) -> bool:
    return len(text) <= 24 and bool(_NOTICE.search(text))


def is_furniture(text: str) -> bool:
    return len(text) <= 24 and bool(_FURNITURE.match(text))


PAIR_FIRST = "，。、；：！？”’）》」』"
PAIR_SECOND = "“‘（《「『”’）》」』"
_PUNCT_PAIR = re.compile(
    r"[，。、；：！？”’）》」』][“‘（《「『”’）》」』]|[。，、；：！？][，。、；：！？]"
)


def printed_width(text: str) -> int:
    """Width as typeset: an opening mark that starts the line takes half a cell, and so
    does one of two marks side by side (。” ，“), as Chinese typesetting squeezes them."""
    w = 2 * len(text) - len(text.encode("ascii", "ignore")) - len(_PUNCT_PAIR.findall(text))
    return w - 1 if text[0] in _OPENING else w


def _indent_cells(raw: str) -> int:
    n = 0
    for c in raw:
        if c == " ":
            n += 1
        elif c == "\u3000":
            n += 2
        elif c == "\t":
            n += 4
        else:
            break
    return n


def _make(idx: int, text: str, indent: int, gap: bool, part: str = "") -> Line:
    first, last = text[0], text[-1]
    if (first in _MARK_STARTS and _ANY_MARK.match(text)) or last in _CLASSIFY_ENDS:
        mark, style, label = classify(text)
    else:
        mark, style, label = "", 0, 0
    core = text.rstrip(_CLOSING_CHARS) if last in CLOSING else text
    # printed_width(), inlined: this runs for every line of every page.
    w = 2 * len(text) - len(text.encode("ascii", "ignore")) - len(_PUNCT_PAIR.findall(text))
    return Line(
        idx,
        text,
        indent,
        w - 1 if first in _OPENING else w,
        gap,
        mark,
        style,
        label,
        bool(core) and core[-1] in SENTENCE_END,
        last in SOFT_END,
        part,
    )


def _split_line(idx: int, text: str, indent: int, gap: bool) -> list[Line]:
    """One source line as one or two content lines (jump + text, text + dateline)."""
    if text[:1] in "（(":
        m = _JUMP.match(text)
        if m and m.end() < len(text):
            rest = text[m.end() :].strip()
            if rest:
                head = _make(idx, text[: m.end()], indent, gap, "head")
                head.mark = "jump"
                return [head, _make(idx, rest, 0, False, "tail")]
    if text.endswith(("电", "讯")):
        m = _DATELINE_TAIL.search(text)
        if m and m.start() > 0:
            body = text[: m.start()].rstrip()
            line = _make(idx, body, indent, gap, "head")
            tail = _make(idx, m.group(1).strip(), 0, False, "tail")
            tail.mark = "dateline"
            return [line, tail]
    if text.endswith(("）", ")")):
        m = _JUMP_END.search(text)
        if m and m.start() > 0:
            body = text[: m.start()].rstrip()
            tail = _make(idx, m.group(0), 0, False, "tail")
            tail.mark = "jump"
            return [_make(idx, body, indent, gap, "head"), tail]
    return [_make(idx, text, indent, gap)]


def content_lines(source_lines: list[str]) -> list[Line]:
    out: list[Line] = []
    gap = False
    for idx, raw in enumerate(source_lines):
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        text = compact(stripped)
        indent = _indent_cells(raw) if raw[0] in " \u3000\t" else 0
        if text[0] in "（(" or text[-1] in "电讯）)":
            out.extend(_split_line(idx, text, indent, gap))
        else:
            out.append(_make(idx, text, indent, gap))
        gap = False
    _mark_furniture(out)
    return out


def _mark_furniture(lines: list[Line]) -> None:
    """Mark running heads and feet at both ends of the page as noise.

    OCR scatters a vertically printed date over several tiny lines (`3`, `月12`, `日`), and
    may glue the first of them to the line before (`从“有学上”到“上好学” 3`).
    """
    n = len(lines)
    for end in (False, True):
        order = range(n - 1, max(-1, n - 9), -1) if end else range(min(n, 8))
        run: list[int] = []
        for i in order:
            line = lines[i]
            if line.width <= 8 and not line.ends and line.mark in ("", "heading"):
                run.append(i)
                continue
            if is_furniture(line.text) and line.mark in ("", "heading", "end"):
                run.append(i)
                continue
            break
        if not run:
            continue
        ordered = sorted(run)
        joined = "".join(lines[i].text for i in ordered).replace(" ", "")
        if _DATE_FRAGMENTS.match(joined) or all(is_furniture(lines[i].text) for i in ordered):
            for i in ordered:
                lines[i].mark = "noise"
            continue
        if not end:
            continue
        # A fragment of the date glued to the end of the line before the run.
        before = ordered[0] - 1
        if before >= 0:
            prev = lines[before]
            m = _TRAILING_NUMBER.search(prev.text)
            if m and m.start() > 0 and _DATE_FRAGMENTS.match(m.group(0) + joined):
                for i in ordered:
                    lines[i].mark = "noise"
                head = prev.text[: m.start()].rstrip()
                tail = _make(prev.idx, m.group(0), 0, False, "tail")
                tail.mark = "noise"
                lines[before : before + 1] = [
                    _make(prev.idx, head, prev.indent, prev.gap, "head"),
                    tail,
                ]
