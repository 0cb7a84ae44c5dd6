"""Writing files so that a failure never leaves half of one."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

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


def write_atomic(
    path: Path,
    text: str | bytes | Iterable[bytes],
    encoding: str = "utf-8",
    inputs: Iterable[Path] = (),
) -> None:
    """Write through a temporary file and rename, so a failure never leaves half a file.
    `text` may come in pieces (bytes), written as they come.

    The temporary file is private to its owner; the file it becomes gets the permissions
    of the one it replaces, or those of any new file (not the temporary file's 0600).
    A `path` that is one of `inputs` raises OverwritesInput before anything is written.
    A symbolic link writes the file it points to, and what is not a regular file (a
    device, a named pipe) is written into as a stream, never replaced.
    """
    guard(path, inputs)
    pieces = (text.encode(encoding),) if isinstance(text, str) else text
    if isinstance(pieces, bytes):
        pieces = (pieces,)
    # What the name stands for, links followed: a device, a named pipe, a terminal or
    # this process's own output (/dev/stdout, however that is redirected) is written into
    # as a stream; a loop of links is refused as any program refuses it.
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        special = False  # a new file, or a link to one
    if special or str(path).startswith(("/dev/", "/proc/")):
        _write_through(path, pieces)
        return
    if path.is_symlink():
        # The file the link points to is written (as any program writing to the link
        # would): the link stays a link.
        path = Path(os.path.realpath(path))
        guard(path, inputs)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode(path)
    # The temporary name holds only the start of the real one: a name that just fits the
    # file system would not, with a prefix and a suffix added.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:32]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                write_all(fh, piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_through(path: Path, pieces: Iterable[bytes]) -> None:
    """Write into what is not a regular file (a device such as /dev/null, a named pipe a
    program reads from, a terminal) as into a stream: it is never replaced by a file. A
    folder is refused as open() refuses it. Opened to append: /dev/stdout redirected to a
    file (>> log) must not cut the file short."""
    with open(path, "ab") as fh:
        for piece in pieces:
            write_all(fh, piece)


def write_all(stream: BinaryIO, data: bytes) -> None:
    """Write all of `data` or raise OSError: a buffered write returns short, without a
    word, where the file system takes only part (a file size limit, a full disk), and the
    rest would be lost unseen."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:  # nothing taken and nothing said: say it
            raise OSError(errno.EIO, "the output took nothing more")
        view = view[written:]


class OverwritesInput(OSError):
    """The output named is one of the files being read; nothing was written."""


def same_file(a: Path, b: Path) -> bool:
    """True when two paths name one file (hard links and symbolic links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def guard(path: Path, inputs: Iterable[Path]) -> None:
    """Refuse to write onto any of `inputs`: the user's pages are never overwritten."""
    for source in inputs:
        if same_file(path, source):
            raise OverwritesInput(
                errno.EEXIST, "it is one of the pages being read; choose another name"
            )


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, the file system takes in `folder`."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return int(os.pathconf(probe, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return 255


def fit_name(stem: str, suffix: str, limit: int) -> str:
    """`stem` + `suffix`, the stem cut (at a character) so the name fits `limit` bytes (a
    name that is not UTF-8 keeps its own bytes)."""
    room = limit - len(suffix.encode("utf-8"))
    data = stem.encode("utf-8", "surrogateescape")
    if len(data) <= room:
        return stem + suffix
    cut = data[: max(1, room)].decode("utf-8", errors="ignore")
    return cut + suffix


def plan_outputs(
    pages: Sequence[tuple[Path, Path | None]],
    out: Path,
    suffix: str,
    ours: Callable[[Path], bool] | None = None,
) -> list[Path]:
    """Where each page's output goes in folder `out`.

    `pages` are (page, the folder argument it was found in, or None for a file named
    itself). Pages found in a folder keep their place under it, so two `x.txt` in two
    sub-folders stay two outputs; pages named alone go to the top. An output that would
    land on any input gets a `.clean` infix, and so, where `ours` is given (it tells the
    outputs of earlier exports still as they wrote them), does one that would land on
    any other file there: a file of the user's beside the pages (notes.md) or an output
    edited since. Names the file system cannot hold are cut, and any name still taken is
    numbered.
    """
    inputs = [page for page, _root in pages]
    taken: set[str] = set()
    planned: list[Path] = []
    # Pages of several folders named keep them apart, each under its own name (as cp -r
    # puts them): out/1967-01-01/p1.txt, not out/p1.txt and out/p1-2.txt.
    roots = {root for _page, root in pages if root is not None}
    named = {root: root.resolve().name or "pages" for root in roots} if len(roots) > 1 else {}
    # Two pages of one folder that differ only in their ending (x.hocr, x.json) are told
    # apart by it: x.hocr.txt and x.json.txt, not x.txt and x-2.txt.
    stems: dict[tuple[str, str], int] = {}
    for page, _root in pages:
        where = (os.path.normcase(str(page.parent)), page.stem)
        stems[where] = stems.get(where, 0) + 1

    def occupied(target: Path) -> bool:
        if any(same_file(target, source) for source in inputs):
            return True
        return ours is not None and os.path.lexists(target) and not ours(target)

    for page, root in pages:
        rel = page.relative_to(root).parent if root is not None else Path()
        if root in named:
            rel = Path(named[root]) / rel
        folder = out / rel
        limit = name_max(folder)
        stem = page.stem if page.name != "-" else "stdin"
        if page.name != "-" and stems[(os.path.normcase(str(page.parent)), page.stem)] > 1:
            stem = page.name
        for attempt in range(1, 10_000):
            tail = f".{suffix}" if attempt == 1 else f"-{attempt}.{suffix}"
            target = folder / fit_name(stem, tail, limit)
            if occupied(target):
                target = folder / fit_name(stem, ".clean" + tail, limit)
            key = os.path.normcase(os.path.abspath(target))
            if key not in taken and not occupied(target):
                break
        taken.add(key)
        planned.append(target)
    return planned


def outputs_in(folder: Path, under: bool = True) -> Callable[[Path], bool]:
    """plan_outputs' `ours` for `folder`: whether a file there is an output an earlier
    export listed (earlier_outputs) and nobody has changed since. Without `under`, only
    the lists in the folder and over it are read, not those of every folder under it
    (a name proposed for one file, which must not walk a home folder first)."""
    if not folder.is_dir():
        return lambda _path: False
    found = earlier_outputs(folder) if under else earlier_outputs(folder, files=())
    return lambda path: output_key(path) in found


# The extensions each export format's files end in, the one it writes first.
FILE_EXTENSIONS = {
    "txt": ("txt",),
    "md": ("md", "markdown"),
    "html": ("html", "htm"),
    "epub": ("epub",),
    "json": ("json",),
    "jsonl": ("jsonl",),
}
_ENDINGS = {ext: fmt for fmt, exts in FILE_EXTENSIONS.items() for ext in exts}


def fitted(path: Path, fmt: str, offered: Sequence[str]) -> tuple[Path, str]:
    """The file and format to export to, where the reader typed a name in the save dialog
    with the format `fmt` chosen among those `offered`: a name ending in an offered
    format's extension (page.html) says that format; a name without an extension gets
    the chosen format's; any other ending is kept, in the chosen format."""
    ending = path.suffix[1:].lower()
    typed = _ENDINGS.get(ending, ending)
    if typed in offered:
        return path, typed
    if not path.suffix:
        return path.with_name(f"{path.name}.{fmt}"), fmt
    return path, fmt


# What an export leaves in a folder it writes into while reading it: the files it wrote
# there, each with its digest. A later export or the library reads that folder again;
# a file still as written is an output, not a page, and a new export may write it again.
OUTPUTS = ".ocr-reader-outputs.json"


def _digest(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass(frozen=True)
class Written:
    """One output as an export wrote it: its digest, size and time (the time and size
    spare hashing it again while they hold), and the pages it was made from."""

    sha256: str
    size: int
    mtime_ns: int
    pages: tuple[str, ...]

    @classmethod
    def of(cls, path: Path, pages: Sequence[Path], folder: Path) -> Written | None:
        """`path` as it is now, its pages named from `folder` (the list's): the folder
        moved or renamed with them, they are still found."""
        try:
            st = path.stat()
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None  # a named pipe or a device written into: nothing to list, or read
        digest = _digest(path)
        if digest is None:
            return None
        base = os.path.realpath(folder)
        # (standard input, "-", is no page a later export could look for: none is named,
        # as in an entry of the list's first version, so the output stays one)
        named = tuple(os.path.relpath(os.path.realpath(p), base) for p in pages if str(p) != "-")
        return cls(digest, st.st_size, st.st_mtime_ns, named)

    def holds(self, path: Path, folder: Path) -> bool:
        """Whether `path` is still this output: as written, and one of its pages still
        there (an output whose pages are all gone holds the only copy of their text: a
        page again). An entry of the first version of the list names no pages."""
        if self.pages and not any(os.path.isfile(folder / page) for page in self.pages):
            return False
        try:
            st = path.stat()
        except OSError:
            return False
        if not stat.S_ISREG(st.st_mode):
            return False  # swapped for a named pipe or a device: never opened to be read
        if (st.st_size, st.st_mtime_ns) == (self.size, self.mtime_ns):
            return True
        return self.size in (-1, st.st_size) and _digest(path) == self.sha256


def _listed(manifest: Path) -> dict[str, Written]:
    """The outputs a list names (path under its folder → Written); {} for a list that is
    missing or damaged, and no entry that would leave its folder."""
    try:
        files = json.loads(manifest.read_bytes())["files"]
        if not isinstance(files, dict):
            return {}
        listed = {
            rel: Written(entry, -1, -1, ())  # the first version's: a digest alone
            if isinstance(entry, str)
            else Written(
                str(entry["sha256"]),
                int(entry["size"]),
                int(entry["mtime_ns"]),
                tuple(str(page) for page in entry["pages"]),
            )
            for rel, entry in files.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return {}
    return {
        rel: written
        for rel, written in listed.items()
        if rel and not Path(rel).is_absolute() and ".." not in Path(rel).parts
    }


def output_key(path: Path) -> str:
    """How earlier_outputs names a file: its real absolute path, normalised."""
    return os.path.normcase(os.path.realpath(path))


def earlier_outputs(
    root: Path, files: Iterable[Path] | None = None, changed: list[Path] | None = None
) -> set[str]:
    """The files under folder `root` that an export wrote (listed by an OUTPUTS file in
    it, in a folder under it or over it), still as it wrote them and with a page of
    theirs still there: outputs, not pages. As keys: output_key. `files`, where given,
    is every file under `root` (a scan that walked it already). `changed`, where given,
    gets the listed files that are there but are no longer outputs (changed since, or
    their pages gone): pages again, which an export says."""
    over = Path(os.path.realpath(root)).parents
    lists = {output_key(d / OUTPUTS): d / OUTPUTS for d in (root, *over)}
    under = root.rglob(OUTPUTS) if files is None else (p for p in files if p.name == OUTPUTS)
    lists.update((output_key(m), m) for m in under)
    found: set[str] = set()
    base = os.path.join(output_key(root), "")  # (a drive's root ends in its separator)
    for manifest in lists.values():
        for rel, written in _listed(manifest).items():
            path = manifest.parent / rel
            # (a list over the folder names the outputs of its other folders too)
            key = output_key(path)
            if not key.startswith(base):
                continue
            if written.holds(path, manifest.parent):
                found.add(key)
            elif changed is not None and path.is_file():
                changed.append(path)
    return found


def nested(a: Path, b: Path) -> bool:
    """Whether folder `a` is folder `b`, or holds it, or is held by it."""
    x, y = output_key(a), output_key(b)
    # (a drive's root ends in its separator already)
    return x == y or x.startswith(os.path.join(y, "")) or y.startswith(os.path.join(x, ""))


def remember_outputs(
    folder: Path, written: Sequence[tuple[Path, Sequence[Path]]], read: Iterable[Path]
) -> None:
    """List the outputs written in `folder` (record_outputs) where it is one of the
    folders `read` (pages are read from them: a folder named, a page's, a library's),
    or under or over one, or where an earlier export listed its outputs there: the next
    export or library scan of the folder knows them for outputs, not pages."""
    if any(nested(folder, root) for root in read) or (folder / OUTPUTS).is_file():
        record_outputs(folder, written)


def record_outputs(folder: Path, written: Iterable[tuple[Path, Sequence[Path]]]) -> None:
    """Add the files an export wrote under `folder` (each with the pages it was made
    from) to its OUTPUTS list, as they are now; entries of files gone are dropped. A list
    that cannot be written is left as it was: the outputs themselves are written."""
    manifest = folder / OUTPUTS
    files = {rel: w for rel, w in _listed(manifest).items() if (folder / rel).is_file()}
    base = output_key(folder)
    inside = os.path.join(base, "")  # (a drive's root ends in its separator already)
    for path, pages in written:
        key = output_key(path)
        if not key.startswith(inside):
            continue
        entry = Written.of(path, pages, folder)
        if entry is not None:
            files[Path(os.path.relpath(key, base)).as_posix()] = entry
    data = json.dumps(
        {"version": 2, "files": {rel: asdict(w) for rel, w in sorted(files.items())}}, indent=1
    )
    with contextlib.suppress(OSError):
        write_atomic(manifest, data + "\n")


def gone(path: str) -> bool:
    """Whether a file was moved or deleted: its folder is there and it is not. A file whose
    folder is missing too may be on a drive not mounted now, and one that cannot be looked
    at (a folder no longer readable) is not known to be gone."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return os.path.isdir(os.path.dirname(os.path.abspath(path)))
    except (OSError, ValueError):
        return False
    return False
