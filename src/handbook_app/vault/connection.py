"""Open, create, lock and re-key one SQLCipher 4 vault file.

SQLCipher's own defaults are kept (PBKDF2-HMAC-SHA512, 256,000 iterations, AES-256), so any
standard SQLCipher 4 client opens the file with the passphrase. The connection holds an
exclusive lock for as long as the vault is unlocked: a second copy of the app is refused
rather than allowed to corrupt it. Temp data stays in memory (temp_store=MEMORY).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite

from handbook_app.i18n import _
from handbook_app.partial_files import partial_name
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


class VaultReadOnly(VaultNotWritable):
    """The vault is open read-only (read-only stick or file): browsing, verify and exports work, edits do not."""


class VaultDamaged(VaultError):
    """The passphrase is right but part of the file cannot be read."""

    def __init__(self, message: str, bad_pages: list[int]) -> None:
        super().__init__(message)
        self.bad_pages = bad_pages


class VaultReplaced(VaultNotWritable):
    """The file under the vault's name is no longer the one this session opened (moved, copied over, replaced)."""


PAGE_SIZE = 4096  # SQLCipher 4's default page size
JOURNAL_MODE = "DELETE"  # rollback journal (see _connect); "WAL" + checkpoint after each commit was measured
DIAGNOSE_MAX_BYTES = 64 * 1024 * 1024  # a wrong passphrase on a larger vault is not followed by a full-file check


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def normalize_passphrase(passphrase: str) -> str:
    """One form for the same typed text: Vietnamese keyboards send 'ữ' precomposed (NFC) or as
    'u' + two combining marks (NFD) depending on their settings; both must open the vault."""
    return unicodedata.normalize("NFC", passphrase)


def _is_disk_full_error(exc: VaultError) -> bool:
    return str(exc) == _("The disk is full. Nothing was changed; free some space and try again.")


def _is_disk_full(exc: BaseException) -> bool:
    return "full" in str(exc).lower() or getattr(exc, "errno", None) == 28


def storage_error(exc: BaseException) -> VaultError:
    """Translate a low-level write failure into a message a user can act on."""
    if isinstance(exc, VaultError):
        return exc
    if _is_disk_full(exc):
        return VaultNotWritable(_("The disk is full. Nothing was changed; free some space and try again."))
    if isinstance(exc, PermissionError) or "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
        return VaultNotWritable(_("This folder cannot be written to. Nothing was changed."))
    return VaultError(_("The vault could not be written: {reason}. Nothing was changed.").format(reason=exc))


