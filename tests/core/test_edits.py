"""Corrections by hand: each edit, replay over a changed engine, and page 004's title."""

from __future__ import annotations

import copy

import pytest

from reader.bundled import sample_pages
from reader.core import edits as E
from reader.core.document import load
from reader.core.export import clean_text, to_markdown
from reader.core.model import Block
from reader.core.suggest import suggest_titles

PAGE = load(sample_pages()[0])
P004 = load(sample_pages()[1])


def body_key(doc, ai: int, bi: int) -> int:  # type: ignore[no-untyped-def]
    return len(doc.articles[ai].head) + bi


def texts(doc, ai: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in doc.articles[ai].blocks]


def test_join_and_split() -> None:
    a, b = PAGE.articles[1].blocks[0].text, PAGE.articles[1].blocks[1].text
    joined = E.apply(PAGE, [E.make(PAGE, "join", 1, body_key(PAGE, 1, 0))])
    assert texts(joined.doc, 1)[0] == a + b
    assert len(joined.doc.articles[1].blocks) == len(PAGE.articles[1].blocks) - 1
    split = E.apply(PAGE, [E.make(PAGE, "split", 1, body_key(PAGE, 1, 1), offset=6)])
    assert texts(split.doc, 1)[1:3] == [b[:6], b[6:]]
    assert PAGE.articles[1].blocks[1].text == b  # the automatic page is never touched


def test_a_kicker_joined_with_its_title_is_the_articles_title() -> None:
    """Page 05 read a two-line headline as a kicker over a title; joining the kicker with
    the title left one grey kicker and an untitled article, named by its first paragraph
    in the outline. The joined block is the title."""
    from reader.core.document import from_text

    doc = from_text(
        "深化放管服改革\n让群众办事更便捷\n本报记者 张三\n近日，本市启动了改革，"
        "群众办事更加便捷。\n"
    )
    art = doc.articles[0]
    assert [b.kind for b in art.head][:2] == ["kicker", "title"]
    joined = E.apply(doc, [E.make(doc, "join", 0, 0)]).doc.articles[0]
    assert joined.title == "深化放管服改革让群众办事更便捷"
    assert joined.head[0].kind == "title"
    assert not any(b.kind == "kicker" for b in joined.head)


def test_a_split_block_keeps_its_source_lines() -> None:
    """Each part of a split block names the source lines it came from, the line split
    between them in both, so an annotation on the second part names the line its text
    is on (as it did before the split), not lines counted from the first part's start;
    joining the parts again gives the block's lines back."""
    from reader.core.annotations import locate

    ai, bi = next(
        (ai, bi)
        for ai, art in enumerate(PAGE.articles)
        for bi, b in enumerate(art.blocks)
        if b.last - b.first >= 4
    )
    block = PAGE.articles[ai].blocks[bi]
    at = len(block.text) // 2
    split = E.apply(PAGE, [E.make(PAGE, "split", ai, body_key(PAGE, ai, bi), offset=at)]).doc
    head, rest = split.articles[ai].blocks[bi : bi + 2]
    assert head.first == block.first and rest.last == block.last
    assert block.first < rest.first == head.last < block.last
    before, after = clean_text(PAGE), clean_text(split)
    for k in range(at, len(block.text)):
        if block.text[k].isspace():
            continue
        where = before.starts[(ai, len(PAGE.articles[ai].head) + bi)] + k
        now = after.starts[(ai, len(split.articles[ai].head) + bi + 1)] + k - at
        assert after.text[now] == before.text[where]
        assert locate(split, after, now, now + 1)[1] == locate(PAGE, before, where, where + 1)[1]
    rejoined = E.apply(split, [E.make(split, "join", ai, body_key(split, ai, bi))]).doc
    again = rejoined.articles[ai].blocks[bi]
    assert (again.first, again.last, again.skip, again.spare) == (block.first, block.last, 0, 0)


