"""The outline dock: a tree model over the document, a filter box and the tree view."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.core.model import Document

ModelIndex = QModelIndex | QPersistentModelIndex
TARGET_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # (article index, block index); -1 = the head


class Node:
    __slots__ = ("article", "block", "children", "italic", "level", "parent", "row", "text")

    def __init__(
        self, text: str, article: int, block: int, level: int, parent: Node | None
    ) -> None:
        self.text = text
        self.article = article
        self.block = block
        self.level = level
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0
        self.italic = False  # notices and headlines without a body

    def add(self, child: Node) -> Node:
        child.row = len(self.children)
        self.children.append(child)
        return child


def build_tree(doc: Document | None) -> Node:
    root = Node("", -1, -1, 0, None)
    if doc is None:
        return root
    for ai, art in enumerate(doc.articles):
        node = root.add(Node(art.label(), ai, -1, 0, root))
        node.italic = art.kind != "article"
        stack = [node]
        for entry in art.outline:
            while len(stack) > 1 and stack[-1].level >= entry.level:
                stack.pop()
            parent = stack[-1]
            stack.append(parent.add(Node(entry.text, ai, entry.block, entry.level, parent)))
    return root


class OutlineTree:
    """A page's outline as plain objects, made off the UI thread (the loader makes it): a
    node for each article, in order, over its heading tree."""

    __slots__ = ("root",)

    def __init__(self, doc: Document | None) -> None:
        self.root = build_tree(doc)


def _entries(node: Node) -> Iterator[Node]:
    """The headings under an article's node, in the order of its outline (preorder: each
    entry went in under the one before it or under one of that one's parents)."""
    stack = list(reversed(node.children))
    while stack:
        entry = stack.pop()
        yield entry
        stack.extend(reversed(entry.children))


class OutlineModel(QAbstractItemModel):
    """Articles at the top level, then each article's heading tree."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = build_tree(None)

    def set_document(self, doc: Document | None, tree: OutlineTree | None = None) -> None:
        """Show the outline of `doc`: `tree` where it was made already (off the UI thread)."""
        tree = tree if tree is not None else OutlineTree(doc)
        self.beginResetModel()
        self._root = tree.root
        self.endResetModel()

    def _node(self, index: ModelIndex) -> Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, Node)
            return node
        return self._root

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return node.text
        if role == TARGET_ROLE:
            return (node.article, node.block)
        if role == Qt.ItemDataRole.FontRole and (node.italic or node.block == -1):
            font = QFont()
            font.setItalic(node.italic)
            font.setBold(node.block == -1 and not node.italic)
            return font
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def index_for(self, article: int, block: int, doc: Document) -> QModelIndex:
        """The entry a reader at (article, block) is in: the last heading at or before it."""
        articles = self._root.children  # (a node for each article, in order)
        if article < 0 or article >= min(len(doc.articles), len(articles)):
            return QModelIndex()
        node = articles[article]
        for entry in _entries(node):
            if entry.block > block:
                break
            node = entry
        return self.createIndex(node.row, 0, node)


EXPAND_ALL_LIMIT = 2_000  # entries of an outline shown expanded when a page opens


class OutlineDock(QWidget):
    """The filter box over the outline tree. Emits `activated(article, block)`."""

    activated = Signal(int, int)
    article_step = Signal(int)  # n / p pressed in the tree: the next or previous article

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OutlineModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self._syncing = False
        self.filter.textChanged.connect(self._on_filter_changed)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.activated.connect(self._on_clicked)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        # The entry being read stays in view as the panel is resized or shown again.
        self.tree.viewport().installEventFilter(self)
        self.tree.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers()
            and event.key() in (Qt.Key.Key_N, Qt.Key.Key_P)
        ):
            # The text's keys for the next and previous article work here too (the tree
            # took them for a search by first letter, useless on Chinese headings).
            self.article_step.emit(1 if event.key() == Qt.Key.Key_N else -1)
            return True
        if watched is self.tree.viewport() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            current = self.tree.currentIndex()
            if current.isValid():
                self.tree.scrollTo(current)
        return False

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter headings"))

    def set_document(self, doc: Document | None, tree: OutlineTree | None = None) -> None:
        self.model.set_document(doc, tree)
        entries = sum(1 + len(a.outline) for a in doc.articles) if doc is not None else 0
        # A long page's outline opens on its articles alone (a model reset leaves every row
        # closed): expanding tens of thousands of rows holds the window up for a quarter of
        # a second, and the entry being read is opened to as the reader goes (scrollTo
        # expands).
        if entries <= EXPAND_ALL_LIMIT:
            self.tree.expandAll()

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _on_clicked(self, index: QModelIndex) -> None:
        if self._syncing:
            return
        target = self.proxy.data(index, TARGET_ROLE)
        if target:
            self.activated.emit(*target)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Arrow keys in the tree move the text along with them.
        if self.tree.hasFocus():
            self._on_clicked(current)

    def select(self, article: int, block: int, doc: Document) -> None:
        """Select the entry for the place being read, without emitting `activated`."""
        source = self.model.index_for(article, block, doc)
        index = self.proxy.mapFromSource(source)
        if not index.isValid() or index == self.tree.currentIndex():
            return
        self._syncing = True
        try:
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        finally:
            self._syncing = False

    def current_target(self) -> tuple[int, int] | None:
        index = self.tree.currentIndex()
        return self.proxy.data(index, TARGET_ROLE) if index.isValid() else None
