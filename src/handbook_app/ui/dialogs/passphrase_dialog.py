"""Change the passphrase: the current one first, then the new one twice, with the strength hint and the
can't-recover warning. Someone who finds the app unlocked cannot lock the owner out without the current one.

The dialog stays open while the vault is re-keyed: a wrong current passphrase (or a refused new one)
shows beside its field and nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from handbook_app.i18n import _
from handbook_app.ui.lang import translate_buttons
from handbook_app.ui.widgets.field import ERROR_STYLE, error_label
from handbook_app.ui.widgets.natural_size import grow_to_fit, open_at_natural_size
from handbook_app.ui.widgets.passphrase import (
    CapsLockWatcher,
    NewPassphrase,
    password_edit,
)


class ChangePassphraseDialog(QDialog):
    submitted = Signal(str, str)  # current passphrase, new passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.current, self.current_toggle = password_edit(self, "currentPassphrase")
        self.current_toggle.hide()
        self.current_label = QLabel(self)
        self.current_label.setBuddy(self.current)
        self.current_error = error_label(self, "currentError")
        self.current_caps = QLabel(self)
        self.current_caps.setStyleSheet(ERROR_STYLE)
        self.current_caps.hide()
        CapsLockWatcher(self.current, self.current_caps)
        self.current.textChanged.connect(lambda _t: self.current_error.hide())
        self.fields = NewPassphrase(self, replacing=True)
        self.status = QLabel(self)
        self.status.setObjectName("changeStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        current_form = QFormLayout()
        current_form.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.current, 1)
        current_form.addRow(self.current_label, row)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.intro)
        layout.addLayout(current_form)
        layout.addWidget(self.current_caps)
        layout.addWidget(self.current_error)
        layout.addSpacing(6)
        layout.addWidget(self.fields)
        layout.addStretch(1)  # spare height below the fields, never between a field and its error
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.buttons)
        layout.addLayout(buttons)
        self.setWindowTitle(_("Change the passphrase"))
        self.intro.setText(_("The vault is re-encrypted with the new passphrase. If anything goes wrong, "
                             "the old passphrase keeps working."))
        self.current_label.setText(_("Current passphrase"))
        self.current.setAccessibleName(_("Current passphrase"))
        self.current_caps.setText(_("Caps Lock is on."))
        translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Change"))
        # One label column for the current and the new passphrase (they are two form layouts).
        labels = (self.current_label, self.fields.first_label, self.fields.second_label, self.fields.strength_label)
        widest = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(widest)
        open_at_natural_size(self, 540)

    def _accept(self) -> None:
        bad = False
        if not self.current.text():
            self.show_current_error(_("Please enter the current passphrase."))
            bad = True
        if self.fields.check():
            bad = True
        if bad:
            grow_to_fit(self)
            return
        self.submitted.emit(self.current.text(), self.fields.passphrase())

    def show_current_error(self, message: str) -> None:
        self.current_error.setText(message)
        self.current_error.show()
        self.current.selectAll()
        self.current.setFocus()
        grow_to_fit(self)

    def show_new_error(self, message: str) -> None:
        self.fields.show_error(message)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.current, self.fields, self.buttons):
            widget.setEnabled(not busy)
        self.status.setText(_("Re-encrypting the vault…") if busy else "")

    def current_passphrase(self) -> str:
        return self.current.text()

    def passphrase(self) -> str:
        return self.fields.passphrase()

    def done(self, result: int) -> None:
        for edit in (self.current, self.fields.first, self.fields.second):
            edit.clear()  # passphrases do not linger in a closed dialog
        super().done(result)

