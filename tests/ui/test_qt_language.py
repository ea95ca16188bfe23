"""Issue 16 item 8: Qt's own file dialog, text-field menu and message-box buttons speak the app's language.

The file dialog is the app's own (file_dialogs.open_file / save_file, Qt's non-native dialog) and is read
while it is open; the context menu is the one a right click on any text field shows.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
)

from handbook_app.i18n import set_locale
from handbook_app.ui import file_dialogs
from handbook_app.ui.lang import notifier
from handbook_app.ui.qt_language import po_entries

EXPECTED = {
    # language: (file dialog labels, open button, name column, context menu items)
    "vi": ({"Tìm trong:", "Tên tệp:", "Loại tệp:"}, "Mở", "Tên", {"Hoàn tác", "Dán", "Chọn tất cả"}),
    "ja": ({"場所:", "ファイル名:", "ファイルの種類:"}, "開く", "名前", {"元に戻す", "貼り付け", "すべてを選択"}),
    "en": ({"Look in:", "File name:", "Files of type:"}, "Open", "Name", {"Undo", "Paste", "Select All"}),
}


def _plain(text: str) -> str:
    """A label or action text as the user reads it: without the mnemonic '&', shortcut and '(&X)'."""
    return re.sub(r"\(&.\)", "", text.split("\t")[0]).replace("&", "").strip()


def _read_open_file_dialog(qtbot, parent) -> dict:
    seen: dict = {}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, poll)
            return
        qtbot.wait(50)
        seen["labels"] = {_plain(w.text()) for w in dialog.findChildren(QLabel) if w.isVisible()}
        seen["buttons"] = {_plain(b.text()) for b in dialog.findChildren(QPushButton) if b.isVisible()}
        tree = dialog.findChild(QTreeView)
        seen["column"] = tree.model().headerData(0, Qt.Orientation.Horizontal)
        seen["name_field"] = dialog.findChild(QLineEdit, "fileNameEdit").text()
        dialog.reject()

    QTimer.singleShot(20, poll)
    file_dialogs.open_file(parent, "x", "", "PDF (*.pdf)")
    return seen


@pytest.mark.parametrize("lang", ["vi", "ja", "en"])
def test_file_dialog_and_context_menu_in_the_app_language(qtbot, lang: str):
    notifier()  # the app's language signal: Qt's translators follow it
    set_locale(lang)
    labels, open_text, column, menu_items = EXPECTED[lang]
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    seen = _read_open_file_dialog(qtbot, field)
    assert labels <= seen["labels"], seen["labels"]
    assert open_text in seen["buttons"], seen["buttons"]
    assert seen["column"] == column
    assert seen["name_field"] == ""

    for widget in (field, QPlainTextEdit()):
        qtbot.addWidget(widget)
        menu = widget.createStandardContextMenu()
        items = {_plain(a.text()) for a in menu.actions() if not a.isSeparator()}
        assert menu_items <= items, items


def test_language_switch_relabels_an_open_message_box(qtbot):
    notifier()
    set_locale("en")
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.show()
    set_locale("vi")
    qtbot.wait(20)
    assert _plain(box.button(QMessageBox.StandardButton.Yes).text()) == "Có"
    set_locale("ja")
    qtbot.wait(20)
    assert _plain(box.button(QMessageBox.StandardButton.No).text()) == "いいえ"


def test_vietnamese_qt_catalogue_is_complete_and_keeps_placeholders():
    vi = po_entries("vi")
    ja_missing = po_entries("ja")
    assert len(vi) >= 60
    for (context, source, _dis), text in vi.items():
        assert text.strip(), (context, source)
        assert text.count("%1") == source.count("%1"), (context, source)
        assert ("&" in text) == ("&" in source), (context, source)  # a mnemonic where Qt has one
    assert ("QFileDialog", "&Look in:", "") in ja_missing  # Qt's own qtbase_ja lacks it


def test_default_pdf_name_in_the_user_language(qtbot, window, demo_path):
    from tests.ui.conftest import unlock

    unlock(qtbot, window, demo_path)
    screen = window.workspace.show_key("reports")
    for lang, start in (("vi", "ho-so-bang-chung-"), ("ja", "証拠資料一式-"), ("en", "evidence-pack-")):
        window.set_language(lang)
        screen.set_kind("evidence")
        assert screen.suggested_name().startswith(start)


def test_the_compiled_qt_catalogues_match_their_po_files():
    """The app reads translations/qt/qt_LANG.mo (fast, at start); it must say what the .po says (`make translations`)."""
    from babel.messages.pofile import read_po

    from handbook_app.resources import translations_dir

    for lang in ("vi", "ja"):
        with (translations_dir() / "qt" / f"qt_{lang}.po").open("rb") as handle:
            catalog = read_po(handle)
        expected = {}
        for m in catalog:
            if m.id and m.string and m.context:
                context, _bar, disambiguation = m.context.partition("|")
                expected[(context, str(m.id), disambiguation)] = str(m.string)
        assert expected and po_entries(lang) == expected, f"qt_{lang}.mo is stale: run `make translations`"
