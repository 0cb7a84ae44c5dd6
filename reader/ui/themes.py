"""Light, sepia and dark themes: a palette for the widgets and colours for the text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from reader.core.annotations import SHADES

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
        "#c9cdd4",
        "#8fdce0",
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
        "#cbbfa8",
        "#9fd3c7",
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
        "#5a5d63",
        "#2a6b5a",
        "#a8741a",
        "#3b3420",
    ),
}


def theme(name: str) -> Theme:
    return _THEMES.get(name, _THEMES["light"])


def palette(t: Theme) -> QPalette:
    role = QPalette.ColorRole
    colours = {
        role.Window: t.window,
        role.WindowText: t.text,
        role.Base: t.base,
        role.AlternateBase: t.window,
        role.Text: t.text,
        role.Button: t.window,
        role.ButtonText: t.text,
        role.ToolTipBase: t.base,
        role.ToolTipText: t.text,
        role.PlaceholderText: t.muted,
        role.Highlight: t.highlight,
        role.HighlightedText: t.text,
        role.Link: t.accent,
    }
    pal = QPalette()
    for r, colour in colours.items():
        pal.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(t.muted))
    return pal


# Highlight backgrounds by colour name: (light and sepia, dark). The dark shades keep the
# light text of the dark theme readable (contrast at least 4.5:1 against #d8d6d0).
HIGHLIGHTS = SHADES  # (light, dark) by colour name: the table is the core's


def highlight_colour(name: str, t: Theme) -> QColor:
    light, dark = HIGHLIGHTS.get(name, HIGHLIGHTS["yellow"])
    return QColor(dark if t.name == "dark" else light)
