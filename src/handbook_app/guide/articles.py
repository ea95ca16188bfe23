"""Loading the rights guide from resources/guide: articles, emergency contacts, self-check, tasks.

Layout::

    resources/guide/<lang>/<slug>.md   one article per language; same slug = same article
    resources/guide/contacts.json      the "Help now" panel
    resources/guide/selfcheck.json     private self-check (ILO forced-labour indicators)
    resources/guide/tasks.json         task-first entry points ("Not paid?" ...)

An article file starts with front matter between two `---` lines: simple `key: value`
lines, comma-separated lists for `tags` and `related`, and a `sources:` list whose items
are `- url: ...` followed by an indented `title: ...`. No YAML library is needed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from handbook_app.guide.markdown import (
    box_html,
    inline_html,
    internal_links,
    plain_text,
    print_markdown,
    render_html,
)
from handbook_app.i18n import N_, _, tr

LANGS: tuple[str, ...] = ("vi", "ja", "en")
TOPICS: tuple[str, ...] = (
    "status", "contract", "pay", "hours", "leave", "deductions", "housing", "documents", "safety",
    "health", "harassment", "change", "debt", "money", "stay", "legal", "family", "leaving", "help",
)
INCIDENT_CATEGORIES: tuple[str, ...] = (
    "unpaid_wages", "excessive_hours", "safety_injury", "harassment", "violence", "documents_withheld",
    "housing", "threats", "contract_substitution", "other",
)
_REQUIRED_KEYS = ("title", "summary", "tags", "topic", "checked_on", "sources")


class GuideError(ValueError):
    """A guide file is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Source:
    url: str
    title: str


@dataclass(frozen=True)
class DatedFact:
    """A fact that holds only until a date (an amount for one fiscal year, a rule before a reform).

    After `until` the reader shows `warning` (in the article's language) in a box at the top of the
    article, automatically; an empty warning gets a general sentence from the message catalogue.
    """

    until: date
    warning: str = ""

    def text(self, lang: str) -> str:
        if self.warning:
            return self.warning
        return tr(lang, N_("Some facts in this article applied until {date} and have probably changed "
                           "since. Check the official sources listed below before you rely on them.")
                  ).format(date=self.until.isoformat())


@dataclass(frozen=True)
class Article:
    slug: str
    lang: str
    title: str
    summary: str
    tags: tuple[str, ...]
    topic: str
    sources: tuple[Source, ...]
    checked_on: date
    related: tuple[str, ...]
    body: str  # Markdown
    path: Path | None = field(default=None, compare=False, repr=False)
    dated: tuple[DatedFact, ...] = ()

    @property
    def valid_until(self) -> date | None:
        """The first date after which part of the article is out of date, or None."""
        return min((d.until for d in self.dated), default=None)

    def expired(self, today: date | None = None) -> list[DatedFact]:
        """The dated facts whose date has passed (`today` defaults to the real date)."""
        today = today or date.today()
        return [d for d in self.dated if d.until < today]

    def expired_html(self, today: date | None = None, ruby: str = "inline") -> str:
        """The warning box for facts past their date ("" when there are none), in the article's language."""
        facts = self.expired(today)
        if not facts:
            return ""
        items = "".join(f"<p>{inline_html(d.text(self.lang), ruby=ruby)}</p>" for d in facts)
        return box_html("expired", "⚠ " + tr(self.lang, N_("This may be out of date")), items)

    def html(self, link_prefix: str = "guide:", today: date | None = None, ruby: str = "inline") -> str:
        """The body as an HTML fragment, led by the out-of-date box when a dated fact has passed;
        links to other articles are `guide:<slug>`."""
        return self.expired_html(today, ruby) + render_html(self.body, link_prefix, ruby)

    def print_body(self, today: date | None = None) -> str:
        """The body in the plain Markdown subset of the PDF layer: the out-of-date warnings first as
        `>` notes, boxes as `####` headings, furigana as 漢字(かんじ)."""
        # no ⚠ here: the PDF's embedded fonts lack U+26A0 and the PDF would flag a missing glyph
        notes = "".join(f"> {d.text(self.lang)}\n\n" for d in self.expired(today))
        return notes + print_markdown(self.body)

    def plain_body(self) -> str:
        return plain_text(self.body)

    def links(self) -> list[str]:
        """Slugs this article links to in its body and its `related:` list."""
        return list(dict.fromkeys([*internal_links(self.body), *self.related]))


