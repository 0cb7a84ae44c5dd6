"""Room to read: full screen, a reading mode without panels, and panels that give way
before the text column falls below MIN_CHARS characters a line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

from reader.ui.body import BodyView

MIN_CHARS = 20  # the narrowest text column that still reads as text
RETURN_SLACK = 2  # characters to spare before a panel that gave way comes back
SOURCE_CHARS = 10  # the source view narrows to this before docks are hidden
DOCK_CHARS = 12  # a dock narrows to this many characters (square ones) before it hides
# Panels give way from the right first: annotations and search can wait, the outline
# is how the reader finds their way.
AREAS = (
    Qt.DockWidgetArea.RightDockWidgetArea,
    Qt.DockWidgetArea.BottomDockWidgetArea,
    Qt.DockWidgetArea.TopDockWidgetArea,
    Qt.DockWidgetArea.LeftDockWidgetArea,
)


SCREEN_SHARE = 0.9  # a window or dialog first opens on at most this share of the screen


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Size a window or dialog as wanted, but no larger than SCREEN_SHARE of the screen's
    free area: at 1024 x 640 its buttons and status bar stay on screen."""
    screen = widget.screen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, int(SCREEN_SHARE * free.width()))
        height = min(height, int(SCREEN_SHARE * free.height()))
    widget.resize(width, height)