def test_a_split_after_a_mended_hyphen_names_the_line_it_is_on() -> None:
    """Joining lines takes out a hyphen at a line's end (long- / standing): the block's
    text has a character fewer than its lines. A split at the start of a later sentence
    still names the line that sentence is on, and the part before it, where on that line
    it ends."""
    from reader.core.annotations import locate
    from reader.core.document import from_text

    lines = [
        "The engineers of the boats that move the immigrants across the bay had a long-",
        "standing quarrel with the railroad over their pay, and the railroad gave way to",
        "them. Another meeting was called for Monday to settle what was still left open",
        "between them, and the union thanked the railroad officials when it adjourned.",
    ]
    doc = from_text("\n".join(lines))
    (block,) = doc.articles[0].all_blocks()
    assert "long-standing" not in block.text and "longstanding" in block.text
    at = block.text.index("Another")
    split = E.apply(doc, [E.make(doc, "split", 0, 0, offset=at)]).doc
    head, rest = split.articles[0].all_blocks()
    assert (head.first, head.last, rest.first, rest.last) == (0, 2, 2, 3)
    assert (rest.skip, head.spare) == (len("them."), len("".join(lines[2].split())) - 5)
    clean = clean_text(split)
    start = clean.starts[(0, 1)]
    assert locate(split, clean, start, start + len("Another"))[1] == (2, 2)


def test_kind_changes_rebuild_the_outline() -> None:
    target = PAGE.articles[1].blocks[3]
    out = E.apply(PAGE, [E.make(PAGE, "kind", 1, body_key(PAGE, 1, 3), kind="heading", level=2)])
    block = out.doc.articles[1].blocks[3]
    assert (block.kind, block.depth) == ("heading", 2)
    assert (2, target.text) in [(o.level, o.text) for o in out.doc.articles[1].outline]
    end = E.apply(PAGE, [E.make(PAGE, "kind", 1, body_key(PAGE, 1, 3), kind="end")])
    assert end.doc.articles[1].blocks[3].kind == "end"


def test_new_article_and_merge() -> None:
    n = len(PAGE.articles)
    cut = E.apply(PAGE, [E.make(PAGE, "new_article", 1, body_key(PAGE, 1, 8))])
    assert len(cut.doc.articles) == n + 1
    assert cut.doc.articles[2].blocks[0].text == PAGE.articles[1].blocks[8].text
    merged = E.apply(PAGE, [E.make(PAGE, "merge_article", 3, 0)])
    assert len(merged.doc.articles) == n - 1
    assert merged.doc.articles[2].blocks[-1].text == PAGE.articles[3].blocks[-1].text


def test_text_fix_is_kept_and_marked() -> None:
    out = E.apply(PAGE, [E.make(PAGE, "text", 2, 0, new="科技创新引领产业创新的浪潮")])
    assert out.doc.articles[2].title == "科技创新引领产业创新的浪潮"
    assert id(out.doc.articles[2].head[0]) in out.fixed_text


def test_page_004_title_is_suggested_and_moves_with_its_byline() -> None:
    [suggestion] = suggest_titles(P004)
    body = P004.articles[suggestion.article]
    assert suggestion.title == "推动国企思想政治与企业文化有机融合的路径"
    assert body.blocks[0].text.startswith("国有企业是中国特色社会主义的重要物质基础")
    h = suggestion.headline
    head = P004.articles[h].all_blocks()
    fixes = [
        E.make(P004, "role", h, [b.kind for b in head].index("title"), role="title",
               article=suggestion.article),
    ]  # fmt: skip
    step = E.apply(P004, fixes).doc
    h2 = next(k for k, a in enumerate(step.articles) if a.kind == "headline")
    byline = [b.kind for b in step.articles[h2].all_blocks()].index("byline")
    target = next(k for k, a in enumerate(step.articles) if a.title == suggestion.title)
    fixes.append(E.make(step, "role", h2, byline, role="byline", article=target))
    out = E.apply(P004, fixes)
    assert out.failed == []
    items = [(a.kind, a.title, a.byline) for a in out.doc.articles]
    assert items == [
        ("article", None, None),
        ("article", "国有企业基层党建思想政治工作的创新探索", "□ 赵婷"),
        ("article", "推动国企思想政治与企业文化有机融合的路径", "□ 吉晓琴"),
        ("notice", "减资公告", None),
        ("article", "系统谋划部署信用建设工作", None),
    ]
    md = to_markdown(out.doc)
    titles = [line[2:] for line in md.splitlines() if line.startswith("# ")]
    assert titles == [t for _k, t, _b in items if t]
    assert md.index("在新发展格局下") < md.index("# 国有企业基层党建")  # untitled first article


