"""Take the README screenshots: `make screenshots` (needs xvfb and a CJK font installed).

Each shot runs the real app on a virtual X screen with its own data folder, so the
settings for a shot (theme, language, source view) never touch the user's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Passages to annotate before a shot: (quote, colour, tags, note).
NOTES = [
    ("科技创新和产业创新，是发展新质生产力的基本路径", "yellow", ["新质生产力", "政策"], ""),
    ("各地各行业向新而行", "green", ["产业"], "各地做法：见下文三个案例。"),
    ("战略性新兴产业", "blue", ["产业"], ""),
    ("加快形成新质生产力，增强发展新动能", "pink", ["新质生产力"], "与 3 月政府工作报告对照。"),
]

SHOTS = {
    "light.png": (SEEDS[0], {"theme": "light"}, NOTES),
    "dark.png": (SEEDS[1], {"theme": "dark", "show_source": "true"}, []),
    "sepia-zh.png": (SEEDS[0], {"theme": "sepia", "language": "zh_CN"}, []),
    "annotations-dark.png": (SEEDS[0], {"theme": "dark"}, NOTES),
}
# Shots with options of their own: a small window, where the panels give way to the text
# (the source view wraps), and reading mode.
OPTIONED = {
    "small-window.png": (
        SEEDS[1],
        {"theme": "light", "show_source": "true"},
        ["--size", "1024x640"],
    ),
    "reading-mode.png": (SEEDS[0], {"theme": "sepia"}, ["--reading-mode"]),
}


def annotate(data: Path, page: Path, notes: list[tuple[str, str, list[str], str]]) -> list[str]:
    """Store annotations for the page the way the window would; returns settings lines that
    open the page at the first of them."""
    from reader.core.annotations import new_annotation
    from reader.core.document import load
    from reader.core.export import clean_text
    from reader.store.db import FILENAME, Store

    doc = load(page)
    clean = clean_text(doc)
    store = Store(data / FILENAME)
    for quote, colour, tags, note in notes:
        start = clean.text.index(quote)
        store.put(
            new_annotation(
                doc, clean, start, start + len(quote), colour=colour, tags=tags, note=note
            )
        )
    store.close()
    if not notes:
        return []
    ai, k = clean.covering(clean.text.index(notes[0][0]), clean.text.index(notes[0][0]) + 1)[0]
    block = k - len(doc.articles[ai].head) - 1
    return ["[positions]", f"{doc.source.fingerprint}={ai}:{max(-1, block)}"]


def shoot(
    out: Path,
    page: Path,
    settings: dict[str, str],
    notes: list[tuple[str, str, list[str], str]],
    options: Sequence[str] = (),
) -> None:
    with tempfile.TemporaryDirectory() as data:
        position = annotate(Path(data), page, notes)
        config = Path(data) / "config"
        config.mkdir()
        lines = ["[General]", *(f"{k}={v}" for k, v in settings.items()), *position]
        (config / "settings.ini").write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        subprocess.run(
            [
                "xvfb-run",
                "-a",
                "-s",
                "-screen 0 1600x1000x24",
                sys.executable,
                "-m",
                "reader",
                "--screenshot",
                str(out),
                "--data-dir",
                data,
                *options,
                str(page),
            ],
            check=True,
            env=env,
            timeout=120,
        )


def main(argv: list[str]) -> int:
    if shutil.which("xvfb-run") is None:
        print("xvfb-run not found: apt-get install -y xvfb fonts-noto-cjk", file=sys.stderr)
        return 2
    folder = Path(argv[0] if argv else ROOT / "resources" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for name, (page, settings, notes) in SHOTS.items():
        shoot(folder / name, page, settings, notes)
        print(folder / name)
    for name, (page, settings, options) in OPTIONED.items():
        shoot(folder / name, page, settings, [], options)
        print(folder / name)
    # The made-up features page, re-typeset in an 18-character column: a headline group,
    # an editor's note, a lead and feature subheads.
    from tests.evaluation import load_gold
    from tests.relayout import Layout, render

    with tempfile.TemporaryDirectory() as made:
        page = Path(made) / "features.txt"
        page.write_bytes(render(load_gold("features"), Layout(width=18)))
        shoot(folder / "features.png", page, {"theme": "light"}, [])
        print(folder / "features.png")
    # A real page opened from the OCR program's JSON, where the real pages are beside us.
    real = ROOT.parent / "shared" / "real" / "pages" / "08_dapipan_19670919_p1.json"
    if real.is_file():
        shoot(folder / "ocr-page.png", real, {"theme": "light"}, [])
        print(folder / "ocr-page.png")
    # The English page of 1903, from its ALTO: headlines, decks, the masthead kept aside.
    english = ROOT.parent / "shared" / "real" / "english" / "tribune_1903-05-01_p1.alto.xml"
    if english.is_file():
        shoot(folder / "english-page.png", english, {"theme": "light"}, [])
        print(folder / "english-page.png")
    # A plain-text export whose lines run across the columns: the status bar's warning mark.
    across = ROOT.parent / "shared" / "real" / "pages" / "06_xinbeida_19670506_p2.paddle.txt"
    if across.is_file():
        shoot(folder / "page-warning.png", across, {"theme": "light"}, [])
        print(folder / "page-warning.png")
    # Shots of windows in a given state are staged in-process, on the virtual screen.
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    staged = [
        ("--dialog", "export-dialog.png"),
        ("--library", "library-search.png"),
        ("--corrections", "corrections.png"),
        ("--carried", "carried-over.png"),
        ("--full-screen", "full-screen.png"),
        ("--first-part", "first-part.png"),
        ("--parts", "parts.png"),
        ("--correct-menu", "correct-menu-zh.png"),
        ("--popover", "popover.png"),
    ]
    if SCAN_PAGE.is_file():
        staged.append(("--scan", "scan.png"))
    for flag, name in staged:
        subprocess.run(
            ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-m",
             "tests.screenshots", flag, str(folder / name)],
            check=True, env=env, timeout=300, cwd=ROOT,
        )  # fmt: skip
        print(folder / name)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium not found: the HTML export shot is not retaken", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as data:
        page = Path(data) / "page.html"
        page.write_bytes(html_export(Path(data)))
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--hide-scrollbars", "--window-size=1100,900",
             f"--screenshot={folder / 'html-export.png'}", page.as_uri()],
            check=True, timeout=120, capture_output=True,
        )  # fmt: skip
    print(folder / "html-export.png")
    return 0


def html_export(data: Path) -> bytes:
    """Page 000 as standalone HTML with its highlights and notes."""
    from reader.core.document import load
    from reader.core.publish import Options, Part, publish
    from reader.store.db import FILENAME, Store

    annotate(data, SEEDS[0], NOTES)
    store = Store(data / FILENAME)
    doc = load(SEEDS[0])
    found = store.for_document(doc.source.fingerprint)
    store.close()
    return publish([Part(doc, [2], found)], Options(format="html", annotations=True))


def _staged_window(data: str, page: Path, language: str = "en", until: str = "document_shown"):  # type: ignore[no-untyped-def]
    """A window on `page` with its data in `data`, in `language`, once it has sent the
    signal `until` (the page shown, by default)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from reader.store import paths
    from reader.ui import i18n
    from reader.ui.settings import Settings
    from reader.ui.themes import palette, theme
    from reader.ui.window import MainWindow

    paths.set_data_dir(data)
    i18n.install(language)
    QApplication.setPalette(palette(theme("light")))
    window = MainWindow(Settings())
    window.resize(1400, 900)
    window.show()
    loop = QEventLoop()
    getattr(window, until).connect(lambda *_a: loop.quit())
    window.open_path(page)
    loop.exec()
    return window


