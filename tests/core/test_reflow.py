"""The reflow rules, one behaviour at a time, on small hand-made pages."""

from __future__ import annotations

import pytest

from reader.core.decode import Decoded
from reader.core.document import build, file_digest, from_bytes, from_text
from reader.core.export import explain
from reader.core.lines import is_caption
from reader.core.model import Document
from reader.core.text import asks_hyphenated, asks_whole, join_all, join_lines
from tests.evaluation import load_gold, seed_names
from tests.ocrformats import TRIBUNE
from tests.relayout import Layout, ocr_spaces, render, wrap

TRIBUNE_TEXT = TRIBUNE.with_name("tribune_1903-05-01_p1.txt")


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for a in doc.articles for b in a.all_blocks()]


def paragraphs(doc: Document) -> list[str]:
    return [b.text for _, b in doc.iter_blocks() if b.kind == "paragraph"]


# Two paragraphs in a 14-character column, indents stripped.
P1 = ["思想政治工作是统一思想、凝", "聚共识的有效手段。在国企中，", "员工来自不同的背景。"]
P2 = ["思想政治工作能够激发员", "工的积极性和创造性，提升工", "作效率。"]


def page(lines: list[str], blank: str = "every", indent: str = "") -> str:
    out = []
    for i, line in enumerate(lines):
        first = i in (0, len(P1))
        out.append((indent if first else "") + line)
        if blank == "every" or (blank == "paragraph" and i == len(P1) - 1):
            out.append("")
    return "\n".join(out) + "\n"


def test_chinese_lines_join_without_space_latin_with_one() -> None:
    assert join_lines("国企在发展国民经", "济中发挥作用") == "国企在发展国民经济中发挥作用"
    assert join_lines("the quick", "brown fox") == "the quick brown fox"
    assert join_lines("an exam-", "ple of it") == "an example of it"
    assert join_lines("新冠-", "19") == "新冠-19"
    # a hyphen before capitals may be a real one; ¬ marks a break the OCR program is sure of
    assert join_lines("NEW-", "YORK") == "NEW-YORK"
    assert join_lines("PRESIDENT CLEVE¬", "LAND SPEAKS") == "PRESIDENT CLEVELAND SPEAKS"
    # Latin lines join with a space around quotes and brackets too, never before closing
    # marks or after a dash; Chinese beside a Latin mark joins with none.
    assert join_lines("between", '"representatives of') == 'between "representatives of'
    assert join_lines("Benefit.", '"Association') == 'Benefit. "Association'
    assert join_lines("was carried", "[on apparently") == "was carried [on apparently"
    assert join_lines("said “yes,”", "and left") == "said “yes,” and left"
    assert join_lines("Naïve", "café") == "Naïve café"
    assert join_lines("the end", ".") == "the end."
    assert join_lines("a word—", "and more") == "a word—and more"
    assert join_lines("New-", "York") == "New-York"
    assert join_lines("国企（", "ABC）") == "国企（ABC）"
    assert join_lines("国企(", "央企)") == "国企(央企)"
    assert join_lines("共计3", "万人") == "共计3万人"
    # Chinese quotes, ellipses and digits meet with no space; so do an opening mark and
    # the word after it, and a word and the ellipsis or closing quote after it.
    assert join_lines("他说：“好。”", "“我们走。”") == "他说：“好。”“我们走。”"
    assert (
        join_all(["他说：“好。”", "“我们走。共有1", "2个人。”"])
        == "他说：“好。”“我们走。共有12个人。”"
    )
    assert join_lines("数据……", "“新质”") == "数据……“新质”"
    assert join_lines("carried (", "en route)") == "carried (en route)"
    assert join_lines("he said", "…and left") == "he said…and left"
    assert join_lines("page 12", "34 people") == "page 12 34 people"


def test_a_word_marked_broken_runs_on_past_a_blank_line() -> None:
    """ALTO marks a word broken at a line end (HYP); a text block that ends there goes on
    in the next, past the blank line between them."""
    page = (
        "The general tieup of craft in the harbor of New-York Har¬\n\n"
        "bor that has been threatened for the last two days will not take place.\n\n"
        "A conference was held yesterday afternoon between the railroads.\n"
    )
    decoded = Decoded(page, "ALTO", "LF")
    doc = build(decoded, file_digest(page.encode()), "", blanks="paragraph")  # as from boxes
    paragraphs = [b.text for _, b in doc.iter_blocks()]
    assert paragraphs[0].startswith("The general tieup") and "New-York Harbor that" in paragraphs[0]
    assert paragraphs[-1].startswith("A conference")


def test_a_word_marked_broken_runs_on_into_a_line_in_headline_type() -> None:
    """A deck wrapped with a hyphen: its second line's box is the taller, so the geometry
    puts it in headline type. The file says the word goes on there: one block, and the
    article keeps its head and its body together."""
    page = (
        "DOCKS DEVERY'S THEME.\n\n"
        "Says Candidate Will Make Tam¬\n\n"
        'many "Tickle Its Whiskers."\n\n'
        "\u3000\u3000William S. Devery paid his respects to Charles F. Murphy, leader\n"
        "of Tammany Hall, in characteristic fashion last night.\n"
    )
    decoded = Decoded(page, "ALTO", "LF")
    doc = build(decoded, page.encode(), "", blanks="paragraph", headlines=frozenset({0, 4}))
    assert len(doc.articles) == 1
    assert 'Says Candidate Will Make Tammany "Tickle Its Whiskers."' in [
        b.text for b in doc.articles[0].all_blocks()
    ]
    assert [d.rule.id for d in doc.decisions if d.line == 2] == ["broken_word_goes_on"]


def _from_boxes(page: str, headlines: set[int]) -> Document:
    """A page as text written from boxes, its source lines `headlines` in headline type."""
    decoded = Decoded(page, "ALTO", "LF")
    return build(decoded, page.encode(), "", blanks="paragraph", headlines=frozenset(headlines))


def test_a_tall_latin_line_under_a_full_line_mid_sentence_goes_on() -> None:
    """A lead set larger than the page's body: one line's box is tall enough for headline
    type by the page, but its column wrote no break before it. Under a full line that
    ends mid-sentence it is the paragraph's next line, no title."""
    lines = [
        "\u3000\u3000The buildings of the exposition were dedicated yesterday with",
        "ceremonies which, although marred by disagreeable weather, were",
        "impressive. The principal addresses were made by the President and",
        "Cleveland. There was a long military and civic parade in the day,",
        "with Adjutant General Corbin as grand marshal, and the exercises",
        "closed with a display of fireworks in the evening.",
    ]
    doc = _from_boxes("\n".join(lines) + "\n", {3})
    assert [b.kind for a in doc.articles for b in a.all_blocks()] == ["paragraph"]
    assert [d.rule.id for d in doc.decisions if d.line == 2] == ["tall_line_goes_on"]


def test_a_line_in_headline_type_starting_in_lower_case_goes_on() -> None:
    """A Latin headline starts with a capital: a tall box that starts in lower case after
    a line ending with no full stop goes on with its sentence, past the break the
    geometry wrote. After a full stop (`ACCEPTED.`), a line in headline type opens a head
    whatever its first letter (OCR misreads capitals)."""
    page = (
        "\u3000\u3000Watertown, April 30.—Newton Falls, a small\n\n"
        "village at the terminus of the Carthage and\n"
        "Adirondack Railroad, is threatened by a forest fire.\n"
    )
    doc = _from_boxes(page, {2})
    assert [b.kind for a in doc.articles for b in a.all_blocks()] == ["paragraph"]
    assert [d.rule.id for d in doc.decisions if d.line == 0] == ["lower_case_goes_on"]
    page = 'HARBOR TIEUP.\n\nARBITRATION "ACCEPTED.\n\ntut Independent Towing Companies\n'
    decisions = _from_boxes(page, {0, 4}).decisions
    assert [d.rule.id for d in decisions if d.line == 2] == ["next_headline"]


def test_a_word_the_page_prints_with_a_hyphen_keeps_it_across_a_line_end() -> None:
    """Dehyphenation mends a word broken at a line end, unless the page prints the same
    word with a hyphen inside a line: then the hyphen is the word's own."""
    lines = [
        "The well-known author said the meeting was a well-",
        "known event in the town, and that the com-",
        "mittee of the Vice-President would meet again on the vice¬",
        "president's return.",
    ]
    assert paragraphs(from_text("\n".join(lines))) == [
        "The well-known author said the meeting was a well-known event in the town, and that "
        "the committee of the Vice-President would meet again on the vice-president's return."
    ]
    hyphenated = frozenset({"well-known"})
    assert join_lines("a well-", "known event", hyphenated) == "a well-known event"
    assert join_lines("a well¬", "known event", hyphenated) == "a well-known event"
    assert join_lines("the com-", "mittee", hyphenated) == "the committee"