def test_edits_survive_a_changed_engine() -> None:
    """The stored edits replayed on a different automatic result: each lands or is listed."""
    fixes = [
        E.make(PAGE, "kind", 1, body_key(PAGE, 1, 3), kind="heading", level=2),
        E.make(PAGE, "text", 2, 0, new="科技创新引领产业创新的浪潮"),
        E.make(PAGE, "join", 1, body_key(PAGE, 1, 5)),
        E.make(PAGE, "text", 1, body_key(PAGE, 1, 10), new="改过的文字"),
    ]
    engine = copy.deepcopy(PAGE)
    art = engine.articles[1]
    # The new engine splits block 3 in two and words block 10 differently.
    b3 = art.blocks[3]
    art.blocks[3:4] = [
        Block("paragraph", b3.text[:10], b3.first, b3.first),
        Block("paragraph", b3.text[10:], b3.first, b3.last),
    ]
    art.blocks[11].text = art.blocks[11].text[:20] + "（OCR 重新识别）" + art.blocks[11].text[20:]
    engine.source = copy.copy(engine.source)
    out = E.apply(engine, fixes)
    assert [e.kind for e in out.applied] == ["kind", "text", "join"]
    assert [(e.kind, why) for e, why in out.failed] == [
        ("text", "the block's text changed since it was corrected")
    ]
    assert out.doc.articles[1].blocks[3].kind == "heading"
    assert out.doc.articles[2].title == "科技创新引领产业创新的浪潮"


def test_an_edit_whose_text_is_gone_is_listed() -> None:
    fix = E.make(PAGE, "kind", 1, body_key(PAGE, 1, 3), kind="question")
    gone = copy.deepcopy(PAGE)
    del gone.articles[1].blocks[3]
    out = E.apply(gone, [fix])
    assert out.applied == [] and out.failed[0][1] == "its text is no longer on the page"


def test_edits_round_trip_through_json() -> None:
    fixes = [E.make(PAGE, "split", 1, body_key(PAGE, 1, 1), offset=6)]
    assert E.loads(E.dumps(fixes)) == fixes
    assert (
        clean_text(E.apply(PAGE, E.loads(E.dumps(fixes))).doc).text
        == clean_text(E.apply(PAGE, fixes).doc).text
    )


def _bad_edits() -> list[E.Edit]:
    """Edits as a database might hold them: stored before they were checked, or by hand."""
    target = E.block_selector(PAGE, 1, body_key(PAGE, 1, 3))
    fp = PAGE.source.fingerprint
    return [
        E.Edit("kind", target, fp, {"kind": "heading", "level": "abc"}),
        E.Edit("kind", target, fp, {"kind": "banner"}),
        E.Edit("split", target, fp, {"at": 10**30}),
        E.Edit("role", target, fp, {"role": "title", "article": {"exact": 3}}),
        E.Edit("text", target, fp, {"new": ["not", "text"]}),
        E.Edit("join", target, fp, ["not", "a", "dict"]),  # type: ignore[arg-type]
        E.Edit("join", E.Selector("", "", "", 0, 0), fp),
        E.Edit("unreadable", E.Selector("", "", "", 0, 0), fp),
        E.Edit("explode", target, fp),
    ]


def test_an_edit_with_bad_values_is_listed_and_leaves_the_page_alone() -> None:
    bad = _bad_edits()
    out = E.apply(PAGE, bad)
    assert out.applied == []
    assert [e.id for e, _why in out.failed] == [e.id for e in bad]
    reasons = [why for _e, why in out.failed]
    assert reasons[0] == "level 'abc' is not a number from 1 to 9"
    assert reasons[7] == "it could not be read from the database"
    assert reasons[8] == "unknown edit 'explode'"
    assert all(why and "\n" not in why for why in reasons)
    assert out.doc.articles == E.apply(PAGE, []).doc.articles
    assert out.edited_blocks == set() and out.fixed_text == set()
    for edit in bad:  # the Corrections list can still name each one
        assert edit.describe()


