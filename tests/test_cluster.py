"""`ocr-reader export --cluster`: the workers of a two-worker Dask cluster write what a local
export writes, byte for byte, and the export reports what a local one reports."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import cli, cluster
from reader.core import edits as E
from reader.core.document import load
from reader.core.publish import Options
from reader.store.db import FILENAME, Store
from reader.store.files import OUTPUTS
from tests.benchmarks.bench_reflow import corpus
from tests.evaluation import REAL_PAGES, load_gold
from tests.relayout import layouts, render
from tests.test_cli import ROOT, run

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BAD = {"empty.txt": b"", "blank.txt": " \n\u3000\n".encode()}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running cluster of two worker processes, as a user's `dask scheduler` would be."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as running:
        yield running.scheduler_address


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample pages, generated pages in several layouts and encodings, the two made-up
    pages, real OCR output (when the real pages are beside the checkout), a page of the
    same name in a sub-folder, and two pages that cannot be read."""
    folder = tmp_path_factory.mktemp("cluster") / "pages"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "again").mkdir()
    shutil.copy(SEEDS[1], folder / "again" / SEEDS[0].name)
    (folder / "generated").mkdir()
    for k, data in enumerate(corpus(4)):
        (folder / "generated" / f"g{k}.txt").write_bytes(data)
    shapes = layouts(48)
    for k, name in enumerate(("features", "briefs")):
        (folder / "generated" / f"{name}.txt").write_bytes(render(load_gold(name), shapes[k + 9]))
    if REAL_PAGES.is_dir():
        (folder / "real").mkdir()
        for page in sorted(REAL_PAGES.glob("0[1-3]_*.json"))[:3]:
            shutil.copy(page, folder / "real" / page.name)
        for page in sorted(REAL_PAGES.glob("*.paddle.txt"))[:1]:
            shutil.copy(page, folder / "real" / page.name)
    (folder / "bad").mkdir()
    for name, data in BAD.items():
        (folder / "bad" / name).write_bytes(data)
    return folder


def hashes(folder: Path) -> dict[Path, str]:
    """The outputs' digests (the list of what was written, with its times, aside)."""
    return {
        p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != OUTPUTS
    }


@pytest.mark.parametrize(
    "options",
    [("-f", "jsonl"), ("-f", "md", "--no-bylines"), ("--explain",), ("-f", "json"), ("-f", "epub")],
)
def test_a_cluster_writes_what_a_local_export_writes(
    scheduler: str, pages: Path, tmp_path: Path, options: tuple[str, ...]
) -> None:
    local = run("export", str(pages), "-o", str(tmp_path / "local"), *options)
    spread = run(
        "export", str(pages), "-o", str(tmp_path / "spread"), *options, "--cluster", scheduler
    )
    written = hashes(tmp_path / "local")
    # Every readable page has its output; the two that cannot be read are reported.
    assert len(written) == len(list(pages.rglob("*"))) - len(BAD) - len(
        [p for p in pages.rglob("*") if p.is_dir()]
    )
    assert hashes(tmp_path / "spread") == written
    assert (spread.returncode, spread.stderr) == (local.returncode, local.stderr)
    assert local.returncode == 2
    lines = local.stderr.splitlines()
    for name, reason in (("blank.txt", "holds only white space"), ("empty.txt", "is empty")):
        assert f"ocr-reader: {pages / 'bad' / name}: the file {reason}" in lines


def test_standard_output_and_one_combined_file_are_the_same_bytes(
    scheduler: str, pages: Path, tmp_path: Path
) -> None:
    good = [str(p) for p in sorted(pages.rglob("*.txt")) if p.parent.name != "bad"]
    local = run("export", *good, "-f", "jsonl")
    spread = run("export", *good, "-f", "jsonl", "--cluster", scheduler)
    assert local.returncode == spread.returncode == 0, spread.stderr
    assert spread.stdout == local.stdout and local.stdout.count("\n") > 20
    combined = {}
    for name, where in (("local", ()), ("spread", ("--cluster", scheduler))):
        combined[name] = tmp_path / f"{name}.html"
        result = run("export", *good, "--combine", "-f", "html", "-o", str(combined[name]), *where)
        assert result.returncode == 0, result.stderr
    assert combined["spread"].read_bytes() == combined["local"].read_bytes()


