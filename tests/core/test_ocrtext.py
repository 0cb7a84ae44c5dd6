"""What the boxes show, written as the engine reads text: first-line indents, centred
headlines, and a column's edges taken from most of its lines."""

from __future__ import annotations

import json

from reader.core.layout import reading_order
from reader.core.model import Document
from reader.core.ocr import Box, OcrLine, OcrPage
from reader.core.ocrtext import INDENT, _page_lines

H = 40.0  # body type: one character is as wide as the line is high


def line(text: str, x0: float, y0: float, size: float = H) -> OcrLine:
    box = Box(x0, y0, x0 + len(text) * size, y0 + size)
    return OcrLine(text, box, None, None, 0, None, False)


def paddle_json(rows: list[OcrLine], height: int) -> bytes:
    """The lines as an archive's PaddleOCR JSON."""
    results = [
        {"text": r.text, "box": [[r.box.x0, r.box.y0], [r.box.x1, r.box.y0],
                                 [r.box.x1, r.box.y1], [r.box.x0, r.box.y1]]}
        for r in rows
    ]  # fmt: skip
    dimensions = {"width": 2000, "height": height}
    return json.dumps({"ocr_results": results, "dimensions": dimensions}).encode("utf-8")


def page(lines: list[OcrLine]) -> OcrPage:
    return OcrPage(2000.0, 2000.0, tuple(lines), False)


def _over_a_story(rows: list[OcrLine], y: float) -> Document:
    """The rows over a story from `y` down (its title, four lines of text), read as an
    archive's PaddleOCR JSON."""
    from reader.core.document import _from_ocr

    rows = [*rows, line("第一篇文章的标题", 100 + 2 * H, y, size=2 * H)]
    y += 3 * H
    for n in range(4):
        rows.append(line(BODY[30 + n : 30 + n + 18], 100, y))
        y += 1.3 * H
    return _from_ocr(paddle_json(rows, int(y + 100)), "page.json")


def _noise(doc: Document) -> set[str]:
    """The page furniture's texts, spaces taken out."""
    return {"".join(b.text.split()) for _, b in doc.iter_blocks() if b.kind == "noise"}


def test_indents_and_centred_headlines() -> None:
    rows = [
        line("毛主席最新指示", 100 + 6.5 * H, 100),  # centred over a 20-character column
        line("要关心群众生活，注意工作方法，这是", 100 + 2 * H, 100 + 1.5 * H),
        line("一个十分重要的问题，我们必须重视它", 100, 100 + 3 * H),
        line("和认真研究它，切实解决好群众的问", 100, 100 + 4.5 * H),
        line("题。", 100, 100 + 6 * H),
        line("各级组织要把这件事放在重要位置上，", 100 + 2 * H, 100 + 7.5 * H),
        line("认真抓紧抓好，把工作落到实处。", 100, 100 + 9 * H),
        line("编", 100 - 3 * H, 100 + 9 * H),  # a stray left of the column
    ]
    rendered = [text for text, _placed, _junk in _page_lines(reading_order(page(rows)))]
    texts = [r for r in rendered if r]
    assert texts[0] == "毛主席最新指示"
    # the centred line stands apart: a blank line after it
    assert rendered[1] == ""
    indented = [r.removeprefix(INDENT) for r in texts if r.startswith(INDENT)]
    assert indented == ["要关心群众生活，注意工作方法，这是", "各级组织要把这件事放在重要位置上，"]


def test_a_change_of_the_formats_region_is_a_break() -> None:
    from dataclasses import replace

    first = [replace(line(t, 100, 100 + n * 1.5 * H), region="b1") for n, t in enumerate(
        ("第一段的第一行文字写到这里为止", "第一段的第二行。"))]  # fmt: skip
    second = [replace(line("第二段紧接着开始而没有缩进", 100, 100 + 3 * H), region="b2")]
    rendered = [text for text, _p, _j in _page_lines(reading_order(page([*first, *second])))]
    assert rendered == [
        "第一段的第一行文字写到这里为止",
        "第一段的第二行。",
        "",
        "第二段紧接着开始而没有缩进",
    ]
    # Without regions (PaddleOCR gives none) nothing is added.
    plain = [replace(x, region=None) for x in [*first, *second]]
    assert "" not in [text for text, _p, _j in _page_lines(reading_order(page(plain)))]


BODY = (
    "革命群众要关心国家大事，把无产阶级文化大革命进行到底，坚决执行毛主席的革命路线，"
    "紧跟毛主席的伟大战略部署，在斗争中学习，在学习中斗争，不断提高自己的觉悟"
)


def test_a_column_set_narrower_further_down_keeps_its_own_edge() -> None:
    """The lower half of a column set two characters in (a boxed piece, a warped scan):
    its lines are measured against the edge where they sit, so only first lines indent."""
    rows, y = [], 100.0
    for n in range(12):
        lower = n >= 6
        x0 = 100 + (2 * H if lower else 0)
        width = 16 if lower else 18
        first = n in (0, 6, 9)
        x = x0 + (2 * H if first else 0)
        rows.append(line(BODY[n : n + width - (2 if first else 0)], x, y))
        y += 1.3 * H
    rendered = [text for text, _p, _j in _page_lines(reading_order(page(rows)))]
    assert [n for n, text in enumerate(rendered) if text.startswith(INDENT)] == [0, 6, 9]


def test_a_sheared_column_is_measured_along_its_drift() -> None:
    """A sheared scan (as the real page 03): each line of a column starts and ends 0.06
    of a character further right than the one above, which turning the page does not
    undo. Lines are measured against the drifting edges: a sentence's end is followed by
    a line that sits 1.5 characters right of where most of the column starts, and is no
    indent, while the real first-line indents are."""
    rows, y = [], 100.0
    firsts = (0, 12, 24)
    for n in range(34):
        first = n in firsts
        text = BODY[n : n + (16 if first else 18)]
        if n == 32:
            text = text[:-1] + "。"
        rows.append(line(text, 100 + 0.06 * H * n + (2 * H if first else 0), y))
        y += 1.3 * H
    rendered = [text for text, _p, _j in _page_lines(reading_order(page(rows)))]
    assert [n for n, text in enumerate(rendered) if text.startswith(INDENT)] == list(firsts)


