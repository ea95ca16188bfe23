"""Walk every screen, tab and add-dialog in Vietnamese and Japanese and find no English left behind.

A text counts as "left behind" when it is one of our English source strings whose translation differs
from it: the widget showed the msgid instead of asking the catalogue.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)

from handbook_app.i18n import tr
from handbook_app.ui.widgets.record_list import RecordListPanel
from handbook_app.ui.workspace import NAV
from tests.ui.conftest import unlock

SRC = Path(__file__).resolve().parents[2] / "src" / "handbook_app"


def _english_source() -> set[str]:
    found = set()
    for _f, _l, message, _c, _ctx in extract_from_dir(
        str(SRC), [("**.py", "python")], keywords={"_": None, "N_": None, "tr": (2,)}
    ):
        if isinstance(message, str):
            found.add(message)
    return found


ENGLISH = _english_source()


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append((type(w).__name__, w.text()))
        if isinstance(w, QGroupBox):
            texts.append(("QGroupBox", w.title()))
        if isinstance(w, QTabWidget):
            texts += [("tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts += [("header", str(model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)))
                      for c in range(model.columnCount())]
        if w.isWindow() and w.windowTitle():
            texts.append(("title", w.windowTitle()))
    return texts


def _untranslated(texts: list[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    return [(kind, t) for kind, t in texts if t in ENGLISH and tr(lang, t) != t]


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_no_english_left_on_any_screen_or_add_dialog(qtbot, window, demo_path: Path, lang):
    window.set_language(lang)
    left: list[tuple[str, str, str]] = []
    left += [("start", *x) for x in _untranslated(_visible_texts(window), lang)]
    unlock(qtbot, window, demo_path)
    for index, item in enumerate(NAV):
        window.go_to(index)
        screen = window.workspace.screens[item.key]
        QApplication.processEvents()
        tab_widgets = [t for t in screen.findChildren(QTabWidget) if t.isVisible()] or [None]
        for tabs in tab_widgets:
            for i in range(tabs.count() if tabs else 1):
                if tabs:
                    tabs.setCurrentIndex(i)
                    QApplication.processEvents()
                left += [(item.key, *x) for x in _untranslated(_visible_texts(window), lang)]
        for panel in screen.findChildren(RecordListPanel):
            if not panel.isVisible():
                continue
            panel.add_button.click()
            dialog = panel.dialog or QApplication.activeModalWidget()
            if isinstance(dialog, QDialog):
                QApplication.processEvents()
                left += [(f"{item.key}/add", *x) for x in _untranslated(_visible_texts(dialog), lang)]
                dialog.reject()
    window.set_language("en")
    assert not left, left[:20]
