"""Open, create, lock and re-key one SQLCipher 4 vault file.

SQLCipher's own defaults are kept (PBKDF2-HMAC-SHA512, 256,000 iterations, AES-256), so any
standard SQLCipher 4 client opens the file with the passphrase. The connection holds an
exclusive lock for as long as the vault is unlocked: a second copy of the app is refused
rather than allowed to corrupt it. Temp data stays in memory (temp_store=MEMORY).
"""

from __future__ import annotations

import contextlib
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite

from handbook_app.i18n import _
from handbook_app.private_files import restrict
from handbook_app.vault.migrations import current_version, latest_version, migrate

# 8 MiB of decrypted pages holds a ten-year vault's money rows (~2 MB; monthly totals 9 ms either way).
# DESIGN §8 proposed 64 MiB, but every attachment streamed through the cache then stayed in memory:
# viewing one 40 MB photo left +35 MiB resident until lock (8 MiB: +8 MiB).
CACHE_KIB = 8 * 1024


class VaultError(Exception):
    """A problem opening or writing a vault; str() is a translated one-line message."""


class WrongPassphraseOrNotVault(VaultError):
    pass


class VaultMissing(VaultError):
    pass


class VaultInUse(VaultError):
    pass


class VaultExists(VaultError):
    pass


class VaultLocked(VaultError):
    pass


class VaultNotWritable(VaultError):
    pass


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def normalize_passphrase(passphrase: str) -> str:
    """One form for the same typed text: Vietnamese keyboards send 'ữ' precomposed (NFC) or as
    'u' + two combining marks (NFD) depending on their settings; both must open the vault."""
    return unicodedata.normalize("NFC", passphrase)


def _is_disk_full(exc: BaseException) -> bool:
    return "full" in str(exc).lower() or getattr(exc, "errno", None) == 28


def storage_error(exc: BaseException) -> VaultError:
    """Translate a low-level write failure into a message a user can act on."""
    if _is_disk_full(exc):
        return VaultNotWritable(_("The disk is full. Nothing was changed; free some space and try again."))
    if isinstance(exc, PermissionError) or "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
        return VaultNotWritable(_("This folder cannot be written to. Nothing was changed."))
    return VaultError(_("The vault could not be written: {reason}. Nothing was changed.").format(reason=exc))


