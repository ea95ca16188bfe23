"""Debts and money sent home, as the Home, Debts and Remittances screens and the PDF see them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from handbook_app.core import charts, projection
from handbook_app.core.csv_import import ImportPlan, ImportSettings, RejectedRow, file_rows, plan_import
from handbook_app.core.fees import FeeReport, check_fees
from handbook_app.core.loans import (
    Due,
    LoanLedger,
    LoanState,
    StatementRow,
    add_months,
    next_due,
    paid_in_loan_currency,
    round_minor,
    statement,
    whole_months_between,
)
from handbook_app.core.money import Money
from handbook_app.core.records import Contract, Loan, RecruitmentFee, Remittance, Repayment
from handbook_app.core.remittances import (
    PeriodTotal,
    Split,
    WhatIf,
    at_rate_total,
    monthly_totals,
    split,
    yearly_totals,
)
from handbook_app.core.validation import ValidationError
from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_date, format_money
from handbook_app.services.changes import Changes
from handbook_app.services.handbook import Handbook


@dataclass(frozen=True)
class LoanView:
    loan: Loan
    repayments: list[Repayment]
    state: LoanState
    next_due: Due | None


@dataclass(frozen=True)
class DebtOverview:
    loans: list[LoanView]
    remaining: dict[str, Money]  # per currency, overpaid loans count as zero
    deadline: dt.date | None  # when the current contract or period of stay ends, whichever is first


def deadline(handbook: Handbook, today: dt.date) -> dt.date | None:
    """The debt-trap line: the earliest end of the current contract or period of stay."""
    ends = []
    for c in handbook.records(Contract):
        for day in (c.end, c.stay_expiry):
            if day is not None and day >= today:
                ends.append(day)
    return min(ends) if ends else None


def repayments_by_loan(handbook: Handbook, repayments: list[Repayment] | None = None) -> dict[int, list[Repayment]]:
    """Repayments by loan, in date order (`repayments`: already read, in date order)."""
    grouped: dict[int, list[Repayment]] = defaultdict(list)
    for rep in handbook.records(Repayment, order="date") if repayments is None else repayments:
        grouped[rep.loan_id].append(rep)
    return grouped


def debt_overview(handbook: Handbook, today: dt.date | None = None) -> DebtOverview:
    today = today or dt.date.today()
    grouped = repayments_by_loan(handbook)
    views = []
    remaining: dict[str, Money] = {}
    for loan in handbook.records(Loan, order="start"):
        reps = grouped.get(loan.id, [])
        state = LoanLedger(loan, reps, max(today, loan.start)).state(today)
        views.append(LoanView(loan, reps, state, next_due(loan, reps, today)))
        cur = loan.principal.currency
        owed = state.balance if state.balance.minor > 0 else Money.zero(cur)
        remaining[cur] = remaining.get(cur, Money.zero(cur)) + owed
    return DebtOverview(views, remaining, deadline(handbook, today))


def project_loan(
    handbook: Handbook, loan_id: int, plan: projection.Plan, today: dt.date | None = None
) -> projection.Projection:
    today = today or dt.date.today()
    loan = handbook.record(Loan, loan_id)
    if loan is None:
        raise KeyError(loan_id)
    reps = repayments_by_loan(handbook).get(loan_id, [])
    return projection.project_payoff(loan, reps, plan, today, deadline(handbook, today))


def project_all(
    handbook: Handbook, budget: Money, strategy: str, rates: dict[str, Decimal] | None = None,
    custom_order: list[int] | None = None, today: dt.date | None = None,
) -> projection.BudgetProjection:
    today = today or dt.date.today()
    grouped = repayments_by_loan(handbook)
    debts = [(loan, grouped.get(loan.id, [])) for loan in handbook.records(Loan, order="start")]
    return projection.project_budget(debts, budget, strategy, today, rates, custom_order, deadline(handbook, today))


def debt_charts(handbook: Handbook, today: dt.date | None = None) -> list[charts.Series]:
    today = today or dt.date.today()
    grouped = repayments_by_loan(handbook)
    out: list[charts.Series] = []
    for loan in handbook.records(Loan, order="start"):
        out += charts.loan_balance_series(loan, grouped.get(loan.id, []), max(today, loan.start))
    return out


@dataclass(frozen=True)
class RemittanceOverview:
    months: list[PeriodTotal]
    years: list[PeriodTotal]
    charts: list[charts.Chart]
    sent_this_year: dict[str, Money]
    received_this_year: dict[str, Money]


def remittance_overview(handbook: Handbook, today: dt.date | None = None,
                        rows: Sequence[Remittance] | None = None) -> RemittanceOverview:
    """Totals and charts; `rows` (all remittances, by date) saves a second load when a list already holds them."""
    today = today or dt.date.today()
    rows = handbook.records(Remittance, order="date") if rows is None else rows
    sent: dict[str, Money] = {}
    received: dict[str, Money] = {}
    for r in rows:
        if r.date.year == today.year:
            sent[r.sent.currency] = sent.get(r.sent.currency, Money.zero(r.sent.currency)) + r.sent
            received[r.received.currency] = received.get(r.received.currency, Money.zero(r.received.currency)) \
                + r.received
    return RemittanceOverview(monthly_totals(rows), yearly_totals(rows), charts.remittance_charts(rows), sent, received)


def fee_report(handbook: Handbook, rates: dict[str, Decimal] | None = None) -> FeeReport:
    """Recruitment fees against the reference limits, using the first contract's length and wage."""
    contracts = sorted(handbook.records(Contract), key=lambda c: c.start or dt.date.max)
    months = wage = None
    if contracts:
        first = contracts[0]
        if first.start and first.end:
            months = (first.end.year - first.start.year) * 12 + first.end.month - first.start.month + 1
        if first.wage.minor:
            hours = first.hours_per_month or Decimal(160)
            wage = first.wage if first.wage_kind == "monthly" else Money(int(first.wage.minor * hours), "JPY")
    return check_fees(handbook.records(RecruitmentFee), contract_months=months, monthly_wage=wage, rates=rates)


