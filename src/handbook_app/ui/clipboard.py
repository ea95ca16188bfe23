"""Copying a value: the clipboard is cleared 30 seconds later if it still holds what we put there.

The copy is also marked as sensitive the way password managers mark theirs (KeePassXC does the
same), so clipboard-history tools keep no copy after we clear it: Windows' clipboard history and
cloud sync skip data carrying "ExcludeClipboardContentFromMonitorProcessing" and
"CanIncludeInClipboardHistory" = 0, and KDE's Klipper skips "x-kde-passwordManagerHint: secret".
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication

CLEAR_AFTER_MS = 30_000


_copied: set[str] = set()


def sensitive_mime(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    data.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
    data.setData("CanIncludeInClipboardHistory", b"\x00\x00\x00\x00")
    data.setData("CanUploadToCloudClipboard", b"\x00\x00\x00\x00")
    data.setData("x-kde-passwordManagerHint", b"secret")
    return data


def copy_then_clear(text: str, after_ms: int = CLEAR_AFTER_MS) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(sensitive_mime(text))
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
