"""The language-changed signal and our texts for Qt's standard buttons (Qt ships no Vietnamese)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from handbook_app.i18n import _, current_locale, on_locale_changed
from handbook_app.ui.qt_language import apply_qt_language
from handbook_app.ui.while_open import connect_while_open


class LanguageNotifier(QObject):
    """Turns i18n's plain listener into a Qt signal; every widget's retranslate() hangs on it."""

    changed = Signal(str)


_notifier: LanguageNotifier | None = None


def notifier() -> LanguageNotifier:
    global _notifier
    if _notifier is None:
        _notifier = LanguageNotifier()
        on_locale_changed(_notifier.changed.emit)
        _notifier.changed.connect(apply_qt_language)  # Qt's own dialogs and menus follow the app
        apply_qt_language(current_locale())
    return _notifier


def follow_language(dialog: QDialog, slot: Callable[..., object]) -> None:
    """Call `slot` on every language change while `dialog` is open."""
    connect_while_open(dialog, notifier().changed, slot)


def button_texts() -> dict[QDialogButtonBox.StandardButton, str]:
    SB = QDialogButtonBox.StandardButton
    return {
        SB.Ok: _("OK"), SB.Cancel: _("Cancel"), SB.Save: _("Save"), SB.Close: _("Close"),
        SB.Yes: _("Yes"), SB.No: _("No"), SB.Apply: _("Apply"), SB.Discard: _("Discard"),
        SB.Open: _("Open"), SB.Reset: _("Reset"), SB.Help: _("Help"),
    }


def translate_buttons(box: QDialogButtonBox) -> None:
    for which, text in button_texts().items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
