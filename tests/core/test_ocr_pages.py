"""OCR output with boxes opens wherever a page opens: read in reading order from its
geometry, with indents from the boxes, and reflowed by the one engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.decode import DecodeError
from reader.core.document import from_bytes, load
from reader.core.export import to_text
from reader.core.kinds import BlockKind
from tests import ocrformats as formats

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = formats.SHARED / "real" / "english" / "tribune_1903-05-01_p1.alto.xml"

needs_pages = pytest.mark.skipif(
    not formats.REAL_PAGES.is_dir(), reason=f"the real pages are not at {formats.REAL_PAGES}"
)


def squeeze(text: str) -> str:
    return "".join(text.split())


@needs_pages
def test_a_real_page_opens_from_its_json_in_reading_order() -> None:
    path = formats.REAL_PAGES / "02_jiangsujianxun_19670811_p1.json"
    doc = load(path)
    assert doc.source.encoding == "PaddleOCR"
    assert doc.source.reading.startswith("read from PaddleOCR boxes")
    boxes = [r["text"] for r in json.loads(path.read_text(encoding="utf-8"))["ocr_results"]]
    # Every character of the OCR is on the page (the furniture as noise blocks).
    page = squeeze("".join(b.text for _, b in doc.iter_blocks()))
    assert sorted(page) == sorted(squeeze("".join(boxes)))
    # A paragraph that PaddleOCR lists apart from the next column's lines reads whole.
    text = squeeze(to_text(doc))
    assert "混进党里、政府里、军队里和各种文化界的资产阶级代表人物" in text


@needs_pages
@pytest.mark.parametrize(
    "convert",
    [formats.paddle, formats.paddle3, formats.umi, formats.hocr, formats.alto, formats.page_xml],
    ids=["paddle", "paddle3", "umi", "hocr", "alto", "page"],
)
def test_every_format_of_one_page_reads_the_same(convert) -> None:  # type: ignore[no-untyped-def]
    path = formats.REAL_PAGES / "05_wengetongxun_19670215_p1.json"
    original = load(path)
    converted = from_bytes(convert(formats.load(path)), "page")
    # ALTO's block order is the archive's list, which comes back to columns it has left
    # (row by row across the page): not taken for the reading order.
    assert squeeze(to_text(converted)) == squeeze(to_text(original))


@needs_pages
@pytest.mark.parametrize("path", formats.real_page_paths(), ids=lambda p: p.name[:2])
def test_an_order_or_blocks_that_run_across_columns_are_not_trusted(path: Path) -> None:
    """The converters give ALTO and PAGE the archive's order of lines, often row by row
    across the columns, and group ALTO's TextBlocks and hOCR's paragraphs ten lines at a
    time in that order: blocks that run across columns. Neither says anything, so each
    form reads as its geometry alone does: ALTO and hOCR as the same level boxes and
    baselines with a block for every line (which says nothing), and alike; PAGE (whose
    Coords keep the quadrilaterals) as the original."""
    page = formats.load(path)
    alto = squeeze(to_text(from_bytes(formats.alto(page), "page")))
    assert squeeze(to_text(from_bytes(formats.alto(page, block=1), "page"))) == alto
    hocr = squeeze(to_text(from_bytes(formats.hocr(page), "page")))
    assert squeeze(to_text(from_bytes(formats.hocr(page, block=1), "page"))) == hocr == alto
    ordered = formats.page_xml(page, order=range(len(page.texts)))
    assert squeeze(to_text(from_bytes(ordered, "page"))) == squeeze(to_text(load(path)))


@needs_pages
def test_the_cli_exports_json_pages_and_folders_of_them(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("02_jiangsujianxun_19670811_p1.json", "05_wengetongxun_19670215_p1.json"):
        (folder / name).write_bytes((formats.REAL_PAGES / name).read_bytes())
    # An annotation export beside them is no page.
    (folder / "notes.json").write_text('{"type": "AnnotationCollection"}', encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(folder), "-o", str(out), "-f", "md"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "02_jiangsujianxun_19670811_p1.md",
        "05_wengetongxun_19670215_p1.md",
    ]
    assert "毛主席最新指示" in (out / "02_jiangsujianxun_19670811_p1.md").read_text("utf-8")


def test_damaged_ocr_output_is_refused_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "page.json"
    bad.write_text(json.dumps({"ocr_results": [{"text": "一", "box": [[0, 0], [1, 0], [1, 1]]}]}))
    with pytest.raises(DecodeError, match="3 points"):
        load(bad)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(bad)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.skipif(not ENGLISH.is_file(), reason=f"{ENGLISH} is not beside the checkout")
def test_the_english_alto_page_opens() -> None:
    doc = load(ENGLISH)
    assert doc.source.encoding == "ALTO"
    assert "NEW-YORK" in to_text(doc).upper() or "TRIBUNE" in to_text(doc).upper()


@pytest.mark.skipif(not ENGLISH.is_file(), reason=f"{ENGLISH} is not beside the checkout")
def test_the_english_page_is_headed_by_its_main_lines_and_its_masthead_is_furniture() -> None:
    """A 1903 headline opens with its main line in capitals, the decks under it smaller:
    the main line is the title (not the last deck, as a Chinese headline's last display
    line is). The masthead's date and price lines are page furniture, not articles'
    titles."""
    doc = load(ENGLISH)
    titles = [a.title for a in doc.articles]
    for head in ("RUSSIA IN TO STAY.", "RIOTOUS STUDENTS.", "FOREST FIRES RAGING."):
        assert head in titles
    russia = doc.articles[titles.index("RUSSIA IN TO STAY.")]
    assert russia.subtitle and "Only Force Can Turn Her Out of" in russia.subtitle
    assert not any(t and "PAGES" in t for t in titles)
    furniture = [b.text for _a, b in doc.iter_blocks() if b.kind == BlockKind.FURNITURE]
    assert any("FOURTEEN PAGES" in t for t in furniture)
    assert "PRICE THREE CENTS." in furniture
    # No English paragraph starts in lower case: a block break of the OCR program's (a
    # dateline's stop misread as !) is no paragraph's.
    texts = [b.text for _a, b in doc.iter_blocks()]
    assert any("fire*! in the Adirondacks have gained great headway" in t for t in texts)
    assert not any(t.startswith(("in the Adirondacks", "which in that day")) for t in texts)


@pytest.mark.parametrize(
    ("line", "issue"),
    [
        ("NEW- YORK. FRIDAY, 31 AY 1, 1903.- FOURTEEN PAGES.-^t.S^S.,,™.", True),
        ("PRICE THREE CENTS.", True),
        ("VOL. LXIII....No. 20,620.", True),
        ("VOIV O1 LXIII----N 0 20.620.", True),
        ("FOREST FIRES RAGING.", False),
        ("VOLUNTEERS CALLED OUT IN 1903.", False),
        ("The council met on Friday, May 1, 1903, and voted.", False),
        ("THE COUNCIL WILL MEET ON FRIDAY.", False),
    ],
)
def test_an_english_mastheads_lines_are_told_from_headlines(line: str, issue: bool) -> None:
    from reader.core.lines import is_latin_issue_line

    assert is_latin_issue_line(line) is issue


@needs_pages
def test_lines_gives_the_ocr_lines_in_reading_order() -> None:
    name = "02_jiangsujianxun_19670811_p1"
    path = formats.REAL_PAGES / f"{name}.json"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(path), "--lines"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    boxes = [r["text"] for r in json.loads(path.read_text(encoding="utf-8"))["ocr_results"]]
    assert sorted(lines) == sorted(" ".join(b.split()) for b in boxes)
    # A body paragraph's lines in their labelled order, one after another. (The quotation
    # box beside the masthead is not: its last line shares a row with the publisher's.)
    gold = json.loads((ROOT / "tests" / "data" / "real" / f"{name}.json").read_text("utf-8"))
    paragraph = gold["articles"][1]["blocks"][0]
    assert len(paragraph["boxes"]) >= 5
    wanted = [boxes[i] for i in paragraph["boxes"]]
    at = lines.index(wanted[0])
    assert lines[at : at + len(wanted)] == wanted


@needs_pages
def test_every_block_knows_where_it_is_on_the_page() -> None:
    from reader.core.export import to_dict

    path = formats.REAL_PAGES / "05_wengetongxun_19670215_p1.json"
    doc = load(path)
    data = to_dict(doc)
    size = json.loads(path.read_text("utf-8"))["dimensions"]
    assert data["source"]["pages"] == [
        {"width": size["width"], "height": size["height"], "unit": "px"}
    ]
    for art in doc.articles:
        for block in art.all_blocks():
            regions = doc.regions(block)
            assert regions, block.text[:20]
            for at in range(block.first, block.last + 1):
                line = doc.line_boxes[at]
                if line is None:
                    continue
                x0, y0, x1, y1 = line.box
                assert any(
                    r[0] <= x0 and r[1] <= y0 and x1 <= r[2] and y1 <= r[3] for _p, r in regions
                )
    blocks = [b for a in data["articles"] for b in a["blocks"]]
    assert all("regions" in b for b in blocks)
    assert "confidence" not in blocks[0]  # the archive's shape has no scores
    # Plain text has no regions.
    plain = from_bytes("第一行。\n第二行。\n".encode(), "page.txt")
    assert "regions" not in json.dumps(to_dict(plain)) and plain.low_confidence() == []


@needs_pages
def test_a_line_read_with_low_confidence_marks_its_block() -> None:
    page = formats.load(formats.REAL_PAGES / "02_jiangsujianxun_19670811_p1.json")
    lines = formats.paddle_lines(page)
    for item in lines:
        item[1][1] = 0.99  # type: ignore[index]
    doubtful = next(i for i, t in enumerate(page.texts) if t.startswith("前大富间王力"))
    lines[doubtful][1][1] = 0.31  # type: ignore[index]
    doc = from_bytes(json.dumps(lines, ensure_ascii=False).encode(), "page.json")
    marked = doc.low_confidence(0.8)
    assert len(marked) == 1
    ai, k = marked[0]
    block = doc.articles[ai].all_blocks()[k]
    assert squeeze(page.texts[doubtful]) in squeeze(block.text)
    assert doc.confidence(block) == 0.31


@pytest.mark.skipif(not ENGLISH.is_file(), reason=f"{ENGLISH} is not beside the checkout")
def test_lines_of_the_english_page_keep_the_printed_hyphens() -> None:
    """`--lines` writes what a plain export of the same OCR gives: the Library of
    Congress's own text of the page, with the hyphen at each line end the ALTO marks."""
    from reader.cli import _lines

    lines = _lines(load(ENGLISH)).splitlines()
    plain = ENGLISH.with_name("tribune_1903-05-01_p1.txt").read_text("utf-8").splitlines()
    assert "¬" not in "".join(lines)
    # the same lines (specks set apart after their column), hyphens where ALTO marks them
    assert sorted(line.removesuffix("-") for line in lines) == sorted(
        " ".join(p.split()).removesuffix("-") for p in plain
    )
    hyphens = ENGLISH.read_bytes().count(b"<HYP ")
    assert (
        sum(line.endswith("-") for line in lines) - sum(p.endswith("-") for p in plain) == hyphens
    )


