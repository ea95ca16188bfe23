"""Loan arithmetic: balance on any date, interest, monthly statements, due dates, validation.

Everything here is derived from a `Loan` and its `Repayment`s; nothing is stored.

Rules (the same for balances, statements, projections and charts):

* Money is integer minor units of the loan's currency. A repayment in another currency is
  converted with its recorded Decimal `rate` (loan-currency units per one unit paid), rounded
  half-up once (`Money.convert`). A repayment already in the loan currency needs no rate.
* Interest accrues on month anniversaries of the start date (start + 1 month, + 2 months, ...;
  the 31st becomes the last day of shorter months). On a day that has both an anniversary and
  repayments, the interest is added first, then the repayments are applied.
* `none`: no interest. `flat`: every anniversary adds round(original principal x monthly_rate)
  while anything is still owed. `declining`: every anniversary adds round(outstanding principal
  x monthly_rate) (interest on unpaid interest is not compounded). Repayments go to unpaid
  interest first, then to principal. `schedule`: the contract's schedule is the whole debt;
  balance = scheduled total - paid, and (scheduled total - principal) counts as the contract's
  interest from the start date.
* Overpayment is accepted: the balance goes negative and `overpaid` shows the amount; no
  interest accrues on a balance that is zero or negative.
* Invariant at every date: balance = principal + interest accrued - paid (converted).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation

from handbook_app.core.money import Money
from handbook_app.core.records import INTEREST_MODELS, Loan, Repayment
from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_money, format_percent, is_known_currency

MAX_MONTHLY_RATE = Decimal("0.5")
# A conversion rate outside this band is surely a typo (e.g. 0 or 10^9 VND per yen).
MIN_CONVERSION_RATE = Decimal("0.000001")
MAX_CONVERSION_RATE = Decimal("1000000")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input; `field` names the form field, `message` is translated."""

    field: str
    message: str


# --------------------------------------------------------------------------- dates


def add_months(start: dt.date, months: int) -> dt.date:
    """start + n calendar months; a day past the month's end becomes its last day."""
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    day = min(start.day, calendar.monthrange(year, month0 + 1)[1])
    return dt.date(year, month0 + 1, day)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def whole_months_between(start: dt.date, end: dt.date) -> int:
    """How many month anniversaries of `start` fall in (start, end]."""
    if end <= start:
        return 0
    n = (end.year - start.year) * 12 + (end.month - start.month)
    while n > 0 and add_months(start, n) > end:
        n -= 1
    return n


