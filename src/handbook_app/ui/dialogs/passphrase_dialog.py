"""Change the passphrase: the new one twice, with the strength hint and the can't-recover warning."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from handbook_app.i18n import _
from handbook_app.ui.lang import translate_buttons
from handbook_app.ui.widgets.passphrase import NewPassphrase


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.fields = NewPassphrase(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.setWindowTitle(_("Change the passphrase"))
        self.intro.setText(_("The vault is re-encrypted with the new passphrase. If anything goes wrong, "
                             "the old passphrase keeps working."))
        translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Change"))
        self.resize(520, 0)

    def _accept(self) -> None:
        if not self.fields.check():
            self.accept()

    def passphrase(self) -> str:
        return self.fields.passphrase()