@dataclass(frozen=True)
class Contact:
    """One entry of the "Help now" panel. `hours` is None when no checked source gives them."""

    key: str
    name: dict[str, str]
    purpose: dict[str, str]
    number: str | None  # None: no single number (e.g. "the office nearest you")
    hours: dict[str, str] | None
    source: Source
    checked_on: date
    verified: bool
    note: dict[str, str] | None = None
    article: str | None = None
    urgent: bool = False
    # Further numbers of the same service (from IP phones, another language's line); the note says which.
    other_numbers: tuple[str, ...] = ()
    languages: tuple[str, ...] | None = None  # languages the line answers in (codes); None: not recorded


def _languages(value: object) -> tuple[str, ...] | None:
    """A contact's "languages" list, read defensively (absent or malformed: not recorded)."""
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    return None


@dataclass(frozen=True)
class SelfCheckQuestion:
    key: str
    indicator: str  # the ILO indicator it comes from
    text: dict[str, str]
    article: str
    category: str  # incident category key


@dataclass(frozen=True)
class SelfCheck:
    source: Source
    intro: dict[str, str]
    questions: tuple[SelfCheckQuestion, ...]


@dataclass(frozen=True)
class Task:
    key: str
    title: dict[str, str]
    steps: dict[str, tuple[str, ...]]
    article: str
    contacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guide:
    """Everything under resources/guide, loaded and checked once."""

    root: Path
    _articles: dict[tuple[str, str], Article]
    contacts: tuple[Contact, ...]
    selfcheck: SelfCheck
    tasks: tuple[Task, ...]

    @property
    def langs(self) -> tuple[str, ...]:
        return LANGS

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(sorted({slug for slug, _lang in self._articles}))

    @property
    def topics(self) -> dict[str, tuple[str, ...]]:
        """Topic key -> slugs in that topic (ordered by slug), for topics that have articles."""
        out: dict[str, list[str]] = {}
        for (slug, lang), article in sorted(self._articles.items()):
            if lang == LANGS[0]:
                out.setdefault(article.topic, []).append(slug)
        return {topic: tuple(out[topic]) for topic in TOPICS if topic in out}

    def articles(self, lang: str | None = None) -> list[Article]:
        """All articles in one language (or every language), ordered by slug."""
        return [a for (_s, lg), a in sorted(self._articles.items()) if lang is None or lg == lang]

    def article(self, slug: str, lang: str) -> Article:
        try:
            return self._articles[(slug, lang)]
        except KeyError:
            raise KeyError(f"no guide article {slug!r} in {lang!r}") from None

    def has(self, slug: str, lang: str | None = None) -> bool:
        if lang is None:
            return any((slug, lg) in self._articles for lg in LANGS)
        return (slug, lang) in self._articles

    def pair(self, slug: str, first: str, second: str) -> tuple[Article, Article]:
        """The same article in two languages, for the side-by-side view and the bilingual PDF."""
        return self.article(slug, first), self.article(slug, second)

    def pairs(self, first: str, second: str) -> list[tuple[Article, Article]]:
        return [self.pair(slug, first, second) for slug in self.slugs
                if self.has(slug, first) and self.has(slug, second)]

    def contact(self, key: str) -> Contact:
        for c in self.contacts:
            if c.key == key:
                return c
        raise KeyError(f"no contact {key!r}")

    def task(self, key: str) -> Task:
        for t in self.tasks:
            if t.key == key:
                return t
        raise KeyError(f"no task {key!r}")


# ---------------------------------------------------------------- front matter


