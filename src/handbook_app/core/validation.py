"""Validation returns problems as values (field + translated message) instead of raising deep inside.

The UI shows each message beside its field; the CLI prints them; nothing is saved while any remain.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_decimal


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


class ValidationError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


_EARLIEST = dt.date(1950, 1, 1)
_LATEST = dt.date(2200, 1, 1)


def _required(problems: list[Problem], field: str, value: object) -> None:
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        problems.append(Problem(field, _("This field is required.")))


def _choice(problems: list[Problem], field: str, value: str, choices: dict) -> None:
    if value not in choices:
        problems.append(Problem(field, _("'{value}' is not one of the choices.").format(value=value)))


def _date(problems: list[Problem], field: str, value: dt.date | None) -> None:
    if value is not None and not (_EARLIEST <= value < _LATEST):
        problems.append(Problem(field, _("This date is out of range.")))


def _order(problems: list[Problem], field: str, first: dt.date | None, last: dt.date | None) -> None:
    if first and last and last < first:
        problems.append(Problem(field, _("The end date is before the start date.")))


def _not_negative(problems: list[Problem], field: str, value: Money | Decimal | int) -> None:
    number = value.minor if isinstance(value, Money) else value
    if number < 0:
        problems.append(Problem(field, _("This cannot be negative.")))


def _positive(problems: list[Problem], field: str, value: Money) -> None:
    if value.minor <= 0:
        problems.append(Problem(field, _("Enter an amount greater than zero.")))


def _rate(problems: list[Problem], field: str, rate: Decimal | None) -> None:
    if rate is None:
        return
    if rate <= 0:
        problems.append(Problem(field, _("An exchange rate must be greater than zero.")))
    elif rate > Decimal("1000000") or rate < Decimal("0.000001"):
        problems.append(Problem(field, _("This exchange rate is not believable; check it.")))


# A quadrillion minor units: far beyond any wage or debt, well inside SQLite's 64-bit integers.
MAX_MINOR = 10**15


def _within_bounds(p: list[Problem], record: r.Record) -> None:
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Money) and abs(value.minor) > MAX_MINOR:
            p.append(Problem(f.name, _("This amount is too large.")))
        elif isinstance(value, int) and not isinstance(value, bool) and f.name != "id" and abs(value) > MAX_MINOR:
            p.append(Problem(f.name, _("This number is too large.")))
        elif isinstance(value, dict) and any(isinstance(v, int) and abs(v) > MAX_MINOR for v in value.values()):
            p.append(Problem(f.name, _("This amount is too large.")))


# Plausible ranges of contract and payslip figures (issue 11): outside them a figure is a typing mistake
# (1633 hours a month, 0.5 hours) that would give a huge false shortfall. Yen are whole yen.
HOURLY_WAGE_RANGE = (300, 10_000)
MONTHLY_WAGE_RANGE = (30_000, 2_000_000)
SCHEDULED_HOURS_RANGE = (Decimal(20), Decimal(200))  # average scheduled hours a month (legal week: ≤ about 174)
HOURS_PER_DAY_RANGE = (Decimal(1), Decimal(12))
DAYS_PER_YEAR_RANGE = (Decimal(50), Decimal(366))
MINIMUM_WAGE_RANGE = (500, 5_000)  # yen an hour, for a rate the user types
MAX_CONTRACT_DEDUCTION = 300_000
PAYSLIP_HOURS_MAX = {"regular_hours": 300, "overtime_hours": 250, "late_night_hours": 300, "holiday_hours": 200,
                     "night_overtime_hours": 250}
MAX_PAY_LINE = 5_000_000
MAX_GROSS = 10_000_000


def scheduled_hours(hours_per_day: Decimal, days_per_year: Decimal) -> Decimal:
    """Average scheduled hours a month as the Minimum Wage Act computes it: hours a day × days a year ÷ 12,
    to two decimals (half-up)."""
    return (hours_per_day * days_per_year / 12).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _between(p: list[Problem], field: str, value: Decimal | int, low: Decimal | int, high: Decimal | int,
             message: str) -> None:
    if value and not low <= value <= high:
        p.append(Problem(field, message.format(low=format_decimal(Decimal(low)), high=format_decimal(Decimal(high)))))


def _contract_ranges(p: list[Problem], c: r.Contract) -> None:
    if c.wage.currency == "JPY" and c.wage.minor > 0:
        if c.wage_kind == "hourly":
            _between(p, "wage", c.wage.minor, *HOURLY_WAGE_RANGE,
                     _("An hourly wage is between {low} and {high} yen; check this figure (is it a monthly wage?)."))
        elif c.wage_kind == "monthly":
            _between(p, "wage", c.wage.minor, *MONTHLY_WAGE_RANGE,
                     _("A monthly wage is between {low} and {high} yen; check this figure (is it an hourly wage?)."))
    _between(p, "hours_per_month", c.hours_per_month, *SCHEDULED_HOURS_RANGE,
             _("Average scheduled hours a month are between {low} and {high} (hours a day × working days a year ÷ "
               "12; a 40-hour week gives at most about 174). Check this figure."))
    _between(p, "hours_per_day", c.hours_per_day, *HOURS_PER_DAY_RANGE,
             _("Scheduled hours a day are between {low} and {high}; check this figure."))
    _between(p, "days_per_year", c.days_per_year, *DAYS_PER_YEAR_RANGE,
             _("Scheduled working days a year are between {low} and {high}; check this figure."))
    if c.hours_per_day and c.days_per_year and c.hours_per_month:
        basis = scheduled_hours(c.hours_per_day, c.days_per_year)
        if abs(basis - c.hours_per_month) > 1:
            p.append(Problem("hours_per_month", _(
                "Hours a day × working days a year ÷ 12 gives {basis} hours, but this field says {hours}. Correct "
                "one of them.").format(basis=format_decimal(basis), hours=format_decimal(c.hours_per_month))))
    for name in ("housing", "utilities", "meals", "other_deductions"):
        money = getattr(c, name)
        _between(p, name, money.minor, 0, MAX_CONTRACT_DEDUCTION,
                 _("A monthly deduction is at most {high} yen; check this figure."))
    for name, label_field in (("industry_minimum", "industry_minimum_name"), ("typed_minimum", "typed_minimum_seen")):
        money = getattr(c, name)
        if money.minor:
            if money.currency != "JPY":
                p.append(Problem(name, _("A minimum wage is in yen.")))
            _between(p, name, money.minor, *MINIMUM_WAGE_RANGE,
                     _("A minimum wage an hour is between {low} and {high} yen; check this figure."))
            if not getattr(c, label_field).strip():
                p.append(Problem(label_field, _(
                    "Say where this rate comes from (for example “the poster at my workplace” or the industry "
                    "minimum wage's name), so a reader can check it.")))


def _payslip_ranges(p: list[Problem], s: r.Payslip) -> None:
    for name, high in PAYSLIP_HOURS_MAX.items():
        hours = getattr(s, name)
        if 0 <= hours <= 744 and hours > high:
            p.append(Problem(name, _("More than {high} hours of this kind in one month is not believable; check this "
                                     "figure.").format(high=high)))
    for name in ("base_pay", "overtime_pay", "late_night_pay", "holiday_pay", "other_pay", "night_overtime_pay"):
        _between(p, name, getattr(s, name).minor, 0, MAX_PAY_LINE,
                 _("One line of a month's pay is at most {high} yen; check this figure."))
    _between(p, "gross", s.gross.minor, 0, MAX_GROSS, _("A month's gross pay is at most {high} yen; check this figure."))
    for key, value in s.allowances.items():
        if key not in r.ALLOWANCE_KINDS:
            p.append(Problem("allowances", _("Unknown allowance: {key}").format(key=key)))
        elif not isinstance(value, int) or not 0 <= value <= MAX_PAY_LINE:
            p.append(Problem("allowances", _("An allowance is between 0 and {high} yen; check this figure.").format(
                high=format_decimal(Decimal(MAX_PAY_LINE)))))
    for value in s.deductions.values():
        if isinstance(value, int) and value > MAX_PAY_LINE:
            p.append(Problem("deductions", _("A deduction is at most {high} yen; check this figure.").format(
                high=format_decimal(Decimal(MAX_PAY_LINE)))))
            break


def validate(record: r.Record) -> list[Problem]:
    """All problems with one record (empty when it may be saved)."""
    p: list[Problem] = []
    _within_bounds(p, record)
    if isinstance(record, r.Contract):
        _required(p, "employer", record.employer)
        _date(p, "start", record.start)
        _date(p, "end", record.end)
        _date(p, "stay_expiry", record.stay_expiry)
        _order(p, "end", record.start, record.end)
        _choice(p, "wage_kind", record.wage_kind, r.WAGE_KINDS)
        if record.prefecture is not None and not 1 <= record.prefecture <= 47:
            p.append(Problem("prefecture", _("Choose a prefecture.")))
        for name in ("wage", "housing", "utilities", "meals", "other_deductions"):
            _not_negative(p, name, getattr(record, name))
        for name in ("hours_per_month", "hours_per_day", "days_per_year", "industry_minimum", "typed_minimum"):
            _not_negative(p, name, getattr(record, name))
        _contract_ranges(p, record)
    elif isinstance(record, r.Payslip):
        _date(p, "month", record.month)
        if record.month.day != 1:
            p.append(Problem("month", _("A payslip month starts on day 1.")))
        for name in ("regular_hours", "overtime_hours", "late_night_hours", "holiday_hours", "night_overtime_hours"):
            hours = getattr(record, name)
            _not_negative(p, name, hours)
            if hours > 744:  # 31 days x 24 hours
                p.append(Problem(name, _("More hours than the month has.")))
        for name in ("base_pay", "overtime_pay", "late_night_pay", "holiday_pay", "other_pay", "gross", "net",
                     "night_overtime_pay"):
            _not_negative(p, name, getattr(record, name))
        _payslip_ranges(p, record)
        for key, value in record.deductions.items():
            if key not in r.DEDUCTION_KEYS:
                p.append(Problem("deductions", _("Unknown deduction: {key}").format(key=key)))
            elif not isinstance(value, int) or value < 0:
                p.append(Problem("deductions", _("This cannot be negative.")))
    elif isinstance(record, r.Loan):
        _choice(p, "lender_kind", record.lender_kind, r.LENDER_KINDS)
        _positive(p, "principal", record.principal)
        _date(p, "start", record.start)
        _choice(p, "interest_model", record.interest_model, r.INTEREST_MODELS)
        if record.monthly_rate < 0:
            p.append(Problem("monthly_rate", _("This cannot be negative.")))
        elif record.monthly_rate > Decimal("0.5"):
            p.append(Problem("monthly_rate", _("More than 50% a month is not believable; enter the rate per month.")))
        if record.interest_model in ("flat", "declining") and record.monthly_rate == 0:
            p.append(Problem("monthly_rate", _("Enter the interest rate per month.")))
        if record.interest_model == "schedule" and not record.schedule:
            p.append(Problem("schedule", _("Enter the payments the contract lists.")))
        if record.term_months is not None and not 0 < record.term_months <= 600:
            p.append(Problem("term_months", _("Enter a term between 1 and 600 months.")))
        _not_negative(p, "instalment", record.instalment)
        if record.instalment.minor and record.instalment.currency != record.principal.currency:
            p.append(Problem("instalment", _("Enter the instalment in the loan's currency ({currency}).").format(
                currency=record.principal.currency)))
    elif isinstance(record, r.Repayment):
        if not record.loan_id:
            p.append(Problem("loan_id", _("Choose the loan this repays.")))
        _positive(p, "paid", record.paid)
        _date(p, "date", record.date)
        _rate(p, "rate", record.rate)
    elif isinstance(record, r.Remittance):
        _date(p, "date", record.date)
        _positive(p, "sent", record.sent)
        _not_negative(p, "fee", record.fee)
        _not_negative(p, "received", record.received)
        _choice(p, "channel", record.channel, r.CHANNELS)
        if record.fee.currency == record.sent.currency and record.fee.minor > record.sent.minor:
            p.append(Problem("fee", _("The fee is larger than the amount sent.")))
    elif isinstance(record, r.RecruitmentFee):
        _choice(p, "item", record.item, r.FEE_ITEMS)
        _positive(p, "amount", record.amount)
        _date(p, "date", record.date)
    elif isinstance(record, r.Incident):
        _date(p, "started", record.started)
        _date(p, "ended", record.ended)
        _order(p, "ended", record.started, record.ended)
        _choice(p, "category", record.category, r.INCIDENT_CATEGORIES)
        _choice(p, "status", record.status, r.INCIDENT_STATUSES)
        if not record.title.strip() and not record.description.strip():
            p.append(Problem("description", _("Describe what happened.")))
    elif isinstance(record, r.HoursEntry):
        _date(p, "day", record.day)
        for name in ("start", "end"):
            if not _is_clock(getattr(record, name)):
                p.append(Problem(name, _("Write the time like 08:30.")))
        if record.break_minutes < 0 or record.break_minutes > 24 * 60:
            p.append(Problem("break_minutes", _("The break is out of range.")))
    elif isinstance(record, r.Reminder):
        _required(p, "title", record.title)
        _date(p, "due", record.due)
    elif isinstance(record, r.Attachment):
        _required(p, "name", record.name)
        if record.owner_kind not in r.ATTACHMENT_OWNERS:
            p.append(Problem("owner_kind", _("'{value}' is not one of the choices.").format(value=record.owner_kind)))
    return p


def _is_clock(text: str) -> bool:
    try:
        hours, minutes = text.split(":")
        return 0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59 and len(minutes) == 2
    except ValueError:
        return False


def check(record: r.Record) -> None:
    problems = validate(record)
    if problems:
        raise ValidationError(problems)
