"""Checks of one month's payslip against the minimum wage, the overtime premiums of the
Labour Standards Act and the deductions the contract promised.

Pure functions over two small value types, ``PayslipFigures`` and ``PromisedTerms``; the
service layer maps the vault's payslip and contract records onto them. Money is exact: yen
are ``int`` and rates and hours are ``Decimal``; no float is ever used.

What the figures mean (the mapping the service layer must follow)
-----------------------------------------------------------------
* ``month``: first day of the calendar month in which the hours were worked.
* ``regular_hours``: scheduled (所定) hours worked, paid by ``base_pay``.
* ``overtime_hours``: hours beyond the statutory 8 h/day or 40 h/week, paid by ``overtime_pay``
  (the whole pay for those hours, premium included, as payslips show 時間外手当).
* ``holiday_hours``: hours worked on the statutory weekly rest day (法定休日), paid by
  ``holiday_pay`` (whole pay, premium included). They are not overtime hours.
* ``late_night_hours``: hours worked between 22:00 and 05:00; they are *also* counted in one
  of the three above. ``late_night_pay`` is the night premium alone (深夜割増).
* ``base_pay`` is the wage that counts for the minimum wage: allowances the law leaves out
  (commuting, family, perfect-attendance, one-off, bonuses) belong in ``other_pay``.

The arithmetic
--------------
Let ``H`` be the divisor: ``regular_hours``, or for a monthly wage whose contract gives the
average scheduled hours per month, that figure (Minimum Wage Act: monthly wage ÷ average
scheduled monthly hours). ``base hourly = base_pay / H``.

a. Minimum wage: the rate ``M`` in force on the first day of the month. When
   ``base hourly < M`` the shortfall is ``M × H − base_pay``, rounded *up* to a whole yen.
   If the rate changes during the month we cannot split the hours by date, so ``M`` is the
   lower, earlier rate (the shortfall is never overstated) and an information finding says
   that hours from the change date were owed the new rate.
b. Premiums (Labour Standards Act art. 37) on the regular hourly rate
   ``R = max(base hourly, M)`` — a wage below the minimum is void to that extent and replaced
   by the minimum (Minimum Wage Act art. 4(2)), so premiums are owed on at least ``M``:
   overtime ``≥ 1.25 R`` per hour for the first 60 hours of the month and ``≥ 1.50 R`` beyond
   60 (all employers since 1 April 2023; before that month we apply 1.25 throughout because
   small firms were exempt and we do not know the firm's size); statutory holiday
   ``≥ 1.35 R`` per hour; late-night premium ``≥ 0.25 R`` per hour on top.
   Rounding: MHLW guidance lets employers round hourly rates and monthly premium totals to
   the nearest yen, 50 sen and above up (昭和63年3月14日 基発150号). The amount owed is the
   smallest total any of those permitted roundings gives, so a correctly rounded payslip is
   never flagged; one yen below it is.
c. Deductions for housing, utilities, meals and other non-statutory items above what the
   contract promised: each excess is a shortfall. Deductions whose keys are not housing,
   utilities, meals or a statutory item (tax, social and employment insurance) count as
   "other".
d. Data problems (warnings, no money): hours without pay, pay without hours, no minimum-wage
   data for the prefecture and month ("no data" — never a guessed rate), gross differing from
   the sum of its parts, net differing from gross minus deductions.

Each finding carries a translated message with its numbers formatted for the current
language, and can be rendered again in any language with ``Finding.render(locale)``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType

from handbook_app.core import prefectures
from handbook_app.core.minimum_wage import MinimumWageLookup, NoDataReason, minimum_wage_lookup
from handbook_app.i18n import N_, current_locale, tr
from handbook_app.i18n.formatting import format_date, format_decimal, format_money

OVERTIME_MULTIPLIER = Decimal("1.25")
OVERTIME_OVER_60_MULTIPLIER = Decimal("1.50")
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

_LABELS = {
    "housing": N_("housing"),
    "utilities": N_("utilities"),
    "meals": N_("meals"),
    "other": N_("other deductions"),
    "regular": N_("regular work"),
    "overtime": N_("overtime"),
    "late_night": N_("late-night work"),
    "holiday": N_("statutory-holiday work"),
}

_YEN = Decimal(1)


class Severity(StrEnum):
    SHORTFALL = "shortfall"  # money the trainee was probably owed
    WARNING = "warning"  # the figures do not add up or cannot be checked
    INFO = "info"


class Code(StrEnum):
    BELOW_MINIMUM_WAGE = "below_minimum_wage"
    BELOW_PROMISED_WAGE = "below_promised_wage"
    OVERTIME_UNDERPAID = "overtime_underpaid"
    LATE_NIGHT_UNDERPAID = "late_night_underpaid"
    HOLIDAY_UNDERPAID = "holiday_underpaid"
    DEDUCTION_ABOVE_PROMISE = "deduction_above_promise"
    NO_MINIMUM_WAGE_DATA = "no_minimum_wage_data"
    MINIMUM_WAGE_CHANGED = "minimum_wage_changed"
    PREMIUMS_NOT_CHECKED = "premiums_not_checked"
    HOURS_WITHOUT_PAY = "hours_without_pay"
    PAY_WITHOUT_HOURS = "pay_without_hours"
    GROSS_MISMATCH = "gross_mismatch"
    NET_MISMATCH = "net_mismatch"
    OUTSIDE_CONTRACT = "outside_contract"


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a check. `message` is in the language current when it was made;
    `render(locale)` gives it in another (for two-language PDFs)."""

    code: Code
    severity: Severity
    message: str
    shortfall_yen: int = 0
    template: str = field(default="", compare=False)
    values: tuple[tuple[str, str, object], ...] = field(default=(), compare=False)  # (name, kind, value)

    def render(self, locale: str | None = None) -> str:
        if not self.template:
            return self.message
        loc = locale or current_locale()
        return tr(loc, self.template).format(**{name: _format(kind, value, loc) for name, kind, value in self.values})


