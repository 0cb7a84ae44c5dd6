"""The page-at-a-time machinery agrees with the one-line definitions it stands in for.

content_lines() computes every line feature for the whole page at once (C-level maps,
scans of the lines' first and last characters); reflow records only the decisions it
weighs. These tests hold both to the plain per-line and per-decision meaning.
"""

from __future__ import annotations

import pickle
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core import model
from reader.core.decode import _CONTROL, _has_controls, decode_bytes
from reader.core.document import fingerprint, from_bytes, from_text, split_source_lines
from reader.core.finish import RawBlock
from reader.core.lines import (
    HEAD,
    TAIL,
    Lines,
    _indent_cells,
    _usual_spacing,
    character_width,
    classify,
    content_lines,
    is_ornament,
    narrow_width,
    printed_width,
)
from reader.core.model import SourceLines
from reader.core.reflow import Reflow, reflow
from reader.core.rules import Rule
from reader.core.text import (
    CLOSING,
    SENTENCE_END,
    SOFT_END,
    cells,
    compact,
    ends_sentence,
    join_lines,
)
from tests.core.test_properties import ALPHABET, PAGE
from tests.evaluation import SEEDS, load_gold, seed_names
from tests.relayout import Layout, halfwidth_punctuation, layouts, render


def pages() -> list[str]:
    out = [(SEEDS / f"{name}.txt").read_text(encoding="utf-8") for name in seed_names()]
    gold = load_gold(seed_names()[0])
    for layout in (
        Layout(width=13, indent="ascii", ocr_spaces=True),
        Layout(indent="fullwidth"),
        Layout(width=17, narrow_quotes=True),
        Layout(width=15, by_characters=True),
    ):
        out.append(render(gold, layout).decode("utf-8"))
    return out


def check_columns(text: str) -> None:
    source = split_source_lines(text)
    lines = content_lines(source)
    n = len(lines)
    columns = (lines.idx, lines.indent, lines.gap, lines.part, lines.room, lines.width, lines.mark)
    for column in columns:
        assert len(column) == n
    assert lines.firsts == "".join(t[0] for t in lines.text)
    assert lines.lasts == "".join(t[-1] for t in lines.text)
    # One blank line, where the page puts one after nearly every line and sets paragraphs
    # further apart; else none.
    spacing = _usual_spacing(
        [i for i, part in zip(lines.idx, lines.part, strict=True) if part != TAIL]
    )
    for k in range(n):
        line = lines.text[k]
        assert line == line.strip() and line
        # The white space cleaning took out was on the printed line: it counts.
        if lines.characters:
            assert lines.width[k] == character_width(line)
        else:
            measure = narrow_width if lines.narrow_quotes else printed_width
            assert lines.width[k] == measure(line) + lines.room[k]
        assert lines.ends[k] == ends_sentence(line)
        assert lines.soft[k] == (line[-1] in SOFT_END)
        assert lines.hangs[k] == (line[-1] in SENTENCE_END | SOFT_END | CLOSING)
        i = lines.idx[k]
        if not lines.part[k]:
            assert lines.room[k] == cells(source[i].strip()) - cells(line)
        if lines.part[k] != TAIL:
            assert lines.indent[k] == (
                _indent_cells(source[i]) if source[i][0] in " \u3000\t" else 0
            )
            previous = lines.idx[k - 1] if k else -1
            assert lines.gap[k] == (i - previous > spacing)
        if not lines.part[k] and lines.mark[k] != "noise":
            assert (lines.mark[k], lines.style[k], lines.label[k]) == classify(line)


