"""The summary of findings: what the app already knows, one line each, pointing to the page with the detail.

Nothing is computed here that another module does not already compute: wage shortfalls come from
`core.wage_checks` (through `reports.wages`), fee limits from `core.fees`, payoff and the debt-trap
line from `services.debts` (gathered into `VaultData.loan_outlooks`). This module only groups them,
words them in both languages and says where the detail is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from handbook_app.core.money import Money
from handbook_app.core.wage_checks import Code
from handbook_app.i18n import N_
from handbook_app.reports import wages as wage_report
from handbook_app.reports.labels import Labels, Local
from handbook_app.reports.model import VaultData
from handbook_app.reports.wages import MonthCheck

# Shortfall categories (the order of the summary and of the shortfall statement's table).
CATEGORIES: dict[str, str] = {
    "minimum": N_("Below the minimum wage"),
    "contract": N_("Below the promised wage"),
    "overtime": N_("Overtime premium"),
    "late_night": N_("Late-night premium"),
    "holiday": N_("Holiday premium"),
    "deductions": N_("Deductions above the contract"),
}
CATEGORY_OF: dict[Code, str] = {
    Code.BELOW_MINIMUM_WAGE: "minimum",
    Code.BELOW_PROMISED_WAGE: "contract",
    Code.OVERTIME_UNDERPAID: "overtime",
    Code.LATE_NIGHT_UNDERPAID: "late_night",
    Code.HOLIDAY_UNDERPAID: "holiday",
    Code.DEDUCTION_ABOVE_PROMISE: "deductions",
}
# Months whose pay could not be (fully) checked: never counted as "no shortfall".
NOT_CHECKED_CODES = frozenset({Code.NO_MINIMUM_WAGE_DATA, Code.PREMIUMS_NOT_CHECKED})
# Overtime above this many hours in a month is above the general limit of a 36 agreement (45 h a month).
LONG_OVERTIME_HOURS = Decimal(45)

ROUNDING_RULE = N_("Rounding: the amount owed is the smallest total that any rounding the Ministry of Health, "
                   "Labour and Welfare allows gives (hourly rates and monthly premium totals rounded to the nearest "
                   "yen, 50 sen and above up); a minimum-wage shortfall is rounded up to a whole yen. A correctly "
                   "rounded payslip is never counted short.")
MID_MONTH_RULE = N_("When the minimum wage changes during a month, the lower, earlier rate is used for the whole "
                    "month, so the shortfall is never overstated; the hours from the change date were owed the new "
                    "rate.")


@dataclass
class SummaryLine:
    """One finding: a sentence per language (already formatted), the anchor of its detail, a severity."""

    texts: list[str]
    target: str
    severity: str = "shortfall"  # shortfall, warning, info
    details: list[list[str]] = field(default_factory=list)  # sub-lines, each per language


# The wage checks' own category names (when they give `shortfall_by_category`) → ours.
_CATEGORY_ALIASES = {"minimum_wage": "minimum"}


def month_checks(data: VaultData) -> list[MonthCheck]:
    """The wage checks for the pack's payslips, with the hours log when the wage checks take it."""
    import inspect

    hours = getattr(data, "hours", None)
    if hours is not None and len(inspect.signature(wage_report.check_months).parameters) > 2:
        return wage_report.check_months(data.payslips, data.contracts, hours)
    return wage_report.check_months(data.payslips, data.contracts)


def month_parts(m: MonthCheck) -> dict[str, int]:
    """The month's shortfall by category: the wage checks' own split when they give one, else by finding code."""
    parts = dict.fromkeys(CATEGORIES, 0)
    given = getattr(m, "shortfall_by_category", None)
    if isinstance(given, dict):
        for key, value in given.items():
            key = _CATEGORY_ALIASES.get(key, key)
            if key in parts:
                parts[key] += value
        return parts
    for f in m.findings:
        key = CATEGORY_OF.get(f.code)
        if key:
            parts[key] += f.shortfall_yen
    return parts


def category_sums(checks: Sequence[MonthCheck]) -> dict[str, int]:
    sums = dict.fromkeys(CATEGORIES, 0)
    for m in checks:
        for key, value in month_parts(m).items():
            sums[key] += value
    return sums


