"""Unlock: passphrase (hidden, with show/hide and a caps-lock warning), who is entering, and a neutral
message on failure; after repeated failures the button waits, counting down."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from handbook_app.core.records import Actor
from handbook_app.i18n import _, ngettext
from handbook_app.services.session import wait_needed
from handbook_app.ui.screens.start_screen import (
    centre_in,
    help_buttons,
    help_row,
    request_guide,
    request_help,
)
from handbook_app.ui.widgets.actor_picker import ActorPicker
from handbook_app.ui.widgets.field import ERROR_STYLE, error_label
from handbook_app.ui.widgets.passphrase import CapsLockWatcher, password_edit


class UnlockScreen(QWidget):
    unlock_requested = Signal(str, object)  # passphrase, Actor
    back_requested = Signal()
    recover_requested = Signal()  # "Forgot the passphrase?": open with the recovery sheet's code
    help_requested = Signal()  # "Help now (F1)" clicked; with no receiver the screen opens Help now itself
    guide_requested = Signal()  # "Rights guide" clicked; with no receiver the screen opens a guide window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockScreen")
        self.path: Path | None = None
        self.demo = False
        self._wait_left = 0
        self._busy = False
        self._error_text = ""

        self.heading = QLabel(self)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("vaultFile")
        self.file_label.setWordWrap(True)
        self.passphrase, self.show_toggle = password_edit(self, "unlockPassphrase")
        self.passphrase.returnPressed.connect(self._submit)
        self.passphrase.textEdited.connect(lambda _t: self._clear_error())
        self.caps = QLabel(self)
        self.caps.setObjectName("capsLock")
        self.caps.setStyleSheet(ERROR_STYLE)
        self.caps.hide()
        self.caps_watcher = CapsLockWatcher(self.passphrase, self.caps)
        self.hint = QLabel(self)
        self.hint.setObjectName("demoHint")
        self.hint.hide()
        self.message = error_label(self, "unlockMessage")
        self.status = QLabel(self)
        self.status.setObjectName("unlockStatus")
        self.actor_picker = ActorPicker(self)
        self.actor_picker.submitted.connect(self._submit)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.forgot_button = QPushButton(self)
        self.forgot_button.setObjectName("forgotButton")
        self.forgot_button.clicked.connect(self.recover_requested.emit)
        self.help_button, self.guide_button = help_buttons(self)
        self.help_button.clicked.connect(self.open_help_now)
        self.guide_button.clicked.connect(self.open_guide)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)

        box = QFrame(self)
        box.setMaximumWidth(560)
        inner = QVBoxLayout(box)
        inner.addWidget(self.heading)
        inner.addWidget(self.file_label)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.show_toggle)
        self.pass_label = QLabel(box)
        self.pass_label.setBuddy(self.passphrase)
        inner.addWidget(self.pass_label)
        inner.addLayout(row)
        inner.addWidget(self.caps)
        inner.addWidget(self.hint)
        inner.addWidget(self.message)
        forgot = QHBoxLayout()
        forgot.addStretch(1)
        forgot.addWidget(self.forgot_button)
        inner.addLayout(forgot)
        inner.addSpacing(8)
        inner.addWidget(self.actor_picker)
        inner.addSpacing(8)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        inner.addSpacing(16)
        inner.addLayout(help_row(self.help_button, self.guide_button))
        centre_in(self, box, 3)
        self.retranslate()

    def open_help_now(self) -> None:
        request_help(self, self.help_requested)

    def open_guide(self) -> None:
        request_guide(self, self.guide_requested)

    # --- state -----------------------------------------------------------------------------------
    def set_vault(self, path: Path, demo: bool = False) -> None:
        self.path = Path(path)
        self.demo = demo
        self.passphrase.clear()
        self.show_toggle.setChecked(False)
        self._clear_error()
        self.set_busy(False)
        self.hint.setVisible(demo)
        self.start_wait(wait_needed(self.path))
        self.retranslate()
        self.passphrase.setFocus()

    def clear(self) -> None:
        self.passphrase.clear()
        self.show_toggle.setChecked(False)
        self.actor_picker.clear()
        self._clear_error()

    def set_actor(self, actor: Actor | None) -> None:
        """Pre-select who is entering (the last choice for this vault, kept in memory only); None: the trainee."""
        self.actor_picker.clear()
        if actor is not None:
            self.actor_picker.set_actor(actor)

    def set_busy(self, busy: bool, text: str | None = None) -> None:
        self._busy = busy
        self._busy_text = text
        self.passphrase.setEnabled(not busy)
        self._update_button()
        self._update_status()

    def show_error(self, text: str) -> None:
        self._error_text = text
        self.message.setText(text)
        self.message.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _clear_error(self) -> None:
        self._error_text = ""
        self.message.hide()

    def start_wait(self, seconds: float) -> None:
        self._wait_left = seconds
        self._wait_until = None
        if seconds > 0:
            import time

            self._wait_until = time.monotonic() + seconds
            self.timer.start()
        self._tick()

    def waiting(self) -> float:
        return max(0.0, self._wait_left)

    def _tick(self) -> None:
        import time

        if getattr(self, "_wait_until", None) is not None:
            self._wait_left = max(0.0, self._wait_until - time.monotonic())
        if self._wait_left <= 0:
            self.timer.stop()
            self._wait_until = None
        self._update_button()
        self._update_status()

    def _update_button(self) -> None:
        self.unlock_button.setEnabled(not self._busy and self._wait_left <= 0)

    def _update_status(self) -> None:
        if self._busy:
            self.status.setText(self._busy_text or _("Opening…"))
        elif self._wait_left > 0:
            seconds = math.ceil(self._wait_left)
            self.status.setText(ngettext("Wait {count} second", "Wait {count} seconds", seconds).format(count=seconds))
        else:
            self.status.clear()

    def _submit(self) -> None:
        if self._busy or self._wait_left > 0:
            return
        self._clear_error()  # an old message must not sit beside a new, different one
        if not self.passphrase.text():
            self.show_error(_("Please enter the passphrase."))
            return
        if self.actor_picker.check():
            return
        self._clear_error()
        self.unlock_requested.emit(self.passphrase.text(), self.actor_picker.actor())

    def actor(self) -> Actor:
        return self.actor_picker.actor()

    # --- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText("<h2>" + _("Unlock your vault") + "</h2>")
        # The full path, so the trainee always knows where the record is (zero-width spaces let it wrap).
        shown = str(self.path).replace("/", "/\u200b").replace("\\", "\\\u200b") if self.path else ""
        self.file_label.setText(_("Vault file: {path}").format(path=shown) if shown else "")
        self.file_label.setToolTip(str(self.path or ""))
        self.pass_label.setText(_("Passphrase"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.show_toggle.setText(_("Show"))
        self.show_toggle.setAccessibleName(_("Show the passphrase"))
        self.caps.setText(_("Caps Lock is on."))
        self.hint.setText(_("This is the demo vault. Its passphrase is: {passphrase}").format(passphrase="demo"))
        self.unlock_button.setText(_("Unlock"))
        self.back_button.setText(_("Another vault…"))
        self.forgot_button.setText(_("Forgot the passphrase?"))
        self.forgot_button.setToolTip(_("Open the vault with the code of its recovery sheet"))
        self.help_button.setText(_("Help now (F1)"))
        self.help_button.setAccessibleName(_("Help now: emergency numbers"))
        self.help_button.setToolTip(_("Help now: emergency numbers and where to ask for help"))
        self.guide_button.setText(_("Rights guide"))
        self.actor_picker.retranslate()
        self._update_status()
