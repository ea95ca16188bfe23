"""What screens and dialogs share: the open Handbook (or None when locked) and the `changed` signal.

Passed explicitly to each screen (no global application object); screens refresh themselves from
`changed(Changes)` when the change touches their kinds (Anki's "operation executed").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from handbook_app.i18n import _

if TYPE_CHECKING:  # the services load at the first unlock, not at start-up (the start screen needs none)
    from handbook_app.services.changes import Changes
    from handbook_app.services.handbook import Handbook


class AppContext(QObject):
    changed = Signal(object)  # Changes
    unlocked = Signal()
    locked = Signal()
    actor_changed = Signal()
    facts_changed = Signal(object)  # FactsInfo: an offline update (or rollback) replaced the public facts
    facts_effect = Signal(list)  # what that changed in the open vault's wage review (said once on Home)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handbook: Handbook | None = None
        self.is_demo = False
        self._dialogs: list[QDialog] = []

    def handbook_provider(self) -> Handbook | None:
        return self.handbook

    def require(self) -> Handbook:
        if self.handbook is None or not self.handbook.is_open:
            from handbook_app.services.errors import VaultLocked

            raise VaultLocked(_("The vault is locked."))
        return self.handbook

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    # --- dialogs that must close when the vault locks ---------------------------------------------
    def track(self, dialog: QDialog) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)

    def open_dialogs(self) -> list[QDialog]:
        return list(self._dialogs)
