"""PDF reports for the app and the CLI: gather plain data from a Handbook, render, record the handover.

Every method here is what a face calls; none of them needs ReportLab imported by the caller.
A saved PDF is plaintext on purpose (the caller warns first, or protects it with a password)
and each save is recorded in the audit chain as a "handover", so the next evidence pack
lists it. A preview renders into memory only and records nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from handbook_app.core import records as r
from handbook_app.i18n import _
from handbook_app.reports.model import (
    REPORT_KINDS,
    SECTIONS,
    AttachmentItem,
    Handover,
    IntegrityInfo,
    LoanOutlook,
    Provenance,
    ReportOptions,
    VaultData,
    apply_privacy,
    masked_attachment,
)
from handbook_app.services.handbook import Handbook
from handbook_app.vault.connection import VaultError, VaultExists

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

__all__ = [
    "REPORT_KINDS", "SECTIONS", "ReportCancelled", "ReportError", "ReportOptions", "ReportPreview", "ReportResult",
    "build_debt_summary", "build_evidence_pack", "build_shortfall_statement", "export_report", "gather",
    "preview_report", "print_guide_article", "untranslated_incidents",
]


class ReportError(VaultError):
    """The PDF could not be made or saved; str() is a translated one-line message. No file was left."""


class ReportCancelled(Exception):  # noqa: N818 - a normal outcome, not an error
    """The user cancelled the export; no file was left behind."""


@dataclass(frozen=True)
class ReportResult:
    path: Path
    sha256: str  # of the file as written (after the password, if any)
    pages: int
    missing_glyphs: tuple[str, ...]  # characters no bundled font has: "U+1F600 GRINNING FACE"
    size: int = 0


@dataclass(frozen=True)
class ReportPreview:
    data: bytes  # the PDF, in memory only
    pages: int
    missing_glyphs: tuple[str, ...]


# --------------------------------------------------------------------------- gathering


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def gather(handbook: Handbook, options: ReportOptions, cancelled: Cancelled | None = None) -> VaultData:
    """The records the options ask for, as plain core values (privacy choices applied)."""
    o = options
    data = VaultData(generated=_now(), profile=handbook.profile())
    data.contracts = handbook.records(r.Contract)
    data.payslips = [p for p in handbook.records(r.Payslip, "month") if o.month_in_range(p.month)]
    data.hours = handbook.records(r.HoursEntry, "day")  # the wage check dates hours and counts weekly overtime
    loans = data.loans = handbook.records(r.Loan, "start")
    repayments = data.repayments = handbook.records(r.Repayment, "date")
    remittances: list[r.Remittance] | None = None  # all of them: read only when needed (the fee rate)
    if o.date_from is None and o.date_to is None:
        remittances = data.remittances = handbook.records(r.Remittance, "date")
    else:  # ten years of transfers for a pack of one: read the period's only
        data.remittances = handbook.records_between(r.Remittance, "date", (o.date_from or dt.date.min).isoformat(),
                                                    (o.date_to or dt.date.max).isoformat())
    data.fees = [x for x in handbook.records(r.RecruitmentFee) if o.in_range(x.date)]
    incidents = handbook.records(r.Incident, "started")
    data.all_incident_count = len(incidents)
    ordered = sorted(incidents, key=lambda x: (x.started or dt.date.min, x.id or 0))
    data.incident_numbers = {x.id: n for n, x in enumerate(ordered, start=1) if x.id is not None}
    # "full blocks for the period's incidents" keeps every incident in the overview; otherwise the period filters
    data.incidents = incidents if o.incident_detail == "period" else [x for x in incidents if o.in_range(x.started)]
    if cancelled is not None and cancelled():
        raise ReportCancelled()
    data = apply_privacy(data, o)
    included = {(rec.KIND, rec.id) for group in (data.contracts, data.payslips, data.loans, data.repayments,
                                                   data.remittances, data.fees, data.incidents) for rec in group}
    for att in handbook.records(r.Attachment):
        if (att.owner_kind, att.owner_id) in included and ("attachment", att.id) not in o.exclude:
            shown = masked_attachment(att) if o.mask_third_parties else att
            data.attachments.append(AttachmentItem(shown, _loader(handbook, att)))
    # every page footer carries the head hash; the integrity page says what the check found. The history for
    # provenance and handovers is read by the check's own pass over it.
    entries: list = []
    report = handbook.verify(on_entry=entries.append)
    data.integrity = IntegrityInfo(
        entries=report.entries, head_hash=report.head_hash, ok=report.ok,
        chain_broken_at=report.chain.seq if report.chain else None, row_problems=len(report.rows),
        damaged=bool(report.integrity),
        checkpoints=tuple((c.checkpoint, c.holds) for c in report.checkpoints),
    )
    if "integrity" in o.sections or "handovers" in o.sections:
        for e in entries:
            if e.action in ("handover", "export"):
                who = e.actor_name if e.actor_kind != "trainee" else ""
                if e.actor_org:
                    who = f"{who} ({e.actor_org})"
                data.handovers.append(Handover(e.seq, e.at, who, e.action, e.kind, dict(e.after or {}), e.actor_kind))
    data.provenance = provenance(entries)
    _add_findings(handbook, data, o, remittances, loans, repayments)
    return data


def _actor(e) -> str:
    if e.actor_kind == "trainee":
        return "trainee"
    name = e.actor_name or e.actor_kind
    return f"{name} ({e.actor_org})" if e.actor_org else name


def provenance(entries) -> dict[tuple[str, int], Provenance]:
    """When each record was entered and last changed, and by whom, from the audit chain."""
    out: dict[tuple[str, int], Provenance] = {}
    for e in entries:
        if e.row_id is None:
            continue
        key = (e.kind, e.row_id)
        if e.action == "insert":
            out[key] = Provenance(e.at, e.utc_offset, _actor(e))
        elif e.action == "update" and key in out:
            old = out[key]
            out[key] = Provenance(old.entered_at, old.entered_offset, old.entered_by, e.at, _actor(e), old.changes + 1)
    return out


def _add_findings(handbook: Handbook, data: VaultData, o: ReportOptions, remittances: list[r.Remittance] | None,
                  loans: list[r.Loan], repayments: list[r.Repayment]) -> None:
    """Fee limits, payoff and the debt-trap line: computed by the Debts services, printed on the summary page."""
    from handbook_app.core.loans import add_months
    from handbook_app.i18n.formatting import minor_to_decimal
    from handbook_app.services import debts

    as_of = min(o.date_to or data.generated.date(), data.generated.date())
    if data.fees:
        rates = {}
        if remittances is None:
            remittances = handbook.records(r.Remittance, "date")
        first = next((x for x in remittances
                      if x.sent.currency == "JPY" and x.received.currency == data.fees[0].amount.currency
                      and x.sent.minor > 0 and x.received.minor > 0), None)
        if first is not None:
            # the wage-based cap is in yen: compare at the rate of the first money sent home (a recorded, real rate)
            rate = minor_to_decimal(first.received.minor, first.received.currency) / minor_to_decimal(
                first.sent.minor, "JPY")
            rates["JPY"] = rate
            data.fee_rate = (rate, first.date, first.received.currency)
        try:
            data.fee_findings = list(debts.fee_report(handbook, rates).findings)
        except (ValueError, KeyError):
            data.fee_findings = []  # a fee that cannot be compared is shown in the Debts screen; the pack lists fees
    if not data.loans:
        return
    screen = debts.debt_screen(handbook, as_of, with_charts=False, loans=loans, repayments=repayments)
    for outlook in screen.outlooks:
        loan, state = outlook.view.loan, outlook.view.state
        proj = outlook.projection
        term_end = add_months(loan.start, loan.term_months) if loan.term_months else None
        owed = state.balance.minor > 0
        due = outlook.view.next_due
        overdue = owed and ((term_end is not None and term_end < as_of) or bool(due is not None and due.overdue))
        data.loan_outlooks.append(LoanOutlook(
            loan.id, proj.payoff_date if proj else None, bool(proj and proj.never_pays_off),
            screen.overview.deadline, bool(proj and proj.debt_trap), term_end, overdue, outlook.pace_months, as_of))


def untranslated_incidents(handbook: Handbook) -> list[r.Incident]:
    """Incidents whose description has no translation: the PDF marks them; the export screen lists them."""
    return [x for x in handbook.records(r.Incident, "started") if x.description.strip() and not x.translation.strip()]


def _loader(handbook: Handbook, att: r.Attachment) -> Callable[[], bytes] | None:
    if not att.media_type.lower().startswith("image/"):
        return None

    def load() -> bytes:
        try:
            return handbook.attachment_bytes(att.id)
        except (VaultError, KeyError):
            return b""  # too large or gone: drawn as "no preview"

    return load


# --------------------------------------------------------------------------- rendering


def _renderer(kind: str, data: VaultData, options: ReportOptions, progress, cancelled):
    if kind == "evidence":
        from handbook_app.reports.evidence_pack import render_evidence_pack as render
    elif kind == "debt-summary":
        from handbook_app.reports.debt_summary import render_debt_summary as render
    elif kind == "shortfall":
        from handbook_app.reports.shortfall_statement import render_shortfall_statement as render
    else:
        raise ValueError(f"unknown report: {kind}")
    return lambda out: render(data, options, out, progress=progress, cancelled=cancelled)


def preview_report(handbook: Handbook, kind: str = "evidence", options: ReportOptions | None = None,
                   progress: Progress | None = None, cancelled: Cancelled | None = None) -> ReportPreview:
    """The PDF in memory for the app's preview (nothing written, nothing recorded)."""
    from handbook_app.reports import base

    options = options or ReportOptions()
    data = gather(handbook, options, cancelled)
    try:
        pdf, info = base.render_bytes(_renderer(kind, data, options, progress, cancelled), options.password)
    except base.ReportCancelled:
        raise ReportCancelled() from None
    return ReportPreview(pdf, info.pages, info.missing_glyphs)


