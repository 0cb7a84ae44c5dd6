"""What the bulletins of the real pages (tests/data/real) print around their text, read
as plain text: issue and publisher lines beside a masthead, letters signed with a date in
Chinese numerals, bylines that name a team. Lines as a plain export gives them, indents
stripped."""

from __future__ import annotations

import pytest

from reader.core.document import from_text
from reader.core.kinds import BlockKind
from reader.core.lines import is_date, is_issue_line
from reader.core.model import Document


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for a in doc.articles for b in a.all_blocks()]


def rules(doc: Document) -> dict[int, str]:
    """The rule that decided before each line (by its source line)."""
    return {d.line + 1: d.rule.id for d in doc.decisions}


@pytest.mark.parametrize(
    "line",
    [
        "第十七期",
        "第8期本期4版",
        "（注意保存）",
        "今日四版",
        "1967年5月6日星期六第二版",
        "夏历丁未年八月十六日",
        "要一口第33期",  # the OCR misread the characters before the issue number
        "忠54号",  # 第 misread
        "第53号1968年9月25日星期三（下年西路）",
        "首都中等学校红卫兵代表大会主办",
        "浙江省革命造反联合总指挥部红色风暴编辑部编印",
        "镇江市革命委员会机关报",
        "内部春考",  # 内部参考, one character misread
    ],
)
def test_issue_and_publisher_lines(line: str) -> None:
    assert is_issue_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "一九六七年四月十八日",  # a bare date may sign a letter
        "第三期培训班开学",
        "太原地铁2号",  # a title's first line, cut after a number
        "三个星期的战斗",
        "大会首先由第三期学员代表发言，他们说：",
        "内部矛盾",  # two characters from 内部参考
    ],
)
def test_not_issue_lines(line: str) -> None:
    assert not is_issue_line(line)


# Page 01: a quotation box, then the masthead's lines, then the quotation's own text.
MASTHEAD = [
    "毛主席语录",
    "首都中等学校红卫兵代表大会主办",
    "第十七期",
    "一九六七年四月二十七日",
    "星期四",
    "你们要关心国家大事，要",
    "把无产阶级文化大革命进行到",
    "底。",
]


def test_a_bulletins_issue_lines_are_furniture_where_they_stand() -> None:
    doc = from_text("\n".join(MASTHEAD))
    assert (
        kinds(doc)[1:]
        == [
            ("noise", "首都中等学校红卫兵代表大会主办"),
            ("noise", "第十七期"),
            ("noise", "一九六七年四月二十七日"),  # a date beside them is theirs
            ("noise", "星期四"),
            ("paragraph", "".join(MASTHEAD[5:])),
        ]
    )
    assert [rules(doc)[k] for k in range(2, 6)] == ["noise_alone"] * 4


def test_a_title_after_the_issue_lines_opens_an_article() -> None:
    lines = [
        "从现在起，五十年内外到一百年内外，是世界",
        "上社会制度彻底变化的伟大时代。",
        "上海大专院校红代会上海中等学校红代会联合主办",
        "1969年1月7日星期二",
        "社论",
        "迎接您，光辉灿烂的九大",
        "历史的长河汹涌澎湃，革命的巨流滚滚向前。紧跟伟大领袖毛主席奋",
        "勇前进的中国人民，迎来了光辉灿烂的一九六九年。",
    ]
    doc = from_text("\n".join(lines))
    assert [b.kind for b in doc.articles[0].blocks] == ["paragraph", "noise", "noise"]
    assert doc.articles[1].head[0].text == "社论"


def test_a_letter_signed_with_a_date_in_chinese_numerals() -> None:
    lines = [
        "我们一定要把无产阶级文化大革命进行到底，踏上",
        "一只脚叫它永世不得翻身绝不罢休！",
        "师大女附中《坚持真理》战斗组",
        "一九六七年四月十八日",
    ]
    assert is_date(lines[3])
    doc = from_text("\n".join(lines))
    assert kinds(doc)[-2:] == [("end", lines[2]), ("end", lines[3])]


@pytest.mark.parametrize(
    "byline", ["《杭州工人》《红色风暴》调查组", "《人民日报》《解放军报》社论", "本报编辑部"]
)
def test_a_byline_that_names_a_team(byline: str) -> None:
    lines = [
        "严防阶级敌人利用复旧进行翻案复辟",
        byline,
        "杭州市江干区的广大无产阶级革命派，为了保卫毛主",
        "席，保卫毛主席的无产阶级革命路线，立下了功勋。",
    ]
    doc = from_text("\n".join(lines))
    (article,) = doc.articles
    assert (article.title, article.byline) == (lines[0], byline)
    assert [b.text for b in article.blocks] == ["".join(lines[2:])]


@pytest.mark.parametrize("title", ["毛主席最新指示", "中央首长讲话", "林彪同志语录"])
def test_a_title_naming_a_document_opens_an_article(title: str) -> None:
    """Short items of a bulletin follow each other with nothing closing the one before:
    a line standing alone that names the document or speech it prints opens an article,
    where another would be a subhead of the text around it."""
    lines = [
        "世界上一切革命斗争都是为着夺取政权，巩固",
        "政权。而反革命的拼死同革命势力斗争，也完",
        "全是为着维护他们的政权。",
        title,
        "党政军民学、工厂、农村、商业部门都混入了少数反革命分子，",
        "此次运动中这些人大都自己跳出来，是大好事。",
    ]
    doc = from_text("\n".join(lines))
    assert [a.title for a in doc.articles] == [None, title]
    subhead = [*lines[:3], "一“丝”成链酿新机", *lines[4:]]
    (article,) = from_text("\n".join(subhead)).articles
    assert [b.kind for b in article.blocks] == ["paragraph", "heading", "paragraph"]


def test_a_headline_set_vertically_stands_apart() -> None:
    """Page 06: a title set vertically beside its text, which OCR reads a character or a
    few a line, between the end of one article (its full stop lost) and the next."""
    lines = [
        "高革命警惕，识破敌人的一切阴",
        "计，坚决贯彻执行毛主席的干部",
        "政策，实现革命的“三结合”，把",
        "无产阶级文化大革命进行到底",
        "横",
        "扫无政府",
        "主",
        "义",
        "无政府主义在革命队伍中还有",
        "些市场。",
    ]
    doc = from_text("\n".join(lines))
    assert [b.text for _, b in doc.iter_blocks()] == [
        "".join(lines[:4]),
        "横扫无政府主义",
        "".join(lines[8:]),
    ]
    assert [rules(doc)[k] for k in range(4, 9)] == [
        "vertical_headline",
        "vertical_goes_on",
        "vertical_goes_on",
        "vertical_goes_on",
        "vertical_ends",
    ]
    # Set down the page, the title is in display type: it opens an article of its own,
    # not a subhead of the article whose full stop OCR lost; so it is where the page
    # opens on it.
    assert [a.title for a in doc.articles] == [None, "横扫无政府主义"]
    opening = from_text("\n".join(lines[4:]))
    assert next((b.text, b.display) for _, b in opening.iter_blocks()) == ("横扫无政府主义", True)


def test_two_short_lines_read_as_a_vertical_run_are_no_display_type() -> None:
    """Two short lines (a wrapped name, the end of a quotation) look like a title set
    down the page too, but two lines are too few to say so: they open no article."""
    lines = [
        "人民得到的权利，超不无許輕易丧失，必用战斗来",
        "保卫",
        "河东",
        "红色风",
        "浙江省革命造反联合总指挥部红色风暴编辑部编印",
        "1968年9月21日星期云（第一六一期）本期共四版",
        "严防阶级敌人利用复旧进行翻案复辟",
    ]
    doc = from_text("\n".join(lines))
    assert not any(b.display for _, b in doc.iter_blocks())