def dialog_shot(out: Path) -> int:
    """The export dialog over the window, as a user opens it (run on a virtual screen)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as data:
        annotate(Path(data), SEEDS[0], NOTES)
        window = _staged_window(data, SEEDS[0])
        window.body.scroll_to(2, -1)
        dialog = window.open_export()
        assert dialog is not None
        dialog.scope.setCurrentIndex(dialog.scope.findData("article"))
        dialog.format.setCurrentIndex(dialog.format.findData("html"))
        dialog.with_notes.setChecked(True)
        dialog.update_preview()
        for _ in range(20):
            app.processEvents()
        dialog.grab().save(str(out))
        dialog.reject()
        window.close()
    return 0


def library_shot(out: Path) -> int:
    """The library dock and a search, with the hit opened (run on a virtual screen)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as data:
        from reader.store import paths
        from reader.ui.settings import Settings
        from reader.ui.themes import palette, theme
        from reader.ui.window import MainWindow

        paths.set_data_dir(data)
        pages = Path(data) / "人民日报" / "2025-03"
        pages.mkdir(parents=True)
        for seed in SEEDS:
            shutil.copy(seed, pages / seed.name)
        app.setPalette(palette(theme("light")))
        window = MainWindow(Settings())
        window.resize(1400, 900)
        window.show()

        def wait(signal, start) -> list:  # type: ignore[no-untyped-def]
            loop = QEventLoop()
            got: list = []
            signal.connect(lambda *args: (got.append(args), loop.quit()))
            start()
            loop.exec()
            return got[0]

        wait(window.document_shown, lambda: window.open_path(SEEDS[1]))
        wait(window.library_indexed, lambda: window.add_folder(str(pages.parent)))
        window.show_search()
        window.search.query.setText("新质生产力 -吕梁")
        (hits,) = wait(window.search_done, lambda: window.search_library("新质生产力 -吕梁"))
        wait(window.document_shown, lambda: window.open_hit(hits[0]))
        window.library.tree.expandAll()  # the pages under their dates
        for _ in range(30):
            app.processEvents()
        window.grab().save(str(out))
        window.close()
    return 0