def _format(kind: str, value: object, locale: str) -> str:
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
        return format_date(value, locale, "yyyy-MM")
    return str(value)


def _finding(code: Code, severity: Severity, template: str, shortfall: int = 0, /, **values: tuple[str, object]) -> Finding:
    packed = tuple((name, kind, value) for name, (kind, value) in values.items())
    draft = Finding(code, severity, "", shortfall, template, packed)
    return Finding(code, severity, draft.render(), shortfall, template, packed)


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

    def __post_init__(self) -> None:
        if not isinstance(self.month, dt.date) or self.month.day != 1:
            raise ValueError("month must be the first day of a month")
        for name in ("regular_hours", "overtime_hours", "late_night_hours", "holiday_hours"):
            object.__setattr__(self, name, _to_decimal(getattr(self, name), name))
        for name in ("base_pay", "overtime_pay", "late_night_pay", "holiday_pay", "other_pay", "gross"):
            _check_yen(getattr(self, name), name)
        _check_yen(self.net, "net", allow_negative=True)
        for key, amount in self.deductions.items():
            _check_yen(amount, f"deduction {key!r}", allow_negative=True)
        object.__setattr__(self, "deductions", MappingProxyType(dict(self.deductions)))

    @property
    def last_day(self) -> dt.date:
        return self.month.replace(day=calendar.monthrange(self.month.year, self.month.month)[1])


@dataclass(frozen=True, slots=True)
class PromisedTerms:
    """What the contract promised: the wage and the monthly deductions.

    ``scheduled_hours_per_month`` (average scheduled hours a month over the year) is optional;
    given with a monthly wage, it is the divisor for the hourly rate as the Minimum Wage Act
    computes it. Without it the month's regular hours are used.
    """

    wage_kind: str  # 'hourly' | 'monthly'
    wage_yen: int
    housing: int = 0
    utilities: int = 0
    meals: int = 0
    other: int = 0
    scheduled_hours_per_month: Decimal | None = None

    def __post_init__(self) -> None:
        if self.wage_kind not in ("hourly", "monthly"):
            raise ValueError("wage_kind must be 'hourly' or 'monthly'")
        for name in ("wage_yen", *PROMISED_DEDUCTIONS):
            _check_yen(getattr(self, name), name)
        if self.scheduled_hours_per_month is not None:
            hours = _to_decimal(self.scheduled_hours_per_month, "scheduled_hours_per_month")
            object.__setattr__(self, "scheduled_hours_per_month", hours if hours > 0 else None)


# --- rounding -------------------------------------------------------------------------------

def _half_up(value: Decimal) -> int:
    return int(value.quantize(_YEN, ROUND_HALF_UP))


def _ceil(value: Decimal) -> int:
    return int(value.to_integral_value(ROUND_CEILING))


