"""Issue 11, item 10: the agreed instalment, the annuity rounded up, averages rounded half-up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handbook_app.core.loans import add_months, annuity_payment, next_due
from handbook_app.core.money import Money
from handbook_app.core.projection import Plan, project_payoff
from handbook_app.core.records import Loan, Repayment
from handbook_app.core.validation import validate
from handbook_app.services.debts import recent_pace

START = dt.date(2025, 1, 10)
TODAY = dt.date(2025, 6, 1)


def vnd(n: int) -> Money:
    return Money(n, "VND")


def test_home_due_is_the_agreed_instalment_not_the_interest():
    # 180,000,000 VND at 1 %/month on the declining balance, no term: before, "due" was the month's interest only
    # (1 % of 180 M = 1,800,000) although the trainee pays 8,000,000 a month as agreed.
    loan = Loan(principal=vnd(180_000_000), start=START, interest_model="declining", monthly_rate=Decimal("0.01"),
                id=1)
    assert next_due(loan, [], TODAY).amount == vnd(1_800_000)
    agreed = Loan(principal=vnd(180_000_000), start=START, interest_model="declining",
                  monthly_rate=Decimal("0.01"), instalment=vnd(8_000_000), id=1)
    due = next_due(agreed, [], TODAY)
    assert due.amount == vnd(8_000_000) and due.date == dt.date(2025, 6, 10)
    # Near the end it is never more than what is left: 5,000,000 owed (after this month's 1 % interest 50,000).
    small = Loan(principal=vnd(5_000_000), start=START, interest_model="declining", monthly_rate=Decimal("0.01"),
                 instalment=vnd(8_000_000), id=2)
    assert next_due(small, [], dt.date(2025, 1, 20)).amount == vnd(5_050_000)


def test_instalment_in_another_currency_is_refused():
    loan = Loan(principal=vnd(1_000_000), start=START, instalment=Money(5_000, "JPY"))
    assert [p.field for p in validate(loan)] == ["instalment"]


def test_annuity_is_rounded_up_so_the_term_clears_the_loan():
    # 12,000,000 VND at 1 %/month for 12 months: 1,066,185.47... rounded up to 1,066,186 (half-up gave
    # 1,066,185 and left a few dong for a 13th payment).
    c = annuity_payment(12_000_000, Decimal("0.01"), 12)
    assert c == 1_066_186
    loan = Loan(principal=vnd(12_000_000), start=TODAY, interest_model="declining", monthly_rate=Decimal("0.01"), id=1)
    assert project_payoff(loan, [], Plan(vnd(c)), TODAY).months == 12


def test_recent_pace_is_an_average_rounded_half_up():
    # A loan three months old, 10 dong paid in all: 10 / 3 = 3.33 → 3 (rounding up gave 4).
    loan = Loan(principal=vnd(1_000), start=dt.date(2025, 3, 1), id=1)
    reps = [Repayment(loan_id=1, date=dt.date(2025, 4, 2), paid=vnd(10))]
    assert recent_pace(loan, reps, TODAY) == vnd(3)
    # 11 / 3 = 3.67 → 4.
    reps = [Repayment(loan_id=1, date=dt.date(2025, 4, 2), paid=vnd(11))]
    assert recent_pace(loan, reps, TODAY) == vnd(4)
    assert add_months(START, 1) == dt.date(2025, 2, 10)
