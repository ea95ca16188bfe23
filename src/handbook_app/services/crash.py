"""The last guard of every face: an error nobody expected becomes one translated message, never a traceback.

The message names the kind of error and where in the app it happened (file and line), which is enough for a
support worker to report the bug; it holds no record contents, paths or passphrases.
"""

from __future__ import annotations

import traceback

from handbook_app.i18n import _


def where(exc: BaseException) -> str:
    """'module.py:123' of the deepest frame inside the app (no folder names, no values)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "handbook_app" in f.filename.replace("\\", "/")]
    frame = (frames or traceback.extract_tb(exc.__traceback__) or [None])[-1]
    if frame is None:
        return "?"
    return f"{frame.filename.replace(chr(92), '/').rsplit('/', 1)[-1]}:{frame.lineno}"


def _is_damage(exc: BaseException) -> bool:
    """SQLite's own words for a page that failed SQLCipher's check, met while browsing a damaged vault."""
    text = str(exc).lower()
    return type(exc).__name__ == "DatabaseError" and ("malformed" in text or "not a database" in text)


def error_kind(exc: BaseException) -> str:
    """The error's kind; for a missing module also its name (a program file, never personal data)."""
    name = getattr(exc, "name", None) if isinstance(exc, ImportError) else None
    return f"{type(exc).__name__} {name}" if name else type(exc).__name__


def report_unexpected(exc: BaseException) -> str:
    if _is_damage(exc):
        return _("Part of the vault file is damaged and cannot be read. What can be read is still shown. Check it "
                 "with Settings → Verify the record, and save what can be read with handbook-app export-json.")
    return _("Something unexpected went wrong ({kind} at {where}). Nothing more was written; what was saved "
             "before is safe. Please tell a support worker these words.").format(kind=error_kind(exc),
                                                                              where=where(exc))
