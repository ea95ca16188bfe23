"""The other form inputs: text, numbers, choices, links to other records, times, months, deductions,
languages."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from handbook_app.i18n import LOCALES, _, current_locale
from handbook_app.i18n.formatting import (
    ParseError,
    format_amount,
    format_decimal,
    format_month,
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


class _TextBox(QPlainTextEdit):
    """A text box that opens `height` tall (Qt's own hint is taller) and grows into spare room."""

    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.height_hint = height
        self.setTabChangesFocus(True)
        self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self.height_hint)


class MultilineEditor(FieldEditor):
    """Several lines of text: `lines` tall at least, growing into any spare height of the form, so the box
    always starts beside its label (a fixed-height box floated in the middle of a tall row)."""

    def __init__(self, parent: QWidget | None = None, lines: int = 4) -> None:
        super().__init__(parent)
        self.edit = _TextBox(self.fontMetrics().lineSpacing() * lines + 14, self)
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


def _month_words(text: str) -> list[str]:
    """'Tháng 11/2026', 'thg 11 2026', 'November 2026', 'Nov. 2026' → comparable words."""
    text = re.sub(r"(?i)\btháng\b", "thg", unicodedata.normalize("NFC", text))
    words = re.split(r"[\s/,.\-]+", text.casefold())
    out = []
    for word in filter(None, words):
        if word.isdigit():
            word = word.lstrip("0") or "0"  # 09 = 9
        elif word.isalpha() and word.isascii():
            word = word[:3]  # September = Sep
        out.append(word)
    return out


def read_month(text: str, locale: str | None = None) -> dt.date:
    """A month typed as 2026-11, 11/2026, 2026/11 or 2026年11月, or as the lists write it in any of the app's
    languages (thg 11 2026, tháng 11/2026, Nov 2026, November 2026); the first day of that month."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    try:
        return parse_month(raw)
    except ParseError as exc:
        problem = exc
    year = re.search(r"(?<!\d)(\d{4})(?!\d)", raw)
    if year:
        typed = _month_words(raw)
        for loc in dict.fromkeys((locale or current_locale(), *LOCALES)):
            for month in range(1, 13):
                day = dt.date(int(year.group(1)), month, 1)
                if typed == _month_words(format_month(day, loc)):
                    return day
    raise problem


class MonthEditor(_LineBased):
    """A payslip month, shown as the lists show it (thg 11 2026, 2026年11月, Nov 2026) and typed that way or as
    2026-11, 11/2026 or 2026/11."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locale = current_locale()
        self.retranslate()

    def retranslate(self) -> None:
        old, self._locale = self._locale, current_locale()
        relocalise(self.edit, old, self._locale, lambda text, a, b: format_month(read_month(text, a), b))
        example = dt.date(2026, 11, 1)
        self.edit.setPlaceholderText(_("for example {example} or {other}").format(
            example=format_month(example), other="11/2026"))

    def value(self) -> dt.date:
        if not self.edit.text().strip():
            self._fail(ParseError(_("This field is required.")))
        try:
            return read_month(self.edit.text(), self._locale)
        except ParseError as exc:
            self._fail(exc)

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setText(format_month(value) if value else "")


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


class LanguagesEditor(FieldEditor):
    """Languages someone reads, as check boxes named in their own language ("Tiếng Việt", "日本語"); the value
    is the codes joined by commas ("vi,ja"), in the order they were stored. A stored code the app does not
    know stays, as a check box of its own."""

    def __init__(self, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = dict(names)
        self.boxes: dict[str, QCheckBox] = {}
        self.stored = ""
        self.order: list[str] = []
        self.boxes_row = QHBoxLayout()
        self.boxes_row.setContentsMargins(0, 0, 0, 0)
        self.row.addLayout(self.boxes_row, 1)
        for code in self.names:
            self._box(code)
        self.boxes_row.addStretch(1)

    def _box(self, code: str) -> QCheckBox:
        box = QCheckBox(self.names.get(code, code), self)
        box.setObjectName(f"language_{code}")
        box.toggled.connect(lambda _on: self.set_error(None))
        self.boxes[code] = box
        self.boxes_row.insertWidget(len(self.boxes) - 1, box)
        return box

    def focus_widget(self) -> QWidget:
        return next(iter(self.boxes.values()))

    def set_accessible_name(self, name: str) -> None:
        for code, box in self.boxes.items():
            box.setAccessibleName(f"{name}: {self.names.get(code, code)}")

    def checked(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def value(self) -> str:
        chosen = set(self.checked())
        if chosen == set(self.order):
            return self.stored  # unchanged: exactly as stored (spaces, order)
        return ",".join([c for c in self.order if c in chosen] + [c for c in self.boxes if c in chosen
                                                                   and c not in self.order])

    def set_value(self, value: object) -> None:
        self.stored = "" if value is None else str(value)
        self.order = list(dict.fromkeys(c.strip() for c in re.split(r"[,;\s]+", self.stored) if c.strip()))
        for code in self.order:
            if code not in self.boxes:
                self._box(code)
        for code, box in self.boxes.items():
            box.setChecked(code in self.order)


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
