"""Checks of one month's payslip against the minimum wage, the overtime premiums of the
Labour Standards Act and the deductions the contract promised.

Pure functions over small value types, ``PayslipFigures`` and ``PromisedTerms``; the
service layer maps the vault's payslip and contract records onto them. Money is exact: yen
are ``int`` and rates and hours are ``Decimal``; no float is ever used. ``review_month`` gives
the whole result (``MonthReview``: status, shortfall per category, what was compared with);
``check_payslip`` gives its findings alone.

What the figures mean (the mapping the service layer must follow)
-----------------------------------------------------------------
* ``month``: first day of the calendar month in which the hours were worked.
* ``regular_hours``: scheduled (所定) hours worked, paid by ``base_pay``.
* ``overtime_hours``: hours beyond the statutory 8 h/day or 40 h/week, paid by ``overtime_pay``
  (the whole pay for those hours, premium included, as payslips show 時間外手当).
* ``night_overtime_hours``: overtime worked between 22:00 and 05:00 that the payslip pays on one
  combined line (深夜残業, usually 150%); ``night_overtime_pay`` is that line's whole pay. These
  hours are in neither ``overtime_hours`` nor ``late_night_hours``.
* ``holiday_hours``: hours worked on the statutory weekly rest day (法定休日), paid by
  ``holiday_pay`` (whole pay, premium included). They are not overtime hours.
* ``late_night_hours``: hours worked between 22:00 and 05:00; they are *also* counted in one
  of the regular, overtime or holiday hours. ``late_night_pay`` is the night premium alone (深夜割増).
* ``base_pay`` is the basic wage. ``allowances`` are the payslip's allowance lines by kind
  (``ALLOWANCE_KINDS`` in ``core.records``); each kind is in or out of the premium base and of
  the wage compared with the minimum wage as the law says (see ``PREMIUM_BASE_EXCLUDED`` and
  ``MINIMUM_WAGE_EXCLUDED``). ``other_pay`` is pay not broken down; it is left out of both.

The arithmetic
--------------
Divisor ``D`` (hours the compared pay is for): the month's ``regular_hours`` for an hourly wage;
for a monthly wage the contract's average scheduled hours per month (Minimum Wage Act: monthly
wage ÷ average scheduled monthly hours = hours a day × days a year ÷ 12). A monthly wage whose
contract lacks that figure is *not checked* against the minimum wage (a divisor that changes
every month would flag the same wage in a 168-hour month and not in a 152-hour one). In a
partial month on a monthly wage (the contract starts or ends inside the month, or fewer hours
than scheduled were paid for less than the monthly wage: unpaid leave) ``D`` is the hours
actually paid for, and a finding says so.

a. Minimum wage, per day of the month. The rate in force on each day comes from, in order:
   the bundled table (``core.minimum_wage``, sourced from MHLW's 地域別最低賃金の全国一覧);
   a rate the user typed with where they saw it (the poster every employer must display);
   an industry-specific minimum wage (特定最低賃金) recorded on the contract — the higher
   minimum applies (Minimum Wage Act art. 6). Where no table rate and no typed rate is known,
   the last rate the table knows is used as a *lower bound* (minimum wages have only ever
   risen): the month's status is ``LOWER_BOUND`` and every amount reads "at least". With no
   rate at all the status is ``NOT_CHECKED``: never "no shortfall", never 0 ¥.
   When the rate changes inside the month the month's hours are split: by the dated hours
   log when it covers the hours paid (log hours on or after the change date at the new rate),
   otherwise by calendar days before and after the change; the finding names the basis.
   Owed ``= D × Σ(rate_i × weight_i) / Σ weight_i``; the shortfall is owed − covered pay,
   rounded *up* to a whole yen (a payslip that pays the exact minimum is never flagged).
b. Premiums (Labour Standards Act art. 37) on the regular hourly rate ``R``: base pay plus
   the allowances the law keeps in the premium base (Enforcement Regulation art. 21 excludes
   only family, commuting, living-apart, child-education and housing allowances, one-off pay and
   pay for periods over a month), per hour of ``D``. Pay below the minimum wage is void to that
   extent and replaced by the minimum (Minimum Wage Act art. 4(2)), so ``R`` rises by the gap
   between the minimum (the lowest rate of the month, never overstated) and the covered hourly
   wage. Overtime ``≥ 1.25 R`` for the first 60 hours of the month and ``≥ 1.50 R`` beyond (all
   employers since 1 April 2023; 1.25 throughout before that, as firm size is unknown); night
   overtime on one line ``≥ 1.50 R`` (``1.75 R`` beyond 60); statutory holiday ``≥ 1.35 R``;
   late-night premium ``≥ 0.25 R`` on top.
   Permitted roundings (MHLW, 昭和63年3月14日 基発150号), applied in the employer's favour:
   hourly rates and monthly premium totals to the nearest yen (50 sen and above up), and the
   month's total hours of overtime, holiday and late-night work to the nearest hour (under 30
   minutes down, 30 and over up). The amount owed is the smallest total any permitted rounding
   gives, so a correctly rounded payslip is never flagged; one yen below it is.
   Overtime the hours log shows beyond what the payslip paid (daily 8 h and weekly 40 h rules,
   ``core.hours``) is owed at 125% of ``R`` (rounded in the employer's favour).
c. Deductions for housing, utilities, meals and other non-statutory items above what the
   contract promised: each excess is a shortfall.
d. Data problems (warnings, no money): hours without pay, pay without hours, gross differing
   from the sum of its parts, net differing from gross minus deductions, figures outside any
   plausible range (the month is then not checked at all, never a crash).

Each finding carries a translated message with its numbers formatted for the current
language, can be rendered again in any language with ``Finding.render(locale)``, and names
what it was compared with and where that figure came from.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from types import MappingProxyType

from handbook_app.core import prefectures
from handbook_app.core.minimum_wage import MinimumWage, MinimumWageTable, NoDataReason, load_table
from handbook_app.i18n import N_, current_locale, tr
from handbook_app.i18n.formatting import format_date, format_decimal, format_money, format_month

OVERTIME_MULTIPLIER = Decimal("1.25")
OVERTIME_OVER_60_MULTIPLIER = Decimal("1.50")
NIGHT_OVERTIME_MULTIPLIER = Decimal("1.50")  # overtime 25% + late night 25%
NIGHT_OVERTIME_OVER_60_MULTIPLIER = Decimal("1.75")
OVERTIME_TIER_HOURS = Decimal(60)
HOLIDAY_MULTIPLIER = Decimal("1.35")
LATE_NIGHT_PREMIUM = Decimal("0.25")
# From this month the 50% rate beyond 60 overtime hours binds small and medium firms too.
OVERTIME_TIER_ALL_EMPLOYERS_FROM = dt.date(2023, 4, 1)

PROMISED_DEDUCTIONS = ("housing", "utilities", "meals", "other")
STATUTORY_DEDUCTIONS = frozenset({
    "income_tax", "resident_tax", "social_insurance", "health_insurance", "pension", "welfare_pension",
    "nursing_care_insurance", "employment_insurance",
})
# Allowance kinds (keys of core.records.ALLOWANCE_KINDS) the law keeps out of the premium base
# (Labour Standards Act art. 37(5), Enforcement Regulation art. 21) ...
PREMIUM_BASE_EXCLUDED = frozenset({
    "family", "commuting", "living_apart", "child_education", "housing", "one_off", "bonus",
})
# ... and out of the wage compared with the minimum wage (Minimum Wage Act art. 4(3), its regulation
# art. 1: one-off pay, pay for periods over a month, perfect-attendance, commuting and family allowances).
MINIMUM_WAGE_EXCLUDED = frozenset({"attendance", "commuting", "family", "one_off", "bonus"})

# Plausible ranges: outside them a figure is a typing mistake, and the month is not checked.
MAX_MONTH_HOURS = Decimal(744)  # 31 days × 24 h
MAX_SCHEDULED_HOURS = Decimal(300)
MAX_YEN = 100_000_000  # one month's pay line

# Shortfall categories, as the evidence pack's summary lists them.
CATEGORIES = ("minimum_wage", "contract", "overtime", "late_night", "holiday", "deductions")

_LABELS = {
    "housing": N_("housing"),
    "utilities": N_("utilities"),
    "meals": N_("meals"),
    "other": N_("other deductions"),
    "regular": N_("regular work"),
    "overtime": N_("overtime"),
    "night_overtime": N_("late-night overtime"),
    "late_night": N_("late-night work"),
    "holiday": N_("statutory-holiday work"),
}

_YEN = Decimal(1)


class Severity(StrEnum):
    SHORTFALL = "shortfall"  # money the trainee was probably owed
    WARNING = "warning"  # the figures do not add up or cannot be checked
    INFO = "info"


class CheckStatus(StrEnum):
    """How far the month's pay could be compared with the minimum wage."""

    CHECKED = "checked"  # against the rate in force (bundled table, or a rate the user typed)
    LOWER_BOUND = "lower_bound"  # against the last known rate only: every amount is "at least"
    NOT_CHECKED = "not_checked"  # no rate, or no usable divisor: nothing is claimed either way


