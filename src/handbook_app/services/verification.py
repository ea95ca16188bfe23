"""Plain-language account of a verification, shared by the CLI, the app and the PDF."""

from __future__ import annotations

import re

from handbook_app.i18n import _
from handbook_app.vault.store import VerifyReport
from handbook_app.vault.verify import CheckpointResult

MAX_ROW_LINES = 20


def _damage_detail(integrity: list[str]) -> str:
    """Page numbers when SQLCipher names them (its own words are English), else the first words as given."""
    pages = sorted({int(n) for line in integrity for n in re.findall(r"page (\d+)", line)})
    if pages:
        shown = ", ".join(map(str, pages[:15])) + (" …" if len(pages) > 15 else "")
        return _("unreadable pages: {pages}").format(pages=shown)
    return "; ".join(integrity[:3])


def checkpoint_line(result: CheckpointResult) -> str:
    cp = result.checkpoint
    when = cp.signed_at[:10]
    if result.holds:
        return _("Unchanged since {date} up to entry {seq}, witnessed by {organisation} (key {fingerprint}).").format(
            date=when, seq=cp.seq, organisation=cp.organisation, fingerprint=cp.fingerprint)
    reason = {
        "signature": _("its signature is not valid"),
        "vault": _("it was made for another vault"),
        "rewritten": _("the history up to that entry was rewritten after it was signed"),
        "unreadable": _("the history up to that entry cannot be read"),
    }[result.problem or "signature"]
    return _("The checkpoint witnessed by {organisation} on {date} (entry {seq}) FAILS: {reason}.").format(
        organisation=cp.organisation, date=when, seq=cp.seq, reason=reason)


def describe_report(report: VerifyReport) -> tuple[bool, list[str]]:
    lines: list[str] = []
    if report.integrity:
        lines.append(_("The vault file is damaged: {detail}").format(detail=_damage_detail(report.integrity)))
    if report.unreadable:
        lines.append(_("These parts cannot be read and were not checked: {parts}").format(
            parts="; ".join(report.unreadable[:10])))
    if report.chain is not None:
        lines.append(_("The history is broken at entry {seq}: it was changed, removed or reordered.").format(
            seq=report.chain.seq))
    if report.time_backwards:
        lines.append(_("History entry {seq} is dated earlier than the entry before it (the PC's clock was set "
                       "back, or the history was edited).").format(seq=report.time_backwards[0]))
    templates = {
        "changed": _("{kind} #{row} was changed outside the app."),
        "unrecorded": _("{kind} #{row} was added outside the app (it has no history entry)."),
        "missing": _("{kind} #{row} was removed outside the app."),
        "content": _("The content of attachment #{row} no longer matches its SHA-256."),
        "unreadable": _("The content of attachment #{row} cannot be read (damaged)."),
        "orphan": _("Stored file pieces #{row} belong to no attachment (added outside the app)."),
    }
    for problem in report.rows[:MAX_ROW_LINES]:
        lines.append(templates.get(problem.reason, templates["changed"]).format(kind=problem.kind,
                                                                               row=problem.row_id))
    if len(report.rows) > MAX_ROW_LINES:
        lines.append(_("… and {count} more problems.").format(count=len(report.rows) - MAX_ROW_LINES))
    if report.meta:
        lines.append(_("Settings stored in the vault have impossible values: {keys}").format(
            keys=", ".join(report.meta)))
    lines += [checkpoint_line(result) for result in report.checkpoints]
    if report.ok:
        lines.append(_("The vault is intact: {count} history entries, all consistent with the records.").format(
            count=report.entries))
        if not report.checkpoints:
            lines.append(_("No witnessed checkpoint: this shows the records match their history, not that the "
                           "history was never rewritten by someone who knows the passphrase."))
    lines.append(_("Head of the history chain: {hash}").format(hash=report.head_hash))
    return report.ok, lines
