"""The engine's rules: every decision at a line end names the rule that made it.

A rule is an id (stable: tests, counts and the store name rules by it) with its reason in
English and in Chinese, so that `--explain` and the window's source view say why in the
reader's language and a corpus can be counted by rule. Reflow returns rules, never prose.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    en: str
    zh: str

    def text(self, language: str = "en") -> str:
        """The reason in a language ('zh…' for Chinese, else English)."""
        return self.zh if language.startswith("zh") else self.en

    def __str__(self) -> str:
        return self.en


RULES: dict[str, Rule] = {}


def _rule(rule_id: str, en: str, zh: str) -> Rule:
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id} is defined twice")
    rule = RULES[rule_id] = Rule(rule_id, en, zh)
    return rule


# Marks that always stand on their own line and start a block of their own, and how a
# reason names them.
MARK_NAMES: dict[str, tuple[str, str]] = {
    "byline": ("a byline", "署名"),
    "end": ("end matter", "文末附注"),
    "jump": ("a jump marker", "转版标记"),
    "dateline": ("a dateline", "电头"),
    "subtitle": ("a subtitle", "副标题"),
    "question": ("a question", "提问"),
    "answer": ("an answer", "回答"),
    "lead": ("a lead or an editor's note", "导语或编者按"),
    "noise": ("page furniture", "版面杂项"),
    "notice": ("a notice headline", "启事标题"),
    "caption": ("a photo caption", "图片说明"),
}
NEXT_IS = {
    mark: _rule(f"next_is_{mark}", f"next line is {en}", f"下一行是{zh}")
    for mark, (en, zh) in MARK_NAMES.items()
}
ALONE = {
    mark: _rule(f"{mark}_alone", f"{en} stands alone", f"{zh}单独成块")
    for mark, (en, zh) in MARK_NAMES.items()
}
ALONE["headline"] = _rule(
    "headline_ends", "a headline wrapped over two lines ends there", "跨两行的标题到此结束"
)
# A source line that holds two content lines (a dateline appended to a sentence, a jump
# marker before one): the split between them, by what the line holds.
SPLIT = {
    mark: _rule(f"split_{mark or 'part'}", f"split: the line holds {en}", f"拆分：该行含有{zh}")
    for mark, (en, zh) in {
        **MARK_NAMES,
        "heading": ("a numbered heading", "带序号的标题"),
        "headline": ("a line in headline type", "标题字号的一行"),
        "": ("a second part", "第二部分"),
    }.items()
}


def split(mark: str) -> Rule:
    """The rule of a split before or after a line holding `mark` (any other: a part)."""
    return SPLIT.get(mark, SPLIT[""])


# The page's ordinary decision, where no rule needs weighing.
NOT_INDENTED = _rule("not_indented", "next line is not indented", "下一行没有缩进")
NO_BLANK = _rule("no_blank", "no blank line between the lines", "两行之间没有空行")
MID_SENTENCE = _rule("mid_sentence", "line ends mid-sentence", "行在句子中间结束")

# Marks and display type.
END_OPEN = _rule("end_open", "end matter continues to its closing bracket", "文末附注延续到右括号")
SOURCE_WRAPS = _rule(
    "source_wraps", "a quotation's source goes on to the line that ends it",
    "引文出处延续到下一行",
)  # fmt: skip
HEADLINE_GOES_ON = _rule(
    "headline_goes_on", "a headline goes on: its next line is in the same type",
    "标题继续：下一行字号相同",
)  # fmt: skip
NEXT_HEADLINE = _rule("next_headline", "next line is set in headline type", "下一行是标题字号")
BROKEN_WORD_GOES_ON = _rule(
    "broken_word_goes_on",
    "the line's last word is broken: it goes on in the next line, whatever its type",
    "行末单词断开：在下一行继续，不论其字号",
)
TALL_LINE_GOES_ON = _rule(
    "tall_line_goes_on",
    "a full line ends mid-sentence and the next, set in its column's type, goes on from it",
    "满行在句中结束，下一行与本栏字号相同，接续本段",
)
LOWER_CASE_GOES_ON = _rule(
    "lower_case_goes_on",
    "the line ends mid-sentence and the next starts in lower case: the sentence goes on",
    "行在句中结束，下一行以小写字母开头：句子继续",
)
LATIN_LOWER_GOES_ON = _rule(
    "latin_lower_goes_on",
    "the next line starts in lower case: an English sentence goes on there",
    "下一行以小写字母开头：英文句子在此继续",
)
LEAD_DATELINE = _rule(
    "lead_dateline", "a lead dateline runs into the first paragraph", "导语电头接入第一段"
)
CAPTION_CREDIT_ENDS = _rule(
    "caption_credit_ends", "a photo caption ends with its credit", "图片说明以署名结束"
)
CAPTION_CREDIT = _rule(
    "caption_credit", "the photo credit closes the caption", "摄影署名结束图片说明"
)
CAPTION_GOES_ON = _rule("caption_goes_on", "the photo caption goes on", "图片说明继续")
CAPTION_ENDS = _rule("caption_ends", "a photo caption ends", "图片说明结束")

# Numbered lines and headings.
NEXT_NUMBERED = _rule(
    "next_numbered", "next line starts with a heading number", "下一行以标题序号开头"
)
SHORT_THEN_NUMBERED = _rule(
    "short_then_numbered", "short line, then a numbered line", "短行之后是带序号的行"
)
NUMBER_CONTINUES = _rule(
    "number_continues", "line ends mid-sentence, so the number continues it",
    "行在句中结束，数字接续该句",
)  # fmt: skip
QUESTION_ENDS = _rule("question_ends", "the question ends", "提问结束")
QUESTION_GOES_ON = _rule("question_goes_on", "the question continues", "提问继续")
HEADLINE_WRAPS = _rule(
    "headline_wraps", "a headline wraps: its first line ends inside a phrase",
    "标题换行：第一行在词组中间结束",
)  # fmt: skip
COUPLET = _rule(
    "couplet", "a headline set as a couplet: two short halves of equal length",
    "对仗标题：两行等长的短句合为一个标题",
)  # fmt: skip
SIGNATORIES = _rule(
    "signatories", "names on lines of their own over a date sign what is above: each stands alone",
    "日期上方单独成行的署名各自成块",
)  # fmt: skip
FURNITURE_GOES_ON = _rule(
    "furniture_goes_on",
    "a line of page furniture goes on in the next (a publisher's name over two lines)",
    "版面杂项的一行延续到下一行（跨两行的出版单位名称）",
)  # fmt: skip
DATED_ALONE = _rule(
    "dated_alone",
    "a line ending in a bracketed date (a speech's or a document's title) stands alone",
    "以括注日期结尾的一行（讲话或文件的标题）单独成块",
)  # fmt: skip
EDITORIAL_LABEL = _rule(
    "editorial_label", "社论 alone on its line is an editorial's kicker: it stands alone",
    "单独成行的“社论”是社论的引题，单独成块",
)  # fmt: skip
UNDER_EDITORIAL = _rule(
    "under_editorial", "the line under 社论 (an editorial's kicker) is the editorial's title",
    "“社论”下的一行是社论的标题",
)  # fmt: skip
DOCUMENT_TITLE = _rule(
    "document_title", "a line or two naming a document (关于…的通知) are its title",
    "以“关于……的通知”等命名文件的一两行是文件的标题",
)  # fmt: skip
NEXT_NAMES_DOCUMENT = _rule(
    "next_names_document",
    "the next line names a document (关于…的讲话材料): the title over it stands alone",
    "下一行是文件名（关于……的讲话材料）：其上的标题单独成块",
)  # fmt: skip
HEADLINE_GROUP = _rule(
    "headline_group", "a headline group: kicker and title take a line each",
    "标题组：引题和主题各占一行",
)  # fmt: skip
KEYED_ALONE = _rule(
    "keyed_alone", "a short 'label：value' line stands alone (contacts and the like)",
    "简短的“项目：内容”行单独成块（联系方式之类）",
)  # fmt: skip
SPEAKER = _rule(
    "speaker",
    "a speaker's name on a line of its own opens what was said",
    "单独一行的发言人姓名引出讲话",
)
SPEAKER_ALONE = _rule(
    "speaker_alone",
    "a speaker's name on a line of its own stands over what was said",
    "单独一行的发言人姓名单独成块，讲话另起",
)
CLOSING_FORMULA = _rule(
    "closing_formula", "a closing formula (特此公告) is a paragraph of its own",
    "结束语（特此公告）自成一段",
)  # fmt: skip
HEADING_ENDS_AT_LINE_END = _rule(
    "heading_line_end", "a heading ends at its line end", "标题在行末结束"
)
BLANK_ENDS_HEADING = _rule("blank_ends_heading", "a blank line ends the heading", "空行结束标题")
HEADING_WRAPS_UNPUNCTUATED = _rule(
    "heading_wraps_unpunctuated", "heading wraps onto an unpunctuated line",
    "标题换行到无标点的一行",
)  # fmt: skip
RUNIN_WRAPS = _rule(
    "runin_wraps", "run-in heading: its label wraps onto the next line",
    "段首小标题：标签换到下一行",
)  # fmt: skip
RUNIN_COLON_FULL = _rule(
    "runin_colon_full", "run-in heading: the colon ends a full line, the paragraph goes on",
    "段首小标题：冒号结束整行，段落继续",
)  # fmt: skip
RUNIN_GOES_ON = _rule(
    "runin_goes_on", "run-in heading: the paragraph goes on after the colon",
    "段首小标题：冒号后段落继续",
)  # fmt: skip
NUMBERED_PARAGRAPH = _rule("numbered_paragraph", "numbered paragraph goes on", "带序号的段落继续")
NUMBERED_RUNS_ON = _rule(
    "numbered_runs_on", "a numbered line runs on into punctuated text: a paragraph",
    "带序号的行接续有标点的文字：是段落",
)  # fmt: skip
HEADING_WRAPS_NO_FIRST = _rule(
    "heading_wraps_no_first", "heading wraps: the next line starts no paragraph",
    "标题换行：下一行不是段首",
)  # fmt: skip
HEADING_WRAPS_FULL = _rule(
    "heading_wraps_full", "heading wraps: the next line is full, no first line of a paragraph",
    "标题换行：下一行是满行，不是段首",
)  # fmt: skip
WORD_RUNS_ON = _rule(
    "word_runs_on", "the line end cuts a word: the text runs on", "行末断开一个词：文字接续"
)
NUMBERED_WORD_RUNS_ON = _rule(
    "numbered_word_runs_on",
    "a word runs on from a numbered line into the next: a paragraph",
    "一个词从带序号的行跨入下一行：是段落",
)  # fmt: skip
HEADING_SHORT = _rule("heading_short", "a heading ends short of the column", "标题未排满一栏即结束")

# Paragraphs.
INDENTED = _rule("indented", "next line is indented", "下一行有缩进")
BLANK_SEPARATES = _rule("blank_separates", "a blank line separates paragraphs", "空行分隔段落")
APART = _rule(
    "apart", "a short line without punctuation set apart by a blank line: a headline or subhead",
    "空行隔开的无标点短行：标题或小标题",
)  # fmt: skip
GAP_INSIDE = _rule(
    "gap_inside",
    "a blank line after a full line that ends mid-sentence: the paragraph goes on past it",
    "在句中结束的满行之后的空行：段落越过空行继续",
)
SHORT_ENDS_SENTENCE = _rule(
    "short_ends_sentence", "short line ends a sentence", "短行以句末标点结束"
)
NEXT_SHORT_UNPUNCTUATED = _rule(
    "next_short_unpunctuated", "next line is short and unpunctuated: a headline or subhead",
    "下一行短且无标点：标题或小标题",
)  # fmt: skip
STANDS_ALONE = _rule(
    "stands_alone", "short line without punctuation stands alone", "无标点的短行单独成块"
)
HEAD_GROUP_ENDS = _rule(
    "head_group_ends", "short unpunctuated lines (a masthead, a title) end before the text",
    "一组无标点的短行（报头、标题）在正文前结束",
)  # fmt: skip
COLON_INTRODUCES = _rule(
    "colon_introduces", "a short line ends in a colon: what it introduces starts below",
    "短行以冒号结束：引出的内容另起一行",
)  # fmt: skip
ASIDE_ALONE = _rule(
    "aside_alone", "a short line in brackets stands on its own (a source, a note)",
    "括号中的短行单独成块（出处、注释）",
)  # fmt: skip
NOTE_AFTER_SENTENCE = _rule(
    "note_after_sentence", "after a sentence, a short line in brackets is a note of its own",
    "句子之后，括号中的短行是单独的注释",
)  # fmt: skip
INDENT_STRIPPED = _rule(
    "indent_stripped", "next line is two characters short: its indent was stripped",
    "下一行短两个字：其缩进被去掉了",
)  # fmt: skip
BOTH_SHORT = _rule(
    "both_short", "both lines fall short of the column: one paragraph ends, one begins",
    "两行都未排满：一段结束，一段开始",
)  # fmt: skip
FIRST_LINE_AFTER = _rule(
    "first_line_after", "next line is two characters short and a full line follows it",
    "下一行短两个字，其后是满行",
)  # fmt: skip
FULL_LINE = _rule(
    "full_line", "full line; the next one continues the paragraph", "满行；下一行接续本段"
)
WIDER = _rule(
    "wider", "the line is wider than its column: a headline or masthead line across columns",
    "该行宽于所在栏：跨栏的标题或报头",
)  # fmt: skip
VERTICAL_HEADLINE = _rule(
    "vertical_headline",
    "the next lines hold a character or a few each: a headline set vertically",
    "下一行起每行只有一两个字：竖排的标题",
)
VERTICAL_GOES_ON = _rule("vertical_goes_on", "a headline set vertically goes on", "竖排的标题继续")
VERTICAL_ENDS = _rule("vertical_ends", "a headline set vertically ends", "竖排的标题结束")
TINY_TAIL = _rule(
    "tiny_tail",
    "a paragraph's last line of a character or two, its closing mark lost: it ends there",
    "段落末行只有一两个字，句末标点丢失：段落到此结束",
)
LOST_STOP = _rule(
    "lost_stop",
    "a paragraph's short last line, its closing mark lost: a new sentence starts a full line below",
    "段落的短末行，句末标点丢失：下一行以新句子开头且排满",
)
TINY_AFTER_SHORT = _rule(
    "tiny_after_short",
    "a line of a character or two after a short line: the sentence did not go on into it",
    "短行之后只有一两个字的一行：句子并未延续到这一行",
)
HEAD_OVER_WIDER = _rule(
    "head_over_wider",
    "lines without a comma or a full stop over text set much wider: a headline over a new story",
    "没有逗号句号的几行，下面的文字排得宽得多：新文章的标题",
)
