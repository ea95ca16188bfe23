"""Settings' "Keep the record safe" group: the recovery sheet, backups and restore."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from handbook_app.i18n import _


class SafetyBox(QGroupBox):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyBox")
        self.window_ = window
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.sheet_button = QPushButton(self)
        self.sheet_button.setObjectName("recoverySheet")
        self.sheet_button.clicked.connect(lambda: window.safety.recovery_sheet())
        row = QHBoxLayout()
        row.addWidget(self.sheet_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        self.buttons_row = row
        self.retranslate()

    def refresh(self) -> None:
        pass

    def retranslate(self) -> None:
        self.setTitle(_("Keep the record safe"))
        self.intro.setText(_("A recovery sheet on paper opens the vault if the passphrase is forgotten."))
        self.sheet_button.setText(_("Recovery sheet…"))
