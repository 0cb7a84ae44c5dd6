"""Remembered preferences and per-document reading positions (QSettings, an ini file)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from reader.core.cite import CITATION
from reader.store import paths

DEFAULTS: dict[str, Any] = {
    "theme": "light",
    "font_family": "",
    "font_size": 16.0,
    "column": 38,
    "show_noise": False,
    "show_source": False,
    "language": "system",
    "highlight_colour": "yellow",
    "export_choices": "",  # JSON of the export dialog's last choices
    "save_folder": "",  # where annotations and a tag's passages were last saved
    "citation_template": CITATION,
}
MAX_RECENT = 10
MIN_FONT, MAX_FONT = 9.0, 40.0


class Settings:
    def __init__(self) -> None:
        self.qs = QSettings(str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat)
        # Values for this run only (command-line options): read first, never written.
        self._overrides: dict[str, Any] = {}

    def override(self, key: str, value: Any) -> None:
        self._overrides[key] = value

    # Booleans go in and out as the strings "true"/"false": no Python bool ever crosses
    # into QSettings (PySide mishandles the reference count of bool defaults at exit).
    def get(self, key: str) -> Any:
        if key in self._overrides:
            return self._overrides[key]
        default = DEFAULTS[key]
        value = self.qs.value(key)
        if value is None:
            return default
        if isinstance(default, bool):
            return str(value).lower() in ("true", "1")
        try:
            return type(default)(value)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value: Any) -> None:
        self._overrides.pop(key, None)  # a choice made in the window replaces the override
        if isinstance(value, bool):
            value = "true" if value else "false"
        self.qs.setValue(key, value)
        self.qs.sync()

    def recent(self) -> list[str]:
        value = self.qs.value("recent")
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def add_recent(self, path: str) -> None:
        items = [path, *[p for p in self.recent() if p != path]][:MAX_RECENT]
        self.qs.setValue("recent", items)
        self.qs.setValue("last_document", path)
        self.qs.sync()

    def last_document(self) -> str | None:
        value = self.qs.value("last_document")
        return str(value) if value else None

    def position(self, fingerprint: str) -> tuple[int, ...] | None:
        """Where the page was left: (article, key, offset), or (article, block) as saved
        by earlier versions; None for nothing readable."""
        value = self.qs.value(f"positions/{fingerprint}")
        try:
            fields = tuple(int(x) for x in str(value).split(":"))
        except ValueError:
            return None
        return fields if len(fields) in (2, 3) else None

    def set_position(self, fingerprint: str, article: int, key: int, offset: int) -> None:
        self.qs.setValue(f"positions/{fingerprint}", f"{article}:{key}:{offset}")
        self.qs.sync()

    def geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        geo, state = self.qs.value("window/geometry"), self.qs.value("window/state")
        return (
            geo if isinstance(geo, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def set_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)
        self.qs.sync()
