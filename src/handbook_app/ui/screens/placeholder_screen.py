"""An honest placeholder for a screen another part of the app will fill in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from handbook_app.i18n import _
from handbook_app.ui.context import AppContext
from handbook_app.ui.screens.base import Screen


class PlaceholderScreen(Screen):
    def __init__(self, context: AppContext, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.TITLE = title
        self._title, self._text = title, text
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)

    def retranslate(self) -> None:
        self.heading.setText(f"<h2>{_(self._title)}</h2>")
        self.body.setText(_(self._text))