class _Watched(frozenset[str]):
    """A set of words that notes whether it was asked about."""

    asked = False

    def __contains__(self, word: object) -> bool:
        type(self).asked = True
        return super().__contains__(word)


def test_a_join_asks_about_the_page_s_words_only_where_reflow_reads_them() -> None:
    """reflow() reads the page's hyphenated and whole words only where asks_hyphenated()
    or asks_whole() says a line end needs them: join_lines() asks nowhere else."""
    ends = ["a", "Z", "7", "-", "¬", ".", ",", "”", "中", "。", " "]
    for a in ends:
        for b in ["a", "Z", "7", "-", "(", "中", "“", "é"]:
            for head in (f"well{a}", f"7 in{a}", a):
                _Watched.asked = False
                join_lines(head, f"{b}ne", _Watched({"x-y"}), frozenset())
                assert not _Watched.asked or asks_hyphenated(a, b), (head, b)
                _Watched.asked = False
                join_lines(head, f"{b}ne", frozenset(), _Watched({"x"}))
                assert not _Watched.asked or asks_whole(a, b), (head, b)


def test_a_short_line_ending_in_a_hyphenated_word_goes_on() -> None:
    lines = [
        "The new inter-",
        "national airport opened on Monday, and",
        "the first flight left at 6 a.m.",
    ]
    assert paragraphs(from_text("\n".join(lines))) == [
        "The new international airport opened on Monday, and the first flight left at 6 a.m."
    ]


def test_paragraphs_rejoin_whatever_the_blank_line_habit() -> None:
    expected = ["".join(P1), "".join(P2)]
    for blank in ("every", "paragraph", "none"):
        assert paragraphs(from_text(page(P1 + P2, blank))) == expected, blank


NARROW_LEAD = [
    "科技创新的澎湃动能正在强劲释放，产业创新加速推进，各地各行业向新而行，以新质生产力赋能"
    "高质量发展，新兴产业集群不断壮大。",
    "在吕梁，一批新兴产业正在崛起。记者走进园区，看到一条条智能生产线正在满负荷运转，工人们"
    "忙着调试设备，一派繁忙景象。",
    "园区负责人介绍，今年以来，园区新引进项目十二个，总投资超过八十亿元，预计全年产值将突破"
    "两百亿元，带动就业五千余人。",
]


@pytest.mark.parametrize(("lead", "body"), [(12, 24), (13, 26), (15, 28), (24, 12)])
def test_a_lead_set_narrower_or_wider_than_the_body_keeps_its_first_line(
    lead: int, body: int
) -> None:
    # Indents stripped: the lead's first line is short of the body's column, yet no title.
    lines = wrap(NARROW_LEAD[0], lead, indent=2)
    for text in NARROW_LEAD[1:]:
        lines += wrap(text, body, indent=2)
    assert paragraphs(from_text("\n".join(lines))) == NARROW_LEAD


def test_paragraphs_rejoin_whatever_the_indent_habit() -> None:
    expected = ["".join(P1), "".join(P2)]
    for indent in ("", "\u3000\u3000", "    "):
        assert paragraphs(from_text(page(P1 + P2, "none", indent))) == expected, repr(indent)


def test_each_block_records_its_source_lines() -> None:
    doc = from_text(page(P1 + P2, "every"))
    blocks = [b for _, b in doc.iter_blocks()]
    assert [b.lines for b in blocks] == [(0, 4), (6, 10)]


def test_numbered_headings_and_their_levels() -> None:
    text = "\n".join(
        [
            "一、思想政治工作的重要性",
            "（一）统一思想，凝聚共识",
            "思想政治工作是统一思想、凝",
            "聚共识的有效手段。在国企中，",
            "员工来自不同的背景。",
            "1、树立“党建+思维”：国有企",
            "业应将党建工作与企业生产经",
            "营深度融合。",
        ]
    )
    doc = from_text(text)
    art = doc.articles[0]
    assert [(o.level, o.text) for o in art.outline] == [
        (1, "一、思想政治工作的重要性"),
        (2, "（一）统一思想，凝聚共识"),
        (3, "1、树立“党建+思维”"),
    ]
    runin = art.blocks[art.outline[2].block]
    assert runin.kind == "paragraph" and runin.text.startswith("1、树立")


def test_heading_wrapped_over_two_lines_is_rejoined() -> None:
    text = "\n".join(
        [
            "在一些国有企业中，基层思想",
            "政治工作往往被视为软任务。",
            "一、国有企业基层思想政治工作",
            "现状分析",
            "在一些国有企业中，基层思",
            "想政治工作往往被视为“软任",
            "务”，得不到足够的重视。",
        ]
    )
    doc = from_text(text)
    headings = [b.text for _, b in doc.iter_blocks() if b.kind == "heading"]
    assert headings == ["一、国有企业基层思想政治工作现状分析"]


def test_dateline_appended_to_the_last_line_becomes_its_own_block() -> None:
    text = "近年来，像九州云箭这样的商业航天企业\n如雨后春笋般成长起来。 新华社北京3月12日电\n"
    doc = from_text(text)
    assert kinds(doc)[-1] == ("dateline", "新华社北京3月12日电")
    assert paragraphs(doc) == ["近年来，像九州云箭这样的商业航天企业如雨后春笋般成长起来。"]


def test_jump_marker_before_text_is_split_off() -> None:
    doc = from_text("（上接 1版） 扎实推进名师培养计划，选派近\n千名教师赴教育先进地区学习。\n")
    assert kinds(doc)[0] == ("jump", "（上接1版）")
    assert paragraphs(doc) == ["扎实推进名师培养计划，选派近千名教师赴教育先进地区学习。"]


@pytest.mark.parametrize("before", [[], ["上期刊发的文章到此结束。", "（作者单位：吕梁市教育局）"]])
def test_a_title_repeated_after_a_jump_marker_is_the_continued_articles(
    before: list[str],
) -> None:
    continued = [
        "（上接1版）",
        "让老区教育插上科技的翅膀",
        "\u3000\u3000学校还与 Microsoft 合作开设了人工智",
        "能课程，学生用 Python 编写程序。",
        "\u3000\u3000“我们要让每一个孩子都能接触到前沿",
        "科技。”王明说。",
    ]
    doc = from_text("\n\n".join([*before, *continued]))
    article = doc.articles[-1]
    assert len(doc.articles) == 1 + bool(before)
    assert article.title == "让老区教育插上科技的翅膀"
    assert [b.kind for b in article.blocks] == ["jump", "paragraph", "paragraph"]
    assert article.outline == []  # the title is no subhead of the body


def test_ocr_spaces_around_digits_are_removed_but_a_lost_character_gap_stays() -> None:
    doc = from_text(
        "3 月 5 日，习近平总书记在参加他所在的\n会议时指出。党委书记卢 打开了话匣子。\n"
    )
    assert paragraphs(doc) == [
        "3月5日，习近平总书记在参加他所在的会议时指出。党委书记卢 打开了话匣子。"
    ]


def test_interview_questions_wrap_and_answers_start_paragraphs() -> None:
    text = "\n".join(
        [
            "问：意见提出建立企业信用状况综合评",
            "价体系，如何构建这一体系？",
            "答：建立企业信用状况综合评价体系，",
            "是更好发挥信用制度基础作用的抓手。",
        ]
    )
    doc = from_text(text)
    assert kinds(doc) == [
        ("question", "问：意见提出建立企业信用状况综合评价体系，如何构建这一体系？"),
        ("paragraph", "答：建立企业信用状况综合评价体系，是更好发挥信用制度基础作用的抓手。"),
    ]
    assert doc.articles[0].outline[0].text.startswith("问：")


def test_title_and_byline_open_an_article_and_end_matter_closes_one() -> None:
    text = "\n".join(
        [
            "国有企业基层党建的创新探索",
            "□ 赵 婷",
            "在国有企业的发展进程中，基层党建",
            "工作占据着重要地位。",
            "（作者单位：西山煤电（集团）有限责任公司）",
            "国有企业是中国特色社会主义的重要",
            "物质基础和政治基础。",
        ]
    )
    doc = from_text(text)
    assert len(doc.articles) == 2
    first, second = doc.articles
    assert (first.title, first.byline) == ("国有企业基层党建的创新探索", "□ 赵婷")
    assert first.blocks[-1].kind == "end"
    assert second.title is None and second.blocks[0].text.startswith("国有企业是")


TITLE = "科技创新引领产业创新浪潮"
# A body closed by a dateline, then a headline and byline that may be its own.
AFTER_DATELINE = [
    "科技创新的澎湃动能正在强劲释放，产业",
    "创新加速推进。 新华社北京3月12日电",
    TITLE,
    "□ 新华社记者 刘亢 蒋芳",
]


