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
    "preview_report", "print_guide_article",
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
    data.loans = handbook.records(r.Loan, "start")
    data.repayments = handbook.records(r.Repayment, "date")
    data.remittances = [x for x in handbook.records(r.Remittance, "date") if o.in_range(x.date)]
    data.fees = [x for x in handbook.records(r.RecruitmentFee) if o.in_range(x.date)]
    data.incidents = [x for x in handbook.records(r.Incident, "started") if o.in_range(x.started)]
    if cancelled is not None and cancelled():
        raise ReportCancelled()
    data = apply_privacy(data, o)
    included = {(rec.KIND, rec.id) for group in (data.contracts, data.payslips, data.loans, data.repayments,
                                                   data.remittances, data.fees, data.incidents) for rec in group}
    for att in handbook.records(r.Attachment):
        if (att.owner_kind, att.owner_id) in included and ("attachment", att.id) not in o.exclude:
            shown = masked_attachment(att) if o.mask_third_parties else att
            data.attachments.append(AttachmentItem(shown, _loader(handbook, att)))
    if "integrity" in o.sections or "handovers" in o.sections:
        report = handbook.verify()
        data.integrity = IntegrityInfo(
            entries=report.entries, head_hash=report.head_hash, ok=report.ok,
            chain_broken_at=report.chain.seq if report.chain else None, row_problems=len(report.rows),
            damaged=bool(report.integrity),
        )
        for e in handbook.audit_entries():
            if e.action in ("handover", "export"):
                who = e.actor_name or (_("Trainee") if e.actor_kind == "trainee" else _("Support worker"))
                if e.actor_org:
                    who = f"{who} ({e.actor_org})"
                data.handovers.append(Handover(e.seq, e.at, who, e.action, e.kind, dict(e.after or {})))
    return data


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
