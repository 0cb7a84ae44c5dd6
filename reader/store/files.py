"""Writing files so that a failure never leaves half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

# The process's umask, read once at import (reading it means setting it, which no thread
# should race with): a new file gets the permissions open() would give it.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def _mode(path: Path) -> int:
    """The permissions the written file should have: those of the file it replaces, or
    what the umask leaves of read and write for everyone."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def write_atomic(path: Path, text: str | bytes, encoding: str = "utf-8") -> None:
    """Write through a temporary file and rename, so a failure never leaves half a file.

    The temporary file is private to its owner; the file it becomes gets the permissions
    of the one it replaces, or those of any new file (not the temporary file's 0600).
    """
    data = text.encode(encoding) if isinstance(text, str) else text
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