class Vault:
    """One open (unlocked) vault. Closing it forgets the key."""

    def __init__(self, path: Path, conn: sqlite.Connection, read_only: bool = False) -> None:
        self.path = path
        self._conn: sqlite.Connection | None = conn
        self.read_only = read_only
        self._stamp = _file_stamp(path)
        self._raw_key: bytearray | None = None  # read-only sessions only: reopen after a damaged page
        self.disk_full = False  # opened read-only because the disk was full

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
        tmp = partial_name(path, "creating")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        try:
            conn = _connect(tmp, passphrase)
            migrate(conn)
            # Fold the write-ahead log into the file now, where a full disk raises an error: close() would
            # fail silently and leave a vault whose log has another file's name.
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            conn.close()
            if not mode or str(mode[0]).lower() != "delete" or Path(f"{tmp}-wal").exists():
                raise VaultNotWritable(_("The disk is full. Nothing was changed; free some space and try again."))
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
    def open(cls, path: str | os.PathLike, passphrase: str, read_only: bool | None = None) -> Vault:
        """Open a vault. read_only=None: read-only when the file or its folder cannot be written (a locked
        stick, a read-only file), so such a vault still opens for reading instead of "wrong passphrase"."""
        path = Path(path)
        if not path.is_file():
            raise VaultMissing(_("No vault was found at {path}.").format(path=path))
        if not os.access(path, os.R_OK):
            raise VaultError(_("This file cannot be read: you have no permission to read it. Nothing was changed."))
        not_a_vault = WrongPassphraseOrNotVault(
            _("This vault could not be opened: the passphrase is wrong or the file is not a vault.")
        )
        if path.stat().st_size == 0:
            raise not_a_vault
        auto = read_only is None
        if read_only is None:
            read_only = not writable(path)
        disk_full = False
        try:
            try:
                conn = _connect(path, passphrase, read_only=read_only)
            except VaultNotWritable as exc:
                # A full disk must not make the record unreadable: open it read-only instead.
                if not auto or read_only or not _is_disk_full_error(exc):
                    raise
                conn = _connect(path, passphrase, read_only=True)
                read_only = disk_full = True
        except WrongPassphraseOrNotVault:
            raise diagnose_damage(path, passphrase) or not_a_vault from None
        try:
            # A readable database without our version table is someone else's file: never migrate it.
            ours = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone()
        except sqlite.DatabaseError:
            conn.close()
            raise diagnose_damage(path, passphrase) or not_a_vault from None
        if not ours:
            conn.close()
            raise not_a_vault
        try:
            version = current_version(conn)
            if version > latest_version():
                conn.close()
                raise VaultError(_("This vault was made by a newer version of the app. Please update the app."))
            if read_only and version < latest_version():
                conn.close()
                raise VaultReadOnly(_("This vault must be updated before it can be read, and it is on a "
                                      "read-only disk or file. Copy it to a writable folder and open the copy."))
            if not read_only:
                migrate(conn)
        except sqlite.Error as exc:
            conn.close()
            raise storage_error(exc) from None
        vault = cls(path, conn, read_only=read_only)
        vault.disk_full = disk_full
        if read_only:
            vault._raw_key = _derive_raw_key(path, passphrase)
        return vault

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
        """All or nothing: a failure (or a killed process) leaves the vault as it was.

        Before writing, the file under the vault's name must still be the one this session opened and last
        wrote: a copy put over it, or a move, stops the write before it can damage either file. After the
        commit the write-ahead log is copied into the main file, so the file alone is always complete
        (a copy or move made while the app is open carries every saved record).
        """
        conn = self.conn
        self.check_writable()
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
        self._after_commit()

    def check_writable(self) -> None:
        """Raise unless edits may be written now (open read-write, same file as opened, unchanged by others)."""
        if self.read_only and self.disk_full:
            raise VaultReadOnly(_("The disk is full, so this vault was opened read-only: edits are off. Free some "
                                  "space, then lock and open the vault again."))
        if self.read_only:
            raise VaultReadOnly(_("This vault is open read-only (a read-only disk or file): edits are off. "
                                  "You can still read, check and export it."))
        if _file_stamp(self.path) != self._stamp:
            raise VaultReplaced(_("The vault file was moved, replaced or changed by another program while it was "
                                  "open. Nothing more is written to it. Lock the vault and open the file again."))

    def _after_commit(self) -> None:
        if JOURNAL_MODE == "WAL":  # only when measuring the alternative (bench/bench_vault.py)
            with contextlib.suppress(sqlite.Error):
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        self._stamp = _file_stamp(self.path)

    def recover(self) -> bool:
        """After a damaged page, SQLite may refuse every later read on the same connection: open a fresh one
        (read-only sessions, which verify and export use). Returns whether it did."""
        if self._raw_key is None or self._conn is None:
            return False
        with contextlib.suppress(sqlite.Error):
            self._conn.close()
        key = "x'" + self._raw_key.hex() + "'"
        self._conn = _connect(self.path, key, exclusive=False, read_only=True)
        return True

    def close(self) -> None:
        """Lock: close the connection; SQLCipher wipes the key from memory."""
        if self._raw_key is not None:
            self._raw_key[:] = bytes(len(self._raw_key))
            self._raw_key = None
        if self._conn is not None:
            with contextlib.suppress(sqlite.Error):
                self._conn.close()
            self._conn = None

    # --- maintenance -----------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        """Problems found by SQLCipher's page HMAC check and SQLite's integrity check (empty = sound)."""
        problems: list[str] = []
        for pragma in ("cipher_integrity_check", "integrity_check"):
            try:
                problems += [row[0] for row in self.conn.execute(f"PRAGMA {pragma}") if row[0] != "ok"]
            except sqlite.DatabaseError as exc:
                problems.append(str(exc))
                self.recover()
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

    def change_passphrase(self, new_passphrase: str, in_copy: Callable[[Vault], None] | None = None) -> None:
        """Re-key safely: write a re-encrypted copy, check it, then swap it in atomically.

        If anything fails before the swap, the old file (and old passphrase) is untouched. `in_copy` writes
        into the copy before the swap (the history entry of the change), so a kill right after the swap
        cannot leave a re-keyed vault whose history does not say so.
        """
        if not new_passphrase:
            raise VaultError(_("Please enter a passphrase."))
        tmp = partial_name(self.path, "rekey")
        _remove_quietly(tmp)
        self.export_copy(tmp, new_passphrase)
        try:
            check = _connect(tmp, new_passphrase, exclusive=False)
            bad = [r[0] for r in check.execute("PRAGMA integrity_check") if r[0] != "ok"]
            if not bad and in_copy is not None:
                in_copy(Vault(tmp, check))
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
            self._stamp = _file_stamp(self.path)
        except VaultError:
            raise VaultError(_("The passphrase was changed, but the vault could not be opened again. Unlock it "
                               "with the NEW passphrase.")) from None


