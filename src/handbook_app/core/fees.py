"""Recruitment fees: sum by item and compare with the reference limits in
resources/data/recruitment_fee_limits.csv (editable; each row has its source and a verified flag).

All comparisons happen in one report currency (by default the currency the fees were paid in,
usually VND). `rates` gives the value of one unit of another currency in the report currency
(e.g. {"JPY": Decimal("170"), "USD": Decimal("25400")}); without the rate a rule that needs it
gives an "unknown" finding saying what is missing, never a guess.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from handbook_app.core.money import Money
from handbook_app.core.records import FEE_ITEMS, RecruitmentFee
from handbook_app.i18n import _, current_locale
from handbook_app.i18n.formatting import (
    currency_digits,
    format_decimal,
    format_list,
    format_money,
    join_sentences,
)
from handbook_app.resources import facts_path

LIMITS_FILE = ("data", "recruitment_fee_limits.csv")
TITLE_LANGUAGES = ("vi", "ja")  # source_title_vi, source_title_ja: the title in the trainee's languages
LIMIT_KINDS = ("months_wage_per_12_months", "amount_per_12_months", "amount", "banned")


@dataclass(frozen=True)
class FeeLimit:
    id: str
    applies_from: dt.date | None
    applies_to: dt.date | None
    items: tuple[str, ...]
    limit_kind: str
    value: Decimal | None
    currency: str | None
    max_value: Decimal | None
    verified: bool
    confidence: str
    checked_on: dt.date | None
    source_title: str  # in English
    source_url: str
    note: str = ""
    source_titles: tuple[tuple[str, str], ...] = ()  # (language, title) from source_title_vi, source_title_ja

    def title(self, locale: str | None = None) -> str:
        """The source's title in `locale` (the current language by default), else the English title."""
        lang = (locale or current_locale()).split("_")[0]
        return dict(self.source_titles).get(lang) or self.source_title

    def applies_on(self, day: dt.date) -> bool:
        return (self.applies_from is None or self.applies_from <= day) and (
            self.applies_to is None or day <= self.applies_to)


def _opt_date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text.strip()) if text and text.strip() else None


def _opt_dec(text: str) -> Decimal | None:
    return Decimal(text.strip()) if text and text.strip() else None


