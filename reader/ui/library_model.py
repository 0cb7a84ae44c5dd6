"""The library as an item model: folders, the dates of their pages, and the pages.

A library of a newspaper's lifetime holds hundreds of thousands of pages, so the dock never
makes an item per page: the view asks this model for the rows it shows and no more. The
rows are plain `LibraryDocument`s, grouped once when the library is read: each folder holds
its dates (the issues) in order, undated pages last, and each date its pages by name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby
from pathlib import PurePath

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.store.library import LibraryDocument, page_name

PATH_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


@dataclass(slots=True)
class DateGroup:
    folder: int  # row of its folder
    row: int  # its row in the folder
    date: str  # "" for pages without a date
    pages: list[LibraryDocument]
    number: int  # its place among every date group of the library
    articles: int = 0  # its pages' articles, all told


@dataclass(slots=True)
class FolderGroup:
    path: str
    dates: list[DateGroup]
    pages: int
    articles: int = 0


def shown_date(date: str) -> str:
    """A page's date as every view writes it: `2024-03-12`, or `????-03-12` where the page
    gives its month and day alone, so that every date reads the same way and lines up in
    its column (ISO's own `--03-12` reads as a typing slip)."""
    if len(date) == 5 and date[2] == "-":  # MM-DD
        return f"????-{date}"
    return date


def _sort_date(doc: LibraryDocument) -> tuple[int, str]:
    """Dates with their year in order, then month-and-day dates, then pages without one."""
    if not doc.date:
        return (2, "")
    return (1 if doc.date[2:3] == "-" else 0, doc.date)


class LibraryModel(QAbstractItemModel):
    """Three levels: folder › date › page; three columns: name, date, articles.

    An index's internal id names its parent: 0 the root (a folder row), 1 + f the folder
    f (a date row), and 1 + folders + g the date group g (a page row)."""

    COLUMNS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folders: list[FolderGroup] = []
        self.groups: list[DateGroup] = []  # every date group of every folder, in order
        self.headers = ["", "", ""]
        self.undated = ""
        self.annotated = "%1"
        self.yearless = ""
        self.counted = "%1 / %2"

    # -- contents -------------------------------------------------------------------------

    def set_documents(self, folders: list[str], documents: list[LibraryDocument]) -> None:
        self.beginResetModel()
        by_folder: dict[str, list[LibraryDocument]] = {f: [] for f in folders}
        for doc in documents:
            pages = by_folder.get(doc.folder)
            if pages is not None:
                pages.append(doc)
        self.folders, self.groups = [], []
        for f, folder in enumerate(folders):
            pages = by_folder[folder]
            pages.sort(key=lambda d: (_sort_date(d), d.path))
            dates: list[DateGroup] = []
            for date, run in groupby(pages, key=lambda d: d.date):
                group = DateGroup(f, len(dates), date, list(run), len(self.groups))
                group.articles = sum(d.articles for d in group.pages)
                dates.append(group)
                self.groups.append(group)
            total = sum(group.articles for group in dates)
            self.folders.append(FolderGroup(folder, dates, len(pages), total))
        self.endResetModel()

    def set_texts(
        self, headers: list[str], undated: str, annotated: str, yearless: str, counted: str
    ) -> None:
        """The translated header labels, the name of the undated group, the tooltip line of
        an annotated page (with %1 for the count), of a date without its year, and of a
        group's counts (%1 pages, %2 articles)."""
        self.headers, self.undated, self.annotated = headers, undated, annotated
        self.yearless, self.counted = yearless, counted
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self.folders:
            last = self.index(len(self.folders) - 1, self.COLUMNS - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def pages(self) -> list[LibraryDocument]:
        """Every page, in the order the rows show them."""
        return [doc for group in self.groups for doc in group.pages]

    def page_count(self) -> int:
        return sum(folder.pages for folder in self.folders)

    def set_annotations(self, path: str, count: int) -> None:
        """The page at `path` holds `count` annotations now (its ✎ and tooltip follow)."""
        index = self.find(path)
        if not index.isValid():
            return
        group = self.groups[index.internalId() - 1 - len(self.folders)]
        doc = group.pages[index.row()]
        if doc.annotations != count:
            group.pages[index.row()] = replace(doc, annotations=count)
            last = index.siblingAtColumn(self.COLUMNS - 1)
            self.dataChanged.emit(index, last)

    def find(self, path: str) -> QModelIndex:
        """The row of the page at `path`, or an invalid index."""
        for g, group in enumerate(self.groups):
            for row, doc in enumerate(group.pages):
                if doc.path == path:
                    return self.createIndex(row, 0, 1 + len(self.folders) + g)
        return QModelIndex()

    # -- what an index is -----------------------------------------------------------------

    def _node(self, index: Index) -> FolderGroup | DateGroup | LibraryDocument | None:
        if not index.isValid():
            return None
        parent = index.internalId()
        if parent == 0:
            return self.folders[index.row()]
        if parent <= len(self.folders):
            return self.folders[parent - 1].dates[index.row()]
        return self.groups[parent - 1 - len(self.folders)].pages[index.row()]

    def document(self, index: Index) -> LibraryDocument | None:
        node = self._node(index)
        return node if isinstance(node, LibraryDocument) else None

    # -- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _NO_INDEX) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        node = self._node(parent)
        if isinstance(node, FolderGroup):
            return self.createIndex(row, column, 1 + parent.row())
        if isinstance(node, DateGroup):
            return self.createIndex(row, column, 1 + len(self.folders) + node.number)
        return QModelIndex()

    def parent(self, index: Index = _NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = index.internalId()
        if parent == 0:
            return QModelIndex()
        if parent <= len(self.folders):
            return self.createIndex(parent - 1, 0, 0)
        group = self.groups[parent - 1 - len(self.folders)]
        return self.createIndex(group.row, 0, 1 + group.folder)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        if not parent.isValid():
            return len(self.folders)
        if parent.column() != 0:
            return 0
        node = self._node(parent)
        if isinstance(node, FolderGroup):
            return len(node.dates)
        if isinstance(node, DateGroup):
            return len(node.pages)
        return 0

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMNS
        ):
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if isinstance(node, FolderGroup):
            return self._folder_data(node, column, role)
        if isinstance(node, DateGroup):
            return self._date_data(node, column, role)
        return self._page_data(node, column, role)

    def _folder_data(self, node: FolderGroup, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return PurePath(node.path).name or node.path
            if column == 2:
                return f"{node.articles:,}"
        elif role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return node.path + "\n" + self._counts(node.pages, node.articles)
        elif role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self._counts(node.pages, node.articles)
        elif role == PATH_ROLE:
            return ("folder", node.path)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _date_data(self, node: DateGroup, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return shown_date(node.date) or self.undated
            if column == 2:
                return f"{node.articles:,}"
        elif role == Qt.ItemDataRole.ToolTipRole and column in (0, 2):
            counts = self._counts(len(node.pages), node.articles)
            return f"{self.yearless}\n{counts}" if node.date[2:3] == "-" and column == 0 else counts
        elif role == PATH_ROLE:
            return ("date", node.date)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _counts(self, pages: int, articles: int) -> str:
        return self.counted.replace("%1", f"{pages:,}").replace("%2", f"{articles:,}")

    def _page_data(self, doc: LibraryDocument, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return page_name(doc.path, doc.folder) + (" ✎" if doc.annotations else "")
            if column == 1:
                return shown_date(doc.date)
            return "!" if doc.problem else str(doc.articles)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and doc.date[2:3] == "-":
            return self.yearless
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            tip = doc.path if not doc.problem else f"{doc.path}\n{doc.problem}"
            if doc.annotations:
                tip += "\n" + self.annotated.replace("%1", str(doc.annotations))
            return tip
        if role == PATH_ROLE:
            return ("page", doc.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
