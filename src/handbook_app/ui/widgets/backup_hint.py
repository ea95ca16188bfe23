"""Home's gentle line when the last backup is old (or there is none yet), with a button to back up."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class BackupHint(QFrame):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupReminder")
        self.context = context
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("backUpNow")
        self.button.clicked.connect(self._back_up)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def _back_up(self) -> None:
        window = self.window()
        safety = getattr(window, "safety", None)
        if safety is not None:
            safety.back_up()

    def refresh(self) -> None:
        from handbook_app.i18n import _
        from handbook_app.services.backup import backup_reminder

        hb = self.context.handbook
        text = backup_reminder(hb) if hb is not None else None
        self.button.setText(_("Back up now…"))
        self.text.setText(text or "")
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.text.clear()
        self.hide()
