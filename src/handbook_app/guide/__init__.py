"""The rights guide: articles from resources/guide, bilingual pairs, contacts, self-check, tasks, search.

Qt-free. The UI, the CLI and the PDF layer use:

- `load_guide(root=None) -> Guide` (or the cached `default_guide()`), then `guide.articles(lang)`,
  `guide.article(slug, lang)`, `guide.pair(slug, a, b)`, `guide.slugs`, `guide.topics`,
  `guide.contacts`, `guide.selfcheck`, `guide.tasks`;
- `Article.html()` / `render_html(md)` / `parse_blocks(md)` + `inline_html(text)` for display and PDF;
- `GuideIndex(guide).search(query, lang=None, limit=20) -> list[Hit]` (or `default_index()`);
- `search_cli(query, lang=None) -> list[(slug, lang, title)]`;
- `stale_articles(guide)` / `freshness_warning(checked_on)` / `expired_facts(guide)` (dated facts past
  their date: the reader shows them in a box at the top of the article);
- `consistency_problems(guide)`: vi/ja/en versions that differ in numbers, phone numbers, URLs or
  dates, and phone numbers missing from contacts.json.
"""

from handbook_app.guide.articles import (
    INCIDENT_CATEGORIES,
    LANGS,
    TOPICS,
    Article,
    Contact,
    DatedFact,
    Guide,
    GuideError,
    SelfCheck,
    SelfCheckQuestion,
    Source,
    Task,
    check_guide,
    load_guide,
    parse_article,
    parse_front_matter,
)
from handbook_app.guide.consistency import consistency_problems
from handbook_app.guide.freshness import (
    MAX_AGE_DAYS,
    expired_facts,
    freshness_warning,
    is_stale,
    stale_articles,
    stale_contacts,
)
from handbook_app.guide.markdown import (
    Block,
    inline_html,
    internal_links,
    parse_blocks,
    plain_text,
    print_markdown,
    render_html,
    ruby_text,
)
from handbook_app.guide.search import GuideIndex, Hit, default_guide, default_index, fold, search_cli

__all__ = [
    "INCIDENT_CATEGORIES", "LANGS", "MAX_AGE_DAYS", "TOPICS", "Article", "Block", "Contact", "DatedFact", "Guide",
    "GuideError", "GuideIndex", "Hit", "consistency_problems", "expired_facts", "print_markdown", "ruby_text", "SelfCheck", "SelfCheckQuestion", "Source", "Task", "check_guide",
    "default_guide", "default_index", "fold", "freshness_warning", "inline_html", "internal_links",
    "is_stale", "load_guide", "parse_article", "parse_blocks", "parse_front_matter", "plain_text",
    "render_html", "search_cli", "stale_articles", "stale_contacts",
]
