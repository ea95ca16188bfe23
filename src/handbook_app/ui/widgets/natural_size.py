"""Dialogs as tall as their contents at their width, in every language.

Qt sizes a top-level window from its layout's minimum size, which ignores how tall word-wrapped labels
become: a dialog opened with resize(w, 0) squashes its inputs, worst in Japanese. These helpers ask the
layout's height-for-width instead, and keep asking when the dialog is resized or its texts change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


def needed_height(window: QWidget, width: int) -> int:
    """The height `window` needs at `width` for every input at its natural height and every wrapped text
    on its lines (a QLayout's minimum size ignores how tall wrapped labels become)."""
    layout = window.layout()
    if layout is None:
        return window.sizeHint().height()
    layout.activate()
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalSizeHint().height()


def grow_to_fit(widget: QWidget) -> None:
    """A dialog whose wrapped texts changed: let the layout recompute, then grow (never shrink) to fit."""
    window = widget.window()
    width = window.width()
    height = needed_height(window, width)
    if height > window.height():
        window.resize(width, height)


class _KeepWhole(QObject):
    """Keeps a dialog at least as tall as its contents need at its current width, so that making it
    narrower (wrapped texts grow taller) never squashes an input."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and not self.busy:
            self.busy = True
            try:
                height = needed_height(self.window, self.window.width())
                if self.window.minimumHeight() != height:
                    self.window.setMinimumHeight(height)
            finally:
                self.busy = False
        return False


def open_at_natural_size(window: QWidget, width: int) -> None:
    """Open a form dialog `width` wide and as tall as its fields and wrapped texts need (in every language),
    and keep it from being squashed smaller later."""
    window.setMinimumWidth(width)
    height = needed_height(window, width)
    window.setMinimumHeight(height)
    window.resize(width, height)
    if not any(isinstance(child, _KeepWhole) for child in window.children()):
        _KeepWhole(window)