def lawful_minimum(rate: Decimal, multiplier: Decimal, hours: Decimal) -> int:
    """Least whole-yen pay for `hours` at `multiplier` × `rate` under the permitted roundings.

    The candidates: the exact total rounded half-up; the hourly rate × multiplier rounded
    half-up first, then × hours; and the hourly rate itself rounded half-up first. The law
    allows any of them, so the smallest is what the employer owed at least.
    """
    if hours <= 0:
        return 0
    exact = _half_up(rate * multiplier * hours)
    per_hour = _half_up(_half_up(rate * multiplier) * hours)
    rounded_rate = _half_up(_half_up(Decimal(_half_up(rate)) * multiplier) * hours)
    return min(exact, per_hour, rounded_rate)


# --- the checks -----------------------------------------------------------------------------

def _data_checks(f: PayslipFigures) -> list[Finding]:
    found: list[Finding] = []
    pairs = (
        ("regular", f.regular_hours, f.base_pay),
        ("overtime", f.overtime_hours, f.overtime_pay),
        ("late_night", f.late_night_hours, f.late_night_pay),
        ("holiday", f.holiday_hours, f.holiday_pay),
    )
    for label, hours, pay in pairs:
        if hours > 0 and pay == 0:
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
    parts = f.base_pay + f.overtime_pay + f.late_night_pay + f.holiday_pay + f.other_pay
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


def _no_data(f: PayslipFigures, lookup: MinimumWageLookup) -> Finding:
    templates = {
        NoDataReason.UNKNOWN_PREFECTURE: N_(
            "No minimum-wage data: the prefecture is not set or unknown, so the pay was not compared "
            "with the minimum wage."
        ),
        NoDataReason.BEFORE_TABLE: N_(
            "No minimum-wage data for {prefecture} in {month}: the table starts later. The pay was not "
            "compared with the minimum wage; check the rate with the Labour Bureau."
        ),
        NoDataReason.DATE_UNVERIFIED: N_(
            "No minimum-wage data for {prefecture} in {month}: the date a new rate took effect is not "
            "confirmed, so we do not know which rate applied. The pay was not compared with the minimum wage."
        ),
        NoDataReason.AFTER_TABLE: N_(
            "No minimum-wage data for {prefecture} in {month}: a newer rate than the app knows may apply. "
            "Update the app or check the rate with the Labour Bureau."
        ),
    }
    values: dict[str, tuple[str, object]] = {"month": ("date", f.month)}
    if lookup.reason is not NoDataReason.UNKNOWN_PREFECTURE:
        values["prefecture"] = ("prefecture", f.prefecture)
    return _finding(Code.NO_MINIMUM_WAGE_DATA, Severity.WARNING, templates[lookup.reason], **values)


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


