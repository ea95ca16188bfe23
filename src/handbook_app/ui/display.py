"""Before Qt starts: is there a screen to show a window on? Qt itself aborts with an English message."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from handbook_app.i18n import _

# Platforms that need no display server (tests, screenshots, remote sessions).
_HEADLESS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs")


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """A translated message when no screen can be reached (Linux/BSD without X11 or Wayland), else None."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin")):
        return None
    if environ.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS:
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return _("No screen was found to show the app on (no graphical session). Start it from the desktop, or use "
             "the command line: handbook-app --help")
