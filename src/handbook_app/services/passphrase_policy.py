"""One passphrase policy for every face (the app's dialogs, the CLI, organisation keys).

A new passphrase is refused when it is shorter than MIN_LENGTH, is (or is built from) a common
password in English, Vietnamese or Japanese romaji, or when zxcvbn (Dropbox's strength estimator,
with our Vietnamese and romaji words added) rates it below MIN_SCORE. The meter shows the same
estimate and says in plain words why a passphrase is weak.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from zxcvbn import zxcvbn

from handbook_app.i18n import N_, _
from handbook_app.services.passphrase_words import ALL_WORDS, COMMON, LOCAL_WORDS

MIN_LENGTH = 8
MIN_SCORE = 2  # zxcvbn: 0 too guessable, 1 very guessable, 2 somewhat guessable, 3 safely, 4 very
MAX_CHECKED = 100  # zxcvbn's time grows with length; the rest of a long passphrase only adds strength
PDF_MIN_LENGTH = 10

STRENGTH = (N_("Very weak"), N_("Weak"), N_("Fair"), N_("Good"), N_("Strong"))


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    reasons: tuple[str, ...]  # plain, translated words: why it is rated so

    @property
    def label(self) -> str:
        return _(STRENGTH[self.score])


def _plain(text: str) -> str:
    """Lower case, accents and everything but letters removed: 'Mật-Khẩu@2024' -> 'matkhau'."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("đ", "d"))
    return re.sub(r"[^a-z]", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _blocked(text: str) -> bool:
    lowered = text.lower().strip()
    plain = _plain(text)
    return lowered in COMMON or (plain in ALL_WORDS and len(plain) >= 4)


def strength(passphrase: str) -> Strength:
    """zxcvbn's estimate with our word lists, and the reasons in words a user understands."""
    if not passphrase:
        return Strength(0, ())
    checked = passphrase[:MAX_CHECKED]
    result = zxcvbn(checked, user_inputs=list(LOCAL_WORDS))
    score = int(result["score"])
    reasons: list[str] = []
    patterns = {m.get("pattern") for m in result.get("sequence", [])}
    dictionary = [m for m in result.get("sequence", []) if m.get("pattern") == "dictionary"]
    if _blocked(checked):
        score = 0
        reasons.append(_("It is one of the passwords people try first."))
    elif any(m.get("dictionary_name") == "passwords" for m in dictionary):
        reasons.append(_("It contains a common password."))
    if any(m.get("dictionary_name") == "user_inputs" for m in dictionary):
        reasons.append(_("It contains a common Vietnamese or Japanese word or name."))
    elif any(m.get("dictionary_name") != "passwords" for m in dictionary) and len(dictionary) == 1:
        reasons.append(_("It is built on one common word."))
    if any(m.get("l33t") for m in dictionary):
        reasons.append(_("Swapping letters for look-alike signs (@ for a, 0 for o) does not fool guessers."))
    if "date" in patterns or re.search(r"(19|20)\d\d", checked):
        reasons.append(_("A year or a date is among the first things tried."))
    if "sequence" in patterns or "spatial" in patterns:
        reasons.append(_("It contains a run like 1234, abcd or qwerty."))
    if "repeat" in patterns:
        reasons.append(_("It repeats the same letters."))
    if len(passphrase) < MIN_LENGTH:
        reasons.append(_("It is too short."))
    if score >= 3:
        reasons = [_("Hard to guess. Keep it written down somewhere safe.")]
    else:
        reasons.append(_("Several ordinary words that only you would put together are stronger."))
    return Strength(min(score, 4), tuple(reasons))


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is refused, or None. Short or common ones fall to guessing on a PC someone can take."""
    if not passphrase:
        return _("Please enter a passphrase.")
    if len(passphrase) < MIN_LENGTH:
        return _("Use at least {count} characters; a few words you can remember work well.").format(
            count=MIN_LENGTH)
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in passphrase):
        return _("The passphrase cannot contain control characters.")
    if passphrase.lower().startswith("x'") and passphrase.endswith("'"):
        return _("A passphrase cannot have the form x'…' (SQLCipher reads that as a raw key).")
    if len(set(passphrase)) < 3 or strength(passphrase).score < MIN_SCORE:
        return _("This passphrase is too easy to guess: it is a common password or built from one. Use a few "
                 "ordinary words that only you would put together.")
    return None


def pdf_password_problem(password: str) -> str | None:
    """PDF passwords are tried offline at millions per second: at least PDF_MIN_LENGTH characters, not common."""
    if len(password) < PDF_MIN_LENGTH:
        return _("A PDF password needs at least {count} characters. Leave it empty to get one made for you."
                 ).format(count=PDF_MIN_LENGTH)
    if strength(password).score < MIN_SCORE:
        return _("This PDF password is too easy to guess. Leave it empty to get one made for you.")
    return None


def generate_pdf_password(words: int = 4) -> str:
    """A random password from the Vietnamese and romaji word lists plus digits, shown once to the user."""
    import secrets

    pool = [w for w in ALL_WORDS if w.isalpha() and 4 <= len(w) <= 9 and w not in COMMON]
    return "-".join(secrets.choice(pool) for _ in range(words)) + "-" + str(secrets.randbelow(90) + 10)
