"""Every kind of block is handled everywhere: clean text, Markdown, HTML, export options,
corrections and JSON. Each check renders a page holding one block of every kind and looks
at the output, so a kind added to the table without its rendering fails here."""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from dataclasses import fields, replace

import opencc
import pytest

from reader.core import edits as E
from reader.core import script
from reader.core.document import split_source_lines
from reader.core.export import INDENT, clean_text, to_dict, to_markdown
from reader.core.kinds import CORRECTABLE, DOCUMENT_KINDS, HEAD_ORDER, ROLES, SPECS, BlockKind
from reader.core.lines import content_lines
from reader.core.model import Article, Block, Document, OutlineEntry, SourceInfo
from reader.core.publish import CSS, Options, Part, publish
from reader.core.reflow import reflow
from reader.core.segment import build_articles
from tests.evaluation import load_gold, seed_names
from tests.relayout import layouts, render

BODY_KINDS = [k for k in DOCUMENT_KINDS if k not in HEAD_ORDER]


def text_of(kind: BlockKind) -> str:
    """A distinct text for the block of `kind` (no character Markdown would escape)."""
    return f"这是{kind.value}的一段文字"


def page() -> Document:
    """One article with a block of every kind: its headline group, then its body (after an
    opening paragraph, so that each body kind can be given the title's role)."""
    head = [Block(k, text_of(k), n, n) for n, k in enumerate(HEAD_ORDER)]
    first = len(head)
    body = [Block(BlockKind.PARAGRAPH, "开头的一段正文，说明这篇文章。", first, first)]
    outline = []
    for k in BODY_KINDS:
        line = first + len(body)
        depth = 1 if SPECS[k].outlined else None
        body.append(Block(k, text_of(k), line, line, depth=depth))
        if depth:
            outline.append(OutlineEntry(depth, text_of(k), len(body) - 1))
    lines = [b.text for b in [*head, *body]]
    source = SourceInfo("kinds.txt", "0" * 64, "utf-8", len(lines), fingerprint="f" * 64)
    return Document(source, [Article(head, body, outline)], lines)


def test_the_table_covers_every_kind_and_keeps_the_stored_strings() -> None:
    assert set(SPECS) == set(BlockKind)
    # The strings documents, JSON and stored corrections have always used.
    legacy = {"paragraph", "heading", "question", "end", "dateline", "jump", "noise"}
    legacy |= {"kicker", "title", "subtitle", "byline"}
    assert legacy <= {k.value for k in DOCUMENT_KINDS}
    data = to_dict(page())
    written = [b["kind"] for b in data["articles"][0]["head"] + data["articles"][0]["blocks"]]
    assert set(written) >= {k.value for k in DOCUMENT_KINDS}
    assert json.loads(json.dumps(data))["articles"][0]["blocks"][1]["kind"] == BODY_KINDS[0].value


@pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=str)
def test_clean_text(kind: BlockKind) -> None:
    doc = page()
    text = clean_text(doc).text
    assert (text_of(kind) in text) == SPECS[kind].clean
    indented = clean_text(doc, indent=True).text
    if SPECS[kind].clean:
        assert (INDENT + text_of(kind) in indented) == SPECS[kind].indented


# What each Markdown rendering looks like, as a line of the output.
MD_LINES = {
    "text": "{}",
    "title": "# {}",
    "heading": "## {}",
    "bold": "**{}**",
    "italic": "*{}*",
    "quote": "> {}",
}


@pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=str)
def test_markdown(kind: BlockKind) -> None:
    spec = SPECS[kind]
    assert spec.markdown in MD_LINES, f"{kind}: no Markdown rendering for {spec.markdown!r}"
    line = MD_LINES[spec.markdown].format(text_of(kind))
    assert line in to_markdown(page(), furniture=True).splitlines()
    assert (line in to_markdown(page()).splitlines()) == spec.clean


@pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=str)
def test_html_renders_and_styles_it(kind: BlockKind) -> None:
    spec = SPECS[kind]
    out = publish([Part(page())], Options(format="html", furniture=True)).decode()
    text = re.escape(text_of(kind))
    if spec.html == "h1":
        assert re.search(rf'<h1 id="[^"]+">{text}</h1>', out)
    elif spec.html == "h":
        assert re.search(rf'<h2 id="[^"]+">{text}</h2>', out)
    elif spec.html_class:
        assert re.search(rf'<p( id="[^"]+")? class="{spec.html_class}">{text}</p>', out)
        assert re.search(rf"p\.{spec.html_class}\b[^{{]*\{{", CSS), f"no CSS for {kind}"
    else:
        assert re.search(rf"<p>{text}</p>", out)


