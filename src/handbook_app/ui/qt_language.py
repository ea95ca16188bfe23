"""Qt's own texts (file dialogs, the right-click menu of text fields, message-box buttons) in the app's language.

Japanese: Qt's `qtbase_ja.qm` from PySide6's translations folder, after our `translations/qt/qt_ja.po`,
which fills the few strings it lacks ("Look in:", "Files of type:"). Vietnamese: Qt ships no
catalogue, so `translations/qt/qt_vi.po` holds our own. The .po files are read at run time with Babel
(no build step, no Qt tools needed): msgctxt is "QtClass" or "QtClass|disambiguation", msgid Qt's
English text. A language switch replaces the translators and Qt re-labels its open widgets itself.
"""

from __future__ import annotations

from functools import cache

from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

from handbook_app.resources import translations_dir

Key = tuple[str, str, str]  # context, source, disambiguation ("" for none)


@cache
def po_entries(lang: str) -> dict[Key, str]:
    path = translations_dir() / "qt" / f"qt_{lang}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle)
    entries: dict[Key, str] = {}
    for message in catalog:
        if not message.id or not message.string or not message.context:
            continue
        context, _bar, disambiguation = message.context.partition("|")
        entries[(context, str(message.id), disambiguation)] = str(message.string)
    return entries


class PoTranslator(QTranslator):
    """A QTranslator answering from a .po catalogue (Qt calls translate() for each of its own texts)."""

    def __init__(self, entries: dict[Key, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries = entries

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        found = self.entries.get((context, source, disambiguation or ""))
        if found is None and disambiguation:
            found = self.entries.get((context, source, ""))
        # None (a null QString) = not here: Qt asks the next translator, then keeps its English.
        # An empty string would be taken as the translation and blank the label.
        return found or None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return not self.entries


_installed: list[QTranslator] = []


def qt_translators(lang: str) -> list[QTranslator]:
    """Ours first (its entries win), then Qt's own catalogue when one exists for `lang`."""
    found: list[QTranslator] = []
    entries = po_entries(lang)
    if entries:
        found.append(PoTranslator(entries))
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