def test_a_last_line_of_one_character_ends_its_paragraph() -> None:
    """Page 01: a paragraph's last line holds one character and lost its mark; were the
    sentence going on, the line would be full. A lone character inside a paragraph (a
    piece a merged line left behind) has a full line after it, and goes on."""
    lines = [
        "是昙花一现。这样的例子，无",
        "产阶级文化大革命中难道还少",
        "吗",
        "执行什么路线，归根结底是",
        "个世界观的问题。有什么样的世",
        "界观，就执行什么样的路线。",
    ]
    doc = from_text("\n".join(lines))
    assert [b.text for _, b in doc.iter_blocks()] == ["".join(lines[:3]), "".join(lines[3:])]
    assert rules(doc)[3] == "tiny_tail"
    inside = [*lines[:2], "三", "主义复辟。正如伟大领袖毛主席所", *lines[4:]]
    assert len(list(from_text("\n".join(inside)).iter_blocks())) == 1


# Page 06: a paragraph's short last line without its full stop, then a new paragraph
# whose first line (indent stripped) is nearly full.
LOST_STOP = [
    "革命大批判同斗批改的结",
    "合，不彻底肃清无政府主",
    "义的流毒和影响，大批判",
    "就无法进行，斗批改也",
    "无法开展",
    "因此，必须横扫一切无",
    "政府主义，彻底肃清它的",
    "影响，才能夺取全胜。",
]


def test_a_short_last_line_that_lost_its_full_stop_ends_its_paragraph() -> None:
    """Were the sentence going on, line 无法开展 would fill its column: after a full line
    and over a line that opens a sentence, it is its paragraph's last line."""
    doc = from_text("\n".join(LOST_STOP))
    assert [b.text for _, b in doc.iter_blocks()] == [
        "".join(LOST_STOP[:5]),
        "".join(LOST_STOP[5:]),
    ]
    assert rules(doc)[5] == "lost_stop"


@pytest.mark.parametrize(
    "change",
    [
        # The sentence on the short line started a character before its end: it goes on.
        {4: "无法开展。进"},
        # A line the OCR split in two: both halves are short.
        {5: "因此，必须"},
        # The line before is short too: nothing says the column is full there.
        {3: "就无法进行"},
    ],
)
def test_a_short_line_without_a_full_stop_goes_on_where_the_text_says_so(change: dict) -> None:
    lines = [change.get(k, line) for k, line in enumerate(LOST_STOP)]
    doc = from_text("\n".join(lines))
    assert "lost_stop" not in rules(doc).values()


def test_the_papers_name_above_its_issue_lines_is_furniture() -> None:
    """Page 02: a quotation box's title, then the paper's name as the OCR garbled it,
    then the issue lines; the name is furniture, the title stays a title."""
    lines = ["毛主席语录", "苏商讯", "1967.8.11.", "第8期本期4版", *MASTHEAD[5:]]
    doc = from_text("\n".join(lines))
    (article,) = doc.articles
    assert article.title == "毛主席语录"
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("noise", "苏商讯"),
        ("noise", "1967.8.11."),
        ("noise", "第8期本期4版"),
        ("paragraph", "".join(MASTHEAD[5:])),
    ]


def test_a_name_of_two_characters_after_a_short_line_signs_the_text() -> None:
    """Page 17: a quotation box ends on a short line (its full stop lost), and its source,
    two characters, stands on the line below; the page's columns are wider."""
    lines = ["人民得到的权利，绝不允许轻易", "丧失，必须用战斗来保卫", "河东"]
    body = [
        "杭州市江干区的广大无产阶级革命派，为了保卫毛主",
        "席，保卫毛主席的无产阶级革命路线，高举“对反动派造",
        "反有理”的大旗，在无产阶级文化大革命中立下了功勋，",
        "在斗争中建立了革命委员会，夺回了被走资派篡夺的权。",
    ]
    doc = from_text("\n".join([*lines, *body]))
    assert [b.text for _, b in doc.iter_blocks()][:2] == ["".join(lines[:2]), "河东"]
    assert rules(doc)[2] == "tiny_after_short"


def test_a_short_line_over_text_set_wider_is_a_title() -> None:
    """Page 10: a quotation box set narrow, then a title as wide as the box's lines over
    an item set across the page."""
    lines = [
        "在阶级社会中，",
        "每一个人都在一定的",
        "阶级地位中生活，各",
        "种思想无不打上阶级",
        "的烙印。",
        "毛主席最新指示",
        "党政军民学、工厂、农村、商业部门都混入了少数反革命分子、右派分子、变节分子，",
        "此次运动中这些人大都自己跳出来，是大好事。应由革命群众认真查明，彻底批判，然后分",
        "别轻重，酌情处理。",
    ]
    doc = from_text("\n".join(lines))
    assert [a.title for a in doc.articles] == [None, "毛主席最新指示"]
    assert rules(doc)[6] == "stands_alone"
    assert [b.text for b in doc.articles[1].blocks] == ["".join(lines[6:])]


def test_a_line_opening_a_quote_goes_on_into_punctuated_text() -> None:
    """Page 06: a paragraph's first line, its indent stripped, opens a quote and has no
    punctuation of its own; it is no title."""
    lines = [
        "北大有民主”，竭力鼓吹极",
        "端民主化，为无政府主义思潮",
        "的泛滥大开方便之门。",
        "有些人“不是为了团结",
        "为了进步，为了把事情弄好，",
        "向不正确的意见斗争和争论，",
        "而是个人攻击，闹意气，泄私",
        "愤，争名夺利。”",
    ]
    doc = from_text("\n".join(lines))
    assert [b.text for _, b in doc.iter_blocks()] == ["".join(lines[:3]), "".join(lines[3:])]


def test_a_headline_over_two_lines_over_text_set_wider_ends_there() -> None:
    """Page 05: a notice's title wrapped over two lines as wide as the column before it
    (its 、 a headline's), then the notice set across the page. (The page's title opens
    with 关于, which names a document on its own: here without it.)"""
    lines = [
        "同革命势力斗争，也完全是为着维护",
        "他们的政权。",
        "军队参加地方文化大革命工作组人员",
        "撤回学校、机关检封的规定",
        "中央军委一月二十八日的命令指出：“一切指战员、政治工作人员、勤务、医疗、科研和机要工作人员，必须坚守岗",
        "位，不得擅离职守。要抓革命，促战备、促工作、促生产。”鉴于军队参加地方学校、机关文化大革命工作组的成员，长期",
        "离开部队，不利于战备。现决定：凡是在地方文化大革命中担任工作组的军队干部和战士，应一律撤回原单位，",
        "所属部队领导机关负责做好他们的思想工作，组织他们认真学习毛主席著作，学习中央有关文件，总结经验教训，",
        "提高无产阶级觉悟，更好地完成战备任务。",
    ]
    doc = from_text("\n".join(lines))
    assert rules(doc)[4] == "head_over_wider"
    assert [b.text for _, b in doc.iter_blocks()][-1] == "".join(lines[4:])


def test_a_quotations_source_is_end_matter_that_closes_no_article() -> None:
    """Page 08: quotations one after another, each with its source in brackets."""
    lines = [
        "里，特别是共产党员手里。这样就容易使我们脱离群",
        "众，产生官僚主义。",
        "（1957年4月，一次干部会上报告）",
        "党的领导，主要是政治领导，业务上不能瞎指挥，要",
        "尊重专家的意见。",
        "（1961年9月，在中山大学的报告）",
    ]
    doc = from_text("\n".join(lines))
    (article,) = doc.articles
    assert [b.kind for b in article.blocks] == ["paragraph", "end", "paragraph", "end"]
    assert (rules(doc)[2], rules(doc)[3]) == ("next_is_end", "end_alone")


def test_a_source_without_brackets_wrapped_or_not_is_end_matter() -> None:
    """Page 08: speeches under their speakers' names, each closed by where and when it
    was said, without brackets; one source wrapped over two lines, one says 同上."""
    lines = [
        "周总理：",
        "陶铸的错误之一就是他在接见中南地区的一次会",
        "上说，除了主席和林副主席以外，都可以怀疑。",
        "一九六七年二月一日对工交口的讲话",
        "陈伯达：",
        "有一小撮人搞阴谋诡计，想破坏无产阶级文化大",
        "革命，想推翻社会主义制度。",
        "一九六七年一月十日在接见有关单位",
        "代表时的讲话",
        "王力：",
        "陶铸是一个漏网的大右派，是一个修正主义者。",
        "《评陶铸的两本书》一九六七年九月八日《人民日报》",
        "在八届十一中全会之前，陶铸是资产阶级反动路线",
        "的积极推行者。",
        "同上",
    ]
    doc = from_text("\n".join(lines))
    (article,) = doc.articles
    assert [(b.kind, b.text) for b in article.all_blocks()] == [
        ("heading", "周总理："),
        ("paragraph", "".join(lines[1:3])),
        ("end", lines[3]),
        ("heading", "陈伯达："),
        ("paragraph", "".join(lines[5:7])),
        ("end", "".join(lines[7:9])),
        ("heading", "王力："),
        ("paragraph", lines[10]),
        ("end", lines[11]),
        ("paragraph", "".join(lines[12:14])),
        ("end", "同上"),
    ]
    assert rules(doc)[8] == "source_wraps"