def test_good_edits_around_bad_ones_still_apply() -> None:
    good = [
        E.make(PAGE, "kind", 1, body_key(PAGE, 1, 3), kind="heading", level=2),
        E.make(PAGE, "text", 2, 0, new="科技创新引领产业创新的浪潮"),
    ]
    out = E.apply(PAGE, [good[0], *_bad_edits(), good[1]])
    assert [e.id for e in out.applied] == [e.id for e in good]
    assert out.doc.articles == E.apply(PAGE, good).doc.articles


def test_an_edit_that_fails_halfway_leaves_the_page_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """join removes the next block before it joins the texts: if joining fails, the block
    is put back."""
    before = E.apply(PAGE, [])
    fixes = [E.make(PAGE, "join", 1, body_key(PAGE, 1, 0))]

    def broken(a: str, b: str) -> str:
        raise RuntimeError("join failed")

    monkeypatch.setattr(E, "_join", broken)
    out = E.apply(PAGE, fixes)
    assert out.applied == []
    assert out.failed == [(fixes[0], "it could not be applied: RuntimeError('join failed')")]
    assert out.doc.articles == before.doc.articles
    assert out.edited_blocks == set()


def test_an_edit_never_lands_on_other_text_than_it_was_made_on() -> None:
    """An edit names its block by the block's opening words. Made after an earlier edit that
    is then removed, it finds those words where they are now, and applies only where they
    still open the block it was made on; otherwise it is listed, never applied elsewhere."""
    key = body_key(PAGE, 1, 0)
    first, second = PAGE.articles[1].blocks[0].text, PAGE.articles[1].blocks[1].text
    join = E.make(PAGE, "join", 1, key)
    joined = E.apply(PAGE, [join]).doc
    assert joined.articles[1].blocks[0].text == first + second
    # Made on the joined block: the block becomes the title; the joined block joins on.
    title = E.make(joined, "role", 1, key, role="title")
    join_on = E.make(joined, "join", 1, key)
    assert E.apply(PAGE, [join, title]).doc.articles[1].title == first + second
    for later in (title, join_on):
        out = E.apply(PAGE, [later])  # the first join removed
        assert [(e.id, why) for e, why in out.failed] == [(later.id, E.ELSEWHERE)]
        assert [b.text for b in out.doc.articles[1].all_blocks()] == [
            b.text for b in PAGE.articles[1].all_blocks()
        ]
    # A title given to an article that a removed edit had started.
    start = E.make(PAGE, "new_article", 1, body_key(PAGE, 1, 8))
    cut = E.apply(PAGE, [start]).doc
    given = E.make(cut, "role", 1, body_key(cut, 1, 2), role="title", article=2)
    assert E.apply(PAGE, [start, given]).doc.articles[2].title == cut.articles[1].blocks[2].text
    out = E.apply(PAGE, [given])
    assert [(e.id, why) for e, why in out.failed] == [(given.id, E.NO_ARTICLE)]
    # A quote that opens a block in the middle of another is not that block.
    inner = E.make(PAGE, "join", 1, body_key(PAGE, 1, 1))
    assert [e.id for e in E.apply(joined, [inner]).applied] == []


def test_a_text_correction_shows_what_it_changed_not_the_paragraphs_first_words() -> None:
    from reader.core.edits import text_changes

    start = "近年来，习近平总书记多次就抓好科技创新和产业创新提出要求，"
    old = start + "积极培育和发展新质生产刀，增强发展新动能。" + "各地各行业向新而行。" * 4
    new = old.replace("生产刀", "生产力")
    assert text_changes(old, new) == [("…新质生产刀，增强发…", "…新质生产力，增强发…")]
    # Two changes far apart are two snippets; close ones are one.
    far = new.replace("近年来", "近两年来")
    assert text_changes(old, far) == [
        ("近年来，习…", "近两年来，习…"),
        ("…新质生产刀，增强发…", "…新质生产力，增强发…"),
    ]
    assert len(text_changes("甲乙丙丁戊己庚辛", "甲乙X丁戊Y庚辛")) == 1
    # Added at the end, taken away at the start; whitespace and line breaks count as one space.
    assert text_changes("抓好科技创新", "抓好科技创新。") == [("…科技创新", "…科技创新。")]
    assert text_changes("一、抓好科技创新", "抓好科技创新") == [("一、抓好科技…", "抓好科技…")]
    assert text_changes("抓好\n科技", "抓好 科技") == []
    # A long rewrite is cut on one line.
    ((before, after),) = text_changes("甲" * 100, "乙" * 100)
    assert len(before) <= 41 and before.endswith("…") and after.startswith("乙")


