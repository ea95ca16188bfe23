"""Unlocking and locking: failed attempts slow down and are reported after the next unlock.

The failure count lives in a small sidecar file beside the vault (`.NAME.attempts`): it holds
two numbers and no personal data, and it survives restarting the app, so restarting does not
reset the delay. The time of the last successful unlock is kept inside the vault.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from handbook_app.core.records import Actor
from handbook_app.i18n import _
from handbook_app.partial_files import clean_partial_files
from handbook_app.private_files import open_private
from handbook_app.services.handbook import Handbook
from handbook_app.services.passphrase_policy import passphrase_problem, strength
from handbook_app.vault.connection import Vault, VaultError, VaultNotWritable, WrongPassphraseOrNotVault

MAX_DELAY_S = 30.0


class TooSoon(VaultError):
    def __init__(self, wait_s: float) -> None:
        self.wait_s = wait_s
        super().__init__(_("Too many wrong attempts. Wait {seconds} seconds and try again.").format(
            seconds=max(1, round(wait_s))))


@dataclass(frozen=True)
class UnlockInfo:
    last_opened: dt.datetime | None
    failed_since: int


def delay_after(failures: int) -> float:
    """Seconds to wait before the next try: none for the first two mistakes, then doubling to 30 s."""
    if failures < 3:
        return 0.0
    return min(MAX_DELAY_S, 2.0 ** (failures - 2))


def _sidecar(path: Path) -> Path:
    return path.with_name(f".{path.name}.attempts")


def _read_attempts(path: Path) -> tuple[int, float]:
    try:
        data = json.loads(_sidecar(path).read_text(encoding="utf-8"))
        return int(data.get("failed", 0)), float(data.get("last", 0))
    except (OSError, ValueError, TypeError):
        return 0, 0.0


def _write_attempts(path: Path, failed: int, last: float) -> None:
    with contextlib.suppress(OSError):  # a read-only stick must not stop an unlock
        if failed:
            with open_private(_sidecar(path), "w", encoding="utf-8") as out:  # 0600, like the vault
                out.write(json.dumps({"failed": failed, "last": last}))
        else:
            _sidecar(path).unlink(missing_ok=True)


def wait_needed(path: str | os.PathLike, now: float | None = None) -> float:
    failed, last = _read_attempts(Path(path))
    now = time.time() if now is None else now
    last = min(last, now)  # a clock set back, or an edited side file, must not demand a wait of years
    return max(0.0, last + delay_after(failed) - now)


def unlock(
    path: str | os.PathLike, passphrase: str, actor: Actor | None = None, read_only: bool | None = None
) -> tuple[Handbook, UnlockInfo]:
    """Open a vault; a wrong passphrase counts a failure and makes the next try wait longer.

    read_only=None opens read-only by itself when the file or its folder cannot be written; True is for
    verify and exports, which must leave the file byte for byte as it was."""
    path = Path(path)
    wait = wait_needed(path)
    if wait > 0:
        raise TooSoon(wait)
    try:
        vault = Vault.open(path, passphrase, read_only=read_only)
    except WrongPassphraseOrNotVault:
        failed, _last = _read_attempts(path)
        _write_attempts(path, failed + 1, time.time())
        raise
    failed, _last = _read_attempts(path)
    _write_attempts(path, 0, 0)
    if not vault.read_only:
        clean_partial_files(path.parent)  # leftovers of a killed export or passphrase change
    handbook = Handbook(vault, actor)
    handbook.remember_passphrase_check(passphrase)
    previous = handbook.meta("last_opened")
    if not vault.read_only:
        with contextlib.suppress(VaultNotWritable):  # a full disk must not stop the record being read
            handbook.set_meta("last_opened", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    info = UnlockInfo(dt.datetime.fromisoformat(previous) if previous else None, failed)
    return handbook, info


def edits_off(handbook: Handbook) -> bool:
    """True when the open vault is read-only: the window shows a banner and every edit is refused."""
    return handbook.vault.read_only


def create(path: str | os.PathLike, passphrase: str, actor: Actor | None = None, check_policy: bool = True) -> Handbook:
    """A new vault. The passphrase policy applies to every face; only the invented demo vault (whose
    passphrase is printed in the README) is exempt."""
    problem = passphrase_problem(passphrase) if check_policy else None
    if problem:
        raise VaultError(problem)
    vault = Vault.create(path, passphrase)
    handbook = Handbook(vault, actor)
    handbook.remember_passphrase_check(passphrase)
    try:
        handbook.set_meta("created", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        handbook.set_meta("last_opened", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    except VaultError:
        # A disk that filled up just now: leave nothing under the chosen name (the vault holds no records yet).
        handbook.lock()
        for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return handbook


def passphrase_strength(passphrase: str) -> int:
    """0 (weak) .. 4 (strong), the policy's estimate (services/passphrase_policy.py); never stored."""
    return strength(passphrase).score
