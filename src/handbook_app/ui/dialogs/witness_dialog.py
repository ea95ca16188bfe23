"""For a support worker: sign the vault's history as it is now with the organisation's key (a small dialog).

The key file stays on the worker's own stick; the app reads it, signs, and forgets it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from handbook_app.i18n import _
from handbook_app.services.errors import VaultError
from handbook_app.services.handbook import Handbook
from handbook_app.services.witness import witness
from handbook_app.ui import file_dialogs


class WitnessDialog(QDialog):
    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("witnessDialog")
        self.handbook = handbook
        self.checkpoint = None
        self.setWindowTitle(_("Witness this record"))
        intro = QLabel(_("For a support worker: sign the history as it is now with your organisation's key. "
                         "Afterwards, nobody without that key can change anything before this point unseen."), self)
        intro.setWordWrap(True)
        self.key_path = QLineEdit(self)
        self.key_path.setObjectName("witnessKeyPath")
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.key_passphrase = QLineEdit(self)
        self.key_passphrase.setObjectName("witnessKeyPassphrase")
        self.key_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.worker = QLineEdit(self)
        self.worker.setObjectName("witnessWorker")
        self.error = QLabel(self)
        self.error.setObjectName("witnessError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.key_path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_("Organisation key file"), row)
        form.addRow(_("Passphrase of the key"), self.key_passphrase)
        form.addRow(_("Your name"), self.worker)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = self.buttons.addButton(_("Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("witnessSign")
        self.buttons.accepted.connect(self._sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        path = file_dialogs.open_file(self, _("Organisation key file"))
        if path:
            self.key_path.setText(path)

    def _sign(self) -> None:
        try:
            self.checkpoint = witness(self.handbook, self.key_path.text(), self.key_passphrase.text(),
                                      worker=self.worker.text().strip())
        except VaultError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        finally:
            self.key_passphrase.clear()
        self.accept()
