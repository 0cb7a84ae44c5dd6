"""Find in page across scripts: a query in simplified characters finds the traditional
ones a page prints, and the reverse, with the marks on the characters printed."""

from __future__ import annotations

import pytest

TRADITIONAL = """國務院召開常務會議

新華社北京3月12日電 國務院總理主持召開國務院常務會議，部署推進鄉村振興和農業現代
化工作。會議指出，要加強農田水利建設。乾隆年間的水利工程至今仍在使用。
"""
SIMPLIFIED = """国务院部署科技创新工作

本报北京3月20日讯 国务院日前印发通知，要求各地加快发展新质生产力，推动产业转型升级。
"""


def marked(win) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.cursor.selectedText() for s in win.body.extraSelections()]


@pytest.mark.parametrize(
    ("page", "query", "printed"),
    [
        (TRADITIONAL, "国务院", "國務院"),  # simplified query, traditional page
        (SIMPLIFIED, "國務院", "国务院"),  # traditional query, simplified page
        (TRADITIONAL, "國務院", "國務院"),  # as printed still works
        (TRADITIONAL, "农业现代化", "農業現代化"),  # across a line joined by the reflow
        (TRADITIONAL, "国务院总理主持", "國務院總理主持"),
    ],
    ids=["simplified-query", "traditional-query", "as-printed", "joined-line", "mixed"],
)
def test_find_in_page_meets_both_scripts(make_window, qtbot, tmp_path, page, query, printed):
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    win = make_window(path)
    shown = win.body.toPlainText()
    expected = shown.count(printed)
    assert expected > 0 and (query == printed or query not in shown)
    win.actions_by_key["find"].trigger()
    win.findbar.edit.setText(query)
    qtbot.waitUntil(lambda: not win.body.counting(), timeout=10000)
    assert win.body.match_count() == expected
    assert win.findbar.count.text() == f"1 of {expected}"
    # Every match is marked on the characters the page prints.
    assert marked(win) == [printed] * expected


def test_a_phrase_t2s_reads_otherwise_is_found_as_printed(make_window, qtbot, tmp_path):
    """t2s keeps 乾 in 乾隆 (a name) and makes it 干 alone: find folds both sides a
    character at a time, so the phrase is found whichever way the query is typed."""
    from reader.core import script

    assert script.fold("乾隆") == "干隆"
    path = tmp_path / "page.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    win = make_window(path)
    win.actions_by_key["find"].trigger()
    for query in ("乾隆年间", "乾隆年間"):
        win.findbar.edit.setText(query)
        qtbot.waitUntil(lambda: not win.body.counting(), timeout=10000)
        assert marked(win) == ["乾隆年間"]
