"""Finding a page's scan, and where its blocks and highlights sit on it (no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core import scan
from reader.core.document import load
from reader.core.export import clean_text
from tests import ocrformats as formats

pytestmark = pytest.mark.skipif(
    not formats.REAL_PAGES.is_dir(), reason=f"the real pages are not at {formats.REAL_PAGES}"
)
REAL = formats.REAL_PAGES / "10_wengetongxun33_19670519_p1.json"
IMAGE = b"not decoded here"


@pytest.fixture(scope="module")
def page() -> formats.RealPage:
    return formats.load(REAL)


def named(data: bytes, page: formats.RealPage, name: str) -> bytes:
    """The writer's output with the image it names replaced by `name`."""
    return data.replace(f"{page.name}.png".encode(), name.encode())


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# Each format names its image its own way; the OCR file is called otherwise, so that only
# the name the file gives can find it.
FORMATS = {
    "alto": ("ocr.xml", lambda p: formats.alto(p, image="leaf-7.tif")),
    "hocr": ("ocr.hocr", lambda p: named(formats.hocr(p), p, "leaf-7.tif")),
    "page": ("ocr.xml", lambda p: named(formats.page_xml(p), p, "leaf-7.tif")),
    "paddle3": ("ocr.json", lambda p: named(formats.paddle3(p), p, "leaf-7.tif")),
}


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_the_image_a_format_names_is_found(tmp_path, page, kind) -> None:
    name, writer = FORMATS[kind]
    ocr = write(tmp_path / name, writer(page))
    assert scan.named_images(ocr.read_bytes()) == ["leaf-7.tif"]
    assert scan.find(ocr, ocr.read_bytes()).images == {}  # not there yet
    image = write(tmp_path / "leaf-7.tif", IMAGE)
    assert scan.find(ocr, ocr.read_bytes()).images == {0: image}


@pytest.mark.parametrize(
    ("name", "image"),
    [
        ("p1.json", "p1.png"),
        ("p1.json", "p1.JPG"),
        ("p1.alto.xml", "p1.tif"),
        ("p1_res.json", "p1.jpeg"),
        ("p1.png.hocr", "p1.png"),
    ],
)
def test_an_image_of_the_same_name_beside_it_is_found(tmp_path, name, image) -> None:
    ocr = write(tmp_path / name, REAL.read_bytes())
    assert scan.find(ocr, ocr.read_bytes()).why == "absent"
    found = write(tmp_path / image, IMAGE)
    write(tmp_path / "p2.png", IMAGE)  # another page's scan
    assert scan.find(ocr, ocr.read_bytes()).images == {0: found}


def test_the_folder_above_a_folder_of_ocr_files_is_looked_in(tmp_path, page) -> None:
    # Transkribus: page/p1.xml names p1.jpg, which is in the folder above.
    ocr = write(tmp_path / "page" / "p1.xml", named(formats.page_xml(page), page, "p1.jpg"))
    image = write(tmp_path / "p1.jpg", IMAGE)
    assert scan.find(ocr, ocr.read_bytes()).images == {0: image}
    # OCR-D: a workspace's OCR-D-OCR/p1.xml names OCR-D-IMG/p1.tif, under the workspace.
    ocr = write(
        tmp_path / "ws" / "OCR-D-OCR" / "p1.xml",
        named(formats.page_xml(page), page, "OCR-D-IMG/p1.tif"),
    )
    image = write(tmp_path / "ws" / "OCR-D-IMG" / "p1.tif", IMAGE)
    assert scan.find(ocr, ocr.read_bytes()).images == {0: image}


def test_a_name_is_never_followed_out_of_the_page_s_folders(tmp_path, page) -> None:
    outside = write(tmp_path / "elsewhere" / "secret.png", IMAGE)
    folder = tmp_path / "a" / "b"
    for name in (str(outside), "../../elsewhere/secret.png", outside.as_uri()):
        ocr = write(folder / "ocr.xml", named(formats.page_xml(page), page, name))
        found = scan.find(ocr, ocr.read_bytes())
        assert found.images == {} and found.why == "named" and found.name == "secret.png"
    # An absolute path, a Windows path or a URL counts for its name, looked for beside.
    beside = write(folder / "secret.png", IMAGE)
    for name in (str(outside), "C:\\scans\\secret.png", "https://example.org/x/secret.png"):
        ocr = write(folder / "ocr.xml", named(formats.page_xml(page), page, name))
        assert scan.find(ocr, ocr.read_bytes()).images == {0: beside}


def test_only_a_regular_file_is_a_scan(tmp_path, page) -> None:
    ocr = write(tmp_path / "p1.xml", named(formats.page_xml(page), page, "leaf.png"))
    (tmp_path / "leaf.png").mkdir()
    (tmp_path / "p1.png").mkdir()
    assert scan.find(ocr, ocr.read_bytes()).images == {}
    bad = named(formats.page_xml(page), page, "le\x00af.png").replace(b"\x00", b"&#0;")
    ocr.write_bytes(bad)
    assert scan.find(ocr, bad).images == {}  # refused by the parser: no name, no crash


def test_each_page_of_a_file_has_the_scan_it_names(tmp_path, page) -> None:
    data = formats.hocr(page, pages=2)
    first = f"{page.name}.png".encode()
    data = data.replace(first, b"one.png", 1).replace(first, b"two.png", 1)
    ocr = write(tmp_path / "book.hocr", data)
    images = [write(tmp_path / n, IMAGE) for n in ("one.png", "two.png")]
    assert scan.find(ocr, data, pages=2).images == {0: images[0], 1: images[1]}


