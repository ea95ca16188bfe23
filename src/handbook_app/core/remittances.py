"""Remittance figures derived on demand (never stored): rates, fee share, totals, what-ifs, splits.

Conventions: `sent` is what reached the transfer (JPY), `fee` is charged on top of it in the
same currency, `received` is what the family got (VND or other). So the cost to the sender is
sent + fee, the *effective rate* is received per one unit sent, and the *all-in rate* is received
per one unit that left the sender's pocket (sent + fee).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from handbook_app.core.loans import Problem, paid_in_loan_currency
from handbook_app.core.money import Money
from handbook_app.core.records import Loan, Remittance, Repayment
from handbook_app.i18n import _
from handbook_app.i18n.formatting import currency_digits, format_money


def effective_rate(r: Remittance) -> Decimal | None:
    """Received per one unit sent (e.g. VND per 1 JPY); None when nothing was sent."""
    if r.sent.minor == 0:
        return None
    return r.received.decimal / r.sent.decimal


def all_in_rate(r: Remittance) -> Decimal | None:
    """Received per one unit paid including the fee."""
    cost = r.sent.decimal + (r.fee.decimal if r.fee.currency == r.sent.currency else 0)
    if cost == 0:
        return None
    return r.received.decimal / cost


def fee_fraction(r: Remittance) -> Decimal | None:
    """Fee as a fraction of the amount sent (0.012 = 1.2 %); None when nothing was sent."""
    if r.sent.minor == 0 or r.fee.currency != r.sent.currency:
        return None
    return Decimal(r.fee.minor) / Decimal(r.sent.minor)


def total_cost(r: Remittance) -> Money:
    """What left the sender's pocket: sent + fee (same currency)."""
    return r.sent + r.fee


# --------------------------------------------------------------------------- what-if


@dataclass(frozen=True, slots=True)
class WhatIf:
    actual: Money
    alternative: Money  # what `sent` would have brought at the other rate
    difference: Money  # alternative - actual (positive: the other rate was better)


def at_rate(r: Remittance, rate: Decimal) -> WhatIf:
    """What this remittance would have been worth at `rate` (received units per one sent unit)."""
    alternative = r.sent.convert(rate, r.received.currency)
    return WhatIf(r.received, alternative, alternative - r.received)


def at_rate_total(remittances: Iterable[Remittance], rate: Decimal) -> WhatIf | None:
    items = list(remittances)
    if not items:
        return None
    cur = items[0].received.currency
    actual = alt = Money.zero(cur)
    for r in items:
        w = at_rate(r, rate)
        actual, alt = actual + w.actual, alt + w.alternative
    return WhatIf(actual, alt, alt - actual)


# --------------------------------------------------------------------------- totals


@dataclass(frozen=True, slots=True)
class PeriodTotal:
    """Totals for one month (period = first day) or year (period = 1 January)."""

    period: dt.date
    sent: Money
    fee: Money
    received: Money
    count: int

    @property
    def effective_rate(self) -> Decimal | None:
        return self.received.decimal / self.sent.decimal if self.sent.minor else None

    @property
    def fee_fraction(self) -> Decimal | None:
        return Decimal(self.fee.minor) / Decimal(self.sent.minor) if self.sent.minor else None


def _totals(remittances: Iterable[Remittance], key) -> list[PeriodTotal]:
    acc: dict[tuple[dt.date, str, str, str], list[int]] = {}
    for r in remittances:
        k = (key(r.date), r.sent.currency, r.fee.currency, r.received.currency)
        a = acc.get(k)
        if a is None:
            a = acc[k] = [0, 0, 0, 0]
        a[0] += r.sent.minor
        a[1] += r.fee.minor
        a[2] += r.received.minor
        a[3] += 1
    return [
        PeriodTotal(period, Money(a[0], sc), Money(a[1], fc), Money(a[2], rc), a[3])
        for (period, sc, fc, rc), a in sorted(acc.items())
    ]


def monthly_totals(remittances: Iterable[Remittance]) -> list[PeriodTotal]:
    """Sent, fee and received per calendar month (one row per month and currency pair), in date order."""
    return _totals(remittances, lambda d: d.replace(day=1))


def yearly_totals(remittances: Iterable[Remittance]) -> list[PeriodTotal]:
    return _totals(remittances, lambda d: dt.date(d.year, 1, 1))


# --------------------------------------------------------------------------- family / debt split


@dataclass(frozen=True)
class Split:
    """How one remittance divides between repaying debts and supporting the family."""

    remittance: Remittance
    to_debt: Money  # in the received currency
    family: Money  # received - to_debt (negative means more was booked as repayment than received)
    repayments: list[Repayment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _repayment_in_received(r: Remittance, rep: Repayment, loan: Loan | None) -> Money | None:
    cur = r.received.currency
    if rep.paid.currency == cur:
        return rep.paid
    if loan is not None and loan.principal.currency == cur and rep.rate is not None and rep.rate > 0:
        return paid_in_loan_currency(loan, rep)  # what the loan was credited with
    if rep.paid.currency == r.sent.currency and r.sent.minor:
        # A repayment booked in the sent currency without a rate: value it at this remittance's own rate.
        value = rep.paid.decimal * r.received.decimal / r.sent.decimal
        return Money.of(value.quantize(Decimal(1).scaleb(-currency_digits(cur)), rounding=ROUND_HALF_UP), cur)
    return None


def split(remittance: Remittance, repayments: Iterable[Repayment], loans: Sequence[Loan] = ()) -> Split:
    """Repayments linked to this remittance (remittance_id) count as debt; the rest is family support."""
    by_id = {loan.id: loan for loan in loans}
    cur = remittance.received.currency
    linked = [rep for rep in repayments if remittance.id is not None and rep.remittance_id == remittance.id]
    to_debt = Money.zero(cur)
    problems: list[Problem] = []
    for rep in linked:
        value = _repayment_in_received(remittance, rep, by_id.get(rep.loan_id))
        if value is None:
            problems.append(Problem("repayment", _(
                "A repayment of {amount} is linked to this remittance but cannot be compared with {currency}."
            ).format(amount=format_money(rep.paid.minor, rep.paid.currency), currency=cur)))
            continue
        to_debt = to_debt + value
    family = remittance.received - to_debt
    if family.minor < 0:
        problems.append(Problem("repayment", _(
            "The repayments linked to this remittance ({debt}) are more than what was received ({received})."
        ).format(debt=format_money(to_debt.minor, cur), received=format_money(remittance.received.minor, cur))))
    return Split(remittance, to_debt, family, linked, problems)


def validate_remittance(r: Remittance) -> list[Problem]:
    problems: list[Problem] = []
    if r.sent.minor <= 0:
        problems.append(Problem("sent", _("The amount sent must be more than zero.")))
    if r.fee.minor < 0:
        problems.append(Problem("fee", _("The fee cannot be negative.")))
    if r.fee.currency != r.sent.currency:
        problems.append(Problem("fee", _("Enter the fee in the same currency as the amount sent ({currency}).").format(
            currency=r.sent.currency)))
    if r.received.minor <= 0:
        problems.append(Problem("received", _("The amount received must be more than zero.")))
    return problems
