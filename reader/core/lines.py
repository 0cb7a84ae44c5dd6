"""Source lines to content lines with the features reflow decides on.

A content line is one printed line: its clean text, the indent OCR kept (if any), its width
in display cells, whether blank lines preceded it, and a *mark* when the text alone says
what it is (a byline, end matter, a numbered heading, a jump marker...). A few source lines
are split in two here: a dateline OCR appended to the last sentence, a jump marker in front
of the first one, and page furniture stuck to the end of a line.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from array import array
from collections.abc import Callable, Container, Iterable, Iterator, MutableSequence, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from reader.core.text import (
    CLOSING,
    CLOSING_CHARS,
    CONJUNCTION_START,
    SENTENCE_END,
    SOFT_END,
    cells,
    compact,
    ends_sentence,
    has_colon,
    is_cjk_char,
    unpunctuated,
)
from reader.core.tuning import TUNING

CN_NUM = "一二三四五六七八九十"
# Heading numbering styles, outermost first: 一、 › （一） › 1、/1. › （1） › ①. One pattern
# with a group per style, in that order: alternatives are tried in order, so the first
# style that fits wins, and the number of the group that matched is the style.
_HEADING = re.compile(
    "|".join(
        f"({pattern})"
        for pattern in (
            rf"[{CN_NUM}]{{1,3}}\s*[、，.．]\s*(?=\S)",
            rf"[（(]\s*[{CN_NUM}]{{1,3}}\s*[)）]\s*(?=\S)",
            r"\d{1,2}\s*[、.．](?![\d%])\s*(?=\S)",
            r"[（(]\s*\d{1,2}\s*[)）]\s*(?=\S)",
            r"[①-⑳❶-❿⑴-⒇]\s*(?=\S)",
        )
    )
)
# Run-in heading: a short label closed by a colon, with body text after it on the line.
_RUNIN = re.compile(r"^([^。！？!?：:，,]{2,30})[：:](?=\S)")

_BYLINE_MARK = "□■◇◆▢☐▲△●○"
_BYLINE_ROLE = re.compile(
    r"^(本报记者|本报特约记者|本报通讯员|新华社记者|中新社记者|人民日报记者|特约记者|"
    r"通讯员|记者|本报评论员|特约评论员|文/图|图/文|文/|文／|撰文|作者)[\s：:/／]*"
)
_NAME = re.compile(r"^[\u4e00-\u9fff·]{1,4}$")
# An English byline: By and one to four names, each of capitalised words and initials
# ("By JOHN SMITH", "By Mary O'Neil and J. P. Jones", "BY OUR SPECIAL CORRESPONDENT").
# (Each further word after white space: a word that could also go on the one before it
# would make a failed match try every way of cutting the line into names.)
_EN_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_ENGLISH_BYLINE = re.compile(
    rf"^(?:By|BY)\s+(?:(?:the|The|THE|our|Our|OUR)\s+)?{_EN_NAME}"
    rf"(?:(?:,\s*|\s+(?:and|AND|&)\s+){_EN_NAME}){{0,3}}$"
)
ENGLISH_BYLINE_CHARS = 60
# Labels of the boxes set into an article under a mark (■ 新闻链接): headings, not names.
_BOX_LABELS = frozenset(
    ("链接", "新闻链接", "相关链接", "延伸阅读", "记者手记", "编后", "背景", "背景资料", "小贴士",
     "名词解释", "短评", "点评", "观察", "数说", "图说", "提示", "资料")
)  # fmt: skip
_END_HEAD = (
    r"^[（(]\s*(作者单位|作者系|作者为|作者是|作者|本文作者|本报记者|记者|通讯员|来源|"
    r"责任编辑|编辑|本文系|本文为|注)"
)
_END = re.compile(_END_HEAD + r".{0,80}[)）]$")
# End matter that OCR wrapped before its closing bracket.
_END_OPEN = re.compile(_END_HEAD + r"\s*[：:]")
# The mark that ends an article, or an instalment of one: （完）, （全文完）, （待续）.
_END_MARK = re.compile(r"^[（(]\s*(完|全文完|本文完|续完|待续|未完待续)\s*[)）]$")
# A note of where the pictures come from: （图片由吕梁市教育局提供）, （资料图片）, （图/新华社）.
_PHOTO_NOTE = re.compile(
    r"^[（(]\s*(?:本文|本版)?(?:图片|照片|配图|资料图片|图\s*[/／：:])[^（()）]{0,30}[)）]$"
)
_END_PLAIN = re.compile(r"^(责任编辑|本版编辑|本版责编|责编|编辑|校对|美编|版式|来源)\s*[：:]")
_CAPTION = re.compile(r"^图为.{0,200}(摄|供图|提供)）?$")
# A photo credit on a line of its own ("本报记者 李四 摄", "（张三 摄）", "王五/摄"): a role,
# a space, a slash or brackets tell it from a line of text that happens to end in 摄.
_CREDIT = re.compile(
    r"^[（(]?\s*(?:(?:本报|新华社|中新社|人民日报)?(?:特约)?(?:记者|通讯员|摄影记者)\s*"
    r"[\u4e00-\u9fff·]{1,4}(?:\s+[\u4e00-\u9fff·]{1,4}){0,3}\s*[/／]?\s*"
    r"|[\u4e00-\u9fff·]{1,4}(?:\s+[\u4e00-\u9fff·]{1,4}){0,3}(?:\s+|\s*[/／]\s*))"
    r"(?:摄|供图|摄影)\s*[)）]?$"
    r"|^[（(]\s*[\u4e00-\u9fff·]{1,4}(?:\s+[\u4e00-\u9fff·]{1,4}){0,3}\s*(?:摄|供图)\s*[)）]$"
)
# How a photo caption's text ends once its credit is in.
CREDIT_END = ("摄", "供图", "提供", "摄影", "摄）", "摄)", "供图）", "供图)", "提供）", "提供)")
# 第 before a page number, or the one character OCR misread it as (（下转革二版）).
_PAGE_WORD = rf"(?:第|[\u4e00-\u9fff](?=[0-9{CN_NUM}]))?"
_JUMP = re.compile(
    rf"^[（(]\s*(上接|下转|紧接|接上|转|接)\s*{_PAGE_WORD}\s*[0-9{CN_NUM}]{{1,3}}\s*(版|页)\s*[^)）]{{0,8}}[)）]"
)
_JUMP_END = re.compile(
    rf"[（(]\s*(下转|转)\s*{_PAGE_WORD}\s*[0-9{CN_NUM}]{{1,3}}\s*(版|页)\s*[^)）]{{0,8}}[)）]$"
)
# Older papers give the day alone in Chinese numerals and say 消息 for 电: 新华社北京二十四日消息.
_DATELINE = (
    r"(新华社|中新社|本报|人民日报|光明日报|经济日报|央视|中国日报)?[\u4e00-\u9fff]{0,10}"
    r"(?:\d{1,2}\s*月\s*\d{1,2}|(?:[〇○零一二三四五六七八九十]{1,3}\s*月\s*)?"
    r"[〇一二三四五六七八九十]{1,3})\s*日\s*(电|讯|消息)"
)
# A dateline alone, or in brackets as some papers set it at an article's end (on a line of
# its own, OCR may have lost the closing bracket).
_DATELINE_IN_BRACKETS = rf"[（(]\s*{_DATELINE}\s*[)）]"
_DATELINE_LINE = re.compile(rf"^(?:{_DATELINE}|[（(]\s*{_DATELINE}\s*[)）]?)$")
_DATELINE_TAIL = re.compile(rf"(?<=[。！？!?”’）)…])\s*({_DATELINE}|{_DATELINE_IN_BRACKETS})$")
_DATELINE_ENDS = ("电", "讯", "电）", "讯）", "电)", "讯)", "消息", "消息）", "消息)")
# Lines that can only open a paragraph: an editor's note, or a lead (本报讯, or a dateline
# with the story after it on the line: 新华社北京3月12日电（记者 …）).
_LEAD = re.compile(
    r"^(【?编者按】?\s*[：:]?|本报讯|【[^】]{2,24}(电|讯|消息)】"
    r"|(本报|新华社|中新社)[\u4e00-\u9fff]{0,10}\d{1,2}\s*月\s*\d{1,2}\s*日\s*(电|讯)\s*\S)"
)
_LEAD_STARTS = frozenset("【编本新中")
_QUESTION = re.compile(r"^(问|记者|主持人)\s*[：:]")
_ANSWER = re.compile(r"^答\s*[：:]")
# A subtitle: after a dash, or saying what else the title's article argues against or
# about (兼驳…, 兼论…).
_SUBTITLE = re.compile(r"^(——|--|－－)\s*\S|^兼(驳|駁|论|論|评|評|谈|談)\S")
_NOTICE = re.compile(
    r"(公\s*告|声\s*明|启\s*事|通\s*告|公\s*示|讣\s*告|招\s*聘|广\s*告|通\s*知\s*书|拍\s*卖\s*会?)$"
)
_NOTICE_ENDS = frozenset("告明事示聘书会")
# Last characters that make a line worth classifying even when its first one is ordinary
# (the brackets: a photo credit whose opening bracket wrapped onto the line before).
_CLASSIFY_ENDS = frozenset("告明事示聘书会电讯摄图日）)员组论部话話活言信》上")
# A byline that names a paper's team instead of people: 《杭州工人》《红色风暴》调查组,
# 《人民日报》《解放军报》社论, 本报编辑部.
_TEAM_BYLINE = re.compile(
    r"^(?:(?:《[^《》\s]{1,12}》\s*){1,3}|本报\s*)(?:特约)?"
    r"(?:评论员|调查组|写作组|通讯组|大批判组|编辑部|社论)$"
    # One of the paper's own offices, its name misread or not: 本报编郸部, 本报理论部.
    r"|^(?:本报|本報)[\u4e00-\u9fff]{2,3}(?:部|组|組)$"
)
_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_CN_DIGITS = "〇○零一二三四五六七八九十"
# A date in Chinese numerals, as older papers print it: 一九六七年四月二十七日.
_CN_DATE = rf"[{_CN_DIGITS}]{{4}}\s*年\s*[{_CN_DIGITS}]{{1,3}}\s*月\s*[{_CN_DIGITS}]{{1,3}}\s*日"
# A date on a line of its own: the date a notice, letter or speech is signed with.
_DATE_LINE = re.compile(rf"^(?:{_DATE}|{_CN_DATE})$")
# A date in brackets ending a line: the day a speech was given or a document issued,
# after its title (周总理在…上的讲话（一九六七年二月十二日）).
DATED_END = re.compile(rf"[（(]\s*(?:{_DATE}|{_CN_DATE})\s*[)）]$")
# The same date alone on its line, maybe written short and with the hour: the day a
# speech was given, printed under its title as its subtitle ((67·5·5,8:40)).
_SHORT_DATE = r"\d{2,4}\s*[·.．/-]\s*\d{1,2}\s*[·.．/-]\s*\d{1,2}"
DATED_LINE = re.compile(
    rf"^[（(]\s*(?:{_DATE}|{_CN_DATE}|{_SHORT_DATE})"
    r"(?:\s*[,，、\s]\s*\d{1,2}\s*[:：]\s*\d{2})?\s*[)）]$"
)
# A body that signs or reprints a text: a committee, a team, a headquarters, an office.
SIGNING_BODY = re.compile(
    r"(委员会|委員會|革委会|宣传队|宣傳隊|联络站|聯絡站|司令部|编辑部|編輯部|战斗队|戰鬥隊|指挥部|指揮部"
    r"|红卫兵|紅衛兵|兵团|兵團)$"
)
# A cheer a slogan ends with (毛主席万岁, 万寿无疆).
_CHEER = re.compile(r"(万岁|萬歲|万寿无疆|萬壽無疆)$")
# An editorial's kicker on a line of its own.
EDITORIAL = re.compile(r"^(?:社论|社論|本报社论|本報社論|评论员文章|評論員文章|短评|短評)$")
# What a bulletin stamps beside its masthead.
_ISSUE_LABELS = ("注意保存", "内部参考", "内部资料")
_LABEL_LENGTHS = frozenset(map(len, _ISSUE_LABELS))
# Every issue or publisher line but a misread label holds one of these: a digit, a date's
# 年月日, 期号版 of an issue number, 历 of a lunar date, 办印报编 of a publisher, 注内 of a
# label (_ISSUE_PIECE, _PUBLISHER).
_ISSUE_CHAR = re.compile("[0-9年月日期号號版历曆办辦印报報编編注内]")
# What a paper prints beside its masthead, each piece of an issue line: the issue's number
# (第17期, 第53号), its date (in figures, in Chinese numerals, 1967.5.19), the weekday,
# the lunar date, how many pages it has (今日四版, 本期共4版) and how to keep it (注意保存).
_ISSUE_PIECE = re.compile(
    rf"{_DATE}|{_CN_DATE}|\d{{4}}\s*[.．]\s*\d{{1,2}}\s*[.．]\s*\d{{1,2}}[.．]?"
    rf"|第\s*[\d{_CN_DIGITS}百]{{1,4}}\s*[期号號版]|\d{{1,4}}\s*[期号號]"
    rf"|(?:今日|本期共?)\s*[\d{_CN_DIGITS}]{{1,2}}\s*版"
    rf"|星期[一二三四五六日天]|[夏农]历\s*\S{{2}}年\s*[{_CN_DIGITS}]{{1,3}}月\s*[{_CN_DIGITS}初廿]{{1,3}}日"
    r"|" + "|".join(_ISSUE_LABELS)
)


def _misread_label(text: str) -> bool:
    """One of _ISSUE_LABELS alone on its line with at most one character misread
    (内部春考)."""
    return len(text) in _LABEL_LENGTHS and any(
        len(text) == len(label) and sum(map(str.__ne__, text, label)) <= 1
        for label in _ISSUE_LABELS
    )


_BARE_DATE = re.compile(
    rf"^(?:{_DATE}|{_CN_DATE}|\d{{4}}\s*[.．]\s*\d{{1,2}}\s*[.．]\s*\d{{1,2}}[.．]?)$"
)
# A publisher's line beside the masthead: 首都中等学校红卫兵代表大会主办, …编辑部编印.
_PUBLISHER = re.compile(r"(主办|编印|編印|翻印|机关报|機關報|编辑组编|编辑部编|合编)$")
# An issue's number alone, without 第: 54号.
_NUMBER_ONLY = re.compile(r"^\d{1,4}\s*[期号號]$")
# Marks that an issue or publisher line never carries.
_BODY_MARKS = re.compile("[。，；！？：,;!?:]")
# What an issue or publisher line holds besides its pieces: brackets, spaces and the odd
# character the OCR misread.
_ISSUE_REST = re.compile(r"[\s（()）《》“”\"'·.．,，、]")
# Page furniture: running dates, page numbers, section heads.
_FURNITURE = re.compile(
    rf"^({_DATE}\s*(星期[一二三四五六日天])?"
    r"|星期[一二三四五六日天]"
    r"|第?\s*\d{1,3}\s*版"
    r"|\d{1,3}"
    r"|[A-Z]?\d{1,2}\s*版?\s*[\u4e00-\u9fff]{2,4}\s*版?"
    r"|[\u4e00-\u9fff]{2,6}(日报|晚报|早报|时报|商报|周报|都市报)"
    r"|本版责编.*|本版编辑.*)$"
)
# Lines that are no text of the page: a rule of dashes, pluses or stars; a page marker
# that a scanning service or an archive wrote between pages (=====第2页=====, - 2 -); a
# web address on its own (a seller's watermark).
_RULE_CHARS = "=＝+＋\\-－—―─━_＿*＊~～#＃·•"
_NOT_TEXT = re.compile(
    rf"^(?:[{_RULE_CHARS}\s]*[{_RULE_CHARS}][{_RULE_CHARS}\s]*[{_RULE_CHARS}]"
    rf"[{_RULE_CHARS}\s]*[{_RULE_CHARS}]"
    rf"|[{_RULE_CHARS}\s]*(?:第\s*\d{{1,4}}\s*页|[Pp]age\s*\d{{1,4}})[{_RULE_CHARS}\s]*"
    rf"|[-－—]\s*\d{{1,4}}\s*[-－—]"
    r"|(?:https?://|www\.)[!-~]+)$"
)
# A rule, border or ornament that OCR read as letters or digits: a few of them over and
# over, a run of three alike among them (neeeereae, GGGGGG, 9999699655…).
_RUN_OF_THREE = re.compile(r"(.)\1\1")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TEXT_MARKS = re.compile(r"[。！？!?；;：:《》〈〉“”「」（）()]")


def is_ornament(text: str) -> bool:
    """A rule or ornament read as text: letters or digits (_RUN_OF_THREE), or a few
    Chinese characters with #s among them (贵#婴信#, #工#思): page furniture."""
    hashes = text.count("#") + text.count("＃")
    if hashes:
        # A frame's pieces: #s at an end, more than one, or a scrap of three characters,
        # with no mark of a sentence or a title. One # inside a line (知陈#通也到会。,
        # 打倒刘#奇！) is a character OCR could not read, and the line is text.
        words = text.strip("，、 ")
        return (
            len(text) <= TUNING.ornament_hash_chars
            and _HAN.search(text) is not None
            and (
                hashes > 1
                or len(words) <= 3  # a scrap of a frame (用#购): too short for a line
                or words.startswith(("#", "＃"))
                or words.endswith(("#", "＃"))
            )
            and _TEXT_MARKS.search(text) is None
            and not text.startswith(("# ", "#\t"))
        )
    if not text.isascii() or not text.isalnum():
        return False
    if len(text) < (TUNING.ornament_digits if text.isdigit() else TUNING.ornament_letters):
        return False
    return (
        len(set(text.lower())) * TUNING.ornament_repeats <= len(text)
        and _RUN_OF_THREE.search(text) is not None
    )