def not_checked(checks: Sequence[MonthCheck]) -> list[MonthCheck]:
    """Months the wage checks could not settle (no minimum-wage data, premiums not checked, or a status
    the wage checks mark as not checked)."""
    out = []
    for m in checks:
        status = getattr(m, "status", None)
        status = getattr(status, "value", status)
        if status in ("not_checked", "not-checked") or any(f.code in NOT_CHECKED_CODES for f in m.findings):
            out.append(m)
    return out


def lower_bound(checks: Sequence[MonthCheck]) -> list[MonthCheck]:
    """Months whose shortfall is only a lower bound (a status the wage checks may add)."""
    out = []
    for m in checks:
        status = getattr(m, "status", None)
        status = getattr(status, "value", status)
        if status in ("lower_bound", "lower-bound") or any(f.code is Code.MINIMUM_WAGE_CHANGED for f in m.findings):
            out.append(m)
    return out


def months_text(lab: Labels, months: Sequence[dt.date]) -> str:
    return ", ".join(lab.month(x) for x in months)


def wage_lines(lab: Labels, checks: Sequence[MonthCheck]) -> list[SummaryLine]:
    if not checks:
        return []
    total = sum(m.shortfall for m in checks)
    flagged = [m for m in checks if m.shortfall > 0]
    lines: list[SummaryLine] = []
    if total:
        sums = category_sums(checks)
        details = [lab.each(N_("{category}: {amount}"), category=lab.lword(CATEGORIES[key]), amount=lab.lyen(v))
                   for key, v in sums.items() if v]
        details.append(lab.each(ROUNDING_RULE))
        # a month not fully checked makes the total a floor, never a complete figure
        template = N_("Estimated unpaid wages: at least {amount} in {flagged} of {months} months with payslips.") \
            if not_checked(checks) or lower_bound(checks) else \
            N_("Estimated unpaid wages: {amount} in {flagged} of {months} months with payslips.")
        lines.append(SummaryLine(lab.each(template, amount=lab.lyen(total), flagged=len(flagged), months=len(checks)),
                                 "payslips", "shortfall", details))
    else:
        checked = len(checks) - len(not_checked(checks))
        if checked:
            lines.append(SummaryLine(lab.each(N_("No wage shortfall was found in the {months} months checked."),
                                              months=checked), "payslips", "info"))
    unchecked = not_checked(checks)
    if unchecked:
        lines.append(SummaryLine(lab.each(
            N_("Not checked (not counted above, not a clean result): {months}."),
            months=months_text(lab, [m.payslip.month for m in unchecked])), "payslips", "warning"))
    partial = lower_bound(checks)
    if partial:
        lines.append(SummaryLine(lab.each(N_("Lower bound only (the minimum wage changed during the month): "
                                             "{months}."), months=months_text(lab, [m.payslip.month for m in partial])),
                                 "payslips", "warning", [lab.each(MID_MONTH_RULE)]))
    long_months = [m.payslip.month for m in checks if m.payslip.overtime_hours > LONG_OVERTIME_HOURS]
    if long_months:
        worst = max(m.payslip.overtime_hours for m in checks)
        lines.append(SummaryLine(lab.each(
            N_("Very long overtime: more than {limit} hours in {count} months (up to {hours} hours), above the "
               "general limit of a 36 agreement: {months}."), limit=int(LONG_OVERTIME_HOURS), count=len(long_months),
            hours=lab.lnumber(worst, 1), months=months_text(lab, long_months)), "payslips", "warning"))
    return lines