class Vault:
    """One open (unlocked) vault. Closing it forgets the key."""

    def __init__(self, path: Path, conn: sqlite.Connection) -> None:
        self.path = path
        self._conn: sqlite.Connection | None = conn

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, passphrase: str) -> Vault:
        """Make a new, empty vault. Never overwrites: an existing file is refused."""
        path = Path(path)
        if not passphrase:
            raise VaultError(_("Please enter a passphrase."))
        if path.is_dir():
            raise VaultExists(_("This is a folder. Choose a file name inside it."))
        if path.exists():
            raise VaultExists(_("A file with this name already exists. Choose another name; nothing was overwritten."))
        if not path.parent.is_dir():
            raise VaultMissing(_("The folder {folder} does not exist.").format(folder=path.parent))
        # Build the vault under a temporary name, then give it its name only when complete,
        # so a killed process never leaves a half-made vault under the chosen name.
        tmp = path.with_name(f".{path.name}.creating")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        try:
            conn = _connect(tmp, passphrase)
            migrate(conn)
            conn.close()
            restrict(tmp)
            _link_without_overwrite(tmp, path)
        except VaultError:
            _remove_quietly(tmp)
            raise
        except (sqlite.Error, OSError) as exc:
            _remove_quietly(tmp)
            raise storage_error(exc) from None
        return cls.open(path, passphrase)

    @classmethod
    def open(cls, path: str | os.PathLike, passphrase: str) -> Vault:
        path = Path(path)
        if not path.is_file():
            raise VaultMissing(_("No vault was found at {path}.").format(path=path))
        not_a_vault = WrongPassphraseOrNotVault(
            _("This vault could not be opened: the passphrase is wrong or the file is not a vault.")
        )
        if path.stat().st_size == 0:
            raise not_a_vault
        conn = _connect(path, passphrase)
        # A readable database without our version table is someone else's file: never migrate it.
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone():
            conn.close()
            raise not_a_vault
        if current_version(conn) > latest_version():
            conn.close()
            raise VaultError(_("This vault was made by a newer version of the app. Please update the app."))
        try:
            migrate(conn)
        except sqlite.Error as exc:
            conn.close()
            raise storage_error(exc) from None
        return cls(path, conn)

    # --- use -------------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite.Connection:
        if self._conn is None:
            raise VaultLocked(_("The vault is locked."))
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite.Connection]:
        """All or nothing: a failure (or a killed process) leaves the vault as it was."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite.Error as exc:
            raise storage_error(exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite.Error):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite.Error):
                raise storage_error(exc) from None
            raise

    def close(self) -> None:
        """Lock: close the connection; SQLCipher wipes the key from memory."""
        if self._conn is not None:
            with contextlib.suppress(sqlite.Error):
                self._conn.close()
            self._conn = None

    # --- maintenance -----------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        """Problems found by SQLCipher's page HMAC check and SQLite's integrity check (empty = sound)."""
        try:
            problems = [row[0] for row in self.conn.execute("PRAGMA cipher_integrity_check")]
            problems += [row[0] for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        except sqlite.DatabaseError as exc:
            problems = [str(exc)]
        return problems

    def export_copy(self, dest: str | os.PathLike, passphrase: str) -> None:
        """Write a complete encrypted copy to `dest` (a new file) with `passphrase`."""
        dest = Path(dest)
        if dest.exists():
            raise VaultExists(_("A file with this name already exists. Choose another name; nothing was overwritten."))
        try:
            key = _quote(normalize_passphrase(passphrase))
            self.conn.execute(f"ATTACH DATABASE ? AS copy KEY {key}", (str(dest),))
            try:
                self.conn.execute("SELECT sqlcipher_export('copy')")
            finally:
                self.conn.execute("DETACH DATABASE copy")
        except sqlite.Error as exc:
            _remove_quietly(dest)
            raise storage_error(exc) from None

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-key safely: write a re-encrypted copy, check it, then swap it in atomically.

        If anything fails before the swap, the old file (and old passphrase) is untouched.
        """
        if not new_passphrase:
            raise VaultError(_("Please enter a passphrase."))
        tmp = self.path.with_name(f".{self.path.name}.rekey")
        _remove_quietly(tmp)
        self.export_copy(tmp, new_passphrase)
        try:
            check = _connect(tmp, new_passphrase, exclusive=False)
            bad = [r[0] for r in check.execute("PRAGMA integrity_check") if r[0] != "ok"]
            check.close()
            if bad:
                raise VaultError(_("The re-encrypted copy failed its check; the old passphrase still works."))
        except BaseException:
            _remove_quietly(tmp)
            raise
        restrict(tmp)
        # Empty the old file's write-ahead log first: its -wal file is found by name and must not be
        # replayed into (or checkpointed over) the new file.
        with contextlib.suppress(sqlite.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if os.name == "posix":
            # POSIX lets the new file take the name while the old one is still open: if the swap
            # fails, the old vault stays open and usable with its old passphrase.
            try:
                os.replace(tmp, self.path)
            except OSError as exc:
                _remove_quietly(tmp)
                raise storage_error(exc) from None
            self.close()
        else:  # Windows cannot replace an open file
            self.close()
            try:
                os.replace(tmp, self.path)
            except OSError as exc:
                _remove_quietly(tmp)
                raise VaultError(_("The passphrase could not be changed ({reason}). Unlock again with the old "
                                   "passphrase.").format(reason=exc)) from None
        try:
            self._conn = _connect(self.path, new_passphrase)
        except VaultError:
            raise VaultError(_("The passphrase was changed, but the vault could not be opened again. Unlock it "
                               "with the NEW passphrase.")) from None


def _connect(path: Path, passphrase: str, exclusive: bool = True) -> sqlite.Connection:
    passphrase = normalize_passphrase(passphrase)
    if "\x00" in passphrase:  # SQLCipher would cut the key there: it can never be the right one
        raise WrongPassphraseOrNotVault(
            _("This vault could not be opened: the passphrase is wrong or the file is not a vault.")
        )
    try:
        # A short busy timeout: a vault held by another copy of the app is refused at once, not after 5 s.
        conn = sqlite.connect(str(path), isolation_level=None, check_same_thread=False, timeout=0.2)
    except sqlite.Error as exc:
        raise storage_error(exc) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # no "hmac check failed" noise on stderr
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite.DatabaseError as exc:
        conn.close()
        if _is_locked(exc):
            raise VaultInUse(
                _("This vault is already open in another window or program. Close it there first.")
            ) from None
        raise WrongPassphraseOrNotVault(
            _("This vault could not be opened: the passphrase is wrong or the file is not a vault.")
        ) from None
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        if exclusive:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            # Take the lock now and keep it until close.
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
    except sqlite.OperationalError as exc:
        conn.close()
        if _is_locked(exc):
            raise VaultInUse(
                _("This vault is already open in another window or program. Close it there first.")
            ) from None
        raise storage_error(exc) from None
    return conn


def _is_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _link_without_overwrite(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)  # fails if dest exists: no overwrite, even in a race
        src.unlink()
    except FileExistsError:
        raise VaultExists(
            _("A file with this name already exists. Choose another name; nothing was overwritten.")
        ) from None
    except OSError:
        # File systems without hard links (FAT on USB sticks): check, then rename.
        if dest.exists():
            raise VaultExists(
                _("A file with this name already exists. Choose another name; nothing was overwritten.")
            ) from None
        os.rename(src, dest)


def _remove_quietly(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            p.unlink()
