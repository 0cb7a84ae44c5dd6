"""Re-anchoring annotations after the text changed."""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.bundled import sample_pages
from reader.core.anchor import THRESHOLDS, anchor, select
from reader.core.annotations import Annotation, new_annotation, place
from reader.core.document import from_bytes, from_text, load
from reader.core.export import ARTICLE_RULE, clean_text
from reader.core.model import Block, Document
from tests.anchoring import QUICK, VARIANTS, Tally, measure
from tests.evaluation import load_gold
from tests.relayout import Layout, render

DOC = load(sample_pages()[0])
CLEAN = clean_text(DOC)
TEXT = CLEAN.text
WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return WS.sub("", text)


def occurrences(text: str, part: str) -> int:
    """Places where `part` occurs in `text`, overlapping ones included."""
    return sum(1 for k in range(len(text)) if text.startswith(part, k))


def test_unchanged_text_anchors_by_position() -> None:
    start = TEXT.index("新质生产力")
    sel = select(TEXT, start, start + 12)
    found = anchor(TEXT, sel)
    assert found is not None and found.method == "position"
    assert (found.start, found.end) == (start, start + 12)


def test_a_quote_stays_when_its_paragraph_is_split_after_it_and_the_rest_moved() -> None:
    """Making the rest of a paragraph its article's title: the text after the quote now
    ends its paragraph, where the stored context went on. The quote, whole, with its
    context agreeing up to the new break, is still the quote, at either end."""
    first = (
        "部分国企缺乏专业的思想政治工作队伍，现有的人员素质参差不齐，"
        "难以适应新时代思想政治工作的要求。"
    )
    rest = "一些企业的思想政治工作者年龄偏大、学历水平偏低，缺乏必要的专业知识和技能。"
    top = "部分国企思想政治工作者缺乏深入基层开展调查研究的意识。\n\n（四）工作队伍建设滞后"
    end = "三、以思想政治工作赋能国企高质量发展的路径"
    text = f"{top}\n\n{first}{rest}\n\n{end}\n"
    moved = f"{rest}\n\n{top}\n\n{first}\n\n{end}\n"
    for quote in (
        "现有的人员素质参差不齐",
        "难以适应新时代思想政治工作的要求。",
        "一些企业的思想政治工作者",
    ):
        start = text.index(quote)
        sel = select(text, start, start + len(quote))
        found = anchor(moved, sel)
        assert found is not None, quote
        assert moved[found.start : found.end] == quote
    # Not a look-alike elsewhere: the same words in another paragraph, context unlike.
    start = text.index("难以适应新时代思想政治工作的要求。")
    sel = select(text, start, start + 17)
    other = "另有一段，说的是别的事情：难以适应新时代思想政治工作的要求。\n\n别的段落。\n"
    assert anchor(other, sel) is None


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
    if found is None:
        # Refused only where the quote recurs and its context may not tell the places apart.
        assert occurrences(squeeze(changed), squeeze(sel.exact)) > 1
    else:
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


# -- the page changed around its annotations -------------------------------------------------


def block(doc: Document, key: tuple[int, int]) -> Block:
    return doc.articles[key[0]].all_blocks()[key[1]]


def paragraphs(least: int, most: int = 10_000) -> list[tuple[int, int]]:
    """Body paragraphs of the sample page between `least` and `most` characters long, with
    another block before and after them in their article."""
    keys = list(CLEAN.starts)
    return [
        key
        for n, key in enumerate(keys[1:-1], 1)
        if block(DOC, key).kind == "paragraph"
        and least <= len(block(DOC, key).text) <= most
        and keys[n - 1][0] == key[0] == keys[n + 1][0]
    ]


def span_of(key: tuple[int, int]) -> tuple[int, int]:
    start = CLEAN.starts[key]
    return start, start + len(block(DOC, key).text)


def spans_in(
    lo: int, hi: int, sizes: tuple[int, int], count: int, seed: int
) -> list[tuple[int, int]]:
    """Seeded spans of TEXT inside [lo, hi)."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        size = rng.randint(*sizes)
        start = rng.randrange(lo, hi - size + 1)
        out.append((start, start + size))
    return out


def annotate(spans: list[tuple[int, int]]) -> list[Annotation]:
    return [new_annotation(DOC, CLEAN, start, end) for start, end in spans]


def without(key: tuple[int, int], hide: bool = False) -> str:
    """The page's clean text with one block deleted, or marked as page furniture."""
    doc = copy.deepcopy(DOC)
    art = doc.articles[key[0]]
    if hide:
        block(doc, key).kind = "noise"
    elif key[1] < len(art.head):
        del art.head[key[1]]
    else:
        del art.blocks[key[1] - len(art.head)]
    return clean_text(doc).text


