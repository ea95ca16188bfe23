"""Bilingual labels for the PDFs: every label in the two chosen languages, "Tiếng Việt / 日本語".

Labels come from the one gettext catalogue (`i18n.tr(lang, msg)`); strings are marked with
`N_` where they are defined.

Two kinds of figures (a Japanese reader must never meet "1.027 ¥" and a Vietnamese reader
never "1,027" as one thousand and twenty-seven by accident):

* **Inside a sentence** each language writes its own way: pass a `Local` value (made by
  `lmoney`, `ldate`, `lnumber`, `lmonth`, `lword`) to `each`/`inline`, and every language's
  half is formatted with that language's CLDR rules ("1.027 ¥" / "¥1,027"; CLDR's full-width "￥" is
  written "¥" like the tables, so a Japanese reader meets one yen sign).
* **In a table cell both readers share**, one neutral form that neither misreads and that the
  pack's opening notes state: ISO dates (2026-12-05), months 2026-12, yen as ¥1,027 (comma
  groups of three, no decimals), other currencies with comma groups and a decimal point
  (181,000,000 ₫, $7,500.00). `money`, `yen`, `date`, `month`, `number` give those.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import quote, unquote

from babel import numbers as babel_numbers

from handbook_app.core.money import Money
from handbook_app.i18n import LOCALES, tr
from handbook_app.i18n.formatting import currency_digits, format_date, format_decimal, format_money

DEFAULT_LANGS = ("vi", "ja")
# Between a label and its translation. A plain " / " after Japanese text cannot be read as 一 (an em dash
# drawn in the Japanese face can).
SEP = " / "
# Between a thing and what it is about ("Incident 3 · 2024-06-03"): never an em dash next to Japanese.
DOT = " · "


def parse_langs(text: str | Sequence[str]) -> tuple[str, ...]:
    """'vi,ja' → ('vi', 'ja'); one or two known languages, no repeats; ValueError otherwise."""
    items = [x.strip().lower() for x in (text.split(",") if isinstance(text, str) else text) if x.strip()]
    if not 1 <= len(items) <= 2 or len(set(items)) != len(items) or any(x not in LOCALES for x in items):
        raise ValueError(f"choose one or two of {', '.join(LOCALES)}")
    return tuple(items)


class Local:
    """A value inside a sentence, written each language's own way when the sentence is translated."""

    __slots__ = ("_fmt", "_neutral")

    def __init__(self, fmt: Callable[[str], str], neutral: str = "") -> None:
        self._fmt = fmt
        self._neutral = neutral

    def __call__(self, lang: str) -> str:
        return self._fmt(lang)

    def __str__(self) -> str:  # outside a translated sentence: the shared form
        return self._neutral


def neutral_number(value: Decimal | int, digits: int = 2) -> str:
    """Comma groups, a decimal point, at most `digits` decimals rounded half-up: 1,077 / 171.35 / 0.8."""
    quantum = Decimal(1).scaleb(-digits)
    return format_decimal(Decimal(value).quantize(quantum, ROUND_HALF_UP), "en", max_digits=digits)


def neutral_money(amount_minor: int, currency: str) -> str:
    """¥1,027 · 181,000,000 ₫ · $7,500.00: comma groups, a decimal point, the currency's own digits."""
    digits = currency_digits(currency)
    value = Decimal(amount_minor).scaleb(-digits)
    number = babel_numbers.format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""),
                                          locale="en", decimal_quantization=True)
    if currency == "JPY":
        return ("-¥" + number[1:]) if number.startswith("-") else "¥" + number
    if currency == "VND":
        return number + " ₫"
    return format_money(amount_minor, currency, "en")


# CLDR writes yen in Japanese with the full-width sign "￥"; the PDFs' tables and opening notes use "¥" (issue 12:
# one form throughout), so Japanese sentences in the PDFs use it too. The app's screens keep CLDR's form.
_YEN_SIGNS = str.maketrans({"\uffe5": "\u00a5"})


def local_money(amount_minor: int, currency: str, lang: str) -> str:
    """An amount inside a sentence, the language's own way ("1.027 ¥", "¥1,027", "$7,500.00"), yen as "¥"."""
    return format_money(amount_minor, currency, lang).translate(_YEN_SIGNS)


def one_yen_sign(text: str) -> str:
    """A sentence formatted outside the reports (a finding rendered in Japanese by core) with yen as "¥"."""
    return text.translate(_YEN_SIGNS)


_UNIT_AFTER_SPACE = re.compile(r"(?<=\d) (?=[%％‰₫¥]|円)")


def glue_units(text: str) -> str:
    """"0.8 %", "181,000,000 ₫" with a no-break space, so no line breaker puts the unit on the next line
    (CLDR already writes money that way; a translated sentence has a plain space)."""
    return _UNIT_AFTER_SPACE.sub("\u00a0", text)