def test_latin_indents_are_measured_in_letters() -> None:
    """An English paragraph is indented by an em or so, under a line's height: still an
    indent, where Chinese type would need two characters."""
    cell = 0.45 * H  # a letter's width beside the line's height

    def latin(text: str, x0: float, y0: float) -> OcrLine:
        box = Box(x0, y0, x0 + len(text) * cell, y0 + H)
        return OcrLine(text, box, None, None, 0, None, False)

    words = "The general tieup of craft in the harbor that has been threatened for days "
    rows = []
    for n in range(8):
        first = n % 4 == 0
        text = (words * 2)[n : n + (36 if first else 38)]
        rows.append(latin(text, 100 + (2 * cell if first else 0), 100 + n * 1.2 * H))
    rendered = [text for text, _p, _j in _page_lines(reading_order(page(rows)))]
    assert [n for n, text in enumerate(rendered) if text.startswith(INDENT)] == [0, 4]


def test_specks_are_set_apart_and_short_last_lines_stay() -> None:
    """A speck read as a character (small type, no sentence end) leaves the running text
    and is written at the next break, marked as junk; a paragraph's last line of two
    characters ends a sentence and stays where it is."""
    from reader.core.decode import Decoded
    from reader.core.document import build
    from reader.core.ocr import OcrDocument
    from reader.core.ocrtext import ocr_text

    rows = [
        line(BODY[:18], 100, 100),
        line("福", 100 + 18.3 * H, 100 + 0.3 * H, size=0.4 * H),  # a speck beside the line
        line(BODY[18:36], 100, 100 + 1.3 * H),
        line("底。", 100, 100 + 2.6 * H),
        line(BODY[36:54], 100 + 2 * H, 100 + 3.9 * H),
        line(BODY[54:72], 100, 100 + 5.2 * H),
    ]
    text = ocr_text(OcrDocument("paddle", (page(rows),)))
    junk = [text.lines[k] for k in sorted(text.junk)]
    assert junk == ["福"]
    assert text.lines.index("福") > text.lines.index("底。")
    doc = build(
        Decoded("\n".join(text.lines) + "\n", "PaddleOCR", "LF"), "", "", "paragraph", text.junk
    )
    kinds = [(b.kind, b.text) for _, b in doc.iter_blocks()]
    paragraphs = [t for kind, t in kinds if kind == "paragraph"]
    assert paragraphs[0].startswith(BODY[:36] + "底。")
    assert not any("福" in t for t in paragraphs)
    assert ("noise", "福") in kinds


def test_a_character_in_a_box_far_longer_than_it_is_a_mark_not_text() -> None:
    """OCR read a smudge in the whitespace between two paragraphs as 舌, in a box in body
    type but four characters long (real page 16): a mark, set apart, and no heading of
    its own. (A character's box is about square; a digit's narrower; two characters set
    wide, 社 论, are a label.)"""
    from reader.core.decode import Decoded
    from reader.core.document import build
    from reader.core.ocr import OcrDocument
    from reader.core.ocrtext import ocr_text

    smudge = OcrLine("舌", Box(100 + 5 * H, 100 + 2.6 * H, 100 + 8.9 * H, 100 + 3.5 * H),
                     None, None, 0, None, False)  # fmt: skip
    label = OcrLine(
        "社论",
        Box(100 + 5 * H, 100 - 1.5 * H, 100 + 12 * H, 100 - 0.5 * H),
        None,
        None,
        0,
        None,
        False,
    )  # fmt: skip  (two characters set wide)
    rows = [
        label,
        line(BODY[:18], 100, 100),
        line(BODY[18:26] + "。", 100, 100 + 1.3 * H),
        smudge,
        line(BODY[36:52], 100 + 2 * H, 100 + 3.9 * H),
        line(BODY[52:70], 100, 100 + 5.2 * H),
    ]
    text = ocr_text(OcrDocument("paddle", (page(rows),)))
    assert [text.lines[k] for k in sorted(text.junk)] == ["舌"]
    doc = build(
        Decoded("\n".join(text.lines) + "\n", "PaddleOCR", "LF"), "", "", "paragraph", text.junk
    )
    assert [(b.kind, b.text) for _, b in doc.iter_blocks() if "舌" in b.text] == [("noise", "舌")]


def test_a_speck_waits_for_a_break_where_a_paragraph_runs_into_the_next_column() -> None:
    """A speck in the first column of a paragraph that runs on into the second is not
    written at the column's end, where it would cut the paragraph in two: it waits for
    the next place the text breaks anyway (here after the paragraph's full stop)."""
    from reader.core.decode import Decoded
    from reader.core.document import build
    from reader.core.ocr import OcrDocument
    from reader.core.ocrtext import ocr_text

    second = 100 + 19 * H  # the second column's left edge
    rows = [
        line(BODY[:16], 100 + 2 * H, 100),
        line("福", 100 + 8 * H, 100 + 0.7 * H, size=0.4 * H),  # a speck between lines
        line(BODY[16:34], 100, 100 + 1.3 * H),
        line(BODY[34:52], 100, 100 + 2.6 * H),
        line(BODY[52:70], second, 100),
        line("底。", second, 100 + 1.3 * H),
        line(BODY[:16], second + 2 * H, 100 + 2.6 * H),
        line(BODY[16:34], second, 100 + 3.9 * H),
        line(BODY[34:40] + "。", second, 100 + 5.2 * H),
    ]
    text = ocr_text(OcrDocument("paddle", (page(rows),)))
    assert [text.lines[k] for k in sorted(text.junk)] == ["福"]
    doc = build(
        Decoded("\n".join(text.lines) + "\n", "PaddleOCR", "LF"), "", "", "paragraph", text.junk
    )
    kinds = [(b.kind, b.text) for _, b in doc.iter_blocks()]
    paragraphs = [t for kind, t in kinds if kind == "paragraph"]
    assert paragraphs[:2] == [BODY[:70] + "底。", BODY[:40] + "。"]
    assert ("noise", "福") in kinds


def test_a_rule_read_as_digits_inside_a_column_is_set_apart() -> None:
    """A rule or ornament the OCR program read as a row of digits, level with the column
    between two lines of one paragraph, is junk written apart, not a line of the
    paragraph or the subtitle of the headline over it."""
    from reader.core.ocr import OcrDocument
    from reader.core.ocrtext import ocr_text

    rule = "1366666766666666666636666666699666"
    rows = [
        line(BODY[:16], 100 + 2 * H, 100),
        line(BODY[16:34], 100, 100 + 1.3 * H),
        line(rule, 100, 100 + 2.3 * H, size=0.5 * H),
        line(BODY[34:52], 100, 100 + 2.9 * H),
        line(BODY[52:60] + "。", 100, 100 + 4.2 * H),
    ]
    text = ocr_text(OcrDocument("paddle", (page(rows),)))
    assert [text.lines[k] for k in sorted(text.junk)] == [rule]
    at = text.lines.index(rule)
    assert text.lines[:at] == [
        "\u3000\u3000" + BODY[:16],
        BODY[16:34],
        BODY[34:52],
        BODY[52:60] + "。",
        "",
    ]


