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
from handbook_app.core.records import INCIDENT_STATUSES
from handbook_app.core.wage_checks import CheckStatus
from handbook_app.i18n import N_, tr
from handbook_app.reports import plural
from handbook_app.reports import wages as wage_report
from handbook_app.reports.labels import Labels, Local
from handbook_app.reports.languages import missing_translations
from handbook_app.reports.model import VaultData
from handbook_app.reports.plural import Plural
from handbook_app.reports.wages import MonthCheck, summarise

# Shortfall categories (the order of the summary and of the shortfall statement's table).
CATEGORIES: dict[str, str] = {
    "minimum": N_("Below the minimum wage"),
    "contract": N_("Below the promised wage"),
    "overtime": N_("Overtime premium"),
    "late_night": N_("Late-night premium"),
    "holiday": N_("Holiday premium"),
    "deductions": N_("Deductions above the contract"),
}
# The wage check's categories (core.wage_checks.CATEGORIES) by the keys above.
CATEGORY_OF: dict[str, str] = {
    "minimum_wage": "minimum", "contract": "contract", "overtime": "overtime", "late_night": "late_night",
    "holiday": "holiday", "deductions": "deductions",
}
# Overtime above this many hours in a month is above the general limit of a 36 agreement (45 h a month).
LONG_OVERTIME_HOURS = Decimal(45)

ROUNDING_RULE = N_(
    "Rounding: each amount owed is the least that any rounding permitted by MHLW gives (hourly rates and monthly "
    "totals to the nearest yen, the month's overtime, holiday and night hours to the nearest hour), so the "
    "employer's rounding is never counted as a shortfall; a minimum-wage shortfall is rounded up to the whole yen."
)
MID_MONTH_RULE = N_("When the minimum wage changes during a month, each day is checked at the rate in force that day: "
                    "the hours log gives the hours before and after the change when it covers the month, otherwise "
                    "the month's hours are split by calendar days; each finding says which.")


@dataclass
class SummaryLine:
    """One finding: a sentence per language (already formatted), the anchor of its detail, a severity."""

    texts: list[str]
    target: str
    severity: str = "shortfall"  # shortfall, warning, info
    details: list[list[str]] = field(default_factory=list)  # sub-lines, each per language


def month_checks(data: VaultData) -> list[MonthCheck]:
    """The wage checks for the pack's payslips, with the hours log (mid-month changes, weekly overtime)."""
    return wage_report.check_months(data.payslips, data.contracts, data.hours)


def missing_months(data: VaultData, options) -> list[dt.date]:
    """Months inside a contract's period, in the report's period and ended by the day it is made, with no payslip
    (`options`: the report's `ReportOptions`, for its period)."""
    return wage_report.months_without_payslip(data.contracts, data.payslips, data.generated.date(),
                                              options.date_from, options.date_to)


def category_sums(checks: Sequence[MonthCheck]) -> dict[str, int]:
    sums = dict.fromkeys(CATEGORIES, 0)
    for m in checks:
        for key, value in month_parts(m).items():
            sums[key] += value
    return sums


def month_parts(m: MonthCheck) -> dict[str, int]:
    """The month's shortfall by category (integer yen), from the wage check's own split."""
    parts = dict.fromkeys(CATEGORIES, 0)
    for category, value in m.shortfall_by_category.items():
        parts[CATEGORY_OF[category]] += value
    return parts


def not_checked(checks: Sequence[MonthCheck]) -> list[MonthCheck]:
    """Months the wage check could not settle: never counted as "no shortfall"."""
    return [m for m in checks if m.status is CheckStatus.NOT_CHECKED]


def lower_bound(checks: Sequence[MonthCheck]) -> list[MonthCheck]:
    """Months checked only against the last known minimum wage: their shortfall is a lower bound."""
    return [m for m in checks if m.status is CheckStatus.LOWER_BOUND]


def months_text(lab: Labels, months: Sequence[dt.date]) -> str:
    return ", ".join(lab.month(x) for x in months)


