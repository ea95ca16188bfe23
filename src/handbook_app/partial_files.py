"""Unfinished files the app writes before giving them their real name, and their cleanup.

An export, a vault being created and a re-encrypted copy during a passphrase change are first written as
`NAME.handbook-part` beside the final file, then renamed in one step. A process killed in between leaves
that file: it is visible (not hidden) and carries one suffix, so a user or a support worker can find it,
and the app deletes such leftovers in a folder the next time it exports there or opens a vault in it.
An export's leftover holds plaintext, so it must not linger.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

SUFFIX = ".handbook-part"
# A leftover younger than this may belong to an export still running in another window: leave it.
STALE_AFTER_S = 120.0
# Hidden names earlier versions used (exports, re-keyed copies, vaults being created): cleaned too, but only
# these shapes, so another program's ".something.part" is left alone.
_LEGACY = (".json.part", ".pdf.part", ".vault.rekey", ".vault.creating")


def partial_name(dest: Path, purpose: str = "") -> Path:
    """Where `dest` is written before it is complete: 'out.json' -> 'out.json.handbook-part'."""
    middle = f".{purpose}" if purpose else ""
    return dest.with_name(f"{dest.name}{middle}{SUFFIX}")


def is_partial(path: Path) -> bool:
    name = path.name
    if name.endswith(SUFFIX):
        return True
    return name.startswith(".") and name.endswith(_LEGACY)


def clean_partial_files(folder: Path, now: float | None = None, stale_after_s: float = STALE_AFTER_S) -> list[Path]:
    """Delete the app's own unfinished files in `folder` older than `stale_after_s`; returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        with contextlib.suppress(OSError):
            if is_partial(path) and path.is_file() and now - path.stat().st_mtime >= stale_after_s:
                path.unlink()
                removed.append(path)
                for side in ("-wal", "-journal", "-shm"):
                    Path(f"{path}{side}").unlink(missing_ok=True)
    return removed
