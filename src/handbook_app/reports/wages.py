"""Payslips checked against the minimum wage and the contract, month by month — the one mapping of
the vault's records onto `core.wage_checks` that the app (services.work), the PDFs and Home share.

Maps `Payslip`, `Contract` and the hours log onto `PayslipFigures`, `PromisedTerms` and
`LoggedHours` as that module's notes prescribe; nothing is computed here that the core does not
already define.

Public result (for the evidence pack's summary; fields are only ever added): `MonthCheck` per
payslip with
  * `status`: `CheckStatus.CHECKED` / `LOWER_BOUND` / `NOT_CHECKED` (the minimum-wage comparison);
  * `shortfall`: whole yen for the month; `shortfall_by_category`: {category: yen} for every key of
    `core.wage_checks.CATEGORIES` ("minimum_wage", "contract", "overtime", "late_night", "holiday",
    "deductions");
  * `rates`: the `ComparisonRate`s compared with (yen_per_hour, source: table / user / industry /
    last_known, source_title, source_url, note, the days they covered), `comparison_rate` the
    highest of them, `rate_source` its source;
  * `not_checked_reason`, `findings`, `review` (the core `MonthReview`).
`summarise(checks)` gives the totals per status and category (`WageSummary`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from handbook_app.core.hours import HoursLog
from handbook_app.core.minimum_wage import MinimumWage, minimum_wage_lookup
from handbook_app.core.records import Contract, HoursEntry, Payslip
from handbook_app.core.wage_checks import (
    CATEGORIES,
    CheckStatus,
    ComparisonRate,
    ExtraMinimum,
    Finding,
    LoggedHours,
    MonthReview,
    PayslipFigures,
    PromisedTerms,
    RateSource,
    Severity,
    outside_contract,
    review_month,
    shortfall_by_category,
)
from handbook_app.i18n import N_
from handbook_app.reports.plural import Plural


@dataclass(frozen=True)
class MonthCheck:
    payslip: Payslip
    contract: Contract | None
    findings: tuple[Finding, ...]
    minimum: MinimumWage | None  # the table row in force on the month's first day (None: none known)
    base_hourly: Decimal | None
    review: MonthReview | None = None

    @property
    def shortfall(self) -> int:
        return sum(f.shortfall_yen for f in self.findings)

    @property
    def flagged(self) -> bool:
        return any(f.severity is Severity.SHORTFALL for f in self.findings)

    @property
    def status(self) -> CheckStatus:
        return self.review.status if self.review is not None else CheckStatus.NOT_CHECKED

    @property
    def checked(self) -> bool:
        return self.status is CheckStatus.CHECKED

    @property
    def shortfall_by_category(self) -> dict[str, int]:
        return shortfall_by_category(self.findings)

    @property
    def rates(self) -> tuple[ComparisonRate, ...]:
        return self.review.rates if self.review is not None else ()

    @property
    def comparison_rate(self) -> ComparisonRate | None:
        """The highest minimum wage the month was compared with (None when not compared)."""
        return max(self.rates, key=lambda r: r.yen_per_hour, default=None)

    @property
    def rate_source(self) -> RateSource | None:
        rate = self.comparison_rate
        return rate.source if rate is not None else None

    @property
    def not_checked_reason(self) -> str:
        if self.contract is None:
            return "no_contract"
        return self.review.not_checked_reason if self.review is not None else ""


@dataclass(frozen=True)
class WageSummary:
    """Totals over months, the months not fully checked counted apart (never folded into a clean total)."""

    months: int = 0
    checked_months: int = 0
    lower_bound_months: int = 0
    not_checked_months: int = 0
    checked_yen: int = 0  # shortfall found in fully checked months
    lower_bound_yen: int = 0  # "at least": found in months checked against the last known rate only
    not_checked_yen: int = 0  # found in months not compared with the minimum wage (premiums, deductions)
    by_category: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    flagged_months: int = 0

    @property
    def total_yen(self) -> int:
        return self.checked_yen + self.lower_bound_yen + self.not_checked_yen

    @property
    def is_lower_bound(self) -> bool:
        return bool(self.lower_bound_months or self.not_checked_months)


def summarise(checks: Iterable[MonthCheck]) -> WageSummary:
    counts = {s: 0 for s in CheckStatus}
    yen = {s: 0 for s in CheckStatus}
    by_category = dict.fromkeys(CATEGORIES, 0)
    flagged = months = 0
    for m in checks:
        months += 1
        counts[m.status] += 1
        yen[m.status] += m.shortfall
        flagged += m.shortfall > 0
        for key, value in m.shortfall_by_category.items():
            by_category[key] += value
    return WageSummary(months, counts[CheckStatus.CHECKED], counts[CheckStatus.LOWER_BOUND],
                       counts[CheckStatus.NOT_CHECKED], yen[CheckStatus.CHECKED], yen[CheckStatus.LOWER_BOUND],
                       yen[CheckStatus.NOT_CHECKED], by_category, flagged)


def contract_for(payslip: Payslip, contracts: Sequence[Contract]) -> Contract | None:
    """The payslip's own contract, else the one whose period touches the month, else none."""
    if payslip.contract_id is not None:
        for c in contracts:
            if c.id == payslip.contract_id:
                return c
    last_day = (payslip.month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    for c in contracts:
        if (c.start is None or c.start <= last_day) and (c.end is None or payslip.month <= c.end):
            return c
    return None


def _yen(money) -> int:
    return money.minor if money.currency == "JPY" else 0


def figures(payslip: Payslip, contract: Contract | None) -> PayslipFigures:
    prefecture = contract.prefecture if contract is not None and contract.prefecture else 0
    return PayslipFigures(
        month=payslip.month.replace(day=1), prefecture=prefecture,
        regular_hours=payslip.regular_hours, overtime_hours=payslip.overtime_hours,
        late_night_hours=payslip.late_night_hours, holiday_hours=payslip.holiday_hours,
        base_pay=_yen(payslip.base_pay), overtime_pay=_yen(payslip.overtime_pay),
        late_night_pay=_yen(payslip.late_night_pay), holiday_pay=_yen(payslip.holiday_pay),
        other_pay=_yen(payslip.other_pay), gross=_yen(payslip.gross),
        deductions=dict(payslip.deductions), net=_yen(payslip.net),
        night_overtime_hours=payslip.night_overtime_hours, night_overtime_pay=_yen(payslip.night_overtime_pay),
        allowances={k: v for k, v in payslip.allowances.items() if isinstance(v, int) and v >= 0},
    )


def minimums(contract: Contract | None) -> tuple[ExtraMinimum, ...]:
    """The minimum wages the user recorded on the contract (typed from the poster; industry-specific)."""
    if contract is None:
        return ()
    out = []
    if contract.typed_minimum.minor > 0 and contract.typed_minimum.currency == "JPY":
        out.append(ExtraMinimum(contract.typed_minimum.minor, RateSource.USER, contract.typed_minimum_from,
                                contract.typed_minimum_seen))
    if contract.industry_minimum.minor > 0 and contract.industry_minimum.currency == "JPY":
        out.append(ExtraMinimum(contract.industry_minimum.minor, RateSource.INDUSTRY, contract.industry_minimum_from,
                                contract.industry_minimum_name))
    return tuple(out)


def promised(contract: Contract | None) -> PromisedTerms | None:
    if contract is None:
        return None
    if contract.wage.currency != "JPY" or contract.wage.minor <= 0:
        # No usable promise, but the recorded minimums still count.
        extra = minimums(contract)
        return PromisedTerms("hourly", 0, minimums=extra) if extra else None
    return PromisedTerms(
        wage_kind=contract.wage_kind if contract.wage_kind in ("hourly", "monthly") else "hourly",
        wage_yen=contract.wage.minor,
        housing=_yen(contract.housing), utilities=_yen(contract.utilities), meals=_yen(contract.meals),
        other=_yen(contract.other_deductions),
        scheduled_hours_per_month=contract.hours_per_month or None,
        start=contract.start, end=contract.end, minimums=minimums(contract),
    )


def logged_hours(log: HoursLog | None, month: dt.date) -> LoggedHours | None:
    if log is None or not log.has_month(month):
        return None
    m = log.month(month)
    return LoggedHours(m.overtime, m.regular_minutes_by_day, m.worked)


def check_one(slip: Payslip, contracts: Sequence[Contract], log: HoursLog | None = None) -> MonthCheck:
    contract = contract_for(slip, contracts)
    figs = figures(slip, contract)
    review = review_month(figs, promised(contract), logged_hours(log, figs.month))
    found = list(review.findings)
    if contract is not None:
        outside = outside_contract(slip.month, contract.start, contract.end)
        if outside is not None:
            found.append(outside)
    lookup = minimum_wage_lookup(figs.prefecture, figs.month) if figs.prefecture else None
    return MonthCheck(slip, contract, tuple(found), lookup.wage if lookup else None, review.base_hourly, review)


def check_months(payslips: Iterable[Payslip], contracts: Sequence[Contract],
                 hours: Iterable[HoursEntry] | HoursLog = ()) -> list[MonthCheck]:
    log = hours if isinstance(hours, HoursLog) else HoursLog(hours)
    return [check_one(slip, contracts, log) for slip in sorted(payslips, key=lambda p: (p.month, p.id or 0))]


def period_of(checks: Sequence[MonthCheck]) -> tuple[dt.date, dt.date] | None:
    if not checks:
        return None
    return checks[0].payslip.month, checks[-1].payslip.month


# --- words for the PDFs (labels: reports.labels.Labels; kept here so the pack and the statement agree) ----
NOT_CHECKED_CELL = N_("not checked")
SOURCE_LABELS = {
    RateSource.TABLE: N_("bundled table (MHLW list)"),
    RateSource.USER: N_("typed by the user"),
    RateSource.INDUSTRY: N_("industry minimum wage"),
    RateSource.LAST_KNOWN: N_("last known rate: a lower bound"),
}


SHORT_SOURCE = {  # a word beside the rate in a narrow table cell (the source list below the table says more)
    RateSource.USER: N_("typed"),
    RateSource.INDUSTRY: N_("industry"),
    RateSource.LAST_KNOWN: N_("lower bound"),
}


def rate_cell(m: MonthCheck, lab) -> str:
    """The minimum wage a month was compared with, for a table cell: "1.140", "1.140 (lower bound)", "not
    checked". (No "≥": the embedded fonts lack that glyph.)"""
    rate = m.comparison_rate
    if rate is None or m.status is CheckStatus.NOT_CHECKED:
        return lab.inline(NOT_CHECKED_CELL)
    text = lab.number(rate.yen_per_hour, 0)
    if rate.source is RateSource.TABLE:
        return text
    return f"{text} ({lab.inline(SHORT_SOURCE[rate.source])})"


def shortfall_cell(m: MonthCheck, lab) -> str:
    """A month's shortfall for a table cell: never "0" or "—" for a month that was not checked, and "at least"
    (in the first language; the lines under the table say it in both) where the amount is a lower bound."""
    if m.status is CheckStatus.NOT_CHECKED and not m.shortfall:
        return lab.inline(NOT_CHECKED_CELL)
    if m.status is not CheckStatus.CHECKED:
        return lab.one(N_("at least {amount}"), amount=lab.yen(m.shortfall))
    return lab.yen(m.shortfall) if m.shortfall else "—"


def summary_lines(summary: WageSummary) -> list[tuple[Plural, dict]]:
    """(message, values) lines that say which months were not fully checked; empty when all were. Render them
    with `reports.plural.each` (each language's plural forms)."""
    lines: list[tuple[Plural, dict]] = []
    if summary.lower_bound_months:
        lines.append((Plural.ngettext(
            "{count} month checked only against the last known minimum wage (the rate in force may be higher): the "
            "{amount} found there is a lower bound.",
            "{count} months checked only against the last known minimum wage (the rate in force may be higher): the "
            "{amount} found there is a lower bound.", summary.lower_bound_months),
            {"count": summary.lower_bound_months, "amount": summary.lower_bound_yen}))
    if summary.not_checked_months:
        lines.append((Plural.ngettext(
            "{count} month not checked against the minimum wage (no rate known, or the contract lacks its scheduled "
            "hours): nothing is claimed for it under the minimum wage.",
            "{count} months not checked against the minimum wage (no rate known, or the contract lacks its "
            "scheduled hours): nothing is claimed for them under the minimum wage.", summary.not_checked_months),
            {"count": summary.not_checked_months}))
    return lines


def _month_after(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def months_without_payslip(contracts: Iterable[Contract], payslips: Iterable[Payslip], today: dt.date,
                           date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[dt.date]:
    """Months inside a contract's period with no payslip recorded (first days, in order): never checked, so
    never part of a clean result.

    A month counts from the contract's start to the earliest of its end, `date_to` (the report's period) and
    `today`, when it has ended by `today` (a month still running has no payslip yet) and touches the period.
    A contract without a start date gives no months (its period is unknown)."""
    have = {p.month.replace(day=1) for p in payslips}
    missing: set[dt.date] = set()
    for c in contracts:
        if c.start is None:
            continue
        last = min(d for d in (c.end, date_to, today) if d is not None)
        month = c.start.replace(day=1)
        if date_from is not None:
            month = max(month, date_from.replace(day=1))
        while month <= last and _month_after(month) <= today:
            if month not in have:
                missing.add(month)
            month = _month_after(month)
    return sorted(missing)


COPY_NOTES = {
    "copy": N_("only a copy of this list was available and checked: {title} ({url})"),
    "labour_bureau": N_("checked on the Labour Bureau's page: {title} ({url})"),
}


def rate_sources(checks: Iterable[MonthCheck], lab) -> list[str]:
    """One line per source of the rates compared with: kind, title, address, and — for a table row not
    checked on MHLW's list itself — what it was checked against, in the report's languages."""
    seen: dict[tuple, None] = {}
    for m in checks:
        for r in m.rates:
            seen[(r.source, r.source_title, r.source_url, r.checked_against, r.copy_title, r.copy_url)] = None
    lines = []
    for source, title, url, against, copy_title, copy_url in sorted(seen, key=lambda k: (k[0].value, *k[1:])):
        parts = [lab.inline(SOURCE_LABELS[source]), title, url]
        if source in (RateSource.TABLE, RateSource.LAST_KNOWN) and against in COPY_NOTES:
            parts.append(lab.inline(COPY_NOTES[against], title=copy_title, url=copy_url))
        lines.append(" — ".join(p for p in parts if p))
    return lines
