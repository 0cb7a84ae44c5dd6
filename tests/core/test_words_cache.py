"""jieba loads when its cache folder cannot be made (a data folder under a file)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from pathlib import Path
from reader.core import words
words.configure(Path(sys.argv[1]), Path(sys.argv[2]))
words.load()
print(words.search_tokens("国务院召开常务会议"))
"""


def test_jieba_loads_without_a_cache_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(blocker / "cache"), str(blocker / "userdict.txt")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "国务院" in result.stdout.split()
