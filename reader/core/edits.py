"""Corrections by hand: operations on the reflowed page, anchored on its text.

Each operation names the block it works on by a text-quote selector into the page's clean
text (the block's own text, with context), never by an index, so the same operations can
be replayed on top of a better engine's output. `apply()` replays a list of them on the
automatic document in order; each one either lands or is returned with the reason it
could not.
"""

from __future__ import annotations

import copy
import difflib
import json
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from reader.core.anchor import Selector, anchor, select
from reader.core.annotations import (
    LIMIT,
    check_int,
    check_object,
    check_text,
    check_time,
    line_at,
    now,
    refusal,
    required,
    shown,
    whole,
)
from reader.core.export import clean_text
from reader.core.kinds import CORRECTABLE, OUTLINED, BlockKind
from reader.core.kinds import HEAD_ORDER as _HEAD_ORDER
from reader.core.kinds import ROLES as _ROLES
from reader.core.model import Article, Block, Document, OutlineEntry
from reader.core.text import ink

KINDS = ("join", "split", "kind", "new_article", "merge_article", "role", "text")
# From the table of kinds: what a kind correction may set, the roles a role correction
# gives, and the order of a headline group's parts.
BLOCK_KINDS = tuple(str(k) for k in CORRECTABLE)
ROLES = tuple(str(k) for k in _ROLES)
HEAD_ORDER = tuple(str(k) for k in _HEAD_ORDER)
QUOTE = 48  # characters of a block quoted to find it again
ENDS = 12  # characters of a block's end kept by an edit that acts on the whole block
# Edits that act on a whole block (its end as much as its start): each keeps the block's last
# characters, so that it is never applied to a block that only begins the same way (a block
# that an earlier correction, since removed, had joined to the next one).
# (A kind set on a block still applies where a better engine split the block: to its
# first part, which opens as it did.)
WHOLE_BLOCK = ("join", "role")
# Why an edit is not applied where its quote would now put it on other text.
ELSEWHERE = "the block it was made on is no longer on the page"
NO_ARTICLE = "the article it was given to is no longer on the page"
LEVELS = range(1, 10)  # heading levels a correction may set
# The values each kind of edit carries (make() writes them; a file may carry no others).
VALUES: dict[str, tuple[str, ...]] = {
    "join": ("ends",),
    "split": ("at",),
    "kind": ("kind", "level"),
    "new_article": (),
    "merge_article": (),
    "role": ("role", "article", "ends"),
    "text": ("old", "new"),
}
# What the store hands back for a row it cannot read; it is listed, never applied.
UNREADABLE = "unreadable"


@dataclass
class Edit:
    kind: str
    target: Selector  # the block edited (its text, or the text around a split point)
    fingerprint: str = ""
    value: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created: str = field(default_factory=now)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = self.target._asdict()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Edit:
        target = data["target"]
        return cls(
            kind=str(data["kind"]),
            target=Selector(
                str(target["exact"]),
                str(target.get("prefix", "")),
                str(target.get("suffix", "")),
                int(target.get("start", 0)),
                int(target.get("end", 0)),
            ),
            fingerprint=str(data.get("fingerprint", "")),
            value=dict(data.get("value") or {}),
            id=str(data.get("id") or uuid.uuid4()),
            created=str(data.get("created") or now()),
        )

    def quoted(self) -> str:
        """The start of the text the edit was made on, short, on one line. (Also for an
        edit stored by hand or damaged in the database.)"""
        value = self.value if isinstance(self.value, dict) else {}
        exact = getattr(self.target, "exact", "")
        if self.kind == UNREADABLE:  # the stored row as it was, which is all there is
            exact = value.get("data", "")
        quote = " ".join(exact.split()) if isinstance(exact, str) else ""
        return quote if len(quote) <= 24 else quote[:23] + "…"

    def describe(self) -> str:
        """What the edit does, in English (the window says it in its own language)."""
        value = self.value if isinstance(self.value, dict) else {}
        quote = self.quoted()
        level = str(value.get("level"))[:12]
        what = {
            "join": "join with the next block",
            "split": "split",
            "kind": f"make it {value.get('kind')}"
            + (f" (level {level})" if value.get("level") else ""),
            "new_article": "start a new article",
            "merge_article": "merge with the previous article",
            "role": f"make it the {value.get('role')}"
            + (" of another article" if value.get("article") else ""),
            "text": "correct the text",
            UNREADABLE: "an unreadable correction",
        }.get(self.kind, f"{shown(self.kind)} (not a known correction)")
        return f"{what}: “{quote}”"


