"""The scan beside the text: the page's image in a dock, the block at the text cursor
outlined on it, highlights as coloured regions, and a click on a region taking the text
there.

`ScanController` is attached to a main window with a few lines: it makes its dock and
toggle action, is given each document shown and the block at the text cursor, asks for
the placed annotations when they change, and says `block_activated(article, key)` when a
region is clicked. Finding the image and decoding it run off the UI thread
(reader.core.scan finds it; QImageReader reads it, within allocation limits); only the
QPixmap is made on the UI thread.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.core import scan
from reader.core.annotations import Placed
from reader.core.decode import DecodeError, read_file
from reader.core.export import CleanText, clean_text
from reader.core.model import Document
from reader.ui.session import Change, What
from reader.ui.themes import Theme, highlight_colour, theme

if TYPE_CHECKING:  # PySide6's stub says it returns object; it returns the text

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

SHORTCUT = "F6"
# QImageReader refuses to allocate more than this for one image (Qt's default is 256 MB,
# less than a 600 dpi newspaper page takes).
ALLOCATION_MB = 1024
# An image of more pixels than this is read scaled down to it: enough to read small print
# on screen, about 160 MB as a pixmap. One of more than MAX_PIXELS is not read at all.
SHOWN_PIXELS = 40_000_000
MAX_PIXELS = 250_000_000
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 8.0
OUTLINE_PX = 3  # the current block's outline, in screen pixels
HIGHLIGHT_ALPHA = 120
MIN_WIDTH = 320


# --- work off the UI thread -----------------------------------------------------------------


class Problem(NamedTuple):
    """Why an image cannot be shown: "format" (not an image the reader knows), "damaged",
    "large" (`detail`: its size), or "error" (`detail`: a bug, in one line)."""

    why: str
    detail: str = ""


class _Signals(QObject):
    found = Signal(object, object, int)  # Scans, {page: Problem or None}, request
    decoded = Signal(object, int, object, int)  # QImage, page, (width, height), request
    failed = Signal(object, int, int)  # Problem, page, request


class _FindJob(QRunnable):
    """Finds the scans of an OCR file and reads each one's header."""

    def __init__(self, path: str, pages: int, request: int, signals: _Signals) -> None:
        super().__init__()
        self.path, self.pages, self.request, self.signals = path, pages, request, signals

    def run(self) -> None:
        try:
            data = read_file(self.path)
        except DecodeError:
            data = b""
        try:
            found = scan.find(self.path, data, self.pages)
        except Exception:  # a bug: no scan, never a crash
            found = scan.Scans({}, "absent", Path(self.path).stem)
        problems = {page: header_problem(image) for page, image in found.images.items()}
        self.signals.found.emit(found, problems, self.request)


class _DecodeJob(QRunnable):
    def __init__(self, image: Path, page: int, request: int, signals: _Signals) -> None:
        super().__init__()
        self.image, self.page, self.request, self.signals = image, page, request, signals

    def run(self) -> None:
        problem: Problem | None
        try:
            image, size, problem = decode(self.image)
        except Exception as exc:  # a bug: one line, never a crash
            image, size, problem = QImage(), (0, 0), Problem("error", repr(exc))
        if problem is not None:
            self.signals.failed.emit(problem, self.page, self.request)
        else:
            self.signals.decoded.emit(image, self.page, size, self.request)


def header_problem(path: Path) -> Problem | None:
    """Why the image cannot be shown, read from its header alone (None if it can)."""
    QImageReader.setAllocationLimit(ALLOCATION_MB)
    reader = QImageReader(str(path))
    if not reader.canRead():
        return Problem("format")
    size = reader.size()
    if not size.isValid():
        return Problem("damaged")
    if size.width() * size.height() > MAX_PIXELS:
        return Problem("large", f"{size.width()} × {size.height()}")
    return None


