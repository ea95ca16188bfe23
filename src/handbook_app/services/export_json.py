"""Export every record and the audit chain as versioned JSON (format: docs/export-format.md).

This writes plaintext on purpose: callers warn the user first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from handbook_app import __version__
from handbook_app.core.records import RECORD_TYPES
from handbook_app.i18n import _
from handbook_app.partial_files import clean_partial_files, partial_name
from handbook_app.private_files import open_private
from handbook_app.services.handbook import Handbook
from handbook_app.services.work import wage_review_export
from handbook_app.vault.connection import VaultExists, storage_error
from handbook_app.vault.migrations import current_version
from handbook_app.vault.salvage import DatabaseError, Gap

FORMAT = "trainee-handbook-export"
FORMAT_VERSION = 1


def export_document(handbook: Handbook) -> dict:
    """Everything that can be read. A damaged vault still exports every readable record and entry; the
    document then says `"complete": false` and lists the parts that could not be read."""
    unreadable: list[str] = []
    records: dict[str, list[dict]] = {}
    for kind in RECORD_TYPES:
        records[kind] = []
        for item in handbook.store.readable_rows(kind):
            if isinstance(item, Gap):
                unreadable.append(item.describe())
            else:
                records[kind].append(item)
    audit: list[dict] = []
    for entry in handbook.store.readable_audit():
        if isinstance(entry, Gap):
            unreadable.append(entry.describe())
        else:
            audit.append({**entry.payload(), "prev_hash": entry.prev_hash, "hash": entry.hash})
    try:
        schema = current_version(handbook.vault.conn)
    except DatabaseError:
        schema, unreadable = None, [*unreadable, "schema_version"]
    try:
        checkpoints = [{"seq": cp.seq, "head_hash": cp.head_hash, "signed_at": cp.signed_at,
                        "organisation": cp.organisation, "public_key": cp.public_key,
                        "fingerprint": cp.fingerprint, "signature": cp.signature}
                       for cp in handbook.store.checkpoints()]
    except DatabaseError:
        checkpoints, unreadable = [], [*unreadable, "checkpoint"]
    wage_review = _wage_review(handbook, unreadable)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": schema,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "complete": not unreadable,
        "unreadable": unreadable,
        "checkpoints": checkpoints,
        "records": records,
        "audit": audit,
        "audit_head": {"count": len(audit), "hash": audit[-1]["hash"] if audit else None},
        "wage_review": wage_review,  # derived, not stored: docs/export-format.md
    }


def _wage_review(handbook: Handbook, unreadable: list[str]) -> list | None:
    """The payslip review as the app shows it; None (and named as unreadable) when damage stops it."""
    try:
        return wage_review_export(handbook)
    except (DatabaseError, ValueError):
        unreadable.append("wage_review")
        return None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    unreadable: list[str]  # empty: the export is complete


def export_json(handbook: Handbook, dest: str | os.PathLike, overwrite: bool = False) -> ExportResult:
    dest = Path(dest)
    clean_partial_files(dest.parent)
    if dest.exists() and not overwrite:
        raise VaultExists(_("A file with this name already exists. Choose another name; nothing was overwritten."))
    tmp = partial_name(dest)
    try:
        document = export_document(handbook)
        with open_private(tmp, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=1)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise storage_error(exc) from None
    handbook.record_event("export", "json", {"file": dest.name})  # not on a read-only vault (nothing written)
    return ExportResult(dest, document["unreadable"])
