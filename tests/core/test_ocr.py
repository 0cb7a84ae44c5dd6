"""Reading OCR output with line positions: every format on real page geometry, and damaged
files of every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core import ocr
from reader.core.decode import DecodeError
from reader.core.ocr import OcrDocument, read, sniff
from tests import ocrformats as formats

REAL = formats.real_page_paths()
# Without the pages, one stand-in keeps the parametrised tests, skipped with the reason.
PAGES = REAL or [formats.REAL_PAGES]
needs_real = pytest.mark.skipif(
    not REAL, reason=f"the real OCR pages are not in {formats.REAL_PAGES}"
)
needs_tribune = pytest.mark.skipif(
    not formats.TRIBUNE.is_file(), reason=f"the English ALTO page is not at {formats.TRIBUNE}"
)

# Every writer, with the format its output must be recognised as.
WRITERS = {
    "paddle-list": ("paddle", formats.paddle),
    "paddle3-res": ("paddle", formats.paddle3),
    "paddle3-flat": ("paddle", lambda p: formats.paddle3(p, nested=False)),
    "paddle3-boxes": ("paddle", lambda p: formats.paddle3(p, polys=False)),
    "umi": ("umi", formats.umi),
    "hocr": ("hocr", formats.hocr),
    "alto2-pixel": ("alto", lambda p: formats.alto(p, version=2)),
    "alto3-pixel": ("alto", lambda p: formats.alto(p, version=3)),
    "alto4-pixel": ("alto", lambda p: formats.alto(p, version=4)),
    "alto2-mm10": ("alto", lambda p: formats.alto(p, version=2, unit="mm10")),
    "alto3-mm10": ("alto", lambda p: formats.alto(p, version=3, unit="mm10")),
    "alto4-mm10": ("alto", lambda p: formats.alto(p, version=4, unit="mm10")),
    "page2013": ("page", lambda p: formats.page_xml(p, version="2013")),
    "page2019": ("page", formats.page_xml),
}
MM_PER_PIXEL = 25.4 / 300  # the writers' mm10 files describe a 300 dpi scan


def from_disk(tmp_path: Path, name: str, data: bytes) -> bytes:
    """The bytes a user's file holds, written and read back as the program reads it."""
    path = tmp_path / name
    path.write_bytes(data)
    return path.read_bytes()


def read_file(tmp_path: Path, name: str, data: bytes) -> OcrDocument:
    return read(from_disk(tmp_path, name, data), name)


def refused(data: bytes, match: str, name: str = "") -> str:
    with pytest.raises(DecodeError, match=match) as caught:
        read(data, name)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


# --- real geometry in every format ------------------------------------------------------


@needs_real
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem[:2])
@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_format_reads_the_real_page_as_the_original(
    tmp_path: Path, path: Path, writer: str
) -> None:
    original = read(path.read_bytes()).pages[0]
    page = formats.load(path)
    kind, write = WRITERS[writer]
    data = from_disk(tmp_path, f"page.{writer}", write(page))
    assert sniff(data) == kind
    document = read(data)
    assert document.format == kind
    [converted] = document.pages
    assert [line.text for line in converted.lines] == [line.text for line in original.lines]
    mm = "mm10" in writer
    scale = MM_PER_PIXEL if mm else 1.0
    # Each mm10 value is rounded to a tenth of a millimetre, and x1 = HPOS + WIDTH adds
    # two roundings.
    tolerance = 0.1 + 1e-6 if mm else 1e-9
    for before, after in zip(original.lines, converted.lines, strict=True):
        for edge in ("x0", "y0", "x1", "y1"):
            assert abs(getattr(before.box, edge) * scale - getattr(after.box, edge)) <= tolerance
    assert converted.unit == ("mm" if mm else "px")
    if kind in ("hocr", "alto", "page"):
        assert abs(converted.width - page.width * scale) <= tolerance
        assert abs(converted.height - page.height * scale) <= tolerance
    else:  # the extent of the lines: PaddleOCR and Umi-OCR do not give the page's size
        assert converted.width == max(line.box.x1 for line in converted.lines)
    assert {line.page for line in converted.lines} == {0}


def test_the_archive_shape_keeps_quads_and_has_no_scores(tmp_path: Path) -> None:
    data = {
        "ocr_results": [
            {"text": "毛主席语录", "box": [[10, 20], [200, 24], [199, 60], [9, 56]]},
            {"text": "下定决心，不怕牺牲", "box": [[10, 80], [300, 80], [300, 110], [10, 110]]},
        ],
        "dimensions": {"height": 1000, "width": 800},
    }
    document = read_file(tmp_path, "page.json", json.dumps(data, ensure_ascii=False).encode())
    [page] = document.pages
    assert (page.width, page.height, page.order_given) == (800, 1000, False)
    first = page.lines[0]
    assert first.quad == ((10, 20), (200, 24), (199, 60), (9, 56))
    assert (first.box.x0, first.box.y0, first.box.x1, first.box.y1) == (9, 20, 200, 60)
    assert first.confidence is None and first.region is None and not first.vertical