def test_make_title_inside_a_titled_article_opens_an_article_there() -> None:
    """Make Title on a paragraph inside the text of an article that has a title: a
    headline OCR ran into the story above. The paragraph titles a new article that holds
    the text from it on; the article above keeps its title and the text before it. On
    the line right under the title, the old title becomes its kicker: one title each."""
    ai = next(k for k, a in enumerate(PAGE.articles) if a.title and len(a.blocks) > 6)
    art = PAGE.articles[ai]
    line = art.blocks[4].text
    out = E.apply(PAGE, [E.make(PAGE, "role", ai, body_key(PAGE, ai, 4), role="title")])
    assert not out.failed
    above, new = out.doc.articles[ai], out.doc.articles[ai + 1]
    assert above.title == art.title and texts(out.doc, ai) == [b.text for b in art.blocks[:4]]
    assert new.title == line and [b.kind for b in new.head] == ["title"]
    assert texts(out.doc, ai + 1) == [b.text for b in art.blocks[5:]]
    assert len(out.doc.articles) == len(PAGE.articles) + 1
    under = E.apply(PAGE, [E.make(PAGE, "role", ai, body_key(PAGE, ai, 0), role="title")]).doc
    head = under.articles[ai].head
    assert [b.kind for b in head if b.kind in ("kicker", "title")][-2:] == ["kicker", "title"]
    assert under.articles[ai].title == art.blocks[0].text
    assert sum(1 for b in head if b.kind == "title") == 1
    # A line of the headline made the title (a byline, here): still one title, the old
    # one over it its kicker.
    titled = next(
        j
        for j, a in enumerate(PAGE.articles)
        if a.title and len(a.head) > 1 and a.head[0].kind == "title"
    )
    byline = next(i for i, b in enumerate(PAGE.articles[titled].head) if b.kind != "title")
    made = E.apply(PAGE, [E.make(PAGE, "role", titled, byline, role="title")])
    assert not made.failed
    kinds = [b.kind for b in made.doc.articles[titled].head]
    assert kinds.count("title") == 1 and kinds.index("kicker") < kinds.index("title")
    assert made.doc.articles[titled].title == PAGE.articles[titled].head[byline].text


def test_a_title_is_suggested_on_a_page_printed_in_traditional_characters() -> None:
    """Page 004 printed in traditional characters, its lone headline and its untitled
    body made to share 無政府主義: the keywords are weighed in simplified characters and
    the title's words are cut the same way, so they meet, and the words are shown as
    printed."""
    import opencc

    from reader.core.document import from_text

    printed = sample_pages()[1].read_text(encoding="utf-8")
    doc = from_text(opencc.OpenCC("s2t").convert(printed))
    [simple] = suggest_titles(P004)
    head = doc.articles[simple.headline].head
    next(b for b in head if b.kind == "title").text = "反對無政府主義思潮"
    doc.articles[simple.article].blocks[0].text = (
        "無政府主義思潮在革命隊伍中還有些市場，無政府主義是同馬列主義、毛澤東思想格格不入"
        "的，我們要反對無政府主義。"
    ) * 3
    [found] = suggest_titles(doc)
    assert (found.headline, found.article) == (simple.headline, simple.article)
    assert "無政府主義" in found.shared and found.title == "反對無政府主義思潮"


