"""The name, icon and window class the desktop shows for the app: its own, or neutral ones.

Neutral (the "neutral title" setting, and always on the quick-exit screen): the title bar and taskbar
read "Documents" with a plain file icon, and the X11 window class / Wayland app id say nothing either.

Two Qt details matter. Qt appends the application display name to every window title, so the display
name is set *before* the title (the other way round the title read "Documents — Trainee Handbook").
The X11 window class is taken from the application name once, when the first window is created: it
is chosen at start (`start_identity`), and a change of the setting applies from the next start.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from handbook_app.i18n import _
from handbook_app.ui.app_icon import app_icon

NEUTRAL_CLASS = "Documents"
NEUTRAL_INSTANCE = "documents"


def neutral_icon(widget: QWidget) -> QIcon:
    return widget.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)


def apply_identity(window: QWidget, neutral: bool) -> None:
    """Title, display name (appended by Qt to every window's title) and icon of `window` and the app."""
    title = _("Documents") if neutral else _("Trainee Handbook")
    icon = neutral_icon(window) if neutral else app_icon()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(title)
        app.setWindowIcon(icon)
    window.setWindowTitle(title)
    window.setWindowIcon(icon)


@contextmanager
def start_identity(app: QGuiApplication, neutral: bool) -> Iterator[None]:
    """Create the first window inside this block: with `neutral`, its X11 class is "Documents" and its
    instance name "documents" (not "TraineeHandbook" / "handbook-app-gui"), its Wayland app id empty.
    The application name (used for data folders) is restored afterwards."""
    if not neutral:
        yield
        return
    name = app.applicationName()
    os.environ["RESOURCE_NAME"] = NEUTRAL_INSTANCE  # read by Qt's xcb plugin for the instance name
    app.setApplicationName(NEUTRAL_CLASS)
    QGuiApplication.setDesktopFileName("")
    try:
        yield
    finally:
        app.setApplicationName(name)
