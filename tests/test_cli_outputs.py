"""Outputs never touch inputs: exports into the pages' own folder, onto a page, from
two pages of one name, and with names longer than the file system takes."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.store.files import OUTPUTS, earlier_outputs, fit_name, plan_outputs, record_outputs
from tests.test_cli import ROOT, run

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def hashes(folder: Path) -> dict[Path, str]:
    return {
        p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A folder of pages as a user keeps them: two sub-folders holding a page of one name."""
    folder = tmp_path / "pages"
    (folder / "march").mkdir(parents=True)
    (folder / "april").mkdir()
    shutil.copy(SEEDS[0], folder / "march" / "page.txt")
    shutil.copy(SEEDS[1], folder / "april" / "page.txt")
    shutil.copy(SEEDS[0], folder / "front.txt")
    return folder


def test_a_folder_exported_into_itself_leaves_every_input_byte_identical(pages: Path) -> None:
    before = hashes(pages)
    for _round in range(2):  # the second run reads the first run's outputs too
        result = run("export", str(pages), "-o", str(pages))
        assert result.returncode == 0, result.stderr
    after = hashes(pages)
    assert {p: after[p] for p in before} == before
    # Each page got its clean text beside it, under a name that is no input's.
    assert (pages / "march" / "page.clean.txt").is_file()
    assert (pages / "april" / "page.clean.txt").is_file()
    assert (pages / "front.clean.txt").is_file()
    assert "新质生产力" in (pages / "march" / "page.clean.txt").read_text(encoding="utf-8")


def test_a_page_exported_onto_itself_is_refused_in_one_line(pages: Path) -> None:
    page = pages / "front.txt"
    before = page.read_bytes()
    for target in (page, pages / "march" / ".." / "front.txt"):
        result = run("export", str(page), "-o", str(target))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "one of the pages being read" in result.stderr
    assert page.read_bytes() == before


def test_a_hard_link_to_the_page_is_the_page(pages: Path) -> None:
    page = pages / "front.txt"
    link = pages / "elsewhere.txt"
    os.link(page, link)
    before = page.read_bytes()
    result = run("export", str(page), "-o", str(link))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert page.read_bytes() == before == link.read_bytes()


