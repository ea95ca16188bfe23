"""The transaction lists behind the pack's figures, as CSV files embedded in the PDF.

A lawyer recomputes every total from these: one row per payslip, repayment, remittance and fee,
with ISO dates and amounts in minor units plus the currency (no locale, no rounding). UTF-8 with a
byte-order mark so spreadsheet programs on Windows read Vietnamese and Japanese correctly.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Sequence

from handbook_app.reports.model import VaultData


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def transaction_files(data: VaultData, in_range) -> list[tuple[str, bytes, str]]:
    """(file name, bytes, description) for each non-empty list."""
    out: list[tuple[str, bytes, str]] = []
    if data.payslips:
        keys = sorted({k for p in data.payslips for k in p.deductions})
        out.append(("payslips.csv", _csv(
            ["id", "month", "regular_hours", "overtime_hours", "late_night_hours", "holiday_hours", "currency",
             "base_pay", "overtime_pay", "late_night_pay", "holiday_pay", "other_pay", "gross", "net"]
            + [f"deduction_{k}" for k in keys],
            ([p.id, p.month.isoformat()[:7], p.regular_hours, p.overtime_hours, p.late_night_hours, p.holiday_hours,
              p.gross.currency, p.base_pay.minor, p.overtime_pay.minor, p.late_night_pay.minor, p.holiday_pay.minor,
              p.other_pay.minor, p.gross.minor, p.net.minor] + [p.deductions.get(k, "") for k in keys]
             for p in data.payslips)), "Payslips"))
    loans = {x.id: x for x in data.loans}
    if loans:  # the terms every balance, interest figure and payoff date is computed from
        out.append(("loans.csv", _csv(
            ["id", "lender_kind", "lender", "purpose", "start", "currency", "principal_minor", "interest_model",
             "monthly_rate", "term_months", "instalment_minor", "schedule", "guarantor", "collateral"],
            ([x.id, x.lender_kind, x.lender, x.purpose, x.start.isoformat(), x.principal.currency, x.principal.minor,
              x.interest_model, x.monthly_rate, x.term_months, x.instalment.minor,
              " ".join(f"{day}={minor}" for day, minor in x.schedule), x.guarantor, x.collateral]
             for x in data.loans)), "Loans"))
    # every repayment of the pack's loans, also those outside a chosen period ("since the loan began" needs them)
    reps = [x for x in data.repayments if x.loan_id in loans]
    if reps:
        out.append(("repayments.csv", _csv(
            ["id", "loan_id", "lender", "date", "currency", "paid_minor", "rate_to_loan_currency", "in_period",
             "notes"],
            ([x.id, x.loan_id, loans[x.loan_id].lender, x.date.isoformat(), x.paid.currency, x.paid.minor,
              getattr(x, "rate", "") or "", "yes" if in_range(x.date) else "no", x.notes] for x in reps)),
            "Loan repayments"))
    if data.remittances:
        out.append(("remittances.csv", _csv(
            ["id", "date", "sent_currency", "sent_minor", "fee_currency", "fee_minor", "received_currency",
             "received_minor", "channel", "provider"],
            ([x.id, x.date.isoformat(), x.sent.currency, x.sent.minor, x.fee.currency, x.fee.minor,
              x.received.currency, x.received.minor, x.channel, x.provider] for x in data.remittances)),
            "Money sent home"))
    if data.fees:
        out.append(("recruitment-fees.csv", _csv(
            ["id", "date", "item", "currency", "amount_minor", "paid_to", "receipt"],
            ([x.id, x.date.isoformat() if x.date else "", x.item, x.amount.currency, x.amount.minor, x.paid_to,
              "yes" if x.receipt else "no"] for x in data.fees)), "Recruitment fees"))
    return out


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
