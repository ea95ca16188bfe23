"""Debts and money sent home, as the Home, Debts and Remittances screens and the PDF see them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from handbook_app.core import charts, projection
from handbook_app.core.csv_import import ImportPlan, ImportSettings, plan_import
from handbook_app.core.fees import FeeReport, check_fees
from handbook_app.core.loans import Due, LoanLedger, LoanState, next_due
from handbook_app.core.money import Money
from handbook_app.core.records import Contract, Loan, RecruitmentFee, Remittance, Repayment
from handbook_app.core.remittances import PeriodTotal, monthly_totals, yearly_totals
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


def repayments_by_loan(handbook: Handbook) -> dict[int, list[Repayment]]:
    grouped: dict[int, list[Repayment]] = defaultdict(list)
    for rep in handbook.records(Repayment, order="date"):
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


def remittance_overview(handbook: Handbook, today: dt.date | None = None) -> RemittanceOverview:
    today = today or dt.date.today()
    rows = handbook.records(Remittance, order="date")
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
    existing = handbook.records(Remittance if settings.kind == "remittance" else Repayment)
    return plan_import(data, settings, existing)


def apply_csv(handbook: Handbook, plan: ImportPlan) -> Changes:
    """Save every accepted row, or none (one transaction)."""
    return handbook.add_many(list(plan.records))
