"""Files the app writes that hold personal data are readable by their owner only.

On a shared Linux or macOS PC the default (0644) would let every other account read a vault's
exports. Windows ignores these bits; its per-user folders protect the files there.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Any

OWNER_ONLY = 0o600


def open_private(path: Path, mode: str = "wb", **kwargs: Any) -> IO:
    """Create (or truncate) `path` with owner-only permissions from the first byte, then open it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), OWNER_ONLY)
    restrict(path)  # an older file of the same name kept its old bits
    return os.fdopen(fd, mode, **kwargs)


def restrict(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, OWNER_ONLY)
