"""`ocr-reader search`: both scripts, an index made again after an upgrade, and the
progress of indexing (live on a terminal, one summary line elsewhere)."""

from __future__ import annotations

import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.progress import Progress
from tests.store.test_library_scripts import SIMPLIFIED, TRADITIONAL


def search(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "search", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "trad.txt").write_text(TRADITIONAL, encoding="utf-8")
    (folder / "simp.txt").write_text(SIMPLIFIED, encoding="utf-8")
    return folder


def test_either_script_finds_both_from_the_command_line(tmp_path: Path) -> None:
    data, folder = str(tmp_path / "data"), pages(tmp_path)
    first = search("國務院", "--library", str(folder), "--data-dir", data)
    assert first.returncode == 0, first.stderr
    # Not a terminal: no live line, one summary.
    assert first.stderr.splitlines() == [first.stderr.strip()]
    assert first.stderr.startswith("indexed 2 pages in ") and "\r" not in first.stderr
    lines = first.stdout.splitlines()
    assert sorted(Path(line.split("  —  ")[1].split()[0]).name for line in lines[::2]) == [
        "simp.txt",
        "trad.txt",
    ]
    assert any("【國務院】總理" in line for line in lines)
    again = search("国务院", "--data-dir", data)
    assert again.returncode == 0 and again.stderr == ""
    assert again.stdout.count("【國務院】") and again.stdout.count("【国务院】")


def test_an_older_index_is_made_again_with_a_notice(tmp_path: Path) -> None:
    data, folder = str(tmp_path / "data"), pages(tmp_path)
    assert search("国务院", "--library", str(folder), "--data-dir", data).returncode == 0
    db = sqlite3.connect(tmp_path / "data" / "ocr-reader.sqlite3")
    db.execute("UPDATE library_documents SET tokens = 0")
    db.commit()
    db.close()
    result = search("乡村振兴", "--data-dir", data)
    assert result.returncode == 0, result.stderr
    notice, summary = result.stderr.splitlines()
    assert notice == (
        "ocr-reader: the library was indexed by an older version; indexing its 2 pages "
        "again so that either script finds both"
    )
    assert summary.startswith("indexed 2 pages")
    assert "trad.txt" in result.stdout and "simp.txt" not in result.stdout
    assert search("乡村振兴", "--data-dir", data).stderr == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_a_live_line_on_a_terminal() -> None:
    out, clock = Terminal(), Clock()
    progress = Progress("indexing", out, clock)
    for done in range(0, 101):
        clock.now = done * 0.125  # 8 pages a second
        progress(done, 100)
    progress.finish("indexed 100 pages in 12.5 s, 8 pages/s")
    text = out.getvalue()
    frames = [f.rstrip() for f in text.split("\r")[1:]]
    # Rewritten at most every 0.2 s (every other page here), then the summary over it;
    # the line never scrolls.
    assert len(frames) == 51 + 1 and text.count("\n") == 1 and text.endswith("\n")
    assert frames[0] == "indexing 0/100 pages  0%"
    assert frames[10] == "indexing 20/100 pages  20%  8 pages/s  10 s left"
    assert frames[-2] == "indexing 100/100 pages  100%  8 pages/s"
    assert frames[-1] == "indexed 100 pages in 12.5 s, 8 pages/s"


def test_progress_elsewhere_is_one_summary_line() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress("indexing", out, clock)
    for done in range(0, 101):
        clock.now = done * 0.05
        progress(done, 100)
    progress.finish("indexed 100 pages in 5.0 s, 20 pages/s")
    assert out.getvalue() == "indexed 100 pages in 5.0 s, 20 pages/s\n"


