"""The source view: the original OCR lines, numbered, with the selected block marked.

A column before each line says what became of it: ＋ joined to the next line by the
engine, ¶ a break made by the engine, ✎ a block changed by hand. View → Show Automatic
Decisions adds the engine's reason after each line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QFont, QShowEvent, QTextCursor, QTextFormat, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from reader.core.model import Decision
from reader.ui import i18n
from reader.ui.themes import Theme


class SourceView(QPlainTextEdit):
    shown = Signal()  # opened: the block being read is to be marked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Lines wrap, so a narrow pane still shows each line and the reason after it
        # whole; Chinese lines break between any two characters.
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._mark = QColor("#fff3c4")
        self._user = QColor("#e3f0ff")
        self.marked: tuple[int, int] | None = None
        self.lines: Sequence[str] = []
        self.decisions: dict[int, Decision] = {}
        self._given: Sequence[Decision] | None = None  # read into `decisions` when shown
        self.user_lines: set[int] = set()
        self.show_reasons = False
        self._stale = False  # lines given while hidden: rendered once shown

    def set_style(self, theme: Theme, family: str, size: float) -> None:
        self._mark = QColor(theme.source_mark)
        self._user = QColor(theme.highlight)
        font = QFont(family) if family else QFont()
        font.setPointSizeF(max(8.0, size * 0.8))
        self.setFont(font)
        self.setStyleSheet(f"QPlainTextEdit {{ background: {theme.base}; color: {theme.text}; }}")

    def set_lines(
        self,
        lines: Sequence[str],
        decisions: Sequence[Decision] | None = None,
        user_lines: set[int] | None = None,
    ) -> None:
        self.lines = lines
        # A page's decisions are listed when first read, which takes a while on a long
        # page: read when the view is shown.
        self.decisions, self._given = {}, decisions
        self.user_lines = user_lines or set()
        self._render()

    def set_show_reasons(self, on: bool) -> None:
        self.show_reasons = on
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.lines:
            self._render()  # the reasons in the new language

    def _action(self, action: str) -> str:
        return self.tr("join") if action == "join" else self.tr("break")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            marked = self.marked
            self._render()
            if marked is not None:
                self.mark(*marked)
        self.shown.emit()

    def _render(self) -> None:
        # A long page's lines take a while to set: not while the view is hidden.
        self._stale = not self.isVisible()
        if self._stale:
            return
        if self._given is not None:
            self.decisions, self._given = {d.line: d for d in self._given}, None
        width = len(str(len(self.lines)))
        out = []
        for k, line in enumerate(self.lines):
            decision = self.decisions.get(k)
            if k in self.user_lines:
                sign = "✎"
            elif decision is not None:
                sign = "＋" if decision.action == "join" else "¶"
            else:
                sign = "　"
            text = f"{k + 1:>{width}} {sign} {line}"
            if self.show_reasons and decision is not None:
                reason = decision.rule.text(i18n.current())  # in the interface's language
                said = self.tr("%1: %2").replace("%1", self._action(decision.action))
                text += "    ⟵ " + said.replace("%2", reason)
            out.append(text)
        self.setPlainText("\n".join(out))
        self.marked = None
        self._paint()

    def mark(self, first: int, last: int) -> None:
        """Highlight source lines first..last (0-based) and bring them into view."""
        if self._stale:
            self.marked = (first, last)  # once the lines are rendered
            return
        document = self.document()
        start = document.findBlockByNumber(first)
        end = document.findBlockByNumber(last)
        if not start.isValid() or not end.isValid():
            return
        self.marked = (first, last)
        self._paint()
        view = QTextCursor(end)
        self.setTextCursor(view)
        self.ensureCursorVisible()
        self.setTextCursor(QTextCursor(start))
        self.centerCursor()

    def _paint(self) -> None:
        """Lines changed by hand in one colour, the selected block in another."""
        document = self.document()
        selections = []
        spans = [(k, k, self._user) for k in sorted(self.user_lines)]
        if self.marked is not None:
            spans.append((*self.marked, self._mark))
        for first, last, colour in spans:
            start = document.findBlockByNumber(first)
            end = document.findBlockByNumber(last)
            if not start.isValid() or not end.isValid():
                continue
            cursor = QTextCursor(start)
            cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format.setBackground(colour)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selections.append(sel)
        self.setExtraSelections(selections)
