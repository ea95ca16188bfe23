"""Which fields each record kind's add/edit dialog shows, in order, with their inputs.

Labels are English message ids (translated where shown); field names are the record's attributes,
so validation problems (core.validation: field + message) land beside the right input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook_app.core import records as r
from handbook_app.i18n import LANGUAGE_NAMES, N_


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str  # text, multiline, money, date, date_opt, month, decimal, decimal_opt, percent, int, int_opt,
    #            bool, choice, choice_opt, ref, ref_opt, clock, deductions, schedule, prefecture, language(_opt),
    #            month_opt, languages (check boxes, stored as "vi,ja")
    options: dict = field(default_factory=dict)
    # Shown only while another field (a choice) has one of these values, e.g. the interest rate only for
    # interest models that charge interest: {"interest_model": ("flat", "declining")}. While hidden, what was
    # typed stays in the input, and the record is saved with the field empty (its default).
    only_when: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _money(name: str, label: str) -> Field:
    return Field(name, label, "money")


def _yen(name: str, label: str) -> Field:
    """Money that is always in yen (a Japanese contract or payslip): no currency to choose."""
    return Field(name, label, "money", {"currency": "JPY"})


FORMS: dict[type[r.Record], tuple[Field, ...]] = {
    r.Profile: (
        Field("display_name", N_("Name to greet you with"), "text"),
        Field("full_name", N_("Full name (as in the passport)"), "text"),
        Field("birth_date", N_("Date of birth"), "date_opt"),
        Field("home_province", N_("Home province"), "text"),
        Field("languages", N_("Languages"), "languages"),
        Field("phone", N_("Phone"), "text"),
        Field("notes", N_("Notes"), "multiline"),
    ),
    r.Contract: (
        Field("employer", N_("Employer (implementing organisation)"), "text"),
        Field("employer_address", N_("Employer's address"), "text"),
        Field("supervising_org", N_("Supervising organisation"), "text"),
        Field("sending_org", N_("Sending organisation"), "text"),
        Field("job_category", N_("Job"), "text"),
        Field("prefecture", N_("Prefecture"), "prefecture"),
        Field("start", N_("Start"), "date_opt"),
        Field("end", N_("End"), "date_opt"),
        Field("residence_status", N_("Residence status"), "text"),
        Field("stay_expiry", N_("Period of stay ends"), "date_opt"),
        Field("wage_kind", N_("Wage paid"), "choice", {"choices": r.WAGE_KINDS}),
        _yen("wage", N_("Promised wage")),
        _yen("housing", N_("Housing deduction")),
        _yen("utilities", N_("Utilities deduction")),
        _yen("meals", N_("Meals deduction")),
        _yen("other_deductions", N_("Other deductions")),
        # The Minimum Wage Act's basis of the average scheduled hours; the dialog computes the month from them.
        Field("hours_per_month", N_("Average scheduled hours a month"), "decimal"),
        Field("hours_per_day", N_("Scheduled hours a day"), "decimal"),
        Field("days_per_year", N_("Scheduled working days a year"), "decimal"),
        _yen("typed_minimum", N_("Minimum wage you saw (yen an hour)")),
        Field("typed_minimum_seen", N_("Where you saw it (e.g. the poster at your workplace)"), "text"),
        Field("typed_minimum_from", N_("In force from"), "date_opt"),
        _yen("industry_minimum", N_("Industry minimum wage (特定最低賃金), yen an hour")),
        Field("industry_minimum_name", N_("Industry minimum wage: its name"), "text"),
        Field("industry_minimum_from", N_("Industry minimum wage in force from"), "date_opt"),
        Field("notes", N_("Notes"), "multiline"),
    ),
    r.Payslip: (
        Field("month", N_("Month paid for"), "month"),
        Field("contract_id", N_("Contract"), "ref_opt", {"kind": "contract"}),
        Field("regular_hours", N_("Regular hours"), "decimal"),
        Field("overtime_hours", N_("Overtime hours"), "decimal"),
        Field("late_night_hours", N_("Late-night hours"), "decimal"),
        Field("holiday_hours", N_("Holiday hours"), "decimal"),
        _yen("base_pay", N_("Base pay")),
        _yen("overtime_pay", N_("Overtime pay")),
        _yen("late_night_pay", N_("Late-night pay")),
        _yen("holiday_pay", N_("Holiday pay")),
        _yen("other_pay", N_("Other pay")),
        _yen("gross", N_("Gross pay")),
        Field("deductions", N_("Deductions (yen)"), "deductions", {"choices": r.DEDUCTION_KEYS}),
        _yen("net", N_("Net pay")),
        Field("paid_on", N_("Paid on"), "date_opt"),
        # Lines many payslips have, below the common ones so those fit a small screen: overtime at night paid on
        # one combined line (深夜残業), and allowance lines by kind (part of the gross beside "Other pay"): each
        # kind is in the premium base or excluded by law, as its label says.
        Field("night_overtime_hours", N_("Night overtime hours (1 line)"), "decimal"),
        _yen("night_overtime_pay", N_("Night overtime pay (1 line)")),
        Field("allowances", N_("Allowances (yen)"), "deductions", {"choices": r.ALLOWANCE_KINDS}),
        Field("notes", N_("Notes"), "multiline"),
    ),
    r.HoursEntry: (
        Field("day", N_("Day"), "date"),
        Field("start", N_("Start time"), "clock"),
        Field("end", N_("End time"), "clock"),
        Field("break_minutes", N_("Break (minutes)"), "int"),
        Field("holiday", N_("Holiday work"), "bool"),
        Field("notes", N_("Notes"), "multiline"),
    ),
    r.Loan: (
        Field("lender_kind", N_("Kind of lender"), "choice", {"choices": r.LENDER_KINDS}),
        Field("lender", N_("Lender"), "text"),
        Field("purpose", N_("Purpose"), "text"),
        _money("principal", N_("Amount borrowed")),
        Field("start", N_("Start"), "date"),
        Field("interest_model", N_("Interest"), "choice", {"choices": r.INTEREST_MODELS}),
        Field("monthly_rate", N_("Interest % per month"), "percent",
              only_when={"interest_model": ("flat", "declining")}),
        # The term sets the monthly instalment of every model but a fixed schedule (core.loans.next_due).
        Field("term_months", N_("Term (months)"), "int_opt", only_when={"interest_model": ("none", "flat", "declining")}),
        # The agreed instalment beats any computed one for "due" on Home (core.loans.next_due).
        Field("instalment", N_("Agreed monthly instalment"), "money", {"currency_of": "principal"},
              only_when={"interest_model": ("none", "flat", "declining")}),
        Field("schedule", N_("Payment schedule"), "schedule", {"currency_of": "principal"},
              only_when={"interest_model": ("schedule",)}),
        Field("guarantor", N_("Guarantor"), "text"),
        Field("collateral", N_("Collateral"), "text"),
        Field("notes", N_("Notes"), "multiline"),
    ),
    r.Repayment: (
        Field("loan_id", N_("Loan"), "ref", {"kind": "loan"}),
        Field("date", N_("Date"), "date"),
        _money("paid", N_("Paid")),
        Field("rate", N_("Exchange rate (loan currency per unit paid)"), "decimal_opt"),
        Field("remittance_id", N_("Sent with remittance"), "ref_opt", {"kind": "remittance"}),
        Field("notes", N_("Notes"), "multiline"),
    ),
    r.RecruitmentFee: (
        Field("date", N_("Date"), "date_opt"),
        Field("item", N_("What for"), "choice", {"choices": r.FEE_ITEMS}),
        _money("amount", N_("Amount")),
        Field("paid_to", N_("Paid to"), "text"),
        Field("receipt", N_("Have a receipt"), "bool"),
        Field("loan_id", N_("Paid with loan"), "ref_opt", {"kind": "loan"}),
        Field("notes", N_("Notes"), "multiline"),
    ),
    r.Remittance: (
        Field("date", N_("Date"), "date"),
        _money("sent", N_("Sent")),
        _money("fee", N_("Fee")),
        _money("received", N_("Received")),
        Field("channel", N_("How"), "choice", {"choices": r.CHANNELS}),
        Field("provider", N_("Provider"), "text"),
        Field("recipient", N_("Recipient"), "text"),
        Field("purpose", N_("Purpose"), "text"),
        Field("notes", N_("Notes"), "multiline"),
    ),
    r.Incident: (
        Field("started", N_("When it started"), "date"),
        Field("ended", N_("When it ended"), "date_opt"),
        Field("category", N_("Category"), "choice", {"choices": r.INCIDENT_CATEGORIES}),
        Field("status", N_("Status"), "choice", {"choices": r.INCIDENT_STATUSES}),
        Field("title", N_("Short title"), "text"),
        Field("place", N_("Where"), "text"),
        Field("people", N_("People involved"), "text"),
        Field("witnesses", N_("Witnesses"), "text"),
        Field("description", N_("What happened"), "multiline", {"lines": 5}),
        Field("description_lang", N_("Written in"), "language"),
        Field("translation", N_("Translation"), "multiline"),
        Field("translation_lang", N_("Translation language"), "language_opt"),
        Field("actions", N_("What was done about it"), "multiline"),
        Field("outcome", N_("Outcome"), "multiline"),
        Field("contract_id", N_("Contract"), "ref_opt", {"kind": "contract"}),
        Field("loan_id", N_("Debt it concerns"), "ref_opt", {"kind": "loan"}),
        Field("payslip_month", N_("Payslip month it concerns"), "month_opt"),
    ),
    r.Reminder: (
        Field("title", N_("Reminder"), "text"),
        Field("due", N_("Due"), "date"),
        Field("kind", N_("Kind"), "choice", {"choices": r.REMINDER_KINDS}),
        Field("done", N_("Done"), "bool"),
    ),
}

LANGUAGES = {code: name for code, name in LANGUAGE_NAMES.items()}

# Titles of the add/edit dialogs per kind.
NEW_TITLES = {
    r.Profile: N_("My details"),
    r.Contract: N_("New contract"), r.Payslip: N_("New payslip"), r.HoursEntry: N_("New hours entry"),
    r.Loan: N_("New loan"), r.Repayment: N_("New repayment"), r.RecruitmentFee: N_("New recruitment fee"),
    r.Remittance: N_("New remittance"), r.Incident: N_("New incident"), r.Reminder: N_("New reminder"),
}
EDIT_TITLES = {
    r.Profile: N_("My details"),
    r.Contract: N_("Edit contract"), r.Payslip: N_("Edit payslip"), r.HoursEntry: N_("Edit hours entry"),
    r.Loan: N_("Edit loan"), r.Repayment: N_("Edit repayment"), r.RecruitmentFee: N_("Edit recruitment fee"),
    r.Remittance: N_("Edit remittance"), r.Incident: N_("Edit incident"), r.Reminder: N_("Edit reminder"),
}


def field_label(kind: str, name: str) -> str:
    """The English label of a stored column (for the history dialog); the name itself when unknown."""
    cls = r.RECORD_TYPES.get(kind)
    for f in FORMS.get(cls, ()):  # type: ignore[arg-type]
        if f.name == name:
            return f.label
    return name
