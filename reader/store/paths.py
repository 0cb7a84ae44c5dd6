"""Where ocr-reader keeps its files: platformdirs, with overrides for tests and power users.

`--data-dir` (or OCR_READER_DATA_DIR) moves everything the app writes under one folder;
OCR_READER_CONFIG_DIR and OCR_READER_CACHE_DIR move the settings and the cache alone.

Looking a folder up never creates it and never fails: whatever writes there creates it,
and says in its own words when it cannot (a plain export needs no data folder at all).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "ocr-reader"
_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Put data, settings and cache under one folder (the --data-dir option)."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def _dir(env: str, sub: str, default: str) -> Path:
    if _override is not None:
        path = _override / sub if sub else _override
    elif os.environ.get(env):
        path = Path(os.environ[env]).expanduser()
    elif sub and os.environ.get("OCR_READER_DATA_DIR"):
        path = Path(os.environ["OCR_READER_DATA_DIR"]).expanduser() / sub
    else:
        path = Path(default)
    return path


def data_dir() -> Path:
    return _dir("OCR_READER_DATA_DIR", "", platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    return _dir(
        "OCR_READER_CONFIG_DIR", "config", platformdirs.user_config_dir(APP, appauthor=False)
    )


def cache_dir() -> Path:
    return _dir("OCR_READER_CACHE_DIR", "cache", platformdirs.user_cache_dir(APP, appauthor=False))
