"""The scan view: found for each format's way of naming it, the block at the text cursor
outlined, a click on a region taking the text there, highlights as regions, zoom, and
one line when there is no scan or it cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage

from reader.core import scan
from reader.ui.themes import highlight_colour, theme
from reader.ui.window import MainWindow
from tests import ocrformats as formats
from tests import scans

pytestmark = pytest.mark.skipif(
    not formats.REAL_PAGES.is_dir(), reason=f"the real pages are not at {formats.REAL_PAGES}"
)
REAL = formats.REAL_PAGES / "10_wengetongxun33_19670519_p1.json"
SCALE = 0.5  # the scan is drawn at half the page's pixel size, as a resized scan is


@pytest.fixture(scope="module")
def drawn(qapp, tmp_path_factory) -> bytes:
    """The real page's scan, drawn from its boxes, as PNG bytes."""
    out = tmp_path_factory.mktemp("scan") / "scan.png"
    return scans.write(REAL, out, SCALE).read_bytes()


def page_with_scan(folder: Path, drawn: bytes, image: str | None = "p1.png") -> Path:
    page = folder / "p1.json"
    shutil.copy(REAL, page)
    if image is not None:
        (folder / image).write_bytes(drawn)
    return page


def open_scan(win: MainWindow, qtbot) -> None:
    """Wait for the scan to be found, show it, and wait for it to be read."""
    qtbot.waitUntil(win.scan.action.isEnabled, timeout=10000)
    win.scan.action.trigger()
    qtbot.waitUntil(win.scan.view.has_image, timeout=10000)


def expected(win: MainWindow, first: int, last: int) -> list[QRectF]:
    """Where the lines first..last are on the scan, worked out from their boxes."""
    assert win.doc is not None
    out = []
    for _, (x0, y0, x1, y1) in scan.lines_regions(win.doc, first, last):
        out.append(QRectF(x0 * SCALE, y0 * SCALE, (x1 - x0) * SCALE, (y1 - y0) * SCALE))
    return out


def close(a: list[QRectF], b: list[QRectF], slack: float = 6.0) -> bool:
    """Same rectangles within `slack` pixels (the outline stands a little off its box)."""
    return len(a) == len(b) and all(
        abs(p.left() - q.left()) <= slack
        and abs(p.top() - q.top()) <= slack
        and abs(p.right() - q.right()) <= slack
        and abs(p.bottom() - q.bottom()) <= slack
        for p, q in zip(a, b, strict=True)
    )


def cursor_block(win: MainWindow) -> tuple[int, int]:
    place = win.body.place_at(win.body.textCursor().position())
    assert place is not None
    return place.article, place.key


# -- found ---------------------------------------------------------------------------------

