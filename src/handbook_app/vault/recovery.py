"""The vault's raw SQLCipher key, for the recovery sheet, and opening a vault with it.

SQLCipher 4 derives the page key as PBKDF2-HMAC-SHA512(passphrase, salt, 256,000, 32 bytes), the
salt being the file's first 16 bytes. The same key with the salt, given as
PRAGMA key = "x'<64 hex key><32 hex salt>'", opens the file without the passphrase. Nothing is
stored: the key is computed on request, from the passphrase the user types, and goes only to
the screen and the printer. The file format does not change.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from handbook_app.core.recovery_code import KEY_BYTES, SALT_BYTES, RecoveryKey
from handbook_app.i18n import _
from handbook_app.vault.connection import Vault, VaultError, normalize_passphrase

KDF_ITERATIONS = 256_000  # SQLCipher 4's default, which every vault of this app uses


def file_salt(path: str | os.PathLike) -> bytes:
    """The first 16 bytes of the vault file: SQLCipher's salt (stored in the clear by design)."""
    try:
        with open(path, "rb") as fh:
            salt = fh.read(SALT_BYTES)
    except OSError as exc:
        raise VaultError(_("The vault file could not be read: {reason}").format(reason=exc.strerror or exc)) from None
    if len(salt) != SALT_BYTES:
        raise VaultError(_("This file is not a vault."))
    return salt


def derive(passphrase: str, salt: bytes) -> RecoveryKey:
    """The page key SQLCipher derives from this passphrase (normalised as when the vault is opened)."""
    key = hashlib.pbkdf2_hmac("sha512", normalize_passphrase(passphrase).encode("utf-8"), salt,
                              KDF_ITERATIONS, KEY_BYTES)
    return RecoveryKey(key, salt)


def uses_default_kdf(vault: Vault) -> bool:
    """True when the open vault's key derivation is the one `derive` reproduces (else no sheet is made)."""
    try:
        row = vault.conn.execute("PRAGMA kdf_iter").fetchone()
        algorithm = vault.conn.execute("PRAGMA cipher_kdf_algorithm").fetchone()
    except Exception:  # noqa: BLE001 - an unknown answer means "not checked", never "fine"
        return False
    return bool(row and int(row[0]) == KDF_ITERATIONS and algorithm and "SHA512" in str(algorithm[0]).upper())


def open_with_key(path: str | os.PathLike, recovery: RecoveryKey) -> Vault:
    """Open a vault with its raw key (from a recovery sheet) instead of the passphrase."""
    return Vault.open(Path(path), recovery.sqlcipher_key())
