"""Small status-bar widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollBar, QWidget


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
        self._shown: tuple[int, int, int] | None = None

    def show_place(self, article: int, articles: int, percent: int) -> None:
        """`article` counts from 0; no articles clears the indicator."""
        if articles <= 0 or article < 0:
            self._shown = None
            self.clear()
            return
        self._shown = (article, articles, percent)
        self.retranslate()

    def retranslate(self) -> None:
        if self._shown is None:
            return
        article, articles, percent = self._shown
        where = self.tr("Article %1 of %2").replace("%1", str(article + 1))
        self.setText(f"{where.replace('%2', str(articles))}  ·  {percent}%")