def test_every_option_of_a_kind_is_an_export_option() -> None:
    names = {f.name for f in fields(Options)}
    for kind in DOCUMENT_KINDS:
        assert SPECS[kind].option is None or SPECS[kind].option in names, kind


@pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=str)
@pytest.mark.parametrize("fmt", ["txt", "txt-indent", "md", "html", "epub", "json"])
def test_export_options(kind: BlockKind, fmt: str) -> None:
    fmt, _, paragraphs = fmt.partition("-")
    base = Options(format=fmt, paragraphs=paragraphs or "blank", furniture=True)

    def exported(options: Options) -> str:
        data = publish([Part(page())], options)
        if fmt != "epub":
            return data.decode()
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return "".join(book.read(n).decode() for n in book.namelist() if n.endswith("html"))

    # Every kind is shown when furniture is asked for, in plain text too (annotations
    # are placed on the clean text without it, and plain text carries none).
    shown = set(DOCUMENT_KINDS)
    kept = exported(base)
    assert {k for k in DOCUMENT_KINDS if text_of(k) in kept} == shown
    option = SPECS[kind].option
    if option is None:
        return
    left_out = exported(replace(base, **{option: False}))
    # The kinds the option covers are left out, and only they.
    covered = {k for k in DOCUMENT_KINDS if SPECS[k].option == option}
    assert kind in covered
    assert {k for k in DOCUMENT_KINDS if text_of(k) in left_out} == shown - covered


@pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=str)
def test_corrections(kind: BlockKind) -> None:
    doc = page()
    art = doc.articles[0]
    opening = len(art.head)  # the opening paragraph: neither kind nor role it has yet
    spec = SPECS[kind]
    if spec.correction == "kind":
        edit = E.make(doc, "kind", 0, opening, kind=kind.value, level=spec.levels or None)
        out = E.apply(doc, [edit])
        assert not out.failed
        block = out.doc.articles[0].blocks[0]
        assert (block.kind, block.text) == (kind, "开头的一段正文，说明这篇文章。")
        assert (block.depth is not None) == spec.outlined
    elif spec.correction == "role":
        out = E.apply(doc, [E.make(doc, "role", 0, opening, role=kind.value)])
        assert not out.failed
        moved = [b for b in out.doc.articles[0].head if b.text.startswith("开头")]
        assert [b.kind for b in moved] == [kind]
    else:
        with pytest.raises(ValueError):
            E.check_value("kind", {"kind": kind.value}, E.block_selector(doc, 0, opening))
        with pytest.raises(ValueError):
            E.check_value("role", {"role": kind.value}, E.block_selector(doc, 0, opening))
    assert (kind in CORRECTABLE) == (spec.correction == "kind")
    assert (kind in ROLES) == (spec.correction == "role")


@pytest.mark.parametrize("name", ["features", "briefs", *seed_names()])
def test_later_stages_leave_what_earlier_ones_returned_as_it_was(name: str) -> None:
    """Segmentation names headline parts, subheads and signatories, and gives headings their
    depth; the traditional-character pass gives blocks their printed text: each returns new
    blocks, so reflow's blocks (and segmentation's articles) stay as they were returned."""
    text = render(load_gold(name), layouts(1)[0]).decode("utf-8", "replace")
    simplified = split_source_lines(text)
    blocks, _decisions, _reading = reflow(content_lines(simplified))
    before = copy.deepcopy(blocks)
    articles = build_articles(blocks)
    assert blocks == before
    kinds = {b.kind for a in articles for b in a.all_blocks()}
    assert BlockKind.STANDALONE not in kinds and kinds & {BlockKind.TITLE, BlockKind.HEADING}
    # Depths were given, on copies.
    assert all(b.depth for a in articles for b in a.blocks if SPECS[b.kind].outlined)
    assert not any(b.depth for b in blocks)
    s2t = opencc.OpenCC("s2t")
    printed = [s2t.convert(line) for line in simplified]
    segmented = copy.deepcopy(articles)
    restored = script.restore(articles, simplified, printed)
    assert articles == segmented
    assert [b.text for a in restored for b in a.all_blocks()] != [
        b.text for a in articles for b in a.all_blocks()
    ]