def test_same_characters_at_the_old_offset_in_another_context_are_not_taken() -> None:
    # Short quotes of one page, and another page that has the same characters at the old
    # offset: the position step alone would draw them there.
    other = clean_text(load(sample_pages()[1])).text
    spans = spans_in(0, min(len(TEXT), len(other)) - 10, (2, 4), 40, seed=1)
    for ann, (start, end) in zip(annotate(spans), spans, strict=True):
        if not ann.quote.strip():
            continue
        changed = other[:start] + ann.quote + other[end:]
        assert changed[start:end] == ann.quote
        assert anchor(changed, ann.selector) is None, ann.quote


def test_short_quotes_of_a_deleted_paragraph_do_not_reattach_elsewhere() -> None:
    def recurring(key: tuple[int, int]) -> int:
        lo, hi = span_of(key)
        return sum(TEXT.count(TEXT[s:e]) > 1 for s, e in spans_in(lo, hi, (2, 4), 60, seed=2))

    # The paragraph whose short quotes most often occur elsewhere on the page too.
    key = max(paragraphs(100), key=recurring)
    lo, hi = span_of(key)
    annotations = annotate(spans_in(lo, hi, (2, 4), 60, seed=2))
    changed = without(key)
    assert block(DOC, key).text not in changed
    # Most of them are still on the page, where taking any occurrence would put them.
    assert sum(ann.quote in changed for ann in annotations) >= len(annotations) // 2
    assert [p.annotation.quote for p in place(changed, annotations) if p.anchor] == []


def test_highlights_of_a_paragraph_marked_as_furniture_go_with_it() -> None:
    key = paragraphs(120)[0]
    lo, hi = span_of(key)
    inside = annotate(spans_in(lo, hi, (2, 4), 25, seed=3) + spans_in(lo, hi, (5, 80), 25, seed=4))
    changed = without(key, hide=True)
    assert block(DOC, key).text not in changed
    assert sum(ann.quote in changed for ann in inside) >= 10  # look-alikes elsewhere
    assert [p.annotation.quote for p in place(changed, inside) if p.anchor] == []
    # The paragraphs before and after it keep their highlights, even right at the edge.
    keys = list(CLEAN.starts)
    for near in (keys[keys.index(key) - 1], keys[keys.index(key) + 1]):
        a, b = span_of(near)
        spans = [(b - 3, b), (a, a + 2), *spans_in(a, b, (2, 4), 10, seed=5)]
        moved = changed.index(block(DOC, near).text) - a
        for p, (start, end) in zip(place(changed, annotate(spans)), spans, strict=True):
            assert p.anchor is not None, p.annotation.quote
            assert (p.anchor.start, p.anchor.end) == (start + moved, end + moved)


def test_repeated_quote_whose_context_cannot_tell_the_places_apart_is_refused() -> None:
    # An edited copy prints a paragraph twice and adds a line on top, so nothing is where
    # it was: a quote in the middle of that paragraph has two places with the same context.
    key = paragraphs(120)[0]
    lo, hi = span_of(key)
    changed = "编者按：本文有删改。\n\n" + TEXT[:hi] + "\n\n" + TEXT[lo:]
    for ann in annotate([(lo + 50, lo + 53), (lo + 50, lo + 70)]):
        assert anchor(changed, ann.selector) is None, ann.quote


def test_unique_quotes_survive_both_neighbours_deleted() -> None:
    # A whole short paragraph whose neighbours were both deleted: its context changed on
    # both sides, but it occurs once. A 2-character quote within it has its context there.
    key = paragraphs(40, 80)[0]
    keys = list(CLEAN.starts)
    before, after = keys[keys.index(key) - 1], keys[keys.index(key) + 1]
    lo, hi = span_of(key)
    doc = copy.deepcopy(DOC)
    art = doc.articles[key[0]]
    for k in sorted((before[1], after[1]), reverse=True):
        if k < len(art.head):
            del art.head[k]
        else:
            del art.blocks[k - len(art.head)]
    changed = clean_text(doc).text
    whole, short = annotate([(lo, hi), (lo + 20, lo + 22)])
    assert changed.count(whole.quote) == 1
    moved = changed.index(whole.quote) - lo
    for ann, (start, end) in ((whole, (lo, hi)), (short, (lo + 20, lo + 22))):
        found = anchor(changed, ann.selector)
        assert found is not None, ann.quote
        assert (found.start, found.end) == (start + moved, end + moved)
        assert THRESHOLDS.min_confidence <= found.confidence <= 1


def test_articles_in_another_order_keep_their_highlights() -> None:
    doc = copy.deepcopy(DOC)
    doc.articles.reverse()
    changed = clean_text(doc).text
    rule = f"\n\n{ARTICLE_RULE}\n\n"
    articles = TEXT.rstrip("\n").split(rule)
    starts = [TEXT.index(article) for article in articles]
    end = len(TEXT) - 80
    spans = spans_in(0, end, (2, 4), 40, seed=6) + spans_in(0, end, (5, 80), 40, seed=7)
    for p, (start, stop) in zip(place(changed, annotate(spans)), spans, strict=True):
        quote = p.annotation.quote
        home = [
            (at, article)
            for at, article in zip(starts, articles, strict=True)
            if at <= start and stop <= at + len(article)
        ]
        if not home:  # it ran on into the next article, which is no longer next
            assert p.anchor is None or squeeze(changed[p.anchor.start : p.anchor.end]) in squeeze(
                quote
            )
            continue
        at, article = home[0]
        moved = changed.index(article) - at
        assert p.anchor is not None, quote
        assert (p.anchor.start, p.anchor.end) == (start + moved, stop + moved), quote


