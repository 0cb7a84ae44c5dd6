"""Annotation exports: Markdown, W3C Web Annotation JSON, CSV, and the marked-up page."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reader.bundled import sample_pages
from reader.core import annotations as notes
from reader.core.anchor import anchor
from reader.core.document import load
from reader.core.export import clean_text, to_markdown

DOC = load(sample_pages()[0])
CLEAN = clean_text(DOC)


def annotate(quote: str, **fields) -> notes.Annotation:
    start = CLEAN.text.index(quote)
    return notes.new_annotation(DOC, CLEAN, start, start + len(quote), **fields)


@pytest.fixture
def some() -> list[notes.Annotation]:
    return [
        annotate("科技创新和产业创新", colour="green", tags=["政策", "科技"], note="要点\n第二行"),
        annotate("各地各行业向新而行", tags=["产业"]),
        annotate("思想政治工作是统一思想", colour="blue"),
    ]


def test_new_annotation_knows_its_article_and_source_lines() -> None:
    ann = annotate("各地各行业向新而行")
    assert ann.article == "科技创新引领产业创新浪潮"
    first, last = ann.lines
    assert "各地各行业" in "".join(DOC.source_lines[first : last + 1]).replace(" ", "")


def test_json_is_a_web_annotation_collection_and_round_trips(some) -> None:
    data = json.loads(notes.to_json(some, "page"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    item = data["first"]["items"][0]
    assert item["type"] == "Annotation" and item["id"] == f"urn:uuid:{some[0].id}"
    kinds = {s["type"] for s in item["target"]["selector"]}
    assert kinds == {"TextQuoteSelector", "TextPositionSelector"}
    quote = next(s for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")
    assert quote["exact"] == "科技创新和产业创新" and len(quote["prefix"]) <= 32
    purposes = sorted(b["purpose"] for b in item["body"])
    assert purposes == ["commenting", "tagging", "tagging"]
    assert notes.from_json(notes.to_json(some)) == some


def test_csv_has_one_row_per_annotation(some) -> None:
    rows = list(csv.DictReader(io.StringIO(notes.to_csv(some))))
    assert [r["quote"] for r in rows] == [a.quote for a in some]
    assert rows[0]["tags"] == "政策; 科技" and rows[0]["note"] == "要点\n第二行"
    assert int(rows[0]["first_line"]) == some[0].lines[0] + 1


def test_markdown_groups_by_article_in_reading_order(some) -> None:
    placed = notes.place(CLEAN.text, some)
    text = notes.to_markdown_list("000", placed, DOC)
    first = text.index("## " + DOC.articles[0].label())
    later = text.index("## 科技创新引领产业创新浪潮")
    assert first < text.index("> 思想政治工作是统一思想") < later
    assert later < text.index("> 科技创新和产业创新") < text.index("> 各地各行业向新而行")
    # A note of two lines keeps them: the first ends in a hard break (a backslash), as
    # two lines with only a line break between run together in Markdown.
    assert "#政策 #科技" in text and "要点\\\n第二行" in text
    first_line = some[1].lines[0] + 1
    assert f"lines {first_line}" in text or f"line {first_line}" in text


def test_unanchored_annotations_get_their_own_section(some) -> None:
    gone = notes.Annotation(
        fingerprint=DOC.source.fingerprint,
        selector=notes.select(
            CLEAN.text + "这段文字已经不在了", len(CLEAN.text), len(CLEAN.text) + 9
        ),
        note="被删掉的段落",
    )
    placed = notes.place(CLEAN.text, [*some, gone])
    assert placed[-1].anchor is None
    text = notes.to_markdown_list("000", placed, DOC)
    tail = text[text.index("## 未能定位 · Unanchored") :]
    assert "这段文字已经不在了" in tail and "被删掉的段落" in tail


def test_page_markdown_marks_highlights_and_notes_as_footnotes(some) -> None:
    placed = notes.place(CLEAN.text, some)
    text = notes.page_markdown(DOC, placed)
    assert "==科技创新和产业创新==[^1]" in text
    assert "==各地各行业向新而行==[^2]" in text  # tags alone are worth a footnote too
    assert text.rstrip().endswith("[^1]: #政策 #科技 要点\\\n    第二行\n[^2]: #产业")
    # Without the marks it is the plain Markdown export.
    plain = text.split("\n[^1]:")[0].replace("==", "").replace("[^1]", "").replace("[^2]", "")
    assert plain.rstrip() == to_markdown(DOC).rstrip()


def test_a_highlight_across_paragraphs_is_marked_in_each(some) -> None:
    start = CLEAN.text.index("各地各行业向新而行")
    end = CLEAN.text.index("一“丝”成链酿新机") + 4
    ann = notes.new_annotation(DOC, CLEAN, start, end, note="跨段")
    text = notes.page_markdown(DOC, notes.place(CLEAN.text, [ann]))
    assert text.count("==") >= 4
    assert "## ==一“丝”==[^1]成链酿新机" in text


def test_broken_json_is_refused_with_a_reason() -> None:
    with pytest.raises(notes.ImportError_, match="not JSON"):
        notes.from_json("{oops")
    with pytest.raises(notes.ImportError_, match="selector"):
        notes.from_json(json.dumps([{"id": "x", "target": {"source": "s"}}]))


def test_anchors_of_exported_json_still_resolve(some) -> None:
    back = notes.from_json(notes.to_json(some))
    for ann in back:
        found = anchor(CLEAN.text, ann.selector)
        assert found is not None and CLEAN.text[found.start : found.end] == ann.quote


def test_a_web_annotation_of_another_tool_is_kept_as_it_came() -> None:
    """Hypothesis and other tools: an IRI for an id, a list of targets on a web page,
    the note as bodyValue. Kept whole and written back as it came, and counted as made on
    no page of this reader, rather than mangled into urn:uuid:http://… and dropping its note."""
    theirs = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {
            "items": [
                {
                    "id": "http://example.org/anno1",
                    "type": "Annotation",
                    "bodyValue": "plain note",
                    "target": [
                        {
                            "source": "http://example.org/page02.png",
                            "selector": {"type": "FragmentSelector", "value": "xywh=0,0,9,9"},
                        },
                        {
                            "source": "http://example.org/page02",
                            "selector": {"type": "TextQuoteSelector", "exact": "由无产阶级专政"},
                        },
                    ],
                }
            ]
        },
    }
    imported = notes.parse_import(json.dumps(theirs, ensure_ascii=False))
    [ann] = imported.annotations
    assert (ann.id, ann.fingerprint, ann.note, ann.quote) == (
        "http://example.org/anno1",
        "http://example.org/page02",
        "plain note",
        "由无产阶级专政",
    )
    assert imported.elsewhere == 1 and not notes.on_a_page(ann)
    item = json.loads(notes.to_json([ann]))["first"]["items"][0]
    assert item["id"] == "http://example.org/anno1"
    assert item["target"]["source"] == "http://example.org/page02"
    assert notes.parse_import(notes.to_json([ann])).annotations[0].note == "plain note"
    named = notes.parse_import(
        json.dumps({**theirs["first"]["items"][0], "id": "anno-7"}, ensure_ascii=False)
    )
    assert json.loads(notes.to_json(named.annotations))["first"]["items"][0]["id"] == "anno-7"
    for foreign in ("urn:uuid:anno-7", "urn:uuid:550e8400e29b41d4a716446655440000"):
        item = {**theirs["first"]["items"][0], "id": foreign}
        back = notes.parse_import(notes.to_json(notes.parse_import(json.dumps(item)).annotations))
        assert json.loads(notes.to_json(back.annotations))["first"]["items"][0]["id"] == foreign
    whole = {**theirs["first"]["items"][0], "target": "http://example.org/page02"}
    with pytest.raises(notes.ImportError_, match="a whole document"):
        notes.parse_import(json.dumps(whole))