def _connect(path: Path, passphrase: str, exclusive: bool = True, read_only: bool = False) -> sqlite.Connection:
    passphrase = normalize_passphrase(passphrase)
    if "\x00" in passphrase:  # SQLCipher would cut the key there: it can never be the right one
        raise WrongPassphraseOrNotVault(
            _("This vault could not be opened: the passphrase is wrong or the file is not a vault.")
        )
    try:
        # A short busy timeout: a vault held by another copy of the app is refused at once, not after 5 s.
        target = (Path(path).resolve().as_uri() + "?mode=ro") if read_only else str(path)
        conn = sqlite.connect(target, isolation_level=None, check_same_thread=False, timeout=0.2, uri=read_only)
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
        if "malformed" in str(exc):  # the key decrypted page 1: the passphrase is right, the file is damaged
            raise damaged_error([]) from None
        raise WrongPassphraseOrNotVault(
            _("This vault could not be opened: the passphrase is wrong or the file is not a vault.")
        ) from None
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        if exclusive and not read_only:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            # A rollback journal, not WAL: every commit lands in the file itself, so a copy or a move made while
            # the app is open carries every saved record, and read-only opens need no -wal/-shm files
            # (measured against WAL + checkpoint after each commit: bench/bench_vault.py, README).
            conn.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
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


def _derive_raw_key(path: Path, passphrase: str) -> bytearray | None:
    """SQLCipher 4's page key and salt (PBKDF2-HMAC-SHA512, 256,000 rounds), to reopen without the passphrase."""
    text = normalize_passphrase(passphrase)
    if text.lower().startswith("x'"):
        return bytearray.fromhex(text[2:-1]) if len(text) == 99 else None
    try:
        with open(path, "rb") as fh:
            salt = fh.read(16)
    except OSError:
        return None
    return bytearray(hashlib.pbkdf2_hmac("sha512", text.encode("utf-8"), salt, 256_000, 32) + salt)


def writable(path: Path) -> bool:
    """Whether the vault file and its folder can be written (SQLite needs both for its journal)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _file_stamp(path: Path) -> tuple[int, int, int, int] | None:
    """The file's identity (device, inode) and its size and modification time, as left by our last commit."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def damaged_pages(path: Path, passphrase: str) -> list[int] | None:
    """Pages whose SQLCipher HMAC fails, when the passphrase is right; None when it is wrong (or not a vault).

    A wrong passphrase fails every page; a damaged file with the right one fails only some. Reads only.
    """
    try:
        conn = sqlite.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except sqlite.Error:
        return None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(normalize_passphrase(passphrase))}")
        rows = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
    except sqlite.Error:
        return None
    finally:
        conn.close()
    full_pages = path.stat().st_size // PAGE_SIZE
    failed = set()  # pages whose HMAC fails: all of them when the passphrase is wrong
    bad = set()  # and pages cut short by a truncation
    for text in rows:
        digits = text.split("page ", 1)[-1].split(" ", 1)[0]
        if "page " in text and digits.isdigit():
            bad.add(int(digits))
            if "HMAC" in text:
                failed.add(int(digits))
    if full_pages == 0 or len(failed) >= full_pages:
        return None
    return sorted(bad)


def diagnose_damage(path: Path, passphrase: str) -> VaultDamaged | None:
    """When a vault will not open: tell a damaged file (right passphrase) from a wrong passphrase.

    This reads the whole file, so it runs on every wrong passphrase only for vaults up to DIAGNOSE_MAX_BYTES.
    """
    try:
        if path.stat().st_size > DIAGNOSE_MAX_BYTES:
            return None
    except OSError:
        return None
    bad = damaged_pages(path, passphrase)
    return None if bad is None else damaged_error(bad)


def damaged_error(bad: list[int]) -> VaultDamaged:
    if not bad:
        return VaultDamaged(_("The passphrase is right, but the vault file is damaged or cut short and cannot be "
                              "opened. Use a backup copy if you have one."), bad)
    shown = ", ".join(str(p) for p in bad[:10]) + (" …" if len(bad) > 10 else "")
    return VaultDamaged(_("The passphrase is right, but the vault file is damaged and cannot be opened "
                          "(unreadable pages: {pages}). Use a backup copy if you have one.").format(pages=shown), bad)


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
