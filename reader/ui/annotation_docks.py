"""The annotations dock (this document, in reading order, filterable) and the tags dock
(every tag of every document, with rename, merge and delete)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations import COLOURS, Annotation, Placed, tag_label
from reader.store.db import TagCount
from reader.ui.annotate import colour_names, swatch
from reader.ui.themes import Theme, highlight_colour

ID_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_CHARS = 26
ROW_SPACE = 8  # pixels between the annotations listed
Index = QModelIndex | QPersistentModelIndex


def short(text: str, chars: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1] + "…"


def matches(ann: Annotation, text: str, tag: str, colour: str) -> bool:
    if colour and ann.colour != colour:
        return False
    if tag and tag.casefold() not in (t.casefold() for t in ann.tags):
        return False
    if text:
        needle = text.casefold()
        hay = " ".join((ann.quote, ann.note, " ".join(ann.tags), ann.article)).casefold()
        return all(word in hay for word in needle.split())
    return True


class AnnotationModel(QAbstractListModel):
    """One flat list: the annotations found in the text (reading order), then, under a
    header row, the unanchored ones. Flat and uniform, so 10,000 rows cost nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: list[tuple[str, list[Placed]]] = []
        self.rows: list[Placed | str] = []
        self.theme: Theme | None = None
        self.icons: dict[str, Any] = {}
        # Every row's size: the list sizes all rows alike (uniform sizes keep a list of
        # thousands quick), and were that the first row's, a row whose lines hold Chinese
        # (taller in its fallback font than a line of digits) would lose its note.
        self.row_size = QSize()

    def fit(self, view: QListView) -> None:
        """Size the rows as the view draws three lines of Chinese."""
        sample = QStandardItemModel()
        sample.appendRow(QStandardItem("国\n国\n国"))
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.widget = view
        height = view.itemDelegate().sizeHint(option, sample.index(0, 0)).height()
        # (Room between the rows. A style sheet on the list would give it, but a widget
        # with one keeps the palette it was polished with when the theme changes.)
        self.row_size = QSize(1, height + ROW_SPACE)

    def set_items(self, sections: list[tuple[str, list[Placed]]], theme: Theme) -> None:
        self.beginResetModel()
        self.sections = sections
        self.rows = []
        for n, (title, items) in enumerate(sections):
            if n:
                self.rows.append(f"{title} ({len(items)})")
            self.rows.extend(items)
        if theme is not self.theme:
            self.theme = theme
            self.icons = {c: swatch(highlight_colour(c, theme), 14) for c in COLOURS}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def placed(self, index: Index) -> Placed | None:
        item = self.rows[index.row()] if index.isValid() else None
        return item if isinstance(item, Placed) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.placed(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if isinstance(item, str):
            if role == Qt.ItemDataRole.DisplayRole:
                return item
            if role == Qt.ItemDataRole.SizeHintRole and self.row_size.isValid():
                return self.row_size
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        ann = item.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            meta = "  ".join([*map(tag_label, ann.tags), ann.created[:10]])
            note = short(ann.note, QUOTE_CHARS + 4) if ann.note else ""
            return "\n".join((f"“{short(ann.quote)}”", meta, note))
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons.get(ann.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(p for p in (ann.quote, ann.note) if p)
        if role == ID_ROLE:
            return ann.id
        if role == Qt.ItemDataRole.SizeHintRole and self.row_size.isValid():
            return self.row_size
        return None


class AnnotationsDock(QWidget):
    """The current document's annotations; click to jump, double-click to edit."""

    activated = Signal(str)  # annotation id
    edit_requested = Signal(str)
    delete_requested = Signal(list)  # ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Placed] = []
        self.theme: Theme | None = None
        self.waiting = False  # a long page's first part is shown: its annotations come later
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.refilter)
        layout.addWidget(self.filter)
        row = QHBoxLayout()
        self.tag_filter = QComboBox(self)
        self.colour_filter = QComboBox(self)
        self.tag_filter.currentIndexChanged.connect(self.refilter)
        self.colour_filter.currentIndexChanged.connect(self.refilter)
        row.addWidget(self.tag_filter, 1)
        row.addWidget(self.colour_filter, 1)
        layout.addLayout(row)
        self.model = AnnotationModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.view.doubleClicked.connect(self._on_double_clicked)
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty, 1)
        self.delete_action = QAction(self)
        self.delete_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_selected)
        self.view.addAction(self.delete_action)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter annotations"))
        self._say_empty()
        self.delete_action.setText(self.tr("Delete"))
        self._fill_filters()
        self.refilter()

    def _fill_filters(self) -> None:
        tag = self.tag_filter.currentData()
        colour = self.colour_filter.currentData()
        tags = sorted({t for p in self.items for t in p.annotation.tags}, key=str.casefold)
        for combo, first, values, labels, keep in (
            (self.tag_filter, self.tr("All tags"), tags, {t: tag_label(t) for t in tags}, tag),
            (self.colour_filter, self.tr("All colours"), COLOURS, colour_names(), colour),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for value in values:
                combo.addItem(labels[value], value)
            at = combo.findData(keep) if keep else 0
            combo.setCurrentIndex(max(0, at))
            combo.blockSignals(False)

    def _say_empty(self) -> None:
        if self.waiting:
            self.empty.setText(
                self.tr("The page's annotations are shown once the whole page is read.")
            )
            return
        self.empty.setText(
            self.tr(
                "No annotations on this page yet. Select some text, then press H to "
                "highlight it, T to tag it or N to add a note."
            )
        )

    def set_items(self, items: list[Placed], theme: Theme, waiting: bool = False) -> None:
        """The page's annotations; `waiting`: only a long page's first part is shown, and
        its annotations come with the whole page."""
        self.items = items
        self.theme = theme
        self.waiting = waiting
        self._say_empty()
        self._fill_filters()
        self.refilter()

    def refilter(self) -> None:
        if self.theme is None:
            return
        text = self.filter.text().strip()
        tag = self.tag_filter.currentData() or ""
        colour = self.colour_filter.currentData() or ""
        shown = [p for p in self.items if matches(p.annotation, text, tag, colour)]
        anchored = [p for p in shown if p.anchor is not None]
        loose = [p for p in shown if p.anchor is None]
        sections = [(self.tr("In the text"), anchored)]
        if loose:
            sections.append((self.tr("Unanchored"), loose))
        self.model.fit(self.view)
        self.model.set_items(sections, self.theme)
        self.view.setVisible(bool(self.items))
        self.empty.setVisible(not self.items)

    def _selected_ids(self) -> list[str]:
        ids = [i.data(ID_ROLE) for i in self.view.selectionModel().selectedIndexes()]
        return [i for i in ids if i]

    def _on_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(ID_ROLE)
        if annotation_id:
            self.activated.emit(annotation_id)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(ID_ROLE)
        if annotation_id:
            self.edit_requested.emit(annotation_id)

    def _delete_selected(self) -> None:
        ids = self._selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        annotation_id = index.data(ID_ROLE) if index.isValid() else None
        if not annotation_id:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), lambda: self.edit_requested.emit(annotation_id))
        menu.addAction(self.delete_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()


# The Tags panel's Document column takes at most this share of the list's width.
DOCUMENT_SHARE = 0.4


_COUNT_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TagsDock(QWidget):
    """Every tag with its count; the passages of the selected tag, from every document."""

    rename_requested = Signal(str)
    merge_requested = Signal(list)  # names
    delete_requested = Signal(list)
    export_requested = Signal(str)
    passage_activated = Signal(str, str)  # path, annotation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.tags = QTreeWidget(split)
        self.tags.setColumnCount(2)
        self.tags.setRootIsDecorated(False)
        self.tags.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tags.itemSelectionChanged.connect(self._on_tag_selected)
        self.passages = QTreeWidget(split)
        self.passages.setColumnCount(2)
        self.passages.setRootIsDecorated(False)
        self.passages.setWordWrap(True)
        self.passages.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # The passage takes the room; the document's name as much as it needs, up to a
        # share of the panel, so that both columns are always in view.
        header = self.passages.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.passages.viewport().installEventFilter(self)
        self.passages.itemActivated.connect(self._on_passage)
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        self.rename_button = QPushButton(self)
        self.merge_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.export_button = QPushButton(self)
        for button in (
            self.rename_button,
            self.merge_button,
            self.delete_button,
            self.export_button,
        ):
            row.addWidget(button)
        layout.addLayout(row)
        self.rename_button.clicked.connect(lambda: self._emit_one(self.rename_requested))
        self.export_button.clicked.connect(lambda: self._emit_one(self.export_requested))
        self.merge_button.clicked.connect(lambda: self.merge_requested.emit(self.selected()))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.selected()))
        # Set by the window: the annotations of a tag, from every document.
        self.lookup: Callable[[str], list[Annotation]] | None = None
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.tags.setHeaderLabels([self.tr("Tag"), self.tr("Passages")])
        # The count under its header, both at the right, each row's centred on its line.
        self.tags.headerItem().setTextAlignment(1, _COUNT_ALIGNMENT)
        self.passages.setHeaderLabels([self.tr("Passage"), self.tr("Document")])
        self.rename_button.setText(self.tr("Rename…"))
        self.merge_button.setText(self.tr("Merge…"))
        self.delete_button.setText(self.tr("Delete"))
        self.export_button.setText(self.tr("Export…"))

    def set_tags(self, counts: list[TagCount]) -> None:
        keep = set(self.selected())
        self.tags.blockSignals(True)
        self.tags.clear()
        for tag in counts:
            item = QTreeWidgetItem([tag.name, f"{tag.count:,}"])
            item.setTextAlignment(1, _COUNT_ALIGNMENT)
            self.tags.addTopLevelItem(item)
            item.setSelected(tag.name in keep)
        self.tags.resizeColumnToContents(0)
        self.tags.blockSignals(False)
        self._on_tag_selected()

    def selected(self) -> list[str]:
        return [item.text(0) for item in self.tags.selectedItems()]

    def select(self, name: str) -> None:
        for k in range(self.tags.topLevelItemCount()):
            item = self.tags.topLevelItem(k)
            if item is not None:
                item.setSelected(item.text(0) == name)

    def _emit_one(self, signal: Any) -> None:
        names = self.selected()
        if len(names) == 1:
            signal.emit(names[0])

    def _update_buttons(self) -> None:
        n = len(self.selected())
        self.rename_button.setEnabled(n == 1)
        self.export_button.setEnabled(n == 1)
        self.merge_button.setEnabled(n >= 2)
        self.delete_button.setEnabled(n >= 1)

    def _on_tag_selected(self) -> None:
        self._update_buttons()
        self.passages.clear()
        if self.lookup is None:
            return
        seen: set[str] = set()
        for name in self.selected():
            for ann in self.lookup(name):
                if ann.id in seen:
                    continue
                seen.add(ann.id)
                item = QTreeWidgetItem([short(ann.quote, 40), Path(ann.path).name])
                item.setToolTip(0, "\n\n".join(p for p in (ann.quote, ann.note) if p))
                item.setToolTip(1, ann.path)
                item.setData(0, ID_ROLE, ann.id)
                item.setData(1, ID_ROLE, ann.path)
                self.passages.addTopLevelItem(item)
        self._fit_passages()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.passages.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_passages()
        return False

    def _fit_passages(self) -> None:
        """The Document column as wide as its longest name (or its header), at most
        DOCUMENT_SHARE of the list; the Passage column has the rest."""
        metrics = self.passages.fontMetrics()
        items = (self.passages.topLevelItem(k) for k in range(self.passages.topLevelItemCount()))
        names = [item.text(1) for item in items if item is not None]
        label = self.passages.headerItem().text(1)
        pad = 3 * metrics.averageCharWidth()
        wanted = max(metrics.horizontalAdvance(t) for t in [label, *names]) + pad
        room = int(DOCUMENT_SHARE * self.passages.viewport().width())
        self.passages.header().resizeSection(1, max(min(wanted, room), 1))

    def _on_passage(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.passage_activated.emit(item.data(1, ID_ROLE), item.data(0, ID_ROLE))