def decode(path: Path) -> tuple[QImage, tuple[int, int], Problem | None]:
    """The image (read scaled down past SHOWN_PIXELS), its full size in pixels, and why
    it could not be read (None when it could)."""
    QImageReader.setAllocationLimit(ALLOCATION_MB)
    reader = QImageReader(str(path))
    known = reader.canRead()
    size = reader.size()
    if size.isValid():
        pixels = size.width() * size.height()
        if pixels > MAX_PIXELS:
            return QImage(), (0, 0), Problem("large", f"{size.width()} × {size.height()}")
        if pixels > SHOWN_PIXELS:
            factor = math.sqrt(SHOWN_PIXELS / pixels)
            reader.setScaledSize(
                QSize(max(1, int(size.width() * factor)), max(1, int(size.height() * factor)))
            )
    image = reader.read()
    if image.isNull():
        return QImage(), (0, 0), Problem("damaged" if known else "format")
    full = (size.width(), size.height()) if size.isValid() else (image.width(), image.height())
    return image, full, None


# --- the view -------------------------------------------------------------------------------


class _Canvas(QGraphicsView):
    """The scan, zoomed and panned; a click that is not a drag says where it was."""

    clicked = Signal(QPointF)  # in scene (image pixel) coordinates
    zoomed = Signal()
    article_step = Signal(int)  # n / p pressed here: the next or previous article

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fit: str | None = "width"  # "width", "page", or None once zoomed by hand
        self.keep: QRectF | None = None  # the outlined block, kept in place by a zoom
        self._press: QPoint | None = None

    def scale_factor(self) -> float:
        return self.transform().m11()

    def set_scale(self, factor: float, fit: str | None = None) -> None:
        factor = min(MAX_SCALE, max(MIN_SCALE, factor))
        self.fit = fit
        self.resetTransform()
        self.scale(factor, factor)
        self.zoomed.emit()

    def zoom(self, steps: float, under_mouse: bool = False) -> None:
        """Zoom under the mouse (Ctrl+wheel), else about the outlined block where it is
        in view, so that it stays where it was, else about the view's centre."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        block = self.keep if self.keep is not None else QRectF()
        seen = block.intersected(visible)
        point = None
        if not under_mouse and not seen.isEmpty():
            point = block.center() if visible.contains(block.center()) else seen.center()
        anchor = (
            QGraphicsView.ViewportAnchor.AnchorUnderMouse
            if under_mouse
            else QGraphicsView.ViewportAnchor.NoAnchor
            if point is not None
            else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        before = self.mapFromScene(point) if point is not None else QPoint()
        self.setTransformationAnchor(anchor)
        self.set_scale(self.scale_factor() * ZOOM_STEP**steps)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        if point is not None:  # scrolled back so that the point is where it was
            moved = self.mapFromScene(point) - before
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())

    def fit_to(self, mode: str) -> None:
        rect = self.sceneRect()
        if rect.isEmpty():
            self.fit = mode
            return
        width = max(1, self.viewport().width() - 4)
        height = max(1, self.viewport().height() - 4)
        factor = width / rect.width()
        if mode == "page":
            factor = min(factor, height / rect.height())
        top = self.verticalScrollBar().value() if mode == "width" else 0
        self.set_scale(factor, mode)
        if mode == "page":
            self.centerOn(rect.center())
        else:
            self.verticalScrollBar().setValue(top)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit is not None:
            self.fit_to(self.fit)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(event.angleDelta().y() / 120, under_mouse=True)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        pressed = next(
            (k for k in SCAN_KEYS if text in k.texts or (k.key == key and not event.modifiers())),
            None,
        )
        if pressed is not None:
            getattr(self, pressed.method)(pressed.argument)
        elif key in (Qt.Key.Key_N, Qt.Key.Key_P) and not event.modifiers():
            # The text's keys for the next and previous article work here too.
            self.article_step.emit(1 if key == Qt.Key.Key_N else -1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        moved = (event.position().toPoint() - press).manhattanLength()
        if moved < QApplication.startDragDistance():
            self.clicked.emit(self.mapToScene(event.position().toPoint()))


@dataclass(frozen=True)
class ScanKey:
    """A key the scan takes itself while it has the focus: what it does (translated in
    the ScanKeys context), the key as Help → Keyboard Shortcuts shows it, the texts or
    key that press it (no modifier), and the canvas's method with its argument."""

    what: str
    shown: str
    texts: tuple[str, ...]
    key: Qt.Key | None
    method: str
    argument: object


