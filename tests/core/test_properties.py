"""Invariants of the reflow, for any input: no character is lost, added or reordered."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import from_text
from reader.core.model import Document
from tests.evaluation import SEEDS, load_gold, seed_names
from tests.relayout import Layout, render

# Text that looks like OCR output: CJK, marks that drive the rules, digits, Latin, spaces.
ALPHABET = st.sampled_from(
    list("国企思想政治工作的发展创新一二三四五六问答电讯报记者新华社")
    + list("，。！？、；：“”（）《》——…")
    + list("0123456789abcXYZ- 　□■")
)
# Whole pieces that open the rules about marks: captions and credits, leads, running heads,
# notices, bylines, datelines, end matter, headings.
PIECES = st.sampled_from(
    ["图为", " 摄", "供图", "本报讯", "编者按：", "要闻", "某某日报", "本报评论员", "遗失声明",
     "（记者 张三）", "新华社北京3月12日电", "（上接1版）", "一、", "（一）", "1.", "——", "问：",
     "2025年3月12日 星期三", "2025年3月12日", "联系电话：", "李 四", "特此公告。",
     "山西某某有限公司", "。", "，"]
)  # fmt: skip
LINE = st.one_of(
    st.text(ALPHABET, min_size=0, max_size=40),
    st.lists(st.one_of(PIECES, ALPHABET), max_size=8).map("".join),
)
PAGE = st.lists(LINE, min_size=1, max_size=60)


def output_chars(doc: Document) -> Counter:
    return Counter(
        c for a in doc.articles for b in a.all_blocks() for c in b.text if not c.isspace()
    )


def input_chars(text: str) -> Counter:
    return Counter(c for c in text if not c.isspace())


_HYPHEN_BREAK = re.compile(r"[A-Za-z]-[ \t]*\r?\n\s*[a-z]")


def check(text: str) -> None:
    doc = from_text(text)
    got, want = output_chars(doc), input_chars(text)
    # The one permitted change: a hyphen that broke a Latin word across lines is removed.
    mended = len(_HYPHEN_BREAK.findall(text))
    assert want["-"] - mended <= got["-"] <= want["-"]
    got.pop("-", None)
    want.pop("-", None)
    assert got == want
    # Body blocks keep source order; only headline parts may move to their article.
    starts = [b.first for a in doc.articles for b in a.blocks]
    for article in doc.articles:
        firsts = [b.first for b in article.blocks]
        assert firsts == sorted(firsts)
        for block in article.all_blocks():
            assert 0 <= block.first <= block.last < doc.source.lines
    assert len(starts) == len(set(zip(starts, range(len(starts)), strict=True)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE, st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_no_character_is_lost_or_added(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    if not text.strip():
        return
    check(text)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=12, max_value=35),
    st.sampled_from(["stripped", "fullwidth", "ascii"]),
    st.sampled_from(["every", "paragraph", "none"]),
    st.booleans(),
    st.sampled_from(seed_names()),
)
def test_relayouts_of_the_sample_pages_keep_every_character(
    width: int, indent: str, blank: str, spaces: bool, name: str
) -> None:
    layout = Layout(width=width, indent=indent, blank=blank, ocr_spaces=spaces)
    check(render(load_gold(name), layout).decode("utf-8"))


def test_the_sample_pages_keep_every_character() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        check(path.read_text(encoding="utf-8"))
