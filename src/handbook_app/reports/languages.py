"""Which language a stored text is in, by its script, for the translation markers and their count.

Only an incident's description has a translation field; its other texts (actions taken, outcome) are printed as
written, with the "no translation" marker in every language of the PDF they are not written in. The summary
counts the incidents that carry such a marker, so its number and the markers agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_VIETNAMESE = re.compile(r"[ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]",
                         re.IGNORECASE)


def written_in(text: str, lang: str) -> bool:
    """Whether `text` is (at least partly) in `lang`, by its script: Japanese by kana and kanji, Vietnamese by its
    letters with marks; English is taken as Latin letters without Vietnamese marks or Japanese."""
    if lang == "ja":
        return bool(_JAPANESE.search(text))
    if lang == "vi":
        return bool(_VIETNAMESE.search(text))
    return any(ch.isascii() and ch.isalpha() for ch in text) and not _VIETNAMESE.search(text) \
        and not _JAPANESE.search(text)


def untranslated_texts(inc) -> tuple[str, ...]:
    """An incident's free texts printed as written (no translation field): actions taken and outcome."""
    return tuple(t for t in (inc.actions, inc.outcome) if t)


def lacks(inc, lang: str) -> bool:
    """Whether the PDF prints some text of `inc` with the "no translation" marker for a reader of `lang`."""
    if (inc.description or inc.title) and lang != inc.description_lang and not (
            inc.translation and inc.translation_lang == lang):
        return True
    return any(not written_in(text, lang) for text in untranslated_texts(inc))


def missing_translations(incidents: Sequence, langs: Sequence[str]) -> dict[str, int]:
    """For each language of the PDF, how many incidents have some text neither in that language nor translated
    into it (the pack prints the original with a marker for each such text)."""
    return {lang: sum(1 for inc in incidents if lacks(inc, lang)) for lang in langs}
