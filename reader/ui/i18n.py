"""Interface language: Qt translators for Simplified Chinese, English as the source."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.bundled import translation

LANGUAGES = ("system", "en", "zh_CN")
# Labels of Qt's own file dialog that Qt's Chinese catalogue lacks (it has them without
# their access keys): translated in ours, which Qt looks in after its own.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
_installed: list[QTranslator] = []
_in_effect = ["en"]


def current() -> str:
    """The interface language in effect ("en" or "zh_CN")."""
    return _in_effect[0]


def resolve(code: str) -> str:
    if code == "system":
        return "zh_CN" if QLocale.system().name().startswith("zh") else "en"
    return code


def install(code: str) -> str:
    """Switch the interface language now; returns the language in effect."""
    app = QCoreApplication.instance()
    if app is None:
        return "en"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = resolve(code)
    if lang == "zh_CN":
        qm = translation("ocr_reader_zh_CN.qm")
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            # Qt's own strings too: OK, Cancel and Close in standard dialogs, the line
            # edits' and text views' context menus. Missing from some Qt builds: then
            # those stay in English and the rest is still translated.
            qt = QTranslator(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load("qtbase_zh_CN", folder):
                app.installTranslator(qt)
                _installed.append(qt)
        else:
            lang = "en"
    _in_effect[0] = lang
    return lang


def counted(text: str, *numbers: int) -> str:
    """A translated text with its %1, %2 … filled in by these numbers, thousands set
    apart (1,505)."""
    for n, number in enumerate(numbers, start=1):
        text = text.replace(f"%{n}", f"{number:,}")
    return text