def text_changes(old: str, new: str, context: int = 4) -> list[tuple[str, str]]:
    """What a text correction changed, as (before, after) snippets on one line with a few
    characters around each change, "…" where the text goes on: the changes in a long
    paragraph, not its first words, which a typo fixed in its middle leaves alike. Changes
    closer than twice the context are one snippet."""
    old, new = " ".join(old.split()), " ".join(new.split())
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    spans: list[list[int]] = []  # [old from, old to, new from, new to]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 2 * context:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])

    def snippet(text: str, start: int, end: int) -> str:
        lo, hi = max(0, start - context), min(len(text), end + context)
        middle = text[lo:hi]
        if len(middle) > 40:
            middle = middle[:39] + "…"
        return ("…" if lo > 0 else "") + middle + ("…" if hi < len(text) else "")

    return [(snippet(old, i1, i2), snippet(new, j1, j2)) for i1, i2, j1, j2 in spans]


@dataclass
class Outcome:
    doc: Document
    applied: list[Edit]
    failed: list[tuple[Edit, str]]  # the edit and why it no longer applies
    edited_blocks: set[int] = field(default_factory=set)  # id() of blocks changed by hand
    fixed_text: set[int] = field(default_factory=set)  # id() of blocks whose text was fixed


# -- checking edits --------------------------------------------------------------------------


def edit_from_json(data: Any) -> Edit:
    """An edit from an export file, every field checked (Edit.from_json trusts the store);
    a ValueError says which field is wrong, in one line."""
    data = check_object(data, "the correction")
    edit_id = check_text(required(data, "id"), "id", empty=False)
    kind = check_text(required(data, "kind"), "kind")
    if kind not in KINDS:
        raise refusal("kind", kind, "one of " + ", ".join(KINDS))
    fingerprint = check_text(required(data, "fingerprint"), "fingerprint", empty=False)
    target = check_selector(required(data, "target"), "target")
    value = check_value(kind, check_object(data.get("value", {}), "value"), target)
    created = check_time(data.get("created"), "created") or now()
    return Edit(kind, target, fingerprint, value, edit_id, created)


def check_selector(data: Any, what: str) -> Selector:
    """A selector's fields: a non-empty quote, text context, positions in range (both -1
    for page furniture, which is found by its text alone)."""
    if isinstance(data, Selector):
        data = data._asdict()
    data = check_object(data, what)
    for key in data:
        if key not in Selector._fields:
            raise ValueError(f"{what} has an unknown field {shown(key)}")
    exact = check_text(required(data, "exact", f"{what} quote"), f"{what} quote")
    if not exact:
        raise ValueError(f"{what} quote is empty")
    start = check_int(data.get("start", 0), f"{what} start", -1, LIMIT)
    end = check_int(data.get("end", 0), f"{what} end", -1, LIMIT)
    if -1 in (start, end) and (start, end) != (-1, -1):
        raise ValueError(f"{what} start {start} and end {end} do not go together")
    if start > end:
        raise ValueError(f"{what} start {start} is after its end {end}")
    prefix = check_text(data.get("prefix", ""), f"{what} prefix")
    suffix = check_text(data.get("suffix", ""), f"{what} suffix")
    return Selector(exact, prefix, suffix, start, end)


def check_value(kind: str, value: dict[str, Any], target: Selector) -> dict[str, Any]:
    """The values of an edit of `kind`, checked, with whole numbers as ints."""
    for key in value:
        if key not in VALUES[kind]:
            raise ValueError(f"{shown(key)} is not a value of a {kind} correction")
    out: dict[str, Any] = {}
    if "ends" in value:
        out["ends"] = check_text(value["ends"], "the block's end")[:ENDS]
    if kind == "split":
        out["at"] = check_int(
            required(value, "at", "split point"), "split point", 0, len(target.exact)
        )
    elif kind == "kind":
        out["kind"] = _one_of(value, "kind", "block kind", BLOCK_KINDS)
        if "level" in value:
            level = whole(value["level"])
            if value["level"] is not None and (level is None or level not in LEVELS):
                raise refusal("level", value["level"], f"a number from 1 to {LEVELS[-1]}")
            out["level"] = level
    elif kind == "role":
        out["role"] = _one_of(value, "role", "role", ROLES)
        if "article" in value:
            article = value["article"]
            out["article"] = (
                None if article is None else check_selector(article, "article")._asdict()
            )
    elif kind == "text":
        out["new"] = check_text(required(value, "new"), "new")
        if "old" in value:
            out["old"] = check_text(value["old"], "old")
    return out


