"""Run the benchmarks and print a Markdown table (paste it into the README)."""

from __future__ import annotations

import importlib
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    only = set(argv)
    rows: list[tuple[str, str, str, str]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if only and path.stem not in only:
            continue
        module = importlib.import_module(f"tests.benchmarks.{path.stem}")
        print(f"running {path.stem} ...", file=sys.stderr, flush=True)
        rows.extend(module.run())
    print(f"\nMachine: {machine()}\n")
    print("| benchmark | result | bar | verdict |")
    print("|---|---|---|---|")
    for name, result, bar, verdict in rows:
        print(f"| {name} | {result} | {bar} | {verdict} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