def plan_csv(handbook: Handbook, data: bytes, settings: ImportSettings) -> ImportPlan:
    """The rows to import, each already through the same validation as saving it (fee above the amount sent,
    year 0001, amounts over the limit are refused here with the reason, not when Import is pressed)."""
    existing = handbook.records(Remittance if settings.kind == "remittance" else Repayment)
    plan = plan_import(data, settings, existing)
    records, lines, rejected = [], [], list(plan.rejected)
    cells = None
    for line, record in zip(plan.lines, plan.records, strict=True):
        try:
            handbook.check(record)
        except ValidationError as exc:
            cells = cells if cells is not None else file_rows(data)
            rejected.append(RejectedRow(line, cells[line - 1] if line <= len(cells) else [],
                                        [p.message for p in exc.problems]))
            continue
        records.append(record)
        lines.append(line)
    return ImportPlan(plan.kind, plan.encoding, records, lines, sorted(rejected, key=lambda r: r.line))


def apply_csv(handbook: Handbook, plan: ImportPlan) -> Changes:
    """Save every accepted row, or none (one transaction)."""
    return handbook.add_many(list(plan.records))


# --------------------------------------------------------------------------- screens (issue 4 UI)

PACE_MONTHS = 6  # the "current pace" of a loan: what was paid on it over the last six months


@dataclass(frozen=True)
class LoanOutlook:
    """One loan as the Debts screen shows it: where it stands, the recent pace, when that pace pays it off."""

    view: LoanView
    # average paid per month over the last `pace_months` months (loan currency): zero when nothing was paid
    # in that time; None only for a loan less than a month old with nothing paid yet (no pace to tell)
    pace: Money | None
    # payoff at that pace (never_pays_off when the pace is zero or does not cover the interest);
    # None when nothing is owed or there is no pace yet
    projection: projection.Projection | None
    pace_months: int = PACE_MONTHS  # the months the pace averages over (fewer for a loan younger than that)
    last_paid: dt.date | None = None  # the latest counted repayment on or before today


@dataclass(frozen=True)
class DebtScreenData:
    overview: DebtOverview
    outlooks: list[LoanOutlook]
    charts: list[charts.Chart]  # one balance chart per loan currency, with the projected part dashed
    problems: list[str] = field(default_factory=list)  # translated: records left out of the figures

    @property
    def debt_trap(self) -> list[LoanOutlook]:
        return [o for o in self.outlooks if o.projection is not None and o.projection.debt_trap]


