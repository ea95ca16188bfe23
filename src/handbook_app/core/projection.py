"""Payoff projections: one loan with a planned monthly payment, or several loans sharing a budget.

A projection starts from a loan's real state on `start` (see loans.py) and then, one month
after another (start + 1 month, start + 2 months, ...), adds that month's interest the way the
loan's model does and applies the planned payment: interest first, then principal. The last
payment is the exact remainder, so a projection never ends below zero.

When the payment is in another currency than the loan (a JPY budget for a VND loan), it is
converted with the chosen Decimal rate (loan-currency units per one unit of the payment),
rounded half-up once per payment. The budget amount needed to clear a balance is rounded up, and
at most one minor unit of the budget currency per loan payoff is left unused.

Never pays off: when a month passes in which no debt shrinks (the payment does not even cover
the interest), the projection stops and says so; the same after `max_months` (50 years).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from handbook_app.core.loans import LoanLedger, add_months, round_minor
from handbook_app.core.money import Money
from handbook_app.core.records import Loan, Repayment
from handbook_app.i18n import N_, _
from handbook_app.i18n.formatting import currency_digits, format_date, format_money, join_sentences

MAX_MONTHS = 600

STRATEGIES = {
    "custom": N_("My own order (for example family first)"),
    "snowball": N_("Smallest balance first (snowball)"),
    "avalanche": N_("Highest interest first (avalanche)"),
}


@dataclass(frozen=True, slots=True)
class Plan:
    """A planned monthly payment; `rate` converts it into the loan's currency when they differ."""

    payment: Money
    rate: Decimal | None = None  # loan-currency units per one unit of payment.currency


@dataclass(frozen=True, slots=True)
class ProjectionRow:
    date: dt.date
    opening: Money
    interest: Money
    paid: Money
    closing: Money


@dataclass(frozen=True)
class Projection:
    """One loan's projected payoff (amounts in the loan currency)."""

    loan: Loan
    start: dt.date
    payment: Money  # the monthly payment as it reaches the loan (loan currency)
    balance_at_start: Money
    months: int | None  # None when it never pays off
    payoff_date: dt.date | None
    total_interest: Money  # interest still to come under this plan (up to the stop when never)
    total_paid: Money
    never_pays_off: bool
    rows: list[ProjectionRow] = field(default_factory=list)
    deadline: dt.date | None = None

    @property
    def debt_trap(self) -> bool:
        """True when the debt is not paid by the deadline (contract end, period of stay)."""
        if self.deadline is None:
            return False
        return self.never_pays_off or (self.payoff_date is not None and self.payoff_date > self.deadline)

    def message(self, locale: str | None = None) -> str:
        cur = self.payment.currency
        if self.never_pays_off:
            return _(
                "A payment of {payment} a month does not cover the interest: this debt never gets paid off."
            ).format(payment=format_money(self.payment.minor, cur, locale))
        if self.months == 0:
            return _("Nothing is owed.")
        text = _("Paid off in {months} months, on {date}; interest still to pay: {interest}.").format(
            months=self.months, date=format_date(self.payoff_date, locale),
            interest=format_money(self.total_interest.minor, cur, locale),
        )
        if self.debt_trap:
            text = join_sentences([text, _("This is after {deadline}, when your contract or period of stay ends.")
                                   .format(deadline=format_date(self.deadline, locale))], locale)
        return text


@dataclass(frozen=True, slots=True)
class Comparison:
    a: Projection
    b: Projection
    months_saved: int | None  # months b finishes earlier than a (None if either never pays off)
    interest_saved: Money | None  # interest b saves over a


@dataclass(frozen=True)
class LoanOutcome:
    loan: Loan
    balance_at_start: Money
    payoff_date: dt.date | None
    months: int | None
    total_interest: Money
    total_paid: Money


@dataclass(frozen=True)
class BudgetMonth:
    date: dt.date
    balances: tuple[int, ...]  # per debt, in the input order, minor units of each loan's currency
    paid: tuple[int, ...]
    unused: int  # budget minor units not needed this month


@dataclass(frozen=True)
class BudgetProjection:
    budget: Money
    strategy: str
    order: tuple[int, ...]  # indices into the input debts, in payoff priority
    outcomes: list[LoanOutcome]  # input order
    months: int | None
    payoff_date: dt.date | None
    never_pays_off: bool
    rows: list[BudgetMonth]
    deadline: dt.date | None = None

    @property
    def debt_trap(self) -> bool:
        if self.deadline is None:
            return False
        return self.never_pays_off or (self.payoff_date is not None and self.payoff_date > self.deadline)

    def total_interest(self) -> dict[str, Money]:
        out: dict[str, Money] = {}
        for o in self.outcomes:
            cur = o.total_interest.currency
            out[cur] = out.get(cur, Money.zero(cur)) + o.total_interest
        return out


