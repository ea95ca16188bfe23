"""Chart data (not drawing): plain series that the Qt UI and the ReportLab reports both draw.

A `Series` is a name, a currency and points (date, minor units). `kind` says how to draw it:
"actual" (solid), "projected" (dashed), "bar" (monthly bars). Names are translated at build time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from handbook_app.core.loans import LoanLedger, add_months, month_start
from handbook_app.core.money import Money
from handbook_app.core.projection import Projection
from handbook_app.core.records import Loan, Remittance, Repayment
from handbook_app.core.remittances import monthly_totals
from handbook_app.i18n import _


@dataclass(frozen=True)
class Series:
    name: str
    currency: str
    points: list[tuple[dt.date, int]] = field(default_factory=list)
    kind: str = "actual"  # actual | projected | bar


@dataclass(frozen=True)
class Chart:
    title: str
    currency: str
    series: list[Series] = field(default_factory=list)


def _month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last day of every month from first's month to last's month."""
    out = []
    m = month_start(first)
    while m <= last:
        nxt = add_months(m, 1)
        out.append(min(nxt - dt.timedelta(days=1), last))
        m = nxt
    return out


def loan_balance_series(
    loan: Loan, repayments: Sequence[Repayment], until: dt.date, projection: Projection | None = None,
) -> list[Series]:
    """The balance at each month end from the start to `until`, plus the projected payoff if given."""
    ledger = LoanLedger(loan, repayments, until)
    cur = loan.principal.currency
    name = loan.lender or _("Loan")
    points = [(loan.start, loan.principal.minor)]
    points += [(d, ledger.balance_minor(d)) for d in _month_ends(loan.start, until) if d > loan.start]
    series = [Series(name, cur, points, "actual")]
    if projection is not None and projection.rows:
        proj = [(projection.start, projection.balance_at_start.minor)]
        proj += [(r.date, r.closing.minor) for r in projection.rows]
        series.append(Series(_("{name} (projected)").format(name=name), cur, proj, "projected"))
    return series


def total_remaining_series(
    debts: Iterable[tuple[Loan, Sequence[Repayment]]], currency: str, until: dt.date,
    rates: Mapping[str, Decimal] | None = None,
) -> Series:
    """The sum of all balances at each month end, in `currency` (other currencies converted with
    `rates`: units of `currency` per one unit of the loan currency; loans without a rate are left out)."""
    rates = rates or {}
    totals: dict[dt.date, int] = {}
    debts = list(debts)
    if not debts:
        return Series(_("Total still owed"), currency, [])
    first = min(loan.start for loan, _r in debts)
    days = _month_ends(first, until)
    for loan, reps in debts:
        cur = loan.principal.currency
        if cur != currency and cur not in rates:
            continue
        ledger = LoanLedger(loan, reps, until)
        for d in days:
            if d < loan.start:
                continue
            bal = ledger.balance_minor(d)
            value = bal if cur == currency else Money(bal, cur).convert(rates[cur], currency).minor
            totals[d] = totals.get(d, 0) + value
    return Series(_("Total still owed"), currency, sorted(totals.items()))


def remittance_charts(remittances: Iterable[Remittance]) -> list[Chart]:
    """Per month: one chart in the sent currency (sent, fee) and one in the received currency."""
    rows = monthly_totals(remittances)
    by_sent: dict[str, Chart] = {}
    by_recv: dict[str, Chart] = {}
    for t in rows:
        sc, rc = t.sent.currency, t.received.currency
        if sc not in by_sent:
            by_sent[sc] = Chart(_("Sent per month ({currency})").format(currency=sc), sc, [
                Series(_("Sent"), sc, [], "bar"), Series(_("Fees"), sc, [], "bar")])
        if rc not in by_recv:
            by_recv[rc] = Chart(_("Received per month ({currency})").format(currency=rc), rc, [
                Series(_("Received"), rc, [], "bar")])
        _add(by_sent[sc].series[0], t.period, t.sent)
        _add(by_sent[sc].series[1], t.period, t.fee)
        _add(by_recv[rc].series[0], t.period, t.received)
    return list(by_sent.values()) + list(by_recv.values())


def _add(series: Series, day: dt.date, amount: Money) -> None:
    # Rows come sorted by month; several currency pairs may share a month.
    if series.points and series.points[-1][0] == day:
        series.points[-1] = (day, series.points[-1][1] + amount.minor)
    else:
        series.points.append((day, amount.minor))
