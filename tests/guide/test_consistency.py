"""vi, ja and en say the same numbers, phone numbers, URLs and dates; phone numbers are in contacts.json."""

from dataclasses import replace

from handbook_app.guide import LANGS, Guide, consistency_problems, parse_article
from handbook_app.guide.consistency import article_problems, numbers, phones, unknown_phone_problems, urls

HEAD = "---\ntitle: T\nsummary: S\ntags: a\ntopic: pay\nchecked_on: 2026-11-27\n{extra}sources:\n" \
       "  - url: https://example.org/\n    title: X\n---\n"


def _guide(real: Guide, bodies: dict[str, str], extra: dict[str, str] | None = None) -> Guide:
    articles = {("x", lang): parse_article(HEAD.format(extra=(extra or {}).get(lang, "")) + bodies[lang], "x", lang)
                for lang in LANGS}
    return replace(real, _articles=articles)


def test_the_bundled_guide_agrees_across_languages(guide):
    assert consistency_problems(guide) == []


def test_number_formats_that_mean_the_same_agree():
    assert numbers("1,023 yen") == numbers("1.023 yên") == numbers("1023円") == {"1023"}
    assert numbers("500,000 yen") == numbers("50万円") == numbers("500.000 yên")
    assert numbers("1 October 2025") == numbers("2025年10月1日") == numbers("1/10/2025") == {"1", "10", "2025"}
    assert numbers("at least 80%") == numbers("8割以上") == {"80"}
    assert numbers("Mon–Fri 17:00–22:00") == numbers("平日 17時〜22時") == numbers("Thứ 2–6: 17:00–22:00")
    assert numbers("you may ask") == set()
    assert numbers("2.5 hours") == numbers("2,5 giờ") == {"2.5"}
    # numbers inside phone numbers and URLs are not amounts
    assert numbers("call 0120-250-168 or see https://a.example/2024/5") == set()


def test_phones_and_urls_are_read():
    assert phones("Gọi 0120-250-168 hoặc #8891, không phải 1,023") == {"0120-250-168", "#8891"}
    assert urls("See https://www.otit.go.jp/notebook/.") == {"https://www.otit.go.jp/notebook/"}


def test_a_number_missing_in_one_language_fails(guide):
    g = _guide(guide, {"vi": "Lương 1.023 yên.\n", "ja": "1,023円です。\n", "en": "Pay 1,032 yen.\n"})
    problems = article_problems(g, "x")
    assert any("1023" in p and "not in en" in p for p in problems)
    assert any("1032" in p and "not in vi" in p for p in problems)


def test_a_phone_number_or_url_missing_in_one_language_fails(guide):
    g = _guide(guide, {"vi": "Gọi 0120-250-168. https://a.example/\n", "ja": "0120-250-168へ。\n",
                       "en": "Call 0120-250-186. https://a.example/\n"})
    problems = article_problems(g, "x")
    assert any("phone number 0120-250-168" in p and "not in en" in p for p in problems)
    assert any("URL https://a.example/" in p and "not in ja" in p for p in problems)


def test_dated_fact_dates_must_agree(guide):
    body = {lang: "Text.\n" for lang in LANGS}
    extra = {"vi": "valid_until: 2026-09-30\n", "ja": "valid_until: 2026-09-30\n", "en": "valid_until: 2026-10-31\n"}
    problems = article_problems(_guide(guide, body, extra), "x")
    assert any("dated-fact date 2026-09-30" in p and "not in en" in p for p in problems)


def test_a_phone_number_not_in_contacts_fails(guide):
    g = _guide(guide, {lang: "Gọi 03-1234-5678.\n" for lang in LANGS})
    problems = unknown_phone_problems(g)
    assert any("03-1234-5678" in p and "contacts.json" in p for p in problems)
    # every number of the real guide is known, including a contact's other numbers
    assert unknown_phone_problems(guide) == []


def test_a_task_whose_languages_differ_fails(guide):
    from handbook_app.guide import Task
    from handbook_app.guide.consistency import task_problems

    task = Task("x", {lg: "T" for lg in LANGS},
                {"vi": ("Cấm 1 năm thay vì 5 năm.",), "ja": ("上陸拒否1年。",), "en": ("A 1-year ban instead of 5.",)},
                "overstay-options")
    problems = task_problems(replace(guide, tasks=(task,)))
    assert problems == ["task x: number 5 in vi/en but not in ja"]
    assert task_problems(guide) == []
