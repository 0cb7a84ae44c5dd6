"""Making and editing one annotation: colour swatches, the tag field, the editor (a dialog
for a new annotation, a popover by the highlight for one that exists) and the small toolbar
that floats by a fresh selection."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from reader.core.annotations import COLOURS, Annotation, normalise_tags
from reader.ui.themes import Theme, highlight_colour


def swatch(colour: QColor, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour.darker(160))
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def colour_names() -> dict[str, str]:
    """The highlight colours' names in the interface's language."""
    return {
        "yellow": QCoreApplication.translate("Colours", "Yellow"),
        "green": QCoreApplication.translate("Colours", "Green"),
        "blue": QCoreApplication.translate("Colours", "Blue"),
        "pink": QCoreApplication.translate("Colours", "Pink"),
        "purple": QCoreApplication.translate("Colours", "Purple"),
        "orange": QCoreApplication.translate("Colours", "Orange"),
    }


class ColourButtons(QWidget):
    """One round button per highlight colour; `chosen(name)` on click."""

    chosen = Signal(str)

    def __init__(self, theme: Theme, checkable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(checkable)
        self.buttons: dict[str, QToolButton] = {}
        names = colour_names()
        for name in COLOURS:
            button = QToolButton(self)
            button.setIcon(swatch(highlight_colour(name, theme), 18))
            button.setCheckable(checkable)
            button.setAutoRaise(True)
            button.setToolTip(names[name])
            button.setAccessibleName(names[name])
            button.clicked.connect(lambda _c=False, name=name: self.chosen.emit(name))
            self.group.addButton(button)
            self.buttons[name] = button
            row.addWidget(button)

    def set_theme(self, theme: Theme) -> None:
        for name, button in self.buttons.items():
            button.setIcon(swatch(highlight_colour(name, theme), 18))

    def select(self, name: str) -> None:
        self.buttons.get(name, self.buttons[COLOURS[0]]).setChecked(True)

    def current(self) -> str:
        for name, button in self.buttons.items():
            if button.isChecked():
                return name
        return COLOURS[0]


def pass_on(event: QMouseEvent, popup: QWidget) -> None:
    """Give a press that closed `popup` (made outside it) to the widget under it, as if
    the popup had not been there. On X11 Qt drops that press: a click on the page that
    closed a popover did not move the text cursor there (the next correction went where
    the cursor had been), and a click on OK that closed the tags' completions was lost."""
    point = event.globalPosition().toPoint()
    target = QApplication.widgetAt(point)
    under = QApplication.activePopupWidget()  # the popover the completions were open in
    if under is not None and under is not popup and not under.geometry().contains(point):
        target = under  # which closes on the press, and passes it on in its turn
    if target is None or target.window() is popup.window():
        return
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        target.mapFromGlobal(event.globalPosition()),
        event.globalPosition(),
        event.button(),
        event.buttons(),
        event.modifiers(),
    )
    QApplication.sendEvent(target, press)


