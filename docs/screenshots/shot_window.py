"""What every screenshot script starts with: the app, a main window whose settings live in a temporary folder
(never the user's), and pump() to let Qt lay out and paint. Run the scripts offscreen or under Xvfb."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def open_window(tmp: Path, width: int = 1280, height: int = 800) -> tuple[object, object, Callable[[float], None]]:
    """(app, main window shown at width × height, pump) with the settings in `tmp`."""
    QStandardPaths.setTestModeEnabled(True)
    from handbook_app.ui.app import make_app
    from handbook_app.ui.main_window import MainWindow
    from handbook_app.ui.settings import AppSettings

    app = make_app([])

    def pump(seconds: float) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.01)

    win = MainWindow(AppSettings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)))
    win.resize(width, height)
    win.show()
    return app, win, pump