_NOT_TEXT_FIRSTS = frozenset(_RULE_CHARS.replace("\\", "") + "第Pphw")
_DATE_FRAGMENTS = re.compile(
    r"^(\d{4}年)?\d{1,2}月\d{1,2}日(星期[一二三四五六日天])?$|^\d{4}年\d{1,2}月$"
)
_OPENING = frozenset("“‘「『（《〈【")
# Marks of lines that open an ordinary paragraph.
PARAGRAPH_MARKS = frozenset(("", "answer", "lead"))
# Every way a marked line can begin, in one pattern: most lines fail it at once.
_ANY_MARK = re.compile(
    rf"^(?:[{CN_NUM}]{{1,3}}\s*[、，.．]|[（(]|\d{{1,2}}\s*[、.．]|[①-⑳❶-❿⑴-⒇]|图为"
    r"|(?:责任编辑|本版编辑|本版责编|责编|编辑|校对|美编|版式|来源|问|记者|主持人|答)\s*[：:]"
    r"|[□■◇◆▢☐▲△●○]|本报|新华社|中新社|人民日报|光明日报|经济日报|特约|通讯员|记者|文/|图/|【?编者按"
    r"|【[^】]{2,24}(?:电|讯|消息)】"
    r"|文／|撰文|作者|——|--|－－|兼[驳駁论論评評谈談])"
)
_TRAILING_NUMBER = re.compile(r"(?<=\D)\d{1,4}(年\d{0,2})?(月\d{0,2})?$")
# First characters that can begin a marked line; most lines start elsewhere and skip
# the regexes entirely.
_MARK_STARTS = frozenset(
    CN_NUM + "（(□■◇◆▢☐▲△●○问记答主责本编校美版来图新中人光经央文撰通特—－-【兼"
    "0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳❶❷❸❹❺❻❼❽❾❿⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"
)


