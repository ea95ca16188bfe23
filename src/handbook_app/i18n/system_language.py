"""Which of our languages the system asks for, when the user has not chosen one.

Linux and macOS name it in the environment (LC_ALL, LC_MESSAGES, LANG). Windows usually sets none
of these: its display language comes from GetUserDefaultUILanguage, a Windows language id that
`locale.windows_locale` turns into a name such as 'vi_VN' or 'ja_JP'.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Callable, Mapping

from handbook_app.i18n.catalog import LOCALES

ENV_VARS = ("HANDBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def _windows_ui_language_id() -> int | None:  # pragma: no cover - runs on Windows only
    import ctypes

    return int(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined]


def windows_ui_language(language_id: Callable[[], int | None] | None = None) -> str | None:
    """'vi', 'ja', 'en'… from the Windows display language; None when it cannot be read."""
    lookup = _windows_ui_language_id if language_id is None else language_id
    try:
        lang_id = lookup()
    except (OSError, AttributeError, ValueError):
        return None
    name = locale.windows_locale.get(lang_id or 0)
    return name.split("_")[0].lower() if name else None


def system_language(env: Mapping[str, str] | None = None, system: str | None = None,
                    language_id: Callable[[], int | None] | None = None, default: str = "en") -> str:
    """The first of HANDBOOK_LANG, LC_ALL, LC_MESSAGES, LANG that we have; then Windows' UI language."""
    env = os.environ if env is None else env
    system = sys.platform if system is None else system
    for var in ENV_VARS:
        value = env.get(var, "")[:2].lower()
        if value in LOCALES:
            return value
    if system == "win32":
        value = windows_ui_language(language_id)
        if value in LOCALES:
            return value
    return default
