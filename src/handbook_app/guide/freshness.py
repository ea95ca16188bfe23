"""Which facts may be out of date: articles and contacts whose `checked_on` is too old."""

from __future__ import annotations

from datetime import date, timedelta

from handbook_app.guide.articles import Article, Contact, DatedFact, Guide
from handbook_app.i18n import _

MAX_AGE_DAYS = 365


def is_stale(checked_on: date, max_age_days: int = MAX_AGE_DAYS, today: date | None = None) -> bool:
    return (today or date.today()) - checked_on > timedelta(days=max_age_days)


def stale_articles(guide: Guide, lang: str | None = None, max_age_days: int = MAX_AGE_DAYS,
                   today: date | None = None) -> list[Article]:
    """Articles last checked more than `max_age_days` ago, oldest first."""
    found = [a for a in guide.articles(lang) if is_stale(a.checked_on, max_age_days, today)]
    return sorted(found, key=lambda a: (a.checked_on, a.slug, a.lang))


def stale_contacts(guide: Guide, max_age_days: int = MAX_AGE_DAYS, today: date | None = None) -> list[Contact]:
    return [c for c in guide.contacts if is_stale(c.checked_on, max_age_days, today)]


def freshness_warning(checked_on: date, max_age_days: int = MAX_AGE_DAYS, today: date | None = None) -> str | None:
    """A sentence for the UI when a fact is old, else None. The date is ISO; the UI may reformat."""
    if not is_stale(checked_on, max_age_days, today):
        return None
    return _("Last checked on {date}. Laws, amounts and phone numbers may have changed since; "
             "check with an official source.").format(date=checked_on.isoformat())


def expired_facts(guide: Guide, lang: str | None = None, today: date | None = None,
                  within_days: int = 0) -> list[tuple[Article, DatedFact]]:
    """Dated facts past their date (or due within `within_days`): the release check-list, soonest first."""
    limit = (today or date.today()) + timedelta(days=within_days)
    found = [(a, d) for a in guide.articles(lang) for d in a.dated if d.until < limit]
    return sorted(found, key=lambda pair: (pair[1].until, pair[0].slug, pair[0].lang))
