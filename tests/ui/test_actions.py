"""One action table feeds the menus, the body's Correct submenu, the shortcuts, Help →
Keyboard Shortcuts and the translations: every entry is checked everywhere."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.ui.actions import (
    ACTIONS,
    CHOICES,
    CONTEXT,
    CORRECT_SUBMENU,
    MENUS,
    SUBMENUS,
    resolve,
)

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "ocr_reader_zh_CN.ts"


def in_menus(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += in_menus(sub)
        elif not action.isSeparator():
            found.append(action)
    return found


def test_every_row_is_complete_and_in_its_menu(make_window) -> None:
    win = make_window()
    keys = [act.key for act in ACTIONS]
    assert len(keys) == len(set(keys))
    listed = {name: in_menus(menu) for name, menu in win.menus.items()}
    for act in ACTIONS:
        if not act.handler:
            continue
        assert callable(resolve(win, act.handler)), act.key
        assert act.text, act.key
        action = win.actions_by_key[act.key]
        menu = act.menu.rpartition("/")[2]
        assert listed[menu].count(action) == 1, act.key
        assert sum(action in actions for actions in listed.values()) == (
            2 if "/" in act.menu else 1  # a submenu's entries are in its parent's too
        ), act.key


def test_every_text_has_its_translation() -> None:
    root = ET.parse(TS).getroot()
    done = {
        m.findtext("source"): m.findtext("translation")
        for c in root.findall("context")
        if c.findtext("name") == CONTEXT
        for m in c.findall("message")
    }
    texts = [a.text for a in ACTIONS if a.text] + [*MENUS.values(), *SUBMENUS.values()]
    texts.append(CORRECT_SUBMENU)
    # Languages are named in their own tongue, but for the system's.
    texts += [*CHOICES["theme"].values(), *CHOICES["column"].values()]
    texts.append(CHOICES["language"]["system"])
    assert [t for t in texts if not done.get(t)] == []


def test_the_shortcuts_dialog_lists_every_shortcut_of_the_table(make_window) -> None:
    win = make_window()
    win.actions_by_key["shortcuts"].trigger()
    shown = {name for name, _keys in win.shortcuts_box.rows()}
    with_keys = [a for a in ACTIONS if a.handler and a.shortcut is not None]
    assert len(with_keys) > 30
    missing = [a.key for a in with_keys if a.text.replace("&", "") not in shown]
    assert missing == []


def test_the_correct_menus_are_one_table(make_window) -> None:
    """The menu bar's Correct menu and the body's Correct submenu offer the same
    corrections, in the same order, with the same texts."""
    win = make_window()
    win.body.menu_position = win.body.position_of(1, 1) + 3
    parent = QMenu()
    context = win.fixes.context_menu(parent)
    assert context is not None
    texts = [a.text() for a in in_menus(context)]
    assert texts == [a.text() for a in in_menus(win.menus["correct"])]
    # With the same keys shown (Ctrl+J beside Join), as the menu bar's Correct menu.
    keys = [a.shortcut().toString() for a in in_menus(context)]
    assert keys == [a.shortcut().toString() for a in in_menus(win.menus["correct"])]
    assert "Ctrl+J" in keys and all(a.isShortcutVisibleInContextMenu() for a in in_menus(context))
    assert len(texts) == len([a for a in ACTIONS if a.menu.startswith("correct") and a.handler])
    parent.deleteLater()


def test_a_correction_from_the_menu_bar_acts_at_the_text_cursor(make_window) -> None:
    from PySide6.QtGui import QTextCursor

    win = make_window()
    cursor = QTextCursor(win.body.document())
    cursor.setPosition(win.body.position_of(1, 3) + 1)
    win.body.setTextCursor(cursor)
    win.actions_by_key["fix_heading2"].trigger()
    assert win.doc.articles[1].all_blocks()[3].kind == "heading"
    assert win.doc.articles[1].all_blocks()[3].depth == 2


def test_the_shortcuts_list_names_keys_not_the_platforms_dedicated_ones(make_window) -> None:
    """Redo's platform keys include the Redo key some keyboards have: it works, but the
    list showed "Ctrl+Shift+Z, Ctrl+Y, Redo" ("重做" in Chinese), as if Redo were a key
    everyone has. An action with only such a key still lists it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence

    from reader.ui.about import shortcut_rows

    win = make_window()
    redo = win.redo_action
    assert QKeySequence(Qt.Key.Key_Redo) in redo.shortcuts()  # the platform's, offscreen too
    win.actions_by_key["shortcuts"].trigger()
    keys = dict(win.shortcuts_box.rows())
    named = keys[redo.text().replace("&", "")]
    assert named.startswith("Ctrl+Shift+Z, Ctrl+Y") and "Redo" not in named
    menu = QMenu("Go")
    only = QAction("Back", menu)
    only.setShortcut(QKeySequence(Qt.Key.Key_Back))
    menu.addAction(only)
    assert shortcut_rows([menu]) == [("Go", [("Back", "Back")])]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_entries_of_a_menu_share_an_access_key(make_window, language) -> None:
    """Alt and a letter reach one entry of an open menu: two with the same (Make &Title
    and Correct &Text, 设为标题(T) and 更正文字(T)) only cycle between them. Every entry has
    one (the recent pages, numbered by the window as they come, aside)."""
    import re

    win = make_window()
    win.set_language(language)
    try:
        menus = [*win.menus.values()]
        menus += [a.menu() for m in win.menus.values() for a in m.actions() if a.menu()]
        for menu in menus:
            if menu is win.menus["recent"]:
                continue
            bare = [a.text() for a in menu.actions() if not a.isSeparator() and "&" not in a.text()]
            assert bare == [], (menu.title(), bare)
            keys = [
                m.group(1).lower()
                for a in menu.actions()
                if not a.isSeparator() and (m := re.search(r"&([^&\s])", a.text()))
            ]
            assert len(keys) == len(set(keys)), (menu.title(), keys)
    finally:
        win.set_language("en")  # the language is a setting: the next windows read it


