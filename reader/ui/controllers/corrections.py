"""Corrections and suggestions: corrections at the text cursor or under the context menu
(both from the one action table), the Corrections dock, and the suggested titles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from reader.core import words
from reader.core.anchor import anchor
from reader.core.edits import Edit
from reader.core.kinds import BlockKind
from reader.core.model import Document
from reader.core.suggest import Suggestion, suggest_titles
from reader.core.text import NO_LINE_START
from reader.ui.actions import Act, context_menu
from reader.ui.body import BodyView
from reader.ui.corrections import CorrectionsDock, SuggestionBar
from reader.ui.jobs import Job, Jobs
from reader.ui.session import BlockMark, Change, PageSession, What
from reader.ui.textdialog import TextDialog

SUGGEST_DELAY_MS = 300  # after a page is shown, its title suggestions are looked for


def refusal(op: str, doc: Document, ai: int, k: int, offset: int, value: dict | None = None) -> str:
    """Why the correction makes no sense for block k of article ai, `offset` into it (in
    the interface's language), or "" where it does."""
    # Each text asked for in full (no alias), so that lupdate files it under its context.
    art = doc.articles[ai]
    blocks = art.all_blocks()
    if op == "join" and k + 1 >= len(blocks):
        if ai + 1 >= len(doc.articles):
            return QCoreApplication.translate(
                "CorrectionsController", "Nothing to join: this is the last block of the page."
            )
        return QCoreApplication.translate(
            "CorrectionsController",
            "Nothing to join: this is the last block of its article. To run the next "
            "article on, merge it with this one (Ctrl+Shift+M on it).",
        )
    if op == "join" and blocks[k + 1].kind == BlockKind.FURNITURE:
        return QCoreApplication.translate(
            "CorrectionsController",
            "The next block is page furniture: to join it, make it text first (Correct → "
            "Block Kind, with View → Show Page Furniture on).",
        )
    role = (value or {}).get("role")
    if op == "role" and role and not (value or {}).get("article") and blocks[k].kind == role:
        return QCoreApplication.translate("CorrectionsController", "This block is that already.")
    if op == "split" and not 0 < offset < len(blocks[k].text):
        return QCoreApplication.translate(
            "CorrectionsController",
            "Put the text cursor inside the block, where it is to be split.",
        )
    if op == "new_article" and len(art.head) >= k:
        return QCoreApplication.translate(
            "CorrectionsController", "This block already starts its article."
        )
    if op == "merge_article" and ai == 0:
        return QCoreApplication.translate(
            "CorrectionsController",
            "The page's first article has no article before it to merge with.",
        )
    return ""


def split_point(text: str, offset: int) -> int:
    """Where a split `offset` characters into a block's text falls: past the closing
    marks there (a click just before a sentence's ！ splits after it), so that no block
    starts with one."""
    while 0 < offset < len(text) and text[offset] in NO_LINE_START:
        offset += 1
    return offset


def allowed(act: Act, doc: Document, ai: int, k: int, offset: int) -> bool:
    """Whether the correction makes sense for block k of article ai, `offset` into it."""
    return not refusal(act.args[0], doc, ai, k, offset, act.args[1])


class CorrectionsController(QObject):
    suggestions_ready = Signal(list)  # title suggestions for the page shown
    refused = Signal(str)  # a correction asked for that makes no sense there, and why

    def __init__(
        self,
        window: QWidget,
        session: PageSession,
        body: BodyView,
        dock: CorrectionsDock,
        suggestion_bar: SuggestionBar,
        rows: list[Act],
        jobs: Jobs,
    ) -> None:
        super().__init__(window)
        self.window = window  # the parent of its dialogs
        self.session = session
        self.body = body
        self.dock = dock
        self.suggestion_bar = suggestion_bar
        self.rows = rows  # the action table's corrections
        self.jobs = jobs
        self._suggesting: Job | None = None  # the title suggestions being looked for

    def connect_signals(self) -> None:
        self.session.changed.connect(self._on_page_changed)
        self.dock.remove_requested.connect(self.session.remove_correction)
        self.dock.chosen.connect(self.show_edit)
        self.suggestion_bar.accepted.connect(self.accept_suggestion)

    def _on_page_changed(self, change: Change) -> None:
        if change.what in (What.PAGE, What.CORRECTED, What.PREVIEW):
            self.refresh()

    def refresh(self) -> None:
        self.dock.set_edits(self.session.edits())
        self.suggestion_bar.offer(None)
        if self.session.doc is not None and words.loaded():
            # After the page is on screen: the work would otherwise hold up its first paint.
            doc = self.session.doc
            QTimer.singleShot(SUGGEST_DELAY_MS, self, lambda: self.find_suggestions(doc))

    # -- corrections -----------------------------------------------------------------------

    def context_menu(self, parent: QMenu) -> QMenu | None:
        """The Correct submenu for the block under the body's context menu."""
        doc = self.session.doc
        place = self.body.place_at(self.body.menu_position)
        if self.session.corrector is None or doc is None or place is None or place.key < 0:
            return None
        if self.body.in_link(self.body.menu_position):
            return None  # a link to another part of a long page, no block
        ai, k = place.article, place.key
        offset = max(0, self.body.menu_position - place.position)
        offset = split_point(doc.articles[ai].all_blocks()[k].text, offset)

        def trigger(act: Act) -> None:
            op, value = act.args
            self._apply(op, ai, k, {**value, "offset": offset} if op == "split" else value)

        return context_menu(
            parent, self.rows, lambda act: allowed(act, doc, ai, k, offset), trigger, self
        )

    def correct_at_cursor(self, op: str, value: dict) -> None:
        """A correction of the block holding the text cursor (the Correct menu's keys)."""
        position = self.body.textCursor().position()
        place = self.body.block_place_at(position)
        if place is None or self.session.doc is None:
            self.refused.emit(self.tr("Put the text cursor in a block of the page to correct it."))
            return
        position = max(position, place.position)
        value = dict(value)
        block = self.session.doc.articles[place.article].all_blocks()[place.key]
        offset = split_point(block.text, position - place.position)
        if op == "split":
            value["offset"] = offset
        why = refusal(op, self.session.doc, place.article, place.key, offset, value)
        if why:
            self.refused.emit(why)  # said, and nothing stored that could never apply
            return
        self._apply(op, place.article, place.key, value)

    def _apply(self, op: str, ai: int, k: int, value: dict) -> None:
        """Ask first, for the corrections that need to know more."""
        if op in ("text", "other"):
            asked = self.ask(op, ai, k)
            if asked is None:
                return
            op, value = ("text" if op == "text" else "role"), asked
        self.correct(op, ai, k, **value)

    def correct(self, op: str, ai: int, k: int, **value: object) -> None:
        """Apply one correction to block k of article ai (undoable, stored at once); the text
        cursor goes to that block (where it is in it, if it is in it) and stays on it."""
        doc = self.session.doc
        if self.session.corrector is None or doc is None:
            return
        block = doc.articles[ai].all_blocks()[k]
        position = self.body.textCursor().position()
        place = self.body.place_at(position)
        inside = place is not None and (place.article, place.key) == (ai, k)
        offset = position - place.position if place is not None and inside else 0
        mark = BlockMark(block.first, block.last, block.text, offset)
        self.session.correct(op, ai, k, mark, **value)

    def ask(self, op: str, ai: int, k: int) -> dict | None:
        doc = self.session.doc
        assert doc is not None
        block = doc.articles[ai].all_blocks()[k]
        if op == "text":
            text, ok = TextDialog.get_text(
                self.window,
                self.tr("Correct Text"),
                self.tr("The block's text:"),
                block.text,
                self.body.document().defaultFont(),
            )
            return {"new": text.strip()} if ok and text.strip() and text != block.text else None
        roles = {self.tr("Title"): "title", self.tr("Subtitle"): "subtitle",
                 self.tr("Byline"): "byline"}  # fmt: skip
        role, ok = QInputDialog.getItem(
            self.window, self.tr("Move to Another Article"), self.tr("Make it the:"),
            list(roles), 0, False,
        )  # fmt: skip
        if not ok:
            return None
        # The other articles, numbered as the page numbers them; the next one first
        # chosen (a headline printed over the story after its own).
        others = [n for n in range(len(doc.articles)) if n != ai]
        if not others:
            self.refused.emit(self.tr("The page has no other article."))
            return None
        labels = [f"{n + 1}. {doc.articles[n].label(24)}" for n in others]
        near = min(others, key=lambda n: (abs(n - ai), n < ai))
        choice, ok = QInputDialog.getItem(
            self.window, self.tr("Move to Another Article"), self.tr("Of the article:"),
            labels, others.index(near), False,
        )  # fmt: skip
        return {"role": roles[role], "article": others[labels.index(choice)]} if ok else None

    def remove(self, edit: Edit) -> None:
        self.session.remove_correction(edit)

    def show_edit(self, edit: Edit) -> None:
        """Show the text a correction was made on, found on the page as it is now, and
        make it blink: by its quote in context, as corrections themselves are found; a
        text correction by the text it gave, nearest where the block was (the page may
        print it more than once); page furniture by its text. Say so where it is gone."""
        clean = self.session.clean
        target = edit.target
        if clean is None or not target.exact.strip():
            return
        span: tuple[int, int] | None = None
        new = str(edit.value.get("new") or "") if edit.kind == "text" else ""
        if new or target.start < 0:
            quote = new or target.exact
            starts, at = [], clean.text.find(quote)
            while at >= 0:
                starts.append(at)
                at = clean.text.find(quote, at + 1)
            if starts:
                start = min(starts, key=lambda n: abs(n - target.start))
                span = (start, start + len(quote))
        elif (found := anchor(clean.text, target)) is not None:
            span = (found.start, found.end)
        if span is None:
            if edit.kind == "kind" and edit.value.get("kind") == "noise":
                # Made page furniture, the text is there but not shown, as furniture is not.
                self.refused.emit(
                    self.tr(
                        "“%1” is page furniture now, which the page does not show; Remove "
                        "Correction shows it again."
                    ).replace("%1", target.exact.strip()[:30])
                )
                return
            self.refused.emit(self.tr("The text this correction was made on is not on the page."))
            return
        self.body.flash(*span)

    # -- suggestions -----------------------------------------------------------------------

    def stop_suggesting(self) -> None:
        """Stop looking for title suggestions (the window closing, another page shown)."""
        if self._suggesting is not None:
            self._suggesting.cancelled = True

    def find_suggestions(self, doc: Document) -> None:
        if self.session.doc is not doc:
            return

        self.stop_suggesting()  # another page's: no use now

        def work(job: Job) -> list[Suggestion]:
            return suggest_titles(doc, lambda: job.cancelled)

        def done(found: list[Suggestion]) -> None:
            if self.session.doc is doc and found and self.session.corrector is not None:
                best = found[0]
                self.suggestion_bar.offer(best, doc.articles[best.article].label(16))
                self.suggestions_ready.emit(found)

        self._suggesting = self.jobs.start(work, done)

    def accept_suggestion(self, suggestion: Suggestion) -> None:
        """Give the headline's title and byline to the article (one undo step)."""
        doc = self.session.doc
        if self.session.corrector is None or doc is None or self.session.annotator is None:
            return
        if doc.articles[suggestion.headline].title != suggestion.title:
            return  # the page changed since the suggestion was made
        stack = self.session.undo_stack
        stack.beginMacro(self.tr("Use Suggested Title"))
        try:
            # The title first; the headline keeps its place while its byline is left.
            for role in ("title", "byline"):
                headline = self.session.doc.articles[suggestion.headline]  # type: ignore[union-attr]
                keys = [k for k, b in enumerate(headline.all_blocks()) if b.kind == role]
                if keys:
                    self.correct(
                        "role", suggestion.headline, keys[0], role=role, article=suggestion.article
                    )
        finally:
            stack.endMacro()