@needs_real
def test_paddle_and_umi_keep_quads_and_scores(tmp_path: Path) -> None:
    page = formats.load(REAL[0])
    for name, data in (("a.json", formats.paddle(page)), ("b.json", formats.umi(page))):
        lines = read_file(tmp_path, name, data).pages[0].lines
        assert [line.quad for line in lines] == list(page.quads)
        assert [line.confidence for line in lines] == [formats.score(i) for i in range(len(page))]


@needs_real
def test_paddle3_boxes_only_give_no_quads(tmp_path: Path) -> None:
    page = formats.load(REAL[0])
    lines = read_file(tmp_path, "r.json", formats.paddle3(page, polys=False)).pages[0].lines
    assert all(line.quad is None for line in lines)
    assert lines[3].confidence == formats.score(3)


@needs_real
def test_a_list_of_pages_reads_as_several_pages(tmp_path: Path) -> None:
    page = formats.load(REAL[1])
    for name, data in (
        ("p.json", formats.paddle(page, pages=3)),
        ("p.hocr", formats.hocr(page, pages=3)),
        ("p.xml", formats.alto(page, pages=3)),
    ):
        document = read_file(tmp_path, name, data)
        assert len(document.pages) == 3, name
        for number, read_page in enumerate(document.pages):
            assert len(read_page.lines) == len(page)
            assert {line.page for line in read_page.lines} == {number}


@needs_real
def test_word_confidences_and_regions_come_through(tmp_path: Path) -> None:
    page = formats.load(REAL[0])
    hocr = read_file(tmp_path, "p.hocr", formats.hocr(page, block=10)).pages[0].lines
    alto = read_file(tmp_path, "p.xml", formats.alto(page, block=10)).pages[0].lines
    page_xml = read_file(tmp_path, "p.page.xml", formats.page_xml(page)).pages[0].lines
    for index in (0, 7, 25):
        assert hocr[index].words and all(
            conf == round(formats.score(index) * 100) / 100 for _, conf in hocr[index].words
        )
        assert alto[index].confidence == pytest.approx(round(formats.score(index), 2))
        assert page_xml[index].confidence == pytest.approx(round(formats.score(index), 2))
        assert page_xml[index].quad == page.quads[index]
    assert hocr[0].region == hocr[9].region != hocr[10].region
    assert alto[0].region == "P1_TB1" and alto[10].region == "P1_TB2"
    assert all(line.size == 10.5 for line in alto)
    assert page_xml[4].region == "r5"


@needs_real
def test_page_reading_order_is_applied(tmp_path: Path) -> None:
    path = REAL[2]
    page = formats.load(path)
    order = list(range(len(page)))[::-1]
    document = read_file(tmp_path, "p.xml", formats.page_xml(page, order=order))
    [read_page] = document.pages
    assert read_page.order_given
    assert [line.text for line in read_page.lines] == [page.texts[i] for i in order]
    plain = read_file(tmp_path, "q.xml", formats.page_xml(page)).pages[0]
    assert not plain.order_given
    assert [line.text for line in plain.lines] == list(page.texts)