def test_a_character_in_body_type_beside_a_line_is_set_apart_too() -> None:
    """A character as large as the body's, level with a line of its column and clear of
    it (show-through, a fragment of a rule), is no speck by its size, yet it is out of
    the text's flow: it is written after its column as junk, not glued into the
    paragraph it sits beside."""
    from reader.core.ocr import OcrDocument
    from reader.core.ocrtext import ocr_text

    rows = [
        line(BODY[:18], 100, 100),
        line(BODY[18:36], 100, 100 + 1.3 * H),
        line("浓", 100 + 19 * H, 100 + 1.3 * H, size=0.9 * H),
        line(BODY[36:54], 100, 100 + 2.6 * H),
        line(BODY[54:60] + "。", 100, 100 + 3.9 * H),
    ]
    text = ocr_text(OcrDocument("paddle", (page(rows),)))
    assert [text.lines[k] for k in sorted(text.junk)] == ["浓"]
    assert text.lines.index("浓") > text.lines.index(BODY[54:60] + "。")


def test_a_line_in_headline_type_starts_an_article_and_a_large_quotation_does_not() -> None:
    """Type size is what a plain export loses: a line set twice the body's size between
    two stories is the second one's title, though no byline follows it; five lines in
    large type are text (a quotation box), not a headline."""
    from reader.core.document import _from_ocr

    rows, y = [], 100.0

    def body_lines(start: int, count: int) -> None:
        nonlocal y
        for n in range(count):
            first = n == 0
            x = 100 + (2 * H if first else 0)
            rows.append(line(BODY[start + n : start + n + (16 if first else 18)], x, y))
            y += 1.3 * H

    big = 2 * H
    rows.append(line("第一篇文章的标题", 100 + 2 * H, y, size=big))
    y += 1.5 * big
    body_lines(0, 4)
    y += H
    rows.append(line("第二篇文章的标题", 100 + 2 * H, y, size=big))
    y += 1.5 * big
    body_lines(10, 4)
    y += H
    for n in range(5):  # a quotation set large
        rows.append(line(BODY[40 + 8 * n : 48 + 8 * n], 100, y, size=1.6 * H))
        y += 2 * H
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    titles = [a.title for a in doc.articles]
    assert titles[:2] == ["第一篇文章的标题", "第二篇文章的标题"]
    last = doc.articles[-1].all_blocks()
    assert all(b.kind == "paragraph" for b in last if BODY[40:48] in b.text)


def test_the_masthead_and_its_issue_lines_are_furniture() -> None:
    """The paper's name in the largest type at the top and the issue number, date and
    publisher beside it are page furniture; the quotation box beside them and the first
    story's headline are not."""
    from reader.core.document import _from_ocr

    rows = [
        line("红色战报", 100, 100, size=4 * H),
        line("第十七期", 100, 100 + 4.3 * H),
        line("一九六七年四月二十七日", 100 + 5 * H, 100 + 4.3 * H),
        line("首都红卫兵代表大会主办", 100, 100 + 5.6 * H),
        line("毛主席语录", 1100, 100, size=1.6 * H),
        line(BODY[:18], 1100, 100 + 2 * H),
        line(BODY[18:26] + "。", 1100, 100 + 3.3 * H),
    ]
    y = 100 + 8 * H
    rows.append(line("第一篇文章的标题", 100 + 2 * H, y, size=2 * H))
    y += 3 * H
    for n in range(6):
        first = n in (0, 3)
        x = 100 + (2 * H if first else 0)
        rows.append(line(BODY[30 + n : 30 + n + (16 if first else 18)], x, y))
        y += 1.3 * H
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    noise = [b.text for _, b in doc.iter_blocks() if b.kind == "noise"]
    assert {"红色战报", "第十七期", "一九六七年四月二十七日", "首都红卫兵代表大会主办"} <= set(
        "".join(t.split()) for t in noise
    )
    titles = [a.title for a in doc.articles]
    assert "红色战报" not in titles and "第一篇文章的标题" in titles
    assert any(BODY[:18] in b.text and b.kind == "paragraph" for _, b in doc.iter_blocks())


def test_an_issue_number_whose_first_character_ocr_misread_is_furniture_too() -> None:
    """OCR read the 第 of 第54号 as 忠: a number of issue alone on its line under the
    masthead still says what issue this is, and both are page furniture."""

    rows = [line("红色战报", 100, 100, size=4 * H), line("忠54号", 100, 100 + 4.3 * H)]
    y = 100 + 7 * H
    doc = _over_a_story(rows, y)
    noise = _noise(doc)
    assert {"红色战报", "忠54号"} <= noise


def test_a_cheer_in_body_type_left_of_the_issue_lines_is_furniture() -> None:
    """Page 10: 敬祝伟大的领袖 / 毛主席 / 万寿无疆 in body type to the left of the
    masthead's date line, read before the masthead: page furniture, not a kicker and
    title over the quotation box beside it."""

    rows = [
        line("文革通讯", 400, 100, size=3 * H),
        line("第33期", 380, 100 + 3.3 * H),
        line("内部参考注意保存", 400, 100 + 4.6 * H),
        line("1967.5.19", 380, 100 + 5.9 * H),
        line("敬祝伟大的领袖", 100, 100 + 5.9 * H),
        line("毛主席", 130, 100 + 7.2 * H),
        line("万寿无疆", 110, 100 + 8.5 * H),
        line("毛主席语录", 1100, 100, size=1.6 * H),
        line(BODY[:12], 1100, 100 + 2 * H),
        line(BODY[12:24], 1100, 100 + 3.3 * H),
        line(BODY[24:30] + "。", 1100, 100 + 4.6 * H),
    ]
    y = 100 + 12 * H
    doc = _over_a_story(rows, y)
    noise = _noise(doc)
    assert {"敬祝伟大的领袖", "毛主席", "万寿无疆"} <= noise
    titles = [a.title for a in doc.articles]
    assert titles[:2] == ["毛主席语录", "第一篇文章的标题"]


