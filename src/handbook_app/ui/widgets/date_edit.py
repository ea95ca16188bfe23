"""Date input: the locale's short form (27/11/2026, 2026/11/27) or ISO, with a calendar to pick from."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from handbook_app.i18n import _, current_locale
from handbook_app.i18n.formatting import ParseError, date_input_pattern, format_date, parse_date
from handbook_app.ui.widgets.field import FieldEditor
from handbook_app.ui.widgets.money_edit import relocalise


def input_pattern() -> str:
    """The short pattern with a four-digit year, which reads back unambiguously."""
    pattern = date_input_pattern()
    while "yy" in pattern:
        pattern = pattern.replace("yy", "y")
    return pattern


def format_input_date(value: dt.date | None) -> str:
    return format_date(value, fmt=input_pattern()) if value else ""


class DateEdit(FieldEditor):
    def __init__(self, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.edit = QLineEdit(self)
        self.edit.setObjectName("date")
        self.pick = QToolButton(self)
        self.pick.setText("▾")
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        menu = QMenu(self.pick)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.pick.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.row.addWidget(self.edit, 1)
        self.row.addWidget(self.pick)
        self.edit.textEdited.connect(lambda _text: self.set_error(None))
        self._locale = current_locale()
        self.retranslate()

    def focus_widget(self) -> QWidget:
        return self.edit

    def retranslate(self) -> None:
        old, self._locale = self._locale, current_locale()
        relocalise(self.edit, old, self._locale, lambda text, a, _b: format_input_date(parse_date(text, a)))
        example = format_input_date(dt.date(2026, 11, 27))
        self.edit.setPlaceholderText(_("for example {example}").format(example=example))
        self.pick.setToolTip(_("Choose from a calendar"))
        self.pick.setAccessibleName(_("Choose from a calendar"))
        self.calendar.setLocale(QLocale(current_locale()))

    def _picked(self, day: QDate) -> None:
        self.set_value(dt.date(day.year(), day.month(), day.day()))
        self.set_error(None)
        self.pick.menu().hide()

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> dt.date | None:
        text = self.edit.text()
        if self.optional and not text.strip():
            return None
        try:
            return parse_date(text)
        except ParseError as exc:
            self.set_error(str(exc))
            raise

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setText(format_input_date(value))
        if value:
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
