"""The one gettext catalogue shared by the UI, the CLI and the PDF reports.

English is the source language. `_()` translates into the current language;
reports that print two languages side by side ask `translator(locale)` directly.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache

from handbook_app.resources import translations_dir

DOMAIN = "messages"
LOCALES: tuple[str, ...] = ("vi", "ja", "en")
DEFAULT_LOCALE = "vi"
# Each language named in itself, so a user can find their own in any UI language.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "ja": "日本語", "en": "English"}



def language_names(codes: str) -> str:
    """A stored language list ("vi,ja") as the languages' own names ("Tiếng Việt, 日本語"); unknown codes as-is."""
    return ", ".join(LANGUAGE_NAMES.get(code.strip(), code.strip()) for code in codes.split(",") if code.strip())


_current = DEFAULT_LOCALE
_listeners: list[Callable[[str], None]] = []


@cache
def translator(locale: str) -> gettext.NullTranslations:
    """The catalogue for one language (English falls back to the source strings)."""
    if locale not in LOCALES:
        raise ValueError(f"unsupported language: {locale}")
    return gettext.translation(DOMAIN, localedir=translations_dir(), languages=[locale], fallback=True)


def current_locale() -> str:
    return _current


def set_locale(locale: str) -> None:
    """Switch the language of `_()` and tell every listener (the UI re-sets its texts)."""
    global _current
    translator(locale)  # validates
    if locale == _current:
        return
    _current = locale
    for listener in list(_listeners):
        listener(locale)


def on_locale_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_locale_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _(message: str) -> str:
    """Translate into the current language."""
    return translator(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (module-level tables)."""
    return message


def tr(locale: str, message: str) -> str:
    """Translate into a given language, regardless of the current one."""
    return translator(locale).gettext(message)
