"""What the home screen shows, computed from one open vault (no Qt, no formatting).

Reminders come from three places: contract dates (period-of-stay expiry and contract end, shown
from 90 days ahead), the user's own Reminder records, and the next due date of each loan.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.services.handbook import Handbook

WARN_DAYS = (90, 30, 7)  # contract dates appear 90 days ahead; 30 and 7 days make them more urgent
CUSTOM_AHEAD_DAYS = 90
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


def urgency(days_left: int) -> int:
    if days_left <= WARN_DAYS[2]:
        return 2
    if days_left <= WARN_DAYS[1]:
        return 1
    return 0


def _item(due: dt.date, kind: str, title: str, today: dt.date, source: r.Record, amount: Money | None = None):
    days = (due - today).days
    return ReminderItem(due, kind, title, days, urgency(days), source.KIND, source.id, amount)


def reminders(handbook: Handbook, today: dt.date) -> list[ReminderItem]:
    items: list[ReminderItem] = []
    for contract in handbook.records(r.Contract):
        for kind, due in (("stay_expiry", contract.stay_expiry), ("contract_end", contract.end)):
            if due is not None and -30 <= (due - today).days <= WARN_DAYS[0]:
                items.append(_item(due, kind, contract.employer, today, contract))
    for reminder in handbook.records(r.Reminder):
        if not reminder.done and (reminder.due - today).days <= CUSTOM_AHEAD_DAYS:
            items.append(_item(reminder.due, reminder.kind, reminder.title, today, reminder))
    items.extend(_loan_reminders(handbook, today))
    items.sort(key=lambda item: (item.due, item.kind))
    return items


def _repayments_by_loan(handbook: Handbook) -> dict[int, list[r.Repayment]]:
    by_loan: dict[int, list[r.Repayment]] = defaultdict(list)
    for rep in handbook.records(r.Repayment, order="date"):
        by_loan[rep.loan_id].append(rep)
    return by_loan


def _loan_reminders(handbook: Handbook, today: dt.date) -> list[ReminderItem]:
    try:
        from handbook_app.core.loans import next_due
    except ImportError:  # the debt calculations are optional for the home screen
        return []
    out = []
    by_loan = _repayments_by_loan(handbook)
    for loan in handbook.records(r.Loan):
        try:
            due = next_due(loan, by_loan.get(loan.id, []), today)
        except (ValueError, ArithmeticError):
            continue
        if due is not None and (due.date - today).days <= 45:
            out.append(_item(due.date, "loan_due", loan.lender, today, loan, due.amount))
    return out


def debt_remaining(handbook: Handbook, today: dt.date) -> list[Money]:
    """What is still owed on all loans, one amount per currency (interest included where the model has it)."""
    totals: dict[str, int] = defaultdict(int)
    by_loan = _repayments_by_loan(handbook)
    try:
        from handbook_app.core.loans import loan_state
    except ImportError:
        loan_state = None
    for loan in handbook.records(r.Loan):
        reps = by_loan.get(loan.id, [])
        if loan_state is not None:
            try:
                balance = loan_state(loan, reps, today).balance.minor
            except (ValueError, ArithmeticError):
                balance = _plain_balance(loan, reps)
        else:
            balance = _plain_balance(loan, reps)
        totals[loan.principal.currency] += max(0, balance)
    return _as_money(totals)


def _plain_balance(loan: r.Loan, reps: list[r.Repayment]) -> int:
    paid = 0
    for rep in reps:
        if rep.paid.currency == loan.principal.currency:
            paid += rep.paid.minor
        elif rep.rate is not None:
            paid += rep.paid.convert(rep.rate, loan.principal.currency).minor
    return loan.principal.minor - paid


def _as_money(totals: dict[str, int]) -> list[Money]:
    return [Money(v, c) for c, v in sorted(totals.items(), key=lambda kv: (-abs(kv[1]), kv[0])) if v]


def sent_home(handbook: Handbook, year: int) -> tuple[list[Money], list[Money], list[Money]]:
    """(sent, received, fees) per currency for remittances dated in `year`."""
    sent: dict[str, int] = defaultdict(int)
    received: dict[str, int] = defaultdict(int)
    fees: dict[str, int] = defaultdict(int)
    for rem in handbook.records(r.Remittance, order="date"):
        if rem.date.year != year:
            continue
        sent[rem.sent.currency] += rem.sent.minor
        received[rem.received.currency] += rem.received.minor
        fees[rem.fee.currency] += rem.fee.minor
    return _as_money(sent), _as_money(received), _as_money(fees)


def open_incidents(handbook: Handbook) -> int:
    return sum(1 for incident in handbook.records(r.Incident) if incident.status in OPEN_STATUSES)


def home_summary(handbook: Handbook, today: dt.date | None = None) -> HomeSummary:
    today = today or dt.date.today()
    sent, received, fees = sent_home(handbook, today.year)
    return HomeSummary(
        today=today,
        reminders=reminders(handbook, today),
        debt_remaining=debt_remaining(handbook, today),
        sent_this_year=sent,
        received_this_year=received,
        fees_this_year=fees,
        open_incidents=open_incidents(handbook),
        loans=handbook.count(r.Loan),
    )
