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

from reader.core.kinds import CLOSES, TRAILS, BlockKind
from reader.core.lines import (
    DATED_LINE,
    EDITORIAL,
    SIGNING_BODY,
    dates_issue,
    is_cited,
    is_date,
    is_notice_title,
    is_source_note,
    names_a_document,
)
from reader.core.model import Article, Block, OutlineEntry
from reader.core.text import bigrams, ends_sentence, is_cjk_char
from reader.core.tuning import TUNING, Tuning

_JUMP_IN = re.compile(r"^[（(]\s*(上接|紧接|接上|接)")
_NOTICE_BODY = re.compile(r"本公司|特此|债权人|联系人|联系电话|遗失|作废|公告如下|声明如下|报名")
# The kinds segmentation reads, as module globals: quicker to read than an enum's members
# in the loops over every block.
_PARAGRAPH, _HEADING, _QUESTION, _END, _JUMP, _FURNITURE = (
    BlockKind.PARAGRAPH,
    BlockKind.HEADING,
    BlockKind.QUESTION,
    BlockKind.END,
    BlockKind.JUMP,
    BlockKind.FURNITURE,
)
_KICKER, _TITLE, _SUBTITLE, _BYLINE, _STANDALONE = (
    BlockKind.KICKER,
    BlockKind.TITLE,
    BlockKind.SUBTITLE,
    BlockKind.BYLINE,
    BlockKind.STANDALONE,
)
# Kinds that stay with a body their end matter closed: end matter, datelines, captions
# and page furniture.
_TRAILS = TRAILS
# Kinds of the blocks that _closes() may find closing their body.
_MAY_CLOSE = CLOSES
_HEAD_PARTS = frozenset((_STANDALONE, _SUBTITLE, _BYLINE))


def _closes(block: Block) -> str:
    """What a block closes its body with: "end", "dateline", "jump" (下转) or ""."""
    if block.kind not in _MAY_CLOSE:
        return ""
    if block.kind == _JUMP and _JUMP_IN.match(block.text):
        return ""  # 上接: it opens a body
    if block.kind == _END and (is_source_note(block.text) or is_cited(block.text)):
        return ""  # a quotation's source: the quotations go on below it
    return str(block.kind)


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
        elif block.kind != _FURNITURE:
            self.closed_by = ""

    @property
    def opened_by_jump(self) -> bool:
        return (
            bool(self.blocks)
            and self.blocks[0].kind == _JUMP
            and bool(_JUMP_IN.match(self.blocks[0].text))
        )

    def title_text(self) -> str:
        return "".join(b.text for b in self.blocks if b.kind in (_STANDALONE, _SUBTITLE))

    def body_text(self) -> str:
        return "".join(b.text for b in self.blocks if b.kind != _FURNITURE)

    def continued_only(self) -> bool:
        """The body holds nothing yet but the marker it continues from (上接…)."""
        return (
            not self.head
            and self.opened_by_jump
            and all(b.kind in (_JUMP, _FURNITURE) for b in self.blocks)
        )

    @property
    def has_title(self) -> bool:
        return any(b.kind == _STANDALONE for b in self.blocks)


def _is_boundary(blocks: list[Block], j: int) -> bool:
    """True when nothing before block j belongs to an open article."""
    for k in range(j - 1, -1, -1):
        if blocks[k].kind == _FURNITURE:
            continue
        return blocks[k].kind in _HEAD_PARTS or bool(_closes(blocks[k]))
    return True


def _only_noise_after(blocks: list[Block], j: int) -> bool:
    return all(blocks[k].kind == _FURNITURE for k in range(j, len(blocks)))


def _group_end(blocks: list[Block], j: int, t: Tuning) -> int:
    """End (exclusive) of the headline group that could start at j."""
    k = j
    n = len(blocks)
    standalones = 0
    while k < n and blocks[k].kind == _STANDALONE and standalones < t.head_group_lines:
        if k > j and _SAYS_WHO.search(blocks[k].text) and _SAYS_WHO.search(blocks[k - 1].text):
            break  # two items' titles (毛主席语录, 中央首长论陶铸): no kicker over a title
        standalones += 1
        k += 1
    if standalones and k < n and _dated_under(blocks[k]):
        k += 1
    while k < n and blocks[k].kind == _SUBTITLE:
        k += 1
    while k < n and blocks[k].kind == _BYLINE:
        k += 1
    return k