class TagEdit(QLineEdit):
    """Comma-separated tags, completing the one being typed from the tags already used."""

    def __init__(self, known: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = list(known)
        self.model = QStringListModel(self.known, self)
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._complete)
        self.textEdited.connect(self._on_edited)
        popup = self.completer_.popup()
        if popup is not None:  # (after the completer's own filter, so seen first)
            popup.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)
            popup.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A press outside the completions closes them and goes on to what it was on (the
        completer's own filter would swallow it: OK took a second click)."""
        popup = self.completer_.popup()
        if (
            watched is popup
            and popup is not None
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and not popup.rect().contains(event.position().toPoint())
        ):
            popup.hide()
            pass_on(event, popup)
            return True
        return super().eventFilter(watched, event)

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip()

    def _on_edited(self, _text: str) -> None:
        word = self._current_word()
        taken = {t.casefold() for t in self.tags()}
        self.model.setStringList([t for t in self.known if t.casefold() not in taken or t == word])
        if word:
            self.completer_.setCompletionPrefix(word)
            self.completer_.complete()
        else:
            popup = self.completer_.popup()
            if popup is not None:
                popup.hide()

    def _complete(self, tag: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        self.setText(f"{head}{tag}, {after.lstrip(', ')}".rstrip())
        self.setCursorPosition(len(head) + len(tag) + 2)

    def tags(self) -> list[str]:
        return normalise_tags(self.text().replace("，", ",").split(","))

    def set_tags(self, tags: Sequence[str]) -> None:
        self.setText(", ".join(tags))


GAP = 6  # pixels between what floats and the text it belongs to


def place_by(size: QSize, anchor: QRect, bounds: QRect) -> QPoint:
    """Where a floating widget of `size` goes for the text in `anchor`: below its last
    line, so the lines above stay readable; above its first line when there is no room
    below; centred on the anchor and kept inside `bounds` (all in one coordinate system)."""
    x = anchor.center().x() - size.width() // 2
    x = max(bounds.left() + 4, min(x, bounds.right() - size.width() - 4))
    y = anchor.bottom() + GAP
    if y + size.height() > bounds.bottom() and anchor.top() - GAP - size.height() >= bounds.top():
        y = anchor.top() - GAP - size.height()
    return QPoint(x, max(bounds.top(), y))


class AnnotationEditor(QDialog):
    """Colour, tags and note of one annotation. `deleted` asks to remove it.

    As a popover (`popover=True`, shown with `show_by`) it has no OK or Cancel: leaving it
    by any means keeps what was typed (accepted), except Escape, which drops the changes
    (rejected), and Delete."""

    deleted = Signal()

    def __init__(
        self,
        quote: str,
        theme: Theme,
        known_tags: Sequence[str],
        annotation: Annotation | None = None,
        suggestions: Sequence[str] = (),
        parent: QWidget | None = None,
        popover: bool = False,
    ) -> None:
        super().__init__(parent)
        self.popover = popover
        self._dropping = False  # Escape or Delete: leave without keeping the changes
        if popover:
            self.setWindowFlags(Qt.WindowType.Popup)
            self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)
            # The press that closes it is passed on here (mousePressEvent), on every
            # platform alike: never twice.
            self.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)
            # A popover is drawn with an edge of its own: nothing frames a popup window.
            self.setObjectName("popover")
            self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
            self.setStyleSheet("QDialog#popover { border: 1px solid palette(dark); }")
        self.setWindowTitle(self.tr("Annotation") if annotation else self.tr("New Annotation"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        shown = quote if len(quote) <= 160 else quote[:150] + "…"
        self.quote = QLabel(f"“{shown}”", self)
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.quote)
        self.colours = ColourButtons(theme, checkable=True, parent=self)
        self.colours.select(annotation.colour if annotation else COLOURS[0])
        form.addRow(self.tr("Colour:"), self.colours)
        self.tags = TagEdit([*known_tags, *suggestions], self)
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        if annotation:
            self.tags.set_tags(annotation.tags)
        form.addRow(self.tr("Tags:"), self.tags)
        self.suggestions = list(suggestions)
        self.hint: QLabel | None = None
        if suggestions:
            # Each suggestion is a link: a click adds it to the tags, and it leaves the line.
            hint = self.hint = QLabel(self)
            hint.setTextFormat(Qt.TextFormat.RichText)
            # Reached with Tab too, and added with Enter.
            hint.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            hint.setWordWrap(True)
            hint.setToolTip(self.tr("Click a word to add it to the tags"))
            hint.linkActivated.connect(lambda k: self.add_tag(self.suggestions[int(k)]))
            form.addRow("", hint)
            self.tags.textChanged.connect(lambda _text: self._suggest())
            # The line keeps the height of all its suggestions as they are taken or put
            # back: the note under it does not move under the pointer.
            self._suggest(everything=True)
            hint.setMinimumHeight(hint.sizeHint().height())
            self._suggest()
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("Note (plain text; Markdown allowed)"))
        self.note.setTabChangesFocus(True)
        if annotation:
            self.note.setPlainText(annotation.note)
        if popover:  # compact, so that it covers little of the page around it
            self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 5 + 12)
        form.addRow(self.tr("Note:"), self.note)
        buttons = QDialogButtonBox(self)
        if not popover:
            buttons.setStandardButtons(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
        else:
            hint = QLabel(self.tr("Changes are kept when you click away; Esc drops them."), self)
            hint.setWordWrap(True)
            hint.setEnabled(False)
            form.addRow(hint)
        if annotation is not None:
            remove = buttons.addButton(
                self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            remove.clicked.connect(self._on_delete)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # Enter makes a new line in the note; Ctrl+Enter saves from anywhere.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def _suggest(self, everything: bool = False) -> None:
        """The suggestions not among the tags typed, as links; the line stays, empty, when
        none is left."""
        if self.hint is None:
            return
        typed = set() if everything else set(self.tags.tags())
        links = "&nbsp;&nbsp;".join(
            f'<a href="{k}">{html.escape(word)}</a>'
            for k, word in enumerate(self.suggestions)
            if word not in typed
        )
        self.hint.setText(self.tr("Suggested: %1").replace("%1", links) if links else "")

    def add_tag(self, tag: str) -> None:
        """Add a tag to those typed, once, and go on typing after it."""
        tags = self.tags.tags()
        if tag not in tags:
            self.tags.set_tags([*tags, tag])
        self.tags.setFocus()
        self.tags.end(False)

    def _on_delete(self) -> None:
        self.deleted.emit()
        self._dropping = True
        self.reject()

    def show_by(self, anchor: QRect, within: QRect | None = None) -> None:
        """Open as a popover by the text in `anchor` (global coordinates): inside `within`
        (the text's view, so that it covers no panel) where it fits there, else inside
        the window (above the text near the window's foot), else inside the screen."""
        self.adjustSize()
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        bounds = screen.availableGeometry()
        places = [within] if within is not None else []
        parent = self.parentWidget()
        if parent is not None:
            window = parent.window()
            places.append(QRect(window.mapToGlobal(QPoint(0, 0)), window.size()))
        size = self.size()  # as adjusted: its minimum width may be more than its hint
        for place in places:
            place = place.intersected(bounds)
            if place.width() >= size.width() and place.height() >= size.height() + 2 * GAP:
                bounds = place
                break
        self.move(place_by(size, anchor, bounds))
        self.show()
        self.note.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._dropping = True
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A popover closed by a click on the page: the click goes on to the page (the
        text cursor moves there, a highlight clicked opens its own popover)."""
        outside = self.popover and not self.rect().contains(event.position().toPoint())
        super().mousePressEvent(event)  # a popup closes on a press outside it
        if outside and not self.isVisible():
            pass_on(event, self)

    def reject(self) -> None:
        """A popover closed by clicking away keeps what was typed."""
        if self.popover and not self._dropping:
            self.accept()
        else:
            super().reject()

    def values(self) -> dict[str, object]:
        return {
            "colour": self.colours.current(),
            "tags": self.tags.tags(),
            "note": self.note.toPlainText().strip(),
        }


class SelectionBar(QFrame):
    """Floats above a fresh selection: one click highlights, or opens tags or a note."""

    colour_chosen = Signal(str)
    tag_requested = Signal()
    note_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(2)
        self.colours = ColourButtons(theme, checkable=False, parent=self)
        self.colours.chosen.connect(self.colour_chosen)
        row.addWidget(self.colours)
        self.tag_button = QToolButton(self)
        self.tag_button.clicked.connect(self.tag_requested)
        self.note_button = QToolButton(self)
        self.note_button.clicked.connect(self.note_requested)
        row.addWidget(self.tag_button)
        row.addWidget(self.note_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.tag_button.setText(self.tr("Tag…"))
        self.tag_button.setToolTip(self.tr("Highlight and tag (T)"))
        self.note_button.setText(self.tr("Note…"))
        self.note_button.setToolTip(self.tr("Highlight with a note (N)"))
        names = colour_names()
        for name, button in self.colours.buttons.items():
            button.setToolTip(self.tr("Highlight in %1").replace("%1", names[name]))

    def show_by(self, anchor: QRect) -> None:
        """Show by the selection in `anchor` (parent coordinates): below its last line,
        or above its first where there is no room below; never over the lines above."""
        self.adjustSize()
        parent = self.parentWidget()
        assert parent is not None
        self.move(place_by(self.size(), anchor, parent.rect()))
        self.show()
        self.raise_()
