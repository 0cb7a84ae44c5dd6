"""The database as the window sees it: opened at start-up or once another program lets go
of it, changes stored in order off the UI thread, and what to say when that fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.store import versions
from reader.store.db import Store, StoreError, StoreLocked, default_path
from reader.ui.jobs import Job, Jobs
from reader.ui.loader import DocumentLoader
from reader.ui.notices import Notices
from reader.ui.session import Change, PageSession, What
from reader.ui.status import StoreState
from reader.ui.writer import StoreWriter

# The window's own connection waits this long for a lock, so no read or check at start-up
# holds it up for longer; every write waits in the store writer's thread instead.
UI_BUSY_MS = 100
STORE_RETRY_MS = 2000  # a database locked at start-up is tried again this often
CARRIED_SHOWN_MS = 30_000  # what came over from another version of the page, said so long
# Closing waits this long for changes being stored before it says they wait, and keeps
# the window open until they are stored.
CLOSE_FLUSH_S = 0.3


class StoreController(QObject):
    attached = Signal(object)  # Store: annotating is on
    settled = Signal()  # every change handed to the writer is stored

    def __init__(
        self,
        window: QWidget,
        session: PageSession,
        loader: DocumentLoader,
        state: StoreState,
        notices: Notices,
        jobs: Jobs,
        reopen: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.loader = loader
        self.state = state
        self.notices = notices
        self.jobs = jobs
        self.reopen = reopen  # reads the page again, with what the store holds
        self.store: Store | None = None
        self.writer: StoreWriter | None = None
        # Said once the window is up: a damaged database moved aside, or one that cannot be
        # used (newer, locked), in which case reading works and annotating is off.
        self.problem: str | None = None
        self.locked = False
        # While another program holds the database at start-up, it is tried again off the
        # UI thread until it is free; annotating then turns on.
        self._retry = QTimer(self)
        self._retry.setInterval(STORE_RETRY_MS)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._on_retry)
        # Closing while changes wait for another program's lock: the box that says so, what
        # closes the window once they are stored, and whether the reader chose to close
        # without them.
        self._waiting_box: QMessageBox | None = None
        self._close: Callable[[], object] | None = None
        self._without_waiting = False

    def open(self, store: Store | None) -> Store | None:
        """The store given, or the user's; None (with `problem` said) when it cannot be used."""
        if store is None:
            try:
                store = Store(default_path(), timeout_ms=UI_BUSY_MS)
            except StoreLocked as exc:
                self.problem, self.locked = str(exc), True
            except StoreError as exc:
                self.problem = str(exc)
        if store is not None and store.notice:
            self.problem = store.notice
        return store

    def start(self, store: Store | None) -> None:
        if store is not None:
            self.attach(store)
        if self.locked:
            self.state.show_locked_at_start()
            self._retry.start()
        if self.problem:
            QTimer.singleShot(0, self._report_problem)

    def attach(self, store: Store) -> None:
        """Turn annotating on with this store: at start-up, or once a lock is released."""
        self.store = store
        self.writer = StoreWriter(store.path, self)
        self.session.attach(store, self.writer)
        self.loader.store_path = store.path
        self.writer.pending.connect(self._on_writes_pending)
        self.writer.locked.connect(self._on_writes_locked)
        self.writer.failed.connect(self._on_write_failed)
        if store.read_only:
            self.state.show_read_only()
        self.attached.emit(store)

    def connect_signals(self) -> None:
        self.session.changed.connect(self._on_page_changed)
        self.session.failed.connect(self.notices.not_saved)

    def _on_page_changed(self, change: Change) -> None:
        if change.what is not What.PAGE or change.loaded is None:
            return
        if change.loaded.store_error:
            self.notices.not_saved(change.loaded.store_error)

    def carry_over(self, resolved: versions.Resolved) -> None:
        """Say what came over from an earlier version of the page, now that it is on
        screen, and store it against this version."""
        carried = resolved.carried
        assert carried is not None
        parts = []
        if carried.annotations and carried.copied:
            # (the earlier version's file is still there, unchanged: it keeps its own)
            parts.append(
                (
                    self.tr(
                        "1 annotation copied from a version of this page, %2, which keeps its own"
                    )
                    if carried.placed == 1
                    else self.tr(
                        "%1 annotations copied from a version of this page, %2, which keeps its own"
                    )
                )
                .replace("%1", str(carried.placed))
                .replace("%2", Path(carried.path).name)
            )
        elif carried.annotations:
            parts.append(
                self.tr("1 annotation carried over from an earlier version of this page")
                if carried.placed == 1
                else self.tr(
                    "%1 annotations carried over from an earlier version of this page"
                ).replace("%1", str(carried.placed))
            )
        if carried.annotations:
            if carried.changed:
                parts.append(
                    self.tr("%1 on text that reads otherwise now (each keeps its quote)").replace(
                        "%1", str(carried.changed)
                    )
                )
            if carried.placed < carried.annotations:
                parts.append(
                    self.tr("%1 could not be placed (listed as unanchored)").replace(
                        "%1", str(carried.annotations - carried.placed)
                    )
                )
        if carried.corrections:
            parts.append(
                (
                    self.tr("%1 of %2 corrections copied from %3")
                    if carried.copied
                    else self.tr("%1 of %2 corrections carried over")
                )
                .replace("%1", str(carried.applied))
                .replace("%2", str(carried.corrections))
                .replace("%3", Path(carried.path).name)
            )
        # (passing: it covers the page's summary in the status bar while it shows)
        self.notices.say(", ".join(parts), CARRIED_SHOWN_MS)
        if self.writer is None or self.store is None or self.store.read_only:
            return  # shown each time the page opens, until it can be stored
        self.writer.submit(lambda store: versions.carry_over(store, resolved))

    def _on_retry(self) -> None:
        """Try the locked database again, off the UI thread."""
        path = default_path()

        def work(_job: Job) -> bool:
            Store(path, timeout_ms=UI_BUSY_MS).close()
            return True

        def done(_ok: bool) -> None:
            try:
                store = Store(path, check=False, timeout_ms=UI_BUSY_MS)
            except StoreError:
                self._retry.start()
                return
            self.problem = None
            self.state.setText("")
            self.attach(store)
            self.notices.say(self.tr("Annotations are on again."), 8000)
            if self.session.doc is not None:
                self.reopen(self.session.doc.source.path)  # with its annotations this time

        self.jobs.start(work, done, lambda _reason: self._retry.start())

    def _on_writes_pending(self, count: int) -> None:
        self.state.show_waiting(count)
        box = self._waiting_box
        if box is not None and box.isVisible():
            if count:
                box.setText(self._waiting_text(count))
            else:  # stored: the window closes, as it was asked to
                box.done(0)
                QTimer.singleShot(0, self._close_now)
        if count == 0:
            self.settled.emit()

    def _on_writes_locked(self, locked: bool) -> None:
        self.state.locked = locked
        self._on_writes_pending(self.writer.waiting if self.writer else 0)

    def _on_write_failed(self, reason: str, notes: str) -> None:
        """A change shown could not be stored: say so, keep its notes on the clipboard,
        and show what the store holds. A window closing once its changes were stored
        stays open, so that the reader can read why, and copy the notes."""
        box = self._waiting_box
        if box is not None and box.isVisible():
            box.done(0)
        self._close = None
        self.notices.pending_note = notes
        self.notices.not_saved(reason)
        self.notices.pending_note = ""
        self.session.forget_histories()
        if self.session.doc is not None:
            self.reopen(self.session.doc.source.path)

    def _report_problem(self) -> None:
        self.notices.warn(
            self.tr("Annotations"),
            self.problem or "",
            ""
            if self.store is not None
            else self.tr("Pages can be read, but annotations are off until this is solved."),
        )

    def holds_close(self, close: Callable[[], object]) -> bool:
        """Whether the window stays open because changes still wait to be stored (another
        program holds the database locked). A box says so, and `close` is called once
        they are stored, or once the reader chooses to close without them; a change is
        never dropped without the reader saying so."""
        writer = self.writer
        if writer is None or self._without_waiting or writer.flush(CLOSE_FLUSH_S):
            return False
        self._close = close
        box = self._waiting_box
        if box is None:
            box = self._waiting_box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Annotations not saved yet"))
            leave = box.addButton(
                self.tr("Close Without Them"), QMessageBox.ButtonRole.DestructiveRole
            )
            stay = box.addButton(self.tr("Keep the Window Open"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(stay)
            box.setEscapeButton(stay)
            leave.clicked.connect(self._close_without_waiting)
        box.setText(self._waiting_text(writer.waiting))
        notes = [note for note in writer.waiting_notes() if note]
        box.setDetailedText(
            self.tr("Notes among them, to copy before closing:") + "\n\n" + "\n\n".join(notes)
            if notes
            else ""
        )
        box.open()
        return True

    def _waiting_text(self, count: int) -> str:
        return (
            self.tr(
                "1 change is not saved yet: the annotation database is busy (held by "
                "another program, or by the library being indexed). The window closes as "
                "soon as it is saved."
            )
            if count == 1
            else self.tr(
                "%1 changes are not saved yet: the annotation database is busy (held by "
                "another program, or by the library being indexed). The window closes as "
                "soon as they are saved."
            ).replace("%1", str(count))
        )

    def _close_without_waiting(self) -> None:
        self._without_waiting = True
        QTimer.singleShot(0, self._close_now)

    def _close_now(self) -> None:
        if self._close is not None:
            self._close()

    def close_writer(self) -> None:
        """Stop the writer: every change is stored by now (holds_close waited for them),
        unless the reader chose to close without them."""
        if self.writer is not None:
            self.writer.close(0)

    def close_store(self) -> None:
        if self.store is not None:
            self.store.close()  # its WAL is checkpointed and the -wal and -shm files go
