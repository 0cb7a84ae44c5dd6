"""Light, sepia and dark themes: a palette for the widgets and colours for the text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

THEMES = ("light", "sepia", "dark")


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    text: str
    muted: str
    accent: str
    highlight: str
    find: str
    find_current: str
    source_mark: str


_THEMES = {
    "light": Theme(
        "light",
        "#f3f3f1",
        "#ffffff",
        "#1f1f1f",
        "#6b6b6b",
        "#8a1c1c",
        "#cde3ff",
        "#ffe98a",
        "#ffb347",
        "#fff3c4",
    ),
    "sepia": Theme(
        "sepia",
        "#ece3cf",
        "#f7f0e1",
        "#3b2f20",
        "#7a6a55",
        "#8a3b12",
        "#e2cfa8",
        "#f3d77a",
        "#e9a646",
        "#efe0b8",
    ),
    "dark": Theme(
        "dark",
        "#232427",
        "#1b1c1f",
        "#d8d6d0",
        "#9a978f",
        "#e2a36f",
        "#3a4d6b",
        "#6b5a1e",
        "#a8741a",
        "#3b3420",
    ),
}


def theme(name: str) -> Theme:
    return _THEMES.get(name, _THEMES["light"])


def palette(t: Theme) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, QColor(t.window))
    pal.setColor(role.WindowText, QColor(t.text))
    pal.setColor(role.Base, QColor(t.base))
    pal.setColor(role.AlternateBase, QColor(t.window))
    pal.setColor(role.Text, QColor(t.text))
    pal.setColor(role.Button, QColor(t.window))
    pal.setColor(role.ButtonText, QColor(t.text))
    pal.setColor(role.ToolTipBase, QColor(t.base))
    pal.setColor(role.ToolTipText, QColor(t.text))
    pal.setColor(role.PlaceholderText, QColor(t.muted))
    pal.setColor(role.Highlight, QColor(t.highlight))
    pal.setColor(role.HighlightedText, QColor(t.text))
    pal.setColor(role.Link, QColor(t.accent))
    for group in (QPalette.ColorGroup.Disabled,):
        pal.setColor(group, role.Text, QColor(t.muted))
        pal.setColor(group, role.WindowText, QColor(t.muted))
        pal.setColor(group, role.ButtonText, QColor(t.muted))
    return pal
