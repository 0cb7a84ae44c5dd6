"""reader.core and reader.store never import Qt, and the command line never loads jieba."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BLOCKER = textwrap.dedent(
    """
    import importlib.abc, pkgutil, sys

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"PySide6", "shiboken6"}:
                raise ImportError("Qt is blocked in this test: " + name)
            return None

    sys.meta_path.insert(0, Block())
    import reader.core, reader.store
    for pkg in (reader.core, reader.store):
        for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            __import__(mod.name)
    import reader.cli
    assert not any(m.split(".")[0] in {"PySide6", "shiboken6"} for m in sys.modules)
    print("ok")
    """
)


def test_core_and_store_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_qt_imports_live_only_in_reader_ui() -> None:
    offenders = []
    for path in (ROOT / "reader").rglob("*.py"):
        if path.is_relative_to(ROOT / "reader" / "ui"):
            continue
        text = path.read_text(encoding="utf-8")
        if "PySide6" in text or "shiboken6" in text:
            offenders.append(path.relative_to(ROOT))
    assert offenders == []
