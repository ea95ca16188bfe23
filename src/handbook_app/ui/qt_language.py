"""Qt's own texts (file dialogs, the right-click menu of text fields, message-box buttons) in the app's language.

Japanese: Qt's `qtbase_ja.qm` from PySide6's translations folder, after our `translations/qt/qt_ja.po`,
which fills the few strings it lacks ("Look in:", "Files of type:"). Vietnamese: Qt ships no
catalogue, so `translations/qt/qt_vi.po` holds our own. `make translations` compiles each .po to a .mo
beside it, which the standard library's gettext reads at start (fast, no Babel, no Qt tools): msgctxt is
"QtClass" or "QtClass|disambiguation", msgid Qt's English text. A language switch replaces the
translators and Qt re-labels its open widgets itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

from handbook_app.resources import translations_dir

Key = tuple[str, str, str]  # context, source, disambiguation ("" for none)


def po_path(lang: str) -> Path:
    """The compiled catalogue (.mo, from translations/qt/qt_LANG.po by `make translations`)."""
    return translations_dir() / "qt" / f"qt_{lang}.mo"


@cache
def po_entries(lang: str) -> dict[Key, str]:
    path = po_path(lang)
    if not path.is_file():
        return {}
    import gettext

    with path.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # keys "context\x04msgid"; the header has no context
    entries: dict[Key, str] = {}
    for key, text in catalog.items():
        if not isinstance(key, str) or "\x04" not in key or not text:
            continue
        context, source = key.split("\x04", 1)
        context, _bar, disambiguation = context.partition("|")
        entries[(context, source, disambiguation)] = str(text)
    return entries


class PoTranslator(QTranslator):
    """A QTranslator answering from a .po catalogue (Qt calls translate() for each of its own texts).

    `entries` may be a function: the catalogue is then read on Qt's first question (start-up speed)."""

    def __init__(self, entries: dict[Key, str] | Callable[[], dict[Key, str]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = entries

    @property
    def entries(self) -> dict[Key, str]:
        if callable(self._entries):
            self._entries = self._entries()
        return self._entries

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        found = self.entries.get((context, source, disambiguation or ""))
        if found is None and disambiguation:
            found = self.entries.get((context, source, ""))
        # None (a null QString) = not here: Qt asks the next translator, then keeps its English.
        # An empty string would be taken as the translation and blank the label.
        return found or None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return not callable(self._entries) and not self._entries


_installed: list[QTranslator] = []


def qt_translators(lang: str) -> list[QTranslator]:
    """Ours first (its entries win), then Qt's own catalogue when one exists for `lang`."""
    found: list[QTranslator] = []
    if po_path(lang).is_file():
        found.append(PoTranslator(lambda: po_entries(lang)))
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        found.append(qt_own)
    return found


def apply_qt_language(lang: str) -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    # installTranslator puts the newest first: install Qt's own before ours so ours is asked first.
    for translator in reversed(qt_translators(lang)):
        translator.setParent(app)
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
