"""Back and forward: every jump (outline, search hit, annotation, n / p, another page)
records where the reader was, so Alt+Left and Alt+Right can retrace it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

LIMIT = 200  # places kept each way; the oldest go first


@dataclass(frozen=True)
class Spot:
    """A place in a page: the block at the top of the view (its article and its index in
    the article's blocks), how many characters into it the view starts, and how far above
    or below that character's line the view's top edge is, in pixels. `find` is what the
    find bar held there ("" when it was closed): going back to another page finds it again
    (it is not part of the place: the same place with another search is the same place)."""

    path: str
    article: int
    key: int
    offset: int
    dy: int = 0
    find: str = field(default="", compare=False)

    def same_page(self, path: str) -> bool:
        return Path(self.path) == Path(path)


class JumpHistory(QObject):
    """Two stacks of places, as a browser keeps them: a jump pushes the place left and
    forgets the way forward; going back pushes the place left onto the way forward."""

    changed = Signal()  # can_back() or can_forward() may have changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._back: list[Spot] = []
        self._forward: list[Spot] = []

    def record(self, here: Spot | None) -> None:
        """The reader is about to jump away from `here`."""
        if here is None:
            return
        if not self._back or self._back[-1] != here:
            self._back.append(here)
            del self._back[:-LIMIT]
        self._forward.clear()
        self.changed.emit()

    def back(self, here: Spot | None) -> Spot | None:
        """The place to go back to from `here` (None: nowhere), remembered for forward."""
        return self._step(self._back, self._forward, here)

    def forward(self, here: Spot | None) -> Spot | None:
        return self._step(self._forward, self._back, here)

    def _step(self, source: list[Spot], other: list[Spot], here: Spot | None) -> Spot | None:
        while source and source[-1] == here:
            source.pop()  # going "back" to where the reader is would look like nothing
        if not source:
            self.changed.emit()
            return None
        if here is not None:
            other.append(here)
        spot = source.pop()
        self.changed.emit()
        return spot

    def can_back(self) -> bool:
        return bool(self._back)

    def can_forward(self) -> bool:
        return bool(self._forward)

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()
        self.changed.emit()