def heading_number(text: str) -> int:
    """Length of a numbered line's number with its mark (一、 （二） 3. ①), or 0."""
    m = _HEADING.match(text)
    return m.end() if m else 0


def runin_label(text: str) -> int:
    """Length of the run-in label (through its colon) of a numbered line, or 0."""
    if not has_colon(text):  # most lines: no label to look for
        return 0
    m = _RUNIN.match(text)
    return m.end() if m else 0


def classify(text: str, starts_marked: bool | None = None) -> tuple[str, int, int]:
    """(mark, heading style, run-in label length) from the text of one line alone.

    `starts_marked` says whether _ANY_MARK matches the text, when the caller knows.
    """
    if starts_marked is None:
        starts_marked = text[:1] in _MARK_STARTS and bool(_ANY_MARK.match(text))
    # A line that starts like a mark but is ordinary text ("中国…", "一是…") counts as
    # starting with nothing in particular.
    first = text[:1] if starts_marked else ""
    if (
        text[-1] in _NOTICE_ENDS
        and len(text) <= TUNING.notice_chars
        and _NOTICE.search(text)
        and unpunctuated(text)
    ):
        return "notice", 0, 0
    if first not in _MARK_STARTS:
        if text.endswith(_DATELINE_ENDS) and _DATELINE_LINE.match(text):
            return "dateline", 0, 0
        if text.endswith(CREDIT_END) and _CREDIT.match(text):
            return "end", 0, 0
        if is_date(text) or is_source_note(text):
            return "end", 0, 0
        if len(text) <= TUNING.byline_chars and _TEAM_BYLINE.match(text):
            return "byline", 0, 0
        if (
            text[:3] in ("By ", "BY ")
            and len(text) <= ENGLISH_BYLINE_CHARS
            and _ENGLISH_BYLINE.match(text.rstrip())
        ):
            return "byline", 0, 0
        return "", 0, 0
    heading = _HEADING.match(text)
    if heading:
        return "heading", heading.lastindex or 0, runin_label(text)
    if _JUMP.match(text):
        return "jump", 0, 0
    if (
        _END.match(text)
        or (len(text) <= TUNING.end_plain_chars and _END_PLAIN.match(text))
        or _END_MARK.match(text)
        or _PHOTO_NOTE.match(text)
    ):
        return "end", 0, 0
    if len(text) <= TUNING.end_open_chars and _END_OPEN.match(text) and not ends_sentence(text):
        return "end", 0, 0
    if text.endswith(CREDIT_END) and (_CAPTION.match(text) or _CREDIT.match(text)):
        return "end", 0, 0
    if first in "（(" and is_source_note(text):
        return "end", 0, 0
    if text.startswith("图为") and len(text) > TUNING.caption_chars:
        return "caption", 0, 0
    if first in _LEAD_STARTS and _LEAD.match(text):
        return "lead", 0, 0
    if _QUESTION.match(text):
        return "question", 0, 0
    if _ANSWER.match(text):
        return "answer", 0, 0
    if len(text) <= TUNING.byline_chars and is_byline(text):
        return "byline", 0, 0
    if _SUBTITLE.match(text) and not ends_sentence(text):
        return "subtitle", 0, 0
    if text.endswith(_DATELINE_ENDS) and _DATELINE_LINE.match(text):
        return "dateline", 0, 0
    return "", 0, 0


def is_byline(text: str) -> bool:
    """'□ 吉晓琴', '新华社记者 刘亢 蒋芳 杨绍功', '■本报记者 李四': a role and short names.

    A photo credit ('本报记者 李四 摄') is not one: it belongs to a picture.
    """
    if text.endswith(CREDIT_END):
        return False
    rest = text
    marked = rest[:1] in _BYLINE_MARK
    if marked:
        rest = rest[1:].strip()
        if rest in _BOX_LABELS:
            return False
    if _TEAM_BYLINE.match(rest):
        return True
    m = _BYLINE_ROLE.match(rest)
    if m:
        rest = rest[m.end() :]
    elif not marked:
        return False
    names = rest.split()
    if not names:
        # A role that names nobody: "□ 本报评论员", "■本报记者".
        return m is not None and (marked or m.group(1).endswith("评论员"))
    if len(names) > TUNING.byline_names:
        return False
    if len(names) == 1 and len(names[0]) > TUNING.byline_name_chars:
        return False
    return all(_NAME.match(n) for n in names)


def is_date(text: str) -> bool:
    """A date and nothing else: '2025年3月12日', '一九六七年四月十八日'."""
    return text.endswith("日") and bool(_DATE_LINE.match(text))


_LATIN_ISSUE_FIRSTS = re.compile("[A-Z]")
_YEAR = re.compile(r"\b1[789]\d\d\b|\b20\d\d\b")
_ISSUE_WORDS = re.compile(
    r"\b(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|PAGES|EDITION)\b"
)
_PRICE = re.compile(r"\bPRICE\b.{0,24}\b(?:CENTS?|PENCE|PENNY)\b")
_VOLUME = re.compile(r"^V[O0][LI1][.,\sIVX]")


def is_latin_issue_line(text: str) -> bool:
    """A line of what an English paper prints under its name, in capitals: its date and
    size (NEW-YORK. FRIDAY, MAY 1, 1903.-FOURTEEN PAGES.), its price (PRICE THREE CENTS.),
    its volume and number (VOL. LXIII....No. 20,620). Body text in capitals is a headline,
    and names no weekday and year, or price, on one line."""
    if len(text) > 90:
        return False
    letters = [c for c in text if c.isascii() and c.isalpha()]
    if len(letters) < 8 or sum(map(str.isupper, letters)) < 0.7 * len(letters):
        return False
    if _PRICE.search(text):
        return True
    if _VOLUME.match(text) and sum(map(str.isdigit, text)) >= 2:
        return True
    return bool(_YEAR.search(text) and _ISSUE_WORDS.search(text))


def is_issue_line(text: str) -> bool:
    """A line of what a paper prints beside its masthead, bare dates aside: its issue
    number, date and weekday, pages, publisher ('第8期本期4版', '1967.2.15',
    '首都中等学校红卫兵代表大会主办'). A bare date may sign a letter instead."""
    if len(text) > TUNING.issue_chars or _BODY_MARKS.search(text):
        return False
    if _PUBLISHER.search(text) or _misread_label(text):
        return True
    found = _ISSUE_PIECE.findall(text)
    if not found or (len(found) == 1 and _BARE_DATE.match(text.strip())):
        return False
    rest = _ISSUE_REST.sub("", _ISSUE_PIECE.sub("", text))
    if all(_NUMBER_ONLY.match(piece) for piece in found):
        # A number alone (54号) may end a title (地铁2号线): only a misread character or
        # none may stand beside it (忠54号, 第 misread).
        return len(rest) <= 1
    return len(rest) <= TUNING.issue_rest_chars