# --------------------------------------------------------------------------- engine


class _Debt:
    __slots__ = ("loan", "cur", "balance", "principal_out", "unpaid", "flat", "rate", "model",
                 "interest_total", "paid_total", "payoff", "months", "start_balance", "conv")

    def __init__(self, loan: Loan, repayments: Sequence[Repayment], start: dt.date, conv: Decimal | None):
        state = LoanLedger(loan, repayments, start).state(start)
        self.loan = loan
        self.cur = loan.principal.currency
        self.balance = state.balance.minor
        self.start_balance = self.balance
        self.principal_out = state.principal_outstanding.minor
        self.unpaid = state.unpaid_interest.minor
        self.model = loan.interest_model
        self.rate = loan.monthly_rate if self.model in ("flat", "declining") else Decimal(0)
        self.flat = round_minor(Decimal(loan.principal.minor) * self.rate) if self.model == "flat" else 0
        self.interest_total = 0
        self.paid_total = 0
        self.payoff: dt.date | None = start if self.balance <= 0 else None
        self.months: int | None = 0 if self.balance <= 0 else None
        self.conv = conv  # loan-currency units per budget unit, None when same currency

    def month_interest(self) -> int:
        if self.balance <= 0:
            return 0
        if self.model == "flat":
            return self.flat
        if self.model == "declining":
            return round_minor(Decimal(max(self.principal_out, 0)) * self.rate)
        return 0

    def accrue(self) -> int:
        amount = self.month_interest()
        self.balance += amount
        self.unpaid += amount
        self.interest_total += amount
        return amount

    def apply(self, amount: int) -> None:
        to_interest = min(amount, self.unpaid)
        self.unpaid -= to_interest
        self.principal_out -= amount - to_interest
        self.balance -= amount
        self.paid_total += amount

    def effective_rate(self) -> Decimal:
        if self.balance <= 0:
            return Decimal(0)
        return Decimal(self.month_interest()) / Decimal(self.balance)


def _conv_for(loan_currency: str, budget: Money, rates: Mapping[str, Decimal] | None) -> Decimal | None:
    if loan_currency == budget.currency:
        return None
    rate = (rates or {}).get(loan_currency)
    if rate is None or rate <= 0:
        raise ValueError(f"no rate from {budget.currency} to {loan_currency}")
    return rate


def _budget_needed(debt: _Debt, loan_minor: int, budget_currency: str) -> int:
    """Smallest budget amount (minor units) that converts to at least `loan_minor`."""
    if debt.conv is None:
        return loan_minor
    major = Decimal(loan_minor).scaleb(-currency_digits(debt.cur)) / debt.conv
    return int(major.scaleb(currency_digits(budget_currency)).to_integral_value(rounding=ROUND_CEILING))


def _to_loan(debt: _Debt, budget_minor: int, budget_currency: str) -> int:
    if debt.conv is None:
        return budget_minor
    return Money(budget_minor, budget_currency).convert(debt.conv, debt.cur).minor


def _run(debts: list[_Debt], order: Sequence[int], budget: Money, start: dt.date, max_months: int):
    rows: list[BudgetMonth] = []
    never = False
    month = 0
    while any(d.balance > 0 for d in debts):
        if month >= max_months:
            never = True
            break
        month += 1
        day = add_months(start, month)
        before = [d.balance for d in debts]
        interest = [d.accrue() for d in debts]
        remaining = budget.minor
        paid = [0] * len(debts)
        # 1) this month's interest on every debt, in priority order; 2) the rest, in priority order.
        for phase in (0, 1):
            for i in order:
                d = debts[i]
                if remaining <= 0 or d.balance <= 0:
                    continue
                target = min(interest[i] - paid[i], d.balance) if phase == 0 else d.balance
                if target <= 0:
                    continue
                spend = min(_budget_needed(d, target, budget.currency), remaining)
                amount = min(_to_loan(d, spend, budget.currency), target)
                if amount <= 0:
                    continue
                remaining -= spend
                d.apply(amount)
                paid[i] += amount
        for d in debts:
            if d.payoff is None and d.balance <= 0:
                d.payoff, d.months = day, month
        rows.append(BudgetMonth(day, tuple(d.balance for d in debts), tuple(paid), remaining))
        if all(d.balance >= b for d, b in zip(debts, before, strict=True)):
            never = True  # nothing shrank: the payment does not cover the interest
            break
    return rows, never, month


