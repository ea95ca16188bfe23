"""Quick exit (F12, Ctrl+Shift+Q) and Lock (Ctrl+L) from every window the app opens.

Qt blocks even `ApplicationShortcut` actions while a modal dialog (a record form, a message box, a
file dialog) shadows their window: exactly when a record is on screen. So the keys are caught by one
application-wide event filter instead of the shortcut map: the ShortcutOverride is accepted (the
shortcut map then stands aside, so an action never fires twice) and the KeyPress that follows
triggers the action, whichever window, dialog or menu has the keyboard.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication


def _matches(event: QKeyEvent, action: QAction) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in action.shortcuts())


class QuickKeys(QObject):
    """Watches every key press of the application for the shortcuts of `actions` (enabled ones only)."""

    def __init__(self, actions: Sequence[QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions = list(actions)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def action_for(self, event: QKeyEvent) -> QAction | None:
        return next((a for a in self.actions if a.isEnabled() and _matches(event, a)), None)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        action = self.action_for(event)
        if action is None:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
            action.trigger()
        return True
