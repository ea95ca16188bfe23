"""Plain-language account of a verification, shared by the CLI, the app and the PDF."""

from __future__ import annotations

from handbook_app.i18n import _
from handbook_app.vault.store import VerifyReport


def describe_report(report: VerifyReport) -> tuple[bool, list[str]]:
    lines: list[str] = []
    if report.integrity:
        lines.append(_("The vault file is damaged: {detail}").format(detail="; ".join(report.integrity[:3])))
    if report.chain is not None:
        lines.append(_("The history is broken at entry {seq}: it was changed, removed or reordered.").format(
            seq=report.chain.seq))
    for problem in report.rows[:20]:
        template = {
            "changed": _("{kind} #{row} was changed outside the app."),
            "unrecorded": _("{kind} #{row} was added outside the app (it has no history entry)."),
            "missing": _("{kind} #{row} was removed outside the app."),
            "content": _("The content of attachment #{row} no longer matches its SHA-256."),
        }[problem.reason]
        lines.append(template.format(kind=problem.kind, row=problem.row_id))
    if len(report.rows) > 20:
        lines.append(_("… and {count} more problems.").format(count=len(report.rows) - 20))
    if report.ok:
        lines.append(_("The vault is intact: {count} history entries, all consistent with the records.").format(
            count=report.entries))
    lines.append(_("Head of the history chain: {hash}").format(hash=report.head_hash))
    return report.ok, lines
