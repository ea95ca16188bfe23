"""Languages: the gettext catalogue and Babel formatting. The bottom layer; imports nothing of ours but resources."""

from handbook_app.i18n.catalog import (
    LANGUAGE_NAMES,
    LOCALES,
    N_,
    _,
    current_locale,
    language_names,
    ngettext,
    on_locale_changed,
    set_locale,
    tr,
    translator,
)

__all__ = [
    "LANGUAGE_NAMES", "LOCALES", "N_", "_", "current_locale", "language_names", "ngettext", "on_locale_changed",
    "set_locale", "tr", "translator",
]
