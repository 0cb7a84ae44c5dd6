"""The source view gives the engine's reasons in the interface's language."""

from __future__ import annotations

from reader.core import rules


def test_reasons_follow_the_interface_language(make_window, qtbot) -> None:
    win = make_window()
    win.actions_by_key["source"].trigger()
    win.actions_by_key["decisions"].trigger()
    decisions = list(win.doc.decisions)
    shown = win.source.toPlainText()
    assert all(d.rule.en in shown for d in decisions[:20])
    win.set_language("zh_CN")
    # (Qt delivers the language change as an event.)
    qtbot.waitUntil(lambda: decisions[0].rule.zh in win.source.toPlainText())
    shown = win.source.toPlainText()
    assert all(d.rule.zh in shown for d in decisions[:20])
    assert "接续" in shown and " join: " not in shown
    win.set_language("en")
    qtbot.waitUntil(lambda: decisions[0].rule.en in win.source.toPlainText())


def test_every_rule_has_an_id_and_both_texts() -> None:
    assert len(rules.RULES) == len({r.id for r in rules.RULES.values()})
    for rule in rules.RULES.values():
        assert rule.id and rule.en and rule.zh and rule.en != rule.zh
        assert rules.RULES[rule.id] is rule


def test_the_source_view_opens_on_the_block_being_read(make_window, qtbot) -> None:
    """F4 far down a page: the source view marks and shows the lines of the block at the
    top of the view, not line 1."""
    from reader.bundled import sample_pages

    win = make_window(sample_pages()[1])
    bar = win.body.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    first, last = win.body.reading_lines()
    assert first > 20
    win.actions_by_key["source"].trigger()
    qtbot.waitUntil(lambda: win.source.marked == (first, last), timeout=5000)
    top = win.source.cursorForPosition(win.source.viewport().rect().topLeft())
    bottom = win.source.cursorForPosition(win.source.viewport().rect().bottomLeft())
    assert top.blockNumber() <= first <= bottom.blockNumber()