def test_two_pages_of_one_name_give_two_outputs(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("export", str(pages), "-o", str(out), "-f", "md")
    assert result.returncode == 0, result.stderr
    march = (out / "march" / "page.md").read_text(encoding="utf-8")
    april = (out / "april" / "page.md").read_text(encoding="utf-8")
    assert march != april
    # Named one by one, they cannot keep their folders: they are numbered instead.
    flat = tmp_path / "flat"
    result = run(
        "export", str(pages / "march" / "page.txt"), str(pages / "april" / "page.txt"),
        "-o", str(flat),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in flat.iterdir()) == sorted([OUTPUTS, "page-2.txt", "page.txt"])


def test_annotations_export_never_writes_onto_its_page(pages: Path) -> None:
    page = pages / "front.txt"
    before = page.read_bytes()
    result = run("annotations", "export", str(page), "-o", str(page))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert page.read_bytes() == before


def test_names_too_long_for_the_file_system_are_cut(tmp_path: Path) -> None:
    # 248 bytes: a page can be named so, but its explanation (.explain.txt) cannot.
    name = "人民日报" * 20 + "第二版"
    folder = tmp_path / "long"
    folder.mkdir()
    page = folder / f"{name}.txt"
    shutil.copy(SEEDS[0], page)
    out = tmp_path / "out"
    result = run("export", str(folder), "-o", str(out), "--explain")
    assert result.returncode == 0, result.stderr
    (written,) = [p for p in out.iterdir() if p.name != OUTPUTS]
    assert written.name.endswith(".explain.txt") and len(written.name.encode("utf-8")) <= 255
    assert written.name.startswith("人民日报")


def test_fit_name_cuts_at_a_character() -> None:
    assert fit_name("人民日报", ".txt", 10) == "人民.txt"
    assert fit_name("abc", ".txt", 255) == "abc.txt"


def test_plan_outputs_never_names_an_input(tmp_path: Path) -> None:
    a = tmp_path / "x.txt"
    b = tmp_path / "x.clean.txt"
    a.write_text("一", encoding="utf-8")
    b.write_text("二", encoding="utf-8")
    planned = plan_outputs([(a, tmp_path), (b, tmp_path)], tmp_path, "txt")
    assert len(set(planned)) == 2
    assert not {a, b} & set(planned)


def test_outputs_keep_the_folders_named_and_the_endings_that_tell_pages_apart(
    tmp_path: Path,
) -> None:
    """Two dated folders named in one export came out flat, p1.txt and p1-2.txt, the
    dates lost; x.hocr beside x.json came out as x.txt and x-2.txt, which is which
    unsaid. Each folder named keeps its name under the output folder, and pages of one
    folder that differ only in their ending keep it in their outputs' names."""
    first, second = tmp_path / "1967-01-01", tmp_path / "1967-01-02"
    for folder in (first, second):
        folder.mkdir()
        (folder / "p1.txt").write_text("一", encoding="utf-8")
    (first / "x.hocr").write_text("二", encoding="utf-8")
    (first / "x.json").write_text("三", encoding="utf-8")
    pages = [(first / "p1.txt", first), (first / "x.hocr", first), (first / "x.json", first)]
    pages.append((second / "p1.txt", second))
    out = tmp_path / "out"
    planned = [p.relative_to(out).as_posix() for p in plan_outputs(pages, out, "md")]
    assert planned == [
        "1967-01-01/p1.md",
        "1967-01-01/x.hocr.md",
        "1967-01-01/x.json.md",
        "1967-01-02/p1.md",
    ]
    # One folder named: its pages go straight under the output folder, as before.
    alone = plan_outputs(pages[:1], out, "md")
    assert alone == [out / "p1.md"]


def test_an_export_run_again_into_the_folder_it_reads_rewrites_its_outputs(pages: Path) -> None:
    before = hashes(pages)
    first = run("export", str(pages), "-o", str(pages))
    assert first.returncode == 0, first.stderr
    made = hashes(pages)
    outputs = set(made) - set(before) - {Path(OUTPUTS)}
    assert outputs == {
        Path("front.clean.txt"),
        Path("march/page.clean.txt"),
        Path("april/page.clean.txt"),
    }
    (pages / "front.clean.txt").write_text("旧的输出", encoding="utf-8")  # changed by hand
    # ... and listed as it is now
    record_outputs(pages, [(pages / "front.clean.txt", [pages / "front.txt"])])
    for _round in range(2):
        again = run("export", str(pages), "-o", str(pages))
        assert again.returncode == 0, again.stderr
        # The outputs are outputs, not pages: said in one line, and written again in place.
        assert again.stderr.count("\n") == 1 and "not read as pages" in again.stderr
        assert "2 more files" in again.stderr
        now = hashes(pages)
        assert {p: now[p] for p in made if p != Path(OUTPUTS)} == {
            p: made[p] for p in made if p != Path(OUTPUTS)
        }
        assert set(now) == set(made)
    # The library reads the folder's pages, not the outputs beside them.
    from reader.store.library import Library

    lib = Library(pages.parent / "db.sqlite3", pages.parent / "cache", pages.parent / "words.txt")
    try:
        lib.add_folder(pages)
        assert lib.index(workers=1).indexed == 3
        assert sorted(Path(d.path).relative_to(pages) for d in lib.documents()) == sorted(before)
    finally:
        lib.close()


def test_an_output_changed_since_it_was_written_is_a_page_again(pages: Path) -> None:
    assert run("export", str(pages), "-o", str(pages)).returncode == 0
    edited = pages / "front.clean.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n读者加的一段。\n", encoding="utf-8")
    kept = edited.read_bytes()
    again = run("export", str(pages), "-o", str(pages))
    assert again.returncode == 0 and "not read as pages" in again.stderr
    # Said, in one line: it was an output and is read as a page now.
    assert f"{edited}: written by an earlier export (listed in {OUTPUTS}) but changed since" in (
        again.stderr
    )
    # Read as a page, and never written over: the page's output takes another name.
    assert edited.read_bytes() == kept
    assert (pages / "front.clean.clean.txt").is_file() and (pages / "front-2.txt").is_file()


