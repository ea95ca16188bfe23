"""Copying a value: the clipboard is cleared 30 seconds later if it still holds what we put there."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

CLEAR_AFTER_MS = 30_000


_copied: set[str] = set()


def copy_then_clear(text: str, after_ms: int = CLEAR_AFTER_MS) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setText(text)
    _copied.add(text)

    def clear() -> None:
        if clipboard.text() == text:
            clipboard.clear()
        _copied.discard(text)

    QTimer.singleShot(after_ms, clear)


def clear_copied() -> None:
    """On lock: empty the clipboard if it still holds a value we copied."""
    clipboard = QApplication.clipboard()
    if clipboard.text() in _copied:
        clipboard.clear()
    _copied.clear()
