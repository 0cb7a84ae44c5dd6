"""Pages the command line cannot read, given as a user would: a real process, real files
and devices. Each is refused at once with one line, never a hang or a traceback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from reader.store.files import OUTPUTS
from tests.core.test_decode import JAPANESE, TRADITIONAL

ROOT = Path(__file__).resolve().parents[1]
# Generous, so that only a hang fails on it.
TIMEOUT = 60


def export(*args: str, stdin: IO[bytes] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "export", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        stdin=subprocess.DEVNULL if stdin is None else stdin,
        timeout=TIMEOUT,
    )


def refusal(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a refused page gives on standard error."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ocr-reader:")
    return lines[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    line = refusal(export(str(fifo)))
    assert line == f"ocr-reader: {fifo}: it is a named pipe (FIFO), not a file"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    assert refusal(export(device)) == f"ocr-reader: {device}: it is a character device, not a file"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no unix sockets here")
def test_a_socket_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a short relative name: socket paths are limited in length
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("page.txt")
        line = refusal(export(str(tmp_path / "page.txt")))
    assert line.endswith("page.txt: it is a socket, not a file")


def test_endless_zero_bytes_on_standard_input_are_refused() -> None:
    with open("/dev/zero", "rb") as zeros:
        line = refusal(export("-", stdin=zeros))
    assert line == "ocr-reader: <stdin>: it is binary data, not text"


def test_a_big5_page_is_exported_as_its_text(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(TRADITIONAL.encode("big5"))
    out = tmp_path / "page.json"
    result = export(str(page), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert json.loads(text)["source"]["encoding"] == "Big5"
    assert "國務院總理主持召開國務院常務會議" in text  # written as it is, not as \u escapes


def test_a_shift_jis_page_is_refused_as_japanese(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(JAPANESE.encode("cp932"))
    line = refusal(export(str(page)))
    assert line == f"ocr-reader: {page}: it is Japanese text (Shift-JIS), not Chinese"


def test_a_page_of_full_width_spaces_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("\u3000\u3000\u3000\n\n\u3000\u3000\n", encoding="utf-8")
    line = refusal(export(str(page)))
    assert line == f"ocr-reader: {page}: the file holds only white space"


@pytest.mark.parametrize(
    "content, reason",
    [
        ({"a": 1}, "it is JSON, but not OCR output that this reader knows"),
        ([1, 2, 3], "it is JSON, but not OCR output that this reader knows"),
        (
            {"type": "AnnotationCollection", "first": {"items": []}},
            "it is an export of annotations, not a page: import it instead",
        ),
        (
            {"schema": "ocr-reader.collection/1", "documents": []},
            "it is a page exported as JSON, not OCR output: open the page itself",
        ),
    ],
)
@pytest.mark.parametrize("name", ["page.json", "page.txt"])
def test_json_that_is_not_ocr_output_is_refused(
    tmp_path: Path, content: object, reason: str, name: str
) -> None:
    page = tmp_path / name
    page.write_text(json.dumps(content), encoding="utf-8")
    assert refusal(export(str(page))) == f"ocr-reader: {page}: {reason}"
    assert not any(p != page for p in tmp_path.iterdir())  # nothing written


def test_text_that_only_starts_like_json_is_a_page(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("[社论]\n团结起来，争取更大的胜利。\n", encoding="utf-8")
    result = export(str(page), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr


def test_a_page_whose_name_is_not_utf8_is_exported_alone_and_in_its_folder(
    tmp_path: Path,
) -> None:
    """A page whose name is not UTF-8 (unzipped from another system's code page), with a
    data folder that already holds pages (so its name is looked up there): exported
    alone and with its folder, never a traceback."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    folder = tmp_path / "pages"
    folder.mkdir()
    bad = os.fsdecode(bytes(folder) + b"/bad\xff\xfename.txt")
    Path(bad).write_bytes(seeds[0].read_bytes())
    (folder / "good.txt").write_bytes(seeds[1].read_bytes())
    from reader.store.db import FILENAME, Store

    (tmp_path / "data").mkdir()
    Store(tmp_path / "data" / FILENAME).close()  # a data folder with its database
    data = ["--data-dir", str(tmp_path / "data")]
    alone = export(bad, "-f", "md", *data)
    assert alone.returncode == 0 and "Traceback" not in alone.stderr, alone.stderr
    assert "国企" in alone.stdout
    out = tmp_path / "out"
    both = export(str(folder), "-f", "html", "-o", str(out), *data)
    assert both.returncode == 0 and "Traceback" not in both.stderr, both.stderr
    assert len([p for p in out.iterdir() if p.name != OUTPUTS]) == 2


def test_a_line_break_in_a_files_name_is_shown_escaped_in_the_one_line(tmp_path: Path) -> None:
    page = tmp_path / "front\npage.txt"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    line = refusal(export(str(page)))
    assert line == f"ocr-reader: {tmp_path}/front\\npage.txt: it is a PNG image, not text"


@pytest.mark.parametrize(
    "command",
    [("search", "国务院"), ("annotations", "export"), ("export", "seeds/000_6f184ef8bf9eb23a.txt")],
)
def test_a_data_folder_named_that_is_a_file_is_said_so_for_every_command(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """Search said the library was empty (add a folder), the others that annotating was
    off: the file named is the mistake."""
    named = tmp_path / "notes.txt"
    named.write_text("mine\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", *command, "--data-dir", str(named)],
        capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT,
    )  # fmt: skip
    line = refusal(result)
    said = "the data folder named is not a folder; nothing done"
    assert line == f"ocr-reader: {named}: {said}"
    assert named.read_text(encoding="utf-8") == "mine\n"


def test_every_kind_of_line_break_in_a_message_is_shown_escaped() -> None:
    from reader.progress import one_line

    assert one_line("a\nb\rc\x85d\u2028e\u2029f\x1b") == "a\\nb\\rc\\x85d\\u2028e\\u2029f\\x1b"
    assert len(one_line("p\u2028q.txt: not read").splitlines()) == 1


@pytest.mark.parametrize("kind", ["a loop of links", "a name too long"])
def test_a_data_folder_that_cannot_be_looked_at_is_said_in_one_line(
    tmp_path: Path, kind: str
) -> None:
    if kind == "a loop of links":
        named = tmp_path / "one"
        named.symlink_to(tmp_path / "two")
        (tmp_path / "two").symlink_to(named)
    else:
        named = tmp_path / ("x" * 300)
    for command in (("search", "国务院"), ("annotations", "export")):
        result = subprocess.run(
            [sys.executable, "-m", "reader", *command, "--data-dir", str(named)],
            capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT,
        )  # fmt: skip
        line = refusal(result)
        assert "the data folder named cannot be used" in line and line.endswith("nothing done")


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["export"], "the following arguments are required: paths"),
        (["export", "page.txt", "-f", "pdf"], "invalid choice: 'pdf'"),
        (["export", "page.txt", "--bogus"], "unrecognized arguments: --bogus"),
        (["search", "--limit", "0", "工作"], "--limit: 0 is not 1 or more"),
        (["search"], "the following arguments are required: query"),
        (["annotations", "import"], "the following arguments are required: files"),
    ],
)
def test_a_mistake_in_the_arguments_is_one_line_naming_the_help(
    command: list[str], said: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", *command],
        capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT,
    )  # fmt: skip
    line = refusal(result)
    named = " ".join(command[:2] if command[0] == "annotations" else command[:1])
    assert said in line and line.endswith(f"(see ocr-reader {named} --help)")
    assert result.stdout == ""


