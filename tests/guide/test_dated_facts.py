"""Facts that hold until a date: after it the reader and the PDF warn at the top, automatically."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from handbook_app.guide import LANGS, GuideError, expired_facts, parse_article

HEAD = "---\ntitle: T\nsummary: S\ntags: a\ntopic: pay\nchecked_on: 2026-11-27\n{extra}sources:\n" \
       "  - url: https://example.org/\n    title: X\n---\nBody text.\n"


def _article(extra: str, lang: str = "en"):
    return parse_article(HEAD.format(extra=extra), "x", lang)


def test_dated_entries_are_read():
    a = _article("valid_until: 2027-03-31\ndated:\n  - until: 2026-09-30\n    warning: A higher rate applies.\n")
    assert a.valid_until == date(2026, 9, 30)
    assert [(d.until, d.warning) for d in a.dated] == [(date(2026, 9, 30), "A higher rate applies."),
                                                       (date(2027, 3, 31), "")]


def test_warning_box_appears_only_after_the_date():
    a = _article("dated:\n  - until: 2026-09-30\n    warning: A higher rate probably applies from October.\n")
    before, after = a.html(today=date(2026, 9, 30)), a.html(today=date(2026, 10, 1))
    assert "higher rate" not in before and before.startswith("<p>Body text.")
    assert after.startswith("<table class='box box-expired'")
    assert after.index("A higher rate probably applies") < after.index("Body text.")
    assert a.print_body(today=date(2026, 10, 1)).startswith("> A higher rate probably applies")
    assert "higher rate" not in a.print_body(today=date(2026, 9, 1))


@pytest.mark.parametrize("lang", LANGS)
def test_general_warning_in_the_article_language(lang):
    a = _article("valid_until: 2026-09-30\n", lang)
    text = a.expired(date(2027, 1, 1))[0].text(lang)
    assert "2026-09-30" in text
    if lang != "en":
        assert "Some facts in this article" not in text  # translated, not the English source


def test_malformed_dated_entry_is_an_error():
    with pytest.raises(GuideError):
        _article("dated:\n  - warning: no date\n")
    with pytest.raises(GuideError):
        _article("valid_until: next October\n")


def test_every_bundled_dated_fact_past_its_date_is_shown_at_the_top(guide):
    """The test the issue asks for: a dated fact past its date never reads as current."""
    for article in guide.articles():
        for fact in article.dated:
            html = article.html(today=fact.until + timedelta(days=1))
            assert html.startswith("<table class='box box-expired'"), (article.lang, article.slug)
            assert fact.text(article.lang)[:30] in html.replace("&#x27;", "'"), (article.lang, article.slug)
        if article.expired():  # already past today: the reader shows it now
            assert article.html().startswith("<table class='box box-expired'"), (article.lang, article.slug)


def test_minimum_wage_amounts_carry_their_period(guide):
    for lang in LANGS:
        article = guide.article("wages-minimum-wage", lang)
        assert article.dated, lang
        assert article.valid_until == date(2026, 9, 30)


def test_release_list_of_expired_facts(guide):
    article = guide.article("wages-minimum-wage", "en")
    found = expired_facts(replace(guide, _articles={("wages-minimum-wage", "en"): article}),
                          today=date(2026, 10, 1))
    assert [(a.slug, d.until) for a, d in found] == [("wages-minimum-wage", date(2026, 9, 30))]


def test_pdf_of_an_article_prints_the_warning_first(guide, tmp_path):
    """The minimum-wage article is past its date today (December 2026): the printed article warns too."""
    from pypdf import PdfReader

    from handbook_app.services.reports import print_guide_article  # the app's path (Print PDF… in the reader)

    article = guide.article("wages-minimum-wage", "vi")
    assert article.expired(), "this test assumes the FY2025 rates have expired"
    print_guide_article(tmp_path / "a.pdf", [article])
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(tmp_path / "a.pdf")).pages)
    assert "Các mức lương dưới đây là mức năm tài chính 2025" in text
    assert text.index("Các mức lương dưới đây") < text.index("Làm ngay")
    assert "U+26A0" not in text  # no glyph the embedded fonts lack