def test_the_workers_apply_the_corrections_in_the_data_folder(
    scheduler: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    store = Store(data / FILENAME)
    try:
        store.add_edit(E.make(load(SEEDS[1]), "join", 1, 0))
    finally:
        store.close()
    outputs = {}
    for name, where in (("plain", ()), ("local", ()), ("spread", ("--cluster", scheduler))):
        corrected = () if name == "plain" else ("--data-dir", str(data))
        result = run("export", *map(str, SEEDS), "-o", str(tmp_path / name), *corrected, *where)
        assert result.returncode == 0, result.stderr
        outputs[name] = hashes(tmp_path / name)
    assert outputs["spread"] == outputs["local"]
    changed = [p for p in outputs["local"] if outputs["local"][p] != outputs["plain"][p]]
    assert changed == [Path(SEEDS[1].stem + ".txt")]


def test_local_n_starts_a_cluster_of_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")
    local = run("export", str(folder), "-o", str(tmp_path / "local"), "-f", "jsonl")
    spread = run(
        "export",
        str(folder),
        "-o",
        str(tmp_path / "spread"),
        "-f",
        "jsonl",
        "--cluster",
        "local:2",
    )
    assert hashes(tmp_path / "spread") == hashes(tmp_path / "local") != {}
    assert (
        (spread.returncode, spread.stderr)
        == (local.returncode, local.stderr)
        == (
            2,
            f"ocr-reader: {folder / 'empty.txt'}: the file is empty\n"
            "ocr-reader: 2 of 3 pages exported; 1 page not read (said above)\n",
        )
    )
    # An output that cannot be written stops the export with one line, and the cluster's
    # own log lines (its workers stopped in the middle of pages) stay out of the report.
    (tmp_path / "a-file").write_bytes(b"")
    blocked = str(tmp_path / "a-file" / "out")
    local = run("export", str(folder), "-o", blocked)
    spread = run("export", str(folder), "-o", blocked, "--cluster", "local:2")
    assert (spread.returncode, spread.stderr) == (local.returncode, local.stderr)
    assert local.returncode == 2 and local.stderr.count("\n") == 1
    assert "cannot write: Not a directory" in local.stderr


def test_pages_in_batches_land_and_are_reported_as_one_at_a_time(
    scheduler: str,
    pages: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    total = sum(1 for p in pages.rglob("*") if p.is_file())
    monkeypatch.setattr(cluster, "BATCHES_PER_THREAD", 1)
    monkeypatch.setattr(cluster, "BATCH_MAX", 4)  # two threads: batches of 4, the last short
    assert total % 4 and total > 8
    reports = {}
    for name, where in (("local", []), ("spread", ["--cluster", scheduler])):
        # Standard output: one stream of every page, in page order.
        status = cli.run(["export", str(pages), "-f", "jsonl", *where])
        reports[name] = (status, capsys.readouterr())
    assert reports["spread"] == reports["local"]
    status, printed = reports["local"]
    assert status == 2 and printed.out.count("\n") > total and printed.err.count("\n") >= 2


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_follows_the_pages_as_the_workers_finish_them(
    scheduler: str, pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    status = cli.run(["export", str(pages), "-o", str(tmp_path / "out"), "--cluster", scheduler])
    total = sum(1 for p in pages.rglob("*") if p.is_file())
    shown = terminal.getvalue()
    assert status == 2
    assert f"\rexporting {total:,}/{total:,} pages  100%" in shown
    # A page that cannot be read is a line of its own: the live line is cleared before it.
    lines = [line.rsplit("\r", 1)[-1] for line in shown.split("\n")]
    for name, reason in (("blank.txt", "holds only white space"), ("empty.txt", "is empty")):
        assert f"ocr-reader: {pages / 'bad' / name}: the file {reason}" in lines
    assert re.search(r"\r {20,}\rocr-reader: ", shown)
    assert lines[-1] == ""
    assert lines[-2].startswith(f"exported {total - 2:,} of {total:,} pages in ")
    assert lines[-2].endswith(f" s on {scheduler}")


def test_a_local_batch_shows_progress_and_a_single_page_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert cli.run(["export", *map(str, SEEDS), "-o", str(tmp_path / "two")]) == 0
    lines = [line.rsplit("\r", 1)[-1] for line in terminal.getvalue().split("\n")]
    assert f"\rexporting {len(SEEDS)}/{len(SEEDS)} pages  100%" in terminal.getvalue()
    assert lines[-2].startswith(f"exported {len(SEEDS)} of {len(SEEDS)} pages in ")
    terminal.seek(0)
    terminal.truncate()
    assert cli.run(["export", str(SEEDS[0]), "-o", str(tmp_path / "one.txt")]) == 0
    assert terminal.getvalue() == ""


def test_without_dask_the_cluster_is_one_line(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("distributed", "dask.distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # `import distributed` fails
    status = cli.run(["export", str(pages), "-o", str(tmp_path / "out"), "--cluster", "local:2"])
    err = capsys.readouterr().err
    assert status == 2
    assert err == f"ocr-reader: {cluster.INSTALL}\n"
    assert "pip install 'ocr-reader[cluster]'" in err
    assert not (tmp_path / "out").exists()


def test_a_scheduler_that_cannot_be_reached_is_one_line(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1)
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    status = cli.run(["export", str(pages), "-o", str(tmp_path / "out"), "--cluster", address])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"ocr-reader: cannot reach a Dask scheduler at {address}: ")
    assert not (tmp_path / "out").exists()


def test_standard_input_is_not_sent_to_a_cluster(scheduler: str) -> None:
    result = run("export", "-", "--cluster", scheduler, stdin=SEEDS[0].read_text("utf-8"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "ocr-reader: --cluster reads pages from files: standard input (-) is read without it\n"
    )


@pytest.mark.parametrize("bad", ["local:0", "local:two", "local:-1"])
def test_a_bad_number_of_workers_is_refused(bad: str) -> None:
    result = run("export", str(SEEDS[0]), "--cluster", bad)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "local:N needs a number of workers of at least 1" in result.stderr


def test_a_worker_without_the_data_folder_stops_the_export(tmp_path: Path) -> None:
    jobs = [
        cli.PageJob(k, seed, tmp_path / f"{k}.txt", "publish", Options())
        for k, seed in enumerate(SEEDS)
    ]
    missing = str(tmp_path / "elsewhere" / FILENAME)
    number, [done] = cluster.work((7, jobs), SEEDS, missing)
    assert number == 7 and done.index == 0 and done.stop
    assert done.messages == [
        f"{missing}: no annotation database at this path on the worker; the data folder "
        "must be at the same path on every worker"
    ]
    assert list(tmp_path.glob("*.txt")) == []
    # With no database asked for, the worker writes each page as export_page does.
    number, results = cluster.work((7, jobs), SEEDS, None)
    assert [(r.index, r.stop, r.messages, r.data) for r in results] == [
        (0, False, [], None),
        (1, False, [], None),
    ]
    assert (tmp_path / "0.txt").read_text("utf-8").startswith("作为中国特色社会主义事业")


def test_a_page_that_cannot_be_written_ends_its_batch(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_bytes(b"")
    targets = [tmp_path / "a-file" / "0.txt", tmp_path / "1.txt"]
    jobs = [cli.PageJob(k, SEEDS[k], targets[k], "publish", Options()) for k in range(2)]
    _number, results = cluster.work((0, jobs), SEEDS, None)
    assert [r.stop for r in results] == [True]
    assert not targets[1].exists()  # as a local export, which stops at the first page
