"""Exact money: an integer number of minor units in one currency. Never a float.

Like Beancount's Amount, Money refuses to mix currencies; conversions take an
explicit Decimal rate and round once, half-up, to the target's minor unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from handbook_app.i18n.formatting import (
    ParseError,
    currency_digits,
    format_money,
    is_known_currency,
    minor_to_decimal,
    parse_money,
)


class CurrencyMismatch(ValueError):
    pass


@dataclass(frozen=True, slots=True, order=False)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money.minor must be an int of minor units")
        if not is_known_currency(self.currency):
            raise ParseError(f"Unknown currency: {self.currency}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str, currency: str, locale: str | None = None) -> Money:
        return cls(parse_money(text, currency, locale), currency)

    @classmethod
    def of(cls, value: Decimal | int | str, currency: str) -> Money:
        """From a major-unit value, e.g. Money.of("7500.00", "USD"); exact or refused."""
        dec = Decimal(str(value))
        scaled = dec.scaleb(currency_digits(currency))
        if scaled != scaled.to_integral_value():
            raise ParseError(f"{value} has more decimals than {currency} allows")
        return cls(int(scaled), currency)

    @property
    def decimal(self) -> Decimal:
        return minor_to_decimal(self.minor, self.currency)

    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError("can only combine Money with Money")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    def __bool__(self) -> bool:
        return self.minor != 0

    def is_positive(self) -> bool:
        return self.minor > 0

    def convert(self, rate: Decimal, currency: str) -> Money:
        """Convert at `rate` (units of `currency` per one unit of self), rounding half-up once."""
        if not isinstance(rate, Decimal):
            raise TypeError("exchange rates are Decimal")
        if rate <= 0:
            raise ValueError("exchange rate must be positive")
        target = (self.decimal * rate).scaleb(currency_digits(currency))
        return Money(int(target.quantize(Decimal(1), rounding=ROUND_HALF_UP)), currency)

    def format(self, locale: str | None = None) -> str:
        return format_money(self.minor, self.currency, locale)

    def __str__(self) -> str:
        return f"{self.decimal} {self.currency}"


def money_sum(items, currency: str) -> Money:
    total = Money.zero(currency)
    for item in items:
        total = total + item
    return total


def effective_rate(sent: Money, received: Money) -> Decimal:
    """Units of received currency per one unit sent (derived, never stored)."""
    if sent.minor == 0:
        raise ZeroDivisionError("nothing was sent")
    return received.decimal / sent.decimal
