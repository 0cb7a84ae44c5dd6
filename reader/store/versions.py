"""A page's annotations and corrections, found again when its text changed.

They are stored against the page's fingerprint. When a page opens whose fingerprint has
nothing stored, the stored page that is the same page is looked for: the one read from the
same path, or one whose text is nearly the same (reader.core.versions). Its annotations are
anchored in the new text and its corrections replayed on it; `carry_over` then moves them
to the new fingerprint, once the user has seen the result. What cannot be placed stays,
listed as unanchored or as a correction that no longer applies.

Where the earlier version is another file that is still where it was (a page's plain-text
twin beside its JSON, a better OCR of it kept beside the first), or cannot be looked at (a
drive not mounted), they are copied instead: each file keeps its own, and opening one
never takes them from the other. Only a file gone from a folder that is there lets them
move. A copy's id is made from the original's and the new text's fingerprint, so a copy
made twice (the page opened again before the first was stored, two databases merged) is
stored once.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from reader.core.anchor import select
from reader.core.annotations import Annotation, Placed, locate, now, same_text
from reader.core.edits import Edit, Outcome, apply
from reader.core.export import CleanText, clean_text
from reader.core.model import Document
from reader.core.shown import page_as_shown
from reader.core.versions import (
    MAX_CHARS,
    SAME_PAGE,
    SAME_PATH,
    CarriedOver,
    similarity,
    sketch,
    squeezed,
)
from reader.store.db import Store, StoreError, _put, storable
from reader.store.files import gone


@dataclass
class Resolved:
    """A page as the user sees it: corrected, with its annotations placed."""

    automatic: Document  # the engine's page, before corrections
    doc: Document
    placed: list[Placed]
    edits: list[Edit]
    corrections: Outcome | None
    carried: CarriedOver | None = None
    # The annotations as they are to be stored under the new fingerprint (carry_over),
    # and the ids they had there (the same ids, but where they are copies).
    moved: list[Annotation] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    # The clean text, where annotations were placed in it; else made when first asked
    # for (`clean`). An export reads the blocks alone: made anyway, it was a copy of the
    # page's text and a table of its blocks' starts, 40 MB of a 32 MB page, held while
    # the page was written.
    _clean: CleanText | None = field(default=None, repr=False, compare=False)

    @property
    def clean(self) -> CleanText:
        if self._clean is None:
            self._clean = clean_text(self.doc)
        return self._clean


class Earlier(NamedTuple):
    """The stored page a page is a version of: its fingerprint, the path it was read
    from, how alike the two texts are, and whether that file is another that is still
    there, or not known to be gone (its annotations and corrections are then copied, not
    moved)."""

    fingerprint: str
    path: str
    similarity: float
    kept: bool = False


def remember(store: Store, doc: Document, text_sketch: bytes | None = None) -> None:
    """Record what the page looks like, so a changed copy of it is recognised later."""
    data = text_sketch if text_sketch is not None else page_sketch(doc)
    with store._write() as db:
        db.execute(
            "INSERT INTO documents(fingerprint, path, chars, sketch, seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(fingerprint) DO UPDATE SET path = excluded.path, seen = excluded.seen",
            (doc.source.fingerprint, doc.source.path, _chars(doc), data, now()),
        )


def page_sketch(doc: Document) -> bytes:
    """The page's sketch, from the lines that hold the MAX_CHARS characters it is made of:
    a whole 50 MB page joined, and split again to drop its white space, took 116 MB for a
    moment as it opened."""
    pieces: list[str] = []
    chars = 0
    for line in doc.source_lines:
        if chars >= MAX_CHARS:
            break
        piece = squeezed(line)
        pieces.append(piece)
        chars += len(piece)
    return sketch("".join(pieces))


def _chars(doc: Document) -> int:
    return sum(len("".join(line.split())) for line in doc.source_lines)


def earlier_version(store: Store, doc: Document, text_sketch: bytes) -> Earlier | None:
    """The stored page that this page is a version of, among those with annotations or
    corrections; None when there is none."""
    fp, path = doc.source.fingerprint, doc.source.path
    try:
        # (not a version this one was linked to by a copy: each keeps its own since)
        rows = store.db.execute(
            "SELECT d.fingerprint, d.path, d.chars, d.sketch FROM documents d "
            "WHERE d.fingerprint != ? AND (EXISTS (SELECT 1 FROM annotations a "
            "WHERE a.fingerprint = d.fingerprint) OR EXISTS (SELECT 1 FROM edits e "
            "WHERE e.fingerprint = d.fingerprint)) AND d.fingerprint NOT IN "
            "(SELECT other FROM version_links WHERE fingerprint = ?)",
            (fp, fp),
        ).fetchall()
        # Annotations made before pages were sketched: known by their path alone.
        legacy = store.db.execute(
            "SELECT DISTINCT fingerprint FROM annotations WHERE path = ? AND fingerprint != ? "
            "AND fingerprint NOT IN (SELECT fingerprint FROM documents)",
            (path, fp),
        ).fetchall() if path else []  # fmt: skip
    except sqlite3.Error as exc:
        raise StoreError(f"the annotation database failed: {exc}") from None
    chars = max(1, _chars(doc))
    best: tuple[float, str, str, float] | None = None
    here = _whole(storable(path)) if path else ""  # as the store holds it
    for other, other_path, other_chars, other_sketch in rows:
        same_path = bool(path) and _whole(other_path) == here
        if not same_path and not 0.5 <= other_chars / chars <= 2:
            continue
        score = similarity(text_sketch, other_sketch)
        if score < (SAME_PATH if same_path else SAME_PAGE):
            continue
        # A near-identical text outranks a mere shared path; the path breaks ties.
        rank = score + (0.01 if same_path else 0)
        if best is None or rank > best[0]:
            best = (rank, other, other_path, score)
    if best is not None:
        _rank, other, other_path, score = best
        kept = _whole(other_path) != here and not gone(other_path)
        return Earlier(other, other_path, score, kept)
    if legacy:
        return Earlier(legacy[0][0], path, 0.0)
    return None


def _whole(path: str) -> str:
    """A path as a whole one, to compare: a page named from the folder the command line
    was started in (pages/004.txt) is the page the window kept by its whole path."""
    try:
        return os.path.abspath(os.path.expanduser(path))
    except (OSError, ValueError):
        return path


def _copy_id(original: str, fingerprint: str) -> str:
    """The id of the copy of an annotation or correction for the text `fingerprint`: the
    same each time it is made."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"ocr-reader:{original}:{fingerprint}"))


