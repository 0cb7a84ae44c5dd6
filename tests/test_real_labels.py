"""The hand labels of real pages (tests/data/real) agree with the OCR pages they label.

Each label names its page in ../shared/real/pages; every OCR box must be used (in a block,
a head part or the junk list), each block's text must be made of its boxes' texts in the
order given (a box that merges lines of two columns gives a piece to each), and each
article's outline must be its headings.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.evaluation import pieces

ROOT = Path(__file__).resolve().parents[1]
LABELS = sorted((ROOT / "tests" / "data" / "real").glob("*.json"))
PAGES = ROOT.parent / "shared" / "real" / "pages"
BLOCK_KINDS = {"paragraph", "heading", "question", "caption", "end", "dateline", "jump", "noise"}
ARTICLE_KINDS = {"article", "notice", "headline"}
HEAD_KEYS = ("kicker", "title", "subtitle", "byline")
_WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return _WS.sub("", text)


def made_of(text: str, boxes: list[str]) -> bool:
    return pieces(text, boxes) is not None


def test_there_are_labelled_real_pages() -> None:
    if not PAGES.is_dir():
        pytest.skip(f"the real pages are not beside the checkout ({PAGES})")
    assert len(LABELS) >= 10


@pytest.mark.parametrize("label", LABELS, ids=[p.stem for p in LABELS])
def test_a_label_agrees_with_its_page(label: Path) -> None:
    gold = json.loads(label.read_text(encoding="utf-8"))
    page = PAGES / gold["source"]
    if not page.is_file():
        pytest.skip(f"{page} is not beside the checkout")
    boxes = [r["text"] for r in json.loads(page.read_text(encoding="utf-8"))["ocr_results"]]
    used = set(gold.get("junk", []))
    assert gold["note"].strip() and gold["layout"].strip()
    for art in gold["articles"]:
        assert art["kind"] in ARTICLE_KINDS
        for key, indices in art.get("head_boxes", {}).items():
            assert key in HEAD_KEYS and art[key], (label.stem, key)
            assert made_of(art[key], [boxes[i] for i in indices]), (label.stem, art[key])
            used.update(indices)
        headings = []
        for block in art["blocks"]:
            assert block["kind"] in BLOCK_KINDS, block
            assert made_of(block["text"], [boxes[i] for i in block["boxes"]]), (
                label.stem,
                block["text"][:30],
            )
            used.update(block["boxes"])
            if block["kind"] in ("heading", "question"):
                headings.append((block.get("level"), squeeze(block["text"])))
        outline = [(o["level"], squeeze(o["text"])) for o in art["outline"]]
        assert outline == [h for h in headings if h[0] is not None], label.stem
    assert used == set(range(len(boxes))), sorted(set(range(len(boxes))) - used)[:10]