def _one_of(value: dict[str, Any], key: str, what: str, allowed: tuple[str, ...]) -> str:
    """value[key], which must be given and be one of `allowed`."""
    text = check_text(required(value, key), what)
    if text not in allowed:
        raise refusal(what, text, "one of " + ", ".join(allowed))
    return text


def problem(edit: Edit) -> str:
    """Why an edit cannot apply to any page ('' when it is well-formed)."""
    try:
        _checked(edit)
    except ValueError as exc:
        return str(exc)
    return ""


def _checked(edit: Edit) -> tuple[Selector, dict[str, Any]]:
    if edit.kind == UNREADABLE:
        raise ValueError("it could not be read from the database")
    if edit.kind not in KINDS:
        raise ValueError(f"unknown edit {shown(edit.kind)}")
    target = check_selector(edit.target, "its target")
    return target, check_value(edit.kind, check_object(edit.value, "its value"), target)


# -- making edits ----------------------------------------------------------------------------


def block_selector(doc: Document, article: int, k: int) -> Selector:
    """A selector for block k of article.all_blocks(): the start of its text in context."""
    clean = clean_text(doc)
    start = clean.starts.get((article, k))
    block = doc.articles[article].all_blocks()[k]
    if start is None:  # page furniture has no clean text: quote the block alone
        return Selector(block.text[:QUOTE], "", "", -1, -1)
    return select(clean.text, start, start + min(len(block.text), QUOTE))


