"""What a one-click "record …" form starts from: the loan, currency and month the user used last.

Read from the newest record of the kind (by id: the last one typed), never from settings, so nothing
about the records leaves the vault.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from handbook_app.core import records as r
from handbook_app.services.handbook import Handbook


def _newest(hb: Handbook, cls: type[r.Record]) -> Any | None:
    rows = hb.records(cls)
    return rows[-1] if rows else None


def repayment_start(hb: Handbook) -> dict[str, Any]:
    """The loan, currency (and its rate, when not the loan's) of the last repayment; else the only loan,
    in its own currency. The rate is a starting point the form shows beside its conversion."""
    last = _newest(hb, r.Repayment)
    if last is not None and hb.record(r.Loan, last.loan_id) is not None:
        start: dict[str, Any] = {"loan_id": last.loan_id, "currency": last.paid.currency}
        if last.rate is not None:
            start["rate"] = last.rate
        return start
    loans = hb.records(r.Loan)
    if len(loans) == 1:
        return {"loan_id": loans[0].id, "currency": loans[0].principal.currency}
    return {}


def remittance_start(hb: Handbook) -> dict[str, Any]:
    """Channel, provider, recipient and the currencies of the last remittance."""
    last = _newest(hb, r.Remittance)
    if last is None:
        return {}
    return {"channel": last.channel, "provider": last.provider, "recipient": last.recipient,
            "currency": last.sent.currency, "received_currency": last.received.currency}


def payslip_month(hb: Handbook, today: dt.date | None = None) -> dt.date:
    """The month after the newest payslip's (payslips come monthly), else last month."""
    today = today or dt.date.today()
    months = [p.month for p in hb.records(r.Payslip)]
    if months:
        newest = max(months)
        following = (newest.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        if following <= today:
            return following
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


PAY_LINES = ("base_pay", "overtime_pay", "late_night_pay", "holiday_pay", "other_pay")


def payslip_sums(pay: dict[str, int | None], gross: int | None, deductions: list[int],
                 net: int | None) -> dict[str, int | None]:
    """The payslip form's own arithmetic (yen): pay lines added up, gross less deductions, and how far
    each is from what was typed (None where nothing was typed to compare with)."""
    lines = sum(v for v in pay.values() if v)
    computed_net = (gross if gross is not None else lines) - sum(deductions)
    return {
        "pay_total": lines,
        "gross_gap": None if gross is None or not lines else gross - lines,
        "net_computed": computed_net,
        "net_gap": None if net is None or (gross is None and not lines) else net - computed_net,
    }