@pytest.mark.parametrize(
    "title",
    [
        ["关于国防工业系统和所属厂矿企业、科研、设计单位", "和基建单位不准串连的通知"],
        ["关于上海知识青年赴安徽插队落户干革命的讲话材料"],
    ],
)
def test_a_line_or_two_naming_a_document_are_its_title(title: list[str]) -> None:
    """Pages 05 and 12: a document printed under its title, 关于…的通知, which has no
    punctuation to end it and ran on into the document's first paragraph."""
    lines = [
        *title,
        "七机部国防工办、各省、市、自治区、七机部所属厂矿企业、科研、",
        "设计单位和基建单位是国家重点保护单位。经中央文革同意，非本单",
        "位人员一律不要到这些单位去串连。",
    ]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()] == [
        ("title", "".join(title)),
        ("paragraph", "".join(lines[len(title) :])),
    ]
    assert rules(doc)[len(title)] == "document_title"


def test_a_sentence_that_opens_with_guanyu_and_wraps_at_a_document_word_goes_on() -> None:
    """A full line 关于…的指示 whose next line goes on with a comma is no title."""
    lines = [
        "中央关于农业的几个文件，各地已经传达到每一个生产队。",
        "关于进一步加强农村基层组织建设和支援农业生产的指示",
        "，各地要认真贯彻执行，不得走过场，要把它落到实处。",
    ]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()] == [("paragraph", "".join(lines))]
    assert all(d.rule.id != "document_title" for d in doc.decisions)


@pytest.mark.parametrize(
    "source",
    [
        ["转摘自《关于赫鲁晓夫的假共产", "主义及其在世界历史上的教训》"],
        ["摘自《人民日报》一九六七年九月八日社论"],
        ["选自《毛泽东选集》第三卷"],
    ],
)
def test_the_title_a_text_was_reprinted_from_is_end_matter(source: list[str]) -> None:
    """Page 08: a quotation closed by the book it was taken from (转摘自《…》), wrapped
    over two lines or not: end matter under the paragraph, not the paragraph's tail."""
    lines = [
        "要特别警惕象赫鲁晓夫那样的个人野心家和阴",
        "谋家，防止这样的人篡夺党和国家的各级领导。",
        *source,
        "在八届十一中全会之前，陶铸是资产阶级反动路线",
        "的积极推行者。",
    ]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()] == [
        ("paragraph", "".join(lines[:2])),
        ("end", "".join(source)),
        ("paragraph", "".join(lines[-2:])),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ["摘自报纸的消息说，今年的收成很好，", "群众的生产热情很高。"],
        ["选自各地的代表", "参加了会议。"],
    ],
)
def test_a_sentence_that_opens_with_zhaizi_is_no_source(lines: list[str]) -> None:
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()] == [("paragraph", "".join(lines))]


@pytest.mark.parametrize(
    "lines",
    [
        # A date that signs a document, then the title of the next article.
        ["国务院", "一九六七年二月四日", "周总理讲话", "现在学校不注意学习，喜欢往外跑。"],
        # A sentence that opens with a date and wraps at its verb.
        ["1967年2月，他在会上作了报告", "，指出要抓革命、促生产。"],
        ["一九六七年一月十日他在大会", "上发表讲话，号召大家团结起来。"],
    ],
)
def test_a_line_that_opens_with_a_date_is_no_source_by_that_alone(lines: list[str]) -> None:
    doc = from_text("\n".join(lines))
    assert all(d.rule.id != "source_wraps" for d in doc.decisions)
    assert not any(b.kind == "end" and "讲话" in b.text for _, b in doc.iter_blocks())


@pytest.mark.parametrize(("line", "kind"), [("周总理：", "heading"), ("请看：", "paragraph")])
def test_a_speakers_name_over_a_speech_is_a_subhead(line: str, kind: str) -> None:
    """Page 08: speeches quoted one after another, each under its speaker's name; a short
    line that introduces what follows (请看：) stays a paragraph."""
    lines = [
        "陶铸还是可以的。",
        line,
        "陶铸的错误之一就是他在接见中南地区的一次会",
        "上说，除了主席和林副主席以外，都可以怀疑。",
    ]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()][1] == (kind, line)


@pytest.mark.parametrize("dateline", ["（新华社北京二十四日消息）", "（新华社北京二十四日消息"])
def test_a_dateline_with_the_day_in_chinese_numerals_closes_its_article(dateline: str) -> None:
    """Page 16: a story closed by its dateline in brackets, the day in Chinese numerals
    and 消息 for 电 (OCR lost the closing bracket in the second); the next story's
    headline follows."""
    lines = [
        "只要我们坚持不懈地落实毛主席的指示，斗、批、",
        "改的任务就一定能够完成。",
        dateline,
        "全国军民热烈欢呼毛主席视察三大区一周年",
        "【新华社北京二十四日消息】全国亿万军民怀",
        "着无限忠于伟大领袖毛主席的无产阶级感情。",
    ]
    doc = from_text("\n".join(lines))
    first, second = doc.articles
    assert [(b.kind, b.text) for b in first.all_blocks()][-1] == ("dateline", dateline)
    assert second.title == lines[3]


def test_a_subtitle_that_lists_with_a_dunhao_is_part_of_the_headline() -> None:
    """Page 16: under a quotation box, a title, a subtitle that lists places with 、,
    and a byline naming two papers: one headline over the editorial."""
    lines = [
        "这次无产阶级文化大革命，最高司令是我们毛主席。毛主席是统帅。",
        "落实毛主席的指示就是胜利",
        "庆祝毛主席视察华北、中南和华东地区一周年",
        "《人民日报》《解放军报》社论",
        "在全国山河一片红工人阶级登上上层建筑斗、批、改舞台的",
        "大好形势下，全国人民热烈庆祝。",
    ]
    doc = from_text("\n".join(lines))
    first, second = doc.articles
    # Which of the two lines is the title, type size would say; plain text does not.
    assert [b.text for b in second.head] == lines[1:4]
    assert second.head[-1].kind == "byline"
    assert [b.text for b in first.all_blocks()] == lines[:1]


@pytest.mark.parametrize(
    ("halves", "title"),
    [
        (["截穿新阴谋", "巩固新政权"], "截穿新阴谋巩固新政权"),  # a couplet: one title
        (["社论", "巩固新政权"], "巩固新政权"),  # a kicker over its title
    ],
)
def test_a_headline_set_as_a_couplet_is_one_title(halves: list[str], title: str) -> None:
    """Page 17: after a jump marker, a headline in two halves of five characters, one
    over the other, then its byline."""
    lines = [
        "发挥工人阶级的领导作用，这是关系到无产阶级专政能不",
        "能巩固的重大问题。",
        "（下转第二版）",
        *halves,
        "《杭州工人》《红色风暴》评论员",
        "毛主席教导我们：革命的根本问题是政权问题。",
    ]
    doc = from_text("\n".join(lines))
    assert doc.articles[-1].title == title
    assert ("couplet" in rules(doc).values()) == (title != halves[-1])


def test_a_question_before_a_jump_in_marker_is_the_continued_articles_title() -> None:
    """Page 06: an editorial ends, then the title of an article continued from page one
    (a question, comma and all), then its （上接第一版）."""
    lines = [
        "要将无产阶级文化大革命进行到底，就必须",
        "彻底埋葬无政府主义！",
        "工作组在中文系怎样“打击一大片，保护一小撮”？",
        "（上接第一版）",
        "题，他们就拒不接见；不去汇报又",
        "“不相信党”，“气焰嚣张”。",
    ]
    doc = from_text("\n".join(lines))
    first, second = doc.articles
    assert [b.text for b in first.all_blocks()] == ["".join(lines[:2])]
    assert second.title == lines[2]
    assert (second.blocks[0].kind, second.blocks[0].text) == ("jump", lines[3])


