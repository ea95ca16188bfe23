"""A payslip shortfall statement for a wage claim: the months the pay fell short, by how much,
and why, in the two chosen languages, with signature lines.

The figures are those of `core.wage_checks` (see `reports.wages` for the mapping).
"""

from __future__ import annotations

from typing import BinaryIO

from handbook_app.core import prefectures
from handbook_app.core.wage_checks import Code
from handbook_app.i18n import N_
from handbook_app.reports.base import MM, Cancelled, DocMeta, Kit, PageFrame, Progress, RenderInfo, render_pdf
from handbook_app.reports.evidence_pack import finding_paragraphs, signatures
from handbook_app.reports.labels import Labels
from handbook_app.reports.model import REPORT_KINDS, ReportOptions, VaultData
from handbook_app.reports.wages import check_months

_GROUPS = {
    Code.BELOW_MINIMUM_WAGE: "minimum",
    Code.BELOW_PROMISED_WAGE: "contract",
    Code.OVERTIME_UNDERPAID: "premiums",
    Code.LATE_NIGHT_UNDERPAID: "premiums",
    Code.HOLIDAY_UNDERPAID: "premiums",
    Code.DEDUCTION_ABOVE_PROMISE: "deductions",
}


def build_story(data: VaultData, options: ReportOptions) -> tuple[Kit, list]:
    kit = Kit(Labels(options.langs))
    k, lab = kit, kit.labels
    checks = check_months(data.payslips, data.contracts)
    flagged = [m for m in checks if m.shortfall > 0]
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
    if not flagged:
        story.append(k.note(N_("No shortfall was found in the payslips of the chosen period.")))
    else:
        rows = []
        sums = {"minimum": 0, "contract": 0, "premiums": 0, "deductions": 0}
        for m in flagged:
            parts = {"minimum": 0, "contract": 0, "premiums": 0, "deductions": 0}
            for f in m.findings:
                group = _GROUPS.get(f.code)
                if group:
                    parts[group] += f.shortfall_yen
            for key, value in parts.items():
                sums[key] += value
            rows.append([k.cell(lab.month(m.payslip.month))]
                        + [k.cell(lab.yen(parts[x]) if parts[x] else "—") for x in parts]
                        + [k.cell(lab.yen(m.shortfall))])
        rows.append([k.p(lab.inline(N_("Total")), "cell", bold=True)]
                    + [k.cell(lab.yen(v)) for v in sums.values()]
                    + [k.cell(lab.yen(sum(m.shortfall for m in flagged)))])
        story.append(k.table([N_("Month"), N_("Below the minimum wage"), N_("Below the promised wage"),
                              N_("Overtime, night and holiday premiums"), N_("Deductions above the contract"),
                              N_("Shortfall")], rows,
                             [24 * MM, 30 * MM, 30 * MM, 34 * MM, 30 * MM, 30 * MM], align_right=range(1, 6)))
        story.append(k.spacer(2))
        story.append(k.rich([(lab.inline(N_("Estimated total shortfall")) + ": ", True),
                             (lab.yen(sum(m.shortfall for m in flagged)), True)], "h2"))
        story.append(k.h2(N_("Findings by month")))
        for m in flagged:
            story.append(k.p(lab.month(m.payslip.month, long=True), "body", bold=True))
            for f in m.findings:
                if f.shortfall_yen:
                    story += finding_paragraphs(k, f, options.langs)
    story.append(k.spacer(3))
    story += k.both(N_("This is an estimate from the figures on the payslips. It is not a legal decision: "
                       "a labour standards inspection office or a lawyer checks the final amount."), "muted")
    sources = sorted({(m.minimum.source_title, m.minimum.source_url) for m in checks if m.minimum})
    if sources:
        story.append(k.h2(N_("Sources of the minimum wages")))
        story += [k.p(f"{t} — {u}", "small") for t, u in sources]
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
