"""The recovery sheet: a forgotten passphrase need not lose the record.

After unlocking, the user can make a sheet with the vault's raw key and salt as a typed code (the
passphrase is asked again, so someone who finds the app unlocked cannot print it). The code opens
the vault (this app's "I forgot my passphrase", or any SQLCipher 4 client) and the user then sets
a new passphrase. Changing the passphrase changes the key and the salt, so every older sheet is
void: the vault keeps the salt the last sheet was made for (the salt is stored in the clear in
the file's first bytes anyway), never the key.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from handbook_app.core import records as r
from handbook_app.core.recovery_code import RecoveryCodeError, RecoveryKey, decode, encode_lines
from handbook_app.i18n import _
from handbook_app.services.handbook import Handbook
from handbook_app.services.session import UnlockInfo
from handbook_app.vault import recovery as raw
from handbook_app.vault.connection import VaultError, WrongPassphraseOrNotVault

SHEET_META = "recovery_sheet_salt"


class RecoveryError(VaultError):
    """A recovery code that cannot open this vault; str() is a translated one-line message."""


@dataclass(frozen=True)
class RecoverySheet:
    lines: tuple[str, ...]  # 4 lines of 6 groups of 4 letters
    sqlcipher_key: str  # x'…' for any SQLCipher 4 client
    vault_name: str
    vault_path: str
    made: dt.datetime


def make_sheet(handbook: Handbook, passphrase: str) -> RecoverySheet:
    """The recovery sheet for the open vault; `passphrase` must be its current one."""
    if not handbook.passphrase_matches(passphrase):
        raise WrongPassphraseOrNotVault(_("The current passphrase is not right. No sheet was made."))
    if not raw.uses_default_kdf(handbook.vault):
        raise VaultError(_("This vault uses key settings the recovery sheet cannot reproduce. No sheet was made."))
    recovery = raw.derive(passphrase, raw.file_salt(handbook.path))
    handbook.set_meta(SHEET_META, recovery.salt.hex())
    handbook.record_event("recovery-sheet", "vault", {"made": True})
    return _sheet(handbook.path, recovery)


def _sheet(path: Path, recovery: RecoveryKey) -> RecoverySheet:
    return RecoverySheet(tuple(encode_lines(recovery)), recovery.sqlcipher_key(), Path(path).name, str(path),
                         dt.datetime.now().astimezone())


def sheet_state(handbook: Handbook) -> str:
    """"none" (no sheet was made), "current" (the last sheet opens this vault) or "void" (the
    passphrase changed since: that sheet no longer opens it)."""
    made_for = handbook.meta(SHEET_META)
    if not made_for:
        return "none"
    try:
        return "current" if raw.file_salt(handbook.path).hex() == made_for else "void"
    except VaultError:
        return "void"


def code_problem(text: str) -> str | None:
    """Why a typed code cannot be read, in words a user can act on; None when it reads."""
    try:
        decode(text)
    except RecoveryCodeError as exc:
        if exc.reason == "check":
            return _("Line {line} has a typing mistake. Compare it with the sheet letter by letter.").format(
                line=exc.line)
        if exc.reason == "letters":
            return _("The code has only the letters A–Z and the digits 2–7. Check for other signs.")
        return _("The code has 4 lines of 24 letters. Some letters are missing or extra.")
    return None


def unlock_with_code(path: str | os.PathLike, code: str, actor: r.Actor | None = None
                     ) -> tuple[Handbook, UnlockInfo]:
    """Open a vault with the code from its recovery sheet. The caller then asks for a new passphrase."""
    path = Path(path)
    problem = code_problem(code)
    if problem:
        raise RecoveryError(problem)
    recovery = decode(code)
    if raw.file_salt(path) != recovery.salt:
        raise RecoveryError(_("This sheet is not for this vault file, or the passphrase was changed after it "
                              "was printed (that makes a sheet void). Try another sheet or a backup."))
    try:
        vault = raw.open_with_key(path, recovery)
    except WrongPassphraseOrNotVault:
        raise RecoveryError(_("This code does not open the vault. Check that the sheet belongs to this "
                              "vault.")) from None
    handbook = Handbook(vault, actor)
    previous = handbook.meta("last_opened")
    handbook.set_meta("last_opened", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    handbook.record_event("recovery", "vault", {"opened_with": "recovery sheet"})
    return handbook, UnlockInfo(dt.datetime.fromisoformat(previous) if previous else None, 0)


def set_new_passphrase(handbook: Handbook, new_passphrase: str) -> None:
    """After opening with the code: the new passphrase (the old one is not asked: it was forgotten)."""
    handbook.change_passphrase(new_passphrase)


def sheet_pdf(sheet: RecoverySheet, langs: tuple[str, ...] = ("vi", "ja")) -> bytes:
    """The sheet as a one-page PDF, in memory (for printing or a deliberate save)."""
    from handbook_app.reports.base import render_bytes
    from handbook_app.reports.recovery_sheet import render_recovery_sheet

    data, _info = render_bytes(lambda out: render_recovery_sheet(
        sheet.lines, sheet.sqlcipher_key, sheet.vault_name, sheet.made, out, langs))
    return data


def save_sheet_pdf(sheet: RecoverySheet, dest: str | os.PathLike, langs: tuple[str, ...] = ("vi", "ja")) -> Path:
    """Write the sheet's PDF where the user chose (owner-only, atomically). The user was warned: print it
    and delete the file, because the file opens the vault like the paper does."""
    from handbook_app.reports.base import ReportWriteError, write_report
    from handbook_app.reports.recovery_sheet import render_recovery_sheet

    try:
        written = write_report(dest, lambda out: render_recovery_sheet(
            sheet.lines, sheet.sqlcipher_key, sheet.vault_name, sheet.made, out, langs))
    except ReportWriteError as exc:
        raise VaultError(_("The PDF could not be saved: {reason}. No file was left behind.").format(
            reason=exc.strerror or exc)) from None
    return written.path