def corrections_shot(out: Path) -> int:
    """Page 004 with its title suggestion offered, a corrected block and the source view
    showing the engine's decisions (run on a virtual screen)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as data:
        window = _staged_window(data, SEEDS[1], until="suggestions_ready")
        doc = window.doc
        assert doc is not None
        ai = next(k for k, a in enumerate(doc.articles) if a.kind == "article" and not a.title)
        art = doc.articles[ai]
        window.correct("kind", ai, len(art.head) + 1, kind="heading", level=1)
        window.corrections_dock.raise_()
        window.actions_by_key["decisions"].trigger()
        window.body.scroll_to(ai, 0)
        for _ in range(30):
            app.processEvents()
        window.grab().save(str(out))
        window.close()
    return 0


# Passages of page 004 annotated before its text changed; the second is in the paragraph
# the changed copy has lost.
CARRIED = [
    ("国有企业党建工作需要突破传统", "yellow", ["党建"], "转型的前提。"),
    ("战略性引领", "green", ["党建"], ""),
    ("治理思维", "blue", [], "对照（二）。"),
    ("思想政治工作", "pink", ["思政"], ""),
]


def carried_shot(out: Path) -> int:
    """Page 004 annotated, then opened as a re-OCR'd copy that lost a paragraph: the
    annotations carried over, the lost one listed (run on a virtual screen)."""
    from PySide6.QtWidgets import QApplication

    from tests.store.test_versions import reocr, without_paragraph

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as data:
        from reader.store import paths, versions
        from reader.store.db import FILENAME, Store

        paths.set_data_dir(data)
        original = Path(data) / "004.txt"
        shutil.copy(SEEDS[1], original)
        annotate(Path(data), original, CARRIED)
        store = Store(Path(data) / FILENAME)
        from reader.core.document import load

        versions.remember(store, load(original))
        store.close()
        changed = Path(data) / "004-reocr.txt"
        text = original.read_text(encoding="utf-8")
        changed.write_text(without_paragraph(reocr(text, 0.01)), encoding="utf-8")
        window = _staged_window(data, changed)
        window.notes_dock.raise_()
        assert window.writer is not None
        window.writer.flush(30)
        for _ in range(30):
            app.processEvents()
        window.grab().save(str(out))
        window.close()
    return 0


# The real page shown beside its scan (drawn from its boxes: the archive has no images),
# and passages of it highlighted.
SCAN_PAGE = ROOT.parent / "shared" / "real" / "pages" / "08_dapipan_19670919_p1.json"
SCAN_NOTES = [
    ("四海翻腾云水怒，五洲震风雷激。", "yellow", ["语录"], ""),
    ("陶铸该打倒！", "pink", [], ""),
    ("投机参加革命，有利就干，没利就逃", "green", ["陶铸"], ""),
]


def scan_shot(out: Path) -> int:
    """The window with the scan beside the text: the block at the text cursor outlined on
    the scan, highlights as regions (run on a virtual screen)."""
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.scans import write

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as data:
        from reader.store import paths

        paths.set_data_dir(data)
        page = Path(data) / SCAN_PAGE.name
        shutil.copy(SCAN_PAGE, page)
        write(SCAN_PAGE, page.with_suffix(".png"), 0.5)  # a scan at 150 dpi or so
        annotate(Path(data), page, SCAN_NOTES)
        window = _staged_window(data, page)

        def wait(done) -> None:  # type: ignore[no-untyped-def]
            start = time.monotonic()
            while not done() and time.monotonic() - start < 30:
                app.processEvents()

        wait(window.scan.action.isEnabled)
        for dock in (
            window.outline_dock,
            window.library_dock,
            window.notes_dock,
            window.tags_dock,
            window.corrections_dock,
            window.search_dock,
        ):
            dock.hide()  # the scan and the text side by side
        window.scan.action.trigger()
        wait(window.scan.view.has_image)
        window.resizeDocks([window.scan.dock], [660], Qt.Orientation.Horizontal)
        for _ in range(20):
            app.processEvents()
        # The paragraph 就是这个陶铸，…, found by its text: its place moves as the engine
        # reads the page better.
        doc = window.doc
        assert doc is not None
        spot = next(
            (ai, k)
            for ai, art in enumerate(doc.articles)
            for k, block in enumerate(art.all_blocks())
            if block.text.startswith("就是这个陶铸")
        )
        window.body.show_spot(*spot, 0)
        canvas = window.scan.view.canvas
        canvas.set_scale(1.15)
        (current,) = window.scan.view.current_rects()
        canvas.centerOn(current.center())
        for _ in range(30):
            app.processEvents()
        window.grab().save(str(out))
        window.close()
    return 0


def _grab_screen(app, window, out: Path, whole: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Let the window settle, then save the screen under it (menus and popovers are windows
    of their own, so grabbing the window alone would leave them out)."""
    from PySide6.QtTest import QTest

    for _ in range(40):
        app.processEvents()
    QTest.qWait(300)  # the text laid out where the view went, and the status bar with it
    if whole:
        app.primaryScreen().grabWindow(0).save(str(out))
    else:
        geometry = window.frameGeometry()
        app.primaryScreen().grabWindow(0, 0, 0, geometry.width(), geometry.height()).save(str(out))
    window.close()


