"""The repayment and remittance dialogs: the shared record dialog plus figures worked out live as the user types.

Repayment: the exchange-rate field appears only when the payment's currency differs from the loan's,
and the conversion is shown both ways ("1 JPY = 171.35 VND · 1 VND = 0.005836 JPY") with what the
loan is credited. Remittance: the effective rate and the fee share, derived (never stored).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from handbook_app.core import records as r
from handbook_app.core.loans import validate_repayment
from handbook_app.core.money import Money
from handbook_app.core.remittances import all_in_rate, effective_rate, fee_fraction
from handbook_app.i18n import _
from handbook_app.i18n.formatting import (
    ParseError,
    format_decimal,
    format_money,
    format_percent,
    parse_decimal,
    parse_money,
)
from handbook_app.services.debts import loan_state_on
from handbook_app.services.errors import VaultError
from handbook_app.ui.context import AppContext
from handbook_app.ui.dialogs.record_dialog import RecordDialog

HINT_STYLE = "color: palette(dark); padding: 2px 0;"
WARN_STYLE = "color: #b00020; padding: 2px 0;"


def quiet_money(text: str, currency: str) -> Money | None:
    """The amount typed, or None while it is empty or not yet a number (no error shown while typing)."""
    try:
        return Money(parse_money(text, currency), currency) if text.strip() else None
    except ParseError:
        return None


def quiet_decimal(text: str) -> Decimal | None:
    try:
        return parse_decimal(text) if text.strip() else None
    except ParseError:
        return None


def both_ways(rate: Decimal, unit: str, into: str) -> str:
    """'1 JPY = 171.35 VND · 1 VND = 0.005836 JPY' for `rate` units of `into` per one `unit`."""
    inverse = (Decimal(1) / rate)
    return _("1 {a} = {rate} {b} · 1 {b} = {inverse} {a}").format(
        a=unit, b=into, rate=format_decimal(rate, max_digits=6),
        inverse=format_decimal(inverse.quantize(Decimal("1e-6")) if inverse < 1000 else inverse.quantize(1),
                               max_digits=6))


def _insert_after(form: QFormLayout, widget: QWidget, label: QLabel, hint: QLabel) -> None:
    row, _role = form.getWidgetPosition(widget)
    form.insertRow(row + 1, label, hint)


class RepaymentDialog(RecordDialog):
    def __init__(self, cls: type[r.Record], record: r.Record | None, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(cls, record, context, parent)
        self.form: QFormLayout = self.editors["rate"].parentWidget().layout()  # type: ignore[assignment]
        self.conversion = QLabel(self)
        self.conversion.setObjectName("conversion")
        self.conversion.setWordWrap(True)
        self.balance_hint = QLabel(self)
        self.balance_hint.setObjectName("balanceHint")
        self.balance_hint.setWordWrap(True)
        _insert_after(self.form, self.editors["rate"], QLabel(), self.conversion)
        _insert_after(self.form, self.editors["loan_id"], QLabel(), self.balance_hint)
        paid, rate, loan = self.editors["paid"], self.editors["rate"], self.editors["loan_id"]
        paid.edit.textChanged.connect(self.update_hints)  # type: ignore[attr-defined]
        paid.currency_box.currentIndexChanged.connect(self.update_hints)  # type: ignore[attr-defined]
        rate.edit.textChanged.connect(self.update_hints)  # type: ignore[attr-defined]
        loan.combo.currentIndexChanged.connect(self.update_hints)  # type: ignore[attr-defined]
        self._loan_cache: dict[int, tuple[str, object]] = {}
        if record is None:
            loan.combo.currentIndexChanged.connect(self._follow_loan_currency)
            self._follow_loan_currency()
        self.update_hints()

    def _follow_loan_currency(self, *_args) -> None:
        """A new repayment starts in the loan's currency (switch to yen to pay in yen, with the rate)."""
        currency = self.loan_currency()
        paid = self.editors["paid"]
        if currency is not None and not paid.text().strip():  # type: ignore[attr-defined]
            paid.set_currency(currency)  # type: ignore[attr-defined]

    def collect(self) -> r.Record | None:
        """The shared checks, then the checks that need the loan (rate when currencies differ, dates)."""
        record = super().collect()
        if record is None:
            return None
        hb = self.context.handbook
        loan = hb.record(r.Loan, record.loan_id) if hb is not None and record.loan_id else None  # type: ignore[attr-defined]
        if loan is not None:
            problems = validate_repayment(loan, record)  # type: ignore[arg-type]
            if problems:
                self._show_problems(problems)
                return None
        return record

    def retranslate(self, *_args) -> None:
        super().retranslate()
        if hasattr(self, "conversion"):
            self.update_hints()

    def loan_currency(self) -> str | None:
        info = self._loan_info()
        return info[0] if info else None

    def _loan_info(self):
        loan_id = self.editors["loan_id"].value()
        if loan_id is None:
            return None
        if loan_id not in self._loan_cache:
            hb = self.context.handbook
            if hb is None:
                return None
            try:
                loan = hb.record(r.Loan, loan_id)
                state = loan_state_on(hb, loan_id)
            except (VaultError, KeyError, ValueError):
                return None
            if loan is None:
                return None
            self._loan_cache[loan_id] = (loan.principal.currency, state)
        return self._loan_cache[loan_id]

    def update_hints(self, *_args) -> None:
        info = self._loan_info()
        paid_editor = self.editors["paid"]
        paid_cur = paid_editor.currency()  # type: ignore[attr-defined]
        loan_cur = info[0] if info else paid_cur
        differs = loan_cur != paid_cur
        self.form.setRowVisible(self.editors["rate"], differs)
        self.form.setRowVisible(self.conversion, differs)
        if self.isVisible():  # the rate row appeared (yen for a đồng loan): grow once the hints are set
            QTimer.singleShot(0, lambda: self.fit_height() if self.isVisible() else None)
        if not differs and self.editors["rate"].text().strip():  # type: ignore[attr-defined]
            self.editors["rate"].edit.clear()  # type: ignore[attr-defined]  # no rate within one currency
        amount = quiet_money(paid_editor.text(), paid_cur)  # type: ignore[attr-defined]
        credited: Money | None = amount if not differs else None
        if differs:
            rate = quiet_decimal(self.editors["rate"].text())  # type: ignore[attr-defined]
            if rate is None or rate <= 0:
                self.conversion.setStyleSheet(HINT_STYLE)
                self.conversion.setText(_("The loan is in {loan}: enter how many {loan} one {paid} was worth.").format(
                    loan=loan_cur, paid=paid_cur))
            else:
                text = both_ways(rate, paid_cur, loan_cur)
                if amount is not None:
                    credited = amount.convert(rate, loan_cur)
                    text += "\n" + _("{paid} is {credited} on the loan.").format(
                        paid=format_money(amount.minor, paid_cur), credited=format_money(credited.minor, loan_cur))
                self.conversion.setStyleSheet(HINT_STYLE)
                self.conversion.setText(text)
        state = info[1] if info else None
        if state is None:
            self.balance_hint.setText("")
            self.form.setRowVisible(self.balance_hint, False)
            return
        self.form.setRowVisible(self.balance_hint, True)
        owed = state.balance
        text = _("Still owed on this loan today: {amount}").format(amount=format_money(owed.minor, owed.currency))
        style = HINT_STYLE
        if credited is not None and self.original is None and credited.minor > max(owed.minor, 0):
            over = credited.minor - max(owed.minor, 0)
            text += "\n" + _("This pays {amount} more than is owed. It is kept, and shown as overpaid.").format(
                amount=format_money(over, owed.currency))
            style = WARN_STYLE
        self.balance_hint.setStyleSheet(style)
        self.balance_hint.setText(text)