# A title that names the document or speech the article prints (毛主席最新指示,
# 中央首长讲话, 林彪同志语录, …的通知, …的报告): the item of a bulletin it opens is an
# article of its own, not a section of the one before.
_DOCUMENT_TITLE = re.compile(
    r"(语录|語錄|指示|讲话|講話|谈话|談話|的信|通知|决定|決定|规定|規定|命令|社论|社論"
    r"|报告|報告|发言|發言|讲话材料|講話材料)$"
)


def names_a_document(text: str) -> bool:
    return len(text) <= TUNING.notice_title_chars * 2 and bool(_DOCUMENT_TITLE.search(text))


# The source of a quotation or a speech, in brackets on a line of its own: when and where
# it was said or printed. (1957年4月，一次干部会上报告), (1959年5月，《太阳的光辉》).
_SOURCE_NOTE = re.compile(r"^[（(][^（()）]{2,60}[)）]$")
_SOURCE_SAYS = re.compile(
    rf"\d{{4}}\s*年|[{_CN_DIGITS}]{{4}}\s*年|《[^》]+》|(讲话|講話|讲話|报告|報告|发言|發言|谈话|談話|讲演)[)）]$"
)


# The same without brackets, as some papers print it under a quotation: a date opens it
# and what was said closes it (一九六七年一月十日在接见有关单位代表时的讲话), or it names
# where it was printed and when (《评陶铸的两本书》一九六七年九月八日《人民日报》), or it
# says "the same" (同上). A headline opens with its subject, not with a date.
_YEAR_MONTH = (
    rf"(?:\d{{4}}|[{_CN_DIGITS}]{{4}})\s*年\s*(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*月"
    rf"(?:\s*(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*日)?"
)
# What a text reprinted from elsewhere names before the title: 摘自《…》, 转摘自, 选自.
_CITED = (
    r"(?:转摘自|轉摘自|摘自|摘录自|摘錄自|转引自|轉引自|引自|选自|選自|转载自|轉載自|原载|原載)\s*"
)
_SOURCE_LINE = re.compile(
    rf"^{_YEAR_MONTH}[^。！？!?；;，,、“”\s]{{0,40}}"
    r"(?:讲话|講話|讲話|讲活|报告|報告|发言|發言|谈话|談話|讲演|講演|演说|演說|的信|批示)$"
    rf"|^(?:《[^《》]{{1,30}}》\s*){{1,2}}{_YEAR_MONTH}\s*(?:《[^《》]{{1,12}}》)?$"
    r"|^同上$"
)
# The title a text was reprinted from, on a line of its own: 转摘自《…》, 选自《…》第三卷.
_CITED_LINE = re.compile(rf"^{_CITED}《[^《》]{{1,40}}》[^。！？!?；;，,“”]{{0,20}}$")


# Where a source without brackets starts: a year and a month.
_SOURCE_START = re.compile(_YEAR_MONTH)
_DAY_START = re.compile(rf"[0-9{_CN_DIGITS}]{{1,3}}日")
# A source's first line opens with a date or a bracket (source_wraps).
_SOURCE_FIRSTS = re.compile(rf"[0-9{_CN_DIGITS}（(]")
_CITED_START = re.compile(rf"{_CITED}《")
_CITED_FIRSTS = re.compile("[转轉摘引选選原]")
_MONTH_LASTS = re.compile("月")
_ALNUM_FIRSTS = re.compile("[0-9A-Za-z]")


def source_wraps(first: str, second: str) -> bool:
    """Whether two lines are one source that OCR wrapped: without brackets, the first
    opens with a date, or with 摘自《 and the like, and is neither a date alone (which
    signs what is above it) nor a whole source itself; or its date breaks off after the
    month and the second goes on with the day; or the first opens a bracket the second
    closes."""
    if _CITED_START.match(first):
        return not is_cited(first) and is_cited(first + second)
    if first[:1] in "（(" and not is_source_note(first):
        # A bracketed source wrapped before its closing bracket.
        return is_source_note(first + second)
    if first.endswith("月") and _DAY_START.match(second):
        # A source whose date OCR wrapped between month and day: 《…》一九六七年九月 /
        # 八日《人民日报》.
        return is_source_note(first + second)
    return (
        _SOURCE_START.match(first) is not None
        and not is_date(first)
        and not is_source_note(first)
        and is_source_note(first + second)
    )


def is_cited(text: str) -> bool:
    """The title a text was reprinted from (转摘自《…》): end matter where it closes a
    text, a subtitle under a title."""
    return bool(_CITED_LINE.match(text))


def is_source_note(text: str) -> bool:
    """A quotation's or a speech's source, which ends no article: in brackets, or on a
    line of its own in the shapes of _SOURCE_LINE."""
    if _SOURCE_NOTE.match(text):
        return bool(_SOURCE_SAYS.search(text))
    return bool(_SOURCE_LINE.match(text))


# A speaker's name on a line of its own over what was said (周总理：, 陈伯达：), not a
# short line that introduces something (请看：, 他说：, 指出如下：).
_SPEAKER = re.compile(r"^[\u4e00-\u9fff]{2,4}[：:]$")
_NOT_SPEAKER = re.compile(r"[看说說道问問答出下们們是有为為如曰讲講称稱示我你他她它这這那]")


def is_speaker(text: str) -> bool:
    return bool(_SPEAKER.match(text)) and not _NOT_SPEAKER.search(text)


def is_notice_title(text: str) -> bool:
    return len(text) <= TUNING.notice_title_chars and bool(_NOTICE.search(text))


def is_furniture(text: str) -> bool:
    return len(text) <= TUNING.furniture_chars and bool(_FURNITURE.match(text))


def is_caption(text: str) -> bool:
    """A photo caption, credit or note: it sits beside its picture and closes no article."""
    return text.startswith("图为") or text.endswith(CREDIT_END) or bool(_PHOTO_NOTE.match(text))


def _furniture_lines(texts: list[str], backward: bool) -> int:
    """How many of the lines, from the first, read as running heads or feet; `backward`
    when they run from the foot of the page up. OCR may give a page number and the
    section name beside it (`3`, `要闻`) a line each."""
    k = 0
    while k < len(texts):
        if k + 1 < len(texts):
            pair = (texts[k + 1], texts[k]) if backward else (texts[k], texts[k + 1])
            if is_furniture(" ".join(pair)):
                k += 2
                continue
        if not is_furniture(texts[k]):
            break
        k += 1
    return k


PAIR_FIRST = "，。、；：！？”’）》」』"
PAIR_SECOND = "“‘（《「『”’）》」』"
_PAIR_MARKS = "。，、；：！？"
# Two marks set side by side (。” ，“ ”。): typesetting squeezes one of them to half a cell.
# Written to start with a character class so the scan over a whole page stays in C.
_PUNCT_PAIR = re.compile(
    rf"[{PAIR_FIRST}](?:(?<=[{_PAIR_MARKS}])[{_PAIR_MARKS}{PAIR_SECOND}]|[{PAIR_SECOND}])"
)


def _chars(chars: str | frozenset[str]) -> re.Pattern[str]:
    """A one-character class, for scanning a string of first or last characters."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


_SPLIT_FIRSTS = _chars("（(")
_SPLIT_LASTS = _chars("电讯）)")
_MARK_FIRSTS = _chars(_MARK_STARTS)
_NOT_TEXT_FIRSTS_AT = _chars(_NOT_TEXT_FIRSTS)
_CLASSIFY_LASTS = _chars(_CLASSIFY_ENDS)
_BY_FIRSTS = _chars("B")  # an English byline
_SENTENCE_LASTS = _chars(SENTENCE_END)
_CLOSING_LASTS = _chars(CLOSING)
_SOFT_LASTS = _chars(SOFT_END)
_FULL_STOP_LASTS = _chars(".")
# A Latin sentence ends with a full stop after a word in lower case; abbreviations end
# with one too (Mr. Smith, St. Louis), and those do not end a sentence.
_LATIN_STOP = re.compile(r"(?:^|[^A-Za-z])([A-Za-z]*[a-z][A-Za-z]*)[\"')\]]?\.$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr co no vs gen col capt lieut gov rev prof messrs hon ave esq etc "  # noqa: SIM905
    "inc ltd jan feb mar apr aug sept sep oct nov dec mt ft".split()
)
_OPENING_FIRSTS = _chars(_OPENING)
_SPACES = " \u3000\t"  # the white space compact() and indents know
_ASCII = re.compile("[\x00-\x7f¬]")  # ¬: a Latin word broken at the line end
_FIRST = operator.itemgetter(0)
_LAST = operator.itemgetter(-1)
_START = re.Match.start


_STRETCH_LINES = 1 << 14  # lines measured at a time

# Which part of its source line a content line is (Lines.part): all of it, or the head or
# the tail of a line split in two.
WHOLE, HEAD, TAIL = 0, 1, 2


def _at(pattern: re.Pattern[str], chars: str) -> Iterator[int]:
    """Positions in a string of per-line characters where the pattern matches: line
    numbers, one at a time (a list of them, on a long page, is an object a line)."""
    return map(_START, pattern.finditer(chars))


def _lines_holding(texts: list[str], chars: str) -> set[int]:
    """Numbers of the lines that hold any of the characters. Found with str.find in the
    lines joined, far faster than a regular expression over Chinese text, and a line is
    left as soon as it is found, so only lines cost Python work. (Joined a stretch at a
    time: the whole page joined took as much memory again as its text.)"""
    found: set[int] = set()
    for start in range(0, len(texts), _STRETCH_LINES):
        stretch = "\n".join(texts[start : start + _STRETCH_LINES])
        for char in chars:
            line, last = start, 0
            pos = stretch.find(char)
            while pos >= 0:
                line += stretch.count("\n", last, pos)
                found.add(line)
                last = stretch.find("\n", pos)
                if last < 0:
                    break
                pos = stretch.find(char, last)
    return found


def _each_line(char: Callable[[str], str], texts: list[str]) -> str:
    """A character of every line, as one string. Joined a stretch of lines at a time:
    join() holds all its pieces at once, and a Chinese character is an object of its own
    (76 bytes), 45 MB for a 32 MB page's 600,000 lines."""
    return "".join(
        "".join(map(char, texts[start : start + _STRETCH_LINES]))
        for start in range(0, len(texts), _STRETCH_LINES)
    )