def test_make_title_under_hidden_furniture_under_the_title_makes_the_old_title_its_kicker() -> None:
    """Page 06: the paper's name and date line (page furniture, hidden) sit between the
    editorial's title and its first paragraph. Make Title on that paragraph is the line
    right under the title: the old title becomes its kicker, no article is left with a
    title alone, and the furniture stays where it was."""
    from reader.core.kinds import BlockKind

    doc = copy.deepcopy(PAGE)
    ai = next(k for k, a in enumerate(doc.articles) if a.title and len(a.blocks) > 3)
    art = doc.articles[ai]
    first = art.blocks[0]
    noise = [
        Block(BlockKind.FURNITURE, "新北大", first.first, first.first),
        Block(BlockKind.FURNITURE, "1967年5月6日星期六", first.first, first.first),
    ]
    art.blocks[0:0] = noise
    key = len(art.head) + 2
    out = E.apply(doc, [E.make(doc, "role", ai, key, role="title")])
    assert not out.failed and len(out.doc.articles) == len(doc.articles)
    made = out.doc.articles[ai]
    assert made.title == first.text
    assert [b.kind for b in made.head][:2] == ["kicker", "title"]
    assert [b.text for b in made.blocks[:2]] == ["新北大", "1967年5月6日星期六"]


def test_a_highlight_stays_on_its_text_when_a_correction_writes_in_right_before_it() -> None:
    """Page 004: a highlight at the start of a paragraph split off and made an article of
    its own, then Correct Text writes XYZ in front of the paragraph. The quote is there,
    exactly and once, with all of its context after it: it was listed as unanchored, the
    characters right before it no longer those stored."""
    from reader.core.annotations import new_annotation
    from reader.core.shown import page_as_shown

    doc = load(sample_pages()[1])
    clean = clean_text(doc)
    quote = "全面深化改革的推进、市场环境"
    start = clean.text.index(quote)
    ann = new_annotation(doc, clean, start, start + len(quote))

    def block(page, opening: str) -> tuple[int, int, str]:  # type: ignore[no-untyped-def]
        return next(
            (ai, k, b.text)
            for ai, art in enumerate(page.articles)
            for k, b in enumerate(art.all_blocks())
            if opening in b.text
        )

    made: list[E.Edit] = []
    ai, k, text = block(doc, "随着全面深化")
    made.append(E.make(doc, "split", ai, k, offset=text.index("随着")))
    page = E.apply(doc, made).doc
    made.append(E.make(page, "new_article", *block(page, "随着全面深化")[:2]))
    page = E.apply(doc, made).doc
    ai, k, text = block(page, "随着全面深化")
    made.append(E.make(page, "text", ai, k, new="XYZ" + text))
    page = E.apply(doc, made).doc
    [placed] = page_as_shown(page, [ann]).placed
    assert placed.anchor is not None
    assert clean_text(page).text[placed.anchor.start : placed.anchor.end] == quote


def test_a_headline_is_offered_to_the_articles_of_its_own_page_only(monkeypatch) -> None:
    """On a file of many pages joined, a lone headline is offered to the untitled articles
    near it (NEAR either side, a page's worth), not to every untitled article of the file:
    that pairing grew for minutes, past 300 MB, on a 50 MB file. Near, it is found as on
    its own page; further than NEAR from its body, it is offered nothing."""
    from reader.core import suggest
    from reader.core.kinds import BlockKind
    from reader.core.model import Article, Block

    [simple] = suggest_titles(P004)
    gap = abs(simple.article - simple.headline)
    filler = [Article([], [Block(BlockKind.FURNITURE, "第2版", 0, 0)]) for _ in range(5)]
    doc = copy.deepcopy(P004)
    first = min(simple.headline, simple.article)
    doc.articles[first + 1 : first + 1] = filler  # five articles further apart
    body = simple.article + 5 if simple.article > simple.headline else simple.article
    monkeypatch.setattr(suggest, "NEAR", gap + 5)
    [found] = suggest_titles(doc)
    assert (found.article, found.title, found.shared) == (body, simple.title, simple.shared)
    monkeypatch.setattr(suggest, "NEAR", gap + 4)
    assert all(s.article != body for s in suggest_titles(doc))


def test_title_suggestions_stop_when_asked() -> None:
    """Asked at each headline whether to stop (the window closing, another page shown):
    once told, nothing more is weighed and nothing is suggested."""
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return True

    assert suggest_titles(P004, stop) == [] and asked == [1]
    assert suggest_titles(P004, lambda: False) != []
