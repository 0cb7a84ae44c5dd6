"""Start the window: `ocr-reader [PATH ...] [--screenshot OUT.png] [--data-dir DIR]`."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.app import COMMANDS, VERSION, Parser, epilog
from reader.bundled import sample_pages
from reader.store import paths
from reader.ui import i18n
from reader.ui.about import APP_NAME, identify
from reader.ui.settings import Settings
from reader.ui.themes import THEMES
from reader.ui.window import AfterPaint, MainWindow

SCREENSHOT_SIZE = (1400, 900)
HUGE_LAST = 10_000_000  # bytes: a last page this big is reopened at start only if asked to


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = Parser(
        prog="ocr-reader",
        usage=f"%(prog)s [options] [PATH ...]\n       %(prog)s {{{','.join(COMMANDS)}}} ...",
        description="Read OCR text of newspaper pages.",
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="pages to open (default: the last one, or the sample)",
    )
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window to a PNG and exit"
    )
    parser.add_argument("--theme", choices=THEMES, help="theme for this run (not remembered)")
    parser.add_argument("--data-dir", help="keep data, settings and cache under this folder")
    parser.add_argument(
        "--reading-mode", action="store_true", help="start with every panel hidden (Ctrl+Shift+R)"
    )
    parser.add_argument(
        "--size", metavar="WxH", type=_size, help="window size for --screenshot (1400x900)"
    )
    parser.add_argument("--version", action="version", version=VERSION)
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT") from None
    if width < 200 or height < 200:
        raise argparse.ArgumentTypeError(f"{text!r} is too small")
    return width, height


def application() -> QApplication:
    """The application, named ocr-reader however it was started: the X11 WM_CLASS comes
    from argv[0], which under `python -m reader` would be __main__.py."""
    app = QApplication.instance() or QApplication([APP_NAME])
    assert isinstance(app, QApplication)
    identify(app)
    return app


def initial_path(
    args: argparse.Namespace,
    settings: Settings,
    ask: Callable[[Path, int], bool] | None = None,
) -> str | None:
    """The page to open at start: the one named, else the last one read, else the
    sample. A last page over HUGE_LAST bytes is reopened only if `ask(path, size)` says
    so (None, with nothing open, if it does not)."""
    if args.paths:
        return args.paths[0]
    last = settings.last_document()
    if last and Path(last).is_file() and not args.screenshot:
        size = Path(last).stat().st_size
        if size <= HUGE_LAST:
            return last
        return last if ask is not None and ask(Path(last), size) else None
    samples = sample_pages()
    return str(samples[0]) if samples else None


def ask_to_reopen(parent: QWidget) -> Callable[[Path, int], bool]:
    """Ask, in a dialog over `parent`, whether to reopen a big last page."""

    def ask(path: Path, size: int) -> bool:
        # (Each text in a translate() call of its own, context and all: lupdate files a
        # text only where it sees both.)
        title = QCoreApplication.translate("StartUp", "Reopen a large page?")
        box = QMessageBox(QMessageBox.Icon.Question, title, "", parent=parent)
        box.setText(
            QCoreApplication.translate(
                "StartUp", "The page you read last, %1, is large (%2 MB): opening it takes a while."
            )
            .replace("%1", path.name)
            .replace("%2", f"{size / 1e6:.0f}")
        )
        box.setInformativeText(QCoreApplication.translate("StartUp", "Open it again now?"))
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        return box.exec() == QMessageBox.StandardButton.Open

    return ask


def run_gui(argv: Sequence[str]) -> int:
    started = time.perf_counter()
    args = parse(argv)
    app = application()
    app.setStyle("Fusion")
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    settings = Settings()
    if args.theme:
        settings.override("theme", args.theme)
    i18n.install(settings.get("language"))
    window = MainWindow(settings)
    status = 0

    if args.screenshot:
        out = Path(args.screenshot)
        window.resize(*(args.size or SCREENSHOT_SIZE))

        def shoot(_doc: object) -> None:
            app.processEvents()
            window.grab().save(str(out))
            app.quit()

        def failed(path: str, reason: str) -> None:
            nonlocal status
            print(f"ocr-reader: {path}: {reason}", file=sys.stderr)
            status = 2
            app.quit()

        window.document_shown.connect(shoot)
        window.load_failed.connect(failed)
    if args.exit_after_paint:
        # The cold-start benchmark's end mark: the body has painted a document.
        def painted() -> None:
            print(f"first-paint {time.perf_counter() - started:.4f}", flush=True)
            app.quit()

        window.document_shown.connect(lambda _doc: AfterPaint(window.body.viewport(), painted))
    window.show()
    if args.reading_mode:
        window.actions_by_key["reading_mode"].setChecked(True)
    path = initial_path(args, settings, ask_to_reopen(window))
    if path:
        window.open_path(path)
        for extra in args.paths[1:]:
            settings.add_recent(str(Path(extra).resolve()))
    app.exec()
    return status