def project_payoff(
    loan: Loan,
    repayments: Sequence[Repayment],
    plan: Plan,
    start: dt.date,
    deadline: dt.date | None = None,
    max_months: int = MAX_MONTHS,
) -> Projection:
    """Payoff month, months needed and interest to come when paying `plan.payment` every month."""
    cur = loan.principal.currency
    conv = _conv_for(cur, plan.payment, {cur: plan.rate} if plan.rate is not None else None)
    debt = _Debt(loan, repayments, start, conv)
    payment_in_loan = _to_loan(debt, plan.payment.minor, plan.payment.currency)
    start_balance = debt.balance
    rows, never, _m = _run([debt], [0], plan.payment, start, max_months)
    prows = []
    opening = start_balance
    for r in rows:
        closing = r.balances[0]
        paid = r.paid[0]
        prows.append(ProjectionRow(r.date, Money(opening, cur), Money(closing - opening + paid, cur),
                                   Money(paid, cur), Money(closing, cur)))
        opening = closing
    return Projection(
        loan=loan, start=start, payment=Money(payment_in_loan, cur), balance_at_start=Money(start_balance, cur),
        months=None if never else (debt.months or 0), payoff_date=None if never else debt.payoff,
        total_interest=Money(debt.interest_total, cur), total_paid=Money(debt.paid_total, cur),
        never_pays_off=never, rows=prows, deadline=deadline,
    )


def compare_plans(
    loan: Loan, repayments: Sequence[Repayment], a: Plan, b: Plan, start: dt.date, deadline: dt.date | None = None
) -> Comparison:
    pa = project_payoff(loan, repayments, a, start, deadline)
    pb = project_payoff(loan, repayments, b, start, deadline)
    if pa.never_pays_off or pb.never_pays_off:
        return Comparison(pa, pb, None, None)
    return Comparison(pa, pb, (pa.months or 0) - (pb.months or 0), pa.total_interest - pb.total_interest)


def payoff_order(
    debts: Sequence[_Debt] | Sequence[tuple[Loan, Sequence[Repayment]]],
    strategy: str,
    custom: Sequence[int] | None = None,
    budget_currency: str | None = None,
) -> list[int]:
    """Indices of debts in payoff priority for a strategy (see STRATEGIES)."""
    items = list(debts)
    if strategy == "custom":
        ids = [d.loan.id if isinstance(d, _Debt) else d[0].id for d in items]
        order: list[int] = []
        for want in custom or ():
            for i, lid in enumerate(ids):
                if lid == want and i not in order:
                    order.append(i)
        return order + [i for i in range(len(items)) if i not in order]
    if not all(isinstance(d, _Debt) for d in items):
        raise TypeError("snowball/avalanche order needs projected debts")
    ds: list[_Debt] = items  # type: ignore[assignment]

    def in_budget(d: _Debt) -> Decimal:
        major = Decimal(d.balance).scaleb(-currency_digits(d.cur))
        return major / d.conv if d.conv is not None else major

    if strategy == "snowball":
        return sorted(range(len(ds)), key=lambda i: (in_budget(ds[i]), -ds[i].effective_rate(), i))
    if strategy == "avalanche":
        return sorted(range(len(ds)), key=lambda i: (-ds[i].effective_rate(), in_budget(ds[i]), i))
    raise ValueError(f"unknown strategy {strategy!r}")


def project_budget(
    debts: Sequence[tuple[Loan, Sequence[Repayment]]],
    budget: Money,
    strategy: str,
    start: dt.date,
    rates: Mapping[str, Decimal] | None = None,
    custom_order: Sequence[int] | None = None,
    deadline: dt.date | None = None,
    max_months: int = MAX_MONTHS,
) -> BudgetProjection:
    """Several loans paid from one monthly budget.

    Each month every loan's interest is covered first (in priority order, as far as the budget
    goes), then everything left goes to the loans in priority order; money freed when a loan is
    paid off rolls over to the next one the same month. `rates` maps a loan currency to loan units
    per one budget unit. Snowball orders by the balance at `start` (smallest first), avalanche by
    the interest rate at `start` relative to the balance (highest first; for a flat loan this is
    higher than its nominal rate); custom follows `custom_order` (loan ids), then the rest.
    """
    ds = [_Debt(loan, reps, start, _conv_for(loan.principal.currency, budget, rates)) for loan, reps in debts]
    order = payoff_order(ds, strategy, custom_order, budget.currency)
    rows, never, month = _run(ds, order, budget, start, max_months)
    outcomes = [
        LoanOutcome(d.loan, Money(d.start_balance, d.cur), d.payoff, d.months,
                    Money(d.interest_total, d.cur), Money(d.paid_total, d.cur))
        for d in ds
    ]
    payoff = None if never else (rows[-1].date if rows else start)
    return BudgetProjection(
        budget=budget, strategy=strategy, order=tuple(order), outcomes=outcomes,
        months=None if never else month, payoff_date=payoff, never_pays_off=never, rows=rows, deadline=deadline,
    )