@pytest.mark.parametrize(
    ("line", "signs"),
    [("新北京二中红卫兵", True), ("横扫一切牛鬼蛇神", False)],
)
def test_a_group_standing_before_a_jump_in_marker_signs_the_article_above(
    line: str, signs: bool
) -> None:
    """Page 01: an article signed by the group that wrote it, then the rest of an article
    continued from page one, without its title. A title there is the continued one's."""
    lines = [
        "把自己看成唯一的“左派”，这一点就注定了你们",
        "必然要失败。",
        line,
        "（上接一版）",
        "不革自己的命，这个革命是搞不",
        "好的。”",
    ]
    doc = from_text("\n".join(lines))
    first, second = doc.articles
    if signs:
        assert [(b.kind, b.text) for b in first.all_blocks()][-1] == ("end", line)
        assert second.title is None
    else:
        assert second.title == line


@pytest.mark.parametrize(
    ("title", "line", "opens"),
    [
        ("周总理部队支左问题的指示", "戚本禹同志话", True),  # page 03
        ("毛主席最新指示", "王力同志谈许世友", True),  # page 02
        ("周总理部队支左问题的指示", "军队要支持左派", False),  # a subhead names no speaker
        ("打倒反革命两面派陶铸", "戚本禹同志话", False),  # an article that quotes a speech
    ],
)
def test_a_title_naming_a_speaker_after_such_an_item_opens_the_next(
    title: str, line: str, opens: bool
) -> None:
    """A bulletin prints instructions and talks one after another, each under a title
    naming who said it. Such a line after such an item opens the next; inside an
    article of another kind, or naming nobody, it is a subhead."""
    lines = [
        "第2期",
        title,
        "解放军没有参加文化大革命，没有精神准备。我们军队同志不象",
        "党政内一小撮走资派那样坏。",
        line,
        "核心是在斗争当中自然形成的，那个人自己以自己为核心，他最",
        "终还是成不了核心。",
    ]
    doc = from_text("\n".join(lines))
    assert [a.title for a in doc.articles] == ([title, line] if opens else [title])


def test_two_titles_naming_speakers_are_two_items_not_a_kicker_and_title() -> None:
    """Page 08: a quotation box whose title is printed under it, then the next item's
    title: the first goes back over its quotation, the second opens its item."""
    lines = [
        "要特别警惕象赫鲁晓夫那样的个人野心家和阴谋家，防止",
        "这样的人篡夺党和国家的各级领导。",
        "毛主席语录",
        "中央首长论陶铸",
        "我们伟大的领袖毛主席，元月八日在中央文革小组汇报会",
        "上说：“陶铸问题我们没有解决，你们也没有解决。”",
    ]
    doc = from_text("\n".join(lines))
    assert [(a.title, a.blocks[0].text[:6]) for a in doc.articles] == [
        ("毛主席语录", lines[0][:6]),
        ("中央首长论陶铸", lines[4][:6]),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [("（下转革二版）", "jump"), ("（下转第二版）", "jump"), ("（下转革命）", "paragraph")],
)
def test_a_jump_marker_whose_di_ocr_misread_is_still_one(line: str, kind: str) -> None:
    """Page 11: OCR read the 第 of （下转第二版） as 革; the marker still closes the article
    instead of standing as a title of its own."""
    lines = ["当前的国际形势是复杂的，充满着阶级斗争，这是需要", "认真对付的。", line]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()][-1][0] == kind
    if kind == "jump":
        assert len(doc.articles) == 1


def test_a_lead_in_black_brackets_opens_the_paragraph_under_a_title() -> None:
    """Page 16: a title wrapped over two lines, then the lead 【新华社北京二十四日消息】
    (OCR misread 社) opening the story's first paragraph."""
    lines = [
        "紧跟毛主席伟大战略部署认真搞好斗批改",
        "乘胜前进夺取无产阶级文化大革命全面胜利",
        "【新华肚北京二十四日消息】全国亿",
        "万军民怀着无限忠于伟大领袖毛主席的无",
        "限深情，热烈欢呼毛主席视察三大区一周年。",
    ]
    doc = from_text("\n".join(lines))
    assert rules(doc)[2] == "next_is_lead"
    assert [b.text for b in doc.articles[-1].blocks] == ["".join(lines[2:])]


def test_a_title_over_a_lead_that_is_not_indented_stands_alone_where_indents_are_kept() -> None:
    """Page 11 read with its indents: a title in body type over a lead set flush (the
    paragraphs after it indented). The indent of the line after the title says nothing
    about the title, which used to run on into the lead."""
    lines = [
        "高举毛泽东思想伟大红旗",
        "四月六日上午，市民兵指挥部在俱乐部召开了干部会议。会上，首长对当前",
        "的国际形势和国内形势作了全面的分析，阐明了民兵在无产阶级文化大革命",
        "中的作用。",
        "\u3000\u3000当前的国际形势是复杂的，充满着阶级斗争。我们一定要提高警惕，加",
        "强战备，保卫无产阶级文化大革命的胜利成果，把革命进行到底。",
        "\u3000\u3000同志们怀着满腔的愤怒，以战无不胜的毛泽东思想为武器，揭发了",
        "党内最大的走资本主义道路当权派的罪行。",
    ]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()] == [
        ("title", lines[0]),
        ("paragraph", "".join(lines[1:4])),
        ("paragraph", "".join(lines[4:6]).strip()),
        ("paragraph", "".join(lines[6:]).strip()),
    ]
    assert rules(doc)[1] == "stands_alone"


@pytest.mark.parametrize("intro", ["毛主席教导我们：", "伟大领袖毛主席指出："])
def test_a_quotation_runs_on_from_who_taught_it(intro: str) -> None:
    """Page 17: a short line naming who taught what follows, ending in a colon, and the
    quotation (its opening mark lost by the OCR) on the lines below: one paragraph, as
    every such line on the labelled pages is, where 请看： introduces what is set below."""
    lines = [
        "截穿新阴谋",
        "《杭州工人》《红色风暴》评论员",
        intro,
        "一切反动势力在他们行将灭亡的时候，总是要进行垂",
        "死挣扎的。”最近，江干地区出现了一股翻案黑风。",
    ]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()][-1] == (
        "paragraph",
        "".join(lines[2:]),
    )
    look = ["他们的罪行是数不清的。", "请看：", "旧监委干事崔××，本是一个全区闻名的顽固分子。"]
    assert [b.text for _, b in from_text("\n".join(look)).iter_blocks()] == look


def test_a_lone_run_of_latin_letters_is_no_title_where_indents_are_kept() -> None:
    """Page 17 from its boxes: the OCR misread a decorative rule as `neeeereae`, on a line
    of its own over a paragraph set flush. Standing alone as text it would be a subhead in
    the outline; it is page furniture, and the paragraph under it is text of its own."""
    lines = [
        "\u3000\u3000当前的国际形势是复杂的，充满着阶级斗争。我们一定要提高警惕，加",
        "强战备，保卫无产阶级文化大革命的胜利成果，把革命进行到底。",
        "neeeereae",
        "另搞一套？为什么有的地方成立了革委会以后，翻案妖风还刮得很厉害，无产",
        "阶级革命派仍在受压制？",
        "\u3000\u3000同志们怀着满腔的愤怒，以战无不胜的毛泽东思想为武器，揭发了",
        "党内最大的走资本主义道路当权派的罪行。",
    ]
    doc = from_text("\n".join(lines))
    kinds_read = [b.kind for _, b in doc.iter_blocks()]
    assert kinds_read == ["paragraph", "noise", "paragraph", "paragraph"]
    assert doc.articles[0].outline == []


