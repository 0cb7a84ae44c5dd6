"""`ocr-reader export -f jsonl`: a file of JSON lines per page into a folder, or one stream
of them all (standard output, or one file with --combine), as search servers load them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.test_cli import ROOT, run

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_a_folder_gives_a_file_per_page_and_one_stream_of_them_all(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "march").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "march" / "front.txt")
    shutil.copy(SEEDS[1], folder / "inside.txt")
    per_page = run("export", str(folder), "-f", "jsonl", "-o", str(tmp_path / "out"))
    assert per_page.returncode == 0, per_page.stderr
    files = [tmp_path / "out" / "inside.jsonl", tmp_path / "out" / "march" / "front.jsonl"]
    assert sorted((tmp_path / "out").rglob("*.jsonl")) == files
    streamed = run("export", str(folder), "-f", "jsonl")
    assert streamed.returncode == 0, streamed.stderr
    combined = tmp_path / "all.jsonl"
    result = run("export", str(folder), "-f", "jsonl", "--combine", "-o", str(combined))
    assert result.returncode == 0, result.stderr
    # The pages in the order they are read (sorted), one line an article, nothing between.
    whole = b"".join(f.read_bytes() for f in files)
    assert combined.read_bytes() == whole == streamed.stdout.encode("utf-8")
    paths = [json.loads(line)["path"] for line in whole.decode("utf-8").splitlines()]
    assert paths[0] == paths[1] == str(folder / "inside.txt")
    assert paths[-1] == str(folder / "march" / "front.txt")
