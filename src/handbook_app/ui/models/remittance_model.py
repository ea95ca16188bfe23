"""Table models for money sent home: the list, totals per month/year, the family/debt split."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from handbook_app.core import records as r
from handbook_app.i18n import N_, _
from handbook_app.i18n.formatting import format_decimal, format_percent, join_sentences
from handbook_app.ui.models.debt_models import DerivedTableModel
from handbook_app.ui.models.record_model import (
    Column,
    RecordTableModel,
    choice,
    date,
    money,
    money_key,
    month,
)


class RemittanceModel(RecordTableModel):
    RECORD_TYPE = r.Remittance
    DATE, SENT, FEE, RECEIVED, CHANNEL, PROVIDER, RECIPIENT = range(7)
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Date"), lambda x, lk: date(x.date), lambda x: x.date),
        Column(N_("Sent"), lambda x, lk: money(x.sent), lambda x: money_key(x.sent), True),
        Column(N_("Fee"), lambda x, lk: money(x.fee), lambda x: money_key(x.fee), True),
        Column(N_("Received"), lambda x, lk: money(x.received), lambda x: money_key(x.received), True),
        Column(N_("How"), lambda x, lk: choice(r.CHANNELS, x.channel)),
        Column(N_("Provider"), lambda x, lk: x.provider),
        Column(N_("Recipient"), lambda x, lk: x.recipient),
    )


def _rate(value: Decimal | None, sent_currency: str, received_currency: str) -> str:
    if value is None:
        return ""
    return _("1 {sent} = {rate} {received}").format(
        sent=sent_currency, rate=format_decimal(value.quantize(Decimal("0.01"))), received=received_currency)


def _fee_share(value: Decimal | None) -> str:
    return format_percent(value.quantize(Decimal("0.0001"))) if value is not None else ""


class PeriodTotalsModel(DerivedTableModel):
    """core.remittances.PeriodTotal rows (month or year): both currencies, effective rate, fee % (derived)."""

    PERIOD, COUNT, SENT, FEE, FEE_SHARE, RECEIVED, RATE = range(7)

    def __init__(self, yearly: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.yearly = yearly

    COLUMNS = (
        (N_("Period"), lambda t: "", False),  # replaced in text(): month or year
        (N_("Transfers"), lambda t: str(t.count), True),
        (N_("Sent"), lambda t: money(t.sent), True),
        (N_("Fees"), lambda t: money(t.fee), True),
        (N_("Fee %"), lambda t: _fee_share(t.fee_fraction), True),
        (N_("Received"), lambda t: money(t.received), True),
        (N_("Effective rate"), lambda t: _rate(t.effective_rate, t.sent.currency, t.received.currency), True),
    )

    def text(self, row: int, column: int) -> str:
        if column == self.PERIOD:
            period = self._rows[row].period
            return str(period.year) if self.yearly else month(period)
        return super().text(row, column)


class SplitModel(DerivedTableModel):
    """core.remittances.Split: what each remittance did — repaid debts, supported the family."""

    COLUMNS = (
        (N_("Date"), lambda s: date(s.remittance.date), False),
        (N_("Sent"), lambda s: money(s.remittance.sent), True),
        (N_("Received"), lambda s: money(s.remittance.received), True),
        (N_("To debts"), lambda s: money(s.to_debt) if s.to_debt.minor else "", True),
        (N_("For the family"), lambda s: money(s.family), True),
        (N_("Problems"), lambda s: join_sentences(p.message for p in s.problems), False),
    )

    def foreground(self, row: int, column: int):
        if self._rows[row].problems:
            return QColor("#b00020")
        return None