@pytest.mark.parametrize("fmt", ["md", "html", "epub"])
def test_a_users_own_file_beside_the_pages_is_never_written_over(
    pages: Path, tmp_path: Path, fmt: str
) -> None:
    """notes.md beside notes.json, a catalogue.html: files of the user's that no export
    wrote. An export into the folder writes beside them, never onto them; its own
    outputs it writes again, and an output edited since it was written is kept too."""
    mine = pages / f"front.{fmt}"
    mine.write_bytes(b"my own notes, not an output\n")
    first = run("export", str(pages), "-f", fmt, "-o", str(pages))
    assert first.returncode == 0, first.stderr
    assert mine.read_bytes() == b"my own notes, not an output\n"
    ours = pages / f"front.clean.{fmt}"
    assert ours.is_file()
    # Written again in place: it is an output, listed as written.
    again = run("export", str(pages), "-f", fmt, "-o", str(pages))
    assert again.returncode == 0 and not (pages / f"front-2.{fmt}").exists()
    # Edited by hand, it is the user's now: the next export writes beside it.
    ours.write_bytes(ours.read_bytes() + b"\n<!-- edited -->\n")
    edited = ours.read_bytes()
    third = run("export", str(pages), "-f", fmt, "-o", str(pages))
    assert third.returncode == 0
    assert ours.read_bytes() == edited and mine.read_bytes() == b"my own notes, not an output\n"
    assert (pages / f"front-2.{fmt}").is_file()
    # The same into a folder of its own that holds a file of the user's.
    out = tmp_path / "out"
    out.mkdir()
    (out / f"front.{fmt}").write_bytes(b"kept\n")
    assert run("export", str(pages), "-f", fmt, "-o", str(out)).returncode == 0
    assert (out / f"front.{fmt}").read_bytes() == b"kept\n"
    assert (out / f"front.clean.{fmt}").is_file()


def test_a_list_of_outputs_names_nothing_outside_its_folder(pages: Path) -> None:
    """Entries that would leave the list's folder, or a damaged list, name no output:
    the files stay pages (an export writes beside them, never onto them)."""
    import json

    assert run("export", str(pages), "-o", str(pages)).returncode == 0
    listed = json.loads((pages / OUTPUTS).read_text("utf-8"))
    entry = listed["files"]["front.clean.txt"]
    front = pages / "front.txt"
    # The page itself, by its true digest, named from outside the folder and absolutely.
    st = front.stat()
    page_entry = {
        **entry,
        "sha256": hashes(pages)[Path("front.txt")],
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
    }
    listed["files"] = {
        f"../{pages.name}/front.txt": page_entry,
        str(front.resolve()): page_entry,
    }
    (pages / OUTPUTS).write_text(json.dumps(listed), "utf-8")
    assert earlier_outputs(pages) == set()
    (pages / OUTPUTS).write_text('{"files": {"front.txt": {"sha256": 3', "utf-8")
    assert earlier_outputs(pages) == set()
    before = front.read_bytes()
    result = run("export", str(pages), "-o", str(pages))
    assert result.returncode == 0 and front.read_bytes() == before


def test_an_output_whose_page_is_gone_is_a_page_again(pages: Path) -> None:
    assert run("export", str(pages), "-o", str(pages)).returncode == 0
    (pages / "front.txt").unlink()
    again = run("export", str(pages), "-o", str(pages), "-f", "md")
    assert again.returncode == 0 and "not read as pages" in again.stderr  # the other two
    # front.clean.txt holds the only copy of its text now: read as a page.
    assert (pages / "front.clean.md").is_file()


