"""The one-time note on Home after a facts update: which months of the wage review changed (issue 14).

Shown once, from `context.facts_effect`, until the user closes it or the vault locks; never stored.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from handbook_app.i18n import _
from handbook_app.ui.context import AppContext


class FactsNote(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factsNote")
        self.text = QLabel(self)
        self.text.setObjectName("factsNoteText")
        self.text.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # from the palette: light and dark alike
        self.hide()
        context.facts_effect.connect(self.show_lines)
        context.locked.connect(self.clear)

    def show_lines(self, lines: list[str]) -> None:
        if not lines:
            self.clear()
            return
        self.text.setText(" ".join([_("The facts were updated."), *lines]))
        self.close_button.setToolTip(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.hide()