class RemittanceDialog(RecordDialog):
    def __init__(self, cls: type[r.Record], record: r.Record | None, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(cls, record, context, parent)
        self.form: QFormLayout = self.editors["received"].parentWidget().layout()  # type: ignore[assignment]
        self.figures = QLabel(self)
        self.figures.setObjectName("remittanceFigures")
        self.figures.setWordWrap(True)
        self.figures.setStyleSheet(HINT_STYLE)
        _insert_after(self.form, self.editors["received"], QLabel(), self.figures)
        for name in ("sent", "fee", "received"):
            editor = self.editors[name]
            editor.edit.textChanged.connect(self.update_figures)  # type: ignore[attr-defined]
            editor.currency_box.currentIndexChanged.connect(self.update_figures)  # type: ignore[attr-defined]
        self.update_figures()

    def retranslate(self, *_args) -> None:
        super().retranslate()
        if hasattr(self, "figures"):
            self.update_figures()

    def update_figures(self, *_args) -> None:
        values = {}
        for name in ("sent", "fee", "received"):
            editor = self.editors[name]
            values[name] = quiet_money(editor.text(), editor.currency())  # type: ignore[attr-defined]
        sent, fee, received = values["sent"], values["fee"], values["received"]
        if sent is None or received is None or sent.minor <= 0:
            self.figures.setText(_("The exchange rate you got and the fee's share appear here as you type."))
            return
        fee = fee if fee is not None else Money(0, sent.currency)
        rem = r.Remittance(sent=sent, fee=fee, received=received)
        parts = []
        rate = effective_rate(rem)
        if rate is not None:
            parts.append(_("Rate you got: 1 {sent} = {rate} {received}").format(
                sent=sent.currency, rate=format_decimal(rate.quantize(Decimal("0.01"))), received=received.currency))
        share = fee_fraction(rem)
        if share is not None:
            parts.append(_("fee: {percent} of the amount sent").format(percent=format_percent(share.quantize(
                Decimal("0.0001")))))
            all_in = all_in_rate(rem)
            if all_in is not None and fee.minor:
                parts.append(_("with the fee: 1 {sent} = {rate} {received}").format(
                    sent=sent.currency, rate=format_decimal(all_in.quantize(Decimal("0.01"))), received=received.currency))
        self.figures.setText(" · ".join(parts))


DIALOGS: dict[type[r.Record], type[RecordDialog]] = {r.Repayment: RepaymentDialog, r.Remittance: RemittanceDialog}