def test_annotations_of_a_page_say_so(some) -> None:  # type: ignore[no-untyped-def]
    imported = notes.parse_import(notes.to_json(some))
    assert imported.elsewhere == 0 and all(notes.on_a_page(a) for a in imported.annotations)


def test_a_tag_of_several_words_is_shown_closed_and_read_back_whole() -> None:
    """#test tag would read as the tag #test and a word after it: such a tag is written
    #test tag#, and typing it so (or pasting it back) gives the same tag."""
    assert notes.tag_label("科技") == "#科技" and notes.tag_label("C#") == "#C#"
    assert notes.tag_label("test tag") == "#test tag#"
    shown = notes.tag_labels(["test tag", "C#", "政策"])
    assert shown == "#test tag# #C# #政策"
    assert notes.normalise_tags(["#test tag#", "C#", " #政策 "]) == ["test tag", "C#", "政策"]
    ann = annotate("各地各行业向新而行", tags=["test tag", "产业"])
    text = notes.to_markdown_list("000", notes.place(CLEAN.text, [ann]), DOC)
    assert "#test tag# #产业" in text


def test_a_highlight_inside_another_keeps_its_place_tags_and_note_in_every_export() -> None:
    """A highlight made inside a longer one: its note is marked where it ends, with its
    tags, in the page's Markdown and in HTML; the one around it keeps its own."""
    from reader.core import publish

    outer = annotate("各地各行业向新而行，促进创新", colour="blue", note="外层")
    inner = annotate("各地各行业", colour="green", tags=["key point"], note="内层")
    placed = notes.place(CLEAN.text, [outer, inner])
    md = notes.page_markdown(DOC, placed)
    assert "==各地各行业==[^1]==向新而行，促进创新==[^2]" in md
    assert "[^1]: #key point# 内层" in md and "[^2]: 外层" in md
    html = b"".join(
        publish.publish_stream(
            [publish.Part(DOC, annotations=[outer, inner])],
            publish.Options(format="html", annotations=True),
        )
    ).decode()
    assert '<mark class="green" title="#key point# 内层 · 外层">各地各行业</mark>' in html
    assert '<mark class="blue" title="外层">向新而行，促进创新</mark>' in html
    assert html.count('<sup><a href="#n') == 2
    assert "#key point# 内层" in html.split('<aside class="notes">')[1]


