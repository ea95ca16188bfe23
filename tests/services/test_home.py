"""The home screen's figures, computed without Qt."""

from __future__ import annotations

import datetime as dt

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.services.home import home_summary, urgency


def test_reminders_from_contract_custom_and_loans(handbook):
    today = dt.date(2026, 11, 27)
    handbook.add(r.Contract(employer="Yamada", end=dt.date(2026, 12, 31), stay_expiry=dt.date(2027, 6, 1)))
    handbook.add(r.Reminder(title="Thẻ ngoại kiều", due=dt.date(2026, 12, 1)))
    handbook.add(r.Reminder(title="done already", due=dt.date(2026, 12, 2), done=True))
    loan = handbook.add(r.Loan(lender="Bác Hùng", principal=Money(50_000_000, "VND"), start=dt.date(2026, 1, 10),
                               term_months=10)).record
    handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2026, 3, 1), paid=Money(5_000_000, "VND")))
    handbook.add(r.Remittance(date=dt.date(2026, 5, 27), sent=Money(100_000, "JPY"), fee=Money(1_500, "JPY"),
                              received=Money(16_500_000, "VND")))
    handbook.add(r.Remittance(date=dt.date(2025, 5, 27), sent=Money(90_000, "JPY"), received=Money(1, "VND")))
    handbook.add(r.Incident(title="a", status="open"))
    handbook.add(r.Incident(title="b", status="resolved"))
    s = home_summary(handbook, today)
    kinds = [(item.kind, item.due) for item in s.reminders]
    assert ("custom", dt.date(2026, 12, 1)) in kinds
    assert ("contract_end", dt.date(2026, 12, 31)) in kinds
    assert all(k != "stay_expiry" for k, _d in kinds)  # more than 90 days away
    assert all(item.title != "done already" for item in s.reminders)
    assert any(item.kind == "loan_due" and item.title == "Bác Hùng" for item in s.reminders)
    assert s.reminders == sorted(s.reminders, key=lambda i: (i.due, i.kind))
    assert s.debt_remaining == [Money(45_000_000, "VND")]
    assert s.sent_this_year == [Money(100_000, "JPY")]
    assert s.received_this_year == [Money(16_500_000, "VND")]
    assert s.open_incidents == 1


def test_urgency_levels():
    assert [urgency(d) for d in (90, 31, 30, 8, 7, 0, -3)] == [0, 0, 1, 1, 2, 2, 2]