def parse_limits(text: str) -> list[FeeLimit]:
    """Read the limits CSV (lines starting with # are comments). Raises ValueError on a bad row."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    out = []
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        try:
            kind = row["limit_kind"].strip()
            if kind not in LIMIT_KINDS:
                raise ValueError(f"unknown limit_kind {kind!r}")
            items = tuple(i.strip() for i in row["items"].split("|") if i.strip())
            unknown = [i for i in items if i not in FEE_ITEMS]
            if unknown:
                raise ValueError(f"unknown fee items {unknown}")
            out.append(FeeLimit(
                id=row["id"].strip(), applies_from=_opt_date(row["applies_from"]),
                applies_to=_opt_date(row["applies_to"]), items=items, limit_kind=kind,
                value=_opt_dec(row["value"]), currency=(row["currency"] or "").strip() or None,
                max_value=_opt_dec(row["max_value"]),
                verified=row["verified"].strip().lower() in ("yes", "true", "1"),
                confidence=(row.get("confidence") or "").strip(), checked_on=_opt_date(row["checked_on"]),
                source_title=row["source_title"].strip(), source_url=row["source_url"].strip(),
                note=(row.get("note") or "").strip(),
                source_titles=tuple((lang, (row.get(f"source_title_{lang}") or "").strip())
                                    for lang in TITLE_LANGUAGES if (row.get(f"source_title_{lang}") or "").strip()),
            ))
        except (KeyError, ValueError, ArithmeticError) as exc:
            raise ValueError(f"recruitment fee limits, data row {n}: {exc}") from exc
    return out


def load_limits(path: Path | None = None) -> list[FeeLimit]:
    path = path or facts_path(*LIMITS_FILE)
    return parse_limits(Path(path).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Finding:
    """One result of the comparison. level: over | banned | check | within | unknown."""

    level: str
    limit_id: str
    message: str  # translated, with the numbers
    amount: Money | None = None
    limit: Money | None = None
    excess: Money | None = None
    verified: bool = True
    source_title: str = ""
    source_url: str = ""


@dataclass(frozen=True)
class FeeReport:
    currency: str
    by_item: dict[str, Money]  # in the report currency, only items with fees
    total: Money
    findings: list[Finding] = field(default_factory=list)
    unconverted: list[RecruitmentFee] = field(default_factory=list)  # fees with no rate to the report currency


def _to_report(amount: Money, currency: str, rates: Mapping[str, Decimal]) -> Money | None:
    if amount.currency == currency:
        return amount
    rate = rates.get(amount.currency)
    if rate is None or rate <= 0:
        return None
    return amount.convert(rate, currency)


def _major_to_money(value: Decimal, currency: str) -> Money:
    scaled = value.scaleb(currency_digits(currency)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Money(int(scaled), currency)


def check_fees(
    fees: Iterable[RecruitmentFee],
    *,
    contract_months: int | None = None,
    monthly_wage: Money | None = None,
    on: dt.date | None = None,
    rates: Mapping[str, Decimal] | None = None,
    currency: str | None = None,
    limits: list[FeeLimit] | None = None,
    locale: str | None = None,
) -> FeeReport:
    """Sum fees by item and compare with the limits in force on `on` (default: the earliest fee date).

    contract_months and monthly_wage (the contract's monthly wage, any currency) are needed for the
    wage-based cap; rates convert other currencies into the report currency.
    """
    fees = list(fees)
    rates = rates or {}
    cur = currency or (fees[0].amount.currency if fees else "VND")
    limits = load_limits() if limits is None else limits
    dated = [f.date for f in fees if f.date is not None]
    day = on or (min(dated) if dated else dt.date.today())

    by_item: dict[str, Money] = {}
    unconverted = []
    for f in fees:
        value = _to_report(f.amount, cur, rates)
        if value is None:
            unconverted.append(f)
            continue
        by_item[f.item] = by_item.get(f.item, Money.zero(cur)) + value
    total = sum(by_item.values(), Money.zero(cur))
    fmt = lambda m: format_money(m.minor, m.currency, locale)  # noqa: E731

    findings: list[Finding] = []
    for f in unconverted:
        findings.append(Finding("unknown", "", _(
            "A fee of {amount} could not be compared: enter the exchange rate from {currency} to {report}."
        ).format(amount=fmt(f.amount), currency=f.amount.currency, report=cur)))

    for lim in limits:
        if not lim.applies_on(day):
            continue
        paid = sum((by_item[i] for i in lim.items if i in by_item), Money.zero(cur))
        if paid.minor <= 0:
            continue
        labels = format_list([_(FEE_ITEMS[i]) for i in lim.items], locale)
        common = dict(verified=lim.verified, source_title=lim.title(locale), source_url=lim.source_url)
        caveat = "" if lim.verified else _(
            "This rule could not be confirmed from official sources; check it before relying on it.")
        if lim.limit_kind == "banned":
            if lim.verified:
                msg = _("You paid {amount} as {items}. Taking this money from trainees is not allowed.").format(
                    amount=fmt(paid), items=labels)
            else:
                msg = _("You paid {amount} as {items}. Whether this is allowed is unclear.").format(
                    amount=fmt(paid), items=labels)
            findings.append(Finding("banned" if lim.verified else "check", lim.id,
                                    join_sentences([msg, caveat], locale), paid, None, paid, **common))
            continue
        cap, explain = _cap(lim, contract_months, monthly_wage, cur, rates, locale)
        if cap is None:
            msg = _("You paid {amount} as {items}; to compare it with the limit, {missing}.").format(
                amount=fmt(paid), items=labels, missing=explain)
            findings.append(Finding("unknown", lim.id, join_sentences([msg, caveat], locale), paid, None, None,
                                    **common))
            continue
        if paid > cap:
            excess = paid - cap
            msg = _("You paid {amount} as {items}, {excess} more than the limit of {limit} ({rule}).").format(
                amount=fmt(paid), items=labels, excess=fmt(excess), limit=fmt(cap), rule=explain)
            findings.append(Finding("over", lim.id, join_sentences([msg, caveat], locale), paid, cap, excess, **common))
        else:
            msg = _("You paid {amount} as {items}, within the limit of {limit} ({rule}).").format(
                amount=fmt(paid), items=labels, limit=fmt(cap), rule=explain)
            findings.append(Finding("within", lim.id, join_sentences([msg, caveat], locale), paid, cap, Money.zero(cur),
                                    **common))
    return FeeReport(cur, by_item, total, findings, unconverted)


def _cap(
    lim: FeeLimit, months: int | None, wage: Money | None, cur: str, rates: Mapping[str, Decimal],
    locale: str | None,
) -> tuple[Money | None, str]:
    """The limit in the report currency and a translated explanation (or what is missing)."""
    if lim.limit_kind == "amount":
        assert lim.value is not None and lim.currency is not None
        base = _major_to_money(lim.value, lim.currency)
        converted = _to_report(base, cur, rates)
        if converted is None:
            return None, _("enter the exchange rate from {currency} to {report}").format(
                currency=lim.currency, report=cur)
        return converted, _("at most {limit}").format(limit=format_money(base.minor, base.currency, locale))
    if not months or months <= 0:
        return None, _("enter the contract length in months")
    years = Decimal(months) / 12
    if lim.limit_kind == "months_wage_per_12_months":
        if wage is None or wage.minor <= 0:
            return None, _("enter the monthly wage in the contract")
        assert lim.value is not None
        n = lim.value * years
        if lim.max_value is not None:
            n = min(n, lim.max_value)
        wage_r = _to_report(wage, cur, rates)
        if wage_r is None:
            return None, _("enter the exchange rate from {currency} to {report}").format(
                currency=wage.currency, report=cur)
        cap = Money(int((Decimal(wage_r.minor) * n).quantize(Decimal(1), rounding=ROUND_HALF_UP)), cur)
        return cap, _("{months} months of a wage of {wage} for a {contract}-month contract").format(
            months=format_decimal(n, locale, 2), wage=format_money(wage.minor, wage.currency, locale),
            contract=months)
    if lim.limit_kind == "amount_per_12_months":
        assert lim.value is not None and lim.currency is not None
        amount = lim.value * years
        if lim.max_value is not None:
            amount = min(amount, lim.max_value)
        base = _major_to_money(amount, lim.currency)
        converted = _to_report(base, cur, rates)
        if converted is None:
            return None, _("enter the exchange rate from {currency} to {report}").format(
                currency=lim.currency, report=cur)
        return converted, _("{limit} for a {contract}-month contract").format(
            limit=format_money(base.minor, base.currency, locale), contract=months)
    return None, ""