def test_page_nested_groups_unordered_groups_and_word_text(tmp_path: Path) -> None:
    ns = formats.PAGE_NAMESPACES["2019"]
    data = f"""<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="{ns}">
 <Page imageFilename="a.png" imageWidth="1000" imageHeight="800">
  <ReadingOrder>
   <OrderedGroup id="g0">
    <RegionRefIndexed index="1" regionRef="r1"/>
    <UnorderedGroupIndexed index="0" id="g1">
     <RegionRef regionRef="r3"/>
     <RegionRef regionRef="r2"/>
    </UnorderedGroupIndexed>
   </OrderedGroup>
  </ReadingOrder>
  <TextRegion id="r1"><Coords points="0,0 100,0 100,50 0,50"/>
   <TextLine id="l1"><Coords points="0,0 100,0 100,50 0,50"/>
    <Word id="w1"><Coords points="0,0 40,0 40,50 0,50"/>
     <TextEquiv conf="0.9"><Unicode>first</Unicode></TextEquiv></Word>
    <Word id="w2"><Coords points="50,0 100,0 100,50 50,50"/>
     <Glyph id="g1"><Coords points="50,0 60,0 60,50 50,50"/>
      <TextEquiv conf="0.5"><Unicode>r</Unicode></TextEquiv></Glyph>
     <Glyph id="g2"><Coords points="60,0 70,0 70,50 60,50"/>
      <TextEquiv conf="0.7"><Unicode>un</Unicode></TextEquiv></Glyph>
    </Word>
   </TextLine>
  </TextRegion>
  <TextRegion id="r2"><Coords points="0,100 100,100 100,150 0,150"/>
   <TextLine id="l2"><Coords><Point x="0" y="100"/><Point x="100" y="100"/>
     <Point x="100" y="150"/><Point x="0" y="150"/></Coords>
    <TextEquiv index="2" conf="0.1"><Unicode>worse</Unicode></TextEquiv>
    <TextEquiv index="1" conf="0.8"><Unicode>second</Unicode></TextEquiv>
   </TextLine>
  </TextRegion>
  <TextRegion id="r3"><Coords points="0,200 100,200 100,250 0,250"/>
   <TextLine id="l3"><Coords points="0,200 100,200 100,250 0,250"/>
    <TextEquiv><Unicode>third</Unicode></TextEquiv></TextLine>
  </TextRegion>
 </Page>
</PcGts>""".encode()
    [page] = read_file(tmp_path, "p.xml", data).pages
    assert [line.text for line in page.lines] == ["third", "second", "first run"]
    assert page.order_given
    first = page.lines[2]
    assert first.words == (("first", 0.9), ("run", pytest.approx(0.6)))
    assert first.confidence == pytest.approx(0.75)
    assert page.lines[1].confidence == 0.8


def test_html_hocr_without_xml_declaration(tmp_path: Path) -> None:
    data = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>x</title></head><body>
<div class="ocr_page" title="bbox 0 0 1200 1600; ppageno 1">
 <div class="ocr_carea" id="a1"><p class="ocr_par">
  <span class="ocr_header" title="bbox 100 50 900 150">社论&nbsp;标题</span>
  <span class="ocr_line" title="bbox 100 200 1100 240; x_wconf 88">
   <span class="ocrx_word" title="bbox 100 200 400 240; x_wconf 90">全国</span>
   <span class="ocrx_word" title="bbox 420 200 700 240; x_wconf 80">人民</span>
   <span class="ocrx_word" title="bbox 720 200 1100 240; x_wconf 70">Mao Zedong</span>
  </span>
  <br>
 </p></div>
</div>
<div class="ocr_page" title="bbox 0 0 1200 1600; ppageno 0">
 <span class="ocr_caption" title="bbox 10 10 30 300">毛主席万岁</span>
</div>
</body></html>""".encode()
    assert sniff(data) == "hocr"
    document = read_file(tmp_path, "p.html", data)
    assert [len(p.lines) for p in document.pages] == [1, 2]  # sorted by ppageno
    caption = document.pages[0].lines[0]
    assert caption.vertical and caption.page == 0
    header, line = document.pages[1].lines
    assert header.text == "社论 标题" and header.region == "a1"
    assert line.text == "全国人民 Mao Zedong"
    assert line.words == (("全国", 0.9), ("人民", 0.8), ("Mao Zedong", 0.7))
    assert line.confidence == pytest.approx(0.8)
    assert (document.pages[1].width, document.pages[1].height) == (1200, 1600)


def test_alto_hyphens_styles_and_units(tmp_path: Path) -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
 <Description><MeasurementUnit>mm10</MeasurementUnit></Description>
 <Styles><TextStyle ID="T1" FONTSIZE="9"/><TextStyle ID="T2" FONTSIZE="24"/></Styles>
 <Layout><Page ID="p" WIDTH="2100" HEIGHT="2970">
  <PrintSpace><TextBlock ID="b1" STYLEREFS="T1">
   <TextLine HPOS="100" VPOS="100" WIDTH="800" HEIGHT="40">
    <String CONTENT="the" WC="0.9"/><SP/><String CONTENT="har" SUBS_TYPE="HypPart1"
     SUBS_CONTENT="harbour" WC="0.5"/><HYP CONTENT="&#xAC;"/>
   </TextLine>
   <TextLine HPOS="100" VPOS="150" WIDTH="800" HEIGHT="40" STYLEREFS="T2">
    <String CONTENT="bour" SUBS_TYPE="HypPart2" SUBS_CONTENT="harbour"/>
    <String CONTENT="is" STYLEREFS="T1"/><String CONTENT="wide"/>
   </TextLine>
   <TextLine HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40">
    <String CONTENT="split" SUBS_TYPE="HypPart1" SUBS_CONTENT="splitting"/>
   </TextLine>
   <TextLine HPOS="100" VPOS="250" WIDTH="800" HEIGHT="40"><SP/></TextLine>
  </TextBlock></PrintSpace>
 </Page></Layout>
</alto>"""
    [page] = read_file(tmp_path, "a.xml", data).pages
    # a break the file marks ends in ¬, which the engine always mends
    assert [line.text for line in page.lines] == ["the har¬", "bour is wide", "split¬"]
    assert page.unit == "mm" and (page.width, page.height) == (210, 297)
    first = page.lines[0]
    assert (first.box.x0, first.box.y0, first.box.x1, first.box.y1) == (10, 10, 90, 14)
    assert first.words == (("the", 0.9), ("har", 0.5)) and first.confidence == 0.7
    assert [line.size for line in page.lines] == [9, 24, 9]
    assert page.lines[1].words == () and page.lines[1].confidence is None
    assert page.order_given