def resolve(automatic: Document, store: Store | None) -> Resolved:
    """The page with its stored corrections applied and its annotations placed, carried
    over from an earlier version of the page when this text has nothing stored."""
    fp = automatic.source.fingerprint
    edits = store.edits(fp) if store is not None else []
    annotations = store.for_document(fp) if store is not None else []
    carried_from: Earlier | None = None
    if store is not None and not edits and not annotations:
        found = earlier_version(store, automatic, page_sketch(automatic))
        if found is not None:
            carried_from = found
            edits = store.edits(found.fingerprint)
            annotations = store.for_document(found.fingerprint)
            if found.kept:  # copies of the corrections, this page's own
                edits = [replace(e, id=_copy_id(e.id, fp), fingerprint=fp) for e in edits]
    outcome = apply(automatic, edits) if edits else None
    doc = outcome.doc if outcome is not None else automatic
    if annotations:
        shown = page_as_shown(doc, annotations)
        resolved = Resolved(automatic, doc, shown.placed, edits, outcome, _clean=shown.clean)
    else:
        resolved = Resolved(automatic, doc, [], edits, outcome)
    placed = resolved.placed
    if carried_from is not None:
        clean = resolved.clean
        resolved.moved = [_moved(doc, clean, p) for p in placed]
        resolved.origins = [p.annotation.id for p in placed]
        if carried_from.kept:
            resolved.moved = [replace(m, id=_copy_id(m.id, fp)) for m in resolved.moved]
        resolved.placed = [Placed(m, p.anchor) for m, p in zip(resolved.moved, placed, strict=True)]
        resolved.carried = CarriedOver(
            source=carried_from.fingerprint,
            path=carried_from.path,
            similarity=carried_from.similarity,
            copied=carried_from.kept,
            annotations=len(annotations),
            placed=sum(1 for p in placed if p.anchor is not None),
            changed=sum(
                1
                for p in placed
                if p.anchor is not None
                and not same_text(
                    clean.text[p.anchor.start : p.anchor.end], p.annotation.selector.exact
                )
            ),
            corrections=len(edits),
            applied=len(outcome.applied) if outcome is not None else 0,
        )
    return resolved


