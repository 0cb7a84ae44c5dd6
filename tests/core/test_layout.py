"""Reading order from line geometry: properties on real pages, exact orders on built ones."""

from __future__ import annotations

import collections
import itertools
import json
import math
import re
from pathlib import Path

import pytest

from reader.core.layout import PageOrder, reading_order
from reader.core.ocr import Box, OcrLine, OcrPage, read
from tests import ocrformats as formats

REAL = formats.real_page_paths()
# Without the pages, one stand-in keeps the parametrised tests, skipped with the reason.
PAGES = REAL or [formats.REAL_PAGES]
needs_real = pytest.mark.skipif(
    not REAL, reason=f"the real OCR pages are not in {formats.REAL_PAGES}"
)

# Built pages: body lines of 18 characters, 30 px a character, 32 px high, a line every
# 45 px; columns 540 px wide with 40 px gutters.
WIDTH, HEIGHT, PITCH, GUTTER = 540, 32, 45, 40
FILL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"


def line(text: str, x0: float, y0: float, x1: float, y1: float, vertical: bool = False) -> OcrLine:
    return OcrLine(text, Box(x0, y0, x1, y1), None, None, 0, None, vertical)


def body(name: str, column: int, row: int, top: float, width: float = WIDTH) -> OcrLine:
    """A body line named `name`, padded to the characters its width holds."""
    x = column * (WIDTH + GUTTER)
    text = (name + FILL)[: int(width // 30)]
    return line(text, x, top + row * PITCH, x + width, top + row * PITCH + HEIGHT)


def headline(columns: int) -> OcrLine:
    """A headline three times the body's height, from the middle of the first column to
    the middle of the last."""
    return line("大字标题", WIDTH / 2, 0, (columns - 1) * (WIDTH + GUTTER) + WIDTH / 2, 3 * HEIGHT)


def columns_page(columns: int, rows: int = 6, top: float = 150) -> tuple[list[OcrLine], list[str]]:
    lines = [headline(columns)]
    for column in range(columns):
        lines += [body(f"{column}{row}", column, row, top) for row in range(rows)]
    return lines, ["head"] + [f"{c}{r}" for c in range(columns) for r in range(rows)]


def row_by_row(lines: list[OcrLine]) -> tuple[OcrLine, ...]:
    """The lines in the order PaddleOCR writes them: top to bottom across the page."""
    return tuple(sorted(lines, key=lambda ln: (ln.box.y0, ln.box.x0)))


def names(order: PageOrder) -> list[str]:
    return ["head" if p.line.text == "大字标题" else p.line.text[:2] for p in order.placed]


def page_of(lines: tuple[OcrLine, ...], given: bool = False) -> OcrPage:
    return OcrPage(3000, 4000, lines, order_given=given)


@pytest.mark.parametrize("columns", [2, 3, 4])
def test_a_spanning_headline_comes_before_its_columns(columns: int) -> None:
    lines, expected = columns_page(columns)
    order = reading_order(page_of(row_by_row(lines)))
    assert names(order) == expected
    assert order.source == "geometry"
    assert order.file_interleaved
    body_columns = order.columns[1:] if len(order.columns) > columns else order.columns
    assert [round(c.box.x0) for c in body_columns[-columns:]] == [
        k * (WIDTH + GUTTER) for k in range(columns)
    ]
    assert body_columns[-1].pitch == PITCH


def test_columns_under_a_headline_then_a_second_story_in_other_columns() -> None:
    top, expected = columns_page(3, rows=5)
    second = [line("第二篇大标题", 300, 600, 1500, 700)]
    # four narrower columns under the second headline
    narrow = 400
    for column in range(4):
        x = column * (narrow + GUTTER)
        for row in range(5):
            text = (f"n{column}{row}" + FILL)[: narrow // 30]
            second.append(line(text, x, 740 + row * PITCH, x + narrow, 740 + row * PITCH + HEIGHT))
    order = reading_order(page_of(row_by_row(top + second)))
    got = [
        p.line.text[:3] if p.line.text.startswith("n") else n
        for p, n in zip(order.placed, names(order), strict=True)
    ]
    assert got == expected + ["第二"] + [f"n{c}{r}" for c in range(4) for r in range(5)]


def test_lines_merged_across_a_gutter_are_split_into_their_columns() -> None:
    """PaddleOCR merges a row of two columns into one box: its text is the two lines'
    texts run together. The cut still finds the columns, and each merged line is split
    at the gutter into the two lines it was, each read in its own column."""
    lines, expected = columns_page(3, rows=10)
    merged_rows = (2, 5, 7)

    def merged_away(ln: OcrLine) -> bool:
        return ln.text[:1] in "01" and ln.text[1:2].isdigit() and int(ln.text[1]) in merged_rows

    by_name = {ln.text[:2]: ln for ln in lines}
    merged = []
    for row in merged_rows:
        left, right = by_name[f"0{row}"], by_name[f"1{row}"]
        box = Box(left.box.x0, left.box.y0, right.box.x1, right.box.y1)
        merged.append(OcrLine(left.text + right.text, box, None, None, 0, None, False))
    order = reading_order(page_of(row_by_row([ln for ln in lines if not merged_away(ln)] + merged)))
    assert names(order) == expected
    texts = {p.line.text[:2]: p.line.text for p in order.placed}
    assert all(texts[f"{c}{r}"] == by_name[f"{c}{r}"].text for c in "01" for r in merged_rows)
    # each piece keeps the merged line's index and has its column's share of its box
    pieces = [p for p in order.placed if p.line.text[:2] in {"02", "12"}]
    assert pieces[0].index == pieces[1].index
    assert pieces[0].line.box.x1 <= WIDTH < pieces[1].line.box.x0 + HEIGHT
    assert not any(p.straddles for p in order.placed)
    assert order.columns[1].box.x1 == WIDTH


def test_a_wide_column_beside_narrow_ones_is_not_split_at_its_short_lines() -> None:
    """A column twice as wide as its neighbours: its paragraphs' short last lines leave
    whitespace where the narrow columns have a gutter, but their ends are ragged, so its
    full lines are not taken for merged rows and split there."""
    wide = 2 * WIDTH + GUTTER
    lines = []
    for row in range(12):
        short = row % 4 == 3
        width = (300 + 80 * (row % 3)) if short else wide
        lines.append(body(f"w{row:x}", 0, row, 0, width=width))
    for row in range(12):
        lines.append(body(f"n{row:x}", 2, row, 0))
    order = reading_order(page_of(row_by_row(lines)))
    assert [p.line.text[:2] for p in order.placed] == (
        [f"w{r:x}" for r in range(12)] + [f"n{r:x}" for r in range(12)]
    )


def test_noise_in_the_gutters_does_not_stop_the_cut() -> None:
    lines, expected = columns_page(3, rows=8)
    noise = []
    for gutter in (1, 2):
        x = gutter * (WIDTH + GUTTER) - GUTTER + 5
        for row in (1, 4, 6):
            y = 150 + row * PITCH
            noise.append(line("福" if row % 2 else "·6", x, y, x + 30, y + 30))
    order = reading_order(page_of(row_by_row(lines + noise)))
    texts = [p.line.text for p in order.placed]
    assert [n for n, p in zip(names(order), order.placed, strict=True) if not p.noise] == expected
    assert sorted(texts) == sorted(ln.text for ln in lines + noise)
    assert sum(p.noise for p in order.placed) == len(noise)


def test_vertical_columns_read_right_to_left() -> None:
    lines = []
    expected = []
    for block, top in enumerate((100, 800)):
        for k in range(6):
            x = 2000 - k * 60
            text = f"{block}{k}" + FILL[:10]
            lines.append(line(text, x, top, x + 40, top + 12 * 45, vertical=True))
            expected.append(f"{block}{k}")
    lines.append(line("一", 1500, 300, 1530, 330))  # a stray mark
    order = reading_order(page_of(tuple(sorted(lines, key=lambda ln: ln.box.x0))))
    assert [n for n, p in zip(names(order), order.placed, strict=True) if not p.noise] == expected
    assert all(c.vertical for c in order.columns)


def test_a_vertical_headline_beside_horizontal_columns() -> None:
    lines, expected = columns_page(2, rows=8, top=0)
    lines = lines[1:]
    expected = expected[1:]
    # two vertical headline lines at the right of the page, read right to left
    lines.append(line("永远向前进" * 2, 1300, 0, 1360, 360, vertical=True))
    lines.append(line("紧跟毛主席" * 2, 1400, 0, 1460, 360, vertical=True))
    order = reading_order(page_of(row_by_row(lines)))
    got = [
        p.line.text[:5] if p.line.vertical else n
        for p, n in zip(order.placed, names(order), strict=True)
    ]
    assert got == [*expected, "紧跟毛主席", "永远向前进"]


def test_a_given_order_is_kept_unless_it_runs_row_by_row() -> None:
    lines, expected = columns_page(3)
    column_wise = reading_order(page_of(tuple(lines), given=True))
    assert column_wise.source == "file" and not column_wise.file_interleaved
    assert names(column_wise) == expected
    # a reading order of its own that differs from the geometry is still the file's
    odd = tuple(lines[7:13] + lines[:7] + lines[13:])
    kept = reading_order(page_of(odd, given=True))
    assert kept.source == "file"
    assert [p.line for p in kept.placed] == list(odd)
    rows = reading_order(page_of(row_by_row(lines), given=True))
    assert rows.source == "geometry" and rows.file_interleaved
    assert names(rows) == expected


def test_an_empty_page_and_a_single_line() -> None:
    assert reading_order(page_of(())).placed == ()
    one = reading_order(page_of((body("00", 0, 0, 0),)))
    assert [p.index for p in one.placed] == [0]
    assert one.columns[0].pitch is None


# --- real pages -----------------------------------------------------------------------------


@needs_real
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem[:2])
def test_real_pages_read_every_line_once_column_by_column(path: Path) -> None:
    page = read(path.read_bytes()).pages[0]
    order = reading_order(page)
    # every line is read once: whole, as the pieces of a line merged across columns, or
    # as a piece of a vertical line that OCR broke up
    read_as: dict[int, str] = {}
    for p in order.placed:
        if p.pieces:
            texts = ["".join(page.lines[n].text.split()) for n in p.pieces]
            assert "".join(p.line.text.split()) == "".join(texts)
            read_as.update(zip(p.pieces, texts, strict=True))
            continue
        read_as[p.index] = read_as.get(p.index, "") + p.line.text
    assert sorted(read_as) == list(range(len(page.lines)))
    assert all(
        "".join(read_as[n].split()) == "".join(line.text.split())
        for n, line in enumerate(page.lines)
    )
    assert order.source == "geometry"
    assert [p.column for p in order.placed] == sorted(p.column for p in order.placed)
    for number, column in enumerate(order.columns):
        placed = [p for p in order.placed if p.column == number]
        assert placed, number
        if column.vertical:
            continue
        lines = [p for p in placed if not p.noise and not p.line.vertical]
        for above, below in itertools.pairwise(lines):
            # down the column; lines side by side on one row go left to right
            slack = 0.5 * min(above.box.height, below.box.height)
            assert below.box.centre[1] >= above.box.centre[1] - slack, (above, below)
    # the reading starts at the top: no line above the first one, which is in the top band
    first = order.placed[0]
    text = [p for p in order.placed if not p.noise]
    assert not any(
        p.box.y1 <= first.box.y0 and p.box.x0 < first.box.x1 and p.box.x1 > first.box.x0
        for p in text
    )
    top = min(p.box.y0 for p in text)
    bottom = max(p.box.y1 for p in text)
    assert first.box.y0 - top <= 0.3 * (bottom - top)


@needs_real
def test_the_archive_order_of_multi_column_pages_interleaves_columns() -> None:
    interleaved = {
        p.stem[:2]: reading_order(read(p.read_bytes()).pages[0]).file_interleaved for p in REAL
    }
    # single-column pages (02, 03) read fine in the file's order; 05's masthead band is
    # listed row by row across the quotation box beside it
    assert not any(interleaved[k] for k in ("02", "03") if k in interleaved)
    assert all(interleaved[k] for k in ("06", "08", "12", "16", "17") if k in interleaved)


@needs_real
def test_a_page_reading_order_that_runs_row_by_row_gives_way_to_geometry(tmp_path: Path) -> None:
    path = REAL[-1]  # three and four columns, often merged by the OCR
    page = formats.load(path)
    # a line merged across columns is written where its first piece is read
    geometric = list(
        dict.fromkeys(p.index for p in reading_order(read(path.read_bytes()).pages[0]).placed)
    )
    file = tmp_path / "page.xml"
    file.write_bytes(formats.page_xml(page, order=list(range(len(page)))))
    as_written = reading_order(read(file.read_bytes()).pages[0])
    assert as_written.source == "geometry" and as_written.file_interleaved
    assert list(dict.fromkeys(p.index for p in as_written.placed)) == geometric
    file.write_bytes(formats.page_xml(page, order=geometric))
    read_page = read(file.read_bytes()).pages[0]
    kept = reading_order(read_page)
    assert kept.source == "file"
    assert [p.line.text for p in kept.placed] == [page.texts[i] for i in geometric]


@pytest.mark.skipif(not formats.TRIBUNE.is_file(), reason=f"no {formats.TRIBUNE}")
def test_the_alto_block_order_of_the_english_page_is_kept() -> None:
    page = read(formats.TRIBUNE.read_bytes()).pages[0]
    order = reading_order(page)
    assert order.source == "file" and not order.file_interleaved
    assert [p.index for p in order.placed] == list(range(len(page.lines)))


def read_with_merged_row(rows: int, row: int, text: str, reach: float) -> list[str]:
    """Two columns of `rows` lines whose lines in `row` are one box, as OCR merged them:
    `text`, from the first column's start to `reach` px into the second. The order read,
    each built line by its name (its first two characters), other lines whole."""
    lines, _ = columns_page(2, rows=rows)
    by_name = {ln.text[:2]: ln for ln in lines}
    left, right = by_name[f"0{row}"].box, by_name[f"1{row}"].box
    merged = line(text, left.x0, left.y0, right.x0 + reach, right.y1)
    kept = [ln for ln in lines if ln.text[:2] not in (f"0{row}", f"1{row}")]
    order = reading_order(page_of(row_by_row([*kept, merged])))
    return [p.line.text[:2] if p.line.text[0].isdigit() else p.line.text for p in order.placed]


def test_two_short_lines_merged_across_a_gutter_are_split() -> None:
    """A paragraph's short last line and the short line beside it in the next column,
    merged into one box with the whitespace between them: spread characters in body type
    with no space read between most of them are two lines, not a letterspaced headline."""
    # (OCR may read a space in the gap)
    texts = read_with_merged_row(8, 3, "甲乙丙丁戊己" + " 子丑寅卯辰", 5 * 30)
    first = ["00", "01", "02", "甲乙丙丁戊己", "04", "05", "06", "07"]
    second = ["10", "11", "12", "子丑寅卯辰", "14", "15", "16", "17"]
    assert texts[1:] == [*first, *second]


def test_a_rule_read_as_digits_across_the_columns_is_kept_whole() -> None:
    """A rule under a row of both columns that OCR read as a run of digits (real pages:
    1366666766666…, 99999999996966…): it runs across the columns as a merged line does,
    but it is no line of theirs, and no piece of it goes into either column's text (the
    text from boxes sets it apart as page furniture)."""
    lines, _ = columns_page(2, rows=8)
    y = 150 + 3 * PITCH + HEIGHT - 6
    rule = line("96666667666666666666366666666996666666666", 10, y, 2 * WIDTH + GUTTER - 10, y + 18)
    order = reading_order(page_of(row_by_row([*lines, rule])))
    index = next(p.index for p in order.placed if p.line.text.startswith("9"))
    assert [p.line.text for p in order.placed if p.index == index] == [rule.text]
    texts = [p.line.text[:2] for p in order.placed if p.index != index]
    assert texts[1:] == [f"{c}{r}" for c in range(2) for r in range(8)]


@needs_real
def test_a_rule_across_the_page_still_parts_the_rows_under_it() -> None:
    """A real page (12): under a rule that OCR read as digits, rows that OCR merged
    across three columns. The rule parts them from what is over it, so they are split at
    both gutters as labelled (as noise, it parted nothing, and they were not)."""
    path = next(p for p in REAL if p.name.startswith("12_"))
    texts = [r["text"] for r in json.loads(path.read_bytes())["ocr_results"]]
    merged = next(k for k, t in enumerate(texts) if t.startswith("区有十二个县"))
    order = reading_order(read(path.read_bytes()).pages[0])
    assert [p.line.text for p in order.placed if p.index == merged] == [
        "区有十二个县（镇），591个公社，人口750万，集体可，",
        "觉，战无不胜的毛泽东思想从来没有象今天这样大普",
    ]


def test_the_last_row_merged_with_the_next_column_s_short_last_line_is_split() -> None:
    """The columns' last row: a full line of the first column merged with the short last
    line of the second (您前进！). With no row under it, it is still split at the gutter,
    each piece read at the foot of its column. (The built columns' lines hold 17
    characters: their names are two digits, half a character each.)"""
    texts = read_with_merged_row(6, 5, "要在斗争中学习，在学习中斗争，提高" + "您前进！", 4 * 30)
    first = ["00", "01", "02", "03", "04", "要在斗争中学习，在学习中斗争，提高"]
    assert texts[1:] == [*first, "10", "11", "12", "13", "14", "您前进！"]


def test_a_line_merged_with_two_characters_of_the_next_column_is_split() -> None:
    """A column's line merged with a paragraph's tail of two characters in the next
    column (革命或迟早 + 底！, the mark squeezed): the box reaches further past the gutter
    than a mark hanging into it, and is split there. (The built columns' lines hold 17
    characters: their names are two digits, half a character each.)"""
    texts = read_with_merged_row(8, 3, "企图阻止历史车轮的前进，革命或迟早" + "底！", 36)
    first = ["00", "01", "02", "企图阻止历史车轮的前进，革命或迟早", "04", "05", "06", "07"]
    assert texts[1:] == [*first, "10", "11", "12", "底！", "14", "15", "16", "17"]


def test_a_seam_at_the_space_the_ocr_program_left_is_taken_at_a_line_s_end() -> None:
    """A merged line whose right part is one character after a space the OCR program
    left (刚刚 摄): the space is the seam, though the measure puts nearly all of the
    line in the left column; with no space there, the line stays whole."""
    from reader.core.layout import _seam

    assert _seam("在市政务服务中心，刚刚 摄", 12.39) == 12
    assert _seam("在市政务服务中心，刚刚摄", 12.39) is None


def test_a_letterspaced_headline_in_body_type_is_not_split() -> None:
    """A notice's title spread across the columns in body type: OCR reads it with spaces
    between its characters, and it stays one line, read before the columns."""
    lines, _ = columns_page(2, rows=6)
    body_lines = [ln for ln in lines if ln.text != "大字标题"]
    spread = line("减 资 公 告", 100, 60, 2 * WIDTH + GUTTER - 100, 60 + HEIGHT)
    order = reading_order(page_of(row_by_row([spread, *body_lines])))
    assert order.placed[0].line.text == "减 资 公 告"
    assert sum(1 for p in order.placed if p.index == order.placed[0].index) == 1


def test_a_headline_spread_a_little_wider_than_the_body_across_two_columns_stays_whole() -> None:
    """A story's headline over its two columns, barely larger than body type (its
    characters 1.25 times as wide), with whitespace over it: it is not two columns' lines
    merged, and is read whole before the columns."""
    lines, _ = columns_page(2, rows=6, top=500)
    story = [ln for ln in lines if ln.text != "大字标题"]
    text = "工作组在中文系怎样打击一大片保护一小撮"
    width = len(text) * 30 * 1.25
    title = line(text, 100, 500 - PITCH - 20, 100 + width, 500 - 20 - PITCH + HEIGHT + 4)
    order = reading_order(page_of(row_by_row([title, *story])))
    assert [p.line.text for p in order.placed if p.index == order.placed[0].index] == [text]
    assert [p.line.text[:2] for p in order.placed[1:]] == [
        f"{c}{r}" for c in range(2) for r in range(6)
    ]


def test_a_merged_line_spread_as_wide_under_its_columns_lines_is_still_split() -> None:
    """The same spread in a column's run of lines is a paragraph's short last line merged
    with the next column's line: it is split."""
    lines, _ = columns_page(2, rows=8)
    by_name = {ln.text[:2]: ln for ln in lines}
    left, right = by_name["03"].box, by_name["13"].box
    text = "甲乙丙丁戊己庚辛壬癸" + "子丑寅卯辰巳午未申酉亥"
    merged = line(text, left.x0, left.y0, right.x0 + 11 * 30, right.y1)
    kept = [ln for ln in lines if ln.text[:2] not in ("03", "13")]
    order = reading_order(page_of(row_by_row([*kept, merged])))
    pieces = [p.line.text for p in order.placed if p.index == order.placed[4].index]
    assert len(pieces) == 2 and "".join(pieces) == text


@pytest.mark.parametrize("row", [0, 3])
def test_a_short_last_line_merged_with_the_next_columns_line_is_split_in_any_row(row: int) -> None:
    """A paragraph's short last line merged with the next column's full line spreads its
    characters wide; in the columns' first row (nothing over it, the column's next line
    under it) as in any other, it is two lines, not a headline."""
    lines, _ = columns_page(2, rows=8)
    lines = [ln for ln in lines if ln.text != "大字标题"]
    by_name = {ln.text[:2]: ln for ln in lines}
    left, right = by_name[f"0{row}"].box, by_name[f"1{row}"].box
    text = f"0{row}甲乙丙。" + f"1{row}" + "子丑寅卯辰巳午未申酉亥子丑寅卯"
    merged = line(text, left.x0, left.y0, right.x1, right.y1)
    kept = [ln for ln in lines if ln.text[:2] not in (f"0{row}", f"1{row}")]
    order = reading_order(page_of(row_by_row([*kept, merged])))
    texts = [p.line.text[:2] for p in order.placed]
    assert texts == [*(f"0{r}" for r in range(8)), *(f"1{r}" for r in range(8))]


def test_a_merged_box_reaching_back_over_a_short_last_line_starts_in_the_next_column() -> None:
    """Page 16: the first column's paragraph ends in a short line, and OCR drew the box
    merging the next two columns' lines from halfway across the first column, over the
    whitespace after that short line. Nothing of it lies in the first column: it is
    split once, at the gutter between the two columns it holds, not also where its box
    starts."""
    rows = 12
    lines = [body(f"{c}{r:x}", c, r, 0) for c in range(3) for r in range(rows)]
    by_name = {ln.text[:2]: ln for ln in lines}
    short = body("06", 0, 6, 0, width=2 * 30)  # the first column's paragraph ends
    middle, right = by_name["16"], by_name["26"]
    merged = OcrLine(
        middle.text + right.text,
        Box(WIDTH / 2, middle.box.y0, right.box.x1, right.box.y1),
        None, None, 0, None, False,
    )  # fmt: skip
    kept = [ln for ln in lines if ln.text[:2] not in {"06", "16", "26"}]
    order = reading_order(page_of(row_by_row([*kept, short, merged])))
    assert [p.line.text for p in order.placed] == [
        *(by_name[f"0{r:x}"].text if r != 6 else short.text for r in range(rows)),
        *(by_name[f"{c}{r:x}"].text for c in (1, 2) for r in range(rows)),
    ]


def test_a_line_merged_with_the_short_last_line_of_the_next_column_is_split() -> None:
    """The right column's paragraph ends in a short line; OCR merged it with the left
    column's line beside it. The merged box runs a third of the way into the right
    column, not across it, yet it holds two lines, and each is read in its column."""
    rows = 16
    lines = [body(f"{c}{r:x}", c, r, 0) for c in range(2) for r in range(rows)]
    by_name = {ln.text[:2]: ln for ln in lines}
    left = by_name["08"]
    tail = body("18", 1, 8, 0, width=6 * 30)  # the right column's short last line
    merged = OcrLine(
        left.text + tail.text,
        Box(left.box.x0, left.box.y0, tail.box.x1, tail.box.y1),
        None, None, 0, None, False,
    )  # fmt: skip
    kept = [ln for ln in lines if ln.text[:2] not in {"08", "18"}]
    order = reading_order(page_of(row_by_row([*kept, merged])))
    assert [p.line.text for p in order.placed] == [
        *(by_name[f"0{r:x}"].text for r in range(rows)),
        *(by_name[f"1{r:x}"].text if r != 8 else tail.text for r in range(rows)),
    ]


def test_a_level_box_around_a_line_printed_at_the_page_slope_is_no_headline() -> None:
    """The page is scanned 1.2° askew and OCR drew each line's box at that slope, but one
    merged line's box level: around the sloping line it is taller than its type by its
    width times the slope, as tall as a headline's. It is read as the merged line it is,
    and split into its columns."""
    slope = math.tan(math.radians(1.2))

    def tilted(text: str, x0: float, y0: float, x1: float, y1: float) -> OcrLine:
        quad = ((x0, y0), (x1, y0 + (x1 - x0) * slope), (x1, y1 + (x1 - x0) * slope), (x0, y1))
        box = Box(x0, y0, x1, y1 + (x1 - x0) * slope)
        return OcrLine(text, box, quad, None, 0, None, False)

    rows = 16
    lines = []
    for c in range(2):
        for r in range(rows):
            x = c * (WIDTH + GUTTER)
            y = r * PITCH + x * slope
            lines.append(tilted((f"{c}{r:x}" + FILL)[:18], x, y, x + WIDTH, y + HEIGHT))
    by_name = {ln.text[:2]: ln for ln in lines}
    left, right = by_name["08"], by_name["18"]
    level = Box(left.box.x0, left.box.y0, right.box.x1, right.box.y1)  # drawn level
    corners = (
        (level.x0, level.y0),
        (level.x1, level.y0),
        (level.x1, level.y1),
        (level.x0, level.y1),
    )
    merged = OcrLine(left.text + right.text, level, corners, None, 0, None, False)
    kept = [ln for ln in lines if ln.text[:2] not in {"08", "18"}]
    order = reading_order(page_of(row_by_row([*kept, merged])))
    assert [p.line.text for p in order.placed] == [ln.text for ln in lines]


def test_columns_over_a_wide_column_are_cut_apart_from_it_first() -> None:
    """Two columns, some of their rows merged into one box, then whitespace, then a
    column as wide as both (the foot of an article set across the page). The wide
    column's lines cross the gutter as merged lines do, and outnumber the lines beside
    it: without cutting at the whitespace first, the two columns are read row by row."""
    rows, merged_rows = 10, (4, 5, 6)
    lines = [body(f"{c}{r}", c, r, 0) for c in range(2) for r in range(rows)]
    by_name = {ln.text[:2]: ln for ln in lines}
    kept = [ln for ln in lines if not (ln.text[1:2].isdigit() and int(ln.text[1]) in merged_rows)]
    for row in merged_rows:
        left, right = by_name[f"0{row}"], by_name[f"1{row}"]
        box = Box(left.box.x0, left.box.y0, right.box.x1, right.box.y1)
        kept.append(OcrLine(left.text + right.text, box, None, None, 0, None, False))
    top = (rows + 1) * PITCH  # a line's height of whitespace, then the wide column
    wide = [body(f"w{r}", 0, r, top, width=2 * WIDTH + GUTTER) for r in range(8)]
    order = reading_order(page_of(row_by_row(kept + wide)))
    assert [p.line.text for p in order.placed] == [
        *(by_name[f"0{r}"].text for r in range(rows)),
        *(by_name[f"1{r}"].text for r in range(rows)),
        *(ln.text for ln in wide),
    ]


def test_a_gutter_that_a_few_lines_jut_across_is_still_a_gutter() -> None:
    """Two columns of ten lines whose gutter is narrower than the boxes' padding: two
    lines of the left column (a hanging comma, a box drawn long) run across it into the
    right column. The gutter is still the low point of the lines covering each x, and
    the columns are read one after the other."""
    rows = 10
    lines = [body(f"{c}{r}", c, r, 0) for c in range(2) for r in range(rows)]
    jutting = {"03", "06"}
    lines = [
        line(ln.text, ln.box.x0, ln.box.y0, WIDTH + GUTTER + 40, ln.box.y1)
        if ln.text[:2] in jutting
        else ln
        for ln in lines
    ]
    order = reading_order(page_of(row_by_row(lines)))
    assert [p.line.text for p in order.placed] == [ln.text for ln in lines]


def test_marks_beside_a_column_are_read_out_of_its_flow() -> None:
    """A speck in the gutter level with a line, and a title's large character set in the
    margin beside the column's middle lines: read where they sit, each would come between
    two lines of a paragraph. The large character goes before the column's lines, the
    speck and a colon touching the line after them, marked as set apart; a paragraph's
    last line of two characters stays in the flow."""
    rows = 8
    lines = [body(f"{c}{r}", c, r, 0) for c in range(2) for r in range(rows)]
    speck = line("G", WIDTH + 5, 3 * PITCH + 10, WIDTH + 15, 3 * PITCH + 20)
    mark = line("：", WIDTH - 2, 5 * PITCH + 10, WIDTH + 10, 5 * PITCH + 22)  # touching
    last = line("底。", 0, rows * PITCH, 60, rows * PITCH + HEIGHT)  # a last line stays
    beyond = line("批升生消是", 200, rows * PITCH, 350, rows * PITCH + HEIGHT)
    title = line("谈", -130, 4 * PITCH, -30, 4 * PITCH + 3 * HEIGHT)
    order = reading_order(page_of(row_by_row([*lines, speck, mark, last, beyond, title])))
    texts = [p.line.text for p in order.placed]
    assert texts == [
        "谈",
        *(ln.text for ln in lines[:rows]),
        "底。",
        "批升生消是",
        "G",
        "：",
        *(ln.text for ln in lines[rows:]),
    ]
    assert [p.line.text for p in order.placed if p.apart] == ["G", "："]


def _merged_row_by_row(lines: list[OcrLine], single: tuple[int, ...]) -> list[OcrLine]:
    """Two columns' lines (named column, row) with every row but those in `single`
    merged into one box across the gutter, as PaddleOCR merges them."""
    by_name = {ln.text[:2]: ln for ln in lines}
    kept = [ln for ln in lines if int(ln.text[1], 16) in single]
    for row in range(len(lines) // 2):
        if row in single:
            continue
        left, right = by_name[f"0{row:x}"], by_name[f"1{row:x}"]
        box = Box(left.box.x0, left.box.y0, right.box.x1, right.box.y1)
        kept.append(OcrLine(left.text + right.text, box, None, None, 0, None, False))
    return kept


def test_columns_merged_row_by_row_for_most_of_their_length_are_split() -> None:
    """Two columns whose rows OCR merged into one box for all but three of them: the
    merged width is the usual one, and a line of one column is the exception. Measured
    against the columns' own lines, which end and start flush at the gutter, the merged
    boxes are still split, and each column is read in turn."""
    lines = [body(f"{c}{r:x}", c, r, 0) for c in range(2) for r in range(12)]
    order = reading_order(page_of(row_by_row(_merged_row_by_row(lines, (0, 4, 8)))))
    assert [p.line.text for p in order.placed] == [ln.text for ln in lines]


def test_among_rows_merged_across_a_gutter_one_merged_with_a_short_last_line_is_split() -> None:
    """Two columns merged row by row for most of their length, and on one row a left
    line merged with the right column's short last line of a paragraph: that box is
    only about 1.4 times a column's width, not the two widths of the others, yet it
    holds two lines and crosses the gutter. It is split with the others instead of
    keeping the gutter from being cut (all the merged rows were read whole)."""
    lines = [body(f"{c}{r:x}", c, r, 0) for c in range(2) for r in range(12)]
    lines = [body("16", 1, 6, 0, width=6 * 30) if ln.text[:2] == "16" else ln for ln in lines]
    order = reading_order(page_of(row_by_row(_merged_row_by_row(lines, (0, 4, 8)))))
    assert [p.line.text for p in order.placed] == [ln.text for ln in lines]


def test_a_column_beside_a_headline_is_cut_from_rows_merged_across_all_columns() -> None:
    """A headline over the first two columns, the third beside it; under the headline
    OCR merged each row of all three columns into one box, so no line of the first two
    is left alone. The third column's lines, flush at its edge, still show the gutter,
    and the merged boxes reach well into that column: the third column's part of each
    is read in it, after the headline and the rest."""
    head = line("大字标题", 100, 0, 2 * WIDTH + GUTTER - 100, 3 * HEIGHT)
    third = [body(f"2{r:x}", 2, r, 0) for r in range(12)]
    merged_rows = range(4, 10)
    kept = [ln for ln in third if int(ln.text[1], 16) not in merged_rows]
    parts = {}
    for row in merged_rows:
        texts = [body(f"{c}{row:x}", c, row, 0).text for c in range(3)]
        parts[row] = ("".join(texts[:2]), texts[2])
        y = row * PITCH
        box = Box(0, y, 3 * WIDTH + 2 * GUTTER, y + HEIGHT)
        kept.append(OcrLine("".join(texts), box, None, None, 0, None, False))
    order = reading_order(page_of(row_by_row([head, *kept])))
    assert [p.line.text for p in order.placed] == [
        "大字标题",
        *(parts[r][0] for r in merged_rows),
        *(parts[r][1] if r in merged_rows else third[r].text for r in range(12)),
    ]


def test_a_merged_line_is_measured_against_its_own_storys_lines() -> None:
    """Two stories down the same columns, a third column running the page's length beside
    them. Further down, the second story's first column is set narrower (in from the
    left, short of the gutter) and holds more lines than the first story's. OCR merged
    rows of the first story across the gutter: each is parted on the grid of the lines
    around it, not on the narrower story's, which would put the seam a character early."""

    def at(column: int, row: int, x0: float | None = None, x1: float | None = None) -> OcrLine:
        left = column * (WIDTH + GUTTER) if x0 is None else x0
        right = left + WIDTH if x1 is None else x1
        # characters of a line of their own: no pair of them recurs, nor is a word
        first = 0x9000 + 40 * (3 * row + column)
        text = "".join(map(chr, range(first, first + round((right - left) / 30))))
        return line(text, left, row * PITCH, right, row * PITCH + HEIGHT)

    lines = [at(2, r) for r in range(38)]
    merged_rows = (1, 3, 5, 7)
    parts = []
    for row in range(12):
        left, right = at(0, row), at(1, row)
        if row in merged_rows:
            box = Box(left.box.x0, left.box.y0, right.box.x1, right.box.y1)
            lines.append(OcrLine(left.text + right.text, box, None, None, 0, None, False))
            parts.append((left.text, right.text))
        else:
            lines += [left, right]
    lines += [at(0, r, 240, 510) for r in range(14, 38)] + [at(1, r) for r in range(14, 38)]
    texts = [p.line.text for p in reading_order(page_of(row_by_row(lines))).placed]
    assert [(left in texts, right in texts) for left, right in parts] == [(True, True)] * 4


def test_a_merged_line_is_parted_at_its_one_space_where_its_own_rows_part_there() -> None:
    """Page 01: two columns run down the page, and under them, with no whitespace
    between, a few rows set at other widths. OCR merged one of those rows across their
    own gutter and left a space there. The gutter measured on the columns above is not
    where the rows beside the merged one part: the space is, and the line is parted at
    it, not in proportion to the columns above."""

    def own(row: int, x0: float, cells: int) -> OcrLine:
        first = 0x9000 + 40 * row + (20 if x0 else 0)  # no pair recurs, nor is a word
        text = "".join(map(chr, range(first, first + cells)))
        return line(text, x0, row * PITCH, x0 + 30 * cells, row * PITCH + HEIGHT)

    lines = [own(r, x, 18) for r in range(20) for x in (0, WIDTH + GUTTER)]
    left, right = own(21, 0, 24), own(21, 740, 12)
    lines += [own(20, 0, 24), own(20, 740, 12), own(22, 0, 24), own(22, 740, 12)]
    lines.append(line(f"{left.text} {right.text}", 0, left.box.y0, right.box.x1, left.box.y1))
    texts = [p.line.text for p in reading_order(page_of(row_by_row(lines))).placed]
    assert left.text in texts
    assert right.text in texts


@pytest.mark.parametrize(
    ("word", "elsewhere", "runs_on"),
    [("冰寺", True, True), ("干扰", False, True), ("冰寺", False, False)],
)
def test_a_merged_lines_seam_moves_a_character_where_the_words_say(
    word: str, elsewhere: bool, runs_on: bool
) -> None:
    """A merged line whose box starts late puts the seam a character early by geometry
    alone. Where the left column's next line starts with the word's second character,
    and the page prints the word elsewhere or it is a common word of the language (干扰),
    the first character ending the left part stays with it; without such words the seam
    stays where the geometry put it."""
    other = word if elsewhere else "奴隶"
    left = [
        f"反对{other}主义就是不做资产阶级的人们",
        f"是坚决拥护{other}主义的人是在做什么事",
        "中央文革的指示是活学活用毛主席著作",
        f"什么叫{other}主义这是鲜明的阶级立场的" + word[0],
        word[1] + "这个口号是有鲜明的阶级性的对于反毛",
        "泽东思想的错误领导就是要坚决抵制的",
    ]
    right = [f"右{n}" + FILL[n : n + 16] for n in range(len(left))]
    lines = []
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        y = 150 + row * PITCH
        x1 = WIDTH + GUTTER + 30 * len(b)
        if row == 3:  # merged, its box starting half a character into the column
            lines.append(line(a + b, 15, y, x1, y + HEIGHT))
        else:
            lines.append(line(a, 0, y, 30 * len(a), y + HEIGHT))
            lines.append(line(b, WIDTH + GUTTER, y, x1, y + HEIGHT))
    order = reading_order(page_of(row_by_row(lines)))
    texts = [p.line.text for p in order.placed]
    if runs_on:
        assert texts[: len(left)] == left
        assert texts[len(left) + 3] == right[3]
    else:
        assert texts[3] == left[3][:-1]
        assert texts[len(left) + 3] == left[3][-1] + right[3]


def test_a_merged_lines_seam_moves_a_character_with_its_closing_punctuation() -> None:
    """Page 16: OCR lost a character of the left part of a merged line, so its column's
    grid puts the seam a character late, after the right part's first character and the
    comma after it (向工人阶级学 | 习，向人民解放军学习). The words move the seam back over
    both: the comma goes with the character before it."""
    left = [
        "的一是在不了有和人这中大为上个国我",
        "以要他时来用们生到作地于出就分对成",
        "会可主发年动同工也能下过子说产种面",
        "全面落实毛主席最新指示的关键在于进",
        "一步动员群众依靠群众尊重群众的革命",
        "而方后多定行法所民得经十三之进着等",
    ]
    right = [
        "右一" + FILL[10:24],
        "右二" + FILL[12:26],
        "要自觉地接受工人阶级领导向工人阶级学",
        "习，向人民解放军学习加强无产阶级的整",
        "右五" + FILL[14:28],
        "右六" + FILL[16:30],
    ]
    lines = []
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        y = 150 + row * PITCH
        x1 = WIDTH + GUTTER + 30 * len(b)
        if row == 3:  # merged, the left part a character short of the column's full line
            lines.append(line(a + b, 0, y, x1, y + HEIGHT))
        else:
            lines.append(line(a + "理", 0, y, 30 * (len(a) + 1), y + HEIGHT))
            lines.append(line(b, WIDTH + GUTTER, y, x1, y + HEIGHT))
    texts = [p.line.text for p in reading_order(page_of(row_by_row(lines))).placed]
    assert left[3] in texts
    assert right[3] in texts


def test_rows_merged_across_a_gutter_right_under_a_headline_go_with_the_columns() -> None:
    """A headline over two columns, and OCR merged the first rows under it across the
    gutter, so those rows have no columns of their own: they are read with the columns
    that run on under them and split there, not left whole with the headline."""
    head = line("大字标题", WIDTH / 2, 0, WIDTH + GUTTER + WIDTH / 2, 3 * HEIGHT)
    lines = [body(f"{c}{r:x}", c, r, 150) for c in range(2) for r in range(12)]
    order = reading_order(
        page_of(row_by_row([head, *_merged_row_by_row(lines, tuple(range(4, 12)))]))
    )
    assert [p.line.text for p in order.placed] == ["大字标题", *(ln.text for ln in lines)]


def test_a_row_where_a_line_runs_on_into_the_next_columns_short_line_keeps_the_columns() -> None:
    """Three columns under a headline; halfway down, OCR merged a line of the middle
    column with the short last line of a paragraph beside it in the right column. That
    row's lines do not line up with the columns, yet the columns run on under it: they
    are read whole, top to bottom, the merged line split between them, not read as two
    stories stacked at that row."""
    lines, _ = columns_page(3, rows=12)
    middle, right = lines[1 + 12 + 6], lines[1 + 24 + 6]
    scrap = line("破坏。", right.box.x0, right.box.y0, right.box.x0 + 90, right.box.y1)
    merged = OcrLine(
        middle.text + scrap.text,
        Box(middle.box.x0, middle.box.y0, scrap.box.x1, middle.box.y1),
        None, None, 0, None, False,
    )  # fmt: skip
    page = [ln for ln in lines if ln not in (middle, right)] + [merged]
    order = reading_order(page_of(row_by_row(page)))
    expected = [
        "大字标题",
        *(ln.text for ln in lines[1:25] if ln is not middle),
        *(ln.text for ln in lines[25:] if ln is not right),
    ]
    expected.insert(1 + 12 + 6, middle.text)
    expected.insert(1 + 24 + 6, scrap.text)
    assert [p.line.text for p in order.placed] == expected


def test_a_byline_centred_under_a_headline_goes_with_it_not_with_a_column() -> None:
    """Page 17: a byline centred under a headline over three columns, and OCR merged the
    first row under it across all the columns, so the columns do not fit under the
    headline. The byline is read with the headline, not as the first line of the middle
    column it happens to sit over."""
    span = 3 * WIDTH + 2 * GUTTER
    head = line("大字标题", 100, 0, span - 100, 3 * HEIGHT)
    byline = line(
        "本报记者调查组", span / 2 - 200, 3 * HEIGHT + 20, span / 2 + 200, 4 * HEIGHT + 20
    )
    top = 4 * HEIGHT + 20 + PITCH
    lines = [body(f"{c}{r}", c, r, top) for c in range(3) for r in range(6)]
    first = [ln for ln in lines if ln.text[1] == "0"]
    merged = OcrLine(
        "".join(ln.text for ln in first),
        Box(first[0].box.x0, first[0].box.y0, first[-1].box.x1, first[-1].box.y1),
        None, None, 0, None, False,
    )  # fmt: skip
    rest = [ln for ln in lines if ln.text[1] != "0"]
    order = reading_order(page_of(row_by_row([head, byline, merged, *rest])))
    texts = [p.line.text[:2] for p in order.placed]
    assert texts[:2] == ["大字", "本报"]
    assert texts[2:] == [ln.text[:2] for ln in lines]


@pytest.mark.parametrize("columns", [2, 3])
def test_stories_stacked_in_the_same_columns_without_a_headline_are_read_one_by_one(
    columns: int,
) -> None:
    """Two signed pieces one under the other in the same columns, no headline between
    them, whitespace across all the columns (two and a half lines high) where the first
    ends and the second starts: the first is read column by column, then the second,
    not each column down through both. The first story's last column may end short."""
    first = [
        body(f"a{c}{r}", c, r, 0)
        for c in range(columns)
        for r in range(6 if c < columns - 1 else 3)
    ]
    top = 6 * PITCH + 2.5 * HEIGHT
    second = [body(f"b{c}{r}", c, r, top) for c in range(columns) for r in range(5)]
    order = reading_order(page_of(row_by_row([*first, *second])))
    assert [p.line.text[:3] for p in order.placed] == [ln.text[:3] for ln in [*first, *second]]
    # A gap in one column only (a paragraph's short last line, a subhead's whitespace)
    # parts nothing: one story, read column by column.
    lone = [
        body(f"c{c}{r}", c, r + (3 if c == 0 and r >= 3 else 0), 0)
        for c in range(columns)
        for r in range(8)
    ]
    order = reading_order(page_of(row_by_row(lone)))
    assert [p.line.text[:3] for p in order.placed] == [ln.text[:3] for ln in lone]


@pytest.mark.parametrize("columns", [2, 3])
def test_a_byline_set_flush_right_under_a_headline_goes_with_it(columns: int) -> None:
    """A byline set to the right under a headline, in a row of its own over the
    columns, sits over the last column only; it is read with the headline, not as that
    column's first line, which would cut the paragraph running on from the column
    before. The last column's real first line, in the row of the others, stays put."""
    span = columns * WIDTH + (columns - 1) * GUTTER
    head = line("大字标题", 100, 0, span - 100, 3 * HEIGHT)
    byline = line("本报记者调查组", span - 420, 3 * HEIGHT + 20, span, 4 * HEIGHT + 20)
    top = 4 * HEIGHT + 20 + 1.5 * PITCH
    lines = [body(f"{c}{r}", c, r, top) for c in range(columns) for r in range(6)]
    order = reading_order(page_of(row_by_row([head, byline, *lines])))
    texts = [p.line.text[:2] for p in order.placed]
    assert texts == ["大字", "本报", *(ln.text[:2] for ln in lines)]
    # Without the byline, the columns read as they are (no line taken out of place).
    plain = reading_order(page_of(row_by_row([head, *lines])))
    assert [p.line.text[:2] for p in plain.placed] == ["大字", *(ln.text[:2] for ln in lines)]


def test_a_vertical_headline_that_ocr_broke_into_pieces_is_read_as_one_line() -> None:
    """Beside two columns, a headline set vertically in large type comes out of OCR as
    横 / 扫无政府 / 主 / 义: a vertical run and single characters stacked under and over
    it, some overlapping. It is read as one vertical line, 横扫无政府主义, whose pieces
    are recorded top to bottom; the body lines are untouched."""
    lines, _ = columns_page(2, rows=12, top=150)
    story = [ln for ln in lines if ln.text != "大字标题"]
    x = 2 * (WIDTH + GUTTER)
    pieces = [
        line("横", x, 150, x + 80, 210),
        line("扫无政府", x - 5, 230, x + 85, 590, vertical=True),
        line("主", x, 570, x + 80, 700),
        line("义", x + 5, 690, x + 75, 780),
    ]
    order = reading_order(page_of(row_by_row([*story, *pieces])))
    vertical = [p for p in order.placed if p.line.vertical]
    assert [p.line.text for p in vertical] == ["横扫无政府主义"]
    by_text = {ln.text: n for n, ln in enumerate(row_by_row([*story, *pieces]))}
    assert vertical[0].pieces == tuple(by_text[t] for t in ("横", "扫无政府", "主", "义"))
    assert vertical[0].line.box == Box(x - 5, 150, x + 85, 780)
    assert sorted(p.line.text for p in order.placed if not p.line.vertical) == sorted(
        ln.text for ln in story
    )


def test_a_character_well_under_a_vertical_line_is_not_joined_to_it() -> None:
    """A large character a line's height under a vertical headline (a label, the next
    item's mark) is not a piece of it."""
    lines, _ = columns_page(2, rows=12, top=150)
    story = [ln for ln in lines if ln.text != "大字标题"]
    x = 2 * (WIDTH + GUTTER)
    head = line("扫无政府", x, 230, x + 80, 590, vertical=True)
    mark = line("★", x, 590 + 80, x + 80, 590 + 160)
    order = reading_order(page_of(row_by_row([*story, head, mark])))
    assert [p.line.text for p in order.placed if p.line.vertical] == ["扫无政府"]
    assert any(p.line.text == "★" for p in order.placed)


def test_a_paragraphs_last_characters_at_the_head_of_the_next_column_go_with_it() -> None:
    """A paragraph runs from the foot of the first column into the second, where its
    last two characters (看。) stand alone over the column's first line, just past the
    end of a line of the first column across a narrow gutter. They are read at the head
    of the second column, not run into the first column's line beside them."""
    left = [
        line((f"a{row:x}" + FILL)[:18], 0, 60 + row * PITCH, WIDTH, 60 + row * PITCH + HEIGHT)
        for row in range(10)
    ]
    right = [
        line(
            (f"b{row:x}" + FILL)[:18],
            550,
            150 + row * PITCH,
            550 + WIDTH,
            150 + row * PITCH + HEIGHT,
        )
        for row in range(8)
    ]
    tail = line("看。", 552, 86, 612, 110)
    order = reading_order(page_of(row_by_row([*left, *right, tail])))
    texts = [p.line.text[:2] for p in order.placed]
    assert texts == [
        *(f"a{row:x}" for row in range(10)),
        "看。",
        *(f"b{row:x}" for row in range(8)),
    ]


def _inset_story(first: str) -> tuple[list[OcrLine], OcrLine]:
    """A story in three columns whose headline is set into the top of the second and
    third, the first column's lines starting beside it; `first` opens the first column."""
    lines = [line(first, 0, 100, WIDTH if len(first) > 10 else 200, 100 + HEIGHT)]
    lines += [body(f"a{r:x}", 0, r, 100) for r in range(1, 14)]
    for c in (1, 2):
        lines += [body(f"{'bc'[c - 1]}{r:x}", c, r, 100 + 2 * PITCH + 150) for r in range(10)]
    x0, x1 = WIDTH + GUTTER + 60, 3 * WIDTH + 2 * GUTTER - 60
    top = 100 + 2 * PITCH  # two lines below the first column's first line
    head = line("中央首长论陶铸", x0, top, x1, top + 3 * HEIGHT)
    return lines, head


def test_a_headline_set_into_the_top_of_its_columns_is_read_before_them() -> None:
    """Page 08: the headline over the second and third columns is set a line or two
    below the top of the first, whose text runs beside it and on below: it is the
    story's headline, read before the first column, not after it."""
    lines, head = _inset_story("a0" + FILL[:16])
    order = reading_order(page_of(row_by_row([*lines, head])))
    texts = [p.line.text for p in order.placed]
    assert texts[0] == "中央首长论陶铸"
    assert [t[:2] for t in texts[1:]] == [
        *(f"a{r:x}" for r in range(14)),
        *(f"b{r:x}" for r in range(10)),
        *(f"c{r:x}" for r in range(10)),
    ]


def test_a_column_under_a_label_of_its_own_keeps_its_place_before_the_headline() -> None:
    """The first column opens with a short line of its own (林彪同志语录, a box's label):
    it is another story beside the headline, read first as it stands."""
    lines, head = _inset_story("林彪同志语录")
    order = reading_order(page_of(row_by_row([*lines, head])))
    texts = [p.line.text for p in order.placed]
    assert texts[0] == "林彪同志语录"
    column_a = [k for k, t in enumerate(texts) if t.startswith("a")]
    assert len(column_a) == 13 and texts.index("中央首长论陶铸") > max(column_a)


def test_a_headline_set_into_its_columns_leaves_the_next_storys_headline_with_it() -> None:
    """Two stories side by side: the first's headline set into its second and third
    columns, the first column beside it; the second's headline over its own two columns,
    level with the page's top. Each headline is read right before its own columns."""
    lines, head = _inset_story("a0" + FILL[:16])
    for c in (3, 4):
        lines += [body(f"{'de'[c - 3]}{r:x}", c, r, 100 + 3 * HEIGHT + 40) for r in range(10)]
    other = line("第二篇文章标题", 3 * (WIDTH + GUTTER) + 60, 100, 5 * WIDTH + 4 * GUTTER - 60,
                 100 + 3 * HEIGHT)  # fmt: skip
    order = reading_order(page_of(row_by_row([*lines, head, other])))
    texts = [p.line.text for p in order.placed]
    assert texts[0] == "中央首长论陶铸"
    assert (
        texts.index("第二篇文章标题")
        == texts.index(next(t for t in texts if t.startswith("d0"))) - 1
    )
    assert max(k for k, t in enumerate(texts) if t[:1] in "abc") < texts.index("第二篇文章标题")


def test_a_headline_level_with_the_top_of_the_column_beside_it_keeps_its_place() -> None:
    """A headline over the second and third columns as high as the first column's first
    line is not set into anything: the first column may be another story's, and is read
    first, as it stands."""
    lines, head = _inset_story("a0" + FILL[:16])
    level = line(head.text, head.box.x0, 100, head.box.x1, 100 + 3 * HEIGHT)
    order = reading_order(page_of(row_by_row([*lines, level])))
    texts = [p.line.text for p in order.placed]
    assert texts[0].startswith("a0") and texts.index(head.text) == 14


def test_the_end_of_a_columns_last_line_stays_with_it_over_the_next_storys_headline() -> None:
    """The last two characters of the first column's last line, read as a box of their
    own just past the column's edge, with the next story's headline right under them:
    they are read with the column, not with the headline: joined to the line they were
    cut from."""
    lines, _ = columns_page(2, rows=6)
    last = 150 + 5 * PITCH
    tail = line("了。", WIDTH + 4, last, WIDTH + 34, last + HEIGHT)
    top = last + HEIGHT + 40
    head = line("第二篇文章的大标题", 100, top, 2 * WIDTH + GUTTER - 100, top + 3 * HEIGHT)
    story = [body(f"{'xy'[c]}{r}", c, r, top + 3 * HEIGHT + 40) for c in range(2) for r in range(5)]
    order = reading_order(page_of(row_by_row([*lines, tail, head, *story])))
    texts = [p.line.text for p in order.placed]
    assert texts[6] == lines[6].text + "了。"
    assert texts.index(head.text) > 6


def _commentary(flank: float) -> tuple[list[OcrLine], list[str]]:
    """Under a story of three columns, a commentary across four: its headline set in the
    middle of its top, between its first and last columns, which run up beside it
    `flank` px wide, and widen under it."""
    top = 620
    lines = [line("评论标题", 420, top + 40, 1860, top + 40 + 3 * HEIGHT)]
    expected = ["评论"]
    left = [f"L{n}" for n in range(4)]
    right = [f"R{n}" for n in range(4)]
    for n in range(4):
        y = top + n * PITCH
        x1 = 3 * (WIDTH + GUTTER) + WIDTH
        lines.append(line((left[n] + FILL)[: int(flank // 30)], 0, y, flank, y + HEIGHT))
        lines.append(line((right[n] + FILL)[: int(flank // 30)], x1 - flank, y, x1, y + HEIGHT))
    below = top + 4 * PITCH
    for column, name in enumerate("abcd"):
        lines += [body(f"{name}{row}", column, row, below) for row in range(6)]
    for column, name in enumerate("abcd"):
        expected += [*(left if column == 0 else []), *(right if column == 3 else [])]
        expected += [f"{name}{row}" for row in range(6)]
    return lines, expected


def test_a_headline_between_its_storys_first_and_last_columns_comes_first() -> None:
    """Page 17: a commentary's headline set in the middle of its top, its first and last
    columns running up beside it, narrower there: the headline, then the first column
    from its top (beside the headline) down, the middle columns, the last column from
    its top down; not each flank as a column of its own around the headline."""
    upper, upper_names = columns_page(3, rows=8)
    commentary, expected = _commentary(flank=390)
    order = reading_order(page_of(row_by_row(upper + commentary)))
    assert names(order) == upper_names + expected


@needs_real
def test_merged_lines_drawn_tall_on_a_skewed_scan_are_read_one_under_the_other() -> None:
    """Page 06: on a skewed scan the boxes of the first lines, merged across three
    columns, are drawn level and tall, their pieces overlapping the next line's by more
    than half their height, and the second starts further left. In their column they are
    rows read top to bottom (a character of such a line is as wide as the type is tall),
    not one row read left to right (义》的社论… before 三月以来…)."""

    page = read((formats.REAL_PAGES / "06_xinbeida_19670506_p2.json").read_bytes()).pages[0]
    order = [p.index for p in reading_order(page).placed]
    assert order.index(4) < order.index(5) < order.index(6)


def test_the_end_of_a_story_run_down_beside_the_next_headline_is_no_flank_of_it() -> None:
    """A story's first and last columns run two lines further down than its others,
    beside the next story's headline, and the next story is set wider under it: those
    lines end the columns they continue and do not open the next story's columns: the
    first column's are read before the next headline, and none inside the next story."""
    lines = [line("甲篇文章大标题", 200, 0, 1500, 3 * HEIGHT)]
    top, narrow, gutter, rows, extra = 150, 400, 40, 10, 2
    for c in range(4):
        for r in range(rows + (extra if c in (0, 3) else 0)):
            x, y = c * (narrow + gutter), top + r * PITCH
            lines.append(
                line((f"A{c}{r:02d}" + FILL)[: narrow // 30], x, y, x + narrow, y + HEIGHT)
            )
    headline = top + rows * PITCH + 0.2 * PITCH
    lines.append(line("乙篇文章标题", 480, headline, 1240, headline + 2.2 * HEIGHT))
    below = top + (rows + extra) * PITCH + 20
    wide = (4 * narrow + 3 * gutter - 2 * gutter) / 3
    for c in range(3):
        for r in range(6):
            x, y = c * (wide + gutter), below + r * PITCH
            lines.append(
                line((f"B{c}{r:02d}" + FILL)[: int(wide // 30)], x, y, x + wide, y + HEIGHT)
            )
    order = [p.line.text[:4] for p in reading_order(page_of(row_by_row(lines))).placed]
    assert order.index("A011") < order.index("乙篇文章")
    assert order.index("A311") < order.index("B000")  # not read inside the next story


@pytest.mark.parametrize(("jut", "indent"), [(0.6, 0), (-0.4, 0), (0.85, 1), (1.0, 1)])
def test_a_merged_line_whose_box_starts_within_a_character_of_its_column_keeps_its_line(
    jut: float, indent: int
) -> None:
    """Box edges jitter: a merged line whose box starts 0.6 of a character in from its
    column's edge (or 0.4 out) still holds a whole line of that column; one set in by a
    character and measured a little short (0.85) holds the line less that character. An
    indent is whole characters; rounded, 0.6 of one took a character off the line."""
    lines, _expected = columns_page(3, rows=10)
    by_name = {ln.text[:2]: ln for ln in lines}
    left, right = by_name["04"], by_name["14"]
    # Characters the page has nowhere else: no pair of them tells the seam where to go.
    first = "04甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"[: 18 - indent]
    texts = (first, "14午未申酉戌亥金木水火土日月星辰风")
    box = Box(left.box.x0 + jut * 30, left.box.y0, right.box.x1, right.box.y1)
    merged = OcrLine("".join(texts), box, None, None, 0, None, False)
    rest = [ln for ln in lines if ln.text[:2] not in ("04", "14")]
    order = reading_order(page_of(row_by_row([*rest, merged])))
    read = {p.line.text[:2]: p.line.text for p in order.placed}
    assert (read["04"], read["14"]) == texts


def _boxed_story(headed: bool = True, ends_in_text: bool = True) -> list[OcrLine]:
    """Page 06: a story in four columns, the first two running the page's height; a
    story of its own boxed into the top of the third and fourth (its headline over
    them, then six lines each), whitespace two lines high under it, then the first
    story's text running on in the third and fourth columns: a word runs on from the
    second column's last line into the first line under the box (阶 | 级)."""
    lines = [body(f"a{c}{r:x}", c, r, 0) for c in (0, 1) for r in range(16)]
    lines[-1] = _ending(lines[-1], "阶")
    top = 0
    if headed:
        lines.append(
            line("框内文章的标题", 2 * (WIDTH + GUTTER), 0, 4 * WIDTH + 3 * GUTTER, 3 * HEIGHT)
        )
        top = 3 * HEIGHT + 20
    rows = 6 if ends_in_text else 4
    lines += [body(f"s{c}{r:x}", c, r, top) for c in (2, 3) for r in range(rows)]
    if not ends_in_text:
        sub = top + rows * PITCH
        lines.append(
            line("小标题", 2 * (WIDTH + GUTTER), sub, 4 * WIDTH + 3 * GUTTER, sub + 3 * HEIGHT)
        )
    under = top + 6 * PITCH + 2 * PITCH
    rows = round((16 * PITCH - under) / PITCH)
    lines += [body(f"a{c}{r:x}", c, r, under) for c in (2, 3) for r in range(rows)]
    first = next(k for k, ln in enumerate(lines) if ln.text.startswith("a20"))
    lines[first] = _ending(lines[first], "级", start=True)
    return lines


def _ending(old: OcrLine, char: str, start: bool = False) -> OcrLine:
    """The line with its last character made `char`, or (`start`) `char` put before its
    name, in the same box."""
    text = char + old.text[:-1] if start else old.text[:-1] + char
    box = old.box
    return line(text, box.x0, box.y0, box.x1, box.y1)


def _named(order: PageOrder) -> list[str]:
    """The lines' names in reading order (a word's character put before a name aside)."""
    return [p.line.text.lstrip("级")[:3] for p in order.placed]


def test_a_story_boxed_into_the_top_of_columns_is_read_after_the_text_around_it() -> None:
    """The first story's text runs from the second column on under the box in the third
    and fourth: it is read on there, and the boxed story, with its headline, after it,
    not between the second column and the text under the box."""
    lines = _boxed_story()
    texts = _named(reading_order(page_of(row_by_row(lines))))
    running = [t for t in texts if t.startswith("a")]
    assert texts[: len(running)] == running
    under = sum(1 for ln in lines if ln.text.lstrip("级").startswith("a2"))
    assert [t[:2] for t in running] == ["a0"] * 16 + ["a1"] * 16 + ["a2"] * under + ["a3"] * under
    assert texts[len(running)] == "框内文"
    assert texts[len(running) + 1 :] == [f"s{c}{r:x}" for c in (2, 3) for r in range(6)]


@pytest.mark.parametrize("case", ["ends a sentence", "runs on over the whitespace"])
def test_whitespace_in_a_storys_own_columns_boxes_nothing(case: str) -> None:
    """The same whitespace where the second column's text does not run on under it: it
    ends its story with a full stop, or it runs on into the lines over the whitespace
    (阶 | 级 there: a picture in the story's own columns, under a subhead). The second
    column is followed by what stands over the whitespace, as it was before."""
    lines = _boxed_story()
    last = max((k for k, ln in enumerate(lines) if ln.text.startswith("a1")))
    if case == "ends a sentence":
        lines[last] = _ending(lines[last], "。")
    else:
        opening = next(k for k, ln in enumerate(lines) if ln.text.startswith("s20"))
        lines[opening] = _ending(lines[opening], "级", start=True)
    texts = _named(reading_order(page_of(row_by_row(lines))))
    assert texts[texts.index(lines[last].text[:3]) + 1] == "框内文"


def test_whitespace_across_some_columns_boxes_nothing_without_a_story_over_it() -> None:
    """With no headline over the lines above the whitespace the columns are read top to
    bottom, each in turn; whitespace that opens under a subhead is where the subhead's
    story starts, and the subhead is read right before the lines under it."""
    order = reading_order(page_of(row_by_row(_boxed_story(headed=False))))
    columns = [round(p.box.x0 / (WIDTH + GUTTER)) for p in order.placed]
    assert columns == sorted(columns)
    texts = _named(reading_order(page_of(row_by_row(_boxed_story(ends_in_text=False)))))
    assert texts[texts.index("小标题") + 1] == "a20"


def test_a_row_under_a_headline_group_that_opens_with_a_dateline_goes_with_the_columns() -> None:
    """Page 16: a dateline in body type over the headline starts the headline's group;
    the first row under the headline, one column's line and a line OCR merged across
    the other two, stands apart from the rows under it by a hair. It is the columns'
    first row, not part of the headline group: the merged line is split and each part
    read at the top of its column."""
    # set to the right, past the headline's end
    date = line("第53号1968年9月25日星期三", 2 * WIDTH, 0, 3 * WIDTH + 2 * GUTTER, HEIGHT)
    head = line("大字标题", WIDTH / 2, 60, 2 * (WIDTH + GUTTER) + WIDTH / 2, 60 + 3 * HEIGHT)
    top = 60 + 3 * HEIGHT + 40
    first = body("a0", 0, 0, top)
    merged = line(
        ("b0" + FILL)[:18] + ("c0" + FILL)[:18], WIDTH + GUTTER, top, 3 * WIDTH + 2 * GUTTER,
        top + HEIGHT,
    )  # fmt: skip
    rest = [body(f"{'abc'[c]}{r}", c, r, top + 6) for c in range(3) for r in range(1, 6)]
    order = reading_order(page_of(row_by_row([date, head, first, merged, *rest])))
    texts = [p.line.text[:2] for p in order.placed]
    assert texts[texts.index("大字") + 1 :] == [f"{c}{r}" for c in "abc" for r in range(6)]


@needs_real
@pytest.mark.parametrize("degrees", [-0.5, -0.25, -0.1, 0.0, 0.1, 0.25, 0.5])
def test_a_row_touching_the_masthead_over_it_stays_with_the_masthead(degrees: float) -> None:
    """Page 08, scanned as it was and a little more or less askew: the masthead's row of
    issue, date, weekday and lunar date (boxes 9-12) touches the masthead over it and
    stands a line and a half over the story. It is read in one run with the masthead,
    not among the story's columns, however the masthead's own last line is
    classed (turned a tenth of a degree, it reads as a larger line, and the row went to
    the story's columns: its date to the second, its weekday to the third)."""
    page = formats.load(formats.REAL_PAGES / "08_dapipan_19670919_p1.json")
    turned = formats.archive(formats.turned(page, degrees))
    order = [p.index for p in reading_order(read(turned).pages[0]).placed]
    row = [order.index(k) for k in (9, 10, 11, 12)]
    # read in one run, with nothing of the story between (the pieces of the masthead's
    # line 8, which OCR merged with the row's first box, may be)
    assert set(order[min(row) : max(row) + 1]) <= {8, 9, 10, 11, 12}


@needs_real
def test_the_outer_columns_run_on_past_a_box_set_into_the_middle_ones() -> None:
    """A real page (08): a story in four columns with its title and editor's note set
    into the top of the middle two. The first and last columns run down beside the box
    and on under it: each is read on from its line beside the box's foot to its line
    under it, where a paragraph runs on."""
    path = next(p for p in REAL if p.name.startswith("08_"))
    order = [p.index for p in reading_order(read(path.read_bytes()).pages[0]).placed]
    texts = [r["text"] for r in json.loads(path.read_bytes())["ocr_results"]]
    for above, below in (
        ("谁说过太阳毫无缺点呢", "少的，但总还是有人批评"),
        ("群众的墙自然就倒了", "要有海瑞的风格"),
    ):
        a = next(k for k, t in enumerate(texts) if above in t)
        b = next(k for k, t in enumerate(texts) if t.startswith(below))
        assert order.index(b) == order.index(a) + 1


def test_a_column_that_opens_with_a_paragraph_s_tail_over_an_indented_line_stays_whole() -> None:
    """Three columns over two rows of four, no gutter shared (real page 01). The third
    column opens with the tail of a paragraph from the column before (反映。, its stop
    narrow) over the next paragraph's first line, indented two characters, just past the
    tail's end. The two do not overlap across, yet they are one column: the columns are
    read whole, not cut into the first two rows and the rest."""
    upper = [body(f"{c}{r}", c, r, 150) for c in range(3) for r in range(8)]
    x = 2 * (WIDTH + GUTTER)
    tail = line("反映。", x, 150, x + 56, 150 + HEIGHT)
    first = line(("22" + FILL)[:16], x + 60, 150 + PITCH, x + WIDTH, 150 + PITCH + HEIGHT)
    upper[16:18] = [tail, first]
    narrow, top = (3 * WIDTH + 2 * GUTTER - 3 * GUTTER) / 4, 150 + 8 * PITCH
    lower = [
        line(
            (f"{'abcd'[c]}{r}" + FILL)[: int(narrow // 30)],
            c * (narrow + GUTTER),
            top + r * PITCH,
            c * (narrow + GUTTER) + narrow,
            top + r * PITCH + HEIGHT,
        )
        for c in range(4)
        for r in range(2)
    ]
    order = reading_order(page_of(row_by_row([*upper, *lower])))
    assert [p.line.text for p in order.placed] == [ln.text for ln in upper + lower]


def test_a_line_merged_across_three_columns_is_split_where_each_column_ends() -> None:
    """Three short columns (three lines: too few for a grid of full lines) with gutters
    four characters wide, and OCR merged one row of all three into one box. The
    characters left of the first gutter are measured against those right of it less the
    second gutter's whitespace, which holds none: each column's part is its own line, to
    the character."""
    wide, step, top = 540, 540 + 120, 150
    # (each line its own characters: no pair of them on the page says where a seam goes)
    chars = [chr(0x4E00 + 7 * n) for n in range(3 * 3 * 18)]
    lines = [
        line(
            "".join(chars[(c * 3 + r) * 18 : (c * 3 + r + 1) * 18]), c * step,
            top + r * PITCH, c * step + wide, top + r * PITCH + HEIGHT,
        )
        for c in range(3)
        for r in range(3)
    ]  # fmt: skip
    row = [ln for ln in lines if ln.box.y0 == top + PITCH]
    merged = line("".join(ln.text for ln in row), 0, row[0].box.y0, 2 * step + wide, row[0].box.y1)
    page = [ln for ln in lines if ln not in row] + [merged]
    order = reading_order(page_of(row_by_row(page)))
    assert [p.line.text for p in order.placed] == [ln.text for ln in lines]


def test_a_line_cut_on_its_row_in_a_file_read_in_its_own_order_keeps_every_box() -> None:
    """An ALTO or PAGE file in column order keeps its order, and a line in it that OCR cut
    into two boxes on one row (了。 beside the rest) is read as the file gives it: each
    box once, in a column the page has."""
    lines, _ = columns_page(2, rows=6)
    row = lines[4].box
    cut = line(lines[4].text[:14], row.x0, row.y0, row.x0 + 14 * 30, row.y1)
    tail = line("了。", row.x0 + 14 * 30 - 5, row.y0 + 4, row.x0 + 14 * 30 + 40, row.y1 - 4)
    given = tuple([*lines[:4], cut, tail, *lines[5:]])
    order = reading_order(page_of(given, given=True))
    assert order.source == "file"
    assert [p.line.text for p in order.placed] == [ln.text for ln in given]
    assert all(0 <= p.column < len(order.columns) for p in order.placed)
    # (the same boxes in the geometry's order: the line is whole again)
    joined = reading_order(page_of(row_by_row(list(given))))
    assert cut.text + "了。" in [p.line.text for p in joined.placed]


def test_a_line_of_latin_text_cut_on_its_row_is_joined_with_a_space() -> None:
    """Latin words either side of a cut were apart (café | et), Chinese runs on."""
    lines, _ = columns_page(1, rows=6)
    row = lines[3].box
    words = line("Voilà tout, dit le café", row.x0, row.y0, row.x0 + 500, row.y1)
    tail = line("et", row.x0 + 485, row.y0 + 4, row.x0 + 540, row.y1 - 4)
    order = reading_order(page_of(row_by_row([*lines[:3], words, tail, *lines[4:]])))
    assert "Voilà tout, dit le café et" in [p.line.text for p in order.placed]


def test_vertical_lines_cut_at_their_foot_are_joined_and_their_column_stays_vertical() -> None:
    """A block of three vertical lines; OCR gave the last two characters of two of them
    (了。) boxes of their own under them, touching them. The lines are joined again, and
    the block is still read as vertical text (the join is made in the page's turned
    frame, and the joined line is vertical there as its pieces were)."""
    lines = []
    for k in range(3):
        x = 2000 - k * 60
        lines.append(line(f"{k}" + FILL[:11], x, 100, x + 40, 100 + 12 * 45, vertical=True))
    feet = [
        line("了。", ln.box.x0 + 4, ln.box.y1 - 6, ln.box.x1 - 4, ln.box.y1 + 80, True)
        for ln in (lines[0], lines[2])
    ]
    order = reading_order(page_of(tuple(sorted([*lines, *feet], key=lambda ln: ln.box.x0))))
    texts = [p.line.text for p in order.placed]
    assert texts == [lines[0].text + "了。", lines[1].text, lines[2].text + "了。"]
    assert all(c.vertical for c in order.columns)


@needs_real
@pytest.mark.parametrize(
    ("name", "degrees"),
    [
        ("01_bingtuanzhanbao_19670427_p1", 0.25),
        ("01_bingtuanzhanbao_19670427_p1", 0.5),
        ("06_xinbeida_19670506_p2", -0.1),
        ("17_hongsefengbao_19680921_p1", -0.25),
        ("11_hongsezhanbao_19670412_p1", -0.1),
        ("12_shanghaihongweizhanbao_19690107_p1", -0.25),
    ],
)
def test_a_page_scanned_a_little_more_askew_reads_as_it_does_as_scanned(
    name: str, degrees: float
) -> None:
    """Real pages as if scanned a little more or less askew read as they do as scanned
    (labelled paragraphs, exact match).
    - Page 01, turned a quarter or half a degree: one short line of its lower left column
      (看一看：) starts further left than the lines that run on past it, and the
      whitespace beside it was taken for a gutter that merged lines hide. The page was
      then parted at every whitespace across it, and the top story's columns, merged row
      by row, could no longer be told apart.
    - Page 06, turned a tenth of a degree back: the rows of its top story's columns touch
      one another down to the last four, and in that band of many rows one line that runs
      on into the next column joined the first two columns, so that the last four rows,
      each column apart, no longer fit under it and were read as a story of their own.
    - Page 17, turned a quarter of a degree back: under its headline and byline, rows
      merged across all three columns, then a row where only the first column has a line
      of its own. That row, one column, fitted under the headline, so the merged rows went
      with the headline's group; the first row whose columns are all its own does not.
    - Page 11, turned a tenth of a degree back: OCR cut 本報 off the line it opens
      (本報 | 扇机英红色), its box running 15 px into the line's. Just past the slack
      allowed a mark set beside a line, it was read after the column, out of the text.
    - Page 12, turned a quarter of a degree back: the label 社论 beside the editorial's
      first lines has its centre right where two of them meet, level with neither by
      that test, and was read between them."""
    from reader.core.document import from_bytes
    from tests.evaluation import REAL as LABELS
    from tests.evaluation import doc_paragraphs, f1, gold_paragraphs

    gold = gold_paragraphs(json.loads((LABELS / f"{name}.json").read_text(encoding="utf-8")))
    page = formats.load(formats.REAL_PAGES / f"{name}.json")

    def score(turn: float) -> float:
        doc = from_bytes(formats.archive(formats.turned(page, turn)), f"{name}.json")
        return f1(doc_paragraphs(doc), gold).f1

    assert score(degrees) >= score(0.0) - 0.02


def test_a_tight_box_of_a_line_s_last_characters_joins_a_taller_box_beside_it() -> None:
    """Page 08 a quarter of a degree askew: the box OCR drew around a paragraph's last
    two characters (个。) is tight, two thirds of a body line high, and the box of the
    rest of their printed line beside it is drawn tall (1.64 times as high). How much
    taller says nothing: the two are one line, as long as the small one is no speck."""
    lines, _ = columns_page(1, rows=6)
    row = lines[4].box
    tail = line("个。", row.x0, row.y0 + 8, row.x0 + 44, row.y0 + 8 + 22)
    rest = line(lines[4].text[:15], row.x0 + 40, row.y0 + 4, row.x1, row.y0 + 4 + 36)
    order = reading_order(page_of(row_by_row([*lines[:4], tail, rest, *lines[5:]])))
    assert "个。" + rest.text in [p.line.text for p in order.placed]
    speck = line("个。", row.x0, row.y0 + 14, row.x0 + 30, row.y0 + 14 + 12)
    order = reading_order(page_of(row_by_row([*lines[:4], speck, rest, *lines[5:]])))
    assert rest.text in [p.line.text for p in order.placed]


def test_a_label_set_larger_beside_a_columns_first_line_is_not_joined_to_it() -> None:
    """社论 set beside a column's first line, nearly twice a body line high and its box
    running a little into the line's: a label, read before the column, not a piece of
    the line that OCR cut off."""
    lines, _ = columns_page(1, rows=8)
    first = lines[1].box
    label = line("社论", first.x0 - 70, first.y0, first.x0 + 8, first.y0 + 57)
    order = reading_order(page_of(row_by_row([*lines, label])))
    texts = [p.line.text for p in order.placed]
    assert "社论" in texts and lines[1].text in texts


def test_stacked_stories_are_parted_though_ocr_merged_the_first_one_s_rows() -> None:
    """Page 01: two signed pieces one under the other in the same two columns, and OCR
    merged the first one's rows across the gutter down to its last. Whether the columns
    end level over the whitespace between the stories is judged on the merged rows' pieces:
    counted whole, they left the first column ending at its top row, and the columns were
    each read down through both stories."""
    first = [body(f"a{c}{r:x}", c, r, 0) for c in range(2) for r in range(8)]
    top = 8 * PITCH + 2.5 * HEIGHT
    second = [body(f"b{c}{r:x}", c, r, top) for c in range(2) for r in range(6)]
    merged = [first[0], first[8]]
    for left, right in zip(first[1:8], first[9:], strict=True):
        box = Box(left.box.x0, left.box.y0, right.box.x1, right.box.y1)
        merged.append(OcrLine(left.text + right.text, box, None, None, 0, None, False))
    order = reading_order(page_of(row_by_row([*merged, *second])))
    # (the filler's recurring pairs may move a seam by a character: the names are found)
    found = [re.search("[ab][01][0-9a-f]", p.line.text) for p in order.placed]
    assert [m and m.group() for m in found] == [ln.text[:3] for ln in [*first, *second]]


def test_a_wide_column_s_line_reaching_back_into_the_gutter_is_read_in_its_column() -> None:
    """Page 01: two columns, and beside them a third whose lower half is a column twice as
    wide (a story's second band). One of the wide lines, skewed, starts a little left of
    the gutter's middle: by less than a character, so it is the wide column's line, read
    in it, not a straddler read in the column on the left."""
    lines = [body(f"{c}{r:x}", c, r, 0) for c in range(2) for r in range(12)]
    lines += [body(f"2{r:x}", 2, r, 0) for r in range(6)]
    x, wide = 2 * (WIDTH + GUTTER), 2 * WIDTH + GUTTER
    for r in range(6, 12):
        left = x - 35 if r == 8 else x
        text = (f"2{r:x}" + FILL * 2)[:36]
        lines.append(line(text, left, r * PITCH, x + wide, r * PITCH + HEIGHT))
    order = reading_order(page_of(row_by_row(lines)))
    assert [p.line.text[:2] for p in order.placed] == [
        f"{c}{r:x}" for c in range(3) for r in range(12)
    ]
    assert not any(p.straddles for p in order.placed)


@needs_real
def test_a_story_set_in_an_l_reads_its_long_column_before_its_short_ones() -> None:
    """Page 01: a story (谈…数) whose first column runs on down the page beside the top of
    the story under its other two columns (the editorial's continuation, in three
    narrower columns), with no more space than between its lines. That column is read to
    its end, then the story's other columns, then the story below, whose first rows,
    set a little higher than the long column's lower part, go with it; the lower part
    of the long column is a column of its own (its lines start further left further down), read
    right after the upper part. Lines merged across the lower story's first gutter are
    split there."""
    page = read((formats.REAL_PAGES / "01_bingtuanzhanbao_19670427_p1.json").read_bytes())
    placed = [p for p in reading_order(page.pages[0]).placed if not p.noise]
    texts = [p.line.text for p in placed]

    def at(start: str) -> int:
        return next(n for n, text in enumerate(texts) if text.startswith(start))

    upper, lower = at("再请看，全世界苹命人民正团"), at("结一心，高举反美")
    assert lower == upper + 1
    assert placed[lower].column == placed[upper].column + 1
    # the long column's last row, merged with the lower story's first column, split
    assert texts[at("当赫鲁晓夫修正主义") + 1] == "快，是当代最伟火的马充思列宁主义者，我们心中"
    assert at("快，是当代最伟火") + 1 == at("最红最红的红太阳毛主席")
    # the lower story: its jump line, its first line and the line under it
    jump = at("（上接一版）")
    assert texts[jump + 1 : jump + 3] == ["不苹自己的命，这个苹命是搞不", "好的。”"]
    # its first column's last rows: the pieces of the long column's merged rows
    last = at("执行什么路线，归根结底是")
    assert last > jump
    assert texts[last + 1 : last + 3] == [
        "个世界观的问题。有什么样的世",
        "界现，就要执行什么样的路线。",
    ]


def _stacked_under_a_story(merged_row: bool) -> list[OcrLine]:
    """A story under a headline in four columns; right under it, level, a second story in
    the first column beside a third in four narrower columns over the other three, and a
    fourth in the first column under the second beside a fifth in three columns. Where
    `merged_row`, OCR merged a row of the second story with the third's first two
    columns into one box."""

    def named(name: str, x0: float, y: float, x1: float) -> OcrLine:
        return line((name + FILL * 3)[: int((x1 - x0) // 30)], x0, y, x1, y + HEIGHT)

    def columns(prefix: str, count: int, rows: range, top: float) -> list[OcrLine]:
        x0, x1 = WIDTH + GUTTER, 4 * (WIDTH + GUTTER) - GUTTER
        width = (x1 - x0 - (count - 1) * GUTTER) / count
        return [
            named(
                f"{prefix}{c}{r:x}",
                x0 + c * (width + GUTTER),
                top + r * PITCH,
                x0 + c * (width + GUTTER) + width,
            )
            for c in range(count)
            for r in rows
        ]

    lines = [line("大字标题", 300, 0, 1900, 96)]
    lines += [
        named(f"a{c}{r:x}", c * (WIDTH + GUTTER), 150 + r * PITCH, c * (WIDTH + GUTTER) + WIDTH)
        for c in range(4)
        for r in range(10)
    ]
    top = 150 + 10 * PITCH
    lines += [named(f"b0{r:x}", 0, top + r * PITCH, WIDTH) for r in range(8)]
    lines += columns("e", 4, range(8), top) + columns("f", 3, range(8, 16), top)
    lines += [named(f"g0{r:x}", 0, top + r * PITCH, WIDTH) for r in range(8, 16)]
    if merged_row:
        parts = [ln for ln in lines if ln.text[:3] in ("b06", "e06", "e16")]
        lines = [ln for ln in lines if ln not in parts]
        box = Box(0, parts[0].box.y0, parts[-1].box.x1, parts[0].box.y1)
        lines.append(OcrLine("".join(p.text for p in parts), box, None, None, 0, None, False))
    return lines


@pytest.mark.parametrize("merged_row", [False, True])
def test_stories_stacked_level_under_a_story_are_no_l(merged_row: bool) -> None:
    """A story's columns all ending level, and the stories under it starting right
    there, one in its first column, others in narrower columns beside it: that first
    column does not run on down from the story's (its other columns end no higher), so
    the story is read to its end first. Every line is read once, whole or in pieces,
    a merged row too."""
    lines = _stacked_under_a_story(merged_row)
    order = reading_order(page_of(row_by_row(lines)))
    texts = [p.line.text[:3] for p in order.placed]
    story = [t for t in texts if t.startswith("a")]
    assert texts[1 : 1 + len(story)] == story == sorted(story)
    read: dict[int, str] = collections.defaultdict(str)
    for p in order.placed:
        read[p.index] += p.line.text
    given = row_by_row(lines)
    assert {k: "".join(v.split()) for k, v in read.items()} == {
        k: "".join(ln.text.split()) for k, ln in enumerate(given)
    }