@pytest.mark.parametrize("options", [["--bogus"], ["--theme", "pink"], ["--size", "9x9"]])
def test_a_mistake_in_the_windows_options_is_one_line_too(options: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", *options],
        capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT,
    )  # fmt: skip
    line = refusal(result)
    assert line.endswith("(see ocr-reader --help)")


def test_a_page_too_big_for_the_memory_left_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reflowing a 60 MB page under a memory limit ran out in the engine, past the
    decoder's guard: a traceback, and the batch's other page never exported. Now the
    page is refused in one line, as one that cannot be decoded, and the others go on."""
    from reader import cli
    from reader.core import document

    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    big.write_bytes(seed.read_bytes())
    small.write_bytes(seed.read_bytes())
    build = document.build

    def exhausted(decoded, *args, **kwargs):  # type: ignore[no-untyped-def]
        if args and "big.txt" in str(args[1:2]):
            raise MemoryError
        return build(decoded, *args, **kwargs)

    monkeypatch.setattr(document, "build", exhausted)
    out = tmp_path / "out"
    status = cli.run(["export", str(big), str(small), "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" not in err
    assert f"{big}: there is not enough memory to read it" in err
    assert (out / "small.txt").is_file() and not (out / "big.txt").exists()


def test_empty_ocr_files_in_a_folder_are_said_not_passed_over(tmp_path: Path) -> None:
    """A zero-byte .json, .hocr or .xml beside the pages is the trace of an OCR run that
    failed: only the empty .txt was said, the others passed over in silence and the
    summary counted three pages fewer. Each is said in one line now."""
    folder = tmp_path / "pages"
    folder.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    (folder / seed.name).write_bytes(seed.read_bytes())
    empty = ["empty.txt", "empty.json", "empty.hocr", "empty.xml"]
    for name in empty:
        (folder / name).write_bytes(b"")
    (folder / "blank.json").write_bytes(b" \n")
    (folder / "index.html").write_bytes(b"")  # a site's page as often as hOCR: passed over
    result = export(str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for name in empty:
        assert f"{folder / name}: the file is empty" in result.stderr, result.stderr
    assert f"{folder / 'blank.json'}: the file holds only white space" in result.stderr
    assert "1 of 6 pages exported" in result.stderr and "index.html" not in result.stderr


def test_a_command_has_big_blocks_mapped_on_their_own_before_it_reads_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The allocator's setting holds for the whole process, so the command asks for it
    (reader.core.memory.map_big_blocks), before any page is read, not the engine."""
    from reader import cli
    from reader.core import document, memory

    asked: list[str] = []
    build = document.build

    def reading(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append("page read")
        return build(*args, **kwargs)

    monkeypatch.setattr(memory, "map_big_blocks", lambda: asked.append("mapped") or True)
    monkeypatch.setattr(document, "build", reading)
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    assert cli.run(["export", str(seed), "-o", str(tmp_path / "out.txt")]) == 0
    assert asked == ["mapped", "page read"]