def numbers(values: Iterable[int] = ()) -> array[int]:
    """A column of small whole numbers (cells, lengths, styles, line numbers), four bytes
    each."""
    return array("i", values)


def zeros(n: int) -> array[int]:
    return numbers((0,)) * n


@dataclass(slots=True)
class Lines:
    """The page's content lines, one column per feature, one entry per printed line.

    Entry k of every column describes content line k: `idx` its source line (0-based),
    `text` its clean text, `indent` the leading white space OCR kept in cells (a full-width
    space is two), `gap` whether blank lines preceded it (more of them than the page puts
    between its lines as a rule: one, where it sets paragraphs two apart), `part` HEAD
    or TAIL when a source line was split in two (else WHOLE), `room` the cells of white space
    that cleaning took out of the line (OCR's spaces around half-width runs: the gaps are
    on the printed line); `width` its printed width in display cells, white space
    included, `mark` what the text alone says it is ("" for ordinary text), `style` a
    heading's numbering style, 1 (一、) to 5 (①), `label` the length of a run-in heading
    label, colon included, `ends` whether it ends a sentence, `soft` whether it ends with
    a comma-like mark (so cannot end a paragraph or title) and `hangs` whether it ends
    with a mark that typesetting lets hang past the column (either of those, or a closing
    mark). `firsts` and `lasts` hold every line's first and last character as one string
    each, so that a question about line ends is one scan. `narrow_quotes` says whether
    the page sets curly quotes one cell wide (see _narrow_quotes), `characters` whether
    its lines were wrapped by a count of characters rather than set in cells (see
    _reads_characters). `goes_on` holds the lines of page furniture that go on into the
    next line (a publisher's name over two lines).
    """

    # Columns of numbers are arrays (idx: a list's integer objects took more than the
    # text), and yes-or-no columns and `part` bytes: as lists, a pointer a line each,
    # these ten took 48 MB of a 32 MB page's 600,000 lines at once; so, 13 MB.
    idx: array[int]
    text: list[str]
    indent: array[int]
    gap: bytearray
    part: bytearray
    room: array[int]
    firsts: str
    lasts: str
    width: array[int] = field(default_factory=numbers)
    mark: list[str] = field(default_factory=list)
    # A numbering style (1 to 5) and a label's length (31 at most, _RUNIN) fit a byte.
    style: bytearray = field(default_factory=bytearray)
    label: bytearray = field(default_factory=bytearray)
    ends: bytearray = field(default_factory=bytearray)
    soft: bytearray = field(default_factory=bytearray)
    hangs: bytearray = field(default_factory=bytearray)
    narrow_quotes: bool = False
    characters: bool = False
    # Lines of page furniture that go on into the next: one printed item over lines.
    goes_on: set[int] = field(default_factory=set)

    @classmethod
    def of(
        cls,
        idx: array[int],
        text: list[str],
        indent: array[int],
        gap: bytearray,
        part: bytearray,
        room: array[int],
    ) -> Lines:
        """Lines whose derived columns are still to be computed (see _features)."""
        firsts, lasts = _each_line(_FIRST, text), _each_line(_LAST, text)
        return cls(idx, text, indent, gap, part, room, firsts, lasts)

    def parts(self, k: int, head: str, tail: str) -> Lines:
        """Line k as two lines: `head` keeps its indent, blank line and room, and `tail`
        follows it on the same source line."""
        i = self.idx[k]
        return Lines.of(
            numbers((i, i)),
            [head, tail],
            numbers((self.indent[k], 0)),
            bytearray((self.gap[k], False)),
            bytearray((HEAD, TAIL)),
            numbers((self.room[k], 0)),
        )

    def __len__(self) -> int:
        return len(self.text)

    def splice(self, replacements: dict[int, Lines]) -> None:
        """Put the lines of each `replacements[k]` where line k is (derived columns too,
        once there). Every column is rebuilt once, whatever the number of lines replaced:
        replacing them one at a time shifts the rest of every column each time, which
        made a page with many split lines cost the square of its length."""
        if not replacements:
            return
        at = sorted(replacements)
        others = [replacements[k] for k in at]
        # The unchanged runs between replaced lines: 0..at[0], at[0]+1..at[1], ...
        starts = [0, *(k + 1 for k in at)]
        ends = [*at, len(self)]
        for name in ("firsts", "lasts"):
            column: str = getattr(self, name)
            pieces = [column[starts[0] : ends[0]]]
            for other, start, end in zip(others, starts[1:], ends[1:], strict=True):
                pieces += (getattr(other, name), column[start:end])
            setattr(self, name, "".join(pieces))
        for name in _COLUMNS:
            column_list: MutableSequence[Any] = getattr(self, name)  # a list or an array
            if not column_list:  # derived columns not computed yet
                continue
            out = column_list[starts[0] : ends[0]]
            for other, start, end in zip(others, starts[1:], ends[1:], strict=True):
                out.extend(getattr(other, name))
                out.extend(column_list[start:end])
            column_list[:] = out  # in place, as callers may hold the column

    def marked(self) -> array[int]:
        """The numbers of the lines with a mark, in order."""
        return numbers(itertools.compress(itertools.count(), self.mark))

    def latin_joins(self) -> list[int]:
        """Lines k whose join onto line k - 1 may need more than putting them together:
        both sides of the line break are ASCII (Latin words, a hyphenated word)."""
        firsts = self.firsts
        return [k + 1 for k in _at(_ASCII, self.lasts[:-1]) if firsts[k + 1].isascii()]


_PAGE_READINGS = ("narrow_quotes", "characters")
_COLUMNS = [name for name in Lines.__slots__ if name not in ("firsts", "lasts", *_PAGE_READINGS)]


def printed_width(text: str) -> int:
    """Width as typeset: an opening mark that starts the line takes half a cell, and so
    does one of two marks side by side (。” ，“), as Chinese typesetting squeezes them."""
    w = cells(text) - len(_PUNCT_PAIR.findall(text))
    return w - 1 if text[0] in _OPENING else w


def _indent_cells(raw: str) -> int:
    """Leading white space in cells: a space is one, a full-width space two, a tab four."""
    return _lead_cells(raw[: len(raw) - len(raw.lstrip(_SPACES))])


@functools.lru_cache(maxsize=32)  # a page has a handful of different indents
def _lead_cells(lead: str) -> int:
    return len(lead) + lead.count("\u3000") + 3 * lead.count("\t")


def _widths(lines: Lines) -> tuple[array[int], list[int]]:
    """printed_width() of every line and its room, computed for many lines at once,
    and the half cells each line saves on two a character: its half-width characters
    and squeezed marks."""
    texts = lines.text
    # A squeezed pair of marks takes three half cells: set it as a full-width character
    # and an ASCII one, and every line is twice its length less its ASCII characters.
    # (A stretch of lines at a time: the whole page's would be a bytes object a line.)
    saved: list[int] = []
    for start in range(0, len(texts), _STRETCH_LINES):
        stretch = "\n".join(texts[start : start + _STRETCH_LINES])
        squeezed = _PUNCT_PAIR.sub("\u3000 ", stretch).encode("ascii", "ignore")
        saved += map(len, squeezed.split(b"\n"))
    twice = map(operator.mul, map(len, texts), itertools.repeat(2))
    widths = numbers(map(operator.sub, twice, saved))
    for k in _at(_OPENING_FIRSTS, lines.firsts):
        widths[k] -= 1
    room = lines.room
    for k in itertools.compress(itertools.count(), room):
        widths[k] += room[k]
    return widths, saved