def test_a_headline_ending_in_a_cheer_beside_the_masthead_stays_a_title() -> None:
    """无产阶级 / 文化大革命万岁 set large beside the masthead, with its text under it: the
    title of that text, not a slogan."""
    rows = [
        line("文革通讯", 100, 100, size=3 * H),
        line("第33期", 100, 100 + 3.3 * H),
        line("1967.5.19", 100, 100 + 4.6 * H),
        line("无产阶级", 700, 100, size=1.6 * H),
        line("文化大革命万岁", 700, 100 + 1.8 * H, size=1.6 * H),
        line(BODY[:16], 700, 100 + 4 * H),
        line(BODY[16:32], 700, 100 + 5.3 * H),
        line(BODY[32:44] + "。", 700, 100 + 6.6 * H),
    ]
    doc = _over_a_story(rows, 100 + 10 * H)
    assert not {"无产阶级", "文化大革命万岁"} & _noise(doc)
    assert "无产阶级文化大革命万岁" in [a.title for a in doc.articles]


def test_a_speechs_source_under_the_masthead_is_text_not_an_issue_line() -> None:
    """Page 08: speeches quoted in a column beside the masthead, each closed by a line
    that opens with the date it was made; the masthead's own date line is furniture."""
    from reader.core.document import _from_ocr

    rows = [
        line("大批判", 100, 100, size=4 * H),
        line("1967年9月19日星期二", 100, 100 + 4.3 * H),
        line("周总理：", 100 + 6 * H, 100 + 5.6 * H),
        line(BODY[:18], 100 + 6 * H, 100 + 6.9 * H),
        line(BODY[18:26] + "。", 100 + 6 * H, 100 + 8.2 * H),
        line("一九六七年二月一日对工交口的讲话", 100 + 8 * H, 100 + 9.5 * H),
    ]
    y = 100 + 12 * H
    for n in range(4):
        rows.append(line(BODY[30 + n : 30 + n + 18], 100, y))
        y += 1.3 * H
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    kinds = {"".join(b.text.split()): b.kind for _, b in doc.iter_blocks()}
    assert kinds["1967年9月19日星期二"] == "noise"
    assert kinds["一九六七年二月一日对工交口的讲话"] == "end"


def test_a_slogan_flanking_the_masthead_is_furniture_and_a_box_title_is_not() -> None:
    """Two short lines set large beside the masthead, with nothing under them, are a
    slogan flanking the paper's name: page furniture, no article. The title of a
    quotation box on the masthead's other side has its text under it, and stays."""

    rows = [
        line("红色战报", 800, 100, size=4 * H),
        line("第十七期", 800, 100 + 4.3 * H),
        line("打倒阁王", 1600, 120, size=2.5 * H),
        line("解放小鬼！", 1600, 120 + 3 * H, size=2.5 * H),
        line("毛主席语录", 100, 100, size=2 * H),
        line(BODY[:14], 100, 100 + 2.5 * H),
        line(BODY[14:20] + "。", 100, 100 + 3.8 * H),
    ]
    y = 100 + 8 * H
    doc = _over_a_story(rows, y)
    noise = _noise(doc)
    assert "打倒阁王解放小鬼！" in noise  # one item of furniture over two lines
    titles = [a.title for a in doc.articles]
    assert "毛主席语录" in titles and "第一篇文章的标题" in titles
    assert not {"打倒阁王", "解放小鬼！"} & set(titles)


def test_a_line_in_by_less_than_a_clear_indent_is_one_only_after_a_paragraph_end() -> None:
    """Boxes jitter: a line that starts a character and a half in after a full line that
    ends mid-sentence goes on from it; after a line that ends a sentence, it starts a
    paragraph. A line far further in than any indent sits elsewhere and is not one."""
    rows = [
        line(BODY[:18], 100, 100),
        line(BODY[18:35], 100 + 1.5 * H, 100 + 1.3 * H),  # jitter, mid-sentence above
        line(BODY[35:45] + "。", 100, 100 + 2.6 * H),
        line(BODY[46:63], 100 + 1.5 * H, 100 + 3.9 * H),  # after a sentence's end
        line(BODY[63:81], 100, 100 + 5.2 * H),
        line(BODY[:10], 100 + 8 * H, 100 + 6.5 * H),  # eight characters in
        line(BODY[10:28], 100, 100 + 7.8 * H),
    ]
    rendered = [text for text, _p, _j in _page_lines(reading_order(page(rows)))]
    assert [n for n, text in enumerate(rendered) if text.startswith(INDENT)] == [3]


def test_a_paragraph_runs_across_a_page_break_and_knows_both_pages() -> None:
    """A file of several pages is one document: a paragraph whose last line on one page
    is full and ends mid-sentence goes on at the top of the next, and its regions name
    both pages; one that ends a sentence there ends."""
    from reader.core.decode import Decoded
    from reader.core.document import build
    from reader.core.ocr import OcrDocument
    from reader.core.ocrtext import ocr_text

    def numbered(rows: list[OcrLine], number: int) -> OcrPage:
        from dataclasses import replace

        return page([replace(r, page=number) for r in rows])

    first = [
        line(BODY[:16], 100 + 2 * H, 100),
        line(BODY[16:34], 100, 100 + 1.3 * H),
        line(BODY[34:52], 100, 100 + 2.6 * H),  # full, mid-sentence: goes on overleaf
    ]
    second = [
        line(BODY[52:66] + "。", 100, 100),
        line(BODY[:16], 100 + 2 * H, 100 + 1.3 * H),
        line(BODY[16:30] + "。", 100, 100 + 2.6 * H),
    ]
    text = ocr_text(OcrDocument("paddle", (numbered(first, 0), numbered(second, 1))))
    doc = build(Decoded("\n".join(text.lines) + "\n", "PaddleOCR", "LF"), "", "", "paragraph")
    doc.line_boxes = text.boxes
    paragraphs = [b for _, b in doc.iter_blocks() if b.kind == "paragraph"]
    assert [b.text for b in paragraphs] == [BODY[:66] + "。", BODY[:30] + "。"]
    assert sorted({page for page, _box in doc.regions(paragraphs[0])}) == [0, 1]
    assert {page for page, _box in doc.regions(paragraphs[1])} == {1}


def test_a_line_in_body_type_under_a_headline_is_its_subtitle() -> None:
    """Kicker above, title in the largest type, subtitle under it in body type: the
    title is the last line set in headline type, whatever follows it."""
    from reader.core.document import _from_ocr

    rows = [
        line("毛主席语录", 100 + 4 * H, 100, size=2 * H),
        line("转摘自《人民日报》社论", 100 + 4 * H, 100 + 2.6 * H),
    ]
    y = 100 + 4.5 * H
    for n in range(5):
        first = n in (0, 3)
        x = 100 + (2 * H if first else 0)
        rows.append(line(BODY[n * 3 : n * 3 + (16 if first else 18)], x, y))
        y += 1.3 * H
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    article = doc.articles[0]
    assert (article.title, article.subtitle) == ("毛主席语录", "转摘自《人民日报》社论")