@pytest.mark.skipif(not ENGLISH.is_file(), reason=f"{ENGLISH} is not beside the checkout")
def test_the_english_page_keeps_its_text_blocks_apart() -> None:
    """Floors under `python -m tests.evaluation --real`'s English line: the ALTO page's
    TextBlocks whose edges are block edges (a deck wrapped with a hyphen, or a tall box in
    running text, no longer opens an article), words the file marks as broken at a line
    end read whole, and hyphens inside a line kept."""
    from tests.evaluation import english_scores

    scores = english_scores()
    assert scores.kept >= 42 and scores.kept >= 0.9 * scores.blocks
    assert scores.rejoined >= 92
    assert scores.hyphens == scores.inner


@needs_pages
@pytest.mark.parametrize("writer", [formats.hocr, formats.alto, formats.page_xml])
def test_markup_in_utf16_reads_as_in_utf8(writer) -> None:  # type: ignore[no-untyped-def]
    """With a byte order mark either way, or without one (XML asks for it; some tools
    leave it out): never the markup itself shown as a page of angle brackets."""
    data = writer(formats.load(formats.REAL_PAGES / "05_wengetongxun_19670215_p1.json"))
    expected = squeeze(to_text(from_bytes(data, "page")))
    text = data.decode("utf-8")
    for wide in (
        b"\xff\xfe" + text.encode("utf-16-le"),
        b"\xfe\xff" + text.encode("utf-16-be"),
        text.encode("utf-16-le"),
        text.encode("utf-16-be"),
    ):
        doc = from_bytes(wide, "page")
        assert doc.source.encoding in ("hOCR", "ALTO", "PAGE")
        assert squeeze(to_text(doc)) == expected