# The one table of the scan's keys: its keyPressEvent reads it, and so does the list.
SCAN_KEYS = (
    ScanKey(QT_TRANSLATE_NOOP("ScanKeys", "Zoom In"), "+", ("+", "="), None, "zoom", 1),
    ScanKey(QT_TRANSLATE_NOOP("ScanKeys", "Zoom Out"), "-", ("-",), None, "zoom", -1),
    ScanKey(
        QT_TRANSLATE_NOOP("ScanKeys", "Fit the Width"), "W", (), Qt.Key.Key_W, "fit_to", "width"
    ),
    ScanKey(QT_TRANSLATE_NOOP("ScanKeys", "Fit the Page"), "F", (), Qt.Key.Key_F, "fit_to", "page"),
)


def scan_keys() -> tuple[str, list[tuple[str, str]]]:
    """The scan's own keys for Help → Keyboard Shortcuts: (the group's title, [(what,
    keys)]); with Ctrl and the wheel, which zoom where the pointer is (wheelEvent). N and
    P, the text's keys for the next and previous article, are listed with those."""
    rows = [(QCoreApplication.translate("ScanKeys", k.what), k.shown) for k in SCAN_KEYS]
    wheel = (
        QCoreApplication.translate("ScanKeys", "Zoom at the Pointer"),
        QCoreApplication.translate("ScanKeys", "Ctrl+Wheel"),
    )
    return QCoreApplication.translate("ScanKeys", "Scan (when it has the focus)"), [*rows, wheel]


