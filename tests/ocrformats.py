"""A real page's OCR boxes written out in each format the OCR reader knows.

The pages in `shared/real/pages` come in the shape of the archive they were taken from
(`{"ocr_results": [{"text", "box"}], "dimensions": {...}}`). These writers turn one into
PaddleOCR's list, PaddleOCR 3's saved result, Umi-OCR's JSON, hOCR, ALTO (v2 to v4, in
pixels or tenths of a millimetre) and PAGE XML, so that every reader is tried on real
geometry. The archive has no scores: the writers make up one per line, the same each run.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import lxml.etree as etree

from reader.core.ocr import join_words

# The folder beside the checkout that holds the real pages.
SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL_PAGES = SHARED / "real" / "pages"
TRIBUNE = SHARED / "real" / "english" / "tribune_1903-05-01_p1.alto.xml"

ALTO_NAMESPACES = {
    2: "http://www.loc.gov/standards/alto/ns-v2#",
    3: "http://www.loc.gov/standards/alto/ns-v3#",
    4: "http://www.loc.gov/standards/alto/ns-v4#",
}
PAGE_NAMESPACES = {
    "2013": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15",
    "2019": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15",
}

Quad = tuple[tuple[int, int], ...]
Box4 = tuple[float, float, float, float]


@dataclass(frozen=True)
class RealPage:
    name: str
    width: int
    height: int
    texts: tuple[str, ...]
    quads: tuple[Quad, ...]

    def box(self, index: int) -> tuple[int, int, int, int]:
        xs = [x for x, _ in self.quads[index]]
        ys = [y for _, y in self.quads[index]]
        return (min(xs), min(ys), max(xs), max(ys))

    def __len__(self) -> int:
        return len(self.texts)


def turned(page: RealPage, degrees: float) -> RealPage:
    """The page as if scanned turned by `degrees` (clockwise) about its centre: every
    quadrilateral's corners turned, rounded to whole pixels as an OCR program gives them."""
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)
    cx, cy = page.width / 2, page.height / 2

    def turn(x: int, y: int) -> tuple[int, int]:
        dx, dy = x - cx, y - cy
        return round(cx + dx * cos - dy * sin), round(cy + dx * sin + dy * cos)

    quads = tuple(tuple(turn(x, y) for x, y in quad) for quad in page.quads)
    return RealPage(page.name, page.width, page.height, page.texts, quads)


def archive(page: RealPage) -> bytes:
    """The page in the archive's own shape (`ocr_results` with four-point boxes)."""
    results = [
        {"text": text, "box": [list(point) for point in quad]}
        for text, quad in zip(page.texts, page.quads, strict=True)
    ]
    value = {"ocr_results": results, "dimensions": {"height": page.height, "width": page.width}}
    return json.dumps(value, ensure_ascii=False).encode()


def real_page_paths() -> list[Path]:
    return sorted(REAL_PAGES.glob("*.json")) if REAL_PAGES.is_dir() else []


def load(path: Path) -> RealPage:
    data = json.loads(path.read_bytes())
    results = data["ocr_results"]
    return RealPage(
        name=path.stem,
        width=data["dimensions"]["width"],
        height=data["dimensions"]["height"],
        texts=tuple(r["text"] for r in results),
        quads=tuple(tuple((int(x), int(y)) for x, y in r["box"]) for r in results),
    )


def score(index: int) -> float:
    """A made-up recognition score for line `index`, in 0.50..0.99."""
    return 0.5 + (index * 37 % 50) / 100


def words(text: str) -> list[str]:
    """The line split at its spaces wherever reading the words back joins them with one
    (a space between two CJK characters stays inside a word)."""
    parts = text.split(" ")
    out: list[str] = []
    for part in parts:
        if out and (not part or join_words([out[-1], part]) != out[-1] + " " + part):
            out[-1] += " " + part
        else:
            out.append(part)
    return out if join_words(out) == text else [text]


def _word_boxes(box: Box4, parts: Sequence[str]) -> list[Box4]:
    """The line's box shared out among its words by their lengths."""
    x0, y0, x1, y1 = box
    total = sum(len(p) for p in parts) + len(parts) - 1
    out, at = [], 0
    for part in parts:
        left = x0 + (x1 - x0) * at / total
        at += len(part)
        out.append((left, y0, x0 + (x1 - x0) * at / total, y1))
        at += 1
    return out


def _in_order(quad: Quad) -> bool:
    """Whether a quadrilateral runs clockwise from its top left corner around a line
    wider than tall."""
    if len(quad) != 4:
        return False
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = quad
    return bx - ax > abs(dy - ay) and cx - dx > abs(cy - by) and dy > ay and cy > by


def baseline(page: RealPage, index: int) -> tuple[float, float]:
    """hOCR's baseline of the line: the slope of its quadrilateral's bottom edge, and
    where that edge meets the box's left side, from the box's bottom left corner."""
    quad = page.quads[index]
    x0, _, _, y1 = page.box(index)
    if not _in_order(quad):
        return 0.0, 0.0
    (_, _), (_, _), (cx, cy), (dx, dy) = quad
    slope = (cy - dy) / (cx - dx)
    return slope, dy + slope * (x0 - dx) - y1


