"""Memory the allocator keeps free is handed back to the system where the C library can."""

from __future__ import annotations

import platform
import sys

import pytest

from reader.core import memory


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's",
)
def test_free_memory_is_given_back_on_linux() -> None:
    assert memory.give_back() is True


def test_without_a_c_library_nothing_is_given_back_and_nothing_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memory._trim.cache_clear()
    monkeypatch.setattr(memory.ctypes.util, "find_library", lambda _name: None)
    try:
        assert memory.give_back() is False
    finally:
        memory._trim.cache_clear()