NO_PAYSLIP = N_("No payslip recorded — not checked (inside the contract's period; not counted above, not a clean "
                "result): {months}.")


def wage_lines(lab: Labels, checks: Sequence[MonthCheck], missing: Sequence[dt.date] = ()) -> list[SummaryLine]:
    """The wage findings. `missing`: months inside a contract's period with no payslip (`wages.months_without_payslip`):
    listed as not checked, and they make every total a lower bound."""
    if not checks and not missing:
        return []
    summary = summarise(checks)
    total = summary.total_yen
    flagged = [m for m in checks if m.shortfall > 0]
    lines: list[SummaryLine] = []
    if total:
        sums = category_sums(checks)
        details = [lab.each(N_("{category}: {amount}"), category=lab.lword(CATEGORIES[key]), amount=lab.lyen(v))
                   for key, v in sums.items() if v]
        details.append(lab.each(ROUNDING_RULE))
        n = len(checks)
        message = (Plural.ngettext(
            "Estimated unpaid wages: at least {amount} in {flagged} of {months} month with a payslip.",
            "Estimated unpaid wages: at least {amount} in {flagged} of {months} months with payslips.", n)
            if summary.is_lower_bound or missing else Plural.ngettext(
            "Estimated unpaid wages: {amount} in {flagged} of {months} month with a payslip.",
            "Estimated unpaid wages: {amount} in {flagged} of {months} months with payslips.", n))
        lines.append(SummaryLine(plural.each(lab, message, amount=lab.lyen(total), flagged=len(flagged), months=n),
                                 "payslips", "shortfall", details))
    elif summary.checked_months + summary.lower_bound_months:
        # only months that were checked count: a month not checked is never part of a clean result
        n = summary.checked_months + summary.lower_bound_months
        lines.append(SummaryLine(plural.each(lab, Plural.ngettext(
            "No wage shortfall was found in the {months} month checked.",
            "No wage shortfall was found in the {months} months checked.", n), months=n), "payslips", "info"))
    if missing:
        lines.append(SummaryLine(lab.each(NO_PAYSLIP, months=months_text(lab, missing)), "payslips", "warning"))
    unchecked = not_checked(checks)
    if unchecked:
        lines.append(SummaryLine(lab.each(
            N_("Not checked (not counted above, not a clean result): {months}."),
            months=months_text(lab, [m.payslip.month for m in unchecked])), "payslips", "warning"))
    partial = lower_bound(checks)
    if partial:
        lines.append(SummaryLine(lab.each(N_("Lower bound only (checked against the last known minimum wage; the rate "
                                             "in force may be higher): {months}."),
                                          months=months_text(lab, [m.payslip.month for m in partial])),
                                 "payslips", "warning"))
    long_months = [m.payslip.month for m in checks if m.payslip.overtime_hours > LONG_OVERTIME_HOURS]
    if long_months:
        worst = max(m.payslip.overtime_hours for m in checks)
        lines.append(SummaryLine(plural.each(lab, Plural.ngettext(
            "Very long overtime: more than {limit} hours in {count} month (up to {hours} hours), above the general "
            "limit of a 36 agreement: {months}.",
            "Very long overtime: more than {limit} hours in {count} months (up to {hours} hours), above the general "
            "limit of a 36 agreement: {months}.", len(long_months)), limit=int(LONG_OVERTIME_HOURS),
            count=len(long_months), hours=lab.lnumber(worst, 1), months=months_text(lab, long_months)),
            "payslips", "warning"))
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
            lines.append(SummaryLine(debt_trap_text(lab, data, o, name), f"loan-{o.loan_id}", "warning"))
    return lines