def test_a_damaged_database_is_salvaged_and_the_search_runs_on(tmp_path: Path) -> None:
    """A database that is no database any more: the search salvages it as the other
    commands do (the file moved aside, its bytes kept) and runs on; it said to restart,
    and said so again each time."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "ocr-reader.sqlite3").write_text("hello\n", "utf-8")
    first = search("国务院", "--data-dir", str(data), "--library", str(pages(tmp_path)))
    assert "Traceback" not in first.stderr
    assert "was damaged" in first.stderr and first.returncode == 0, first.stderr
    assert any(p.name.startswith("ocr-reader.sqlite3.damaged-") for p in data.iterdir())
    again = search("国务院", "--data-dir", str(data))
    assert again.returncode == 0 and "damaged" not in again.stderr, again.stderr


def test_a_repaired_database_has_its_folders_indexed_again_by_the_next_search(
    tmp_path: Path,
) -> None:
    """Damage at the file's start: the repair keeps the library's folder but none of its
    pages, and each search after it said the library was empty (add a folder), the
    folder still listed."""
    data, folder = tmp_path / "data", pages(tmp_path)
    assert search("国务院", "--data-dir", str(data), "--library", str(folder)).returncode == 0
    with (data / "ocr-reader.sqlite3").open("r+b") as db:
        db.write(b"GARBAGE" * 10)
    repaired = search("国务院", "--data-dir", str(data))
    assert "Traceback" not in repaired.stderr
    assert "was damaged" in repaired.stderr
    assert "the library's folder holds nothing indexed: indexing" in repaired.stderr
    assert repaired.returncode == 0 and repaired.stdout.count("【国务院】"), repaired.stderr
    again = search("国务院", "--data-dir", str(data))
    assert again.returncode == 0 and again.stderr == "", again.stderr


def test_damage_inside_the_file_found_while_searching_is_salvaged_too(tmp_path: Path) -> None:
    """Damage past the header (a run of bytes overwritten in the middle of the file) is
    not seen when the database opens, only when a row is read: the search said "the
    annotation database failed: Could not decode to UTF-8…" with 500 bytes of mojibake
    on every run. Now it salvages the file as the other commands do and runs on."""
    data = tmp_path / "data"
    folder = tmp_path / "pages"
    folder.mkdir()
    real = Path(__file__).resolve().parents[2] / "shared" / "real" / "pages"
    sources = sorted(real.glob("0[1-3]_*.json")) or [pages(tmp_path) / "simp.txt"]
    for page in sources:
        (folder / page.name).write_bytes(page.read_bytes())
    query = "毛主席" if real.is_dir() else "国务院"
    assert search(query, "--data-dir", str(data), "--library", str(folder)).returncode == 0
    db = data / "ocr-reader.sqlite3"
    size = db.stat().st_size
    with db.open("r+b") as f:
        f.seek(size // 2)
        f.write(b"\xff" * min(16384, size // 4))
    damaged = search(query, "--data-dir", str(data))
    assert "Traceback" not in damaged.stderr and "Could not decode" not in damaged.stderr
    assert "was damaged" in damaged.stderr and damaged.returncode == 0, damaged.stderr
    assert damaged.stdout.count(f"【{query}】")
    again = search(query, "--data-dir", str(data))
    assert again.returncode == 0 and again.stderr == "", again.stderr


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data folder whose library indexed three real pages (the two sample texts where
    the real pages are not there), and a query that finds them."""
    root = tmp_path_factory.mktemp("indexed")
    folder = root / "pages"
    folder.mkdir()
    real = Path(__file__).resolve().parents[2] / "shared" / "real" / "pages"
    sources = sorted(real.glob("0[1-3]_*.json")) or [
        pages(root / "samples") / name for name in ("simp.txt", "trad.txt")
    ]
    for page in sources:
        (folder / page.name).write_bytes(page.read_bytes())
    query = "毛主席" if real.is_dir() else "国务院"
    first = search(query, "--data-dir", str(root / "data"), "--library", str(folder))
    assert first.returncode == 0, first.stderr
    return root / "data", query


@pytest.mark.parametrize("where", [1 / 8, 1 / 4, 1 / 2, 3 / 4])
def test_damage_anywhere_in_the_file_never_shows_a_traceback(
    indexed: tuple[Path, str], tmp_path: Path, where: float
) -> None:
    """Damage past the header, wherever it falls (the folders, the documents, the
    full-text index's own tables, the articles), is met only when those rows are read:
    reading which folders are out of date, ranking the matches, reading the articles
    found. Each said "database disk image is malformed" or "vtable constructor failed"
    with a traceback. Now each is damage, salvaged as the other commands do, and said in
    one line each time."""
    source, query = indexed
    data = tmp_path / "data"
    shutil.copytree(source, data)
    db = data / "ocr-reader.sqlite3"
    size = db.stat().st_size
    with db.open("r+b") as f:
        f.seek(int(size * where))
        f.write(b"\xff" * min(16384, size // 4))
    for _ in range(2):  # damaged, then as salvaged
        result = search(query, "--data-dir", str(data))
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 2), result.stderr
        assert all(
            line.startswith(("ocr-reader: ", "indexed ")) for line in result.stderr.splitlines()
        ), result.stderr


def test_a_limit_below_one_is_refused_in_one_line(tmp_path: Path) -> None:
    """--limit 0 (or -1) would find nothing whatever the library holds: refused, with the
    reason, not answered "nothing found"."""
    for limit in ("0", "-1"):
        result = search("国务院", "--limit", limit, "--data-dir", str(tmp_path / "data"))
        assert result.returncode == 2 and "not 1 or more" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_one_page_indexed_is_said_in_the_singular() -> None:
    from reader.cli_search import summary
    from reader.store.library import IndexReport

    assert summary(IndexReport(indexed=1), 0.5).startswith("indexed 1 page in 0.5 s")
    assert summary(IndexReport(indexed=3), 0.5).startswith("indexed 3 pages in")
    # The rate is of pages indexed: those that could not be read are not counted in it.
    assert summary(IndexReport(indexed=0, failed=4), 0.25) == (
        "indexed 0 pages in 0.2 s; 4 could not be read"
    )
    assert summary(IndexReport(indexed=2, failed=4), 0.5).startswith(
        "indexed 2 pages in 0.5 s, 4 pages/s;"
    )


def test_a_search_where_nothing_was_indexed_makes_no_database(tmp_path: Path) -> None:
    """A search in a data folder that has never held a library says the library is
    empty, and leaves the folder as it was: no database made for a read."""
    data = tmp_path / "data"
    result = search("国务院", "--data-dir", str(data))
    assert result.returncode == 2 and "the library is empty" in result.stderr
    assert not data.exists()


def test_the_pages_not_read_are_named_with_why(tmp_path: Path) -> None:
    data, folder = str(tmp_path / "data"), pages(tmp_path)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "cut.json").write_text('{"ocr_results": [{"text": "国务院', encoding="utf-8")
    result = search("国务院", "--library", str(folder), "--data-dir", data)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].endswith("2 could not be read")
    assert sorted(lines[1:]) == [
        f"ocr-reader: {folder / 'cut.json'}: not read: the PaddleOCR file is cut short: its "
        "one line stops after 30 characters",
        f"ocr-reader: {folder / 'empty.txt'}: not read: the file holds only white space",
    ]