class ScanView(QWidget):
    """The scan with its regions, a small toolbar (zoom in and out, fit width, fit page),
    and a line in its place when there is no scan to show."""

    clicked = Signal(QPointF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = _Canvas(self)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(16)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.canvas)
        self.toolbar = QToolBar(self)
        self.toolbar.setIconSize(QSize(16, 16))
        self.zoom_in = self._tool(lambda: self.canvas.zoom(1), "+")
        self.zoom_out = self._tool(lambda: self.canvas.zoom(-1), "-")
        self.fit_width = self._tool(lambda: self.canvas.fit_to("width"), "W")
        self.fit_page = self._tool(lambda: self.canvas.fit_to("page"), "F")
        self.zoom_label = QLabel(self)
        self.toolbar.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self._regions: list[QGraphicsRectItem] = []
        self._current: list[QGraphicsRectItem] = []
        self.accent = QColor("#d0402b")
        self.canvas.clicked.connect(self.clicked)
        self.canvas.zoomed.connect(self._show_zoom)
        self.retranslate()
        self.show_message("")

    def _tool(self, handler: Callable[[], None], key: str) -> QAction:
        action = self.toolbar.addAction("")
        action.setShortcut(QKeySequence(key))
        # The keys act while the scan has the focus; the canvas reads them itself.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(handler)
        return action

    def retranslate(self) -> None:
        # Short labels, so the four fit in a narrow dock; the tooltips say them in full.
        for action, label, text in (
            (self.zoom_in, "+", self.tr("Zoom In")),
            (self.zoom_out, "−", self.tr("Zoom Out")),
            (self.fit_width, self.tr("Width"), self.tr("Fit Width")),
            (self.fit_page, self.tr("Page"), self.tr("Fit Page")),
        ):
            action.setText(label)
            action.setToolTip(f"{text} ({action.shortcut().toString()})")
        self.canvas.setToolTip(
            self.tr("Click a region to read it in the text; drag to move the scan, "
                    "Ctrl+wheel to zoom")
        )  # fmt: skip
        self._show_zoom()

    def sizeHint(self) -> QSize:
        return QSize(460, 600)

    def minimumSizeHint(self) -> QSize:
        # Narrower, a page's columns cannot be told apart: when the window is short of
        # room, other panels give way before the scan shrinks past this.
        return QSize(MIN_WIDTH, 200)

    def set_theme(self, current: Theme) -> None:
        self.accent = QColor(current.accent)
        self.canvas.setBackgroundBrush(QColor(current.window))
        for item in self._current:
            self._style_current(item)

    def show_message(self, text: str) -> None:
        """A line in place of the scan (why there is none, or that it is being read)."""
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)
        for action in (self.zoom_in, self.zoom_out, self.fit_width, self.fit_page):
            action.setEnabled(False)

    def show_image(self, pixmap: QPixmap, size: tuple[int, int]) -> None:
        """The scan, whose full size is `size` pixels (the pixmap may be smaller: read
        scaled down); regions are given in the full size's pixels."""
        self.clear()
        scene = self.canvas.scene()
        self.pixmap_item = scene.addPixmap(pixmap)
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        if pixmap.width() > 0:
            self.pixmap_item.setScale(size[0] / pixmap.width())
        scene.setSceneRect(QRectF(0, 0, size[0], size[1]))
        self.stack.setCurrentWidget(self.canvas)
        for action in (self.zoom_in, self.zoom_out, self.fit_width, self.fit_page):
            action.setEnabled(True)
        self.canvas.verticalScrollBar().setValue(0)
        self.canvas.fit_to(self.canvas.fit or "width")

    def clear(self) -> None:
        """Take the scan and its regions away."""
        self.canvas.scene().clear()  # deletes the items
        self._regions, self._current = [], []
        self.pixmap_item = None

    def has_image(self) -> bool:
        return self.pixmap_item is not None and self.stack.currentWidget() is self.canvas

    def set_highlights(self, regions: Iterable[tuple[QRectF, QColor]]) -> None:
        scene = self.canvas.scene()
        for item in self._regions:
            scene.removeItem(item)
        self._regions = []
        for rect, colour in regions:
            fill = QColor(colour)
            fill.setAlpha(HIGHLIGHT_ALPHA)
            item = scene.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(fill))
            item.setZValue(1)
            self._regions.append(item)

    def set_current(self, rects: list[QRectF], follow: bool = True) -> None:
        scene = self.canvas.scene()
        for item in self._current:
            scene.removeItem(item)
        self._current = []
        for rect in rects:
            item = scene.addRect(rect.adjusted(-4, -4, 4, 4))
            self._style_current(item)
            item.setZValue(2)
            self._current.append(item)
        self.canvas.keep = None
        if rects:
            around = rects[0]
            for rect in rects[1:]:
                around = around.united(rect)
            self.canvas.keep = around
            if follow:
                self.canvas.ensureVisible(around, 24, 24)

    def current_rects(self) -> list[QRectF]:
        return [item.rect() for item in self._current]

    def highlight_rects(self) -> list[tuple[QRectF, QColor]]:
        return [(item.rect(), item.brush().color()) for item in self._regions]

    def _style_current(self, item: QGraphicsRectItem) -> None:
        pen = QPen(self.accent, OUTLINE_PX)
        pen.setCosmetic(True)
        item.setPen(pen)
        fill = QColor(self.accent)
        fill.setAlpha(28)
        item.setBrush(QBrush(fill))

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f" {round(self.canvas.scale_factor() * 100)}%")


# --- the controller -------------------------------------------------------------------------


