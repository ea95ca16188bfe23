"""The rights guide as the faces see it (loaded once per process, searched offline)."""

from __future__ import annotations


def guide():
    from handbook_app.guide import default_guide

    return default_guide()


def guide_index():
    from handbook_app.guide import default_index

    return default_index()


def search_guide(query: str, lang: str | None = None, limit: int = 20) -> list[tuple[str, str, str]]:
    """(slug, lang, title), best first."""
    from handbook_app.guide import search_cli

    return search_cli(query, lang, limit)
