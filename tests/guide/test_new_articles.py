"""The crisis articles added in December 2026 (issue 13): present in three languages, saying the same
numbers, phone numbers and links in each, reachable from tasks, Help now and the self-check, and found by
search in Vietnamese (with and without accents), Japanese and English."""

import re

import pytest

from handbook_app.guide import LANGS, fold
from handbook_app.resources import resource_path

NEW_SLUGS = (
    "business-closure-allowance",
    "dismissal",
    "already-left-employer",
    "scams-after-leaving",
    "employer-bankruptcy-unpaid-wages",
    "giving-birth-in-japan",
    "harassment-sexual-violence",
    "night-weekend-help",
    "first-month-lectures",
    "employment-insurance-resident-tax",
    "foreign-resident-centres",
    "after-early-return-vietnam",
    "safety-heatstroke",
)

_URL_RE = re.compile(r"https?://\S+")
_PHONE_RE = re.compile(r"#\d{4}|\b0\d{1,4}-\d{1,4}-\d{3,4}\b")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d{3})*")


def _text(article) -> str:
    return "\n".join((article.title, article.summary, ", ".join(article.tags), article.body))


def phones(text: str) -> set[str]:
    return set(_PHONE_RE.findall(text))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_MONTH_RE = re.compile(r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\b")
_VI_WEEKDAY_RE = re.compile(r"\bthứ\s*[2-7](?:\s*[–-]\s*[2-7])?\b")  # Monday is "thứ 2": a name, not an amount


def numbers(text: str) -> set[int]:
    """Every number in the text, thousands separators ("." in vi, "," in ja/en) removed; URLs and
    phone numbers left out (they are compared on their own); English month names count as their number
    ("10 June 2024" = "10/6/2024" = "2024年6月10日")."""
    text = _PHONE_RE.sub(" ", _URL_RE.sub(" ", text))
    text = _VI_WEEKDAY_RE.sub(" ", text)
    text = _MONTH_RE.sub(lambda m: f" {[x[:3] for x in _MONTHS].index(m.group(1)) + 1} ", text)
    return {int(re.sub(r"[.,]", "", n)) for n in _NUMBER_RE.findall(text)}


def test_numbers_helper_reads_each_languages_separators():
    assert numbers("600.000 yên, 3 tháng") == numbers("600,000円、3か月") == {600000, 3}
    assert phones("gọi 0120-279-338 hoặc #8891") == {"0120-279-338", "#8891"}
    assert numbers("gọi 0120-279-338 (https://x.jp/a1)") == set()
    assert numbers("10 June 2024") == numbers("10/6/2024") == numbers("2024年6月10日") == {10, 6, 2024}
    assert numbers("thứ 2–6 17:00, nghỉ 29/12") == numbers("Mon–Fri 17:00, closed 29 Dec") == {17, 0, 29, 12}


@pytest.mark.parametrize("slug", NEW_SLUGS)
def test_new_article_in_every_language(guide, slug):
    for lang in LANGS:
        assert guide.has(slug, lang), (slug, lang)


@pytest.mark.parametrize("slug", NEW_SLUGS)
def test_languages_agree_on_numbers_phones_and_links(guide, slug):
    vi, ja, en = (guide.article(slug, lang) for lang in LANGS)
    assert numbers(_text(vi)) == numbers(_text(ja)) == numbers(_text(en)), slug
    assert phones(_text(vi)) == phones(_text(ja)) == phones(_text(en)), slug
    assert set(vi.links()) == set(ja.links()) == set(en.links()), slug
    assert set(_URL_RE.findall(vi.body)) == set(_URL_RE.findall(ja.body)) == set(_URL_RE.findall(en.body))


@pytest.mark.parametrize("slug", NEW_SLUGS)
def test_every_phone_number_is_a_help_now_contact(guide, slug):
    known = {c.number for c in guide.contacts if c.number}
    for note in (c.note for c in guide.contacts if c.note):
        known |= phones(" ".join(note.values()))  # alternative numbers given in a contact's note
    for lang in LANGS:
        assert phones(_text(guide.article(slug, lang))) <= known, (slug, lang)


# Articles that answer an emergency: a Help now contact opens them.
EMERGENCY_SLUGS = {"harassment-sexual-violence", "night-weekend-help", "foreign-resident-centres"}
# Articles that answer a self-check question.
SELFCHECK_SLUGS = {"business-closure-allowance", "dismissal", "harassment-sexual-violence", "safety-heatstroke"}


def test_every_new_article_has_a_task_entry_point(guide):
    tasks = {t.article for t in guide.tasks}
    assert set(NEW_SLUGS) <= tasks, set(NEW_SLUGS) - tasks


def test_emergency_articles_open_from_help_now(guide):
    assert {c.article for c in guide.contacts} >= EMERGENCY_SLUGS
    numbers = {c.key: c.number for c in guide.contacts}
    assert numbers["onestop_8891"] == "#8891" and numbers["yorisoi"] == "0120-279-338"
    # hours that only old sources give are not presented as checked
    assert guide.contact("yorisoi").verified is False and guide.contact("fresc").verified is False


def test_selfcheck_questions_open_the_new_articles(guide):
    assert {q.article for q in guide.selfcheck.questions} >= SELFCHECK_SLUGS


def test_first_month_lectures_carry_the_2027_switch_as_valid_until(guide):
    # Articles carry valid_until where a fact expires; the loader that shows the warning reads it.
    for lang in LANGS:
        text = resource_path("guide", lang, "first-month-lectures.md").read_text(encoding="utf-8")
        assert "\nvalid_until: 2027-03-31\n" in text


# Official hosts: e-Gov law texts, ministries and agencies (go.jp), prefectures and cities (lg.jp),
# Vietnamese state sites (gov.vn).
_OFFICIAL_HOST_RE = re.compile(r"https?://[^/]*(\.go\.jp|\.lg\.jp|\.gov\.vn)(/|$)")


@pytest.mark.parametrize("slug", NEW_SLUGS)
def test_primary_source_first_and_checked_recently(guide, slug):
    article = guide.article(slug, "en")
    assert _OFFICIAL_HOST_RE.match(article.sources[0].url) or slug in _NO_PRIMARY, (slug, article.sources[0].url)
    assert article.checked_on.isoformat() >= "2026-12-01"


# Articles for which no official page was found in the stored copies: their facts are marked unverified.
_NO_PRIMARY: set[str] = {"after-early-return-vietnam"}


# (query, language, slug that must be among the first three hits)
SEARCHES = [
    ("休業手当", "ja", "business-closure-allowance"),
    ("仕事がない", "ja", "business-closure-allowance"),
    ("hết việc", "vi", "business-closure-allowance"),
    ("het viec", "vi", "business-closure-allowance"),
    ("ở nhà", "vi", "business-closure-allowance"),
    ("tiền ngừng việc", "vi", "business-closure-allowance"),
    ("stay home", "en", "business-closure-allowance"),
    ("no work", "en", "business-closure-allowance"),
    ("解雇", "ja", "dismissal"),
    ("đuổi việc", "vi", "dismissal"),
    ("duoi viec", "vi", "dismissal"),
    ("sa thai", "vi", "dismissal"),
    ("fired", "en", "dismissal"),
    ("dismissal", "en", "dismissal"),
    ("đã bỏ trốn", "vi", "already-left-employer"),
    ("bỏ công ty", "vi", "already-left-employer"),
    ("失踪", "ja", "already-left-employer"),
    ("実習先を離れた", "ja", "already-left-employer"),
    ("ran away", "en", "already-left-employer"),
    ("left my employer", "en", "already-left-employer"),
    ("lừa đảo", "vi", "scams-after-leaving"),
    ("thẻ giả", "vi", "scams-after-leaving"),
    ("bán tài khoản", "vi", "scams-after-leaving"),
    ("詐欺", "ja", "scams-after-leaving"),
    ("偽造在留カード", "ja", "scams-after-leaving"),
    ("scam", "en", "scams-after-leaving"),
    ("fake residence card", "en", "scams-after-leaving"),
    ("phá sản", "vi", "employer-bankruptcy-unpaid-wages"),
    ("chủ bỏ trốn", "vi", "employer-bankruptcy-unpaid-wages"),
    ("倒産", "ja", "employer-bankruptcy-unpaid-wages"),
    ("立替払", "ja", "employer-bankruptcy-unpaid-wages"),
    ("bankrupt", "en", "employer-bankruptcy-unpaid-wages"),
    ("sinh con", "vi", "giving-birth-in-japan"),
    ("khai sinh", "vi", "giving-birth-in-japan"),
    ("出生届", "ja", "giving-birth-in-japan"),
    ("出産", "ja", "giving-birth-in-japan"),
    ("giving birth", "en", "giving-birth-in-japan"),
    ("baby", "en", "giving-birth-in-japan"),
    ("quấy rối tình dục", "vi", "harassment-sexual-violence"),
    ("hiếp dâm", "vi", "harassment-sexual-violence"),
    ("bị sờ mó", "vi", "harassment-sexual-violence"),
    ("セクハラ", "ja", "harassment-sexual-violence"),
    ("パワハラ", "ja", "harassment-sexual-violence"),
    ("性暴力", "ja", "harassment-sexual-violence"),
    ("sexual harassment", "en", "harassment-sexual-violence"),
    ("rape", "en", "harassment-sexual-violence"),
    ("8891", "en", "harassment-sexual-violence"),
    ("muốn chết", "vi", "night-weekend-help"),
    ("ban đêm", "vi", "night-weekend-help"),
    ("cuối tuần", "vi", "night-weekend-help"),
    ("死にたい", "ja", "night-weekend-help"),
    ("夜間", "ja", "night-weekend-help"),
    ("weekend", "en", "night-weekend-help"),
    ("suicide", "en", "night-weekend-help"),
    ("mental health", "en", "night-weekend-help"),
    ("tháng đầu", "vi", "first-month-lectures"),
    ("khóa học", "vi", "first-month-lectures"),
    ("入国後講習", "ja", "first-month-lectures"),
    ("講習手当", "ja", "first-month-lectures"),
    ("lectures", "en", "first-month-lectures"),
    ("first month", "en", "first-month-lectures"),
    ("bảo hiểm thất nghiệp", "vi", "employment-insurance-resident-tax"),
    ("thuế cư trú", "vi", "employment-insurance-resident-tax"),
    ("雇用保険", "ja", "employment-insurance-resident-tax"),
    ("住民税", "ja", "employment-insurance-resident-tax"),
    ("resident tax", "en", "employment-insurance-resident-tax"),
    ("unemployment", "en", "employment-insurance-resident-tax"),
    ("trung tâm tư vấn", "vi", "foreign-resident-centres"),
    ("phiên dịch", "vi", "foreign-resident-centres"),
    ("外国人相談", "ja", "foreign-resident-centres"),
    ("国際交流協会", "ja", "foreign-resident-centres"),
    ("consultation centre", "en", "foreign-resident-centres"),
    ("prefecture", "en", "foreign-resident-centres"),
    ("thanh lý hợp đồng", "vi", "after-early-return-vietnam"),
    ("tiền ký quỹ", "vi", "after-early-return-vietnam"),
    ("về nước trước hạn", "vi", "after-early-return-vietnam"),
    ("途中帰国", "ja", "after-early-return-vietnam"),
    ("送出機関", "ja", "after-early-return-vietnam"),
    ("early return", "en", "after-early-return-vietnam"),
    ("deposit", "en", "after-early-return-vietnam"),
    ("say nắng", "vi", "safety-heatstroke"),
    ("sốc nhiệt", "vi", "safety-heatstroke"),
    ("đồ bảo hộ", "vi", "safety-heatstroke"),
    ("熱中症", "ja", "safety-heatstroke"),
    ("保護具", "ja", "safety-heatstroke"),
    ("heat stroke", "en", "safety-heatstroke"),
    ("protective equipment", "en", "safety-heatstroke"),
]


@pytest.mark.parametrize(("query", "lang", "slug"), SEARCHES)
def test_search_finds_the_new_article(index, query, lang, slug):
    hits = [h.slug for h in index.search(query, lang=lang, limit=3)]
    assert slug in hits, (query, hits)


def test_every_vietnamese_search_also_works_without_accents(index):
    for query, lang, slug in SEARCHES:
        if lang == "vi":
            hits = [h.slug for h in index.search(fold(query), lang="vi", limit=3)]
            assert slug in hits, (fold(query), hits)


# A trainee often has only the Japanese word from a letter or a payslip: it must find the Vietnamese article.
JAPANESE_WORD_IN_VIETNAMESE = [
    ("休業手当", "business-closure-allowance"),
    ("解雇", "dismissal"),
    ("失踪", "already-left-employer"),
    ("偽造在留カード", "scams-after-leaving"),
    ("倒産", "employer-bankruptcy-unpaid-wages"),
    ("出生届", "giving-birth-in-japan"),
    ("セクハラ", "harassment-sexual-violence"),
    ("よりそいホットライン", "night-weekend-help"),
    ("入国後講習", "first-month-lectures"),
    ("住民税", "employment-insurance-resident-tax"),
    ("外国人相談", "foreign-resident-centres"),
    ("途中帰国", "after-early-return-vietnam"),
    ("熱中症", "safety-heatstroke"),
]


@pytest.mark.parametrize(("query", "slug"), JAPANESE_WORD_IN_VIETNAMESE)
def test_japanese_word_finds_the_vietnamese_article(index, query, slug):
    hits = [h.slug for h in index.search(query, lang="vi", limit=3)]
    assert slug in hits, (query, hits)


def test_every_new_article_has_a_japanese_word_search():
    assert {slug for _q, slug in JAPANESE_WORD_IN_VIETNAMESE} == set(NEW_SLUGS)

