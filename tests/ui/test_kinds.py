"""Every kind of block has its place in the window: a style in the text view, and, where
a correction may set it, an entry in the Correct menu."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextFormat
from PySide6.QtWidgets import QMenu

from reader.core.kinds import CORRECTABLE, DOCUMENT_KINDS, OPTIONS, ROLES, SPECS, BlockKind
from reader.ui import i18n
from reader.ui.actions import ACTIONS, context_menu
from reader.ui.body import BodyView, Typography
from reader.ui.themes import theme
from tests.core.test_kinds import page, text_of
from tests.ui.test_export import open_dialog


def _look(view: BodyView, text: str) -> tuple:
    """What the view set the block holding `text` in: size (steps from the text's font),
    weight, italics, the role its colour comes from, alignment, indent and margins."""
    block = view.document().begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    assert block.isValid(), text
    bf, cf = block.blockFormat(), block.charFormat()
    return (
        cf.intProperty(QTextFormat.Property.FontSizeAdjustment.value),
        cf.fontWeight(),
        cf.fontItalic(),
        view._roles.get(block.blockNumber(), ""),
        int(bf.alignment().value),
        round(bf.textIndent(), 2),
        round(bf.topMargin(), 2),
        round(bf.bottomMargin(), 2),
    )


def test_every_kind_is_styled_in_the_window(qtbot) -> None:
    view = BodyView()
    qtbot.addWidget(view)
    view.set_style(theme("light"), Typography("", 16.0, 38, show_noise=True))
    view.show_document(page())
    looks = {kind: _look(view, text_of(kind)) for kind in DOCUMENT_KINDS}
    # Kinds share a look exactly where the table gives them one style.
    for a in DOCUMENT_KINDS:
        for b in DOCUMENT_KINDS:
            same = SPECS[a].style == SPECS[b].style
            assert (looks[a] == looks[b]) == same, (a, b, looks[a], looks[b])
    # Furniture is hidden until asked for; every other kind is shown.
    view.set_style(theme("light"), Typography("", 16.0, 38, show_noise=False))
    shown = view.document().toPlainText()
    assert {k for k in DOCUMENT_KINDS if text_of(k) in shown} == {
        k for k in DOCUMENT_KINDS if SPECS[k].clean
    }


def _correct_menu(parent: QMenu, done: list[tuple[str, dict]]) -> QMenu:
    """The Correct submenu of the body's context menu, built from the action table."""
    rows = [a for a in ACTIONS if a.menu.startswith("correct") and a.handler]
    return context_menu(parent, rows, lambda _a: True, lambda a: done.append(a.args), parent)


def test_every_kind_a_correction_may_set_is_in_the_correct_menu(qtbot) -> None:
    done: list[tuple[str, dict]] = []
    parent = QMenu()
    menu = _correct_menu(parent, done)
    kinds_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    for action in kinds_menu.actions():
        assert action.text()
        action.trigger()
    for action in menu.actions():
        if action.text().replace("&", "").startswith("Make ") and "Another" not in action.text():
            action.trigger()
    set_kinds = [BlockKind(v["kind"]) for op, v in done if op == "kind"]
    assert set(set_kinds) == set(CORRECTABLE)
    for kind in CORRECTABLE:  # a heading at each level the table offers
        levels = [v.get("level") for op, v in done if op == "kind" and v["kind"] == kind]
        assert levels == (list(range(1, SPECS[kind].levels + 1)) or [None])
    assert [BlockKind(v["role"]) for op, v in done if op == "role"] == list(ROLES)


def test_the_correct_menu_speaks_chinese_in_the_chinese_interface(qtbot) -> None:
    """Each kind's entry (and every other) is translated."""
    assert i18n.install("zh_CN") == "zh_CN"
    try:
        parent = QMenu()
        menu = _correct_menu(parent, [])
        kinds_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
        texts = [a.text() for a in (*menu.actions(), *kinds_menu.actions()) if a.text()]
    finally:
        i18n.install("en")
    assert len(texts) >= len(CORRECTABLE) + SPECS[BlockKind.HEADING].levels - 1 + 10
    assert all(re.search("[\u4e00-\u9fff]", text) for text in texts), texts


def test_the_export_dialog_offers_every_option_a_kind_has(make_window, qtbot) -> None:
    dialog = open_dialog(make_window(), qtbot)
    for option in OPTIONS:
        box = getattr(dialog, option)  # the check box named as the option
        for state in (False, True):
            box.setChecked(state)
            assert getattr(dialog.options(), option) is state, option


def test_the_engines_reasons_speak_chinese_in_the_chinese_interface(qtbot) -> None:
    """Why a file is refused, worded by the engine in English, is said in Chinese; each
    part carried over (an encoding's name) is kept."""
    from reader.core.decode import DecodeError, decode_bytes
    from reader.ui.reasons import said
    from tests.core.test_decode import JAPANESE

    with pytest.raises(DecodeError) as refused:
        decode_bytes(JAPANESE.encode("cp932"))
    reasons = [
        str(refused.value),
        "it is JSON, but not OCR output that this reader knows",
        "it is an export of annotations, not a page: import it instead",
    ]
    assert i18n.install("zh_CN") == "zh_CN"
    try:
        texts = [said(reason) for reason in reasons]
    finally:
        i18n.install("en")
    assert texts[0] == "这是日文文本（Shift-JIS），不是中文"
    assert all(re.search("[\u4e00-\u9fff]{4}", text) for text in texts), texts
    assert [said(reason) for reason in reasons] == reasons
