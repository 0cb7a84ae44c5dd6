"""A dialog for editing a paragraph: its text wrapped in a box sized to read it."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QKeySequence, QShortcut, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

COLUMN = 36  # characters a line, as a narrow reading column
MIN_LINES, MAX_LINES = 4, 14
LARGEST = 16.0  # points: the reading font's size, as far as this
SCREEN_SHARE = 0.8  # the text at most this share of the screen's width


class TextDialog(QDialog):
    def __init__(
        self,
        title: str,
        label: str,
        text: str,
        parent: QWidget | None = None,
        font: QFont | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        caption = QLabel(label, self)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.edit = QPlainTextEdit(self)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Chinese has no spaces to break at: break between any two characters.
        self.edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if font is not None:
            # The text in the reader's own type (up to LARGEST points): a character to
            # correct is told from its neighbours, not in the interface's small type.
            font = QFont(font)
            font.setPointSizeF(min(LARGEST, font.pointSizeF()))
            self.edit.setFont(font)
        self.edit.setPlainText(text)
        # Tab goes on to the buttons (a paragraph holds no tabs); Enter makes a new line,
        # and Ctrl+Enter applies the correction from anywhere, as in the note editor.
        self.edit.setTabChangesFocus(True)
        caption.setBuddy(self.edit)
        layout.addWidget(self.edit, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self._fit(text)

    def _fit(self, text: str) -> None:
        """About COLUMN characters wide, and tall enough for the text up to MAX_LINES; in
        a large type, as wide as the screen allows with room for the dialog's frame."""
        metrics = QFontMetricsF(self.edit.font())
        em = metrics.horizontalAdvance("国")
        frame = 2 * self.edit.frameWidth() + 2 * self.edit.document().documentMargin()
        scroll = self.edit.verticalScrollBar().sizeHint().width()
        screen = self.screen().availableGeometry().width() if self.screen() else 0
        column = COLUMN * em
        if screen:
            column = min(column, SCREEN_SHARE * screen - frame - scroll)
        width = int(column + frame + scroll) + 1
        lines = sum(max(1, -(-int(metrics.horizontalAdvance(p)) // max(1, int(column))))
                    for p in text.split("\n"))  # fmt: skip
        height = int(min(MAX_LINES, max(MIN_LINES, lines + 1)) * metrics.lineSpacing() + frame)
        self.edit.setMinimumSize(width, height)

    def text(self) -> str:
        return self.edit.toPlainText()

    @classmethod
    def get_text(
        cls, parent: QWidget | None, title: str, label: str, text: str, font: QFont | None = None
    ) -> tuple[str, bool]:
        """As QInputDialog.getMultiLineText, wrapped: the text and whether it was accepted."""
        dialog = cls(title, label, text, parent, font)
        try:
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.text(), ok
        finally:
            dialog.deleteLater()