def test_title_after_its_body_goes_back_to_that_body() -> None:
    below = ["（上接 1版） 扎实推进名师培养计划，选派", "近千名教师赴教育先进地区学习。"]
    doc = from_text("\n".join([*AFTER_DATELINE, *below]))
    assert doc.articles[0].title == TITLE
    assert doc.articles[0].byline == "□ 新华社记者 刘亢 蒋芳"
    assert doc.articles[1].title is None
    assert doc.articles[1].blocks[0].kind == "jump"


@pytest.mark.parametrize(
    ("below", "titles"),
    [
        # Nothing in the body below shares the headline's words: it goes back up.
        (["吕梁市扎实推进名师培养计划，选派近千名", "教师赴教育先进地区学习。"], [TITLE, None]),
        # The body below repeats them: it opens that body, dateline or not.
        (["科技创新引领产业创新浪潮在吕梁全面展开，", "各地各行业向新而行。"], [None, TITLE]),
    ],
)
def test_headline_after_a_dateline_goes_to_the_body_its_words_match(
    below: list[str], titles: list[str | None]
) -> None:
    doc = from_text("\n".join([*AFTER_DATELINE, *below]))
    assert [article.title for article in doc.articles] == titles


@pytest.mark.parametrize("marker", ["（完）", "(完)", "（全文完）", "（待续）"])
def test_the_end_mark_closes_its_article_and_heads_no_other(marker: str) -> None:
    text = "\n".join(
        [
            "科技创新的澎湃动能正在强劲释放，产业创新加速",
            "推进，各地各行业向新而行。",
            marker,
            TITLE,
            "本报记者 张三",
            "学校还与微软合作开设了人工智能课程，学生",
            "们参加全国青少年创新大赛，获得一等奖。",
        ]
    )
    first, second = from_text(text).articles
    assert (first.blocks[-1].kind, first.blocks[-1].text) == ("end", marker)
    assert (second.kicker, second.title, second.byline) == (None, TITLE, "本报记者 张三")


@pytest.mark.parametrize("note", ["（图片由吕梁市教育局提供）", "（资料图片）", "（图/新华社）"])
def test_a_note_of_where_the_pictures_come_from_stays_in_its_article(note: str) -> None:
    text = "\n".join(
        [
            "科技创新的澎湃动能正在强劲释放，产业创新加速",
            "推进，各地各行业向新而行。",
            note,
            "让老区教育插上科技的翅膀",
            "本报记者 张三",
            "学校还与微软合作开设了人工智能课程，学生",
            "们参加全国青少年创新大赛，获得一等奖。",
            "（本文图片均由受访者提供）",
        ]
    )
    first, second = from_text(text).articles
    assert (first.blocks[-1].kind, first.blocks[-1].text) == ("caption", note)
    assert (second.kicker, second.title) == (None, "让老区教育插上科技的翅膀")
    last = second.blocks[-1]
    assert (last.kind, last.text) == ("caption", "（本文图片均由受访者提供）")
    assert is_caption(note)  # set as a caption, under its picture


@pytest.mark.parametrize("label", ["■ 新闻链接", "□延伸阅读", "■ 记者手记"])
def test_a_box_label_under_a_mark_is_a_subhead_not_a_byline(label: str) -> None:
    text = "\n".join(
        [
            "让老区教育插上科技的翅膀",
            "本报记者 张三",
            "学校还与微软合作开设了人工智能课程，学生",
            "们参加全国青少年创新大赛，获得一等奖。",
            label,
            "吕梁市共有中小学校一千二百余所，在校学生",
            "六十余万人。",
        ]
    )
    (article,) = from_text(text).articles
    assert [(e.level, e.text) for e in article.outline] == [(1, label)]
    assert from_text(f"□ 赵 婷\n{text}").articles[0].byline == "□ 赵婷"  # names stay names


@pytest.mark.parametrize("sep", ["\n", ""])
def test_a_dateline_in_brackets_closes_its_article(sep: str) -> None:
    text = "\n".join(
        [
            "科技创新的澎湃动能正在强劲释放，产业创新加速",
            f"推进，各地各行业向新而行。{sep}（新华社北京3月12日电）",
            "让老区教育插上科技的翅膀",
            "学校还与微软合作开设了人工智能课程，学生",
            "们参加全国青少年创新大赛，获得一等奖。",
        ]
    )
    first, second = from_text(text).articles
    assert [(b.kind, b.text) for b in first.blocks] == [
        ("paragraph", "科技创新的澎湃动能正在强劲释放，产业创新加速推进，各地各行业向新而行。"),
        ("dateline", "（新华社北京3月12日电）"),
    ]
    assert second.title == "让老区教育插上科技的翅膀"


def test_notice_headline_never_glues_onto_the_next_article() -> None:
    text = "\n".join(
        [
            "（作者单位：山西焦煤集团）",
            "山西欣鼎兴建设工程有限公司",
            "减 资 公 告",
            "社会信用制度是市场经济基础制度。",
            "为健全社会信用体系，中共中央办公",
            "厅印发了意见。",
        ]
    )
    doc = from_text(text)
    notice = [a for a in doc.articles if a.kind == "notice"]
    assert len(notice) == 1 and notice[0].title == "减资公告" and notice[0].blocks == []
    body = paragraphs(doc)[0]
    assert body.startswith("社会信用制度") and "公告" not in body


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_a_notice_keeps_its_contact_lines_and_date_apart(blank: str) -> None:
    lines = [
        "（作者单位：山西焦煤集团）",
        "减 资 公 告",
        "山西欣鼎兴建设工程有限公司经股东会决议，注册资本由",
        "5000万元减少至1000万元。请债权人自本公告见报之日",
        "起45日内向本公司申报债权。",
        "联系人：李先生",
        "联系电话：0358-8224567",
        # A label line that fills the column wraps on.
        "地址：山西省吕梁市离石区龙凤南大街与滨河北路交汇处",
        "东南角五层。",
        "2025年3月12日",
        "遗失声明",
        "吕梁市离石区某某商店遗失营业执照正本，统一社会信用代",
        "码：92141102MA0K1234X，声明作废。",
    ]
    doc = from_text(blank.join(lines))
    notices = [(a.title, [(b.kind, b.text) for b in a.blocks]) for a in doc.articles[1:]]
    assert notices == [
        (
            "减资公告",
            [
                ("paragraph", "".join(lines[2:5])),
                ("paragraph", "联系人：李先生"),
                ("paragraph", "联系电话：0358-8224567"),
                ("paragraph", "".join(lines[7:9])),
                ("end", "2025年3月12日"),
            ],
        ),
        ("遗失声明", [("paragraph", "".join(lines[11:]))]),
    ]


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_a_notice_signed_above_its_date(blank: str) -> None:
    lines = [
        "减 资 公 告",
        "经本公司股东会决议，本公司注册资本由1000万元减少至500万元。请债权人",
        "自本公告见报之日起45日内向本公司申报债权。",
        "特此公告。",
        "山西某某有限公司",
        "2025年3月12日",
        "我省启动春季植树造林",
        "本报讯 3月11日，我省春季植树造林活动全面启动。今年全省计划完成营",
        "造林400万亩。",
    ]
    doc = from_text(blank.join(lines))
    notice, article = doc.articles
    assert (notice.kind, notice.title) == ("notice", "减资公告")
    assert [(b.kind, b.text) for b in notice.blocks] == [
        ("paragraph", "".join(lines[1:3])),
        ("paragraph", "特此公告。"),
        ("end", "山西某某有限公司"),
        ("end", "2025年3月12日"),
    ]
    assert notice.outline == []
    assert (article.kind, article.title) == ("article", "我省启动春季植树造林")


def test_a_closing_formula_after_a_full_line_is_its_own_paragraph() -> None:
    lines = [
        "遗失声明",
        "吕梁市离石区某某商店不慎遗失营业执照正本一份，统一",
        "社会信用代码为92141102MA0K1234X，现声明该执照作",
        "废，由此引起的一切法律责任由本商店自行承担，与他人",
        "无关，特向社会各界郑重声明，请有关单位注意防范风险。",
        "特此声明。",
    ]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for b in doc.articles[0].blocks] == [
        ("paragraph", "".join(lines[1:5])),
        ("paragraph", "特此声明。"),
    ]


