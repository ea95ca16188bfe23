"""Issue 11: wage findings that hold up in a claim. Every figure is worked by hand in the comments.

Aichi (code 23): 1,077 yen/h from 2024-10-01, 1,140 from 2025-10-18 (FY2025, the table's last row);
the table ends there, so from 2026-10-01 the rate in force is unknown (a newer revision may apply).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handbook_app.core.hours import HoursLog
from handbook_app.core.money import Money
from handbook_app.core.records import Contract, HoursEntry, Payslip
from handbook_app.core.validation import scheduled_hours, validate
from handbook_app.core.wage_checks import (
    CheckStatus,
    Code,
    ExtraMinimum,
    PayslipFigures,
    PromisedTerms,
    RateSource,
    SplitBasis,
    check_payslip,
    lawful_minimum,
    review_month,
)
from handbook_app.reports.wages import check_months, logged_hours, summarise

AICHI = 23
OCT_2025 = dt.date(2025, 10, 1)
NOV_2025 = dt.date(2025, 11, 1)
NOV_2026 = dt.date(2026, 11, 1)


def slip(month=NOV_2025, regular="160", base=160 * 1140, overtime="0", overtime_pay=0, late_night="0",
         late_night_pay=0, night_overtime="0", night_overtime_pay=0, allowances=None, prefecture=AICHI):
    allowances = allowances or {}
    gross = base + overtime_pay + late_night_pay + night_overtime_pay + sum(allowances.values())
    return PayslipFigures(month, prefecture, Decimal(regular), Decimal(overtime), Decimal(late_night), Decimal(0),
                          base, overtime_pay, late_night_pay, 0, 0, gross, {}, gross,
                          night_overtime_hours=Decimal(night_overtime), night_overtime_pay=night_overtime_pay,
                          allowances=allowances)


def codes(findings):
    return [f.code for f in findings]


def one(findings, code):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, findings
    return found[0]


def weekdays(first: dt.date, last: dt.date) -> list[HoursEntry]:
    """08:00-17:00 with a 60-minute break (8 h) on every Monday-Friday from `first` to `last`."""
    out, day = [], first
    while day <= last:
        if day.weekday() < 5:
            out.append(HoursEntry(day=day, start="08:00", end="17:00", break_minutes=60))
        day += dt.timedelta(days=1)
    return out


# --- item 1: a minimum wage that changes on the 18th ----------------------------------------------

def test_change_on_the_18th_with_an_hours_log_splits_by_logged_hours():
    # October 2025: weekdays 1-17 Oct = 13 days (1-3, 6-10, 13-17), 18-31 Oct = 10 days (20-24, 27-31): 23 × 8 = 184 h.
    # 104 h at 1,077 = 112,008 and 80 h at 1,140 = 91,200: 203,208 owed. Paid 1,100 × 184 = 202,400 → 808 short.
    log = HoursLog(weekdays(OCT_2025, dt.date(2025, 10, 31)))
    review = review_month(slip(OCT_2025, "184", 202_400), logged=logged_hours(log, OCT_2025))
    assert review.split_basis is SplitBasis.HOURS_LOG
    assert one(review.findings, Code.BELOW_MINIMUM_WAGE).shortfall_yen == 808
    assert [(r.yen_per_hour, r.start.day, r.end.day) for r in review.rates] == [(1077, 1, 17), (1140, 18, 31)]
    note = one(review.findings, Code.MINIMUM_WAGE_CHANGED).render("en")
    assert "hours log" in note and "104" in note and "80" in note


def test_change_on_the_18th_without_a_log_splits_by_calendar_days_and_says_so():
    # 17 days at 1,077 and 14 days at 1,140: 184 × (1,077 × 17 + 1,140 × 14) / 31 = 184 × 34,269 / 31
    # = 203,403.09 owed; paid 202,400 → 1,003.09, rounded up to 1,004.
    review = review_month(slip(OCT_2025, "184", 202_400))
    assert review.split_basis is SplitBasis.CALENDAR_DAYS
    assert review.shortfall_yen == 1_004
    assert "calendar days" in one(review.findings, Code.MINIMUM_WAGE_CHANGED).render("en")
    # Before the fix the whole month was checked at 1,077: 1,100 ≥ 1,077 and nothing was owed.


def test_a_partial_log_does_not_decide_the_split():
    # Only the first week logged (40 h of 184 paid): the log does not cover the month → calendar days.
    log = HoursLog(weekdays(OCT_2025, dt.date(2025, 10, 7)))
    review = review_month(slip(OCT_2025, "184", 202_400), logged=logged_hours(log, OCT_2025))
    assert review.split_basis is SplitBasis.CALENDAR_DAYS and review.shortfall_yen == 1_004


# --- item 2: no data is never "no shortfall" --------------------------------------------------------

def test_month_after_the_last_row_is_checked_against_the_last_rate_as_a_lower_bound():
    # November 2026: no row. Last known Aichi rate 1,140 (from 2025-10-18). 168 h paid 184,800 (1,100/h):
    # at least 168 × 40 = 6,720 short.
    review = review_month(slip(NOV_2026, "168", 184_800))
    assert review.status is CheckStatus.LOWER_BOUND and review.not_checked_reason == "after_table"
    finding = one(review.findings, Code.BELOW_MINIMUM_WAGE)
    assert finding.shortfall_yen == 6_720 and finding.status is CheckStatus.LOWER_BOUND
    assert review.rates[0].source is RateSource.LAST_KNOWN
    text = finding.render("en")
    assert "at least 6,720" in text.replace("¥", "").replace("\xa0", "") or "lower bound" in text
    assert "last minimum wage the app knows" in text
    assert "下限" in finding.render("ja") and "mức thấp nhất" in finding.render("vi")


def test_month_after_the_last_row_paid_above_the_last_rate_is_only_partly_checked():
    # 1,200/h is above 1,140, but the rate in force is unknown: a warning, never a clean result.
    review = review_month(slip(NOV_2026, "160", 192_000))
    assert review.status is CheckStatus.LOWER_BOUND and review.shortfall_yen == 0
    assert codes(review.findings) == [Code.NO_MINIMUM_WAGE_DATA]
    assert "Only partly checked" in review.findings[0].render("en")


def test_no_rate_at_all_is_not_checked():
    # Prefecture unknown (0): nothing to compare with; the finding says "not checked", and no amount.
    review = review_month(slip(NOV_2025, "160", 100_000, prefecture=0))
    assert review.status is CheckStatus.NOT_CHECKED and review.shortfall_yen == 0
    assert one(review.findings, Code.NO_MINIMUM_WAGE_DATA).render("en").startswith("Not checked")
    # Before the table starts (September 2023) likewise.
    review = review_month(slip(dt.date(2023, 9, 1), "160", 100_000))
    assert review.status is CheckStatus.NOT_CHECKED and review.not_checked_reason == "before_table"


def test_a_rate_typed_from_the_poster_checks_the_month_and_is_named():
    # The user typed 1,180 from 2026-10-01, "poster in the canteen". 168 h × (1,180 − 1,100) = 13,440.
    terms = PromisedTerms("hourly", 1100, minimums=(ExtraMinimum(1180, RateSource.USER, dt.date(2026, 10, 1),
                                                                  "poster in the canteen"),))
    review = review_month(slip(NOV_2026, "168", 184_800), terms)
    assert review.status is CheckStatus.CHECKED
    assert review.rates[0].source is RateSource.USER
    finding = one(review.findings, Code.BELOW_MINIMUM_WAGE)
    assert finding.shortfall_yen == 13_440 and "poster in the canteen" in finding.render("ja")


def test_an_industry_minimum_above_the_prefectural_one_applies():
    # November 2025: Aichi 1,140; an industry minimum of 1,200 on the contract is higher and applies
    # (Minimum Wage Act art. 6): 160 × (1,200 − 1,140) = 9,600 short.
    terms = PromisedTerms("hourly", 1140, minimums=(ExtraMinimum(1200, RateSource.INDUSTRY, None,
                                                                  "愛知県自動車小売業"),))
    review = review_month(slip(NOV_2025, "160", 182_400), terms)
    assert review.rates[0].source is RateSource.INDUSTRY
    assert one(review.findings, Code.BELOW_MINIMUM_WAGE).shortfall_yen == 9_600
    assert "愛知県自動車小売業" in review.findings[0].render("en")


def test_every_minimum_wage_finding_names_the_table_source():
    review = review_month(slip(NOV_2025, "160", 182_240))  # 160 short
    text = one(review.findings, Code.BELOW_MINIMUM_WAGE).render("en")
    assert "bundled table" in text and review.rates[0].source is RateSource.TABLE


# --- item 3: a partial month on a monthly wage --------------------------------------------------------

def test_partial_first_month_compares_pay_with_the_hours_paid():
    # Monthly 200,000 over 160 scheduled h; the contract starts 17 Nov; 80 h paid 100,000 = 1,250/h ≥ 1,140.
    # Before: 100,000 / 160 = 625/h → a false shortfall of 160 × 1,140 − 100,000 = 82,400.
    terms = PromisedTerms("monthly", 200_000, scheduled_hours_per_month=Decimal(160), start=dt.date(2025, 11, 17))
    review = review_month(slip(NOV_2025, "80", 100_000), terms)
    assert review.shortfall_yen == 0 and review.divisor_basis == "hours_paid_partial_month"
    assert Code.PARTIAL_MONTH in codes(review.findings)
    # Unpaid leave inside a contract: the same rule (fewer hours than scheduled, less than the monthly wage).
    terms = PromisedTerms("monthly", 200_000, scheduled_hours_per_month=Decimal(160))
    assert review_month(slip(NOV_2025, "80", 100_000), terms).shortfall_yen == 0
    # But 80 h paid 80,000 (1,000/h) is short: 80 × 140 = 11,200.
    assert review_month(slip(NOV_2025, "80", 80_000), terms).shortfall_yen == 11_200


# --- item 4: contract and payslip figures out of range ----------------------------------------------------

def test_absurd_scheduled_hours_never_crash_and_are_not_checked():
    for hours in ("1633", "1e25"):
        terms = PromisedTerms("monthly", 190_000, scheduled_hours_per_month=Decimal(hours))
        review = review_month(slip(NOV_2025, "160", 190_000), terms)
        assert review.status is CheckStatus.NOT_CHECKED and review.shortfall_yen == 0
        assert codes(review.findings) == [Code.OUT_OF_RANGE]
        assert review.findings[0].render("vi") and review.findings[0].render("ja")


def test_contract_figures_outside_plausible_ranges_are_refused_with_a_message():
    bad = Contract(employer="X", wage_kind="monthly", wage=Money(190_000, "JPY"), hours_per_month=Decimal("1633"))
    assert [p.field for p in validate(bad)] == ["hours_per_month"]
    assert [p.field for p in validate(Contract(employer="X", hours_per_month=Decimal("0.5")))] == ["hours_per_month"]
    assert [p.field for p in validate(Contract(employer="X", wage=Money(180_000, "JPY")))] == ["wage"]  # hourly 180,000?
    typed = Contract(employer="X", typed_minimum=Money(1180, "JPY"))
    assert [p.field for p in validate(typed)] == ["typed_minimum_seen"]
    # The basis helper: 8 h a day × 245 days ÷ 12 = 163.33 h; a figure that disagrees by more than an hour is refused.
    assert scheduled_hours(Decimal(8), Decimal(245)) == Decimal("163.33")
    basis = Contract(employer="X", hours_per_day=Decimal(8), days_per_year=Decimal(245), hours_per_month=Decimal(173))
    assert [p.field for p in validate(basis)] == ["hours_per_month"]
    assert validate(Contract(employer="X", hours_per_day=Decimal(8), days_per_year=Decimal(245),
                             hours_per_month=Decimal("163.33"))) == []


def test_payslip_figures_outside_plausible_ranges_are_refused():
    slip_record = Payslip(month=NOV_2025, regular_hours=Decimal(400), overtime_pay=Money(9_000_000, "JPY"))
    assert {p.field for p in validate(slip_record)} == {"regular_hours", "overtime_pay"}


# --- item 5: a monthly wage without scheduled hours --------------------------------------------------------

def test_monthly_wage_without_scheduled_hours_is_not_checked_rather_than_divided_by_each_month():
    # 190,000 a month: before, 190,000 / 168 = 1,130.95 (flagged) but 190,000 / 152 = 1,250 (not flagged).
    terms = PromisedTerms("monthly", 190_000)
    for hours in ("168", "152"):
        review = review_month(slip(NOV_2025, hours, 190_000), terms)
        assert review.status is CheckStatus.NOT_CHECKED and review.not_checked_reason == "no_scheduled_hours"
        assert review.shortfall_yen == 0 and Code.NO_SCHEDULED_HOURS in codes(review.findings)
    # With the contract's 173 h both months give the same answer: 173 × 1,140 − 190,000 = 7,220.
    terms = PromisedTerms("monthly", 190_000, scheduled_hours_per_month=Decimal(173))
    assert {review_month(slip(NOV_2025, h, 190_000), terms).shortfall_yen for h in ("168", "173")} == {7_220}


# --- item 6: rounding of the month's hour totals ---------------------------------------------------------

def test_overtime_total_rounded_to_the_nearest_hour_is_not_underpayment():
    # 20.4 h rounded to 20 (under 30 minutes down): 20 × 1,140 × 1.25 = 28,500 is enough.
    assert check_payslip(slip(overtime="20.4", overtime_pay=28_500)) == []
    assert one(check_payslip(slip(overtime="20.4", overtime_pay=28_499)), Code.OVERTIME_UNDERPAID).shortfall_yen == 1
    # 20.5 h may round up, never down: 20.5 × 1,425 = 29,212.5 → 29,213; 29,212 is one yen short.
    assert lawful_minimum(Decimal(1140), Decimal("1.25"), Decimal("20.5")) == 29_213
    assert one(check_payslip(slip(overtime="20.5", overtime_pay=29_212)), Code.OVERTIME_UNDERPAID).shortfall_yen == 1


# --- item 7: allowances in the premium base ----------------------------------------------------------------

def test_allowances_the_law_does_not_exclude_are_in_the_premium_base():
    # Base 182,400 + skill allowance 16,000 = 198,400 / 160 h = 1,240/h; 10 h overtime × 1,550 = 15,500 owed.
    # Paid on the base only (10 × 1,425 = 14,250) → 1,250 short.
    review = review_month(slip(overtime="10", overtime_pay=14_250, allowances={"skill": 16_000}))
    assert one(review.findings, Code.OVERTIME_UNDERPAID).shortfall_yen == 1_250
    assert review.premium_rate == Decimal(1240)
    # A family allowance stays out: the base is 1,140 and 14,250 is enough.
    assert check_payslip(slip(overtime="10", overtime_pay=14_250, allowances={"family": 16_000})) == []


def test_perfect_attendance_counts_for_premiums_but_not_for_the_minimum_wage():
    # Base 1,100 × 160 = 176,000, attendance allowance 10,000. Minimum wage: 176,000 < 182,400 → 6,400 short.
    # Premium base: (176,000 + 10,000) / 160 = 1,162.5, raised by the 40/h gap to the minimum → 1,202.5.
    review = review_month(slip(base=176_000, allowances={"attendance": 10_000}))
    assert review.shortfall_by_category["minimum_wage"] == 6_400
    assert review.premium_rate == Decimal("1202.5")


# --- item 8: overtime at night on one combined line ---------------------------------------------------------

def test_combined_night_overtime_line_is_compared_with_the_combined_rate():
    # 10 h of night overtime paid on one line at 150%: 10 × 1,140 × 1.5 = 17,100. No separate night premium.
    assert check_payslip(slip(night_overtime="10", night_overtime_pay=17_100)) == []
    found = check_payslip(slip(night_overtime="10", night_overtime_pay=17_099))
    assert one(found, Code.NIGHT_OVERTIME_UNDERPAID).shortfall_yen == 1
    # The same hours entered as overtime + night hours with no night premium is a late-night shortfall
    # (10 × 285 = 2,850): the separate line is what avoids the false alarm.
    found = check_payslip(slip(overtime="10", overtime_pay=17_100, late_night="10"))
    assert Code.LATE_NIGHT_UNDERPAID in codes(found)


# --- item 9: the 40-hour week from the log ----------------------------------------------------------------------

def test_six_eight_hour_days_give_eight_hours_of_weekly_overtime():
    # Monday 3 to Saturday 8 November 2025, 8 h each: 48 h, no day over 8 h, 8 h beyond the 40-hour week.
    entries = [HoursEntry(day=dt.date(2025, 11, d), start="08:00", end="17:00", break_minutes=60) for d in range(3, 9)]
    month = HoursLog(entries).month(NOV_2025)
    assert (month.worked, month.regular, month.overtime, month.weekly_overtime) == (
        Decimal("48.00"), Decimal("40.00"), Decimal("8.00"), Decimal("8.00"))
    # The payslip paid all 48 h as regular hours (48 × 1,140 = 54,720) and no overtime: the 25% premium is
    # missing on the 8 h: 8 × 285 = 2,280.
    review = review_month(slip(NOV_2025, "48", 54_720), logged=logged_hours(HoursLog(entries), NOV_2025))
    assert one(review.findings, Code.LOGGED_OVERTIME_UNPAID).shortfall_yen == 2_280
    # Paid as 8 h of overtime at 125% (11,400): nothing missing.
    paid = slip(NOV_2025, "40", 45_600, overtime="8", overtime_pay=11_400)
    assert check_payslip(paid, logged=logged_hours(HoursLog(entries), NOV_2025)) == []


def test_a_week_across_two_months_gives_each_month_its_own_overtime():
    # Thursday 30 Oct to Wednesday 5 Nov 2025, 8 h a day on Thu-Sat and Mon-Wed (Sunday 2 Nov off).
    # Week Sun 26 Oct - Sat 1 Nov: Thu 30, Fri 31, Sat 1 = 24 h (no weekly overtime).
    # Week Sun 2 - Sat 8 Nov: Mon-Wed = 24 h. No month gets weekly overtime.
    days = [dt.date(2025, 10, 30), dt.date(2025, 10, 31), dt.date(2025, 11, 1), dt.date(2025, 11, 3),
            dt.date(2025, 11, 4), dt.date(2025, 11, 5)]
    log = HoursLog(HoursEntry(day=d, start="08:00", end="17:00", break_minutes=60) for d in days)
    assert log.month(OCT_2025).overtime == 0 and log.month(NOV_2025).overtime == 0
    # Mon 27 Oct to Sat 1 Nov, 8 h each: the 40 h are passed on Saturday 1 November → November's overtime.
    days = [dt.date(2025, 10, d) for d in range(27, 32)] + [dt.date(2025, 11, 1)]
    log = HoursLog(HoursEntry(day=d, start="08:00", end="17:00", break_minutes=60) for d in days)
    assert log.month(OCT_2025).overtime == 0 and log.month(NOV_2025).overtime == Decimal("8.00")


# --- Home and the PDFs: months not checked are counted apart ---------------------------------------------------------

def test_summary_counts_months_not_checked_apart():
    contract = Contract(employer="X", prefecture=AICHI, wage=Money(1100, "JPY"), id=1)
    slips = [Payslip(month=m, contract_id=1, regular_hours=Decimal(160), base_pay=Money(176_000, "JPY"),
                     gross=Money(176_000, "JPY"), net=Money(176_000, "JPY"), id=i)
             for i, m in enumerate((NOV_2025, NOV_2026), start=1)]
    checks = check_months(slips, [contract])
    assert [m.status for m in checks] == [CheckStatus.CHECKED, CheckStatus.LOWER_BOUND]
    summary = summarise(checks)
    # Both months 160 × 40 = 6,400 short; the second only "at least".
    assert (summary.checked_yen, summary.lower_bound_yen, summary.lower_bound_months) == (6_400, 6_400, 1)
    assert checks[1].shortfall_by_category["minimum_wage"] == 6_400


def test_a_typed_rate_from_mid_month_splits_the_month_and_the_first_half_stays_a_lower_bound():
    # Typed 1,180 from 16 Nov 2026; 1-15 Nov only the last known 1,140 (a lower bound). Calendar days 15 + 15:
    # 168 × (1,140 × 15 + 1,180 × 15) / 30 = 168 × 1,160 = 194,880 owed; paid 184,800 → at least 10,080.
    terms = PromisedTerms("hourly", 1100, minimums=(ExtraMinimum(1180, RateSource.USER, dt.date(2026, 11, 16),
                                                                  "poster"),))
    review = review_month(slip(NOV_2026, "168", 184_800), terms)
    assert [(r.source, r.start.day, r.end.day) for r in review.rates] == [
        (RateSource.LAST_KNOWN, 1, 15), (RateSource.USER, 16, 30)]
    assert review.status is CheckStatus.LOWER_BOUND and review.shortfall_yen == 10_080
    assert Code.MINIMUM_WAGE_CHANGED in codes(review.findings)
