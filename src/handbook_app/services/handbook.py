"""The facade every face calls: one `Handbook` per open vault.

Screens and CLI commands never touch SQL; each edit validates, writes the record and its audit
entry in one transaction, and returns a `Changes` value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import mimetypes
import os
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TypeVar

from handbook_app.core import records as r
from handbook_app.core.audit import AuditEntry, StoredEntry
from handbook_app.core.loans import validate_repayment
from handbook_app.core.validation import Problem, ValidationError, validate
from handbook_app.i18n import _
from handbook_app.i18n.formatting import format_date, format_month
from handbook_app.partial_files import partial_name
from handbook_app.private_files import open_private
from handbook_app.services.changes import Changes
from handbook_app.services.input_guard import unstorable
from handbook_app.services.passphrase_policy import passphrase_problem
from handbook_app.vault import attachments as blobs
from handbook_app.vault.codec import to_row
from handbook_app.vault.connection import Vault, VaultError, WrongPassphraseOrNotVault, storage_error
from handbook_app.vault.store import Store, VerifyReport

R = TypeVar("R", bound=r.Record)

MAX_ATTACHMENT_BYTES = 2 * 1024**3  # larger files are refused with a message, never half-stored


@dataclass(frozen=True)
class HistoryItem:
    seq: int
    at: str
    utc_offset: str
    who: str
    actor_kind: str
    action: str
    changes: list[tuple[str, object, object]]  # (column, before, after)


def _passphrase_digest(passphrase: str, salt: bytes) -> bytes:
    text = unicodedata.normalize("NFC", passphrase)
    return hashlib.pbkdf2_hmac("sha256", text.encode("utf-8"), salt, 50_000)


class Handbook:
    def __init__(self, vault: Vault, actor: r.Actor | None = None) -> None:
        self.vault = vault
        self.store = Store(vault)
        self.actor = actor or r.Actor()
        # Locking must not wait for a 1 GB attachment to finish streaming in: lock() raises the
        # closing flag, the stream stops at its next chunk and rolls back, then the vault closes.
        self._closing = threading.Event()
        self._streaming = threading.Lock()

    # --- lifecycle ---------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.vault.path

    def lock(self, wait_s: float = 10.0) -> None:
        """Close the vault (forgetting the key); a write still streaming is cancelled and rolled back."""
        self._closing.set()
        acquired = self._streaming.acquire(timeout=wait_s)
        try:
            self.vault.close()
        finally:
            if acquired:
                self._streaming.release()

    @property
    def is_open(self) -> bool:
        return self.vault.is_open

    def set_actor(self, actor: r.Actor) -> None:
        self.actor = actor

    def file_present(self) -> bool:
        """False when the vault file was moved or deleted while open (writes would then be lost on lock)."""
        try:
            return self.vault.path.is_file()
        except OSError:
            return False

    def save_copy(self, dest: str | os.PathLike, passphrase: str) -> Changes:
        """Write a complete encrypted copy to a new file (rescue after the file vanished, or a backup)."""
        self.vault.export_copy(dest, passphrase)
        return Changes(frozenset({"audit"}))

    # --- records -----------------------------------------------------------------------------
    def records(self, cls: type[R], order: str = "id") -> list[R]:
        return self.store.all(cls, order)

    def record(self, cls: type[R], row_id: int) -> R | None:
        return self.store.get(cls, row_id)

    def records_where(self, cls: type[R], column: str, value: object) -> list[R]:
        return self.store.where(cls, column, value)

    def records_between(self, cls: type[R], column: str, low: object, high: object) -> list[R]:
        return self.store.between(cls, column, low, high)

    def count(self, cls: type[r.Record]) -> int:
        return self.store.count(cls)

    def count_in(self, cls: type[r.Record], column: str, values: tuple) -> int:
        return self.store.count_in(cls, column, values)

    def check(self, record: r.Record) -> None:
        """Validate one record, and against the records it refers to (a repayment against its loan)."""
        problems = unstorable(record)
        if problems:  # the other rules may not even compute on such values
            raise ValidationError(problems)
        problems = validate(record)
        if isinstance(record, r.Repayment) and record.loan_id:
            loan = self.store.get(r.Loan, record.loan_id)
            if loan is None:
                problems.append(Problem("loan_id", _("Choose the loan this repays.")))
            else:
                seen = {p.field for p in problems}
                problems += [Problem(p.field, p.message) for p in validate_repayment(loan, record) if p.field not in seen]
        if problems:
            raise ValidationError(problems)

    def soft_warnings(self, record: r.Record) -> list[str]:
        """Things worth a second look that must not stop a save (a bonus slip is a second payslip for a
        month; two equal transfers on one day happen): the app asks, the CLI and imports do not."""
        out: list[str] = []
        if isinstance(record, r.Payslip):
            same = [p for p in self.store.where(r.Payslip, "month", record.month.isoformat()) if p.id != record.id]
            if same:
                out.append(_("There is already a payslip for {month}.").format(month=format_month(record.month)))
        elif isinstance(record, r.Remittance):
            same = [x for x in self.store.where(r.Remittance, "date", record.date.isoformat())
                    if x.id != record.id and x.sent == record.sent]
            if same:
                out.append(_("A transfer of {amount} on {date} is already recorded.").format(
                    amount=record.sent.format(), date=format_date(record.date)))
        return out

    def add(self, record: R) -> Changes:
        self.check(record)
        with self.vault.transaction():
            saved = self.store.insert(record, self.actor)
        return Changes.of(record.KIND, saved.id, saved)

    def add_many(self, records: list[r.Record]) -> Changes:
        """All or nothing (CSV import, demo): one invalid record saves none."""
        for record in records:
            self.check(record)
        ids = []
        with self.vault.transaction():
            for record in records:
                ids.append(self.store.insert(record, self.actor).id)
        return Changes(frozenset(x.KIND for x in records), tuple(ids))

    def update(self, record: R) -> Changes:
        self.check(record)
        with self.vault.transaction():
            self.store.update(record, self.actor)
        return Changes.of(record.KIND, record.id, record)

    def delete(self, cls: type[r.Record], row_id: int) -> Changes:
        """Delete a record; it stays visible in the history. Its attachments go with it."""
        with self.vault.transaction():
            if cls is not r.Attachment:
                for att in self.store.where(r.Attachment, "owner_id", row_id):
                    if att.owner_kind == cls.KIND:
                        blobs.delete_chunks(self.vault, att.id)
                        self.store.delete(r.Attachment, att.id, self.actor)
            else:
                blobs.delete_chunks(self.vault, row_id)
            self.store.delete(cls, row_id, self.actor)
        return Changes(frozenset({cls.KIND, r.Attachment.KIND}), (row_id,))

    def erase(self, cls: type[r.Record], row_id: int) -> Changes:
        """Erase a deleted record's content from the history and every later export (vault/erasure.py).
        Only a record already deleted can be erased; its attachments' entries are erased with it."""
        from handbook_app.vault.erasure import erase_history

        if self.store.get(cls, row_id) is not None:
            raise VaultError(_("Delete the record first; then its content can be erased from the history."))
        if not any(True for _e in self.store.audit_entries(cls.KIND, row_id)):
            raise VaultError(_("This record has no history to erase."))
        attachments = {e.row_id for e in self.store.audit_entries(r.Attachment.KIND)
                       if e.row_id is not None and e.action == "delete" and isinstance(e.before, dict)
                       and e.before.get("owner_kind") == cls.KIND and e.before.get("owner_id") == row_id}
        with self.vault.transaction():
            for att_id in sorted(attachments):
                if self.store.get(r.Attachment, att_id) is None:
                    erase_history(self.store, self.actor, r.Attachment.KIND, att_id)
            erase_history(self.store, self.actor, cls.KIND, row_id)
        return Changes(frozenset({"audit"}))

    # --- profile -----------------------------------------------------------------------------
    def profile(self) -> r.Profile | None:
        found = self.store.all(r.Profile)
        return found[0] if found else None

    def save_profile(self, profile: r.Profile) -> Changes:
        existing = self.profile()
        if existing is None:
            return self.add(replace(profile, id=None))
        return self.update(replace(profile, id=existing.id))

    # --- attachments ---------------------------------------------------------------------------
    def add_attachment(
        self,
        owner: r.Record,
        source: BinaryIO,
        name: str,
        media_type: str | None = None,
        total: int | None = None,
        progress: Callable[[int, int | None], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        captured: dt.date | None = None,
    ) -> Changes:
        """Stream a file into the vault. Cancelled or failed: nothing is kept."""
        if owner.id is None or owner.KIND not in r.ATTACHMENT_OWNERS:
            raise VaultError(_("Save the record before adding attachments."))
        if total is not None and total > MAX_ATTACHMENT_BYTES:
            raise VaultError(_("This file is too large to keep in the vault (more than 2 GB)."))
        media = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        meta = r.Attachment(owner_kind=owner.KIND, owner_id=owner.id, name=name, media_type=media, captured=captured)
        self.check(meta)

        def stop() -> bool:
            return self._closing.is_set() or bool(cancelled and cancelled())

        with self._streaming, self.vault.transaction():
            # The metadata row is written first (for its id) and completed once the bytes are in;
            # the one audit entry records the finished metadata with its SHA-256.
            placeholder = self.store.insert(meta, self.actor, audit=False)
            size, digest = blobs.write_chunks(self.vault, placeholder.id, source, total, progress, stop)
            saved = self.store.update(replace(placeholder, size=size, sha256=digest), self.actor, audit=False)
            self.store.append_audit(self.actor, "insert", r.Attachment.KIND, saved.id, None, to_row(saved))
        return Changes.of(r.Attachment.KIND, saved.id, saved)

    def add_attachment_file(self, owner: r.Record, path: str | os.PathLike, **kwargs) -> Changes:
        path = Path(path)
        try:
            size = path.stat().st_size
            with path.open("rb") as fh:
                return self.add_attachment(owner, fh, path.name, total=size, **kwargs)
        except OSError as exc:
            raise VaultError(_("The file could not be read: {reason}").format(reason=exc.strerror or exc)) from None

    def attachments(self, owner: r.Record) -> list[r.Attachment]:
        return [a for a in self.store.where(r.Attachment, "owner_id", owner.id) if a.owner_kind == owner.KIND]

    def attachment_chunks(self, attachment_id: int) -> Iterator[bytes]:
        return blobs.read_chunks(self.vault, attachment_id)

    def attachment_bytes(self, attachment_id: int, limit: int = 64 * 1024 * 1024) -> bytes:
        """Whole content in memory, for previews (refused beyond `limit`)."""
        att = self.store.get(r.Attachment, attachment_id)
        if att is None:
            raise KeyError(attachment_id)
        if att.size > limit:
            raise VaultError(_("This file is too large to preview; export a copy instead."))
        return b"".join(blobs.read_chunks(self.vault, attachment_id))

    def export_attachment(self, attachment_id: int, dest: str | os.PathLike) -> None:
        """Write a plaintext copy on the user's explicit request (the UI warns first)."""
        dest = Path(dest)
        tmp = partial_name(dest)
        try:
            with open_private(tmp, "wb") as out:
                for block in blobs.read_chunks(self.vault, attachment_id):
                    out.write(block)
            os.replace(tmp, dest)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise storage_error(exc) from None

    # --- history and verification -------------------------------------------------------------
    def history(self, kind: str, row_id: int) -> list[HistoryItem]:
        items = []
        for e in self.store.audit_entries(kind, row_id):
            before, after = e.before or {}, e.after or {}
            changed = [
                (col, before.get(col), after.get(col))
                for col in sorted(set(before) | set(after))
                if col != "id" and before.get(col) != after.get(col)
            ]
            who = e.actor_name or (_("Trainee") if e.actor_kind == "trainee" else _("Support worker"))
            if e.actor_kind == "support" and e.actor_org:
                who = f"{who} ({e.actor_org})"
            items.append(HistoryItem(e.seq, e.at, e.utc_offset, who, e.actor_kind, e.action, changed))
        return items

    def audit_entries(self) -> list[AuditEntry]:
        return list(self.store.audit_entries())

    def audit_entry(self, seq: int) -> AuditEntry | None:
        return self.store.audit_entry(seq)

    def audit_head(self) -> tuple[int, str]:
        return self.store.audit_head()

    def verify(self, check_content: bool = True,
               on_entry: Callable[[StoredEntry], None] | None = None) -> VerifyReport:
        """The full integrity check; `on_entry` sees every history entry on the way (one pass for a report)."""
        return self.store.verify(check_content, on_entry)

    def record_event(self, action: str, kind: str, details: dict) -> Changes:
        """Log a non-record event (an export, a handover, a passphrase change) in the audit chain.

        A read-only vault cannot record it: the export itself still works and the file stays as it was."""
        if self.vault.read_only:
            return Changes(frozenset())
        with self.vault.transaction():
            self.store.append_audit(self.actor, action, kind, None, None, details)
        return Changes(frozenset({"audit"}))

    # --- meta ----------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        return self.store.meta(key)

    def set_meta(self, key: str, value: str) -> None:
        with self.vault.transaction():
            self.store.set_meta(key, value)

    def remember_passphrase_check(self, passphrase: str) -> None:
        """Keep a salted, slow hash of the passphrase in memory (never on disk), so that changing it
        can ask for the current one: someone who finds the app unlocked cannot lock the owner out."""
        salt = os.urandom(16)
        self._passphrase_check = (salt, _passphrase_digest(passphrase, salt))

    def passphrase_matches(self, passphrase: str) -> bool:
        check = getattr(self, "_passphrase_check", None)
        if check is None:
            return False
        salt, digest = check
        return hmac.compare_digest(digest, _passphrase_digest(passphrase, salt))

    def change_passphrase(self, new_passphrase: str, current_passphrase: str | None = None) -> None:
        """Re-key the vault. With `current_passphrase` (the app always gives it), a wrong one is refused."""
        if current_passphrase is not None and not self.passphrase_matches(current_passphrase):
            raise WrongPassphraseOrNotVault(_("The current passphrase is not right. Nothing was changed."))
        problem = passphrase_problem(new_passphrase)
        if problem:
            raise VaultError(problem)
        # Held like an upload: a lock arriving meanwhile waits for the swap, so the vault is never
        # reopened after the user locked it.
        with self._streaming:
            if self._closing.is_set():
                raise VaultError(_("The vault was locked. Nothing was changed."))
            def entry(copy: Vault) -> None:  # written into the re-keyed copy, so it survives a kill after the swap
                with copy.transaction():
                    Store(copy).append_audit(self.actor, "rekey", "vault", None, None, {"changed": True})

            self.vault.change_passphrase(new_passphrase, entry)
            self.remember_passphrase_check(new_passphrase)