def test_unchanged_page_anchors_with_full_confidence() -> None:
    spans = spans_in(0, len(TEXT), (2, 80), 50, seed=8)
    for p, (start, end) in zip(place(TEXT, annotate(spans)), spans, strict=True):
        assert p.anchor is not None and p.anchor[:3] == (start, end, "position")
        assert p.anchor.confidence == 1.0


# Short quotes in the moved rest of a split paragraph lose the context on both sides, and
# are listed rather than placed on their own. Quotes next to rewritten words lose the
# context on that side, and those that hold some of them are a quarter rewritten or
# more: about one in ten is listed (none drawn wrong).
FLOORS = {"paragraph split, rest moved": 0.97, "words rewritten": 0.85}


def test_measurement_on_a_reduced_set_places_nothing_wrong() -> None:
    tallies = measure(QUICK)
    for variant in VARIANTS:
        tally = tallies[(variant, "short")] + tallies[(variant, "long")]
        assert tally.total > 0, variant
        assert tally.wrong == 0, (variant, tally)
        assert tally.right >= FLOORS.get(variant, 0.99) * tally.exist, (variant, tally)
    assert sum(tallies.values(), Tally()).exist > 0


def test_a_quote_whose_sentence_was_edited_a_few_words_away_stays_put() -> None:
    """思想政治工作是统一思想 rewritten as 思想教育工作是整合意志, ten characters before
    员工来自不同的背景 in the same paragraph: the quote is whole, unique, and its twelve
    characters of context on that side and all on the other agree. It was listed as
    unanchored, the edited paragraph's context being taken for a lost start."""
    seed = sample_pages()[0].read_bytes()
    before = clean_text(from_bytes(seed)).text
    after = clean_text(
        from_bytes(
            seed.decode().replace("思想政治工作是统一思想、", "思想教育工作是整合意志、").encode()
        )
    ).text
    quote = "员工来自不同的背景"
    start = before.index(quote)
    found = anchor(after, select(before, start, start + len(quote)))
    assert found is not None
    assert after[found.start : found.end] == quote and found.start == after.index(quote)


# A sentence a page prints twice, with the same words after it but others before.
_P0 = "这是放在最前面的一段话，用来让前文足够长，超过三十二个字符，免得碰到全文的开头。"
_P1 = (
    "第一段开头说了很多别的事情，然后是这一句话：经济社会发展取得新的重大成就，各项事业全面"
    "进步，人民生活水平不断提高。之后还有第一段的其它内容写在这里。"
)
_P2 = "第二段是完全不同的内容，讲的是天气和交通，没有任何重复的地方，只是用来把两段隔开而已。"
_P3 = (
    "第三段的开头是另一种说法，总之经济社会发展取得新的重大成就，各项事业全面进步，人民生活"
    "水平不断提高。第三段后面的话也和第一段不一样。"
)
_QUOTE = "经济社会发展取得新的重大成就"


@pytest.mark.parametrize(
    ("case", "after", "placed"),
    [
        # Written in right before it: the quote stays where it was.
        ("inserted before", [_P0, _P1.replace("话：", "话：XYZ"), _P2, _P3], "话：XYZ"),
        # Its paragraph deleted: the copy further down is not its text.
        ("paragraph deleted", [_P0, _P2, _P3], None),
        # Written in before it and a word of it corrected: not the copy either.
        (
            "inserted and edited",
            [_P0, _P1.replace("话：", "话：XYZ").replace("重大", "重要"), _P2, _P3],
            None,
        ),
    ],
)
def test_text_written_in_next_to_a_quote_keeps_it_and_never_moves_it_to_a_copy(
    case: str, after: list[str], placed: str | None
) -> None:
    before = "\n".join([_P0, _P1, _P2, _P3])
    start = before.index(_QUOTE)
    sel = select(before, start, start + len(_QUOTE))
    text = "\n".join(after)
    found = anchor(text, sel)
    if placed is None:
        assert found is None, case
    else:
        assert found is not None and text[found.start : found.end] == _QUOTE
        assert text[found.start - len(placed) : found.start] == placed


KNOWN = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "anchoring_known_failures.json").read_text(
        encoding="utf-8"
    )
)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["why"]))
        for c in KNOWN["cases"]
    ],
    ids=[f"{c['page']}-{n}" for n, c in enumerate(KNOWN["cases"])],
)
def test_known_failure(case: dict) -> None:
    """Placements the anchoring still gets wrong, kept as data (see the file's `about`)."""
    found = anchor(case["new"], select(case["old"], case["start"], case["end"]))
    if case["right"] is None:
        assert found is None
    else:
        assert found is not None and [found.start, found.end] == case["right"]