def _latin_quotes(text: str) -> str:
    """The text with its curly quotes as an ASCII one (str.replace: far faster than a
    regular expression substituting this often)."""
    return text.replace("“", "'").replace("”", "'").replace("‘", "'").replace("’", "'")


def narrow_width(text: str) -> int:
    """printed_width() where curly quotes are set as Latin glyphs, one cell wide: nothing
    squeezes beside them, and one that starts the line is one cell already."""
    return printed_width(_latin_quotes(text))


def _narrowing(held: list[str]) -> list[int]:
    """How many cells narrow quotes take off each of these lines (printed_width() less
    narrow_width()), computed for them all at once."""
    if not held:
        return []
    some = "\n".join(held)
    latin = _latin_quotes(some)
    lens = functools.partial(map, len)
    # Each quote saves a cell: one more ASCII character...
    saved = map(
        operator.sub,
        lens(latin.encode("ascii", "ignore").split(b"\n")),
        lens(some.encode("ascii", "ignore").split(b"\n")),
    )
    # ...less a squeeze it took part in (a squeezed pair is one character less after
    # substituting one for it: fewer such pairs once quotes are Latin)...
    lost = map(
        operator.sub,
        lens(_PUNCT_PAIR.sub("\0", latin).split("\n")),
        lens(_PUNCT_PAIR.sub("\0", some).split("\n")),
    )
    # ...less the half cell an opening quote at the line's start took already.
    opening = [text[0] in "“‘" for text in held]
    return list(map(operator.sub, map(operator.sub, saved, lost), opening))


def _narrow_quotes(
    lines: Lines,
    opening: set[int],
    width: array[int],
    saved: list[int],
    hangs: bytearray,
    mark: list[str],
    known: bool | None,
) -> bool:
    """Measure curly quotes one cell wide where the page sets them so, and say whether
    it does; `opening` holds the lines with an opening quote, and `known` is the page's
    answer already, for lines added to it.

    Some papers set “ ” ‘ ’ as Latin glyphs, one cell wide; then a line holding two of
    them takes a character more than a full column would, and a paragraph's first line
    looks full when it is not. The page tells (_rival_wins): a line inside a paragraph
    that narrow quotes would make two cells narrower or more votes for the measure that
    puts it level with the lines around it. Such a line holds an opening quote as a
    rule: those are the lines weighed, against neighbours that hold none. One vote with
    none against is enough where the neighbours hold no half-width characters or
    squeezed marks either (`saved`): a page of briefs may hold one line that can vote,
    and a neighbour that a page wrapped by a count of characters measures otherwise
    could vote for narrow quotes in its stead.
    """
    if known is False:
        return False
    texts, room = lines.text, lines.room

    def narrowed(k: int) -> int:
        return narrow_width(texts[k]) + room[k]

    def unlike(k: int) -> bool:  # measured otherwise by some measure (k may be past the end)
        return k in opening or (0 <= k < len(saved) and saved[k] > 0)

    if known is None and not (
        _rival_wins(lines, width, hangs, mark, opening, narrowed, opening)
        or _rival_wins(
            lines, width, hangs, mark, opening, narrowed, _Asked(unlike), TUNING.quotes_alone_wins
        )
    ):
        return False
    quoted = sorted(opening.union(_lines_holding(texts, "”‘’")))
    for k, less in zip(quoted, _narrowing([texts[k] for k in quoted]), strict=True):
        width[k] -= less
    return True


_RUN_ON_MARKS = frozenset(("", "lead", "answer"))  # lines whose paragraph runs on


def character_width(text: str) -> int:
    """The width of a line wrapped by a count of characters: two cells each."""
    return 2 * len(text)


def _character_widths(texts: list[str]) -> array[int]:
    return numbers(map(operator.mul, map(len, texts), itertools.repeat(2)))


def _reads_characters(
    lines: Lines,
    width: array[int],
    saved: list[int],
    hangs: bytearray,
    mark: list[str],
    opening: set[int],
) -> bool:
    """Whether the page's lines were wrapped by a count of characters, as a program
    re-wrapping text does, rather than set in display cells, as print is.

    The lines that the two measures tell apart hold half-width characters (digits,
    Latin, ASCII punctuation) or squeezed marks: counted in characters, such a line
    inside a paragraph is level with its neighbours; in cells, narrower (_rival_wins).
    Lines with four quotes or more say nothing (`opening`: the lines with an opening
    quote): where the page sets quotes narrow and does not say so, they run four cells
    wide or more.
    """
    texts = lines.text
    apart, many = TUNING.vote_apart, TUNING.vote_quotes

    def told(k: int) -> bool:
        # The line saves a half cell or more (and an opening mark at the start one more),
        # and measures two cells apart both ways.
        return (
            0 <= k < len(saved) and bool(saved[k]) and character_width(texts[k]) - width[k] >= apart
        )

    def rival(k: int) -> int:
        return character_width(texts[k])

    quoted = {k for k in opening if texts[k].count("“") + texts[k].count("”") >= many}
    # (The lines told apart are asked about as they come, not gathered in a dict and two
    # sets: on a long page those were tens of megabytes at the reading's peak.)
    weighed = (
        k for k in itertools.compress(itertools.count(), saved) if told(k) and k not in quoted
    )
    return _rival_wins(
        lines, width, hangs, mark, weighed, rival, _Asked(lambda k: told(k) or k in quoted)
    )


class _Asked(Container[int]):
    """The numbers a test says yes to, as a container (`k in ...`)."""

    __slots__ = ("test",)

    def __init__(self, test: Callable[[int], bool]) -> None:
        self.test = test

    def __contains__(self, k: object) -> bool:
        return isinstance(k, int) and self.test(k)


def _rival_wins(
    lines: Lines,
    width: array[int],
    hangs: bytearray,
    mark: list[str],
    weighed: Iterable[int],
    rival: Callable[[int], int],
    apart: Container[int],
    needed: int | None = None,
) -> bool:
    """Whether the page is set to another measure of its lines: `rival(k)` is the width
    it gives line k, one of the lines `weighed`; lines not `apart` measure alike both
    ways.

    A line inside a paragraph fills its column, as the lines inside the paragraph next
    to it do. Each line the rival measure makes two cells wider or narrower or more is
    compared with its neighbours inside the paragraph that both measures agree on: it
    votes for the measure that puts it within a cell of the wider of them (and the
    other not). The rival wins by two votes to one, and two at least (`needed`, where
    given, instead).

    Inside a paragraph means: the line and the line before it end in text (no mark
    hangs), it is plain and not indented, the line before is plain or the first of a
    lead or an answer, and it is ten characters wide or more.
    """
    n = len(lines)
    indent = lines.indent
    voting, differ, within, wins_needed = (
        TUNING.voting_width,
        TUNING.vote_apart,
        TUNING.vote_within,
        TUNING.vote_wins,
    )

    def inside(j: int) -> bool:
        return (
            0 < j < n
            and width[j] >= voting
            and not (hangs[j] or hangs[j - 1] or mark[j] or indent[j])
            and mark[j - 1] in _RUN_ON_MARKS
        )

    wins = losses = 0
    for k in weighed:
        if not inside(k):
            continue
        around = [width[j] for j in (k - 1, k + 1) if j not in apart and inside(j)]
        if not around:
            continue
        here, other = width[k], rival(k)
        if abs(other - here) < differ:
            continue
        column = max(around)
        if abs(other - column) <= within < abs(here - column):
            wins += 1
        elif abs(here - column) <= within < abs(other - column):
            losses += 1
    return wins >= (wins_needed if needed is None else needed) and wins >= 2 * losses