FORMATS = {
    "alto": ("ocr.xml", lambda p: formats.alto(p, image="scans/leaf-7.png")),
    "hocr": ("ocr.hocr", lambda p: formats.hocr(p).replace(b"10_wengetongxun33_19670519_p1.png",
                                                           b"scans/leaf-7.png")),
    "page": ("ocr.xml", lambda p: formats.page_xml(p).replace(b"10_wengetongxun33_19670519_p1.png",
                                                              b"scans/leaf-7.png")),
    "paddle3": ("ocr.json", lambda p: formats.paddle3(p).replace(
        b"10_wengetongxun33_19670519_p1.png", b"scans/leaf-7.png")),
    "same name": ("leaf-7.json", lambda _p: REAL.read_bytes()),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_the_scan_is_found_for_each_format_s_naming_rule(
    make_window, qtbot, tmp_path, drawn, kind
) -> None:
    name, writer = FORMATS[kind]
    image = tmp_path / ("leaf-7.png" if kind == "same name" else "scans/leaf-7.png")
    image.parent.mkdir(exist_ok=True)
    image.write_bytes(drawn)
    page = tmp_path / name
    page.write_bytes(writer(formats.load(REAL)))
    win = make_window(page)
    open_scan(win, qtbot)
    assert "leaf-7.png" in win.scan.action.toolTip()
    assert win.scan.dock.isVisible() and win.scan.action in win.menus["view"].actions()
    # Boxes are in the page's pixels, the scan is half their size: the scene is the page's.
    rect = win.scan.view.canvas.sceneRect()
    width, height = QImage.fromData(drawn).size().toTuple()
    assert (rect.width(), rect.height()) == (width, height)
    # PaddleOCR 3 gives no page size: its boxes are the image's pixels, whatever its size.
    factor = 1.0 if kind == "paddle3" else SCALE
    assert win.scan.scales == pytest.approx((factor, factor), rel=0.01)


# -- regions ------------------------------------------------------------------------------


def test_the_block_at_the_text_cursor_is_outlined(make_window, qtbot, tmp_path, drawn) -> None:
    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    doc = win.doc
    assert doc is not None
    seen = []
    keys = list(win.body.clean.starts) if win.body.clean else []
    for ai, k in (keys[1], keys[len(keys) // 2], keys[-1]):
        block = doc.articles[ai].all_blocks()[k]
        win.body.show_spot(ai, k, 0)
        assert cursor_block(win) == (ai, k)
        want = expected(win, block.first, block.last)
        qtbot.waitUntil(lambda want=want: close(win.scan.view.current_rects(), want))
        seen.append(win.scan.view.current_rects()[0])
    assert len(set(map(QRectF.getRect, seen))) == 3  # it moved with the cursor


def test_clicking_a_region_moves_the_text_there(make_window, qtbot, tmp_path, drawn) -> None:
    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    assert win.doc is not None
    regions = scan.block_regions(win.doc)

    def alone(r: scan.Region) -> bool:
        """No other block's region holds the middle of this one."""
        x, y = (r.box[0] + r.box[2]) / 2, (r.box[1] + r.box[3]) / 2
        return not any(
            o is not r and o.box[0] <= x <= o.box[2] and o.box[1] <= y <= o.box[3] for o in regions
        )

    # A paragraph far from where the text starts, alone under its middle.
    target = next(
        r
        for r in reversed(regions)
        if alone(r) and win.doc.articles[r.article].all_blocks()[r.key].kind == "paragraph"
    )
    assert cursor_block(win) != (target.article, target.key)
    canvas = win.scan.view.canvas
    middle = QPointF((target.box[0] + target.box[2]) / 2 * SCALE,
                     (target.box[1] + target.box[3]) / 2 * SCALE)  # fmt: skip
    canvas.centerOn(middle)
    at = canvas.mapFromScene(middle)
    assert canvas.viewport().rect().contains(at)
    with qtbot.waitSignal(win.scan.block_activated):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert cursor_block(win) == (target.article, target.key)
    assert win.actions_by_key["back"].isEnabled()  # a jump: Back returns
    # and the scan outlines it
    block = win.doc.articles[target.article].all_blocks()[target.key]
    assert close(win.scan.view.current_rects(), expected(win, block.first, block.last))
    # A drag pans, and moves nothing.
    win.body.show_spot(0, 0, 0)
    before = cursor_block(win)
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(canvas.viewport(), at + QPoint(60, 60))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at + QPoint(60, 60))
    assert cursor_block(win) == before


def test_highlights_show_as_regions_in_their_colours(make_window, qtbot, tmp_path, drawn) -> None:
    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    assert win.doc is not None and win.body.clean is not None
    assert win.scan.view.highlight_rects() == []
    clean = win.body.clean
    ai, k = next(
        key
        for key in clean.starts
        if win.doc.articles[key[0]].all_blocks()[key[1]].kind == "paragraph"
    )
    block = win.doc.articles[ai].all_blocks()[k]
    start = clean.starts[(ai, k)]
    win.body.select_range(start, start + len(block.text))
    made = win.annotate_selection("highlight", "green")
    assert made is not None
    qtbot.waitUntil(lambda: win.scan.view.highlight_rects() != [])
    found = win.scan.view.highlight_rects()
    colour = highlight_colour("green", theme(win.settings.get("theme")))
    assert {c.rgb() for _, c in found} == {colour.rgb()}
    assert all(c.alpha() < 255 for _, c in found)  # the scan shows through
    around = expected(win, block.first, block.last)
    for rect, _ in found:
        assert any(r.adjusted(-1, -1, 1, 1).contains(rect) for r in around)
    win.delete_annotations([made.id])
    qtbot.waitUntil(lambda: win.scan.view.highlight_rects() == [])


def test_zoom_changes_the_scale(make_window, qtbot, tmp_path, drawn) -> None:
    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    canvas = win.scan.view.canvas
    fitted = canvas.scale_factor()
    # Fit width: the page's width fills the view.
    assert canvas.sceneRect().width() * fitted == pytest.approx(canvas.viewport().width(), abs=6)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.scale_factor() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.scale_factor() == pytest.approx(fitted / 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_F)  # fit page: all of it in view
    page = canvas.scale_factor()
    assert canvas.sceneRect().height() * page <= canvas.viewport().height()
    assert win.scan.view.zoom_label.text().strip() == f"{round(page * 100)}%"
    win.scan.view.zoom_in.trigger()  # the toolbar's button
    assert canvas.scale_factor() == pytest.approx(page * 1.25)
    # Panned from the keyboard too.
    qtbot.keyClick(canvas, Qt.Key.Key_W)
    for _ in range(4):
        qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    bar = canvas.verticalScrollBar()
    bar.setValue(0)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    stepped = bar.value()
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert 0 < stepped < bar.value()


def test_zooming_keeps_the_outlined_block_where_it_was(make_window, qtbot, tmp_path, drawn) -> None:
    """Zoomed from the keys or the toolbar, the scan grows about the outlined block when
    it is in view, not about the view's centre, which pushed a block near the view's edge
    out of sight after a step or two."""
    from PySide6.QtCore import QPointF

    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    canvas = win.scan.view.canvas
    keys = list(win.body.clean.starts) if win.body.clean else []
    page = canvas.sceneRect()

    def inner(rect: QRectF) -> bool:  # room below and to the right to scroll it up and left
        x = (rect.center().x() - page.left()) / page.width()
        y = (rect.center().y() - page.top()) / page.height()
        return 0.1 <= x <= 0.55 and 0.1 <= y <= 0.55

    # A block in the middle of the page, from the middle of the text outwards.
    middle = len(keys) // 2
    for ai, k in sorted(keys, key=lambda key: abs(keys.index(key) - middle)):
        win.body.show_spot(ai, k, 0)
        qtbot.waitUntil(lambda: win.scan.view.current_rects() != [])
        block = win.scan.view.current_rects()[0]
        if inner(block):
            break
    assert inner(block)
    # Zoomed in by hand, the block near the view's top left corner.
    canvas.set_scale(canvas.scale_factor() * 3)
    seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    canvas.centerOn(block.center() + QPointF(seen.width() * 0.35, seen.height() * 0.35))

    def on_screen() -> QPointF:
        return canvas.mapFromScene(block.center()).toPointF()

    before, scale = on_screen(), canvas.scale_factor()
    view = canvas.viewport().rect().toRectF()
    assert view.contains(before)
    assert before.x() < view.width() / 4 and before.y() < view.height() / 4
    for step in (lambda: qtbot.keyClick(canvas, Qt.Key.Key_Plus), win.scan.view.zoom_in.trigger):
        step()
    assert canvas.scale_factor() == pytest.approx(scale * 1.25**2)
    after = on_screen()
    assert abs(after.x() - before.x()) <= 2 and abs(after.y() - before.y()) <= 2
    win.scan.view.zoom_out.trigger()
    assert abs(on_screen().x() - before.x()) <= 2 and abs(on_screen().y() - before.y()) <= 2


def test_ctrl_wheel_zooms(make_window, qtbot, tmp_path, drawn) -> None:
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    canvas = win.scan.view.canvas
    before = canvas.scale_factor()
    middle = QPointF(canvas.viewport().rect().center())
    event = QWheelEvent(
        middle, canvas.viewport().mapToGlobal(middle), P(0, 0), P(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.scale_factor() == pytest.approx(before * 1.25**2)


# -- no scan ------------------------------------------------------------------------------


def test_without_an_image_the_toggle_is_off_and_says_why(
    make_window, qtbot, tmp_path, drawn, seed_paths
) -> None:
    win = make_window(page_with_scan(tmp_path, drawn, image=None))
    reason = "No scan: no image named p1.png"
    qtbot.waitUntil(lambda: win.scan.action.toolTip().startswith(reason))
    assert not win.scan.action.isEnabled() and not win.scan.dock.isVisible()
    assert win.scan.action.statusTip() == win.scan.action.toolTip()
    # Plain text has no boxes.
    with qtbot.waitSignal(win.document_shown):
        win.open_path(seed_paths[0])
    assert not win.scan.action.isEnabled()
    assert "plain text" in win.scan.action.toolTip()
    # A page with its scan: on again.
    (tmp_path / "p1.png").write_bytes(drawn)
    with qtbot.waitSignal(win.document_shown):
        win.open_path(tmp_path / "p1.json")
    qtbot.waitUntil(win.scan.action.isEnabled)


def test_f6_on_a_page_without_a_scan_says_why_and_the_view_menu_shows_it(
    make_window, qtbot, tmp_path, drawn
) -> None:
    """The key of a greyed-out Scan says in the status bar why there is none, and the
    View menu shows the reason as the entry's tooltip."""
    win = make_window(page_with_scan(tmp_path, drawn, image=None))
    qtbot.waitUntil(lambda: win.scan.action.toolTip().startswith("No scan"))
    win.statusBar().clearMessage()
    win.activateWindow()
    win.body.setFocus()
    qtbot.keyClick(win.body, Qt.Key.Key_F6)
    assert win.statusBar().currentMessage() == win.scan.action.toolTip()
    assert not win.scan.dock.isVisible()
    assert win.menus["view"].toolTipsVisible()


def test_the_page_opened_again_finds_an_image_put_beside_it(
    make_window, qtbot, tmp_path, drawn
) -> None:
    page = page_with_scan(tmp_path, drawn, image=None)
    win = make_window(page)
    qtbot.waitUntil(lambda: win.scan.action.toolTip().startswith("No scan"))
    (tmp_path / "p1.png").write_bytes(drawn)
    with qtbot.waitSignal(win.document_shown):
        win.open_path(page)
    qtbot.waitUntil(win.scan.action.isEnabled)


def test_closing_the_scan_with_its_key_gives_the_keys_back_to_the_text(
    make_window, qtbot, tmp_path, drawn
) -> None:
    """Worked in (clicked, zoomed), then closed with F6: the text has the keyboard again,
    so Home and n go on working without a click."""
    from PySide6.QtWidgets import QWidget

    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    win.activateWindow()
    # Whatever comes next in the focus chain, it is the text that takes the keys.
    QWidget.setTabOrder(win.scan.view.canvas, win.outline.filter)
    win.scan.view.canvas.setFocus()
    qtbot.waitUntil(win.scan.view.canvas.hasFocus)
    qtbot.keyClick(win.scan.view.canvas, Qt.Key.Key_F6)
    assert not win.scan.dock.isVisible()
    qtbot.waitUntil(win.body.hasFocus)


def test_a_broken_image_gives_one_line(make_window, qtbot, tmp_path, drawn) -> None:
    page = page_with_scan(tmp_path, b"\x89PNG\r\n\x1a\n not a picture at all")
    win = make_window(page)
    qtbot.waitUntil(lambda: "cannot be shown" in win.statusBar().currentMessage())
    message = win.statusBar().currentMessage()
    assert message == "The scan p1.png cannot be shown: it is damaged or cut short"
    assert not win.scan.action.isEnabled() and win.scan.action.toolTip() == message


def test_an_image_cut_short_gives_one_line_when_shown(make_window, qtbot, tmp_path, drawn) -> None:
    page = page_with_scan(tmp_path, drawn[: len(drawn) // 3])  # its header is whole
    win = make_window(page)
    qtbot.waitUntil(win.scan.action.isEnabled, timeout=10000)
    win.scan.action.trigger()
    qtbot.waitUntil(lambda: "cannot be shown" in win.statusBar().currentMessage())
    message = win.statusBar().currentMessage()
    assert message == "The scan p1.png cannot be shown: it is damaged or cut short"
    assert win.scan.view.placeholder.text() == message
    assert not win.scan.view.has_image()


def test_the_scan_follows_the_theme(make_window, qtbot, tmp_path, drawn) -> None:
    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    win.set_theme("dark")
    assert win.scan.view.canvas.backgroundBrush().color() == QColor(theme("dark").window)


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG file of that size: its header and an empty first data chunk."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b""))


def test_a_huge_image_is_refused_from_its_header(qapp, tmp_path) -> None:
    from reader.ui.scan import MAX_PIXELS, header_problem

    huge = tmp_path / "huge.png"
    huge.write_bytes(png_header(20_000, MAX_PIXELS // 20_000 + 1))
    assert header_problem(huge) == ("large", f"20000 × {MAX_PIXELS // 20_000 + 1}")
    fine = tmp_path / "fine.png"
    fine.write_bytes(png_header(2_000, 3_000))
    assert header_problem(fine) is None  # the header alone is read


def test_a_big_image_is_read_scaled_down(qapp, tmp_path, drawn, monkeypatch) -> None:
    from reader.ui import scan as ui_scan

    path = tmp_path / "p1.png"
    path.write_bytes(drawn)
    full = QImage.fromData(drawn).size().toTuple()
    monkeypatch.setattr(ui_scan, "SHOWN_PIXELS", 40_000)
    image, size, problem = ui_scan.decode(path)
    assert problem is None and size == full  # regions stay in the full size's pixels
    assert image.width() * image.height() <= 40_000 < full[0] * full[1]


def test_the_scan_speaks_chinese(make_window, qtbot, tmp_path, drawn) -> None:
    win = make_window(page_with_scan(tmp_path, drawn, image=None))
    qtbot.waitUntil(lambda: win.scan.action.toolTip().startswith("No scan"))
    win.set_language("zh_CN")
    try:
        assert win.scan.dock.windowTitle() == "扫描图"
        assert (
            win.scan.action.toolTip() == "无扫描图：页面文件旁没有名为 p1.png、.jpg、.tif 等的图像"
        )
        assert win.scan.view.fit_width.text() == "适宽"
        assert win.scan.view.fit_page.toolTip() == "适合整页 (F)"
    finally:
        win.set_language("en")
    assert win.scan.dock.windowTitle() == "Scan"


def test_each_page_shows_its_own_scan(make_window, qtbot, tmp_path, drawn) -> None:
    data = formats.hocr(formats.load(REAL), pages=2)
    name = b"10_wengetongxun33_19670519_p1.png"
    data = data.replace(name, b"one.png", 1).replace(name, b"two.png", 1)
    (tmp_path / "book.hocr").write_bytes(data)
    (tmp_path / "one.png").write_bytes(drawn)
    small = QImage.fromData(drawn).scaledToWidth(200)
    assert small.save(str(tmp_path / "two.png"))
    win = make_window(tmp_path / "book.hocr")
    open_scan(win, qtbot)
    assert win.doc is not None
    assert win.scan.view.canvas.sceneRect().width() == QImage.fromData(drawn).width()
    # A block of the second page: its scan is read, and the block outlined on it.
    regions = scan.block_regions(win.doc)
    later = next(
        r
        for r in regions
        if r.page == 1 and win.doc.articles[r.article].all_blocks()[r.key].kind != "noise"
    )
    win.body.show_spot(later.article, later.key, 0)
    qtbot.waitUntil(lambda: win.scan.view.canvas.sceneRect().width() == 200)
    qtbot.waitUntil(lambda: win.scan.view.current_rects() != [])
    assert win.scan.page == 1


def test_another_page_with_its_scan_replaces_the_first(make_window, qtbot, tmp_path, drawn) -> None:
    first = tmp_path / "a"
    second = tmp_path / "b"
    first.mkdir()
    second.mkdir()
    win = make_window(page_with_scan(first, drawn))
    open_scan(win, qtbot)
    assert win.body.clean is not None
    win.body.select_range(10, 30)
    assert win.annotate_selection("highlight") is not None
    qtbot.waitUntil(lambda: win.scan.view.highlight_rects() != [])
    small = QImage.fromData(drawn).scaledToWidth(300)
    assert small.save(str(second / "p1.png"))
    shutil.copy(REAL, second / "p1.json")
    with qtbot.waitSignal(win.document_shown):
        win.open_path(second / "p1.json")
    win.set_theme("sepia")  # redrawn while the new scan is still being looked for
    qtbot.waitUntil(lambda: win.scan.view.canvas.sceneRect().width() == 300)
    # The same text, so the same annotations (kept by the text's fingerprint), now placed
    # on the smaller scan.
    qtbot.waitUntil(lambda: win.scan.view.highlight_rects() != [])
    scene = win.scan.view.canvas.sceneRect()
    assert all(scene.contains(rect) for rect, _ in win.scan.view.highlight_rects())
    win.body.show_spot(2, 2, 0)
    qtbot.waitUntil(lambda: win.scan.view.current_rects() != [])


def test_reading_mode_keeps_the_scan_hidden_until_it_ends(
    make_window, qtbot, tmp_path, drawn
) -> None:
    first = tmp_path / "a"
    second = tmp_path / "b"
    first.mkdir()
    second.mkdir()
    win = make_window(page_with_scan(first, drawn))
    open_scan(win, qtbot)
    win.actions_by_key["reading_mode"].trigger()
    assert not win.scan.dock.isVisible()
    page_with_scan(second, drawn)
    with qtbot.waitSignal(win.document_shown):
        win.open_path(second / "p1.json")
    qtbot.waitUntil(win.scan.action.isEnabled)
    assert not win.scan.dock.isVisible()  # reading mode holds
    win.actions_by_key["reading_mode"].trigger()
    qtbot.waitUntil(win.scan.view.has_image)  # back, and read now
    assert win.scan.dock.isVisible()


def test_the_scan_comes_back_after_a_page_without_one(
    make_window, qtbot, tmp_path, drawn, seed_paths
) -> None:
    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    with qtbot.waitSignal(win.document_shown):
        win.open_path(seed_paths[0])
    assert not win.scan.dock.isVisible() and not win.scan.action.isEnabled()
    with qtbot.waitSignal(win.document_shown):
        win.open_path(tmp_path / "p1.json")
    qtbot.waitUntil(win.scan.view.has_image)
    assert win.scan.dock.isVisible()
    # Hidden by the reader, it stays hidden.
    win.scan.action.trigger()
    assert not win.scan.dock.isVisible()
    with qtbot.waitSignal(win.document_shown):
        win.open_path(seed_paths[0])
    with qtbot.waitSignal(win.document_shown):
        win.open_path(tmp_path / "p1.json")
    qtbot.waitUntil(win.scan.action.isEnabled)
    assert not win.scan.dock.isVisible()


def test_panels_that_gave_way_to_the_scan_come_back_when_it_is_closed(
    make_window, qtbot, tmp_path, drawn
) -> None:
    """The Scan view opened in a window without room for it and every panel: panels give
    way. Closing it (F6 again) gives the room back to them, as the source view does."""
    from tests.ui.test_room import shown_docks

    win = make_window(page_with_scan(tmp_path, drawn))
    win.resize(1280, 820)
    qtbot.waitUntil(lambda: win.width() == 1280, timeout=5000)
    qtbot.waitUntil(win.scan.action.isEnabled, timeout=10000)
    before = shown_docks(win)
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.scan.action.trigger()
    qtbot.waitUntil(win.scan.view.has_image, timeout=10000)
    qtbot.waitUntil(lambda: bool(win.room.given_way()), timeout=5000)
    assert "scan" not in before and shown_docks(win) - {"scan"} < before
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.scan.action.trigger()
    qtbot.waitUntil(lambda: shown_docks(win) == before, timeout=5000)
    assert win.room.given_way() == []


def test_n_and_p_on_the_scan_go_to_the_next_and_previous_article(
    make_window, qtbot, tmp_path, drawn
) -> None:
    """Working in the scan (clicked, zoomed), n and p go to the next and previous article
    as they do in the text."""
    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    canvas = win.scan.view.canvas
    canvas.setFocus()
    start = win.body.current_place()[0]
    qtbot.keyClick(canvas, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: win.body.current_place()[0] == start + 1, timeout=5000)
    qtbot.keyClick(canvas, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: win.body.current_place()[0] == start, timeout=5000)


def test_the_scan_shown_by_hand_stays_in_a_small_window_and_gives_the_room_back(
    make_window, qtbot, tmp_path: Path, drawn: bytes
) -> None:
    """F6 in a large window, then the window made small: the other panels give way, not
    the scan the reader asked for (it took every panel with it); F6 again in a larger
    window: the panels that gave way come back, at their widths."""
    from tests.ui.test_room import line_chars, shown_docks

    win = make_window(page_with_scan(tmp_path, drawn))
    win.resize(1280, 820)
    qtbot.waitUntil(lambda: win.width() == 1280, timeout=5000)
    before = shown_docks(win)
    outline = win.outline_dock.width()
    open_scan(win, qtbot)
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.resize(1024, 640)
    qtbot.waitUntil(lambda: line_chars(win) >= 19.5, timeout=5000)
    assert win.scan.dock.isVisible()
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.resize(1280, 820)
    with qtbot.waitSignal(win.room.fitted, timeout=5000):
        win.scan.action.trigger()
    qtbot.waitUntil(lambda: shown_docks(win) == before, timeout=5000)
    assert abs(win.outline_dock.width() - outline) <= 0.1 * outline


def test_the_scans_own_keys_are_listed_and_do_what_they_say(
    make_window, qtbot, tmp_path, drawn
) -> None:
    """Help → Keyboard Shortcuts lists the keys the scan takes (no menu has them), from
    the table its key handling reads, and each listed key does what its row says."""
    win = make_window(page_with_scan(tmp_path, drawn))
    open_scan(win, qtbot)
    win.actions_by_key["shortcuts"].trigger()
    rows = dict(win.shortcuts_box.rows())
    assert {rows[k] for k in ("Zoom In", "Zoom Out", "Fit the Width", "Fit the Page")} == {
        "+", "-", "W", "F"
    }  # fmt: skip
    assert rows["Zoom at the Pointer"] == "Ctrl+Wheel"
    canvas = win.scan.view.canvas
    keys = {"+": Qt.Key.Key_Plus, "-": Qt.Key.Key_Minus, "W": Qt.Key.Key_W, "F": Qt.Key.Key_F}
    qtbot.keyClick(canvas, keys[rows["Fit the Width"]])
    width = canvas.scale_factor()
    qtbot.keyClick(canvas, keys[rows["Zoom In"]])
    assert canvas.scale_factor() == pytest.approx(width * 1.25)
    qtbot.keyClick(canvas, keys[rows["Zoom Out"]])
    assert canvas.scale_factor() == pytest.approx(width)
    qtbot.keyClick(canvas, "=")  # = is + unshifted
    assert canvas.scale_factor() == pytest.approx(width * 1.25)
    qtbot.keyClick(canvas, keys[rows["Fit the Page"]])
    assert canvas.sceneRect().height() * canvas.scale_factor() <= canvas.viewport().height()
    win.shortcuts_box.reject()
