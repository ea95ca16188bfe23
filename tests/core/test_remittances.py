"""Derived remittance figures: rates, fee share, totals, what-if and the family/debt split."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handbook_app.core.money import Money
from handbook_app.core.records import Loan, Remittance, Repayment
from handbook_app.core.remittances import (
    all_in_rate,
    at_rate,
    at_rate_total,
    effective_rate,
    fee_fraction,
    monthly_totals,
    split,
    validate_remittance,
    yearly_totals,
)

D = Decimal


def rem(day, sent, fee, received, rid=None):
    return Remittance(date=day, sent=Money(sent, "JPY"), fee=Money(fee, "JPY"), received=Money(received, "VND"),
                      id=rid)


def test_rates_and_fee():
    r = rem(dt.date(2025, 3, 5), 100_000, 1_500, 17_000_000)
    assert effective_rate(r) == D(170)
    assert fee_fraction(r) == D("0.015")
    # all-in: 17,000,000 / 101,500
    assert all_in_rate(r) == D(17_000_000) / D(101_500)
    assert effective_rate(rem(dt.date(2025, 3, 5), 0, 0, 0)) is None


def test_monthly_and_yearly_totals():
    items = [
        rem(dt.date(2024, 12, 30), 50_000, 800, 8_400_000),
        rem(dt.date(2025, 1, 5), 100_000, 1_000, 17_000_000),
        rem(dt.date(2025, 1, 25), 60_000, 900, 10_320_000),
        rem(dt.date(2025, 3, 1), 70_000, 0, 11_900_000),
    ]
    months = monthly_totals(items)
    assert [m.period for m in months] == [dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 3, 1)]
    jan = months[1]
    assert (jan.sent, jan.fee, jan.received, jan.count) == (
        Money(160_000, "JPY"), Money(1_900, "JPY"), Money(27_320_000, "VND"), 2)
    assert jan.effective_rate == D(27_320_000) / D(160_000)
    years = yearly_totals(items)
    assert [(y.period.year, y.sent.minor, y.fee.minor, y.received.minor) for y in years] == [
        (2024, 50_000, 800, 8_400_000), (2025, 230_000, 1_900, 39_220_000)]


def test_what_if_other_rate():
    r = rem(dt.date(2025, 3, 5), 100_000, 1_500, 17_000_000)
    w = at_rate(r, D("175.5"))
    assert w.alternative == Money(17_550_000, "VND")
    assert w.difference == Money(550_000, "VND")
    total = at_rate_total([r, rem(dt.date(2025, 4, 5), 10_000, 0, 1_800_000)], D("170"))
    assert total.actual == Money(18_800_000, "VND")
    assert total.alternative == Money(18_700_000, "VND")
    assert total.difference == Money(-100_000, "VND")


def test_split_family_and_debt():
    r = rem(dt.date(2025, 3, 5), 100_000, 1_500, 17_000_000, rid=7)
    vnd_loan = Loan(principal=Money(100_000_000, "VND"), start=dt.date(2024, 1, 1), id=1)
    reps = [
        Repayment(loan_id=1, date=r.date, paid=Money(5_000_000, "VND"), remittance_id=7),
        Repayment(loan_id=1, date=r.date, paid=Money(20_000, "JPY"), rate=D("171"), remittance_id=7),
        Repayment(loan_id=1, date=r.date, paid=Money(9_999_999, "VND"), remittance_id=8),  # other remittance
    ]
    s = split(r, reps, [vnd_loan])
    # 5,000,000 + 20,000 JPY at the repayment's recorded 171 VND/JPY = 3,420,000 (what the loan was credited)
    assert s.to_debt == Money(8_420_000, "VND")
    assert s.family == Money(8_580_000, "VND")
    assert len(s.repayments) == 2 and s.problems == []
    # without a recorded rate (or without the loan), the remittance's own rate (170) values it
    s2 = split(r, [Repayment(loan_id=1, date=r.date, paid=Money(20_000, "JPY"), remittance_id=7)])
    assert s2.to_debt == Money(3_400_000, "VND")
    too_much = split(r, [Repayment(loan_id=1, date=r.date, paid=Money(20_000_000, "VND"), remittance_id=7)])
    assert too_much.family.minor < 0 and too_much.problems


def test_validation():
    assert validate_remittance(rem(dt.date(2025, 1, 1), 100, 1, 17_000)) == []
    fields = [p.field for p in validate_remittance(rem(dt.date(2025, 1, 1), 0, -1, 0))]
    assert fields == ["sent", "fee", "received"]
