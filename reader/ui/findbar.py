"""Find in page: a bar under the text with the query, a match count, next and previous.
The page finds the query in either script (国务院 finds 國務院; see BodyView.find_all)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class _QueryEdit(QLineEdit):
    step = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step.emit(-1 if shift else 1)
            return
        if key == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    query_changed = Signal(str)
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _QueryEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.prev = QToolButton(self)
        self.next = QToolButton(self)
        self.close_button = QToolButton(self)
        self.prev.setText("▲")
        self.next.setText("▼")
        self.close_button.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.prev)
        layout.addWidget(self.next)
        layout.addWidget(self.close_button)
        self.edit.textChanged.connect(self.query_changed)
        self.edit.step.connect(self.step)
        self.edit.closed.connect(self.closed)
        self.prev.clicked.connect(lambda: self.step.emit(-1))
        self.next.clicked.connect(lambda: self.step.emit(1))
        self.close_button.clicked.connect(self.closed)
        self._shown: tuple[int, int, bool] | None = None  # the count last shown
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Find in page"))
        self.edit.setToolTip(
            self.tr(
                "Finds the words in either script: 国务院 finds 國務院, and the reverse."
                " Words set apart by spaces are each found."
            )
        )
        self.prev.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next.setToolTip(self.tr("Next match (Enter)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        if self._shown is not None:
            self.show_count(*self._shown)  # worded again in the language of the moment

    def show_count(self, current: int, total: int, counting: bool = False) -> None:
        """ "3 of 169,024"; while the matches are still being counted, "3 of 5,000+"."""
        self._shown = (current, total, counting)
        if not self.edit.text():
            self.count.setText("")
            return
        if total == 0 and not counting:
            self.count.setText(self.tr("No matches"))
            return
        shown = f"{total:,}+" if counting else f"{total:,}"
        if current <= 0:
            self.count.setText(self.tr("%1 matches").replace("%1", shown))
        else:
            self.count.setText(
                self.tr("%1 of %2").replace("%1", f"{current:,}").replace("%2", shown)
            )

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
