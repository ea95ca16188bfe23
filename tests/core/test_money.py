"""Money is exact: integer minor units, CLDR digits, and the locale's own way of writing amounts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handbook_app.core.money import CurrencyMismatch, Money, effective_rate
from handbook_app.i18n.formatting import ParseError, currency_digits, format_amount, format_money, parse_money

LOCALES = ["vi", "ja", "en"]
CURRENCIES = ["JPY", "VND", "USD"]


def test_cldr_digits():
    assert (currency_digits("JPY"), currency_digits("VND"), currency_digits("USD")) == (0, 0, 2)


@pytest.mark.parametrize(
    ("locale", "money", "text"),
    [
        ("vi", Money(1_500_000, "VND"), "1.500.000\xa0₫"),
        ("ja", Money(150_000, "JPY"), "￥150,000"),
        ("en", Money(750_000, "USD"), "$7,500.00"),
    ],
)
def test_format_follows_the_locale(locale, money, text):
    assert money.format(locale) == text


@given(
    minor=st.integers(min_value=-(10**13), max_value=10**13),
    currency=st.sampled_from(CURRENCIES),
    locale=st.sampled_from(LOCALES),
)
def test_format_then_parse_round_trips(minor, currency, locale):
    assert parse_money(format_money(minor, currency, locale), currency, locale) == minor
    assert parse_money(format_amount(minor, currency, locale), currency, locale) == minor


def test_locale_separators_are_read_the_locale_way():
    assert parse_money("1.500.000", "VND", "vi") == 1_500_000
    assert parse_money("1,500,000", "JPY", "ja") == 1_500_000
    assert parse_money("7.500,25", "USD", "vi") == 750_025
    assert parse_money("7,500.25", "USD", "en") == 750_025


@pytest.mark.parametrize(
    ("text", "currency", "locale"),
    [
        ("1,500.000", "VND", "vi"),  # comma/period mix-up: refused, not guessed
        ("abc", "JPY", "ja"),
        ("", "JPY", "en"),
        ("12.5", "JPY", "en"),  # yen has no smaller unit
        ("1.005", "USD", "en"),  # more decimals than the cent
    ],
)
def test_malformed_amounts_get_a_message(text, currency, locale):
    with pytest.raises(ParseError) as info:
        parse_money(text, currency, locale)
    assert str(info.value)


def test_unknown_currency_is_refused():
    with pytest.raises(ParseError):
        Money(100, "XYZ")


def test_currencies_do_not_mix():
    with pytest.raises(CurrencyMismatch):
        Money(100, "JPY") + Money(100, "VND")
    assert Money(100, "JPY") + Money(50, "JPY") == Money(150, "JPY")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        Money(1.5, "USD")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100, "JPY").convert(170.5, "VND")  # type: ignore[arg-type]


@given(
    yen=st.integers(min_value=1, max_value=10**9),
    rate=st.decimals(min_value=Decimal("100"), max_value=Decimal("250"), places=2),
)
def test_conversion_round_trips_within_one_minor_unit(yen, rate):
    vnd = Money(yen, "JPY").convert(rate, "VND")
    back = vnd.convert(Decimal(1) / rate, "JPY")
    assert abs(back.minor - yen) <= 1


def test_effective_rate_is_exact():
    assert effective_rate(Money(100_000, "JPY"), Money(17_000_000, "VND")) == Decimal("170")


@pytest.mark.parametrize(("text", "minor"), [("１５０，０００", 150_000), ("150000円", 150_000), ("¥150,000", 150_000)])
def test_japanese_keyboard_input_is_read(text, minor):
    # A Japanese IME types full-width digits; payslips write 円.
    assert parse_money(text, "JPY", "ja") == minor


@pytest.mark.parametrize("text", ["1e6", "2.5E3"])
def test_scientific_notation_is_not_an_amount(text):
    with pytest.raises(ParseError):
        parse_money(text, "JPY", "en")


def test_year_first_dates_need_four_digits():
    from handbook_app.i18n.formatting import parse_date

    # "12/5/25" in a Japanese UI could be 2012-05-25 or a Vietnamese 12 May 2025: refused, never guessed.
    with pytest.raises(ParseError):
        parse_date("12/5/25", "ja")
    assert parse_date("2025/5/12", "ja").isoformat() == "2025-05-12"
    assert parse_date("12/5/25", "vi").isoformat() == "2025-05-12"
    assert parse_date("２０２５/７/１５", "ja").isoformat() == "2025-07-15"


@pytest.mark.parametrize(
    ("text", "iso"),
    [("令和7年7月15日", "2025-07-15"), ("R7/7/15", "2025-07-15"), ("平成31年4月30日", "2019-04-30"),
     ("令和元年5月1日", "2019-05-01")],
)
def test_japanese_era_dates_on_payslips_are_read(text, iso):
    from handbook_app.i18n.formatting import parse_date

    assert parse_date(text, "ja").isoformat() == iso


def test_an_impossible_era_date_is_refused():
    from handbook_app.i18n.formatting import parse_date

    with pytest.raises(ParseError):
        parse_date("令和7年2月30日", "ja")