@needs_pages
@pytest.mark.parametrize("writer", [formats.hocr, formats.alto, formats.page_xml])
def test_utf8_declared_as_latin1_reads_as_utf8(writer) -> None:  # type: ignore[no-untyped-def]
    """As the bytes are: a Latin-1 declaration on UTF-8, with Windows' byte order mark or
    without, and UTF-8 declared behind that mark."""
    data = writer(formats.load(formats.REAL_PAGES / "05_wengetongxun_19670215_p1.json"))
    expected = squeeze(to_text(from_bytes(data, "page")))
    head, _, rest = data.partition(b"?>")
    for declared in (b"ISO-8859-1", b"ISO_8859-1", b"latin1", b"windows-1252", b"UTF-8"):
        wrong = head.split(b" encoding=")[0] + b" encoding='" + declared + b"'?>" + rest
        for mark in (b"", b"\xef\xbb\xbf"):
            doc = from_bytes(mark + wrong, "page")
            assert doc.source.encoding in ("hOCR", "ALTO", "PAGE"), (declared, mark)
            assert squeeze(to_text(doc)) == expected, (declared, mark)


def test_latin1_declared_as_such_stays_latin1() -> None:
    alto = (
        "<?xml version='1.0' encoding='ISO-8859-1'?><alto><Layout><Page WIDTH='900' "
        "HEIGHT='900'><PrintSpace><TextBlock ID='b'><TextLine HPOS='10' VPOS='10' "
        "WIDTH='600' HEIGHT='30'><String CONTENT='Caf\u00e9 au lait, the na\u00efve "
        "garçon said.'/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>"
    ).encode("latin-1")
    assert "Café au lait, the naïve garçon said." in to_text(from_bytes(alto, "page"))


