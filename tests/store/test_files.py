"""Atomic writes: whole files, with the permissions an ordinary write would give."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from reader.store.files import write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_file_gets_what_the_umask_allows(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x")  # as open() creates it
    out = tmp_path / "out" / "page.txt"
    write_atomic(out, "国企")
    assert out.read_text(encoding="utf-8") == "国企"
    assert _mode(out) == _mode(plain)
    assert _mode(out) & 0o044  # readable by others under the usual umask, unlike 0600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "page.md"
    out.write_text("old")
    out.chmod(0o640)
    write_atomic(out, b"new")
    assert out.read_bytes() == b"new"
    assert _mode(out) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]  # no temporary file left


def test_a_full_disk_leaves_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "page.txt"
    out.write_text("old", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(out, "国企")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.txt"]  # the temporary file is gone


def test_a_link_writes_its_file_and_a_device_or_pipe_is_written_into(tmp_path) -> None:
    """An output named by a symbolic link writes the file it points to, the link kept;
    a named pipe (as a device such as /dev/null) is written into as a stream, never
    replaced by a regular file."""
    import threading

    real = tmp_path / "real.md"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "国企")
    assert link.is_symlink() and real.read_text("utf-8") == "国企"

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "国企")
    reader.join(10)
    assert got == ["国企".encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_loop_of_links_is_refused_and_dev_stdout_is_appended_to(tmp_path) -> None:
    """A loop of symbolic links is refused as any program refuses it (it was replaced
    by a file); /dev/stdout redirected to a file (>> log) is written at its end, the
    file not cut short nor replaced."""
    import subprocess
    import sys

    first, second = tmp_path / "a", tmp_path / "b"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(OSError):
        write_atomic(first, "国企")
    assert first.is_symlink() and second.is_symlink()

    log = tmp_path / "log.txt"
    log.write_text("keep\n", "utf-8")
    code = "from pathlib import Path; from reader.store.files import write_atomic; " \
        "write_atomic(Path('/dev/stdout'), '国企\\n')"  # fmt: skip
    with log.open("a", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-c", code], stdout=out, check=True, timeout=60)
    assert log.read_text("utf-8") == "keep\n国企\n"
