"""Debt and remittance overviews over the demo vault, as Home and the Debts screen show them."""

from __future__ import annotations

import datetime as dt

from handbook_app.core.money import Money
from handbook_app.core.projection import Plan
from handbook_app.services.debts import debt_overview, fee_report, project_loan, remittance_overview

TODAY = dt.date(2026, 11, 27)


def test_overview_balances_follow_repayments(demo):
    overview = debt_overview(demo, TODAY)
    family = next(v for v in overview.loans if v.loan.lender_kind == "relative")
    # 50,000,000 dong, no interest, six repayments of 5,000,000.
    assert len(family.repayments) == 6
    assert family.state.balance == Money(20_000_000, "VND")
    assert overview.remaining["VND"].minor >= family.state.balance.minor
    assert overview.deadline == dt.date(2026, 12, 31)  # contract end comes before the period of stay


def test_small_payment_is_a_debt_trap_and_says_so(demo):
    bank = next(v for v in debt_overview(demo, TODAY).loans if v.loan.lender_kind == "bank")
    trap = project_loan(demo, bank.loan.id, Plan(Money(1_000_000, "VND")), TODAY)
    assert trap.debt_trap
    assert "after" in trap.message("en")


def test_remittances_this_year(demo):
    overview = remittance_overview(demo, TODAY)
    assert overview.sent_this_year["JPY"].minor > 0
    assert {y.period.year for y in overview.years} == {2023, 2024, 2025, 2026}


def test_fee_report_flags_the_deposit(demo):
    report = fee_report(demo)
    assert any("Deposit" in f.message for f in report.findings)