class ScanController(QObject):
    """Keeps the scan dock in step with the window: the page shown, the block at the text
    cursor, the highlights; says which block a click on the scan chose."""

    block_activated = Signal(int, int)  # article, key (index in all_blocks())
    article_step = Signal(int)  # n / p pressed on the scan
    message = Signal(str)  # one line for the status bar
    dismissed = Signal()  # the dock closed while the reader worked in it: the text takes over

    def __init__(
        self,
        window: QMainWindow,
        placed: Callable[[], Iterable[Placed]] = lambda: (),
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.placed = placed
        self.view = ScanView(window)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("scan")
        self.dock.setWidget(self.view)
        window.addDockWidget(area, self.dock, Qt.Orientation.Horizontal)
        self.action = self.dock.toggleViewAction()
        self.action.setShortcut(QKeySequence(SHORTCUT))
        window.addAction(self.action)
        # While there is no scan the toggle is off, and its key says why.
        self._why = QShortcut(QKeySequence(SHORTCUT), window)
        self._why.activated.connect(self._say_why)
        self.theme = theme("light")
        self.doc: Document | None = None
        # The page's clean text and its blocks' regions, worked out when first needed.
        self._clean: CleanText | None = None
        self._regions: list[scan.Region] | None = None
        self.scans: scan.Scans | None = None
        self.problems: dict[int, Problem | None] = {}
        self.scales: tuple[float, float] = (1.0, 1.0)
        self.page: int | None = None  # the page whose scan is shown or being read
        self.lines: tuple[int, int] | None = None  # the block at the text cursor
        self.wanted: bool | None = None  # the reader's choice: the scan shown when there is one
        # Hidden here for a page without a scan (not by the reader, nor by reading mode or
        # a small window): shown again for the next page that has one.
        self._hid = False
        self._path = ""
        self._request = 0
        # Why there is no scan, worded again in the language of the moment.
        self._reason: Callable[[], str] | None = None
        # The pool first, then the signals its jobs emit, both children: children go in
        # the order they came, so the pool waits for a running job before its signals go.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.found.connect(self._on_found)
        self._signals.decoded.connect(self._on_decoded)
        self._signals.failed.connect(self._on_failed)
        self.action.triggered.connect(self._on_triggered)
        self.dock.visibilityChanged.connect(self._on_visible)
        self.view.clicked.connect(self._on_clicked)
        self.view.canvas.article_step.connect(self.article_step)
        self.retranslate()
        self._disable(lambda: "")

    # -- what the window gives ---------------------------------------------------------------

    def set_document(self, doc: Document, again: bool = False) -> None:
        """The page shown (again after a correction: the scan found stays; opened again,
        `again`, the scan is looked for anew: an image may have been put beside it)."""
        if self.wanted is None:
            self.wanted = not self.dock.isHidden()  # as the window's layout was restored
        same = doc.source.path == self._path and self.scans is not None and not again
        self.doc = doc
        self._clean, self._regions = None, None
        if same:
            self._draw()
            return
        self._path = doc.source.path
        self._request += 1
        self.scans, self.problems, self.page = None, {}, None
        self.view.clear()
        if not doc.line_boxes:
            self._disable(lambda: self.tr("No scan: plain text has no boxes to place on an image"))
            return
        self._disable(lambda: self.tr("Looking for the scan…"))
        pages = max(1, len(doc.source.pages))
        self.pool.start(_FindJob(doc.source.path, pages, self._request, self._signals))

    def show_lines(self, first: int, last: int) -> None:
        """The block at the text cursor: its source lines."""
        self.lines = (first, last)
        if self.doc is None or not self.scans or not self.scans.images:
            return
        page = self._page_of_lines()
        if page is not None and page != self.page and page in self.scans.images:
            self._read(page)
            return
        self._draw_current(follow=True)

    def on_page_changed(self, change: Change, doc: Document | None, current: Theme) -> None:
        """Follow the page session: the page opened (or its first part) or corrected, its
        annotations, the theme."""
        if change.what in (What.PAGE, What.CORRECTED) and doc is not None:
            self.set_document(doc, again=change.what is What.PAGE)
        elif change.what is What.PREVIEW and change.loaded is not None:
            self.set_document(change.loaded.doc)  # a long page's first part: its lines
        elif change.what is What.ANNOTATED:
            self.refresh_annotations()
        elif change.what is What.RESTYLED:
            self.set_theme(current)

    def refresh_annotations(self) -> None:
        """The placed annotations changed."""
        self._draw_highlights()

    def set_theme(self, current: Theme) -> None:
        self.theme = current
        self.view.set_theme(current)
        self._draw_highlights()

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Scan"))
        self.view.retranslate()
        self._tip()

    # -- finding and reading -----------------------------------------------------------------

    def _on_found(
        self, found: scan.Scans, problems: dict[int, Problem | None], request: int
    ) -> None:
        if request != self._request:
            return
        self.scans = found
        self.problems = problems
        readable = {page for page, problem in problems.items() if problem is None}
        if not readable:
            if found.images:
                page, image = next(iter(found.images.items()))
                problem = problems[page] or Problem("damaged")
                self._disable(lambda: self._cannot_read(image, problem))
                self.message.emit(self._cannot_read(image, problem))
            else:
                self._disable(lambda: self._missing(found))
            return
        self._available(True)
        self._reason = None
        self._tip()
        if self.wanted and self._hid and self.dock.isHidden():
            self.dock.show()
            self._widen()
        self._hid = False
        wanted = self._page_of_lines()
        self._read(wanted if wanted in readable else min(readable))

    def _read(self, page: int) -> None:
        assert self.scans is not None
        self.page = page
        if self.dock.isHidden():
            return  # read when shown
        image = self.scans.images[page]
        problem = self.problems.get(page)
        if problem is not None:
            self._failed_here(self._cannot_read(image, problem))
            return
        self.view.show_message(self.tr("Reading the scan %1…").replace("%1", image.name))
        self.pool.start(_DecodeJob(image, page, self._request, self._signals))

    def _on_decoded(self, image: QImage, page: int, size: tuple[int, int], request: int) -> None:
        if request != self._request or page != self.page or self.doc is None:
            return
        pixmap = QPixmap.fromImage(image)
        pages = self.doc.source.pages
        unit = pages[page] if page < len(pages) else (float(size[0]), float(size[1]), "px")
        self.scales = scan.image_scale(unit, size)
        self.view.show_image(pixmap, size)
        self._draw()

    def _on_failed(self, problem: Problem, page: int, request: int) -> None:
        if request != self._request or self.scans is None or page not in self.scans.images:
            return
        self._failed_here(self._cannot_read(self.scans.images[page], problem))

    def _failed_here(self, reason: str) -> None:
        self.view.show_message(reason)
        self.message.emit(reason)

    def _on_visible(self, visible: bool) -> None:
        if visible and self.scans and self.page is not None and not self.view.has_image():
            self._read(self.page)
        focus = QApplication.focusWidget()
        if not visible and (focus is None or self.dock.isAncestorOf(focus)):
            self.dismissed.emit()

    def _on_triggered(self, on: bool) -> None:
        self.wanted = on  # the reader's own choice
        self._hid = False
        if on:
            self._widen()
            self.view.canvas.setFocus()
        else:
            self.dismissed.emit()

    def _widen(self) -> None:
        """Give the dock room for a page when it comes up narrower than that (a width the
        reader chose is kept)."""
        width = max(self.view.sizeHint().width(), int(self.window.width() * 0.33))
        if not self.dock.isFloating() and self.dock.width() < 0.8 * width:
            self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    # -- drawing -----------------------------------------------------------------------------

    def _draw(self) -> None:
        self._draw_highlights()
        self._draw_current(follow=True)

    def _rect(self, box: scan.Rect) -> QRectF:
        sx, sy = self.scales
        x0, y0, x1, y1 = box
        return QRectF(x0 * sx, y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy)

    def _draw_current(self, follow: bool) -> None:
        if self.doc is None or self.lines is None or not self.view.has_image():
            self.view.set_current([], follow=False)
            return
        rects = [
            self._rect(box)
            for page, box in scan.lines_regions(self.doc, *self.lines)
            if page == self.page
        ]
        self.view.set_current(rects, follow)

    def _draw_highlights(self) -> None:
        if self.doc is None or not self.view.has_image():
            self.view.set_highlights([])
            return
        if self._clean is None:
            self._clean = clean_text(self.doc)
        out = []
        for placed in self.placed():
            if placed.anchor is None:
                continue
            colour = highlight_colour(placed.annotation.colour, self.theme)
            for page, box in scan.span_regions(
                self.doc, self._clean, placed.anchor.start, placed.anchor.end
            ):
                if page == self.page:
                    out.append((self._rect(box), colour))
        self.view.set_highlights(out)

    def regions(self) -> list[scan.Region]:
        """Where every block of the page is."""
        if self._regions is None:
            self._regions = scan.block_regions(self.doc) if self.doc is not None else []
        return self._regions

    def _page_of_lines(self) -> int | None:
        if self.doc is None or self.lines is None:
            return None
        found = scan.lines_regions(self.doc, *self.lines)
        return found[0][0] if found else None

    def _on_clicked(self, point: QPointF) -> None:
        """The smallest block region under the click, on the page shown."""
        sx, sy = self.scales
        x, y = point.x() / sx, point.y() / sy
        under = [
            r
            for r in self.regions()
            if r.page == self.page and r.box[0] <= x <= r.box[2] and r.box[1] <= y <= r.box[3]
        ]
        if not under:
            return
        best = min(under, key=lambda r: (r.box[2] - r.box[0]) * (r.box[3] - r.box[1]))
        self.block_activated.emit(best.article, best.key)

    # -- the toggle and its reason -----------------------------------------------------------

    def _available(self, yes: bool) -> None:
        self.action.setEnabled(yes)
        self._why.setEnabled(not yes)

    def _say_why(self) -> None:
        if self._reason is not None and self._reason():
            self.message.emit(self._reason())

    def _disable(self, reason: Callable[[], str]) -> None:
        self._reason = reason
        self._available(False)
        if not self.dock.isHidden():
            self.dock.hide()
            self._hid = True
        self._tip()

    def _tip(self) -> None:
        if self._reason is not None:
            tip = self._reason()
            self.view.show_message(tip)
        elif self.scans and self.scans.images:
            names = ", ".join(p.name for p in self.scans.images.values())
            tip = self.tr("The page's scan beside the text: %1").replace("%1", names)
        else:
            tip = self.tr("The page's scan beside the text")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def _missing(self, found: scan.Scans) -> str:
        if found.why == "named":
            return self.tr("No scan: the image the page names, %1, is not beside it").replace(
                "%1", found.name
            )
        if found.why == "large":
            return (
                self.tr("No scan: %1 is larger than %2 MB")
                .replace("%1", found.name)
                .replace("%2", str(scan.MAX_SCAN_BYTES >> 20))
            )
        text = self.tr("No scan: no image named %1.png, .jpg, .tif or the like is beside the page")
        return text.replace("%1", found.name)

    def _cannot_read(self, image: Path, problem: Problem) -> str:
        if problem.why == "format":
            reason = self.tr("it is not an image this reader knows")
        elif problem.why == "damaged":
            reason = self.tr("it is damaged or cut short")
        elif problem.why == "large":
            reason = self.tr("%1 pixels is more than can be shown").replace("%1", problem.detail)
        else:
            reason = " ".join(problem.detail.split())  # a bug, in one line
        return (
            self.tr("The scan %1 cannot be shown: %2")
            .replace("%1", image.name)
            .replace("%2", reason)
        )