def test_the_line_under_an_editorials_kicker_is_its_title_comma_and_all() -> None:
    """Page 12: 社论 on a line of its own, then the editorial's title, which holds a comma
    (迎接您，光辉灿烂的九大) and so ran on into the editorial's first paragraph."""
    lines = [
        "社论",
        "迎接您，光辉灿烂的九大",
        "历史的长河汹涌澎湃，革命的巨流滚滚向前。紧跟伟大领袖毛主席奋勇前进，我",
        "们满怀豪情，高唱战歌，迈步跨入了光辉的一九六九年。",
    ]
    doc = from_text("\n".join(lines))
    (article,) = doc.articles
    assert (article.kicker, article.title) == ("社论", "迎接您，光辉灿烂的九大")
    assert [b.text for b in article.blocks] == ["".join(lines[2:])]
    assert rules(doc)[2] == "under_editorial"


# Page 01's top: a quotation box, the paper's name and issue lines, then an editorial
# under 社论 whose title is a couplet.
EDITORIAL_UNDER_QUOTATION = [
    MASTHEAD[0],
    "兵团战报",  # the paper's name, over its issue lines
    *MASTHEAD[1:],
    "社论",
    "紧跟毛主席",
    "永远向前进",
    "一场冲刷几千年旧世界污泥浊水的暴",
    "风骤雨，正在伟大祖国的土地上降临。",
    "这是前人没有见过的世面，前人没有经过",
    "的风雨，这是一场史无前例的阶级斗争的",
    "大风大浪。是伟大的导师、伟大的领袖毛",
    "主席指导我们在大风大浪里前进。我们前",
    "进的方向是毛主席给我们指引的方向。",
]


def test_an_editorials_kicker_stands_alone_over_a_title_set_as_a_couplet() -> None:
    """社论 alone on its line does not begin a sentence: it stands alone, and the two
    halves under it are one title. The quotation box above keeps its text: a title that
    names who said what follows heads the text below it, though the editorial further on
    shares more of its words (毛主, 主席)."""
    doc = from_text("\n".join(EDITORIAL_UNDER_QUOTATION))
    quotation, editorial = doc.articles
    assert quotation.title == "毛主席语录"
    assert [b.text for b in quotation.blocks if b.kind == "paragraph"] == [
        "你们要关心国家大事，要把无产阶级文化大革命进行到底。"
    ]
    assert (editorial.kicker, editorial.title) == ("社论", "紧跟毛主席永远向前进")
    assert rules(doc)[10] == "editorial_label"
    assert rules(doc)[11] == "couplet"


def test_an_indented_lead_under_an_editorials_kicker_is_no_title() -> None:
    lines = [
        "社论",
        "\u3000\u3000一场冲刷几千年旧世界污泥浊水的暴风骤",
        "雨，正在伟大祖国的土地上降临。这是前人没有见过的世面，前人没有经过",
        "的风雨，这是一场史无前例的阶级斗争的大风大浪。",
    ]
    doc = from_text("\n".join(lines))
    assert all(d.rule.id != "under_editorial" for d in doc.decisions)


@pytest.mark.parametrize("date", ["（一九六七年二月十二日）", "（1967年2月12日）"])
def test_a_line_ending_in_a_bracketed_date_stands_alone(date: str) -> None:
    """Page 05: the title of a speech's notes, ending in the day it was given, on a full
    line of its own over the notes. A sentence does not go on past such a date."""
    lines = [
        "周总理讲話",
        "*周总理接见农部五个单位夺权的革命造反派代表会上的座纪要：" + date,
        "现在学校不注意学习，喜欢往外跑，上街写大标语，开大会，一搞就是几万人，准备",
        "得也不好，逼着我們上陣。把大字报变为簡单的标语口号，要搞得更踏实些。",
    ]
    doc = from_text("\n".join(lines))
    assert [b.text for _, b in doc.iter_blocks()][-2:] == [lines[1], "".join(lines[2:])]
    assert rules(doc)[2] == "dated_alone"


@pytest.mark.parametrize(
    "lines",
    [
        # Page 08: the next line starts with 们, which binds to the 我 before it.
        [
            "要跟着共产党走，不要跟着那个人走。",
            "（1962年3月5日在话剧、歌剧創作会上的讲話）",
            "人民群众“以“东方红”太阳升”来形容我",
            "们伟大事业的朝气勃勃；他们以如日之来祝福",
            "我们伟大事业的日益发展和巩固；他们以太阳来歌颂",
            "我们的党和我们的领袖。",
        ],
        # Page 13: the next line starts 透，, the end of the word 揭深批透 the line end broke.
        [
            "产阶级革命造反派把他們出来了，这是无产阶级文化大革命的胜利，",
            "是毛泽东思想的伟大胜利！",
            "为了进一步将这一小摄走资本主义道路当权派的丑恶嘴脸揭深批",
            "透，我們根据会上揭发江川、苗永文、任明公、张凤云的“三反”",
            "行整理了一部份，現专刊公布于众。望革命的战友们，聚聚掌握斗事的",
            "大方向，奋起毛泽东思想的千钧棒，将市委的阶级斗爭盖子彻底揭开",
            "把以江川为首的一小摄反革命修正主义分子揭深批透，斗倒，斗境、斗",
            "臭，誓将无产阶级文化大革命进行到底！",
        ],
    ],
)
def test_a_line_over_one_that_goes_on_from_it_is_no_title(lines: list[str]) -> None:
    """A paragraph's first line after the end of what came before holds no comma or full
    stop (its quotes aside) and falls short of its column, like a title; but the next line
    starts with a character that binds to the word before it (们) or with one character
    and a comma (透，): the sentence goes on."""
    doc = from_text("\n".join(lines))
    assert [b.text for _, b in doc.iter_blocks()][-1] == "".join(lines[2:])
    assert rules(doc)[3] != "stands_alone"


@pytest.mark.parametrize(
    ("head", "roles"),
    [
        # Pages 17 and 01: the line under the title says what it argues from or against.
        (["严防阶级敌人利用复旧进行翻案复辟", "从杭州市江干区的现实看当前阶级斗争的新特点"], "ts"),
        (["无政府主义与奴隶主义", "兼驳所谓“修养式的批修养”"], "ts"),
        # Page 12: 关于… naming the paper the title heads.
        (["英雄的淮北儿女举双手欢迎你们", "关于上海知识青年赴安徽插队落户干革命的讲话材料"], "ts"),
        # An issuer's name over 关于…: the name is the kicker, 关于… the title.
        (["国务院", "关于加强农田水利建设的报告"], "kt"),
        # No such cue: a kicker over the title, as before.
        (["全国军民热烈欢呼毛主席视察三大区一周年", "紧跟毛主席伟大战略部署认真搞好斗批改"], "kt"),
    ],
)
def test_a_line_that_says_what_a_title_argues_is_its_subtitle(head: list[str], roles: str) -> None:
    """Without type sizes the last line of a headline group is its title and those over
    it kickers; a line that says what the title argues from or against (从…看, 兼驳) or
    names the paper under it (关于…的讲话材料) is the title's subtitle instead."""
    body = (
        "一场冲刷几千年旧世界污泥浊水的暴风骤雨，正在伟大祖国的土地上降临。这是前人没有"
        "见过的世面，前人没有经过的风雨，这是一场史无前例的阶级斗争的大风大浪。"
    )
    lines = [*head, *(body[k : k + 30] for k in range(0, len(body), 30))]
    doc = from_text("\n".join(lines))
    (art,) = doc.articles
    kicker, title, subtitle = (None, *head) if roles == "ts" else (*head, None)
    assert (art.kicker, art.title, art.subtitle) == (kicker, title, subtitle)


