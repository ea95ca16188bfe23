"""The bundled guide content: complete in three languages, sourced, dated, linked."""

import json
import re
from datetime import date

from handbook_app.guide import INCIDENT_CATEGORIES, LANGS, TOPICS, check_guide, internal_links
from handbook_app.resources import resource_path

REQUIRED_TOPICS = {
    "status", "contract", "pay", "hours", "leave", "deductions", "documents", "safety", "health",
    "harassment", "change", "debt", "money", "stay", "legal", "family", "leaving", "help",
}
REQUIRED_SLUGS = {
    "trainee-status", "employment-contract", "wages-minimum-wage", "working-hours-overtime", "paid-leave",
    "deductions-housing-savings", "passport-residence-card", "harassment-violence", "work-injury",
    "illness-health-insurance", "changing-employer", "employment-for-skill-development", "recruitment-fees-debt",
    "sending-money-home", "period-of-stay-renewal", "overstay-options", "if-arrested", "pregnancy", "going-home",
    "tax-pension-refund", "where-to-get-help",
}


def test_at_least_24_articles(guide):
    assert len(guide.slugs) >= 24


def test_required_articles_exist(guide):
    assert set(guide.slugs) >= REQUIRED_SLUGS


def test_every_slug_in_every_language(guide):
    for slug in guide.slugs:
        for lang in LANGS:
            assert guide.has(slug, lang), f"{slug} missing in {lang}"
    files = {lang: {p.stem for p in resource_path("guide", lang).glob("*.md")} for lang in LANGS}
    assert files["vi"] == files["ja"] == files["en"]


def test_front_matter_complete(guide):
    today = date.today()
    for article in guide.articles():
        where = f"{article.lang}/{article.slug}"
        assert article.title.strip(), where
        assert article.summary.strip(), where
        assert article.tags, where
        assert article.topic in TOPICS, where
        assert article.sources, where
        for source in article.sources:
            assert re.match(r"https?://\S+$", source.url), (where, source.url)
            assert source.title.strip(), where
        assert isinstance(article.checked_on, date), where
        assert article.checked_on <= today, where
        assert len(article.body) > 400, f"{where}: body looks too short"


def test_same_article_same_metadata_in_each_language(guide):
    for slug in guide.slugs:
        vi, ja, en = (guide.article(slug, lang) for lang in LANGS)
        assert vi.topic == ja.topic == en.topic, slug
        assert vi.related == ja.related == en.related, slug
        assert vi.sources == ja.sources == en.sources, slug


def test_required_topics_present(guide):
    assert set(guide.topics) >= REQUIRED_TOPICS


def test_every_internal_link_resolves(guide):
    for article in guide.articles():
        for target in internal_links(article.body) + list(article.related):
            assert guide.has(target, article.lang), f"{article.lang}/{article.slug} -> {target}"


def test_check_guide_reports_no_problems(guide):
    assert check_guide(guide) == []


def test_wages_article_title_in_vietnamese(guide):
    assert "Lương" in guide.article("wages-minimum-wage", "vi").title


def test_vietnamese_text_has_diacritics(guide):
    # A Vietnamese article without tone marks would be hard to read; guard against accidental ASCII.
    for article in guide.articles("vi"):
        assert re.search(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]",
                         article.body.lower()), article.slug


def test_japanese_articles_are_japanese(guide):
    for article in guide.articles("ja"):
        assert re.search(r"[\u3040-\u30ff]", article.body), article.slug
        assert "です" in article.body or "ます" in article.body, f"{article.slug}: not in polite form"


def test_unverified_items_are_marked(guide):
    markers = {"vi": "chưa xác minh", "ja": "未確認", "en": "not verified"}
    # The OTIT hours conflict in the sources: the help article must say so in every language.
    for lang in LANGS:
        assert markers[lang] in guide.article("where-to-get-help", lang).body
        assert markers[lang] in guide.article("employment-for-skill-development", lang).body


