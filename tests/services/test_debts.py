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


def test_the_payoff_at_the_recent_pace_does_not_add_a_month_for_the_pace_rounding(handbook):
    """5,000,000 ₫ paid over the last 6 months is 833,333.33… a month: 20,000,000 ₫ still owed takes 24 months,
    not 25 (the rounded pace, 833,333, leaves 8 ₫ after 24 payments — rounding, not a month's debt)."""
    import datetime as dt

    from handbook_app.core import records as r
    from handbook_app.core.money import Money
    from handbook_app.services import debts

    loan = handbook.add(r.Loan(lender="Bác Hùng", principal=Money(25_000_000, "VND"), start=dt.date(2026, 1, 1))).record
    handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2026, 10, 1), paid=Money(5_000_000, "VND")))
    screen = debts.debt_screen(handbook, dt.date(2026, 12, 5), with_charts=False)
    proj = screen.outlooks[0].projection
    assert screen.outlooks[0].pace == Money(833_333, "VND")
    assert proj.months == 24 and proj.payoff_date == dt.date(2028, 12, 5)
    assert proj.rows[-1].closing == Money(0, "VND")