def _moved(doc: Document, clean: CleanText, p: Placed) -> Annotation:
    """The annotation as it is to be stored against the new text: re-selected where it was
    placed, or as it was (still unanchored) where it could not be."""
    ann = p.annotation
    if p.anchor is None:  # (listed with the file it is now the annotation of)
        return replace(ann, fingerprint=doc.source.fingerprint, path=doc.source.path)
    start, end = p.anchor.start, p.anchor.end
    article, lines = locate(doc, clean, start, end)
    selector = select(clean.text, start, end)
    if not same_text(selector.exact, ann.selector.exact):
        # Placed on text that differs from what was marked (OCR read it otherwise): the
        # quote and its context stay as they were made, so nothing of them is lost and
        # the text they were made on, opened again, places them exactly.
        selector = ann.selector._replace(start=start, end=end)
    return replace(
        ann,
        fingerprint=doc.source.fingerprint,
        selector=selector,
        path=doc.source.path,
        article=article,
        lines=lines,
    )


def carry_over(store: Store, resolved: Resolved) -> None:
    """Store what `resolve` carried over against the new fingerprint, in one transaction:
    the annotations (same ids, so the earlier rows become these; new ones where they
    are copies, the earlier rows left as they are) and the corrections."""
    carried = resolved.carried
    if carried is None:
        return
    fp = resolved.doc.source.fingerprint
    ids = resolved.origins
    with store._write() as db:
        # Only what is still where resolve() found it: a change made meanwhile wins.
        still = {
            row[0]
            for row in db.execute(
                f"SELECT id FROM annotations WHERE fingerprint = ? AND id IN "
                f"({','.join('?' * len(ids))})",
                (carried.source, *ids),
            )
        } if ids else set()  # fmt: skip
        for ann, origin in zip(resolved.moved, ids, strict=True):
            if origin in still:
                _put(db, ann)
        if carried.copied:
            # Linked both ways: neither takes copies from the other again (what is
            # deleted on one stays deleted).
            db.executemany(
                "INSERT OR IGNORE INTO version_links(pair, fingerprint, other) VALUES (?, ?, ?)",
                [(f"{a}>{b}", a, b) for a, b in ((fp, carried.source), (carried.source, fp))],
            )
            start = db.execute(
                "SELECT coalesce(max(seq) + 1, 0) FROM edits WHERE fingerprint = ?", (fp,)
            ).fetchone()[0]
            db.executemany(
                "INSERT OR IGNORE INTO edits(id, fingerprint, seq, data, created) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (e.id, fp, start + k, json.dumps(e.to_json(), ensure_ascii=False), e.created)
                    for k, e in enumerate(resolved.edits)
                ],
            )
        else:
            db.execute(
                "UPDATE edits SET fingerprint = ?, seq = seq + coalesce((SELECT max(seq) + 1 "
                "FROM edits WHERE fingerprint = ?), 0) WHERE fingerprint = ?",
                (fp, fp, carried.source),
            )
    remember(store, resolved.doc)


def corrected(
    automatic: Document, path: str | os.PathLike[str] | None, carry: bool = True
) -> Document:
    """The page as the window shows it, read with a connection of the calling thread's
    own; uncorrected when there is no database or it cannot be read. Without `carry`,
    only the corrections stored against this very text (the library's indexing, which
    would otherwise sketch every page it reads)."""
    if path is None:
        return automatic
    try:
        store = Store(path, check=False)
    except StoreError:
        return automatic
    try:
        if not carry:
            edits = store.edits(automatic.source.fingerprint)
            return apply(automatic, edits).doc if edits else automatic
        return resolve(automatic, store).doc
    except StoreError:
        return automatic
    finally:
        store.close()