def test_a_read_only_data_folder_searches_what_is_indexed_and_says_why_not_more(
    tmp_path: Path,
) -> None:
    """With the data folder read-only, --library cannot index the folder: said in words
    about the library (not about annotations), and what the library holds is searched."""
    from tests.store.test_recovery import _unwritable

    data, folder = tmp_path / "data", pages(tmp_path)
    assert search("国务院", "--library", str(folder), "--data-dir", str(data)).returncode == 0
    (folder / "more.txt").write_text(SIMPLIFIED.replace("国务院", "人民政府"), encoding="utf-8")
    with _unwritable(data):
        result = search("国务院", "--library", str(folder), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == (
        "ocr-reader: the data folder is read-only, so the library cannot be indexed: "
        "searching what it already holds"
    )
    assert result.stdout.count("【国务院】") and result.stdout.count("【國務院】")


def test_results_an_output_cannot_encode_are_escaped_not_a_traceback(tmp_path: Path) -> None:
    """Standard output in Latin-1 (PYTHONIOENCODING, a locale): the Chinese results came
    out as a traceback and status 1, the status of nothing found."""
    data, folder = str(tmp_path / "data"), pages(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "search", "国务院", "--library", str(folder),
         "--data-dir", data],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
    )  # fmt: skip
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "\\u56fd\\u52a1\\u9662" in result.stdout  # 国务院, escaped