@pytest.mark.parametrize(
    ("head", "roles"),
    [
        # Page 16: the anniversary the title marks, under it, is its subtitle ...
        (["落实毛主席的指示就是胜利", "庆祝毛主席视察华北、中南和华东地区一周年"], "ts"),
        # ... and over it, its kicker.
        (["纪念毛主席视察三大区一周年", "紧跟毛主席伟大战略部署认真搞好斗批改"], "kt"),
    ],
)
def test_the_anniversary_a_title_marks_under_it_is_its_subtitle(
    head: list[str], roles: str
) -> None:
    """A line naming the anniversary a title marks (庆祝…一周年) under the title is its
    subtitle; the same line over the title is its kicker."""
    lines = [
        *head,
        "《人民日报》《解放军报》社论",
        "在全国山河一片红工人阶级登上上层建",
        "气斗、批、改舞台的大好形势下，我们满怀胜",
        "利的豪情，庆祝我们伟大领袖毛主席视察华",
        "北、中南和华东地区一周年。",
        "毛主席来自视察三大地区；是我国无产阶",
        "级文化大革命历史上最光辉的篇章。",
    ]
    (art,) = from_text("\n".join(lines)).articles
    kicker, title, subtitle = (None, *head) if roles == "ts" else (*head, None)
    assert (art.kicker, art.title, art.subtitle, art.byline) == (
        kicker,
        title,
        subtitle,
        "《人民日报》《解放军报》社论",
    )


@pytest.mark.parametrize("date", ["（67·5·5,8:40)", "（67.5.5）", "（67·5·5 20:30）"])
def test_the_day_in_brackets_under_a_title_is_its_subtitle(date: str) -> None:
    """Page 10: under a speech's title, the day (and hour) it was given, in brackets on a
    line of its own, is the title's subtitle, not the article's first paragraph. The same
    line after the text is its end matter, as before."""
    body = [
        "五日上午林副主席听秘书简要汇报了空军党委全会的情况以后，作了以下指示：",
        "空军最近几仗打得好，这次会议也开得好，情况在好转，这是好现象，但是不能",
        "松懈，今后要进一步加强政治思想工作，加强战备，要把毛泽东思想伟大红旗举",
        "得更高。",
    ]
    doc = from_text("\n".join(["林副主席最新指示", date, *body, date, *body]))
    (art, *_rest) = doc.articles
    assert (art.title, art.subtitle) == ("林副主席最新指示", date)
    assert art.blocks[0].text.startswith("五日上午")
    assert (BlockKind.SUBTITLE, date) not in [(b.kind, b.text) for b in art.blocks]
    # Over a title, the same line is no subtitle of it (it may close what came before).
    doc = from_text("\n".join([*body, "毛泽东", date, "关于加强战备的通知", *body]))
    assert all(a.subtitle != date for a in doc.articles)


@pytest.mark.parametrize(
    ("before", "head", "after"),
    [
        # Page 01: a line that argues against something too (兼驳…) is a subtitle.
        (
            ["广大红卫兵战士表示：我们一定要响应毛主席", "的伟大号召，关心国家大事，把我国无产阶级",
             "文化大革命进行到底，把世界革命进行到底！"],
            ["无政府主义与奴隶主义", "兼驳所谓“修养式的批修养”"],
            ["当前学校中革命师生坚决响应党中央毛主席", "的号召，以笔作刀枪，集中火力向刘邓开火。"],
        ),
        # Page 12: a line naming the material printed under it (关于…的讲话材料) names a
        # document, so the two are no subheads of the editorial before them.
        (
            ["让我们紧跟伟大领袖毛主席，在毛泽东思想的统帅下，统一认",
             "识，统一行动，把无产阶级文化大革命进行到底，书写无产阶级",
             "革命斗争史上无可比拟的光辉篇章！"],
            ["英雄的淮北儿女举双手欢迎你们", "关于上海知识青年赴安徽插队落户干革命的讲话材料"],
            ["在辽阔的淮北大平原上，英雄的淮北儿女高举毛泽东思想伟大红",
             "旗，与天奋斗，与地奋斗，与人奋斗，发生了翻天覆地的变化。"],
        ),
    ],
)  # fmt: skip
def test_a_title_over_its_subtitle_after_another_articles_last_paragraph_opens_an_article(
    before: list[str], head: list[str], after: list[str]
) -> None:
    """After the last paragraph of an article, a title over a line that says it is a
    subtitle: the two open an article of their own, title and subtitle."""
    doc = from_text("\n".join([*before, *head, *after]))
    assert [(a.title, a.subtitle) for a in doc.articles] == [(None, None), tuple(head)]


@pytest.mark.parametrize(
    ("name", "furniture"),
    [("兵团战报", True), ("首都红卫兵第三司令部", False)],
)
def test_the_issue_date_again_under_the_papers_name_is_a_running_head(
    name: str, furniture: bool
) -> None:
    """Page 01, a spread: the second page's running head prints the paper's name and the
    issue's date, the date the masthead gives. They are page furniture, not a title and
    its end matter. The same date under a longer name signs a statement."""
    lines = [
        "兵团战报",
        "首都中等学校红卫兵代表大会主办",
        "第十七期",
        "一九六七年四月二十七日",
        "毛主席语录",
        "我们的教育方针，应该使受教育者在德育、智育、体育几方面都得",
        "到发展，成为有社会主义觉悟的有文化的劳动者。",
        name,
        "一九六七年四月二十七日",
        "当前学校中革命师生坚决响应党中央毛主席的号召，以笔作刀枪，",
        "集中火力向刘邓开火，掀起了批判的新高潮。",
    ]
    doc = from_text("\n".join(lines))
    marked = {text: kind for kind, text in kinds(doc)}
    assert (marked[name] == "noise") is furniture
    assert [b.kind for _, b in doc.iter_blocks() if b.text == lines[8]][-1] == (
        "noise" if furniture else "end"
    )


def test_the_papers_name_over_a_misread_label_is_furniture_under_a_quotations_title() -> None:
    """Page 05: the quotation box's title, then the paper's name and 内部参考 (read as
    内部春考) beside the masthead: the label is an issue line, so the name over it is the
    paper's, furniture, and the title stands alone over the quotation."""
    lines = [
        "毛主席语录",
        "文革通记",
        "内部春考",
        "注意保存",
        "第35期",
        "1967.2.15",
        "世界上一切革命斗争都是为着夺",
        "取政权，巩固政权。",
    ]
    doc = from_text("\n".join(lines))
    assert kinds(doc)[:3] == [("title", "毛主席语录"), ("noise", "文革通记"), ("noise", "内部春考")]


def test_a_source_whose_date_wraps_between_month_and_day_is_one_line_of_end_matter() -> None:
    """Page 08: a quotation's source, 《评陶铸的两本书》一九六七年九月八日《人民日报》, wrapped
    after 九月: the two lines are one piece of end matter, not a source and a subhead."""
    lines = [
        "陶铸是中国赫鲁晓夫资产阶级反动路线忠实的执行者和宣传者，是一个",
        "混进来的反革命两面派。",
        "《评陶铸的两本书》一九六七年九月",
        "八日《人民日报》",
        "在八届十一中全会之前，陶铸是以中国赫鲁晓夫为代表的资产阶级反动",
        "路线忠实的执行者。",
    ]
    doc = from_text("\n".join(lines))
    assert ("end", lines[2] + lines[3]) in kinds(doc)


@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
def test_signatories_over_a_date_each_stand_alone_and_close_the_document(indent: str) -> None:
    """Page 05: a document signed by two bodies, a line each, over its date, then the
    next document's title. Each name is end matter of its own, not one run-on line and
    not a title."""
    lines = [
        "关于军队参加地方文化大革命工作组回学校、机关检查的规定",
        indent + "中央军委一月二十八日的命令指出：一切指战员、政治工作人员，必须坚守岗",
        "位，不得擅离职守。",
        "国务院",
        "中央军委",
        "一九六七年二月十二日",
        "关于国防工业系统和所属厂矿企业不准串连的通知",
        indent + "七机部国防工办、各省、市、自治区：国防工业系统是国家重点保护单位。",
    ]
    doc = from_text("\n".join(lines))
    assert [(a.title, [(b.kind, b.text) for b in a.blocks if b.kind != "paragraph"])
            for a in doc.articles] == [
        (lines[0], [("end", "国务院"), ("end", "中央军委"), ("end", "一九六七年二月十二日")]),
        (lines[6], []),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("last", "kind"),
    [
        ("安徽省阜阳专区革命委员会赴沪毛泽东思想宣传队", "end"),  # a body signs the text
        ("伟大的领袖毛主席万寿无疆", "title"),  # a headline-only item closes the page
    ],
)
def test_a_body_signing_the_pages_last_text_is_end_matter(last: str, kind: str) -> None:
    """Page 12: the last article is signed by the team that wrote it, a line after its
    last paragraph, nothing after it. That is end matter, not a headline standing alone
    at the foot of the page; a line that names no such body still is one."""
    lines = [
        "英雄的淮北儿女举双手欢迎你们",
        "使广大农村变成巩固的社会主义阵地，把阜阳专区办成红彤彤的毛泽",
        "东思想大学校！",
        last,
    ]
    doc = from_text("\n".join(lines))
    assert dict((text, k) for k, text in kinds(doc))[last] == kind


