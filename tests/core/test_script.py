"""Pages printed in traditional characters: read by the same rules, shown as printed."""

from __future__ import annotations

import functools

import opencc
import pytest

from reader.core import script
from reader.core.decode import decode_bytes
from reader.core.document import from_bytes
from reader.core.model import Document
from tests.evaluation import SEEDS, load_gold, seed_names
from tests.relayout import layouts, render

NAMES = seed_names()


@functools.cache
def to_traditional(text: str) -> str:
    return opencc.OpenCC("s2t").convert(text)


def structure(doc: Document) -> list[list[tuple[str, int]]]:
    """Each article's blocks as (kind, length): what the engine decided, not the characters."""
    return [[(b.kind, len(b.text)) for b in art.all_blocks()] for art in doc.articles]


def blocks(doc: Document) -> list[str]:
    return [b.text for art in doc.articles for b in art.all_blocks()]


def squeezed(text: str) -> str:
    return "".join(text.split())


def pages() -> list[tuple[str, bytes]]:
    """The sample pages as given and re-typeset at other widths and habits."""
    out = [(name, (SEEDS / f"{name}.txt").read_bytes()) for name in NAMES]
    for name in NAMES:
        out += [(f"{name}/{k}", render(load_gold(name), lay)) for k, lay in enumerate(layouts(3))]
    return out


@pytest.mark.parametrize(("name", "data"), pages(), ids=[n for n, _ in pages()])
def test_a_page_in_traditional_characters_reads_as_its_simplified_twin(
    name: str, data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    simplified = decode_bytes(data).text  # (a relayout may be in a legacy encoding)
    traditional = to_traditional(simplified)
    assert traditional != simplified
    twin, page = from_bytes(simplified.encode()), from_bytes(traditional.encode())
    # The same articles, blocks and kinds, and the outline at the same places.
    assert structure(page) == structure(twin)
    assert [[(o.level, o.block) for o in a.outline] for a in page.articles] == [
        [(o.level, o.block) for o in a.outline] for a in twin.articles
    ]
    # Every block as printed: its characters are the page's, in traditional characters.
    printed = squeezed(traditional)
    assert all(squeezed(text) in printed for text in blocks(page))
    assert all(
        squeezed(o.text) in printed and page.articles[a].blocks[o.block].text.startswith(o.text)
        for a, art in enumerate(page.articles)
        for o in art.outline
    )
    # Annotations are kept against the text as printed: the page is the same page it was
    # before it was read through simplified characters.
    monkeypatch.setattr(script, "simplified", lambda lines: None)
    assert page.source.fingerprint == from_bytes(traditional.encode()).source.fingerprint


def test_traditional_datelines_and_bylines_are_told_apart() -> None:
    page = from_bytes(
        "新華社北京3月12日電\n本報記者 李四\n"
        "國務院總理今天在人民大會堂會見了來訪的外國客人，雙方就兩國關係進行了\n"
        "深入交流。\n".encode()
    )
    assert [(b.kind, b.text) for a in page.articles for b in a.all_blocks()] == [
        ("dateline", "新華社北京3月12日電"),
        ("byline", "本報記者 李四"),
        (
            "paragraph",
            "國務院總理今天在人民大會堂會見了來訪的外國客人，雙方就兩國關係進行了深入交流。",
        ),
    ]


def test_a_page_in_simplified_characters_is_not_converted() -> None:
    for name in NAMES:
        lines = (SEEDS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        assert script.simplified(lines) is None
    assert script.simplified(["國務院", "国务院"]) == ["国务院", "国务院"]


def test_a_dateline_split_off_a_line_keeps_its_printed_characters() -> None:
    """A line that ends in a dateline is two blocks; each takes its own characters."""
    page = from_bytes(
        "會見後，雙方簽署了合作文件，新聞發布會在會後舉行。新華社北京3月12日電\n".encode()
    )
    texts = blocks(page)
    assert texts[-1] == "新華社北京3月12日電"
    printed = "會見後，雙方簽署了合作文件，新聞發布會在會後舉行。新華社北京3月12日電"
    assert squeezed("".join(texts)) == printed


def test_fold_puts_each_character_in_simplified_form_and_keeps_lengths() -> None:
    text = "國務院總理 国务院 乾隆 二噁英 COVID-19 ①"
    folded = script.fold(text)
    assert folded == "国务院总理 国务院 干隆 二恶英 COVID-19 ①"
    assert len(folded) == len(text)
    assert script.fold("国务院") == "国务院"  # simplified text is left alone


def test_fold_leaves_alone_a_character_t2s_would_make_longer(monkeypatch) -> None:
    """No character of the installed dictionaries changes length, but a later dictionary
    might: such a character is kept as printed, so offsets still hold."""

    class Widening:
        def convert(self, text: str) -> str:
            return text.replace("國", "国").replace("務", "务务")

    script._one_for_one.cache_clear()
    monkeypatch.setattr(script, "_converter", Widening)
    try:
        assert script.fold("國務院") == "国務院"
    finally:
        script._one_for_one.cache_clear()


def test_either_finds_a_text_in_both_scripts_as_folding_both_sides_would() -> None:
    import re

    page = "國務院總理主持召開国务院常務會議，國务院 乾隆年間 国是"
    for query in ("国务院", "國務院", "国務院", "乾隆年间", "干隆"):
        found = [m.span() for m in re.finditer(script.either(query), page)]
        folded = script.fold(page)
        expected = [m.span() for m in re.finditer(re.escape(script.fold(query)), folded)]
        assert found == expected and found, query
        assert all(e - s == len(query) for s, e in found)
    assert [m.group() for m in re.finditer(script.either("国务院"), page)] == [
        "國務院",
        "国务院",
        "國务院",
    ]
    assert script.either("a.b") == re.escape("a.b")  # nothing else changes