def make(doc: Document, op: str, ai: int, k: int, **value: Any) -> Edit:
    """An edit of block k of article ai's all_blocks(). Values: split offset=; kind kind=,
    level=; role role=, article= (index of another article); text new=."""
    if op not in KINDS:
        raise ValueError(f"unknown edit {op!r}")
    if op == "split":
        offset = int(value["offset"])
        clean = clean_text(doc)
        base = clean.starts[(ai, k)]
        lo = max(base, base + offset - QUOTE // 2)
        target = select(clean.text, lo, base + offset + QUOTE // 2)
        value = {"at": base + offset - lo}
    else:
        target = block_selector(doc, ai, k)
        if op == "text":
            value = {"old": doc.articles[ai].all_blocks()[k].text, "new": value["new"]}
        if op == "role" and value.get("article") is not None:
            other = int(value["article"])
            value = {"role": value["role"], "article": _article_selector(doc, other)}
        if op in WHOLE_BLOCK:
            value = {**value, "ends": _ends(doc.articles[ai].all_blocks()[k].text)}
    return Edit(op, target, doc.source.fingerprint, dict(value))


def _ends(text: str) -> str:
    """A block's last characters, spaces left out (as reflow may place them differently)."""
    return _squeeze(text)[-ENDS:]


def _article_selector(doc: Document, article: int) -> dict[str, Any]:
    """An article is named by its first body block (its title may be what is moving)."""
    return block_selector(doc, article, _naming(doc.articles[article]))._asdict()


def _naming(art: Article) -> int:
    """The index in all_blocks() of the block that names an article."""
    return len(art.head) if art.blocks else 0


# -- replaying -------------------------------------------------------------------------------


class _Page:
    """The document being corrected, with its blocks findable by text."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.edited: set[int] = set()
        self.fixed: set[int] = set()
        self.runin: dict[int, int] = {}
        for art in doc.articles:
            for entry in art.outline:
                block = art.blocks[entry.block]
                if block.kind == BlockKind.PARAGRAPH and block.label:
                    self.runin[id(block)] = entry.level

    def find(self, sel: Selector) -> tuple[int, int, int] | None:
        """(article, index in all_blocks, offset in the block) of a selector's start."""
        located = self.locate(sel)
        return located[0] if located else None

    def locate(self, sel: Selector) -> tuple[tuple[int, int, int], bool, bool] | None:
        """Where a selector's start is (as find()), whether the quote opens that block, and
        whether it ends inside it: whether it quotes a block as block_selector() did."""
        clean = clean_text(self.doc)
        if sel.start < 0:  # furniture: by its text alone
            for ai, art in enumerate(self.doc.articles):
                for k, b in enumerate(art.all_blocks()):
                    if b.text.startswith(sel.exact):
                        return (ai, k, 0), True, True
            return None
        found = anchor(clean.text, sel)
        if found is None:
            return None
        keys = clean.covering(found.start, found.end)
        if not keys:
            return None
        ai, k = keys[0]
        before = clean.text[clean.starts[(ai, k)] : found.start]
        return (ai, k, found.start - clean.starts[(ai, k)]), not before.strip(), len(keys) == 1

    def block(self, ai: int, k: int) -> Block:
        return self.doc.articles[ai].all_blocks()[k]

    def remove(self, ai: int, k: int) -> Block:
        art = self.doc.articles[ai]
        if k < len(art.head):
            return art.head.pop(k)
        return art.blocks.pop(k - len(art.head))


def apply(automatic: Document, edits: list[Edit]) -> Outcome:
    """Replay edits in order on a copy of the automatic document. An edit that does not
    apply, whatever the reason, is listed in `failed` and leaves the page as it was."""
    page = _Page(copy.deepcopy(automatic))
    applied: list[Edit] = []
    failed: list[tuple[Edit, str]] = []
    for edit in edits:
        try:
            target, value = _checked(edit)
        except ValueError as exc:
            failed.append((edit, str(exc)))
            continue
        saved = _Saved(page)
        try:
            reason = _apply_one(page, edit.kind, target, value)
        except Exception as exc:  # one bad edit must never stop the page from opening
            saved.restore(page)
            reason = "it could not be applied: " + " ".join(f"{exc!r}".split())[:120]
        if reason:
            failed.append((edit, reason))
        else:
            applied.append(edit)
    doc = page.doc
    doc.articles = [a for a in doc.articles if a.head or a.blocks]
    for art in doc.articles:
        rebuild_outline(art, page.runin)
    return Outcome(doc, applied, failed, page.edited, page.fixed)


class _Saved:
    """The page's structure before an edit, to put back if the edit fails halfway."""

    def __init__(self, page: _Page) -> None:
        doc = page.doc
        self.articles = list(doc.articles)
        self.parts = [(a, list(a.head), list(a.blocks), a.kind) for a in doc.articles]
        self.blocks = [
            (b, b.kind, b.text, b.first, b.last, b.numbering, b.depth, b.label, b.skip, b.spare)
            for a in doc.articles
            for b in a.all_blocks()
        ]
        self.edited, self.fixed = set(page.edited), set(page.fixed)

    def restore(self, page: _Page) -> None:
        page.doc.articles = self.articles
        for art, head, blocks, kind in self.parts:
            art.head, art.blocks, art.kind = head, blocks, kind
        for b, kind, text, first, last, numbering, depth, label, skip, spare in self.blocks:
            b.kind, b.text, b.first, b.last = kind, text, first, last
            b.numbering, b.depth, b.label, b.skip, b.spare = numbering, depth, label, skip, spare
        page.edited, page.fixed = self.edited, self.fixed


def _apply_one(page: _Page, kind: str, target: Selector, value: dict[str, Any]) -> str:
    """Apply one edit, its values checked already (see check_value). An edit made on a
    block (all but a split, which is made at a point in the text) applies only where its
    quote still opens a block, and one that acts on the whole block only where the block
    still ends as it did: otherwise it would act on other text than it was made on."""
    located = page.locate(target)
    if located is None:
        return "its text is no longer on the page"
    (ai, k, offset), opens, alone = located
    art = page.doc.articles[ai]
    block = page.block(ai, k)
    if kind != "split" and not opens:
        return ELSEWHERE
    if kind in WHOLE_BLOCK and not alone:  # the block is not the one quoted, but its start
        return ELSEWHERE
    if "ends" in value and _ends(block.text) != value["ends"]:
        return ELSEWHERE
    in_head = k < len(art.head)
    if kind == "join":
        nxt = k + 1
        if nxt >= len(art.all_blocks()):
            return "it is the last block of its article"
        following = page.remove(ai, nxt)
        if in_head and following.kind == BlockKind.TITLE:
            # A kicker (or a subtitle) joined with the title after it: one title, the
            # article's, not a kicker that leaves the article untitled.
            block.kind = BlockKind.TITLE
        block.text = _join(block.text, following.text)
        if following.last >= block.last:
            block.last, block.spare = following.last, following.spare
        page.edited.add(id(block))
    elif kind == "split":
        at = offset + value["at"]
        if not 0 < at < len(block.text):
            return "the split point is not inside a block"
        line, within = line_at(page.doc, block, ink(block.text[:at]))
        rest = Block(
            block.kind,
            block.text[at:].lstrip(),
            line,
            block.last,
            block.numbering,
            depth=block.depth,
            skip=within,
            spare=block.spare,
        )
        block.text = block.text[:at].rstrip()
        if within:
            block.last, block.spare = line, ink(page.doc.source_lines[line]) - within
        else:
            block.last, block.spare = max(block.first, line - 1), 0
        if in_head:
            art.head.insert(k + 1, rest)
        else:
            art.blocks.insert(k - len(art.head) + 1, rest)
        page.edited.update((id(block), id(rest)))
    elif kind == "kind":
        if in_head:
            page.remove(ai, k)
            art.blocks.insert(0, block)
        block.kind = BlockKind(value["kind"])
        block.numbering = None
        block.depth = (value.get("level") or 1) if block.kind in OUTLINED else None
        block.label = 0
        page.edited.add(id(block))
    elif kind == "new_article":
        body = k - len(art.head)
        if in_head or body <= 0:
            return "it already starts its article"
        moved = art.blocks[body:]
        del art.blocks[body:]
        page.doc.articles.insert(ai + 1, Article(head=[], blocks=moved))
    elif kind == "merge_article":
        if ai == 0:
            return "it is in the first article"
        previous = page.doc.articles[ai - 1]
        for b in art.head:
            b.kind = BlockKind.HEADING if b.kind == BlockKind.TITLE else BlockKind.PARAGRAPH
            b.numbering = None
            b.depth = 1 if b.kind == BlockKind.HEADING else None
        previous.blocks.extend([*art.head, *art.blocks])
        del page.doc.articles[ai]
    elif kind == "role":
        role = value["role"]
        into = art
        if value.get("article"):
            named = page.locate(Selector(**value["article"]))
            if named is None:
                return NO_ARTICLE
            (other, j, _), opens, alone = named
            into = page.doc.articles[other]
            if not (opens and alone) or j != _naming(into):  # no longer the block that names it
                return NO_ARTICLE
        titled = any(b.kind == BlockKind.TITLE for b in art.head)
        if into is art and role == "title" and titled:
            body = k - len(art.head)
            # Page furniture between the title and the block (hidden: a date line, the
            # paper's name) does not keep the block from being right under the title.
            under = all(b.kind == BlockKind.FURNITURE for b in art.blocks[: max(body, 0)])
            if body > 0 and not under:
                # A title inside the text of an article that has one opens an article of
                # its own there: the text from it on goes with it (a headline OCR ran into
                # the story above).
                moved = art.blocks[body:]
                del art.blocks[body:]
                ai, k = ai + 1, 0
                into = art = Article(head=[], blocks=moved)
                page.doc.articles.insert(ai, art)
            else:
                # A line of the headline, or the one right under it, is the title: the
                # title over it becomes its kicker, one under it its subtitle.
                for j, b in enumerate(art.head):
                    if b.kind == BlockKind.TITLE and b is not block:
                        b.kind = BlockKind.KICKER if j < k else BlockKind.SUBTITLE
                        page.edited.add(id(b))
        page.remove(ai, k)
        block.kind = BlockKind(role)
        block.numbering = block.depth = None
        block.label = 0
        rank = HEAD_ORDER.index(role)
        position = sum(1 for b in into.head if HEAD_ORDER.index(b.kind) <= rank)
        into.head.insert(position, block)
        if into is not art and not art.head and (not art.blocks or art.kind == "headline"):
            page.doc.articles.remove(art)
        page.edited.add(id(block))
    elif kind == "text":
        old = value.get("old", "")
        if old and _squeeze(block.text) != _squeeze(old):
            return "the block's text changed since it was corrected"
        block.text = value["new"]
        page.edited.add(id(block))
        page.fixed.add(id(block))
    else:
        return f"unknown edit {shown(kind)}"
    return ""


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _join(a: str, b: str) -> str:
    from reader.core.text import join_lines

    return join_lines(a, b)


def rebuild_outline(art: Article, runin: dict[int, int]) -> None:
    """The outline from the blocks as they are now (levels already final)."""
    entries = []
    for index, b in enumerate(art.blocks):
        if b.kind in OUTLINED:
            entries.append(OutlineEntry(b.depth or 1, b.text, index))
        elif b.kind == BlockKind.PARAGRAPH and b.label and id(b) in runin:
            entries.append(OutlineEntry(runin[id(b)], b.text[: b.label].rstrip("：:"), index))
    art.outline = entries
    if art.kind == "headline" and art.blocks:
        art.kind = "article"


def dumps(edits: list[Edit]) -> str:
    return json.dumps([e.to_json() for e in edits], ensure_ascii=False)


def loads(text: str) -> list[Edit]:
    return [Edit.from_json(d) for d in json.loads(text or "[]")]
