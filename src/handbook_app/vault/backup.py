"""Backups and restore at the file level: encrypted copies, checked by opening them, never an overwrite.

A backup is a complete SQLCipher copy made with `sqlcipher_export` into a new file in the chosen
folder: with the vault's own key (attached without a KEY clause, SQLCipher reuses the key and
salt, so the same passphrase and the same recovery sheet open it) or with a new passphrase. It is
written under a hidden temporary name, checked by opening it (page HMACs, integrity check, the
audit chain's head), and only then given its dated name. The last few copies of each vault are
kept; older ones in the same folder are deleted, and nothing else is ever touched.

Restore puts a backup in the vault's place only after moving the current file aside under a
dated "before restore" name in the same folder: there is always a way back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite

from handbook_app.i18n import _
from handbook_app.private_files import restrict
from handbook_app.vault.connection import (
    Vault,
    VaultError,
    VaultExists,
    VaultMissing,
    WrongPassphraseOrNotVault,
    normalize_passphrase,
    storage_error,
)

SUFFIX = ".vault"
_STAMP = "%Y-%m-%d %H%M%S"
_STAMP_RE = r"\d{4}-\d{2}-\d{2} \d{6}"


@dataclass(frozen=True)
class BackupWritten:
    path: Path
    size: int
    sha256: str
    removed: tuple[Path, ...]  # older copies deleted to keep the last few


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, read by opening it (nothing is changed in it)."""

    path: Path
    entries: int  # audit entries
    last_change: dt.datetime | None  # the newest audit entry's time (UTC)
    head: str


def backup_name(vault_path: Path, when: dt.datetime) -> str:
    return f"{vault_path.stem} backup {when.strftime(_STAMP)}{SUFFIX}"


def backups_of(vault_path: Path, folder: Path) -> list[Path]:
    """This vault's backups in `folder`, oldest first (the dated names sort by time)."""
    pattern = re.compile(re.escape(vault_path.stem) + r" backup " + _STAMP_RE + re.escape(SUFFIX) + "$")
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and pattern.match(p.name))
    except OSError:
        return []


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _head(conn: sqlite.Connection, schema: str = "main") -> tuple[int, str, str | None]:
    row = conn.execute(f"SELECT count(*), max(seq) FROM {schema}.audit").fetchone()
    if not row or not row[1]:
        return 0, "", None
    last = conn.execute(f"SELECT hash, at FROM {schema}.audit WHERE seq = ?", (row[1],)).fetchone()
    return int(row[0]), str(last[0]), str(last[1])


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            p.unlink()


