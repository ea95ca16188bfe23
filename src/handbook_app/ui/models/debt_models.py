"""Table models for Debts: loans, repayments, recruitment fees."""

from __future__ import annotations

from PySide6.QtCore import Qt

from handbook_app.core import records as r
from handbook_app.i18n import N_
from handbook_app.ui.models.record_model import (
    Column,
    RecordTableModel,
    choice,
    date,
    money,
    money_key,
    number,
    yes_no,
)


def loan_label(loan: r.Loan) -> str:
    return f"{loan.lender} — {money(loan.principal)}" if loan.lender else money(loan.principal)


class LoanModel(RecordTableModel):
    RECORD_TYPE = r.Loan
    LENDER, LENDER_KIND, PRINCIPAL, START, INTEREST, RATE, PURPOSE = range(7)
    COLUMNS = (
        Column(N_("Lender"), lambda x, lk: x.lender),
        Column(N_("Kind of lender"), lambda x, lk: choice(r.LENDER_KINDS, x.lender_kind)),
        Column(N_("Amount borrowed"), lambda x, lk: money(x.principal), lambda x: money_key(x.principal), True),
        Column(N_("Start"), lambda x, lk: date(x.start), lambda x: x.start),
        Column(N_("Interest"), lambda x, lk: choice(r.INTEREST_MODELS, x.interest_model)),
        Column(N_("% per month"), lambda x, lk: number(x.monthly_rate * 100) if x.monthly_rate else "",
               lambda x: x.monthly_rate, True),
        Column(N_("Purpose"), lambda x, lk: x.purpose),
    )


class RepaymentModel(RecordTableModel):
    RECORD_TYPE = r.Repayment
    DATE, LOAN, PAID, RATE, NOTES = range(5)
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Date"), lambda x, lk: date(x.date), lambda x: x.date),
        Column(N_("Loan"), lambda x, lk: lk.get("loan", {}).get(x.loan_id, f"#{x.loan_id}")),
        Column(N_("Paid"), lambda x, lk: money(x.paid), lambda x: money_key(x.paid), True),
        Column(N_("Exchange rate"), lambda x, lk: number(x.rate), lambda x: x.rate, True),
        Column(N_("Notes"), lambda x, lk: x.notes),
    )


class RecruitmentFeeModel(RecordTableModel):
    RECORD_TYPE = r.RecruitmentFee
    DATE, ITEM, AMOUNT, PAID_TO, RECEIPT, LOAN = range(6)
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)  # newest first
    COLUMNS = (
        Column(N_("Date"), lambda x, lk: date(x.date), lambda x: x.date),
        Column(N_("What for"), lambda x, lk: choice(r.FEE_ITEMS, x.item)),
        Column(N_("Amount"), lambda x, lk: money(x.amount), lambda x: money_key(x.amount), True),
        Column(N_("Paid to"), lambda x, lk: x.paid_to),
        Column(N_("Receipt"), lambda x, lk: yes_no(x.receipt)),
        Column(N_("Paid with loan"), lambda x, lk: lk.get("loan", {}).get(x.loan_id, "") if x.loan_id else ""),
    )
