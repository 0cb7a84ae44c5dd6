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

SHOTS = {
    "light.png": (SEEDS[0], {"theme": "light"}),
    "dark.png": (SEEDS[1], {"theme": "dark", "show_source": "true"}),
    "sepia-zh.png": (SEEDS[0], {"theme": "sepia", "language": "zh_CN"}),
}


def shoot(out: Path, page: Path, settings: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as data:
        config = Path(data) / "config"
        config.mkdir()
        lines = ["[General]", *(f"{k}={v}" for k, v in settings.items())]
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
    for name, (page, settings) in SHOTS.items():
        shoot(folder / name, page, settings)
        print(folder / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