def fee_lines(lab: Labels, data: VaultData) -> list[SummaryLine]:
    lines = []
    rate_note = []
    if data.fee_rate is not None:
        rate, day, currency = data.fee_rate
        rate_note = [lab.each(N_("Compared in {currency} at ¥1 = {rate} {currency}, the rate of the first money sent "
                                 "home ({date})."), currency=currency, rate=lab.lnumber(rate, 2),
                              date=lab.ldate(day))]
    banned = {f.amount for f in data.fee_findings if getattr(f, "level", "") == "banned"}
    for f in data.fee_findings:
        level = getattr(f, "level", "")
        if level == "banned" and f.amount is not None:
            lines.append(SummaryLine(lab.each(
                N_("A deposit or guarantee money of {amount} was taken before leaving: taking it from trainees is "
                   "not allowed."), amount=lab.lmoney(f.amount)), "fees", "shortfall"))
        elif level == "over" and f.amount is not None and f.limit is not None and f.excess is not None:
            lines.append(SummaryLine(lab.each(
                N_("Recruitment fees of {amount} were paid, {excess} above the legal limit of {limit}."),
                amount=lab.lmoney(f.amount), excess=lab.lmoney(f.excess), limit=lab.lmoney(f.limit)),
                "fees", "shortfall", rate_note))
        elif level == "unknown" and f.amount is not None:
            lines.append(SummaryLine(lab.each(
                N_("Fees of {amount} could not be compared with the legal limit (no exchange rate or wage recorded): "
                   "not checked."), amount=lab.lmoney(f.amount)), "fees", "warning"))
        elif level == "check" and f.amount is not None and f.amount not in banned:
            lines.append(SummaryLine(lab.each(
                N_("A payment of {amount} before leaving may not be allowed; the rule could not be confirmed."),
                amount=lab.lmoney(f.amount)), "fees", "warning"))
    return lines


def loan_lines(lab: Labels, data: VaultData, balances: dict[int, Money]) -> list[SummaryLine]:
    lines = []
    loans = {x.id: x for x in data.loans}
    for o in data.loan_outlooks:
        loan = loans.get(o.loan_id)
        if loan is None:
            continue
        balance = balances.get(o.loan_id)
        if balance is None or balance.minor <= 0:
            continue
        name = loan.lender or lab.money(loan.principal)
        if o.overdue and o.term_end is not None:
            lines.append(SummaryLine(lab.each(
                N_("Loan from {lender}: its term ended on {date} and {balance} is still owed."),
                lender=name, date=lab.ldate(o.term_end), balance=lab.lmoney(balance)), f"loan-{o.loan_id}", "warning"))
        elif o.overdue:
            lines.append(SummaryLine(lab.each(N_("Loan from {lender}: a scheduled payment is overdue; {balance} is "
                                                 "still owed."), lender=name, balance=lab.lmoney(balance)),
                                     f"loan-{o.loan_id}", "warning"))
        if o.debt_trap and o.deadline is not None:
            if o.never_pays_off or o.payoff is None:
                text = lab.each(N_("Debt trap: at the recent pace the loan from {lender} is never paid off, and the "
                                   "contract or period of stay ends on {deadline}."),
                                lender=name, deadline=lab.ldate(o.deadline))
            else:
                text = lab.each(N_("Debt trap: at the recent pace the loan from {lender} is paid off on {payoff}, "
                                   "after the contract or period of stay ends on {deadline}."),
                                lender=name, payoff=lab.ldate(o.payoff), deadline=lab.ldate(o.deadline))
            lines.append(SummaryLine(text, f"loan-{o.loan_id}", "warning"))
    return lines


def duplicate_lines(lab: Labels, data: VaultData, owner_label) -> list[SummaryLine]:
    by_hash: dict[str, list] = {}
    for a in data.attachments:
        by_hash.setdefault(a.meta.sha256, []).append(a)
    lines = []
    for digest, group in sorted(by_hash.items(), key=lambda kv: kv[1][0].meta.id or 0):
        if len(group) < 2:
            continue
        owners = Local(lambda lang, group=group: "; ".join(owner_label(a.meta, lang) for a in group))
        files = ", ".join(f"#{a.meta.id}" for a in group)
        lines.append(SummaryLine(lab.each(
            N_("The same file is attached more than once ({files}: {owners}); SHA-256 {hash}…"),
            files=files, owners=owners, hash=digest[:16]), "attachments", "warning"))
    return lines


def incident_lines(lab: Labels, data: VaultData) -> list[SummaryLine]:
    if not data.incidents:
        return []
    open_count = sum(1 for i in data.incidents if i.status != "resolved")
    untranslated = sum(1 for i in data.incidents if i.description and not i.translation)
    lines = [SummaryLine(lab.each(N_("{count} incidents recorded, {open} not resolved."),
                                  count=len(data.incidents), open=open_count), "incidents", "info")]
    if untranslated and len(lab.langs) > 1:
        lines.append(SummaryLine(lab.each(N_("{count} incidents have no translation; their text is printed in the "
                                             "original language only and marked."), count=untranslated),
                                 "incidents", "info"))
    return lines
