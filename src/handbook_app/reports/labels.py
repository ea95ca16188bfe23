"""Bilingual labels for the PDFs: every label in the two chosen languages, "Tiếng Việt / 日本語".

Labels come from the one gettext catalogue (`i18n.tr(lang, msg)`); strings are marked with
`N_` where they are defined. Money, numbers and dates are written the way the *first*
language writes them (the reader of the PDF chose that language first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from handbook_app.core.money import Money
from handbook_app.i18n import LOCALES, tr
from handbook_app.i18n.formatting import format_date, format_datetime, format_decimal, format_money

DEFAULT_LANGS = ("vi", "ja")


def parse_langs(text: str | Sequence[str]) -> tuple[str, ...]:
    """'vi,ja' → ('vi', 'ja'); one or two known languages, no repeats; ValueError otherwise."""
    items = [x.strip().lower() for x in (text.split(",") if isinstance(text, str) else text) if x.strip()]
    if not 1 <= len(items) <= 2 or len(set(items)) != len(items) or any(x not in LOCALES for x in items):
        raise ValueError(f"choose one or two of {', '.join(LOCALES)}")
    return tuple(items)


class Labels:
    def __init__(self, langs: Sequence[str] = DEFAULT_LANGS) -> None:
        self.langs = parse_langs(langs)
        self.primary = self.langs[0]

    # -- words
    def each(self, message: str, **values: object) -> list[str]:
        """The message in each chosen language (repeats removed, e.g. while a catalogue is missing)."""
        out: list[str] = []
        for lang in self.langs:
            text = tr(lang, message)
            if values:
                text = text.format(**values)
            if text not in out:
                out.append(text)
        return out

    def inline(self, message: str, sep: str = " / ", **values: object) -> str:
        return sep.join(self.each(message, **values))

    def stacked(self, message: str, **values: object) -> str:
        return "\n".join(self.each(message, **values))

    def one(self, message: str, lang: str | None = None, **values: object) -> str:
        text = tr(lang or self.primary, message)
        return text.format(**values) if values else text

    # -- values, in the first language's way
    def money(self, value: Money | None) -> str:
        if value is None:
            return ""
        return format_money(value.minor, value.currency, self.primary)

    def yen(self, amount: int) -> str:
        return format_money(amount, "JPY", self.primary)

    def date(self, value: dt.date | None, fmt: str = "medium") -> str:
        return format_date(value, self.primary, fmt) if value else ""

    def month(self, value: dt.date, long: bool = False) -> str:
        """'10/2024', '2024/10' in tables; 'tháng 10, 2024', '2024年10月' in headings."""
        from babel.dates import format_skeleton

        if not long and self.primary == "vi":
            return f"{value.month:02d}/{value.year}"  # CLDR's vi "yMM" spells out "tháng"
        return format_skeleton("yMMMM" if long else "yMM", value, locale=self.primary)

    def datetime(self, value: dt.datetime) -> str:
        """The date, then the time to the minute (what a reader looks for first)."""
        return f"{format_date(value.date(), self.primary)} {format_datetime(value, self.primary, 'HH:mm')}"

    def number(self, value: Decimal | int, digits: int = 2) -> str:
        """At most `digits` decimals, rounded half-up (1.077; 171,35; 0,8)."""
        quantum = Decimal(1).scaleb(-digits)
        return format_decimal(Decimal(value).quantize(quantum, ROUND_HALF_UP), self.primary, max_digits=digits)