def test_full_lines_of_a_wide_column_a_character_short_each_go_on() -> None:
    """In a column of 44 characters, OCR leaves full lines a character or two short
    (dropped characters, half-width marks): two such lines are not a paragraph's last line
    and the next one's first (page 03)."""
    lines = [
        "护送红卫兵而受伤住院的，不是几百，而是成千上万。全国各省我都摸过，受伤的很多。当然也有生",
        "气的，这是难免的，我就生过气嘛！解放军不是毛泽东思想武装起来，林副统帅八年来搞活学活用毛",
        "主席著作，在用字上狼下功夫，能狗这样？所以毛主席讲：一发动这场史无前例的无产阶级文化大",
        "苹命，没有解放军行吗？你们对解放军要有足的认识，这不同于党内一小那个情况。",
        "戚本禹同志話",
        "核心是在斗争当中自然形成的，那个人自己以自己为核心，他最终还是成不了核心，要被历史所",
        "抛，能成为核心的，有出息的是那些理头苦干，虚謹慎的人，而不是争核心的人。核心是自然形成",
        "的，而且要长期的考验。你们指湖南《湘江风雷》要成为核心，必须要对立面的那一派叶做《工联》",
        "承认你们，《工联》不承认你们，你们就成不了核心。现在你们也成不了核心，所以你们要联合。",
        "愈是要打架，愈是提自己是坚定革命左派的都成不了左派。左派会有变化的，有的向右，有的向",
        "“左”，极左的就是向右靠了。",
    ]
    assert paragraphs(from_text("\n".join(lines))) == [
        "".join(lines[:4]),
        "".join(lines[5:]),
    ]
    # In a column of 20 characters, lines as short as that end one paragraph and open the
    # next.
    narrow = [
        "核心是在斗争当中自然形成的，那个人自己以自",
        "己为核心，他最终还是成不了核心，要被历史所",
        "抛弃。能成为核心的，是那些埋头苦干的人。",
        "愈是要打架，愈是提自己是坚定革命左派的",
        "都成不了左派。左派会有变化的，有的向右，",
        "有的向“左”，极左的就是向右靠了。",
    ]
    assert paragraphs(from_text("\n".join(narrow))) == [
        "".join(narrow[:3]),
        "".join(narrow[3:]),
    ]


def test_vertical_date_at_the_page_foot_is_furniture() -> None:
    text = "让我们共同期待吕梁教育的壮丽新篇。\n从“有学上”到“上好学” 3\n月12\n日\n"
    doc = from_text(text)
    noise = [b.text for _, b in doc.iter_blocks() if b.kind == "noise"]
    assert "".join(noise) == "3月12日"
    assert doc.articles[-1].title == "从“有学上”到“上好学”"


def test_explain_gives_a_reason_for_every_gap() -> None:
    doc = from_text(page(P1 + P2, "none"))
    assert len(doc.decisions) == len(P1) + len(P2) - 1
    assert all(d.reason for d in doc.decisions)
    assert [d.action for d in doc.decisions].count("break") == 1


# A paragraph typeset in a narrow column, to give the engine a column width to read.
LEAD = "国有企业是中国特色社会主义的重要物质基础和政治基础，肩负着经济责任、政治责任和社会责任。"


def column(texts: list[str], width: int, indent: str = "", blank: str = "") -> str:
    """Paragraphs typeset at `width` characters, first lines indented as OCR left them."""
    out: list[str] = []
    for text in texts:
        numbered = text[:1] in "一二（1" and "：" not in text[:12]
        lines = wrap(text, width, indent=0 if numbered else 2)
        if not numbered:
            lines[0] = indent + lines[0]
        out.extend(line + "\n" + blank for line in lines)
    return "".join(out)


RUNIN = "1、树立“党建+思维”：国有企业应将党建工作与企业生产经营深度融合，树立“党建+业务”等理念。"


def test_run_in_label_whose_colon_ends_a_full_line_stays_with_its_paragraph() -> None:
    page = column([LEAD, RUNIN, LEAD], 12)
    assert "1、树立“党建+思维”：\n" in page  # the colon closes the first line exactly
    doc = from_text(page)
    assert paragraphs(doc)[1] == RUNIN
    assert [(o.level, o.text) for o in doc.articles[0].outline] == [(1, "1、树立“党建+思维”")]


def test_run_in_label_wrapped_onto_the_next_line_keeps_its_outline_entry() -> None:
    page = column([LEAD, RUNIN, LEAD], 8)
    first = next(line for line in page.splitlines() if line.startswith("1、"))
    assert "：" not in first  # the label's colon is on the next line
    doc = from_text(page)
    assert paragraphs(doc)[1] == RUNIN
    assert [o.text for o in doc.articles[0].outline] == ["1、树立“党建+思维”"]


def test_heading_with_a_colon_before_an_indent_stripped_paragraph_stays_a_heading() -> None:
    heading = "一、理念革新：构建基层党建新思维"
    page = column([LEAD, heading, LEAD], 18)
    doc = from_text(page)
    assert [o.text for o in doc.articles[0].outline] == [heading]
    assert paragraphs(doc) == [LEAD, LEAD]


def test_heading_tail_before_an_indented_paragraph_is_rejoined() -> None:
    heading = "（二）从“单向灌输”到“双向互动”演进"
    page = column([LEAD, heading, LEAD], 11, indent="    ", blank="\n")
    assert "（二）从“单向灌输”到\n" in page
    doc = from_text(page)
    assert [o.text for o in doc.articles[0].outline] == [heading]
    assert paragraphs(doc) == [LEAD, LEAD]


def test_line_starting_like_a_number_inside_a_paragraph_continues_it() -> None:
    # 单一 wraps so that the next line starts "一，", which reads like a heading number.
    text = "部分国企基层思想政治工作方法单一，缺乏创新性和吸引力。一些企业仍然沿用传统方式。"
    page = column([LEAD, text, LEAD], 17, indent="    ")
    assert "\n一，" in page
    assert paragraphs(from_text(page)) == [LEAD, text, LEAD]


def test_indented_first_line_that_ends_a_sentence_early_continues_its_paragraph() -> None:
    # The first line is short by its kept indent, its half-width digits and an opening
    # quote carried to the next line, and ends "……".
    text = "从30公斤、150公斤，再到超过750公斤……“靠自己一点一滴摸索”，探出一条自主的技术路线。"
    page = column([LEAD, text, LEAD], 22, indent="\u3000\u3000", blank="\n")
    assert "750公斤……\n" in page
    assert paragraphs(from_text(page)) == [LEAD, text, LEAD]


def test_subhead_after_a_full_line_is_kept_apart_where_indents_are_kept() -> None:
    full = "如今，包括恒力在内的许多企业，正以发展新质生产力为目标，焕发新的生机。"
    page = column([LEAD, full], 18, indent="\u3000\u3000", blank="\n")
    page += "\n一“晶”聚链开新局\n\n" + column([LEAD], 18, indent="\u3000\u3000", blank="\n")
    assert page.count(full[-3:]) == 1 and "焕发新的生机。\n" in page  # the line is full
    doc = from_text(page)
    assert paragraphs(doc) == [LEAD, full, LEAD]
    assert [o.text for o in doc.articles[0].outline] == ["一“晶”聚链开新局"]


def test_indented_run_in_whose_colon_ends_the_line_goes_on_over_a_full_plain_line() -> None:
    text = "1、完善双向嵌入机制：在公司章程中明确党组织的法定地位，将思想政治要求纳入文化建设规划。"
    page = column([LEAD, text, LEAD], 12, indent="    ", blank="\n")
    assert "    1、完善双向嵌入机制：\n\n在公司章程中明确党组织的\n" in page
    doc = from_text(page)
    assert paragraphs(doc) == [LEAD, text, LEAD]
    assert [o.text for o in doc.articles[0].outline] == ["1、完善双向嵌入机制"]


SECOND = "思想政治工作能够激发员工的积极性和创造性，提升工作效率。在改革中，它凝聚人心、汇聚力量。"


def test_article_that_lost_its_indents_beside_one_that_kept_them() -> None:
    # Two articles OCR'd separately: one kept its indents, the other lost them, so its
    # paragraphs are told apart by their short first and last lines. Either may come first.
    texts = [LEAD, SECOND, LEAD, SECOND, LEAD]
    kept = column(texts, 16, indent="\u3000\u3000")
    stripped = column(texts, 16)
    end = "（作者单位：山西大学）\n"
    assert paragraphs(from_text(kept + end + stripped)) == texts * 2
    assert paragraphs(from_text(stripped + end + kept)) == texts * 2


def test_run_in_line_that_ends_a_sentence_at_the_line_end_goes_on() -> None:
    # The numbered line fills its column and ends "。": the paragraph goes on below it.
    text = "2、关注心理健康：员工面临的压力越来越大。因此，要关注员工的心理健康，开展心理健康讲座。"
    for indent in ("    ", "\u3000\u3000", ""):
        page = column([LEAD, text, LEAD], 22, indent=indent)
        assert f"{indent}2、关注心理健康：员工面临的压力越来越大。\n" in page
        doc = from_text(page)
        assert paragraphs(doc) == [LEAD, text, LEAD], indent
        assert [o.text for o in doc.articles[0].outline] == ["2、关注心理健康"]


