"""Exporting one big page as JSON: the cost per megabyte of a 2 MB and a 32 MB page (a
linear export costs the same), and the peak memory of the command, measured in a process
of its own, as a multiple of the file's size.

The pages are the labelled pages re-typeset in rotating layouts (as bench_reflow's
corpus, all in UTF-8 with LF line ends) and put one after another into one file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from reader.core.document import load
from reader.core.publish import Options, Part, publish_stream
from reader.store.files import write_atomic
from tests.evaluation import SEEDS, load_gold, seed_names
from tests.relayout import layouts, render

SMALL, BIG = 2, 32  # MB
RATIO_BAR = 1.3  # the big page's cost per MB against the small one's
MEMORY_BAR = 6  # peak memory, times the file

# The export command in a process of its own, reporting its peak resident memory.
# (VmHWM, not getrusage: Linux counts the memory of the process forked from, this one,
# in a child's ru_maxrss.)
_MEASURED = """
import sys
from pathlib import Path
from reader.cli import run
status = run(sys.argv[1:])
for line in Path("/proc/self/status").read_text().splitlines():
    if line.startswith("VmHWM:"):
        print(int(line.split()[1]) * 1024, file=sys.stderr)
sys.exit(status)
"""


def big_page(mb: float) -> bytes:
    golds = [load_gold(name) for name in seed_names()]
    shapes = [replace(s, encoding="utf-8", newline="\n") for s in layouts(48)]
    out: list[bytes] = []
    size = k = 0
    while size < mb * 1e6:
        page = render(golds[k % len(golds)], shapes[k // len(golds) % len(shapes)], seed=k)
        out.append(page)
        size += len(page) + 1
        k += 1
    return b"\n".join(out)


def _export(page: Path, out: Path) -> None:
    doc = load(page)
    write_atomic(out, publish_stream([Part(doc)], Options(format="json", furniture=True)))


def _best(page: Path, out: Path, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        _export(page, out)
        best = min(best, time.perf_counter() - start)
    return best


def _peak(page: Path, out: Path, data: Path) -> int:
    """Peak resident memory in bytes of `ocr-reader export PAGE -f json` in a new process."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, "export", str(page), "-f", "json", "-o", str(out),
         "--data-dir", str(data)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return int(done.stderr.strip().splitlines()[-1])


def run() -> list[tuple[str, str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, big = folder / "small.txt", folder / "big.txt"
        small.write_bytes(big_page(SMALL))
        big.write_bytes(big_page(BIG))
        out, data = folder / "out.json", folder / "data"
        small_mb, big_mb = small.stat().st_size / 1e6, big.stat().st_size / 1e6
        small_s = _best(small, out, 3) / small_mb
        big_s = _best(big, out, 2) / big_mb
        peak = _peak(big, out, data)
        base = _peak(sorted(SEEDS.glob("*.txt"))[0], out, data)
    ratio = big_s / small_s
    times = peak / (big_mb * 1e6)
    above = (peak - base) / (big_mb * 1e6)
    return [
        (
            f"export as JSON, {small_mb:.0f} MB and {big_mb:.0f} MB pages, per MB",
            f"{small_s * 1000:.0f} ms/MB and {big_s * 1000:.0f} ms/MB "
            f"({small_s * small_mb:.2f} s, {big_s * big_mb:.2f} s): {ratio:.2f}×",
            f"≤ {RATIO_BAR}×",
            "meets" if ratio <= RATIO_BAR else "below",
        ),
        (
            f"peak memory of `export -f json` on the {big_mb:.0f} MB page, own process",
            f"{peak / 1e6:.0f} MB, {times:.1f}× the file ({above:.1f}× above the "
            f"{base / 1e6:.0f} MB of a one-page export)",
            f"< {MEMORY_BAR}×",
            "meets" if times < MEMORY_BAR else "below",
        ),
    ]