def test_every_context_of_the_translations_is_one_the_code_asks_in() -> None:
    """A text asked for through an alias of tr is filed by lupdate under "" or the
    alias's name, where the interface never looks: it stays English."""
    import re

    names = {c.findtext("name") for c in ET.parse(TS).getroot().findall("context")}
    source = "\n".join(p.read_text("utf-8") for p in (TS.parents[2] / "reader").rglob("*.py"))
    classes = set(re.findall(r"^\s*class (\w+)", source, re.M))
    literal = set(
        re.findall(r"(?:QCoreApplication\.translate|QT_TRANSLATE_NOOP)\(\s*\"(\w+)\"", source)
    )
    assert names - classes - literal == set()
    assert literal - names == set()  # every context asked for by name holds its texts


def test_refusals_and_colour_names_in_chinese(qapp) -> None:
    from reader.core.document import from_text
    from reader.ui.annotate import colour_names
    from reader.ui.controllers.corrections import refusal
    from reader.ui.i18n import install

    doc = from_text("标题\n\n正文第一段。\n")
    assert install("zh_CN") == "zh_CN"
    try:
        said = refusal("split", doc, 0, 0, 0)
        assert said == "请把光标放在段落中要拆分的位置。"
        assert colour_names()["yellow"] == "黄色"
    finally:
        install("en")
    assert refusal("split", doc, 0, 0, 0).startswith("Put the text cursor")


def test_qts_file_dialog_reads_chinese_in_the_chinese_interface(qapp) -> None:
    """Qt's Chinese catalogue lacks two labels of its own file dialog (Look in, Files of
    type, with their access keys): they stayed English in Open and Export."""
    import re

    from PySide6.QtWidgets import QFileDialog, QLabel

    from reader.ui.i18n import install

    try:
        assert install("zh_CN") == "zh_CN"
        dialog = QFileDialog(None, "t")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert len(labels) == 3
        assert all(not re.search(r"[A-Za-z]{2}", text) for text in labels), labels
        dialog.deleteLater()
    finally:
        install("en")
