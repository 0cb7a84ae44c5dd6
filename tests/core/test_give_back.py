"""Memory the allocator keeps free is handed back to the system where the C library can,
and big blocks are mapped on their own so that freeing them hands them back."""

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


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="mallopt is glibc's",
)
def test_big_blocks_are_mapped_on_their_own_on_linux() -> None:
    memory.map_big_blocks.cache_clear()
    assert memory.map_big_blocks() is True


def test_without_a_c_library_big_blocks_are_left_to_the_allocator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memory.map_big_blocks.cache_clear()
    monkeypatch.setattr(memory.ctypes.util, "find_library", lambda _name: None)
    try:
        assert memory.map_big_blocks() is False
    finally:
        memory.map_big_blocks.cache_clear()