class RateSource(StrEnum):
    TABLE = "table"  # the bundled table row (its official source in source_title / source_url)
    USER = "user"  # typed by the user, with where they saw it
    INDUSTRY = "industry"  # an industry-specific minimum wage (特定最低賃金) recorded on the contract
    LAST_KNOWN = "last_known"  # the table's last known rate, used as a lower bound


class SplitBasis(StrEnum):
    WHOLE_MONTH = "whole_month"  # one rate for the whole month
    HOURS_LOG = "hours_log"  # the dated hours log covers the month
    CALENDAR_DAYS = "calendar_days"  # no log covering the month: split by calendar days


class Code(StrEnum):
    BELOW_MINIMUM_WAGE = "below_minimum_wage"
    BELOW_PROMISED_WAGE = "below_promised_wage"
    OVERTIME_UNDERPAID = "overtime_underpaid"
    NIGHT_OVERTIME_UNDERPAID = "night_overtime_underpaid"
    LOGGED_OVERTIME_UNPAID = "logged_overtime_unpaid"
    LATE_NIGHT_UNDERPAID = "late_night_underpaid"
    HOLIDAY_UNDERPAID = "holiday_underpaid"
    DEDUCTION_ABOVE_PROMISE = "deduction_above_promise"
    NO_MINIMUM_WAGE_DATA = "no_minimum_wage_data"
    MINIMUM_WAGE_CHANGED = "minimum_wage_changed"
    NO_SCHEDULED_HOURS = "no_scheduled_hours"
    PARTIAL_MONTH = "partial_month"
    OUT_OF_RANGE = "out_of_range"
    PREMIUMS_NOT_CHECKED = "premiums_not_checked"
    HOURS_WITHOUT_PAY = "hours_without_pay"
    PAY_WITHOUT_HOURS = "pay_without_hours"
    GROSS_MISMATCH = "gross_mismatch"
    NET_MISMATCH = "net_mismatch"
    OUTSIDE_CONTRACT = "outside_contract"