def test_contacts_complete(guide):
    keys = [c.key for c in guide.contacts]
    assert len(keys) == len(set(keys))
    assert {"police", "fire_ambulance", "otit_vi", "labour_hotline", "houterasu", "embassy_vn"} <= set(keys)
    numbers = {c.key: c.number for c in guide.contacts}
    assert numbers["police"] == "110"
    assert numbers["fire_ambulance"] == "119"
    for c in guide.contacts:
        for lang in LANGS:
            assert c.name[lang].strip() and c.purpose[lang].strip()
            if c.hours is not None:
                assert c.hours[lang].strip()
        assert c.source.url.startswith(("http://", "https://"))
        assert c.checked_on <= date.today()
        if c.article:
            assert guide.has(c.article)
    # The reachable route in an emergency: OTIT's Vietnamese line with the hours of OTIT's own handbook.
    otit = guide.contact("otit_vi")
    assert otit.number == "0120-250-168"
    assert otit.hours is not None and "11:00–19:00" in otit.hours["en"]
    assert "handbook" in otit.note["en"] and "not verified" in otit.note["en"]  # the Sunday slot


def test_emergencies_never_end_at_a_number_the_app_lacks(guide):
    """Every step or sentence that sends the reader to OTIT's SOS team also gives a number to call."""
    for article in guide.articles():
        for block_text in article.plain_body().split("\n"):
            if "SOS" in block_text and any(w in block_text for w in ("call", "gọi", "Gọi", "電話", "連絡")):
                assert "0120-250-168" in block_text or "110" in block_text, (article.lang, article.slug, block_text)
    for task in guide.tasks:
        for lang in LANGS:
            for step in task.steps[lang]:
                if "SOS" in step:
                    assert "0120-250-168" in step or "110" in step or "119" in step, (task.key, lang, step)


def test_selfcheck_complete(guide):
    sc = guide.selfcheck
    assert "ilo" in sc.source.title.lower()
    assert len(sc.questions) >= 9
    indicators = {q.indicator for q in sc.questions}
    for needed in ("Retention of identity documents", "Debt bondage", "Withholding of wages",
                   "Restriction of movement", "Intimidation and threats", "Isolation", "Deception",
                   "Excessive overtime", "Abusive working and living conditions"):
        assert needed in indicators
    for q in sc.questions:
        assert q.category in INCIDENT_CATEGORIES
        assert guide.has(q.article), q.key
        assert all(q.text[lang].strip() for lang in LANGS)


def test_tasks_complete(guide):
    keys = {t.key for t in guide.tasks}
    assert {"not_paid", "passport_taken", "hurt_at_work", "change_employer", "overstayed"} <= keys
    contact_keys = {c.key for c in guide.contacts}
    for t in guide.tasks:
        assert guide.has(t.article), t.key
        assert all(t.title[lang].strip() for lang in LANGS)
        assert all(len(t.steps[lang]) >= 2 for lang in LANGS)
        assert len(t.steps["vi"]) == len(t.steps["ja"]) == len(t.steps["en"]), t.key
        assert set(t.contacts) <= contact_keys


def test_json_files_are_valid_utf8_json():
    for name in ("contacts.json", "selfcheck.json", "tasks.json"):
        json.loads(resource_path("guide", name).read_text(encoding="utf-8"))


def test_every_japanese_article_has_one_easy_japanese_box(guide):
    """やさしい日本語: one `::: easy` box per Japanese article, short sentences, furigana on kanji words."""
    from handbook_app.guide import parse_blocks

    for article in guide.articles("ja"):
        boxes = [b for b in parse_blocks(article.body) if b.kind == "box" and b.box == "easy"]
        assert len(boxes) == 1, article.slug
        text = " ".join(item for child in boxes[0].children for item in child.items)
        assert 3 <= text.count("。") <= 8, article.slug
        assert "{" in text and "|" in text, f"{article.slug}: no furigana"
        for sentence in re.split(r"[。!?]", re.sub(r"\{([^|}]+)\|[^}]+\}", r"\1", text)):
            assert len(sentence.strip()) <= 60, (article.slug, sentence)
        # kanji outside furigana marks stay rare: the box is for readers at N4-N5
        bare = re.sub(r"\{[^}]+\}", "", text)
        assert len(re.findall(r"[\u4e00-\u9fff]", bare)) <= 4, (article.slug, bare)


def test_verified_contacts_were_checked_within_a_year(guide):
    """`verified: true` needs a source checked within the last year; otherwise the UI says "not verified"."""
    from handbook_app.guide import is_stale

    for c in guide.contacts:
        if c.verified:
            assert not is_stale(c.checked_on), c.key
