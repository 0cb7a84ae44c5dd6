"""A page is reflowed with Python's cycle collector off (a full collection walks every
object alive, so a big page cost more per megabyte than a small one), and the collector
is left as it was found: after a page, after a page that failed, and after pages read in
several threads at once."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from reader.core import document
from reader.core.decode import DecodeError
from reader.core.document import from_bytes

PAGE = "　　作为中国特色社会主义事业的重要基石，\n国企在发展国民经济中发挥着作用。\n".encode()
JSON_PAGE = (
    '[[[[10,10],[400,10],[400,40],[10,40]],["作为中国特色社会主义事业的重要基石，",0.99]],'
    '[[[10,50],[400,50],[400,80],[10,80]],["国企在发展国民经济中发挥着作用。",0.99]]]'
).encode()


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _watch_reflow(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    reflow = document.reflow

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return reflow(*args, **kwargs)

    monkeypatch.setattr(document, "reflow", watched)
    return seen


@pytest.mark.parametrize("data", [PAGE, JSON_PAGE], ids=["text", "boxes"])
def test_the_collector_is_off_while_a_page_is_reflowed_and_on_again_after(
    monkeypatch: pytest.MonkeyPatch, data: bytes
) -> None:
    seen = _watch_reflow(monkeypatch)
    doc = from_bytes(data)
    assert doc.articles
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_page_that_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise DecodeError("a reason")

    monkeypatch.setattr(document, "reflow", fails)
    with pytest.raises(DecodeError):
        from_bytes(PAGE)
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _watch_reflow(monkeypatch)
    gc.disable()
    from_bytes(PAGE)
    assert seen == [False]
    assert not gc.isenabled()


def test_pages_read_in_two_threads_turn_it_on_when_the_last_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first page ends while the second is still being reflowed: the collector stays
    off until the second ends too."""
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    reflow = document.reflow
    states: dict[str, bool] = {}

    def held(lines, blanks=None, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread().name == "first":
            first_in.set()
            assert second_in.wait(10)
        else:
            second_in.set()
            assert first_out.wait(10)
            states["second, after the first ended"] = gc.isenabled()
        return reflow(lines, blanks, **kwargs)

    monkeypatch.setattr(document, "reflow", held)

    def first() -> None:
        from_bytes(PAGE)
        first_out.set()

    one = threading.Thread(target=first, name="first")
    two = threading.Thread(target=lambda: from_bytes(PAGE), name="second")
    one.start()
    assert first_in.wait(10)
    two.start()
    one.join(10)
    two.join(10)
    assert states == {"second, after the first ended": False}
    assert gc.isenabled()
