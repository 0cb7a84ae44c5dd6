"""Memory the allocator keeps free is handed back to the system where the C library can,
and big blocks are mapped on their own so that freeing them hands them back."""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable

import pytest

from reader.core import memory

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"

# Each way of handing memory back, and how to forget the C function it looked up.
WAYS = [
    pytest.param(memory.give_back, memory._trim.cache_clear, id="free memory given back"),
    pytest.param(memory.map_big_blocks, memory.map_big_blocks.cache_clear, id="big blocks mapped"),
]


@pytest.mark.skipif(not GLIBC, reason="malloc_trim and mallopt are glibc's")
@pytest.mark.parametrize(("way", "forget"), WAYS)
def test_on_glibc_it_is_done(way: Callable[[], bool], forget: Callable[[], None]) -> None:
    forget()
    assert way() is True


@pytest.mark.parametrize(("way", "forget"), WAYS)
def test_without_a_c_library_it_is_not_done_and_nothing_fails(
    monkeypatch: pytest.MonkeyPatch, way: Callable[[], bool], forget: Callable[[], None]
) -> None:
    forget()
    monkeypatch.setattr(memory.ctypes.util, "find_library", lambda _name: None)
    try:
        assert way() is False
    finally:
        forget()
