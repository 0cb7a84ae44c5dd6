"""Corrections by hand: operations on the reflowed page, anchored on its text.

Each operation names the block it works on by a text-quote selector into the page's clean
text (the block's own text, with context), never by an index, so the same operations can
be replayed on top of a better engine's output. `apply()` replays a list of them on the
automatic document in order; each one either lands or is returned with the reason it
could not.
"""

from __future__ import annotations

import copy
import json
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from reader.core.anchor import Selector, anchor, select
from reader.core.annotations import now
from reader.core.export import clean_text
from reader.core.model import Article, Block, Document, OutlineEntry

KINDS = ("join", "split", "kind", "new_article", "merge_article", "role", "text")
BLOCK_KINDS = ("paragraph", "heading", "question", "end", "dateline", "noise")
ROLES = ("title", "subtitle", "byline")
HEAD_ORDER = ("kicker", "title", "subtitle", "byline")
QUOTE = 48  # characters of a block quoted to find it again


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

    def describe(self) -> str:
        quote = self.target.exact.replace("\n", " ")
        quote = quote if len(quote) <= 24 else quote[:23] + "…"
        what = {
            "join": "join with the next block",
            "split": "split",
            "kind": f"make it {self.value.get('kind')}"
            + (f" (level {self.value['level']})" if self.value.get("level") else ""),
            "new_article": "start a new article",
            "merge_article": "merge with the previous article",
            "role": f"make it the {self.value.get('role')}"
            + (" of another article" if self.value.get("article") else ""),
            "text": "correct the text",
        }.get(self.kind, self.kind)
        return f"{what}: “{quote}”"


@dataclass
class Outcome:
    doc: Document
    applied: list[Edit]
    failed: list[tuple[Edit, str]]  # the edit and why it no longer applies
    edited_blocks: set[int] = field(default_factory=set)  # id() of blocks changed by hand
    fixed_text: set[int] = field(default_factory=set)  # id() of blocks whose text was fixed


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
    return Edit(op, target, doc.source.fingerprint, dict(value))


def _article_selector(doc: Document, article: int) -> dict[str, Any]:
    """An article is named by its first body block (its title may be what is moving)."""
    art = doc.articles[article]
    k = len(art.head) if art.blocks else 0
    return block_selector(doc, article, k)._asdict()


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
                if block.kind == "paragraph" and block.label:
                    self.runin[id(block)] = entry.level

    def find(self, sel: Selector) -> tuple[int, int, int] | None:
        """(article, index in all_blocks, offset in the block) of a selector's start."""
        clean = clean_text(self.doc)
        if sel.start < 0:  # furniture: by its text alone
            for ai, art in enumerate(self.doc.articles):
                for k, b in enumerate(art.all_blocks()):
                    if b.text.startswith(sel.exact):
                        return ai, k, 0
            return None
        found = anchor(clean.text, sel)
        if found is None:
            return None
        keys = clean.covering(found.start, found.end)
        if not keys:
            return None
        ai, k = keys[0]
        return ai, k, found.start - clean.starts[(ai, k)]

    def block(self, ai: int, k: int) -> Block:
        return self.doc.articles[ai].all_blocks()[k]

    def remove(self, ai: int, k: int) -> Block:
        art = self.doc.articles[ai]
        if k < len(art.head):
            return art.head.pop(k)
        return art.blocks.pop(k - len(art.head))


def apply(automatic: Document, edits: list[Edit]) -> Outcome:
    """Replay edits in order on a copy of the automatic document."""
    page = _Page(copy.deepcopy(automatic))
    applied: list[Edit] = []
    failed: list[tuple[Edit, str]] = []
    for edit in edits:
        reason = _apply_one(page, edit)
        if reason:
            failed.append((edit, reason))
        else:
            applied.append(edit)
    doc = page.doc
    doc.articles = [a for a in doc.articles if a.head or a.blocks]
    for art in doc.articles:
        rebuild_outline(art, page.runin)
    return Outcome(doc, applied, failed, page.edited, page.fixed)