def test_columns_match_the_one_line_definitions_on_real_and_relaid_pages() -> None:
    for text in pages():
        check_columns(text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(PAGE)
@example([" 摄 摄）"])  # a credit whose opening bracket is on the line before
def test_columns_match_the_one_line_definitions_on_any_page(lines: list[str]) -> None:
    text = "\n".join(lines)
    if text.strip():
        check_columns(text)


def test_narrow_quotes_take_one_cell_and_squeeze_nothing() -> None:
    line = "从“有学上”的平实愿景到“上好学”的璀"
    assert printed_width(line) == 38
    assert narrow_width(line) == 15 * 2 + 4
    # A quote squeezed beside a mark, or opening a line, is the same width either way.
    for text in ("说好。”", "“大鹏一日", "征程上，“大"):
        assert narrow_width(text) == printed_width(text), text
    assert (printed_width("‘党建+’"), narrow_width("‘党建+’")) == (8, 7)
    assert narrow_width("没有引号的行。") == printed_width("没有引号的行。")


# How a page may be set, as Lines reads it from the page: (what the sample pages read,
# the layout setting, what else the layout needs to show it, the share of layouts of the
# sample pages so set that must read so).
READINGS = {
    # Both sample pages set quotes one cell wide: a line with two of them is about two
    # cells wider than the lines around it. (The made-up pages hold too few lines with
    # two quotes to tell, and are measured as before.)
    "narrow_quotes": (True, {"by_characters": False}, 0.8),
    # Print is set in cells; a program re-wrapping text may count characters, and then a
    # line with digits in it is as many characters long as the lines around it. OCR's
    # spaces beside the digits fill the cells they leave (000: 46 of 48 layouts, 004: 34).
    "characters": (False, {"ocr_spaces": False}, 0.7),
}
_LAYOUT_FIELD = {"narrow_quotes": "narrow_quotes", "characters": "by_characters"}


@pytest.mark.parametrize("reading", sorted(READINGS))
def test_the_page_tells_how_it_was_set(reading: str) -> None:
    on_samples, shows, share = READINGS[reading]
    field = _LAYOUT_FIELD[reading]

    def reads(data: bytes) -> bool:
        return bool(getattr(content_lines(split_source_lines(decode_bytes(data).text)), reading))

    for name in seed_names():
        assert reads((SEEDS / f"{name}.txt").read_bytes()) is on_samples, name
    # Pages not so set are never read so, half-width commas and unmarked headlines
    # notwithstanding...
    for name in [*seed_names(), "features", "briefs"]:
        for gold in (load_gold(name), halfwidth_punctuation(load_gold(name))):
            for k, layout in enumerate(layouts(48)):
                data = render(gold, replace(layout, **{field: False}), seed=k)
                assert not reads(data), (name, layout.describe())
    # ...and the sample pages so set nearly always are.
    for name in seed_names():
        gold = load_gold(name)
        read = [
            reads(render(gold, replace(layout, **{field: True}, **shows), seed=k))
            for k, layout in enumerate(layouts(48))
        ]
        assert sum(read) >= share * len(read), (name, sum(read))


def test_a_short_page_set_with_narrow_quotes_can_tell_it_from_one_line() -> None:
    """A page of briefs holds few lines inside a paragraph with a quote in them: one that
    narrow quotes put level with its neighbours, and none against, tells the page's
    measure (before: never, on all 48 layouts; pages not so set are never read so, as
    test_the_page_tells_how_it_was_set checks)."""
    gold = load_gold("briefs")
    read = [
        content_lines(
            split_source_lines(
                decode_bytes(
                    render(gold, replace(layout, narrow_quotes=True, by_characters=False), seed=k)
                ).text
            )
        ).narrow_quotes
        for k, layout in enumerate(layouts(48))
    ]
    assert sum(read) >= 8


def test_one_vote_tells_narrow_quotes_only_and_half_width_punctuation_keeps_them() -> None:
    """Two pages a review found misread. A line that narrow quotes put level with a
    neighbour ending in digits does not make the page one wrapped by characters (one
    vote tells narrow quotes, never characters); and a sample page whose OCR read the
    punctuation half-width, set with narrow quotes, is still read so (its neighbours all
    hold a half-width mark, so the one-vote test has none to go by, and the two-vote
    test of before still counts)."""
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"

    def text(n: int, start: int) -> str:
        return "".join(chars[(start + i) % len(chars)] for i in range(n))

    page = [
        "\u3000\u3000" + text(18, 1),
        text(8, 2) + "“" + text(6, 3) + "”" + text(5, 4),
        text(19, 5) + "12",
        text(20, 6),
        text(20, 7),
        text(6, 8) + "。",
    ]
    assert not content_lines(page).characters
    gold = halfwidth_punctuation(load_gold("000_6f184ef8bf9eb23a"))
    data = render(gold, layouts(48)[24], seed=24)
    assert content_lines(split_source_lines(decode_bytes(data).text)).narrow_quotes


def test_decisions_cover_every_gap_and_record_only_what_was_weighed() -> None:
    text = pages()[0]
    lines = content_lines(split_source_lines(text))
    engine = Reflow(lines)
    weighed: dict[int, tuple[bool, Rule]] = {}
    decide = engine._decide

    def watched(cur: RawBlock, i: int) -> tuple[bool, Rule]:
        weighed[i] = decide(cur, i)
        return weighed[i]

    engine._decide = watched  # type: ignore[method-assign]
    engine.run()
    decisions = engine.decided
    assert len(decisions) == len(lines) - 1 == len(list(decisions))
    # Most joins were never weighed: the page's ordinary reason stands for them.
    assert 0 < decisions.weighed == len(weighed) < len(decisions) / 2
    for k, decision in enumerate(decisions, start=1):
        assert decision.line == lines.idx[k - 1]
        join, rule = weighed.get(k, (True, engine.ordinary))
        assert (decision.action, decision.rule) == ("join" if join else "break", rule)
        assert decision.reason == rule.en
    assert decisions[0] == next(iter(decisions)) and decisions[-1] == list(decisions)[-1]


def test_latin_words_are_mended_across_line_ends_inside_chinese_paragraphs() -> None:
    parts = ["研究表明 the quick", "brown fox 跨行时", "加空格。一个 exam-", "ple 与中文", "2024年"]
    doc = from_text("\n".join(parts) + "\n")
    expected = ""
    for part in parts:
        expected = join_lines(expected, compact(part))
    assert "the quick brown fox" in expected and "example" in expected
    assert [b.text for _, b in doc.iter_blocks()] == [expected]


def test_fingerprint_drops_exactly_the_white_space_the_regex_class_names() -> None:
    # str.split() and \s must agree on every code point, or stored fingerprints would drift.
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert "".join(everything.split()) == re.sub(r"\s+", "", everything)
    assert fingerprint("国 企\n\u3000改革") == fingerprint("国企改革")


# Every kind of white space a page may hold, ASCII and wide, at line ends and inside lines.
WHITE = st.sampled_from([" ", "\u3000", "\t", "\xa0", "\u2003", "\u202f", "\r", "\u2028", "\x0c"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.one_of(ALPHABET, WHITE), max_size=30), min_size=1, max_size=30))
def test_fingerprint_from_the_content_lines_is_the_fingerprint_of_the_text(
    parts: list[str],
) -> None:
    text = "\n".join(parts)
    if text.split():  # a page of white space alone is refused, full-width or not
        data = text.encode("utf-8")
        assert from_bytes(data).source.fingerprint == fingerprint(decode_bytes(data).text)