def test_full_line_with_ocr_spaces_is_not_taken_for_a_new_paragraph() -> None:
    # OCR's spaces around "+" fill the printed line; without them it would look two
    # characters short, like a first line whose indent was stripped.
    text = (
        "实施“双培工程”，把业务骨干培养成党员、把党员培养成业务骨干。构建“理论培训+实践锻炼"
        "+导师带教”的培养体系，通过挂职锻炼、课题研究等方式提升党务干部的专业能力。"
    )
    page = column([LEAD, ocr_spaces(text), LEAD], 16)
    assert "业务骨干。\n构建“理论培训 + 实践锻炼 + 导师\n" in page
    assert paragraphs(from_text(page)) == [LEAD, text, LEAD]


def test_column_width_is_read_within_the_article() -> None:
    # A full line ending a sentence, then a full line going on, near the end of an article
    # set narrower than the next one: measured against the next article's column, the
    # second line would look short and start a paragraph.
    text = (
        "创新是国有企业基层党建思想政治工作发展的动力源泉。在新时代，国有企业应充分认识到基层"
        "党建思想政治工作的重要性，积极探索创新路径，为国有企业的高质量发展提供坚强的政治保障"
        "和思想支撑。只有这样，国有企业才能在激烈的市场竞争中立于不败之地，为国家经济建设做出"
        "更大的贡献。"
    )
    for narrow, wide in ((13, 17), (23, 27)):
        first = column([LEAD, text], narrow)
        assert "思想支撑。\n只有这样" in first
        page = first + "（作者单位：山西大学）\n" + column([SECOND, LEAD, SECOND, LEAD], wide)
        assert paragraphs(from_text(page)) == [LEAD, text, SECOND, LEAD, SECOND, LEAD], narrow


# A news piece in a 16-character column, indents stripped, as the cases below print it.
NEWS = [
    "春耕备耕正当时",
    "新华社记者 王五 赵六",
    "眼下正是春耕备耕的关键时节，三晋",
    "大地处处涌动着春耕热潮。农机手们驾驶着",
    "拖拉机来回穿梭，旋耕、施肥、播种一气",
    "呵成。",
]


def test_running_head_over_several_lines_is_furniture() -> None:
    # The page number and the section name beside it come out a line each.
    head = ["山西日报", "2025年3月12日 星期三", "3", "要闻"]
    doc = from_text("\n".join([*head, *NEWS]) + "\n")
    noise = [b.text for _, b in doc.iter_blocks() if b.kind == "noise"]
    assert noise == head
    assert [a.title for a in doc.articles] == ["春耕备耕正当时"]


def test_kicker_title_and_subtitle_each_take_a_line() -> None:
    for blank in ("\n", "\n\n"):
        head = ["深化“放管服”改革", "让群众办事更便捷", "——我市政务服务改革见闻"]
        doc = from_text(blank.join(["2025年3月12日 星期三", "3", "要闻", *head, *NEWS[1:]]) + "\n")
        art = doc.articles[0]
        assert (art.kicker, art.title, art.subtitle) == tuple(head), repr(blank)
        assert art.byline == "新华社记者 王五 赵六"
        assert paragraphs(doc) == ["".join(NEWS[2:])]


def test_photo_caption_runs_to_its_credit_and_stays_inside_its_article() -> None:
    caption = ["图为农机手在田间作业。", "本报记者 李四 摄"]
    doc = from_text("\n".join([*NEWS, *caption, *NEWS[2:]]) + "\n")
    assert len(doc.articles) == 1
    assert [b.kind for b in doc.articles[0].blocks] == ["paragraph", "caption", "paragraph"]
    assert doc.articles[0].blocks[1].text == "图为农机手在田间作业。本报记者 李四 摄"
    # Wrapped, the caption goes on to its credit.
    caption = ["图为农机手在田间", "作业。 本报记者 李", "四 摄"]
    doc = from_text("\n".join([*NEWS, *caption, *NEWS[2:]]) + "\n")
    assert [b.kind for b in doc.articles[0].blocks] == ["paragraph", "caption", "paragraph"]


def test_photo_credit_alone_is_a_caption_not_a_byline() -> None:
    for credit in ("本报记者 李四 摄", "（张三 摄）", "王五/摄", "新华社记者 王五 供图"):
        doc = from_text("\n".join([*NEWS, credit]) + "\n")
        assert len(doc.articles) == 1, credit
        assert kinds(doc)[-1] == ("caption", credit)


def test_mid_sentence_line_starting_with_tu_wei_is_text() -> None:
    # The line before 图为 fills its column, as the lines around it do: a short one there
    # would end its paragraph, its full stop lost (lost_stop).
    body = ["在会上，县农业农村局的技术员以下", "图为例作了说明，大家一致认为方案可行，"]
    doc = from_text("\n".join([*NEWS[:3], *body, "值得推广。"]) + "\n")
    assert paragraphs(doc) == ["".join([*NEWS[2:3], *body, "值得推广。"])]


def test_lead_dateline_on_its_own_line_opens_the_first_paragraph() -> None:
    lead = ["新华社太原3月11日电", "（记者 王五 赵六）眼下正是春耕备耕", "的关键时节。"]
    doc = from_text("\n".join([*NEWS[:2], *lead]) + "\n")
    assert kinds(doc)[-1] == ("paragraph", "".join(lead))
    closing = ["呵成。", "新华社太原3月11日电"]
    doc = from_text("\n".join([*NEWS[:5], *closing]) + "\n")
    assert kinds(doc)[-1] == ("dateline", "新华社太原3月11日电")


def test_notice_after_another_notice_is_an_article_of_its_own() -> None:
    text = [
        "减 资 公 告",
        "经本公司股东会决议，本公司注册资本由",
        "1000万元减少至500万元。特此公告。",
        "遗失声明",
        "张某某不慎遗失山西",
        "某某学校毕业证书一本，",
        "编号为2010123456，特此",
        "声明。",
    ]
    doc = from_text("\n".join(text) + "\n")
    assert [a.title for a in doc.articles] == ["减资公告", "遗失声明"]
    # Its column is read from its own few lines, not from the wider one above.
    assert doc.articles[1].blocks[0].text == "".join(text[4:])


def test_heading_wraps_onto_a_tail_with_a_comma_where_blank_lines_mark_paragraphs() -> None:
    heading = ["二、以数字化转型为牵", "引，全面提升基层治理水平"]
    body = column([LEAD], 12)
    text = "\n".join(heading) + "\n\n" + body + "\n" + body
    doc = from_text(text)
    assert doc.articles[0].outline[0].text == "".join(heading)


@pytest.mark.parametrize("blank", ["", "\n"])
def test_long_heading_wraps_over_three_full_lines_where_indents_were_stripped(blank: str) -> None:
    # Ten characters a line: the heading's middle line has a comma and fills the column;
    # a paragraph's first line, its indent stripped, would fall two characters short.
    heading = "二、以数字化转型为牵引，全面提升基层治理的精细化和智能化水平"
    page = column([LEAD, heading, LEAD], 10, blank=blank)
    assert "二、以数字化转型为牵\n" + blank + "引，全面提升基层治理\n" in page
    doc = from_text(page)
    assert [o.text for o in doc.articles[0].outline] == [heading]
    assert paragraphs(doc) == [LEAD, LEAD]


def test_subhead_one_character_short_of_a_narrow_column_stands_alone() -> None:
    # Ten characters a line: the subhead takes nine. A line inside a paragraph would fill
    # the column, and the indent-stripped first line after it is two characters short.
    subhead = "一“丝”成链酿新机"
    page = column([LEAD, subhead, LEAD, LEAD], 10)
    assert "\n" + subhead + "\n" in page
    doc = from_text(page)
    assert paragraphs(doc) == [LEAD, LEAD, LEAD]
    assert [o.text for o in doc.articles[0].outline] == [subhead]


def test_a_full_heading_line_before_a_first_line_with_narrow_quotes_ends_the_heading() -> None:
    # The first line holds quotes: taken two cells wide it would look full.
    heading = "（一）完善责任传导机制"
    text = "建立“三级责任清单”，明确党委主体责任、书记第一责任、班子成员“一岗双责”的具体内容。"
    set_narrow = "".join(line + "\n" for line in wrap(text, 11, indent=2, narrow_quotes=True))
    page = column([LEAD, heading], 11) + set_narrow + column([LEAD], 11)
    assert "\n建立“三级责任清单”，\n" in page  # full, with quotes two cells wide
    doc = from_text(page)
    assert [o.text for o in doc.articles[0].outline] == [heading]
    assert paragraphs(doc) == [LEAD, text, LEAD]


