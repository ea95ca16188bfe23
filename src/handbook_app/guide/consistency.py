"""Do the vi, ja and en versions of an article state the same facts? Are its phone numbers known?

The rules (documented for authors in docs/guide.md, "Consistency rules"):

- **URLs** written in the body (http/https) must be the same set in every language.
- **Phone numbers** (`0120-250-168`, `03-3466-3313`, `#8891`, written with hyphens) must be the same
  set in every language, and every one must be the `number` of an entry in contacts.json.
- **Numbers** (amounts, percentages, hours, days, years, article numbers, the parts of a date) must
  be the same set in every language once normalised: full-width digits, thousands separators
  (`1,023`, `1.023`, `1 023`), `万`/`億` (`50万` = 500000), `8割` = 80 (per cent), `million`/`triệu` and decimal commas are
  read as the same number; English month names count as their number (`October` = 10), so
  `1 October 2025`, `1/10/2025` and `2025年10月1日` agree (a month name counts only beside a
  digit, so the verb "may" is not May). Clock times count as hours and minutes (`17:00` = 17 as in
  `17時`; `8:30` = 8 and 30). Vietnamese weekdays (`thứ 2`–`thứ 7`, but not `ngày thứ 4` = day 4) are not counted. Numbers inside URLs, phone numbers and
  furigana readings are not counted. Words for numbers ("two", "hai", "二") are not read: write digits.
- **Dated facts** (`dated:` / `valid_until:` in the front matter) must carry the same dates in every language.
- **Tasks** (tasks.json): each task's title and steps follow the same URL, phone and number rules.

Each problem is returned as a sentence naming the article, the languages and the values.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from handbook_app.guide.articles import LANGS, Article, Guide
from handbook_app.guide.markdown import RUBY_RE

URL_RE = re.compile(r"https?://[^\s)\]>」、。,]+")
PHONE_RE = re.compile(r"(?<![\d-])(0\d{1,4}-\d{1,4}-\d{3,4}|#\d{4})(?![\d-])")
_MONTHS = {name: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
# A month name counts only beside a day or a year ("1 October", "May 2025"): "may" is also a verb.
_MONTH_WORDS = "|".join(name.capitalize() for name in _MONTHS) + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH_RE = re.compile(rf"(?<=\d )({_MONTH_WORDS})\b|\b({_MONTH_WORDS})(?= \d)")
# Vietnamese weekdays are numbered ("thứ 2" = Monday ... "thứ 7" = Saturday); they are not facts to compare.
# Clock times: "17:00" is the number 17 (as in 17時), "8:30" is 8 and 30 (8時30分).
_TIME_RE = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?!\d)")
_VI_WEEKDAY_RE = re.compile(r"(?<!ngày )(?<!lần )(?<!năm )(?<!bước )\bthứ\s*[2-7](?:\s*[–-]\s*[2-7])?", re.IGNORECASE)
# A number: thousands groups (1,023 / 1.500.000 / 1 023), or digits with an optional decimal part.
_NUMBER_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:([,.\u00a0 ])\d{3})(?:\2\d{3})*(?![\d])|\d+(?:[.,]\d+)?)"
    r"(\s*(?:万|億|割|million|triệu|tỷ|billion))?",
    re.IGNORECASE)
_MULTIPLIERS = {"割": 10, "万": 10_000, "億": 100_000_000, "million": 1_000_000, "triệu": 1_000_000,
                "billion": 1_000_000_000, "tỷ": 1_000_000_000}


def _month_number(match: re.Match[str]) -> str:
    word = (match.group(1) or match.group(2)).lower()
    for name, number in _MONTHS.items():
        if name.startswith(word):
            return f" {number} "
    return match.group(0)


def _to_number(digits: str, separator: str | None, unit: str | None) -> str:
    if separator:  # thousands groups
        value = Decimal(re.sub(r"[,.\u00a0 ]", "", digits))
    else:
        try:
            value = Decimal(digits.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the regex only passes digits
            return digits
    if unit:
        value *= _MULTIPLIERS[unit.strip().lower()]
    value = value.normalize()
    return format(value, "f")


def body_text(article: Article) -> str:
    """The text whose facts are compared: summary and body, furigana readings dropped."""
    text = unicodedata.normalize("NFKC", article.summary + "\n" + article.body)
    return RUBY_RE.sub(lambda m: m.group(1), text)


def urls(text: str) -> set[str]:
    return {u.rstrip(".") for u in URL_RE.findall(text)}


def phones(text: str) -> set[str]:
    return set(PHONE_RE.findall(URL_RE.sub(" ", text)))


def numbers(text: str) -> set[str]:
    """The normalised numbers of a text (see the module docstring)."""
    text = URL_RE.sub(" ", text)
    text = PHONE_RE.sub(" ", text)
    text = re.sub(r"\[([^\]\n]*)\]\([^)\s]*\)", r"\1", text)  # link targets are slugs, not facts
    text = _VI_WEEKDAY_RE.sub(" ", text)
    text = _TIME_RE.sub(lambda m: m.group(1) if m.group(2) == "00" else f"{m.group(1)} {m.group(2)}", text)
    text = _MONTH_RE.sub(_month_number, text)
    return {_to_number(m.group(1), m.group(2), m.group(3)) for m in _NUMBER_RE.finditer(text)}


def _differences(kind: str, slug: str, values: dict[str, set[str]]) -> list[str]:
    everything = set().union(*values.values())
    problems = []
    for lang in LANGS:
        missing = sorted(everything - values[lang])
        if missing:
            others = [lg for lg in LANGS if lg != lang and set(missing) & values[lg]]
            problems.append(f"{slug}: {kind} {', '.join(missing)} in {'/'.join(others)} but not in {lang}")
    return problems


def article_problems(guide: Guide, slug: str) -> list[str]:
    """Differences between the language versions of one article (empty when they agree)."""
    if not all(guide.has(slug, lang) for lang in LANGS):
        return []
    versions = {lang: guide.article(slug, lang) for lang in LANGS}
    texts = {lang: body_text(a) for lang, a in versions.items()}
    problems = _differences("URL", slug, {lg: urls(t) for lg, t in texts.items()})
    problems += _differences("phone number", slug, {lg: phones(t) for lg, t in texts.items()})
    problems += _differences("number", slug, {lg: numbers(t) for lg, t in texts.items()})
    problems += _differences("dated-fact date", slug, {
        lg: {d.until.isoformat() for d in a.dated} for lg, a in versions.items()})
    return problems


def task_problems(guide: Guide) -> list[str]:
    """The same rules for each task of tasks.json: its vi, ja and en steps give the same facts."""
    problems: list[str] = []
    for task in guide.tasks:
        texts = {lang: unicodedata.normalize("NFKC", task.title[lang] + "\n" + "\n".join(task.steps[lang]))
                 for lang in LANGS}
        name = f"task {task.key}"
        problems += _differences("URL", name, {lg: urls(t) for lg, t in texts.items()})
        problems += _differences("phone number", name, {lg: phones(t) for lg, t in texts.items()})
        problems += _differences("number", name, {lg: numbers(t) for lg, t in texts.items()})
    return problems


def known_numbers(guide: Guide) -> set[str]:
    """Every phone number in contacts.json (`number` and `other_numbers`)."""
    return {n for c in guide.contacts for n in (c.number, *c.other_numbers) if n}


def unknown_phone_problems(guide: Guide) -> list[str]:
    """Phone numbers written in an article or a task but missing from contacts.json."""
    known = known_numbers(guide)
    problems = []
    for article in guide.articles():
        for number in sorted(phones(body_text(article)) - known):
            problems.append(f"{article.lang}/{article.slug}: phone number {number} is not in contacts.json")
    for task in guide.tasks:
        for lang in LANGS:
            for number in sorted(phones(" ".join(task.steps[lang])) - known):
                problems.append(f"task {task.key} ({lang}): phone number {number} is not in contacts.json")
    return problems


def consistency_problems(guide: Guide) -> list[str]:
    """All language differences and unknown phone numbers of the guide."""
    problems: list[str] = []
    for slug in guide.slugs:
        problems += article_problems(guide, slug)
    return problems + task_problems(guide) + unknown_phone_problems(guide)