def test_a_quote_that_starts_at_a_paragraph_break_has_no_empty_quoted_lines() -> None:
    end = CLEAN.text.index("各地各行业向新而行") + 9
    start = CLEAN.text.rindex("\n", 0, end - 9) - 1  # from the paragraph break before it
    ann = notes.new_annotation(DOC, CLEAN, start, end)
    assert ann.quote.startswith(CLEAN.text[start]) and "\n" in ann.quote
    text = notes.to_markdown_list("000", notes.place(CLEAN.text, [ann]), DOC)
    quoted = [line for line in text.splitlines() if line.startswith(">")]
    assert quoted and quoted[0] != ">" and quoted[-1] != ">"


def test_highlights_that_touch_or_nest_without_notes_stay_one_marked_run() -> None:
    """Two ==runs== side by side read as ====, which pairs no marks: runs with no note
    between them are one; and highlights of one span export (they could not be sorted)."""
    from reader.core import publish

    cases = [
        [annotate("各地各行业向新而行，促进创新", note="外层"), annotate("行业向新")],
        [annotate("各地各行业"), annotate("向新而行")],
    ]
    for anns in cases:
        md = notes.page_markdown(DOC, notes.place(CLEAN.text, anns))
        assert "====" not in md and md.count("==") == 2
    same = [annotate("各地各行业", note="甲"), annotate("各地各行业", colour="blue", note="乙")]
    md = notes.page_markdown(DOC, notes.place(CLEAN.text, same))
    assert "==各地各行业==[^1][^2]" in md
    html = b"".join(
        publish.publish_stream(
            [publish.Part(DOC, annotations=same)], publish.Options(format="html", annotations=True)
        )
    ).decode()
    assert 'title="甲 · 乙">各地各行业</mark>' in html and html.count('<sup><a href="#n') == 2


def test_a_tag_that_ends_in_a_mark_of_its_own_keeps_it() -> None:
    """Only #several words#, as tags are shown, loses its closing mark: learn C# and
    F# C# are tags ending in #, kept, and shown closed with one mark more."""
    assert notes.normalise_tags(["learn C#", "F# C#", "#learn C##"]) == ["learn C#", "F# C#"]
    assert notes.tag_label("learn C#") == "#learn C##"
    assert notes.normalise_tags([notes.tag_label("learn C#")]) == ["learn C#"]