def test_control_characters_are_found_without_a_regex() -> None:
    for code in range(0x10000):
        c = chr(code)
        assert _has_controls("正文" + c + "abc") == (code in _CONTROL), hex(code)


def test_usual_spacing_is_one_blank_line_only_where_paragraphs_stand_further_apart() -> None:
    assert _usual_spacing([0, 2, 4, 6, 8]) == 1  # a blank line after every line
    assert _usual_spacing([0, 2, 4, 7, 9, 11, 14]) == 2  # and two between paragraphs
    assert _usual_spacing([0, 1, 2, 4, 5, 6]) == 1  # blank lines between paragraphs
    assert _usual_spacing([0, 1, 3, 4, 7, 9, 11]) == 1  # lines side by side: no habit
    assert _usual_spacing([5]) == 1


def test_splitting_many_lines_rebuilds_the_columns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each line carries a dateline OCR appended to its last sentence, so each is split in
    # two. Splicing the halves in one at a time shifted the rest of every column per
    # split: the square of the page's length. All splits must go in with one splice.
    line = "会议要求各地切实抓好落实工作。新华社北京3月12日电"
    calls: list[int] = []
    splice = Lines.splice

    def counted(self: Lines, replacements: dict[int, Lines]) -> None:
        calls.append(len(replacements))
        splice(self, replacements)

    monkeypatch.setattr(Lines, "splice", counted)
    lines = content_lines([line] * 300)
    assert calls == [300]
    assert len(lines) == 600
    assert lines.part == bytearray((HEAD, TAIL)) * 300
    assert list(lines.idx) == [i for i in range(300) for _ in (0, 1)]
    assert lines.mark[1::2] == ["dateline"] * 300
    check_columns("\n".join([line] * 300))


