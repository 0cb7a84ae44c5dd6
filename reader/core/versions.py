"""Is this the same page as one seen before? A sketch of a page's text, and how alike two are.

A page's annotations and corrections are stored against its fingerprint, which changes with
any change to its text: a re-OCR, a typo fixed in an editor, a paragraph deleted. To find
them again, each page seen keeps a bottom-k sketch of its character shingles (every run of
SHINGLE characters of the text without white space, hashed); the share of the smallest
hashes two sketches have in common estimates the Jaccard similarity of their shingle sets
(Broder's estimator). One character changed alters at most SHINGLE shingles, so a re-OCR
with 1% of characters wrong keeps about 0.9 of them; another page shares almost none.
"""

from __future__ import annotations

import array
import os
import sys
import zlib
from dataclasses import dataclass

SHINGLE = 5
SKETCH = 128  # hashes kept: the similarity's standard error is about 1/sqrt(SKETCH)
# Enough to recognise a page; a 50 MB file need not be hashed whole.
MAX_CHARS = 400_000
# At or above this estimate, two texts are versions of one page.
SAME_PAGE = 0.5
# Read from the same path, less is enough (a heavily corrected copy); another page that
# took the file's name shares almost no shingles (0.02 between the two sample pages).
SAME_PATH = 0.2


def squeezed(text: str) -> str:
    return "".join(text.split())


def sketch(text: str) -> bytes:
    """The SKETCH smallest shingle hashes of the text (white space ignored), packed."""
    chars = squeezed(text)[:MAX_CHARS]
    data = chars.encode("utf-32-le")
    width = 4 * SHINGLE
    if len(chars) < SHINGLE:
        hashes = {zlib.crc32(data)} if chars else set()
    else:
        hashes = {zlib.crc32(data[i : i + width]) for i in range(0, len(data) - width + 4, 4)}
    kept = array.array("I", sorted(hashes)[:SKETCH])
    if sys.byteorder != "little":
        kept.byteswap()
    return kept.tobytes()


def _values(packed: bytes) -> list[int]:
    values = array.array("I")
    values.frombytes(packed[: len(packed) // 4 * 4])
    if sys.byteorder != "little":
        values.byteswap()
    return values.tolist()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity (0..1) of the shingle sets two sketches came from."""
    left, right = set(_values(a)), set(_values(b))
    if not left or not right:
        return 0.0
    size = min(SKETCH, len(left), len(right))
    union = sorted(left | right)[:size]
    return sum(1 for h in union if h in left and h in right) / len(union)


@dataclass(frozen=True, slots=True)
class CarriedOver:
    """What came over from an earlier version of the page (another fingerprint)."""

    source: str  # the earlier version's fingerprint
    path: str  # where that version was read from
    similarity: float
    annotations: int
    placed: int
    corrections: int
    applied: int
    changed: int = 0  # of the placed annotations, those on text that differs from their quote
    copied: bool = False  # copies: the earlier version's file is still there and keeps its own

    def message(self) -> str:
        parts = []
        if self.annotations:
            lost = self.annotations - self.placed
            notes = [f"{lost} could not be placed"] if lost else []
            if self.changed:
                notes.append(f"{self.changed} on text that reads otherwise now")
            parts.append(
                f"{self.placed} of {self.annotations} annotations"
                + (f" ({'; '.join(notes)})" if notes else "")
            )
        if self.corrections:
            lost = self.corrections - self.applied
            parts.append(
                f"{self.applied} of {self.corrections} corrections"
                + (f" ({lost} no longer apply)" if lost else "")
            )
        if self.copied:
            name = os.path.basename(self.path)
            kept = f" copied from a version of this page, {name}, which keeps its own"
            return " and ".join(parts) + kept
        return " and ".join(parts) + " carried over from an earlier version of this page"
