"""Count sentences in the PDFs' languages with each language's plural forms ("1 month", "2 months").

`Labels.each` translates one message; a count needs gettext's `ngettext` per language. The pair is
written at the call site as `Plural.ngettext("{count} month", "{count} months", n)` so that pybabel's
default `ngettext` keyword extracts it (no extra extraction option), and rendered with `each`.
"""

from __future__ import annotations

from typing import NamedTuple

from handbook_app.i18n import translator
from handbook_app.reports.labels import Labels, Local


class Plural(NamedTuple):
    singular: str
    plural: str
    n: int

    @staticmethod
    def ngettext(singular: str, plural: str, n: int) -> Plural:
        """Mark a plural pair for extraction; translated later, in each language of the PDF."""
        return Plural(singular, plural, n)

    def text(self, lang: str) -> str:
        return translator(lang).ngettext(self.singular, self.plural, self.n)


def each(lab: Labels, message: str | Plural, **values: object) -> list[str]:
    """Like `Labels.each` (repeats removed, `Local` values written each language's way), for a plain message
    or a `Plural`."""
    if isinstance(message, str):
        return lab.each(message, **values)
    out: list[str] = []
    for lang in lab.langs:
        text = message.text(lang).format(**{k: (v(lang) if isinstance(v, Local) else v) for k, v in values.items()})
        if text not in out:
            out.append(text)
    return out


def inline(lab: Labels, message: str | Plural, sep: str = " / ", **values: object) -> str:
    return sep.join(each(lab, message, **values))
