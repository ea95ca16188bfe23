"""Who is entering records now: the trainee, or a support worker (name and organisation)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from handbook_app.core.records import Actor
from handbook_app.i18n import _
from handbook_app.ui.widgets.field import ERROR_STYLE, reserve_line


class ActorPicker(QWidget):
    submitted = Signal()  # Enter in the name or organisation field: confirm, as Enter in the passphrase does

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actorPicker")
        self.question = QLabel(self)
        self.trainee = QRadioButton(self)
        self.trainee.setObjectName("actorTrainee")
        self.support = QRadioButton(self)
        self.support.setObjectName("actorSupport")
        group = QButtonGroup(self)
        group.addButton(self.trainee)
        group.addButton(self.support)
        self.trainee.setChecked(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("actorName")
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("actorOrganisation")
        self.name_label = QLabel(self)
        self.org_label = QLabel(self)
        self.name_label.setBuddy(self.name)
        self.org_label.setBuddy(self.organisation)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        reserve_line(self.error_label)
        for edit in (self.name, self.organisation):
            edit.returnPressed.connect(self.submitted.emit)
        self.name.textEdited.connect(self._name_typed)
        details = QFormLayout()
        details.setContentsMargins(24, 0, 0, 0)
        details.addRow(self.name_label, self.name)
        details.addRow(self.org_label, self.organisation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addWidget(self.trainee)
        layout.addWidget(self.support)
        layout.addLayout(details)
        layout.addWidget(self.error_label)
        self.support.toggled.connect(self._toggle)
        self._toggle(False)
        self.retranslate()

    def _name_typed(self, text: str) -> None:
        if text.strip():
            self.error_label.hide()  # the "enter your name" line goes as soon as a name is typed

    def _toggle(self, support: bool) -> None:
        for widget in (self.name, self.organisation, self.name_label, self.org_label):
            widget.setEnabled(support)
        self.error_label.hide()

    def retranslate(self) -> None:
        self.question.setText(_("Who is entering records now?"))
        self.trainee.setText(_("The trainee (myself)"))
        self.support.setText(_("A support worker helping the trainee"))
        self.name_label.setText(_("Your name"))
        self.org_label.setText(_("Organisation"))
        self.name.setAccessibleName(_("Support worker's name"))
        self.organisation.setAccessibleName(_("Support worker's organisation"))

    def set_actor(self, actor: Actor) -> None:
        if actor.kind == "support":
            self.support.setChecked(True)
            self.name.setText(actor.name)
            self.organisation.setText(actor.organisation)
        else:
            self.trainee.setChecked(True)

    def check(self) -> str | None:
        if self.support.isChecked() and not self.name.text().strip():
            message = _("Please write the support worker's name: it is recorded with every change.")
            self.error_label.setText(message)
            self.error_label.show()
            self.name.setFocus()
            return message
        self.error_label.hide()
        return None

    def actor(self) -> Actor:
        if self.support.isChecked():
            return Actor("support", self.name.text().strip(), self.organisation.text().strip())
        return Actor("trainee")

    def clear(self) -> None:
        self.trainee.setChecked(True)
        self.name.clear()
        self.organisation.clear()