def test_a_headline_centred_over_two_lines_in_one_size_is_one_title() -> None:
    """Page 05: 关于军队参加地方文化大革命工作组 / 回学校、机关检封的规定, a headline in
    headline type over two lines, each centred over the column. A line centred in body
    type stands apart (a headline set in body type), and so each line stood apart: a
    kicker and a title. In one headline size they are one title."""
    from reader.core.document import _from_ocr

    big = 1.6 * H
    first, second = "关于军队参加地方文化大革命工作组", "回学校、机关检封的规定"
    rows = [
        line(first, 100 + (24 * H - len(first) * big) / 2, 100, size=big),
        line(second, 100 + (24 * H - len(second) * big) / 2, 100 + 1.3 * big, size=big),
    ]
    y = 100 + 3.5 * big
    for n in range(6):
        start = n * 4
        rows.append(line((BODY * 2)[start : start + 24], 100, y))
        y += 1.3 * H
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    article = doc.articles[0]
    assert (article.kicker, article.title) == (None, first + second)


def test_the_one_indented_line_of_a_page_starts_a_paragraph() -> None:
    """Page 13: a column whose text runs on from elsewhere (its first line not indented),
    and one paragraph starting in it, set in by two characters after a full line that
    ends a sentence. Too few lines are indented for the page to read as one that keeps
    its indents, but an indent the boxes show is a paragraph's first line all the same."""
    from reader.core.document import _from_ocr

    text = "".join(c for c in BODY * 8 if c not in "，。")
    rows, at, y = [], 0, 100.0
    for n in range(30):
        first = n == 20
        size = 16 if first else 18
        chunk = text[at : at + size]
        if n == 19:
            chunk = chunk[:-1] + "。"
        rows.append(line(chunk, 100 + (2 * H if first else 0), y))
        at += size
        y += 1.3 * H
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    paragraphs = [b.text for _, b in doc.iter_blocks() if b.kind == "paragraph"]
    assert len(paragraphs) == 2
    assert paragraphs[1].startswith(rows[20].text)


def test_a_headline_wrapped_inside_a_word_onto_one_character_is_one_title() -> None:
    """A headline over a column wraps with one character left for its second line
    (…的创新探 / 索). The boxes are padded, so that one character measures a size larger
    than the line above and a break is written between them; the word the line end cuts
    says the headline goes on."""
    from dataclasses import replace

    from reader.core.document import _from_ocr

    big = 2.2 * H
    head = "党建思想政治工作的创新探"
    rows = [
        line(head, 100, 100, size=big),
        line("索", 100 + 5.5 * big, 100 + 1.3 * big, size=big),
    ]
    y = 100 + 3 * big
    for n in range(6):
        first = n in (0, 4)
        rows.append(
            line(BODY[n * 3 : n * 3 + (16 if first else 18)], 100 + (2 * H if first else 0), y)
        )
        y += 1.3 * H
    pad = 0.15 * H  # the OCR program's padding
    rows = [
        replace(r, box=Box(r.box.x0 - pad, r.box.y0 - pad, r.box.x1 + pad, r.box.y1 + pad))
        for r in rows
    ]
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    assert doc.articles[0].title == head + "索"


def test_a_kicker_over_its_title_in_a_column_of_headlines_alone_stays_apart() -> None:
    """A kicker in headline type over a title set larger still, centred over two columns:
    the reading order gives the headlines a column of their own, whose own body is the
    headlines' type. Measured against the page's body, the two sizes are two parts of
    the headline (kicker, title), not one title wrapped over two lines."""
    from reader.core.document import _from_ocr

    rows = [
        line("深化放管服改革", 100 + 8 * H, 100, size=1.6 * H),
        line("让群众办事更便捷", 100 + 6 * H, 100 + 2.2 * H, size=2.2 * H),
    ]
    top = 100 + 5.5 * H
    for column in range(2):
        x0 = 100 + column * 20 * H
        for n in range(8):
            first = n in (0, 5)
            x = x0 + (2 * H if first else 0)
            start = column * 40 + n * 3
            rows.append(line(BODY[start : start + (16 if first else 18)], x, top + n * 1.3 * H))
    doc = _from_ocr(paddle_json(rows, 1000), "page.json")
    article = doc.articles[0]
    assert (article.kicker, article.title) == ("深化放管服改革", "让群众办事更便捷")


def test_a_latin_letter_alone_on_a_chinese_page_is_set_apart_whatever_its_size() -> None:
    """Page 08: a box of one Latin letter in body type (M) between a headline group and
    the text under it. On a Chinese page it is a speck or a misread mark, written apart
    as junk, not a line of text (it stood as the title of the text under it)."""
    from reader.core.ocr import OcrDocument
    from reader.core.ocrtext import ocr_text

    rows = [
        line(BODY[:18], 100, 100),
        line(BODY[18:36], 100, 100 + 1.3 * H),
        line("M", 100 + 8 * H, 100 + 2.6 * H),
        line(BODY[36:54], 100, 100 + 3.9 * H),
        line(BODY[54:60] + "。", 100, 100 + 5.2 * H),
    ]
    text = ocr_text(OcrDocument("paddle", (page(rows),)))
    assert [text.lines[k] for k in sorted(text.junk)] == ["M"]


def test_a_few_latin_letters_beside_a_column_on_a_chinese_page_are_junk() -> None:
    """Page 13: 2EE, a box of three Latin letters and digits to the right of a column's
    first lines, wholly outside it (a smudge or an ornament misread). It was read as the
    title of the column's quotation; it is junk. Inside the column, such a box is text
    (a line the OCR program cut at a space: GDP)."""
    from reader.core.ocr import OcrDocument
    from reader.core.ocrtext import ocr_text

    rows = [
        line("毛主席语录", 100 + 3 * H, 100, size=1.3 * H),
        line("2EE", 100 + 21 * H, 100 + 0.3 * H),
        *(line(BODY[n * 18 : n * 18 + 18], 100, 100 + (2 + n) * 1.3 * H) for n in range(3)),
        line(BODY[54:60] + "。", 100, 100 + 5 * 1.3 * H),
        line("GDP", 100, 100 + 6 * 1.3 * H),
        line(BODY[60:70] + "。", 100, 100 + 7 * 1.3 * H),
    ]
    text = ocr_text(OcrDocument("paddle", (page(rows),)))
    assert [text.lines[k] for k in sorted(text.junk)] == ["2EE"]