def test_editors_note_and_lead_open_a_paragraph_even_after_a_full_line() -> None:
    # Both paragraphs before them end a sentence at a full line: only the words tell.
    lines = [
        "眼下正是春耕备耕的关键时节，三晋大地处",
        "处涌动着春耕热潮，田间地头一片繁忙。",
        "编者按：春耕生产关系全年粮食丰收。本报",
        "今起推出系列报道，记录各地的好做法。",
        "新华社太原3月11日电（记者 王五）农机手",
        "们驾驶着拖拉机来回穿梭，一片繁忙景象。",
    ]
    doc = from_text("\n".join(lines) + "\n")
    assert paragraphs(doc) == ["".join(lines[k : k + 2]) for k in (0, 2, 4)]


def test_commentator_byline_names_nobody() -> None:
    doc = from_text("\n".join(["让改革红利更多惠及群众", "□ 本报评论员", *NEWS[2:]]) + "\n")
    art = doc.articles[0]
    assert (art.title, art.byline) == ("让改革红利更多惠及群众", "□ 本报评论员")


def test_kicker_and_title_over_a_lead_each_take_a_line() -> None:
    # Indents kept: neither headline line is indented, so the indents do not tell.
    head = ["助力乡村振兴", "“三晋英才”专家服务基层"]
    lead = ["\u3000\u3000本报讯 近日，“三晋英才”专家服务基层", "活动在吕梁启动。"]
    body = ["\u3000\u3000" + NEWS[2], *NEWS[3:]]
    for sep in ("\n", "\n\n"):
        art = from_text(sep.join([*body, "（记者 王五）", *head, *lead]) + "\n").articles[-1]
        assert (art.kicker, art.title) == tuple(head), repr(sep)


def test_spread_names_in_a_byline_are_closed_up() -> None:
    # Two-character names are spread to line up with three-character ones.
    for byline, clean in (
        ("本报记者 张三 李 四", "本报记者 张三 李四"),
        ("□ 赵 婷", "□ 赵婷"),
        ("本报记者 赵 婷 王 五", "本报记者 赵婷 王五"),
        ("新华社记者 刘亢 蒋芳 杨绍功", "新华社记者 刘亢 蒋芳 杨绍功"),
    ):
        doc = from_text("\n".join([NEWS[0], byline, *NEWS[2:]]) + "\n")
        assert doc.articles[0].byline == clean


def test_photo_caption_under_a_title_or_heading_stands_apart() -> None:
    caption = ["图为农机手在田间作业。", "本报记者 李四 摄"]
    for above in (NEWS[0], "一、春耕生产"):
        doc = from_text("\n".join([above, *caption, *NEWS[2:]]) + "\n")
        captions = [b.text for _, b in doc.iter_blocks() if b.kind == "caption"]
        assert captions == ["".join(caption)], above


def test_stripped_first_line_ending_a_sentence_is_told_by_the_full_line_after_it() -> None:
    # The second paragraph's first line, two characters short, ends a sentence exactly
    # at its line end, just as a last line would; the full line after it says it is first.
    p1 = ["国有企业是中国特色社", "会主义的重要物质基础和政", "治基础，肩负着经济责任。"]
    p2 = ["全省春耕进展很顺利。", "农机手们驾驶着拖拉机来回", "穿梭，一片繁忙景象。"]
    # The same with its full stop hanging past the column: one character short, not two.
    p3 = ["全省春耕进展非常顺利。", *p2[1:]]
    for second in (p2, p3):
        for sep in ("\n", "\n\n"):
            doc = from_text(sep.join(p1 + second + p1) + "\n")
            assert paragraphs(doc) == ["".join(p1), "".join(second), "".join(p1)], repr(sep)


# A paragraph in a 12-character column, its indent kept as full-width spaces.
INDENTED = [
    "\u3000\u3000国有企业是中国特色社",
    "会主义的重要物质基础和政",
    "治基础，肩负着经济责任。",
]


def test_subhead_where_indents_were_kept_needs_to_be_only_a_little_short() -> None:
    # Where paragraphs keep their indents, a line that is not indented, follows a sentence
    # end and carries no punctuation is not a paragraph's last line (that would end with
    # a mark) nor one of its full middle lines: a short one is a subhead.
    subhead = "一“丝”成链酿新机"  # 18 cells in a column of 24
    doc = from_text("\n".join([*INDENTED, subhead, *INDENTED]) + "\n")
    assert [o.text for o in doc.articles[0].outline] == [subhead]


def test_unpunctuated_line_before_a_byline_is_not_a_paragraph_end() -> None:
    # Indents kept; a title printed after its body, one character short of the column:
    # its width does not tell, but a paragraph's last line would end with a mark.
    title = "国有企业的责任与担当论"  # 11 characters in a column of 12
    doc = from_text("\n".join([*INDENTED, *INDENTED, title, "□ 张三"]) + "\n")
    assert doc.articles[-1].title == title
    assert paragraphs(doc) == ["".join(INDENTED).lstrip("\u3000")] * 2


@pytest.mark.parametrize(
    ("layout", "reading"),
    [
        (
            Layout(blank="none", indent="fullwidth"),
            "no blank lines; indents kept; quotes two cells wide",
        ),
        (
            Layout(blank="paragraph", indent="stripped", narrow_quotes=True),
            "blank lines between paragraphs; indents stripped; quotes one cell wide",
        ),
        (
            Layout(blank="every", indent="ascii", width=24),
            "a blank line after every line; indents kept; quotes two cells wide",
        ),
        (
            Layout(blank="none", indent="stripped", width=14, by_characters=True),
            "no blank lines; indents stripped; lines wrapped by a count of characters",
        ),
    ],
)
def test_the_document_says_how_its_page_was_read(layout: Layout, reading: str) -> None:
    gold = load_gold(seed_names()[1])
    doc = from_text(render(gold, layout).decode(layout.encoding))
    assert doc.source.reading == reading


BODY = [
    "近年来，我省持续深化基层治理改革，推出了一批便民利民举措，群",
    "众办事更加方便快捷。但也要看到，一些地方仍存在办事环节多、材",
    "料要求繁的问题。",
]


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
@pytest.mark.parametrize(
    ("head", "kicker"),
    [
        # The first line ends inside a phrase (…的): one title over two lines.
        (["坚持以人民为中心的", "发展思想推动基层治理现代化"], None),
        # ...or inside the quotes it opened.
        (["让“绿水青山", "就是金山银山”理念深入人心"], None),
        # A kicker is a whole phrase: it keeps its line.
        (["春风化雨润心田", "基层治理现代化的吕梁实践"], "春风化雨润心田"),
    ],
)
def test_a_headline_wrapped_over_two_lines(blank: str, head: list[str], kicker: str | None) -> None:
    title = head[1] if kicker else "".join(head)
    for after in (["□ 本报记者 张三"], []):
        doc = from_text(blank.join([*head, *after, *BODY]))
        (article,) = doc.articles
        assert (article.kicker, article.title) == (kicker, title)
        assert paragraphs(doc) == ["".join(BODY)]


def test_a_subhead_wrapped_over_two_lines_between_paragraphs() -> None:
    lines = [*BODY, "老区教育的", "新变化", *BODY]
    doc = from_text("\n".join(lines))
    (article,) = doc.articles
    assert [(o.level, o.text) for o in article.outline] == [(1, "老区教育的新变化")]
    assert paragraphs(doc) == ["".join(BODY)] * 2


# Paragraphs set 16 characters wide, indents stripped, blank lines between paragraphs.
STRAY = [
    "国有企业是中国特色社会主义的重要",
    "物质基础和政治基础，是党执政兴国的",
    "重要支柱和依靠力量。",
    "",
    "思想政治工作是经济工作和其他一切",
    "",  # OCR's blank where the paragraph goes on past a column
    "工作的生命线，是国有企业的独特优势",
    "和传家宝，必须毫不动摇地坚持好发展",
    "好。",
    "",
    "一、思想政治工作在国有企业中的重要",
    "",
    "性",
    "",
    "新时代国有企业改革发展任务艰巨，",
    "员工思想观念日益多元，做好思想政治",
    "工作尤为重要。",
    "",
    "春风化雨润心田",
    "",
    "基层党组织的书记们把工作做到班组、",
    "做到岗位，做到每一名员工的心坎上。",
]


def test_a_blank_line_inside_a_paragraph_or_a_heading_is_read_past() -> None:
    doc = from_text("\n".join(STRAY))
    (article,) = doc.articles
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", "".join(STRAY[0:3])),
        ("paragraph", "".join(STRAY[4:9])),
        ("heading", "一、思想政治工作在国有企业中的重要性"),
        ("paragraph", "".join(STRAY[14:17])),
        # A subhead before a blank line stays one: the line after it is a first line.
        ("heading", "春风化雨润心田"),
        ("paragraph", "".join(STRAY[20:])),
    ]
    reasons = explain(doc)
    assert "the paragraph goes on past it" in reasons


