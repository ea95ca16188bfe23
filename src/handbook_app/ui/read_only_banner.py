"""A banner for a vault opened read-only (a locked stick, a read-only file): edits are off, reading works."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from handbook_app.i18n import _

if TYPE_CHECKING:
    from handbook_app.services.handbook import Handbook


class ReadOnlyBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 4px 8px; font-weight: bold;")  # own colours, readable in dark mode too
        self.hide()

    def show_for(self, handbook: Handbook | None) -> None:
        from handbook_app.services import session

        off = handbook is not None and session.edits_off(handbook)
        if off and handbook is not None and handbook.vault.disk_full:
            text = _("Read-only: the disk is full, so edits are off. Free some space, then lock and open again.")
        elif off:
            text = _("Read-only: this vault is on a disk or in a file that cannot be written, so edits are off. "
                     "You can read, check and export it.")
        else:
            text = ""
        self.setText(text)
        self.setVisible(off)
