"""Take the README screenshots: `make screenshots` (needs xvfb and a CJK font installed).

Each shot runs the real app on a virtual X screen with its own data folder, so the
settings for a shot (theme, language, source view) never touch the user's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Passages to annotate before a shot: (quote, colour, tags, note).
NOTES = [
    ("科技创新和产业创新，是发展新质生产力的基本路径", "yellow", ["新质生产力", "政策"], ""),
    ("各地各行业向新而行", "green", ["产业"], "各地做法：见下文三个案例。"),
    ("战略性新兴产业", "blue", ["产业"], ""),
    ("加快形成新质生产力，增强发展新动能", "pink", ["新质生产力"], "与 3 月政府工作报告对照。"),
]

SHOTS = {
    "light.png": (SEEDS[0], {"theme": "light"}, NOTES),
    "dark.png": (SEEDS[1], {"theme": "dark", "show_source": "true"}, []),
    "sepia-zh.png": (SEEDS[0], {"theme": "sepia", "language": "zh_CN"}, []),
    "annotations-dark.png": (SEEDS[0], {"theme": "dark"}, NOTES),
}


def annotate(data: Path, page: Path, notes: list[tuple[str, str, list[str], str]]) -> list[str]:
    """Store annotations for the page the way the window would; returns settings lines that
    open the page at the first of them."""
    from reader.core.annotations import new_annotation
    from reader.core.document import load
    from reader.core.export import clean_text
    from reader.store.db import FILENAME, Store

    doc = load(page)
    clean = clean_text(doc)
    store = Store(data / FILENAME)
    for quote, colour, tags, note in notes:
        start = clean.text.index(quote)
        store.put(
            new_annotation(
                doc, clean, start, start + len(quote), colour=colour, tags=tags, note=note
            )
        )
    store.close()
    if not notes:
        return []
    ai, k = clean.covering(clean.text.index(notes[0][0]), clean.text.index(notes[0][0]) + 1)[0]
    block = k - len(doc.articles[ai].head) - 1
    return ["[positions]", f"{doc.source.fingerprint}={ai}:{max(-1, block)}"]


def shoot(
    out: Path, page: Path, settings: dict[str, str], notes: list[tuple[str, str, list[str], str]]
) -> None:
    with tempfile.TemporaryDirectory() as data:
        position = annotate(Path(data), page, notes)
        config = Path(data) / "config"
        config.mkdir()
        lines = ["[General]", *(f"{k}={v}" for k, v in settings.items()), *position]
        (config / "settings.ini").write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        subprocess.run(
            [
                "xvfb-run",
                "-a",
                "-s",
                "-screen 0 1600x1000x24",
                sys.executable,
                "-m",
                "reader",
                "--screenshot",
                str(out),
                "--data-dir",
                data,
                str(page),
            ],
            check=True,
            env=env,
            timeout=120,
        )


def main(argv: list[str]) -> int:
    if shutil.which("xvfb-run") is None:
        print("xvfb-run not found: apt-get install -y xvfb fonts-noto-cjk", file=sys.stderr)
        return 2
    folder = Path(argv[0] if argv else ROOT / "resources" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for name, (page, settings, notes) in SHOTS.items():
        shoot(folder / name, page, settings, notes)
        print(folder / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