def test_a_quotation_box_set_larger_than_the_page_reads_its_first_line_as_text() -> None:
    """Page 16: a quotation box at the top of the page is set in type larger than the
    page's body, its first line indented and spaced a little wider. Measured against its
    own column (running text: its lines hold commas and full stops), that line is no
    headline, and the quotation stays one paragraph."""
    from reader.core.document import _from_ocr

    large = 1.4 * H
    quote = [
        "这次无产阶级文化大革命，最高司令是我们",
        "毛主席。毛主席是统帅。我们在伟大统帅的指挥下，",
        "好好地听我们统帅一一毛主席的话，文化大革命一",
        "定能顺利发展，一定能取得伟大胜利！",
    ]
    rows = [line(quote[0], 100 + 2 * large, 100, size=1.15 * large)]
    rows += [line(text, 100, 100 + (n + 1) * 1.3 * large, size=large) for n, text in
             enumerate(quote[1:])]  # fmt: skip
    y = 100 + 6 * large
    text, at = BODY * 4, 0
    for x in (100, 1100):  # two columns of the page's body under it
        for n in range(8):
            first = n in (0, 4)
            count = 18 if first else 20
            rows.append(line(text[at : at + count], x + (2 * H if first else 0), y + n * 1.3 * H))
            at += count
    doc = _from_ocr(paddle_json(rows, int(y + 12 * H)), "page.json")
    blocks = [(b.kind, b.text) for _, b in doc.iter_blocks()]
    assert blocks[0] == ("paragraph", "".join(quote))
    assert all(a.title is None for a in doc.articles)


def test_the_facing_pages_edge_caught_by_the_scan_is_furniture() -> None:
    """Page 06: a strip of the facing page at the scan's right edge (八征, 62), well clear
    of the page's own text, is page furniture, not an article; a short line at the end of
    the page's own last column, near the same edge, is text."""
    from reader.core.document import _from_ocr

    rows = [
        line("八征", 1940, 300, size=1.5 * H),
        line("62", 1950, 600),
        line("第一篇文章的标题", 100 + 2 * H, 100, size=2 * H),
    ]
    y = 100 + 3 * H
    for n in range(6):
        rows.append(line(BODY[n : n + 40], 100, y))
        y += 1.3 * H
    rows.append(line("完。", 100, y))
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    assert {"八征", "62"} <= _noise(doc)
    assert [a.title for a in doc.articles] == ["第一篇文章的标题"]
    # Where the page's own text reaches into the edge, nothing there is set apart.
    wide = OcrLine(BODY[:30], Box(100, y + 2 * H, 1990, y + 3 * H), None, None, 0, None, False)
    kept = _from_ocr(paddle_json([*rows, wide], int(y + 200)), "page.json")
    assert "八征" not in _noise(kept)


def test_a_cheer_across_the_page_between_two_stories_is_furniture() -> None:
    """Page 13: 毛主席万岁，万岁，万万岁 set large across the page between two stories, with
    偉大的导师偉大的领袖 / 偉大的统帅偉大的舵手 in body type to its left and ！！！ to its
    right, and the next story's title under it: a slogan band, not a title, and its short
    lines do not run into the story above. A cheer with text under it is a title."""
    from reader.core.document import _from_ocr

    rows = [line("第零篇文章的标题", 100 + 2 * H, 100, size=2 * H)]
    y = 100 + 3 * H
    for n in range(4):
        rows.append(line(BODY[n : n + 18], 100, y))
        y += 1.3 * H
    y += H
    band = [
        line("偉大的导师偉大的领袖", 100, y),
        line("毛主席万岁，万岁，万万岁", 600, y + 0.3 * H, size=2.5 * H),
        line("！！！", 600 + 12 * 2.5 * H, y + 0.3 * H, size=2.5 * H),
        line("偉大的统帅偉大的舵手", 100, y + 1.8 * H),
    ]
    doc = _over_a_story([*rows, *band], y + 4 * H)
    assert {
        "偉大的导师偉大的领袖",
        "偉大的统帅偉大的舵手",
        "毛主席万岁，万岁，万万岁",
        "！！！",
    } <= (_noise(doc))
    assert [a.title for a in doc.articles] == ["第零篇文章的标题", "第一篇文章的标题"]
    assert not any("偉大" in b.text for _, b in doc.iter_blocks() if b.kind == "paragraph")
    # Over its own story's text, the cheer is that story's title.
    under = [line(BODY[40 + n : 58 + n], 600, y + (3.5 + 1.3 * n) * H) for n in range(4)]
    titled = _from_ocr(paddle_json([*rows, *band[1:3], *under], int(y + 12 * H)), "page.json")
    assert "毛主席万岁，万岁，万万岁" in "".join(a.title or "" for a in titled.articles)


def test_specks_between_the_characters_of_a_spaced_out_headline_are_furniture() -> None:
    """Page 13: 前 and 言 set far apart as one headline, an ornament's specks read as 儿 and
    国 between them: furniture, not a title of their own."""
    rows = [
        line("前", 300, 100, size=2 * H),
        line("儿", 300 + 3.5 * H, 100 - 0.2 * H, size=0.9 * H),
        line("国", 300 + 3.5 * H, 100 + H, size=0.8 * H),
        line("言", 300 + 6 * H, 100, size=2 * H),
    ]
    doc = _over_a_story(rows, 100 + 3 * H)
    assert {"儿", "国"} <= _noise(doc)
    assert "儿" not in [a.title for a in doc.articles]