def full_screen_shot(out: Path) -> int:
    """Full screen (F11) on the whole virtual screen, the panels as they were."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as data:
        annotate(Path(data), SEEDS[0], NOTES)
        window = _staged_window(data, SEEDS[0])
        window.actions_by_key["full_screen"].trigger()
        # A bare virtual screen has no window manager to give a full-screen window the
        # whole screen: it is given here, as one would.
        window.setGeometry(app.primaryScreen().geometry())
        _grab_screen(app, window, out, whole=True)
    return 0


def first_part_shot(out: Path) -> int:
    """A long page's first part shown while the whole is read (the size from which a page
    counts as long lowered, and the whole page held back until the shot is taken)."""
    import threading

    from PySide6.QtWidgets import QApplication

    from reader.ui import loader

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    loader.PREVIEW_FROM, loader.PREVIEW_CHARS = 1000, 20000
    gate, whole = threading.Event(), loader.load_with_annotations

    def held_back(path: str, store_path: Path | None) -> loader.Loaded:
        gate.wait(60)
        return whole(path, store_path)

    loader.load_with_annotations = held_back  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as data:
        page = Path(data) / "long-page.txt"
        page.write_bytes(b"\n".join([SEEDS[0].read_bytes()] * 6))
        window = _staged_window(data, page, until="preview_shown")
        _grab_screen(app, window, out)
        gate.set()
    return 0


def parts_shot(out: Path) -> int:
    """A long page shown a part at a time (the sizes lowered): the foot of its second
    part, with the link on to the third, and the status bar saying so."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from reader.ui import body as body_module

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    body_module.PART_CHARS, body_module.PARTED_FROM = 8_000, 20_000
    with tempfile.TemporaryDirectory() as data:
        page = Path(data) / "long-page.txt"
        page.write_bytes(b"\n".join([SEEDS[0].read_bytes()] * 6))
        window = _staged_window(data, page)
        body = window.body
        loop = QEventLoop()
        body.part_shown.connect(lambda *_a: loop.quit())
        body.scroll_to(body._parts[1], -1)
        loop.exec()
        while body.typesetting():
            app.processEvents()
        bar = body.verticalScrollBar()
        bar.setValue(bar.maximum())
        _grab_screen(app, window, out)
    return 0


