"""Payoff projections for one loan and for several loans sharing a budget."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from handbook_app.core.loans import add_months, annuity_payment
from handbook_app.core.money import Money
from handbook_app.core.projection import Plan, compare_plans, project_budget, project_payoff
from handbook_app.core.records import Loan, Repayment

D = Decimal
TODAY = dt.date(2025, 1, 15)


def vnd(n: int) -> Money:
    return Money(n, "VND")


def loan(principal: int, model: str = "declining", rate: str = "0.01", lid: int = 1, start=TODAY, **kw) -> Loan:
    return Loan(principal=vnd(principal), start=start, interest_model=model, monthly_rate=D(rate), id=lid, **kw)


def test_annuity_payment_pays_off_in_term():
    # 12,000,000 VND at 1 %/month: the level payment clears it in 12 months (the last one is the
    # exact remainder, within rounding of the level payment).
    ln = loan(12_000_000)
    c = annuity_payment(12_000_000, D("0.01"), 12)
    p = project_payoff(ln, [], Plan(vnd(c)), TODAY)
    assert not p.never_pays_off
    # c is rounded to the dong, so a few dong may remain for a 13th (exact-remainder) payment.
    assert p.months in (12, 13) and p.payoff_date == add_months(TODAY, p.months)
    assert p.rows[-1].closing == vnd(0)
    if p.months == 13:
        assert p.rows[-1].paid.minor <= 12
    else:
        assert abs(p.rows[-1].paid.minor - c) <= 12
    assert p.total_paid.minor == 12_000_000 + p.total_interest.minor


def test_no_interest_exact_months():
    p = project_payoff(loan(1_000_000, "none", "0"), [], Plan(vnd(300_000)), TODAY)
    assert p.months == 4  # 300k, 300k, 300k, 100k
    assert [r.paid.minor for r in p.rows] == [300_000, 300_000, 300_000, 100_000]
    assert p.total_interest == vnd(0)


def test_flat_projection_hand_worked():
    # 1,000,000 VND flat 2 %/month: 20,000 interest every month; paying 270,000 a month takes
    # 250,000 off the balance each month: 4 months of 270,000 leave 0.
    p = project_payoff(loan(1_000_000, "flat", "0.02"), [], Plan(vnd(270_000)), TODAY)
    assert p.months == 4
    assert p.total_interest == vnd(80_000)
    assert p.rows[-1].closing == vnd(0)


def test_payment_below_interest_is_flagged():
    ln = loan(100_000_000, "declining", "0.02")  # 2,000,000 interest a month
    low = project_payoff(ln, [], Plan(vnd(1_500_000)), TODAY)
    assert low.never_pays_off and low.months is None and low.payoff_date is None
    assert "never" in low.message("en")
    equal = project_payoff(ln, [], Plan(vnd(2_000_000)), TODAY)
    assert equal.never_pays_off
    flat = project_payoff(loan(100_000_000, "flat", "0.02"), [], Plan(vnd(2_000_000)), TODAY)
    assert flat.never_pays_off


def test_payment_in_jpy_with_rate():
    ln = loan(17_000_000, "none", "0")
    # 30,000 JPY at 170 VND/JPY = 5,100,000 VND a month -> 4 months (5.1m x 3 = 15.3m, then 1.7m)
    p = project_payoff(ln, [], Plan(Money(30_000, "JPY"), D("170")), TODAY)
    assert p.payment == vnd(5_100_000)
    assert p.months == 4 and p.rows[-1].paid == vnd(1_700_000)


def test_projection_starts_from_real_state_and_overpaid_loan():
    ln = loan(1_000_000, "none", "0", start=dt.date(2024, 1, 1))
    reps = [Repayment(loan_id=1, date=dt.date(2024, 6, 1), paid=vnd(400_000))]
    p = project_payoff(ln, reps, Plan(vnd(200_000)), TODAY)
    assert p.balance_at_start == vnd(600_000) and p.months == 3
    over = project_payoff(ln, [Repayment(loan_id=1, date=dt.date(2024, 6, 1), paid=vnd(2_000_000))],
                          Plan(vnd(200_000)), TODAY)
    assert over.months == 0 and not over.never_pays_off and over.rows == []


def test_compare_plans():
    ln = loan(50_000_000, "declining", "0.015")
    cmp = compare_plans(ln, [], Plan(vnd(2_000_000)), Plan(vnd(3_000_000)), TODAY)
    assert cmp.months_saved > 0
    assert cmp.interest_saved.minor > 0


def test_debt_trap_flag():
    ln = loan(30_000_000, "declining", "0.01")
    deadline = add_months(TODAY, 12)
    slow = project_payoff(ln, [], Plan(vnd(1_000_000)), TODAY, deadline=deadline)
    fast = project_payoff(ln, [], Plan(vnd(5_000_000)), TODAY, deadline=deadline)
    assert slow.debt_trap and not fast.debt_trap
    assert project_payoff(ln, [], Plan(vnd(100_000)), TODAY, deadline=deadline).debt_trap  # never


def _debts():
    small_cheap = loan(5_000_000, "declining", "0.005", lid=1, lender="Cousin")
    big_dear = loan(40_000_000, "declining", "0.03", lid=2, lender="Broker")
    family = loan(20_000_000, "none", "0", lid=3, lender="Parents")
    return [(small_cheap, []), (big_dear, []), (family, [])]


def test_snowball_vs_avalanche_order():
    budget = vnd(4_000_000)
    snow = project_budget(_debts(), budget, "snowball", TODAY)
    aval = project_budget(_debts(), budget, "avalanche", TODAY)
    assert snow.order == (0, 2, 1)  # smallest balance first: 5m, 20m, 40m
    assert aval.order == (1, 0, 2)  # highest rate first: 3 %, 0.5 %, 0 %
    # avalanche never pays more interest than snowball
    assert aval.total_interest()["VND"] <= snow.total_interest()["VND"]
    assert snow.outcomes[0].payoff_date < aval.outcomes[0].payoff_date
    for proj in (snow, aval):
        assert not proj.never_pays_off
        assert all(b == 0 for b in proj.rows[-1].balances)


def test_custom_order_family_first_and_rollover():
    proj = project_budget(_debts(), vnd(4_000_000), "custom", TODAY, custom_order=[3])
    assert proj.order == (2, 0, 1)
    # month 1: interest first (25,000 + 1,200,000), the rest to the parents' loan
    first = proj.rows[0]
    assert first.paid[0] == 25_000 and first.paid[1] == 1_200_000 and first.paid[2] == 2_775_000
    # the month the parents' loan is cleared, what is left rolls over to the next loan that month
    month = next(i for i, r in enumerate(proj.rows) if r.balances[2] == 0)
    row = proj.rows[month]
    assert sum(row.paid) == 4_000_000 or all(b == 0 for b in row.balances)
    assert row.paid[0] > proj.rows[month - 1].paid[0]


def test_budget_in_jpy_with_rates_and_trap():
    budget = Money(20_000, "JPY")
    proj = project_budget(_debts(), budget, "avalanche", TODAY, rates={"VND": D("170")},
                          deadline=add_months(TODAY, 12))
    assert not proj.never_pays_off
    assert all(b == 0 for b in proj.rows[-1].balances)
    assert proj.months > 12
    assert proj.debt_trap  # 3.4m VND a month is not enough for 65m in one year
    tiny = project_budget(_debts(), Money(1_000, "JPY"), "snowball", TODAY, rates={"VND": D("170")})
    assert tiny.never_pays_off and tiny.debt_trap is False  # no deadline given


# ----------------------------------------------------------------------------- properties


@st.composite
def loan_plans(draw):
    model = draw(st.sampled_from(["none", "flat", "declining"]))
    principal = draw(st.integers(1, 10**10))
    rate = draw(st.decimals(min_value=0, max_value=D("0.05"), places=4))
    ln = loan(principal, model, str(rate))
    payment = draw(st.integers(1, 10**10))
    return ln, payment


@settings(max_examples=300, deadline=None)
@given(loan_plans())
def test_projection_never_ends_negative_or_with_leftover(data):
    ln, payment = data
    p = project_payoff(ln, [], Plan(vnd(payment)), TODAY)
    assert all(r.closing.minor >= 0 for r in p.rows)
    for r in p.rows:
        assert r.closing.minor == r.opening.minor + r.interest.minor - r.paid.minor
    if not p.never_pays_off:
        assert p.rows[-1].closing.minor == 0  # exact remainder: no leftover at all
        assert p.total_paid.minor == p.balance_at_start.minor + p.total_interest.minor


@settings(max_examples=200, deadline=None)
@given(loan_plans(), st.integers(1, 10**6), st.decimals(min_value=D("100"), max_value=D("250"), places=3))
def test_projection_in_other_currency_never_ends_negative(data, jpy, rate):
    ln, _ = data
    p = project_payoff(ln, [], Plan(Money(jpy, "JPY"), rate), TODAY)
    assert all(r.closing.minor >= 0 for r in p.rows)
    if not p.never_pays_off:
        assert p.rows[-1].closing.minor == 0


@settings(max_examples=100, deadline=None)
@given(st.lists(loan_plans(), min_size=1, max_size=4), st.integers(1, 10**8),
       st.sampled_from(["snowball", "avalanche", "custom"]))
def test_budget_never_negative(plans, budget, strategy):
    debts = [(loan(lp[0].principal.minor, lp[0].interest_model, str(lp[0].monthly_rate), lid=i + 1), [])
             for i, lp in enumerate(plans)]
    proj = project_budget(debts, vnd(budget), strategy, TODAY, max_months=120)
    for row in proj.rows:
        assert all(b >= 0 for b in row.balances)
        assert sum(row.paid) + row.unused == budget
    if not proj.never_pays_off and proj.rows:
        assert all(b == 0 for b in proj.rows[-1].balances)


# ----------------------------------------------------------------------------- chart data (charts.py)


def test_chart_series_from_loans_and_remittances():
    from handbook_app.core.charts import loan_balance_series, remittance_charts, total_remaining_series
    from handbook_app.core.records import Remittance

    ln = loan(1_000_000, "none", "0", start=dt.date(2024, 1, 10), lender="Parents")
    reps = [Repayment(loan_id=1, date=dt.date(2024, 2, 5), paid=vnd(300_000))]
    proj = project_payoff(ln, reps, Plan(vnd(350_000)), dt.date(2024, 3, 31))
    actual, projected = loan_balance_series(ln, reps, dt.date(2024, 3, 31), proj)
    assert actual.currency == "VND" and actual.kind == "actual"
    assert actual.points == [(dt.date(2024, 1, 10), 1_000_000), (dt.date(2024, 1, 31), 1_000_000),
                             (dt.date(2024, 2, 29), 700_000), (dt.date(2024, 3, 31), 700_000)]
    assert projected.kind == "projected" and projected.points[-1][1] == 0
    total = total_remaining_series([(ln, reps), (loan(100_000, "none", "0", lid=2, start=dt.date(2024, 2, 1)), [])],
                                   "VND", dt.date(2024, 3, 31))
    assert total.points == [(dt.date(2024, 1, 31), 1_000_000), (dt.date(2024, 2, 29), 800_000),
                            (dt.date(2024, 3, 31), 800_000)]
    rems = [Remittance(date=dt.date(2024, 1, d), sent=Money(50_000, "JPY"), fee=Money(500, "JPY"),
                       received=Money(8_500_000, "VND")) for d in (5, 20)]
    sent_chart, recv_chart = remittance_charts(rems)
    assert sent_chart.currency == "JPY" and [s.points for s in sent_chart.series] == [
        [(dt.date(2024, 1, 1), 100_000)], [(dt.date(2024, 1, 1), 1_000)]]
    assert recv_chart.series[0].points == [(dt.date(2024, 1, 1), 17_000_000)]
