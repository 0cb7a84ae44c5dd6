"""The library search's results as an item model over its hits, and a delegate that draws
each as a small card: the article's title, the page, and a snippet with the hits in bold."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.store.library import Hit, page_name

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Hit
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # the card, as rich text
Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
_TAG = re.compile(r"<[^>]+>")


class HitModel(QAbstractListModel):
    """One row per hit, best first. `untitled` names an article without a title (%1 for
    its number)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.untitled = "(untitled article %1)"

    def set_hits(self, hits: list[Hit]) -> None:
        """Show `hits`; those that begin with the hits shown keep their rows (Show More
        adds rows below what is being read)."""
        same = len(hits) >= len(self.hits) and hits[: len(self.hits)] == self.hits
        if same and len(hits) > len(self.hits):
            self.beginInsertRows(QModelIndex(), len(self.hits), len(hits) - 1)
            self.hits = list(hits)
            self.endInsertRows()
        elif not same:
            self.beginResetModel()
            self.hits = list(hits)
            self.endResetModel()

    def set_untitled(self, text: str) -> None:
        self.untitled = text
        if self.hits:
            self.dataChanged.emit(self.index(0), self.index(len(self.hits) - 1))

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def title(self, hit: Hit) -> str:
        return hit.title or self.untitled.replace("%1", str(hit.article + 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # the card as plain text
            snippet = html.unescape(_TAG.sub("", hit.snippet))
            return f"{self.title(hit)}\n{page_name(hit.path, hit.folder)}\n{snippet}"
        if role == HTML_ROLE:
            return (
                f"<b>{html.escape(self.title(hit))}</b><br/>"
                f'<span style="color:gray">{html.escape(page_name(hit.path, hit.folder))}</span>'
                f"<br/>{hit.snippet}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.path
        if role == HIT_ROLE:
            return hit
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a hit's card as rich text, wrapped to the view's width."""

    MARGIN = 6

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        width = option.rect.width() if option.rect.width() > 0 else 300
        document.setTextWidth(max(80, width - 2 * self.MARGIN))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft() + QPoint(self.MARGIN, self.MARGIN // 2))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        if view is not None and hasattr(view, "viewport"):
            option.rect.setWidth(view.viewport().width())
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + self.MARGIN)