def correct_menu_shot(out: Path) -> int:
    """The Chinese interface with the Correct menu open (the screen grabbed, menu and all)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as data:
        window = _staged_window(data, SEEDS[1], "zh_CN")
        window.move(0, 0)
        doc = window.doc
        assert doc is not None
        window.body.show_spot(1, len(doc.articles[1].head) + 2, 0)
        menu = window.menus["correct"]
        action = menu.menuAction()
        window.menuBar().setActiveAction(action)
        for _ in range(20):
            app.processEvents()
        kinds = window.menus["kind"]
        kinds_action = kinds.menuAction()
        menu.setActiveAction(kinds_action)
        kinds.popup(menu.mapToGlobal(menu.actionGeometry(kinds_action).topRight()))
        _grab_screen(app, window, out)
    return 0


def popover_shot(out: Path) -> int:
    """A highlight clicked: its popover by it (the screen grabbed, popover and all)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as data:
        annotate(Path(data), SEEDS[0], NOTES)
        window = _staged_window(data, SEEDS[0])
        window.move(0, 0)
        body = window.body
        assert body.clean is not None
        cursor = QTextCursor(body.document())
        cursor.setPosition(body.to_view(body.clean.text.index("各地各行业向新而行") + 2))
        body.setTextCursor(cursor)
        body.ensureCursorVisible()
        for _ in range(20):
            app.processEvents()
        point = body.cursorRect(cursor).center() + QPoint(2, 0)
        QTest.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=point)
        _grab_screen(app, window, out)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--popover"]:
        raise SystemExit(popover_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--parts"]:
        raise SystemExit(parts_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--first-part"]:
        raise SystemExit(first_part_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--full-screen"]:
        raise SystemExit(full_screen_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--correct-menu"]:
        raise SystemExit(correct_menu_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--scan"]:
        raise SystemExit(scan_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--carried"]:
        raise SystemExit(carried_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--corrections"]:
        raise SystemExit(corrections_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--library"]:
        raise SystemExit(library_shot(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--dialog"]:
        raise SystemExit(dialog_shot(Path(sys.argv[2])))
    raise SystemExit(main(sys.argv[1:]))