def test_a_body_signing_the_pages_last_text_on_two_lines_set_apart_is_one_end_block() -> None:
    """Page 12 from its boxes: the signing team's name is centred on two lines (安徽省阜阳
    专区革委员会 / 赴沪毛泽东思想宣传队), which the geometry sets apart. The two are one
    piece of end matter, not a kicker and a title standing alone at the foot of the
    page."""
    lines = [
        "英雄的淮北儿女举双手欢迎你们",
        "",
        "使广大农村变成巩固的社会主义阵地，把阜阳专区办成红彤彤的毛泽",
        "东思想大学校！",
        "",
        "安徽省阜阳专区革委员会",
        "",
        "赴沪毛泽东思想宣传队",
    ]
    doc = from_text("\n".join(lines))
    assert [a.title for a in doc.articles] == [lines[0]]
    assert kinds(doc)[-1] == ("end", lines[5] + lines[7])


def test_a_publisher_line_that_goes_on_with_a_conjunction_is_one_piece_of_furniture() -> None:
    """Page 05: two publishers over two lines beside the masthead, the second line opening
    with 与 (红卫兵上海革命造反委员会（红反会） / 与北京大学《战上海》兵团联合编印). The
    first line is furniture too and the two are one line of it, not a title."""
    lines = [
        "毛主席语录",
        "文革通讯",
        "第35期",
        "红卫兵上海革命造反委员会（红反会）",
        "与北京大学《战上海》兵团联合编印",
        "世界上一切革命斗争都是为着夺",
        "取政权，巩固政权。",
    ]
    doc = from_text("\n".join(lines))
    assert ("noise", lines[3] + lines[4]) in kinds(doc)
    assert [a.title for a in doc.articles] == ["毛主席语录"]


def test_an_editorials_label_read_after_its_title_is_still_its_kicker() -> None:
    """Page 01 from its boxes: the editorial's title is set vertically beside 社论, and
    the reading order gives the title first. 社论 is the kicker all the same, and the
    article opens with it."""
    lines = [
        "聚跟毛主席永远向前进",
        "社论",
        "一场冲刷几千年旧世界污泥浊水的暴风骤雨，正在伟大祖国的土地上降临。这是前",
        "人没有见过的世面，前人没有经过的风雨。",
    ]
    doc = from_text("\n".join(lines))
    (art,) = doc.articles
    assert (art.kicker, art.title) == ("社论", "聚跟毛主席永远向前进")
    assert [b.text for b in art.head][:1] == ["社论"]


@pytest.mark.parametrize(
    ("line", "byline"),
    [("本报编郸部", True), ("本报理论部", True), ("本报编辑部", True), ("本报记者", False)],
)
def test_one_of_the_papers_offices_under_a_title_is_its_byline(line: str, byline: bool) -> None:
    """Page 08: the title of a collection of quotations, then the office that compiled
    it (本报编辑部, its 辑 misread 郸), then the editor's note. 本报 and an office's name is
    a byline whether or not the OCR read the name right."""
    lines = [
        "陶铸反毛泽东思想言论摘录",
        line,
        "编者按：陶铸，又一个赫鲁晓夫式的个人野心家。长期以来，他披着马列主义、",
        "毛泽东思想的外衣，打着“红旗”反红旗，干了一系列反革命的勾当。",
    ]
    doc = from_text("\n".join(lines))
    assert (doc.articles[0].byline == line) is byline


@pytest.mark.parametrize(
    ("slogan", "furniture"),
    [
        (["打倒阎王", "解放小鬼！"], True),
        (["打倒阎王解放小鬼！"], True),
        (["毛主席万岁！"], True),
        (["敬祝伟大的领袖", "毛主席", "万寿无疆"], True),
        (["打倒阎王"], False),  # no exclamation: a title
        (["全国人民团结起来，", "打倒美帝！"], False),  # a comma: a sentence
    ],
)
def test_a_slogan_read_right_after_the_issue_lines_is_furniture(
    slogan: list[str], furniture: bool
) -> None:
    """Pages 03 and 10: a slogan set beside the masthead (打倒阎王 / 解放小鬼！, 敬祝伟大的
    领袖 / 毛主席 / 万寿无疆), read right after the paper's issue and publisher lines and
    before the quotation's text: one item of furniture, not a title and a paragraph."""
    lines = [
        "毛主席最新指示",
        "文革简讯",
        "第2期",
        "1967年9月19日",
        "红卫兵上海第三司令部崇明联络站主办",
        *slogan,
        "不要怕闹，闹得越大越长越好，七闹八闹，总会闹出名堂来的，可以闹清楚。",
    ]
    doc = from_text("\n".join(lines))
    read = dict((text, kind) for kind, text in kinds(doc))
    assert (read.get("".join(slogan)) == "noise") is furniture  # one item over its lines


def test_a_numbered_item_whose_sentence_the_next_short_line_ends_is_a_paragraph() -> None:
    """Page 05 set in columns of varying width: item (四)'s first line, with commas, falls
    a few characters short of the column where the column is narrower, and the next line
    ends its sentence (…不允许 / 变相体罚。). Where the page numbers paragraphs in this
    style, that is the item's paragraph going on, not a heading over a paragraph of one
    short line."""
    lines = [
        "（三）回去检查要在军事勤务以外的时间进行。如有重要事务，经过",
        "协商，时间可予推迟。",
        "（四）对于回去作检查的成员，不允许扒领章、帽徽，不允许",
        "变相体罚。",
        "（五）普通队员一律不回去检查。分组长如无严重错误，也一律不再",
        "回去检查。",
    ]
    doc = from_text("\n".join(lines))
    assert ("paragraph", lines[2] + lines[3]) in kinds(doc)


def test_a_numbered_items_first_line_short_by_its_stripped_indent_is_the_items_paragraph() -> None:
    """Page 05 set ten characters wide, indents stripped: item (三)'s first line falls
    short of the column by its stripped indent and has no comma yet. Where the page numbers
    paragraphs in this style (item (二)'s line holds a full stop), it is the item's
    paragraph going on, not a heading."""
    lines = [
        "（二）不准打人。组长以",
        "上的成员要作检查的。",
        "（三）回去检查要",
        "在军事勤务以外的时间",
        "进行。如有重要事务，",
        "经过协商，时间可予推",
        "迟。",
    ]
    doc = from_text("\n".join(lines))
    assert ("paragraph", "".join(lines[2:])) in kinds(doc)


def test_a_numbered_line_whose_last_word_the_line_end_cuts_is_a_paragraph() -> None:
    """Page 05 set ten characters wide, indents stripped, and no numbered line of the
    style holds a full stop: item (一)'s first line falls short by its stripped indent and
    has no comma yet, as a heading would. But its line end cuts a word (回到地 / 方学校),
    which no heading's end does: the item's paragraph goes on."""
    lines = [
        "（一）军队回到地",
        "方学校、机关作检查的",
        "工作组的所有成员，各",
        "单位要在三、五日内让",
        "他们回到原工作岗位。",
    ]
    doc = from_text("\n".join(lines))
    assert ("paragraph", "".join(lines[:5])) in kinds(doc)
    # A heading whose line end makes no word with the next line stays a heading.
    heading = [
        "（一）重视程度有待提高",
        "首先，一些基层单位对思想政治工作重视",
        "不够，没有把它摆上应有的位置。",
    ]
    doc = from_text("\n".join(heading))
    assert ("heading", heading[0]) in kinds(doc)


