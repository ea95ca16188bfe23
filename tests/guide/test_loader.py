"""Front-matter parsing and clear errors for malformed guide files."""

import shutil
from datetime import date

import pytest

from handbook_app.guide import GuideError, is_stale, load_guide, parse_article, stale_articles
from handbook_app.guide.freshness import freshness_warning
from handbook_app.resources import resource_path

GOOD = """---
title: Title
summary: Summary
tags: a, b ,c
topic: pay
checked_on: 2026-01-02
related: other-slug
sources:
  - url: https://example.org/a
    title: Source A
  - url: http://example.org/b
    title: Source B
---
## Heading

Body with a [link](other-slug).
"""


def test_parse_article_reads_front_matter():
    a = parse_article(GOOD, "x", "en")
    assert a.title == "Title" and a.summary == "Summary"
    assert a.tags == ("a", "b", "c")
    assert a.topic == "pay"
    assert a.checked_on == date(2026, 1, 2)
    assert a.related == ("other-slug",)
    assert [s.url for s in a.sources] == ["https://example.org/a", "http://example.org/b"]
    assert a.body.startswith("## Heading")
    assert a.links() == ["other-slug"]


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (GOOD.replace("---\ntitle", "title", 1), "front matter"),
        (GOOD.replace("title: Title\n", ""), "missing title"),
        (GOOD.replace("2026-01-02", "2026-13-40"), "ISO date"),
        (GOOD.replace("topic: pay", "topic: nonsense"), "unknown topic"),
        (GOOD.replace("https://example.org/a", "ftp://example.org/a"), "http"),
        (GOOD.replace("    title: Source A\n", ""), "url and a title"),
        (GOOD.replace("summary: Summary\n", "summary: Summary\nsummary: again\n"), "twice"),
        (GOOD.replace("---\n## Heading", "## Heading"), "closing"),
    ],
)
def test_malformed_article_gives_clear_error(broken, message):
    with pytest.raises(GuideError, match=message):
        parse_article(broken, "x", "en")


def test_load_guide_names_the_bad_file(tmp_path):
    root = tmp_path / "guide"
    shutil.copytree(resource_path("guide"), root)
    bad = root / "ja" / "paid-leave.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("checked_on: ", "checked_on: soon"), encoding="utf-8")
    with pytest.raises(GuideError, match="paid-leave.md"):
        load_guide(root)


def test_load_guide_rejects_bad_json(tmp_path):
    root = tmp_path / "guide"
    shutil.copytree(resource_path("guide"), root)
    (root / "tasks.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GuideError, match="tasks.json"):
        load_guide(root)


def test_pairs_and_lookup(guide):
    vi, ja = guide.pair("wages-minimum-wage", "vi", "ja")
    assert vi.slug == ja.slug and vi.lang == "vi" and ja.lang == "ja"
    assert len(guide.pairs("vi", "en")) == len(guide.slugs)
    with pytest.raises(KeyError):
        guide.article("no-such-article", "vi")


def test_freshness(guide):
    assert stale_articles(guide, today=date(2026, 11, 28)) == []
    later = stale_articles(guide, lang="vi", today=date(2028, 1, 1))
    assert {a.slug for a in later} == set(guide.slugs)
    assert is_stale(date(2020, 1, 1), 365, today=date(2021, 6, 1))
    assert not is_stale(date(2021, 1, 1), 365, today=date(2021, 6, 1))
    assert freshness_warning(date(2021, 1, 1), today=date(2021, 6, 1)) is None
    assert "2020-01-01" in freshness_warning(date(2020, 1, 1), today=date(2021, 6, 1))
