"""What the window tells the reader: warnings as sheets over the window, and passing
messages in the status bar. Every controller speaks through one Notices object."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox


class Notices(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None  # the last warning shown
        self.pending_note = ""  # the notes of a change that failed to save, for the user

    def warn(self, title: str, text: str, info: str = "") -> QMessageBox:
        """A warning as a sheet over the window; it does not wait for an answer."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=self.window)
        box.setText(text)
        box.setInformativeText(info)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.box = box
        box.open()
        return box

    def say(self, text: str, ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, ms)

    def clear(self) -> None:
        self.window.statusBar().clearMessage()

    def not_saved(self, reason: str) -> None:
        """A change to annotations or corrections was not stored. Notes typed for it go to
        the clipboard, so nothing typed is lost."""
        note = self.pending_note
        if note:
            QApplication.clipboard().setText(note)
        self.warn(
            self.tr("Annotations not saved"),
            self.tr("The change was not saved: %1.").replace("%1", reason),
            self.tr("Nothing you typed is lost: the text of the note is on the clipboard.")
            if note
            else "",
        )
