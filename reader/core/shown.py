"""The page as the user sees it: its clean text and its annotations placed in that text.

The one place this is computed, for opening a page (store.versions.resolve) and for every
correction made or undone since (ui.session), so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.annotations import Annotation, Placed, place
from reader.core.export import CleanText, clean_text
from reader.core.model import Document


@dataclass(frozen=True)
class Shown:
    """A page as shown: the document (its decisions with it), clean text, placed notes."""

    doc: Document
    clean: CleanText
    placed: list[Placed]


def page_as_shown(doc: Document, annotations: Sequence[Annotation]) -> Shown:
    clean = clean_text(doc)
    return Shown(doc, clean, place(clean.text, list(annotations)))
