"""Passphrase inputs: a show/hide toggle, a caps-lock warning, and for new passphrases a strength hint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QToolButton, QVBoxLayout, QWidget

from handbook_app.i18n import N_, _
from handbook_app.services.passphrase_policy import passphrase_problem, strength
from handbook_app.ui.palette import strength_style
from handbook_app.ui.widgets.field import ERROR_STYLE, error_label
from handbook_app.ui.widgets.natural_size import grow_to_fit

STRENGTH = (N_("Very weak"), N_("Weak"), N_("Fair"), N_("Good"), N_("Strong"))


class CapsLockWatcher(QObject):
    """Qt cannot ask the keyboard for Caps Lock, so infer it from typed letters and Shift."""

    def __init__(self, edit: QLineEdit, label: QLabel) -> None:
        super().__init__(edit)
        self.label = label
        self.on = False
        edit.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_CapsLock:
                self.set(not self.on)
            else:
                text = event.text()
                if len(text) == 1 and text.isalpha() and text.upper() != text.lower():
                    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                    self.set(text.isupper() != shift)
        return False

    def set(self, on: bool) -> None:
        self.on = on
        self.label.setVisible(on)


def password_edit(parent: QWidget, name: str) -> tuple[QLineEdit, QToolButton]:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    toggle = QToolButton(parent)
    toggle.setCheckable(True)
    toggle.setObjectName(f"{name}Show")
    toggle.toggled.connect(
        lambda shown: edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password))
    return edit, toggle


class NewPassphrase(QWidget):
    """Passphrase twice, a strength hint, and the plain warning that a forgotten one cannot be recovered.

    `replacing`: the change-passphrase dialog, where this sits under "Current passphrase" and its fields are
    labelled as the new one.
    """

    def __init__(self, parent: QWidget | None = None, replacing: bool = False) -> None:
        super().__init__(parent)
        self.replacing = replacing
        from PySide6.QtWidgets import QHBoxLayout

        self.first, self.toggle = password_edit(self, "passphrase")
        self.second, _toggle2 = password_edit(self, "passphraseAgain")
        _toggle2.hide()
        self.toggle.toggled.connect(
            lambda shown: self.second.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password))
        self.strength = QProgressBar(self)
        self.strength.setRange(0, len(STRENGTH))
        self.strength.setTextVisible(True)
        self.strength.setObjectName("strength")
        self.caps = QLabel(self)
        self.caps.setStyleSheet(ERROR_STYLE)
        self.caps.hide()
        CapsLockWatcher(self.first, self.caps)
        CapsLockWatcher(self.second, self.caps)
        self.why = QLabel(self)  # the meter's reasons in plain words (issue 16 #14)
        self.why.setWordWrap(True)
        self.why.setObjectName("strengthWhy")
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setObjectName("forgetWarning")
        self.error_label = error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.first, 1)
        row.addWidget(self.toggle)
        self.first_label, self.second_label, self.strength_label = QLabel(self), QLabel(self), QLabel(self)
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.first_label, row)
        form.addRow(self.second_label, self.second)
        form.addRow(self.strength_label, self.strength)
        outer.addLayout(form)
        # Wrapped texts in a plain column (a QFormLayout's spanning rows do not grow with them).
        outer.addWidget(self.why)
        outer.addWidget(self.caps)
        outer.addWidget(self.warning)
        outer.addWidget(self.error_label)
        self.first.textChanged.connect(self._update_strength)
        self.first.textChanged.connect(lambda _t: self.error_label.hide())
        self.second.textChanged.connect(lambda _t: self.error_label.hide())
        self.retranslate()

    def retranslate(self) -> None:
        if self.replacing:
            self.first_label.setText(_("New passphrase"))
            self.second_label.setText(_("Repeat the new passphrase"))
            self.toggle.setAccessibleName(_("Show the new passphrase"))
            self.first.setAccessibleName(_("New passphrase"))
            self.second.setAccessibleName(_("New passphrase again"))
        else:
            self.first_label.setText(_("Passphrase"))
            self.second_label.setText(_("The same again"))
            self.toggle.setAccessibleName(_("Show the passphrase"))
            self.first.setAccessibleName(_("Passphrase"))
            self.second.setAccessibleName(_("Passphrase again"))
        self.strength_label.setText(_("Strength"))
        self.toggle.setText(_("Show"))
        self.first.setPlaceholderText(_("Several words are easy to remember and hard to guess"))
        self.caps.setText(_("Caps Lock is on."))
        self.warning.setText(_("Write the passphrase down and keep it somewhere safe. If it is forgotten, only the "
                               "recovery sheet you can print from Settings opens this record again — not a support "
                               "group, not the app's makers."))
        self._update_strength()

    def _update_strength(self, *_args) -> None:
        text = self.first.text()
        rated = strength(text)
        score = rated.score
        if passphrase_problem(text):
            score = min(score, 1)  # what would be refused never looks acceptable
        self.why.setText("\n".join(f"• {reason}" for reason in rated.reasons) if text else "")
        self.why.setVisible(bool(text))
        # Even "very weak" fills a visible (red) part of the bar: an empty bar does not read as a warning.
        self.strength.setValue(score + 1 if text else 0)
        self.strength.setFormat(_(STRENGTH[score]) if text else "")
        self.strength.setProperty("score", score if text else -1)
        self.strength.setStyleSheet(strength_style(score) if text else "")

    def score(self) -> int:
        return int(self.strength.property("score") if self.strength.property("score") is not None else -1)

    def check(self) -> str | None:
        message = passphrase_problem(self.first.text())
        if message is None and self.first.text() != self.second.text():
            message = _("The two passphrases are not the same.")
        if message:
            self.show_error(message)
        return message

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        grow_to_fit(self)

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