def pace_window(loan: Loan, today: dt.date, months: int = PACE_MONTHS) -> int:
    """How many months the pace averages over: `months`, or the whole months since the loan started when
    it is younger (a loan two months old paid twice is paid monthly, not a third of that); 0 when it is
    less than a month old."""
    return min(months, whole_months_between(loan.start, today))


def recent_pace(loan: Loan, reps: list[Repayment], today: dt.date, months: int = PACE_MONTHS) -> Money | None:
    """The average monthly payment over the last `months` months (or since the loan started, when that is
    shorter), in the loan's currency. Zero when nothing was paid in that time; None when the loan is less
    than a month old and nothing has been paid yet (too early to have a pace)."""
    since = add_months(today, -months)
    total = 0
    for rep in reps:
        if since < rep.date <= today:
            try:
                total += paid_in_loan_currency(loan, rep).minor
            except ValueError:
                continue
    window = pace_window(loan, today, months)
    if window == 0 and total <= 0:
        return None
    # An average, rounded half-up to the minor unit (not up: 10 paid over 3 months is 3 a month, not 4).
    return Money(max(0, round_minor(Decimal(total) / max(1, window))), loan.principal.currency)


def at_recent_pace(loan: Loan, reps: list[Repayment], pace: Money, today: dt.date,
                   deadline_day: dt.date | None) -> projection.Projection:
    """The payoff at the recent pace. The pace is an average rounded to the minor unit (at most half a unit a
    month off the exact one), so a last payment no larger than that rounding over the months before it is the
    rounding, not a month of its own: 20,000,000 ₫ at 5,000,000 per 6 months is paid off in 24 months, not 25."""
    proj = projection.project_payoff(loan, reps, projection.Plan(pace), today, deadline_day)
    if proj.never_pays_off or not proj.months or proj.months < 2 or len(proj.rows) < 2:
        return proj
    last, before = proj.rows[-1], proj.rows[-2]
    if last.interest.minor != 0 or last.paid.minor * 2 > proj.months - 1:
        return proj
    rows = [*proj.rows[:-2], replace(before, paid=before.paid + last.paid, closing=Money(0, before.closing.currency))]
    return replace(proj, months=proj.months - 1, payoff_date=before.date, rows=rows)


def usable_repayments(loan: Loan, reps: list[Repayment]) -> tuple[list[Repayment], list[Repayment]]:
    """(counted, left out): a repayment in another currency without a usable rate cannot be counted."""
    counted, left_out = [], []
    for rep in reps:
        try:
            paid_in_loan_currency(loan, rep)
        except ValueError:
            left_out.append(rep)
        else:
            counted.append(rep)
    return counted, left_out


def debt_screen(handbook: Handbook, today: dt.date | None = None, with_charts: bool = True,
                loans: list[Loan] | None = None, repayments: list[Repayment] | None = None) -> DebtScreenData:
    """Everything the Debts screen's overview needs in one pass: balances, pace, payoff, charts.

    A repayment that cannot be converted (another currency, no rate) is left out of the figures and
    reported in `problems` (translated) instead of stopping the whole screen. `loans` (by start) and
    `repayments` (by date): the records when the caller has already read them (a report).
    """
    today = today or dt.date.today()
    grouped = repayments_by_loan(handbook, repayments)
    end = deadline(handbook, today)
    views: list[LoanView] = []
    remaining: dict[str, Money] = {}
    outlooks: list[LoanOutlook] = []
    problems: list[str] = []
    by_currency: dict[str, list[charts.Series]] = {}
    for loan in handbook.records(Loan, order="start") if loans is None else loans:
        reps, left_out = usable_repayments(loan, grouped.get(loan.id, []))
        for rep in left_out:
            problems.append(_(
                "A repayment of {amount} on {date} for “{loan}” has no exchange rate to {currency}, so it is not "
                "counted. Edit it and enter the rate.").format(
                amount=format_money(rep.paid.minor, rep.paid.currency), date=format_date(rep.date),
                loan=loan.lender or format_money(loan.principal.minor, loan.principal.currency),
                currency=loan.principal.currency))
        state = LoanLedger(loan, reps, max(today, loan.start)).state(today)
        view = LoanView(loan, reps, state, next_due(loan, reps, today))
        views.append(view)
        cur = loan.principal.currency
        owed = state.balance if state.balance.minor > 0 else Money.zero(cur)
        remaining[cur] = remaining.get(cur, Money.zero(cur)) + owed
        pace = recent_pace(loan, reps, today)
        proj = None
        if state.balance.minor > 0 and pace is not None:
            # at the pace actually paid lately, never at the instalment due: with nothing paid for months the
            # pace is zero and the loan is not paid off at it (a scheduled instalment is no pace)
            proj = at_recent_pace(loan, reps, pace, today, end)
        last_paid = max((rep.date for rep in reps if rep.date <= today), default=None)
        outlooks.append(LoanOutlook(view, pace, proj, max(1, pace_window(loan, today)), last_paid))
        if with_charts:  # Home needs the debt-trap warning, not the charts
            by_currency.setdefault(cur, []).extend(charts.loan_balance_series(loan, reps, max(today, loan.start), proj))
    chart_list = [charts.Chart(_("Still owed ({currency})").format(currency=cur), cur, series)
                  for cur, series in by_currency.items()]
    return DebtScreenData(DebtOverview(views, remaining, end), outlooks, chart_list, problems)