def test_a_page_without_blank_lines_but_ocr_s_few_is_read_as_none() -> None:
    # No blank lines between paragraphs (indents stripped): the few there are fall after
    # lines that end mid-sentence, where paragraphs go on past a column.
    page = [line for line in STRAY[:17] if line] * 2
    with_blanks = []
    for k, line in enumerate(page):
        with_blanks.append(line)
        if k in (3, 16):  # after 思想政治工作是经济工作和其他一切, 员工思想观念…思想政治
            with_blanks.append("")
    doc = from_text("\n".join(with_blanks))
    assert doc.source.reading.startswith("no blank lines")
    assert [b.text for _, b in doc.iter_blocks()] == [
        b.text for _, b in from_text("\n".join(page)).iter_blocks()
    ]
    assert "".join(STRAY[4:9]) in paragraphs(doc)


def test_where_indents_were_kept_a_blank_line_before_an_unindented_line_is_read_past() -> None:
    lines = [
        "\u3000\u3000国有企业是中国特色社会主义的重要物",
        "质基础和政治基础，是党执政兴国的支柱。",
        "",  # OCR's blank: the next line has no indent, so the paragraph goes on
        "必须做强做优做大国有企业，发挥好作用",
        "和优势。",
        "",
        "\u3000\u3000思想政治工作是经济工作和其他一切",
        "工作的生命线，是国有企业的独特优势。",
        "",
        "\u3000\u3000春风化雨润心田",
        "",
        "\u3000\u3000基层党组织的书记们把工作做到班组，",
        "做到岗位，做到每一名员工的心坎上。",
    ]
    doc = from_text("\n".join(lines))
    assert paragraphs(doc) == [
        "".join(lines[0:5]).strip("\u3000"),
        "".join(lines[6:8]).strip("\u3000"),
        "".join(lines[11:]).strip("\u3000"),
    ]


def test_a_latin_full_stop_ends_a_sentence_but_an_abbreviation_does_not() -> None:
    from reader.core.lines import content_lines

    lines = content_lines(
        ["the dedicatory address was given by Mr.", "Roosevelt in St. Louis.", "A parade"]
    )
    assert list(lines.ends) == [False, True, False]


def test_a_short_line_ending_in_a_colon_or_a_bracketed_note_stands_apart() -> None:
    """Were the sentence going on, the line would be full: a speaker's name over what he
    said, and a source note under a quotation, each end where they are, punctuation or
    none (the note, saying when it was said, is the quotation's end matter). A full line
    ending in a colon goes on."""
    lines = [
        "陶铸还是可以的。",
        "周总理：",
        "陶铸的错误之一就是他在接见中南地区的一次会",
        "上说，除了主席和林副主席以外，都可以怀疑。",
        "（1957年4月，一次干部会上报告）",
        "党的领导，主要是政治领导，业务上不能瞎指挥，",
        "他在会议结束的时候又一次对大家强调指出：",
        "要把群众发动起来，这是最要紧的一件事情。",
    ]
    doc = from_text("\n".join(lines))
    assert [b.kind for _, b in doc.iter_blocks()][3] == "end"
    assert [b.text for _, b in doc.iter_blocks()] == [
        "陶铸还是可以的。",
        "周总理：",
        "陶铸的错误之一就是他在接见中南地区的一次会上说，除了主席和林副主席以外，都可以怀疑。",
        "（1957年4月，一次干部会上报告）",
        "党的领导，主要是政治领导，业务上不能瞎指挥，他在会议结束的时候又一次对大家强调指出："
        "要把群众发动起来，这是最要紧的一件事情。",
    ]


def test_a_group_of_short_unpunctuated_lines_ends_before_the_text() -> None:
    """A masthead's or headline's lines, each short and none punctuated, are no
    paragraph's: the full line after them starts the text, punctuation or none."""
    lines = [
        "首都红卫兵代表大会主办",
        "第十七期",
        "一九六七年四月二十七日",
        "一场冲刷几千年旧世界污泥浊水的暴风骤雨，正",
        "在我们伟大祖国的土地上降临，这是前人没有见",
        "过的世面。",
        "这是一场史无前例的阶级斗争，我们在大风大浪",
        "里前进。",
    ]
    blocks = [b.text for _, b in from_text("\n".join(lines)).iter_blocks()]
    assert blocks[-2:] == [
        "一场冲刷几千年旧世界污泥浊水的暴风骤雨，正在我们伟大祖国的土地上降临，这是前人没有见"
        "过的世面。",
        "这是一场史无前例的阶级斗争，我们在大风大浪里前进。",
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        "=====第2页=====",
        "www.laobaozhi.com",
        "http://example.cn/p?id=3",
        "++++++++++++",
        "————————",
        "- 2 -",
        "Page 12",
        "* * *",
    ],
)
def test_rules_page_markers_and_web_addresses_are_page_furniture(furniture: str) -> None:
    """A line that is no text of the page (a rule, a page marker written between pages, a
    seller's web address) is page furniture, whatever stands around it."""
    lines = [
        "为进一步做好安全生产工作，切实保障人民群众生",
        "命财产安全，现将有关事项通知如下。",
        furniture,
        "各单位要加强节日期间值班，确保信息畅通，发",
        "现问题及时报告，不得迟报漏报瞒报。",
    ]
    blocks = [(b.kind, b.text) for _, b in from_text("\n".join(lines)).iter_blocks()]
    assert ("noise", furniture) in blocks
    assert [t for k, t in blocks if k == "paragraph"] == [
        "为进一步做好安全生产工作，切实保障人民群众生命财产安全，现将有关事项通知如下。",
        "各单位要加强节日期间值班，确保信息畅通，发现问题及时报告，不得迟报漏报瞒报。",
    ]


@pytest.mark.parametrize("text", ["——", "——本报评论员", "第2页的内容见下", "-2.5%的增长"])
def test_a_dash_or_a_page_number_inside_text_is_no_furniture(text: str) -> None:
    blocks = [b.kind for _, b in from_text(text + "\n").iter_blocks()]
    assert "noise" not in blocks


def test_a_numbered_line_that_runs_on_is_a_paragraph_where_the_page_numbers_paragraphs() -> None:
    """OCR dropped the full stop of item 2, whose first line is short of the column by
    jitter alone: its text runs on, commas and all, past any heading's length, and the
    page numbers its paragraphs in that style (item 1 holds a full stop), so it is one."""
    lines = [
        "为进一步做好安全生产工作，切实保障人民群众生",
        "命财产安全，现将有关事项通知如下：",
        "1.各单位要加强节日期间值班，确保信息畅通。",
        "2.会议决定，各单位在本月底前完成自查并将结",
        "果报送办公室，逾期不报的将予以通报批评",
        "3.加强宣传教育，提高全体职工的安全意识和自",
        "我防护能力，确保全年安全生产无事故。",
    ]
    blocks = [(b.kind, b.text) for _, b in from_text("\n".join(lines)).iter_blocks()]
    assert blocks[1:] == [
        ("paragraph", lines[2]),
        ("paragraph", lines[3] + lines[4]),
        ("paragraph", lines[5] + lines[6]),
    ]


def test_every_decision_names_a_registered_rule_and_explain_prints_its_id() -> None:
    """Decisions are rules, not prose: each one is in the table with its reason in both
    languages, so reasons can be counted and shown in the reader's language."""
    from collections import Counter

    from reader.core import rules

    counts: Counter[str] = Counter()
    for name in seed_names():
        doc = from_text(render(load_gold(name), Layout(width=18, blank="none")).decode())
        for d in doc.decisions:
            assert rules.RULES[d.rule.id] is d.rule
            counts[d.rule.id] += 1
        assert all(f"[{d.rule.id}]" in line for d, line in zip(
            doc.decisions, explain(doc).splitlines()[1:], strict=True
        ))  # fmt: skip
    # The page's ordinary join and the commonest breaks are there, counted by id.
    assert counts["mid_sentence"] > counts["short_ends_sentence"] > 0


def test_a_line_wider_than_its_column_ends_its_block() -> None:
    """A masthead's publisher line or a headline runs across the columns below it, wider
    than any line of them: it is no line of the paragraph that follows."""
    lines = [
        "江苏省无产阶级革命派联合委员会江苏简讯编辑组编印",
        "混进党里、政府里、军队里和各种文化界的资产",
        "阶级代表人物，是一批反革命的修正主义分子，",
        "一旦时机成熟，他们就会要夺取政权。",
        "我们一定要提高警惕，把无产阶级文化大革命进",
        "行到底，决不让他们的阴谋得逞。",
    ]
    blocks = [b.text for _, b in from_text("\n".join(lines)).iter_blocks()]
    assert blocks[0] == lines[0]
    assert blocks[1] == "".join(lines[1:4])