def test_a_paragraph_runs_on_past_furniture_read_between_two_of_its_lines() -> None:
    """Page 12: the reading order puts the masthead between two lines of a column, in
    the middle of a sentence (准备进行同过 / 上海红卫战报 / 去时代的斗争): the masthead waits
    for the paragraph's end, and the paragraph runs on. After a sentence's end, or after
    furniture, it stays where it was read."""
    from dataclasses import replace

    from reader.core.layout import Placed

    TEXT = BODY * 2

    def read(first_ends: str, issue_line: bool = False) -> list[tuple[str, bool]]:
        rows = [line(TEXT[n * 18 : n * 18 + 18], 100, 100 + n * 1.3 * H) for n in range(6)]
        rows[2] = line(TEXT[36:53] + first_ends, 100, 100 + 2.6 * H)
        order = reading_order(page(rows))
        name = OcrLine(
            "上海红卫战报",
            Box(1200, 100, 1200 + 6 * 3 * H, 100 + 3 * H),
            None,
            None,
            0,
            None,
            False,
        )
        masthead = Placed(name, len(rows), 0, name.box)
        placed = list(order.placed)
        placed.insert(3, masthead)
        furniture = {id(masthead), *([id(placed[2])] if issue_line else [])}
        written = _page_lines(replace(order, placed=tuple(placed)), furniture=furniture)
        return [(text, junk) for text, _p, junk in written if text]

    running = read("同")
    assert [text for text, _junk in running][:6] == [
        *(TEXT[n * 18 : n * 18 + 18] for n in range(2)),
        TEXT[36:53] + "同",
        *(TEXT[n * 18 : n * 18 + 18] for n in range(3, 6)),
    ]
    assert running[-1] == ("上海红卫战报", True)
    ended = read("。")
    assert [text for text, _junk in ended].index("上海红卫战报") == 3
    # After a line of furniture itself (an issue line), the masthead stays in its place.
    after_furniture = read("同", issue_line=True)
    assert [text for text, _junk in after_furniture].index("上海红卫战报") == 3


def test_a_speakers_name_on_a_line_of_its_own_stands_over_the_speech() -> None:
    """Page 08: 王力： on a line of its own after the source of the speech before, its
    speech's first line hardly in from the column's edge: the name stands over the
    speech, as the other speakers' names do, and is not run into its first sentence."""
    from reader.core.document import _from_ocr

    texts = [
        (2, "有些人被揭露了，例如：陶铸同志。他们"),
        (0, "是这样一些人，我们一定要揭露他们的面目。"),
        (2, "陶铸一贯反对毛主席的革命路线，他在许"),
        (0, "多问题上都执行了刘、邓的反动路线。"),
        (8, "（一九六七年一月十日的讲话）"),
        (0, "王力："),
        (0.5, "陶么？在刘、邓占统治地位的时候，他是"),
        (0, "忠实执行刘、邓路的，他的屁股就是坐在那"),
        (0, "一边。"),
    ]
    rows = [line(text, 100 + cells * H, 100 + n * 1.3 * H) for n, (cells, text) in enumerate(texts)]
    doc = _from_ocr(paddle_json(rows, 1000), "page.json")
    blocks = [(b.kind, b.text) for _, b in doc.iter_blocks()]
    assert ("heading", "王力：") in blocks
    assert any(text.startswith("陶么？") for _kind, text in blocks)


def test_a_cheer_over_its_byline_is_a_title_and_a_band_takes_only_lines_beside_it() -> None:
    """A headline ending in a cheer with its byline under it (人民解放军万岁 / 本报评论员)
    is that story's title, not a slogan band; and a band's short lines are those beside
    it, not a subhead level with it in a column across the page."""
    from reader.core.document import _from_ocr

    rows = [line("第零篇文章的标题", 100 + 2 * H, 100, size=2 * H)]
    y = 100 + 3 * H
    for n in range(4):
        rows.append(line(BODY[n : n + 17] + ("。" if n == 3 else BODY[n + 17]), 100, y))
        y += 1.3 * H
    y += H
    rows.append(line("人民解放军万岁", 100 + 2 * H, y, size=2 * H))
    y += 2.5 * H
    rows.append(line("本报评论员", 100 + 6 * H, y))
    y += 1.5 * H
    for n in range(4):
        rows.append(line(BODY[30 + n : 48 + n], 100, y))
        y += 1.3 * H
    doc = _from_ocr(paddle_json(rows, int(y + 100)), "page.json")
    assert "人民解放军万岁" in [a.title for a in doc.articles]
    assert not {"人民解放军万岁", "本报评论员"} & _noise(doc)

    band = y + 2 * H
    right = 1100
    rows += [
        line("毛主席万岁", 100, band, size=2.5 * H),
        *(line(BODY[20:38], right, band - (4 - n) * 1.3 * H) for n in range(4)),
        line("坚决狠抓革命大批判", right, band + 0.7 * H),
        *(line(BODY[40 + n : 58 + n], right, band + (2 + 1.3 * n) * H) for n in range(4)),
    ]
    doc = _from_ocr(paddle_json(rows, int(band + 10 * H)), "page.json")
    assert "毛主席万岁" in _noise(doc)
    assert "坚决狠抓革命大批判" not in _noise(doc)


def test_a_full_line_of_a_narrow_column_that_ends_a_sentence_does_not_end_its_paragraph() -> None:
    """An editorial's first lines set narrower beside its label (社论), after a column of
    wider lines: a line that ends a sentence and reaches the narrow column's edge is
    full there, though the text alone measures it short against the wider lines, and
    its paragraph runs on (a real page: …土地上降临。 / 这是前人没有见过的世面…)."""
    from reader.core.document import _from_ocr

    wide = [
        BODY[:18],
        *(BODY[18 + 20 * n : 38 + 20 * n] for n in range(3)),
        "坚决执行毛主席的革命路线。",
    ]
    rows = [
        line(text, 100 + (2 * H if n == 0 else 0), 100 + 1.3 * H * n) for n, text in enumerate(wide)
    ]
    x = 1100 + 3 * H  # the narrow column, beside its label
    rows.append(line("社论", 1100, 100, size=1.2 * H))
    narrow = [
        "改革只有进行时，没有",
        "完成时，成效如何群众说。",
        "我们要认真听取，认真研究",
        "群众的意见。",
    ]
    rows += [
        line(text, x + (2 * H if n == 0 else 0), 100 + 1.3 * H * n) for n, text in enumerate(narrow)
    ]
    doc = _from_ocr(paddle_json(rows, 1000), "page.json")
    paragraphs = ["".join(b.text.split()) for _, b in doc.iter_blocks() if b.kind == "paragraph"]
    assert "".join(narrow) in paragraphs


def test_a_short_last_line_that_lost_its_stop_ends_its_paragraph_though_no_indent_shows() -> None:
    """A paragraph whose last line OCR read without its full stop (无法开展), falling well
    short of the column, and a next paragraph whose indent the boxes do not show (a
    warped page sets its lines further left as they go down): the paragraph ends there,
    as it would in plain text (a real page: …斗批改也 / 无法开展 / 因此，必须横扫…)."""
    from reader.core.document import _from_ocr

    first = ["各级组织要把这件事放在重要位置上，认", "真抓紧抓好，把工作落到实处。"]
    second = [BODY[:18], BODY[18:38], BODY[38:58], "无法开展"]
    third = [
        "因此，我们必须坚决横扫一切无政府主义，",
        "彻底肃清它的影响，这样，才能把无产阶级",
        "文化大革命进行到底。",
    ]
    rows = [
        line(text, 100 + (2 * H if text in (first[0], second[0]) else 0), 100 + 1.3 * H * n)
        for n, text in enumerate([*first, *second, *third])
    ]
    doc = _from_ocr(paddle_json(rows, 1000), "page.json")
    paragraphs = ["".join(b.text.split()) for _, b in doc.iter_blocks() if b.kind == "paragraph"]
    assert paragraphs == ["".join(first), "".join(second), "".join(third)]


