"""The source view: the original OCR lines, numbered, with the selected block marked."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from reader.ui.themes import Theme


class SourceView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._mark = QColor("#fff3c4")
        self.marked: tuple[int, int] | None = None

    def set_style(self, theme: Theme, family: str, size: float) -> None:
        self._mark = QColor(theme.source_mark)
        font = QFont(family) if family else QFont()
        font.setPointSizeF(max(8.0, size * 0.8))
        self.setFont(font)
        self.setStyleSheet(f"QPlainTextEdit {{ background: {theme.base}; color: {theme.text}; }}")

    def set_lines(self, lines: list[str]) -> None:
        width = len(str(len(lines)))
        self.setPlainText("\n".join(f"{k + 1:>{width}}  {line}" for k, line in enumerate(lines)))
        self.marked = None

    def mark(self, first: int, last: int) -> None:
        """Highlight source lines first..last (0-based) and bring them into view."""
        document = self.document()
        start = document.findBlockByNumber(first)
        end = document.findBlockByNumber(last)
        if not start.isValid() or not end.isValid():
            return
        cursor = QTextCursor(start)
        cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format.setBackground(self._mark)
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        self.setExtraSelections([sel])
        self.marked = (first, last)
        view = QTextCursor(end)
        self.setTextCursor(view)
        self.ensureCursorVisible()
        self.setTextCursor(QTextCursor(start))
        self.centerCursor()
