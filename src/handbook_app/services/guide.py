"""The rights guide as the faces see it (loaded once, searched offline)."""

from __future__ import annotations

from functools import cache


@cache
def guide():
    from handbook_app.guide.articles import load_guide

    return load_guide()


@cache
def guide_index():
    from handbook_app.guide.search import GuideIndex

    return GuideIndex(guide())


def search_guide(query: str, lang: str | None = None, limit: int = 20) -> list[tuple[str, str, str]]:
    """(slug, lang, title) best first."""
    return [(h.slug, h.lang, h.title) for h in guide_index().search(query, lang=lang, limit=limit)]
