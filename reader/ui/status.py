"""Small status-bar widgets."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QScrollBar, QWidget

from reader.core.document import INTERLEAVED
from reader.core.model import Document
from reader.ui.i18n import counted


def percent_through(bar: QScrollBar) -> int:
    """How far through the page the view is, 0 at the top and 100 at the bottom (100 too
    when the page fits the view)."""
    if bar.maximum() <= bar.minimum():
        return 100
    return round(100 * (bar.value() - bar.minimum()) / (bar.maximum() - bar.minimum()))


class PlaceIndicator(QLabel):
    """Where the reader is: "Article 2 of 4 · 37%"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[int, int, int, tuple[int, int] | None] | None = None

    def show_place(
        self, article: int, articles: int, percent: int, part: tuple[int, int] | None = None
    ) -> None:
        """`article` counts from 0; no articles clears the indicator. `part`: the part
        shown (from 1) and how many, for a long page shown a part at a time."""
        if articles <= 0 or article < 0:
            self._shown = None
            self.clear()
            return
        self._shown = (article, articles, percent, part)
        self.retranslate()

    def retranslate(self) -> None:
        if self._shown is None:
            return
        article, articles, percent, part = self._shown
        where = counted(self.tr("Article %1 of %2"), article + 1, articles)
        if part is not None:
            where = counted(self.tr("Part %1 of %2"), *part) + "  ·  " + where
        self.setText(f"{where}  ·  {percent}%")


class PageSummary(QLabel):
    """The page shown: its name, encoding, and how many articles, paragraphs and
    characters. A line longer than the room the status bar leaves it ends in "…" (the
    whole of it in the tooltip), not cut off mid-word against what follows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.stats: dict[str, int] = {}
        self.part = False

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 20 * self.fontMetrics().averageCharWidth()), hint.height())

    def shown_text(self) -> str:
        """The text as drawn in the room the label has."""
        room = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(rect, flags, self.shown_text())

    def show_page(
        self, doc: Document | None, stats: dict[str, int] | None = None, part: bool = False
    ) -> None:
        """Show `doc`, with its figures where they were counted already (off the UI
        thread); else they are counted here. `part`: only a long page's first part is
        shown, read-only."""
        self.doc, self.part = doc, part
        self.stats = stats if stats else doc.stats() if doc is not None else {}
        self.retranslate()

    def retranslate(self) -> None:
        if self.doc is None:
            self.setText(self.tr("No document"))
            return
        stats = self.stats
        parts = [
            Path(self.doc.source.path).name,
            self.doc.source.encoding,
            self.tr("%1 articles").replace("%1", f"{stats['articles']:,}"),
            self.tr("%1 paragraphs").replace("%1", f"{stats['paragraphs']:,}"),
            self.tr("%1 characters").replace("%1", f"{stats['characters']:,}"),
        ]
        if self.part:
            parts[2:] = [self.tr("its first part only, read-only until the whole page is read")]
        if self.doc.source.warning:
            parts.append(self.translated_warning(self.doc.source.warning))
        self.setText("  ·  ".join(parts))
        # The status bar cuts a long line (a warning about the page's order): all of it,
        # a part a line, where the pointer rests on it.
        self.setToolTip("\n".join(parts))

    def translated_warning(self, said: str) -> str:
        """The engine's warnings (said in English, joined by "; ") in the interface's
        language."""
        said = said.replace(
            INTERLEAVED,
            self.tr(
                "its lines seem to run across the page's columns, not down them (the OCR "
                "program's order, not the reading order): its paragraphs and articles cannot "
                "be trusted; open the OCR program's own output (JSON, ALTO, hOCR or PAGE) to "
                "read it in order"
            ),
        )
        replaced = self.tr("%1 invalid byte sequence(s) replaced with �")
        return _REPLACED.sub(lambda m: replaced.replace("%1", m.group(1)), said)


class PageWarning(QLabel):
    """A warning about the page shown (its lines run across its columns, bytes were
    replaced), kept in the status bar's permanent part, where passing messages do not
    cover it as they cover the page's summary: a short mark, the whole warning in its
    tooltip."""

    def __init__(self, summary: PageSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.warning = ""
        self.hide()

    def show_page(self, doc: Document | None) -> None:
        self.warning = (doc.source.warning if doc is not None else "") or ""
        self.retranslate()

    def retranslate(self) -> None:
        if not self.warning:
            self.hide()
            return
        shorts = []
        if INTERLEAVED in self.warning:
            shorts.append(self.tr("Lines across columns"))
        if _REPLACED.search(self.warning):
            shorts.append(self.tr("Bytes replaced"))
        self.setText("⚠ " + " · ".join(shorts or [self.tr("Warning")]))
        self.setToolTip(self.summary.translated_warning(self.warning))
        self.show()


# The decoder's warning (reader.core.decode.Decoded.warning), to be said in the interface's
# language.
_REPLACED = re.compile(r"(\d+) invalid byte sequence\(s\) replaced with �")


class StoreState(QLabel):
    """What the database is doing when it is not simply working: locked, read-only, or
    changes waiting to be stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.locked = False

    def show_locked_at_start(self) -> None:
        self.setText(self.tr("Annotations wait: the database is locked by another program"))

    def show_read_only(self) -> None:
        self.setText(self.tr("Annotations read-only"))
        self.setToolTip(
            self.tr("The data folder is read-only: annotations show and export, but "
                    "cannot be changed.")
        )  # fmt: skip

    def show_waiting(self, count: int) -> None:
        if count == 0:
            self.setText("")
        elif self.locked:
            self.setText(
                self.tr("1 change waits: the database is locked by another program")
                if count == 1
                else self.tr("%1 changes wait: the database is locked by another program").replace(
                    "%1", f"{count:,}"
                )
            )