@needs_tribune
def test_the_english_alto_page_reads_in_inch1200_as_millimetres() -> None:
    document = read(formats.TRIBUNE.read_bytes())
    [page] = document.pages
    assert document.format == "alto" and page.unit == "mm"
    assert len(page.lines) == 693
    assert len({line.region for line in page.lines}) == 46
    assert page.width == pytest.approx(19560 * 25.4 / 1200)
    assert page.height == pytest.approx(26694 * 25.4 / 1200)
    # The plain text drops the hyphen that ALTO's HYP marks; the reader marks the break.
    plain = formats.TRIBUNE.with_name("tribune_1903-05-01_p1.txt").read_text("utf-8").splitlines()
    hyphens = formats.TRIBUNE.read_bytes().count(b"<HYP ")
    texts = [line.text for line in page.lines]
    kept = [t for t, p in zip(texts, plain, strict=True) if t == p + "¬"]
    assert len(kept) == hyphens
    assert all(t == p or t == p + "¬" for t, p in zip(texts, plain, strict=True))
    assert all(line.size is not None for line in page.lines)
    assert all(0 <= (line.confidence or 0) <= 1 for line in page.lines)
    # TIEUP- ends in a String of its own, not in HYP.
    assert texts[1] == "CO BIG HARBOR TIEUP-"


# --- recognising formats -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ("社论\n全国人民团结起来\n".encode(), None),
        (b"", None),
        (b"[1, 2, 3]", None),
        (b'{"name": "x"}', None),
        (b"<html><body><p>hello</p></body></html>", None),
        (b"<?xml version='1.0'?><svg/>", None),
        (b"[null]", "paddle"),
        (b'{"code": 101, "data": ""}', "umi"),
        (b'\xef\xbb\xbf{"code": 100, "data": []}', "umi"),
        (b"<?xml version='1.0'?>\n<!-- c -->\n<alto/>", "alto"),
        (b"<alto:alto xmlns:alto='http://www.loc.gov/standards/alto/ns-v4#'/>", "alto"),
        (
            b"<pc:PcGts xmlns:pc='http://schema.primaresearch.org/PAGE/gts/pagecontent/"
            b"2010-03-19'/>",
            "page",
        ),
        (b"<div class='ocr_page' title='bbox 0 0 1 1'></div>", "hocr"),
    ],
)
def test_formats_are_recognised_by_content(data: bytes, kind: str | None) -> None:
    assert sniff(data) == kind


def test_plain_text_is_not_read_as_ocr_output() -> None:
    refused("社论\n全国人民团结起来\n".encode(), "no OCR lines with positions")
    refused(b'{"name": "x"}', "not OCR output that this reader knows", "page.json")


# --- empty and damaged files ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"[null]",
        b"[[]]",
        b'{"code": 101, "data": "[Message] No text found in image."}',
        b'{"ocr_results": [], "dimensions": {"width": 10, "height": 20}}',
        b'{"res": {"rec_texts": [], "rec_scores": [], "rec_polys": []}}',
        b"<alto><Layout><Page WIDTH='10' HEIGHT='20'><PrintSpace/></Page></Layout></alto>",
        b"<PcGts><Page imageWidth='10' imageHeight='20'/></PcGts>",
        b"<html><body><div class='ocr_page' title='bbox 0 0 10 20'></div></body></html>",
    ],
)
def test_a_page_without_text_is_an_empty_page(tmp_path: Path, data: bytes) -> None:
    document = read_file(tmp_path, "empty", data)
    assert len(document.pages) == 1
    assert document.pages[0].lines == ()


