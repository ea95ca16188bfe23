"""Payslips checked against the minimum wage and the contract, month by month (for the PDFs).

Maps the vault's `Payslip` and `Contract` records onto `core.wage_checks.PayslipFigures` and
`PromisedTerms` as that module's notes prescribe; nothing is computed here that the core does
not already define.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from handbook_app.core.minimum_wage import MinimumWage, minimum_wage_lookup
from handbook_app.core.records import Contract, Payslip
from handbook_app.core.wage_checks import Finding, PayslipFigures, PromisedTerms, Severity, check_payslip


@dataclass(frozen=True)
class MonthCheck:
    payslip: Payslip
    contract: Contract | None
    findings: tuple[Finding, ...]
    minimum: MinimumWage | None
    base_hourly: Decimal | None

    @property
    def shortfall(self) -> int:
        return sum(f.shortfall_yen for f in self.findings)

    @property
    def flagged(self) -> bool:
        return any(f.severity is Severity.SHORTFALL for f in self.findings)


def contract_for(payslip: Payslip, contracts: Sequence[Contract]) -> Contract | None:
    """The payslip's own contract, else the one whose period covers the month, else none."""
    if payslip.contract_id is not None:
        for c in contracts:
            if c.id == payslip.contract_id:
                return c
    for c in contracts:
        if (c.start is None or c.start <= payslip.month) and (c.end is None or payslip.month <= c.end):
            return c
    return None


def _yen(money) -> int:
    return money.minor if money.currency == "JPY" else 0


def figures(payslip: Payslip, contract: Contract | None) -> PayslipFigures:
    prefecture = contract.prefecture if contract is not None and contract.prefecture else 0
    return PayslipFigures(
        month=payslip.month.replace(day=1), prefecture=prefecture,
        regular_hours=payslip.regular_hours, overtime_hours=payslip.overtime_hours,
        late_night_hours=payslip.late_night_hours, holiday_hours=payslip.holiday_hours,
        base_pay=_yen(payslip.base_pay), overtime_pay=_yen(payslip.overtime_pay),
        late_night_pay=_yen(payslip.late_night_pay), holiday_pay=_yen(payslip.holiday_pay),
        other_pay=_yen(payslip.other_pay), gross=_yen(payslip.gross),
        deductions=dict(payslip.deductions), net=_yen(payslip.net),
    )


def promised(contract: Contract | None) -> PromisedTerms | None:
    if contract is None or contract.wage.currency != "JPY" or contract.wage.minor <= 0:
        return None
    return PromisedTerms(
        wage_kind=contract.wage_kind if contract.wage_kind in ("hourly", "monthly") else "hourly",
        wage_yen=contract.wage.minor,
        housing=_yen(contract.housing), utilities=_yen(contract.utilities), meals=_yen(contract.meals),
        other=_yen(contract.other_deductions),
        scheduled_hours_per_month=contract.hours_per_month or None,
    )


def check_months(payslips: Iterable[Payslip], contracts: Sequence[Contract]) -> list[MonthCheck]:
    out = []
    for slip in sorted(payslips, key=lambda p: (p.month, p.id or 0)):
        contract = contract_for(slip, contracts)
        figs = figures(slip, contract)
        terms = promised(contract)
        found = tuple(check_payslip(figs, terms))
        lookup = minimum_wage_lookup(figs.prefecture, figs.month) if figs.prefecture else None
        divisor = figs.regular_hours
        if terms is not None and terms.wage_kind == "monthly" and terms.scheduled_hours_per_month:
            divisor = terms.scheduled_hours_per_month
        hourly = Decimal(figs.base_pay) / divisor if divisor > 0 and figs.regular_hours > 0 else None
        out.append(MonthCheck(slip, contract, found, lookup.wage if lookup else None, hourly))
    return out


def period_of(checks: Sequence[MonthCheck]) -> tuple[dt.date, dt.date] | None:
    if not checks:
        return None
    return checks[0].payslip.month, checks[-1].payslip.month
