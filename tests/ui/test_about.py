"""Finished edges: --version and --help, the app's name on the desktop, its icon and
desktop entry, the About box and the list of keyboard shortcuts."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from reader import __version__
from reader.app import COMMANDS
from reader.bundled import resource
from reader.cli import build_parser
from reader.store import paths
from reader.ui.about import typed

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **env),
        timeout=120,
        cwd=ROOT,
    )


def test_version_and_help_name_every_command() -> None:
    result = run("-m", "reader", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ocr-reader {__version__}"
    assert "PySide6" not in run("-X", "importtime", "-m", "reader", "--version").stderr
    result = run("-m", "reader", "--help")
    assert result.returncode == 0, result.stderr
    sub = next(a for a in build_parser()._actions if a.choices and "export" in a.choices)
    assert set(sub.choices) == set(COMMANDS)  # dispatch and help list the same commands
    for name in sub.choices:
        assert f"\n  {name} " in result.stdout, name
    assert "--version" in result.stdout


def test_the_app_is_named_ocr_reader_however_started() -> None:
    # argv[0] names the X11 WM_CLASS; `python -m reader` would make it __main__.py.
    code = (
        "import sys; sys.argv[0] = '/somewhere/reader/__main__.py'\n"
        "from reader.ui.main import application\n"
        "app = application()\n"
        "print(app.arguments()[0], app.applicationName(), app.desktopFileName(),"
        " app.windowIcon().isNull())\n"
    )
    result = run("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ocr-reader", "ocr-reader", "ocr-reader", "False"]


def test_desktop_entry_and_icon(make_window) -> None:
    entry = resource("ocr-reader.desktop")
    assert entry is not None
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "ocr-reader"
    assert desktop["Icon"] == "ocr-reader" == desktop["StartupWMClass"]
    assert desktop["Name[zh_CN]"] and desktop["Comment"]
    icon = resource("icons/ocr-reader.svg")
    assert icon is not None and not QIcon(str(icon)).pixmap(64, 64).isNull()
    win = make_window()
    assert win.windowIcon().cacheKey() and not win.windowIcon().pixmap(32, 32).isNull()


def test_about_box_gives_version_licence_and_folders(make_window, qtbot) -> None:
    win = make_window()
    win.actions_by_key["about"].trigger()
    box = win.about_box
    assert box is not None
    qtbot.waitExposed(box)
    text = box.text.text()
    assert __version__ in text and "MIT" in text
    for folder in (paths.data_dir(), paths.config_dir(), paths.cache_dir()):
        assert str(folder) in text


def test_keyboard_shortcuts_lists_every_action_as_it_is(make_window, qtbot) -> None:
    win = make_window()
    help_menu = win.menus["help"]
    assert win.actions_by_key["shortcuts"] in help_menu.actions()
    # An action added to a menu later is listed too: the list is read from the menus.
    extra = QAction("Made Up For The Test", win)
    extra.setShortcut(QKeySequence("Ctrl+Alt+K"))
    win.menus["go"].addAction(extra)
    win.actions_by_key["shortcuts"].trigger()
    box = win.shortcuts_box
    assert box is not None
    qtbot.waitExposed(box)
    rows = dict(box.rows())
    native = QKeySequence.SequenceFormat.NativeText
    menu_actions = [
        a for m in win.menus.values() for a in m.actions() if a.menu() is None and a.shortcuts()
    ]
    assert win.actions_by_key["find"] in menu_actions
    for action in menu_actions:
        name = action.text().replace("&", "")
        assert name in rows, name
        for keys in typed(action):  # not a dedicated key (Redo) beside ordinary ones
            assert keys.toString(native) in rows[name]
    assert rows["Made Up For The Test"] == QKeySequence("Ctrl+Alt+K").toString(native)
    assert rows["Next Article"].endswith("N")
    box.filter.setText("larger")
    assert [name for name, _keys in box.rows()] == ["Larger Text"]
    # Down and Page Down typed in the filter move through the list.
    box.filter.clear()
    box.filter.setFocus()
    start = box.tree.currentIndex()
    qtbot.keyClick(box.filter, Qt.Key.Key_Down)
    after_down = box.tree.currentIndex()
    assert after_down.isValid() and after_down != start
    qtbot.keyClick(box.filter, Qt.Key.Key_PageDown)
    rows = [box.tree.itemFromIndex(i) for i in (after_down, box.tree.currentIndex())]
    assert box.tree.visualItemRect(rows[1]).top() > box.tree.visualItemRect(rows[0]).top() or (
        box.tree.verticalScrollBar().value() > 0
    )


def test_the_about_box_and_the_shortcuts_list_speak_the_language_switched_to(
    make_window, qtbot
) -> None:
    """The About box made before a switch to Chinese stayed English; the shortcuts list
    in Chinese showed each entry's access key, 打开(O)…"""
    win = make_window()
    win.actions_by_key["about"].trigger()
    english = win.about_box.windowTitle()
    win.about_box.close()
    win.set_language("zh_CN")
    try:
        win.actions_by_key["about"].trigger()
        qtbot.waitExposed(win.about_box)
        assert win.about_box.windowTitle() != english
        assert "ocr-reader" in win.about_box.windowTitle()
        win.actions_by_key["shortcuts"].trigger()
        names = [name for name, _keys in win.shortcuts_box.rows()]
        assert names and not [n for n in names if re.search(r"\([A-Z]\)", n)]
        win.shortcuts_box.reject()
    finally:
        win.set_language("en")
