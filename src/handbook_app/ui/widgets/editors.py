"""The other form inputs: text, numbers, choices, links to other records, times, months, deductions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from handbook_app.i18n import _, current_locale
from handbook_app.i18n.formatting import (
    ParseError,
    format_amount,
    format_decimal,
    parse_date,
    parse_decimal,
    parse_money,
    parse_month,
)
from handbook_app.ui.widgets.date_edit import format_input_date
from handbook_app.ui.widgets.field import FieldEditor
from handbook_app.ui.widgets.money_edit import relocalise


class _LineBased(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.row.addWidget(self.edit, 1)
        self.edit.textEdited.connect(lambda _text: self.set_error(None))

    def focus_widget(self) -> QWidget:
        return self.edit

    def text(self) -> str:
        return self.edit.text()

    def _fail(self, exc: ParseError) -> None:
        self.set_error(str(exc))
        raise exc


class TextEditor(_LineBased):
    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: object) -> None:
        self.edit.setText("" if value is None else str(value))


class ClockEditor(TextEditor):
    """A time of day like 08:30 (checked by core.validation)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit.setPlaceholderText("08:30")
        self.edit.setMaxLength(5)


class MultilineEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None, lines: int = 4) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * lines + 14)
        self.row.addWidget(self.edit, 1)
        self.edit.textChanged.connect(lambda: self.set_error(None))

    def focus_widget(self) -> QWidget:
        return self.edit

    def text(self) -> str:
        return self.edit.toPlainText()

    def value(self) -> str:
        return self.edit.toPlainText().strip()

    def set_value(self, value: object) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class DecimalEditor(_LineBased):
    """A Decimal typed the locale's way; `scale` 100 shows a fraction as a percentage."""

    def __init__(self, optional: bool = False, scale: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.scale = Decimal(scale)
        self._locale = current_locale()
        self.retranslate()

    def retranslate(self) -> None:
        old, self._locale = self._locale, current_locale()
        relocalise(self.edit, old, self._locale,
                   lambda text, a, b: format_decimal(parse_decimal(text.replace("%", ""), a).normalize(), b))
        self.edit.setPlaceholderText(format_decimal(Decimal("1.5")) if self.scale != 1 else "")

    def value(self) -> Decimal | None:
        text = self.edit.text()
        if not text.strip():
            if self.optional:
                return None
            return Decimal(0)
        try:
            number = parse_decimal(text.replace("%", ""))
        except ParseError as exc:
            self._fail(exc)
        return number / self.scale

    def set_value(self, value: Decimal | None) -> None:
        if value is None or (value == 0 and not self.optional):
            self.edit.setText("" if value is None else format_decimal(Decimal(0)))
            return
        self.edit.setText(format_decimal((Decimal(value) * self.scale).normalize()))


def _whole(text: str, old: str, _new: str) -> str:
    number = parse_decimal(text, old)
    if number != number.to_integral_value():
        raise ValueError(text)
    return str(int(number))


class IntEditor(_LineBased):
    def __init__(self, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self._locale = current_locale()

    def retranslate(self) -> None:
        old, self._locale = self._locale, current_locale()
        relocalise(self.edit, old, self._locale, _whole)

    def value(self) -> int | None:
        text = self.edit.text()
        if not text.strip():
            return None if self.optional else 0
        try:
            number = parse_decimal(text)
        except ParseError as exc:
            self._fail(exc)
        if number != number.to_integral_value():
            self._fail(ParseError(_("Enter a whole number.")))
        return int(number)

    def set_value(self, value: int | None) -> None:
        self.edit.setText("" if value is None else str(value))


class MonthEditor(_LineBased):
    """A payslip month typed as 2026-11 or 11/2026."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit.setPlaceholderText("2026-11")

    def value(self) -> dt.date:
        if not self.edit.text().strip():
            self._fail(ParseError(_("This field is required.")))
        try:
            return parse_month(self.edit.text())
        except ParseError as exc:
            self._fail(exc)

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setText(f"{value.year:04d}-{value.month:02d}" if value else "")


class BoolEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.row.addWidget(self.box, 1)

    def focus_widget(self) -> QWidget:
        return self.box

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: object) -> None:
        self.box.setChecked(bool(value))


class ChoiceEditor(FieldEditor):
    """One of a dict's keys; the labels are English message ids translated where shown."""

    def __init__(self, choices: dict[str, str] | Callable[[], list[tuple[object, str]]],
                 optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.optional = optional
        self.combo = QComboBox(self)
        self.row.addWidget(self.combo, 1)
        self.retranslate()

    def focus_widget(self) -> QWidget:
        return self.combo

    def _items(self) -> list[tuple[object, str]]:
        if callable(self.choices):
            return self.choices()
        return [(key, _(label)) for key, label in self.choices.items()]

    def retranslate(self) -> None:
        current = self.combo.currentData() if self.combo.count() else None
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.optional:
            self.combo.addItem(_("(none)"), None)
        for key, label in self._items():
            self.combo.addItem(label, key)
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)

    def value(self) -> object:
        return self.combo.currentData()

    def set_value(self, value: object) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:
            self.combo.addItem(str(value), value)  # an unknown stored key stays visible, not silently changed
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(0, index))


class DeductionsEditor(FieldEditor):
    """Each payslip deduction in yen (a dict key -> yen); empty boxes are left out."""

    def __init__(self, keys: dict[str, str], currency: str = "JPY", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self.currency = currency
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        for index, key in enumerate(keys):
            label = QLabel(grid_host)
            edit = QLineEdit(grid_host)
            edit.setObjectName(f"deduction_{key}")
            edit.textEdited.connect(lambda _text: self.set_error(None))
            label.setBuddy(edit)
            grid.addWidget(label, index // 2, (index % 2) * 2)
            grid.addWidget(edit, index // 2, (index % 2) * 2 + 1)
            self.labels[key], self.edits[key] = label, edit
        self.row.addWidget(grid_host, 1)
        self._locale = current_locale()
        self.retranslate()

    def focus_widget(self) -> QWidget:
        return next(iter(self.edits.values()))

    def retranslate(self) -> None:
        old, self._locale = self._locale, current_locale()
        for edit in self.edits.values():
            relocalise(edit, old, self._locale,
                       lambda text, a, b: format_amount(parse_money(text, self.currency, a), self.currency, b))
        for key, label in self.labels.items():
            label.setText(_(self.keys[key]))
            self.edits[key].setAccessibleName(_(self.keys[key]))

    def value(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for key, edit in self.edits.items():
            if edit.text().strip():
                try:
                    out[key] = parse_money(edit.text(), self.currency)
                except ParseError as exc:
                    self.set_error(f"{_(self.keys[key])}: {exc}")
                    raise
        return out

    def set_value(self, value: dict | None) -> None:
        value = value or {}
        for key, edit in self.edits.items():
            edit.setText(format_amount(value[key], self.currency) if key in value else "")


class ScheduleEditor(MultilineEditor):
    """A fixed repayment schedule: one payment per line, 'date amount' (in the loan's currency)."""

    def __init__(self, currency: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent, lines=3)
        self.currency = currency
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(_("One payment per line: date and amount, for example {example}").format(
            example=f"{format_input_date(dt.date(2026, 12, 15))}  {format_amount(5000000, 'VND')}"))

    def value(self) -> list[tuple[str, int]]:
        items = []
        for number, line in enumerate(self.edit.toPlainText().splitlines(), start=1):
            if not line.strip():
                continue
            parts = line.split(None, 1)
            try:
                if len(parts) != 2:
                    raise ParseError(_("Write a date and an amount."))
                day = parse_date(parts[0])
                amount = parse_money(parts[1], self.currency())
            except ParseError as exc:
                message = _("Line {number}: {problem}").format(number=number, problem=exc)
                self.set_error(message)
                raise ParseError(message) from None
            items.append((day.isoformat(), amount))
        return items

    def set_value(self, value: list | None) -> None:
        lines = []
        for iso, minor in value or []:
            lines.append(f"{format_input_date(dt.date.fromisoformat(iso))}  {format_amount(int(minor), self.currency())}")
        self.edit.setPlainText("\n".join(lines))
