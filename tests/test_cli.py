"""The command line, run as a user would: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from reader.store.files import OUTPUTS

ROOT = Path(__file__).resolve().parents[1]
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


def run(*args: str, cwd: Path = ROOT, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        timeout=300,
    )


def test_export_json_follows_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "page.json"
    result = run("export", str(SEED), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "ocr-reader.document/2"
    assert set(doc["source"]) >= {"path", "sha256", "encoding", "lines"}
    assert doc["source"]["encoding"] == "UTF-8"
    assert doc["source"]["reading"].endswith("quotes one cell wide")
    article = doc["articles"][0]
    assert set(article) >= {"title", "subtitle", "byline", "blocks", "outline"}
    kinds = {"paragraph", "heading", "question", "caption", "end", "dateline", "jump", "noise"}
    for art in doc["articles"]:
        for block in art["blocks"]:
            assert block["kind"] in kinds
            assert ("level" in block) == (block["kind"] in ("heading", "question"))
            first, last = block["lines"]
            assert 1 <= first <= last <= doc["source"]["lines"]
        for entry in art["outline"]:
            assert 0 <= entry["block"] < len(art["blocks"])


def _characters(text: str) -> Counter[str]:
    return Counter("".join(text.split()))


def _exported_characters(doc: dict) -> Counter[str]:
    found: Counter[str] = Counter()
    for art in doc["articles"]:
        for block in (*art["head"], *art["blocks"]):
            found += _characters(block["text"])
    return found


@pytest.mark.parametrize("page", ["seeds", "furniture"])
def test_json_holds_every_character_of_the_page(tmp_path: Path, page: str) -> None:
    if page == "seeds":
        pages = sorted((ROOT / "seeds").glob("*.txt"))
    else:
        pages = [tmp_path / "page.txt"]
        body = "让改革红利更多惠及群众，关键在于坚持以人民为中心。各级各部门要从群众最关心的事"
        lines = ["2025年3月12日 星期三", "3 要闻", body, "情做起。", "3", "月12", "日"]
        pages[0].write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    for path in pages:
        result = run("export", str(path), "-f", "json")
        assert result.returncode == 0, result.stderr
        doc = json.loads(result.stdout)
        source = path.read_text(encoding="utf-8")
        assert _exported_characters(doc) == _characters(source)
        kinds = [b["kind"] for art in doc["articles"] for b in art["blocks"]]
        lean = json.loads(run("export", str(path), "-f", "json", "--no-furniture").stdout)
        kept = [b["kind"] for art in lean["articles"] for b in art["blocks"]]
        assert kept == [k for k in kinds if k != "noise"]
        if page == "furniture":
            assert kinds.count("noise") >= 3


def test_export_text_and_markdown() -> None:
    txt = run("export", str(SEED), "--indent")
    assert txt.returncode == 0
    assert "＊＊＊" in txt.stdout
    assert "\u3000\u3000思想政治工作是统一思想" in txt.stdout
    md = run("export", str(SEED), "-f", "md")
    assert "## 一、思想政治工作在国有企业中的重要性" in md.stdout
    assert "# 科技创新引领产业创新浪潮" in md.stdout
    assert "*□ 新华社记者 刘亢 蒋芳 杨绍功*" in md.stdout
    assert "> （作者单位：山西焦煤集团化工有限责任公司）" in md.stdout


def test_a_folder_exports_in_one_call(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("export", str(ROOT / "seeds"), "-f", "md", "-o", str(out))
    assert result.returncode == 0, result.stderr
    # (and the list of what it wrote there: the next export writes only over those)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [OUTPUTS, *(f"{p.stem}.md" for p in SEED.parent.glob("*.txt"))]
    )


def test_explain_gives_reasons() -> None:
    result = run("export", str(SEED), "--explain")
    assert "line ends mid-sentence" in result.stdout
    assert "end matter" in result.stdout
    # First, how the page was read.
    first = result.stdout.splitlines()[0]
    assert first == (
        "read as: a blank line after every line; indents stripped; quotes one cell wide"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (bytes(range(256)) * 64, "binary"),
    ],
)
def test_bad_files_get_one_line_and_status_2(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("export", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file_and_good_file_together(tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "nope.txt"), str(SEED))
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert "思想政治" in result.stdout  # the good page was still exported


def test_huge_file_and_endless_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    seed = SEED.read_bytes()
    big.write_bytes(seed * (50_000_000 // len(seed) + 1))
    long_line = tmp_path / "line.txt"
    long_line.write_bytes(("国企在发展国民经济中发挥着作用，" * 70_000).encode())
    out = tmp_path / "out"
    result = run("export", str(big), str(long_line), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "big.txt").stat().st_size > 10_000_000
    assert len((out / "line.txt").read_text(encoding="utf-8")) >= 1_000_000


def test_invalid_bytes_in_the_middle_warn_but_export(tmp_path: Path) -> None:
    page = tmp_path / "damaged.txt"
    seed = SEED.read_bytes()
    page.write_bytes(seed[:3000] + b"\xff\xfe" + seed[3000:])
    result = run("export", str(page))
    assert result.returncode == 0
    assert "warning" in result.stderr and "replaced" in result.stderr
    assert "思想政治" in result.stdout


def test_unwritable_output_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("export", str(SEED), "-o", str(blocker / "sub" / "out.txt"))
    assert result.returncode == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def _annotation_file(tmp_path: Path) -> Path:
    """A Web Annotation export made with the library, as a colleague would send it."""
    from reader.core import annotations as notes
    from reader.core.document import load
    from reader.core.export import clean_text

    doc = load(SEED)
    clean = clean_text(doc)
    made = []
    for quote, tags, note in (
        ("新质生产力的基本路径", ["政策"], "要点"),
        ("各地各行业向新而行", ["产业", "政策"], ""),
    ):
        start = clean.text.index(quote)
        made.append(
            notes.new_annotation(doc, clean, start, start + len(quote), tags=tags, note=note)
        )
    path = tmp_path / "shared.json"
    path.write_text(notes.to_json(made), encoding="utf-8")
    return path


def test_annotations_import_then_export_every_format(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shared = _annotation_file(tmp_path)
    first = run("annotations", "import", str(shared), "--data-dir", str(data))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "2 added, 0 updated, 0 already present, 0 conflicts (kept both)"
    again = run("annotations", "import", str(shared), "--data-dir", str(data))
    assert again.stdout.strip() == (
        "0 added, 0 updated, 2 already present, 0 conflicts (kept both)"
    )
    md = run("annotations", "export", str(SEED), "--data-dir", str(data))
    assert md.returncode == 0, md.stderr
    assert "## 科技创新引领产业创新浪潮" in md.stdout and "> 新质生产力的基本路径" in md.stdout

    out = tmp_path / "out.json"
    js = run("annotations", "export", "-f", "json", "-o", str(out), "--data-dir", str(data))
    assert js.returncode == 0 and json.loads(out.read_text("utf-8"))["total"] == 2

    rows = run("annotations", "export", "--tag", "产业", "-f", "csv", "--data-dir", str(data))
    lines = rows.stdout.strip().splitlines()
    assert len(lines) == 2 and "各地各行业向新而行" in lines[1]
    # The tag as it is shown (#产业) is the tag.
    shown = run("annotations", "export", "--tag", "#产业", "-f", "csv", "--data-dir", str(data))
    assert shown.returncode == 0 and shown.stdout == rows.stdout
    # A tag nobody used: said, as search says nothing found, and nothing written.
    none = tmp_path / "none.csv"
    nobody = run("annotations", "export", "--tag", "没有", "-o", str(none), "--data-dir", str(data))
    assert nobody.returncode == 1 and not none.exists()
    assert nobody.stderr == "ocr-reader: no annotation has the tag #没有; nothing written\n"

    page = run("annotations", "export", str(SEED), "-f", "page-md", "--data-dir", str(data))
    assert "==新质生产力的基本路径==[^1]" in page.stdout and "[^1]: #政策 要点" in page.stdout

    # Someone else's note on the same passage is kept beside this one: one conflict.
    theirs = json.loads(shared.read_text(encoding="utf-8"))
    theirs["first"]["items"][0]["body"] = [
        b if b.get("purpose") != "commenting" else {**b, "value": "别人的笔记"}
        for b in theirs["first"]["items"][0]["body"]
    ]
    shared.write_text(json.dumps(theirs, ensure_ascii=False), encoding="utf-8")
    conflict = run("annotations", "import", str(shared), "--data-dir", str(data))
    assert conflict.stdout.strip() == (
        "0 added, 0 updated, 1 already present, 1 conflict (kept both)"
    ), conflict.stderr


def test_annotations_import_of_a_bad_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("annotations", "import", str(bad), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not JSON" in result.stderr


def test_annotations_refuse_a_newer_database(tmp_path: Path) -> None:
    import sqlite3

    from reader.store.db import FILENAME, VERSION

    data = tmp_path / "data"
    data.mkdir()
    db = sqlite3.connect(data / FILENAME)
    db.execute(f"PRAGMA user_version = {VERSION + 5}")
    db.commit()
    db.close()
    result = run("annotations", "export", "--data-dir", str(data))
    assert result.returncode == 2
    assert "newer ocr-reader" in result.stderr and "Traceback" not in result.stderr


def test_export_html_and_epub_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted((ROOT / "seeds").glob("*.txt")):
        (folder / page.name).write_bytes(page.read_bytes())
    book = tmp_path / "book.epub"
    result = run(
        "export", str(folder), "-f", "epub", "--combine", "--title", "样张", "-o", str(book)
    )
    assert result.returncode == 0, result.stderr
    assert book.read_bytes()[:2] == b"PK" and b"application/epub+zip" in book.read_bytes()[:80]
    out = tmp_path / "html"
    result = run("export", str(folder), "-f", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir() if p.name != OUTPUTS) == [
        f"{p.stem}.html" for p in sorted(folder.iterdir())
    ]
    assert '<nav class="toc"' in (out / f"{SEED.stem}.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["-f", "md", "--pretty"], "--pretty is for -f json"),
        (["-f", "json", "--paragraphs", "indent"], "--paragraphs indent is for -f txt"),
        (["-f", "html", "--encoding", "gb18030"], "--encoding gb18030 is for -f txt and md"),
        (["-f", "json", "--newline", "CRLF"], "--newline CRLF is for -f txt and md"),
        (["--annotations"], "--annotations is for -f md, html, epub and json"),
        (["-f", "md", "--title", "样张"], "--title is for -f html and epub"),
        (["-f", "md", "--indent"], "--indent writes plain text, not md"),
        (["-f", "json", "--lines"], "--lines writes plain text, not json"),
        (["--explain", "--lines"], "--explain and --lines each write a text of their own"),
        (["--explain", "--combine"], "--explain writes each page's own text"),
        (
            ["-f", "html", "--title", "样张", str(ROOT / "seeds")],
            "with several pages, add --combine",
        ),
    ],
)
def test_an_option_the_format_cannot_use_is_refused(
    tmp_path: Path, options: list[str], said: str
) -> None:
    out = tmp_path / "out"
    result = run("export", str(SEED), *options, "-o", str(out), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert said in result.stderr and "nothing written" in result.stderr
    assert not out.exists() and not (tmp_path / "d").exists()


def test_the_title_of_one_page_exported_as_html(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = run("export", str(SEED), "-f", "html", "--title", "样张 <一>", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "<title>样张 &lt;一&gt;</title>" in out.read_text("utf-8")
    plain = run("export", str(SEED), "-f", "txt", "--encoding", "utf-8", "--newline", "LF")
    assert plain.returncode == 0 and plain.stderr == ""  # the defaults said aloud


def test_pages_may_follow_the_options(tmp_path: Path) -> None:
    first, second = sorted((ROOT / "seeds").glob("*.txt"))
    out = tmp_path / "out"
    result = run("export", str(first), "-f", "md", str(second), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir() if p.name != OUTPUTS) == [
        f"{first.stem}.md",
        f"{second.stem}.md",
    ]
    wrong = run("export", str(first), "-f", "md", "--bogus", str(second))
    assert wrong.returncode == 2 and "unrecognized arguments: --bogus" in wrong.stderr


def test_one_page_into_an_existing_folder_takes_its_own_name(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = run("export", str(SEED), "-f", "md", "-o", f"{folder}/")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in folder.iterdir() if p.name != OUTPUTS] == [f"{SEED.stem}.md"]
    combined = run("export", str(SEED), "--combine", "-f", "md", "-o", str(folder))
    assert combined.returncode == 2 and combined.stderr.count("\n") == 1
    assert f"name it (-o {folder / 'all.md'})" in combined.stderr


def test_the_texts_of_their_own_take_the_encoding_and_line_ends_asked_for(tmp_path: Path) -> None:
    for make in ("--explain", "--lines", "--indent"):
        out = tmp_path / f"{make[2:]}.txt"
        result = run(
            "export", str(SEED), make, "--encoding", "gb18030", "--newline", "CRLF", "-o", str(out)
        )
        assert result.returncode == 0, result.stderr
        text = out.read_bytes().decode("gb18030")
        assert "\r\n" in text and "\n" not in text.replace("\r\n", "") and "吕梁" in text
    refused = run("export", str(SEED), "--indent", "--paragraphs", "indent")
    assert (
        refused.returncode == 2
        and "--paragraphs indent is for -f txt, not --indent" in refused.stderr
    )
    said = run("export", str(SEED), "-f", "md", "--paragraphs", "blank", "--newline", "LF")
    assert said.returncode == 0 and said.stderr == ""  # the defaults said aloud


def test_one_page_titled_into_an_existing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = run("export", str(SEED), "-f", "html", "--title", "样张", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert "<title>样张</title>" in (folder / f"{SEED.stem}.html").read_text("utf-8")


def test_a_page_named_like_an_option_follows_two_dashes(tmp_path: Path) -> None:
    odd = tmp_path / "-b.txt"
    odd.write_text("奇怪的文件名也是一页。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(SEED), "-f", "md", "--", odd.name],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "奇怪的文件名也是一页。" in result.stdout and "吕梁" in result.stdout


def test_export_gb18030_crlf_without_bylines(tmp_path: Path) -> None:
    out = tmp_path / "page.txt"
    result = run(
        "export", str(SEED), "--encoding", "gb18030", "--newline", "CRLF",
        "--paragraphs", "indent", "--no-bylines", "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("gb18030")
    assert "\r\n\u3000\u3000" in text and "刘亢" not in text


def test_export_without_photo_captions(tmp_path: Path) -> None:
    page = tmp_path / "caption.txt"
    page.write_text(
        "春耕备耕正当时\n新华社记者 王五 赵六\n眼下正是春耕备耕的关键时节，三晋\n"
        "大地处处涌动着春耕热潮。\n图为农机手在田间作业。\n本报记者 李四 摄\n"
        "农机手们驾驶着拖拉机来回穿梭。\n（作者单位：市委党校）\n",
        encoding="utf-8",
    )
    kept, left = (run("export", str(page), *more) for more in ((), ("--no-captions",)))
    assert kept.returncode == left.returncode == 0, left.stderr
    assert "图为农机手" in kept.stdout and "图为农机手" not in left.stdout
    assert "（作者单位：市委党校）" in left.stdout  # end matter is another option


def test_epub_to_the_terminal_is_refused(tmp_path: Path) -> None:
    result = run("export", str(SEED), "-f", "epub")
    assert result.returncode == 2 and "-o" in result.stderr


def test_a_dash_reads_standard_input_and_writes_standard_output(tmp_path: Path) -> None:
    from_file = json.loads(run("export", str(SEED), "-f", "json").stdout)
    page = SEED.read_text(encoding="utf-8")
    result = run("export", "-", "-f", "json", "-o", "-", cwd=tmp_path, stdin=page)
    assert result.returncode == 0, result.stderr
    piped = json.loads(result.stdout)
    assert piped["source"]["path"] == "<stdin>"
    assert piped["source"]["sha256"] == from_file["source"]["sha256"]
    assert piped["articles"] == from_file["articles"]
    assert list(tmp_path.iterdir()) == []  # no file called "-"


def test_an_empty_standard_input_is_one_line(tmp_path: Path) -> None:
    result = run("export", "-", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("ocr-reader: <stdin>: ") and result.stderr.count("\n") == 1


def test_epub_to_a_pipe_with_a_dash(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(SEED), "-f", "epub", "-o", "-"],
        capture_output=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"PK") and list(tmp_path.iterdir()) == []


def test_search_from_the_command_line(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    found = run("search", "新质生产力 -吕梁", "--library", str(ROOT / "seeds"), "--data-dir", data)
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0].startswith("1. 科技创新引领产业创新浪潮") and SEED.name in lines[0]
    assert "【新质生产力】" in lines[1]
    assert len([line for line in lines if line[:1].isdigit()]) == 1
    nothing = run("search", "量子纠缠", "--data-dir", data)
    assert nothing.returncode == 1 and "nothing found" in nothing.stderr
    refused = run("search", "--data-dir", data, "--", "-国企")
    assert refused.returncode == 2 and "at least one" in refused.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "md"])
def test_a_reader_that_stops_reading_ends_the_export_quietly(tmp_path: Path, fmt: str) -> None:
    """`ocr-reader export … | head`: the pipe closes, and the command ends with status 0
    and no message (it said "None: cannot write: Broken pipe" for JSON lines)."""
    pages = []
    for n in range(12):  # far more than a pipe holds, so writing meets the closed pipe
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            page = tmp_path / f"{n}_{seed.name}"
            page.write_bytes(seed.read_bytes())
            pages.append(str(page))
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "export", *pages, "-f", fmt],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    with process.stdout, process.stderr:
        assert process.stdout.read(100)
        process.stdout.close()
        status = process.wait(timeout=120)
        said = process.stderr.read()
    assert (status, said) == (0, b"")


def test_the_data_folder_may_come_before_the_command(tmp_path: Path) -> None:
    """`ocr-reader --data-dir D export PAGE …` runs the export with that data folder, as
    `ocr-reader export PAGE --data-dir D` does; it opened the window on a page named
    "export"."""
    out = tmp_path / "page.json"
    data = tmp_path / "data"
    result = run("--data-dir", str(data), "export", str(SEED), "-f", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["articles"]
    # Before a `--` that ends the options, and a --data-dir given after it wins.
    dash = tmp_path / "-dash.txt"
    dash.write_text("第一段文字。\n", "utf-8")
    ended = run("--data-dir", str(data), "export", "--", str(dash.name), cwd=tmp_path)
    assert ended.returncode == 0 and "第一段文字" in ended.stdout, ended.stderr
    later = tmp_path / "later"
    run("--data-dir", str(data), "annotations", "export", "--data-dir", str(later))
    assert later.is_dir()
