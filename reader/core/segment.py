"""Blocks to articles: headlines, bylines, end matter, displaced titles and the outline.

A page is a run of bodies and headline groups (kicker, title, subtitle, byline). End matter,
a closing dateline and a `（下转…）` close a body; a `（上接…）` opens one. Each headline group
then goes to a neighbouring body: normally the one after it, but OCR sometimes puts a
headline after its body. Lexical overlap between headline and body (shared character
bigrams) settles those cases, and a headline that fits neither neighbour is left on its own
(kind "headline") for the user to place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.lines import is_caption, is_date, is_notice_title
from reader.core.model import Article, Block, OutlineEntry
from reader.core.text import bigrams

_JUMP_IN = re.compile(r"^[（(]\s*(上接|紧接|接上|接)")
_NOTICE_BODY = re.compile(r"本公司|特此|债权人|联系人|联系电话|遗失|作废|公告如下|声明如下|报名")
_CLOSERS = frozenset(("end", "dateline"))
# Kinds of the blocks that _closes() may find closing their body.
_MAY_CLOSE = _CLOSERS | {"jump"}
_HEAD_PARTS = frozenset(("standalone", "subtitle", "byline"))
# How much better a body two places away must match a headline at the top of the page
# before the engine declines to give that headline to the body right below it.
_DISTANT_MARGIN = 0.3
_DATELINE_MARGIN = 0.3
# How many segments either side of a headline count as its page.
_NEAR = 12


def _closes(block: Block) -> str:
    """What a block closes its body with: "end", "dateline", "jump" (下转) or ""."""
    if block.kind in _CLOSERS:
        # A photo caption sits beside its picture, anywhere in an article.
        return "" if block.kind == "end" and is_caption(block.text) else block.kind
    if block.kind == "jump" and not _JUMP_IN.match(block.text):
        return "jump"
    return ""


@dataclass(slots=True)
class Segment:
    kind: str  # "head" or "body"
    blocks: list[Block] = field(default_factory=list)
    head: list[Block] = field(default_factory=list)  # for bodies: the headline they got
    taken: bool = False  # for heads: given to a body
    notice: bool = False
    text: str | None = None  # the body's text, joined when first needed
    # What the last block that is not page furniture closes the body with (see _closes).
    closed_by: str = ""

    def add(self, block: Block) -> None:
        self.blocks.append(block)
        if block.kind in _MAY_CLOSE:
            self.closed_by = _closes(block)
        elif block.kind != "noise":
            self.closed_by = ""

    @property
    def opened_by_jump(self) -> bool:
        return (
            bool(self.blocks)
            and self.blocks[0].kind == "jump"
            and bool(_JUMP_IN.match(self.blocks[0].text))
        )

    def title_text(self) -> str:
        return "".join(b.text for b in self.blocks if b.kind in ("standalone", "subtitle"))

    def body_text(self) -> str:
        return "".join(b.text for b in self.blocks if b.kind not in ("noise",))

    def continued_only(self) -> bool:
        """The body holds nothing yet but the marker it continues from (上接…)."""
        return (
            not self.head
            and self.opened_by_jump
            and all(b.kind in ("jump", "noise") for b in self.blocks)
        )

    @property
    def has_title(self) -> bool:
        return any(b.kind == "standalone" for b in self.blocks)


def _is_boundary(blocks: list[Block], j: int) -> bool:
    """True when nothing before block j belongs to an open article."""
    for k in range(j - 1, -1, -1):
        if blocks[k].kind == "noise":
            continue
        return blocks[k].kind in _HEAD_PARTS or bool(_closes(blocks[k]))
    return True


def _only_noise_after(blocks: list[Block], j: int) -> bool:
    return all(blocks[k].kind == "noise" for k in range(j, len(blocks)))


def _group_end(blocks: list[Block], j: int) -> int:
    """End (exclusive) of the headline group that could start at j."""
    k = j
    n = len(blocks)
    standalones = 0
    while k < n and blocks[k].kind == "standalone" and standalones < 3:
        standalones += 1
        k += 1
    while k < n and blocks[k].kind == "subtitle":
        k += 1
    while k < n and blocks[k].kind == "byline":
        k += 1
    return k


def split_segments(blocks: list[Block]) -> list[Segment]:
    segments: list[Segment] = []
    body: Segment | None = None

    def close_body() -> None:
        nonlocal body
        if body is not None and body.blocks:
            segments.append(body)
        body = None

    j = 0
    n = len(blocks)
    while j < n:
        block = blocks[j]
        if block.kind in _HEAD_PARTS:
            end = _group_end(blocks, j)
            group = blocks[j:end]
            if body is not None and body.continued_only():
                # A continued article repeats its title after the jump marker (上接…).
                body.head = list(group)
                j = end
                continue
            kinds = {b.kind for b in group}
            notice = any(b.kind == "standalone" and is_notice_title(b.text) for b in group)
            headline = (
                "byline" in kinds
                or "subtitle" in kinds
                or notice
                or any(b.display for b in group)
                or _is_boundary(blocks, j)
                or _only_noise_after(blocks, end)
                or (
                    end < n
                    and blocks[end].kind == "jump"
                    and bool(_JUMP_IN.match(blocks[end].text))
                )
            )
            if headline:
                close_body()
                seg = Segment("head", list(group))
                seg.notice = notice
                segments.append(seg)
                j = end
                continue
            if end == j + 1 and end < n and blocks[end].kind == "end" and is_date(blocks[end].text):
                # The signatory of a notice or a letter, above its date: end matter.
                block.kind = "end"
            else:
                # A short line between paragraphs of one article: a feature subhead.
                block.kind = "heading"
                block.level = 0
        if block.kind == "jump" and _JUMP_IN.match(block.text):
            close_body()
        if body is None:
            body = Segment("body")
        elif body.closed_by and block.kind not in _CLOSERS and block.kind != "noise":
            close_body()
            body = Segment("body")
        body.add(block)
        j += 1
    close_body()
    return segments


def _score(title: set[str], body: Segment) -> float:
    """Share of the headline's character bigrams (`title`) that occur in the body."""
    if not title:
        return 0.0
    if body.text is None:
        body.text = body.body_text()
    text = body.text
    return sum(map(text.__contains__, title)) / len(title)


