"""What the home screen shows, computed from one open vault (no Qt; formatting only for lender names).

Reminders come from three places: contract dates (period-of-stay expiry and contract end, shown
from 90 days ahead), the user's own Reminder records, and the next due date of each loan.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.i18n.formatting import format_money
from handbook_app.reports.wages import WageSummary
from handbook_app.services.debts import DebtOverview, debt_overview, debt_screen
from handbook_app.services.handbook import Handbook
from handbook_app.services.work import review_payslips, wage_summary

WARN_DAYS = (90, 30, 7)  # contract dates appear 90 days ahead; 30 and 7 days make them more urgent
CUSTOM_AHEAD_DAYS = 90
LOAN_AHEAD_DAYS = 45
OPEN_STATUSES = ("open", "reported")


@dataclass(frozen=True)
class ReminderItem:
    due: dt.date
    kind: str  # a key of core.records.REMINDER_KINDS
    title: str  # free text (custom reminders, lender, employer); may be empty
    days_left: int  # negative when overdue
    urgency: int  # 0 = within 90 days, 1 = within 30, 2 = within 7 or overdue
    source_kind: str  # record kind it came from
    source_id: int | None
    amount: Money | None = None


@dataclass(frozen=True)
class HomeSummary:
    today: dt.date
    reminders: list[ReminderItem] = field(default_factory=list)
    debt_remaining: list[Money] = field(default_factory=list)  # one per currency, largest first
    sent_this_year: list[Money] = field(default_factory=list)  # per currency sent (normally JPY)
    received_this_year: list[Money] = field(default_factory=list)  # per currency received (normally VND)
    fees_this_year: list[Money] = field(default_factory=list)
    open_incidents: int = 0
    loans: int = 0
    # The wage card: estimated unpaid wages over every payslip, months not fully checked counted apart
    # (None when no payslip is recorded). See reports.wages.WageSummary.
    wages: WageSummary | None = None
    # The debt-trap warning: loans that, at the pace of recent months, are not paid off before the contract
    # or period of stay ends (their lender names, or principal when unnamed), and that end date.
    debt_trap: list[str] = field(default_factory=list)
    deadline: dt.date | None = None


def urgency(days_left: int) -> int:
    if days_left <= WARN_DAYS[2]:
        return 2
    if days_left <= WARN_DAYS[1]:
        return 1
    return 0


def _item(due: dt.date, kind: str, title: str, today: dt.date, source: r.Record, amount: Money | None = None):
    days = (due - today).days
    return ReminderItem(due, kind, title, days, urgency(days), source.KIND, source.id, amount)


def reminders(handbook: Handbook, today: dt.date, overview: DebtOverview | None = None) -> list[ReminderItem]:
    items: list[ReminderItem] = []
    for contract in handbook.records(r.Contract):
        for kind, due in (("stay_expiry", contract.stay_expiry), ("contract_end", contract.end)):
            if due is not None and -30 <= (due - today).days <= WARN_DAYS[0]:
                items.append(_item(due, kind, contract.employer, today, contract))
    for reminder in handbook.records(r.Reminder):
        if not reminder.done and (reminder.due - today).days <= CUSTOM_AHEAD_DAYS:
            items.append(_item(reminder.due, reminder.kind, reminder.title, today, reminder))
    overview = overview or debt_overview(handbook, today)
    for view in overview.loans:
        due = view.next_due
        if due is not None and (due.date - today).days <= LOAN_AHEAD_DAYS:
            items.append(_item(due.date, "loan_due", view.loan.lender, today, view.loan, due.amount))
    items.sort(key=lambda item: (item.due, item.kind))
    return items


def debt_remaining(handbook: Handbook, today: dt.date, overview: DebtOverview | None = None) -> list[Money]:
    """What is still owed on all loans, one amount per currency (interest included where the model has it)."""
    overview = overview or debt_overview(handbook, today)
    return _as_money({cur: m.minor for cur, m in overview.remaining.items()})


def _as_money(totals: dict[str, int]) -> list[Money]:
    return [Money(v, c) for c, v in sorted(totals.items(), key=lambda kv: (-abs(kv[1]), kv[0])) if v]


def sent_home(handbook: Handbook, year: int) -> tuple[list[Money], list[Money], list[Money]]:
    """(sent, received, fees) per currency for remittances dated in `year`."""
    sent: dict[str, int] = defaultdict(int)
    received: dict[str, int] = defaultdict(int)
    fees: dict[str, int] = defaultdict(int)
    for rem in handbook.records_between(r.Remittance, "date", f"{year:04d}-01-01", f"{year:04d}-12-31"):
        sent[rem.sent.currency] += rem.sent.minor
        received[rem.received.currency] += rem.received.minor
        fees[rem.fee.currency] += rem.fee.minor
    return _as_money(sent), _as_money(received), _as_money(fees)


def open_incidents(handbook: Handbook) -> int:
    return handbook.count_in(r.Incident, "status", OPEN_STATUSES)


def wage_card(handbook: Handbook) -> WageSummary | None:
    """Estimated unpaid wages so far (every payslip), or None when there is no payslip."""
    reviews = review_payslips(handbook)
    return wage_summary(reviews) if reviews else None


def home_summary(handbook: Handbook, today: dt.date | None = None) -> HomeSummary:
    today = today or dt.date.today()
    sent, received, fees = sent_home(handbook, today.year)
    screen = debt_screen(handbook, today, with_charts=False)
    overview = screen.overview
    trapped = [o.view.loan.lender or format_money(o.view.loan.principal.minor, o.view.loan.principal.currency)
               for o in screen.debt_trap]
    return HomeSummary(
        today=today,
        reminders=reminders(handbook, today, overview),
        debt_remaining=debt_remaining(handbook, today, overview),
        sent_this_year=sent,
        received_this_year=received,
        fees_this_year=fees,
        open_incidents=open_incidents(handbook),
        loans=handbook.count(r.Loan),
        wages=wage_card(handbook),
        debt_trap=trapped,
        deadline=overview.deadline,
    )
