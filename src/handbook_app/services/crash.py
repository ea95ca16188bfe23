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


def report_unexpected(exc: BaseException) -> str:
    return _("Something unexpected went wrong ({kind} at {where}). Nothing more was written; what was saved "
             "before is safe. Please tell a support worker these words.").format(kind=type(exc).__name__,
                                                                              where=where(exc))