def _free_body(segments: list[Segment], i: int) -> Segment | None:
    if 0 <= i < len(segments):
        seg = segments[i]
        if seg.kind == "body" and not seg.head and any(b.kind != "noise" for b in seg.blocks):
            return seg
    return None


def attach_headlines(segments: list[Segment]) -> None:
    heads = [i for i, s in enumerate(segments) if s.kind == "head"]
    # Bodies that no headline sits next to: the places a displaced headline may belong.
    orphans = {
        i
        for i, s in enumerate(segments)
        if s.kind == "body"
        and not (i > 0 and segments[i - 1].kind == "head" and not segments[i - 1].notice)
    }
    for i in heads:
        head = segments[i]
        prev = _free_body(segments, i - 1)
        nxt = _free_body(segments, i + 1)
        if head.notice:
            if nxt is not None and _NOTICE_BODY.search(nxt.body_text()[:300]):
                _give(head, nxt)
            continue
        if prev is not None and prev.closed_by == "" and nxt is not None:
            prev = None  # mid-page, a body that has not closed cannot take a headline after it
        choice: Segment | None = None
        if not head.has_title:
            choice = nxt or prev
        elif nxt is not None and prev is not None:
            # The body above has closed. The headline opens the one below unless that one
            # continues from another page, or the one above ends with a dateline, and the
            # headline's words say it belongs above.
            choice = nxt
            jump, dateline = nxt.opened_by_jump, prev.closed_by == "dateline"
            if jump or dateline:
                title = bigrams(head.title_text())
                sp, sn = _score(title, prev), _score(title, nxt)
                if (jump and sp >= sn) or (dateline and sp >= sn + _DATELINE_MARGIN):
                    choice = prev
        elif nxt is not None:
            choice = nxt
            title = bigrams(head.title_text())
            # A body elsewhere that matches the headline clearly better than the one below
            # it: only bodies nearby (a page holds a handful of articles), and none can
            # where no score reaches that far.
            better = _score(title, nxt) + _DISTANT_MARGIN
            near = range(max(0, i - _NEAR), min(len(segments), i + _NEAR + 1))
            if better <= 1.0 and any(
                _score(title, segments[j]) >= better for j in near if j in orphans and j != i + 1
            ):
                choice = None
        elif prev is not None:
            choice = prev
        if choice is not None:
            _give(head, choice)


