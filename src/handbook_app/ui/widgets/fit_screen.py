"""Every window the app opens fits the screen it opens on (1366×768 and 1280×720 laptops with a taskbar).

Dialogs choose a comfortable size (the report preview 760×860, the self-check 640×760); on a smaller
screen that put their buttons below the edge. One application-wide filter clamps each window, when it is
first shown, to the available screen area less the title bar, and moves it inside; content that needs
more room scrolls inside the window instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

TITLE_BAR = 40  # room for the window manager's title bar and frame
MARGIN = 8


def available_for(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(widget: QWidget) -> None:
    """Shrink `widget` (never below its minimum size) to the available area and move it inside."""
    area = available_for(widget)
    width = min(widget.width(), area.width() - 2 * MARGIN)
    height = min(widget.height(), area.height() - TITLE_BAR - MARGIN)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))
    x = min(max(widget.x(), area.left()), area.right() - widget.width())
    y = min(max(widget.y(), area.top() + TITLE_BAR - 10), area.bottom() - widget.height())
    if (x, y) != (widget.x(), widget.y()):
        widget.move(max(area.left(), x), max(area.top(), y))


class ScreenFit(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.parentWidget() is not None \
                and obj.windowType() in (Qt.WindowType.Dialog, Qt.WindowType.Window, Qt.WindowType.Sheet):
            fit_to_screen(obj)
        return False