# --- JSON ------------------------------------------------------------------------------


def paddle_lines(page: RealPage) -> list[object]:
    return [
        [[list(p) for p in quad], [text, score(i)]]
        for i, (text, quad) in enumerate(zip(page.texts, page.quads, strict=True))
    ]


def paddle(page: RealPage, pages: int = 1) -> bytes:
    """PaddleOCR's `ocr()` result: `[[box, [text, score]], …]`, or a list of such pages
    (as it returns for a PDF)."""
    lines = paddle_lines(page)
    value: object = lines if pages == 1 else [lines] * pages
    return json.dumps(value, ensure_ascii=False).encode()


def paddle3(page: RealPage, nested: bool = True, polys: bool = True) -> bytes:
    """PaddleOCR 3's saved result, under "res" or not, with polygons or only boxes."""
    result: dict[str, object] = {
        "input_path": f"{page.name}.png",
        "page_index": None,
        "rec_texts": list(page.texts),
        "rec_scores": [score(i) for i in range(len(page))],
        "rec_boxes": [list(page.box(i)) for i in range(len(page))],
    }
    if polys:
        result["rec_polys"] = [[list(p) for p in quad] for quad in page.quads]
        result["dt_polys"] = result["rec_polys"]
    return json.dumps({"res": result} if nested else result, ensure_ascii=False).encode()


def umi(page: RealPage) -> bytes:
    """Umi-OCR's HTTP answer."""
    data = [
        {"text": text, "box": [list(p) for p in quad], "score": score(i), "end": "\n"}
        for i, (text, quad) in enumerate(zip(page.texts, page.quads, strict=True))
    ]
    return json.dumps(
        {"code": 100, "data": data, "ocr_time": 0.5, "timestamp": 1700000000.0},
        ensure_ascii=False,
    ).encode()


# --- hOCR ------------------------------------------------------------------------------