@pytest.mark.parametrize(
    "data",
    [
        b"[null]",
        b"[[]]",
        b'{"code": 101, "data": ""}',
        b'{"code": 100, "data": []}',
        b'{"ocr_results": [{"text": "   ", "box": [[0, 0], [9, 0], [9, 9], [0, 9]]}]}',
        b"<alto><Layout><Page WIDTH='10' HEIGHT='20'><PrintSpace/></Page></Layout></alto>",
    ],
)
def test_a_page_the_ocr_found_no_text_on_is_refused_as_an_empty_file_is(
    tmp_path: Path, data: bytes
) -> None:
    from reader.core.document import from_bytes, load

    path = tmp_path / "blank.json"
    path.write_bytes(data)
    for read_page in (lambda: load(path), lambda: from_bytes(data, str(path))):
        with pytest.raises(DecodeError, match=r"^the .+ file holds no text$"):
            read_page()


@pytest.mark.parametrize(
    "data",
    [
        b"[]",
        b"<alto><Layout/></alto>",
        b"<PcGts><Metadata/></PcGts>",
        b"<html><body><div class='ocr_line'></div></body></html>",
    ],
)
def test_a_file_with_no_pages_is_refused(data: bytes) -> None:
    refused(data, "holds no OCR lines")


@needs_real
@pytest.mark.parametrize("writer", ["hocr", "alto2-pixel", "alto4-mm10", "page2019"])
def test_cut_short_xml_names_the_line(writer: str) -> None:
    kind, write = WRITERS[writer]
    data = write(formats.load(REAL[0]))
    label = ocr.FORMATS[kind]
    for share in (0.3, 0.77, 0.999):
        cut = data[: int(len(data) * share)]
        last_line = cut.rstrip().count(b"\n") + 1
        message = refused(cut, f"the {label} file is cut short at line")
        assert message.endswith(f"line {last_line}")


@needs_real
@pytest.mark.parametrize("writer", ["paddle-list", "paddle3-res", "umi"])
def test_cut_short_json_is_refused(writer: str) -> None:
    kind, write = WRITERS[writer]
    data = write(formats.load(REAL[0]))
    for share in (0.3, 0.5, 0.999):
        cut = data[: int(len(data) * share)]
        message = refused(cut, f"the {ocr.FORMATS[kind]} file is cut short")
        # Written on one line, it is told how far into it, not "at line 1".
        if b"\n" not in cut.rstrip():
            assert message.endswith(
                f"stops after {len(cut.decode('utf-8', 'ignore').rstrip()):,} characters"
            )
        else:
            assert "at line" in message


def _three_points(results: list[dict[str, object]], key: str = "box") -> None:
    results[16][key] = results[16][key][:3]  # type: ignore[index]