# A group that signs what it wrote: 新北京二中红卫兵, 《红旗》战斗队.
_SIGNED_BY_GROUP = re.compile(
    r"^[\u4e00-\u9fff《》“”]{2,16}(红卫兵|战斗队|战斗组|兵团|造反团|造反队|编辑部|调查组|"
    r"大批判组|写作组|联络站|联络部)$"
)


def _before_jump_in(blocks: list[Block], k: int, t: Tuning) -> Block:
    """Block k, right before a `（上接…）` marker, as what it is there: a question on one
    line after a paragraph that ended is the continued article's title (工作组在中文系怎样
    “打击一大片，保护一小”？), and a group's name standing alone signs the article above
    it (新北京二中红卫兵)."""
    block = blocks[k]
    if (
        block.kind == _PARAGRAPH
        and block.first == block.last
        and not block.label
        and len(block.text) <= t.standalone_chars
        and block.text[-1] in "？?"
        and (k == 0 or blocks[k - 1].kind != _PARAGRAPH or ends_sentence(blocks[k - 1].text))
    ):
        return block.but(_STANDALONE)
    if block.kind == _STANDALONE and k > 0 and _SIGNED_BY_GROUP.match(block.text):
        return block.but(_END)
    return block


# A title naming who said, wrote or ordered what follows: 毛主席最新指示, 林彪副统帅的指示,
# 周总理讲话, 戚本禹同志话, 王力同志谈许世友, 中央首长论陶铸. A bulletin prints such items one
# after another, each under its own; a subhead inside one does not name a speaker so.
_SAYS_WHO = re.compile(
    r"(同志|主席|总理|總理|统帅|統帅|統帥|首长|首長)[^，。！？：:]{0,14}"
    r"(讲话|講話|讲話|話|话|谈话|談話|指示|语录|語录|語錄|批示)$"
    r"|^[^，。！？：:]{0,8}(同志|主席|总理|總理|首长|首長)(谈|談|论|論)"
)


def _says_who(group: list[Block]) -> bool:
    return any(b.kind == _STANDALONE and _SAYS_WHO.search(b.text) for b in group)


def split_segments(reflowed: list[Block], t: Tuning = TUNING) -> list[Segment]:
    """The blocks as bodies and headline groups. A line standing alone between paragraphs
    is given its kind here (a feature subhead, or a signatory): as a new block, in a copy
    of the list, so reflow's result is left as it was."""
    blocks = list(reflowed)
    for j, block in enumerate(blocks):
        if j and block.kind == _JUMP and _JUMP_IN.match(block.text):
            blocks[j - 1] = _before_jump_in(blocks, j - 1, t)
    segments: list[Segment] = []
    body: Segment | None = None
    said_under = False  # the last headline names who said what follows (_says_who)

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
            end = _group_end(blocks, j, t)
            group = blocks[j:end]
            if body is not None and body.continued_only():
                # A continued article repeats its title after the jump marker (上接…).
                body.head = list(group)
                j = end
                continue
            kinds = {b.kind for b in group}
            dated = (
                end < n
                and blocks[end].kind == _END
                and is_date(blocks[end].text)
                and all(b.kind == _STANDALONE for b in group)
            )
            # The next of the signatories over a date, a line each, after the first; or a
            # body that signs the page's last text, with nothing after it (on a line or
            # two: 安徽省阜阳专区革委员会 / 赴沪毛泽东思想宣传队, set apart by the boxes).
            signed = (
                dated and j and blocks[j - 1].kind == _END and not is_date(blocks[j - 1].text)
            ) or (
                j
                and blocks[j - 1].kind == _PARAGRAPH
                and ends_sentence(blocks[j - 1].text)
                and len(group) <= 2
                and all(b.kind == _STANDALONE for b in group)
                and SIGNING_BODY.search(group[-1].text) is not None
                and _only_noise_after(blocks, end)
            )
            if signed and len(group) == 2:
                block = Block(_END, block.text + group[1].text, block.first, group[1].last)
                blocks[j : j + 2] = [block]
                n -= 1
            notice = any(b.kind == _STANDALONE and is_notice_title(b.text) for b in group)
            headline = not signed and (
                _BYLINE in kinds
                or _SUBTITLE in kinds
                or notice
                or any(b.display for b in group)
                or _is_boundary(blocks, j)
                or any(b.kind == _STANDALONE and names_a_document(b.text) for b in group)
                or (j > 0 and blocks[j - 1].kind == _FURNITURE and dates_issue(blocks[j - 1].text))
                or _only_noise_after(blocks, end)
                or (
                    end < n and blocks[end].kind == _JUMP and bool(_JUMP_IN.match(blocks[end].text))
                )
                or (said_under and _says_who(group))
            )
            if headline:
                close_body()
                last = segments[-1] if segments else None
                if (
                    last is not None
                    and last.kind == "head"
                    and not (last.notice or notice)
                    # a title over the decks, and no byline yet: a byline ends a headline
                    and last.has_title
                    and all(b.kind in (_STANDALONE, _SUBTITLE) for b in last.blocks + group)
                    # two items' titles, each naming who said what follows (_group_end)
                    and not (
                        _SAYS_WHO.search(last.blocks[-1].text) and _SAYS_WHO.search(group[0].text)
                    )
                ):
                    # Headline groups one after another, with no text between: the decks
                    # of one headline (a title, its subtitle, then two more lines in
                    # other type), not a headline without its story. The first group
                    # holds the title; the decks under it are its subtitles.
                    last.blocks.extend(
                        b.but(_SUBTITLE) if b.kind == _STANDALONE else b for b in group
                    )
                else:
                    seg = Segment("head", list(group))
                    seg.notice = notice
                    segments.append(seg)
                said_under = _says_who(group)
                j = end
                continue
            # The signatories of a notice or a letter, above its date, a line each, are
            # end matter (this one, then each after it in turn); any other short line
            # between paragraphs of one article is a feature subhead.
            block = block.but(_END) if dated or signed else block.but(_HEADING, numbering=0)
            blocks[j] = block
        if block.kind == _JUMP and _JUMP_IN.match(block.text):
            close_body()
        if body is None:
            body = Segment("body")
        elif body.closed_by and block.kind not in _TRAILS:
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
        if seg.kind == "body" and not seg.head and any(b.kind != _FURNITURE for b in seg.blocks):
            return seg
    return None