def hocr(page: RealPage, pages: int = 1, block: int = 10) -> bytes:
    """Tesseract-style XHTML: ocr_page > ocr_carea > ocr_par > ocr_line > ocrx_word, one
    paragraph for every `block` lines."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"',
        '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="zh" lang="zh">',
        " <head>",
        "  <title></title>",
        '  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>',
        "  <meta name='ocr-system' content='tesseract 5.3.0'/>",
        "  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word'/>",
        " </head>",
        " <body>",
    ]
    for number in range(pages):
        out.append(
            f"  <div class='ocr_page' id='page_{number + 1}' "
            f'title=\'image "{page.name}.png"; bbox 0 0 {page.width} {page.height}; '
            f"ppageno {number}'>"
        )
        for start in range(0, len(page), block):
            region = f"{number + 1}_{start // block + 1}"
            out.append(f"   <div class='ocr_carea' id='block_{region}'>")
            out.append(f"    <p class='ocr_par' id='par_{region}' lang='chi_sim'>")
            for i in range(start, min(start + block, len(page))):
                x0, y0, x1, y1 = page.box(i)
                slope, offset = baseline(page, i)
                out.append(
                    f"     <span class='ocr_line' id='line_{number + 1}_{i + 1}' "
                    f"title='bbox {x0} {y0} {x1} {y1}; baseline {slope:.3f} {offset:.0f}; "
                    "x_size 30'>"
                )
                parts = words(page.texts[i])
                for k, (part, wbox) in enumerate(
                    zip(parts, _word_boxes(page.box(i), parts), strict=True)
                ):
                    a, b, c, d = (round(v) for v in wbox)
                    conf = round(score(i) * 100)
                    out.append(
                        f"      <span class='ocrx_word' id='word_{number + 1}_{i + 1}_{k + 1}' "
                        f"title='bbox {a} {b} {c} {d}; x_wconf {conf}'>{html.escape(part)}</span>"
                    )
                out.append("     </span>")
            out.append("    </p>")
            out.append("   </div>")
        out.append("  </div>")
    out += [" </body>", "</html>", ""]
    return "\n".join(out).encode()


# --- ALTO ------------------------------------------------------------------------------


def alto(
    page: RealPage,
    version: int = 4,
    unit: str = "pixel",
    dpi: int = 300,
    pages: int = 1,
    block: int = 10,
    image: str | None = None,
) -> bytes:
    """ALTO with a TextBlock for every `block` lines, in pixels or (`unit="mm10"`) in
    tenths of a millimetre of a scan at `dpi`, naming the scan `image` where given."""
    ns = ALTO_NAMESPACES[version]

    def q(tag: str) -> str:
        return f"{{{ns}}}{tag}"

    def measure(value: float) -> str:
        if unit == "pixel":
            return str(round(value))
        return str(round(value * 254 / dpi))

    root = etree.Element(q("alto"), nsmap={None: ns})
    description = etree.SubElement(root, q("Description"))
    etree.SubElement(description, q("MeasurementUnit")).text = unit
    if image is not None:
        source = etree.SubElement(description, q("sourceImageInformation"))
        etree.SubElement(source, q("fileName")).text = image
    styles = etree.SubElement(root, q("Styles"))
    etree.SubElement(styles, q("TextStyle"), ID="BODY", FONTSIZE="10.5", FONTFAMILY="SimSun")
    layout = etree.SubElement(root, q("Layout"))
    for number in range(pages):
        page_el = etree.SubElement(
            layout,
            q("Page"),
            ID=f"P{number + 1}",
            PHYSICAL_IMG_NR=str(number + 1),
            WIDTH=measure(page.width),
            HEIGHT=measure(page.height),
        )
        space = etree.SubElement(
            page_el,
            q("PrintSpace"),
            HPOS="0",
            VPOS="0",
            WIDTH=measure(page.width),
            HEIGHT=measure(page.height),
        )
        for start in range(0, len(page), block):
            chunk = range(start, min(start + block, len(page)))
            boxes = [page.box(i) for i in chunk]
            bx0 = min(b[0] for b in boxes)
            by0 = min(b[1] for b in boxes)
            text_block = etree.SubElement(
                space,
                q("TextBlock"),
                ID=f"P{number + 1}_TB{start // block + 1}",
                HPOS=measure(bx0),
                VPOS=measure(by0),
                WIDTH=measure(max(b[2] for b in boxes) - bx0),
                HEIGHT=measure(max(b[3] for b in boxes) - by0),
                STYLEREFS="BODY",
            )
            for i in chunk:
                x0, y0, x1, y1 = page.box(i)
                line = etree.SubElement(
                    text_block,
                    q("TextLine"),
                    ID=f"P{number + 1}_TL{i + 1}",
                    HPOS=measure(x0),
                    VPOS=measure(y0),
                    WIDTH=measure(x1 - x0),
                    HEIGHT=measure(y1 - y0),
                )
                if version == 4 and _in_order(page.quads[i]):
                    # ALTO 4.2's baseline as points: the quadrilateral's bottom edge.
                    (_, _), (_, _), (cx, cy), (dx, dy) = page.quads[i]
                    line.set("BASELINE", f"{measure(dx)},{measure(dy)} {measure(cx)},{measure(cy)}")
                parts = words(page.texts[i])
                boxes_ = _word_boxes(page.box(i), parts)
                for k, (part, (a, b, c, d)) in enumerate(zip(parts, boxes_, strict=True)):
                    if k:
                        etree.SubElement(line, q("SP"), HPOS=measure(a), VPOS=measure(b))
                    etree.SubElement(
                        line,
                        q("String"),
                        HPOS=measure(a),
                        VPOS=measure(b),
                        WIDTH=measure(c - a),
                        HEIGHT=measure(d - b),
                        CONTENT=part,
                        WC=f"{score(i):.2f}",
                    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- PAGE ------------------------------------------------------------------------------


def page_xml(page: RealPage, order: Sequence[int] | None = None, version: str = "2019") -> bytes:
    """PAGE XML with one TextRegion per line (r1, r2, …) and, where `order` is given, a
    ReadingOrder that lists the regions of those line indices in that order."""
    ns = PAGE_NAMESPACES[version]

    def q(tag: str) -> str:
        return f"{{{ns}}}{tag}"

    root = etree.Element(q("PcGts"), nsmap={None: ns})
    metadata = etree.SubElement(root, q("Metadata"))
    etree.SubElement(metadata, q("Creator")).text = "ocrformats"
    etree.SubElement(metadata, q("Created")).text = "2024-01-01T00:00:00"
    etree.SubElement(metadata, q("LastChange")).text = "2024-01-01T00:00:00"
    page_el = etree.SubElement(
        root,
        q("Page"),
        imageFilename=f"{page.name}.png",
        imageWidth=str(page.width),
        imageHeight=str(page.height),
    )
    if order is not None:
        reading = etree.SubElement(page_el, q("ReadingOrder"))
        group = etree.SubElement(reading, q("OrderedGroup"), id="ro1")
        for rank, index in enumerate(order):
            etree.SubElement(
                group, q("RegionRefIndexed"), index=str(rank), regionRef=f"r{index + 1}"
            )
    for i, (text, quad) in enumerate(zip(page.texts, page.quads, strict=True)):
        points = " ".join(f"{x},{y}" for x, y in quad)
        region = etree.SubElement(page_el, q("TextRegion"), id=f"r{i + 1}", type="paragraph")
        etree.SubElement(region, q("Coords"), points=points)
        line = etree.SubElement(region, q("TextLine"), id=f"l{i + 1}")
        etree.SubElement(line, q("Coords"), points=points)
        equiv = etree.SubElement(line, q("TextEquiv"), conf=f"{score(i):.2f}")
        etree.SubElement(equiv, q("Unicode")).text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
