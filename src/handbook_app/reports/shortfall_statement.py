"""A payslip shortfall statement for a wage claim: the months the pay fell short, by how much,
and why, in the two chosen languages, with signature lines.

The figures are those of `core.wage_checks` (see `reports.wages` for the mapping).
"""

from __future__ import annotations

from typing import BinaryIO

from handbook_app.core import prefectures
from handbook_app.core.wage_checks import CheckStatus, Code
from handbook_app.i18n import N_
from handbook_app.reports.base import MM, Cancelled, DocMeta, Kit, PageFrame, Progress, RenderInfo, render_pdf
from handbook_app.reports.evidence_pack import finding_paragraphs, signatures
from handbook_app.reports.labels import Labels
from handbook_app.reports.model import REPORT_KINDS, ReportOptions, VaultData
from handbook_app.reports.wages import check_months, rate_sources, summarise, summary_lines

# Table columns from the check's categories (core.wage_checks.CATEGORIES).
_GROUPS = {"minimum_wage": "minimum", "contract": "contract", "overtime": "premiums", "late_night": "premiums",
           "holiday": "premiums", "deductions": "deductions"}
# Findings without money that a reader of a flagged month needs: how the rate and hours were taken.
_CONTEXT = (Code.MINIMUM_WAGE_CHANGED, Code.NO_MINIMUM_WAGE_DATA, Code.PARTIAL_MONTH, Code.NO_SCHEDULED_HOURS)
ROUNDING_NOTE = N_(
    "Rounding: each amount owed is the least that any rounding permitted by MHLW gives (hourly rates and monthly "
    "totals to the nearest yen, the month's overtime, holiday and night hours to the nearest hour), so the "
    "employer's rounding is never counted as a shortfall; a minimum-wage shortfall is rounded up to the whole yen."
)


def build_story(data: VaultData, options: ReportOptions) -> tuple[Kit, list]:
    kit = Kit(Labels(options.langs))
    k, lab = kit, kit.labels
    checks = check_months(data.payslips, data.contracts, data.hours)
    flagged = [m for m in checks if m.shortfall > 0]
    summary = summarise(checks)
    story: list = [k.p(lab.inline(REPORT_KINDS["shortfall"]), "h1", bold=True)]
    contract = data.contracts[-1] if data.contracts else None
    name = ""
    if data.profile is not None and options.show_trainee_name:
        name = data.profile.full_name or data.profile.display_name
    period = ""
    if checks:
        period = f"{lab.month(checks[0].payslip.month)} – {lab.month(checks[-1].payslip.month)}"
    pref = ""
    if contract is not None and contract.prefecture:
        pref = " / ".join(dict.fromkeys(prefectures.name(contract.prefecture, x) for x in options.langs))
    story.append(k.facts([
        (N_("Trainee"), name or "—"),
        (N_("Employer (implementing organisation)"), contract.employer if contract else ""),
        (N_("Employer's address"), contract.employer_address if contract else ""),
        (N_("Prefecture"), pref),
        (N_("Payslips checked"), f"{len(checks)} ({period})" if checks else "0"),
        (N_("Promised wage"), lab.money(contract.wage) if contract else ""),
    ]))
    story.append(k.spacer(3))
    if not flagged and summary.not_checked_months + summary.lower_bound_months == 0:
        story.append(k.note(N_("No shortfall was found in the payslips of the chosen period.")))
    elif not flagged:
        story.append(k.note(N_("No shortfall was found in the months that could be checked.")))
    if flagged:
        rows = []
        sums = {"minimum": 0, "contract": 0, "premiums": 0, "deductions": 0}
        for m in flagged:
            parts = {"minimum": 0, "contract": 0, "premiums": 0, "deductions": 0}
            for category, value in m.shortfall_by_category.items():
                parts[_GROUPS[category]] += value
            for key, value in parts.items():
                sums[key] += value
            def amount(value: int, lower: bool = not m.checked) -> str:
                return lab.one(N_("at least {amount}"), amount=lab.yen(value)) if lower else lab.yen(value)

            rows.append([k.cell(lab.month(m.payslip.month))]
                        + [k.cell(amount(parts[x]) if parts[x] else "—") for x in parts]
                        + [k.cell(amount(m.shortfall))])
        rows.append([k.p(lab.inline(N_("Total")), "cell", bold=True)]
                    + [k.cell(lab.yen(v)) for v in sums.values()]
                    + [k.cell(lab.yen(sum(m.shortfall for m in flagged)))])
        story.append(k.table([N_("Month"), N_("Below the minimum wage"), N_("Below the promised wage"),
                              N_("Overtime, night and holiday premiums"), N_("Deductions above the contract"),
                              N_("Shortfall")], rows,
                             [24 * MM, 30 * MM, 30 * MM, 34 * MM, 30 * MM, 30 * MM], align_right=range(1, 6)))
        story.append(k.spacer(2))
        total = lab.yen(summary.total_yen)
        if summary.is_lower_bound:
            total = lab.inline(N_("at least {amount}"), amount=total)
        story.append(k.rich([(lab.inline(N_("Estimated total shortfall")) + ": ", True), (total, True)], "h2"))
        story.append(k.h2(N_("Findings by month")))
        for m in flagged:
            story.append(k.p(lab.month(m.payslip.month, long=True), "body", bold=True))
            for f in m.findings:
                if f.shortfall_yen or f.code in _CONTEXT:
                    story += finding_paragraphs(k, f, options.langs)
    for message, values in summary_lines(summary):
        if "amount" in values:
            values = {**values, "amount": lab.yen(values["amount"])}
        story += k.both(message, "small", **values)
    not_checked = [m for m in checks if m.status is CheckStatus.NOT_CHECKED]
    if not_checked:
        story.append(k.p(lab.inline(N_("Months not checked against the minimum wage")) + ": "
                         + ", ".join(lab.month(m.payslip.month) for m in not_checked), "small"))
    story.append(k.spacer(3))
    story += k.both(ROUNDING_NOTE, "muted")
    story += k.both(N_("This is an estimate from the figures on the payslips. It is not a legal decision: "
                       "a labour standards inspection office or a lawyer checks the final amount."), "muted")
    sources = rate_sources(checks, lab)
    if sources:
        story.append(k.h2(N_("Sources of the minimum wages")))
        story += [k.p(line, "small") for line in sources]
    story += signatures(k, (N_("Trainee"),))
    return kit, story


def render_shortfall_statement(data: VaultData, options: ReportOptions, out: BinaryIO,
                               progress: Progress | None = None, cancelled: Cancelled | None = None) -> RenderInfo:
    kit, story = build_story(data, options)
    lab = kit.labels
    title = lab.inline(REPORT_KINDS["shortfall"])
    frame = PageFrame(title, data.generated, lab.inline(N_("Not protected by the vault")))
    meta = DocMeta(title=title, subject=lab.inline(N_("Wage shortfall estimated from payslips")))
    return render_pdf(kit, story, out, frame, meta, progress, cancelled, progress_span=(40, 99))
