"""Re-anchoring annotations after the text changed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.bundled import sample_pages
from reader.core.anchor import anchor, select
from reader.core.document import from_bytes, from_text, load
from reader.core.export import clean_text
from tests.evaluation import load_gold
from tests.relayout import Layout, render

TEXT = clean_text(load(sample_pages()[0])).text
WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return WS.sub("", text)


def test_unchanged_text_anchors_by_position() -> None:
    start = TEXT.index("新质生产力")
    sel = select(TEXT, start, start + 12)
    found = anchor(TEXT, sel)
    assert found is not None and found.method == "position"
    assert (found.start, found.end) == (start, start + 12)


def test_moved_quote_is_found_by_exact_text() -> None:
    start = TEXT.index("各地各行业向新而行")
    sel = select(TEXT, start, start + 9)
    moved = "新的一段放在最前面。\n\n" + TEXT
    found = anchor(moved, sel)
    assert found is not None and found.method == "quote"
    assert moved[found.start : found.end] == "各地各行业向新而行"


def test_repeated_quote_is_resolved_by_its_context() -> None:
    # "新质生产力" occurs many times; each occurrence must come back to itself even when
    # the text before all of them grew (so positions no longer match).
    starts = [m.start() for m in re.finditer("新质生产力", TEXT)]
    assert len(starts) >= 3
    shifted = "前言。" * 7 + TEXT
    for start in starts:
        found = anchor(shifted, select(TEXT, start, start + 5))
        assert found is not None and found.start == start + 21


def test_whitespace_and_line_breaks_changed() -> None:
    start = TEXT.index("从东部发达省份")
    sel = select(TEXT, start, start + 40)
    changed = TEXT[:start] + "\n" + " ".join(TEXT[start : start + 40]) + "\n" + TEXT[start + 40 :]
    found = anchor(changed, sel)
    assert found is not None and found.method == "fuzzy"
    assert squeeze(changed[found.start : found.end]) == squeeze(sel.exact)


def test_a_few_characters_changed_near_the_quote() -> None:
    quote = "促进创新成果加速从“论文”“实验室”中奔涌而出"
    start = TEXT.index(quote)
    sel = select(TEXT, start, start + len(quote))
    # OCR read two characters differently, and one more just before the quote.
    edited = TEXT[: start - 2] + "X" + TEXT[start - 1 : start + 3] + "成杲" + TEXT[start + 5 :]
    found = anchor(edited, sel)
    assert found is not None and found.method == "fuzzy"
    got = edited[found.start : found.end]
    assert got == "促进创成杲果加速从“论文”“实验室”中奔涌而出"


def test_deleted_quote_is_unanchored() -> None:
    quote = "与齐备完善的制造优势紧密结合"
    start = TEXT.index(quote)
    sel = select(TEXT, start, start + len(quote))
    assert anchor(TEXT.replace(quote, ""), sel) is None


def test_relaid_out_page_keeps_every_anchor() -> None:
    """The same page wrapped at another width and re-encoded reflows to text in which
    annotations made on the original are found again."""
    gold = load_gold(sample_pages()[0].stem)
    layout = Layout(width=22, blank="none", indent="fullwidth", newline="\r\n", encoding="gb18030")
    other = from_bytes(render(gold, layout))
    text = clean_text(other).text
    for quote in ("新质生产力的基本路径", "各地各行业向新而行", "战略性新兴产业"):
        start = TEXT.index(quote)
        found = anchor(text, select(TEXT, start, start + len(quote)))
        assert found is not None
        assert squeeze(text[found.start : found.end]) == quote


def test_copy_and_reencoding_keep_the_fingerprint(tmp_path) -> None:
    page = sample_pages()[0]
    data = page.read_bytes()
    copy = tmp_path / "elsewhere" / "copy.txt"
    copy.parent.mkdir()
    copy.write_bytes(data.decode("utf-8").replace("\n", "\r\n").encode("gb18030"))
    assert load(copy).source.fingerprint == load(page).source.fingerprint


_chars = st.sampled_from(list("科技创新产业新质生产力发展的是在。，“”ab1"))


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(_chars, min_size=30, max_size=300),
    data=st.data(),
)
def test_property_unchanged_text_returns_the_same_range(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 1, len(text)))
    found = anchor(text, select(text, start, end))
    assert found is not None and (found.start, found.end) == (start, end)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(_chars, min_size=30, max_size=300),
    data=st.data(),
)
def test_property_whitespace_changes_keep_the_quote(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text) - 4))
    end = data.draw(st.integers(start + 3, len(text)))
    sel = select(text, start, end)
    # Insert spaces and line breaks at random places (as another OCR line layout would).
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=12)))
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(text[last:cut])
        pieces.append(data.draw(st.sampled_from([" ", "\n", "\r\n", "\u3000", "\n\n"])))
        last = cut
    pieces.append(text[last:])
    changed = "".join(pieces)
    found = anchor(changed, sel)
    assert found is not None
    assert squeeze(changed[found.start : found.end]) == squeeze(sel.exact)


def test_annotation_made_on_text_with_spaces_survives_reflow() -> None:
    doc = from_text("第一段很长的文字，写在这里。\n\n第二段也有不少文字，需要标注。\n")
    clean = clean_text(doc).text
    start = clean.index("需要标注")
    other = clean_text(
        from_text("第一段很长的文字，\n写在这里。\n\n第二段也有不少\n文字，需要标注。\n")
    )
    found = anchor(other.text, select(clean, start, start + 4))
    assert found is not None and other.text[found.start : found.end] == "需要标注"
