"""Recruitment fees compared with the reference limits CSV."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from handbook_app.core.fees import check_fees, load_limits, parse_limits
from handbook_app.core.money import Money
from handbook_app.core.records import RecruitmentFee

D = Decimal
RATES = {"JPY": D("170"), "USD": D("23000")}
WAGE = Money(160_000, "JPY")


def fee(item, vnd, day=dt.date(2023, 5, 1)):
    return RecruitmentFee(date=day, item=item, amount=Money(vnd, "VND"))


def test_shipped_limits_have_sources_and_flags():
    limits = {lim.id: lim for lim in load_limits()}
    assert {"law69_service_fee", "molisa_1123_service_fee", "japan_deposit_ban", "vn_deposit_rule"} <= set(limits)
    for lim in limits.values():
        assert lim.source_url.startswith("http") and lim.source_title and lim.checked_on
    assert limits["law69_service_fee"].value == 1 and limits["law69_service_fee"].max_value == 3
    assert limits["law69_service_fee"].applies_from == dt.date(2022, 1, 1)
    assert limits["vn_deposit_rule"].verified is False  # the facts file lists it as unconfirmed


def test_service_fee_over_the_cap():
    # 36-month contract, wage 160,000 JPY at 170 VND/JPY: cap = 3 x 160,000 x 170 = 81,600,000 VND
    report = check_fees([fee("service_fee", 120_000_000), fee("training", 10_000_000)],
                        contract_months=36, monthly_wage=WAGE, rates=RATES)
    assert report.total == Money(130_000_000, "VND")
    f = next(x for x in report.findings if x.limit_id == "law69_service_fee")
    assert f.level == "over"
    assert f.limit == Money(81_600_000, "VND")
    assert f.excess == Money(38_400_000, "VND")
    assert f.source_url and "38" in f.message.replace(".", "").replace(",", "")


def test_cap_is_proportional_and_capped_at_three_months():
    one_year = check_fees([fee("service_fee", 20_000_000)], contract_months=12, monthly_wage=WAGE, rates=RATES)
    f = one_year.findings[0]
    assert f.limit == Money(27_200_000, "VND") and f.level == "within"
    five_years = check_fees([fee("service_fee", 20_000_000)], contract_months=60, monthly_wage=WAGE, rates=RATES)
    assert five_years.findings[0].limit == Money(81_600_000, "VND")


def test_deposit_is_flagged_and_unverified_rule_says_so():
    report = check_fees([fee("deposit", 30_000_000)], contract_months=36, monthly_wage=WAGE, rates=RATES)
    levels = {f.limit_id: f for f in report.findings}
    assert levels["japan_deposit_ban"].level == "banned" and levels["japan_deposit_ban"].verified
    assert levels["vn_deposit_rule"].level == "check" and not levels["vn_deposit_rule"].verified
    assert "confirmed" in levels["vn_deposit_rule"].message


def test_before_2022_uses_the_usd_cap():
    # 2019: USD 1,200 per 12 months, 3,600 for 36 months; at 23,000 VND/USD = 82,800,000 VND
    report = check_fees([fee("service_fee", 90_000_000, dt.date(2019, 3, 1))], contract_months=36,
                        monthly_wage=WAGE, rates=RATES)
    f = next(x for x in report.findings if x.limit_id == "molisa_1123_service_fee")
    assert f.level == "over" and f.limit == Money(82_800_000, "VND") and f.excess == Money(7_200_000, "VND")
    assert not any(x.limit_id == "law69_service_fee" for x in report.findings)


def test_missing_inputs_give_unknown_not_a_guess():
    report = check_fees([fee("service_fee", 20_000_000)], rates=RATES)
    assert [f.level for f in report.findings] == ["unknown"]
    no_rate = check_fees([fee("service_fee", 20_000_000)], contract_months=36, monthly_wage=WAGE)
    assert no_rate.findings[0].level == "unknown" and "JPY" in no_rate.findings[0].message
    jpy_fee = RecruitmentFee(date=dt.date(2023, 1, 1), item="medical", amount=Money(5_000, "JPY"))
    odd = check_fees([jpy_fee, fee("training", 1_000)], currency="VND")
    assert odd.unconverted == [jpy_fee] and odd.findings[0].level == "unknown"


def test_bad_limits_file_is_refused():
    text = "id,applies_from,applies_to,items,limit_kind,value,currency,max_value,verified,confidence,checked_on," \
           "source_title,source_url,note\nx,,,service_fee,per_moon,1,,,yes,high,2026-01-01,t,http://x,\n"
    with pytest.raises(ValueError):
        parse_limits(text)
