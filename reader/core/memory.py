"""Memory the process no longer uses, given back to the system."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable
from typing import Any

# After a page of this many bytes or more: a small page's reading leaves little behind.
GIVE_BACK_FROM = 4_000_000

# glibc's mallopt() parameter for the size from which a block is mapped on its own, and
# the size it starts at.
_M_MMAP_THRESHOLD = -3
_MAPPED_FROM = 128 * 1024


def _libc_function(name: str) -> Any:
    """A function of the C library (a ctypes function), or None where it has none."""
    library = ctypes.util.find_library("c")
    if not library:
        return None
    try:
        return getattr(ctypes.CDLL(library), name)
    except (OSError, AttributeError):
        return None


@functools.cache
def _trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, Windows, musl)."""
    trim = _libc_function("malloc_trim")
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back() -> bool:
    """Hand the C allocator's free memory back to the system. Reading a long page makes
    and drops hundreds of megabytes of lists and strings; the allocator keeps what was
    freed for the process, so that the window, which lays the page out next, would add
    its own memory on top. Returns whether there was a way to."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True


@functools.cache
def map_big_blocks() -> bool:
    """Have the C allocator map every block of 128 KiB or more on its own, as it does
    until the first such block is freed: glibc then raises that size to the block's (up to
    32 MB), and a long page's lists of a few megabytes, each a column of its lines, go on
    the heap instead. Freed, they stay there under the small objects made after them, and
    the next stage adds its memory on top: a 32 MB page's export peaked 70 MB higher.
    Mapped, each goes back to the system when it is freed.

    It holds for the whole process from then on and is not undone, so the commands and
    the window's page loader ask for it, not the engine. The cost: each such block
    is mapped and unmapped, where the heap would have reused it (loading a 6.8 MB page
    twice, about twice the page faults and 4-10% more time, for 6% less memory). Returns
    whether there was a way to (glibc's mallopt); asked once a process (cached)."""
    mallopt = _libc_function("mallopt")
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MAPPED_FROM))
