"""Back up to a folder or USB stick, restore from a backup, and the gentle "last backup" reminder.

Each backup is checked by opening it, keeps the last few copies in its folder, and is recorded in
the audit chain as a handover (the copy left the vault's file). The time of the last backup is
kept inside the vault, never in settings.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from handbook_app.core import records as r
from handbook_app.i18n import _, ngettext
from handbook_app.services.handbook import Handbook, passphrase_problem
from handbook_app.services.session import UnlockInfo
from handbook_app.services.session import unlock as unlock_vault
from handbook_app.vault import backup as files
from handbook_app.vault.backup import BackupInfo, BackupWritten
from handbook_app.vault.connection import VaultError, WrongPassphraseOrNotVault

KEEP = 5  # copies of one vault kept in a backup folder
REMIND_AFTER_DAYS = 30
LAST_BACKUP_META = "last_backup"

__all__ = ["KEEP", "BackupInfo", "BackupWritten", "back_up", "backup_reminder", "inspect_backup", "last_backup",
           "restore_backup"]


def back_up(handbook: Handbook, folder: str | os.PathLike, new_passphrase: str | None = None,
            keep: int = KEEP) -> BackupWritten:
    """Write a checked, encrypted copy into `folder` (same passphrase, or `new_passphrase` for this copy)."""
    if new_passphrase is not None:
        problem = passphrase_problem(new_passphrase)
        if problem:
            raise VaultError(problem)
    with handbook._streaming:  # not while an attachment streams in or the vault is being re-keyed
        written = files.write_backup(handbook.vault, folder, new_passphrase, keep=keep)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    handbook.set_meta(LAST_BACKUP_META, now)
    handbook.record_event("handover", "backup", {
        "file": written.path.name,
        "sha256": written.sha256,
        "size": written.size,
        "password": True,  # encrypted like the vault (the handovers list's "protected" column)
        "passphrase": "new" if new_passphrase is not None else "same",
        "kept": keep,
        "removed": len(written.removed),
    })
    return written


def last_backup(handbook: Handbook) -> dt.datetime | None:
    value = handbook.meta(LAST_BACKUP_META)
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def backup_reminder(handbook: Handbook, now: dt.datetime | None = None) -> str | None:
    """A gentle line for Home when the last backup is old (or there is none yet and the vault has records)."""
    now = now or dt.datetime.now(dt.UTC)
    last = last_backup(handbook)
    if last is None:
        created = handbook.meta("created")
        try:
            age = (now - dt.datetime.fromisoformat(created)).days if created else 0
        except ValueError:
            age = 0
        if age < 7 or handbook.count(r.Attachment) + handbook.count(r.Incident) + handbook.count(r.Payslip) == 0:
            return None
        return _("No backup of this vault yet. A copy on a USB stick keeps your record if this PC is lost "
                 "or breaks.")
    days = (now - last).days
    if days < REMIND_AFTER_DAYS:
        return None
    return ngettext("The last backup was {count} day ago. A fresh copy keeps what you added since.",
                    "The last backup was {count} days ago. A fresh copy keeps what you added since.",
                    days).format(count=days)


def inspect_backup(path: str | os.PathLike, passphrase: str) -> BackupInfo:
    return files.inspect(path, passphrase)


@dataclass(frozen=True)
class Restored:
    handbook: Handbook
    info: UnlockInfo
    kept: Path  # the vault as it was before, in the same folder


def restore_backup(handbook: Handbook, backup: str | os.PathLike, passphrase: str) -> Restored:
    """Lock the open vault, put the backup in its place (the old file kept beside it), open the result.

    The caller has shown the confirmation with both dates. On any failure before the swap the open
    vault is untouched; after a failed swap the old file is put back."""
    backup = Path(backup)
    files.inspect(backup, passphrase)  # wrong passphrase or not a vault: nothing is locked or moved
    path, actor = handbook.path, handbook.actor
    before = handbook.audit_head()
    handbook.lock()
    kept = files.restore(path, backup, passphrase)
    try:
        restored, info = unlock_vault(path, passphrase, actor)
    except WrongPassphraseOrNotVault:
        raise VaultError(_("The backup was put in place but could not be opened. The old vault is kept as "
                           "{name}.").format(name=kept.name)) from None
    restored.record_event("restore", "vault", {
        "from": backup.name, "kept_as": kept.name, "replaced_entries": before[0], "replaced_head": before[1],
    })
    return Restored(restored, info, kept)