def _apply_one(page: _Page, edit: Edit) -> str:
    where = page.find(edit.target)
    if where is None:
        return "its text is no longer on the page"
    ai, k, offset = where
    art = page.doc.articles[ai]
    block = page.block(ai, k)
    in_head = k < len(art.head)
    if edit.kind == "join":
        nxt = k + 1
        if nxt >= len(art.all_blocks()):
            return "it is the last block of its article"
        following = page.remove(ai, nxt)
        block.text = _join(block.text, following.text)
        block.last = max(block.last, following.last)
        page.edited.add(id(block))
    elif edit.kind == "split":
        at = offset + int(edit.value.get("at", 0))
        if not 0 < at < len(block.text):
            return "the split point is not inside a block"
        rest = Block(block.kind, block.text[at:].lstrip(), block.first, block.last, block.level)
        block.text = block.text[:at].rstrip()
        if in_head:
            art.head.insert(k + 1, rest)
        else:
            art.blocks.insert(k - len(art.head) + 1, rest)
        page.edited.update((id(block), id(rest)))
    elif edit.kind == "kind":
        kind = str(edit.value.get("kind"))
        if kind not in BLOCK_KINDS:
            return f"unknown kind {kind}"
        if in_head:
            page.remove(ai, k)
            art.blocks.insert(0, block)
        block.kind = kind
        block.level = int(edit.value.get("level") or 1) if kind in ("heading", "question") else None
        block.label = 0
        page.edited.add(id(block))
    elif edit.kind == "new_article":
        body = k - len(art.head)
        if in_head or body <= 0:
            return "it already starts its article"
        moved = art.blocks[body:]
        del art.blocks[body:]
        page.doc.articles.insert(ai + 1, Article(head=[], blocks=moved))
    elif edit.kind == "merge_article":
        if ai == 0:
            return "it is in the first article"
        previous = page.doc.articles[ai - 1]
        for b in art.head:
            b.kind = "heading" if b.kind == "title" else "paragraph"
            b.level = 1 if b.kind == "heading" else None
        previous.blocks.extend([*art.head, *art.blocks])
        del page.doc.articles[ai]
    elif edit.kind == "role":
        role = str(edit.value.get("role"))
        if role not in ROLES:
            return f"unknown role {role}"
        target = art
        if edit.value.get("article"):
            found = page.find(Selector(**edit.value["article"]))
            if found is None:
                return "the article it was given to is no longer on the page"
            target = page.doc.articles[found[0]]
        page.remove(ai, k)
        block.kind = role
        block.level = None
        block.label = 0
        rank = HEAD_ORDER.index(role)
        position = sum(1 for b in target.head if HEAD_ORDER.index(b.kind) <= rank)
        target.head.insert(position, block)
        if target is not art and not art.head and (not art.blocks or art.kind == "headline"):
            page.doc.articles.remove(art)
        page.edited.add(id(block))
    elif edit.kind == "text":
        old = str(edit.value.get("old", ""))
        if old and _squeeze(block.text) != _squeeze(old):
            return "the block's text changed since it was corrected"
        block.text = str(edit.value.get("new", block.text))
        page.edited.add(id(block))
        page.fixed.add(id(block))
    else:
        return f"unknown edit {edit.kind}"
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
        if b.kind == "heading" or b.kind == "question":
            entries.append(OutlineEntry(b.level or 1, b.text, index))
        elif b.kind == "paragraph" and b.label and id(b) in runin:
            entries.append(OutlineEntry(runin[id(b)], b.text[: b.label].rstrip("：:"), index))
    art.outline = entries
    if art.kind == "headline" and art.blocks:
        art.kind = "article"


def dumps(edits: list[Edit]) -> str:
    return json.dumps([e.to_json() for e in edits], ensure_ascii=False)


def loads(text: str) -> list[Edit]:
    return [Edit.from_json(d) for d in json.loads(text or "[]")]
