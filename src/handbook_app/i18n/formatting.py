"""Locale-aware formatting and parsing of numbers, money and dates (Babel/CLDR).

Money crosses this module as (amount_minor: int, currency: str); the number of
minor digits per currency comes from CLDR, never from a table of our own.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache

from babel import Locale
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers

from handbook_app.i18n.catalog import _, current_locale


class ParseError(ValueError):
    """Input the user typed that cannot be read; the message is translated and shown as is."""


_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


@cache
def _currencies() -> frozenset[str]:
    return frozenset(babel_numbers.list_currencies())


@cache
def is_known_currency(code: str) -> bool:
    return bool(_CURRENCY_RE.match(code or "")) and code in _currencies()


def currency_digits(currency: str) -> int:
    """Minor-unit digits of a currency per CLDR (JPY 0, VND 0, USD 2)."""
    if not is_known_currency(currency):
        raise ParseError(_("Unknown currency: {code}").format(code=currency))
    return babel_numbers.get_currency_precision(currency)


def minor_to_decimal(amount_minor: int, currency: str) -> Decimal:
    return Decimal(amount_minor).scaleb(-currency_digits(currency))


def decimal_to_minor(value: Decimal, currency: str) -> int:
    """Exact conversion; refuses more decimals than the currency has."""
    digits = currency_digits(currency)
    scaled = value.scaleb(digits)
    if scaled != scaled.to_integral_value():
        raise ParseError(
            _("{currency} amounts have at most {digits} decimal places.").format(currency=currency, digits=digits)
        )
    return int(scaled)


def format_money(amount_minor: int, currency: str, locale: str | None = None) -> str:
    """`1.500.000 ₫`, `￥150,000`, `$7,500.00` as the locale writes them."""
    loc = locale or current_locale()
    value = minor_to_decimal(amount_minor, currency)
    return babel_numbers.format_currency(value, currency, locale=loc, currency_digits=True)


def format_amount(amount_minor: int, currency: str, locale: str | None = None) -> str:
    """The number alone with the currency's digits (for input fields and tables)."""
    loc = locale or current_locale()
    digits = currency_digits(currency)
    value = minor_to_decimal(amount_minor, currency)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=loc, decimal_quantization=True)


def format_decimal(value: Decimal, locale: str | None = None, max_digits: int = 6) -> str:
    loc = locale or current_locale()
    pattern = "#,##0." + "#" * max_digits
    return babel_numbers.format_decimal(value, format=pattern, locale=loc, decimal_quantization=False)


def format_percent(value: Decimal, locale: str | None = None) -> str:
    """value is a fraction: Decimal('0.0125') -> '1,25%' in vi."""
    loc = locale or current_locale()
    return babel_numbers.format_percent(value, format="#,##0.##%", locale=loc, decimal_quantization=False)


# Quotation marks around a name inside a sentence: Vietnamese and English “…”, Japanese 「…」 (CLDR's
# delimiters are not in Babel's data).
_QUOTES = {"ja": ("「", "」")}
_DEFAULT_QUOTES = ("“", "”")
# Languages written without spaces between sentences (after 「。」 comes the next sentence at once).
_NO_SPACE_LANGUAGES = frozenset({"ja", "zh"})
_FULL_WIDTH_END = "。．！？」』）】"


def quote(text: str, locale: str | None = None) -> str:
    """`text` in the locale's quotation marks: “Bác Hùng”, 「Bác Hùng」."""
    lang = (locale or current_locale()).split("_")[0]
    opening, closing = _QUOTES.get(lang, _DEFAULT_QUOTES)
    return f"{opening}{text}{closing}"


def format_list(items, locale: str | None = None, quoted: bool = False) -> str:
    """Items joined the locale's way ("A, B và C", "A、B、C", "A, B, and C"); `quoted` puts each item in the
    locale's quotation marks first, so a name that itself holds a comma still reads as one name."""
    loc = locale or current_locale()
    parts = [quote(str(item), loc) if quoted else str(item) for item in items]
    if not parts:
        return ""
    return babel_lists.format_list(parts, locale=loc)


def join_sentences(sentences, locale: str | None = None) -> str:
    """Whole sentences joined the locale's way: a space between them, none in Japanese after 「。」.
    Empty sentences are skipped."""
    lang = (locale or current_locale()).split("_")[0]
    out = ""
    for sentence in sentences:
        text = (sentence or "").strip()
        if not text:
            continue
        if out:
            glue = "" if lang in _NO_SPACE_LANGUAGES and out[-1] in _FULL_WIDTH_END else " "
            out += glue
        out += text
    return out


_SPACES = re.compile(r"[\s\u00a0\u202f]")


