"""Switch who is entering records (the trainee, or a named support worker) while the vault is open."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from handbook_app.core.records import Actor
from handbook_app.i18n import _
from handbook_app.ui.lang import translate_buttons
from handbook_app.ui.widgets.actor_picker import ActorPicker


class ActorDialog(QDialog):
    def __init__(self, current: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actorDialog")
        self.picker = ActorPicker(self)
        self.picker.set_actor(current)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.setWindowTitle(_("Who is entering records"))
        translate_buttons(self.buttons)

    def _accept(self) -> None:
        if not self.picker.check():
            self.accept()

    def actor(self) -> Actor:
        return self.picker.actor()
