"""Test configuration: Qt runs offscreen, and nothing touches the real user directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("OCR_READER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("OCR_READER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("OCR_READER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    # A command run in the test's process with --data-dir sets that folder for the
    # process: put back after each test, so that none leaks into the next.
    from reader.store import paths

    monkeypatch.setattr(paths, "_override", None)


@pytest.fixture
def seed_paths() -> list[Path]:
    return SEEDS


@pytest.fixture(scope="session", autouse=True)
def _words_loaded(tmp_path_factory) -> None:
    """Load jieba once for the session, as a running app has it soon after start; tests
    then see keywords and word selection at once instead of at some later moment."""
    from reader.core import words

    words.configure(tmp_path_factory.mktemp("jieba-cache"), Path("/nonexistent/userdict.txt"))
    words.load()
    # The keywords' IDF table is read on first use: here, once, rather than in some test.
    words.keywords("预热")