def loan_statement(handbook: Handbook, loan_id: int, until: dt.date | None = None) -> list[StatementRow]:
    """Month-by-month rows (opening, interest, paid, closing) of one loan up to `until`'s month."""
    loan = handbook.record(Loan, loan_id)
    if loan is None:
        raise KeyError(loan_id)
    reps, _left_out = usable_repayments(loan, repayments_by_loan(handbook).get(loan_id, []))
    return statement(loan, reps, until or dt.date.today())


def compare_loan_plans(handbook: Handbook, loan_id: int, a: projection.Plan, b: projection.Plan,
                       today: dt.date | None = None) -> projection.Comparison:
    today = today or dt.date.today()
    loan = handbook.record(Loan, loan_id)
    if loan is None:
        raise KeyError(loan_id)
    reps = repayments_by_loan(handbook).get(loan_id, [])
    return projection.compare_plans(loan, reps, a, b, today, deadline(handbook, today))


def remittance_splits(handbook: Handbook) -> list[Split]:
    """Each remittance divided between family support and the repayments linked to it, newest first."""
    loans = handbook.records(Loan)
    by_rem: dict[int, list[Repayment]] = defaultdict(list)
    for rep in handbook.records(Repayment):
        if rep.remittance_id is not None:
            by_rem[rep.remittance_id].append(rep)
    rows = handbook.records(Remittance, order="date")
    return [split(r, by_rem.get(r.id or -1, []), loans) for r in reversed(rows)]


def remittance_what_if(handbook: Handbook, rate: Decimal, year: int | None = None) -> WhatIf | None:
    """What every remittance (of `year`, or all) would have brought at `rate`; None when there are none."""
    rows = [r for r in handbook.records(Remittance, order="date") if year is None or r.date.year == year]
    if not rows:
        return None
    cur = rows[0].received.currency
    return at_rate_total([r for r in rows if r.received.currency == cur], rate)


def loan_state_on(handbook: Handbook, loan_id: int, day: dt.date | None = None) -> LoanState | None:
    """One loan's balance, interest and payments at the end of `day` (today by default); None if unknown."""
    day = day or dt.date.today()
    loan = handbook.record(Loan, loan_id)
    if loan is None:
        return None
    reps, _left_out = usable_repayments(loan, repayments_by_loan(handbook).get(loan_id, []))
    return LoanLedger(loan, reps, max(day, loan.start)).state(day)


def latest_rate(handbook: Handbook, unit: str, into: str) -> Decimal | None:
    """The rate of the most recent remittance from `unit` to `into` (e.g. VND per JPY), as a suggestion."""
    for rem in reversed(handbook.records(Remittance, order="date")):
        if rem.sent.currency == unit and rem.received.currency == into and rem.sent.minor > 0:
            return (rem.received.decimal / rem.sent.decimal).quantize(Decimal("0.01"))
    return None