def export_report(handbook: Handbook, kind: str, dest: str | os.PathLike, options: ReportOptions | None = None,
                  progress: Progress | None = None, cancelled: Cancelled | None = None,
                  overwrite: bool = True) -> ReportResult:
    """Render report `kind` ("evidence", "debt-summary", "shortfall") to `dest` and record the handover.

    Cancelled or failed: no file is left and nothing is recorded.
    """
    from handbook_app.reports import base

    options = options or ReportOptions()
    dest = Path(dest)
    if dest.resolve() == Path(handbook.path).resolve():
        raise ReportError(_("Choose another file name: this is the vault itself."))
    if dest.exists() and not overwrite:
        raise VaultExists(_("A file with this name already exists. Choose another name; nothing was overwritten."))
    if progress is not None:
        progress(0, 100)
    data = gather(handbook, options, cancelled)
    if progress is not None:
        progress(10, 100)
    try:
        written = base.write_report(dest, _renderer(kind, data, options, progress, cancelled), options.password,
                                    cancelled)
    except base.ReportCancelled:
        raise ReportCancelled() from None
    except base.ReportWriteError as exc:
        raise ReportError(_write_message(dest, exc)) from None
    details = {
        "report": kind,
        "file": dest.name,
        "sha256": written.sha256,
        "pages": written.pages,
        "langs": list(options.langs),
        "sections": [s for s in SECTIONS if s in options.sections] if kind == "evidence" else [],
        "period": [d.isoformat() if d else None for d in (options.date_from, options.date_to)],
        "excluded": len(options.exclude),
        "masked": options.mask_third_parties,
        "password": bool(options.password),
        "recipient": options.recipient.strip(),
    }
    handbook.record_event("handover", "pdf", details)
    if progress is not None:
        progress(100, 100)
    return ReportResult(written.path, written.sha256, written.pages, written.missing_glyphs, written.size)