def test_a_damaged_file_names_no_image(tmp_path) -> None:
    assert scan.named_images(b'{"res": {"input_path": "x.png", "rec_texts": [') == []
    assert scan.named_images(b"<alto><Description>") == []
    assert scan.named_images(b"plain text") == []


def test_boxes_are_scaled_to_the_image() -> None:
    assert scan.image_scale((3000, 4000, "px"), (3000, 4000)) == (1.0, 1.0)
    assert scan.image_scale((3000, 4000, "px"), (1500, 2000)) == (0.5, 0.5)  # resized
    # The page's size is its lines' extent (the format gave none): pixels stay pixels.
    assert scan.image_scale((2500, 3900, "px"), (3000, 4200)) == (1.0, 1.0)
    sx, sy = scan.image_scale((210.0, 297.0, "mm"), (2480, 3508))
    assert sx == pytest.approx(2480 / 210) and sy == pytest.approx(3508 / 297)


def test_every_block_has_its_regions() -> None:
    doc = load(REAL)
    regions = scan.block_regions(doc)
    keys = {(r.article, r.key) for r in regions}
    for ai, art in enumerate(doc.articles):
        for k, block in enumerate(art.all_blocks()):
            boxes = [doc.line_boxes[n] for n in range(block.first, block.last + 1)]
            assert ((ai, k) in keys) == any(b is not None for b in boxes)
    for region in regions:
        block = doc.articles[region.article].all_blocks()[region.key]
        assert (region.page, region.box) in doc.regions(block)


def test_a_highlight_covers_the_part_of_the_lines_it_holds() -> None:
    doc = load(REAL)
    clean = clean_text(doc)
    # A paragraph over several horizontal lines.
    ai, k = next(
        key
        for key in clean.starts
        if (b := doc.articles[key[0]].all_blocks()[key[1]]).kind == "paragraph"
        and b.last - b.first >= 3
        and len(scan.lines_regions(doc, b.first, b.last)) == 1
    )
    block = doc.articles[ai].all_blocks()[k]
    start = clean.starts[(ai, k)]
    whole = scan.span_regions(doc, clean, start, start + len(block.text))
    lines = [doc.line_boxes[n] for n in range(block.first, block.last + 1)]
    assert [box for _, box in whole] == [line.box for line in lines if line is not None]
    # Its first two characters: the start of the first line, a sliver of its width.
    (page, (x0, y0, x1, y1)), *rest = scan.span_regions(doc, clean, start, start + 2)
    first = next(line for line in lines if line is not None)
    assert rest == [] and page == first.page
    assert (x0, y0, y1) == (first.box[0], first.box[1], first.box[3])
    assert first.box[0] < x1 < first.box[0] + (first.box[2] - first.box[0]) / 3
    # Its last character: the end of the last line.
    (_, (x0, _, x1, _)), *rest = scan.span_regions(
        doc, clean, start + len(block.text) - 1, start + len(block.text)
    )
    last = next(line for line in reversed(lines) if line is not None)
    assert rest == [] and x1 == pytest.approx(last.box[2]) and x0 > last.box[0]


def test_a_highlight_on_a_split_block_covers_its_own_lines() -> None:
    """Where a correction split a paragraph inside a line, a highlight on the second part
    sits where that part's text is: its first character on the split line, past the
    first part's characters there, not at the start of the paragraph's first line."""
    from reader.core import edits as E

    doc = load(REAL)
    ai, k = next(
        (ai, k)
        for ai, art in enumerate(doc.articles)
        for k, b in enumerate(art.all_blocks())
        if b.kind == "paragraph"
        and b.last - b.first >= 3
        and len(scan.lines_regions(doc, b.first, b.last)) == 1
    )
    block = doc.articles[ai].all_blocks()[k]
    lines = [doc.line_boxes[n] for n in range(block.first, block.last + 1)]
    second = len("".join(doc.source_lines[block.first].split()))
    at = second + 3  # three characters into the block's second line
    split = E.apply(doc, [E.make(doc, "split", ai, k, offset=at)]).doc
    clean = clean_text(split)
    start = clean.starts[(ai, k + 1)]
    (_, (x0, y0, x1, _)), *rest = scan.span_regions(split, clean, start, start + 1)
    line = lines[1]
    assert rest == [] and y0 == line.box[1]
    width = (line.box[2] - line.box[0]) / len("".join(doc.source_lines[block.first + 1].split()))
    assert x0 == pytest.approx(line.box[0] + 3 * width)
    assert x1 == pytest.approx(line.box[0] + 4 * width)


def test_plain_text_has_no_regions(seed_paths) -> None:
    doc = load(seed_paths[0])
    assert scan.block_regions(doc) == []
    assert scan.span_regions(doc, clean_text(doc), 0, 10) == []


def test_paddle3_names_its_input_at_the_top_or_under_res() -> None:
    page = formats.load(REAL)
    for nested in (True, False):
        assert scan.named_images(formats.paddle3(page, nested=nested)) == [f"{page.name}.png"]
    listed = json.dumps([{"res": {"input_path": "a.png", "rec_texts": []}}, {"rec_texts": []}])
    assert scan.named_images(listed.encode()) == ["a.png", None]