def test_a_query_of_marks_alone_is_refused_without_speaking_of_exclusions(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    assert search("国务院", "--library", str(pages(tmp_path)), "--data-dir", data).returncode == 0
    marks = search('"', "--data-dir", data)
    assert marks.returncode == 2
    assert marks.stderr.endswith(": a search needs at least one word (marks alone find nothing)\n")
    excluded = search("--data-dir", data, "--", "-国务院")
    assert excluded.stderr == "ocr-reader: a search needs at least one word that is not excluded\n"


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX")
def test_a_full_disk_that_stops_even_a_read_is_said_in_one_line(tmp_path: Path) -> None:
    """A database in WAL mode is read through a shared-memory file beside it. Where that
    file cannot be made (a full disk; here, a limit on the size of files the command
    may write), SQLite says only "disk I/O error": the search says the disk is full."""
    import resource
    import signal

    data, folder = str(tmp_path / "data"), pages(tmp_path)
    assert search("国务院", "--library", str(folder), "--data-dir", data).returncode == 0
    assert not (tmp_path / "data" / "ocr-reader.sqlite3-shm").exists()

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails, not kills
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run(
        [sys.executable, "-m", "reader", "search", "国务院", "--data-dir", data],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=small_files,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "ocr-reader: the disk is full, so the annotation database cannot even be read; "
        "free some space and try again"
    ]


def test_a_query_of_several_words_and_an_exclusion_needs_no_quotes(tmp_path: Path) -> None:
    """思想政治 工作 and 国务院 -总理 typed as they are: the words are one query, and a word
    starting with - and a Chinese character excludes it, as inside quotes."""
    data, folder = str(tmp_path / "data"), pages(tmp_path)
    assert search("国务院", "--library", str(folder), "--data-dir", data).returncode == 0
    quoted = search("国务院 总理", "--data-dir", data)
    apart = search("国务院", "总理", "--data-dir", data)
    assert apart.returncode == 0 and apart.stdout == quoted.stdout != ""
    excluded = search("--data-dir", data, "国务院 -总理")
    assert excluded.returncode in (0, 1) and excluded.stdout != quoted.stdout
    typed = search("国务院", "-总理", "--data-dir", data)
    first = search("-总理", "国务院", "--limit", "5", "--data-dir", data)
    after = search("国务院", "--limit", "5", "-总理", "--data-dir", data)  # words on after
    ascii_quote = search("国务院", '-"总理"', "--data-dir", data)
    for result in (typed, first, after, ascii_quote):
        assert (result.returncode, result.stdout) == (excluded.returncode, excluded.stdout)
    # A folder named like an excluded word is the folder's name, not the query's.
    odd = search("国务院", "--library", "-资料", "--data-dir", data)
    assert odd.returncode == 2 and odd.stderr == "ocr-reader: -资料: not a folder\n"
    # A Latin word left out looks like an option: said to go after --.
    latin = search("国务院", "-tax", "--data-dir", data)
    assert latin.returncode == 2 and "a Latin word left out goes after --" in latin.stderr


def test_a_hit_on_a_page_deleted_since_it_was_indexed_says_so(tmp_path: Path) -> None:
    data, folder = str(tmp_path / "data"), pages(tmp_path)
    assert search("国务院", "--library", str(folder), "--data-dir", data).returncode == 0
    (folder / "trad.txt").unlink()
    result = search("国务院", "--data-dir", data)
    assert result.returncode == 0, result.stderr
    heads = [line for line in result.stdout.splitlines() if "  —  " in line]
    said = {Path(line.split("  —  ")[1].split()[0]).name: line for line in heads}
    assert said["trad.txt"].endswith("(no longer there: deleted or moved since it was indexed)")
    assert "no longer there" not in said["simp.txt"]


def test_results_cut_at_the_limit_say_so(tmp_path: Path) -> None:
    """Twenty results and not a word of the 3,880 more: an archivist takes the twenty for
    all. Where more match than shown, one line says so and how to see them."""
    data, folder = tmp_path / "data", pages(tmp_path)
    both = search("国务院", "--data-dir", str(data), "--library", str(folder))
    assert both.returncode == 0 and "more match" not in both.stderr, both.stderr
    shown = both.stdout.count("【国务院】") and len(
        [ln for ln in both.stdout.splitlines() if ln[:1].isdigit()]
    )
    assert shown >= 2
    one = search("国务院", "--data-dir", str(data), "--limit", "1")
    assert one.returncode == 0
    assert len([ln for ln in one.stdout.splitlines() if ln[:1].isdigit()]) == 1
    assert one.stderr.strip() == (
        "ocr-reader: the first result is shown and more match: --limit 10 shows more"
    )


def test_the_time_left_is_not_guessed_from_the_batchs_setting_up() -> None:
    """Workers took 2 s to start, then pages came at 100 a second: the first line said
    "1 pages/s  33 min 19 s left" for a batch of 20 s. The rate is measured from the
    first pages done, and said only once a few more are."""
    out, clock = Terminal(), Clock()
    progress = Progress("exporting", out, clock)
    progress(0, 2000)
    for done in range(1, 401):
        clock.now = 2.0 + done * 0.01
        progress(done, 2000)
    frames = [f.rstrip() for f in out.getvalue().split("\r")[1:]]
    assert not any("pages/s" in f for f in frames[:2])  # too soon to tell
    last = re.fullmatch(r"exporting (\d+)/2,000 pages  \d+%  100 pages/s  (\d+) s left", frames[-1])
    assert last is not None, frames[-1]
    assert int(last[2]) == round((2000 - int(last[1])) / 100)


def test_damage_to_a_rows_text_alone_is_salvaged_too(tmp_path: Path) -> None:
    """One byte of an article's title overwritten: the file's structure is whole (its
    quick check says ok), but the row's text is no UTF-8 any more. The search asked for
    a salvage that the quick check then refused, and said "restart ocr-reader" on every
    run. The database is salvaged, and the search runs on."""
    data, folder = tmp_path / "data", pages(tmp_path)
    assert search("国务院", "--data-dir", str(data), "--library", str(folder)).returncode == 0
    db = data / "ocr-reader.sqlite3"
    raw = db.read_bytes()
    title = SIMPLIFIED.splitlines()[0].strip().encode("utf-8")
    at = raw.find(title)
    assert at > 0, "the title is in the file"
    with db.open("r+b") as f:
        f.seek(at + 1)  # inside its first character's bytes
        f.write(b"\xff")
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    check.close()
    damaged = search("国务院", "--data-dir", str(data))
    assert "Traceback" not in damaged.stderr and "restart" not in damaged.stderr, damaged.stderr
    assert damaged.returncode == 0 and "was damaged" in damaged.stderr, damaged.stderr
    again = search("国务院", "--data-dir", str(data))
    assert again.returncode == 0 and again.stderr == "", again.stderr