def test_a_headlines_decks_are_lines_of_their_own_and_its_title_one_heading() -> None:
    """A headline of several decks (a kicker of two lines, a title set in two lines, three
    subtitles, as the 1903 pages print them): in Markdown each deck of the kicker and the
    subtitle is a line of its own, the title one heading; in HTML the article's anchor is
    given once."""
    kinds = [BlockKind.KICKER, BlockKind.KICKER, BlockKind.TITLE, BlockKind.TITLE]
    kinds += [BlockKind.SUBTITLE] * 3
    texts = ["RIOTOUS STUDENTS.", "POLICE CALLED OUT", "THE CITY", "COUNCIL MEETS"]
    texts += ["Will Lay Off 150 Cars.", "Saturday fair.", "A Long Debate."]
    head = [Block(k, t, n, n) for n, (k, t) in enumerate(zip(kinds, texts, strict=True))]
    body = [Block(BlockKind.PARAGRAPH, "The council met on Monday.", 7, 7)]
    lines = [b.text for b in [*head, *body]]
    source = SourceInfo("decks.txt", "0" * 64, "utf-8", len(lines), fingerprint="f" * 64)
    doc = Document(source, [Article(head, body, [])], lines)
    markdown = publish([Part(doc)], Options(format="md")).decode()
    assert markdown == (
        "**RIOTOUS STUDENTS.**\n\n**POLICE CALLED OUT**\n\n# THE CITY COUNCIL MEETS\n\n"
        "**Will Lay Off 150 Cars.**\n\n**Saturday fair.**\n\n**A Long Debate.**\n\n"
        "The council met on Monday.\n"
    )
    html = publish([Part(doc)], Options(format="html")).decode()
    assert html.count("<h1") == 2
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("furniture", [False, True])
def test_the_clean_text_holds_the_length_of_each_of_its_blocks(furniture: bool) -> None:
    """Each block's length in the clean text's order, page furniture in or left out:
    the text between a block's start and the next one's is that block and its breaks."""
    from reader.bundled import sample_pages
    from reader.core.document import load

    for page in sample_pages():
        doc = load(page)
        clean = clean_text(doc, furniture=furniture)
        lengths = clean.lengths
        assert len(lengths) == len(clean.starts) > 20
        for (ai, k), length in zip(clean.starts, lengths, strict=True):
            start = clean.starts[(ai, k)]
            assert clean.text[start : start + length] == doc.articles[ai].all_blocks()[k].text


def test_block_starts_are_a_mapping_of_each_block_to_its_offset() -> None:
    """The clean text's block starts, held as arrays, answer as the dict they replace:
    lookups, membership, iteration in reading order, items, values and equality; a key
    of another shape is no key; blocks go in only in reading order."""
    from reader.bundled import sample_pages
    from reader.core.document import load
    from reader.core.export import BlockStarts

    clean = clean_text(load(sample_pages()[0]))
    starts = clean.starts
    as_dict = {key: clean.starts[key] for key in starts}
    assert len(as_dict) == len(starts) > 20
    assert list(starts.items()) == list(as_dict.items())
    assert list(starts.values()) == list(as_dict.values()) == list(starts.offsets())
    assert all(key in starts and starts.get(key) == at for key, at in as_dict.items())
    assert starts == as_dict and dict(starts) == as_dict
    last = max(as_dict)
    for missing in [(last[0] + 1, 0), (0, 10_000), (-1, 0), (0, -1), (0,), ("0", 0), None]:
        assert missing not in starts and starts.get(missing) is None  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        starts[(last[0] + 1, 0)]
    made = BlockStarts()
    made.add((0, 1), 0)
    made.add((2, 0), 10)
    with pytest.raises(ValueError):
        made.add((1, 5), 20)
    assert list(made) == [(0, 1), (2, 0)] and made[(2, 0)] == 10
    # Where a passage falls: the blocks it touches.
    keys = list(as_dict)
    assert clean.covering(as_dict[keys[3]] + 1, as_dict[keys[5]] + 1) == keys[3:6]
