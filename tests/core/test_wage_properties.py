"""Property tests (Hypothesis): a payslip paid correctly under any permitted rounding is never flagged;
one yen less is. November 2025 in Aichi: 1,140 yen an hour for the whole month."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from handbook_app.core.wage_checks import (
    HOLIDAY_MULTIPLIER,
    LATE_NIGHT_PREMIUM,
    OVERTIME_MULTIPLIER,
    Code,
    PayslipFigures,
    check_payslip,
    lawful_minimum,
)

NOV_2025 = dt.date(2025, 11, 1)
MINIMUM = 1140

quarter_hours = st.integers(min_value=4, max_value=250 * 4).map(lambda q: Decimal(q) / 4)
some_hours = st.integers(min_value=1, max_value=60 * 60).map(lambda m: Decimal(m) / 60)  # to the minute


def half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), ROUND_HALF_UP))


def employer_pays(rate: Decimal, multiplier: Decimal, hours: Decimal, way: int) -> int:
    """What an employer pays under one of the permitted roundings (基発150号), worked out independently."""
    h = hours.quantize(Decimal(1), ROUND_HALF_UP) if way >= 3 else hours  # the month's total to the nearest hour
    if way % 3 == 0:
        return half_up(rate * multiplier * h)  # exact, total rounded
    if way % 3 == 1:
        return half_up(half_up(rate * multiplier) * h)  # premium rate rounded first
    return half_up(half_up(Decimal(half_up(rate)) * multiplier) * h)  # hourly rate rounded first


def figures(regular: Decimal, base: int, overtime=Decimal(0), overtime_pay=0, night=Decimal(0), night_pay=0,
            holiday=Decimal(0), holiday_pay=0) -> PayslipFigures:
    gross = base + overtime_pay + night_pay + holiday_pay
    return PayslipFigures(NOV_2025, 23, regular, overtime, night, holiday, base, overtime_pay, night_pay,
                          holiday_pay, 0, gross, {}, gross)


@settings(max_examples=200, deadline=None)
@given(regular=quarter_hours)
def test_exact_minimum_wage_never_flagged_one_yen_less_is(regular: Decimal) -> None:
    owed = int((MINIMUM * regular).to_integral_value(ROUND_CEILING))
    assert check_payslip(figures(regular, owed)) == []
    found = check_payslip(figures(regular, owed - 1))
    assert [f.code for f in found] == [Code.BELOW_MINIMUM_WAGE] and found[0].shortfall_yen == 1


@settings(max_examples=300, deadline=None)
@given(regular=quarter_hours, extra=st.integers(min_value=0, max_value=50_000), hours=some_hours,
       kind=st.sampled_from(["overtime", "late_night", "holiday"]), way=st.integers(min_value=0, max_value=5))
def test_premiums_paid_under_any_permitted_rounding_are_never_flagged(regular, extra, hours, kind, way) -> None:
    base = int((MINIMUM * regular).to_integral_value(ROUND_CEILING)) + extra
    rate = Decimal(base) / regular  # the base pay per hour (≥ the minimum wage)
    multiplier = {"overtime": OVERTIME_MULTIPLIER, "late_night": LATE_NIGHT_PREMIUM,
                  "holiday": HOLIDAY_MULTIPLIER}[kind]
    if kind == "overtime":
        hours = min(hours, Decimal(60))  # one tier: beyond 60 hours the rate changes
    paid = employer_pays(rate, multiplier, hours, way)
    args = {"overtime": dict(overtime=hours, overtime_pay=paid), "late_night": dict(night=hours, night_pay=paid),
            "holiday": dict(holiday=hours, holiday_pay=paid)}[kind]
    assert check_payslip(figures(regular, base, **args)) == []
    least = lawful_minimum(rate, multiplier, hours)
    assert least <= paid
    if least > 0:
        args = {"overtime": dict(overtime=hours, overtime_pay=least - 1),
                "late_night": dict(night=hours, night_pay=least - 1),
                "holiday": dict(holiday=hours, holiday_pay=least - 1)}[kind]
        found = [f for f in check_payslip(figures(regular, base, **args)) if f.shortfall_yen]
        assert len(found) == 1 and found[0].shortfall_yen == 1