def parse_front_matter(text: str, where: str = "<text>") -> tuple[dict[str, Any], str]:
    """Split an article into (front matter dict, Markdown body)."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise GuideError(_("{where}: the file must start with a '---' front matter line").format(where=where))
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise GuideError(_("{where}: the front matter has no closing '---' line").format(where=where)) from None
    meta: dict[str, Any] = {}
    current_list: list[dict[str, str]] | None = None
    for number, raw in enumerate(lines[1:end], start=2):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        stripped = raw.strip()
        if current_list is not None and raw[:1].isspace():
            if stripped.startswith("- "):
                current_list.append({})
                stripped = stripped[2:].strip()
            if not current_list or ":" not in stripped:
                raise GuideError(_("{where}, line {line}: cannot read {text!r}").format(
                    where=where, line=number, text=raw))
            key, _sep, value = stripped.partition(":")
            current_list[-1][key.strip()] = value.strip()
            continue
        if raw[:1].isspace() or ":" not in stripped:
            raise GuideError(_("{where}, line {line}: cannot read {text!r}").format(
                where=where, line=number, text=raw))
        key, _sep, value = stripped.partition(":")
        key, value = key.strip(), value.strip()
        if key in meta:
            raise GuideError(_("{where}, line {line}: {key!r} appears twice").format(
                where=where, line=number, key=key))
        if value == "":
            current_list = []
            meta[key] = current_list
        else:
            current_list = None
            meta[key] = value
    body = "\n".join(lines[end + 1:]).strip() + "\n"
    return meta, body


def _split_list(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, list):
        raise GuideError("expected a comma-separated list")
    return tuple(part.strip() for part in str(value).split(",") if part.strip())


def _parse_date(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise GuideError(_("{where}: {value!r} is not an ISO date (YYYY-MM-DD)").format(
            where=where, value=value)) from None


def _source(raw: Any, where: str) -> Source:
    if not isinstance(raw, dict) or not raw.get("url") or not raw.get("title"):
        raise GuideError(_("{where}: every source needs a url and a title").format(where=where))
    url = str(raw["url"])
    if not url.startswith(("http://", "https://")):
        raise GuideError(_("{where}: source url {url!r} is not http(s)").format(where=where, url=url))
    return Source(url=url, title=str(raw["title"]))


def parse_article(text: str, slug: str, lang: str, path: Path | None = None) -> Article:
    where = str(path) if path else f"{lang}/{slug}.md"
    meta, body = parse_front_matter(text, where)
    missing = [k for k in _REQUIRED_KEYS if not meta.get(k)]
    if missing:
        raise GuideError(_("{where}: missing {keys}").format(where=where, keys=", ".join(missing)))
    for key in ("title", "summary", "tags", "topic", "checked_on", "related"):
        if isinstance(meta.get(key), list):
            raise GuideError(_("{where}: {key!r} must be on one line").format(where=where, key=key))
    topic = str(meta["topic"])
    if topic not in TOPICS:
        raise GuideError(_("{where}: unknown topic {topic!r}").format(where=where, topic=topic))
    sources = meta["sources"]
    if not isinstance(sources, list):
        raise GuideError(_("{where}: 'sources' must be a list of url/title items").format(where=where))
    dated = _dated_facts(meta, where)
    return Article(
        slug=slug,
        lang=lang,
        title=str(meta["title"]),
        summary=str(meta["summary"]),
        tags=_split_list(meta["tags"]),
        topic=topic,
        sources=tuple(_source(s, where) for s in sources),
        checked_on=_parse_date(meta["checked_on"], where),
        related=_split_list(meta.get("related")),
        body=body,
        path=path,
        dated=dated,
    )


def _dated_facts(meta: dict[str, Any], where: str) -> tuple[DatedFact, ...]:
    """`valid_until: DATE` (a general warning) and/or `dated:` items of `- until: DATE` + `warning: text`."""
    out: list[DatedFact] = []
    if meta.get("valid_until"):
        if isinstance(meta["valid_until"], list):
            raise GuideError(_("{where}: {key!r} must be on one line").format(where=where, key="valid_until"))
        out.append(DatedFact(_parse_date(meta["valid_until"], where)))
    raw = meta.get("dated")
    if raw is not None:
        if not isinstance(raw, list) or any(not isinstance(item, dict) or not item.get("until") for item in raw):
            raise GuideError(_("{where}: every 'dated' item needs an 'until' date").format(where=where))
        out += [DatedFact(_parse_date(item["until"], where), str(item.get("warning", ""))) for item in raw]
    return tuple(sorted(out, key=lambda d: d.until))


# ---------------------------------------------------------------- JSON files


def _langs(raw: Any, where: str, what: str) -> dict[str, str]:
    if not isinstance(raw, dict) or any(not isinstance(raw.get(lg), str) or not raw[lg].strip() for lg in LANGS):
        raise GuideError(_("{where}: {what} needs text in vi, ja and en").format(where=where, what=what))
    return {lg: raw[lg] for lg in LANGS}


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuideError(_("{where}: file is missing").format(where=path)) from None
    except json.JSONDecodeError as exc:
        raise GuideError(_("{where}: invalid JSON ({error})").format(where=path, error=exc)) from None


def _load_contacts(path: Path) -> tuple[Contact, ...]:
    data = _read_json(path)
    out = []
    for i, raw in enumerate(data.get("contacts", []) if isinstance(data, dict) else []):
        where = f"{path} contacts[{i}]"
        try:
            hours = raw.get("hours")
            note = raw.get("note")
            out.append(Contact(
                key=str(raw["key"]),
                name=_langs(raw.get("name"), where, "name"),
                purpose=_langs(raw.get("purpose"), where, "purpose"),
                number=None if raw["number"] is None else str(raw["number"]),
                hours=None if hours is None else _langs(hours, where, "hours"),
                source=_source(raw.get("source"), where),
                checked_on=_parse_date(raw.get("checked_on"), where),
                verified=bool(raw["verified"]),
                note=None if note is None else _langs(note, where, "note"),
                article=raw.get("article"),
                urgent=bool(raw.get("urgent", False)),
                other_numbers=tuple(str(n) for n in raw.get("other_numbers", ())),
                languages=_languages(raw.get("languages")),
            ))
        except (KeyError, TypeError, AttributeError) as exc:
            raise GuideError(_("{where}: malformed entry ({error})").format(where=where, error=exc)) from None
    if not out:
        raise GuideError(_("{where}: no contacts").format(where=path))
    return tuple(out)


def _load_selfcheck(path: Path) -> SelfCheck:
    data = _read_json(path)
    try:
        questions = []
        for i, raw in enumerate(data["questions"]):
            where = f"{path} questions[{i}]"
            category = str(raw["category"])
            if category not in INCIDENT_CATEGORIES:
                raise GuideError(_("{where}: unknown incident category {category!r}").format(
                    where=where, category=category))
            questions.append(SelfCheckQuestion(
                key=str(raw["key"]), indicator=str(raw["indicator"]),
                text=_langs(raw.get("text"), where, "text"),
                article=str(raw["article"]), category=category,
            ))
        return SelfCheck(source=_source(data["source"], str(path)),
                         intro=_langs(data.get("intro"), str(path), "intro"), questions=tuple(questions))
    except (KeyError, TypeError) as exc:
        raise GuideError(_("{where}: malformed file ({error})").format(where=path, error=exc)) from None


def _load_tasks(path: Path) -> tuple[Task, ...]:
    data = _read_json(path)
    out = []
    try:
        for i, raw in enumerate(data["tasks"]):
            where = f"{path} tasks[{i}]"
            steps = raw["steps"]
            if not isinstance(steps, dict) or any(
                    not isinstance(steps.get(lg), list) or not steps[lg] for lg in LANGS):
                raise GuideError(_("{where}: steps need a list in vi, ja and en").format(where=where))
            out.append(Task(
                key=str(raw["key"]), title=_langs(raw.get("title"), where, "title"),
                steps={lg: tuple(str(s) for s in steps[lg]) for lg in LANGS},
                article=str(raw["article"]), contacts=tuple(raw.get("contacts", ())),
            ))
    except (KeyError, TypeError) as exc:
        raise GuideError(_("{where}: malformed file ({error})").format(where=path, error=exc)) from None
    return tuple(out)


def _articles(root: Path, langs: Iterable[str]) -> dict[tuple[str, str], Article]:
    out: dict[tuple[str, str], Article] = {}
    for lang in langs:
        folder = root / lang
        if not folder.is_dir():
            raise GuideError(_("{where}: language folder is missing").format(where=folder))
        for path in sorted(folder.glob("*.md")):
            article = parse_article(path.read_text(encoding="utf-8"), path.stem, lang, path)
            out[(article.slug, lang)] = article
    return out


def load_guide(root: Path | None = None) -> Guide:
    """Read and check every guide file. Raises GuideError naming the file when one is malformed."""
    if root is None:
        from handbook_app.resources import facts_path

        root = facts_path("guide")
    root = Path(root)
    articles = _articles(root, LANGS)
    guide = Guide(
        root=root,
        _articles=articles,
        contacts=_load_contacts(root / "contacts.json"),
        selfcheck=_load_selfcheck(root / "selfcheck.json"),
        tasks=_load_tasks(root / "tasks.json"),
    )
    return guide


def check_guide(guide: Guide) -> list[str]:
    """Consistency problems as values (missing translations, broken links, bad references)."""
    problems: list[str] = []
    for slug in guide.slugs:
        for lang in LANGS:
            if not guide.has(slug, lang):
                problems.append(f"{slug}: missing in {lang}")
    for article in guide.articles():
        for target in article.links():
            if not guide.has(target, article.lang):
                problems.append(f"{article.lang}/{article.slug}: link to unknown article {target!r}")
        if article.checked_on > date.today():
            problems.append(f"{article.lang}/{article.slug}: checked_on is in the future")
    for c in guide.contacts:
        if c.article and not guide.has(c.article):
            problems.append(f"contact {c.key}: unknown article {c.article!r}")
    for q in guide.selfcheck.questions:
        if not guide.has(q.article):
            problems.append(f"self-check {q.key}: unknown article {q.article!r}")
    for t in guide.tasks:
        if not guide.has(t.article):
            problems.append(f"task {t.key}: unknown article {t.article!r}")
        for key in t.contacts:
            if key not in {c.key for c in guide.contacts}:
                problems.append(f"task {t.key}: unknown contact {key!r}")
    return problems