def _give(head: Segment, body: Segment) -> None:
    body.head = head.blocks
    body.notice = head.notice
    head.taken = True


def _head_blocks(group: list[Block]) -> list[Block]:
    """Name the parts of a headline group: kicker, title, subtitle, byline. Where the
    boxes showed type sizes, the title is the last line set in headline type: lines in
    body type after it are its subtitle."""
    standalones = [b for b in group if b.kind == "standalone"]
    displayed = [k for k, b in enumerate(standalones) if b.display]
    title = displayed[-1] if displayed else len(standalones) - 1
    for k, b in enumerate(standalones):
        b.kind = "kicker" if k < title else "title" if k == title else "subtitle"
    return group


def build_articles(blocks: list[Block]) -> list[Article]:
    segments = split_segments(blocks)
    attach_headlines(segments)
    articles: list[Article] = []
    # Page furniture above the first article (the running head) opens that article.
    running_head: list[Block] = []
    for seg in segments:
        if seg.kind == "body":
            if not seg.head and all(b.kind == "noise" for b in seg.blocks):
                (articles[-1].blocks if articles else running_head).extend(seg.blocks)
                continue
            kind = "notice" if seg.notice else "article"
            articles.append(
                Article(head=_head_blocks(seg.head), blocks=running_head + seg.blocks, kind=kind)
            )
        elif not seg.taken:
            kind = "notice" if seg.notice else "headline"
            articles.append(Article(head=_head_blocks(seg.blocks), blocks=running_head, kind=kind))
        else:
            continue
        running_head = []
    if running_head:  # nothing but furniture on the page
        articles.append(Article(blocks=running_head))
    for art in articles:
        build_outline(art)
    return articles


def build_outline(article: Article) -> None:
    """Give headings levels by numbering style, and list them with run-ins and questions.

    Styles rank 一、 › （一） › 1、 › （1） › ①; levels are the ranks of the styles the
    article uses, so an article numbered only with （一） starts at level 1. Feature
    subheads (a short line standing alone inside a body becomes one) are level 1, with
    numbered headings below them.
    """
    used: set[int] = set()
    has_subheads = False
    for b in article.blocks:
        if b.kind == "standalone":  # a lone short line inside a body: a feature subhead
            b.kind = "heading"
            b.level = 0
        if b.kind == "heading" or b.label:
            if b.level:
                used.add(b.level)
            elif b.kind == "heading" and b.level == 0:
                has_subheads = True
    styles = sorted(used)
    offset = 2 if has_subheads else 1
    rank = {style: k + offset for k, style in enumerate(styles)}
    outline: list[OutlineEntry] = []
    for index, b in enumerate(article.blocks):
        if b.kind == "heading":
            b.level = rank.get(b.level or 0, 1)
            outline.append(OutlineEntry(b.level, b.text, index))
        elif b.kind == "paragraph" and b.label:
            level = rank.get(b.level or 0, 1)
            b.level = None
            outline.append(OutlineEntry(level, b.text[: b.label].rstrip("：:"), index))
        elif b.kind == "question":
            b.level = 1
            outline.append(OutlineEntry(1, b.text, index))
    article.outline = outline