_CATEGORY = {
    Code.BELOW_MINIMUM_WAGE: "minimum_wage",
    Code.BELOW_PROMISED_WAGE: "contract",
    Code.OVERTIME_UNDERPAID: "overtime",
    Code.NIGHT_OVERTIME_UNDERPAID: "overtime",
    Code.LOGGED_OVERTIME_UNPAID: "overtime",
    Code.LATE_NIGHT_UNDERPAID: "late_night",
    Code.HOLIDAY_UNDERPAID: "holiday",
    Code.DEDUCTION_ABOVE_PROMISE: "deductions",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a check. `message` is in the language current when it is read;
    `render(locale)` gives it in any language (for two-language PDFs).

    `category` is one of CATEGORIES for findings with money ('' otherwise); `status` tells whether
    its amount is exact (`checked`) or a lower bound (`lower_bound`), or that the part was not
    checked (`not_checked`)."""

    code: Code
    severity: Severity
    message: str = field(compare=False)
    shortfall_yen: int = 0
    template: str = field(default="", compare=False)
    values: tuple[tuple[str, str, object], ...] = field(default=(), compare=False)  # (name, kind, value)
    category: str = field(default="", compare=False)
    status: CheckStatus = field(default=CheckStatus.CHECKED, compare=False)

    def __getattribute__(self, name: str):
        # `message` is rendered when first read (in the language current then), not when the finding is made:
        # a review of ten years of payslips formats no sentence that nobody reads.
        value = object.__getattribute__(self, name)
        if name == "message" and not value and object.__getattribute__(self, "template"):
            return object.__getattribute__(self, "render")()
        return value

    def render(self, locale: str | None = None) -> str:
        if not self.template:
            return self.message
        return _render(self.template, self.values, locale or current_locale())


def _render(template: str, values: tuple[tuple[str, str, object], ...], locale: str) -> str:
    return tr(locale, template).format(**{name: _format(kind, value, locale) for name, kind, value in values})


def _format(kind: str, value: object, locale: str) -> str:
    try:
        if kind == "yen":
            return format_money(int(value), "JPY", locale)
        if kind == "rate":
            return format_decimal(Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP), locale, max_digits=2)
        if kind == "hours":
            return format_decimal(Decimal(value), locale, max_digits=2)
        if kind == "date":
            return format_date(value, locale)
        if kind == "label":
            return tr(locale, str(value))
        if kind == "prefecture":
            return prefectures.name(int(value), locale)
        if kind == "month":
            return format_month(value, locale)
        if kind == "sub":  # a nested sentence part: (template, values)
            template, values = value
            return _render(template, values, locale)
        if kind == "subs":  # several, joined
            sep = "、" if locale.startswith("ja") else "; "
            return sep.join(_render(t, v, locale) for t, v in value)
    except (InvalidOperation, ValueError, TypeError, OverflowError, ArithmeticError):
        pass  # an absurd figure never stops the review: print it as it is
    return str(value)


def _pack(values: dict[str, tuple[str, object]]) -> tuple[tuple[str, str, object], ...]:
    return tuple((name, kind, value) for name, (kind, value) in values.items())


def _finding(code: Code, severity: Severity, template: str, shortfall: int = 0, /,
             status: CheckStatus = CheckStatus.CHECKED, **values: tuple[str, object]) -> Finding:
    packed = _pack(values)
    category = _CATEGORY.get(code, "") if shortfall else ""
    return Finding(code, severity, "", shortfall, template, packed, category, status)  # message: rendered on read


def _to_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        result = Decimal(value)
    else:
        raise TypeError(f"{what} must be a Decimal, int or str (never a float), not {type(value).__name__}")
    if not result.is_finite() or result < 0:
        raise ValueError(f"{what} must be a finite number of hours ≥ 0")
    return result


def _check_yen(value: object, what: str, allow_negative: bool = False) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be whole yen (int), not {type(value).__name__}")
    if value < 0 and not allow_negative:
        raise ValueError(f"{what} must not be negative")


@dataclass(frozen=True, slots=True)
class PayslipFigures:
    """One month's payslip as numbers (see the module notes for what each figure means)."""

    month: dt.date
    prefecture: int
    regular_hours: Decimal
    overtime_hours: Decimal
    late_night_hours: Decimal
    holiday_hours: Decimal
    base_pay: int
    overtime_pay: int
    late_night_pay: int
    holiday_pay: int
    other_pay: int
    gross: int
    deductions: Mapping[str, int]
    net: int
    night_overtime_hours: Decimal = Decimal(0)
    night_overtime_pay: int = 0
    allowances: Mapping[str, int] = field(default_factory=dict)  # allowance kind -> yen

    def __post_init__(self) -> None:
        if not isinstance(self.month, dt.date) or self.month.day != 1:
            raise ValueError("month must be the first day of a month")
        for name in ("regular_hours", "overtime_hours", "late_night_hours", "holiday_hours", "night_overtime_hours"):
            object.__setattr__(self, name, _to_decimal(getattr(self, name), name))
        for name in ("base_pay", "overtime_pay", "late_night_pay", "holiday_pay", "other_pay", "gross",
                     "night_overtime_pay"):
            _check_yen(getattr(self, name), name)
        _check_yen(self.net, "net", allow_negative=True)
        for key, amount in self.deductions.items():
            _check_yen(amount, f"deduction {key!r}", allow_negative=True)
        for key, amount in self.allowances.items():
            _check_yen(amount, f"allowance {key!r}")
        object.__setattr__(self, "deductions", MappingProxyType(dict(self.deductions)))
        object.__setattr__(self, "allowances", MappingProxyType(dict(self.allowances)))

    @property
    def last_day(self) -> dt.date:
        return self.month.replace(day=calendar.monthrange(self.month.year, self.month.month)[1])

    def allowance_total(self, excluded: frozenset[str]) -> int:
        return sum(v for k, v in self.allowances.items() if k not in excluded)


@dataclass(frozen=True, slots=True)
class ExtraMinimum:
    """A minimum wage the user recorded: typed from the poster at the workplace (USER), or an
    industry-specific minimum wage of the contract (INDUSTRY), in force from `from_date`."""

    yen_per_hour: int
    source: RateSource
    from_date: dt.date | None = None
    label: str = ""  # where the user saw it, or the industry minimum's name

    def applies_on(self, day: dt.date) -> bool:
        return self.yen_per_hour > 0 and (self.from_date is None or self.from_date <= day)


@dataclass(frozen=True, slots=True)
class PromisedTerms:
    """What the contract promised: the wage and the monthly deductions.

    ``scheduled_hours_per_month`` (average scheduled hours a month over the year) is the divisor
    of a monthly wage as the Minimum Wage Act computes it. ``start``/``end`` are the contract's
    dates (a month they cut is a partial month). ``minimums`` are rates the user recorded.
    """

    wage_kind: str  # 'hourly' | 'monthly'
    wage_yen: int
    housing: int = 0
    utilities: int = 0
    meals: int = 0
    other: int = 0
    scheduled_hours_per_month: Decimal | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    minimums: tuple[ExtraMinimum, ...] = ()

    def __post_init__(self) -> None:
        if self.wage_kind not in ("hourly", "monthly"):
            raise ValueError("wage_kind must be 'hourly' or 'monthly'")
        for name in ("wage_yen", *PROMISED_DEDUCTIONS):
            _check_yen(getattr(self, name), name)
        if self.scheduled_hours_per_month is not None:
            hours = _to_decimal(self.scheduled_hours_per_month, "scheduled_hours_per_month")
            object.__setattr__(self, "scheduled_hours_per_month", hours if hours > 0 else None)
        object.__setattr__(self, "minimums", tuple(self.minimums))


@dataclass(frozen=True, slots=True)
class LoggedHours:
    """What the dated hours log says about one month (from ``core.hours``)."""

    overtime: Decimal  # daily 8 h and weekly 40 h overtime, holiday hours excluded
    regular_minutes_by_day: Mapping[dt.date, int]  # non-holiday minutes within 8 h a day and 40 h a week, per day
    worked: Decimal  # all hours logged


@dataclass(frozen=True, slots=True)
class ComparisonRate:
    """One minimum wage a month was compared with, for the days `start`..`end` of that month."""

    yen_per_hour: int
    source: RateSource
    start: dt.date
    end: dt.date
    effective: dt.date | None = None  # when the rate took effect (None: not known)
    source_title: str = ""  # table: the official list's title; user: where seen; industry: its name
    source_url: str = ""
    note: str = ""  # table: how the row was checked (e.g. only a copy of the MHLW list was available)
    weight: int = 1  # days or logged minutes at this rate (see MonthReview.split_basis)
    prefecture: int = 0
    # Table rows: what the row was checked against when not the primary source itself ("copy": only a copy
    # of the MHLW list was available; "labour_bureau": the prefectural Labour Bureau's page), and that page.
    checked_against: str = ""
    copy_url: str = ""
    copy_title: str = ""

    def describe_short(self) -> tuple[str, tuple[tuple[str, str, object], ...]]:
        """The same, without the source's title (for a sentence that repeats what the month was compared with)."""
        rate = ("rate", self.yen_per_hour)
        templates = {
            RateSource.TABLE: N_("the minimum wage of {rate} yen an hour (bundled table)"),
            RateSource.USER: N_("the minimum wage of {rate} yen an hour that you typed"),
            RateSource.INDUSTRY: N_("the industry minimum wage of {rate} yen an hour"),
            RateSource.LAST_KNOWN: N_("the last known minimum wage of {rate} yen an hour, a lower bound"),
        }
        return templates[self.source], _pack({"rate": rate})

    def describe(self) -> tuple[str, tuple[tuple[str, str, object], ...]]:
        """What the month was compared with, as a sentence part (template, values) naming the source."""
        rate = ("rate", self.yen_per_hour)
        if self.source is RateSource.TABLE:
            return N_("the minimum wage of {rate} yen an hour in {prefecture} in force from {date} (bundled table; "
                      "source: {source})"), _pack({"rate": rate, "prefecture": ("prefecture", self.prefecture),
                                                   "date": ("date", self.effective), "source": ("text", self.source_title)})
        if self.source is RateSource.USER:
            return N_("the minimum wage of {rate} yen an hour that you typed (seen at: {where})"), _pack(
                {"rate": rate, "where": ("text", self.source_title or "—")})
        if self.source is RateSource.INDUSTRY:
            return N_("the industry minimum wage of {rate} yen an hour recorded on the contract ({name})"), _pack(
                {"rate": rate, "name": ("text", self.source_title or "—")})
        return N_("the last minimum wage the app knows for {prefecture}, {rate} yen an hour from {date} (minimum "
                  "wages have only risen, so the amount is a lower bound)"), _pack(
            {"rate": rate, "prefecture": ("prefecture", self.prefecture), "date": ("date", self.effective)})


@dataclass(frozen=True, slots=True)
class MonthReview:
    """Everything the check found for one month (public API; fields are only ever added).

    * `status`: the minimum-wage comparison — CHECKED, LOWER_BOUND ("at least") or NOT_CHECKED;
    * `shortfall_by_category`: integer yen per CATEGORIES key (all keys present);
    * `rates`: the minimum wage(s) compared with, each with its source (empty when not checked);
    * `not_checked_reason`: why not (a NoDataReason value, 'no_scheduled_hours', 'out_of_range',
      'no_hours', 'no_contract') or '';
    * `split_basis`: how the hours were split when the rate changed inside the month;
    * `divisor_hours` / `divisor_basis`: the hours the base pay was compared for and why
      ('regular_hours', 'scheduled_hours', 'hours_paid_partial_month');
    * `base_hourly`: the wage compared with the minimum, per hour; `premium_rate`: R of the premiums.
    """

    month: dt.date
    status: CheckStatus
    findings: tuple[Finding, ...]
    rates: tuple[ComparisonRate, ...] = ()
    not_checked_reason: str = ""
    split_basis: SplitBasis = SplitBasis.WHOLE_MONTH
    divisor_hours: Decimal | None = None
    divisor_basis: str = ""
    base_hourly: Decimal | None = None
    premium_rate: Decimal | None = None

    @property
    def shortfall_yen(self) -> int:
        return sum(f.shortfall_yen for f in self.findings)

    @property
    def shortfall_by_category(self) -> dict[str, int]:
        return shortfall_by_category(self.findings)

    @property
    def is_lower_bound(self) -> bool:
        """The amounts are "at least" figures (a lower-bound rate, or a month not fully checked)."""
        return self.status is not CheckStatus.CHECKED


def shortfall_by_category(findings) -> dict[str, int]:
    """Integer yen per category (all of CATEGORIES, zero where nothing was found)."""
    totals = dict.fromkeys(CATEGORIES, 0)
    for f in findings:
        if f.shortfall_yen and f.category in totals:
            totals[f.category] += f.shortfall_yen
    return totals


# --- rounding -------------------------------------------------------------------------------

def _half_up(value: Decimal) -> int:
    return int(value.quantize(_YEN, ROUND_HALF_UP))


def _ceil(value: Decimal) -> int:
    return int(value.to_integral_value(ROUND_CEILING))


def permitted_hour_totals(hours: Decimal) -> tuple[Decimal, ...]:
    """The month's total hours of overtime, holiday or night work as the employer may count them:
    exact, or rounded to the nearest hour (under 30 minutes down, 30 and over up; 基発150号)."""
    rounded = hours.quantize(_YEN, ROUND_HALF_UP)
    return (hours,) if rounded == hours else (hours, rounded)


def lawful_minimum(rate: Decimal, multiplier: Decimal, hours: Decimal) -> int:
    """Least whole-yen pay for `hours` at `multiplier` × `rate` under the permitted roundings.

    The candidates, for the exact month total of hours and for that total rounded to the nearest
    hour: the exact amount rounded half-up; the hourly rate × multiplier rounded half-up first,
    then × hours; and the hourly rate itself rounded half-up first. The law allows any of them, so
    the smallest is what the employer owed at least.
    """
    if hours <= 0:
        return 0
    best = None
    for h in permitted_hour_totals(hours):
        exact = _half_up(rate * multiplier * h)
        per_hour = _half_up(_half_up(rate * multiplier) * h)
        rounded_rate = _half_up(_half_up(Decimal(_half_up(rate)) * multiplier) * h)
        low = min(exact, per_hour, rounded_rate)
        best = low if best is None else min(best, low)
    return best or 0


# --- the rate in force on each day of the month ---------------------------------------------

@dataclass(frozen=True, slots=True)
class _DayRate:
    rate: ComparisonRate | None  # start/end/weight not yet set
    status: CheckStatus
    reason: str


def _rate_on(table: MinimumWageTable, prefecture: int, day: dt.date, extras: Sequence[ExtraMinimum]) -> _DayRate:
    lookup = table.lookup(prefecture, day)
    candidates: list[ComparisonRate] = []
    status = CheckStatus.CHECKED
    if lookup.wage is not None:
        candidates.append(_from_row(lookup.wage, RateSource.TABLE))
    typed = [e for e in extras if e.source is RateSource.USER and e.applies_on(day)]
    if typed:
        latest = max(typed, key=lambda e: e.from_date or dt.date.min)
        candidates.append(ComparisonRate(latest.yen_per_hour, RateSource.USER, latest.from_date, latest.from_date,
                                         latest.from_date, latest.label, prefecture=prefecture))
    industry = [e for e in extras if e.source is RateSource.INDUSTRY and e.applies_on(day)]
    for e in industry:
        candidates.append(ComparisonRate(e.yen_per_hour, RateSource.INDUSTRY, e.from_date, e.from_date, e.from_date,
                                         e.label, prefecture=prefecture))
    reason = ""
    if lookup.wage is None and not typed:
        last = table.last_known(prefecture, day) if lookup.reason is not NoDataReason.UNKNOWN_PREFECTURE else None
        if last is not None:
            candidates.append(_from_row(last, RateSource.LAST_KNOWN))
        status = CheckStatus.LOWER_BOUND if candidates else CheckStatus.NOT_CHECKED
        reason = lookup.reason.value
    if not candidates:
        return _DayRate(None, CheckStatus.NOT_CHECKED, reason or lookup.reason.value)
    # The higher minimum applies (Minimum Wage Act art. 6); on a tie the bundled table is named.
    order = {RateSource.TABLE: 0, RateSource.USER: 1, RateSource.INDUSTRY: 2, RateSource.LAST_KNOWN: 3}
    best = max(candidates, key=lambda c: (c.yen_per_hour, -order[c.source]))
    return _DayRate(best, status, reason)


def _from_row(row: MinimumWage, source: RateSource) -> ComparisonRate:
    return ComparisonRate(row.yen_per_hour, source, row.effective, row.effective, row.effective,
                          row.source_title, row.source_url, row.note, prefecture=row.prefecture,
                          checked_against=row.checked_against, copy_url=row.copy_url, copy_title=row.copy_title)


def _segments(f: PayslipFigures, extras: Sequence[ExtraMinimum], table: MinimumWageTable):
    """[(first day, last day, _DayRate)] covering the month, split where the answer changes."""
    first, last = f.month, f.last_day
    cuts = set(table.change_days(f.prefecture, first, last))
    cuts |= {e.from_date for e in extras if e.from_date is not None and first < e.from_date <= last}
    starts = [first, *sorted(cuts)]
    out = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - dt.timedelta(days=1) if index + 1 < len(starts) else last
        day_rate = _rate_on(table, f.prefecture, start, extras)
        if out and out[-1][2] == day_rate:
            out[-1] = (out[-1][0], end, day_rate)
        else:
            out.append((start, end, day_rate))
    return out


# --- the checks -----------------------------------------------------------------------------

def _plausible(f: PayslipFigures, promised: PromisedTerms | None) -> bool:
    hours = (f.regular_hours, f.overtime_hours, f.late_night_hours, f.holiday_hours, f.night_overtime_hours)
    if any(h > MAX_MONTH_HOURS for h in hours):
        return False
    yen = (f.base_pay, f.overtime_pay, f.late_night_pay, f.holiday_pay, f.other_pay, f.gross, abs(f.net),
           f.night_overtime_pay, *f.allowances.values(), *(abs(v) for v in f.deductions.values()))
    if any(v > MAX_YEN for v in yen):
        return False
    if promised is not None:
        s = promised.scheduled_hours_per_month
        if s is not None and s > MAX_SCHEDULED_HOURS:
            return False
        if promised.wage_yen > MAX_YEN or any(getattr(promised, k) > MAX_YEN for k in PROMISED_DEDUCTIONS):
            return False
    return True


def _data_checks(f: PayslipFigures) -> list[Finding]:
    found: list[Finding] = []
    pairs = (
        ("regular", f.regular_hours, f.base_pay),
        ("overtime", f.overtime_hours, f.overtime_pay),
        ("night_overtime", f.night_overtime_hours, f.night_overtime_pay),
        ("late_night", f.late_night_hours, f.late_night_pay),
        ("holiday", f.holiday_hours, f.holiday_pay),
    )
    for label, hours, pay in pairs:
        if hours > 0 and pay == 0 and (label == "regular" or hours >= Decimal("0.5")):
            # (under 30 minutes of overtime, night or holiday work in a month may be rounded away)
            found.append(_finding(
                Code.HOURS_WITHOUT_PAY, Severity.WARNING,
                N_("The payslip shows {hours} hours of {kind} but no pay for them."),
                hours=("hours", hours), kind=("label", _LABELS[label]),
            ))
        elif hours == 0 and pay > 0:
            found.append(_finding(
                Code.PAY_WITHOUT_HOURS, Severity.WARNING,
                N_("The payslip shows {pay} for {kind} but no hours; enter the hours so the pay can be checked."),
                pay=("yen", pay), kind=("label", _LABELS[label]),
            ))
    parts = (f.base_pay + f.overtime_pay + f.night_overtime_pay + f.late_night_pay + f.holiday_pay + f.other_pay
             + sum(f.allowances.values()))
    if parts != f.gross:
        found.append(_finding(
            Code.GROSS_MISMATCH, Severity.WARNING,
            N_("The parts of the pay add up to {parts}, but the gross pay shown is {gross} (difference {difference})."),
            parts=("yen", parts), gross=("yen", f.gross), difference=("yen", abs(parts - f.gross)),
        ))
    expected_net = f.gross - sum(f.deductions.values())
    if expected_net != f.net:
        found.append(_finding(
            Code.NET_MISMATCH, Severity.WARNING,
            N_("Gross pay minus the deductions is {expected}, but the net pay shown is {net} (difference {difference})."),
            expected=("yen", expected_net), net=("yen", f.net), difference=("yen", abs(expected_net - f.net)),
        ))
    return found


_NO_DATA = {
    NoDataReason.UNKNOWN_PREFECTURE.value: N_(
        "Not checked against the minimum wage: the prefecture is not set or unknown. Set the prefecture on "
        "the contract."
    ),
    NoDataReason.BEFORE_TABLE.value: N_(
        "Not checked against the minimum wage: the app's table for {prefecture} does not go back to {month}. Type "
        "the minimum wage of that time on the contract (from the poster at your workplace or the Labour Bureau) "
        "to check it."
    ),
    NoDataReason.DATE_UNVERIFIED.value: N_(
        "Not checked against the minimum wage: the date a new rate took effect in {prefecture} is not "
        "confirmed, so the app does not know which rate applied in {month}. Type the rate on the poster at "
        "your workplace on the contract to check it."
    ),
    NoDataReason.AFTER_TABLE.value: N_(
        "Not checked against the minimum wage: a newer rate than the app knows may apply in {prefecture} in "
        "{month}. Type the rate on the poster at your workplace on the contract to check it."
    ),
}
_LOWER_BOUND_NOTE = {
    NoDataReason.DATE_UNVERIFIED.value: N_(
        "Only partly checked: the app does not know which minimum wage applied in {prefecture} in {month}. "
        "It compared the pay with {compared}; the rate in force may be higher. Type the rate on the poster "
        "at your workplace on the contract to check it fully."
    ),
    NoDataReason.AFTER_TABLE.value: N_(
        "Only partly checked: the app does not know the minimum wage in {prefecture} in {month} (a newer rate "
        "may apply). It compared the pay with {compared}; the rate in force may be higher. Type the rate on the "
        "poster at your workplace on the contract to check it fully."
    ),
}


def outside_contract(month: dt.date, start: dt.date | None, end: dt.date | None) -> Finding | None:
    """A warning when the payslip's month lies wholly outside the contract's dates."""
    last_day = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    if (start is not None and last_day < start) or (end is not None and month > end):
        return _finding(
            Code.OUTSIDE_CONTRACT, Severity.WARNING,
            N_("This payslip's month ({month}) is outside the contract ({start} to {end}): check the month, "
               "or add the contract that covers it."),
            month=("month", month), start=("date", start), end=("date", end),
        )
    return None


def check_payslip(figures: PayslipFigures, promised: PromisedTerms | None = None,
                  logged: LoggedHours | None = None) -> list[Finding]:
    """All findings for one month's payslip, shortfalls first (see `review_month` for the whole result).
    An empty list means that everything was checked and no problem was found."""
    return list(review_month(figures, promised, logged).findings)


def _partial_month(f: PayslipFigures, promised: PromisedTerms) -> bool:
    if promised.start is not None and f.month < promised.start <= f.last_day:
        return True
    if promised.end is not None and f.month <= promised.end < f.last_day:
        return True
    s = promised.scheduled_hours_per_month
    return bool(s and Decimal(0) < f.regular_hours < s and f.base_pay < promised.wage_yen)


def _order(found: list[Finding]) -> tuple[Finding, ...]:
    order = {Severity.SHORTFALL: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return tuple(sorted(found, key=lambda x: order[x.severity]))


def review_month(figures: PayslipFigures, promised: PromisedTerms | None = None,
                 logged: LoggedHours | None = None, table: MinimumWageTable | None = None) -> MonthReview:
    """The whole check of one month: findings, status, shortfall per category, what was compared with."""
    f = figures
    if not _plausible(f, promised):
        finding = _finding(
            Code.OUT_OF_RANGE, Severity.WARNING,
            N_("Not checked: a figure of this payslip or its contract is far outside any real month (a typing "
               "mistake?). Correct it, and the month will be checked."),
            status=CheckStatus.NOT_CHECKED)
        return MonthReview(f.month, CheckStatus.NOT_CHECKED, (finding,), not_checked_reason="out_of_range")
    table = table or load_table()
    extras = promised.minimums if promised is not None else ()
    found: list[Finding] = []
    worked = f.regular_hours + f.overtime_hours + f.holiday_hours + f.night_overtime_hours > 0 or f.base_pay > 0

    # --- the divisor: the hours the base pay is for
    divisor: Decimal | None = f.regular_hours if f.regular_hours > 0 else None
    divisor_basis = "regular_hours" if divisor else ""
    reason = "" if divisor else "no_hours"
    if promised is not None and promised.wage_kind == "monthly":
        if _partial_month(f, promised) and f.regular_hours > 0:
            divisor, divisor_basis = f.regular_hours, "hours_paid_partial_month"
            found.append(_finding(
                Code.PARTIAL_MONTH, Severity.INFO,
                N_("A partial month (the contract starts or ends in it, or fewer hours than scheduled were paid): "
                   "the base pay {paid} was compared for the {hours} hours actually paid for, not for the whole "
                   "month."), paid=("yen", f.base_pay), hours=("hours", f.regular_hours)))
        elif promised.scheduled_hours_per_month:
            divisor, divisor_basis = promised.scheduled_hours_per_month, "scheduled_hours"
        else:
            divisor, divisor_basis, reason = None, "", "no_scheduled_hours"
            if worked:
                found.append(_finding(
                    Code.NO_SCHEDULED_HOURS, Severity.WARNING,
                    N_("Not checked against the minimum wage: a monthly wage is compared per hour over the "
                       "contract's average scheduled hours a month (hours a day × working days a year ÷ 12), and "
                       "the contract does not give them. Add them to the contract."),
                    status=CheckStatus.NOT_CHECKED))

    covered = f.base_pay + f.allowance_total(MINIMUM_WAGE_EXCLUDED)
    premium_pay = f.base_pay + f.allowance_total(PREMIUM_BASE_EXCLUDED)
    base_hourly = Decimal(covered) / divisor if divisor else None

    # --- the minimum wage of each day
    segments = _segments(f, extras, table) if worked else []
    statuses = {s[2].status for s in segments}
    if not worked:
        status = CheckStatus.CHECKED
    elif CheckStatus.NOT_CHECKED in statuses:
        status = CheckStatus.NOT_CHECKED
        reason = reason or next(s[2].reason for s in segments if s[2].status is CheckStatus.NOT_CHECKED)
    elif CheckStatus.LOWER_BOUND in statuses:
        status = CheckStatus.LOWER_BOUND
        reason = reason or next(s[2].reason for s in segments if s[2].status is CheckStatus.LOWER_BOUND)
    else:
        status = CheckStatus.CHECKED
    if divisor is None and worked:
        status = CheckStatus.NOT_CHECKED

    split = SplitBasis.WHOLE_MONTH
    rates: list[ComparisonRate] = []
    if segments and all(s[2].rate is not None for s in segments):
        weights = [(s[1] - s[0]).days + 1 for s in segments]
        if len(segments) > 1:
            split = SplitBasis.CALENDAR_DAYS
            if logged is not None and sum(logged.regular_minutes_by_day.values()) >= f.regular_hours * 60 > 0:
                by_log = [sum(m for d, m in logged.regular_minutes_by_day.items() if s[0] <= d <= s[1])
                          for s in segments]
                if sum(by_log) > 0:
                    split, weights = SplitBasis.HOURS_LOG, by_log
        for (start, end, day_rate), weight in zip(segments, weights, strict=True):
            r = day_rate.rate
            rates.append(replace(r, start=start, end=end, weight=weight))
        rates = [r for r in rates if r.weight > 0] or rates[-1:]

    lower = status is CheckStatus.LOWER_BOUND
    compared = ("subs", tuple(r.describe() for r in rates))
    compared_short = ("subs", tuple(r.describe_short() for r in rates))
    if worked and not rates and reason in _NO_DATA:
        values = {"month": ("month", f.month)}
        if reason != NoDataReason.UNKNOWN_PREFECTURE.value:
            values["prefecture"] = ("prefecture", f.prefecture)
        found.append(_finding(Code.NO_MINIMUM_WAGE_DATA, Severity.WARNING, _NO_DATA[reason],
                              status=CheckStatus.NOT_CHECKED, **values))

    # Weighted minimum (exact: one division) and the lowest rate of the month (for the premiums).
    minimum: Decimal | None = None
    lowest: Decimal | None = None
    if rates:
        total_weight = sum(r.weight for r in rates)
        minimum = sum(Decimal(r.yen_per_hour) * r.weight for r in rates) / total_weight
        lowest = Decimal(min(r.yen_per_hour for r in rates))
        if len({r.yen_per_hour for r in rates}) > 1:
            change = next(r for r in rates[1:] if r.yen_per_hour != rates[0].yen_per_hour)
            found.append(_split_finding(f, rates, split, change, divisor))

    # a. minimum wage
    min_wage_shortfall = 0
    if minimum is not None and divisor is not None and status is not CheckStatus.NOT_CHECKED:
        owed_exact = sum(Decimal(r.yen_per_hour) * r.weight for r in rates) * divisor / sum(r.weight for r in rates)
        if covered < owed_exact:
            min_wage_shortfall = _ceil(owed_exact - covered)
            values = dict(
                paid=("yen", covered), hours=("hours", divisor), hourly=("rate", base_hourly),
                compared=compared, owed=("yen", covered + min_wage_shortfall), shortfall=("yen", min_wage_shortfall),
            )
            if len({r.yen_per_hour for r in rates}) > 1:
                # the rate changed during the month: the pay may equal one rate and still fall short of the mix
                template = (
                    N_("Base pay {paid} for {hours} hours is {hourly} yen an hour. The minimum wage changed during "
                       "the month ({compared}); applied day by day, at least {owed} was owed: at least {shortfall} "
                       "short (a lower bound: the rate in force may be higher).")
                    if lower else
                    N_("Base pay {paid} for {hours} hours is {hourly} yen an hour. The minimum wage changed during "
                       "the month ({compared}); applied day by day, at least {owed} was owed: shortfall {shortfall}.")
                )
            else:
                template = (
                    N_("Base pay {paid} for {hours} hours is {hourly} yen an hour, below {compared}. At least {owed} "
                       "was owed: at least {shortfall} short (a lower bound: the rate in force may be higher).")
                    if lower else
                    N_("Base pay {paid} for {hours} hours is {hourly} yen an hour, below {compared}. At least {owed} "
                       "was owed: shortfall {shortfall}.")
                )
            found.append(_finding(Code.BELOW_MINIMUM_WAGE, Severity.SHORTFALL, template, min_wage_shortfall,
                                  status=status, **values))
        elif lower:
            found.append(_finding(Code.NO_MINIMUM_WAGE_DATA, Severity.WARNING,
                                  _LOWER_BOUND_NOTE.get(reason, _LOWER_BOUND_NOTE[NoDataReason.AFTER_TABLE.value]),
                                  status=status, prefecture=("prefecture", f.prefecture), month=("month", f.month),
                                  compared=compared))

    # the contract's wage
    if promised is not None and f.regular_hours > 0:
        if promised.wage_kind == "hourly":
            required = _half_up(Decimal(promised.wage_yen) * f.regular_hours)
            extra = required - f.base_pay - min_wage_shortfall
            if extra > 0:
                template = (
                    N_("Base pay {paid} for {hours} hours is below the promised {rate} yen an hour ({required}). "
                       "Shortfall beyond the minimum-wage shortfall: {shortfall}.")
                    if min_wage_shortfall else
                    N_("Base pay {paid} for {hours} hours is below the promised {rate} yen an hour ({required}). "
                       "Shortfall: {shortfall}.")
                )
                found.append(_finding(
                    Code.BELOW_PROMISED_WAGE, Severity.SHORTFALL, template, extra,
                    paid=("yen", f.base_pay), hours=("hours", f.regular_hours), rate=("rate", promised.wage_yen),
                    required=("yen", required), shortfall=("yen", extra),
                ))
        elif f.base_pay < promised.wage_yen:
            found.append(_finding(
                Code.BELOW_PROMISED_WAGE, Severity.WARNING,
                N_("Base pay {paid} is less than the promised monthly wage {promised} (difference {difference}). "
                   "Days of absence or unpaid leave can explain this; if not, the difference is owed."),
                paid=("yen", f.base_pay), promised=("yen", promised.wage_yen),
                difference=("yen", promised.wage_yen - f.base_pay),
            ))

    # b. premiums on R: the premium base per hour, raised by any gap to the (lowest) minimum wage
    premium_rate: Decimal | None = None
    rate_basis: tuple[str, object]
    # Premiums are exact only when the minimum wage is known: otherwise R may be higher, so they are "at least".
    premium_status = CheckStatus.CHECKED if status is CheckStatus.CHECKED else CheckStatus.LOWER_BOUND
    if divisor is not None:
        base_premium = Decimal(premium_pay) / divisor
        gap = max(Decimal(0), lowest - base_hourly) if lowest is not None and base_hourly is not None else Decimal(0)
        premium_rate = base_premium + gap
        if gap > 0:
            rate_basis = ("sub", (N_("the base pay per hour raised to {compared}"), _pack({"compared": compared_short})))
        elif premium_pay != f.base_pay:
            rate_basis = ("label", N_("the base pay and the allowances in the premium base, per hour"))
        else:
            rate_basis = ("label", N_("the base pay per hour"))
    elif lowest is not None:
        premium_rate = lowest
        rate_basis = ("sub", (N_("at least {compared}"), _pack({"compared": compared_short})))
        premium_status = CheckStatus.LOWER_BOUND
    premium_hours = f.overtime_hours + f.late_night_hours + f.holiday_hours + f.night_overtime_hours
    if premium_rate is None or premium_rate <= 0:
        if premium_hours > 0:
            found.append(_finding(
                Code.PREMIUMS_NOT_CHECKED, Severity.WARNING,
                N_("Overtime, late-night and holiday pay could not be checked: neither the hourly base pay nor "
                   "the minimum wage is known for this month."), status=CheckStatus.NOT_CHECKED,
            ))
    else:
        found.extend(_premium_checks(f, premium_rate, rate_basis, premium_status, logged))

    # c. deductions above the promise
    if promised is not None:
        found.extend(_deduction_checks(f, promised))

    # d. data problems
    found.extend(_data_checks(f))
    return MonthReview(
        f.month, status, _order(found), tuple(rates), reason if status is not CheckStatus.CHECKED else "", split,
        divisor, divisor_basis, base_hourly, premium_rate,
    )


def _split_finding(f: PayslipFigures, rates: list[ComparisonRate], split: SplitBasis, change: ComparisonRate,
                   divisor: Decimal | None) -> Finding:
    total = sum(r.weight for r in rates)
    before = sum(r.weight for r in rates if r.start < change.start)
    values = dict(old=("rate", rates[0].yen_per_hour), new=("rate", change.yen_per_hour),
                  date=("date", change.start), month=("month", f.month))
    if split is SplitBasis.HOURS_LOG:
        template = N_("The minimum wage changed from {old} to {new} yen an hour on {date}. Your hours log covers "
                      "{month}: {before} of its hours were before {date} and {after} from {date}, so the hours paid "
                      "were split in that proportion and those from {date} compared with {new}.")
        values.update(before=("hours", Decimal(before) / 60), after=("hours", Decimal(total - before) / 60))
    else:
        template = N_("The minimum wage changed from {old} to {new} yen an hour on {date}. No hours log covers "
                      "{month}, so the hours paid were split by calendar days: {before} days before {date} and "
                      "{after} days from {date}, those from {date} compared with {new}.")
        values.update(before=("hours", before), after=("hours", total - before))
    return _finding(Code.MINIMUM_WAGE_CHANGED, Severity.INFO, template, **values)


def _premium_checks(f: PayslipFigures, rate: Decimal, basis: tuple[str, object], status: CheckStatus,
                    logged: LoggedHours | None) -> list[Finding]:
    found: list[Finding] = []
    common = {"rate": ("rate", rate), "basis": basis}
    tiered = f.month >= OVERTIME_TIER_ALL_EMPLOYERS_FROM
    all_overtime = f.overtime_hours + f.night_overtime_hours
    first_total = min(all_overtime, OVERTIME_TIER_HOURS) if tiered else all_overtime
    # Hours beyond 60 are put on the plain overtime line first; either way each costs 25% more.
    ot_first = min(f.overtime_hours, first_total)
    night_first = first_total - ot_first
    if f.overtime_hours > 0:
        beyond = f.overtime_hours - ot_first
        owed = lawful_minimum(rate, OVERTIME_MULTIPLIER, ot_first) + lawful_minimum(
            rate, OVERTIME_OVER_60_MULTIPLIER, beyond)
        if f.overtime_pay < owed:
            shortfall = owed - f.overtime_pay
            if beyond > 0:
                template = N_(
                    "Overtime pay {paid} for {hours} hours is too low. On the hourly rate of {rate} yen ({basis}), "
                    "the first 60 hours need at least 125% and the {beyond} hours beyond 60 at least 150%: at least "
                    "{owed}. Shortfall {shortfall}."
                )
            else:
                template = N_(
                    "Overtime pay {paid} for {hours} hours is too low. On the hourly rate of {rate} yen ({basis}), "
                    "overtime needs at least 125%: at least {owed}. Shortfall {shortfall}."
                )
            found.append(_finding(
                Code.OVERTIME_UNDERPAID, Severity.SHORTFALL, template, shortfall, status=status,
                paid=("yen", f.overtime_pay), hours=("hours", f.overtime_hours), beyond=("hours", beyond),
                owed=("yen", owed), shortfall=("yen", shortfall), **common,
            ))
    if f.night_overtime_hours > 0:
        beyond = f.night_overtime_hours - night_first
        owed = lawful_minimum(rate, NIGHT_OVERTIME_MULTIPLIER, night_first) + lawful_minimum(
            rate, NIGHT_OVERTIME_OVER_60_MULTIPLIER, beyond)
        if f.night_overtime_pay < owed:
            shortfall = owed - f.night_overtime_pay
            found.append(_finding(
                Code.NIGHT_OVERTIME_UNDERPAID, Severity.SHORTFALL,
                N_("Late-night overtime pay {paid} for {hours} hours (one line for overtime and night work together) "
                   "is too low. On the hourly rate of {rate} yen ({basis}), overtime at night needs at least 150% "
                   "(overtime 125%, night 25%; beyond 60 overtime hours 175%): at least {owed}. "
                   "Shortfall {shortfall}."),
                shortfall, status=status,
                paid=("yen", f.night_overtime_pay), hours=("hours", f.night_overtime_hours), owed=("yen", owed),
                shortfall=("yen", shortfall), **common,
            ))
    if logged is not None and logged.overtime > all_overtime:
        # Overtime the log shows beyond what the payslip paid as overtime. Hours the payslip paid as regular
        # hours beyond the log's regular hours were paid at 100%: only the 25% premium is missing on them.
        missing = logged.overtime - all_overtime
        logged_regular = Decimal(sum(logged.regular_minutes_by_day.values())) / 60
        paid_plain = min(missing, max(Decimal(0), f.regular_hours - logged_regular))
        unpaid = missing - paid_plain
        owed = lawful_minimum(rate, LATE_NIGHT_PREMIUM, paid_plain) + lawful_minimum(rate, OVERTIME_MULTIPLIER, unpaid)
        if owed > 0:
            found.append(_finding(
                Code.LOGGED_OVERTIME_UNPAID, Severity.SHORTFALL,
                N_("Your hours log shows {logged} hours of overtime this month (beyond 8 hours a day or 40 hours a "
                   "week); the payslip pays {paid_hours} as overtime. Of the {missing} hours more, {plain} were paid "
                   "as regular hours and lack the 25% premium, and {unpaid} were not paid at all (owed 125%), on "
                   "the hourly rate of {rate} yen ({basis}): at least {owed}."),
                owed, status=status,
                logged=("hours", logged.overtime), paid_hours=("hours", all_overtime), missing=("hours", missing),
                plain=("hours", paid_plain), unpaid=("hours", unpaid), owed=("yen", owed), **common,
            ))
    if f.late_night_hours > 0:
        owed = lawful_minimum(rate, LATE_NIGHT_PREMIUM, f.late_night_hours)
        if f.late_night_pay < owed:
            shortfall = owed - f.late_night_pay
            found.append(_finding(
                Code.LATE_NIGHT_UNDERPAID, Severity.SHORTFALL,
                N_("Late-night premium {paid} for {hours} hours between 22:00 and 05:00 is too low. On the hourly rate "
                   "of {rate} yen ({basis}) the premium is at least 25%: {owed}. Shortfall {shortfall}."),
                shortfall, status=status,
                paid=("yen", f.late_night_pay), hours=("hours", f.late_night_hours),
                owed=("yen", owed), shortfall=("yen", shortfall), **common,
            ))
    if f.holiday_hours > 0:
        owed = lawful_minimum(rate, HOLIDAY_MULTIPLIER, f.holiday_hours)
        if f.holiday_pay < owed:
            shortfall = owed - f.holiday_pay
            found.append(_finding(
                Code.HOLIDAY_UNDERPAID, Severity.SHORTFALL,
                N_("Holiday pay {paid} for {hours} hours on the statutory rest day is too low. On the hourly rate of "
                   "{rate} yen ({basis}), holiday work needs at least 135%: at least {owed}. Shortfall {shortfall}."),
                shortfall, status=status,
                paid=("yen", f.holiday_pay), hours=("hours", f.holiday_hours),
                owed=("yen", owed), shortfall=("yen", shortfall), **common,
            ))
    return found


def _deduction_checks(f: PayslipFigures, promised: PromisedTerms) -> list[Finding]:
    actual = dict.fromkeys(PROMISED_DEDUCTIONS, 0)
    for key, amount in f.deductions.items():
        if key in STATUTORY_DEDUCTIONS:
            continue
        actual[key if key in actual else "other"] += amount
    found: list[Finding] = []
    for key in PROMISED_DEDUCTIONS:
        allowed = getattr(promised, key)
        if actual[key] > allowed:
            excess = actual[key] - allowed
            found.append(_finding(
                Code.DEDUCTION_ABOVE_PROMISE, Severity.SHORTFALL,
                N_("Deduction for {item}: {deducted} was deducted, but the contract promised at most {promised}. Excess {excess}."),
                excess,
                item=("label", _LABELS[key]), deducted=("yen", actual[key]), promised=("yen", allowed),
                excess=("yen", excess),
            ))
    return found


def monthly_shortfall(findings: Iterable[Finding]) -> int:
    """Yen probably owed for one month: the sum of the findings' shortfalls."""
    return sum(x.shortfall_yen for x in findings)


def total_shortfall(months: Iterable[Iterable[Finding]]) -> int:
    """Yen probably owed over several months (one list of findings per month)."""
    return sum(monthly_shortfall(m) for m in months)
