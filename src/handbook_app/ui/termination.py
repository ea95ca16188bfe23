"""A polite end on SIGTERM or Ctrl+C: lock the vault and save settings, as closing the window does.

A desktop session that logs out, a shutdown, or `kill` sends SIGTERM. Python only runs a signal
handler when the interpreter gets control, which Qt's event loop does not give it while idle, so
a light timer hands control back a few times a second. Windows has no SIGTERM for GUI programs
(it closes their windows instead), so there this only serves Ctrl+C in a console.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

HEARTBEAT_MS = 250


def close_on_signals(app: QApplication, close: Callable[[], None] | None = None) -> QTimer:
    """Route SIGTERM/SIGINT to closing every window (which locks and saves), then quitting."""

    def handle(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, close or _close_all)

    for name in ("SIGTERM", "SIGINT"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, handle)
    heartbeat = QTimer(app)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: None)  # lets Python run pending signal handlers
    heartbeat.start()
    return heartbeat


def _close_all() -> None:
    QApplication.closeAllWindows()
    QApplication.quit()
