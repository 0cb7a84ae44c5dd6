"""Start-up as a user sees it: the screenshot command, and the wheel carrying the samples."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_renders_the_window_with_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--screenshot", str(out), "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_screenshot_of_a_bad_file_fails_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--screenshot", str(tmp_path / "x.png"), str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    assert "empty" in result.stderr and "Traceback" not in result.stderr


def test_the_wheel_carries_samples_translations_icon_and_desktop_entry(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("ocr_reader-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(n.split("/")[-1] for n in names if n.startswith("reader/samples/")) == seeds
    assert "reader/resources/translations/ocr_reader_zh_CN.qm" in names
    assert "reader/resources/ocr-reader.desktop" in names
    assert "reader/resources/icons/ocr-reader.svg" in names
    assert not any(n.startswith("reader/resources/screenshots/") for n in names)
    assert "reader/bundled.py" in names


def test_theme_option_is_for_one_run_and_keeps_the_saved_theme(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.ini").write_text("[General]\ntheme=sepia\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--theme",
            "dark",
            "--data-dir",
            str(tmp_path),
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    margin = QImage(str(tmp_path / "x.png")).pixelColor(300, 450)  # left of the text column
    assert margin.lightness() < 80
    assert "theme=sepia" in (config / "settings.ini").read_text(encoding="utf-8")