def _features(lines: Lines, forced: dict[int, str], page_of: Lines | None = None) -> None:
    """Fill in the derived columns. `forced` holds marks that splitting already decided;
    `page_of` is the page these lines are added to, read already (how it measures lines)."""
    n = len(lines)
    texts, firsts, lasts = lines.text, lines.firsts, lines.lasts
    mark, style, label = _classified(lines)
    for k in _at(_NOT_TEXT_FIRSTS_AT, firsts):
        if _NOT_TEXT.match(texts[k]):
            mark[k] = "noise"
    hashed = _lines_holding(texts, "#＃")
    for k in sorted({*_at(_ALNUM_FIRSTS, firsts), *hashed}):
        if is_ornament(texts[k]):
            mark[k] = "noise"
    for k in _at(_LATIN_ISSUE_FIRSTS, firsts):
        if mark[k] == "" and is_latin_issue_line(texts[k]):
            mark[k] = "noise"
    # The first line of a source that wrapped (source_wraps): end matter, which the next
    # line ends.
    for k in sorted({*_at(_SOURCE_FIRSTS, firsts), *_at(_MONTH_LASTS, lasts)}):
        if k + 1 < n and mark[k] == "" and source_wraps(texts[k], texts[k + 1]):
            mark[k] = "end"
    for k, forced_mark in forced.items():
        mark[k] = forced_mark
    ends, soft, hangs = bytearray(n), bytearray(n), bytearray(n)
    for k in _at(_SENTENCE_LASTS, lasts):
        ends[k] = hangs[k] = True
    for k in _at(_CLOSING_LASTS, lasts):
        core = texts[k].rstrip(CLOSING_CHARS)
        ends[k] = bool(core) and core[-1] in SENTENCE_END
        hangs[k] = True
    for k in _at(_SOFT_LASTS, lasts):
        soft[k] = hangs[k] = True
    for k in _at(_FULL_STOP_LASTS, lasts):
        stop = _LATIN_STOP.search(texts[k])
        if stop and stop.group(1).lower() not in _ABBREVIATIONS:
            ends[k] = True
    for k in _at(_CITED_FIRSTS, firsts):
        # What a text was reprinted from closes that text, wrapped over a few lines or
        # not; under a title it is the title's subtitle (毛主席语录 / 转摘自《人民日报》社论).
        if (
            k
            and ends[k - 1]
            and mark[k] == ""
            and any(is_cited("".join(texts[k : k + size])) for size in range(1, 4) if k + size <= n)
        ):
            mark[k] = "end"
    width, saved = _widths(lines)
    opening = _lines_holding(texts, "“")
    known = None if page_of is None else page_of.narrow_quotes
    narrow = _narrow_quotes(lines, opening, width, saved, hangs, mark, known)
    if page_of is None:
        by_characters = _reads_characters(lines, width, saved, hangs, mark, opening)
    else:
        by_characters = page_of.characters
    if by_characters:
        width, narrow = _character_widths(texts), False
    lines.width, lines.characters, lines.narrow_quotes = width, by_characters, narrow
    lines.mark, lines.style, lines.label, lines.ends, lines.soft = mark, style, label, ends, soft
    lines.hangs = hangs


def _classified(lines: Lines) -> tuple[list[str], bytearray, bytearray]:
    """classify() of the lines it may say something of: their marks, heading styles and
    run-in labels. (A function of its own: the lines that may start with a mark, tens of
    thousands of numbers, are let go before the rest of the features are read.)"""
    n = len(lines)
    texts, firsts = lines.text, lines.firsts
    mark, style, label = [""] * n, bytearray(n), bytearray(n)
    may_start = list(_at(_MARK_FIRSTS, firsts))
    matches = map(_ANY_MARK.match, map(texts.__getitem__, may_start))
    starting = set(itertools.compress(may_start, matches))
    for k in starting.union(_at(_CLASSIFY_LASTS, lines.lasts), _at(_BY_FIRSTS, firsts)):
        mark[k], style[k], label[k] = classify(texts[k], k in starting)
    return mark, style, label


class Split(NamedTuple):
    """A source line that holds two content lines; `marker` (0 or 1) is the part that
    is a jump marker or dateline, and `mark` says which."""

    head: str
    tail: str
    marker: int
    mark: str


def _split_line(text: str) -> Split | None:
    """A jump marker before the text, or a dateline or `（下转…）` after it, or None."""
    # Every jump marker names 接 or 转; most lines in brackets are numbered headings.
    if text[:1] in "（(" and ("接" in text or "转" in text):
        m = _JUMP.match(text)
        if m and m.end() < len(text):
            rest = text[m.end() :].strip()
            if rest:
                return Split(text[: m.end()], rest, 0, "jump")
    if text.endswith(_DATELINE_ENDS):
        m = _DATELINE_TAIL.search(text)
        if m and m.start() > 0:
            return Split(text[: m.start()].rstrip(), m.group(1).strip(), 1, "dateline")
    if text.endswith(("）", ")")) and "转" in text:
        m = _JUMP_END.search(text)
        if m and m.start() > 0:
            return Split(text[: m.start()].rstrip(), m.group(0), 1, "jump")
    return None


def _split_lines(lines: Lines) -> dict[int, str]:
    """Split the lines that hold two; return the marks the splits force, by line."""
    texts = lines.text
    splits = {
        k: split
        for k in (*_at(_SPLIT_FIRSTS, lines.firsts), *_at(_SPLIT_LASTS, lines.lasts))
        if (split := _split_line(texts[k])) is not None
    }
    forced: dict[int, str] = {}
    for shift, k in enumerate(sorted(splits)):
        split = splits[k]  # each split before this one adds a line
        forced[k + shift + split.marker] = split.mark
    lines.splice({k: lines.parts(k, split.head, split.tail) for k, split in splits.items()})
    return forced


def _indents(raw: list[str], texts: list[str]) -> array[int]:
    """Leading white space in cells of each line, from the lines as OCR wrote them (`raw`)
    and stripped (`texts`)."""
    indent = zeros(len(texts))
    for k in itertools.compress(itertools.count(), map(operator.ne, raw, texts)):
        indent[k] = _indent_cells(raw[k])  # 0 where only trailing space was stripped
    return indent


def _usual_spacing(idx: Sequence[int]) -> int:
    """How far apart the page's lines (at source lines `idx`) usually are: 2 where a
    blank line follows nearly every line and paragraphs are set further apart (two blank
    lines or more), else 1. A gap is a step beyond it."""
    n = len(idx) - 1
    if n < 1 or idx[-1] - idx[0] <= 2 * n:  # not even one blank line after every line
        return 1
    steps = list(map(operator.sub, idx[1:], idx))
    if steps.count(1) <= 0.05 * n and steps.count(2) >= 0.2 * n and max(steps) >= 3:
        return 2
    return 1


def content_lines(
    source_lines: list[str],
    junk: frozenset[int] = frozenset(),
    headlines: frozenset[int] = frozenset(),
    spend: bool = False,
) -> Lines:
    """The page's lines with what their text says they are. Where the text was written
    from boxes, the geometry says more: `junk` source lines are specks (page furniture)
    and `headlines` are set in headline type. Where `spend`, the caller is done with
    `source_lines`: the list is emptied once read, before the lines' features are.
    (Held while they were, the list and the lines that stripping copied were 14 MB of a
    32 MB page at its peak.)"""
    stripped = list(map(str.strip, source_lines))
    idx = numbers(itertools.compress(itertools.count(), stripped))
    texts = list(itertools.compress(stripped, stripped))
    n = len(texts)
    steps = map(operator.sub, idx, itertools.chain((-1,), idx))  # 1: no blank line between
    gap = bytearray(map(operator.gt, steps, itertools.repeat(_usual_spacing(idx))))
    indent = _indents(list(itertools.compress(source_lines, stripped)), texts)
    del stripped
    if spend:
        source_lines.clear()
    # Interior spacing only: the ends of a stripped line, and so firsts and lasts, stay.
    spaced = sorted(_lines_holding(texts, _SPACES))
    room = zeros(n)
    if spaced:  # compacted together: no pattern of compact() reaches over a line break
        compacted = compact("\n".join([texts[k] for k in spaced])).split("\n")
        for k, text in zip(spaced, compacted, strict=True):
            room[k] = cells(texts[k]) - cells(text)
            texts[k] = text
    lines = Lines.of(idx, texts, indent, gap, bytearray((WHOLE,)) * n, room)
    forced = _split_lines(lines)
    _features(lines, forced)
    _mark_furniture(lines)
    _mark_issue_lines(lines)
    if junk or headlines:
        for k, source in enumerate(lines.idx):
            if source in junk:
                lines.mark[k] = "noise"
            elif source in headlines and lines.mark[k] in ("", "heading"):
                lines.mark[k] = "headline"
    return lines


def _mark_furniture(lines: Lines) -> None:
    """Mark running heads and feet at both ends of the page as noise.

    OCR scatters a vertically printed date over several tiny lines (`3`, `月12`, `日`), and
    may glue the first of them to the line before (`从“有学上”到“上好学” 3`).
    """
    n = len(lines)
    text, mark = lines.text, lines.mark
    for end in (False, True):
        reach = TUNING.furniture_lines
        order = range(n - 1, max(-1, n - 1 - reach), -1) if end else range(min(n, reach))
        run: list[int] = []
        for i in order:
            if (
                lines.width[i] <= TUNING.furniture_width
                and not lines.ends[i]
                and mark[i] in ("", "heading")
            ):
                run.append(i)
                continue
            if is_furniture(text[i]) and mark[i] in ("", "heading", "end"):
                run.append(i)
                continue
            break
        if not run:
            continue
        ordered = sorted(run)
        joined = "".join(text[i] for i in ordered).replace(" ", "")
        if _DATE_FRAGMENTS.match(joined):
            for i in ordered:
                mark[i] = "noise"
            continue
        # Furniture reaches in from the page's edge; a short title may follow it.
        furniture = _furniture_lines([text[i] for i in run], end)
        if furniture:
            for i in run[:furniture]:
                mark[i] = "noise"
            continue
        if not end:
            continue
        # A fragment of the date glued to the end of the line before the run.
        before = ordered[0] - 1
        if before >= 0:
            m = _TRAILING_NUMBER.search(text[before])
            if m and m.start() > 0 and _DATE_FRAGMENTS.match(m.group(0) + joined):
                for i in ordered:
                    mark[i] = "noise"
                head = text[before][: m.start()].rstrip()
                both = lines.parts(before, head, m.group(0))
                _features(both, {1: "noise"}, lines)
                lines.splice({before: both})