@pytest.mark.parametrize(
    ("first", "second"),
    [("国有企业基层党建思想政治工作的创新探", "索"), ("“三晋英才”专家服", "务基层活动启动")],
)
def test_a_title_wrapped_inside_a_word_is_one_title_not_a_kicker_over_a_title(
    first: str, second: str
) -> None:
    """A title set in a narrow column wraps inside a word (创新探 / 索, 专家服 / 务): two
    short unpunctuated lines over a byline read as a kicker over its title, but no
    kicker ends inside a word that its title finishes. One title."""
    doc = from_text("\n".join([first, second, "本报记者 张三", "近日，省委组织部启动了这项活动。"]))
    assert kinds(doc)[0] == ("title", first + second)
    # A kicker whose end makes no word with the title's start stays a kicker.
    doc = from_text(
        "\n".join(["深化放管服改革", "让群众办事更便捷", "本报记者 张三", "近日，本市启动了改革。"])
    )
    assert kinds(doc)[:2] == [("kicker", "深化放管服改革"), ("title", "让群众办事更便捷")]


def test_a_numbered_line_wrapped_onto_a_line_holding_a_full_stop_is_a_paragraph() -> None:
    """Page 10 set in a narrow column, indents kept: item 四's first line has a comma and
    no full stop, so it could be a heading wrapping; its third line holds one. It was a numbered
    paragraph all along, one block to its end, not a heading cut after three lines."""
    lines = [
        "    第一点，停止武斗，各派树",
        "立稳定无产阶级革命的秩序；",
        "第三点，保护国家财产；第四",
        "点，保护革命群众中不同意见",
        "的人的人身安全。",
        "    三、不要武斗，禁止打、",
        "砸、抢、抓、抄。",
        "    四、煽动武斗的坏人，应",
        "受无产阶级专政国家的法律制",
        "裁。坏人煽动武斗的话，那坏",
        "人就暴露出来了，要追查坏人，",
        "要进行制裁。",
    ]
    doc = from_text("\n".join(lines))
    assert ("paragraph", "".join(line.strip() for line in lines[7:])) in kinds(doc)


def test_a_bracketed_source_wrapped_before_its_closing_bracket_is_one_piece_of_end_matter() -> None:
    """Page 08 set in a narrow column: a quotation's bracketed source wraps before its
    closing bracket. The two lines are one source, end matter, not a kicker over the
    next item's title."""
    lines = [
        "毛主席……是我们党的最高领袖，他的话都是我们行动的准则。",
        "（一九六五年五月十八日在中央政治",
        "局扩大会议上的讲话）",
        "陶铸反毛泽东思想言论摘录",
        "编者按：陶铸，又一个赫鲁晓夫式的个人野心家。长期以来，他披着马列主义、",
        "毛泽东思想的外衣，打着“红旗”反红旗，干了一系列反革命的勾当。",
    ]
    doc = from_text("\n".join(lines))
    assert ("end", lines[1] + lines[2]) in kinds(doc)
    assert doc.articles[-1].kicker is None


def test_the_body_reprinting_the_paper_beside_the_masthead_is_furniture() -> None:
    """Page 10: under the issue lines, the body that reprinted the paper over three lines
    (浙江工农兵美术大学 / 红卫兵战斗队 / 毛泽东主义红卫兵), then a cheer: one item of
    furniture each, not a title over the quotation box's text."""
    lines = [
        "毛主席语录",
        "文革通讯",
        "第33期",
        "1967.5.19",
        "浙江工农兵美术大学",
        "红卫兵战斗队",
        "毛泽东主义红卫兵",
        "敬祝伟大的领袖",
        "毛主席",
        "万寿无疆",
        "在阶级社会中，每一个人都在一定的阶级地位中生活，各种思想无不打上阶级的",
        "烙印。",
    ]
    doc = from_text("\n".join(lines))
    read = kinds(doc)
    assert ("noise", "".join(lines[4:7])) in read
    assert ("noise", "".join(lines[7:10])) in read
    assert [a.title for a in doc.articles] == ["毛主席语录"]


def test_a_documents_title_set_wider_than_the_column_over_its_text_stands_alone() -> None:
    """Page 05 set twenty characters wide: a document's title (关于…的规定) printed on one
    line wider than the column, right over the text, after a paragraph that ended. The
    narrower line under it is the text's first, not the title's tail."""
    lines = [
        "世界上一切革命斗争都是为着夺取政权，巩",
        "固政权。",
        "关于军队参加地方文化大革命工作组回学校、机关检查的规定",
        "中央军委一月二十八日的命令指出：“一切",
        "指战员、政治工作人员、勤务、医疗、科研和机",
        "要工作人员，必须坚守岗位，不得擅离职守。”",
    ]
    doc = from_text("\n".join(lines))
    assert [a.title for a in doc.articles][-1] == lines[2]


def test_a_title_over_a_line_naming_a_document_stands_alone_where_indents_are_kept() -> None:
    """Page 12 set twelve characters wide, indents kept: a title wider than the column,
    then a line naming the material printed under it (关于…的讲话材料), then the indented
    text. The title does not run on into the line under it."""
    lines = [
        "　　……把世界革命进行到底，书写",
        "无产阶级革命斗争史上无可比",
        "拟的光辉篇章！",
        "英雄的淮北儿女举双手欢迎你们",
        "关于上海知识青年赴安徽插队落户干革命的讲话材料",
        "　　在辽阔的淮北大平原上，",
        "英雄的淮北儿女高举毛泽东",
        "思想伟大红旗，与天奋斗。",
    ]
    doc = from_text("\n".join(lines))
    assert [(a.title, a.subtitle) for a in doc.articles][-1] == (lines[3], lines[4])


def test_a_reprinted_from_line_wrapped_over_three_lines_is_one_piece_of_end_matter() -> None:
    """Page 08 set twelve characters wide: the quotation's 转摘自《…》 wraps over three
    lines. They are one piece of end matter under the quotation, not end matter over a
    kicker of the title printed under it."""
    lines = [
        "要特别警惕象赫鲁晓夫",
        "那样的个人野心家和阴谋家，",
        "防止这样的人篡夺党和国家",
        "的各级领导。",
        "转摘自《关于赫鲁晓夫的假",
        "共产主义及其在世界历史上",
        "的教训》",
        "毛主席语录",
    ]
    doc = from_text("\n".join(lines))
    assert ("end", "".join(lines[4:7])) in kinds(doc)
    assert doc.articles[0].kicker is None


def test_a_full_line_naming_a_document_over_numbered_points_is_its_title() -> None:
    """Page 10 set seventeen characters wide, indents kept: the title 陈伯达同志给北京市
    革委会的六点指示 fills its line, and the points under it are numbered. A line of its
    own naming a document or a speech is the title over them, not a sentence the number
    goes on."""
    lines = [
        "同时说由于军委等工作忙要求辞去高等",
        "军事科学院院长的职务。",
        "\u3000\u3000总理在叶讲话前说请叶剑英作指示。",
        "萧华同志也讲了话，其他首长未讲话。",
        "据到会人反映，叶剑英检查态度不好。",
        "陈伯达同志给北京市革委会的六点指示",
        "\u3000\u3000一、革命群众都必须坚决贯彻执行",
        "毛主席党中央“抓革命、促生产”的伟",
        "大指示，争取革命生产双丰收。",
    ]
    doc = from_text("\n".join(lines))
    assert [a.title for a in doc.articles][-1] == lines[5]


def test_a_decorated_titles_frame_read_as_characters_and_hashes_is_furniture() -> None:
    """PaddleOCR reads a decorated frame (a title's border, a rule of flowers) as a few
    characters with #s among them. They are page furniture, not a title over the text
    under them; a # inside a line of text is a character OCR could not read."""
    text = (
        "贵#婴信#\n前言\n为了大揭市委阶级斗争的盖子，市革命派联络站于五月二十九日至六月一日\n"
        "邀请各方代表对以江川为首的当权派进行了揭发，大会上，\n知陈#通也到会。\n"
        "第二段的文字从这里开始，写得很长很长，一直写到这一行的末尾为止，然后换行。\n"
    )
    doc = from_text(text)
    assert (BlockKind.FURNITURE, "贵#婴信#") in kinds(doc)
    assert [a.title for a in doc.articles] == ["前言"]
    # A paragraph's short last line with a character OCR could not read stays its end.
    assert doc.articles[0].blocks[-2].text.endswith("大会上，知陈#通也到会。")