def test_a_split_line_names_its_rule_whatever_its_parts_hold() -> None:
    """A jump marker in front of a numbered heading: the split between them is a rule
    too (found by the property tests: a split before a heading had no rule)."""
    doc = from_text("（上接1版）一、图为\n")
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()] == [
        ("jump", "（上接1版）"),
        ("heading", "一、图为"),
    ]
    assert [d.rule.id for d in doc.decisions] == ["split_heading"]


def test_a_hyphen_alone_on_its_line_breaks_no_word() -> None:
    # Found by the property test: "a", "-", "a" came out as "aa", the hyphen taken for a
    # word broken at the end of "a-".
    assert join_all(["a", "-", "a"]) == "a-a"
    assert join_all(["The co-", "operative", "-", "society"]) == "The cooperative-society"
    assert join_all(["one¬", "word"]) == "oneword"


@pytest.mark.parametrize(
    ("line", "speaker"),
    [("康生：", True), ("姚文元：", True), ("他说：", False), ("同志们：", False)],
)
def test_a_speakers_name_after_a_full_line_opens_what_was_said(line: str, speaker: bool) -> None:
    """Page 08: speeches quoted one after another, each under its speaker's name and a
    colon on a line of its own. After a full line that ends a sentence, the name opens
    the next speech; a line that ends the sentence before (他说：, 同志们：) does not."""
    lines = [
        "我们对他善意批评，他耍两面派，这是非常恶劣的，这是",
        "特务活动！我们一定要把他的问题彻底揭发出来，决不手软。",
        line,
        "关于陶铸，我讲两句话。伯达同志讲了，他坚持资产阶",
        "级反动路线，继续推行刘、邓反动路线，这不是偶然的。",
    ]
    blocks = kinds(from_text("\n".join(lines)))
    if speaker:
        assert blocks == [
            ("paragraph", "".join(lines[:2])),
            ("heading", line),
            ("paragraph", "".join(lines[3:])),
        ]
    else:
        assert ("heading", line) not in blocks
        assert blocks[0][1].startswith("".join(lines[:2]) + line)


def test_headline_groups_with_no_text_between_are_the_decks_of_one_headline() -> None:
    """A title and its subtitle, then two more lines in display type, then the story
    (the English ALTO page's CO BIG HARBOR TIEUP- / ARBITRATION ACCEPTED. / Independent
    Towing Companies / Will Lay Off 150 Craft.): one article, titled by the first deck,
    not a headline without a story before the story under the last two decks."""
    from reader.core.kinds import BlockKind as K
    from reader.core.model import Block
    from reader.core.segment import build_articles

    blocks = [
        Block(K.STANDALONE, "BIG HARBOR TIEUP", 0, 0, display=True),
        Block(K.SUBTITLE, "ARBITRATION ACCEPTED.", 1, 1),
        Block(K.STANDALONE, "Independent Towing Companies", 2, 2, display=True),
        Block(K.STANDALONE, "Will Lay Off 150 Craft.", 3, 3, display=True),
        Block(K.PARAGRAPH, "The general tieup of craft will not take place to-day.", 4, 4),
        Block(K.PARAGRAPH, "A conference was held yesterday afternoon.", 5, 5),
    ]
    [article] = build_articles(blocks)
    assert article.title == "BIG HARBOR TIEUP"
    assert [b.kind for b in article.head] == [K.TITLE, K.SUBTITLE, K.SUBTITLE, K.SUBTITLE]
    assert len(article.blocks) == 2
    # Two items' titles, each naming who said what follows, stay two items.
    quotes = [
        Block(K.STANDALONE, "毛主席语录", 0, 0, display=True),
        Block(K.STANDALONE, "林彪同志语录", 1, 1, display=True),
        Block(K.PARAGRAPH, "要特别警惕象赫鲁晓夫那样的个人野心家和阴谋家。", 2, 2),
    ]
    assert len(build_articles(quotes)) == 2


def test_an_archives_plain_text_mends_words_broken_without_their_hyphen() -> None:
    """Archives' plain text (Chronicling America's OCR text) takes the hyphen out of a
    word broken at a line end: Har / bor. The page prints harbor whole elsewhere and
    never har alone, so the two parts are one word; in / to stay two, though the page
    prints into, for it prints in alone too."""
    from reader.core.text import whole_words

    page = [
        "The general tieup of craft in the Har",
        "bor will not take place, the harbor men said in",
        "to the night. A con",
        "ference was held in the great conference room.",
    ]
    whole = whole_words([*page, "the men went into the harbor at night"])
    assert "harbor" in whole and "har" not in whole and "in" in whole
    assert join_all(page[:2], whole=whole).startswith(
        "The general tieup of craft in the Harbor will"
    )
    assert "said in to the night" in join_all(page[1:3], whole=whole)
    assert "A conference was held" in join_all(page[2:], whole=whole)
    # A word of one letter is a word: a / long stays two though the page prints along.
    assert join_all(["There is a", "long way to go"], whole=whole | {"along"}) == (
        "There is a long way to go"
    )
    assert join_all(page[:2]).count("Har bor") == 1  # without the page's words: as printed


@pytest.mark.skipif(not TRIBUNE_TEXT.is_file(), reason="the English plain page is not here")
def test_an_english_line_the_next_one_continues_never_stands_alone() -> None:
    """The 1903 page's plain text: a line that falls short of its column without a stop
    stood alone, a title's rule, though the next line starts in lower case (Intend to /
    fight.) or it ends with the (…Association for the / Protection…)."""
    doc = from_bytes(TRIBUNE_TEXT.read_bytes(), "tribune.txt")
    paragraphs = [b.text for _a, b in doc.iter_blocks()]
    assert any(
        p.startswith(
            "The independent towing companies Intend to fight. A meeting of the "
            "Association for the Protection of Commerce of the Port of New-York was held"
        )
        for p in paragraphs
    )
    assert not any(p == "fight." or p.startswith("fight. A meeting") for p in paragraphs)
    # Words the archive's text broke without their hyphen, printed whole elsewhere.
    assert any("New-York Harbor that has been threatened" in p for p in paragraphs)
    assert any("A conference was held yesterday afternoon" in p for p in paragraphs)


def test_a_paragraph_set_apart_after_a_full_stop_is_kept_though_it_opens_in_lower_case() -> None:
    """No English paragraph opens with a word in lower case, so such a line goes on from
    the one before: but not where the page sets it apart as a paragraph's first line,
    after a sentence's end (a name such as de Gaulle, indented), nor a list's a)."""
    text = (
        "    The board heard the plan from the engineers of the harbor, and the men\n"
        "who had come from the piers to hear it, and they left without a vote.\n"
        "    de Gaulle spoke next, and the engineers of the harbor listened to him\n"
        "for an hour, and then they went home, and nothing was said of it.\n"
        "    The vote was put off until the spring, when the river would be open\n"
        "again, and the boats could come and go as they had done before it.\n"
    )
    doc = from_text(text)
    assert len(paragraphs(doc)) == 3
    assert paragraphs(doc)[1].startswith("de Gaulle spoke next")
    # A list's letter in lower case is no word going on: a) opens its own paragraph.
    text = text.replace("    de Gaulle spoke next", "    a) the engineers spoke next")
    assert paragraphs(from_text(text))[1].startswith("a) the engineers spoke next")


@pytest.mark.parametrize("spend", [False, True])
def test_the_blocks_are_the_same_whether_the_lines_texts_are_let_go_or_not(
    monkeypatch: pytest.MonkeyPatch, spend: bool
) -> None:
    """A caller done with the lines lets reflow drop their texts as their blocks are made
    (here a line at a time); the blocks are the same, and without `spend` the lines are
    left as they were."""
    from reader.core import reflow as engine
    from reader.core.document import split_source_lines
    from reader.core.lines import content_lines

    monkeypatch.setattr(engine, "SPEND_EVERY", 1)
    text = "\n".join(
        render(load_gold(name), Layout(width=14), seed=3).decode("utf-8") for name in seed_names()
    )
    lines = content_lines(split_source_lines(text))
    kept = list(lines.text)
    blocks, _decisions, _reading = engine.reflow(lines, spend=spend)
    again, _decisions, _reading = engine.reflow(content_lines(split_source_lines(text)))
    assert blocks == again
    if spend:
        assert not any(lines.text[: len(kept) // 2])
        # A block of one line holds a copy of its line, not the line's own string.
        alone = [b.text for b in blocks if b.text in kept and len(b.text) > 1]
        assert alone and not any(text is line for text in alone for line in kept)
    else:
        assert list(lines.text) == kept