def _write_message(dest: Path, exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return _("The disk is full: the PDF was not saved and no file was left behind.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("This folder cannot be written to: {folder}. The PDF was not saved.").format(folder=dest.parent)
    if exc.errno == errno.ENOENT:
        return _("This folder does not exist: {folder}. The PDF was not saved.").format(folder=dest.parent)
    return _("The PDF could not be saved: {reason}. No file was left behind.").format(
        reason=exc.strerror or exc)


def build_evidence_pack(handbook: Handbook, dest: str | os.PathLike, options: ReportOptions | None = None,
                        progress: Progress | None = None, cancelled: Cancelled | None = None) -> ReportResult:
    return export_report(handbook, "evidence", dest, options, progress, cancelled)


def build_debt_summary(handbook: Handbook, dest: str | os.PathLike, options: ReportOptions | None = None,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> ReportResult:
    return export_report(handbook, "debt-summary", dest, options, progress, cancelled)


def build_shortfall_statement(handbook: Handbook, dest: str | os.PathLike, options: ReportOptions | None = None,
                              progress: Progress | None = None,
                              cancelled: Cancelled | None = None) -> ReportResult:
    return export_report(handbook, "shortfall", dest, options, progress, cancelled)


def print_guide_article(dest: str | os.PathLike, articles: Sequence, password: str | None = None) -> ReportResult:
    """A rights-guide article in one or two languages (no vault needed, nothing recorded).

    `articles`: one or two objects with slug/lang/title/body/sources/checked_on (the guide's
    `Article` or `reports.guide_article.ArticleText`).
    """
    from handbook_app.reports import base
    from handbook_app.reports.guide_article import ArticleText, render_guide_article

    texts = [a if isinstance(a, ArticleText) else ArticleText.from_article(a) for a in articles]
    dest = Path(dest)
    try:
        written = base.write_report(dest, lambda out: render_guide_article(texts, out), password)
    except base.ReportWriteError as exc:
        raise ReportError(_write_message(dest, exc)) from None
    return ReportResult(written.path, written.sha256, written.pages, written.missing_glyphs, written.size)
