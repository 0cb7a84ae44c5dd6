"""The scan beside the text: finding a page's image, and where its blocks and highlights
sit on it.

An OCR file with boxes may come with the image it was read from. The image is the one
the format names (ALTO `sourceImageInformation/fileName`, hOCR `image "…"` in an
ocr_page's title, PAGE `Page/@imageFilename`, PaddleOCR 3's `input_path`), or else the
image with the same name as the OCR file beside it (`p1.json`, `p1.alto.xml`,
`p1_res.json`, `p1.png.hocr` → `p1.png`, `p1.jpg`, …). A name the file gives is never
followed blindly: it is looked for only in the OCR file's folder and the folder above it
(where OCR-D and Transkribus keep their images), never outside them; an absolute path or
a URL counts only for its last part. Whatever is found must be a regular file that exists.

Boxes are in the page's units (`SourceInfo.pages`); `image_scale` turns them into the
image's pixels. Nothing here reads the image itself: the window does, off its thread.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.decode import DecodeError
from reader.core.export import CleanText
from reader.core.model import Block, Document
from reader.core.text import ink

# Image files a scan may be, by suffix (tried in this order, in lower and upper case).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".jp2", ".bmp", ".gif")
MAX_SCAN_BYTES = 512 * 1024 * 1024  # an image file larger than this is not opened
MAX_NAME = 4096  # characters of a name the file gives that are looked at
# Suffixes an OCR file's stem may still carry ("p1.alto.xml"), and PaddleOCR 3's "_res".
_OCR_INFIXES = (".alto", ".page", ".hocr", ".ocr", ".paddle", ".umi", ".xml")
_RESULT_TAIL = "_res"
# Folders that hold only the OCR files of a set, the images being one folder up.
_OCR_FOLDERS = frozenset({"page", "alto", "hocr", "ocr", "xml", "json"})
_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:[\\/]|^\\\\")
_HOCR_IMAGE = re.compile(r"""(?:^|;)\s*image\s+(?:"([^"]*)"|'([^']*)'|(\S+))""")

Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Scans:
    """The images found for a page file, one per page of the OCR file where found; where
    none was, why (`why`: "absent", no image of the file's name; "named", the image the
    file names, `name`, is not there; "large", `name` is larger than MAX_SCAN_BYTES)."""

    images: dict[int, Path] = field(default_factory=dict)
    why: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class Region:
    """Where a block of the document sits: its page and the union of its lines' boxes
    within one column (a block running over a column break has several)."""

    article: int
    key: int  # index in the article's all_blocks()
    page: int
    box: Rect


# --- finding the image --------------------------------------------------------------------


def named_images(data: bytes) -> list[str | None]:
    """The image each page of an OCR file names, in page order (None where a page names
    none); empty for a format that names no image or a file that cannot be read."""
    from reader.core import ocr  # lxml only for OCR files

    try:
        kind = ocr.sniff(data)
        if kind in ("paddle", "umi"):
            return _json_names(ocr._load_json(data))
        if kind == "alto":
            return _alto_names(ocr._parse_xml(data, "ALTO"))
        if kind == "page":
            return _page_names(ocr._parse_xml(data, "PAGE"))
        if kind == "hocr":
            return _hocr_names(data)
    except (DecodeError, ValueError, RecursionError, MemoryError):
        return []
    return []


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value[:MAX_NAME] if value else None


def _json_names(value: Any) -> list[str | None]:
    """PaddleOCR 3's saved results name their input: `input_path`, at the top or under
    "res"; a list of results is a list of pages."""
    items = value if isinstance(value, list) else [value]
    names: list[str | None] = []
    for item in items:
        name = None
        if isinstance(item, dict):
            res = item.get("res")
            for where in (item, res if isinstance(res, dict) else {}):
                name = name or _text(where.get("input_path"))
        names.append(name)
    return names if any(names) else []


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _alto_names(root: Any) -> list[str | None]:
    # One image for the file: ALTO describes one scan (Description/sourceImageInformation).
    for element in root.iter("{*}fileName"):
        parent = element.getparent()
        if parent is not None and _local(parent.tag) == "sourceImageInformation":
            return [_text(element.text)]
    return []


def _page_names(root: Any) -> list[str | None]:
    page = next(root.iterchildren("{*}Page"), None)
    return [_text(page.get("imageFilename"))] if page is not None else []