def round_minor(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------- conversion


def paid_in_loan_currency(loan: Loan, repayment: Repayment) -> Money:
    """The repayment in the loan's currency (converted with its recorded rate when needed).

    Raises ValueError if the currencies differ and no usable rate was recorded; call
    `validate_repayment` first to get a translated message instead.
    """
    currency = loan.principal.currency
    if repayment.paid.currency == currency:
        return repayment.paid
    if repayment.rate is None or repayment.rate <= 0:
        raise ValueError(f"repayment in {repayment.paid.currency} for a {currency} loan has no rate")
    return repayment.paid.convert(repayment.rate, currency)


# --------------------------------------------------------------------------- ledger


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One event: an interest accrual (kind 'interest') or a repayment (kind 'payment')."""

    date: dt.date
    kind: str  # "interest" | "payment" | "contract" (schedule model: contract's extra cost at start)
    amount: int  # minor units of the loan currency; interest added or payment made (both >= 0)
    balance: int  # balance after this event
    interest_total: int  # interest accrued up to and including this event
    paid_total: int  # paid up to and including this event
    interest_paid_total: int  # part of paid_total that went to interest
    repayment: Repayment | None = None


@dataclass(frozen=True, slots=True)
class LoanState:
    """Where a loan stands on `as_of` (end of that day). Amounts in the loan currency."""

    as_of: dt.date
    principal: Money
    interest: Money  # accrued so far
    paid: Money
    interest_paid: Money
    principal_paid: Money
    balance: Money  # principal + interest - paid; negative when overpaid
    unpaid_interest: Money
    principal_outstanding: Money

    @property
    def overpaid(self) -> Money:
        return Money(max(0, -self.balance.minor), self.balance.currency)

    @property
    def is_paid_off(self) -> bool:
        return self.balance.minor <= 0


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One calendar month of a loan statement."""

    month: dt.date  # first day of the month
    opening: Money
    interest: Money
    paid: Money
    closing: Money


class LoanLedger:
    """Every interest accrual and repayment of one loan up to a horizon, in date order.

    Build once (O(months + repayments)), then ask for the state on any date by bisection.
    """

    def __init__(self, loan: Loan, repayments: Iterable[Repayment], until: dt.date):
        self.loan = loan
        self.currency = loan.principal.currency
        self.until = until
        reps = sorted(repayments, key=lambda r: (r.date, r.id or 0))  # this loan's repayments
        self.repayments = reps
        self.entries: list[LedgerEntry] = []
        self._build(reps)
        self._dates = [e.date for e in self.entries]

    # -- construction
    def _build(self, reps: list[Repayment]) -> None:
        loan = self.loan
        model = loan.interest_model
        principal = loan.principal.minor
        rate = loan.monthly_rate if model in ("flat", "declining") else Decimal(0)
        flat_interest = round_minor(Decimal(principal) * rate) if model == "flat" else 0
        balance = principal
        principal_out = principal
        unpaid_interest = 0
        interest_total = paid_total = interest_paid_total = 0
        entries = self.entries

        if model == "schedule" and loan.schedule:
            extra = sum(int(m) for _d, m in loan.schedule) - principal
            if extra:
                balance += extra
                interest_total += extra
                if extra > 0:
                    unpaid_interest = extra
                else:
                    principal_out += extra
                entries.append(
                    LedgerEntry(loan.start, "contract", extra, balance, interest_total, paid_total, 0)
                )

        horizon = max([self.until] + [r.date for r in reps])
        n_months = whole_months_between(loan.start, horizon) if rate > 0 else 0
        anniversaries = [add_months(loan.start, k) for k in range(1, n_months + 1)]
        ai = ri = 0
        while ai < len(anniversaries) or ri < len(reps):
            take_interest = ri >= len(reps) or (ai < len(anniversaries) and anniversaries[ai] <= reps[ri].date)
            if take_interest:
                day = anniversaries[ai]
                ai += 1
                if balance <= 0:
                    continue
                amount = flat_interest if model == "flat" else round_minor(Decimal(max(principal_out, 0)) * rate)
                if amount <= 0:
                    continue
                balance += amount
                unpaid_interest += amount
                interest_total += amount
                entries.append(
                    LedgerEntry(day, "interest", amount, balance, interest_total, paid_total, interest_paid_total)
                )
            else:
                rep = reps[ri]
                ri += 1
                amount = paid_in_loan_currency(loan, rep).minor
                to_interest = min(max(amount, 0), unpaid_interest)
                unpaid_interest -= to_interest
                interest_paid_total += to_interest
                principal_out -= amount - to_interest
                balance -= amount
                paid_total += amount
                entries.append(
                    LedgerEntry(rep.date, "payment", amount, balance, interest_total, paid_total,
                                interest_paid_total, rep)
                )

    # -- queries
    def _m(self, minor: int) -> Money:
        return Money(minor, self.currency)

    def state(self, as_of: dt.date) -> LoanState:
        """The loan at the end of `as_of` (all events on that day included)."""
        principal = self.loan.principal.minor
        i = bisect.bisect_right(self._dates, as_of)
        if i == 0:
            interest = paid = interest_paid = 0
            balance = principal
        else:
            e = self.entries[i - 1]
            interest, paid, interest_paid, balance = e.interest_total, e.paid_total, e.interest_paid_total, e.balance
        unpaid_interest = interest - interest_paid
        principal_paid = paid - interest_paid
        return LoanState(
            as_of=as_of,
            principal=self._m(principal),
            interest=self._m(interest),
            paid=self._m(paid),
            interest_paid=self._m(interest_paid),
            principal_paid=self._m(principal_paid),
            balance=self._m(balance),
            unpaid_interest=self._m(unpaid_interest),
            principal_outstanding=self._m(principal - principal_paid),
        )

    def balance_minor(self, day: dt.date) -> int:
        """The balance at the end of `day` in minor units (fast path for charts and look-ups)."""
        i = bisect.bisect_right(self._dates, day)
        return self.entries[i - 1].balance if i else self.loan.principal.minor

    def balance_on(self, day: dt.date) -> Money:
        return Money(self.balance_minor(day), self.currency)

    def statement(self, until: dt.date | None = None) -> list[StatementRow]:
        """Month-by-month rows from the start month to `until`'s month (default: the horizon)."""
        end = until or max([self.until] + [r.date for r in self.repayments])
        first = month_start(min([self.loan.start] + [r.date for r in self.repayments]))
        rows: list[StatementRow] = []
        opening = self.loan.principal.minor
        idx = 0
        entries = self.entries
        month = first
        last = month_start(end)
        while month <= last:
            nxt = add_months(month, 1)
            interest = paid = 0
            while idx < len(entries) and entries[idx].date < nxt:
                e = entries[idx]
                if e.kind == "payment":
                    paid += e.amount
                else:
                    interest += e.amount
                idx += 1
            closing = opening + interest - paid
            rows.append(StatementRow(month, self._m(opening), self._m(interest), self._m(paid), self._m(closing)))
            opening = closing
            month = nxt
        return rows


def loan_state(loan: Loan, repayments: Iterable[Repayment], as_of: dt.date) -> LoanState:
    """Balance, interest accrued/paid and overpayment of a loan at the end of `as_of`."""
    return LoanLedger(loan, repayments, as_of).state(as_of)


def balance_on(loan: Loan, repayments: Iterable[Repayment], day: dt.date) -> Money:
    return loan_state(loan, repayments, day).balance


def statement(loan: Loan, repayments: Iterable[Repayment], until: dt.date) -> list[StatementRow]:
    """Monthly statement rows (month, opening, interest, paid, closing) up to and including `until`'s month
    (the whole month: events later in that month are included)."""
    month_end = add_months(month_start(until), 1) - dt.timedelta(days=1)
    return LoanLedger(loan, repayments, month_end).statement(month_end)


# --------------------------------------------------------------------------- due dates


@dataclass(frozen=True, slots=True)
class Due:
    """An amount due on a date (for reminders). `amount` None means 'no fixed amount'."""

    date: dt.date
    amount: Money | None
    paid: Money | None = None  # for schedule items: how much of this item is already covered
    overdue: bool = False


def schedule_items(loan: Loan) -> list[tuple[dt.date, Money]]:
    items = [(dt.date.fromisoformat(d), Money(int(m), loan.principal.currency)) for d, m in loan.schedule]
    return sorted(items, key=lambda t: t[0])


def due_list(loan: Loan, repayments: Iterable[Repayment], today: dt.date) -> list[Due]:
    """Schedule items with what is covered: payments cover the earliest items first."""
    if loan.interest_model != "schedule":
        return []
    paid = sum(paid_in_loan_currency(loan, r).minor for r in repayments if r.date <= today)
    out = []
    for day, amount in schedule_items(loan):
        covered = min(max(paid, 0), amount.minor)
        paid -= covered
        out.append(Due(day, amount, Money(covered, amount.currency), overdue=day < today and covered < amount.minor))
    return out


def annuity_payment(principal: int, monthly_rate: Decimal, months: int) -> int:
    """Level monthly payment P*r/(1-(1+r)^-n) (P/n if r = 0), rounded UP to the minor unit.

    Convention: lenders round the instalment up, so the agreed number of payments clears the loan; rounding
    half-up instead left a few dong for a 13th payment in many cases. The debt statement says so."""
    if months <= 0:
        raise ValueError("months must be positive")
    if monthly_rate == 0:
        return -(-principal // months)
    r = monthly_rate
    return int((Decimal(principal) * r / (1 - (1 + r) ** -months)).to_integral_value(rounding=ROUND_CEILING))


def next_due(loan: Loan, repayments: Sequence[Repayment], today: dt.date) -> Due | None:
    """The next thing to pay, for the home-screen reminder; None when nothing is owed.

    schedule: the earliest item not fully covered (overdue if its date has passed), amount = what
    remains of it. Other models: the next month anniversary on or after today; the amount is the
    instalment the loan agreement sets (`loan.instalment`) when recorded, else the level instalment when
    a term is known (annuity for declining, principal/term + interest for flat), otherwise the month's
    interest (flat/declining) or None (no interest).
    """
    state = loan_state(loan, repayments, today)
    if state.balance.minor <= 0:
        return None
    cur = loan.principal.currency
    if loan.interest_model == "schedule":
        for item in due_list(loan, repayments, today):
            assert item.amount is not None and item.paid is not None
            remaining = item.amount.minor - item.paid.minor
            if remaining > 0:
                return Due(item.date, Money(remaining, cur), item.paid, overdue=item.date < today)
        return Due(today, state.balance, overdue=False)
    k = whole_months_between(loan.start, today)
    day = add_months(loan.start, k)
    if day < today or k == 0:
        day = add_months(loan.start, k + 1)
    p = loan.principal.minor
    r = loan.monthly_rate
    if loan.interest_model == "declining":
        interest_next = round_minor(Decimal(max(state.principal_outstanding.minor, 0)) * r)
        level = annuity_payment(p, r, loan.term_months) if loan.term_months else interest_next
    elif loan.interest_model == "flat":
        interest_next = round_minor(Decimal(p) * r)
        level = (-(-p // loan.term_months) + interest_next) if loan.term_months else interest_next
    else:
        interest_next = 0
        level = -(-p // loan.term_months) if loan.term_months else 0
    if loan.instalment.minor > 0 and loan.instalment.currency == cur:
        level = loan.instalment.minor  # what the trainee agreed to pay each month
    amount = min(level, state.balance.minor + interest_next)
    if amount <= 0:
        return Due(day, None)
    return Due(day, Money(amount, cur))


# --------------------------------------------------------------------------- validation


def _rate_problem(rate: Decimal | None) -> bool:
    try:
        return rate is None or not rate.is_finite() or rate < MIN_CONVERSION_RATE or rate > MAX_CONVERSION_RATE
    except (InvalidOperation, AttributeError):
        return True


def validate_loan(loan: Loan) -> list[Problem]:
    problems: list[Problem] = []
    cur = loan.principal.currency
    if not is_known_currency(cur):
        problems.append(Problem("principal", _("Unknown currency: {code}").format(code=cur)))
        return problems
    if loan.principal.minor <= 0:
        problems.append(Problem("principal", _("The amount borrowed must be more than zero.")))
    if loan.interest_model not in INTEREST_MODELS:
        problems.append(Problem("interest_model", _("Unknown interest model: {model}").format(
            model=loan.interest_model)))
    if loan.interest_model in ("flat", "declining"):
        rate = loan.monthly_rate
        if not isinstance(rate, Decimal) or not rate.is_finite() or rate < 0:
            problems.append(Problem("monthly_rate", _("The interest rate cannot be negative.")))
        elif rate > MAX_MONTHLY_RATE:
            problems.append(Problem("monthly_rate", _(
                "An interest rate of {rate} per month is not believable. Enter the rate per month "
                "(for example 1.5% per month), not per year, and check for a typing mistake.").format(
                rate=format_percent(rate))))
    if loan.term_months is not None and loan.term_months <= 0:
        problems.append(Problem("term_months", _("The number of months must be more than zero.")))
    if loan.interest_model == "schedule":
        if not loan.schedule:
            problems.append(Problem("schedule", _("Add the payments the contract lists (date and amount).")))
        for day, minor in loan.schedule:
            try:
                d = dt.date.fromisoformat(day)
            except (TypeError, ValueError):
                problems.append(Problem("schedule", _("'{text}' is not a date.").format(text=day)))
                continue
            if int(minor) <= 0:
                problems.append(Problem("schedule", _("The payment due on {date} must be more than zero.").format(
                    date=day)))
            if d < loan.start:
                problems.append(Problem("schedule", _("A payment is due on {date}, before the loan started.").format(
                    date=day)))
    return problems


def validate_repayment(loan: Loan, repayment: Repayment) -> list[Problem]:
    problems: list[Problem] = []
    cur = repayment.paid.currency
    if not is_known_currency(cur):
        return [Problem("paid", _("Unknown currency: {code}").format(code=cur))]
    if repayment.paid.minor <= 0:
        problems.append(Problem("paid", _("The amount paid must be more than zero.")))
    if repayment.date < loan.start:
        problems.append(Problem("date", _("This payment is dated before the loan started ({start}).").format(
            start=loan.start.isoformat())))
    if cur != loan.principal.currency:
        if repayment.rate is None:
            problems.append(Problem("rate", _(
                "The loan is in {loan_currency} but this payment is in {currency}: enter the exchange rate "
                "({loan_currency} for one {currency}).").format(loan_currency=loan.principal.currency, currency=cur)))
        elif _rate_problem(repayment.rate):
            problems.append(Problem("rate", _("The exchange rate {rate} cannot be right.").format(
                rate=str(repayment.rate))))
    elif repayment.rate is not None and repayment.rate != 1:
        problems.append(Problem("rate", _(
            "This payment is already in the loan's currency; leave the exchange rate empty.")))
    return problems


def validate(loan: Loan, repayments: Iterable[Repayment] = ()) -> list[Problem]:
    """All problems with a loan and its repayments, as values (never raises for bad input)."""
    problems = validate_loan(loan)
    for rep in repayments:
        problems.extend(validate_repayment(loan, rep))
    return problems


def describe_state(state: LoanState, locale: str | None = None) -> str:
    """A one-line summary for lists and reminders."""
    cur = state.balance.currency
    if state.balance.minor < 0:
        return _("Overpaid by {amount}").format(amount=format_money(-state.balance.minor, cur, locale))
    if state.balance.minor == 0:
        return _("Paid off")
    return _("Still owed: {amount}").format(amount=format_money(state.balance.minor, cur, locale))