def test_fingerprints_hashed_a_stretch_at_a_time_are_those_of_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hashlib

    from reader.core import document

    monkeypatch.setattr(document, "_STRETCH", 64)  # a line, or 64 characters, at a time
    for text in pages():
        whole = hashlib.sha256("".join(text.split()).encode("utf-8")).hexdigest()
        assert fingerprint(text) == whole
        assert from_text(text).source.fingerprint == whole


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet="ab \u3000\n", max_size=40), st.integers(min_value=1, max_value=8))
def test_source_lines_are_the_lines_split_from_the_text(
    monkeypatch: pytest.MonkeyPatch, text: str, stretch: int
) -> None:
    """A document keeps its source lines as its text and where each line starts; they
    read as split_source_lines() gives them, whatever stretches the text is split in."""
    monkeypatch.setattr(model, "_STRETCH", stretch)
    kept, split = SourceLines(text), split_source_lines(text)
    assert list(kept) == split and len(kept) == len(split) and kept == split
    assert [kept[k] for k in range(-len(split), len(split))] == split + split
    assert kept[1:-1] == split[1:-1] and kept[::2] == split[::2]
    assert pickle.loads(pickle.dumps(kept)) == kept
    with pytest.raises(IndexError):
        kept[len(split)]


def test_content_lines_read_the_same_from_kept_and_listed_source_lines() -> None:
    for text in pages():
        kept, listed = content_lines(SourceLines(text)), content_lines(split_source_lines(text))
        assert kept == listed


def test_the_longest_run_in_label_and_every_numbering_style_fit_their_byte_columns() -> None:
    lines = content_lines(["一、" + "字" * 28 + "：正文写在标签后面。", "①第五种编号"])
    assert list(lines.label) == [31, 0] and list(lines.style) == [1, 5]


@pytest.mark.parametrize(("chars", "typecode"), [(16_000, "h"), (16_384, "i")])
def test_column_widths_take_two_bytes_a_line_where_the_widest_line_fits_them(
    chars: int, typecode: str
) -> None:
    text = "\n".join(["字" * chars, *["这是一行正文，写满了字。"] * 8, "字" * 30_000])
    engine = Reflow(content_lines(text.split("\n")[:-1]))
    assert engine.columns.usable.typecode == engine.columns._back.typecode == typecode
    blocks, _decisions, _reading = reflow(content_lines(text.split("\n")))
    assert "".join(b.text for b in blocks) == text.replace("\n", "")


def test_the_decisions_keep_the_content_lines_array_of_source_lines_not_a_copy() -> None:
    lines = content_lines(split_source_lines(pages()[0]))
    assert Reflow(lines).decided._lines is lines.idx


def test_content_lines_that_spend_their_source_lines_empty_the_list_and_read_the_same() -> None:
    for text in pages():
        listed = split_source_lines(text)
        spent = content_lines(listed, spend=True)
        assert listed == [] and spent == content_lines(split_source_lines(text))