def _hocr_names(data: bytes) -> list[str | None]:
    import lxml.etree as etree
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return []
    pages = [
        element
        for element in root.iter()
        if isinstance(element.tag, str) and "ocr_page" in (element.get("class") or "").split()
    ]
    names: list[str | None] = []
    for page in pages:
        match = _HOCR_IMAGE.search(page.get("title") or "")
        names.append(_text(next((g for g in match.groups() if g), None)) if match else None)
    return names if any(names) else []


def _bases(ocr_path: Path) -> list[Path]:
    """The folders a scan of this OCR file may be in: its own, and the one above."""
    folder = Path(os.path.abspath(ocr_path)).parent
    return [folder, folder.parent] if folder.parent != folder else [folder]


def _inside(path: str, folder: Path) -> bool:
    try:
        return os.path.commonpath([path, str(folder)]) == str(folder)
    except ValueError:
        return False


def _regular(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long, or holding a NUL
        return False


def resolve(name: str, ocr_path: str | os.PathLike[str]) -> Path | None:
    """The image an OCR file names, found where it may be (see the module's notes), or
    None. A relative name is looked for under the OCR file's folder and the one above,
    and may not climb out of them; an absolute path or a URL is looked for by its last
    part alone."""
    name = name.strip()[:MAX_NAME]
    if not name:
        return None
    parsed = urllib.parse.urlsplit(name)
    # file:///…, and http://… or s3://… (of which only the name counts); "C:\\…" is a path.
    if parsed.scheme == "file" or (len(parsed.scheme) > 1 and parsed.netloc):
        name = urllib.parse.unquote(parsed.path)
    absolute = name.startswith(("/", "\\")) or bool(_WINDOWS_ABSOLUTE.match(name))
    parts = [p for p in re.split(r"[\\/]+", name) if p]
    if not parts:
        return None
    relative = None if absolute else os.path.join(*parts)
    for base in _bases(Path(ocr_path)):
        tries = [] if relative is None else [os.path.normpath(base / relative)]
        tries.append(os.path.normpath(base / parts[-1]))
        for candidate in tries:
            if _inside(candidate, base) and _regular(Path(candidate)):
                return Path(candidate)
    return None


def _stems(ocr_path: Path) -> list[str]:
    """The names a same-named scan may have, without suffix: "p1.alto.xml" gives "p1.alto"
    and "p1"; "p1_res.json" gives "p1_res" and "p1"."""
    stems = [ocr_path.stem]
    stem = ocr_path.stem
    while True:
        lower = stem.lower()
        cut = next((s for s in _OCR_INFIXES if lower.endswith(s)), None)
        if cut is None and lower.endswith(_RESULT_TAIL):
            cut = _RESULT_TAIL
        if cut is None or len(stem) == len(cut):
            break
        stem = stem[: -len(cut)]
        stems.append(stem)
    return stems


def same_name(ocr_path: str | os.PathLike[str]) -> Path | None:
    """The image with the OCR file's name beside it (or one folder up, for a file in a
    folder of OCR files such as `page/`)."""
    path = Path(os.path.abspath(ocr_path))
    folders = [path.parent]
    if path.parent.name.lower() in _OCR_FOLDERS:
        folders.append(path.parent.parent)
    for folder in folders:
        for stem in _stems(path):
            # "p1.png.hocr", as some programs name their output: the image's whole name
            if Path(stem).suffix.lower() in IMAGE_SUFFIXES and _regular(folder / stem):
                return folder / stem
            for suffix in IMAGE_SUFFIXES:
                for case in (suffix, suffix.upper()):
                    candidate = folder / f"{stem}{case}"
                    if _regular(candidate):
                        return candidate
    return None


def find(ocr_path: str | os.PathLike[str], data: bytes, pages: int = 1) -> Scans:
    """The scans of an OCR file whose bytes are `data` and which has `pages` pages: the
    images the file names, else (for its first page) the image with its name."""
    path = Path(ocr_path)
    names = named_images(data)
    images: dict[int, Path] = {}
    missing: list[str] = []
    for page, name in enumerate(names[: max(1, pages)]):
        if name is None:
            continue
        found = resolve(name, path)
        if found is not None:
            images[page] = found
        else:
            missing.append(name)
    if 0 not in images:
        found = same_name(path)
        if found is not None:
            images[0] = found
    too_big = [image for image in images.values() if not _size_ok(image)]
    images = {page: image for page, image in images.items() if _size_ok(image)}
    if images:
        return Scans(images)
    if too_big:
        return Scans({}, "large", too_big[0].name)
    if missing:
        return Scans({}, "named", Path(missing[0].replace("\\", "/")).name or missing[0])
    return Scans({}, "absent", _stems(path)[-1])


def _size_ok(path: Path) -> bool:
    try:
        return path.stat().st_size <= MAX_SCAN_BYTES
    except OSError:
        return False


def image_scale(page: tuple[float, float, str], image: tuple[int, int]) -> tuple[float, float]:
    """Factors (x, y) from the page's units to the image's pixels.

    A page measured in millimetres is stretched over the image. A page in pixels is the
    image itself; where its size differs from the image's but keeps its shape, the image
    was resized and the factor follows; where it has another shape, the page's size is
    only the extent of its lines (the format gave none), and pixels stay pixels."""
    width, height, unit = page
    iw, ih = image
    if width <= 0 or height <= 0 or iw <= 0 or ih <= 0:
        return (1.0, 1.0)
    sx, sy = iw / width, ih / height
    if unit != "px":
        return (sx, sy)
    if abs(sx - 1) <= 0.01 and abs(sy - 1) <= 0.01:
        return (1.0, 1.0)
    if abs(sx / sy - 1) <= 0.01:
        return (sx, sx)
    return (1.0, 1.0)


# --- where blocks and highlights are ------------------------------------------------------


def _union(a: Rect, b: Rect) -> Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def lines_regions(doc: Document, first: int, last: int) -> list[tuple[int, Rect]]:
    """(page, box) of source lines first..last: the union of their boxes in each column
    they run through; empty for plain text."""
    pieces: dict[tuple[int, int], Rect] = {}
    for line in doc.line_boxes[max(0, first) : last + 1]:
        if line is None:
            continue
        key = (line.page, line.column)
        pieces[key] = _union(pieces[key], line.box) if key in pieces else line.box
    return [(page, box) for (page, _column), box in pieces.items()]


def block_regions(doc: Document) -> list[Region]:
    """Every block of the document where it sits on the page, in reading order."""
    if not doc.line_boxes:
        return []
    return [
        Region(ai, k, page, box)
        for ai, art in enumerate(doc.articles)
        for k, block in enumerate(art.all_blocks())
        for page, box in lines_regions(doc, block.first, block.last)
    ]


def _vertical(box: Rect) -> bool:
    return (box[3] - box[1]) > 1.5 * (box[2] - box[0])


def span_regions(doc: Document, clean: CleanText, start: int, end: int) -> list[tuple[int, Rect]]:
    """(page, box) pieces of clean text [start, end): in each block it covers, the lines
    it runs through, cut across the first and last of them by the share of their
    characters it takes (down the line where the line is vertical)."""
    if not doc.line_boxes or end <= start:
        return []
    out: list[tuple[int, Rect]] = []
    for ai, k in clean.covering(start, end):
        block = doc.articles[ai].all_blocks()[k]
        offset = clean.starts[(ai, k)]
        lo, hi = max(start, offset) - offset, min(end, offset + len(block.text)) - offset
        if hi > lo:
            out.extend(_block_pieces(doc, block, lo, hi))
    return out


def _block_pieces(doc: Document, block: Block, lo: int, hi: int) -> Iterable[tuple[int, Rect]]:
    first = block.first
    stop = min(block.last + 1, len(doc.line_boxes), len(doc.source_lines))
    inks = [ink(doc.source_lines[n]) for n in range(first, stop)]
    # The block's characters among its lines': all of them, but where a correction split
    # a line between two blocks (Block.skip, Block.spare).
    total = sum(inks) - block.skip - (block.spare if stop == block.last + 1 else 0)
    shown = ink(block.text)
    if total <= 0 or shown == 0:
        return
    # The block's text and its source lines hold the same characters but for white space,
    # so a place in the text is a place among the lines' characters (scaled, where a
    # correction or a mended hyphen changed their number).
    a = block.skip + ink(block.text[:lo]) * total / shown
    b = block.skip + ink(block.text[:hi]) * total / shown
    at = 0
    for n, held in zip(range(first, stop), inks, strict=True):
        begin, at = at, at + held
        if held == 0 or at <= a:
            continue
        if begin >= b:
            break
        line = doc.line_boxes[n]
        if line is None:
            continue
        f0, f1 = (max(a, begin) - begin) / held, (min(b, at) - begin) / held
        x0, y0, x1, y1 = line.box
        if _vertical(line.box):
            box = (x0, y0 + (y1 - y0) * f0, x1, y0 + (y1 - y0) * f1)
        else:
            box = (x0 + (x1 - x0) * f0, y0, x0 + (x1 - x0) * f1, y1)
        yield line.page, box