def _in_front(dock: QDockWidget) -> bool:
    """Shown, and not behind another dock's tab (those count as visible, out of sight)."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


@dataclass
class _GaveWay:
    """Docks of one area hidden to make room, the tab that was in front, and the width
    they took."""

    docks: list[QDockWidget]
    front: list[QDockWidget]
    width: int


class ReadingRoom(QObject):
    """Looks after the space around the text of one main window."""

    reading_changed = Signal(bool)
    full_screen_changed = Signal(bool)
    fitted = Signal()  # panels gave way, came back, or were found to fit as they are

    def __init__(
        self,
        window: QMainWindow,
        body: BodyView,
        docks: Sequence[QDockWidget],
        splitter: QSplitter,
        source_action: QAction,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.body = body
        self.docks = list(docks)
        self.splitter = splitter
        self.source_action = source_action
        self.reading = False
        self._before_reading: list[QDockWidget] = []
        self._front_before_reading: list[QDockWidget] = []
        self._source_before_reading = False
        self._gave_way: list[_GaveWay] = []
        self._in_front: dict[QDockWidget, bool] = {}
        # The widths of the docks beside a dock as it was shown, for when it closes.
        self._beside: dict[QDockWidget, dict[QDockWidget, int]] = {}
        self._widths_back: dict[QDockWidget, int] = {}  # set once the dock has gone
        self._keep: QDockWidget | None = None
        # The dock the reader showed last, by hand: it stays while others give way, on
        # every fit after (the window made smaller later), until the reader hides it.
        self._chosen: QDockWidget | None = None
        self._fitting = False
        self._opened = False  # the window has been shown and fitted once
        self._was_maximized = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)
        for dock in self.docks:
            # triggered, not toggled: only the reader's own choice (a dock shown as the
            # window opens, or hidden here, is not one).
            dock.toggleViewAction().triggered.connect(
                lambda on, dock=dock: self._on_dock_triggered(dock, on)
            )
            # Whether it is in front of its tab group, while it is shown at all.
            dock.visibilityChanged.connect(
                lambda visible, dock=dock: self._note_front(dock, visible)
            )
            dock.topLevelChanged.connect(lambda _floating: self.fit_soon())
            # A dock closed (from the View menu, its key or its close button) leaves room
            # that panels which gave way for it may take again.
            dock.toggleViewAction().toggled.connect(
                lambda on, dock=dock: self._on_dock_shown(dock, on)
            )
            # A dock the window shows for the reader (Search when a search is asked for)
            # is their choice too; those shown or brought back here are not.
            # (Not those the saved layout shows as the window opens: until its first fit,
            # every dock shown is the layout's, none the reader's choice.)
            dock.visibilityChanged.connect(
                lambda visible, dock=dock: (
                    self._on_dock_toggled(dock, True)
                    if visible and self._opened and not dock.isFloating() and self._shown(dock)
                    else None
                )
            )
        # Opened, it may need room; closed, it gives room back to the panels that gave way.
        source_action.toggled.connect(lambda _on: self.fit_soon())

    # -- full screen -----------------------------------------------------------------------

    def set_full_screen(self, on: bool) -> None:
        if on == self.window.isFullScreen():
            return
        if on:
            self._was_maximized = self.window.isMaximized()
            self.window.showFullScreen()
        elif self._was_maximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()

    # -- reading mode ----------------------------------------------------------------------

    def set_reading(self, on: bool) -> None:
        """Hide every panel, or show again exactly those that were shown."""
        if on == self.reading:
            return
        self.reading = on
        self._fitting = True  # the docks hidden here did not give way for room
        try:
            if on:
                self._before_reading = [d for d in self.docks if self._shown(d)]
                self._front_before_reading = [d for d in self._before_reading if _in_front(d)]
                self._source_before_reading = self.source_action.isChecked()
                for dock in self._before_reading:
                    dock.hide()
                self.source_action.setChecked(False)
            else:
                for dock in self._before_reading:
                    dock.show()
                for dock in self._front_before_reading:
                    dock.raise_()
                self.source_action.setChecked(self._source_before_reading)
                self._before_reading = []
                self._front_before_reading = []
        finally:
            self._fitting = False
        self.reading_changed.emit(on)
        self.fit_soon()

    def restore_panels(self) -> None:
        """Show every panel hidden for reading or for room, so that the layout the window
        saves as it closes is the reader's own."""
        self.set_reading(False)
        self._timer.stop()
        self._fitting = True
        try:
            for gave in reversed(self._gave_way):
                for dock in gave.docks:
                    dock.show()
                for dock in gave.front:
                    dock.raise_()
            self._gave_way = []
        finally:
            self._fitting = False

    # -- panels that give way --------------------------------------------------------------

    def fit_soon(self, keep: QDockWidget | None = None) -> None:
        """Fit the panels to the window once the events queued now are handled."""
        if keep is not None:
            self._keep = keep
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.Resize:
                self.fit_soon()
            elif event.type() == QEvent.Type.WindowStateChange:
                self.full_screen_changed.emit(self.window.isFullScreen())
        return False

    def _note_front(self, dock: QDockWidget, visible: bool) -> None:
        """Whether a shown dock is in front of its tab group (a hidden one is neither).
        A tab the reader brings to the front in the group of the dock they showed is the
        one they look at now: it is the one kept."""
        if not dock.isHidden():
            self._in_front[dock] = visible
        chosen = self._chosen
        if (
            visible
            and not self._fitting
            and chosen is not None
            and dock is not chosen
            and chosen in self.window.tabifiedDockWidgets(dock)
        ):
            self._chosen = dock

    def _on_dock_shown(self, dock: QDockWidget, on: bool) -> None:
        """A dock shown: the widths of those beside it are kept. Closed (from the View
        menu, its key or its close button): they go back to them, rather than keep the
        width it left, and panels that gave way for it may take the room again."""
        if dock.isFloating():
            return
        if on:
            area = self.window.dockWidgetArea(dock)
            self._beside[dock] = {
                d: d.width() for d in self._docked(area) if d is not dock and d.isVisible()
            }
            return
        self._widths_back.update(self._beside.pop(dock, {}))
        if not self._fitting:
            self.fit_soon()

    def _on_dock_triggered(self, dock: QDockWidget, on: bool) -> None:
        """The View menu's entry (or the dock's shortcut) for a dock behind another's tab
        brings it to the front rather than closing a panel the reader could not see."""
        if not on and not dock.isFloating() and not self._in_front.get(dock, True):
            self._fitting = True  # not the reader hiding it
            try:
                dock.show()
            finally:
                self._fitting = False
            dock.raise_()
            on = True
        elif on and not dock.isFloating():
            dock.raise_()  # shown where it was, in front of its tab group, not behind it
        if on:
            self._chosen = dock
        self._on_dock_toggled(dock, on)

    def _on_dock_toggled(self, dock: QDockWidget, on: bool) -> None:
        if self._fitting:
            return
        # The reader's own choice: a dock shown or hidden by hand no longer waits to come
        # back, and one shown now stays while others make room for it.
        for gave in self._gave_way:
            if dock in gave.docks:
                gave.docks.remove(dock)
        self._gave_way = [g for g in self._gave_way if g.docks]
        if on:
            self.fit_soon(keep=dock)
        elif dock is self._chosen:
            self._chosen = None

    def needed(self) -> float:
        """The body's width for a line of MIN_CHARS characters."""
        return self.body.width_for(MIN_CHARS)

    def fits(self) -> bool:
        return self.body.width() >= self.needed() - 1

    def fit(self) -> None:
        """Bring back the panels that gave way where there is room for them again; where
        the text is too narrow, narrow the docks and the source view, then hide docks,
        one side at a time, and last narrow the source view to its least."""
        keep, self._keep = self._keep, None
        if self._fitting or not self.window.isVisible():
            return
        chosen = self._chosen
        if chosen is not None and (not self._shown(chosen) or chosen.isFloating()):
            chosen = None
        keep = keep or chosen
        self._fitting = True
        try:
            back, self._widths_back = self._widths_back, {}
            back = {d: w for d, w in back.items() if self._shown(d) and not d.isFloating()}
            if back:
                self.window.resizeDocks(list(back), list(back.values()), Qt.Orientation.Horizontal)
                self._settle()
            self._come_back()
            least = SOURCE_CHARS * self.body.em()
            steps = [
                self._narrow_docks,
                *(lambda area=area: self._give_way(area, keep) for area in AREAS),
                # (only beside a dock the reader asked for: not one the window showed)
                lambda: self._give_way_beside(chosen),
                self._narrow_docks,  # the kept dock took its side's width: narrowed again
                lambda: self._narrow_source(0),
            ]
            for step in steps:
                if self.fits():
                    break
                # Room a dock gave is shared with the source view: the text takes it first.
                self._narrow_source(least)
                if not self.fits():
                    step()
        finally:
            self._fitting = False
            self._opened = True
        self.fitted.emit()

    def _settle(self) -> None:
        """Lay the window out now, as the event loop would, to measure the text again."""
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _shown(self, dock: QDockWidget) -> bool:
        return dock.toggleViewAction().isChecked()

    def _docked(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        return [
            d
            for d in self.docks
            if self._shown(d) and not d.isFloating() and self.window.dockWidgetArea(d) == area
        ]

    def _come_back(self) -> None:
        if self.reading:
            return
        while self._gave_way:
            gave = self._gave_way[-1]
            # The text and the source view share the centre; the source view can narrow.
            least = SOURCE_CHARS * self.body.em() if self.source_action.isChecked() else 0
            needed = self.needed() + least + RETURN_SLACK * self.body.em()
            if self.splitter.width() - gave.width < needed:
                return
            self._gave_way.pop()
            for dock in gave.docks:
                dock.show()
            for dock in gave.front:
                dock.raise_()
            self._settle()
            if not self.fits():
                self._narrow_source(least)
            if not self.fits():  # it came back wider than it went
                self._hide(gave)
                self._settle()
                return

    def _narrow_source(self, least: float) -> None:
        if not self.source_action.isChecked():
            return
        pane = self.splitter.widget(1)
        if pane is None:
            return
        text, source = self.splitter.sizes()[:2]
        smallest = max(pane.minimumSizeHint().width(), int(least))
        give = min(source - smallest, int(self.needed() - self.body.width()) + 1)
        if give > 0:
            self.splitter.setSizes([text + give, source - give])
            self._settle()

    def _narrow_docks(self) -> None:
        docks = [d for area in AREAS for d in self._docked(area)]
        if not docks:
            return
        # No narrower than DOCK_CHARS characters of its own type (a dock's size hint may
        # be a few dozen pixels: a list of search hits that narrow cannot be read).
        widths = [
            min(
                d.width(),
                max(
                    d.minimumSizeHint().width(),
                    d.minimumWidth(),
                    DOCK_CHARS * d.fontMetrics().height(),
                ),
            )
            for d in docks
        ]
        self.window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
        self._settle()

    def _give_way(self, area: Qt.DockWidgetArea, keep: QDockWidget | None) -> None:
        docks = [d for d in self._docked(area) if d is not keep]
        if keep is not None and keep in self._docked(area):
            return  # the dock the reader just asked for shares this side
        self._give_way_of(docks)

    def _give_way_beside(self, keep: QDockWidget | None) -> None:
        """Last, the docks that share the side of the one kept (the outline beside the
        scan the reader asked for)."""
        if keep is None:
            return
        area = self.window.dockWidgetArea(keep)
        self._give_way_of([d for d in self._docked(area) if d is not keep])

    def _give_way_of(self, docks: list[QDockWidget]) -> None:
        """Hide `docks`, to come back together when there is room for them again."""
        if docks:
            front = [d for d in docks if _in_front(d)]
            self._hide(_GaveWay(docks, front, max(d.width() for d in docks)))
            self._settle()

    def _hide(self, gave: _GaveWay) -> None:
        for dock in gave.docks:
            dock.hide()
        self._gave_way.append(gave)

    def given_way(self) -> list[QDockWidget]:
        """The docks hidden now to make room, waiting to come back."""
        return [d for gave in self._gave_way for d in gave.docks]
