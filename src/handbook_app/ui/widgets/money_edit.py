"""Money input: an amount typed the locale's way and its currency; errors shown inline, text kept."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from handbook_app.core.money import Money
from handbook_app.i18n import _, current_locale
from handbook_app.i18n.formatting import ParseError, format_amount, parse_money, reading_note
from handbook_app.ui.palette import tone
from handbook_app.ui.widgets.field import FieldEditor


def relocalise(edit: QLineEdit, old: str, new: str, convert) -> None:
    """After a language switch: text typed the old locale's way, rewritten the new one's; text that does not
    read in the old locale stays exactly as typed (its error shows on save)."""
    text = edit.text()
    if old == new or not text.strip():
        return
    with contextlib.suppress(ParseError, ArithmeticError, ValueError):
        edit.setText(convert(text, old, new))


DEFAULT_CURRENCIES = ("JPY", "VND", "USD")


class MoneyEdit(FieldEditor):
    def __init__(self, currency: str = "JPY", currencies: tuple[str, ...] = DEFAULT_CURRENCIES,
                 parent: QWidget | None = None, fixed: bool = False) -> None:
        super().__init__(parent)
        self._locale = current_locale()
        self.fixed = fixed  # one currency only (a Japanese payslip or contract is in yen): no choice shown
        self.edit = QLineEdit(self)
        self.edit.setObjectName("amount")
        self.currency_box = QComboBox(self)
        self.currency_box.setObjectName("currency")
        for code in dict.fromkeys((currency, *currencies)):
            self.currency_box.addItem(code, code)
        self.currency_box.setCurrentIndex(self.currency_box.findData(currency))
        self.row.addWidget(self.edit, 1)
        self.row.addWidget(self.currency_box)
        if fixed:
            self.currency_box.setEnabled(False)
            self.currency_box.hide()
            self.unit = QLabel(currency, self)
            self.unit.setObjectName("fixedCurrency")
            self.row.addWidget(self.unit)
        self.edit.textEdited.connect(lambda _text: self.set_error(None))
        # "20,000" from a Japanese payslip in the Vietnamese app: accepted for yen and đồng, and said how.
        self.note = QLabel(self)
        self.note.setObjectName("readingNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {tone('muted')};")
        self.note.hide()
        self.layout().addWidget(self.note)
        self.edit.textChanged.connect(self._show_reading)
        self.currency_box.currentIndexChanged.connect(self._show_reading)
        self.retranslate()

    def focus_widget(self) -> QWidget:
        return self.edit

    def _show_reading(self, *_args) -> None:
        note = reading_note(self.edit.text(), self.currency())
        self.note.setText(note or "")
        self.note.setVisible(bool(note))

    def retranslate(self) -> None:
        old, self._locale = self._locale, current_locale()
        relocalise(self.edit, old, self._locale,
                   lambda text, a, b: format_amount(parse_money(text, self.currency(), a), self.currency(), b))
        self.edit.setToolTip(_("For example {example}").format(example=format_amount(self._example(), self.currency())))
        self.currency_box.setAccessibleName(_("Currency"))
        if hasattr(self, "note"):
            self._show_reading()

    def _example(self) -> int:
        return {"VND": 1500000, "JPY": 150000}.get(self.currency(), 150000)

    def currency(self) -> str:
        return self.currency_box.currentData() or "JPY"

    def set_currency(self, code: str) -> None:
        if self.fixed and code != self.currency():
            # An older record stored in another currency: show the choice rather than change its value.
            self.fixed = False
            self.unit.hide()
            self.currency_box.setEnabled(True)
            self.currency_box.show()
        if self.currency_box.findData(code) < 0:
            self.currency_box.addItem(code, code)
        self.currency_box.setCurrentIndex(self.currency_box.findData(code))

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> Money:
        text = self.edit.text()
        if not text.strip():
            return Money(0, self.currency())
        try:
            return Money(parse_money(text, self.currency()), self.currency())
        except ParseError as exc:
            self.set_error(str(exc))
            raise

    def set_value(self, value: Money | None) -> None:
        if value is None:
            self.edit.clear()
            return
        self.set_currency(value.currency)
        self.edit.setText(format_amount(value.minor, value.currency) if value.minor else "")
