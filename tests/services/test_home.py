"""The home screen's figures, computed without Qt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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


def test_wage_card_counts_months_not_checked_apart(handbook):
    # Aichi, ¥1,100 an hour, 160 h a month paid 176,000. November 2025 (table rate 1,140): 160 × 40 = 6,400 short.
    # November 2026 (after the table): at least 6,400 against the last known 1,140. A month of a contract with
    # no prefecture: not checked at all.
    c = handbook.add(r.Contract(employer="Yamada", prefecture=23, wage=Money(1100, "JPY"),
                                start=dt.date(2025, 1, 1))).record
    other = handbook.add(r.Contract(employer="Other", wage=Money(1100, "JPY"), start=dt.date(2027, 1, 1))).record
    for month, contract in ((dt.date(2025, 11, 1), c), (dt.date(2026, 11, 1), c), (dt.date(2027, 1, 1), other)):
        handbook.add(r.Payslip(month=month, contract_id=contract.id, regular_hours=160,
                               base_pay=Money(176_000, "JPY"), gross=Money(176_000, "JPY"), net=Money(176_000, "JPY")))
    wages = home_summary(handbook, dt.date(2027, 2, 1)).wages
    assert (wages.checked_months, wages.lower_bound_months, wages.not_checked_months) == (1, 1, 1)
    assert (wages.checked_yen, wages.lower_bound_yen, wages.total_yen) == (6_400, 6_400, 12_800)
    assert wages.is_lower_bound and wages.by_category["minimum_wage"] == 12_800


def test_no_payslip_means_no_wage_figure(handbook):
    assert home_summary(handbook, dt.date(2026, 1, 1)).wages is None


def test_home_shows_the_agreed_instalment_and_the_debt_trap(handbook):
    # 180,000,000 VND at 1 % a month on the declining balance, 8,000,000 agreed a month; a contract ending in
    # six weeks: at the pace of recent months (8 M) the loan is not paid off by then → debt trap.
    today = dt.date(2026, 11, 20)
    handbook.add(r.Contract(employer="Yamada", end=dt.date(2026, 12, 31)))
    loan = handbook.add(r.Loan(lender="Công ty XKLĐ Hà Nội", principal=Money(180_000_000, "VND"),
                               start=dt.date(2026, 6, 10), interest_model="declining",
                               monthly_rate=Decimal("0.01"),
                               instalment=Money(8_000_000, "VND"))).record
    for month in range(7, 12):
        handbook.add(r.Repayment(loan_id=loan.id, date=dt.date(2026, month, 10), paid=Money(8_000_000, "VND")))
    s = home_summary(handbook, today)
    due = next(item for item in s.reminders if item.kind == "loan_due")
    assert due.amount == Money(8_000_000, "VND")  # before: the month's interest only (about 1.5 M)
    assert s.debt_trap == ["Công ty XKLĐ Hà Nội"] and s.deadline == dt.date(2026, 12, 31)
