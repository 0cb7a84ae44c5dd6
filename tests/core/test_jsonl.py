"""JSON lines for search servers: an article a line, compact UTF-8; read back, the lines
give the page's articles again (titles, bylines, text, block kinds, outline)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.core.cite import page_date
from reader.core.document import from_bytes, load
from reader.core.model import Document
from reader.core.publish import FORMATS, Options, Part, publish, select
from tests.evaluation import REAL_PAGES, load_gold
from tests.relayout import layouts, render

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
REAL = sorted(REAL_PAGES.glob("*_p[0-9].json")) if REAL_PAGES.is_dir() else []


def made_up(name: str) -> Document:
    return from_bytes(render(load_gold(name), layouts(48)[11]), f"{name}.txt")


def documents() -> list[tuple[str, Document]]:
    pages = [(p.name, load(p)) for p in (*SEEDS, *REAL)]
    return pages + [(f"{name}.txt", made_up(name)) for name in ("features", "briefs")]


DOCUMENTS = documents()


def records(doc: Document, options: Options | None = None) -> list[dict]:
    data = publish([Part(doc)], options or Options(format="jsonl")).decode("utf-8")
    assert data.endswith("\n")
    return [json.loads(line) for line in data.split("\n")[:-1]]


def rebuilt(record: dict) -> tuple:
    """An article as the search server has it, back in the document's terms."""
    lines = record["text"].split("\n") if record["kinds"] else []
    blocks = list(zip(record["kinds"], lines, strict=True))
    outline = [(o["level"], o["text"], o["block"]) for o in record["outline"]]
    heads = (record["kicker"], record["title"], record["subtitle"], record["byline"])
    return heads, record["kind"], blocks, outline


@pytest.mark.parametrize(("name", "doc"), DOCUMENTS, ids=[name for name, _doc in DOCUMENTS])
def test_the_lines_give_the_articles_back(name: str, doc: Document) -> None:
    options = Options(format="jsonl")
    shown = select(Part(doc), options)
    expected = [
        (
            (art.kicker, art.title, art.subtitle, art.byline),
            art.kind,
            [(b.kind, b.text) for b in art.blocks],
            [(o.level, o.text, o.block) for o in art.outline],
        )
        for art in shown.articles
        if art.head or art.blocks
    ]
    found = records(doc)
    assert [rebuilt(r) for r in found] == expected
    assert len(found) >= 2
    numbers = [n for n, art in enumerate(shown.articles, 1) if art.head or art.blocks]
    assert [r["article"] for r in found] == numbers
    assert {(r["path"], r["date"]) for r in found} == {(doc.source.path, page_date(doc))}
    # Page furniture stays out, as in the other texts.
    assert all("noise" not in r["kinds"] for r in found)


def test_each_line_is_compact_utf8_json() -> None:
    data = publish([Part(DOCUMENTS[0][1])], Options(format="jsonl"))
    for line in data.decode("utf-8").splitlines():
        record = json.loads(line)
        assert line == json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    assert "新质生产力".encode() in data and b"\\u" not in data


def test_choices_of_what_goes_out_apply() -> None:
    doc = load(SEEDS[0])
    assert any(r["byline"] for r in records(doc))
    without = records(doc, Options(format="jsonl", bylines=False, furniture=True))
    assert not any(r["byline"] for r in without)
    assert any("noise" in r["kinds"] for r in without)
    # Always UTF-8 with LF: the choices for plain text do not apply.
    plain = publish([Part(doc)], Options(format="jsonl"))
    assert publish([Part(doc)], Options(format="jsonl", encoding="gb18030", newline="CRLF")) == (
        plain
    )


def test_the_date_is_the_page_date(tmp_path: Path) -> None:
    page = tmp_path / "人民日报_20240312_p4.txt"
    shutil.copy(SEEDS[1], page)
    assert {r["date"] for r in records(load(page))} == {"2024-03-12"}


def test_ids_are_stable_for_the_same_text_and_distinct_between_articles(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere.txt"
    shutil.copy(SEEDS[0], copy)
    first, again, other = (records(load(p)) for p in (SEEDS[0], copy, SEEDS[1]))
    ids = [r["id"] for r in first]
    assert ids == [r["id"] for r in again] and len(set(ids)) == len(ids)
    assert not set(ids) & {r["id"] for r in other}


def test_a_pages_ocr_json_and_its_plain_text_never_share_an_id() -> None:
    """A page's PaddleOCR JSON and its plain-text export share the fingerprint of their
    text, but are parted into articles otherwise: article 1 of one was 毛主席最新指示,
    of the other 文革簡记, under one id, so that a bulk load keyed by id replaced one
    article with another. Each kind of file has ids of its own; each is stable."""
    real = ROOT.parent / "shared" / "real" / "pages"
    json_page = real / "03_wengejianxun_19670919_p1.json"
    if not json_page.is_file():
        pytest.skip(f"the real OCR pages are not in {real}")
    boxes, text = load(json_page), load(json_page.with_suffix(".paddle.txt"))
    assert boxes.source.fingerprint == text.source.fingerprint
    from_boxes = {r["id"]: r["title"] for r in records(boxes)}
    from_text = {r["id"]: r["title"] for r in records(text)}
    assert not from_boxes.keys() & from_text.keys()
    assert from_boxes == {r["id"]: r["title"] for r in records(load(json_page))}
    assert all(i.startswith(f"{boxes.source.fingerprint[:16]}-paddleocr-") for i in from_boxes)


def test_several_pages_are_one_stream() -> None:
    docs = [doc for _name, doc in DOCUMENTS[:3]]
    whole = publish([Part(doc) for doc in docs], Options(format="jsonl"))
    assert whole == b"".join(publish([Part(doc)], Options(format="jsonl")) for doc in docs)
    assert "jsonl" in FORMATS