def test_an_export_cut_short_lists_what_it_wrote(pages: Path, monkeypatch, capsys) -> None:
    import errno

    from reader import cli

    assert run("export", str(pages), "-o", str(pages)).returncode == 0
    write = cli.write_atomic

    def full_disk(path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if path.parent.name == "march":  # the second output cannot be written
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(path, *args, **kwargs)

    monkeypatch.setattr(cli, "write_atomic", full_disk)
    assert cli.run(["export", str(pages), "-o", str(pages), "--indent"]) == 2
    monkeypatch.undo()
    capsys.readouterr()
    again = run("export", str(pages), "-o", str(pages))
    assert again.returncode == 0, again.stderr
    names = {p.name for p in pages.rglob("*.txt")}
    assert not any(".clean.clean" in n or "-2." in n for n in names), names


def test_one_page_or_a_book_written_into_the_folder_read_is_listed(pages: Path) -> None:
    front = pages / "front.txt"
    for _round in range(2):
        one = run("export", str(front), "-o", str(pages / "front.md"), "-f", "md")
        assert one.returncode == 0, one.stderr
        book = run("export", str(pages), "--combine", "-o", str(pages / "all.txt"))
        assert book.returncode == 0, book.stderr
    assert {p.name for p in pages.iterdir()} == {
        "front.txt",
        "front.md",
        "all.txt",
        "march",
        "april",
        OUTPUTS,
    }


def test_the_outputs_stay_outputs_when_the_folder_moves_and_in_a_list_of_digests(
    pages: Path,
) -> None:
    import json

    assert run("export", str(pages), "-o", str(pages)).returncode == 0
    moved = pages.parent / "moved"
    pages.rename(moved)
    again = run("export", str(moved), "-o", str(moved))
    assert again.returncode == 0 and "not read as pages" in again.stderr
    assert not list(moved.rglob("*.clean.clean.txt"))
    # A list of digests alone (the list's first version) still names its outputs.
    listed = json.loads((moved / OUTPUTS).read_text("utf-8"))
    listed["files"] = {rel: entry["sha256"] for rel, entry in listed["files"].items()}
    (moved / OUTPUTS).write_text(json.dumps(listed), "utf-8")
    assert len(earlier_outputs(moved)) == 3


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """The command line, stopped after a minute (a hang is a failure, not a wait)."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=ROOT, timeout=60, check=False, **kwargs
    )  # type: ignore[call-overload]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_an_export_into_a_named_pipe_beside_the_pages_ends_once_written(
    pages: Path, tmp_path: Path
) -> None:
    """The outputs list of a folder being read names the files an export wrote there: a
    named pipe it wrote into was opened again to be read for the list, and the command
    waited for a writer forever."""
    pipe = tmp_path / "out.pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = _cli("export", str(pages / "front.txt"), "-o", str(pipe), capture_output=True)
    assert result.returncode == 0, result.stderr
    reader.join(30)
    assert got and "新质生产力" in got[0].decode("utf-8")
    assert pipe.exists() and not pipe.is_file()  # still the pipe, never replaced


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="no file size limits here")
@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_standard_output_that_takes_only_part_is_a_failure_said_in_one_line(
    tmp_path: Path, fmt: str
) -> None:
    """A file size limit (as a full disk) takes only the first 8 KB written to standard
    output: the command said nothing and ended 0, the rest lost."""

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    out = tmp_path / f"out.{fmt}"
    with out.open("wb") as sink:
        result = _cli(
            "export", str(SEEDS[0]), "-f", fmt, stdout=sink, stderr=subprocess.PIPE,
            preexec_fn=limited,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.decode() == "ocr-reader: standard output: cannot write: File too large\n"


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="no file size limits here")
def test_an_export_that_stops_at_a_full_disk_says_where_it_stopped(
    pages: Path, tmp_path: Path
) -> None:
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    out = tmp_path / "out"
    result = _cli("export", str(pages), "-o", str(out), capture_output=True, preexec_fn=limited)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].endswith(": cannot write: File too large; export stopped there, at page 1 of 3")
    assert not any(p.is_file() and p.suffix == ".txt" for p in out.rglob("*"))


def test_a_folder_and_a_page_in_it_both_named_export_the_page_once(
    pages: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = _cli(
        "export", str(pages), str(pages / "front.txt"), "-o", str(out), capture_output=True
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert written == ["april/page.txt", "front.txt", "march/page.txt"]


def test_an_output_named_as_a_folder_is_one(tmp_path: Path) -> None:
    """-o out/ is a folder, written so, for one page too (it was a file named out); with
    --combine it is refused as a folder that exists is."""
    made = tmp_path / "made"
    result = run("export", str(SEEDS[0]), "-o", f"{made}{os.sep}")
    assert result.returncode == 0, result.stderr
    assert made.is_dir() and [p.name for p in made.iterdir() if p.suffix == ".txt"] == [
        SEEDS[0].name
    ]
    combined = run("export", *map(str, SEEDS), "--combine", "-o", f"{tmp_path / 'book'}/")
    assert combined.returncode == 2 and not (tmp_path / "book").exists()
    assert "that names a folder; --combine writes one file" in combined.stderr
    # A file named as a folder is said to be none.
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    onto = run("export", str(SEEDS[0]), "-o", f"{afile}/")
    assert onto.returncode == 2 and afile.read_text(encoding="utf-8") == "x"
    assert onto.stderr == f"ocr-reader: {afile}: not a folder (it is a file); nothing written\n"


def test_several_pages_into_a_name_of_a_file_are_refused(tmp_path: Path) -> None:
    """Several pages -o two.txt made a folder named two.txt; now refused as onto a file
    that exists."""
    target = tmp_path / "two.txt"
    result = run("export", *map(str, SEEDS), "-o", str(target))
    assert result.returncode == 2 and not target.exists()
    assert result.stderr.strip().endswith(
        "two.txt: several pages need an output folder, not a file (or --combine)"
    )
    folder = tmp_path / "two.pages"  # a name of a folder: made, as before
    assert run("export", *map(str, SEEDS), "-o", str(folder)).returncode == 0
    assert sorted(p.name for p in folder.glob("*.txt")) == sorted(p.name for p in SEEDS)


@pytest.mark.parametrize("fmt", ["html", "json"])
def test_several_whole_documents_to_standard_output_are_refused(fmt: str, tmp_path: Path) -> None:
    result = run("export", *map(str, SEEDS), "-f", fmt)
    assert result.returncode == 2 and result.stdout == ""
    assert "add --combine for one" in result.stderr and len(result.stderr.splitlines()) == 1
    # A folder of one page is one document.
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(SEEDS[0], one / SEEDS[0].name)
    alone = run("export", str(one), "-f", fmt)
    page = run("export", str(one / SEEDS[0].name), "-f", fmt)
    assert alone.returncode == 0 and alone.stdout == page.stdout


def test_pages_texts_to_standard_output_have_a_blank_line_between(tmp_path: Path) -> None:
    """Page 2's title came on the line after page 1's last paragraph: read as its end."""
    one = [run("export", str(page)).stdout for page in SEEDS]
    both = run("export", *map(str, SEEDS))
    assert both.returncode == 0
    assert both.stdout == one[0] + "\n" + one[1] and one[0].endswith("\n")
    lines = run("export", *map(str, SEEDS), "-f", "jsonl").stdout.splitlines()
    assert lines == [
        *run("export", str(SEEDS[0]), "-f", "jsonl").stdout.splitlines(),
        *run("export", str(SEEDS[1]), "-f", "jsonl").stdout.splitlines(),
    ]


def test_pages_not_read_among_others_say_the_others_were_exported(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("export", str(SEEDS[0]), str(tmp_path / "nosuch.txt"), "-o", str(out))
    assert result.returncode == 2 and (out / SEEDS[0].name).exists()
    assert result.stderr.splitlines() == [
        f"ocr-reader: {tmp_path / 'nosuch.txt'}: no such file",
        "ocr-reader: 1 of 2 pages exported; 1 page not read (said above)",
    ]
    # None of several read: said as well; a single page's own line says it all.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("export", str(empty), str(tmp_path / "nosuch.txt"), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "ocr-reader: 0 of 2 pages exported; 2 pages not read (said above)"
    )
    result = run("export", str(tmp_path / "nosuch.txt"))
    assert result.stderr.splitlines() == [f"ocr-reader: {tmp_path / 'nosuch.txt'}: no such file"]


def test_a_list_over_the_folder_names_only_outputs_under_it(tmp_path: Path) -> None:
    """A list of outputs in a folder over the one asked about (an export into the parent
    folder) names outputs of other folders too: only those under the folder asked
    about are its outputs (/tmp's list named /tmp/out.txt for every folder in /tmp)."""
    parent = tmp_path / "exports"
    inner = parent / "inner"
    inner.mkdir(parents=True)
    page = inner / "page.txt"
    shutil.copy(SEEDS[0], page)
    beside = parent / "beside.txt"
    assert run("export", str(page), "-o", str(beside)).returncode == 0
    assert (parent / OUTPUTS).is_file()
    assert earlier_outputs(parent) == {os.path.realpath(beside)}
    assert earlier_outputs(inner) == set()


def test_a_page_read_from_standard_input_is_written_again_in_place(tmp_path: Path) -> None:
    """Its output's list named the page "-", which no folder holds: the output counted
    as one whose pages are gone, the user's, and each run wrote one more beside it
    (stdin.md, stdin.clean.md, stdin-2.md)."""
    out = tmp_path / "out"
    seed = SEEDS[0].read_text(encoding="utf-8")
    for _round in range(3):
        result = run("export", "-", "-f", "md", "-o", f"{out}/", stdin=seed)
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir() if p.name != OUTPUTS) == ["stdin.md"]
