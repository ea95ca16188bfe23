"""Settings' "Keep the record safe" group: the recovery sheet, backups and restore."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_datetime


class SafetyBox(QGroupBox):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyBox")
        self.window_ = window
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.last = QLabel(self)
        self.last.setObjectName("lastBackup")
        self.sheet_button = QPushButton(self)
        self.sheet_button.setObjectName("recoverySheet")
        self.sheet_button.clicked.connect(lambda: window.safety.recovery_sheet())
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName("backUp")
        self.backup_button.clicked.connect(lambda: window.safety.back_up())
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(lambda: window.safety.restore())
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.sheet_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.last)
        layout.addLayout(row)
        window.context.changed.connect(lambda _changes: self.refresh())
        self.retranslate()

    def refresh(self) -> None:
        from handbook_app.services.backup import last_backup

        hb = self.window_.context.handbook
        when = last_backup(hb) if hb is not None else None
        if hb is None:
            self.last.clear()
        elif when is None:
            self.last.setText(_("No backup of this vault yet."))
        else:
            self.last.setText(_("Last backup: {when}").format(when=format_datetime(when.astimezone(), fmt="medium")))

    def retranslate(self) -> None:
        self.setTitle(_("Keep the record safe"))
        self.intro.setText(_("Back up to a USB stick now and then: if this PC is lost or breaks, the copy keeps "
                             "your record. A recovery sheet on paper opens the vault if the passphrase is "
                             "forgotten."))
        self.backup_button.setText(_("Back up to…"))
        self.restore_button.setText(_("Restore from a backup…"))
        self.sheet_button.setText(_("Recovery sheet…"))
        self.refresh()
