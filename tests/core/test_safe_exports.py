"""Exports of hostile text: a page and notes holding HTML, Markdown links and images,
spreadsheet formulas and characters XML forbids come out inert and well-formed."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core import annotations as notes
from reader.core.document import load
from reader.core.export import clean_text, md_inline, md_text
from reader.store.db import FILENAME, Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

PAGE = (
    "安全测试页\n"
    "本报记者 张三\n"
    "<script>alert(1)</script>正文第一段，这里有链接[x](javascript:alert(1))"
    "和图片![i](http://x/y.png)。\n"
    "=1+1\n"
    "控制字符\x01在这里，还有\uffff和\ufffe非字符。\n"
)
# (quote, tags, note)
MARKS = (
    (
        "<script>alert(1)</script>",
        ['=HYPERLINK("http://x")', "<b>粗</b>"],
        "[x](javascript:alert(1))\n# 标题\n<img src=x onerror=alert(1)>\n控\x01制\uffff",
    ),
    ("=1+1", ["-2+3"], "@SUM(A1)"),
    ("[x]", ["[t](javascript:alert(2))"], "\t![t](http://tracker/p.png)"),
)
# What XML 1.0 forbids: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_bytes(PAGE.encode("utf-8"))
    return path


@pytest.fixture
def data(tmp_path: Path, page: Path) -> Path:
    """A data folder whose database holds hostile notes and tags on the page."""
    folder = tmp_path / "data"
    folder.mkdir()
    doc = load(page)
    clean = clean_text(doc)
    store = Store(folder / FILENAME)
    try:
        for quote, tags, note in MARKS:
            start = clean.text.index(quote)
            store.put(
                notes.new_annotation(
                    doc, clean, start, start + len(quote), tags=list(tags), note=note
                )
            )
    finally:
        store.close()
    return folder


def unescaped_brackets(markdown: str) -> list[str]:
    """The "[" and "]" that CommonMark would read as brackets (not backslash-escaped), each
    with what follows it."""
    found, i = [], 0
    while i < len(markdown):
        ch = markdown[i]
        if ch == "\\" and markdown[i + 1 : i + 2] in ASCII_PUNCT:
            i += 2
            continue
        if ch in "[]":
            found.append(markdown[i : i + 6])
        i += 1
    return found


def assert_inert(markdown: str) -> None:
    """No raw HTML, no link or image: only our own footnote references use brackets."""
    assert "<" not in markdown
    for bracket in unescaped_brackets(markdown):
        assert re.match(r"\[\^\d+\]|\]", bracket), bracket
    refs = re.findall(r"(?<!\\)\[\^\d+\](.?)", markdown)
    assert "(" not in refs and "[" not in refs


def test_page_markdown_shows_html_links_and_images_as_text(page: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.md"
    result = run("export", str(page), "-f", "md", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    assert_inert(text)
    assert "&lt;script>alert(1)&lt;/script>正文第一段" in text
    assert "\\[x\\](javascript:alert(1))和图片\\!\\[i\\](http://x/y.png)。" in text
    assert "## =1+1\n" in text


def test_annotation_markdown_shows_notes_and_tags_as_text(
    page: Path, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "notes.md"
    result = run("annotations", "export", str(page), "-o", str(out), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    assert_inert(text)
    assert "> &lt;script>alert(1)&lt;/script>\n" in text
    assert '#=HYPERLINK("http://x") #&lt;b>粗&lt;/b>' in text
    assert "#\\[t\\](javascript:alert(2))" in text
    # The note's lines stay lines (each ended by a hard break), none of them a heading
    # or an HTML block.
    assert "\\[x\\](javascript:alert(1))\\\n\\# 标题\\\n&lt;img src=x onerror=alert(1)>\\\n" in text
    assert "\\!\\[t\\](http://tracker/p.png)" in text


def test_marked_page_keeps_highlights_and_footnotes_but_no_links(
    page: Path, data: Path, tmp_path: Path
) -> None:
    for args in (["annotations", "export", str(page), "-f", "page-md"], ["export", str(page)]):
        out = tmp_path / "marked.md"
        extra = ["-f", "md", "--annotations"] if args[0] == "export" else []
        result = run(*args, *extra, "-o", str(out), "--data-dir", str(data))
        assert result.returncode == 0, result.stderr
        text = out.read_text("utf-8")
        assert_inert(text)
        assert "==&lt;script>alert(1)&lt;/script>==[^1]正文" in text
        # Text right after a reference cannot make it a link: [^2](javascript:...).
        assert "==\\[x\\]==[^2]\\(javascript:alert(1))" in text
        # The "=" of the text is escaped so the markers stay a pair.
        assert "## ==\\=1+1==[^3]\n" in text
        # A footnote says the highlight's tags, then its note.
        assert (
            '\n[^1]: #=HYPERLINK("http://x") #&lt;b>粗&lt;/b> \\[x\\](javascript:alert(1))\\\n'
            "    \\# 标题\\\n    &lt;img src=x"
        ) in text
        assert "\n[^2]: #\\[t\\](javascript:alert(2)) \\!\\[t\\](http://tracker/p.png)\n" in text


def test_epub_chapters_are_well_formed_xml(page: Path, data: Path, tmp_path: Path) -> None:
    odd = tmp_path / os.fsdecode(b"odd\xff\x01name.txt")
    odd.write_bytes(page.read_bytes())
    out = tmp_path / "book.epub"
    result = run(
        *("export", str(page), str(odd), "--combine", "-f", "epub", "--annotations"),
        *("--title", "书\x01名\uffff", "-o", str(out), "--data-dir", str(data)),
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as book:
        names = [n for n in book.namelist() if n.endswith((".xhtml", ".opf", ".xml"))]
        assert {"OEBPS/chapter1.xhtml", "OEBPS/chapter2.xhtml", "OEBPS/nav.xhtml"} <= set(names)
        texts = {}
        for name in names:
            root = ET.fromstring(book.read(name))  # raises on anything not well-formed
            texts[name] = "".join(root.itertext())
    assert "控制字符在这里，还有和非字符。" in texts["OEBPS/chapter1.xhtml"]
    # The highlight's note marker is the "*" after it.
    assert "<script>alert(1)</script>1正文" in texts["OEBPS/chapter1.xhtml"]
    assert "控制" in texts["OEBPS/chapter1.xhtml"]  # the note, less its control character
    assert "odd\\xffname.txt" in texts["OEBPS/nav.xhtml"]
    assert "书名" in texts["OEBPS/content.opf"]


def test_html_holds_no_character_xml_forbids(page: Path, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = run(
        "export", str(page), "-f", "html", "--annotations", "-o", str(out), "--data-dir", str(data)
    )
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8")
    assert not NOT_XML.search(text)
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "控制字符在这里，还有和非字符。" in text
    assert 'title="#=HYPERLINK(&quot;http://x&quot;) #&lt;b&gt;粗&lt;/b&gt; [x]' in text


def test_csv_cells_cannot_run_as_formulas_and_excel_sees_utf8(
    page: Path, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "notes.csv"
    result = run(
        "annotations", "export", str(page), "-f", "csv", "-o", str(out), "--data-dir", str(data)
    )
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf" * 2)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == notes.CSV_FIELDS
    by_quote = {row[7]: dict(zip(notes.CSV_FIELDS, row, strict=True)) for row in rows[1:]}
    assert set(by_quote) == {"<script>alert(1)</script>", "'=1+1", "[x]"}
    assert by_quote["'=1+1"]["note"] == "'@SUM(A1)"
    assert by_quote["'=1+1"]["tags"] == "'-2+3"
    assert by_quote["[x]"]["note"] == "'\t![t](http://tracker/p.png)"
    script = by_quote["<script>alert(1)</script>"]
    assert script["tags"] == '\'=HYPERLINK("http://x"); <b>粗</b>'
    assert script["note"] == MARKS[0][2]  # kept whole: it starts with "["
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(notes.CSV_FORMULA_START), cell


def test_json_of_odd_characters_round_trips(page: Path, data: Path, tmp_path: Path) -> None:
    odd = tmp_path / os.fsdecode(b"odd\xffname.txt")
    odd.write_bytes(page.read_bytes())
    out = tmp_path / "page.json"
    result = run(
        "export", str(odd), "-f", "json", "--annotations", "-o", str(out), "--data-dir", str(data)
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_bytes().decode("utf-8"))
    assert doc["source"]["path"] == str(odd)
    texts = [b["text"] for art in doc["articles"] for b in (*art["head"], *art["blocks"])]
    assert texts == [b.text for _a, b in load(page).iter_blocks()]
    assert "控制字符在这里，还有\uffff和\ufffe非字符。" in texts
    bodies = [b["value"] for item in doc["annotations"]["first"]["items"] for b in item["body"]]
    assert MARKS[0][2] in bodies and "<b>粗</b>" in bodies


def test_a_chinese_page_comes_out_as_it_reads(tmp_path: Path) -> None:
    """Ordinary text needs no escape: every paragraph of the sample pages is a line of the
    Markdown exactly as in the page."""
    for seed in SEEDS:
        out = tmp_path / f"{seed.stem}.md"
        assert run("export", str(seed), "-f", "md", "-o", str(out)).returncode == 0
        lines = set(out.read_text("utf-8").split("\n"))
        doc = load(seed)
        # A run-in heading's paragraph starts in bold: **label**text.
        paragraphs = [
            b.text for _a, b in doc.iter_blocks() if b.kind == "paragraph" and not b.label
        ]
        plain = [t for t in paragraphs if not re.match(r"[#>+*-]|[0-9]+[.)]", t)]
        assert len(plain) > 20
        assert [t for t in plain if t not in lines] == []
        assert "\\" not in "".join(lines)


def unescape(markdown: str) -> str:
    """What a CommonMark renderer shows for text with backslash escapes and entities only."""
    return re.sub(
        r"\\([!-/:-@\[-`{-~])|&(lt|amp);",
        lambda m: m[1] or {"lt": "<", "amp": "&"}[m[2]],
        markdown,
    )


TEXT = st.text(
    alphabet=st.sampled_from([*ASCII_PUNCT, "a", "Z", "0", "9", " ", "\t", "\n", "新", "“"]),
    max_size=40,
)


@given(TEXT)
def test_escaped_text_reads_back_as_written(text: str) -> None:
    assert unescape(md_inline(text)) == re.sub(r"\r\n|\r|\n", " ", text)
    assert unescape(md_text(text)) == re.sub(r"\r\n|\r", "\n", text)


@given(TEXT)
def test_escaped_text_opens_no_tag_link_image_or_entity(text: str) -> None:
    for escaped in (md_inline(text), md_text(text)):
        assert unescaped_brackets(escaped) == []
        assert not re.search(r"<[A-Za-z0-9/!?]", escaped)
        entities = re.findall(
            r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);", escaped
        )
        assert set(entities) <= {"&lt;", "&amp;"}


def test_annotation_json_writes_any_note_and_leaves_unreadable_corrections_out() -> None:
    import json

    from reader.core.anchor import Selector
    from reader.core.annotations import Annotation, to_json
    from reader.core.edits import Edit

    # A file name read with surrogateescape, and a note holding a lone surrogate.
    ann = Annotation(
        fingerprint="f" * 64,
        selector=Selector("引文", "", "", 0, 2),
        note="备注\udcff",
        path="/pages/\udce9.txt",
    )
    unreadable = Edit("unreadable", Selector("", "", "", -1, -1), "f" * 64, {"data": "{"})
    text = to_json([ann], "page", [unreadable])
    data = json.loads(text.encode("utf-8"))
    item = data["first"]["items"][0]
    assert item["ocr-reader"]["path"] == "/pages/\udce9.txt"
    assert item["body"][0]["value"] == "备注\udcff"
    assert "ocr-reader:corrections" not in data