def write_backup(vault: Vault, folder: str | os.PathLike, passphrase: str | None = None,
                 when: dt.datetime | None = None, keep: int = 5) -> BackupWritten:
    """Write a checked, encrypted copy of `vault` into `folder`; `passphrase` None keeps the vault's own."""
    folder = Path(folder)
    when = when or dt.datetime.now()
    if not folder.is_dir():
        raise VaultMissing(_("The folder {folder} does not exist.").format(folder=folder))
    dest = folder / backup_name(vault.path, when)
    if dest.exists():
        raise VaultExists(_("A file with this name already exists. Choose another name; nothing was overwritten."))
    if dest.resolve() == vault.path.resolve():
        raise VaultExists(_("Choose another file name: this is the vault itself."))
    tmp = folder / f".{dest.name}.part"
    _remove(tmp)
    conn = vault.conn
    key = "" if passphrase is None else f" KEY {_quote(normalize_passphrase(passphrase))}"
    expected = _head(conn)
    try:
        conn.execute(f"ATTACH DATABASE ? AS backup{key}", (str(tmp),))
        try:
            conn.execute("SELECT sqlcipher_export('backup')")
        finally:
            conn.execute("DETACH DATABASE backup")
        _check_copy(conn, tmp, passphrase, expected)
        restrict(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except VaultError:
        _remove(tmp)
        raise
    except (sqlite.Error, OSError) as exc:
        _remove(tmp)
        raise storage_error(exc) from None
    removed = []
    older = [p for p in backups_of(vault.path, folder) if p != dest]
    for old in older[:max(0, len(older) - (keep - 1))]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return BackupWritten(dest, dest.stat().st_size, _sha256(dest), tuple(removed))


def _check_copy(conn: sqlite.Connection, path: Path, passphrase: str | None,
                expected: tuple[int, str, str | None]) -> None:
    """Open the copy as a user would (its key, a fresh read of the file) and compare the history's head."""
    failed = VaultError(_("The backup copy failed its check and was removed. Nothing else was changed."))
    try:
        if passphrase is None:  # the vault's own key: attach again without a KEY clause
            conn.execute("ATTACH DATABASE ? AS checked", (str(path),))
            try:
                bad = [r[0] for r in conn.execute("PRAGMA checked.integrity_check") if r[0] != "ok"]
                head = _head(conn, "checked")
            finally:
                conn.execute("DETACH DATABASE checked")
        else:
            other = _open_plain(path, passphrase)
            try:
                bad = [r[0] for r in other.execute("PRAGMA integrity_check") if r[0] != "ok"]
                bad += [r[0] for r in other.execute("PRAGMA cipher_integrity_check")]
                head = _head(other)
            finally:
                other.close()
    except sqlite.DatabaseError:
        raise failed from None
    if bad or head != expected:
        raise failed


def _open_plain(path: Path, passphrase: str) -> sqlite.Connection:
    """A short-lived, non-exclusive connection that reads a vault file without changing it."""
    conn = sqlite.connect(str(path), isolation_level=None, check_same_thread=False, timeout=0.2)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(normalize_passphrase(passphrase))}")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite.DatabaseError:
        conn.close()
        raise WrongPassphraseOrNotVault(
            _("This vault could not be opened: the passphrase is wrong or the file is not a vault.")) from None
    return conn


def inspect(path: str | os.PathLike, passphrase: str) -> BackupInfo:
    """Open a backup read-only and say what it holds; refuses files that are not vaults."""
    path = Path(path)
    if not path.is_file():
        raise VaultMissing(_("No vault was found at {path}.").format(path=path))
    conn = _open_plain(path, passphrase)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit'").fetchone():
            raise WrongPassphraseOrNotVault(
                _("This vault could not be opened: the passphrase is wrong or the file is not a vault."))
        bad = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if bad:
            raise VaultError(_("This backup is damaged and cannot be restored."))
        entries, head, at = _head(conn)
    except sqlite.DatabaseError:
        raise VaultError(_("This backup is damaged and cannot be restored.")) from None
    finally:
        conn.close()
    when = dt.datetime.fromisoformat(at.replace("Z", "+00:00")) if at else None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return BackupInfo(path, entries, when, head)


def restore(vault_path: str | os.PathLike, backup: str | os.PathLike, passphrase: str,
            when: dt.datetime | None = None) -> Path:
    """Put `backup` in place of the (closed) vault at `vault_path`; returns where the old vault was kept."""
    vault_path, backup = Path(vault_path), Path(backup)
    when = when or dt.datetime.now()
    if backup.resolve() == vault_path.resolve():
        raise VaultError(_("This is the vault itself, not a backup."))
    inspect(backup, passphrase)  # a copy that does not open is never put in place
    kept = vault_path.with_name(f"{vault_path.stem} before restore {when.strftime(_STAMP)}{SUFFIX}")
    incoming = vault_path.with_name(f".{vault_path.name}.restoring")
    _remove(incoming)
    try:
        shutil.copyfile(backup, incoming)
        restrict(incoming)
        with incoming.open("rb+") as fh:
            os.fsync(fh.fileno())
        inspect(incoming, passphrase)
    except (OSError, VaultError) as exc:
        _remove(incoming)
        raise exc if isinstance(exc, VaultError) else storage_error(exc) from None
    if kept.exists():
        _remove(incoming)
        raise VaultExists(_("A file with this name already exists. Choose another name; nothing was overwritten."))
    try:
        if vault_path.exists():
            os.replace(vault_path, kept)  # the way back, in the same folder
    except OSError as exc:
        _remove(incoming)
        raise storage_error(exc) from None
    try:
        os.replace(incoming, vault_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.replace(kept, vault_path)  # put the old vault back
        _remove(incoming)
        raise storage_error(exc) from None
    return kept
