"""Payslips reviewed against the contract, the minimum wage and the hours the trainee logged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handbook_app.core.money import Money
from handbook_app.core.records import Contract, HoursEntry, Payslip
from handbook_app.core.wage_checks import Code
from handbook_app.services.work import review_payslips, total_shortfall


def test_demo_months_under_the_minimum_wage_are_flagged(demo):
    reviews = {r.payslip.month: r for r in review_payslips(demo)}
    # Aichi rose to 1,077 yen on 2024-10-01; the demo employer kept paying 1,027 until March 2025.
    assert Code.BELOW_MINIMUM_WAGE in {f.code for f in reviews[dt.date(2024, 11, 1)].findings}
    assert Code.BELOW_MINIMUM_WAGE not in {f.code for f in reviews[dt.date(2024, 9, 1)].findings}
    assert Code.BELOW_MINIMUM_WAGE not in {f.code for f in reviews[dt.date(2025, 4, 1)].findings}
    # Housing deducted 28,000 yen against 20,000 promised, from January 2025.
    assert Code.DEDUCTION_ABOVE_PROMISE in {f.code for f in reviews[dt.date(2025, 6, 1)].findings}
    assert total_shortfall(list(reviews.values())) > 0


def test_logged_hours_are_set_beside_paid_hours(handbook):
    contract = handbook.add(Contract(employer="X", prefecture=13, start=dt.date(2025, 1, 1),
                                     wage=Money(1200, "JPY"))).record
    handbook.add(Payslip(month=dt.date(2025, 3, 1), contract_id=contract.id, regular_hours=Decimal(8),
                         base_pay=Money(9600, "JPY"), gross=Money(9600, "JPY"), net=Money(9600, "JPY")))
    handbook.add(HoursEntry(day=dt.date(2025, 3, 3), start="08:00", end="20:00", break_minutes=60))
    (review,) = review_payslips(handbook)
    assert review.paid_hours == Decimal(8)
    assert review.logged is not None and review.logged.worked == Decimal("11.00")


def test_a_month_outside_the_contract_is_pointed_out(handbook):
    contract = handbook.add(Contract(employer="X", prefecture=13, start=dt.date(2025, 4, 1), end=dt.date(2026, 3, 31),
                                     wage=Money(1200, "JPY"))).record
    for month in (dt.date(2025, 3, 1), dt.date(2025, 4, 1), dt.date(2026, 4, 1)):
        handbook.add(Payslip(month=month, contract_id=contract.id, regular_hours=Decimal(8),
                             base_pay=Money(9600, "JPY"), gross=Money(9600, "JPY"), net=Money(9600, "JPY")))
    outside = {r.payslip.month for r in review_payslips(handbook)
               if Code.OUTSIDE_CONTRACT in {f.code for f in r.findings}}
    assert outside == {dt.date(2025, 3, 1), dt.date(2026, 4, 1)}


def test_a_contract_promising_less_than_the_minimum_wage_is_pointed_out(handbook):
    # Aichi: 1,077 yen from 2024-10-01 (resources/data/minimum_wage.csv). Promised 1,000: below at the start.
    handbook.add(Contract(employer="Yamada", prefecture=23, start=dt.date(2024, 11, 1), end=dt.date(2027, 10, 31),
                          wage=Money(1000, "JPY")))
    # Promised 1,100: above 1,077 at the start, below Aichi's 1,140 from 2025-10-18 while still running.
    handbook.add(Contract(employer="Suzuki", prefecture=23, start=dt.date(2024, 11, 1), end=dt.date(2027, 10, 31),
                          wage=Money(1100, "JPY")))
    from handbook_app.services.work import contract_warnings

    warnings = contract_warnings(handbook, today=dt.date(2026, 1, 15))
    assert len(warnings) == 2
    assert "Yamada" in warnings[0] and "Suzuki" in warnings[1]
    assert contract_warnings(handbook, today=dt.date(2025, 1, 15))[1:] == []  # Suzuki was fine then