def parse_decimal(text: str, locale: str | None = None) -> Decimal:
    """Read a number typed the locale's way ('1.500.000,5' in vi, '1,500,000.5' in ja/en).

    Strict: a separator in the wrong place (a comma/period mix-up) is refused, not guessed.
    """
    loc = locale or current_locale()
    # NFKC turns the full-width digits and separators a Japanese keyboard types (１５０，０００) into ASCII.
    cleaned = _SPACES.sub("", unicodedata.normalize("NFKC", text or ""))
    cleaned = cleaned.replace("\u2212", "-")  # typographic minus
    if "e" in cleaned.lower():  # 1e6 is a slip of the keyboard, not an amount
        raise ParseError(_("'{text}' is not a number.").format(text=(text or "").strip()))
    if not cleaned:
        raise ParseError(_("Please enter an amount."))
    symbols = Locale.parse(loc).number_symbols.get("latn", Locale.parse(loc).number_symbols)
    group = symbols.get("group", ",")
    if group in ("\u00a0", "\u202f", " "):
        group = ""
    try:
        value = babel_numbers.parse_decimal(cleaned, locale=loc, strict=True)
    except babel_numbers.NumberFormatError:
        raise ParseError(
            _("'{text}' is not a number written the {language} way (for example {example}).").format(
                text=text.strip(), language=Locale.parse(loc).get_display_name(current_locale()),
                example=babel_numbers.format_decimal(Decimal("1234567.5"), locale=loc),
            )
        ) from None
    except (InvalidOperation, ValueError):
        raise ParseError(_("'{text}' is not a number.").format(text=text.strip())) from None
    if not value.is_finite():
        raise ParseError(_("'{text}' is not a number.").format(text=text.strip()))
    return value


_GROUPED_WHOLE = re.compile(r"-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


def whole_grouped(text: str, currency: str) -> tuple[int, str] | None:
    """For a currency without minor units (yen, đồng): "20,000" and "20.000" both mean twenty thousand,
    whichever language the app is in (a Japanese payslip pasted into the Vietnamese app). Only digits in
    groups of three with one kind of separator qualify. Returns (amount, separator) or None."""
    if currency_digits(currency) != 0:
        return None
    cleaned = _SPACES.sub("", unicodedata.normalize("NFKC", text or ""))
    for token in ("¥", "￥", "₫", "đ", "円", currency):
        if _symbol_matches(token, currency):
            cleaned = cleaned.replace(token, "")
    match = _GROUPED_WHOLE.fullmatch(cleaned)
    if match is None:
        return None
    return int(cleaned.replace(match.group(1), "")), match.group(1)


def reading_note(text: str, currency: str, locale: str | None = None) -> str | None:
    """How an amount was read when it was written another language's way ("20,000" in Vietnamese)."""
    loc = locale or current_locale()
    found = whole_grouped(text, currency)
    if found is None:
        return None
    amount, separator = found
    if separator == Locale.parse(loc).number_symbols.get("latn", {}).get("group", ","):
        return None
    return _("Read as {amount} (the '{sign}' separates thousands).").format(
        amount=format_money(amount, currency, loc), sign=separator)


def parse_money(text: str, currency: str, locale: str | None = None) -> int:
    """Parse an amount typed in the locale's way into minor units of `currency`.

    A currency symbol or code typed along with the number is accepted and ignored
    if it matches; the currency itself comes from the field, never from guessing.
    """
    loc = locale or current_locale()
    digits = currency_digits(currency)
    grouped = whole_grouped(text, currency)
    if grouped is not None:
        return grouped[0]
    stripped = (text or "").strip()
    stripped = unicodedata.normalize("NFKC", stripped)
    tokens = {currency, babel_numbers.get_currency_symbol(currency, locale=loc), "¥", "￥", "₫", "$", "đ", "円"}
    for token in sorted(tokens, key=len, reverse=True):  # "US$" before "$"
        if token and token in stripped and _symbol_matches(token, currency):
            stripped = stripped.replace(token, "")
    value = parse_decimal(stripped, loc)
    # "150,000" typed in Vietnamese means 150.000: more decimals than the currency has is a
    # comma/period mix-up, refused rather than silently read as 150.
    decimal_sign = Locale.parse(loc).number_symbols.get("latn", {}).get("decimal", ".")
    typed_decimals = stripped.rsplit(decimal_sign, 1)[1] if decimal_sign in stripped else ""
    if len(typed_decimals.strip()) > digits:
        raise ParseError(
            _("'{text}' looks like a mix-up of commas and periods. In {language}, write it like {example}.").format(
                text=(text or "").strip(), language=Locale.parse(loc).get_display_name(current_locale()),
                example=format_amount(123456700 if digits == 2 else 1234567, currency, loc),
            )
        )
    scaled = value.scaleb(digits)
    if scaled != scaled.to_integral_value():
        if digits == 0:
            raise ParseError(_("{currency} has no smaller unit: enter a whole number.").format(currency=currency))
        raise ParseError(
            _("{currency} amounts have at most {digits} decimal places.").format(currency=currency, digits=digits)
        )
    return int(scaled)


def _symbol_matches(token: str, currency: str) -> bool:
    if token == currency:
        return True
    return {"¥": "JPY", "￥": "JPY", "円": "JPY", "₫": "VND", "đ": "VND", "$": "USD"}.get(token, currency) == currency


def format_date(value: dt.date | None, locale: str | None = None, fmt: str = "medium") -> str:
    """`27 thg 11, 2026`, `2026/11/27`, `Nov 27, 2026` (CLDR medium by default)."""
    if value is None:
        return ""
    return babel_dates.format_date(value, format=fmt, locale=locale or current_locale())


def format_month(value: dt.date | None, locale: str | None = None) -> str:
    """A month as the locale names it: `thg 11 2026`, `2026年11月`, `Nov 2026`."""
    if value is None:
        return ""
    return babel_dates.format_skeleton("yMMM", value, locale=locale or current_locale())


def format_month_long(value: dt.date, locale: str | None = None) -> str:
    """`October 2026`, `tháng 10 năm 2026`, `2026年10月` (the month spelled out, for sentences)."""
    return babel_dates.format_skeleton("yMMMM", value, locale=locale or current_locale())


def format_datetime(value: dt.datetime, locale: str | None = None, fmt: str = "medium") -> str:
    return babel_dates.format_datetime(value, format=fmt, locale=locale or current_locale())


def date_input_pattern(locale: str | None = None) -> str:
    """The short pattern users type dates in, as a hint ('dd/MM/y', 'y/MM/dd', 'M/d/yy')."""
    return babel_dates.get_date_format("short", locale=locale or current_locale()).pattern


def parse_date(text: str, locale: str | None = None) -> dt.date:
    """Read a date typed as ISO (2026-11-27) or in the locale's numeric order (27/11/2026 in vi,
    2026/11/27 in ja, 11/27/2026 in en). Strict: an impossible day or month is refused, never swapped."""
    raw = (text or "").strip()
    if not raw:
        raise ParseError(_("Please enter a date."))
    loc = locale or current_locale()
    raw = unicodedata.normalize("NFKC", raw)
    era = _ERA_DATE.match(raw)
    if era:  # 令和7年7月15日, R7/7/15, 平成31年4月30日 (payslips and residence cards use the era)
        first, year, month, day = era.groups()
        base = _ERAS.get(first[0].upper() if first[0].isascii() else first)
        year_number = 1 if year == "元" else int(year)
        try:
            return dt.date(base + year_number, int(month), int(day))
        except (TypeError, ValueError):
            pass
        raise ParseError(_("'{text}' is not a date. Write it like {example}.").format(text=raw, example=date_example(loc)))
    parts = re.findall(r"\d+", raw)
    order = _date_order(loc)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw) or re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", raw):
        order = "ymd"
    if len(parts) == 3 and re.fullmatch(r"[\d\s./\-年月日]+", raw):
        fields = dict(zip(order, (int(p) for p in parts), strict=True))
        year = fields["y"]
        year_digits = len(parts[order.index("y")])
        if year_digits == 2 and order.startswith("y"):
            year = -1  # "12/5/25" typed year-first is too easily a Vietnamese day-month-year: refuse
        elif year_digits == 2:
            year += 2000
        try:
            value = dt.date(year, fields["m"], fields["d"])
        except ValueError:
            value = None
        if value is not None and 1900 <= value.year <= 2200:
            return value
    raise ParseError(_("'{text}' is not a date. Write it like {example}.").format(text=raw, example=date_example(loc)))


