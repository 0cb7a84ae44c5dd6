"""Asking where to save: the folder the last file was saved in, the format the reader chose
in the dialog's "Files of type" when the name typed has no extension, and a question before
a file is replaced that the dialog did not ask about."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.store.files import fitted
from reader.ui.settings import Settings


def replace_ok(parent: QWidget, typed: Path, chosen: Path) -> bool:
    """Whether to write `chosen`, the name `typed` in the save dialog with its extension
    added: the dialog asked about the name as typed, so a file with the full name that
    exists is asked about here."""
    if chosen == typed or not chosen.exists():
        return True
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("savefile", "Replace File?"),
        QCoreApplication.translate("savefile", "%1 already exists. Replace it?").replace(
            "%1", chosen.name
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def save_as(
    parent: QWidget,
    settings: Settings,
    title: str,
    name: str,
    formats: Sequence[tuple[str, str]],
) -> tuple[Path, str] | None:
    """Ask where to save a file named `name` at first, in one of `formats` ((format,
    "Label (*.ext)"), the first the default). Returns the path, its extension added when
    none was typed, and the format: that of the extension typed, else the one chosen in
    the dialog. The folder is remembered for the next time. None when cancelled."""
    folder = settings.get("save_folder") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    if not folder or not Path(folder).is_dir():
        folder = str(Path.home())
    chosen = ask_path(parent, title, Path(folder) / name, formats, formats[0][0])
    if chosen is not None:
        settings.set("save_folder", str(chosen[0].parent))
    return chosen


def ask_path(
    parent: QWidget, title: str, start: Path, formats: Sequence[tuple[str, str]], current: str
) -> tuple[Path, str] | None:
    """Ask where to save, starting at `start`, in one of `formats` ((format, "Label
    (*.ext)"); format "" for All Files), `current` selected. Returns the path, its
    extension added when none was typed, and the format: that of the extension typed,
    else the one chosen in the dialog (or `current`, for All Files). None when cancelled
    or when the reader would not replace a file the dialog did not ask about."""
    filters = ";;".join(label for _fmt, label in formats)
    selected = next((label for fmt, label in formats if fmt == current), "")
    path, label = QFileDialog.getSaveFileName(parent, title, str(start), filters, selected)
    if not path:
        return None
    fmt = next((f for f, shown in formats if shown == label and f), current)
    chosen, fmt = fitted(Path(path), fmt, [f for f, _label in formats if f])
    if not replace_ok(parent, Path(path), chosen):
        return None
    return chosen, fmt
