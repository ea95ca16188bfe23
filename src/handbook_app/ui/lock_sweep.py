"""What a lock does to the windows on screen: close every menu, dialog and extra window, and empty them.

A closed dialog object can live on (a screen keeps a reference to reopen it); emptying its text boxes
and pictures means nothing typed or shown stays behind in a hidden window either.
"""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def close_popups() -> None:
    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        if QApplication.activePopupWidget() is popup:
            break
        popup = QApplication.activePopupWidget()


def empty(window: QWidget) -> None:
    """Clear typed text and shown pictures in `window` (labels' own wording stays)."""
    for widget in window.findChildren(QWidget):
        with contextlib.suppress(RuntimeError):  # a child deleted while the sweep runs
            typed = isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit)
            picture = isinstance(widget, QLabel) and not widget.pixmap().isNull()
            if typed or picture:
                widget.clear()


def close_windows(keep: QWidget, dialogs: list[QDialog] | tuple[QDialog, ...] = ()) -> list[QWidget]:
    """Close popups, `dialogs` and every other visible top-level window but `keep`; empty them. Returns
    the windows closed (for tests and for callers that log)."""
    close_popups()
    closed: list[QWidget] = []
    for dialog in dialogs:
        with contextlib.suppress(RuntimeError):
            dialog.reject()
            closed.append(dialog)
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()  # e.g. the rights guide opened in its own window before unlocking
        closed.append(widget)
    # Dialogs that stay visible after reject() (a box whose escape button is missing): hide them.
    for widget in QApplication.topLevelWidgets():
        if widget is not keep and widget.isVisible() and isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
            widget.hide()
    for widget in closed:
        with contextlib.suppress(RuntimeError):
            empty(widget)
    return closed