@needs_real
def test_a_box_of_three_points_names_the_result() -> None:
    page = formats.load(REAL[0])
    archive = json.loads(REAL[0].read_bytes())
    _three_points(archive["ocr_results"])
    refused(json.dumps(archive).encode(), "^result 17 has a box of 3 points$")

    umi = json.loads(formats.umi(page))
    _three_points(umi["data"])
    refused(json.dumps(umi).encode(), "^result 17 has a box of 3 points$")

    lines = json.loads(formats.paddle(page))
    lines[16][0] = lines[16][0][:3]
    refused(json.dumps(lines).encode(), "^result 17 has a box of 3 points$")
    good = json.loads(formats.paddle(page))
    refused(json.dumps([good, lines]).encode(), "^page 2, result 17 has a box of 3 points$")

    three = json.loads(formats.paddle3(page))
    three["res"]["rec_polys"][16] = three["res"]["rec_polys"][16][:3]
    refused(json.dumps(three).encode(), "^result 17 has a box of 3 points$")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'[[[[0, 0], [9, 0], [9, "x"], [0, 9]], ["text", 0.9]]]', "not a number: 'x'"),
        (b'[[[[0, 0], [9, 0], [9, NaN], [0, 9]], ["text", 0.9]]]', "not a finite number"),
        (b'[[[[0, 0], [9, 0], [9, 9], [0, 9]], ["text", "high"]]]', "score that is not"),
        (b'[[[[0, 0], [9, 0], [9, true], [0, 9]], ["text", 0.9]]]', "not a number: True"),
        (
            b'{"code": 100, "data": [{"text": "a", "box": [[0, 0], [1, 0], [1, 1], [0]]}]}',
            "point that is not two numbers",
        ),
        (
            b'{"code": 100, "data": [{"box": [[0, 0], [1, 0], [1, 1], [0, 1]]}]}',
            "result 1 has no text",
        ),
        (
            b'{"code": 100, "data": [{"text": null, "box": [[0, 0], [1, 0], [1, 1], [0, 1]]}]}',
            "result 1 has no text",
        ),
        (b"[[[[0, 0], [9, 0], [9, 9], [0, 9]], [null, 0.9]]]", "result 1 has no text"),
        (
            b'{"ocr_results": [{"text": "a"}], "dimensions": {"width": 1, "height": 1}}',
            "result 1 has no box",
        ),
        (
            b'{"code": 902, "data": "image decode failed\\nretry"}',
            "Umi-OCR reported error 902: image decode failed retry",
        ),
        (
            b'{"res": {"rec_texts": ["a", "b"], "rec_scores": [1, 1], '
            b'"rec_polys": [[1, 2, 3, 4]]}}',
            "2 texts but 1 boxes",
        ),
        (
            b"<alto><Layout><Page><TextBlock><TextLine HPOS='a' VPOS='1' WIDTH='1' HEIGHT='1'>"
            b"<String CONTENT='x'/></TextLine></TextBlock></Page></Layout></alto>",
            r"TextLine \(line 1\) whose HPOS is not a number: 'a'",
        ),
        (
            b"<alto><Layout><Page><TextBlock><TextLine HPOS='1' VPOS='1' WIDTH='inf' HEIGHT='1'>"
            b"<String CONTENT='x'/></TextLine></TextBlock></Page></Layout></alto>",
            "WIDTH is not a number",
        ),
        (
            b"<alto><Description><MeasurementUnit>furlong</MeasurementUnit></Description></alto>",
            "unknown unit: 'furlong'",
        ),
        (
            b"<PcGts><Page imageWidth='9' imageHeight='9'><TextRegion id='r'><TextLine id='l'>"
            b"<Coords points='0,0 a,b 5,5'/><TextEquiv><Unicode>x</Unicode></TextEquiv>"
            b"</TextLine></TextRegion></Page></PcGts>",
            "points are not numbers",
        ),
        (b"<PcGts><Page imageWidth='nine' imageHeight='9'/></PcGts>", "imageWidth is not a number"),
        (
            b"<html><body><div class='ocr_page' title='bbox 0 0 9 9'><span class='ocr_line' "
            b"title='bbox 1 2 x 4'>a</span></div></body></html>",
            "bbox is not four numbers",
        ),
        (
            b"<html><body><div class='ocr_page' title='bbox 0 0 9 9'><span class='ocr_line' "
            b"title='bbox 1 2 3 4'><span class='ocrx_word' title='bbox 1 2 3 4; x_wconf hi'>a"
            b"</span></span></div></body></html>",
            "x_wconf is not a number",
        ),
        (b"<alto><a></b></alto>", "not well-formed XML at line 1"),
        # One box far off any page would stretch the page and read it as one column.
        (b'[[[[0, 0], [9, 0], [9, 1e300], [0, 9]], ["text", 0.9]]]', "far beyond any page"),
        (
            b"<alto><Layout><Page><TextBlock><TextLine HPOS='1' VPOS='1' WIDTH='1e12' "
            b"HEIGHT='1'><String CONTENT='x'/></TextLine></TextBlock></Page></Layout></alto>",
            "WIDTH is far beyond any page",
        ),
        (
            b"<PcGts><Page imageWidth='9' imageHeight='9'><TextRegion id='r'><TextLine id='l'>"
            b"<Coords points='0,0 9e9,0 5,5'/><TextEquiv><Unicode>x</Unicode></TextEquiv>"
            b"</TextLine></TextRegion></Page></PcGts>",
            "points are far beyond any page",
        ),
        (
            b"<html><body><div class='ocr_page' title='bbox 0 0 9 9'><span class='ocr_line' "
            b"title='bbox 1 2 3 -4e20'>a</span></div></body></html>",
            "bbox is far beyond any page",
        ),
    ],
)
def test_damaged_files_get_one_line_reasons(data: bytes, reason: str) -> None:
    refused(data, reason)