def attach_headlines(segments: list[Segment], t: Tuning = TUNING) -> None:
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
                if (jump and sp >= sn) or (dateline and sp >= sn + t.dateline_margin):
                    choice = prev
        elif nxt is not None:
            choice = nxt
            title = bigrams(head.title_text())
            # A body elsewhere that matches the headline clearly better than the one below
            # it: only bodies nearby (a page holds a handful of articles), and none can
            # where no score reaches that far. A title naming who said what follows
            # (毛主席语录) heads the text below it.
            better = _score(title, nxt) + t.distant_margin
            near = range(max(0, i - t.near), min(len(segments), i + t.near + 1))
            if (
                better <= 1.0
                and not _says_who(head.blocks)
                and any(
                    _score(title, segments[j]) >= better
                    for j in near
                    if j in orphans and j != i + 1
                )
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


# A line that says what the title over it argues from or reports, as a subtitle (副题)
# does: 从…看…, or 关于… naming a speech, report or paper. (兼驳… is one wherever it
# stands: lines.py.) 关于… under a name of a few characters (国务院 / 关于…的报告) is the
# title, the name its kicker. A line naming the anniversary the title marks (庆祝…一周年)
# is its subtitle under it; over the title (纪念…周年 / title) it is the kicker.
_SUBTITLE_CUE = re.compile(r"^(从|從)\S{2,}(看|谈起|談起)|^(庆祝|慶祝|纪念|紀念)\S{2,}(周年|週年)$")
_ABOUT_PAPER = re.compile(r"^(关于|關於)\S{4,}(讲话|講話|报告|報告|材料|发言|發言|说明|說明)$")


def _subtitled(above: str, line: str, tuning: Tuning) -> bool:
    """Whether `line` is the subtitle of the title `above` it (_SUBTITLE_CUE)."""
    return bool(_SUBTITLE_CUE.search(line)) or (
        len(above) > tuning.issuer_chars and bool(_ABOUT_PAPER.match(line))
    )


def _dated_under(block: Block) -> bool:
    """A line under a title that gives only the day (and hour) the text was given, in
    brackets: the title's subtitle (林副主席最新指示 / (67·5·5,8:40))."""
    return (
        block.kind in (_PARAGRAPH, _END)
        and block.first == block.last
        and DATED_LINE.match(block.text) is not None
    )


def _head_blocks(group: list[Block], tuning: Tuning = TUNING) -> list[Block]:
    """Name the parts of a headline group: kicker, title, subtitle, byline. Where the
    boxes showed type sizes, the title is the last line set in headline type: lines in
    body type after it are its subtitle. Without them, the title is the last line, unless
    that line says it is a subtitle (_subtitled). The named parts are new blocks."""
    standalones = [b for b in group if b.kind == _STANDALONE]
    label = next((k for k, b in enumerate(standalones) if k and EDITORIAL.match(b.text)), 0)
    if label:
        # 社论 read after the title it labels (boxes set side by side): its kicker, first.
        moved = standalones.pop(label)
        standalones.insert(0, moved)
        group = [moved, *(b for b in group if b is not moved)]
    # The day a speech was given, under its title (the group's last lines), is its
    # subtitle whatever reflow made of it; the title is one of the lines over it. (A date
    # over the title is not: that may end the article before.)
    under = len(standalones)
    while under > 1 and DATED_LINE.match(standalones[under - 1].text):
        under -= 1
    dated = {id(b) for b in standalones[under:]}
    standalones = standalones[:under]
    displayed = [k for k, b in enumerate(standalones) if b.display]
    if displayed and not any(is_cjk_char(c) for b in standalones for c in b.text):
        # An English headline opens with its main line, the decks under it smaller.
        title = displayed[0]
    else:
        title = displayed[-1] if displayed else len(standalones) - 1
    if title > 0 and _subtitled(standalones[title - 1].text, standalones[title].text, tuning):
        title -= 1
    named = {
        id(b): b.but(_KICKER if k < title else _TITLE if k == title else _SUBTITLE)
        for k, b in enumerate(standalones)
    }
    return [
        named.get(id(b), b.but(_SUBTITLE) if id(b) in dated or _dated_under(b) else b)
        for b in group
    ]


def build_articles(blocks: list[Block], tuning: Tuning = TUNING) -> list[Article]:
    segments = split_segments(blocks, tuning)
    attach_headlines(segments, tuning)
    articles: list[Article] = []
    # Page furniture above the first article (the running head) opens that article.
    running_head: list[Block] = []
    for seg in segments:
        if seg.kind == "body":
            if not seg.head and all(b.kind == _FURNITURE for b in seg.blocks):
                (articles[-1].blocks if articles else running_head).extend(seg.blocks)
                continue
            kind = "notice" if seg.notice else "article"
            head = _head_blocks(seg.head, tuning)
            articles.append(Article(head=head, blocks=running_head + seg.blocks, kind=kind))
        elif not seg.taken:
            kind = "notice" if seg.notice else "headline"
            head = _head_blocks(seg.blocks, tuning)
            articles.append(Article(head=head, blocks=running_head, kind=kind))
        else:
            continue
        running_head = []
    if running_head:  # nothing but furniture on the page
        articles.append(Article(blocks=running_head))
    for art in articles:
        build_outline(art)
    return articles


def build_outline(article: Article) -> None:
    """Give headings their depth by numbering style, and list them with run-ins and
    questions, in the article's outline.

    Styles rank 一、 › （一） › 1、 › （1） › ①; depths are the ranks of the styles the
    article uses, so an article numbered only with （一） starts at depth 1. Feature
    subheads (a short line standing alone inside a body becomes one) are depth 1, with
    numbered headings below them. Where a block's kind or depth is set, the article gets
    a new block in its place.
    """
    heading, question, paragraph = _HEADING, _QUESTION, _PARAGRAPH
    blocks = article.blocks = list(article.blocks)
    used: set[int] = set()
    has_subheads = False
    for index, b in enumerate(blocks):
        kind = b.kind
        if kind == _STANDALONE:  # a lone short line inside a body: a feature subhead
            blocks[index] = b = b.but(heading, numbering=0)
            kind = heading
        if kind == heading or b.label:
            if b.numbering:
                used.add(b.numbering)
            elif kind == heading and b.numbering == 0:
                has_subheads = True
    styles = sorted(used)
    offset = 2 if has_subheads else 1
    rank = {style: k + offset for k, style in enumerate(styles)}
    outline: list[OutlineEntry] = []
    for index, b in enumerate(blocks):
        kind = b.kind
        if kind == heading:
            depth = rank.get(b.numbering or 0, 1)
            blocks[index] = b.but(depth=depth)
            outline.append(OutlineEntry(depth, b.text, index))
        elif kind == paragraph and b.label:
            depth = rank.get(b.numbering or 0, 1)
            outline.append(OutlineEntry(depth, b.text[: b.label].rstrip("：:"), index))
        elif kind == question:
            blocks[index] = b.but(depth=1)
            outline.append(OutlineEntry(1, b.text, index))
    article.outline = outline
