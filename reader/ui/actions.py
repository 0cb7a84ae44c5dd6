"""Every action in one table: its key, text, shortcut, menu and handler. The menus, the body's
context menu, the shortcuts, Help → Keyboard Shortcuts and the translations all read it.

A handler is named "controller.method" on the window, called with the row's `args`. Menu
entries that are not actions of this table (a dock's toggle, Undo, a submenu) are rows too,
with no handler, so a menu's order is the table's order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from reader.core.kinds import CORRECTABLE, SPECS

if TYPE_CHECKING:  # PySide6's stub says it returns object; it returns the text

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "Actions"  # the translation context of every text below (lupdate reads them)
UNDO, UNDO_NAMED = QT_TRANSLATE_NOOP("Actions", "&Undo"), QT_TRANSLATE_NOOP("Actions", "&Undo %1")
REDO, REDO_NAMED = QT_TRANSLATE_NOOP("Actions", "&Redo"), QT_TRANSLATE_NOOP("Actions", "&Redo %1")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


Shortcut = str | QKeySequence.StandardKey | None
K = QKeySequence.StandardKey


@dataclass(frozen=True)
class Act:
    key: str
    text: str
    menu: str  # "file", "view/theme" (a submenu), or "" for an action in no menu
    handler: str = ""  # "controller.method" on the window; "" for a row that is not an action
    args: tuple[Any, ...] = ()
    shortcut: Shortcut = None
    checkable: bool = False
    separated: bool = False  # a separator comes before it in its menu


# The menus of the menu bar, in order, and the submenus, where they sit.
MENUS: dict[str, str] = {
    "file": QT_TRANSLATE_NOOP("Actions", "&File"),
    "edit": QT_TRANSLATE_NOOP("Actions", "&Edit"),
    "view": QT_TRANSLATE_NOOP("Actions", "&View"),
    "correct": QT_TRANSLATE_NOOP("Actions", "&Correct"),
    "annotate": QT_TRANSLATE_NOOP("Actions", "&Annotate"),
    "go": QT_TRANSLATE_NOOP("Actions", "&Go"),
    "help": QT_TRANSLATE_NOOP("Actions", "&Help"),
}
SUBMENUS: dict[str, str] = {
    "file/recent": QT_TRANSLATE_NOOP("Actions", "Open &Recent"),
    "view/theme": QT_TRANSLATE_NOOP("Actions", "&Theme"),
    "view/column": QT_TRANSLATE_NOOP("Actions", "Text &Width"),
    "view/language": QT_TRANSLATE_NOOP("Actions", "Languag&e"),
    "correct/kind": QT_TRANSLATE_NOOP("Actions", "Block &Kind"),
}


def _fix(key: str, text: str, op: str, shortcut: Shortcut = None, menu: str = "correct",
         separated: bool = False, **value: Any) -> Act:  # fmt: skip
    """A correction of the block at the text cursor (or under the context menu)."""
    return Act(key, text, menu, "fixes.correct_at_cursor", (op, value), shortcut,
               separated=separated)  # fmt: skip


# The text (with its mnemonic) and shortcut of the kinds a correction may set, by kind and
# heading level. A kind of the table of kinds that is not here still gets its row, named
# by the table's label.
_KIND_TEXTS: dict[tuple[str, int | None], tuple[str, Shortcut]] = {
    ("paragraph", None): (QT_TRANSLATE_NOOP("Actions", "&Paragraph"), "Ctrl+Alt+0"),
    ("heading", 1): (QT_TRANSLATE_NOOP("Actions", "Heading, Level &1"), "Ctrl+Alt+1"),
    ("heading", 2): (QT_TRANSLATE_NOOP("Actions", "Heading, Level &2"), "Ctrl+Alt+2"),
    ("heading", 3): (QT_TRANSLATE_NOOP("Actions", "Heading, Level &3"), "Ctrl+Alt+3"),
    ("question", 1): (QT_TRANSLATE_NOOP("Actions", "&Question"), None),
    ("caption", None): (QT_TRANSLATE_NOOP("Actions", "Photo &Caption"), None),
    ("end", None): (QT_TRANSLATE_NOOP("Actions", "&End Matter"), None),
    ("dateline", None): (QT_TRANSLATE_NOOP("Actions", "&Dateline"), None),
    ("noise", None): (QT_TRANSLATE_NOOP("Actions", "Page &Furniture"), None),
}


def _kind_rows() -> list[Act]:
    """A row of the Block Kind submenu for each kind (and heading level) a correction may
    set, from the table of kinds."""
    rows = []
    for kind in CORRECTABLE:
        spec = SPECS[kind]
        for level in range(1, spec.levels + 1) if spec.levels else (None,):
            label = f"{spec.label}, Level {level}" if spec.levels > 1 else spec.label
            text, shortcut = _KIND_TEXTS.get((str(kind), level), (label, None))
            value: dict[str, Any] = {"kind": str(kind)}
            if level is not None:
                value["level"] = level
            key = f"fix_{kind}{level if spec.levels > 1 else ''}"
            rows.append(_fix(key, text, "kind", shortcut, "correct/kind", **value))
    return rows


ACTIONS: tuple[Act, ...] = (
    Act("open", QT_TRANSLATE_NOOP("Actions", "&Open…"), "file", "files.choose", shortcut=K.Open),
    Act(
        "open_folder",
        QT_TRANSLATE_NOOP("Actions", "Open &Folder…"),
        "file",
        "librarian.choose_folder",
        shortcut="Ctrl+Shift+O",
    ),
    Act("recent", "", "file/recent"),
    Act(
        "export",
        QT_TRANSLATE_NOOP("Actions", "&Export…"),
        "file",
        "exports.open_export",
        shortcut="Ctrl+E",
        separated=True,
    ),
    Act(
        "export_marked",
        QT_TRANSLATE_NOOP("Actions", "Export Page with &Highlights…"),
        "file",
        "exports.export_marked",
    ),
    Act(
        "quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        "file",
        "close",
        shortcut="Ctrl+Q",
        separated=True,
    ),
    Act("undo", "", "edit"),
    Act("redo", "", "edit"),
    Act(
        "copy_citation",
        QT_TRANSLATE_NOOP("Actions", "Copy with &Citation"),
        "edit",
        "exports.copy_citation",
        shortcut="Ctrl+Shift+C",
        separated=True,
    ),
    Act(
        "citation_template",
        QT_TRANSLATE_NOOP("Actions", "Citation &Template…"),
        "edit",
        "exports.citation_template",
    ),
    Act(
        "search_library",
        QT_TRANSLATE_NOOP("Actions", "&Search Library…"),
        "edit",
        "librarian.show_search",
        shortcut="Ctrl+Shift+F",
        separated=True,
    ),
    Act(
        "add_word",
        QT_TRANSLATE_NOOP("Actions", "Add Word to &Dictionary…"),
        "edit",
        "librarian.add_word",
    ),
    Act(
        "find",
        QT_TRANSLATE_NOOP("Actions", "&Find in Page…"),
        "view",
        "findbar.open",
        shortcut=K.Find,
    ),
    Act("dock:outline", "", "view", separated=True),
    Act("dock:annotations", "", "view"),
    Act("dock:tags", "", "view"),
    Act("dock:library", "", "view"),
    Act("dock:search", "", "view"),
    Act("dock:corrections", "", "view"),
    Act("dock:scan", "", "view"),
    Act(
        "source",
        QT_TRANSLATE_NOOP("Actions", "&Source View"),
        "view",
        "view.show_source",
        shortcut="F4",
        checkable=True,
    ),
    Act(
        "noise",
        QT_TRANSLATE_NOOP("Actions", "Show &Page Furniture"),
        "view",
        "view.show_noise",
        checkable=True,
    ),
    Act(
        "decisions",
        QT_TRANSLATE_NOOP("Actions", "Show Automatic &Decisions"),
        "view",
        "view.show_decisions",
        checkable=True,
    ),
    Act(
        "full_screen",
        QT_TRANSLATE_NOOP("Actions", "F&ull Screen"),
        "view",
        "room.set_full_screen",
        shortcut="F11",
        checkable=True,
        separated=True,
    ),
    Act(
        "reading_mode",
        QT_TRANSLATE_NOOP("Actions", "&Reading Mode"),
        "view",
        "room.set_reading",
        shortcut="Ctrl+Shift+R",
        checkable=True,
    ),
    Act(
        "zoom_in",
        QT_TRANSLATE_NOOP("Actions", "&Larger Text"),
        "view",
        "view.zoom",
        (1,),
        "Ctrl++",
        separated=True,
    ),
    Act(
        "zoom_out",
        QT_TRANSLATE_NOOP("Actions", "S&maller Text"),
        "view",
        "view.zoom",
        (-1,),
        "Ctrl+-",
    ),
    Act(
        "zoom_reset",
        QT_TRANSLATE_NOOP("Actions", "Reset Te&xt Size"),
        "view",
        "view.zoom",
        (0,),
        "Ctrl+0",
    ),
    Act("font", QT_TRANSLATE_NOOP("Actions", "F&ont…"), "view", "view.choose_font"),
    Act("theme", "", "view/theme"),
    Act("column", "", "view/column"),
    Act("language", "", "view/language", separated=True),
    # Every correction, at the text cursor; the body's context menu offers the same rows.
    _fix("fix_join", QT_TRANSLATE_NOOP("Actions", "&Join with Next Block"), "join", "Ctrl+J"),
    _fix(
        "fix_split",
        QT_TRANSLATE_NOOP("Actions", "&Split Here"),
        "split",
        "Ctrl+Return",
        offset=None,
    ),
    Act("kind", "", "correct/kind"),
    *_kind_rows(),
    _fix(
        "fix_new_article",
        QT_TRANSLATE_NOOP("Actions", "Start &New Article Here"),
        "new_article",
        "Ctrl+Shift+N",
        separated=True,
    ),
    _fix(
        "fix_merge",
        QT_TRANSLATE_NOOP("Actions", "&Merge Article with Previous"),
        "merge_article",
        "Ctrl+Shift+M",
    ),
    _fix(
        "fix_title",
        QT_TRANSLATE_NOOP("Actions", "Make &Title"),
        "role",
        "Ctrl+Alt+T",
        separated=True,
        role="title",
    ),
    _fix(
        "fix_subtitle",
        QT_TRANSLATE_NOOP("Actions", "Make S&ubtitle"),
        "role",
        None,
        role="subtitle",
    ),
    _fix(
        "fix_byline",
        QT_TRANSLATE_NOOP("Actions", "Make &Byline"),
        "role",
        "Ctrl+Alt+B",
        role="byline",
    ),
    _fix(
        "fix_other",
        QT_TRANSLATE_NOOP("Actions", "Make Title or Byline of &Another Article…"),
        "other",
    ),
    _fix("fix_text", QT_TRANSLATE_NOOP("Actions", "Co&rrect Text…"), "text", "F2", separated=True),
    Act(
        "highlight",
        QT_TRANSLATE_NOOP("Actions", "&Highlight"),
        "annotate",
        "annotations.annotate_selection",
        ("highlight",),
        "H",
    ),
    Act(
        "tag",
        QT_TRANSLATE_NOOP("Actions", "&Tag…"),
        "annotate",
        "annotations.annotate_selection",
        ("tag",),
        "T",
    ),
    Act(
        "note",
        QT_TRANSLATE_NOOP("Actions", "Add &Note…"),
        "annotate",
        "annotations.annotate_selection",
        ("note",),
        "N",
    ),
    Act(
        "export_annotations",
        QT_TRANSLATE_NOOP("Actions", "&Export Annotations…"),
        "annotate",
        "exports.export_annotations",
        separated=True,
    ),
    Act(
        "import_annotations",
        QT_TRANSLATE_NOOP("Actions", "&Import Annotations…"),
        "annotate",
        "exports.choose_import",
    ),
    # n and p themselves are handled by the body, so they never fire while typing.
    Act(
        "next",
        QT_TRANSLATE_NOOP("Actions", "&Next Article"),
        "go",
        "body.jump_article",
        (1,),
        "Ctrl+]",
    ),
    Act(
        "prev",
        QT_TRANSLATE_NOOP("Actions", "&Previous Article"),
        "go",
        "body.jump_article",
        (-1,),
        "Ctrl+[",
    ),
    Act(
        "back",
        QT_TRANSLATE_NOOP("Actions", "&Back"),
        "go",
        "reading.go_back",
        shortcut="Alt+Left",
        separated=True,
    ),
    Act(
        "forward",
        QT_TRANSLATE_NOOP("Actions", "For&ward"),
        "go",
        "reading.go_forward",
        shortcut="Alt+Right",
    ),
    Act("shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), "help", "show_shortcuts"),
    Act("about", QT_TRANSLATE_NOOP("Actions", "&About ocr-reader"), "help", "show_about"),
)
BY_KEY = {act.key: act for act in ACTIONS}
CORRECT_SUBMENU = QT_TRANSLATE_NOOP("Actions", "Correct")  # the body's context menu
# Keys the text view handles itself, listed with the actions they match.
BODY_KEYS = {"next": "N", "prev": "P"}
# The exclusive choices of the View menu, and the text of each.
CHOICES: dict[str, dict[str, str]] = {
    "theme": {
        "light": QT_TRANSLATE_NOOP("Actions", "&Light"),
        "sepia": QT_TRANSLATE_NOOP("Actions", "&Sepia"),
        "dark": QT_TRANSLATE_NOOP("Actions", "&Dark"),
    },
    "column": {
        "narrow": QT_TRANSLATE_NOOP("Actions", "&Narrow"),
        "medium": QT_TRANSLATE_NOOP("Actions", "&Medium"),
        "wide": QT_TRANSLATE_NOOP("Actions", "&Wide"),
    },
    "language": {
        "system": QT_TRANSLATE_NOOP("Actions", "&System Language"),
        "en": "&English",
        "zh_CN": "简体中文(&C)",
    },
}


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Shift+Z, Ctrl+Y and the platform's own Redo keys, each once. Where the platform's
    Redo is Ctrl+Shift+Z too (Linux desktops), a sequence given twice is an ambiguous
    shortcut, which Qt warns about instead of redoing."""
    keys: list[QKeySequence] = []
    for key in (
        QKeySequence("Ctrl+Shift+Z"),
        QKeySequence("Ctrl+Y"),
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
    ):
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys


