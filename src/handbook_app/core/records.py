"""The record kinds a vault holds (DESIGN.md §2), as immutable values.

Each kind has a stable `KIND` key (also its table name). `id` is None until saved.
Field order here is the column order in the vault and in the JSON export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from handbook_app.core.money import Money
from handbook_app.i18n import N_

# Choice lists: stored key -> English label (translated where shown).
ACTOR_KINDS = {"trainee": N_("Trainee"), "support": N_("Support worker")}
WAGE_KINDS = {"hourly": N_("Hourly"), "monthly": N_("Monthly")}
LENDER_KINDS = {
    "broker": N_("Broker or sending company"),
    "bank": N_("Bank"),
    "relative": N_("Relative"),
    "informal": N_("Informal lender"),
    "other": N_("Other"),
}
INTEREST_MODELS = {
    "none": N_("No interest (pay when you can)"),
    "flat": N_("Flat % per month on the original principal"),
    "declining": N_("Declining balance % per month"),
    "schedule": N_("Fixed schedule from the contract"),
}
CHANNELS = {
    "bank": N_("Bank"),
    "transfer_company": N_("Money transfer company"),
    "app": N_("App"),
    "informal": N_("Informal (hand-carried, agent)"),
}
INCIDENT_CATEGORIES = {
    "unpaid_wages": N_("Unpaid or late wages"),
    "excessive_hours": N_("Excessive hours"),
    "safety_injury": N_("Safety or injury"),
    "harassment": N_("Harassment"),
    "violence": N_("Violence"),
    "documents_withheld": N_("Documents withheld"),
    "housing": N_("Housing"),
    "threats": N_("Threats"),
    "contract_substitution": N_("Contract substitution"),
    "other": N_("Other"),
}
INCIDENT_STATUSES = {"open": N_("Unresolved"), "reported": N_("Reported"), "resolved": N_("Resolved"), "closed": N_("Closed")}
FEE_ITEMS = {
    "training": N_("Training"),
    "service_fee": N_("Broker or service fee"),
    "deposit": N_("Deposit"),
    "guarantee": N_("Guarantee money"),
    "medical": N_("Medical check"),
    "travel": N_("Travel"),
    "documents": N_("Documents and visa"),
    "other": N_("Other"),
}
DEDUCTION_KEYS = {
    "income_tax": N_("Income tax"),
    "resident_tax": N_("Resident tax"),
    "social_insurance": N_("Health insurance and pension"),
    "employment_insurance": N_("Employment insurance"),
    "housing": N_("Housing"),
    "utilities": N_("Utilities"),
    "meals": N_("Meals"),
    "other": N_("Other deductions"),
}
# Allowance lines of a payslip. Whether each counts in the base for overtime, night and holiday premiums
# (Labour Standards Act art. 37(5), Enforcement Regulation art. 21) and for the minimum wage is fixed by
# law per kind (core.wage_checks.PREMIUM_BASE_EXCLUDED / MINIMUM_WAGE_EXCLUDED); the label says which.
ALLOWANCE_KINDS = {  # short labels: "in base" = in the premium base; "excluded" = left out by law
    "skill": N_("Skill (in base)"),
    "position": N_("Position (in base)"),
    "attendance": N_("Attendance (in base)"),
    "other_included": N_("Other work (in base)"),
    "family": N_("Family (excluded)"),
    "commuting": N_("Commuting (excluded)"),
    "living_apart": N_("Living apart (excluded)"),
    "child_education": N_("Education (excluded)"),
    "housing": N_("Housing (excluded)"),
    "one_off": N_("One-off (excluded)"),
    "bonus": N_("Bonus (excluded)"),
}
REMINDER_KINDS = {
    "stay_expiry": N_("Period of stay ends"),
    "contract_end": N_("Contract ends"),
    "loan_due": N_("Loan payment due"),
    "custom": N_("Reminder"),
}
ATTACHMENT_OWNERS = ("contract", "payslip", "loan", "repayment", "remittance", "incident", "recruitment_fee")


@dataclass(frozen=True, slots=True)
class Record:
    KIND: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""
    id: int | None = field(default=None, kw_only=True)


@dataclass(frozen=True, slots=True)
class Profile(Record):
    KIND: ClassVar[str] = "profile"
    LABEL: ClassVar[str] = N_("Profile")
    display_name: str = ""
    full_name: str = ""
    birth_date: dt.date | None = None
    home_province: str = ""
    languages: str = "vi"
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Contract(Record):
    KIND: ClassVar[str] = "contract"
    LABEL: ClassVar[str] = N_("Contract")
    employer: str = ""
    employer_address: str = ""
    supervising_org: str = ""
    sending_org: str = ""
    job_category: str = ""
    prefecture: int | None = None  # JIS X 0401 code 1-47
    start: dt.date | None = None
    end: dt.date | None = None
    residence_status: str = ""
    stay_expiry: dt.date | None = None
    wage_kind: str = "hourly"
    wage: Money = Money(0, "JPY")
    hours_per_month: Decimal = Decimal("0")
    housing: Money = Money(0, "JPY")
    utilities: Money = Money(0, "JPY")
    meals: Money = Money(0, "JPY")
    other_deductions: Money = Money(0, "JPY")
    notes: str = ""
    # Added in schema 3 (kept last: columns follow field order). The basis of hours_per_month as the
    # Minimum Wage Act computes it: hours a day × working days a year ÷ 12 (0 = not given).
    hours_per_day: Decimal = Decimal("0")
    days_per_year: Decimal = Decimal("0")
    # An industry-specific minimum wage (特定最低賃金) that covers this job, from a date (0 = none).
    industry_minimum: Money = Money(0, "JPY")
    industry_minimum_name: str = ""
    industry_minimum_from: dt.date | None = None
    # A minimum wage the user typed (e.g. from the poster at the workplace) and where they saw it.
    typed_minimum: Money = Money(0, "JPY")
    typed_minimum_from: dt.date | None = None
    typed_minimum_seen: str = ""


@dataclass(frozen=True, slots=True)
class Payslip(Record):
    KIND: ClassVar[str] = "payslip"
    LABEL: ClassVar[str] = N_("Payslip")
    month: dt.date = dt.date(2000, 1, 1)  # first day of the month paid for
    contract_id: int | None = None
    regular_hours: Decimal = Decimal("0")
    overtime_hours: Decimal = Decimal("0")
    late_night_hours: Decimal = Decimal("0")
    holiday_hours: Decimal = Decimal("0")
    base_pay: Money = Money(0, "JPY")
    overtime_pay: Money = Money(0, "JPY")
    late_night_pay: Money = Money(0, "JPY")
    holiday_pay: Money = Money(0, "JPY")
    other_pay: Money = Money(0, "JPY")
    gross: Money = Money(0, "JPY")
    deductions: dict[str, int] = field(default_factory=dict)  # key -> yen
    net: Money = Money(0, "JPY")
    paid_on: dt.date | None = None
    notes: str = ""
    # Added in schema 3: a combined line for overtime worked at night (深夜残業, premium included), and the
    # allowance lines by kind (ALLOWANCE_KINDS -> yen), which are part of the gross beside other_pay.
    night_overtime_hours: Decimal = Decimal("0")
    night_overtime_pay: Money = Money(0, "JPY")
    allowances: dict[str, int] = field(default_factory=dict)

    def deductions_total(self) -> Money:
        return Money(sum(self.deductions.values()), self.gross.currency)


@dataclass(frozen=True, slots=True)
class Loan(Record):
    KIND: ClassVar[str] = "loan"
    LABEL: ClassVar[str] = N_("Loan")
    lender_kind: str = "broker"
    lender: str = ""
    purpose: str = ""
    principal: Money = Money(0, "VND")
    start: dt.date = dt.date(2000, 1, 1)
    interest_model: str = "none"
    monthly_rate: Decimal = Decimal("0")  # fraction per month: 0.015 = 1.5 %
    term_months: int | None = None
    schedule: list[tuple[str, int]] = field(default_factory=list)  # (ISO date, minor units) for "schedule"
    guarantor: str = ""
    collateral: str = ""
    notes: str = ""
    # Added in schema 3: the monthly instalment the loan agreement sets (0 = none agreed), in the loan's currency.
    instalment: Money = Money(0, "VND")


@dataclass(frozen=True, slots=True)
class Repayment(Record):
    KIND: ClassVar[str] = "repayment"
    LABEL: ClassVar[str] = N_("Repayment")
    loan_id: int = 0
    date: dt.date = dt.date(2000, 1, 1)
    paid: Money = Money(0, "JPY")
    rate: Decimal | None = None  # loan-currency units per one unit paid, when currencies differ
    remittance_id: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Remittance(Record):
    KIND: ClassVar[str] = "remittance"
    LABEL: ClassVar[str] = N_("Remittance")
    date: dt.date = dt.date(2000, 1, 1)
    sent: Money = Money(0, "JPY")
    fee: Money = Money(0, "JPY")
    received: Money = Money(0, "VND")
    channel: str = "bank"
    provider: str = ""
    recipient: str = ""
    purpose: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class RecruitmentFee(Record):
    KIND: ClassVar[str] = "recruitment_fee"
    LABEL: ClassVar[str] = N_("Recruitment fee")
    date: dt.date | None = None
    item: str = "service_fee"
    amount: Money = Money(0, "VND")
    paid_to: str = ""
    receipt: bool = False
    loan_id: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Incident(Record):
    KIND: ClassVar[str] = "incident"
    LABEL: ClassVar[str] = N_("Incident")
    started: dt.date = dt.date(2000, 1, 1)
    ended: dt.date | None = None
    place: str = ""
    category: str = "other"
    title: str = ""
    people: str = ""
    witnesses: str = ""
    description: str = ""
    description_lang: str = "vi"
    translation: str = ""
    translation_lang: str = ""
    actions: str = ""
    outcome: str = ""
    status: str = "open"
    contract_id: int | None = None
    loan_id: int | None = None
    payslip_month: dt.date | None = None


@dataclass(frozen=True, slots=True)
class HoursEntry(Record):
    KIND: ClassVar[str] = "hours"
    LABEL: ClassVar[str] = N_("Hours worked")
    day: dt.date = dt.date(2000, 1, 1)
    start: str = ""  # "08:00"
    end: str = ""  # "17:30"; may be past midnight ("02:00")
    break_minutes: int = 0
    holiday: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Reminder(Record):
    KIND: ClassVar[str] = "reminder"
    LABEL: ClassVar[str] = N_("Reminder")
    kind: str = "custom"
    due: dt.date = dt.date(2000, 1, 1)
    title: str = ""
    done: bool = False


@dataclass(frozen=True, slots=True)
class Attachment(Record):
    """Metadata of a file kept inside the vault; its bytes are streamed separately."""

    KIND: ClassVar[str] = "attachment"
    LABEL: ClassVar[str] = N_("Attachment")
    owner_kind: str = "incident"
    owner_id: int = 0
    name: str = ""
    media_type: str = "application/octet-stream"
    size: int = 0
    sha256: str = ""
    captured: dt.date | None = None
    notes: str = ""


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Profile, Contract, Payslip, Loan, Repayment, Remittance, RecruitmentFee, Incident, HoursEntry, Reminder,
        Attachment,
    )
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is entering records now: the trainee, or a named support worker."""

    kind: str = "trainee"
    name: str = ""
    organisation: str = ""

    def label(self) -> str:
        if self.kind == "support":
            return f"{self.name} ({self.organisation})" if self.organisation else self.name
        return self.name or "trainee"
