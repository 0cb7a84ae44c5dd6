"""Memory the process no longer uses, given back to the system."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable

# After a page of this many bytes or more: a small page's reading leaves little behind.
GIVE_BACK_FROM = 4_000_000


@functools.cache
def _trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, Windows, musl)."""
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
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