def dates_issue(text: str) -> bool:
    """A line of an issue's furniture: an issue or publisher line, a date or weekday alone."""
    return is_issue_line(text) or is_furniture(text) or bool(_BARE_DATE.match(text))


def _mark_beside_masthead(lines: Lines, k: int) -> None:
    """What is set beside the masthead and read right after its issue lines, from line k:
    the body that reprints the paper, over a line or a few (浙江工农兵美术大学 / 红卫兵战斗队),
    then a slogan of a few characters in all, over a line or a few, ending with ！ or in
    a cheer (打倒阁王 / 解放小鬼！, 敬祝伟大的领袖 / 毛主席 / 万寿无疆). Furniture, not the
    title of what follows."""
    k = _mark_run(lines, k, TUNING.issue_chars, lambda t: SIGNING_BODY.search(t) is not None)
    _mark_run(lines, k, 2 * TUNING.slogan_chars, _slogan)


def is_cheer(text: str) -> bool:
    """A slogan's words, joined over its lines, ending in a cheer (毛主席万岁)."""
    return _CHEER.search(text) is not None


def _slogan(text: str) -> bool:
    return text.endswith(("！", "!")) or _CHEER.search(text) is not None


def _mark_run(lines: Lines, k: int, most: int, ends: Callable[[str], bool]) -> int:
    """Mark noise the longest run of plain lines from line k, without punctuation but a
    final ！, at most `most` characters in all, whose text `ends` accepts (a body's name
    may hold another's: 红卫兵战斗队 / 毛泽东主义红卫兵); where such a run stops."""
    text, mark = lines.text, lines.mark
    joined = ""
    stop = k
    for j in range(k, min(k + TUNING.beside_masthead_lines, len(lines))):
        if mark[j] or not unpunctuated(text[j].rstrip("！!")):
            break
        joined += text[j]
        if len(joined) > most:
            break
        if ends(joined):
            stop = j + 1
    for m in range(k, stop):
        mark[m] = "noise"
    lines.goes_on.update(range(k, stop - 1))
    return stop


def _mark_issue_lines(lines: Lines) -> None:
    """Mark a paper's issue and publisher lines as page furniture wherever they are (a
    bulletin prints its masthead under a quotation box, a spread repeats it on its second
    page), and the dates and weekdays on lines of their own around them: a bare date
    elsewhere signs a letter or a speech, unless it repeats the issue's date under the
    paper's name (a running head)."""
    text, mark = lines.text, lines.mark
    n = len(lines)
    # Only lines holding a character every issue or publisher line holds, or as long as a
    # label, are weighed: most of a page is neither, and is passed over at C speed. (In
    # order as they come, not gathered in a set: on a long page a set of their numbers
    # was tens of megabytes at the reading's peak.)
    holding = map(bool, map(_ISSUE_CHAR.search, text))
    label_long = map(_LABEL_LENGTHS.__contains__, map(len, text))
    candidates = itertools.compress(range(n), map(operator.or_, holding, label_long))
    anchors = [
        k
        for k in candidates
        if mark[k] in ("", "end", "heading") and not lines.ends[k] and is_issue_line(text[k])
    ]
    names: set[int] = set()  # lines read as the paper's name: one above each run
    for k in anchors:
        mark[k] = "noise"
        for step in (-1, 1):
            j = k + step
            while 0 <= j < n and mark[j] in ("", "end", "heading", "noise"):
                if mark[j] != "noise" and not dates_issue(text[j]):
                    break
                mark[j] = "noise"
                j += step
        _mark_beside_masthead(lines, j)
        # The paper's name, right above them: a short line the OCR often garbled. A
        # publisher's line that opens with a conjunction (与…联合编印) goes on from the
        # line above it, which names the first publisher.
        top = k
        while top > 0 and mark[top - 1] == "noise":
            top -= 1
        if (
            top > 0
            and text[top][:1] in CONJUNCTION_START
            and mark[top - 1] == ""
            and len(text[top - 1]) <= TUNING.issue_chars
            and not lines.ends[top - 1]
        ):
            top -= 1
            mark[top] = "noise"
            lines.goes_on.add(top)
            while top > 0 and mark[top - 1] == "noise":
                top -= 1
        j = top - 1
        if (
            top not in names
            and j >= 0
            and mark[j] == ""
            and len(text[j]) <= TUNING.masthead_chars
            and not lines.ends[j]
            and unpunctuated(text[j])
        ):
            mark[j] = "noise"
            names.add(j)
    # The issue's date printed again further down under the paper's name: the running
    # head of a page further on in a spread (兵团战报 / 一九六七年四月二十七日). A date
    # under a longer name signs a letter or a statement.
    noise = itertools.compress(range(n), map("noise".__eq__, mark))
    dates = {text[k] for k in noise if is_date(text[k])}
    repeated = itertools.compress(range(1, n), map(dates.__contains__, text[1:]))
    for k in repeated if dates else ():
        j = k - 1
        if (
            mark[k] in ("", "end")
            and mark[j] == ""
            and len(text[j]) <= TUNING.masthead_chars
            and not lines.ends[j]
            and unpunctuated(text[j])
        ):
            mark[j] = mark[k] = "noise"


# Chance is measured against the lines these many eighths of the lines weighed further on.
_SHIFTS = range(1, 8, 2)
# UTF-32 without a byte-order mark, so that eight bytes read as one number hold two
# characters (the numbers are only compared with each other: the byte order does not
# matter); lone surrogates (bytes a page could not decode) are kept as they are.
_UTF32 = "utf-32-le"
_PAIR_BYTES = 8


def _pairs(text: str) -> memoryview:
    """The text's characters two at a time (the first and second, the third and fourth,
    ...; a last one left alone), each pair as one number: the same two characters make
    the same number in any text. Read from the text's encoding, without a string made
    for each pair."""
    data = memoryview(text.encode(_UTF32, "surrogatepass"))
    return data[: len(data) // _PAIR_BYTES * _PAIR_BYTES].cast("Q")


def interleaved(texts: list[str]) -> bool:
    """Whether a page of Chinese text lists its lines across its columns (line 1 of column
    1, line 1 of column 2, ...), as some OCR programs write a page they did not order.

    The two characters that meet at each line end are looked for among the pairs the
    page prints inside its lines: in reading order, a line often ends inside a word that
    the page prints whole elsewhere; where lines interleave, the pair is as chance makes
    it. Chance is measured on the same lines, each against lines further down the page."""
    weighed = (t for t in texts if len(t) >= TUNING.interleave_min_chars)
    lines = list(itertools.islice(weighed, TUNING.interleave_lines))
    n = len(lines)
    if n < 2:
        return False
    if sum(map(ends_sentence, lines)) >= TUNING.interleave_paragraph_lines * n:
        return False  # a paragraph a line: no printed columns to run across
    if 2 * sum(is_cjk_char(t[0]) or is_cjk_char(t[-1]) for t in lines) < n:
        return False  # not Chinese: a Latin word runs on over a line end whatever its pair
    ends, starts = [t[-1] for t in lines], [t[0] for t in lines]
    # Every pair of neighbouring characters in the lines, as numbers (_pairs), from the
    # first character and from the second; a pair looked up never holds the line break
    # they are joined with. (Found before by a regular expression of the page's line
    # ends, which was compiled anew for each page not read before: as long again as
    # the rest of the test.)
    joined = "\n".join(lines)
    inside = set(_pairs(joined))
    inside.update(_pairs(joined[1:]))

    def found(firsts: list[str], seconds: list[str]) -> int:
        pairs = "".join(map(operator.add, firsts, seconds))
        return sum(map(inside.__contains__, _pairs(pairs)))

    joins = found(ends, starts[1:])
    # Each line's end against the start of the line n * s / 8 further on, round the page.
    shifted = ((n * s // 8) % n for s in _SHIFTS)
    chance = sum(found(ends, starts[at:] + starts[:at]) for at in shifted) / len(_SHIFTS)
    ratio = TUNING.interleave_ratio
    return chance >= TUNING.interleave_evidence and joins + 1 < ratio * (chance + 1)