# Japanese eras still in use on documents: year 1 of 令和 is 2019, of 平成 1989.
_ERAS = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988}
_ERA_DATE = re.compile(r"^(令和|平成|[RrHh])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$")


def date_example(locale: str | None = None) -> str:
    """27/11/2026, 2026/11/27 or 11/27/2026: how to type a date in this locale."""
    parts = {"d": "27", "m": "11", "y": "2026"}
    return "/".join(parts[c] for c in _date_order(locale or current_locale()))


@cache
def _date_order(locale: str) -> str:
    """'dmy', 'ymd' or 'mdy' from the locale's short date pattern."""
    pattern = babel_dates.get_date_format("short", locale=locale).pattern.lower()
    positions = sorted((pattern.find(c), c) for c in "dmy" if c in pattern)
    return "".join(c for _pos, c in positions)


def parse_month(text: str) -> dt.date:
    """A payslip month typed as 2026-11 or 11/2026; returns the first day of the month."""
    raw = (text or "").strip()
    for pattern in (r"^(\d{4})-(\d{1,2})$", r"^(\d{4})/(\d{1,2})$", r"^(\d{1,2})/(\d{4})$", r"^(\d{4})年(\d{1,2})月$"):
        m = re.match(pattern, raw)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            year, month = (b, a) if a <= 12 and b > 12 else (a, b)
            if 1 <= month <= 12:
                return dt.date(year, month, 1)
    raise ParseError(_("'{text}' is not a month. Write it like 2026-11.").format(text=raw))