def test_a_list_of_one_sentence_items_is_no_justified_column() -> None:
    """Beside a column of text, a column listing short sentences, a line each: its
    longest lines end where its edge is taken to be, but the column is not justified
    (most of its lines fall short), so none of them is taken for a full line that runs
    on into the next item."""
    from reader.core.document import _from_ocr

    rows = []
    for n in range(3):  # three paragraphs of five lines, 20 characters wide
        top = 100 + n * 5 * 1.5 * H
        rows.append(line(BODY[n : n + 17] + "，", 100 + 2 * H, top))
        rows += [line(BODY[n + k : n + k + 19] + "，", 100, top + k * 1.5 * H) for k in (1, 2, 3)]
        rows.append(line(BODY[n + 20 : n + 28] + "。", 100, top + 4 * 1.5 * H))
    items = [
        "坚持实事求。",
        "坚持群众路线依靠。",
        "反对官僚。",
        "开展批评与自我批。",
        "加强学习提。",
    ]
    items += ["密切联系群众关心。", "艰苦奋。", "团结起来争取胜。"]
    rows += [line(text, 100 + 22 * H, 100 + 1.5 * H * n) for n, text in enumerate(items)]
    doc = _from_ocr(paddle_json(rows, 1500), "page.json")
    texts = ["".join(b.text.split()) for _, b in doc.iter_blocks()]
    assert texts[-len(items) :] == items


def test_a_line_that_ocr_cut_after_a_paragraph_s_last_characters_runs_on() -> None:
    """Real page 08: the OCR program gave a paragraph's last two characters (个。) a box of
    their own, drawn tight, and the rest of that printed line (第一个说：…) a box that
    starts inside it (by 14 px of 23 there) and so where an indented line would. The two
    are one line: the paragraph runs on through it, and no paragraph ends at 个。."""
    from reader.core.document import _from_ocr

    rows = [
        line(BODY[:16], 100 + 2 * H, 100),
        line(BODY[16:33] + "四", 100, 100 + 1.3 * H),
        line("个。", 100, 100 + 2.7 * H, size=0.65 * H),
        OcrLine(
            BODY[36:52],
            Box(100 + 1.1 * H, 100 + 2.6 * H, 100 + 18 * H, 100 + 3.6 * H),
            None,
            None,
            0,
            None,
            False,
        ),
        line(BODY[54:71] + "。", 100, 100 + 3.9 * H),
        line(BODY[72:88], 100 + 2 * H, 100 + 5.2 * H),
        line(BODY[88:100] + "。", 100, 100 + 6.5 * H),
    ]
    doc = _from_ocr(paddle_json(rows, 1000), "page.json")
    paragraphs = [b.text for _, b in doc.iter_blocks() if b.kind == "paragraph"]
    assert paragraphs[0] == BODY[:33] + "四个。" + BODY[36:52] + BODY[54:71] + "。"


def _with_spread_line(text: str) -> Document:
    """A paragraph of four lines with `text` between its second and third, in body type
    but its characters spread 1.8 times as wide as the column's, read from boxes."""
    from reader.core.document import _from_ocr

    spread = Box(100 + 4 * H, 100 + 2.6 * H, 100 + 4 * H + 1.8 * H * len(text), 100 + 3.6 * H)
    rows = [
        line(BODY[:16], 100 + 2 * H, 100),
        line(BODY[16:34], 100, 100 + 1.3 * H),
        OcrLine(text, spread, None, None, 0, None, False),
        line(BODY[34:52], 100, 100 + 3.9 * H),
        line(BODY[54:70] + "。", 100, 100 + 5.2 * H),
    ]
    return _from_ocr(paddle_json(rows, 1000), "page.json")


def test_print_showing_through_from_the_back_of_the_sheet_is_junk() -> None:
    """Real page 10: the print on the back of the sheet shows through, and OCR read some of
    it, mirrored (志同生 for 生同志): characters in body type spread far wider than the
    column's, that read backwards hold more common words than forwards. Such a line is
    junk, set apart as page furniture, and the paragraph runs on past it; the same line
    reading forwards (a headline spread as wide) stays in the text."""
    doc = _with_spread_line("志同民人")
    paragraphs = [b.text for _, b in doc.iter_blocks() if b.kind == "paragraph"]
    assert paragraphs == [BODY[:34] + BODY[34:52] + BODY[54:70] + "。"]
    assert "志同民人" in _noise(doc)
    forwards = _with_spread_line("人民同志")
    assert "人民同志" not in _noise(forwards)
    assert any("人民同志" in b.text for _, b in forwards.iter_blocks())


def test_a_date_spread_wide_is_no_show_through() -> None:
    """A date in Chinese numerals set spread (一九六七年一月十日) may read more common
    words backwards than forwards (十月, 一年): a date is not judged by its words."""
    for date in ("一九六七年一月十日", "一月十二日"):
        assert date not in _noise(_with_spread_line(date))


def test_a_chinese_line_in_a_column_of_latin_text_is_no_show_through() -> None:
    """On a Chinese page, a column of English lines, whose characters are half as wide
    as Chinese ones, ends in a line of Chinese at its ordinary spacing: it is not spread,
    as only a column's Chinese lines say how far apart its Chinese characters stand."""
    from reader.core.document import _from_ocr

    english = "The people of the district met on Monday to hear the report"
    rows = [
        OcrLine(english, Box(100, 100 + k * 1.3 * H, 100 + 0.5 * H * len(english),
                             100 + k * 1.3 * H + H), None, None, 0, None, False)
        for k in range(6)
    ]  # fmt: skip
    rows.append(line("志同民人", 100, 100 + 6 * 1.3 * H))
    chinese = 100 + 0.5 * H * len(english) + 2 * H  # a column of Chinese beside it
    text = BODY * 8
    rows += [line(text[18 * k : 18 * k + 18], chinese, 100 + k * 1.3 * H) for k in range(32)]
    doc = _from_ocr(paddle_json(rows, 1000), "page.json")
    assert "志同民人" not in _noise(doc)
