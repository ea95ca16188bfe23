"""Connections that live exactly as long as a dialog is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, SignalInstance
from PySide6.QtWidgets import QDialog


def connect_while_open(dialog: QDialog, signal: SignalInstance, slot: Callable[..., object]) -> None:
    """Connect `signal` to `slot` until `dialog` finishes, then cut the link once.

    Once only: a dialog can finish twice (a lock rejects it, then its own button closes it), and a second
    disconnect of the same slot makes Qt print a warning."""
    connection: QMetaObject.Connection | None = signal.connect(slot)

    def cut(_result: int = 0) -> None:
        nonlocal connection
        if connection is not None:
            QObject.disconnect(connection)
            connection = None

    dialog.finished.connect(cut)