@pytest.mark.parametrize(
    ("text", "ornament"),
    [
        ("neeeereae", True),  # page 17's rule under the lead
        ("GGGGGGGGGGGGGGGGGGGGGGGGGG", True),
        ("9999999999996966995555996969699996996556555995", True),  # page 12
        ("9966999669", True),  # page 12's, under the editorial's title
        ("13666667666666666666366666666996666666666666669", True),
        ("Mississippi", False),  # a word: no three alike in a row
        ("MISSISSIPPI", False),
        ("100000000", False),  # a number: too short for a rule of digits
        ("Shelllike", False),
        ("NIUVI", False),
        ("第三期", False),
        ("贵#婴信#", True),  # page 13: the frame of a decorated title
        ("#工#思", True),
        ("#中人", True),  # page 06: the neighbouring page's strip
        ("，蛋量高#", True),  # page 10
        ("表乐口最坚#的在以是主常", False),  # page 11: a blurred body line, # for a character
        ("有一些人听徐向前的话，知陈#通，许世友", False),  # page 02
        ("# Notes", False),
        ("#1", False),
        ("式的#", True),  # page 13: the right edge's border
        ("知陈#通也到会。", False),  # a paragraph's short last line, a character unread
        ("评《海#罢官》", False),
        ("打倒刘#奇！", False),
        ("用#购", True),  # page 13: a scrap of the title's frame
        ("C#语言入门", False),
    ],
)
def test_an_ornament_read_as_letters_or_digits(text: str, ornament: bool) -> None:
    assert is_ornament(text) is ornament


def test_an_ornament_between_two_lines_of_text_is_furniture_not_text() -> None:
    """Page 17: a decorative rule read as neeeereae, then the next article's text: the
    rule is furniture and the line after it opens its own paragraph, not one glued to
    it."""
    lines = [
        "以能巩固的重大问题。",
        "neeeereae",
        "另搞一套？为什么有的地方成立了革委会以后，翻案妖风还刮得",
    ]
    doc = from_text("\n".join(lines))
    assert [(b.kind, b.text) for _, b in doc.iter_blocks()][1:] == [
        ("noise", "neeeereae"),
        ("paragraph", lines[2]),
    ]


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet="0123456789一二三四五六七八九十〇第期号號版年月日星今本共夏农历丁未八主办编印翻机关报"
        "合注意保存内部参考资料春刊红卫兵 .（）《》",
        min_size=1,
        max_size=24,
    )
)
@example("内部春考")
@example("首都中等学校红卫兵代表大会主办")
@example("1967.2.15")
@example("星期二")
@example("今日四版")
@example("第三期")
@example("镇江市革命委员会机关报")
@example("浙江省革命造反联合总指挥部红色风暴编辑部编印")
def test_issue_lines_are_only_looked_for_where_they_can_be(text: str) -> None:
    """_mark_issue_lines weighs only lines holding a character every issue or publisher
    line holds (or as long as a label): none that is_issue_line takes is passed over."""
    from reader.core.lines import _ISSUE_CHAR, _LABEL_LENGTHS, is_issue_line

    if is_issue_line(text):
        assert _ISSUE_CHAR.search(text) or len(text) in _LABEL_LENGTHS


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("By JOHN SMITH", True),
        ("By Mary O'Neil and J. P. Jones", True),
        ("BY OUR SPECIAL CORRESPONDENT", True),
        ("By ROBERT LEE, Staff Writer", True),
        ("By the way, it rained all day.", False),
        ("By Monday the bridge was done", False),
        ("By train and car they came", False),
    ],
)
def test_an_english_byline_is_told_from_a_line_starting_with_by(text: str, byline: bool) -> None:
    assert (classify(text)[0] == "byline") is byline
    lines = content_lines(["THE COUNCIL MEETS", text, "The council met on Monday."])
    assert (lines.mark[1] == "byline") is byline


def test_a_line_that_opens_like_an_english_byline_and_is_none_is_read_at_once() -> None:
    """Names made of words that could each go on the one before: a line of capitals that
    failed the byline's pattern at its last mark tried every way of cutting it into
    names (a 40-character line took 22 seconds; one of 50, hours). In a process of its
    own, so a return of that hangs the test, not the suite."""
    import subprocess

    lines = [
        "By SPECIAL CORRESPONDENT OF THE TRIBUNE;",
        "BY SPECIAL CABLE TO THE NEW-YORK TRIBUNE FROM LONDON:",
        "By " + "A" * 50 + "!",
        "By " + " AND ".join(["ABC"] * 11) + ";",
    ]
    code = (
        "import sys\n"
        "from reader.core.lines import classify\n"
        "print([classify(t)[0] for t in sys.argv[1:]])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *lines], capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.stdout.strip() == str([""] * len(lines)), done.stderr