BILLION_LAUGHS = (
    '<!DOCTYPE {root} [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)
PASSWD = '<!DOCTYPE {root} [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'

ENTITY_FILES = {
    "alto": "<alto><Layout><Page WIDTH='9' HEIGHT='9'><TextBlock><TextLine HPOS='1' VPOS='1' "
    "WIDTH='5' HEIGHT='2'><String CONTENT='{ref}'/></TextLine></TextBlock></Page></Layout></alto>",
    "page": "<PcGts><Page imageWidth='9' imageHeight='9'><TextRegion id='r'><TextLine id='l'>"
    "<Coords points='0,0 5,0 5,5'/><TextEquiv><Unicode>{ref}</Unicode></TextEquiv>"
    "</TextLine></TextRegion></Page></PcGts>",
    "hocr": "<html><body><div class='ocr_page' title='bbox 0 0 9 9'><span class='ocr_line' "
    "title='bbox 1 1 5 3'>{ref}</span></div></body></html>",
}


@pytest.mark.parametrize("kind", list(ENTITY_FILES))
@pytest.mark.parametrize(("prolog", "ref"), [(BILLION_LAUGHS, "&lol9;"), (PASSWD, "&secret;")])
def test_entities_are_refused_never_expanded(kind: str, prolog: str, ref: str) -> None:
    root = {"alto": "alto", "page": "PcGts", "hocr": "html"}[kind]
    body = ENTITY_FILES[kind].format(ref=ref)
    data = ('<?xml version="1.0"?>\n' + prolog.format(root=root) + "\n" + body).encode()
    assert sniff(data) == kind
    message = refused(data, "declares XML entities, which are refused")
    assert "root:" not in message and "lol" not in message


def test_unknown_entity_references_stay_unexpanded_in_hocr_text() -> None:
    data = (
        b"<html><body><div class='ocr_page' title='bbox 0 0 9 9'><span class='ocr_line' "
        b"title='bbox 1 1 5 3'>a &secret; b</span></div></body></html>"
    )
    [line] = read(data).pages[0].lines
    assert line.text == "a &secret; b"


def test_vertical_lines_are_marked() -> None:
    data = json.dumps(
        [
            [[[0, 0], [40, 0], [40, 400], [0, 400]], ["永远向前进", 0.9]],
            [[[100, 0], [140, 0], [140, 90], [100, 90]], ["前进", 0.9]],
            [[[200, 0], [600, 0], [600, 40], [200, 40]], ["全国人民", 0.9]],
        ],
        ensure_ascii=False,
    ).encode()
    assert [line.vertical for line in read(data).pages[0].lines] == [True, False, False]


def test_a_page_reading_order_that_names_a_table_orders_its_cells() -> None:
    """PAGE 2019 names a TableRegion in its ReadingOrder, not the text regions of its
    cells: they are ordered with it, and the order is followed."""
    ns = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"

    def region(rid: str, x: int, y: int, texts: list[str]) -> str:
        lines = "".join(
            f'<TextLine id="{rid}l{i}"><Coords points="{x},{y + i * 40} {x + 300},{y + i * 40} '
            f'{x + 300},{y + i * 40 + 30} {x},{y + i * 40 + 30}"/><TextEquiv><Unicode>{t}'
            "</Unicode></TextEquiv></TextLine>"
            for i, t in enumerate(texts)
        )
        coords = f"{x},{y} {x + 300},{y} {x + 300},{y + 400} {x},{y + 400}"
        return f'<TextRegion id="{rid}"><Coords points="{coords}"/>{lines}</TextRegion>'

    body = region("r2", 400, 0, ["第二栏第一行文字内容"]) + region(
        "r1", 0, 0, ["第一栏第一行文字内容"]
    )
    table = (
        '<TableRegion id="t1"><Coords points="0,500 700,500 700,700 0,700"/>'
        + region("c1", 0, 500, ["表格单元格文字内容"])
        + "</TableRegion>"
    )
    order = (
        '<ReadingOrder><OrderedGroup id="g"><RegionRefIndexed index="0" regionRef="t1"/>'
        '<RegionRefIndexed index="1" regionRef="r1"/><RegionRefIndexed index="2" regionRef="r2"/>'
        "</OrderedGroup></ReadingOrder>"
    )
    xml = (
        f'<PcGts xmlns="{ns}"><Page imageWidth="800" imageHeight="800">{order}{body}{table}'
        "</Page></PcGts>"
    )
    page = read(xml.encode("utf-8")).pages[0]
    assert page.order_given
    assert [line.text[:2] for line in page.lines] == ["表格", "第一", "第二"]


def _hocr_line(title: str, words: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class="ocr_page" title="bbox 0 0 1200 1600">
 <span class="ocr_line" title="{title}">{words}</span>
</div></body></html>""".encode()


def _word(box: str, text: str = "全国人民") -> str:
    return f'<span class="ocrx_word" title="bbox {box}">{text}</span>'


def _corners(quad: tuple[tuple[float, float], ...] | None) -> list[float] | None:
    return None if quad is None else [v for point in quad for v in point]


@pytest.mark.parametrize(
    ("title", "words", "corners"),
    [
        # Tesseract's baseline: the line falls 20 px over its 1000 (a skewed scan).
        ("bbox 100 200 1100 260; baseline 0.02 -4", _word("100 200 1100 260"),
         ((100, 200), (1100, 220), (1100, 260), (100, 240))),
        # ... or rises 20 px
        ("bbox 100 200 1100 260; baseline -0.02 -4", _word("100 200 1100 260"),
         ((100, 220), (1100, 200), (1100, 240), (100, 260))),
        # a level baseline says the line is level: its box
        ("bbox 100 200 1100 240; baseline 0 -4", _word("100 200 1100 240"),
         ((100, 200), (1100, 200), (1100, 240), (100, 240))),
        # no baseline: nothing says how the line runs (its words' boxes are not read
        # for it: their heights vary with their letters more than a skew moves them)
        ("bbox 100 200 1100 260", _word("100 200 500 248") + _word("700 212 1100 260"), None),
        # a baseline that is not a number adds nothing, nor does an offset alone
        ("bbox 100 200 1100 240; baseline x -4", _word("100 200 1100 240"), None),
        ("bbox 100 200 1100 240; baseline 0.05", _word("100 200 1100 240"), None),
        # a curved baseline: its slope is the coefficient before the offset
        ("bbox 100 200 1100 260; baseline 0.00001 0.02 -4", _word("100 200 1100 260"),
         ((100, 200), (1100, 220), (1100, 260), (100, 240))),
        # steeper than any line of text: not taken
        ("bbox 100 200 1100 600; baseline 0.3 -4", _word("100 200 1100 600"), None),
    ],
    ids=["falls", "rises", "level", "no baseline", "not a number", "offset", "curved", "too steep"],
)  # fmt: skip
def test_hocr_gives_a_line_the_slope_of_its_baseline(
    title: str, words: str, corners: tuple[tuple[float, float], ...] | None
) -> None:
    [line] = read(_hocr_line(title, words)).pages[0].lines
    if corners is None:
        assert line.quad is None
    else:
        assert _corners(line.quad) == pytest.approx(_corners(corners))


def test_alto_gives_a_line_the_slope_of_its_baseline_points() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
 <Layout><Page ID="p" WIDTH="2000" HEIGHT="3000"><PrintSpace><TextBlock ID="b">
  <TextLine HPOS="100" VPOS="200" WIDTH="1000" HEIGHT="60" BASELINE="100,240 1100,260">
   <String CONTENT="one" HPOS="100" VPOS="200" WIDTH="1000" HEIGHT="60"/>
  </TextLine>
  <TextLine HPOS="100" VPOS="300" WIDTH="1000" HEIGHT="60" BASELINE="345">
   <String CONTENT="two" HPOS="100" VPOS="312" WIDTH="400" HEIGHT="48"/><SP/>
   <String CONTENT="words" HPOS="700" VPOS="300" WIDTH="400" HEIGHT="48"/>
  </TextLine>
  <TextLine HPOS="100" VPOS="400" WIDTH="1000" HEIGHT="40">
   <String CONTENT="three"/>
  </TextLine>
  <TextLine HPOS="100" VPOS="500" WIDTH="1000" HEIGHT="60" BASELINE="1100,560 100,540">
   <String CONTENT="four"/>
  </TextLine>
 </TextBlock></PrintSpace></Page></Layout>
</alto>"""
    first, second, third, fourth = read(data).pages[0].lines
    # ALTO 4.2's baseline points: falling 20 px over 1000
    assert _corners(first.quad) == pytest.approx([100, 200, 1100, 220, 1100, 260, 100, 240])
    # the older BASELINE (a height) says nothing of the slope, nor does no BASELINE
    assert second.quad is None and third.quad is None
    # points given right to left (a script written so): the same slope
    assert _corners(fourth.quad) == pytest.approx([100, 500, 1100, 520, 1100, 560, 100, 540])


@needs_real
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name[:2])
def test_a_skewed_page_in_alto_or_hocr_is_turned_as_its_quadrilaterals_are(path: Path) -> None:
    """The real pages are scans skewed by up to 1.4 degrees. Written as ALTO (baselines
    as points) or hOCR (Tesseract's baseline slope, to three decimals), with level boxes
    only, the page's skew is measured as it is from the archive's quadrilaterals."""
    from reader.core.layout import reading_order

    page = formats.load(path)
    skew = reading_order(read(path.read_bytes()).pages[0]).skew
    assert reading_order(read(formats.alto(page)).pages[0]).skew == pytest.approx(skew)
    assert reading_order(read(formats.hocr(page)).pages[0]).skew == pytest.approx(skew, abs=0.03)


@needs_real
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name[:2])
def test_a_page_scanned_more_askew_measures_so(path: Path) -> None:
    """The page's boxes turned a quarter of a degree about its centre (the evaluation's
    turned scans): the skew measured grows by as much, to within the whole pixels the
    corners are rounded to."""
    from reader.core.layout import reading_order

    page = formats.load(path)
    skew = reading_order(read(formats.archive(page)).pages[0]).skew
    turned = reading_order(read(formats.archive(formats.turned(page, 0.25))).pages[0]).skew
    assert turned == pytest.approx(skew + 0.25, abs=0.1)