def check_payslip(figures: PayslipFigures, promised: PromisedTerms | None = None) -> list[Finding]:
    """All findings for one month's payslip, shortfalls first; an empty list means no problem found."""
    f = figures
    found: list[Finding] = []
    worked = f.regular_hours + f.overtime_hours + f.holiday_hours > 0 or f.base_pay > 0

    start = minimum_wage_lookup(f.prefecture, f.month)
    wage = start.wage
    if wage is None and worked:
        found.append(_no_data(f, start))
    elif wage is not None:
        end = minimum_wage_lookup(f.prefecture, f.last_day)
        if end.wage is None:
            found.append(_finding(
                Code.MINIMUM_WAGE_CHANGED, Severity.INFO,
                N_("The minimum wage in {prefecture} may have changed during {month}; this check used "
                   "{rate} yen an hour, the rate at the start of the month."),
                prefecture=("prefecture", f.prefecture), month=("date", f.month), rate=("rate", wage.yen_per_hour),
            ))
        elif end.wage != wage and end.wage.effective is not None:
            found.append(_finding(
                Code.MINIMUM_WAGE_CHANGED, Severity.INFO,
                N_("The minimum wage in {prefecture} rose from {old} to {new} yen an hour on {date}. The payslip "
                   "does not split hours by date, so this check used {old} for the whole month; hours worked "
                   "from {date} were owed at least {new}."),
                prefecture=("prefecture", f.prefecture), old=("rate", wage.yen_per_hour),
                new=("rate", end.wage.yen_per_hour), date=("date", end.wage.effective),
            ))
    minimum = Decimal(wage.yen_per_hour) if wage is not None else None

    divisor = f.regular_hours
    if promised is not None and promised.wage_kind == "monthly" and promised.scheduled_hours_per_month:
        divisor = promised.scheduled_hours_per_month
    base_hourly = Decimal(f.base_pay) / divisor if divisor > 0 and f.regular_hours > 0 else None

    # a. minimum wage
    min_wage_shortfall = 0
    if minimum is not None and base_hourly is not None and base_hourly < minimum:
        min_wage_shortfall = _ceil(minimum * divisor - f.base_pay)
        found.append(_finding(
            Code.BELOW_MINIMUM_WAGE, Severity.SHORTFALL,
            N_("Base pay {paid} for {hours} hours is {hourly} yen an hour, below the minimum wage of {minimum} "
               "yen an hour in {prefecture}. At least {owed} was owed: shortfall {shortfall}."),
            min_wage_shortfall,
            paid=("yen", f.base_pay), hours=("hours", divisor), hourly=("rate", base_hourly),
            minimum=("rate", minimum), prefecture=("prefecture", f.prefecture),
            owed=("yen", f.base_pay + min_wage_shortfall), shortfall=("yen", min_wage_shortfall),
        ))

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

    # b. premiums, on R = max(base hourly, minimum wage)
    candidates = [r for r in (base_hourly, minimum) if r is not None and r > 0]
    premium_hours = f.overtime_hours + f.late_night_hours + f.holiday_hours
    if not candidates:
        if premium_hours > 0:
            found.append(_finding(
                Code.PREMIUMS_NOT_CHECKED, Severity.WARNING,
                N_("Overtime, late-night and holiday pay could not be checked: neither the hourly base pay nor "
                   "the minimum wage is known for this month."),
            ))
    else:
        found.extend(_premium_checks(f, max(candidates)))

    # c. deductions above the promise
    if promised is not None:
        found.extend(_deduction_checks(f, promised))

    # d. data problems
    found.extend(_data_checks(f))
    order = {Severity.SHORTFALL: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(found, key=lambda x: order[x.severity])


def _premium_checks(f: PayslipFigures, rate: Decimal) -> list[Finding]:
    found: list[Finding] = []
    if f.overtime_hours > 0:
        tiered = f.month >= OVERTIME_TIER_ALL_EMPLOYERS_FROM
        first = min(f.overtime_hours, OVERTIME_TIER_HOURS) if tiered else f.overtime_hours
        beyond = f.overtime_hours - first
        owed = lawful_minimum(rate, OVERTIME_MULTIPLIER, first) + lawful_minimum(
            rate, OVERTIME_OVER_60_MULTIPLIER, beyond
        )
        if f.overtime_pay < owed:
            shortfall = owed - f.overtime_pay
            if beyond > 0:
                template = N_(
                    "Overtime pay {paid} for {hours} hours is too low. On the hourly rate of {rate} yen, the first "
                    "60 hours need at least 125% and the {beyond} hours beyond 60 at least 150%: at least {owed}. "
                    "Shortfall {shortfall}."
                )
            else:
                template = N_(
                    "Overtime pay {paid} for {hours} hours is too low. On the hourly rate of {rate} yen, overtime "
                    "needs at least 125%: at least {owed}. Shortfall {shortfall}."
                )
            found.append(_finding(
                Code.OVERTIME_UNDERPAID, Severity.SHORTFALL, template, shortfall,
                paid=("yen", f.overtime_pay), hours=("hours", f.overtime_hours), rate=("rate", rate),
                beyond=("hours", beyond), owed=("yen", owed), shortfall=("yen", shortfall),
            ))
    if f.late_night_hours > 0:
        owed = lawful_minimum(rate, LATE_NIGHT_PREMIUM, f.late_night_hours)
        if f.late_night_pay < owed:
            shortfall = owed - f.late_night_pay
            found.append(_finding(
                Code.LATE_NIGHT_UNDERPAID, Severity.SHORTFALL,
                N_("Late-night premium {paid} for {hours} hours between 22:00 and 05:00 is too low. On the hourly rate "
                   "of {rate} yen the premium is at least 25%: {owed}. Shortfall {shortfall}."),
                shortfall,
                paid=("yen", f.late_night_pay), hours=("hours", f.late_night_hours), rate=("rate", rate),
                owed=("yen", owed), shortfall=("yen", shortfall),
            ))
    if f.holiday_hours > 0:
        owed = lawful_minimum(rate, HOLIDAY_MULTIPLIER, f.holiday_hours)
        if f.holiday_pay < owed:
            shortfall = owed - f.holiday_pay
            found.append(_finding(
                Code.HOLIDAY_UNDERPAID, Severity.SHORTFALL,
                N_("Holiday pay {paid} for {hours} hours on the statutory rest day is too low. On the hourly rate of "
                   "{rate} yen, holiday work needs at least 135%: at least {owed}. Shortfall {shortfall}."),
                shortfall,
                paid=("yen", f.holiday_pay), hours=("hours", f.holiday_hours), rate=("rate", rate),
                owed=("yen", owed), shortfall=("yen", shortfall),
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