def resolve(owner: object, handler: str) -> Callable[..., object]:
    """The callable a row names, on `owner` (the window)."""
    target: Any = owner
    for name in handler.split("."):
        target = getattr(target, name)
    return target


class ActionSet:
    """The table's actions, made once for a window, and its menus."""

    def __init__(self, window: Any, choices: Mapping[str, tuple[str, Callable[[str], object]]]):
        self.window = window
        self.by_key: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.groups: dict[str, QActionGroup] = {}
        for act in ACTIONS:
            if act.handler:
                self.by_key[act.key] = self._make(act)
        # Ctrl+= is what Ctrl++ is typed as on most keyboards.
        self.by_key["zoom_in"].setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        # Undo and Redo are actions of ours, not the undo group's own: those keep the
        # words "Undo %1" of the language they were made in when the language changes.
        group = window.session.undo_group
        self.undo, self.redo = QAction(window), QAction(window)
        self.undo.triggered.connect(group.undo)
        self.redo.triggered.connect(group.redo)
        for signal in (
            group.undoTextChanged,
            group.redoTextChanged,
            group.canUndoChanged,
            group.canRedoChanged,
        ):
            signal.connect(self._undo_texts)
        self._undo_texts()
        self.undo.setShortcut(K.Undo)
        self.redo.setShortcuts(redo_keys())
        window.addAction(self.undo)
        window.addAction(self.redo)
        for name, (current, handler) in choices.items():
            self.groups[name] = self._choices(CHOICES[name], current, handler)

    def _make(self, act: Act) -> QAction:
        action = QAction(self.window)
        if act.shortcut is not None:
            action.setShortcut(QKeySequence(act.shortcut))
        action.setCheckable(act.checkable)
        # Looked up when triggered: the window makes some handlers' owners after its actions.
        if act.checkable:
            action.toggled.connect(lambda on, h=act.handler: resolve(self.window, h)(on))
        else:
            action.triggered.connect(
                lambda _c=False, h=act.handler, a=act.args: resolve(self.window, h)(*a)
            )
        self.window.addAction(action)
        return action

    def _choices(
        self, values: dict[str, str], current: str, handler: Callable[[str], object]
    ) -> QActionGroup:
        """An exclusive group of checkable actions, one for each value."""
        group = QActionGroup(self.window)
        for value in values:
            action = QAction(self.window, checkable=True)
            action.setData(value)
            action.setChecked(value == current)
            action.triggered.connect(lambda _c=False, value=value: handler(value))
            group.addAction(action)
        return group

    def build_menus(self, bar: QMenuBar, docks: dict[str, QAction]) -> None:
        """The menu bar, in the table's order."""
        for name in MENUS:
            self.menus[name] = bar.addMenu("")
        # A greyed-out panel's tooltip says why it is (View → Scan on a page without one).
        self.menus["view"].setToolTipsVisible(True)
        for path in SUBMENUS:
            parent, name = path.split("/")
            self.menus[name] = QMenu(self.menus[parent])
        for act in ACTIONS:
            parent, _, sub = act.menu.partition("/")
            if not parent:
                continue
            menu = self.menus[sub or parent]
            if act.separated:
                menu.addSeparator()
            if act.key == sub:  # the row that places the submenu itself
                self.menus[parent].addMenu(menu)
                if sub in self.groups:
                    menu.addActions(self.groups[sub].actions())
            elif act.key.startswith("dock:"):
                menu.addAction(docks[act.key[5:]])
            elif act.key in ("undo", "redo"):
                menu.addAction(self.undo if act.key == "undo" else self.redo)
            elif act.key != sub:
                menu.addAction(self.by_key[act.key])

    def _undo_texts(self, *_changed: object) -> None:
        group = self.window.session.undo_group
        for action, can, text, named, bare in (
            (self.undo, group.canUndo(), group.undoText(), UNDO_NAMED, UNDO),
            (self.redo, group.canRedo(), group.redoText(), REDO_NAMED, REDO),
        ):
            action.setEnabled(can)
            action.setText(tr(named).replace("%1", text) if can and text else tr(bare))

    def retranslate(self) -> None:
        # The changes made so far are named again in the language switched to.
        group = self.window.session.undo_group
        for stack in group.stacks():
            for k in range(stack.count()):
                retranslate = getattr(stack.command(k), "retranslate", None)
                if retranslate is not None:
                    retranslate()
        self._undo_texts()
        for key, action in self.by_key.items():
            action.setText(tr(BY_KEY[key].text))
        for name, menu in self.menus.items():
            menu.setTitle(tr(MENUS.get(name) or next(
                t for p, t in SUBMENUS.items() if p.endswith("/" + name)
            )))  # fmt: skip
        for name, group in self.groups.items():
            for action in group.actions():
                action.setText(tr(CHOICES[name][action.data()]))

    def correction_rows(self) -> list[Act]:
        """The correction rows, in the Correct menu's order (the kind submenu's with them)."""
        return [a for a in ACTIONS if a.menu.startswith("correct") and a.handler]


def context_menu(
    parent: QMenu, rows: Sequence[Act], enabled: Callable[[Act], bool],
    trigger: Callable[[Act], None], owner: QObject,
) -> QMenu:  # fmt: skip
    """The Correct submenu of the body's context menu: the same rows as the Correct menu,
    each acting on the block under the menu."""
    menu = QMenu(tr(CORRECT_SUBMENU), parent)
    kinds = None
    for act in rows:
        target = menu
        if act.menu == "correct/kind":
            if kinds is None:
                kinds = menu.addMenu(tr(SUBMENUS["correct/kind"]))
            target = kinds
        elif act.separated:
            menu.addSeparator()
        action = target.addAction(tr(act.text))
        if act.shortcut is not None:
            # Shown as in the Correct menu (Ctrl+J); active only while this menu is open,
            # a window of its own, so never an ambiguous shortcut with the menu bar's.
            action.setShortcut(QKeySequence(act.shortcut))
            action.setShortcutVisibleInContextMenu(True)
        action.setEnabled(enabled(act))
        action.triggered.connect(lambda _c=False, act=act: trigger(act))
    return menu
