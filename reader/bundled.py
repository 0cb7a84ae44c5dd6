"""Bundled files (sample pages, translations) from a checkout or an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]


def _find(checkout: Path, package: str, name: str) -> Path | None:
    if (checkout / name).is_file():
        return checkout / name
    try:
        candidate = resources.files(package) / name
    except (ModuleNotFoundError, TypeError):
        return None
    return Path(str(candidate)) if candidate.is_file() else None


def sample_pages() -> list[Path]:
    """The sample pages, the first being the one the app opens without a file."""
    folder = _ROOT / "seeds"
    if folder.is_dir():
        return sorted(folder.glob("*.txt"))
    try:
        pkg = resources.files("reader.samples")
    except ModuleNotFoundError:
        return []
    return sorted(Path(str(p)) for p in pkg.iterdir() if p.name.endswith(".txt"))


def translation(name: str) -> Path | None:
    return _find(_ROOT / "resources" / "translations", "reader.resources.translations", name)


def resource(name: str) -> Path | None:
    """A file under resources/ (the icon, the desktop entry), e.g. "icons/ocr-reader.svg"."""
    if (_ROOT / "resources" / name).is_file():
        return _ROOT / "resources" / name
    try:
        candidate = resources.files("reader.resources").joinpath(*name.split("/"))
    except (ModuleNotFoundError, TypeError):
        return None
    return Path(str(candidate)) if candidate.is_file() else None
