"""A payslip shortfall statement for a wage claim: the months the pay fell short, by how much,
and why, in the two chosen languages, with signature lines.

The figures are those of `core.wage_checks` (see `reports.wages` for the mapping).
"""

from __future__ import annotations

from typing import BinaryIO

from handbook_app.core import prefectures
from handbook_app.i18n import N_
from handbook_app.reports import findings, plural
from handbook_app.reports.base import MM, Cancelled, DocMeta, Kit, Progress, RenderInfo, render_pdf
from handbook_app.reports.evidence_pack import (
    DECLARATION,
    VAULT_NOTE,
    VERIFY_COMMAND,
    _author,
    doc_id,
    others_who_entered,
    page_frame,
    signatures,
)
from handbook_app.reports.labels import Labels
from handbook_app.reports.model import REPORT_KINDS, ReportOptions, VaultData
from handbook_app.reports.pack_money import (
    MINISTRY_LIST,
    NO_PAYSLIP_CELL,
    findings_by_month,
    rate_source_lines,
)
from handbook_app.reports.wages import NOT_CHECKED_CELL, summarise, summary_lines
from handbook_app.resources import facts_label

WAGE_UNITS = {"hourly": N_("per hour"), "monthly": N_("per month")}


def promised_wage(lab: Labels, contract) -> str:
    """'¥1,027 (per hour / 1時間あたり)': the amount says what it is paid for, in every language."""
    if contract is None:
        return ""
    unit = WAGE_UNITS.get(contract.wage_kind)
    return lab.money(contract.wage) + (f" ({lab.inline(unit)})" if unit else "")


def build_story(data: VaultData, options: ReportOptions) -> tuple[Kit, list]:
    from reportlab.platypus import KeepTogether

    kit = Kit(Labels(options.langs))
    k, lab = kit, kit.labels
    checks = findings.month_checks(data)
    flagged = [m for m in checks if m.shortfall > 0]
    summary = summarise(checks)
    missing = findings.missing_months(data, options)  # inside the contract, no payslip: not checked
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
        (N_("Promised wage"), promised_wage(lab, contract)),
        (N_("Facts used (minimum wages, fee limits, guide)"), facts_label()),
    ]))
    story.append(k.spacer(3))
    if not flagged and summary.not_checked_months + summary.lower_bound_months == 0 and not missing:
        story.append(k.note(N_("No shortfall was found in the payslips of the chosen period.")))
    elif not flagged:
        story.append(k.note(N_("No shortfall was found in the months that could be checked.")))
    if flagged:
        keys = [key for key, total in findings.category_sums(checks).items() if total]
        rows = []
        for m in flagged:
            parts = findings.month_parts(m)

            def amount(value: int, lower: bool = not m.checked) -> str:
                return lab.one(N_("at least {amount}"), amount=lab.yen(value)) if lower else lab.yen(value)

            rows.append((m.payslip.month, [k.cell(lab.month(m.payslip.month))]
                         + [k.cell(amount(parts[x]) if parts[x] else "—") for x in keys]
                         + [k.cell(amount(m.shortfall))]))
        # a contract month without a payslip: its own row, "not checked" (blank categories: nothing to claim or clear)
        rows += [(month, [k.cell(lab.month(month)), k.choice(NO_PAYSLIP_CELL)] + [""] * (len(keys) - 1)
                  + [k.cell(lab.inline(NOT_CHECKED_CELL))]) for month in missing]
        rows = [row for _month, row in sorted(rows, key=lambda x: x[0])]
        sums = findings.category_sums(checks)
        rows.append([k.p(lab.inline(N_("Total")), "cell", bold=True)]
                    + [k.cell(lab.yen(sums[x])) for x in keys]
                    + [k.cell(lab.yen(sum(m.shortfall for m in flagged)))])
        width = (178 - 24 - 28) / max(1, len(keys))
        story.append(k.table([N_("Month")] + [findings.CATEGORIES[x] for x in keys] + [N_("Shortfall")], rows,
                             [24 * MM] + [width * MM] * len(keys) + [28 * MM], align_right=range(1, len(keys) + 2)))
        story.append(k.spacer(2))
        total = lab.yen(summary.total_yen)
        if summary.is_lower_bound or missing:
            total = lab.inline(N_("at least {amount}"), amount=total)
        story.append(k.rich([(lab.inline(N_("Estimated total shortfall")) + ": ", True), (total, True)], "h2"))
    for message, values in summary_lines(summary):
        if "amount" in values:
            values = {**values, "amount": lab.lyen(values["amount"])}
        story += [k.p(t, "small") for t in plural.each(lab, message, **values)]
    unchecked = findings.not_checked(checks)
    if unchecked:
        story.append(k.note(N_("Months not checked (not counted in the total, not a clean result): {months}."),
                            months=findings.months_text(lab, [m.payslip.month for m in unchecked])))
    if missing:
        story.append(k.note(findings.NO_PAYSLIP, months=findings.months_text(lab, missing)))
    story.append(k.note("\n".join(lab.each(N_("How to read the figures: in tables, months are written year-month "
                                              "(2026-12) and yen as ¥1,027 (a comma between thousands).")))))
    for text in (findings.ROUNDING_RULE, findings.MID_MONTH_RULE):
        story += k.both(text, "small")
    if flagged:
        # the findings, with repeats collapsed, exactly as in the evidence pack
        story += findings_by_month(kit, flagged)
    story.append(k.spacer(3))
    story += k.both(N_("This is an estimate from the figures on the payslips. It is not a legal decision: "
                       "a labour standards inspection office or a lawyer checks the final amount."), "muted")
    story.append(k.h2(N_("Sources of the minimum wages")))
    story.append(k.p(f"{MINISTRY_LIST[0]}: {MINISTRY_LIST[1]}", "small"))
    sources = rate_source_lines(checks, lab)
    if sources:
        story.append(k.p(lab.inline(N_("Sources recorded with each rate in the app's table:")), "small"))
        story += [k.p(line, "small") for line in sources]
    info = data.integrity
    if info is not None:
        story.append(k.h2(N_("How to check this record")))
        story.append(k.facts([(N_("Document id"), doc_id(data, "shortfall")),
                              (N_("History entries"), str(info.entries)),
                              (N_("Head of the history chain (SHA-256)"), info.head_hash)]))
        story += k.both(N_("Whoever holds the vault file and its passphrase (usually the trainee, with the support "
                           "group) can check that these figures come from an unchanged record with:"), "small")
        story.append(k.p(VERIFY_COMMAND.format(entries=info.entries, hash=info.head_hash), "command"))
        story += k.both(VAULT_NOTE, "small")
    block = [k.h2(N_("Declaration"))] + k.both(DECLARATION) + others_who_entered(k, data)
    block += signatures(k, (N_("Trainee"), N_("Support worker or witness")) if others_who_entered(k, data)
                        else (N_("Trainee"),))
    story.append(KeepTogether(block))
    return kit, story


def render_shortfall_statement(data: VaultData, options: ReportOptions, out: BinaryIO,
                               progress: Progress | None = None, cancelled: Cancelled | None = None) -> RenderInfo:
    kit, story = build_story(data, options)
    lab = kit.labels
    frame = page_frame(kit, data, options, "shortfall")
    meta = DocMeta(title=frame.title, subject=lab.inline(N_("Wage shortfall estimated from payslips")),
                   author=_author(data, options), keywords=(f"document {frame.doc_id}",))
    return render_pdf(kit, story, out, frame, meta, progress, cancelled, progress_span=(40, 99))