def readable_url(url: str) -> str:
    """A URL as a reader types it: percent-encoding decoded (日本語 paths read as 日本語), except spaces, other
    invisible or control characters and "%" itself, which stay encoded: a decoded space would read as the end
    of the address and let a line break inside it. Left as it is when it does not decode as UTF-8."""
    try:
        text = unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url
    if text == url:
        return url
    return "".join(quote(ch, safe="") if ch == "%" or unicodedata.category(ch)[0] in "ZC" else ch for ch in text)


_URL = re.compile(r"https?://\S+")


def readable_urls(text: str) -> str:
    """Every URL inside a text made readable (`readable_url`)."""
    return _URL.sub(lambda m: readable_url(m.group(0)), str(text))


def zone_text(value: dt.datetime) -> str:
    """'UTC+09:00' (or 'UTC' for a UTC time)."""
    offset = value.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class Labels:
    def __init__(self, langs: Sequence[str] = DEFAULT_LANGS) -> None:
        self.langs = parse_langs(langs)
        self.primary = self.langs[0]

    # -- words
    def each(self, message: str, **values: object) -> list[str]:
        """The message in each chosen language (repeats removed, e.g. while a catalogue is missing).
        `Local` values are written each language's way."""
        out: list[str] = []
        for lang in self.langs:
            text = tr(lang, message)
            if values:
                text = text.format(**{k: (v(lang) if isinstance(v, Local) else v) for k, v in values.items()})
            text = glue_units(text)
            if text not in out:
                out.append(text)
        return out

    def inline(self, message: str, sep: str = SEP, **values: object) -> str:
        return sep.join(self.each(message, **values))

    def stacked(self, message: str, **values: object) -> str:
        return "\n".join(self.each(message, **values))

    def one(self, message: str, lang: str | None = None, **values: object) -> str:
        lang = lang or self.primary
        text = tr(lang, message)
        return glue_units(text.format(**{k: (v(lang) if isinstance(v, Local) else v) for k, v in values.items()})
                          if values else text)

    # -- shared table cells: one neutral form (stated in the pack's opening notes)
    def money(self, value: Money | None) -> str:
        if value is None:
            return ""
        return neutral_money(value.minor, value.currency)

    def yen(self, amount: int) -> str:
        return neutral_money(amount, "JPY")

    def date(self, value: dt.date | None, fmt: str = "iso") -> str:
        return value.isoformat() if value else ""

    def month(self, value: dt.date, long: bool = False) -> str:
        """'2024-10' in tables; 'tháng 10 năm 2024 / 2024年10月' (each language's way) in headings."""
        if long:
            return self.inline("{m}", m=self.lmonth(value))
        return f"{value.year:04d}-{value.month:02d}"

    def datetime(self, value: dt.datetime) -> str:
        """'2026-12-05 14:09 (UTC+09:00)': the date, the time to the minute and its zone."""
        zone = zone_text(value)
        return f"{value:%Y-%m-%d %H:%M}" + (f" ({zone})" if zone else "")

    def number(self, value: Decimal | int, digits: int = 2) -> str:
        return neutral_number(value, digits)

    def percent(self, value: Decimal, digits: int = 2) -> str:
        """A percentage (value already × 100): '0.8 %' (a no-break space: never "0.8⏎%")."""
        return neutral_number(value, digits) + "\u00a0%"

    # -- values inside sentences: each language its own way
    def lmoney(self, value: Money) -> Local:
        return Local(lambda lang: local_money(value.minor, value.currency, lang), self.money(value))

    def lyen(self, amount: int) -> Local:
        return self.lmoney(Money(amount, "JPY"))

    def ldate(self, value: dt.date) -> Local:
        # no-break spaces: "5 thg 1, 2029" is never split over two lines (its year alone read like a page number)
        return Local(lambda lang: format_date(value, lang).replace(" ", "\u00a0"), self.date(value))

    def lmonth(self, value: dt.date) -> Local:
        from babel.dates import format_skeleton

        return Local(lambda lang: format_skeleton("yMMMM", value, locale=lang).replace(" ", "\u00a0"),
                     self.month(value))

    def lnumber(self, value: Decimal | int, digits: int = 2) -> Local:
        quantum = Decimal(1).scaleb(-digits)
        return Local(lambda lang: format_decimal(Decimal(value).quantize(quantum, ROUND_HALF_UP), lang,
                                                 max_digits=digits), self.number(value, digits))

    def lmoneys(self, values: Sequence[Money]) -> Local:
        """Several amounts (one per currency), each language's way, joined by commas."""
        return Local(lambda lang: ", ".join(local_money(v.minor, v.currency, lang) for v in values),
                     ", ".join(self.money(v) for v in values))

    def lword(self, message: str) -> Local:
        """A translatable word used as a value ("Trainee" in "Who"), in each language."""
        return Local(lambda lang: tr(lang, message), tr(self.primary, message))