def contract_ends(data: VaultData, as_of: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The end of the current contract and of the period of stay, each the earliest still to come on `as_of`
    (the two dates `services.debts.deadline()` takes the earlier of)."""
    ends = [c.end for c in data.contracts if c.end is not None and c.end >= as_of]
    stays = [c.stay_expiry for c in data.contracts if c.stay_expiry is not None and c.stay_expiry >= as_of]
    return min(ends, default=None), min(stays, default=None)


def debt_trap_text(lab: Labels, data: VaultData, o, name: str) -> list[str]:
    """The debt-trap line: the pace it is projected at and from which day, and which of the contract and the
    period of stay ends when (never "the contract or period of stay")."""
    as_of = o.as_of or data.generated.date()
    contract_end, stay_end = contract_ends(data, as_of)
    if contract_end is not None and stay_end is not None:
        template, values = N_("The contract ends on {contract}; the period of stay on {stay}."), {
            "contract": lab.ldate(contract_end), "stay": lab.ldate(stay_end)}
    elif stay_end is not None:
        template, values = N_("The period of stay ends on {stay}."), {"stay": lab.ldate(stay_end)}
    else:
        template, values = N_("The contract ends on {contract}."), {"contract": lab.ldate(contract_end or o.deadline)}
    ends_local = Local(lambda lang: tr(lang, template).format(**{k: v(lang) for k, v in values.items()}))
    months = o.pace_months or 1
    if o.never_pays_off or o.payoff is None:
        message = Plural.ngettext(
            "Debt trap: at the pace of the last month (as of {as_of}) the loan from {lender} is never paid off. "
            "{ends}",
            "Debt trap: at the pace of the last {months} months (as of {as_of}) the loan from {lender} is never "
            "paid off. {ends}", months)
    else:
        message = Plural.ngettext(
            "Debt trap: at the pace of the last month (as of {as_of}) the loan from {lender} is paid off only on "
            "{payoff}. {ends}",
            "Debt trap: at the pace of the last {months} months (as of {as_of}) the loan from {lender} is paid off "
            "only on {payoff}. {ends}", months)
    payoff = lab.ldate(o.payoff) if o.payoff is not None else ""
    return plural.each(lab, message, months=months, as_of=lab.ldate(as_of), lender=name, payoff=payoff,
                       ends=ends_local)


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


def language_name(shown_in: str, code: str) -> str:
    """The name of language `code` written in language `shown_in` ("Japanese", "tiếng Nhật", "日本語")."""
    from babel import Locale

    try:
        name = Locale.parse(shown_in).languages.get(code, code)
    except (ValueError, TypeError):
        return code
    return name[:1].lower() + name[1:] if shown_in == "vi" else name  # "tiếng Nhật" inside a sentence


def incident_lines(lab: Labels, data: VaultData) -> list[SummaryLine]:
    if not data.incidents:
        return []
    counts: dict[str, int] = {}
    for inc in data.incidents:
        counts[inc.status] = counts.get(inc.status, 0) + 1
    # counted by the statuses the timeline shows, in its order, each named: the numbers match the table
    order = [key for key in INCIDENT_STATUSES if key in counts] + sorted(k for k in counts if k not in
                                                                         INCIDENT_STATUSES)
    parts = Local(lambda lang: tr(lang, N_(", ")).join(
        tr(lang, N_("{status}: {count}")).format(
            status=tr(lang, INCIDENT_STATUSES[key]) if key in INCIDENT_STATUSES else key, count=counts[key])
        for key in order))
    n = len(data.incidents)
    lines = [SummaryLine(plural.each(lab, Plural.ngettext(
        "{count} incident recorded ({statuses}).", "{count} incidents recorded ({statuses}).", n),
        count=n, statuses=parts), "incidents", "info")]
    if len(lab.langs) > 1:
        for lang, count in missing_translations(data.incidents, lab.langs).items():
            if count:
                lines.append(SummaryLine(plural.each(lab, Plural.ngettext(
                    "{count} incident has no {language} translation; the original is printed with a marker.",
                    "{count} incidents have no {language} translation; the originals are printed with a marker.",
                    count),
                    count=count, language=Local(lambda shown, lang=lang: language_name(shown, lang))),
                    "incidents", "info"))
    return lines
