"""The base of every form input: the input itself with its own inline, translated error line beneath."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from handbook_app.ui.palette import tone


def error_style() -> str:
    """The red of an error line, readable on the palette in use (light or dark)."""
    return f"color: {tone('error')};"


def __getattr__(name: str) -> str:
    # ERROR_STYLE is read when a module imports it: by then the palette the user runs with is set.
    if name == "ERROR_STYLE":
        return error_style()
    raise AttributeError(name)


def reserve_line(label: QLabel) -> QLabel:
    """Keep one line of room for `label` while it is hidden, so the fields below never move when an
    error appears or goes away as the user types (a click would land in the wrong field)."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.setMinimumHeight(label.fontMetrics().lineSpacing())
    return label


def error_label(parent: QWidget, name: str = "") -> QLabel:
    """A hidden, word-wrapped, red line for an inline error message; its first line's room is kept."""
    label = QLabel(parent)
    if name:
        label.setObjectName(name)
    label.setStyleSheet(error_style())
    label.setWordWrap(True)
    label.hide()
    return reserve_line(label)


class FieldEditor(QWidget):
    """value() returns the typed value or raises ParseError (typed text is never cleared)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.row)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet(error_style())
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        outer.addWidget(self.error_label)

    # --- for subclasses -----------------------------------------------------------------------
    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self

    def set_accessible_name(self, name: str) -> None:
        self.focus_widget().setAccessibleName(name)

    def retranslate(self) -> None:
        """Re-set texts after a language change (subclasses with texts of their own override)."""

    # --- errors --------------------------------------------------------------------------------
    def set_error(self, message: str | None) -> None:
        if message:
            self.error_label.setText(message)
            self.error_label.show()
            self.focus_widget().setAccessibleDescription(message)
        else:
            self.error_label.clear()
            self.error_label.hide()
            self.focus_widget().setAccessibleDescription("")

    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""