@needs_pages
def test_a_page_reading_order_that_leaves_out_regions_with_text_is_not_followed() -> None:
    import re

    page = formats.load(formats.REAL_PAGES / "02_jiangsujianxun_19670811_p1.json")
    unordered = from_bytes(formats.page_xml(page), "page")
    ordered = formats.page_xml(page, order=range(len(page.texts))).decode("utf-8")
    count = iter(range(10**6))
    # Every other region named wrongly: the regions left out would go last, out of place.
    damaged = re.sub(
        r'regionRef="r(\d+)"',
        lambda m: f'regionRef="{"gone" if next(count) % 2 else "r"}{m.group(1)}"',
        ordered,
    )
    for data in (damaged, ordered.replace('regionRef="r', 'regionRef="missing')):
        doc = from_bytes(data.encode("utf-8"), "page")
        assert "ordered by their positions" in doc.source.reading
        assert squeeze(to_text(doc)) == squeeze(to_text(unordered))


@needs_pages
def test_json_boxes_in_millimetres_carry_no_float_noise() -> None:
    from reader.core.export import to_dict

    page = formats.load(formats.REAL_PAGES / "05_wengetongxun_19670215_p1.json")
    data = to_dict(from_bytes(formats.alto(page, version=4, unit="mm10"), "page"))
    values = [
        v
        for a in data["articles"]
        for b in [*a["head"], *a["blocks"]]
        for r in b.get("regions", [])
        for v in r["bbox"]
    ]
    assert values and all(len(repr(v).partition(".")[2]) <= 2 for v in values)
    assert data["source"]["pages"][0]["unit"] == "mm"


@pytest.mark.parametrize(("rows", "stories", "columns"), [(15, 4, 5), (10, 2, 3), (3, 2, 3)])
def test_a_file_order_that_reads_stories_stacked_across_the_columns_is_kept(
    rows: int, stories: int, columns: int
) -> None:
    """Stories one under another across the same columns, the file's order the reading
    (each story's columns in turn): it comes back to columns it has left, once a story,
    but in long runs down each, and is no order row by row across them."""
    from reader.core import ocr
    from reader.core.layout import reading_order

    texts, quads = [], []
    for story in range(stories):
        for column in range(columns):
            for row in range(rows):
                y = (story * (rows + 1) + row) * 30 + 20
                x = 20 + column * 330
                texts.append(f"第{story}篇第{column}栏第{row}行国有企业基层党建工作")
                quads.append(((x, y), (x + 300, y), (x + 300, y + 24), (x, y + 24)))
    page = formats.RealPage(
        "stacked", 40 + columns * 330, (stories * (rows + 1)) * 30 + 40, tuple(texts), tuple(quads)
    )
    order = reading_order(ocr.read(formats.alto(page, block=rows)).pages[0])
    assert order.source == "file"
    assert [p.line.text for p in order.placed] == texts
