"""Message boxes with our own button texts (Qt's own are untranslated in Vietnamese)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets

from handbook_app.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

# QtWidgets.QMessageBox is looked up when a box is shown, not when the main window's module loads:
# making PySide6's class and its enums costs a cold start a few milliseconds for a box it may never show.


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> QMessageBox:
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    box.setObjectName("messageBox")
    return box


def inform(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    box = _box(parent, QtWidgets.QMessageBox.Icon.Information, title, text, detail)
    box.addButton(_("OK"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def error(parent: QWidget | None, text: str, title: str | None = None, detail: str = "") -> None:
    box = _box(parent, QtWidgets.QMessageBox.Icon.Warning, title or _("Something went wrong"), text, detail)
    box.addButton(_("OK"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str | None = None, detail: str = "") -> bool:
    """A question; True only when the user chose `yes` (closing the box, or a lock, means no)."""
    box = _box(parent, QtWidgets.QMessageBox.Icon.Question, title, text, detail)
    yes_button = box.addButton(yes, QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or _("Cancel"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
