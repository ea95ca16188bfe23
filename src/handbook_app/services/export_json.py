"""Export every record and the audit chain as versioned JSON (format: docs/export-format.md).

This writes plaintext on purpose: callers warn the user first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from handbook_app import __version__
from handbook_app.core.records import RECORD_TYPES
from handbook_app.i18n import _
from handbook_app.private_files import open_private
from handbook_app.services.handbook import Handbook
from handbook_app.services.work import wage_review_export
from handbook_app.vault.codec import to_row
from handbook_app.vault.connection import VaultExists, storage_error
from handbook_app.vault.migrations import current_version

FORMAT = "trainee-handbook-export"
FORMAT_VERSION = 1


def export_document(handbook: Handbook) -> dict:
    entries = handbook.audit_entries()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": current_version(handbook.vault.conn),
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "records": {kind: [to_row(rec) for rec in handbook.records(cls)] for kind, cls in RECORD_TYPES.items()},
        "audit": [{**e.payload(), "prev_hash": e.prev_hash, "hash": e.hash} for e in entries],
        "audit_head": {"count": len(entries), "hash": entries[-1].hash if entries else None},
        "wage_review": wage_review_export(handbook),  # derived, not stored: docs/export-format.md
    }


def export_json(handbook: Handbook, dest: str | os.PathLike, overwrite: bool = False) -> Path:
    dest = Path(dest)
    if dest.exists() and not overwrite:
        raise VaultExists(_("A file with this name already exists. Choose another name; nothing was overwritten."))
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        with open_private(tmp, "w", encoding="utf-8") as out:
            json.dump(export_document(handbook), out, ensure_ascii=False, indent=1)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise storage_error(exc) from None
    handbook.record_event("export", "json", {"file": dest.name})
    return dest
