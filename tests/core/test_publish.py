"""Exports with options: text, Markdown, HTML, EPUB and JSON, one page or several."""

from __future__ import annotations

import io
import json
import os
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.bundled import sample_pages
from reader.core.annotations import new_annotation
from reader.core.cite import cite, page_date
from reader.core.document import from_bytes, load
from reader.core.export import clean_text, json_chunks, json_text, to_dict
from reader.core.publish import Cancelled, Options, Part, publish, publish_stream, select

PAGES = [load(p) for p in sample_pages()]
DOC = PAGES[0]


class Links(HTMLParser):
    """Every id and every in-page link of an HTML file."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.toc_links: list[str] = []
        self.in_toc = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "nav":
            self.in_toc += 1
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
            if self.in_toc:
                self.toc_links.append(a["href"][1:])

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "nav":
            self.in_toc -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def test_text_round_trips_every_block() -> None:
    """The text export splits back into exactly the blocks of each article."""
    out = publish([Part(DOC)], Options(format="txt")).decode("utf-8")
    articles = out.rstrip("\n").split("\n\n＊＊＊\n\n")
    shown = [a for a in DOC.articles if a.all_blocks()]
    assert len(articles) == len(shown)
    for text, art in zip(articles, shown, strict=True):
        expected = [b.text for b in art.all_blocks() if b.kind != "noise"]
        assert text.split("\n\n") == expected


def test_text_with_indents_gb18030_and_crlf() -> None:
    options = Options(format="txt", encoding="gb18030", newline="CRLF", paragraphs="indent")
    data = publish([Part(DOC)], options)
    text = data.decode("gb18030")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    first = DOC.articles[0].blocks[0].text
    assert "\u3000\u3000" + first in lines
    assert "" not in lines[:-1]  # no blank lines between paragraphs
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_leaving_out_bylines_end_matter_and_datelines() -> None:
    full = publish([Part(DOC)], Options(format="md")).decode()
    bare = publish(
        [Part(DOC)], Options(format="md", bylines=False, end_matter=False, datelines=False)
    ).decode()
    byline = DOC.articles[2].byline
    end = next(b.text for _a, b in DOC.iter_blocks() if b.kind == "end")
    assert byline in full and end in full
    assert byline not in bare and end not in bare
    kinds = {b.kind for a in select(Part(DOC), Options()).articles for b in a.blocks}
    assert "noise" not in kinds
    kinds = {b.kind for a in select(Part(DOC), Options(furniture=True)).articles for b in a.blocks}
    assert "noise" in kinds
    with_furniture = publish([Part(DOC)], Options(format="md", furniture=True)).decode()
    assert "\n*月12*\n" in with_furniture and "\n*月12*\n" not in full
    # Plain text keeps it too when asked, in either paragraph style, and only then.
    for paragraphs in ("blank", "indent"):
        plain = Options(format="txt", paragraphs=paragraphs)
        asked = Options(format="txt", paragraphs=paragraphs, furniture=True)
        assert "\n月12\n" not in publish([Part(DOC)], plain).decode()
        assert "\n月12\n" in publish([Part(DOC)], asked).decode()


def test_some_articles_only() -> None:
    out = publish([Part(DOC, articles=[2])], Options(format="txt")).decode()
    assert out.startswith(DOC.articles[2].title)
    assert DOC.articles[0].blocks[0].text not in out


def test_html_parses_and_its_table_of_contents_resolves() -> None:
    page = publish([Part(p) for p in PAGES], Options(format="html"), title="两页").decode()
    parser = Links()
    parser.feed(page)
    assert parser.toc_links, "the table of contents is empty"
    assert set(parser.links) <= parser.ids
    outline = sum(len(a.outline) for d in PAGES for a in d.articles)
    articles = sum(len(d.articles) for d in PAGES)
    assert len(parser.toc_links) == outline + articles + len(PAGES)
    assert "<style>" in page and "@media print" in page


def test_html_carries_highlights_and_notes() -> None:
    clean = clean_text(DOC)
    start = clean.text.index("各地各行业向新而行")
    ann = new_annotation(DOC, clean, start, start + 9, colour="green", note="见下文")
    page = publish([Part(DOC, annotations=[ann])], Options(format="html", annotations=True))
    text = page.decode()
    assert '<mark class="green" title="见下文">各地各行业向新而行</mark>' in text
    parser = Links()
    parser.feed(text)
    assert set(parser.links) <= parser.ids
    plain = publish([Part(DOC, annotations=[ann])], Options(format="html")).decode()
    assert "<mark" not in plain


def epub_navigation(data: bytes) -> list[tuple[int, str, str]]:
    """(depth, title, href) of every navigation entry, read with ebooklib."""
    from ebooklib import epub

    path = io.BytesIO(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = epub.read_epub(path)
    out = []

    def walk(items, depth):  # type: ignore[no-untyped-def]
        for item in items:
            if isinstance(item, tuple):
                out.append((depth, item[0].title, item[0].href))
                walk(item[1], depth + 1)
            else:
                out.append((depth, item.title, item.href))

    walk(book.toc, 0)
    return out


def test_epub_opens_and_its_navigation_matches_the_outline() -> None:
    data = publish([Part(DOC)], Options(format="epub"))
    nav = epub_navigation(data)
    expected = []
    for art in DOC.articles:
        expected.append(art.label(24))
        expected.extend(o.text for o in art.outline)
    assert [title for _d, title, _h in nav] == expected
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert book.namelist()[0] == "mimetype"
        assert book.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        chapter = book.read("OEBPS/chapter1.xhtml")
    root = ET.fromstring(chapter)  # strict XML, as e-readers parse it
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert {href.split("#")[1] for _d, _t, href in nav if "#" in href} <= ids


def test_the_same_pages_make_the_same_book_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The book said it was modified the moment it was written, and each file in it was
    stamped so: two exports of one page differed, and a cluster's did from a local one.
    It is the time its newest page last changed now (SOURCE_DATE_EPOCH where set)."""
    import time
    from datetime import UTC, datetime

    from reader.core import publish as publishing

    page = tmp_path / "page.txt"
    page.write_bytes(sample_pages()[0].read_bytes())
    os.utime(page, (1_700_000_000, 1_700_000_000))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    clock = iter(range(1_800_000_000, 1_900_000_000, 3600))  # an hour later each time

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return datetime.fromtimestamp(next(clock), tz or UTC)

    monkeypatch.setattr(publishing, "datetime", Later)
    monkeypatch.setattr(time, "time", lambda: float(next(clock)))
    first = publish([Part(load(page))], Options(format="epub"))
    again = publish([Part(load(page))], Options(format="epub"))
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first)) as book:
        assert {i.date_time for i in book.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        opf = book.read("OEBPS/content.opf")
        assert b'<meta property="dcterms:modified">2023-11-14T22:13:20Z' in opf
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    with zipfile.ZipFile(io.BytesIO(publish([Part(load(page))], Options(format="epub")))) as book:
        assert b"2001-09-09T01:46:40Z" in book.read("OEBPS/content.opf")


def test_several_pages_in_one_epub() -> None:
    nav = epub_navigation(publish([Part(p) for p in PAGES], Options(format="epub")))
    tops = [title for depth, title, _h in nav if depth == 0]
    assert tops == [sample_pages()[0].name, sample_pages()[1].name]


def test_json_keeps_the_schema_and_adds_annotations() -> None:
    clean = clean_text(DOC)
    start = clean.text.index("战略性新兴产业")
    ann = new_annotation(DOC, clean, start, start + 7, tags=["产业"])
    data = json.loads(publish([Part(DOC, annotations=[ann])], Options("json", annotations=True)))
    assert data["schema"] == "ocr-reader.document/2"
    assert data["annotations"]["first"]["items"][0]["body"][0]["value"] == "产业"
    both = json.loads(publish([Part(p) for p in PAGES], Options("json")))
    assert [d["schema"] for d in both["documents"]] == ["ocr-reader.document/2"] * 2


def test_json_is_compact_unless_pretty_and_written_in_pieces_that_join_to_it() -> None:
    clean = clean_text(DOC)
    start = clean.text.index("战略性新兴产业")
    ann = new_annotation(DOC, clean, start, start + 7, tags=["产业"])
    for parts in ([Part(DOC, annotations=[ann])], [Part(p) for p in PAGES]):
        options = Options("json", annotations=True)
        compact = publish(parts, options)
        data = json.loads(compact)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        assert compact == text.encode("utf-8")
        assert b"".join(publish_stream(parts, options)) == compact
        # For people: indented as it always was, the same data.
        pretty = publish(parts, replace(options, pretty=True))
        assert pretty == (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    # An article at a time: never the whole page as data and as text at once.
    pieces = list(json_chunks(to_dict(DOC, lazy=True)))
    assert len(pieces) > len(DOC.articles) > 1
    assert "".join(pieces) == json_text(to_dict(DOC), pretty=False)


def test_cancelling_stops_between_documents() -> None:
    seen = []
    with pytest.raises(Cancelled):
        publish(
            [Part(p) for p in PAGES],
            Options(format="html"),
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: bool(seen),
        )
    assert seen == [(1, 2)]


def test_citation_names_article_byline_file_and_date() -> None:
    doc = from_bytes(
        DOC.source_lines and "\n".join(DOC.source_lines).encode(), "报纸_2025-03-12.txt"
    )
    article = next(k for k, a in enumerate(doc.articles) if a.byline)
    text = cite("{quote} —— {title}，{byline}，{file}，{date}", "一段话", doc, article)
    art = doc.articles[article]
    assert text == f"一段话 —— {art.title}，{art.byline}，报纸_2025-03-12.txt，2025-03-12"
    assert page_date(doc) == "2025-03-12"
    # A broken template falls back to the default one instead of failing.
    assert "一段话" in cite("{nonsense", "一段话", doc, article)


def test_a_quote_from_an_english_page_is_cited_with_english_marks() -> None:
    from reader.core.cite import CITATION

    page = "\n".join(
        [
            "THE CITY COUNCIL MEETS",
            "By JOHN SMITH",
            "The council met on Monday to consider the new bridge over the river, which",
            "the engineers say will be finished before the winter sets in this year.",
            "Several members spoke against the cost of the work and the loan it needs.",
        ]
    ).encode()
    doc = from_bytes(page, "gazette_1903-05-01.txt")
    text = cite(CITATION, "The council met on Monday", doc, 0)
    title, byline = doc.articles[0].title, doc.articles[0].byline
    assert title and byline
    assert text == (
        f"“The council met on Monday”\n— {title}, {byline}, gazette_1903-05-01.txt, 1903-05-01"
    )
    assert "，" not in text and "——" not in text
    # A Latin word quoted from a Chinese page is cited in Chinese, and a template that
    # asks a field for what it does not have falls back to the default one.
    chinese = from_bytes("国务院召开常务会议\n会议指出，GDP增长稳定。\n".encode(), "p.txt")
    assert cite(CITATION, "GDP", chinese, 0).startswith("“GDP”\n——")
    # A title in Latin letters over Chinese text: the page's text says Chinese.
    page = "GDP REPORT 2025\n\n会议指出，GDP增长稳定，就业形势总体平稳。\n"
    latin_title = from_bytes(page.encode())
    assert latin_title.articles[0].title == "GDP REPORT 2025"
    assert cite(CITATION, "GDP", latin_title, 0).startswith("“GDP”\n——")
    assert cite("{quote.upper}", "GDP", chinese, 0).startswith("“GDP”")
    # The user's own template keeps its words; only the separators follow the script.
    assert cite("{quote} ({file}{date_sep}{date})", "Monday", doc, 0) == (
        "Monday (gazette_1903-05-01.txt, 1903-05-01)"
    )


def test_html_sets_a_photo_caption_apart_from_end_matter() -> None:
    page = "\n".join(
        [
            "春耕备耕正当时",
            "新华社记者 王五 赵六",
            "眼下正是春耕备耕的关键时节，三晋大地处处涌动着春耕热潮。",
            "图为农机手在田间作业。",
            "本报记者 李四 摄",
            "农机手们驾驶着拖拉机来回穿梭。",
            "（作者单位：市委党校）",
        ]
    )
    doc = from_bytes(page.encode("utf-8"))
    out = publish([Part(doc)], Options(format="html")).decode()
    assert '<p class="caption">图为农机手在田间作业。本报记者 李四 摄</p>' in out
    assert '<p class="end">（作者单位：市委党校）</p>' in out
    assert "p.caption {" in out


# What XML 1.0 forbids: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ODD = "控制字符在这里，还有\uffff和\ufffe非字符。"


def odd_part(tmp_path: Path) -> Part:
    """A page on disk under a name that is not UTF-8, holding U+FFFF and U+FFFE, with a
    note and a tag that hold control characters."""
    path = tmp_path / os.fsdecode(b"odd\xff\x1fname.txt")
    path.write_bytes(f"奇怪的标题\x0c\n{ODD}\n第二段<b>粗</b>。\n".encode())
    doc = load(path)
    clean = clean_text(doc)
    start = clean.text.index("控制字符")
    ann = new_annotation(
        doc, clean, start, start + 4, tags=["标\x02签"], note="注\x01释\ud800\x0b\uffff"
    )
    return Part(doc, annotations=[ann])


def test_html_drops_the_characters_xml_forbids(tmp_path: Path) -> None:
    part = odd_part(tmp_path)
    data = publish([part, Part(DOC)], Options(format="html", annotations=True), "书\x01名")
    text = data.decode("utf-8")
    assert not NOT_XML.search(text)
    assert "</sup>在这里，还有和非字符。第二段&lt;b&gt;粗&lt;/b&gt;。" in text
    assert '<mark class="yellow" title="#标签 注释">控制字符</mark>' in text
    # (the byte of the name that is not UTF-8 shown as \\xff, not dropped)
    assert "<title>书名</title>" in text and "odd\\xffname.txt" in text


def test_every_epub_file_parses_as_xml_with_odd_characters(tmp_path: Path) -> None:
    part = odd_part(tmp_path)
    data = publish([part, Part(DOC)], Options(format="epub", annotations=True), "书\uffff名")
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = [n for n in book.namelist() if n.endswith((".xhtml", ".opf", ".xml"))]
        texts = {n: "".join(ET.fromstring(book.read(n)).itertext()) for n in names}
    assert len(names) == 5
    chapter = texts["OEBPS/chapter1.xhtml"]
    assert "控制字符1在这里，还有和非字符。第二段<b>粗</b>。" in chapter
    assert "“控制字符” — #标签 注释" in chapter
    assert "odd\\xffname.txt" in texts["OEBPS/nav.xhtml"] and "书名" in texts["OEBPS/content.opf"]
    assert len(epub_navigation(data)) > 2


def test_json_with_odd_characters_round_trips(tmp_path: Path) -> None:
    part = odd_part(tmp_path)
    data = publish([part], Options(format="json", annotations=True))
    doc = json.loads(data.decode("utf-8"))
    assert doc["source"]["path"] == part.doc.source.path and "\udcff" in part.doc.source.path
    texts = [b["text"] for art in doc["articles"] for b in (*art["head"], *art["blocks"])]
    assert texts[1].startswith(ODD)
    body = doc["annotations"]["first"]["items"][0]["body"]
    assert [b["value"] for b in body] == ["注\x01释\ud800\x0b\uffff", "标\x02签"]


def test_markdown_of_several_pages_names_each_as_text(tmp_path: Path) -> None:
    path = tmp_path / "[x](javascript:alert(1)) #.txt"
    path.write_bytes(DOC.source_lines[0].encode() + b"\n")
    out = publish([Part(load(path)), Part(DOC)], Options(format="md")).decode()
    assert out.startswith("# \\[x\\](javascript:alert(1)) #.txt\n\n")
    txt = publish([odd_part(tmp_path), Part(DOC)], Options(format="txt")).decode()
    assert txt.startswith("【odd\\xff\x1fname.txt】\n\n")  # its byte as \\xNN


@pytest.mark.parametrize(
    "lines, date",
    [
        (["兵团战报", "一九六七年四月二十七日", "第十期", "正文第一段。"], "1967-04-27"),
        (["一九六八年九月二十一日星期六", "正文。"], "1968-09-21"),
        (["一九六七年十月一日 农历八月廿八", "正文。"], "1967-10-01"),
        (["一九六七年十月一日的大会上", "正文。"], ""),  # a date in a line of text
        # When a speech was made, under its title or in its text, is not the page's date.
        (["在接见有关单位时的讲话", "（一九六七年二月十二日）", "正文。"], ""),
        (["一九六七年一月十日在接见有关单位代表时说：", "正文。"], ""),
    ],
)
def test_a_date_line_in_chinese_numerals_dates_the_page(lines: list[str], date: str) -> None:
    doc = from_bytes("\n".join(lines).encode(), "page.txt")
    assert page_date(doc) == date


def test_real_pages_are_dated_from_their_text() -> None:
    from tests.evaluation import REAL_PAGES

    pages = sorted(REAL_PAGES.glob("01_*.paddle.txt")) if REAL_PAGES.is_dir() else []
    if not pages:
        pytest.skip("the real pages are not beside the repository")
    doc = from_bytes(pages[0].read_bytes(), "page.txt")  # its name holds no date
    assert page_date(doc) == "1967-04-27"


def test_a_page_alone_is_titled_by_its_first_title_and_a_kicker_is_a_label() -> None:
    """A web page or book of one page is titled by its first article's title (not the
    file's name and extension), else the file's name alone; in Markdown a kicker over a
    title is set bold, a label, not a line of text."""
    text = "社论\n迎接您，光辉灿烂的九大\n\n　　全国人民热烈欢呼，全国各地都在热烈庆祝。\n"
    doc = from_bytes(text.encode("utf-8"), "/pages/12_bulletin_p1.txt")
    assert doc.articles[0].kicker == "社论"
    page = publish([Part(doc)], Options(format="html")).decode()
    assert "<title>迎接您，光辉灿烂的九大</title>" in page
    book = zipfile.ZipFile(io.BytesIO(publish([Part(doc)], Options(format="epub"))))
    opf = next(n for n in book.namelist() if n.endswith(".opf"))
    assert "<dc:title>迎接您，光辉灿烂的九大</dc:title>" in book.read(opf).decode()
    markdown = publish([Part(doc)], Options(format="md")).decode()
    assert "**社论**\n\n# 迎接您，光辉灿烂的九大" in markdown
    untitled = from_bytes("全国人民热烈欢呼，全国各地都在热烈庆祝。\n".encode(), "/pages/p2.txt")
    assert "<title>p2</title>" in publish([Part(untitled)], Options(format="html")).decode()


@pytest.mark.parametrize("fmt", ["md", "html", "epub"])
def test_an_annotation_that_cannot_be_placed_is_listed_not_dropped(fmt: str) -> None:
    """A highlight whose passage is gone from the page (the page changed) goes into the
    export under Unanchored, with its quote and note, not dropped."""
    text = "标题在这里\n\n　　各地各行业向新而行，发展新质生产力。\n\n　　第二段文字在此。\n"
    before = from_bytes(text.encode("utf-8"), "/pages/p.txt")
    clean = clean_text(before)
    start = clean.text.index("各地各行业向新而行")
    ann = new_annotation(before, clean, start, start + 9, colour="green", note="见下文注释")
    after = from_bytes(text.replace("各地各行业向新而行，", "").encode("utf-8"), "/pages/p.txt")
    data = publish([Part(after, annotations=[ann])], Options(format=fmt, annotations=True))
    if fmt == "epub":
        book = zipfile.ZipFile(io.BytesIO(data))
        data = b"".join(book.read(n) for n in book.namelist() if n.endswith(".xhtml"))
    out = data.decode("utf-8")
    assert "Unanchored" in out
    assert "各地各行业向新而行" in out and "见下文注释" in out


def test_a_page_printed_in_english_is_exported_as_english() -> None:
    """HTML and EPUB name the language the page is printed in: English for an English
    page (it said zh-CN whatever the page), Chinese for a Chinese one."""
    english = from_bytes(
        b"HARBOR TIEUP ENDS\n\nThe engineers of the railroads met the towing companies.\n",
        "/pages/tribune.txt",
    )
    assert '<html lang="en">' in publish([Part(english)], Options(format="html")).decode()
    book = zipfile.ZipFile(io.BytesIO(publish([Part(english)], Options(format="epub"))))
    opf = next(n for n in book.namelist() if n.endswith(".opf"))
    assert "<dc:language>en</dc:language>" in book.read(opf).decode()
    assert '<html lang="zh-CN">' in publish([Part(DOC)], Options(format="html")).decode()


def test_an_english_page_among_chinese_ones_keeps_its_language_when_combined() -> None:
    """A book of Chinese pages with an English one: its chapter (its section of a web
    page) says en; the book and the others say zh-CN."""
    english = from_bytes(
        b"HARBOR TIEUP ENDS\n\nThe engineers of the railroads met the towing companies.\n",
        "/pages/tribune.txt",
    )
    parts = [Part(DOC), Part(DOC), Part(english)]
    book = zipfile.ZipFile(io.BytesIO(publish(parts, Options(format="epub"))))
    chapters = [book.read(f"OEBPS/chapter{n}.xhtml").decode() for n in (1, 2, 3)]
    opf = book.read(next(n for n in book.namelist() if n.endswith(".opf"))).decode()
    assert [c.count('xml:lang="en"') for c in chapters] == [0, 0, 1]
    assert 'xml:lang="zh-CN"' in chapters[0] and "<dc:language>zh-CN</dc:language>" in opf
    page = publish(parts, Options(format="html")).decode()
    assert '<html lang="zh-CN">' in page and page.count('<section lang="en">') == 1


def test_a_combined_heading_keeps_the_bytes_of_a_name_that_is_not_utf8() -> None:
    import os

    from reader.core.document import from_text

    odd = from_text("第一篇。\n", os.fsdecode(b"/pages/p\xb9\xfa.txt"))
    plain = from_text("第二篇。\n", "/pages/p.txt")
    for fmt in ("txt", "md"):
        out = publish([Part(odd), Part(plain)], Options(format=fmt)).decode("utf-8")
        assert "p\\xb9\\xfa" in out  # told from p.txt, not written as it


def test_a_book_of_pages_dated_out_of_zips_range_is_written(tmp_path: Path, monkeypatch) -> None:
    """A page whose file says it was changed in 2150 (a clock set wrong), or a
    SOURCE_DATE_EPOCH past what dates can hold, crashed the EPUB export with a traceback:
    ZIP keeps times from 1980 to 2107. The book is written, its times kept to them."""
    page = tmp_path / "page.txt"
    page.write_bytes(sample_pages()[0].read_bytes())
    os.utime(page, (5_680_000_000, 5_680_000_000))  # 2150
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with zipfile.ZipFile(io.BytesIO(publish([Part(load(page))], Options(format="epub")))) as book:
        assert {i.date_time[0] for i in book.infolist()} == {2107}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999")
    with zipfile.ZipFile(io.BytesIO(publish([Part(load(page))], Options(format="epub")))) as book:
        assert {i.date_time[0] for i in book.infolist()} == {2107}


def test_books_that_hold_other_text_have_other_identifiers() -> None:
    """The same page without its bylines is another book: it had the same dc:identifier
    (made of the pages' digests alone), so a reader took it for the same release."""
    import re as _re

    def identifier(data: bytes) -> str:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            opf = book.read("OEBPS/content.opf").decode("utf-8")
        found = _re.search(r"<dc:identifier[^>]*>([^<]+)<", opf)
        assert found is not None
        return found[1]

    whole = identifier(publish([Part(DOC)], Options(format="epub")))
    again = identifier(publish([Part(DOC)], Options(format="epub")))
    fewer = identifier(publish([Part(DOC)], Options(format="epub", bylines=False)))
    assert whole == again != fewer
